//! The Parquet export, read back with arrow-rs and, when it is installed, with pyarrow.

#![cfg(feature = "parquet")]

mod common;

use arrow_array::cast::AsArray;
use arrow_array::types::Int64Type;
use arrow_array::{Array, RecordBatch};
use common::{fixture_events, runs, write};
use docket_export::{parquet_schema, ExportConfig, ExportKind};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

fn read(path: &std::path::Path) -> (Vec<RecordBatch>, usize) {
    let file = std::fs::File::open(path).unwrap();
    let builder = ParquetRecordBatchReaderBuilder::try_new(file).unwrap();
    let row_groups = builder.metadata().num_row_groups();
    assert_eq!(builder.schema().fields(), parquet_schema().fields());
    let batches = builder
        .with_batch_size(1024)
        .build()
        .unwrap()
        .collect::<Result<Vec<_>, _>>()
        .unwrap();
    (batches, row_groups)
}

#[test]
fn events_read_back_with_arrow_in_row_groups_of_the_configured_size() {
    let events = fixture_events();
    assert_eq!(events.len(), 60);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out/events.parquet");
    let config = ExportConfig::new(ExportKind::Parquet, &path).with_row_group_size(16);
    write(&config, &events);
    // no temporary file is left beside the output
    assert_eq!(
        std::fs::read_dir(dir.path().join("out")).unwrap().count(),
        1
    );

    let (batches, row_groups) = read(&path);
    assert_eq!(row_groups, 4, "60 events in groups of 16");
    // the reader's batches run across row groups: one batch of all 60 rows
    assert_eq!(batches.len(), 1);
    let batch = &batches[0];
    assert_eq!(batch.num_rows(), 60);

    let strings = |name: &str| {
        batch
            .column_by_name(name)
            .unwrap()
            .as_string::<i32>()
            .clone()
    };
    let ids = strings("id");
    let actions = strings("action");
    for (row, event) in events.iter().enumerate() {
        assert_eq!(ids.value(row), event.id);
        assert_eq!(actions.value(row), event.action.as_str());
    }

    // the hand-written fine against Alibaba: actor struct, amount struct (exact decimal text)
    let row = events
        .iter()
        .position(|e| e.id == "ev-synthetic0000000000000001")
        .unwrap();
    let actor = batch.column_by_name("actor").unwrap().as_struct();
    assert_eq!(
        actor
            .column_by_name("id")
            .unwrap()
            .as_string::<i32>()
            .value(row),
        "cn.samr"
    );
    let amount = batch.column_by_name("amount").unwrap().as_struct();
    assert_eq!(
        amount
            .column_by_name("value")
            .unwrap()
            .as_string::<i32>()
            .value(row),
        "18228000000"
    );
    assert_eq!(
        amount
            .column_by_name("currency")
            .unwrap()
            .as_string::<i32>()
            .value(row),
        "CNY"
    );
    let date = batch.column_by_name("date").unwrap().as_struct();
    assert_eq!(
        date.column_by_name("value")
            .unwrap()
            .as_string::<i32>()
            .value(row),
        "2021-04-10"
    );

    // targets: a list of structs, with the parent group
    let targets = batch.column_by_name("targets").unwrap().as_list::<i32>();
    let ucweb = events
        .iter()
        .position(|e| e.id == "ev-synthetic0000000000000002")
        .unwrap();
    let target = targets.value(ucweb);
    let target = target.as_struct();
    assert_eq!(target.len(), 1);
    assert_eq!(
        target
            .column_by_name("id")
            .unwrap()
            .as_string::<i32>()
            .value(0),
        "ucweb"
    );
    assert_eq!(
        target
            .column_by_name("parent")
            .unwrap()
            .as_string::<i32>()
            .value(0),
        "alibaba"
    );

    // sources: record, span and quote of the first (extracted) event
    let sources = batch.column_by_name("sources").unwrap().as_list::<i32>();
    let first = sources.value(0);
    let first = first.as_struct();
    let expected = &events[0].sources[0];
    assert_eq!(
        first
            .column_by_name("record")
            .unwrap()
            .as_primitive::<Int64Type>()
            .value(0),
        expected.record as i64
    );
    let span = expected.span.unwrap();
    assert_eq!(
        first
            .column_by_name("span_start")
            .unwrap()
            .as_primitive::<Int64Type>()
            .value(0),
        span[0] as i64
    );
    assert_eq!(
        first
            .column_by_name("span_end")
            .unwrap()
            .as_primitive::<Int64Type>()
            .value(0),
        span[1] as i64
    );
    assert_eq!(
        first
            .column_by_name("quote")
            .unwrap()
            .as_string::<i32>()
            .value(0),
        expected.quote.as_deref().unwrap()
    );

    // nulls where the event has no value
    let no_actor = events.iter().position(|e| e.actor.is_none()).unwrap();
    assert!(actor.is_null(no_actor));
    let undated = events.iter().position(|e| e.date.is_none()).unwrap();
    assert!(date.is_null(undated));
}

