//! Event identity: documents without an `event` field are clustered into
//! incidents by what identifies them (where, when, who, what), as a reader
//! tells two reports of one shooting from reports of two. Each case is a
//! small folder of reports written for this test; the last one is the
//! seed articles of `../shared` with their hand-made gold (skipped, with a
//! note, when `../shared` is absent).

use recount::{Document, Group, Pipeline, Report, from_text};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::LazyLock;

mod common;

static PIPELINE: LazyLock<Pipeline> = LazyLock::new(Pipeline::with_default_rules);

/// A report as an outlet publishes it: its text opens with its dateline
/// (`DAYTON, Ohio — …`), its date and outlet are metadata.
fn report_of(id: &str, published: (i16, i8, i8), text: &str) -> Document {
    let mut doc = from_text(id, text);
    doc.published = Some(jiff::civil::date(published.0, published.1, published.2));
    doc.source = Some(format!("Outlet {id}"));
    doc
}

fn reconcile(docs: impl IntoIterator<Item = Document>) -> Report {
    PIPELINE.reconcile_documents(docs).reconciliation
}

/// Each event's documents, sorted.
fn events(rec: &Report) -> BTreeSet<Vec<String>> {
    rec.events
        .iter()
        .filter(|e| !e.documents.is_empty())
        .map(|e| {
            let mut d = e.documents.clone();
            d.sort();
            d
        })
        .collect()
}

/// The event (id) each document's groups are about.
fn event_of_document(rec: &Report) -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for g in &rec.groups {
        for c in &g.claims {
            out.entry(c.doc.clone())
                .or_default()
                .insert(g.event.clone());
        }
    }
    out
}

fn group<'r>(rec: &'r Report, event: &str, category: &str) -> &'r Group {
    rec.groups
        .iter()
        .find(|g| g.event == event && g.category == category)
        .unwrap_or_else(|| panic!("no {category} group in {event}: {:#?}", rec.groups))
}

fn docs(names: &[&str]) -> Vec<String> {
    names.iter().map(|s| s.to_string()).collect()
}

// ---------------------------------------------------------------- folders

#[test]
fn same_day_in_two_cities_is_two_events() {
    let rec = reconcile([
        report_of(
            "springfield.txt",
            (2024, 5, 6),
            "SPRINGFIELD, Ill. — Two people were shot early Sunday outside a gas station on Oak Street, police said.",
        ),
        report_of(
            "toledo.txt",
            (2024, 5, 6),
            "TOLEDO, Ohio — Three people were shot early Sunday at a house party on Maple Avenue, police said.",
        ),
    ]);
    assert_eq!(
        events(&rec),
        BTreeSet::from([docs(&["springfield.txt"]), docs(&["toledo.txt"])]),
        "{:#?}",
        rec.events
    );
    // so their figures are two figures, not a conflict of 2 and 3
    assert_eq!(rec.conflicts(), 0);
    let by_doc = event_of_document(&rec);
    assert_ne!(by_doc["springfield.txt"], by_doc["toledo.txt"]);
    // each event says where and when
    for e in &rec.events {
        assert!(e.place.is_some(), "{e:?}");
        assert_eq!(e.first, Some(jiff::civil::date(2024, 5, 5)), "{e:?}");
    }
    let places: BTreeSet<&str> = rec
        .events
        .iter()
        .filter_map(|e| e.place.as_deref())
        .collect();
    assert_eq!(places, BTreeSet::from(["Springfield, IL", "Toledo, OH"]));
}

#[test]
fn one_city_two_days_apart_is_one_event() {
    // the second report, two days later, does not restate the day
    let rec = reconcile([
        report_of(
            "monday.txt",
            (2024, 5, 6),
            "DAYTON, Ohio — Two people were shot early Sunday outside a bar on Wayne Avenue, police said.",
        ),
        report_of(
            "wednesday.txt",
            (2024, 5, 8),
            "DAYTON, Ohio — Police are still looking for the gunman who shot two people outside a bar on Wayne Avenue. No arrests have been made.",
        ),
    ]);
    assert_eq!(
        events(&rec),
        BTreeSet::from([docs(&["monday.txt", "wednesday.txt"])]),
        "{:#?}",
        rec.events
    );
    let event = &rec.events[0];
    assert_eq!(event.place.as_deref(), Some("Dayton, OH"));
    assert!(!event.joined.is_empty(), "the join is explained");
    // the two reports are two sources of one figure
    let shot = group(&rec, &event.id, "shot");
    assert_eq!(shot.independent_sources, 2);
    assert_eq!(shot.status, recount::Status::Agree);
}

