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
    assert_no_events(
        &x,
        &[
            "Tencent could face a fine of up to $1bn, the regulator said.",
            "The SEC may fine Acme Corp next year.",
            "The market regulator plans to fine Baidu.",
            "Baidu is expected to be fined by the regulator.",
            "The SEC did not fine Acme Corp.",
            "Acme Corp denied that it had been fined.",
            "The regulator will investigate Tencent.",
            "“We expect more fines,” said Li Chengdong, an analyst.",
            "Alibaba did not immediately respond to requests for comment.",
            "Companies which break the rules are liable to heavy fines by the market regulator.",
            "Consumer groups are urging the market regulator to fine Baidu.",
            "Lawmakers are calling on the market regulator to investigate Tencent.",
        ],
        Some("2021-03-19"),
    );
}

#[test]
fn companies_acting_are_not_enforcement() {
    let x = dev_extractor();
    assert_no_events(
        &x,
        &[
            "Boeing was sued by Lockheed Martin after its rival accused it of espionage.",
            "Taobao had blocked access to WeChat since 2013.",
            // an authority in a phrase before the subject is not the one acting
            "In a filing to US regulators the airline warned of inadequate liquidity.",
        ],
        Some("2021-03-19"),
    );
    // a company named by a common noun, with no authority in the clause (the built-in
    // catalogue knows Netflix and Airbus)
    let built_in = built_in_extractor();
    assert_no_events(
        &built_in,
        &[
            "Recently, India's first low-cost airline ordered 30 Airbus A320 planes for $1.8bn.",
            "The company had charged a Netflix service that had not been solicited by the claimant.",
        ],
        Some("2005-01-10"),
    );
    // the authority as the subject still acts
    let out = extract(
        &x,
        "In a letter to the airline the US regulators warned of inadequate safety checks.",
        Some("2021-03-19"),
    );
    assert_eq!(out.events.len(), 1, "{out:#?}");
    assert_eq!(out.events[0].action.as_deref(), Some("warning"));
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
        anchors: Vec::new(),
    };
    let out = x.extract(&body, &Default::default(), None);
    assert_eq!(out.sentences, 2);
    assert_eq!(out.events[0].span, Some([110, 145]));
}

#[test]
fn chinese_text_goes_to_the_chinese_stage() {
    let x = dev_extractor();
    let body = docket_core::TextBody {
        text: "市场监管总局依法对阿里巴巴集团处以182.28亿元罚款。腾讯公司道歉！".to_string(),
        offset: 0,
        published: Some("2021年4月10日".to_string()),
        lang: Some("zh".to_string()),
        title: None,
        anchors: Vec::new(),
    };
    let out = x.extract(&body, &Default::default(), None);
    assert_eq!(out.sentences, 2);
    // read by the Chinese stage (docs/extractor.md); this catalogue has no native names, so the
    // company is an unknown organisation and the authority stays unknown
    assert_eq!(out.events.len(), 1, "{out:#?}");
    let e = &out.events[0];
    assert_eq!(e.action.as_deref(), Some("fine"));
    assert_eq!(e.amount.as_deref(), Some("182.28亿元"));
    assert_eq!(names(e), vec!["阿里巴巴集团"]);
}

fn names(event: &docket_core::RawEvent) -> Vec<String> {
    event.targets.iter().map(|t| t.name.clone()).collect()
}

#[test]
fn authorities_named_by_common_nouns_act() {
    let x = dev_extractor();
    let out = extract(
        &x,
        "Chinese police have detained the chairman of Acme Dairy Holdings Ltd.\n\nA New York court ruled that Anthony Elgindy fed information to traders.",
        None,
    );
    let other = find(&out.events, "other", None);
    assert_eq!(
        other.actor.as_ref().map(|a| a.name.as_str()),
        Some("Chinese police"),
        "{out:#?}"
    );
    let ruling = find(&out.events, "ruling", None);
    assert_eq!(
        ruling.actor.as_ref().map(|a| a.name.as_str()),
        Some("New York court")
    );
    assert_eq!(names(ruling), vec!["Anthony Elgindy"]);
}

/// People named by their role stand for their employer, whether "of", "at" or "from" joins
/// them; without a role noun, "at" is a place and names no target.
#[test]
fn the_employer_of_people_named_by_their_role_is_the_target() {
    let x = dev_extractor();
    for (text, employer) in [
        (
            "Chinese police have detained three top executives at milk firm Yili Industrial.",
            "Yili Industrial",
        ),
        (
            "Regulators fined two managers from Acme Bank Ltd.",
            "Acme Bank Ltd",
        ),
        (
            "Police arrested the chief executive of Borealis Energy on Monday.",
            "Borealis Energy",
        ),
    ] {
        let out = extract(&x, text, None);
        assert_eq!(out.events.len(), 1, "{text}: {out:#?}");
        assert_eq!(names(&out.events[0]), vec![employer], "{text}");
    }
    let out = extract(
        &x,
        "Police detained three protesters at Acme Bank Ltd on Monday.",
        None,
    );
    assert!(out.events.iter().all(|e| e.targets.is_empty()), "{out:#?}");
}

/// A descriptor names the authority the document's jurisdiction gives it (or the document's
/// latest that fits), unless a name in apposition says who is meant: "the media watchdog,
/// Reporters Without Borders", and "the chief executive, Mr. J. Smith", which "executive" (the
/// European Commission's descriptor) made the Commission, so that "the watchdog" after it was
/// the Commission rather than the SEC.
#[test]
fn a_name_in_apposition_says_who_a_descriptor_is() {
    let x = dev_extractor();
    let out = extract(
        &x,
        "China's internet regulator has tightened its grip on online news.\n\nChina has been accused of blocking access to Google News by the internet watchdog, Reporters Without Borders.",
        None,
    );
    assert!(
        out.events
            .iter()
            .all(|e| actor_id(e).as_deref() != Some("cn.cac")),
        "{out:#?}"
    );

    let x = built_in_extractor();
    let out = extract(
        &x,
        "The European Commission fined Acme Corp €10m for breaching competition rules. The European Commission also fined Delta Ltd €5m.\n\nThe SEC on Monday fined Borealis Inc $1m. The chief executive, Mr. J. Smith, said the company would appeal. The watchdog opened an investigation into Zephyr Corp last month.",
        Some("2021-03-25"),
    );
    let investigation = find(&out.events, "investigation", None);
    assert_eq!(
        actor_id(investigation).as_deref(),
        Some("us.sec"),
        "{out:#?}"
    );
}

/// A warning is enforcement when an authority gives it to someone: not a company's profits
/// warning, not a warning a company issues, not a comment whose speaker follows the verb.
#[test]
fn forecasts_and_comments_are_not_warnings() {
    let x = built_in_extractor();
    assert_no_events(
        &x,
        &[
            "In January, Acme Motors Corp issued its third profits warning in nine months.",
            "Acme Corp shares hit by profit warning",
            "Finnish security firm Acme Secure Oy issued a warning about the new strains of the virus.",
            "\"We cannot assume that the brain will not change,\" warns Baroness Greenfield.",
            "Online gaming could spell problems for net service firms, warns network monitoring company Sandvine.",
        ],
        Some("2005-01-10"),
    );
    // an authority's warnings stay
    for (text, actor) in [
        (
            "The US Federal Bureau of Investigation is warning that a computer virus is being spread via e-mails.",
            "us.fbi",
        ),
        (
            "The Securities and Exchange Commission warned Acme Corp that it faced charges.",
            "us.sec",
        ),
        (
            "The Securities and Exchange Commission issued a warning to Acme Corp over its accounts.",
            "us.sec",
        ),
        // the speaker after the verb, when it is an authority, gave the warning
        (
            "\"Investors must take care with crypto promoters,\" warned the SEC.",
            "us.sec",
        ),
        (
            "Investors must take care with crypto promoters, warns the Financial Conduct Authority.",
            "uk.fca",
        ),
    ] {
        let out = extract(&x, text, Some("2005-01-10"));
        let warning = find(&out.events, "warning", None);
        assert_eq!(actor_id(warning).as_deref(), Some(actor), "{text}: {out:#?}");
    }
}

/// Criticism or removal by people who hold no office is no enforcement; by an authority, or
/// a court, it is.
#[test]
fn people_without_office_do_not_enforce() {
    let x = built_in_extractor();
    assert_no_events(
        &x,
        &[
            "Acme Corp was criticised by privacy campaigners for collecting too much data.",
            "Shareholders have also launched lawsuits against Acme Corp, claiming it made false statements.",
            "The plan was widely criticised by some aid groups as being too little.",
            "Ms Jane Roe was removed by the very same person who had promoted her.",
            "It was widely criticised by net users and later dropped by Acme Corp.",
        ],
        Some("2005-01-10"),
    );
    let out = extract(
        &x,
        "Acme Corp was criticised by the Securities and Exchange Commission for its accounts.",
        Some("2005-01-10"),
    );
    let censure = find(&out.events, "censure", None);
    assert_eq!(actor_id(censure).as_deref(), Some("us.sec"), "{out:#?}");
}

/// A trigger word that only qualifies another word is no action: a participle after "of"
/// ("executives of shamed energy firm Enron"), a noun before the body or procedure it names
/// ("the WTO's dispute settlement panel", "during the settlement process").
#[test]
fn trigger_words_that_only_qualify_are_no_actions() {
    let x = built_in_extractor();
    assert_no_events(
        &x,
        &[
            "Prosecutors are preparing for former executives of shamed US energy firm Enron Corp.",
            "It could take several months for the WTO's dispute settlement panel to report its findings.",
            "ING Bank NV failed to protect an automated system during the settlement process of card payments.",
        ],
        Some("2005-01-10"),
    );
    // the same words as actions
    let out = extract(
        &x,
        "The Securities and Exchange Commission shamed Enron Corp and reached a settlement with Acme Corp.",
        Some("2005-01-10"),
    );
    assert!(
        out.events
            .iter()
            .any(|e| e.action.as_deref() == Some("settlement")),
        "{out:#?}"
    );
}

/// A data-protection authority fines public bodies too: a ministry or an office is the target
/// of a fine; and a short word in capitals ("XI", a district's numeral) is no name written
/// with an initial capital ("Xi", for Xi Jinping).
#[test]
fn public_bodies_are_fined_and_short_capitals_are_no_names() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "The Spanish DPA has imposed a fine of EUR 51,000 on the Ministry of Industry.",
        Some("2021-03-19"),
    );
    let fine = find(&out.events, "fine", None);
    assert_eq!(names(fine), vec!["Ministry of Industry"], "{out:#?}");

    let out = extract(
        &x,
        "The Hungarian DPA has fined the XI District Office of the Government of Budapest EUR 27,700.",
        Some("2021-03-19"),
    );
    let fine = find(&out.events, "fine", None);
    assert!(
        !target_ids(fine).iter().any(|id| id == "cn.xi-jinping"),
        "{out:#?}"
    );
    assert!(
        names(fine)
            .iter()
            .any(|n| n.starts_with("XI District Office")),
        "{out:#?}"
    );
}

/// A number inside a company's name belongs to it ("VfB Stuttgart 1893 AG", "Movimento 5
/// Stelle"); a number after a name does not ("12 times").
#[test]
fn a_number_inside_a_name_belongs_to_it() {
    let x = built_in_extractor();
    for (text, name) in [
        (
            "The Spanish DPA has imposed a fine of EUR 300,000 on the soccer club VfB Stuttgart 1893 AG.",
            "VfB Stuttgart 1893 AG",
        ),
        (
            "The Spanish DPA fined Club 1899 Hoffenheim GmbH EUR 5,000.",
            "Club 1899 Hoffenheim GmbH",
        ),
        ("The SEC fined Acme Corp 12 times in 1998.", "Acme Corp"),
    ] {
        let out = extract(&x, text, Some("2021-03-19"));
        let fine = find(&out.events, "fine", None);
        assert_eq!(names(fine), vec![name], "{text}: {out:#?}");
    }
}

/// A year between a capitalised word and a legal form is part of a company's name ("Avilon
/// Center 2016 S.L.", "Servicios Aby 2018, S.L."), not the date of the fine; a year after a
/// preposition still dates it.
#[test]
fn a_year_inside_a_company_name_is_no_date() {
    let x = built_in_extractor();
    for (text, name, date) in [
        (
            "The Spanish DPA (AEPD) imposed a fine of EUR 20,000 on Avilon Center 2016 S.L. The data subject had complained.",
            "Avilon Center 2016 S.L",
            None,
        ),
        (
            "The AEPD fined Servicios Aby 2018, S.L. EUR 2,000 in 2021.",
            "Servicios Aby 2018, S.L",
            Some("2021"),
        ),
        (
            "The AEPD fined Acme Iberia S.L. EUR 2,000 in 2019.",
            "Acme Iberia S.L",
            Some("2019"),
        ),
    ] {
        let out = extract(&x, text, Some("2021-03-19"));
        let fine = find(&out.events, "fine", None);
        assert_eq!(names(fine), vec![name], "{text}: {out:#?}");
        let value = fine
            .date_resolved
            .as_ref()
            .and_then(|d| d.value)
            .map(|v| v.to_string());
        assert_eq!(value.as_deref(), date, "{text}: {out:#?}");
    }
}

/// "a fine of A on X and a fine of B on Y": the second fine is the same authority's, not that
/// of X before "and"; and "by" after another noun ("a campaign by the ministry") names no agent
/// of the fine.
#[test]
fn a_second_fine_after_and_is_the_same_authoritys() {
    let x = built_in_extractor();
    let text = "The Icelandic Data Protection Authority has imposed a fine of EUR 51,000 on the Ministry of Industry and Innovation and a fine of EUR 27,200 on YAY ehf.\n\nThe fine is related to a campaign by the ministry to encourage Icelanders to travel domestically in the summer of 2020.";
    let out = extract(&x, text, Some("2021-11-23"));
    let fines: Vec<_> = out
        .events
        .iter()
        .filter(|e| e.action.as_deref() == Some("fine"))
        .collect();
    assert_eq!(fines.len(), 2, "{out:#?}");
    for fine in fines {
        assert_eq!(
            actor_id(fine).as_deref(),
            Some("is.personuvernd"),
            "{out:#?}"
        );
    }
}

/// The people of a place ("Icelanders", "Americans") are no company: "the company" after them
/// is still the company named before.
#[test]
fn the_people_of_a_place_are_no_company() {
    let x = built_in_extractor();
    let text = "The Icelandic DPA has imposed a fine of EUR 27,200 on YAY ehf.\n\nThe fine is related to a campaign to encourage Icelanders to travel domestically.\n\nAs a result, the DPA launched an investigation against the company.";
    let out = extract(&x, text, Some("2021-11-23"));
    let investigation = find(&out.events, "investigation", None);
    let targets = names(investigation);
    assert!(
        !targets.is_empty() && targets.iter().all(|n| n.starts_with("YAY")),
        "{out:#?}"
    );
}

/// An authority investigates a public body ("against the ministry": the latest authority whose
/// name has that head, "Ministry of Education"); "the investigations of the DPA" name the
/// investigator, not a target.
#[test]
fn an_authority_can_investigate_a_public_body() {
    let x = built_in_extractor();
    let text = "The Icelandic DPA has imposed a fine of EUR 5,000 on the Ministry of Education.\n\nAs a result, the DPA launched an investigation against the ministry.";
    let out = extract(&x, text, Some("2021-11-23"));
    let investigation = find(&out.events, "investigation", None);
    assert_eq!(
        names(investigation),
        vec!["Ministry of Education"],
        "{out:#?}"
    );
    let text = "The Lower Saxony DPA fined Acme GmbH EUR 5,000.\n\nThe investigations of the DPA further revealed that the passwords were not secured.";
    let out = extract(&x, text, Some("2021-11-23"));
    assert!(
        out.events
            .iter()
            .filter(|e| e.action.as_deref() == Some("investigation"))
            .all(|e| names(e).is_empty()),
        "{out:#?}"
    );
}

/// "The CSRC said it had launched an investigation into X": "it", an authority, opened the
/// investigation; "it", a company, did not.
#[test]
fn it_opened_the_investigation() {
    let x = built_in_extractor();
    for (text, actor) in [
        (
            "The CSRC said on Friday it had launched an investigation into Kangmei Pharmaceutical.",
            Some("cn.csrc"),
        ),
        (
            "The SEC said it has formally opened a probe into Acme Corp.",
            Some("us.sec"),
        ),
        ("Acme Corp said it faced an investigation.", None),
    ] {
        let out = extract(&x, text, Some("2021-07-10"));
        let investigation = find(&out.events, "investigation", None);
        assert_eq!(
            actor_id(investigation).as_deref(),
            actor,
            "{text}: {out:#?}"
        );
    }
}

/// "ordered X to pay" is one event, as "X was ordered to pay" is: a ruling when a court orders
/// the payment, a fine when a regulator does; the penalty noun after "to pay" is part of it.
#[test]
fn ordered_to_pay_with_the_payer_named_is_one_event() {
    let x = built_in_extractor();
    for (text, action, actor) in [
        (
            "A judge ordered Acme Corp to pay a civil penalty of $500,000.",
            "ruling",
            Some("name:judge"),
        ),
        (
            "The SEC ordered Acme Corp to pay a penalty of $1m.",
            "fine",
            Some("us.sec"),
        ),
    ] {
        let out = extract(&x, text, Some("2021-07-10"));
        assert_eq!(out.events.len(), 1, "{text}: {out:#?}");
        let event = find(&out.events, action, None);
        assert_eq!(target_ids(event), ["name:Acme Corp"], "{text}: {out:#?}");
        assert_eq!(actor_id(event).as_deref(), actor, "{text}: {out:#?}");
        assert!(event.amount.is_some(), "{text}: {out:#?}");
    }
}

/// The language of court judgments in SEC litigation releases: "obtained a final judgment
/// against X", "entered final judgments against X and Y", "a final judgment ordering X to pay".
#[test]
fn final_judgments_are_rulings() {
    let x = built_in_extractor();
    for (text, targets, amount) in [
        (
            "The SEC obtained a final judgment against Acme Corp.",
            vec!["name:Acme Corp"],
            false,
        ),
        (
            "On October 1, 2019, the Court entered final judgments against Acme Corp and John Doe.",
            vec!["name:Acme Corp", "name:John Doe"],
            false,
        ),
        (
            "The court entered a final judgment ordering Acme Corp to pay a civil penalty of $500,000.",
            vec!["name:Acme Corp"],
            true,
        ),
    ] {
        let out = extract(&x, text, Some("2021-07-10"));
        assert_eq!(out.events.len(), 1, "{text}: {out:#?}");
        let ruling = find(&out.events, "ruling", None);
        let mut ids = target_ids(ruling);
        ids.sort();
        assert_eq!(ids, targets, "{text}: {out:#?}");
        assert_eq!(ruling.amount.is_some(), amount, "{text}: {out:#?}");
    }
}

/// "announced settled charges against X": "settled" qualifies the charges, whose target is X;
/// "Acme Corp settled charges" is still Acme Corp settling.
#[test]
fn settled_charges_are_a_settlement_with_their_target() {
    let x = built_in_extractor();
    for text in [
        "The SEC announced settled charges against Acme Capital LLC.",
        "The SEC today filed settled charges against Acme Capital LLC for misleading investors.",
        "Acme Capital LLC settled charges brought by the SEC.",
    ] {
        let out = extract(&x, text, Some("2021-07-10"));
        let settlement = find(&out.events, "settlement", None);
        assert_eq!(
            target_ids(settlement),
            ["name:Acme Capital LLC"],
            "{text}: {out:#?}"
        );
        assert_eq!(
            actor_id(settlement).as_deref(),
            Some("us.sec"),
            "{text}: {out:#?}"
        );
    }
}

/// An investigation into whether X did something investigates X ("opened an investigation
/// into whether Microsoft breached", "to assess whether", "the DPC investigated whether
/// WhatsApp complied").
#[test]
fn an_investigation_into_whether_x_investigates_x() {
    let x = built_in_extractor();
    for (text, targets) in [
        (
            "The Commission has opened a formal investigation to assess whether Microsoft may have breached EU competition rules.",
            vec!["microsoft"],
        ),
        (
            "Regulators launched a probe into whether Acme Corp and Beta Ltd colluded.",
            vec!["name:Acme Corp", "name:Beta Ltd"],
        ),
        (
            "In this context, the Irish DPC investigated whether Acme Corp complied with its obligations under the GDPR.",
            vec!["name:Acme Corp"],
        ),
    ] {
        let out = extract(&x, text, Some("2021-07-10"));
        let investigation = find(&out.events, "investigation", None);
        assert_eq!(target_ids(investigation), targets, "{text}: {out:#?}");
    }
}

/// Objects that name their target indirectly: "suspended trading in the securities of X" is
/// X's suspension; "fined X ... and ordered it to delete" orders X; "warned it might" is no
/// object.
#[test]
fn traded_securities_and_it_as_an_object_name_the_company() {
    let x = built_in_extractor();
    for (text, action) in [
        (
            "The Securities and Exchange Commission (SEC) suspended trading in the securities of Acme Corp.",
            "suspension",
        ),
        (
            "The CNIL fined Acme Corp 20 million euros and ordered it to delete the data it holds on French residents.",
            "order",
        ),
    ] {
        let out = extract(&x, text, Some("2021-07-10"));
        let event = find(&out.events, action, None);
        assert_eq!(target_ids(event), ["name:Acme Corp"], "{text}: {out:#?}");
    }
    assert_no_events(
        &x,
        &["Acme Corp said sales rose, but warned it might have to restate its results."],
        Some("2021-07-10"),
    );
}

/// "X will pay $N to settle ..." is how regulators announce an agreed settlement; "X will
/// settle" and "X could pay $N to settle" are still plans.
#[test]
fn will_pay_to_settle_is_an_agreed_settlement() {
    let x = built_in_extractor();
    let text = "The Federal Trade Commission today announced that Acme Corp will pay $10 million to settle allegations that it violated the FTC Act.";
    let out = extract(&x, text, Some("2021-07-10"));
    let settlement = find(&out.events, "settlement", None);
    assert_eq!(target_ids(settlement), ["name:Acme Corp"], "{out:#?}");
    assert_eq!(actor_id(settlement).as_deref(), Some("us.ftc"), "{out:#?}");
    assert!(settlement.amount.is_some(), "{out:#?}");
    assert_no_events(
        &x,
        &[
            "Acme Corp will settle the case next year.",
            "Acme Corp could pay $10 million to settle the charges.",
        ],
        Some("2021-07-10"),
    );
}

/// The European Commission's charge sheet, and what a verb of giving hands to someone: "sent a
/// Statement of Objections to Apple", "sent Amazon a Statement of Objections", "issued a
/// warning to X", "sent X a warning letter".
#[test]
fn what_is_sent_to_someone_targets_them() {
    let x = built_in_extractor();
    for (text, action, target) in [
        (
            "The Commission has sent a Statement of Objections to Apple over its App Store rules.",
            "charge",
            "apple",
        ),
        (
            "The European Commission sent Amazon a Statement of Objections in 2020.",
            "charge",
            "amazon",
        ),
        (
            "The Securities and Exchange Commission issued a warning to Acme Corp over its accounts.",
            "warning",
            "name:Acme Corp",
        ),
        (
            "The FDA sent Acme Corp a warning letter.",
            "warning",
            "name:Acme Corp",
        ),
    ] {
        let out = extract(&x, text, Some("2021-07-10"));
        let event = find(&out.events, action, None);
        assert_eq!(target_ids(event), [target], "{text}: {out:#?}");
    }
}

/// Targets named away from the verb: the examples of a counted object at the end of the clause
/// ("fined 22 companies for failing to report deals, including Alibaba and Tencent"), and the
/// company told to act ("told Tencent to suspend new app updates").
#[test]
fn targets_named_after_the_clause_or_told_to_act() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "SAMR fined 22 companies for failing to report deals, including Alibaba and Tencent.",
        Some("2021-07-10"),
    );
    let fine = find(&out.events, "fine", None);
    assert_eq!(target_ids(fine), ["alibaba", "tencent"], "{out:#?}");
    assert_eq!(fine.target_count, Some(22), "{out:#?}");
    let out = extract(
        &x,
        "The Ministry of Industry and Information Technology told Tencent to suspend new app updates.",
        Some("2021-07-10"),
    );
    let suspension = find(&out.events, "suspension", None);
    assert_eq!(target_ids(suspension), ["tencent"], "{out:#?}");
}

/// China's cybersecurity reviews are investigations.
#[test]
fn a_cybersecurity_review_is_an_investigation() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "The CAC said on Friday it had launched a cybersecurity review of Didi Global.",
        Some("2021-07-10"),
    );
    let investigation = find(&out.events, "investigation", None);
    assert_eq!(
        actor_id(investigation).as_deref(),
        Some("cn.cac"),
        "{out:#?}"
    );
    assert_eq!(target_ids(investigation), ["didi"], "{out:#?}");
}

/// Capitalised words right after a catalogue company's name name a unit of it, whose parent it
/// is ("Enel Energia", "Telefónica Mobiles España, S.A.U."); a title or a person does not
/// ("Apple CEO Tim Cook").
#[test]
fn a_unit_of_a_known_company_keeps_its_name_and_parent() {
    let x = built_in_extractor();
    for (text, name, parent) in [
        (
            "The Italian Garante fined Enel Energia €26.5 million for unlawful telemarketing.",
            "Enel Energia",
            "enel",
        ),
        (
            "The Spanish DPA (AEPD) has fined Telefónica Mobiles España, S.A.U. EUR 45,000.",
            "Telefónica Mobiles España, S.A.U",
            "telefonica",
        ),
    ] {
        let out = extract(&x, text, Some("2021-07-10"));
        let fine = find(&out.events, "fine", None);
        assert_eq!(names(fine), [name], "{text}: {out:#?}");
        assert_eq!(
            fine.targets[0].parent_hint.as_deref(),
            Some(parent),
            "{text}: {out:#?}"
        );
    }
    let out = extract(&x, "The SEC fined Apple CEO Tim Cook.", Some("2021-07-10"));
    let fine = find(&out.events, "fine", None);
    assert!(!names(fine).iter().any(|n| n.contains("CEO")), "{out:#?}");
}

/// Settling an authority's charges settles with that authority ("settled FTC charges", "will
/// pay $10 million to settle SEC charges").
#[test]
fn settling_an_authoritys_charges_settles_with_it() {
    let x = built_in_extractor();
    for (text, actor) in [
        ("Acme Corp settled FTC charges.", "us.ftc"),
        (
            "Acme Corp will pay $10 million to settle SEC charges that it misled investors.",
            "us.sec",
        ),
    ] {
        let out = extract(&x, text, Some("2021-07-10"));
        let settlement = find(&out.events, "settlement", None);
        assert_eq!(
            actor_id(settlement).as_deref(),
            Some(actor),
            "{text}: {out:#?}"
        );
        assert_eq!(
            target_ids(settlement),
            ["name:Acme Corp"],
            "{text}: {out:#?}"
        );
    }
}

/// Authorities named together as the subject each act: one event per authority ("The People's
/// Bank of China and the CBIRC summoned ...", "China's central bank and banking regulators");
/// not when an amount is stated, which they would share.
#[test]
fn authorities_named_together_each_act() {
    let x = built_in_extractor();
    for text in [
        "The People's Bank of China and the CBIRC summoned Ant Group executives.",
        "China's central bank and banking regulators summoned Ant Group executives for a meeting.",
    ] {
        let out = extract(&x, text, Some("2021-07-10"));
        let summonses: Vec<_> = out
            .events
            .iter()
            .filter(|e| e.action.as_deref() == Some("summons"))
            .collect();
        assert_eq!(summonses.len(), 2, "{text}: {out:#?}");
        assert!(
            summonses
                .iter()
                .any(|e| actor_id(e).as_deref() == Some("cn.pboc")),
            "{text}: {out:#?}"
        );
    }
    let out = extract(
        &x,
        "The SEC and the CFTC fined Acme Corp $5m.",
        Some("2021-07-10"),
    );
    assert_eq!(out.events.len(), 1, "{out:#?}");
}

/// A country or capital alone as the subject stands for its state, named as written, when it
/// acts on someone named ("India banned TikTok", "Beijing fined Tencent"); not in a headline
/// (also one that ends in a quote), and not without a target ("the US blocked its
/// application").
#[test]
fn a_country_acting_on_a_company_is_its_state() {
    let x = built_in_extractor();
    for (text, actor) in [
        (
            "India banned TikTok and 58 other Chinese apps in June 2020.",
            "name:India",
        ),
        (
            "Beijing fined Tencent and Alibaba for not seeking approval for past deals.",
            "cn.state-council",
        ),
        ("South Korea fined Google $177 million.", "name:South Korea"),
        // after a fronted time and its comma; the EU acts through its Commission
        (
            "Last year, the EU fined Google 2.42 billion euros.",
            "eu.commission",
        ),
        ("In 2020, India banned TikTok.", "name:India"),
    ] {
        let out = extract(&x, text, Some("2021-07-10"));
        assert_eq!(out.events.len(), 1, "{text}: {out:#?}");
        assert_eq!(
            actor_id(&out.events[0]).as_deref(),
            Some(actor),
            "{text}: {out:#?}"
        );
    }
    for text in [
        "Iran's bid has been refused after the US blocked its application for the 21st time.",
        "EU to probe Acme Airlines 'state aid'\n\nThe European Commission has opened an inquiry into Acme Airlines.",
    ] {
        let out = extract(&x, text, Some("2021-07-10"));
        assert!(
            out.events.iter().all(|e| actor_id(e).as_deref() != Some("name:US")
                && actor_id(e).as_deref() != Some("name:EU")),
            "{text}: {out:#?}"
        );
    }
}

/// A government adjective qualifies a court or a jury as a place does: "A federal grand jury
/// indicted X" is the grand jury's charge.
#[test]
fn a_federal_grand_jury_acts() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "A federal grand jury indicted Sam Bankman-Fried on fraud charges.",
        Some("2021-07-10"),
    );
    let charge = find(&out.events, "charge", None);
    assert_eq!(
        actor_id(charge).as_deref(),
        Some("name:federal grand jury"),
        "{out:#?}"
    );
}

