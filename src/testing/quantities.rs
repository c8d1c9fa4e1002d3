//! Quantity phrases and the sentences around them: the quantities and
//! not-counts sets, and the figures of the claims set.
//!
//! The expected readings follow `docs/numbers.md`, the grammar's
//! specification, and are computed here from the value and the form —
//! never by asking the scanner — so that a disagreement is a finding.

use super::choices::{Choices, between, chance, pick, weighted};
use super::english::{self, Style, capitalised, grouped, ordinal_digits, ordinal_words, words};
use super::generate::{Form, QuantityCase, Reading};
use crate::number::{Kind, Qualifier};

/// A quantity phrase and its reading.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Phrase {
    pub(crate) text: String,
    pub(crate) reading: Reading,
    /// A vague plural that takes `of` before a noun: `dozens of people`.
    pub(crate) of: bool,
}

impl Phrase {
    fn new(text: String, kind: Kind, low: f64, high: f64, qualifier: Qualifier) -> Phrase {
        Phrase {
            text,
            reading: Reading::new(kind, Some(low), Some(high), qualifier),
            of: false,
        }
    }

    fn exact(text: String, kind: Kind, v: f64) -> Phrase {
        Phrase::new(text, kind, v, v, Qualifier::Exact)
    }

    fn none(text: &str, kind: Kind) -> Phrase {
        Phrase {
            text: text.to_string(),
            reading: Reading::new(kind, None, None, Qualifier::Exact),
            of: false,
        }
    }
}

/// Integers 0..10¹², weighted towards few digits; shrink towards 0.
pub(crate) fn value(c: &mut dyn Choices) -> u64 {
    let digits = weighted(
        c,
        &[
            (4, 1u32),
            (4, 2),
            (4, 3),
            (3, 4),
            (2, 5),
            (2, 6),
            (1, 7),
            (1, 8),
            (1, 9),
            (1, 10),
            (1, 11),
            (1, 12),
        ],
    );
    c.below(10u64.pow(digits))
}

/// An integer of exactly `digits` digits (the first not 0).
fn with_digits(c: &mut dyn Choices, digits: u32) -> u64 {
    let lo = 10u64.pow(digits.saturating_sub(1));
    between(c, lo, 10u64.pow(digits) - 1)
}

fn style(c: &mut dyn Choices) -> Style {
    Style {
        and: chance(c, 50),
        hyphen: chance(c, 70),
        article: chance(c, 30),
    }
}

fn float(v: u64) -> f64 {
    // exact below 2⁵³, which every generated value is
    v as f64
}

// ---------------------------------------------------------------- counts

fn digits(c: &mut dyn Choices) -> Phrase {
    let n = value(c);
    Phrase::exact(n.to_string(), Kind::Count, float(n))
}

fn separators(c: &mut dyn Choices) -> Phrase {
    let d = between(c, 4, 12);
    let n = with_digits(c, u32::try_from(d).unwrap_or(4));
    let sep = weighted(
        c,
        &[(8, ","), (3, " "), (1, "\u{a0}"), (1, "\u{2009}"), (0, "")],
    );
    Phrase::exact(grouped(n, sep), Kind::Count, float(n))
}

/// `a dozen`, `half a dozen`, `two dozen`.
fn dozens(c: &mut dyn Choices) -> Phrase {
    match c.below(3) {
        0 => Phrase::exact("a dozen".into(), Kind::Count, 12.0),
        1 => Phrase::exact("half a dozen".into(), Kind::Count, 6.0),
        _ => {
            let k = between(c, 2, 10);
            Phrase::exact(
                format!("{} dozen", words(k, Style::default())),
                Kind::Count,
                float(k * 12),
            )
        }
    }
}

fn in_words(c: &mut dyn Choices) -> Phrase {
    if chance(c, 10) {
        return dozens(c);
    }
    let n = value(c);
    let s = style(c);
    Phrase::exact(words(n, s), Kind::Count, float(n))
}

