//! Every `docket` command, run as a user would run it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn docket(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_docket"))
        .args(args)
        .env_remove("RUST_LOG")
        .output()
        .expect("run docket")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures")
}

/// A job over the small adapter fixture, writing into `dir`.
fn write_job(dir: &Path) -> PathBuf {
    let job = format!(
        r#"[job]
name = "cli-test"

[sources.fines]
kind = "csv"
path = "{source}"
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
path = "out/events.jsonl"
[exports.store]
kind = "sqlite"
path = "out/docket.sqlite"
"#,
        source = fixtures().join("adapters/fines.csv").display()
    );
    let path = dir.join("job.toml");
    std::fs::write(&path, job).unwrap();
    path
}

#[test]
fn ingest_prints_a_balanced_summary_and_writes_outputs() {
    let dir = tempfile::tempdir().unwrap();
    let job = write_job(dir.path());
    let out = docket(&["ingest", job.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("job cli-test: 3 events, 2 rejected records"),
        "{stdout}"
    );
    assert!(
        stdout.contains("read = emitted + merged + rejected"),
        "{stdout}"
    );
    // no progress bar when stderr is not a terminal
    assert!(text(&out.stderr).is_empty(), "{}", text(&out.stderr));
    assert!(dir.path().join("out/events.jsonl").exists());
    assert!(dir.path().join("out/rejects.jsonl").exists());
}

#[test]
fn verbose_logging_goes_to_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let job = write_job(dir.path());
    let out = docket(&["-v", "ingest", job.to_str().unwrap()]);
    assert!(out.status.success());
    assert!(
        text(&out.stderr).contains("reading source"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn strict_mode_fails_on_the_first_reject() {
    let dir = tempfile::tempdir().unwrap();
    let job = write_job(dir.path());
    let out = docket(&["ingest", "--strict", job.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("strict mode") && stderr.contains("fines.csv:3"),
        "{stderr}"
    );
}

#[test]
fn validate_checks_without_reading() {
    let dir = tempfile::tempdir().unwrap();
    let job = write_job(dir.path());
    let out = docket(&["validate", job.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("job cli-test is valid"));
    assert!(!dir.path().join("out").exists(), "validate wrote outputs");

    let broken = std::fs::read_to_string(&job)
        .unwrap()
        .replace("path = \"/", "path = \"/nonexistent/");
    std::fs::write(&job, broken).unwrap();
    let out = docket(&["validate", job.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("/nonexistent/"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn explain_shows_the_sources_of_an_event() {
    let dir = tempfile::tempdir().unwrap();
    let job = write_job(dir.path());
    assert!(docket(&["ingest", job.to_str().unwrap()]).status.success());
    let events = std::fs::read_to_string(dir.path().join("out/events.jsonl")).unwrap();
    let first: serde_json::Value = serde_json::from_str(events.lines().next().unwrap()).unwrap();
    let id = first["id"].as_str().unwrap();
    let db = dir.path().join("out/docket.sqlite");
    let out = docket(&["explain", &id[..12], "--db", db.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains(id), "{stdout}");
    assert!(stdout.contains("fines.csv record 1"), "{stdout}");
    assert!(stdout.contains("90000000 EUR"), "{stdout}");

    let out = docket(&["explain", "ev-nope", "--db", db.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn catalogue_commands() {
    let out = docket(&["catalogue", "lookup", "XFERA MÓVILES SA"]);
    assert!(out.status.success());
    let stdout = text(&out.stdout);
    assert!(stdout.contains("folded:    xfera moviles sa"), "{stdout}");
    assert!(stdout.contains("base name: xfera moviles"), "{stdout}");

    // a fuzzy match shows its similarity; a name the fuzzy match refused, its nearest actor
    let out = docket(&["catalogue", "lookup", "Googel Ireland"]);
    let stdout = text(&out.stdout);
    assert!(stdout.contains("method:    fuzzy"), "{stdout}");
    assert!(stdout.contains("actor:     google-ireland"), "{stdout}");
    assert!(stdout.contains("score:     0."), "{stdout}");
    let out = docket(&[
        "catalogue",
        "lookup",
        "Data Protection Authority of Saxonia",
    ]);
    let stdout = text(&out.stdout);
    assert!(stdout.contains("method:    unresolved"), "{stdout}");
    assert!(
        stdout.contains("near miss: de-sn.sdtb") && stdout.contains("refused: "),
        "{stdout}"
    );

    let dir = tempfile::tempdir().unwrap();
    let job = write_job(dir.path());
    assert!(docket(&["ingest", job.to_str().unwrap()]).status.success());
    let db = dir.path().join("out/docket.sqlite");
    let out = docket(&["catalogue", "unresolved", "--db", db.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("name = \"Xfera Móviles S.A.\""), "{stdout}");
    assert!(stdout.contains("id = \"xfera-moviles\""), "{stdout}");
}

#[test]
fn completions_for_bash() {
    let out = docket(&["completions", "bash"]);
    assert!(out.status.success());
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("_docket") && stdout.contains("ingest") && stdout.contains("explain"),
        "{stdout}"
    );
}

#[test]
fn eval_scores_the_extractor_against_the_gold_files() {
    let fixtures = fixtures();
    let out = docket(&["eval", fixtures.to_str().unwrap(), "--details"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    // a header, one row per gold file, one per collection, the overall row, then the details
    assert!(stdout.contains("sP") && stdout.contains("lF1"), "{stdout}");
    assert!(stdout.contains("platform-crackdown-article"), "{stdout}");
    assert!(stdout.contains("collection bbc"), "{stdout}");
    assert!(stdout.contains("overall"), "{stdout}");
    assert!(
        stdout.contains("## ") && stdout.contains("missed"),
        "{stdout}"
    );

    let missing = docket(&["eval", "/nonexistent/fixtures"]);
    assert!(!missing.status.success());
    assert!(
        text(&missing.stderr).contains("/nonexistent/fixtures"),
        "{}",
        text(&missing.stderr)
    );
}
