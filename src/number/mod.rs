//! Stage 1: every quantity an English news text states, as a value range.
//!
//! Candidate positions are found first (digits and number words), and the
//! nom grammar runs only there. Each [`Quantity`] carries its byte span, its
//! range (`low`/`high`, `None` = open-ended), how the text qualified it, and
//! its [`Kind`], so years, dates, money and the like are reported for what
//! they are and never become casualty counts.

use std::ops::Range;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

pub mod grammar;
mod lexicon;
mod scanner;

pub use scanner::Scanner;

/// What a stated quantity measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Count,
    Percent,
    Year,
    Date,
    Time,
    Money,
    Measure,
    Duration,
    Ordinal,
    Identifier,
}

/// How the text qualified the value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Exact,
    AtLeast,
    MoreThan,
    AtMost,
    LessThan,
    Approx,
    Range,
    Vague,
}

/// One quantity mention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// Byte offset of the first byte of the mention (qualifier included).
    pub start: usize,
    /// Byte offset one past the mention's last byte (`%`, `percent` included).
    pub end: usize,
    /// Smallest value the text allows; `None` = unbounded below (only for `up to`-style forms without a floor... see docs).
    pub low: Option<f64>,
    /// Largest value the text allows; `None` = open-ended (`at least 7`).
    pub high: Option<f64>,
    pub qualifier: Qualifier,
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
#[cfg(test)]
mod tests;
