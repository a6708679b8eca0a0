//! The Chinese stage: the two notices in `fixtures/text/zh` through the extractor (built-in
//! catalogue) and the normalizer, and robustness of mixed-script input.

use std::path::PathBuf;
use std::str::FromStr;
use std::sync::Arc;

use docket_core::{ActionKind, AmountRole, Decimal, Event, RawEvent, RecordOrigin, TextBody};
use docket_extract::Extractor;
use docket_normalize::{Normalizer, Resolver, SourceHints};
use proptest::prelude::*;

fn resolver() -> Arc<Resolver> {
    Arc::new(Resolver::with_built_in(None).unwrap())
}

fn fixture(name: &str) -> (TextBody, Vec<u8>) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/text/zh")
        .join(name);
    let bytes = std::fs::read(&path).unwrap();
    let doc = docket_source_text::parse_document(&bytes).unwrap();
    (doc.body(), bytes)
}

/// Extracts and normalizes a fixture, checking every span against the file's bytes.
fn events(name: &str) -> Vec<Event> {
    let resolver = resolver();
    let extractor = Extractor::new(resolver.clone()).unwrap();
    let normalizer = Normalizer::new(resolver);
    let (body, bytes) = fixture(name);
    let out = extractor.extract(&body, &RawEvent::default(), None);
    assert!(!out.events.is_empty(), "{name}: no events");
    let origin = RecordOrigin {
        source: "zh".into(),
        uri: name.into(),
        record: 1,
    };
    out.events
        .iter()
        .map(|raw| {
            let [s, e] = raw.span.unwrap();
            let quote = std::str::from_utf8(&bytes[s as usize..e as usize]).unwrap();
            assert_eq!(Some(quote), raw.quote.as_deref(), "span and quote disagree");
            normalizer
                .normalize(raw, &origin, &SourceHints::default())
                .unwrap_or_else(|e| panic!("{name}: {e}\n{raw:#?}"))
        })
        .collect()
}

fn ids(event: &Event) -> Vec<&str> {
    event.targets.iter().map(|t| t.id.as_str()).collect()
}

#[test]
fn samr_penalty_decision_against_alibaba() {
    let events = events("samr-alibaba-penalty-decision.txt");
    let fines: Vec<&Event> = events
        .iter()
        .filter(|e| e.action == ActionKind::Fine)
        .collect();
    assert_eq!(fines.len(), 1, "one fine per (action, target): {events:#?}");
    let fine = fines[0];
    assert_eq!(fine.actor.as_ref().map(|a| a.id.as_str()), Some("cn.samr"));
    assert_eq!(ids(fine), ["alibaba"]);
    let date = fine
        .date
        .as_ref()
        .and_then(|d| d.value)
        .map(|d| d.to_string());
    assert_eq!(date.as_deref(), Some("2021-04-10"));
    let amount = fine.amount.as_ref().expect("the penalty");
    assert_eq!(amount.value, Decimal::from_str("18228000000").unwrap());
    assert_eq!(amount.currency, "CNY");
    assert_eq!(amount.role, AmountRole::Penalty);
    assert_eq!(fine.reference.as_deref(), Some("国市监处〔2021〕28号"));

    // the opening of the investigation is its own event, dated in its sentence
    let probe = events
        .iter()
        .find(|e| e.action == ActionKind::Investigation)
        .expect("the investigation");
    assert_eq!(ids(probe), ["alibaba"]);
    let date = probe
        .date
        .as_ref()
        .and_then(|d| d.value)
        .map(|d| d.to_string());
    assert_eq!(date.as_deref(), Some("2020-12-24"));
}

#[test]
fn cac_summons_of_several_companies() {
    let events = events("cac-deepfake-summons.txt");
    let summons: Vec<&Event> = events
        .iter()
        .filter(|e| e.action == ActionKind::Summons)
        .collect();
    assert_eq!(summons.len(), 1, "{events:#?}");
    let e = summons[0];
    assert_eq!(e.actor.as_ref().map(|a| a.id.as_str()), Some("cn.cac"));
    let targets = ids(e);
    for id in ["alibaba", "tencent", "bytedance"] {
        assert!(targets.contains(&id), "{id} missing from {targets:?}");
    }
    let date = e.date.as_ref().and_then(|d| d.value).map(|d| d.to_string());
    assert_eq!(date.as_deref(), Some("2021-03-18"));
    // the conditional threats (暂停, 下架) name no target and give no event
    assert!(events.iter().all(|e| !e.targets.is_empty()), "{events:#?}");
}

#[test]
fn chinese_is_recognised_by_script_without_lang() {
    let extractor = Extractor::new(resolver()).unwrap();
    let body = TextBody {
        text: "2021年3月18日，国家互联网信息办公室依法约谈腾讯。".to_string(),
        ..TextBody::default()
    };
    let out = extractor.extract(&body, &RawEvent::default(), None);
    assert_eq!(out.events.len(), 1, "{out:#?}");
    assert_eq!(out.events[0].action.as_deref(), Some("summons"));
}

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("市场监管总局".to_string()),
        Just("阿里巴巴集团控股有限公司".to_string()),
        Just("罚款".to_string()),
        Just("约谈".to_string()),
        Just("计182.28亿元".to_string()),
        Just("2021年4月10日".to_string()),
        Just("有限公司".to_string()),
        Just("《行政处罚法》".to_string()),
        Just("。".to_string()),
        Just("；\n".to_string()),
        Just("fined Alibaba ".to_string()),
        Just("😀🚀".to_string()),
        "[a-z0-9 ]{0,6}",
        "\\PC{0,4}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    #[test]
    fn mixed_input_never_panics_and_spans_are_char_boundaries(
        pieces in proptest::collection::vec(piece(), 0..24),
        offset in 0u64..64,
    ) {
        static EXTRACTOR: std::sync::OnceLock<Extractor> = std::sync::OnceLock::new();
        let extractor = EXTRACTOR.get_or_init(|| Extractor::new(resolver()).unwrap());
        let text = pieces.concat();
        let body = TextBody {
            text: text.clone(),
            offset,
            lang: Some("zh".to_string()),
            ..TextBody::default()
        };
        for e in extractor.extract(&body, &RawEvent::default(), None).events {
            let [s, t] = e.span.unwrap();
            let (s, t) = ((s - offset) as usize, (t - offset) as usize);
            prop_assert!(s <= t && t <= text.len());
            prop_assert!(text.is_char_boundary(s) && text.is_char_boundary(t));
            prop_assert_eq!(Some(&text[s..t]), e.quote.as_deref());
        }
    }
}
