//! Optional conversion of amounts into reporting currencies at yearly average rates.
//!
//! The rates are a shipped table (`data/ecb-annual-rates.csv`, ECB euro reference rates, annual
//! averages; `data/SOURCE.md` tells where they come from and how they are checked against the
//! ECB's daily rates). An amount in currency A is
//! converted into B for year Y as `value × per_eur(B, Y) / per_eur(A, Y)`, computed on exact
//! decimals and rounded to 2 decimals with banker's rounding (half to even). The conversion uses
//! the year of the event's date; an event without a date, a year or a currency missing from the
//! table, or an amount already in B is not converted. A converted value is never the source's
//! figure and says so: it carries its rate, year and source.

use std::collections::{BTreeMap, BTreeSet};

use docket_core::{Amount, Converted, Event};
use rust_decimal::{Decimal, RoundingStrategy};

use crate::NormalizeError;

/// The shipped table.
const BUILT_IN: &str = include_str!("../data/ecb-annual-rates.csv");

/// The `source` written into every conversion made with the shipped table.
pub const BUILT_IN_SOURCE: &str =
    "ECB euro reference rates, annual average (see docket-normalize/data/SOURCE.md)";

/// Decimals of a converted value.
pub const VALUE_DECIMALS: u32 = 2;
/// Decimals of the rate shown beside a converted value.
pub const RATE_DECIMALS: u32 = 6;

/// Yearly average rates, as units of each currency per 1 EUR.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RateTable {
    per_eur: BTreeMap<(i16, String), Decimal>,
    source: String,
}

impl RateTable {
    /// The shipped table (ECB annual averages 2015–2023).
    pub fn built_in() -> Result<Self, NormalizeError> {
        Self::parse(BUILT_IN, BUILT_IN_SOURCE)
    }

    /// Reads a table in the shipped format: `#` comments, the header `year,currency,per_eur`,
    /// then one row per year and currency. `source` is written into every conversion.
    pub fn parse(text: &str, source: &str) -> Result<Self, NormalizeError> {
        let bad = |line: usize, reason: String| NormalizeError::Rates {
            origin: source.to_string(),
            reason: format!("line {line}: {reason}"),
        };
        let mut per_eur = BTreeMap::new();
        let mut header = false;
        for (index, line) in text.lines().enumerate() {
            let number = index + 1;
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if !header {
                if line != "year,currency,per_eur" {
                    return Err(bad(
                        number,
                        "expected the header year,currency,per_eur".into(),
                    ));
                }
                header = true;
                continue;
            }
            let mut parts = line.split(',');
            let (Some(year), Some(currency), Some(rate), None) =
                (parts.next(), parts.next(), parts.next(), parts.next())
            else {
                return Err(bad(number, format!("expected 3 fields in {line:?}")));
            };
            let year: i16 = year
                .trim()
                .parse()
                .map_err(|_| bad(number, format!("year {year:?} is not a number")))?;
            let currency = currency.trim().to_ascii_uppercase();
            if currency.len() != 3 || !currency.bytes().all(|b| b.is_ascii_uppercase()) {
                return Err(bad(
                    number,
                    format!("currency {currency:?} is not an ISO code"),
                ));
            }
            let rate: Decimal = rate
                .trim()
                .parse()
                .map_err(|_| bad(number, format!("rate {rate:?} is not a decimal")))?;
            if rate <= Decimal::ZERO {
                return Err(bad(number, format!("rate {rate} is not positive")));
            }
            if per_eur
                .insert((year, currency.clone()), rate.normalize())
                .is_some()
            {
                return Err(bad(number, format!("{currency} {year} is listed twice")));
            }
        }
        if !header {
            return Err(bad(0, "no header".into()));
        }
        Ok(RateTable {
            per_eur,
            source: source.to_string(),
        })
    }

    /// Where the rates come from.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// Every currency the table can convert from or into (EUR included).
    pub fn currencies(&self) -> BTreeSet<&str> {
        let mut all: BTreeSet<&str> = self.per_eur.keys().map(|(_, c)| c.as_str()).collect();
        all.insert("EUR");
        all
    }

    /// Units of `currency` per 1 EUR in `year` (1 for EUR).
    pub fn per_eur(&self, currency: &str, year: i16) -> Option<Decimal> {
        if currency == "EUR" {
            return Some(Decimal::ONE);
        }
        self.per_eur.get(&(year, currency.to_string())).copied()
    }

    /// Units of `to` per unit of `from` in `year`, unrounded.
    pub fn rate(&self, from: &str, to: &str, year: i16) -> Option<Decimal> {
        self.per_eur(to, year)?
            .checked_div(self.per_eur(from, year)?)
    }

    /// `value` of `from` in `to` for `year`, rounded to [`VALUE_DECIMALS`] (half to even).
    pub fn convert_value(
        &self,
        value: Decimal,
        from: &str,
        to: &str,
        year: i16,
    ) -> Option<Decimal> {
        let exact = value
            .checked_mul(self.per_eur(to, year)?)?
            .checked_div(self.per_eur(from, year)?)?;
        Some(
            exact
                .round_dp_with_strategy(VALUE_DECIMALS, RoundingStrategy::MidpointNearestEven)
                .normalize(),
        )
    }

