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
}

impl Amount {
    /// Builds an amount, normalizing the decimal.
    pub fn new(value: Decimal, currency: impl Into<String>, role: AmountRole, text: impl Into<String>) -> Self {
        Amount {
            value: value.normalize(),
            currency: currency.into(),
            role,
            text: text.into(),
        }
    }

    /// Whether two amounts are the same sum of money (value and currency), whatever their text.
    pub fn same_sum(&self, other: &Amount) -> bool {
        self.currency == other.currency && self.value.normalize() == other.value.normalize()
    }
}
