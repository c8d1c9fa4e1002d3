//! Unit tests: each small nom parser alone, then `mention`.

use super::grammar::*;
use super::{Kind, Qualifier};

/// Run a parser and return (consumed text, output).
fn run<'a, T>(p: impl Fn(&'a str) -> PResult<'a, T>, i: &'a str) -> Option<(&'a str, T)> {
    p(i).ok().map(|(rest, v)| (consumed(i, rest), v))
}

fn value_of<'a>(p: impl Fn(&'a str) -> PResult<'a, Num>, i: &'a str) -> Option<(&'a str, f64)> {
    run(p, i).map(|(s, n)| (s, n.value))
}

// ------------------------------------------------------------ lexical

#[test]
fn tag_ci_is_ascii_case_insensitive_and_never_panics() {
    assert_eq!(
        run(tag_ci("percent"), "PerCent!"),
        Some(("PerCent", "PerCent"))
    );
    assert_eq!(run(tag_ci("k"), "\u{212a}m"), None); // Kelvin sign is not `k`
    assert_eq!(run(tag_ci("ab"), "a"), None);
    assert_eq!(run(tag_ci("ab"), "a\u{e9}"), None);
    assert_eq!(run(tag_ci("ab"), ""), None);
}

#[test]
fn word_ci_needs_a_boundary() {
    assert_eq!(run(word_ci("ten"), "ten people"), Some(("ten", "ten")));
    assert_eq!(run(word_ci("ten"), "tenfold"), None);
    assert_eq!(run(word_ci("six"), "sixth"), None);
    assert_eq!(run(word_ci("one"), "one\u{e9}"), None);
    assert_eq!(run(word_ci("one"), "one-sided"), Some(("one", "one")));
}

#[test]
fn sp_is_bounded() {
    assert_eq!(run(sp, " x"), Some((" ", " ")));
    assert_eq!(run(sp, "\u{a0}x").map(|x| x.0), Some("\u{a0}"));
    assert_eq!(run(sp, "x"), None);
    assert_eq!(run(sp, "        x").map(|x| x.0.len()), Some(4));
    assert_eq!(run(sp, "\n\nx").map(|x| x.0), Some("\n"));
}

#[test]
fn phrase_matches_words_with_any_spacing() {
    assert!(run(phrase("more than"), "More than 5").is_some());
    assert!(run(phrase("more than"), "more thanks").is_none());
    assert!(run(phrase("per cent"), "per\ncent").is_some());
}

// ------------------------------------------------------------ digits

#[test]
fn digits_plain_grouped_decimal() {
    assert_eq!(value_of(digit_number, "7 people"), Some(("7", 7.0)));
    assert_eq!(
        value_of(digit_number, "1,007-kilometer"),
        Some(("1,007", 1007.0))
    );
    assert_eq!(
        value_of(digit_number, "6,500 people"),
        Some(("6,500", 6500.0))
    );
    assert_eq!(value_of(digit_number, "1,200"), Some(("1,200", 1200.0)));
    assert_eq!(
        value_of(digit_number, "1,200,300"),
        Some(("1,200,300", 1_200_300.0))
    );
    assert_eq!(value_of(digit_number, "2.5"), Some(("2.5", 2.5)));
    assert_eq!(
        value_of(digit_number, "1 000 people"),
        Some(("1 000", 1000.0))
    );
    assert_eq!(
        value_of(digit_number, "10\u{a0}000"),
        Some(("10\u{a0}000", 10_000.0))
    );
}

#[test]
fn digits_reject_bad_groups() {
    assert_eq!(value_of(digit_number, "1,20"), Some(("1", 1.0)));
    assert_eq!(value_of(digit_number, "1,2000"), Some(("1", 1.0)));
    assert_eq!(value_of(digit_number, "2020 300"), Some(("2020", 2020.0)));
    assert_eq!(value_of(digit_number, "1 0000"), Some(("1", 1.0)));
    assert_eq!(value_of(digit_number, "6,500."), Some(("6,500", 6500.0)));
    // `17.11.2021`: the decimal is not read (a date or version follows)
    assert_eq!(value_of(digit_number, "17.11.2021"), Some(("17", 17.0)));
}

