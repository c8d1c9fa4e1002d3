//! The HTML report (`report --format html`), parsed back with scraper: one
//! section per group with a chart of one row per source, conflicts marked,
//! every quote's number in a `<mark>`, an anchor for every document, and no
//! external assets. Run on the seeds (`../shared/corpus/seeds`, skipped if
//! absent) and on the shipped examples.

use recount::{
    ExtractOptions, Format, Pipeline, ReadOptions, Report, Rules, Status, Style, read_inputs,
    render,
};
use scraper::{ElementRef, Html, Selector};
use std::path::Path;

mod common;

const MANIFEST: &str = env!("CARGO_MANIFEST_DIR");

fn reconcile(dir: &Path) -> Report {
    let inputs = [dir.to_str().expect("utf-8 path").to_string()];
    let outcome = Pipeline::new(Rules::default_rules(), ExtractOptions::default())
        .run(read_inputs(&inputs, &ReadOptions::default()), |_| {});
    assert!(!outcome.had_trouble(), "{:?}", outcome.problems);
    outcome.reconciliation
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("selector")
}

fn text(e: ElementRef) -> String {
    e.text().collect()
}

/// Every structural promise of the page, checked against the reconciliation.
fn check(rec: &Report) -> Html {
    let page = render(rec, Format::Html, Style::default());
    assert!(page.starts_with("<!DOCTYPE html>"));
    let doc = Html::parse_document(&page);
    assert!(doc.errors.is_empty() || doc.errors.iter().all(|e| !e.contains("Unexpected")));

    // Title and headings.
    let title = doc.select(&sel("head > title")).next().expect("<title>");
    assert!(text(title).contains("recount report"));
    assert_eq!(doc.select(&sel("h1")).count(), 1);

    // Summary figures.
    let summary = text(doc.select(&sel("#summary")).next().expect("summary"));
    let read = rec.documents.iter().filter(|d| d.skipped.is_none()).count();
    for (label, value) in [
        ("documents read", read),
        ("groups", rec.groups.len()),
        ("conflicts", rec.conflicts()),
    ] {
        assert!(
            summary.contains(&format!("{label}{value}")),
            "summary lacks {label} {value}: {summary}"
        );
    }
    assert!(summary.contains("independent sources"));

    // One section per group, in the reconciliation's order (conflicts first).
    let groups: Vec<ElementRef> = doc.select(&sel("section.group")).collect();
    assert_eq!(groups.len(), rec.groups.len());
    let row = sel("svg g.source");
    let svg = sel("figure > svg");
    let marks = sel("li.claim mark");
    for (i, (section, group)) in groups.iter().zip(&rec.groups).enumerate() {
        let v = section.value();
        assert_eq!(v.id(), Some(format!("group-{}", i + 1).as_str()));
        assert!(v.has_class(
            group.status.as_str(),
            scraper::CaseSensitivity::CaseSensitive
        ));
        assert_eq!(
            v.has_class("conflict", scraper::CaseSensitivity::CaseSensitive),
            group.status == Status::Conflict
        );
        let heading = section.select(&sel("h3")).next().expect("group heading");
        assert!(text(heading).contains(group.status.as_str()));
        assert!(text(heading).contains(&group.category));

        // The chart: a figure with a caption, an SVG with a title, one row per source.
        assert_eq!(section.select(&svg).count(), 1, "one chart per group");
        assert!(section.select(&sel("figure > figcaption")).next().is_some());
        assert!(section.select(&sel("svg > title")).next().is_some());
        let rows: Vec<ElementRef> = section.select(&row).collect();
        assert_eq!(rows.len(), group.sources.len(), "one row per source");
        for (r, s) in rows.iter().zip(&group.sources) {
            assert_eq!(r.value().attr("data-source"), Some(s.source.as_str()));
            assert!(r.select(&sel("title")).next().is_some());
            assert!(
                text(*r).contains(&s.display()),
                "row shows the value {}",
                s.display()
            );
            // Open-ended statements run to the right edge as an arrow.
            assert_eq!(
                r.select(&sel(".arrow")).next().is_some(),
                s.high.is_none() && s.low.is_some()
            );
        }

        // Each claim's quote, its number marked.
        let claim_marks: Vec<String> = section.select(&marks).map(text).collect();
        assert_eq!(claim_marks.len(), group.claims.len());
        for (m, c) in claim_marks.iter().zip(&group.claims) {
            assert_eq!(m, &c.number, "mark of the claim in {}", c.doc);
        }
        for a in section.select(&sel("li.claim a")) {
            let href = a.value().attr("href").expect("href");
            assert!(href.starts_with("#doc-"), "{href}");
            assert!(doc.select(&sel(href)).next().is_some(), "{href} resolves");
        }
        if group.notes.iter().any(|n| n.starts_with("revision:")) {
            assert!(section.select(&sel("li.revision")).next().is_some());
        }
    }

    // Every document has an anchor and a row.
    for (i, d) in rec.documents.iter().enumerate() {
        let row = doc
            .select(&sel(&format!("#doc-{}", i + 1)))
            .next()
            .unwrap_or_else(|| panic!("no anchor for {}", d.id));
        let t = text(row);
        assert!(t.contains(&d.id));
        if let Some(orig) = &d.copy_of {
            assert!(t.contains(&format!("copy of {orig}")));
        }
    }

    // Totals.
    let totals = doc.select(&sel("#totals tbody tr")).count();
    assert_eq!(totals, rec.totals.len());

    // Self-contained: no scripts, no external stylesheets, images or frames.
    assert_eq!(doc.select(&sel("script")).count(), 0);
    for (tag, attr) in [
        ("link", "href"),
        ("img", "src"),
        ("script", "src"),
        ("iframe", "src"),
    ] {
        for e in doc.select(&sel(tag)) {
            let v = e.value().attr(attr).unwrap_or("");
            assert!(
                !v.starts_with("http://") && !v.starts_with("https://") && !v.starts_with("//"),
                "external asset <{tag} {attr}={v}>"
            );
        }
    }
    assert!(!page.contains("src=\"http"));
    assert!(!page.contains("@import"));
    assert!(!page.contains("url(http"));
    doc
}

