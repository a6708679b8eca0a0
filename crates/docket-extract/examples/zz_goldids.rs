//! scratch: resolve gold names
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let r = docket_normalize::Resolver::with_built_in(None)?;
    let mut names = std::collections::BTreeSet::new();
    for e in std::fs::read_dir("fixtures/gold")? {
        let p = e?.path();
        if p.extension().is_none_or(|x| x != "toml") { continue; }
        let t = std::fs::read_to_string(&p)?;
        for line in t.lines() {
            if let Some(rest) = line.strip_prefix("actor = ") { names.insert(rest.trim_matches('"').to_string()); }
            if let Some(rest) = line.strip_prefix("targets = [") {
                for n in rest.trim_end_matches(']').split("\", \"") { let n = n.trim_matches('"'); if !n.is_empty() { names.insert(n.to_string()); } }
            }
        }
    }
    for n in std::env::args().skip(1) { names.insert(n); }
    for n in names {
        let a = r.actor_ref(&docket_core::RawActor::named(n.clone()), docket_core::ActorKind::Other);
        println!("{n:45} -> {} ({:?})", a.id, a.kind);
    }
    Ok(())
}
