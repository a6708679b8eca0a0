//! `kind = "json"`: an array of objects, streamed element by element on a reader thread.

use std::fmt;
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::Arc;
use std::thread::JoinHandle;

use async_trait::async_trait;
use docket_core::{RecordOrigin, Reject};
use docket_source::{display_path, resolve_paths, FieldMap, Source, SourceContext, SourceError, SourceFactory, SourceItem};
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserializer;
use serde_json::value::RawValue;

use crate::{check_pointers, file_len, record_from_bytes, JsonConfig};

/// The factory for `kind = "json"`.
#[derive(Debug, Default, Clone, Copy)]
pub struct JsonFactory;

impl SourceFactory for JsonFactory {
    fn kind(&self) -> &'static str {
        "json"
    }

    fn build(&self, config: toml::Table, context: &SourceContext) -> Result<Box<dyn Source>, SourceError> {
        let config: JsonConfig = context.parse_config(config)?;
        check_pointers(&config.fields, context)?;
        let pointer = config.records.unwrap_or_default();
        if !pointer.is_empty() && !pointer.starts_with('/') {
            return Err(context.config_error(format!("records = {pointer:?} is not a JSON pointer")));
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

enum Message {
    Element(Vec<u8>),
    /// The stream broke; everything after the last element is unreadable.
    Broken(String),
}

struct OpenFile {
    uri: Arc<str>,
    receiver: Receiver<Message>,
    reader_thread: Option<JoinHandle<()>>,
    element: u64,
    consumed: Arc<AtomicU64>,
    finished: bool,
}

/// A running JSON-array source.
pub struct JsonSource {
    context: SourceContext,
    fields: FieldMap,
    pointer: String,
    path_tokens: Vec<String>,
    files: Vec<PathBuf>,
    current: Option<OpenFile>,
    bytes_done: u64,
    bytes_total: u64,
}

/// Counts bytes and skips a leading byte-order mark.
struct CountingReader<R> {
    inner: R,
    consumed: Arc<AtomicU64>,
    at_start: bool,
}

impl<R: Read> Read for CountingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let mut n = self.inner.read(buf)?;
        self.consumed.fetch_add(n as u64, Ordering::Relaxed);
        if self.at_start && n > 0 {
            self.at_start = false;
            if buf[..n].starts_with(b"\xEF\xBB\xBF") {
                buf.copy_within(3..n, 0);
                n -= 3;
            }
        }
        Ok(n)
    }
}

struct Navigate<'a> {
    path: &'a [String],
    pointer: &'a str,
    sender: &'a SyncSender<Message>,
}

