//! `cargo xtask fuzz [--smoke] [--seconds N] [TARGET..]`: runs the cargo-fuzz targets in `fuzz/`
//! one after the other, each for a bounded time, and fails on the first target that finds a
//! crash, a timeout or a leak. See docs/fuzzing.md.
//!
//! cargo-fuzz needs unstable rustc flags (`-Zsanitizer=address`): on a stable toolchain the task
//! sets `RUSTC_BOOTSTRAP=1`, which lets stable rustc accept them.

use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{repo_root, run};

/// Every target in `fuzz/Cargo.toml`, in the order they run.
pub const TARGETS: &[&str] = &[
    "json_source",
    "csv_source",
    "rss_source",
    "date",
    "money",
    "extract",
];

const SMOKE_SECONDS: u32 = 5;
const DEFAULT_SECONDS: u32 = 300;

fn cargo_fuzz() -> Command {
    let mut command = Command::new(env::var("CARGO").unwrap_or_else(|_| "cargo".to_string()));
    command.current_dir(repo_root().join("fuzz")).arg("fuzz");
    if env::var_os("RUSTC_BOOTSTRAP").is_none() {
        command.env("RUSTC_BOOTSTRAP", "1");
    }
    command
}

const DATE_SEEDS: &[&str] = &[
    "2021-12-31",
    "2019-11",
    "2008",
    "2021-03-19T10:20:00Z",
    "20170701",
    "Dec. 28, 2015",
    "28th December 2015",
    "Fri, 04 Oct 2019 11:20:02 EDT",
    "19.03.2021",
    "03/19/2021",
    "2021年4月10日",
    "31/02/2021",
    "9999-99-99",
    "1970-01-01",
    "Unknown",
];

const MONEY_SEEDS: &[&str] = &[
    "30000",
    "2000.0",
    "EUR 30,000",
    "€1.2 million",
    "$650 million",
    "£500,000",
    "40.000 PLN",
    "1.234,56 €",
    "$1.5m (£799,000)",
    "18.228 billion yuan",
    "Rs 115 crore",
    "182.28亿元",
    "50万元",
    "1 234 567 EUR",
    "-500",
    "NaN",
    "between EUR 350 and EUR 1,000",
];

/// Files under `dir` whose name ends with one of `extensions`.
fn files_in(dir: &Path, extensions: &[&str]) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| {
        p.file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| extensions.iter().any(|e| n.ends_with(e)))
    });
    files.sort();
    files
}

/// Seeds `fuzz/corpus/TARGET` from the fixtures the first time (the first byte of an input
/// selects the harness's options: see fuzz/src/lib.rs).
fn seed(target: &str) -> Result<PathBuf, String> {
    let root = repo_root();
    let corpus = root.join("fuzz/corpus").join(target);
    if fs::read_dir(&corpus)
        .map(|mut d| d.next().is_some())
        .unwrap_or(false)
    {
        return Ok(corpus);
    }
    fs::create_dir_all(&corpus).map_err(|e| format!("{}: {e}", corpus.display()))?;
    let fixtures = root.join("fixtures");
    let mut seeds: Vec<Vec<u8>> = Vec::new();
    let mut from_files = |extensions: &[&str], prefixes: &[u8]| {
        for dir in ["bad", "adapters"] {
            for file in files_in(&fixtures.join(dir), extensions) {
                let mut bytes = fs::read(&file).unwrap_or_default();
                bytes.truncate(4096);
                for &prefix in prefixes {
                    seeds.push([&[prefix][..], &bytes].concat());
                }
            }
        }
    };
    match target {
        "json_source" => from_files(&[".json", ".jsonl"], &[0x00, 0x20, 0x21]),
        "csv_source" => from_files(&[".csv"], &[0x10, 0x11]),
        // the feeds as they are (variants 0 to 3), first byte without the channel wrapper
        "rss_source" => from_files(&[".xml"], &[0x00, 0x10, 0x20, 0x30]),
        "date" => seeds.extend(
            DATE_SEEDS
                .iter()
                .enumerate()
                .map(|(i, s)| [&[(i % 3) as u8 * 2][..], s.as_bytes()].concat()),
        ),
        "money" => seeds.extend(
            MONEY_SEEDS
                .iter()
                .enumerate()
                .map(|(i, s)| [&[((i % 4) as u8) << 4][..], s.as_bytes()].concat()),
        ),
        _ => {
            for file in files_in(&fixtures.join("extract"), &[".txt"]) {
                let text = fs::read(&file).unwrap_or_default();
                seeds.extend(
                    text.chunks(2000)
                        .take(10)
                        .map(|chunk| [&[0x10][..], chunk].concat()),
                );
            }
        }
    }
    for (i, bytes) in seeds.iter().enumerate() {
        let path = corpus.join(format!("seed-{i:03}"));
        fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(corpus)
}

/// `cargo xtask fuzz`.
pub fn fuzz(args: &[String]) -> Result<(), String> {
    let mut seconds = DEFAULT_SECONDS;
    let mut targets: Vec<String> = Vec::new();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--smoke" => seconds = SMOKE_SECONDS,
            "--seconds" => {
                let value = rest.next().ok_or("--seconds needs a number")?;
                seconds = value
                    .parse()
                    .map_err(|_| format!("--seconds {value:?} is not a number"))?;
            }
            target if TARGETS.contains(&target) => targets.push(target.to_string()),
            other => {
                return Err(format!(
                    "fuzz: unknown argument {other:?}; targets are {}",
                    TARGETS.join(", ")
                ))
            }
        }
    }
    if targets.is_empty() {
        targets = TARGETS.iter().map(|t| t.to_string()).collect();
    }
    let mut version = cargo_fuzz();
    version.arg("--version");
    if !version
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
    {
        return Err(
            "cargo-fuzz is not installed: run `cargo install cargo-fuzz` (see docs/fuzzing.md)"
                .to_string(),
        );
    }
    let mut build = cargo_fuzz();
    build.arg("build");
    run(build)?;
    for target in &targets {
        let corpus = seed(target)?;
        let mut fuzz = cargo_fuzz();
        fuzz.arg("run").arg(target).arg(&corpus).arg("--").args([
            format!("-max_total_time={seconds}"),
            // an input that takes this long is a pathological slowdown, reported like a crash
            "-timeout=10".to_string(),
            "-rss_limit_mb=2048".to_string(),
            "-max_len=16384".to_string(),
            "-print_final_stats=1".to_string(),
        ]);
        println!("xtask fuzz: {target} for {seconds} s");
        run(fuzz).map_err(|e| {
            format!(
                "{e}\nthe input that failed is in fuzz/artifacts/{target}/; see docs/fuzzing.md"
            )
        })?;
    }
    Ok(())
}
