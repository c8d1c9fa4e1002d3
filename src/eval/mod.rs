//! Scoring against hand annotation, as `recount eval` does: the gold TOML
//! of `shared/gold/` (claims, numbers that must not be claims, and the
//! reconciled figures the report must show), and JSON Lines of incidents
//! with a casualty database's counts.
//!
//! ```
//! use recount::eval::{Gold, render_gold, score_gold};
//! use recount::{Pipeline, from_text};
//!
//! let gold = Gold::from_toml("gold.toml", r#"
//! [[claim]]
//! doc = "a.txt"
//! quote = "Three people were killed in the blast."
//! number = "Three"
//! category = "killed"
//! low = 3
//! high = 3
//! "#)?;
//! let docs = [from_text("a.txt", "Three people were killed in the blast.")];
//! let report = score_gold(&Pipeline::with_default_rules(), &gold, &docs);
//! assert_eq!(report.f1(), 1.0);
//! assert!(report.passed_strict());
//! assert!(render_gold(&report).contains("required claims missed: 0"));
//! # Ok::<(), recount::eval::GoldError>(())
//! ```

use crate::document::{Document, from_text};
use crate::extract::Claim;
use crate::number::Qualifier;
use crate::pipeline::Pipeline;
use crate::reconcile::{Report, Status};
use crate::rules::Role;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

/// A gold file. Unknown tables are errors: a misspelt `[[claims]]` would
/// otherwise score nothing and pass.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Gold {
    #[serde(default)]
    #[allow(dead_code)] // read and checked, not scored
    pub(crate) event: Vec<GoldEvent>,
    #[serde(default)]
    pub(crate) claim: Vec<GoldClaim>,
    #[serde(default)]
    pub(crate) not_a_claim: Vec<NotAClaim>,
    #[serde(default)]
    pub(crate) expect: Vec<Expect>,
}

impl Gold {
    /// Read a gold file's text; `file` names it in the error, which is
    /// located like a compiler's (`gold.toml:1:3: unknown field ...`).
    ///
    /// ```
    /// let err = recount::eval::Gold::from_toml("g.toml", "[[claims]]\n").unwrap_err();
    /// assert!(err.to_string().starts_with("g.toml:1:3: unknown field `claims`"));
    /// ```
    pub fn from_toml(file: &str, text: &str) -> Result<Gold, GoldError> {
        toml::from_str(text).map_err(|e| {
            let (line, column) = e
                .span()
                .map_or((1, 1), |s| crate::text::line_col(text, s.start));
            GoldError {
                file: file.to_string(),
                line,
                column,
                message: e.message().to_string(),
            }
        })
    }
}

/// A gold file that cannot be read, located like a compiler error.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}:{column}: {message}")]
#[non_exhaustive]
pub struct GoldError {
    /// The file, as given to [`Gold::from_toml`].
    pub file: String,
    /// 1-based line of the problem.
    pub line: usize,
    /// 1-based column (in characters) of the problem.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

// The gold format's events are read (and so checked) but not scored.
#[allow(dead_code)]
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct GoldEvent {
    pub id: String,
    #[serde(default)]
    pub about: String,
}

// `approx` and `hedge` are part of the gold format, read but not scored.
#[allow(dead_code)]
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct GoldClaim {
    pub doc: String,
    pub quote: String,
    pub number: String,
    pub category: String,
    pub low: Option<f64>,
    pub high: Option<f64>,
    #[serde(default)]
    pub exclusive_low: bool,
    #[serde(default)]
    pub approx: bool,
    pub party: Option<String>,
    pub population: Option<String>,
    pub event: Option<String>,
    pub speaker: Option<String>,
    pub hedge: Option<String>,
    #[serde(default)]
    pub stretch: bool,
}

#[derive(Debug, Clone, Deserialize)]
pub(crate) struct NotAClaim {
    pub doc: String,
    pub quote: String,
    #[serde(default)]
    pub why: String,
}

#[derive(Debug, Clone, Deserialize)]
pub(crate) struct Expect {
    pub event: String,
    pub category: String,
    pub party: Option<String>,
    pub population: Option<String>,
    pub values: Vec<f64>,
    pub status: String,
    pub independent: usize,
}

/// Precision, recall and F1 of one category.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub(crate) struct Score {
    pub true_positives: usize,
    pub false_positives: usize,
    pub false_negatives: usize,
}