/// `1.2 million`, `5 thousand`, `3.5bn`, `10k`, `2.5mn`, `1.2 mln`.
fn mixed(c: &mut dyn Choices) -> Phrase {
    const SCALES: [(&str, u64, bool); 8] = [
        (" million", 1_000_000, true),
        (" thousand", 1_000, true),
        (" billion", 1_000_000_000, true),
        ("bn", 1_000_000_000, false),
        ("k", 1_000, false),
        ("mn", 1_000_000, false),
        (" mln", 1_000_000, false),
        (" bln", 1_000_000_000, false),
    ];
    let (word, scale, _) = weighted(
        c,
        &[
            (5, SCALES[0]),
            (3, SCALES[1]),
            (3, SCALES[2]),
            (2, SCALES[3]),
            (2, SCALES[4]),
            (1, SCALES[5]),
            (1, SCALES[6]),
            (0, SCALES[7]),
        ],
    );
    let whole = between(c, 1, 999);
    let decimals = weighted(c, &[(3, 0u32), (3, 1), (1, 2)]);
    let frac = c.below(10u64.pow(decimals));
    let text = if decimals == 0 {
        format!("{whole}{word}")
    } else {
        format!("{whole}.{frac:0width$}{word}", width = decimals as usize)
    };
    let mantissa = whole * 10u64.pow(decimals) + frac;
    let v = mantissa * scale / 10u64.pow(decimals);
    Phrase::exact(text, Kind::Count, float(v))
}

/// (text, low, high, takes `of` before a noun)
const VAGUE: [(&str, f64, f64, bool); 21] = [
    ("dozens", 24.0, 120.0, true),
    ("several", 3.0, 9.0, false),
    ("a few", 2.0, 5.0, false),
    ("hundreds", 200.0, 999.0, true),
    ("thousands", 2000.0, 9999.0, true),
    ("scores", 40.0, 200.0, true),
    ("a handful", 2.0, 6.0, true),
    ("a couple", 2.0, 3.0, true),
    ("few", 2.0, 5.0, false),
    ("tens of thousands", 20_000.0, 99_999.0, true),
    ("hundreds of thousands", 200_000.0, 999_999.0, true),
    ("millions", 2e6, 9.99e8, true),
    ("tens of millions", 2e7, 99_999_999.0, true),
    ("hundreds of millions", 2e8, 999_999_999.0, true),
    ("several hundred", 300.0, 900.0, false),
    ("a few hundred", 200.0, 500.0, false),
    ("several thousand", 3000.0, 9000.0, false),
    ("a few thousand", 2000.0, 5000.0, false),
    ("several dozen", 36.0, 108.0, false),
    ("a couple hundred", 200.0, 300.0, false),
    ("a few hundred thousand", 200_000.0, 500_000.0, false),
];

fn vague(c: &mut dyn Choices) -> Phrase {
    let (text, lo, hi, of) = pick(c, &VAGUE);
    Phrase {
        of,
        ..Phrase::new(text.into(), Kind::Count, lo, hi, Qualifier::Vague)
    }
}

/// A count written any plain way (digits, separators, words, mixed).
pub(crate) fn plain_count(c: &mut dyn Choices) -> Phrase {
    match weighted(c, &[(3, 0), (2, 1), (3, 2), (1, 3)]) {
        0 => digits(c),
        1 => separators(c),
        2 => in_words(c),
        _ => mixed(c),
    }
}

const QUALIFIERS: [(&str, Qualifier); 30] = [
    ("at least", Qualifier::AtLeast),
    ("more than", Qualifier::MoreThan),
    ("nearly", Qualifier::Approx),
    ("up to", Qualifier::AtMost),
    ("about", Qualifier::Approx),
    ("fewer than", Qualifier::LessThan),
    ("no fewer than", Qualifier::AtLeast),
    ("no less than", Qualifier::AtLeast),
    ("a minimum of", Qualifier::AtLeast),
    ("over", Qualifier::MoreThan),
    ("upwards of", Qualifier::MoreThan),
    ("in excess of", Qualifier::MoreThan),
    ("above", Qualifier::MoreThan),
    ("almost", Qualifier::Approx),
    ("close to", Qualifier::Approx),
    ("around", Qualifier::Approx),
    ("approximately", Qualifier::Approx),
    ("roughly", Qualifier::Approx),
    ("some", Qualifier::Approx),
    ("an estimated", Qualifier::Approx),
    ("estimated", Qualifier::Approx),
    ("circa", Qualifier::Approx),
    ("~", Qualifier::Approx),
    ("as many as", Qualifier::AtMost),
    ("at most", Qualifier::AtMost),
    ("no more than", Qualifier::AtMost),
    ("a maximum of", Qualifier::AtMost),
    ("less than", Qualifier::LessThan),
    ("under", Qualifier::LessThan),
    ("below", Qualifier::LessThan),
];

