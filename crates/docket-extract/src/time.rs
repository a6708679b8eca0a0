//! Time expressions in a sentence and their resolution against the publication date.
//!
//! Rules (also in `docs/extractor.md`):
//! * a date with a year ("March 18, 2021", "December 2004", "in 2019") is absolute;
//! * a weekday ("on Monday night", "a Monday meeting") is the most recent such day **on or
//!   before** the anchor: "on Friday" in a story published on a Friday is that same Friday
//!   (news reports the day's events as "on Friday"); "last Friday" on a Friday is a week back;
//! * a month without a year ("in November", "at the beginning of February") is the most recent
//!   such month not after the anchor's month; a day and month without a year likewise;
//! * "last year" / "this year", "last month" / "this month" / "earlier this month",
//!   "yesterday" / "today", "N years/months/days ago" shift the anchor at their precision;
//! * "this week" / "last week" give the month when the whole span from that week's Monday to
//!   the anchor (or that week's Sunday) lies in one month, the year when it lies in one year;
//! * expressions about the future ("next week", "by 2025") are ignored; starting points
//!   ("since 2013", "since April") are found and flagged `since`: they date only an action in
//!   force since then ("has been under investigation since April");
//! * without an anchor a relative expression stays unresolved (value `None`, text kept): never
//!   guessed.

use docket_core::{DateValue, PartialDate};
use jiff::civil::Date;
use regex::Regex;

use crate::ExtractError;

/// What a time expression says, before resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeKind {
    /// A date with its year.
    Absolute(PartialDate),
    /// Day and month, no year.
    MonthDay(u8, u8),
    /// A month, no year.
    Month(u8),
    /// A weekday (0 = Monday); `true` for "last Friday".
    Weekday(u8, bool),
    /// Years from the anchor's year.
    Years(i32),
    /// Months from the anchor's month.
    Months(i32),
    /// Weeks from the anchor's week.
    Weeks(i32),
    /// Days from the anchor.
    Days(i32),
}

/// Whether an expression names a day (with or without its year).
fn to_the_day(kind: TimeKind) -> bool {
    match kind {
        TimeKind::MonthDay(..) => true,
        TimeKind::Absolute(date) => date.day_part().is_some(),
        _ => false,
    }
}

/// One time expression found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeExpr {
    /// Byte start within the searched text.
    pub start: usize,
    /// Byte end within the searched text.
    pub end: usize,
    /// What it says.
    pub kind: TimeKind,
    /// A starting point ("since April", "since 2019"): the date a state began, which dates
    /// only an action in force since then ("has been under investigation since April").
    pub since: bool,
}

/// The kinds of cue words found in a text.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Cues {
    month: bool,
    day: bool,
    unit: bool,
    ago: bool,
}

/// Words of which each time pattern needs one: month names (and their abbreviations), "day"
/// (weekdays, "today", "yesterday"), the units of relative expressions, "ago".
const CUES: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "day",
    "year", "month", "week", "ago",
];

const MONTH: &str = r"(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)";
const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The compiled patterns (built once).
#[derive(Debug)]
pub struct TimeFinder {
    /// Words one of which every pattern needs: a cheap test of which patterns can match.
    cues: aho_corasick::AhoCorasick,
    /// The calendar patterns in one (dates, months, years, weekdays): where any of them matches.
    dates: Regex,
    /// The relative patterns in one ("last year", "two days ago", "yesterday").
    relatives: Regex,
    month_day: Regex,
    day_month: Regex,
    month_year: Regex,
    year: Regex,
    weekday: Regex,
    relative: Regex,
    ago: Regex,
    day_word: Regex,
    /// A wire story's dateline at the start of a line: "BEIJING, July 24 (Reuters) -".
    dateline: Regex,
    /// A press release's dateline with its year: "Washington D.C., March 5, 2024 —", or a line
    /// of its own: "Brussels, 4 March 2024".
    press_dateline: Regex,
}

