//! Date parsing: structured-field dates in the formats found in real enforcement tables.
//!
//! The parser is a small tokenizer plus pattern match, written for speed (no regex, no
//! allocation on the common paths). Calendar validity is checked by [`PartialDate`] (jiff).

use docket_core::PartialDate;

/// How to read an all-numeric date such as `03/04/2021`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayOrder {
    /// `DD/MM/YYYY`.
    DayFirst,
    /// `MM/DD/YYYY`.
    MonthFirst,
}

/// Per-source hints for date parsing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DateHints {
    /// The order of day and month in numeric dates.
    pub order: Option<DayOrder>,
    /// A strftime-style format (`%m/%d/%Y`) tried before anything else.
    pub format: Option<String>,
}

impl DateHints {
    /// Reads a `formats.date` value from a job: `day_first`, `month_first`, or a strftime format.
    pub fn from_job_value(value: &str) -> Self {
        match value {
            "day_first" => DateHints { order: Some(DayOrder::DayFirst), format: None },
            "month_first" => DateHints { order: Some(DayOrder::MonthFirst), format: None },
            other => DateHints { order: None, format: Some(other.to_string()) },
        }
    }
}

/// Why a date could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateProblem {
    /// A known placeholder such as 1970-01-01: the source did not know the date.
    Placeholder,
    /// Not a date in any supported format.
    Unreadable,
    /// Numeric day and month that could be either way round, with no hint.
    Ambiguous,
    /// Well formed, but not in the calendar (2021-02-31).
    Impossible,
}

impl DateProblem {
    /// A sentence for the rejects file.
    pub fn explain(&self, text: &str) -> String {
        match self {
            DateProblem::Placeholder => format!("date {text:?} is a known placeholder, not a real date"),
            DateProblem::Unreadable => format!("date {text:?} is in no supported format"),
            DateProblem::Ambiguous => format!(
                "date {text:?} could be day-first or month-first; set formats.date = \"day_first\" or \"month_first\" on the source"
            ),
            DateProblem::Impossible => format!("date {text:?} does not exist in the calendar"),
        }
    }
}

const MISSING: &[&str] = &["", "unknown", "n/a", "na", "none", "null", "-", "--", "not known", "tbd", "nan"];

/// Whether a field value means "no value" ("", "Unknown", "n/a", ...).
pub fn is_missing(text: &str) -> bool {
    let t = text.trim();
    MISSING.iter().any(|m| t.eq_ignore_ascii_case(m))
}

const MONTHS: [&str; 12] = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december",
];

/// Month number from an English month name or abbreviation ("Dec", "Sept", "december").
pub fn month_from_name(word: &str) -> Option<u8> {
    if word.len() < 3 || word.len() > 9 {
        return None;
    }
    let mut lower = [0u8; 9];
    for (slot, b) in lower.iter_mut().zip(word.bytes()) {
        *slot = b.to_ascii_lowercase();
    }
    let lower = &lower[..word.len()];
    if lower == b"sept" {
        return Some(9);
    }
    MONTHS.iter().position(|m| {
        let m = m.as_bytes();
        lower == m || (lower.len() == 3 && &m[..3] == lower)
    }).map(|i| i as u8 + 1)
}

const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

fn is_weekday(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    WEEKDAYS.iter().any(|d| *d == lower || (lower.len() == 3 && d.starts_with(lower.as_str())))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token<'a> {
    Num { value: u32, digits: u8 },
    Word(&'a str),
    Sep(u8),
}

/// At most this many tokens are considered; longer strings are not dates.
const MAX_TOKENS: usize = 16;

fn tokenize(text: &str) -> Option<([Token<'_>; MAX_TOKENS], usize)> {
    let bytes = text.as_bytes();
    let mut tokens = [Token::Sep(b' '); MAX_TOKENS];
    let mut n = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let start = i;
        let token = if b.is_ascii_digit() {
            let mut value: u32 = 0;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                if i - start >= 9 {
                    return None;
                }
                value = value * 10 + u32::from(bytes[i] - b'0');
                i += 1;
            }
            Token::Num { value, digits: (i - start) as u8 }
        } else if b.is_ascii_alphabetic() {
            while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
                i += 1;
            }
            Token::Word(&text[start..i])
        } else if b == b' ' || b == b'\t' {
            i += 1;
            continue;
        } else if b.is_ascii() {
            i += 1;
            Token::Sep(b)
        } else {
            return None;
        };
        if n == MAX_TOKENS {
            return None;
        }
        tokens[n] = token;
        n += 1;
    }
    Some((tokens, n))
}


