//! `docket-bench`: the end-to-end benchmark behind `cargo xtask bench`.
//!
//! It generates deterministic corpora, then measures, in the same run and on the same files,
//! the release `docket` pipeline and the baselines it is compared with (serde_json and csv
//! parse-and-write on one core, and jq when installed). Each measurement is a child process, so
//! its wall time and peak RSS (from `wait4`) are its own.

mod corpus;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

#[derive(serde::Deserialize, serde::Serialize)]
struct BorrowedFine<'a> {
    #[serde(rename = "ref", borrow)]
    reference: std::borrow::Cow<'a, str>,
    #[serde(borrow)]
    authority: std::borrow::Cow<'a, str>,
    #[serde(borrow)]
    target: std::borrow::Cow<'a, str>,
    #[serde(borrow)]
    date: std::borrow::Cow<'a, str>,
    #[serde(borrow)]
    amount: std::borrow::Cow<'a, str>,
    #[serde(borrow)]
    currency: std::borrow::Cow<'a, str>,
    #[serde(borrow)]
    summary: std::borrow::Cow<'a, str>,
}

/// serde_json parse into a borrowed struct and write again, one line at a time, one core.
/// The text extractor alone over every document of `dir`, one after the other on this thread:
/// read, parse the front matter as the `text` source does, extract. Prints the event count and
/// the seconds spent building the extractor (its start-up, once per run), as
/// `events=N startup_seconds=S`.
fn extract_only(dir: &Path) -> Result<(), String> {
    let started = Instant::now();
    let resolver = docket_normalize::Resolver::with_built_in(None).map_err(|e| e.to_string())?;
    let extractor =
        docket_extract::Extractor::new(std::sync::Arc::new(resolver)).map_err(|e| e.to_string())?;
    let startup = started.elapsed().as_secs_f64();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    let mut events = 0usize;
    for path in paths {
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let document = docket_source_text::parse_document(&bytes)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        events += extractor
            .extract(&document.body(), &Default::default(), None)
            .events
            .len();
    }
    println!("events={events} startup_seconds={startup:.4}");
    Ok(())
}

fn baseline_json(input: &Path, output: &Path) -> Result<u64, String> {
    let reader = BufReader::with_capacity(1 << 16, File::open(input).map_err(|e| e.to_string())?);
    let mut writer =
        BufWriter::with_capacity(1 << 16, File::create(output).map_err(|e| e.to_string())?);
    let mut records = 0;
    for line in reader.split(b'\n') {
        let line = line.map_err(|e| e.to_string())?;
        let fine: BorrowedFine<'_> = serde_json::from_slice(&line).map_err(|e| e.to_string())?;
        serde_json::to_writer(&mut writer, &fine).map_err(|e| e.to_string())?;
        writer.write_all(b"\n").map_err(|e| e.to_string())?;
        records += 1;
    }
    writer.flush().map_err(|e| e.to_string())?;
    Ok(records)
}

/// csv ByteRecord read and write, one core.
fn baseline_csv(input: &Path, output: &Path) -> Result<u64, String> {
    let mut reader = csv::Reader::from_path(input).map_err(|e| e.to_string())?;
    let mut writer = csv::Writer::from_path(output).map_err(|e| e.to_string())?;
    let mut record = csv::ByteRecord::new();
    let mut records = 0;
    while reader
        .read_byte_record(&mut record)
        .map_err(|e| e.to_string())?
    {
        writer
            .write_byte_record(&record)
            .map_err(|e| e.to_string())?;
        records += 1;
    }
    writer.flush().map_err(|e| e.to_string())?;
    Ok(records)
}

struct Measurement {
    seconds: f64,
    /// Wall time of the slowest of the runs this figure is the best of.
    slowest_seconds: f64,
    /// CPU time (user + system) of the run the figure is from.
    cpu_seconds: f64,
    max_rss_kb: i64,
}

