//! Resource bounds: pathological inputs finish in bounded time and behave.
//!
//! Each test times one call with `Instant` and asserts it stays under a
//! generous ceiling (`LIMIT`, for unoptimised test builds on a shared CI
//! machine). These are bounds, not benchmarks: they catch quadratic blow-ups
//! and hangs, not small regressions. `docs/errors.md` ("Resource bounds")
//! states each bound and the time measured.

use recount::number;
use recount::{ExtractOptions, Kind, Pipeline, Rules, from_text};
use std::time::{Duration, Instant};

/// The most phrases a rules file may hold (`docs/errors.md`).
const MAX_PHRASES: usize = 200_000;

/// The ceiling for each operation in a debug build.
const LIMIT: Duration = Duration::from_secs(20);

/// Run `f`, print how long it took, and assert it took less than `limit`.
fn bounded<T>(what: &str, limit: Duration, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    let took = start.elapsed();
    eprintln!("bound: {what}: {took:.2?} (limit {limit:?})");
    assert!(
        took < limit,
        "{what} took {took:.2?}, over the {limit:?} bound"
    );
    out
}

fn extractor() -> Pipeline {
    Pipeline::new(Rules::default_rules(), ExtractOptions::default())
}

/// `unit` repeated until the text is at least `bytes` long.
fn repeated(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes.div_ceil(unit.len()))
}

/// The ceiling for each step over the 20 MB document: reading and scanning
/// are linear at about 1 s/MB in a debug build, so a quadratic step would take
/// hours, not a minute.
const LIMIT_20_MB: Duration = Duration::from_secs(60);

/// A 20 MB document on one line, with no sentence punctuation: one 20 MB
/// "sentence" holding 776,723 figures. Reading it and scanning its numbers
/// is linear (100 MB takes five times as long). The extractor runs on the
/// first 2 MB of it (see `extract_memory_is_bounded` for the whole).
#[test]
fn twenty_megabyte_single_line_document() {
    let text = repeated("word 12 people were killed ", 20 << 20);
    let figures = text.matches("12").count();
    let doc = bounded("from_text, 20 MB one line", LIMIT_20_MB, || {
        from_text("big.txt", &text)
    });
    assert_eq!(doc.text.len(), text.len());
    let quantities = bounded("number::scan, 20 MB one line", LIMIT_20_MB, || {
        number::scan(&doc.text)
    });
    assert_eq!(quantities.len(), figures);
    assert!(quantities.iter().all(|q| q.low == Some(12.0)));
    drop(quantities);
    drop(doc);
    let two = &text[..2 << 20];
    let doc = from_text("big.txt", two);
    let claims = bounded("extract, 2 MB one line", LIMIT, || {
        extractor().extract(&doc)
    });
    assert!(!claims.is_empty());
    for c in &claims {
        assert_eq!(doc.text.get(c.start..c.end), Some(c.number.as_str()));
        assert_eq!(c.category, "killed");
    }
}

/// Peak memory of the process so far (Linux: `VmHWM`), in bytes.
fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// Half of that one-line document (10 MB, 388,362 figures, nearly each a claim
/// with its 4 KB quote) through the extractor: bounded time and memory
/// (under 100 bytes per input byte). Half, so that the debug build stays
/// well inside the bound on a busy two-core machine; the per-figure cost is
/// what is measured, and it is linear.
#[test]
fn extract_memory_is_bounded() {
    let bytes = 10 << 20;
    let text = repeated("word 12 people were killed ", bytes);
    let doc = from_text("big.txt", &text);
    let before = peak_rss().unwrap_or(0);
    let claims = bounded("extract, 10 MB one line", LIMIT_20_MB, || {
        extractor().extract(&doc)
    });
    let figures = text.matches("12").count();
    assert!(
        claims.len() * 100 >= figures * 99,
        "{} claims of {figures} figures",
        claims.len()
    );
    if let Some(after) = peak_rss() {
        let grew = after.saturating_sub(before);
        eprintln!(
            "bound: extract, 10 MB one line: peak RSS grew {} MB",
            grew >> 20
        );
        assert!(
            grew < (bytes as u64) * 100,
            "extract grew the peak RSS by {} MB",
            grew >> 20
        );
    }
}

/// A number with 100,000 digits is one quantity (no panic, no overflow to
/// a wrong finite value), found in linear time.
#[test]
fn number_with_100_000_digits() {
    let digits = "7".repeat(100_000);
    let text = format!("Officials said {digits} people were killed.");
    let quantities = bounded("number::scan, 100,000 digits", LIMIT, || {
        number::scan(&text)
    });
    let q = quantities
        .iter()
        .find(|q| q.start <= 15 && q.end > 15)
        .expect("the digits are a quantity");
    assert!(
        matches!(q.kind, Kind::Identifier | Kind::Count),
        "kind {:?}",
        q.kind
    );
    for v in [q.low, q.high].into_iter().flatten() {
        assert!(!v.is_nan());
    }
    let doc = from_text("digits.txt", &text);
    let claims = bounded("extract, 100,000 digits", LIMIT, || {
        extractor().extract(&doc)
    });
    for c in &claims {
        assert_eq!(doc.text.get(c.start..c.end), Some(c.number.as_str()));
    }
}

