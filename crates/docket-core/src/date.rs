use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::CoreError;

/// How much of a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// Only the year is known: `2020`.
    Year,
    /// Year and month: `2021-02`.
    Month,
    /// A calendar day: `2021-03-18`.
    Day,
}

/// A calendar date known to year, month or day precision. A source that says "2019-11" gives a
/// month, never a made-up first day of the month.
///
/// Only dates that exist are representable: the constructor checks the calendar (through jiff),
/// so 2021-02-31 cannot be built.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    year: i16,
    month: Option<u8>,
    day: Option<u8>,
}

impl PartialDate {
    /// Earliest year accepted: enforcement records before it are treated as errors.
    pub const MIN_YEAR: i16 = 1800;
    /// Latest year accepted.
    pub const MAX_YEAR: i16 = 2200;

    /// A year-precision date.
    pub fn year(year: i16) -> Result<Self, CoreError> {
        Self::new(year, None, None)
    }

    /// A month-precision date.
    pub fn month(year: i16, month: u8) -> Result<Self, CoreError> {
        Self::new(year, Some(month), None)
    }

    /// A day-precision date.
    pub fn day(year: i16, month: u8, day: u8) -> Result<Self, CoreError> {
        Self::new(year, Some(month), Some(day))
    }

    /// Builds a date from its parts; a day without a month is refused.
    pub fn new(year: i16, month: Option<u8>, day: Option<u8>) -> Result<Self, CoreError> {
        let text = || match (month, day) {
            (Some(m), Some(d)) => format!("{year:04}-{m:02}-{d:02}"),
            (Some(m), None) => format!("{year:04}-{m:02}"),
            _ => format!("{year:04}"),
        };
        let invalid = |reason: &str| CoreError::InvalidDate {
            text: text(),
            reason: reason.to_string(),
        };
        if !(Self::MIN_YEAR..=Self::MAX_YEAR).contains(&year) {
            return Err(invalid("year out of range 1800..=2200"));
        }
        match (month, day) {
            (None, Some(_)) => return Err(invalid("a day needs a month")),
            (Some(m), None) if !(1..=12).contains(&m) => return Err(invalid("no such month")),
            (Some(m), Some(d)) => {
                let m = i8::try_from(m).map_err(|_| invalid("no such month"))?;
                let d = i8::try_from(d).map_err(|_| invalid("no such day"))?;
                jiff::civil::Date::new(year, m, d)
                    .map_err(|_| invalid("no such day in the calendar"))?;
            }
            _ => {}
        }
        Ok(PartialDate { year, month, day })
    }

    /// The year.
    pub fn year_part(&self) -> i16 {
        self.year
    }

    /// The month, when known.
    pub fn month_part(&self) -> Option<u8> {
        self.month
    }

    /// The day, when known.
    pub fn day_part(&self) -> Option<u8> {
        self.day
    }

    /// How precise this date is.
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// The same date cut to a coarser precision (never refined).
    pub fn truncate(&self, precision: Precision) -> PartialDate {
        let precision = precision.min(self.precision());
        PartialDate {
            year: self.year,
            month: if precision >= Precision::Month {
                self.month
            } else {
                None
            },
            day: if precision >= Precision::Day {
                self.day
            } else {
                None
            },
        }
    }

    /// Whether two dates can describe the same day: equal at the coarser of the two precisions.
    pub fn is_compatible(&self, other: &PartialDate) -> bool {
        let shared = self.precision().min(other.precision());
        self.truncate(shared) == other.truncate(shared)
    }

    /// The day as a jiff civil date, when the precision is a day.
    pub fn to_civil(&self) -> Option<jiff::civil::Date> {
        match (self.month, self.day) {
            (Some(m), Some(d)) => jiff::civil::Date::new(self.year, m as i8, d as i8).ok(),
            _ => None,
        }
    }
}

/// A [`PartialDate`] in its canonical form (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), on the stack:
/// ids and exports write every date, and `format!` would go through the formatting machinery
/// for each one.
#[derive(Clone, Copy)]
pub struct DateText {
    buf: [u8; 10],
    len: usize,
}

impl DateText {
    /// The text.
    pub fn as_str(&self) -> &str {
        // only ASCII digits and '-' were written
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or_default()
    }
}

