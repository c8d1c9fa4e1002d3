//! Stage 4: the report. One row per group, conflicts first, in a terminal
//! table, Markdown, CSV or JSON; and `explain`, which shows each conflicting
//! claim in its sentence the way a compiler shows an error. `html` writes
//! the whole report as one self-contained page with a range chart per group.

pub mod html;

use crate::claims::DocumentRecord;
use crate::extract::Claim;
use crate::reconcile::{Group, Reconciliation, Status, fmt_value};
use comfy_table::{Cell, Color, ContentArrangement, Table, presets};
use serde::Serialize;
use std::fmt::Write as _;

/// Version of the JSON report contract (`docs/schema/report.schema.json`).
pub const REPORT_SCHEMA: &str = "recount.report/1";
/// Version of the claim contract (`docs/schema/claim.schema.json`).
pub const CLAIM_SCHEMA: &str = "recount.claim/1";
/// Version of the map step's document record
/// (`docs/schema/document-record.schema.json`).
pub const DOCUMENT_SCHEMA: &str = "recount.document/1";

/// How a report is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Markdown,
    Csv,
    Json,
    /// One self-contained HTML page: summary, a range chart per group,
    /// quotes with the number marked, documents (`docs/output.md`).
    Html,
}

/// Terminal settings for the table.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Style {
    /// Wrap to this many columns; `None` = no limit.
    pub width: Option<u16>,
    pub color: bool,
}

/// The figure a group is about: `2021-11-16 · Armenia · military · captured`.
pub fn figure(g: &Group) -> String {
    let mut parts = vec![g.event.clone()];
    parts.push(g.party.clone().unwrap_or_else(|| "any side".into()));
    if let Some(p) = &g.population {
        parts.push(p.clone());
    }
    parts.push(g.category.clone());
    if let Some(s) = &g.subject {
        parts.push(format!("of {s}"));
    }
    parts.join(" · ")
}

fn number(v: Option<f64>) -> String {
    match v {
        Some(v) if v.fract() == 0.0 && v.abs() < 1e15 => format!("{}", v as i64),
        Some(v) => format!("{v}"),
        None => "open".into(),
    }
}

/// `low / best / high`.
pub fn range(g: &Group) -> String {
    format!(
        "{} / {} / {}",
        number(g.low),
        number(g.best),
        number(g.high)
    )
}

/// Each source's figure on a line: `10 — TRT World, 2021-11-17`.
fn sources(g: &Group) -> Vec<String> {
    g.sources
        .iter()
        .map(|s| {
            let date = s.published.map_or("undated".to_string(), |d| d.to_string());
            let hedge = if s.hedges.is_empty() {
                String::new()
            } else {
                format!(" [{}]", s.hedges.join(", "))
            };
            let copies = if s.documents.len() > 1 {
                format!(" ({} documents)", s.documents.len())
            } else {
                String::new()
            };
            format!(
                "{} — {}, {}{}{}",
                s.display(),
                s.source,
                date,
                hedge,
                copies
            )
        })
        .collect()
}

/// Render the whole report.
pub fn render(rec: &Reconciliation, format: Format, style: Style) -> String {
    match format {
        Format::Table => table(rec, style),
        Format::Markdown => markdown(rec),
        Format::Csv => csv(rec),
        Format::Json => json(rec),
        Format::Html => html::render(rec),
    }
}

fn summary(rec: &Reconciliation) -> String {
    let read = rec.documents.iter().filter(|d| d.skipped.is_none()).count();
    let copies = rec.documents.iter().filter(|d| d.copy_of.is_some()).count();
    let skipped = rec.documents.len() - read;
    format!(
        "{} documents read ({} copies, {} skipped), {} groups, {} conflicts",
        read,
        copies,
        skipped,
        rec.groups.len(),
        rec.conflicts()
    )
}

fn table(rec: &Reconciliation, style: Style) -> String {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED);
    t.set_content_arrangement(ContentArrangement::Dynamic);
    if let Some(w) = style.width {
        t.set_width(w);
    }
    if !style.color {
        t.force_no_tty();
    }
    t.set_header(vec![
        "figure",
        "sources",
        "low / best / high",
        "status",
        "notes",
    ]);
    for g in &rec.groups {
        let mut status = Cell::new(g.status.as_str());
        if style.color {
            status = status.fg(match g.status {
                Status::Conflict => Color::Red,
                Status::Consistent => Color::Yellow,
                Status::Agree => Color::Green,
                Status::SingleSource => Color::Grey,
            });
        }
        t.add_row(vec![
            Cell::new(figure(g)),
            Cell::new(sources(g).join("\n")),
            Cell::new(range(g)),
            status,
            Cell::new(g.notes.join("\n")),
        ]);
    }
    let mut out = format!("{t}\n{}\n", summary(rec));
    if !rec.totals.is_empty() {
        out.push_str("totals, all sides: ");
        let parts: Vec<String> = rec
            .totals
            .iter()
            .map(|x| {
                format!(
                    "{} {} {}",
                    x.event,
                    x.category,
                    fmt_range(x.low, x.best, x.high)
                )
            })
            .collect();
        out.push_str(&parts.join("; "));
        out.push('\n');
    }
    out
}

fn fmt_range(low: Option<f64>, best: Option<f64>, high: Option<f64>) -> String {
    format!("{} (range {}–{})", number(best), number(low), number(high))
}

fn md_escape(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', "<br>")
}

