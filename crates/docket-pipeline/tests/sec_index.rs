//! The job `fixtures/jobs/sec-index.toml`: the SEC's index of litigation releases for 2014 and
//! 2015, as scraped into CSV. Every row is one event; the link texts the scrape wrote after the
//! defendants ("See also: SEC Complaint", "Other Release No.: AAER-3730") are removed by the
//! job's `remove` table, and each event that lost text says so.

mod common;

use std::collections::BTreeMap;

use common::{fixture_job, fixtures, read_jsonl, run_job_text};
use docket_normalize::name::is_legal_form;

/// (release number, defendants as written) of every row of both index files.
fn rows() -> Vec<(String, String)> {
    let mut rows = Vec::new();
    for year in [2014, 2015] {
        let path = fixtures().join(format!("data/sec/sec{year}litigations.csv"));
        let mut reader = csv::Reader::from_path(path).unwrap();
        for record in reader.deserialize::<BTreeMap<String, String>>() {
            let record = record.unwrap();
            rows.push((record["title"].clone(), record["descs"].clone()));
        }
    }
    rows
}

fn names(event: &serde_json::Value) -> Vec<&str> {
    event["targets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect()
}

#[test]
fn every_release_is_an_event_without_the_scraped_link_texts() {
    let dir = tempfile::tempdir().unwrap();
    let (path, text) = fixture_job("sec-index", "../../out/sec-index", dir.path());
    let summary = run_job_text(&path, text);
    assert!(summary.balanced(), "{summary}");
    let rows = rows();
    assert_eq!(rows.len(), 266 + 271);
    assert_eq!(summary.sources[0].read, rows.len() as u64, "{summary}");
    assert_eq!(summary.rejects, 0, "{summary}");
    // release numbers differ, so no two rows merge
    assert_eq!(summary.events, rows.len() as u64, "{summary}");

    let events = read_jsonl(&dir.path().join("events.jsonl"));
    let by_ref: BTreeMap<&str, &serde_json::Value> = events
        .iter()
        .map(|e| (e["ref"].as_str().unwrap(), e))
        .collect();
    assert_eq!(by_ref.len(), rows.len());
    for (reference, written) in &rows {
        let event = by_ref[reference.as_str()];
        assert_eq!(event["actor"]["id"], "us.sec", "{event}");
        assert_eq!(event["action"], "charge", "{event}");
        assert!(event["date"]["value"].is_string(), "{event}");
        let targets = names(event);
        assert!(!targets.is_empty(), "{written:?}: {event}");
        for name in &targets {
            for noise in ["See also", "Other Release", "SEC Complaint", "known as"] {
                assert!(!name.contains(noise), "{written:?}: {name:?}");
            }
            // a legal form or a suffix stays with the name before it
            assert!(
                !is_legal_form(name) && !["Jr.", "LC"].contains(name),
                "{written:?}: {name:?}"
            );
        }
        // the flag says which events lost text: exactly the rows that carry link texts
        let noisy = ["See also", "Other Release No", "SEC Complaint"]
            .iter()
            .any(|noise| written.contains(noise));
        let flagged = event["flags"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f == "text_removed");
        assert_eq!(flagged, noisy, "{written:?}: {event}");
    }

    let lr23166 = by_ref["LR-23166"];
    assert_eq!(names(lr23166), ["Howard B. Present"]);
    assert_eq!(lr23166["date"]["value"], "2014-12-22");
    assert_eq!(
        lr23166["url"],
        "https://www.sec.gov/litigation/litreleases/2014/lr23166.htm"
    );
    // a row into which the scrape ran the next thirty releases keeps its own defendant only
    assert_eq!(
        names(by_ref["LR-23334"]),
        ["Summit Asset Strategies Investment Management, LLC"]
    );
    assert_eq!(
        names(by_ref["LR-23143"]),
        [
            "Hold Brothers On-Line Investment Services, LLC",
            "Gregory Hold",
            "Steven Hold"
        ]
    );
}
