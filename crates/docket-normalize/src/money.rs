//! Money parsing: exact decimals, ISO 4217 codes, symbols, scale words and both European and
//! English digit grouping.

use rust_decimal::Decimal;

use crate::date::is_missing;

/// Why an amount could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MoneyProblem {
    /// No number in the text.
    NoNumber,
    /// More than one separate number and no rule to pick one, or a range.
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
            MoneyProblem::Range => format!("amount {text:?} is a range or holds several numbers; docket keeps single amounts only"),
            MoneyProblem::Negative => format!("amount {text:?} is negative"),
            MoneyProblem::NotANumber => format!("amount {text:?} is not a number"),
            MoneyProblem::TooLarge => format!("amount {text:?} has too many digits to keep exactly"),
            MoneyProblem::UnknownCurrency(c) => format!("currency {c:?} is not an ISO 4217 code docket knows"),
        }
    }
}

/// ISO 4217 codes docket recognizes.
pub const CURRENCY_CODES: &[&str] = &[
    "EUR", "USD", "GBP", "PLN", "CNY", "INR", "JPY", "CHF", "SEK", "NOK", "DKK", "CZK", "HUF", "RON", "BGN", "HRK",
    "ISK", "KRW", "AUD", "CAD", "BRL", "RUB", "TRY", "HKD", "SGD", "ZAR", "MXN", "NZD", "TWD", "IDR", "THB", "MYR",
    "PHP", "AED", "SAR", "ILS", "UAH", "RSD", "ALL", "MKD", "BAM", "GEL", "KZT",
];

/// Currencies written with a dot as the decimal separator in their home press. For all others a
/// lone dot followed by exactly three digits is read as a thousands separator ("40.000 PLN").
const DOT_DECIMAL: &[&str] = &["USD", "GBP", "CNY", "INR", "JPY", "AUD", "CAD", "HKD", "SGD", "KRW", "NZD", "MXN", "ZAR", "CHF"];

/// Symbols and words, longest first, with their currency.
const CURRENCY_MARKS: &[(&str, &str)] = &[
    ("人民币", "CNY"),
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
    ("francs", "CHF"),
    ("won", "KRW"),
];

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
];

/// A parsed amount before its role is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedMoney {
    /// The exact value, normalized.
    pub value: Decimal,
    /// The currency found in the text, or the hint.
    pub currency: Option<String>,
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
/// Returns `Ok(None)` for a missing-value marker.
pub fn parse_money(text: &str, currency_hint: Option<&str>) -> Result<Option<ParsedMoney>, MoneyProblem> {
    let mut t = text.trim();
    if is_missing(t) {
        return Ok(None);
    }
    if let Some(open) = t.find('(') {
        if open > 0 {
            t = t[..open].trim_end();
        }
    }
    let lower = t.to_ascii_lowercase();
    if lower.contains("nan") && !lower.chars().any(|c| c.is_ascii_digit()) || lower == "inf" || lower == "infinity" {
        return Err(MoneyProblem::NotANumber);
    }

    // currency: explicit code, mark or word anywhere in the text
    let mut currency: Option<String> = None;
    for token in t.split(|c: char| !c.is_ascii_alphabetic()) {
        if token.len() == 3 && CURRENCY_CODES.contains(&token) {
            currency = Some(token.to_string());
            break;
        }
    }
    if currency.is_none() {
        currency = CURRENCY_MARKS.iter().find(|(m, _)| t.contains(m)).map(|(_, c)| (*c).to_string());
    }
    if currency.is_none() {
        currency = lower
            .split(|c: char| !c.is_ascii_alphabetic())
            .find_map(|w| CURRENCY_WORDS.iter().find(|(cw, _)| *cw == w))
            .map(|(_, c)| (*c).to_string());
    }
    let currency = currency.or_else(|| currency_hint.map(str::to_string));

    // the number: the first run of digits and separators
    let bytes = t.as_bytes();
    let start = bytes.iter().position(u8::is_ascii_digit).ok_or(MoneyProblem::NoNumber)?;
    if start > 0 && bytes[start - 1] == b'-' {
        return Err(MoneyProblem::Negative);
    }
    if t[..start].trim_end().ends_with('-') || t.trim_start().starts_with('-') {
        return Err(MoneyProblem::Negative);
    }
    let mut end = start;
    while end < bytes.len() {
        let b = bytes[end];
        let grouping_space = (b == b' ') && end + 4 <= bytes.len() && bytes[end + 1..end + 4].iter().all(u8::is_ascii_digit)
            && bytes.get(end + 4).is_none_or(|n| !n.is_ascii_digit());
        if b.is_ascii_digit() || b == b',' || b == b'.' || b == b'\'' || grouping_space {
            end += 1;
        } else {
            break;
        }
    }
    let number = t[start..end].trim_end_matches(['.', ',', '\'']);
    let rest = &t[start + number.len()..];
    if rest.bytes().any(|b| b.is_ascii_digit()) && !rest.trim_start().starts_with('(') {
        return Err(MoneyProblem::Range);
    }

    let dot_decimal = currency.as_deref().is_none_or(|c| DOT_DECIMAL.contains(&c));
    let scale = scale_after(rest);
    let value = read_number(number, dot_decimal || scale.is_some())?;
    let value = match scale {
        Some(power) => value
            .checked_mul(Decimal::from(10u64.pow(power)))
            .ok_or(MoneyProblem::TooLarge)?,
        None => value,
    };
    Ok(Some(ParsedMoney {
        value: value.normalize(),
        currency,
    }))
}

