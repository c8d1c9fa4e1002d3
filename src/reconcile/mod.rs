//! Stage 3: groups. Claims about the same figure — same event, category,
//! party and population — are lined up across independent sources, and
//! each group gets a status, a low/best/high estimate and notes.
//!
//! Grouping hashes the key; no two claims are ever compared pairwise.
//! Claims move into their groups (none is cloned) and groups are
//! reconciled in parallel; the result does not depend on the number of
//! threads. `docs/reconcile.md` states the rules for status, `best` and
//! totals.

mod copies;
mod events;
mod status;
mod toll;

pub use events::Event;

pub(crate) use copies::{Fingerprint, find_copies};
use status::{conflict_note, estimate, status_of, totals};

use crate::document::{self, Document};
use crate::extract::{Claim, EventTime, sentence_time};
use crate::extract::{Counts, Identity};
use crate::number::Qualifier;
use crate::rules::{PopulationRole, Role};
use jiff::civil::Date;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::collections::BTreeMap;

/// What reconciliation needs of a document, and what the report lists of
/// it: everything but its text. [`DocumentEntry::of`] makes one from a
/// document; the reduce step reads them back ([`crate::claims`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct DocumentEntry {
    /// The document's id, as its claims' `doc` names it.
    pub id: String,
    /// Its headline, if known.
    pub title: Option<String>,
    /// The outlet that published it, if known.
    pub outlet: Option<String>,
    /// Its publication date, if known.
    pub published: Option<Date>,
    /// The `event` the input assigned, if any.
    pub event: Option<String>,
    /// How many claims it gave.
    pub claims: usize,
    /// The id of the document this one is a copy of.
    pub copy_of: Option<String>,
    /// Why it was not read, if it was not.
    pub skipped: Option<String>,
    /// Warnings about it (lossy decoding, bad metadata).
    pub warnings: Vec<String>,
    /// What identifies the incident it reports (where, when, who, what),
    /// by which documents without an `event` are clustered into incidents.
    #[serde(skip_serializing_if = "Identity::is_empty")]
    pub identity: Identity,
    /// What copy detection compares: a sketch of the text.
    #[serde(skip)]
    pub(crate) fingerprint: Fingerprint,
    /// The text says it is a repost (`The original source of this article is …`).
    #[serde(skip)]
    pub(crate) repost: bool,
}

impl DocumentEntry {
    /// The entry of a document that gave `claims` claims: id, title,
    /// outlet, date, event, and the fingerprint that copy detection
    /// compares — what [`Pipeline::reconcile_claims`](crate::Pipeline::reconcile_claims)
    /// needs of a document besides its claims, made while its text is at hand.
    ///
    /// ```
    /// use recount::{DocumentEntry, from_text};
    ///
    /// let doc = from_text("a.txt", "Blast at depot\nMay 4, 2023\n\nTwo people died.");
    /// let entry = DocumentEntry::of(&doc, 1);
    /// assert_eq!(entry.id, "a.txt");
    /// assert_eq!(entry.published, Some(jiff::civil::date(2023, 5, 4)));
    /// assert_eq!((entry.claims, entry.copy_of.as_deref()), (1, None));
    /// ```
    pub fn of(doc: &Document, claims: usize) -> DocumentEntry {
        DocumentEntry {
            fingerprint: Fingerprint::of(&doc.text),
            repost: document::repost_of_hint(&doc.text).is_some(),
            ..DocumentEntry::listed(doc, claims)
        }
    }

    /// The entry of a document as a listing shows it, without the
    /// fingerprint and repost notice that only copy detection reads:
    /// for a stream of claims that is never reconciled.
    pub(crate) fn listed(doc: &Document, claims: usize) -> DocumentEntry {
        DocumentEntry {
            id: doc.id.clone(),
            title: doc.title.clone(),
            outlet: doc.source.clone(),
            published: doc.published,
            event: doc.event.clone(),
            claims,
            copy_of: None,
            skipped: None,
            warnings: Vec::new(),
            identity: Identity::default(),
            fingerprint: Fingerprint::default(),
            repost: false,
        }
    }
}

/// How a document gives a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Basis {
    /// A number it states (`four people were shot`), or a list's sum.
    Stated,
    /// The people it names or describes one by one: at least that many.
    Counted,
    /// Derived from other figures it states (wounded = shot − killed).
    Derived,
}

/// How the sources of a group relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Status {
    /// No value satisfies every independent source.
    Conflict,
    /// The values differ in form but a value satisfies them all.
    Consistent,
    /// Every source states the same value.
    Agree,
    /// Only one independent source.
    SingleSource,
}

impl Status {
    /// The status as the report writes it: `conflict`, `consistent`,
    /// `agree`, `single-source`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Conflict => "conflict",
            Status::Consistent => "consistent",
            Status::Agree => "agree",
            Status::SingleSource => "single-source",
        }
    }
}

/// One independent source's statement of a group's figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct SourceValue {
    /// The source: its outlet, or the original document of a set of copies.
    pub source: String,
    /// The source as people name it: its outlet, else its document's file
    /// name without folders and extension.
    pub name: String,
    /// How the source's document gives the figure: a number it states, the
    /// people it names one by one (at least that many), or a figure recount
    /// derived (wounded = shot − killed).
    pub basis: Basis,
    /// Documents of this source that state the figure (copies included).
    pub documents: Vec<String>,
    /// The outlet, if known.
    pub outlet: Option<String>,
    /// When the source published the figure, if known.
    pub published: Option<Date>,
    /// The stated range: smallest value; `None` = unbounded below.
    pub low: Option<f64>,
    /// The stated range: largest value; `None` = open-ended.
    pub high: Option<f64>,
    /// How the source qualified the figure.
    pub qualifier: Qualifier,
    /// The figure as the source wrote it.
    pub number: String,
    /// Hedges on the figure (`preliminary`, `reportedly`).
    pub hedges: Vec<String>,
    /// Who the source says gave the figure, if it says.
    pub speaker: Option<String>,
    /// The copies of the source's documents (their outlets, else their
    /// ids): one source, counted once.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub copies: Vec<String>,
    /// Of the figure, the victims and the attackers, where the source
    /// tells them apart.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub victims: Option<f64>,
    /// Of the figure, the attackers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub perpetrators: Option<f64>,
}

impl SourceValue {
    /// The range the statement allows, as closed bounds for comparison:
    /// `more than 6,500` excludes 6,500; `about 25` allows ±10%.
    fn bounds(&self) -> (f64, f64) {
        self.qualifier.closed_bounds(self.low, self.high)
    }

    /// A single figure for this statement (for `best`).
    fn point(&self) -> f64 {
        match (self.low, self.high) {
            (Some(l), Some(h))
                if self.qualifier == Qualifier::Range || self.qualifier == Qualifier::Vague =>
            {
                ((l + h) / 2.0).round()
            }
            (Some(l), _) => l,
            (None, Some(h)) => h,
            (None, None) => 0.0,
        }
    }

