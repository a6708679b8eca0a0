//! An event as one line of compact JSON: byte for byte what `serde_json::to_writer` writes for
//! [`Event`], with the strings escaped eight bytes at a time.
//!
//! serde_json escapes a string one byte at a time through a table, and that loop was the largest
//! single cost of the structured pipelines (a fifth of their instructions: an event carries its
//! summary, names and evidence sentence). It has no hook to replace the loop, so this module
//! writes the event's structure and strings itself, and leaves the other values (numbers,
//! enums, the conversions of an amount, the conduct period) to serde_json, so that their forms
//! stay serde_json's. Amounts and dates are written with the same texts as their `Serialize`
//! impls (`DecimalText`, `PartialDate::text`).
//!
//! The field order and the skipped fields follow the serde attributes of [`Event`],
//! [`ActorRef`], [`DateValue`], [`Amount`] and [`SourceRef`]; the tests compare the output with
//! serde_json's for an event with every field set, for arbitrary strings, and for events
//! built from arbitrary values, so a field added to one of those types without being added here
//! fails them.

use docket_core::{ActorRef, Amount, DateValue, DecimalText, Event, SourceRef};
use serde::Serialize;

/// Appends `event` to `out` as compact JSON, exactly as `serde_json::to_writer(out, event)`
/// would (no newline).
pub fn write_event_json(out: &mut Vec<u8>, event: &Event) -> Result<(), serde_json::Error> {
    out.extend_from_slice(b"{\"id\":");
    write_str(out, &event.id);
    out.extend_from_slice(b",\"action\":");
    write_value(out, &event.action)?;
    out.extend_from_slice(b",\"cameo\":");
    write_opt_str(out, event.cameo.as_deref());
    out.extend_from_slice(b",\"plover\":");
    write_opt_str(out, event.plover.as_deref());
    out.extend_from_slice(b",\"actor\":");
    match &event.actor {
        Some(actor) => write_actor(out, actor)?,
        None => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(b",\"targets\":");
    write_actors(out, &event.targets)?;
    out.extend_from_slice(b",\"target_count\":");
    write_value(out, &event.target_count)?;
    out.extend_from_slice(b",\"date\":");
    match &event.date {
        Some(date) => write_date(out, date)?,
        None => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(b",\"amount\":");
    match &event.amount {
        Some(amount) => write_amount(out, amount)?,
        None => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(b",\"summary\":");
    write_opt_str(out, event.summary.as_deref());
    out.extend_from_slice(b",\"ref\":");
    write_opt_str(out, event.reference.as_deref());
    out.extend_from_slice(b",\"url\":");
    write_opt_str(out, event.url.as_deref());
    out.extend_from_slice(b",\"sources\":");
    write_list(out, &event.sources, write_source)?;
    out.extend_from_slice(b",\"confidence\":");
    write_value(out, &event.confidence)?;
    out.extend_from_slice(b",\"flags\":");
    write_list(out, &event.flags, |out, flag| {
        write_str(out, flag);
        Ok(())
    })?;
    if let Some(period) = &event.conduct_period {
        out.extend_from_slice(b",\"conduct_period\":");
        write_value(out, period)?;
    }
    if !event.direct_targets.is_empty() {
        out.extend_from_slice(b",\"direct_targets\":");
        write_actors(out, &event.direct_targets)?;
    }
    out.push(b'}');
    Ok(())
}

fn write_actors(out: &mut Vec<u8>, actors: &[ActorRef]) -> Result<(), serde_json::Error> {
    write_list(out, actors, write_actor)
}

/// `[item,item,...]`, each item written by `write_item`.
fn write_list<T>(
    out: &mut Vec<u8>,
    items: &[T],
    mut write_item: impl FnMut(&mut Vec<u8>, &T) -> Result<(), serde_json::Error>,
) -> Result<(), serde_json::Error> {
    out.push(b'[');
    for (index, item) in items.iter().enumerate() {
        if index > 0 {
            out.push(b',');
        }
        write_item(out, item)?;
    }
    out.push(b']');
    Ok(())
}

fn write_actor(out: &mut Vec<u8>, actor: &ActorRef) -> Result<(), serde_json::Error> {
    out.extend_from_slice(b"{\"id\":");
    write_str(out, &actor.id);
    out.extend_from_slice(b",\"name\":");
    write_str(out, &actor.name);
    out.extend_from_slice(b",\"kind\":");
    write_value(out, &actor.kind)?;
    out.extend_from_slice(if actor.resolved {
        b",\"resolved\":true,\"parent\":"
    } else {
        b",\"resolved\":false,\"parent\":"
    });
    write_opt_str(out, actor.parent.as_deref());
    if let Some(score) = &actor.match_score {
        out.extend_from_slice(b",\"match_score\":");
        write_value(out, score)?;
    }
    out.push(b'}');
    Ok(())
}

fn write_amount(out: &mut Vec<u8>, amount: &Amount) -> Result<(), serde_json::Error> {
    out.extend_from_slice(b"{\"value\":");
    write_str(out, DecimalText::new(&amount.value).as_str());
    out.extend_from_slice(b",\"currency\":");
    write_str(out, &amount.currency);
    out.extend_from_slice(b",\"role\":");
    write_value(out, &amount.role)?;
    out.extend_from_slice(b",\"text\":");
    write_str(out, &amount.text);
    if let Some(max) = &amount.max {
        out.extend_from_slice(b",\"max\":");
        write_str(out, DecimalText::new(max).as_str());
    }
    if !amount.converted.is_empty() {
        out.extend_from_slice(b",\"converted\":");
        write_value(out, &amount.converted)?;
    }
    out.push(b'}');
    Ok(())
}

fn write_date(out: &mut Vec<u8>, date: &DateValue) -> Result<(), serde_json::Error> {
    out.extend_from_slice(b"{\"value\":");
    match &date.value {
        Some(value) => write_str(out, value.text().as_str()),
        None => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(b",\"precision\":");
    write_value(out, &date.precision)?;
    out.extend_from_slice(b",\"text\":");
    write_str(out, &date.text);
    if let Some(qualifier) = &date.qualifier {
        out.extend_from_slice(b",\"qualifier\":");
        write_str(out, qualifier);
    }
    out.push(b'}');
    Ok(())
}

fn write_source(out: &mut Vec<u8>, source: &SourceRef) -> Result<(), serde_json::Error> {
    out.extend_from_slice(b"{\"source\":");
    write_str(out, &source.source);
    out.extend_from_slice(b",\"uri\":");
    write_str(out, &source.uri);
    out.extend_from_slice(b",\"record\":");
    write_value(out, &source.record)?;
    out.extend_from_slice(b",\"span\":");
    write_value(out, &source.span)?;
    out.extend_from_slice(b",\"quote\":");
    write_opt_str(out, source.quote.as_deref());
    out.push(b'}');
    Ok(())
}

/// A value that is not a string of the event, in serde_json's own form.
fn write_value<T: Serialize + ?Sized>(
    out: &mut Vec<u8>,
    value: &T,
) -> Result<(), serde_json::Error> {
    serde_json::to_writer(&mut *out, value)
}

fn write_opt_str(out: &mut Vec<u8>, text: Option<&str>) {
    match text {
        Some(text) => write_str(out, text),
        None => out.extend_from_slice(b"null"),
    }
}

/// Appends `text` as a JSON string with serde_json's escapes: `\"`, `\\`, the short escapes
/// `\b \t \n \f \r`, `\u00XX` (lower-case hex) for the other control characters, and every
/// other character as itself.
fn write_str(out: &mut Vec<u8>, text: &str) {
    let bytes = text.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut run_start = 0;
    loop {
        let special = next_special(bytes, run_start);
        out.extend_from_slice(&bytes[run_start..special]);
        let Some(&byte) = bytes.get(special) else {
            break;
        };
        match byte {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            0x08 => out.extend_from_slice(b"\\b"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            0x0C => out.extend_from_slice(b"\\f"),
            b'\r' => out.extend_from_slice(b"\\r"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(b"\\u00");
                out.push(HEX[usize::from(byte >> 4)]);
                out.push(HEX[usize::from(byte & 0xF)]);
            }
        }
        run_start = special + 1;
    }
    out.push(b'"');
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The index of the first byte at or after `from` that JSON must escape (a control character,
/// `"` or `\`), or `bytes.len()`.
fn next_special(bytes: &[u8], from: usize) -> usize {
    let mut index = from;
    while let Some(chunk) = bytes.get(index..).and_then(<[u8]>::first_chunk::<8>) {
        let flags = special_bytes(u64::from_le_bytes(*chunk));
        if flags != 0 {
            return index + (flags.trailing_zeros() / 8) as usize;
        }
        index += 8;
    }
    while let Some(&byte) = bytes.get(index) {
        if byte < 0x20 || byte == b'"' || byte == b'\\' {
            return index;
        }
        index += 1;
    }
    bytes.len()
}

/// The high bit of each byte of `word` (little-endian) that is a control character, `"` or `\`.
/// A byte above a flagged one may be flagged wrongly (a borrow runs upwards), but the lowest
/// flag is always right, and it is the only one read.
fn special_bytes(word: u64) -> u64 {
    let control = word.wrapping_sub(ONES * 0x20) & !word;
    let quote = word ^ (ONES * u64::from(b'"'));
    let quote = quote.wrapping_sub(ONES) & !quote;
    let backslash = word ^ (ONES * u64::from(b'\\'));
    let backslash = backslash.wrapping_sub(ONES) & !backslash;
    (control | quote | backslash) & HIGHS
}

#[cfg(test)]
mod tests {
    use super::*;
    use docket_core::{
        ActionKind, ActorKind, Amount, AmountRole, Converted, Decimal, MatchScore, PartialDate,
        Period, Precision,
    };
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    fn ours(event: &Event) -> String {
        let mut out = Vec::new();
        write_event_json(&mut out, event).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn actor(id: &str, name: &str, parent: Option<&str>, score: Option<f64>) -> ActorRef {
        ActorRef {
            id: id.into(),
            name: name.into(),
            kind: ActorKind::Company,
            resolved: parent.is_some(),
            parent: parent.map(Into::into),
            match_score: score.map(MatchScore::from_f64),
        }
    }

    /// Every field set, every optional part present: a struct literal, so that a field added to
    /// `Event` breaks this test's build until it is added here (and to the writer).
    fn full_event() -> Event {
        let mut converted = BTreeMap::new();
        converted.insert(
            "USD".to_string(),
            Converted {
                value: Decimal::new(12_345, 2),
                max: Some(Decimal::new(2_000, 0)),
                rate: Decimal::new(11, 1),
                year: 2021,
                source: "ECB \"yearly\" average".into(),
            },
        );
        Event {
            id: "ev-0123456789abcdef01234567".into(),
            action: ActionKind::Fine,
            cameo: Some("172".into()),
            plover: Some("SANCTION".into()),
            actor: Some(ActorRef {
                kind: ActorKind::Regulator,
                ..actor(
                    "cn.samr",
                    "State Administration for Market Regulation",
                    None,
                    None,
                )
            }),
            targets: vec![
                actor("tencent", "Tencent", Some("tencent"), Some(0.968)),
                actor(
                    "x:a-b",
                    "A \"quoted\"\tname\\ with\u{1} control",
                    None,
                    None,
                ),
            ],
            target_count: Some(12),
            date: Some(DateValue {
                value: Some("2021-11-20".parse::<PartialDate>().unwrap()),
                precision: Some(Precision::Day),
                text: "20 November 2021".into(),
                qualifier: Some("around".into()),
            }),
            amount: Some(Amount {
                value: Decimal::new(500_000, 0),
                currency: "CNY".into(),
                role: AmountRole::Penalty,
                text: "500,000 yuan".into(),
                max: Some(Decimal::new(1_000_000, 0)),
                converted,
            }),
            summary: Some("Line one.\nLine two: “quoted” — 罚款 50 万元.\r\u{7f}\u{8}\u{c}".into()),
            reference: Some("ETid-123".into()),
            url: Some("https://example.org/a?b=c&d=\"e\"".into()),
            sources: vec![
                SourceRef {
                    source: "news".into(),
                    uri: "fixtures/a b.txt".into(),
                    record: 3,
                    span: Some([10, 200]),
                    quote: Some("The regulator fined \"X\".".into()),
                },
                SourceRef {
                    source: "fines".into(),
                    uri: "fines.csv".into(),
                    record: u64::MAX,
                    span: None,
                    quote: None,
                },
            ],
            confidence: 0.85,
            flags: vec!["hypothetical".into(), "amount_cap".into()],
            conduct_period: Some(Period {
                from: "2008".parse().unwrap(),
                to: "2012-03".parse().unwrap(),
                text: "between 2008 and March 2012".into(),
            }),
            direct_targets: vec![actor("x:c", "C", None, None)],
        }
    }

    #[test]
    fn an_event_with_every_field_set_is_written_as_serde_json_writes_it() {
        let event = full_event();
        assert_eq!(ours(&event), serde_json::to_string(&event).unwrap());
    }

    #[test]
    fn an_event_with_every_optional_field_empty_is_written_as_serde_json_writes_it() {
        let event = Event::new(ActionKind::Investigation);
        assert_eq!(ours(&event), serde_json::to_string(&event).unwrap());
        let mut event = full_event();
        event.actor = None;
        event.date = Some(DateValue {
            value: None,
            precision: None,
            text: "last week".into(),
            qualifier: None,
        });
        event.amount = None;
        event.confidence = f64::NAN;
        event.conduct_period = None;
        event.direct_targets.clear();
        for target in &mut event.targets {
            target.match_score = None;
        }
        assert_eq!(ours(&event), serde_json::to_string(&event).unwrap());
    }

    #[test]
    fn every_single_character_below_0x80_is_escaped_as_serde_json_escapes_it() {
        for byte in 0u8..0x80 {
            let text = char::from(byte).to_string();
            // alone, and at each position of a word-sized run
            for at in 0..10 {
                let padded = format!("{}{text}{}", "a".repeat(at), "b".repeat(9 - at));
                let mut out = Vec::new();
                write_str(&mut out, &padded);
                assert_eq!(
                    out,
                    serde_json::to_vec(&padded).unwrap(),
                    "byte {byte:#x} at {at}"
                );
            }
        }
    }

    proptest! {
        #[test]
        fn any_string_is_escaped_as_serde_json_escapes_it(text in any::<String>()) {
            let mut out = Vec::new();
            write_str(&mut out, &text);
            prop_assert_eq!(out, serde_json::to_vec(&text).unwrap());
        }

        #[test]
        fn strings_dense_in_characters_to_escape_are_escaped_as_serde_json_escapes_them(
            text in "[\\x00-\\x21\"\\\\a\u{80}-\u{7ff}\u{10000}]{0,40}"
        ) {
            let mut out = Vec::new();
            write_str(&mut out, &text);
            prop_assert_eq!(out, serde_json::to_vec(&text).unwrap());
        }

        #[test]
        fn events_of_arbitrary_strings_and_numbers_are_written_as_serde_json_writes_them(
            name in any::<String>(),
            summary in proptest::option::of(any::<String>()),
            quote in proptest::option::of(any::<String>()),
            record in any::<u64>(),
            span in proptest::option::of(any::<[u64; 2]>()),
            confidence in any::<f64>(),
            target_count in proptest::option::of(any::<u32>()),
            flags in proptest::collection::vec(any::<String>(), 0..3),
            mantissa in any::<i64>(),
            scale in 0u32..=28,
            max in proptest::option::of(any::<i64>()),
            keep_conversions in any::<bool>(),
        ) {
            let mut event = full_event();
            event.targets[1].name = name;
            event.summary = summary;
            event.sources[0].quote = quote;
            event.sources[0].record = record;
            event.sources[0].span = span;
            event.confidence = confidence;
            event.target_count = target_count;
            event.flags = flags;
            if let Some(amount) = &mut event.amount {
                amount.value = Decimal::new(mantissa, scale);
                amount.max = max.map(|m| Decimal::new(m, scale));
                if !keep_conversions {
                    amount.converted.clear();
                }
            }
            prop_assert_eq!(ours(&event), serde_json::to_string(&event).unwrap());
        }
    }
}