fn scale_after(rest: &str) -> Option<u32> {
    let rest = rest.trim_start();
    if rest.starts_with("万亿") {
        return Some(12);
    }
    if rest.starts_with('亿') {
        return Some(8);
    }
    if rest.starts_with('万') {
        return Some(4);
    }
    let word: String = rest
        .chars()
        .take_while(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    SCALES.iter().find(|(w, _)| *w == word).map(|(_, p)| *p)
}

/// Reads digits with grouping separators into an exact decimal.
fn read_number(number: &str, dot_is_decimal: bool) -> Result<Decimal, MoneyProblem> {
    let commas = number.matches(',').count();
    let dots = number.matches('.').count();
    let cleaned: String = if commas > 0 && dots > 0 {
        // the last separator is the decimal one
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
    cleaned.parse::<Decimal>().map_err(|_| MoneyProblem::NoNumber)
}

fn grouped_by_three(number: &str, sep: char) -> bool {
    let mut parts = number.split(sep);
    let first = parts.next().unwrap_or("");
    !first.is_empty() && first.len() <= 3 && parts.all(|p| p.len() == 3 && p.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

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
        ];
        for (text, hint, value, currency) in cases {
            assert_eq!(ok(text, hint), (value.to_string(), Some(currency.to_string())), "{text}");
        }
    }

    #[test]
    fn refuses_bad_amounts() {
        assert_eq!(parse_money("-500", None), Err(MoneyProblem::Negative));
        assert_eq!(parse_money("NaN", None), Ok(None));
        assert_eq!(parse_money("Unknown", None), Ok(None));
        assert_eq!(parse_money("Fine amount between EUR 350 and EUR 1,000", None), Err(MoneyProblem::Range));
        assert_eq!(parse_money(&"9".repeat(400), None), Err(MoneyProblem::TooLarge));
        assert_eq!(parse_money("Only intention to issue fine", None), Err(MoneyProblem::NoNumber));
        assert_eq!(parse_money("inf", None), Err(MoneyProblem::NotANumber));
    }

    #[test]
    fn currency_field_accepts_codes_and_symbols() {
        assert_eq!(parse_currency("eur").unwrap().as_deref(), Some("EUR"));
        assert_eq!(parse_currency("$").unwrap().as_deref(), Some("USD"));
        assert_eq!(parse_currency("£").unwrap().as_deref(), Some("GBP"));
        assert!(parse_currency("XYZ").is_err());
    }
}