    /// The figure as people read it: `7`, `at least 1`, `more than 6500`, `10–15`.
    pub fn display(&self) -> String {
        fmt_value(self.low, self.high, self.qualifier)
    }
}

/// A figure as people read it.
pub(crate) fn fmt_value(low: Option<f64>, high: Option<f64>, qualifier: Qualifier) -> String {
    let mut out = String::new();
    write_value(&mut out, low, high, qualifier);
    out
}

/// [`fmt_value`] into a string.
fn write_value(out: &mut String, low: Option<f64>, high: Option<f64>, qualifier: Qualifier) {
    use std::fmt::Write;
    let n = |out: &mut String, v: f64| {
        // writing to a String cannot fail
        let _ = if v.fract() == 0.0 && v.abs() < 1e15 {
            write!(out, "{}", v as i64)
        } else {
            write!(out, "{v}")
        };
    };
    match (qualifier, low, high) {
        (Qualifier::AtLeast, Some(l), _) => {
            out.push_str("at least ");
            n(out, l);
        }
        (Qualifier::MoreThan, Some(l), _) => {
            out.push_str("more than ");
            n(out, l);
        }
        (Qualifier::AtMost, _, Some(h)) => {
            out.push_str("at most ");
            n(out, h);
        }
        (Qualifier::LessThan, _, Some(h)) => {
            out.push_str("fewer than ");
            n(out, h);
        }
        (Qualifier::Approx, Some(l), _) => {
            out.push_str("about ");
            n(out, l);
        }
        (_, Some(l), Some(h)) if l == h => n(out, l),
        (_, Some(l), Some(h)) => {
            n(out, l);
            out.push('–');
            n(out, h);
        }
        (_, Some(l), None) => {
            n(out, l);
            out.push('+');
        }
        (_, None, Some(h)) => {
            out.push('≤');
            n(out, h);
        }
        (_, None, None) => out.push('?'),
    }
}

/// Claims about one figure — same event, category, party, population and
/// subject — reconciled: a status, a low/best/high estimate and notes.
/// `docs/reconcile.md` states the rules.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Group {
    /// The event: the `event` id its documents give, the days its claims
    /// fall in (`2021-11-16`, `2021-11-16/2021-11-18`), the year of a
    /// figure from the past (`2020`), or `undated`.
    pub event: String,
    /// The category, as the rules name it (`killed`, `wounded`).
    pub category: String,
    /// The victims' side, if stated.
    pub party: Option<String>,
    /// Who the victims were (`military`, `civilian`); none for percentages.
    pub population: Option<String>,
    /// For percentages: what the figure is a share of.
    pub subject: Option<String>,
    /// How the independent sources relate.
    pub status: Status,
    /// The smallest value the sources allow together; `None` = unbounded.
    pub low: Option<f64>,
    /// The best single figure.
    pub best: Option<f64>,
    /// The largest value the sources allow together; `None` = open-ended.
    pub high: Option<f64>,
    /// How many independent sources state the figure (copies count once).
    pub independent_sources: usize,
    /// One entry per independent source, oldest first.
    pub sources: Vec<SourceValue>,
    /// Why the status is what it is: revisions, hedges, copies, outliers.
    pub notes: Vec<String>,
    /// The claims of the group, each with its quote.
    pub claims: Vec<Claim>,
}

impl Group {
    /// The figure without its event, for a table under the event's
    /// label: `Armenia · military · captured`.
    pub fn figure_in_event(&self) -> String {
        let mut parts = vec![self.party.clone().unwrap_or_else(|| "any side".into())];
        if let Some(p) = &self.population {
            parts.push(p.clone());
        }
        parts.push(self.category.clone());
        if let Some(s) = &self.subject {
            parts.push(format!("of {s}"));
        }
        parts.join(" · ")
    }

    /// The figure the group is about, as the report's first column writes
    /// it: `2021-11-16 · Armenia · military · captured` (`any side` when no
    /// party is stated).
    ///
    /// ```
    /// use recount::{Pipeline, from_text};
    ///
    /// let doc = from_text("a.txt", "March 3, 2024\n\nThree soldiers were killed.");
    /// let outcome = Pipeline::with_default_rules().reconcile_documents([doc]);
    /// let group = &outcome.reconciliation.groups[0];
    /// // the incident, named by its day (the text names no place)
    /// assert_eq!(group.figure(), "3 Mar 2024 · any side · military · killed");
    /// ```
    pub fn figure(&self) -> String {
        let mut parts = vec![self.event.clone()];
        parts.push(self.party.clone().unwrap_or_else(|| "any side".into()));
        if let Some(p) = &self.population {
            parts.push(p.clone());
        }
        parts.push(self.category.clone());
        if let Some(s) = &self.subject {
            parts.push(format!("of {s}"));
        }
        parts.join(" · ")
    }
}

/// All sides together: how many were killed (wounded, …) in an event.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Total {
    /// The event, as its groups name it.
    pub event: String,
    /// The category, as the rules name it.
    pub category: String,
    /// Smallest total the groups allow.
    pub low: Option<f64>,
    /// Best total.
    pub best: Option<f64>,
    /// Largest total the groups allow; `None` = open-ended.
    pub high: Option<f64>,
    /// Of `best`, the victims and the attackers, where the sources tell
    /// them apart.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub victims: Option<f64>,
    /// Of the figure, the attackers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub perpetrators: Option<f64>,
}

/// The reconciled result of a batch: every document, the groups with their
/// claims, and the totals. Rendered by [`render`](crate::render); its JSON
/// is `recount.report/1` ([`wire::report_json`](crate::wire::report_json)).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Report {
    /// Every document read, skipped ones included (with the reason), in
    /// input order.
    pub documents: Vec<DocumentEntry>,
    /// The groups, conflicts first.
    pub groups: Vec<Group>,
    /// Per event and category, all sides together.
    pub totals: Vec<Total>,
    /// Figures about incidents the documents only mention in passing (an
    /// earlier attack, a round-up's other shootings), each stated by one
    /// source: kept with their quotes, but no group of their own.
    pub asides: Vec<Claim>,
    /// The incidents the groups are about: for each, what identified it
    /// and why its documents were joined.
    pub events: Vec<Event>,
}

impl Report {
    /// How many groups are in conflict.
    pub fn conflicts(&self) -> usize {
        self.groups
            .iter()
            .filter(|g| g.status == Status::Conflict)
            .count()
    }
}

/// Settings of reconciliation.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct ReconcileOptions {
    /// The name of the category whose role is `wounded`: the figures
    /// derived as people shot minus people killed take it. None: no figure
    /// is derived.
    pub wounded: Option<String>,
}