    /// The conversion of `amount` into `to` for `year`, or `None` when the amount is already in
    /// `to` or the table lacks a rate.
    pub fn convert(&self, amount: &Amount, to: &str, year: i16) -> Option<Converted> {
        if amount.currency == to {
            return None;
        }
        let value = self.convert_value(amount.value, &amount.currency, to, year)?;
        let max = match amount.max {
            Some(max) => Some(self.convert_value(max, &amount.currency, to, year)?),
            None => None,
        };
        let rate = self
            .rate(&amount.currency, to, year)?
            .round_dp_with_strategy(RATE_DECIMALS, RoundingStrategy::MidpointNearestEven)
            .normalize();
        Some(Converted {
            value,
            max,
            rate,
            year,
            source: self.source.clone(),
        })
    }

    /// Checks the currencies a job asks to convert into: each must be in the table.
    pub fn check_targets(&self, targets: &[String]) -> Result<(), String> {
        let known = self.currencies();
        for target in targets {
            if !known.contains(target.as_str()) {
                return Err(format!(
                    "cannot convert into {target:?}: the rate table knows {}",
                    known.into_iter().collect::<Vec<_>>().join(", ")
                ));
            }
        }
        Ok(())
    }
}

/// Fills `amount.converted` of `event` for every currency of `targets`, at the average rate of
/// the year of the event's date. Conversions are recomputed from scratch (an earlier conversion
/// is dropped), so calling it again after a merge changed the date or the amount is correct.
pub fn convert_event(table: &RateTable, targets: &[String], event: &mut Event) {
    let year = event
        .date
        .as_ref()
        .and_then(|d| d.value)
        .map(|d| d.year_part());
    let Some(amount) = event.amount.as_mut() else {
        return;
    };
    amount.converted.clear();
    let Some(year) = year else {
        return;
    };
    for target in targets {
        if let Some(converted) = table.convert(amount, target, year) {
            amount.converted.insert(target.clone(), converted);
        }
    }
}

#[cfg(test)]
mod tests {
    use docket_core::{ActionKind, AmountRole, DateValue, PartialDate};

    use super::*;

    fn dec(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    #[test]
    fn the_shipped_table_reads_and_covers_2015_to_2023() {
        let table = RateTable::built_in().unwrap();
        for year in 2015..=2023 {
            for currency in [
                "USD", "GBP", "CNY", "PLN", "INR", "CHF", "SEK", "NOK", "DKK", "CZK", "HUF", "RON",
                "BGN", "JPY", "KRW",
            ] {
                assert!(table.per_eur(currency, year).is_some(), "{currency} {year}");
            }
        }
        assert_eq!(table.per_eur("BGN", 2019), Some(dec("1.9558")));
        assert_eq!(table.per_eur("USD", 2030), None);
    }

    #[test]
    fn converts_exactly_and_rounds_half_to_even() {
        let table = RateTable::parse(
            "year,currency,per_eur\n2021,USD,1.25\n2021,GBP,0.8\n",
            "test",
        )
        .unwrap();
        // 1,000,000 EUR -> 1,250,000 USD
        assert_eq!(
            table.convert_value(dec("1000000"), "EUR", "USD", 2021),
            Some(dec("1250000"))
        );
        // 100 USD -> 80 EUR; -> 64 GBP
        assert_eq!(
            table.convert_value(dec("100"), "USD", "EUR", 2021),
            Some(dec("80"))
        );
        assert_eq!(
            table.convert_value(dec("100"), "USD", "GBP", 2021),
            Some(dec("64"))
        );
        // 0.01 EUR -> 0.0125 USD -> 0.01 (half to even)
        assert_eq!(
            table.convert_value(dec("0.01"), "EUR", "USD", 2021),
            Some(dec("0.01"))
        );
        // 0.03 EUR -> 0.0375 -> 0.04
        assert_eq!(
            table.convert_value(dec("0.03"), "EUR", "USD", 2021),
            Some(dec("0.04"))
        );
        assert_eq!(table.convert_value(dec("1"), "EUR", "USD", 2020), None);
    }

    #[test]
    fn events_convert_by_the_year_of_their_date() {
        let table = RateTable::parse("year,currency,per_eur\n2021,USD,1.25\n", "test").unwrap();
        let mut event = Event::new(ActionKind::Fine);
        event.amount = Some(
            Amount::new(dec("1000"), "EUR", AmountRole::Penalty, "EUR 1,000")
                .with_max(Some(dec("2000"))),
        );
        let targets = vec!["USD".to_string(), "EUR".to_string()];
        convert_event(&table, &targets, &mut event);
        assert!(
            event.amount.as_ref().unwrap().converted.is_empty(),
            "no date, no conversion"
        );
        event.date = Some(DateValue::resolved(
            PartialDate::day(2021, 7, 16).unwrap(),
            "2021-07-16",
        ));
        convert_event(&table, &targets, &mut event);
        let amount = event.amount.as_ref().unwrap();
        assert_eq!(amount.converted.len(), 1, "EUR is not converted into EUR");
        let usd = &amount.converted["USD"];
        assert_eq!(
            (usd.value, usd.max, usd.rate, usd.year),
            (dec("1250"), Some(dec("2500")), dec("1.25"), 2021)
        );
        let json = serde_json::to_value(amount).unwrap();
        assert_eq!(json["converted"]["USD"]["value"], "1250");
        assert_eq!(json["converted"]["USD"]["source"], "test");
    }

    #[test]
    fn bad_tables_are_refused() {
        assert!(RateTable::parse("nope\n", "t").is_err());
        assert!(RateTable::parse("year,currency,per_eur\n2021,USD,0\n", "t").is_err());
        assert!(RateTable::parse("year,currency,per_eur\n2021,USD,1\n2021,USD,2\n", "t").is_err());
        let table = RateTable::built_in().unwrap();
        assert!(table.check_targets(&["USD".into(), "EUR".into()]).is_ok());
        assert!(table.check_targets(&["XAU".into()]).is_err());
    }
}