#[test]
fn a_follow_up_a_week_later_naming_the_victim_is_one_event() {
    let rec = reconcile([
        report_of(
            "shooting.txt",
            (2024, 5, 6),
            "DAYTON, Ohio — Police said Marcus Bell, 27, was shot and killed early Sunday outside a bar on Wayne Avenue.",
        ),
        // a week later, and no place named: the victim's name joins them
        report_of(
            "vigil.txt",
            (2024, 5, 13),
            "Family and friends gathered Saturday to remember Marcus Bell, who was killed outside a bar last week. \
             Police said a suspect was arrested on Friday.",
        ),
    ]);
    assert_eq!(
        events(&rec),
        BTreeSet::from([docs(&["shooting.txt", "vigil.txt"])]),
        "{:#?}",
        rec.events
    );
    let why = rec.events[0].joined.join("; ");
    assert!(why.contains("same name (marcus bell)"), "{why}");
    assert_eq!(rec.events[0].first, Some(jiff::civil::date(2024, 5, 5)));
}

/// A victim named at the very start of the lead (`Marcus Bell, 27, was
/// shot …`) is no name of the report's identity today, so a follow-up
/// that names them and no place is joined by nothing.
#[test]
#[ignore = "known gap: a name opening the lead is not among the identity's names"]
fn a_name_opening_the_lead_joins_a_follow_up() {
    let rec = reconcile([
        report_of(
            "shooting.txt",
            (2024, 5, 6),
            "Marcus Bell, 27, was shot and killed early Sunday outside a bar on Wayne Avenue in Dayton, police said.",
        ),
        report_of(
            "vigil.txt",
            (2024, 5, 13),
            "Family and friends gathered Saturday to remember Marcus Bell, who was killed outside a bar last week.",
        ),
    ]);
    assert_eq!(
        events(&rec),
        BTreeSet::from([docs(&["shooting.txt", "vigil.txt"])]),
        "{:#?}",
        rec.events
    );
}

/// Two reports of Sunday's shooting; one recalls last year's attack at the
/// same bar.
fn with_last_years_attack(recalled: &str) -> Report {
    reconcile([
        report_of(
            "recalls.txt",
            (2024, 5, 6),
            &format!(
                "DAYTON, Ohio — Two people were killed when a gunman opened fire outside a bar on Wayne Avenue early Sunday, police said.\n\n{recalled}"
            ),
        ),
        report_of(
            "plain.txt",
            (2024, 5, 6),
            "DAYTON, Ohio — A gunman killed two people outside a bar on Wayne Avenue early Sunday, police said.",
        ),
    ])
}

#[track_caller]
fn assert_not_in_the_main_event(rec: &Report, figure: f64) {
    assert_eq!(events(rec).len(), 1, "{:#?}", rec.events);
    let main = rec
        .events
        .iter()
        .find(|e| e.documents.len() == 2)
        .expect("the shooting");
    for g in rec.groups.iter().filter(|g| g.event == main.id) {
        for s in &g.sources {
            assert_ne!(
                s.low,
                Some(figure),
                "last year's figure in {}: {g:#?}",
                g.figure()
            );
        }
    }
    let killed = group(rec, &main.id, "killed");
    assert_eq!(killed.status, recount::Status::Agree, "{killed:#?}");
    // kept, with its quote, elsewhere
    let kept = rec
        .asides
        .iter()
        .chain(
            rec.groups
                .iter()
                .filter(|g| g.event != main.id)
                .flat_map(|g| &g.claims),
        )
        .any(|c| c.low == Some(figure));
    assert!(kept, "last year's figure is dropped: {:#?}", rec.asides);
}

#[test]
fn last_years_attack_is_not_in_the_main_event() {
    let rec = with_last_years_attack("In 2023, a shooting at the same bar killed 14 people.");
    assert_not_in_the_main_event(&rec, 14.0);
    let rec = with_last_years_attack("Last year, a shooting at the same bar killed 14 people.");
    assert_not_in_the_main_event(&rec, 14.0);
}

