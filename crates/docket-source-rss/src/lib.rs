//! # docket-source-rss
//!
//! The `kind = "rss"` adapter: reads RSS (0.9x, 1.0, 2.0) and Atom feeds. Every `<item>` or
//! `<entry>` is one record, numbered from 1 in its file; its exact bytes are the record's `raw`,
//! its title and description become the [`TextBody`] the pipeline hands to the text extractor,
//! with the item's `pubDate` as the publication date, and its `guid` and `link` become the
//! event's `ref` and `url`.
//!
//! It is written only against the public API of `docket-source` and `docket-core`, as any third
//! party would write an adapter; `docs/writing-an-adapter.md` walks through it.
//!
//! **Design decision:** items are found by a streaming XML pass of our own, and each item is then
//! parsed on its own by the feed crates (`rss`, `atom_syndication`). The feed crates parse whole
//! documents and give neither byte offsets nor a way past a bad item, and neither reads a feed
//! whose items sit directly under `<rss>` with no `<channel>` (as in the SEC's litigation feed).
//! Scanning first gives every record its exact bytes and offsets, lets a malformed item become
//! one reject while the rest are read, and keeps memory to one item. To parse an item, its bytes
//! are wrapped in a minimal document (`<rss><channel>` or `<feed>`, with the file's XML
//! declaration and namespace declarations); that wrapper is the only repair made to the input.
//! Only record elements count when the scanner looks for an item's end, so broken markup inside
//! an item stays inside it (and rejects it); an item still open when the next `<item>` starts
//! ends there and is parsed with its end tag supplied (the SEC feed has one), and a file that
//! breaks off inside an item rejects that item and stops.
//!
//! The text is laid out so that spans are file offsets: the title and the description keep
//! their byte positions relative to each other, with white space (and a blank line, so they are
//! separate sentences) standing in for the markup between them. Where decoding made an
//! element's text shorter than its bytes (character references, a CDATA section, HTML), the
//! text is anchored to the bytes it came from (`align`, [`docket_core::Anchor`]), so spans stay
//! file offsets; markup the alignment does not know leaves the rest of that element placed as
//! if it followed the file byte for byte (the quote is always the sentence itself).

#![warn(missing_docs)]

mod align;
mod item;
mod scan;

use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::path::PathBuf;
use std::sync::Arc;

use async_trait::async_trait;
use docket_core::{RawRecord, RecordOrigin, Reject, TextBody};
use docket_source::{
    display_path, resolve_paths, FieldMap, MappedValue, Source, SourceContext, SourceError,
    SourceFactory, SourceItem,
};
use serde::Deserialize;
use thiserror::Error;

pub use item::{plain_text, Entry};
use scan::{Flavor, Found, Prologue, Scanner};

/// Element names of an RSS `<item>` that `fields` can name.
pub const RSS_ELEMENTS: &[&str] = &[
    "title",
    "link",
    "description",
    "guid",
    "pubDate",
    "author",
    "category",
    "comments",
    "content",
];

/// Element names of an Atom `<entry>` that `fields` can name.
pub const ATOM_ELEMENTS: &[&str] = &[
    "title",
    "id",
    "link",
    "summary",
    "content",
    "published",
    "updated",
    "author",
    "category",
];

/// Which parts of an item make the text handed to the extractor.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TextParts {
    /// The title, a blank line, and the description (Atom: the summary, else the content).
    #[default]
    TitleAndDescription,
    /// The description only (Atom: the summary, else the content).
    Description,
    /// The title only.
    Title,
    /// No text: records carry only their mapped fields (use with `[sources.NAME.constants]`).
    None,
}

/// The typed config of a `kind = "rss"` source.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RssConfig {
    /// A file or a glob, relative to the job file.
    pub path: String,
    /// What goes into the text for the extractor (default `title_and_description`).
    #[serde(default)]
    pub text: TextParts,
    /// Event field -> item element name (see [`RSS_ELEMENTS`], [`ATOM_ELEMENTS`]), for fields
    /// beyond the defaults (`ref` from `guid`/`id`, `url` from `link`, the publication date from
    /// `pubDate`/`published`). `text` is set by the `text` key, not here.
    #[serde(default)]
    pub fields: FieldMap,
}

