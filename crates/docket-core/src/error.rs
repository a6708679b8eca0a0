use thiserror::Error;

/// Errors raised while building or validating domain values.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum CoreError {
    /// A date that does not exist in the calendar, such as 2021-02-31.
    #[error("invalid date {text:?}: {reason}")]
    InvalidDate {
        /// The text that was parsed.
        text: String,
        /// Why it is invalid.
        reason: String,
    },
    /// An unknown action, actor kind or other enumerated value.
    #[error("unknown {what} {value:?}")]
    UnknownValue {
        /// What kind of value was expected ("action", "actor kind", ...).
        what: &'static str,
        /// The value that was given.
        value: String,
    },
    /// The actor catalogue is inconsistent.
    #[error("catalogue {origin}: {reason}")]
    Catalogue {
        /// Where the catalogue came from (a path, or "built-in").
        origin: String,
        /// What is wrong.
        reason: String,
    },
}
