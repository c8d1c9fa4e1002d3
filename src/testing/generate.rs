//! Generated test cases: English texts together with the reading recount
//! is meant to give them — what `recount generate` writes.
//!
//! Three sets ([`Set`]):
//!
//! * **quantities**: a sentence stating one quantity — a count in digits
//!   (`6,500`, `6 500`), in words (`a hundred and five`, `twenty-one`,
//!   `half a dozen`), mixed (`1.2 million`, `3.5bn`), vague (`dozens`,
//!   `scores of`), qualified (`at least`, `up to`), a range (`10-15`,
//!   `between ten and fifteen`), a zero (`no one`) or a percentage — with
//!   its [`Reading`]: kind, low, high, qualifier;
//! * **not-counts**: a casualty sentence whose only number is a look-alike
//!   that must never become a count — a year, date, time, amount of money,
//!   measure, age, duration, ordinal, street number or identifier — with
//!   its reading; it must give no claim;
//! * **claims**: one to four sentences, each a casualty clause composed
//!   from the default rules' phrases (`N soldiers were killed`, `killing N
//!   civilians`, `the death toll rose to N`, `N dead and M wounded`) or a
//!   distractor that must give no claim, with the [`ExpectedClaim`]s.
//!
//! The generators are deterministic functions of a stream of choices. Here
//! the stream is seeded ([`cases`]): the same seed gives the same cases in
//! every build and on every machine, and each case depends only on the
//! seed, the set and its index, so the first 10 of 100,000 cases are the
//! 10 cases of a run of 10. With the cargo feature `testing`, the same
//! generators are proptest strategies in `recount::testing` (feature `testing`), which shrink
//! a failing case to a simpler readable one.
//!
//! ```
//! use recount::generate::{CaseBody, Set, cases};
//! use recount::number::parse_exact;
//!
//! for case in cases(Set::Quantities, 7).take(200) {
//!     let CaseBody::Quantity(q) = case.body else { unreachable!() };
//!     // the mention is the whole phrase: `more than 6,500`
//!     let read = recount::number::scan(&q.text);
//!     assert_eq!(read.len(), 1, "{}", q.text);
//!     assert_eq!((read[0].start, read[0].end), (q.start, q.end), "{}", q.text);
//!     assert_eq!(q.expect.matches(&read[0]), true, "{}", q.text);
//!     let _ = parse_exact(q.mention());
//! }
//! ```
//!
//! `docs/testing.md` shows the records, the round trips through
//! `recount numbers` and `recount extract`, and driving pytest or
//! Hypothesis from them.

use super::choices::SplitMix;
use super::{quantities, sentences};
use crate::number::{Kind, Qualifier, Quantity};
use serde::Serialize;

/// Version of the case record `recount generate` writes
/// (`docs/schema/case.schema.json`).
pub const CASE_SCHEMA: &str = "recount.case/1";

/// Which cases to generate: `recount generate --kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Set {
    /// A sentence stating one count or percentage.
    Quantities,
    /// Casualty sentences and distractors, with the claims they state.
    Claims,
    /// A casualty sentence whose only number is not a count.
    NotCounts,
}

impl Set {
    /// Every set.
    pub const ALL: [Set; 3] = [Set::Quantities, Set::Claims, Set::NotCounts];

    /// The set as `--kind` and the record's `set` spell it.
    pub fn as_str(self) -> &'static str {
        match self {
            Set::Quantities => "quantities",
            Set::Claims => "claims",
            Set::NotCounts => "not-counts",
        }
    }

    /// A number that keeps the sets' streams apart for one seed.
    fn salt(self) -> u64 {
        match self {
            Set::Quantities => 0x7175_616e_7469_7479,
            Set::Claims => 0x636c_6169_6d73_0000,
            Set::NotCounts => 0x6e6f_742d_636f_756e,
        }
    }
}

