//! Lexical helpers: case-insensitive tags and words, the bounded gaps
//! between words, dashes, and the failure and split primitives every parser
//! here uses.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while1};
use nom::character::complete::char;
use nom::error::{Error, ErrorKind};
use nom::{Err, Parser};

use super::PResult;

pub(super) fn fail<T>(i: &str) -> PResult<'_, T> {
    Err(Err::Error(Error::new(i, ErrorKind::Verify)))
}

/// Split `i` after `n` bytes, failing (not panicking) off a char boundary.
pub(super) fn split_at(i: &str, n: usize) -> PResult<'_, &str> {
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

pub(super) fn starts_with_digit(i: &str) -> bool {
    i.as_bytes().first().is_some_and(u8::is_ascii_digit)
}

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

pub(super) fn dash(i: &str) -> PResult<'_, char> {
    alt((char('-'), char('\u{2011}'))).parse(i)
}

pub(super) fn range_dash(i: &str) -> PResult<'_, &str> {
    alt((
        tag("-"),
        (sp0, alt((tag("\u{2013}"), tag("\u{2014}"))), sp0).map(|(_, d, _)| d),
    ))
    .parse(i)
}

/// Does phrase `p` begin with the word `w` (ASCII case-insensitive)?
pub(super) fn first_word_is(p: &str, w: &str) -> bool {
    let pb = p.as_bytes();
    pb.get(..w.len())
        .is_some_and(|h| h.eq_ignore_ascii_case(w.as_bytes()))
        && pb.get(w.len()).is_none_or(|&b| b == b' ')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::number::grammar::run;

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
}