#[test]
fn seeds_html() {
    let Some(dir) = common::shared("corpus/seeds", "the HTML report of the seeds") else {
        return;
    };
    let rec = reconcile(&dir);
    let doc = check(&rec);
    // The two conflicts of the seeds come first, with their charts.
    let conflicts: Vec<String> = doc
        .select(&sel("section.group.conflict h3"))
        .map(text)
        .collect();
    assert_eq!(conflicts.len(), 2, "{conflicts:?}");
    assert!(conflicts[0].contains("Armenia · military · captured"));
    assert!(conflicts[1].contains("Azerbaijan · military · wounded"));
    let wounded = doc.select(&sel("section.group.conflict")).nth(1).unwrap();
    let values: Vec<String> = wounded
        .select(&sel("g.source text.value"))
        .map(text)
        .collect();
    assert_eq!(values, ["2", "10", "10"]);
    // the hedge sits beside the date, left of the axis, where it has room
    let dates: Vec<String> = wounded
        .select(&sel("g.source text.date"))
        .map(text)
        .collect();
    assert!(dates[0].ends_with("· preliminary"), "{dates:?}");
    let revision = text(wounded.select(&sel("li.revision")).next().unwrap());
    assert!(revision.starts_with("revision: 2 on 16 Nov 2021"));
    // `more than 6,500` is an open circle with an arrow.
    assert!(doc.select(&sel("g.source circle.open")).next().is_some());
}

#[test]
fn examples_html() {
    let rec = reconcile(&Path::new(MANIFEST).join("examples/articles"));
    let doc = check(&rec);
    assert_eq!(doc.select(&sel("section.group.conflict")).count(), 3);
    // `about 80%` and the agreeing 2019 figure: the agreed range is shaded.
    assert!(doc.select(&sel("rect.agreed")).next().is_some());
}

#[test]
fn escaping_and_char_boundaries() {
    let rec = reconcile(&Path::new(MANIFEST).join("examples/articles"));
    let mut rec = rec;
    // Hostile text everywhere a document puts it.
    rec.documents[0].title = Some("<script>alert(1)</script> & \"x\"".into());
    rec.documents[0].warnings = vec!["<b>bad</b>".into()];
    let g = &mut rec.groups[0];
    g.sources[0].source = "<img src=x onerror=alert(1)>".into();
    let c = &mut g.claims[0];
    c.quote = format!("é<i>{}</i>", c.number).into();
    // A span inside a multi-byte character must not panic: falls back to a search.
    c.quote_start = c.start - 1;
    let page = render(&rec, Format::Html, Style::default());
    assert!(!page.contains("<script>"));
    assert!(!page.contains("<img"));
    assert!(!page.contains("<b>bad"));
    assert!(page.contains("&lt;script&gt;"));
    let doc = Html::parse_document(&page);
    let first = doc.select(&sel("li.claim mark")).next().unwrap();
    assert_eq!(text(first), rec.groups[0].claims[0].number);
}