/// A place after the head names a court or a jury that nothing before it qualifies: "A grand
/// jury in Manhattan indicted X" is that grand jury's charge; a possessor is no place.
#[test]
fn a_grand_jury_in_a_place_acts() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "A grand jury in Manhattan indicted Acme Corp on fraud charges.",
        Some("2021-07-10"),
    );
    let charge = find(&out.events, "charge", None);
    assert_eq!(
        actor_id(charge).as_deref(),
        Some("name:grand jury in Manhattan"),
        "{out:#?}"
    );
    assert_eq!(target_ids(charge), ["name:Acme Corp"], "{out:#?}");
    let out = extract(
        &x,
        "The jury in Smith's trial convicted Acme Corp.",
        Some("2021-07-10"),
    );
    assert!(out.events.is_empty(), "{out:#?}");
}

/// An authority's allegations are its charges: "The FTC alleges that Acme Corp deceived
/// consumers" is a charge by the FTC against Acme Corp; allegations by anyone else, or by no
/// one, are not ("Consumer groups alleged that ...", "It is alleged that ...").
#[test]
fn an_authority_that_alleges_charges() {
    let x = built_in_extractor();
    for (text, actor, targets) in [
        (
            "The FTC alleges that Acme Corp deceived consumers about its refund policy.",
            "us.ftc",
            vec!["name:Acme Corp"],
        ),
        (
            "In its complaint, the SEC alleged that Mr Smith and Acme Corp defrauded investors.",
            "us.sec",
            vec!["name:Smith", "name:Acme Corp"],
        ),
        (
            "Prosecutors have alleged that Mr Ebbers, 63, directed Mr Sullivan to hide the true state of the company's finances.",
            "name:Prosecutors",
            vec!["name:Ebbers"],
        ),
    ] {
        let out = extract(&x, text, Some("2021-07-10"));
        assert_eq!(out.events.len(), 1, "{text}: {out:#?}");
        let charge = find(&out.events, "charge", None);
        assert_eq!(actor_id(charge).as_deref(), Some(actor), "{text}: {out:#?}");
        assert_eq!(target_ids(charge), targets, "{text}: {out:#?}");
    }
    for text in [
        "Consumer groups alleged that Acme Corp deceived consumers.",
        "It is alleged that Acme Corp deceived consumers.",
    ] {
        let out = extract(&x, text, Some("2021-07-10"));
        assert!(out.events.is_empty(), "{text}: {out:#?}");
    }
}

/// "According to the SEC's complaint, John Doe misappropriated ...": the complaint accuses the
/// subject of the clause it introduces, also past "filed in federal court,".
#[test]
fn according_to_a_complaint_its_clause_names_the_accused() {
    let x = built_in_extractor();
    for (text, actor, target) in [
        (
            "According to the SEC's complaint, John Doe misappropriated investor funds.",
            "us.sec",
            "name:John Doe",
        ),
        (
            "According to the FTC's complaint, filed in federal court, Acme Corp deceived consumers.",
            "us.ftc",
            "name:Acme Corp",
        ),
    ] {
        let out = extract(&x, text, Some("2021-07-10"));
        let charge = find(&out.events, "charge", None);
        assert_eq!(actor_id(charge).as_deref(), Some(actor), "{text}: {out:#?}");
        assert_eq!(target_ids(charge), [target], "{text}: {out:#?}");
    }
}

/// A sanction an authority announces it intends, proposes or threatens to impose is a threat
/// of sanctions (a warning, CAMEO 132) with the sanction's target and amount, flagged
/// `threatened_fine`...; not when no authority announces it, and not a fine.
#[test]
fn an_announced_intention_to_fine_is_a_threat() {
    let x = built_in_extractor();
    for (text, actor, target, amount, flag) in [
        (
            "The ICO announced its intention to fine Marriott £99m.",
            "uk.ico",
            "marriott",
            Some("£99m"),
            "threatened_fine",
        ),
        (
            "On May 5, 2021, the Norwegian DPA (Datatilsynet) announced that it intents to fine Disqus Inc. EUR 2,500,000 for violations of Art. 5 GDPR.",
            "no.datatilsynet",
            "name:Disqus Inc",
            Some("EUR 2,500,000"),
            "threatened_fine",
        ),
        (
            "The FCA has proposed a £5m fine for Acme Corp.",
            "uk.fca",
            "name:Acme Corp",
            Some("£5m"),
            "threatened_fine",
        ),
        (
            "The European Commission threatened to ban TikTok.",
            "eu.commission",
            "tiktok",
            None,
            "threatened_ban",
        ),
        (
            "NOYB published a draft decision of the Irish DPA (DPC), which indicates that it proposes a fine between EUR 28 million and EUR 36 million against Facebook.",
            "ie.dpc",
            "facebook",
            Some("between EUR 28 million and EUR 36 million"),
            "threatened_fine",
        ),
    ] {
        let out = extract(&x, text, Some("2021-07-10"));
        assert_eq!(out.events.len(), 1, "{text}: {out:#?}");
        let warning = find(&out.events, "warning", None);
        assert_eq!(actor_id(warning).as_deref(), Some(actor), "{text}: {out:#?}");
        assert_eq!(target_ids(warning), [target], "{text}: {out:#?}");
        assert_eq!(warning.amount.as_deref(), amount, "{text}");
        assert!(warning.flags.iter().any(|f| f == flag), "{text}: {warning:#?}");
    }
    for text in [
        "The company intends to fine its suppliers.",
        "Acme Corp could face a fine of up to $5m.",
    ] {
        let out = extract(&x, text, Some("2021-07-10"));
        assert!(out.events.is_empty(), "{text}: {out:#?}");
    }
}

/// A fine "reduced to" another amount has that amount, flagged `amount_reduced`, whether the
/// reduction is told in the fine's sentence or in a later one about "the original fine"; a
/// cut of something else leaves the fine's amount alone.
#[test]
fn a_reduced_fine_has_the_reduced_amount() {
    let x = built_in_extractor();
    for (text, amount) in [
        (
            "The Spanish DPA (AEPD) has imposed a fine of EUR 75,000 on Acme S.L. The original fine of EUR 75,000 was reduced to EUR 45,000 due to immediate payment.",
            "EUR 45,000",
        ),
        (
            "The Spanish DPA (AEPD) has imposed a fine on Banco Bilbao Vizcaya Argentaria S.A.. The controller stated that the messages were sent by mistake. The original fine of EUR 100,000 was reduced to EUR 60,000 due to voluntary payment.",
            "EUR 60,000",
        ),
        (
            "The DPA then imposed a fine of EUR 20,000 on Acme GmbH, which was, however, reduced to EUR 7,000 by a district court.",
            "EUR 7,000",
        ),
        (
            "The Spanish DPA has fined Acme S.L. EUR 2,000. The original fine was reduced for immediate payment to EUR 1,600.",
            "EUR 1,600",
        ),
    ] {
        let out = extract(&x, text, Some("2021-07-10"));
        assert_eq!(out.events.len(), 1, "{text}: {out:#?}");
        let fine = find(&out.events, "fine", None);
        assert_eq!(fine.amount.as_deref(), Some(amount), "{text}: {out:#?}");
        assert!(fine.flags.iter().any(|f| f == "amount_reduced"), "{text}");
    }
    for text in [
        "The SEC fined Acme Corp $5m, but its profits were cut to $2m.",
        "The SEC fined Acme Corp $5m and its profits were cut to $2m.",
    ] {
        let out = extract(&x, text, Some("2021-07-10"));
        let fine = find(&out.events, "fine", None);
        assert_eq!(fine.amount.as_deref(), Some("$5m"), "{text}: {out:#?}");
        assert!(fine.flags.is_empty(), "{text}");
    }
}

/// A suit that private people or a company bring is no enforcement: private people as the
/// subject ("Shareholders sued", "A Californian man sued", "ITunes user sues"), a company that
/// files or issues the suit, a company's own lawsuit; an authority's suit, and an indictment
/// of a person, are charges.
#[test]
fn private_suits_are_not_charges() {
    let x = built_in_extractor();
    for text in [
        "Shareholders sued Acme Corp for fraud.",
        "A Californian man sued Apple over the iPod battery.",
        "ITunes user sues Apple over iPod",
        "Apple has filed a lawsuit against John Doe.",
        "Computer firm Apple has issued a lawsuit to prevent online leaks.",
        "Apple's lawsuit accused anonymous people of stealing trade secrets.",
    ] {
        let out = extract(&x, text, Some("2021-07-10"));
        assert!(out.events.is_empty(), "{text}: {out:#?}");
    }
    for (text, target) in [
        (
            "The SEC has filed a lawsuit against John Doe.",
            "name:John Doe",
        ),
        ("Ebbers's indictment came in March.", "name:Ebbers"),
    ] {
        let out = extract(&x, text, Some("2021-07-10"));
        let charge = find(&out.events, "charge", None);
        assert_eq!(target_ids(charge), [target], "{text}: {out:#?}");
    }
}

/// Regulators' words for orders and unnamed actions: the European Commission's interim
/// measures and an asset freeze are orders; "took action against", "an enforcement action
/// against" are enforcement of no named kind (`other`), by an authority only.
#[test]
fn interim_measures_asset_freezes_and_enforcement_actions() {
    let x = built_in_extractor();
    for (text, action, actor, target) in [
        (
            "The Commission has imposed interim measures on Broadcom.",
            "order",
            "eu.commission",
            "name:Broadcom",
        ),
        (
            "The SEC obtained an asset freeze against Acme Corp.",
            "order",
            "us.sec",
            "name:Acme Corp",
        ),
        (
            "The Federal Trade Commission took action against Acme Corp for deceiving consumers.",
            "other",
            "us.ftc",
            "name:Acme Corp",
        ),
        (
            "The SEC brought an enforcement action against Acme Corp.",
            "other",
            "us.sec",
            "name:Acme Corp",
        ),
    ] {
        let out = extract(&x, text, Some("2021-07-10"));
        assert_eq!(out.events.len(), 1, "{text}: {out:#?}");
        let event = find(&out.events, action, None);
        assert_eq!(actor_id(event).as_deref(), Some(actor), "{text}: {out:#?}");
        assert_eq!(target_ids(event), [target], "{text}: {out:#?}");
    }
    let out = extract(
        &x,
        "Acme Corp took action against its supplier.",
        Some("2021-07-10"),
    );
    assert!(out.events.is_empty(), "{out:#?}");
}

/// The European Commission's commitments decisions settle its case with the party that
/// offered them; commitments no authority accepts are nothing. A settlement of charges named
/// by an authority's full name ("settle Securities and Exchange Commission charges") is one
/// event, as "settle FTC charges" is.
#[test]
fn commitments_accepted_settle_and_settled_charges_are_one_event() {
    let x = built_in_extractor();
    for text in [
        "The European Commission has made legally binding the commitments offered by Amazon.",
        "The Commission has accepted commitments from Amazon.",
        "The Commission accepted Amazon's commitments to address its concerns.",
    ] {
        let out = extract(&x, text, Some("2021-07-10"));
        assert_eq!(out.events.len(), 1, "{text}: {out:#?}");
        let settlement = find(&out.events, "settlement", None);
        assert_eq!(
            actor_id(settlement).as_deref(),
            Some("eu.commission"),
            "{text}"
        );
        assert_eq!(target_ids(settlement), ["amazon"], "{text}: {out:#?}");
    }
    let out = extract(
        &x,
        "Amazon offered commitments to the Commission.",
        Some("2021-07-10"),
    );
    assert!(out.events.is_empty(), "{out:#?}");
    let text = "Acme Corp has agreed to settle Securities and Exchange Commission charges.";
    let out = extract(&x, text, Some("2021-07-10"));
    assert_eq!(out.events.len(), 1, "{text}: {out:#?}");
    let settlement = find(&out.events, "settlement", None);
    assert_eq!(actor_id(settlement).as_deref(), Some("us.sec"), "{text}");
}

/// Remedies a complaint seeks are not imposed: "seeks permanent injunctions, disgorgement and
/// civil penalties" reads the whole list as sought (a list of short noun phrases does not end
/// the clause), while a comma before a new clause still does; a temporary restraining order
/// obtained is an order.
#[test]
fn sought_remedies_are_not_imposed_and_restraining_orders_are_orders() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "The SEC's complaint seeks permanent injunctions, disgorgement and civil penalties against Acme Corp.",
        Some("2021-07-10"),
    );
    assert!(
        out.events
            .iter()
            .all(|e| e.action.as_deref() == Some("charge")),
        "{out:#?}"
    );
    let out = extract(
        &x,
        "The SEC could investigate, and Acme Corp was fined $5m by the SEC.",
        Some("2021-07-10"),
    );
    let fine = find(&out.events, "fine", None);
    assert_eq!(target_ids(fine), ["name:Acme Corp"], "{out:#?}");
    let out = extract(
        &x,
        "The SEC obtained a temporary restraining order against Acme Corp.",
        Some("2021-07-10"),
    );
    let order = find(&out.events, "order", None);
    assert_eq!(actor_id(order).as_deref(), Some("us.sec"), "{out:#?}");
    assert_eq!(target_ids(order), ["name:Acme Corp"], "{out:#?}");
}

/// An authority that orders others to remove something removes it: "ordered app stores to
/// remove Didi's app" is the regulator's removal of Didi's app; "remove" with no authority
/// ("Apple agreed to remove the app") is nothing.
#[test]
fn an_ordered_removal_is_the_orderers() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "The Cyberspace Administration of China ordered app stores to remove Didi's app.",
        Some("2021-07-10"),
    );
    let removal = find(&out.events, "removal", None);
    assert_eq!(actor_id(removal).as_deref(), Some("cn.cac"), "{out:#?}");
    assert_eq!(target_ids(removal), ["didi"], "{out:#?}");
    for text in [
        "Apple agreed to remove the app.",
        "The company plans to remove the fee.",
    ] {
        let out = extract(&x, text, Some("2021-07-10"));
        assert!(out.events.is_empty(), "{text}: {out:#?}");
    }
}

/// "charged Acme Corp and its former CEO, John Doe,": the person named after the role is a
/// target too.
#[test]
fn a_role_then_a_name_in_an_object_list_is_a_target() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "The SEC today charged Acme Corp and its former CEO, John Doe, with defrauding investors.",
        Some("2021-07-10"),
    );
    let charge = find(&out.events, "charge", None);
    assert_eq!(
        target_ids(charge),
        ["name:Acme Corp", "name:John Doe"],
        "{out:#?}"
    );
}

/// "Without admitting or denying the SEC's findings, X agreed to pay a $2 million penalty": the
/// penalty is paid to the authority whose findings the sentence names.
#[test]
fn a_penalty_agreed_against_an_authoritys_findings_is_that_authoritys() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "Without admitting or denying the SEC's findings, Acme Corp agreed to pay a $2 million penalty.",
        Some("2021-07-10"),
    );
    let fine = find(&out.events, "fine", None);
    assert_eq!(actor_id(fine).as_deref(), Some("us.sec"), "{out:#?}");
    assert_eq!(target_ids(fine), ["name:Acme Corp"], "{out:#?}");
}

/// A payment "to resolve" an authority's investigation settles it, as one event; "resolve"
/// alone settles nothing; "settled the SEC's charges" is one settlement too.
#[test]
fn paying_to_resolve_an_investigation_settles_it() {
    let x = built_in_extractor();
    for (text, actor) in [
        (
            "Binance agreed to pay $4.3 billion to resolve the Justice Department's investigation.",
            "us.doj",
        ),
        ("Acme Corp settled the SEC's charges.", "us.sec"),
    ] {
        let out = extract(&x, text, Some("2021-07-10"));
        assert_eq!(out.events.len(), 1, "{text}: {out:#?}");
        let settlement = find(&out.events, "settlement", None);
        assert_eq!(
            actor_id(settlement).as_deref(),
            Some(actor),
            "{text}: {out:#?}"
        );
    }
    assert_no_events(
        &x,
        &["Acme Corp worked to resolve the outage."],
        Some("2021-07-10"),
    );
}

/// A legal form after a comma closes the name before it ("CYNGASA, S.L.", "Vodafone España,
/// S.A.U."): it is no second target.
#[test]
fn a_legal_form_after_a_comma_closes_the_name() {
    let x = built_in_extractor();
    for (text, ids) in [
        (
            "The Spanish DPA (AEPD) has imposed a fine of EUR 5,000 on CYNGASA, S.L..",
            vec!["name:CYNGASA, S.L"],
        ),
        (
            "The Spanish DPA (AEPD) has imposed a fine of EUR 150,000 on Vodafone España, S.A.U.. Three data subjects had complained.",
            vec!["vodafone-spain"],
        ),
        (
            "The Spanish DPA (AEPD) has fined Alava Norte, S.L. EUR 4,000.",
            vec!["name:Alava Norte, S.L"],
        ),
    ] {
        let out = extract(&x, text, Some("2021-03-19"));
        let fine = find(&out.events, "fine", None);
        assert_eq!(target_ids(fine), ids, "{text}: {out:#?}");
    }
}

/// A place word inside a name belongs to it ("Telekom Romania Communications SA", "Royal Dutch
/// Tennis Association"), and so does "and" in the name of a body ("Budapest University of
/// Technology and Economics"); a list of two companies is still two names, and "The Bavarian
/// DPA" is still an authority.
#[test]
fn places_and_ands_inside_names() {
    let x = built_in_extractor();
    for (text, expected) in [
        (
            "The Romanian DPA (ANSPDCP) imposed a fine of EUR 6,000 on Telekom Romania Communications SA.",
            vec!["Telekom Romania Communications SA"],
        ),
        (
            "The Dutch Data Protection Authority has fined the Royal Dutch Tennis Association EUR 525,000.",
            vec!["Royal Dutch Tennis Association"],
        ),
        (
            "The Hungarian DPA (NAIH) imposed a fine of EUR 22,200 on the Budapest University of Technology and Economics.",
            vec!["Budapest University of Technology and Economics"],
        ),
        (
            "The Spanish DPA fined Acme Bank and Borealis Energy Ltd EUR 5,000.",
            vec!["Acme Bank", "Borealis Energy Ltd"],
        ),
        // initials inside a name, but a legal form ends it
        (
            "The Romanian DPA (ANSPDCP) has fined S.C. Dreamtime Call S.R.L. EUR 2,000.",
            vec!["S.C. Dreamtime Call S.R.L"],
        ),
        (
            "The Romanian DPA (ANSPDCP) fined ING Bank N.V. Amsterdam EUR 1,000.",
            vec!["ING Bank N.V"],
        ),
    ] {
        let out = extract(&x, text, Some("2021-03-19"));
        let fine = find(&out.events, "fine", None);
        assert_eq!(names(fine), expected, "{text}: {out:#?}");
    }
    let out = extract(
        &x,
        "The Bavarian DPA has imposed a fine on a company.",
        Some("2021-03-19"),
    );
    let fine = find(&out.events, "fine", None);
    assert_eq!(
        fine.actor.as_ref().map(|a| a.name.as_str()),
        Some("Bavarian DPA"),
        "{out:#?}"
    );
}

#[test]
fn charges_faced_are_real_and_fines_faced_are_not() {
    let x = dev_extractor();
    let out = extract(
        &x,
        "Acme Corp faced criminal charges from the Securities and Exchange Commission.",
        None,
    );
    assert_eq!(out.events.len(), 1, "{out:#?}");
    assert_eq!(out.events[0].action.as_deref(), Some("charge"));
    assert_eq!(actor_id(&out.events[0]).as_deref(), Some("us.sec"));
    let out = extract(&x, "Acme Corp faces a fine of up to $1bn.", None);
    assert!(out.events.is_empty(), "{out:#?}");
}

#[test]
fn separate_authorities_are_separate_actions() {
    let x = dev_extractor();
    let out = extract(
        &x,
        "Acme Corp faced charges from the European Commission and the SEC.",
        None,
    );
    let mut actors: Vec<String> = out.events.iter().filter_map(actor_id).collect();
    actors.sort();
    assert_eq!(actors, vec!["eu.commission", "us.sec"], "{out:#?}");
}

#[test]
fn a_total_of_two_payments_is_not_a_third_action() {
    let x = dev_extractor();
    let text = "Acme fined $1.5m for bribery\n\nAcme Corp has agreed to pay a $1.5m fine. Acme Corp has agreed to pay $1m to the European Commission. It is also paying $500,000 to the SEC to settle the charges.";
    let out = extract(&x, text, None);
    let amounts: Vec<&str> = out
        .events
        .iter()
        .filter_map(|e| e.amount.as_deref())
        .collect();
    assert!(!amounts.contains(&"$1.5m"), "{out:#?}");
    assert!(
        amounts.contains(&"$1m") && amounts.contains(&"$500,000"),
        "{out:#?}"
    );
}

#[test]
fn an_indefinite_subject_is_named_by_the_next_sentence() {
    let x = dev_extractor();
    let text = "One of America's best-known businessmen was arrested on Thursday on charges of fraud. Yoshiaki Tsutsumi was once ranked as the world's richest man.";
    let out = extract(&x, text, None);
    let arrest = find(&out.events, "other", None);
    assert_eq!(names(arrest), vec!["Yoshiaki Tsutsumi"], "{out:#?}");
}

#[test]
fn references_to_people_and_lists() {
    let x = dev_extractor();
    let text = "William Trowbridge and Michael Chicoine have pleaded guilty to piracy. The two men faced charges following raids by the SEC. Mr Chicoine was jailed. He is also being investigated for tax fraud.";
    let out = extract(&x, text, None);
    let charge = find(&out.events, "charge", None);
    assert_eq!(
        names(charge),
        vec!["William Trowbridge", "Michael Chicoine"],
        "{out:#?}"
    );
    // ("He is also being investigated": another investigation than the SEC's raids, which
    // stay an event of their own)
    assert!(
        out.events
            .iter()
            .any(|e| e.action.as_deref() == Some("investigation")
                && names(e) == ["Michael Chicoine"]),
        "{out:#?}"
    );
}

#[test]
fn an_accusation_alone_is_not_a_charge() {
    let x = dev_extractor();
    let out = extract(&x, "Acme Corp has been accused of price fixing.", None);
    assert!(out.events.is_empty(), "{out:#?}");
    let out = extract(
        &x,
        "Acme Corp has been accused of price fixing. The SEC accused Acme Corp of fraud.",
        None,
    );
    assert_eq!(out.events.len(), 1, "{out:#?}");
    assert_eq!(actor_id(&out.events[0]).as_deref(), Some("us.sec"));
}

#[test]
fn dates_belong_to_their_own_clause_and_verb() {
    let x = dev_extractor();
    let out = extract(
        &x,
        "A court ruled in 2003 that Acme Corp must pay $5m, but the Court of Appeal cleared it.",
        None,
    );
    let cleared = out
        .events
        .iter()
        .find(|e| {
            e.actor
                .as_ref()
                .is_some_and(|a| a.name == "Court of Appeal")
        })
        .unwrap_or_else(|| panic!("{out:#?}"));
    assert_eq!(date(cleared), None, "{out:#?}");
    assert_eq!(cleared.amount, None);
    let out = extract(
        &x,
        "Richard Roe is accused of directing a fraud at the company he co-founded in 1984. Among the charges he faces is money laundering.",
        None,
    );
    let charge = find(&out.events, "charge", None);
    assert_eq!(date(charge), None, "{out:#?}");
}

/// The phrasings of the GDPR Enforcement Tracker's summaries (fixtures/data/gdpr): the target
/// after "a fine of AMOUNT on", a name with an initial, a name in capitals with accents, and an
/// ampersand written as `&amp;`.
#[test]
fn fines_table_summaries_give_their_target_and_amount() {
    let x = built_in_extractor();
    let cases = [
        (
            "The Spanish DPA (AEPD) has imposed a fine of EUR 6,000 on REAL CLUB NÁUTICO DE RIBADEO. The controller had uploaded links.",
            "REAL CLUB NÁUTICO DE RIBADEO",
            "EUR 6,000",
        ),
        (
            "The Norwegian DPA has fined T. Stene Transport AS EUR 3,900 due to an unfair credit check on a data subject.",
            "T. Stene Transport AS",
            "EUR 3,900",
        ),
        (
            "The Norwegian DPA (Datatilsynet) fined Elektro &amp; Automasjon Systemer AS EUR 20,000.",
            "Elektro &amp; Automasjon Systemer AS",
            "EUR 20,000",
        ),
    ];
    for (text, target, amount) in cases {
        let out = extract(&x, text, None);
        assert_eq!(out.events.len(), 1, "{text}\n{out:#?}");
        let event = &out.events[0];
        assert_eq!(event.action.as_deref(), Some("fine"), "{text}");
        assert!(actor_id(event).is_some(), "{text}\n{event:#?}");
        let names: Vec<&str> = event.targets.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, [target], "{text}");
        assert_eq!(event.amount.as_deref(), Some(amount), "{text}");
    }
}

/// A descriptor the catalogue cannot resolve alone ("Bavarian DPA": two Bavarian authorities
/// carry it) still names an authority: "the company" never refers back to it.
#[test]
fn an_ambiguous_descriptor_is_an_authority_not_a_company() {
    let x = built_in_extractor();
    let text = "The Bavarian DPA has imposed a fine on a company. The company was fined EUR 5,000 for unlawful processing.";
    let out = extract(&x, text, None);
    assert!(!out.events.is_empty(), "{out:#?}");
    for event in &out.events {
        assert!(
            event.targets.iter().all(|t| !t.name.contains("DPA")),
            "{event:#?}"
        );
    }
    let actor = out.events[0].actor.as_ref().expect("an actor");
    assert_eq!(actor.name, "Bavarian DPA");
}

/// "Tencent was ordered to give up ... and fined 500,000 yuan by SAMR": a participle after
/// "and" shares the earlier passive's verb of being and subject; "and was fined" too. "... and
/// fined Alibaba" (a name as its object) stays active.
#[test]
fn a_participle_after_and_continues_the_passive() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "Tencent was ordered to give up exclusive music licensing rights and fined 500,000 yuan by the State Administration for Market Regulation.",
        Some("2021-07-24"),
    );
    let fine = find(&out.events, "fine", Some("tencent"));
    assert_eq!(actor_id(fine).as_deref(), Some("cn.samr"), "{out:#?}");
    assert_eq!(fine.amount.as_deref(), Some("500,000 yuan"), "{out:#?}");
    find(&out.events, "order", Some("tencent"));

    let out = extract(
        &x,
        "Tencent was ordered to give up its exclusive rights and was fined 500,000 yuan.",
        Some("2021-07-24"),
    );
    find(&out.events, "fine", Some("tencent"));

    let out = extract(
        &x,
        "The regulator was set up in 2018 and fined Alibaba in 2021.",
        Some("2021-07-24"),
    );
    let fine = find(&out.events, "fine", Some("alibaba"));
    assert_eq!(date(fine).as_deref(), Some("2021"), "{out:#?}");
}

/// "arrested in May and charged": the month is no modal verb; the charge is real.
#[test]
fn the_month_may_is_no_modal() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "Mr Ebbers was arrested in May and charged with fraud by prosecutors.",
        Some("2005-07-24"),
    );
    let charge = find(&out.events, "charge", None);
    assert_eq!(date(charge).as_deref(), Some("2005-05"), "{out:#?}");
    assert_no_events(
        &x,
        &["The SEC may fine Acme Corp in May."],
        Some("2005-07-24"),
    );
}

/// "acquired by Oracle in 2005 and fined by the SEC in 2007": the expression before "and"
/// dates the earlier verb when one follows the trigger.
#[test]
fn a_date_before_and_belongs_to_the_earlier_verb() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "Acme Corp was acquired by Oracle in 2005 and fined by the SEC in 2007.",
        Some("2008-01-10"),
    );
    let fine = find(&out.events, "fine", None);
    assert_eq!(date(fine).as_deref(), Some("2007"), "{out:#?}");
    // with nothing after the trigger, the expression before it still dates it
    let out = extract(
        &x,
        "In 2007 the SEC investigated and fined Acme Corp.",
        Some("2008-01-10"),
    );
    let fine = find(&out.events, "fine", None);
    assert_eq!(date(fine).as_deref(), Some("2007"), "{out:#?}");
}

/// An order whose complement is another action is that action, on the one ordered:
/// "ordered Tencent to suspend updates", "Tencent was ordered (by the ministry) to suspend",
/// "was told to suspend". "forced" is left out ("Toyota was forced to suspend production").
#[test]
fn the_one_ordered_to_act_is_the_target() {
    let x = built_in_extractor();
    for text in [
        "The Ministry of Industry and Information Technology ordered Tencent to suspend updates of its apps.",
        "Tencent was ordered by the Ministry of Industry and Information Technology to suspend new app releases.",
    ] {
        let out = extract(&x, text, Some("2021-07-24"));
        assert_eq!(out.events.len(), 1, "{text}: {out:#?}");
        let suspension = find(&out.events, "suspension", Some("tencent"));
        assert_eq!(actor_id(suspension).as_deref(), Some("cn.miit"), "{out:#?}");
    }
    for text in [
        "Tencent was ordered to suspend new app releases.",
        "Tencent was told to suspend new app releases and updates.",
    ] {
        let out = extract(&x, text, Some("2021-07-24"));
        find(&out.events, "suspension", Some("tencent"));
    }
    assert_no_events(&x, &["Toyota was forced to suspend production."], None);
}

/// "ordered app stores to stop offering Didi's app" is the regulator's removal of Didi's app.
#[test]
fn stop_offering_an_app_is_a_removal() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "The Cyberspace Administration of China ordered app stores to stop offering Didi's app.",
        Some("2021-07-10"),
    );
    let removal = find(&out.events, "removal", Some("didi"));
    assert_eq!(actor_id(removal).as_deref(), Some("cn.cac"), "{out:#?}");
    assert_no_events(&x, &["Apple will stop offering the phone in red."], None);
}

/// "China's cyberspace regulator said on Sunday it had ordered app stores to stop offering
/// Didi's app": the removal ordered takes the authority "it" refers to, the subject of the
/// ordering verb.
#[test]
fn an_ordered_action_takes_the_orderers_reference() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "China's cyberspace regulator said on Sunday it had ordered smartphone app stores to stop offering Didi Global's app.",
        Some("2021-07-05"),
    );
    let removal = find(&out.events, "removal", Some("didi"));
    assert_eq!(actor_id(removal).as_deref(), Some("cn.cac"), "{out:#?}");
    assert_eq!(date(removal).as_deref(), Some("2021-07-04"), "{out:#?}");
}