/// Whether the text holds a four-digit number from 1900 to 2099 standing alone.
fn has_year(text: &str) -> bool {
    let b = text.as_bytes();
    (0..b.len().saturating_sub(3)).any(|i| {
        matches!(&b[i..i + 2], b"19" | b"20")
            && b[i + 2].is_ascii_digit()
            && b[i + 3].is_ascii_digit()
            && (i == 0 || !b[i - 1].is_ascii_digit())
            && b.get(i + 4).is_none_or(|c| !c.is_ascii_digit())
    })
}

/// Whether a bare year stands inside a company's name: after a capitalised word that is no
/// preposition and before a legal form, with or without a comma ("Avilon Center 2016 S.L.",
/// "Servicios Aby 2018, S.L."). Such a year names the company, not the time of the event.
fn year_in_company_name(before: &str, after: &str) -> bool {
    let word_before = before
        .rsplit(|c: char| !c.is_alphanumeric() && c != '.' && c != '-')
        .next()
        .unwrap_or_default();
    let capitalised = word_before.chars().next().is_some_and(char::is_uppercase);
    let preposition = [
        "in", "during", "since", "until", "by", "of", "from", "early", "late", "mid", "on", "at",
        "for", "to", "and", "or",
    ]
    .iter()
    .any(|p| word_before.eq_ignore_ascii_case(p));
    let after = after.strip_prefix(',').unwrap_or(after);
    let word_after = after
        .trim_start()
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | ')'))
        .next()
        .unwrap_or_default();
    capitalised
        && !preposition
        && after.starts_with(char::is_whitespace)
        && crate::lexicon::is_legal_suffix(word_after)
}

fn month_number(word: &str) -> Option<u8> {
    docket_normalize::date::month_from_name(word)
}

fn small_number(word: &str) -> Option<i32> {
    let w = word.to_ascii_lowercase();
    let n = match w.as_str() {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        _ => return w.parse().ok().filter(|n| *n <= 200),
    };
    Some(n)
}

impl TimeFinder {
    /// Compiles the patterns.
    pub fn new() -> Result<Self, ExtractError> {
        let re =
            |pattern: &str| Regex::new(pattern).map_err(|e| ExtractError::Pattern(e.to_string()));
        let cues = aho_corasick::AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .build(CUES)
            .map_err(|e| ExtractError::Pattern(e.to_string()))?;
        let month_day = format!(
            r"(?-u:\b)(?:on\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?{MONTH}\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?-u:\b)(?:,?\s+(\d{{4}})(?-u:\b))?"
        );
        let day_month = format!(
            r"(?-u:\b)(?:on\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}(?-u:\b)\.?(?:,?\s+(\d{{4}})(?-u:\b))?"
        );
        let month_year = format!(
            r"(?-u:\b)(?:(in|during|since|until|by|of|last|this|from|at|next)\s+)?(?:(?:early|late|mid|the\s+(?:beginning|start|end|middle)\s+of|beginning\s+of|end\s+of|start\s+of)[\s-]+)?{MONTH}(?-u:\b)(?:\s+(\d{{4}})(?-u:\b))?"
        );
        let year = r"(?-u:\b)(?:(in|during|since|until|by|of|from|early|late|mid)[\s-]+)?((?:19|20)\d{2})(?-u:\b)";
        let weekday = r"(?-u:\b)(?:(on|last|next|this|a|since|by|until|from)\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?(?-u:\b)";
        let relative = r"(?i)(?-u:\b)(?:(?:earlier|later|late|early)\s+)?(last|this|next)\s+(year|month|week)(?-u:\b)";
        let ago = r"(?i)(?-u:\b)(\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(year|month|week|day)s?\s+ago(?-u:\b)";
        let day_word = r"(?i)(?-u:\b)(yesterday|today)(?-u:\b)";
        // one pass finds where any pattern matches; the patterns then run on those places only
        let union = |patterns: &[&str]| {
            patterns
                .iter()
                .map(|p| format!("(?:{p})"))
                .collect::<Vec<_>>()
                .join("|")
        };
        let dates = union(&[
            month_day.as_str(),
            day_month.as_str(),
            month_year.as_str(),
            year,
            weekday,
        ]);
        let relatives = union(&[relative, ago, day_word]);
        // a place in capitals (and a region or country after a comma), a date, the agency in
        // brackets, a dash: "BEIJING, July 24 (Reuters) -", "SAN FRANCISCO, Calif., Dec 3
        // (Reuters) -", "BRUSSELS, 24 March 2021 (AFP) —"
        let dateline = format!(
            r"(?m)^[\t ]*[A-Z][A-Z.'\-]+(?:[ \t][A-Z][A-Z.'\-]+){{0,3}}(?:,[ \t][A-Z][A-Za-z.'\-]+(?:[ \t][A-Z][A-Za-z.'\-]+)?){{0,2}},[ \t]+((?:{MONTH}\.?[ \t]+\d{{1,2}}|\d{{1,2}}[ \t]+{MONTH}\.?)(?:,?[ \t]+\d{{4}})?)[ \t]*(?:\([A-Za-z .&]{{2,40}}\)[ \t]*)?[-\u{{2013}}\u{{2014}}]"
        );
        // a press release's place in any case, then a date with its year, then a dash or the
        // end of the line: "Washington D.C., March 5, 2024 —", "Brussels, 4 March 2024"
        let press_dateline = format!(
            r"(?m)^[\t ]*[A-Z][A-Za-z.'\-]+(?:[ \t][A-Z][A-Za-z.'\-]+){{0,3}}(?:,[ \t][A-Z][A-Za-z.'\-]+(?:[ \t][A-Z][A-Za-z.'\-]+)?){{0,2}},[ \t]+((?:{MONTH}\.?[ \t]+\d{{1,2}},?|\d{{1,2}}[ \t]+{MONTH}\.?)[ \t]+\d{{4}})[ \t]*(?:[-\u{{2013}}\u{{2014}}]|$)"
        );
        Ok(TimeFinder {
            cues,
            dates: re(&dates)?,
            relatives: re(&relatives)?,
            month_day: re(&month_day)?,
            day_month: re(&day_month)?,
            month_year: re(&month_year)?,
            year: re(year)?,
            weekday: re(weekday)?,
            relative: re(relative)?,
            ago: re(ago)?,
            day_word: re(day_word)?,
            dateline: re(&dateline)?,
            press_dateline: re(&press_dateline)?,
        })
    }

