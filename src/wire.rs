//! The wire formats: every record recount writes for programs, and the
//! schema version each carries. One module owns them all, so a format is
//! defined in one place and its writer and reader cannot drift apart.
//!
//! | record | `schema` | writer | JSON Schema |
//! |---|---|---|---|
//! | a claim, one JSON Lines record (`recount extract`) | [`CLAIM_SCHEMA`] | [`claim_json`], [`claims_json`] | `docs/schema/claim.schema.json` |
//! | a document's record, before its claims (`recount extract --with-documents`) | [`DOCUMENT_SCHEMA`] | [`document_json`] | `docs/schema/document-record.schema.json` |
//! | the report (`recount report --format json`) | [`REPORT_SCHEMA`] | [`report_json`] | `docs/schema/report.schema.json` |
//! | a quantity (`recount numbers --format jsonl` / `json`) | [`NUMBER_SCHEMA`] | [`number_json`], [`numbers_json`] | `docs/schema/number.schema.json` |
//!
//! The map step's lines are read back by [`Record::parse`] (one line) and
//! [`crate::claims`] (whole files, for the reduce step).
//!
//! ```
//! use recount::{DocumentEntry, Pipeline, from_text};
//! use recount::wire::{self, DocumentRecord, Record};
//!
//! let pipeline = Pipeline::with_default_rules();
//! let doc = from_text("a.txt", "Three people were killed in the blast.");
//! let claims = pipeline.extract(&doc);
//!
//! // the map step's lines: the document's record, then its claims
//! let record = DocumentRecord::from_entry(&DocumentEntry::of(&doc, claims.len()), &doc.origin);
//! let record_line = wire::document_json(&record);
//! let claim_line = wire::claim_json(&claims[0]);
//! let value: serde_json::Value = serde_json::from_str(&claim_line).unwrap();
//! assert_eq!(value["schema"], wire::CLAIM_SCHEMA);
//! assert_eq!((value["category"].as_str(), value["low"].as_f64()), (Some("killed"), Some(3.0)));
//!
//! // and read back
//! assert_eq!(Record::parse(&record_line), Ok(Record::Document(record)));
//! assert_eq!(Record::parse(&claim_line), Ok(Record::Claim(claims[0].clone())));
//! ```

use crate::document::{self, Document};
use crate::extract::{Claim, Identity};
use crate::number::{self, Kind, Qualifier};
use crate::reconcile::{DocumentEntry, Fingerprint, Report};
use crate::text::LineIndex;
use jiff::civil::Date;
use serde::{Deserialize, Deserializer, Serialize};
use std::borrow::Cow;

/// Version of the claim contract (`docs/schema/claim.schema.json`).
pub const CLAIM_SCHEMA: &str = "recount.claim/1";
/// Version of the map step's document record
/// (`docs/schema/document-record.schema.json`).
pub const DOCUMENT_SCHEMA: &str = "recount.document/1";
/// Version of the JSON report contract (`docs/schema/report.schema.json`).
pub const REPORT_SCHEMA: &str = "recount.report/1";
/// Version of the quantity rows of `recount numbers`
/// (`docs/schema/number.schema.json`).
pub const NUMBER_SCHEMA: &str = "recount.number/1";

// ------------------------------------------------------------------ claims

/// One claim as a JSON Lines record (`recount.claim/1`, no newline): what
/// `recount extract` writes, a line per claim. [`Claim`]'s `Deserialize`
/// reads it back.
///
/// ```
/// use recount::{Claim, Pipeline, from_text};
///
/// let doc = from_text("a.txt", "Three people were killed in the blast.");
/// let claim = &Pipeline::with_default_rules().extract(&doc)[0];
/// let line = recount::wire::claim_json(claim);
/// assert!(line.starts_with(r#"{"schema":"recount.claim/1","doc":"a.txt","start":0"#));
/// let back: Claim = serde_json::from_str(&line).unwrap();
/// assert_eq!(&back, claim);
/// ```
pub fn claim_json(claim: &Claim) -> String {
    #[derive(Serialize)]
    struct Line<'a> {
        schema: &'static str,
        #[serde(flatten)]
        claim: &'a Claim,
    }
    serde_json::to_string(&Line {
        schema: CLAIM_SCHEMA,
        claim,
    })
    .unwrap_or_default()
}

