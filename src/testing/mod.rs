//! A property-test kit for number parsing and casualty extraction (cargo
//! feature `testing`): proptest strategies that yield English text
//! together with the reading recount is meant to give it.
//!
//! ```toml
//! [dev-dependencies]
//! recount = { version = "0.1", features = ["testing"] }
//! proptest = "1"
//! ```
//!
//! | strategy | yields | what it must give |
//! |---|---|---|
//! | [`quantities`], [`quantity`] | a [`QuantityCase`]: a sentence with one count or percentage, any [`Form`] | its [`Reading`]: kind, low, high, qualifier — the fields of `recount.number/1` |
//! | [`not_counts`] | a [`QuantityCase`] whose only number is a look-alike: year, date, time, money, measure, age, duration, ordinal, street number, identifier | its reading, and no claim |
//! | [`claims`] | a [`ClaimCase`]: one to four sentences, casualty clauses and distractors | its [`ExpectedClaim`]s: category, low, high, qualifier, population |
//! | [`sentence`] | a [`ClaimCase`] of one sentence of one [`ClaimForm`] | its claims (none for a distractor) |
//!
//! Each case is a pure function of the choices a generator makes, and the
//! same generators write `recount generate`'s seeded corpus
//! ([`crate::generate`], built without this feature and without proptest):
//! one set of generators for Rust property tests, the command line and
//! Python. A failing case shrinks to fewer sentences, simpler forms and
//! smaller values, always through whole cases, so the minimal example
//! reads like the others (`12 soldiers were killed.` rather than `1`).
//!
//! Testing another parser with the kit — here, a check that a phrase
//! parser reads every count the kit writes in digits:
//!
//! ```
//! use proptest::prelude::*;
//! use proptest::test_runner::TestRunner;
//! use recount::testing::{Form, quantity};
//!
//! // the parser under test: digits and `,` groups only
//! fn my_parse(s: &str) -> Option<f64> {
//!     s.replace(',', "").parse().ok()
//! }
//!
//! let mut runner = TestRunner::default();
//! runner
//!     .run(&quantity(Form::Digits), |case| {
//!         prop_assert_eq!(my_parse(case.mention()), case.expect.low, "{}", case.text);
//!         Ok(())
//!     })
//!     .unwrap();
//! ```
//!
//! `docs/testing.md` has a whole crate's property test, the record format
//! and the measured round trips.

mod choices;
mod english;
pub mod generate;
mod quantities;
mod sentences;
#[cfg(feature = "testing")]
mod strategies;

#[cfg(feature = "testing")]
pub use generate::{
    Case, CaseBody, ClaimCase, ClaimForm, ExpectedClaim, Form, QuantityCase, Reading, Set,
};
#[cfg(feature = "testing")]
pub use strategies::{Generated, GeneratedTree};

/// Sentences stating one count or percentage, every [`Form`] of the
/// quantities set, with their reading.
///
/// ```
/// use proptest::prelude::*;
/// use proptest::test_runner::TestRunner;
/// use recount::number::scan;
///
/// TestRunner::default()
///     .run(&recount::testing::quantities(), |case| {
///         let found = scan(&case.text);
///         prop_assert_eq!(found.len(), 1, "{}", case.text);
///         prop_assert_eq!((found[0].start, found[0].end), (case.start, case.end));
///         prop_assert!(case.expect.matches(&found[0]), "{} {:?}", case.text, found[0]);
///         Ok(())
///     })
///     .unwrap();
/// ```
#[cfg(feature = "testing")]
pub fn quantities() -> Generated<QuantityCase> {
    Generated::new("quantities", quantities::quantity)
}

/// Sentences stating one quantity written in `form`: a count form
/// (`Form::QUANTITIES`) or a look-alike (`Form::NOT_COUNTS`).
///
/// ```
/// use proptest::prelude::*;
/// use proptest::test_runner::TestRunner;
/// use recount::number::{parse_exact, Kind, Qualifier};
/// use recount::testing::{Form, quantity};
///
/// TestRunner::default()
///     .run(&quantity(Form::Range), |case| {
///         // `between ten and fifteen`, `10-15`, `two to three million`
///         let q = parse_exact(case.mention()).unwrap();
///         prop_assert_eq!(q.qualifier, Qualifier::Range);
///         prop_assert_eq!((q.low, q.high), (case.expect.low, case.expect.high), "{}", case.mention());
///         prop_assert_eq!(q.kind, Kind::Count);
///         Ok(())
///     })
///     .unwrap();
/// ```
#[cfg(feature = "testing")]
pub fn quantity(form: Form) -> Generated<QuantityCase> {
    Generated::new("quantity", move |c| quantities::quantity_of(c, form))
}

/// Casualty sentences whose only number must not be a count: years,
/// dates, times, money, measures, ages, durations, ordinals, street
/// numbers, identifiers. The reading has the look-alike's kind; the
/// sentence must give no claim.
///
/// ```
/// use proptest::prelude::*;
/// use proptest::test_runner::TestRunner;
/// use recount::{Kind, Pipeline, from_text};
///
/// let pipeline = Pipeline::with_default_rules();
/// TestRunner::default()
///     .run(&recount::testing::not_counts(), |case| {
///         prop_assert_ne!(case.expect.kind, Kind::Count);
///         let claims = pipeline.extract(&from_text("case", &case.text));
///         prop_assert!(claims.is_empty(), "{}: {:?}", case.text, claims);
///         Ok(())
///     })
///     .unwrap();
/// ```
#[cfg(feature = "testing")]
pub fn not_counts() -> Generated<QuantityCase> {
    Generated::new("not_counts", quantities::not_count)
}

/// One to four sentences — casualty clauses composed from the default
/// rules and distractors — with the claims they state, in text order.
///
/// ```
/// use proptest::prelude::*;
/// use proptest::test_runner::TestRunner;
/// use recount::{Pipeline, from_text};
///
/// let pipeline = Pipeline::with_default_rules();
/// TestRunner::default()
///     .run(&recount::testing::claims(), |case| {
///         let claims = pipeline.extract(&from_text("case", &case.text));
///         prop_assert!(case.matches(&claims), "{}\nexpected {:?}\nread {:?}", case.text, case.claims, claims);
///         Ok(())
///     })
///     .unwrap();
/// ```
#[cfg(feature = "testing")]
pub fn claims() -> Generated<ClaimCase> {
    Generated::new("claims", sentences::report)
}

/// One sentence of one construction: `ClaimForm::After` (`12 soldiers
/// were killed`), `Before` (`killing 12 civilians`), `Toll` (`the death
/// toll rose to 40`), `Nouns` (`12 dead and 30 wounded`) or `Distractor`
/// (no claim).
///
/// ```
/// use proptest::prelude::*;
/// use proptest::test_runner::TestRunner;
/// use recount::testing::{ClaimForm, sentence};
///
/// TestRunner::default()
///     .run(&sentence(ClaimForm::Distractor), |case| {
///         prop_assert!(case.claims.is_empty());
///         prop_assert_eq!(&case.forms, &[ClaimForm::Distractor]);
///         Ok(())
///     })
///     .unwrap();
/// ```
#[cfg(feature = "testing")]
pub fn sentence(form: ClaimForm) -> Generated<ClaimCase> {
    Generated::new("sentence", move |c| {
        let (text, claims) = sentences::sentence_of(c, form);
        ClaimCase {
            forms: vec![form],
            text,
            claims,
        }
    })
}
