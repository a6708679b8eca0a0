//! Money parsing: exact decimals, ISO 4217 codes, symbols, scale words and both European and
//! English digit grouping.

use rust_decimal::Decimal;

use crate::date::is_missing;

/// Why an amount could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MoneyProblem {
    /// No number in the text.
    NoNumber,
    /// More than one number and not a range of two amounts in one currency ("$5m and $3m",
    /// "between $2m and $1m", "between EUR 1 and USD 2").
    Range,
    /// A negative amount.
    Negative,
    /// NaN or infinity.
    NotANumber,
    /// Too many digits to hold exactly (more than 28 significant digits).
    TooLarge,
    /// A currency that is not an ISO 4217 code docket knows.
    UnknownCurrency(String),
}

impl MoneyProblem {
    /// A sentence for the rejects file.
    pub fn explain(&self, text: &str) -> String {
        match self {
            MoneyProblem::NoNumber => format!("amount {text:?} holds no number"),
            MoneyProblem::Range => format!("amount {text:?} holds several numbers that are not a range of two amounts (a lower and a higher one, in one currency)"),
            MoneyProblem::Negative => format!("amount {text:?} is negative"),
            MoneyProblem::NotANumber => format!("amount {text:?} is not a number"),
            MoneyProblem::TooLarge => format!("amount {text:?} has too many digits to keep exactly"),
            MoneyProblem::UnknownCurrency(c) => format!("currency {c:?} is not an ISO 4217 code docket knows"),
        }
    }
}

/// ISO 4217 codes docket recognizes.
pub const CURRENCY_CODES: &[&str] = &[
    "EUR", "USD", "GBP", "PLN", "CNY", "INR", "JPY", "CHF", "SEK", "NOK", "DKK", "CZK", "HUF",
    "RON", "BGN", "HRK", "ISK", "KRW", "AUD", "CAD", "BRL", "RUB", "TRY", "HKD", "SGD", "ZAR",
    "MXN", "NZD", "TWD", "IDR", "THB", "MYR", "PHP", "AED", "SAR", "ILS", "UAH", "RSD", "ALL",
    "MKD", "BAM", "GEL", "KZT", "NGN",
];

/// Currencies written with a dot as the decimal separator in their home press. For all others a
/// lone dot followed by exactly three digits is read as a thousands separator ("40.000 PLN").
const DOT_DECIMAL: &[&str] = &[
    "USD", "GBP", "CNY", "INR", "JPY", "AUD", "CAD", "HKD", "SGD", "KRW", "NZD", "MXN", "ZAR",
    "CHF", "NGN",
];

/// Symbols and words, longest first, with their currency.
const CURRENCY_MARKS: &[(&str, &str)] = &[
    ("人民币", "CNY"),
    ("美元", "USD"),
    ("欧元", "EUR"),
    ("英镑", "GBP"),
    ("日元", "JPY"),
    ("港元", "HKD"),
    ("港币", "HKD"),
    ("韩元", "KRW"),
    ("卢比", "INR"),
    ("US$", "USD"),
    ("HK$", "HKD"),
    ("A$", "AUD"),
    ("C$", "CAD"),
    ("S$", "SGD"),
    ("R$", "BRL"),
    ("RMB", "CNY"),
    ("Rs.", "INR"),
    ("Rs", "INR"),
    ("$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "CNY"),
    ("￥", "CNY"),
    ("₹", "INR"),
    ("元", "CNY"),
    ("zł", "PLN"),
];

/// Whether a byte is the first byte of some currency mark: most characters of an amount
/// start none, and are passed over without comparing them with every mark.
const MARK_FIRST_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut index = 0;
    while index < CURRENCY_MARKS.len() {
        let mark = CURRENCY_MARKS[index].0.as_bytes();
        if !mark.is_empty() {
            table[mark[0] as usize] = true;
        }
        index += 1;
    }
    table
};

