//! The `recount` binary: exit statuses, output formats, error messages and
//! line-by-line streaming to a co-process.

use serde_json::Value;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Output, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

mod common;
use common::{MANIFEST, TempDir, recount, run, s, stderr, stdout};

fn shared() -> Option<PathBuf> {
    common::shared("gold/seeds.toml", "the seeds' eval and report tests")?;
    common::shared("corpus/seeds", "the seeds' eval and report tests")?
        .parent()
        .and_then(Path::parent)
        .map(Path::to_path_buf)
}

// ---------------------------------------------------------------- report

#[test]
fn report_on_examples_finds_conflicts_and_exits_1() {
    let o = run(&["report", "examples/articles"]);
    assert_eq!(o.status.code(), Some(1), "stderr: {}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("conflict"), "{out}");
    assert!(
        out.contains("4 documents (1 copy) read, 0 skipped; 5 groups, 3 conflicts"),
        "{out}"
    );
    // no colour when stdout is not a terminal
    assert!(!out.contains('\x1b'), "escape codes in piped output");
}

#[test]
fn report_json_on_examples_is_valid_and_marks_the_copy() {
    let o = run(&["report", "--format", "json", "examples/articles"]);
    assert_eq!(o.status.code(), Some(1), "stderr: {}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).expect("report JSON");
    assert_eq!(v["schema"], "recount.report/1");
    let docs = v["documents"].as_array().expect("documents");
    assert_eq!(docs.len(), 4);
    let copy = docs
        .iter()
        .find(|d| d["id"] == "examples/articles/04-aggregator-repost.txt")
        .expect("the repost is listed");
    assert_eq!(
        copy["copy_of"],
        "examples/articles/02-valley-herald-2024-03-03.txt"
    );
    let groups = v["groups"].as_array().expect("groups");
    assert!(groups.iter().any(|g| g["status"] == "conflict"));
}

const AGREE_A: &str = "Flood in Harlow kills five\nMarch 4, 2024\n\nFive people were killed when the river burst its banks in Harlow on Monday, the fire service said. Rescue teams searched through the night.\n";
const AGREE_B: &str = "Harlow flood toll stands at five\nMarch 4, 2024\n\nThe fire service said five people were killed in the flood in Harlow on Monday. Residents began cleaning up their homes.\n";

#[test]
fn report_on_agreeing_articles_exits_0() {
    let dir = TempDir::new("agree");
    dir.write("a.txt", AGREE_A);
    dir.write("b.txt", AGREE_B);
    let o = run(&["report", s(dir.path())]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "stdout: {}\nstderr: {}",
        stdout(&o),
        stderr(&o)
    );
    let out = stdout(&o);
    assert!(out.contains("agree"), "{out}");
    assert!(out.contains("0 conflicts"), "{out}");
    // explain says so too
    let o = run(&["explain", s(dir.path())]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("no conflicts"), "{}", stdout(&o));
}

#[test]
fn missing_input_exits_2_names_it_and_reports_the_rest() {
    let dir = TempDir::new("missing");
    let missing = dir.path().join("no-such-article.txt");
    let o = run(&[
        "report",
        "--format",
        "json",
        "examples/articles/01-wire-2024-03-02.txt",
        s(&missing),
        "examples/articles/02-valley-herald-2024-03-03.txt",
    ]);
    assert_eq!(o.status.code(), Some(2), "stderr: {}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("no-such-article.txt"), "stderr: {err}");
    let v: Value = serde_json::from_slice(&o.stdout).expect("report JSON despite trouble");
    let docs = v["documents"].as_array().expect("documents");
    let read: Vec<&str> = docs
        .iter()
        .filter(|d| d["skipped"].is_null())
        .filter_map(|d| d["id"].as_str())
        .collect();
    assert_eq!(
        read,
        [
            "examples/articles/01-wire-2024-03-02.txt",
            "examples/articles/02-valley-herald-2024-03-03.txt"
        ]
    );
    assert!(
        docs.iter().any(|d| d["id"]
            .as_str()
            .is_some_and(|id| id.contains("no-such-article.txt"))
            && d["skipped"].is_string()),
        "the missing input is accounted for: {docs:?}"
    );
    assert!(!v["groups"].as_array().expect("groups").is_empty());

    // the table says so too
    let o = run(&[
        "report",
        "examples/articles/01-wire-2024-03-02.txt",
        s(&missing),
        "examples/articles/02-valley-herald-2024-03-03.txt",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stdout(&o).contains("2 documents read, 1 skipped: 1 cannot read;"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn malformed_rules_exit_2_with_file_line_col() {
    let dir = TempDir::new("rules");
    let rules = dir.write(
        "bad-rules.toml",
        "extends = \"default\"\n\n[categories\nkilled = 3\n",
    );
    for cmd in ["report", "extract"] {
        let o = run(&[cmd, "--rules", s(&rules), "examples/articles"]);
        assert_eq!(o.status.code(), Some(2), "{cmd}: stderr {}", stderr(&o));
        let err = stderr(&o);
        let want = format!("{}:3:", rules.display());
        let at = err
            .find(&want)
            .unwrap_or_else(|| panic!("{cmd}: no {want}<col> in: {err}"));
        let col: String = err[at + want.len()..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        assert!(!col.is_empty(), "{cmd}: no column in: {err}");
        assert!(o.stdout.is_empty(), "{cmd}: output despite bad rules");
    }
}

#[test]
fn missing_rules_file_exits_2() {
    let o = run(&[
        "report",
        "--rules",
        "/nonexistent/recount-rules.toml",
        "examples/articles",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("recount-rules.toml"), "{}", stderr(&o));
}

// ---------------------------------------------------------------- extract

const CLAIM_FIELDS: &[&str] = &[
    "doc",
    "start",
    "end",
    "line",
    "column",
    "number",
    "quote",
    "category",
    "low",
    "high",
    "qualifier",
    "party",
    "population",
    "speaker",
    "hedges",
    "event_time",
    "counts",
    "incident",
    "schema",
];

#[test]
fn extract_prints_json_lines_with_every_field() {
    let o = run(&["extract", "examples/articles"]);
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines.len() >= 10, "few claims: {out}");
    for line in &lines {
        let v: Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}"));
        let obj = v.as_object().expect("a JSON object a line");
        for f in CLAIM_FIELDS {
            assert!(obj.contains_key(*f), "no {f} in {line}");
        }
        assert_eq!(v["schema"], "recount.claim/1");
        assert!(v["hedges"].is_array());
        let (start, end) = (
            v["start"].as_u64().unwrap() as usize,
            v["end"].as_u64().unwrap() as usize,
        );
        if v["in_title"] == true {
            // read from the title, not the text (the aggregator's page
            // opens with page furniture, not its headline): the span is
            // in the title, which is the quote, on line 0
            let title = v["quote"].as_str().unwrap();
            assert_eq!(v["quote_start"], 0, "{line}");
            assert_eq!(&title[start..end], v["number"].as_str().unwrap(), "{line}");
            assert_eq!(v["line"], 0, "{line}");
            let want_col = title[..start].chars().count() + 1;
            assert_eq!(v["column"].as_u64(), Some(want_col as u64), "{line}");
            continue;
        }
        // the span is the number, and line/column point at it
        let doc =
            std::fs::read_to_string(Path::new(MANIFEST).join(v["doc"].as_str().unwrap())).unwrap();
        assert_eq!(&doc[start..end], v["number"].as_str().unwrap(), "{line}");
        let before = &doc[..start];
        let want_line = before.matches('\n').count() + 1;
        let want_col = before.rsplit('\n').next().unwrap().chars().count() + 1;
        assert_eq!(v["line"].as_u64(), Some(want_line as u64), "{line}");
        assert_eq!(v["column"].as_u64(), Some(want_col as u64), "{line}");
        assert!(v["quote"].as_str().unwrap().contains(&doc[start..end]));
    }
    let docs: std::collections::BTreeSet<String> = lines
        .iter()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter_map(|v| v["doc"].as_str().map(str::to_owned))
        .collect();
    assert_eq!(docs.len(), 4, "claims from every article: {docs:?}");
}

#[test]
fn extract_json_and_table_formats() {
    let o = run(&["extract", "--format", "json", "examples/articles"]);
    assert_eq!(o.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&o.stdout).expect("JSON array");
    let n_json = v.as_array().expect("array").len();
    let o2 = run(&["extract", "examples/articles"]);
    assert_eq!(n_json, stdout(&o2).lines().count(), "json and jsonl agree");

    let o = run(&["extract", "--format", "table", "examples/articles"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out.contains("where") && out.contains("category"), "{out}");
    assert!(
        out.contains("examples/articles/01-wire-2024-03-02.txt:4:1"),
        "{out}"
    );
}

#[test]
fn extract_missing_input_exits_2() {
    let o = run(&[
        "extract",
        "examples/articles/01-wire-2024-03-02.txt",
        "/nonexistent/recount-missing.txt",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("recount-missing.txt"), "{}", stderr(&o));
    assert!(
        !o.stdout.is_empty(),
        "the readable input is still extracted"
    );
}

// ---------------------------------------------------------------- numbers

fn numbers(format: &str, input: &str) -> Output {
    let mut child = recount()
        .args(["numbers", "--format", format, "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

const NUMBERS_TEXT: &str = "At least 12 people were killed and 40 injured in 2023.\n";

#[test]
fn numbers_jsonl() {
    let o = numbers("jsonl", NUMBERS_TEXT);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let rows: Vec<Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    let first = rows
        .iter()
        .find(|r| r["text"] == "At least 12")
        .expect("at least 12");
    assert_eq!(first["schema"], "recount.number/1");
    assert_eq!(first["low"], 12.0);
    assert!(first["high"].is_null());
    assert_eq!(first["qualifier"], "at_least");
    assert_eq!(first["kind"], "count");
    assert_eq!(
        (first["line"].as_u64(), first["column"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(
        (first["start"].as_u64(), first["end"].as_u64()),
        (Some(0), Some(11))
    );
    let forty = rows.iter().find(|r| r["text"] == "40").expect("40");
    assert_eq!(forty["qualifier"], "exact");
    let year = rows.iter().find(|r| r["text"] == "2023").expect("2023");
    assert_eq!(year["kind"], "year");
}

#[test]
fn numbers_json() {
    let o = numbers("json", NUMBERS_TEXT);
    assert_eq!(o.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let rows = v.as_array().expect("array");
    assert_eq!(rows.len(), 3, "{rows:?}");
    assert_eq!(rows[0]["text"], "At least 12");
}

#[test]
fn numbers_table() {
    let o = numbers("table", NUMBERS_TEXT);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    for want in [
        "where",
        "qualifier",
        "kind",
        "At least 12",
        "at_least",
        "-:1:1",
    ] {
        assert!(out.contains(want), "no {want} in {out}");
    }
}

// ---------------------------------------------------------------- eval

#[test]
fn eval_seeds_strict_passes() {
    let Some(shared) = shared() else {
        return;
    };
    let o = recount()
        .args([
            "eval",
            "--gold",
            s(&shared.join("gold/seeds.toml")),
            s(&shared.join("corpus/seeds")),
            "--strict",
            "--min-f1",
            "0.95",
        ])
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "stdout: {}\nstderr: {}",
        stdout(&o),
        stderr(&o)
    );
}

#[test]
fn eval_without_gold_exits_2() {
    let o = run(&["eval", "examples/articles"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--gold"), "{}", stderr(&o));
}

// ---------------------------------------------------------------- help

#[test]
fn every_help_mentions_exit_status() {
    let o = run(&["--help"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("Exit status"), "recount --help");
    for cmd in ["report", "extract", "numbers", "explain", "eval"] {
        let o = run(&[cmd, "--help"]);
        assert_eq!(o.status.code(), Some(0), "{cmd} --help");
        assert!(
            stdout(&o).contains("Exit status"),
            "{cmd} --help: {}",
            stdout(&o)
        );
    }
}

// ---------------------------------------------------------------- co-process

#[test]
fn extract_jsonl_stdin_in_one_go() {
    let mut child = recount()
        .args(["extract", "--input-format", "jsonl", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(
            concat!(
                r#"{"id":"a","text":"Three soldiers were killed on Monday."}"#,
                "\n",
                r#"{"id":"b","text":"Five civilians were wounded on Tuesday."}"#,
                "\n",
            )
            .as_bytes(),
        )
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let rows: Vec<Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let got: Vec<(&str, &str, f64)> = rows
        .iter()
        .map(|r| {
            (
                r["doc"].as_str().unwrap(),
                r["category"].as_str().unwrap(),
                r["low"].as_f64().unwrap(),
            )
        })
        .collect();
    assert_eq!(got, [("a", "killed", 3.0), ("b", "wounded", 5.0)]);
}

#[test]
fn bad_jsonl_record_is_skipped_with_exit_2() {
    let mut child = recount()
        .args(["extract", "--input-format", "jsonl", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(
            concat!(
                "{not json\n",
                r#"{"id":"b","text":"Five civilians were wounded on Tuesday."}"#,
                "\n",
            )
            .as_bytes(),
        )
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains(":1"), "names the line: {}", stderr(&o));
    assert!(stdout(&o).contains(r#""doc":"b""#), "{}", stdout(&o));
}

/// Kills the child if the test fails before it exits.
struct Reaper(Child);

impl Drop for Reaper {
    fn drop(&mut self) {
        if self.0.try_wait().ok().flatten().is_none() {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
}

#[test]
fn extract_answers_each_jsonl_document_before_the_next() {
    const WAIT: Duration = Duration::from_secs(20);
    let child = recount()
        .args(["extract", "--input-format", "jsonl", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let mut child = Reaper(child);
    let mut stdin = child.0.stdin.take().unwrap();
    let out = child.0.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel::<String>();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(out).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });

    writeln!(
        stdin,
        r#"{{"id":"a","text":"Three soldiers were killed on Monday."}}"#
    )
    .unwrap();
    stdin.flush().unwrap();
    let first = rx
        .recv_timeout(WAIT)
        .expect("no claim for the first document while stdin is still open");
    let v: Value = serde_json::from_str(&first).unwrap();
    assert_eq!(v["doc"], "a");
    assert_eq!(v["category"], "killed");
    assert_eq!(v["low"], 3.0);

    writeln!(
        stdin,
        r#"{{"id":"b","text":"Five civilians were wounded on Tuesday."}}"#
    )
    .unwrap();
    stdin.flush().unwrap();
    let second = rx
        .recv_timeout(WAIT)
        .expect("no claim for the second document while stdin is still open");
    let v: Value = serde_json::from_str(&second).unwrap();
    assert_eq!(v["doc"], "b");
    assert_eq!(v["category"], "wounded");
    assert_eq!(v["low"], 5.0);

    drop(stdin);
    // nothing more, then end of output
    match rx.recv_timeout(WAIT) {
        Err(mpsc::RecvTimeoutError::Disconnected) => {}
        Ok(extra) => panic!("unexpected output: {extra}"),
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("stdout not closed after stdin was"),
    }
    reader.join().unwrap();
    let deadline = Instant::now() + WAIT;
    let status = loop {
        if let Some(status) = child.0.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "recount did not exit");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(0));
}

/// The man pages in docs/man are generated from the CLI definition; this
/// fails when the CLI changes and the pages were not regenerated with
/// `recount man --dir docs/man`.
#[test]
fn man_pages_are_current() {
    let dir = std::env::temp_dir().join(format!("recount-man-{}", std::process::id()));
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_recount"))
        .args(["man", "--dir"])
        .arg(&dir)
        .status()
        .expect("run recount man");
    assert!(status.success());
    let shipped = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/man");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("generated")
        .map(|e| e.expect("entry").file_name())
        .collect();
    names.sort();
    assert!(names.len() >= 6, "a page per subcommand: {names:?}");
    for name in names {
        let generated = std::fs::read_to_string(dir.join(&name)).expect("generated page");
        let committed = std::fs::read_to_string(shipped.join(&name)).unwrap_or_default();
        assert_eq!(
            generated,
            committed,
            "docs/man/{} is stale: run `recount man --dir docs/man`",
            name.to_string_lossy()
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
