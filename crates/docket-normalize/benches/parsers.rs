//! Micro-benchmarks of the parsers: dates, money, name resolution.
//! Run with `cargo bench -p docket-normalize` (or `cargo xtask bench --micro`).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use docket_normalize::date::{parse_date, parse_date_value, DateHints};
use docket_normalize::money::parse_money;
use docket_normalize::Resolver;

/// Date strings in the mix real tables have (the GDPR tracker, SEC releases, news, GDELT).
const DATES: &[&str] = &[
    "2021-12-31",
    "2019-11",
    "2021-11-1",
    "Dec. 28, 2015",
    "28 December 2015",
    "19.03.2021",
    "2021-03-19T10:20:00Z",
    "20170701",
    "Fri, 04 Oct 2019 11:20:02 EDT",
    "2019",
    "Unknown",
    "2021年4月10日",
];

/// The extended forms read by `parse_date_value` (quarters, weeks, periods, Chinese numerals).
const EXTENDED_DATES: &[&str] = &[
    "Q3 2020",
    "2021-W15",
    "early 2020",
    "between 2008 and 2012",
    "29-May-14",
    "二〇二一年四月十日",
    "2020年第三季度",
    "2021-12-31",
];

/// Names no exact try resolves: they go through the fuzzy match.
const UNRESOLVED: &[&str] = &[
    "Czech Data Protection Auhtority",
    "Data Protection Authority of Saxonia",
    "EDUCANDO JUNTOS SL",
    "Warsaw University of Technology",
    "INFO COMMUNICATION SERVICES",
    "Vodafone Portugal Comunicacoes Pessoais",
];

const AMOUNTS: &[&str] = &[
    "30000",
    "2000.0",
    "30,000",
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
];

const NAMES: &[&str] = &[
    "Spanish Data Protection Authority (aepd)",
    "AEPD",
    "Italian Data Protection Authority (Garante)",
    "Xfera Moviles S.A.",
    "XFERA MÓVILES SA",
    "Vodafone España, S.A.U.",
    "Data Protection Authority of Baden-Wuerttemberg",
    "Google LLC",
    "Private individual",
    "Tencent",
];

fn dates(c: &mut Criterion) {
    let hints = DateHints {
        order: Some(docket_normalize::date::DayOrder::DayFirst),
        ..DateHints::default()
    };
    let mut group = c.benchmark_group("date");
    group.throughput(Throughput::Elements(DATES.len() as u64));
    group.bench_function("parse_date (12 formats)", |b| {
        b.iter(|| {
            for text in DATES {
                let _ = black_box(parse_date(black_box(text), &hints));
            }
        })
    });
    group.finish();
    let mut extended = c.benchmark_group("date_value");
    extended.throughput(Throughput::Elements(EXTENDED_DATES.len() as u64));
    extended.bench_function("parse_date_value (8 extended forms)", |b| {
        b.iter(|| {
            for text in EXTENDED_DATES {
                let _ = black_box(parse_date_value(black_box(text), &hints));
            }
        })
    });
    extended.finish();
}

fn money(c: &mut Criterion) {
    let mut group = c.benchmark_group("money");
    group.throughput(Throughput::Elements(AMOUNTS.len() as u64));
    group.bench_function("parse_money (13 formats)", |b| {
        b.iter(|| {
            for text in AMOUNTS {
                let _ = black_box(parse_money(black_box(text), Some("EUR")));
            }
        })
    });
    group.finish();
}

fn names(c: &mut Criterion) {
    let resolver = match Resolver::with_built_in(None) {
        Ok(resolver) => resolver,
        Err(e) => panic!("catalogue: {e}"),
    };
    let mut group = c.benchmark_group("names");
    group.throughput(Throughput::Elements(NAMES.len() as u64));
    group.bench_function("resolve (10 names)", |b| {
        b.iter(|| {
            for name in NAMES {
                black_box(resolver.resolve(black_box(name)).method);
            }
        })
    });
    group.finish();
    let mut fuzzy = c.benchmark_group("names_fuzzy");
    fuzzy.throughput(Throughput::Elements(UNRESOLVED.len() as u64));
    fuzzy.bench_function("resolve (6 names through the fuzzy match)", |b| {
        b.iter(|| {
            for name in UNRESOLVED {
                black_box(resolver.resolve(black_box(name)).method);
            }
        })
    });
    fuzzy.finish();
}

criterion_group!(benches, dates, money, names);
criterion_main!(benches);
