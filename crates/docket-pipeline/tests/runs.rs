//! Whole runs: idempotent re-runs, SQLite upserts, failed runs that change nothing, and job-file
//! errors that point at the line.

mod common;

use common::{event_with_target, fixture_job, fixtures, read_jsonl, run_in, run_job_text};
use docket_pipeline::Job;

fn job(out: &std::path::Path, source_path: &str) -> String {
    format!(
        r#"
[job]
name = "small"

[sources.fines]
kind = "csv" # the source
path = "{source_path}"
[sources.fines.fields]
actor = "authority"
target = "company"
date = "date"
amount = "fine"
ref = "id"
[sources.fines.constants]
action = "fine"
currency = "EUR"

[exports.events]
kind = "jsonl"
path = "{out}/events.jsonl"
[exports.table]
kind = "csv"
path = "{out}/events.csv"
[exports.store]
kind = "sqlite"
path = "{out}/docket.sqlite"
"#,
        out = out.display(),
    )
}

/// The temporary output files (`*.tmp`) left in `dir`.
fn temp_files_in(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .map(|e| e.path())
        .collect()
}

fn sqlite_counts(path: &std::path::Path) -> (i64, i64, i64) {
    let db = rusqlite::Connection::open(path).unwrap();
    let count = |table: &str| {
        db.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap()
    };
    (
        count("events"),
        count("event_targets"),
        count("event_sources"),
    )
}

#[test]
fn a_rerun_writes_identical_bytes_and_no_duplicate_rows() {
    let dir = tempfile::tempdir().unwrap();
    let source = fixtures().join("adapters/fines.csv");
    let text = job(dir.path(), &source.display().to_string());
    let first = run_in(dir.path(), &text).unwrap();
    assert!(first.balanced());
    assert_eq!(first.sources[0].read, 5);
    assert_eq!(first.sources[0].emitted, 3);
    assert_eq!(first.sources[0].rejected, 2);
    let read = |name: &str| std::fs::read(dir.path().join(name)).unwrap();
    let (jsonl, csv, rejects) = (
        read("events.jsonl"),
        read("events.csv"),
        read("rejects.jsonl"),
    );
    let counts = sqlite_counts(&dir.path().join("docket.sqlite"));
    assert_eq!(counts, (3, 3, 3));

    run_in(dir.path(), &text).unwrap();
    assert_eq!(read("events.jsonl"), jsonl);
    assert_eq!(read("events.csv"), csv);
    assert_eq!(read("rejects.jsonl"), rejects);
    assert_eq!(sqlite_counts(&dir.path().join("docket.sqlite")), counts);

    // rejects default to rejects.jsonl beside the first export
    let events = read_jsonl(&dir.path().join("events.jsonl"));
    assert_eq!(events.len(), 3);
    assert_eq!(events[0]["amount"]["value"], "90000000");
    // no temp files are left behind
    let leftovers = temp_files_in(dir.path());
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_failed_run_leaves_the_previous_outputs_intact() {
    let dir = tempfile::tempdir().unwrap();
    let source = fixtures().join("adapters/fines.csv");
    run_in(dir.path(), &job(dir.path(), &source.display().to_string())).unwrap();
    let before = std::fs::read(dir.path().join("events.jsonl")).unwrap();
    let db_before = sqlite_counts(&dir.path().join("docket.sqlite"));

    let error = run_in(dir.path(), &job(dir.path(), "missing.csv"))
        .unwrap_err()
        .to_string();
    assert!(error.contains("missing.csv"), "{error}");
    assert_eq!(
        std::fs::read(dir.path().join("events.jsonl")).unwrap(),
        before
    );
    assert_eq!(sqlite_counts(&dir.path().join("docket.sqlite")), db_before);
}

/// An output that fails only when it is written out at the end (here an HTML report whose
/// folder cannot be made, a file being in the way) stops the run before any output is put in
/// place: the outputs written before it keep the previous run's content, the database its rows,
/// and no temporary file is left.
#[test]
fn an_output_failing_at_the_end_changes_none_of_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let source = fixtures().join("adapters/fines.csv");
    let with_report = |text: String, report: &str| {
        format!("{text}\n[exports.report]\nkind = \"html\"\npath = \"{report}\"\n")
    };
    let first = job(dir.path(), &source.display().to_string());
    let report = dir.path().join("report.html");
    run_in(
        dir.path(),
        &with_report(first.clone(), &report.display().to_string()),
    )
    .unwrap();
    let read = |name: &str| std::fs::read(dir.path().join(name)).unwrap();
    let names = ["events.jsonl", "events.csv", "rejects.jsonl", "report.html"];
    let before: Vec<Vec<u8>> = names.iter().map(|name| read(name)).collect();
    let db_before = sqlite_counts(&dir.path().join("docket.sqlite"));

    // the second run's events differ (another currency), and its report cannot be written
    let second = first.replace("currency = \"EUR\"", "currency = \"USD\"");
    assert_ne!(second, first);
    std::fs::write(dir.path().join("blocker"), b"a file, not a folder").unwrap();
    let blocked = dir.path().join("blocker/report.html");
    let error = run_in(
        dir.path(),
        &with_report(second.clone(), &blocked.display().to_string()),
    )
    .unwrap_err()
    .to_string();
    assert!(error.contains("blocker"), "{error}");
    for (name, content) in names.iter().zip(&before) {
        assert!(read(name) == *content, "{name} changed");
    }
    assert_eq!(sqlite_counts(&dir.path().join("docket.sqlite")), db_before);
    let db = rusqlite::Connection::open(dir.path().join("docket.sqlite")).unwrap();
    let currencies: i64 = db
        .query_row(
            "SELECT count(*) FROM events WHERE currency = 'USD'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(currencies, 0, "the failed run's rows were committed");
    let leftovers = temp_files_in(dir.path());
    assert!(leftovers.is_empty(), "{leftovers:?}");

    // the same run with a report it can write replaces every output
    let written = run_in(
        dir.path(),
        &with_report(second, &report.display().to_string()),
    );
    assert!(written.is_ok(), "{written:?}");
    assert!(read("events.jsonl") != before[0]);
}

#[test]
fn a_skipped_source_is_reported_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let text = job(dir.path(), "missing.csv").replace("# the source", "\non_error = \"skip\"");
    let summary = run_in(dir.path(), &text).unwrap();
    assert_eq!(summary.events, 0);
    assert!(summary.sources[0]
        .error
        .as_deref()
        .unwrap()
        .contains("missing.csv"));
}

