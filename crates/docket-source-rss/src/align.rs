//! Where an element's text sits in the file.
//!
//! The text handed to the extractor is an element's content after XML decoding (by the feed
//! crates), markup removal and reference decoding ([`crate::plain_text`]), and trimming, so it
//! is shorter than the bytes it comes from wherever the element holds a character reference, a
//! CDATA section or HTML. [`align`] walks the text and the element's bytes side by side and
//! records an [`Anchor`] wherever the two stop following each other byte for byte, so that
//! every span the extractor reports is a file offset.

use docket_core::{Anchor, Anchors};

use crate::item::{decode_reference, opens_tag};

/// Raw bytes looked at to decode one character reference (`&#x1F600;` is 9).
const REFERENCE_WINDOW: usize = 16;

/// Anchors placing `text` in the file, given `raw`, the file's bytes from the start of the
/// element's content (file offset `start`) on. Anchor indices are relative to `text`. The
/// second value says whether every character of the text was found; when one is not (markup
/// this walk does not know), anchors stop there and the rest of the text is placed from the
/// last anchor, as if it followed the file byte for byte.
pub(crate) fn align(text: &str, raw: &[u8], start: u64) -> (Vec<Anchor>, bool) {
    let raw = &raw[..content_end(raw)];
    let mut anchors = Anchors::new();
    let mut cursor = 0usize;
    for (index, c) in text.char_indices() {
        let Some((at, used)) = find_char(raw, cursor, c) else {
            return (anchors.finish(), false);
        };
        anchors.place(index, start + at as u64);
        cursor = at + used;
    }
    (anchors.finish(), true)
}

/// Where character `c` of the text is written in `raw`, from `cursor` on: its position and the
/// bytes it takes there. Markup the text dropped is passed over on the way; white space the
/// text gained (a block tag becomes a blank line) takes no bytes.
fn find_char(raw: &[u8], mut cursor: usize, c: char) -> Option<(usize, usize)> {
    loop {
        // markup first: `<![CDATA[` or `<b>` is never the text's `<` (`plain_text` drops a tag)
        let rest = raw.get(cursor..)?;
        if let Some(skip) = markup_length(rest) {
            cursor += skip;
            continue;
        }
        if let Some(used) = written_as(raw, cursor, c) {
            return Some((cursor, used));
        }
        if c.is_whitespace() {
            // inserted by the markup just passed over
            return Some((cursor, 0));
        }
        match rest.first() {
            // white space trimmed off the text, or dropped with a tag
            Some(b) if b.is_ascii_whitespace() => cursor += 1,
            _ => return None,
        }
    }
}

/// The bytes `c` takes at the start of `raw[cursor..]`: itself, a character reference, or a
/// reference whose `&` is itself escaped (`&amp;#8364;`, decoded once by the feed crate and
/// once by `plain_text`).
fn written_as(raw: &[u8], cursor: usize, c: char) -> Option<usize> {
    let rest = raw.get(cursor..)?;
    // a reference first: `&amp;` is five bytes for "&", not "&" followed by "amp;"
    if rest.first() == Some(&b'&') {
        if let Some((decoded, used)) = decode_reference(window(rest)) {
            if decoded == '&' {
                let after = rest.get(used..).unwrap_or_default();
                let twice = format!("&{}", window(after));
                if let Some((again, used_again)) = decode_reference(&twice) {
                    if again == c {
                        return Some(used + used_again - 1);
                    }
                }
            }
            if decoded == c {
                return Some(used);
            }
        }
    }
    Anchors::literal_len(rest, c)
}

/// The first bytes of `raw` as text, enough for one reference.
fn window(raw: &[u8]) -> &str {
    let short = &raw[..raw.len().min(REFERENCE_WINDOW)];
    match std::str::from_utf8(short) {
        Ok(text) => text,
        Err(error) => std::str::from_utf8(&short[..error.valid_up_to()]).unwrap_or_default(),
    }
}

/// Where an element's content ends in `raw` (its bytes from the content's start on): at the
/// first `<` that does not open a CDATA section (XML text holds no other `<`: it is the end tag,
/// or a child element).
fn content_end(raw: &[u8]) -> usize {
    let mut at = 0usize;
    while at < raw.len() {
        if raw[at..].starts_with(b"<![CDATA[") {
            match raw[at + 9..].windows(3).position(|w| w == b"]]>") {
                Some(end) => at += 9 + end + 3,
                None => return raw.len(),
            }
        } else if raw[at] == b'<' {
            return at;
        } else {
            at += 1;
        }
    }
    raw.len()
}

