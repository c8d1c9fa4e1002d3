//! Properties of the map step's output (`recount::wire`) read back
//! (`recount::claims`): any claim the extractor produces survives
//! `claim_json` then `Deserialize` unchanged, any document's record survives
//! too, event times round-trip through their strings, and the reader never
//! panics, whatever its input.

use jiff::ToSpan;
use jiff::civil::Date;
use proptest::prelude::*;
use recount::claims::{ReadBack, Reader};
use recount::wire::{DocumentRecord, Record, claim_json, document_json};
use recount::{
    Claim, Document, DocumentEntry, EventTime, ExtractOptions, Format, Item, Pipeline, ReadOptions,
    Rules, Style, from_text, read_inputs,
};
use std::sync::LazyLock;

mod common;

static PIPELINE: LazyLock<Pipeline> = LazyLock::new(Pipeline::with_default_rules);
static WITH_COMMENTS: LazyLock<Pipeline> = LazyLock::new(|| {
    let mut options = ExtractOptions::default();
    options.include_comments = true;
    Pipeline::new(Rules::default_rules(), options)
});

const WHEN: &[&str] = &[
    "",
    "on Tuesday",
    "today",
    "yesterday",
    "last year",
    "in 2019",
    "on March 2",
    "on 3 March 2024",
    "in September",
    "this month",
    "on 17.11.2021",
    "in the 1990s",
];
/// A sentence of the property-test kit (`recount::testing::claims`:
/// casualty clauses composed from the default rules, and distractors),
/// with a time phrase before or inside it.
fn sentence() -> impl Strategy<Value = String> {
    (
        prop::sample::select(WHEN),
        recount::testing::claims(),
        any::<bool>(),
    )
        .prop_map(|(when, case, time_first)| {
            let body = case.text;
            match (when, time_first) {
                ("", _) => body,
                (w, true) => {
                    let mut w = w.to_string();
                    if let Some(first) = w.get_mut(0..1) {
                        first.make_ascii_uppercase();
                    }
                    // `On Tuesday, 12 soldiers were killed.`
                    let mut rest = body;
                    if let Some(first) = rest.get_mut(0..1) {
                        first.make_ascii_lowercase();
                    }
                    format!("{w}, {rest}")
                }
                (w, false) => match body.strip_suffix('.') {
                    Some(b) => format!("{b} {w}."),
                    None => body,
                },
            }
        })
}

