//! docket's automation: `cargo xtask <task>`.
//!
//! Every task shells out to cargo or to the release `docket` binary, so this crate has no
//! dependencies and builds in a second.

mod fuzz;

use std::env;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

const DEFAULT_JOB: &str = "fixtures/jobs/default.toml";

const HELP: &str = "\
cargo xtask <task>

tasks:
  ingest [JOB] [ARGS..]  build the release binary and run a job (default: fixtures/jobs/default.toml)
  test                   run the whole test suite (the README's test command)
  ci                     cargo fmt --check, cargo clippy -D warnings, cargo doc -D warnings,
                         then the test suite
  eval [FIXTURES] [--details]
                         precision/recall of the text extractor against fixtures/gold
  bench [--quick] [--micro] [ARGS..]
                         end-to-end benchmark (docket-bench: 200 MB structured + 50 MB text by
                         default; --quick: 20 MB + 5 MB; each measurement the best of two runs,
                         --repeat N to change, shown with the slowest run and the CPU time;
                         baseline and docket run in rotation, with their paired ratios) and,
                         with --micro, the criterion micro-benchmarks; extra ARGS go to
                         docket-bench
  fuzz [--smoke] [--seconds N] [TARGET..]
                         run the cargo-fuzz targets one after another (--smoke: 5 s each; default
                         300 s each); fails on a crash (docs/fuzzing.md)
";

fn repo_root() -> PathBuf {
    let manifest = env::var("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from("xtask"));
    manifest
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

fn cargo() -> Command {
    let mut command = Command::new(env::var("CARGO").unwrap_or_else(|_| "cargo".to_string()));
    command.current_dir(repo_root());
    command
}

fn run(mut command: Command) -> Result<(), String> {
    let shown = format!("{command:?}");
    let status = command.status().map_err(|e| format!("{shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed with {status}"))
    }
}

/// Runs the release `docket` binary with `args`.
fn docket(args: &[String]) -> Result<(), String> {
    let mut build = cargo();
    build.args(["build", "--release", "--quiet", "-p", "docket-cli"]);
    run(build)?;
    let mut command = Command::new(repo_root().join("target/release/docket"));
    command.args(args);
    run(command)
}

/// The README's test command.
fn test_suite() -> Result<(), String> {
    let mut command = cargo();
    command.args(["test", "--workspace"]);
    run(command)
}

/// `cargo xtask bench`: the end-to-end benchmark, and the micro-benchmarks with `--micro`.
fn bench(args: &[String]) -> Result<(), String> {
    let micro = args.iter().any(|a| a == "--micro");
    let quick = args.iter().any(|a| a == "--quick");
    let mut build = cargo();
    build.args([
        "build",
        "--release",
        "--quiet",
        "-p",
        "docket-cli",
        "-p",
        "docket-bench",
    ]);
    run(build)?;
    let root = repo_root();
    let mut command = Command::new(root.join("target/release/docket-bench"));
    command
        .current_dir(&root)
        .arg("run")
        .arg("--docket")
        .arg(root.join("target/release/docket"));
    if quick {
        command.args([
            "--structured-mb",
            "20",
            "--text-mb",
            "5",
            "--dir",
            "target/bench-quick",
        ]);
    }
    command.args(args.iter().filter(|a| *a != "--micro" && *a != "--quick"));
    run(command)?;
    if micro {
        for package in ["docket-normalize", "docket-extract"] {
            let mut criterion = cargo();
            criterion.args(["bench", "-p", package]);
            run(criterion)?;
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let (task, rest) = match args.split_first() {
        Some((task, rest)) => (task.as_str(), rest.to_vec()),
        None => ("help", Vec::new()),
    };
    let outcome = match task {
        "ingest" => {
            let root = repo_root();
            let mut full = vec!["ingest".to_string()];
            match rest.first() {
                Some(job) if !job.starts_with('-') => {
                    let job = PathBuf::from(job);
                    // relative to where the user stands, which cargo does not change
                    let job = env::current_dir().map(|d| d.join(&job)).unwrap_or(job);
                    full.push(job.display().to_string());
                    full.extend(rest.iter().skip(1).cloned());
                }
                _ => {
                    full.push(root.join(DEFAULT_JOB).display().to_string());
                    full.extend(rest.iter().cloned());
                }
            }
            docket(&full)
        }
        "test" => test_suite(),
        "ci" => {
            let mut fmt = cargo();
            fmt.args(["fmt", "--all", "--check"]);
            let mut clippy = cargo();
            clippy.args([
                "clippy",
                "--workspace",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ]);
            // the API docs build without a warning (broken or private intra-doc links)
            let mut doc = cargo();
            doc.args(["doc", "--no-deps", "--workspace"])
                .env("RUSTDOCFLAGS", "-D warnings");
            run(fmt)
                .and_then(|()| run(clippy))
                .and_then(|()| run(doc))
                .and_then(|()| test_suite())
        }
        "eval" => {
            let details = rest.iter().any(|a| a == "--details");
            let fixtures = rest
                .iter()
                .find(|a| !a.starts_with("--"))
                .cloned()
                .unwrap_or_else(|| repo_root().join("fixtures").display().to_string());
            let mut args = vec!["eval".to_string(), fixtures];
            if details {
                args.push("--details".to_string());
            }
            docket(&args)
        }
        "bench" => bench(&rest),
        "fuzz" => fuzz::fuzz(&rest),
        "help" | "--help" | "-h" => {
            print!("{HELP}");
            Ok(())
        }
        other => Err(format!("unknown task {other:?}\n\n{HELP}")),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}