/// The length of the markup `raw` starts with, if it does: a CDATA section's opening or
/// closing, a tag (`<b>`, `</p>`, `<!-- -->`), or a tag written with references
/// (`&lt;p&gt;`), as `plain_text` drops them.
fn markup_length(raw: &[u8]) -> Option<usize> {
    if raw.starts_with(b"<![CDATA[") {
        return Some(9);
    }
    if raw.starts_with(b"]]>") {
        return Some(3);
    }
    let tag_like = |b: Option<&u8>| b.is_some_and(|&b| opens_tag(b));
    if raw.first() == Some(&b'<') && tag_like(raw.get(1)) {
        // a tag inside CDATA ends at its `>`, not at the section's end (`]]>`)
        return raw
            .iter()
            .position(|&b| b == b'>')
            .filter(|&end| !raw[..=end].ends_with(b"]]>"))
            .map(|end| end + 1);
    }
    // a tag written with references (`&lt;p&gt;`, `&#60;b&#62;`): from a reference to `<`
    // followed by a tag's first character, to the first `>` however it is written
    if raw.first() == Some(&b'&') {
        if let Some(('<', used)) = decode_reference(window(raw)) {
            if tag_like(raw.get(used)) {
                let mut at = used;
                while at < raw.len() {
                    if raw[at] == b'>' {
                        return Some(at + 1);
                    }
                    if raw[at] == b'&' {
                        if let Some(('>', used)) = decode_reference(window(&raw[at..])) {
                            return Some(at + used);
                        }
                    }
                    at += 1;
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plain_text;

    /// Decodes `raw` as the feed crate and `plain_text` would, aligns the result, and checks
    /// that every character's file offset points at the bytes it came from.
    fn check(raw: &str, xml_decoded: &str) -> Vec<Anchor> {
        let text = plain_text(xml_decoded).trim().to_string();
        let (anchors, complete) = align(&text, raw.as_bytes(), 1000);
        assert!(complete, "{raw:?} -> {text:?}: not aligned, {anchors:?}");
        let body = docket_core::TextBody {
            text: text.clone(),
            offset: 1000,
            anchors: anchors.clone(),
            ..docket_core::TextBody::default()
        };
        for (index, c) in text.char_indices() {
            let at = (body.file_offset(index) - 1000) as usize;
            if c.is_whitespace() {
                continue;
            }
            let there = &raw[at..];
            assert!(
                there.starts_with(c) || there.starts_with('&'),
                "{c:?} at {index} placed at {there:?} in {raw:?}"
            );
        }
        anchors
    }

    #[test]
    fn plain_text_needs_one_anchor() {
        let anchors = check("SEC Charges CEO</description>", "SEC Charges CEO");
        assert_eq!(
            anchors,
            [Anchor {
                text: 0,
                file: 1000
            }]
        );
    }

    #[test]
    fn references_shift_what_follows() {
        // "AT&T Inc." from "AT&amp;T Inc.": T after the reference is 4 bytes further on
        let anchors = check("AT&amp;T Inc. fined", "AT&T Inc. fined");
        assert_eq!(
            anchors,
            [
                Anchor {
                    text: 0,
                    file: 1000
                },
                Anchor {
                    text: 3,
                    file: 1007
                }
            ]
        );
        check(
            "a &lt; b &#8364;5 &amp;#8364;6 &amp;amp; c",
            "a < b €5 &#8364;6 &amp; c",
        );
    }

    #[test]
    fn cdata_html_and_trimmed_white_space_are_passed_over() {
        check(
            "<![CDATA[<p>The <b>watchdog</b> opened an investigation.</p>]]></description>",
            "<p>The <b>watchdog</b> opened an investigation.</p>",
        );
        check(
            "\n   &lt;p&gt;Fined &lt;i&gt;€1m&lt;/i&gt;.&lt;/p&gt;&lt;p&gt;Next&lt;/p&gt;\n",
            "\n   <p>Fined <i>€1m</i>.</p><p>Next</p>\n",
        );
    }

    /// `text` as a feed writes it in an element: `&`, `<`, `>` and quotes as references (named
    /// or numeric, by `style`), `€` sometimes as a reference too; the second value is the text
    /// the feed crate decodes from it.
    fn escaped(text: &str, style: u8) -> String {
        let mut out = String::new();
        for (i, c) in text.chars().enumerate() {
            let numeric = (usize::from(style) + i) % 2 == 0;
            match c {
                '&' if numeric => out.push_str("&#38;"),
                '&' => out.push_str("&amp;"),
                '<' => out.push_str(if numeric { "&#60;" } else { "&lt;" }),
                '>' => out.push_str("&gt;"),
                '"' => out.push_str(if numeric { "&#x22;" } else { "&quot;" }),
                '€' if numeric => out.push_str("&#8364;"),
                c => out.push(c),
            }
        }
        out
    }

    proptest::proptest! {
        /// Whatever the element's text (references, a `<` that is or is not a tag, white space
        /// to trim), every character is placed on the bytes it was decoded from.
        #[test]
        fn every_element_text_is_placed(
            text in "[ a-zA-Z0-9.,&<>\"€]{0,30}",
            style in 0u8..2,
            cdata in proptest::bool::ANY,
        ) {
            let raw = if cdata {
                // CDATA holds the text as it is (a `]]>` cannot be inside)
                proptest::prop_assume!(!text.contains("]]>"));
                format!("<![CDATA[{text}]]></description>")
            } else {
                format!("{}</description>", escaped(&text, style))
            };
            check(&raw, &text);
        }
    }

    #[test]
    fn text_that_is_not_in_the_bytes_stops_the_anchors() {
        let (anchors, complete) = align("A B", b"A C", 0);
        assert!(!complete);
        assert_eq!(anchors, [Anchor { text: 0, file: 0 }]);
    }
}
