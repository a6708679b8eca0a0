//! # docket-source-csv
//!
//! Reads delimited files (CSV, TSV) with the `csv` crate and maps columns to event fields.
//!
//! **Design decision:** every record keeps its exact bytes. The file is read through a
//! [`Recorder`] that remembers what the csv parser consumed, so a rejected row is written to
//! the rejects file byte for byte (invalid UTF-8 included), and nothing is re-read. Rows whose
//! field count differs from the header's are rejected, never shifted into the wrong columns.

#![warn(missing_docs)]

use std::fs::File;
use std::io::{self, BufReader, Read};
use std::path::PathBuf;
use std::sync::Arc;

use async_trait::async_trait;
use docket_core::{RawRecord, RecordOrigin, Reject};
use docket_source::{
    display_path, resolve_paths, FieldMap, MappedValue, Source, SourceContext, SourceError, SourceFactory, SourceItem,
};
use serde::Deserialize;

/// The typed config of a `kind = "csv"` source.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CsvConfig {
    /// A file or a glob, relative to the job file.
    pub path: String,
    /// The field delimiter, one byte: `","` (default), `"\t"`, `";"`.
    #[serde(default)]
    pub delimiter: Option<String>,
    /// Event field -> column name.
    #[serde(default)]
    pub fields: FieldMap,
}

/// The factory for `kind = "csv"`.
#[derive(Debug, Default, Clone, Copy)]
pub struct CsvFactory;

impl SourceFactory for CsvFactory {
    fn kind(&self) -> &'static str {
        "csv"
    }

    fn build(&self, config: toml::Table, context: &SourceContext) -> Result<Box<dyn Source>, SourceError> {
        let config: CsvConfig = context.parse_config(config)?;
        let delimiter = match config.delimiter.as_deref() {
            None => b',',
            Some(d) if d.len() == 1 => d.as_bytes()[0],
            Some(d) => return Err(context.config_error(format!("delimiter {d:?} must be a single byte"))),
        };
        let files = resolve_paths(&context.base_dir, &config.path)?;
        let total = files.iter().filter_map(|f| std::fs::metadata(f).ok()).map(|m| m.len()).sum();
        Ok(Box::new(CsvSource {
            context: context.clone(),
            fields: config.fields,
            delimiter,
            files: files.into_iter().rev().collect(),
            current: None,
            bytes_done: 0,
            bytes_total: total,
        }))
    }
}

/// A reader that remembers the bytes it has handed out since the last [`Recorder::discard`].
#[derive(Debug)]
pub struct Recorder<R> {
    inner: R,
    kept: Vec<u8>,
    kept_from: u64,
    consumed: u64,
}

impl<R: Read> Recorder<R> {
    /// Wraps a reader.
    pub fn new(inner: R) -> Self {
        Recorder {
            inner,
            kept: Vec::new(),
            kept_from: 0,
            consumed: 0,
        }
    }

    /// The bytes at absolute offsets `[start, end)`, if still kept.
    pub fn slice(&self, start: u64, end: u64) -> &[u8] {
        let from = start.saturating_sub(self.kept_from) as usize;
        let to = (end.saturating_sub(self.kept_from) as usize).min(self.kept.len());
        self.kept.get(from..to).unwrap_or(&[])
    }

    /// Forgets everything before absolute offset `until`.
    pub fn discard(&mut self, until: u64) {
        let n = (until.saturating_sub(self.kept_from) as usize).min(self.kept.len());
        self.kept.drain(..n);
        self.kept_from += n as u64;
    }

    /// Bytes read from the inner reader so far.
    pub fn consumed(&self) -> u64 {
        self.consumed
    }
}

impl<R: Read> Read for Recorder<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.kept.extend_from_slice(&buf[..n]);
        self.consumed += n as u64;
        Ok(n)
    }
}

struct OpenFile {
    path: PathBuf,
    uri: Arc<str>,
    reader: csv::Reader<Recorder<BufReader<File>>>,
    /// Column name -> column index, for every mapped column.
    columns: Vec<(String, usize)>,
    header_len: usize,
    record: csv::ByteRecord,
    record_number: u64,
}

/// A running CSV source over one or more files.
pub struct CsvSource {
    context: SourceContext,
    fields: FieldMap,
    delimiter: u8,
    /// Files still to read, last first.
    files: Vec<PathBuf>,
    current: Option<OpenFile>,
    bytes_done: u64,
    bytes_total: u64,
}

/// A record's bytes without the line ends around it (the csv parser may leave the `\n` of a
/// CRLF pair at the start of the next record's span).
fn trim_line_ends(bytes: &[u8]) -> &[u8] {
    let mut start = 0;
    while start < bytes.len() && matches!(bytes[start], b'\n' | b'\r') {
        start += 1;
    }
    let mut end = bytes.len();
    while end > start && matches!(bytes[end - 1], b'\n' | b'\r') {
        end -= 1;
    }
    &bytes[start..end]
}

