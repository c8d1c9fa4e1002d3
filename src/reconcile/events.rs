//! Incidents from documents: which documents report the same incident,
//! without being told.
//!
//! Reporters tell incidents apart by where, when, who and what; so does
//! this. Two documents are one incident when what identifies their
//! incidents (`Identity`, read by the extractor) agrees well enough:
//!
//! - **where**: the same city, county or street scores; two different
//!   cities rule it out;
//! - **when**: days a day or two apart score; stated days more than a week
//!   apart rule it out, unless the same people or street are named (a
//!   follow-up weeks later);
//! - **who**: a shared name scores high;
//! - **what**: the same kind of incident, and shared headline words.
//!
//! Pairs are only scored within blocks — documents sharing a place, a
//! street or a name, or a region and a week — never all pairs, so the work
//! grows with the documents, not their square. Documents join by
//! union-find, and two groups join only if their places and days still
//! agree, so one loose pair cannot chain two incidents together.

use super::DocumentEntry;
use crate::extract::{EventTime, Identity};
use jiff::civil::Date;
use rustc_hash::FxHashMap;
use serde::Serialize;

/// A document frequency above which a key is too common to block on (a
/// big city, a common name): pairs are then blocked by that key and the
/// week together.
const COMMON_KEY: usize = 40;
/// A word in at most this many documents is rare: sharing it says two
/// reports may be of one incident.
const RARE_TERM: usize = 6;
/// A pair scores at least this to be one incident.
const JOIN_SCORE: f64 = 4.0;
/// Stated days further apart than this are different incidents, unless
/// the same people or street are named.
const DAYS_APART: i64 = 7;
/// Even then, no incident spans more than this…
const FOLLOW_UP_DAYS: i64 = 120;
/// …unless two people are named in both (a trial, an anniversary).
const NAMED_FOLLOW_UP_DAYS: i64 = 3 * 366;

/// One incident the documents report.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Event {
    /// Its id, as groups and totals name it.
    pub id: String,
    /// What identified it, for people: `Chattanooga, TN · 7 Jan 2015 ·
    /// shooting`.
    pub label: String,
    /// Where, if the documents say.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// The days it spans, as its documents state them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first: Option<Date>,
    /// Last day.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last: Option<Date>,
    /// Its documents.
    pub documents: Vec<String>,
    /// Why its documents were joined, one line per join.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub joined: Vec<String>,
    /// The `event` an input gave, if that is how it was made.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub given: bool,
}

impl Event {
    /// An incident documents only mention (`the 2020 war`), named by its
    /// time.
    pub(crate) fn mentioned(id: &str, documents: Vec<String>) -> Event {
        Event {
            id: id.to_string(),
            label: id.to_string(),
            place: None,
            first: None,
            last: None,
            documents,
            joined: Vec::new(),
            given: false,
        }
    }
}

/// The features of one document, prepared for scoring.
struct Doc<'a> {
    date: Option<EventTime>,
    /// The cities' names alone: a name the gazetteer places in two
    /// countries (`Bristol`) may be placed in the wrong one by a report
    /// that names nothing else, and is still the same city.
    cities: Vec<&'a str>,
    /// The cities as `Name, State, Country`, for labels.
    city_labels: Vec<&'a str>,
    /// A place the gazetteer does not know (`Marlow Junction`): shared, it
    /// is a sign; different, it rules nothing out.
    localities: Vec<&'a str>,
    counties: Vec<&'a str>,
    regions: Vec<&'a str>,
    streets: &'a [String],
    names: &'a [String],
    kind: Option<&'a str>,
    terms: &'a [String],
    /// The terms sorted, to tell in a binary search whether another
    /// document uses one (pairs are many, terms a few dozen each).
    sorted_terms: Vec<&'a str>,
}

