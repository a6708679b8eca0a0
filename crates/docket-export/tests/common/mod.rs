//! Helpers shared by the export tests.

#![allow(dead_code)]

use std::path::PathBuf;

use docket_core::Event;

/// `fixtures/export/events.jsonl`: 60 events (see the `SOURCE.md` beside it).
pub fn fixture_events() -> Vec<Event> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/export/events.jsonl");
    let text = std::fs::read_to_string(&path).unwrap();
    text.lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

/// Writes `events` through the sink of `config` (as the pipeline does).
pub fn write(config: &docket_export::ExportConfig, events: &[Event]) {
    let mut sink = docket_export::open_export(config, "export-test").unwrap();
    for event in events {
        sink.write_event(event).unwrap();
    }
    sink.finish().unwrap();
}

/// Whether `program` runs at all (`program --version` or similar exits 0).
pub fn runs(program: &str, args: &[&str]) -> bool {
    std::process::Command::new(program)
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}