const CURRENCY_WORDS: &[(&str, &str)] = &[
    ("euro", "EUR"),
    ("euros", "EUR"),
    ("dollar", "USD"),
    ("dollars", "USD"),
    ("pound", "GBP"),
    ("pounds", "GBP"),
    ("sterling", "GBP"),
    ("yuan", "CNY"),
    ("renminbi", "CNY"),
    ("rupee", "INR"),
    ("rupees", "INR"),
    ("zloty", "PLN"),
    ("zlotys", "PLN"),
    ("yen", "JPY"),
    ("franc", "CHF"),
    ("francs", "CHF"),
    ("won", "KRW"),
    ("kronor", "SEK"),
    ("forint", "HUF"),
    ("forints", "HUF"),
    ("lei", "RON"),
    ("koruna", "CZK"),
    ("korun", "CZK"),
    ("rouble", "RUB"),
    ("roubles", "RUB"),
    ("ruble", "RUB"),
    ("rubles", "RUB"),
    ("reais", "BRL"),
    ("naira", "NGN"),
    ("rand", "ZAR"),
];

/// The currency words the parser reads ("yuan", "roubles"), in lower case: a text finder that
/// should find every amount this parser can read builds its pattern from them.
pub fn currency_words() -> impl Iterator<Item = &'static str> {
    CURRENCY_WORDS.iter().map(|(word, _)| *word)
}

/// Scale words (folded to lower case) and their power of ten.
const SCALES: &[(&str, u32)] = &[
    ("k", 3),
    ("thousand", 3),
    ("m", 6),
    ("mn", 6),
    ("mln", 6),
    ("million", 6),
    ("millions", 6),
    ("bn", 9),
    ("b", 9),
    ("billion", 9),
    ("billions", 9),
    ("tn", 12),
    ("trillion", 12),
    ("lakh", 5),
    ("lakhs", 5),
    ("crore", 7),
    ("crores", 7),
    ("cr", 7),
    ("lac", 5),
    ("lacs", 5),
    ("mio", 6),
    ("millionen", 6),
    ("millones", 6),
    ("milioni", 6),
    ("bln", 9),
    ("mrd", 9),
    ("milliard", 9),
    ("milliards", 9),
    ("milliarde", 9),
    ("milliarden", 9),
    ("miliardi", 9),
    ("trn", 12),
];

/// Chinese scale characters, longest first.
const CJK_SCALES: &[(&str, u32)] = &[
    ("万亿", 12),
    ("千万", 7),
    ("百万", 6),
    ("亿", 8),
    ("万", 4),
    ("千", 3),
];

/// Words before an amount that make it a bound rather than the amount itself.
const BOUND_WORDS: &[(&str, AmountBound)] = &[
    ("up to", AmountBound::Cap),
    ("as much as", AmountBound::Cap),
    ("as high as", AmountBound::Cap),
    ("maximum of", AmountBound::Cap),
    ("maximum", AmountBound::Cap),
    ("max", AmountBound::Cap),
    ("at most", AmountBound::Cap),
    ("no more than", AmountBound::Cap),
    ("not more than", AmountBound::Cap),
    ("capped at", AmountBound::Cap),
    ("not exceeding", AmountBound::Cap),
    ("not to exceed", AmountBound::Cap),
    ("最高", AmountBound::Cap),
    ("最多", AmountBound::Cap),
    ("不超过", AmountBound::Cap),
    ("more than", AmountBound::Floor),
    ("over", AmountBound::Floor),
    ("at least", AmountBound::Floor),
    ("in excess of", AmountBound::Floor),
    ("exceeding", AmountBound::Floor),
    ("upwards of", AmountBound::Floor),
    ("minimum of", AmountBound::Floor),
    ("超过", AmountBound::Floor),
    ("至少", AmountBound::Floor),
    ("nearly", AmountBound::Approximate),
    ("almost", AmountBound::Approximate),
    ("about", AmountBound::Approximate),
    ("around", AmountBound::Approximate),
    ("approximately", AmountBound::Approximate),
    ("approx", AmountBound::Approximate),
    ("roughly", AmountBound::Approximate),
    ("some", AmountBound::Approximate),
    ("an estimated", AmountBound::Approximate),
    ("estimated", AmountBound::Approximate),
    ("close to", AmountBound::Approximate),
    ("circa", AmountBound::Approximate),
    ("约", AmountBound::Approximate),
    ("近", AmountBound::Approximate),
];

/// Words joining the two ends of a range ("and" only after "between").
const RANGE_JOINERS: &[&str] = &["to", "-", "–", "—", "~", "至", "到"];

