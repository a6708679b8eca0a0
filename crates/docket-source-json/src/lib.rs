//! # docket-source-json
//!
//! Two adapters: `kind = "json"` reads an array of objects (at the top level or at a JSON
//! pointer given by `records`), and `kind = "jsonl"` reads one object per line. Event fields
//! are mapped with JSON pointers (`"/authority/name"`).
//!
//! **Design decision:** nothing is loaded whole, and no record costs more memory than
//! `limits.max_record_bytes`. A JSON array is split into elements by a small structural scanner
//! (each element is captured as its exact bytes, then parsed by serde_json; a longer element is
//! read through without being kept), and JSON Lines are read with a bounded line reader.
//! Numbers keep their exact digits (`arbitrary_precision`).

#![warn(missing_docs)]

mod array;
mod lines;
mod object;
mod place;

use std::path::PathBuf;

use docket_core::{RawRecord, RecordOrigin, Reject};
use docket_source::{FieldMap, SourceItem};
use serde::Deserialize;

pub use array::{JsonFactory, JsonSource};
pub use lines::{JsonlFactory, JsonlSource};

/// The typed config of a `kind = "json"` source.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JsonConfig {
    /// A file or a glob, relative to the job file.
    pub path: String,
    /// A JSON pointer to the array of records (`"/data/items"`); default: the top level.
    #[serde(default)]
    pub records: Option<String>,
    /// Event field -> JSON pointer within a record.
    #[serde(default)]
    pub fields: FieldMap,
}

/// The typed config of a `kind = "jsonl"` source.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JsonlConfig {
    /// A file or a glob, relative to the job file.
    pub path: String,
    /// Event field -> JSON pointer within a record.
    #[serde(default)]
    pub fields: FieldMap,
}

fn check_pointers(
    fields: &FieldMap,
    context: &docket_source::SourceContext,
) -> Result<(), docket_source::SourceError> {
    for (field, pointer) in fields.entries() {
        if !pointer.is_empty() && !pointer.starts_with('/') {
            return Err(context.config_error(format!(
                "fields.{field} = {pointer:?} is not a JSON pointer; write \"/{pointer}\""
            )));
        }
    }
    Ok(())
}

/// Turns one record's bytes into an item: a mapped record, or a reject with the reason.
/// One record from its bytes, which start at file offset `start`.
fn record_from_bytes(
    fields: &FieldMap,
    origin: RecordOrigin,
    raw: Vec<u8>,
    start: u64,
) -> SourceItem {
    let mut problem = None;
    // valid UTF-8 (nearly every record) is checked once, here, and parsed as text: serde_json
    // then checks no string or raw value again; other bytes go through the byte parser, whose
    // error names the place
    let parsed = match std::str::from_utf8(&raw) {
        Ok(text) => serde_json::from_str::<object::LazyObject<'_>>(text),
        Err(_) => serde_json::from_slice::<object::LazyObject<'_>>(&raw),
    };
    let parsed = parsed.map(|object| {
        let (event, mut text) = fields.build(|pointer| {
            object.lookup(pointer).unwrap_or_else(|reason| {
                problem.get_or_insert(reason);
                None
            })
        });
        // a text that is a top-level string is placed in the file, so that the extractor's
        // spans are file offsets (elsewhere they count from the start of the text)
        if let (Some(body), Some(value)) = (
            text.as_mut(),
            fields.text.as_deref().and_then(|p| object.top_level(p)),
        ) {
            let literal = value.get().as_bytes();
            let at = (literal.as_ptr() as usize).wrapping_sub(raw.as_ptr() as usize);
            if at < raw.len() {
                let literal_start = start + at as u64;
                if let Some(anchors) = place::string_anchors(&body.text, literal, literal_start) {
                    // (an empty string's text begins after its opening quote)
                    body.place(anchors, literal_start + 1);
                }
            }
        }
        (event, text)
    });
    match (parsed, problem) {
        (Ok((fields, text)), None) => SourceItem::Record(RawRecord {
            origin,
            raw,
            fields,
            text,
        }),
        (Ok(_), Some(reason)) => SourceItem::Reject(Reject::new(&origin, reason, &raw)),
        (Err(e), _) => {
            let reason = match std::str::from_utf8(&raw) {
                Ok(_) => format!("JSON: {e}"),
                Err(bad) => format!(
                    "JSON: {e}: the record is not valid UTF-8 (at byte {} of the record)",
                    bad.valid_up_to()
                ),
            };
            SourceItem::Reject(Reject::new(&origin, reason, &raw))
        }
    }
}

/// Skips a UTF-8 byte-order mark at the start of a buffer.
fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

fn file_len(path: &PathBuf) -> u64 {
    std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
}