#[test]
fn the_same_events_give_the_same_bytes_and_an_empty_run_a_valid_file() {
    let events = fixture_events();
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.parquet"), dir.path().join("b.parquet"));
    write(&ExportConfig::new(ExportKind::Parquet, &a), &events);
    write(&ExportConfig::new(ExportKind::Parquet, &b), &events);
    let bytes = std::fs::read(&a).unwrap();
    assert_eq!(bytes, std::fs::read(&b).unwrap());
    assert_eq!(read(&a).1, 1, "the default row group holds 64Ki events");

    let empty = dir.path().join("empty.parquet");
    write(&ExportConfig::new(ExportKind::Parquet, &empty), &[]);
    let (batches, row_groups) = read(&empty);
    assert_eq!(
        (
            batches.iter().map(RecordBatch::num_rows).sum::<usize>(),
            row_groups
        ),
        (0, 0)
    );
}

#[test]
fn a_sink_dropped_before_finish_leaves_the_old_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.parquet");
    std::fs::write(&path, b"previous").unwrap();
    let mut sink =
        docket_export::open_export(&ExportConfig::new(ExportKind::Parquet, &path), "t").unwrap();
    sink.write_event(&fixture_events()[0]).unwrap();
    drop(sink);
    assert_eq!(std::fs::read(&path).unwrap(), b"previous");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

const PYARROW_CHECK: &str = r#"
import sys
import pyarrow.parquet as pq
f = pq.ParquetFile(sys.argv[1])
t = f.read()
assert t.num_rows == 60, t.num_rows
assert f.metadata.num_row_groups == 4, f.metadata.num_row_groups
rows = t.to_pylist()
alibaba = [r for r in rows if r["id"] == "ev-synthetic0000000000000001"][0]
assert alibaba["amount"]["value"] == "18228000000", alibaba["amount"]
assert alibaba["actor"]["id"] == "cn.samr"
ucweb = [r for r in rows if r["id"] == "ev-synthetic0000000000000002"][0]
assert ucweb["targets"][0]["parent"] == "alibaba", ucweb["targets"]
assert rows[0]["sources"][0]["span_start"] is not None
assert str(t.schema.field("targets").type).startswith("list<item: struct<id: string not null"), t.schema.field("targets").type
assert f.metadata.created_by.startswith("parquet-rs version"), f.metadata.created_by
print("pyarrow", t.num_rows, "rows", f.metadata.num_row_groups, "row groups;", f.metadata.created_by)
"#;

const DUCKDB_CHECK: &str = r#"
import sys
import duckdb
path = sys.argv[1]
con = duckdb.connect()
rows = con.execute("SELECT count(*) FROM read_parquet(?)", [path]).fetchone()[0]
assert rows == 60, rows
groups = con.execute("SELECT count(DISTINCT row_group_id) FROM parquet_metadata(?)", [path]).fetchone()[0]
assert groups == 4, groups
amount, actor = con.execute(
    "SELECT CAST(amount.value AS DECIMAL(38, 4)), actor.id FROM read_parquet(?) WHERE id = 'ev-synthetic0000000000000001'", [path]
).fetchone()
assert str(amount) == "18228000000.0000" and actor == "cn.samr", (amount, actor)
parent = con.execute(
    "SELECT targets[1].parent FROM read_parquet(?) WHERE id = 'ev-synthetic0000000000000002'", [path]
).fetchone()[0]
assert parent == "alibaba", parent
print("duckdb", rows, "rows", groups, "row groups")
"#;

/// Writes the fixture events in row groups of 16 and runs `script` on the file with python3.
fn python_check(script: &str) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.parquet");
    write(
        &ExportConfig::new(ExportKind::Parquet, &path).with_row_group_size(16),
        &fixture_events(),
    );
    let output = std::process::Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(&path)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "python check failed:\n{stdout}\n{stderr}"
    );
    println!("{}", stdout.trim());
}

/// Reads the file with pyarrow, or else DuckDB, from Python; skipped when neither is installed.
#[test]
fn python_reads_the_file_when_pyarrow_or_duckdb_is_installed() {
    if runs("python3", &["-c", "import pyarrow"]) {
        python_check(PYARROW_CHECK);
    } else if runs("python3", &["-c", "import duckdb"]) {
        python_check(DUCKDB_CHECK);
    } else {
        println!(
            "SKIPPED: neither pyarrow nor duckdb is installed for python3 \
             (python3 -c \"import pyarrow\" failed); `pip install pyarrow` enables this test"
        );
    }
}

/// The DuckDB check on its own where DuckDB is installed beside pyarrow.
#[test]
fn duckdb_reads_the_file_when_installed() {
    if runs("python3", &["-c", "import duckdb"]) {
        python_check(DUCKDB_CHECK);
    } else {
        println!(
            "SKIPPED: duckdb is not installed for python3 (`pip install duckdb` enables this test)"
        );
    }
}
