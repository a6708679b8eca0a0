//! `kind = "jsonl"`: one JSON object per line, read with a bounded line reader.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::sync::Arc;

use async_trait::async_trait;
use docket_core::{RecordOrigin, Reject};
use docket_source::{
    display_path, resolve_paths, FieldMap, Source, SourceContext, SourceError, SourceFactory,
    SourceItem,
};

use crate::{check_pointers, file_len, record_from_bytes, strip_bom, JsonlConfig};

/// The factory for `kind = "jsonl"`.
#[derive(Debug, Default, Clone, Copy)]
pub struct JsonlFactory;

impl SourceFactory for JsonlFactory {
    fn kind(&self) -> &'static str {
        "jsonl"
    }

    fn build(
        &self,
        config: toml::Table,
        context: &SourceContext,
    ) -> Result<Box<dyn Source>, SourceError> {
        let config: JsonlConfig = context.parse_config(config)?;
        check_pointers(&config.fields, context)?;
        let files = resolve_paths(&context.base_dir, &config.path)?;
        let total = files.iter().map(file_len).sum();
        Ok(Box::new(JsonlSource {
            context: context.clone(),
            fields: config.fields,
            files: files.into_iter().rev().collect(),
            current: None,
            buffer: Vec::new(),
            bytes_done: 0,
            bytes_total: total,
        }))
    }
}

struct OpenFile {
    path: PathBuf,
    uri: Arc<str>,
    reader: BufReader<File>,
    line: u64,
    offset: u64,
}

/// A running JSON Lines source.
pub struct JsonlSource {
    context: SourceContext,
    fields: FieldMap,
    files: Vec<PathBuf>,
    current: Option<OpenFile>,
    buffer: Vec<u8>,
    bytes_done: u64,
    bytes_total: u64,
}

/// One line as read by [`read_line_bounded`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineRead {
    /// The line's full length, without its line end.
    pub length: usize,
    /// Bytes consumed from the reader, line end included.
    pub consumed: usize,
}

/// Reads one line into `buffer` (without the line end), keeping at most `max + 1` bytes of it.
/// Returns the line's full length and the bytes consumed, or `None` at the end of the input.
pub fn read_line_bounded<R: BufRead>(
    reader: &mut R,
    buffer: &mut Vec<u8>,
    max: usize,
) -> std::io::Result<Option<LineRead>> {
    buffer.clear();
    let mut total = 0usize;
    let mut consumed = 0usize;
    let mut saw_any = false;
    loop {
        let available = reader.fill_buf()?;
        if available.is_empty() {
            break;
        }
        saw_any = true;
        let (chunk, found_newline) = match memchr::memchr(b'\n', available) {
            Some(i) => (&available[..i], true),
            None => (available, false),
        };
        let room = (max + 1).saturating_sub(buffer.len());
        buffer.extend_from_slice(&chunk[..chunk.len().min(room)]);
        total += chunk.len();
        let used = chunk.len() + usize::from(found_newline);
        reader.consume(used);
        consumed += used;
        if found_newline {
            break;
        }
    }
    if !saw_any {
        return Ok(None);
    }
    if buffer.last() == Some(&b'\r') && total <= max {
        buffer.pop();
        total -= 1;
    }
    Ok(Some(LineRead {
        length: total,
        consumed,
    }))
}

