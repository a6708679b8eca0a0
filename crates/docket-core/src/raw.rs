use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::{ActorKind, AmountRole, DateValue};

/// Where a record sits: source name, file, and 1-based record number.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RecordOrigin {
    /// The source's name in the job file.
    pub source: Arc<str>,
    /// The file the record came from.
    pub uri: Arc<str>,
    /// 1-based position of the record in its file.
    pub record: u64,
}

/// An actor mention before resolution: the name as written, and optionally a catalogue id that
/// an extractor already resolved (for descriptive mentions such as "the internet watchdog").
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct RawActor {
    /// The name as written (or the canonical name, when `id_hint` is set).
    pub name: String,
    /// A catalogue id already chosen by the extractor.
    pub id_hint: Option<String>,
    /// A parent id stated by the text itself ("Alibaba's UC Browser").
    pub parent_hint: Option<String>,
    /// The kind the text shows for a name the catalogue may not know: a person named after a
    /// title or a role ("CEO Trevor Milton", "founder Elizabeth Holmes"). It is used only when
    /// the name stays unresolved; a catalogue entry's own kind wins.
    pub kind_hint: Option<ActorKind>,
}

impl RawActor {
    /// A mention known only by its name.
    pub fn named(name: impl Into<String>) -> Self {
        RawActor {
            name: name.into(),
            ..RawActor::default()
        }
    }
}

/// An event before normalization: every field is text as found in the input. Structured
/// adapters fill it from their field mapping; the text extractor fills it from a sentence.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RawEvent {
    /// The action word ("fined", "Fine", "probe").
    pub action: Option<String>,
    /// The authority.
    pub actor: Option<RawActor>,
    /// The targets, each as found.
    pub targets: Vec<RawActor>,
    /// A count of targets stated by the source.
    pub target_count: Option<u32>,
    /// The date text.
    pub date: Option<String>,
    /// A date the extractor already resolved against the document's publication date.
    pub date_resolved: Option<DateValue>,
    /// The amount text ("€1.2 million", "30000").
    pub amount: Option<String>,
    /// The currency text (a code or a symbol), when separate from the amount.
    pub currency: Option<String>,
    /// The role of the amount, when the extractor could tell.
    pub amount_role: Option<AmountRole>,
    /// A summary.
    pub summary: Option<String>,
    /// A link.
    pub url: Option<String>,
    /// The source's own case reference.
    pub reference: Option<String>,
    /// `[start, end)` byte span of the evidence sentence within the file.
    pub span: Option<[u64; 2]>,
    /// The evidence sentence.
    pub quote: Option<String>,
    /// The extractor's confidence, when it has one.
    pub confidence: Option<f64>,
    /// Documented flags raised while reading.
    pub flags: Vec<String>,
}

/// Free text carried by a record, for the extractor.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextBody {
    /// The text (lossily decoded if the input was not UTF-8).
    pub text: String,
    /// Byte offset of `text` within the file, so that spans are file offsets.
    pub offset: u64,
    /// Publication date as written (front matter, job file or a mapped field).
    pub published: Option<String>,
    /// Language code (`en`, `zh`), when known.
    pub lang: Option<String>,
    /// Title, when known.
    pub title: Option<String>,
    /// Where the text does not follow the file byte for byte (an adapter decoded character
    /// references or dropped markup), the points from which it does again: see
    /// [`TextBody::file_offset`]. Empty when the text is the file's bytes from `offset` on.
    pub anchors: Vec<Anchor>,
}

/// From byte `text` of a [`TextBody`]'s text on, the text follows the file byte for byte from
/// offset `file`, up to the next anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Anchor {
    /// Byte index in the text.
    pub text: usize,
    /// Byte offset in the file.
    pub file: u64,
}

/// Builds the anchors of a text an adapter decoded, one character at a time: say where each
/// character of the text was found in the file ([`Anchors::place`]), and an anchor is kept only
/// where the text stops following the file byte for byte.
#[derive(Debug, Default)]
pub struct Anchors {
    anchors: Vec<Anchor>,
    /// File offset minus text index of the stretch being followed.
    delta: Option<i128>,
}

impl Anchors {
    /// No anchors yet.
    pub fn new() -> Self {
        Anchors::default()
    }

    /// Byte `text` of the text was found at file offset `file`. Call in text order.
    pub fn place(&mut self, text: usize, file: u64) {
        let delta = i128::from(file) - text as i128;
        if self.delta != Some(delta) {
            self.anchors.push(Anchor { text, file });
            self.delta = Some(delta);
        }
    }