#[test]
fn digits_plain_count_for_years() {
    assert_eq!(run(digit_number, "2020").map(|x| x.1.plain), Some(4));
    assert_eq!(run(digit_number, "2,020").map(|x| x.1.plain), Some(0));
    assert_eq!(run(digit_number, "2020.5").map(|x| x.1.plain), Some(0));
}

#[test]
fn digits_overlong_is_flagged_and_consumed() {
    let long = "1".repeat(19);
    let (s, n) = run(digit_number, &long).unwrap();
    assert_eq!(s.len(), 19);
    assert!(n.overlong);
    let ok = "9".repeat(18);
    assert!(!run(digit_number, &ok).unwrap().1.overlong);
    let huge = "7".repeat(100_000);
    assert_eq!(run(digit_number, &huge).unwrap().0.len(), 100_000);
}

#[test]
fn digits_with_scale() {
    assert_eq!(
        value_of(digit_scaled, "1.2 million"),
        Some(("1.2 million", 1_200_000.0))
    );
    assert_eq!(
        value_of(digit_scaled, "3.5bn"),
        Some(("3.5bn", 3_500_000_000.0))
    );
    assert_eq!(value_of(digit_scaled, "10k"), Some(("10k", 10_000.0)));
    assert_eq!(
        value_of(digit_scaled, "1.5 billion"),
        Some(("1.5 billion", 1.5e9))
    );
    assert_eq!(
        value_of(digit_scaled, "2 thousand"),
        Some(("2 thousand", 2000.0))
    );
    assert_eq!(value_of(digit_scaled, "2 thousands"), Some(("2", 2.0)));
    assert_eq!(value_of(digit_scaled, "2m"), Some(("2", 2.0))); // `m` is read only with money
    assert_eq!(
        value_of(digit_scaled, "0.1 million"),
        Some(("0.1 million", 100_000.0))
    );
}

// ------------------------------------------------------------ words

#[test]
fn words_cardinals() {
    let cases: &[(&str, &str, f64)] = &[
        ("seven soldiers", "seven", 7.0),
        ("Seven", "Seven", 7.0),
        ("twenty-one", "twenty-one", 21.0),
        ("twenty one", "twenty one", 21.0),
        ("one hundred and five", "one hundred and five", 105.0),
        ("one hundred five", "one hundred five", 105.0),
        ("a hundred people", "a hundred", 100.0),
        ("two thousand", "two thousand", 2000.0),
        ("a thousand", "a thousand", 1000.0),
        (
            "one million two hundred thousand",
            "one million two hundred thousand",
            1_200_000.0,
        ),
        (
            "two million three hundred thousand and seven",
            "two million three hundred thousand and seven",
            2_300_007.0,
        ),
        ("nineteen hundred", "nineteen hundred", 1900.0),
        ("a dozen", "a dozen", 12.0),
        ("half a dozen", "half a dozen", 6.0),
        ("two dozen", "two dozen", 24.0),
        ("zero", "zero", 0.0),
        (
            "nine hundred and ninety-nine billion",
            "nine hundred and ninety-nine billion",
            999e9,
        ),
    ];
    for &(input, span, v) in cases {
        assert_eq!(value_of(word_number, input), Some((span, v)), "{input}");
    }
}

#[test]
fn words_stop_where_the_number_ends() {
    assert_eq!(value_of(word_number, "one one"), Some(("one", 1.0)));
    assert_eq!(
        value_of(word_number, "twenty twenty"),
        Some(("twenty", 20.0))
    );
    assert_eq!(
        value_of(word_number, "one hundred and then"),
        Some(("one hundred", 100.0))
    );
    assert_eq!(value_of(word_number, "one-sided"), Some(("one", 1.0)));
    assert_eq!(value_of(word_number, "thousand million"), None);
    assert_eq!(
        value_of(word_number, "two thousand million"),
        Some(("two thousand", 2000.0))
    );
}

