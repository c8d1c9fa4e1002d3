//! The property-test kit against recount itself (`docs/testing.md`): the
//! round trips of the closing note at a size the test suite can afford,
//! the kit's own properties (reproducible, shrinking to readable cases),
//! and the regression cases its runs found.
//!
//! A full run: `recount generate --seed 7 --count 100000 --kind quantities
//! | recount numbers --format jsonl -` and `bench/kit_roundtrip.py`.

use proptest::prelude::*;
use proptest::test_runner::{Config, TestError, TestRunner};
use recount::generate::{CaseBody, Set, case_json, cases};
use recount::number::{Kind, Qualifier, scan};
use recount::testing::{self, ClaimForm, Form};
use recount::{Pipeline, from_text};
use std::process::Command;
use std::sync::LazyLock;

static PIPELINE: LazyLock<Pipeline> = LazyLock::new(Pipeline::with_default_rules);

/// Sentences the kit showed recount does not read yet, kept here until it
/// does (the extractor is not this kit's to change): (text, why).
const KNOWN_GAPS: &[(&str, &str)] = &[
    (
        "The army denied that 6 soldiers had been killed. ~84 men were struck by gunfire in the attack.",
        "no sentence break before `~`: the second sentence is read as part of the first, whose \
         denial cancels its figure (2-3 cases in 100,000 of `generate --kind claims`, seeds 1-3)",
    ),
    (
        "The toll reached 1916 in 2019.",
        "a bare 1800-2100 after a toll is read as a year (docs/numbers.md), so the toll has no figure; \
     the kit writes such tolls as news style does, `1,916`",
    ),
];

fn failures(set: Set, n: usize) -> Vec<String> {
    let mut out = Vec::new();
    for case in cases(set, 7).take(n) {
        let text = case.text().to_string();
        let ok = match &case.body {
            CaseBody::Quantity(q) => {
                let found = scan(&q.text);
                let read = matches!(found.as_slice(), [f] if q.expect.matches(f) && (f.start, f.end) == (q.start, q.end));
                let no_claim = set != Set::NotCounts
                    || PIPELINE.extract(&from_text(&case.id, &text)).is_empty();
                read && no_claim
            }
            CaseBody::Claims(c) => c.matches(&PIPELINE.extract(&from_text(&case.id, &text))),
            _ => false,
        };
        if !ok {
            out.push(format!("{}: {text}", case.id));
        }
    }
    out
}

