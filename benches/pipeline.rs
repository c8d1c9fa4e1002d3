//! Per-stage throughput of the pipeline (issue 6).
//!
//! - `pipeline/number_scan`: `recount::number::scan` over the whole news
//!   corpus (`../shared/corpus/news/news_corpus.txt`, ~21 MB), in bytes/s.
//! - `pipeline/documents`: `document::from_text` (normalisation, header,
//!   noise and comment marking) over the corpus split into articles, bytes/s.
//! - `pipeline/extract`: `Pipeline::extract` on every article of the corpus
//!   (split at blank lines, built once outside the timing), one thread, bytes/s.
//! - `reconcile/1m_claims`: `Pipeline::reconcile_claims` of 1,000,000 synthetic
//!   claims (1,000 event dates, 5 categories, 3 parties, 3 populations,
//!   10,000 documents from 100 outlets), in claims/s.
//! - 10 million claims: one timed run printed after criterion's output,
//!   only when `RECOUNT_BENCH_10M=1` is set (it needs ~9 GiB of memory and
//!   about a minute); see docs/performance.md.
//!
//! The corpus stages are skipped with a message when the corpus is absent;
//! the reconcile stage always runs.
//!
//! Run: `cargo bench --bench pipeline` (all), `cargo bench --bench pipeline -- reconcile`
//! (one group), `RECOUNT_BENCH_10M=1 cargo bench --bench pipeline -- reconcile`.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use criterion::{BatchSize, Criterion, Throughput, criterion_group};
use jiff::civil::Date;
use recount::number;
use recount::{
    Claim, Document, DocumentEntry, EventTime, Pipeline, PopulationRole, Qualifier, Role, from_text,
};

fn corpus() -> Option<String> {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/news/news_corpus.txt");
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(e) => {
            eprintln!(
                "note: {} not readable ({e}); skipping the corpus stages (number_scan, documents, extract)",
                path.display()
            );
            None
        }
    }
}

/// The corpus's articles: blocks separated by one or more blank lines.
fn articles(text: &str) -> Vec<&str> {
    text.split("\n\n")
        .map(|b| b.trim_matches('\n'))
        .filter(|b| !b.trim().is_empty())
        .collect()
}

fn bench_corpus(c: &mut Criterion) {
    let Some(text) = corpus() else { return };
    let blocks = articles(&text);
    let block_bytes: u64 = blocks.iter().map(|b| b.len() as u64).sum();
    eprintln!(
        "corpus: {} bytes, {} articles ({} bytes in articles)",
        text.len(),
        blocks.len(),
        block_bytes
    );

    let mut group = c.benchmark_group("pipeline");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(10));

    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("number_scan", |b| {
        b.iter(|| black_box(number::scan(black_box(&text))).len())
    });

    group.throughput(Throughput::Bytes(block_bytes));
    group.bench_function("documents", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for (i, block) in blocks.iter().enumerate() {
                let doc = from_text(&format!("news-{i}"), block);
                n += doc.text.len();
            }
            black_box(n)
        })
    });

    let docs: Vec<Document> = blocks
        .iter()
        .enumerate()
        .map(|(i, block)| from_text(&format!("news-{i}"), block))
        .collect();
    let doc_bytes: u64 = docs.iter().map(|d| d.text.len() as u64).sum();
    let extractor = Pipeline::with_default_rules();
    let claims: usize = docs.iter().map(|d| extractor.extract(d).len()).sum();
    eprintln!("extract: {} documents, {} claims", docs.len(), claims);
    group.throughput(Throughput::Bytes(doc_bytes));
    // one pass is ~5 s: criterion's minimum of 10 samples takes about a minute
    group.measurement_time(Duration::from_secs(40));
    group.bench_function("extract", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for doc in &docs {
                n += extractor.extract(black_box(doc)).len();
            }
            black_box(n)
        })
    });
    group.finish();
}

const CATEGORIES: [&str; 5] = ["killed", "wounded", "missing", "captured", "casualties"];
/// The roles the default rules give those names (`casualties` is a
/// category of the user's).
const ROLES: [Option<Role>; 5] = [
    Some(Role::Killed),
    Some(Role::Wounded),
    Some(Role::Missing),
    Some(Role::Captured),
    None,
];
const PARTIES: [&str; 3] = ["Armenia", "Azerbaijan", "Georgia"];
const POPULATIONS: [&str; 3] = ["military", "civilian", "people"];
const QUOTES: [&str; 4] = [
    "At least 12 soldiers were killed, the ministry said.",
    "Officials said 15 people died.",
    "About 20 civilians were wounded in the shelling.",
    "Two policemen are missing.",
];

