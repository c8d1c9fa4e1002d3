//! Properties of reconciliation over synthetic claims: the result does not
//! depend on input order, copies of a document are counted once, every group
//! has `low <= best <= high`, and every claim lands in exactly one group (or
//! among the asides), with the figures recount derives marked as derived.

use jiff::ToSpan;
use jiff::civil::Date;
use proptest::prelude::*;
use recount::{
    Claim, Counts, DocumentEntry, EventTime, Pipeline, PopulationRole, Qualifier, Report, Role,
    Status, from_text,
};
use std::collections::BTreeMap;
use std::sync::LazyLock;

static PIPELINE: LazyLock<Pipeline> = LazyLock::new(Pipeline::with_default_rules);

/// Reconcile with the default settings, as the pipeline does.
fn reconcile(entries: Vec<DocumentEntry>, claims: Vec<Claim>) -> Report {
    PIPELINE.reconcile_claims(entries, claims)
}

/// A claim with every field empty, to fill in: a `recount.claim/1` record
/// read back, the way a reduce step makes claims it did not extract.
static BLANK: LazyLock<Claim> = LazyLock::new(|| {
    serde_json::from_value(serde_json::json!({
        "doc": "", "start": 0, "end": 0, "line": 1, "column": 1, "number": "",
        "quote": "", "quote_start": 0, "category": "", "low": null, "high": null,
        "qualifier": "exact", "party": null, "population": null, "speaker": null,
        "hedges": [], "event_time": null, "subject": null, "published": null,
        "outlet": null, "in_comments": false
    }))
    .unwrap()
});

/// A figure as people read it, for a claim's `number`.
fn figure(low: Option<f64>, high: Option<f64>, qualifier: Qualifier) -> String {
    match (qualifier, low, high) {
        (Qualifier::AtLeast, Some(l), _) => format!("at least {l}"),
        (Qualifier::MoreThan, Some(l), _) => format!("more than {l}"),
        (Qualifier::AtMost, _, Some(h)) => format!("at most {h}"),
        (Qualifier::Approx, Some(l), _) => format!("about {l}"),
        (_, Some(l), Some(h)) if l == h => format!("{l}"),
        (_, Some(l), Some(h)) => format!("{l}–{h}"),
        _ => "?".to_string(),
    }
}

/// One synthetic source document.
#[derive(Debug, Clone)]
struct DocSpec {
    outlet: Option<String>,
    published: Option<Date>,
}

/// How a synthetic claim dates its event.
#[derive(Debug, Clone, Copy)]
enum When {
    /// Not stated: the publication date (none if the document is undated).
    Published,
    /// A stated day, this many days after 2024-03-01.
    Day(i64),
    /// A stated year (background: `in 2019`).
    Year(i16),
}

#[derive(Debug, Clone)]
struct ClaimSpec {
    doc: usize,
    category: &'static str,
    party: Option<&'static str>,
    population: &'static str,
    value: (Qualifier, Option<f64>, Option<f64>),
    when: When,
    hedged: bool,
}

const BASE: Date = Date::constant(2024, 3, 1);

fn doc_spec() -> impl Strategy<Value = (bool, Option<i64>)> {
    (
        prop::bool::weighted(0.75),
        prop::option::weighted(0.85, 0i64..10),
    )
}

fn value() -> impl Strategy<Value = (Qualifier, Option<f64>, Option<f64>)> {
    (0u8..7, 0u32..40, 1u32..15).prop_map(|(kind, v, w)| {
        let v = f64::from(v);
        let w = f64::from(w);
        match kind {
            0 | 1 => (Qualifier::Exact, Some(v), Some(v)),
            2 => (Qualifier::AtLeast, Some(v), None),
            3 => (Qualifier::MoreThan, Some(v), None),
            4 => (Qualifier::Range, Some(v), Some(v + w)),
            5 => (Qualifier::Approx, Some(v), Some(v)),
            _ => (Qualifier::AtMost, None, Some(v)),
        }
    })
}

fn when() -> impl Strategy<Value = When> {
    prop_oneof![
        4 => Just(When::Published),
        3 => (0i64..12).prop_map(When::Day),
        1 => (2018i16..2021).prop_map(When::Year),
    ]
}