fn markdown(rec: &Reconciliation) -> String {
    let mut out = String::from(
        "| figure | sources | low / best / high | status | notes |\n|---|---|---|---|---|\n",
    );
    for g in &rec.groups {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            md_escape(&figure(g)),
            md_escape(&sources(g).join("\n")),
            range(g),
            g.status.as_str(),
            md_escape(&g.notes.join("\n"))
        );
    }
    let _ = writeln!(out, "\n{}", summary(rec));
    out
}

fn csv(rec: &Reconciliation) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record([
        "event",
        "party",
        "population",
        "category",
        "subject",
        "sources",
        "low",
        "best",
        "high",
        "status",
        "independent_sources",
        "notes",
    ]);
    for g in &rec.groups {
        let _ = w.write_record([
            g.event.as_str(),
            g.party.as_deref().unwrap_or(""),
            g.population.as_deref().unwrap_or(""),
            g.category.as_str(),
            g.subject.as_deref().unwrap_or(""),
            &sources(g).join("; "),
            &g.low.map(|v| number(Some(v))).unwrap_or_default(),
            &g.best.map(|v| number(Some(v))).unwrap_or_default(),
            &g.high.map(|v| number(Some(v))).unwrap_or_default(),
            g.status.as_str(),
            &g.independent_sources.to_string(),
            &g.notes.join("; "),
        ]);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

#[derive(Serialize)]
struct JsonReport<'a> {
    schema: &'static str,
    #[serde(flatten)]
    rec: &'a Reconciliation,
}

fn json(rec: &Reconciliation) -> String {
    let mut s = serde_json::to_string_pretty(&JsonReport {
        schema: REPORT_SCHEMA,
        rec,
    })
    .unwrap_or_default();
    s.push('\n');
    s
}

/// One claim as a JSON Lines record, with the claim schema version.
pub fn claim_json(claim: &Claim) -> String {
    #[derive(Serialize)]
    struct Line<'a> {
        schema: &'static str,
        #[serde(flatten)]
        claim: &'a Claim,
    }
    serde_json::to_string(&Line {
        schema: CLAIM_SCHEMA,
        claim,
    })
    .unwrap_or_default()
}

/// One document's record as a JSON Lines record, with the document schema
/// version: what `recount extract --with-documents` writes before the
/// document's claims, for [`crate::claims`] to read back.
pub fn document_json(record: &DocumentRecord) -> String {
    #[derive(Serialize)]
    struct Line<'a> {
        schema: &'static str,
        #[serde(flatten)]
        record: &'a DocumentRecord,
    }
    serde_json::to_string(&Line {
        schema: DOCUMENT_SCHEMA,
        record,
    })
    .unwrap_or_default()
}

/// Claims as a table for people.
pub fn claims_table(claims: &[Claim], style: Style) -> String {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED);
    t.set_content_arrangement(ContentArrangement::Dynamic);
    if let Some(w) = style.width {
        t.set_width(w);
    }
    if !style.color {
        t.force_no_tty();
    }
    t.set_header(vec![
        "where",
        "number",
        "category",
        "value",
        "party",
        "population",
        "speaker",
        "hedges",
        "event time",
    ]);
    for c in claims {
        t.add_row(vec![
            format!("{}:{}:{}", c.doc, c.line, c.column),
            c.number.clone(),
            c.category.clone(),
            fmt_value(c.low, c.high, c.qualifier),
            c.party.clone().unwrap_or_default(),
            c.population.clone().unwrap_or_default(),
            c.speaker.clone().unwrap_or_default(),
            c.hedges.join(", "),
            c.event_time.map(|t| t.to_string()).unwrap_or_default(),
        ]);
    }
    format!("{t}\n")
}

/// Each conflicting group's claims in their sentences, the number
/// underlined, with `file:line:col` — like a compiler's error in context.
pub fn explain(rec: &Reconciliation, color: bool) -> String {
    let mut out = String::new();
    let (bold, red, reset) = if color {
        ("\x1b[1m", "\x1b[31m", "\x1b[0m")
    } else {
        ("", "", "")
    };
    for g in rec.groups.iter().filter(|g| g.status == Status::Conflict) {
        let _ = writeln!(out, "{bold}conflict{reset}: {}", figure(g));
        for note in &g.notes {
            let _ = writeln!(out, "  = note: {note}");
        }
        for c in &g.claims {
            let _ = writeln!(out, "  --> {}:{}:{}", c.doc, c.line, c.column);
            let rel_start = c.start.saturating_sub(c.quote_start);
            let rel_end = c.end.saturating_sub(c.quote_start).min(c.quote.len());
            let (before, number, after) = match (
                c.quote.get(..rel_start),
                c.quote.get(rel_start..rel_end),
                c.quote.get(rel_end..),
            ) {
                (Some(b), Some(n), Some(a)) => (b, n, a),
                _ => (&*c.quote, "", ""),
            };
            let _ = writeln!(out, "   |");
            let _ = writeln!(out, "   | {before}{red}{bold}{number}{reset}{after}");
            let pad = before.chars().count();
            let marks = number.chars().count().max(1);
            let who = c
                .speaker
                .as_deref()
                .map(|s| format!(", said by {s}"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "   | {}{red}{}{reset} {} {}{}",
                " ".repeat(pad),
                "^".repeat(marks),
                fmt_value(c.low, c.high, c.qualifier),
                c.category,
                who
            );
        }
        out.push('\n');
    }
    if out.is_empty() {
        out.push_str("no conflicts\n");
    }
    out
}
