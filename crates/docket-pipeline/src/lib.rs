//! # docket-pipeline
//!
//! The only crate that knows job files and tokio. It parses a job ([`Job::load`]), builds each
//! source through the [`Registry`](docket_source::Registry), streams records through the
//! normalizer (and the text extractor) into the merger, and writes every export and the
//! rejects file at the end.
//!
//! **Design decision:** outputs are written only after the whole input has been read, and each
//! one atomically, so a failed or killed run changes nothing. The run summary accounts for every
//! record: for each source, `read = emitted + merged + rejected`, and the runner checks that
//! this holds before it writes anything.

#![warn(missing_docs)]

mod job;
mod runner;
mod spill;
mod summary;

use std::path::PathBuf;

use thiserror::Error;

pub use job::{
    CommonSourceConfig, ConstantsConfig, FormatsConfig, Job, JobSection, LimitsConfig, OnError,
    SourceSpec,
};
pub use runner::{
    default_registry, run_job, run_job_blocking, Progress, RunOptions, TextExtractor, TextFindings,
};
pub use spill::SpillStore;
pub use summary::{RunSummary, SourceSummary};

/// Errors that stop a run.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum PipelineError {
    /// The job file is wrong; `line` points at the offending key when it can be found.
    #[error("{}{}: {reason}", path.display(), line.map(|l| format!(":{l}")).unwrap_or_default())]
    Job {
        /// The job file.
        path: PathBuf,
        /// 1-based line of the offending key.
        line: Option<usize>,
        /// What is wrong.
        reason: String,
    },
    /// A source failed and its `on_error` is `fail` (the default).
    #[error("source {name:?}: {error}")]
    Source {
        /// The source's name.
        name: String,
        /// The error.
        #[source]
        error: docket_source::SourceError,
    },
    /// `--strict` and a record was rejected.
    #[error("strict mode: {source_name}: {uri}:{record}: {reason}")]
    StrictReject {
        /// The source.
        source_name: String,
        /// The file.
        uri: String,
        /// The record.
        record: u64,
        /// Why it was rejected.
        reason: String,
    },
    /// The catalogue could not be loaded.
    #[error(transparent)]
    Catalogue(#[from] docket_normalize::NormalizeError),
    /// An export failed.
    #[error(transparent)]
    Export(#[from] docket_export::ExportError),
    /// The run's counts do not add up: a bug, reported rather than hidden.
    #[error("accounting error in source {name:?}: {detail}")]
    Accounting {
        /// The source.
        name: String,
        /// The counts.
        detail: String,
    },
    /// The async runtime or the normalizer threads could not start.
    #[error("runtime: {0}")]
    Runtime(#[source] std::io::Error),
}