    /// The anchors kept.
    pub fn finish(self) -> Vec<Anchor> {
        self.anchors
    }

    /// The bytes `c` takes at the start of `bytes` when it is written as itself (its UTF-8),
    /// or `None` when `bytes` starts with something else: the test every placement makes
    /// before trying its format's escapes.
    pub fn literal_len(bytes: &[u8], c: char) -> Option<usize> {
        let mut utf8 = [0u8; 4];
        let written = c.encode_utf8(&mut utf8).as_bytes();
        bytes.starts_with(written).then_some(written.len())
    }
}

impl TextBody {
    /// Places the text in the file with the anchors an adapter found: `offset` is the first
    /// anchor's, or `start` (where the text's bytes begin) when the text is empty.
    pub fn place(&mut self, anchors: Vec<Anchor>, start: u64) {
        self.offset = anchors.first().map_or(start, |a| a.file);
        self.anchors = anchors;
    }

    /// The file offset of byte `index` of the text (or of the end of the text): counted from the
    /// last anchor at or before `index`, or from `offset` when there is none. Anchors are kept in
    /// text order.
    pub fn file_offset(&self, index: usize) -> u64 {
        let last = self.anchors.partition_point(|a| a.text <= index);
        match last.checked_sub(1).and_then(|i| self.anchors.get(i)) {
            Some(anchor) => anchor.file.saturating_add((index - anchor.text) as u64),
            None => self.offset.saturating_add(index as u64),
        }
    }
}

/// One input record as an adapter emits it: its origin, its exact bytes (for the rejects file),
/// its mapped fields and, optionally, free text for the extractor.
#[derive(Debug, Clone, PartialEq)]
pub struct RawRecord {
    /// Where the record sits.
    pub origin: RecordOrigin,
    /// The record's original bytes, kept losslessly for rejects.
    pub raw: Vec<u8>,
    /// Fields mapped by the adapter.
    pub fields: RawEvent,
    /// Free text to run through the extractor, if any.
    pub text: Option<TextBody>,
}

/// A record that could not become an event, with a reason a person can act on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reject {
    /// The source's name in the job file.
    pub source: String,
    /// The file.
    pub uri: String,
    /// 1-based record number (0 when the problem is not tied to one record).
    pub record: u64,
    /// Why it was rejected.
    pub reason: String,
    /// The original bytes: a string when they are UTF-8, otherwise `{"base64": "..."}`.
    pub raw: RawBytes,
}

/// Lossless bytes for the rejects file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum RawBytes {
    /// Valid UTF-8, kept as text.
    Text(String),
    /// Anything else, base64-encoded (standard alphabet, padded).
    Binary {
        /// The bytes in base64.
        base64: String,
    },
}

impl Reject {
    /// A reject for the record at `origin`, keeping `raw` losslessly.
    pub fn new(origin: &RecordOrigin, reason: impl Into<String>, raw: &[u8]) -> Self {
        Reject {
            source: origin.source.to_string(),
            uri: origin.uri.to_string(),
            record: origin.record,
            reason: reason.into(),
            raw: RawBytes::from_bytes(raw),
        }
    }
}

impl RawBytes {
    /// Keeps bytes as text when they are UTF-8, otherwise as base64.
    pub fn from_bytes(raw: &[u8]) -> Self {
        match std::str::from_utf8(raw) {
            Ok(text) => RawBytes::Text(text.to_string()),
            Err(_) => RawBytes::Binary {
                base64: base64_encode(raw),
            },
        }
    }
}

fn base64_encode(bytes: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

#[cfg(test)]
mod text_body_tests {
    use super::*;

    #[test]
    fn file_offsets_follow_the_last_anchor() {
        // "A & B" read from `A &amp; B` at offset 100: "&" is 5 bytes in the file
        let body = TextBody {
            text: "A & B".to_string(),
            offset: 100,
            anchors: vec![Anchor { text: 3, file: 107 }],
            ..TextBody::default()
        };
        let offsets: Vec<u64> = (0..=5).map(|i| body.file_offset(i)).collect();
        assert_eq!(offsets, [100, 101, 102, 107, 108, 109]);
        let plain = TextBody {
            offset: 7,
            ..TextBody::default()
        };
        assert_eq!(plain.file_offset(3), 10);
    }
}
