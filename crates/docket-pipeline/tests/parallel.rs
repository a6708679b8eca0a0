//! The parallel path (several normalizer threads) writes the same bytes as the single-threaded
//! path: order is kept, ids and merges do not depend on scheduling.

mod common;

use common::fixtures;
use docket_pipeline::{default_registry, run_job_blocking, Job, RunOptions};

fn job_text(out: &std::path::Path) -> String {
    let fixtures = fixtures();
    format!(
        r#"
[job]
name = "parallel"

[sources.a_seed]
kind = "text"
path = "{seed}"

[sources.csv]
kind = "csv"
path = "{gdpr}/gdpr_fines_enforcementtracker_raw.csv"
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
path = "{gdpr}/gdpr_fines_enforcementtracker_raw.json"
[sources.json.fields]
actor = "/Authority"
target = "/Controller~1Processor"
date = "/Date of Decision"
amount = "/Fine [€]"
ref = "/ETid"
[sources.json.constants]
action = "fine"
currency = "EUR"

[sources.news]
kind = "text"
path = "{bbc}/*.txt"

[exports.events]
kind = "jsonl"
path = "{out}/events.jsonl"
[exports.table]
kind = "csv"
path = "{out}/events.csv"
"#,
        seed = fixtures
            .join("text/seed/platform-crackdown-article.txt")
            .display(),
        gdpr = fixtures.join("data/gdpr").display(),
        bbc = fixtures.join("text/bbc").display(),
        out = out.display()
    )
}

#[test]
fn one_thread_and_four_threads_write_the_same_bytes() {
    let mut outputs = Vec::new();
    for threads in [1, 4] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("job.toml");
        std::fs::write(&path, job_text(dir.path())).unwrap();
        let job = Job::load(&path).unwrap();
        let options = RunOptions {
            threads: Some(threads),
            ..RunOptions::default()
        };
        let summary = run_job_blocking(&job, &default_registry(), &options).unwrap();
        assert!(summary.balanced(), "{summary}");
        // more than one batch per source, so that workers really interleave
        assert!(summary.sources.iter().any(|s| s.read > 600), "{summary}");
        let read = |name: &str| std::fs::read(dir.path().join(name)).unwrap();
        outputs.push((
            read("events.jsonl"),
            read("events.csv"),
            read("rejects.jsonl"),
        ));
    }
    assert!(!outputs[0].0.is_empty());
    // several of the write phase's batches (256 KB of stored JSON each), so that with threads
    // the read-back and the sinks really run a few batches apart
    assert!(outputs[0].0.len() > 1 << 20, "{} bytes", outputs[0].0.len());
    assert!(
        outputs[0] == outputs[1],
        "the parallel path changed the output"
    );
}
