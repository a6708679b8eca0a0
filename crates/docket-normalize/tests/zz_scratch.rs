use docket_normalize::{MatchMethod, Resolver, built_in_catalogue};
#[test]
fn scratch() {
    let cat = built_in_catalogue().unwrap();
    for id in ["es.aepd","it.garante","fr.cnil","gr.hdpa","ie.dpc","gb.ico","cz.uoou","pl.uodo","cn.samr","alibaba","tencent","google","us.sec"] { if cat.get(id).is_none() { eprintln!("MISSING {id}"); } }
    let r = Resolver::new(cat);
    let text = std::fs::read_to_string("/work/shared/data/real/gdpr-enforcementtracker-busera/gdpr_fines_enforcementtracker_raw.csv").unwrap();
    let mut rdr: Vec<&str> = text.lines().collect();
    rdr.remove(0);
    let mut seen = std::collections::BTreeSet::new();
    for line in text.lines().skip(1) {
        // crude: split on commas outside quotes
        let mut fields = Vec::new(); let mut cur = String::new(); let mut q = false;
        for c in line.chars() { if c == '"' { q = !q; } else if c == ',' && !q { fields.push(cur.clone()); cur.clear(); } else { cur.push(c); } }
        fields.push(cur);
        if fields.len() < 8 { continue; }
        for name in [fields[4].clone(), fields[7].clone()] {
            if !seen.insert(name.clone()) { continue; }
            let res = r.resolve(&name);
            match (res.method, res.actor) {
                (MatchMethod::Fuzzy, Some(a)) => eprintln!("FUZZY {name:?} -> {} {:?}", a.id, res.score),
                (MatchMethod::Unresolved, None) => if let Some((a, s, why)) = res.near_miss { eprintln!("NEAR {name:?} ~ {} {s} {why}", a.id) },
                (MatchMethod::CoreName, Some(a)) => eprintln!("CORE {name:?} -> {}", a.id),
                _ => {}
            }
        }
    }
    let t = std::time::Instant::now();
    let names: Vec<String> = seen.iter().cloned().collect();
    for _ in 0..10 { for n in &names { std::hint::black_box(r.resolve(n)); } }
    eprintln!("{} resolves in {:?}", names.len()*10, t.elapsed());
}