fn claim_spec(n_docs: usize) -> impl Strategy<Value = ClaimSpec> {
    (
        0..n_docs,
        // people shot: the wounded are derived as shot − killed
        prop::sample::select(vec!["killed", "wounded", "killed", "wounded", "shot"]),
        prop::sample::select(vec![None, Some("north"), Some("south")]),
        prop::sample::select(vec!["people", "civilian", "military"]),
        value(),
        when(),
        prop::bool::weighted(0.2),
    )
        .prop_map(
            |(doc, category, party, population, value, when, hedged)| ClaimSpec {
                doc,
                category,
                party,
                population,
                value,
                when,
                hedged,
            },
        )
}

/// A batch: documents and claims about them.
fn batch() -> impl Strategy<Value = (Vec<DocSpec>, Vec<ClaimSpec>)> {
    prop::collection::vec(doc_spec(), 1..6).prop_flat_map(|docs| {
        let n = docs.len();
        let docs: Vec<DocSpec> = docs
            .into_iter()
            .enumerate()
            .map(|(i, (has_outlet, day))| DocSpec {
                outlet: has_outlet.then(|| format!("Outlet {i}")),
                published: day.map(|d| BASE.checked_add(d.days()).unwrap()),
            })
            .collect();
        (Just(docs), prop::collection::vec(claim_spec(n), 1..25))
    })
}

/// A text of 200+ words that shares no word with any other document's.
fn text_of(doc: usize) -> String {
    let mut words = Vec::new();
    for i in 0..240 {
        words.push(format!("d{doc}w{i}"));
        if i % 12 == 11 {
            words.push("\n".to_string());
        }
    }
    words.join(" ")
}

fn doc_id(i: usize) -> String {
    format!("doc{i}.txt")
}

fn entries(docs: &[DocSpec], claims: &[Claim]) -> Vec<DocumentEntry> {
    docs.iter()
        .enumerate()
        .map(|(i, d)| {
            let id = doc_id(i);
            let n = claims.iter().filter(|c| c.doc == id).count();
            let mut e = DocumentEntry::of(&from_text(&id, &text_of(i)), n);
            e.outlet = d.outlet.clone();
            e.published = d.published;
            e
        })
        .collect()
}

fn build_claims(docs: &[DocSpec], specs: &[ClaimSpec]) -> Vec<Claim> {
    let mut next_start: BTreeMap<usize, usize> = BTreeMap::new();
    specs
        .iter()
        .map(|s| {
            let d = &docs[s.doc];
            let start = next_start.entry(s.doc).or_insert(0);
            *start += 100;
            let start = *start;
            let (qualifier, low, high) = s.value;
            let event_time = match s.when {
                When::Published => d.published.map(|p| EventTime::day(p, false)),
                When::Day(n) => Some(EventTime::day(BASE.checked_add(n.days()).unwrap(), true)),
                When::Year(y) => Some(EventTime {
                    first: Date::new(y, 1, 1).unwrap(),
                    last: Date::new(y, 12, 31).unwrap(),
                    stated: true,
                }),
            };
            let mut c = BLANK.clone();
            c.doc = doc_id(s.doc);
            c.start = start;
            c.end = start + 5;
            c.line = start / 100;
            c.column = 1;
            c.number = figure(low, high, qualifier);
            c.quote = format!(
                "{} {} were {}.",
                s.population,
                low.or(high).unwrap(),
                s.category
            )
            .into();
            c.quote_start = start;
            c.category = s.category.to_string();
            // the roles the default rules give these names
            c.role = Some(match s.category {
                "killed" => Role::Killed,
                "shot" => Role::Shot,
                _ => Role::Wounded,
            });
            c.low = low;
            c.high = high;
            c.qualifier = qualifier;
            c.party = s.party.map(str::to_string);
            c.population = Some(s.population.to_string());
            c.population_role = (s.population == "people").then_some(PopulationRole::Default);
            if s.hedged {
                c.hedges = vec!["preliminary".to_string()];
            }
            c.event_time = event_time;
            c.published = d.published;
            c.outlet = d.outlet.clone();
            c
        })
        .collect()
}

type Key = (String, String, Option<String>, Option<String>);
type Summary = (Status, Option<f64>, Option<f64>, Option<f64>, usize);