/// A qualifier before `base`, and the range it gives (`docs/numbers.md`,
/// Qualifiers): `at least N` = N…, `up to N` = 0…N, `about N` = N…N.
fn qualify(c: &mut dyn Choices, base: Phrase) -> Phrase {
    // the six of the issue first, then the rest
    let weights: Vec<(u64, usize)> = (0..QUALIFIERS.len())
        .map(|i| (if i < 6 { 6 } else { 2 }, i))
        .collect();
    let (q, qualifier) = QUALIFIERS
        .get(weighted(c, &weights))
        .copied()
        .unwrap_or(("at least", Qualifier::AtLeast));
    let v = base.reading.low.unwrap_or(0.0);
    let (low, high) = match qualifier {
        Qualifier::AtLeast | Qualifier::MoreThan => (Some(v), None),
        Qualifier::AtMost | Qualifier::LessThan => (Some(0.0), Some(v)),
        _ => (Some(v), Some(v)),
    };
    // `~` is glued to digits; words take a space
    let sep = if q == "~" { "" } else { " " };
    Phrase {
        text: format!("{q}{sep}{}", base.text),
        reading: Reading::new(base.reading.kind, low, high, qualifier),
        of: false,
    }
}

fn qualified(c: &mut dyn Choices) -> Phrase {
    let base = plain_count(c);
    qualify(c, base)
}

/// Would `between N and M` in words read N as scaled by M's scale word
/// (`between two and three million` = 2e6..3e6)? Such pairs are written
/// as a carried scale on purpose, or not at all.
fn scale_carries(low: u64, high: u64) -> bool {
    let scale = english::SCALES
        .iter()
        .map(|s| s.0)
        .find(|s| high.is_multiple_of(*s) && high >= *s);
    match scale {
        Some(s) => (low < 1000 || !low.is_multiple_of(1000)) && low < high / s,
        None => false,
    }
}

/// Two values, `low < high`.
fn pair(c: &mut dyn Choices) -> (u64, u64) {
    let a = value(c);
    let gap = 1 + value(c) % 10u64.pow(u32::try_from(a.to_string().len()).unwrap_or(1));
    (a, a.saturating_add(gap))
}

fn range(c: &mut dyn Choices) -> Phrase {
    let how = weighted(c, &[(4, 0), (2, 1), (3, 2), (1, 3)]);
    if how == 3 {
        // a scale carried from the second number: `two to three million`
        let a = between(c, 1, 98);
        let b = between(c, a + 1, 99);
        let (scale, name) = pick(c, &english::SCALES);
        let in_words = chance(c, 50);
        let w = |n| {
            if in_words {
                words(n, Style::default())
            } else {
                n.to_string()
            }
        };
        let text = match c.below(3) {
            0 => format!("{} to {} {name}", w(a), w(b)),
            1 => format!("between {} and {} {name}", w(a), w(b)),
            _ => format!("{} or {} {name}", w(a), w(b)),
        };
        return Phrase::new(
            text,
            Kind::Count,
            float(a * scale),
            float(b * scale),
            Qualifier::Range,
        );
    }
    let (lo, hi) = pair(c);
    let (l, h, is_digits, between_ok) = match how {
        0 => (lo.to_string(), hi.to_string(), true, true),
        1 => (grouped(lo, ","), grouped(hi, ","), true, true),
        _ => {
            let mut s = style(c);
            s.article = false;
            if scale_carries(lo, hi) {
                return Phrase::new(
                    format!("{} to {}", lo, hi),
                    Kind::Count,
                    float(lo),
                    float(hi),
                    Qualifier::Range,
                );
            }
            // `between one thousand and one hundred and one billion` is
            // ambiguous with British `and` inside the numbers
            (words(lo, s), words(hi, s), false, !s.and)
        }
    };
    // `555-1234` is a telephone number, not a range
    let phone = lo.to_string().len() == 3 && hi.to_string().len() == 4 && hi % 100 != 0;
    // `1800-1801` is a span of years, as news writes them
    let years = (1000..=2100).contains(&lo) && (1000..=2100).contains(&hi);
    let connector = weighted(c, &[(3, 0), (1, 1), (3, 2), (2, 3), (2, 4), (1, 5)]);
    let text = match connector {
        0 | 1 if is_digits && !(phone && how == 0) && !years => {
            format!("{l}{}{h}", if connector == 0 { "-" } else { "\u{2013}" })
        }
        3 => format!("from {l} to {h}"),
        4 if between_ok => format!("between {l} and {h}"),
        5 => format!("{l} or {h}"),
        _ => format!("{l} to {h}"),
    };
    Phrase::new(text, Kind::Count, float(lo), float(hi), Qualifier::Range)
}

