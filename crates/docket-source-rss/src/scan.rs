//! Finding items in a feed: a streaming pass with quick-xml that reports the byte range of every
//! `<item>` (RSS) or `<entry>` (Atom), wherever it sits in the document.

use std::io::BufRead;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

/// Which syndication format a file is, from its root element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavor {
    /// `<rss>` (0.9x, 2.0) or `<rdf:RDF>` (1.0): records are `<item>` elements.
    Rss,
    /// `<feed>`: records are `<entry>` elements.
    Atom,
}

impl Flavor {
    /// The local name of a record element.
    pub fn record_element(self) -> &'static [u8] {
        match self {
            Flavor::Rss => b"item",
            Flavor::Atom => b"entry",
        }
    }
}

/// What the document says before its first record that item parsing needs again: the XML
/// declaration (for the encoding) and the namespace declarations of the root.
#[derive(Debug, Clone, Default)]
pub struct Prologue {
    /// `<?xml ...?>`, verbatim, or empty.
    pub declaration: Vec<u8>,
    /// ` xmlns:x="..."` attributes of the root element, re-serialized.
    pub namespaces: Vec<u8>,
}

/// The next thing the scanner found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// A record element: `[start, end)` byte offsets in the file.
    Record {
        /// Offset of its `<`.
        start: u64,
        /// Offset just after its end tag, or, for a record left open, of the last byte before
        /// the next record's start tag that is not white space.
        end: u64,
        /// Whether it has its own end tag. A record that is still open when the next one starts
        /// ends there, as an HTML `<li>` does.
        closed: bool,
    },
    /// A record element the file breaks off in (or that the XML reader cannot read past):
    /// reading this file stops after it.
    Broken {
        /// Offset of its `<`.
        start: u64,
        /// How far the reader got.
        end: u64,
        /// Why reading stopped.
        reason: String,
    },
    /// No more records.
    End,
}

/// Streams a feed and yields the byte ranges of its records. It holds one XML event at a time,
/// never a whole record or the whole file.
pub struct Scanner<R> {
    reader: Reader<R>,
    buf: Vec<u8>,
    flavor: Flavor,
    done: bool,
    /// The start of a record whose start tag ended the previous record.
    pending: Option<u64>,
    /// An empty record (`<item/>`) that ended the previous record.
    ready: Option<Found>,
    /// Offset just after the last byte that is not white space, for ending open records there.
    last_content: u64,
}

/// Why a file is not a feed at all (a source-level problem, not a record-level one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotAFeed {
    /// Byte offset where the problem was found.
    pub offset: u64,
    /// What is wrong.
    pub reason: String,
}

fn lenient<R>(reader: &mut Reader<R>) {
    let config = reader.config_mut();
    // item boundaries are found by counting record elements; whether an item's own markup is well formed
    // is for the item parser to say, so that one bad item is one reject
    config.check_end_names = false;
    config.allow_unmatched_ends = true;
    config.allow_dangling_amp = true;
}

/// ` name="value"` for every `xmlns` attribute of the root element.
fn namespace_attributes(root: &BytesStart<'_>) -> Vec<u8> {
    let mut out = Vec::new();
    for attribute in root.attributes().with_checks(false).flatten() {
        let key = attribute.key.as_ref();
        if key == b"xmlns" || key.starts_with(b"xmlns:") {
            out.push(b' ');
            out.extend_from_slice(key);
            out.extend_from_slice(b"=\"");
            for &byte in attribute.value.iter() {
                if byte == b'"' {
                    out.extend_from_slice(b"&quot;");
                } else {
                    out.push(byte);
                }
            }
            out.push(b'"');
        }
    }
    out
}