impl PartialDate {
    /// The canonical text of the date (what `Display` writes).
    pub fn text(&self) -> DateText {
        let mut text = DateText {
            buf: [0u8; 10],
            len: 0,
        };
        // the year is within MIN_YEAR..=MAX_YEAR: four digits
        let year = self.year.unsigned_abs();
        let two = |n: u8| [b'0' + n / 10 % 10, b'0' + n % 10];
        text.buf[..4].copy_from_slice(&[
            b'0' + (year / 1000 % 10) as u8,
            b'0' + (year / 100 % 10) as u8,
            b'0' + (year / 10 % 10) as u8,
            b'0' + (year % 10) as u8,
        ]);
        text.len = 4;
        if let Some(month) = self.month {
            text.buf[4] = b'-';
            text.buf[5..7].copy_from_slice(&two(month));
            text.len = 7;
            if let Some(day) = self.day {
                text.buf[7] = b'-';
                text.buf[8..10].copy_from_slice(&two(day));
                text.len = 10;
            }
        }
        text
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text().as_str())
    }
}

impl FromStr for PartialDate {
    type Err = CoreError;

    /// Parses exactly the canonical forms `YYYY`, `YYYY-MM` and `YYYY-MM-DD`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || CoreError::InvalidDate {
            text: s.to_string(),
            reason: "expected YYYY, YYYY-MM or YYYY-MM-DD".to_string(),
        };
        let mut parts = s.split('-');
        let number = |part: Option<&str>, width: usize| -> Result<Option<u16>, CoreError> {
            match part {
                None => Ok(None),
                Some(p) if p.len() == width && p.bytes().all(|b| b.is_ascii_digit()) => {
                    p.parse::<u16>().map(Some).map_err(|_| bad())
                }
                Some(_) => Err(bad()),
            }
        };
        let year = number(parts.next(), 4)?.ok_or_else(bad)?;
        let month = number(parts.next(), 2)?;
        let day = number(parts.next(), 2)?;
        if parts.next().is_some() {
            return Err(bad());
        }
        let year = i16::try_from(year).map_err(|_| bad())?;
        let narrow = |v: Option<u16>| v.map(|v| u8::try_from(v).map_err(|_| bad())).transpose();
        PartialDate::new(year, narrow(month)?, narrow(day)?)
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.text().as_str())
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// A date as exported: the parsed value (or null when it could not be resolved), its precision,
/// and the original text it came from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DateValue {
    /// The date, or `None` when the text could not be resolved (a relative date without an
    /// anchor is never guessed).
    pub value: Option<PartialDate>,
    /// The precision of `value`, or `None` when there is no value.
    pub precision: Option<Precision>,
    /// The original text, exactly as found.
    pub text: String,
    /// A part of the period named by `value` that the source gave but a [`PartialDate`] cannot
    /// hold: `Q3` (a quarter), `H1` (a half year), `W15` (an ISO week), `early`, `mid` or
    /// `late`. Absent (and not exported) for plain dates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<String>,
}

impl DateValue {
    /// A resolved date with its original text.
    pub fn resolved(value: PartialDate, text: impl Into<String>) -> Self {
        DateValue {
            precision: Some(value.precision()),
            value: Some(value),
            text: text.into(),
            qualifier: None,
        }
    }

    /// An expression that could not be resolved; the text is kept.
    pub fn unresolved(text: impl Into<String>) -> Self {
        DateValue {
            value: None,
            precision: None,
            text: text.into(),
            qualifier: None,
        }
    }

    /// The same date with a qualifier (`Q3`, `early`, ...).
    pub fn with_qualifier(mut self, qualifier: Option<String>) -> Self {
        self.qualifier = qualifier;
        self
    }
}

/// A period of time given by its first and last dates, each at its own precision ("between
/// 2008 and 2012": from `2008` to `2012`). Used for the period of the conduct an action is about,
/// which is kept apart from the date of the action.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Period {
    /// The first date of the period.
    pub from: PartialDate,
    /// The last date of the period (never before `from`).
    pub to: PartialDate,
    /// The original text.
    pub text: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_canonical_forms() {
        for text in ["2021", "2021-02", "2021-02-28", "2020-02-29"] {
            let date: PartialDate = text.parse().unwrap();
            assert_eq!(date.to_string(), text);
        }
    }

    #[test]
    fn refuses_impossible_dates() {
        for text in [
            "2021-02-29",
            "2021-02-31",
            "9999-99-99",
            "2021-13",
            "2021-1-1",
            "20210",
            "x",
        ] {
            assert!(text.parse::<PartialDate>().is_err(), "{text}");
        }
    }

    #[test]
    fn compatibility_uses_the_coarser_precision() {
        let day: PartialDate = "2021-03-18".parse().unwrap();
        let month: PartialDate = "2021-03".parse().unwrap();
        let other: PartialDate = "2021-04".parse().unwrap();
        assert!(day.is_compatible(&month));
        assert!(!day.is_compatible(&other));
        assert_eq!(day.truncate(Precision::Year).to_string(), "2021");
    }
}