#[test]
fn job_errors_name_file_line_and_key() {
    let dir = tempfile::tempdir().unwrap();
    let source = fixtures().join("adapters/fines.csv").display().to_string();
    let cases = [
        (
            job(dir.path(), &source).replace(
                "[sources.fines.fields]",
                "delimter = \";\"\n[sources.fines.fields]",
            ),
            "delimter",
        ),
        (
            job(dir.path(), &source).replace("target = \"company\"", "targte = \"company\""),
            "targte",
        ),
        (
            job(dir.path(), &source).replace("kind = \"csv\" # the source", "kind = \"xls\""),
            "xls",
        ),
        (
            job(dir.path(), &source).replace("kind = \"jsonl\"", "kind = \"yaml\""),
            "yaml",
        ),
    ];
    for (text, key) in cases {
        let error = run_in(dir.path(), &text).unwrap_err().to_string();
        let line = text.lines().position(|l| l.contains(key)).unwrap() + 1;
        assert!(
            error.contains(&format!("job.toml:{line}")),
            "{key}: {error}"
        );
        assert!(error.contains(key), "{error}");
    }
}

#[test]
fn conversion_and_parent_roll_up() {
    let dir = tempfile::tempdir().unwrap();
    let source = fixtures().join("adapters/fines.csv");
    let text = job(dir.path(), &source.display().to_string())
        .replace("name = \"small\"", "name = \"small\"\nconvert = [\"USD\"]")
        .replace(
            "[exports.table]",
            &format!("[exports.groups]\nkind = \"jsonl\"\npath = \"{}/groups.jsonl\"\nrollup = \"ultimate_parent\"\n\n[exports.table]", dir.path().display()),
        );
    run_in(dir.path(), &text).unwrap();
    let events = read_jsonl(&dir.path().join("events.jsonl"));
    let google = &events[0];
    assert_eq!(google["targets"][0]["id"], "google", "{google}");
    let usd = &google["amount"]["converted"]["USD"];
    assert!(
        usd["value"].as_str().is_some_and(|v| v.starts_with('1')),
        "{google}"
    );
    assert_eq!(usd["year"], 2021, "{google}");
    // the rolled-up export names the group and keeps the direct target
    let groups = read_jsonl(&dir.path().join("groups.jsonl"));
    assert_eq!(groups[0]["id"], google["id"]);
    assert_eq!(groups[0]["targets"][0]["id"], "alphabet", "{}", groups[0]);
    assert_eq!(
        groups[0]["direct_targets"][0]["id"], "google",
        "{}",
        groups[0]
    );
    // the plain export is unchanged by the roll-up
    assert!(
        google.get("direct_targets").is_none_or(|d| d.is_null()),
        "{google}"
    );
}

