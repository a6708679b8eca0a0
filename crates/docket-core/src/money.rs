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
    #[serde(
        serialize_with = "serialize_decimal",
        deserialize_with = "rust_decimal::serde::str::deserialize"
    )]
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
        serialize_with = "serialize_decimal_option",
        deserialize_with = "rust_decimal::serde::str_option::deserialize"
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
    #[serde(
        serialize_with = "serialize_decimal",
        deserialize_with = "rust_decimal::serde::str::deserialize"
    )]
    pub value: Decimal,
    /// The converted upper bound, when the amount is a range.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "serialize_decimal_option",
        deserialize_with = "rust_decimal::serde::str_option::deserialize"
    )]
    pub max: Option<Decimal>,
    /// Units of the target currency per unit of the amount's currency (rounded for display;
    /// the value is computed from the table's unrounded figures).
    #[serde(
        serialize_with = "serialize_decimal",
        deserialize_with = "rust_decimal::serde::str::deserialize"
    )]
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

/// A decimal written as `Decimal`'s `Display` writes it (`-12.50` stays `-12.50`; digits, an
/// optional point, no exponent), on the stack. Ids and exports write every amount this way;
/// `format!` would go through the formatting machinery for each one.
#[derive(Clone, Copy)]
pub struct DecimalText {
    buf: [u8; 64],
    len: usize,
}

impl DecimalText {
    /// The text of `value`.
    pub fn new(value: &Decimal) -> Self {
        let mut digits = [0u8; 40];
        let mut count = 0;
        let mut rest = value.mantissa().unsigned_abs();
        loop {
            // (96-bit mantissas: at most 29 digits)
            digits[count] = b'0' + (rest % 10) as u8;
            rest /= 10;
            count += 1;
            if rest == 0 || count == digits.len() {
                break;
            }
        }
        let scale = value.scale() as usize;
        let mut text = DecimalText {
            buf: [0u8; 64],
            len: 0,
        };
        let mut push = |byte: u8| {
            if text.len < text.buf.len() {
                text.buf[text.len] = byte;
                text.len += 1;
            }
        };
        if value.is_sign_negative() && !value.is_zero() {
            push(b'-');
        }
        if count <= scale {
            push(b'0');
            push(b'.');
            for _ in count..scale {
                push(b'0');
            }
            for i in (0..count).rev() {
                push(digits[i]);
            }
        } else {
            for i in (scale..count).rev() {
                push(digits[i]);
            }
            if scale > 0 {
                push(b'.');
                for i in (0..scale).rev() {
                    push(digits[i]);
                }
            }
        }
        text
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        // only ASCII digits, '-' and '.' were written
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or_default()
    }
}

/// Serializes a decimal as its text (as `rust_decimal::serde::str` does, without `format!`).
pub(crate) fn serialize_decimal<S: serde::Serializer>(
    value: &Decimal,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(DecimalText::new(value).as_str())
}

/// Serializes an optional decimal as its text, or null.
pub(crate) fn serialize_decimal_option<S: serde::Serializer>(
    value: &Option<Decimal>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match value {
        Some(value) => serialize_decimal(value, serializer),
        None => serializer.serialize_none(),
    }
}

#[cfg(test)]
mod decimal_text_tests {
    use super::*;

    #[test]
    fn decimals_are_written_as_display_writes_them() {
        for text in [
            "0",
            "1",
            "-1",
            "853800000",
            "1.5",
            "0.05",
            "-0.005",
            "12.50",
            "0.0",
        ] {
            let value: Decimal = text.parse().unwrap();
            assert_eq!(
                DecimalText::new(&value).as_str(),
                value.to_string(),
                "{text}"
            );
        }
        for scale in [0, 2] {
            let zero = Decimal::from_parts(0, 0, 0, true, scale);
            assert_eq!(
                DecimalText::new(&zero).as_str(),
                zero.to_string(),
                "-0, scale {scale}"
            );
        }
        assert_eq!(
            DecimalText::new(&Decimal::MAX).as_str(),
            Decimal::MAX.to_string()
        );
        assert_eq!(
            DecimalText::new(&Decimal::MIN).as_str(),
            Decimal::MIN.to_string()
        );
    }

    proptest::proptest! {
        #[test]
        fn any_decimal_is_written_as_display_writes_it(
            low in proptest::num::u32::ANY,
            mid in proptest::num::u32::ANY,
            high in proptest::num::u32::ANY,
            negative in proptest::bool::ANY,
            scale in 0u32..=28,
        ) {
            let value = Decimal::from_parts(low, mid, high, negative, scale);
            let text = DecimalText::new(&value);
            proptest::prop_assert_eq!(text.as_str(), value.to_string());
            let normalized = value.normalize();
            let text = DecimalText::new(&normalized);
            proptest::prop_assert_eq!(text.as_str(), normalized.to_string());
        }
    }
}
