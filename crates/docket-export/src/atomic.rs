use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;
use tempfile::NamedTempFile;

use crate::{ExportError, Staged};

/// The start of the name of every temporary output file: `.docket-PID-XXXXXX.tmp`.
const TEMP_PREFIX: &str = ".docket-";

/// The folder in which the temporary file of the output `path` is written: the output's own.
pub fn temp_dir_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Removes from `dir` the temporary files of outputs (`.docket-PID-XXXXXX.tmp`) that belong to
/// a process which no longer runs: what a run killed before it could clean up leaves behind.
/// Files of running processes, and files whose name has no process id, are kept. Only where
/// `/proc` shows the running processes (Linux); elsewhere nothing is removed. Returns the files
/// removed.
pub fn remove_stale_temp_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let proc = Path::new("/proc");
    if !proc.join("self").exists() {
        return Ok(Vec::new());
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(error) => return Err(error),
    };
    let own = std::process::id();
    let mut removed = Vec::new();
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name();
        let Some(name) = name.to_str() else {
            continue;
        };
        let Some(pid) = name
            .strip_prefix(TEMP_PREFIX)
            .filter(|_| name.ends_with(".tmp"))
            .and_then(|rest| rest.split_once('-'))
            .and_then(|(pid, _)| pid.parse::<u32>().ok())
        else {
            continue;
        };
        if pid == own || proc.join(pid.to_string()).exists() {
            continue;
        }
        std::fs::remove_file(entry.path())?;
        removed.push(entry.path());
    }
    Ok(removed)
}

/// Bytes written between two `fdatasync` calls of an output being written (see
/// [`SyncedFile`]).
const SYNC_EVERY: u64 = 32 << 20;

/// A file written beside its destination and renamed into place on [`AtomicFile::commit`].
/// Dropped without commit, it disappears and the destination is untouched.
///
/// The data is synced to disk every `SYNC_EVERY` bytes as it is written, not only at the
/// end: the commit must sync it anyway (a rename is only safe after the data is on disk), and
/// syncing as it goes keeps the dirty pages of a large export bounded. Linux throttles a
/// process that dirties pages faster than the disk takes them once the dirty total passes its
/// thresholds, which a single export of a few hundred MB can reach on a small machine.
#[derive(Debug)]
pub struct AtomicFile {
    path: PathBuf,
    writer: BufWriter<SyncedFile>,
}

/// The temporary file of an [`AtomicFile`], synced every `SYNC_EVERY` bytes. Each sync runs
/// on a thread of its own while writing goes on; the next sync waits for it, so one is in
/// flight at a time and a failure is reported by the next write or by the commit.
#[derive(Debug)]
pub struct SyncedFile {
    file: NamedTempFile,
    unsynced: u64,
    syncing: Option<std::thread::JoinHandle<std::io::Result<()>>>,
}

impl SyncedFile {
    /// Waits for the sync in flight, if any, and returns its result.
    fn wait_for_sync(&mut self) -> std::io::Result<()> {
        match self.syncing.take() {
            Some(sync) => sync
                .join()
                .map_err(|_| std::io::Error::other("the sync thread failed"))?,
            None => Ok(()),
        }
    }
}

impl Write for SyncedFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let written = self.file.write(buf)?;
        self.unsynced += written as u64;
        if self.unsynced >= SYNC_EVERY {
            self.wait_for_sync()?;
            let file = self.file.as_file().try_clone()?;
            self.syncing = Some(std::thread::spawn(move || file.sync_data()));
            self.unsynced = 0;
        }
        Ok(written)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file.flush()
    }
}

