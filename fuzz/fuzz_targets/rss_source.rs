//! Bytes as an RSS or Atom feed (as they come, or inside a ready-made channel), through the
//! adapter and the normalizer; each item's text is placed in the file.
#![no_main]

use docket_fuzz::{run_source, Options};
use docket_source_rss::RssFactory;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (options, bytes) = Options::split(data);
    let config = match options.variant {
        0 => "path = \"FILE\"",
        1 => "path = \"FILE\"\ntext = \"description\"",
        2 => "path = \"FILE\"\n[fields]\ntarget = \"title\"\ndate = \"pubDate\"",
        _ => "path = \"FILE\"\ntext = \"title\"",
    };
    if options.flag {
        // inside a channel, so that the fuzzer reaches items quickly
        let mut feed = b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><item>".to_vec();
        feed.extend_from_slice(bytes);
        feed.extend_from_slice(b"</item></channel></rss>");
        run_source(&RssFactory, "xml", config, &feed, options);
    } else {
        run_source(&RssFactory, "xml", config, bytes, options);
    }
});