fn summary(rec: &Report) -> BTreeMap<Key, Summary> {
    let mut out = BTreeMap::new();
    for g in &rec.groups {
        let key = (
            g.event.clone(),
            g.category.clone(),
            g.party.clone(),
            g.population.clone(),
        );
        let old = out.insert(
            key.clone(),
            (g.status, g.low, g.best, g.high, g.independent_sources),
        );
        assert!(old.is_none(), "two groups with one key {key:?}");
    }
    out
}

/// A permutation of `0..n` from a seed (Fisher–Yates with splitmix64).
fn permutation(n: usize, mut seed: u64) -> Vec<usize> {
    let mut next = || {
        seed = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = seed;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    };
    let mut p: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        let j = (next() % (i as u64 + 1)) as usize;
        p.swap(i, j);
    }
    p
}

fn permute<T: Clone>(v: &[T], p: &[usize]) -> Vec<T> {
    p.iter().map(|&i| v[i].clone()).collect()
}

/// The copy of document `of`: the same text (plus a line), no outlet, no date,
/// and its claims as the extractor would read them from the copy.
fn copy_of(of: usize, docs: &[DocSpec], claims: &[Claim]) -> (DocumentEntry, Vec<Claim>) {
    let id = "copy-of-doc.txt".to_string();
    let original = doc_id(of);
    let copied: Vec<Claim> = claims
        .iter()
        .filter(|c| c.doc == original)
        .map(|c| {
            let mut c = c.clone();
            c.doc = id.clone();
            c.outlet = None;
            c.published = None;
            // An unstated date was the original's publication date: the
            // undated copy does not know it.
            if c.event_time.is_some_and(|t| !t.stated) {
                c.event_time = None;
            }
            c
        })
        .collect();
    let text = format!("{}\nShared from elsewhere.", text_of(of));
    let entry = DocumentEntry::of(&from_text(&id, &text), copied.len());
    assert!(entry.outlet.is_none() && entry.published.is_none());
    let _ = docs;
    (entry, copied)
}

/// The claims as runs, one a document, each in text order: as the
/// pipeline and the map step give them.
fn runs_by_document(claims: &[Claim]) -> Vec<Vec<Claim>> {
    let mut runs: Vec<Vec<Claim>> = Vec::new();
    for c in claims {
        match runs.iter_mut().find(|r| r[0].doc == c.doc) {
            Some(r) => r.push(c.clone()),
            None => runs.push(vec![c.clone()]),
        }
    }
    runs
}

