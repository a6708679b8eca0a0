//! The HTML report: its marks, its determinism, and how headless Chromium renders it.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{fixture_events, write};
use docket_export::{ExportConfig, ExportKind};

fn marks(html: &str) -> usize {
    html.matches("class=\"event-mark\"").count()
}

#[test]
fn one_mark_per_event_and_the_same_bytes_twice() {
    let events = fixture_events();
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.html"), dir.path().join("b.html"));
    write(&ExportConfig::new(ExportKind::Html, &a), &events);
    write(&ExportConfig::new(ExportKind::Html, &b), &events);
    let page = std::fs::read_to_string(&a).unwrap();
    assert_eq!(page, std::fs::read_to_string(&b).unwrap());
    assert_eq!(marks(&page), events.len());
    // every mark links to its event's details, which quote the sources
    for event in &events {
        assert!(page.contains(&format!(
            "<a href=\"#d-{0}\"><circle class=\"event-mark\" data-event-id=\"{0}\"",
            event.id
        )));
        assert!(page.contains(&format!("<li class=\"detail\" id=\"d-{}\"", event.id)));
    }
    assert!(page.contains("&lt;music&gt; rights"), "quotes are escaped");
    // self-contained: nothing is fetched
    for needle in ["src=\"http", "href=\"//", "@import", "<link ", "url("] {
        assert!(!page.contains(needle), "{needle}");
    }
    // the Alibaba group rolls up UCWeb and Alibaba Cloud under their parent
    assert!(page.contains("data-group=\"alibaba\""));
    assert!(page.contains("data-group=\"tencent\""));
}

/// Chromium, when installed: `DOCKET_CHROMIUM`, else `chromium` or `chromium-browser` on the
/// PATH, else `/usr/bin/chromium`.
fn chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("DOCKET_CHROMIUM") {
        return Some(PathBuf::from(path));
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    for dir in std::env::split_paths(&path).chain([PathBuf::from("/usr/bin")]) {
        for name in ["chromium", "chromium-browser"] {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return Some(candidate);
            }
        }
    }
    None
}

/// Runs headless Chromium on `page` (plus `query`) with `extra` arguments, killing it after two
/// minutes.
fn run_chromium(chromium: &Path, page: &Path, query: &str, extra: &[String]) -> String {
    let profile = tempfile::tempdir().unwrap();
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--hide-scrollbars",
            "--window-size=1400,1000",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(extra)
        .arg(format!("file://{}{query}", page.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut text).unwrap();
        text
    });
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "chromium exited with {status}");
            break;
        }
        if started.elapsed() > Duration::from_secs(120) {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("chromium did not finish within two minutes");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    reader.join().unwrap()
}

#[test]
fn chromium_renders_one_mark_per_event() {
    let Some(chromium) = chromium() else {
        println!(
            "SKIPPED: Chromium is not installed (no chromium on the PATH or at /usr/bin/chromium; \
             `apt-get install chromium` or set DOCKET_CHROMIUM to enable this test)"
        );
        return;
    };
    let events = fixture_events();
    let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("docket-export-html");
    std::fs::create_dir_all(&out).unwrap();
    let page = out.join("report.html");
    write(&ExportConfig::new(ExportKind::Html, &page), &events);

    let dom = run_chromium(&chromium, &page, "", &["--dump-dom".to_string()]);
    assert_eq!(marks(&dom), events.len(), "marks in the rendered DOM");
    // the page's script ran and counted the marks itself
    assert!(
        dom.contains(&format!("data-marks=\"{}\"", events.len())),
        "the script did not run"
    );
    assert!(dom.contains(&format!("{0} of {0} events shown", events.len())));

    let screenshot = out.join("report.png");
    let _ = std::fs::remove_file(&screenshot);
    run_chromium(
        &chromium,
        &page,
        "",
        &[format!("--screenshot={}", screenshot.display())],
    );
    let png = std::fs::read(&screenshot).unwrap();
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    println!("screenshot of the report: {}", screenshot.display());
}

#[test]
fn chromium_applies_the_filters_given_in_the_address() {
    let Some(chromium) = chromium() else {
        println!("SKIPPED: Chromium is not installed (see chromium_renders_one_mark_per_event)");
        return;
    };
    let events = fixture_events();
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    write(&ExportConfig::new(ExportKind::Html, &page), &events);
    // not fines, and not over before 2021: undated events are hidden by a date filter
    let expected = events
        .iter()
        .filter(|e| e.action != docket_core::ActionKind::Fine)
        .filter(|e| {
            let Some(value) = e.date.as_ref().and_then(|d| d.value) else {
                return false;
            };
            let value = value.to_string();
            let end = match value.len() {
                4 => format!("{value}-12-31"),
                7 => format!("{value}-31"),
                _ => value,
            };
            end.as_str() >= "2021-01-01"
        })
        .count();
    assert!(expected > 0 && expected < events.len());
    let dom = run_chromium(
        &chromium,
        &page,
        "?hide=fine&from=2021-01-01",
        &["--dump-dom".to_string()],
    );
    assert!(
        dom.contains(&format!("{expected} of {} events shown", events.len())),
        "{expected} expected"
    );
    // each hidden event hides its mark and its details entry
    assert_eq!(
        dom.matches("display: none;").count(),
        2 * (events.len() - expected)
    );
}
