//! # docket-source
//!
//! The adapter API: how docket reads an input format. An adapter is two things:
//!
//! * a [`SourceFactory`], registered once under a `kind` name, that turns the source's TOML
//!   table from the job file into a running source (its typed config uses
//!   `#[serde(deny_unknown_fields)]`, so a typo in a job file is an error, not a silent default);
//! * a [`Source`], which yields [`SourceItem`]s one at a time: a [`RawRecord`] for each input
//!   record, or a [`Reject`] when one record is bad and the rest can still be read.
//!
//! **Design decision:** sources are pull-based (`next_item`) and know only their input format.
//! They do not parse dates, resolve names or decide actions: they map fields to text and keep
//! the record's exact bytes. Registration is an explicit [`Registry`] of factories, with no
//! macros and no global state, so a library user can add an adapter in one line.
//!
//! See `docs/writing-an-adapter.md` for a walk-through.

#![warn(missing_docs)]

mod fields;
mod paths;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use async_trait::async_trait;
pub use docket_core::{RawActor, RawEvent, RawRecord, RecordOrigin, Reject, TextBody};
use thiserror::Error;

pub use fields::{FieldMap, MappedValue};
pub use paths::{clean_path, display_path, resolve_paths};

/// What a source yields.
// Nearly every item is a record, so boxing it would add an allocation per record to save
// space only on the rare reject.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum SourceItem {
    /// One record, mapped to fields.
    Record(RawRecord),
    /// A record that cannot be read, with the reason and its raw bytes.
    Reject(Reject),
}

/// Errors that stop a source. A problem with one record is not an error: yield a
/// [`SourceItem::Reject`] and go on.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum SourceError {
    /// The source's configuration is wrong.
    #[error("source {source_name:?}: {reason}")]
    Config {
        /// The source's name in the job file.
        source_name: String,
        /// What is wrong.
        reason: String,
    },
    /// A file could not be opened or read.
    #[error("{path}: {error}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        #[source]
        error: std::io::Error,
    },
    /// A path names a directory where a file is expected.
    #[error(
        "{path}: is a directory, not a file (to read the files in it, use a glob: \"{path}/*\")"
    )]
    IsDirectory {
        /// The path.
        path: PathBuf,
    },
    /// A glob matched no file.
    #[error("{pattern}: the glob matches no file")]
    NoMatch {
        /// The glob, resolved against the job's folder.
        pattern: String,
    },
    /// The input cannot be read any further at this point.
    #[error("{path}:{record}: {reason}")]
    Fatal {
        /// The file.
        path: PathBuf,
        /// The record (or line) where reading stopped.
        record: u64,
        /// Why.
        reason: String,
    },
}

/// Limits that protect a run from pathological input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// A record larger than this many bytes is rejected without being parsed.
    pub max_record_bytes: usize,
    /// A text document larger than this many bytes is rejected.
    pub max_document_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_record_bytes: 1 << 20,
            max_document_bytes: 16 << 20,
        }
    }
}

/// What a factory knows when it builds a source. New fields may be added without breaking
/// adapters (construct it with [`SourceContext::new`]).
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct SourceContext {
    /// The source's name in the job file.
    pub name: Arc<str>,
    /// The folder relative paths are resolved against (the job file's folder).
    pub base_dir: PathBuf,
    /// Size limits.
    pub limits: Limits,
}

impl SourceContext {
    /// A context for the source `name`, resolving paths against `base_dir`.
    pub fn new(name: impl Into<Arc<str>>, base_dir: impl Into<PathBuf>, limits: Limits) -> Self {
        SourceContext {
            name: name.into(),
            base_dir: base_dir.into(),
            limits,
        }
    }

    /// A configuration error for this source.
    pub fn config_error(&self, reason: impl Into<String>) -> SourceError {
        SourceError::Config {
            source_name: self.name.to_string(),
            reason: reason.into(),
        }
    }

    /// Deserializes a source's own TOML table into its typed config, turning serde's message
    /// into a config error that names the source.
    pub fn parse_config<T: serde::de::DeserializeOwned>(
        &self,
        table: toml::Table,
    ) -> Result<T, SourceError> {
        T::deserialize(toml::Value::Table(table))
            .map_err(|e| self.config_error(e.message().to_string()))
    }
}

/// A running source: yields items until it returns `Ok(None)`.
///
/// Implementations may do blocking file I/O inside `next_item`: the pipeline drives each source
/// on a thread of its own.
#[async_trait]
pub trait Source: Send {
    /// The next record or reject, `Ok(None)` at the end, or an error that ends the source.
    async fn next_item(&mut self) -> Result<Option<SourceItem>, SourceError>;

    /// Bytes of input consumed so far, for progress reporting.
    fn bytes_read(&self) -> u64 {
        0
    }

    /// Total bytes of input, when known, for progress reporting.
    fn bytes_total(&self) -> Option<u64> {
        None
    }
}

/// Builds sources of one `kind` from their TOML tables.
pub trait SourceFactory: Send + Sync {
    /// The `kind` value that selects this factory in a job file.
    fn kind(&self) -> &'static str;

    /// Builds a source from its table (the source's keys minus those the pipeline owns: `kind`,
    /// `on_error`, `constants`, `formats`, `target_separator`, `target_list`, `published`,
    /// `lang`). Building checks the config and resolves paths, but reads no record.
    fn build(
        &self,
        config: toml::Table,
        context: &SourceContext,
    ) -> Result<Box<dyn Source>, SourceError>;
}

/// The factories a pipeline can use, by kind. Built-ins are added explicitly by the pipeline
/// (`docket_pipeline::default_registry`); add your own with [`Registry::register`].
#[derive(Default, Clone)]
pub struct Registry {
    factories: BTreeMap<&'static str, Arc<dyn SourceFactory>>,
}

impl std::fmt::Debug for Registry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Registry")
            .field("kinds", &self.kinds().collect::<Vec<_>>())
            .finish()
    }
}

impl Registry {
    /// An empty registry.
    pub fn new() -> Self {
        Registry::default()
    }

    /// Adds a factory; a factory of the same kind is replaced.
    pub fn register(&mut self, factory: impl SourceFactory + 'static) -> &mut Self {
        self.factories.insert(factory.kind(), Arc::new(factory));
        self
    }

    /// The factory for `kind`.
    pub fn get(&self, kind: &str) -> Option<&Arc<dyn SourceFactory>> {
        self.factories.get(kind)
    }

    /// Registered kinds, sorted.
    pub fn kinds(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.factories.keys().copied()
    }
}