#[test]
fn day_and_month_order_is_inferred_from_unambiguous_rows() {
    let dir = tempfile::tempdir().unwrap();
    let source = fixtures().join("adapters/day-first.csv");
    let text = job(dir.path(), &source.display().to_string()).replace("ref = \"id\"\n", "");
    let summary = run_in(dir.path(), &text).unwrap();
    assert_eq!(summary.sources[0].rejected, 0, "{summary}");
    let note = summary.sources[0].notes.join(" ");
    assert!(
        note.contains("1 day-first, 0 month-first, 1 ambiguous"),
        "{note}"
    );
    assert!(summary.to_string().contains("date order"), "{summary}");
    let events = read_jsonl(&dir.path().join("events.jsonl"));
    assert_eq!(events[1]["date"]["value"], "2021-04-03", "{}", events[1]);

    // with an explicit hint nothing is inferred
    let hinted = text.replace(
        "[sources.fines.constants]",
        "[sources.fines.formats]\ndate = \"month_first\"\n[sources.fines.constants]",
    );
    let summary = run_in(dir.path(), &hinted).unwrap();
    assert!(summary.sources[0].notes.is_empty());
    // 19/03/2021 cannot be month-first: rejected, and 03/04/2021 is read as 4 March
    assert_eq!(summary.sources[0].rejected, 1, "{summary}");
    let events = read_jsonl(&dir.path().join("events.jsonl"));
    assert_eq!(events[0]["date"]["value"], "2021-03-04");
}

