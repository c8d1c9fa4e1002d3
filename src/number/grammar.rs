//! The nom grammar. Small parsers, each usable (and tested) alone:
//!
//! * [`digit_number`] / [`digit_scaled`]: `1,007`, `2.5`, `1 000`, `3.5bn`, `10k`
//! * [`word_number`]: `twenty-one`, `one hundred and five`, `a dozen`
//! * [`number`]: either of the above
//! * [`vague`]: `several`, `dozens`, `tens of thousands`
//! * [`qualifier`]: `at least`, `more than`, `about`, `~`
//! * [`amount`]: a number, a range (`between 10 and 15`, `10-15`) or a vague amount
//! * [`percent_suffix`], [`money_suffix`], [`currency_prefix`], unit parsers
//! * [`time`], [`date_numeric`], [`date_month_first`], [`date_day_first`]
//! * [`mention`]: the longest reading of everything above at one position
//!
//! All parsers are `complete` parsers over `&str`; none of them panics, and
//! every split happens on a char boundary (`split_at_checked`). Tags are
//! matched ASCII-case-insensitively by [`tag_ci`] (never `tag_no_case`, whose
//! Unicode lowercasing can change byte lengths).

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while_m_n, take_while1};
use nom::character::complete::char;
use nom::combinator::{opt, peek, value};
use nom::error::{Error, ErrorKind};
use nom::sequence::preceded;
use nom::{Err, IResult, Parser};

use super::lexicon::{self, Word};
use super::{Kind, Qualifier};

/// Result type of every parser here.
pub type PResult<'a, T> = IResult<&'a str, T>;

fn fail<T>(i: &str) -> PResult<'_, T> {
    Err(Err::Error(Error::new(i, ErrorKind::Verify)))
}

/// Split `i` after `n` bytes, failing (not panicking) off a char boundary.
fn split_at(i: &str, n: usize) -> PResult<'_, &str> {
    match i.split_at_checked(n) {
        Some((head, rest)) => Ok((rest, head)),
        None => fail(i),
    }
}

/// The part of `i` a parser consumed to reach `rest`.
pub fn consumed<'a>(i: &'a str, rest: &'a str) -> &'a str {
    i.get(..i.len().saturating_sub(rest.len())).unwrap_or("")
}

/// Letters, digits and `_` make up words.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// True when `i` does not continue a word.
pub fn at_boundary(i: &str) -> bool {
    i.chars().next().is_none_or(|c| !is_word_char(c))
}

fn starts_with_digit(i: &str) -> bool {
    i.as_bytes().first().is_some_and(u8::is_ascii_digit)
}

// ---------------------------------------------------------------- lexical

/// ASCII-case-insensitive tag. Safe on any input: the bytes compared equal
/// `t`, so the split lands on a char boundary.
pub fn tag_ci<'a>(t: &'static str) -> impl Fn(&'a str) -> PResult<'a, &'a str> {
    move |i: &'a str| {
        let same = i
            .as_bytes()
            .get(..t.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(t.as_bytes()));
        if same { split_at(i, t.len()) } else { fail(i) }
    }
}

/// [`tag_ci`] that must end at a word boundary (`ten` does not match `tenfold`).
pub fn word_ci<'a>(t: &'static str) -> impl Fn(&'a str) -> PResult<'a, &'a str> {
    move |i: &'a str| {
        let (rest, w) = tag_ci(t)(i)?;
        if at_boundary(rest) {
            Ok((rest, w))
        } else {
            fail(i)
        }
    }
}

/// Space-separated words, each matched by [`word_ci`]. The first gap is
/// [`gap1`] (the scanner's multi-word patterns spell it that way), later
/// gaps any [`sp`].
pub fn phrase<'a>(p: &'static str) -> impl Fn(&'a str) -> PResult<'a, &'a str> {
    move |i: &'a str| {
        let mut rest = i;
        for (k, w) in p.split(' ').enumerate() {
            match k {
                0 => {}
                1 => rest = gap1(rest)?.0,
                _ => rest = sp(rest)?.0,
            }
            rest = word_ci(w)(rest)?.0;
        }
        Ok((rest, consumed(i, rest)))
    }
}

/// Exactly one space or line break: the gap after the first word of a
/// multi-word head (`at least`, `a hundred`, `up to`).
pub fn gap1(i: &str) -> PResult<'_, &str> {
    alt((tag(" "), tag("\r\n"), tag("\n"))).parse(i)
}

/// Whitespace between words of one mention: 1 to 4 space-like chars, at
/// most one line break (bounded, so no parser walks a long blank run).
pub fn sp(i: &str) -> PResult<'_, &str> {
    let b = i.as_bytes();
    if b.first() == Some(&b' ')
        && b.get(1)
            .is_some_and(|c| !c.is_ascii_whitespace() && *c < 0x80)
    {
        return split_at(i, 1);
    }
    let (mut end, mut n, mut newlines) = (0, 0, 0);
    for (k, c) in i.char_indices() {
        let ok = match c {
            ' ' | '\t' | '\r' | '\u{a0}' | '\u{2009}' | '\u{202f}' => true,
            '\n' => {
                newlines += 1;
                newlines <= 1
            }
            _ => false,
        };
        if !ok || n == 4 {
            break;
        }
        end = k + c.len_utf8();
        n += 1;
    }
    if end == 0 { fail(i) } else { split_at(i, end) }
}

/// [`sp`] without a line break: inside a date, whose parts never straddle
/// lines (`rises to 12` / `March 3, 2024` on the next line is a figure and
/// a dateline, not the date 12 March).
pub fn sp_inline(i: &str) -> PResult<'_, &str> {
    let (r, gap) = sp(i)?;
    if gap.contains('\n') {
        fail(i)
    } else {
        Ok((r, gap))
    }
}

/// Optional [`sp`].
pub fn sp0(i: &str) -> PResult<'_, &str> {
    match sp(i) {
        Ok(r) => Ok(r),
        Err(_) => Ok((i, "")),
    }
}

/// A run of ASCII letters ending at a word boundary.
pub fn ascii_word(i: &str) -> PResult<'_, &str> {
    let (rest, w) = take_while1(|c: char| c.is_ascii_alphabetic()).parse(i)?;
    if at_boundary(rest) {
        Ok((rest, w))
    } else {
        fail(i)
    }
}

fn dash(i: &str) -> PResult<'_, char> {
    alt((char('-'), char('\u{2011}'))).parse(i)
}

fn range_dash(i: &str) -> PResult<'_, &str> {
    alt((
        tag("-"),
        (sp0, alt((tag("\u{2013}"), tag("\u{2014}"))), sp0).map(|(_, d, _)| d),
    ))
    .parse(i)
}

fn d2(i: &str) -> PResult<'_, u32> {
    digits_mn(i, 2, 2)
}

