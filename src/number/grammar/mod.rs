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

pub use amounts::{Amount, amount};
pub use dates::{date_day_first, date_month_first, date_numeric, month_name, weekday_date};
pub use digits::{Num, digit_number, digit_run, digit_scaled, scale_word};
pub use lexical::{
    ascii_word, at_boundary, consumed, gap1, is_word_char, phrase, sp, sp_inline, sp0, tag_ci,
    word_ci,
};
pub use mentions::{Ctx, Hit, mention};
pub use other::{decade, number_sign, ordinal_digits, phone, year_range_short, zero};
pub use qualifiers::qualifier;
pub use times::time;
pub use units::{
    attached_unit, currency_prefix, hyphen_unit, money_suffix, percent_suffix, spaced_unit,
};
pub use vague_amounts::vague;
pub use words::{number, word_number, word_number_opts};

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
