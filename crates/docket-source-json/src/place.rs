//! Where a decoded JSON string sits in the file.
//!
//! A record's `text` field is handed to the extractor decoded: every escape (`\n`, `\"`,
//! `\u00e9`, a surrogate pair) is one character in the text and 2, 6 or 12 bytes in the file.
//! [`string_anchors`] walks the text and the string's bytes side by side and records an
//! [`Anchor`] after each escape, so that the extractor's spans are file offsets.

use docket_core::{Anchor, Anchors};

/// Anchors placing `text`, the decoded content of the JSON string `literal` (quotes included)
/// that starts at file offset `start`. `None` when the text is not that string's content.
pub(crate) fn string_anchors(text: &str, literal: &[u8], start: u64) -> Option<Vec<Anchor>> {
    if literal.first() != Some(&b'"') {
        return None;
    }
    let mut anchors = Anchors::new();
    let mut cursor = 1usize;
    for (index, c) in text.char_indices() {
        let used = if literal.get(cursor) == Some(&b'\\') {
            let (decoded, used) = escape(literal.get(cursor..)?)?;
            (decoded == c).then_some(used)?
        } else {
            Anchors::literal_len(literal.get(cursor..)?, c)?
        };
        anchors.place(index, start + cursor as u64);
        cursor += used;
    }
    // the whole string, and nothing more, must have been read
    (literal.get(cursor..) == Some(b"\"")).then(|| anchors.finish())
}

/// The character a JSON escape at the start of `bytes` stands for, and its length.
fn escape(bytes: &[u8]) -> Option<(char, usize)> {
    let simple = match bytes.get(1)? {
        b'"' => '"',
        b'\\' => '\\',
        b'/' => '/',
        b'b' => '\u{8}',
        b'f' => '\u{c}',
        b'n' => '\n',
        b'r' => '\r',
        b't' => '\t',
        b'u' => {
            let unit = hex4(bytes.get(2..6)?)?;
            if (0xD800..0xDC00).contains(&unit) {
                // a surrogate pair: \uD83D\uDE00
                if bytes.get(6..8)? != b"\\u" {
                    return None;
                }
                let low = hex4(bytes.get(8..12)?)?;
                let code = 0x10000 + ((u32::from(unit) - 0xD800) << 10) + (u32::from(low) - 0xDC00);
                return Some((char::from_u32(code)?, 12));
            }
            return Some((char::from_u32(u32::from(unit))?, 6));
        }
        _ => return None,
    };
    Some((simple, 2))
}

fn hex4(bytes: &[u8]) -> Option<u16> {
    u16::from_str_radix(std::str::from_utf8(bytes).ok()?, 16).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Decodes `literal` with serde_json, aligns, and checks every character's place.
    fn check(literal: &str) -> Vec<Anchor> {
        let text: String = serde_json::from_str(literal).unwrap();
        let anchors = string_anchors(&text, literal.as_bytes(), 100).expect("aligned");
        let body = docket_core::TextBody {
            text: text.clone(),
            offset: anchors.first().map_or(101, |a| a.file),
            anchors: anchors.clone(),
            ..docket_core::TextBody::default()
        };
        for (index, c) in text.char_indices() {
            let at = (body.file_offset(index) - 100) as usize;
            let there = &literal[at..];
            let mut utf8 = [0u8; 4];
            assert!(
                there.starts_with(&*c.encode_utf8(&mut utf8)) || there.starts_with('\\'),
                "{c:?} at {index} placed on {there:?}"
            );
        }
        anchors
    }

    #[test]
    fn plain_strings_need_one_anchor() {
        assert_eq!(
            check(r#""The CNIL fined Google.""#),
            [Anchor { text: 0, file: 101 }]
        );
        assert_eq!(check(r#""""#), []);
    }

    #[test]
    fn escapes_shift_what_follows() {
        let anchors = check(r#""A \"quoted\" fine\nof \u20ac5 \ud83d\ude00 \\ done""#);
        assert_eq!(anchors.len(), 7, "{anchors:?}");
        // after \" (2 bytes for 1 character) the text is one byte further on
        assert_eq!(anchors[1], Anchor { text: 3, file: 105 });
    }

    /// A JSON string literal for `text` with every character outside ASCII escaped as
    /// `\uXXXX` (surrogate pairs above U+FFFF), as `ensure_ascii` writers do.
    fn ascii_literal(text: &str) -> String {
        let plain = serde_json::to_string(text).unwrap();
        let mut out = String::new();
        for c in plain.chars() {
            if c.is_ascii() {
                out.push(c);
            } else {
                for unit in c.encode_utf16(&mut [0u16; 2]) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            }
        }
        out
    }

    proptest::proptest! {
        /// Whatever the string, as serde_json writes it or with everything outside ASCII
        /// escaped, every character of the decoded text is placed on its bytes.
        #[test]
        fn every_string_is_placed(text in "\\PC*|[\\x00-\\x1f\"\\\\/é€😀 a]{0,40}") {
            for literal in [serde_json::to_string(&text).unwrap(), ascii_literal(&text)] {
                check(&literal);
            }
        }
    }

    #[test]
    fn text_that_is_not_the_string_is_not_placed() {
        assert_eq!(string_anchors("other", br#""text""#, 0), None);
        assert_eq!(string_anchors("tex", br#""text""#, 0), None);
        assert_eq!(string_anchors("12", b"12", 0), None);
    }
}