/// Claims as one pretty-printed JSON array of `recount.claim/1` objects,
/// each object's keys in alphabetical order, with a final newline: what
/// `recount extract --format json` writes.
///
/// ```
/// use recount::{Pipeline, from_text};
///
/// let doc = from_text("a.txt", "Three people were killed and 40 injured.");
/// let claims = Pipeline::with_default_rules().extract(&doc);
/// let array: serde_json::Value = serde_json::from_str(&recount::wire::claims_json(&claims)).unwrap();
/// assert_eq!(array[1]["category"], "wounded");
/// assert_eq!(array[1]["schema"], "recount.claim/1");
/// ```
pub fn claims_json(claims: &[Claim]) -> String {
    let values: Vec<serde_json::Value> = claims
        .iter()
        .filter_map(|c| serde_json::from_str(&claim_json(c)).ok())
        .collect();
    let mut s = serde_json::to_string_pretty(&values).unwrap_or_default();
    s.push('\n');
    s
}

// --------------------------------------------------------------- documents

/// What the map step writes of a document: everything reconciliation needs
/// of it but its text. `recount.document/1`
/// (`docs/schema/document-record.schema.json`).
///
/// It is made from a [`DocumentEntry`] and turned back into one; its JSON
/// is written by [`document_json`] and read by serde (or [`Record::parse`]),
/// which refuses a fingerprint no document could have.
///
/// ```
/// use recount::{DocumentEntry, from_text};
/// use recount::wire::{self, DocumentRecord};
///
/// let doc = from_text("a.txt", "Blast at depot\nMay 4, 2023\n\nTwo people died.");
/// let entry = DocumentEntry::of(&doc, 1);
/// let record = DocumentRecord::from_entry(&entry, &doc.origin);
/// let line = wire::document_json(&record);
/// assert!(line.starts_with(r#"{"schema":"recount.document/1","id":"a.txt","origin":"a.txt","title":"Blast at depot""#));
/// let back: DocumentRecord = serde_json::from_str(&line).unwrap();
/// assert_eq!(back, record);
/// assert_eq!(back.into_entry(), entry);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentRecord {
    /// The document's id, as its claims' `doc` names it.
    pub(crate) id: String,
    /// Where the map step read it (`path`, `path:line` for JSON Lines), for
    /// messages.
    #[serde(default)]
    pub(crate) origin: String,
    pub(crate) title: Option<String>,
    pub(crate) outlet: Option<String>,
    pub(crate) published: Option<Date>,
    /// The `event` the input assigned, if any.
    pub(crate) event: Option<String>,
    /// How many claims the map step found in it.
    pub(crate) claims: usize,
    /// Why it was not read, if it was not (it then has no claims).
    pub(crate) skipped: Option<String>,
    /// Warnings met reading it (lossy decoding, bad metadata).
    #[serde(default)]
    pub(crate) warnings: Vec<String>,
    /// The text says it is a repost: of two copies, it is not the original.
    #[serde(default)]
    pub(crate) repost: bool,
    /// What identifies the incident it reports.
    #[serde(default, skip_serializing_if = "Identity::is_empty")]
    pub(crate) identity: Identity,
    /// What copy detection compares.
    #[serde(deserialize_with = "checked_fingerprint")]
    pub(crate) fingerprint: Fingerprint,
}

impl DocumentRecord {
    /// The record of a document the pipeline read (see
    /// [`DocumentEntry::of`]), read from `origin`.
    pub fn from_entry(entry: &DocumentEntry, origin: &str) -> DocumentRecord {
        DocumentRecord {
            id: entry.id.clone(),
            origin: origin.to_string(),
            title: entry.title.clone(),
            outlet: entry.outlet.clone(),
            published: entry.published,
            event: entry.event.clone(),
            claims: entry.claims,
            skipped: entry.skipped.clone(),
            warnings: entry.warnings.clone(),
            repost: entry.repost,
            identity: entry.identity.clone(),
            fingerprint: entry.fingerprint.clone(),
        }
    }

