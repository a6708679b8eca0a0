//! # docket-source-text
//!
//! The `kind = "text"` adapter: every `.txt` or `.md` file is one document and one record, whose
//! [`TextBody`] the pipeline hands to the text extractor.
//!
//! **Design decision:** spans must be file offsets, so the body is never re-encoded before its
//! offset is known. Front matter is parsed on the raw bytes, the body starts at an exact byte
//! offset in the file (a UTF-8 byte order mark is skipped and counted), and only then is the body
//! decoded. The record's `raw` bytes are the whole file, byte for byte. Invalid UTF-8 in the body
//! is decoded lossily (U+FFFD), so spans that lie after an invalid sequence refer to the lossy
//! text; the flag [`ParsedDocument::lossy`] says when that happened.
//!
//! Front matter is optional: a first line `---`, then `key: value` lines, then a line `---`.
//! Known keys are `published`, `title`, `url` and `lang`; other keys are ignored, blank lines and
//! `#` comments are allowed, and anything else (a line without `key:`, a missing closing `---`)
//! rejects the document with a reason.

#![warn(missing_docs)]

use std::path::{Path, PathBuf};
use std::sync::Arc;

use async_trait::async_trait;
use docket_core::{RawEvent, RawRecord, RecordOrigin, Reject, TextBody};
use docket_source::{
    display_path, resolve_paths, Source, SourceContext, SourceError, SourceFactory, SourceItem,
};
use serde::Deserialize;
use thiserror::Error;

/// The typed config of a `kind = "text"` source. `published` and `lang` are owned by the
/// pipeline and never reach this table.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextConfig {
    /// A file or a glob (of `.txt` / `.md` files), relative to the job file.
    pub path: String,
}

/// Why a document could not be read as text. Carried as the reason of a reject.
#[derive(Debug, Clone, Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum DocumentError {
    /// The front matter is opened by `---` but never closed.
    #[error("front matter opened by `---` on line 1 is never closed by a `---` line")]
    Unclosed,
    /// A front matter line is not `key: value`.
    #[error("front matter line {line} is not `key: value`: {text:?}")]
    BadLine {
        /// 1-based line number in the file.
        line: usize,
        /// The line.
        text: String,
    },
    /// The front matter is not valid UTF-8.
    #[error("front matter line {line} is not valid UTF-8")]
    NotUtf8 {
        /// 1-based line number in the file.
        line: usize,
    },
    /// A known key appears twice.
    #[error("front matter key {key:?} appears twice")]
    Duplicate {
        /// The key.
        key: String,
    },
}

/// A document split into front matter and body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParsedDocument {
    /// The body (after the front matter), lossily decoded.
    pub text: String,
    /// Byte offset of the body in the file (BOM and front matter included).
    pub offset: u64,
    /// `published` from the front matter.
    pub published: Option<String>,
    /// `title` from the front matter.
    pub title: Option<String>,
    /// `url` from the front matter.
    pub url: Option<String>,
    /// `lang` from the front matter.
    pub lang: Option<String>,
    /// Whether the body held invalid UTF-8 (spans after it refer to the lossy text).
    pub lossy: bool,
}

