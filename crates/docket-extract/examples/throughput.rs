//! Measures throughput on a folder of text files:
//! `cargo run --release -p docket-extract --example throughput -- DIR [CATALOGUE] [--per-file]`.
//!
//! By default the files are concatenated into documents of about 1 MB. With `--per-file`, every
//! file is one document, read with its front matter as the `text` source reads it (as in
//! `target/bench-text/news`, the corpus that `docket-bench` generates).
use std::sync::Arc;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let per_file = args.iter().any(|a| a == "--per-file");
    let mut positional = args.iter().filter(|a| !a.starts_with("--"));
    let dir = positional
        .next()
        .ok_or("usage: throughput DIR [CATALOGUE] [--per-file]")?;
    let resolver = match positional.next() {
        Some(cat) => docket_normalize::Resolver::new(docket_normalize::parse_catalogue(
            &std::fs::read_to_string(cat)?,
            cat,
        )?),
        None => docket_normalize::Resolver::with_built_in(None)?,
    };
    let extractor = docket_extract::Extractor::new(Arc::new(resolver))?;
    let mut bodies: Vec<docket_core::TextBody> = Vec::new();
    let mut current = String::new();
    let mut entries: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        let bytes = std::fs::read(&path)?;
        if per_file {
            bodies.push(docket_source_text::parse_document(&bytes)?.body());
            continue;
        }
        current.push_str(&String::from_utf8_lossy(&bytes));
        current.push_str("\n\n");
        if current.len() > 1 << 20 {
            bodies.push(docket_core::TextBody {
                text: std::mem::take(&mut current),
                ..Default::default()
            });
        }
    }
    if !current.is_empty() {
        bodies.push(docket_core::TextBody {
            text: current,
            ..Default::default()
        });
    }
    let total: usize = bodies.iter().map(|b| b.text.len()).sum();
    let start = Instant::now();
    let mut events = 0;
    let mut rounds = 0;
    while start.elapsed().as_secs_f64() < 3.0 {
        for body in &bodies {
            events += extractor
                .extract(body, &Default::default(), None)
                .events
                .len();
        }
        rounds += 1;
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{:.1} MB/s ({} documents, {} bytes x {rounds} rounds, {events} events)",
        (total * rounds) as f64 / secs / 1e6,
        bodies.len(),
        total
    );
    Ok(())
}
