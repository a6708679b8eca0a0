//! Deterministic synthetic corpora: fines records (JSONL and CSV) and news prose.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

/// splitmix64: a tiny deterministic generator, so that corpora are identical on every machine.
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// One item of a slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const AUTHORITIES: &[&str] = &[
    "Spanish Data Protection Authority (aepd)",
    "AEPD",
    "Italian Data Protection Authority (Garante)",
    "French Data Protection Authority (CNIL)",
    "CNIL",
    "Hellenic Data Protection Authority (HDPA)",
    "Information Commissioner (ICO)",
    "Federal Trade Commission",
    "SEC",
    "State Administration for Market Regulation",
    "Norwegian Supervisory Authority (Datatilsynet)",
    "Data Protection Authority of Hamburg",
];

const COMPANY_WORDS: &[&str] = &[
    "Atlas",
    "Borealis",
    "Cobalt",
    "Delta",
    "Ember",
    "Fjord",
    "Granite",
    "Harbor",
    "Iris",
    "Juniper",
    "Keystone",
    "Lumen",
    "Meridian",
    "Nimbus",
    "Orion",
    "Pioneer",
    "Quarry",
    "Redwood",
    "Summit",
    "Tundra",
    "Umber",
    "Vertex",
    "Willow",
    "Xenon",
    "Yarrow",
    "Zephyr",
    "Telecom",
    "Energy",
    "Bank",
    "Retail",
    "Media",
    "Logistics",
    "Health",
];

const SUFFIXES: &[&str] = &[
    "S.A.", "SA", "Ltd", "GmbH", "S.p.A.", "Inc.", "plc", "S.L.", "B.V.", "AB", "",
];

const MONTHS: &[&str] = &[
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
    "Dec.",
];

const SENTENCES: &[&str] = &[
    "The controller had conducted advertising calls without the consent of the data subjects.",
    "In addition, it did not properly inform the data subjects about the processing of their personal data.",
    "The authority found that the company had failed to implement appropriate technical and organisational measures.",
    "Customers had complained repeatedly about unsolicited messages sent to their phones.",
    "The company said it would appeal the decision and had already changed its procedures.",
    "The investigation began after a data breach exposed the records of thousands of customers.",
];

fn company(rng: &mut Rng) -> String {
    let a = rng.pick(COMPANY_WORDS);
    let b = rng.pick(COMPANY_WORDS);
    let c = rng.pick(COMPANY_WORDS);
    let suffix = rng.pick(SUFFIXES);
    format!("{a} {b} {c} {suffix}").trim().to_string()
}

fn date(rng: &mut Rng) -> String {
    let (y, m, d) = (2015 + rng.below(8), 1 + rng.below(12), 1 + rng.below(28));
    match rng.below(6) {
        0 => format!("{y}-{m:02}-{d:02}"),
        1 => format!("{y}-{m:02}"),
        2 => format!("{} {d}, {y}", MONTHS[m - 1]),
        3 => format!("{d:02}.{m:02}.{y}"),
        4 => format!("{y}-{m:02}-{d:02}T10:00:00Z"),
        _ => format!(
            "{d} {} {y}",
            [
                "January",
                "February",
                "March",
                "April",
                "May",
                "June",
                "July",
                "August",
                "September",
                "October",
                "November",
                "December"
            ][m - 1]
        ),
    }
}

fn amount(rng: &mut Rng) -> (String, &'static str) {
    let units = 1 + rng.below(999);
    match rng.below(7) {
        0 => (format!("{units}000"), "EUR"),
        1 => (format!("{units},000"), "EUR"),
        2 => (format!("€{units}.{} million", rng.below(10)), ""),
        3 => (format!("${units} million"), ""),
        4 => (format!("£{units},500"), ""),
        5 => (format!("{units}.000 PLN"), ""),
        _ => (format!("{units}000.0"), "EUR"),
    }
}

fn summary(rng: &mut Rng, authority: &str, target: &str, amount: &str) -> String {
    let mut text = format!("The {authority} has imposed a fine of {amount} on {target}.");
    for _ in 0..(3 + rng.below(4)) {
        text.push(' ');
        let sentence: &&str = rng.pick(SENTENCES);
        text.push_str(sentence);
    }
    text
}

/// One fines record: (ref, authority, target, date, amount, currency, summary).
pub struct Fine {
    pub reference: String,
    pub authority: &'static str,
    pub target: String,
    pub date: String,
    pub amount: String,
    pub currency: &'static str,
    pub summary: String,
}