/// Why one item could not be read. Its text is the reason in the rejects file.
#[derive(Debug, Clone, Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum ItemError {
    /// The item is larger than `limits.max_record_bytes`.
    #[error("item is {bytes} bytes, over the limit of {limit} (limits.max_record_bytes); raw holds its first {limit} bytes")]
    TooLarge {
        /// The item's size.
        bytes: u64,
        /// The limit.
        limit: usize,
    },
    /// The feed parser refused the item.
    #[error("the item cannot be read as RSS or Atom: {reason}")]
    Unreadable {
        /// The parser's message.
        reason: String,
    },
    /// The file breaks off in the item, or its XML cannot be read past this point.
    #[error("{reason}; reading of this file stopped here")]
    Broken {
        /// What the XML reader said.
        reason: String,
    },
}

/// The factory for `kind = "rss"`.
#[derive(Debug, Default, Clone, Copy)]
pub struct RssFactory;

impl SourceFactory for RssFactory {
    fn kind(&self) -> &'static str {
        "rss"
    }

    fn build(
        &self,
        config: toml::Table,
        context: &SourceContext,
    ) -> Result<Box<dyn Source>, SourceError> {
        let config: RssConfig = context.parse_config(config)?;
        if config.fields.text.is_some() {
            return Err(context.config_error(
                "fields.text: the text of an item is chosen with `text = \"title_and_description\" | \"description\" | \"title\" | \"none\"`",
            ));
        }
        for (field, element) in config.fields.entries() {
            if !RSS_ELEMENTS.contains(&element) && !ATOM_ELEMENTS.contains(&element) {
                return Err(context.config_error(format!(
                    "fields.{field} = {element:?} is not an item element; RSS items have {RSS_ELEMENTS:?}, Atom entries {ATOM_ELEMENTS:?}"
                )));
            }
        }
        let files = resolve_paths(&context.base_dir, &config.path)?;
        let bytes_total = files
            .iter()
            .filter_map(|f| std::fs::metadata(f).ok())
            .map(|m| m.len())
            .sum();
        Ok(Box::new(RssSource {
            context: context.clone(),
            config,
            files: files.into_iter().rev().collect(),
            current: None,
            bytes_done: 0,
            bytes_total,
        }))
    }
}

/// The feed being read.
struct OpenFeed {
    path: PathBuf,
    uri: Arc<str>,
    scanner: Scanner<BufReader<File>>,
    prologue: Prologue,
    /// A second handle on the file, to read each item's bytes.
    bytes: File,
    record: u64,
}

/// A running RSS/Atom source over one or more files.
pub struct RssSource {
    context: SourceContext,
    config: RssConfig,
    /// Files still to read, last first.
    files: Vec<PathBuf>,
    current: Option<OpenFeed>,
    bytes_done: u64,
    bytes_total: u64,
}

fn io_error(path: &std::path::Path) -> impl Fn(std::io::Error) -> SourceError + '_ {
    move |error| SourceError::Io {
        path: path.to_path_buf(),
        error,
    }
}

/// A text part: its plain text, the file offset where its element's content starts, and where
/// the text sits in the file (anchors relative to the part's text, see [`align::align`]).
struct Part {
    text: String,
    offset: Option<u64>,
    anchors: Vec<docket_core::Anchor>,
}

/// Lays the parts out in file order, each at its offset from the first where the text before
/// it leaves room, with white space in between (starting with a blank line).
/// The parts' anchors are moved to where each part lands in the text; a part without anchors
/// gets one at its start when its offset is known.
fn compose(
    mut parts: Vec<Part>,
    fallback_offset: u64,
) -> Option<(u64, String, Vec<docket_core::Anchor>)> {
    parts.sort_by_key(|p| (p.offset.is_none(), p.offset));
    let start = parts.first()?.offset.unwrap_or(fallback_offset);
    let mut text = String::new();
    let mut anchors = Vec::new();
    for part in parts {
        if !text.is_empty() {
            let at = start + text.len() as u64;
            let gap = part.offset.map_or(0, |o| o.saturating_sub(at)) as usize;
            text.push_str("\n\n");
            text.extend(std::iter::repeat_n(' ', gap.saturating_sub(2)));
        }
        let base = text.len();
        match (part.anchors.is_empty(), part.offset) {
            (true, Some(offset)) => anchors.push(docket_core::Anchor {
                text: base,
                file: offset,
            }),
            (true, None) => {}
            (false, _) => anchors.extend(part.anchors.iter().map(|a| docket_core::Anchor {
                text: base + a.text,
                file: a.file,
            })),
        }
        text.push_str(&part.text);
    }
    Some((start, text, anchors))
}

