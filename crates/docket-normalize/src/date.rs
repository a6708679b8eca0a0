//! Date parsing: structured-field dates in the formats found in real enforcement tables.
//!
//! The parser is a small tokenizer plus pattern match, written for speed (no regex, no
//! allocation on the common paths). Calendar validity is checked by [`PartialDate`] (jiff).

use docket_core::{PartialDate, Precision};

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
    /// `formats.date = "infer"`: the pipeline should infer `order` from the source's own
    /// unambiguous rows ([`DayOrderVote`]) before reading it. The parsers ignore it.
    pub infer_order: bool,
}

impl DateHints {
    /// Reads a `formats.date` value from a job: `day_first`, `month_first`, `infer`, or a
    /// strftime format.
    pub fn from_job_value(value: &str) -> Self {
        match value {
            "infer" => DateHints {
                infer_order: true,
                ..DateHints::default()
            },
            "day_first" => DateHints {
                order: Some(DayOrder::DayFirst),
                ..DateHints::default()
            },
            "month_first" => DateHints {
                order: Some(DayOrder::MonthFirst),
                ..DateHints::default()
            },
            other => DateHints {
                format: Some(other.to_string()),
                ..DateHints::default()
            },
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
    /// A period ("between 2008 and 2012"), not one date: [`parse_date_value`] reads it.
    Period,
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
            DateProblem::Period => format!("date {text:?} is a period, not one date"),
        }
    }
}

const MISSING: &[&str] = &[
    "",
    "unknown",
    "n/a",
    "na",
    "none",
    "null",
    "-",
    "--",
    "not known",
    "tbd",
    "nan",
];

/// Whether a field value means "no value" ("", "Unknown", "n/a", ...).
pub fn is_missing(text: &str) -> bool {
    // most values start and end with an ASCII character that is not white space: trimming
    // leaves them as they are, and most are longer than every word of the list
    let untrimmed =
        |b: Option<&u8>| b.is_some_and(|&b| b.is_ascii() && !char::from(b).is_whitespace());
    let bytes = text.as_bytes();
    if text.len() > LONGEST_MISSING && untrimmed(bytes.first()) && untrimmed(bytes.last()) {
        return false;
    }
    let t = text.trim();
    t.len() <= LONGEST_MISSING && MISSING.iter().any(|m| t.eq_ignore_ascii_case(m))
}

/// The length of the longest entry of [`MISSING`].
const LONGEST_MISSING: usize = {
    let mut longest = 0;
    let mut index = 0;
    while index < MISSING.len() {
        if MISSING[index].len() > longest {
            longest = MISSING[index].len();
        }
        index += 1;
    }
    longest
};

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
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
    MONTHS
        .iter()
        .position(|m| {
            let m = m.as_bytes();
            lower == m || (lower.len() == 3 && &m[..3] == lower)
        })
        .map(|i| i as u8 + 1)
}

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

