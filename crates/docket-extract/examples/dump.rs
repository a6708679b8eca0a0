//! Prints the events extracted from a file: `cargo run -p docket-extract --example dump -- FILE [CATALOGUE]`.
use std::sync::Arc;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: dump FILE [CATALOGUE]")?;
    let resolver = match args.next() {
        Some(cat) => {
            let text = std::fs::read_to_string(&cat)?;
            docket_normalize::Resolver::new(docket_normalize::parse_catalogue(&text, &cat)?)
        }
        None => docket_normalize::Resolver::with_built_in(None)?,
    };
    let extractor = docket_extract::Extractor::new(Arc::new(resolver))?;
    let bytes = std::fs::read(&path)?;
    let doc = docket_source_text::parse_document(&bytes)?;
    let out = extractor.extract(&doc.body(), &Default::default(), None);
    println!("{} sentences, {} events", out.sentences, out.events.len());
    for e in &out.events {
        let actor = e
            .actor
            .as_ref()
            .map(|a| format!("{}[{}]", a.name, a.id_hint.as_deref().unwrap_or("-")));
        let targets: Vec<String> = e
            .targets
            .iter()
            .map(|t| {
                format!(
                    "{}[{}|{}]",
                    t.name,
                    t.id_hint.as_deref().unwrap_or("-"),
                    t.parent_hint.as_deref().unwrap_or("-")
                )
            })
            .collect();
        let date = e
            .date_resolved
            .as_ref()
            .map(|d| format!("{}={:?}", d.text, d.value.map(|v| v.to_string())));
        println!(
            "- {} actor={:?} targets={:?} count={:?} date={:?} amount={:?}/{:?} conf={:?} flags={:?}\n    {:?}",
            e.action.as_deref().unwrap_or("?"),
            actor,
            targets,
            e.target_count,
            date,
            e.amount,
            e.amount_role,
            e.confidence,
            e.flags,
            e.quote.as_deref().unwrap_or("").chars().take(160).collect::<String>()
        );
    }
    Ok(())
}