/// What a word before the amount says about it ("up to $5m", "more than $1m", "nearly $7m").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AmountBound {
    /// The amount is a maximum ("up to", "as much as"): flag `amount_cap`.
    Cap,
    /// The amount is a minimum ("more than", "at least"): flag `amount_floor`.
    Floor,
    /// The amount is approximate ("nearly", "about"): flag `amount_approximate`.
    Approximate,
}

impl AmountBound {
    /// Every bound, in the order an event's flags are read for one.
    pub const ALL: [AmountBound; 3] = [
        AmountBound::Floor,
        AmountBound::Approximate,
        AmountBound::Cap,
    ];

    /// The event flag the normalizer raises for it.
    pub fn flag(self) -> &'static str {
        match self {
            AmountBound::Cap => "amount_cap",
            AmountBound::Floor => "amount_floor",
            AmountBound::Approximate => "amount_approximate",
        }
    }
}

/// A parsed amount before its role is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedMoney {
    /// The exact value, normalized.
    pub value: Decimal,
    /// The currency found in the text, or the hint.
    pub currency: Option<String>,
    /// The upper bound of a range ("between EUR 350 and EUR 1,000"); `value` is the lower one.
    pub max: Option<Decimal>,
    /// A word before the amount that makes it a bound or an approximation.
    pub bound: Option<AmountBound>,
}

/// Reads a currency field: an ISO code or a symbol ("$", "€", "£", "¥").
pub fn parse_currency(text: &str) -> Result<Option<String>, MoneyProblem> {
    let t = text.trim();
    if is_missing(t) {
        return Ok(None);
    }
    let upper = t.to_ascii_uppercase();
    if let Some(code) = CURRENCY_CODES.iter().find(|c| **c == upper) {
        return Ok(Some((*code).to_string()));
    }
    if let Some((_, code)) = CURRENCY_MARKS.iter().find(|(m, _)| *m == t) {
        return Ok(Some((*code).to_string()));
    }
    let lower = t.to_lowercase();
    if let Some((_, code)) = CURRENCY_WORDS.iter().find(|(w, _)| *w == lower) {
        return Ok(Some((*code).to_string()));
    }
    Err(MoneyProblem::UnknownCurrency(t.to_string()))
}

/// Parses an amount such as "30000", "2000.0", "EUR 30,000", "€1.2 million", "$650 million",
/// "£500,000", "40.000 PLN", "1.234,56 €", "18.228 billion yuan", "Rs 115 crore", "罚款182.28亿元".
/// When the text is "X (Y)", X is read and the bracket (a conversion) is ignored.
///
/// A range of two amounts ("between EUR 350 and EUR 1,000", "$1m to $2m", "€10-20m",
/// "50万元至100万元") gives the lower bound as `value` and the upper one as `max`; a scale word
/// on the upper bound only applies to the lower one when that reads as the same unit ("between
/// $1 and $2 million" is 1 to 2 million). Words such as "up to", "more than" or "nearly" before
/// the amount are returned as `bound`. Full-width digits and non-breaking spaces are read as
/// their ASCII forms. Returns `Ok(None)` for a missing-value marker.
pub fn parse_money(
    text: &str,
    currency_hint: Option<&str>,
) -> Result<Option<ParsedMoney>, MoneyProblem> {
    let text = text.trim();
    if is_missing(text) {
        return Ok(None);
    }
    // (most amounts need no folding: ASCII, or only a currency mark beyond it)
    if text.is_ascii() || text.chars().all(|c| fold_char(c) == c) {
        parse_ascii_spaced(text, currency_hint)
    } else {
        let folded: String = text.chars().map(fold_char).collect();
        parse_ascii_spaced(folded.trim(), currency_hint)
    }
}

/// Full-width digits and separators as ASCII, non-breaking and thin spaces as spaces, the
/// minus sign as a hyphen.
fn fold_char(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        '．' => '.',
        '，' => ',',
        '\u{a0}' | '\u{202f}' | '\u{2009}' | '\u{2007}' | '\u{3000}' => ' ',
        '−' => '-',
        c => c,
    }
}

