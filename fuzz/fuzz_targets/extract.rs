//! The text extractor: never panics, and every span it reports is a valid slice of the text.
#![no_main]

use std::sync::{Arc, OnceLock};

use docket_core::{RawEvent, TextBody};
use docket_extract::Extractor;
use docket_fuzz::Options;
use docket_normalize::Resolver;
use libfuzzer_sys::fuzz_target;

fn extractor() -> &'static Extractor {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    EXTRACTOR.get_or_init(|| {
        let resolver = Resolver::with_built_in(None).expect("the built-in catalogue loads");
        Extractor::new(Arc::new(resolver)).expect("the extractor builds")
    })
}

fuzz_target!(|data: &[u8]| {
    let (options, bytes) = Options::split(data);
    let text = String::from_utf8_lossy(bytes).into_owned();
    let body = TextBody {
        offset: if options.small_limit { 1000 } else { 0 },
        published: match options.variant {
            0 => None,
            1 => Some("2021-04-10".to_string()),
            2 => Some("Fri, 04 Oct 2019 11:20:02 EDT".to_string()),
            _ => Some("not a date".to_string()),
        },
        lang: options.currency.then(|| "zh".to_string()),
        title: None,
        text,
        anchors: Vec::new(),
    };
    let out = extractor().extract(&body, &RawEvent::default(), None);
    for event in &out.events {
        if let Some([start, end]) = event.span {
            assert!(start <= end, "span {start}..{end}");
            let (start, end) = ((start - body.offset) as usize, (end - body.offset) as usize);
            assert!(
                body.text.get(start..end).is_some(),
                "span {start}..{end} is not a slice of the text"
            );
            if let Some(quote) = &event.quote {
                assert_eq!(
                    &body.text[start..end],
                    quote,
                    "the quote is the span's text"
                );
            }
        }
    }
});