fn d3(i: &str) -> PResult<'_, u32> {
    digits_mn(i, 3, 3)
}

fn d4(i: &str) -> PResult<'_, u32> {
    digits_mn(i, 4, 4)
}

fn d12(i: &str) -> PResult<'_, u32> {
    digits_mn(i, 1, 2)
}

// ---------------------------------------------------------------- numbers

/// A parsed number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Num {
    /// The value, scale applied (`1.2 million` → 1 200 000).
    pub value: f64,
    /// The value before any scale word (`1.2 million` → 1.2).
    pub base: f64,
    /// The scale applied (1 when none).
    pub scale: f64,
    /// Written in words (`twenty-one`).
    pub words: bool,
    /// Digit count when written as bare digits (no separator, decimal or
    /// scale), else 0; `2020` → 4. Years are looked for among these.
    pub plain: u8,
    /// An ordinal word (`first`, `twenty-first`).
    pub ordinal: bool,
    /// More than 18 significant digits: not a quantity but an identifier.
    pub overlong: bool,
}

impl Num {
    fn from_words(v: u64, ordinal: bool) -> Num {
        let v = v as f64;
        Num {
            value: v,
            base: v,
            scale: 1.0,
            words: true,
            plain: 0,
            ordinal,
            overlong: false,
        }
    }

    /// Apply a scale; integer mantissa × scale / 10^frac keeps results exact.
    fn with_scale(self, s: f64) -> Num {
        Num {
            value: self.base * s,
            scale: s,
            plain: 0,
            ..self
        }
    }
}

/// Digits that fit in a u64 exactly (callers cap the count at 18).
fn digits_value(s: &str) -> u64 {
    s.bytes().fold(0u64, |acc, b| {
        acc.wrapping_mul(10)
            .wrapping_add(u64::from(b.wrapping_sub(b'0')))
    })
}

/// A run of ASCII digits.
pub fn digit_run(i: &str) -> PResult<'_, &str> {
    take_while1(|c: char| c.is_ascii_digit()).parse(i)
}

/// `sep` followed by exactly three digits that are not followed by a digit.
fn group(r: &str, sep: char) -> Option<(&str, &str)> {
    let r = r.strip_prefix(sep)?;
    let b = r.as_bytes();
    let three = b.get(..3)?;
    if three.iter().all(u8::is_ascii_digit) && !b.get(3).is_some_and(u8::is_ascii_digit) {
        let (g, rest) = r.split_at_checked(3)?;
        Some((rest, g))
    } else {
        None
    }
}

/// A number in digits: `7`, `1,007`, `6,500`, `2.5`, `1 000`, `1,200,000.5`.
///
/// Thousands groups must be exactly three digits (`1,20` is `1` then `20`);
/// a space separates thousands only when the first group has 1-3 digits and
/// every group has exactly three. A decimal part followed by `.digit` is left
/// alone (`17.11.2021` is a date, `1.2.3` a version). More than 18 digits →
/// [`Num::overlong`], value 0; the whole run is still consumed (linear time).
pub fn digit_number(i: &str) -> PResult<'_, Num> {
    let (mut rest, first) = digit_run(i)?;
    let mut ndig = first.len();
    let mut mant = if ndig <= 18 { digits_value(first) } else { 0 };
    let mut grouped = false;
    let next = rest.as_bytes().first().copied().unwrap_or(0);
    if first.len() <= 3 && matches!(next, b',' | b' ' | 0xC2 | 0xE2) {
        for sep in [',', ' ', '\u{a0}', '\u{202f}', '\u{2009}'] {
            while let Some((r, g)) = group(rest, sep) {
                ndig += 3;
                if ndig <= 18 {
                    mant = mant * 1000 + digits_value(g);
                }
                rest = r;
                grouped = true;
            }
            if grouped {
                break;
            }
        }
    }
    let mut frac = 0i32;
    if let Some(after_dot) = rest.strip_prefix('.')
        && let Ok((r2, fd)) = digit_run(after_dot)
    {
        let dotted_more = r2.strip_prefix('.').is_some_and(starts_with_digit);
        if !dotted_more {
            ndig += fd.len();
            if ndig <= 18 {
                for b in fd.bytes() {
                    mant = mant * 10 + u64::from(b - b'0');
                }
                frac = fd.len() as i32;
            }
            rest = r2;
        }
    }
    // Reuters fractions: `7-7/8`, `12-1/2`, `3/4`
    let mut fraction = None;
    if !grouped
        && frac == 0
        && ndig <= 12
        && let Some((r2, f)) = fraction_tail(rest, mant, first.len())
    {
        fraction = Some(f);
        rest = r2;
    }
    let overlong = ndig > 18;
    let base = if overlong {
        0.0
    } else {
        mant as f64 / 10f64.powi(frac)
    };
    let base = fraction.unwrap_or(base);
    let plain = if !grouped && frac == 0 && fraction.is_none() && first.len() <= 18 {
        first.len() as u8
    } else {
        0
    };
    let num = Num {
        value: base,
        base,
        scale: 1.0,
        words: false,
        plain,
        ordinal: false,
        overlong,
    };
    // keep exactness for decimals with scale: remember mantissa/frac via base
    Ok((rest, num))
}

/// A fraction after a whole number `whole` (written with `whole_len`
/// digits): `-7/8` makes a mixed number (`7-7/8` → 7.875), `/4` after a
/// one- or two-digit numerator a simple fraction (`3/4` → 0.75). Returns the
/// new value. Denominators 2, 3, 4, 8, 16, 32, 64; numerator below the
/// denominator; nothing glued after (so `11/17/2021` stays a date and `24/7`
/// an identifier).
fn fraction_tail(r: &str, whole: u64, whole_len: usize) -> Option<(&str, f64)> {
    fn over(x: &str, a: u64) -> Option<(&str, f64)> {
        let x = x.strip_prefix('/')?;
        let (x, b) = digits_mn(x, 1, 2).ok()?;
        let b = u64::from(b);
        let ok = matches!(b, 2 | 3 | 4 | 8 | 16 | 32 | 64) && a > 0 && a < b;
        let more = x.starts_with('/') || x.starts_with(is_word_char);
        (ok && !more).then_some((x, a as f64 / b as f64))
    }
    if let Some(x) = r.strip_prefix('-') {
        let (x, a) = digits_mn(x, 1, 2).ok()?;
        let (x, f) = over(x, u64::from(a))?;
        return Some((x, whole as f64 + f));
    }
    if whole_len <= 2 {
        return over(r, whole);
    }
    None
}

/// A scale word: `thousand`, `million`, `billion`, `trillion`, `bn`, `mn`, `mln`.
pub fn scale_word(i: &str) -> PResult<'_, f64> {
    alt((
        value(1e3, word_ci("thousand")),
        value(1e6, word_ci("million")),
        value(1e9, word_ci("billion")),
        value(1e12, word_ci("trillion")),
        value(1e9, word_ci("bn")),
        value(1e6, word_ci("mn")),
        value(1e6, word_ci("mln")),
    ))
    .parse(i)
}