/// The currency a piece of text names: an ISO code, else a mark, else a word.
fn currency_in(t: &str) -> Option<&'static str> {
    for token in t.split(|c: char| !c.is_ascii_alphabetic()) {
        if token.len() == 3 {
            if let Some(code) = CURRENCY_CODES.iter().find(|c| **c == token) {
                return Some(code);
            }
        }
    }
    // the first mark of the list that occurs anywhere (one pass over the text, not one
    // search per mark)
    let mut first_mark: Option<usize> = None;
    for (at, _) in t.char_indices() {
        let rest = &t.as_bytes()[at..];
        if !rest
            .first()
            .is_some_and(|&b| MARK_FIRST_BYTES[usize::from(b)])
        {
            continue;
        }
        let limit = first_mark.unwrap_or(CURRENCY_MARKS.len());
        if let Some(index) = CURRENCY_MARKS[..limit].iter().position(|(mark, _)| {
            let mark = mark.as_bytes();
            mark.first() == rest.first() && rest.starts_with(mark)
        }) {
            first_mark = Some(index);
        }
    }
    if let Some(index) = first_mark {
        return Some(CURRENCY_MARKS[index].1);
    }
    t.split(|c: char| !c.is_ascii_alphabetic())
        .find_map(|w| {
            CURRENCY_WORDS
                .iter()
                .find(|(cw, _)| w.len() == cw.len() && w.eq_ignore_ascii_case(cw))
        })
        .map(|(_, c)| *c)
}

/// The bound word right before the amount ("up to $5m": currency marks and codes between the
/// word and the number are skipped), if any. `prefix` is the lower-cased text before the number.
fn bound_before(prefix: &str) -> Option<AmountBound> {
    if !prefix.chars().any(char::is_alphabetic) {
        return None;
    }
    // drop currency marks, codes and words from the end
    let mut head = prefix.trim_end();
    loop {
        let before = head.len();
        for (mark, _) in CURRENCY_MARKS {
            if head.len() >= mark.len()
                && head.is_char_boundary(head.len() - mark.len())
                && head[head.len() - mark.len()..].eq_ignore_ascii_case(mark)
            {
                head = head[..head.len() - mark.len()].trim_end();
            }
        }
        let last = head.rsplit(' ').next().unwrap_or("");
        if (last.len() == 3 && CURRENCY_CODES.iter().any(|c| c.eq_ignore_ascii_case(last)))
            || CURRENCY_WORDS.iter().any(|(w, _)| *w == last)
        {
            head = head[..head.len() - last.len()].trim_end();
        }
        if head.len() == before {
            break;
        }
    }
    BOUND_WORDS
        .iter()
        .find(|(phrase, _)| {
            head.ends_with(phrase)
                && (!phrase.is_ascii() || {
                    let rest = &head[..head.len() - phrase.len()];
                    rest.is_empty() || rest.ends_with(' ')
                })
        })
        .map(|(_, b)| *b)
}

/// Whether the text names more than one currency ("between EUR 1 and USD 2").
fn several_currencies(t: &str) -> bool {
    let mut found: Vec<&str> = Vec::new();
    let mut rest = t.to_string();
    // marks longest first, each removed once found ("美元" is not also "元")
    for (mark, code) in CURRENCY_MARKS {
        if rest.contains(mark) {
            found.push(code);
            rest = rest.replace(mark, " ");
        }
    }
    for token in rest.split(|c: char| !c.is_ascii_alphabetic()) {
        if let Some(code) = CURRENCY_CODES.iter().find(|c| **c == token) {
            found.push(code);
        } else if let Some((_, code)) = CURRENCY_WORDS
            .iter()
            .find(|(w, _)| w.len() == token.len() && w.eq_ignore_ascii_case(token))
        {
            found.push(code);
        }
    }
    found.sort_unstable();
    found.dedup();
    found.len() > 1
}

/// Whether `phrase` occurs in `lower` as whole words.
fn has_phrase(lower: &str, phrase: &str) -> bool {
    if !phrase.is_ascii() {
        return lower.contains(phrase);
    }
    lower.match_indices(phrase).any(|(at, _)| {
        let before = lower[..at].chars().next_back();
        let after = lower[at + phrase.len()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
    })
}

/// One number of the text: where it is, its digits, and the scale word after it.
struct Number<'a> {
    start: usize,
    digits: &'a str,
    scale: Option<u32>,
    /// Byte offset just after the digits and the scale word.
    end: usize,
}

