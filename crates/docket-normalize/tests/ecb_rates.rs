//! The shipped conversion table (`data/ecb-annual-rates.csv`) against the ECB's daily reference
//! rates (`fixtures/data/ecb/`, see its SOURCE.md): the ECB's annual average is the mean of the
//! year's daily rates, so every figure of the table must be that mean, rounded to the digits
//! the table gives.

use std::collections::BTreeMap;
use std::path::Path;

use docket_normalize::convert::RateTable;
use rust_decimal::{Decimal, RoundingStrategy};

/// The sum and count of each (year, currency)'s daily rates.
fn daily_sums() -> BTreeMap<(i16, String), (Decimal, u32)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/data/ecb/eurofxref-hist-2015-2023.csv");
    let mut reader = csv::Reader::from_path(&path).unwrap();
    let header = reader.headers().unwrap().clone();
    let mut sums: BTreeMap<(i16, String), (Decimal, u32)> = BTreeMap::new();
    for record in reader.records() {
        let record = record.unwrap();
        let year: i16 = record[0][..4].parse().unwrap();
        for (currency, value) in header.iter().zip(record.iter()).skip(1) {
            if value == "N/A" {
                continue;
            }
            let entry = sums
                .entry((year, currency.to_string()))
                .or_insert((Decimal::ZERO, 0));
            entry.0 += value.parse::<Decimal>().unwrap();
            entry.1 += 1;
        }
    }
    sums
}

/// The shipped table's rows as written: year, currency, rate (with the digits it is written
/// with; the parsed table drops trailing zeros).
fn shipped_rows() -> Vec<(i16, String, Decimal)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/ecb-annual-rates.csv");
    let mut reader = csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .from_path(&path)
        .unwrap();
    reader
        .records()
        .map(|record| {
            let record = record.unwrap();
            (
                record[0].parse().unwrap(),
                record[1].to_string(),
                record[2].parse().unwrap(),
            )
        })
        .collect()
}

#[test]
fn every_annual_rate_is_the_mean_of_the_years_daily_rates() {
    let table = RateTable::built_in().unwrap();
    let sums = daily_sums();
    let rows = shipped_rows();
    for (year, currency, written) in &rows {
        assert_eq!(table.per_eur(currency, *year), Some(written.normalize()));
        let (sum, days) = sums
            .get(&(*year, currency.clone()))
            .copied()
            .unwrap_or_else(|| panic!("no daily rates for {currency} {year}"));
        // a year of ECB business days
        assert!(
            (250..=262).contains(&days),
            "{currency} {year}: {days} days"
        );
        let mean = sum / Decimal::from(days);
        let rounded =
            mean.round_dp_with_strategy(written.scale(), RoundingStrategy::MidpointAwayFromZero);
        assert_eq!(
            rounded, *written,
            "{currency} {year}: the table says {written}, the mean of {days} daily rates is {mean}"
        );
    }
    // every currency of the table but the euro itself, in every year it covers
    let currencies = table
        .currencies()
        .into_iter()
        .filter(|c| *c != "EUR")
        .count();
    assert_eq!(currencies, 15);
    assert_eq!(rows.len(), currencies * 9);
}
