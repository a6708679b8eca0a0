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

/// Events in a row between two recorded file offsets (see [`SpillStore`]).
const CHECKPOINT_EVERY: usize = 64;

/// Events as JSON lines in an unlinked temporary file, with their place in memory: the length
/// of each line (4 bytes per event) and the offset of every `CHECKPOINT_EVERY`th, the lines
/// being written one after the other; an event's offset is its checkpoint plus the lines in
/// between. An event changed by a merge stays in a small in-memory cache; when the cache is
/// full, its events are appended to the file again and their new place is kept in a map, so
/// memory does not grow with the number of merges either.
#[derive(Debug)]
pub struct SpillStore {
    file: File,
    pending: Vec<u8>,
    flushed: u64,
    /// Length of each event's line as first written.
    lengths: Vec<u32>,
    /// Offset of the line of event `k * CHECKPOINT_EVERY`.
    checkpoints: Vec<u64>,
    patched: HashMap<u32, Event>,
    /// Events written back after a merge (their stored id is out of date): offset and length
    /// of their newest line in `patches`.
    moved: HashMap<u32, (u64, u32)>,
    /// The second file, for events written back after a merge (so that the first file holds
    /// first lines only, one after the other).
    patches: Option<File>,
    patches_len: u64,
    /// The lines of one write-back, kept between write-backs (about 1 MB): a new buffer each
    /// time would take fresh pages from the system each time.
    patch_buffer: Vec<u8>,
    /// The last event `with` read from the files: a merge reads its candidate with `with`,
    /// then changes it with `update`, which takes it from here instead of parsing it again.
    last_read: Option<(u32, Event)>,
    dir: std::path::PathBuf,
}

/// An event from its stored JSON line.
pub(crate) fn event_from_json(json: &[u8]) -> std::io::Result<Event> {
    serde_json::from_slice(json).map_err(std::io::Error::other)
}

