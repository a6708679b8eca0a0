//! Helpers shared by the pipeline's integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use docket_pipeline::{default_registry, run_job_blocking, Job, RunOptions, RunSummary};

/// The repository's `fixtures/` folder.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures")
}

/// Writes `job_text` as `job.toml` into `dir` and runs it.
pub fn run_in(dir: &Path, job_text: &str) -> Result<RunSummary, docket_pipeline::PipelineError> {
    let path = dir.join("job.toml");
    std::fs::write(&path, job_text).expect("write job");
    let job = Job::load(&path)?;
    run_job_blocking(&job, &default_registry(), &RunOptions::default())
}

/// Reads a JSONL file into values.
pub fn read_jsonl(path: &Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(path)
        .expect("read jsonl")
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect()
}

/// The first event with a target for which `wanted` holds (panics, listing the events, when
/// there is none).
pub fn event_with_target(
    events: &[serde_json::Value],
    wanted: impl Fn(&serde_json::Value) -> bool,
) -> &serde_json::Value {
    events
        .iter()
        .find(|e| {
            e["targets"]
                .as_array()
                .is_some_and(|targets| targets.iter().any(&wanted))
        })
        .unwrap_or_else(|| panic!("no event with the wanted target: {events:#?}"))
}

/// The text of the fixture job `fixtures/jobs/{name}.toml`, with its outputs, written under
/// `out` ("../../out/sec"), moved into `dir`; and the job file's path, for relative inputs.
pub fn fixture_job(name: &str, out: &str, dir: &Path) -> (PathBuf, String) {
    let path = fixtures().join("jobs").join(format!("{name}.toml"));
    let text = std::fs::read_to_string(&path)
        .expect("read fixture job")
        .replace(out, &dir.display().to_string());
    (path, text)
}

/// Parses a job's text as the file at `path` and runs it.
pub fn run_job_text(path: &Path, text: String) -> RunSummary {
    let job = Job::parse(path, text).expect("parse job");
    run_job_blocking(&job, &default_registry(), &RunOptions::default()).expect("run job")
}
