//! `kind = "json"`: an array of objects, streamed element by element.
//!
//! The array is split into elements by a small structural scanner (strings, escapes and
//! brackets; no values are decoded), so that memory is bounded by `max_record_bytes` whatever
//! the input: an element is kept only up to the limit and a longer one is read through without
//! being kept, nesting depth costs a counter, not a stack frame. Each kept element is then
//! parsed with serde_json like a JSON Lines record.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::PathBuf;
use std::sync::Arc;

use async_trait::async_trait;
use docket_core::{RecordOrigin, Reject};
use docket_source::{
    display_path, resolve_paths, FieldMap, Source, SourceContext, SourceError, SourceFactory,
    SourceItem,
};

use crate::{check_pointers, file_len, record_from_bytes, JsonConfig};

/// The factory for `kind = "json"`.
#[derive(Debug, Default, Clone, Copy)]
pub struct JsonFactory;

impl SourceFactory for JsonFactory {
    fn kind(&self) -> &'static str {
        "json"
    }

    fn build(
        &self,
        config: toml::Table,
        context: &SourceContext,
    ) -> Result<Box<dyn Source>, SourceError> {
        let config: JsonConfig = context.parse_config(config)?;
        check_pointers(&config.fields, context)?;
        let pointer = config.records.unwrap_or_default();
        if !pointer.is_empty() && !pointer.starts_with('/') {
            return Err(
                context.config_error(format!("records = {pointer:?} is not a JSON pointer"))
            );
        }
        let path_tokens = pointer
            .split('/')
            .skip(1)
            .map(|t| t.replace("~1", "/").replace("~0", "~"))
            .collect();
        let files = resolve_paths(&context.base_dir, &config.path)?;
        let total = files.iter().map(file_len).sum();
        Ok(Box::new(JsonSource {
            context: context.clone(),
            fields: config.fields,
            pointer,
            path_tokens,
            files: files.into_iter().rev().collect(),
            current: None,
            bytes_done: 0,
            bytes_total: total,
        }))
    }
}

/// Brackets deeper than this are counted, not checked for matching pairs (serde_json checks the
/// elements it parses; skipped values only need their end found).
const TRACKED_DEPTH: usize = 4096;

/// What went wrong while scanning; becomes the reason of the reject that ends the file.
#[derive(Debug)]
enum ScanError {
    Io(std::io::Error),
    Syntax(String),
}

impl From<std::io::Error> for ScanError {
    fn from(error: std::io::Error) -> Self {
        ScanError::Io(error)
    }
}

fn describe(byte: u8) -> String {
    match byte {
        b'{' => "an object".to_string(),
        b'[' => "an array".to_string(),
        b'"' => "a string".to_string(),
        b'-' | b'0'..=b'9' => "a number".to_string(),
        b't' | b'f' => "a boolean".to_string(),
        b'n' => "null".to_string(),
        b if b.is_ascii_graphic() => format!("{:?}", b as char),
        b => format!("byte 0x{b:02x}"),
    }
}

/// The structural scanner over a byte stream.
struct Scanner<R> {
    reader: BufReader<R>,
    offset: u64,
    stack: Vec<u8>,
}

/// One value as scanned: its length and whether it was kept whole.
struct Scanned {
    length: u64,
    /// File offset of the value's first byte.
    start: u64,
}

impl<R: Read> Scanner<R> {
    fn new(reader: R) -> Self {
        Scanner {
            reader: BufReader::with_capacity(1 << 16, reader),
            offset: 0,
            stack: Vec::new(),
        }
    }

    fn skip_bom(&mut self) -> Result<(), ScanError> {
        let buffer = self.reader.fill_buf()?;
        if buffer.starts_with(b"\xEF\xBB\xBF") {
            self.reader.consume(3);
            self.offset += 3;
        }
        Ok(())
    }

