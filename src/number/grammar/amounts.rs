//! Amounts: a number, a range of two numbers (`between 10 and 15`,
//! `from 10 to 15`, `10-15`, `two or three`) or a vague amount.

use nom::Parser;
use nom::branch::alt;

use super::PResult;
use super::digits::{Num, digit_scaled, scaled};
use super::lexical::{fail, range_dash, sp, sp0, word_ci};
use super::vague_amounts::vague;
use super::words::{number, word_number_ends};
use crate::number::Qualifier;

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
    pub(super) fn nums(&self) -> impl Iterator<Item = Num> {
        self.first.into_iter().chain(self.last)
    }
    pub(super) fn any(&self, f: impl Fn(&Num) -> bool) -> bool {
        self.nums().any(|n| f(&n))
    }
    pub(super) fn all_digits(&self) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::number::grammar::run;

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
}
