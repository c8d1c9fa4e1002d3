//! The output the documentation shows is the output recount gives. A
//! fenced block whose info string names the command that prints it,
//!
//! ````text
//! ```text output="recount report examples/articles"
//! …what the command prints…
//! ```
//! ````
//!
//! is compared with that command's standard output, run from the
//! repository root with the binary this test was built with, `NO_COLOR=1`
//! and `COLUMNS=100` (or `columns=N` in the info string). Lines are
//! compared without trailing spaces. A command may pipe or redirect (it
//! runs under `sh -c`); one that reads `../shared` is skipped, with a note,
//! when that folder is absent.
//!
//! To refresh every such block after a deliberate change of output:
//! `RECOUNT_BLESS=1 cargo test --test docs_outputs`, then read the diff.

use regex::Regex;
use std::path::{Path, PathBuf};
use std::process::Command;

mod common;

const MANIFEST: &str = env!("CARGO_MANIFEST_DIR");
const BIN: &str = env!("CARGO_BIN_EXE_recount");

/// One block that shows a command's output.
struct Shown {
    file: PathBuf,
    /// Line numbers (1-based) of the opening fence and of the closing one.
    open: usize,
    close: usize,
    command: String,
    columns: u16,
    body: Vec<String>,
}

fn documents() -> Vec<PathBuf> {
    let root = Path::new(MANIFEST);
    let mut files = vec![root.join("README.md")];
    let mut docs: Vec<PathBuf> = std::fs::read_dir(root.join("docs"))
        .expect("docs/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    docs.sort();
    files.extend(docs);
    files
}

fn shown_blocks(file: &Path, text: &str) -> Vec<Shown> {
    let output = Regex::new(r#"output="([^"]+)""#).expect("regex");
    let columns = Regex::new(r"columns=(\d+)").expect("regex");
    let mut out = Vec::new();
    let mut open: Option<(String, Shown)> = None;
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        match &mut open {
            None => {
                let Some(rest) = trimmed.strip_prefix("```") else {
                    continue;
                };
                let fence = 3 + rest.chars().take_while(|&c| c == '`').count();
                let info = rest.trim_start_matches('`');
                if let Some(c) = output.captures(info) {
                    open = Some((
                        "`".repeat(fence),
                        Shown {
                            file: file.to_path_buf(),
                            open: i + 1,
                            close: 0,
                            command: c[1].to_string(),
                            columns: columns
                                .captures(info)
                                .and_then(|c| c[1].parse().ok())
                                .unwrap_or(100),
                            body: Vec::new(),
                        },
                    ));
                } else {
                    // some other block: skip to its end
                    open = Some((
                        "`".repeat(fence),
                        Shown {
                            file: file.to_path_buf(),
                            open: 0,
                            close: 0,
                            command: String::new(),
                            columns: 0,
                            body: Vec::new(),
                        },
                    ));
                }
            }
            Some((fence, shown)) => {
                if trimmed.starts_with(fence.as_str()) && trimmed.trim_matches('`').is_empty() {
                    let (_, mut shown) = open.take().expect("open block");
                    if shown.open > 0 {
                        shown.close = i + 1;
                        out.push(shown);
                    }
                } else {
                    shown.body.push(line.trim_end().to_string());
                }
            }
        }
    }
    out
}

/// The command's standard output, lines without trailing spaces; `None`
/// when it needs `../shared` and that is absent.
fn run(shown: &Shown) -> Option<Vec<String>> {
    let root = Path::new(MANIFEST);
    if shown.command.contains("../shared") {
        let what = format!(
            "the output shown at {}:{}",
            shown.file.display(),
            shown.open
        );
        common::shared(".", &what)?;
    }
    let bin_dir = Path::new(BIN).parent().expect("binary's folder");
    let path = std::env::var_os("PATH").unwrap_or_default();
    let mut paths = vec![bin_dir.to_path_buf()];
    paths.extend(std::env::split_paths(&path));
    let out = Command::new("sh")
        .arg("-c")
        .arg(&shown.command)
        .current_dir(root)
        .env("PATH", std::env::join_paths(paths).expect("PATH"))
        .env("NO_COLOR", "1")
        .env("COLUMNS", shown.columns.to_string())
        .output()
        .expect("sh runs");
    assert!(
        out.status.code().is_some_and(|c| c <= 2),
        "{}:{}: `{}` failed: {:?}\n{}",
        shown.file.display(),
        shown.open,
        shown.command,
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    Some(
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| l.trim_end().to_string())
            .collect(),
    )
}

#[test]
fn shown_output_is_the_real_output() {
    let bless = std::env::var_os("RECOUNT_BLESS").is_some();
    let mut stale = Vec::new();
    let mut checked = 0;
    for file in documents() {
        let text = std::fs::read_to_string(&file).expect("read doc");
        let blocks = shown_blocks(&file, &text);
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        // from the last block up, so that earlier line numbers hold
        let mut changed = false;
        for shown in blocks.iter().rev() {
            let Some(real) = run(shown) else { continue };
            checked += 1;
            if real == shown.body {
                continue;
            }
            if bless {
                lines.splice(shown.open..shown.close - 1, real);
                changed = true;
                continue;
            }
            let at = real
                .iter()
                .zip(&shown.body)
                .position(|(a, b)| a != b)
                .unwrap_or(real.len().min(shown.body.len()));
            stale.push(format!(
                "{}:{}: `{}` prints other output (first difference at line {} of the block):\n  shown: {:?}\n  real:  {:?}",
                shown.file.display(),
                shown.open,
                shown.command,
                at + 1,
                shown.body.get(at),
                real.get(at)
            ));
        }
        if changed {
            let mut new = lines.join("\n");
            new.push('\n');
            std::fs::write(&file, new).expect("write doc");
        }
    }
    assert!(checked > 0, "no output block was checked");
    assert!(
        stale.is_empty(),
        "{} stale output block(s); refresh with RECOUNT_BLESS=1 cargo test --test docs_outputs and read the diff:\n{}",
        stale.len(),
        stale.join("\n")
    );
}