#[test]
fn words_a_alone_is_never_a_number() {
    assert!(run(word_number, "a").is_none());
    assert!(run(word_number, "an").is_none());
    assert!(run(word_number, "a man").is_none());
    assert!(run(word_number, "another").is_none());
    assert!(run(word_number, "hundred").is_none());
}

#[test]
fn words_boundaries() {
    assert!(run(word_number, "tenfold").is_none());
    assert!(run(word_number, "often").is_none());
    assert!(run(word_number, "someone").is_none());
    assert!(run(word_number, "sixth").is_some_and(|(_, n)| n.ordinal));
}

#[test]
fn words_ordinals() {
    for (input, v) in [
        ("first", 1.0),
        ("second", 2.0),
        ("third", 3.0),
        ("tenth", 10.0),
        ("twentieth", 20.0),
        ("twenty-first", 21.0),
        ("hundredth", 100.0),
        ("one hundredth", 100.0),
    ] {
        let (s, n) = run(word_number, input).unwrap();
        assert_eq!((s, n.value, n.ordinal), (input, v, true), "{input}");
    }
}

#[test]
fn words_without_and() {
    assert_eq!(
        run(|i| word_number_opts(i, false), "one hundred and five").map(|x| x.0),
        Some("one hundred")
    );
}

#[test]
fn words_remember_their_scale() {
    let (_, n) = run(word_number, "three million").unwrap();
    assert_eq!((n.base, n.scale), (3.0, 1e6));
}

#[test]
fn number_takes_digits_or_words() {
    assert_eq!(value_of(number, "42"), Some(("42", 42.0)));
    assert_eq!(value_of(number, "forty-two"), Some(("forty-two", 42.0)));
    assert_eq!(value_of(number, "people"), None);
}

// ------------------------------------------------------------ vague, qualifiers

#[test]
fn vague_amounts() {
    let cases: &[(&str, &str, f64, f64)] = &[
        ("several", "several", 3.0, 9.0),
        ("a few", "a few", 2.0, 5.0),
        ("few", "few", 2.0, 5.0),
        ("a handful of", "a handful", 2.0, 6.0),
        ("a couple of", "a couple", 2.0, 3.0),
        ("dozens of", "dozens", 24.0, 120.0),
        ("scores of", "scores", 40.0, 200.0),
        ("hundreds", "hundreds", 200.0, 999.0),
        ("thousands of", "thousands", 2000.0, 9999.0),
        ("tens of thousands", "tens of thousands", 20_000.0, 99_999.0),
        (
            "hundreds of thousands",
            "hundreds of thousands",
            200_000.0,
            999_999.0,
        ),
        ("millions", "millions", 2e6, 9.99e8),
        ("several hundred", "several hundred", 300.0, 900.0),
        ("a few thousand", "a few thousand", 2000.0, 5000.0),
    ];
    for &(input, span, lo, hi) in cases {
        assert_eq!(run(vague, input), Some((span, (lo, hi))), "{input}");
    }
    assert_eq!(run(vague, "scores"), None); // test scores, not `scores of`
    assert_eq!(run(vague, "fewer"), None);
    assert_eq!(run(vague, "severally"), None);
}

#[test]
fn qualifiers() {
    use Qualifier::*;
    let cases: &[(&str, &str, Qualifier)] = &[
        ("at least 5", "at least", AtLeast),
        ("no fewer than 5", "no fewer than", AtLeast),
        ("no less than", "no less than", AtLeast),
        ("a minimum of", "a minimum of", AtLeast),
        ("more than", "more than", MoreThan),
        ("over", "over", MoreThan),
        ("upwards of", "upwards of", MoreThan),
        ("in excess of", "in excess of", MoreThan),
        ("above", "above", MoreThan),
        ("nearly", "nearly", Approx),
        ("almost", "almost", Approx),
        ("close to", "close to", Approx),
        ("about", "about", Approx),
        ("around", "around", Approx),
        ("approximately", "approximately", Approx),
        ("roughly", "roughly", Approx),
        ("some", "some", Approx),
        ("an estimated", "an estimated", Approx),
        ("estimated", "estimated", Approx),
        ("circa", "circa", Approx),
        ("~5", "~", Approx),
        ("up to", "up to", AtMost),
        ("as many as", "as many as", AtMost),
        ("at most", "at most", AtMost),
        ("no more than", "no more than", AtMost),
        ("a maximum of", "a maximum of", AtMost),
        ("fewer than", "fewer than", LessThan),
        ("less than", "less than", LessThan),
        ("under", "under", LessThan),
        ("below", "below", LessThan),
    ];
    for &(input, span, q) in cases {
        assert_eq!(
            run(qualifier, input).map(|(s, (q, _))| (s, q)),
            Some((span, q)),
            "{input}"
        );
    }
    assert!(run(qualifier, "overall").is_none());
    assert!(run(qualifier, "more").is_none());
    assert!(run(qualifier, "at").is_none());
}