impl Score {
    pub fn precision(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_positives,
        )
    }
    pub fn recall(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_negatives,
        )
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, o: &Score) {
        self.true_positives += o.true_positives;
        self.false_positives += o.false_positives;
        self.false_negatives += o.false_negatives;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// The result of scoring against a gold file: per-category precision,
/// recall and F1, attribution accuracy, and every requirement of the gold
/// that failed. [`render_gold`] writes it for people.
#[derive(Debug, Clone, Default, Serialize)]
#[non_exhaustive]
pub struct GoldReport {
    pub(crate) per_category: BTreeMap<String, Score>,
    pub(crate) overall: Score,
    /// Attribution accuracy over matched claims: (correct, compared).
    pub(crate) party: (usize, usize),
    pub(crate) population: (usize, usize),
    pub(crate) speaker: (usize, usize),
    /// Non-stretch gold claims missed (or found with a wrong category or value).
    pub(crate) missed_required: usize,
    pub(crate) mismatches: Vec<String>,
    pub(crate) violations: Vec<String>,
    pub(crate) expect_failures: Vec<String>,
    pub(crate) expect_passed: usize,
    pub(crate) unexpected_conflicts: Vec<String>,
    pub(crate) documents_missing: Vec<String>,
}

impl GoldReport {
    /// The F1 over every category: `recount eval --min-f1` compares it.
    pub fn f1(&self) -> f64 {
        self.overall.f1()
    }

    /// Everything the gold requires holds: no required claim missed, no
    /// `not_a_claim` read as a claim, every expected group as expected, no
    /// other group in conflict, every gold document given
    /// (`recount eval --strict`).
    pub fn passed_strict(&self) -> bool {
        self.violations.is_empty()
            && self.expect_failures.is_empty()
            && self.unexpected_conflicts.is_empty()
            && self.missed_required == 0
            && self.documents_missing.is_empty()
    }
}

fn file_name(id: &str) -> &str {
    id.rsplit(['/', '\\']).next().unwrap_or(id)
}

fn same_value(c: &Claim, g: &GoldClaim) -> bool {
    let eq = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(x), Some(y)) => (x - y).abs() < 1e-9,
        (None, None) => true,
        _ => false,
    };
    let exclusive = c.qualifier == Qualifier::MoreThan;
    eq(c.low, g.low) && eq(c.high, g.high) && exclusive == g.exclusive_low
}

/// Speakers match when the words that name them overlap: `Azerbaijani MoD`
/// and `Azerbaijan's defence ministry` both name Azerbaijan's ministry.
pub(crate) fn same_speaker(predicted: &str, gold: &str) -> bool {
    fn norm(s: &str) -> Vec<String> {
        let s = s
            .to_lowercase()
            .replace('’', "'")
            .replace("'s", "")
            .replace("mod", "ministry defense")
            .replace("defence", "defense");
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| {
                !w.is_empty() && !matches!(*w, "the" | "of" | "a" | "an" | "statement" | "s")
            })
            .map(|w| {
                // demonym and country name: compare their first five letters
                w.chars().take(5).collect()
            })
            .collect()
    }
    let (p, g) = (norm(predicted), norm(gold));
    if p.is_empty() || g.is_empty() {
        return false;
    }
    let shared = g.iter().filter(|w| p.contains(w)).count();
    shared * 2 >= g.len().max(p.len())
}

/// Score a pipeline on gold documents: extract and reconcile `documents`
/// (the gold's documents, matched to the gold's `doc` by file name), then
/// compare the claims and groups with the gold.
pub fn score_gold(pipeline: &Pipeline, gold: &Gold, documents: &[Document]) -> GoldReport {
    let outcome = pipeline.reconcile_documents(documents.iter().cloned());
    // every claim the extractor read: those of the groups and the asides
    // (figures recount derived are no claim of the text)
    let rec = &outcome.reconciliation;
    let claims: Vec<Claim> = rec
        .groups
        .iter()
        .flat_map(|g| g.claims.iter())
        .chain(&rec.asides)
        .filter(|c| c.counts != crate::extract::Counts::Derived)
        .cloned()
        .collect();
    score(gold, documents, &claims, &outcome.reconciliation)
}