fn small(value: u32, digits: u8) -> Option<u8> {
    (digits <= 2).then(|| u8::try_from(value).ok()).flatten()
}

fn build(year: i16, month: Option<u8>, day: Option<u8>) -> Result<PartialDate, DateProblem> {
    if (year, month, day) == (1970, Some(1), Some(1)) || (year, month, day) == (1900, Some(1), Some(1)) {
        return Err(DateProblem::Placeholder);
    }
    PartialDate::new(year, month, day).map_err(|_| DateProblem::Impossible)
}

/// Parses a date field. Returns `Ok(None)` for a missing-value marker ("", "Unknown").
///
/// Supported: `YYYY`, `YYYY-MM`, `YYYY-MM-DD` (also with one-digit parts and `/` or `.`),
/// ISO datetimes, `YYYYMMDD`, `DD/MM/YYYY` and `MM/DD/YYYY` (by hint, or when one part is above
/// 12), `DD.MM.YYYY`, "Dec. 28, 2015", "December 28, 2015", "28 December 2015", "December 2015",
/// RFC 2822 ("Fri, 04 Oct 2019 11:20:02 EDT"), and Chinese `2021年4月10日` / `2021年4月`.
pub fn parse_date(text: &str, hints: &DateHints) -> Result<Option<PartialDate>, DateProblem> {
    let text = text.trim();
    if is_missing(text) {
        return Ok(None);
    }
    if let Some(format) = &hints.format {
        if let Ok(date) = jiff::civil::Date::strptime(format, text) {
            let month = u8::try_from(date.month()).map_err(|_| DateProblem::Impossible)?;
            let day = u8::try_from(date.day()).map_err(|_| DateProblem::Impossible)?;
            return build(date.year(), Some(month), Some(day)).map(Some);
        }
    }
    if text.contains('年') {
        return parse_chinese(text).map(Some);
    }
    let (tokens, n) = tokenize(text).ok_or(DateProblem::Unreadable)?;
    let mut toks = &tokens[..n];
    // a leading weekday: "Fri, 04 Oct 2019", "Friday 28 December 2015"
    if let [Token::Word(w), rest @ ..] = toks {
        if is_weekday(w) {
            toks = match rest {
                [Token::Sep(b','), rest @ ..] => rest,
                rest => rest,
            };
        }
    }
    parse_tokens(toks, hints).map(Some)
}