/// A group's key, borrowed from its claims: event (an index into the
/// event names), category, party, subject. Not the population: "the boy
/// was killed" and "he was killed" are one death.
type GroupKey<'a> = (u32, &'a str, Option<&'a str>, Option<&'a str>);

/// A claim's key before its event is known: where its event comes from,
/// category, party, subject.
type ProtoKey<'a> = (EventOf<'a>, &'a str, Option<&'a str>, Option<&'a str>);

/// A group's key, owned: the claims it was borrowed from move into the groups.
struct OwnedKey {
    event: u32,
    category: String,
    party: Option<String>,
    subject: Option<String>,
}

/// Claims per parallel task in the pass over all claims. A chunk's local
/// key numbers are below this, so they fit in `u32`.
const CHUNK: usize = 1 << 14;

/// Reconcile the claims of a batch of documents.
///
/// Every claim moves into its group; none is cloned. One parallel pass over
/// the claims finds their documents and keys, the keys (a few per group)
/// are numbered into groups, each claim moves to its group's place in one
/// more parallel pass, and then each group is reconciled on its own, in
/// parallel. The result does not depend on the number of threads.
/// Documents and groups are numbered with `u32`: more than 4 billion of
/// either would not fit in memory.
pub(crate) fn reconcile(
    mut documents: Vec<DocumentEntry>,
    mut claims: Vec<Claim>,
    options: &ReconcileOptions,
) -> Report {
    let (roots, cluster_date) = mark_copies(&mut documents);
    let (tolls, derived) = document_tolls(&claims, options.wounded.as_deref());
    claims.extend(derived);
    // From here on the documents are only read.
    let documents_ref = &documents;
    // (A later document with the same id wins, as it always has.)
    let by_id: FxHashMap<&str, u32> = documents_ref
        .iter()
        .enumerate()
        .filter_map(|(i, d)| Some((d.id.as_str(), u32::try_from(i).ok()?)))
        .collect();
    // Claims of an independent source share its key: the outlet if known,
    // else the original of its copies. The original's outlet, never a
    // copy's: a repost is its original's source.
    let doc_source: Vec<&str> = roots
        .iter()
        .map(|&r| {
            documents_ref
                .get(r)
                .map_or("", |o| o.outlet.as_deref().unwrap_or(&o.id))
        })
        .collect();
    let (of_doc, events) = events::cluster(documents_ref, &roots, &cluster_date);
    let event_ctx = EventContext { of_doc, events };
    let chunks = read_chunks(&mut claims, &event_ctx, &by_id, &roots, &cluster_date);
    let GroupNumbers {
        renumber,
        keys,
        counts,
        event_names,
    } = number_groups(&chunks, &event_ctx);
    // The keys and chunks borrow from the claims: owned copies of what is
    // needed before the claims move.
    let keys: Vec<OwnedKey> = keys
        .into_iter()
        .map(|(event, category, party, subject)| OwnedKey {
            event,
            category: category.to_string(),
            party: party.map(str::to_string),
            subject: subject.map(str::to_string),
        })
        .collect();
    let places: Vec<ClaimPlaces> = chunks.into_iter().map(|c| c.claims).collect();
    let (slots, docs) = move_into_groups(claims, &places, &renumber, &counts);
    let ctx = GroupContext {
        tolls: &tolls,
        by_id: &by_id,
        doc_rank: &ranks(documents_ref.iter().map(|d| d.id.as_str())),
        doc_source: &doc_source,
        source_rank: &ranks(doc_source.iter().copied()),
        documents: documents_ref,
        event_names: &event_names,
    };
    let mut groups: Vec<Group> = slots
        .into_par_iter()
        .zip(docs)
        .zip(keys)
        .map(|((slots, docs), key)| build_group(key, slots, docs, &ctx))
        .collect();
    groups.sort_by(|a, b| {
        (
            a.status,
            &a.event,
            &a.category,
            &a.party,
            &a.population,
            &a.subject,
        )
            .cmp(&(
                b.status,
                &b.event,
                &b.category,
                &b.party,
                &b.population,
                &b.subject,
            ))
    });
    // A figure about an incident mentioned in passing makes a group only
    // when two independent sources state it; a group of parts alone
    // (`including two children`) states no figure.
    // A percentage that says not what it is a share of (`25% accurate`) is
    // a number, not a figure to line up.
    let (groups, asides): (Vec<Group>, Vec<Group>) = groups.into_iter().partition(|g| {
        let share_of_nothing =
            g.subject.is_none() && g.claims.iter().any(|c| c.role == Some(Role::Percent));
        !g.sources.is_empty()
            && !share_of_nothing
            && (g.independent_sources >= 2 || g.claims.iter().any(|c| c.incident == 0))
    });
    let asides = asides.into_iter().flat_map(|g| g.claims).collect();
    let totals = totals(&groups);
    let events = used_events(event_ctx.events, &groups);
    Report {
        documents,
        groups,
        totals,
        asides,
        events,
    }
}

/// The events the groups are about, in the order of their ids: the
/// documents' incidents, and the earlier incidents they mention (with the
/// documents that mention them).
fn used_events(mut clustered: Vec<Event>, groups: &[Group]) -> Vec<Event> {
    let mut used: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for g in groups {
        let docs = used.entry(g.event.as_str()).or_default();
        docs.extend(g.claims.iter().map(|c| c.doc.as_str()));
    }
    clustered.retain(|e| used.contains_key(e.id.as_str()));
    for (id, mut docs) in used {
        if clustered.iter().any(|e| e.id == id) {
            continue;
        }
        docs.sort_unstable();
        docs.dedup();
        clustered.push(Event::mentioned(
            id,
            docs.into_iter().map(str::to_string).collect(),
        ));
    }
    clustered.sort_by(|a, b| a.id.cmp(&b.id));
    clustered
}

/// Copies: which document is a copy of which (`copy_of` is set). Returns
/// the original of each document (itself if it is no copy), and the date
/// each original's set of copies shares: an undated copy takes its
/// original's date.
fn mark_copies(documents: &mut [DocumentEntry]) -> (Vec<usize>, Vec<Option<Date>>) {
    // The fingerprints are lent to copy detection, not cloned, and put back.
    let prints: Vec<Fingerprint> = documents
        .iter_mut()
        .map(|d| std::mem::take(&mut d.fingerprint))
        .collect();
    let copies = find_copies(&prints, |a, b| match (documents.get(a), documents.get(b)) {
        (Some(x), Some(y)) => original_first(x, a, y, b),
        _ => a < b,
    });
    for (d, p) in documents.iter_mut().zip(prints) {
        d.fingerprint = p;
    }
    let roots: Vec<usize> = copies
        .iter()
        .enumerate()
        .map(|(d, c)| c.unwrap_or(d))
        .collect();
    let mut cluster_date: Vec<Option<Date>> = vec![None; documents.len()];
    for (doc, &root) in documents.iter().zip(&roots) {
        if let (Some(p), Some(e)) = (doc.published, cluster_date.get_mut(root)) {
            *e = Some(e.map_or(p, |x| x.min(p)));
        }
    }
    let copy_of: Vec<Option<String>> = copies
        .iter()
        .map(|c| c.and_then(|r| documents.get(r)).map(|o| o.id.clone()))
        .collect();
    for (doc, c) in documents.iter_mut().zip(copy_of) {
        doc.copy_of = c;
    }
    (roots, cluster_date)
}

