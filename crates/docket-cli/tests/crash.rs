//! Crash safety: a `docket ingest` killed with SIGKILL, once while it reads and once while it
//! writes, leaves the outputs of the previous run byte for byte as they were, and the SQLite
//! database opens with the old rows; the next run works and removes the killed runs' temporary
//! files.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

const OUTPUTS: [&str; 3] = ["out/events.jsonl", "out/events.csv", "out/rejects.jsonl"];

fn write_job(dir: &Path, source: &Path) -> PathBuf {
    let job = format!(
        r#"[job]
name = "crash-test"

[sources.fines]
kind = "csv"
path = '{}'
[sources.fines.fields]
actor = "authority"
target = "company"
date = "date"
amount = "fine"
ref = "id"
[sources.fines.constants]
action = "fine"
currency = "EUR"

[exports.events]
kind = "jsonl"
path = "out/events.jsonl"
[exports.table]
kind = "csv"
path = "out/events.csv"
[exports.store]
kind = "sqlite"
path = "out/docket.sqlite"
"#,
        source.display()
    );
    let path = dir.join("job.toml");
    std::fs::write(&path, job).expect("write job");
    path
}

/// `rows` distinct fines (every row its own event), and one row that is rejected.
fn write_input(path: &Path, rows: usize) {
    use std::io::Write;
    let mut file = std::io::BufWriter::new(std::fs::File::create(path).expect("create input"));
    writeln!(file, "id,authority,company,date,fine").unwrap();
    writeln!(file, "0,CNIL,Rejected SAS,31/02/2021,1000").unwrap();
    for i in 1..=rows {
        writeln!(
            file,
            "{i},CNIL,Company Number {i} SAS,2021-{:02}-{:02},{}",
            1 + i % 12,
            1 + i % 28,
            1000 + i
        )
        .unwrap();
    }
    file.flush().unwrap();
}

fn docket_ingest(job: &Path) -> Child {
    Command::new(env!("CARGO_BIN_EXE_docket"))
        .args(["ingest", job.to_str().expect("utf-8 path")])
        .env_remove("RUST_LOG")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start docket")
}

fn sqlite_state(path: &Path) -> (i64, i64, i64, String) {
    let db = rusqlite::Connection::open(path).expect("the database opens");
    let count = |table: &str| {
        db.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .expect("count")
    };
    let check: String = db
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity check");
    (
        count("events"),
        count("event_targets"),
        count("event_sources"),
        check,
    )
}

fn snapshot(dir: &Path) -> Vec<Vec<u8>> {
    OUTPUTS
        .iter()
        .map(|name| std::fs::read(dir.join(name)).expect("an output"))
        .collect()
}

/// Bytes the process has read so far (Linux: /proc/PID/io).
fn bytes_read(pid: u32) -> u64 {
    let io = std::fs::read_to_string(format!("/proc/{pid}/io")).unwrap_or_default();
    io.lines()
        .find_map(|l| l.strip_prefix("rchar: "))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0)
}

fn file_len(path: &Path) -> u64 {
    std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
}

/// Waits until `ready()` holds while the run is still going, then kills it with SIGKILL and
/// checks that it was the kill that ended it.
fn kill_when(mut child: Child, what: &str, ready: impl Fn(u32) -> bool) {
    let pid = child.id();
    loop {
        if let Some(status) = child.try_wait().expect("poll docket") {
            let mut stderr = String::new();
            if let Some(mut pipe) = child.stderr.take() {
                use std::io::Read;
                let _ = pipe.read_to_string(&mut stderr);
            }
            panic!("docket ended ({status}) before it was {what}: make the input larger. {stderr}");
        }
        if ready(pid) {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let killed = Command::new("kill")
        .args(["-9", &pid.to_string()])
        .status()
        .expect("run kill");
    assert!(killed.success(), "kill -9 {pid} failed");
    let status = child.wait().expect("wait for docket");
    use std::os::unix::process::ExitStatusExt;
    assert_eq!(
        status.signal(),
        Some(9),
        "docket was not killed while {what}: {status}"
    );
}

#[test]
fn a_killed_run_leaves_the_previous_outputs_intact() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("fines.csv");
    let job = write_job(dir.path(), &input);

    // the previous run: a small input, completed
    write_input(&input, 40);
    let status = docket_ingest(&job).wait().expect("run docket");
    assert!(status.success(), "the first run failed");
    let before = snapshot(dir.path());
    let db = dir.path().join("out/docket.sqlite");
    let db_before = sqlite_state(&db);
    assert_eq!(db_before, (40, 40, 40, "ok".to_string()));
    let rejects = String::from_utf8_lossy(&before[2]).into_owned();
    assert_eq!(rejects.lines().count(), 1, "{rejects}");

    // a larger input, so that the run is still going when it is killed
    write_input(&input, 50_000);
    let input_len = file_len(&input);

    // killed while reading: once it has read a tenth of its input
    kill_when(docket_ingest(&job), "reading", |pid| {
        bytes_read(pid) > input_len / 10
    });
    assert_eq!(
        snapshot(dir.path()),
        before,
        "outputs changed by a run killed while reading"
    );
    assert_eq!(sqlite_state(&db), db_before);

    // killed while writing: once the SQLite transaction has spilled pages into the WAL
    let wal = dir.path().join("out/docket.sqlite-wal");
    kill_when(docket_ingest(&job), "writing", |_| file_len(&wal) > 0);
    assert_eq!(
        snapshot(dir.path()),
        before,
        "outputs changed by a run killed while writing"
    );
    assert_eq!(
        sqlite_state(&db),
        db_before,
        "the database lost or gained rows"
    );

    // what a killed run can leave behind: its unfinished temporary files, never an output
    for entry in std::fs::read_dir(dir.path().join("out")).expect("list out/") {
        let name = entry
            .expect("an entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        let expected = [
            "events.jsonl",
            "events.csv",
            "rejects.jsonl",
            "docket.sqlite",
            "docket.sqlite-wal",
            "docket.sqlite-shm",
        ];
        let temporary = name.starts_with(".docket-") && name.ends_with(".tmp");
        assert!(
            expected.contains(&name.as_str()) || temporary,
            "unexpected file out/{name}"
        );
    }

    // the run killed while writing had its temporary files open
    let temporary_files = || -> Vec<String> {
        std::fs::read_dir(dir.path().join("out"))
            .expect("list out/")
            .map(|e| {
                e.expect("an entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .filter(|name| name.starts_with(".docket-") && name.ends_with(".tmp"))
            .collect()
    };
    assert!(
        !temporary_files().is_empty(),
        "the run killed while writing left no temporary file: the test did not kill it in time"
    );

    // the next run works, gives what the first one gave, and removes the killed runs'
    // temporary files
    write_input(&input, 40);
    let status = docket_ingest(&job).wait().expect("run docket");
    assert!(status.success(), "the run after the kills failed");
    assert_eq!(snapshot(dir.path()), before);
    assert_eq!(sqlite_state(&db), db_before);
    assert_eq!(temporary_files(), Vec::<String>::new());
}