/// Exact product of a (possibly decimal) base and a scale.
fn scaled(base: f64, s: f64) -> f64 {
    // 1.2 * 1e6 must be exactly 1 200 000: scale up the decimal first.
    for k in 0..=6 {
        let p = 10f64.powi(k);
        let m = base * p;
        if (m - m.round()).abs() < 1e-9 {
            return m.round() * s / p;
        }
    }
    base * s
}

/// Digits with an optional scale: `1.2 million`, `3.5bn`, `10k`, `2 thousand`.
pub fn digit_scaled(i: &str) -> PResult<'_, Num> {
    let (r, n) = digit_number(i)?;
    if n.overlong {
        return Ok((r, n));
    }
    // spelled-out scales after a space (`1.2 million`); abbreviations may
    // be glued (`3.5bn`, `10k`, `5mn`)
    let spaced = preceded(sp, scale_word).parse(r);
    let glued = alt((
        value(1e9, word_ci("bn")),
        value(1e6, word_ci("mn")),
        value(1e6, word_ci("mln")),
        value(1e3, word_ci("k")),
    ))
    .parse(r);
    if let Ok((r2, s)) = spaced.or(glued) {
        let mut m = n.with_scale(s);
        m.value = scaled(n.base, s);
        return Ok((r2, m));
    }
    Ok((r, n))
}

/// English number words up to the trillions: `seven`, `twenty-one`,
/// `twenty one`, `one hundred and five`, `a hundred`, `two thousand`,
/// `one million two hundred thousand`, `a dozen`, `half a dozen`,
/// `two dozen`, and ordinals (`first`, `twenty-first`, `hundredth`).
/// `a`/`an` alone is never a number.
pub fn word_number(i: &str) -> PResult<'_, Num> {
    word_number_opts(i, true)
}

/// [`word_number`]; with `allow_and = false`, `and` is never read inside the
/// number (for `between one hundred and two hundred`).
pub fn word_number_opts(i: &str, allow_and: bool) -> PResult<'_, Num> {
    word_number_ends(i, allow_and, &mut |_, _| {})
}

/// [`word_number_opts`], also reporting every shorter reading on the way
/// (`one hundred and five` passes `one`, `one hundred`): `between` needs
/// them to find where its first number ends.
fn word_number_ends<'a>(
    i: &'a str,
    allow_and: bool,
    on_end: &mut dyn FnMut(&'a str, Num),
) -> PResult<'a, Num> {
    #[derive(Clone, Copy, PartialEq)]
    enum St {
        Start,
        A,
        Unit,
        Teen,
        Tens,
        Hundred,
        Scale,
    }
    #[derive(Clone, Copy, PartialEq)]
    enum Sep {
        None,
        Space,
        Hyphen,
        And,
    }
    if let Ok((r, _)) = (word_ci("half"), sp, word_ci("a"), sp, word_ci("dozen")).parse(i) {
        return Ok((r, Num::from_words(6, false)));
    }
    let mut st = St::Start;
    let (mut total, mut current, mut last_scale) = (0u64, 0u64, u64::MAX);
    let mut cur = i;
    let mut best: Option<(&str, u64, bool)> = None;
    let mut scale_end: Option<(&str, u64)> = None;
    loop {
        let (after, sep) = if st == St::Start {
            (cur, Sep::None)
        } else if st == St::A {
            // `a hundred`: one space or line break, as the scanner's patterns
            match gap1(cur) {
                Ok((r, _)) => (r, Sep::Space),
                Err(_) => break,
            }
        } else if let Ok((r, _)) = dash(cur) {
            (r, Sep::Hyphen)
        } else if let Ok((r, _)) = sp(cur) {
            let and = if allow_and && matches!(st, St::Hundred | St::Scale) {
                (word_ci("and"), sp).parse(r).ok()
            } else {
                None
            };
            match and {
                Some((r2, _)) => (r2, Sep::And),
                None => (r, Sep::Space),
            }
        } else {
            break;
        };
        let Ok((r, w)) = ascii_word(after) else { break };
        let Some(tok) = lexicon::number_word(w) else {
            break;
        };
        let spaced = matches!(sep, Sep::Space | Sep::And);
        let plain_space = sep == Sep::Space;
        use Word::*;
        match (st, tok) {
            (St::Start, A) => {
                st = St::A;
                cur = r;
                continue;
            }
            (St::Start, Zero) => {
                best = Some((r, 0, false));
                break;
            }
            (St::Start, Unit(n)) => (current, st) = (n, St::Unit),
            (St::Start, Teen(n)) => (current, st) = (n, St::Teen),
            (St::Start, Tens(n)) => (current, st) = (n, St::Tens),
            (St::Start, OrdUnit(n) | OrdTeen(n) | OrdTens(n)) => {
                best = Some((r, n, true));
                break;
            }
            (St::Start, OrdHundred) => {
                best = Some((r, 100, true));
                break;
            }
            (St::Start, OrdScale(s)) => {
                best = Some((r, s, true));
                break;
            }
            (St::A, Hundred) if plain_space => (current, st) = (100, St::Hundred),
            (St::A, Scale(s)) if plain_space => (total, last_scale, st) = (s, s, St::Scale),
            (St::A, Dozen) if plain_space => {
                best = Some((r, 12, false));
                break;
            }
            (St::Tens, Unit(n)) if matches!(sep, Sep::Hyphen | Sep::Space) => {
                (current, st) = (current + n, St::Unit)
            }
            (St::Tens, OrdUnit(n)) if matches!(sep, Sep::Hyphen | Sep::Space) => {
                best = Some((r, total + current + n, true));
                break;
            }
            (St::Unit | St::Teen | St::Tens, Hundred) if plain_space && current < 100 => {
                (current, st) = (current * 100, St::Hundred)
            }
            (St::Unit | St::Teen | St::Tens | St::Hundred, Scale(s))
                if plain_space && s < last_scale && current > 0 =>
            {
                (total, current, last_scale, st) = (total + current * s, 0, s, St::Scale)
            }
            (St::Unit | St::Teen | St::Tens, Dozen) if plain_space && total == 0 => {
                best = Some((r, current * 12, false));
                break;
            }
            (St::Unit | St::Teen | St::Tens, OrdHundred) if plain_space && current < 100 => {
                best = Some((r, total + current * 100, true));
                break;
            }
            (St::Unit | St::Teen | St::Tens | St::Hundred, OrdScale(s))
                if plain_space && s < last_scale && current > 0 =>
            {
                best = Some((r, total + current * s, true));
                break;
            }
            (St::Hundred | St::Scale, Unit(n)) if spaced => (current, st) = (current + n, St::Unit),
            (St::Hundred | St::Scale, Teen(n)) if spaced => (current, st) = (current + n, St::Teen),
            (St::Hundred | St::Scale, Tens(n)) if spaced => (current, st) = (current + n, St::Tens),
            (St::Hundred | St::Scale, OrdUnit(n) | OrdTeen(n) | OrdTens(n)) if spaced => {
                best = Some((r, total + current + n, true));
                break;
            }
            _ => break,
        }
        cur = r;
        best = Some((r, total + current, false));
        // `three million`: remember the scale so `two to three million` works
        scale_end = if st == St::Scale {
            Some((r, last_scale))
        } else {
            None
        };
        on_end(r, words_num(total + current, false, scale_end));
    }
    match best {
        Some((r, v, ordinal)) => {
            let scale = scale_end.filter(|(sr, _)| sr.len() == r.len());
            Ok((r, words_num(v, ordinal, scale)))
        }
        None => fail(i),
    }
}