fn parse_tokens(toks: &[Token<'_>], hints: &DateHints) -> Result<PartialDate, DateProblem> {
    use Token::{Num, Sep};
    match toks {
        // 2021
        [Num { value, digits: 4 }] => build(*value as i16, None, None),
        // 20210319
        [Num { value, digits: 8 }] => {
            let (y, m, d) = (value / 10000, (value / 100) % 100, value % 100);
            build(y as i16, Some(m as u8), Some(d as u8))
        }
        // 2021-03, 2021-03-19, 2021/3/19, 2021.03.19, and ISO datetimes after the day
        [Num { value: y, digits: 4 }, Sep(s), Num { value: m, digits: md }, rest @ ..] if matches!(s, b'-' | b'/' | b'.') => {
            let month = small(*m, *md).ok_or(DateProblem::Unreadable)?;
            match rest {
                [] => build(*y as i16, Some(month), None),
                [Sep(s2), Num { value: d, digits: dd }, tail @ ..] if s2 == s => {
                    let day = small(*d, *dd).ok_or(DateProblem::Unreadable)?;
                    if !tail.is_empty() && !is_time_tail(tail) {
                        return Err(DateProblem::Unreadable);
                    }
                    build(*y as i16, Some(month), Some(day))
                }
                _ => Err(DateProblem::Unreadable),
            }
        }
        // 19/03/2021, 03/19/2021, 19.03.2021, 19-03-2021
        [Num { value: a, digits: ad }, Sep(s), Num { value: b, digits: bd }, Sep(s2), Num { value: y, digits: 4 }, tail @ ..]
            if s == s2 && matches!(s, b'/' | b'.' | b'-') && (tail.is_empty() || is_time_tail(tail)) =>
        {
            let a = small(*a, *ad).ok_or(DateProblem::Unreadable)?;
            let b = small(*b, *bd).ok_or(DateProblem::Unreadable)?;
            let order = if *s == b'.' {
                DayOrder::DayFirst
            } else if let Some(order) = hints.order {
                order
            } else if a > 12 && b <= 12 {
                DayOrder::DayFirst
            } else if b > 12 && a <= 12 {
                DayOrder::MonthFirst
            } else if a == b {
                DayOrder::DayFirst
            } else {
                return Err(DateProblem::Ambiguous);
            };
            let (day, month) = match order {
                DayOrder::DayFirst => (a, b),
                DayOrder::MonthFirst => (b, a),
            };
            build(*y as i16, Some(month), Some(day))
        }
        _ => parse_with_month_name(toks),
    }
}

fn is_time_tail(tail: &[Token<'_>]) -> bool {
    // "T10:00:00Z", " 10:00", "T10:00:00+02:00", " 11:20:02 EDT"
    let mut rest = tail;
    if let [Token::Word(w), more @ ..] = rest {
        if w.starts_with('T') || w.starts_with('t') {
            // the tokenizer glues "T10" as Word("T") Num(10) only if T is alone; accept both
            rest = more;
        }
    }
    matches!(rest, [Token::Num { digits: 1..=2, .. }, Token::Sep(b':'), ..])
}

fn parse_with_month_name(toks: &[Token<'_>]) -> Result<PartialDate, DateProblem> {
    use Token::{Num, Sep, Word};
    let skip_dot = |t: &[Token<'_>]| -> usize { usize::from(matches!(t.first(), Some(Sep(b'.')))) };
    match toks {
        // "Dec. 28, 2015", "December 28 2015", "Dec 28th, 2015", "December 2015"
        [Word(m), rest @ ..] => {
            let month = month_from_name(m).ok_or(DateProblem::Unreadable)?;
            let rest = &rest[skip_dot(rest)..];
            match rest {
                [Num { value: y, digits: 4 }] => build(*y as i16, Some(month), None),
                [Num { value: d, digits: 1..=2 }, tail @ ..] => {
                    let tail = strip_ordinal(tail);
                    let tail = match tail {
                        [Sep(b','), t @ ..] => t,
                        t => t,
                    };
                    match tail {
                        [Num { value: y, digits: 4 }, more @ ..] if more.is_empty() || is_time_tail(more) => {
                            build(*y as i16, Some(month), Some(*d as u8))
                        }
                        _ => Err(DateProblem::Unreadable),
                    }
                }
                _ => Err(DateProblem::Unreadable),
            }
        }
        // "28 December 2015", "04 Oct 2019 11:20:02 EDT", "28th Dec. 2015"
        [Num { value: d, digits: 1..=2 }, rest @ ..] => {
            let rest = strip_ordinal(rest);
            match rest {
                [Word(m), rest @ ..] => {
                    let month = month_from_name(m).ok_or(DateProblem::Unreadable)?;
                    let rest = &rest[skip_dot(rest)..];
                    let rest = match rest {
                        [Sep(b','), t @ ..] => t,
                        t => t,
                    };
                    match rest {
                        [Num { value: y, digits: 4 }, more @ ..] if more.is_empty() || is_time_tail(more) => {
                            build(*y as i16, Some(month), Some(*d as u8))
                        }
                        _ => Err(DateProblem::Unreadable),
                    }
                }
                _ => Err(DateProblem::Unreadable),
            }
        }
        _ => Err(DateProblem::Unreadable),
    }
}

fn strip_ordinal<'a, 'b>(toks: &'b [Token<'a>]) -> &'b [Token<'a>] {
    match toks {
        [Token::Word(w), rest @ ..] if matches!(w.to_ascii_lowercase().as_str(), "st" | "nd" | "rd" | "th") => rest,
        t => t,
    }
}

fn parse_chinese(text: &str) -> Result<PartialDate, DateProblem> {
    // 2021年4月10日, 2021年4月, 2021年; full-width digits are folded first
    let folded: String = text
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            c => c,
        })
        .filter(|c| !c.is_whitespace())
        .collect();
    let (year, rest) = folded.split_once('年').ok_or(DateProblem::Unreadable)?;
    let year: i16 = year.parse().map_err(|_| DateProblem::Unreadable)?;
    if rest.is_empty() {
        return build(year, None, None);
    }
    let (month, rest) = rest.split_once('月').ok_or(DateProblem::Unreadable)?;
    let month: u8 = month.parse().map_err(|_| DateProblem::Unreadable)?;
    let rest = rest.trim_end_matches('日').trim_end_matches('号');
    if rest.is_empty() {
        return build(year, Some(month), None);
    }
    let day: u8 = rest.parse().map_err(|_| DateProblem::Unreadable)?;
    build(year, Some(month), Some(day))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> String {
        parse_date(text, &DateHints::default()).unwrap().unwrap().to_string()
    }

    #[test]
    fn reads_real_formats() {
        let cases = [
            ("2021-12-31", "2021-12-31"),
            ("2021-11-1", "2021-11-01"),
            ("2019-11", "2019-11"),
            ("2008", "2008"),
            ("2021-03-19T10:20:00Z", "2021-03-19"),
            ("2021-03-19 10:20:00", "2021-03-19"),
            ("20170701", "2017-07-01"),
            ("Dec. 28, 2015", "2015-12-28"),
            ("December 28, 2015", "2015-12-28"),
            ("28 December 2015", "2015-12-28"),
            ("28th December 2015", "2015-12-28"),
            ("Sept. 3, 2014", "2014-09-03"),
            ("December 2015", "2015-12"),
            ("Fri, 04 Oct 2019 11:20:02 EDT", "2019-10-04"),
            ("19.03.2021", "2021-03-19"),
            ("19/03/2021", "2021-03-19"),
            ("03/19/2021", "2021-03-19"),
            ("2021年4月10日", "2021-04-10"),
            ("2021年4月", "2021-04"),
        ];
        for (text, want) in cases {
            assert_eq!(ok(text), want, "{text}");
        }
    }

    #[test]
    fn hints_decide_numeric_order() {
        let day_first = DateHints::from_job_value("day_first");
        let month_first = DateHints::from_job_value("month_first");
        let strf = DateHints::from_job_value("%m/%d/%Y");
        assert_eq!(parse_date("03/04/2021", &day_first).unwrap().unwrap().to_string(), "2021-04-03");
        assert_eq!(parse_date("03/04/2021", &month_first).unwrap().unwrap().to_string(), "2021-03-04");
        assert_eq!(parse_date("03/04/2021", &strf).unwrap().unwrap().to_string(), "2021-03-04");
        assert_eq!(parse_date("03/04/2021", &DateHints::default()), Err(DateProblem::Ambiguous));
    }

    #[test]
    fn refuses_impossible_and_placeholder_dates() {
        let h = DateHints::default();
        assert_eq!(parse_date("31/02/2021", &h), Err(DateProblem::Impossible));
        assert_eq!(parse_date("9999-99-99", &h), Err(DateProblem::Impossible));
        assert_eq!(parse_date("1970-01-01", &h), Err(DateProblem::Placeholder));
        assert_eq!(parse_date("01/01/1970", &h), Err(DateProblem::Placeholder));
        assert_eq!(parse_date("yesterday-ish", &h), Err(DateProblem::Unreadable));
        assert_eq!(parse_date("Unknown", &h), Ok(None));
        assert_eq!(parse_date("", &h), Ok(None));
    }
}
