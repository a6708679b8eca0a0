use std::path::PathBuf;

use docket_core::RawBytes;
use docket_source::{Limits, SourceContext, SourceFactory, SourceItem};
use docket_source_csv::CsvFactory;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/adapters")
}

fn drain(config: &str) -> Vec<SourceItem> {
    let table: toml::Table = toml::from_str(config).unwrap();
    let context = SourceContext::new("t", fixtures(), Limits::default());
    let mut source = CsvFactory.build(table, &context).unwrap();
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

const FINES: &str = r#"
path = "fines.csv"
[fields]
actor = "authority"
target = "company"
date = "date"
amount = "fine"
ref = "id"
"#;

#[test]
fn every_row_is_a_record_or_a_reject_numbered_by_data_row() {
    let items = drain(FINES);
    assert_eq!(items.len(), 5);
    let SourceItem::Record(first) = &items[0] else {
        panic!("{:?}", items[0])
    };
    assert_eq!(first.origin.record, 1);
    assert_eq!(first.fields.amount.as_deref(), Some("90,000,000"));
    assert_eq!(
        first.raw,
        b"1,CNIL,\"Google LLC\",2021-12-31,\"90,000,000\""
    );

    // a quoted field spanning two lines is one record
    let SourceItem::Record(multi) = &items[1] else {
        panic!("{:?}", items[1])
    };
    assert_eq!(multi.origin.record, 2);
    assert_eq!(multi.fields.targets[0].name, "Multi\nLine Ltd");

    // a ragged row is rejected, not shifted
    let SourceItem::Reject(ragged) = &items[2] else {
        panic!("{:?}", items[2])
    };
    assert_eq!(ragged.record, 3);
    assert!(
        ragged.reason.contains("4 fields but the header has 5"),
        "{}",
        ragged.reason
    );
    assert_eq!(
        ragged.raw,
        RawBytes::Text("3,CNIL,Ragged,2021-12-29".into())
    );

    let SourceItem::Record(accented) = &items[3] else {
        panic!("{:?}", items[3])
    };
    assert_eq!(accented.fields.targets[0].name, "Xfera Móviles S.A.");

    // invalid UTF-8: rejected, raw bytes kept exactly (base64)
    let SourceItem::Reject(bad) = &items[4] else {
        panic!("{:?}", items[4])
    };
    assert_eq!(bad.record, 5);
    assert!(bad.reason.contains("UTF-8"));
    let RawBytes::Binary { base64 } = &bad.raw else {
        panic!("{:?}", bad.raw)
    };
    use base64::Engine as _;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(base64)
        .unwrap();
    assert_eq!(bytes, b"5,AEPD,Bad \xff bytes,2021-11-03,10");
}

#[test]
fn bom_crlf_and_delimiter() {
    let items = drain(
        r#"
path = "bom-crlf.csv"
delimiter = ";"
[fields]
actor = "authority"
amount = "fine"
date = "date"
"#,
    );
    assert_eq!(items.len(), 1);
    let SourceItem::Record(record) = &items[0] else {
        panic!("{:?}", items[0])
    };
    assert_eq!(record.fields.actor.as_ref().unwrap().name, "ICO");
    assert_eq!(record.fields.amount.as_deref(), Some("£20m"));
    assert_eq!(
        record.raw,
        "1;ICO;British Airways;16/10/2020;£20m".as_bytes()
    );
}

#[test]
fn config_errors_name_the_problem() {
    let context = SourceContext::new("t", fixtures(), Limits::default());
    let build = |config: &str| {
        CsvFactory
            .build(toml::from_str(config).unwrap(), &context)
            .err()
            .unwrap()
            .to_string()
    };
    assert!(build("path = \"fines.csv\"\ndelimter = \",\"").contains("unknown field `delimter`"));
    assert!(build("path = \"fines.csv\"\n[fields]\nactr = \"x\"").contains("unknown field `actr`"));
    assert!(build("path = \"nope.csv\"").contains("nope.csv"));
    assert!(build("path = \"*.nothing\"").contains("matches no file"));
    assert!(build("path = \".\"").contains("is a directory"));
    let missing_column = {
        let table: toml::Table =
            toml::from_str("path = \"fines.csv\"\n[fields]\nactor = \"Regulator\"").unwrap();
        let mut source = CsvFactory.build(table, &context).unwrap();
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        runtime
            .block_on(source.next_item())
            .err()
            .unwrap()
            .to_string()
    };
    assert!(missing_column.contains("\"Regulator\""), "{missing_column}");
}