/// "The People's Bank of China and other financial regulators summoned ...": the named
/// authority acts, not the unnamed others.
#[test]
fn named_authority_and_other_regulators() {
    let x = built_in_extractor();
    for text in [
        "The People's Bank of China and other financial regulators summoned Ant executives in April.",
        "The People's Bank of China and other regulators fined Ant Group $1bn.",
    ] {
        let out = extract(&x, text, Some("2021-07-05"));
        assert_eq!(out.events.len(), 1, "{text}: {out:#?}");
        assert_eq!(actor_id(&out.events[0]).as_deref(), Some("cn.pboc"), "{out:#?}");
        assert_eq!(target_ids(&out.events[0]), ["ant-group"], "{out:#?}");
    }
}

/// "Tesla chief executive Elon Musk", "Tesla CEO Elon Musk", "WorldCom boss Bernie Ebbers":
/// the company before a person's title and name is the employer; the person is the target.
#[test]
fn a_company_before_a_persons_title_is_the_employer() {
    let x = built_in_extractor();
    for (text, target) in [
        (
            "The SEC charged Tesla chief executive Elon Musk with securities fraud.",
            "Elon Musk",
        ),
        (
            "The SEC charged Tesla CEO Elon Musk with securities fraud.",
            "Elon Musk",
        ),
        (
            "Prosecutors charged WorldCom boss Bernie Ebbers.",
            "Bernie Ebbers",
        ),
        (
            "The SEC charged Acme Corp chief financial officer John Doe.",
            "John Doe",
        ),
        // "chief executive" is a role here, not the European Commission's descriptor
        // ("executive"), which an unnamed authority before it had taken
        (
            "Prosecutors charged WorldCom chief executive Bernie Ebbers with fraud.",
            "Bernie Ebbers",
        ),
        // a company the catalogue does not know, a role written in capitals, then the holder
        (
            "The SEC charged former Nikola CEO Trevor Milton with defrauding investors.",
            "Trevor Milton",
        ),
        (
            "The SEC charged Acme CFO John Smith with fraud.",
            "John Smith",
        ),
    ] {
        let out = extract(&x, text, Some("2018-10-01"));
        let charge = find(&out.events, "charge", None);
        let names: Vec<&str> = charge.targets.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, [target], "{text}: {out:#?}");
    }
}

/// A person the catalogue does not know, named after a role or a title, carries the kind
/// `person` to the normalizer; a body named after a demonym does not ("the Danish Cancer
/// Society"), nor does a company.
#[test]
fn unknown_people_carry_the_kind_person() {
    let x = built_in_extractor();
    for (text, name, person) in [
        (
            "The SEC charged Nikola CEO Trevor Milton with fraud.",
            "Trevor Milton",
            true,
        ),
        (
            "Prosecutors charged Theranos founder Elizabeth Holmes.",
            "Elizabeth Holmes",
            true,
        ),
        (
            "Police arrested Mr Jeffrey Royer, 41, on Monday.",
            "Jeffrey Royer",
            true,
        ),
        (
            "The Danish DPA has fined the Danish Cancer Society EUR 107,000.",
            "Danish Cancer Society",
            false,
        ),
        (
            "The SEC charged Acme Widgets Corp with fraud.",
            "Acme Widgets Corp",
            false,
        ),
    ] {
        let out = extract(&x, text, Some("2018-10-01"));
        let target = out
            .events
            .iter()
            .flat_map(|e| &e.targets)
            .find(|t| t.name == name)
            .unwrap_or_else(|| panic!("{text}: no target {name}: {out:#?}"));
        let expected = person.then_some(docket_core::ActorKind::Person);
        assert_eq!(target.kind_hint, expected, "{text}: {out:#?}");
    }
}

/// "The FTC said it filed a complaint against Kochava Inc.": "it" as the subject of a verb that
/// takes the action named by its object (filed, brought, imposed, issued) is the authority it
/// refers to, also after a dateline. A company's own lawsuit is still nothing.
#[test]
fn it_filed_a_complaint_is_the_authoritys() {
    let x = built_in_extractor();
    for (text, action, actor, target) in [
        (
            "Washington, D.C. - The FTC said it has filed a complaint against Kochava Inc. for selling geolocation data.",
            "charge",
            "us.ftc",
            "Kochava Inc",
        ),
        (
            "The SEC said it brought charges against Acme Corp.",
            "charge",
            "us.sec",
            "Acme Corp",
        ),
        (
            "The SEC said it imposed a $2 million fine on Acme Corp.",
            "fine",
            "us.sec",
            "Acme Corp",
        ),
    ] {
        let out = extract(&x, text, Some("2022-08-29"));
        let event = find(&out.events, action, None);
        assert_eq!(actor_id(event).as_deref(), Some(actor), "{text}: {out:#?}");
        let names: Vec<&str> = event.targets.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, [target], "{text}: {out:#?}");
    }
    assert_no_events(
        &x,
        &["Acme Corp said it filed a lawsuit against the SEC."],
        None,
    );
}

/// "obtained a final judgment against John Smith, ordering him to pay disgorgement of $1.2
/// million": one ruling with the amount, not a second, targetless fine; "ordered him to pay"
/// after a sentence naming the person takes that person.
#[test]
fn a_judgment_ordering_a_payment_is_one_ruling() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "In a separate action, the SEC obtained a final judgment against John Smith, ordering him to pay disgorgement of $1.2 million.",
        Some("2022-08-29"),
    );
    assert_eq!(out.events.len(), 1, "{out:#?}");
    let ruling = find(&out.events, "ruling", None);
    assert_eq!(ruling.amount.as_deref(), Some("$1.2 million"), "{out:#?}");
    let names: Vec<&str> = ruling.targets.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["John Smith"], "{out:#?}");

    let out = extract(
        &x,
        "The SEC charged Mr John Smith.\n\nThe agency ordered him to pay a fine of $1.2 million.",
        Some("2022-08-29"),
    );
    let fine = find(&out.events, "fine", None);
    let names: Vec<&str> = fine.targets.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["John Smith"], "{out:#?}");
}

/// "China Literature", "China Evergrande": a country's name right before a short name begins
/// it; not after a preposition ("Authorities in China fined Alibaba").
#[test]
fn a_country_name_can_begin_a_company_name() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "China's market regulator on Saturday imposed fines of 500,000 yuan each on Alibaba Group, China Literature and Shenzhen Hive Box.",
        Some("2021-03-15"),
    );
    // (one fine per party, each of 500,000 yuan)
    let names: Vec<&str> = out
        .events
        .iter()
        .filter(|e| e.action.as_deref() == Some("fine"))
        .flat_map(|e| e.targets.iter().map(|t| t.name.as_str()))
        .collect();
    assert_eq!(
        names,
        ["Alibaba Group", "China Literature", "Shenzhen Hive Box"],
        "{out:#?}"
    );
    let out = extract(
        &x,
        "Authorities in China fined Alibaba.",
        Some("2021-03-15"),
    );
    let fine = find(&out.events, "fine", None);
    assert_eq!(target_ids(fine), ["alibaba"], "{out:#?}");
}

/// "the ride-hailing giant" skips a later company of another catalogue sector (Tencent) for
/// the latest one of its own (Didi); with no company of that sector named, it is no reference.
/// A company outside the catalogue has no sectors and may be meant.
#[test]
fn a_sector_reference_takes_the_latest_company_of_that_sector() {
    let x = built_in_extractor();
    let text = "Beijing banned Didi from registering new users.\n\nTencent was fined 500,000 yuan.\n\nThe ride-hailing giant's app was removed from app stores on Sunday.";
    let out = extract(&x, text, Some("2021-07-10"));
    let removal = find(&out.events, "removal", None);
    assert_eq!(target_ids(removal), ["didi"], "{out:#?}");

    let text = "Tencent was fined 500,000 yuan.\n\nThe ride-hailing giant's app was removed from app stores on Sunday.";
    let out = extract(&x, text, Some("2021-07-10"));
    assert!(
        out.events
            .iter()
            .all(|e| e.action.as_deref() != Some("removal")),
        "{out:#?}"
    );

    let text = "Regulators fined Acme Logistics.\n\nThe logistics company was also ordered to pay damages.";
    let out = extract(&x, text, Some("2021-07-10"));
    let ruling = find(&out.events, "ruling", None);
    let names: Vec<&str> = ruling.targets.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["Acme Logistics"], "{out:#?}");
}

/// "A fine was imposed on Amazon by Luxembourg's data protection authority in 2021": the agent
/// after the list the penalty was handed to, and the date after the verb that hands it over.
#[test]
fn a_penalty_imposed_on_someone_by_an_authority() {
    let x = built_in_extractor();
    for text in [
        "A fine was imposed on Amazon by Luxembourg's data protection authority in 2021.",
        "The previous record, a 746 million euro fine, was imposed on Amazon.com Inc by Luxembourg's data protection authority in 2021.",
    ] {
        let out = extract(&x, text, Some("2023-05-22"));
        let fine = find(&out.events, "fine", Some("amazon"));
        assert_eq!(actor_id(fine).as_deref(), Some("lu.cnpd"), "{text}: {out:#?}");
        assert_eq!(date(fine).as_deref(), Some("2021"), "{text}: {out:#?}");
    }
}

/// "fined Google 150 million euros and Facebook 60 million euros": one fine per target, each
/// with its own amount; "fined Google and Facebook 150 million euros each" is one fine per
/// target too, each with the amount (flagged `amount_each`).
#[test]
fn each_target_with_its_own_amount_is_its_own_fine() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "France's CNIL fined Google 150 million euros and Facebook 60 million euros over cookie consent in January 2022.",
        Some("2022-01-10"),
    );
    assert_eq!(out.events.len(), 2, "{out:#?}");
    let google = find(&out.events, "fine", Some("google"));
    assert_eq!(
        google.amount.as_deref(),
        Some("150 million euros"),
        "{out:#?}"
    );
    assert_eq!(target_ids(google), ["google"], "{out:#?}");
    let facebook = find(&out.events, "fine", Some("facebook"));
    assert_eq!(
        facebook.amount.as_deref(),
        Some("60 million euros"),
        "{out:#?}"
    );
    assert_eq!(date(facebook).as_deref(), Some("2022-01"), "{out:#?}");
    assert_eq!(actor_id(facebook).as_deref(), Some("fr.cnil"), "{out:#?}");

    let out = extract(
        &x,
        "The CNIL fined Google and Facebook 150 million euros each.",
        Some("2022-01-10"),
    );
    assert_eq!(out.events.len(), 2, "{out:#?}");
    for event in &out.events {
        assert_eq!(event.targets.len(), 1, "{out:#?}");
        assert_eq!(
            event.amount.as_deref(),
            Some("150 million euros"),
            "{out:#?}"
        );
    }
}

/// "The CAC suspended new user registrations at Boss Zhipin": the company where an authority
/// suspends an activity is the target (not "agreed to suspend their requests for WTO
/// arbitration", with no authority acting).
#[test]
fn a_suspended_activity_at_a_company() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "The CAC has also suspended new user registrations at Boss Zhipin.",
        Some("2021-07-10"),
    );
    let suspension = find(&out.events, "suspension", None);
    assert_eq!(target_ids(suspension), ["kanzhun"], "{out:#?}");
    assert_eq!(actor_id(suspension).as_deref(), Some("cn.cac"), "{out:#?}");
    assert_no_events(
        &x,
        &["Both sides agreed to suspend their requests for WTO arbitration at the beginning of December."],
        Some("2004-12-20"),
    );
}

/// "Beijing slapped a $2.8 billion fine on Alibaba", "India imposed a ban on TikTok": a
/// country or capital as the subject of the verb that hands a penalty over is its state.
#[test]
fn a_state_imposing_a_penalty_noun() {
    let x = built_in_extractor();
    for (text, actor, target) in [
        (
            "Beijing slapped a $2.8 billion fine on Alibaba in April.",
            "cn.state-council",
            "alibaba",
        ),
        ("India imposed a ban on TikTok.", "name:India", "tiktok"),
    ] {
        let out = extract(&x, text, Some("2021-07-10"));
        assert_eq!(out.events.len(), 1, "{text}: {out:#?}");
        assert_eq!(
            actor_id(&out.events[0]).as_deref(),
            Some(actor),
            "{text}: {out:#?}"
        );
        assert_eq!(target_ids(&out.events[0]), [target], "{text}: {out:#?}");
    }
}

/// The Hong Kong stock exchange is in the catalogue.
#[test]
fn the_hong_kong_stock_exchange_acts() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "The Hong Kong stock exchange censured Evergrande for breaching listing rules.",
        Some("2021-07-10"),
    );
    let censure = find(&out.events, "censure", None);
    assert_eq!(actor_id(censure).as_deref(), Some("hk.hkex"), "{out:#?}");
}

/// "Musk and Tesla each agreed to pay $20 million in penalties to settle the SEC's charges",
/// "Acme Corp agreed to pay a $20 million penalty to settle the SEC's charges": one settlement
/// with the payers, the amount and the SEC; no second, separate fine.
#[test]
fn a_penalty_paid_to_settle_is_the_settlement() {
    let x = built_in_extractor();
    for (text, payers) in [
        (
            "Musk and Tesla each agreed to pay $20 million in penalties to settle the SEC's charges.",
            vec!["Musk", "Tesla"],
        ),
        (
            "Acme Corp agreed to pay a $20 million penalty to settle the SEC's charges.",
            vec!["Acme Corp"],
        ),
    ] {
        let out = extract(&x, text, Some("2018-10-01"));
        assert_eq!(out.events.len(), 1, "{text}: {out:#?}");
        let settlement = find(&out.events, "settlement", None);
        assert_eq!(actor_id(settlement).as_deref(), Some("us.sec"), "{text}: {out:#?}");
        assert_eq!(settlement.amount.as_deref(), Some("$20 million"), "{text}: {out:#?}");
        let names: Vec<&str> = settlement.targets.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, payers, "{text}: {out:#?}");
    }
    // a penalty with no settlement is still a fine
    let out = extract(
        &x,
        "Acme Corp agreed to pay a $20 million penalty.",
        Some("2018-10-01"),
    );
    find(&out.events, "fine", None);
}

/// Regulators' words: "admonished" and "disciplined" (by an authority) are censures, "took
/// down" (by an authority) a removal.
#[test]
fn admonished_disciplined_and_took_down() {
    let x = built_in_extractor();
    for (text, action, target) in [
        (
            "Regulators admonished Tencent over its handling of minors' data.",
            "censure",
            "tencent",
        ),
        (
            "The CSRC disciplined Kuaishou executives for disclosure violations.",
            "censure",
            "kuaishou",
        ),
        (
            "The authorities took down Didi's app in July.",
            "removal",
            "didi",
        ),
    ] {
        let out = extract(&x, text, Some("2021-08-10"));
        let event = find(&out.events, action, None);
        assert_eq!(target_ids(event), [target], "{text}: {out:#?}");
    }
    assert_no_events(
        &x,
        &[
            "The bank disciplined three traders.",
            "Apple took down the app.",
        ],
        Some("2021-08-10"),
    );
}

/// "has been under investigation since April", "has been banned since 2020": an action in
/// force since a starting point began then; "the first fine since 2019" is not dated 2019.
#[test]
fn an_action_in_force_since_a_date_began_then() {
    let x = built_in_extractor();
    for (text, action, when) in [
        (
            "Meituan has been under investigation since April for suspected monopolistic practices.",
            "investigation",
            "2021-04",
        ),
        ("TikTok has been banned in India since 2020.", "ban", "2020"),
    ] {
        let out = extract(&x, text, Some("2021-07-10"));
        let event = find(&out.events, action, None);
        assert_eq!(date(event).as_deref(), Some(when), "{text}: {out:#?}");
    }
    let out = extract(
        &x,
        "It is the first fine since 2019 imposed on Acme Corp by the SEC.",
        Some("2021-07-10"),
    );
    let fine = find(&out.events, "fine", None);
    assert_eq!(date(fine), None, "{out:#?}");
}

/// "opened non-compliance proceedings against Alphabet, Apple and Meta" is an investigation;
/// "criminal proceedings" a charge; a company's own proceedings are private.
#[test]
fn proceedings_opened_by_an_authority() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "The European Commission on Monday opened non-compliance proceedings against Alphabet, Apple and Meta under the Digital Markets Act.",
        Some("2024-03-27"),
    );
    let investigation = find(&out.events, "investigation", None);
    assert_eq!(
        actor_id(investigation).as_deref(),
        Some("eu.commission"),
        "{out:#?}"
    );
    assert_eq!(investigation.targets.len(), 3, "{out:#?}");
    let out = extract(
        &x,
        "Prosecutors have started criminal proceedings against Acme Corp.",
        Some("2024-03-27"),
    );
    find(&out.events, "charge", None);
    assert_no_events(
        &x,
        &["Orange said it was starting proceedings against the Easymobile service for trademark infringement."],
        Some("2004-12-20"),
    );
}

/// "Alibaba slapped a fine on its suppliers": a company that hands a penalty over acts
/// privately; "Alibaba was slapped with a fine" is still Alibaba's fine.
#[test]
fn a_company_handing_a_penalty_over_is_private() {
    let x = built_in_extractor();
    assert_no_events(&x, &["Alibaba slapped a fine on its suppliers."], None);
    let out = extract(&x, "Alibaba was slapped with a record fine.", None);
    let fine = find(&out.events, "fine", None);
    assert_eq!(target_ids(fine), ["alibaba"], "{out:#?}");
}

/// "were placed under cybersecurity review", "came under investigation": the subject of the
/// verb before "under" is the target.
#[test]
fn placed_under_investigation() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "Full Truck Alliance and Kanzhun were also placed under cybersecurity review.",
        Some("2021-07-10"),
    );
    let investigation = find(&out.events, "investigation", None);
    assert_eq!(
        target_ids(investigation),
        ["full-truck-alliance", "kanzhun"],
        "{out:#?}"
    );
    let out = extract(
        &x,
        "Meituan came under investigation in April.",
        Some("2021-07-10"),
    );
    let investigation = find(&out.events, "investigation", None);
    assert_eq!(target_ids(investigation), ["meituan"], "{out:#?}");
}

/// "Didi, which listed in New York last month, was ordered ... on Friday": an expression in a
/// relative clause closed before the trigger dates that clause, not the trigger.
#[test]
fn a_date_in_a_relative_clause_before_the_trigger() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "Didi, which listed in New York last month, was ordered to stop registering new users on Friday.",
        Some("2021-07-05"),
    );
    let order = find(&out.events, "order", None);
    assert_eq!(date(order).as_deref(), Some("2021-07-02"), "{out:#?}");
    let out = extract(
        &x,
        "Acme Corp, which was founded in 1999, was fined by the SEC.",
        Some("2021-07-05"),
    );
    let fine = find(&out.events, "fine", None);
    assert_eq!(date(fine), None, "{out:#?}");
}

/// "revoked the payment licences of 27 companies": the count after "of" is the number of
/// targets.
#[test]
fn a_count_after_of_is_the_target_count() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "The People's Bank of China revoked the payment licences of 27 companies.",
        Some("2021-07-10"),
    );
    assert_eq!(out.events.len(), 1, "{out:#?}");
    assert_eq!(out.events[0].target_count, Some(27), "{out:#?}");
}

/// Texts that end right after a rule's cue words do not panic: a title, a directing
/// participle, "and", a country name.
#[test]
fn texts_ending_on_a_cue_word() {
    let x = built_in_extractor();
    for text in [
        "The SEC charged Acme Corp chief executive",
        "The SEC charged Acme Corp CEO",
        "Tencent was ordered by",
        "Tencent was ordered to",
        "Tencent was fined and",
        "The regulator fined China",
        "The CAC suspended registrations at",
        "Alibaba slapped a fine on",
        "Meituan has been under investigation since",
        "The ride-hailing giant",
    ] {
        let _ = extract(&x, text, Some("2021-07-10"));
    }
}

/// "Tencent was told to end exclusive music licensing deals", "Regulators told Tencent to end
/// its exclusive deals", "was told by the People's Bank of China to overhaul": an instruction
/// to a company is an order; "told the BBC", a person told to leave, or an instruction with no
/// authority ("He told Tencent to ...") are not.
#[test]
fn told_to_act_is_an_order() {
    let x = built_in_extractor();
    for (text, actor) in [
        (
            "Tencent was told to end exclusive music licensing deals.",
            None,
        ),
        (
            "Regulators told Tencent to end its exclusive deals.",
            Some("name:Regulators"),
        ),
        (
            "Tencent was told by the People's Bank of China to overhaul its lending business.",
            Some("cn.pboc"),
        ),
    ] {
        let out = extract(&x, text, Some("2021-07-24"));
        assert_eq!(out.events.len(), 1, "{text}: {out:#?}");
        let order = find(&out.events, "order", Some("tencent"));
        assert_eq!(actor_id(order).as_deref(), actor, "{text}: {out:#?}");
    }
    assert_no_events(
        &x,
        &[
            "A spokesman told the BBC that the firm would appeal.",
            "Mr Smith was told to leave the company.",
            "He told Tencent to end the deals.",
            "Tencent told them to wait.",
        ],
        Some("2021-07-24"),
    );
    // "it" and "them" after "told" stand for the latest parties
    for (text, targets) in [
        (
            "Regulators summoned Tencent and told it to stop blocking links.",
            &["tencent"][..],
        ),
        (
            "Regulators summoned Tencent and Alibaba and told them to stop blocking links.",
            &["tencent", "alibaba"][..],
        ),
    ] {
        let out = extract(&x, text, Some("2021-07-24"));
        let order = find(&out.events, "order", None);
        assert_eq!(target_ids(order), targets, "{text}: {out:#?}");
    }
}

/// A headline in title case ("FTC Takes Action Against Data Broker") names only what the body
/// writes too: "Data Broker" is no target; "Kochava", which the body names, is.
#[test]
fn title_case_headline_names_need_the_body() {
    let x = built_in_extractor();
    let body = "The Federal Trade Commission filed a complaint against Kochava Inc. for selling geolocation data.";
    let out = extract(
        &x,
        &format!("FTC Takes Action Against Data Broker\n\n{body}"),
        Some("2022-08-29"),
    );
    assert!(
        out.events
            .iter()
            .all(|e| e.targets.iter().all(|t| t.name != "Data Broker")),
        "{out:#?}"
    );
    let out = extract(
        &x,
        &format!("FTC Sues Kochava Over Location Data\n\n{body}"),
        Some("2022-08-29"),
    );
    let charge = find(&out.events, "charge", None);
    assert!(
        charge.targets.iter().any(|t| t.name.starts_with("Kochava")),
        "{out:#?}"
    );
}

/// A sentence that opens with a receiving cue ("Under investigation: ...") does not look before
/// its first token.
#[test]
fn a_receiving_cue_first_in_the_sentence() {
    let x = built_in_extractor();
    for text in [
        "Under investigation, Acme Corp.",
        "Under scrutiny Acme Corp fell.",
    ] {
        let _ = extract(&x, text, Some("2021-07-10"));
    }
}

/// "Alibaba was slapped with a record fine of 18.2 billion yuan" and "SAMR fined 22
/// companies, including Alibaba and Tencent": two fines (a counted group without an amount and
/// one party's fine with an amount), not one group fine of 18.2 billion yuan.
#[test]
fn a_group_fine_and_one_partys_fine_stay_apart() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "Alibaba was slapped with a record fine of 18.2 billion yuan.\n\nThe State Administration for Market Regulation fined 22 companies, including Alibaba and Tencent, for failing to report 43 deals.",
        Some("2021-07-10"),
    );
    let fines: Vec<_> = out
        .events
        .iter()
        .filter(|e| e.action.as_deref() == Some("fine"))
        .collect();
    assert_eq!(fines.len(), 2, "{out:#?}");
    assert!(
        fines
            .iter()
            .any(|e| e.target_count == Some(22) && e.amount.is_none()),
        "{out:#?}"
    );
}

/// "The CAC said it had launched an investigation into Kanzhun, days after it announced a probe
/// into Didi Global": the second "it" is the CAC, the subject, not Kanzhun, the object of
/// "into". A company as the subject still stops the reference.
#[test]
fn a_subject_pronoun_passes_over_a_prepositions_object() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "The CAC said it had launched an investigation into Kanzhun, just days after it announced a probe into ride-hailing giant Didi Global.",
        Some("2021-07-10"),
    );
    let investigations: Vec<_> = out
        .events
        .iter()
        .filter(|e| e.action.as_deref() == Some("investigation"))
        .collect();
    assert_eq!(investigations.len(), 2, "{out:#?}");
    for e in investigations {
        assert_eq!(actor_id(e).as_deref(), Some("cn.cac"), "{out:#?}");
    }
    let out = extract(
        &x,
        "Alibaba said it had opened an investigation into its suppliers.",
        Some("2021-07-10"),
    );
    assert!(out.events.iter().all(|e| e.actor.is_none()), "{out:#?}");
}

/// "ordered app stores to remove 25 apps operated by Didi": the operator of the apps is the
/// target.
#[test]
fn apps_operated_by_a_company() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "On July 9, the CAC ordered app stores to remove 25 apps operated by Didi.",
        Some("2021-07-10"),
    );
    let removal = find(&out.events, "removal", None);
    assert_eq!(target_ids(removal), ["didi"], "{out:#?}");
    assert_eq!(date(removal).as_deref(), Some("2021-07-09"), "{out:#?}");
    // the noun, whose "by" is then no agent
    let out = extract(
        &x,
        "China's internet watchdog ordered the removal of 25 apps run by Didi, including its main app.",
        Some("2021-07-10"),
    );
    let removal = find(&out.events, "removal", None);
    assert_eq!(target_ids(removal), ["didi"], "{out:#?}");
    assert_eq!(actor_id(removal).as_deref(), Some("cn.cac"), "{out:#?}");
}

/// "fined Apple over EUR 1.8 billion", "a fine of nearly $5m": a floor or an approximation of a
/// penalty is the amount, with its words (the normalizer flags it); a cap ("up to $5m", "less
/// than $1m") or an inexact amount of no penalty is not.
#[test]
fn floors_and_approximations_of_a_penalty_are_its_amount() {
    let x = built_in_extractor();
    for (text, amount) in [
        (
            "The European Commission has fined Apple over €1.8 billion for abusing its dominant position.",
            Some("over €1.8 billion"),
        ),
        (
            "The SEC fined Acme Corp more than $2 million.",
            Some("more than $2 million"),
        ),
        (
            "The FTC imposed a fine of nearly $5m on Acme Corp.",
            Some("nearly $5m"),
        ),
        (
            "The FTC imposed a fine of at least $5m on Acme Corp.",
            Some("at least $5m"),
        ),
        ("The FTC fined Acme Corp less than $1m.", None),
        ("The FTC fined Acme Corp no more than $1m.", None),
        ("The FTC fined Acme Corp up to $1m.", None),
        (
            "The FTC fined Acme Corp for a fraud that cost investors more than $40 million.",
            None,
        ),
    ] {
        let out = extract(&x, text, Some("2024-03-05"));
        let fine = find(&out.events, "fine", None);
        assert_eq!(fine.amount.as_deref(), amount, "{text}: {out:#?}");
    }
}

/// "imposed a fine of over PLN 2.8 million (approx. €644,780) on Morele.net": the target's
/// preposition comes after the qualified amount and its converted amount in brackets; a web
/// domain is one name.
#[test]
fn a_qualified_amount_before_the_nouns_target() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "The Polish data protection authority imposed a fine of over PLN 2.8 million (approx. €644,780) on Morele.net for insufficient organisational and technical safeguards.",
        Some("2019-09-10"),
    );
    let fine = find(&out.events, "fine", None);
    assert_eq!(names(fine), ["Morele.net"], "{out:#?}");
    assert_eq!(
        fine.amount.as_deref(),
        Some("over PLN 2.8 million (approx. €644,780)"),
        "{out:#?}"
    );
    let out = extract(
        &x,
        "The Czech DPA fined Mall.tv EUR 2,700 for recording parts of the public space.",
        Some("2019-09-10"),
    );
    assert_eq!(
        names(find(&out.events, "fine", None)),
        ["Mall.tv"],
        "{out:#?}"
    );
}

/// "charged Terraform Labs PTE Ltd. and its founder Do Hyeong Kwon": the role, then the name,
/// without a comma, after the period of an abbreviated legal form; a given name after a word
/// for a person stays in the name ("co-founder Do Kwon").
#[test]
fn a_role_and_a_name_after_and_its() {
    let x = built_in_extractor();
    for (text, expected) in [
        (
            "The Securities and Exchange Commission today charged Terraform Labs PTE Ltd. and its founder Do Hyeong Kwon with orchestrating a fraud.",
            vec!["Terraform Labs PTE Ltd", "Do Hyeong Kwon"],
        ),
        (
            "The SEC charged Terraform Labs and its co-founder Do Kwon with fraud.",
            vec!["Terraform Labs", "Do Kwon"],
        ),
        (
            "The SEC charged Acme Corp and its former CEO John Smith with fraud.",
            vec!["Acme Corp", "John Smith"],
        ),
    ] {
        let out = extract(&x, text, Some("2023-02-16"));
        let charge = find(&out.events, "charge", None);
        assert_eq!(names(charge), expected, "{text}: {out:#?}");
    }
}

/// "imposed a penalty of 150 million euros on Google and 60 million euros on Facebook": two
/// fines, each with its own amount, as with "fined Google 150 million euros and Facebook 60
/// million euros".
#[test]
fn a_penalty_noun_with_an_amount_for_each_target() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "France's CNIL imposed a penalty of 150 million euros on Google and 60 million euros on Facebook over their cookie policies.",
        Some("2022-01-06"),
    );
    let fines: Vec<_> = out
        .events
        .iter()
        .filter(|e| e.action.as_deref() == Some("fine"))
        .map(|e| (names(e), e.amount.clone()))
        .collect();
    assert_eq!(
        fines,
        [
            (
                vec!["Google".to_string()],
                Some("150 million euros".to_string())
            ),
            (
                vec!["Facebook".to_string()],
                Some("60 million euros".to_string())
            ),
        ],
        "{out:#?}"
    );
}

