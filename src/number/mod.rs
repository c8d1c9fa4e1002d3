//! Stage 1: every quantity an English news text states, as a value range.
//!
//! Candidate positions are found first (digits and number words), and the
//! nom grammar runs only there. Each [`Quantity`] carries its byte span, its
//! range (`low`/`high`, `None` = open-ended), how the text qualified it, and
//! its [`Kind`], so years, dates, money and the like are reported for what
//! they are and never become casualty counts.

use serde::{Deserialize, Serialize};

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