/// `68%`, `68 percent`, `sixty-eight per cent`, `12.5%`, `about 25%`,
/// `10-15%`.
fn percent(c: &mut dyn Choices) -> Phrase {
    let kind = weighted(c, &[(4, 0), (2, 1), (2, 2), (1, 3)]);
    let (number, v, in_words) = match kind {
        0 => {
            let n = c.below(101);
            (n.to_string(), float(n), false)
        }
        1 => {
            let whole = c.below(100);
            let decimals = weighted(c, &[(3, 1u32), (1, 2)]);
            let frac = c.below(10u64.pow(decimals));
            let mantissa = whole * 10u64.pow(decimals) + frac;
            (
                format!("{whole}.{frac:0width$}", width = decimals as usize),
                float(mantissa) / float(10u64.pow(decimals)),
                false,
            )
        }
        2 => {
            let n = c.below(101);
            let mut s = style(c);
            s.article = false;
            (words(n, s), float(n), true)
        }
        _ => {
            let lo = c.below(99);
            let hi = between(c, lo + 1, 100);
            let sign = pick(c, &["%", " percent", " per cent"]);
            let text = match c.below(3) {
                0 => format!("{lo}-{hi}{sign}"),
                1 => format!("between {lo} and {hi}{sign}"),
                _ => format!("{lo} to {hi}{sign}"),
            };
            return Phrase::new(text, Kind::Percent, float(lo), float(hi), Qualifier::Range);
        }
    };
    let sign = if in_words {
        pick(c, &[" percent", " per cent"])
    } else {
        pick(c, &["%", " percent", " %", " per cent"])
    };
    let base = Phrase::exact(format!("{number}{sign}"), Kind::Percent, v);
    if chance(c, 25) {
        qualify(c, base)
    } else {
        base
    }
}

// ------------------------------------------------------------- sentences

/// Sentences around a count: (before, noun, after). The noun is a
/// lowercase plural, so a year-like number before it is a count.
const COUNT_FRAMES: [(&str, &str, &str); 6] = [
    ("Officials said ", "people", " attended the meeting."),
    ("", "people", " attended the meeting."),
    ("The survey counted ", "households", " in the district."),
    ("Organisers expected ", "visitors", " on the day."),
    ("There were ", "cars", " on the road."),
    ("The charity sent ", "blankets", " to the camp."),
];

/// Sentences around a percentage: (before, after).
const PERCENT_FRAMES: [(&str, &str); 4] = [
    ("Officials said ", " of the households took part."),
    ("", " of the vote went to the ruling party."),
    ("The survey found that ", " of residents were satisfied."),
    ("Turnout reached ", " in the capital."),
];

/// Place a phrase in a sentence: the case, with the mention's span.
fn place(form: Form, before: &str, phrase: &Phrase, after: &str) -> QuantityCase {
    let mention = if before.is_empty() {
        capitalised(&phrase.text)
    } else {
        phrase.text.clone()
    };
    let text = format!("{before}{mention}{after}");
    QuantityCase {
        form,
        start: before.len(),
        end: before.len() + mention.len(),
        text,
        expect: phrase.reading,
    }
}

