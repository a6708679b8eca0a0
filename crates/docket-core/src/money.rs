use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// What an amount measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AmountRole {
    /// A fine, penalty or settlement payment.
    Penalty,
    /// The value of something acted upon: "the $37 billion IPO".
    Value,
    /// Any other amount.
    Other,
}

/// An exact amount of money in an ISO 4217 currency, with the text it was read from.
///
/// The value is a [`Decimal`] normalized to carry no trailing zeros, so `2000.0` and `2000`
/// are the same amount and print the same way. It is never a float.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Amount {
    /// The exact value, printed as a decimal string.
    #[serde(with = "rust_decimal::serde::str")]
    pub value: Decimal,
    /// The ISO 4217 code, such as `EUR`, `USD`, `CNY`.
    pub currency: String,
    /// What the amount measures.
    pub role: AmountRole,
    /// The original text.
    pub text: String,
    /// The upper bound when the source gave a range ("between EUR 350 and EUR 1,000"): `value`
    /// is then the lower bound. Absent (and not exported) for a single amount.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::str_option"
    )]
    pub max: Option<Decimal>,
    /// The amount converted into reporting currencies (ISO code to conversion), when the job
    /// asks for conversion and the event has a date. Absent (and not exported) when empty.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub converted: BTreeMap<String, Converted>,
}

/// An amount converted into another currency at a yearly average rate. It is never the
/// source's figure: `rate`, `year` and `source` say how it was computed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Converted {
    /// The converted value (of `Amount::value`), rounded as documented in
    /// `docs/normalization.md`.
    #[serde(with = "rust_decimal::serde::str")]
    pub value: Decimal,
    /// The converted upper bound, when the amount is a range.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::str_option"
    )]
    pub max: Option<Decimal>,
    /// Units of the target currency per unit of the amount's currency (rounded for display;
    /// the value is computed from the table's unrounded figures).
    #[serde(with = "rust_decimal::serde::str")]
    pub rate: Decimal,
    /// The year whose average rate was used (the year of the event's date).
    pub year: i16,
    /// Where the rates come from.
    pub source: String,
}

impl Amount {
    /// Builds an amount, normalizing the decimal.
    pub fn new(
        value: Decimal,
        currency: impl Into<String>,
        role: AmountRole,
        text: impl Into<String>,
    ) -> Self {
        Amount {
            value: value.normalize(),
            currency: currency.into(),
            role,
            text: text.into(),
            max: None,
            converted: BTreeMap::new(),
        }
    }

    /// The same amount as a range from `value` to `max` (normalized).
    pub fn with_max(mut self, max: Option<Decimal>) -> Self {
        self.max = max.map(|m| m.normalize());
        self
    }

    /// Whether two amounts are the same sum of money (value and currency), whatever their text.
    pub fn same_sum(&self, other: &Amount) -> bool {
        self.currency == other.currency
            && self.value.normalize() == other.value.normalize()
            && self.max.map(|m| m.normalize()) == other.max.map(|m| m.normalize())
    }
}