/// The groups, numbered: keys with the same event are one group.
struct GroupNumbers<'a> {
    /// For each chunk, the group of each of its key numbers.
    renumber: Vec<Vec<u32>>,
    /// Each group's key and number of claims.
    keys: Vec<GroupKey<'a>>,
    counts: Vec<usize>,
    event_names: Vec<String>,
}

/// Numbers the chunks' keys across chunks, then (the events now known)
/// the groups.
fn number_groups<'a>(chunks: &[Chunk<'a>], event_ctx: &EventContext) -> GroupNumbers<'a> {
    let mut index: FxHashMap<ProtoKey<'a>, u32> = FxHashMap::default();
    let mut proto: Vec<(ProtoKey<'a>, usize)> = Vec::new();
    let to_proto: Vec<Vec<u32>> = chunks
        .iter()
        .map(|chunk| {
            chunk
                .keys
                .iter()
                .zip(&chunk.counts)
                .map(|(key, &count)| {
                    let p = *index.entry(*key).or_insert_with(|| {
                        proto.push((*key, 0));
                        u32::try_from(proto.len().saturating_sub(1)).unwrap_or(u32::MAX)
                    });
                    if let Some((_, c)) = proto.get_mut(p as usize) {
                        *c += count;
                    }
                    p
                })
                .collect()
        })
        .collect();
    let (event_ids, event_names) = EventIds::new(proto.iter().map(|(k, _)| k.0), event_ctx);
    let mut index: FxHashMap<GroupKey<'a>, u32> = FxHashMap::default();
    let mut keys: Vec<GroupKey<'a>> = Vec::new();
    let mut counts: Vec<usize> = Vec::new();
    let group_of: Vec<u32> = proto
        .iter()
        .map(|&((event, category, party, subject), count)| {
            let key = (event_ids.of(event), category, party, subject);
            let g = *index.entry(key).or_insert_with(|| {
                keys.push(key);
                counts.push(0);
                u32::try_from(keys.len().saturating_sub(1)).unwrap_or(u32::MAX)
            });
            if let Some(c) = counts.get_mut(g as usize) {
                *c += count;
            }
            g
        })
        .collect();
    let renumber = to_proto
        .into_iter()
        .map(|m| {
            m.into_iter()
                .map(|p| group_of.get(p as usize).copied().unwrap_or(u32::MAX))
                .collect()
        })
        .collect();
    GroupNumbers {
        renumber,
        keys,
        counts,
        event_names,
    }
}

/// Each group's claims (every place filled), and their documents.
type Moved = (Vec<Vec<Option<Claim>>>, Vec<Vec<Option<u32>>>);

/// Each group's claims, moved (in input order) into a place made for them,
/// and their documents.
fn move_into_groups(
    claims: Vec<Claim>,
    chunks: &[ClaimPlaces],
    renumber: &[Vec<u32>],
    counts: &[usize],
) -> Moved {
    // The places, made in parallel: this is where the memory of the result
    // is first touched.
    let mut slots: Vec<Vec<Option<Claim>>> = counts
        .par_iter()
        .map(|&n| {
            let mut v = Vec::with_capacity(n);
            v.resize_with(n, || None);
            v
        })
        .collect();
    // Each claim's place, in input order.
    let mut free: Vec<std::slice::IterMut<'_, Option<Claim>>> =
        slots.iter_mut().map(|s| s.iter_mut()).collect();
    let mut dest: Vec<Option<&mut Option<Claim>>> = Vec::with_capacity(claims.len());
    let mut docs: Vec<Vec<Option<u32>>> = counts.iter().map(|&n| Vec::with_capacity(n)).collect();
    for (chunk, renumber) in chunks.iter().zip(renumber) {
        for (&local, &doc) in chunk.ids.iter().zip(&chunk.doc_of) {
            let group = renumber.get(local as usize).map(|&g| g as usize);
            let slot = group.and_then(|g| free.get_mut(g)?.next());
            if slot.is_some()
                && let Some(docs) = group.and_then(|g| docs.get_mut(g))
            {
                docs.push(doc);
            }
            dest.push(slot);
        }
    }
    // The move.
    claims.into_par_iter().zip(dest).for_each(|(claim, slot)| {
        if let Some(slot) = slot {
            *slot = Some(claim);
        }
    });
    drop(free);
    (slots, docs)
}

fn original_first(a: &DocumentEntry, ai: usize, b: &DocumentEntry, bi: usize) -> bool {
    if a.repost != b.repost {
        return !a.repost;
    }
    match (a.published, b.published) {
        (Some(x), Some(y)) if x != y => x < y,
        _ => ai < bi,
    }
}

/// Where a claim's event comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum EventOf<'a> {
    /// About another incident than its document's, which its sentence
    /// dates: that time (`the war in 2020`, `a shooting on March 3`), within
    /// the document's given event if it has one.
    Background(Option<u32>, EventTime),
    /// About another incident, undated: its own.
    Aside(&'a str, u32),
    /// About its document's incident (an index into the events).
    Incident(u32),
    /// Of a document not listed, dated to a day.
    Day(Date),
    Undated,
}

impl<'a> EventOf<'a> {
    fn of(c: &'a Claim, doc: Option<u32>, ctx: &EventContext) -> EventOf<'a> {
        let incident = doc
            .and_then(|d| ctx.of_doc.get(d as usize))
            .map(|&e| e as u32);
        // History is not news: a figure about another incident than its
        // document's (the extractor tells which) belongs to that incident,
        // dated by its sentence if it can be.
        if c.incident != 0 {
            let given = incident.filter(|&e| ctx.events.get(e as usize).is_some_and(|ev| ev.given));
            return match c.event_time.filter(|t| t.stated) {
                Some(t) => EventOf::Background(given, t),
                None => EventOf::Aside(&c.doc, c.incident),
            };
        }
        match (incident, c.event_time) {
            (Some(e), _) => EventOf::Incident(e),
            (None, Some(t)) => EventOf::Day(t.first),
            (None, None) => EventOf::Undated,
        }
    }
}

/// The incidents of the documents, for the claims' events.
struct EventContext {
    of_doc: Vec<usize>,
    events: Vec<events::Event>,
}

/// What the pass over a chunk of claims learns.
struct Chunk<'a> {
    claims: ClaimPlaces,
    /// The chunk's keys by number, and how many claims each has.
    keys: Vec<ProtoKey<'a>>,
    counts: Vec<usize>,
}