/// [`score_gold`] of the claims and report the pipeline gave.
fn score(gold: &Gold, documents: &[Document], claims: &[Claim], rec: &Report) -> GoldReport {
    let mut report = GoldReport::default();
    let docs: HashMap<&str, &Document> = documents.iter().map(|d| (file_name(&d.id), d)).collect();
    let gold_docs: Vec<&str> = {
        let mut v: Vec<&str> = gold
            .claim
            .iter()
            .map(|c| c.doc.as_str())
            .chain(gold.not_a_claim.iter().map(|c| c.doc.as_str()))
            .collect();
        v.sort();
        v.dedup();
        v
    };
    for d in &gold_docs {
        if !docs.contains_key(d) {
            report.documents_missing.push(d.to_string());
        }
    }
    let mut used = vec![false; claims.len()];
    let mut matched_events: HashMap<String, Vec<String>> = HashMap::new();
    let claim_event: HashMap<(&str, usize), &str> = rec
        .groups
        .iter()
        .flat_map(|g| {
            g.claims
                .iter()
                .map(move |c| ((c.doc.as_str(), c.start), g.event.as_str()))
        })
        .collect();
    for g in &gold.claim {
        let score = report.per_category.entry(g.category.clone()).or_default();
        let Some(doc) = docs.get(g.doc.as_str()) else {
            continue;
        };
        let Some(span) = locate(&doc.text, &g.quote, &g.number) else {
            report.mismatches.push(format!(
                "{}: gold quote not found in the document: {:?}",
                g.doc, g.quote
            ));
            score.false_negatives += 1;
            continue;
        };
        let found = claims.iter().zip(&used).enumerate().find(|(_, (c, used))| {
            !**used && file_name(&c.doc) == g.doc && c.start < span.1 && span.0 < c.end
        });
        let Some((i, (c, _))) = found else {
            score.false_negatives += 1;
            if !g.stretch {
                report.missed_required += 1;
            }
            report.mismatches.push(format!(
                "missed{}: {} {} in {}: {:?}",
                if g.stretch { " (stretch)" } else { "" },
                g.category,
                g.number,
                g.doc,
                g.quote
            ));
            continue;
        };
        if let Some(u) = used.get_mut(i) {
            *u = true;
        }
        if c.category != g.category || !same_value(c, g) {
            score.false_negatives += 1;
            report
                .per_category
                .entry(c.category.clone())
                .or_default()
                .false_positives += 1;
            if !g.stretch {
                report.missed_required += 1;
            }
            report.mismatches.push(format!(
                "wrong: {} {:?} read as {} {:?}–{:?} ({:?}), gold {} {:?}–{:?} in {}: {:?}",
                g.number,
                g.category,
                c.category,
                c.low,
                c.high,
                c.qualifier,
                g.category,
                g.low,
                g.high,
                g.doc,
                g.quote
            ));
            continue;
        }
        score.true_positives += 1;
        if let Some(e) = &g.event
            && let Some(pe) = claim_event.get(&(c.doc.as_str(), c.start))
        {
            matched_events
                .entry(e.clone())
                .or_default()
                .push(pe.to_string());
        }
        if c.role != Some(Role::Percent) {
            report.party.1 += 1;
            if c.party == g.party {
                report.party.0 += 1;
            } else {
                report.mismatches.push(format!(
                    "party: {:?} for {} in {:?}, gold {:?}",
                    c.party, g.number, g.quote, g.party
                ));
            }
        }
        if let Some(gp) = &g.population {
            report.population.1 += 1;
            if c.population.as_deref() == Some(gp) {
                report.population.0 += 1;
            } else {
                report.mismatches.push(format!(
                    "population: {:?} for {} in {:?}, gold {gp:?}",
                    c.population, g.number, g.quote
                ));
            }
        }
        if let Some(gs) = &g.speaker {
            report.speaker.1 += 1;
            if c.speaker.as_deref().is_some_and(|p| same_speaker(p, gs)) {
                report.speaker.0 += 1;
            } else {
                report.mismatches.push(format!(
                    "speaker: {:?} for {} in {:?}, gold {gs:?}",
                    c.speaker, g.number, g.quote
                ));
            }
        }
    }
    let gold_doc_set: Vec<&str> = gold_docs.clone();
    for (c, used) in claims.iter().zip(&used) {
        let name = file_name(&c.doc);
        if *used || !gold_doc_set.contains(&name) {
            continue;
        }
        report
            .per_category
            .entry(c.category.clone())
            .or_default()
            .false_positives += 1;
        report.mismatches.push(format!(
            "spurious: {} {} at {}:{}:{}: {:?}",
            c.category, c.number, c.doc, c.line, c.column, c.quote
        ));
    }
    for n in &gold.not_a_claim {
        let Some(doc) = docs.get(n.doc.as_str()) else {
            continue;
        };
        let Some(at) = doc.text.find(&n.quote) else {
            report.violations.push(format!(
                "{}: not_a_claim quote not found: {:?}",
                n.doc, n.quote
            ));
            continue;
        };
        let (s, e) = (at, at + n.quote.len());
        for c in claims
            .iter()
            .filter(|c| file_name(&c.doc) == n.doc && c.start >= s && c.end <= e)
        {
            report.violations.push(format!(
                "not a claim ({}), but read as {} {}: {:?}",
                n.why, c.category, c.number, n.quote
            ));
        }
    }
    for s in report.per_category.values() {
        report.overall.add(s);
    }
    // Which of our events is each gold event: the one most of its claims got.
    let event_map: HashMap<&str, String> = matched_events
        .iter()
        .filter_map(|(g, ps)| {
            let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
            for p in ps {
                *counts.entry(p).or_default() += 1;
            }
            counts
                .into_iter()
                .max_by_key(|(_, n)| *n)
                .map(|(p, _)| (g.as_str(), p.to_string()))
        })
        .collect();
    let mut expected_keys = Vec::new();
    for x in &gold.expect {
        let Some(event) = event_map.get(x.event.as_str()) else {
            report.expect_failures.push(format!(
                "{} {}: no claim of this event was found",
                x.event, x.category
            ));
            continue;
        };
        expected_keys.push((
            event.clone(),
            x.category.clone(),
            x.party.clone(),
            x.population.clone(),
        ));
        let group = rec.groups.iter().find(|g| {
            g.event == *event
                && g.category == x.category
                && g.party == x.party
                && g.population == x.population
                && g.subject.is_none()
        });
        let label = format!(
            "{} · {} · {} · {}",
            x.event,
            x.party.as_deref().unwrap_or("any side"),
            x.population.as_deref().unwrap_or("-"),
            x.category
        );
        let Some(group) = group else {
            report
                .expect_failures
                .push(format!("{label}: no such group"));
            continue;
        };
        let mut values: Vec<f64> = group
            .sources
            .iter()
            .filter_map(|s| s.low.or(s.high))
            .collect();
        values.sort_by(|a, b| a.total_cmp(b));
        values.dedup();
        let mut want = x.values.clone();
        want.sort_by(|a, b| a.total_cmp(b));
        let mut problems = Vec::new();
        if group.status.as_str() != x.status {
            problems.push(format!(
                "status {} (want {})",
                group.status.as_str(),
                x.status
            ));
        }
        if values != want {
            problems.push(format!("values {values:?} (want {want:?})"));
        }
        if group.independent_sources != x.independent {
            problems.push(format!(
                "{} independent sources (want {})",
                group.independent_sources, x.independent
            ));
        }
        if problems.is_empty() {
            report.expect_passed += 1;
        } else {
            report
                .expect_failures
                .push(format!("{label}: {}", problems.join(", ")));
        }
    }
    for g in rec.groups.iter().filter(|g| g.status == Status::Conflict) {
        let key = (
            g.event.clone(),
            g.category.clone(),
            g.party.clone(),
            g.population.clone(),
        );
        if !expected_keys.contains(&key) {
            report.unexpected_conflicts.push(g.figure());
        }
    }
    report
}