impl<R: BufRead> Scanner<R> {
    /// Reads up to the root element. `Ok(None)` for a file without any element (an empty file
    /// has no records).
    pub fn open(input: R) -> Result<Option<(Scanner<R>, Prologue)>, NotAFeed> {
        let mut reader = Reader::from_reader(input);
        lenient(&mut reader);
        let mut buf = Vec::new();
        let mut prologue = Prologue::default();
        loop {
            let event = reader.read_event_into(&mut buf).map_err(|e| NotAFeed {
                offset: reader.error_position(),
                reason: format!("not well-formed XML before the root element: {e}"),
            })?;
            let root = match event {
                Event::Decl(decl) => {
                    prologue.declaration = [&b"<?"[..], decl.as_ref(), b"?>"].concat();
                    buf.clear();
                    continue;
                }
                Event::Eof => return Ok(None),
                Event::Start(root) | Event::Empty(root) => root,
                Event::Text(text) if text.iter().all(u8::is_ascii_whitespace) => {
                    buf.clear();
                    continue;
                }
                Event::Text(_) | Event::CData(_) | Event::End(_) | Event::GeneralRef(_) => {
                    return Err(NotAFeed {
                        offset: reader.buffer_position(),
                        reason: "content before the root element: not an XML feed".to_string(),
                    })
                }
                _ => {
                    buf.clear();
                    continue;
                }
            };
            let flavor = match root.local_name().as_ref() {
                b"rss" | b"RDF" => Flavor::Rss,
                b"feed" => Flavor::Atom,
                other => {
                    return Err(NotAFeed {
                        offset: reader.buffer_position(),
                        reason: format!(
                            "the root element is <{}>, not <rss>, <rdf:RDF> or <feed>: not an RSS or Atom feed",
                            String::from_utf8_lossy(other)
                        ),
                    })
                }
            };
            prologue.namespaces = namespace_attributes(&root);
            buf.clear();
            return Ok(Some((
                Scanner {
                    reader,
                    buf,
                    flavor,
                    done: false,
                    pending: None,
                    ready: None,
                    last_content: 0,
                },
                prologue,
            )));
        }
    }

    /// The file's format.
    pub fn flavor(&self) -> Flavor {
        self.flavor
    }

    /// Bytes consumed so far.
    pub fn position(&self) -> u64 {
        self.reader.buffer_position()
    }

    /// The next record's byte range. A record ends at the end tag that matches it, counting only
    /// record elements (so broken markup inside an item stays inside it). An XML error outside a
    /// record is returned as `Err`; inside one it is a [`Found::Broken`] record, after which the
    /// scanner reports the end.
    pub fn next(&mut self) -> Result<Found, NotAFeed> {
        if let Some(found) = self.ready.take() {
            return Ok(found);
        }
        if self.done {
            return Ok(Found::End);
        }
        let name = self.flavor.record_element();
        let mut open: Option<u64> = self.pending.take();
        loop {
            self.buf.clear();
            let before = self.reader.buffer_position();
            let event = match self.reader.read_event_into(&mut self.buf) {
                Ok(event) => event,
                Err(error) => {
                    self.done = true;
                    let at = self.reader.error_position();
                    return match open {
                        Some(start) => Ok(Found::Broken {
                            start,
                            end: self.reader.buffer_position().max(start),
                            reason: format!("XML error at byte {at}: {error}"),
                        }),
                        None => Err(NotAFeed {
                            offset: at,
                            reason: format!("XML error: {error}"),
                        }),
                    };
                }
            };
            let after = self.reader.buffer_position();
            // only record elements count: broken markup inside an item stays inside it (the
            // item parser rejects it), and an item still open when the next one starts ends there
            match (event, open) {
                (Event::Eof, Some(start)) => {
                    self.done = true;
                    return Ok(Found::Broken {
                        start,
                        end: after,
                        reason: format!(
                            "the file ends inside this <{}>: it is cut short",
                            String::from_utf8_lossy(name)
                        ),
                    });
                }
                (Event::Eof, None) => {
                    self.done = true;
                    return Ok(Found::End);
                }
                (Event::Start(e), None) if e.local_name().as_ref() == name => open = Some(before),
                (Event::Empty(e), None) if e.local_name().as_ref() == name => {
                    return Ok(Found::Record {
                        start: before,
                        end: after,
                        closed: true,
                    })
                }
                (Event::Start(e), Some(start)) if e.local_name().as_ref() == name => {
                    self.pending = Some(before);
                    return Ok(Found::Record {
                        start,
                        end: self.last_content.max(start),
                        closed: false,
                    });
                }
                (Event::Empty(e), Some(start)) if e.local_name().as_ref() == name => {
                    self.ready = Some(Found::Record {
                        start: before,
                        end: after,
                        closed: true,
                    });
                    return Ok(Found::Record {
                        start,
                        end: self.last_content.max(start),
                        closed: false,
                    });
                }
                (Event::End(e), Some(start)) if e.local_name().as_ref() == name => {
                    return Ok(Found::Record {
                        start,
                        end: after,
                        closed: true,
                    })
                }
                (Event::Text(text), _) => {
                    if let Some(keep) = text.iter().rposition(|b| !b.is_ascii_whitespace()) {
                        self.last_content = before + keep as u64 + 1;
                    }
                }
                _ => self.last_content = after,
            }
        }
    }
}