/// Runs a command as a child and measures its wall time and peak RSS.
fn measure(command: &mut Command) -> Result<Measurement, String> {
    let shown = format!("{command:?}");
    // every measurement starts with no dirty pages left by the one before (the kernel
    // throttles a writer once the dirty total is high, which would charge one run for the
    // writes of another)
    // SAFETY: sync takes no arguments and cannot fail.
    unsafe { libc::sync() };
    let start = Instant::now();
    let child = command.spawn().map_err(|e| format!("{shown}: {e}"))?;
    let pid = child.id() as libc::pid_t;
    let mut status: libc::c_int = 0;
    // SAFETY: rusage is plain old data, and wait4 only writes into the two out-pointers.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let seconds = start.elapsed().as_secs_f64();
    if waited != pid {
        return Err(format!("{shown}: wait4 failed"));
    }
    if !(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0) {
        return Err(format!("{shown}: exited with status {status}"));
    }
    let cpu = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    Ok(Measurement {
        seconds,
        slowest_seconds: seconds,
        cpu_seconds: cpu(usage.ru_utime) + cpu(usage.ru_stime),
        max_rss_kb: usage.ru_maxrss,
    })
}

/// Runs the command `make` gives, `repeats` times (each as in [`measure`]), and keeps the
/// fastest run's time: the figure least disturbed by the machine. The peak RSS is the largest of
/// all runs. Also returns which run was the fastest (0-based). A [`measure_rotation`] of one.
fn measure_best(
    repeats: usize,
    mut make: impl FnMut(usize) -> Result<Command, String>,
) -> Result<(Measurement, usize), String> {
    let mut attempt = 0;
    let mut next = || {
        let command = make(attempt);
        attempt += 1;
        command
    };
    let (m, rounds) = measure_rotation(repeats, &mut [&mut next])?
        .pop()
        .ok_or("nothing measured")?;
    // the first of equally fast runs, as the rotation keeps it
    let fastest = rounds
        .iter()
        .enumerate()
        .min_by(|a, b| a.1.total_cmp(b.1))
        .map_or(0, |(index, _)| index);
    Ok((m, fastest))
}

/// Runs every command of `makers` once per round, `repeats` rounds, in rotation (a, b, c, a, b,
/// c, ...), so that the commands compared meet the machine in the same states. Keeps, for each,
/// its fastest run (with the largest peak RSS of its runs and the slowest run's time) and the
/// wall time of each round, from which [`paired_ratios`] are taken.
fn measure_rotation(
    repeats: usize,
    makers: &mut [&mut dyn FnMut() -> Result<Command, String>],
) -> Result<Vec<(Measurement, Vec<f64>)>, String> {
    let mut results: Vec<(Option<Measurement>, Vec<f64>, i64, f64)> =
        makers.iter().map(|_| (None, Vec::new(), 0, 0.0)).collect();
    for _ in 0..repeats.max(1) {
        for (make, (best, rounds, rss, slowest)) in makers.iter_mut().zip(results.iter_mut()) {
            let m = measure(&mut make()?)?;
            rounds.push(m.seconds);
            *rss = (*rss).max(m.max_rss_kb);
            *slowest = slowest.max(m.seconds);
            if best.as_ref().is_none_or(|b| m.seconds < b.seconds) {
                *best = Some(m);
            }
        }
    }
    results
        .into_iter()
        .map(|(best, rounds, rss, slowest)| {
            let mut m = best.ok_or("nothing measured")?;
            m.max_rss_kb = rss;
            m.slowest_seconds = slowest;
            Ok((m, rounds))
        })
        .collect()
}

/// Speed ratios of `measured` to `baseline`, round by round: the baseline's time over the
/// measured time of the same round of a [`measure_rotation`].
fn paired_ratios(baseline: &[f64], measured: &[f64]) -> Vec<f64> {
    baseline
        .iter()
        .zip(measured)
        .filter(|(_, m)| **m > 0.0)
        .map(|(b, m)| b / m)
        .collect()
}

/// The median of `values` (the mean of the middle two for an even count), and the smallest and
/// largest.
fn median_and_range(values: &[f64]) -> Option<(f64, f64, f64)> {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    let median = if n % 2 == 1 {
        sorted[n / 2]
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
    };
    Some((median, sorted[0], sorted[n - 1]))
}