/// Generates fines until about `bytes` of JSONL are produced; every 20th record repeats an
/// earlier fine (as a second report would), so that the merge has work to do.
pub fn fines(seed: u64, bytes: u64, mut each: impl FnMut(&Fine)) {
    let mut rng = Rng::new(seed);
    let mut written = 0u64;
    let mut recent: Vec<Fine> = Vec::new();
    let mut n = 0u64;
    while written < bytes {
        n += 1;
        let fine = if n % 20 == 0 && !recent.is_empty() {
            let old = &recent[rng.below(recent.len())];
            Fine {
                reference: old.reference.clone(),
                authority: old.authority,
                target: old.target.clone(),
                date: old.date.clone(),
                amount: old.amount.clone(),
                currency: old.currency,
                summary: old.summary.clone(),
            }
        } else {
            let authority = *rng.pick(AUTHORITIES);
            let target = company(&mut rng);
            let (amount, currency) = amount(&mut rng);
            let summary = summary(&mut rng, authority, &target, &amount);
            Fine {
                reference: format!("BENCH-{n}"),
                authority,
                target,
                date: date(&mut rng),
                amount,
                currency,
                summary,
            }
        };
        written += 120
            + fine.summary.len() as u64
            + fine.target.len() as u64
            + fine.authority.len() as u64;
        each(&fine);
        if recent.len() < 1000 {
            recent.push(fine);
        } else {
            let slot = rng.below(recent.len());
            recent[slot] = fine;
        }
    }
}

/// Writes `fines.jsonl` and `fines.csv` of about `bytes` each.
pub fn write_structured(dir: &Path, seed: u64, bytes: u64) -> std::io::Result<u64> {
    let mut jsonl = BufWriter::new(File::create(dir.join("fines.jsonl"))?);
    let mut csv = csv::Writer::from_writer(BufWriter::new(File::create(dir.join("fines.csv"))?));
    csv.write_record([
        "ref",
        "authority",
        "target",
        "date",
        "amount",
        "currency",
        "summary",
    ])?;
    let mut records = 0u64;
    let mut error = None;
    fines(seed, bytes, |f| {
        records += 1;
        let line = serde_json::json!({
            "ref": f.reference, "authority": f.authority, "target": f.target, "date": f.date,
            "amount": f.amount, "currency": f.currency, "summary": f.summary,
        });
        let outcome = serde_json::to_writer(&mut jsonl, &line)
            .map_err(std::io::Error::other)
            .and_then(|()| jsonl.write_all(b"\n"))
            .and_then(|()| {
                csv.write_record([
                    &f.reference,
                    f.authority,
                    &f.target,
                    &f.date,
                    &f.amount,
                    f.currency,
                    &f.summary,
                ])
                .map_err(std::io::Error::other)
            });
        if let Err(e) = outcome {
            error.get_or_insert(e);
        }
    });
    if let Some(e) = error {
        return Err(e);
    }
    jsonl.flush()?;
    csv.flush()?;
    Ok(records)
}

const NEWS_FILLER: &[&str] = &[
    "Shares in the group fell 3% in early trading in London.",
    "Analysts said the results were broadly in line with expectations.",
    "\"We are disappointed by the decision and are considering our options,\" a spokesman said.",
    "The firm employs about 12,000 people in Europe and Asia.",
    "Sales rose 4.5% to $1.2bn in the three months to December.",
    "The chief executive, Mr. J. Smith, said the company was confident about the year ahead.",
    "Consumer groups welcomed the move but said more needed to be done.",
    "The U.S. market accounted for nearly half of revenues last year.",
];

/// Writes news documents of about 5 KB each into `dir/news/` until about `bytes` are written.
pub fn write_news(dir: &Path, seed: u64, bytes: u64) -> std::io::Result<u64> {
    let news = dir.join("news");
    std::fs::create_dir_all(&news)?;
    let mut rng = Rng::new(seed ^ 0xA5A5);
    let mut written = 0u64;
    let mut docs = 0u64;
    while written < bytes {
        docs += 1;
        let mut text = format!("---\npublished: 2021-03-{:02}\n---\n", 1 + rng.below(28));
        while text.len() < 5000 {
            let line = match rng.below(10) {
                0 => {
                    let authority = *rng.pick(&[
                        "The European Commission",
                        "The Federal Trade Commission",
                        "Ofcom",
                        "The Chinese market regulator",
                        "The SEC",
                    ]);
                    let target = company(&mut rng);
                    let (amount, _) = amount(&mut rng);
                    format!("{authority} on Monday fined {target} {amount} for breaching competition rules.")
                }
                1 => format!(
                    "The watchdog opened an investigation into {} last month.",
                    company(&mut rng)
                ),
                _ => (*rng.pick(NEWS_FILLER)).to_string(),
            };
            text.push_str(&line);
            text.push_str(if rng.below(3) == 0 { "\n\n" } else { " " });
        }
        written += text.len() as u64;
        std::fs::write(news.join(format!("{docs:06}.txt")), text)?;
    }
    Ok(docs)
}