/// Byte span of `number` inside the first occurrence of `quote`.
fn locate(text: &str, quote: &str, number: &str) -> Option<(usize, usize)> {
    let q = text.find(quote)?;
    let n = quote.find(number)?;
    Some((q + n, q + n + number.len()))
}

/// The gold report as text, each mismatch on a line of its own: what
/// `recount eval --gold` prints.
pub fn render_gold(r: &GoldReport) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<12} {:>9} {:>7} {:>6}   tp  fp  fn",
        "category", "precision", "recall", "F1"
    );
    for (cat, s) in &r.per_category {
        let _ = writeln!(
            out,
            "{:<12} {:>9.3} {:>7.3} {:>6.3}  {:>3} {:>3} {:>3}",
            cat,
            s.precision(),
            s.recall(),
            s.f1(),
            s.true_positives,
            s.false_positives,
            s.false_negatives
        );
    }
    let s = &r.overall;
    let _ = writeln!(
        out,
        "{:<12} {:>9.3} {:>7.3} {:>6.3}  {:>3} {:>3} {:>3}",
        "all",
        s.precision(),
        s.recall(),
        s.f1(),
        s.true_positives,
        s.false_positives,
        s.false_negatives
    );
    let acc = |(a, b): (usize, usize)| format!("{:.3} ({a}/{b})", ratio(a, b));
    let _ = writeln!(
        out,
        "attribution: party {}, population {}, speaker {}",
        acc(r.party),
        acc(r.population),
        acc(r.speaker)
    );
    let _ = writeln!(out, "required claims missed: {}", r.missed_required);
    let _ = writeln!(out, "not_a_claim violated: {}", r.violations.len());
    let _ = writeln!(
        out,
        "expected groups: {} hold, {} fail; unexpected conflicts: {}",
        r.expect_passed,
        r.expect_failures.len(),
        r.unexpected_conflicts.len()
    );
    for m in r.documents_missing.iter() {
        let _ = writeln!(out, "  document missing: {m}");
    }
    for v in &r.violations {
        let _ = writeln!(out, "  violation: {v}");
    }
    for v in &r.expect_failures {
        let _ = writeln!(out, "  expect failed: {v}");
    }
    for v in &r.unexpected_conflicts {
        let _ = writeln!(out, "  unexpected conflict: {v}");
    }
    for m in &r.mismatches {
        let _ = writeln!(out, "  {m}");
    }
    out
}

