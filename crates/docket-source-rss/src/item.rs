//! Reading one record's bytes with the feed parsers, and turning its text into plain text.

use std::borrow::Cow;

use crate::scan::{Flavor, Prologue};
use crate::ItemError;

/// The values of one item or entry, by element name (see [`crate::RSS_ELEMENTS`] and
/// [`crate::ATOM_ELEMENTS`]), decoded by the feed parser.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entry {
    values: Vec<(&'static str, Vec<String>)>,
}

impl Entry {
    fn set(&mut self, name: &'static str, value: Option<&str>) {
        if let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) {
            self.values.push((name, vec![value.to_string()]));
        }
    }

    fn set_all(&mut self, name: &'static str, values: impl Iterator<Item = String>) {
        let values: Vec<String> = values
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
            .collect();
        if !values.is_empty() {
            self.values.push((name, values));
        }
    }

    /// All values of an element.
    pub fn all(&self, name: &str) -> Option<&[String]> {
        self.values
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_slice())
    }

    /// The first value of an element.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.all(name).and_then(|v| v.first()).map(String::as_str)
    }
}

/// The record's bytes inside a minimal document the feed parsers accept: the file's XML
/// declaration, a root (`<rss><channel>` or `<feed>`) with the file's namespace declarations,
/// the record, and the closing tags. This is also what makes feeds whose items sit outside a
/// `<channel>` readable: the `rss` crate wants a channel, and gets one. A record left open (see
/// [`crate::scan::Found::Record`]) gets its end tag.
fn wrap(flavor: Flavor, prologue: &Prologue, record: &[u8], closed: bool) -> Vec<u8> {
    let (open, close): (&[u8], &[u8]) = match flavor {
        Flavor::Rss => (b"<rss version=\"2.0\"", b"</channel></rss>"),
        Flavor::Atom => (b"<feed", b"</feed>"),
    };
    let mut doc = Vec::with_capacity(
        prologue.declaration.len() + prologue.namespaces.len() + record.len() + 64,
    );
    doc.extend_from_slice(&prologue.declaration);
    doc.extend_from_slice(open);
    doc.extend_from_slice(&prologue.namespaces);
    doc.extend_from_slice(match flavor {
        Flavor::Rss => b"><channel>",
        Flavor::Atom => b">",
    });
    doc.extend_from_slice(record);
    if !closed {
        doc.extend_from_slice(match flavor {
            Flavor::Rss => b"</item>",
            Flavor::Atom => b"</entry>",
        });
    }
    doc.extend_from_slice(close);
    doc
}

/// Parses one `<item>` or `<entry>`; `closed` says whether it has its own end tag.
pub fn parse(
    flavor: Flavor,
    prologue: &Prologue,
    record: &[u8],
    closed: bool,
) -> Result<Entry, ItemError> {
    let doc = wrap(flavor, prologue, record, closed);
    match flavor {
        Flavor::Rss => {
            let channel = rss::Channel::read_from(&doc[..]).map_err(|e| ItemError::Unreadable {
                reason: e.to_string(),
            })?;
            let item = channel
                .items
                .into_iter()
                .next()
                .ok_or(ItemError::Unreadable {
                    reason: "no <item> element could be read".to_string(),
                })?;
            Ok(rss_entry(&item))
        }
        Flavor::Atom => {
            let feed =
                atom_syndication::Feed::read_from(&doc[..]).map_err(|e| ItemError::Unreadable {
                    reason: e.to_string(),
                })?;
            let entry = feed
                .entries
                .into_iter()
                .next()
                .ok_or(ItemError::Unreadable {
                    reason: "no <entry> element could be read".to_string(),
                })?;
            Ok(atom_entry(&entry))
        }
    }
}

fn rss_entry(item: &rss::Item) -> Entry {
    let mut entry = Entry::default();
    let dublin = item.dublin_core_ext();
    entry.set("title", item.title());
    entry.set("link", item.link());
    entry.set("description", item.description());
    entry.set("guid", item.guid().map(rss::Guid::value));
    entry.set(
        "pubDate",
        item.pub_date()
            .or_else(|| dublin.and_then(|d| d.dates().first()).map(String::as_str)),
    );
    entry.set(
        "author",
        item.author().or_else(|| {
            dublin
                .and_then(|d| d.creators().first())
                .map(String::as_str)
        }),
    );
    entry.set_all(
        "category",
        item.categories().iter().map(|c| c.name().to_string()),
    );
    entry.set("comments", item.comments());
    entry.set("content", item.content());
    entry
}