prop_compose! {
    fn article()(
        paragraphs in prop::collection::vec(prop::collection::vec(sentence(), 1..4), 1..5),
        published in prop::option::weighted(0.8, 0i64..2500),
        header_date in any::<bool>(),
        outlet in prop::option::of(prop::sample::select(vec!["Valley Herald", "National Radio", "Wire"])),
        event in prop::option::weighted(0.3, prop::sample::select(vec!["blast", "marlow-2024"])),
        comments in any::<bool>(),
        id in "[a-z]{1,8}(/[a-z]{1,8})?\\.txt",
    ) -> Document {
        let date = published.and_then(|d| Date::constant(2019, 1, 1).checked_add(d.days()).ok());
        let mut text = String::new();
        if let (Some(d), true) = (date, header_date) {
            text.push_str(&format!("{}\n\n", d.strftime("%B %-d, %Y")));
        }
        let body: Vec<String> = paragraphs.iter().map(|p| p.join(" ")).collect();
        text.push_str(&body.join("\n\n"));
        if comments {
            text.push_str("\n\nComments\n\nFive people were killed, I heard.");
        }
        let mut doc = from_text(&id, &text);
        if !header_date {
            doc.published = date;
        }
        doc.source = outlet.map(String::from);
        doc.event = event.map(String::from);
        doc
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn every_extracted_claim_round_trips(doc in article(), comments in any::<bool>()) {
        let pipeline = if comments { &*WITH_COMMENTS } else { &*PIPELINE };
        for claim in pipeline.extract(&doc) {
            let line = claim_json(&claim);
            let back: Claim = serde_json::from_str(&line)
                .map_err(|e| TestCaseError::fail(format!("{e}: {line}")))?;
            prop_assert_eq!(&back, &claim, "{}", line);
            // and as a line of the reduce step's input
            match Record::parse(&line) {
                Ok(Record::Claim(c)) => prop_assert_eq!(c, claim),
                other => prop_assert!(false, "{:?}", other),
            }
        }
    }

    #[test]
    fn the_reduce_reads_back_what_the_map_wrote(docs in prop::collection::vec(article(), 1..5)) {
        // ids must be unique across the run
        let docs: Vec<Document> = docs
            .into_iter()
            .enumerate()
            .map(|(i, mut d)| {
                d.id = format!("{i}-{}", d.id);
                d
            })
            .collect();
        let mut lines = String::new();
        let mut entries = Vec::new();
        let mut claims = Vec::new();
        for doc in &docs {
            let found = PIPELINE.extract(doc);
            // what the map step writes: the entry with the document's
            // identity, by which the reduce step clusters incidents
            let entry = PIPELINE.entry(doc, found.len());
            lines.push_str(&document_json(&DocumentRecord::from_entry(&entry, &doc.origin)));
            lines.push('\n');
            for c in &found {
                lines.push_str(&claim_json(c));
                lines.push('\n');
            }
            entries.push(entry);
            claims.extend(found);
        }
        let mut reader = Reader::new();
        reader.read("map.jsonl", lines.as_bytes());
        let read = reader.finish();
        prop_assert!(read.problems.is_empty(), "{:?}", read.problems);
        prop_assert_eq!(&read.documents, &entries);
        prop_assert_eq!(&read.claims, &claims);
        prop_assert_eq!(
            PIPELINE.reconcile_claims(read.documents, read.claims),
            PIPELINE.reconcile_documents(docs).reconciliation
        );
    }

    #[test]
    fn event_times_round_trip_through_their_strings(
        start in 0i32..3_652_000,
        length in prop_oneof![Just(0i32), 0i32..40, 0i32..800],
    ) {
        let base = Date::constant(0, 1, 1);
        let Ok(first) = base.checked_add(start.days()) else { return Ok(()) };
        let Ok(last) = first.checked_add(length.days()) else { return Ok(()) };
        prop_assume!(last.year() <= 9999);
        let time = EventTime { first, last, stated: true };
        let text = time.to_string();
        prop_assert_eq!(text.parse::<EventTime>(), Ok(time), "{}", text);
        let json = serde_json::to_string(&time).unwrap();
        prop_assert_eq!(serde_json::from_str::<EventTime>(&json).unwrap(), time);
    }

    #[test]
    fn the_reader_never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let mut reader = Reader::new();
        reader.read("junk", bytes.as_slice());
        let read = reader.finish();
        render_everything(read);
    }

    #[test]
    fn the_reader_never_panics_on_damaged_lines(
        cut in any::<prop::sample::Index>(),
        at in any::<prop::sample::Index>(),
        insert in prop::sample::select(vec![
            "", "\"", "{", "}", ",", "-1", "1e999", "18446744073709551616", "null", "[]",
            "\"9999-12-31/0000-01-01\"", "\"\\ud800\"", "\u{0}", "\n",
        ]),
        which in 0usize..2,
    ) {
        // a real record and a real claim, damaged: cut short, or with
        // something spliced in
        let doc = from_text(
            "a.txt",
            "March 3, 2024\n\nAt least 12 people were killed on Tuesday, police said. About 80% of homes were damaged.",
        );
        let claims = PIPELINE.extract(&doc);
        let line = if which == 0 || claims.is_empty() {
            document_json(&DocumentRecord::from_entry(&PIPELINE.entry(&doc, claims.len()), &doc.origin))
        } else {
            claim_json(&claims[0])
        };
        let bytes = line.as_bytes();
        let cut = cut.index(bytes.len() + 1);
        let at = at.index(cut + 1);
        let mut damaged = bytes[..cut].to_vec();
        damaged.splice(at..at, insert.bytes());
        let mut input = damaged.clone();
        input.push(b'\n');
        input.extend_from_slice(&damaged);
        let mut reader = Reader::new();
        reader.read("damaged", input.as_slice());
        render_everything(reader.finish());
    }

    #[test]
    fn the_reader_never_panics_on_strange_values(
        start in any::<usize>(),
        end in any::<usize>(),
        quote_start in any::<usize>(),
        low in prop::option::of(any::<f64>().prop_filter("JSON numbers", |v| v.is_finite())),
        high in prop::option::of(any::<f64>().prop_filter("JSON numbers", |v| v.is_finite())),
        line in any::<usize>(),
        shingles in 0u64..=(1 << 53),
        sketch in prop::collection::btree_set(any::<u64>(), 0..8),
        number in ".{0,6}",
        quote in ".{0,30}",
    ) {
        let claim = serde_json::json!({
            "schema": "recount.claim/1", "doc": "a", "start": start, "end": end,
            "line": line, "column": line, "number": number, "quote": quote,
            "quote_start": quote_start, "category": "killed", "low": low, "high": high,
            "qualifier": "range", "party": null, "population": "people", "speaker": null,
            "hedges": [], "event_time": "2024-03-03", "subject": null,
            "published": "2024-03-03", "outlet": null, "in_comments": false
        });
        let record = serde_json::json!({
            "schema": "recount.document/1", "id": "a", "origin": "a", "title": null,
            "outlet": null, "published": null, "event": null, "claims": 1,
            "skipped": null, "warnings": [], "repost": false,
            "fingerprint": {"sketch": sketch, "shingles": shingles.max(sketch.len() as u64)}
        });
        let copy = {
            let mut r = record.clone();
            r["id"] = "b".into();
            r
        };
        let input = format!("{record}\n{copy}\n{claim}\n{claim}\n");
        let mut reader = Reader::new();
        reader.read("strange", input.as_bytes());
        let read = reader.finish();
        prop_assert_eq!(read.claims.len(), 2);
        render_everything(read);
    }
}