/// "said on Friday it would investigate X": an investigation an authority says it will open
/// is kept, flagged `announced`; not when negated, not a company's, and not another action
/// ("said it would fine X" stays a plan).
#[test]
fn an_announced_investigation_is_kept_and_flagged() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "China's securities regulator said on Friday it would investigate Evergrande's Hengda Real Estate unit for suspected information disclosure violations.",
        Some("2021-09-25"),
    );
    let investigation = find(&out.events, "investigation", None);
    assert_eq!(
        actor_id(investigation).as_deref(),
        Some("cn.csrc"),
        "{out:#?}"
    );
    assert_eq!(
        target_ids(investigation),
        ["hengda-real-estate"],
        "{out:#?}"
    );
    assert!(
        investigation.flags.iter().any(|f| f == "announced"),
        "{out:#?}"
    );
    let out = extract(
        &x,
        "The FTC said it will launch a formal investigation into Acme Corp.",
        Some("2021-09-25"),
    );
    let investigation = find(&out.events, "investigation", None);
    assert_eq!(
        actor_id(investigation).as_deref(),
        Some("us.ftc"),
        "{out:#?}"
    );
    assert_no_events(
        &x,
        &[
            "The FTC said it would not investigate Acme Corp.",
            "Alibaba said it would investigate its suppliers.",
            "The FTC could investigate Acme Corp.",
        ],
        Some("2021-09-25"),
    );
    // a fine the authority says it will impose is reported as decided, flagged
    let out = extract(
        &x,
        "The SEC said it would fine Acme Corp.",
        Some("2021-09-25"),
    );
    assert_eq!(out.events.len(), 1, "{out:#?}");
    assert_eq!(out.events[0].action.as_deref(), Some("fine"), "{out:#?}");
    assert!(
        out.events[0].flags.iter().any(|f| f == "announced"),
        "{out:#?}"
    );
}

/// "Evergrande's Hengda Real Estate unit": a noun for a part of a group does not join the
/// unknown name before it, as a product noun does ("Alibaba's UC browser").
#[test]
fn a_group_part_noun_after_a_possessive_name() {
    let x = dev_extractor();
    let out = extract(&x, "The SEC fined Acme's Beta Software unit.", None);
    assert_eq!(
        names(find(&out.events, "fine", None)),
        ["Beta Software"],
        "{out:#?}"
    );
}

/// "summoned Tencent, Alibaba and ByteDance and ordered them to stop ...": "them" is the
/// latest list of parties.
#[test]
fn them_as_the_object_is_the_latest_list() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "The Ministry of Industry and Information Technology has summoned Tencent, Alibaba, ByteDance and other internet firms and ordered them to stop blocking links to rivals' websites.",
        Some("2021-09-13"),
    );
    let order = find(&out.events, "order", None);
    assert_eq!(
        target_ids(order),
        ["tencent", "alibaba", "bytedance"],
        "{out:#?}"
    );
}

/// "fined Google 296 million lira" in a Turkish story: the lira is Turkey's (TRY), read only
/// with the country, as kroner are.
#[test]
fn lira_in_a_turkish_story() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "Turkey's competition board fined Google 296 million lira.",
        Some("2021-04-14"),
    );
    let fine = find(&out.events, "fine", None);
    assert_eq!(fine.amount.as_deref(), Some("296 million lira"), "{out:#?}");
    assert_eq!(fine.currency.as_deref(), Some("TRY"), "{out:#?}");
}

/// "China's live-streamed e-commerce came under scrutiny on Tuesday", "a series of fines
/// imposed on companies": an action on parties named only by an industry or a plural noun is
/// kept, with no actor and no target, flagged `unnamed_target` and with a low confidence; not
/// when the clause has an authority or an agent that is none ("lawsuits against people ...
/// were filed by the Recording Industry Association of America").
#[test]
fn actions_on_unnamed_parties() {
    let x = built_in_extractor();
    for (text, action) in [
        (
            "China’s live-streamed e-commerce came under scrutiny on Tuesday.",
            "investigation",
        ),
        (
            "This was followed by a series of fines imposed on companies for failing to submit their past acquisitions to antitrust scrutiny.",
            "fine",
        ),
    ] {
        let out = extract(&x, text, Some("2021-03-19"));
        let event = find(&out.events, action, None);
        assert!(event.actor.is_none() && event.targets.is_empty(), "{out:#?}");
        assert!(event.flags.iter().any(|f| f == "unnamed_target"), "{out:#?}");
        assert!(event.confidence.is_some_and(|c| c <= 0.5), "{out:#?}");
    }
    let out = extract(
        &x,
        "China’s live-streamed e-commerce came under scrutiny on Tuesday.",
        Some("2021-03-19"),
    );
    assert_eq!(
        date(&out.events[0]).as_deref(),
        Some("2021-03-16"),
        "{out:#?}"
    );
    assert_no_events(
        &x,
        &[
            "A further 717 lawsuits against people alleged to have traded songs were filed this week by the Recording Industry Association of America.",
            "The weather came under scrutiny.",
            "Fines rose sharply.",
        ],
        Some("2021-03-19"),
    );
}

/// "The central bank fined Acme Corp", with no jurisdiction to decide which central bank: the
/// descriptor of a regulator's kind still names the authority, unresolved, as written; not a
/// descriptor such as "government".
#[test]
fn an_unresolved_regulator_descriptor_still_acts() {
    let x = built_in_extractor();
    let out = extract(&x, "The central bank fined Acme Corp.", None);
    let fine = find(&out.events, "fine", None);
    assert_eq!(
        fine.actor.as_ref().map(|a| a.name.as_str()),
        Some("central bank"),
        "{out:#?}"
    );
    assert_eq!(fine.actor.as_ref().and_then(|a| a.id_hint.as_deref()), None);
    let out = extract(
        &x,
        "China's central bank summoned executives from 13 fintech companies including Tencent.",
        None,
    );
    let summons = find(&out.events, "summons", None);
    assert_eq!(actor_id(summons).as_deref(), Some("cn.pboc"), "{out:#?}");
    assert_no_events(
        &x,
        &["The government has been accused of underfunding research."],
        None,
    );
}

/// "The CAC said on Sunday that Didi's app was removed": the authority that reports a passive
/// with no agent acted; "... would be removed" is announced, kept and flagged. Not a company
/// that reports, nor a negated one, nor across a relative clause with its own agent.
#[test]
fn the_reporting_authority_of_a_passive() {
    let x = built_in_extractor();
    for (text, announced) in [
        (
            "The Cyberspace Administration of China said on Sunday that Didi's app would be removed from app stores, citing serious violations of personal data rules.",
            true,
        ),
        (
            "The Cyberspace Administration of China said on Sunday that Didi's app was removed from app stores.",
            false,
        ),
    ] {
        let out = extract(&x, text, Some("2021-07-05"));
        let removal = find(&out.events, "removal", None);
        assert_eq!(actor_id(removal).as_deref(), Some("cn.cac"), "{out:#?}");
        assert_eq!(target_ids(removal), ["didi"], "{out:#?}");
        assert_eq!(date(removal).as_deref(), Some("2021-07-04"), "{out:#?}");
        assert_eq!(
            removal.flags.iter().any(|f| f == "announced"),
            announced,
            "{out:#?}"
        );
    }
    assert_no_events(
        &x,
        &[
            "Didi said its app would be removed from app stores.",
            "The CAC said Didi's app would not be removed.",
            "SAIC says none of its money will be paid to the four owners of Rover, who have been accused by unions of awarding themselves exorbitant salaries, the FT reports.",
        ],
        Some("2021-07-05"),
    );
}

/// "Meituan is under investigation ..., the SAMR said on Monday": a reporting clause that
/// closes the sentence gives a passive or received action with no agent its actor, and its
/// date when the action's clause has none (the participle "suspected" does not own it).
#[test]
fn a_closing_reporting_clause() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "Meituan is under investigation for suspected monopolistic practices, the SAMR said on Monday.",
        Some("2021-07-10"),
    );
    let investigation = find(&out.events, "investigation", None);
    assert_eq!(
        actor_id(investigation).as_deref(),
        Some("cn.samr"),
        "{out:#?}"
    );
    assert_eq!(
        date(investigation).as_deref(),
        Some("2021-07-05"),
        "{out:#?}"
    );
    let out = extract(
        &x,
        "Didi's app was removed from app stores, the CAC said on Sunday.",
        Some("2021-07-10"),
    );
    let removal = find(&out.events, "removal", None);
    assert_eq!(actor_id(removal).as_deref(), Some("cn.cac"), "{out:#?}");
    assert_eq!(date(removal).as_deref(), Some("2021-07-04"), "{out:#?}");
    // a company that reports is no actor
    let out = extract(
        &x,
        "Acme Corp was fined in 2019, the company said on Monday.",
        Some("2021-07-10"),
    );
    let fine = find(&out.events, "fine", None);
    assert_eq!(date(fine).as_deref(), Some("2019"), "{out:#?}");
}

/// "Hardie's former chief executive Peter MacDonald", "Yukos' founder, Mikhail Khodorkovsky,":
/// a role in a company after its possessive, then the holder's name: the person is the target,
/// the company only their employer (as in "Tesla CEO Elon Musk").
#[test]
fn a_companys_role_holder_after_a_possessive() {
    let x = built_in_extractor();
    for (text, action, target) in [
        (
            "Australia's securities watchdog is currently investigating Hardie's former chief executive Peter MacDonald.",
            "investigation",
            "Peter MacDonald",
        ),
        (
            "The SEC charged Acme Corp's chief financial officer, John Smith, with fraud.",
            "charge",
            "John Smith",
        ),
        (
            "Since Yukos' founder, Mikhail Khodorkovsky, was arrested a year ago, the Russian market has dropped by 10%.",
            "other",
            "Mikhail Khodorkovsky",
        ),
    ] {
        let out = extract(&x, text, Some("2004-11-20"));
        let event = find(&out.events, action, None);
        assert_eq!(names(event), [target], "{text}: {out:#?}");
    }
}

/// "closed an investigation against X" is no removal (the investigation is read); "ordered
/// Apple to remove the restrictions" is an order to Apple, not a removal of Apple; "the iPhone
/// maker" refers back to Apple through its sector.
#[test]
fn closing_an_action_or_removing_a_restriction_is_no_removal() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "In February, the Romanian DPA (ANSPDCP) closed an investigation against S.C. Medicover S.R.L. and found a violation of Art. 32 GDPR.",
        Some("2021-03-01"),
    );
    assert!(
        out.events
            .iter()
            .all(|e| e.action.as_deref() != Some("removal")),
        "{out:#?}"
    );
    let investigation = find(&out.events, "investigation", None);
    assert_eq!(names(investigation), ["S.C. Medicover S.R.L"], "{out:#?}");
    let out = extract(
        &x,
        "Apple was fined by the European Commission.\n\nThe European Commission ordered the iPhone maker to remove the restrictions within 60 days.",
        Some("2024-03-04"),
    );
    assert!(
        out.events
            .iter()
            .all(|e| e.action.as_deref() != Some("removal")),
        "{out:#?}"
    );
    let order = find(&out.events, "order", None);
    assert_eq!(target_ids(order), ["apple"], "{out:#?}");
    assert_no_events(&x, &["The EU removed the restrictions on imports."], None);
}

/// "issued a cease-and-desist order requiring Acme Corp to stop": the party the order requires
/// to act is its target (also "an injunction barring X from").
#[test]
fn the_party_an_order_requires_to_act() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "The FTC issued a cease-and-desist order requiring Acme Corp to stop the practice.",
        Some("2024-03-04"),
    );
    let order = find(&out.events, "order", None);
    assert_eq!(names(order), ["Acme Corp"], "{out:#?}");
    assert_eq!(actor_id(order).as_deref(), Some("us.ftc"), "{out:#?}");
    let out = extract(
        &x,
        "The court issued an injunction barring Acme Corp from selling the product.",
        Some("2024-03-04"),
    );
    assert_eq!(
        names(find(&out.events, "order", None)),
        ["Acme Corp"],
        "{out:#?}"
    );
}

/// "Meituan paid a fine of 3.44 billion yuan", "will pay a fine", "must pay": the payer
/// receives the fine (the payment verb, itself a trigger word, is the cue); a decided penalty
/// to be paid is no plan, but "would pay a fine if ..." and "could pay" are. An authority that
/// reports the clause, before or after it, is the actor.
#[test]
fn the_payer_of_a_fine_is_its_target() {
    let x = built_in_extractor();
    for (text, actor) in [
        ("Meituan paid a fine of 3.44 billion yuan.", None),
        ("Meituan paid a 3.44 billion yuan fine.", None),
        ("Meituan will pay a fine of 3.44 billion yuan.", None),
        (
            "Meituan must pay a fine of 3.44 billion yuan, the SAMR said.",
            Some("cn.samr"),
        ),
        (
            "The SAMR said Meituan would pay a fine of 3.44 billion yuan.",
            Some("cn.samr"),
        ),
        (
            "The SEC said Acme Corp agreed to pay a $10 million penalty.",
            Some("us.sec"),
        ),
    ] {
        let out = extract(&x, text, Some("2021-10-08"));
        let fine = find(&out.events, "fine", None);
        assert_eq!(fine.targets.len(), 1, "{text}: {out:#?}");
        assert!(fine.targets[0].name.starts_with(if text.contains("Acme") {
            "Acme"
        } else {
            "Meituan"
        }));
        assert_eq!(actor_id(fine).as_deref(), actor, "{text}: {out:#?}");
        assert!(fine.amount.is_some(), "{text}: {out:#?}");
    }
    // an order to pay is read by the order's trigger: one event, also with the agent between
    let out = extract(
        &x,
        "Meituan was ordered by the SAMR to pay a fine of 3.44 billion yuan on Friday.",
        Some("2021-10-08"),
    );
    assert_eq!(out.events.len(), 1, "{out:#?}");
    assert_eq!(out.events[0].action.as_deref(), Some("fine"), "{out:#?}");
    assert_eq!(actor_id(&out.events[0]).as_deref(), Some("cn.samr"));
    assert!(out.events[0].amount.is_some(), "{out:#?}");
    let out = extract(
        &x,
        "Last month in a US court, Riggs Bank pleaded guilty to failing to report suspicious \
         activity. On that occasion, it was ordered to pay a fine of $16m.",
        None,
    );
    assert_eq!(out.events.len(), 1, "{out:#?}");
    assert_eq!(out.events[0].action.as_deref(), Some("ruling"), "{out:#?}");
    assert_no_events(
        &x,
        &[
            "Meituan would pay a fine of 3.44 billion yuan if it lost the case.",
            "Meituan could pay a fine of up to 10% of its revenue.",
        ],
        Some("2021-10-08"),
    );
}

/// "The FTC sued to block Nvidia's acquisition of Arm": one suit against the party of the ban
/// it seeks; the ban is not done, so it is no event of its own.
#[test]
fn a_suit_to_block_is_a_suit_against_the_party() {
    let x = built_in_extractor();
    for (text, target) in [
        (
            "The FTC on Thursday sued to block Nvidia's $40 billion acquisition of Arm.",
            "Nvidia",
        ),
        (
            "The FTC sued on Thursday to block Nvidia from buying Arm.",
            "Nvidia",
        ),
        (
            "The FTC filed a lawsuit to block Microsoft from acquiring Activision Blizzard.",
            "Microsoft",
        ),
    ] {
        let out = extract(&x, text, Some("2021-12-03"));
        assert_eq!(out.events.len(), 1, "{text}: {out:#?}");
        let suit = &out.events[0];
        assert_eq!(suit.action.as_deref(), Some("charge"), "{text}: {out:#?}");
        assert_eq!(
            actor_id(suit).as_deref(),
            Some("us.ftc"),
            "{text}: {out:#?}"
        );
        let names: Vec<&str> = suit.targets.iter().map(|t| t.name.as_str()).collect();
        assert!(names[0].starts_with(target), "{text}: {out:#?}");
    }
    // a ban that is done stays one
    let out = extract(&x, "The FTC blocked Nvidia from buying Arm.", None);
    assert_eq!(out.events[0].action.as_deref(), Some("ban"), "{out:#?}");
}

/// "India's Competition Commission": a catalogue name of another country's body (the UK's
/// former Competition Commission) that is also a descriptor is the named country's body; the
/// name alone, or after its own country, is still that body.
#[test]
fn a_country_before_a_shared_name_picks_its_own_body() {
    let x = built_in_extractor();
    for (text, actor) in [
        (
            "India's Competition Commission fined Google 13.38 billion rupees.",
            "in.cci",
        ),
        (
            "The Competition Commission fined Acme Widgets Ltd.",
            "uk.competition-commission",
        ),
        (
            "Britain's Competition Commission fined Acme Widgets Ltd.",
            "uk.competition-commission",
        ),
    ] {
        assert_actor(&x, text, "fine", Some(actor));
    }
}

/// A wire story's dateline anchors its relative dates when the document has no published
/// date: "BEIJING, July 24 (Reuters) - ... on Saturday" is that Saturday, July 24, 2021 (its
/// year from the job's reference date); a published date still wins (Tuesday, August 3).
#[test]
fn a_dateline_anchors_relative_dates() {
    let x = built_in_extractor();
    let text = "BEIJING, July 24 (Reuters) - China's market regulator on Saturday fined \
                Tencent 500,000 yuan.\n\nThe internet regulator summoned Meituan on Friday.";
    let reference = Some("2021-12-31");
    let out = extract_with_reference(&x, text, None, reference);
    assert_eq!(
        date(find(&out.events, "fine", None)).as_deref(),
        Some("2021-07-24"),
        "{out:#?}"
    );
    assert_eq!(
        date(find(&out.events, "summons", None)).as_deref(),
        Some("2021-07-23"),
        "{out:#?}"
    );
    let out = extract_with_reference(&x, text, Some("2021-08-03"), reference);
    assert_eq!(
        date(find(&out.events, "fine", None)).as_deref(),
        Some("2021-07-31"),
        "{out:#?}"
    );
    assert_eq!(
        date(find(&out.events, "summons", None)).as_deref(),
        Some("2021-07-30"),
        "{out:#?}"
    );
}

/// "The CAC said it had summoned executives from Meituan and ordered the company to
/// rectify": a verb right after "and" shares the actor of the sentence's latest active verb,
/// however far back their subject is.
#[test]
fn a_coordinated_verb_shares_the_actor() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "The Cyberspace Administration of China said on Friday it had summoned executives \
         from Meituan and ordered the company to rectify problems.",
        Some("2021-07-24"),
    );
    let order = find(&out.events, "order", None);
    assert_eq!(actor_id(order).as_deref(), Some("cn.cac"), "{out:#?}");
    assert_eq!(target_ids(order), ["meituan"], "{out:#?}");
}

/// Press-release phrasings of a penalty's parties: a subject list with a role and its holder
/// ("Binance and its founder Changpeng Zhao agreed to pay"), a penalty given "to" a party
/// after an amount ("issued a £7.5 million fine to Clearview AI"), "over" as the reason when
/// the subject receives the penalty ("Amazon was hit with a $25 million fine over Alexa voice
/// recordings"), a settlement "between" an authority and a party, and an order named with
/// what it requires ("finalized an order requiring Epic Games to pay").
#[test]
fn parties_of_press_release_phrasings() {
    let x = built_in_extractor();
    let names = |e: &docket_core::RawEvent| -> Vec<String> {
        e.targets.iter().map(|t| t.name.clone()).collect()
    };
    let out = extract(
        &x,
        "Binance and its founder Changpeng Zhao agreed to pay $4.3 billion to resolve the \
         Justice Department's investigation.",
        None,
    );
    let settlement = find(&out.events, "settlement", None);
    assert_eq!(names(settlement), ["Binance", "Changpeng Zhao"], "{out:#?}");

    let out = extract(
        &x,
        "The UK's Information Commissioner's Office issued a £7.5 million fine to Clearview AI.",
        None,
    );
    let fine = find(&out.events, "fine", None);
    assert_eq!(names(fine), ["Clearview AI"], "{out:#?}");
    assert_eq!(fine.amount.as_deref(), Some("£7.5 million"), "{out:#?}");

    let out = extract(
        &x,
        "Amazon was hit with a $25 million fine over Alexa voice recordings of children.",
        None,
    );
    assert_eq!(
        target_ids(find(&out.events, "fine", None)),
        ["amazon"],
        "{out:#?}"
    );

    let out = extract(
        &x,
        "A federal judge on Monday approved a $5 billion settlement between the FTC and \
         Facebook.",
        Some("2019-07-26"),
    );
    let settlement = find(&out.events, "settlement", None);
    assert_eq!(actor_id(settlement).as_deref(), Some("us.ftc"), "{out:#?}");
    assert_eq!(target_ids(settlement), ["facebook"], "{out:#?}");

    let out = extract(
        &x,
        "The Federal Trade Commission today finalized an order requiring Epic Games to pay \
         $245 million to consumers.",
        Some("2023-03-14"),
    );
    assert_eq!(out.events.len(), 1, "{out:#?}");
    assert_eq!(
        actor_id(&out.events[0]).as_deref(),
        Some("us.ftc"),
        "{out:#?}"
    );
    assert_eq!(names(&out.events[0]), ["Epic Games"], "{out:#?}");
    // the bare noun is still no trigger
    assert_no_events(
        &x,
        &[
            "In order to comply, Acme Corp changed its policy.",
            "The airline placed an order for 30 planes.",
            "A settlement between Acme Corp and Beta Corp ended the dispute.",
        ],
        None,
    );
}

/// "fined Didi chairman Cheng Wei and president Jean Liu": a role and its holder continue an
/// object list. A noun in the reason of an earlier action that names no party is that reason
/// ("for failing to report acquisitions for antitrust review": no review took place), unless
/// the reason tells of one that took place ("during an investigation": of the same parties).
#[test]
fn roles_in_object_lists_and_nouns_in_reasons() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "The CAC also fined Didi chairman Cheng Wei and president Jean Liu 1 million yuan each.",
        None,
    );
    // (one fine per person, each of 1 million yuan)
    let names: Vec<&str> = out
        .events
        .iter()
        .filter(|e| e.action.as_deref() == Some("fine"))
        .flat_map(|e| e.targets.iter().map(|t| t.name.as_str()))
        .collect();
    assert_eq!(names, ["Cheng Wei", "Jean Liu"], "{out:#?}");

    let out = extract(
        &x,
        "Authorities fined Tencent, Alibaba and Suning for failing to report earlier \
         acquisitions for antitrust review.",
        None,
    );
    assert_eq!(out.events.len(), 1, "{out:#?}");
    assert_eq!(out.events[0].action.as_deref(), Some("fine"), "{out:#?}");

    let out = extract(
        &x,
        "The Polish DPA (UODO) has fined Funeda Sp. z o.o. EUR 4,900 for failing to provide \
         information requested by the DPA during an investigation.",
        None,
    );
    let investigation = find(&out.events, "investigation", None);
    assert_eq!(
        investigation.targets.first().map(|t| t.name.as_str()),
        Some("Funeda Sp. z o.o."),
        "{out:#?}"
    );
}

/// "Funeda Sp. z o.o.": the Polish legal form, written with periods and spaces, closes an
/// unknown name; after it, a sentence opener such as "Due" starts a new sentence.
#[test]
fn the_polish_legal_form_closes_a_name() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "The Polish DPA (UODO) imposed a fine of EUR 235,300 on ID Finance Poland Sp. z o.o. \
         Due to an error while restarting a server, the data of 140 699 customers were public.",
        None,
    );
    let fine = find(&out.events, "fine", None);
    let names: Vec<&str> = fine.targets.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["ID Finance Poland Sp. z o.o."], "{out:#?}");
    for text in [
        "The UODO fined Anwara Sp. z.o.o. for a breach.",
        "The UODO fined Anwara Sp. z o. o. for a breach.",
    ] {
        let out = extract(&x, text, None);
        let fine = find(&out.events, "fine", None);
        assert!(fine.targets[0].name.starts_with("Anwara Sp. z"), "{out:#?}");
    }
    // the Italian forms, written with periods inside, too
    for (text, name) in [
        (
            "The Italian DPA (Garante) has fined Gedi Gruppo Editoriale S.p.A. 20,000 euros.",
            "Gedi Gruppo Editoriale S.p.A.",
        ),
        (
            "The Italian DPA fined Acme S.r.l. 5,000 euros.",
            "Acme S.r.l.",
        ),
    ] {
        let out = extract(&x, text, None);
        let fine = find(&out.events, "fine", None);
        assert_eq!(fine.targets[0].name, name, "{out:#?}");
        assert!(fine.amount.is_some(), "{out:#?}");
    }
}

/// "fined UAB Prime Leasing, the operator of the short-term car rental platform CityBee, EUR
/// 110,000": the amount after an apposition that follows the target is the verb's.
#[test]
fn an_amount_after_the_targets_apposition() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "The Lithuanian DPA has fined UAB Prime Leasing, the operator of the short-term car \
         rental platform CityBee, EUR 110,000.",
        None,
    );
    let fine = find(&out.events, "fine", None);
    assert_eq!(fine.amount.as_deref(), Some("EUR 110,000"), "{out:#?}");
    assert_eq!(fine.targets[0].name, "UAB Prime Leasing", "{out:#?}");
}

/// SEC litigation releases: "X consented to the entry of a final judgment that ... orders it
/// to pay a civil penalty of $N" is one ruling on X with the penalty; "filed a settled action
/// against X", "instituted settled administrative proceedings against X" are settlements with
/// X.
#[test]
fn consent_judgments_and_settled_actions() {
    let x = built_in_extractor();
    for text in [
        "Without admitting or denying the allegations, Beta Corp consented to the entry of a \
         final judgment that permanently enjoins it from violating Section 17(a) and orders it \
         to pay a civil penalty of $1.5 million.",
        "Beta Corp consented to the entry of a final judgment ordering it to pay a civil \
         penalty of $1.5 million.",
    ] {
        let out = extract(&x, text, None);
        assert_eq!(out.events.len(), 1, "{text}: {out:#?}");
        let ruling = &out.events[0];
        assert_eq!(ruling.action.as_deref(), Some("ruling"), "{out:#?}");
        assert_eq!(ruling.targets[0].name, "Beta Corp", "{out:#?}");
        assert_eq!(ruling.amount.as_deref(), Some("$1.5 million"), "{out:#?}");
    }
    for (text, names) in [
        (
            "On May 3, 2023, the SEC filed a settled action against Acme Capital LLC and its \
             principal, John Roe.",
            &["Acme Capital LLC", "John Roe"][..],
        ),
        (
            "The SEC instituted settled administrative proceedings against Beta LLC.",
            &["Beta LLC"][..],
        ),
    ] {
        let out = extract(&x, text, None);
        let settlement = find(&out.events, "settlement", None);
        assert_eq!(actor_id(settlement).as_deref(), Some("us.sec"), "{out:#?}");
        let found: Vec<&str> = settlement.targets.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(found, names, "{text}: {out:#?}");
    }
}

/// The window in which a word of plan or hypothesis drops a trigger counts a name as one
/// word: "calling on the Department of Trade and Industry to block" is a call, not a ban.
#[test]
fn a_long_name_does_not_hide_a_call_for_action() {
    let x = built_in_extractor();
    assert_no_events(
        &x,
        &[
            "A group of five MPs are calling on the Department of Trade and Industry to block \
           any takeover of the club by the US football magnate.",
        ],
        None,
    );
}

/// "ruled against Acme Corp": the party named right after "against" is the ruling's target
/// (not "ruled against the interests of the people he represents"); "ruled out" is no ruling.
#[test]
fn ruled_against_and_ruled_out() {
    let x = built_in_extractor();
    for text in [
        "A US court ruled against Acme Corp.",
        "The court ruled against Acme Corp on Monday.",
    ] {
        let out = extract(&x, text, Some("2021-07-10"));
        let ruling = find(&out.events, "ruling", None);
        assert_eq!(ruling.targets[0].name, "Acme Corp", "{text}: {out:#?}");
    }
    let out = extract(
        &x,
        "The Supreme Court has ruled against the interests of the people he represents.",
        None,
    );
    assert!(out.events.iter().all(|e| e.targets.is_empty()), "{out:#?}");
    assert_no_events(
        &x,
        &[
            "The minister ruled out a bailout of Acme Corp.",
            "The Irish Prime Minister ruled out a management buy-out of Aer Lingus.",
        ],
        None,
    );
}

/// "Beijing put Didi under a cybersecurity review", "The CAC placed Full Truck Alliance under
/// cybersecurity review": the subject of the verb that puts the party under the noun acts (an
/// authority, or a state as for "Beijing slapped a fine on Alibaba"); not a company, and not
/// in the passive.
#[test]
fn who_puts_a_party_under_review_acts() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "The CAC placed Full Truck Alliance under cybersecurity review on Monday.",
        Some("2021-07-10"),
    );
    let review = find(&out.events, "investigation", None);
    assert_eq!(actor_id(review).as_deref(), Some("cn.cac"), "{out:#?}");
    let out = extract(
        &x,
        "Beijing put Didi under a cybersecurity review two days after its IPO.",
        None,
    );
    let review = find(&out.events, "investigation", None);
    assert_eq!(
        actor_id(review).as_deref(),
        Some("cn.state-council"),
        "{out:#?}"
    );
    let out = extract(&x, "Didi was put under a cybersecurity review.", None);
    assert!(
        find(&out.events, "investigation", None).actor.is_none(),
        "{out:#?}"
    );
    assert_no_events(&x, &["Alibaba put its suppliers under review."], None);
}

/// "Tencent Music has been ordered to ..., the market regulator said on Saturday, and was
/// fined 500,000 yuan": across the inserted reporting clause, the passive after ", and" has the
/// subject of the sentence's first passive, and the reporting authority as its actor.
#[test]
fn a_passive_after_an_inserted_reporting_clause() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "China Tech has been ordered to give up exclusive rights, the SAMR said on Saturday, \
         and was fined 500,000 yuan.",
        Some("2021-07-24"),
    );
    let fine = find(&out.events, "fine", None);
    assert_eq!(actor_id(fine).as_deref(), Some("cn.samr"), "{out:#?}");
    assert_eq!(fine.targets[0].name, "China Tech", "{out:#?}");
    assert_eq!(fine.amount.as_deref(), Some("500,000 yuan"), "{out:#?}");
    assert_eq!(date(fine).as_deref(), Some("2021-07-24"), "{out:#?}");
}

