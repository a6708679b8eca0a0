use std::path::PathBuf;

use docket_source::{Limits, SourceContext, SourceFactory, SourceItem};
use docket_source_json::{JsonFactory, JsonlFactory};

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/adapters")
}

fn drain(factory: &dyn SourceFactory, config: &str) -> Vec<SourceItem> {
    let table: toml::Table = toml::from_str(config).unwrap();
    let context = SourceContext::new("t", fixtures(), Limits::default());
    let mut source = factory.build(table, &context).unwrap();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let mut items = Vec::new();
    while let Some(item) = runtime.block_on(source.next_item()).unwrap() {
        items.push(item);
    }
    items
}

#[test]
fn records_at_a_pointer_with_nested_fields_and_lists() {
    let items = drain(
        &JsonFactory,
        r#"
path = "nested.json"
records = "/data/items"
[fields]
actor = "/authority/name"
target = "/respondent"
amount = "/amount"
date = "/when"
"#,
    );
    assert_eq!(items.len(), 2);
    let SourceItem::Record(ftc) = &items[0] else {
        panic!("{:?}", items[0])
    };
    assert_eq!(ftc.origin.record, 1);
    assert_eq!(
        ftc.fields.actor.as_ref().unwrap().name,
        "Federal Trade Commission"
    );
    let targets: Vec<_> = ftc.fields.targets.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(targets, ["Meta Platforms", "Instagram"]);
    // numbers keep their exact digits
    assert_eq!(ftc.fields.amount.as_deref(), Some("5000000000"));
    assert!(std::str::from_utf8(&ftc.raw)
        .unwrap()
        .starts_with("{\"authority\""));
    let SourceItem::Record(sec) = &items[1] else {
        panic!("{:?}", items[1])
    };
    assert_eq!(sec.origin.record, 2);
    assert_eq!(sec.fields.targets[0].name, "Tesla");
}

#[test]
fn a_truncated_array_keeps_what_came_before_and_rejects_the_rest() {
    let items = drain(
        &JsonFactory,
        "path = \"truncated.json\"\n[fields]\nactor = \"/authority\"\n",
    );
    assert_eq!(items.len(), 3, "{items:?}");
    assert!(matches!(&items[0], SourceItem::Record(r) if r.origin.record == 1));
    assert!(matches!(&items[1], SourceItem::Record(r) if r.origin.record == 2));
    let SourceItem::Reject(reject) = &items[2] else {
        panic!("{:?}", items[2])
    };
    assert_eq!(reject.record, 3);
    assert!(reject.reason.contains("EOF"), "{}", reject.reason);
}

#[test]
fn json_lines_reject_scalars_arrays_and_duplicate_keys() {
    let items = drain(
        &JsonlFactory,
        "path = \"fines.jsonl\"\n[fields]\nactor = \"/authority\"\ntarget = \"/target\"\namount = \"/fine\"\n",
    );
    // the blank line 2 is not a record
    let summary: Vec<(u64, bool)> = items
        .iter()
        .map(|i| match i {
            SourceItem::Record(r) => (r.origin.record, true),
            SourceItem::Reject(r) => (r.record, false),
        })
        .collect();
    assert_eq!(
        summary,
        [(1, true), (3, false), (4, false), (5, false), (6, true)]
    );
    let reasons: Vec<&str> = items
        .iter()
        .filter_map(|i| match i {
            SourceItem::Reject(r) => Some(r.reason.as_str()),
            _ => None,
        })
        .collect();
    assert!(reasons[0].contains("a JSON object"), "{}", reasons[0]);
    assert!(reasons[1].contains("a JSON object"), "{}", reasons[1]);
    assert!(
        reasons[2].contains("duplicate key \"authority\""),
        "{}",
        reasons[2]
    );
    let SourceItem::Record(amazon) = &items[4] else {
        panic!()
    };
    assert_eq!(amazon.fields.amount.as_deref(), Some("746000000"));
}

#[test]
fn pointers_must_be_pointers() {
    let context = SourceContext::new("t", fixtures(), Limits::default());
    let table: toml::Table =
        toml::from_str("path = \"fines.jsonl\"\n[fields]\nactor = \"authority\"\n").unwrap();
    let error = JsonlFactory
        .build(table, &context)
        .err()
        .unwrap()
        .to_string();
    assert!(error.contains(r#"write "/authority""#), "{error}");
}
