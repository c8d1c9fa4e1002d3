//! Mentions: every reading of a quantity at one position, and the longest
//! of them.

use nom::Parser;
use nom::branch::alt;
use nom::bytes::complete::take_while1;
use nom::character::complete::char;
use nom::sequence::preceded;

use super::PResult;
use super::amounts::{Amount, amount};
use super::dates::{date_day_first, date_month_first, date_numeric, weekday_date};
use super::digits::{Num, digit_run, digits_value, scaled};
use super::lexical::{
    ascii_word, consumed, dash, fail, sp, sp0, split_at, starts_with_digit, word_ci,
};
use super::other::{decade, number_sign, ordinal_digits, phone, year_range_short, zero};
use super::qualifiers::qualifier;
use super::times::time;
use super::units::{currency_prefix, unit_after};
use crate::number::lexicon;
use crate::number::{Kind, Qualifier};

/// Context the scanner knows about a position (from the text before it).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Ctx {
    /// The word before is `in`, `since`, `by`, `mid`...: a 4-digit number
    /// here is a year.
    pub year_prep: bool,
    /// The scanner found this position by its first word. Currency codes
    /// (`US$`, `Rs`) are then left to the digit scan, which looks back for
    /// them, so both ways of finding a mention agree.
    pub from_word: bool,
    /// Nothing but punctuation or a line break before this position on its
    /// clause (`2020 marks the end.`).
    pub clause_start: bool,
}

/// One reading at a position: its length in bytes and its value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    pub len: usize,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub qualifier: Qualifier,
    pub kind: Kind,
}

/// A reading before its length is known.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Core {
    kind: Kind,
    low: Option<f64>,
    high: Option<f64>,
    qual: Qualifier,
}

impl Core {
    fn exact(kind: Kind, v: f64) -> Core {
        Core {
            kind,
            low: Some(v),
            high: Some(v),
            qual: Qualifier::Exact,
        }
    }
    fn none(kind: Kind) -> Core {
        Core {
            kind,
            low: None,
            high: None,
            qual: Qualifier::Exact,
        }
    }
    fn from_amount(kind: Kind, a: &Amount) -> Core {
        Core {
            kind,
            low: Some(a.low),
            high: Some(a.high),
            qual: a.qual,
        }
    }
}

fn year_like(n: &Num) -> bool {
    n.plain == 4 && (1800.0..=2100.0).contains(&n.value)
}

/// Is the next word a lowercase plural noun (`2000 troops`)? One
/// capitalised word may come between (`2000 Russian troops`).
fn following_plural(r: &str, clause_start: bool) -> bool {
    let Ok((r, _)) = sp(r) else { return false };
    let Ok((r2, w)) = ascii_word(r) else {
        return false;
    };
    let first_upper = w.as_bytes().first().is_some_and(u8::is_ascii_uppercase);
    let (w, after, first_upper) = if first_upper && w.len() > 1 {
        match (sp, ascii_word).parse(r2) {
            Ok((r3, (_, w2))) => (
                w2,
                r3,
                w2.as_bytes().first().is_some_and(u8::is_ascii_uppercase),
            ),
            Err(_) => return false,
        }
    } else {
        (w, r2, first_upper)
    };
    let plural = !first_upper
        && w.len() >= 3
        && (lexicon::is_plural_without_s(w)
            || (w.ends_with('s')
                && !w.ends_with("ss")
                && !w.ends_with("us")
                && lexicon::month(w).is_none()
                && !lexicon::is_not_count_plural(w)));
    // `2020 marks the end`, `2021 sees a rise`: at the start of a clause, a
    // verb rather than a plural noun (`sent 2000 troops the next day`)
    let verb = || {
        clause_start
            && (sp, ascii_word)
                .parse(after)
                .is_ok_and(|(_, (_, d))| lexicon::is_determiner(d))
    };
    plural && !verb()
}

/// Street suffixes, capitalised as in an address: `Elm Street`, `Main St`.
const STREET_SUFFIXES: &[&str] = &[
    "Street",
    "St",
    "Avenue",
    "Ave",
    "Road",
    "Rd",
    "Lane",
    "Ln",
    "Drive",
    "Dr",
    "Boulevard",
    "Blvd",
    "Way",
    "Court",
    "Ct",
    "Place",
    "Pl",
    "Parkway",
    "Pkwy",
    "Highway",
    "Hwy",
    "Terrace",
    "Circle",
    "Trail",
];