/// "The Commission said Apple had abused its dominant position. It ordered the iPhone maker to
/// remove the restrictions.": an "it" that opens a sentence refers to the authority that opened
/// the previous one as its subject, though a company was named after it; the company before
/// the complement is the one ordered, not a company acting.
#[test]
fn a_sentence_opening_it_is_the_previous_subject() {
    let x = built_in_extractor();
    for (text, action) in [
        (
            "The Commission said Apple had abused its dominant position. It ordered the iPhone \
             maker to remove the restrictions.",
            "order",
        ),
        (
            "The Commission said Apple had abused its dominant position. It fined Apple 1.8 \
             billion euros.",
            "fine",
        ),
        (
            "The Commission fined Apple. It ordered the iPhone maker to remove the restrictions.",
            "order",
        ),
    ] {
        let out = extract(&x, text, None);
        let event = find(&out.events, action, Some("apple"));
        assert_eq!(
            actor_id(event).as_deref(),
            Some("eu.commission"),
            "{text}: {out:#?}"
        );
    }
    // a company that opened the previous sentence is no authority
    let out = extract(
        &x,
        "Apple said the Commission had erred. It fined its suppliers.",
        None,
    );
    assert!(out.events.iter().all(|e| e.actor.is_none()), "{out:#?}");
}

/// "China's market regulator fined Alibaba ... The company was also ordered to submit
/// self-examination reports": a passive with no agent and "also" continues the previous
/// sentence's action on the same party, by the same authority; without "also", or on another
/// party, it has no actor.
#[test]
fn also_continues_the_previous_authority() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "China's market regulator fined Alibaba 18.2 billion yuan on Saturday. The company was \
         also ordered to submit self-examination reports for three years.",
        Some("2021-04-12"),
    );
    let order = find(&out.events, "order", Some("alibaba"));
    assert_eq!(actor_id(order).as_deref(), Some("cn.samr"), "{out:#?}");
    for text in [
        "China's market regulator fined Alibaba 18.2 billion yuan on Saturday. The company was \
         ordered to submit self-examination reports for three years.",
        "China's market regulator fined Alibaba 18.2 billion yuan on Saturday. Tencent was also \
         ordered to submit self-examination reports for three years.",
    ] {
        let out = extract(&x, text, Some("2021-04-12"));
        let order = find(&out.events, "order", None);
        assert!(order.actor.is_none(), "{text}: {out:#?}");
    }
}

/// "Alibaba-backed Suning", "Tencent-owned Sogou and SoftBank-backed Didi": a name that opens a
/// hyphenated adjective describes another party and is no party itself; the party after it is
/// still read in a list.
#[test]
fn a_backer_named_in_an_adjective_is_no_party() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "China's market regulator on Friday fined Alibaba-backed Suning.com 5 million yuan for \
         abusing its dominant market position.",
        Some("2021-07-10"),
    );
    let fine = find(&out.events, "fine", Some("suning"));
    assert_eq!(target_ids(fine), vec!["suning"], "{out:#?}");
    let out = extract(
        &x,
        "The SAMR fined Tencent-owned Sogou and SoftBank-backed Didi 500,000 yuan.",
        None,
    );
    let fine = find(&out.events, "fine", Some("didi"));
    assert_eq!(target_ids(fine), vec!["name:Sogou", "didi"], "{out:#?}");
}

/// 'Ramesh "Sunny" Balwani': a nickname in quotes between a person's names is part of the
/// name; the penalty the judgment orders him to pay is the judgment's amount, not a fine of
/// its own.
#[test]
fn a_nickname_inside_a_name_and_the_penalty_a_judgment_orders() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "The SEC obtained a final judgment against former Theranos president Ramesh \"Sunny\" \
         Balwani, ordering him to pay a $25 million penalty.",
        None,
    );
    assert_eq!(out.events.len(), 1, "{out:#?}");
    let ruling = find(&out.events, "ruling", None);
    assert_eq!(
        target_ids(ruling),
        vec!["name:Ramesh \"Sunny\" Balwani"],
        "{out:#?}"
    );
    assert_eq!(ruling.amount.as_deref(), Some("$25 million"));
}

/// "fined Apple and Amazon a total of more than 200 million euros": the words of a sum stand
/// between the fine and its amount.
#[test]
fn a_total_of_more_than_an_amount() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "Italy's antitrust authority AGCM fined Apple and Amazon a total of more than 200 \
         million euros for colluding to restrict the sale of Apple products.",
        None,
    );
    let fine = find(&out.events, "fine", Some("amazon"));
    assert_eq!(
        fine.amount.as_deref(),
        Some("more than 200 million euros"),
        "{out:#?}"
    );
}

/// "fined Google ... for failing to delete banned content": a participle between a verb after
/// "to" and a noun is an adjective, no ban.
#[test]
fn a_participle_before_a_noun_is_an_adjective() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "Russia's communications regulator Roskomnadzor fined Google 6 million roubles for \
         failing to delete banned content.",
        None,
    );
    assert_eq!(out.events.len(), 1, "{out:#?}");
    find(&out.events, "fine", Some("google"));
}

/// "Norway's data protection authority said on Monday it would fine Grindr", "The SAMR said it
/// would fine Tencent 500,000 yuan": an authority announcing a fine reports it as decided (a
/// fine, flagged `announced`); a company saying so plans nothing of the kind, and "intends to
/// fine" stays a threat.
#[test]
fn an_authority_that_says_it_will_fine() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "Norway's data protection authority said on Monday it would fine Grindr NOK 100 million \
         for sharing user data with advertisers without consent.",
        Some("2021-01-27"),
    );
    assert_eq!(out.events.len(), 1, "{out:#?}");
    let fine = find(&out.events, "fine", Some("name:Grindr"));
    assert_eq!(actor_id(fine).as_deref(), Some("no.datatilsynet"));
    assert!(fine.flags.iter().any(|f| f == "announced"), "{fine:#?}");
    assert_eq!(fine.amount.as_deref(), Some("NOK 100 million"));
    assert_no_events(&x, &["The company said it would fine its suppliers."], None);
    let out = extract(
        &x,
        "The Norwegian Data Protection Authority intends to fine Grindr NOK 100 million.",
        None,
    );
    find(&out.events, "warning", Some("name:Grindr"));
}

/// "to settle allegations by the Federal Trade Commission": the authority that makes the
/// claims settled is the settlement's counterparty.
#[test]
fn a_settlement_of_claims_by_an_authority() {
    let x = built_in_extractor();
    for (text, authority) in [
        (
            "Twitter has agreed to pay a $150 million penalty to settle allegations by the \
             Federal Trade Commission and the Justice Department that it misused users' data.",
            "us.ftc",
        ),
        (
            "Acme Corp agreed to pay $5 million to settle claims by the Justice Department that \
             it defrauded Medicare.",
            "us.doj",
        ),
    ] {
        let out = extract(&x, text, None);
        let settlement = find(&out.events, "settlement", None);
        assert_eq!(actor_id(settlement).as_deref(), Some(authority), "{out:#?}");
    }
}

/// "ordered Apple to allow ..., and imposed weekly penalties of 5 million euros": a penalty
/// handed over by a verb coordinated with the previous active verb goes to that verb's party.
#[test]
fn a_coordinated_penalty_goes_to_the_earlier_party() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "The Dutch competition regulator ACM ordered Apple to allow dating apps to use \
         alternative payment systems, and imposed weekly penalties of 5 million euros after the \
         company failed to comply.",
        None,
    );
    let fine = find(&out.events, "fine", Some("apple"));
    assert_eq!(actor_id(fine).as_deref(), Some("nl.acm"), "{out:#?}");
    assert_eq!(fine.amount.as_deref(), Some("5 million euros"));
}

/// "took Google to court", "has taken legal action against Qantas", "filed suit against Exxon
/// Mobil": an authority's suits; a private party's are no enforcement, and a verb in the
/// reason of the suit ("flights it had already cancelled") is no action.
#[test]
fn suits_taken_to_court() {
    let x = built_in_extractor();
    for (text, authority, target) in [
        (
            "The Australian Competition and Consumer Commission took Google to court, alleging \
             it misled consumers about the collection of location data.",
            "au.accc",
            "google",
        ),
        (
            "The ACCC has taken legal action against Qantas for advertising tickets on flights \
             it had already cancelled.",
            "au.accc",
            "name:Qantas",
        ),
    ] {
        let out = extract(&x, text, None);
        assert_eq!(out.events.len(), 1, "{text}: {out:#?}");
        let charge = find(&out.events, "charge", Some(target));
        assert_eq!(actor_id(charge).as_deref(), Some(authority), "{text}");
    }
    let out = extract(
        &x,
        "New York Attorney General Letitia James filed suit against Exxon Mobil, accusing the \
         oil giant of misleading investors.",
        None,
    );
    let charge = find(&out.events, "charge", None);
    assert!(charge.actor.is_some(), "{out:#?}");
    assert!(!charge.targets.is_empty(), "{out:#?}");
    assert_no_events(
        &x,
        &[
            "Epic Games took Apple to court over its App Store rules.",
            "Last month major film studios started legal action against 200 individuals.",
        ],
        None,
    );
}

/// "The MIIT said it had found 101 apps that illegally collected user data and ordered them
/// to fix the problems": the verb after "and" has the reported "it" as its subject, and "them"
/// the latest counted group; "said it would hold talks with internet platforms and ordered
/// them to rectify": the modal governs "hold", not the past tense after "and" (but "could be
/// fined and banned" shares "could be").
#[test]
fn a_verb_after_and_with_the_reported_subject() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "The Ministry of Industry and Information Technology said it had found 101 apps that \
         illegally collected user data and ordered them to fix the problems by a deadline.",
        None,
    );
    let order = find(&out.events, "order", None);
    assert_eq!(actor_id(order).as_deref(), Some("cn.miit"), "{out:#?}");
    assert_eq!(order.target_count, Some(101), "{out:#?}");
    let out = extract(
        &x,
        "The State Administration for Market Regulation said it would hold talks with internet \
         platforms and ordered them to rectify anti-competitive practices within a month.",
        None,
    );
    let order = find(&out.events, "order", None);
    assert_eq!(actor_id(order).as_deref(), Some("cn.samr"), "{out:#?}");
    assert_no_events(
        &x,
        &["The SAMR said Alibaba could be fined and banned from new deals."],
        None,
    );
}

/// "a cybersecurity review of three more online platforms: Yunmanman, Huochebang and Boss
/// Zhipin": the list after the colon names the group.
#[test]
fn a_group_listed_after_a_colon() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "China's cyberspace regulator on Friday announced it had opened a cybersecurity review \
         of three more online platforms: Yunmanman, Huochebang and Boss Zhipin.",
        Some("2021-07-05"),
    );
    let review = find(&out.events, "investigation", Some("kanzhun"));
    assert_eq!(actor_id(review).as_deref(), Some("cn.cac"), "{out:#?}");
    // (Yunmanman and Huochebang are both apps of Full Truck Alliance)
    assert_eq!(
        target_ids(review),
        vec!["full-truck-alliance", "kanzhun"],
        "{out:#?}"
    );
}

/// "finalized an order with Epic Games", "is taking action against Amazon", "dismissed
/// Google's appeal against the 2.42 billion euro fine": the party agreed with, acted against,
/// or appealing a sanction.
#[test]
fn orders_with_actions_against_and_appeals() {
    let x = built_in_extractor();
    for (text, action, authority, target) in [
        (
            "The Federal Trade Commission today finalized an order with Epic Games that \
             requires the company to pay $245 million to consumers.",
            "order",
            "us.ftc",
            "name:Epic Games",
        ),
        (
            "The FTC is taking action against Amazon for its years-long effort to enroll \
             consumers into Prime without their consent.",
            "other",
            "us.ftc",
            "amazon",
        ),
        (
            "The court upheld the Commission's decision and dismissed Google's appeal against \
             the 2.42 billion euro fine.",
            "fine",
            "eu.commission",
            "google",
        ),
    ] {
        let out = extract(&x, text, None);
        let event = find(&out.events, action, Some(target));
        assert_eq!(
            actor_id(event).as_deref(),
            Some(authority),
            "{text}: {out:#?}"
        );
    }
    assert_no_events(
        &x,
        &["Alibaba is taking action against counterfeiters on its platforms."],
        None,
    );
}

/// "ordered the company's 25 apps removed from app stores": the owner of what is ordered done
/// is the target, with the count.
#[test]
fn the_owner_of_what_is_ordered_removed() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "The CAC has banned Didi from registering new users and ordered Didi's 25 apps removed \
         from app stores.",
        None,
    );
    let removal = find(&out.events, "removal", Some("didi"));
    assert_eq!(actor_id(removal).as_deref(), Some("cn.cac"), "{out:#?}");
    assert_eq!(removal.target_count, Some(25), "{out:#?}");
}

/// "On Saturday, the SAMR said Alibaba would be fined 18.2 billion yuan": a fine decided, as
/// the regulator reports it, dated by the expression that opens the sentence; "could be
/// fined" and "would be fined if" stay hypothetical.
#[test]
fn a_fine_reported_as_decided_and_an_opening_date() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "On Saturday, the SAMR said Alibaba would be fined 18.2 billion yuan after an \
         investigation found it had abused its dominant position.",
        Some("2021-04-12"),
    );
    let fine = find(&out.events, "fine", Some("alibaba"));
    assert_eq!(actor_id(fine).as_deref(), Some("cn.samr"), "{out:#?}");
    assert_eq!(fine.amount.as_deref(), Some("18.2 billion yuan"));
    assert_eq!(date(fine).as_deref(), Some("2021-04-10"), "{out:#?}");
    assert_no_events(
        &x,
        &[
            "The SAMR said Alibaba could be fined 18.2 billion yuan.",
            "The SAMR said Alibaba would be fined 18.2 billion yuan if it did not comply.",
        ],
        None,
    );
}

/// "imposed fines totalling 48 million euros on Metro and Rewe", "on three wholesalers": the
/// parties after a total, and wholesalers counted as a group.
#[test]
fn fines_totalling_an_amount_on_parties() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "Germany's Bundeskartellamt imposed fines totalling 48 million euros on Metro and Rewe.",
        None,
    );
    let fine = find(&out.events, "fine", None);
    assert_eq!(fine.targets.len(), 2, "{out:#?}");
    let out = extract(
        &x,
        "Germany's Bundeskartellamt fined three wholesalers 48 million euros for price fixing.",
        None,
    );
    let fine = find(&out.events, "fine", None);
    assert_eq!(fine.target_count, Some(3), "{out:#?}");
}

/// Regulators outside the EU and the US, named by a country's descriptor or their own name:
/// "India's antitrust body", "Nigeria's competition watchdog", "Brazil's consumer protection
/// agency Senacon" (with its amount in reais), "The Office of the Australian Information
/// Commissioner" (not the UK's Information Commissioner).
#[test]
fn regulators_of_more_countries() {
    let x = built_in_extractor();
    for (text, authority, target) in [
        (
            "India's antitrust body fined Google 13.37 billion rupees ($161 million) for \
             exploiting its dominant position in the Android ecosystem.",
            "in.cci",
            "google",
        ),
        (
            "Nigeria's competition watchdog fined Meta $220 million for violating local consumer \
             and data protection laws.",
            "ng.fccpc",
            "meta",
        ),
        (
            "Brazil's consumer protection agency Senacon fined Apple 12 million reais for selling \
             iPhones without chargers.",
            "br.senacon",
            "apple",
        ),
        (
            "The Office of the Australian Information Commissioner launched legal proceedings \
             against Medibank over a data breach affecting 9.7 million customers.",
            "au.oaic",
            "name:Medibank",
        ),
    ] {
        let out = extract(&x, text, None);
        let event = find(
            &out.events,
            if target == "name:Medibank" {
                "charge"
            } else {
                "fine"
            },
            Some(target),
        );
        assert_eq!(
            actor_id(event).as_deref(),
            Some(authority),
            "{text}: {out:#?}"
        );
    }
    let out = extract(
        &x,
        "Brazil's consumer protection agency Senacon fined Apple 12 million reais.",
        None,
    );
    assert_eq!(
        out.events[0].amount.as_deref(),
        Some("12 million reais"),
        "{out:#?}"
    );
}

/// A country's body the catalogue does not hold, named by its possessive and lower-case
/// qualifiers ("Indonesia's communications ministry"), or by its descriptor and its own short
/// name ("Mexico's antitrust regulator Cofece", "Turkey's personal data protection authority
/// KVKK"), acts; "blocked access to Yahoo and PayPal" bans both. A descriptor before a named
/// authority in apposition leaves the name to act ("the US financial watchdog, the Securities
/// and Exchange Commission").
#[test]
fn bodies_of_countries_outside_the_catalogue() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "Indonesia's communications ministry blocked access to Yahoo and PayPal after they \
         failed to register under new licensing rules.",
        None,
    );
    let ban = find(&out.events, "ban", None);
    assert_eq!(
        actor_id(ban).as_deref(),
        Some("name:Indonesia's communications ministry"),
        "{out:#?}"
    );
    assert_eq!(
        target_ids(ban),
        vec!["name:Yahoo", "name:PayPal"],
        "{out:#?}"
    );
    for (text, authority) in [
        (
            "Mexico's antitrust regulator Cofece fined Google's local unit over unfair practices.",
            "name:Cofece",
        ),
        (
            "Turkey's personal data protection authority KVKK fined WhatsApp 1.95 million lira.",
            "name:KVKK",
        ),
    ] {
        let out = extract(&x, text, None);
        let fine = find(&out.events, "fine", None);
        assert_eq!(
            actor_id(fine).as_deref(),
            Some(authority),
            "{text}: {out:#?}"
        );
        assert_eq!(fine.targets.len(), 1, "{text}: {out:#?}");
    }
    let out = extract(
        &x,
        "Titan agreed to pay $15.5m to settle a civil lawsuit brought by the US financial \
         watchdog, the Securities and Exchange Commission.",
        None,
    );
    let settlement = find(&out.events, "settlement", None);
    assert_eq!(actor_id(settlement).as_deref(), Some("us.sec"), "{out:#?}");
}

/// "on nine financial institutions": a count before an adjective and a group noun.
#[test]
fn a_count_before_an_adjective_and_a_group() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "The Monetary Authority of Singapore has imposed composition penalties totalling S$3.8 \
         million on nine financial institutions for anti-money laundering breaches.",
        None,
    );
    let fine = find(&out.events, "fine", None);
    assert_eq!(fine.target_count, Some(9), "{out:#?}");
    assert_eq!(fine.amount.as_deref(), Some("S$3.8 million"), "{out:#?}");
}

/// Courts of more countries: "the Supreme Court" of a story about Argentina is not the US
/// Supreme Court.
#[test]
fn a_court_of_the_story_s_country() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "Argentina's economy has recovered since the crisis, helped by US investors. Argentine \
         courts have been busy. The Supreme Court has ruled against the banks, lawyers in \
         Argentina said.",
        None,
    );
    let ruling = find(&out.events, "ruling", None);
    assert_ne!(
        actor_id(ruling).as_deref(),
        Some("us.supreme-court"),
        "{out:#?}"
    );
}

/// "filed settled fraud charges against Acme Capital Management LLC and its founder, John
/// Smith": a settlement with both parties, also with a word qualifying the charges; "the U.S.
/// Attorney's Office for the Southern District of New York announced criminal charges": the
/// office charges.
#[test]
fn settled_fraud_charges_and_a_us_attorney() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "The Securities and Exchange Commission today filed settled fraud charges against Acme \
         Capital Management LLC and its founder, John Smith.",
        Some("2023-05-02"),
    );
    let settlement = find(&out.events, "settlement", None);
    assert_eq!(settlement.targets.len(), 2, "{out:#?}");
    let out = extract(
        &x,
        "In a parallel action, the U.S. Attorney's Office for the Southern District of New York \
         announced criminal charges against John Doe.",
        None,
    );
    let charge = find(&out.events, "charge", Some("name:John Doe"));
    assert_eq!(
        actor_id(charge).as_deref(),
        Some("us.usao-sdny"),
        "{out:#?}"
    );
}

/// "The CAC said it had summoned executives from Tencent and ByteDance and told them to clean
/// up their platforms": the order of the authority before the reported "it", to the latest
/// parties; "... when the CAC ordered its app removed": "its" is the latest company; "China's
/// transport ministry" is the catalogue's.
#[test]
fn told_them_after_a_reported_it_and_its_app_removed() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "Separately, the Cyberspace Administration of China (CAC) said it had summoned \
         executives from Tencent and ByteDance and told them to clean up their platforms.",
        None,
    );
    let order = find(&out.events, "order", Some("tencent"));
    assert_eq!(actor_id(order).as_deref(), Some("cn.cac"), "{out:#?}");
    assert_eq!(target_ids(order).len(), 2, "{out:#?}");
    let out = extract(
        &x,
        "Didi has been under investigation since July, when the CAC ordered its app removed from \
         domestic app stores.",
        None,
    );
    let removal = find(&out.events, "removal", Some("didi"));
    assert_eq!(actor_id(removal).as_deref(), Some("cn.cac"), "{out:#?}");
    let out = extract(
        &x,
        "China's transport ministry summoned 11 ride-hailing platforms including Didi Global and \
         Meituan on Wednesday.",
        None,
    );
    let summons = find(&out.events, "summons", Some("meituan"));
    assert_eq!(actor_id(summons).as_deref(), Some("cn.mot"), "{out:#?}");
}

/// "58 million crowns" in a Swedish story is SEK; "100 million Norwegian crowns" names its
/// country; "ordered Apple to remove the anti-steering provisions" is an order, no removal.
#[test]
fn crowns_and_provisions() {
    let x = built_in_extractor();
    for (text, currency) in [
        (
            "Sweden's Authority for Privacy Protection (IMY) fined Spotify 58 million crowns for \
             failing to give users full information.",
            "SEK",
        ),
        (
            "The Irish Data Protection Commission fined Grindr 100 million Norwegian crowns.",
            "NOK",
        ),
    ] {
        let out = extract(&x, text, None);
        let fine = find(&out.events, "fine", None);
        assert_eq!(fine.currency.as_deref(), Some(currency), "{text}: {out:#?}");
    }
    let out = extract(
        &x,
        "The Commission has ordered Apple to remove the anti-steering provisions.",
        None,
    );
    assert_eq!(out.events.len(), 1, "{out:#?}");
    find(&out.events, "order", Some("apple"));
}

/// "the merger of Staples and Office Depot": a name that only opens with an office's head is a
/// company's; "held talks with 34 internet firms and warned them against": the counted group;
/// "three former executives of Acme Corp": the count across an adjective.
#[test]
fn office_depot_and_counted_groups() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "The FTC blocked the merger of Staples and Office Depot.",
        None,
    );
    let ban = find(&out.events, "ban", Some("name:Office Depot"));
    assert_eq!(ban.targets.len(), 2, "{out:#?}");
    let out = extract(
        &x,
        "Regulators held talks with 34 internet firms and warned them against anti-competitive \
         practices.",
        None,
    );
    let warning = find(&out.events, "warning", None);
    assert_eq!(warning.target_count, Some(34), "{out:#?}");
    let out = extract(
        &x,
        "Prosecutors charged three former executives of Acme Corp with fraud.",
        None,
    );
    let charge = find(&out.events, "charge", Some("name:Acme Corp"));
    assert_eq!(charge.target_count, Some(3), "{out:#?}");
}

/// "imposed a fine of EUR 67,200 on Syddanmark Region": a region is a public body that can be
/// fined, not a place word like "River" or "Dam".
#[test]
fn a_region_is_a_party() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "The Danish DPA imposed a fine of EUR 67,200 on Syddanmark Region.",
        None,
    );
    find(&out.events, "fine", Some("name:Syddanmark Region"));
}

/// "have told Didi Global executives to devise a plan": the company's people told to act;
/// "said it would tighten rules ... and put Full Truck Alliance and Kanzhun under cybersecurity
/// review": the list put under review, by the authority before the reported "it"; "also fined
/// chairman Cheng Wei and president Jean Liu 1 million yuan each": the amount after the list
/// of holders is theirs, and "fined CALDERERIA Y SOLDADURA DE ESTRUCTURAS METALICAS, S.L. EUR
/// 5,000": a long name counts as one word between the fine and its amount.
#[test]
fn told_executives_put_a_list_under_review_and_amounts_after_names() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "Chinese regulators have told Didi Global executives to devise a plan to delist from the \
         New York Stock Exchange.",
        None,
    );
    find(&out.events, "order", Some("didi"));
    let out = extract(
        &x,
        "China's securities regulator said it would tighten rules for overseas listings and put \
         Full Truck Alliance and Kanzhun under cybersecurity review.",
        None,
    );
    let review = find(&out.events, "investigation", Some("kanzhun"));
    assert_eq!(actor_id(review).as_deref(), Some("cn.csrc"), "{out:#?}");
    let out = extract(
        &x,
        "The Cyberspace Administration of China fined Didi Global 8.026 billion yuan for \
         violating cybersecurity and data security laws, and also fined chairman Cheng Wei and \
         president Jean Liu 1 million yuan each.",
        None,
    );
    let fine = find(&out.events, "fine", Some("name:Jean Liu"));
    assert_eq!(fine.amount.as_deref(), Some("1 million yuan"), "{out:#?}");
    let out = extract(
        &x,
        "The Spanish DPA (AEPD) has fined CALDERERIA Y SOLDADURA DE ESTRUCTURAS METALICAS, S.L. \
         EUR 5,000 for unlawfully processing an individual's data.",
        None,
    );
    let fine = find(&out.events, "fine", None);
    assert_eq!(fine.amount.as_deref(), Some("EUR 5,000"), "{out:#?}");
    // (not the upper end of a range: "fines of between 6,000 and 17,000 euros")
    let out = extract(
        &x,
        "The Berlin data protection commissioner imposed further fines of between 6,000 and \
         17,000 euros on the company.",
        None,
    );
    assert!(
        out.events
            .iter()
            .all(|e| e.amount.as_deref() != Some("17,000 euros")),
        "{out:#?}"
    );
}

/// "imposed a total of 21.5 million yuan in fines on 43 cases involving tech firms, including
/// Alibaba, Tencent and Didi": cases are counted, not parties, and the examples after
/// ", including" are the fines' targets.
#[test]
fn fines_on_cases_including_companies() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "On Monday, the market regulator imposed a total of 21.5 million yuan in fines on 43 \
         cases involving tech firms, including Alibaba, Tencent and Didi.",
        Some("2021-11-22"),
    );
    let fine = find(&out.events, "fine", Some("didi"));
    assert_eq!(
        target_ids(fine),
        vec!["alibaba", "tencent", "didi"],
        "{out:#?}"
    );
    assert_eq!(fine.target_count, None, "{out:#?}");
}

/// "Epic Games will pay a total of $520 million to resolve Federal Trade Commission
/// allegations": the words of the sum stand between the payer and the verb.
#[test]
fn the_payer_of_a_total_settles() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "Epic Games will pay a total of $520 million to resolve Federal Trade Commission \
         allegations that it violated children's privacy law.",
        None,
    );
    let settlement = find(&out.events, "settlement", None);
    assert_eq!(target_ids(settlement), vec!["name:Epic Games"], "{out:#?}");
    assert_eq!(actor_id(settlement).as_deref(), Some("us.ftc"), "{out:#?}");
    assert_eq!(
        settlement.amount.as_deref(),
        Some("$520 million"),
        "{out:#?}"
    );
}

/// "sued Meta to block its acquisition of Within": the ban is what the suit seeks, not done;
/// the suit is a charge against its own object.
#[test]
fn a_suit_against_a_party_to_block_a_deal_bans_nothing() {
    let x = built_in_extractor();
    for text in [
        "The Federal Trade Commission sued Meta to block its acquisition of virtual reality \
         company Within Unlimited.",
        "The FTC sued Microsoft and Activision in December to block the deal.",
    ] {
        let out = extract(&x, text, Some("2023-01-10"));
        assert!(
            out.events
                .iter()
                .all(|e| e.action.as_deref() != Some("ban")),
            "{text}: {out:#?}"
        );
        let charge = find(&out.events, "charge", None);
        assert_eq!(
            actor_id(charge).as_deref(),
            Some("us.ftc"),
            "{text}: {out:#?}"
        );
        assert!(!charge.targets.is_empty(), "{text}: {out:#?}");
    }
}

/// "A jury found Elizabeth Holmes guilty", "the court found Acme Corp liable": a verdict on the
/// party between the verb and the adjective; "guilty" alone is no ruling.
#[test]
fn found_a_party_guilty_or_liable_is_a_ruling() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "A jury found Elizabeth Holmes guilty of defrauding investors in Theranos.",
        None,
    );
    let ruling = find(&out.events, "ruling", None);
    assert_eq!(
        target_ids(ruling),
        vec!["name:Elizabeth Holmes"],
        "{out:#?}"
    );
    let out = extract(
        &x,
        "The court found Acme Corp liable for violating the antifraud provisions of the \
         securities laws.",
        None,
    );
    let ruling = find(&out.events, "ruling", None);
    assert_eq!(target_ids(ruling), vec!["name:Acme Corp"], "{out:#?}");
    assert_no_events(
        &x,
        &[
            "He said he was not guilty of anything.",
            "The company could be held liable for the losses.",
            // (no court, jury, judge or authority finds; "liable to" is "likely to")
            "The survey found Apple liable to lose market share in China.",
            "Critics found Acme Corp guilty of poor timing.",
        ],
        None,
    );
}

/// "Nigeria's consumer protection agency" is the FCCPC.
#[test]
fn nigerias_consumer_protection_agency() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "Nigeria's consumer protection agency fined Meta $220 million for abusive practices.",
        None,
    );
    let fine = find(&out.events, "fine", None);
    assert_eq!(actor_id(fine).as_deref(), Some("ng.fccpc"), "{out:#?}");
}