    /// What reconciliation keeps of the document: the entry
    /// [`Pipeline::run`](crate::Pipeline::run) would have made.
    pub fn into_entry(self) -> DocumentEntry {
        DocumentEntry {
            id: self.id,
            title: self.title,
            outlet: self.outlet,
            published: self.published,
            event: self.event,
            claims: self.claims,
            copy_of: None,
            skipped: self.skipped,
            warnings: self.warnings,
            // (a date that is only the publication date is left out of the
            // record: event clustering falls back to `published` alike)
            identity: self.identity,
            fingerprint: self.fingerprint,
            repost: self.repost,
        }
    }
}

/// One document's record as a JSON Lines record (`recount.document/1`, no
/// newline): what `recount extract --with-documents` writes before the
/// document's claims, for [`crate::claims`] to read back.
pub fn document_json(record: &DocumentRecord) -> String {
    #[derive(Serialize)]
    struct Line<'a> {
        schema: &'static str,
        #[serde(flatten)]
        record: &'a DocumentRecord,
    }
    serde_json::to_string(&Line {
        schema: DOCUMENT_SCHEMA,
        record,
    })
    .unwrap_or_default()
}

/// Shingle counts above this are not from a document (and would overflow
/// the containment estimate): 2^53, the largest integer every JSON reader
/// keeps exact.
const MAX_SHINGLES: u64 = 1 << 53;

/// A fingerprint as [`Fingerprint`]'s serde writes it, checked before it is
/// trusted: hashes strictly increasing, no more of them than shingles, a
/// shingle count a document can have.
fn checked_fingerprint<'de, D: Deserializer<'de>>(d: D) -> Result<Fingerprint, D::Error> {
    use serde::de::Error;
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Wire {
        sketch: Vec<u64>,
        shingles: u64,
    }
    let w = Wire::deserialize(d)?;
    if w.shingles > MAX_SHINGLES {
        return Err(D::Error::custom(format!(
            "fingerprint: {} shingles is more than a document has",
            w.shingles
        )));
    }
    if u64::try_from(w.sketch.len()).map_or(true, |n| n > w.shingles) {
        return Err(D::Error::custom(
            "fingerprint: more sketch hashes than shingles",
        ));
    }
    if !w
        .sketch
        .iter()
        .zip(w.sketch.iter().skip(1))
        .all(|(a, b)| a < b)
    {
        return Err(D::Error::custom(
            "fingerprint: sketch hashes not in strictly increasing order",
        ));
    }
    serde_json::from_value(serde_json::json!({"sketch": w.sketch, "shingles": w.shingles}))
        .map_err(D::Error::custom)
}

/// One line of the map step's output.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Record {
    /// `recount.document/1`
    Document(DocumentRecord),
    /// `recount.claim/1`
    Claim(Claim),
}

impl Record {
    /// Parse one line (without its newline). The error says what is wrong,
    /// without a location: `invalid JSON: expected value at column 1`,
    /// `unknown schema "recount.report/1" ...`, `recount.claim/1: missing
    /// field `category``.
    ///
    /// ```
    /// use recount::wire::Record;
    ///
    /// let err = Record::parse(r#"{"schema":"recount.claim/2"}"#).unwrap_err();
    /// assert_eq!(
    ///     err,
    ///     r#"unknown schema "recount.claim/2": expected "recount.claim/1" or "recount.document/1""#
    /// );
    /// let err = Record::parse(r#"{"schema":"recount.claim/1","doc":"a"}"#).unwrap_err();
    /// assert_eq!(err, "recount.claim/1: missing field `start`");
    /// ```
    pub fn parse(line: &str) -> Result<Record, String> {
        #[derive(Deserialize)]
        struct Head<'a> {
            #[serde(borrow, default)]
            schema: Option<Cow<'a, str>>,
        }
        if !line.trim_start().starts_with('{') {
            // valid JSON that is not an object, or not JSON at all
            return Err(match serde_json::from_str::<serde::de::IgnoredAny>(line) {
                Ok(_) => "expected a JSON object (one record a line)".to_string(),
                Err(e) => document::describe_json_error(&e),
            });
        }
        let head: Head =
            serde_json::from_str(line).map_err(|e| document::describe_json_error(&e))?;
        let expected = format!("expected \"{CLAIM_SCHEMA}\" or \"{DOCUMENT_SCHEMA}\"");
        match head.schema.as_deref() {
            Some(CLAIM_SCHEMA) => serde_json::from_str(line)
                .map(Record::Claim)
                .map_err(|e| format!("{CLAIM_SCHEMA}: {}", document::describe_json_error(&e))),
            Some(DOCUMENT_SCHEMA) => serde_json::from_str(line)
                .map(Record::Document)
                .map_err(|e| format!("{DOCUMENT_SCHEMA}: {}", document::describe_json_error(&e))),
            Some(other) => Err(format!("unknown schema {other:?}: {expected}")),
            None => Err(format!(
                "no \"schema\" key: {expected} (the JSON Lines `recount extract --with-documents` writes)"
            )),
        }
    }
}