impl<'de> DeserializeSeed<'de> for Navigate<'_> {
    type Value = bool;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<bool, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Navigate<'_> {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "an array of records at {:?}", if self.pointer.is_empty() { "the top level" } else { self.pointer })
        } else {
            write!(f, "an object or array on the way to {:?}", self.pointer)
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        let Some((head, rest)) = self.path.split_first() else {
            return Err(de::Error::invalid_type(de::Unexpected::Map, &self));
        };
        let mut found = false;
        while let Some(key) = map.next_key::<String>()? {
            if !found && &key == head {
                found = map.next_value_seed(Navigate { path: rest, pointer: self.pointer, sender: self.sender })?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(found)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<bool, A::Error> {
        match self.path.split_first() {
            None => {
                while let Some(element) = seq.next_element::<Box<RawValue>>()? {
                    let bytes = element.get().as_bytes().to_vec();
                    if self.sender.send(Message::Element(bytes)).is_err() {
                        return Err(de::Error::custom("reader stopped"));
                    }
                }
                Ok(true)
            }
            Some((head, rest)) => {
                let wanted: Option<usize> = head.parse().ok();
                let mut index = 0usize;
                let mut found = false;
                loop {
                    if !found && Some(index) == wanted {
                        match seq.next_element_seed(Navigate { path: rest, pointer: self.pointer, sender: self.sender })? {
                            Some(f) => found = f,
                            None => break,
                        }
                    } else if seq.next_element::<IgnoredAny>()?.is_none() {
                        break;
                    }
                    index += 1;
                }
                Ok(found)
            }
        }
    }
}

fn read_thread(file: File, path_tokens: Vec<String>, pointer: String, sender: SyncSender<Message>, consumed: Arc<AtomicU64>) {
    let reader = CountingReader {
        inner: BufReader::with_capacity(1 << 16, file),
        consumed,
        at_start: true,
    };
    let mut deserializer = serde_json::Deserializer::from_reader(reader);
    let outcome = Navigate { path: &path_tokens, pointer: &pointer, sender: &sender }.deserialize(&mut deserializer);
    let message = match outcome {
        Ok(true) => deserializer.end().err().map(|e| format!("JSON after the records: {e}")),
        Ok(false) => Some(format!("no array of records at {pointer:?}")),
        Err(e) if e.is_eof() && e.line() == 1 && e.column() == 0 => None, // an empty file has no records
        Err(e) => Some(format!("JSON: {e}")),
    };
    if let Some(reason) = message {
        let _ = sender.send(Message::Broken(reason));
    }
}

impl JsonSource {
    fn open(&self, path: PathBuf) -> Result<OpenFile, SourceError> {
        let file = File::open(&path).map_err(|error| SourceError::Io { path: path.clone(), error })?;
        if file.metadata().map(|m| m.len()).unwrap_or(0) == 0 || is_blank(&path) {
            // an empty or blank file holds no records
            let (_, receiver) = sync_channel(0);
            return Ok(OpenFile {
                uri: display_path(&self.context.base_dir, &path).into(),
                receiver,
                reader_thread: None,
                element: 0,
                consumed: Arc::new(AtomicU64::new(file_len(&path))),
                finished: true,
            });
        }
        let (sender, receiver) = sync_channel(256);
        let consumed = Arc::new(AtomicU64::new(0));
        let tokens = self.path_tokens.clone();
        let pointer = self.pointer.clone();
        let counter = consumed.clone();
        let reader_thread = std::thread::Builder::new()
            .name("docket-json-reader".to_string())
            .spawn(move || read_thread(file, tokens, pointer, sender, counter))
            .map_err(|error| SourceError::Io { path: path.clone(), error })?;
        Ok(OpenFile {
            uri: display_path(&self.context.base_dir, &path).into(),
            receiver,
            reader_thread: Some(reader_thread),
            element: 0,
            consumed,
            finished: false,
        })
    }
}

fn is_blank(path: &PathBuf) -> bool {
    let Ok(mut file) = File::open(path) else { return false };
    let mut buffer = [0u8; 4096];
    match file.read(&mut buffer) {
        Ok(n) if n < buffer.len() => buffer[..n].iter().all(u8::is_ascii_whitespace),
        _ => false,
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
            let Some(file) = self.current.as_mut() else { continue };
            let message = if file.finished { None } else { file.receiver.recv().ok() };
            match message {
                Some(Message::Element(bytes)) => {
                    file.element += 1;
                    let origin = RecordOrigin {
                        source: self.context.name.clone(),
                        uri: file.uri.clone(),
                        record: file.element,
                    };
                    let max = self.context.limits.max_record_bytes;
                    if bytes.len() > max {
                        let reason = format!(
                            "element is {} bytes, over the limit of {max} (limits.max_record_bytes); raw holds its first {max} bytes",
                            bytes.len()
                        );
                        return Ok(Some(SourceItem::Reject(Reject::new(&origin, reason, &bytes[..max]))));
                    }
                    return Ok(Some(record_from_bytes(&self.fields, origin, bytes)));
                }
                Some(Message::Broken(reason)) => {
                    file.finished = true;
                    file.element += 1;
                    let origin = RecordOrigin {
                        source: self.context.name.clone(),
                        uri: file.uri.clone(),
                        record: file.element,
                    };
                    let reason = format!("{reason}; nothing after element {} could be read", file.element - 1);
                    return Ok(Some(SourceItem::Reject(Reject::new(&origin, reason, b""))));
                }
                None => {
                    if let Some(mut file) = self.current.take() {
                        if let Some(handle) = file.reader_thread.take() {
                            let _ = handle.join();
                        }
                        self.bytes_done += file.consumed.load(Ordering::Relaxed);
                    }
                }
            }
        }
    }

    fn bytes_read(&self) -> u64 {
        self.bytes_done + self.current.as_ref().map_or(0, |f| f.consumed.load(Ordering::Relaxed))
    }

    fn bytes_total(&self) -> Option<u64> {
        Some(self.bytes_total)
    }
}