impl SpillStore {
    /// A store in a temporary file created in `dir` (so that it sits on the outputs' disk).
    pub fn new_in(dir: &Path) -> std::io::Result<Self> {
        std::fs::create_dir_all(dir)?;
        Ok(SpillStore {
            file: tempfile::tempfile_in(dir)?,
            pending: Vec::with_capacity(FLUSH_AT + (1 << 16)),
            flushed: 0,
            lengths: Vec::new(),
            checkpoints: Vec::new(),
            patched: HashMap::new(),
            moved: HashMap::new(),
            patches: None,
            patches_len: 0,
            patch_buffer: Vec::new(),
            last_read: None,
            dir: dir.to_path_buf(),
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

    /// Where the first line of the event at `position` is: offset and length.
    fn place(&self, position: usize) -> std::io::Result<(u64, u64)> {
        let (Some(&length), Some(&checkpoint)) = (
            self.lengths.get(position),
            self.checkpoints.get(position / CHECKPOINT_EVERY),
        ) else {
            return Err(std::io::Error::other("no such event"));
        };
        let first = position - position % CHECKPOINT_EVERY;
        let before: u64 = self.lengths[first..position]
            .iter()
            .map(|&l| u64::from(l) + 1)
            .sum();
        Ok((checkpoint + before, u64::from(length)))
    }

    /// The newest line of a written-back event.
    fn read_patch(&self, offset: u64, length: u32) -> std::io::Result<Vec<u8>> {
        let file = self
            .patches
            .as_ref()
            .ok_or_else(|| std::io::Error::other("no patch file"))?;
        let mut bytes = vec![0u8; length as usize];
        file.read_exact_at(&mut bytes, offset)?;
        Ok(bytes)
    }

    fn read_line(&self, position: usize) -> std::io::Result<Vec<u8>> {
        if let Some(&(offset, length)) = self.moved.get(&(position as u32)) {
            return self.read_patch(offset, length);
        }
        let (start, length) = self.place(position)?;
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
        if self.patches.is_none() {
            self.patches = Some(tempfile::tempfile_in(&self.dir)?);
        }
        let mut lines = std::mem::take(&mut self.patch_buffer);
        lines.clear();
        for (position, event) in patched {
            let start = lines.len();
            docket_export::write_event_json(&mut lines, &event).map_err(std::io::Error::other)?;
            let length = u32::try_from(lines.len() - start)
                .map_err(|_| std::io::Error::other("event over 4 GiB"))?;
            self.moved
                .insert(position, (self.patches_len + start as u64, length));
        }
        if let Some(file) = &self.patches {
            file.write_all_at(&lines, self.patches_len)?;
        }
        self.patches_len += lines.len() as u64;
        self.patch_buffer = lines;
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
        // the first lines are read in order, all of them, so the reader never seeks; the line
        // of an event changed since is read and passed over
        let mut reader = BufReader::with_capacity(1 << 16, &self.file);
        let mut line = Vec::new();
        for position in 0..self.lengths.len() {
            let length = self.lengths[position] as usize;
            line.resize(length + 1, 0);
            reader.read_exact(&mut line)?;
            if let Some(event) = self.patched.remove(&(position as u32)) {
                visit(position, Some(event), &[])?;
            } else if let Some(&(offset, length)) = self.moved.get(&(position as u32)) {
                let event = event_from_json(&self.read_patch(offset, length)?)?;
                visit(position, Some(event), &[])?;
            } else {
                visit(position, None, &line[..length])?;
            }
        }
        Ok(())
    }
}

impl SpillStore {
    /// Appends one event's JSON as its first line.
    fn append_line(&mut self, json: &[u8]) -> std::io::Result<usize> {
        let position = self.lengths.len();
        let (offset, length) = self.write_line(json)?;
        if position % CHECKPOINT_EVERY == 0 {
            self.checkpoints.push(offset);
        }
        self.lengths.push(length);
        Ok(position)
    }
}

impl EventStore for SpillStore {
    fn append(&mut self, event: Event, json: Option<Vec<u8>>) -> std::io::Result<usize> {
        match json {
            Some(bytes) => self.append_line(&bytes),
            None => {
                let mut bytes = Vec::new();
                docket_export::write_event_json(&mut bytes, &event)
                    .map_err(std::io::Error::other)?;
                self.append_line(&bytes)
            }
        }
    }

    fn append_json(
        &mut self,
        json: Vec<u8>,
        _event: impl FnOnce(&[u8]) -> std::io::Result<Event>,
    ) -> std::io::Result<usize> {
        // the store keeps the bytes: the event need not be made
        self.append_line(&json)
    }

    fn with<R>(&mut self, position: usize, look: impl FnOnce(&Event) -> R) -> std::io::Result<R> {
        if let Some(event) = self.patched.get(&(position as u32)) {
            return Ok(look(event));
        }
        if let Some((_, event)) = self
            .last_read
            .as_ref()
            .filter(|(at, _)| *at == position as u32)
        {
            return Ok(look(event));
        }
        let event = event_from_json(&self.read_line(position)?)?;
        let seen = look(&event);
        self.last_read = Some((position as u32, event));
        Ok(seen)
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
            let event = match self.last_read.take() {
                Some((at, event)) if at == key => event,
                other => {
                    self.last_read = other;
                    event_from_json(&self.read_line(position)?)?
                }
            };
            self.patched.insert(key, event);
        }
        match self.patched.get_mut(&key) {
            Some(event) => Ok(change(event)),
            None => Err(std::io::Error::other("patched event vanished")),
        }
    }

    fn len(&self) -> usize {
        self.lengths.len()
    }
}

#[cfg(test)]
mod tests {
    use docket_core::ActionKind;

    use super::*;

    /// Appends, merges that overflow the patch cache, and more appends, interleaved: every
    /// event reads back as its newest state, through `with` and through `for_each`.
    #[test]
    fn written_back_events_and_later_appends_do_not_disturb_each_other() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = SpillStore::new_in(dir.path()).unwrap();
        let mut expected: Vec<String> = Vec::new();
        for round in 0..4 {
            // appends of varied length (so that the checkpoint arithmetic is exercised)
            for i in 0..2000 {
                let text = format!("event {round}-{i} {}", "y".repeat((i * 7) % 300));
                let mut event = Event::new(ActionKind::Fine);
                event.summary = Some(text.clone());
                store.append(event, None).unwrap();
                expected.push(text);
            }
            // more changes than the cache holds, spread over everything so far
            for k in 0..(PATCH_CACHE + 300) {
                let position = (k * 13 + round * 5) % expected.len();
                let text = format!("patched {round}-{k}");
                store
                    .update(position, |e| e.summary = Some(text.clone()))
                    .unwrap();
                expected[position] = text;
            }
        }
        for position in [0, 1, 63, 64, 65, 1999, 2000, 4095, expected.len() - 1] {
            let summary = store
                .with(position, |e| e.summary.clone())
                .unwrap()
                .unwrap();
            assert_eq!(summary, expected[position], "position {position}");
        }
        let mut seen = 0;
        store
            .for_each(|position, changed, line| {
                let summary = match changed {
                    Some(event) => event.summary.unwrap(),
                    None => serde_json::from_slice::<Event>(line)
                        .unwrap()
                        .summary
                        .unwrap(),
                };
                assert_eq!(summary, expected[position], "position {position}");
                seen += 1;
                Ok(())
            })
            .unwrap();
        assert_eq!(seen, expected.len());
    }

    /// A merge reads its candidate with `with` and changes it with `update`: the event read is
    /// reused, and reads of other positions in between never hand back the wrong event.
    #[test]
    fn an_update_after_a_read_changes_the_event_read() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = SpillStore::new_in(dir.path()).unwrap();
        for i in 0..10 {
            let mut event = Event::new(ActionKind::Fine);
            event.summary = Some(format!("event {i}"));
            store.append(event, None).unwrap();
        }
        let summary = |store: &mut SpillStore, at: usize| {
            store.with(at, |e| e.summary.clone().unwrap()).unwrap()
        };
        assert_eq!(summary(&mut store, 3), "event 3");
        store
            .update(3, |e| e.summary = Some("merged 3".into()))
            .unwrap();
        assert_eq!(summary(&mut store, 3), "merged 3");
        // a read of 5, then an update of 4: 4 is read from the file, 5 is still 5
        assert_eq!(summary(&mut store, 5), "event 5");
        store
            .update(4, |e| e.summary = Some("merged 4".into()))
            .unwrap();
        assert_eq!(summary(&mut store, 4), "merged 4");
        assert_eq!(summary(&mut store, 5), "event 5");
        store
            .update(5, |e| e.summary = Some("merged 5".into()))
            .unwrap();
        assert_eq!(summary(&mut store, 5), "merged 5");
    }

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