/// Two reconciliations of one batch have the same groups, in the same order,
/// with the same figures, sources and notes, and the same totals.
fn assert_same(a: &Report, b: &Report) -> Result<(), TestCaseError> {
    prop_assert_eq!(summary(a), summary(b));
    let order = |r: &Report| {
        r.groups
            .iter()
            .map(|g| {
                (
                    g.event.clone(),
                    g.category.clone(),
                    g.party.clone(),
                    g.population.clone(),
                    g.sources.clone(),
                    g.notes.clone(),
                )
            })
            .collect::<Vec<_>>()
    };
    prop_assert_eq!(order(a), order(b));
    prop_assert_eq!(&a.totals, &b.totals);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// (a) The order of the documents does not matter: reading them in
    /// another order (each document's claims in text order, as the pipeline
    /// gives them) changes no group's status, low/best/high, independent
    /// count, sources or notes, nor the totals.
    #[test]
    fn order_of_documents_does_not_matter((docs, specs) in batch(), seed in any::<u64>()) {
        let claims = build_claims(&docs, &specs);
        let entries = entries(&docs, &claims);
        let by_doc = |order: &[usize]| -> Vec<Claim> {
            order
                .iter()
                .flat_map(|&d| claims.iter().filter(move |c| c.doc == doc_id(d)).cloned())
                .collect()
        };
        let natural: Vec<usize> = (0..entries.len()).collect();
        let a = reconcile(entries.clone(), by_doc(&natural));
        let pd = permutation(entries.len(), seed);
        let b = reconcile(permute(&entries, &pd), by_doc(&pd));
        assert_same(&a, &b)?;
    }

    /// (a') The claims and the document entries come in orders of their
    /// own: shuffling the documents' runs of claims, and the entries apart
    /// from them, changes no group's status, low/best/high or independent
    /// count. (Within a document the claims stay in text order, as the
    /// extractor and the map step write them: a document is read like a
    /// text — `he` is the last person named, `three others` adds to the
    /// figure before — so its order is its meaning.)
    #[test]
    fn order_of_claims_does_not_matter((docs, specs) in batch(), seed in any::<u64>()) {
        let claims = build_claims(&docs, &specs);
        let entries = entries(&docs, &claims);
        let runs = runs_by_document(&claims);
        let a = reconcile(entries.clone(), runs.concat());
        let pc = permutation(runs.len(), seed);
        let shuffled: Vec<Claim> = permute(&runs, &pc).into_iter().flatten().collect();
        let pd = permutation(entries.len(), seed.rotate_left(17));
        let b = reconcile(permute(&entries, &pd), shuffled);
        assert_same(&a, &b)?;
    }

    /// (b) A copy of a document (same text, no outlet, no date) is counted
    /// once: no status and no independent count changes.
    #[test]
    fn a_copy_changes_nothing((docs, specs) in batch(), which in any::<prop::sample::Index>()) {
        let claims = build_claims(&docs, &specs);
        let entries = entries(&docs, &claims);
        let before = reconcile(entries.clone(), claims.clone());
        let of = which.index(docs.len());
        let (copy, copied) = copy_of(of, &docs, &claims);
        let mut entries2 = entries.clone();
        entries2.push(copy);
        let mut claims2 = claims.clone();
        claims2.extend(copied);
        let after = reconcile(entries2, claims2);
        prop_assert_eq!(
            after.documents.last().and_then(|d| d.copy_of.clone()),
            Some(doc_id(of)),
            "the copy is not recognised as one"
        );
        let strip = |m: BTreeMap<Key, Summary>| {
            m.into_iter().map(|(k, (s, _, _, _, n))| (k, (s, n))).collect::<BTreeMap<_, _>>()
        };
        prop_assert_eq!(strip(summary(&before)), strip(summary(&after)));
        // and the figures stay too
        prop_assert_eq!(summary(&before), summary(&after));
    }

    /// (c) low <= best <= high in every group, whenever both are present.
    #[test]
    fn low_best_high_are_ordered((docs, specs) in batch()) {
        let claims = build_claims(&docs, &specs);
        let rec = reconcile(entries(&docs, &claims), claims);
        for g in &rec.groups {
            if let (Some(l), Some(b)) = (g.low, g.best) {
                prop_assert!(l <= b, "low {l} > best {b} in {g:?}");
            }
            if let (Some(b), Some(h)) = (g.best, g.high) {
                prop_assert!(b <= h, "best {b} > high {h} in {g:?}");
            }
            if let (Some(l), Some(h)) = (g.low, g.high) {
                prop_assert!(l <= h, "low {l} > high {h} in {g:?}");
            }
            prop_assert!(g.independent_sources >= 1);
            prop_assert_eq!(g.independent_sources, g.sources.len());
            prop_assert_eq!(g.status == Status::SingleSource, g.independent_sources == 1);
        }
    }

    /// (d) Every claim given appears exactly once, in one group or among
    /// the asides (figures about an incident mentioned in passing), and the
    /// report holds nothing else but the figures recount derives (wounded =
    /// shot − killed): each marked `Derived`, naming the claims it comes
    /// from, in one group of the wounded.
    #[test]
    fn every_claim_in_exactly_one_group((docs, specs) in batch()) {
        let claims = build_claims(&docs, &specs);
        let rec = reconcile(entries(&docs, &claims), claims.clone());
        // (document, start, category): a derived figure shares its people
        // shot's span
        type Span = (String, usize, String);
        let span = |c: &Claim| (c.doc.clone(), c.start, c.category.clone());
        let mut seen: BTreeMap<Span, usize> = BTreeMap::new();
        let mut derived: Vec<&Claim> = Vec::new();
        for g in &rec.groups {
            // the group's population is its claims' (it is no part of the key)
            prop_assert!(
                g.population.is_none() || g.claims.iter().any(|c| c.population == g.population),
                "population {:?} is none of its claims'", g.population
            );
            for c in &g.claims {
                prop_assert_eq!(&c.category, &g.category);
                prop_assert_eq!(&c.party, &g.party);
                if c.counts == Counts::Derived {
                    derived.push(c);
                } else {
                    *seen.entry(span(c)).or_default() += 1;
                }
            }
        }
        for c in &rec.asides {
            prop_assert!(c.counts != Counts::Derived, "a derived aside: {c:?}");
            *seen.entry(span(c)).or_default() += 1;
        }
        let given: BTreeMap<Span, usize> = claims.iter().map(|c| (span(c), 1)).collect();
        prop_assert_eq!(given.len(), claims.len(), "generator made duplicate spans");
        prop_assert_eq!(seen, given);
        for d in derived {
            prop_assert_eq!(d.role, Some(Role::Wounded));
            prop_assert!(d.low.is_some_and(|w| w >= 1.0), "derived {d:?}");
            // from the people shot of its document (and the people killed)
            let from = d.derived.first();
            prop_assert!(from.is_some_and(|f| f.role == Some(Role::Shot)), "derived from {:?}", d.derived);
            prop_assert!(d.derived.len() <= 2);
            for f in &d.derived {
                prop_assert!(
                    claims.iter().any(|c| c.doc == d.doc && c.start == f.start && c.category == f.category),
                    "derived from a claim not given: {f:?}"
                );
            }
        }
    }
}