impl<'a> Doc<'a> {
    fn of(id: &'a Identity, published: Option<Date>) -> Doc<'a> {
        let with = |prefix: &str| -> Vec<&'a str> {
            id.places
                .iter()
                .filter_map(|p| p.strip_prefix(prefix))
                .collect()
        };
        let mut regions = with("state:");
        regions.extend(with("country:"));
        Doc {
            date: id.date.or(published.map(|d| EventTime::day(d, false))),
            cities: with("city:")
                .into_iter()
                .map(|c| c.split(", ").next().unwrap_or(c))
                .collect(),
            city_labels: with("city:"),
            localities: with("locality:"),
            counties: with("county:"),
            regions,
            streets: &id.streets,
            names: &id.names,
            kind: id.kind.as_deref(),
            terms: &id.terms,
            sorted_terms: {
                let mut t: Vec<&str> = id.terms.iter().map(String::as_str).collect();
                t.sort_unstable();
                t
            },
        }
    }
}

/// Days between two times (0 when they overlap).
fn gap(a: EventTime, b: EventTime) -> i64 {
    if a.last < b.first {
        (b.first - a.last).get_days() as i64
    } else if b.last < a.first {
        (a.first - b.last).get_days() as i64
    } else {
        0
    }
}

fn shares(a: &[impl AsRef<str>], b: &[impl AsRef<str>]) -> usize {
    a.iter()
        .filter(|x| b.iter().any(|y| y.as_ref() == x.as_ref()))
        .count()
}

/// Two names of one person: their first words and one more word agree
/// (`kevin michael mcquilliams`, `kevin mcquilliams`; `tavaris rhodes
/// jr`, `tavaris rhodes`).
fn same_person(a: &str, b: &str) -> bool {
    let (mut wa, mut wb) = (a.split(' '), b.split(' '));
    let (Some(fa), Some(fb)) = (wa.next(), wb.next()) else {
        return false;
    };
    // most pairs differ at the first word: no further look
    fa == fb && wa.any(|w| b.split(' ').skip(1).any(|x| x == w))
}

/// How many of `a`'s names name someone `b` names.
fn shared_names(a: &[String], b: &[String]) -> usize {
    a.iter()
        .filter(|x| b.iter().any(|y| same_person(x, y)))
        .count()
}

/// A county's name without its state: two reports of one county may
/// place it apart, where one names no state.
fn county_name(key: &str) -> &str {
    key.split(", ").next().unwrap_or(key)
}

