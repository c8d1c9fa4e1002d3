//! Embedding recount in a Rust program: read a folder of articles, run the
//! pipeline, and print the figures the sources disagree about — for each,
//! every independent source's value and outlet.
//!
//! ```sh
//! cargo run --example embed                   # examples/articles
//! cargo run --example embed -- path/to/folder
//! ```
//!
//! Exit status: 0 read (conflicts or not), 2 an input could not be read.

use recount::{Outcome, Pipeline, ReadOptions, Status, read_inputs};
use std::fmt::Write as _;
use std::process::ExitCode;

/// The folder read when none is given.
pub const DEFAULT_FOLDER: &str = "examples/articles";

/// Reads every article under `folder` (files, subfolders; text, HTML or JSON
/// Lines) and reconciles them with the built-in rules.
pub fn reconcile_folder(folder: &str) -> Outcome {
    let pipeline = Pipeline::with_default_rules();
    // The iterator borrows its arguments: keep them alive while it runs.
    let inputs = [folder.to_string()];
    let options = ReadOptions::default();
    let items = read_inputs(&inputs, &options);
    pipeline.run(items, |_progress| {})
}

/// The conflicting groups, one block each: the figure, then one line per
/// independent source with its value, its outlet and its documents.
pub fn conflicts(outcome: &Outcome) -> String {
    let rec = &outcome.reconciliation;
    let mut out = String::new();
    for group in rec.groups.iter().filter(|g| g.status == Status::Conflict) {
        let _ = writeln!(out, "{}", group.figure());
        for source in &group.sources {
            let outlet = source.outlet.as_deref().unwrap_or("outlet not named");
            let date = source
                .published
                .map_or_else(|| "undated".to_string(), |d| d.to_string());
            let _ = writeln!(
                out,
                "  {:<12} {outlet} ({date}; {})",
                source.display(),
                source.documents.join(", ")
            );
        }
    }
    let read = rec.documents.iter().filter(|d| d.skipped.is_none()).count();
    let _ = writeln!(
        out,
        "{} conflicting figures in {} groups from {read} documents",
        rec.conflicts(),
        rec.groups.len()
    );
    out
}

fn main() -> ExitCode {
    let folder = std::env::args()
        .nth(1)
        .unwrap_or_else(|| DEFAULT_FOLDER.to_string());
    let outcome = reconcile_folder(&folder);
    for p in &outcome.problems {
        eprintln!("embed: {:?}: {}: {}", p.severity, p.location, p.message);
    }
    print!("{}", conflicts(&outcome));
    if outcome.had_trouble() {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}
