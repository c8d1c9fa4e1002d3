//! Every way of embedding recount that `docs/embedding.md` shows, run: the
//! Rust example (its code, and its binary when built), the Python
//! co-process and the shell pipelines with jq. (The guide's Rust block is a
//! doc-test of the crate.)

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

#[path = "../examples/embed.rs"]
#[allow(dead_code)]
mod embed;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn bin_dir() -> PathBuf {
    Path::new(env!("CARGO_BIN_EXE_recount"))
        .parent()
        .expect("the binary's folder")
        .to_path_buf()
}

/// PATH with the freshly built `recount` first.
fn path_with_recount() -> std::ffi::OsString {
    let mut dirs = vec![bin_dir()];
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    std::env::join_paths(dirs).expect("PATH")
}

fn has(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

fn text(o: &[u8]) -> String {
    String::from_utf8_lossy(o).into_owned()
}

/// The fenced code blocks of `docs/embedding.md` in one language.
fn guide_blocks(lang: &str) -> Vec<String> {
    let guide = std::fs::read_to_string(root().join("docs/embedding.md")).expect("the guide");
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in guide.lines() {
        match &mut current {
            None if line.trim_end() == format!("```{lang}") => current = Some(String::new()),
            Some(block) if line.trim_end() == "```" => {
                blocks.push(std::mem::take(block));
                current = None;
            }
            Some(block) => {
                block.push_str(line);
                block.push('\n');
            }
            None => {}
        }
    }
    blocks
}

fn bash(script: &str) -> Output {
    Command::new("bash")
        .args(["-c", script])
        .current_dir(root())
        .env("PATH", path_with_recount())
        .env("NO_COLOR", "1")
        .output()
        .expect("run bash")
}

// ---------------------------------------------------------------------------
// Rust: examples/embed.rs

#[test]
fn embed_example_prints_each_conflict_with_its_sources() {
    let outcome = embed::reconcile_folder(embed::DEFAULT_FOLDER);
    assert!(outcome.problems.is_empty(), "{:?}", outcome.problems);
    let out = embed::conflicts(&outcome);
    // the incident, named by the place its documents name (no gazetteer
    // knows Marlow Junction) and the day of the derailment, a Saturday
    let killed = "Marlow Junction · 2 Mar 2024 · any side · people · killed\n";
    assert!(out.contains(killed), "{out}");
    let block = &out[out.find(killed).unwrap() + killed.len()..];
    let lines: Vec<&str> = block.lines().take(3).collect();
    assert_eq!(
        lines[..2],
        [
            "  at least 9   outlet not named (2024-03-02; examples/articles/01-wire-2024-03-02.txt)",
            "  14           National Radio News (2024-03-03; examples/articles/03-national-radio-2024-03-03.txt)",
        ],
        "{out}"
    );
    // the aggregator's repost may or may not state the figure too
    assert!(
        lines[2].starts_with(
            "  12           outlet not named (2024-03-03; examples/articles/02-valley-herald-2024-03-03.txt"
        ),
        "{out}"
    );
    // only conflicts are listed: the agreed 2019 figure is not
    assert!(!out.contains("2019"), "{out}");
    assert!(
        out.ends_with(&format!(
            "{} conflicting figures in {} groups from 4 documents\n",
            outcome.reconciliation.conflicts(),
            outcome.reconciliation.groups.len()
        )),
        "{out}"
    );
}

#[test]
fn embed_example_reports_a_missing_folder_as_trouble() {
    let outcome = embed::reconcile_folder("no/such/folder");
    assert!(outcome.had_trouble());
    assert_eq!(outcome.problems[0].location, "no/such/folder");
    assert!(embed::conflicts(&outcome).starts_with("0 conflicting figures in 0 groups"));
}

/// `cargo test` builds the examples too; when the binary is there, it must
/// print what its code computes. (`cargo test --test embedding` alone does
/// not build it, and this test then says so and passes.)
#[test]
fn embed_example_binary_when_built() {
    let exe = bin_dir()
        .join("examples")
        .join(format!("embed{}", std::env::consts::EXE_SUFFIX));
    if !exe.exists() {
        eprintln!(
            "skipped: {} not built (cargo test --examples builds it)",
            exe.display()
        );
        return;
    }
    let out = Command::new(&exe)
        .current_dir(root())
        .output()
        .expect("run embed");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let expected = embed::conflicts(&embed::reconcile_folder(embed::DEFAULT_FOLDER));
    assert_eq!(text(&out.stdout), expected);

    let out = Command::new(&exe)
        .arg("no/such/folder")
        .current_dir(root())
        .output()
        .expect("run embed");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("no/such/folder"));
}