#[test]
fn quantities_round_trip() {
    let bad = failures(Set::Quantities, 20_000);
    assert!(
        bad.is_empty(),
        "{} failures:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

#[test]
fn not_counts_round_trip_and_give_no_claim() {
    let bad = failures(Set::NotCounts, 4_000);
    assert!(
        bad.is_empty(),
        "{} failures:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

#[test]
fn claims_round_trip() {
    let bad = failures(Set::Claims, 4_000);
    assert!(
        bad.is_empty(),
        "{} failures:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

// ------------------------------------------------------------- the kit

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn every_claim_sentence_is_read(case in testing::claims()) {
        let claims = PIPELINE.extract(&from_text("case", &case.text));
        prop_assert!(case.matches(&claims), "{}\nexpected {:?}\nread {:?}", case.text, case.claims, claims);
    }

    #[test]
    fn distractors_give_no_claim(case in testing::sentence(ClaimForm::Distractor)) {
        let claims = PIPELINE.extract(&from_text("case", &case.text));
        prop_assert!(claims.is_empty(), "{}: {:?}", case.text, claims);
    }

    #[test]
    fn texts_are_one_line_and_spans_are_mentions(case in testing::quantities()) {
        prop_assert!(!case.text.contains('\n'));
        prop_assert!(!case.mention().is_empty() && case.text.is_char_boundary(case.start));
    }
}

#[test]
fn a_seed_writes_the_same_cases_and_a_prefix_is_a_run() {
    for set in Set::ALL {
        let a: Vec<String> = cases(set, 11).take(40).map(|c| case_json(&c)).collect();
        let b: Vec<String> = cases(set, 11).take(60).map(|c| case_json(&c)).collect();
        assert_eq!(a[..], b[..40]);
        let other: Vec<String> = cases(set, 12).take(40).map(|c| case_json(&c)).collect();
        assert_ne!(a, other, "{set:?}: another seed, other cases");
    }
    // the command writes what the library does
    let out = Command::new(env!("CARGO_BIN_EXE_recount"))
        .args([
            "generate",
            "--seed",
            "11",
            "--count",
            "25",
            "--kind",
            "not-counts",
        ])
        .output()
        .expect("run recount");
    assert!(out.status.success());
    let lines: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(String::from)
        .collect();
    let library: Vec<String> = cases(Set::NotCounts, 11)
        .take(25)
        .map(|c| case_json(&c))
        .collect();
    assert_eq!(lines, library);
}

#[test]
fn every_form_is_generated() {
    let mut seen = std::collections::BTreeSet::new();
    for set in [Set::Quantities, Set::NotCounts] {
        for case in cases(set, 1).take(2_000) {
            if let CaseBody::Quantity(q) = case.body {
                seen.insert(q.form.as_str());
            }
        }
    }
    let all: std::collections::BTreeSet<&str> = Form::QUANTITIES
        .iter()
        .chain(&Form::NOT_COUNTS)
        .map(|f| f.as_str())
        .collect();
    assert_eq!(seen, all);
}

/// Run a property that fails and return the case proptest shrank it to.
fn shrunk<S: Strategy>(strategy: &S, fails: impl Fn(&S::Value) -> bool) -> S::Value
where
    S::Value: Clone,
{
    // a fixed seed: the smallest case proptest finds depends on the first
    // failure it meets
    let mut runner = TestRunner::new_with_rng(
        Config {
            cases: 512,
            failure_persistence: None,
            ..Config::default()
        },
        proptest::test_runner::TestRng::deterministic_rng(
            proptest::test_runner::RngAlgorithm::ChaCha,
        ),
    );
    match runner.run(strategy, |v| {
        prop_assert!(!fails(&v));
        Ok(())
    }) {
        Err(TestError::Fail(_, v)) => v,
        other => panic!("the property should fail: {other:?}"),
    }
}

#[test]
fn a_failing_quantity_shrinks_to_a_readable_smallest_case() {
    // `a parser that cannot read 1000 or more`
    let case = shrunk(&testing::quantity(Form::Digits), |c| {
        c.expect.low >= Some(1000.0)
    });
    assert_eq!(
        case.text,
        "Officials said 1000 people attended the meeting."
    );
    assert_eq!(case.mention(), "1000");
    let case = shrunk(&testing::quantity(Form::Words), |c| {
        c.expect.low >= Some(21.0)
    });
    assert_eq!(case.mention(), "twenty one");
}

#[test]
fn a_failing_report_shrinks_to_fewer_simpler_sentences() {
    // `an extractor that reads only the first sentence`
    let case = shrunk(&testing::claims(), |c| c.forms.len() > 1);
    assert_eq!(case.text, "2 people were killed. 2 people were killed.");
    assert_eq!(case.claims.len(), 2);
    // `an extractor that misses wounded`
    let case = shrunk(&testing::claims(), |c| {
        c.claims.iter().any(|e| e.category == "wounded")
    });
    // one choice at a time finds a local minimum: the wounded may stay in
    // a second sentence or beside another figure, but the figure that
    // fails is the simplest number, exact
    assert!(case.forms.len() <= 2, "{}", case.text);
    let wounded: Vec<_> = case
        .claims
        .iter()
        .filter(|c| c.category == "wounded")
        .collect();
    assert!(!wounded.is_empty(), "{}", case.text);
    assert!(
        wounded
            .iter()
            .all(|c| c.low == Some(2.0) && c.qualifier == Qualifier::Exact),
        "{}",
        case.text
    );
}

// ---------------------------------------------------------- regressions

/// What the kit's first runs found in the number grammar, fixed.
#[test]
fn the_kits_findings_in_the_number_grammar_stay_fixed() {
    type Case<'a> = (&'a str, &'a str, Kind, Option<f64>, Option<f64>, Qualifier);
    let cases: &[Case] = &[
        // a range of year-like numbers before a plural counts, as one does
        (
            "Officials said 1891-1909 people attended the meeting.",
            "1891-1909",
            Kind::Count,
            Some(1891.0),
            Some(1909.0),
            Qualifier::Range,
        ),
        (
            "Between 1900 and 2000 people attended.",
            "Between 1900 and 2000",
            Kind::Count,
            Some(1900.0),
            Some(2000.0),
            Qualifier::Range,
        ),
        (
            "Soldiers were killed in 2014-2015.",
            "2014-2015",
            Kind::Year,
            Some(2014.0),
            Some(2015.0),
            Qualifier::Range,
        ),
        // `-men` plurals count
        (
            "The ambush claimed the lives of 1829 gunmen.",
            "1829",
            Kind::Count,
            Some(1829.0),
            Some(1829.0),
            Qualifier::Exact,
        ),
        // `hurt` counts after a number, as `injured` does
        (
            "The attack left 1836 hurt.",
            "1836",
            Kind::Count,
            Some(1836.0),
            Some(1836.0),
            Qualifier::Exact,
        ),
        // street numbers name a place
        (
            "Soldiers were captured at 1692 Maple Lane.",
            "1692",
            Kind::Identifier,
            None,
            None,
            Qualifier::Exact,
        ),
        (
            "Residents were killed in the 4100 block of Maple Road.",
            "4100",
            Kind::Identifier,
            None,
            None,
            Qualifier::Exact,
        ),
        // …but not before a plural: `12 Wall Street bankers` are bankers
        (
            "He said 12 Wall Street bankers were there.",
            "12",
            Kind::Count,
            Some(12.0),
            Some(12.0),
            Qualifier::Exact,
        ),
    ];
    for &(text, mention, kind, low, high, qualifier) in cases {
        let found = scan(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        let q = &found[0];
        assert_eq!(q.text(text), Some(mention), "{text}");
        assert_eq!(
            (q.kind, q.low, q.high, q.qualifier),
            (kind, low, high, qualifier),
            "{text}"
        );
    }
    let claims = PIPELINE.extract(&from_text(
        "a",
        "The ambush claimed the lives of 1829 gunmen.",
    ));
    assert_eq!(claims.len(), 1);
    assert_eq!(
        (
            claims[0].category.as_str(),
            claims[0].low,
            claims[0].population.as_deref()
        ),
        ("killed", Some(1829.0), Some("suspects"))
    );
}

#[test]
#[ignore = "known gap in the extractor (KNOWN_GAPS): run with --ignored to see if it is closed"]
fn known_gaps() {
    for (text, why) in KNOWN_GAPS {
        let claims = PIPELINE.extract(&from_text("gap", text));
        assert!(!claims.is_empty(), "{text}: {why}");
    }
}
