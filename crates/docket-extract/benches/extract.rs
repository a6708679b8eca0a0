//! Throughput of the extractor on news prose. Run with `cargo bench -p docket-extract` (or
//! `cargo xtask bench --micro`). The prose is the seed article plus generated sentences that,
//! like most news sentences, report no action.

use std::hint::black_box;
use std::sync::Arc;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use docket_core::{RawEvent, TextBody};
use docket_extract::Extractor;
use docket_normalize::Resolver;

const FILLER: &[&str] = &[
    "Shares in the company rose 3% in early trading in Hong Kong on the news.",
    "Analysts said the results were better than expected, citing strong demand for cloud services.",
    "The firm employs more than 100,000 people and reported revenue of 72.3 billion yuan last quarter.",
    "“We remain committed to our customers and partners,” a spokesperson said in a statement.",
    "The group's founder stepped down as chairman in 2019 but remains its largest shareholder.",
];

fn corpus() -> String {
    let seed = include_str!("../../../fixtures/extract/seed.txt");
    let mut text = String::new();
    while text.len() < 1 << 20 {
        text.push_str(seed);
        for _ in 0..4 {
            for sentence in FILLER {
                text.push_str(sentence);
                text.push(' ');
            }
            text.push_str("\n\n");
        }
    }
    text
}

fn bench(c: &mut Criterion) {
    let resolver = Arc::new(Resolver::with_built_in(None).expect("built-in catalogue"));
    let extractor = Extractor::new(resolver).expect("extractor");
    let body = TextBody {
        text: corpus(),
        published: Some("2021-03-19".to_string()),
        ..TextBody::default()
    };
    let context = RawEvent::default();
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(body.text.len() as u64));
    group.sample_size(10);
    group.bench_function("news prose, 1 MiB", |b| {
        b.iter(|| {
            black_box(
                extractor
                    .extract(black_box(&body), &context, None)
                    .events
                    .len(),
            )
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