fn atom_entry(item: &atom_syndication::Entry) -> Entry {
    let mut entry = Entry::default();
    entry.set("title", Some(item.title().as_str()));
    entry.set("id", Some(item.id()));
    let link = item
        .links()
        .iter()
        .find(|l| l.rel() == "alternate")
        .or_else(|| item.links().first());
    entry.set("link", link.map(atom_syndication::Link::href));
    entry.set(
        "summary",
        item.summary().map(atom_syndication::Text::as_str),
    );
    entry.set(
        "content",
        item.content().and_then(atom_syndication::Content::value),
    );
    entry.set(
        "published",
        item.published().map(|d| d.to_rfc3339()).as_deref(),
    );
    // a missing <updated> reads as the Unix epoch: that is no date
    let updated = Some(item.updated())
        .filter(|d| d.timestamp() != 0)
        .map(|d| d.to_rfc3339());
    entry.set("updated", updated.as_deref());
    entry.set(
        "author",
        item.authors().first().map(atom_syndication::Person::name),
    );
    entry.set_all(
        "category",
        item.categories().iter().map(|c| c.term().to_string()),
    );
    entry
}

/// Plain text from a feed text that may hold HTML (RSS descriptions usually do): tags are
/// dropped (block tags become a blank line, so paragraphs stay separate sentences; inline tags
/// vanish) and the
/// common character references are decoded. Text without `<` or `&` is returned as it is.
pub fn plain_text(text: &str) -> Cow<'_, str> {
    if !text.contains(['<', '&']) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(['<', '&']) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if rest.starts_with('<') {
            let tag_like = rest.as_bytes().get(1).is_some_and(|&b| opens_tag(b));
            match rest.find('>').filter(|_| tag_like) {
                Some(end) => {
                    let name: String = rest[1..end]
                        .trim_start_matches('/')
                        .chars()
                        .take_while(char::is_ascii_alphanumeric)
                        .collect::<String>()
                        .to_ascii_lowercase();
                    let block = matches!(
                        name.as_str(),
                        "p" | "br"
                            | "div"
                            | "li"
                            | "ul"
                            | "ol"
                            | "h1"
                            | "h2"
                            | "h3"
                            | "h4"
                            | "h5"
                            | "h6"
                            | "tr"
                            | "table"
                            | "blockquote"
                    );
                    if block {
                        out.push_str("\n\n");
                    }
                    rest = &rest[end + 1..];
                }
                None => {
                    out.push('<');
                    rest = &rest[1..];
                }
            }
        } else {
            match decode_reference(rest) {
                Some((c, used)) => {
                    out.push(c);
                    rest = &rest[used..];
                }
                None => {
                    out.push('&');
                    rest = &rest[1..];
                }
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Whether a `<` followed by `byte` opens markup that [`plain_text`] drops (a tag, an end tag,
/// a comment or declaration), rather than being a literal `<` of the text.
pub(crate) fn opens_tag(byte: u8) -> bool {
    byte.is_ascii_alphabetic() || byte == b'/' || byte == b'!'
}

/// `&amp;`, `&#38;`, `&#x26;` ... at the start of `text`: the character and the bytes used.
pub(crate) fn decode_reference(text: &str) -> Option<(char, usize)> {
    let end = text.char_indices().take(12).find(|&(_, c)| c == ';')?.0;
    let name = &text[1..end];
    let c = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "ndash" => '–',
        "mdash" => '—',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "hellip" => '…',
        "euro" => '€',
        "pound" => '£',
        "yen" => '¥',
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(code)?
        }
    };
    Some((c, end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_becomes_text() {
        assert_eq!(plain_text("SEC Charges CEO"), "SEC Charges CEO");
        assert_eq!(
            plain_text("<p>Fined <b>€1m</b>.</p><p>Next</p>"),
            "\n\nFined €1m.\n\n\n\nNext\n\n"
        );
        assert_eq!(
            plain_text("AT&amp;T &#8364;5 &#x24;6 &bogus; a < b"),
            "AT&T €5 $6 &bogus; a < b"
        );
        assert_eq!(plain_text("R&D"), "R&D");
    }

    #[test]
    fn an_item_outside_a_channel_is_read() {
        let prologue = Prologue {
            declaration: b"<?xml version=\"1.0\"?>".to_vec(),
            namespaces: Vec::new(),
        };
        let item = b"<item><title>A &amp; B</title><guid isPermaLink=\"false\">LR-1</guid><pubDate>Fri, 04 Oct 2019 11:20:02 EDT</pubDate><category>x</category><category>y</category></item>";
        let entry = parse(Flavor::Rss, &prologue, item, true).unwrap();
        assert_eq!(entry.get("title"), Some("A & B"));
        assert_eq!(entry.get("guid"), Some("LR-1"));
        assert_eq!(entry.get("pubDate"), Some("Fri, 04 Oct 2019 11:20:02 EDT"));
        assert_eq!(entry.all("category").unwrap(), ["x", "y"]);
        assert!(parse(
            Flavor::Rss,
            &prologue,
            b"<item><title>x</titel></item>",
            true
        )
        .is_err());
        // an item left open is read with its end tag supplied
        let open = parse(Flavor::Rss, &prologue, b"<item><title>open</title>", false).unwrap();
        assert_eq!(open.get("title"), Some("open"));
    }
}
