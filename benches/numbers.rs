//! Throughput of `number::scan` over the shared news corpus
//! (`../shared/corpus/news/news_corpus.txt`, ~21 MB). Skips with a message
//! when the corpus is absent.
//!
//! Run: `cargo bench --bench numbers`

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use recount::number::Scanner;

fn corpus() -> Option<String> {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/news/news_corpus.txt");
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(e) => {
            eprintln!(
                "note: {} not readable ({e}); skipping the numbers bench",
                path.display()
            );
            None
        }
    }
}

fn bench_scan(c: &mut Criterion) {
    let Some(text) = corpus() else { return };
    let scanner = Scanner::new();
    let mut group = c.benchmark_group("numbers");
    // one scan takes ~0.2 s: 10 flat samples finish well under a minute
    group.sample_size(10);
    group.sampling_mode(SamplingMode::Flat);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(8));
    group.throughput(Throughput::Bytes(text.len() as u64));
    let mut out = Vec::new();
    group.bench_function("scan_news_corpus", |b| {
        b.iter(|| {
            out.clear();
            scanner.scan_into(black_box(&text), &mut out);
            black_box(out.len())
        })
    });
    group.finish();
}

criterion_group!(benches, bench_scan);
criterion_main!(benches);
