//! Stage 4: the report. One row per group, conflicts first, in a terminal
//! table, Markdown, CSV or JSON; and `explain`, which shows each conflicting
//! claim in its sentence the way a compiler shows an error. `html` writes
//! the whole report as one self-contained page with a range chart per group.

mod html;

use crate::extract::Claim;
use crate::reconcile::{Group, Report, SourceValue, Status, fmt_value};
use crate::wire::{self, NumberRow};
use comfy_table::{Cell, Color, ColumnConstraint, ContentArrangement, Table, Width, presets};
use std::fmt::Write as _;

/// How a report is written: the formats of `recount report --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// A terminal table, one row per group, conflicts first, then a summary
    /// line and the totals.
    Table,
    /// A Markdown table, one row per group, then the summary line.
    Markdown,
    /// CSV with a header row, one row per group.
    Csv,
    /// The JSON report, `recount.report/1` ([`wire::report_json`]).
    Json,
    /// One self-contained HTML page: summary, a range chart per group,
    /// quotes with the number marked, documents (`docs/output.md`).
    Html,
}

/// Terminal settings for the tables. The default is what a file or a pipe
/// gets: no width limit, no colour.
///
/// ```
/// let mut style = recount::Style::default();
/// style.width = Some(100);
/// style.color = true;
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Style {
    /// Wrap to this many columns; `None` = no limit.
    pub width: Option<u16>,
    /// Colour the status column and `explain`'s marks (ANSI escapes).
    pub color: bool,
    /// The full view: every note in its row, sources by their full names,
    /// one table for all events (`recount report --wide`).
    pub wide: bool,
}

fn number(v: Option<f64>) -> String {
    match v {
        Some(v) if v.fract() == 0.0 && v.abs() < 1e15 => format!("{}", v as i64),
        Some(v) => format!("{v}"),
        None => "open".into(),
    }
}

/// `low / best / high`.
pub(crate) fn range(g: &Group) -> String {
    format!(
        "{} / {} / {}",
        number(g.low),
        number(g.best),
        number(g.high)
    )
}

/// Each source's figure on a line: `10 — TRT World, 2021-11-17`, its
/// hedges in brackets, its copies after it (`+1 copy: Global Research`).
fn sources(g: &Group) -> Vec<String> {
    sources_with(g, true)
}

/// [`sources`], naming the copies (`+1 copy: Global Research`) or only
/// counting them (`+1 copy`) where a legend names them once.
fn sources_with(g: &Group, name_copies: bool) -> Vec<String> {
    g.sources
        .iter()
        .map(|s| {
            let date = s.published.map_or("undated".to_string(), |d| d.to_string());
            let hedge = if s.hedges.is_empty() {
                String::new()
            } else {
                format!(" [{}]", s.hedges.join(", "))
            };
            let copies = copies_note(s, name_copies);
            format!("{} — {}, {}{}{}", s.display(), s.name, date, hedge, copies)
        })
        .collect()
}

/// Render the whole report in a format, as `recount report --format`
/// writes it.
///
/// ```
/// use recount::{Format, Pipeline, Style, from_text};
///
/// let doc = from_text("a.txt", "Three people were killed in the blast.");
/// let outcome = Pipeline::with_default_rules().reconcile_documents([doc]);
/// let csv = recount::render(&outcome.reconciliation, Format::Csv, Style::default());
/// assert!(csv.starts_with("event,party,population,category,subject,sources,"));
/// ```
pub fn render(rec: &Report, format: Format, style: Style) -> String {
    match format {
        Format::Table => table(rec, style),
        Format::Markdown => markdown(rec),
        Format::Csv => csv(rec),
        Format::Json => wire::report_json(rec),
        Format::Html => html::render(rec),
    }
}

/// ` (+1 copy: Global Research)`: a source's copies, said once after it;
/// without `named`, only how many (` (+1 copy)`, the compact table's).
pub(crate) fn copies_note(s: &SourceValue, named: bool) -> String {
    if s.copies.is_empty() {
        return String::new();
    }
    let n = count(s.copies.len(), "copy", "copies");
    if !named {
        return format!(" (+{n})");
    }
    let names: Vec<&str> = s
        .copies
        .iter()
        .map(|c| crate::reconcile::source_name(c))
        .collect();
    format!(" (+{n}: {})", names.join(", "))
}