fn in_count_frame(c: &mut dyn Choices, form: Form, phrase: &Phrase) -> QuantityCase {
    let (before, noun, after) = pick(c, &COUNT_FRAMES);
    let of = if phrase.of { " of" } else { "" };
    place(form, before, phrase, &format!("{of} {noun}{after}"))
}

fn zero(c: &mut dyn Choices) -> QuantityCase {
    let before = pick(c, &["Officials said ", ""]);
    let (word, after) = pick(
        c,
        &[
            ("no one", " attended the meeting."),
            ("nobody", " attended the meeting."),
            ("none", " of the guests came."),
            ("no", " cars were on the road."),
            ("no-one", " attended the meeting."),
        ],
    );
    let phrase = Phrase::exact(word.into(), Kind::Count, 0.0);
    place(Form::Zero, before, &phrase, after)
}

/// The quantity phrase of a count form (not [`Form::Zero`], which has no
/// noun after it, nor a look-alike).
pub(crate) fn count_phrase(c: &mut dyn Choices, form: Form) -> Phrase {
    match form {
        Form::Separators => separators(c),
        Form::Words => in_words(c),
        Form::Mixed => mixed(c),
        Form::Vague => vague(c),
        Form::Qualified => qualified(c),
        Form::Range => range(c),
        Form::Percent => percent(c),
        _ => digits(c),
    }
}

/// A case of the given form (a look-alike form gives a not-count case).
pub(crate) fn quantity_of(c: &mut dyn Choices, form: Form) -> QuantityCase {
    match form {
        Form::Zero => zero(c),
        Form::Percent => {
            let phrase = percent(c);
            let (before, after) = pick(c, &PERCENT_FRAMES);
            place(form, before, &phrase, after)
        }
        f if f.is_look_alike() => look_alike(c, f),
        f => {
            let phrase = count_phrase(c, f);
            in_count_frame(c, f, &phrase)
        }
    }
}

/// A case of the quantities set, any form.
pub(crate) fn quantity(c: &mut dyn Choices) -> QuantityCase {
    let form = weighted(
        c,
        &[
            (3, Form::Digits),
            (2, Form::Separators),
            (3, Form::Words),
            (2, Form::Mixed),
            (1, Form::Vague),
            (1, Form::Zero),
            (3, Form::Qualified),
            (3, Form::Range),
            (2, Form::Percent),
        ],
    );
    quantity_of(c, form)
}

/// A case of the not-counts set, any look-alike.
pub(crate) fn not_count(c: &mut dyn Choices) -> QuantityCase {
    let form = pick(c, &Form::NOT_COUNTS);
    look_alike(c, form)
}

// ------------------------------------------------------------ look-alikes

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const VICTIMS: [&str; 6] = [
    "Soldiers",
    "Civilians",
    "Residents",
    "Villagers",
    "Protesters",
    "Police officers",
];
const FATES: [&str; 5] = [
    "were killed",
    "were wounded",
    "died",
    "were injured",
    "were captured",
];

/// `Soldiers were killed`.
fn victims_fate(c: &mut dyn Choices) -> String {
    format!("{} {}", pick(c, &VICTIMS), pick(c, &FATES))
}

fn year(c: &mut dyn Choices) -> (Phrase, &'static str) {
    let y = between(c, 1800, 2100);
    match c.below(4) {
        0 => {
            let prep = pick(c, &["in", "since", "during", "after", "before", "until"]);
            (
                Phrase::exact(y.to_string(), Kind::Year, float(y)),
                match prep {
                    "since" => " since ",
                    "during" => " during ",
                    "after" => " after ",
                    "before" => " before ",
                    "until" => " until ",
                    _ => " in ",
                },
            )
        }
        1 => {
            let decade = y / 10 * 10;
            (
                Phrase::new(
                    format!("{decade}s"),
                    Kind::Year,
                    float(decade),
                    float(decade + 9),
                    Qualifier::Range,
                ),
                " in the ",
            )
        }
        2 => {
            let y = y.min(2099);
            let y2 = between(c, y + 1, 2100);
            (
                Phrase::new(
                    format!("{y}-{y2}"),
                    Kind::Year,
                    float(y),
                    float(y2),
                    Qualifier::Range,
                ),
                " in ",
            )
        }
        _ => (
            Phrase::exact(y.to_string(), Kind::Year, float(y)),
            " in mid-",
        ),
    }
}

