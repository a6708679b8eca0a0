//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::Arc;

use docket_core::{AmountRole, RawEvent, TextBody};
use docket_extract::{Extraction, Extractor};
use docket_normalize::Resolver;

pub fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures")
}

/// The small test catalogue in fixtures/extract/catalogue.toml.
pub fn dev_extractor() -> Extractor {
    let path = fixtures().join("extract/catalogue.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let catalogue =
        docket_normalize::parse_catalogue(&text, "fixtures/extract/catalogue.toml").unwrap();
    Extractor::new(Arc::new(Resolver::new(catalogue))).unwrap()
}

pub fn built_in_extractor() -> Extractor {
    Extractor::new(Arc::new(Resolver::with_built_in(None).unwrap())).unwrap()
}

pub fn extract(extractor: &Extractor, text: &str, published: Option<&str>) -> Extraction {
    extract_with_reference(extractor, text, published, None)
}

/// Like [`extract`], with the job's reference date (`YYYY-MM-DD`) as well.
pub fn extract_with_reference(
    extractor: &Extractor,
    text: &str,
    published: Option<&str>,
    reference: Option<&str>,
) -> Extraction {
    let body = TextBody {
        text: text.to_string(),
        offset: 0,
        published: published.map(str::to_string),
        lang: None,
        title: None,
        anchors: Vec::new(),
    };
    let reference = reference.map(|r| r.parse().unwrap());
    extractor.extract(&body, &RawEvent::default(), reference)
}

/// Asserts that none of `texts` gives an event.
pub fn assert_no_events(extractor: &Extractor, texts: &[&str], published: Option<&str>) {
    for text in texts {
        let out = extract(extractor, text, published);
        assert!(out.events.is_empty(), "{text}: {out:#?}");
    }
}

pub fn target_ids(event: &RawEvent) -> Vec<String> {
    event
        .targets
        .iter()
        .map(|t| {
            t.id_hint
                .clone()
                .unwrap_or_else(|| format!("name:{}", t.name))
        })
        .collect()
}

pub fn actor_id(event: &RawEvent) -> Option<String> {
    event.actor.as_ref().map(|a| {
        a.id_hint
            .clone()
            .unwrap_or_else(|| format!("name:{}", a.name))
    })
}

pub fn date(event: &RawEvent) -> Option<String> {
    event
        .date_resolved
        .as_ref()
        .and_then(|d| d.value)
        .map(|v| v.to_string())
}

/// The seed article: from fixtures/text/seed when the annotator has placed it, otherwise the
/// copy in fixtures/extract.
pub fn seed_document() -> (docket_core::TextBody, String) {
    let annotated = fixtures().join("text/seed/platform-crackdown-article.txt");
    let path = if annotated.exists() {
        annotated
    } else {
        fixtures().join("extract/seed.txt")
    };
    let bytes = std::fs::read(&path).unwrap();
    let doc = docket_source_text::parse_document(&bytes).unwrap();
    let mut body = doc.body();
    if body.published.is_none() {
        body.published = Some("2021-03-19".to_string());
    }
    (body, path.display().to_string())
}

pub fn find<'a>(events: &'a [RawEvent], action: &str, target: Option<&str>) -> &'a RawEvent {
    events
        .iter()
        .find(|e| {
            e.action.as_deref() == Some(action)
                && target.is_none_or(|t| target_ids(e).iter().any(|id| id == t))
        })
        .unwrap_or_else(|| panic!("no {action} event on {target:?} in {events:#?}"))
}