impl RssSource {
    fn open(&self, path: PathBuf) -> Result<Option<OpenFeed>, SourceError> {
        let file = File::open(&path).map_err(io_error(&path))?;
        let bytes = File::open(&path).map_err(io_error(&path))?;
        let opened = Scanner::open(BufReader::with_capacity(1 << 16, file)).map_err(|e| {
            SourceError::Fatal {
                path: path.clone(),
                record: 0,
                reason: format!("byte {}: {}", e.offset, e.reason),
            }
        })?;
        let Some((scanner, prologue)) = opened else {
            return Ok(None);
        };
        let uri = display_path(&self.context.base_dir, &path).into();
        Ok(Some(OpenFeed {
            path,
            uri,
            scanner,
            prologue,
            bytes,
            record: 0,
        }))
    }

    /// Reads `[start, end)` of the current file, at most `limit + 1` bytes of it.
    fn read_range(
        feed: &mut OpenFeed,
        start: u64,
        end: u64,
        limit: usize,
    ) -> Result<Vec<u8>, SourceError> {
        let io = io_error(&feed.path);
        feed.bytes.seek(SeekFrom::Start(start)).map_err(&io)?;
        let want = (end - start).min(limit as u64 + 1);
        let mut raw = Vec::with_capacity(want as usize);
        (&mut feed.bytes)
            .take(want)
            .read_to_end(&mut raw)
            .map_err(&io)?;
        Ok(raw)
    }

    fn next_in_file(&mut self) -> Result<Option<SourceItem>, SourceError> {
        let limit = self.context.limits.max_record_bytes;
        let Some(feed) = self.current.as_mut() else {
            return Ok(None);
        };
        let found = feed.scanner.next().map_err(|e| SourceError::Fatal {
            path: feed.path.clone(),
            record: feed.record + 1,
            reason: format!("byte {}: {}", e.offset, e.reason),
        })?;
        let (start, end, closed, broken) = match found {
            Found::End => return Ok(None),
            Found::Record { start, end, closed } => (start, end, closed, None),
            Found::Broken { start, end, reason } => (start, end, false, Some(reason)),
        };
        feed.record += 1;
        let origin = RecordOrigin {
            source: self.context.name.clone(),
            uri: feed.uri.clone(),
            record: feed.record,
        };
        let mut raw = Self::read_range(feed, start, end, limit)?;
        let reject = |error: ItemError, raw: &[u8]| {
            Ok(Some(SourceItem::Reject(Reject::new(
                &origin,
                error.to_string(),
                raw,
            ))))
        };
        if let Some(reason) = broken {
            raw.truncate(limit);
            return reject(ItemError::Broken { reason }, &raw);
        }
        if end - start > limit as u64 {
            raw.truncate(limit);
            return reject(
                ItemError::TooLarge {
                    bytes: end - start,
                    limit,
                },
                &raw,
            );
        }
        let flavor = feed.scanner.flavor();
        let entry = match item::parse(flavor, &feed.prologue, &raw, closed) {
            Ok(entry) => entry,
            Err(error) => return reject(error, &raw),
        };
        let record = self.record(flavor, &entry, &raw, start);
        Ok(Some(SourceItem::Record(RawRecord {
            origin,
            raw,
            fields: record.0,
            text: record.1,
        })))
    }

