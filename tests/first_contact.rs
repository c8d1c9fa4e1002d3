//! What a new user meets first: a report that fits the screen and names
//! each source one way, inputs that are never lost without a word, no
//! silent wait, and rules typos caught (issue "First contact").

use std::path::Path;
use std::process::Command;

mod common;
use common::{TempDir, recount, run, s, stderr, stdout};

/// A stream of bytes no text could be: xorshift, seeded, so every run
/// writes the same file.
fn noise(len: usize) -> Vec<u8> {
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

fn report_at(columns: u16, args: &[&str]) -> String {
    let out = recount()
        .env("COLUMNS", columns.to_string())
        .arg("report")
        .args(args)
        .output()
        .expect("run recount");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

// ---------------------------------------------------------------- the table

#[test]
fn the_table_fits_the_width_without_breaking_names_or_dates() {
    let stems = [
        "01-wire-2024-03-02",
        "02-valley-herald-2024-03-03",
        "National Radio News",
    ];
    for columns in [80u16, 100, 160] {
        let out = report_at(columns, &["examples/articles"]);
        for line in out.lines() {
            assert!(
                line.chars().count() <= usize::from(columns),
                "{columns} columns, a line of {}:\n{line}",
                line.chars().count()
            );
        }
        // a name, a date and a note's words are never split between lines
        let flat = out.replace(['│', '┆'], " ");
        for stem in stems {
            assert!(
                out.contains(stem),
                "{columns} columns: {stem} broken:\n{out}"
            );
        }
        for date in ["2024-03-02", "2024-03-03"] {
            assert!(flat.contains(date), "{columns}: {date} broken:\n{out}");
        }
    }
}

#[test]
fn the_table_says_each_copy_and_note_once() {
    let out = report_at(100, &["examples/articles"]);
    // the copy is counted in its rows, named once in the legend
    assert_eq!(out.matches("04-aggregator-repost").count(), 1, "{out}");
    assert!(out.contains("(+1 copy)"), "{out}");
    assert!(
        out.contains("copies, each counted once with its original: 04-aggregator-repost of 02-valley-herald-2024-03-03"),
        "{out}"
    );
    // each note once, as a footnote its row points to
    assert_eq!(out.matches("revision: at least 9").count(), 1, "{out}");
    assert!(out.contains("conflict [1]"), "{out}");
    // and the summary counts in the singular where it is one
    assert!(
        out.contains("4 documents (1 copy) read, 0 skipped;"),
        "{out}"
    );
}

#[test]
fn wide_gives_the_full_view() {
    let out = report_at(100, &["--wide", "examples/articles"]);
    assert!(out.contains("notes"), "{out}");
    assert!(
        out.contains("(+1 copy: 04-aggregator-repost)"),
        "the full view names the copy in the row:\n{out}"
    );
}

// ---------------------------------------------------- one name per source

#[test]
fn a_source_has_one_name_in_every_format() {
    let original = "02-valley-herald-2024-03-03";
    let path = "examples/articles/02-valley-herald-2024-03-03.txt";
    for format in ["markdown", "csv", "html"] {
        let out = stdout(&run(&["report", "--format", format, "examples/articles"]));
        assert!(out.contains(original), "{format}:\n{out}");
        assert!(
            out.contains("+1 copy: 04-aggregator-repost"),
            "{format}: the copy is named after its original:\n{out}"
        );
        // the source is never named by its path, nor credited to the copy
        for row in out.lines().filter(|l| l.contains("43 — ")) {
            assert!(!row.contains(&format!("43 — {path}")), "{format}: {row}");
            assert!(!row.contains("43 — 04-aggregator"), "{format}: {row}");
        }
    }
    let json: serde_json::Value = serde_json::from_str(&stdout(&run(&[
        "report",
        "--format",
        "json",
        "examples/articles",
    ])))
    .expect("json");
    let names: Vec<&str> = json["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .flat_map(|g| g["sources"].as_array().expect("sources"))
        .filter_map(|s| s["name"].as_str())
        .collect();
    assert!(names.contains(&original), "{names:?}");
    assert!(!names.iter().any(|n| n.contains("aggregator")), "{names:?}");
}

// ------------------------------------------------- nothing silently lost

#[test]
fn files_recount_cannot_read_are_named_counted_and_exit_2() {
    let d = TempDir::new("unreadable");
    d.write("report.pdf", "%PDF-1.4\n%\u{e2}\u{e3}\n1 0 obj");
    d.write("notes.docx", "PK\u{3}\u{4}\u{14}\0\u{6}\0word/document.xml");
    d.write("letter.rtf", "{\\rtf1\\ansi Twelve people were killed.}");
    d.write("photo.png", "\u{89}PNG\r\n\u{1a}\n\0\0\0\rIHDR");
    let o = run(&["report", s(d.path())]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    for name in ["report.pdf", "notes.docx", "letter.rtf", "photo.png"] {
        assert!(
            err.lines()
                .any(|l| l.starts_with("recount: skipped: ") && l.contains(name)),
            "{name} is not named:\n{err}"
        );
    }
    assert!(err.contains("convert it to text first"), "{err}");
    let out = stdout(&o);
    assert!(
        out.contains("0 documents read, 4 skipped: 4 unsupported file type;"),
        "{out}"
    );
}

#[test]
fn an_empty_file_is_a_warning() {
    let d = TempDir::new("empty");
    d.write("empty.txt", "");
    d.write("good.txt", "Five people were killed in the blast.");
    let o = run(&["report", s(d.path())]);
    let err = stderr(&o);
    assert!(
        err.lines()
            .any(|l| l.starts_with("recount: warning: ") && l.contains("empty.txt: empty file")),
        "{err}"
    );
    // a warning, not trouble: the empty file is read (and counted), the
    // other reported
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(stdout(&o).contains("2 documents read"), "{}", stdout(&o));
}

#[test]
fn random_bytes_are_skipped_not_mined_for_percentages() {
    let d = TempDir::new("noise");
    let path = d.path().join("noise.txt");
    std::fs::write(&path, noise(1 << 20)).expect("write noise");
    let o = run(&["extract", s(&path)]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stdout(&o).is_empty(), "claims from noise: {}", stdout(&o));
    assert!(stderr(&o).contains("noise.txt: "), "{}", stderr(&o));
    assert!(stderr(&o).contains("skipped"), "{}", stderr(&o));
}

#[test]
fn encoded_data_and_program_code_are_skipped_with_a_reason() {
    let d = TempDir::new("not-prose");
    // base64 of noise: letters, no words
    let b64: String = noise(30_000)
        .chunks(3)
        .map(|c| {
            const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
            let n = c.iter().fold(0u32, |n, &b| (n << 8) | u32::from(b));
            (0..4)
                .map(|i| A[((n >> (18 - 6 * i)) & 63) as usize] as char)
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .chunks(19)
        .map(|l| l.concat())
        .collect::<Vec<_>>()
        .join("\n");
    d.write("attachment.txt", &b64);
    let code: String = (0..200)
        .map(|i| format!("var x{i}=function(q){{return q+{i}%}};"))
        .collect();
    d.write("bundle.txt", &code);
    let o = run(&["extract", s(d.path())]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stdout(&o).is_empty(), "claims from data: {}", stdout(&o));
    let err = stderr(&o);
    assert!(
        err.contains("attachment.txt: not prose: its words average"),
        "{err}"
    );
    assert!(err.contains("bundle.txt: not prose: "), "{err}");
    assert!(err.contains("(program code?)"), "{err}");
}

// -------------------------------------------------------- no silent wait

#[test]
fn no_input_on_a_terminal_is_a_hint_and_the_usage() {
    // `script` gives the command a terminal for standard input
    let script = Path::new("/usr/bin/script");
    if !script.exists() {
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "skipped: the terminal test (no /usr/bin/script)"
        );
        return;
    }
    let bin = env!("CARGO_BIN_EXE_recount");
    let o = Command::new(script)
        .args(["-qec", &format!("{bin} report"), "/dev/null"])
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("script");
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(o.status.code(), Some(2), "{all}");
    assert!(all.contains("recount: no input:"), "{all}");
    assert!(all.contains("Usage: recount report"), "{all}");
}

// ------------------------------------------------------------ rules typos

#[test]
fn a_misspelt_category_in_an_extending_file_is_an_error_with_a_suggestion() {
    let d = TempDir::new("typo");
    d.write(
        "typo.toml",
        "extends = \"default\"\n\n[[category]]\nname = \"wouned\"\nafter = [\"winged\"]\n",
    );
    d.write("a.txt", "Two people were winged by bullets.");
    let o = run(&[
        "extract",
        "--rules",
        s(&d.path().join("typo.toml")),
        s(&d.path().join("a.txt")),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("typo.toml:4"), "the line is named: {err}");
    assert!(err.contains("did you mean `wounded`?"), "{err}");
    // on purpose, it is a category of its own
    d.write(
        "new.toml",
        "extends = \"default\"\n\n[[category]]\nname = \"wouned\"\nnew = true\nafter = [\"winged\"]\n",
    );
    let o = run(&[
        "extract",
        "--rules",
        s(&d.path().join("new.toml")),
        s(&d.path().join("a.txt")),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("\"category\":\"wouned\""),
        "{}",
        stdout(&o)
    );
}

// ------------------------------------------------------------ percentages

#[test]
fn a_share_of_nothing_is_not_a_group() {
    let d = TempDir::new("share");
    d.write(
        "poll.txt",
        "March 3, 2024\n\nThe forecast was only about 25% accurate, analysts said. About 40% of the town's homes were damaged.",
    );
    let o = run(&["report", "--format", "json", s(d.path())]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    let subjects: Vec<String> = json["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .filter(|g| g["category"] == "percentage")
        .map(|g| g["subject"].as_str().unwrap_or("none").to_string())
        .collect();
    assert_eq!(subjects.len(), 1, "{subjects:?}");
    assert!(subjects[0].contains("homes"), "{subjects:?}");
}

// --------------------------------------------------------------- messages

#[test]
fn messages_name_the_place_once_and_without_os_error_numbers() {
    let d = TempDir::new("messages");
    d.write(
        "docs.jsonl",
        "{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": \"b\"}\n",
    );
    let o = run(&[
        "report",
        s(&d.path().join("docs.jsonl")),
        "no-such-file.txt",
    ]);
    let err = stderr(&o);
    assert!(err.contains("docs.jsonl:2: missing field `text`"), "{err}");
    assert!(!err.contains("line 2:"), "{err}");
    assert!(
        err.contains("no-such-file.txt: cannot read: No such file or directory"),
        "{err}"
    );
    assert!(!err.contains("os error"), "{err}");
}

#[test]
fn eval_help_points_at_the_shipped_example() {
    let out = stdout(&run(&["eval", "--help"]));
    assert!(
        out.contains("recount eval --gold examples/gold.toml examples/articles"),
        "{out}"
    );
    assert!(!out.contains("../shared"), "{out}");
    // and the example it points at holds
    let o = run(&[
        "eval",
        "--gold",
        "examples/gold.toml",
        "examples/articles",
        "--strict",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
}