/// The same, with the figure in words. Today `four` is counted in the
/// main event (a conflict of 4 and 2): the extractor's cheap check for a
/// sentence that may state a time (`may_state_time` in
/// src/extract/incidents.rs) looks for a digit, a capitalised word after
/// the first, or a lowercase `last `, so `Last year, …` with no digit is
/// never read as dated apart. The claim's own `event_time` is `2023`.
#[test]
fn last_years_attack_in_words_is_not_in_the_main_event() {
    let rec = with_last_years_attack("Last year, a shooting at the same bar killed four people.");
    assert_not_in_the_main_event(&rec, 4.0);
}

/// A text file that opens with its date line, then the dateline: the
/// city is read all the same. Today only the dateline at the very start
/// of the text is read, so both reports are placed in `Ohio` alone.
#[test]
#[ignore = "known gap: a dateline after the date line at the top of a text is not read as a place"]
fn a_dateline_after_the_date_line_is_read() {
    let doc = |id: &str, city: &str| {
        let mut d = from_text(
            id,
            &format!(
                "May 6, 2024\n\n{city}, Ohio — Two people were shot early Sunday outside a bar, police said.\n"
            ),
        );
        d.source = Some(format!("Outlet {id}"));
        d
    };
    let rec = reconcile([doc("akron.txt", "AKRON"), doc("dayton.txt", "DAYTON")]);
    let places: BTreeSet<&str> = rec
        .events
        .iter()
        .filter_map(|e| e.place.as_deref())
        .collect();
    assert_eq!(places, BTreeSet::from(["Akron, OH", "Dayton, OH"]));
}

// ---------------------------------------------------------------- the seeds

fn shared() -> Option<&'static Path> {
    common::shared("gold/seeds.toml", "the seeds' event tests")?;
    common::shared("corpus/seeds", "the seeds' event tests")?;
    Some(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared")))
}

/// The seed articles as files, read as the binary reads them (no `event`).
fn seeds_report(shared: &Path) -> Report {
    let inputs = [shared.join("corpus/seeds").to_string_lossy().into_owned()];
    let options = recount::ReadOptions::default();
    let items = recount::read_inputs(&inputs, &options);
    let outcome = PIPELINE.run(items, |_| {});
    assert!(outcome.problems.is_empty(), "{:?}", outcome.problems);
    assert!(
        outcome
            .reconciliation
            .documents
            .iter()
            .all(|d| d.event.is_none()),
        "the seeds give no event"
    );
    outcome.reconciliation
}

fn gold(shared: &Path) -> toml::Value {
    let text = std::fs::read_to_string(shared.join("gold/seeds.toml")).expect("gold");
    match toml::from_str::<toml::Table>(&text) {
        Ok(table) => toml::Value::Table(table),
        Err(e) => panic!("gold/seeds.toml is not TOML: {}", e.message()),
    }
}

fn str_of<'v>(v: &'v toml::Value, key: &str) -> Option<&'v str> {
    v.get(key).and_then(toml::Value::as_str)
}