/// Reconcile what was read and render it in every format, as `report` does.
fn render_everything(read: ReadBack) {
    let rec = PIPELINE.reconcile_claims(read.documents, read.claims);
    for format in [
        Format::Table,
        Format::Markdown,
        Format::Csv,
        Format::Json,
        Format::Html,
    ] {
        let _ = recount::render(&rec, format, Style::default());
    }
    let _ = recount::explain(&rec, false);
}

#[test]
fn the_examples_round_trip_claim_by_claim() {
    // The hand-written examples and the seeds, every claim.
    let mut inputs = vec![format!("{}/examples/articles", env!("CARGO_MANIFEST_DIR"))];
    if let Some(seeds) = common::shared("corpus/seeds", "the seeds in the map/reduce round trip") {
        inputs.push(seeds.to_string_lossy().into_owned());
    }
    let options = ReadOptions::default();
    let mut n = 0;
    for item in read_inputs(&inputs, &options) {
        let Item::Document(doc) = item else {
            panic!("{item:?}");
        };
        for claim in PIPELINE.extract(&doc) {
            let back: Claim = serde_json::from_str(&claim_json(&claim)).unwrap();
            assert_eq!(back, claim);
            n += 1;
        }
    }
    assert!(n >= 19, "{n} claims");
}

#[test]
fn a_bad_fingerprint_is_refused() {
    let doc = from_text("a.txt", "Two people died.");
    let record = DocumentRecord::from_entry(&DocumentEntry::of(&doc, 1), "a.txt");
    let mut value = serde_json::to_value(&record).unwrap();
    for (print, why) in [
        (
            serde_json::json!({"sketch": [3, 2], "shingles": 5}),
            "not in strictly increasing order",
        ),
        (
            serde_json::json!({"sketch": [1, 2, 3], "shingles": 2}),
            "more sketch hashes than shingles",
        ),
        (
            serde_json::json!({"sketch": [], "shingles": u64::MAX}),
            "is more than a document has",
        ),
    ] {
        value["fingerprint"] = print;
        let err = serde_json::from_value::<DocumentRecord>(value.clone()).unwrap_err();
        assert!(err.to_string().contains(why), "{err}");
    }
}