impl CsvSource {
    fn open(&self, path: PathBuf) -> Result<OpenFile, SourceError> {
        let file = File::open(&path).map_err(|error| SourceError::Io { path: path.clone(), error })?;
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(self.delimiter)
            .flexible(true)
            .has_headers(true)
            .from_reader(Recorder::new(BufReader::with_capacity(1 << 16, file)));
        let headers = match reader.byte_headers() {
            Ok(h) => h.clone(),
            Err(e) => {
                return Err(SourceError::Fatal {
                    path,
                    record: 0,
                    reason: format!("cannot read the header row: {e}"),
                })
            }
        };
        let names: Vec<String> = headers.iter().map(|h| String::from_utf8_lossy(h).trim().to_string()).collect();
        let mut columns = Vec::new();
        for (field, column) in self.fields.entries() {
            match names.iter().position(|n| n == column) {
                Some(index) => columns.push((column.to_string(), index)),
                // an empty file has no header: it simply has no records
                None if names.is_empty() || names == [""] => {}
                None => {
                    return Err(self.context.config_error(format!(
                        "{}: column {column:?} (mapped to {field}) is not in the header; columns are {:?}",
                        path.display(),
                        names
                    )))
                }
            }
        }
        let uri: Arc<str> = display_path(&self.context.base_dir, &path).into();
        Ok(OpenFile {
            path,
            uri,
            reader,
            columns,
            header_len: names.len(),
            record: csv::ByteRecord::new(),
            record_number: 0,
        })
    }

    fn next_in_file(&mut self) -> Result<Option<SourceItem>, SourceError> {
        let max = self.context.limits.max_record_bytes;
        let source = self.context.name.clone();
        let Some(file) = self.current.as_mut() else {
            return Ok(None);
        };
        let start = file.reader.position().byte();
        let outcome = file.reader.read_byte_record(&mut file.record);
        let end = file.reader.position().byte();
        let raw = trim_line_ends(file.reader.get_ref().slice(start, end)).to_vec();
        file.reader.get_mut().discard(end);
        match outcome {
            Ok(false) => Ok(None),
            Ok(true) => {
                file.record_number += 1;
                let origin = RecordOrigin {
                    source,
                    uri: file.uri.clone(),
                    record: file.record_number,
                };
                if raw.len() > max {
                    let reason = format!("record is {} bytes, over the limit of {max} (limits.max_record_bytes)", raw.len());
                    return Ok(Some(SourceItem::Reject(Reject::new(&origin, reason, &raw))));
                }
                if file.record.len() != file.header_len {
                    let reason = format!(
                        "row has {} fields but the header has {}: a shifted or ragged row is not guessed at",
                        file.record.len(),
                        file.header_len
                    );
                    return Ok(Some(SourceItem::Reject(Reject::new(&origin, reason, &raw))));
                }
                let mut bad_column = None;
                let columns = &file.columns;
                let record = &file.record;
                let (fields, text) = self.fields.build(|location| {
                    let column = columns.iter().find(|(name, _)| name == location)?.1;
                    let bytes = record.get(column)?;
                    match std::str::from_utf8(bytes) {
                        Ok(s) => Some(MappedValue::One(s.to_string())),
                        Err(_) => {
                            bad_column.get_or_insert_with(|| location.to_string());
                            None
                        }
                    }
                });
                if let Some(column) = bad_column {
                    let reason = format!("column {column:?} is not valid UTF-8");
                    return Ok(Some(SourceItem::Reject(Reject::new(&origin, reason, &raw))));
                }
                Ok(Some(SourceItem::Record(RawRecord { origin, raw, fields, text })))
            }
            Err(e) => {
                file.record_number += 1;
                let origin = RecordOrigin {
                    source,
                    uri: file.uri.clone(),
                    record: file.record_number,
                };
                if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                    return Err(SourceError::Fatal {
                        path: file.path.clone(),
                        record: file.record_number,
                        reason: e.to_string(),
                    });
                }
                Ok(Some(SourceItem::Reject(Reject::new(&origin, format!("CSV syntax: {e}"), &raw))))
            }
        }
    }
}

#[async_trait]
impl Source for CsvSource {
    async fn next_item(&mut self) -> Result<Option<SourceItem>, SourceError> {
        loop {
            if self.current.is_none() {
                let Some(path) = self.files.pop() else {
                    return Ok(None);
                };
                self.current = Some(self.open(path)?);
            }
            match self.next_in_file()? {
                Some(item) => return Ok(Some(item)),
                None => {
                    if let Some(file) = self.current.take() {
                        self.bytes_done += file.reader.get_ref().consumed();
                    }
                }
            }
        }
    }

    fn bytes_read(&self) -> u64 {
        self.bytes_done + self.current.as_ref().map_or(0, |f| f.reader.get_ref().consumed())
    }

    fn bytes_total(&self) -> Option<u64> {
        Some(self.bytes_total)
    }
}