fn number_at(t: &str, from: usize) -> Option<Number<'_>> {
    let bytes = t.as_bytes();
    let start = from + bytes[from..].iter().position(u8::is_ascii_digit)?;
    let mut end = start;
    while end < bytes.len() {
        let b = bytes[end];
        let grouping_space = (b == b' ')
            && end + 4 <= bytes.len()
            && bytes[end + 1..end + 4].iter().all(u8::is_ascii_digit)
            && bytes.get(end + 4).is_none_or(|n| !n.is_ascii_digit());
        if b.is_ascii_digit() || b == b',' || b == b'.' || b == b'\'' || grouping_space {
            end += 1;
        } else {
            break;
        }
    }
    let digits = t[start..end].trim_end_matches(['.', ',', '\'']);
    let after = start + digits.len();
    let (scale, used) = match scale_word(&t[after..]) {
        Some((power, used)) => (Some(power), used),
        None => (None, 0),
    };
    Some(Number {
        start,
        digits,
        scale,
        end: after + used,
    })
}

fn scaled(value: Decimal, scale: Option<u32>) -> Result<Decimal, MoneyProblem> {
    match scale {
        Some(power) => value
            .checked_mul(Decimal::from(10u64.pow(power)))
            .ok_or(MoneyProblem::TooLarge),
        None => Ok(value),
    }
}

