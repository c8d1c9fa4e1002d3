//! Vague amounts and their ranges: `several`, `dozens`, `tens of thousands`.

use nom::Parser;
use nom::branch::alt;
use nom::combinator::{peek, value};
use nom::sequence::preceded;

use super::PResult;
use super::lexical::{ascii_word, fail, first_word_is, phrase, sp, word_ci};

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::number::grammar::run;

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
}