/// How a quantity is written: the `form` of a quantity case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Form {
    /// Plain digits: `6500`, `1999 people` (a count: a plural follows).
    #[default]
    Digits,
    /// Digits in groups of three: `6,500`, `6 500` (also no-break and thin
    /// spaces).
    Separators,
    /// Words: `a hundred and five`, `twenty-one`, `half a dozen`.
    Words,
    /// A number and a scale: `1.2 million`, `5 thousand`, `3.5bn`, `10k`.
    Mixed,
    /// A vague amount, read as a range: `dozens` (24–120), `scores of`.
    Vague,
    /// An explicit zero: `no one`, `nobody`, `none`, `no`.
    Zero,
    /// A qualifier and a number: `at least 12`, `more than`, `nearly`,
    /// `up to`, `about`, `fewer than`.
    Qualified,
    /// A range: `10-15`, `10 to 15`, `between ten and fifteen`, `two or
    /// three`, `two to three million`.
    Range,
    /// A percentage: `68%`, `68 per cent`, `about 25%`, `10-15%`.
    Percent,
    /// A year: `in 2019`, `the 1990s`, `2014-2015`, `mid-2020`.
    Year,
    /// A date: `March 3`, `3 March 2021`, `17.11.2021`, `2021-11-17`.
    Date,
    /// A time of day: `13:04`, `10:21 PM`, `6 p.m.`
    Time,
    /// Money: `$2,500`, `€3m`, `£5 million`, `300 dollars`, `Rs 500`.
    Money,
    /// A measure: `5 km`, `1,007-kilometer`, `2.5m`, `500-pound`.
    Measure,
    /// An age: `19-year-old`, `19 years old`.
    Age,
    /// A duration: `six weeks`, `44-day`, `48 hours`.
    Duration,
    /// An ordinal: `17th`, `second`, `twenty-first`.
    Ordinal,
    /// A street number: `12 Elm Street`, `the 300 block of Main Street`.
    Street,
    /// A number that names: `COVID-19`, `F-16`, `G7`, `No. 5`, `555-1234`.
    Identifier,
}

impl Form {
    /// The forms of the quantities set, in the order they are listed.
    pub const QUANTITIES: [Form; 9] = [
        Form::Digits,
        Form::Separators,
        Form::Words,
        Form::Mixed,
        Form::Vague,
        Form::Zero,
        Form::Qualified,
        Form::Range,
        Form::Percent,
    ];

    /// The look-alikes of the not-counts set.
    pub const NOT_COUNTS: [Form; 10] = [
        Form::Year,
        Form::Date,
        Form::Time,
        Form::Money,
        Form::Measure,
        Form::Age,
        Form::Duration,
        Form::Ordinal,
        Form::Street,
        Form::Identifier,
    ];

    /// The form as the record's `form` spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            Form::Digits => "digits",
            Form::Separators => "separators",
            Form::Words => "words",
            Form::Mixed => "mixed",
            Form::Vague => "vague",
            Form::Zero => "zero",
            Form::Qualified => "qualified",
            Form::Range => "range",
            Form::Percent => "percent",
            Form::Year => "year",
            Form::Date => "date",
            Form::Time => "time",
            Form::Money => "money",
            Form::Measure => "measure",
            Form::Age => "age",
            Form::Duration => "duration",
            Form::Ordinal => "ordinal",
            Form::Street => "street",
            Form::Identifier => "identifier",
        }
    }

    /// Is it a look-alike (a form of the not-counts set)?
    pub fn is_look_alike(self) -> bool {
        Form::NOT_COUNTS.contains(&self)
    }
}

/// The reading a quantity must get: the fields and values of
/// `recount.number/1` (`docs/schema/number.schema.json`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Reading {
    /// What it measures.
    pub kind: Kind,
    /// Smallest value the text allows (`null`: unbounded below).
    pub low: Option<f64>,
    /// Largest value the text allows (`null`: open-ended).
    pub high: Option<f64>,
    /// How the text qualified it.
    pub qualifier: Qualifier,
}

impl Reading {
    /// `kind` with `low` and `high`, qualified.
    pub fn new(kind: Kind, low: Option<f64>, high: Option<f64>, qualifier: Qualifier) -> Reading {
        Reading {
            kind,
            low,
            high,
            qualifier,
        }
    }