fn words_num(v: u64, ordinal: bool, scale: Option<(&str, u64)>) -> Num {
    let mut n = Num::from_words(v, ordinal);
    if let Some((_, s)) = scale
        && s > 1
    {
        n.scale = s as f64;
        n.base = v as f64 / s as f64;
    }
    n
}

/// A number in digits (with scale) or in words.
pub fn number(i: &str) -> PResult<'_, Num> {
    number_opts(i, true)
}

fn number_opts(i: &str, allow_and: bool) -> PResult<'_, Num> {
    match digit_scaled(i) {
        Ok(r) => Ok(r),
        Err(_) => word_number_opts(i, allow_and),
    }
}

// ---------------------------------------------------------------- vague

/// A vague amount and its range: `several` [3, 9], `a few` / `few` [2, 5],
/// `a handful` [2, 6], `a couple` [2, 3], `dozens` [24, 120], `scores` (of)
/// [40, 200], `hundreds` [200, 999], `thousands` [2000, 9999], `tens of
/// thousands` [20000, 99999], `hundreds of thousands` [200000, 999999],
/// `millions` [2e6, 9.99e8]. `several`/`a few`/`a handful`/`a couple` take a
/// multiplier (`several hundred` [300, 900]). A trailing `of` is not read.
pub fn vague(i: &str) -> PResult<'_, (f64, f64)> {
    const FIXED: &[(&str, f64, f64)] = &[
        ("tens of thousands", 2e4, 99_999.0),
        ("tens of millions", 2e7, 99_999_999.0),
        ("hundreds of thousands", 2e5, 999_999.0),
        ("hundreds of millions", 2e8, 999_999_999.0),
        ("dozens", 24.0, 120.0),
        ("hundreds", 200.0, 999.0),
        ("thousands", 2000.0, 9999.0),
        ("millions", 2e6, 9.99e8),
        ("billions", 2e9, 9.99e11),
    ];
    const HEADS: &[(&str, f64, f64)] = &[
        ("several", 3.0, 9.0),
        ("a few", 2.0, 5.0),
        ("few", 2.0, 5.0),
        ("a handful", 2.0, 6.0),
        ("a couple", 2.0, 3.0),
    ];
    let (_, w) = ascii_word(i)?;
    for &(p, lo, hi) in FIXED {
        if !first_word_is(p, w) {
            continue;
        }
        if let Ok((r, _)) = phrase(p)(i) {
            return Ok((r, (lo, hi)));
        }
    }
    if let Ok((r, _)) = (word_ci("scores"), peek((sp, word_ci("of")))).parse(i) {
        return Ok((r, (40.0, 200.0)));
    }
    for &(p, lo, hi) in HEADS {
        if !first_word_is(p, w) {
            continue;
        }
        if let Ok((r, _)) = phrase(p)(i) {
            let mult = preceded(
                sp,
                alt((
                    value(100.0, word_ci("hundred")),
                    value(1e3, word_ci("thousand")),
                    value(1e6, word_ci("million")),
                    value(1e9, word_ci("billion")),
                    value(12.0, word_ci("dozen")),
                )),
            )
            .parse(r);
            return Ok(match mult {
                Ok((r2, m)) => {
                    // `a few hundred thousand`
                    let then = preceded(
                        sp,
                        alt((
                            value(1e3, word_ci("thousand")),
                            value(1e6, word_ci("million")),
                        )),
                    )
                    .parse(r2);
                    match then {
                        Ok((r3, m2)) if m == 100.0 => (r3, (lo * m * m2, hi * m * m2)),
                        _ => (r2, (lo * m, hi * m)),
                    }
                }
                Err(_) => (r, (lo, hi)),
            });
        }
    }
    fail(i)
}

// ---------------------------------------------------------------- qualifiers

const QUALIFIERS: &[(&str, Qualifier)] = &[
    ("no fewer than", Qualifier::AtLeast),
    ("no less than", Qualifier::AtLeast),
    ("not less than", Qualifier::AtLeast),
    ("not fewer than", Qualifier::AtLeast),
    ("at least", Qualifier::AtLeast),
    ("a minimum of", Qualifier::AtLeast),
    ("no more than", Qualifier::AtMost),
    ("not more than", Qualifier::AtMost),
    ("at most", Qualifier::AtMost),
    ("a maximum of", Qualifier::AtMost),
    ("up to", Qualifier::AtMost),
    ("as many as", Qualifier::AtMost),
    ("more than", Qualifier::MoreThan),
    ("upwards of", Qualifier::MoreThan),
    ("in excess of", Qualifier::MoreThan),
    ("over", Qualifier::MoreThan),
    ("above", Qualifier::MoreThan),
    ("fewer than", Qualifier::LessThan),
    ("less than", Qualifier::LessThan),
    ("under", Qualifier::LessThan),
    ("below", Qualifier::LessThan),
    ("nearly", Qualifier::Approx),
    ("almost", Qualifier::Approx),
    ("close to", Qualifier::Approx),
    ("about", Qualifier::Approx),
    ("around", Qualifier::Approx),
    ("approximately", Qualifier::Approx),
    ("roughly", Qualifier::Approx),
    ("some", Qualifier::Approx),
    ("an estimated", Qualifier::Approx),
    ("estimated", Qualifier::Approx),
    ("circa", Qualifier::Approx),
];

/// Does phrase `p` begin with the word `w` (ASCII case-insensitive)?
fn first_word_is(p: &str, w: &str) -> bool {
    let pb = p.as_bytes();
    pb.get(..w.len())
        .is_some_and(|h| h.eq_ignore_ascii_case(w.as_bytes()))
        && pb.get(w.len()).is_none_or(|&b| b == b' ')
}

