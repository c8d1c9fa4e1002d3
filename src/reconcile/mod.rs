//! Stage 3: groups. Claims about the same figure — same event, category,
//! party and population — are lined up across independent sources, and
//! each group gets a status, a low/best/high estimate and notes.
//!
//! Grouping hashes the key; no two claims are ever compared pairwise.
//! `docs/reconcile.md` states the rules for status, `best` and totals.

mod copies;

pub use copies::{CONTAINMENT, Fingerprint, find_copies};

use crate::extract::{Claim, EventTime, sentence_time};
use crate::number::Qualifier;
use jiff::civil::Date;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// What reconciliation needs of a document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentEntry {
    pub id: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
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
    #[serde(skip)]
    pub fingerprint: Fingerprint,
    /// The text says it is a repost (`The original source of this article is …`).
    #[serde(skip)]
    pub repost: bool,
}

/// How the sources of a group relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
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
pub struct SourceValue {
    /// The source: its outlet, or the original document of a set of copies.
    pub source: String,
    /// Documents of this source that state the figure (copies included).
    pub documents: Vec<String>,
    pub outlet: Option<String>,
    pub published: Option<Date>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub qualifier: Qualifier,
    /// The figure as the source wrote it.
    pub number: String,
    pub hedges: Vec<String>,
    pub speaker: Option<String>,
}

impl SourceValue {
    /// The range the statement allows, as closed bounds for comparison:
    /// `more than 6,500` excludes 6,500; `about 25` allows ±10%.
    fn bounds(&self) -> (f64, f64) {
        let low = self.low.unwrap_or(0.0);
        let high = self.high.unwrap_or(f64::INFINITY);
        match self.qualifier {
            Qualifier::MoreThan => (low + 1e-9, high),
            Qualifier::LessThan => (low, high - 1e-9),
            Qualifier::Approx => (low * 0.9, high * 1.1),
            _ => (low, high),
        }
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
pub fn fmt_value(low: Option<f64>, high: Option<f64>, qualifier: Qualifier) -> String {
    let n = |v: f64| {
        if v.fract() == 0.0 && v.abs() < 1e15 {
            format!("{}", v as i64)
        } else {
            format!("{v}")
        }
    };
    match (qualifier, low, high) {
        (Qualifier::AtLeast, Some(l), _) => format!("at least {}", n(l)),
        (Qualifier::MoreThan, Some(l), _) => format!("more than {}", n(l)),
        (Qualifier::AtMost, _, Some(h)) => format!("at most {}", n(h)),
        (Qualifier::LessThan, _, Some(h)) => format!("fewer than {}", n(h)),
        (Qualifier::Approx, Some(l), _) => format!("about {}", n(l)),
        (_, Some(l), Some(h)) if l == h => n(l),
        (_, Some(l), Some(h)) => format!("{}–{}", n(l), n(h)),
        (_, Some(l), None) => format!("{}+", n(l)),
        (_, None, Some(h)) => format!("≤{}", n(h)),
        (_, None, None) => "?".into(),
    }
}

/// Claims about one figure, reconciled.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group {
    pub event: String,
    pub category: String,
    pub party: Option<String>,
    pub population: Option<String>,
    /// For percentages: what the figure is a share of.
    pub subject: Option<String>,
    pub status: Status,
    pub low: Option<f64>,
    pub best: Option<f64>,
    pub high: Option<f64>,
    pub independent_sources: usize,
    /// One entry per independent source, oldest first.
    pub sources: Vec<SourceValue>,
    pub notes: Vec<String>,
    pub claims: Vec<Claim>,
}

/// All sides together: how many were killed (wounded, …) in an event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Total {
    pub event: String,
    pub category: String,
    pub low: Option<f64>,
    pub best: Option<f64>,
    pub high: Option<f64>,
}

/// The reconciled result of a batch.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reconciliation {
    pub documents: Vec<DocumentEntry>,
    pub groups: Vec<Group>,
    pub totals: Vec<Total>,
}

impl Reconciliation {
    pub fn conflicts(&self) -> usize {
        self.groups
            .iter()
            .filter(|g| g.status == Status::Conflict)
            .count()
    }
}