fn date(c: &mut dyn Choices) -> (Phrase, &'static str) {
    let m = between(c, 1, 12);
    let month = MONTHS
        .get(usize::try_from(m - 1).unwrap_or(0))
        .copied()
        .unwrap_or("January");
    let d = between(c, 1, 28);
    let y = between(c, 1990, 2030);
    let md = float(m * 100 + d);
    let ymd = float(y * 10_000 + m * 100 + d);
    match c.below(8) {
        0 => (
            Phrase::exact(format!("{month} {d}"), Kind::Date, md),
            " on ",
        ),
        1 => (
            Phrase::exact(format!("{month} {}", ordinal_digits(d)), Kind::Date, md),
            " on ",
        ),
        2 => (
            Phrase::exact(format!("{d} {month} {y}"), Kind::Date, ymd),
            " on ",
        ),
        3 => (
            Phrase::exact(format!("{month} {d}, {y}"), Kind::Date, ymd),
            " on ",
        ),
        4 => (
            Phrase::exact(format!("{d:02}.{m:02}.{y}"), Kind::Date, ymd),
            " on ",
        ),
        5 => (
            Phrase::exact(format!("{y}-{m:02}-{d:02}"), Kind::Date, ymd),
            " on ",
        ),
        6 => {
            // month first, the day past 12 so that the order is not in doubt
            let d = between(c, 13, 28);
            (
                Phrase::exact(
                    format!("{m:02}/{d}/{y}"),
                    Kind::Date,
                    float(y * 10_000 + m * 100 + d),
                ),
                " on ",
            )
        }
        _ => (
            Phrase::exact(
                format!("{month} {y}"),
                Kind::Date,
                float(y * 10_000 + m * 100),
            ),
            " in ",
        ),
    }
}

fn time(c: &mut dyn Choices) -> Phrase {
    match c.below(3) {
        0 => {
            let (h, m) = (c.below(24), c.below(60));
            Phrase::exact(format!("{h}:{m:02}"), Kind::Time, float(h * 100 + m))
        }
        1 => {
            let (h, m) = (between(c, 1, 12), c.below(60));
            let pm = chance(c, 50);
            let mark = if pm {
                pick(c, &["PM", "p.m.", "pm"])
            } else {
                pick(c, &["AM", "a.m.", "am"])
            };
            let h24 = h % 12 + if pm { 12 } else { 0 };
            Phrase::exact(
                format!("{h}:{m:02} {mark}"),
                Kind::Time,
                float(h24 * 100 + m),
            )
        }
        _ => {
            let h = between(c, 1, 12);
            let pm = chance(c, 50);
            let (mark, glued) = if pm {
                pick(c, &[("p.m.", false), ("pm", true), ("PM", false)])
            } else {
                pick(c, &[("a.m.", false), ("am", true), ("AM", false)])
            };
            let h24 = h % 12 + if pm { 12 } else { 0 };
            let sep = if glued { "" } else { " " };
            Phrase::exact(format!("{h}{sep}{mark}"), Kind::Time, float(h24 * 100))
        }
    }
}

fn money(c: &mut dyn Choices) -> Phrase {
    let n = between(c, 1, 999_999);
    match c.below(6) {
        0 => Phrase::exact(format!("${}", grouped(n, ",")), Kind::Money, float(n)),
        1 => {
            let d = between(c, 1, 99);
            let sign = pick(c, &["€", "£", "$"]);
            Phrase::exact(format!("{sign}{d}m"), Kind::Money, float(d * 1_000_000))
        }
        2 => {
            let d = between(c, 1, 99);
            let sign = pick(c, &["€", "£", "$"]);
            let (word, scale) = pick(c, &[("million", 1_000_000), ("billion", 1_000_000_000)]);
            Phrase::exact(format!("{sign}{d} {word}"), Kind::Money, float(d * scale))
        }
        3 => {
            let d = between(c, 1, 99);
            Phrase::exact(format!("US${d}bn"), Kind::Money, float(d * 1_000_000_000))
        }
        4 => {
            let unit = pick(
                c,
                &["dollars", "euros", "rubles", "rupees", "pounds sterling"],
            );
            Phrase::exact(format!("{} {unit}", grouped(n, ",")), Kind::Money, float(n))
        }
        _ => Phrase::exact(format!("Rs {n}"), Kind::Money, float(n)),
    }
}

