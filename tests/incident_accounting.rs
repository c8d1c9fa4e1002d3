//! Incident accounting: what one document says an incident cost, counted
//! the way a reader counts — people, not mentions — for each construction
//! news uses to state a toll. Each case is a short article of our own;
//! the document's toll is read from the report
//! (`Pipeline::reconcile_documents`): the one source of each group.
//!
//! Cases recount does not handle yet are `#[ignore = "known gap: …"]`,
//! each with what recount gives today in a comment.

use proptest::prelude::*;
use recount::{Basis, Claim, Counts, Document, Pipeline, Report, SourceValue, from_text};
use std::collections::BTreeMap;
use std::sync::LazyLock;

static PIPELINE: LazyLock<Pipeline> = LazyLock::new(Pipeline::with_default_rules);

/// An article of one outlet, published on Monday 6 May 2024 (its text's
/// `Sunday` is the 5th).
fn article(id: &str, text: &str) -> Document {
    let mut doc = from_text(id, &format!("May 6, 2024\n\n{text}\n"));
    doc.source = Some(format!("Outlet {id}"));
    doc
}

fn report(docs: impl IntoIterator<Item = Document>) -> Report {
    PIPELINE.reconcile_documents(docs).reconciliation
}

/// The document's toll per category: the one source of each group (the
/// figures of other incidents it mentions are asides, not groups).
fn tolls_of(doc: Document) -> (Report, BTreeMap<String, SourceValue>) {
    let rec = report([doc]);
    let mut out = BTreeMap::new();
    for g in &rec.groups {
        assert_eq!(g.sources.len(), 1, "one document, one source: {g:?}");
        let old = out.insert(g.category.clone(), g.sources[0].clone());
        assert!(
            old.is_none(),
            "two groups of {} in {:#?}",
            g.category,
            rec.groups
        );
    }
    (rec, out)
}

fn tolls(text: &str) -> BTreeMap<String, SourceValue> {
    tolls_of(article("case", text)).1
}

/// What a case wants of a category: a toll of `n` people (the smallest
/// figure the document supports), or no figure at all.
#[track_caller]
fn check(text: &str, want: &[(&str, Option<f64>)]) {
    let got = tolls(text);
    for (category, n) in want {
        let low = got.get(*category).and_then(|s| s.low);
        assert_eq!(
            low,
            *n,
            "{category} in {text:?}\ntolls: {:?}",
            got.iter()
                .map(|(c, s)| (c, s.display(), s.basis))
                .collect::<Vec<_>>()
        );
    }
}

/// Every claim of the report, grouped or aside.
fn all_claims(rec: &Report) -> Vec<&Claim> {
    rec.groups
        .iter()
        .flat_map(|g| &g.claims)
        .chain(&rec.asides)
        .collect()
}

// ------------------------------------------------------------ one victim

#[test]
fn one_victim_with_an_article() {
    check(
        "A soldier was killed in the attack on the checkpoint on Sunday, the army said.",
        &[("killed", Some(1.0))],
    );
    check(
        "A police officer was wounded in the attack on Sunday, officials said.",
        &[("wounded", Some(1.0))],
    );
}

/// Today: no claim at all (`civilian` is read as a population word, and the
/// article before it as no count).
#[test]
#[ignore = "known gap: \"A civilian was killed\" gives no claim"]
fn one_civilian_with_an_article() {
    check(
        "A civilian was killed in the shelling on Sunday, officials said.",
        &[("killed", Some(1.0))],
    );
}

#[test]
fn a_name_with_an_age_is_one_person_not_the_age() {
    let (rec, got) = tolls_of(article(
        "case",
        "Maria Lopez, 34, died at the scene on Sunday, police said.",
    ));
    assert_eq!(got["killed"].low, Some(1.0));
    assert_eq!(got["killed"].basis, Basis::Counted);
    let claims = all_claims(&rec);
    assert!(claims.iter().all(|c| c.low != Some(34.0)), "{claims:#?}");
    let person = claims[0].person.as_ref().expect("a person");
    assert_eq!(person.name.as_deref(), Some("Maria Lopez"));
    assert_eq!(person.age, Some(34));
    assert_eq!(claims[0].counts, Counts::Person);
}