/// 10,000 nested elements: every walk over the tree is iterative, so no
/// stack overflow; the article text is still found.
#[test]
fn html_with_10_000_nested_elements() {
    let depth = 10_000;
    let html = format!(
        "<html><body>{}<p>Twelve people were killed.</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let doc = bounded("from_html, 10,000 nested divs", LIMIT, || {
        recount::from_html("deep.html", &html)
    });
    assert!(doc.text.contains("Twelve people were killed."), "{doc:?}");
    let claims = extractor().extract(&doc);
    assert_eq!(claims.len(), 1, "{claims:?}");

    let html = format!(
        "<html><body>{}Twelve people were killed.</body></html>",
        "<span><b><i>".repeat(depth / 3)
    );
    let doc = bounded("from_html, 10,000 unclosed inline elements", LIMIT, || {
        recount::from_html("unclosed.html", &html)
    });
    assert!(doc.text.contains("Twelve people were killed."), "{doc:?}");
}

/// A 1 MB sentence without punctuation, mostly words, through the whole
/// extractor (tokens, clause grammar, speaker search).
#[test]
fn one_megabyte_sentence_without_punctuation() {
    let text = repeated(
        "the governor said that officials in the region reported many people were hurt and ",
        1 << 20,
    ) + "12 people were killed";
    let doc = from_text("long.txt", &text);
    let claims = bounded("extract, 1 MB sentence", LIMIT, || {
        extractor().extract(&doc)
    });
    for c in &claims {
        assert_eq!(doc.text.get(c.start..c.end), Some(c.number.as_str()));
    }
    // Dense: a figure every few words, all in the one sentence.
    let text = repeated("said 3 soldiers and 4 civilians were killed and ", 1 << 20);
    let doc = from_text("dense.txt", &text);
    let claims = bounded("extract, 1 MB dense sentence", LIMIT, || {
        extractor().extract(&doc)
    });
    for c in &claims {
        assert_eq!(doc.text.get(c.start..c.end), Some(c.number.as_str()));
    }
}

/// A word of letters only for `i` (`a`, `b`, ... `ba`, ...).
fn word(mut i: usize) -> String {
    let mut w = Vec::new();
    loop {
        w.push(b'a' + (i % 26) as u8);
        i /= 26;
        if i == 0 {
            break;
        }
    }
    String::from_utf8(w).unwrap_or_default()
}

/// A rules file adding a category with `n` trigger phrases: `distinct`
/// phrases each start with a word of their own (`qzab fled`), the others
/// all start with the same word (`fled zone17`).
fn rules_with_triggers(n: usize, distinct: bool) -> String {
    let mut s =
        String::from("extends = \"default\"\n[[category]]\nname = \"displaced\"\nafter = [\n");
    for i in 0..n {
        if distinct {
            s.push_str(&format!("  \"{} fled\",\n", word(i)));
        } else {
            s.push_str(&format!("  \"fled zone{i}\",\n"));
        }
    }
    s.push_str("]\n");
    s
}

/// 100,000 trigger phrases (half of `MAX_PHRASES`) load in bounded time and
/// work; an extractor built from them extracts in bounded time.
#[test]
fn rules_with_100_000_trigger_phrases() {
    let text = rules_with_triggers(100_000, true);
    let rules = bounded("Rules::from_toml, 100,000 phrases", LIMIT, || {
        Rules::from_toml("many.toml", &text)
    })
    .expect("100,000 phrases are under MAX_PHRASES");
    let extractor = bounded("Pipeline::new, 100,000 phrases", LIMIT, || {
        Pipeline::new(rules, ExtractOptions::default())
    });
    let doc = from_text(
        "a.txt",
        &format!("Some 300 people {} fled on Monday.", word(99_999)),
    );
    let claims = bounded("extract with 100,000 phrases", LIMIT, || {
        extractor.extract(&doc)
    });
    assert!(
        claims.iter().any(|c| c.category == "displaced"),
        "{claims:?}"
    );
}

/// The same with every phrase starting with the same word (`fled ...`), as
/// a long list of `killed in ...` phrases would.
#[test]
fn rules_with_100_000_trigger_phrases_sharing_a_first_word() {
    let text = rules_with_triggers(100_000, false);
    let rules = bounded(
        "Rules::from_toml, 100,000 phrases, one first word",
        LIMIT,
        || Rules::from_toml("many.toml", &text),
    )
    .expect("100,000 phrases are under MAX_PHRASES");
    let extractor = Pipeline::new(rules, ExtractOptions::default());
    let doc = from_text("a.txt", "Some 300 people fled zone99999 on Monday.");
    let claims = bounded(
        "extract with 100,000 phrases, one first word",
        LIMIT,
        || extractor.extract(&doc),
    );
    assert!(
        claims.iter().any(|c| c.category == "displaced"),
        "{claims:?}"
    );
}

/// Past `MAX_PHRASES` a rules file is refused with a located message,
/// in bounded time.
#[test]
fn rules_past_max_phrases_are_refused() {
    let text = rules_with_triggers(MAX_PHRASES + 1, true);
    let err = bounded("Rules::from_toml, MAX_PHRASES + 1 phrases", LIMIT, || {
        Rules::from_toml("huge.toml", &text)
    })
    .expect_err("more than MAX_PHRASES is refused");
    assert_eq!((err.file.as_str(), err.line), ("huge.toml", 3));
    assert!(
        err.message
            .contains(&format!("more than {MAX_PHRASES} phrases")),
        "{err}"
    );
}

/// The limit counts every phrase, not only triggers: hedges, speech verbs and
/// negation words past `MAX_PHRASES` are refused too.
#[test]
fn max_phrases_counts_every_list() {
    let mut text = String::from("extends = \"default\"\n[hedges]\nmany = [\n");
    for i in 0..=MAX_PHRASES {
        text.push_str(&format!("  \"maybe{i}\",\n"));
    }
    text.push_str("]\n");
    let err = bounded("Rules::from_toml, MAX_PHRASES + 1 hedges", LIMIT, || {
        Rules::from_toml("hedges.toml", &text)
    });
    assert!(err.is_err(), "more than MAX_PHRASES hedge phrases loaded");
}