// ---------------------------------------------------------------- incidents

/// One incident of the incidents format (`gva-dev/incidents.jsonl`): its
/// articles and the counts a casualty database recorded.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct Incident {
    pub(crate) incident_id: String,
    pub(crate) gold: IncidentGold,
    #[serde(default)]
    #[allow(dead_code)] // read, never used: part of the format
    pub(crate) incident_date: Option<String>,
    pub(crate) docs: Vec<IncidentDoc>,
}

#[derive(Debug, Clone, Deserialize)]
pub(crate) struct IncidentGold {
    pub killed: Option<f64>,
    pub injured: Option<f64>,
}

#[derive(Debug, Clone, Deserialize)]
pub(crate) struct IncidentDoc {
    pub doc_id: String,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    pub text: String,
}

/// How often the reconciled totals equal the recorded counts: start from
/// `IncidentReport::default()`, add each incident with [`score_incident`],
/// and write it with [`render_incidents`].
#[derive(Debug, Clone, Default, Serialize)]
#[non_exhaustive]
pub struct IncidentReport {
    pub(crate) incidents: usize,
    pub(crate) documents: usize,
    pub(crate) killed_exact: usize,
    pub(crate) injured_exact: usize,
    pub(crate) killed_positive: usize,
    pub(crate) killed_positive_exact: usize,
    pub(crate) injured_positive: usize,
    pub(crate) injured_positive_exact: usize,
    /// The recorded count is among the figures extracted.
    pub(crate) killed_among: usize,
    pub(crate) injured_among: usize,
    pub(crate) misses: Vec<String>,
}

impl Incident {
    /// One line of an incidents file (JSON). The error is serde's message
    /// (``missing field `gold` at line 1 column 19``).
    ///
    /// ```
    /// use recount::eval::Incident;
    ///
    /// let line = r#"{"incident_id":"1","gold":{"killed":1,"injured":0},"docs":[{"doc_id":"a","text":"A man was killed."}]}"#;
    /// assert!(Incident::from_json(line).is_ok());
    /// assert!(Incident::from_json(r#"{"incident_id":"1"}"#).unwrap_err().starts_with("missing field"));
    /// ```
    pub fn from_json(line: &str) -> Result<Incident, String> {
        serde_json::from_str(line).map_err(|e| e.to_string())
    }

    /// The incident's articles as documents of one event.
    pub(crate) fn documents(&self) -> Vec<Document> {
        self.docs
            .iter()
            .map(|d| {
                // The headline states figures too ("5 hurt as …").
                let text = match &d.title {
                    Some(t) => format!("{t}\n\n{}", d.text),
                    None => d.text.clone(),
                };
                let mut doc = from_text(&d.doc_id, &text);
                doc.title = d.title.clone();
                if let Some(p) = d
                    .date
                    .as_deref()
                    .and_then(|s| s.get(..10))
                    .and_then(|s| s.parse().ok())
                {
                    doc.published = Some(p);
                }
                doc.event = Some(self.incident_id.clone());
                doc
            })
            .collect()
    }
}