fn is_weekday(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    WEEKDAYS
        .iter()
        .any(|d| *d == lower || (lower.len() == 3 && d.starts_with(lower.as_str())))
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
            Token::Num {
                value,
                digits: (i - start) as u8,
            }
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
    if (year, month, day) == (1970, Some(1), Some(1))
        || (year, month, day) == (1900, Some(1), Some(1))
    {
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
        [Num {
            value: y,
            digits: 4,
        }, Sep(s), Num {
            value: m,
            digits: md,
        }, rest @ ..]
            if matches!(s, b'-' | b'/' | b'.') =>
        {
            let month = small(*m, *md).ok_or(DateProblem::Unreadable)?;
            match rest {
                [] => build(*y as i16, Some(month), None),
                [Sep(s2), Num {
                    value: d,
                    digits: dd,
                }, tail @ ..]
                    if s2 == s =>
                {
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
        [Num {
            value: a,
            digits: ad,
        }, Sep(s), Num {
            value: b,
            digits: bd,
        }, Sep(s2), Num {
            value: y,
            digits: 4,
        }, tail @ ..]
            if s == s2
                && matches!(s, b'/' | b'.' | b'-')
                && (tail.is_empty() || is_time_tail(tail)) =>
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
    matches!(
        rest,
        [Token::Num { digits: 1..=2, .. }, Token::Sep(b':'), ..]
    )
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
                [Num {
                    value: y,
                    digits: 4,
                }] => build(*y as i16, Some(month), None),
                [Num {
                    value: d,
                    digits: 1..=2,
                }, tail @ ..] => {
                    let tail = strip_ordinal(tail);
                    let tail = match tail {
                        [Sep(b','), t @ ..] => t,
                        t => t,
                    };
                    match tail {
                        [Num {
                            value: y,
                            digits: 4,
                        }, more @ ..]
                            if more.is_empty() || is_time_tail(more) =>
                        {
                            build(*y as i16, Some(month), Some(*d as u8))
                        }
                        _ => Err(DateProblem::Unreadable),
                    }
                }
                _ => Err(DateProblem::Unreadable),
            }
        }
        // "28 December 2015", "04 Oct 2019 11:20:02 EDT", "28th Dec. 2015"
        [Num {
            value: d,
            digits: 1..=2,
        }, rest @ ..] => {
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
                        [Num {
                            value: y,
                            digits: 4,
                        }, more @ ..]
                            if more.is_empty() || is_time_tail(more) =>
                        {
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
        [Token::Word(w), rest @ ..]
            if matches!(w.to_ascii_lowercase().as_str(), "st" | "nd" | "rd" | "th") =>
        {
            rest
        }
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

/// A part of a period that a [`PartialDate`] cannot hold, kept beside it as a qualifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Qualifier {
    /// A quarter (1 to 4) of the year: `Q3`.
    Quarter(u8),
    /// A half (1 or 2) of the year: `H1`.
    Half(u8),
    /// An ISO week (1 to 53): `W15`.
    Week(u8),
    /// The beginning of the year or month: `early`.
    Early,
    /// The middle: `mid`.
    Mid,
    /// The end: `late`.
    Late,
}

impl std::fmt::Display for Qualifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Qualifier::Quarter(q) => write!(f, "Q{q}"),
            Qualifier::Half(h) => write!(f, "H{h}"),
            Qualifier::Week(w) => write!(f, "W{w:02}"),
            Qualifier::Early => f.write_str("early"),
            Qualifier::Mid => f.write_str("mid"),
            Qualifier::Late => f.write_str("late"),
        }
    }
}

/// A date field read in full by [`parse_date_value`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParsedDate {
    /// One date, with a qualifier when the text named a part of it ("Q3 2020" is the year 2020
    /// with the qualifier `Q3`).
    Date {
        /// The date, at the precision the text gives.
        value: PartialDate,
        /// The part of it the text named, if any.
        qualifier: Option<Qualifier>,
    },
    /// A period ("between 2008 and 2012", "March 2019 to June 2020"): the period of the conduct,
    /// not the date of an action.
    Period {
        /// The first date.
        from: PartialDate,
        /// The last date (never before `from`).
        to: PartialDate,
    },
}

/// Parses a date field in every supported form: everything [`parse_date`] reads, plus ISO week
/// dates (`2021-W15-3` is a day; `2021-W15` is the month or year that holds the whole week,
/// with the qualifier `W15`), quarters and halves (`Q3 2020`, `2020-Q3`, `third quarter of
/// 2020`, `H1 2020`, `2020年第三季度`, `2020年上半年`: the year with a qualifier), `early`, `mid`,
/// `late`, `end of` a year or month (`2020年底`, `3月中旬`), day-month-year with separators and
/// two-digit years (`29-May-14`, read with the POSIX `%y` pivot: 69–99 are 19xx, 00–68 20xx),
/// Chinese numerals (`二〇二一年四月十日`), and periods (`between 2008 and 2012`, `2008-2012`,
/// `from March 2019 to June 2020`, `2008年至2012年`, `2019-03-01/2019-06-30`).
pub fn parse_date_value(text: &str, hints: &DateHints) -> Result<Option<ParsedDate>, DateProblem> {
    match parse_date(text, hints) {
        Ok(value) => Ok(value.map(|value| ParsedDate::Date {
            value,
            qualifier: None,
        })),
        Err(DateProblem::Unreadable) => parse_extended(text.trim(), hints).map(Some),
        Err(problem) => Err(problem),
    }
}

fn plain(value: PartialDate) -> ParsedDate {
    ParsedDate::Date {
        value,
        qualifier: None,
    }
}

fn qualified(value: PartialDate, qualifier: Qualifier) -> ParsedDate {
    ParsedDate::Date {
        value,
        qualifier: Some(qualifier),
    }
}