/// Checks the seed's events; `id` maps a role in the article to the catalogue's id for it.
pub fn check_seed(extractor: &Extractor, id: impl Fn(&str) -> String) {
    let (body, path) = seed_document();
    let out = extractor.extract(&body, &RawEvent::default(), None);
    let events = &out.events;
    let show = || format!("{path}: {events:#?}");

    let fine = find(events, "fine", Some(&id("baidu")));
    assert_eq!(actor_id(fine), Some(id("samr")), "{}", show());
    for company in ["baidu", "tencent", "didi"] {
        assert!(
            target_ids(fine).contains(&id(company)),
            "fine lacks {company}: {}",
            show()
        );
    }
    assert_eq!(fine.target_count, Some(12));
    assert_eq!(date(fine).as_deref(), Some("2021-03-19"));

    let summons = find(events, "summons", Some(&id("alibaba")));
    assert_eq!(actor_id(summons), Some(id("cac")));
    for company in ["alibaba", "tencent", "bytedance"] {
        assert!(
            target_ids(summons).contains(&id(company)),
            "summons lacks {company}: {}",
            show()
        );
    }
    assert_eq!(summons.target_count, Some(11));
    assert_eq!(date(summons).as_deref(), Some("2021-03-18"));

    let censure = find(events, "censure", None);
    assert_eq!(actor_id(censure), Some(id("cctv")));
    assert_eq!(censure.targets.len(), 1);
    let uc = &censure.targets[0];
    assert!(uc.name.to_lowercase().contains("uc"), "{uc:?}");
    let parent_known = uc
        .id_hint
        .as_deref()
        .and_then(|i| extractor.resolver().get(i))
        .and_then(|a| a.parent.clone());
    assert_eq!(uc.parent_hint.clone().or(parent_known), Some(id("alibaba")));
    assert_eq!(date(censure).as_deref(), Some("2021-03-15"));

    let removal = find(events, "removal", None);
    assert_eq!(
        target_ids(removal),
        target_ids(censure),
        "the app is UC Browser"
    );
    // who removed the app is not said: state TV's censure in the previous sentence does not
    // make it the actor
    assert_eq!(actor_id(removal), None, "{}", show());

    // the one who apologises is UC, not state TV
    let apology = find(events, "apology", None);
    assert_eq!(target_ids(apology), target_ids(censure), "{}", show());
    assert_eq!(actor_id(apology), target_ids(censure).first().cloned());

    let investigation = find(events, "investigation", Some(&id("alibaba")));
    assert_eq!(investigation.targets.len(), 1);
    // no authority is named in its sentence (the summons by the CAC is another event)
    assert_eq!(actor_id(investigation), None, "{}", show());

    let suspensions: Vec<&RawEvent> = events
        .iter()
        .filter(|e| e.action.as_deref() == Some("suspension"))
        .collect();
    assert_eq!(suspensions.len(), 1, "two mentions, one event: {}", show());
    let suspension = suspensions[0];
    assert_eq!(target_ids(suspension), vec![id("ant")]);
    assert!(matches!(
        date(suspension).as_deref(),
        Some("2020" | "2020-11")
    ));
    assert_eq!(suspension.amount.as_deref(), Some("$ 37 billion"));
    assert_eq!(suspension.amount_role, Some(AmountRole::Value));

    let ban = find(events, "ban", Some(&id("clubhouse")));
    assert_eq!(actor_id(ban), Some(id("cac")));
    assert_eq!(date(ban).as_deref(), Some("2021-02"));

    let warning = find(events, "warning", None);
    assert_eq!(actor_id(warning), Some(id("xi")));
    assert_eq!(date(warning).as_deref(), Some("2021-03-15"));

    // nothing from the analysts' quotes, the Taobao sentence or "did not respond"
    for event in events {
        let quote = event.quote.as_deref().unwrap_or("");
        assert!(
            !quote.contains("long battle")
                && !quote.contains("millions of merchants")
                && !quote.contains("Taobao"),
            "{event:#?}"
        );
        let span = event.span.unwrap();
        assert_eq!(
            body.text
                .get((span[0] - body.offset) as usize..(span[1] - body.offset) as usize),
            Some(quote)
        );
    }
    // actions on parties named only by an industry or a plural noun: the two the article has,
    // with neither actor nor target
    let unnamed: Vec<_> = events
        .iter()
        .filter(|e| e.flags.iter().any(|f| f == "unnamed_target"))
        .collect();
    for event in &unnamed {
        let quote = event.quote.as_deref().unwrap_or("");
        assert!(
            event.actor.is_none()
                && event.targets.is_empty()
                && (quote.contains("came under scrutiny") || quote.contains("series of fines")),
            "{event:#?}"
        );
    }
    assert!(unnamed.len() <= 2, "{}", show());
    assert!(events.len() - unnamed.len() <= 11, "{}", show());
}

/// Extracts `text` (no publication date) and asserts that it gives an event of `action` whose
/// actor and targets, as [`actor_id`] and [`target_ids`] write them, are `actor` and `targets`.
/// Returns the extraction for further checks.
pub fn assert_event(
    extractor: &Extractor,
    text: &str,
    action: &str,
    actor: Option<&str>,
    targets: &[&str],
) -> Extraction {
    let out = assert_actor(extractor, text, action, actor);
    let event = find(&out.events, action, None);
    assert_eq!(target_ids(event), targets, "{text}: {out:#?}");
    out
}

/// Extracts `text` (no publication date) and asserts that it gives an event of `action` whose
/// actor, as [`actor_id`] writes it, is `actor`. Returns the extraction for further checks.
pub fn assert_actor(
    extractor: &Extractor,
    text: &str,
    action: &str,
    actor: Option<&str>,
) -> Extraction {
    let out = extract(extractor, text, None);
    let event = find(&out.events, action, None);
    assert_eq!(actor_id(event).as_deref(), actor, "{text}: {out:#?}");
    out
}
