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
//!
//! One module per kind of parser: `lexical` (tags, words, gaps), `digits`,
//! `words`, `vague_amounts`, `qualifiers`, `amounts`, `units`, `times`,
//! `dates`, `other` (phones, ordinals in digits, decades, zero) and
//! `mentions`. Every parser is re-exported here; the helpers they share
//! stay `pub(super)`.

use nom::IResult;

mod amounts;
mod dates;
mod digits;
mod lexical;
mod mentions;
mod other;
mod qualifiers;
mod times;
mod units;
mod vague_amounts;
mod words;

// The scanner needs only these; each kind's parsers stay in their module.
pub(crate) use lexical::is_word_char;
pub(crate) use mentions::{Ctx, Hit, mention};
#[cfg(test)]
use {digits::Num, lexical::consumed};

/// Result type of every parser here.
pub type PResult<'a, T> = IResult<&'a str, T>;

/// Unit-test helper: run a parser and return (consumed text, output).
#[cfg(test)]
fn run<'a, T>(p: impl Fn(&'a str) -> PResult<'a, T>, i: &'a str) -> Option<(&'a str, T)> {
    p(i).ok().map(|(rest, v)| (consumed(i, rest), v))
}

/// Unit-test helper: [`run`] a number parser, keeping the value.
#[cfg(test)]
fn value_of<'a>(p: impl Fn(&'a str) -> PResult<'a, Num>, i: &'a str) -> Option<(&'a str, f64)> {
    run(p, i).map(|(s, n)| (s, n.value))
}
