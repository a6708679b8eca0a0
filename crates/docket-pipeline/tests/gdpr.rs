//! The GDPR enforcement tracker, read as CSV and as JSON (the same 986 fines): every record is
//! accounted for, each fine becomes one event with two sources, and nothing else merges.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::{fixtures, read_jsonl, run_in};

fn gdpr_job(out: &std::path::Path) -> String {
    let data = fixtures().join("data/gdpr");
    format!(
        r#"
[job]
name = "gdpr-test"
rejects = "{out}/rejects.jsonl"

[sources.csv]
kind = "csv"
path = "{data}/gdpr_fines_enforcementtracker_raw.csv"
[sources.csv.fields]
actor = "Authority"
target = "Controller/Processor"
date = "Date of Decision"
amount = "Fine [€]"
summary = "Summary"
ref = "ETid"
[sources.csv.constants]
action = "fine"
currency = "EUR"

[sources.json]
kind = "json"
path = "{data}/gdpr_fines_enforcementtracker_raw.json"
[sources.json.fields]
actor = "/Authority"
target = "/Controller~1Processor"
date = "/Date of Decision"
amount = "/Fine [€]"
summary = "/Summary"
ref = "/ETid"
[sources.json.constants]
action = "fine"
currency = "EUR"

[exports.events]
kind = "jsonl"
path = "{out}/events.jsonl"
"#,
        out = out.display(),
        data = data.display()
    )
}

#[test]
fn both_formats_merge_into_one_event_per_fine() {
    let dir = tempfile::tempdir().unwrap();
    let summary = run_in(dir.path(), &gdpr_job(dir.path())).unwrap();

    // every record is accounted for, in each source
    assert!(summary.balanced(), "{summary}");
    let by_name: BTreeMap<_, _> = summary
        .sources
        .iter()
        .map(|s| (s.name.as_str(), s))
        .collect();
    for name in ["csv", "json"] {
        assert_eq!(by_name[name].read, 986, "{summary}");
    }
    // nothing is rejected: the 6 rows whose amount is "Only intention to issue fine" state
    // their action there (a threatened fine, a warning), and the two "Fine amount between EUR
    // 350 and EUR 1,000" rows are kept as ranges
    assert_eq!(by_name["csv"].rejected, 0);
    assert_eq!(by_name["json"].rejected, 0);
    // csv comes first (sources run in name order): all its events are new, and every JSON
    // record merges into one of them
    assert_eq!(by_name["csv"].emitted, 986);
    assert_eq!(by_name["csv"].merged, 0, "no two CSV rows may merge");
    assert_eq!(by_name["json"].merged, 986);
    assert_eq!(summary.events, 986);

    let events = read_jsonl(&dir.path().join("events.jsonl"));
    assert_eq!(events.len(), 986);
    let warnings: Vec<&serde_json::Value> =
        events.iter().filter(|e| e["action"] != "fine").collect();
    assert_eq!(warnings.len(), 6);
    for warning in warnings {
        assert_eq!(warning["action"], "warning", "{warning}");
        assert_eq!(warning["cameo"], "132", "{warning}");
        assert!(warning["amount"].is_null(), "{warning}");
        assert_eq!(
            warning["flags"],
            serde_json::json!(["amount_states_action", "threatened_fine"]),
            "{warning}"
        );
    }
    let mut refs = BTreeSet::new();
    for event in &events {
        let sources = event["sources"].as_array().unwrap();
        assert_eq!(sources.len(), 2, "{event}");
        assert_eq!(sources[0]["source"], "csv");
        assert_eq!(sources[1]["source"], "json");
        // the CSV row and the JSON element of one fine sit at the same position in both files
        assert_eq!(sources[0]["record"], sources[1]["record"], "{event}");
        assert!(
            refs.insert(event["ref"].as_str().unwrap().to_string()),
            "duplicate ref in {event}"
        );
    }

    // the rejects file is written, and empty
    let rejects = read_jsonl(&dir.path().join("rejects.jsonl"));
    assert!(rejects.is_empty(), "{rejects:?}");
}