/// Of each claim of a chunk:
struct ClaimPlaces {
    /// its document, if listed;
    doc_of: Vec<Option<u32>>,
    /// its key, numbered within the chunk (below `CHUNK`).
    ids: Vec<u32>,
}

/// The one pass over the claims, in parallel chunks: each claim's document
/// (claims of a document usually come together, so the previous answer is
/// tried first); an undated claim of a copy takes its original's date; each
/// claim's key, with where its event comes from (days are clustered into
/// events once all are known).
fn read_chunks<'a>(
    claims: &'a mut [Claim],
    event_ctx: &EventContext,
    by_id: &FxHashMap<&str, u32>,
    roots: &[usize],
    cluster_date: &[Option<Date>],
) -> Vec<Chunk<'a>> {
    claims
        .par_chunks_mut(CHUNK)
        .map(|chunk| {
            let mut out = Chunk {
                claims: ClaimPlaces {
                    doc_of: Vec::with_capacity(chunk.len()),
                    ids: Vec::with_capacity(chunk.len()),
                },
                keys: Vec::new(),
                counts: Vec::new(),
            };
            let mut index: FxHashMap<ProtoKey<'a>, u32> = FxHashMap::default();
            let mut last: Option<(&str, Option<u32>)> = None;
            for claim in chunk.iter_mut() {
                let d = match last {
                    Some((id, d)) if id == claim.doc => d,
                    _ => by_id.get(claim.doc.as_str()).copied(),
                };
                if claim.published.is_none()
                    && let Some(date) = d
                        .map(|d| d as usize)
                        .and_then(|d| cluster_date.get(roots.get(d).copied().unwrap_or(d)))
                        .copied()
                        .flatten()
                {
                    claim.published = Some(date);
                    if claim.event_time.is_none() {
                        // resolve the sentence's own time (`last year`) against the date now known
                        let quantities = crate::number::scan(&claim.quote);
                        let stated = sentence_time(&claim.quote, 0, &quantities, Some(date));
                        // a time well before it is another incident's (the
                        // extractor could not tell without the date)
                        if claim.incident == 0
                            && claim.role != Some(Role::Percent)
                            && stated.is_some_and(|t| {
                                date.checked_sub(jiff::ToSpan::days(7))
                                    .is_ok_and(|cut| t.last < cut)
                            })
                        {
                            claim.incident = u32::try_from(claim.quote_start).unwrap_or(u32::MAX);
                        }
                        claim.event_time = stated.or(Some(EventTime::day(date, false)));
                    }
                }
                let claim: &'a Claim = claim;
                let subject = if claim.role == Some(Role::Percent) {
                    claim.subject.as_deref()
                } else {
                    None
                };
                let key = (
                    EventOf::of(claim, d, event_ctx),
                    claim.category.as_str(),
                    claim.party.as_deref(),
                    subject,
                );
                // at most CHUNK keys in a chunk
                let id = *index.entry(key).or_insert_with(|| {
                    out.keys.push(key);
                    out.counts.push(0);
                    (out.keys.len() - 1) as u32
                });
                if let Some(count) = out.counts.get_mut(id as usize) {
                    *count += 1;
                }
                out.claims.ids.push(id);
                out.claims.doc_of.push(d);
                last = Some((claim.doc.as_str(), d));
            }
            out
        })
        .collect()
}

/// Event names, each stored once.
#[derive(Default)]
struct EventNames {
    names: Vec<String>,
    index: FxHashMap<String, u32>,
}

impl EventNames {
    fn intern(&mut self, name: String) -> u32 {
        if let Some(&i) = self.index.get(&name) {
            return i;
        }
        let i = u32::try_from(self.names.len()).unwrap_or(u32::MAX);
        self.names.push(name.clone());
        self.index.insert(name, i);
        i
    }
}

/// The event of a claim, as an index into the event names: its
/// document's incident (given, or clustered by `events::cluster`); for a
/// figure about another incident, the time its sentence states (`in 2020`
/// names an event of that year) or, undated, an event of its own.
struct EventIds<'a> {
    background: FxHashMap<(Option<u32>, EventTime), u32>,
    incident: FxHashMap<u32, u32>,
    day: FxHashMap<Date, u32>,
    aside: FxHashMap<(&'a str, u32), u32>,
    undated: u32,
}

impl<'a> EventIds<'a> {
    /// The events of claims whose events come from `sources`.
    fn new(
        sources: impl Iterator<Item = EventOf<'a>>,
        ctx: &EventContext,
    ) -> (EventIds<'a>, Vec<String>) {
        let mut days: Vec<Date> = Vec::new();
        let mut background: Vec<(Option<u32>, EventTime)> = Vec::new();
        let mut incidents: Vec<u32> = Vec::new();
        let mut asides: Vec<(&str, u32)> = Vec::new();
        for source in sources {
            match source {
                EventOf::Day(d) => days.push(d),
                EventOf::Background(n, t) => background.push((n, t)),
                EventOf::Incident(e) => incidents.push(e),
                EventOf::Aside(d, i) => asides.push((d, i)),
                EventOf::Undated => {}
            }
        }
        days.sort_unstable();
        days.dedup();
        background.sort_unstable();
        background.dedup();
        incidents.sort_unstable();
        incidents.dedup();
        let mut names = EventNames::default();
        let incident = incidents
            .into_iter()
            .map(|e| {
                let name = ctx
                    .events
                    .get(e as usize)
                    .map_or_else(|| "undated".to_string(), |ev| ev.id.clone());
                (e, names.intern(name))
            })
            .collect();
        let day = days
            .into_iter()
            .map(|d| (d, names.intern(d.to_string())))
            .collect();
        let background = background
            .into_iter()
            .map(|(n, t)| {
                let time = if t.first.year() == t.last.year() && t.days() > 7 {
                    format!("{:04}", t.first.year())
                } else {
                    t.to_string()
                };
                let name = match n.and_then(|e| ctx.events.get(e as usize)) {
                    Some(ev) => format!("{} · {time}", ev.id),
                    None => time,
                };
                ((n, t), names.intern(name))
            })
            .collect();
        asides.sort_unstable();
        asides.dedup();
        let aside = asides
            .into_iter()
            .map(|(d, i)| ((d, i), names.intern(format!("{d} (incident {i})"))))
            .collect();
        let undated = names.intern("undated".to_string());
        let ids = EventIds {
            background,
            incident,
            day,
            aside,
            undated,
        };
        (ids, names.names)
    }

    fn of(&self, event: EventOf<'_>) -> u32 {
        let id = match event {
            EventOf::Background(n, t) => self.background.get(&(n, t)),
            EventOf::Incident(e) => self.incident.get(&e),
            EventOf::Day(d) => self.day.get(&d),
            EventOf::Aside(d, i) => self.aside.get(&(d, i)),
            EventOf::Undated => None,
        };
        id.copied().unwrap_or(self.undated)
    }
}

