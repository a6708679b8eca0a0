//! Bytes as a JSON Lines file, as a JSON array file, and as a JSON file with the records at a
//! pointer, through the adapter and the normalizer; the summary is also the text, placed in the
//! file.
#![no_main]

use docket_fuzz::{run_source, Options};
use docket_source_json::{JsonFactory, JsonlFactory};
use libfuzzer_sys::fuzz_target;

const FIELDS: &str = r#"
[fields]
actor = "/actor"
target = "/target"
date = "/date"
amount = "/amount"
currency = "/currency"
summary = "/summary"
ref = "/n/ref"
text = "/summary"
"#;

fuzz_target!(|data: &[u8]| {
    let (options, bytes) = Options::split(data);
    match options.variant {
        0 | 1 => run_source(
            &JsonlFactory,
            "jsonl",
            &format!("path = \"FILE\"\n{FIELDS}"),
            bytes,
            options,
        ),
        2 => run_source(
            &JsonFactory,
            "json",
            &format!("path = \"FILE\"\n{FIELDS}"),
            bytes,
            options,
        ),
        _ => run_source(
            &JsonFactory,
            "json",
            &format!("path = \"FILE\"\nrecords = \"/data/0/items\"\n{FIELDS}"),
            bytes,
            options,
        ),
    }
});