fn parse_extended(text: &str, hints: &DateHints) -> Result<ParsedDate, DateProblem> {
    if text.contains(['年', '月', '〇', '零', '季', '旬']) {
        return parse_chinese_extended(text);
    }
    if let Some(period) = parse_period(text, hints)? {
        return Ok(period);
    }
    let lower = text.to_ascii_lowercase();
    let lower = lower.trim_start_matches("the ").trim();
    let (tokens, n) = tokenize(lower).ok_or(DateProblem::Unreadable)?;
    let toks = &tokens[..n];
    if let Some(date) = iso_week(toks)? {
        return Ok(date);
    }
    if let Some(date) = quarter_or_half(toks)? {
        return Ok(date);
    }
    if let Some(date) = early_mid_late(lower, hints)? {
        return Ok(date);
    }
    day_month_short_year(toks).map(plain)
}

/// `2021-W15`, `2021-W15-3`, `2021W15`, `2021W153`.
fn iso_week(toks: &[Token<'_>]) -> Result<Option<ParsedDate>, DateProblem> {
    use Token::{Num, Sep, Word};
    let (year, rest) = match toks {
        [Num {
            value: y,
            digits: 4,
        }, Sep(b'-'), Word("w"), rest @ ..]
        | [Num {
            value: y,
            digits: 4,
        }, Word("w"), rest @ ..] => (*y, rest),
        _ => return Ok(None),
    };
    let (week, day) = match rest {
        [Num {
            value: w,
            digits: 2,
        }] => (*w, None),
        [Num {
            value: w,
            digits: 2,
        }, Sep(b'-'), Num {
            value: d,
            digits: 1,
        }] => (*w, Some(*d)),
        [Num {
            value: wd,
            digits: 3,
        }] => (wd / 10, Some(wd % 10)),
        _ => return Err(DateProblem::Unreadable),
    };
    let year = i16::try_from(year).map_err(|_| DateProblem::Unreadable)?;
    let week = i8::try_from(week).map_err(|_| DateProblem::Impossible)?;
    let weekday = |d: u32| {
        i8::try_from(d)
            .ok()
            .and_then(|d| jiff::civil::Weekday::from_monday_one_offset(d).ok())
            .ok_or(DateProblem::Impossible)
    };
    let date_of = |d: jiff::civil::Weekday| {
        jiff::civil::ISOWeekDate::new(year, week, d)
            .map(|w| w.date())
            .map_err(|_| DateProblem::Impossible)
    };
    let part = |date: jiff::civil::Date| -> Result<(i16, u8, u8), DateProblem> {
        Ok((
            date.year(),
            u8::try_from(date.month()).map_err(|_| DateProblem::Impossible)?,
            u8::try_from(date.day()).map_err(|_| DateProblem::Impossible)?,
        ))
    };
    match day {
        Some(d) => {
            let (y, m, d) = part(date_of(weekday(d)?)?)?;
            build(y, Some(m), Some(d)).map(|v| Some(plain(v)))
        }
        None => {
            let (y1, m1, _) = part(date_of(jiff::civil::Weekday::Monday)?)?;
            let (y2, m2, _) = part(date_of(jiff::civil::Weekday::Sunday)?)?;
            let (thursday_year, _, _) = part(date_of(jiff::civil::Weekday::Thursday)?)?;
            let qualifier = Qualifier::Week(week as u8);
            let value = if (y1, m1) == (y2, m2) {
                build(y1, Some(m1), None)?
            } else if y1 == y2 {
                build(y1, None, None)?
            } else {
                // a week across New Year belongs to the year of its Thursday (ISO 8601)
                build(thursday_year, None, None)?
            };
            Ok(Some(qualified(value, qualifier)))
        }
    }
}

const ORDINALS: [&str; 4] = ["first", "second", "third", "fourth"];

/// `Q3 2020`, `2020 Q3`, `2020-Q3`, `Q3/2020`, `3Q 2020`, `3Q2020`, `third quarter of 2020`,
/// `H1 2020`, `2020 H2`, `first half of 2020`.
fn quarter_or_half(toks: &[Token<'_>]) -> Result<Option<ParsedDate>, DateProblem> {
    use Token::{Num, Sep, Word};
    let year_of = |t: &[Token<'_>]| match t {
        [Num {
            value: y,
            digits: 4,
        }] => i16::try_from(*y).ok(),
        _ => None,
    };
    let strip_sep = |t: &'_ [Token<'_>]| -> usize {
        usize::from(matches!(t.first(), Some(Sep(b'-' | b'/' | b','))))
    };
    // (kind letter, number, the tokens holding the year)
    let found: Option<(char, u32, &[Token<'_>])> = match toks {
        [Word(w), Num { value, digits: 1 }, rest @ ..] if *w == "q" || *w == "h" => Some((
            w.chars().next().unwrap_or('q'),
            *value,
            &rest[strip_sep(rest)..],
        )),
        [Num { value, digits: 1 }, Word("q"), rest @ ..] => {
            Some(('q', *value, &rest[strip_sep(rest)..]))
        }
        [Num {
            value: y,
            digits: 4,
        }, rest @ ..] => {
            let rest = &rest[strip_sep(rest)..];
            match rest {
                [Word(w), Num { value, digits: 1 }] if *w == "q" || *w == "h" => {
                    return match (i16::try_from(*y), w.chars().next()) {
                        (Ok(year), Some(kind)) => quarter_value(kind, *value, year).map(Some),
                        _ => Err(DateProblem::Unreadable),
                    };
                }
                _ => None,
            }
        }
        [Word(ordinal), Word(part), rest @ ..]
            if ORDINALS.contains(ordinal) && matches!(*part, "quarter" | "half") =>
        {
            let rest = match rest {
                [Word("of"), rest @ ..] => rest,
                rest => rest,
            };
            let index = ORDINALS.iter().position(|o| o == ordinal).unwrap_or(0) as u32 + 1;
            Some((if *part == "half" { 'h' } else { 'q' }, index, rest))
        }
        _ => None,
    };
    match found {
        Some((kind, number, rest)) => {
            let year = year_of(rest).ok_or(DateProblem::Unreadable)?;
            quarter_value(kind, number, year).map(Some)
        }
        None => Ok(None),
    }
}

fn quarter_value(kind: char, number: u32, year: i16) -> Result<ParsedDate, DateProblem> {
    let qualifier = match (kind, number) {
        ('q', 1..=4) => Qualifier::Quarter(number as u8),
        ('h', 1..=2) => Qualifier::Half(number as u8),
        _ => return Err(DateProblem::Impossible),
    };
    Ok(qualified(build(year, None, None)?, qualifier))
}

/// `early 2020`, `mid-2020`, `late 2020`, `end of 2020`, `beginning of March 2020`, ...
fn early_mid_late(lower: &str, hints: &DateHints) -> Result<Option<ParsedDate>, DateProblem> {
    const WORDS: &[(&str, Qualifier)] = &[
        ("early", Qualifier::Early),
        ("beginning of", Qualifier::Early),
        ("start of", Qualifier::Early),
        ("mid", Qualifier::Mid),
        ("middle of", Qualifier::Mid),
        ("late", Qualifier::Late),
        ("end of", Qualifier::Late),
    ];
    for (word, qualifier) in WORDS {
        let Some(rest) = lower.strip_prefix(word) else {
            continue;
        };
        if !rest.starts_with([' ', '-']) {
            continue;
        }
        let rest = rest.trim_start_matches([' ', '-']);
        let rest = rest.strip_prefix("the ").unwrap_or(rest);
        return match parse_date(rest, hints) {
            Ok(Some(value)) if value.precision() < Precision::Day => {
                Ok(Some(qualified(value, *qualifier)))
            }
            Ok(_) => Err(DateProblem::Unreadable),
            Err(problem) => Err(problem),
        };
    }
    Ok(None)
}

/// `29-May-14`, `29-May-2014`, `29/May/2014`.
fn day_month_short_year(toks: &[Token<'_>]) -> Result<PartialDate, DateProblem> {
    use Token::{Num, Sep, Word};
    match toks {
        [Num {
            value: d,
            digits: 1..=2,
        }, Sep(s1), Word(m), Sep(s2), Num { value: y, digits }]
            if s1 == s2 && matches!(s1, b'-' | b'/') && matches!(digits, 2 | 4) =>
        {
            let month = month_from_name(m).ok_or(DateProblem::Unreadable)?;
            let year = match digits {
                2 if *y >= 69 => 1900 + *y,
                2 => 2000 + *y,
                _ => *y,
            };
            let year = i16::try_from(year).map_err(|_| DateProblem::Unreadable)?;
            build(year, Some(month), Some(*d as u8))
        }
        _ => Err(DateProblem::Unreadable),
    }
}

/// Whether `from` is not after `to`, compared at the coarser of their precisions.
fn ordered(from: &PartialDate, to: &PartialDate) -> bool {
    let shared = from.precision().min(to.precision());
    from.truncate(shared) <= to.truncate(shared)
}

/// Splits a period at its joining word and reads both ends with [`parse_date`].
fn parse_period(text: &str, hints: &DateHints) -> Result<Option<ParsedDate>, DateProblem> {
    let lower = text.to_ascii_lowercase();
    let (body, between) = match lower.strip_prefix("between ") {
        Some(rest) => (rest, true),
        None => (
            lower
                .strip_prefix("from ")
                .or_else(|| lower.strip_prefix("during "))
                .unwrap_or(&lower),
            false,
        ),
    };
    let offset = text.len() - body.len();
    let joiners: &[&str] = if between {
        &[" and "]
    } else {
        &[
            " to ",
            " until ",
            " till ",
            " through ",
            " - ",
            " – ",
            " — ",
            "–",
            "—",
            "/",
            "-",
        ]
    };
    for joiner in joiners {
        let Some(at) = body.find(joiner) else {
            continue;
        };
        let left = text[offset..offset + at].trim();
        let right = text[offset + at + joiner.len()..].trim();
        // "2008-2012" splits on a bare hyphen only between two years; "/" only between two
        // full dates (an ISO interval)
        let bare = matches!(*joiner, "-" | "/");
        if bare && !(is_year(left) && is_year(right) && *joiner == "-") && *joiner != "/" {
            continue;
        }
        let (Ok(Some(from)), Ok(Some(to))) = (parse_date(left, hints), parse_date(right, hints))
        else {
            if bare {
                continue;
            }
            return Err(DateProblem::Unreadable);
        };
        if *joiner == "/"
            && (from.precision() != Precision::Day || to.precision() != Precision::Day)
        {
            continue;
        }
        if !ordered(&from, &to) {
            return Err(DateProblem::Unreadable);
        }
        return Ok(Some(ParsedDate::Period { from, to }));
    }
    if between {
        return Err(DateProblem::Unreadable);
    }
    Ok(None)
}

fn is_year(text: &str) -> bool {
    text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit())
}

/// The value of a Chinese numeral (`二〇二一`, `十`, `二十三`), or of ASCII digits.
fn chinese_number(text: &str, positional: bool) -> Option<u32> {
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        return text.parse().ok();
    }
    let digit = |c: char| -> Option<u32> {
        Some(match c {
            '〇' | '零' | 'O' | 'o' => 0,
            '一' => 1,
            '二' | '两' => 2,
            '三' => 3,
            '四' => 4,
            '五' => 5,
            '六' => 6,
            '七' => 7,
            '八' => 8,
            '九' => 9,
            _ => return None,
        })
    };
    if text.is_empty() {
        return None;
    }
    if positional {
        // years are written digit by digit: 二〇二一
        return text
            .chars()
            .try_fold(0u32, |acc, c| Some(acc * 10 + digit(c)?));
    }
    // months and days: 十 = 10, 十一 = 11, 二十 = 20, 三十一 = 31
    match text.split_once('十') {
        None => {
            let mut chars = text.chars();
            let value = digit(chars.next()?)?;
            chars.next().is_none().then_some(value)
        }
        Some((tens, ones)) => {
            let tens = if tens.is_empty() {
                1
            } else {
                chinese_number(tens, false)?
            };
            let ones = if ones.is_empty() {
                0
            } else {
                chinese_number(ones, false)?
            };
            (tens <= 9 && ones <= 9).then_some(tens * 10 + ones)
        }
    }
}

/// Chinese dates beyond `2021年4月10日`: numerals, quarters, halves, 初/中/底, periods.
fn parse_chinese_extended(text: &str) -> Result<ParsedDate, DateProblem> {
    let folded: String = text
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            c => c,
        })
        .filter(|c| !c.is_whitespace())
        .collect();
    // periods: 2008年至2012年, 2019年3月到2020年6月
    for joiner in ['至', '到', '—', '–', '-', '~'] {
        if let Some((left, right)) = folded.split_once(joiner) {
            let from = match parse_chinese_extended(left)? {
                ParsedDate::Date { value, .. } => value,
                ParsedDate::Period { .. } => return Err(DateProblem::Unreadable),
            };
            let to = match parse_chinese_extended(right)? {
                ParsedDate::Date { value, .. } => value,
                ParsedDate::Period { .. } => return Err(DateProblem::Unreadable),
            };
            if !ordered(&from, &to) {
                return Err(DateProblem::Unreadable);
            }
            return Ok(ParsedDate::Period { from, to });
        }
    }
    let (year, rest) = folded.split_once('年').ok_or(DateProblem::Unreadable)?;
    let year = chinese_number(year, true).ok_or(DateProblem::Unreadable)?;
    let year = i16::try_from(year).map_err(|_| DateProblem::Unreadable)?;
    let rest = rest.trim_start_matches('度');
    let year_qualifier = match rest {
        "" => return build(year, None, None).map(plain),
        "初" => Some(Qualifier::Early),
        "中" => Some(Qualifier::Mid),
        "底" | "末" | "年底" | "年末" => Some(Qualifier::Late),
        "上半年" => Some(Qualifier::Half(1)),
        "下半年" => Some(Qualifier::Half(2)),
        _ => None,
    };
    if let Some(qualifier) = year_qualifier {
        return Ok(qualified(build(year, None, None)?, qualifier));
    }
    if let Some(quarter) = rest
        .strip_suffix("季度")
        .map(|q| q.trim_start_matches('第'))
    {
        let q = chinese_number(quarter, false).ok_or(DateProblem::Unreadable)?;
        return quarter_value('q', q, year);
    }
    let (month, rest) = rest.split_once('月').ok_or(DateProblem::Unreadable)?;
    let month = chinese_number(month, false).ok_or(DateProblem::Unreadable)?;
    let month = u8::try_from(month).map_err(|_| DateProblem::Impossible)?;
    let month_qualifier = match rest {
        "" => return build(year, Some(month), None).map(plain),
        "初" | "上旬" => Some(Qualifier::Early),
        "中" | "中旬" => Some(Qualifier::Mid),
        "底" | "末" | "下旬" => Some(Qualifier::Late),
        _ => None,
    };
    if let Some(qualifier) = month_qualifier {
        return Ok(qualified(build(year, Some(month), None)?, qualifier));
    }
    let day = rest.trim_end_matches(['日', '号']);
    let day = chinese_number(day, false).ok_or(DateProblem::Unreadable)?;
    let day = u8::try_from(day).map_err(|_| DateProblem::Impossible)?;
    build(year, Some(month), Some(day)).map(plain)
}

