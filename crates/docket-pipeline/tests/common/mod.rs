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