/// How well two documents' incidents agree, and why; `None` when
/// something rules them apart.
fn score(a: &Doc, b: &Doc, df: &FxHashMap<&str, usize>, explain: bool) -> Option<(f64, String)> {
    let mut s = 0.0;
    let mut why: Vec<String> = Vec::new();
    // the reasons are written only for the pairs that join (most pairs
    // scored do not)
    let mut say = |reason: &dyn Fn() -> String| {
        if explain {
            why.push(reason());
        }
    };
    let names = shared_names(a.names, b.names);
    let streets = shares(a.streets, b.streets);
    // the same people named: one incident, even weeks apart or in two
    // places a report names differently
    let strong = names > 0;
    // where
    let cities = shares(&a.cities, &b.cities);
    if cities > 0 {
        s += 2.5;
        say(&|| {
            format!(
                "same place ({})",
                city_name(
                    a.cities
                        .iter()
                        .find(|c| b.cities.contains(c))
                        .copied()
                        .unwrap_or_default()
                )
            )
        });
    } else if !a.cities.is_empty() && !b.cities.is_empty() && !strong {
        return None;
    }
    if cities == 0 && shares(&a.localities, &b.localities) > 0 {
        s += 2.5;
        say(&|| {
            format!(
                "same place ({})",
                a.localities
                    .iter()
                    .find(|c| b.localities.contains(c))
                    .copied()
                    .unwrap_or_default()
            )
        });
    }
    let counties = |d: &Doc| -> Vec<String> {
        d.counties
            .iter()
            .map(|c| county_name(c).to_string())
            .collect()
    };
    if cities == 0 && shares(&counties(a), &counties(b)) > 0 {
        s += 1.5;
        say(&|| "same county".to_string());
    }
    if cities == 0
        && a.cities.is_empty()
        && b.cities.is_empty()
        && shares(&a.regions, &b.regions) > 0
    {
        s += 1.0;
        say(&|| "same region".to_string());
    }
    if streets > 0 {
        s += 4.0;
        say(&|| {
            format!(
                "same street ({})",
                a.streets
                    .iter()
                    .find(|x| b.streets.contains(x))
                    .map_or("", String::as_str)
            )
        });
    } else if !a.streets.is_empty() && !b.streets.is_empty() {
        // two blocks of one city: two incidents, most likely
        s -= 2.0;
    }
    if names > 0 {
        s += 4.0 * names.min(2) as f64;
        say(&|| {
            format!(
                "same name ({})",
                a.names
                    .iter()
                    .find(|x| b.names.iter().any(|y| same_person(x, y)))
                    .map_or("", String::as_str)
            )
        });
    }
    // two reports that name no place, street or person: nothing tells
    // them apart but their days, and a reader of a handful of reports takes
    // them for one incident
    let bare = |d: &Doc| {
        d.cities.is_empty()
            && d.counties.is_empty()
            && d.regions.is_empty()
            && d.streets.is_empty()
            && d.names.is_empty()
    };
    if bare(a) && bare(b) {
        s += 2.5;
    }
    // when
    if let (Some(x), Some(y)) = (a.date, b.date) {
        let days = gap(x, y);
        let stated = x.stated && y.stated && x.days() == 1 && y.days() == 1;
        let limit = if names >= 2 {
            NAMED_FOLLOW_UP_DAYS
        } else {
            FOLLOW_UP_DAYS
        };
        if days > limit || days > DAYS_APART && stated && !strong {
            return None;
        }
        if days == 0 {
            s += 1.5;
            say(&|| "same day".to_string());
        } else if days == 1 {
            s += 1.0;
            say(&|| "a day apart".to_string());
        } else if days <= 3 {
            s += 0.5;
            say(&|| format!("{days} days apart"));
        } else if days > 14 && !strong {
            s -= 2.0;
        }
    }
    // what
    match (a.kind, b.kind) {
        (Some(x), Some(y)) if x == y => s += 0.5,
        (Some(_), Some(_)) => s -= 1.0,
        _ => {}
    }
    // words few documents use: each shared one counts, more the rarer
    let rare: f64 = a
        .terms
        .iter()
        .filter(|t| b.sorted_terms.binary_search(&t.as_str()).is_ok())
        .filter_map(|t| df.get(t.as_str()))
        .filter(|&&n| n <= RARE_TERM)
        .map(|&n| 1.0 / n as f64)
        .sum();
    if rare > 0.0 {
        s += (1.5 * rare).min(3.0);
        if rare >= 1.0 {
            say(&|| "the same rare words".to_string());
        }
    }
    Some((s, why.join(", ")))
}

/// `Kansas City, MO, US` → `Kansas City, MO`.
fn city_name(key: &str) -> &str {
    key.rsplit_once(", ").map_or(key, |(head, _)| head)
}

/// Union-find over documents, each set keeping what it spans.
struct Sets {
    parent: Vec<usize>,
    cities: Vec<Vec<String>>,
    first: Vec<Option<Date>>,
    last: Vec<Option<Date>>,
}

impl Sets {
    fn find(&mut self, mut i: usize) -> usize {
        while let Some(&p) = self.parent.get(i) {
            if p == i {
                break;
            }
            let grand = self.parent.get(p).copied().unwrap_or(p);
            if let Some(slot) = self.parent.get_mut(i) {
                *slot = grand;
            }
            i = p;
        }
        i
    }