impl JsonlSource {
    fn next_in_file(&mut self) -> Result<Option<SourceItem>, SourceError> {
        let max = self.context.limits.max_record_bytes;
        let Some(file) = self.current.as_mut() else {
            return Ok(None);
        };
        loop {
            let start = file.offset;
            let length = match read_line_bounded(&mut file.reader, &mut self.buffer, max) {
                Ok(Some(LineRead { length, consumed })) => {
                    file.offset += consumed as u64;
                    length
                }
                Ok(None) => return Ok(None),
                Err(error) => {
                    return Err(SourceError::Io {
                        path: file.path.clone(),
                        error,
                    })
                }
            };
            file.line += 1;
            let origin = RecordOrigin {
                source: self.context.name.clone(),
                uri: file.uri.clone(),
                record: file.line,
            };
            if length > max {
                let reason = format!(
                    "line is {length} bytes (starting at byte {start}), over the limit of {max} (limits.max_record_bytes); raw holds its first {max} bytes"
                );
                self.buffer.truncate(max);
                return Ok(Some(SourceItem::Reject(Reject::new(
                    &origin,
                    reason,
                    &self.buffer,
                ))));
            }
            let bytes = if file.line == 1 {
                strip_bom(&self.buffer)
            } else {
                &self.buffer[..]
            };
            if bytes.iter().all(u8::is_ascii_whitespace) {
                // a blank line is not a record; it is counted nowhere
                continue;
            }
            // where the record's bytes start in the file (after a byte order mark)
            let record_start = start + (self.buffer.len() - bytes.len()) as u64;
            return Ok(Some(record_from_bytes(
                &self.fields,
                origin,
                bytes.to_vec(),
                record_start,
            )));
        }
    }
}

#[async_trait]
impl Source for JsonlSource {
    async fn next_item(&mut self) -> Result<Option<SourceItem>, SourceError> {
        loop {
            if self.current.is_none() {
                let Some(path) = self.files.pop() else {
                    return Ok(None);
                };
                let file = File::open(&path).map_err(|error| SourceError::Io {
                    path: path.clone(),
                    error,
                })?;
                self.current = Some(OpenFile {
                    uri: display_path(&self.context.base_dir, &path).into(),
                    path,
                    reader: BufReader::with_capacity(1 << 16, file),
                    line: 0,
                    offset: 0,
                });
            }
            match self.next_in_file()? {
                Some(item) => return Ok(Some(item)),
                None => {
                    if let Some(file) = self.current.take() {
                        self.bytes_done += file.offset;
                    }
                }
            }
        }
    }

    fn bytes_read(&self) -> u64 {
        self.bytes_done + self.current.as_ref().map_or(0, |f| f.offset)
    }

    fn bytes_total(&self) -> Option<u64> {
        Some(self.bytes_total)
    }
}

#[cfg(test)]
mod tests {
    use std::io::{BufReader, Read};

    use super::*;

    /// `count` bytes of `byte`, then `tail`, made up as they are read.
    struct Made {
        byte: u8,
        left: u64,
        tail: std::io::Cursor<Vec<u8>>,
        handed_out: u64,
    }

    impl Read for Made {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = if self.left > 0 {
                let n = self.left.min(buf.len() as u64) as usize;
                buf[..n].fill(self.byte);
                self.left -= n as u64;
                n
            } else {
                self.tail.read(buf)?
            };
            self.handed_out += n as u64;
            Ok(n)
        }
    }

    #[test]
    fn a_long_line_is_read_through_and_only_its_start_kept() {
        let long = 50u64 << 20;
        let made = Made {
            byte: b'x',
            left: long,
            tail: std::io::Cursor::new(b"\n{}".to_vec()),
            handed_out: 0,
        };
        let mut reader = BufReader::with_capacity(1 << 16, made);
        let mut buffer = Vec::new();
        let first = read_line_bounded(&mut reader, &mut buffer, 4096)
            .unwrap()
            .unwrap();
        assert_eq!(
            first,
            LineRead {
                length: long as usize,
                consumed: long as usize + 1
            }
        );
        assert!(
            buffer.len() == 4097 && buffer.capacity() <= 2 * 4097,
            "{}",
            buffer.capacity()
        );
        // the last line has no line end: it is consumed, not counted one byte longer
        let last = read_line_bounded(&mut reader, &mut buffer, 4096)
            .unwrap()
            .unwrap();
        assert_eq!(
            last,
            LineRead {
                length: 2,
                consumed: 2
            }
        );
        assert_eq!(buffer, b"{}");
        assert_eq!(
            read_line_bounded(&mut reader, &mut buffer, 4096).unwrap(),
            None
        );
        assert_eq!(reader.get_ref().handed_out, long + 3);
    }
}
