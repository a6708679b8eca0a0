//! The RSS/Atom adapter over the SEC litigation feed and small hand-written feeds.

use std::path::PathBuf;

use docket_core::RawBytes;
use docket_source::{Limits, SourceContext, SourceFactory, SourceItem};
use docket_source_rss::RssFactory;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures")
}

fn drain_with(config: &str, limits: Limits) -> Vec<SourceItem> {
    let table: toml::Table = toml::from_str(config).unwrap();
    let context = SourceContext::new("feed", fixtures(), limits);
    let mut source = RssFactory.build(table, &context).unwrap();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let mut items = Vec::new();
    while let Some(item) = runtime.block_on(source.next_item()).unwrap() {
        items.push(item);
    }
    assert_eq!(source.bytes_read(), source.bytes_total().unwrap());
    items
}

fn drain(config: &str) -> Vec<SourceItem> {
    drain_with(config, Limits::default())
}

fn record(item: &SourceItem) -> &docket_core::RawRecord {
    match item {
        SourceItem::Record(record) => record,
        SourceItem::Reject(reject) => panic!("rejected: {reject:?}"),
    }
}

fn reject(item: &SourceItem) -> &docket_core::Reject {
    match item {
        SourceItem::Reject(reject) => reject,
        SourceItem::Record(record) => panic!("not rejected: {record:?}"),
    }
}

const SEC: &str = "data/sec/sec_litigation_rss_2019-10-04.xml";

#[test]
fn every_sec_item_is_one_record_with_its_bytes_date_ref_and_text() {
    let file = std::fs::read(fixtures().join(SEC)).unwrap();
    let items = drain(&format!("path = {SEC:?}"));
    assert_eq!(items.len(), 477);
    let records: Vec<_> = items.iter().map(record).collect();
    assert_eq!(
        records.iter().map(|r| r.origin.record).collect::<Vec<_>>(),
        (1..=477).collect::<Vec<u64>>()
    );
    assert!(records
        .iter()
        .all(|r| &*r.origin.uri == SEC && &*r.origin.source == "feed"));

    let first = records[0];
    let raw = std::str::from_utf8(&first.raw).unwrap();
    assert!(
        raw.starts_with("<item>\r\n    <title>Christopher J. Spencer and John Busshaus</title>"),
        "{raw}"
    );
    assert!(raw.ends_with("</item>"));
    assert_eq!(first.fields.reference.as_deref(), Some("LR-24636"));
    assert_eq!(
        first.fields.url.as_deref(),
        Some("https://www.sec.gov/litigation/litreleases/2019/lr24636.htm")
    );
    let body = first.text.as_ref().unwrap();
    assert_eq!(
        body.published.as_deref(),
        Some("Fri, 04 Oct 2019 11:20:02 EDT")
    );
    assert_eq!(
        body.title.as_deref(),
        Some("Christopher J. Spencer and John Busshaus")
    );
    assert!(body
        .text
        .starts_with("Christopher J. Spencer and John Busshaus\n\n"));
    assert!(body.text.ends_with(
        "SEC Charges CEO and CFO of Digital Entertainment Company with Misleading Investors"
    ));

    let last = records[476];
    assert_eq!(last.fields.reference.as_deref(), Some("LR-24154"));
    assert_eq!(
        last.text.as_ref().unwrap().published.as_deref(),
        Some("Mon, 04 Jun 2018 09:06:04 EDT")
    );

    // every item has a pubDate; one has no guid: LR-24624, whose </item> comes only after two
    // more items (repeats of LR-24629 and LR-24628); it ends where the next <item> starts
    assert!(records
        .iter()
        .all(|r| r.text.as_ref().and_then(|t| t.published.as_ref()).is_some()));
    let unguided: Vec<_> = records
        .iter()
        .filter(|r| r.fields.reference.is_none())
        .collect();
    assert_eq!(unguided.len(), 1);
    let open = unguided[0];
    assert_eq!(
        open.fields.url.as_deref(),
        Some("https://www.sec.gov/litigation/litreleases/2019/lr24624.htm")
    );
    assert!(open
        .raw
        .ends_with(b"<lastBuildDate>Mon, 30 Sep 2019 14:18:41 EDT</lastBuildDate>"));
    assert_eq!(
        open.text.as_ref().unwrap().published.as_deref(),
        Some("Mon, 30 Sep 2019 00:00:01 GMT")
    );
    let after = records[open.origin.record as usize];
    assert_eq!(after.fields.reference.as_deref(), Some("LR-24629"));

    let mut exact = 0;
    let mut decoded = 0;
    for r in &records {
        // raw is the item's bytes, in the file
        let at = file
            .windows(r.raw.len())
            .position(|w| w == r.raw.as_slice())
            .unwrap();
        let body = r.text.as_ref().unwrap();
        assert!(body.offset >= at as u64 && body.offset < (at + r.raw.len()) as u64);
        // every character of the text is placed on the bytes it was decoded from: itself, or a
        // character reference
        for (index, c) in body.text.char_indices() {
            if c.is_whitespace() {
                continue;
            }
            let at = body.file_offset(index) as usize;
            let there = &file[at..];
            let mut utf8 = [0u8; 4];
            assert!(
                there.starts_with(c.encode_utf8(&mut utf8).as_bytes()) || there.starts_with(b"&"),
                "record {}: {c:?} at {index} placed on {:?}",
                r.origin.record,
                String::from_utf8_lossy(&there[..there.len().min(20)])
            );
        }
        if body.anchors.len() > 2 {
            decoded += 1;
        }
        // where the item has no character reference, title and description sit at their file offsets
        if !r.raw.contains(&b'&') {
            for line in body.text.split("\n\n") {
                let line = line.trim_start();
                let start = body.offset as usize + body.text.find(line).unwrap();
                assert_eq!(
                    &file[start..start + line.len()],
                    line.as_bytes(),
                    "record {}",
                    r.origin.record
                );
            }
            exact += 1;
        }
    }
    assert_eq!(exact, 470);
    // the items with references (title and description make two anchors; each reference one more)
    assert_eq!(
        decoded,
        records.len() - 470,
        "{decoded} items with references"
    );
}

