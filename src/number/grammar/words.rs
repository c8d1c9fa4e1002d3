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
    if let Ok((r, _)) = (word_ci("half"), sp, word_ci("a"), sp, word_ci("dozen")).parse(i) {
        return Ok((r, Num::from_words(6, false)));
    }
    let mut words = Words {
        st: St::Start,
        total: 0,
        current: 0,
        last_scale: u64::MAX,
    };
    let mut cur = i;
    let mut best: Option<(&str, u64, bool)> = None;
    let mut scale_end: Option<(&str, u64)> = None;
    while let Some((after, sep)) = words.gap(cur, allow_and) {
        let Ok((r, w)) = ascii_word(after) else { break };
        let Some(tok) = lexicon::number_word(w) else {
            break;
        };
        match words.step(tok, sep) {
            Step::A => {
                cur = r;
                continue;
            }
            Step::Last(v, ordinal) => {
                best = Some((r, v, ordinal));
                break;
            }
            Step::Stop => break,
            Step::More => {}
        }
        cur = r;
        let v = words.total + words.current;
        best = Some((r, v, false));
        // `three million`: remember the scale so `two to three million` works
        scale_end = (words.st == St::Scale).then_some((r, words.last_scale));
        on_end(r, words_num(v, false, scale_end));
    }
    match best {
        Some((r, v, ordinal)) => {
            let scale = scale_end.filter(|(sr, _)| sr.len() == r.len());
            Ok((r, words_num(v, ordinal, scale)))
        }
        None => fail(i),
    }
}

/// Where [`word_number_ends`] is: what the last word read was.
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

/// How the next word joins the last.
#[derive(Clone, Copy, PartialEq)]
enum Sep {
    None,
    Space,
    Hyphen,
    And,
}

/// What one more word does to a number in words.
enum Step {
    /// `a`/`an`: no number yet, but `hundred`, `thousand` or `dozen` may
    /// follow.
    A,
    /// The number goes on; its value so far is a reading.
    More,
    /// The number ends with this word: its value, and whether it is an
    /// ordinal.
    Last(u64, bool),
    /// The word is not part of the number.
    Stop,
}

/// A number in words as read so far: `total` holds the finished scale
/// groups (`two million`), `current` the group being read (`three
/// hundred`), `last_scale` the last scale word's value (the next must be
/// smaller: `thousand million` is not one number).
#[derive(Clone, Copy)]
struct Words {
    st: St,
    total: u64,
    current: u64,
    last_scale: u64,
}

impl Words {
    /// The gap before the next word and what it is; `None` ends the number.
    fn gap<'a>(&self, cur: &'a str, allow_and: bool) -> Option<(&'a str, Sep)> {
        let st = self.st;
        if st == St::Start {
            Some((cur, Sep::None))
        } else if st == St::A {
            // `a hundred`: one space or line break, as the scanner's patterns
            match gap1(cur) {
                Ok((r, _)) => Some((r, Sep::Space)),
                Err(_) => None,
            }
        } else if let Ok((r, _)) = dash(cur) {
            Some((r, Sep::Hyphen))
        } else if let Ok((r, _)) = sp(cur) {
            let and = if allow_and && matches!(st, St::Hundred | St::Scale) {
                (word_ci("and"), sp).parse(r).ok()
            } else {
                None
            };
            match and {
                Some((r2, _)) => Some((r2, Sep::And)),
                None => Some((r, Sep::Space)),
            }
        } else {
            None
        }
    }

    /// Read one more number word, joined by `sep`.
    fn step(&mut self, tok: Word, sep: Sep) -> Step {
        let Words {
            st,
            total,
            current,
            last_scale,
        } = *self;
        let spaced = matches!(sep, Sep::Space | Sep::And);
        let plain_space = sep == Sep::Space;
        use Word::*;
        match (st, tok) {
            (St::Start, A) => {
                self.st = St::A;
                return Step::A;
            }
            (St::Start, Zero) => return Step::Last(0, false),
            (St::Start, Unit(n)) => (self.current, self.st) = (n, St::Unit),
            (St::Start, Teen(n)) => (self.current, self.st) = (n, St::Teen),
            (St::Start, Tens(n)) => (self.current, self.st) = (n, St::Tens),
            (St::Start, OrdUnit(n) | OrdTeen(n) | OrdTens(n)) => return Step::Last(n, true),
            (St::Start, OrdHundred) => return Step::Last(100, true),
            (St::Start, OrdScale(s)) => return Step::Last(s, true),
            (St::A, Hundred) if plain_space => (self.current, self.st) = (100, St::Hundred),
            (St::A, Scale(s)) if plain_space => {
                (self.total, self.last_scale, self.st) = (s, s, St::Scale)
            }
            (St::A, Dozen) if plain_space => return Step::Last(12, false),
            (St::Tens, Unit(n)) if matches!(sep, Sep::Hyphen | Sep::Space) => {
                (self.current, self.st) = (current + n, St::Unit)
            }
            (St::Tens, OrdUnit(n)) if matches!(sep, Sep::Hyphen | Sep::Space) => {
                return Step::Last(total + current + n, true);
            }
            (St::Unit | St::Teen | St::Tens, Hundred) if plain_space && current < 100 => {
                (self.current, self.st) = (current * 100, St::Hundred)
            }
            (St::Unit | St::Teen | St::Tens | St::Hundred, Scale(s))
                if plain_space && s < last_scale && current > 0 =>
            {
                (self.total, self.current, self.last_scale, self.st) =
                    (total + current * s, 0, s, St::Scale)
            }
            (St::Unit | St::Teen | St::Tens, Dozen) if plain_space && total == 0 => {
                return Step::Last(current * 12, false);
            }
            (St::Unit | St::Teen | St::Tens, OrdHundred) if plain_space && current < 100 => {
                return Step::Last(total + current * 100, true);
            }
            (St::Unit | St::Teen | St::Tens | St::Hundred, OrdScale(s))
                if plain_space && s < last_scale && current > 0 =>
            {
                return Step::Last(total + current * s, true);
            }
            (St::Hundred | St::Scale, Unit(n)) if spaced => {
                (self.current, self.st) = (current + n, St::Unit)
            }
            (St::Hundred | St::Scale, Teen(n)) if spaced => {
                (self.current, self.st) = (current + n, St::Teen)
            }
            (St::Hundred | St::Scale, Tens(n)) if spaced => {
                (self.current, self.st) = (current + n, St::Tens)
            }
            (St::Hundred | St::Scale, OrdUnit(n) | OrdTeen(n) | OrdTens(n)) if spaced => {
                return Step::Last(total + current + n, true);
            }
            _ => return Step::Stop,
        }
        Step::More
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