/// Does the text after a number make it a street number: `block`
/// (`the 300 block of`), or one to three capitalised words and a street
/// suffix (`12 Elm Street`, `1420 North Oak Avenue`) not followed by a
/// lowercase plural (`12 Wall Street bankers` count bankers)?
fn names_a_street(r: &str) -> bool {
    let Ok((r, _)) = sp(r) else { return false };
    // `the 300 block of Elm`, `the 300 block Elm Street` (a singular
    // block after a number is an address; `three blocks away` a distance)
    if word_ci("block")
        .parse(r)
        .is_ok_and(|(after, _)| !after.starts_with(|c: char| c.is_ascii_alphanumeric()))
    {
        return r.starts_with('b');
    }
    let mut rest = r;
    for names in 0..4 {
        let Ok((r2, w)) = ascii_word(rest) else {
            return false;
        };
        if !w.as_bytes().first().is_some_and(u8::is_ascii_uppercase) {
            return false;
        }
        if names > 0 && STREET_SUFFIXES.contains(&w) {
            return !following_plural(r2, false);
        }
        let Ok((r3, _)) = sp(r2) else { return false };
        rest = r3;
    }
    false
}

/// An amount and what follows it: `%`, a currency, a unit, or nothing.
fn amount_unit(i: &str, ctx: Ctx) -> PResult<'_, Core> {
    let (r, a) = amount(i)?;
    if a.any(|n| n.overlong) {
        return Ok((r, Core::none(Kind::Identifier)));
    }
    if a.any(|n| n.ordinal) {
        return match (a.qual, a.first) {
            (Qualifier::Exact, Some(n)) => Ok((r, Core::exact(Kind::Ordinal, n.value))),
            _ => fail(i),
        };
    }
    if let Some((r2, k)) = unit_after(r, a.all_digits()) {
        // `the 1986 year`: a year named, not a duration of 1986 years
        let singular_year = consumed(r, r2).trim().eq_ignore_ascii_case("year");
        if k == Kind::Duration
            && singular_year
            && a.qual == Qualifier::Exact
            && a.first.is_some_and(|n| year_like(&n))
        {
            return Ok((r2, Core::from_amount(Kind::Year, &a)));
        }
        return Ok((r2, Core::from_amount(k, &a)));
    }
    // `one-sided`, `two-thirds`: a number word joined to a non-unit word
    if a.any(|n| n.words)
        && let Ok((_, (_, _))) = (dash, take_while1(|c: char| c.is_alphabetic())).parse(r)
    {
        return fail(i);
    }
    // `12 Elm Street`, `the 300 block of Main Street`: a number that names
    // a place, not a count
    if let (Qualifier::Exact, Some(n)) = (a.qual, a.first)
        && n.plain > 0
        && names_a_street(r)
    {
        return Ok((r, Core::none(Kind::Identifier)));
    }
    let years = a.nums().all(|n| year_like(&n));
    let kind = match (a.qual, a.first) {
        // `1900-2000 people` counts, as `2000 people` does
        (Qualifier::Range, Some(_))
            if years && (ctx.year_prep || !following_plural(r, ctx.clause_start)) =>
        {
            Kind::Year
        }
        (Qualifier::Exact, Some(_))
            if years && (ctx.year_prep || !following_plural(r, ctx.clause_start)) =>
        {
            Kind::Year
        }
        _ => Kind::Count,
    };
    Ok((r, Core::from_amount(kind, &a)))
}

/// Currency first: `$2,500`, `€3m`, `£5 million`, `US$3bn`, `Rs 500`.
fn money_prefixed(i: &str) -> PResult<'_, Core> {
    let (r, _) = currency_prefix(i)?;
    // at most one space, as the scanner's look-back allows
    let r = r.strip_prefix([' ', '\u{a0}']).unwrap_or(r);
    if !starts_with_digit(r) {
        return fail(i);
    }
    let (mut r, mut a) = amount(r)?;
    if a.any(|n| n.overlong) {
        return fail(i);
    }
    if let (Qualifier::Exact, Some(n)) = (a.qual, a.first)
        && !n.words
        && n.scale == 1.0
        && let Ok((r2, _)) = word_ci("m")(r)
    {
        a.low = scaled(n.base, 1e6);
        a.high = a.low;
        r = r2;
    }
    Ok((r, Core::from_amount(Kind::Money, &a)))
}

/// `.40-caliber`: a leading-dot decimal, read only before a calibre.
fn dot_caliber(i: &str) -> PResult<'_, Core> {
    let (r, (_, d)) = (char('.'), digit_run).parse(i)?;
    let (r, _) = alt((
        preceded(dash, alt((word_ci("caliber"), word_ci("calibre")))),
        preceded(sp, alt((word_ci("caliber"), word_ci("calibre")))),
    ))
    .parse(r)?;
    if d.len() > 3 {
        return fail(i);
    }
    let v = digits_value(d) as f64 / 10f64.powi(d.len() as i32);
    Ok((r, Core::exact(Kind::Measure, v)))
}