/// A qualifier phrase (without the space after it): `at least` → AtLeast,
/// `more than`/`over` → MoreThan, `about`/`~` → Approx, `up to` → AtMost,
/// `fewer than` → LessThan. Also returns the phrase itself.
pub fn qualifier(i: &str) -> PResult<'_, (Qualifier, &'static str)> {
    if let Some(r) = i.strip_prefix('~') {
        return Ok((r, (Qualifier::Approx, "~")));
    }
    let (_, w) = ascii_word(i)?;
    for &(p, q) in QUALIFIERS {
        if first_word_is(p, w)
            && let Ok((r, _)) = phrase(p)(i)
        {
            return Ok((r, (q, p)));
        }
    }
    fail(i)
}

// ---------------------------------------------------------------- amounts

/// A number, a range of two numbers, or a vague amount.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Amount {
    pub low: f64,
    pub high: f64,
    /// `Exact`, `Range` or `Vague`.
    pub qual: Qualifier,
    /// The (first) number; `None` for vague amounts.
    pub first: Option<Num>,
    /// The second number of a range.
    pub last: Option<Num>,
}

impl Amount {
    fn single(n: Num) -> Amount {
        Amount {
            low: n.value,
            high: n.value,
            qual: Qualifier::Exact,
            first: Some(n),
            last: None,
        }
    }
    fn nums(&self) -> impl Iterator<Item = Num> {
        self.first.into_iter().chain(self.last)
    }
    fn any(&self, f: impl Fn(&Num) -> bool) -> bool {
        self.nums().any(|n| f(&n))
    }
    fn all_digits(&self) -> bool {
        self.first.is_some() && !self.any(|n| n.words)
    }
}

/// Build a range; the scale of the second number carries to the first when
/// the first has none (`two to three million` → 2e6..3e6). Needs low < high.
fn make_range(a: Num, b: Num) -> Option<Amount> {
    if a.ordinal || b.ordinal || a.overlong || b.overlong {
        return None;
    }
    let low = if a.scale == 1.0 && b.scale > 1.0 && a.value < b.base {
        scaled(a.base, b.scale)
    } else {
        a.value
    };
    (low < b.value).then_some(Amount {
        low,
        high: b.value,
        qual: Qualifier::Range,
        first: Some(a),
        last: Some(b),
    })
}

fn between_range(i: &str) -> PResult<'_, Amount> {
    let (r0, _) = (word_ci("between"), sp).parse(i)?;
    // the first number may end at any of its readings: `between one
    // hundred and five and ...` vs `between one hundred and two hundred`
    let mut firsts: Vec<(&str, Num)> = Vec::new();
    match digit_scaled(r0) {
        Ok(f) => firsts.push(f),
        Err(_) => {
            let whole = word_number_ends(r0, true, &mut |r, n| firsts.push((r, n)));
            // readings that end the number early (`zero`, `first`, `a dozen`)
            if let Ok(f) = whole
                && firsts.last().is_none_or(|l| l.0.len() != f.0.len())
            {
                firsts.push(f);
            }
        }
    }
    for &(r, a) in firsts.iter().rev() {
        let Ok((r, _)) = (sp, word_ci("and"), sp).parse(r) else {
            continue;
        };
        let Ok((r, b)) = number(r) else { continue };
        if let Some(am) = make_range(a, b) {
            return Ok((r, am));
        }
    }
    fail(i)
}

fn from_range(i: &str) -> PResult<'_, Amount> {
    let (r, _) = (word_ci("from"), sp).parse(i)?;
    let (r, a) = number(r)?;
    let (r, _) = alt(((sp, word_ci("to"), sp).map(|_| ""), range_dash)).parse(r)?;
    let (r, b) = number(r)?;
    match make_range(a, b) {
        Some(am) => Ok((r, am)),
        None => fail(i),
    }
}

/// The rest of a range after its first number: `-15`, ` to 15`, ` or 11`.
fn range_tail(r: &str, a: Num) -> PResult<'_, Amount> {
    // gate on the next character before trying the separators
    let (r2, or) = if let Some(x) = r.strip_prefix('-') {
        (x, false)
    } else {
        let (r1, _) = sp0(r)?;
        match r1.chars().next() {
            Some('\u{2013}' | '\u{2014}') => (range_dash(r)?.0, false),
            Some('t' | 'T') if r1.len() < r.len() => ((word_ci("to"), sp).parse(r1)?.0, false),
            Some('o' | 'O') if r1.len() < r.len() => ((word_ci("or"), sp).parse(r1)?.0, true),
            _ => return fail(r),
        }
    };
    let (r3, b) = number(r2)?;
    if or && a.words != b.words {
        return fail(r);
    }
    match make_range(a, b) {
        Some(am) => Ok((r3, am)),
        None => fail(r),
    }
}

/// A number, range or vague amount: `6,500`, `between 10 and 15`,
/// `from 10 to 15`, `10-15`, `10 to 15`, `two or three`, `dozens`.
pub fn amount(i: &str) -> PResult<'_, Amount> {
    let first = i
        .as_bytes()
        .first()
        .copied()
        .unwrap_or(0)
        .to_ascii_lowercase();
    match first {
        b'b' => {
            if let Ok(r) = between_range(i) {
                return Ok(r);
            }
        }
        b'f' => {
            if let Ok(r) = from_range(i) {
                return Ok(r);
            }
        }
        _ => {}
    }
    if matches!(first, b'a' | b'b' | b'd' | b'f' | b'h' | b'm' | b's' | b't')
        && let Ok((r, (lo, hi))) = vague(i)
    {
        return Ok((
            r,
            Amount {
                low: lo,
                high: hi,
                qual: Qualifier::Vague,
                first: None,
                last: None,
            },
        ));
    }
    let (r, n) = number(i)?;
    if let Ok(r) = range_tail(r, n) {
        return Ok(r);
    }
    Ok((r, Amount::single(n)))
}

// ---------------------------------------------------------------- units

/// `%`, ` %`, ` percent`, ` per cent`, `-percent`, ` pct`.
pub fn percent_suffix(i: &str) -> PResult<'_, &str> {
    let (r, _) = alt((
        preceded(sp0, alt((tag("%"), tag("\u{ff05}")))),
        preceded(sp, phrase("per cent")),
        preceded(sp, word_ci("percent")),
        preceded(sp, word_ci("pct")),
        preceded(dash, word_ci("percent")),
    ))
    .parse(i)?;
    Ok((r, consumed(i, r)))
}

/// Currency after the amount: ` $`, `€`, ` dollars`, ` euros`, ` rubles`,
/// ` pounds sterling`, ` US dollars`.
pub fn money_suffix(i: &str) -> PResult<'_, &str> {
    let sym = preceded(sp0, alt((tag("$"), tag("\u{20ac}"), tag("\u{a3}")))).parse(i);
    if let Ok((r, _)) = sym {
        return Ok((r, consumed(i, r)));
    }
    let (r, _) = sp(i)?;
    if let Ok((r2, _)) = alt((phrase("pounds sterling"), phrase("us dollars"))).parse(r) {
        return Ok((r2, consumed(i, r2)));
    }
    let (r2, w) = ascii_word(r)?;
    if lexicon::money_word(w) {
        Ok((r2, consumed(i, r2)))
    } else {
        fail(i)
    }
}

