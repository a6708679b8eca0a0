//! The date parser: never panics, and a date it returns is printed in a form it reads back as the
//! same date.
#![no_main]

use docket_fuzz::Options;
use docket_normalize::date::{parse_date, DateHints};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (options, bytes) = Options::split(data);
    let text = String::from_utf8_lossy(bytes);
    let mut hints = options.hints().date;
    let mut text = text.as_ref();
    if options.variant == 3 {
        // the first line is a strftime format
        if let Some((format, rest)) = text.split_once('\n') {
            hints = DateHints::from_job_value(format);
            text = rest;
        }
    }
    if let Ok(Some(date)) = parse_date(text, &hints) {
        let printed = date.to_string();
        let again = parse_date(&printed, &DateHints::default());
        assert_eq!(
            again,
            Ok(Some(date)),
            "{text:?} -> {printed:?} does not read back"
        );
        assert_eq!(printed.parse::<docket_core::PartialDate>().ok(), Some(date));
    }
});