/// `1 copy`, `2 copies`.
pub(crate) fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn summary(rec: &Report) -> String {
    let read = rec.documents.iter().filter(|d| d.skipped.is_none()).count();
    let copies = rec.documents.iter().filter(|d| d.copy_of.is_some()).count();
    // why documents were skipped: each reason's first words, counted
    let mut why: Vec<(String, usize)> = Vec::new();
    for d in &rec.documents {
        let Some(reason) = &d.skipped else { continue };
        let short = reason
            .split([':', ';', '('])
            .next()
            .unwrap_or(reason)
            .trim()
            .to_string();
        match why.iter_mut().find(|(r, _)| *r == short) {
            Some((_, n)) => *n += 1,
            None => why.push((short, 1)),
        }
    }
    let skipped: usize = why.iter().map(|(_, n)| n).sum();
    let skipped = if skipped == 0 {
        "0 skipped".to_string()
    } else {
        format!(
            "{skipped} skipped: {}",
            why.iter()
                .map(|(r, n)| format!("{n} {r}"))
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    let copies = if copies == 0 {
        String::new()
    } else {
        format!(" ({})", count(copies, "copy", "copies"))
    };
    format!(
        "{}{copies} read, {skipped}; {}, {}",
        count(read, "document", "documents"),
        count(rec.groups.len(), "group", "groups"),
        count(rec.conflicts(), "conflict", "conflicts")
    )
}

fn table(rec: &Report, style: Style) -> String {
    if style.wide {
        return wide_table(rec, style);
    }
    compact_table(rec, style)
}

/// A table in the house style, at most `width` wide (100 when unknown).
fn new_table(style: Style, width: Option<u16>) -> Table {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED);
    t.set_content_arrangement(ContentArrangement::Dynamic);
    if let Some(w) = width {
        t.set_width(w);
    }
    if !style.color {
        t.force_no_tty();
    }
    t
}

fn status_cell(g: &Group, style: Style, mark: &str) -> Cell {
    let mut status = Cell::new(format!("{}{mark}", g.status.as_str()));
    if style.color {
        status = status.fg(match g.status {
            Status::Conflict => Color::Red,
            Status::Consistent => Color::Yellow,
            Status::Agree => Color::Green,
            Status::SingleSource => Color::Grey,
        });
    }
    status
}

/// The full view: one table, every note in its row.
fn wide_table(rec: &Report, style: Style) -> String {
    let mut t = new_table(style, None);
    t.set_header(vec![
        "figure",
        "sources",
        "low / best / high",
        "status",
        "notes",
    ]);
    for g in &rec.groups {
        t.add_row(vec![
            Cell::new(g.figure()),
            Cell::new(sources(g).join("\n")),
            Cell::new(range(g)),
            status_cell(g, style, ""),
            Cell::new(g.notes.join("\n")),
        ]);
    }
    let mut out = format!("{t}\n{}\n", summary(rec));
    totals_line(rec, &mut out);
    out
}

/// The everyday view: a table per event under its label, a figure per
/// row; notes as footnotes said once, copies in one legend.
fn compact_table(rec: &Report, style: Style) -> String {
    let width = style.width.or(Some(100));
    let label = |id: &str| -> String {
        rec.events
            .iter()
            .find(|e| e.id == id)
            .map_or_else(|| id.to_string(), |e| e.label.clone())
    };
    // events in the order of their groups (conflicts first)
    let mut events: Vec<&str> = Vec::new();
    for g in &rec.groups {
        if !events.contains(&g.event.as_str()) {
            events.push(&g.event);
        }
    }
    let mut out = String::new();
    let mut notes: Vec<String> = Vec::new();
    for event in events {
        let _ = writeln!(out, "{}", label(event));
        let mut t = new_table(style, width);
        let header = ["figure", "sources", "low / best / high", "status"];
        t.set_header(header.to_vec());
        let mut rows: Vec<[String; 4]> = vec![header.map(str::to_string)];
        for g in rec.groups.iter().filter(|g| g.event == event) {
            let mut mark = String::new();
            for note in &g.notes {
                let n = match notes.iter().position(|x| x == note) {
                    Some(i) => i + 1,
                    None => {
                        notes.push(note.clone());
                        notes.len()
                    }
                };
                let _ = write!(mark, " [{n}]");
            }
            let row = [
                short_figure(g),
                sources_with(g, false).join("\n"),
                range(g),
                format!("{}{mark}", g.status.as_str()),
            ];
            t.add_row(vec![
                Cell::new(&row[0]),
                Cell::new(&row[1]),
                Cell::new(&row[2]),
                status_cell(g, style, &mark),
            ]);
            rows.push(row);
        }
        set_widths(&mut t, &rows, width);
        let _ = writeln!(out, "{t}");
        // the event's totals, under its table
        let totals: Vec<String> = rec
            .totals
            .iter()
            .filter(|x| x.event == event)
            .map(|x| format!("{} {}", x.category, fmt_range(x.low, x.best, x.high)))
            .collect();
        if !totals.is_empty() {
            wrapped(
                &mut out,
                &format!("totals, all sides: {}", totals.join("; ")),
                width,
            );
        }
    }
    for (i, note) in notes.iter().enumerate() {
        wrapped(&mut out, &format!("[{}] {note}", i + 1), width);
    }
    // each copy said once
    let name = |id: &str| -> String {
        let d = rec.documents.iter().find(|d| d.id == id);
        let stem = crate::reconcile::source_name(id);
        match d.and_then(|d| d.outlet.as_deref()) {
            Some(outlet) if outlet != stem => format!("{stem} ({outlet})"),
            _ => stem.to_string(),
        }
    };
    let copies: Vec<String> = rec
        .documents
        .iter()
        .filter_map(|d| {
            Some(format!(
                "{} of {}",
                name(&d.id),
                name(d.copy_of.as_deref()?)
            ))
        })
        .collect();
    if !copies.is_empty() {
        wrapped(
            &mut out,
            &format!(
                "copies, each counted once with its original: {}",
                copies.join("; ")
            ),
            width,
        );
    }
    wrapped(&mut out, &summary(rec), width);
    out
}

/// Column widths for the compact table within `width`: the range and the
/// status as wide as they are; the figure and the sources share the rest
/// as makes the table shortest, neither narrower than its longest word (a
/// name or a date is not broken where the width allows).
fn set_widths(t: &mut Table, rows: &[[String; 4]], width: Option<u16>) {
    // borders and a space of padding each side of four cells
    const FRAME: usize = 13;
    let total = usize::from(width.unwrap_or(100));
    let widest = |col: usize, unit: &dyn Fn(&str) -> usize| -> usize {
        rows.iter()
            .filter_map(|r| r.get(col))
            .flat_map(|cell| cell.lines().map(unit).collect::<Vec<_>>())
            .max()
            .unwrap_or(0)
    };
    let line = |l: &str| l.chars().count();
    let word = |l: &str| l.split(' ').map(|w| w.chars().count()).max().unwrap_or(0);
    let range = widest(2, &line);
    let status = widest(3, &line);
    let room = total.saturating_sub(FRAME + range + status).max(2);
    let (figure_word, figure_full) = (widest(0, &word), widest(0, &line));
    let (sources_word, sources_full) = (widest(1, &word), widest(1, &line));
    let height = |figure: usize, sources: usize| -> usize {
        rows.iter()
            .map(|r| wrapped_lines(&r[0], figure).max(wrapped_lines(&r[1], sources)))
            .sum()
    };
    let lowest = figure_word.min(room / 2).max(1);
    let highest = figure_full
        .min(room.saturating_sub(sources_word.min(room / 2)))
        .max(lowest);
    let (figure, sources) = (lowest..=highest)
        .map(|f| (f, room.saturating_sub(f).min(sources_full).max(1)))
        .min_by_key(|&(f, src)| (height(f, src), usize::MAX - src))
        .unwrap_or((lowest, room.saturating_sub(lowest)));
    for (i, w) in [figure, sources, range, status].into_iter().enumerate() {
        if let Some(column) = t.column_mut(i) {
            let w = u16::try_from(w.max(1)).unwrap_or(u16::MAX);
            column.set_constraint(ColumnConstraint::Absolute(Width::Fixed(w + 2)));
        }
    }
}

/// How many lines `text` takes broken between words at `width` columns.
fn wrapped_lines(text: &str, width: usize) -> usize {
    text.lines()
        .map(|l| {
            let mut lines = 1;
            let mut column = 0;
            for w in l.split(' ') {
                let len = w.chars().count();
                if column > 0 && column + 1 + len > width {
                    lines += 1 + (len.saturating_sub(1)) / width.max(1);
                    column = len % width.max(1);
                } else {
                    column += len + usize::from(column > 0);
                }
            }
            lines
        })
        .sum()
}

/// A group's figure within its event's table: its side, population and
/// category, leaving out what says nothing (`any side`, the default
/// population): `Armenia · military · captured`, `killed`.
fn short_figure(g: &Group) -> String {
    let default_population = !g.claims.is_empty()
        && g.claims
            .iter()
            .all(|c| c.population_role == Some(crate::rules::PopulationRole::Default));
    let mut parts: Vec<String> = Vec::new();
    parts.extend(g.party.clone());
    if let Some(p) = g.population.as_ref().filter(|_| !default_population) {
        parts.push(p.clone());
    }
    parts.push(g.category.clone());
    if let Some(s) = &g.subject {
        parts.push(format!("of {s}"));
    }
    parts.join(" · ")
}

/// `line`, broken between words to fit `width` columns, the lines after
/// the first indented.
fn wrapped(out: &mut String, line: &str, width: Option<u16>) {
    const INDENT: &str = "    ";
    let width = usize::from(width.unwrap_or(100)).max(40);
    let mut column = 0;
    for word in line.split(' ') {
        let len = word.chars().count();
        if column > 0 && column + 1 + len > width {
            out.push('\n');
            out.push_str(INDENT);
            column = INDENT.len();
        } else if column > 0 {
            out.push(' ');
            column += 1;
        }
        out.push_str(word);
        column += len;
    }
    out.push('\n');
}

/// `totals, all sides: …`, each event by its label.
fn totals_line(rec: &Report, out: &mut String) {
    if rec.totals.is_empty() {
        return;
    }
    let label = |id: &str| -> String {
        rec.events
            .iter()
            .find(|e| e.id == id)
            .map_or_else(|| id.to_string(), |e| e.label.clone())
    };
    out.push_str("totals, all sides: ");
    let parts: Vec<String> = rec
        .totals
        .iter()
        .map(|x| {
            format!(
                "{} {} {}",
                label(&x.event),
                x.category,
                fmt_range(x.low, x.best, x.high)
            )
        })
        .collect();
    out.push_str(&parts.join("; "));
    out.push('\n');
}

fn fmt_range(low: Option<f64>, best: Option<f64>, high: Option<f64>) -> String {
    format!("{} (range {}–{})", number(best), number(low), number(high))
}

fn md_escape(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', "<br>")
}

fn markdown(rec: &Report) -> String {
    let mut out = String::from(
        "| figure | sources | low / best / high | status | notes |\n|---|---|---|---|---|\n",
    );
    for g in &rec.groups {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            md_escape(&g.figure()),
            md_escape(&sources(g).join("\n")),
            range(g),
            g.status.as_str(),
            md_escape(&g.notes.join("\n"))
        );
    }
    let _ = writeln!(out, "\n{}", summary(rec));
    out
}