/// Every document's tolls, found by document, incident, category and
/// party.
#[derive(Default)]
struct Tolls {
    by_key: FxHashMap<u64, Vec<(String, toll::Toll)>>,
}

impl Tolls {
    fn hash(doc: &str, incident: u32, category: &str, party: Option<&str>) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = rustc_hash::FxHasher::default();
        (doc, incident, category, party).hash(&mut h);
        h.finish()
    }

    fn insert(&mut self, doc: &str, t: toll::Toll) {
        let key = Tolls::hash(doc, t.incident, &t.category, t.party.as_deref());
        self.by_key
            .entry(key)
            .or_default()
            .push((doc.to_string(), t));
    }

    fn get(
        &self,
        doc: &str,
        incident: u32,
        category: &str,
        party: Option<&str>,
    ) -> Option<&toll::Toll> {
        let key = Tolls::hash(doc, incident, category, party);
        self.by_key
            .get(&key)?
            .iter()
            .filter(|(d, t)| {
                d == doc
                    && t.incident == incident
                    && t.category == category
                    && t.party.as_deref() == party
            })
            .map(|(_, t)| t)
            .max_by(|a, b| {
                a.all
                    .low
                    .unwrap_or(0.0)
                    .total_cmp(&b.all.low.unwrap_or(0.0))
            })
    }
}

/// One document's tolls (with its id) and the claims they derive.
type DocTolls = (Vec<(String, toll::Toll)>, Vec<Claim>);

/// Each document's claims, in the order they come (text order for what
/// the extractor writes). Claims usually come a document at a time; when
/// they do not (claims shuffled, interleaved), they are gathered by
/// document, first come first.
fn by_document(claims: &[Claim]) -> Vec<Vec<&Claim>> {
    let runs: Vec<&[Claim]> = claims.chunk_by(|a, b| a.doc == b.doc).collect();
    let heads: rustc_hash::FxHashSet<&str> = runs
        .iter()
        .filter_map(|r| r.first().map(|c| c.doc.as_str()))
        .collect();
    if heads.len() == runs.len() {
        return runs.into_iter().map(|r| r.iter().collect()).collect();
    }
    let mut index: FxHashMap<&str, usize> = FxHashMap::default();
    let mut docs: Vec<Vec<&Claim>> = Vec::new();
    for c in claims {
        let i = *index.entry(c.doc.as_str()).or_insert_with(|| {
            docs.push(Vec::new());
            docs.len() - 1
        });
        if let Some(d) = docs.get_mut(i) {
            d.push(c);
        }
    }
    docs
}

/// Each document's tolls, and the claims they derive (appended to the
/// batch).
fn document_tolls(claims: &[Claim], wounded: Option<&str>) -> (Tolls, Vec<Claim>) {
    let per_doc: Vec<DocTolls> = by_document(claims)
        .into_par_iter()
        .map(|refs| {
            let (tolls, derived) = toll::tolls(&refs, wounded);
            let doc = refs.first().map(|c| c.doc.clone()).unwrap_or_default();
            let tolls = tolls
                .into_iter()
                .map(|mut t| {
                    t.stating_start = t.stating.and_then(|i| {
                        refs.get(i)
                            .map(|c| c.start)
                            .or_else(|| derived.get(i - refs.len()).map(|c| c.start))
                    });
                    (doc.clone(), t)
                })
                .collect();
            (tolls, derived)
        })
        .collect();
    let mut tolls = Tolls::default();
    let mut derived = Vec::new();
    for (ts, ds) in per_doc {
        for (doc, t) in ts {
            tolls.insert(&doc, t);
        }
        derived.extend(ds);
    }
    (tolls, derived)
}

/// What building a group reads besides its own claims.
struct GroupContext<'a> {
    /// Each document's tolls.
    tolls: &'a Tolls,
    by_id: &'a FxHashMap<&'a str, u32>,
    /// Each document's place in the order of ids.
    doc_rank: &'a [u32],
    /// Each document's independent source, and its place in their order.
    doc_source: &'a [&'a str],
    source_rank: &'a [u32],
    documents: &'a [DocumentEntry],
    event_names: &'a [String],
}

/// Each name's place in their sorted order (equal names, equal places).
fn ranks<'a>(names: impl Iterator<Item = &'a str>) -> Vec<u32> {
    let mut sorted: Vec<(&str, usize)> = names.zip(0..).collect();
    let mut rank = vec![0; sorted.len()];
    sorted.par_sort_unstable();
    let mut r = 0u32;
    for (pair, next) in sorted
        .iter()
        .zip(sorted.iter().skip(1).map(Some).chain([None]))
    {
        if let Some(x) = rank.get_mut(pair.1) {
            *x = r;
        }
        if next.is_some_and(|n| n.0 != pair.0) {
            r += 1;
        }
    }
    rank
}

/// Reorders `v` so that `v[k]` is what was `v[order[k]]`, following the
/// permutation's cycles with swaps (no copy of `v`).
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    for start in 0..order.len() {
        let mut k = start;
        // a visited place points to itself
        while let Some(src) = order.get_mut(k).map(|o| std::mem::replace(o, k)) {
            if src == start || src == k || src >= v.len() || k >= v.len() {
                break;
            }
            v.swap(k, src);
            k = src;
        }
    }
}

/// Sorts a group's claims (and their documents) by document and position;
/// input order breaks ties, as a stable sort would. Returns, for each
/// claim, its place in input order. When every document is listed, their
/// places in the order of ids stand for their ids: numbers compare faster
/// than strings.
fn sort_by_document(
    claims: &mut [Claim],
    doc_of: &mut [Option<u32>],
    ctx: &GroupContext<'_>,
) -> Vec<usize> {
    let doc_ranks: Option<Vec<u32>> = doc_of
        .iter()
        .map(|d| ctx.doc_rank.get((*d)? as usize).copied())
        .collect();
    let input_order: Vec<usize> = match doc_ranks {
        Some(ranks) => {
            let mut order: Vec<(u32, usize, usize)> = ranks
                .into_iter()
                .zip(claims.iter())
                .enumerate()
                .map(|(i, (r, c))| (r, c.start, i))
                .collect();
            order.sort_unstable();
            order.into_iter().map(|(_, _, i)| i).collect()
        }
        None => {
            let mut order: Vec<(&str, usize, usize)> = claims
                .iter()
                .enumerate()
                .map(|(i, c)| (c.doc.as_str(), c.start, i))
                .collect();
            order.sort_unstable();
            order.into_iter().map(|(_, _, i)| i).collect()
        }
    };
    permute(claims, input_order.clone());
    permute(doc_of, input_order.clone());
    input_order
}