impl ParsedDocument {
    /// The body as the extractor wants it.
    pub fn body(&self) -> TextBody {
        TextBody {
            text: self.text.clone(),
            offset: self.offset,
            published: self.published.clone(),
            lang: self.lang.clone(),
            title: self.title.clone(),
            anchors: Vec::new(),
        }
    }
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Splits the bytes of a file into line slices `(start, end_without_newline, next_start)`.
fn next_line(bytes: &[u8], start: usize) -> Option<(usize, usize, usize)> {
    if start >= bytes.len() {
        return None;
    }
    let rest = &bytes[start..];
    let (end, next) = match rest.iter().position(|&b| b == b'\n') {
        Some(i) => (start + i, start + i + 1),
        None => (bytes.len(), bytes.len()),
    };
    let end = if end > start && bytes[end - 1] == b'\r' {
        end - 1
    } else {
        end
    };
    Some((start, end, next))
}

fn unquote(value: &str) -> &str {
    let v = value.trim();
    for q in ['"', '\''] {
        if v.len() >= 2 && v.starts_with(q) && v.ends_with(q) {
            return &v[1..v.len() - 1];
        }
    }
    v
}

/// Parses a whole file: strips a UTF-8 BOM, reads optional front matter, and decodes the body.
pub fn parse_document(bytes: &[u8]) -> Result<ParsedDocument, DocumentError> {
    let mut doc = ParsedDocument::default();
    let start = if bytes.starts_with(BOM) { BOM.len() } else { 0 };
    let mut body_start = start;
    if let Some((s, e, next)) = next_line(bytes, start) {
        if &bytes[s..e] == b"---" {
            let mut pos = next;
            let mut line_no = 1;
            let mut closed = false;
            while let Some((s, e, next)) = next_line(bytes, pos) {
                line_no += 1;
                pos = next;
                let line = std::str::from_utf8(&bytes[s..e])
                    .map_err(|_| DocumentError::NotUtf8 { line: line_no })?;
                let trimmed = line.trim();
                if trimmed == "---" {
                    closed = true;
                    break;
                }
                if trimmed.is_empty() || trimmed.starts_with('#') {
                    continue;
                }
                let Some((key, value)) = line.split_once(':') else {
                    return Err(DocumentError::BadLine {
                        line: line_no,
                        text: line.to_string(),
                    });
                };
                let key = key.trim();
                let valid_key = !key.is_empty()
                    && key
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
                if !valid_key {
                    return Err(DocumentError::BadLine {
                        line: line_no,
                        text: line.to_string(),
                    });
                }
                let value = unquote(value).to_string();
                let slot = match key {
                    "published" => &mut doc.published,
                    "title" => &mut doc.title,
                    "url" => &mut doc.url,
                    "lang" => &mut doc.lang,
                    _ => continue,
                };
                if slot.is_some() {
                    return Err(DocumentError::Duplicate {
                        key: key.to_string(),
                    });
                }
                *slot = Some(value).filter(|v| !v.is_empty());
            }
            if !closed {
                return Err(DocumentError::Unclosed);
            }
            body_start = pos;
        }
    }
    let body = &bytes[body_start..];
    doc.text = match std::str::from_utf8(body) {
        Ok(text) => text.to_string(),
        Err(_) => {
            doc.lossy = true;
            String::from_utf8_lossy(body).into_owned()
        }
    };
    doc.offset = body_start as u64;
    Ok(doc)
}

/// The factory for `kind = "text"`.
#[derive(Debug, Default, Clone, Copy)]
pub struct TextFactory;

fn is_text_file(path: &Path) -> bool {
    matches!(
        path.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("txt" | "md" | "markdown" | "text")
    )
}

impl SourceFactory for TextFactory {
    fn kind(&self) -> &'static str {
        "text"
    }

    fn build(
        &self,
        config: toml::Table,
        context: &SourceContext,
    ) -> Result<Box<dyn Source>, SourceError> {
        let config: TextConfig = context.parse_config(config)?;
        let is_glob = config.path.contains(['*', '?', '[']);
        let mut files = resolve_paths(&context.base_dir, &config.path)?;
        if is_glob {
            files.retain(|f| is_text_file(f));
            if files.is_empty() {
                return Err(context.config_error(format!(
                    "{}: the glob matches no .txt or .md file",
                    config.path
                )));
            }
        }
        let total = files
            .iter()
            .filter_map(|f| std::fs::metadata(f).ok())
            .map(|m| m.len())
            .sum();
        Ok(Box::new(TextSource {
            context: context.clone(),
            files: files.into_iter().rev().collect(),
            bytes_done: 0,
            bytes_total: total,
        }))
    }
}

/// A running text source: one record per file.
#[derive(Debug)]
pub struct TextSource {
    context: SourceContext,
    /// Files still to read, last first.
    files: Vec<PathBuf>,
    bytes_done: u64,
    bytes_total: u64,
}

impl TextSource {
    fn read(&mut self, path: PathBuf) -> Result<SourceItem, SourceError> {
        let origin = RecordOrigin {
            source: self.context.name.clone(),
            uri: Arc::from(display_path(&self.context.base_dir, &path)),
            record: 1,
        };
        let max = self.context.limits.max_document_bytes;
        let metadata = std::fs::metadata(&path).map_err(|error| SourceError::Io {
            path: path.clone(),
            error,
        })?;
        if metadata.is_dir() {
            return Err(SourceError::IsDirectory { path });
        }
        if metadata.len() > max as u64 {
            self.bytes_done += metadata.len();
            let reason = format!(
                "document is {} bytes, over the limit of {max} (limits.max_document_bytes); it was not read",
                metadata.len()
            );
            return Ok(SourceItem::Reject(Reject::new(&origin, reason, &[])));
        }
        let bytes = std::fs::read(&path).map_err(|error| SourceError::Io {
            path: path.clone(),
            error,
        })?;
        self.bytes_done += bytes.len() as u64;
        if bytes.len() > max {
            let reason = format!(
                "document is {} bytes, over the limit of {max} (limits.max_document_bytes)",
                bytes.len()
            );
            return Ok(SourceItem::Reject(Reject::new(&origin, reason, &bytes)));
        }
        match parse_document(&bytes) {
            Ok(doc) => {
                let fields = RawEvent {
                    url: doc.url.clone(),
                    ..RawEvent::default()
                };
                let text = Some(doc.body());
                Ok(SourceItem::Record(RawRecord {
                    origin,
                    raw: bytes,
                    fields,
                    text,
                }))
            }
            Err(error) => Ok(SourceItem::Reject(Reject::new(
                &origin,
                error.to_string(),
                &bytes,
            ))),
        }
    }
}

