//! Stage 1: every quantity an English news text states, as a value range.
//!
//! Candidate positions are found first (digits and number words), and the
//! nom grammar runs only there. Each [`Quantity`] carries its byte span, its
//! range (`low`/`high`, `None` = open-ended), how the text qualified it, and
//! its [`Kind`], so years, dates, money and the like are reported for what
//! they are and never become casualty counts.
//!
//! `docs/numbers.md` describes the grammar.

use std::ops::Range;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

// Its `word_number` and `spaced_unit` serve only the grammar's tests
// (`tests.rs`): dead in other builds now that the grammar is private.
#[cfg_attr(not(test), allow(dead_code))]
mod grammar;
mod lexicon;
mod scanner;

pub use scanner::Scanner;

/// What a stated quantity measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Kind {
    /// A number of things or people: `12`, `dozens`, `a dozen`.
    Count,
    /// A share: `40%`, `40 percent`.
    Percent,
    /// A year or decade: `2020`, `the 1990s`.
    Year,
    /// A date: `March 3`, `17.11.2021`; the value is `YYYYMMDD` (`MMDD`
    /// without a year).
    Date,
    /// A time of day: `10:30`, `3 p.m.`
    Time,
    /// An amount of money: `$5 million`, `€20`.
    Money,
    /// A measurement with a unit: `5 km`, `40-ton`.
    Measure,
    /// A length of time: `three days`, `10-year`.
    Duration,
    /// A rank: `3rd`, `the second`.
    Ordinal,
    /// A number that names rather than counts: phone numbers, `No. 7`;
    /// it has no value.
    Identifier,
}

/// How the text qualified the value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Qualifier {
    /// As stated: `12`.
    Exact,
    /// `at least 12`: `high` is open.
    AtLeast,
    /// `more than 12`: `low` excluded, `high` open.
    MoreThan,
    /// `at most 12`, `up to 12`.
    AtMost,
    /// `fewer than 12`: `high` excluded.
    LessThan,
    /// `about 12`, `nearly 12`.
    Approx,
    /// `10 to 15`, `between 10 and 15`.
    Range,
    /// `dozens`, `hundreds of`: a vague range.
    Vague,
}

/// How far `about N` reaches either side of N when statements are
/// compared: ±10%, so `about 1,000` allows 900 to 1,100. Applied by
/// [`Qualifier::closed_bounds`], which reconciliation and the HTML report
/// both use.
pub const APPROX_TOLERANCE: f64 = 0.1;

impl Qualifier {
    /// The closed interval a statement with this qualifier allows, for
    /// comparing statements. `low` and `high` are the [`Quantity`]'s: a
    /// missing `low` is 0, a missing `high` unbounded (`f64::INFINITY`).
    ///
    /// * [`MoreThan`](Qualifier::MoreThan) excludes `low` (by 1e-9), and
    ///   [`LessThan`](Qualifier::LessThan) excludes `high`;
    /// * [`Approx`](Qualifier::Approx) widens both bounds by
    ///   [`APPROX_TOLERANCE`];
    /// * every other qualifier keeps the range as stated.
    ///
    /// ```
    /// use recount::number::Qualifier;
    /// // `about 1,000`: ±10%
    /// assert_eq!(Qualifier::Approx.closed_bounds(Some(1000.0), Some(1000.0)), (900.0, 1100.0));
    /// // `at least 7`: no upper bound
    /// assert_eq!(Qualifier::AtLeast.closed_bounds(Some(7.0), None), (7.0, f64::INFINITY));
    /// // `up to 5`: from 0
    /// assert_eq!(Qualifier::AtMost.closed_bounds(None, Some(5.0)), (0.0, 5.0));
    /// // `more than 6,500` excludes 6,500; `fewer than 10` excludes 10
    /// let (low, _) = Qualifier::MoreThan.closed_bounds(Some(6500.0), None);
    /// assert!(low > 6500.0 && low < 6500.001);
    /// let (_, high) = Qualifier::LessThan.closed_bounds(Some(0.0), Some(10.0));
    /// assert!(high < 10.0 && high > 9.999);
    /// ```
    pub fn closed_bounds(self, low: Option<f64>, high: Option<f64>) -> (f64, f64) {
        let low = low.unwrap_or(0.0);
        let high = high.unwrap_or(f64::INFINITY);
        match self {
            Qualifier::MoreThan => (low + 1e-9, high),
            Qualifier::LessThan => (low, high - 1e-9),
            Qualifier::Approx => (
                low * (1.0 - APPROX_TOLERANCE),
                high * (1.0 + APPROX_TOLERANCE),
            ),
            _ => (low, high),
        }
    }
}

/// One quantity mention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Quantity {
    /// Byte offset of the first byte of the mention (qualifier included).
    pub start: usize,
    /// Byte offset one past the mention's last byte (`%`, `percent` included).
    pub end: usize,
    /// Smallest value the text allows; `None` = unbounded below (only for `up to`-style forms without a floor... see docs).
    pub low: Option<f64>,
    /// Largest value the text allows; `None` = open-ended (`at least 7`).
    pub high: Option<f64>,
    /// How the text qualified the value.
    pub qualifier: Qualifier,
    /// What the quantity measures.
    pub kind: Kind,
}

impl Quantity {
    /// The mention's byte range in the scanned text.
    pub fn span(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The mention's text, if `source` is the text that was scanned.
    pub fn text<'a>(&self, source: &'a str) -> Option<&'a str> {
        source.get(self.start..self.end)
    }
}

static SCANNER: LazyLock<Scanner> = LazyLock::new(Scanner::new);

/// Every quantity mention in `text`, in order of `start`, non-overlapping.
///
/// ```
/// use recount::number::{scan, Kind, Qualifier};
/// let q = scan("The clashes killed more than 6,500 people in 2020.");
/// assert_eq!(q.len(), 2);
/// assert_eq!((q[0].kind, q[0].qualifier, q[0].low), (Kind::Count, Qualifier::MoreThan, Some(6500.0)));
/// assert_eq!(&"The clashes killed more than 6,500 people in 2020."[q[0].span()], "more than 6,500");
/// assert_eq!(q[1].kind, Kind::Year);
/// ```
pub fn scan(text: &str) -> Vec<Quantity> {
    SCANNER.scan(text)
}

/// [`scan`], appending to `out`: a caller scanning many short texts reuses
/// one buffer.
///
/// ```
/// let mut found = Vec::new();
/// recount::number::scan_into("12 killed", &mut found);
/// recount::number::scan_into("40%", &mut found);
/// assert_eq!(found.len(), 2);
/// ```
pub fn scan_into(text: &str, out: &mut Vec<Quantity>) {
    SCANNER.scan_into(text, out)
}

/// Parse one quantity phrase that must span the whole input (surrounding
/// whitespace aside; the span is relative to `phrase`). `None` if it is not
/// exactly one quantity.
///
/// ```
/// use recount::number::{parse_exact, Qualifier};
/// let q = parse_exact("between 10 and 15").unwrap();
/// assert_eq!((q.low, q.high, q.qualifier), (Some(10.0), Some(15.0), Qualifier::Range));
/// assert!(parse_exact("10 people").is_none());
/// ```
pub fn parse_exact(phrase: &str) -> Option<Quantity> {
    let trimmed = phrase.trim();
    let offset = phrase.len() - phrase.trim_start().len();
    match SCANNER.scan(trimmed).as_slice() {
        [q] if q.start == 0 && q.end == trimmed.len() && !trimmed.is_empty() => Some(Quantity {
            start: q.start + offset,
            end: q.end + offset,
            ..q.clone()
        }),
        _ => None,
    }
}
