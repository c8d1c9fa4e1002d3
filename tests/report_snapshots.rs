//! Snapshots of the report in every format, and of `explain`, for the seed
//! corpus (`../shared/corpus/seeds`, skipped if absent) and the example
//! articles. Document ids are rewritten to `seeds/…` and
//! `examples/articles/…` before the pipeline runs, so that tables are laid
//! out for the ids they show and snapshots do not depend on where the
//! checkout lives.

use recount::{
    ExtractOptions, Format, Item, Pipeline, ReadOptions, Report, Rules, Style, explain,
    read_inputs, render,
};
use std::path::Path;

mod common;

const MANIFEST: &str = env!("CARGO_MANIFEST_DIR");

/// Run the pipeline over a folder, its ids starting `shown` instead of the path.
fn reconcile_folder(dir: &Path, shown: &str) -> Report {
    let path = dir.to_str().expect("utf-8 path").to_string();
    let prefix = format!("{path}/");
    let rename = |s: &mut String| {
        if let Some(rest) = s.strip_prefix(&prefix) {
            *s = format!("{shown}/{rest}");
        }
    };
    let inputs = [path.clone()];
    let options = ReadOptions::default();
    let items = read_inputs(&inputs, &options).map(|item| match item {
        Item::Document(mut d) => {
            rename(&mut d.id);
            rename(&mut d.origin);
            Item::Document(d)
        }
        Item::Problem(mut p) => {
            p.location = p.location.replace(&prefix, &format!("{shown}/"));
            Item::Problem(p)
        }
    });
    let outcome =
        Pipeline::new(Rules::default_rules(), ExtractOptions::default()).run(items, |_| {});
    assert!(
        !outcome.had_trouble(),
        "trouble reading {path}: {:?}",
        outcome.problems
    );
    let rec = outcome.reconciliation;
    for d in &rec.documents {
        assert!(
            d.id.starts_with(&format!("{shown}/")),
            "id not normalised: {}",
            d.id
        );
    }
    rec
}

fn seeds() -> Option<Report> {
    let dir = common::shared("corpus/seeds", "the seeds' snapshots")?;
    Some(reconcile_folder(&dir, "seeds"))
}

fn examples() -> Report {
    reconcile_folder(
        &Path::new(MANIFEST).join("examples/articles"),
        "examples/articles",
    )
}

#[test]
fn seeds_table() {
    let Some(rec) = seeds() else { return };
    insta::assert_snapshot!(render(&rec, Format::Table, Style::default()));
}

#[test]
fn seeds_markdown() {
    let Some(rec) = seeds() else { return };
    insta::assert_snapshot!(render(&rec, Format::Markdown, Style::default()));
}

#[test]
fn seeds_csv() {
    let Some(rec) = seeds() else { return };
    let out = render(&rec, Format::Csv, Style::default());
    // every record has the header's number of fields
    let mut r = csv::Reader::from_reader(out.as_bytes());
    let width = r.headers().expect("CSV header").len();
    for rec in r.records() {
        assert_eq!(rec.expect("CSV record").len(), width);
    }
    insta::assert_snapshot!(out);
}

#[test]
fn seeds_json() {
    let Some(rec) = seeds() else { return };
    let out = render(&rec, Format::Json, Style::default());
    let v: serde_json::Value = serde_json::from_str(&out).expect("report JSON");
    assert_eq!(v["schema"], recount::wire::REPORT_SCHEMA);
    insta::assert_snapshot!(out);
}

#[test]
fn seeds_explain() {
    let Some(rec) = seeds() else { return };
    let out = explain(&rec, false);
    assert!(!out.contains('\x1b'), "colour without color");
    insta::assert_snapshot!(out);
}

#[test]
fn examples_table() {
    let rec = examples();
    insta::assert_snapshot!(render(&rec, Format::Table, Style::default()));
}

#[test]
fn examples_markdown() {
    insta::assert_snapshot!(render(&examples(), Format::Markdown, Style::default()));
}

#[test]
fn examples_json() {
    insta::assert_snapshot!(render(&examples(), Format::Json, Style::default()));
}

#[test]
fn examples_explain() {
    let rec = examples();
    assert!(rec.conflicts() > 0);
    insta::assert_snapshot!(explain(&rec, false));
}