#[test]
fn amounts_are_exact_and_authorities_resolve() {
    let dir = tempfile::tempdir().unwrap();
    run_in(dir.path(), &gdpr_job(dir.path())).unwrap();
    let events = read_jsonl(&dir.path().join("events.jsonl"));
    let by_ref: BTreeMap<String, &serde_json::Value> = events
        .iter()
        .map(|e| (e["ref"].as_str().unwrap().to_string(), e))
        .collect();

    // the largest fines, exactly
    let amazon = events
        .iter()
        .find(|e| {
            e["targets"][0]["name"]
                .as_str()
                .is_some_and(|n| n.contains("Amazon Europe Core"))
        })
        .expect("Amazon fine");
    assert_eq!(amazon["amount"]["value"], "746000000");
    assert_eq!(amazon["amount"]["currency"], "EUR");
    assert_eq!(amazon["date"]["value"], "2021-07-16");
    // "2000.0" in the source is 2000 exactly, with the original text kept
    let with_point: Vec<_> = events
        .iter()
        .filter(|e| {
            e["amount"]["text"]
                .as_str()
                .is_some_and(|t| t.ends_with(".0"))
        })
        .collect();
    assert!(!with_point.is_empty());
    for e in with_point {
        let text = e["amount"]["text"].as_str().unwrap();
        assert_eq!(
            e["amount"]["value"].as_str().unwrap(),
            text.trim_end_matches(".0")
        );
    }
    // a month-only decision date keeps month precision
    assert!(events.iter().any(|e| e["date"]["precision"] == "month"));
    assert!(events.iter().any(|e| e["date"]["precision"] == "year"));

    // authority names that differ in case, spelling or bracketed acronym resolve to one id
    let mut reader =
        csv::Reader::from_path(fixtures().join("data/gdpr/gdpr_fines_enforcementtracker_raw.csv"))
            .unwrap();
    let headers = reader.headers().unwrap().clone();
    let column = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (etid, authority) = (column("ETid"), column("Authority"));
    let mut ids_by_spelling: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for row in reader.records() {
        let row = row.unwrap();
        if let Some(event) = by_ref.get(&row[etid]) {
            let id = event["actor"]["id"].as_str().unwrap().to_string();
            ids_by_spelling
                .entry(row[authority].to_string())
                .or_default()
                .insert(id);
        }
    }
    for (spelling, ids) in &ids_by_spelling {
        assert_eq!(ids.len(), 1, "{spelling} resolves to {ids:?}");
        assert!(
            !ids.iter().next().unwrap().starts_with("x:"),
            "{spelling} is unresolved"
        );
    }
    // pairs are checked through the resolver itself: some spellings occur only on rejected rows
    let resolver = docket_normalize::Resolver::with_built_in(None).unwrap();
    let id_of = |spelling: &str| -> String {
        let id = resolver
            .resolve(spelling)
            .actor
            .map(|a| a.id.clone())
            .unwrap_or_default();
        if let Some(ids) = ids_by_spelling.get(spelling) {
            assert!(
                ids.contains(&id),
                "{spelling}: events say {ids:?}, the resolver says {id}"
            );
        }
        id
    };
    let same = [
        (
            "Bulgarian Commission for Personal Data Protection (KZLD)",
            "Data Protection Commision of Bulgaria (KZLD)",
        ),
        (
            "Bulgarian Commission for Personal Data Protection (KZLD)",
            "Commission for Personal Data Protection (KZLD)",
        ),
        (
            "Data Protection Authority of Sweden",
            "Data Protection Authority of Sweden (Integritetsskyddsmyndigheten)",
        ),
        (
            "Polish Data Protection Authority (UODO)",
            "Polish National Personal Data Protection Office (UODO)",
        ),
        (
            "Data Protection Authority of Niedersachsen",
            "Data Protection Authority of Lower Saxony",
        ),
        (
            "Data Protection Authority of Rheinland-Pfalz",
            "Data Protection Authority of Rhineland-Palatinate",
        ),
    ];
    for (a, b) in same {
        assert_eq!(id_of(a), id_of(b), "{a} / {b}");
    }
    let different = [
        (
            "National Commission for Data Protection (CNPD)",
            "Portuguese Data Protection Authority (CNPD)",
        ),
        (
            "Danish Data Protection Authority (Datatilsynet)",
            "Norwegian Supervisory Authority (Datatilsynet)",
        ),
        (
            "Data Protection Authority of Saxony",
            "Data Protection Authority of Sachsen-Anhalt",
        ),
    ];
    for (a, b) in different {
        assert_ne!(id_of(a), id_of(b), "{a} / {b}");
    }
    let distinct: BTreeSet<String> = ids_by_spelling.values().flatten().cloned().collect();
    assert!(
        distinct.len() < ids_by_spelling.len(),
        "{} spellings, {} ids",
        ids_by_spelling.len(),
        distinct.len()
    );
}
