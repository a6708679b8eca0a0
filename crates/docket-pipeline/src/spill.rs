//! The spill store: merged events live in a temporary file, not in memory.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom, Write};
use std::os::unix::fs::FileExt;
use std::path::Path;

use docket_core::Event;
use docket_normalize::merge::EventStore;

/// Bytes buffered before they are written to the file.
const FLUSH_AT: usize = 1 << 20;

/// Events changed by merges that are kept in memory; past this many, they are written back to
/// the file.
const PATCH_CACHE: usize = 1024;

/// Events as JSON lines in an unlinked temporary file, with their place in memory (12 bytes per
/// event). An event changed by a merge stays in a small in-memory cache; when the cache is full,
/// its events are appended to the file again and their place updated, so memory does not grow
/// with the number of merges either.
#[derive(Debug)]
pub struct SpillStore {
    file: File,
    pending: Vec<u8>,
    flushed: u64,
    offsets: Vec<u64>,
    lengths: Vec<u32>,
    patched: HashMap<u32, Event>,
    /// Positions of events written back after a merge (their stored id is out of date).
    written_back: std::collections::HashSet<u32>,
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
            lengths: Vec::new(),
            patched: HashMap::new(),
            written_back: std::collections::HashSet::new(),
        })
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file.write_all(&self.pending)?;
        self.flushed += self.pending.len() as u64;
        self.pending.clear();
        Ok(())
    }

    /// Appends one JSON line and returns its (offset, length).
    fn write_line(&mut self, json: &[u8]) -> std::io::Result<(u64, u32)> {
        let offset = self.flushed + self.pending.len() as u64;
        let length =
            u32::try_from(json.len()).map_err(|_| std::io::Error::other("event over 4 GiB"))?;
        self.pending.extend_from_slice(json);
        self.pending.push(b'\n');
        if self.pending.len() >= FLUSH_AT {
            self.flush()?;
        }
        Ok((offset, length))
    }

    fn read_line(&self, position: usize) -> std::io::Result<Vec<u8>> {
        let (start, length) = match (self.offsets.get(position), self.lengths.get(position)) {
            (Some(&o), Some(&l)) => (o, u64::from(l)),
            _ => return Err(std::io::Error::other("no such event")),
        };
        let end = start + length;
        if start >= self.flushed {
            let from = (start - self.flushed) as usize;
            return Ok(self.pending[from..(end - self.flushed) as usize].to_vec());
        }
        let mut bytes = vec![0u8; length as usize];
        let on_disk = (self.flushed.min(end) - start) as usize;
        self.file.read_exact_at(&mut bytes[..on_disk], start)?;
        let total = bytes.len();
        if on_disk < total {
            bytes[on_disk..].copy_from_slice(&self.pending[..total - on_disk]);
        }
        Ok(bytes)
    }

    /// Writes every cached patched event back to the file.
    fn write_back(&mut self) -> std::io::Result<()> {
        let mut patched: Vec<(u32, Event)> = self.patched.drain().collect();
        patched.sort_unstable_by_key(|(position, _)| *position);
        for (position, event) in patched {
            let json = serde_json::to_vec(&event).map_err(std::io::Error::other)?;
            let (offset, length) = self.write_line(&json)?;
            self.offsets[position as usize] = offset;
            self.lengths[position as usize] = length;
            self.written_back.insert(position);
        }
        Ok(())
    }

    /// Reads every event back in order: `visit(position, changed, stored JSON)`, where `changed`
    /// is the event when a merge changed it (its stored id is then out of date) and `None` when
    /// the stored JSON is the event as it was first written.
    pub fn for_each(
        mut self,
        mut visit: impl FnMut(usize, Option<Event>, &[u8]) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        self.flush()?;
        self.file.seek(SeekFrom::Start(0))?;
        let mut reader = BufReader::with_capacity(1 << 16, &self.file);
        let mut at = 0u64;
        let mut line = Vec::new();
        for position in 0..self.offsets.len() {
            if let Some(event) = self.patched.remove(&(position as u32)) {
                visit(position, Some(event), &[])?;
                continue;
            }
            let (offset, length) = (self.offsets[position], self.lengths[position] as usize);
            if offset != at {
                reader.seek(SeekFrom::Start(offset))?;
            }
            line.resize(length + 1, 0);
            reader.read_exact(&mut line)?;
            at = offset + length as u64 + 1;
            if self.written_back.contains(&(position as u32)) {
                let event: Event =
                    serde_json::from_slice(&line[..length]).map_err(std::io::Error::other)?;
                visit(position, Some(event), &[])?;
            } else {
                visit(position, None, &line[..length])?;
            }
        }
        Ok(())
    }
}

impl EventStore for SpillStore {
    fn append(&mut self, event: Event, json: Option<Vec<u8>>) -> std::io::Result<usize> {
        let json = match json {
            Some(bytes) => bytes,
            None => serde_json::to_vec(&event).map_err(std::io::Error::other)?,
        };
        let (offset, length) = self.write_line(&json)?;
        self.offsets.push(offset);
        self.lengths.push(length);
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
            if self.patched.len() >= PATCH_CACHE {
                self.write_back()?;
            }
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
        // more patched events than the cache holds: the earlier ones go back to the file
        for i in 100..(100 + PATCH_CACHE + 10) {
            store
                .update(i, |e| e.summary = Some(format!("patched {i}")))
                .unwrap();
        }
        assert!(store.patched.len() <= PATCH_CACHE);
        assert_eq!(
            store.with(100, |e| e.summary.clone()).unwrap().unwrap(),
            "patched 100"
        );
        let mut seen = 0;
        store
            .for_each(|position, patch, line| {
                let summary = match patch {
                    Some(event) => event.summary.unwrap(),
                    None => serde_json::from_slice::<Event>(line)
                        .unwrap()
                        .summary
                        .unwrap(),
                };
                if position == 5 {
                    assert_eq!(summary, "patched");
                } else if (100..100 + PATCH_CACHE + 10).contains(&position) {
                    assert_eq!(summary, format!("patched {position}"));
                } else {
                    assert!(summary.starts_with(&format!("event {position} ")));
                }
                seen += 1;
                Ok(())
            })
            .unwrap();
        assert_eq!(seen, 3000);
    }
}