/// The text between two numbers of a range, once currency mentions are removed: the joining
/// word ("and", "to", "-", "至").
fn joiner(between: &str) -> String {
    let mut rest = between.to_string();
    for (mark, _) in CURRENCY_MARKS {
        rest = rest.replace(mark, " ");
    }
    rest.split_whitespace()
        .filter(|w| {
            !((w.len() == 3 && CURRENCY_CODES.contains(w))
                || CURRENCY_WORDS
                    .iter()
                    .any(|(cw, _)| w.eq_ignore_ascii_case(cw)))
        })
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn parse_ascii_spaced(
    text: &str,
    currency_hint: Option<&str>,
) -> Result<Option<ParsedMoney>, MoneyProblem> {
    let mut t = text;
    if let Some(open) = t.find('(') {
        if open > 0 {
            t = t[..open].trim_end();
        }
    }
    let lower = t.to_lowercase();
    if lower.contains("nan") && !lower.chars().any(|c| c.is_ascii_digit())
        || lower == "inf"
        || lower == "infinity"
    {
        return Err(MoneyProblem::NotANumber);
    }

    // currency: explicit code, mark or word anywhere in the text
    let currency = currency_in(t)
        .map(str::to_string)
        .or_else(|| currency_hint.map(str::to_string));

    // the number: the first run of digits and separators
    let first = number_at(t, 0).ok_or(MoneyProblem::NoNumber)?;
    let bytes = t.as_bytes();
    if first.start > 0 && bytes[first.start - 1] == b'-' {
        return Err(MoneyProblem::Negative);
    }
    if t[..first.start].trim_end().ends_with('-') || t.trim_start().starts_with('-') {
        return Err(MoneyProblem::Negative);
    }
    let prefix = t[..first.start].to_lowercase();
    let prefix = prefix.as_str();
    let bound = bound_before(prefix);

    let dot_decimal = |scale: Option<u32>| {
        scale.is_some() || currency.as_deref().is_none_or(|c| DOT_DECIMAL.contains(&c))
    };
    let value = scaled(
        read_number(first.digits, dot_decimal(first.scale))?,
        first.scale,
    )?;

    let rest = &t[first.start + first.digits.len()..];
    let mut max = None;
    if rest.bytes().any(|b| b.is_ascii_digit()) && !rest.trim_start().starts_with('(') {
        // a second number: only a range of two amounts is read
        let second = number_at(t, first.end).ok_or(MoneyProblem::Range)?;
        let join = joiner(&t[first.end..second.start]);
        let joined = RANGE_JOINERS.contains(&join.as_str())
            || (join == "and" && has_phrase(prefix, "between"));
        let tail = &t[second.start + second.digits.len()..];
        if !joined || tail.bytes().any(|b| b.is_ascii_digit()) {
            return Err(MoneyProblem::Range);
        }
        if several_currencies(t) {
            return Err(MoneyProblem::Range);
        }
        let upper_unscaled = read_number(second.digits, dot_decimal(second.scale))?;
        let upper = scaled(upper_unscaled, second.scale)?;
        // "between $1 and $2 million": the lower bound shares the upper bound's scale
        let lower_value = if first.scale.is_none() && second.scale.is_some() {
            let unscaled = read_number(first.digits, dot_decimal(second.scale))?;
            if unscaled <= upper_unscaled {
                scaled(unscaled, second.scale)?
            } else {
                value
            }
        } else {
            value
        };
        if lower_value > upper {
            return Err(MoneyProblem::Range);
        }
        if lower_value < upper {
            max = Some(upper.normalize());
        }
        return Ok(Some(ParsedMoney {
            value: lower_value.normalize(),
            currency,
            max,
            bound: bound.filter(|_| max.is_none()),
        }));
    }
    Ok(Some(ParsedMoney {
        value: value.normalize(),
        currency,
        max,
        bound,
    }))
}

/// The scale word at the start of `rest` (after spaces), with its power of ten and the bytes it
/// takes.
fn scale_word(rest: &str) -> Option<(u32, usize)> {
    let trimmed = rest.trim_start();
    let skipped = rest.len() - trimmed.len();
    if let Some((word, power)) = CJK_SCALES.iter().find(|(w, _)| trimmed.starts_with(w)) {
        return Some((*power, skipped + word.len()));
    }
    let len = trimmed.bytes().take_while(u8::is_ascii_alphabetic).count();
    let word = &trimmed[..len];
    SCALES
        .iter()
        .find(|(w, _)| w.len() == word.len() && w.eq_ignore_ascii_case(word))
        .map(|(_, p)| (*p, skipped + len))
}

/// Reads digits with grouping separators into an exact decimal.
fn read_number(number: &str, dot_is_decimal: bool) -> Result<Decimal, MoneyProblem> {
    // one pass for the separators: how many of each, and where the last of each is
    let (mut commas, mut dots, mut last_comma, mut last_dot) = (0usize, 0usize, 0usize, 0usize);
    for (at, byte) in number.bytes().enumerate() {
        match byte {
            b',' => (commas, last_comma) = (commas + 1, at),
            b'.' => (dots, last_dot) = (dots + 1, at),
            _ => {}
        }
    }
    // which separators are grouping (dropped), and whether a comma is the decimal point;
    // apostrophes and spaces always group
    let (drop_comma, drop_dot, comma_is_point) = if commas > 0 && dots > 0 {
        // the last separator is the decimal one
        if last_dot > last_comma {
            (true, false, false)
        } else {
            (false, true, true)
        }
    } else if commas > 0 {
        if commas == 1 && !grouped_by_three(number, ',') {
            (false, false, true)
        } else {
            (true, false, false)
        }
    } else if dots > 1 || (dots == 1 && !dot_is_decimal && grouped_by_three(number, '.')) {
        (false, true, false)
    } else {
        (false, false, false)
    };
    let mut cleaned = String::with_capacity(number.len());
    let mut digits = 0;
    for c in number.chars() {
        match c {
            '\'' | ' ' => {}
            ',' if drop_comma => {}
            '.' if drop_dot => {}
            ',' if comma_is_point => cleaned.push('.'),
            c => {
                digits += usize::from(c.is_ascii_digit());
                cleaned.push(c);
            }
        }
    }
    if digits > 28 {
        return Err(MoneyProblem::TooLarge);
    }
    cleaned
        .parse::<Decimal>()
        .map_err(|_| MoneyProblem::NoNumber)
}

fn grouped_by_three(number: &str, sep: char) -> bool {
    let mut parts = number.split(sep);
    let first = parts.next().unwrap_or("");
    !first.is_empty()
        && first.len() <= 3
        && parts.all(|p| {
            // "1, 121": a space after the separator belongs to it
            let p = p.strip_prefix(' ').unwrap_or(p);
            p.len() == 3 && p.bytes().all(|b| b.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// `read_number` as first written, with `str::replace`: the definition the one-pass
    /// version is held to.
    fn read_number_by_replace(number: &str, dot_is_decimal: bool) -> Result<Decimal, MoneyProblem> {
        let commas = number.matches(',').count();
        let dots = number.matches('.').count();
        let cleaned: String = if commas > 0 && dots > 0 {
            let last_comma = number.rfind(',').unwrap_or(0);
            let last_dot = number.rfind('.').unwrap_or(0);
            if last_dot > last_comma {
                number.replace([',', '\'', ' '], "")
            } else {
                number.replace(['.', '\'', ' '], "").replace(',', ".")
            }
        } else if commas > 0 {
            if commas == 1 && !grouped_by_three(number, ',') {
                number.replace(['\'', ' '], "").replace(',', ".")
            } else {
                number.replace([',', '\'', ' '], "")
            }
        } else if dots > 1 || (dots == 1 && !dot_is_decimal && grouped_by_three(number, '.')) {
            number.replace(['.', '\'', ' '], "")
        } else {
            number.replace(['\'', ' '], "")
        };
        let digits = cleaned.bytes().filter(u8::is_ascii_digit).count();
        if digits > 28 {
            return Err(MoneyProblem::TooLarge);
        }
        cleaned
            .parse::<Decimal>()
            .map_err(|_| MoneyProblem::NoNumber)
    }

    proptest! {
        #[test]
        fn read_number_reads_as_its_definition(
            pieces in prop::collection::vec(
                prop::sample::select(vec!["1", "23", "456", "7890", ",", ".", "'", " ", "0"]),
                1..10,
            ),
            dot_is_decimal in any::<bool>(),
        ) {
            let number = pieces.concat();
            prop_assert_eq!(
                read_number(&number, dot_is_decimal),
                read_number_by_replace(&number, dot_is_decimal)
            );
        }
    }

    fn ok(text: &str, hint: Option<&str>) -> (String, Option<String>) {
        let m = parse_money(text, hint).unwrap().unwrap();
        (m.value.to_string(), m.currency)
    }

    #[test]
    fn reads_real_amounts() {
        let cases = [
            ("30000", Some("EUR"), "30000", "EUR"),
            ("2000.0", Some("EUR"), "2000", "EUR"),
            ("30,000", Some("EUR"), "30000", "EUR"),
            ("EUR 30,000", None, "30000", "EUR"),
            ("€1.2 million", None, "1200000", "EUR"),
            ("$650 million", None, "650000000", "USD"),
            ("£500,000", None, "500000", "GBP"),
            ("40.000 PLN", None, "40000", "PLN"),
            ("1.234,56 €", None, "1234.56", "EUR"),
            ("$ 37 billion", None, "37000000000", "USD"),
            ("$1.5m (£799,000)", None, "1500000", "USD"),
            ("18.228 billion yuan", None, "18228000000", "CNY"),
            ("Rs 115 crore", None, "1150000000", "INR"),
            ("182.28亿元", None, "18228000000", "CNY"),
            ("50万元", None, "500000", "CNY"),
            ("$515m", None, "515000000", "USD"),
            ("9400 EUR", None, "9400", "EUR"),
            ("1 234 567 EUR", None, "1234567", "EUR"),
            // a space after each grouping comma, as the GDPR tracker's summaries write some
            ("EUR 2, 500, 000", None, "2500000", "EUR"),
            ("EUR 1, 121", None, "1121", "EUR"),
        ];
        for (text, hint, value, currency) in cases {
            assert_eq!(
                ok(text, hint),
                (value.to_string(), Some(currency.to_string())),
                "{text}"
            );
        }
    }

    #[test]
    fn refuses_bad_amounts() {
        assert_eq!(parse_money("-500", None), Err(MoneyProblem::Negative));
        assert_eq!(parse_money("NaN", None), Ok(None));
        assert_eq!(parse_money("Unknown", None), Ok(None));
        assert_eq!(parse_money("$5m and $3m", None), Err(MoneyProblem::Range));
        assert_eq!(
            parse_money("between $2m and $1m", None),
            Err(MoneyProblem::Range)
        );
        assert_eq!(
            parse_money("between EUR 1 and USD 2", None),
            Err(MoneyProblem::Range)
        );
        assert_eq!(
            parse_money("$1m, $2m and $3m", None),
            Err(MoneyProblem::Range)
        );
        assert_eq!(
            parse_money(&"9".repeat(400), None),
            Err(MoneyProblem::TooLarge)
        );
        assert_eq!(
            parse_money("Only intention to issue fine", None),
            Err(MoneyProblem::NoNumber)
        );
        assert_eq!(parse_money("inf", None), Err(MoneyProblem::NotANumber));
    }

    fn range(text: &str) -> (String, Option<String>, String) {
        let m = parse_money(text, None).unwrap().unwrap();
        (
            m.value.to_string(),
            m.max.map(|v| v.to_string()),
            m.currency.unwrap_or_default(),
        )
    }

    #[test]
    fn keeps_ranges_of_two_amounts() {
        let cases = [
            (
                "Fine amount between EUR 350 and EUR 1,000",
                "350",
                "1000",
                "EUR",
            ),
            ("Fine amount between EUR 50 and EUR 800", "50", "800", "EUR"),
            ("between $1m and $2m", "1000000", "2000000", "USD"),
            ("between $1 and $2 million", "1000000", "2000000", "USD"),
            ("between $500 and $2 million", "500", "2000000", "USD"),
            ("between £190m and £265m", "190000000", "265000000", "GBP"),
            ("$1bn to $3bn", "1000000000", "3000000000", "USD"),
            ("€10-20m", "10000000", "20000000", "EUR"),
            ("50万元至100万元", "500000", "1000000", "CNY"),
        ];
        for (text, value, max, currency) in cases {
            assert_eq!(
                range(text),
                (
                    value.to_string(),
                    Some(max.to_string()),
                    currency.to_string()
                ),
                "{text}"
            );
        }
        // equal ends are one amount
        assert_eq!(range("between $5m and $5m").1, None);
    }

    #[test]
    fn bound_words_before_the_amount() {
        let bound = |text: &str| parse_money(text, None).unwrap().unwrap().bound;
        assert_eq!(bound("up to $5m"), Some(AmountBound::Cap));
        assert_eq!(bound("as much as $1bn"), Some(AmountBound::Cap));
        assert_eq!(bound("more than $1.2bn"), Some(AmountBound::Floor));
        assert_eq!(bound("Nearly $7 Million"), Some(AmountBound::Approximate));
        assert_eq!(bound("最高50万元"), Some(AmountBound::Cap));
        assert_eq!(bound("$5m"), None);
        assert_eq!(bound("a fine over cookies of EUR 5,000"), None);
        assert_eq!(
            parse_money("up to $5m", None)
                .unwrap()
                .unwrap()
                .value
                .to_string(),
            "5000000"
        );
        assert_eq!(AmountBound::Cap.flag(), "amount_cap");
    }

    #[test]
    fn reads_more_scales_marks_and_digit_forms() {
        let cases = [
            ("Rs 5 lakh", "500000", "INR"),
            ("₹2.5 crore", "25000000", "INR"),
            ("EUR 1,5 Mio.", "1500000", "EUR"),
            ("€2 Mrd", "2000000000", "EUR"),
            ("$3mn", "3000000", "USD"),
            ("人民币50万元", "500000", "CNY"),
            ("罚款182.28亿元", "18228000000", "CNY"),
            ("１８２．２８亿元", "18228000000", "CNY"),
            ("10亿美元", "1000000000", "USD"),
            ("5000万欧元", "50000000", "EUR"),
            ("1\u{a0}234\u{a0}567,89 €", "1234567.89", "EUR"),
            ("1\u{202f}500 €", "1500", "EUR"),
            ("CHF 1'234.50", "1234.5", "CHF"),
            ("1.234.567,89 EUR", "1234567.89", "EUR"),
            ("19,800 yen", "19800", "JPY"),
            ("200,000 yuan", "200000", "CNY"),
            ("3 500 000 forint", "3500000", "HUF"),
            ("12 million reais", "12000000", "BRL"),
            ("NGN 5,000,000", "5000000", "NGN"),
            ("220 million naira", "220000000", "NGN"),
            ("534 million rand", "534000000", "ZAR"),
        ];
        for (text, value, currency) in cases {
            assert_eq!(
                ok(text, None),
                (value.to_string(), Some(currency.to_string())),
                "{text}"
            );
        }
    }

    #[test]
    fn currency_field_accepts_codes_and_symbols() {
        assert_eq!(parse_currency("eur").unwrap().as_deref(), Some("EUR"));
        assert_eq!(parse_currency("$").unwrap().as_deref(), Some("USD"));
        assert_eq!(parse_currency("£").unwrap().as_deref(), Some("GBP"));
        assert!(parse_currency("XYZ").is_err());
    }
}
