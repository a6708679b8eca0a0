//! Runs every case of `fixtures/normalization/cases.tsv` (real-world date, money and name
//! strings with their expected results) and reports all failures at once.
//!
//! Columns: `kind`, `input`, `hint`, `expected`, `origin`. Kinds and how `expected` reads:
//! - `date`: `YYYY[-MM[-DD]]`, optionally followed by a qualifier (`2020 Q3`), or a period
//!   `FROM..TO`, or `null` (a missing-value marker), or `reject:<problem>`; `hint` is a
//!   `formats.date` value.
//! - `money`: `VALUE[..MAX] CUR[ cap|floor|approximate]`, `null`, or `reject:<problem>`; `hint`
//!   is the source's currency.
//! - `name`: the base name (folded, legal forms removed) of the input.
//! - `resolve`: the catalogue id the name must resolve to. Checked only when the built-in
//!   catalogue has that id (it may still be a placeholder); the base name is checked anyway by
//!   the `name` rows.

use docket_normalize::date::{parse_date_value, DateHints, DateProblem, ParsedDate};
use docket_normalize::money::{parse_money, MoneyProblem};
use docket_normalize::name::{base_name, display_name, fold_name};
use docket_normalize::{built_in_catalogue, Resolver};

const CASES: &str = include_str!("../../../fixtures/normalization/cases.tsv");

fn date_problem(problem: &DateProblem) -> &'static str {
    match problem {
        DateProblem::Placeholder => "placeholder",
        DateProblem::Unreadable => "unreadable",
        DateProblem::Ambiguous => "ambiguous",
        DateProblem::Impossible => "impossible",
        DateProblem::Period => "period",
    }
}

fn money_problem(problem: &MoneyProblem) -> String {
    match problem {
        MoneyProblem::NoNumber => "no-number".into(),
        MoneyProblem::Range => "range".into(),
        MoneyProblem::Negative => "negative".into(),
        MoneyProblem::NotANumber => "not-a-number".into(),
        MoneyProblem::TooLarge => "too-large".into(),
        MoneyProblem::UnknownCurrency(c) => format!("unknown-currency {c}"),
    }
}

fn date(input: &str, hint: &str) -> String {
    let hints = if hint.is_empty() {
        DateHints::default()
    } else {
        DateHints::from_job_value(hint)
    };
    match parse_date_value(input, &hints) {
        Ok(None) => "null".into(),
        Ok(Some(ParsedDate::Date {
            value,
            qualifier: None,
        })) => value.to_string(),
        Ok(Some(ParsedDate::Date {
            value,
            qualifier: Some(q),
        })) => format!("{value} {q}"),
        Ok(Some(ParsedDate::Period { from, to })) => format!("{from}..{to}"),
        Err(problem) => format!("reject:{}", date_problem(&problem)),
    }
}

fn money(input: &str, hint: &str) -> String {
    let hint = (!hint.is_empty()).then_some(hint);
    match parse_money(input, hint) {
        Ok(None) => "null".into(),
        Ok(Some(parsed)) => {
            let Some(currency) = parsed.currency else {
                return "reject:no-currency".into();
            };
            let mut out = parsed.value.to_string();
            if let Some(max) = parsed.max {
                out.push_str(&format!("..{max}"));
            }
            out.push(' ');
            out.push_str(&currency);
            if let Some(bound) = parsed.bound {
                out.push(' ');
                out.push_str(bound.flag().trim_start_matches("amount_"));
            }
            out
        }
        Err(problem) => format!("reject:{}", money_problem(&problem)),
    }
}

#[test]
fn every_case_gives_its_expected_result() {
    let catalogue = built_in_catalogue().expect("the built-in catalogue loads");
    let resolver = Resolver::new(catalogue.clone());
    let mut failures = Vec::new();
    let mut counts = std::collections::BTreeMap::<&str, (usize, usize)>::new();
    for (index, line) in CASES.lines().enumerate() {
        let number = index + 1;
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let [kind, input, hint, expected, ..] = fields[..] else {
            failures.push(format!("line {number}: fewer than 4 columns"));
            continue;
        };
        let got = match kind {
            "date" => date(input, hint),
            "money" => money(input, hint),
            "name" => base_name(&fold_name(&display_name(input))),
            "resolve" => {
                if catalogue.get(expected).is_none() {
                    counts
                        .entry("resolve (skipped: id not in catalogue)")
                        .or_default()
                        .0 += 1;
                    continue;
                }
                resolver
                    .resolve(input)
                    .actor
                    .map_or_else(|| "unresolved".to_string(), |a| a.id.clone())
            }
            other => {
                failures.push(format!("line {number}: unknown kind {other:?}"));
                continue;
            }
        };
        let slot = counts.entry(kind).or_default();
        slot.0 += 1;
        if got != expected {
            slot.1 += 1;
            failures.push(format!(
                "line {number}: {kind} {input:?} (hint {hint:?}): expected {expected:?}, got {got:?}"
            ));
        }
    }
    for (kind, (run, failed)) in &counts {
        eprintln!("{kind}: {run} cases, {failed} failed");
    }
    let total: usize = counts.values().map(|c| c.0).sum();
    assert!(total >= 200, "only {total} cases");
    assert!(
        failures.is_empty(),
        "{} of {total} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