#[test]
fn the_second_verb_of_a_joined_phrase() {
    check(
        "A man was shot and killed outside a store on Sunday, police said.",
        &[("killed", Some(1.0)), ("wounded", None)],
    );
}

/// Today: `shot` 1 (counted), no `killed`, and wounded 1 derived (shot 1 −
/// killed 0): the dead man is counted among the wounded.
#[test]
#[ignore = "known gap: \"was shot and later died\" reads the first verb only (wounded 1 derived, no killed)"]
fn shot_and_later_died_is_a_death() {
    check(
        "A 20-year-old man was shot on Sunday and later died at a hospital, police said.",
        &[("killed", Some(1.0)), ("wounded", None)],
    );
}

#[test]
fn the_verb_after_a_who_clause() {
    // the relative clause states a casualty itself
    check(
        "A teenager who was shot on Friday has died, police said.",
        &[("killed", Some(1.0))],
    );
    // or is set off by commas
    check(
        "A woman, who police said was walking her dog, was killed on Sunday.",
        &[("killed", Some(1.0))],
    );
}

/// Today: no claim (the relative clause `who lived nearby` has no casualty
/// verb, so the main verb after it is not reached).
#[test]
#[ignore = "known gap: the verb after a who-clause without a casualty verb of its own is not read"]
fn the_verb_after_a_plain_who_clause() {
    check(
        "A man who lived nearby was killed on Sunday, police said.",
        &[("killed", Some(1.0))],
    );
}

#[test]
fn a_named_object() {
    check(
        "The gunman killed Luis Ortega in his shop on Sunday, police said.",
        &[("killed", Some(1.0))],
    );
    check(
        "Police said the attackers killed Luis Ortega, 52, on Sunday.",
        &[("killed", Some(1.0))],
    );
}

// ------------------------------------------------------------ coreference

#[test]
fn one_person_however_often_mentioned() {
    // the name, the surname, the age and a pronoun: one woman, shot and
    // killed; none left wounded
    let text = "Maria Lopez, 34, was shot outside her home on Sunday, police said. \
                Lopez was taken to a hospital. The 34-year-old died there. She was a nurse.";
    check(
        text,
        &[
            ("shot", Some(1.0)),
            ("killed", Some(1.0)),
            ("wounded", None),
        ],
    );
    check(
        "Maria Lopez was shot on Sunday, police said. She later died at a hospital.",
        &[
            ("shot", Some(1.0)),
            ("killed", Some(1.0)),
            ("wounded", None),
        ],
    );
}

/// Today: no claim for `Lopez later died`; shot 1 and wounded 1 (derived).
#[test]
#[ignore = "known gap: a surname with an adverb before the verb (\"Lopez later died\") is not read"]
fn a_surname_later_died() {
    check(
        "Maria Lopez, 34, was shot outside her home on Sunday, police said. Lopez later died at a hospital.",
        &[
            ("shot", Some(1.0)),
            ("killed", Some(1.0)),
            ("wounded", None),
        ],
    );
}

/// `a third victim` after two: three. Today: 2 (the third is one person
/// counted, and the stated two outrank one).
#[test]
#[ignore = "known gap: an add-on victim (\"a third victim\") is not added to the figure before it"]
fn a_third_victim_adds_to_the_two() {
    check(
        "Two people were wounded in the shooting on Sunday, police said. \
         A third victim was wounded by flying glass.",
        &[("wounded", Some(3.0))],
    );
}

// ------------------------------------------------------------ lists and plurals

#[test]
fn a_list_is_its_sum() {
    check(
        "A man and two girls were wounded in the shooting on Sunday, police said.",
        &[("wounded", Some(3.0))],
    );
    check(
        "Four men and two women were wounded in the shooting on Sunday, police said.",
        &[("wounded", Some(6.0))],
    );
}

#[test]
fn both_is_two() {
    check(
        "Both hostages were killed during the raid on Sunday, police said.",
        &[("killed", Some(2.0))],
    );
}

/// Today: `Both died` gives no claim; the two shot are derived as wounded.
#[test]
#[ignore = "known gap: \"Both died\" (no noun after both) gives no claim"]
fn both_died() {
    check(
        "Two people were shot on Sunday, police said. Both died.",
        &[("killed", Some(2.0)), ("wounded", None)],
    );
}