/// Every `[[expect]]` of the gold holds without an `event` field: a group
/// of its category, party and population, with its values, status and
/// number of independent sources; the expectations of one gold event are
/// in one event of the report, and those of two gold events in two.
#[test]
fn the_seeds_give_their_expected_groups_without_events() {
    let Some(shared) = shared() else {
        return;
    };
    let rec = seeds_report(shared);
    let gold = gold(shared);
    let mut event_of: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut failures = Vec::new();
    for x in gold["expect"].as_array().expect("[[expect]]") {
        let category = str_of(x, "category").expect("category");
        let party = str_of(x, "party");
        let population = str_of(x, "population");
        let mut want: Vec<f64> = x["values"]
            .as_array()
            .expect("values")
            .iter()
            .map(|v| {
                v.as_float()
                    .or(v.as_integer().map(|i| i as f64))
                    .expect("a number")
            })
            .collect();
        want.sort_by(f64::total_cmp);
        let status = str_of(x, "status").expect("status");
        let independent = x["independent"].as_integer().expect("independent") as usize;
        let found = rec.groups.iter().find(|g| {
            let mut values: Vec<f64> = g.sources.iter().filter_map(|s| s.low.or(s.high)).collect();
            values.sort_by(f64::total_cmp);
            values.dedup();
            g.category == category
                && g.party.as_deref() == party
                && g.population.as_deref() == population
                && g.subject.is_none()
                && values == want
                && g.status.as_str() == status
                && g.independent_sources == independent
        });
        match found {
            Some(g) => {
                event_of
                    .entry(str_of(x, "event").expect("event").to_string())
                    .or_default()
                    .insert(g.event.clone());
            }
            None => failures.push(format!(
                "{} · {category} · {party:?} · {population:?}: no group with {want:?}, {status}, {independent} sources",
                str_of(x, "event").unwrap_or("?")
            )),
        }
    }
    assert!(
        failures.is_empty(),
        "{}\ngroups:\n{}",
        failures.join("\n"),
        rec.groups
            .iter()
            .map(|g| format!(
                "  {} {} {:?}",
                g.figure(),
                g.status.as_str(),
                g.sources.iter().map(|s| s.display()).collect::<Vec<_>>()
            ))
            .collect::<Vec<_>>()
            .join("\n")
    );
    // one gold event, one event of ours; two gold events, two of ours
    for (gold_event, ours) in &event_of {
        assert_eq!(ours.len(), 1, "{gold_event} is split: {ours:?}");
    }
    let ours: BTreeSet<&String> = event_of.values().flatten().collect();
    assert_eq!(
        ours.len(),
        event_of.len(),
        "gold events merged: {event_of:?}"
    );
    // and the events name what identified them
    for id in ours {
        let e = rec
            .events
            .iter()
            .find(|e| &e.id == id)
            .expect("the event is listed");
        assert!(!e.documents.is_empty(), "{e:?}");
    }
}

/// Every gold claim is in its gold event's group: the clash's figures in
/// the clash, the 2020 war's in a figure of the past. Today 001's `more
/// than 6,500` (the 2020 war) is in the November 2021 clash's group of
/// the killed: 001 has no publication date of its own (it takes its
/// repost's at reconciliation), so when its claims were assigned to
/// incidents, `from September last year` could not be dated apart.
#[test]
#[ignore = "known gap: an undated document's background figure stays in the main incident (seed 001, 6,500 killed in 2020)"]
fn every_seed_claim_is_in_its_gold_event() {
    let Some(shared) = shared() else {
        return;
    };
    let rec = seeds_report(shared);
    let gold = gold(shared);
    // where each claim landed: its group's event, or an aside
    let mut landed: BTreeMap<(String, usize), String> = BTreeMap::new();
    for g in &rec.groups {
        for c in &g.claims {
            landed.insert((file_name(&c.doc), c.start), g.event.clone());
        }
    }
    for c in &rec.asides {
        landed.insert((file_name(&c.doc), c.start), format!("aside of {}", c.doc));
    }
    let mut by_gold: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for claim in gold["claim"].as_array().expect("[[claim]]") {
        let (Some(doc), Some(quote), Some(number), Some(event)) = (
            str_of(claim, "doc"),
            str_of(claim, "quote"),
            str_of(claim, "number"),
            str_of(claim, "event"),
        ) else {
            continue;
        };
        let text = std::fs::read_to_string(shared.join("corpus/seeds").join(doc)).expect("seed");
        let at = text.find(quote).expect("quote") + quote.find(number).expect("number");
        let Some(ours) = landed.get(&(doc.to_string(), at)) else {
            continue; // not found at all: the extraction's business, not this test's
        };
        // asides are of their own incident: one per document
        let ours = if ours.starts_with("aside of ") {
            "an aside".to_string()
        } else {
            ours.clone()
        };
        by_gold.entry(event.to_string()).or_default().insert(ours);
    }
    for (gold_event, ours) in &by_gold {
        assert_eq!(ours.len(), 1, "{gold_event}'s claims are in {ours:?}");
    }
}

fn file_name(path: &str) -> String {
    Path::new(path)
        .file_name()
        .map_or_else(|| path.to_string(), |f| f.to_string_lossy().into_owned())
}