#[test]
fn an_rss_channel_with_cdata_html_a_broken_item_and_an_empty_one() {
    let items = drain(
        "path = \"adapters/feed-rss.xml\"\n[fields]\ntarget = \"category\"\nsummary = \"title\"",
    );
    assert_eq!(items.len(), 4);
    let bank = record(&items[0]);
    assert_eq!(
        bank.fields.reference.as_deref(),
        Some("https://example.invalid/news/1")
    );
    let targets: Vec<_> = bank
        .fields
        .targets
        .iter()
        .map(|t| t.name.as_str())
        .collect();
    assert_eq!(targets, ["fines", "banks"]);
    assert_eq!(bank.fields.summary.as_deref(), Some("Example Bank fined"));

    let watchdog = record(&items[1]);
    let body = watchdog.text.as_ref().unwrap();
    assert_eq!(
        body.published.as_deref(),
        Some("2021-03-05"),
        "dc:date stands in for pubDate"
    );
    assert_eq!(body.title.as_deref(), Some("Watchdog & the bank"));
    assert!(
        body.text
            .contains("The watchdog opened an investigation into Example Ltd."),
        "{:?}",
        body.text
    );
    assert!(!body.text.contains('<'));
    // through the reference in the title and the CDATA and HTML of the description, words are
    // placed on their bytes in the file
    let file = std::fs::read(fixtures().join("adapters/feed-rss.xml")).unwrap();
    for word in ["the bank", "watchdog", "investigation into Example Ltd."] {
        let at = body.file_offset(body.text.find(word).unwrap()) as usize;
        assert!(file[at..].starts_with(word.as_bytes()), "{word:?}");
    }

    let broken = reject(&items[2]);
    assert_eq!(broken.record, 3);
    assert!(
        broken.reason.contains("cannot be read as RSS or Atom"),
        "{}",
        broken.reason
    );
    let RawBytes::Text(raw) = &broken.raw else {
        panic!()
    };
    assert!(
        raw.starts_with("<item>") && raw.ends_with("</item>"),
        "{raw}"
    );

    let empty = record(&items[3]);
    assert_eq!(empty.raw, b"<item/>");
    assert!(empty.text.is_none());
}