// ------------------------------------------------------------ amounts, units

#[test]
fn amounts_and_ranges() {
    use Qualifier::*;
    let cases: &[(&str, &str, f64, f64, Qualifier)] = &[
        ("10-15", "10-15", 10.0, 15.0, Range),
        ("10\u{2013}15", "10\u{2013}15", 10.0, 15.0, Range),
        ("10 to 15", "10 to 15", 10.0, 15.0, Range),
        ("between 10 and 15", "between 10 and 15", 10.0, 15.0, Range),
        ("from 10 to 15", "from 10 to 15", 10.0, 15.0, Range),
        ("10 or 11", "10 or 11", 10.0, 11.0, Range),
        ("two or three", "two or three", 2.0, 3.0, Range),
        (
            "two to three million",
            "two to three million",
            2e6,
            3e6,
            Range,
        ),
        ("1.5 to 2 million", "1.5 to 2 million", 1.5e6, 2e6, Range),
        ("15 to 10", "15", 15.0, 15.0, Exact),
        ("10 or eleven", "10", 10.0, 10.0, Exact),
        ("dozens", "dozens", 24.0, 120.0, Vague),
        (
            "between one hundred and two hundred",
            "between one hundred and two hundred",
            100.0,
            200.0,
            Range,
        ),
    ];
    for &(input, span, lo, hi, q) in cases {
        assert_eq!(
            run(amount, input).map(|(s, a)| (s, a.low, a.high, a.qual)),
            Some((span, lo, hi, q)),
            "{input}"
        );
    }
}

#[test]
fn percent_money_and_units() {
    assert_eq!(run(percent_suffix, "%").map(|x| x.0), Some("%"));
    assert_eq!(
        run(percent_suffix, " percent").map(|x| x.0),
        Some(" percent")
    );
    assert_eq!(
        run(percent_suffix, " per cent").map(|x| x.0),
        Some(" per cent")
    );
    assert_eq!(run(percent_suffix, " percentage"), None);
    assert_eq!(run(money_suffix, " $").map(|x| x.0), Some(" $"));
    assert_eq!(run(money_suffix, " euros").map(|x| x.0), Some(" euros"));
    assert_eq!(
        run(money_suffix, " pounds sterling").map(|x| x.0),
        Some(" pounds sterling")
    );
    assert_eq!(run(money_suffix, " people"), None);
    for p in ["$", "US$", "\u{20ac}", "\u{a3}", "Rs", "Rs.", "USD"] {
        assert_eq!(run(currency_prefix, p).map(|x| x.0), Some(p));
    }
    assert_eq!(run(currency_prefix, "Rsx"), None);
    assert_eq!(run(hyphen_unit, "-day war"), Some(("-day", Kind::Duration)));
    assert_eq!(
        run(hyphen_unit, "-year-old"),
        Some(("-year-old", Kind::Measure))
    );
    assert_eq!(
        run(hyphen_unit, "-year-long"),
        Some(("-year-long", Kind::Duration))
    );
    assert_eq!(
        run(hyphen_unit, "-kilometer"),
        Some(("-kilometer", Kind::Measure))
    );
    assert_eq!(run(hyphen_unit, "-sided"), None);
    assert_eq!(run(spaced_unit, " years"), Some((" years", Kind::Duration)));
    assert_eq!(
        run(spaced_unit, " years old"),
        Some((" years old", Kind::Measure))
    );
    assert_eq!(run(spaced_unit, " km"), Some((" km", Kind::Measure)));
    assert_eq!(run(spaced_unit, " people"), None);
    assert_eq!(run(attached_unit, "mm"), Some(("mm", Kind::Measure)));
    assert_eq!(run(attached_unit, "mmx"), None);
}

