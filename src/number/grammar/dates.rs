//! Dates, valued `yyyymmdd`: in digits (`2021-11-17`, `17.11.2021`), month
//! first (`November 17th`), day first (`17 November 2021`), after a weekday.

use nom::Parser;
use nom::branch::alt;
use nom::character::complete::char;
use nom::combinator::opt;
use nom::sequence::preceded;

use super::PResult;
use super::digits::{d2, d4, d12, digits_mn};
use super::lexical::{
    ascii_word, at_boundary, fail, is_word_char, range_dash, sp, sp_inline, starts_with_digit,
    tag_ci, word_ci,
};
use crate::number::lexicon;

pub(super) fn ordinal_suffix(i: &str) -> PResult<'_, &str> {
    let (r, s) = alt((tag_ci("st"), tag_ci("nd"), tag_ci("rd"), tag_ci("th"))).parse(i)?;
    if at_boundary(r) { Ok((r, s)) } else { fail(i) }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::number::grammar::run;

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
}