/// Where the content of a record's direct child elements starts, relative to the record: the
/// first child of each name wins. A content that opens with `<![CDATA[` starts after it.
pub fn child_offsets(record: &[u8]) -> Vec<(Vec<u8>, u64)> {
    let mut reader = Reader::from_reader(record);
    lenient(&mut reader);
    let mut buf = Vec::new();
    let mut depth = 0usize;
    let mut found: Vec<(Vec<u8>, u64)> = Vec::new();
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) => {
                depth += 1;
                if depth == 2 {
                    let name = e.local_name().as_ref().to_vec();
                    if !found.iter().any(|(n, _)| *n == name) {
                        let mut offset = reader.buffer_position();
                        let rest = usize::try_from(offset)
                            .ok()
                            .and_then(|o| record.get(o..))
                            .unwrap_or_default();
                        if rest.starts_with(b"<![CDATA[") {
                            offset += 9;
                        }
                        found.push((name, offset));
                    }
                }
            }
            Ok(Event::End(_)) => depth = depth.saturating_sub(1),
            Ok(Event::Eof) | Err(_) => return found,
            Ok(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(text: &str) -> (Flavor, Vec<Found>) {
        let (mut scanner, _) = Scanner::open(text.as_bytes()).unwrap().unwrap();
        let mut found = Vec::new();
        loop {
            let next = scanner.next().unwrap();
            if next == Found::End {
                return (scanner.flavor(), found);
            }
            found.push(next);
        }
    }

    #[test]
    fn items_are_found_with_or_without_a_channel() {
        let text = "<rss><item><title>a</title></item><channel><item/><x><item><t>b</t>\n<item>c</item></item><item>d<item/></x></channel></rss>";
        let (flavor, found) = scan(text);
        assert_eq!(flavor, Flavor::Rss);
        let ranges: Vec<&str> = found
            .iter()
            .map(|f| match f {
                Found::Record { start, end, .. } => &text[*start as usize..*end as usize],
                other => panic!("{other:?}"),
            })
            .collect();
        // an item still open when the next starts ends before it; a stray end tag is ignored
        assert_eq!(
            ranges,
            [
                "<item><title>a</title></item>",
                "<item/>",
                "<item><t>b</t>",
                "<item>c</item>",
                "<item>d",
                "<item/>"
            ]
        );
        let closed: Vec<bool> = found
            .iter()
            .map(|f| matches!(f, Found::Record { closed: true, .. }))
            .collect();
        assert_eq!(closed, [true, true, false, true, false, true]);
    }

    #[test]
    fn a_file_cut_inside_an_item_gives_a_broken_record() {
        let (_, found) = scan("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>a</title></entry><entry><title>b");
        assert!(matches!(found[0], Found::Record { .. }));
        let Found::Broken { start, reason, .. } = &found[1] else {
            panic!("{found:?}")
        };
        assert_eq!(*start, 73);
        assert!(reason.contains("cut short"), "{reason}");
    }

    #[test]
    fn other_documents_are_not_feeds() {
        let Err(error) = Scanner::open(&b"<html><item/></html>"[..]) else {
            panic!()
        };
        assert!(error.reason.contains("<html>"), "{}", error.reason);
        assert!(Scanner::open(&b""[..]).unwrap().is_none());
    }

    #[test]
    fn child_offsets_skip_cdata_openers() {
        let item = b"<item>\n <title>T</title><description><![CDATA[D]]></description></item>";
        let offsets = child_offsets(item);
        assert_eq!(offsets[0], (b"title".to_vec(), 15));
        assert_eq!(item[15], b'T');
        assert_eq!(item[offsets[1].1 as usize], b'D');
    }
}
