//! Name resolution against a catalogue built here (the built-in one may still be a placeholder):
//! legal forms, group words, articles, CJK names, and the guards of the fuzzy match.

use docket_core::{ActorKind, RawActor};
use docket_normalize::{parse_catalogue, MatchMethod, Resolver};

const CATALOGUE: &str = r#"
[[jurisdiction]]
code = "DE"
names = ["Germany", "German"]

[[jurisdiction]]
code = "CZ"
names = ["Czech Republic", "Czech"]

[[actor]]
id = "cz.uoou"
name = "Czech Data Protection Authority"
kind = "regulator"
jurisdiction = "CZ"
acronyms = ["UOOU"]

[[actor]]
id = "de-sn.sdb"
name = "Data Protection Authority of Saxony"
kind = "regulator"
jurisdiction = "DE"
aliases = ["Data Protection Authority of Sachsen"]

[[actor]]
id = "de-st.lfd"
name = "Data Protection Authority of Sachsen-Anhalt"
kind = "regulator"
jurisdiction = "DE"
aliases = ["Data Protection Authority of Saxony-Anhalt"]

[[actor]]
id = "de-ni.lfd"
name = "Data Protection Authority of Lower Saxony"
kind = "regulator"
jurisdiction = "DE"
aliases = ["Data Protection Authority of Niedersachsen"]

[[actor]]
id = "de-bb.lda"
name = "Data Protection Authority of Brandenburg"
kind = "regulator"
jurisdiction = "DE"

[[actor]]
id = "de-bw.lfdi"
name = "Data Protection Authority of Baden-Württemberg"
kind = "regulator"
jurisdiction = "DE"

[[actor]]
id = "de-hh.hmbbfdi"
name = "Data Protection Authority of Hamburg"
kind = "regulator"
jurisdiction = "DE"
native = ["Der Hamburgische Beauftragte für Datenschutz und Informationsfreiheit"]

[[actor]]
id = "vodafone"
name = "Vodafone Group"
kind = "company"

[[actor]]
id = "vodafone-es"
name = "Vodafone España"
kind = "company"
parent = "vodafone"

[[actor]]
id = "vodafone-it"
name = "Vodafone Italia"
kind = "company"
parent = "vodafone"

[[actor]]
id = "alibaba"
name = "Alibaba Group"
kind = "company"
aliases = ["Alibaba"]
native = ["阿里巴巴集团"]

[[actor]]
id = "tencent"
name = "Tencent Holdings"
kind = "company"
native = ["腾讯"]

[[actor]]
id = "el-corte-ingles"
name = "El Corte Inglés"
kind = "company"

[[actor]]
id = "cn.samr"
name = "State Administration for Market Regulation"
kind = "regulator"
acronyms = ["SAMR"]
native = ["国家市场监督管理总局", "市场监管总局"]
"#;

fn resolver() -> Resolver {
    Resolver::new(parse_catalogue(CATALOGUE, "test").unwrap())
}

fn resolved(resolver: &Resolver, name: &str) -> Option<(String, MatchMethod)> {
    let r = resolver.resolve(name);
    r.actor.map(|a| (a.id.clone(), r.method))
}

#[test]
fn legal_forms_group_words_and_articles_are_equivalent() {
    let r = resolver();
    let cases = [
        (
            "Vodafone España, S.A.U.",
            "vodafone-es",
            MatchMethod::LegalForm,
        ),
        ("VODAFONE ESPAÑA SAU", "vodafone-es", MatchMethod::LegalForm),
        (
            "Vodafone Italia S.p.A.",
            "vodafone-it",
            MatchMethod::LegalForm,
        ),
        ("Vodafone Group Plc", "vodafone", MatchMethod::LegalForm),
        ("Vodafone", "vodafone", MatchMethod::CoreName),
        (
            "Alibaba Group Holding Limited",
            "alibaba",
            MatchMethod::LegalForm,
        ),
        (
            "阿里巴巴集团控股有限公司",
            "alibaba",
            MatchMethod::LegalForm,
        ),
        ("阿里巴巴", "alibaba", MatchMethod::CoreName),
        ("腾讯控股有限公司", "tencent", MatchMethod::LegalForm),
        ("Tencent Holdings Ltd.", "tencent", MatchMethod::LegalForm),
        (
            "Corte Inglés, S.A.",
            "el-corte-ingles",
            MatchMethod::CoreName,
        ),
        (
            "El Corte Ingles SA",
            "el-corte-ingles",
            MatchMethod::LegalForm,
        ),
        (
            "Hamburgische Beauftragte für Datenschutz und Informationsfreiheit",
            "de-hh.hmbbfdi",
            MatchMethod::CoreName,
        ),
        ("市场监管总局", "cn.samr", MatchMethod::Exact),
        ("ＳＡＭＲ", "cn.samr", MatchMethod::Acronym),
        ("Alibaba's", "alibaba", MatchMethod::Exact),
    ];
    for (name, id, method) in cases {
        assert_eq!(resolved(&r, name), Some((id.to_string(), method)), "{name}");
    }
}