#[test]
fn open_class_nouns() {
    check(
        "Two election officials were killed in the attack on Sunday.",
        &[("killed", Some(2.0))],
    );
    check(
        "His two sons were killed in the attack on Sunday, relatives said.",
        &[("killed", Some(2.0))],
    );
}

#[test]
fn verbs_of_dying() {
    for text in [
        "The victim died at the scene, police said.",
        "The victim passed away at the hospital on Sunday.",
        "The victim did not survive, police said.",
    ] {
        check(text, &[("killed", Some(1.0))]);
    }
}

// ------------------------------------------------------------ headlines

#[test]
fn a_headline_is_read() {
    let mut doc = article(
        "case",
        "Firefighters worked through the night at the warehouse on Sunday, officials said.",
    );
    doc.title = Some("Three killed in warehouse fire".into());
    let (rec, got) = tolls_of(doc);
    assert_eq!(got["killed"].low, Some(3.0));
    let claim = &rec.groups[0].claims[0];
    assert!(claim.in_title && claim.line == 0, "{claim:?}");
}

#[test]
fn a_headline_that_opens_the_text_is_read_once() {
    let doc = from_text(
        "case",
        "Three killed in warehouse fire\nMay 6, 2024\n\nThree people were killed in a fire at a warehouse on Sunday.\n",
    );
    let rec = report([doc]);
    let claims = all_claims(&rec);
    assert!(claims.iter().all(|c| !c.in_title), "{claims:#?}");
    assert_eq!(rec.groups[0].sources[0].low, Some(3.0));
}

// ------------------------------------------------------------ parts

#[test]
fn a_part_never_makes_the_toll_nor_a_conflict() {
    let text = "Six people were wounded on Sunday, including two children.";
    let (rec, got) = tolls_of(article("case", text));
    assert_eq!(got["wounded"].low, Some(6.0));
    let part = all_claims(&rec)
        .into_iter()
        .find(|c| c.low == Some(2.0))
        .expect("the part is kept");
    assert_eq!(part.counts, Counts::Part);
    // partitives
    check(
        "Six people were wounded on Sunday. Two of the wounded were children.",
        &[("wounded", Some(6.0))],
    );
    // another outlet's six agrees: the two children are no figure of their own
    let rec = report([
        article("a", text),
        article("b", "Six people were wounded in the attack on Sunday."),
    ]);
    let wounded = rec
        .groups
        .iter()
        .find(|g| g.category == "wounded")
        .expect("a group");
    assert_eq!(wounded.status, recount::Status::Agree, "{wounded:#?}");
    assert_eq!(rec.conflicts(), 0);
}

/// Two wounded, five of them children: the text contradicts itself, and a
/// reader knows at least five were hurt. Today: 2 (parts never count).
#[test]
#[ignore = "known gap: a part larger than its total does not raise the toll (2, including five → 2)"]
fn a_part_larger_than_its_total_raises_the_toll() {
    check(
        "Two people were wounded on Sunday, including five children.",
        &[("wounded", Some(5.0))],
    );
}

// ------------------------------------------------------------ derived

#[test]
fn the_wounded_are_derived_from_the_shot_and_the_dead() {
    let text = "Five people were shot on Sunday, police said. One later died.";
    let (rec, got) = tolls_of(article("case", text));
    assert_eq!(got["shot"].low, Some(5.0));
    assert_eq!(got["killed"].low, Some(1.0));
    let wounded = &got["wounded"];
    assert_eq!((wounded.low, wounded.high), (Some(4.0), Some(4.0)));
    assert_eq!(wounded.basis, Basis::Derived);
    let derived = all_claims(&rec)
        .into_iter()
        .find(|c| c.counts == Counts::Derived)
        .expect("a derived claim");
    assert_eq!(derived.category, "wounded");
    let from: Vec<(&str, &str)> = derived
        .derived
        .iter()
        .map(|d| (d.category.as_str(), d.number.as_str()))
        .collect();
    assert_eq!(from, [("shot", "Five"), ("killed", "One")]);
}

// ------------------------------------------------------------ other incidents