/// A group with two copies: the copies' notes must not depend on claim order.
#[test]
fn copy_notes_do_not_depend_on_order() {
    let docs = vec![
        DocSpec {
            outlet: Some("Outlet 0".into()),
            published: Some(BASE),
        },
        DocSpec {
            outlet: None,
            published: Some(BASE),
        },
    ];
    let specs = vec![
        ClaimSpec {
            doc: 0,
            category: "killed",
            party: None,
            population: "people",
            value: (Qualifier::Exact, Some(5.0), Some(5.0)),
            when: When::Published,
            hedged: false,
        },
        ClaimSpec {
            doc: 1,
            category: "killed",
            party: None,
            population: "people",
            value: (Qualifier::Exact, Some(7.0), Some(7.0)),
            when: When::Published,
            hedged: false,
        },
    ];
    let claims = build_claims(&docs, &specs);
    let mut entries = entries(&docs, &claims);
    let (c1, mut copied) = copy_of(0, &docs, &claims);
    let (mut c2, copied2) = copy_of(1, &docs, &claims);
    c2.id = "copy-two.txt".into();
    copied.extend(copied2.into_iter().map(|mut c| {
        c.doc = "copy-two.txt".into();
        c
    }));
    entries.push(c1);
    entries.push(c2);
    let mut all = claims.clone();
    all.extend(copied);
    let a = reconcile(entries.clone(), all.clone());
    let mut rev = all.clone();
    rev.reverse();
    let b = reconcile(entries, rev);
    assert_eq!(a.groups.len(), 1);
    assert_eq!(a.groups[0].status, Status::Conflict);
    assert_eq!(a.groups[0].independent_sources, 2);
    assert_eq!(a.groups[0].notes, b.groups[0].notes);
}

/// Claims of one document given apart (another document's between them)
/// are still that document's: its toll is figured from all of them.
/// Known gap: `reconcile_claims` figures a document's toll per run of
/// consecutive claims, so the people shot and the people killed of one
/// document, given apart, derive wounded = shot − 0.
#[test]
#[ignore = "known gap: reconcile_claims figures tolls per run of consecutive claims of a document"]
fn claims_of_a_document_given_apart_are_one_document() {
    let docs = vec![
        DocSpec {
            outlet: None,
            published: Some(BASE),
        },
        DocSpec {
            outlet: Some("Outlet 1".into()),
            published: Some(BASE),
        },
    ];
    let spec = |doc, category, n| ClaimSpec {
        doc,
        category,
        party: None,
        population: "people",
        value: (Qualifier::Exact, Some(n), Some(n)),
        when: When::Published,
        hedged: false,
    };
    // doc0: 3 shot, 3 killed (none wounded); doc1 between them
    let specs = vec![
        spec(0, "shot", 3.0),
        spec(1, "killed", 2.0),
        spec(0, "killed", 3.0),
    ];
    let claims = build_claims(&docs, &specs);
    let entries = entries(&docs, &claims);
    let together = reconcile(entries.clone(), runs_by_document(&claims).concat());
    let apart = reconcile(entries, claims);
    assert!(
        !together.groups.iter().any(|g| g.category == "wounded"),
        "{:?}",
        together.groups
    );
    assert_eq!(summary(&apart), summary(&together));
}