    /// The date of a wire story's dateline ("BEIJING, July 24 (Reuters) - ..."), looked for at
    /// the start of one of the text's first lines, resolved against `anchor` when it has no
    /// year (the latest such day not after the anchor, as for any date without a year), or of a
    /// press release's dateline with its year ("Washington D.C., March 5, 2024 —", "Brussels, 4
    /// March 2024" on a line of its own). Only a date to the day counts.
    pub fn dateline(&self, text: &str, anchor: Option<PartialDate>) -> Option<PartialDate> {
        // (a headline and a blank line may come first; a dateline is never deep in the text)
        let mut head = text.len().min(400);
        while !text.is_char_boundary(head) {
            head -= 1;
        }
        let found = self
            .dateline
            .captures(&text[..head])
            .or_else(|| self.press_dateline.captures(&text[..head]))?
            .get(1)?;
        let expr = self.find(found.as_str()).into_iter().next()?;
        if !matches!(expr.kind, TimeKind::Absolute(_) | TimeKind::MonthDay(..)) {
            return None;
        }
        resolve(expr.kind, anchor).filter(|d| d.day_part().is_some())
    }

    /// Which kinds of cue words the text holds: a capitalised month name at a word start
    /// ("December", "Dec."), a word ending in "day" (weekdays, "today"), a unit word at a word
    /// start ("years", "month"), "ago". "may", "market" or "decision" are not cues.
    fn cues(&self, text: &str) -> Cues {
        let bytes = text.as_bytes();
        let mut cues = Cues::default();
        for m in self.cues.find_overlapping_iter(text) {
            let (s, e) = (m.start(), m.end());
            let word_start = s == 0 || !bytes[s - 1].is_ascii_alphanumeric();
            let after = bytes.get(e).copied();
            match CUES[m.pattern().as_usize()] {
                "day" => cues.day |= !after.is_some_and(|c| c.is_ascii_alphanumeric() && c != b's'),
                "year" | "month" | "week" => cues.unit |= word_start,
                "ago" => cues.ago |= word_start,
                _ => cues.month |= word_start && bytes[s].is_ascii_uppercase(),
            }
        }
        cues
    }