/// Longest of several readings; ties go to the earlier.
struct Longest<'a> {
    input: &'a str,
    best: Option<(usize, Core)>,
}

impl<'a> Longest<'a> {
    fn new(input: &'a str) -> Self {
        Longest { input, best: None }
    }
    fn offer(&mut self, res: PResult<'a, Core>) {
        if let Ok((r, c)) = res {
            let len = self.input.len().saturating_sub(r.len());
            if len > 0 && self.best.is_none_or(|(l, _)| len > l) {
                self.best = Some((len, c));
            }
        }
    }
    fn finish(self) -> PResult<'a, Core> {
        match self.best {
            Some((len, c)) => split_at(self.input, len).map(|(r, _)| (r, c)),
            None => fail(self.input),
        }
    }
}

/// Readings that start with a digit. Each specialised parser runs only
/// when the character after the digit run allows it.
fn digit_quantity(i: &str, ctx: Ctx) -> PResult<'_, Core> {
    let (after, run) = digit_run(i)?;
    let n = run.len();
    let c1 = after.chars().next().unwrap_or(' ');
    let mut best = Longest::new(i);
    if matches!(c1, '-' | '/' | '.') {
        best.offer(date_numeric(i).map(|(r, v)| (r, Core::exact(Kind::Date, v))));
    }
    if (n <= 2 && (c1 == ':' || c1.is_whitespace() || matches!(c1, 'a' | 'p' | 'A' | 'P')))
        || (n == 4 && (c1.is_whitespace() || run.starts_with('0')))
    {
        best.offer(time(i).map(|(r, v)| (r, Core::exact(Kind::Time, v))));
    }
    if n == 3 && c1 == '-' {
        best.offer(phone(i).map(|(r, _)| (r, Core::none(Kind::Identifier))));
    }
    if n <= 2 && (c1.is_whitespace() || matches!(c1, 's' | 'n' | 'r' | 't' | 'S' | 'N' | 'R' | 'T'))
    {
        best.offer(date_day_first(i).map(|(r, v)| (r, Core::exact(Kind::Date, v))));
    }
    if n == 4 && matches!(c1, '-' | '\u{2013}' | ' ' | '/') {
        best.offer(year_range_short(i).map(|(r, (lo, hi))| {
            (
                r,
                Core {
                    kind: Kind::Year,
                    low: Some(lo),
                    high: Some(hi),
                    qual: Qualifier::Range,
                },
            )
        }));
    }
    if matches!(c1, 's' | '\'' | '\u{2019}') {
        best.offer(decade(i).map(|(r, (k, lo, hi))| {
            (
                r,
                Core {
                    kind: k,
                    low: Some(lo),
                    high: Some(hi),
                    qual: Qualifier::Range,
                },
            )
        }));
    }
    if matches!(c1, 's' | 'n' | 'r' | 't' | 'S' | 'N' | 'R' | 'T') {
        best.offer(ordinal_digits(i).map(|(r, v)| (r, Core::exact(Kind::Ordinal, v))));
    }
    best.offer(amount_unit(i, ctx));
    best.finish()
}

/// Which parsers can start with the first word of `i`.
#[derive(Debug, Default, Clone, Copy)]
struct Heads {
    qual: bool,
    amount: bool,
    currency: bool,
    month: bool,
    weekday: bool,
    no: bool,
}

fn heads(i: &str) -> Heads {
    let mut h = Heads::default();
    let Some(c) = i.chars().next() else { return h };
    match c {
        '~' => h.qual = true,
        '$' | '\u{20ac}' | '\u{a3}' | '\u{a5}' | '\u{20b9}' => h.currency = true,
        _ => {}
    }
    let Ok((_, w)) = ascii_word(i) else {
        // `US$`, `A$`: letters glued to a currency sign
        h.currency |= c.is_ascii_alphabetic();
        return h;
    };
    let mut buf = [0u8; 16];
    let Some(dst) = buf.get_mut(..w.len()) else {
        return h;
    };
    for (d, b) in dst.iter_mut().zip(w.bytes()) {
        *d = b.to_ascii_lowercase();
    }
    match &*dst {
        b"a" | b"an" => (h.qual, h.amount) = (true, true),
        b"no" | b"not" => (h.qual, h.no) = (true, true),
        b"none" | b"nobody" => h.no = true,
        b"at" | b"more" | b"upwards" | b"in" | b"over" | b"above" | b"nearly" | b"almost"
        | b"close" | b"about" | b"around" | b"approximately" | b"roughly" | b"some"
        | b"estimated" | b"circa" | b"up" | b"as" | b"fewer" | b"less" | b"under" | b"below" => {
            h.qual = true
        }
        b"between" | b"from" | b"half" | b"several" | b"few" | b"dozens" | b"scores"
        | b"hundreds" | b"thousands" | b"millions" | b"billions" | b"tens" => h.amount = true,
        b"us" | b"a$" | b"rs" | b"usd" | b"eur" | b"gbp" | b"rub" | b"azn" | b"inr" | b"uah"
        | b"c" | b"hk" | b"nz" => h.currency = true,
        _ => {
            h.amount = lexicon::number_word(w).is_some();
            let upper = c.is_ascii_uppercase();
            h.month = upper && lexicon::month(w).is_some();
            h.weekday = upper && lexicon::is_weekday(w);
        }
    }
    h
}