/// "The Kenyan Competition Commission": a country's word before a name the catalogue gives
/// another country's body (the UK's former Competition Commission) is that country's body:
/// the catalogue's when it holds one ("The Swiss Competition Commission", "The South African
/// Competition Commission", a two-word demonym), else as written with its country.
#[test]
fn a_country_before_another_countrys_name_is_its_own_body() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "The Kenyan Competition Commission fined Acme Corp $2 million.",
        None,
    );
    let fine = find(&out.events, "fine", None);
    assert_eq!(
        actor_id(fine).as_deref(),
        Some("name:Kenyan Competition Commission"),
        "{out:#?}"
    );
    for (text, id) in [
        (
            "The Swiss Competition Commission fined five banks a total of 90 million Swiss \
             francs for colluding in foreign exchange trading.",
            "ch.comco",
        ),
        (
            "The South African Competition Commission fined Sasol 534 million rand.",
            "za.compcom",
        ),
        (
            "South Africa's competition watchdog fined Sasol 534 million rand.",
            "za.compcom",
        ),
        (
            "Poland's competition authority UOKiK fined Gazprom 29 billion zlotys.",
            "pl.uokik",
        ),
    ] {
        assert_actor(&x, text, "fine", Some(id));
    }
    // a country of two words names the body from its first word
    let out = extract(
        &x,
        "The New Zealand privacy regulator fined Acme Corp $2 million.",
        None,
    );
    let fine = find(&out.events, "fine", None);
    assert_eq!(
        actor_id(fine).as_deref(),
        Some("name:New Zealand privacy regulator"),
        "{out:#?}"
    );
    // the name alone is still the UK's
    let out = extract(
        &x,
        "The Competition Commission blocked the merger in 2003.",
        None,
    );
    assert_eq!(
        actor_id(&out.events[0]).as_deref(),
        Some("uk.competition-commission"),
        "{out:#?}"
    );
}

/// "90 million Swiss francs", "534 million rand": amounts in Swiss francs and rand.
#[test]
fn swiss_francs_and_rand() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "The Swiss Competition Commission fined five banks a total of 90 million Swiss francs.",
        None,
    );
    let fine = find(&out.events, "fine", None);
    assert_eq!(
        fine.amount.as_deref(),
        Some("90 million Swiss francs"),
        "{out:#?}"
    );
    let out = extract(
        &x,
        "The South African Competition Commission fined Sasol 534 million rand.",
        None,
    );
    let fine = find(&out.events, "fine", None);
    assert_eq!(fine.amount.as_deref(), Some("534 million rand"), "{out:#?}");
}

/// "According to the newspaper 'Der Standard', the Austrian DPA has imposed a fine ...", "The
/// newspaper Der Standard reported that the Austrian DPA has imposed ...": the source of a
/// report is not the subject of the clause it reports; the authority after it acts.
#[test]
fn the_source_of_a_report_is_not_the_subject() {
    let x = built_in_extractor();
    for text in [
        "According to the newspaper 'Der Standard', the Austrian DPA has imposed a fine of EUR \
         4 million on a bank in 2021.",
        "The newspaper Der Standard reported that the Austrian DPA has imposed a fine of EUR 4 \
         million on Acme Bank.",
    ] {
        let out = extract(&x, text, None);
        let fine = find(&out.events, "fine", None);
        assert_eq!(
            actor_id(fine).as_deref(),
            Some("at.dsb"),
            "{text}: {out:#?}"
        );
        assert_eq!(
            fine.amount.as_deref(),
            Some("EUR 4 million"),
            "{text}: {out:#?}"
        );
    }
    let out = extract(
        &x,
        "According to Bloomberg, the SEC has opened an investigation into Acme Corp.",
        None,
    );
    let investigation = find(&out.events, "investigation", None);
    assert_eq!(
        actor_id(investigation).as_deref(),
        Some("us.sec"),
        "{out:#?}"
    );
}

/// "Vodafone had processed ... The fine of EUR 35.000 was reduced to EUR 21.000." (the style of
/// the Spanish DPA's summaries): a reduced fine that names nobody, with no event before it, is
/// on the only company the document has named; with two companies named, on neither.
#[test]
fn a_reduced_fine_of_nobody_named_is_on_the_only_company() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "Vodafone had processed personal data of the claimant years after the contractual \
         relationship had ended. The fine of EUR 35.000 was reduced to EUR 21.000.",
        None,
    );
    let fine = find(&out.events, "fine", None);
    assert_eq!(target_ids(fine), vec!["vodafone"], "{out:#?}");
    assert_eq!(fine.amount.as_deref(), Some("EUR 21.000"), "{out:#?}");
    assert!(
        fine.flags.iter().any(|f| f == "target_coreference"),
        "{out:#?}"
    );
    assert_no_events(
        &x,
        &[
            "Vodafone and Orange shared customer data. The original fine of EUR 50,000 was \
           reduced to EUR 30,000.",
        ],
        None,
    );
}

/// "The People's Bank of China, the China Banking and Insurance Regulatory Commission and the
/// China Securities Regulatory Commission jointly summoned Ant Group's executives": every
/// authority of the list acts ("the" after the list's comma, an adverb before the verb).
#[test]
fn a_list_of_authorities_with_determiners_acts_jointly() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "The People's Bank of China, the China Banking and Insurance Regulatory Commission and \
         the China Securities Regulatory Commission jointly summoned Ant Group's executives on \
         Saturday.",
        Some("2020-11-03"),
    );
    let mut actors: Vec<String> = out
        .events
        .iter()
        .filter(|e| e.action.as_deref() == Some("summons"))
        .filter_map(actor_id)
        .collect();
    actors.sort();
    assert_eq!(actors, vec!["cn.cbirc", "cn.csrc", "cn.pboc"], "{out:#?}");
}

/// "ordered Tencent's WeChat to suspend new user registrations": the app told is the target
/// of the action it is told to take; "Ant Group's rival Lufax" is Lufax alone.
#[test]
fn an_owners_app_told_to_act_and_a_rival_named_by_its_relation() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "China's internet regulator on Friday ordered Tencent's WeChat to suspend new user \
         registrations.",
        Some("2021-07-10"),
    );
    let suspension = find(&out.events, "suspension", None);
    assert_eq!(target_ids(suspension), vec!["wechat"], "{out:#?}");
    let out = extract(
        &x,
        "China's securities regulator suspended the IPO of Ant Group's rival Lufax.",
        None,
    );
    let suspension = find(&out.events, "suspension", None);
    assert_eq!(target_ids(suspension), vec!["name:Lufax"], "{out:#?}");
    let out = extract(
        &x,
        "The SEC charged Acme Corp's former rival Beta Inc with fraud.",
        None,
    );
    let charge = find(&out.events, "charge", None);
    assert_eq!(target_ids(charge), vec!["name:Beta Inc"], "{out:#?}");
    // a unit named by its relation to its owner is the party too
    for (text, id) in [
        (
            "The Beijing Municipal Administration for Market Regulation fined Baidu's video \
             unit iQiyi 100,000 yuan.",
            "iqiyi",
        ),
        (
            "The CNIL fined Google's Irish subsidiary Google Ireland Limited 60 million euros.",
            "google-ireland",
        ),
    ] {
        let out = extract(&x, text, None);
        let fine = find(&out.events, "fine", None);
        assert_eq!(target_ids(fine), vec![id], "{text}: {out:#?}");
    }
}

/// "Binance pleaded guilty and agreed to pay over $4 billion to resolve the investigation": the
/// settlement shares the plea's subject (an amount's qualifier in the verb group).
#[test]
fn a_settlement_coordinated_with_a_plea_shares_its_party() {
    let x = built_in_extractor();
    for text in [
        "The Department of Justice announced that Binance pleaded guilty and agreed to pay over \
         $4 billion to resolve the investigation.",
        "Binance pleaded guilty and agreed to pay $4.3 billion to resolve the investigation.",
    ] {
        let out = extract(&x, text, None);
        let settlement = find(&out.events, "settlement", None);
        assert_eq!(
            target_ids(settlement),
            vec!["name:Binance"],
            "{text}: {out:#?}"
        );
    }
}

/// "charged Binance Holdings Ltd., its U.S. affiliate BAM Trading Services Inc., and founder
/// Changpeng Zhao": a role in the first party and its holder after the list's comma continue
/// the list.
#[test]
fn a_role_and_its_holder_after_a_comma_continue_the_list() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "The SEC today charged Binance Holdings Ltd., its U.S. affiliate BAM Trading Services \
         Inc., and founder Changpeng Zhao with a variety of securities law violations.",
        Some("2023-06-05"),
    );
    let charge = find(&out.events, "charge", None);
    assert_eq!(
        target_ids(charge),
        vec![
            "name:Binance Holdings Ltd",
            "name:BAM Trading Services Inc",
            "name:Changpeng Zhao"
        ],
        "{out:#?}"
    );
}

/// "announced its decision in its inquiry into TikTok Technology Limited, imposing a fine of
/// €345 million": the participle's fine is on the parties of the event before it.
#[test]
fn a_fine_imposed_in_a_participle_clause_takes_the_earlier_party() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "The Data Protection Commission has today announced its decision in its inquiry into \
         TikTok Technology Limited, imposing a fine of €345 million.",
        Some("2023-09-15"),
    );
    let fine = find(&out.events, "fine", None);
    assert_eq!(actor_id(fine).as_deref(), Some("ie.dpc"), "{out:#?}");
    assert_eq!(target_ids(fine), vec!["tiktok"], "{out:#?}");
}

/// "The Department of Justice and the FTC opened antitrust investigations into ...": every
/// authority of the subject list acts on a trigger noun too (not "other financial
/// regulators", nobody in particular).
#[test]
fn a_list_of_authorities_acts_on_a_trigger_noun() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "The Department of Justice and the FTC opened antitrust investigations into Microsoft, \
         OpenAI and Nvidia.",
        None,
    );
    let mut actors: Vec<String> = out
        .events
        .iter()
        .filter(|e| e.action.as_deref() == Some("investigation"))
        .filter_map(actor_id)
        .collect();
    actors.sort();
    assert_eq!(actors, vec!["us.doj", "us.ftc"], "{out:#?}");
    let out = extract(
        &x,
        "The People's Bank of China and other financial regulators launched an investigation \
         into Ant Group.",
        None,
    );
    let actors: Vec<String> = out.events.iter().filter_map(actor_id).collect();
    assert_eq!(actors, vec!["cn.pboc"], "{out:#?}");
}

/// Privacy regulators of Brazil, South Korea and Japan.
#[test]
fn privacy_regulators_of_brazil_korea_and_japan() {
    let x = built_in_extractor();
    for (text, id) in [
        (
            "Brazil's data protection authority ordered Meta to stop using personal data to \
             train its AI models.",
            "br.anpd",
        ),
        (
            "South Korea's privacy watchdog fined Meta 21.6 billion won for collecting \
             sensitive information.",
            "kr.pipc",
        ),
        (
            "Japan's privacy watchdog warned OpenAI over data collection.",
            "jp.ppc",
        ),
    ] {
        let out = extract(&x, text, None);
        assert_eq!(
            out.events.first().and_then(actor_id).as_deref(),
            Some(id),
            "{text}: {out:#?}"
        );
    }
}

/// "AMSTERDAM, Aug 26 - The Dutch Data Protection Authority has imposed a fine ...": a wire
/// dateline's dash (a hyphen between spaces) ends the dateline, whose place is no subject; a
/// hyphen between spaces elsewhere is a parenthesis inside the clause.
#[test]
fn a_wire_datelines_hyphen_ends_the_dateline() {
    let x = built_in_extractor();
    for text in [
        "AMSTERDAM, Aug 26 - The Dutch Data Protection Authority has imposed a fine of 290 \
         million euros on Uber.",
        "AMSTERDAM, Aug 26 (Reuters) - The Dutch Data Protection Authority has imposed a fine \
         of 290 million euros on Uber.",
        "AMSTERDAM - The Dutch Data Protection Authority has imposed a fine of 290 million \
         euros on Uber.",
    ] {
        let out = extract(&x, text, Some("2024-08-26"));
        let fine = find(&out.events, "fine", Some("uber"));
        assert_eq!(actor_id(fine).as_deref(), Some("nl.ap"), "{text}: {out:#?}");
    }
    let out = extract(
        &x,
        "His son's killer, Warren Leblanc, 17 - who was jailed for life in September - had \
         mimicked behaviour in the game.",
        Some("2004-12-10"),
    );
    let ruling = find(&out.events, "ruling", None);
    assert_eq!(target_ids(ruling), vec!["name:Warren Leblanc"], "{out:#?}");
}

/// "The CNIL forwarded the complaint to the Dutch DPA", "The Irish DPC rejected the complaint
/// against Facebook": a complaint the subject passes on or turns down is someone else's, no
/// charge; the authority's own complaint stays one.
#[test]
fn a_complaint_passed_on_or_rejected_is_no_charge() {
    let x = built_in_extractor();
    assert_no_events(
        &x,
        &[
            "The CNIL forwarded the complaint to the Dutch DPA because Uber's European \
             headquarters are in the Netherlands.",
            "The Irish DPC rejected the complaint against Facebook.",
        ],
        None,
    );
    let out = extract(
        &x,
        "The FTC filed a complaint against Amazon in federal court.",
        None,
    );
    let charge = find(&out.events, "charge", None);
    assert_eq!(actor_id(charge).as_deref(), Some("us.ftc"), "{out:#?}");
}

/// "The Commission has also ordered Apple to ... The Commission's investigation was opened in
/// June 2020": the authority's own investigation, naming no party, is of the one party of its
/// latest event, and the verb that opens it in the passive does not keep the date from it.
#[test]
fn the_authoritys_own_investigation_refers_back_with_its_date() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "The Commission has also ordered Apple to remove the anti-steering provisions.\n\nThe \
         Commission's investigation was opened in June 2020 following a complaint by Spotify.",
        Some("2024-03-04"),
    );
    let investigation = find(&out.events, "investigation", None);
    assert_eq!(target_ids(investigation), vec!["apple"], "{out:#?}");
    assert_eq!(date(investigation).as_deref(), Some("2020-06"), "{out:#?}");
    assert!(
        investigation
            .flags
            .iter()
            .any(|f| f == "target_coreference"),
        "{out:#?}"
    );
    // a passive opening verb dates its action
    let out = extract(
        &x,
        "The SEC's investigation into Acme Corp was launched in 2019.",
        None,
    );
    let investigation = find(&out.events, "investigation", None);
    assert_eq!(date(investigation).as_deref(), Some("2019"), "{out:#?}");
}

/// "The Federal Trade Commission will require software provider Avast to pay $16.5 million and
/// prohibit the company from selling ... to settle charges": the one told to pay settles; "The
/// FTC ordered Avast to pay $16.5 million to settle charges" is the settlement alone, no
/// separate fine.
#[test]
fn the_one_told_to_pay_settles() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "The Federal Trade Commission will require software provider Avast to pay $16.5 million \
         and prohibit the company from selling or licensing any web browsing data for \
         advertising purposes to settle charges that it sold such information to third parties.",
        None,
    );
    let settlement = find(&out.events, "settlement", None);
    assert_eq!(target_ids(settlement), vec!["name:Avast"], "{out:#?}");
    assert_eq!(actor_id(settlement).as_deref(), Some("us.ftc"), "{out:#?}");
    let out = extract(
        &x,
        "The FTC ordered Avast to pay $16.5 million to settle charges.",
        None,
    );
    let actions: Vec<&str> = out
        .events
        .iter()
        .filter_map(|e| e.action.as_deref())
        .collect();
    assert_eq!(actions, vec!["settlement"], "{out:#?}");
}

/// "Authorities in Shanghai fined ...": a place after a plural authority noun names it as
/// written, also a place the catalogue does not know (as "Authorities in Beijing" does).
#[test]
fn authorities_in_a_place_the_catalogue_does_not_know() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "Authorities in Shanghai fined a subsidiary of Alibaba 1.5 million yuan for price fraud.",
        None,
    );
    let fine = find(&out.events, "fine", None);
    assert_eq!(
        actor_id(fine).as_deref(),
        Some("name:Authorities in Shanghai"),
        "{out:#?}"
    );
}

/// "In 2018 the company was fined 600,000 euros ..., and in January 2024 it received a 10
/// million euro fine": "it" before the verb that receives a trigger noun, or opening its clause
/// after a time expression, is the latest company.
#[test]
fn it_received_a_fine_after_a_time_expression() {
    let x = built_in_extractor();
    for text in [
        "Uber said it would appeal. In 2018 the company was fined 600,000 euros for failing to \
         report a data breach, and in January 2024 it received a 10 million euro fine.",
        "Uber said it would appeal. In January 2024 it received a 10 million euro fine.",
        "Uber said it would appeal. In January 2024, it was hit with a 10 million euro fine.",
    ] {
        let out = extract(&x, text, Some("2024-08-26"));
        let fine = out
            .events
            .iter()
            .find(|e| e.amount.as_deref() == Some("10 million euro"))
            .unwrap_or_else(|| panic!("{text}: {out:#?}"));
        assert_eq!(target_ids(fine), vec!["uber"], "{text}: {out:#?}");
        assert_eq!(date(fine).as_deref(), Some("2024-01"), "{text}: {out:#?}");
    }
}

/// Present and progressive forms of the action verbs are triggers ("is suing Google", "indicts
/// Sam Bankman-Fried", "are charging Huawei"), but an "-ing" form is no action of its own as a
/// gerund after a preposition or "that", at the start of a sentence, or as the participle of a
/// decision ("an injunction blocking the sale").
#[test]
fn progressive_verbs_and_gerunds() {
    let x = built_in_extractor();
    for (text, action, actor, target) in [
        (
            "Australia's competition regulator is suing Google for allegedly misleading consumers.",
            "charge",
            "au.accc",
            "google",
        ),
        (
            "A grand jury in Manhattan indicts Sam Bankman-Fried on eight counts.",
            "charge",
            "name:grand jury in Manhattan",
            "name:Sam Bankman-Fried",
        ),
        (
            "Federal prosecutors are charging Huawei with bank fraud.",
            "charge",
            "name:Federal prosecutors",
            "huawei",
        ),
        (
            "The European Commission is summoning executives of ByteDance.",
            "summons",
            "eu.commission",
            "bytedance",
        ),
        (
            "Australia's securities watchdog is currently investigating James Hardie.",
            "investigation",
            "au.asic",
            "name:James Hardie",
        ),
    ] {
        assert_event(&x, text, action, Some(actor), &[target]);
    }
    for (text, action) in [
        (
            "Bank of America has been banned from suing Parmalat.",
            "charge",
        ),
        (
            "Prosecuting attorney Carol Lam said the case was closed.",
            "charge",
        ),
        (
            "The DPA found that temporarily blocking the data does not correspond to erasure.",
            "ban",
        ),
        (
            "The Russian government ignored a US court order last week blocking the sale.",
            "ruling",
        ),
    ] {
        let out = extract(&x, text, None);
        assert!(
            out.events
                .iter()
                .all(|e| e.action.as_deref() != Some(action)),
            "{text}: {out:#?}"
        );
    }
}

/// A capital as the subject is its state's government when the catalogue holds one ("Beijing"
/// is the State Council, as "the Chinese government" is), and it may tell a party to act; the
/// "it" fined after "and" is the latest company.
#[test]
fn a_capital_tells_and_fines() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "Beijing also told Tencent to end exclusive music licensing deals with global record \
         labels, and fined it 500,000 yuan.",
        None,
    );
    let order = find(&out.events, "order", None);
    assert_eq!(
        actor_id(order).as_deref(),
        Some("cn.state-council"),
        "{out:#?}"
    );
    assert_eq!(target_ids(order), vec!["tencent"], "{out:#?}");
    let fine = find(&out.events, "fine", None);
    assert_eq!(
        actor_id(fine).as_deref(),
        Some("cn.state-council"),
        "{out:#?}"
    );
    assert_eq!(target_ids(fine), vec!["tencent"], "{out:#?}");
    // a month after "Regulators in" is no place
    let out = extract(
        &x,
        "Regulators in November 2020 suspended the IPO of Ant Group just days before it was due \
         to list.",
        Some("2021-07-10"),
    );
    let suspension = find(&out.events, "suspension", None);
    assert_eq!(
        actor_id(suspension).as_deref(),
        Some("name:Regulators"),
        "{out:#?}"
    );
}

/// "fined A, B and C 500,000 yuan each": one event per party, each with the amount, flagged
/// `amount_each`; the amount also right after a long list of objects with possessives.
#[test]
fn an_amount_each_is_every_partys() {
    let x = built_in_extractor();
    for text in [
        "The SAMR fined Alibaba, Tencent's China Literature and Suning's Shenzhen Hive Box \
         500,000 yuan each.",
        "Alibaba, China Literature and Shenzhen Hive Box were each fined 500,000 yuan.",
    ] {
        let out = extract(&x, text, None);
        let fines: Vec<_> = out
            .events
            .iter()
            .filter(|e| e.action.as_deref() == Some("fine"))
            .collect();
        assert_eq!(fines.len(), 3, "{text}: {out:#?}");
        for fine in fines {
            assert_eq!(target_ids(fine).len(), 1, "{text}: {out:#?}");
            assert_eq!(
                fine.amount.as_deref(),
                Some("500,000 yuan"),
                "{text}: {out:#?}"
            );
            assert!(
                fine.flags.iter().any(|f| f == "amount_each"),
                "{text}: {out:#?}"
            );
        }
    }
    // without "each", one event of the group
    let out = extract(
        &x,
        "The SAMR fined Alibaba, Tencent's China Literature and Suning's Shenzhen Hive Box \
         500,000 yuan.",
        None,
    );
    let fine = find(&out.events, "fine", None);
    assert_eq!(target_ids(fine).len(), 3, "{out:#?}");
    assert_eq!(fine.amount.as_deref(), Some("500,000 yuan"), "{out:#?}");
}

/// A country's possessive before a court's capitalised descriptor that the catalogue holds for
/// other countries only, or before a bare plural authority noun, stays in the name: "Brazil's
/// Supreme Court" is not the US one, "China's regulators" not any regulators.
#[test]
fn a_countrys_court_and_regulators_keep_the_country() {
    let x = built_in_extractor();
    for (text, actor) in [
        (
            "Brazil's Supreme Court ordered the suspension of X nationwide.",
            "name:Brazil's Supreme Court",
        ),
        (
            "China's regulators blocked Tencent's merger of Huya and DouYu.",
            "name:China's regulators",
        ),
    ] {
        let out = extract(&x, text, None);
        assert_eq!(out.events.len(), 1, "{text}: {out:#?}");
        assert_eq!(
            actor_id(&out.events[0]).as_deref(),
            Some(actor),
            "{text}: {out:#?}"
        );
    }
}

/// "said it would impose a fine of 42.1 billion won on Google", also with the amount before
/// the noun ("a $50 million fine"): a fine the authority announced, flagged `announced`.
#[test]
fn said_it_would_impose_a_fine() {
    let x = built_in_extractor();
    for (text, actor, target) in [
        (
            "The Korea Fair Trade Commission said it would impose a fine of 42.1 billion won on \
             Google.",
            "kr.kftc",
            "google",
        ),
        (
            "The FTC said it would impose a $50 million fine on Acme Corp.",
            "us.ftc",
            "name:Acme Corp",
        ),
    ] {
        let out = extract(&x, text, None);
        let fine = find(&out.events, "fine", None);
        assert_eq!(actor_id(fine).as_deref(), Some(actor), "{text}: {out:#?}");
        assert_eq!(target_ids(fine), vec![target], "{text}: {out:#?}");
        assert!(
            fine.flags.iter().any(|f| f == "announced"),
            "{text}: {out:#?}"
        );
        assert!(fine.amount.is_some(), "{text}: {out:#?}");
    }
}

/// A one-word name ending like a demonym ("Douban", "Elan") is a demonym used as an adjective
/// only before its noun, not before "to", "said" or a verb: "ordered Douban to rectify" names
/// Douban.
#[test]
fn a_name_ending_like_a_demonym_before_to() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "China's top internet regulator ordered Douban to rectify its content, and fined it 1.5 \
         million yuan.",
        None,
    );
    let order = find(&out.events, "order", None);
    assert_eq!(target_ids(order), vec!["name:Douban"], "{out:#?}");
    let fine = find(&out.events, "fine", None);
    assert_eq!(target_ids(fine), vec!["name:Douban"], "{out:#?}");
    // still an adjective before its noun
    let out = extract(&x, "A Chilean official fined Acme Corp $5 million.", None);
    assert!(
        out.events
            .iter()
            .all(|e| e.targets.iter().all(|t| t.name != "Chilean")),
        "{out:#?}"
    );
}

/// An authority's own investigation ("announced its investigation") that names no party, with
/// no party before it, is of the one company its sentence names ("Didi's shares tumbled after
/// the CAC announced its investigation"); the acronym of a law and a discourse adverb that
/// opens a sentence are no names.
#[test]
fn its_investigation_of_the_sentences_company() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "Didi's shares tumbled after the CAC announced its investigation on July 2, two days \
         after the firm's $4.4 billion New York IPO.",
        Some("2021-07-10"),
    );
    let probe = find(&out.events, "investigation", None);
    assert_eq!(actor_id(probe).as_deref(), Some("cn.cac"), "{out:#?}");
    assert_eq!(target_ids(probe), vec!["didi"], "{out:#?}");
    // two companies: neither
    let out = extract(
        &x,
        "Apple and Google shares fell after the Commission announced its investigation.",
        None,
    );
    let probe = find(&out.events, "investigation", None);
    assert!(probe.targets.is_empty(), "{out:#?}");
    for text in [
        "The fine is based on several breaches of the GDPR in connection with a patient mix-up.",
        "Nonetheless, the client filed a complaint. The bank was fined.",
    ] {
        let out = extract(&x, text, None);
        assert!(
            out.events.iter().all(|e| e
                .targets
                .iter()
                .all(|t| t.name != "GDPR" && t.name != "Nonetheless")),
            "{text}: {out:#?}"
        );
    }
}

/// "summoned the executives of five payment companies": the count of the people's group; an
/// apposition that describes a name by its owner ("Douyin, ByteDance's Chinese version of
/// TikTok,") names neither the owner nor what it describes.
#[test]
fn counted_people_and_owner_appositions() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "The People's Bank of China has summoned the executives of five payment companies.",
        None,
    );
    let summons = find(&out.events, "summons", None);
    assert_eq!(summons.target_count, Some(5), "{out:#?}");
    for text in [
        "Douyin, ByteDance's Chinese version of TikTok, was fined by the SAMR for selling \
         counterfeit goods.",
        "The SAMR fined Douyin, ByteDance's Chinese version of TikTok.",
    ] {
        let out = extract(&x, text, None);
        let fine = find(&out.events, "fine", None);
        assert_eq!(target_ids(fine), vec!["douyin"], "{text}: {out:#?}");
    }
}

/// "reached a settlement with Google": the party an authority settled with (two companies
/// settling are no event); "the FTC's bid to halt the deal" is sought, not done (the judge's
/// blocking it is a ruling on the FTC).
#[test]
fn a_settlement_with_a_party_and_a_bid_to_act() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "The SEC reached a $10 million settlement with Acme Corp.",
        None,
    );
    let settlement = find(&out.events, "settlement", None);
    assert_eq!(actor_id(settlement).as_deref(), Some("us.sec"), "{out:#?}");
    assert_eq!(target_ids(settlement), vec!["name:Acme Corp"], "{out:#?}");
    assert_no_events(
        &x,
        &[
            "It said Fiat was set to restructure its business after reaching a $2bn settlement \
           with GM about Fiat's ownership.",
        ],
        None,
    );
    let text = "A federal judge in San Francisco blocked the FTC's bid to halt Microsoft's \
                acquisition of Activision.";
    let out = extract(&x, text, None);
    assert!(
        out.events
            .iter()
            .all(|e| e.action.as_deref() != Some("suspension")),
        "{out:#?}"
    );
}

/// "CCTV accused Baidu of ...": a medium's accusation is public criticism (a censure); "Access
/// to Clubhouse was blocked": a ban on the party reached; "no longer available on Apple's App
/// Store": a removal.
#[test]
fn media_accusations_blocked_access_and_unavailable_apps() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "CCTV accused Baidu of promoting fake medical ads on its search engine.",
        None,
    );
    let censure = find(&out.events, "censure", None);
    assert_eq!(actor_id(censure).as_deref(), Some("cn.cctv"), "{out:#?}");
    assert_eq!(target_ids(censure), vec!["baidu"], "{out:#?}");
    let out = extract(
        &x,
        "Access to Clubhouse was blocked in mainland China on Monday evening.",
        Some("2021-02-10"),
    );
    let ban = find(&out.events, "ban", None);
    assert_eq!(target_ids(ban), vec!["clubhouse"], "{out:#?}");
    let out = extract(
        &x,
        "Didi's app was no longer available on Chinese app stores on Monday.",
        Some("2021-07-10"),
    );
    let removal = find(&out.events, "removal", None);
    assert_eq!(target_ids(removal), vec!["didi"], "{out:#?}");
    assert_no_events(
        &x,
        &["The service is no longer available on older phones."],
        None,
    );
}

/// A title followed by "for" or "of" opens an office's name, not a person's ("The Kenyan
/// Commissioner for Data Protection"); the German state commissioners are known by their
/// short names too ("The Hamburg Commissioner for Data Protection").
#[test]
fn a_commissioner_for_data_protection() {
    let x = built_in_extractor();
    for (text, actor) in [
        (
            "The Hamburg Commissioner for Data Protection fined H&M 35.3 million euros.",
            "de-hh.hmbbfdi",
        ),
        (
            "The Kenyan Commissioner for Data Protection fined Acme Ltd.",
            "name:Kenyan Commissioner for Data Protection",
        ),
    ] {
        assert_actor(&x, text, "fine", Some(actor));
    }
}

/// A place after "of" closes a bank's or an institution's name as it closes an authority's
/// ("the Bank of China", "the National Bank of Greece"); the Hong Kong Monetary Authority, the
/// Central Bank of Ireland and China's State Taxation Administration (also by its former name)
/// are in the catalogue.
#[test]
fn banks_of_a_place_and_more_regulators() {
    let x = built_in_extractor();
    for (text, actor, target) in [
        (
            "China's banking regulator fined the Bank of China 50.8 million yuan.",
            "cn.cbirc",
            "name:Bank of China",
        ),
        (
            "The Central Bank of Ireland fined Bank of Ireland 100.5 million euros.",
            "ie.cbi",
            "name:Bank of Ireland",
        ),
        (
            "The Hong Kong Monetary Authority fined Bank of China (Hong Kong) HK$3 million.",
            "hk.hkma",
            "name:Bank of China",
        ),
        (
            "The State Administration of Taxation fined livestreamer Viya 1.34 billion yuan.",
            "cn.sta",
            "name:Viya",
        ),
    ] {
        assert_event(&x, text, "fine", Some(actor), &[target]);
    }
}

