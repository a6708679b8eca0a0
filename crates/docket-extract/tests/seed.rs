//! The seed article against the built-in catalogue: the events the issue lists must come out.
//! The same checks run against the small test catalogue in `behaviour.rs`.

mod common;

use common::*;

fn catalogue_is_placeholder() -> bool {
    let resolver = docket_normalize::Resolver::with_built_in(None).unwrap();
    resolver.catalogue().actors.len() < 5
}

#[test]
fn seed_article_with_the_built_in_catalogue() {
    if catalogue_is_placeholder() {
        eprintln!("built-in catalogue is still a placeholder: skipped");
        return;
    }
    let extractor = built_in_extractor();
    let resolver = extractor.resolver();
    // ids as the built-in catalogue spells them, found by name so that the test does not
    // depend on id spelling
    let by_name = |name: &str| {
        resolver
            .resolve(name)
            .actor
            .map(|a| a.id.clone())
            .unwrap_or_else(|| format!("name:{name}"))
    };
    let ids = [
        (
            "samr",
            by_name("State Administration for Market Regulation"),
        ),
        ("cac", by_name("Cyberspace Administration of China")),
        ("cctv", by_name("CCTV")),
        ("xi", by_name("Xi Jinping")),
        ("alibaba", by_name("Alibaba")),
        ("ant", by_name("Ant Group")),
        ("tencent", by_name("Tencent")),
        ("baidu", by_name("Baidu")),
        ("bytedance", by_name("ByteDance")),
        ("didi", by_name("Didi Chuxing")),
        ("clubhouse", by_name("Clubhouse")),
    ];
    check_seed(&extractor, |role| {
        ids.iter()
            .find(|(r, _)| *r == role)
            .map(|(_, id)| id.clone())
            .unwrap_or_default()
    });
}
