//! Property tests for the normalizer's parsers. Strategies live in `strategies` below, in one
//! place; regressions proptest finds are committed under `tests/properties.proptest-regressions`.

use docket_core::PartialDate;
use docket_normalize::date::{parse_date, DateHints};
use docket_normalize::money::parse_money;
use docket_normalize::name::{base_name, fold_name};
use proptest::prelude::*;
use rust_decimal::Decimal;

mod strategies {
    use super::*;

    /// Any date that exists, at any precision.
    pub fn partial_date() -> impl Strategy<Value = PartialDate> {
        (1900i16..2100, 0u8..=12, 0u8..=31).prop_filter_map("valid date", |(y, m, d)| {
            match (m, d) {
                (0, _) => PartialDate::year(y).ok(),
                (m, 0) => PartialDate::month(y, m).ok(),
                (m, d) => PartialDate::day(y, m, d).ok(),
            }
        })
    }

    /// Exact, non-negative amounts with up to 4 decimals.
    pub fn amount() -> impl Strategy<Value = Decimal> {
        (0u64..10_000_000_000_000, 0u32..=4)
            .prop_map(|(units, scale)| Decimal::new(units as i64, scale).normalize())
    }

    /// Names with letters, accents, punctuation, spaces and CJK.
    pub fn name() -> impl Strategy<Value = String> {
        "[A-Za-zÀ-ÿ .,&'()\\-阿里巴集团]{0,40}"
    }
}

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn parsing_arbitrary_strings_never_panics(text in any::<String>()) {
        let _ = parse_date(&text, &DateHints::default());
        let _ = parse_date(&text, &DateHints::from_job_value("%d/%m/%Y"));
        let _ = parse_money(&text, Some("EUR"));
        let _ = parse_money(&text, None);
        let _ = fold_name(&text);
        let _ = docket_normalize::action::action_from_word(&text);
    }

    #[test]
    fn normalized_dates_parse_to_themselves(date in strategies::partial_date()) {
        // the canonical form is a fixed point
        let text = date.to_string();
        let parsed = parse_date(&text, &DateHints::default()).unwrap().unwrap();
        prop_assert_eq!(parsed, date);
        prop_assert_eq!(parse_date(&parsed.to_string(), &DateHints::default()).unwrap().unwrap(), parsed);
    }

    #[test]
    fn dates_round_trip_through_every_format(date in strategies::partial_date()) {
        let (y, m, d) = (date.year_part(), date.month_part(), date.day_part());
        let mut forms = vec![date.to_string()];
        if let (Some(m), Some(d)) = (m, d) {
            let month = MONTH_NAMES[m as usize - 1];
            forms.push(format!("{d:02}/{m:02}/{y}"));
            forms.push(format!("{d}.{m}.{y}"));
            forms.push(format!("{month} {d}, {y}"));
            forms.push(format!("{}. {d}, {y}", &month[..3]));
            forms.push(format!("{d} {month} {y}"));
            forms.push(format!("{y}{m:02}{d:02}"));
            forms.push(format!("{y}年{m}月{d}日"));
            forms.push(format!("{y}-{m:02}-{d:02}T12:30:00Z"));
        } else if let Some(m) = m {
            forms.push(format!("{} {y}", MONTH_NAMES[m as usize - 1]));
            forms.push(format!("{y}年{m}月"));
        }
        for form in forms {
            let hints = DateHints::from_job_value("day_first");
            let parsed = parse_date(&form, &hints);
            if (y, m, d) == (1970, Some(1), Some(1)) || (y, m, d) == (1900, Some(1), Some(1)) {
                prop_assert!(parsed.is_err(), "placeholder {form} accepted");
            } else {
                prop_assert_eq!(parsed, Ok(Some(date)), "{}", form);
            }
        }
    }

    #[test]
    fn amounts_round_trip_and_are_idempotent(value in strategies::amount()) {
        let plain = value.to_string();
        let parsed = parse_money(&plain, Some("EUR")).unwrap().unwrap();
        prop_assert_eq!(parsed.value, value);
        // normalizing the normalized text changes nothing
        let again = parse_money(&parsed.value.to_string(), Some("EUR")).unwrap().unwrap();
        prop_assert_eq!(again.value, parsed.value);
        // English grouping with a symbol
        let grouped = group_thousands(&plain, ',', '.');
        prop_assert_eq!(parse_money(&format!("${grouped}"), None).unwrap().unwrap().value, value);
        prop_assert_eq!(parse_money(&format!("EUR {grouped}"), None).unwrap().unwrap().value, value);
        // European grouping
        let european = group_thousands(&plain, '.', ',');
        prop_assert_eq!(parse_money(&format!("{european} €"), None).unwrap().unwrap().value, value);
    }

    #[test]
    fn scale_words_are_monotonic(units in 1u32..1000) {
        let scales = ["", " thousand", " million", " billion"];
        let mut last = Decimal::ZERO;
        for scale in scales {
            let value = parse_money(&format!("${units}{scale}"), None).unwrap().unwrap().value;
            prop_assert!(value > last);
            last = value;
        }
        let lakh = parse_money(&format!("Rs {units} lakh"), None).unwrap().unwrap().value;
        let crore = parse_money(&format!("Rs {units} crore"), None).unwrap().unwrap().value;
        prop_assert!(crore > lakh);
        let wan = parse_money(&format!("{units}万元"), None).unwrap().unwrap().value;
        let yi = parse_money(&format!("{units}亿元"), None).unwrap().unwrap().value;
        prop_assert!(yi > wan);
    }

    #[test]
    fn name_folding_is_idempotent(name in strategies::name()) {
        let folded = fold_name(&name);
        prop_assert_eq!(fold_name(&folded), folded.clone());
        let base = base_name(&folded);
        prop_assert_eq!(base_name(&base), base.clone());
    }

    #[test]
    fn name_folding_ignores_case_whitespace_and_accents(name in "[A-Za-z]{1,12}( [A-Za-z]{1,12}){0,3}") {
        let folded = fold_name(&name);
        prop_assert_eq!(fold_name(&name.to_uppercase()), folded.clone());
        prop_assert_eq!(fold_name(&format!("  {}  ", name.replace(' ', "   "))), folded.clone());
        let accented: String = name.chars().map(|c| match c { 'e' => 'é', 'a' => 'à', 'o' => 'ö', c => c }).collect();
        prop_assert_eq!(fold_name(&accented), folded);
    }
}

/// Formats a plain decimal with a thousands separator and a decimal mark.
fn group_thousands(plain: &str, thousands: char, decimal: char) -> String {
    let (int, frac) = plain.split_once('.').unwrap_or((plain, ""));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(thousands);
        }
        grouped.push(c);
    }
    if !frac.is_empty() {
        grouped.push(decimal);
        grouped.push_str(frac);
    }
    grouped
}