fn csv(rec: &Report) -> String {
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

/// Claims as a table for people, one row per claim: what `recount extract
/// --format table` writes.
///
/// ```
/// use recount::{Pipeline, Style, from_text};
///
/// let doc = from_text("a.txt", "Three people were killed in the blast.");
/// let claims = Pipeline::with_default_rules().extract(&doc);
/// let table = recount::claims_table(&claims, Style::default());
/// assert!(table.contains("a.txt:1:1"));
/// ```
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

/// Quantities as a table for people, one row per quantity: what `recount
/// numbers` writes by default.
///
/// ```
/// use recount::from_text;
/// use recount::wire::number_rows;
///
/// let rows = number_rows(&from_text("a.txt", "Two people died in 2020."));
/// let table = recount::numbers_table(&rows);
/// assert!(table.contains("a.txt:1:1"));
/// assert!(table.contains("year"));
/// ```
pub fn numbers_table(rows: &[NumberRow]) -> String {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED);
    t.set_header(vec![
        "where",
        "span",
        "text",
        "low",
        "high",
        "qualifier",
        "kind",
    ]);
    // each cell as the row's JSON writes it, null as nothing
    let number = |v: Option<f64>| {
        v.and_then(serde_json::Number::from_f64)
            .map(|n| n.to_string())
            .unwrap_or_default()
    };
    let name = |v: serde_json::Result<serde_json::Value>| match v {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    };
    for r in rows {
        t.add_row(vec![
            format!("{}:{}:{}", r.doc, r.line, r.column),
            format!("{}..{}", r.start, r.end),
            r.text.clone(),
            number(r.low),
            number(r.high),
            name(serde_json::to_value(r.qualifier)),
            name(serde_json::to_value(r.kind)),
        ]);
    }
    format!("{t}\n")
}

/// Each conflicting group's claims in their sentences, the number
/// underlined, with `file:line:col` — like a compiler's error in context:
/// what `recount explain` writes.
///
/// ```
/// use recount::{Pipeline, from_text};
///
/// let docs = [("a.txt", "12 people were killed."), ("b.txt", "14 people were killed.")]
///     .map(|(id, text)| {
///         // (reports of one day that name no place are one incident)
///         let mut doc = from_text(id, &format!("March 3, 2024\n\n{text}"));
///         doc.source = Some(format!("outlet of {id}"));
///         doc
///     });
/// let outcome = Pipeline::with_default_rules().reconcile_documents(docs);
/// let text = recount::explain(&outcome.reconciliation, false);
/// assert!(text.starts_with("conflict: "));
/// assert!(text.contains("  --> a.txt:3:1"));
/// ```
pub fn explain(rec: &Report, color: bool) -> String {
    let mut out = String::new();
    let (bold, red, reset) = if color {
        ("\x1b[1m", "\x1b[31m", "\x1b[0m")
    } else {
        ("", "", "")
    };
    for g in rec.groups.iter().filter(|g| g.status == Status::Conflict) {
        let _ = writeln!(out, "{bold}conflict{reset}: {}", g.figure());
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
