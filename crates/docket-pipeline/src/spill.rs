//! The spill store: merged events live in a temporary file, not in memory.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader, Seek, SeekFrom, Write};
use std::os::unix::fs::FileExt;
use std::path::Path;

use docket_core::Event;
use docket_normalize::merge::EventStore;

/// Bytes buffered before they are written to the file.
const FLUSH_AT: usize = 1 << 20;

/// Events as JSON lines in an unlinked temporary file, with their start offsets in memory
/// (8 bytes per event). Events changed by a merge are kept in memory until the end (their number
/// grows with the merges, not with the input).
#[derive(Debug)]
pub struct SpillStore {
    file: File,
    pending: Vec<u8>,
    flushed: u64,
    offsets: Vec<u64>,
    patched: HashMap<u32, Event>,
}

impl SpillStore {
    /// A store in a temporary file created in `dir` (so that it sits on the outputs' disk).
    pub fn new_in(dir: &Path) -> std::io::Result<Self> {
        std::fs::create_dir_all(dir)?;
        Ok(SpillStore {
            file: tempfile::tempfile_in(dir)?,
            pending: Vec::with_capacity(FLUSH_AT + (1 << 16)),
            flushed: 0,
            offsets: Vec::new(),
            patched: HashMap::new(),
        })
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file.write_all(&self.pending)?;
        self.flushed += self.pending.len() as u64;
        self.pending.clear();
        Ok(())
    }

    fn end_of(&self, position: usize) -> u64 {
        self.offsets
            .get(position + 1)
            .copied()
            .unwrap_or(self.flushed + self.pending.len() as u64)
    }

    fn read_line(&self, position: usize) -> std::io::Result<Vec<u8>> {
        let start = *self
            .offsets
            .get(position)
            .ok_or_else(|| std::io::Error::other("no such event"))?;
        let end = self.end_of(position) - 1; // without the newline
        if start >= self.flushed {
            let from = (start - self.flushed) as usize;
            return Ok(self.pending[from..(end - self.flushed) as usize].to_vec());
        }
        let mut bytes = vec![0u8; (end - start) as usize];
        let on_disk = (self.flushed.min(end) - start) as usize;
        self.file.read_exact_at(&mut bytes[..on_disk], start)?;
        let total = bytes.len();
        if on_disk < total {
            bytes[on_disk..].copy_from_slice(&self.pending[..total - on_disk]);
        }
        Ok(bytes)
    }

    /// Reads every event back in order: `visit(position, patched event or None, stored JSON)`.
    pub fn for_each(
        mut self,
        mut visit: impl FnMut(usize, Option<Event>, &[u8]) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        self.flush()?;
        self.file.seek(SeekFrom::Start(0))?;
        let mut reader = BufReader::with_capacity(1 << 16, &self.file);
        let mut line = Vec::new();
        for position in 0..self.offsets.len() {
            line.clear();
            reader.read_until(b'\n', &mut line)?;
            if line.last() == Some(&b'\n') {
                line.pop();
            }
            let patched = self.patched.remove(&(position as u32));
            visit(position, patched, &line)?;
        }
        Ok(())
    }
}

impl EventStore for SpillStore {
    fn append(&mut self, event: Event, json: Option<Vec<u8>>) -> std::io::Result<usize> {
        self.offsets.push(self.flushed + self.pending.len() as u64);
        match json {
            Some(bytes) => self.pending.extend_from_slice(&bytes),
            None => {
                serde_json::to_writer(&mut self.pending, &event).map_err(std::io::Error::other)?
            }
        }
        self.pending.push(b'\n');
        if self.pending.len() >= FLUSH_AT {
            self.flush()?;
        }
        Ok(self.offsets.len() - 1)
    }

    fn with<R>(&mut self, position: usize, look: impl FnOnce(&Event) -> R) -> std::io::Result<R> {
        if let Some(event) = self.patched.get(&(position as u32)) {
            return Ok(look(event));
        }
        let line = self.read_line(position)?;
        let event: Event = serde_json::from_slice(&line).map_err(std::io::Error::other)?;
        Ok(look(&event))
    }

    fn update<R>(
        &mut self,
        position: usize,
        change: impl FnOnce(&mut Event) -> R,
    ) -> std::io::Result<R> {
        let key = position as u32;
        if !self.patched.contains_key(&key) {
            let line = self.read_line(position)?;
            let event: Event = serde_json::from_slice(&line).map_err(std::io::Error::other)?;
            self.patched.insert(key, event);
        }
        match self.patched.get_mut(&key) {
            Some(event) => Ok(change(event)),
            None => Err(std::io::Error::other("patched event vanished")),
        }
    }

    fn len(&self) -> usize {
        self.offsets.len()
    }
}

#[cfg(test)]
mod tests {
    use docket_core::ActionKind;

    use super::*;

    #[test]
    fn events_come_back_from_disk_and_from_the_buffer() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = SpillStore::new_in(dir.path()).unwrap();
        for i in 0..3000 {
            let mut event = Event::new(ActionKind::Fine);
            event.summary = Some(format!("event {i} {}", "x".repeat(i % 700)));
            store.append(event, None).unwrap();
        }
        assert!(store.flushed > 0 && !store.pending.is_empty());
        for i in [0, 1, 1499, 2999] {
            let summary = store.with(i, |e| e.summary.clone()).unwrap().unwrap();
            assert_eq!(summary, format!("event {i} {}", "x".repeat(i % 700)));
        }
        store
            .update(5, |e| e.summary = Some("patched".into()))
            .unwrap();
        assert_eq!(
            store.with(5, |e| e.summary.clone()).unwrap().as_deref(),
            Some("patched")
        );
        let mut seen = 0;
        store
            .for_each(|position, patch, line| {
                if position == 5 {
                    assert_eq!(patch.unwrap().summary.unwrap(), "patched");
                } else {
                    assert!(patch.is_none());
                    let event: Event = serde_json::from_slice(line).unwrap();
                    assert!(event
                        .summary
                        .unwrap()
                        .starts_with(&format!("event {position} ")));
                }
                seen += 1;
                Ok(())
            })
            .unwrap();
        assert_eq!(seen, 3000);
    }
}
