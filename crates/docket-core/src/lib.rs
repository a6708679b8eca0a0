//! # docket-core
//!
//! The domain model of docket: who ([`ActorRef`]) did what ([`ActionKind`]) to whom, when
//! ([`DateValue`] over a [`PartialDate`]), for how much ([`Amount`]), according to which sources
//! ([`SourceRef`]).
//!
//! **Design decision:** this crate is pure data. It does no I/O, has no async, and knows no
//! input or output format. Adapters produce [`RawRecord`]s, the normalizer turns them into
//! [`Event`]s, exporters write events. Every value that was parsed out of an input keeps the
//! original text beside the parsed value, so that any field can be checked against its source.

#![warn(missing_docs)]

mod action;
mod actor;
mod catalogue;
mod date;
mod error;
mod event;
mod money;
mod raw;

pub use action::{ActionKind, ACTION_KINDS};
pub use actor::{ActorKind, ActorRef, MatchScore};
pub use catalogue::{Catalogue, CatalogueActor, Jurisdiction};
pub use date::{DateText, DateValue, PartialDate, Period, Precision};
pub use error::CoreError;
pub use event::{Event, SourceRef};
pub use money::{Amount, AmountRole, Converted, DecimalText};
pub use raw::{
    Anchor, Anchors, RawActor, RawBytes, RawEvent, RawRecord, RecordOrigin, Reject, TextBody,
};

pub use rust_decimal::Decimal;
