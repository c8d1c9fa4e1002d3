//! recount: casualty figures in news reports, traced to their quotes and
//! reconciled across sources.
//!
//! Data flows one way: documents ([`read_inputs`], [`from_text`],
//! [`from_html`]) → quantities ([`number`]) → claims ([`Claim`], found by
//! the [`Rules`]) → a [`Report`] of groups → renderings ([`render`],
//! [`explain`]). A [`Pipeline`] puts the stages behind one type; the
//! `recount` binary is a thin layer of argument parsing over it.
//!
//! Everything an embedder uses is re-exported here. Five modules are
//! public because they are whole subjects of their own: [`wire`] (every
//! record recount writes for programs, with its schema version),
//! [`claims`] (reading the map step's records back, for a reduce step),
//! [`number`] (the quantity scanner), [`eval`] (scoring against hand
//! annotation) and [`generate`] (texts with the reading they must get,
//! `recount generate`'s cases). With the cargo feature `testing`,
//! `recount::testing` has the same generators as proptest strategies
//! (`docs/testing.md`).
//!
//! # Embedding recount
//!
//! Five steps: rules, a pipeline, documents, claims, a report — and a
//! rendering if you want one.
//!
//! ```
//! use recount::{ExtractOptions, Format, Item, Pipeline, Rules, Status, Style, from_text};
//!
//! // 1. Rules: the built-in ones (`Rules::default_rules()`), or a rules
//! //    file's text, checked like source code. A file that starts with
//! //    `extends = "default"` adds to the built-in rules.
//! let rules = Rules::from_toml(
//!     "my-rules.toml",
//!     r#"
//! extends = "default"
//! [[category]]
//! name = "displaced"
//! after = ["displaced", "fled their homes"]
//! "#,
//! )?;
//!
//! // 2. A pipeline: build it once; it is `Send + Sync` and reusable.
//! let pipeline = Pipeline::new(rules, ExtractOptions::default());
//!
//! // 3. Documents: plain text (or `from_html`) with an id. A date line at
//! //    the top is read as the publication date; metadata can also be set
//! //    on the fields.
//! let wire = from_text(
//!     "wire.txt",
//!     "Train derails near Marlow Junction\nMarch 2, 2024\n\n\
//!      At least nine people were killed and 40 injured near Marlow Junction, according to the emergency service.\n",
//! );
//! let herald = from_text(
//!     "herald.txt",
//!     "Death toll rises to 12\nMarch 3, 2024\n\n\
//!      The death toll from the derailment near Marlow Junction rose to 12, regional governor Ilse Brandt said.\n",
//! );
//! let mut radio = from_text(
//!     "radio.txt",
//!     "March 3, 2024\n\nFourteen people died when the train derailed near Marlow Junction.\n",
//! );
//! radio.source = Some("National Radio News".into());
//!
//! // 4. Claims of one document, each traced to its sentence.
//! let claims = pipeline.extract(&wire);
//! let killed = claims.iter().find(|c| c.category == "killed").unwrap();
//! assert_eq!((killed.low, killed.high), (Some(9.0), None)); // "at least nine"
//! assert_eq!((killed.line, killed.column), (4, 1));
//! assert_eq!(killed.speaker.as_deref(), Some("emergency service"));
//! assert_eq!(killed.published, Some(jiff::civil::date(2024, 3, 2)));
//!
//! // 5. Reconcile: the same figure lined up across independent sources.
//! //    Documents without an `event` are joined into incidents by what
//! //    identifies them (here the place, Marlow Junction, and the days).
//! let items = [wire, herald, radio].into_iter().map(Item::Document);
//! let outcome = pipeline.run(items, |_progress| {});
//! let rec = &outcome.reconciliation;
//! let group = rec.groups.iter().find(|g| g.category == "killed").unwrap();
//! assert_eq!(group.status, Status::Conflict); // 12 and 14 on the same day
//! let mut values: Vec<String> = group.sources.iter().map(|s| s.display()).collect();
//! values.sort();
//! assert_eq!(values, ["12", "14", "at least 9"]);
//! let radio = group.sources.iter().find(|s| s.display() == "14").unwrap();
//! assert_eq!(radio.outlet.as_deref(), Some("National Radio News"));
//!
//! // 6. Render: the same report as `recount report --format markdown`.
//! let markdown = recount::render(rec, Format::Markdown, Style::default());
//! assert!(markdown.starts_with("| figure | sources |"));
//! assert!(markdown.contains("| conflict |"));
//! # Ok::<(), recount::RulesError>(())
//! ```
//!
//! Files, folders, JSON Lines and stdin are read by [`read_inputs`], whose
//! items go straight into [`Pipeline::run`]; documents already in memory go
//! into [`Pipeline::reconcile_documents`]. `examples/embed.rs` is a complete
//! program, and `docs/embedding.md` shows recount driven from Python and
//! from a shell pipeline too.
//!
//! # Errors
//!
//! The library never prints and never exits. Bad rules are a typed error,
//! [`RulesError`], located like a compiler's:
//!
//! ```
//! use recount::Rules;
//!
//! let err = Rules::from_toml("bad.toml", "schema = 1\n[[category]]\nnam = \"x\"\n").unwrap_err();
//! assert_eq!((err.file.as_str(), err.line), ("bad.toml", 3));
//! assert!(err.to_string().starts_with("bad.toml:3:"));
//! ```
//!
//! Inputs that cannot be read are not errors but [`InputProblem`]s,
//! reported in place while the rest is read, and kept in
//! [`Outcome::problems`]; [`Outcome::had_trouble`] says whether any was
//! worse than a warning.
//!
//! # Serialisation and contracts
//!
//! Claims, reports and outcomes derive `serde::Serialize`. The binary's
//! JSON outputs carry a versioned `schema` field, and each version has a
//! JSON Schema (draft 2020-12) under `docs/schema/`, checked by the test
//! suite against the binary's real output. [`wire`] writes them all:
//!
//! | output | `schema` | JSON Schema |
//! |---|---|---|
//! | `recount extract` (a line per claim; [`wire::claim_json`]) | `recount.claim/1` | `docs/schema/claim.schema.json` |
//! | `recount extract --with-documents` (a line per document, before its claims; [`wire::document_json`], read back by [`claims`]) | `recount.document/1` | `docs/schema/document-record.schema.json` |
//! | `recount report --format json` ([`wire::report_json`]) | `recount.report/1` | `docs/schema/report.schema.json` |
//! | `recount numbers --format jsonl` / `json` (a row per quantity; [`wire::number_json`]) | `recount.number/1` | `docs/schema/number.schema.json` |
//! | JSON Lines documents read (`--input-format jsonl`) | — | `docs/schema/document.schema.json` |
//! | `recount generate` (a line per case; [`generate::case_json`]) | `recount.case/1` | `docs/schema/case.schema.json` |
//!
//! ```
//! use recount::{Pipeline, from_text, wire};
//!
//! let pipeline = Pipeline::with_default_rules();
//! let doc = from_text("a.txt", "Three people were killed in the blast.");
//! let claim = &pipeline.extract(&doc)[0];
//! let line: serde_json::Value = serde_json::from_str(&wire::claim_json(claim)).unwrap();
//! assert_eq!(line["schema"], wire::CLAIM_SCHEMA);
//! assert_eq!(line["category"], "killed");
//! assert_eq!(line["low"], 3.0);
//! ```

