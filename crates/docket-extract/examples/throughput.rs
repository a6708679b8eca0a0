//! Measures throughput on a folder of text files, concatenated into documents of about 1 MB:
//! `cargo run --release -p docket-extract --example throughput -- DIR [CATALOGUE]`.
use std::sync::Arc;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = args.next().ok_or("usage: throughput DIR [CATALOGUE]")?;
    let resolver = match args.next() {
        Some(cat) => docket_normalize::Resolver::new(docket_normalize::parse_catalogue(
            &std::fs::read_to_string(&cat)?,
            &cat,
        )?),
        None => docket_normalize::Resolver::with_built_in(None)?,
    };
    let extractor = docket_extract::Extractor::new(Arc::new(resolver))?;
    let mut texts = Vec::new();
    let mut current = String::new();
    let mut entries: Vec<_> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        current.push_str(&String::from_utf8_lossy(&std::fs::read(&path)?));
        current.push_str("\n\n");
        if current.len() > 1 << 20 {
            texts.push(std::mem::take(&mut current));
        }
    }
    texts.push(current);
    let total: usize = texts.iter().map(String::len).sum();
    let start = Instant::now();
    let mut events = 0;
    let mut rounds = 0;
    while start.elapsed().as_secs_f64() < 3.0 {
        for text in &texts {
            let body = docket_core::TextBody {
                text: text.clone(),
                ..Default::default()
            };
            events += extractor
                .extract(&body, &Default::default(), None)
                .events
                .len();
        }
        rounds += 1;
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{:.1} MB/s ({} bytes x {rounds} rounds, {events} events)",
        (total * rounds) as f64 / secs / 1e6,
        total
    );
    Ok(())
}
