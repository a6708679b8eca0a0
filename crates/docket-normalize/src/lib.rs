//! # docket-normalize
//!
//! Meaning, not formats: this crate turns the text that adapters found into normalized values.
//! Action words map onto the taxonomy, names resolve against the actor catalogue, dates and
//! amounts are parsed exactly, and reports of the same event are merged.
//!
//! **Design decision:** every parser is a pure function from text (plus explicit hints) to a
//! value or a problem, with no I/O and no global state, so that each one can be property-tested
//! and benchmarked on its own. Problems are returned as reasons for the rejects file, never
//! papered over with a guessed value.

#![warn(missing_docs)]

pub mod action;
pub mod convert;
pub mod date;
pub mod fuzzy;
pub mod merge;
pub mod money;
pub mod name;
pub mod name_list;
mod normalizer;
pub mod remove;
pub mod resolve;
pub mod rollup;

use thiserror::Error;

pub use normalizer::{Normalizer, SourceHints};
pub use resolve::{
    built_in_catalogue, parse_catalogue, MatchMethod, Resolution, Resolver, UnresolvedName,
};

/// Errors of this crate. Record-level problems are not errors: they are reasons returned by
/// [`Normalizer::normalize`].
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum NormalizeError {
    /// A catalogue file could not be parsed or is inconsistent.
    #[error("catalogue {origin}: {reason}")]
    Catalogue {
        /// The file (or "built-in").
        origin: String,
        /// What is wrong.
        reason: String,
    },
    /// A pattern of a job's `remove` table does not compile or matches nothing but the empty
    /// string.
    #[error("remove.{field}: pattern {pattern:?}: {reason}")]
    Pattern {
        /// The event field the pattern applies to.
        field: &'static str,
        /// The pattern as written.
        pattern: String,
        /// What is wrong.
        reason: String,
    },
    /// An exchange-rate table could not be read.
    #[error("rate table {origin}: {reason}")]
    Rates {
        /// Where the table came from.
        origin: String,
        /// What is wrong.
        reason: String,
    },
}

impl From<docket_core::CoreError> for NormalizeError {
    fn from(error: docket_core::CoreError) -> Self {
        match error {
            docket_core::CoreError::Catalogue { origin, reason } => {
                NormalizeError::Catalogue { origin, reason }
            }
            other => NormalizeError::Catalogue {
                origin: "catalogue".to_string(),
                reason: other.to_string(),
            },
        }
    }
}
