//! Amounts of money in a sentence, with a following conversion in brackets kept in the text
//! ("$1.5m (£799,000)"), so that `docket_normalize::money::parse_money` reads the first one.

use regex::Regex;

use crate::ExtractError;

/// One amount found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MoneyExpr {
    /// Byte start within the searched text.
    pub start: usize,
    /// Byte end (after a bracketed conversion, when there is one).
    pub end: usize,
    /// Byte end of the amount itself, before any bracket.
    pub core_end: usize,
}

const CODES: &str = "EUR|USD|GBP|PLN|CNY|RMB|INR|JPY|CHF|SEK|NOK|DKK|CZK|HUF|RON|BGN|HRK|ISK|KRW|AUD|CAD|BRL|RUB|TRY|HKD|SGD|ZAR|MXN|NZD|TWD|IDR|THB|MYR|PHP|AED|SAR|ILS|UAH|NGN";
const NUMBER: &str = r"\d{1,3}(?:[ ,.']\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?";
/// After a currency mark only: groups of three after a comma and a space, as scraped text
/// writes some amounts ("EUR 2, 500, 000"); the last group must end the number.
const SPACED_GROUPS: &str = r"\d{1,3}(?:, \d{3})+(?-u:\b)";
const SCALE: &str = r"(?i:trillion|billion|million|thousand|crores?|lakhs?|bn|mn|mln|tn|m|k)";
/// Currency words read only with a country ("kroner" in Norway or Denmark, "lira" in Turkey),
/// on top of those of [`docket_normalize::money::currency_words`].
const COUNTRY_WORDS: [&str; 18] = [
    "kroner",
    "krone",
    "kronor",
    "krona",
    "lira",
    "liras",
    "crowns",
    "crown",
    "Norwegian crowns",
    "Swedish crowns",
    "Danish crowns",
    "Czech crowns",
    "Norwegian kroner",
    "Danish kroner",
    "Swedish kronor",
    "Czech korunas",
    "Swiss francs",
    "Swiss franc",
];

/// The compiled amount pattern (built once).
#[derive(Debug)]
pub struct MoneyFinder {
    amount: Regex,
    bracket: Regex,
}

impl MoneyFinder {
    /// Compiles the patterns.
    pub fn new() -> Result<Self, ExtractError> {
        // every currency word the amount parser reads, longest first so that "roubles" is not
        // cut to "rouble"
        let mut words: Vec<&str> = docket_normalize::money::currency_words()
            .chain(COUNTRY_WORDS)
            .collect();
        words.sort_unstable();
        words.dedup();
        words.sort_by_key(|w| std::cmp::Reverse(w.len()));
        let words = format!("(?i:{})", words.join("|"));
        let words = words.as_str();
        let prefixed = format!(
            r"(?:US\$|HK\$|A\$|C\$|S\$|R\$|\$|€|£|¥|₹|Rs\.?|(?-u:\b)(?:{CODES})(?-u:\b))\s?(?:{SPACED_GROUPS}|{NUMBER})(?:\s?{SCALE}(?-u:\b))?(?:\s+{words}(?-u:\b))?"
        );
        let suffixed = format!(
            r"(?-u:\b)(?:{NUMBER})(?:\s?{SCALE}(?-u:\b))?\s?(?:(?-u:\b)(?:{CODES})(?-u:\b)|{words}(?-u:\b)|zł|€|元)"
        );
        let amount = Regex::new(&format!("{prefixed}|{suffixed}"))
            .map_err(|e| ExtractError::Pattern(e.to_string()))?;
        let bracket = Regex::new(r"^\s?\([^()\n]{1,40}\)")
            .map_err(|e| ExtractError::Pattern(e.to_string()))?;
        Ok(MoneyFinder { amount, bracket })
    }

