//! The commands in the documentation run. Every ```sh block of README.md and
//! docs/*.md is read; each line that runs recount is run with the binary
//! this test was built with, so the docs cannot drift from the program.
//!
//! * Commands are written as they run from the repository root:
//!   `cargo run --quiet -- ARGS` (any `cargo run [FLAGS] --` form) and a
//!   bare `recount ARGS` both become the built binary
//!   (`CARGO_BIN_EXE_recount`, put first on `PATH` as `recount`). Pipes and
//!   redirections work: each line goes to `sh -c`.
//! * They run in a mirror of the repository root: a temporary folder whose
//!   entries are symlinks to the repository's (and `../shared` beside it),
//!   so `-o report.html` or `> report.md` do not write into the checkout.
//! * A block fenced as ```` ```toml file=NAME ```` (any language) is a file
//!   the text asks the reader to save: it is written to NAME in the mirror
//!   before the commands after it run.
//! * The exit status must be 0 or 1 (no conflict / a conflict), or exactly
//!   N where the line ends with a comment saying `exit N` / `exits N` /
//!   `exit status N`. A signal or a panic is a failure.
//! * Files a command names (arguments with a `/` or a known extension,
//!   except output targets) must exist.
//! * Lines that are not recount commands (`cargo test`, `bench/…` scripts)
//!   are listed and skipped; commands that need `../shared` are skipped,
//!   with a note, when it is absent.
//! * Illustrations that cannot run here (placeholder inputs such as a
//!   shard of someone's corpus) are skipped when their block is fenced
//!   ```` ```sh no-run ````, when the line ends with a `# not run` comment,
//!   or when they are listed in [`PLACEHOLDERS`] below.

use regex::Regex;
use std::path::{Path, PathBuf};
use std::process::Command;

mod common;

const MANIFEST: &str = env!("CARGO_MANIFEST_DIR");
const BIN: &str = env!("CARGO_BIN_EXE_recount");

/// Documented commands that stand for the reader's own data and so cannot
/// run here: (doc, start of the command, why).
const PLACEHOLDERS: &[(&str, &str, &str)] = &[(
    "docs/scaling.md",
    "recount extract -q --with-documents shard-0001.jsonl",
    "shard-0001.jsonl stands for a shard of the reader's corpus",
)];

/// A fenced block: its file, the line of its opening fence, info string, body.
struct Block {
    file: String,
    line: usize,
    info: String,
    body: Vec<(usize, String)>,
}

fn blocks(file: &str, text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut open: Option<(String, Block)> = None;
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        match &mut open {
            None => {
                if let Some(rest) = trimmed.strip_prefix("```") {
                    let fence_len = 3 + rest.chars().take_while(|&c| c == '`').count();
                    open = Some((
                        "`".repeat(fence_len),
                        Block {
                            file: file.to_string(),
                            line: i + 1,
                            info: rest.trim_start_matches('`').trim().to_string(),
                            body: Vec::new(),
                        },
                    ));
                }
            }
            Some((fence, block)) => {
                if trimmed.starts_with(fence.as_str()) && trimmed.trim_matches('`').is_empty() {
                    out.push(open.take().expect("open block").1);
                } else {
                    block.body.push((i + 1, line.to_string()));
                }
            }
        }
    }
    assert!(open.is_none(), "{file}: unclosed code fence");
    out
}

/// Command lines of an sh block: `\` continuations joined, comments and
/// blank lines dropped. A line's trailing comment is kept (it may state the
/// expected exit status).
fn commands(block: &Block) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut pending: Option<(usize, String)> = None;
    for (n, line) in &block.body {
        let (start, mut text) = match pending.take() {
            Some((s, mut t)) => {
                t.push(' ');
                t.push_str(line.trim());
                (s, t)
            }
            None => (*n, line.trim().to_string()),
        };
        if text.ends_with('\\') {
            text.pop();
            pending = Some((start, text));
            continue;
        }
        if text.is_empty() || text.starts_with('#') {
            continue;
        }
        // A prompt, if a doc ever writes one.
        let text = text.strip_prefix("$ ").unwrap_or(&text).to_string();
        out.push((start, text));
    }
    out
}

