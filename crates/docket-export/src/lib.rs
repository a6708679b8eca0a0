//! # docket-export
//!
//! Writes events out: JSONL (the reference format, one event per line), CSV (flattened), SQLite
//! (normalized tables, upserted), Parquet (nested columns, behind the `parquet` feature) and a
//! self-contained HTML report (a timeline per target group). Also writes the rejects file.
//!
//! **Design decision:** every output is all-or-nothing. Files are written to a temporary file
//! in the destination folder and renamed into place only when complete; SQLite is written in
//! one transaction. A run that dies halfway leaves the previous outputs as they were, and a
//! re-run over the same input writes byte-identical files and the same rows. A run stages
//! every output ([`EventSink::stage`]: written in full and synced, not yet visible) before it
//! publishes them together ([`publish_all`]), so one output failing at the end changes none of
//! the others.
//!
//! The Parquet writer (arrow-rs) is a large build, so it sits behind the `parquet` cargo feature
//! (off by default); the HTML report is built from strings, with no dependency and no network.

#![warn(missing_docs)]

mod atomic;
mod csv_sink;
mod event_json;
mod html;
mod jsonl;
#[cfg(feature = "parquet")]
mod parquet_sink;
mod sqlite;
mod staged;

use std::path::{Path, PathBuf};

use docket_core::{Event, Reject};
use serde::Deserialize;
use thiserror::Error;

pub use atomic::{remove_stale_temp_files, temp_dir_of, AtomicFile, SyncedFile};
pub use csv_sink::{CsvSink, CSV_COLUMNS};
pub use event_json::write_event_json;
pub use html::{render_report, HtmlSink};
pub use jsonl::JsonlSink;
#[cfg(feature = "parquet")]
pub use parquet_sink::{parquet_schema, ParquetSink};
pub use sqlite::SqliteSink;
pub use staged::{publish_all, Staged};

/// Events per Parquet row group when the export sets no `row_group_size`.
pub const DEFAULT_ROW_GROUP_SIZE: usize = 64 * 1024;

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
    /// The export kind is not available in this build (`kind = "parquet"` without the
    /// `parquet` feature).
    #[error("{path}: {reason}")]
    Unsupported {
        /// The output.
        path: PathBuf,
        /// Why, and how to get it.
        reason: String,
    },
    /// Parquet (or Arrow) writing failed.
    #[cfg(feature = "parquet")]
    #[error("{path}: parquet: {error}")]
    Parquet {
        /// The output.
        path: PathBuf,
        /// The parquet error (Arrow errors are wrapped in it).
        #[source]
        error: parquet::errors::ParquetError,
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
    /// Parquet with nested targets and sources; needs the `parquet` feature.
    Parquet,
    /// A self-contained HTML report: a timeline per target group, filters, and every source.
    Html,
}

impl ExportKind {
    /// The name used in job files.
    pub fn as_str(self) -> &'static str {
        match self {
            ExportKind::Jsonl => "jsonl",
            ExportKind::Csv => "csv",
            ExportKind::Sqlite => "sqlite",
            ExportKind::Parquet => "parquet",
            ExportKind::Html => "html",
        }
    }

    /// Whether this build can write this kind (Parquet needs the `parquet` feature).
    pub fn is_available(self) -> bool {
        self != ExportKind::Parquet || cfg!(feature = "parquet")
    }
}

/// One `[exports.NAME]` table of a job file.
///
/// Unknown keys are an error, and so are keys that do not apply to the kind
/// (`row_group_size` on anything but Parquet) and kinds this build cannot write; all of these
/// are found when the job file is read, before any input is.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(try_from = "ExportTable")]
#[non_exhaustive]
pub struct ExportConfig {
    /// The format.
    pub kind: ExportKind,
    /// The output path, relative to the job file.
    pub path: PathBuf,
    /// Parquet only: events per row group (default [`DEFAULT_ROW_GROUP_SIZE`]).
    pub row_group_size: Option<usize>,
    /// Any kind: write each event with its targets rolled up to their ultimate parent groups
    /// (`rollup = "ultimate_parent"`); the targets the source named stay in `direct_targets`.
    pub rollup: Option<Rollup>,
}

/// How an export groups targets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rollup {
    /// Replace each target by its ultimate parent group.
    UltimateParent,
}

/// The table as written in the job file, checked by `TryFrom` into an [`ExportConfig`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExportTable {
    kind: ExportKind,
    path: PathBuf,
    #[serde(default)]
    row_group_size: Option<usize>,
    #[serde(default)]
    rollup: Option<Rollup>,
}

impl TryFrom<ExportTable> for ExportConfig {
    type Error = String;

    fn try_from(table: ExportTable) -> Result<Self, Self::Error> {
        if !table.kind.is_available() {
            return Err(format!(
                "kind = \"{}\" needs docket built with the `parquet` feature of docket-export",
                table.kind.as_str()
            ));
        }
        match (table.kind, table.row_group_size) {
            (ExportKind::Parquet, Some(0)) => {
                return Err("row_group_size must be at least 1".to_string())
            }
            (ExportKind::Parquet, _) | (_, None) => {}
            (kind, Some(_)) => {
                return Err(format!(
                    "row_group_size applies only to kind = \"parquet\", not to kind = \"{}\"",
                    kind.as_str()
                ))
            }
        }
        Ok(ExportConfig {
            kind: table.kind,
            path: table.path,
            row_group_size: table.row_group_size,
            rollup: table.rollup,
        })
    }
}

