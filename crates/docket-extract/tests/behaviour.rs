//! Behaviour of the extractor on short texts, against the small test catalogue in
//! `fixtures/extract/catalogue.toml` (so that these tests do not move with the built-in one).

mod common;

use common::*;
use docket_core::AmountRole;

#[test]
fn seed_article_with_the_test_catalogue() {
    let extractor = dev_extractor();
    check_seed(&extractor, |role| {
        match role {
            "samr" => "cn.samr",
            "cac" => "cn.cac",
            "cctv" => "cn.cctv",
            "xi" => "cn.xi-jinping",
            "ant" => "ant-group",
            other => other,
        }
        .to_string()
    });
}

#[test]
fn descriptors_resolve_with_jurisdiction_words_or_the_dominant_one() {
    let x = dev_extractor();
    let out = extract(
        &x,
        "The Spanish DPA fined Vodafone Espana S.A.U. EUR 30,000 for sending spam.",
        None,
    );
    assert_eq!(out.events.len(), 1, "{out:#?}");
    let e = &out.events[0];
    assert_eq!(actor_id(e).as_deref(), Some("es.aepd"));
    assert_eq!(e.amount.as_deref(), Some("EUR 30,000"));
    assert_eq!(e.amount_role, Some(AmountRole::Penalty));
    assert_eq!(e.targets[0].name, "Vodafone Espana S.A.U");

    let out = extract(
        &x,
        "The US Securities and Exchange Commission charged Acme Corp with fraud.",
        None,
    );
    assert_eq!(
        actor_id(&out.events[0]).as_deref(),
        Some("us.sec"),
        "{out:#?}"
    );
    assert_eq!(out.events[0].action.as_deref(), Some("charge"));

    let out = extract(&x, "Brussels fined Microsoft €497m in March 2004.", None);
    assert_eq!(
        actor_id(&out.events[0]).as_deref(),
        Some("eu.commission"),
        "{out:#?}"
    );
    assert_eq!(date(&out.events[0]).as_deref(), Some("2004-03"));

    // no jurisdiction word: the document's dominant jurisdiction decides
    let text = "Beijing has tightened its grip on Chinese tech firms.\n\nThe internet watchdog summoned ByteDance on Monday.";
    let out = extract(&x, text, Some("2021-03-19"));
    assert_eq!(
        actor_id(&out.events[0]).as_deref(),
        Some("cn.cac"),
        "{out:#?}"
    );
    assert_eq!(date(&out.events[0]).as_deref(), Some("2021-03-15"));
}

#[test]
fn passive_voice_and_nominalisations() {
    let x = dev_extractor();
    let out = extract(
        &x,
        "A fine of 40.000 PLN (9400 EUR) was imposed on Netia SA by the regulator.",
        None,
    );
    let e = &out.events[0];
    assert_eq!(e.action.as_deref(), Some("fine"), "{out:#?}");
    assert_eq!(e.targets[0].name, "Netia SA");
    assert_eq!(e.amount.as_deref(), Some("40.000 PLN (9400 EUR)"));

    let out = extract(&x, "The US agrochemical giant Monsanto has agreed to pay a $1.5m (£799,000) fine for bribing an Indonesian official.", None);
    assert_eq!(out.events.len(), 1, "{out:#?}");
    let e = &out.events[0];
    assert_eq!(e.targets[0].name, "Monsanto");
    assert_eq!(e.amount.as_deref(), Some("$1.5m (£799,000)"));
    assert_eq!(e.amount_role, Some(AmountRole::Penalty));

    let out = extract(
        &x,
        "Tencent was fined by the market regulator on March 3, 2021.",
        None,
    );
    let e = &out.events[0];
    assert_eq!(
        (actor_id(e).as_deref(), date(e).as_deref()),
        (Some("cn.samr"), Some("2021-03-03")),
        "{out:#?}"
    );
}

#[test]
fn negated_hypothetical_and_planned_actions_are_dropped() {
    let x = dev_extractor();
    for text in [
        "Tencent could face a fine of up to $1bn, the regulator said.",
        "The SEC may fine Acme Corp next year.",
        "The market regulator plans to fine Baidu.",
        "Baidu is expected to be fined by the regulator.",
        "The SEC did not fine Acme Corp.",
        "Acme Corp denied that it had been fined.",
        "The regulator will investigate Tencent.",
        "“We expect more fines,” said Li Chengdong, an analyst.",
        "Alibaba did not immediately respond to requests for comment.",
    ] {
        let out = extract(&x, text, Some("2021-03-19"));
        assert!(out.events.is_empty(), "{text}: {out:#?}");
    }
}

#[test]
fn companies_acting_are_not_enforcement() {
    let x = dev_extractor();
    for text in [
        "Boeing was sued by Lockheed Martin after its rival accused it of espionage.",
        "Taobao had blocked access to WeChat since 2013.",
    ] {
        let out = extract(&x, text, Some("2021-03-19"));
        assert!(out.events.is_empty(), "{text}: {out:#?}");
    }
}

#[test]
fn relative_dates_without_an_anchor_stay_unresolved() {
    let x = dev_extractor();
    let out = extract(&x, "The market regulator fined Tencent on Friday.", None);
    let d = out.events[0].date_resolved.as_ref().unwrap();
    assert_eq!((d.value, d.text.as_str()), (None, "on Friday"));
}

#[test]
fn one_action_mentioned_twice_is_one_event() {
    let x = dev_extractor();
    let text = "Tencent fined $1.5m\n\nThe market regulator fined Tencent $1.5m (£1m) on Friday. Analysts said the fine was small. Tencent said it would pay the $1.5m penalty.";
    let out = extract(&x, text, Some("2021-03-19"));
    let fines: Vec<_> = out
        .events
        .iter()
        .filter(|e| e.action.as_deref() == Some("fine"))
        .collect();
    assert_eq!(fines.len(), 1, "{out:#?}");
    assert_eq!(actor_id(fines[0]).as_deref(), Some("cn.samr"));
    assert_eq!(date(fines[0]).as_deref(), Some("2021-03-19"));
    assert_eq!(fines[0].quote.as_deref(), Some("Tencent fined $1.5m"));
}

#[test]
fn spans_are_file_offsets() {
    let x = dev_extractor();
    let body = docket_core::TextBody {
        text: "Headline\n\nThe market regulator fined Tencent.".to_string(),
        offset: 100,
        published: None,
        lang: None,
        title: None,
    };
    let out = x.extract(&body, &Default::default(), None);
    assert_eq!(out.sentences, 2);
    assert_eq!(out.events[0].span, Some([110, 145]));
}

#[test]
fn chinese_text_does_not_panic_and_yields_nothing_odd() {
    let x = dev_extractor();
    let body = docket_core::TextBody {
        text: "市场监管总局依法对阿里巴巴集团处以182.28亿元罚款。腾讯公司道歉！".to_string(),
        offset: 0,
        published: Some("2021年4月10日".to_string()),
        lang: Some("zh".to_string()),
        title: None,
    };
    let out = x.extract(&body, &Default::default(), None);
    assert_eq!(out.sentences, 2);
    assert!(out.events.is_empty(), "{out:#?}");
}