// ------------------------------------------------------------------ report

/// The report as one pretty-printed JSON document (`recount.report/1`),
/// with a final newline: what `recount report --format json` writes, the
/// same as [`render`](crate::render) with [`Format::Json`](crate::Format::Json).
///
/// ```
/// use recount::{Pipeline, from_text};
///
/// let doc = from_text("a.txt", "Three people were killed in the blast.");
/// let outcome = Pipeline::with_default_rules().reconcile_documents([doc]);
/// let json: serde_json::Value =
///     serde_json::from_str(&recount::wire::report_json(&outcome.reconciliation)).unwrap();
/// assert_eq!(json["schema"], recount::wire::REPORT_SCHEMA);
/// assert_eq!(json["groups"][0]["category"], "killed");
/// ```
pub fn report_json(report: &Report) -> String {
    #[derive(Serialize)]
    struct JsonReport<'a> {
        schema: &'static str,
        #[serde(flatten)]
        rec: &'a Report,
    }
    let mut s = serde_json::to_string_pretty(&JsonReport {
        schema: REPORT_SCHEMA,
        rec: report,
    })
    .unwrap_or_default();
    s.push('\n');
    s
}

// ----------------------------------------------------------------- numbers

/// One quantity a document states, as `recount numbers` writes it
/// (`recount.number/1`): where it is (document, line, column, byte span),
/// its text, value range, qualifier and kind. Made by [`number_rows`];
/// written by [`number_json`], [`numbers_json`] and
/// [`numbers_table`](crate::numbers_table).
//
// The fields are in alphabetical order: the order the keys are written in.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NumberRow {
    pub(crate) column: usize,
    pub(crate) doc: String,
    pub(crate) end: usize,
    pub(crate) high: Option<f64>,
    pub(crate) kind: Kind,
    pub(crate) line: usize,
    pub(crate) low: Option<f64>,
    pub(crate) qualifier: Qualifier,
    pub(crate) schema: &'static str,
    pub(crate) start: usize,
    pub(crate) text: String,
}

/// Every quantity `doc` states, in text order (see [`number::scan`]).
///
/// ```
/// use recount::from_text;
/// use recount::wire::{number_json, number_rows};
///
/// let doc = from_text("a.txt", "Title\n\nMore than 6,500 people died in 2020.");
/// let rows = number_rows(&doc);
/// assert_eq!(rows.len(), 2);
/// assert_eq!(
///     number_json(&rows[0]),
///     r#"{"column":1,"doc":"a.txt","end":22,"high":null,"kind":"count","line":3,"low":6500.0,"qualifier":"more_than","schema":"recount.number/1","start":7,"text":"More than 6,500"}"#
/// );
/// ```
pub fn number_rows(doc: &Document) -> Vec<NumberRow> {
    let lines = LineIndex::new(&doc.text);
    number::scan(&doc.text)
        .into_iter()
        .map(|q| {
            let (line, column) = lines.line_col(&doc.text, q.start);
            NumberRow {
                column,
                doc: doc.id.clone(),
                end: q.end,
                high: q.high,
                kind: q.kind,
                line,
                low: q.low,
                qualifier: q.qualifier,
                schema: NUMBER_SCHEMA,
                start: q.start,
                text: doc.text.get(q.start..q.end).unwrap_or_default().to_string(),
            }
        })
        .collect()
}

/// One quantity as a JSON Lines record (no newline): what `recount numbers
/// --format jsonl` writes, a line per quantity.
pub fn number_json(row: &NumberRow) -> String {
    serde_json::to_string(row).unwrap_or_default()
}

/// Quantities as one pretty-printed JSON array, with a final newline: what
/// `recount numbers --format json` writes.
pub fn numbers_json(rows: &[NumberRow]) -> String {
    let mut s = serde_json::to_string_pretty(rows).unwrap_or_default();
    s.push('\n');
    s
}