#[test]
fn other_incidents_are_not_counted() {
    for (text, category) in [
        (
            "Police said five people were shot early Sunday outside a bar on Pine Street.\n\n\
             In a separate incident, three people were killed in a crash on the highway.",
            "killed",
        ),
        (
            "Two people were shot early Sunday outside a bar on Pine Street, police said.\n\n\
             Earlier Monday, a man was killed in a stabbing across town.",
            "killed",
        ),
    ] {
        let (rec, got) = tolls_of(article("case", text));
        assert!(!got.contains_key(category), "{text:?}: {got:?}");
        // kept, with its quote, as an aside
        assert!(
            rec.asides.iter().any(|c| c.category == category),
            "{text:?}: {:?}",
            rec.asides
        );
    }
    // last year's attack
    let text = "Two people were killed when a gunman opened fire at a market on Sunday, police said.\n\n\
                Last year, an attack at the same market killed 14 people.";
    check(text, &[("killed", Some(2.0))]);
}

// ------------------------------------------------------------ attackers

#[test]
fn an_attacker_included_is_no_one_more() {
    for text in [
        "Twelve people were killed, including the bomber, when an explosion tore through a market on Sunday, police said.",
        "12 killed, including the bomber, in a market blast on Sunday.",
    ] {
        let got = tolls(text);
        assert_eq!(got["killed"].low, Some(12.0), "{text}");
        assert_eq!(got["killed"].high, Some(12.0), "{text}");
    }
}

/// Today: victims and perpetrators are not told apart (both absent).
#[test]
#[ignore = "known gap: \"12 killed, including the bomber\" gives no perpetrators figure (1)"]
fn an_attacker_included_is_counted_as_an_attacker() {
    let got = tolls("12 killed, including the bomber, in a market blast on Sunday.");
    assert_eq!(got["killed"].perpetrators, Some(1.0));
    assert_eq!(got["killed"].victims, Some(11.0));
}

#[test]
fn an_attacker_who_killed_himself_after_the_dead() {
    let got =
        tolls("Two people were killed on Sunday, police said. The shooter then killed himself.");
    let killed = &got["killed"];
    assert_eq!(killed.low, Some(3.0));
    assert_eq!(
        (killed.victims, killed.perpetrators),
        (Some(2.0), Some(1.0))
    );
}

/// Today: killed 2 (victims 1, perpetrators 1): `himself` is counted as a
/// victim beside the gunman.
#[test]
#[ignore = "known gap: \"the gunman then killed himself\" counts the gunman twice (killed 2, victims 1)"]
fn a_gunman_who_killed_himself_is_one_death() {
    let got = tolls(
        "Three people were wounded at a store on Sunday, police said. The gunman then killed himself.",
    );
    let killed = &got["killed"];
    assert_eq!(killed.low, Some(1.0));
    assert_eq!(killed.perpetrators, Some(1.0));
    assert!(killed.victims.is_none_or(|v| v == 0.0), "{killed:?}");
}

/// Today: wounded 4 derived from 3 shot — more wounded than people shot
/// (the gunman's death is subtracted from nobody, and the shot figure,
/// not told apart, is taken for the attackers' side too).
#[test]
#[ignore = "known gap: derived wounded (4) exceeds the people shot (3) when the gunman killed himself"]
fn derived_wounded_never_exceed_the_people_shot() {
    let got = tolls(
        "Police said a gunman shot three people at a store on Sunday. The gunman then killed himself.",
    );
    assert_eq!(got["shot"].low, Some(3.0));
    let wounded = got.get("wounded").and_then(|s| s.low).unwrap_or(0.0);
    assert!(wounded <= 3.0, "wounded {wounded}");
}

/// Today: 2 (`he` and `himself` are both taken for people counted one by
/// one, and two stated outrank them).
#[test]
#[ignore = "known gap: \"before he killed himself\" after a stated figure adds no attacker (2, want 3)"]
fn two_killed_before_he_killed_himself() {
    let got = tolls("A gunman shot and killed two people on Sunday before he killed himself.");
    assert_eq!(got["killed"].low, Some(3.0));
    assert_eq!(got["killed"].perpetrators, Some(1.0));
}

// ------------------------------------------------------------ not a count

