//! Numbers in words: `twenty-one`, `one hundred and five`, `a dozen`,
//! ordinals; and [`number`], digits or words.

use nom::Parser;

use super::PResult;
use super::digits::{Num, digit_scaled};
use super::lexical::{ascii_word, dash, fail, gap1, sp, word_ci};
use crate::number::lexicon::{self, Word};

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
pub(super) fn word_number_ends<'a>(
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::number::grammar::{run, value_of};

    #[test]
    fn words_cardinals() {
        let cases: &[(&str, &str, f64)] = &[
            ("seven soldiers", "seven", 7.0),
            ("Seven", "Seven", 7.0),
            ("twenty-one", "twenty-one", 21.0),
            ("twenty one", "twenty one", 21.0),
            ("one hundred and five", "one hundred and five", 105.0),
            ("one hundred five", "one hundred five", 105.0),
            ("a hundred people", "a hundred", 100.0),
            ("two thousand", "two thousand", 2000.0),
            ("a thousand", "a thousand", 1000.0),
            (
                "one million two hundred thousand",
                "one million two hundred thousand",
                1_200_000.0,
            ),
            (
                "two million three hundred thousand and seven",
                "two million three hundred thousand and seven",
                2_300_007.0,
            ),
            ("nineteen hundred", "nineteen hundred", 1900.0),
            ("a dozen", "a dozen", 12.0),
            ("half a dozen", "half a dozen", 6.0),
            ("two dozen", "two dozen", 24.0),
            ("zero", "zero", 0.0),
            (
                "nine hundred and ninety-nine billion",
                "nine hundred and ninety-nine billion",
                999e9,
            ),
        ];
        for &(input, span, v) in cases {
            assert_eq!(value_of(word_number, input), Some((span, v)), "{input}");
        }
    }

    #[test]
    fn words_stop_where_the_number_ends() {
        assert_eq!(value_of(word_number, "one one"), Some(("one", 1.0)));
        assert_eq!(
            value_of(word_number, "twenty twenty"),
            Some(("twenty", 20.0))
        );
        assert_eq!(
            value_of(word_number, "one hundred and then"),
            Some(("one hundred", 100.0))
        );
        assert_eq!(value_of(word_number, "one-sided"), Some(("one", 1.0)));
        assert_eq!(value_of(word_number, "thousand million"), None);
        assert_eq!(
            value_of(word_number, "two thousand million"),
            Some(("two thousand", 2000.0))
        );
    }

    #[test]
    fn words_a_alone_is_never_a_number() {
        assert!(run(word_number, "a").is_none());
        assert!(run(word_number, "an").is_none());
        assert!(run(word_number, "a man").is_none());
        assert!(run(word_number, "another").is_none());
        assert!(run(word_number, "hundred").is_none());
    }

    #[test]
    fn words_boundaries() {
        assert!(run(word_number, "tenfold").is_none());
        assert!(run(word_number, "often").is_none());
        assert!(run(word_number, "someone").is_none());
        assert!(run(word_number, "sixth").is_some_and(|(_, n)| n.ordinal));
    }

    #[test]
    fn words_ordinals() {
        for (input, v) in [
            ("first", 1.0),
            ("second", 2.0),
            ("third", 3.0),
            ("tenth", 10.0),
            ("twentieth", 20.0),
            ("twenty-first", 21.0),
            ("hundredth", 100.0),
            ("one hundredth", 100.0),
        ] {
            let (s, n) = run(word_number, input).unwrap();
            assert_eq!((s, n.value, n.ordinal), (input, v, true), "{input}");
        }
    }

    #[test]
    fn words_without_and() {
        assert_eq!(
            run(|i| word_number_opts(i, false), "one hundred and five").map(|x| x.0),
            Some("one hundred")
        );
    }

    #[test]
    fn words_remember_their_scale() {
        let (_, n) = run(word_number, "three million").unwrap();
        assert_eq!((n.base, n.scale), (3.0, 1e6));
    }

    #[test]
    fn number_takes_digits_or_words() {
        assert_eq!(value_of(number, "42"), Some(("42", 42.0)));
        assert_eq!(value_of(number, "forty-two"), Some(("forty-two", 42.0)));
        assert_eq!(value_of(number, "people"), None);
    }
}
