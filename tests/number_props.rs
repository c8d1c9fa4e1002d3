//! Property tests for the number stage, on the generators of the public
//! property-test kit (`recount::testing`, docs/testing.md): one set of
//! generators for recount, `recount generate` and other crates.
//!
//! * every quantity the kit writes — integers 0..10^12 in digits (plain,
//!   `,`/space groups) and in words, mixed, vague, qualified, ranges,
//!   zeros, percentages — is found in its sentence with exactly its span,
//!   kind, range and qualifier, and `parse_exact` reads the mention alone
//!   to the same range;
//! * every look-alike (years, dates, times, money, measures, ages,
//!   durations, ordinals, street numbers, identifiers) gets its own kind;
//! * arbitrary Unicode never panics, and spans are on char boundaries,
//!   within bounds, ordered and non-overlapping;
//! * the Aho-Corasick candidate scan finds exactly what trying every word
//!   start finds.

use proptest::prelude::*;
use recount::number::{Kind, Quantity, Scanner, parse_exact, scan};
use recount::testing::{Form, not_counts, quantities};

#[track_caller]
fn assert_well_formed(text: &str, qs: &[Quantity]) {
    let mut last_end = 0;
    for q in qs {
        assert!(q.start < q.end, "empty span {q:?} in {text:?}");
        assert!(q.end <= text.len(), "span past the end {q:?} in {text:?}");
        assert!(
            q.start >= last_end,
            "overlap or disorder at {q:?} in {text:?}"
        );
        assert!(
            text.is_char_boundary(q.start) && text.is_char_boundary(q.end),
            "{q:?} in {text:?}"
        );
        last_end = q.end;
    }
}

/// Tricky pieces for random sentences.
const VOCAB: &[&str] = &[
    "one",
    "two",
    "ten",
    "twenty",
    "hundred",
    "a",
    "an",
    "a dozen",
    "half",
    "thousand",
    "million",
    "and",
    "to",
    "or",
    "between",
    "from",
    "at least",
    "more than",
    "no",
    "no one",
    "none",
    "nobody",
    "over",
    "some",
    "about",
    "up to",
    "several",
    "a few",
    "dozens",
    "of",
    "tens of thousands",
    "people",
    "troops",
    "killed",
    "years",
    "year-old",
    "day",
    "percent",
    "per cent",
    "%",
    "$",
    "US$",
    "\u{20ac}",
    "Rs",
    "km",
    "m",
    "bn",
    "k",
    "th",
    "s",
    "November",
    "May",
    "may",
    "Tuesday",
    "first",
    "second",
    "in",
    "since",
    "the",
    "7",
    "17",
    "2020",
    "1,007",
    "6,500",
    "2.5",
    "1 000",
    "13:04",
    "17.11.2021",
    "2021-11-17",
    "-",
    "\u{2013}",
    ",",
    ".",
    "/",
    ":",
    "_",
    "@",
    "https://",
    "www.",
    ".mp4",
    "COVID-",
    "F-",
    "No.",
    "~",
    "(",
    ")",
    "\u{212a}",
    "\u{e9}",
    "\u{1F600}",
    "\u{a0}",
    "\n",
    "0",
    "999999999999999999999",
    "pm",
    "a.m.",
    "old",
    "long",
    "sided",
    "x",
    "G",
    "5G",
];

fn vocab_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            prop::sample::select(VOCAB),
            prop::sample::select(&[" ", "", " ", "-", ", "][..]),
        ),
        0..24,
    )
    .prop_map(|parts| parts.into_iter().flat_map(|(w, sep)| [w, sep]).collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn every_quantity_is_read_in_its_sentence(case in quantities()) {
        let found = scan(&case.text);
        prop_assert_eq!(found.len(), 1, "{:?}: {:?}", case.text, found);
        let q = &found[0];
        prop_assert_eq!((q.start, q.end), (case.start, case.end), "{:?}", case.text);
        prop_assert!(case.expect.matches(q), "{:?}: {:?}, expected {:?}", case.text, q, case.expect);
    }

    #[test]
    fn every_mention_parses_exactly_alone(case in quantities()) {
        // alone, without the plural after it: `scores` needs its `of` and
        // `no` its noun, and a bare 1800..2100 is a year
        prop_assume!(!matches!(case.form, Form::Zero | Form::Vague));
        let q = parse_exact(case.mention());
        prop_assert!(q.is_some(), "{:?} is not one quantity: {:?}", case.mention(), scan(case.mention()));
        let q = q.unwrap();
        prop_assert_eq!(
            (q.low, q.high, q.qualifier),
            (case.expect.low, case.expect.high, case.expect.qualifier),
            "{:?}", case.mention()
        );
    }

    #[test]
    fn look_alikes_get_their_kind(case in not_counts()) {
        let found = scan(&case.text);
        prop_assert_eq!(found.len(), 1, "{:?}: {:?}", case.text, found);
        prop_assert_eq!((found[0].start, found[0].end), (case.start, case.end), "{:?}", case.text);
        prop_assert!(case.expect.matches(&found[0]), "{:?}: {:?}", case.text, found[0]);
    }

    #[test]
    fn candidates_miss_nothing_in_the_kits_sentences(case in quantities()) {
        let s = Scanner::new();
        prop_assert_eq!(s.scan(&case.text), s.scan_every_word(&case.text), "{:?}", case.text);
    }

    #[test]
    fn arbitrary_unicode_never_panics(text in any::<String>()) {
        assert_well_formed(&text, &scan(&text));
        let _ = parse_exact(&text);
    }

    #[test]
    fn tricky_sentences_are_well_formed(text in vocab_text()) {
        assert_well_formed(&text, &scan(&text));
    }

    #[test]
    fn candidates_miss_nothing(text in vocab_text()) {
        let s = Scanner::new();
        prop_assert_eq!(s.scan(&text), s.scan_every_word(&text), "{:?}", text);
    }
}

#[test]
fn huge_inputs_run_in_linear_time() {
    let t = std::time::Instant::now();
    let digits = "7".repeat(100_000);
    let qs = scan(&digits);
    assert_eq!(qs.len(), 1);
    assert_eq!(
        (qs[0].kind, qs[0].start, qs[0].end),
        (Kind::Identifier, 0, 100_000)
    );
    // 1 MB line, no punctuation, many candidates
    let words_line = "one two three four five six seven eight nine ten ".repeat(20_000);
    let qs = scan(&words_line);
    assert!(qs.len() >= 100_000);
    assert_well_formed(&words_line, &qs);
    let letters = "a".repeat(1_000_000);
    assert!(scan(&letters).is_empty());
    let glued = "a1".repeat(500_000);
    let qs = scan(&glued);
    assert_eq!(qs.len(), 1);
    let commas = "1,".repeat(500_000);
    assert_eq!(scan(&commas).len(), 500_000);
    let grouped = format!("1{}", " 000".repeat(200_000));
    assert_eq!(scan(&grouped).len(), 1);
    let spaces = format!("one{}two", " ".repeat(1_000_000));
    assert_eq!(scan(&spaces).len(), 2);
    let elapsed = t.elapsed();
    assert!(elapsed.as_secs() < 20, "took {elapsed:?}");
}