    /// Does a quantity recount read agree with it (kind, range and
    /// qualifier; the span is the case's to check)?
    pub fn matches(&self, q: &Quantity) -> bool {
        q.kind == self.kind
            && q.low == self.low
            && q.high == self.high
            && q.qualifier == self.qualifier
    }
}

/// A sentence stating one quantity, and its reading.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct QuantityCase {
    /// How the quantity is written.
    pub form: Form,
    /// The sentence, one line.
    pub text: String,
    /// Byte offset of the mention in `text` (qualifier included), as
    /// `recount.number/1` counts.
    pub start: usize,
    /// Byte offset one past the mention.
    pub end: usize,
    /// The reading it must get.
    pub expect: Reading,
}

impl QuantityCase {
    /// The mention alone: `more than 6,500`.
    pub fn mention(&self) -> &str {
        self.text.get(self.start..self.end).unwrap_or_default()
    }
}

/// The construction of a sentence of the claims set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ClaimForm {
    /// The victims are the subject: `12 soldiers were killed`, `twelve
    /// people died`, `no one was hurt` (a category's `after` phrases).
    #[default]
    After,
    /// The victims are the object: `the blast killed 12 civilians`, `…,
    /// killing 12 civilians and wounding 30 children` (`before` phrases).
    Before,
    /// A toll noun: `the death toll rose to 40` (`tolls`).
    Toll,
    /// A noun after the number: `the attack left 12 dead and 30 wounded`
    /// (`nouns`).
    Nouns,
    /// A sentence that must give no claim: a release (`police freed 12
    /// hostages`), a denial, a count of things, a look-alike.
    Distractor,
}

impl ClaimForm {
    /// Every construction.
    pub const ALL: [ClaimForm; 5] = [
        ClaimForm::After,
        ClaimForm::Before,
        ClaimForm::Toll,
        ClaimForm::Nouns,
        ClaimForm::Distractor,
    ];

    /// The construction as the record's `form` spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimForm::After => "after",
            ClaimForm::Before => "before",
            ClaimForm::Toll => "toll",
            ClaimForm::Nouns => "nouns",
            ClaimForm::Distractor => "distractor",
        }
    }
}

/// A claim recount must read: the fields of `recount.claim/1` a
/// generated sentence decides.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct ExpectedClaim {
    /// The category, as the default rules name it (`killed`).
    pub category: String,
    /// Smallest value.
    pub low: Option<f64>,
    /// Largest value.
    pub high: Option<f64>,
    /// How the text qualified it.
    pub qualifier: Qualifier,
    /// Who the victims were, as the default rules name it (`military`).
    pub population: Option<String>,
}

impl ExpectedClaim {
    /// Does a claim recount read agree with it?
    pub fn matches(&self, c: &crate::Claim) -> bool {
        c.category == self.category
            && c.low == self.low
            && c.high == self.high
            && c.qualifier == self.qualifier
            && c.population == self.population
    }
}

/// Sentences and the claims they state, in text order.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct ClaimCase {
    /// The construction of each sentence, in order.
    pub forms: Vec<ClaimForm>,
    /// The sentences, one line.
    pub text: String,
    /// The claims, in text order; none if every sentence is a distractor.
    pub claims: Vec<ExpectedClaim>,
}

impl ClaimCase {
    /// Do the claims recount read agree with the expected ones, one for
    /// one and in order?
    pub fn matches(&self, claims: &[crate::Claim]) -> bool {
        claims.len() == self.claims.len()
            && self.claims.iter().zip(claims).all(|(e, c)| e.matches(c))
    }
}

/// One generated case: what a record of `recount generate` holds.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Case {
    /// `SET-SEED-INDEX`: unique in a run, and the `doc` of what recount
    /// reads from it.
    pub id: String,
    /// The set it belongs to.
    pub set: Set,
    /// The text and what it must give.
    pub body: CaseBody,
}