#[test]
fn numbers_that_count_no_one() {
    // an age
    let (rec, got) = tolls_of(article(
        "case",
        "Ray Cole, 41, was shot on Sunday, police said.",
    ));
    assert_eq!(got["shot"].low, Some(1.0));
    assert!(all_claims(&rec).iter().all(|c| c.low != Some(41.0)));
    // an address
    let (rec, got) = tolls_of(article(
        "case",
        "The shooting happened in the 1900 block of Elm Street on Sunday. Two people were wounded.",
    ));
    assert_eq!(got["wounded"].low, Some(2.0));
    assert!(all_claims(&rec).iter().all(|c| c.low != Some(1900.0)));
    // how bad the wounds were, not that none was hurt
    check(
        "Two people were taken to a hospital with no life-threatening injuries.",
        &[("wounded", Some(2.0))],
    );
    check(
        "Police said the victim suffered non-life-threatening injuries on Sunday.",
        &[("wounded", Some(1.0))],
    );
}

// ------------------------------------------------------------ JSON

/// Texts whose figures subtract to nothing, or state none.
const ZEROES: &[&str] = &[
    "Two people were shot on Sunday, police said. Both of the victims died.",
    "Three people were shot on Sunday. Three people were killed.",
    "No one was killed in the blast on Sunday, officials said.",
    "None of the passengers were hurt, the operator said on Sunday.",
    "Four people were shot on Sunday and four died, police said.",
];

#[test]
fn json_never_prints_negative_zero() {
    for text in ZEROES {
        let rec = report([article("case", text)]);
        let json = recount::wire::report_json(&rec);
        assert!(
            !json.contains("-0.0") && !json.contains("-0,"),
            "{text}\n{json}"
        );
        for c in all_claims(&rec) {
            let line = recount::wire::claim_json(c);
            assert!(!line.contains("-0.0"), "{line}");
        }
    }
}

// ------------------------------------------------------------ properties

