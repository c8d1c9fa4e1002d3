//! Property tests for the number stage.
//!
//! * any integer 0..10^12 in digits (plain or with `,` separators) and in
//!   English words parses with `parse_exact` to exactly that value, the span
//!   covering the whole input;
//! * inside a sentence `scan` finds it with the right span;
//! * qualifiers and ranges compose (`at least N`, `between N and M`);
//! * arbitrary Unicode never panics, and spans are on char boundaries,
//!   within bounds, ordered and non-overlapping;
//! * the Aho-Corasick candidate scan finds exactly what trying every word
//!   start finds.

use proptest::prelude::*;
use recount::number::{Kind, Qualifier, Quantity, Scanner, parse_exact, scan};

const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];
const SCALES: [(u64, &str); 3] = [
    (1_000_000_000, "billion"),
    (1_000_000, "million"),
    (1_000, "thousand"),
];

/// How to write a number in words.
#[derive(Debug, Clone, Copy)]
struct Style {
    /// British `and`: `one hundred and five`, `two million and seven`.
    and: bool,
    /// `twenty-one` (else `twenty one`).
    hyphen: bool,
}

fn below_100(n: u64, style: Style) -> String {
    match n {
        0..=19 => UNITS[n as usize].to_string(),
        _ => {
            let (t, u) = (TENS[(n / 10) as usize], n % 10);
            match u {
                0 => t.to_string(),
                _ => format!(
                    "{t}{}{}",
                    if style.hyphen { "-" } else { " " },
                    UNITS[u as usize]
                ),
            }
        }
    }
}

fn below_1000(n: u64, style: Style) -> String {
    let (h, r) = (n / 100, n % 100);
    match (h, r) {
        (0, _) => below_100(r, style),
        (_, 0) => format!("{} hundred", UNITS[h as usize]),
        _ => format!(
            "{} hundred {}{}",
            UNITS[h as usize],
            if style.and { "and " } else { "" },
            below_100(r, style)
        ),
    }
}

/// English words for 0..10^12: `two million three hundred thousand and seven`.
fn words(n: u64, style: Style) -> String {
    if n == 0 {
        return "zero".into();
    }
    let mut parts = Vec::new();
    let mut rest = n;
    for (scale, name) in SCALES {
        if rest >= scale {
            parts.push(format!("{} {name}", below_1000(rest / scale, style)));
            rest %= scale;
        }
    }
    if rest > 0 {
        let last = below_1000(rest, style);
        if !parts.is_empty() && rest < 100 && style.and {
            parts.push(format!("and {last}"));
        } else {
            parts.push(last);
        }
    }
    parts.join(" ")
}