/// Currency before the amount: `$`, `US$`, `€`, `£`, `¥`, `₹`, `Rs`, `Rs.`,
/// `USD`, `EUR`... (letter codes need a boundary after them).
pub fn currency_prefix(i: &str) -> PResult<'_, &str> {
    let (r, _) = alt((
        tag_ci("us$"),
        tag_ci("a$"),
        tag_ci("c$"),
        tag_ci("hk$"),
        tag_ci("nz$"),
        tag("$"),
        tag("\u{20ac}"),
        tag("\u{a3}"),
        tag("\u{a5}"),
        tag("\u{20b9}"),
        tag("Rs."),
        word_ci("rs"),
        alt((
            word_ci("usd"),
            word_ci("eur"),
            word_ci("gbp"),
            word_ci("rub"),
            word_ci("azn"),
            word_ci("inr"),
            word_ci("uah"),
        )),
    ))
    .parse(i)?;
    Ok((r, consumed(i, r)))
}

/// `-day`, `-year-old`, `-year-long`, `-kilometer`, `-foot`: the unit's kind.
pub fn hyphen_unit(i: &str) -> PResult<'_, Kind> {
    let (r, _) = dash(i)?;
    let (r, w) = ascii_word(r)?;
    let Some(kind) = lexicon::hyphen_unit(w) else {
        return fail(i);
    };
    if kind == Kind::Duration {
        if let Ok((r2, _)) = (dash, alt((word_ci("old"), word_ci("olds")))).parse(r) {
            return Ok((r2, Kind::Measure)); // an age: `14-year-old`
        }
        if let Ok((r2, _)) = (dash, word_ci("long")).parse(r) {
            return Ok((r2, Kind::Duration));
        }
    }
    Ok((r, kind))
}

/// ` years`, ` km`, ` miles`, ` years old` (an age → Measure), ` km/h`.
pub fn spaced_unit(i: &str) -> PResult<'_, Kind> {
    let (r, _) = sp(i)?;
    if let Ok((r2, _)) = (tag_ci("km/h"), peek(at_boundary_p)).parse(r) {
        return Ok((r2, Kind::Measure));
    }
    let (r2, w) = ascii_word(r)?;
    let Some(kind) = lexicon::spaced_unit(w) else {
        return fail(i);
    };
    if kind == Kind::Duration
        && let Ok((r3, _)) = (sp, word_ci("old")).parse(r2)
    {
        return Ok((r3, Kind::Measure));
    }
    Ok((r2, kind))
}

fn at_boundary_p(i: &str) -> PResult<'_, ()> {
    if at_boundary(i) { Ok((i, ())) } else { fail(i) }
}

/// A unit glued to digits: `9mm`, `5km`, `30kg`, `50km/h`.
pub fn attached_unit(i: &str) -> PResult<'_, Kind> {
    if let Ok((r, _)) = (tag_ci("km/h"), peek(at_boundary_p)).parse(i) {
        return Ok((r, Kind::Measure));
    }
    let (r, w) = ascii_word(i)?;
    if lexicon::attached_unit(w) {
        Ok((r, Kind::Measure))
    } else {
        fail(i)
    }
}

// ---------------------------------------------------------------- dates, times

fn digits_mn(i: &str, m: usize, n: usize) -> PResult<'_, u32> {
    let (r, d) = take_while_m_n(m, n, |c: char| c.is_ascii_digit()).parse(i)?;
    if starts_with_digit(r) {
        return fail(i);
    }
    Ok((r, digits_value(d) as u32))
}

fn ordinal_suffix(i: &str) -> PResult<'_, &str> {
    let (r, s) = alt((tag_ci("st"), tag_ci("nd"), tag_ci("rd"), tag_ci("th"))).parse(i)?;
    if at_boundary(r) { Ok((r, s)) } else { fail(i) }
}

/// `am`, `pm`, `a.m.`, `p.m.` → true for pm.
fn am_pm(i: &str) -> PResult<'_, bool> {
    alt((
        value(false, tag_ci("a.m.")),
        value(true, tag_ci("p.m.")),
        value(false, word_ci("a.m")),
        value(true, word_ci("p.m")),
        value(false, word_ci("am")),
        value(true, word_ci("pm")),
    ))
    .parse(i)
}

/// A clock time, valued `hour * 100 + minute` on a 24-hour clock:
/// `13:04` → 1304, `10:21 AM` → 1021, `6 p.m.` → 1800, `6pm` → 1800,
/// `13:04 GMT` (zone included), `1500 hrs` → 1500, `0936` → 936.
pub fn time(i: &str) -> PResult<'_, f64> {
    alt((clock_time, hour_time, hhmm_time)).parse(i)
}

fn to24(h: u32, pm: Option<bool>) -> u32 {
    match pm {
        Some(true) if h < 12 => h + 12,
        Some(false) if h == 12 => 0,
        _ => h,
    }
}

/// A time zone after a clock time: ` GMT`, ` hrs`, ` EST`.
fn zone(i: &str) -> PResult<'_, &str> {
    let (r, _) = sp(i)?;
    let (r2, w) = ascii_word(r)?;
    let mut buf = [0u8; 4];
    let Some(dst) = buf.get_mut(..w.len()) else {
        return fail(i);
    };
    for (d, b) in dst.iter_mut().zip(w.bytes()) {
        *d = b.to_ascii_lowercase();
    }
    match &*dst {
        b"gmt" | b"utc" | b"hrs" | b"est" | b"edt" | b"cst" | b"cdt" | b"pst" | b"pdt" | b"cet"
        | b"cest" | b"bst" | b"jst" | b"msk" | b"ist" => Ok((r2, consumed(i, r2))),
        _ => fail(i),
    }
}

/// `1500 hrs`, `2100 GMT`, `0936`: four-digit clock times, with a zone or a
/// leading zero.
fn hhmm_time(i: &str) -> PResult<'_, f64> {
    let (r, t) = d4(i)?;
    let (h, m) = (t / 100, t % 100);
    if h > 23 || m > 59 {
        return fail(i);
    }
    match zone(r) {
        Ok((r2, _)) => Ok((r2, f64::from(t))),
        // `0936`; not `0000` (as in the typo `6,306,0000`)
        Err(_) if i.starts_with('0') && t > 0 && at_boundary(r) => Ok((r, f64::from(t))),
        Err(e) => Err(e),
    }
}