/// Restricts the child `command` starts to one CPU, the first this process may run on, from
/// before it runs: all its threads then share that core. Linux only.
fn on_one_core(command: &mut Command) -> Result<(), String> {
    use std::os::unix::process::CommandExt;
    let size = std::mem::size_of::<libc::cpu_set_t>();
    // SAFETY: cpu_set_t is plain old data; sched_getaffinity only writes into it, and CPU_ISSET
    // and CPU_SET only read and write the set they are given, within its size.
    let one = unsafe {
        let mut allowed: libc::cpu_set_t = std::mem::zeroed();
        if libc::sched_getaffinity(0, size, &mut allowed) != 0 {
            return Err(format!(
                "sched_getaffinity: {}",
                std::io::Error::last_os_error()
            ));
        }
        let first = (0..libc::CPU_SETSIZE as usize)
            .find(|&cpu| libc::CPU_ISSET(cpu, &allowed))
            .ok_or("no CPU to run on")?;
        let mut one: libc::cpu_set_t = std::mem::zeroed();
        libc::CPU_SET(first, &mut one);
        one
    };
    // SAFETY: between fork and exec the closure makes one system call (sched_setaffinity, which
    // is async-signal-safe) on a set prepared before the fork; it allocates nothing.
    unsafe {
        command.pre_exec(move || {
            if libc::sched_setaffinity(0, size, &one) == 0 {
                Ok(())
            } else {
                Err(std::io::Error::last_os_error())
            }
        });
    }
    Ok(())
}

fn size_of(path: &Path) -> u64 {
    if path.is_dir() {
        std::fs::read_dir(path)
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .map(|e| size_of(&e.path()))
                    .sum()
            })
            .unwrap_or(0)
    } else {
        std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
    }
}

fn count_lines(path: &Path) -> u64 {
    File::open(path)
        .map(|f| BufReader::new(f).split(b'\n').count() as u64)
        .unwrap_or(0)
}

struct Options {
    dir: PathBuf,
    docket: PathBuf,
    structured_mb: u64,
    text_mb: u64,
    scale_check: bool,
    /// Runs of each measurement; the fastest counts.
    repeats: usize,
}

fn ensure_corpus(dir: &Path, structured_mb: u64, text_mb: u64) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    let stamp = dir.join("corpus.stamp");
    let wanted = format!("v2 structured={structured_mb} text={text_mb}\n");
    if std::fs::read_to_string(&stamp).ok().as_deref() == Some(wanted.as_str()) {
        return Ok(());
    }
    eprintln!(
        "generating corpus in {} ({structured_mb} MB structured, {text_mb} MB text)",
        dir.display()
    );
    let _ = std::fs::remove_dir_all(dir.join("news"));
    corpus::write_structured(dir, 42, structured_mb << 20).map_err(|e| e.to_string())?;
    if text_mb > 0 {
        corpus::write_news(dir, 42, text_mb << 20).map_err(|e| e.to_string())?;
    }
    std::fs::write(stamp, wanted).map_err(|e| e.to_string())
}

fn write_jobs(dir: &Path) -> Result<(), String> {
    let jsonl = r#"[job]
name = "bench-jsonl"
[sources.fines]
kind = "jsonl"
path = "fines.jsonl"
[sources.fines.fields]
actor = "/authority"
target = "/target"
date = "/date"
amount = "/amount"
currency = "/currency"
summary = "/summary"
ref = "/ref"
[sources.fines.constants]
action = "fine"
[sources.fines.formats]
date = "day_first"
[exports.events]
kind = "jsonl"
path = "out/jsonl-events.jsonl"
"#;
    let csv = jsonl
        .replace("bench-jsonl", "bench-csv")
        .replace(
            "kind = \"jsonl\"\npath = \"fines.jsonl\"",
            "kind = \"csv\"\npath = \"fines.csv\"",
        )
        .replace("\"/", "\"")
        .replace("jsonl-events", "csv-events");
    let text = r#"[job]
name = "bench-text"
[sources.news]
kind = "text"
path = "news/*.txt"
[exports.events]
kind = "jsonl"
path = "out/text-events.jsonl"
"#;
    for (name, body) in [
        ("jsonl.toml", jsonl.to_string()),
        ("csv.toml", csv),
        ("text.toml", text.to_string()),
    ] {
        std::fs::write(dir.join(name), body).map_err(|e| e.to_string())?;
    }
    Ok(())
}

struct Row {
    name: String,
    megabytes: f64,
    records: u64,
    m: Measurement,
    baseline: Option<f64>,
    /// Speed ratios to the baseline, round by round of a rotation (empty when not measured so).
    paired: Vec<f64>,
}

