//! Bytes as a CSV file (with or without a ready-made header row), through the adapter and the
//! normalizer; the summary column is also the text, placed in the file.
#![no_main]

use docket_fuzz::{run_source, Options};
use docket_source_csv::CsvFactory;
use libfuzzer_sys::fuzz_target;

const FIELDS: &str = r#"
[fields]
actor = "actor"
target = "target"
date = "date"
amount = "amount"
summary = "summary"
text = "summary"
"#;

fuzz_target!(|data: &[u8]| {
    let (options, bytes) = Options::split(data);
    let delimiter = if options.variant & 2 == 0 { "," } else { ";" };
    let config = format!("path = \"FILE\"\ndelimiter = \"{delimiter}\"\n{FIELDS}");
    if options.variant & 1 == 0 {
        let mut with_header =
            format!("actor{d}target{d}date{d}amount{d}summary\n", d = delimiter).into_bytes();
        with_header.extend_from_slice(bytes);
        run_source(&CsvFactory, "csv", &config, &with_header, options);
    } else {
        run_source(&CsvFactory, "csv", &config, bytes, options);
    }
});