fn with_commas(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (k, c) in s.chars().enumerate() {
        if k > 0 && (s.len() - k).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Integers weighted towards the interesting small range.
fn int() -> impl Strategy<Value = u64> {
    prop_oneof![0u64..100, 0u64..10_000, 0u64..1_000_000_000_000]
}

fn style() -> impl Strategy<Value = Style> {
    (any::<bool>(), any::<bool>()).prop_map(|(and, hyphen)| Style { and, hyphen })
}

/// Every written form of `n`.
fn forms(n: u64, style: Style) -> Vec<String> {
    vec![n.to_string(), with_commas(n), words(n, style)]
}

/// Would `between N and M` in words read N as scaled by M's scale word
/// (`between two and three million` = 2e6..3e6)? Those cases are excluded.
fn scale_carries(low: u64, high: u64) -> bool {
    let scale = SCALES
        .iter()
        .map(|s| s.0)
        .find(|s| high.is_multiple_of(*s) && high >= *s);
    match scale {
        Some(s) => (low < 1000 || !low.is_multiple_of(1000)) && low < high / s,
        None => false,
    }
}

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
    fn digit_and_word_forms_parse_exactly(n in int(), style in style()) {
        for form in forms(n, style) {
            let q = parse_exact(&form);
            prop_assert!(q.is_some(), "{form:?} is not one quantity: {:?}", scan(&form));
            let q = q.unwrap();
            prop_assert_eq!((q.start, q.end), (0, form.len()), "{:?}", form);
            prop_assert_eq!(q.low, Some(n as f64), "{:?}", form);
            prop_assert_eq!(q.high, Some(n as f64), "{:?}", form);
            prop_assert_eq!(q.qualifier, Qualifier::Exact);
            prop_assert!(matches!(q.kind, Kind::Count | Kind::Year), "{:?} {:?}", form, q.kind);
        }
    }

    #[test]
    fn scan_finds_numbers_in_sentences(n in int(), style in style()) {
        for form in forms(n, style) {
            let text = format!("Officials said {form} people died.");
            let qs = scan(&text);
            prop_assert_eq!(qs.len(), 1, "{:?}: {:?}", text, qs);
            let q = &qs[0];
            prop_assert_eq!(q.start, "Officials said ".len());
            prop_assert_eq!(q.end, "Officials said ".len() + form.len());
            prop_assert_eq!((q.low, q.high, q.kind), (Some(n as f64), Some(n as f64), Kind::Count));
        }
    }

    #[test]
    fn qualifiers_compose(n in int(), style in style()) {
        let cases = [
            ("at least", Qualifier::AtLeast, Some(n as f64), None),
            ("more than", Qualifier::MoreThan, Some(n as f64), None),
            ("about", Qualifier::Approx, Some(n as f64), Some(n as f64)),
            ("up to", Qualifier::AtMost, Some(0.0), Some(n as f64)),
            ("fewer than", Qualifier::LessThan, Some(0.0), Some(n as f64)),
        ];
        for form in forms(n, style) {
            for (q, want, lo, hi) in cases {
                let text = format!("{q} {form}");
                let got = parse_exact(&text);
                prop_assert!(got.is_some(), "{text:?}: {:?}", scan(&text));
                let got = got.unwrap();
                prop_assert_eq!((got.qualifier, got.low, got.high), (want, lo, hi), "{:?}", text);
            }
        }
    }

    #[test]
    fn ranges_compose(a in int(), b in int(), style in style()) {
        let (lo, hi) = (a.min(b), a.max(b));
        prop_assume!(lo < hi);
        // (first, second, try `between`?)
        let mut pairs = vec![
            (lo.to_string(), hi.to_string(), true),
            (with_commas(lo), with_commas(hi), true),
        ];
        if !scale_carries(lo, hi) {
            // `between one thousand and one hundred and one billion` is truly
            // ambiguous with British `and` inside the numbers: `between` gets
            // the numbers written without it
            pairs.push((words(lo, style), words(hi, style), !style.and));
            let plain = Style { and: false, ..style };
            pairs.push((words(lo, plain), words(hi, plain), true));
        }
        for (l, h, between) in pairs {
            let between = between.then(|| format!("between {l} and {h}"));
            for text in between.into_iter().chain([format!("from {l} to {h}"), format!("{l} to {h}")]) {
                let got = parse_exact(&text);
                prop_assert!(got.is_some(), "{text:?}: {:?}", scan(&text));
                let got = got.unwrap();
                prop_assert_eq!(
                    (got.qualifier, got.low, got.high),
                    (Qualifier::Range, Some(lo as f64), Some(hi as f64)),
                    "{:?}", text
                );
            }
        }
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
fn renderer_sanity() {
    let s = Style {
        and: true,
        hyphen: true,
    };
    assert_eq!(words(105, s), "one hundred and five");
    assert_eq!(words(21, s), "twenty-one");
    assert_eq!(
        words(2_300_007, s),
        "two million three hundred thousand and seven"
    );
    assert_eq!(
        words(
            999_999_999_999,
            Style {
                and: false,
                hyphen: false
            }
        ),
        "nine hundred ninety nine billion nine hundred ninety nine million nine hundred ninety nine thousand nine hundred ninety nine"
    );
    assert_eq!(with_commas(1234567), "1,234,567");
    assert_eq!(with_commas(123), "123");
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