    /// Every time expression in `text`, in order, without overlaps (longest wins).
    pub fn find(&self, text: &str) -> Vec<TimeExpr> {
        let mut found: Vec<TimeExpr> = Vec::new();
        // most sentences hold nothing a pattern needs: no year, month, weekday or unit
        let year = has_year(text);
        let cues = self.cues(text);
        if !year && cues == Cues::default() {
            return found;
        }
        // the places where some pattern matches, merged when they touch
        let mut matches: Vec<(usize, usize)> = Vec::new();
        if year || cues.month || cues.day {
            matches.extend(self.dates.find_iter(text).map(|m| (m.start(), m.end())));
        }
        if cues.unit || cues.ago || cues.day {
            matches.extend(self.relatives.find_iter(text).map(|m| (m.start(), m.end())));
        }
        // (a window reaches a few bytes past its match: the leftmost match "of July" in "the
        // evening of July 8" hides "July 8", which starts inside it)
        // (only before a number, the day that may follow; never cutting a word or a number:
        // the window ends at a word's end)
        let bytes = text.as_bytes();
        for m in &mut matches {
            let number_next = bytes[m.1..]
                .iter()
                .find(|b| !matches!(b, b' ' | b'.'))
                .is_some_and(u8::is_ascii_digit);
            if !number_next {
                continue;
            }
            let mut end = (m.1 + 12).min(text.len());
            while end < text.len()
                && (!text.is_char_boundary(end) || bytes[end].is_ascii_alphanumeric())
            {
                end += 1;
            }
            m.1 = end;
        }
        matches.sort_unstable();
        let mut windows: Vec<(usize, usize)> = Vec::new();
        for (start, end) in matches {
            match windows.last_mut() {
                Some(last) if start <= last.1 + 1 => last.1 = last.1.max(end),
                _ => windows.push((start, end)),
            }
        }
        for (from, to) in windows {
            self.find_in(text, from, to, &mut found);
        }
        // longest first among overlaps, then in text order
        found.sort_by(|a, b| {
            a.start
                .cmp(&b.start)
                .then((b.end - b.start).cmp(&(a.end - a.start)))
        });
        // (a day wins over a longer month that overlaps it: "the evening of July 8" is July 8,
        // not "of July")
        let rank = |e: &TimeExpr| (to_the_day(e.kind), e.end - e.start);
        let mut out: Vec<TimeExpr> = Vec::with_capacity(found.len());
        for expr in found {
            match out.last_mut() {
                Some(last) if expr.start < last.end => {
                    if rank(&expr) > rank(last) {
                        *last = expr;
                    }
                }
                _ => out.push(expr),
            }
        }
        out
    }