#[async_trait]
impl Source for TextSource {
    async fn next_item(&mut self) -> Result<Option<SourceItem>, SourceError> {
        match self.files.pop() {
            Some(path) => self.read(path).map(Some),
            None => Ok(None),
        }
    }

    fn bytes_read(&self) -> u64 {
        self.bytes_done
    }

    fn bytes_total(&self) -> Option<u64> {
        Some(self.bytes_total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use docket_source::Limits;

    #[test]
    fn front_matter_and_offsets() {
        let file = "---\npublished: 2021-03-19\ntitle: \"A title\"\nurl: https://x.test/a\nauthor: someone\n---\nBody text.\n";
        let doc = parse_document(file.as_bytes()).unwrap();
        assert_eq!(doc.published.as_deref(), Some("2021-03-19"));
        assert_eq!(doc.title.as_deref(), Some("A title"));
        assert_eq!(doc.url.as_deref(), Some("https://x.test/a"));
        assert_eq!(doc.text, "Body text.\n");
        assert_eq!(&file[doc.offset as usize..], doc.text);
    }

    #[test]
    fn bom_and_crlf() {
        let file = b"\xEF\xBB\xBF---\r\npublished: 2021-03-19\r\n---\r\nBody.\r\n";
        let doc = parse_document(file).unwrap();
        assert_eq!(doc.published.as_deref(), Some("2021-03-19"));
        assert_eq!(doc.text, "Body.\r\n");
        assert_eq!(&file[doc.offset as usize..], b"Body.\r\n");
        let plain = parse_document(b"\xEF\xBB\xBFHello").unwrap();
        assert_eq!((plain.text.as_str(), plain.offset), ("Hello", 3));
    }

    #[test]
    fn malformed_front_matter_is_rejected() {
        assert_eq!(
            parse_document(b"---\npublished: x\n"),
            Err(DocumentError::Unclosed)
        );
        assert!(matches!(
            parse_document(b"---\njust words\n---\nbody"),
            Err(DocumentError::BadLine { line: 2, .. })
        ));
        assert!(matches!(
            parse_document(b"---\ntitle: a\ntitle: b\n---\n"),
            Err(DocumentError::Duplicate { .. })
        ));
    }

    #[test]
    fn invalid_utf8_is_lossy_in_text_and_exact_in_raw() {
        let doc = parse_document(b"caf\xE9 fined").unwrap();
        assert!(doc.lossy);
        assert_eq!(doc.text, "caf\u{FFFD} fined");
    }

    #[test]
    fn no_front_matter_means_whole_file() {
        let doc = parse_document(b"Headline\n\nBody --- more").unwrap();
        assert_eq!(doc.offset, 0);
        assert!(doc.published.is_none());
    }

    fn run(dir: &Path, config: &str, limits: Limits) -> Vec<SourceItem> {
        let table: toml::Table = toml::from_str(config).unwrap();
        let context = SourceContext::new("docs", dir, limits);
        let mut source = TextFactory.build(table, &context).unwrap();
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let mut items = Vec::new();
        while let Some(item) = rt.block_on(source.next_item()).unwrap() {
            items.push(item);
        }
        items
    }

    #[test]
    fn source_yields_one_record_per_file_and_rejects_oversized() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "---\nurl: u\n---\nFirst.").unwrap();
        std::fs::write(dir.path().join("b.md"), b"caf\xE9").unwrap();
        std::fs::write(dir.path().join("c.csv"), "x").unwrap();
        std::fs::write(dir.path().join("d.txt"), "---\nbroken\n---\n").unwrap();
        let items = run(dir.path(), "path = \"*\"", Limits::default());
        assert_eq!(items.len(), 3);
        match &items[0] {
            SourceItem::Record(r) => {
                assert_eq!(&*r.origin.uri, "a.txt");
                assert_eq!(r.origin.record, 1);
                assert_eq!(r.fields.url.as_deref(), Some("u"));
                let body = r.text.as_ref().unwrap();
                assert_eq!(body.text, "First.");
                assert_eq!(body.offset, 15);
            }
            other => panic!("{other:?}"),
        }
        match &items[1] {
            SourceItem::Record(r) => assert_eq!(r.raw, b"caf\xE9"),
            other => panic!("{other:?}"),
        }
        assert!(matches!(&items[2], SourceItem::Reject(r) if r.reason.contains("line 2")));
        let small = Limits {
            max_record_bytes: 10,
            max_document_bytes: 5,
        };
        let items = run(dir.path(), "path = \"a.txt\"", small);
        assert!(matches!(&items[0], SourceItem::Reject(r) if r.reason.contains("over the limit")));
    }

    #[test]
    fn unknown_config_keys_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let table: toml::Table = toml::from_str("path = \"x\"\npublishd = \"2020\"").unwrap();
        let context = SourceContext::new("docs", dir.path(), Limits::default());
        assert!(TextFactory.build(table, &context).is_err());
    }
}