/// The repository root mirrored in a temporary folder, `../shared` beside it.
fn mirror() -> (PathBuf, PathBuf) {
    let base = std::env::temp_dir().join(format!("recount-docs-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&base);
    let root = base.join("main");
    let bin = base.join("bin");
    std::fs::create_dir_all(&root).expect("mirror");
    std::fs::create_dir_all(&bin).expect("bin");
    for entry in std::fs::read_dir(MANIFEST).expect("repository root") {
        let entry = entry.expect("entry");
        let name = entry.file_name();
        if name == "target" || name == ".git" {
            continue;
        }
        std::os::unix::fs::symlink(entry.path(), root.join(&name)).expect("symlink");
    }
    let shared = Path::new(MANIFEST).join("../shared");
    if shared.is_dir() {
        std::os::unix::fs::symlink(&shared, base.join("shared")).expect("symlink shared");
    }
    std::os::unix::fs::symlink(BIN, bin.join("recount")).expect("symlink binary");
    (root, bin)
}

/// Arguments that name files the command reads.
fn referenced_files(command: &str) -> Vec<String> {
    let ext = Regex::new(r"\.(txt|toml|jsonl|ndjson|csv|html|htm|md|json)$").unwrap();
    let mut out = Vec::new();
    let mut prev = "";
    let mut in_quote = false;
    for tok in command.split_whitespace() {
        if tok.starts_with('#') && !in_quote {
            break;
        }
        let quotes = tok.matches(['\'', '"']).count();
        let quoted = in_quote || quotes > 0;
        if quotes % 2 == 1 {
            in_quote = !in_quote;
        }
        let output = matches!(prev, "-o" | "--output" | ">" | ">>");
        prev = tok;
        if quoted || output || tok.starts_with('-') || tok.contains('=') || tok.starts_with('>') {
            continue;
        }
        if tok.contains('/') || ext.is_match(tok) {
            out.push(tok.to_string());
        }
    }
    out
}

#[test]
fn documented_commands_run() {
    let mut files = vec![Path::new(MANIFEST).join("README.md")];
    let mut docs: Vec<PathBuf> = std::fs::read_dir(Path::new(MANIFEST).join("docs"))
        .expect("docs/")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    docs.sort();
    files.extend(docs);

    let (root, bin) = mirror();
    let shared = common::shared(".", "the documented commands that read ../shared").is_some();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let cargo_run = Regex::new(r"\bcargo\s+run(\s+--?[A-Za-z][\w-]*(=\S+)?)*\s+--\s").unwrap();
    let expect = Regex::new(r"#.*\bexit(?:s| status)?\s+(\d)\b").unwrap();
    let file_info = Regex::new(r"\bfile=(\S+)").unwrap();
    let runs_recount = Regex::new(r"(^|[|;&(]\s*)recount\s").unwrap();

    let mut ran = 0;
    let mut skipped = Vec::new();
    let mut failures = Vec::new();
    for file in &files {
        let rel = file
            .strip_prefix(MANIFEST)
            .unwrap_or(file)
            .display()
            .to_string();
        let text = std::fs::read_to_string(file).expect("read doc");
        for block in blocks(&rel, &text) {
            if let Some(name) = file_info.captures(&block.info) {
                let body: String = block.body.iter().map(|(_, l)| format!("{l}\n")).collect();
                std::fs::write(root.join(&name[1]), body).expect("write doc file");
                eprintln!("file {}:{}: wrote {}", block.file, block.line, &name[1]);
                continue;
            }
            let mut info = block.info.split_whitespace();
            if info.next() != Some("sh") {
                continue;
            }
            let no_run = info.any(|w| w == "no-run");
            for (line, command) in commands(&block) {
                let at = format!("{}:{line}", block.file);
                let command = cargo_run.replace_all(&command, "recount ").to_string();
                if !runs_recount.is_match(&command) {
                    skipped.push(format!("{at}: not a recount command: {command}"));
                    continue;
                }
                if no_run || command.contains("# not run") {
                    skipped.push(format!("{at}: marked not to run: {command}"));
                    continue;
                }
                if let Some((_, _, why)) = PLACEHOLDERS
                    .iter()
                    .find(|(doc, start, _)| *doc == block.file && command.starts_with(start))
                {
                    skipped.push(format!("{at}: placeholder input ({why}): {command}"));
                    continue;
                }
                if command.contains("../shared") && !shared {
                    skipped.push(format!("{at}: needs ../shared (absent): {command}"));
                    continue;
                }
                for f in referenced_files(&command) {
                    if !root.join(&f).exists() {
                        failures.push(format!(
                            "{at}: {command}\n    names {f}, which does not exist"
                        ));
                    }
                }
                let wanted: Vec<i32> = match expect.captures(&command) {
                    Some(c) => vec![c[1].parse().unwrap()],
                    None => vec![0, 1],
                };
                let out = Command::new("sh")
                    .arg("-c")
                    .arg(&command)
                    .current_dir(&root)
                    .env("PATH", &path)
                    .env("NO_COLOR", "1")
                    .env_remove("COLUMNS")
                    .output()
                    .expect("run sh");
                ran += 1;
                let stderr = String::from_utf8_lossy(&out.stderr);
                match out.status.code() {
                    Some(code) if wanted.contains(&code) && !stderr.contains("panicked") => {
                        eprintln!("ok   {at}: {command} (exit {code})");
                    }
                    code => failures.push(format!(
                        "{at}: {command}\n    exit {code:?}, wanted {wanted:?}\n    stderr: {}",
                        stderr.trim()
                    )),
                }
            }
        }
    }
    for s in &skipped {
        eprintln!("skip {s}");
    }
    let _ = std::fs::remove_dir_all(root.parent().expect("base"));
    assert!(
        failures.is_empty(),
        "documented commands failed:\n{}",
        failures.join("\n")
    );
    assert!(ran >= 10, "only {ran} documented commands found");
}

#[test]
fn referenced_files_are_found() {
    assert_eq!(
        referenced_files(
            "recount report --rules sudan.toml -o out.html examples/articles # exit 1"
        ),
        ["sudan.toml", "examples/articles"]
    );
    assert_eq!(
        referenced_files("echo 'at least 12 people/day' | recount numbers - > x.txt"),
        Vec::<String>::new()
    );
}