/// A CSV source may map a `text` column: with no action in the fields, the events come from the
/// extractor, and the record's date stands in when the text gives none; a text that reports no
/// action is a reject. With an action constant, the record makes one event and its text only
/// fills the fields the record lacks (here the amount).
#[test]
fn a_csv_text_column_goes_through_the_extractor() {
    let dir = tempfile::tempdir().unwrap();
    let source = fixtures().join("adapters/summaries.csv");
    let job = format!(
        r#"
[job]
name = "summaries"

[sources.from_text]
kind = "csv"
path = "{source}"
[sources.from_text.fields]
text = "summary"
date = "decided"
ref = "id"

[sources.structured]
kind = "csv"
path = "{source}"
[sources.structured.fields]
actor = "authority"
target = "company"
date = "decided"
text = "summary"
[sources.structured.constants]
action = "fine"

[exports.events]
kind = "jsonl"
path = "{out}/events.jsonl"
"#,
        source = source.display(),
        out = dir.path().display(),
    );
    let summary = run_in(dir.path(), &job).unwrap();
    let from_text = summary
        .sources
        .iter()
        .find(|s| s.name == "from_text")
        .unwrap();
    assert_eq!(from_text.read, 4);
    assert_eq!(from_text.rejected, 1, "{summary:?}");
    assert_eq!(
        from_text.read,
        from_text.emitted + from_text.merged + from_text.rejected
    );
    let rejects = std::fs::read_to_string(dir.path().join("rejects.jsonl")).unwrap();
    assert!(
        rejects.contains("no enforcement action found in the text"),
        "{rejects}"
    );
    assert!(rejects.contains("\"record\":4"), "{rejects}");

    let events = read_jsonl(&dir.path().join("events.jsonl"));
    let find = |target_part: &str| {
        event_with_target(&events, |t| t["id"].as_str().unwrap().contains(target_part))
    };
    let stene = find("stene");
    assert_eq!(stene["action"], "fine");
    assert_eq!(stene["actor"]["id"], find("elektro")["actor"]["id"]);
    assert_eq!(stene["amount"]["value"], "3900");
    assert_eq!(stene["amount"]["currency"], "EUR");
    assert_eq!(stene["amount"]["role"], "penalty");
    // the text has no date: the record's date stands in
    assert_eq!(stene["date"]["value"], "2021-12-17");
    // the text's event and the structured record's event are one fine, with both sources; the
    // structured record took its amount from its text
    let sources: Vec<&str> = stene["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["source"].as_str().unwrap())
        .collect();
    assert!(
        sources.contains(&"from_text") && sources.contains(&"structured"),
        "{stene:#}"
    );
    let from_text_ref = stene["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["source"] == "from_text")
        .unwrap();
    assert!(from_text_ref["span"].is_array(), "{stene:#}");
    assert!(from_text_ref["quote"]
        .as_str()
        .unwrap()
        .contains("fined T. Stene Transport AS"));
    let club = find("ribadeo");
    assert_eq!(club["amount"]["value"], "6000");
    assert_eq!(club["date"]["value"], "2021-12-28");
}

/// The bytes of `file` at a source's span, decoded as that format writes text: for CSV a
/// doubled quote is one quote; for JSON Lines the bytes are the inside of a JSON string.
fn text_at(file: &[u8], span: &serde_json::Value, json: bool) -> String {
    let start = span[0].as_u64().unwrap() as usize;
    let end = span[1].as_u64().unwrap() as usize;
    let bytes = std::str::from_utf8(&file[start..end]).unwrap();
    if json {
        serde_json::from_str(&format!("\"{bytes}\"")).unwrap()
    } else {
        bytes.replace("\"\"", "\"")
    }
}

#[test]
fn spans_of_a_text_field_are_file_offsets_in_csv_and_json_lines() {
    let dir = tempfile::tempdir().unwrap();
    let csv_path = fixtures().join("adapters/summaries.csv");
    let jsonl_path = fixtures().join("adapters/summaries.jsonl");
    let job = format!(
        r#"
[job]
name = "placed"

[sources.csv]
kind = "csv"
path = "{csv}"
[sources.csv.fields]
text = "summary"
date = "decided"
ref = "id"

[sources.jsonl]
kind = "jsonl"
path = "{jsonl}"
[sources.jsonl.fields]
text = "/summary"
date = "/decided"
ref = "/id"

[exports.events]
kind = "jsonl"
path = "{out}/events.jsonl"
"#,
        csv = csv_path.display(),
        jsonl = jsonl_path.display(),
        out = dir.path().display(),
    );
    run_in(dir.path(), &job).unwrap();
    let files = [
        ("csv", std::fs::read(&csv_path).unwrap()),
        ("jsonl", std::fs::read(&jsonl_path).unwrap()),
    ];
    let mut checked = [0, 0];
    for event in read_jsonl(&dir.path().join("events.jsonl")) {
        for source in event["sources"].as_array().unwrap() {
            let which = usize::from(source["source"] == "jsonl");
            let (_, file) = &files[which];
            let quote = source["quote"].as_str().unwrap();
            assert_eq!(
                text_at(file, &source["span"], which == 1),
                quote,
                "{source}"
            );
            checked[which] += 1;
        }
    }
    // every fine of the three summaries, from each file; the JSON Lines summary of the
    // Spanish club escapes its "Á" (6 bytes in the file for 2 in the text)
    assert_eq!(checked, [3, 3], "{checked:?}");
}

/// A job's constant outranks what the extractor reads in the record's text: the SEC feed's job
/// says every release is the SEC's, and two release titles in Title Case ("Court Enters Final
/// Judgment Against Board Chairman Charged with ...") had given their events an actor read as
/// one long name.
#[test]
fn a_constant_outranks_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let (path, text) = fixture_job("sec-rss", "../../out/sec", dir.path());
    let summary = run_job_text(&path, text);
    assert!(summary.balanced(), "{summary}");
    let events = read_jsonl(&dir.path().join("events.jsonl"));
    assert!(events.len() > 400, "{}", events.len());
    let others: Vec<&serde_json::Value> = events
        .iter()
        .filter(|e| e["actor"]["id"] != "us.sec")
        .collect();
    assert!(others.is_empty(), "{others:#?}");
}

/// The SEC feed's job reads each release title as a written list of defendants
/// (`target_list`): "Westport Capital Markets, LLC and Christopher E. McClure" is two targets,
/// the company keeping its legal form; `target_list` with a `target_separator` is an error.
#[test]
fn a_target_list_gives_one_target_per_defendant() {
    let dir = tempfile::tempdir().unwrap();
    let (path, text) = fixture_job("sec-rss", "../../out/sec", dir.path());
    let summary = run_job_text(&path, text.clone());
    assert!(summary.balanced(), "{summary}");
    let events = read_jsonl(&dir.path().join("events.jsonl"));
    let targets_of = |reference: &str| -> Vec<String> {
        let event = events
            .iter()
            .find(|e| e["ref"] == reference)
            .unwrap_or_else(|| panic!("no event {reference}"));
        event["targets"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["name"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        targets_of("LR-24636"),
        ["Christopher J. Spencer", "John Busshaus"]
    );
    let westport = event_with_target(&events, |t| t["name"] == "Westport Capital Markets, LLC");
    assert_eq!(
        westport["targets"].as_array().unwrap().len(),
        2,
        "{westport}"
    );
    let targets: usize = events
        .iter()
        .map(|e| e["targets"].as_array().unwrap().len())
        .sum();
    assert!(targets > events.len() + 100, "{targets} targets");
    // a legal form or suffix stays with its name, also before "et al." ("TelexFree, Inc. et
    // al." had given the targets "TelexFree" and "Inc.")
    for event in &events {
        for target in event["targets"].as_array().unwrap() {
            let name = target["name"].as_str().unwrap();
            assert!(
                !docket_normalize::name::is_legal_form(name) && name != "Jr.",
                "{event}"
            );
        }
    }
    assert_eq!(targets_of("LR-24488"), ["TelexFree, Inc."]);

    let both = text.replace(
        "target_list = true",
        "target_list = true\ntarget_separator = \";\"",
    );
    let error = Job::parse(&path, both).unwrap_err().to_string();
    assert!(error.contains("target_list"), "{error}");
}

/// A text whose action names neither who took it nor whom it was taken against is a reject that
/// says so, with the action and its sentence; a text with no action at all is a reject that says
/// that instead.
#[test]
fn a_text_reject_names_the_action_it_could_not_attribute() {
    let dir = tempfile::tempdir().unwrap();
    let source = fixtures().join("adapters/unattributed.csv");
    let job = format!(
        r#"
[job]
name = "unattributed"

[sources.summaries]
kind = "csv"
path = "{source}"
[sources.summaries.fields]
text = "summary"
ref = "id"

[exports.events]
kind = "jsonl"
path = "{out}/events.jsonl"
"#,
        source = source.display(),
        out = dir.path().display(),
    );
    let summary = run_in(dir.path(), &job).unwrap();
    assert_eq!(summary.sources[0].read, 2, "{summary}");
    assert_eq!(summary.sources[0].rejected, 2, "{summary}");
    let rejects = read_jsonl(&dir.path().join("rejects.jsonl"));
    assert_eq!(rejects.len(), 2);
    assert_eq!(rejects[0]["record"], 1);
    assert_eq!(
        rejects[0]["reason"],
        "an enforcement action (fine) was found, but neither who took it nor whom it was taken \
         against could be identified: \"Fine for failure to comply with an order of the Polish \
         DPA (UODO).\""
    );
    assert_eq!(rejects[1]["record"], 2);
    assert_eq!(
        rejects[1]["reason"],
        "no enforcement action found in the text"
    );
}

/// A structured record whose text reports its action without naming anyone still gets its
/// quote: the SEC feed's release "Indictment Issued Against Investment Adviser Named in SEC
/// Action" (LR-24574) and "Pastor Indicted for Scheme to Defraud Investors" (LR-24168) quote
/// their sentences, at their exact place in the file.
#[test]
fn a_record_quotes_the_sentence_of_its_action_that_names_nobody() {
    let dir = tempfile::tempdir().unwrap();
    let (path, text) = fixture_job("sec-rss", "../../out/sec", dir.path());
    let summary = run_job_text(&path, text);
    assert!(summary.balanced(), "{summary}");
    let events = read_jsonl(&dir.path().join("events.jsonl"));
    let file =
        std::fs::read(fixtures().join("data/sec/sec_litigation_rss_2019-10-04.xml")).unwrap();
    for (reference, quote) in [
        (
            "LR-24574",
            "Indictment Issued Against Investment Adviser Named in SEC Action",
        ),
        (
            "LR-24168",
            "Pastor Indicted for Scheme to Defraud Investors",
        ),
    ] {
        let event = events
            .iter()
            .find(|e| e["ref"] == reference)
            .unwrap_or_else(|| panic!("no event {reference}"));
        let source = &event["sources"][0];
        assert_eq!(source["quote"], quote, "{event}");
        let span = source["span"].as_array().unwrap();
        let (start, end) = (
            span[0].as_u64().unwrap() as usize,
            span[1].as_u64().unwrap() as usize,
        );
        assert_eq!(&file[start..end], quote.as_bytes(), "{event}");
    }
}
