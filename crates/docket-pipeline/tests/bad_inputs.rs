//! Malformed input, file by file, through the whole pipeline (docs/errors.md has the table): no
//! panic, `read = emitted + merged + rejected` with the counts expected, every reject with a
//! reason a person can act on and its exact bytes, and source-level problems reported with the
//! path (or skipped with `on_error = "skip"`). Large and adversarial inputs are generated into a
//! temporary folder.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};

use common::fixtures;
use docket_core::RawBytes;
use docket_pipeline::{default_registry, run_job_blocking, Job, RunOptions, RunSummary};

fn bad(file: &str) -> PathBuf {
    fixtures().join("bad").join(file)
}

fn fields_for(kind: &str) -> &'static str {
    match kind {
        "csv" => "actor = \"authority\"\ntarget = \"company\"\ndate = \"date\"\namount = \"fine\"\nref = \"id\"\n",
        _ => "actor = \"/authority\"\ntarget = \"/company\"\ndate = \"/date\"\namount = \"/fine\"\nref = \"/id\"\n",
    }
}

/// One source of a test job.
struct Src<'a> {
    name: &'a str,
    kind: &'a str,
    path: String,
    on_error: &'a str,
    fields: &'a str,
}

impl<'a> Src<'a> {
    fn new(kind: &'a str, path: &Path) -> Self {
        Src {
            name: "bad",
            kind,
            path: path.display().to_string(),
            on_error: "fail",
            fields: fields_for(kind),
        }
    }
}