/// A measure and its sentence: (phrase, before, after).
fn measure(c: &mut dyn Choices) -> (Phrase, String, &'static str) {
    let n = between(c, 1, 9_999);
    match c.below(4) {
        0 => {
            let unit = pick(
                c,
                &["km", "miles", "kilometres", "metres", "meters", "feet"],
            );
            (
                Phrase::exact(
                    format!("{} {unit}", grouped(n, ",")),
                    Kind::Measure,
                    float(n),
                ),
                format!("{} ", victims_fate(c)),
                " from the border.",
            )
        }
        1 => {
            let unit = pick(c, &["kilometer", "kilometre", "mile"]);
            (
                Phrase::exact(
                    format!("{}-{unit}", grouped(n, ",")),
                    Kind::Measure,
                    float(n),
                ),
                format!("{} near the ", victims_fate(c)),
                " border.",
            )
        }
        2 => {
            let (whole, tenth) = (between(c, 1, 9), c.below(10));
            (
                Phrase::exact(
                    format!("{whole}.{tenth}m"),
                    Kind::Measure,
                    float(whole * 10 + tenth) / 10.0,
                ),
                format!("{} behind a ", victims_fate(c)),
                " wall.",
            )
        }
        _ => {
            let unit = pick(c, &["pound", "kg", "kilogram", "ton"]);
            (
                Phrase::exact(format!("{n}-{unit}"), Kind::Measure, float(n)),
                format!("{} by a ", victims_fate(c)),
                " bomb.",
            )
        }
    }
}

fn age(c: &mut dyn Choices) -> (Phrase, String, &'static str) {
    let n = between(c, 2, 99);
    let written = if chance(c, 25) {
        words(n, Style::default()).replace(' ', "-")
    } else {
        n.to_string()
    };
    match c.below(3) {
        0 => (
            Phrase::exact(format!("{written}-year-old"), Kind::Measure, float(n)),
            format!("{} by ", victims_fate(c)),
            " recruits.",
        ),
        1 => (
            Phrase::exact(format!("{n} years old"), Kind::Measure, float(n)),
            "The soldiers who were killed were ".to_string(),
            ".",
        ),
        _ => (
            Phrase::exact(format!("{n}-year-olds"), Kind::Measure, float(n)),
            "The people who died were all ".to_string(),
            ".",
        ),
    }
}

fn duration(c: &mut dyn Choices) -> (Phrase, String, &'static str) {
    let n = between(c, 2, 99);
    let unit = pick(c, &["days", "weeks", "months", "years", "hours"]);
    match c.below(3) {
        0 => (
            Phrase::exact(format!("{n} {unit}"), Kind::Duration, float(n)),
            format!("{} during ", victims_fate(c)),
            " of fighting.",
        ),
        1 => (
            Phrase::exact(
                format!("{} {unit}", words(n, Style::default())),
                Kind::Duration,
                float(n),
            ),
            format!("{} after ", victims_fate(c)),
            " of shelling.",
        ),
        _ => {
            let single = unit.trim_end_matches('s');
            (
                Phrase::exact(format!("{n}-{single}"), Kind::Duration, float(n)),
                format!("{} in the ", victims_fate(c)),
                " offensive.",
            )
        }
    }
}

fn ordinal(c: &mut dyn Choices) -> (Phrase, String, &'static str) {
    let in_words = chance(c, 50);
    let n = if in_words {
        between(c, 1, 99)
    } else {
        between(c, 1, 200)
    };
    let text = if in_words {
        ordinal_words(n)
    } else {
        ordinal_digits(n)
    };
    let (before, after) = pick(
        c,
        &[(" for the ", " time."), (" on the ", " day of fighting.")],
    );
    (
        Phrase::exact(text, Kind::Ordinal, float(n)),
        format!("{}{before}", victims_fate(c)),
        after,
    )
}