// ---------------------------------------------------------------------------
// Python: examples/coprocess.py

#[test]
fn guide_python_is_the_script() {
    let script = std::fs::read_to_string(root().join("examples/coprocess.py")).expect("script");
    let blocks = guide_blocks("python");
    assert!(!blocks.is_empty(), "the guide has no python block");
    for block in blocks {
        assert!(
            script.contains(&block),
            "docs/embedding.md shows Python that examples/coprocess.py does not have:\n{block}"
        );
    }
}

#[test]
fn python_coprocess_answers_document_by_document() {
    if !has("python3") {
        eprintln!("skipped: no python3");
        return;
    }
    let dir = std::env::temp_dir().join(format!("recount-coprocess-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let none = dir.join("no-claims.txt");
    std::fs::write(&none, "The weather was fine on Monday.\n").expect("write");
    let out = Command::new("python3")
        .arg("examples/coprocess.py")
        .arg("examples/articles/01-wire-2024-03-02.txt")
        .arg(&none)
        .arg("examples/articles/03-national-radio-2024-03-03.txt")
        .current_dir(root())
        .env("RECOUNT", env!("CARGO_BIN_EXE_recount"))
        .output()
        .expect("run python3");
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let headers: Vec<&str> = stdout.lines().filter(|l| l.starts_with("# ")).collect();
    assert_eq!(
        headers,
        [
            "# examples/articles/01-wire-2024-03-02.txt: 5 claims".to_string(),
            format!("# {}: 0 claims", none.display()),
            // the headline, the lead's two figures, and `Two of the injured`
            "# examples/articles/03-national-radio-2024-03-03.txt: 4 claims".to_string(),
        ],
        "{stdout}"
    );
    assert!(
        stdout.contains(
            "examples/articles/01-wire-2024-03-02.txt\t4:1\tAt least nine\tkilled\t9.0\t\tregional emergency service\n"
        ),
        "{stdout}"
    );
    assert!(!stdout.contains("fence"), "fence claims leaked: {stdout}");
}

#[test]
fn python_coprocess_as_the_guide_runs_it() {
    if !has("python3") {
        eprintln!("skipped: no python3");
        return;
    }
    let blocks = guide_blocks("sh");
    let run = blocks
        .iter()
        .find(|b| b.contains("coprocess.py"))
        .expect("the guide runs coprocess.py");
    // The guide runs target/debug/recount; run the binary this test built.
    let script = run.replace("target/debug/recount", env!("CARGO_BIN_EXE_recount"));
    let out = bash(&script);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert_eq!(stdout.lines().filter(|l| l.starts_with("# ")).count(), 4);
    assert!(
        stdout.contains("\tFourteen\tkilled\t14.0\t14.0\t"),
        "{stdout}"
    );
}

// ---------------------------------------------------------------------------
// Shell: jq

#[test]
fn shell_pipelines_with_jq() {
    if !has("jq") {
        eprintln!("skipped: no jq");
        return;
    }
    let blocks = guide_blocks("sh");
    let killed = blocks
        .iter()
        .find(|b| b.contains(r#"select(.category=="killed")"#))
        .expect("the guide's jq pipeline on claims");
    let out = bash(killed);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let rows: Vec<Vec<&str>> = stdout.lines().map(|l| l.split('\t').collect()).collect();
    assert!(rows.len() >= 5, "{stdout}");
    assert!(rows.iter().all(|r| r.len() == 3), "{stdout}");
    assert!(
        rows.contains(&vec![
            "examples/articles/03-national-radio-2024-03-03.txt",
            "Fourteen",
            ""
        ]),
        "{stdout}"
    );
    assert!(
        rows.contains(&vec![
            "examples/articles/01-wire-2024-03-02.txt",
            "At least nine",
            ""
        ]),
        "{stdout}"
    );

    let conflicts = blocks
        .iter()
        .find(|b| b.contains(r#"select(.status=="conflict")"#))
        .expect("the guide's jq pipeline on the report");
    let out = bash(conflicts);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout
            .lines()
            .any(|l| l == "killed\tat least nine / Fourteen / 12"),
        "{stdout}"
    );
}

#[test]
fn guide_cargo_example_command_names_the_example() {
    // `cargo run --example embed` is what embed_example_binary_when_built
    // runs (as the built binary; cargo inside a test would be slow).
    let blocks = guide_blocks("sh");
    assert!(
        blocks
            .iter()
            .any(|b| b.trim() == "cargo run --example embed -- examples/articles"),
        "{blocks:?}"
    );
}