/// What the unambiguous numeric dates of one source say about the order of day and month.
///
/// Feed it every date text of a source (`observe`); a date whose first part is above 12 counts
/// for day-first, one whose second part is above 12 for month-first; `03/04/2021` counts as
/// ambiguous and `04/04/2021` as neither. [`DayOrderVote::decision`] then says which order to
/// use for the ambiguous rows. Dates with dots (`19.03.2021`) are always day-first in docket and
/// are not counted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DayOrderVote {
    /// Rows that can only be day-first (`19/03/2021`).
    pub day_first: u64,
    /// Rows that can only be month-first (`03/19/2021`).
    pub month_first: u64,
    /// Rows that could be either (`03/04/2021`).
    pub ambiguous: u64,
}

/// What a [`DayOrderVote`] decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayOrderDecision {
    /// Every unambiguous row agrees (and there are at least the minimum of them).
    Order(DayOrder),
    /// No or too few unambiguous rows: ambiguous rows stay rejected.
    NoEvidence,
    /// Unambiguous rows disagree: the source mixes orders, ambiguous rows stay rejected.
    Conflict,
}

impl DayOrderVote {
    /// Counts one date text.
    pub fn observe(&mut self, text: &str) {
        let Some((tokens, n)) = tokenize(text.trim()) else {
            return;
        };
        if let [Token::Num {
            value: a,
            digits: 1..=2,
        }, Token::Sep(s), Token::Num {
            value: b,
            digits: 1..=2,
        }, Token::Sep(s2), Token::Num { digits: 4, .. }, tail @ ..] = &tokens[..n]
        {
            if s != s2 || !matches!(s, b'/' | b'-') || !(tail.is_empty() || is_time_tail(tail)) {
                return;
            }
            let (a, b) = (*a, *b);
            if a == 0 || b == 0 || a > 31 || b > 31 || (a > 12 && b > 12) {
                return;
            }
            if a > 12 {
                self.day_first += 1;
            } else if b > 12 {
                self.month_first += 1;
            } else if a != b {
                self.ambiguous += 1;
            }
        }
    }