    /// The expressions of every pattern within `full[from..to]` (positions in `full`).
    fn find_in(&self, full: &str, from: usize, to: usize, found: &mut Vec<TimeExpr>) {
        let text = &full[from..to];
        // which patterns can match at all: most sentences hold no time expression
        let digit = text.bytes().any(|b| b.is_ascii_digit());
        let Cues {
            month,
            day,
            unit,
            ago,
        } = self.cues(text);
        if !(digit || month || day || unit) {
            return;
        }
        let mut add = |start: usize, end: usize, kind: TimeKind, since: bool| {
            found.push(TimeExpr {
                start: from + start,
                end: from + end,
                kind,
                since,
            })
        };
        let month_day = if month && digit {
            Some(self.month_day.captures_iter(text))
        } else {
            None
        };
        for c in month_day.into_iter().flatten() {
            let (Some(all), Some(m), Some(d)) = (c.get(0), c.get(1), c.get(2)) else {
                continue;
            };
            let (Some(month), Ok(day)) = (month_number(m.as_str()), d.as_str().parse::<u8>())
            else {
                continue;
            };
            let kind = match c.get(3).and_then(|y| y.as_str().parse::<i16>().ok()) {
                Some(year) => match PartialDate::day(year, month, day) {
                    Ok(date) => TimeKind::Absolute(date),
                    Err(_) => continue,
                },
                None if (1..=31).contains(&day) => TimeKind::MonthDay(month, day),
                None => continue,
            };
            add(all.start(), all.end(), kind, false);
        }
        let day_month = if month && digit {
            Some(self.day_month.captures_iter(text))
        } else {
            None
        };
        for c in day_month.into_iter().flatten() {
            let (Some(all), Some(d), Some(m)) = (c.get(0), c.get(1), c.get(2)) else {
                continue;
            };
            let (Some(month), Ok(day)) = (month_number(m.as_str()), d.as_str().parse::<u8>())
            else {
                continue;
            };
            let kind = match c.get(3).and_then(|y| y.as_str().parse::<i16>().ok()) {
                Some(year) => match PartialDate::day(year, month, day) {
                    Ok(date) => TimeKind::Absolute(date),
                    Err(_) => continue,
                },
                None if (1..=31).contains(&day) => TimeKind::MonthDay(month, day),
                None => continue,
            };
            add(all.start(), all.end(), kind, false);
        }
        let month_year = if month {
            Some(self.month_year.captures_iter(text))
        } else {
            None
        };
        for c in month_year.into_iter().flatten() {
            let (Some(all), Some(m)) = (c.get(0), c.get(2)) else {
                continue;
            };
            let prep = c.get(1).map(|p| p.as_str().to_ascii_lowercase());
            if matches!(prep.as_deref(), Some("until" | "by" | "next")) {
                continue;
            }
            let starting = prep.as_deref() == Some("since");
            let Some(month) = month_number(m.as_str()) else {
                continue;
            };
            let year = c.get(3).and_then(|y| y.as_str().parse::<i16>().ok());
            // "May" and "March" are also words: alone they need a preposition or a year
            if year.is_none()
                && prep.is_none()
                && matches!(m.as_str(), "May" | "March" | "Mar" | "Dec" | "Jan")
            {
                continue;
            }
            let kind = match year {
                Some(year) => match PartialDate::month(year, month) {
                    Ok(date) => TimeKind::Absolute(date),
                    Err(_) => continue,
                },
                None => TimeKind::Month(month),
            };
            add(all.start(), all.end(), kind, starting);
        }
        let year = if digit {
            Some(self.year.captures_iter(text))
        } else {
            None
        };
        for c in year.into_iter().flatten() {
            let (Some(all), Some(y)) = (c.get(0), c.get(2)) else {
                continue;
            };
            let prep = c.get(1).map(|p| p.as_str().to_ascii_lowercase());
            if matches!(prep.as_deref(), Some("until" | "by")) {
                continue;
            }
            let starting = prep.as_deref() == Some("since");
            // not part of a larger number, an amount or a range of years
            let after = &full[from + all.end()..];
            if after.starts_with(['%', ',', '.'])
                && after[1..].starts_with(|c: char| c.is_ascii_digit())
                || after.starts_with('%')
            {
                continue;
            }
            let before = full[..from + all.start()].trim_end();
            if before.ends_with(['$', '€', '£', '¥']) {
                continue;
            }
            if prep.is_none() && year_in_company_name(before, after) {
                continue;
            }
            let Ok(year) = y.as_str().parse::<i16>() else {
                continue;
            };
            let Ok(date) = PartialDate::year(year) else {
                continue;
            };
            add(all.start(), all.end(), TimeKind::Absolute(date), starting);
        }
        let weekday = if day {
            Some(self.weekday.captures_iter(text))
        } else {
            None
        };
        for c in weekday.into_iter().flatten() {
            let (Some(all), Some(w)) = (c.get(0), c.get(2)) else {
                continue;
            };
            let prep = c.get(1).map(|p| p.as_str().to_ascii_lowercase());
            if matches!(prep.as_deref(), Some("next" | "since" | "by" | "until")) {
                continue;
            }
            let lower = w.as_str().to_ascii_lowercase();
            let Some(index) = WEEKDAYS.iter().position(|d| *d == lower) else {
                continue;
            };
            add(
                all.start(),
                all.end(),
                TimeKind::Weekday(index as u8, prep.as_deref() == Some("last")),
                false,
            );
        }
        let relative = if unit {
            Some(self.relative.captures_iter(text))
        } else {
            None
        };
        for c in relative.into_iter().flatten() {
            let (Some(all), Some(which), Some(unit)) = (c.get(0), c.get(1), c.get(2)) else {
                continue;
            };
            let shift = match which.as_str().to_ascii_lowercase().as_str() {
                "last" => -1,
                "this" => 0,
                _ => continue,
            };
            let kind = match unit.as_str().to_ascii_lowercase().as_str() {
                "year" => TimeKind::Years(shift),
                "month" => TimeKind::Months(shift),
                _ => TimeKind::Weeks(shift),
            };
            add(all.start(), all.end(), kind, false);
        }
        let ago_matches = if ago && (unit || day) {
            Some(self.ago.captures_iter(text))
        } else {
            None
        };
        for c in ago_matches.into_iter().flatten() {
            let (Some(all), Some(n), Some(unit)) = (c.get(0), c.get(1), c.get(2)) else {
                continue;
            };
            let Some(n) = small_number(n.as_str()) else {
                continue;
            };
            let kind = match unit.as_str().to_ascii_lowercase().as_str() {
                "year" => TimeKind::Years(-n),
                "month" => TimeKind::Months(-n),
                "week" => TimeKind::Weeks(-n),
                _ => TimeKind::Days(-n),
            };
            add(all.start(), all.end(), kind, false);
        }
        let day_word = if day {
            Some(self.day_word.captures_iter(text))
        } else {
            None
        };
        for c in day_word.into_iter().flatten() {
            let (Some(all), Some(w)) = (c.get(0), c.get(1)) else {
                continue;
            };
            let shift = if w.as_str().eq_ignore_ascii_case("yesterday") {
                -1
            } else {
                0
            };
            add(all.start(), all.end(), TimeKind::Days(shift), false);
        }
    }
}