    /// Every amount in `text`, in order. A range of two amounts is one expression: "between
    /// EUR 28 million and EUR 36 million" (with its "between", which the amount parser needs
    /// to read "and" as a range), "between $5m to $10m", "$5m-$10m".
    pub fn find(&self, text: &str) -> Vec<MoneyExpr> {
        let mut out = Vec::new();
        let mut last_end = 0;
        let found: Vec<regex::Match<'_>> = self.amount.find_iter(text).collect();
        for (index, m) in found.iter().enumerate() {
            if m.start() < last_end {
                continue;
            }
            let mut start = m.start();
            let mut core_end = m.end();
            if let Some(next) = found.get(index + 1) {
                let joiner = text[core_end..next.start()].trim().to_ascii_lowercase();
                let before = text[..start].trim_end();
                let between = before.len() >= 7
                    && before.is_char_boundary(before.len() - 7)
                    && before[before.len() - 7..].eq_ignore_ascii_case("between")
                    && !before[..before.len() - 7].ends_with(|c: char| c.is_alphanumeric());
                if between && matches!(joiner.as_str(), "and" | "to" | "-" | "–") {
                    start = before.len() - 7;
                    core_end = next.end();
                } else if matches!(joiner.as_str(), "-" | "–") {
                    // ("from $5m to $10m" is a change, not a range: "to" only after "between")
                    core_end = next.end();
                }
            }
            let mut end = core_end;
            if let Some(b) = self.bracket.find(&text[core_end..]) {
                let inner = b.as_str();
                let has_digit = inner.bytes().any(|c| c.is_ascii_digit());
                let has_currency = self.amount.is_match(inner);
                if has_digit && has_currency {
                    end = core_end + b.end();
                }
            }
            last_end = end;
            out.push(MoneyExpr {
                start,
                end,
                core_end,
            });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        let finder = MoneyFinder::new().unwrap();
        finder
            .find(text)
            .into_iter()
            .map(|m| &text[m.start..m.end])
            .collect()
    }

    /// The finder and the parser agree on currency words: every word the parser reads is
    /// found after a number, and the parser reads what is found ("7.2 billion roubles").
    #[test]
    fn every_currency_word_of_the_parser_is_found() {
        for word in docket_normalize::money::currency_words() {
            let text = format!("fined Acme 7.2 million {word} on Monday");
            let found = texts(&text);
            let expected = format!("7.2 million {word}");
            assert_eq!(found, vec![expected.as_str()], "{word}");
            let parsed = docket_normalize::money::parse_money(&expected, None);
            assert!(
                matches!(parsed, Ok(Some(ref p)) if p.currency.is_some()),
                "{word}: {parsed:?}"
            );
        }
    }

    #[test]
    fn finds_amounts_in_prose() {
        let cases = [
            (
                "the suspension of the $ 37 billion Ant Group IPO",
                "$ 37 billion",
            ),
            (
                "agreed to pay a $1.5m (£799,000) fine for",
                "$1.5m (£799,000)",
            ),
            (
                "a fine of 40.000 PLN (9400 EUR) was imposed",
                "40.000 PLN (9400 EUR)",
            ),
            ("fined EUR 30,000 for", "EUR 30,000"),
            ("a €1.2 million fine", "€1.2 million"),
            ("fined 18.228 billion yuan", "18.228 billion yuan"),
            ("a penalty of Rs 115 crore", "Rs 115 crore"),
            ("in $515m SEC settlement", "$515m"),
            ("pay £500,000.", "£500,000"),
            ("to fine Disqus Inc. EUR 2, 500, 000 for", "EUR 2, 500, 000"),
            ("The fine of EUR 1, 121 was imposed", "EUR 1, 121"),
        ];
        for (text, want) in cases {
            assert_eq!(texts(text), vec![want], "{text}");
            let parsed = docket_normalize::money::parse_money(want, None)
                .unwrap()
                .unwrap();
            assert!(parsed.currency.is_some(), "{want}");
        }
        // a range is one amount; "from $5m to $10m" is two
        assert_eq!(
            texts("proposes a fine between EUR 28 million and EUR 36 million against Facebook"),
            vec!["between EUR 28 million and EUR 36 million"]
        );
        assert_eq!(texts("a fine of $5m-$10m"), vec!["$5m-$10m"]);
        assert_eq!(texts("rose from $5m to $10m"), vec!["$5m", "$10m"]);
        assert_eq!(texts("$5m and $10m"), vec!["$5m", "$10m"]);
        for range in ["between EUR 28 million and EUR 36 million", "$5m-$10m"] {
            let parsed = docket_normalize::money::parse_money(range, None)
                .unwrap()
                .unwrap();
            assert!(parsed.max.is_some(), "{range}");
        }
        // spaced groups only of exactly three digits, after a currency mark
        assert_eq!(texts("fined EUR 5, 1000 people"), vec!["EUR 5"]);
        assert_eq!(texts("fined 5, 100 companies"), Vec::<&str>::new());
        assert!(texts("more than 400 million monthly active users in 2019").is_empty());
        assert!(texts("12 companies, more than 10 deals").is_empty());
    }
}