/// A judge qualified by a place or a government word acts, named as written ("A New York
/// judge", "A federal judge", "A judge in New York", and so "A court in Manhattan"), and what
/// it orders paid is a ruling; "judge" before a name is a title, and the judge of a named court
/// is that court.
#[test]
fn qualified_judges_and_courts_in_a_place() {
    let x = built_in_extractor();
    for (text, actor) in [
        (
            "A New York judge ordered Donald Trump to pay $355 million in penalties.",
            "name:New York judge",
        ),
        (
            "A federal judge ordered Acme Corp to pay $5 million.",
            "name:federal judge",
        ),
        (
            "A judge in New York ordered Acme Corp to pay $5 million.",
            "name:judge in New York",
        ),
        (
            "A court in Manhattan ordered Acme Corp to pay $5 million.",
            "name:court in Manhattan",
        ),
    ] {
        assert_actor(&x, text, "ruling", Some(actor));
    }
    let out = extract(
        &x,
        "But the US bankruptcy court judge in Texas granted Yukos an injunction that barred \
         Gazprom from taking part.",
        None,
    );
    assert!(
        out.events
            .iter()
            .all(|e| e.actor.as_ref().is_none_or(|a| a.name != "judge in Texas")),
        "{out:#?}"
    );
}

/// "Ant Group's planned listing was suspended": "planned" after a possessive qualifies the
/// passive's subject and hedges nothing; "The IPO of Ant Group was halted": the party whose
/// listing it is; "a settlement between the FTC and Facebook" that a judge approves is still
/// the FTC's.
#[test]
fn planned_listings_and_approved_settlements() {
    let x = built_in_extractor();
    for text in [
        "Ant Group's planned listing was suspended by regulators.",
        "The planned IPO of Ant Group was halted by regulators.",
    ] {
        let out = extract(&x, text, None);
        let suspension = find(&out.events, "suspension", None);
        assert_eq!(
            target_ids(suspension),
            vec!["ant-group"],
            "{text}: {out:#?}"
        );
    }
    assert_no_events(&x, &["The company could be fined."], None);
}

/// "Google won its appeal against a 2.4 billion euro fine imposed by the European Commission":
/// the subject before "its appeal" is the appellant, whose fine it is.
#[test]
fn its_appeal_against_a_fine() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "Google won its appeal against a 2.4 billion euro fine imposed by the European \
         Commission.",
        None,
    );
    let fine = find(&out.events, "fine", None);
    assert_eq!(actor_id(fine).as_deref(), Some("eu.commission"), "{out:#?}");
    assert_eq!(target_ids(fine), vec!["google"], "{out:#?}");
}

/// "entered a final judgment by consent against Richard Roe": "by consent" (or "by default")
/// says how the judgment was entered; it names no agent and does not hide the party after it.
#[test]
fn a_judgment_by_consent() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "On May 3, 2023, the Court entered a final judgment by consent against defendant \
         Richard Roe.",
        None,
    );
    let ruling = find(&out.events, "ruling", None);
    assert_eq!(target_ids(ruling), vec!["name:Richard Roe"], "{out:#?}");
    assert_eq!(date(ruling).as_deref(), Some("2023-05-03"), "{out:#?}");
}

/// A timeline's "April 2021: Alibaba is fined ..." dates the sentence after the colon; a
/// headline's present "orders" and "halts" are triggers after their subject ("sending
/// distraint orders to the banks" is none); "to remove its app" is the latest company's.
#[test]
fn timelines_present_orders_and_its_app() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "April 2021: Alibaba is fined a record 18.2 billion yuan.",
        Some("2021-12-31"),
    );
    let fine = find(&out.events, "fine", None);
    assert_eq!(date(fine).as_deref(), Some("2021-04"), "{out:#?}");
    let out = extract(
        &x,
        "The Cyberspace Administration of China launches a cybersecurity review of Didi and \
         orders app stores to remove its app.",
        None,
    );
    let removal = find(&out.events, "removal", None);
    assert_eq!(actor_id(removal).as_deref(), Some("cn.cac"), "{out:#?}");
    assert_eq!(target_ids(removal), vec!["didi"], "{out:#?}");
    assert_no_events(
        &x,
        &[
            "The National Revenue Agency was sending distraint orders to the banks.",
            "Boeing received orders for 50 planes.",
        ],
        None,
    );
}

/// "SEC Chairman Gary Gensler charged Acme Corp": the named head of an authority acts for it;
/// its spokesman does not ("an SEC spokesman said ...").
#[test]
fn the_named_head_of_an_authority_acts_for_it() {
    let x = built_in_extractor();
    for (text, actor, target) in [
        (
            "SEC Chairman Gary Gensler charged Acme Corp with fraud.",
            "us.sec",
            "name:Acme Corp",
        ),
        ("FTC Chair Lina Khan sued Amazon.", "us.ftc", "amazon"),
    ] {
        assert_event(&x, text, "charge", Some(actor), &[target]);
    }
}

/// A jurisdiction written with periods ("U.S.") qualifies a bare plural authority noun as one
/// written without them does: "U.S. prosecutors" are not any prosecutors.
#[test]
fn dotted_jurisdictions_qualify_authority_nouns() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "U.S. prosecutors charged three former executives with fraud.",
        None,
    );
    let charge = find(&out.events, "charge", None);
    assert_eq!(
        actor_id(charge).as_deref(),
        Some("name:U.S. prosecutors"),
        "{out:#?}"
    );
}

/// "SEC Charges ..." in a headline, "The SEC today charges Acme Corp ...": "charges" right after
/// an authority that opens its clause, with an object after it, is the verb; "settled SEC
/// charges", "SEC charges against Acme" stay the noun.
#[test]
fn charges_after_an_authority_is_a_verb() {
    let x = built_in_extractor();
    for text in [
        "SEC charges Acme Corp with fraud",
        "The Securities and Exchange Commission today charges Acme Corp with misleading investors.",
    ] {
        assert_event(&x, text, "charge", Some("us.sec"), &["name:Acme Corp"]);
    }
    // the noun: one event, on the party after "against"
    let text = "SEC charges against Acme Corp were filed in federal court on Tuesday.";
    let out = extract(&x, text, None);
    assert_eq!(out.events.len(), 1, "{out:#?}");
    assert_eq!(
        target_ids(&out.events[0]),
        vec!["name:Acme Corp"],
        "{out:#?}"
    );
}

/// A title line in title case after the headline (an RSS item's description after its title)
/// takes no capitalised words as a name unless the document writes them elsewhere: "SEC Sues
/// Connecticut Man for Ponzi Scheme" names nobody; a defendant the title names is the target.
#[test]
fn title_case_lines_after_the_headline_name_only_written_names() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "Stuart Frost and Frost Management Company, LLC\n\nSEC Sues Internet Marketers for \
         Swindling Main Street Investors Through Phony Infomercials",
        None,
    );
    let charge = find(&out.events, "charge", None);
    assert_eq!(actor_id(charge).as_deref(), Some("us.sec"), "{out:#?}");
    assert!(target_ids(charge).is_empty(), "{out:#?}");
    let out = extract(
        &x,
        "Kimberly Sredich\n\nSEC Sues Kimberly Sredich for Stealing Investor Funds",
        None,
    );
    let charge = find(&out.events, "charge", None);
    assert_eq!(
        target_ids(charge),
        vec!["name:Kimberly Sredich"],
        "{out:#?}"
    );
}

/// "EU competition commissioner Margrethe Vestager fined Google": the European Commission's
/// competition commissioner or chief, named before the person who holds the office, is the
/// Commission acting (a descriptor of the catalogue), with or without "EU" before it.
#[test]
fn the_eu_competition_commissioner_acts_for_the_commission() {
    let x = built_in_extractor();
    for (text, target) in [
        (
            "EU competition commissioner Margrethe Vestager fined Google 2.4 billion euros.",
            "google",
        ),
        (
            "The EU's competition chief Margrethe Vestager fined Google 4.3 billion euros.",
            "google",
        ),
        (
            "Competition Commissioner Neelie Kroes fined Microsoft 899 million euros.",
            "microsoft",
        ),
        (
            "EU antitrust chief Joaquin Almunia fined Intel 1.06 billion euros.",
            "intel",
        ),
    ] {
        assert_event(&x, text, "fine", Some("eu.commission"), &[target]);
    }
}

/// "The head of the CMA, Andrea Coscelli, fined Acme Widgets Ltd": a participle after a name
/// and a comma is a reduced passive ("Wang Xuebing, jailed for 12 years") only without a name
/// as its object; with one, it is the active verb of the clause's authority.
#[test]
fn a_participle_with_an_object_after_an_apposition_is_active() {
    let x = built_in_extractor();
    for (text, action, actor, target) in [
        (
            "The head of the CMA, Andrea Coscelli, fined Acme Widgets Ltd.",
            "fine",
            "uk.cma",
            "name:Acme Widgets Ltd",
        ),
        (
            "The chairman of the SEC, Gary Gensler, charged Acme Corp with fraud.",
            "charge",
            "us.sec",
            "name:Acme Corp",
        ),
    ] {
        assert_event(&x, text, action, Some(actor), &[target]);
    }
    let out = extract(
        &x,
        "Wang Xuebing, jailed for 12 years, lost his appeal.",
        None,
    );
    let ruling = find(&out.events, "ruling", None);
    assert_eq!(target_ids(ruling), vec!["name:Wang Xuebing"], "{out:#?}");
}

/// "The Securities and Exchange Commission (SEC) said Acme Corp would pay ...": an authority
/// that reports the clause acts in it also when its acronym in brackets follows its name, before
/// the reporting verb or after the clause.
#[test]
fn a_reporting_authority_with_its_acronym_in_brackets_acts() {
    let x = built_in_extractor();
    for (text, actor, target) in [
        (
            "The State Administration for Market Regulation (SAMR) said Meituan would pay a \
             fine of 3.44 billion yuan.",
            "cn.samr",
            "meituan",
        ),
        (
            "The Federal Trade Commission (FTC) said Acme Corp agreed to pay a $5 million \
             penalty.",
            "us.ftc",
            "name:Acme Corp",
        ),
        (
            "Acme Corp agreed to pay a $5 million penalty, the Securities and Exchange \
             Commission (SEC) said.",
            "us.sec",
            "name:Acme Corp",
        ),
    ] {
        assert_event(&x, text, "fine", Some(actor), &[target]);
    }
}

/// A bracket right after a name that holds only its other names is part of the name: it does not
/// cut the clause ("The Dutch Data Protection Authority (Autoriteit Persoonsgegevens, AP) fined
/// Uber" -> nl.ap), an amount after it is the verb's ("fined Storstockholms Lokaltrafik
/// (Stockholm Local Transport Company) EUR 1,600,000"), and a trigger word in it is no action
/// ("(National School of Justice and Prosecution)").
#[test]
fn brackets_of_other_names_belong_to_the_name() {
    let x = built_in_extractor();
    for (text, actor, target) in [
        (
            "The Dutch Data Protection Authority (Autoriteit Persoonsgegevens, AP) fined Uber 290 \
             million euros.",
            "nl.ap",
            "uber",
        ),
        (
            "The Spanish Data Protection Agency (Agencia Española de Protección de Datos, AEPD) \
             fined CaixaBank 6 million euros.",
            "es.aepd",
            "caixabank",
        ),
    ] {
        assert_event(&x, text, "fine", Some(actor), &[target]);
    }
    let out = extract(
        &x,
        "The Swedish DPA has fined Storstockholms Lokaltrafik (Stockholm Local Transport Company) \
         EUR 1,600,000.",
        None,
    );
    let fine = find(&out.events, "fine", None);
    assert_eq!(fine.amount.as_deref(), Some("EUR 1,600,000"), "{out:#?}");
    let text = "The Polish DPA (UODO) fined Krajowa Szkoła Sądownictwa i Prokuratury (National \
                School of Justice and Prosecution) EUR 22,200.";
    let out = extract(&x, text, None);
    assert!(
        out.events
            .iter()
            .all(|e| e.action.as_deref() == Some("fine")),
        "{out:#?}"
    );
}

/// "agreed to pay over $4 billion to resolve the department's investigation": the investigation
/// a payment resolves is that settlement's object, also with a common noun as its possessor; it
/// is no event of its own (before: an investigation with no party, dated as the settlement).
#[test]
fn an_investigation_resolved_by_a_payment_is_absorbed_with_a_noun_possessor() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "The Justice Department announced that Binance Holdings Ltd. agreed to pay over $4 \
         billion to resolve the department's investigation.",
        None,
    );
    let settlement = find(&out.events, "settlement", None);
    assert_eq!(actor_id(settlement).as_deref(), Some("us.doj"), "{out:#?}");
    assert!(
        out.events
            .iter()
            .all(|e| e.action.as_deref() != Some("investigation")),
        "{out:#?}"
    );
}

/// Companies whose names begin with a digit are found through the catalogue ("fined 3M",
/// "into 4chan", "23andMe"), matched as written: "3M" in "$3M" or "3m" in "£195.3m" is part of
/// an amount.
#[test]
fn names_that_begin_with_a_digit_come_from_the_catalogue_as_written() {
    let x = built_in_extractor();
    for (text, action, target) in [
        ("The EPA fined 3M $1.5 million.", "fine", "3m"),
        (
            "Ofcom has opened an investigation into 4chan.",
            "investigation",
            "4chan",
        ),
        (
            "The ICO fined 23andMe 2.31 million pounds.",
            "fine",
            "23andme",
        ),
        ("The FTC sued 7-Eleven in 2020.", "charge", "7-eleven"),
    ] {
        let out = extract(&x, text, None);
        let event = find(&out.events, action, None);
        assert_eq!(target_ids(event), vec![target], "{text}: {out:#?}");
    }
    for text in [
        "The SEC fined Acme Corp $3M.",
        "The FTC fined Acme Corp 3M dollars.",
        "Marsh posted a $375m (£195.3m) profit. It paid a $850m fine to the SEC.",
    ] {
        let out = extract(&x, text, None);
        assert!(
            out.events
                .iter()
                .all(|e| !target_ids(e).iter().any(|t| t == "3m")),
            "{text}: {out:#?}"
        );
    }
}

/// "fined Didi's chairman and chief executive Cheng Wei and president Jean Liu 1 million yuan
/// each": two roles joined by "and" before a holder's name are one role, and the company is the
/// holders' employer (before: a fine on Didi, with no amount).
#[test]
fn two_roles_joined_by_and_before_a_holder() {
    let x = built_in_extractor();
    for text in [
        "The CAC also fined Didi's chairman and chief executive Cheng Wei and president Jean Liu \
         1 million yuan each.",
        "The CAC also fined Didi chairman and chief executive Cheng Wei and president Jean Liu 1 \
         million yuan each.",
    ] {
        let out = extract(&x, text, None);
        let fines: Vec<_> = out
            .events
            .iter()
            .filter(|e| e.action.as_deref() == Some("fine"))
            .collect();
        let targets: Vec<Vec<String>> = fines.iter().map(|e| target_ids(e)).collect();
        assert_eq!(
            targets,
            vec![vec!["name:Cheng Wei"], vec!["name:Jean Liu"]],
            "{text}: {out:#?}"
        );
        assert!(
            fines
                .iter()
                .all(|e| e.amount.as_deref() == Some("1 million yuan")),
            "{text}: {out:#?}"
        );
    }
}

/// "The CAC launched its investigation into Didi in July last year, days after the company went
/// public in New York, and ordered app stores to remove 25 of its apps": a verb after ", and"
/// whose clause opens with a subordinating word after a span of time has the main clause's
/// subject (the CAC, not the company), and "25 of its apps" are the latest company's.
#[test]
fn a_verb_after_a_subordinate_clause_has_the_main_subject() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "The CAC launched its investigation into Didi in July last year, days after the company \
         went public in New York, and ordered app stores to remove 25 of its apps.",
        Some("2022-07-21"),
    );
    let removal = find(&out.events, "removal", None);
    assert_eq!(actor_id(removal).as_deref(), Some("cn.cac"), "{out:#?}");
    assert_eq!(target_ids(removal), vec!["didi"], "{out:#?}");
    // "went after" is a verb's preposition: the firms' accusers are no subject of a main clause
    let out = extract(
        &x,
        "Prosecutors went after the companies using legislation put in place to fight organised \
         crime, and accused the firms of conspiring and running \"Racketeer Influenced and \
         Corrupt Organisations\".",
        None,
    );
    assert!(out.events.is_empty(), "{out:#?}");
}

/// "SEC Obtains Judgment Against Broker", "A federal jury convicts John Smith", "SEC Shuts Down
/// ... Scheme", "SEC Bars Hedge Fund Manager": a judgment against a party is a ruling (a
/// judgment alone is none: "an error of judgment"), "convicts" a ruling, "shuts down" a removal,
/// and "bars" a ban when an authority acts ("behind bars" is none).
#[test]
fn judgments_against_convicts_shuts_down_and_bars() {
    let x = built_in_extractor();
    for (text, action, actor, target) in [
        (
            "The court entered a judgment against Acme Corp on Tuesday.",
            "ruling",
            None,
            Some("name:Acme Corp"),
        ),
        (
            "A federal jury convicts John Smith of fraud.",
            "ruling",
            Some("name:federal jury"),
            Some("name:John Smith"),
        ),
        (
            "The SEC shuts down Acme Capital LLC.",
            "removal",
            Some("us.sec"),
            Some("name:Acme Capital LLC"),
        ),
        (
            "The SEC bars Acme Capital LLC from the securities industry.",
            "ban",
            Some("us.sec"),
            Some("name:Acme Capital LLC"),
        ),
    ] {
        let out = extract(&x, text, None);
        let event = find(&out.events, action, None);
        assert_eq!(actor_id(event).as_deref(), actor, "{text}: {out:#?}");
        assert_eq!(
            target_ids(event),
            target.into_iter().collect::<Vec<_>>(),
            "{text}: {out:#?}"
        );
    }
    assert_no_events(
        &x,
        &[
            "The chairman admitted an error of judgment in the Acme Corp deal.",
            "John Smith was put behind bars in 2019.",
        ],
        None,
    );
}

/// A title-case line under its title names a defendant the title names, also after the
/// preposition that title case capitalises ("SEC Obtains Judgment Against Donato Baca, Jr.")
/// and, with two words or more or after a noun that describes a party, after other words
/// ("Purported Cryptocurrency Company Longfin"); one common word after others is no name
/// ("Taiwan-Based Insurance Company" under "Taiwan Life Insurance Co").
#[test]
fn title_case_lines_find_the_titles_names_inside_longer_runs() {
    let x = built_in_extractor();
    for (text, target) in [
        (
            "Donato Baca\n\nSEC Obtains Judgment Against Donato Baca, Jr. in Ponzi Scheme",
            "name:Donato Baca",
        ),
        (
            "Longfin Corp. and Venkata S. Meenavalli\n\nSEC Adds Fraud Charges Against Purported \
             Cryptocurrency Company Longfin, CEO, and Consultant",
            // (the title's fuller name, by coreference)
            "name:Longfin Corp",
        ),
    ] {
        let out = extract(&x, text, None);
        let event = out
            .events
            .iter()
            .find(|e| !e.targets.is_empty())
            .unwrap_or_else(|| panic!("{text}: {out:#?}"));
        assert_eq!(target_ids(event), vec![target], "{text}: {out:#?}");
    }
    let text = "Taiwan Life Insurance Co\n\nSEC Sues a Taiwan-Based Insurance Company and a \
                Former Insider for Fraudulent Market Manipulation";
    let out = extract(&x, text, None);
    assert!(
        out.events.iter().all(|e| e.targets.is_empty()),
        "{text}: {out:#?}"
    );
}

/// "MAN, Volvo/Renault, Daimler, Iveco and DAF": two names joined by a slash are one party (its
/// first name), and the list goes on after them (before, it stopped at the slash); "Medicals
/// Nordic I/S" keeps its legal form out of the list.
#[test]
fn a_slash_joins_two_names_of_one_party_in_a_list() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "The Commission has imposed fines totalling €2.93 billion on truck producers MAN, \
         Volvo/Renault, Daimler, Iveco and DAF.",
        None,
    );
    let fine = find(&out.events, "fine", None);
    assert_eq!(
        target_ids(fine),
        vec![
            "name:MAN",
            "name:Volvo",
            "name:Daimler",
            "name:Iveco",
            "name:DAF"
        ],
        "{out:#?}"
    );
    let out = extract(
        &x,
        "The Danish DPA (Datatilsynet) has fined Medicals Nordic I/S EUR 80,700.",
        None,
    );
    let fine = find(&out.events, "fine", None);
    assert_eq!(target_ids(fine).len(), 1, "{out:#?}");
}

/// "Apple supplier Foxconn", "Alibaba rival JD.com", "Facebook parent Meta Platforms", "Rewe
/// affiliate Ö-Bonus Club GmbH": a company right before a noun of its relation to the name after
/// it only describes that name, which is the party (before: the first company); with the
/// possessive too ("Apple's supplier Foxconn").
#[test]
fn a_company_before_a_relation_noun_describes_the_next_name() {
    let x = built_in_extractor();
    for (text, target) in [
        (
            "The SAMR fined Apple supplier Foxconn 100,000 yuan.",
            "name:Foxconn",
        ),
        (
            "The SAMR fined Apple's supplier Foxconn 100,000 yuan.",
            "name:Foxconn",
        ),
        ("The SAMR fined Alibaba rival JD.com 100,000 yuan.", "jd"),
        (
            "The FTC sued Facebook parent Meta Platforms in 2021.",
            "meta",
        ),
        (
            "The Austrian DPA has imposed a fine of EUR 2,000,000 on Rewe affiliate Ö-Bonus Club \
             GmbH.",
            "name:Ö-Bonus Club GmbH",
        ),
    ] {
        let out = extract(&x, text, None);
        assert_eq!(out.events.len(), 1, "{text}: {out:#?}");
        assert_eq!(target_ids(&out.events[0]), vec![target], "{text}: {out:#?}");
    }
}

/// "A judge approved a $725 million settlement between Facebook and users": a settlement
/// between parties only, which an authority of the clause approves, is on the named party
/// (before: no party); a settlement between private parties with no authority stays no event.
#[test]
fn a_settlement_between_parties_that_an_authority_approves() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "A federal judge approved a $725 million settlement between Facebook and users.",
        None,
    );
    let settlement = find(&out.events, "settlement", None);
    assert_eq!(target_ids(settlement), vec!["facebook"], "{out:#?}");
    assert_no_events(
        &x,
        &["A settlement between Acme Corp and Beta LLC ended the dispute."],
        None,
    );
}

/// "Full Truck Alliance's Yunmanman and Huochebang apps and Boss Zhipin were placed under
/// cybersecurity review": a product noun after names continues the subject list (before: only
/// Boss Zhipin).
#[test]
fn a_product_noun_inside_a_subject_list() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "Full Truck Alliance's Yunmanman and Huochebang apps and Boss Zhipin were placed under \
         cybersecurity review.",
        None,
    );
    let review = find(&out.events, "investigation", None);
    // (the two apps are the catalogue's Full Truck Alliance, Boss Zhipin its Kanzhun)
    assert_eq!(
        target_ids(review),
        vec!["full-truck-alliance", "kanzhun"],
        "{out:#?}"
    );
}

/// "Regulators summoned Ant Group executives, days before its planned IPO was suspended": the
/// IPO, listing, app, account or licence that "its" owns is the latest company's, the passive's
/// party (before: no event).
#[test]
fn its_ipo_as_a_passive_subject_is_the_latest_companys() {
    let x = built_in_extractor();
    for text in [
        "Regulators summoned Ant Group executives, days before its planned IPO was suspended.",
        "Ant Group said on Monday it had met regulators. Its planned IPO was suspended on Tuesday.",
    ] {
        let out = extract(&x, text, Some("2020-11-05"));
        let suspension = find(&out.events, "suspension", None);
        assert_eq!(
            target_ids(suspension),
            vec!["ant-group"],
            "{text}: {out:#?}"
        );
    }
}

/// "The People's Bank of China and other regulators met with representatives of Tencent and
/// ordered them to rectify": the named authority before "and other" acts, also for a verb
/// coordinated after another (before: the unnamed "regulators").
#[test]
fn the_named_authority_before_and_other_acts_for_a_later_verb() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "The People's Bank of China and other regulators met with representatives of Tencent and \
         ordered them to rectify their businesses.",
        None,
    );
    let order = find(&out.events, "order", None);
    assert_eq!(actor_id(order).as_deref(), Some("cn.pboc"), "{out:#?}");
}

/// "The AEPD sanctioned CaixaBank with EUR 6 million": "sanctioned" with an amount after "with"
/// is a fine ("The US sanctioned Russian oligarchs" is none); "issued a reprimand to the
/// Department of Health": a public body is the party of a reprimand; Cosmote, which the Hellenic
/// DPA fines in its own name, is not OTE ("EUR 6,000,000 on Cosmote and EUR 3,250,000 on OTE"
/// are two fines).
#[test]
fn sanctioned_with_an_amount_reprimanded_bodies_and_cosmote() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "The AEPD sanctioned CaixaBank with EUR 6 million for breaching transparency rules.",
        None,
    );
    let fine = find(&out.events, "fine", None);
    assert_eq!(actor_id(fine).as_deref(), Some("es.aepd"), "{out:#?}");
    assert_eq!(target_ids(fine), vec!["caixabank"], "{out:#?}");
    assert_eq!(fine.amount.as_deref(), Some("EUR 6 million"), "{out:#?}");
    assert_no_events(
        &x,
        &["The US sanctioned Russian oligarchs and their companies."],
        None,
    );
    let out = extract(
        &x,
        "The DPC issued a reprimand to the Department of Health.",
        None,
    );
    let censure = find(&out.events, "censure", None);
    assert_eq!(
        target_ids(censure),
        vec!["name:Department of Health"],
        "{out:#?}"
    );
    let out = extract(
        &x,
        "The Hellenic DPA imposed a fine of EUR 6,000,000 on Cosmote and EUR 3,250,000 on OTE.",
        None,
    );
    let targets: Vec<Vec<String>> = out.events.iter().map(target_ids).collect();
    assert_eq!(targets, vec![vec!["cosmote"], vec!["ote"]], "{out:#?}");
}

/// "fined Google and Amazon 100 million euros and 35 million euros, respectively": the amounts
/// before "respectively" go to the targets in order, one event each (before: one event on both,
/// with the first amount); also in the passive, and past a conversion in brackets.
#[test]
fn amounts_respectively_go_to_the_targets_in_order() {
    let x = built_in_extractor();
    for (text, expected) in [
        (
            "The CNIL fined Google and Amazon 100 million euros and 35 million euros, \
             respectively, for placing cookies without consent.",
            [
                ("google", "100 million euros"),
                ("amazon", "35 million euros"),
            ],
        ),
        (
            "Google and Facebook were fined 150 million euros and 60 million euros respectively \
             by the CNIL.",
            [
                ("google", "150 million euros"),
                ("facebook", "60 million euros"),
            ],
        ),
        (
            "The regulator fined Alibaba and Tencent 18.2 billion yuan ($2.8 billion) and \
             500,000 yuan respectively.",
            // (the amount's text keeps its conversion)
            [
                ("alibaba", "18.2 billion yuan ($2.8 billion)"),
                ("tencent", "500,000 yuan"),
            ],
        ),
    ] {
        let out = extract(&x, text, None);
        let got: Vec<(String, Option<String>)> = out
            .events
            .iter()
            .map(|e| (target_ids(e).join(","), e.amount.clone()))
            .collect();
        let want: Vec<(String, Option<String>)> = expected
            .iter()
            .map(|(t, a)| (t.to_string(), Some(a.to_string())))
            .collect();
        assert_eq!(got, want, "{text}: {out:#?}");
    }
}

/// "The Court of Justice upheld the 2.42 billion euro fine on Google", "the Brussels Court of
/// Appeal overturned the fine of EUR 5,000": a court that decides on an appeal against a
/// sanction rules; it did not impose the sanction (before: a fine by the court). A fine with its
/// own authority as agent stays that authority's fine.
#[test]
fn a_courts_decision_on_a_sanction_is_a_ruling() {
    let x = built_in_extractor();
    for (text, actor, target) in [
        (
            "The Court of Justice upheld the 2.42 billion euro fine on Google.",
            "eu.cjeu",
            Some("google"),
        ),
        (
            "The Supreme People's Court rejected Qualcomm's appeal against the fine.",
            "cn.spc",
            Some("qualcomm"),
        ),
    ] {
        let out = extract(&x, text, None);
        let ruling = find(&out.events, "ruling", None);
        assert_eq!(actor_id(ruling).as_deref(), Some(actor), "{text}: {out:#?}");
        assert_eq!(
            target_ids(ruling),
            target.into_iter().collect::<Vec<_>>(),
            "{text}: {out:#?}"
        );
        assert!(
            out.events
                .iter()
                .all(|e| e.action.as_deref() != Some("fine")),
            "{text}: {out:#?}"
        );
    }
    let out = extract(
        &x,
        "The EU General Court annulled the 1.06 billion euro fine imposed on Intel by the \
         European Commission in 2009.",
        None,
    );
    let fine = find(&out.events, "fine", None);
    assert_eq!(actor_id(fine).as_deref(), Some("eu.commission"), "{out:#?}");
}

/// "The Paris Court of Appeal", "the Brussels Court of Appeal": a place's name right before a
/// capitalised descriptor names a body of that place, as written (before: the English Court of
/// Appeal, and a court with Brussels dropped); "Brussels fined Google" is still the Commission.
#[test]
fn a_place_before_a_capitalised_descriptor_names_that_places_body() {
    let x = built_in_extractor();
    for (text, actor) in [
        (
            "The Paris Court of Appeal overturned the fine of EUR 5,000.",
            "name:Paris Court of Appeal",
        ),
        (
            "The Brussels Court of Appeal overturned the fine of EUR 5,000.",
            "name:Brussels Court of Appeal",
        ),
    ] {
        assert_actor(&x, text, "ruling", Some(actor));
    }
    let out = extract(&x, "Brussels fined Google 2.4 billion euros.", None);
    let fine = find(&out.events, "fine", None);
    assert_eq!(actor_id(fine).as_deref(), Some("eu.commission"), "{out:#?}");
}

