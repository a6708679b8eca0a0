//! The job `fixtures/jobs/gdpr-all.toml`: both GDPR tables (the raw scrape as CSV and as JSON,
//! and the project's CLEANED CSV). Every row of every source ends up in exactly one place, an
//! event's sources or the rejects file; no event mixes rows of different fines; and the rejects
//! file explains every row it rejects, with the row's bytes.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::{fixture_job, fixtures, read_jsonl, run_job_text};

/// The case id of every row of a CSV file, by record number.
fn csv_refs(file: &str, column: &str) -> Vec<String> {
    let mut reader = csv::Reader::from_path(fixtures().join("data/gdpr").join(file)).unwrap();
    let index = reader
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == column)
        .unwrap();
    reader
        .records()
        .map(|r| r.unwrap()[index].to_string())
        .collect()
}

#[test]
fn every_row_of_both_tables_is_accounted_for() {
    let dir = tempfile::tempdir().unwrap();
    let (path, text) = fixture_job("gdpr-all", "../../out/gdpr-all", dir.path());
    let summary = run_job_text(&path, text);
    assert!(summary.balanced(), "{summary}");
    let counts: BTreeMap<&str, [u64; 4]> = summary
        .sources
        .iter()
        .map(|s| (s.name.as_str(), [s.read, s.emitted, s.merged, s.rejected]))
        .collect();
    // every row read; the same records rejected from the raw CSV and the raw JSON
    assert_eq!(counts["cleaned_csv"][0], 978, "{summary}");
    assert_eq!(counts["raw_csv"][0], 986, "{summary}");
    assert_eq!(counts["raw_json"][0], 986, "{summary}");
    assert_eq!(counts["raw_csv"][3], counts["raw_json"][3], "{summary}");
    // the cleaned table comes first (name order) and no two of its rows merge (their refs
    // differ); every raw JSON record merges into the raw CSV row or cleaned row of its fine,
    // and every raw CSV row into the cleaned row of its fine, also when neither names a target
    // (merge rule 4's reference clause). The 8 raw rows whose ETid the cleaned table lacks
    // (ETid-31, ETid-580, ETid-978 to ETid-983) stay events of their own.
    assert_eq!(counts["cleaned_csv"][1..], [978, 0, 0], "{summary}");
    assert_eq!(
        counts["raw_json"][1..3],
        [0, 986 - counts["raw_json"][3]],
        "{summary}"
    );
    // The 6 raw rows whose amount column says "Only intention to issue fine" state a
    // threatened fine there (a warning, docs/actions.md); the cleaned table left that column
    // empty, so its row is a fine without an amount. The tables disagree on the action, and
    // each keeps its event (same ref, different actions): 8 + 6 raw events of their own.
    assert_eq!(counts["raw_csv"][1], 8 + 6, "{summary}");
    assert_eq!(summary.events, 978 + 8 + 6, "{summary}");

    let refs: BTreeMap<&str, Vec<String>> = BTreeMap::from([
        (
            "cleaned_csv",
            csv_refs("gdpr_fines_enforcementtracker_CLEANED.csv", "etid"),
        ),
        (
            "raw_csv",
            csv_refs("gdpr_fines_enforcementtracker_raw.csv", "ETid"),
        ),
        // the JSON holds the same records as the raw CSV, in the same order
        (
            "raw_json",
            csv_refs("gdpr_fines_enforcementtracker_raw.csv", "ETid"),
        ),
    ]);
    let ref_of = |source: &str, record: u64| refs[source][record as usize - 1].clone();

    let mut seen: BTreeSet<(String, u64)> = BTreeSet::new();
    let events = read_jsonl(&dir.path().join("events.jsonl"));
    assert_eq!(events.len() as u64, summary.events);
    for event in &events {
        for source in event["sources"].as_array().unwrap() {
            let (name, record) = (
                source["source"].as_str().unwrap(),
                source["record"].as_u64().unwrap(),
            );
            assert!(
                seen.insert((name.to_string(), record)),
                "{name} record {record} is in two places"
            );
            // never a merge across fines
            assert_eq!(
                event["ref"].as_str(),
                Some(ref_of(name, record).as_str()),
                "{event}"
            );
        }
    }
    // one fine, one event: no reference is on two events, except the six announced fines, each
    // once as the cleaned table's fine without an amount and once as the raw tables' warning
    let mut event_refs: BTreeMap<&str, Vec<&serde_json::Value>> = BTreeMap::new();
    for event in &events {
        event_refs
            .entry(event["ref"].as_str().unwrap())
            .or_default()
            .push(event);
    }
    let twice: Vec<_> = event_refs.iter().filter(|(_, e)| e.len() > 1).collect();
    assert_eq!(twice.len(), 6, "{twice:?}");
    for (reference, pair) in twice {
        let actions: Vec<_> = pair.iter().map(|e| e["action"].as_str().unwrap()).collect();
        assert_eq!(actions, ["fine", "warning"], "{reference}");
        assert!(pair[0]["amount"].is_null(), "{reference}");
        assert_eq!(pair[0]["sources"].as_array().unwrap().len(), 1);
        assert_eq!(pair[0]["sources"][0]["source"], "cleaned_csv");
        assert_eq!(pair[1]["sources"].as_array().unwrap().len(), 2);
    }
    let rejects = read_jsonl(&dir.path().join("rejects.jsonl"));
    assert_eq!(rejects.len() as u64, summary.rejects);
    for reject in &rejects {
        let (name, record) = (
            reject["source"].as_str().unwrap(),
            reject["record"].as_u64().unwrap(),
        );
        assert!(
            seen.insert((name.to_string(), record)),
            "{name} record {record} is in two places"
        );
        let reason = reject["reason"].as_str().unwrap();
        // in these tables only amounts could be refused (none is, since "Only intention to
        // issue fine" states the action)
        assert!(reason.starts_with("amount \""), "{reject}");
        // the raw bytes are the row itself
        assert!(
            reject["raw"]
                .as_str()
                .unwrap()
                .contains(&format!("\"{}\"", ref_of(name, record)))
                || reject["raw"]
                    .as_str()
                    .unwrap()
                    .contains(&format!("{},", ref_of(name, record))),
            "{reject}"
        );
    }
    for (name, rows) in &refs {
        for record in 1..=rows.len() as u64 {
            assert!(
                seen.contains(&(name.to_string(), record)),
                "{name} record {record} is lost"
            );
        }
    }
    assert_eq!(seen.len(), 978 + 986 + 986);
}