/// Sentences a synthetic article is made of: the whole, and parts of it.
fn words(n: u32) -> String {
    const W: [&str; 13] = [
        "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    W.get(n as usize)
        .map_or_else(|| n.to_string(), |w| w.to_string())
}

fn capitalized(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

#[derive(Debug, Clone)]
enum Piece {
    /// `N people were wounded on Sunday, including M children.`
    Including(u32, u32),
    /// `N people were wounded on Sunday. M of the wounded were children.`
    Partitive(u32, u32),
    /// `A man and M girls were wounded on Sunday.`
    List(u32),
    /// `Maria Lopez, 34, was wounded on Sunday.`
    Named(usize),
}

fn piece() -> impl Strategy<Value = Piece> {
    prop_oneof![
        (2u32..40)
            .prop_flat_map(|n| (Just(n), 1..=n))
            .prop_map(|(n, m)| Piece::Including(n, m)),
        (2u32..40)
            .prop_flat_map(|n| (Just(n), 1..=n))
            .prop_map(|(n, m)| Piece::Partitive(n, m)),
        (1u32..9).prop_map(Piece::List),
        (0usize..4).prop_map(Piece::Named),
    ]
}

const NAMES: [&str; 4] = ["Maria Lopez", "Dana Whitfield", "Omar Haddad", "Lena Kowal"];

fn text_of(pieces: &[Piece]) -> String {
    let mut out = Vec::new();
    for p in pieces {
        out.push(match p {
            Piece::Including(n, m) => format!(
                "{} people were wounded on Sunday, including {} children.",
                capitalized(&words(*n)),
                words(*m)
            ),
            Piece::Partitive(n, m) => format!(
                "{} people were wounded on Sunday. {} of the wounded were children.",
                capitalized(&words(*n)),
                capitalized(&words(*m))
            ),
            Piece::List(m) => format!("A man and {} girls were wounded on Sunday.", words(*m)),
            Piece::Named(i) => format!("{}, 34, was wounded on Sunday.", NAMES[*i]),
        });
    }
    out.join(" ")
}

/// What a report says, in an order of its own: each group with its
/// sources (by source) and claims (by document and place), the totals,
/// the asides and the events. An event is named by its documents: two
/// clustered events with one label are told apart by a number given in
/// document order (see `event_ids_do_not_depend_on_the_order_of_documents`).
fn canonical(rec: &Report) -> String {
    let event_docs: BTreeMap<&str, String> = rec
        .events
        .iter()
        .map(|e| {
            let mut docs = e.documents.clone();
            docs.sort();
            (e.id.as_str(), format!("{docs:?}"))
        })
        .collect();
    let event = |id: &str| {
        event_docs
            .get(id)
            .cloned()
            .unwrap_or_else(|| id.to_string())
    };
    let mut groups: Vec<String> = rec
        .groups
        .iter()
        .map(|g| {
            let mut sources: Vec<String> = g.sources.iter().map(|s| format!("{s:?}")).collect();
            sources.sort();
            let mut claims: Vec<String> = g
                .claims
                .iter()
                .map(|c| format!("{}@{}:{} {}", c.doc, c.start, c.category, c.number))
                .collect();
            claims.sort();
            let mut notes = g.notes.clone();
            notes.sort();
            format!(
                "{} | {} | {:?} | {:?} | {:?} | {:?} {:?} {:?} | {} | {sources:?} | {notes:?} | {claims:?}",
                event(&g.event),
                g.category,
                g.party,
                g.population,
                g.status,
                g.low,
                g.best,
                g.high,
                g.independent_sources
            )
        })
        .collect();
    groups.sort();
    let mut totals: Vec<String> = rec
        .totals
        .iter()
        .map(|t| {
            format!(
                "{} {} {:?} {:?} {:?} {:?} {:?}",
                event(&t.event),
                t.category,
                t.low,
                t.best,
                t.high,
                t.victims,
                t.perpetrators
            )
        })
        .collect();
    totals.sort();
    let mut asides: Vec<String> = rec
        .asides
        .iter()
        .map(|c| format!("{}@{}:{}", c.doc, c.start, c.category))
        .collect();
    asides.sort();
    let mut events: Vec<String> = rec
        .events
        .iter()
        .map(|e| {
            let mut docs = e.documents.clone();
            docs.sort();
            format!("{:?} {:?} {:?} {docs:?}", e.place, e.first, e.last)
        })
        .collect();
    events.sort();
    format!("{groups:#?}\n{totals:#?}\n{asides:#?}\n{events:#?}")
}

/// Reports of a few incidents, by a few outlets, in a few cities and days.
fn batch_article() -> impl Strategy<Value = (usize, usize, usize, Vec<Piece>)> {
    (
        0usize..3,
        0usize..3,
        0usize..4,
        prop::collection::vec(piece(), 1..4),
    )
}

const CITIES: [&str; 3] = ["DAYTON, Ohio", "TOLEDO, Ohio", "AKRON, Ohio"];
const DAYS: [&str; 3] = ["May 6, 2024", "May 7, 2024", "May 20, 2024"];

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// A document's toll is never below any of its parts (here parts no
    /// larger than the wholes they belong to), nor below any figure it
    /// states.
    #[test]
    fn a_toll_is_never_below_its_parts(pieces in prop::collection::vec(piece(), 1..5)) {
        let text = text_of(&pieces);
        let rec = report([article("case", &text)]);
        for g in &rec.groups {
            let toll = g.sources[0].low.unwrap_or(0.0);
            for c in &g.claims {
                if c.counts != Counts::Derived && c.incident == 0 {
                    prop_assert!(
                        c.low.unwrap_or(0.0) <= toll,
                        "{} {} ({:?}) above the toll {} in {:?}", c.category, c.number, c.counts, toll, text
                    );
                }
            }
        }
        // and the toll is at least what the pieces say one by one
        let wounded = rec.groups.iter().find(|g| g.category == "wounded").and_then(|g| g.sources[0].low);
        let floor = pieces.iter().map(|p| match p {
            Piece::Including(n, _) | Piece::Partitive(n, _) => *n,
            Piece::List(m) => m + 1,
            Piece::Named(_) => 1,
        }).max().unwrap_or(0);
        prop_assert!(wounded.unwrap_or(0.0) >= f64::from(floor), "{wounded:?} < {floor} in {text:?}");
    }

    /// The order of the documents changes nothing in the report but the
    /// order it lists them in.
    #[test]
    fn the_order_of_documents_changes_nothing(
        docs in prop::collection::vec(batch_article(), 1..6),
        seed in any::<u64>(),
    ) {
        let make = |i: usize, (city, day, outlet, pieces): &(usize, usize, usize, Vec<Piece>)| {
            let mut doc = from_text(
                &format!("doc{i}.txt"),
                &format!("{}\n\n{} — {}\n", DAYS[*day], CITIES[*city], text_of(pieces)),
            );
            doc.source = Some(format!("Outlet {outlet}"));
            doc
        };
        let forward: Vec<Document> = docs.iter().enumerate().map(|(i, d)| make(i, d)).collect();
        // a shuffle from the seed
        let mut order: Vec<usize> = (0..docs.len()).collect();
        let mut s = seed;
        for i in (1..order.len()).rev() {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            order.swap(i, (s >> 33) as usize % (i + 1));
        }
        let shuffled: Vec<Document> = order.iter().map(|&i| forward[i].clone()).collect();
        let a = canonical(&report(forward));
        let b = canonical(&report(shuffled));
        prop_assert_eq!(a, b, "order {:?}", order);
    }

    /// No report prints a negative zero, whatever its figures subtract to.
    #[test]
    fn no_negative_zero(shot in 0u32..6, killed in 0u32..6, wounded in prop::option::of(0u32..6)) {
        let mut text = format!(
            "{} people were shot on Sunday, police said. {} of them died.",
            capitalized(&words(shot)),
            capitalized(&words(killed))
        );
        if let Some(w) = wounded {
            text.push_str(&format!(" {} people were wounded.", capitalized(&words(w))));
        }
        let json = recount::wire::report_json(&report([article("case", &text)]));
        prop_assert!(!json.contains("-0.0") && !json.contains("-0,") && !json.contains("-0\n"), "{}", json);
    }
}

/// Two incidents that share a label (`Ohio · 7 May 2024`) are told apart
/// by a number; which gets `(2)` should not depend on the order the
/// documents are read in. Today it does: the clusters are numbered in
/// document order, so reading the documents backwards swaps the ids of
/// doc0's and doc1's incidents.
#[test]
#[ignore = "known gap: event ids of same-label clusters are numbered in document order"]
fn event_ids_do_not_depend_on_the_order_of_documents() {
    let doc = |id: &str, day: &str, city: &str| {
        let mut d = from_text(
            id,
            &format!(
                "{day}\n\n{city}, Ohio — Two people were wounded on Sunday, including one children.\n"
            ),
        );
        d.source = Some("Outlet 0".into());
        d
    };
    let docs = [
        doc("doc0.txt", "May 7, 2024", "AKRON"),
        doc("doc1.txt", "May 7, 2024", "DAYTON"),
        doc("doc2.txt", "May 6, 2024", "DAYTON"),
    ];
    let ids = |rec: &Report| -> BTreeMap<Vec<String>, String> {
        rec.events
            .iter()
            .map(|e| {
                let mut docs = e.documents.clone();
                docs.sort();
                (docs, e.id.clone())
            })
            .collect()
    };
    let forward = report(docs.clone());
    let backward = report(docs.into_iter().rev());
    assert_eq!(ids(&forward), ids(&backward));
}

/// A document's toll does not depend on how its claims arrive: claims of
/// several documents interleaved (a shuffled `report --claims` input, a
/// caller's own batch) give the report the same claims in document order
/// give.
#[test]
fn tolls_do_not_depend_on_the_order_claims_arrive_in() {
    let docs = [
        article(
            "a",
            "Four people were shot on Sunday. One of them died. A man, 20, was hit in the leg.",
        ),
        article(
            "b",
            "Police said three people were wounded and one man was killed in the shooting.",
        ),
    ];
    let mut entries = Vec::new();
    let mut per_doc = Vec::new();
    for d in &docs {
        let claims = PIPELINE.extract(d);
        entries.push(PIPELINE.entry(d, claims.len()));
        per_doc.push(claims);
    }
    let in_order: Vec<Claim> = per_doc.iter().flatten().cloned().collect();
    let longest = per_doc.iter().map(Vec::len).max().unwrap_or(0);
    let interleaved: Vec<Claim> = (0..longest)
        .flat_map(|i| per_doc.iter().filter_map(move |c| c.get(i).cloned()))
        .collect();
    assert_ne!(in_order, interleaved, "the test needs an interleaving");
    let a = PIPELINE.reconcile_claims(entries.clone(), in_order);
    let b = PIPELINE.reconcile_claims(entries, interleaved);
    let figures = |r: &Report| {
        r.totals
            .iter()
            .map(|t| (t.category.clone(), t.best))
            .collect::<Vec<_>>()
    };
    assert_eq!(figures(&a), figures(&b));
    assert!(
        figures(&a).contains(&("killed".to_string(), Some(1.0))),
        "{:?}",
        figures(&a)
    );
}
