//! The extractor never panics, and every span it reports is a valid slice of the text.

mod common;

use common::*;
use docket_core::{RawEvent, TextBody};
use proptest::prelude::*;

const FRAGMENTS: &[&str] = &[
    "The Chinese market regulator on Friday fined 12 companies, including Baidu Inc, Tencent and Didi Chuxing. ",
    "Alibaba’s UC browser was shamed during state TV’s show. ",
    "UC apologized, but the app disappeared from app stores. ",
    "a fine of 40.000 PLN (9400 EUR) was imposed on Netia SA. ",
    "$1.5m (£799,000) ",
    "the suspension of the $ 37 billion Ant Group IPO last year. ",
    "市场监管总局依法对阿里巴巴集团处以182.28亿元罚款。",
    "腾讯 fined ",
    "🚀🔥 fined 😀 Tencent ",
    "مرحبا بالعالم fined ",
    "שלום fined Baidu ",
    "\u{202E}RTL override\u{202C} ",
    "\u{0000}\u{0007}\u{001B}[31m ",
    "\r\n\r\n",
    "\n\n",
    "Mr. U.S. Inc. Dec. No. ",
    "“quoted.” ",
    "’s ",
    "on Monday ",
    "in November 2004 ",
    "e\u{301}\u{301}\u{301} ",
    "…",
    "。",
    ". ",
];

fn text_strategy() -> impl Strategy<Value = String> {
    let fragment = prop_oneof![
        3 => proptest::sample::select(FRAGMENTS).prop_map(str::to_string),
        1 => any::<String>(),
        1 => "[a-zA-Z .,’'$€£()\\-]{0,40}",
    ];
    proptest::collection::vec(fragment, 0..24).prop_map(|parts| parts.concat())
}

fn check(
    extractor: &docket_extract::Extractor,
    text: String,
    offset: u64,
    published: Option<String>,
    lang: Option<String>,
) {
    let body = TextBody {
        text,
        offset,
        published,
        lang,
        title: None,
        anchors: Vec::new(),
    };
    let out = extractor.extract(&body, &RawEvent::default(), None);
    for event in &out.events {
        let [start, end] = event.span.expect("a span");
        assert!(start >= offset && end >= start, "{event:?}");
        let (s, e) = ((start - offset) as usize, (end - offset) as usize);
        assert!(e <= body.text.len(), "{event:?}");
        assert!(body.text.is_char_boundary(s) && body.text.is_char_boundary(e));
        assert_eq!(event.quote.as_deref(), Some(&body.text[s..e]));
        let confidence = event.confidence.unwrap_or(0.0);
        assert!((0.0..=1.0).contains(&confidence));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_and_spans_are_slices(
        text in text_strategy(),
        offset in prop_oneof![Just(0u64), 0u64..10_000, Just(u64::MAX / 2)],
        published in proptest::option::of(prop_oneof![Just("2021-03-19".to_string()), Just("2021-02-29".to_string()), "[0-9a-z -]{0,12}", any::<String>()]),
        lang in proptest::option::of(prop_oneof![Just("zh".to_string()), Just("en".to_string()), any::<String>()]),
    ) {
        let extractor = dev_extractor();
        check(&extractor, text, offset, published, lang);
    }
}

#[test]
fn pathological_inputs() {
    let extractor = dev_extractor();
    let cases = [
        String::new(),
        " ".repeat(10_000),
        ".".repeat(10_000),
        "fined ".repeat(5_000),
        "Tencent ".repeat(5_000),
        "’s".repeat(5_000),
        "$".repeat(5_000),
        "A".repeat(100_000),
        "\u{FFFD}".repeat(1_000),
        "a\u{0}b\u{0}fined\u{0}Tencent".to_string(),
    ];
    for text in cases {
        check(&extractor, text, 7, Some("2021-03-19".into()), None);
    }
}

#[test]
fn a_ten_megabyte_single_line_is_handled() {
    // linear work is checked in the segmenter's unit test by counting steps; here the whole
    // pipeline must simply finish and keep every sentence bounded
    let unit = "The market regulator fined Tencent $1m on Friday, and analysts said nothing new about it; ";
    let text = unit.repeat(10 * 1024 * 1024 / unit.len());
    let extractor = dev_extractor();
    let body = TextBody {
        text,
        offset: 0,
        published: Some("2021-03-19".into()),
        lang: None,
        title: None,
        anchors: Vec::new(),
    };
    let out = extractor.extract(&body, &RawEvent::default(), None);
    assert!(out.sentences > 1000);
    // one real-world fine, repeated: merged into one event
    assert_eq!(out.events.len(), 1, "{:?}", out.events.first());
    for event in &out.events {
        let [s, e] = event.span.unwrap();
        assert!(e - s <= docket_extract::sentence::MAX_SENTENCE_BYTES as u64 + 4);
    }
}