fn civil(date: &PartialDate) -> Option<Date> {
    date.to_civil()
}

fn from_civil(date: Date) -> Option<PartialDate> {
    PartialDate::day(
        date.year(),
        u8::try_from(date.month()).ok()?,
        u8::try_from(date.day()).ok()?,
    )
    .ok()
}

fn add_days(date: Date, days: i64) -> Option<Date> {
    date.checked_add(jiff::Span::new().try_days(days).ok()?)
        .ok()
}

fn shift_month(year: i16, month: u8, by: i32) -> Option<PartialDate> {
    let index = i32::from(year) * 12 + i32::from(month) - 1 + by;
    let year = i16::try_from(index.div_euclid(12)).ok()?;
    let month = u8::try_from(index.rem_euclid(12) + 1).ok()?;
    PartialDate::month(year, month).ok()
}

/// Resolves what an expression says against an anchor date (the publication date).
pub fn resolve(kind: TimeKind, anchor: Option<PartialDate>) -> Option<PartialDate> {
    let anchor_day = anchor.as_ref().and_then(civil);
    match kind {
        TimeKind::Absolute(date) => Some(date),
        TimeKind::MonthDay(month, day) => {
            let anchor = anchor?;
            let anchor_month = anchor.month_part()?;
            let year = anchor.year_part();
            let this_year = PartialDate::day(year, month, day).ok();
            let not_after = match (anchor.day_part(), this_year) {
                (Some(ad), Some(_)) => (month, day) <= (anchor_month, ad),
                (None, Some(_)) => month <= anchor_month,
                _ => false,
            };
            if not_after {
                this_year
            } else {
                PartialDate::day(year - 1, month, day).ok()
            }
        }
        TimeKind::Month(month) => {
            let anchor = anchor?;
            let anchor_month = anchor.month_part()?;
            let year = if month <= anchor_month {
                anchor.year_part()
            } else {
                anchor.year_part() - 1
            };
            PartialDate::month(year, month).ok()
        }
        TimeKind::Weekday(weekday, last) => {
            let day = anchor_day?;
            let today = day.weekday().to_monday_zero_offset();
            let mut back = i64::from((today - weekday as i8).rem_euclid(7));
            if last && back == 0 {
                back = 7;
            }
            from_civil(add_days(day, -back)?)
        }
        TimeKind::Years(by) => {
            let anchor = anchor?;
            PartialDate::year(i16::try_from(i32::from(anchor.year_part()) + by).ok()?).ok()
        }
        TimeKind::Months(by) => {
            let anchor = anchor?;
            shift_month(anchor.year_part(), anchor.month_part()?, by)
        }
        TimeKind::Weeks(by) => {
            let day = anchor_day?;
            let back = i64::from(day.weekday().to_monday_zero_offset());
            let monday = add_days(day, -back + 7 * i64::from(by))?;
            let end = if by == 0 { day } else { add_days(monday, 6)? };
            if monday.year() != end.year() {
                return None;
            }
            if monday.month() == end.month() {
                PartialDate::month(monday.year(), u8::try_from(monday.month()).ok()?).ok()
            } else {
                PartialDate::year(monday.year()).ok()
            }
        }
        TimeKind::Days(by) => from_civil(add_days(anchor_day?, i64::from(by))?),
    }
}