/// The independent source of each claim of a group, and its place in the
/// group, sorted by source and place. A claim's source is its document's,
/// or for a claim of an unlisted document its own outlet, else its
/// document id. When every document is listed, sources are sorted by their
/// places in the order of sources.
fn by_source<'c>(
    claims: &'c [Claim],
    doc_of: &[Option<u32>],
    ctx: &GroupContext<'c>,
) -> Vec<(&'c str, usize)> {
    let source_of = |k: usize| -> Option<&'c str> {
        let claim = claims.get(k)?;
        Some(
            doc_of
                .get(k)
                .copied()
                .flatten()
                .and_then(|d| ctx.doc_source.get(d as usize).copied())
                .unwrap_or_else(|| claim.outlet.as_deref().unwrap_or(&claim.doc)),
        )
    };
    let source_ranks: Option<Vec<u32>> = doc_of
        .iter()
        .map(|d| ctx.source_rank.get((*d)? as usize).copied())
        .collect();
    match source_ranks {
        Some(ranks) => {
            let mut order: Vec<(u32, usize)> = ranks.into_iter().zip(0..).collect();
            order.sort_unstable();
            order
                .into_iter()
                .filter_map(|(_, k)| Some((source_of(k)?, k)))
                .collect()
        }
        None => {
            let mut order: Vec<(&str, usize)> = (0..claims.len())
                .filter_map(|k| Some((source_of(k)?, k)))
                .collect();
            order.sort_unstable();
            order
        }
    }
}

/// One group from its key and its claims (in input order): the claims
/// sorted by document and position, and the group's status, estimate and
/// notes.
fn build_group(
    key: OwnedKey,
    slots: Vec<Option<Claim>>,
    mut doc_of: Vec<Option<u32>>,
    ctx: &GroupContext<'_>,
) -> Group {
    // `filter_map` collects in place (the slots' memory becomes the
    // claims'); `flatten` would copy.
    #[allow(clippy::filter_map_identity)]
    let mut claims: Vec<Claim> = slots.into_iter().filter_map(|c| c).collect();
    if doc_of.len() != claims.len() {
        // (every slot is filled, so this does not happen) look them up again
        doc_of = claims
            .iter()
            .map(|c| ctx.by_id.get(c.doc.as_str()).copied())
            .collect();
    }
    let input_order = sort_by_document(&mut claims, &mut doc_of, ctx);
    let claims = claims;
    let by_source = by_source(&claims, &doc_of, ctx);
    let mut notes = Vec::new();
    let mut sources: Vec<SourceValue> =
        Vec::with_capacity(by_source.chunk_by(|a, b| a.0 == b.0).count());
    // scratch space reused for each source
    let mut members: Vec<(usize, &Claim)> = Vec::new();
    let mut per_doc: Vec<Statement> = Vec::new();
    for run in by_source.chunk_by(|a, b| a.0 == b.0) {
        let Some((source, _)) = run.first() else {
            continue;
        };
        members.clear();
        members.extend(
            run.iter()
                .filter_map(|&(_, k)| Some((*input_order.get(k)?, claims.get(k)?))),
        );
        if let Some(v) = source_value(source, &members, &mut per_doc, &mut notes, ctx) {
            sources.push(v);
        }
    }
    sources.sort_by(|a, b| (a.published, &a.source).cmp(&(b.published, &b.source)));
    let independent_sources = sources.len();
    let status = status_of(&sources);
    let (low, best, high) = estimate(&sources);
    if status == Status::Conflict
        && let Some(note) = conflict_note(&sources)
    {
        notes.push(note);
    }
    Group {
        event: ctx
            .event_names
            .get(key.event as usize)
            .cloned()
            .unwrap_or_else(|| "undated".to_string()),
        category: key.category,
        party: key.party,
        population: group_population(&claims),
        subject: key.subject,
        status,
        low,
        best,
        high,
        independent_sources,
        sources,
        notes,
        claims,
    }
}

/// What one document states of a group's figure: its toll for the
/// incident (or, for a percentage, its tightest common statement), and the
/// claim that states it.
#[derive(Clone)]
struct Statement<'c> {
    low: Option<f64>,
    high: Option<f64>,
    qualifier: Qualifier,
    basis: Basis,
    number: String,
    claim: &'c Claim,
    victims: Option<f64>,
    perpetrators: Option<f64>,
}

