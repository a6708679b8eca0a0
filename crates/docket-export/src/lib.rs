//! # docket-export
//!
//! Writes events out: JSONL (the reference format, one event per line), CSV (flattened) and
//! SQLite (normalized tables, upserted). Also writes the rejects file.
//!
//! **Design decision:** every output is all-or-nothing. Files are written to a temporary file
//! in the destination folder and renamed into place only when complete; SQLite is written in
//! one transaction. A run that dies halfway leaves the previous outputs as they were, and a
//! re-run over the same input writes byte-identical files and the same rows.

#![warn(missing_docs)]

mod atomic;
mod csv_sink;
mod jsonl;
mod sqlite;

use std::path::{Path, PathBuf};

use docket_core::{Event, Reject};
use serde::Deserialize;
use thiserror::Error;

pub use atomic::AtomicFile;
pub use csv_sink::{CsvSink, CSV_COLUMNS};
pub use jsonl::JsonlSink;
pub use sqlite::SqliteSink;

/// Errors while writing an output.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum ExportError {
    /// File-system trouble.
    #[error("{path}: {error}")]
    Io {
        /// The output.
        path: PathBuf,
        /// The I/O error.
        #[source]
        error: std::io::Error,
    },
    /// CSV writing failed.
    #[error("{path}: {error}")]
    Csv {
        /// The output.
        path: PathBuf,
        /// The csv error.
        #[source]
        error: csv::Error,
    },
    /// SQLite failed.
    #[error("{path}: sqlite: {error}")]
    Sqlite {
        /// The database.
        path: PathBuf,
        /// The rusqlite error.
        #[source]
        error: rusqlite::Error,
    },
    /// An export configuration is wrong.
    #[error("export {name:?}: {reason}")]
    Config {
        /// The export's name in the job.
        name: String,
        /// What is wrong.
        reason: String,
    },
}

/// The kinds of export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ExportKind {
    /// One JSON event per line.
    Jsonl,
    /// Flattened CSV.
    Csv,
    /// SQLite tables, upserted.
    Sqlite,
}

/// One `[exports.NAME]` table of a job file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportConfig {
    /// The format.
    pub kind: ExportKind,
    /// The output path, relative to the job file.
    pub path: PathBuf,
}

/// Receives events one at a time and commits them at the end.
pub trait EventSink {
    /// Writes one event.
    fn write_event(&mut self, event: &Event) -> Result<(), ExportError>;
    /// Writes one event given as its JSON object (as in the JSONL export), if this sink can
    /// take that form without parsing it; `None` means "give me the event instead".
    fn write_json(&mut self, _json: &[u8]) -> Option<Result<(), ExportError>> {
        None
    }
    /// Makes the output visible (rename or commit). Until then the previous output is intact.
    fn finish(self: Box<Self>) -> Result<(), ExportError>;
}

/// Opens a sink for an export. `job` names the job (SQLite rows are owned by it).
pub fn open_sink(kind: ExportKind, path: &Path, job: &str) -> Result<Box<dyn EventSink>, ExportError> {
    Ok(match kind {
        ExportKind::Jsonl => Box::new(JsonlSink::create(path)?),
        ExportKind::Csv => Box::new(CsvSink::create(path)?),
        ExportKind::Sqlite => Box::new(SqliteSink::open(path, job)?),
    })
}

/// Writes the rejects file (JSONL of `{source, uri, record, reason, raw}`), atomically.
pub fn write_rejects(path: &Path, rejects: &[Reject]) -> Result<(), ExportError> {
    let mut file = AtomicFile::create(path)?;
    for reject in rejects {
        file.write_json_line(reject)?;
    }
    file.commit()
}
