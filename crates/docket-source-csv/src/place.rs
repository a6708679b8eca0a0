//! Where a CSV field's text sits in the file.
//!
//! A `text` column is handed to the extractor as the parser unescaped it: without the quotes
//! around a quoted field, and with each doubled quote (`""`) one quote. [`field_range`] finds
//! the field in the row's bytes with `csv_core` itself (the parser that read the row), and
//! [`field_anchors`] records an [`Anchor`] after each doubled quote, so that the extractor's
//! spans are file offsets.

use docket_core::{Anchor, Anchors};

/// The byte range of field `index` in a row's bytes (`raw`, without line ends), its quotes
/// included. `None` when the row has fewer fields. The fields are split by `csv_core`, the
/// parser that read the row, field by field: the bytes each field consumed give its range.
pub(crate) fn field_range(raw: &[u8], index: usize, delimiter: u8) -> Option<(usize, usize)> {
    use csv_core::ReadFieldResult;
    let mut reader = csv_core::ReaderBuilder::new().delimiter(delimiter).build();
    // the unescaped value is not needed, only how many bytes each field consumed
    let mut scratch = [0u8; 256];
    let (mut at, mut start, mut field) = (0usize, 0usize, 0usize);
    loop {
        // (an empty rest tells the parser the input has ended)
        let (result, consumed, _) = reader.read_field(raw.get(at..)?, &mut scratch);
        at += consumed;
        match result {
            ReadFieldResult::InputEmpty | ReadFieldResult::OutputFull => {}
            ReadFieldResult::Field { record_end } => {
                if field == index {
                    // a field that is not the record's last consumed its delimiter too
                    return Some((start, if record_end { at } else { at - 1 }));
                }
                if record_end {
                    return None;
                }
                field += 1;
                start = at;
            }
            ReadFieldResult::End => return None,
        }
    }
}

/// Anchors placing `text`, the unescaped value of the field whose bytes are `field` (starting
/// at file offset `start`). `None` when the text is not that field's value.
pub(crate) fn field_anchors(text: &str, field: &[u8], start: u64) -> Option<Vec<Anchor>> {
    let mut in_quotes = field.first() == Some(&b'"');
    let mut cursor = usize::from(in_quotes);
    let mut anchors = Anchors::new();
    for (index, c) in text.char_indices() {
        if in_quotes && field.get(cursor) == Some(&b'"') && field.get(cursor + 1) != Some(&b'"') {
            // the closing quote: what follows it is read as written
            in_quotes = false;
            cursor += 1;
        }
        let used = if in_quotes && field.get(cursor..cursor + 2) == Some(b"\"\"") {
            (c == '"').then_some(2)?
        } else {
            Anchors::literal_len(field.get(cursor..)?, c)?
        };
        anchors.place(index, start + cursor as u64);
        cursor += used;
    }
    let rest = field.get(cursor..)?;
    (rest.is_empty() || (in_quotes && rest == b"\"")).then(|| anchors.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Parses `row` with the csv crate's core, places field `index`, and checks every
    /// character's place.
    fn check(row: &str, index: usize) -> (String, Vec<Anchor>) {
        let mut reader = csv_core::Reader::new();
        let mut out = vec![0u8; 1024];
        let mut ends = vec![0usize; 16];
        let input = format!("{row}\n");
        let (_, _, written, fields) = reader.read_record(input.as_bytes(), &mut out, &mut ends);
        assert!(index < fields);
        let from = if index == 0 { 0 } else { ends[index - 1] };
        let text = std::str::from_utf8(&out[from..ends[index]])
            .unwrap()
            .to_string();
        assert!(ends[fields - 1] <= written);
        let (a, b) = field_range(row.as_bytes(), index, b',').expect("the field");
        let anchors = field_anchors(&text, &row.as_bytes()[a..b], 50 + a as u64).expect("placed");
        let body = docket_core::TextBody {
            text: text.clone(),
            offset: anchors.first().map_or(50 + a as u64, |x| x.file),
            anchors: anchors.clone(),
            ..docket_core::TextBody::default()
        };
        for (i, c) in text.char_indices() {
            let at = (body.file_offset(i) - 50) as usize;
            let mut utf8 = [0u8; 4];
            assert!(
                row[at..].starts_with(&*c.encode_utf8(&mut utf8)),
                "{c:?} at {i} placed on {:?}",
                &row[at..]
            );
        }
        (text, anchors)
    }

    #[test]
    fn plain_and_quoted_fields() {
        let (text, anchors) = check("ETid-1,2021-12-13,The CNIL fined Google.", 2);
        assert_eq!(text, "The CNIL fined Google.");
        assert_eq!(anchors, [Anchor { text: 0, file: 68 }]);
        let (text, anchors) = check(r#"a,"Fined, then ""appealed"" in court",c"#, 1);
        assert_eq!(text, r#"Fined, then "appealed" in court"#);
        // the opening quote, then one byte more after each doubled quote
        assert_eq!(anchors.len(), 3, "{anchors:?}");
        assert_eq!(anchors[0], Anchor { text: 0, file: 53 });
    }

    #[test]
    fn a_quoted_field_with_a_line_break_and_text_after_its_closing_quote() {
        check("x,\"two\nlines\"", 1);
        check(r#""quoted"tail,y"#, 0);
        check("é,ü,\"ñ\"", 2);
    }

    /// A field as a CSV writer writes it: quoted (quotes doubled) when it holds a delimiter, a
    /// quote or a line end, or always when `force`.
    fn written(field: &str, force: bool) -> String {
        if force || field.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", field.replace('"', "\"\""))
        } else {
            field.to_string()
        }
    }

    proptest::proptest! {
        /// Whatever the fields, quoted or not, the text of each is placed on its bytes.
        #[test]
        fn every_field_is_placed(
            fields in proptest::collection::vec("[a-z ,\"\né€😀]{0,12}", 1..5),
            force in proptest::bool::ANY,
            pick in 0usize..5,
        ) {
            let row: Vec<String> = fields.iter().map(|f| written(f, force)).collect();
            let row = row.join(",");
            let index = pick % fields.len();
            // a row of one empty unquoted field is an empty line, which is no row
            proptest::prop_assume!(!row.is_empty());
            let (text, _) = check(&row, index);
            proptest::prop_assert_eq!(&text, &fields[index]);
        }
    }

    #[test]
    fn a_missing_field_or_other_text_is_not_placed() {
        assert_eq!(field_range(b"a,b", 2, b','), None);
        assert_eq!(field_anchors("other", b"text", 0), None);
        assert_eq!(field_anchors("tex", b"text", 0), None);
    }
}
