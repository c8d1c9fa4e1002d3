//! The report as one self-contained HTML page: a summary, each group with a
//! range chart (inline SVG, one row per independent source), every claim's
//! sentence with its number marked, the totals, and every input document.
//!
//! No scripts, no external assets: the page is one file that can be mailed,
//! archived or opened offline. Every text from the input is escaped.

use super::{number, range};
use crate::extract::Claim;
use crate::number::{APPROX_TOLERANCE, Qualifier};
use crate::reconcile::{Group, Report, SourceValue, Status};
use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;

/// Escape text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
:root { --conflict: #b3261e; --consistent: #8a5a00; --agree: #1e6b34; --single: #5f6368;
        --ink: #1f1f1f; --muted: #5f6368; --rule: #d7d7d7; --shade: #cfe8d6; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
       color: var(--ink); margin: 0; background: #fafafa; }
main, header.page { max-width: 1000px; margin: 0 auto; padding: 0 24px; }
header.page { padding-top: 20px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; border-bottom: 2px solid var(--rule); padding-bottom: 4px; margin-top: 32px; }
h3 { font-size: 17px; margin: 0 0 6px; }
h4 { font-size: 14px; margin: 14px 0 4px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
a { color: #0b57d0; }
.muted { color: var(--muted); }
dl.summary { display: grid; grid-template-columns: repeat(4, 1fr); gap: 8px; margin: 12px 0; }
dl.summary div { background: #fff; border: 1px solid var(--rule); border-radius: 6px; padding: 8px 12px; }
dl.summary dt { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
dl.summary dd { margin: 0; font-size: 24px; font-weight: 600; }
dl.summary div.conflicts dd { color: var(--conflict); }
ol.toc { padding-left: 20px; margin: 8px 0; }
ol.toc li { margin: 2px 0; }
.badge { display: inline-block; font-size: 12px; font-weight: 600; padding: 1px 8px; border-radius: 10px;
         color: #fff; vertical-align: 2px; margin-right: 6px; }
.badge.conflict { background: var(--conflict); }
.badge.consistent { background: var(--consistent); }
.badge.agree { background: var(--agree); }
.badge.single-source { background: var(--single); }
section.group { background: #fff; border: 1px solid var(--rule); border-left: 6px solid var(--single);
                border-radius: 6px; padding: 14px 18px; margin: 16px 0; }
section.group.conflict { border-left-color: var(--conflict); }
section.group.conflict h3 { color: var(--conflict); }
section.group.consistent { border-left-color: var(--consistent); }
section.group.agree { border-left-color: var(--agree); }
p.estimate { margin: 2px 0 6px; }
ul.notes { margin: 6px 0; padding-left: 20px; }
ul.notes li.revision { font-weight: 600; }
figure { margin: 10px 0; }
figure svg { width: 100%; height: auto; max-width: 860px; display: block; }
figcaption { font-size: 13px; color: var(--muted); }
svg text { font: 12px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; fill: var(--ink); }
svg .tick line { stroke: #e3e3e3; }
svg text.date { fill: var(--muted); font-size: 10.5px; }
svg .tick text { fill: var(--muted); font-size: 11px; }
svg .axis { stroke: #9aa0a6; }
svg .agreed { fill: var(--shade); }
svg .best { stroke: #444; stroke-dasharray: 4 3; }
svg .source .mark { stroke: #1f3b70; fill: #1f3b70; }
svg .source .bar { stroke: #1f3b70; stroke-width: 3; }
svg .source .open { fill: #fff; stroke: #1f3b70; stroke-width: 2; }
svg .source .band { fill: #c6d4ee; }
svg .source.hedged .mark, svg .source.hedged .bar { stroke: #7d8fb3; fill: #7d8fb3; }
svg .source .value { font-weight: 600; }
svg.conflict .source .value { fill: var(--conflict); }
ol.claims { padding-left: 20px; margin: 4px 0; }
ol.claims li { margin: 8px 0; }
blockquote { margin: 0; padding: 2px 10px; border-left: 3px solid var(--rule); }
mark { background: #ffe066; padding: 0 2px; border-radius: 2px; font-weight: 600; }
p.cite { margin: 2px 0 0 10px; font-size: 13px; color: var(--muted); }
table { border-collapse: collapse; width: 100%; background: #fff; font-size: 14px; }
th, td { border: 1px solid var(--rule); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f1f3f4; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
tr:target { background: #fff8d6; }
td.id { overflow-wrap: normal; word-break: keep-all; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; }
.skipped { color: var(--conflict); }
.warning { color: var(--consistent); }
footer { max-width: 1000px; margin: 32px auto; padding: 0 24px; font-size: 12px; color: var(--muted); }
"#;

/// The HTML report.
pub fn render(rec: &Report) -> String {
    let doc_index: HashMap<&str, usize> = rec
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.as_str(), i + 1))
        .collect();
    let read = rec.documents.iter().filter(|d| d.skipped.is_none()).count();
    let copies = rec.documents.iter().filter(|d| d.copy_of.is_some()).count();
    let skipped = rec.documents.len() - read;
    let sources: BTreeSet<&str> = rec
        .groups
        .iter()
        .flat_map(|g| g.sources.iter().map(|s| s.source.as_str()))
        .collect();
    let conflicts = rec.conflicts();

    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(
        out,
        "<title>recount report: {} groups, {} conflicts</title>",
        rec.groups.len(),
        conflicts
    );
    let _ = writeln!(out, "<style>{STYLE}</style>\n</head>\n<body>");
    out.push_str("<header class=\"page\">\n<h1>recount report</h1>\n");
    let _ = writeln!(
        out,
        "<p class=\"muted\">Casualty figures found in {read} documents, lined up across independent sources. Conflicts come first.</p>\n</header>"
    );
    out.push_str("<main>\n");

    // Summary.
    out.push_str("<section id=\"summary\" aria-labelledby=\"summary-h\">\n<h2 id=\"summary-h\">Summary</h2>\n<dl class=\"summary\">\n");
    let cell = |out: &mut String, class: &str, label: &str, value: usize, detail: &str| {
        let _ = writeln!(
            out,
            "<div class=\"{class}\"><dt>{label}</dt><dd>{value}</dd>{detail}</div>"
        );
    };
    cell(
        &mut out,
        "documents",
        "documents read",
        read,
        &format!(
            "<dd class=\"muted\" style=\"font-size:12px;font-weight:400\">{}, {skipped} skipped</dd>",
            super::count(copies, "copy", "copies")
        ),
    );
    cell(
        &mut out,
        "sources",
        "independent sources",
        sources.len(),
        "",
    );
    cell(&mut out, "groups", "groups", rec.groups.len(), "");
    cell(&mut out, "conflicts", "conflicts", conflicts, "");
    out.push_str("</dl>\n");
    if !rec.groups.is_empty() {
        out.push_str("<nav aria-label=\"groups\"><ol class=\"toc\">\n");
        for (i, g) in rec.groups.iter().enumerate() {
            let status = g.status.as_str();
            let _ = writeln!(
                out,
                "<li><span class=\"badge {status}\">{status}</span><a href=\"#group-{}\">{}</a> <span class=\"muted\">{}</span></li>",
                i + 1,
                escape(&g.figure()),
                escape(&range(g))
            );
        }
        out.push_str("</ol></nav>\n");
    }
    out.push_str("</section>\n");

    // Groups.
    out.push_str(
        "<section id=\"groups\" aria-labelledby=\"groups-h\">\n<h2 id=\"groups-h\">Figures</h2>\n",
    );
    if rec.groups.is_empty() {
        out.push_str("<p>No casualty figures were found.</p>\n");
    }
    for (i, g) in rec.groups.iter().enumerate() {
        group(&mut out, i + 1, g, &doc_index);
    }
    out.push_str("</section>\n");

    // Totals.
    out.push_str("<section id=\"totals\" aria-labelledby=\"totals-h\">\n<h2 id=\"totals-h\">Totals, all sides</h2>\n");
    if rec.totals.is_empty() {
        out.push_str("<p>No totals.</p>\n");
    } else {
        out.push_str("<p class=\"muted\">Per event and category, all sides together without counting anyone twice; percentages are never summed.</p>\n");
        out.push_str("<table class=\"totals\">\n<thead><tr><th scope=\"col\">event</th><th scope=\"col\">category</th><th scope=\"col\">low</th><th scope=\"col\">best</th><th scope=\"col\">high</th></tr></thead>\n<tbody>\n");
        for t in &rec.totals {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                escape(&t.event),
                escape(&t.category),
                number(t.low),
                number(t.best),
                number(t.high)
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
    out.push_str("</section>\n");

    // Documents.
    out.push_str("<section id=\"documents\" aria-labelledby=\"documents-h\">\n<h2 id=\"documents-h\">Documents</h2>\n");
    out.push_str("<table class=\"documents\">\n<thead><tr><th scope=\"col\">#</th><th scope=\"col\">id</th><th scope=\"col\">title</th><th scope=\"col\">outlet</th><th scope=\"col\">published</th><th scope=\"col\">claims</th><th scope=\"col\">notes</th></tr></thead>\n<tbody>\n");
    for (i, d) in rec.documents.iter().enumerate() {
        let mut notes = Vec::new();
        if let Some(orig) = &d.copy_of {
            let link = match doc_index.get(orig.as_str()) {
                Some(n) => format!("<a href=\"#doc-{n}\">{}</a>", escape(orig)),
                None => escape(orig),
            };
            notes.push(format!("copy of {link} (counted once)"));
        }
        if let Some(reason) = &d.skipped {
            notes.push(format!(
                "<span class=\"skipped\">skipped: {}</span>",
                escape(reason)
            ));
        }
        for w in &d.warnings {
            notes.push(format!(
                "<span class=\"warning\">warning: {}</span>",
                escape(w)
            ));
        }
        let _ = writeln!(
            out,
            "<tr id=\"doc-{n}\" class=\"document\"><td class=\"num\">{n}</td><td class=\"id\">{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
            // a path breaks after its slashes, never inside a name
            escape(&d.id).replace('/', "/<wbr>"),
            escape(d.title.as_deref().unwrap_or("")),
            escape(d.outlet.as_deref().unwrap_or("")),
            // the date the report gives it: its own, else its copies'
            match d.published {
                Some(p) => p.to_string(),
                None => rec
                    .documents
                    .iter()
                    .filter(|c| c.copy_of.as_deref() == Some(d.id.as_str()))
                    .find_map(|c| c.published)
                    .map_or_else(|| "undated".to_string(), |p| format!("{p} (its copy's)")),
            },
            d.claims,
            notes.join("<br>"),
            n = i + 1,
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n</main>\n");
    out.push_str("<footer>Made by recount. Figures are as the sources state them; see docs/reconcile.md for how groups, status and low/best/high are decided.</footer>\n</body>\n</html>\n");
    out
}

fn group(out: &mut String, n: usize, g: &Group, doc_index: &HashMap<&str, usize>) {
    let status = g.status.as_str();
    let _ = writeln!(
        out,
        "<section class=\"group {status}\" id=\"group-{n}\" data-status=\"{status}\" aria-labelledby=\"group-{n}-h\">"
    );
    let _ = writeln!(
        out,
        "<h3 id=\"group-{n}-h\"><span class=\"badge {status}\">{status}</span>{}</h3>",
        escape(&g.figure())
    );
    let _ = writeln!(
        out,
        "<p class=\"estimate\">low / best / high: <strong>{}</strong> · {} independent source{}</p>",
        escape(&range(g)),
        g.independent_sources,
        if g.independent_sources == 1 { "" } else { "s" }
    );
    if !g.notes.is_empty() {
        out.push_str("<ul class=\"notes\">\n");
        for note in &g.notes {
            let class = if note.starts_with("revision:") {
                "note revision"
            } else {
                "note"
            };
            let _ = writeln!(out, "<li class=\"{class}\">{}</li>", escape(note));
        }
        out.push_str("</ul>\n");
    }
    chart(out, n, g);
    out.push_str("<h4>Claims</h4>\n<ol class=\"claims\">\n");
    for c in &g.claims {
        claim(out, c, doc_index);
    }
    out.push_str("</ol>\n</section>\n");
}

/// The quote with its number in `<mark>`. The claim's span is cut out of the
/// quote by byte offsets, checked with `get` so a span that is not on a
/// char boundary (or lies outside the quote) cannot panic; then the number
/// is looked up in the quote; failing both, it is shown after the quote.
pub fn marked_quote(c: &Claim) -> String {
    let rel_start = c.start.checked_sub(c.quote_start);
    let rel_end = c.end.checked_sub(c.quote_start);
    if let (Some(s), Some(e)) = (rel_start, rel_end)
        && let (Some(before), Some(num), Some(after)) =
            (c.quote.get(..s), c.quote.get(s..e), c.quote.get(e..))
        && !num.is_empty()
    {
        return format!(
            "{}<mark>{}</mark>{}",
            escape(before),
            escape(num),
            escape(after)
        );
    }
    if !c.number.is_empty()
        && let Some((before, after)) = c.quote.split_once(c.number.as_str())
    {
        return format!(
            "{}<mark>{}</mark>{}",
            escape(before),
            escape(&c.number),
            escape(after)
        );
    }
    format!("{} (<mark>{}</mark>)", escape(&c.quote), escape(&c.number))
}

fn claim(out: &mut String, c: &Claim, doc_index: &HashMap<&str, usize>) {
    let who = c
        .outlet
        .as_deref()
        .unwrap_or_else(|| crate::reconcile::source_name(&c.doc));
    let date = c
        .published
        .map_or_else(|| "undated".to_string(), |d| d.to_string());
    let place = format!("{}:{}:{}", c.doc, c.line, c.column);
    let link = match doc_index.get(c.doc.as_str()) {
        Some(n) => format!("<a href=\"#doc-{n}\">{}</a>", escape(&place)),
        None => escape(&place),
    };
    let mut extra = vec![escape(&crate::reconcile::fmt_value(
        c.low,
        c.high,
        c.qualifier,
    ))];
    if let Some(s) = &c.speaker {
        extra.push(format!("said by {}", escape(s)));
    }
    if !c.hedges.is_empty() {
        extra.push(escape(&c.hedges.join(", ")));
    }
    if c.in_comments {
        extra.push("from reader comments".into());
    }
    let _ = writeln!(
        out,
        "<li class=\"claim\"><blockquote><p>{}</p></blockquote><p class=\"cite\">— <span class=\"outlet\">{}</span>, <time>{}</time> · {} · {}</p></li>",
        marked_quote(c),
        escape(who),
        date,
        extra.join(" · "),
        link
    );
}

/// The intersection of the sources' ranges, if any.
fn agreed(g: &Group) -> Option<(f64, f64)> {
    let mut lo = f64::NEG_INFINITY;
    let mut hi = f64::INFINITY;
    for s in &g.sources {
        let (l, h) = s.qualifier.closed_bounds(s.low, s.high);
        lo = lo.max(l);
        hi = hi.min(h);
    }
    (!g.sources.is_empty() && lo <= hi).then_some((lo, hi))
}

/// The smallest 1, 2, 2.5, 5 × 10^k at or above `v`.
fn nice_ceil(v: f64) -> f64 {
    if v.is_nan() || v <= 0.0 || !v.is_finite() {
        return 1.0;
    }
    let exp = v.log10().floor();
    let base = 10f64.powf(exp);
    for m in [1.0, 2.0, 2.5, 5.0, 10.0] {
        if m * base >= v - 1e-9 {
            return m * base;
        }
    }
    10.0 * base
}

fn short(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    // Keep the end: file names differ at the end, outlets rarely run long.
    let tail: String = s
        .chars()
        .rev()
        .take(max - 1)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    format!("…{tail}")
}

const WIDTH: f64 = 860.0;
const LABEL_W: f64 = 250.0;
const AXIS_X0: f64 = 260.0;
const AXIS_X1: f64 = 700.0;
const VALUE_X: f64 = 712.0;
const ROW_H: f64 = 30.0;
const TOP: f64 = 8.0;
/// More ticks than an axis ever has (`max / step` is at most 5, give or
/// take rounding).
const MAX_TICKS: u32 = 12;

fn chart(out: &mut String, n: usize, g: &Group) {
    let finite_max = g
        .sources
        .iter()
        .flat_map(|s| {
            let approx = if s.qualifier == Qualifier::Approx {
                1.0 + APPROX_TOLERANCE
            } else {
                1.0
            };
            [s.low, s.high.map(|h| h * approx)]
        })
        .flatten()
        .filter(|v| v.is_finite())
        .fold(0.0f64, f64::max);
    let open = g.sources.iter().any(|s| s.high.is_none());
    // Leave room to the right of the largest stated figure when a claim is
    // open-ended, so its arrow visibly runs on.
    let max = nice_ceil(if open { finite_max * 1.25 } else { finite_max });
    let x = |v: f64| AXIS_X0 + (v.clamp(0.0, max) / max) * (AXIS_X1 - AXIS_X0);
    let rows = g.sources.len().max(1) as f64;
    let plot_bottom = TOP + rows * ROW_H;
    let height = plot_bottom + 34.0;
    let status = g.status.as_str();
    let title = format!("{}: {} by source", g.figure(), g.category);
    let _ = writeln!(
        out,
        "<figure class=\"chart\">\n<svg class=\"chart {status}\" viewBox=\"0 0 {WIDTH} {height}\" width=\"{WIDTH}\" height=\"{height}\" role=\"img\" aria-labelledby=\"chart-{n}-title chart-{n}-desc\">"
    );
    let _ = writeln!(
        out,
        "<title id=\"chart-{n}-title\">{}</title>",
        escape(&title)
    );
    let desc: Vec<String> = g
        .sources
        .iter()
        .map(|s| format!("{}: {}", s.name, s.display()))
        .collect();
    let _ = writeln!(
        out,
        "<desc id=\"chart-{n}-desc\">{}</desc>",
        escape(&desc.join("; "))
    );
    // Ticks and grid.
    let integral = g
        .sources
        .iter()
        .flat_map(|s| [s.low, s.high])
        .flatten()
        .all(|v| v.fract() == 0.0);
    let mut step = nice_ceil(max / 5.0);
    if integral {
        step = step.max(1.0);
    }
    out.push_str("<g class=\"ticks\">");
    // `step` is at least a fifth of `max`: a handful of ticks. The bound
    // keeps a figure too small for the rounding below (1e-9) from looping.
    for k in 0..=MAX_TICKS {
        // Rounded so that 3 × 0.2 is written 0.6.
        let raw = f64::from(k) * step;
        let t = if step >= 1e-6 {
            (raw * 1e6).round() / 1e6
        } else {
            raw
        };
        if t > max + (max * 1e-9).min(1e-9) {
            break;
        }
        let tx = x(t);
        let _ = write!(
            out,
            "<g class=\"tick\"><line x1=\"{tx:.1}\" y1=\"{TOP}\" x2=\"{tx:.1}\" y2=\"{plot_bottom}\"/><text x=\"{tx:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text></g>",
            plot_bottom + 16.0,
            number(Some(t))
        );
    }
    out.push_str("</g>\n");
    // The agreed range, shaded across every row.
    if g.sources.len() > 1
        && let Some((lo, hi)) = agreed(g)
    {
        let x0 = x(lo);
        let x1 = if hi.is_finite() { x(hi) } else { AXIS_X1 };
        let (x0, w) = if x1 - x0 < 4.0 {
            ((x0 + x1) / 2.0 - 2.0, 4.0)
        } else {
            (x0, x1 - x0)
        };
        let what = if hi.is_finite() {
            if (hi - lo).abs() < 1e-6 {
                format!("every source allows {}", number(Some(lo.round())))
            } else {
                format!(
                    "every source allows {}–{}",
                    number(Some(lo.ceil())),
                    number(Some(hi.floor()))
                )
            }
        } else {
            format!("every source allows {} or more", number(Some(lo.ceil())))
        };
        let _ = writeln!(
            out,
            "<rect class=\"agreed\" x=\"{x0:.1}\" y=\"{TOP}\" width=\"{w:.1}\" height=\"{:.1}\"><title>agreed range: {}</title></rect>",
            rows * ROW_H,
            escape(&what)
        );
    }
    // Axis line.
    let _ = writeln!(
        out,
        "<line class=\"axis\" x1=\"{AXIS_X0}\" y1=\"{plot_bottom}\" x2=\"{AXIS_X1}\" y2=\"{plot_bottom}\"/>"
    );
    // Best estimate.
    if let Some(best) = g.best {
        let bx = x(best);
        let _ = writeln!(
            out,
            "<line class=\"best\" x1=\"{bx:.1}\" y1=\"{:.1}\" x2=\"{bx:.1}\" y2=\"{plot_bottom}\"><title>best estimate: {}</title></line>",
            TOP - 4.0,
            number(Some(best))
        );
    }
    // One row per source.
    for (i, s) in g.sources.iter().enumerate() {
        let cy = TOP + ROW_H * (i as f64 + 0.5);
        let hedged = if s.hedges.is_empty() { "" } else { " hedged" };
        let date = s
            .published
            .map_or_else(|| "undated".to_string(), |d| d.to_string());
        let mut tip = format!("{} ({}): {}", s.name, date, s.display());
        if !s.hedges.is_empty() {
            tip.push_str(&format!(" [{}]", s.hedges.join(", ")));
        }
        tip.push_str(&super::copies_note(s, true));
        let _ = write!(
            out,
            "<g class=\"source{hedged}\" data-source=\"{}\"><title>{}</title>",
            escape(&s.source),
            escape(&tip)
        );
        // the hedge beside the date, left of the axis, where a long label
        // has room (after the value it ran off the chart's right edge)
        let date = if s.hedges.is_empty() {
            date
        } else {
            format!("{date} · {}", s.hedges.join(", "))
        };
        let _ = write!(
            out,
            "<text class=\"label\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text><text class=\"date\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            LABEL_W,
            cy - 1.0,
            escape(&short(&s.name, 36)),
            LABEL_W,
            cy + 11.0,
            escape(&date)
        );
        mark(out, s, cy, max, &x);
        let value = s.display();
        let _ = writeln!(
            out,
            "<text class=\"value\" x=\"{VALUE_X}\" y=\"{:.1}\">{}</text></g>",
            cy + 4.0,
            escape(&value)
        );
    }
    out.push_str("</svg>\n");
    let agreement = match (g.status, agreed(g)) {
        (Status::Conflict, _) => "No value satisfies every source: they conflict.".to_string(),
        (_, Some(_)) if g.sources.len() > 1 => {
            "The shaded band is the range every source allows.".to_string()
        }
        _ => String::new(),
    };
    let _ = writeln!(
        out,
        "<figcaption>{} figure as each independent source states it, on a scale from 0 to {}. Dot: a figure; bar: a range; arrow: open-ended (hollow dot: “more than”, excluded); dashed line: best estimate. {}</figcaption>\n</figure>",
        escape(&match &g.subject {
            Some(subject) => format!("The {} of {subject}", g.category),
            None => match &g.population {
                Some(population) => format!("The {population} {}", g.category),
                None => format!("The {}", g.category),
            },
        }),
        number(Some(max)),
        agreement
    );
}

/// The mark of one statement on its row.
fn mark(out: &mut String, s: &SourceValue, cy: f64, max: f64, x: &impl Fn(f64) -> f64) {
    let r = 5.0;
    let arrow = |out: &mut String, from: f64| {
        let end = AXIS_X1;
        let _ = write!(
            out,
            "<line class=\"bar\" x1=\"{from:.1}\" y1=\"{cy:.1}\" x2=\"{:.1}\" y2=\"{cy:.1}\"/><path class=\"mark arrow\" d=\"M{end:.1},{cy:.1} l-9,-5 v10 z\"/>",
            end - 6.0
        );
    };
    match (s.low, s.high, s.qualifier) {
        (Some(l), None, q) => {
            let lx = x(l);
            arrow(out, lx);
            let class = if q == Qualifier::MoreThan {
                "open"
            } else {
                "mark"
            };
            let _ = write!(
                out,
                "<circle class=\"{class}\" cx=\"{lx:.1}\" cy=\"{cy:.1}\" r=\"{r}\"/>"
            );
        }
        (low, Some(h), Qualifier::AtMost | Qualifier::LessThan) => {
            let lx = x(low.unwrap_or(0.0));
            let hx = x(h);
            let class = if s.qualifier == Qualifier::LessThan {
                "open"
            } else {
                "mark"
            };
            let _ = write!(
                out,
                "<line class=\"bar\" x1=\"{lx:.1}\" y1=\"{cy:.1}\" x2=\"{hx:.1}\" y2=\"{cy:.1}\"/><circle class=\"{class}\" cx=\"{hx:.1}\" cy=\"{cy:.1}\" r=\"{r}\"/>"
            );
        }
        (Some(l), Some(h), Qualifier::Approx) => {
            let (lo, hi) = s.qualifier.closed_bounds(s.low, s.high);
            let x0 = x(lo);
            let x1 = x(hi.min(max));
            let _ = write!(
                out,
                "<rect class=\"band\" x=\"{x0:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"12\" rx=\"3\"/><circle class=\"mark\" cx=\"{:.1}\" cy=\"{cy:.1}\" r=\"{r}\"/>",
                cy - 6.0,
                (x1 - x0).max(1.0),
                x((l + h) / 2.0)
            );
        }
        (Some(l), Some(h), _) if h > l => {
            let (lx, hx) = (x(l), x(h));
            let _ = write!(
                out,
                "<line class=\"bar\" x1=\"{lx:.1}\" y1=\"{cy:.1}\" x2=\"{hx:.1}\" y2=\"{cy:.1}\"/><line class=\"bar\" x1=\"{lx:.1}\" y1=\"{:.1}\" x2=\"{lx:.1}\" y2=\"{:.1}\"/><line class=\"bar\" x1=\"{hx:.1}\" y1=\"{:.1}\" x2=\"{hx:.1}\" y2=\"{:.1}\"/>",
                cy - 6.0,
                cy + 6.0,
                cy - 6.0,
                cy + 6.0
            );
        }
        (Some(l), _, _) => {
            let _ = write!(
                out,
                "<circle class=\"mark\" cx=\"{:.1}\" cy=\"{cy:.1}\" r=\"{r}\"/>",
                x(l)
            );
        }
        (None, Some(h), _) => {
            let _ = write!(
                out,
                "<circle class=\"mark\" cx=\"{:.1}\" cy=\"{cy:.1}\" r=\"{r}\"/>",
                x(h)
            );
        }
        (None, None, _) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_maxima() {
        assert_eq!(nice_ceil(13.0), 20.0);
        assert_eq!(nice_ceil(10.0), 10.0);
        assert_eq!(nice_ceil(2.2), 2.5);
        assert_eq!(nice_ceil(0.0), 1.0);
        assert_eq!(nice_ceil(8125.0), 10000.0);
    }

    #[test]
    fn tiny_and_huge_figures_chart_in_a_few_ticks() {
        for v in [1e-300, 3e-9, 0.2, 6.0, 1e300, f64::MAX] {
            let g = Group {
                event: "e".into(),
                category: "killed".into(),
                party: None,
                population: None,
                subject: None,
                status: Status::SingleSource,
                low: Some(v),
                best: Some(v),
                high: Some(v),
                independent_sources: 1,
                sources: vec![SourceValue {
                    basis: crate::reconcile::Basis::Stated,
                    name: "s".into(),
                    source: "s".into(),
                    documents: vec!["d".into()],
                    outlet: None,
                    published: None,
                    low: Some(v),
                    high: Some(v),
                    qualifier: Qualifier::Exact,
                    number: v.to_string(),
                    hedges: Vec::new(),
                    speaker: None,
                    copies: Vec::new(),
                    victims: None,
                    perpetrators: None,
                }],
                claims: Vec::new(),
                notes: Vec::new(),
            };
            let mut out = String::new();
            chart(&mut out, 1, &g);
            let ticks = out.matches("class=\"tick\"").count();
            assert!(
                (1..=MAX_TICKS as usize + 1).contains(&ticks),
                "{v}: {ticks} ticks"
            );
        }
    }

    #[test]
    fn escapes() {
        assert_eq!(
            escape("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
    }
}