    /// Joins the sets of `a` and `b` unless their places or days disagree;
    /// whether they are (now) one.
    fn join(&mut self, a: usize, b: usize, names: usize) -> bool {
        let strong = names > 0;
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return true;
        }
        let ca = self.cities.get(ra).cloned().unwrap_or_default();
        let cb = self.cities.get(rb).cloned().unwrap_or_default();
        if !ca.is_empty() && !cb.is_empty() && !ca.iter().any(|c| cb.contains(c)) {
            return false;
        }
        let span = |x: Option<Date>, y: Option<Date>, f: fn(Date, Date) -> Date| match (x, y) {
            (Some(x), Some(y)) => Some(f(x, y)),
            (x, None) => x,
            (None, y) => y,
        };
        let first = span(
            self.first.get(ra).copied().flatten(),
            self.first.get(rb).copied().flatten(),
            Date::min,
        );
        let last = span(
            self.last.get(ra).copied().flatten(),
            self.last.get(rb).copied().flatten(),
            Date::max,
        );
        if let (Some(f), Some(l)) = (first, last) {
            let days = (l - f).get_days() as i64;
            let limit = if names >= 2 {
                NAMED_FOLLOW_UP_DAYS
            } else {
                FOLLOW_UP_DAYS
            };
            if days > limit || days > 2 * DAYS_APART && !strong {
                return false;
            }
        }
        if let Some(p) = self.parent.get_mut(rb) {
            *p = ra;
        }
        let mut merged = ca;
        for c in cb {
            if !merged.contains(&c) {
                merged.push(c);
            }
        }
        if let Some(c) = self.cities.get_mut(ra) {
            *c = merged;
        }
        if let Some(f) = self.first.get_mut(ra) {
            *f = first;
        }
        if let Some(l) = self.last.get_mut(ra) {
            *l = last;
        }
        true
    }
}