#[test]
fn misspellings_resolve_with_a_score() {
    let r = resolver();
    for (name, id) in [
        ("Czech Data Protection Auhtority", "cz.uoou"),
        ("Czech Data Protection Auhtority (XYZ)", "cz.uoou"),
        (
            "Data Protection Authority of Baden-Wuerttemberg",
            "de-bw.lfdi",
        ),
        ("Data Protection Authority of Brandenberg", "de-bb.lda"),
        ("Data Protection Authoirty of Hamburg", "de-hh.hmbbfdi"),
    ] {
        let resolution = r.resolve(name);
        assert_eq!(
            resolution.actor.map(|a| a.id.as_str()),
            Some(id),
            "{name}: {resolution:?}"
        );
        assert_eq!(resolution.method, MatchMethod::Fuzzy, "{name}");
        let score = resolution.score.expect("a fuzzy match has a score");
        assert!(
            score.as_f64() >= 0.88 && score.as_f64() < 1.0,
            "{name}: {score}"
        );
    }
    // the score reaches the exported actor, and only for fuzzy matches
    let actor = r.actor_ref(
        &RawActor::named("Czech Data Protection Auhtority"),
        ActorKind::Other,
    );
    let json = serde_json::to_value(&actor).unwrap();
    assert!(json["match_score"].as_f64().unwrap() > 0.9);
    let exact = r.actor_ref(
        &RawActor::named("Czech Data Protection Authority"),
        ActorKind::Other,
    );
    assert!(serde_json::to_value(&exact)
        .unwrap()
        .get("match_score")
        .is_none());
}

#[test]
fn near_misses_between_different_actors_never_merge() {
    let r = resolver();
    for name in [
        // different German states
        "Data Protection Authority of Saxonia",
        "Data Protection Authority of Sachsen Anhalt Magdeburg",
        "Data Protection Authority of Upper Saxony",
        "Data Protection Authority of Bavaria",
        "Data Protection Authority of Bremen",
        "Data Protection Authority of Thuringia",
        // different companies of one group
        "Vodafone Portugal",
        "Vodafone Romania",
        "Vodafone Ireland Ltd",
        "Vodafone Espana Italia",
        // too short or a different word
        "Vodafon",
        "Czech Data Protection Office",
        "Slovak Data Protection Authority",
        "Polish Data Protection Authority",
    ] {
        let resolution = r.resolve(name);
        assert!(
            resolution.actor.is_none(),
            "{name} resolved to {:?} by {:?}",
            resolution.actor.map(|a| &a.id),
            resolution.method
        );
    }
    // the exact names of near-miss pairs each reach their own actor
    for (name, id) in [
        ("Data Protection Authority of Saxony", "de-sn.sdb"),
        ("Data Protection Authority of Sachsen-Anhalt", "de-st.lfd"),
        ("Data Protection Authority of Niedersachsen", "de-ni.lfd"),
        ("Data Protection Authority of Sachsen", "de-sn.sdb"),
        ("Data Protection Authority of Lower Saxony", "de-ni.lfd"),
        ("Vodafone Italia", "vodafone-it"),
        ("Vodafone España", "vodafone-es"),
    ] {
        assert_eq!(
            resolved(&r, name).map(|(i, _)| i),
            Some(id.to_string()),
            "{name}"
        );
    }
    // a refused candidate is reported, not used
    let refused = r.resolve("Data Protection Authority of Saxonia");
    assert!(refused.near_miss.is_some());
}

#[test]
fn ambiguous_candidates_are_refused() {
    let catalogue = parse_catalogue(
        r#"
[[actor]]
id = "a"
name = "Northwind Trading Company Alpha"
kind = "company"

[[actor]]
id = "b"
name = "Northwind Trading Company Alpho"
kind = "company"
"#,
        "test",
    )
    .unwrap();
    let r = Resolver::new(catalogue);
    // equally close to both
    assert!(r.resolve("Northwind Tradign Company Alphx").actor.is_none());
}

#[test]
fn resolution_ignores_case_whitespace_and_accents() {
    let r = resolver();
    for name in [
        "czech data protection authority",
        "  CZECH   DATA PROTECTION AUTHORITY ",
        "Czech Dáta Protéction Authority",
        "Czech\tData Protection Authority",
    ] {
        assert_eq!(
            resolved(&r, name).map(|(i, _)| i),
            Some("cz.uoou".to_string()),
            "{name:?}"
        );
    }
}