fn print_rows(rows: &[Row]) {
    println!(
        "| {:<62} | {:>9} | {:>9} | {:>12} | {:>6} | {:>10} | {:>12} | {:>22} |",
        "measurement",
        "MB/s",
        "slowest",
        "records/s",
        "CPU s",
        "peak RSS",
        "vs baseline",
        "paired: median (range)"
    );
    println!(
        "|{:-<64}|{:-<11}|{:-<11}|{:-<14}|{:-<8}|{:-<12}|{:-<14}|{:-<24}|",
        "", "", "", "", "", "", "", ""
    );
    for row in rows {
        let mbps = row.megabytes / row.m.seconds;
        let ratio = row
            .baseline
            .map(|b| format!("{:.2}x", mbps / b))
            .unwrap_or_else(|| "baseline".to_string());
        let paired = median_and_range(&row.paired)
            .map(|(median, low, high)| format!("{median:.2}x ({low:.2}-{high:.2})"))
            .unwrap_or_else(|| "-".to_string());
        println!(
            "| {:<62} | {:>9.1} | {:>9.1} | {:>12.0} | {:>6.2} | {:>7.1} MB | {:>12} | {:>22} |",
            row.name,
            mbps,
            row.megabytes / row.m.slowest_seconds,
            row.records as f64 / row.m.seconds,
            row.m.cpu_seconds,
            row.m.max_rss_kb as f64 / 1024.0,
            ratio,
            paired
        );
    }
}