/// The incident of each document: an index into the returned events.
/// Documents with an `event` are that event; copies are their original's
/// incident; the others are clustered. `roots[d]` is the original of
/// document `d` (itself if it is no copy), `dates[d]` the date its set of
/// copies shares.
pub(crate) fn cluster(
    documents: &[DocumentEntry],
    roots: &[usize],
    dates: &[Option<Date>],
) -> (Vec<usize>, Vec<Event>) {
    // an undated original takes its copies' date
    let docs: Vec<Doc> = documents
        .iter()
        .enumerate()
        .map(|(i, d)| Doc::of(&d.identity, d.published.or(dates.get(i).copied().flatten())))
        .collect();
    let n = documents.len();
    let mut sets = Sets {
        parent: (0..n).collect(),
        cities: docs
            .iter()
            .map(|d| d.cities.iter().map(|c| c.to_string()).collect())
            .collect(),
        // a set's span: of the days its documents state (a month or a
        // year is too coarse to bound it)
        first: docs
            .iter()
            .map(|d| d.date.filter(|t| t.days() <= 7).map(|t| t.first))
            .collect(),
        last: docs
            .iter()
            .map(|d| d.date.filter(|t| t.days() <= 7).map(|t| t.last))
            .collect(),
    };
    // the documents clustered: read, not given an event, not copies
    let free = |i: usize| {
        documents
            .get(i)
            .is_some_and(|d| d.event.is_none() && d.skipped.is_none())
            && roots.get(i) == Some(&i)
    };
    // how many documents use each word
    let mut df: FxHashMap<&str, usize> = FxHashMap::default();
    for (_, d) in docs.iter().enumerate().filter(|(i, _)| free(*i)) {
        for t in d.terms {
            *df.entry(t.as_str()).or_default() += 1;
        }
    }
    // blocks: documents sharing a key; a common key only within a week
    let mut blocks: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    for (i, d) in docs.iter().enumerate().filter(|(i, _)| free(*i)) {
        let week = d
            .date
            .map(|t| (t.first - Date::constant(1970, 1, 5)).get_days() / 7);
        let mut keys: Vec<String> = Vec::new();
        keys.extend(d.cities.iter().map(|c| format!("c|{c}")));
        keys.extend(d.localities.iter().map(|c| format!("l|{c}")));
        keys.extend(d.counties.iter().map(|c| format!("k|{}", county_name(c))));
        keys.extend(d.streets.iter().map(|s| format!("s|{s}")));
        // a name by its first word and each other word (a middle name or a
        // suffix may be left out)
        for name in d.names {
            let mut words = name.split(' ');
            let first = words.next().unwrap_or_default();
            keys.extend(words.map(|w| format!("n|{first} {w}")));
        }
        if let Some(w) = week {
            for t in d.terms.iter().filter(|t| {
                df.get(t.as_str())
                    .is_some_and(|&n| (2..=RARE_TERM).contains(&n))
            }) {
                for dw in [w, w + 1] {
                    keys.push(format!("t|{t}|{dw}"));
                }
            }
            for r in &d.regions {
                for dw in [w, w + 1] {
                    keys.push(format!("r|{r}|{dw}"));
                }
            }
            if d.cities.is_empty() && d.regions.is_empty() {
                for dw in [w, w + 1] {
                    keys.push(format!("w|{dw}"));
                }
            }
        }
        for k in keys {
            blocks.entry(k).or_default().push(i);
        }
    }
    // a common key blocks only within a week
    let mut keyed: Vec<(String, Vec<usize>)> = Vec::new();
    for (k, members) in blocks {
        if members.len() <= COMMON_KEY {
            keyed.push((k, members));
            continue;
        }
        let mut by_week: FxHashMap<i32, Vec<usize>> = FxHashMap::default();
        for i in members {
            let w = docs.get(i).and_then(|d| d.date).map_or(i32::MIN, |t| {
                (t.first - Date::constant(1970, 1, 5)).get_days() / 7
            });
            by_week.entry(w).or_default().push(i);
            by_week.entry(w.saturating_add(1)).or_default().push(i);
        }
        keyed.extend(
            by_week
                .into_iter()
                .filter(|(_, m)| m.len() <= 4 * COMMON_KEY)
                .map(|(w, m)| (format!("{k}|{w}"), m)),
        );
    }
    keyed.sort();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for (_, members) in &keyed {
        for (x, &a) in members.iter().enumerate() {
            for &b in members.iter().skip(x + 1) {
                if a != b {
                    pairs.push((a.min(b), a.max(b)));
                }
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    // score, then join the best pairs first
    let mut scored: Vec<(f64, usize, usize, usize)> = pairs
        .into_iter()
        .filter_map(|(a, b)| {
            let (da, db) = (docs.get(a)?, docs.get(b)?);
            let (s, _) = score(da, db, &df, false)?;
            let names = shared_names(da.names, db.names);
            (s >= JOIN_SCORE).then_some((s, a, b, names))
        })
        .collect();
    scored.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    let mut reasons: Vec<(usize, usize, String)> = Vec::new();
    for (_, a, b, names) in scored {
        if sets.find(a) != sets.find(b) && sets.join(a, b, names) {
            let why = docs
                .get(a)
                .zip(docs.get(b))
                .and_then(|(da, db)| score(da, db, &df, true))
                .map(|(_, why)| why)
                .unwrap_or_default();
            reasons.push((a, b, why));
        }
    }
    // events: given ones by their id, clusters in document order
    let mut events: Vec<Event> = Vec::new();
    let mut index: FxHashMap<String, usize> = FxHashMap::default();
    let mut of_doc = vec![0usize; n];
    for (i, d) in documents.iter().enumerate() {
        let root = roots.get(i).copied().unwrap_or(i);
        let key = match (&d.event, documents.get(root).and_then(|r| r.event.as_ref())) {
            (Some(e), _) | (None, Some(e)) => format!("given|{e}"),
            _ => format!("set|{}", sets.find(root)),
        };
        let e = *index.entry(key.clone()).or_insert_with(|| {
            events.push(Event {
                id: d.event.clone().unwrap_or_default(),
                label: d.event.clone().unwrap_or_default(),
                place: None,
                first: None,
                last: None,
                documents: Vec::new(),
                joined: Vec::new(),
                given: d.event.is_some(),
            });
            events.len() - 1
        });
        if let Some(slot) = of_doc.get_mut(i) {
            *slot = e;
        }
        if let Some(ev) = events.get_mut(e) {
            ev.documents.push(d.id.clone());
        }
    }
    for (a, b, why) in reasons {
        let (Some(&e), Some(da), Some(db)) = (of_doc.get(a), documents.get(a), documents.get(b))
        else {
            continue;
        };
        if let Some(ev) = events.get_mut(e) {
            ev.joined.push(format!("{} + {}: {why}", da.id, db.id));
        }
    }
    label_events(&mut events, documents, &docs, &of_doc);
    (of_doc, events)
}

/// Each clustered event's label and id, from what its documents share:
/// the place most of them name, the day most of them state, the kind.
fn label_events(events: &mut [Event], documents: &[DocumentEntry], docs: &[Doc], of_doc: &[usize]) {
    let mut used: FxHashMap<String, usize> = FxHashMap::default();
    for (e, ev) in events.iter_mut().enumerate() {
        let members: Vec<usize> = of_doc
            .iter()
            .enumerate()
            .filter(|(_, x)| **x == e)
            .map(|(i, _)| i)
            .collect();
        let most = |f: &dyn Fn(&Doc) -> Option<String>| -> Option<String> {
            let mut counts: Vec<(String, usize)> = Vec::new();
            for d in members.iter().filter_map(|&i| docs.get(i)) {
                if let Some(v) = f(d) {
                    match counts.iter_mut().find(|(k, _)| *k == v) {
                        Some((_, c)) => *c += 1,
                        None => counts.push((v, 1)),
                    }
                }
            }
            counts.into_iter().max_by_key(|(_, c)| *c).map(|(k, _)| k)
        };
        let place = most(&|d| {
            d.city_labels
                .first()
                .map(|c| city_name(c).to_string())
                .or_else(|| d.counties.first().map(|c| city_name(c).to_string()))
                .or_else(|| d.localities.first().map(|c| c.to_string()))
                .or_else(|| {
                    let mut r: Vec<&str> = d.regions.iter().map(|r| city_name(r)).collect();
                    r.sort_unstable();
                    (!r.is_empty()).then(|| r.join("–"))
                })
        });
        let dates: Vec<EventTime> = members.iter().filter_map(|&i| docs.get(i)?.date).collect();
        let stated: Vec<&EventTime> = dates.iter().filter(|t| t.stated).collect();
        let pick: Vec<&EventTime> = if stated.is_empty() {
            dates.iter().collect()
        } else {
            stated
        };
        ev.first = pick.iter().map(|t| t.first).min();
        ev.last = pick.iter().map(|t| t.last).max();
        ev.place = place.clone();
        if ev.given {
            continue;
        }
        let kind = most(&|d| d.kind.map(str::to_string));
        // the day most of its documents state, the earliest of a tie; else
        // its first day
        let mut stated_days: Vec<Date> = members
            .iter()
            .filter_map(|&i| docs.get(i)?.date)
            .filter(|t| t.stated && t.days() == 1)
            .map(|t| t.first)
            .collect();
        stated_days.sort_unstable();
        let day = stated_days
            .chunk_by(|a, b| a == b)
            .max_by(|a, b| a.len().cmp(&b.len()).then(b.first().cmp(&a.first())))
            .and_then(|run| run.first().copied())
            .or(ev.first)
            .map(|d| d.strftime("%-d %b %Y").to_string());
        let parts: Vec<String> = [place, day, kind].into_iter().flatten().collect();
        let label = if parts.is_empty() {
            members.first().and_then(|&i| documents.get(i)).map_or_else(
                || "undated".to_string(),
                |d| super::source_name(&d.id).to_string(),
            )
        } else {
            parts.join(" · ")
        };
        let n = used.entry(label.clone()).or_insert(0);
        *n += 1;
        ev.id = if *n == 1 {
            label.clone()
        } else {
            format!("{label} ({n})")
        };
        ev.label = ev.id.clone();
    }
}