/// The text of a [`Case`] and what it must give.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum CaseBody {
    /// One quantity (the quantities and not-counts sets).
    Quantity(QuantityCase),
    /// Claims (the claims set).
    Claims(ClaimCase),
}

impl Case {
    /// The text of the case.
    pub fn text(&self) -> &str {
        match &self.body {
            CaseBody::Quantity(q) => &q.text,
            CaseBody::Claims(c) => &c.text,
        }
    }
}

/// The `index`th case of `set` for `seed`: the same in every run.
pub fn case(set: Set, seed: u64, index: u64) -> Case {
    // one stream per case: its own seed, mixed from the run's
    let mut mix = SplitMix::new(seed ^ set.salt());
    let mut stream = SplitMix::new(
        super::choices::Choices::word(&mut mix) ^ index.wrapping_mul(0xD1B5_4A32_D192_ED03),
    );
    let body = match set {
        Set::Quantities => CaseBody::Quantity(quantities::quantity(&mut stream)),
        Set::NotCounts => CaseBody::Quantity(quantities::not_count(&mut stream)),
        Set::Claims => CaseBody::Claims(sentences::report(&mut stream)),
    };
    Case {
        id: format!("{}-{seed}-{index}", set.as_str()),
        set,
        body,
    }
}

/// The cases of `set` for `seed`, in order, without end: take as many as
/// you need.
///
/// ```
/// use recount::generate::{Set, cases};
///
/// let first: Vec<_> = cases(Set::Claims, 7).take(3).collect();
/// let again: Vec<_> = cases(Set::Claims, 7).take(5).collect();
/// assert_eq!(first[..], again[..3]);
/// assert_eq!(first[0].id, "claims-7-0");
/// ```
pub fn cases(set: Set, seed: u64) -> impl Iterator<Item = Case> {
    (0..).map(move |i| case(set, seed, i))
}

/// One case as a JSON Lines record (`recount.case/1`, no newline): what
/// `recount generate` writes. Besides `text` and `expect` it has an `id`,
/// so that the same line read by `recount numbers -` or `recount extract
/// -` as a JSON Lines document names its results after the case.
///
/// ```
/// use recount::generate::{Set, case, case_json};
///
/// let line = case_json(&case(Set::Quantities, 7, 0));
/// let v: serde_json::Value = serde_json::from_str(&line).unwrap();
/// assert_eq!(v["schema"], "recount.case/1");
/// assert_eq!(v["id"], "quantities-7-0");
/// let (start, end) = (v["start"].as_u64().unwrap() as usize, v["end"].as_u64().unwrap() as usize);
/// assert_eq!(&v["text"].as_str().unwrap()[start..end], v["mention"].as_str().unwrap());
/// assert!(v["expect"]["kind"].is_string());
/// ```
pub fn case_json(case: &Case) -> String {
    #[derive(Serialize)]
    struct QuantityLine<'a> {
        schema: &'static str,
        id: &'a str,
        set: Set,
        form: Form,
        text: &'a str,
        start: usize,
        end: usize,
        mention: &'a str,
        expect: &'a Reading,
    }
    #[derive(Serialize)]
    struct ClaimsLine<'a> {
        schema: &'static str,
        id: &'a str,
        set: Set,
        form: String,
        text: &'a str,
        expect: &'a [ExpectedClaim],
    }
    let line = match &case.body {
        CaseBody::Quantity(q) => serde_json::to_string(&QuantityLine {
            schema: CASE_SCHEMA,
            id: &case.id,
            set: case.set,
            form: q.form,
            text: &q.text,
            start: q.start,
            end: q.end,
            mention: q.mention(),
            expect: &q.expect,
        }),
        CaseBody::Claims(c) => serde_json::to_string(&ClaimsLine {
            schema: CASE_SCHEMA,
            id: &case.id,
            set: case.set,
            form: c
                .forms
                .iter()
                .map(|f| f.as_str())
                .collect::<Vec<_>>()
                .join("+"),
            text: &c.text,
            expect: &c.claims,
        }),
    };
    line.unwrap_or_default()
}
