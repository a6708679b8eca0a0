//! # docket-source-csv
//!
//! Reads delimited files (CSV, TSV) with `csv_core` and maps columns to event fields.
//!
//! **Design decision:** every record keeps its exact bytes, and no record costs more memory than
//! `limits.max_record_bytes`. Rows are split by `csv_core`'s streaming parser straight from the
//! file buffer; the bytes it consumes for a row are kept (up to the limit), so a rejected row is
//! written to the rejects file byte for byte (invalid UTF-8 included) and nothing is re-read. A
//! longer row is read through without being kept, so the rows after it are still found. Rows
//! whose field count differs from the header's are rejected, never shifted into the wrong
//! columns; a quote left open at the end of the file is rejected, not read as a field that
//! swallowed the rest of the file; rows of only white space are not rows.

#![warn(missing_docs)]

mod place;

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::PathBuf;
use std::sync::Arc;

use async_trait::async_trait;
use docket_core::{RawRecord, RecordOrigin, Reject};
use docket_source::{
    display_path, resolve_paths, FieldMap, MappedValue, Source, SourceContext, SourceError,
    SourceFactory, SourceItem,
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

    fn build(
        &self,
        config: toml::Table,
        context: &SourceContext,
    ) -> Result<Box<dyn Source>, SourceError> {
        let config: CsvConfig = context.parse_config(config)?;
        let delimiter = match config.delimiter.as_deref() {
            None => b',',
            Some(d) if d.len() == 1 => d.as_bytes()[0],
            Some(d) => {
                return Err(context.config_error(format!("delimiter {d:?} must be a single byte")))
            }
        };
        let files = resolve_paths(&context.base_dir, &config.path)?;
        let total = files
            .iter()
            .filter_map(|f| std::fs::metadata(f).ok())
            .map(|m| m.len())
            .sum();
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

/// One row as the csv parser split it: its fields (when within the limits) and its exact bytes.
#[derive(Debug, Default)]
struct Row {
    /// The fields' bytes, concatenated (unescaped by the parser), in `fields[..fields_len]`;
    /// the rest is room for the parser, kept from row to row.
    fields: Vec<u8>,
    fields_len: usize,
    /// End offset of each field in `fields`, in `ends[..ends_len]`.
    ends: Vec<usize>,
    ends_len: usize,
    /// Number of fields in the row (even when `ends` stopped keeping them).
    field_count: usize,
    /// The row's bytes without the line ends around it, at most `max_record_bytes` of them.
    raw: Vec<u8>,
    /// Length of the row's bytes without the line ends around it (not capped).
    length: u64,
    /// Line ends at the end of what has been read so far (trimmed from `length`).
    trailing_line_ends: u64,
    /// The fields did not fit in the limit and were not kept.
    fields_dropped: bool,
    /// The row ran to the end of the file inside a quoted field.
    open_quote: bool,
    /// The line the row starts on (1-based).
    line: u64,
    /// File offset of the row's first byte (of `raw[0]`), once content has been read.
    start: Option<u64>,
}

impl Row {
    fn clear(&mut self) {
        self.fields_len = 0;
        self.ends_len = 0;
        self.field_count = 0;
        self.raw.clear();
        self.length = 0;
        self.trailing_line_ends = 0;
        self.fields_dropped = false;
        self.open_quote = false;
        self.line = 0;
        self.start = None;
    }

    /// Keeps the bytes the parser consumed for this row, at most `cap` of them, without the
    /// line ends before the first byte of content. `at` is the file offset of `bytes[0]`.
    fn record_bytes(&mut self, mut bytes: &[u8], at: u64, cap: usize) {
        let mut at = at;
        if self.length == 0 && self.trailing_line_ends == 0 {
            let skip = bytes
                .iter()
                .take_while(|&&b| matches!(b, b'\n' | b'\r'))
                .count();
            bytes = &bytes[skip..];
            at += skip as u64;
        }
        if bytes.is_empty() {
            return;
        }
        if self.start.is_none() {
            self.start = Some(at);
        }
        let trailing = bytes
            .iter()
            .rev()
            .take_while(|&&b| matches!(b, b'\n' | b'\r'))
            .count();
        let room = cap.saturating_sub(self.raw.len());
        self.raw.extend_from_slice(&bytes[..bytes.len().min(room)]);
        if trailing == bytes.len() {
            self.trailing_line_ends += trailing as u64;
        } else {
            self.length += self.trailing_line_ends + (bytes.len() - trailing) as u64;
            self.trailing_line_ends = trailing as u64;
        }
    }

    /// The kept bytes without trailing line ends.
    fn trimmed_raw(&self) -> &[u8] {
        let keep = (self.length as usize).min(self.raw.len());
        &self.raw[..keep]
    }

    fn field(&self, index: usize) -> Option<&[u8]> {
        if self.fields_dropped || index >= self.ends_len {
            return None;
        }
        let start = if index == 0 { 0 } else { self.ends[index - 1] };
        self.fields[..self.fields_len].get(start..self.ends[index])
    }
}

/// Splits a file into rows with `csv_core`, holding at most `max_record_bytes` of any row in
/// memory: a longer row is read through (so the rows after it are found) but not kept.
struct RowReader<R> {
    reader: BufReader<R>,
    core: csv_core::Reader,
    consumed: u64,
    done: bool,
    /// Largest row kept, in bytes.
    max_bytes: usize,
    /// Field ends kept per row; a row with more fields is only counted.
    max_fields: usize,
}

impl<R: Read> RowReader<R> {
    /// Reads the next row into `row`, skipping rows of only white space; `false` at the end of
    /// the file.
    fn next_row(&mut self, row: &mut Row) -> io::Result<bool> {
        loop {
            if !self.next_any_row(row)? {
                return Ok(false);
            }
            let blank = !row.open_quote
                && row.length <= row.raw.len() as u64
                && row.trimmed_raw().iter().all(u8::is_ascii_whitespace);
            if !blank {
                return Ok(true);
            }
        }
    }

    /// Reads the next row into `row`; `false` at the end of the file.
    fn next_any_row(&mut self, row: &mut Row) -> io::Result<bool> {
        use csv_core::ReadRecordResult::{End, InputEmpty, OutputEndsFull, OutputFull, Record};
        row.clear();
        if self.done {
            return Ok(false);
        }
        row.line = self.core.line();
        let cap = self.max_bytes;
        if row.fields.len() < 1024 {
            row.fields.resize(1024, 0);
        }
        if row.ends.len() < 16 {
            row.ends.resize(16, 0);
        }
        let (mut out_len, mut end_len) = (0usize, 0usize);
        let mut probed = false;
        let outcome = loop {
            let input = self.reader.fill_buf()?;
            // At the end of the file in the middle of a row, the parser is given one line end
            // that is not in the file: inside a quoted field it becomes part of the field (the
            // row is then rejected), anywhere else it ends the row as the end of the file would.
            // (A probe on a clone of the parser would be neater, but csv_core's `Clone` for its
            // DFA copies only the transition table.)
            let probe = input.is_empty() && row.length > 0 && !probed;
            let input = if probe { &b"\n"[..] } else { input };
            let (result, nin, nout, nend) =
                self.core
                    .read_record(input, &mut row.fields[out_len..], &mut row.ends[end_len..]);
            if probe {
                probed = nin > 0;
                row.open_quote = nin > 0 && result == InputEmpty;
            } else {
                row.record_bytes(&input[..nin], self.consumed, cap);
                self.reader.consume(nin);
                self.consumed += nin as u64;
            }
            out_len += nout;
            end_len += nend;
            match result {
                InputEmpty => {}
                OutputFull => {
                    if row.fields.len() < cap {
                        let grown = (row.fields.len() * 2).min(cap);
                        row.fields.resize(grown, 0);
                    } else {
                        // too long to keep: read on, overwriting, and reject the row
                        row.fields_dropped = true;
                        out_len = 0;
                    }
                }
                OutputEndsFull => {
                    if row.ends.len() < self.max_fields {
                        let grown = (row.ends.len() * 2).min(self.max_fields);
                        row.ends.resize(grown, 0);
                    } else {
                        // more fields than we keep: count them and reject the row
                        row.fields_dropped = true;
                        row.field_count += end_len;
                        end_len = 0;
                    }
                }
                Record => break true,
                End => break false,
            }
        };
        if !outcome {
            self.done = true;
            return Ok(false);
        }
        row.field_count += end_len;
        row.ends_len = end_len;
        row.fields_len = out_len;
        Ok(true)
    }
}

struct OpenFile {
    path: PathBuf,
    uri: Arc<str>,
    rows: RowReader<File>,
    /// Column name -> column index, for every mapped column.
    columns: Vec<(String, usize)>,
    /// The index of the column mapped to `text`, if any (placed in the file for each row).
    text_column: Option<usize>,
    header_len: usize,
    row: Row,
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

impl CsvSource {
    fn open(&self, path: PathBuf) -> Result<OpenFile, SourceError> {
        let file = File::open(&path).map_err(|error| SourceError::Io {
            path: path.clone(),
            error,
        })?;
        let max = self.context.limits.max_record_bytes;
        let mut rows = RowReader {
            reader: BufReader::with_capacity(1 << 16, file),
            core: csv_core::ReaderBuilder::new()
                .delimiter(self.delimiter)
                .build(),
            consumed: 0,
            done: false,
            max_bytes: max,
            max_fields: max.saturating_add(1),
        };
        let mut header = Row::default();
        let has_header = rows
            .next_row(&mut header)
            .map_err(|error| SourceError::Io {
                path: path.clone(),
                error,
            })?;
        if has_header && (header.open_quote || header.fields_dropped || header.length > max as u64)
        {
            let reason = if header.open_quote {
                format!("the header row has an unterminated quote (it starts on line {} and runs to the end of the file)", header.line)
            } else {
                format!("the header row is over {max} bytes (limits.max_record_bytes)")
            };
            return Err(SourceError::Fatal {
                path,
                record: 0,
                reason,
            });
        }
        let names: Vec<String> = (0..header.field_count)
            .map(|i| {
                String::from_utf8_lossy(header.field(i).unwrap_or_default())
                    .trim()
                    .to_string()
            })
            .collect();
        let mut columns = Vec::new();
        for (field, column) in self.fields.entries() {
            match names.iter().position(|n| n == column) {
                Some(index) if names[index + 1..].iter().any(|n| n == column) => {
                    return Err(self.context.config_error(format!(
                        "{}: column {column:?} (mapped to {field}) appears more than once in the header; docket does not guess which one is meant",
                        path.display()
                    )))
                }
                Some(index) => columns.push((column.to_string(), index)),
                // an empty file has no header: it simply has no records
                None if names.is_empty() || names == [""] => {}
                None => {
                    let hint = if names.iter().any(|n| n.contains('\0')) {
                        " (the header holds NUL bytes: is the file UTF-16 or binary? docket reads UTF-8 text)"
                    } else {
                        ""
                    };
                    return Err(self.context.config_error(format!(
                        "{}: column {column:?} (mapped to {field}) is not in the header; columns are {:?}{hint}",
                        path.display(),
                        names
                    )));
                }
            }
        }
        // a data row needs as many field ends as the header has fields; one more shows it is ragged
        rows.max_fields = names.len().max(1) + 1;
        let uri: Arc<str> = display_path(&self.context.base_dir, &path).into();
        let text_column = self
            .fields
            .text
            .as_deref()
            .and_then(|name| columns.iter().find(|(n, _)| n == name))
            .map(|(_, index)| *index);
        Ok(OpenFile {
            path,
            uri,
            rows,
            columns,
            text_column,
            header_len: names.len(),
            row: header,
            record_number: 0,
        })
    }

    fn next_in_file(&mut self) -> Result<Option<SourceItem>, SourceError> {
        let max = self.context.limits.max_record_bytes;
        let source = self.context.name.clone();
        let Some(file) = self.current.as_mut() else {
            return Ok(None);
        };
        let found = file
            .rows
            .next_row(&mut file.row)
            .map_err(|error| SourceError::Fatal {
                path: file.path.clone(),
                record: file.record_number + 1,
                reason: format!("cannot read the file: {error}"),
            })?;
        if !found {
            return Ok(None);
        }
        file.record_number += 1;
        let origin = RecordOrigin {
            source,
            uri: file.uri.clone(),
            record: file.record_number,
        };
        let row = &file.row;
        let reject = |reason: String| {
            Ok(Some(SourceItem::Reject(Reject::new(
                &origin,
                reason,
                row.trimmed_raw(),
            ))))
        };
        if row.open_quote {
            return reject(format!(
                "unterminated quote: the row starts on line {} and runs to the end of the file inside a quoted field; close the quote, or double a quote inside a quoted field (\"\"){}",
                row.line,
                if row.length > max as u64 { format!("; raw holds its first {max} bytes") } else { String::new() }
            ));
        }
        if row.length > max as u64 {
            return reject(format!(
                "record is {} bytes, over the limit of {max} (limits.max_record_bytes); raw holds its first {max} bytes",
                row.length
            ));
        }
        if row.field_count != file.header_len {
            return reject(format!(
                "row has {} fields but the header has {}: a shifted or ragged row is not guessed at",
                row.field_count, file.header_len
            ));
        }
        let mut problem = None;
        let columns = &file.columns;
        let (fields, text) = self.fields.build(|location| {
            let column = columns.iter().find(|(name, _)| name == location)?.1;
            let bytes = row.field(column)?;
            match std::str::from_utf8(bytes) {
                Ok(s) if s.contains('\0') => {
                    problem.get_or_insert_with(|| {
                        format!("column {location:?} holds a NUL byte: binary data, or a file that is not UTF-8 text (UTF-16?)")
                    });
                    None
                }
                Ok(s) => Some(MappedValue::One(s.to_string())),
                Err(_) => {
                    problem.get_or_insert_with(|| format!("column {location:?} is not valid UTF-8"));
                    None
                }
            }
        });
        if let Some(reason) = problem {
            return reject(reason);
        }
        // a text column is placed in the file, so that the extractor's spans are file offsets
        let mut text = text;
        if let (Some(body), Some(start), Some(column)) =
            (text.as_mut(), row.start, file.text_column)
        {
            let raw = row.trimmed_raw();
            if let Some((from, to)) = place::field_range(raw, column, self.delimiter) {
                let field_start = start + from as u64;
                if let Some(anchors) = place::field_anchors(&body.text, &raw[from..to], field_start)
                {
                    body.place(anchors, field_start);
                }
            }
        }
        let raw = row.trimmed_raw().to_vec();
        Ok(Some(SourceItem::Record(RawRecord {
            origin,
            raw,
            fields,
            text,
        })))
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
                        self.bytes_done += file.rows.consumed;
                    }
                }
            }
        }
    }

    fn bytes_read(&self) -> u64 {
        self.bytes_done + self.current.as_ref().map_or(0, |f| f.rows.consumed)
    }

    fn bytes_total(&self) -> Option<u64> {
        Some(self.bytes_total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that makes up a CSV file with one very long row, without holding it in memory.
    struct LongRow {
        parts: Vec<(u8, u64)>,
        part: usize,
        done_in_part: u64,
        handed_out: u64,
    }

    impl LongRow {
        fn new(parts: Vec<(u8, u64)>) -> Self {
            LongRow {
                parts,
                part: 0,
                done_in_part: 0,
                handed_out: 0,
            }
        }
    }

    impl Read for LongRow {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            while let Some(&(byte, count)) = self.parts.get(self.part) {
                if self.done_in_part < count {
                    let n = (count - self.done_in_part).min(buf.len() as u64) as usize;
                    buf[..n].fill(byte);
                    self.done_in_part += n as u64;
                    self.handed_out += n as u64;
                    return Ok(n);
                }
                self.part += 1;
                self.done_in_part = 0;
            }
            Ok(0)
        }
    }

    fn reader(parts: Vec<(u8, u64)>, max: usize) -> RowReader<LongRow> {
        RowReader {
            reader: BufReader::with_capacity(1 << 16, LongRow::new(parts)),
            core: csv_core::ReaderBuilder::new().build(),
            consumed: 0,
            done: false,
            max_bytes: max,
            max_fields: 3,
        }
    }

    #[test]
    fn a_long_row_is_read_through_without_being_kept() {
        let max = 4096;
        let long = 50u64 << 20;
        // "a,b\n" + 50 MB of "x" + "\n1,2\n": the header, one huge row, one normal row
        let parts = vec![
            (b'a', 1),
            (b',', 1),
            (b'b', 1),
            (b'\n', 1),
            (b'x', long),
            (b'\n', 1),
            (b'1', 1),
            (b',', 1),
            (b'2', 1),
            (b'\n', 1),
        ];
        let mut rows = reader(parts, max);
        let mut row = Row::default();
        assert!(rows.next_row(&mut row).unwrap());
        assert_eq!(row.field_count, 2);
        assert!(rows.next_row(&mut row).unwrap());
        assert_eq!(row.length, long);
        assert!(row.fields_dropped);
        assert_eq!(row.trimmed_raw().len(), max);
        // what was buffered for the row is bounded by the limit, not by the row
        assert!(
            row.raw.capacity() <= 2 * max,
            "raw buffer {}",
            row.raw.capacity()
        );
        assert!(
            row.fields.capacity() <= 2 * max,
            "field buffer {}",
            row.fields.capacity()
        );
        // the row after it is found, whole
        assert!(rows.next_row(&mut row).unwrap());
        assert_eq!(
            (row.field(0), row.field(1)),
            (Some(&b"1"[..]), Some(&b"2"[..]))
        );
        assert!(!rows.next_row(&mut row).unwrap());
        assert_eq!(rows.consumed, long + 9);
    }

    #[test]
    fn a_row_of_many_fields_keeps_only_as_many_ends_as_it_needs() {
        // 1,000,000 delimiters: a ragged row of 1,000,001 fields
        let parts = vec![
            (b'a', 1),
            (b',', 1),
            (b'b', 1),
            (b'\n', 1),
            (b',', 1_000_000),
            (b'\n', 1),
        ];
        let mut rows = reader(parts, 4 << 20);
        let mut row = Row::default();
        assert!(rows.next_row(&mut row).unwrap());
        assert!(rows.next_row(&mut row).unwrap());
        assert_eq!(row.field_count, 1_000_001);
        assert!(row.ends.capacity() <= 16, "{}", row.ends.capacity());
    }

    #[test]
    fn an_open_quote_at_the_end_of_the_file_is_found() {
        let parts = vec![
            (b'a', 1),
            (b',', 1),
            (b'b', 1),
            (b'\n', 1),
            (b'1', 1),
            (b',', 1),
            (b'"', 1),
            (b'x', 10),
            (b'\n', 1),
            (b'y', 3),
        ];
        let mut rows = reader(parts, 4096);
        let mut row = Row::default();
        assert!(rows.next_row(&mut row).unwrap());
        assert!(rows.next_row(&mut row).unwrap());
        assert!(row.open_quote);
        assert_eq!(row.line, 2);
        assert_eq!(row.trimmed_raw(), b"1,\"xxxxxxxxxx\nyyy");
        // a closed quote at the end of the file is fine
        let parts = vec![(b'a', 1), (b'\n', 1), (b'"', 1), (b'x', 2), (b'"', 1)];
        let mut rows = reader(parts, 4096);
        assert!(rows.next_row(&mut row).unwrap());
        assert!(rows.next_row(&mut row).unwrap());
        assert!(!row.open_quote);
        assert_eq!(row.field(0), Some(&b"xx"[..]));
    }
}