/// `n` synthetic claims over `docs` documents, `events` publication dates
/// (10 days apart, so each date is its own event) and 100 outlets, each
/// event reported by several outlets with values that differ by up to 2. Strings
/// are short: a claim costs ~400 bytes with its heap parts.
fn synthetic(n: usize, docs: usize, events: usize) -> (Vec<DocumentEntry>, Vec<Claim>) {
    let start = Date::constant(2000, 1, 1);
    let date_of = |doc: usize| {
        start
            .checked_add(jiff::ToSpan::days(((doc % events) * 10) as i64))
            .expect("date in range")
    };
    let entries: Vec<DocumentEntry> = (0..docs)
        .map(|d| {
            // an empty text: no fingerprint, so no copies
            let mut e = DocumentEntry::of(
                &from_text(&format!("d{d}"), ""),
                n / docs + usize::from(d < n % docs),
            );
            // the 10 documents of an event date come from 10 different outlets
            e.outlet = Some(format!("outlet {}", (d / events) % 100));
            e.published = Some(date_of(d));
            e
        })
        .collect();
    // a claim with every field empty, to fill in: a `recount.claim/1`
    // record read back
    let blank: Claim = serde_json::from_value(serde_json::json!({
        "doc": "", "start": 0, "end": 0, "line": 1, "column": 1, "number": "",
        "quote": "", "quote_start": 0, "category": "", "low": null, "high": null,
        "qualifier": "exact", "party": null, "population": null, "speaker": null,
        "hedges": [], "event_time": null, "subject": null, "published": null,
        "outlet": null, "in_comments": false
    }))
    .expect("a blank claim");
    let claims: Vec<Claim> = (0..n)
        .map(|i| {
            let d = i % docs;
            let k = i / docs; // the claim's index within its document
            let published = date_of(d);
            let value = (10 + (k % 7) + (d % 3)) as f64;
            let qualifier = if k.is_multiple_of(5) {
                Qualifier::AtLeast
            } else {
                Qualifier::Exact
            };
            let quote = QUOTES[i % QUOTES.len()];
            let mut c = blank.clone();
            c.doc = entries[d].id.clone();
            c.start = 10 * k;
            c.end = 10 * k + 2;
            c.line = k + 1;
            c.column = 1;
            c.number = format!("{value}");
            c.quote = quote.into();
            c.quote_start = 10 * k;
            c.category = CATEGORIES[k % 5].to_string();
            c.role = ROLES[k % 5];
            c.low = Some(value);
            c.high = if qualifier == Qualifier::AtLeast {
                None
            } else {
                Some(value)
            };
            c.qualifier = qualifier;
            c.party = Some(PARTIES[(k / 5) % 3].to_string());
            let population = POPULATIONS[(k / 15) % 3];
            c.population = Some(population.to_string());
            c.population_role = (population == "people").then_some(PopulationRole::Default);
            c.event_time = Some(EventTime::day(published, false));
            c.published = Some(published);
            c.outlet = entries[d].outlet.clone();
            c
        })
        .collect();
    (entries, claims)
}

fn bench_reconcile(c: &mut Criterion) {
    const N: usize = 1_000_000;
    let (entries, claims) = synthetic(N, 10_000, 1_000);
    let pipeline = Pipeline::with_default_rules();
    let r = pipeline.reconcile_claims(entries.clone(), claims.clone());
    eprintln!(
        "reconcile: {} claims -> {} groups, {} conflicts, {} totals",
        N,
        r.groups.len(),
        r.conflicts(),
        r.totals.len()
    );
    drop(r);
    let mut group = c.benchmark_group("reconcile");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(20));
    group.throughput(Throughput::Elements(N as u64));
    group.bench_function("1m_claims", |b| {
        b.iter_batched(
            || (entries.clone(), claims.clone()),
            |(e, cl)| pipeline.reconcile_claims(e, cl),
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

/// One timed reconciliation of 10 million claims, printed (not criterion:
/// a single run already takes over ten seconds and ~9 GiB).
fn ten_million() {
    const N: usize = 10_000_000;
    let t = Instant::now();
    let (entries, claims) = synthetic(N, 100_000, 1_000);
    eprintln!(
        "reconcile/10m_claims: built {N} claims in {:.2} s",
        t.elapsed().as_secs_f64()
    );
    let t = Instant::now();
    let r = Pipeline::with_default_rules().reconcile_claims(entries, claims);
    let secs = t.elapsed().as_secs_f64();
    println!(
        "reconcile/10m_claims: {N} claims in {secs:.2} s = {:.0} claims/s ({} groups, {} conflicts); target < 10 s: {}",
        N as f64 / secs,
        r.groups.len(),
        r.conflicts(),
        if secs < 10.0 { "met" } else { "NOT met" }
    );
    let t = Instant::now();
    drop(black_box(r));
    eprintln!(
        "reconcile/10m_claims: dropping the result took {:.2} s",
        t.elapsed().as_secs_f64()
    );
}

criterion_group!(benches, bench_corpus, bench_reconcile);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
    if std::env::var_os("RECOUNT_BENCH_10M").is_some() {
        ten_million();
    } else {
        eprintln!(
            "note: set RECOUNT_BENCH_10M=1 for the one-shot 10-million-claim reconcile timing (~9 GiB)"
        );
    }
}