/// Run the pipeline on one incident's articles and compare its totals with
/// the record, adding the result to `report`; with `show_misses`, each
/// incident whose totals miss the record is listed with its quotes.
pub fn score_incident(
    pipeline: &Pipeline,
    incident: &Incident,
    report: &mut IncidentReport,
    show_misses: bool,
) {
    let docs = incident.documents();
    let mut claims = Vec::new();
    let mut entries = Vec::new();
    for d in &docs {
        let c = pipeline.extract(d);
        entries.push(pipeline.entry(d, c.len()));
        claims.extend(c);
    }
    let rec = pipeline.reconcile_claims(entries, claims.clone());
    report.incidents += 1;
    report.documents += docs.len();
    let rules = pipeline.rules();
    let name = |role: Role| {
        rules
            .category_with(role)
            .and_then(|c| rules.categories.get(c as usize))
            .map(|c| c.name.as_str())
    };
    let total = |role: Role| {
        rec.totals
            .iter()
            .find(|t| t.event == incident.incident_id && Some(t.category.as_str()) == name(role))
            .and_then(|t| t.best)
            .unwrap_or(0.0)
    };
    // the report's own totals: the wounded include those derived as people
    // shot minus people killed
    let killed = total(Role::Killed);
    let injured = total(Role::Wounded);
    let reconciled = |role: Role| {
        if role == Role::Wounded {
            injured
        } else {
            killed
        }
    };
    for (role, gold, exact, positive, positive_exact, among) in [
        (
            Role::Killed,
            incident.gold.killed,
            &mut report.killed_exact,
            &mut report.killed_positive,
            &mut report.killed_positive_exact,
            &mut report.killed_among,
        ),
        (
            Role::Wounded,
            incident.gold.injured,
            &mut report.injured_exact,
            &mut report.injured_positive,
            &mut report.injured_positive_exact,
            &mut report.injured_among,
        ),
    ] {
        let Some(gold) = gold else { continue };
        let got = reconciled(role);
        let ok = (got - gold).abs() < 1e-9;
        if ok {
            *exact += 1;
        }
        if gold > 0.0 {
            *positive += 1;
            if ok {
                *positive_exact += 1;
            }
            if claims
                .iter()
                .any(|c| c.role == Some(role) && c.low == Some(gold))
            {
                *among += 1;
            }
        }
        if !ok && show_misses {
            let mut m = format!(
                "incident {} {}: recorded {gold}, reconciled {got}",
                incident.incident_id,
                name(role).unwrap_or(role.as_str())
            );
            for c in claims.iter().filter(|c| c.role == Some(role)) {
                let _ = write!(
                    m,
                    "\n    {}:{}:{} {} — {:?}",
                    c.doc, c.line, c.column, c.number, c.quote
                );
            }
            report.misses.push(m);
        }
    }
}

/// The incidents report as text: what `recount eval --incidents` prints.
pub fn render_incidents(r: &IncidentReport) -> String {
    let pct = |a: usize, b: usize| format!("{:.1}% ({a}/{b})", 100.0 * ratio(a, b));
    let mut out = String::new();
    let _ = writeln!(
        out,
        "incidents: {}, documents: {}",
        r.incidents, r.documents
    );
    let _ = writeln!(
        out,
        "killed  total = record: all {}, record > 0 {}; record among extracted figures {}",
        pct(r.killed_exact, r.incidents),
        pct(r.killed_positive_exact, r.killed_positive),
        pct(r.killed_among, r.killed_positive)
    );
    let _ = writeln!(
        out,
        "injured total = record: all {}, record > 0 {}; record among extracted figures {}",
        pct(r.injured_exact, r.incidents),
        pct(r.injured_positive_exact, r.injured_positive),
        pct(r.injured_among, r.injured_positive)
    );
    for m in &r.misses {
        let _ = writeln!(out, "  {m}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speakers_match_across_wordings() {
        assert!(same_speaker(
            "Azerbaijan's defence ministry",
            "Azerbaijan's defence ministry"
        ));
        assert!(same_speaker("Azerbaijani MoD", "Azerbaijani MoD"));
        assert!(same_speaker(
            "Armenian defense ministry",
            "Armenian defense ministry"
        ));
        assert!(same_speaker(
            "Azerbaijan's Defense Ministry",
            "Azerbaijan Defense Ministry"
        ));
        assert!(!same_speaker("Armenia's defence ministry", "Halo Trust"));
    }

    #[test]
    fn scores_compute() {
        let s = Score {
            true_positives: 8,
            false_positives: 2,
            false_negatives: 0,
        };
        assert!((s.precision() - 0.8).abs() < 1e-9);
        assert!((s.recall() - 1.0).abs() < 1e-9);
    }
}