/// The statement of one document's claims in a group. Claims that are
/// only parts (`including two children`) state no figure.
fn statement<'c>(claims: &[(usize, &'c Claim)], ctx: &GroupContext<'_>) -> Option<Statement<'c>> {
    let (_, first) = claims.first()?;
    if first.role == Some(Role::Percent) {
        let c = document_figure(claims.iter().map(|&(_, c)| c))?;
        return Some(Statement {
            low: c.low,
            high: c.high,
            qualifier: c.qualifier,
            basis: Basis::Stated,
            number: c.number.clone(),
            claim: c,
            victims: None,
            perpetrators: None,
        });
    }
    // the largest toll among the incidents the group holds of this document
    let mut best: Option<(&toll::Toll, &'c Claim)> = None;
    // a group's claims share its category and party: a document's tolls
    // differ only by incident, looked up once each
    let mut seen: Vec<u32> = Vec::new();
    for (_, c) in claims {
        if seen.contains(&c.incident) {
            continue;
        }
        seen.push(c.incident);
        let Some(t) = ctx
            .tolls
            .get(&c.doc, c.incident, &c.category, c.party.as_deref())
        else {
            continue;
        };
        if best.is_none_or(|(b, _)| t.all.low > b.all.low) {
            // the claim that states it, if it is in the group
            let stating = claims
                .iter()
                .map(|&(_, c)| c)
                .find(|c| Some(c.start) == t.stating_start && c.incident == t.incident)
                .unwrap_or(c);
            best = Some((t, stating));
        }
    }
    let (t, claim) = best?;
    Some(Statement {
        low: t.all.low,
        high: t.all.high,
        qualifier: t.all.qualifier,
        basis: match t.all.basis {
            toll::Basis::Counted(_) => Basis::Counted,
            toll::Basis::Derived => Basis::Derived,
            _ => Basis::Stated,
        },
        number: t.number.clone(),
        claim,
        // sides are told apart only where the document names attackers
        victims: t
            .perpetrators
            .and(t.victims)
            .map_or(t.perpetrators.map(|_| 0.0), |f| f.low),
        perpetrators: t.perpetrators.and_then(|f| f.low),
    })
}

/// A source as people name it: an outlet as it is, a document id as its
/// file name without folders and extension (`../corpus/001_bbc.txt` →
/// `001_bbc`).
pub(crate) fn source_name(source: &str) -> &str {
    if !source.contains('/') && !source.contains('\\') && !has_extension(source) {
        return source;
    }
    let file = source.rsplit(['/', '\\']).next().unwrap_or(source);
    match file.rsplit_once('.') {
        Some((stem, ext))
            if !stem.is_empty()
                && ext.len() <= 5
                && ext.chars().all(|c| c.is_ascii_alphanumeric()) =>
        {
            stem
        }
        _ => file,
    }
}

/// `a.txt`, `page.html`: a file name's extension.
fn has_extension(s: &str) -> bool {
    s.rsplit_once('.').is_some_and(|(stem, ext)| {
        !stem.is_empty()
            && !stem.contains(' ')
            && (1..=5).contains(&ext.len())
            && ext.chars().all(|c| c.is_ascii_alphanumeric())
            && ext.chars().any(|c| c.is_ascii_alphabetic())
    })
}

/// One source's figure from its claims in a group: each document's
/// statement (its toll for the incident); across the source's documents,
/// its latest figure stands, with a note when it changed. None when no
/// document of the source states the figure (only parts of it).
///
/// `claims` (with their input indices) are sorted by document, position
/// and input index.
fn source_value<'c>(
    source: &str,
    claims: &[(usize, &'c Claim)],
    per_doc: &mut Vec<Statement<'c>>,
    notes: &mut Vec<String>,
    ctx: &GroupContext<'_>,
) -> Option<SourceValue> {
    // Ties below are broken by text order, never by input order.
    let by_doc = || claims.chunk_by(|(_, a), (_, b)| a.doc == b.doc);
    per_doc.clear();
    per_doc.extend(by_doc().filter_map(|cs| statement(cs, ctx)));
    per_doc.sort_by(|a, b| {
        (a.claim.published, &a.claim.doc, a.claim.start).cmp(&(
            b.claim.published,
            &b.claim.doc,
            b.claim.start,
        ))
    });
    let (Some(first), Some(last)) = (per_doc.first(), per_doc.last()) else {
        return None;
    };
    let is_copy = |s: &Statement| {
        ctx.by_id
            .get(s.claim.doc.as_str())
            .and_then(|&d| ctx.documents.get(d as usize))
            .is_some_and(|d| d.copy_of.is_some())
    };
    let chosen = if per_doc
        .iter()
        .all(|c| c.low == last.low && c.high == last.high)
    {
        // prefer the original's statement of the same figure, then the
        // tightest
        per_doc
            .iter()
            .min_by(|a, b| {
                let w = |s: &Statement| s.high.unwrap_or(f64::INFINITY) - s.low.unwrap_or(0.0);
                is_copy(a).cmp(&is_copy(b)).then(w(a).total_cmp(&w(b)))
            })
            .unwrap_or(last)
    } else {
        notes.push(format!(
            "{} changed its figure: {} ({}) then {} ({})",
            source_name(source),
            first.number,
            first
                .claim
                .published
                .map_or("undated".into(), |d| d.to_string()),
            last.number,
            last.claim
                .published
                .map_or("undated".into(), |d| d.to_string()),
        ));
        last
    };
    // every document of the source, sorted (the claims are)
    let documents = by_doc()
        .filter_map(|cs| cs.first())
        .map(|(_, c)| c.doc.clone())
        .collect();
    let mut v = SourceValue::from_claim(source, chosen.claim, documents);
    // one name per source: the original's own outlet and date; its copies
    // are named apart
    let entry = |doc: &str| {
        ctx.by_id
            .get(doc)
            .and_then(|&d| ctx.documents.get(d as usize))
    };
    let mut copies: Vec<String> = Vec::new();
    for doc in &v.documents {
        if let Some(e) = entry(doc) {
            match &e.copy_of {
                Some(_) => copies.push(e.outlet.clone().unwrap_or_else(|| e.id.clone())),
                None if doc == &chosen.claim.doc || !is_copy(chosen) => {}
                None => {
                    v.outlet = e.outlet.clone().or(v.outlet.take());
                    v.published = e.published.or(v.published);
                }
            }
        }
    }
    copies.sort();
    copies.dedup();
    v.copies = copies;
    v.low = chosen.low;
    v.high = chosen.high;
    v.qualifier = chosen.qualifier;
    v.basis = chosen.basis;
    v.number = chosen.number.clone();
    v.victims = chosen.victims;
    v.perpetrators = chosen.perpetrators;
    for (_, c) in claims {
        // a headline's bare figure and the body's hedged one are one statement
        if c.doc == chosen.claim.doc && c.low == chosen.low && c.high == chosen.high {
            for h in &c.hedges {
                if !v.hedges.contains(h) {
                    v.hedges.push(h.clone());
                }
            }
        }
    }
    if v.speaker.is_none() {
        // the first speaker in input order
        v.speaker = claims
            .iter()
            .filter(|(_, c)| c.speaker.is_some())
            .min_by_key(|(i, _)| *i)
            .and_then(|(_, c)| c.speaker.clone());
    }
    v.hedges.sort();
    Some(v)
}

/// The figure of one document's claims: their tightest common statement,
/// or, if they disagree, the largest.
fn document_figure<'c>(claims: impl Iterator<Item = &'c Claim> + Clone) -> Option<&'c Claim> {
    let width = |c: &Claim| c.high.unwrap_or(f64::INFINITY) - c.low.unwrap_or(0.0);
    let tightest = claims
        .clone()
        .min_by(|a, b| width(a).total_cmp(&width(b)))?;
    let (vl, vh) = tightest
        .qualifier
        .closed_bounds(tightest.low, tightest.high);
    let agree = claims.clone().all(|o| {
        let (l, h) = o.qualifier.closed_bounds(o.low, o.high);
        vl.max(l) <= vh.min(h)
    });
    if agree {
        Some(tightest)
    } else {
        claims.max_by(|a, b| a.low.unwrap_or(0.0).total_cmp(&b.low.unwrap_or(0.0)))
    }
}

/// Who the victims of a group were, where the text says it: the one kind
/// of victim its claims name (`military`), else the default kind.
fn group_population(claims: &[Claim]) -> Option<String> {
    let mut named: Vec<&str> = claims
        .iter()
        .filter(|c| c.population_role.is_none() && c.counts != Counts::Part)
        .filter_map(|c| c.population.as_deref())
        .collect();
    named.sort_unstable();
    named.dedup();
    if let [one] = named.as_slice() {
        return Some(one.to_string());
    }
    let of_role = |role: PopulationRole| {
        claims
            .iter()
            .find(|c| c.population_role == Some(role))
            .and_then(|c| c.population.clone())
    };
    of_role(PopulationRole::Default).or_else(|| of_role(PopulationRole::Perpetrator))
}

impl SourceValue {
    fn from_claim(source: &str, c: &Claim, documents: Vec<String>) -> SourceValue {
        SourceValue {
            source: source.to_string(),
            name: source_name(source).to_string(),
            basis: Basis::Stated,
            documents,
            outlet: c.outlet.clone(),
            published: c.published,
            low: c.low,
            high: c.high,
            qualifier: c.qualifier,
            number: c.number.clone(),
            hedges: c.hedges.clone(),
            speaker: c.speaker.clone(),
            copies: Vec::new(),
            victims: None,
            perpetrators: None,
        }
    }
}