/// Every reading that does not involve a qualifier.
fn quantity(i: &str, ctx: Ctx) -> PResult<'_, Core> {
    if starts_with_digit(i) {
        return digit_quantity(i, ctx);
    }
    let h = heads(i);
    let mut best = Longest::new(i);
    if h.currency {
        best.offer(money_prefixed(i));
    }
    if i.starts_with('.') {
        best.offer(dot_caliber(i));
    }
    if h.amount {
        best.offer(amount_unit(i, ctx));
    }
    best.finish()
}

/// A qualifier and the quantity it qualifies: `at least one`, `more than
/// 6,500`, `about 25%`, `nearly 30-year-long`, `more than a dozen`.
fn qualified(i: &str, ctx: Ctx) -> PResult<'_, Core> {
    let (r, (q, p)) = qualifier(i)?;
    let (r, _) = if p == "~" { sp0(r)? } else { sp(r)? };
    let (r, c) = quantity(r, ctx)?;
    if matches!(
        c.kind,
        Kind::Date | Kind::Time | Kind::Ordinal | Kind::Identifier
    ) {
        return fail(i);
    }
    if p == "some" && c.qual == Qualifier::Vague {
        return fail(i);
    }
    // `the estimated 1987 crop`: the estimate is of something else
    if c.kind == Kind::Year && matches!(p, "some" | "estimated" | "an estimated") {
        return fail(i);
    }
    let out = match c.qual {
        Qualifier::Range => c,
        _ => {
            let (lo, hi) = (c.low, c.high);
            match q {
                Qualifier::AtLeast | Qualifier::MoreThan => Core {
                    low: lo,
                    high: None,
                    qual: q,
                    ..c
                },
                Qualifier::AtMost | Qualifier::LessThan => Core {
                    low: Some(0.0),
                    high: hi,
                    qual: q,
                    ..c
                },
                _ => Core { qual: q, ..c },
            }
        }
    };
    Ok((r, out))
}

/// The longest reading of a quantity starting exactly at the start of `i`.
pub fn mention(i: &str, ctx: Ctx) -> Option<Hit> {
    let mut best = Longest::new(i);
    if starts_with_digit(i) {
        best.offer(digit_quantity(i, ctx));
    } else {
        let h = heads(i);
        if ctx.from_word
            && h.currency
            && !h.qual
            && !h.amount
            && i.starts_with(|c: char| c.is_ascii_alphabetic())
        {
            return None;
        }
        if h.qual {
            best.offer(qualified(i, ctx));
        }
        if h.currency {
            best.offer(money_prefixed(i));
        }
        if i.starts_with('.') {
            best.offer(dot_caliber(i));
        }
        if h.amount {
            best.offer(amount_unit(i, ctx));
        }
        if h.month {
            best.offer(date_month_first(i).map(|(r, (lo, hi))| (r, date_core(lo, hi))));
        }
        if h.weekday {
            best.offer(weekday_date(i).map(|(r, (lo, hi))| (r, date_core(lo, hi))));
        }
        if h.no {
            best.offer(number_sign(i).map(|(r, _)| (r, Core::none(Kind::Identifier))));
            best.offer(zero(i).map(|(r, _)| (r, Core::exact(Kind::Count, 0.0))));
        }
    }
    best.best.map(|(len, c)| Hit {
        len,
        low: c.low,
        high: c.high,
        qualifier: c.qual,
        kind: c.kind,
    })
}

fn date_core(lo: f64, hi: f64) -> Core {
    let qual = if lo < hi {
        Qualifier::Range
    } else {
        Qualifier::Exact
    };
    Core {
        kind: Kind::Date,
        low: Some(lo),
        high: Some(hi),
        qual,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
