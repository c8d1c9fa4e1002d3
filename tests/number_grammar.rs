//! Every phrasing and kind the number stage reads, through the public API
//! (`scan`, `parse_exact`): span, low, high, qualifier and kind.

use recount::number::{Kind, Qualifier, Quantity, parse_exact, scan};

use Kind::*;
use Qualifier::*;

/// (span text, kind, qualifier, low, high)
type Want<'a> = (&'a str, Kind, Qualifier, Option<f64>, Option<f64>);

fn got(text: &str) -> Vec<Want<'_>> {
    scan(text)
        .into_iter()
        .map(|q| {
            (
                q.text(text).unwrap_or("<bad span>"),
                q.kind,
                q.qualifier,
                q.low,
                q.high,
            )
        })
        .collect()
}

#[track_caller]
fn check(text: &str, want: &[Want<'_>]) {
    assert_eq!(got(text), want, "scanning {text:?}");
}

/// A phrase that is exactly one quantity.
#[track_caller]
fn exact(phrase: &str, kind: Kind, qualifier: Qualifier, low: Option<f64>, high: Option<f64>) {
    let q = parse_exact(phrase)
        .unwrap_or_else(|| panic!("{phrase:?}: not one quantity: {:?}", scan(phrase)));
    assert_eq!((q.start, q.end), (0, phrase.len()), "{phrase:?} span");
    assert_eq!(
        (q.kind, q.qualifier, q.low, q.high),
        (kind, qualifier, low, high),
        "{phrase:?}"
    );
}

fn n(v: f64) -> Option<f64> {
    Some(v)
}

#[track_caller]
fn count(phrase: &str, v: f64) {
    exact(phrase, Count, Exact, n(v), n(v));
}

#[test]
fn exact_digits() {
    count("seven", 7.0);
    count("1,007", 1007.0);
    count("6,500", 6500.0);
    count("2.5", 2.5);
    count("1 000", 1000.0);
    count("1,200", 1200.0);
    count("1,000,000", 1e6);
    // `1,20` is not a thousands group
    check(
        "1,20",
        &[
            ("1", Count, Exact, n(1.0), n(1.0)),
            ("20", Count, Exact, n(20.0), n(20.0)),
        ],
    );
    assert!(parse_exact("1,20").is_none());
}

#[test]
fn number_words() {
    count("twenty-one", 21.0);
    count("twenty one", 21.0);
    count("one hundred and five", 105.0);
    count("a hundred", 100.0);
    count("two thousand", 2000.0);
    count("a thousand", 1000.0);
    count("one million two hundred thousand", 1_200_000.0);
    count("a dozen", 12.0);
    count("half a dozen", 6.0);
    count("two dozen", 24.0);
    count("three billion", 3e9);
}

#[test]
fn scaled_digits() {
    count("1.2 million", 1_200_000.0);
    count("3.5bn", 3.5e9);
    count("10k", 10_000.0);
    count("1.5 billion", 1.5e9);
    // `m` after a bare number is metres; million only with money
    exact("2m", Measure, Exact, n(2.0), n(2.0));
    exact("2 m", Measure, Exact, n(2.0), n(2.0));
    exact("\u{20ac}3m", Money, Exact, n(3e6), n(3e6));
}

#[test]
fn percentages() {
    for p in [
        "68%",
        "68 %",
        "68 percent",
        "68 per cent",
        "sixty-eight percent",
        "68-percent",
    ] {
        exact(p, Percent, Exact, n(68.0), n(68.0));
    }
    exact("about 25%", Percent, Approx, n(25.0), n(25.0));
    exact("10-15%", Percent, Range, n(10.0), n(15.0));
}

#[test]
fn ranges_and_alternatives() {
    for p in [
        "10-15",
        "10\u{2013}15",
        "10 \u{2013} 15",
        "10 to 15",
        "between 10 and 15",
        "from 10 to 15",
        "from 10-15",
    ] {
        exact(p, Count, Range, n(10.0), n(15.0));
    }
    exact("10 or 11", Count, Range, n(10.0), n(11.0));
    exact("two or three", Count, Range, n(2.0), n(3.0));
    exact("two to three million", Count, Range, n(2e6), n(3e6));
    exact("between 1.5 and 2 million", Count, Range, n(1.5e6), n(2e6));
    // not the same form: two mentions
    check(
        "10 or eleven",
        &[
            ("10", Count, Exact, n(10.0), n(10.0)),
            ("eleven", Count, Exact, n(11.0), n(11.0)),
        ],
    );
    // years are not count ranges
    exact("2014-2015", Year, Range, n(2014.0), n(2015.0));
    exact("2014-15", Year, Range, n(2014.0), n(2015.0));
    exact("from 2014 to 2015", Year, Range, n(2014.0), n(2015.0));
    // a descending pair is not a range
    check(
        "won 3-1",
        &[
            ("3", Count, Exact, n(3.0), n(3.0)),
            ("1", Count, Exact, n(1.0), n(1.0)),
        ],
    );
}

#[test]
fn qualifiers_at_least() {
    for p in [
        "at least 7",
        "no fewer than 7",
        "no less than 7",
        "a minimum of 7",
        "At least seven",
    ] {
        exact(p, Count, AtLeast, n(7.0), None);
    }
}

#[test]
fn qualifiers_more_than() {
    for p in [
        "more than 7",
        "over 7",
        "upwards of 7",
        "in excess of 7",
        "above 7",
        "More than seven",
    ] {
        exact(p, Count, MoreThan, n(7.0), None);
    }
    exact("more than a dozen", Count, MoreThan, n(12.0), None);
    exact("more than 6,500", Count, MoreThan, n(6500.0), None);
}

#[test]
fn qualifiers_approx() {
    for p in [
        "nearly 7",
        "almost 7",
        "close to 7",
        "about 7",
        "around 7",
        "approximately 7",
        "roughly 7",
        "some 7",
        "an estimated 7",
        "estimated 7",
        "circa 7",
        "~7",
        "~ 7",
        "around seven",
    ] {
        exact(p, Count, Approx, n(7.0), n(7.0));
    }
}

#[test]
fn qualifiers_at_most_and_less_than() {
    for p in [
        "up to 7",
        "as many as 7",
        "at most 7",
        "no more than 7",
        "a maximum of 7",
    ] {
        exact(p, Count, AtMost, n(0.0), n(7.0));
    }
    for p in ["fewer than 7", "less than 7", "under 7", "below 7"] {
        exact(p, Count, LessThan, n(0.0), n(7.0));
    }
}

#[test]
fn qualifiers_only_directly_before_numbers() {
    check("some people said", &[]);
    check(
        "some 200 people",
        &[("some 200", Count, Approx, n(200.0), n(200.0))],
    );
    check("over the border", &[]);
    check("under the rubble", &[]);
    check("around the town", &[]);
    check("more people", &[]);
    check(
        "no more than a few",
        &[("no more than a few", Count, AtMost, n(0.0), n(5.0))],
    );
}

#[test]
fn qualifiers_compose_with_ranges() {
    exact("about 10 to 15", Count, Range, n(10.0), n(15.0));
    exact("more than 10 years", Duration, MoreThan, n(10.0), None);
}

#[test]
fn vague_amounts() {
    let cases: &[(&str, &str, f64, f64)] = &[
        ("several", "several", 3.0, 9.0),
        ("a few", "a few", 2.0, 5.0),
        ("few", "few", 2.0, 5.0),
        ("a handful of", "a handful", 2.0, 6.0),
        ("a couple of", "a couple", 2.0, 3.0),
        ("a couple", "a couple", 2.0, 3.0),
        ("dozens of", "dozens", 24.0, 120.0),
        ("scores of", "scores", 40.0, 200.0),
        ("hundreds of", "hundreds", 200.0, 999.0),
        ("thousands of", "thousands", 2000.0, 9999.0),
        (
            "tens of thousands of",
            "tens of thousands",
            20_000.0,
            99_999.0,
        ),
        (
            "hundreds of thousands of",
            "hundreds of thousands",
            200_000.0,
            999_999.0,
        ),
        ("millions of", "millions", 2e6, 9.99e8),
        ("several hundred", "several hundred", 300.0, 900.0),
    ];
    for &(text, span, lo, hi) in cases {
        check(text, &[(span, Count, Vague, n(lo), n(hi))]);
    }
    check("test scores", &[]);
    exact("several days", Duration, Vague, n(3.0), n(9.0));
}

#[test]
fn explicit_zero() {
    for p in ["no one", "no-one", "nobody", "none", "zero", "No one"] {
        exact(p, Count, Exact, n(0.0), n(0.0));
    }
    for p in ["no casualties", "no deaths", "no injuries", "No casualties"] {
        check(p, &[(&p[..2], Count, Exact, n(0.0), n(0.0))]);
    }
    check("No. 5", &[("No. 5", Identifier, Exact, None, None)]);
    check("no.5 file", &[("no.5", Identifier, Exact, None, None)]);
    check("no longer", &[]);
    check(
        "no more than 3",
        &[("no more than 3", Count, AtMost, n(0.0), n(3.0))],
    );
    check(
        "no fewer than 3",
        &[("no fewer than 3", Count, AtLeast, n(3.0), None)],
    );
    check(
        "no less than 3",
        &[("no less than 3", Count, AtLeast, n(3.0), None)],
    );
    check("said no.", &[]);
}

#[test]
fn word_boundaries() {
    for text in [
        "tenfold",
        "often",
        "attend",
        "sixth-floor",
        "someone",
        "phone",
        "another",
        "a",
        "an",
        "A man",
        "one-sided",
        "anyone",
        "stone",
        "money",
        "network",
        "weight",
        "nineteenth-century",
    ] {
        let g = got(text);
        assert!(
            g.iter().all(|w| w.1 != Count),
            "{text:?} should have no count: {g:?}"
        );
    }
    check("sixth", &[("sixth", Ordinal, Exact, n(6.0), n(6.0))]);
    check("one of them", &[("one", Count, Exact, n(1.0), n(1.0))]);
}

#[test]
fn years() {
    check("in 2020", &[("2020", Year, Exact, n(2020.0), n(2020.0))]);
    check(
        "since 1994,",
        &[("1994", Year, Exact, n(1994.0), n(1994.0))],
    );
    exact("2021", Year, Exact, n(2021.0), n(2021.0));
    check("the 1990s", &[("1990s", Year, Range, n(1990.0), n(1999.0))]);
    check("mid-2020", &[("2020", Year, Exact, n(2020.0), n(2020.0))]);
    check(
        "2020 war time pictures",
        &[("2020", Year, Exact, n(2020.0), n(2020.0))],
    );
    check(
        "the 2020 elections",
        &[("2020", Year, Exact, n(2020.0), n(2020.0))],
    );
    check(
        "2,000 peacekeepers",
        &[("2,000", Count, Exact, n(2000.0), n(2000.0))],
    );
    check(
        "1500 people",
        &[("1500", Count, Exact, n(1500.0), n(1500.0))],
    );
    check(
        "2000 troops",
        &[("2000", Count, Exact, n(2000.0), n(2000.0))],
    );
    check(
        "about 2000 troops",
        &[("about 2000", Count, Approx, n(2000.0), n(2000.0))],
    );
    check(
        "in 2000 troops were sent",
        &[("2000", Year, Exact, n(2000.0), n(2000.0))],
    );
    check(
        "3000 people",
        &[("3000", Count, Exact, n(3000.0), n(3000.0))],
    );
    check("3000 BC", &[("3000", Count, Exact, n(3000.0), n(3000.0))]);
}

#[test]
fn dates() {
    let d = |p: &str, v: f64| exact(p, Date, Exact, n(v), n(v));
    d("November 17th", 1117.0);
    d("November 17", 1117.0);
    d("17 November 2021", 20211117.0);
    d("17th of November", 1117.0);
    d("Nov. 17", 1117.0);
    d("Sept. 27", 927.0);
    d("17.11.2021", 20211117.0);
    d("2021-11-17", 20211117.0);
    d("11/17/2021", 20211117.0);
    d("September 27, 2020", 20200927.0);
    d("November 18, 2021", 20211118.0);
    d("Tuesday, November 16, 2021", 20211116.0);
    d("Tuesday 16 November", 1116.0);
    d("November 2020", 20201100.0);
    d("May 2021", 20210500.0);
    exact("November 15th and 16th", Date, Range, n(1115.0), n(1116.0));
    exact("November 15-16", Date, Range, n(1115.0), n(1116.0));
    check(
        "On November 15th and 16th, the",
        &[("November 15th and 16th", Date, Range, n(1115.0), n(1116.0))],
    );
    check("you may 5", &[("5", Count, Exact, n(5.0), n(5.0))]);
    check("since September last year", &[]);
    check(
        "Monday (September 12)",
        &[("September 12", Date, Exact, n(912.0), n(912.0))],
    );
}

#[test]
fn times() {
    exact("13:04", Time, Exact, n(1304.0), n(1304.0));
    exact("10:21 AM", Time, Exact, n(1021.0), n(1021.0));
    exact("6 p.m.", Time, Exact, n(1800.0), n(1800.0));
    exact("6pm", Time, Exact, n(1800.0), n(1800.0));
    check(
        "April 20, 2024 13:04",
        &[
            ("April 20, 2024", Date, Exact, n(20240420.0), n(20240420.0)),
            ("13:04", Time, Exact, n(1304.0), n(1304.0)),
        ],
    );
}

#[test]
fn money() {
    let m = |p: &str, v: f64| exact(p, Money, Exact, n(v), n(v));
    m("$2,500", 2500.0);
    m("2,500 $", 2500.0);
    m("0 $", 0.0);
    m("\u{20ac}3m", 3e6);
    m("\u{a3}5 million", 5e6);
    m("US$3bn", 3e9);
    m("3 dollars", 3.0);
    m("5,000 euros", 5000.0);
    m("Rs 500", 500.0);
    m("Rs. 500", 500.0);
    m("10 rubles", 10.0);
    m("five million dollars", 5e6);
    check(
        "a $50,000 bond",
        &[("$50,000", Money, Exact, n(50_000.0), n(50_000.0))],
    );
    exact("more than $5 million", Money, MoreThan, n(5e6), None);
    exact("$2-3 million", Money, Range, n(2e6), n(3e6));
}

#[test]
fn measures() {
    let m = |p: &str, v: f64| exact(p, Measure, Exact, n(v), n(v));
    m("1,007-kilometer", 1007.0);
    m("5 km", 5.0);
    m("10 miles", 10.0);
    m("30 kg", 30.0);
    m("3 metres", 3.0);
    m("5-foot", 5.0);
    m("9mm", 9.0);
    m(".40-caliber", 0.4);
    m("14-year-old", 14.0);
    m("one-year-old", 1.0);
    m("69-year-old", 69.0);
    m("10 years old", 10.0);
    m("50km/h", 50.0);
    check(
        "a .40-caliber pistol",
        &[(".40-caliber", Measure, Exact, n(0.4), n(0.4))],
    );
}

#[test]
fn durations() {
    let d = |p: &str, v: f64| exact(p, Duration, Exact, n(v), n(v));
    d("44-day", 44.0);
    d("six weeks", 6.0);
    d("10 years", 10.0);
    d("three days", 3.0);
    d("48 hours", 48.0);
    d("two-year", 2.0);
    d("30-year-long", 30.0);
    d("30 seconds", 30.0);
    d("six-week", 6.0);
    exact("nearly 30-year-long", Duration, Approx, n(30.0), n(30.0));
    exact("two to three years", Duration, Range, n(2.0), n(3.0));
}

#[test]
fn ordinals() {
    let o = |p: &str, v: f64| exact(p, Ordinal, Exact, n(v), n(v));
    o("17th", 17.0);
    o("1st", 1.0);
    o("22nd", 22.0);
    o("first", 1.0);
    o("second", 2.0);
    o("third", 3.0);
    o("tenth", 10.0);
    o("twentieth", 20.0);
    o("twenty-first", 21.0);
    o("hundredth", 100.0);
    check(
        "for the second time",
        &[("second", Ordinal, Exact, n(2.0), n(2.0))],
    );
    check(
        "the second attack",
        &[("second", Ordinal, Exact, n(2.0), n(2.0))],
    );
}

#[test]
fn identifiers() {
    for text in [
        "49HqitRzdnhYjgTEAhgGpCfsjdTeMbUTU6cyR4JV1R7k2Eej9rGT8JpFiYDa4tZM6RZiFrHmMzgSrhHEqpDYKBe5B2ufNsL",
        "bc1qv7k70u2zynvem59u88ctdlaw7hc735d8xep9rq",
        "17.11.2021_IMR_ArmeniaAzerbaijan.mp4",
        "https://x.org/2021/11/17/one-story",
        "www.example.com/2021/one",
        "report_2021.pdf",
        "user2021@mail.example",
        "COVID-19",
        "F-16",
        "Su-25",
        "MiG-29",
        "G7",
        "4x4",
        "5G",
        "555-1234",
        "1.2.3",
        "24/7",
        "No. 5",
    ] {
        check(text, &[(text, Identifier, Exact, None, None)]);
    }
    check("(F-16s)", &[("F-16s", Identifier, Exact, None, None)]);
    check("the G7, and", &[("G7", Identifier, Exact, None, None)]);
    check(
        "see <https://x.org/a/2021/> now",
        &[("https://x.org/a/2021/", Identifier, Exact, None, None)],
    );
    // an URL without digits yields nothing at all
    check("www.one.com", &[]);
    let long = "9".repeat(40);
    check(&long, &[(&long, Identifier, Exact, None, None)]);
}

#[test]
fn longest_reading_wins_and_spans_are_ordered() {
    let text = "Officials said more than 6,500 people, between 10 and 15 soldiers and about 25% of 300 homes.";
    check(
        text,
        &[
            ("more than 6,500", Count, MoreThan, n(6500.0), None),
            ("between 10 and 15", Count, Range, n(10.0), n(15.0)),
            ("about 25%", Percent, Approx, n(25.0), n(25.0)),
            ("300", Count, Exact, n(300.0), n(300.0)),
        ],
    );
}

#[test]
fn parse_exact_rejects_partial_and_multiple() {
    assert!(parse_exact("").is_none());
    assert!(parse_exact("people").is_none());
    assert!(parse_exact("7 people").is_none());
    assert!(parse_exact("7 and 8").is_none());
    assert!(parse_exact("a").is_none());
    let q: Quantity = parse_exact("  at least 7 ").unwrap();
    assert_eq!((q.start, q.end, q.qualifier), (2, 12, AtLeast));
}

#[test]
fn never_panics_on_awkward_input() {
    for text in [
        "\u{212a}m 5\u{212a}",
        "5\u{0301}0",
        "\u{feff}7",
        "7\u{200b}000",
        "\u{2013}5",
        "~",
        "$",
        "US$",
        "No.",
        "between 5 and",
        "from 5 to",
        "5,",
        "5.",
        "5-",
        "1,000,",
        "a hundred and",
        "\u{0130}stanbul 5",
        "\u{1F600}5\u{1F600}",
        ".5",
        ". 5",
    ] {
        for q in scan(text) {
            assert!(q.start < q.end && q.end <= text.len(), "{text:?} {q:?}");
            assert!(
                text.is_char_boundary(q.start) && text.is_char_boundary(q.end),
                "{text:?} {q:?}"
            );
        }
    }
}

/// Cases the property tests found, and claims `docs/numbers.md` makes.
#[test]
fn regressions() {
    // the digit scan and the word scan agree on currency codes
    check("US$ 7one ", &[("7one", Identifier, Exact, None, None)]);
    check("US$ 7-.mp4 ", &[("7-.mp4", Identifier, Exact, None, None)]);
    check(
        "US$ 7thousand@ ",
        &[("7thousand@", Identifier, Exact, None, None)],
    );
    check("US$ one", &[("one", Count, Exact, n(1.0), n(1.0))]);
    // `an` is not `a`; multi-word heads take one space or a line break
    check("an thousand", &[]);
    check("a \u{a0} hundred", &[]);
    check(
        "a\nhundred",
        &[("a\nhundred", Count, Exact, n(100.0), n(100.0))],
    );
    check(
        "at\r\nleast 5",
        &[("at\r\nleast 5", Count, AtLeast, n(5.0), None)],
    );
    // ranges whose first number is a single word reading
    exact("between zero and one", Count, Range, n(0.0), n(1.0));
    // irregular plurals make a 4-digit number a count
    check(
        "said 1800 people died",
        &[("1800", Count, Exact, n(1800.0), n(1800.0))],
    );
    check("2000 dead", &[("2000", Count, Exact, n(2000.0), n(2000.0))]);
    // a URL inside a token
    check(
        ".mp4https:// ",
        &[(".mp4https://", Identifier, Exact, None, None)],
    );
    check(
        "[here](https://x.org/2021/11)",
        &[("https://x.org/2021/11", Identifier, Exact, None, None)],
    );
    // claims in the docs
    check(
        "a 10-member team",
        &[("10", Count, Exact, n(10.0), n(10.0))],
    );
    check(
        "2020 Azerbaijani forces",
        &[("2020", Count, Exact, n(2020.0), n(2020.0))],
    );
    check(
        "in 2020 Azerbaijani forces",
        &[("2020", Year, Exact, n(2020.0), n(2020.0))],
    );
    check("won 3:1", &[("3:1", Identifier, Exact, None, None)]);
    check("two-thirds", &[]);
    check(
        "100-1000",
        &[("100-1000", Count, Range, n(100.0), n(1000.0))],
    );
    check("5 pounds", &[("5 pounds", Measure, Exact, n(5.0), n(5.0))]);
    check(
        "5 pounds sterling",
        &[("5 pounds sterling", Money, Exact, n(5.0), n(5.0))],
    );
}

/// Forms met in the Reuters half of the news corpus.
#[test]
fn newswire_forms() {
    exact("7-7/8 pct", Percent, Exact, n(7.875), n(7.875));
    exact("12-1/2 cts", Money, Exact, n(12.5), n(12.5));
    exact("3/4 pct", Percent, Exact, n(0.75), n(0.75));
    count("1/2", 0.5);
    exact("1.2 mln dlrs", Money, Exact, n(1.2e6), n(1.2e6));
    exact("500 mln stg", Money, Exact, n(5e8), n(5e8));
    exact("12 pct", Percent, Exact, n(12.0), n(12.0));
    exact("1986/87", Year, Range, n(1986.0), n(1987.0));
    exact("1986/1987", Year, Range, n(1986.0), n(1987.0));
    exact("1500 hrs", Time, Exact, n(1500.0), n(1500.0));
    exact("2100 gmt", Time, Exact, n(2100.0), n(2100.0));
    exact("13:04 GMT", Time, Exact, n(1304.0), n(1304.0));
    exact("0936", Time, Exact, n(936.0), n(936.0));
    check(
        "the 1986 year",
        &[("1986 year", Year, Exact, n(1986.0), n(1986.0))],
    );
    check(
        "1986 years ago",
        &[("1986 years", Duration, Exact, n(1986.0), n(1986.0))],
    );
    check(
        "the estimated 1987 crop",
        &[("1987", Year, Exact, n(1987.0), n(1987.0))],
    );
    check(
        "about 1989",
        &[("about 1989", Year, Approx, n(1989.0), n(1989.0))],
    );
    check(
        "a few hundred thousand bags",
        &[(
            "a few hundred thousand",
            Count,
            Vague,
            n(200_000.0),
            n(500_000.0),
        )],
    );
    // a unit never sits on the next line
    check(
        "Sales 1.32 billion\nYear net",
        &[("1.32 billion", Count, Exact, n(1.32e9), n(1.32e9))],
    );
    check(
        "2020 marks the end",
        &[("2020", Year, Exact, n(2020.0), n(2020.0))],
    );
    check("24/7", &[("24/7", Identifier, Exact, None, None)]);
}

#[test]
fn year_or_count_before_a_verb() {
    check(
        "2020 marks the end",
        &[("2020", Year, Exact, n(2020.0), n(2020.0))],
    );
    check(
        "Officials said. 2021 sees a rise",
        &[("2021", Year, Exact, n(2021.0), n(2021.0))],
    );
    check(
        "sent 2000 troops the next day",
        &[("2000", Count, Exact, n(2000.0), n(2000.0))],
    );
}