fn clock_time(i: &str) -> PResult<'_, f64> {
    let (r, h) = d12(i)?;
    let (r, _) = char(':').parse(r)?;
    let (r, m) = d2(r)?;
    let (r, _) = opt((char(':'), d2)).parse(r)?;
    let (r, pm) = opt(preceded(sp0, am_pm)).parse(r)?;
    let (r, _) = opt(zone).parse(r)?;
    let ok = m < 60
        && if pm.is_some() {
            (1..=12).contains(&h)
        } else {
            h <= 24
        };
    if !ok {
        return fail(i);
    }
    Ok((r, f64::from(to24(h, pm) * 100 + m)))
}

fn hour_time(i: &str) -> PResult<'_, f64> {
    let (r, h) = d12(i)?;
    let (r, pm) = preceded(sp0, am_pm).parse(r)?;
    if !(1..=12).contains(&h) {
        return fail(i);
    }
    Ok((r, f64::from(to24(h, Some(pm)) * 100)))
}

fn date_value(y: u32, m: u32, d: u32) -> f64 {
    f64::from(y) * 10_000.0 + f64::from(m) * 100.0 + f64::from(d)
}

/// A date written in digits, valued `yyyymmdd`: `2021-11-17`, `17.11.2021`,
/// `11/17/2021` (month/day when the first part ≤ 12, else day/month).
pub fn date_numeric(i: &str) -> PResult<'_, f64> {
    let (r, (y, m, d)) = alt((date_iso, date_dmy)).parse(i)?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) || !(1000..=2999).contains(&y) {
        return fail(i);
    }
    let glued = r.chars().next().is_some_and(|c| {
        is_word_char(c) || (c == '.' && starts_with_digit(r.get(1..).unwrap_or("")))
    });
    if glued {
        return fail(i);
    }
    Ok((r, date_value(y, m, d)))
}

fn date_iso(i: &str) -> PResult<'_, (u32, u32, u32)> {
    let (r, y) = d4(i)?;
    let (r, sep) = alt((char('-'), char('/'))).parse(r)?;
    let (r, m) = d12(r)?;
    let (r, _) = char(sep).parse(r)?;
    let (r, d) = d12(r)?;
    Ok((r, (y, m, d)))
}

fn date_dmy(i: &str) -> PResult<'_, (u32, u32, u32)> {
    let (r, a) = d12(i)?;
    let (r, sep) = alt((char('.'), char('/'))).parse(r)?;
    let (r, b) = d12(r)?;
    let (r, _) = char(sep).parse(r)?;
    let (r, y) = alt((d4, d2)).parse(r)?;
    let y = if y < 100 { 2000 + y } else { y };
    // dots: day.month.year; slashes: month/day/year unless the first is > 12
    let (m, d) = if sep == '.' || a > 12 { (b, a) } else { (a, b) };
    Ok((r, (y, m, d)))
}

/// A month name, capitalised (`May`, not the verb `may`); abbreviations may
/// take a dot (`Nov.`, `Sept.`).
pub fn month_name(i: &str) -> PResult<'_, u32> {
    let (r, w) = ascii_word(i)?;
    if !w.as_bytes().first().is_some_and(u8::is_ascii_uppercase) {
        return fail(i);
    }
    let Some(m) = lexicon::month(w) else {
        return fail(i);
    };
    if lexicon::is_month_abbrev(w)
        && let Some(r2) = r.strip_prefix('.')
    {
        return Ok((r2, m));
    }
    Ok((r, m))
}

/// Day of month 1..=31 with an optional ordinal suffix (`17`, `17th`).
fn day(i: &str) -> PResult<'_, (u32, bool)> {
    let (r, d) = digits_mn(i, 1, 2)?;
    if !(1..=31).contains(&d) {
        return fail(i);
    }
    let (r, suffix) = opt(ordinal_suffix).parse(r)?;
    if !at_boundary(r) {
        return fail(i);
    }
    Ok((r, (d, suffix.is_some())))
}

fn year4(i: &str) -> PResult<'_, u32> {
    let (r, y) = d4(i)?;
    if !(1000..=2999).contains(&y) || !at_boundary(r) {
        return fail(i);
    }
    Ok((r, y))
}

/// `, 2021` / ` 2021` after a day.
fn date_year(i: &str) -> PResult<'_, u32> {
    preceded((opt(char(',')), sp_inline), year4).parse(i)
}

/// Month first, valued `yyyymmdd` (0 for a part not given):
/// `November 17th` → 1117, `Nov. 17` → 1117, `September 27, 2020` →
/// 20200927, `November 2020` → 20201100, `November 15th and 16th` → a
/// range 1115..1116.
pub fn date_month_first(i: &str) -> PResult<'_, (f64, f64)> {
    let (r, m) = month_name(i)?;
    let (r, _) = sp_inline(r)?;
    if let Ok((r, (d, _))) = day(r) {
        // optional second day: `15th and 16th`, `15-16`, `15 to 16`
        let (r, d2) = match second_day(r, d) {
            Ok((r2, d2)) => (r2, Some(d2)),
            Err(_) => (r, None),
        };
        let (r, y) = opt(date_year).parse(r)?;
        let y = y.unwrap_or(0);
        let lo = date_value(y, m, d);
        let hi = date_value(y, m, d2.unwrap_or(d));
        return Ok((r, (lo, hi)));
    }
    let (r, y) = year4(r)?;
    let v = date_value(y, m, 0);
    Ok((r, (v, v)))
}

/// The second day of `November 15th and 16th` / `November 15-16`.
fn second_day(x: &str, first: u32) -> PResult<'_, u32> {
    let (x2, and) = alt((
        (sp, word_ci("and"), sp).map(|_| true),
        (sp, word_ci("to"), sp).map(|_| false),
        range_dash.map(|_| false),
    ))
    .parse(x)?;
    let (x3, (d2, suffix)) = day(x2)?;
    // `November 15 and 16 people` is not a date pair
    let ends = x3
        .chars()
        .next()
        .is_none_or(|c| matches!(c, ',' | '.' | ';' | ')' | ':'));
    if d2 <= first || (and && !(suffix || ends)) {
        return fail(x);
    }
    Ok((x3, d2))
}

/// Day first: `17 November 2021`, `17th of November`, `8 Nov.`.
pub fn date_day_first(i: &str) -> PResult<'_, f64> {
    let (r, (d, _)) = day(i)?;
    let (r, _) = sp_inline(r)?;
    let (r, _) = opt((word_ci("of"), sp_inline)).parse(r)?;
    let (r, m) = month_name(r)?;
    let (r, y) = opt(date_year).parse(r)?;
    Ok((r, date_value(y.unwrap_or(0), m, d)))
}

/// A weekday before a date: `Tuesday, November 16, 2021`.
pub fn weekday_date(i: &str) -> PResult<'_, (f64, f64)> {
    let (r, w) = ascii_word(i)?;
    if !lexicon::is_weekday(w) {
        return fail(i);
    }
    let (r, _) = (opt(char(',')), sp).parse(r)?;
    alt((date_month_first, date_day_first.map(|v| (v, v)))).parse(r)
}