/// Settings of reconciliation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ReconcileOptions {
    /// Day-dated claims this many days apart or closer are one event.
    pub event_gap_days: i64,
    /// An event spans at most this many days.
    pub event_span_days: i64,
    /// Categories that are never summed into totals (ambiguous ones).
    pub percent_category: &'static str,
}

impl Default for ReconcileOptions {
    fn default() -> Self {
        ReconcileOptions {
            event_gap_days: 2,
            event_span_days: 7,
            percent_category: "percentage",
        }
    }
}

/// event, category, party, population, subject
type GroupKey = (
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// Reconcile the claims of a batch of documents.
pub fn reconcile(
    mut documents: Vec<DocumentEntry>,
    mut claims: Vec<Claim>,
    options: &ReconcileOptions,
) -> Reconciliation {
    // Copies: which document is a copy of which.
    let prints: Vec<Fingerprint> = documents.iter().map(|d| d.fingerprint.clone()).collect();
    let copies = find_copies(&prints, |a, b| {
        original_first(&documents[a], a, &documents[b], b)
    });
    let by_id: HashMap<String, usize> = documents
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.clone(), i))
        .collect();
    // Copies share publication data: an undated copy takes its original's date.
    let mut cluster_date: HashMap<usize, Date> = HashMap::new();
    for (d, c) in copies.iter().enumerate() {
        let root = c.unwrap_or(d);
        if let Some(p) = documents[d].published {
            let e = cluster_date.entry(root).or_insert(p);
            *e = (*e).min(p);
        }
    }
    for (d, c) in copies.iter().enumerate() {
        documents[d].copy_of = c.map(|r| documents[r].id.clone());
    }
    for claim in &mut claims {
        let Some(&d) = by_id.get(&claim.doc) else {
            continue;
        };
        let root = copies[d].unwrap_or(d);
        if claim.published.is_none()
            && let Some(date) = cluster_date.get(&root)
        {
            claim.published = Some(*date);
            if claim.event_time.is_none() {
                // resolve the sentence's own time (`last year`) against the date now known
                let quantities = crate::number::scan(&claim.quote);
                claim.event_time = sentence_time(&claim.quote, 0, &quantities, Some(*date))
                    .or(Some(EventTime::day(*date, false)));
            }
        }
    }
    // Claims of an independent source share its key: the outlet if known,
    // else the original of its copies.
    let source_key = |claim: &Claim| -> String {
        let d = by_id.get(&claim.doc).copied();
        let root = d.map(|d| copies[d].unwrap_or(d));
        // The original's outlet, never a copy's: a repost is its original's source.
        let outlet = match root {
            Some(r) => documents[r].outlet.clone(),
            None => claim.outlet.clone(),
        };
        match (outlet, root) {
            (Some(o), _) => o,
            (None, Some(r)) => documents[r].id.clone(),
            (None, None) => claim.doc.clone(),
        }
    };
    let events = assign_events(&claims, &documents, &by_id, options);
    let mut groups: HashMap<GroupKey, Vec<usize>> = HashMap::new();
    for (i, c) in claims.iter().enumerate() {
        let subject = if c.category == options.percent_category {
            c.subject.clone()
        } else {
            None
        };
        groups
            .entry((
                events[i].clone(),
                c.category.clone(),
                c.party.clone(),
                c.population.clone(),
                subject,
            ))
            .or_default()
            .push(i);
    }
    let mut out: Vec<Group> = groups
        .into_iter()
        .map(|((event, category, party, population, subject), members)| {
            let members: Vec<&Claim> = members.iter().map(|&i| &claims[i]).collect();
            build_group(
                event,
                category,
                party,
                population,
                subject,
                &members,
                &source_key,
                &documents,
                &by_id,
            )
        })
        .collect();
    out.sort_by(|a, b| {
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
    let totals = totals(&out, options);
    Reconciliation {
        documents,
        groups: out,
        totals,
    }
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

/// The event of each claim. An input `event` wins; otherwise claims dated
/// to a day cluster by date (days `event_gap_days` apart join, up to
/// `event_span_days`), and claims dated only to a month or year (`in 2020`,
/// `last year`) form an event of that year.
fn assign_events(
    claims: &[Claim],
    documents: &[DocumentEntry],
    by_id: &HashMap<String, usize>,
    options: &ReconcileOptions,
) -> Vec<String> {
    // History is not news: a figure the sentence dates to a month or a year
    // (`in 2020`, `September last year`) belongs to that year's event. Where
    // the input names the event, only a figure dated more than a year before
    // publication is history (`a July 2014 shooting` in a 2015 follow-up is
    // still the incident).
    let background = |c: &Claim| {
        let Some(t) = c.event_time.filter(|t| t.stated && t.days() > 7) else {
            return false;
        };
        let named_event = by_id
            .get(&c.doc)
            .and_then(|&d| documents[d].event.as_ref())
            .is_some();
        match (named_event, c.published) {
            (true, Some(p)) => p
                .checked_sub(jiff::ToSpan::days(365))
                .is_ok_and(|cut| t.last < cut),
            (true, None) => false,
            (false, _) => true,
        }
    };
    let mut days: Vec<Date> = claims
        .iter()
        .filter(|c| !background(c))
        .filter(|c| {
            by_id
                .get(&c.doc)
                .and_then(|&d| documents[d].event.as_ref())
                .is_none()
        })
        .filter_map(|c| c.event_time.map(|t| t.first))
        .collect();
    days.sort_unstable();
    days.dedup();
    // single-link clusters over sorted days
    let mut cluster_of: BTreeMap<Date, (Date, Date)> = BTreeMap::new();
    let mut start = 0;
    while start < days.len() {
        let mut end = start;
        while end + 1 < days.len() {
            let gap = (days[end + 1] - days[end]).get_days() as i64;
            let span = (days[end + 1] - days[start]).get_days() as i64;
            if gap > options.event_gap_days || span >= options.event_span_days {
                break;
            }
            end += 1;
        }
        for d in &days[start..=end] {
            cluster_of.insert(*d, (days[start], days[end]));
        }
        start = end + 1;
    }
    claims
        .iter()
        .map(|c| {
            if background(c) {
                let t = c
                    .event_time
                    .unwrap_or(EventTime::day(Date::constant(1970, 1, 1), false));
                return if t.first.year() == t.last.year() {
                    format!("{:04}", t.first.year())
                } else {
                    t.to_string()
                };
            }
            if let Some(e) = by_id.get(&c.doc).and_then(|&d| documents[d].event.clone()) {
                return e;
            }
            match c.event_time.and_then(|t| cluster_of.get(&t.first)) {
                Some((a, b)) if a == b => a.to_string(),
                Some((a, b)) => format!("{a}/{b}"),
                None => "undated".to_string(),
            }
        })
        .collect()
}

#[allow(clippy::too_many_arguments)]
fn build_group(
    event: String,
    category: String,
    party: Option<String>,
    population: Option<String>,
    subject: Option<String>,
    members: &[&Claim],
    source_key: &dyn Fn(&Claim) -> String,
    documents: &[DocumentEntry],
    by_id: &HashMap<String, usize>,
) -> Group {
    let mut notes = Vec::new();
    let mut by_source: BTreeMap<String, Vec<&Claim>> = BTreeMap::new();
    for c in members {
        by_source.entry(source_key(c)).or_default().push(c);
    }
    let mut sources: Vec<SourceValue> = by_source
        .into_iter()
        .map(|(source, claims)| source_value(&source, &claims, &mut notes))
        .collect();
    sources.sort_by(|a, b| (a.published, &a.source).cmp(&(b.published, &b.source)));
    let independent_sources = sources.len();
    let status = if independent_sources <= 1 {
        Status::SingleSource
    } else if sources
        .windows(2)
        .all(|w| w[0].low == w[1].low && w[0].high == w[1].high && w[0].qualifier == w[1].qualifier)
    {
        Status::Agree
    } else {
        let lo = sources
            .iter()
            .map(|s| s.bounds().0)
            .fold(f64::NEG_INFINITY, f64::max);
        let hi = sources
            .iter()
            .map(|s| s.bounds().1)
            .fold(f64::INFINITY, f64::min);
        if lo <= hi {
            Status::Consistent
        } else {
            Status::Conflict
        }
    };
    // best: the figure most independent sources allow; then the unhedged;
    // then the most recent.
    let best_source = sources.iter().max_by(|a, b| {
        let support = |s: &SourceValue| {
            sources
                .iter()
                .filter(|o| {
                    let (l, h) = o.bounds();
                    let p = s.point();
                    l <= p && p <= h
                })
                .count()
        };
        (support(a), a.hedges.is_empty(), a.published)
            .partial_cmp(&(support(b), b.hedges.is_empty(), b.published))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let low = sources
        .iter()
        .filter_map(|s| s.low)
        .fold(None, |m: Option<f64>, v| Some(m.map_or(v, |m| m.min(v))));
    let high = if sources.iter().any(|s| s.high.is_none()) {
        None
    } else {
        sources
            .iter()
            .filter_map(|s| s.high)
            .fold(None, |m: Option<f64>, v| Some(m.map_or(v, |m| m.max(v))))
    };
    let best = best_source.map(|s| {
        let mut b = s.point();
        if let Some(l) = low {
            b = b.max(l);
        }
        if let Some(h) = high {
            b = b.min(h);
        }
        b
    });
    if status == Status::Conflict {
        notes.push(conflict_note(&sources));
    }
    let mut copied: Vec<String> = Vec::new();
    for c in members {
        if let Some(copy_of) = by_id
            .get(&c.doc)
            .and_then(|&d| documents[d].copy_of.as_ref())
        {
            let note = format!("{} is a copy of {} (counted once)", c.doc, copy_of);
            if !copied.contains(&note) {
                copied.push(note);
            }
        }
    }
    copied.sort();
    notes.extend(copied);
    let mut claims: Vec<Claim> = members.iter().map(|c| (*c).clone()).collect();
    claims.sort_by(|a, b| (&a.doc, a.start).cmp(&(&b.doc, b.start)));
    Group {
        event,
        category,
        party,
        population,
        subject,
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

/// One source's figure from its claims in a group. Within one document,
/// claims that agree give their common range (`at least 7` and `7` → 7);
/// claims that do not are a total and its parts (`four men were shot`, `a
/// 22-year-old man shot in the leg`), and the largest is the document's
/// figure. Across a source's documents, its latest figure stands, with a
/// note when it changed.
fn source_value(source: &str, claims: &[&Claim], notes: &mut Vec<String>) -> SourceValue {
    let mut by_doc: BTreeMap<&str, Vec<&Claim>> = BTreeMap::new();
    for c in claims {
        by_doc.entry(c.doc.as_str()).or_default().push(c);
    }
    // Ties below are broken by text order, never by input order.
    for cs in by_doc.values_mut() {
        cs.sort_by_key(|c| c.start);
    }
    let mut per_doc: Vec<&Claim> = by_doc
        .values()
        .filter_map(|cs| document_figure(source, cs))
        .collect();
    per_doc.sort_by(|a, b| (a.published, &a.doc, a.start).cmp(&(b.published, &b.doc, b.start)));
    let (Some(first), Some(last)) = (per_doc.first().copied(), per_doc.last().copied()) else {
        return SourceValue::empty(source);
    };
    let chosen = if per_doc
        .iter()
        .all(|c| c.low == last.low && c.high == last.high)
    {
        // prefer the tightest statement of the same figure
        document_figure(source, &per_doc).unwrap_or(last)
    } else {
        notes.push(format!(
            "{source} changed its figure: {} ({}) then {} ({})",
            first.number,
            first.published.map_or("undated".into(), |d| d.to_string()),
            last.number,
            last.published.map_or("undated".into(), |d| d.to_string()),
        ));
        last
    };
    let mut v = SourceValue::from_claim(source, chosen);
    for c in claims {
        if !v.documents.contains(&c.doc) {
            v.documents.push(c.doc.clone());
        }
        // a headline's bare figure and the body's hedged one are one statement
        if c.doc == chosen.doc && c.low == chosen.low && c.high == chosen.high {
            for h in &c.hedges {
                if !v.hedges.contains(h) {
                    v.hedges.push(h.clone());
                }
            }
        }
        if v.speaker.is_none() {
            v.speaker = c.speaker.clone();
        }
    }
    v.hedges.sort();
    v.documents.sort();
    v
}

/// The figure of one document's claims: their tightest common statement,
/// or, if they disagree, the largest.
fn document_figure<'c>(source: &str, claims: &[&'c Claim]) -> Option<&'c Claim> {
    let width = |c: &Claim| c.high.unwrap_or(f64::INFINITY) - c.low.unwrap_or(0.0);
    let tightest = claims
        .iter()
        .copied()
        .min_by(|a, b| width(a).total_cmp(&width(b)))?;
    let agree = claims.iter().all(|o| {
        let (l, h) = SourceValue::from_claim(source, o).bounds();
        let (vl, vh) = SourceValue::from_claim(source, tightest).bounds();
        vl.max(l) <= vh.min(h)
    });
    if agree {
        Some(tightest)
    } else {
        claims
            .iter()
            .copied()
            .max_by(|a, b| a.low.unwrap_or(0.0).total_cmp(&b.low.unwrap_or(0.0)))
    }
}

impl SourceValue {
    fn from_claim(source: &str, c: &Claim) -> SourceValue {
        SourceValue {
            source: source.to_string(),
            documents: vec![c.doc.clone()],
            outlet: c.outlet.clone(),
            published: c.published,
            low: c.low,
            high: c.high,
            qualifier: c.qualifier,
            number: c.number.clone(),
            hedges: c.hedges.clone(),
            speaker: c.speaker.clone(),
        }
    }
    fn empty(source: &str) -> SourceValue {
        SourceValue {
            source: source.to_string(),
            documents: Vec::new(),
            outlet: None,
            published: None,
            low: None,
            high: None,
            qualifier: Qualifier::Exact,
            number: String::new(),
            hedges: Vec::new(),
            speaker: None,
        }
    }
}

/// Says who states what, oldest first, and calls a later figure replacing
/// an earlier hedged one a revision.
fn conflict_note(sources: &[SourceValue]) -> String {
    let describe = |s: &SourceValue| {
        let date = s.published.map_or("undated".to_string(), |d| {
            d.strftime("%-d %b %Y").to_string()
        });
        let hedge = if s.hedges.is_empty() {
            String::new()
        } else {
            format!(", {}", s.hedges.join(", "))
        };
        format!("{} on {} ({}{})", s.display(), date, s.source, hedge)
    };
    let first = &sources[0];
    let later_differs = sources[1..].iter().any(|s| s.display() != first.display());
    let dated = sources.iter().all(|s| s.published.is_some())
        && sources.last().map(|s| s.published) != Some(first.published);
    let parts: Vec<String> = sources.iter().map(describe).collect();
    if !first.hedges.is_empty() && later_differs && dated {
        format!("revision: {}", parts.join(" → "))
    } else {
        format!("sources disagree: {}", parts.join("; "))
    }
}

/// Per event and category, all sides together without counting anyone
/// twice: a side's total is the larger of its overall figure and the sum of
/// its disjoint populations; the event's is the larger of its unattributed
/// overall figure and the sum of its sides. Percentages are never summed.
fn totals(groups: &[Group], options: &ReconcileOptions) -> Vec<Total> {
    type Key = (String, String);
    let mut per: BTreeMap<Key, Vec<&Group>> = BTreeMap::new();
    for g in groups {
        if g.category == options.percent_category {
            continue;
        }
        per.entry((g.event.clone(), g.category.clone()))
            .or_default()
            .push(g);
    }
    per.into_iter()
        .map(|((event, category), gs)| {
            let pick = |f: &dyn Fn(&Group) -> Option<f64>| -> Option<f64> {
                let mut parties: BTreeMap<Option<&str>, (Option<f64>, f64)> = BTreeMap::new();
                for g in &gs {
                    let v = f(g)?;
                    let e = parties.entry(g.party.as_deref()).or_insert((None, 0.0));
                    if g.population.as_deref() == Some("people") {
                        e.0 = Some(e.0.map_or(v, |x: f64| x.max(v)));
                    } else {
                        e.1 += v;
                    }
                }
                let side_total = |(overall, parts): &(Option<f64>, f64)| {
                    overall.map_or(*parts, |o| o.max(*parts))
                };
                let sides: f64 = parties
                    .iter()
                    .filter(|(p, _)| p.is_some())
                    .map(|(_, v)| side_total(v))
                    .sum();
                let unattributed = parties.get(&None).map(side_total).unwrap_or(0.0);
                Some(sides.max(unattributed))
            };
            Total {
                event,
                category,
                low: pick(&|g| g.low),
                best: pick(&|g| g.best),
                high: pick(&|g| g.high),
            }
        })
        .collect()
}