/// "The SAMR fined Alibaba ... Days later, regulators summoned 34 internet companies and told
/// them to rectify": "them" is the sentence's counted group before the previous event's parties
/// (before: an order on Alibaba).
#[test]
fn them_is_the_sentences_counted_group_before_earlier_parties() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "The SAMR fined Alibaba a record 18.23 billion yuan. Days later, regulators summoned 34 \
         internet companies and told them to rectify anti-competitive practices.",
        Some("2021-04-20"),
    );
    let order = find(&out.events, "order", None);
    assert!(target_ids(order).is_empty(), "{out:#?}");
    assert_eq!(order.target_count, Some(34), "{out:#?}");
}

/// "November 2020: Regulators suspended Ant Group's IPO": after a timeline's date and colon a
/// capital says nothing of a name, as at the start of a sentence (before: "Regulators" was read
/// as a name and nobody acted). A capitalised descriptor after a capitalised word in a
/// title-case line names no place's body ("SEC Obtains Final Judgment Against Aveo
/// Pharmaceuticals Executive" has no party "Pharmaceuticals Executive").
#[test]
fn a_timeline_entry_opens_like_a_sentence() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "November 2020: Regulators suspended Ant Group's IPO.",
        None,
    );
    let suspension = find(&out.events, "suspension", None);
    assert_eq!(
        actor_id(suspension).as_deref(),
        Some("name:Regulators"),
        "{out:#?}"
    );
    assert_eq!(target_ids(suspension), vec!["ant-group"], "{out:#?}");
    let out = extract(
        &x,
        "AVEO Pharmaceuticals, Inc., et al.\n\nSEC Obtains Final Judgment Against Aveo \
         Pharmaceuticals Executive",
        None,
    );
    let ruling = find(&out.events, "ruling", None);
    assert!(target_ids(ruling).is_empty(), "{out:#?}");
}

/// "Shanghai's market regulator fined ...": a place's possessive before a regulator the
/// catalogue does not resolve stays in its name (before: x:market-regulator, which every unnamed
/// market regulator shared).
#[test]
fn a_places_possessive_stays_in_an_unresolved_regulators_name() {
    let x = built_in_extractor();
    assert_event(
        &x,
        "Shanghai's market regulator fined Acme Ltd 5,000 yuan.",
        "fine",
        Some("name:Shanghai's market regulator"),
        &["name:Acme Ltd"],
    );
}

/// "The SEC's complaint charges Smith with violating ...": an authority's complaint, indictment
/// or suit as the subject of "charges" makes it the verb, with the authority acting (before: a
/// charge with no party).
#[test]
fn an_authoritys_complaint_charges_a_party() {
    let x = built_in_extractor();
    assert_event(
        &x,
        "The SEC's complaint charges Acme Corp with fraud.",
        "charge",
        Some("us.sec"),
        &["name:Acme Corp"],
    );
}

/// A press release's dateline with its year anchors a document that has no publication date:
/// "Washington D.C., March 5, 2024 — The SEC today charged ...", "Brussels, 4 March 2024" on a
/// line of its own (before: "today" stayed unresolved).
#[test]
fn a_press_releases_dateline_anchors_the_document() {
    let x = built_in_extractor();
    for (text, expected) in [
        (
            "Washington D.C., March 5, 2024 — The Securities and Exchange Commission today \
             charged John Smith with insider trading.",
            "2024-03-05",
        ),
        (
            "Brussels, 4 March 2024\n\nThe European Commission today fined Apple 1.8 billion \
             euros.",
            "2024-03-04",
        ),
    ] {
        let out = extract(&x, text, None);
        assert_eq!(out.events.len(), 1, "{text}: {out:#?}");
        assert_eq!(
            date(&out.events[0]).as_deref(),
            Some(expected),
            "{text}: {out:#?}"
        );
    }
}

/// Proceedings brought before a court are a charge: "launched Federal Court proceedings",
/// "commenced civil proceedings", "instituted proceedings in the Federal Court against ..."
/// (before: an investigation, by the Federal Court in the first, with no party in the last); a
/// regulator's own proceedings stay an investigation.
#[test]
fn proceedings_brought_before_a_court_are_a_charge() {
    let x = built_in_extractor();
    for text in [
        "The ACCC has launched Federal Court proceedings against Acme Ltd.",
        "The ACCC has commenced civil proceedings against Acme Ltd.",
        "The ACCC has instituted proceedings in the Federal Court against Acme Ltd.",
        "The ACCC has commenced proceedings against Acme Ltd in the Federal Court.",
    ] {
        let out = assert_event(&x, text, "charge", Some("au.accc"), &["name:Acme Ltd"]);
        assert_eq!(out.events.len(), 1, "{text}: {out:#?}");
    }
    assert_event(
        &x,
        "The Commission opened formal proceedings against Acme Ltd.",
        "investigation",
        Some("eu.commission"),
        &["name:Acme Ltd"],
    );
}

/// A past participle used as an adjective before a noun names no action: "over cancelled
/// flights", "for banned substances" (before: a suspension by the sentence's authority).
#[test]
fn a_participle_before_a_noun_is_no_action() {
    let x = built_in_extractor();
    for text in [
        "The ACCC has launched court proceedings against Acme Ltd over cancelled flights.",
        "The FDA warned Acme Ltd for selling banned substances.",
    ] {
        let out = extract(&x, text, None);
        assert_eq!(out.events.len(), 1, "{text}: {out:#?}");
    }
}

/// An "it" that opens a subordinate clause and takes an action only authorities take is the
/// main clause's authority, not the company named last: "..., days after it launched an
/// investigation into the company" (before: an investigation with no actor). A company may sue,
/// so "after it sued a rival" stays no event.
#[test]
fn it_after_a_subordinator_is_the_main_clauses_authority() {
    let x = built_in_extractor();
    for text in [
        "The CAC ordered app stores to remove 25 apps operated by Acme Ltd, days after it \
         launched an investigation into the company.",
        "The CAC fined Acme Ltd 50,000 yuan after it opened a probe into Acme Ltd.",
    ] {
        assert_event(
            &x,
            text,
            "investigation",
            Some("cn.cac"),
            &["name:Acme Ltd"],
        );
    }
    let out = extract(&x, "The CAC fined Acme Ltd after it sued a rival.", None);
    assert_eq!(out.events.len(), 1, "{out:#?}");
}

/// "The People's Bank of China and three other financial regulators summoned ...": the named
/// authority acts, as with "and other regulators" (before: `x:financial-regulators`).
#[test]
fn a_named_authority_before_a_counted_other_acts() {
    let x = built_in_extractor();
    assert_event(
        &x,
        "The People's Bank of China and three other financial regulators summoned executives \
         of Acme Ltd on Monday.",
        "summons",
        Some("cn.pboc"),
        &["name:Acme Ltd"],
    );
}

/// A list of role holders after a comma: "summoned Acme Ltd's founder John Smith, chairman
/// Richard Roe and chief executive Jane Doe" names three people (before: the first only). A
/// speaker after the comma is no party.
#[test]
fn role_holders_listed_after_a_comma_are_all_parties() {
    let x = built_in_extractor();
    assert_event(
        &x,
        "The CAC summoned Acme Ltd's founder John Smith, chairman Richard Roe and chief \
         executive Jane Doe on Monday.",
        "summons",
        Some("cn.cac"),
        &["name:John Smith", "name:Richard Roe", "name:Jane Doe"],
    );
    assert_event(
        &x,
        "The FCA fined John Smith £40,000, spokesman Richard Roe said.",
        "fine",
        Some("uk.fca"),
        &["name:John Smith"],
    );
}

/// A demonym before one word of a name, or before two ending in an organisation's word, is
/// part of the name: "American Express", "the Danish Cancer Society" (before: "Express",
/// "Cancer Society"); a demonym before an acronym stays outside ("Bavarian DPA").
#[test]
fn a_demonym_before_a_short_name_begins_it() {
    let x = built_in_extractor();
    for (text, target) in [
        (
            "The SEC fined American Express $10 million.",
            "name:American Express",
        ),
        (
            "The SEC imposed a penalty of $10 million on American Express.",
            "name:American Express",
        ),
        (
            "The Danish DPA has fined the Danish Cancer Society EUR 107,000.",
            "name:Danish Cancer Society",
        ),
    ] {
        let out = extract(&x, text, None);
        let fine = find(&out.events, "fine", None);
        assert_eq!(target_ids(fine), [target], "{text}: {out:#?}");
    }
    assert_actor(
        &x,
        "The Bavarian DPA has imposed a fine on a company.",
        "fine",
        Some("name:Bavarian DPA"),
    );
}

/// An investigation into an incident at a party is an investigation into that party: "into
/// the data breach at Acme Ltd", "into the cyber attack on Acme Ltd" (before: no party). Hong
/// Kong's privacy watchdog is the PCPD.
#[test]
fn an_incident_at_a_party_names_the_party() {
    let x = built_in_extractor();
    assert_event(
        &x,
        "Hong Kong's privacy watchdog has launched an investigation into the data breach at \
         Acme Ltd.",
        "investigation",
        Some("hk.pcpd"),
        &["name:Acme Ltd"],
    );
    assert_event(
        &x,
        "The ICO has opened an investigation into the cyber attack on Acme Ltd.",
        "investigation",
        Some("uk.ico"),
        &["name:Acme Ltd"],
    );
}

/// A probe extended to more parties is an investigation of those parties: "extended the probe
/// to three other platforms, Acme, Beta and Gamma", "expanded its investigation to include ..."
/// (before: an investigation with no party).
#[test]
fn an_extended_probe_names_its_new_parties() {
    let x = built_in_extractor();
    let out = assert_event(
        &x,
        "The CAC on Monday extended the probe to three other platforms, Acme Ltd, Beta Ltd and \
         Gamma Ltd.",
        "investigation",
        Some("cn.cac"),
        &["name:Acme Ltd", "name:Beta Ltd", "name:Gamma Ltd"],
    );
    assert_eq!(out.events[0].target_count, Some(3), "{out:#?}");
    assert_event(
        &x,
        "The SEC expanded its investigation to include Acme Corp and Beta LLC.",
        "investigation",
        Some("us.sec"),
        &["name:Acme Corp", "name:Beta LLC"],
    );
}

/// "Baidu was also fined for two deals" after an authority's fine: the same authority fines
/// another party; and "also" keeps it from completing an earlier fine that named no party, whose
/// amount was per deal (before: a fine on Baidu with no actor, or with the 500,000 yuan).
#[test]
fn also_adds_a_party_to_the_previous_action() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "The State Administration for Market Regulation fined Acme Ltd for 12 deals. Beta Ltd \
         was also fined for two deals.",
        None,
    );
    let beta = find(&out.events, "fine", Some("name:Beta Ltd"));
    assert_eq!(actor_id(beta).as_deref(), Some("cn.samr"), "{out:#?}");
    let out = extract(
        &x,
        "The State Administration for Market Regulation said it had imposed fines of 500,000 \
         yuan for each of the deals. Beta Ltd was also fined for two deals.",
        None,
    );
    let beta = find(&out.events, "fine", Some("name:Beta Ltd"));
    assert!(beta.amount.is_none(), "{out:#?}");
}

/// "The FTC's order bans Acme Corp from selling browsing data": a decision as the subject of
/// "bans" with an object makes it the verb, on the object (before: a ban with no party).
#[test]
fn a_decision_that_bans_a_party_is_a_ban_on_it() {
    let x = built_in_extractor();
    assert_event(
        &x,
        "The FTC's order bans Acme Corp from selling browsing data.",
        "ban",
        Some("us.ftc"),
        &["name:Acme Corp"],
    );
}

/// A place inside the name of a company's unit stays in it: "Amazon France Logistique" is one
/// party, a unit of Amazon (before: Amazon and "France Logistique"); a place at the end still
/// goes ("Meta Ireland" is Meta).
#[test]
fn a_place_inside_a_units_name_stays_in_it() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "The CNIL fined Amazon France Logistique €32 million.",
        None,
    );
    let fine = find(&out.events, "fine", None);
    assert_eq!(
        target_ids(fine),
        ["name:Amazon France Logistique"],
        "{out:#?}"
    );
    assert_eq!(
        fine.targets[0].parent_hint.as_deref(),
        Some("amazon"),
        "{out:#?}"
    );
    let out = extract(&x, "The DPC fined Meta Ireland €1.2 billion.", None);
    let fine = find(&out.events, "fine", None);
    assert_eq!(target_ids(fine), ["meta"], "{out:#?}");
}

/// A deal as the object of an action gives both its sides, the buyer first: "an investigation
/// into Acme Corp's proposed acquisition of Beta Ltd", "whether the acquisition of Beta Ltd by
/// Acme Corp may reduce competition", "sued to block Acme Corp's acquisition of Beta Ltd"
/// (before: the buyer only, or no party).
#[test]
fn a_deal_names_both_its_sides() {
    let x = built_in_extractor();
    for (text, action, actor) in [
        (
            "The Commission has opened an in-depth investigation into Acme Corp's proposed \
             acquisition of Beta Ltd.",
            "investigation",
            "eu.commission",
        ),
        (
            "The Commission has opened an in-depth investigation to assess whether the \
             acquisition of Beta Ltd by Acme Corp may reduce competition.",
            "investigation",
            "eu.commission",
        ),
        (
            "The FTC sued to block Acme Corp's acquisition of Beta Ltd.",
            "charge",
            "us.ftc",
        ),
    ] {
        assert_event(
            &x,
            text,
            action,
            Some(actor),
            &["name:Acme Corp", "name:Beta Ltd"],
        );
    }
}

/// "The Commission has informed Microsoft of its preliminary view that the company breached EU
/// antitrust rules" is a charge on Microsoft (before: nothing); preliminary findings that no
/// one is told of are none.
#[test]
fn a_preliminary_view_told_to_a_party_is_a_charge() {
    let x = built_in_extractor();
    assert_event(
        &x,
        "The Commission has informed Acme Corp of its preliminary view that the company \
         breached EU antitrust rules.",
        "charge",
        Some("eu.commission"),
        &["name:Acme Corp"],
    );
    assert_no_events(
        &x,
        &["According to the CMA's preliminary findings, the market is not working well."],
        None,
    );
}

/// "ordered TikTok to remove harmful content": what is removed is content, so the event is the
/// order to the platform told (before: a removal, as if TikTok's app were removed).
#[test]
fn an_order_to_remove_content_is_an_order() {
    let x = built_in_extractor();
    let out = assert_event(
        &x,
        "The CAC ordered Acme Ltd to remove harmful content.",
        "order",
        Some("cn.cac"),
        &["name:Acme Ltd"],
    );
    assert_eq!(out.events.len(), 1, "{out:#?}");
}

/// "US antitrust chief Jonathan Kanter sued Google": the catalogue's descriptor of the Justice
/// Department's Antitrust Division, as the Commission's for "EU antitrust chief" (before: no
/// actor, so no event).
#[test]
fn the_us_antitrust_chief_acts_for_the_antitrust_division() {
    let x = built_in_extractor();
    assert_event(
        &x,
        "US antitrust chief Jonathan Kanter sued Acme Corp over its ad tech business.",
        "charge",
        Some("us.doj-antitrust"),
        &["name:Acme Corp"],
    );
}

/// An "it" after a time phrase that opens the sentence refers to the authority that opened the
/// previous sentence, itself possibly after a time phrase; "Two days later" counts from the
/// previous event's date (before: no actor, so no event, and no date).
#[test]
fn it_after_an_opening_time_phrase_and_a_span_later() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "On July 2, 2021, the Cyberspace Administration of China announced a cybersecurity \
         review of Acme Group. Two days later, it ordered app stores to remove Acme Group's \
         app.",
        None,
    );
    let removal = find(&out.events, "removal", None);
    assert_eq!(actor_id(removal).as_deref(), Some("cn.cac"), "{out:#?}");
    assert_eq!(date(removal).as_deref(), Some("2021-07-04"), "{out:#?}");
    let out = extract(
        &x,
        "A month later, the State Administration for Market Regulation opened an investigation \
         into Acme Group in December 2020. In April 2021 it fined Acme Group 18.2 billion \
         yuan.",
        None,
    );
    let fine = find(&out.events, "fine", None);
    assert_eq!(actor_id(fine).as_deref(), Some("cn.samr"), "{out:#?}");
    let out = extract(
        &x,
        "The SAMR fined Acme Group in November 2020. A month later, it fined Beta Group.",
        None,
    );
    let fine = find(&out.events, "fine", Some("name:Beta Group"));
    assert_eq!(date(fine).as_deref(), Some("2020-12"), "{out:#?}");
}

/// "Its chairman Cheng Wei and president Jean Liu were each fined 1 million yuan" after "The
/// CAC fined Didi ...": both holders are fined, by the CAC (before: only the second, with no
/// actor).
#[test]
fn role_holders_in_a_passive_subject_after_the_partys_its() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "The CAC fined Acme Group 8 billion yuan. Its chairman John Smith and president Jane \
         Roe were each fined 1 million yuan.",
        None,
    );
    for name in ["name:John Smith", "name:Jane Roe"] {
        let fine = find(&out.events, "fine", Some(name));
        assert_eq!(actor_id(fine).as_deref(), Some("cn.cac"), "{out:#?}");
    }
}

/// "It began in November 2020, when regulators halted Ant Group's listing": the "when" clause
/// is dated by the time expression right before it (before: no date).
#[test]
fn a_when_clause_after_a_time_expression_happened_then() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "It began in November 2020, when regulators halted Acme Group's listing.",
        None,
    );
    let suspension = find(&out.events, "suspension", None);
    assert_eq!(date(suspension).as_deref(), Some("2020-11"), "{out:#?}");
}

/// "A federal jury found former Raytheon executive Mark Smith guilty": a verdict on a party
/// named after its roles, and "executive" before a name is a person's role, not the European
/// Commission (before: no event; the Commission took "executive" and hid the party).
#[test]
fn a_verdict_on_a_party_named_after_its_roles() {
    let x = built_in_extractor();
    for text in [
        "A federal jury found former Acme Corp executive John Smith guilty of securities fraud.",
        "A federal jury found executive John Smith guilty of securities fraud.",
    ] {
        let out = assert_event(
            &x,
            text,
            "ruling",
            Some("name:federal jury"),
            &["name:John Smith"],
        );
        assert!(
            out.events
                .iter()
                .all(|e| actor_id(e).as_deref() != Some("eu.commission")),
            "{out:#?}"
        );
    }
}

/// "The court permanently enjoined John Doe from violating ...": a court's injunction as a verb
/// is an order (before: nothing).
#[test]
fn a_court_that_enjoins_a_party_orders() {
    let x = built_in_extractor();
    assert_event(
        &x,
        "The US District Court for the Southern District of New York permanently enjoined John \
         Doe from violating the antifraud provisions.",
        "order",
        Some("us.district-court"),
        &["name:John Doe"],
    );
}

/// Three readings of US agency releases (before: the court, the party and the settled party
/// were lost): "The SEC announced that the US District Court ... entered a final judgment"
/// (the court rules), "The Department of Justice announced that Acme Pharma Inc. pleaded guilty"
/// (the period of "Inc." is the name's), "issued an order settling charges against Gamma
/// Trading LLC" (the party of the charges).
#[test]
fn agency_releases_name_the_court_the_pleader_and_the_settled_party() {
    let x = built_in_extractor();
    assert_event(
        &x,
        "The SEC announced that the US District Court for the Southern District of New York \
         entered a final judgment against John Doe.",
        "ruling",
        Some("us.district-court"),
        &["name:John Doe"],
    );
    assert_event(
        &x,
        "The Department of Justice announced that Acme Pharma Inc. pleaded guilty.",
        "ruling",
        Some("us.doj"),
        &["name:Acme Pharma Inc"],
    );
    assert_event(
        &x,
        "The CFTC issued an order settling charges against Gamma Trading LLC.",
        "settlement",
        Some("us.cftc"),
        &["name:Gamma Trading LLC"],
    );
}

/// "the Commission's 2004 ruling that Microsoft had abused its dominant position": a bare year
/// right before a trigger noun dates it, and a ruling before "that" takes the subject of what
/// it holds (before: the clause's "Earlier this year" and no party); "The regulator's 2019
/// fine on Acme Corp was upheld last week" is a fine of 2019.
#[test]
fn a_year_before_a_trigger_noun_dates_it() {
    let x = built_in_extractor();
    let out = assert_event(
        &x,
        "Earlier this year, the court upheld the Commission's 2004 ruling that Acme Corp had \
         abused its dominant position.",
        "ruling",
        Some("eu.commission"),
        &["name:Acme Corp"],
    );
    assert_eq!(date(&out.events[0]).as_deref(), Some("2004"), "{out:#?}");
    let out = extract(
        &x,
        "The CNIL's 2019 fine on Acme Corp was upheld last week.",
        Some("2021-07-10"),
    );
    let fine = find(&out.events, "fine", None);
    assert_eq!(date(fine).as_deref(), Some("2019"), "{out:#?}");
}

/// "China's market regulator has launched an investigation into Alibaba, state media reported on
/// Thursday": the report's day dates an action whose own clause has none, as an authority's
/// report does (before: no date); the medium does not act.
#[test]
fn a_media_report_closing_the_sentence_dates_the_action() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "China's market regulator has launched an investigation into Acme Group, state media \
         reported on Thursday.",
        Some("2021-07-10"),
    );
    let investigation = find(&out.events, "investigation", None);
    assert_eq!(
        date(investigation).as_deref(),
        Some("2021-07-08"),
        "{out:#?}"
    );
    assert_eq!(
        actor_id(investigation).as_deref(),
        Some("cn.samr"),
        "{out:#?}"
    );
}

/// "A coalition of 40 state attorneys general reached a $391.5 million settlement with Google":
/// the coalition acts, as written (before: no actor, so no event).
#[test]
fn a_coalition_of_state_attorneys_general_acts() {
    let x = built_in_extractor();
    for (text, action, actor) in [
        (
            "A coalition of 40 state attorneys general reached a $391.5 million settlement with \
             Acme Corp.",
            "settlement",
            "name:40 state attorneys general",
        ),
        (
            "State attorneys general sued Acme Corp in October.",
            "charge",
            "name:State attorneys general",
        ),
    ] {
        assert_event(&x, text, action, Some(actor), &["name:Acme Corp"]);
    }
}

/// "Texas Attorney General Ken Paxton sued Meta ..., and the company agreed to pay $1.4 billion
/// in 2024": the sued party's payment settles the suit, with the suing authority (before:
/// nothing); a payment after a fine, or by another party, is none.
#[test]
fn a_payment_by_the_party_of_a_suit_settles_it() {
    let x = built_in_extractor();
    let out = extract(
        &x,
        "Texas Attorney General Ken Paxton sued Acme Corp over its facial recognition \
         technology, and the company agreed to pay $1.4 billion in 2024.",
        None,
    );
    let settlement = find(&out.events, "settlement", Some("name:Acme Corp"));
    assert_eq!(
        actor_id(settlement).as_deref(),
        Some("us-tx.ag"),
        "{out:#?}"
    );
    assert_eq!(date(settlement).as_deref(), Some("2024"), "{out:#?}");
    for text in [
        "The SEC fined Acme Corp $5 million. The company agreed to pay its employees $2 million \
         in bonuses.",
        "The FTC sued Acme Corp in March. Beta Inc agreed to pay $3 million to buy a stake.",
    ] {
        let out = extract(&x, text, None);
        assert_eq!(out.events.len(), 1, "{text}: {out:#?}");
    }
}

/// "EU fines Google $2.7 billion", "China fines Alibaba": after a place with a name after it,
/// "fines" is the verb and the state acts; "Apple was hit with a $1.8bn EU fine" with no EU
/// authority before is the Commission's (before: nothing, and a fine with no actor).
#[test]
fn a_place_that_fines_and_an_eu_fine() {
    let x = built_in_extractor();
    for (text, actor) in [
        (
            "EU fines Acme Corp $2.7 billion over shopping searches.",
            "eu.commission",
        ),
        ("China fines Acme Corp $2.8 billion.", "cn.state-council"),
        (
            "Acme Corp was hit with a $1.8bn EU fine over music streaming.",
            "eu.commission",
        ),
    ] {
        assert_event(&x, text, "fine", Some(actor), &["name:Acme Corp"]);
    }
    // (also in a headline: "EU fines Google $2.7 billion over shopping searches")
    assert_event(
        &x,
        "EU fines Acme Corp $2.7 billion over shopping searches\n\nThe fine is the largest.",
        "fine",
        Some("eu.commission"),
        &["name:Acme Corp"],
    );
    // (a noun: no state acts)
    let out = extract(&x, "US fines on banks rose last year.", None);
    assert!(out.events.iter().all(|e| e.actor.is_none()), "{out:#?}");
}

/// "TikTok was banned in India", "Telegram has been blocked in Russia": a passive ban with no
/// agent in a country is that state's (before: no actor); a place in a relative clause before
/// the verb is none.
#[test]
fn a_ban_in_a_country_is_that_states() {
    let x = built_in_extractor();
    for (text, actor) in [
        ("Acme Corp was banned in India in June 2020.", "name:India"),
        ("Acme Corp has been blocked in Russia.", "ru.government"),
        ("Acme Corp was banned in the US in 2019.", "name:US"),
    ] {
        assert_actor(&x, text, "ban", Some(actor));
    }
    assert_actor(
        &x,
        "Acme Corp, which is based in Canada, was banned from trading.",
        "ban",
        None,
    );
}

/// "Google's appeal against a 4.34 billion euro fine was largely rejected by the General
/// Court": the court rules on Google's appeal; it did not fine (before: a fine by the General
/// Court).
#[test]
fn a_court_that_rejects_an_appeal_against_a_fine_rules() {
    let x = built_in_extractor();
    let out = assert_event(
        &x,
        "Acme Corp's appeal against a 4.34 billion euro fine was largely rejected by the General \
         Court.",
        "ruling",
        Some("eu.general-court"),
        &["name:Acme Corp"],
    );
    assert!(
        out.events
            .iter()
            .all(|e| e.action.as_deref() != Some("fine")),
        "{out:#?}"
    );
}

/// "Mikhail Khodorkovsky has been in jail since October 2003 on charges of fraud": held on
/// charges, the subject is charged; "faces charges of price fixing brought by the Justice
/// Department": the participle's agent brings them (before: no event, and no actor).
#[test]
fn held_on_charges_and_charges_brought_by_an_authority() {
    let x = built_in_extractor();
    assert_event(
        &x,
        "John Smith has been in jail since October 2003 on charges of fraud and tax evasion.",
        "charge",
        None,
        &["name:John Smith"],
    );
    assert_event(
        &x,
        "Acme Corp faces charges of price fixing brought by the Justice Department.",
        "charge",
        Some("us.doj"),
        &["name:Acme Corp"],
    );
}

/// "The CMA has accepted undertakings from Google": the UK's word for commitments settles the
/// case with the party that gave them (before: nothing); "fined four undertakings" counts
/// companies and gives no settlement.
#[test]
fn accepted_undertakings_settle_a_case() {
    let x = built_in_extractor();
    assert_event(
        &x,
        "The Competition and Markets Authority has accepted undertakings from Acme Corp on its \
         Privacy Sandbox proposals.",
        "settlement",
        Some("uk.cma"),
        &["name:Acme Corp"],
    );
    let out = extract(
        &x,
        "The Commission fined four undertakings EUR 434 million for a cartel.",
        None,
    );
    assert!(
        out.events
            .iter()
            .all(|e| e.action.as_deref() != Some("settlement")),
        "{out:#?}"
    );
}

/// A year in the reason after the trigger dates the conduct, not the action: "fined 12
/// companies for failing to report 22 deals dating back as far as 2012" (before: 2012); a day
/// there stays the action's ("... for failing to disclose fees on Monday").
#[test]
fn a_year_in_the_reason_dates_the_conduct() {
    let x = built_in_extractor();
    for text in [
        "Regulators fined 12 companies, including Acme Corp, for failing to report 22 deals \
         dating back as far as 2012.",
        "Regulators fined 12 companies, including Acme Corp, for failing to report 22 deals in \
         2012.",
    ] {
        let out = extract(&x, text, Some("2021-07-10"));
        let fine = find(&out.events, "fine", None);
        assert_eq!(date(fine), None, "{text}: {out:#?}");
    }
    let out = extract(
        &x,
        "The FCA fined Acme Corp £40m for failing to disclose fees on Monday.",
        Some("2021-07-10"),
    );
    let fine = find(&out.events, "fine", None);
    assert_eq!(date(fine).as_deref(), Some("2021-07-05"), "{out:#?}");
}

/// "The Supreme Court of India dismissed Google's appeal against the CCI's order": a court's
/// decision on a party's appeal is a ruling on it (before: nothing, as no trigger word stood in
/// the sentence); "issued an administrative guidance to OpenAI" is a warning.
#[test]
fn a_court_dismissing_a_partys_appeal_and_administrative_guidance() {
    let x = built_in_extractor();
    assert_event(
        &x,
        "The Supreme Court of India dismissed Acme Corp's appeal against the Competition \
         Commission of India's order.",
        "ruling",
        Some("name:Supreme Court of India"),
        &["name:Acme Corp"],
    );
    assert_no_events(&x, &["The Commission rejected Acme Corp's appeal."], None);
    assert_event(
        &x,
        "Japan's Personal Information Protection Commission issued an administrative guidance to \
         Acme Corp.",
        "warning",
        Some("jp.ppc"),
        &["name:Acme Corp"],
    );
}

/// "Acme Corp will pay a $10 million civil penalty": a penalty decided, to be paid; the words
/// of its amount do not count in the reach of "will pay" (before: dropped as a plan).
#[test]
fn will_pay_a_penalty_with_its_amount_is_decided() {
    let x = built_in_extractor();
    let out = assert_event(
        &x,
        "Acme Corp will pay a $10 million civil penalty.",
        "fine",
        None,
        &["name:Acme Corp"],
    );
    assert!(out.events[0].amount.is_some(), "{out:#?}");
}

/// "Turkey's Personal Data Protection Authority fined WhatsApp": the country's possessive stays
/// in the unresolved authority's name, so that it is not every country's body of that name
/// (before: `x:personal-data-protection-authority`).
#[test]
fn a_countrys_possessive_stays_in_an_unresolved_authoritys_name() {
    let x = built_in_extractor();
    assert_actor(
        &x,
        "Turkey's Personal Data Protection Authority fined Acme Corp 1.95 million lira.",
        "fine",
        Some("name:Turkey's Personal Data Protection Authority"),
    );
}
