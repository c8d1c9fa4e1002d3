//! Clock times: `13:04`, `10:21 AM`, `6 p.m.`, `1500 hrs`.

use nom::Parser;
use nom::branch::alt;
use nom::character::complete::char;
use nom::combinator::{opt, value};
use nom::sequence::preceded;

use super::PResult;
use super::digits::{d2, d4, d12};
use super::lexical::{ascii_word, at_boundary, consumed, fail, sp, sp0, tag_ci, word_ci};

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::number::grammar::run;

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
}