// ------------------------------------------------------------ dates, times, others

#[test]
fn times() {
    assert_eq!(run(time, "13:04"), Some(("13:04", 1304.0)));
    assert_eq!(run(time, "10:21 AM"), Some(("10:21 AM", 1021.0)));
    assert_eq!(run(time, "6 p.m."), Some(("6 p.m.", 1800.0)));
    assert_eq!(run(time, "6pm"), Some(("6pm", 1800.0)));
    assert_eq!(run(time, "12 am"), Some(("12 am", 0.0)));
    assert_eq!(run(time, "13 pm"), None);
    assert_eq!(run(time, "25:00"), None);
    assert_eq!(run(time, "3:1"), None);
    assert_eq!(run(time, "6 amputees"), None);
}

#[test]
fn numeric_dates() {
    assert_eq!(
        run(date_numeric, "2021-11-17"),
        Some(("2021-11-17", 20211117.0))
    );
    assert_eq!(
        run(date_numeric, "17.11.2021"),
        Some(("17.11.2021", 20211117.0))
    );
    assert_eq!(
        run(date_numeric, "11/17/2021"),
        Some(("11/17/2021", 20211117.0))
    );
    assert_eq!(
        run(date_numeric, "17/11/2021"),
        Some(("17/11/2021", 20211117.0))
    );
    assert_eq!(run(date_numeric, "2021-13-17"), None);
    assert_eq!(run(date_numeric, "17.11.2021_IMR"), None);
}

#[test]
fn word_dates() {
    assert_eq!(run(month_name, "Nov. 17"), Some(("Nov.", 11)));
    assert_eq!(run(month_name, "may"), None); // the verb
    assert_eq!(
        run(date_month_first, "November 17th was"),
        Some(("November 17th", (1117.0, 1117.0)))
    );
    assert_eq!(
        run(date_month_first, "Nov. 17"),
        Some(("Nov. 17", (1117.0, 1117.0)))
    );
    assert_eq!(
        run(date_month_first, "September 27, 2020,"),
        Some(("September 27, 2020", (20200927.0, 20200927.0)))
    );
    assert_eq!(
        run(date_month_first, "November 2020"),
        Some(("November 2020", (20201100.0, 20201100.0)))
    );
    assert_eq!(
        run(date_month_first, "November 15th and 16th,"),
        Some(("November 15th and 16th", (1115.0, 1116.0)))
    );
    assert_eq!(
        run(date_month_first, "November 15 and 16 people"),
        Some(("November 15", (1115.0, 1115.0)))
    );
    assert_eq!(run(date_month_first, "November last year"), None);
    assert_eq!(
        run(date_day_first, "17 November 2021"),
        Some(("17 November 2021", 20211117.0))
    );
    assert_eq!(
        run(date_day_first, "17th of November"),
        Some(("17th of November", 1117.0))
    );
    assert_eq!(run(date_day_first, "12 of its soldiers"), None);
    assert_eq!(
        run(weekday_date, "Tuesday, November 16, 2021"),
        Some(("Tuesday, November 16, 2021", (20211116.0, 20211116.0)))
    );
    assert_eq!(run(weekday_date, "Tuesday evening"), None);
}