/// The [`DateValue`] of an expression: resolved when possible, otherwise unresolved with its
/// text.
pub fn date_value(kind: TimeKind, text: &str, anchor: Option<PartialDate>) -> DateValue {
    match resolve(kind, anchor) {
        Some(date) => DateValue::resolved(date, text),
        None => DateValue::unresolved(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, anchor: Option<&str>) -> Vec<(String, Option<String>)> {
        let finder = TimeFinder::new().unwrap();
        let anchor = anchor.map(|a| a.parse::<PartialDate>().unwrap());
        finder
            .find(text)
            .into_iter()
            .map(|e| {
                let value = date_value(e.kind, &text[e.start..e.end], anchor);
                (value.text, value.value.map(|v| v.to_string()))
            })
            .collect()
    }

    fn one(text: &str, anchor: Option<&str>) -> Option<String> {
        let found = check(text, anchor);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        found[0].1.clone()
    }

    /// A wire dateline at the start of one of the first lines gives a date to the day; its
    /// year, when it has none, comes from the reference date.
    #[test]
    fn datelines_of_wire_stories() {
        let finder = TimeFinder::new().unwrap();
        let dateline = |text: &str, anchor: Option<&str>| {
            let anchor = anchor.map(|a| a.parse::<PartialDate>().unwrap());
            finder.dateline(text, anchor).map(|d| d.to_string())
        };
        let end_of_year = Some("2021-12-31");
        for (text, expected) in [
            (
                "BEIJING, July 24 (Reuters) - China's market regulator",
                "2021-07-24",
            ),
            (
                "SAN FRANCISCO, Calif., Dec 3 (Reuters) - The FTC",
                "2021-12-03",
            ),
            (
                "BRUSSELS, 24 March 2020 (AFP) \u{2014} The Commission",
                "2020-03-24",
            ),
            ("HONG KONG, Aug. 2 - Tencent", "2021-08-02"),
            (
                "China fines Tencent\n\nBEIJING, July 24 (Reuters) - China's",
                "2021-07-24",
            ),
        ] {
            assert_eq!(
                dateline(text, end_of_year).as_deref(),
                Some(expected),
                "{text}"
            );
        }
        // a year stated needs no anchor; without one, no anchor gives no date
        assert_eq!(
            dateline("BEIJING, July 24, 2021 (Reuters) - x", None).as_deref(),
            Some("2021-07-24")
        );
        assert_eq!(dateline("BEIJING, July 24 (Reuters) - x", None), None);
        // a later day than the reference date is last year's
        assert_eq!(
            dateline("BEIJING, July 24 (Reuters) - x", Some("2021-07-10")).as_deref(),
            Some("2020-07-24")
        );
        // a press release's dateline with its year, in any case, before a dash or alone on
        // its line
        for (text, expected) in [
            (
                "Washington D.C., March 5, 2024 \u{2014} The Securities and Exchange Commission",
                "2024-03-05",
            ),
            (
                "Commission fines Apple\n\nBrussels, 4 March 2024\n\nThe European Commission",
                "2024-03-04",
            ),
        ] {
            assert_eq!(dateline(text, None).as_deref(), Some(expected), "{text}");
        }
        // not a dateline: no dash, a lower-case place, a month only, a sentence
        for text in [
            "Brussels, 4 March 2024 the Commission fined Apple",
            "Acme Corp said on March 5, 2024 - in a statement - that",
            "BEIJING, July 24 (Reuters) China's",
            "Beijing, July 24 (Reuters) - China's",
            "BEIJING, July (Reuters) - China's",
            "The SEC said on July 24 - in a statement - that",
        ] {
            assert_eq!(dateline(text, end_of_year), None, "{text}");
        }
    }

    #[test]
    fn relative_expressions_against_a_friday() {
        let friday = Some("2021-03-19");
        assert_eq!(
            one("fined on Friday for", friday).as_deref(),
            Some("2021-03-19")
        );
        assert_eq!(
            one("said on Thursday it", friday).as_deref(),
            Some("2021-03-18")
        );
        assert_eq!(
            one("On Monday night, UC", friday).as_deref(),
            Some("2021-03-15")
        );
        assert_eq!(
            one("a Monday meeting", friday).as_deref(),
            Some("2021-03-15")
        );
        assert_eq!(one("last Friday", friday).as_deref(), Some("2021-03-12"));
        assert_eq!(
            one("last year’s suspension", friday).as_deref(),
            Some("2020")
        );
        assert_eq!(
            one("reported last month that", friday).as_deref(),
            Some("2021-02")
        );
        assert_eq!(
            one("earlier this month, authorities", friday).as_deref(),
            Some("2021-03")
        );
        assert_eq!(
            one("This week, sources", friday).as_deref(),
            Some("2021-03")
        );
        assert_eq!(
            one("censors at the beginning of February.", friday).as_deref(),
            Some("2021-02")
        );
        assert_eq!(one("Ant in November.", friday).as_deref(), Some("2020-11"));
        assert_eq!(one("in March", friday).as_deref(), Some("2021-03"));
        assert_eq!(one("on March 20", friday).as_deref(), Some("2020-03-20"));
        // a day inside a longer month expression: the day wins
        assert_eq!(
            one("on the evening of March 12", friday).as_deref(),
            Some("2021-03-12")
        );
        assert_eq!(
            one("on the evening of March 12, 2020.", friday).as_deref(),
            Some("2020-03-12")
        );
        assert_eq!(one("yesterday", friday).as_deref(), Some("2021-03-18"));
        assert_eq!(one("two years ago", friday).as_deref(), Some("2019"));
        // a week that straddles two months gives no month
        assert_eq!(
            one("this week", Some("2021-04-01")).as_deref(),
            Some("2021")
        );
    }

    #[test]
    fn absolute_expressions() {
        assert_eq!(
            one("on March 18, 2021 the", None).as_deref(),
            Some("2021-03-18")
        );
        assert_eq!(one("in 2019", None).as_deref(), Some("2019"));
        assert_eq!(one("in December 2004", None).as_deref(), Some("2004-12"));
        assert_eq!(
            one("on 28 December 2015", None).as_deref(),
            Some("2015-12-28")
        );
        assert_eq!(one("Dec. 28, 2015", None).as_deref(), Some("2015-12-28"));
    }

    #[test]
    fn unanchored_relative_expressions_stay_unresolved() {
        assert_eq!(
            check("on Friday", None),
            vec![("on Friday".to_string(), None)]
        );
        assert_eq!(
            check("last year", None),
            vec![("last year".to_string(), None)]
        );
    }

    #[test]
    fn ignored_expressions() {
        // a starting point is found, flagged: only an action in force since then takes it
        let finder = TimeFinder::new().unwrap();
        let found = finder.find("since 2013 and since April");
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found.iter().all(|e| e.since), "{found:?}");
        assert!(finder.find("in 2013").iter().all(|e| !e.since));
        assert!(check("next week and next Monday", Some("2021-03-19")).is_empty());
        assert!(check("it may rain", Some("2021-03-19")).is_empty());
        assert!(check("$2004 and 2010%", Some("2021-03-19")).is_empty());
    }
}
