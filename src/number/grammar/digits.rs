//! Numbers in digits: `1,007`, `2.5`, `1 000`, Reuters fractions, and scales
//! (`1.2 million`, `3.5bn`, `10k`); fixed-width digit runs for times and
//! dates.

use nom::Parser;
use nom::branch::alt;
use nom::bytes::complete::{take_while_m_n, take_while1};
use nom::combinator::value;
use nom::sequence::preceded;

use super::PResult;
use super::lexical::{fail, is_word_char, sp, starts_with_digit, word_ci};

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
    pub(super) fn from_words(v: u64, ordinal: bool) -> Num {
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
pub(super) fn digits_value(s: &str) -> u64 {
    s.bytes().fold(0u64, |acc, b| {
        acc.wrapping_mul(10)
            .wrapping_add(u64::from(b.wrapping_sub(b'0')))
    })
}

/// A run of ASCII digits.
pub fn digit_run(i: &str) -> PResult<'_, &str> {
    take_while1(|c: char| c.is_ascii_digit()).parse(i)
}

pub(super) fn digits_mn(i: &str, m: usize, n: usize) -> PResult<'_, u32> {
    let (r, d) = take_while_m_n(m, n, |c: char| c.is_ascii_digit()).parse(i)?;
    if starts_with_digit(r) {
        return fail(i);
    }
    Ok((r, digits_value(d) as u32))
}

pub(super) fn d2(i: &str) -> PResult<'_, u32> {
    digits_mn(i, 2, 2)
}

pub(super) fn d3(i: &str) -> PResult<'_, u32> {
    digits_mn(i, 3, 3)
}

pub(super) fn d4(i: &str) -> PResult<'_, u32> {
    digits_mn(i, 4, 4)
}

pub(super) fn d12(i: &str) -> PResult<'_, u32> {
    digits_mn(i, 1, 2)
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
pub(super) fn scaled(base: f64, s: f64) -> f64 {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::number::grammar::{run, value_of};

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
}