    /// The record's fields and text.
    fn record(
        &self,
        flavor: Flavor,
        entry: &Entry,
        raw: &[u8],
        start: u64,
    ) -> (docket_core::RawEvent, Option<TextBody>) {
        let fields = &self.config.fields;
        let (mut event, _) = fields.build(|element| match entry.all(element)? {
            [one] => Some(MappedValue::One(one.clone())),
            many => Some(MappedValue::Many(many.to_vec())),
        });
        let (reference, published) = match flavor {
            Flavor::Rss => (entry.get("guid"), entry.get("pubDate")),
            Flavor::Atom => (
                entry.get("id"),
                entry.get("published").or_else(|| entry.get("updated")),
            ),
        };
        if fields.reference.is_none() {
            event.reference = reference.map(str::to_string);
        }
        if fields.url.is_none() {
            event.url = entry.get("link").map(str::to_string);
        }
        let published = match &fields.published {
            Some(element) => entry.get(element),
            None => published,
        };

        let description = match flavor {
            Flavor::Rss => "description",
            Flavor::Atom if entry.get("summary").is_some() => "summary",
            Flavor::Atom => "content",
        };
        let names: &[&str] = match self.config.text {
            TextParts::TitleAndDescription => &["title", description],
            TextParts::Description => &[description],
            TextParts::Title => &["title"],
            TextParts::None => &[],
        };
        let offsets = scan::child_offsets(raw);
        let parts = names
            .iter()
            .filter_map(|&name| {
                let text = plain_text(entry.get(name)?).trim().to_string();
                let relative = offsets
                    .iter()
                    .find(|(n, _)| n == name.as_bytes())
                    .map(|(_, o)| *o);
                let offset = relative.map(|o| start + o);
                // where the text's characters sit in the item's bytes (exact through references,
                // CDATA and HTML; see `align`)
                // (from the CDATA opener, when the content starts with one, so that the
                // alignment knows it is inside the section)
                let anchors = relative
                    .and_then(|o| usize::try_from(o).ok())
                    .map(|o| match o.checked_sub(9) {
                        Some(before) if raw.get(before..o) == Some(&b"<![CDATA["[..]) => before,
                        _ => o,
                    })
                    .and_then(|o| Some((o, raw.get(o..)?)))
                    .map(|(o, bytes)| align::align(&text, bytes, start + o as u64).0)
                    .unwrap_or_default();
                (!text.is_empty()).then_some(Part {
                    text,
                    offset,
                    anchors,
                })
            })
            .collect();
        let text = compose(parts, start).map(|(offset, text, anchors)| TextBody {
            text,
            offset,
            published: published.map(str::to_string),
            lang: None,
            title: entry.get("title").map(|t| plain_text(t).trim().to_string()),
            anchors,
        });
        (event, text)
    }
}

#[async_trait]
impl Source for RssSource {
    async fn next_item(&mut self) -> Result<Option<SourceItem>, SourceError> {
        loop {
            if self.current.is_none() {
                let Some(path) = self.files.pop() else {
                    return Ok(None);
                };
                let size = std::fs::metadata(&path).map_or(0, |m| m.len());
                match self.open(path)? {
                    Some(feed) => self.current = Some(feed),
                    None => {
                        self.bytes_done += size;
                        continue;
                    }
                }
            }
            match self.next_in_file()? {
                Some(item) => return Ok(Some(item)),
                None => {
                    if let Some(feed) = self.current.take() {
                        self.bytes_done += std::fs::metadata(&feed.path)
                            .map_or(feed.scanner.position(), |m| m.len());
                    }
                }
            }
        }
    }

    fn bytes_read(&self) -> u64 {
        self.bytes_done + self.current.as_ref().map_or(0, |f| f.scanner.position())
    }

    fn bytes_total(&self) -> Option<u64> {
        Some(self.bytes_total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_keep_their_file_offsets() {
        let parts = vec![
            Part {
                text: "Description".into(),
                offset: Some(140),
                anchors: vec![docket_core::Anchor { text: 0, file: 141 }],
            },
            Part {
                text: "Title".into(),
                offset: Some(100),
                anchors: Vec::new(),
            },
        ];
        let (offset, text, anchors) = compose(parts, 0).unwrap();
        assert_eq!(offset, 100);
        assert_eq!(text.find("Description"), Some(40));
        // a part's anchors move with it; a part without any is anchored at its offset
        assert_eq!(
            anchors,
            [
                docket_core::Anchor { text: 0, file: 100 },
                docket_core::Anchor {
                    text: 40,
                    file: 141
                }
            ]
        );
        assert!(text.starts_with("Title\n\n   "));
        // no room: the parts are still separated by a blank line
        let parts = vec![
            Part {
                text: "Long title".into(),
                offset: Some(0),
                anchors: Vec::new(),
            },
            Part {
                text: "D".into(),
                offset: Some(3),
                anchors: Vec::new(),
            },
        ];
        assert_eq!(compose(parts, 0).unwrap().1, "Long title\n\nD");
        assert!(compose(Vec::new(), 0).is_none());
    }
}