#[test]
fn atom_entries_use_summary_id_and_published() {
    let items = drain("path = \"adapters/feed-atom.xml\"\ntext = \"description\"");
    assert_eq!(items.len(), 2);
    let first = record(&items[0]);
    assert_eq!(first.fields.reference.as_deref(), Some("urn:example:1"));
    assert_eq!(
        first.fields.url.as_deref(),
        Some("https://example.invalid/atom/1")
    );
    let body = first.text.as_ref().unwrap();
    assert_eq!(body.published.as_deref(), Some("2021-03-06T08:30:00-05:00"));
    assert_eq!(
        body.text.trim(),
        "The authority fined Example Telecom €50,000."
    );
    let second = record(&items[1]);
    let body = second.text.as_ref().unwrap();
    assert_eq!(body.published, None);
    assert_eq!(body.text, "A warning was issued.");
}

#[test]
fn a_feed_cut_short_rejects_the_item_it_stops_in() {
    let items = drain("path = \"adapters/feed-truncated.xml\"");
    assert_eq!(items.len(), 2);
    let first = &record(&items[0]).text.as_ref().unwrap().text;
    assert!(
        first.starts_with("First\n\n") && first.ends_with(" Complete."),
        "{first:?}"
    );
    let cut = reject(&items[1]);
    assert_eq!(cut.record, 2);
    assert!(
        cut.reason.contains("cut short") && cut.reason.contains("reading of this file stopped"),
        "{}",
        cut.reason
    );
    let RawBytes::Text(raw) = &cut.raw else {
        panic!()
    };
    assert!(raw.starts_with("<item><title>Second</title>"), "{raw}");
}

#[test]
fn a_glob_reads_files_in_order_and_numbers_records_per_file() {
    let items = drain("path = \"adapters/feed-*.xml\"");
    let origins: Vec<_> = items
        .iter()
        .map(|i| match i {
            SourceItem::Record(r) => (r.origin.uri.to_string(), r.origin.record),
            SourceItem::Reject(r) => (r.uri.clone(), r.record),
        })
        .collect();
    let expected = [
        ("adapters/feed-atom.xml", 1),
        ("adapters/feed-atom.xml", 2),
        ("adapters/feed-rss.xml", 1),
        ("adapters/feed-rss.xml", 2),
        ("adapters/feed-rss.xml", 3),
        ("adapters/feed-rss.xml", 4),
        ("adapters/feed-truncated.xml", 1),
        ("adapters/feed-truncated.xml", 2),
    ];
    assert_eq!(origins, expected.map(|(u, r)| (u.to_string(), r)));
}

#[test]
fn an_item_over_the_record_limit_is_rejected_with_its_first_bytes() {
    let limits = Limits {
        max_record_bytes: 64,
        ..Limits::default()
    };
    let items = drain_with("path = \"adapters/feed-rss.xml\"", limits);
    let big = reject(&items[0]);
    assert!(
        big.reason.contains("over the limit of 64"),
        "{}",
        big.reason
    );
    let RawBytes::Text(raw) = &big.raw else {
        panic!()
    };
    assert_eq!(raw.len(), 64);
    record(&items[3]);
}

#[test]
fn config_errors_name_the_problem() {
    let context = SourceContext::new("feed", fixtures(), Limits::default());
    let build = |config: &str| {
        RssFactory
            .build(toml::from_str(config).unwrap(), &context)
            .err()
            .unwrap()
            .to_string()
    };
    assert!(build("path = \"adapters/feed-rss.xml\"\nfeed = 1").contains("unknown field `feed`"));
    assert!(build("path = \"adapters/feed-rss.xml\"\ntext = \"body\"")
        .contains("unknown variant `body`"));
    assert!(
        build("path = \"adapters/feed-rss.xml\"\n[fields]\ntext = \"description\"")
            .contains("`text = ")
    );
    assert!(
        build("path = \"adapters/feed-rss.xml\"\n[fields]\ntarget = \"defendants\"")
            .contains("\"defendants\" is not an item element")
    );
    assert!(build("path = \"adapters/nope.xml\"").contains("nope.xml"));
    // a file that is not a feed stops the source with an error naming the root element
    let table: toml::Table = toml::from_str("path = \"adapters/nested.json\"").unwrap();
    let mut source = RssFactory.build(table, &context).unwrap();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let error = runtime
        .block_on(source.next_item())
        .err()
        .unwrap()
        .to_string();
    assert!(error.contains("nested.json"), "{error}");
}