    /// The order to use, when at least `min_evidence` unambiguous rows agree and none
    /// disagrees.
    pub fn decision(&self, min_evidence: u64) -> DayOrderDecision {
        let min = min_evidence.max(1);
        match (self.day_first, self.month_first) {
            (d, 0) if d >= min => DayOrderDecision::Order(DayOrder::DayFirst),
            (0, m) if m >= min => DayOrderDecision::Order(DayOrder::MonthFirst),
            (d, m) if d > 0 && m > 0 => DayOrderDecision::Conflict,
            _ => DayOrderDecision::NoEvidence,
        }
    }

    /// A line for the run summary: the counts and the decision.
    pub fn report(&self, min_evidence: u64) -> String {
        let counts = format!(
            "{} day-first, {} month-first, {} ambiguous numeric dates",
            self.day_first, self.month_first, self.ambiguous
        );
        match self.decision(min_evidence) {
            DayOrderDecision::Order(DayOrder::DayFirst) => {
                format!("{counts}: inferred day_first")
            }
            DayOrderDecision::Order(DayOrder::MonthFirst) => {
                format!("{counts}: inferred month_first")
            }
            DayOrderDecision::NoEvidence => {
                format!("{counts}: no inference (too few unambiguous dates)")
            }
            DayOrderDecision::Conflict => {
                format!("{counts}: no inference (the source mixes both orders)")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_words_behind_long_white_space_are_missing() {
        // longer than every word of the list before trimming, ending in a plain letter: the
        // shortcut must not take the vertical tab, the no-break space or the line feed for text
        let pad = |c: char| c.to_string().repeat(LONGEST_MISSING + 1);
        for c in ['\x0b', '\x0c', '\n', '\u{a0}', '\u{3000}'] {
            assert!(is_missing(&format!("{}n/a", pad(c))), "{c:?}");
            assert!(is_missing(&format!("unknown{}", pad(c))), "{c:?}");
        }
        assert!(!is_missing(&format!("{}n/a", pad('x'))));
    }

    proptest::proptest! {
        /// The shortcut for values that trimming leaves alone gives the answer of trimming and
        /// comparing: missing words padded with every kind of white space, and other text.
        #[test]
        fn is_missing_is_a_trimmed_comparison(
            before in "[ \t\n\x0b\x0c\r\u{a0}\u{3000}\x1c]{0,16}",
            word in "(n/a|N/A|unknown|Not Known|-|--|nan|tbd|none|[a-z\x0b]{0,16})",
            after in "[ \t\n\x0b\x0c\r\u{a0}\u{3000}\x1c]{0,16}",
        ) {
            let text = format!("{before}{word}{after}");
            let trimmed = text.trim();
            let expected = MISSING.iter().any(|m| trimmed.eq_ignore_ascii_case(m));
            proptest::prop_assert_eq!(is_missing(&text), expected);
        }
    }

    fn full(text: &str) -> String {
        match parse_date_value(text, &DateHints::default()) {
            Ok(Some(ParsedDate::Date { value, qualifier })) => match qualifier {
                Some(q) => format!("{value} {q}"),
                None => value.to_string(),
            },
            Ok(Some(ParsedDate::Period { from, to })) => format!("{from}..{to}"),
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn reads_extended_forms() {
        let cases = [
            ("2021-W15-3", "2021-04-14"),
            ("2021W153", "2021-04-14"),
            ("2021-W15", "2021-04 W15"),
            ("2021-W13", "2021 W13"),
            ("2020-W53", "2020 W53"),
            ("Q3 2020", "2020 Q3"),
            ("2020-Q3", "2020 Q3"),
            ("2020 Q4", "2020 Q4"),
            ("q1/2019", "2019 Q1"),
            ("3Q 2020", "2020 Q3"),
            ("third quarter of 2020", "2020 Q3"),
            ("H1 2021", "2021 H1"),
            ("first half of 2021", "2021 H1"),
            ("early 2020", "2020 early"),
            ("mid-2020", "2020 mid"),
            ("late 2020", "2020 late"),
            ("end of 2019", "2019 late"),
            ("early March 2020", "2020-03 early"),
            ("29-May-14", "2014-05-29"),
            ("30-May-2014", "2014-05-30"),
            ("二〇二一年四月十日", "2021-04-10"),
            ("２０２１年４月１０日", "2021-04-10"),
            ("2021年三月二十一日", "2021-03-21"),
            ("2020年第三季度", "2020 Q3"),
            ("2020年上半年", "2020 H1"),
            ("2020年底", "2020 late"),
            ("2021年4月中旬", "2021-04 mid"),
            ("between 2008 and 2012", "2008..2012"),
            ("2008-2012", "2008..2012"),
            ("from March 2019 to June 2020", "2019-03..2020-06"),
            ("2019-03-01/2019-06-30", "2019-03-01..2019-06-30"),
            ("2008年至2012年", "2008..2012"),
            ("2019年3月到2020年6月", "2019-03..2020-06"),
        ];
        for (text, want) in cases {
            assert_eq!(full(text), want, "{text}");
        }
        let h = DateHints::default();
        assert_eq!(
            parse_date_value("Q5 2020", &h),
            Err(DateProblem::Impossible)
        );
        assert_eq!(
            parse_date_value("2021-W53", &h),
            Err(DateProblem::Impossible)
        );
        assert_eq!(
            parse_date_value("between 2012 and 2008", &h),
            Err(DateProblem::Unreadable)
        );
        assert_eq!(
            parse_date_value("early 2020-03-05", &h),
            Err(DateProblem::Unreadable)
        );
        assert_eq!(
            parse_date_value("yesterday-ish", &h),
            Err(DateProblem::Unreadable)
        );
        // the plain parser refuses what it cannot hold in one date
        assert_eq!(parse_date("2008-2012", &h), Err(DateProblem::Unreadable));
    }

    #[test]
    fn votes_on_the_order_of_day_and_month() {
        let mut vote = DayOrderVote::default();
        for text in [
            "19/03/2021",
            "03/04/2021",
            "04/04/2021",
            "25/12/2020",
            "2021-03-04",
            "x",
        ] {
            vote.observe(text);
        }
        assert_eq!(
            (vote.day_first, vote.month_first, vote.ambiguous),
            (2, 0, 1)
        );
        assert_eq!(
            vote.decision(1),
            DayOrderDecision::Order(DayOrder::DayFirst)
        );
        assert_eq!(vote.decision(3), DayOrderDecision::NoEvidence);
        vote.observe("12/31/2020");
        assert_eq!(vote.decision(1), DayOrderDecision::Conflict);
        assert!(vote.report(1).contains("mixes"));
        assert_eq!(
            DayOrderVote::default().decision(1),
            DayOrderDecision::NoEvidence
        );
    }

    fn ok(text: &str) -> String {
        parse_date(text, &DateHints::default())
            .unwrap()
            .unwrap()
            .to_string()
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
        assert_eq!(
            parse_date("03/04/2021", &day_first)
                .unwrap()
                .unwrap()
                .to_string(),
            "2021-04-03"
        );
        assert_eq!(
            parse_date("03/04/2021", &month_first)
                .unwrap()
                .unwrap()
                .to_string(),
            "2021-03-04"
        );
        assert_eq!(
            parse_date("03/04/2021", &strf)
                .unwrap()
                .unwrap()
                .to_string(),
            "2021-03-04"
        );
        assert_eq!(
            parse_date("03/04/2021", &DateHints::default()),
            Err(DateProblem::Ambiguous)
        );
    }

    #[test]
    fn refuses_impossible_and_placeholder_dates() {
        let h = DateHints::default();
        assert_eq!(parse_date("31/02/2021", &h), Err(DateProblem::Impossible));
        assert_eq!(parse_date("9999-99-99", &h), Err(DateProblem::Impossible));
        assert_eq!(parse_date("1970-01-01", &h), Err(DateProblem::Placeholder));
        assert_eq!(parse_date("01/01/1970", &h), Err(DateProblem::Placeholder));
        assert_eq!(
            parse_date("yesterday-ish", &h),
            Err(DateProblem::Unreadable)
        );
        assert_eq!(parse_date("Unknown", &h), Ok(None));
        assert_eq!(parse_date("", &h), Ok(None));
    }
}