fn job_text(out: &Path, sources: &[Src<'_>], limits: &str) -> String {
    let mut text = format!(
        "[job]\nname = \"bad-inputs\"\nrejects = '{}/rejects.jsonl'\n\n{limits}\n",
        out.display()
    );
    for s in sources {
        text.push_str(&format!(
            "[sources.{name}]\nkind = \"{kind}\"\npath = '{path}'\non_error = \"{on_error}\"\n[sources.{name}.fields]\n{fields}[sources.{name}.constants]\naction = \"fine\"\ncurrency = \"EUR\"\n\n",
            name = s.name,
            kind = s.kind,
            path = s.path,
            on_error = s.on_error,
            fields = s.fields,
        ));
    }
    text.push_str(&format!(
        "[exports.events]\nkind = \"jsonl\"\npath = '{}/events.jsonl'\n",
        out.display()
    ));
    text
}

struct Outcome {
    result: Result<RunSummary, String>,
    rejects: Vec<serde_json::Value>,
    events: Vec<serde_json::Value>,
}

fn read_lines(path: &Path) -> Vec<serde_json::Value> {
    match std::fs::read_to_string(path) {
        Ok(text) => text
            .lines()
            .map(|l| serde_json::from_str(l).expect("a JSON line"))
            .collect(),
        Err(_) => Vec::new(),
    }
}

fn run_with_limits(sources: &[Src<'_>], limits: &str) -> Outcome {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("job.toml");
    std::fs::write(&path, job_text(dir.path(), sources, limits)).expect("write job");
    let result = Job::load(&path)
        .and_then(|job| run_job_blocking(&job, &default_registry(), &RunOptions::default()))
        .map_err(|e| e.to_string());
    Outcome {
        result,
        rejects: read_lines(&dir.path().join("rejects.jsonl")),
        events: read_lines(&dir.path().join("events.jsonl")),
    }
}

fn run(sources: &[Src<'_>]) -> Outcome {
    run_with_limits(sources, "")
}

/// The exact bytes a reject holds.
fn raw_bytes(reject: &serde_json::Value) -> Vec<u8> {
    let raw: RawBytes =
        serde_json::from_value(reject["raw"].clone()).expect("raw is text or base64");
    match raw {
        RawBytes::Text(text) => text.into_bytes(),
        RawBytes::Binary { base64 } => decode_base64(&base64),
    }
}

/// Standard, padded base64 (the rejects file's encoding), decoded.
fn decode_base64(text: &str) -> Vec<u8> {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let digits: Vec<u8> = text
        .bytes()
        .filter(|&b| b != b'=')
        .map(|b| {
            ALPHABET
                .iter()
                .position(|&a| a == b)
                .expect("a base64 digit") as u8
        })
        .collect();
    let mut out = Vec::new();
    for chunk in digits.chunks(4) {
        let mut word = 0u32;
        for (i, d) in chunk.iter().enumerate() {
            word |= u32::from(*d) << (18 - 6 * i);
        }
        out.extend_from_slice(&word.to_be_bytes()[1..chunk.len()]);
    }
    out
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    needle.is_empty() || haystack.windows(needle.len()).any(|w| w == needle)
}

/// Runs one file and checks the counts, the reasons (key words per reject, in order) and that
/// every reject's raw bytes are a verbatim piece of the file.
fn check(file: &Path, kind: &str, counts: [u64; 4], reasons: &[&[&str]]) -> Outcome {
    let outcome = run(&[Src::new(kind, file)]);
    let summary = match &outcome.result {
        Ok(summary) => summary.clone(),
        Err(error) => panic!("{}: the run failed: {error}", file.display()),
    };
    assert!(summary.balanced(), "{}: {summary}", file.display());
    let s = &summary.sources[0];
    assert_eq!(
        [s.read, s.emitted, s.merged, s.rejected],
        counts,
        "{}: {summary}",
        file.display()
    );
    assert_eq!(outcome.events.len() as u64, s.emitted, "{}", file.display());
    assert_eq!(
        outcome.rejects.len(),
        reasons.len(),
        "{}: {:#?}",
        file.display(),
        outcome.rejects
    );
    let bytes = std::fs::read(file).unwrap_or_default();
    for (reject, words) in outcome.rejects.iter().zip(reasons) {
        let reason = reject["reason"].as_str().expect("a reason");
        for word in *words {
            assert!(
                reason.contains(word),
                "{}: {word:?} not in {reason:?}",
                file.display()
            );
        }
        assert!(reject["record"].as_u64().is_some_and(|r| r > 0), "{reject}");
        assert_eq!(reject["source"], "bad");
        assert!(
            contains(&bytes, &raw_bytes(reject)),
            "{}: raw is not a verbatim piece of the file: {reject}",
            file.display()
        );
    }
    outcome
}

fn values_rejects() -> [&'static [&'static str]; 4] {
    [
        &["amount", "too many digits"],
        &["amount \"-5000\" is negative"],
        &["date \"31/02/2021\"", "does not exist in the calendar"],
        &["date \"9999-99-99\"", "does not exist in the calendar"],
    ]
}

#[test]
fn csv_files() {
    let outcome = check(
        &bad("invalid-utf8.csv"),
        "csv",
        [3, 2, 0, 1],
        &[&["column \"company\"", "not valid UTF-8"]],
    );
    // the raw bytes are kept exactly, as base64 because they are not UTF-8
    assert_eq!(
        raw_bytes(&outcome.rejects[0]),
        b"2,AEPD,Bad \xff\xfe Bytes S.A.,2021-11-03,10000"
    );
    assert!(outcome.rejects[0]["raw"]["base64"].is_string());

    let outcome = check(&bad("bom-crlf.csv"), "csv", [2, 2, 0, 0], &[]);
    // the byte-order mark is not part of the first column's name, the CR not part of the last value
    assert_eq!(outcome.events[0]["ref"], "1");
    assert_eq!(outcome.events[1]["amount"]["value"], "20000000");

    check(
        &bad("nul.csv"),
        "csv",
        [2, 1, 0, 1],
        &[&["column \"company\"", "NUL byte"]],
    );
    check(
        &bad("ragged.csv"),
        "csv",
        [4, 2, 0, 2],
        &[
            &["row has 4 fields but the header has 5"],
            &["row has 6 fields but the header has 5"],
        ],
    );
    let outcome = check(
        &bad("unterminated-quote.csv"),
        "csv",
        [2, 1, 0, 1],
        &[&["unterminated quote", "starts on line 3", "close the quote"]],
    );
    // the rows it swallowed are not lost: they are in the reject's raw bytes
    let raw = raw_bytes(&outcome.rejects[0]);
    assert!(
        contains(&raw, b"British Airways") && contains(&raw, b"746000000"),
        "{}",
        String::from_utf8_lossy(&raw)
    );

    for empty in ["header-only.csv", "empty.csv", "whitespace.csv"] {
        check(&bad(empty), "csv", [0, 0, 0, 0], &[]);
    }
    let outcome = check(&bad("values.csv"), "csv", [6, 2, 0, 4], &values_rejects());
    // "NaN" is a missing-value marker: the event has no amount (docs/normalization.md)
    let nan = outcome
        .events
        .iter()
        .find(|e| e["ref"] == "3")
        .expect("the NaN row");
    assert!(nan["amount"].is_null(), "{nan}");
}

#[test]
fn json_lines_files() {
    check(
        &bad("invalid-utf8.jsonl"),
        "jsonl",
        [3, 2, 0, 1],
        &[&["JSON", "not valid UTF-8", "at byte 49"]],
    );
    let outcome = check(&bad("bom-crlf.jsonl"), "jsonl", [2, 2, 0, 0], &[]);
    assert_eq!(outcome.events[0]["ref"], "1");
    check(
        &bad("nul.jsonl"),
        "jsonl",
        [2, 1, 0, 1],
        &[&["JSON", "control character"]],
    );
    let object = &["expected a JSON object (one record)"][..];
    check(
        &bad("not-objects.jsonl"),
        "jsonl",
        [6, 1, 0, 5],
        &[object, object, object, object, object],
    );
    check(
        &bad("duplicate-keys.jsonl"),
        "jsonl",
        [2, 1, 0, 1],
        &[&["duplicate key \"authority\"", "does not guess"]],
    );
    check(
        &bad("truncated.jsonl"),
        "jsonl",
        [2, 1, 0, 1],
        &[&["JSON", "EOF"]],
    );
    for empty in ["empty.jsonl", "whitespace.jsonl"] {
        check(&bad(empty), "jsonl", [0, 0, 0, 0], &[]);
    }
    let outcome = check(
        &bad("values.jsonl"),
        "jsonl",
        [6, 2, 0, 4],
        &values_rejects(),
    );
    let nan = outcome
        .events
        .iter()
        .find(|e| e["ref"] == "3")
        .expect("the NaN record");
    assert!(nan["amount"].is_null(), "{nan}");
}

#[test]
fn json_array_files() {
    let outcome = check(
        &bad("truncated.json"),
        "json",
        [3, 2, 0, 1],
        &[&["EOF", "nothing after element 2"]],
    );
    assert_eq!(outcome.rejects[0]["record"], 3);
    // the reject holds what was read of the element the file broke off in
    let raw = raw_bytes(&outcome.rejects[0]);
    assert!(
        raw.starts_with(b"{\"id\": \"3\", \"authority\": \"AEPD\""),
        "{}",
        String::from_utf8_lossy(&raw)
    );
    check(
        &bad("not-an-array.json"),
        "json",
        [1, 0, 0, 1],
        &[&["expected an array of records at the top level, found an object"]],
    );
    let object = &["expected a JSON object (one record)"][..];
    check(
        &bad("mixed-elements.json"),
        "json",
        [7, 2, 0, 5],
        &[
            object,
            object,
            object,
            object,
            &["duplicate key \"authority\""],
        ],
    );
    check(
        &bad("invalid-utf8.json"),
        "json",
        [2, 1, 0, 1],
        &[&["not valid UTF-8"]],
    );
    for empty in ["empty.json", "whitespace.json"] {
        check(&bad(empty), "json", [0, 0, 0, 0], &[]);
    }
}

/// Writes `head`, then `size` bytes of `fill`, then `tail`, without holding the middle in memory.
fn write_long(path: &Path, head: &[u8], fill: u8, size: usize, tail: &[u8]) {
    let mut file = std::io::BufWriter::new(std::fs::File::create(path).expect("create"));
    file.write_all(head).expect("write");
    let chunk = vec![fill; 1 << 20];
    let mut left = size;
    while left > 0 {
        let n = left.min(chunk.len());
        file.write_all(&chunk[..n]).expect("write");
        left -= n;
    }
    file.write_all(tail).expect("write");
    file.flush().expect("flush");
}

/// A 50 MB single line in each format: rejected with the first `max_record_bytes` bytes as raw,
/// and the records after it still read. (The adapters' unit tests check, with instrumented
/// readers, that such a line is never held in memory.)
#[test]
fn a_50_mb_line_is_rejected_and_the_rest_is_read() {
    const LONG: usize = 50 << 20;
    let dir = tempfile::tempdir().expect("temp dir");
    let good_csv = b"\n2,ICO,British Airways,2020-10-16,20000000\n";
    let good_json = br#"{"id": "2", "authority": "ICO", "company": "British Airways", "date": "2020-10-16", "fine": "1"}"#;
    // (file, kind, what comes before the long run of bytes, the record's first bytes, after)
    type LongCase<'a> = (&'a str, &'a str, &'a [u8], &'a [u8], Vec<u8>);
    let cases: [LongCase<'_>; 3] = [
        (
            "long.csv",
            "csv",
            b"id,authority,company,date,fine\n1,CNIL,",
            b"1,CNIL,xxx",
            [&b",2021-12-31,1"[..], good_csv].concat(),
        ),
        (
            "long.jsonl",
            "jsonl",
            br#"{"id": "1", "authority": "CNIL", "company": ""#,
            br#"{"id": "1""#,
            [&br#""}"#[..], b"\n", good_json, b"\n"].concat(),
        ),
        (
            "long.json",
            "json",
            br#"[{"id": "1", "authority": "CNIL", "company": ""#,
            br#"{"id": "1""#,
            [&br#""}, "#[..], good_json, b"]"].concat(),
        ),
    ];
    for (name, kind, head, record_start, tail) in cases {
        let path = dir.path().join(name);
        write_long(&path, head, b'x', LONG, &tail);
        let outcome = run(&[Src::new(kind, &path)]);
        let summary = outcome.result.unwrap_or_else(|e| panic!("{name}: {e}"));
        let s = &summary.sources[0];
        assert!(summary.balanced(), "{summary}");
        assert_eq!(
            [s.read, s.emitted, s.merged, s.rejected],
            [2, 1, 0, 1],
            "{name}: {summary}"
        );
        let reason = outcome.rejects[0]["reason"].as_str().unwrap();
        assert!(
            reason.contains("over the limit of 1048576 (limits.max_record_bytes)"),
            "{name}: {reason}"
        );
        assert!(
            reason.contains("raw holds its first 1048576 bytes"),
            "{name}: {reason}"
        );
        let raw = raw_bytes(&outcome.rejects[0]);
        assert_eq!(raw.len(), 1 << 20, "{name}");
        assert!(
            raw.starts_with(record_start),
            "{name}: {:?}",
            String::from_utf8_lossy(&raw[..20])
        );
        assert_eq!(outcome.events[0]["ref"], "2", "{name}");
        std::fs::remove_file(&path).expect("remove");
    }
}

/// JSON nested 100,000 levels deep: read with bounded memory and no recursion (a stack overflow
/// would abort this test), and rejected or read at a bounded depth.
#[test]
fn json_nested_100000_levels_deep() {
    const DEPTH: usize = 100_000;
    let dir = tempfile::tempdir().expect("temp dir");
    let deep_array = ["[".repeat(DEPTH), "]".repeat(DEPTH)].concat();
    let deep_object = [
        r#"{"a": "#.repeat(DEPTH),
        "1".to_string(),
        "}".repeat(DEPTH),
    ]
    .concat();
    let good = r#"{"id": "2", "authority": "ICO", "company": "British Airways", "date": "2020-10-16", "fine": "1"}"#;

    // as an element of the array of records: not an object
    let path = dir.path().join("deep.json");
    std::fs::write(&path, format!("[{deep_array}, {good}]")).unwrap();
    let outcome = run(&[Src::new("json", &path)]);
    let summary = outcome.result.unwrap();
    assert_eq!(
        [
            summary.sources[0].read,
            summary.sources[0].emitted,
            summary.sources[0].rejected
        ],
        [2, 1, 1]
    );
    assert!(outcome.rejects[0]["reason"]
        .as_str()
        .unwrap()
        .contains("expected a JSON object"));

    // as a line, and inside a record's fields
    let path = dir.path().join("deep.jsonl");
    let lines = [
        deep_array.clone(),
        format!(r#"{{"id": "1", "authority": "CNIL", "company": {deep_array}}}"#),
        format!(r#"{{"id": "3", "authority": {deep_object}, "company": "x"}}"#),
        good.to_string(),
    ];
    std::fs::write(&path, lines.join("\n")).unwrap();
    let mut source = Src::new("jsonl", &path);
    let fields = "actor = \"/authority/a/a\"\ntarget = \"/company\"\nref = \"/id\"\n";
    source.fields = fields;
    let outcome = run(&[source]);
    let summary = outcome.result.unwrap();
    let s = &summary.sources[0];
    assert!(summary.balanced());
    // line 1: not an object; line 2: a list of lists holds no name (the record is read, without
    // target); line 3: the field under /authority/a/a is nested past serde_json's limit of 128
    assert_eq!([s.read, s.emitted, s.rejected], [4, 2, 2], "{summary}");
    let reasons: Vec<&str> = outcome
        .rejects
        .iter()
        .map(|r| r["reason"].as_str().unwrap())
        .collect();
    assert!(
        reasons[0].contains("expected a JSON object"),
        "{}",
        reasons[0]
    );
    assert!(
        reasons[1].contains("field \"/authority/a/a\" cannot be read")
            && reasons[1].contains("recursion limit"),
        "{}",
        reasons[1]
    );
    assert_eq!(outcome.rejects[1]["record"], 3);
    let unnamed = outcome
        .events
        .iter()
        .find(|e| e["ref"] == "1")
        .expect("record 1");
    assert_eq!(unnamed["targets"], serde_json::json!([]));
}

/// A smaller `max_record_bytes` applies to every format, and nothing is lost: each oversize
/// record is one reject.
#[test]
fn limits_apply_to_every_format() {
    let limits = "[limits]\nmax_record_bytes = 64\n";
    for (file, kind, expected, oversize) in [
        // only the 400-digit row is over 64 bytes
        ("values.csv", "csv", [6, 2, 0, 4], 1),
        ("values.jsonl", "jsonl", [6, 0, 0, 6], 6),
        // the three objects are over 64 bytes; the array, number, string and null are not objects
        ("mixed-elements.json", "json", [7, 0, 0, 7], 3),
    ] {
        let outcome = run_with_limits(&[Src::new(kind, &bad(file))], limits);
        let summary = outcome.result.unwrap();
        let s = &summary.sources[0];
        assert_eq!(
            [s.read, s.emitted, s.merged, s.rejected],
            expected,
            "{file}: {summary}"
        );
        let over = outcome
            .rejects
            .iter()
            .filter(|r| {
                r["reason"]
                    .as_str()
                    .unwrap()
                    .contains("over the limit of 64 (limits.max_record_bytes)")
            })
            .count();
        assert_eq!(over, oversize, "{file}: {:#?}", outcome.rejects);
        for reject in &outcome.rejects {
            assert!(raw_bytes(reject).len() <= 64, "{reject}");
        }
    }
}

/// Source-level problems: an error naming the path fails the run, or, with `on_error = "skip"`,
/// the source is skipped with the error in the summary and the other sources are read.
#[test]
fn source_level_problems_name_the_path() {
    let dir = tempfile::tempdir().expect("temp dir");
    let socket_path = dir.path().join("socket.csv");
    let _socket = std::os::unix::net::UnixListener::bind(&socket_path).expect("bind a socket");
    // open() works, read() fails with EIO: a file whose bytes cannot be read
    let unreadable = dir.path().join("unreadable.csv");
    std::os::unix::fs::symlink("/proc/self/mem", &unreadable).expect("symlink");

    let mut cases: Vec<(String, &str, Vec<&str>)> = vec![
        (
            dir.path().join("missing.csv").display().to_string(),
            "csv",
            vec!["missing.csv", "No such file"],
        ),
        (
            dir.path().join("nothing-*.csv").display().to_string(),
            "csv",
            vec!["nothing-*.csv", "matches no file"],
        ),
        (
            dir.path().display().to_string(),
            "csv",
            vec!["is a directory", "use a glob", "/*\""],
        ),
        (
            dir.path().display().to_string(),
            "json",
            vec!["is a directory"],
        ),
        (
            socket_path.display().to_string(),
            "csv",
            vec!["socket.csv", "No such device or address"],
        ),
        (
            socket_path.display().to_string(),
            "jsonl",
            vec!["socket.csv", "No such device or address"],
        ),
        (
            socket_path.display().to_string(),
            "json",
            vec!["socket.csv", "No such device or address"],
        ),
        (
            unreadable.display().to_string(),
            "csv",
            vec!["unreadable.csv", "Input/output error"],
        ),
        (
            unreadable.display().to_string(),
            "jsonl",
            vec!["unreadable.csv", "Input/output error"],
        ),
        (
            unreadable.display().to_string(),
            "json",
            vec!["unreadable.csv", "Input/output error"],
        ),
        (
            bad("duplicate-columns.csv").display().to_string(),
            "csv",
            vec!["duplicate-columns.csv", "\"authority\"", "more than once"],
        ),
    ];
    // without root, a file without read permission; as root (CI) chmod 000 does not stop reads,
    // and the socket and /proc/self/mem cases above stand for "cannot open" and "cannot read"
    let locked = dir.path().join("locked.csv");
    std::fs::write(&locked, "id,authority,company,date,fine\n").unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::File::open(&locked).is_err() {
        cases.push((
            locked.display().to_string(),
            "csv",
            vec!["locked.csv", "Permission denied"],
        ));
    } else {
        eprintln!("running as root: chmod 000 does not stop reads, permission case left out");
    }

    for (path, kind, words) in &cases {
        let outcome = run(&[Src::new(kind, Path::new(path))]);
        let error = outcome.result.expect_err(path);
        for word in words {
            assert!(
                error.contains(word),
                "{path} ({kind}): {word:?} not in {error:?}"
            );
        }
        assert!(
            outcome.events.is_empty() && outcome.rejects.is_empty(),
            "a failed run wrote outputs"
        );

        // skipped: the run goes on with the next source, and the summary names the problem
        let good = fixtures().join("bad/values.csv");
        let mut skipped = Src::new(kind, Path::new(path));
        skipped.name = "a_broken";
        skipped.on_error = "skip";
        let outcome = run(&[skipped, Src::new("csv", &good)]);
        let summary = outcome
            .result
            .unwrap_or_else(|e| panic!("{path} ({kind}) with skip: {e}"));
        assert!(summary.balanced(), "{summary}");
        let broken = &summary.sources[0];
        let message = broken
            .error
            .as_deref()
            .unwrap_or_else(|| panic!("{path} ({kind}): no error in {summary}"));
        for word in words {
            assert!(
                message.contains(word),
                "{path} ({kind}) skipped: {word:?} not in {message:?}"
            );
        }
        assert!(
            summary.to_string().contains("skipped after error"),
            "{summary}"
        );
        assert_eq!(summary.sources[1].read, 6, "{summary}");
        assert_eq!(outcome.events.len(), 2);
    }
}