/// A descriptor with its place after it: "the DPA from Luxembourg", "the privacy watchdog of
/// Ireland". A descriptor that two actors of the place share stays unresolved.
#[test]
fn a_descriptor_followed_by_its_place_resolves() {
    let r = Resolver::with_built_in(None).unwrap();
    for (name, id) in [
        ("The DPA from Luxembourg", "lu.cnpd"),
        ("the privacy watchdog of Ireland", "ie.dpc"),
        ("Data protection authority in Norway", "no.datatilsynet"),
    ] {
        let found = r.resolve(name);
        assert_eq!(found.actor.map(|a| a.id.as_str()), Some(id), "{name}");
        assert_eq!(found.method, MatchMethod::Descriptor, "{name}");
    }
    assert!(r.resolve("the DPA of Atlantis").actor.is_none());
}

/// Each federal circuit's court of appeals is an actor of its own, in the spellings the press
/// uses; a court of appeals that names no circuit stays the generic one.
#[test]
fn a_court_of_appeals_resolves_to_its_circuit() {
    let r = Resolver::with_built_in(None).unwrap();
    for (name, id) in [
        ("Court of Appeals for the District of Columbia", "us.cadc"),
        ("the D.C. Circuit", "us.cadc"),
        ("US Court of Appeals for the Ninth Circuit", "us.ca9"),
        ("9th U.S. Circuit Court of Appeals", "us.ca9"),
        ("the Second Circuit", "us.ca2"),
        ("11th Circuit Court of Appeals", "us.ca11"),
        ("Court of Appeals for the Federal Circuit", "us.cafc"),
        ("federal appeals court", "us.court-of-appeals"),
        ("U.S. Court of Appeals", "us.court-of-appeals"),
    ] {
        let found = r.resolve(name);
        assert_eq!(found.actor.map(|a| a.id.as_str()), Some(id), "{name}");
    }
}

/// A German state's DPA is "the DPA" of its state, while "the German DPA" stays the federal
/// one and Bavaria's two DPAs stay apart.
#[test]
fn a_german_state_dpa_is_the_dpa_of_its_state() {
    let r = Resolver::with_built_in(None).unwrap();
    for (name, id) in [
        ("The DPA from Hamburg", "de-hh.hmbbfdi"),
        ("The DPA of Lower Saxony", "de-ni.lfd"),
        (
            "the data protection authority of Saxony-Anhalt",
            "de-st.lfd",
        ),
        ("the German DPA", "de.bfdi"),
    ] {
        let found = r.resolve(name);
        assert_eq!(found.actor.map(|a| a.id.as_str()), Some(id), "{name}");
    }
    assert!(r.resolve("The Bavarian DPA").actor.is_none());
}

/// A web domain at the end of a name is no part of its id: "Shadowcrew.com" and "Shadowcrew"
/// are one unknown company; the display name keeps the domain.
#[test]
fn a_web_domain_is_no_part_of_the_id() {
    let r = resolver();
    let with_domain = r.actor_ref(&RawActor::named("Shadowcrew.com"), ActorKind::Company);
    let without = r.actor_ref(&RawActor::named("Shadowcrew"), ActorKind::Company);
    assert_eq!(with_domain.id, "x:shadowcrew");
    assert_eq!(with_domain.id, without.id);
    assert_eq!(with_domain.name, "Shadowcrew.com");
    let tv = r.actor_ref(&RawActor::named("Sky TV"), ActorKind::Company);
    assert_eq!(tv.id, "x:sky-tv");
}

/// A mention's `kind_hint` gives the kind of a name the catalogue does not know; a catalogue
/// entry keeps its own kind, and without a hint an unknown target is a company only with a
/// legal form.
#[test]
fn a_kind_hint_types_unresolved_names_only() {
    use docket_core::{RawEvent, RecordOrigin};
    use docket_normalize::{Normalizer, SourceHints};
    let normalizer = Normalizer::new(std::sync::Arc::new(resolver()));
    let person = |name: &str| RawActor {
        kind_hint: Some(ActorKind::Person),
        ..RawActor::named(name)
    };
    let raw = RawEvent {
        action: Some("charge".into()),
        targets: vec![
            person("Trevor Milton"),
            person("Vodafone Group"),
            RawActor::named("Acme Widgets Ltd"),
            RawActor::named("Cancer Society"),
        ],
        ..RawEvent::default()
    };
    let origin = RecordOrigin {
        source: "test".into(),
        uri: "test".into(),
        record: 1,
    };
    let event = normalizer
        .normalize(&raw, &origin, &SourceHints::default())
        .unwrap();
    let kinds: Vec<(&str, ActorKind)> = event
        .targets
        .iter()
        .map(|t| (t.name.as_str(), t.kind))
        .collect();
    assert_eq!(
        kinds,
        [
            ("Trevor Milton", ActorKind::Person),
            ("Vodafone Group", ActorKind::Company),
            ("Acme Widgets Ltd", ActorKind::Company),
            ("Cancer Society", ActorKind::Other),
        ]
    );
}
