//! Other kinds: phone numbers, ordinals in digits, decades, short year
//! ranges, number signs and explicit zeros.

use nom::Parser;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while_m_n};
use nom::character::complete::char;
use nom::combinator::opt;

use super::PResult;
use super::dates::ordinal_suffix;
use super::digits::{d2, d3, d4, digit_run, digits_value};
use super::lexical::{
    ascii_word, at_boundary, fail, range_dash, sp, sp0, starts_with_digit, word_ci,
};
use crate::number::Kind;
use crate::number::lexicon;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::number::grammar::run;

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
}