#[test]
fn other_kinds() {
    assert_eq!(run(phone, "555-1234").map(|x| x.0), Some("555-1234"));
    assert_eq!(run(phone, "100-1000"), None);
    assert_eq!(run(ordinal_digits, "17th"), Some(("17th", 17.0)));
    assert_eq!(run(ordinal_digits, "17thx"), None);
    assert_eq!(
        run(decade, "1990s"),
        Some(("1990s", (Kind::Year, 1990.0, 1999.0)))
    );
    assert_eq!(run(decade, "1995s"), None);
    assert_eq!(
        run(year_range_short, "2014-15"),
        Some(("2014-15", (2014.0, 2015.0)))
    );
    assert_eq!(run(year_range_short, "2014-13"), None);
    assert_eq!(run(number_sign, "No. 5").map(|x| x.0), Some("No. 5"));
    assert_eq!(run(zero, "no one").map(|x| x.0), Some("no one"));
    assert_eq!(run(zero, "no-one").map(|x| x.0), Some("no-one"));
    assert_eq!(run(zero, "nobody").map(|x| x.0), Some("nobody"));
    assert_eq!(run(zero, "none").map(|x| x.0), Some("none"));
    assert_eq!(run(zero, "no casualties").map(|x| x.0), Some("no"));
    assert_eq!(run(zero, "no longer"), None);
    assert_eq!(run(zero, "no more"), None);
    assert_eq!(run(zero, "no."), None);
}

// ------------------------------------------------------------ mention

type Mention<'a> = (&'a str, Kind, Qualifier, Option<f64>, Option<f64>);

fn m(i: &str) -> Option<Mention<'_>> {
    mention(i, Ctx::default()).map(|h| {
        (
            i.get(..h.len).unwrap_or("?"),
            h.kind,
            h.qualifier,
            h.low,
            h.high,
        )
    })
}

#[test]
fn mention_takes_the_longest_reading() {
    use Kind::*;
    use Qualifier::*;
    assert_eq!(
        m("more than 6,500 people"),
        Some(("more than 6,500", Count, MoreThan, Some(6500.0), None))
    );
    assert_eq!(
        m("about 25% accurate"),
        Some(("about 25%", Percent, Approx, Some(25.0), Some(25.0)))
    );
    assert_eq!(
        m("nearly 30-year-long"),
        Some((
            "nearly 30-year-long",
            Duration,
            Approx,
            Some(30.0),
            Some(30.0)
        ))
    );
    assert_eq!(
        m("more than a dozen"),
        Some(("more than a dozen", Count, MoreThan, Some(12.0), None))
    );
    assert_eq!(
        m("about 10 to 15"),
        Some(("about 10 to 15", Count, Range, Some(10.0), Some(15.0)))
    );
    assert_eq!(
        m("up to 5"),
        Some(("up to 5", Count, AtMost, Some(0.0), Some(5.0)))
    );
    assert_eq!(
        m("2021-11-17 WORLD"),
        Some((
            "2021-11-17",
            Date,
            Exact,
            Some(20211117.0),
            Some(20211117.0)
        ))
    );
    assert_eq!(m("some people"), None);
    assert_eq!(m("over the"), None);
    assert_eq!(m("about first"), None);
}

#[test]
fn mention_years_by_what_follows() {
    use Kind::*;
    assert_eq!(m("2020 war").map(|x| x.1), Some(Year));
    assert_eq!(m("2000 troops").map(|x| x.1), Some(Count));
    assert_eq!(m("2000 Russian troops").map(|x| x.1), Some(Count));
    assert_eq!(m("2020 was").map(|x| x.1), Some(Year));
    assert_eq!(m("2020 elections").map(|x| x.1), Some(Year));
    assert_eq!(
        mention(
            "2000 troops",
            Ctx {
                year_prep: true,
                ..Ctx::default()
            }
        )
        .map(|h| h.kind),
        Some(Year)
    );
    assert_eq!(m("1500 people").map(|x| x.1), Some(Count));
    assert_eq!(
        m("2014-2015").map(|x| (x.1, x.2)),
        Some((Year, Qualifier::Range))
    );
}

#[test]
fn dates_stay_on_one_line() {
    use Kind::*;
    // a headline's figure, then a dateline: not the date 12 March
    assert_eq!(
        m("12\nMarch 3, 2024").map(|x| (x.0, x.1)),
        Some(("12", Count))
    );
    assert_eq!(m("March\n12").map(|x| x.1), None);
    assert_eq!(
        m("12 March 2024").map(|x| (x.0, x.1)),
        Some(("12 March 2024", Date))
    );
    assert_eq!(
        m("March 12,\n2024").map(|x| (x.0, x.1)),
        Some(("March 12", Date))
    );
}