impl AtomicFile {
    /// Starts writing `path` (its folder is created if needed).
    pub fn create(path: &Path) -> Result<Self, ExportError> {
        let io = |error| ExportError::Io {
            path: path.to_path_buf(),
            error,
        };
        let dir = temp_dir_of(path);
        std::fs::create_dir_all(dir).map_err(io)?;
        // the process id in the name lets a later run tell a killed run's leftovers from the
        // files of a run still going (see `remove_stale_temp_files`)
        let prefix = format!("{TEMP_PREFIX}{}-", std::process::id());
        let temp = tempfile::Builder::new()
            .prefix(&prefix)
            .suffix(".tmp")
            .tempfile_in(dir)
            .map_err(io)?;
        Ok(AtomicFile {
            path: path.to_path_buf(),
            writer: BufWriter::with_capacity(
                1 << 16,
                SyncedFile {
                    file: temp,
                    unsynced: 0,
                    syncing: None,
                },
            ),
        })
    }

    /// The destination.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The buffered writer.
    pub fn writer(&mut self) -> &mut BufWriter<SyncedFile> {
        &mut self.writer
    }

    /// Writes a value as one JSON line.
    pub fn write_json_line<T: Serialize>(&mut self, value: &T) -> Result<(), ExportError> {
        let path = self.path.clone();
        serde_json::to_writer(&mut self.writer, value).map_err(|e| ExportError::Io {
            path: path.clone(),
            error: std::io::Error::other(e),
        })?;
        self.writer
            .write_all(b"\n")
            .map_err(|error| ExportError::Io { path, error })
    }

    /// Writes bytes followed by a newline.
    pub fn write_raw_line(&mut self, bytes: &[u8]) -> Result<(), ExportError> {
        let path = &self.path;
        let io = |error| ExportError::Io {
            path: path.clone(),
            error,
        };
        self.writer.write_all(bytes).map_err(io)?;
        self.writer.write_all(b"\n").map_err(io)
    }

    /// Flushes, syncs and renames into place.
    pub fn commit(self) -> Result<(), ExportError> {
        self.stage()?.publish()
    }

    /// Flushes and syncs, leaving the file beside its destination until the returned
    /// [`Staged`] is published.
    pub fn stage(self) -> Result<Staged, ExportError> {
        let path = self.path;
        let io = |error| ExportError::Io {
            path: path.clone(),
            error,
        };
        let mut synced = self.writer.into_inner().map_err(|e| io(e.into_error()))?;
        synced.wait_for_sync().map_err(io)?;
        let temp = synced.file;
        // temporary files are created private (0600); an export is an ordinary file (0644)
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            temp.as_file()
                .set_permissions(std::fs::Permissions::from_mode(0o644))
                .map_err(io)?;
        }
        temp.as_file().sync_all().map_err(io)?;
        Ok(Staged::file(temp, path))
    }
}

/// Adapts an [`AtomicFile`] to `io::Write`, for writers that take ownership of their output
/// (the csv writer, the Parquet writer); `.0.commit()` once they hand it back.
pub(crate) struct AtomicFileWriter(pub(crate) AtomicFile);

impl Write for AtomicFileWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.writer().write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.writer().flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_temporary_files_of_ended_processes_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let touch = |name: &str| {
            std::fs::write(dir.path().join(name), b"x").unwrap();
        };
        // no process has this id (Linux ids stay below 2^22)
        touch(".docket-4000000000-abc123.tmp");
        touch(&format!(".docket-{}-def456.tmp", std::process::id()));
        touch(".docket-1-ghi789.tmp"); // init runs
        touch(".docket-XYZ123.tmp"); // no process id: an older docket's name, kept
        touch("events.jsonl");
        let removed = remove_stale_temp_files(dir.path()).unwrap();
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        if Path::new("/proc/self").exists() {
            assert_eq!(
                removed,
                vec![dir.path().join(".docket-4000000000-abc123.tmp")]
            );
            let mut kept = vec![
                ".docket-1-ghi789.tmp".to_string(),
                ".docket-XYZ123.tmp".to_string(),
                format!(".docket-{}-def456.tmp", std::process::id()),
                "events.jsonl".to_string(),
            ];
            kept.sort();
            assert_eq!(left, kept);
        } else {
            assert!(removed.is_empty());
        }
        // a folder that does not exist has nothing to clean
        assert!(remove_stale_temp_files(&dir.path().join("missing"))
            .unwrap()
            .is_empty());
    }
}