impl ExportConfig {
    /// An export of `kind` to `path`, with default options.
    pub fn new(kind: ExportKind, path: impl Into<PathBuf>) -> Self {
        ExportConfig {
            kind,
            path: path.into(),
            row_group_size: None,
            rollup: None,
        }
    }

    /// The same export with `row_group_size` events per Parquet row group.
    pub fn with_row_group_size(mut self, row_group_size: usize) -> Self {
        self.row_group_size = Some(row_group_size);
        self
    }
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
    /// Writes what is left and puts the whole output on disk without making it visible, so
    /// that a run can publish all its outputs together ([`publish_all`]) once every one of
    /// them is ready. The built-in sinks all have this form; the default, for a sink without
    /// it, is [`EventSink::finish`], which publishes at once.
    fn stage(self: Box<Self>) -> Result<Staged, ExportError> {
        self.finish().map(|()| Staged::published())
    }
}

/// Opens a sink for an export of `kind` to `path` with default options. `job` names the job
/// (SQLite rows are owned by it; the HTML report is titled with it). See [`open_export`] for
/// options such as `row_group_size`.
pub fn open_sink(
    kind: ExportKind,
    path: &Path,
    job: &str,
) -> Result<Box<dyn EventSink>, ExportError> {
    open_export(&ExportConfig::new(kind, path), job)
}

/// Opens a sink for one `[exports.NAME]` table, honouring its options.
pub fn open_export(config: &ExportConfig, job: &str) -> Result<Box<dyn EventSink>, ExportError> {
    let path = config.path.as_path();
    Ok(match config.kind {
        ExportKind::Jsonl => Box::new(JsonlSink::create(path)?),
        ExportKind::Csv => Box::new(CsvSink::create(path)?),
        ExportKind::Sqlite => Box::new(SqliteSink::open(path, job)?),
        ExportKind::Html => Box::new(HtmlSink::create(path, job)?),
        #[cfg(feature = "parquet")]
        ExportKind::Parquet => Box::new(ParquetSink::create(
            path,
            config.row_group_size.unwrap_or(DEFAULT_ROW_GROUP_SIZE),
        )?),
        #[cfg(not(feature = "parquet"))]
        ExportKind::Parquet => return Err(ExportError::Unsupported {
            path: path.to_path_buf(),
            reason:
                "kind = \"parquet\" needs docket built with the `parquet` feature of docket-export"
                    .to_string(),
        }),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<ExportConfig, String> {
        toml::from_str::<ExportConfig>(text).map_err(|e| e.to_string())
    }

    #[test]
    fn export_tables_are_strict_and_options_belong_to_their_kind() {
        let jsonl = parse("kind = \"jsonl\"\npath = \"a.jsonl\"").unwrap();
        assert_eq!(jsonl, ExportConfig::new(ExportKind::Jsonl, "a.jsonl"));
        assert_eq!(
            parse("kind = \"html\"\npath = \"r.html\"").unwrap().kind,
            ExportKind::Html
        );
        let error = parse("kind = \"jsonl\"\npath = \"a\"\nrow_group_size = 10").unwrap_err();
        assert!(
            error.contains("row_group_size applies only to kind = \"parquet\""),
            "{error}"
        );
        let error = parse("kind = \"csv\"\npath = \"a\"\nrowgroup_size = 10").unwrap_err();
        assert!(error.contains("unknown field `rowgroup_size`"), "{error}");
        let error = parse("kind = \"xlsx\"\npath = \"a\"").unwrap_err();
        assert!(error.contains("unknown variant `xlsx`"), "{error}");
    }

    #[cfg(feature = "parquet")]
    #[test]
    fn parquet_takes_a_row_group_size() {
        let config =
            parse("kind = \"parquet\"\npath = \"e.parquet\"\nrow_group_size = 16").unwrap();
        assert_eq!(
            config,
            ExportConfig::new(ExportKind::Parquet, "e.parquet").with_row_group_size(16)
        );
        assert!(
            parse("kind = \"parquet\"\npath = \"e\"\nrow_group_size = 0")
                .unwrap_err()
                .contains("at least 1")
        );
    }

    #[cfg(not(feature = "parquet"))]
    #[test]
    fn parquet_without_the_feature_is_refused_when_the_job_is_read() {
        let error = parse("kind = \"parquet\"\npath = \"e.parquet\"").unwrap_err();
        assert!(error.contains("`parquet` feature"), "{error}");
        let Err(error) = open_sink(ExportKind::Parquet, Path::new("e.parquet"), "job") else {
            panic!("a parquet sink without the feature")
        };
        assert!(matches!(error, ExportError::Unsupported { .. }), "{error}");
    }
}