// ---------------------------------------------------------------- other kinds

/// `555-1234`, `555-123-4567`: a phone number (an identifier). The last
/// group ending in `00` is read as a range instead (`100-1000`).
pub fn phone(i: &str) -> PResult<'_, ()> {
    let (r, _) = (d3, char('-')).parse(i)?;
    let (r, _) = opt((d3, char('-'))).parse(r)?;
    let (r2, last) = take_while_m_n(4, 4, |c: char| c.is_ascii_digit()).parse(r)?;
    if starts_with_digit(r2) || last.ends_with("00") {
        return fail(i);
    }
    Ok((r2, ()))
}

/// `17th`, `1st`, `22nd`: an ordinal in digits.
pub fn ordinal_digits(i: &str) -> PResult<'_, f64> {
    let (r, d) = digit_run(i)?;
    if d.len() > 9 {
        return fail(i);
    }
    let (r, _) = ordinal_suffix(r)?;
    Ok((r, digits_value(d) as f64))
}

/// `1990s` → a Year range 1990..1999; `20s` (ages) → a Measure range 20..29.
pub fn decade(i: &str) -> PResult<'_, (Kind, f64, f64)> {
    let (r, d) = digit_run(i)?;
    let (r, _) = alt((tag("s"), tag("'s"), tag("\u{2019}s"))).parse(r)?;
    if !at_boundary(r) || d.len() > 4 {
        return fail(i);
    }
    let v = digits_value(d);
    let kind = match d.len() {
        4 if v.is_multiple_of(10) && (1800..=2100).contains(&v) => Kind::Year,
        2 if v.is_multiple_of(10) && v >= 10 => Kind::Measure,
        _ => return fail(i),
    };
    Ok((r, (kind, v as f64, v as f64 + 9.0)))
}

/// `2014-15`, crop years `1986/87`, `1986/1987` → a Year range.
pub fn year_range_short(i: &str) -> PResult<'_, (f64, f64)> {
    let (r, y) = d4(i)?;
    let slash = r.starts_with('/');
    let (r, _) = alt((tag("/"), range_dash)).parse(r)?;
    let (r, y2) = if slash {
        alt((d4, d2)).parse(r)?
    } else {
        d2(r)?
    };
    let y2 = if y2 < 100 { y - y % 100 + y2 } else { y2 };
    if !(1800..=2100).contains(&y) || y2 <= y || !at_boundary(r) {
        return fail(i);
    }
    Ok((r, (f64::from(y), f64::from(y2))))
}

/// `No. 5`, `no.12`: a number sign (an identifier).
pub fn number_sign(i: &str) -> PResult<'_, ()> {
    let (r, _) = (word_ci("no"), char('.'), sp0, digit_run).parse(i)?;
    Ok((r, ()))
}

/// An explicit zero: `no one`, `no-one`, `nobody`, `none`, or `no` before a
/// word (`no casualties`: only `no` is spanned). Not `no longer`, `no more`,
/// `no matter`...
pub fn zero(i: &str) -> PResult<'_, ()> {
    if let Ok((r, _)) = (word_ci("no"), alt((sp, tag("-"))), word_ci("one")).parse(i) {
        return Ok((r, ()));
    }
    if let Ok((r, _)) = alt((word_ci("nobody"), word_ci("none"))).parse(i) {
        return Ok((r, ()));
    }
    let (r, _) = word_ci("no")(i)?;
    let (_, (_, w)) = (sp, ascii_word).parse(r)?;
    if lexicon::is_no_idiom(w) {
        return fail(i);
    }
    Ok((r, ()))
}

// ---------------------------------------------------------------- mentions

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

/// The unit after an amount, in one pass over the next word: `%`,
/// ` percent`, ` per cent`, `$`, ` dollars`, `-day`, `-year-old`, `9mm`,
/// ` km`, ` years`, ` years old`.
fn unit_after(r: &str, digits_only: bool) -> Option<(&str, Kind)> {
    let c = r.chars().next()?;
    match c {
        '%' | '\u{ff05}' => percent_suffix(r).ok().map(|(r2, _)| (r2, Kind::Percent)),
        '$' | '\u{20ac}' | '\u{a3}' => money_suffix(r).ok().map(|(r2, _)| (r2, Kind::Money)),
        '-' | '\u{2011}' => match hyphen_unit(r) {
            Ok((r2, k)) => Some((r2, k)),
            Err(_) => percent_suffix(r).ok().map(|(r2, _)| (r2, Kind::Percent)),
        },
        c if c.is_ascii_alphabetic() => {
            if digits_only {
                attached_unit(r).ok()
            } else {
                None
            }
        }
        c if c.is_whitespace() => {
            // a unit stays on the number's line (`1.32 billion\nYear` is not a duration)
            let (r1, gap) = sp(r).ok()?;
            if gap.contains('\n') {
                return None;
            }
            let c2 = r1.chars().next()?;
            if matches!(c2, '%' | '\u{ff05}') {
                return percent_suffix(r).ok().map(|(r2, _)| (r2, Kind::Percent));
            }
            if matches!(c2, '$' | '\u{20ac}' | '\u{a3}') {
                return money_suffix(r).ok().map(|(r2, _)| (r2, Kind::Money));
            }
            if !c2.is_ascii_alphabetic() {
                return None;
            }
            let (r2, w) = ascii_word(r1).ok()?;
            let is = |x: &str| w.eq_ignore_ascii_case(x);
            if is("percent") || is("pct") {
                return Some((r2, Kind::Percent));
            }
            if is("per") {
                return (sp, word_ci("cent"))
                    .parse(r2)
                    .ok()
                    .map(|(r3, _)| (r3, Kind::Percent));
            }
            if is("pounds")
                && let Ok((r3, _)) = (sp, word_ci("sterling")).parse(r2)
            {
                return Some((r3, Kind::Money));
            }
            if is("us") {
                return (sp, word_ci("dollars"))
                    .parse(r2)
                    .ok()
                    .map(|(r3, _)| (r3, Kind::Money));
            }
            if lexicon::money_word(w) {
                return Some((r2, Kind::Money));
            }
            if is("km")
                && let Ok((r3, _)) = (tag_ci("km/h"), peek(at_boundary_p)).parse(r1)
            {
                return Some((r3, Kind::Measure));
            }
            match lexicon::spaced_unit(w)? {
                Kind::Duration => match (sp, word_ci("old")).parse(r2) {
                    Ok((r3, _)) => Some((r3, Kind::Measure)),
                    Err(_) => Some((r2, Kind::Duration)),
                },
                k => Some((r2, k)),
            }
        }
        _ => None,
    }
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
    let years = a.nums().all(|n| year_like(&n));
    let kind = match (a.qual, a.first) {
        (Qualifier::Range, Some(_)) if years => Kind::Year,
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