// No panic reachable from input (issue 7): library code answers bad input
// with `None`, an error or a skipped document, never by indexing out of
// range, slicing inside a character or unwrapping. Tests may.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::string_slice,
        clippy::panic,
        clippy::unreachable,
        clippy::todo,
        clippy::unimplemented
    )
)]
#![deny(missing_docs)]

// The stages, private: what an embedder uses is re-exported below.
mod document;
mod extract;
mod pipeline;
mod reconcile;
mod report;
mod rules;
mod text;

// Whole subjects of their own, public as modules.
pub mod claims;
pub mod eval;
mod gazetteer;
pub mod number;
pub mod wire;

// The property-test kit (`src/testing/`): its generators always build, for
// `recount generate` ([`generate`]); its proptest strategies need the
// cargo feature `testing`, which makes the whole module public.
#[cfg(feature = "testing")]
pub mod testing;
#[cfg(not(feature = "testing"))]
mod testing;
pub use testing::generate;

pub use document::{
    Document, InputFormat, InputProblem, Item, ReadOptions, Severity, from_html, from_text,
    read_inputs, read_jsonl,
};
pub use extract::{
    Claim, Counts, Derivation, EventTime, ExtractOptions, Gender, Identity, ParseEventTimeError,
    Person, Reference,
};
pub use number::{Kind, Qualifier, Quantity};
pub use pipeline::{Mapped, Outcome, Pace, Pipeline, Progress};
pub use reconcile::{Basis, DocumentEntry, Event, Group, Report, SourceValue, Status, Total};
pub use report::{Format, Style, claims_table, explain, numbers_table, render};
pub use rules::{Category, Population, PopulationRole, Role, Rules, RulesError};

/// `docs/embedding.md`, whose Rust example runs as a doc-test.
#[doc = include_str!("../docs/embedding.md")]
#[cfg(doctest)]
pub struct EmbeddingGuide;

/// `docs/testing.md`, whose Rust example runs as a doc-test.
#[doc = include_str!("../docs/testing.md")]
#[cfg(all(doctest, feature = "testing"))]
pub struct TestingGuide;