    /// The next byte that is not white space, not consumed; `None` at the end of the input.
    fn peek(&mut self) -> Result<Option<u8>, ScanError> {
        loop {
            let buffer = self.reader.fill_buf()?;
            if buffer.is_empty() {
                return Ok(None);
            }
            let blanks = buffer
                .iter()
                .take_while(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
                .count();
            if blanks < buffer.len() {
                let byte = buffer[blanks];
                self.reader.consume(blanks);
                self.offset += blanks as u64;
                return Ok(Some(byte));
            }
            let n = buffer.len();
            self.reader.consume(n);
            self.offset += n as u64;
        }
    }

    fn bump(&mut self) {
        self.reader.consume(1);
        self.offset += 1;
    }

    /// Consumes `byte` (after white space) or fails naming what was expected.
    fn expect(&mut self, byte: u8, what: &str) -> Result<(), ScanError> {
        match self.peek()? {
            Some(b) if b == byte => {
                self.bump();
                Ok(())
            }
            Some(b) => Err(ScanError::Syntax(format!(
                "expected {what} at byte {}, found {}",
                self.offset,
                describe(b)
            ))),
            None => Err(ScanError::Syntax(format!(
                "the file ends (EOF) at byte {} where {what} was expected",
                self.offset
            ))),
        }
    }

    /// Scans one value, keeping at most `cap` of its bytes in `keep`.
    fn value(&mut self, keep: &mut Vec<u8>, cap: usize) -> Result<Scanned, ScanError> {
        let start = self.offset;
        let first = match self.peek()? {
            Some(b) => b,
            None => {
                return Err(ScanError::Syntax(format!(
                    "the file ends (EOF) at byte {start} where a value was expected"
                )))
            }
        };
        if matches!(first, b',' | b':' | b']' | b'}') {
            return Err(ScanError::Syntax(format!(
                "expected a value at byte {start}, found {}",
                describe(first)
            )));
        }
        // the value starts here, after the white space `peek` passed over
        let value_start = self.offset;
        let scalar = !matches!(first, b'{' | b'[' | b'"');
        let mut depth = 0usize;
        let mut in_string = false;
        let mut escaped = false;
        self.stack.clear();
        loop {
            let buffer = self.reader.fill_buf()?;
            if buffer.is_empty() {
                if scalar {
                    break;
                }
                return Err(ScanError::Syntax(format!(
                    "the file ends (EOF) inside {} that starts at byte {start}",
                    describe(first)
                )));
            }
            let mut used = 0;
            let mut done = false;
            for &b in buffer {
                if scalar {
                    if matches!(b, b',' | b']' | b'}' | b':' | b' ' | b'\t' | b'\n' | b'\r') {
                        done = true;
                        break;
                    }
                    used += 1;
                    continue;
                }
                used += 1;
                if in_string {
                    if escaped {
                        escaped = false;
                    } else if b == b'\\' {
                        escaped = true;
                    } else if b == b'"' {
                        in_string = false;
                        if depth == 0 {
                            done = true;
                            break;
                        }
                    }
                    continue;
                }
                match b {
                    b'"' => in_string = true,
                    b'{' | b'[' => {
                        depth += 1;
                        if self.stack.len() < TRACKED_DEPTH {
                            self.stack.push(b);
                        }
                    }
                    b'}' | b']' => {
                        if depth <= TRACKED_DEPTH {
                            let open = self.stack.pop();
                            let wanted = if b == b'}' { b'{' } else { b'[' };
                            if open != Some(wanted) {
                                let at = self.offset + used as u64 - 1;
                                return Err(ScanError::Syntax(format!(
                                    "unbalanced brackets: {:?} at byte {at} closes {}",
                                    b as char,
                                    open.map_or("nothing".to_string(), describe)
                                )));
                            }
                        }
                        depth -= 1;
                        if depth == 0 {
                            done = true;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            let room = cap.saturating_sub(keep.len()).min(used);
            keep.extend_from_slice(&buffer[..room]);
            self.reader.consume(used);
            self.offset += used as u64;
            if done {
                break;
            }
        }
        Ok(Scanned {
            length: self.offset - start,
            start: value_start,
        })
    }

    /// Skips one value.
    fn skip(&mut self) -> Result<(), ScanError> {
        self.value(&mut Vec::new(), 0).map(|_| ())
    }

    /// Reads an object key and decodes it when it could equal `wanted`.
    fn key(&mut self, wanted: &str) -> Result<Option<String>, ScanError> {
        let at = self.offset;
        match self.peek()? {
            Some(b'"') => {}
            Some(b) => {
                return Err(ScanError::Syntax(format!(
                    "expected a key at byte {at}, found {}",
                    describe(b)
                )))
            }
            None => {
                return Err(ScanError::Syntax(format!(
                    "the file ends (EOF) at byte {at} where a key was expected"
                )))
            }
        }
        // an escape takes at most 6 bytes per byte of text ("\u0041")
        let cap = wanted.len().saturating_mul(6).saturating_add(2);
        let mut raw = Vec::new();
        let scanned = self.value(&mut raw, cap)?;
        if scanned.length > cap as u64 {
            return Ok(None);
        }
        serde_json::from_slice::<String>(&raw)
            .map(Some)
            .map_err(|e| ScanError::Syntax(format!("bad key at byte {at}: {e}")))
    }
}

/// Where the reader of one file stands.
enum Phase {
    /// Nothing read yet.
    Start,
    /// Inside the array of records; `first` until an element has been read.
    Elements { first: bool },
    /// The file is done.
    Done,
}

/// One item of the array.
enum Next {
    Element {
        bytes: Vec<u8>,
        length: u64,
        /// File offset of the element's first byte.
        start: u64,
    },
    End,
}

struct OpenFile<R> {
    path: PathBuf,
    uri: Arc<str>,
    scanner: Scanner<R>,
    /// Containers entered on the way to the records: `{` or `[`, outermost first.
    enclosing: Vec<u8>,
    phase: Phase,
    element: u64,
    /// The bytes read of an element the file broke off in (at most `max_record_bytes`), for
    /// the reject that reports the break.
    broken: Vec<u8>,
}

/// A running JSON-array source.
pub struct JsonSource {
    context: SourceContext,
    fields: FieldMap,
    pointer: String,
    path_tokens: Vec<String>,
    files: Vec<PathBuf>,
    current: Option<OpenFile<File>>,
    bytes_done: u64,
    bytes_total: u64,
}

impl<R: Read> OpenFile<R> {
    /// Walks from the top of the document to the array of records.
    fn navigate(&mut self, path: &[String], pointer: &str) -> Result<bool, ScanError> {
        let shown = if pointer.is_empty() {
            "the top level"
        } else {
            pointer
        };
        for (level, token) in path.iter().enumerate() {
            let here = if level == 0 {
                "the top level".to_string()
            } else {
                format!(
                    "{:?}",
                    path[..level]
                        .iter()
                        .map(|t| format!("/{t}"))
                        .collect::<String>()
                )
            };
            match self.scanner.peek()? {
                None if level == 0 => return Ok(false),
                Some(b'{') => {
                    self.scanner.bump();
                    self.enclosing.push(b'{');
                    let mut first = true;
                    loop {
                        if self.scanner.peek()? == Some(b'}') && first {
                            return Err(ScanError::Syntax(format!("no array of records at {shown:?}: no key {token:?} in the object at {here}")));
                        }
                        if !first {
                            match self.scanner.peek()? {
                                Some(b',') => self.scanner.bump(),
                                Some(b'}') => {
                                    return Err(ScanError::Syntax(format!(
                                        "no array of records at {shown:?}: no key {token:?} in the object at {here}"
                                    )))
                                }
                                _ => self.scanner.expect(b',', "',' or '}'")?,
                            }
                        }
                        first = false;
                        let key = self.scanner.key(token)?;
                        self.scanner.expect(b':', "':'")?;
                        if key.as_deref() == Some(token.as_str()) {
                            break;
                        }
                        self.scanner.skip()?;
                    }
                }
                Some(b'[') => {
                    let Ok(wanted) = token.parse::<u64>() else {
                        return Err(ScanError::Syntax(format!("no array of records at {shown:?}: {here} is an array, and {token:?} is not an index")));
                    };
                    self.scanner.bump();
                    self.enclosing.push(b'[');
                    for index in 0..=wanted {
                        if index > 0 {
                            match self.scanner.peek()? {
                                Some(b',') => self.scanner.bump(),
                                _ => {
                                    return Err(ScanError::Syntax(format!(
                                        "no array of records at {shown:?}: the array at {here} has no element {wanted}"
                                    )))
                                }
                            }
                        }
                        if self.scanner.peek()? == Some(b']') {
                            return Err(ScanError::Syntax(format!(
                                "no array of records at {shown:?}: the array at {here} has no element {wanted}"
                            )));
                        }
                        if index < wanted {
                            self.scanner.skip()?;
                        }
                    }
                }
                Some(b) => {
                    return Err(ScanError::Syntax(format!(
                        "no array of records at {shown:?}: {here} is {}",
                        describe(b)
                    )))
                }
                None => {
                    return Err(ScanError::Syntax(format!(
                        "the file ends (EOF) on the way to {shown:?}"
                    )))
                }
            }
        }
        match self.scanner.peek()? {
            Some(b'[') => {
                self.scanner.bump();
                Ok(true)
            }
            None if path.is_empty() => Ok(false), // an empty or blank file holds no records
            Some(b) => Err(ScanError::Syntax(format!(
                "expected an array of records at {shown}, found {}",
                describe(b)
            ))),
            None => Err(ScanError::Syntax(format!(
                "the file ends (EOF) on the way to {shown:?}"
            ))),
        }
    }

    /// Reads past the containers around the records and checks that nothing follows.
    fn finish(&mut self) -> Result<(), ScanError> {
        while let Some(open) = self.enclosing.pop() {
            let close = if open == b'{' { b'}' } else { b']' };
            loop {
                match self.scanner.peek()? {
                    Some(b) if b == close => {
                        self.scanner.bump();
                        break;
                    }
                    Some(b',') => {
                        self.scanner.bump();
                        if open == b'{' {
                            self.scanner.key("")?;
                            self.scanner.expect(b':', "':'")?;
                        }
                        self.scanner.skip()?;
                    }
                    _ => self.scanner.expect(
                        close,
                        if close == b'}' {
                            "',' or '}'"
                        } else {
                            "',' or ']'"
                        },
                    )?,
                }
            }
        }
        match self.scanner.peek()? {
            None => Ok(()),
            Some(b) => Err(ScanError::Syntax(format!(
                "JSON after the records: {} at byte {}",
                describe(b),
                self.scanner.offset
            ))),
        }
    }

    fn next(&mut self, path: &[String], pointer: &str, max: usize) -> Result<Next, ScanError> {
        loop {
            match self.phase {
                Phase::Done => return Ok(Next::End),
                Phase::Start => {
                    self.scanner.skip_bom()?;
                    if self.navigate(path, pointer)? {
                        self.phase = Phase::Elements { first: true };
                    } else {
                        self.phase = Phase::Done;
                    }
                }
                Phase::Elements { first } => {
                    match self.scanner.peek()? {
                        Some(b']') => {
                            self.scanner.bump();
                            self.phase = Phase::Done;
                            self.finish()?;
                            return Ok(Next::End);
                        }
                        Some(b',') if !first => {
                            self.scanner.bump();
                            if self.scanner.peek()? == Some(b']') {
                                return Err(ScanError::Syntax(format!(
                                    "trailing comma before ']' at byte {}",
                                    self.scanner.offset
                                )));
                            }
                        }
                        _ if !first => self.scanner.expect(b',', "',' or ']' after an element")?,
                        _ => {}
                    }
                    self.phase = Phase::Elements { first: false };
                    let mut bytes = Vec::new();
                    return match self.scanner.value(&mut bytes, max) {
                        Ok(scanned) => Ok(Next::Element {
                            bytes,
                            length: scanned.length,
                            start: scanned.start,
                        }),
                        Err(error) => {
                            self.broken = bytes;
                            Err(error)
                        }
                    };
                }
            }
        }
    }
}

impl JsonSource {
    fn open(&self, path: PathBuf) -> Result<OpenFile<File>, SourceError> {
        let file = File::open(&path).map_err(|error| SourceError::Io {
            path: path.clone(),
            error,
        })?;
        Ok(OpenFile {
            uri: display_path(&self.context.base_dir, &path).into(),
            path,
            scanner: Scanner::new(file),
            enclosing: Vec::new(),
            phase: Phase::Start,
            element: 0,
            broken: Vec::new(),
        })
    }
}

#[async_trait]
impl Source for JsonSource {
    async fn next_item(&mut self) -> Result<Option<SourceItem>, SourceError> {
        loop {
            if self.current.is_none() {
                let Some(path) = self.files.pop() else {
                    return Ok(None);
                };
                self.current = Some(self.open(path)?);
            }
            let Some(file) = self.current.as_mut() else {
                continue;
            };
            let max = self.context.limits.max_record_bytes;
            match file.next(&self.path_tokens, &self.pointer, max) {
                Ok(Next::Element {
                    bytes,
                    length,
                    start,
                }) => {
                    file.element += 1;
                    let origin = RecordOrigin {
                        source: self.context.name.clone(),
                        uri: file.uri.clone(),
                        record: file.element,
                    };
                    if length > max as u64 {
                        let reason = format!(
                            "element is {length} bytes, over the limit of {max} (limits.max_record_bytes); raw holds its first {max} bytes"
                        );
                        return Ok(Some(SourceItem::Reject(Reject::new(
                            &origin, reason, &bytes,
                        ))));
                    }
                    return Ok(Some(record_from_bytes(&self.fields, origin, bytes, start)));
                }
                Ok(Next::End) => {
                    if let Some(file) = self.current.take() {
                        self.bytes_done += file.scanner.offset;
                    }
                }
                Err(ScanError::Io(error)) => {
                    return Err(SourceError::Fatal {
                        path: file.path.clone(),
                        record: file.element + 1,
                        reason: format!("cannot read the file: {error}"),
                    })
                }
                Err(ScanError::Syntax(reason)) => {
                    file.phase = Phase::Done;
                    file.element += 1;
                    let origin = RecordOrigin {
                        source: self.context.name.clone(),
                        uri: file.uri.clone(),
                        record: file.element,
                    };
                    let reason = match file.element - 1 {
                        0 => format!("JSON: {reason}; no record in the file could be read"),
                        read => {
                            format!("JSON: {reason}; nothing after element {read} could be read")
                        }
                    };
                    // raw: what was read of the element the file broke off in (empty when the
                    // break is between elements)
                    let raw = std::mem::take(&mut file.broken);
                    return Ok(Some(SourceItem::Reject(Reject::new(&origin, reason, &raw))));
                }
            }
        }
    }

    fn bytes_read(&self) -> u64 {
        self.bytes_done + self.current.as_ref().map_or(0, |f| f.scanner.offset)
    }

    fn bytes_total(&self) -> Option<u64> {
        Some(self.bytes_total)
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;
    use std::rc::Rc;

    use super::*;

    /// A reader that makes up a document from repeated pieces, without holding it in memory, and
    /// counts the bytes it hands out.
    struct Made {
        parts: Vec<(Vec<u8>, u64)>,
        part: usize,
        done_in_part: u64,
        handed_out: Rc<Cell<u64>>,
    }

    impl Read for Made {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            while let Some((unit, count)) = self.parts.get(self.part) {
                if self.done_in_part < *count {
                    let units =
                        ((buf.len() / unit.len()) as u64).min(count - self.done_in_part) as usize;
                    assert!(units > 0, "test pieces must fit the read buffer");
                    for (i, chunk) in buf.chunks_mut(unit.len()).take(units).enumerate() {
                        let _ = i;
                        chunk.copy_from_slice(unit);
                    }
                    let n = units * unit.len();
                    self.done_in_part += units as u64;
                    self.handed_out.set(self.handed_out.get() + n as u64);
                    return Ok(n);
                }
                self.part += 1;
                self.done_in_part = 0;
            }
            Ok(0)
        }
    }

    fn made(parts: &[(&[u8], u64)]) -> (OpenFile<Made>, Rc<Cell<u64>>, u64) {
        let counter = Rc::new(Cell::new(0));
        let total = parts.iter().map(|(u, c)| u.len() as u64 * c).sum();
        let reader = Made {
            parts: parts.iter().map(|(u, c)| (u.to_vec(), *c)).collect(),
            part: 0,
            done_in_part: 0,
            handed_out: counter.clone(),
        };
        let file = OpenFile {
            path: PathBuf::from("made.json"),
            uri: "made.json".into(),
            scanner: Scanner::new(reader),
            enclosing: Vec::new(),
            phase: Phase::Start,
            element: 0,
            broken: Vec::new(),
        };
        (file, counter, total)
    }

    fn elements(
        file: &mut OpenFile<Made>,
        path: &[&str],
        max: usize,
    ) -> Result<Vec<(Vec<u8>, u64)>, String> {
        let path: Vec<String> = path.iter().map(|s| s.to_string()).collect();
        let pointer: String = path.iter().map(|t| format!("/{t}")).collect();
        let mut out = Vec::new();
        loop {
            match file.next(&path, &pointer, max) {
                Ok(Next::Element { bytes, length, .. }) => out.push((bytes, length)),
                Ok(Next::End) => return Ok(out),
                Err(ScanError::Syntax(reason)) => return Err(reason),
                Err(ScanError::Io(e)) => return Err(e.to_string()),
            }
        }
    }

    #[test]
    fn a_huge_element_is_read_through_once_and_not_kept() {
        let long = 50u64 << 20;
        let (mut file, handed_out, total) = made(&[
            (b"[{\"a\":\"", 1),
            (b"x", long),
            (b"\"},\n{\"b\": [1, \"]\"]}]", 1),
        ]);
        let items = elements(&mut file, &[], 4096).unwrap();
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].1, long + 8);
        assert_eq!(items[0].0.len(), 4096);
        assert!(
            items[0].0.capacity() <= 2 * 4096,
            "{}",
            items[0].0.capacity()
        );
        assert_eq!(items[1].0, b"{\"b\": [1, \"]\"]}");
        // one pass over the input: every byte handed out once
        assert_eq!(handed_out.get(), total);
        assert_eq!(file.scanner.offset, total);
    }

    #[test]
    fn deep_nesting_costs_a_counter_not_a_stack() {
        let depth = 100_000;
        let (mut file, _, total) = made(&[(b"[", 1), (b"[", depth), (b"]", depth), (b",{}]", 1)]);
        let items = elements(&mut file, &[], 1 << 20).unwrap();
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].1, 2 * depth);
        assert!(
            file.scanner.stack.capacity() <= TRACKED_DEPTH,
            "{}",
            file.scanner.stack.capacity()
        );
        assert_eq!(file.scanner.offset, total);
        // unbalanced brackets are found
        let (mut file, _, _) = made(&[(b"[[", 1), (b"{", 10), (b"]", 11), (b"]", 1)]);
        let error = elements(&mut file, &[], 1 << 20).unwrap_err();
        assert!(error.contains("unbalanced"), "{error}");
    }

    #[test]
    fn records_at_a_pointer_among_other_keys() {
        let doc = br#"{"meta": {"x": [1, 2, {"items": 3}]}, "data": {"skip": "]}", "items": [{"n": 1}, {"n": 2}], "after": [true]}, "tail": null}"#;
        let (mut file, _, _) = made(&[(doc, 1)]);
        let items = elements(&mut file, &["data", "items"], 1 << 20).unwrap();
        let texts: Vec<_> = items
            .iter()
            .map(|(b, _)| String::from_utf8_lossy(b).into_owned())
            .collect();
        assert_eq!(texts, [r#"{"n": 1}"#, r#"{"n": 2}"#]);

        let (mut file, _, _) = made(&[(doc, 1)]);
        let error = elements(&mut file, &["data", "nothing"], 1 << 20).unwrap_err();
        assert!(error.contains("no key \"nothing\""), "{error}");
        let (mut file, _, _) = made(&[(b"[1] [2]", 1)]);
        let error = elements(&mut file, &[], 1 << 20).unwrap_err();
        assert!(error.contains("after the records"), "{error}");
        let (mut file, _, _) = made(&[(b"[{}, ]", 1)]);
        let error = elements(&mut file, &[], 1 << 20).unwrap_err();
        assert!(error.contains("trailing comma"), "{error}");
        let (mut file, _, _) = made(&[(b"{\"a\": 1}", 1)]);
        let error = elements(&mut file, &[], 1 << 20).unwrap_err();
        assert!(
            error.contains("expected an array of records at the top level, found an object"),
            "{error}"
        );
        // blank input holds no records
        let (mut file, _, _) = made(&[(b" ", 5000)]);
        assert!(elements(&mut file, &[], 1 << 20).unwrap().is_empty());
    }
}