fn run(options: &Options) -> Result<(), String> {
    let dir = &options.dir;
    ensure_corpus(dir, options.structured_mb, options.text_mb)?;
    write_jobs(dir)?;
    let out = dir.join("out");
    std::fs::create_dir_all(&out).map_err(|e| e.to_string())?;
    let me = std::env::current_exe().map_err(|e| e.to_string())?;
    let docket = |job: &str, threads: &str| {
        let mut c = Command::new(&options.docket);
        c.args(["ingest", job, "--threads", threads])
            .current_dir(dir)
            .stdout(std::process::Stdio::null());
        c
    };
    // one normalizer thread, with the reader and the merger on the same core: the pipeline on
    // one core, as the throughput targets are stated
    let docket_one_core = |job: &str| -> Result<Command, String> {
        let mut c = docket(job, "1");
        on_one_core(&mut c)?;
        Ok(c)
    };
    // the row labels of the three docket runs of each structured input, in rotation order
    let variants = ["1 thread", "1 thread, pinned to one core", "2 threads"];
    let jsonl = dir.join("fines.jsonl");
    let csv = dir.join("fines.csv");
    let jsonl_mb = size_of(&jsonl) as f64 / 1e6;
    let csv_mb = size_of(&csv) as f64 / 1e6;
    let records = count_lines(&jsonl);
    let mut rows = Vec::new();

    let repeats = options.repeats;
    let has_jq = Command::new("jq")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_jq {
        println!("jq is not installed: no jq figure");
    }
    // the baseline, jq and docket run in rotation, one round after the other, so that each
    // round's ratio compares runs made in the same minute
    let mut json_baseline = || {
        let mut c = Command::new(&me);
        c.args(["baseline-json"])
            .arg(&jsonl)
            .arg(out.join("baseline.jsonl"));
        Ok(c)
    };
    let mut jq = || {
        let out_file = File::create(out.join("jq.jsonl")).map_err(|e| e.to_string())?;
        let mut c = Command::new("jq");
        c.arg("-c").arg(".").arg(&jsonl).stdout(out_file);
        Ok(c)
    };
    let mut jsonl_1 = || Ok(docket("jsonl.toml", "1"));
    let mut jsonl_pinned = || docket_one_core("jsonl.toml");
    let mut jsonl_2 = || Ok(docket("jsonl.toml", "2"));
    let mut makers: Vec<&mut dyn FnMut() -> Result<Command, String>> = vec![&mut json_baseline];
    if has_jq {
        makers.push(&mut jq);
    }
    makers.push(&mut jsonl_1);
    makers.push(&mut jsonl_pinned);
    makers.push(&mut jsonl_2);
    let mut measured = measure_rotation(repeats, &mut makers)?.into_iter();
    let (base, base_rounds) = measured.next().ok_or("nothing measured")?;
    let base_mbps = jsonl_mb / base.seconds;
    rows.push(Row {
        name: "JSONL: serde_json parse+write (1 core)".into(),
        megabytes: jsonl_mb,
        records,
        m: base,
        baseline: None,
        paired: Vec::new(),
    });
    let mut jq_rounds = None;
    if has_jq {
        let (m, rounds) = measured.next().ok_or("nothing measured")?;
        rows.push(Row {
            name: "JSONL: jq -c .".into(),
            megabytes: jsonl_mb,
            records,
            m,
            baseline: Some(base_mbps),
            paired: paired_ratios(&base_rounds, &rounds),
        });
        jq_rounds = Some(rounds);
    }
    let mut against_jq = Vec::new();
    for (label, (m, rounds)) in variants.iter().zip(measured) {
        if let Some(jq_rounds) = &jq_rounds {
            against_jq.push((*label, paired_ratios(jq_rounds, &rounds)));
        }
        rows.push(Row {
            name: format!("JSONL: docket pipeline -> JSONL ({label})"),
            megabytes: jsonl_mb,
            records,
            m,
            baseline: Some(base_mbps),
            paired: paired_ratios(&base_rounds, &rounds),
        });
    }
    let mut csv_baseline = || {
        let mut c = Command::new(&me);
        c.args(["baseline-csv"])
            .arg(&csv)
            .arg(out.join("baseline.csv"));
        Ok(c)
    };
    let mut csv_1 = || Ok(docket("csv.toml", "1"));
    let mut csv_pinned = || docket_one_core("csv.toml");
    let mut csv_2 = || Ok(docket("csv.toml", "2"));
    let mut measured = measure_rotation(
        repeats,
        &mut [&mut csv_baseline, &mut csv_1, &mut csv_pinned, &mut csv_2],
    )?
    .into_iter();
    let (base, base_rounds) = measured.next().ok_or("nothing measured")?;
    let base_csv_mbps = csv_mb / base.seconds;
    rows.push(Row {
        name: "CSV: csv ByteRecord read+write (1 core)".into(),
        megabytes: csv_mb,
        records,
        m: base,
        baseline: None,
        paired: Vec::new(),
    });
    for (label, (m, rounds)) in variants.iter().zip(measured) {
        rows.push(Row {
            name: format!("CSV: docket pipeline -> JSONL ({label})"),
            megabytes: csv_mb,
            records,
            m,
            baseline: Some(base_csv_mbps),
            paired: paired_ratios(&base_rounds, &rounds),
        });
    }
    let mut steady_text: Option<(f64, f64)> = None;
    if options.text_mb > 0 {
        let news = dir.join("news");
        let text_mb = size_of(&news) as f64 / 1e6;
        let docs = std::fs::read_dir(&news)
            .map(|d| d.count() as u64)
            .unwrap_or(0);
        let (base, _) = measure_best(repeats, |_| {
            let mut c = Command::new(&me);
            c.args(["baseline-read"]).arg(&news);
            Ok(c)
        })?;
        let base_text = text_mb / base.seconds;
        rows.push(Row {
            name: "text: read every document (1 core)".into(),
            megabytes: text_mb,
            records: docs,
            m: base,
            baseline: None,
            paired: Vec::new(),
        });
        // the extractor alone, in one process on one core: read every document, parse its front
        // matter, extract (the same allocator as the docket binary)
        let report = |attempt: usize| out.join(format!("extract-only-{attempt}.txt"));
        let measured = measure_best(repeats, |attempt| {
            let report_file = File::create(report(attempt)).map_err(|e| e.to_string())?;
            let mut c = Command::new(&me);
            c.args(["extract-only"]).arg(&news).stdout(report_file);
            Ok(c)
        });
        match measured {
            Ok((m, fastest)) => {
                // the start-up (building the extractor) is paid once per run; the rate per core
                // on a large input is the rate without it
                let startup = std::fs::read_to_string(report(fastest))
                    .ok()
                    .and_then(|text| {
                        text.split_whitespace()
                            .find_map(|part| part.strip_prefix("startup_seconds="))
                            .and_then(|value| value.trim().parse::<f64>().ok())
                    })
                    .filter(|startup| *startup < m.seconds);
                if let Some(startup) = startup {
                    steady_text = Some((text_mb / (m.seconds - startup), startup));
                }
                rows.push(Row {
                    name: "text: extractor only, read+extract (1 core)".into(),
                    megabytes: text_mb,
                    records: docs,
                    m,
                    baseline: Some(base_text),
                    paired: Vec::new(),
                });
            }
            Err(e) => println!("extractor not measured: {e}"),
        }
        for threads in ["1", "2"] {
            match measure_best(repeats, |_| Ok(docket("text.toml", threads))) {
                Ok((m, _)) => rows.push(Row {
                    name: format!(
                        "text: docket extraction -> JSONL ({threads} thread{})",
                        if threads == "1" { "" } else { "s" }
                    ),
                    megabytes: text_mb,
                    records: docs,
                    m,
                    baseline: Some(base_text),
                    paired: Vec::new(),
                }),
                Err(e) => println!("text pipeline not measured: {e}"),
            }
        }
    }
    print_rows(&rows);
    println!(
        "\nMB/s and records/s: the fastest of {repeats} runs; slowest: MB/s of the slowest run; \
         CPU s: user + system time of the fastest run (above its wall time when it used more \
         than one core); peak RSS: the largest of the runs; paired: the baseline's time over \
         the measured time, round by round (the baseline, jq and docket run in rotation, so each \
         round compares runs of the same minute), median and range of the rounds"
    );
    for (label, ratios) in &against_jq {
        if let Some((median, low, high)) = median_and_range(ratios) {
            println!(
                "JSONL against jq, docket on {label}, round by round: median {median:.1}x (range {low:.1}-{high:.1})"
            );
        }
    }
    if let Some((rate, startup)) = steady_text {
        println!(
            "\ntext: extractor only, without its start-up ({startup:.3} s, once per run): \
             {rate:.1} MB/s on 1 core"
        );
    }

    if options.scale_check {
        // memory must not grow with the input beyond the merge index: run on twice the input
        let double = dir.join("double");
        ensure_corpus(&double, options.structured_mb * 2, 0)?;
        write_jobs(&double)?;
        std::fs::create_dir_all(double.join("out")).map_err(|e| e.to_string())?;
        let (m, _) = measure_best(repeats, |_| {
            let mut command = Command::new(&options.docket);
            command
                .args(["ingest", "jsonl.toml", "--threads", "2"])
                .current_dir(&double)
                .stdout(std::process::Stdio::null());
            Ok(command)
        })?;
        let single = rows
            .iter()
            .find(|r| r.name.starts_with("JSONL: docket") && r.name.contains("2 threads"));
        if let Some(single) = single {
            println!(
                "\npeak RSS, JSONL pipeline: {:.1} MB on {:.0} MB input, {:.1} MB on {:.0} MB input ({:+.1}%)",
                single.m.max_rss_kb as f64 / 1024.0,
                jsonl_mb,
                m.max_rss_kb as f64 / 1024.0,
                size_of(&double.join("fines.jsonl")) as f64 / 1e6,
                (m.max_rss_kb as f64 / single.m.max_rss_kb as f64 - 1.0) * 100.0
            );
        }
    }
    Ok(())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let outcome = match args.first().map(String::as_str) {
        Some("baseline-json") if args.len() == 3 => baseline_json(Path::new(&args[1]), Path::new(&args[2])).map(|_| ()),
        Some("baseline-csv") if args.len() == 3 => baseline_csv(Path::new(&args[1]), Path::new(&args[2])).map(|_| ()),
        Some("baseline-read") if args.len() == 2 => std::fs::read_dir(&args[1])
            .map_err(|e| e.to_string())
            .map(|entries| {
                let total: usize = entries.filter_map(Result::ok).filter_map(|e| std::fs::read(e.path()).ok()).map(|b| b.len()).sum();
                println!("{total}");
            }),
        Some("extract-only") if args.len() == 2 => extract_only(Path::new(&args[1])),
        Some("run") => {
            let mut options = Options {
                dir: PathBuf::from("target/bench"),
                docket: PathBuf::from("target/release/docket"),
                structured_mb: 200,
                text_mb: 50,
                scale_check: true,
                repeats: 2,
            };
            let mut rest = args[1..].iter();
            let mut bad = None;
            while let Some(flag) = rest.next() {
                let mut value = || rest.next().cloned().unwrap_or_default();
                match flag.as_str() {
                    "--dir" => options.dir = PathBuf::from(value()),
                    "--docket" => options.docket = PathBuf::from(value()),
                    "--structured-mb" => options.structured_mb = value().parse().unwrap_or(200),
                    "--text-mb" => options.text_mb = value().parse().unwrap_or(50),
                    "--no-scale-check" => options.scale_check = false,
                    "--repeat" => options.repeats = value().parse().unwrap_or(2),
                    other => bad = Some(format!("unknown flag {other}")),
                }
            }
            match bad {
                Some(e) => Err(e),
                None => {
                    let absolute = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
                    options.dir = absolute(&options.dir);
                    options.docket = absolute(&options.docket);
                    run(&options)
                }
            }
        }
        _ => Err("usage: docket-bench run [--dir D] [--docket BIN] [--structured-mb N] [--text-mb N] [--no-scale-check] [--repeat N]".into()),
    };
    if let Err(message) = outcome {
        eprintln!("docket-bench: {message}");
        std::process::exit(1);
    }
}