const STREET_NAMES: [&str; 6] = ["Elm", "Main", "Oak", "Maple", "Highland", "Cedar"];
const STREET_WORDS: [&str; 6] = ["Street", "Avenue", "Road", "Lane", "Drive", "Boulevard"];

fn street(c: &mut dyn Choices) -> (Phrase, String, String) {
    let name = pick(c, &STREET_NAMES);
    let suffix = pick(c, &STREET_WORDS);
    if chance(c, 30) {
        let block = between(c, 1, 99) * 100;
        (
            Phrase::none(&block.to_string(), Kind::Identifier),
            format!("{} in the ", victims_fate(c)),
            format!(" block of {name} {suffix}."),
        )
    } else {
        let n = between(c, 1, 9_999);
        (
            Phrase::none(&n.to_string(), Kind::Identifier),
            format!("{} at ", victims_fate(c)),
            format!(" {name} {suffix}."),
        )
    }
}

fn identifier(c: &mut dyn Choices) -> (Phrase, String, String) {
    let (text, before, after): (String, &str, &str) = match c.below(6) {
        0 => (
            pick(c, &["COVID-19", "F-16", "Su-25", "MH17", "A320", "T-72"]).to_string(),
            "People with links to the ",
            " case were killed.",
        ),
        1 => (
            format!("G{}", pick(c, &[7, 8, 20])),
            "Leaders of the ",
            " said civilians were killed.",
        ),
        2 => (
            format!("No. {}", between(c, 1, 99)),
            "Soldiers were killed near Checkpoint ",
            ".",
        ),
        3 => {
            // `555-1234`; a last group ending in 00 would be a range
            // (`100-1000`, docs/numbers.md)
            let last = between(c, 1000, 9999);
            let last = if last.is_multiple_of(100) {
                last + 1
            } else {
                last
            };
            (
                format!("{}-{last}", between(c, 200, 999)),
                "Callers to ",
                " said residents were killed.",
            )
        }
        4 => (
            pick(c, &["4x4", "5G", "24/7", "3D"]).to_string(),
            "Residents were killed near a ",
            " site.",
        ),
        _ => (
            format!("bc1q{}x{}", between(c, 10, 99), between(c, 100, 999)),
            "Donations to wallet ",
            " funded the attack that killed civilians.",
        ),
    };
    (
        Phrase::none(&text, Kind::Identifier),
        before.into(),
        after.into(),
    )
}

/// A casualty sentence whose only number is a look-alike of `form`.
pub(crate) fn look_alike(c: &mut dyn Choices, form: Form) -> QuantityCase {
    let (phrase, before, after): (Phrase, String, String) = match form {
        Form::Year => {
            let (p, prep) = year(c);
            let before = format!("{}{prep}", victims_fate(c));
            (p, before, ".".into())
        }
        Form::Date => {
            let (p, prep) = date(c);
            let before = format!("{}{prep}", victims_fate(c));
            (p, before, ".".into())
        }
        Form::Time => {
            let p = time(c);
            (p, format!("{} at ", victims_fate(c)), ".".into())
        }
        Form::Money => {
            let p = money(c);
            let (before, after) = pick(
                c,
                &[
                    ("Families of those killed were paid ", "."),
                    ("The attack that killed civilians caused ", " in damage."),
                ],
            );
            (p, before.into(), after.into())
        }
        Form::Measure => {
            let (p, b, a) = measure(c);
            (p, b, a.into())
        }
        Form::Age => {
            let (p, b, a) = age(c);
            (p, b, a.into())
        }
        Form::Duration => {
            let (p, b, a) = duration(c);
            (p, b, a.into())
        }
        Form::Ordinal => {
            let (p, b, a) = ordinal(c);
            (p, b, a.into())
        }
        Form::Street => street(c),
        _ => identifier(c),
    };
    place(form, &before, &phrase, &after)
}
