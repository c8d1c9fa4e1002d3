//! Every row of `docs/errors.md`: the bad input, the exact message recount
//! prints, the exit status, and that the rest of the batch still runs.

use std::path::PathBuf;
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

/// A fresh directory under the system temp dir, removed on drop. Commands
/// run inside it, so messages name files as the tests wrote them.
struct Dir(PathBuf);

impl Dir {
    fn new(name: &str) -> Dir {
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "recount-errors-{}-{}-{name}",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create temp dir");
        let d = Dir(dir);
        d.write("good.txt", "Five people were killed.\n");
        d
    }

    fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }

    fn write(&self, name: &str, content: impl AsRef<[u8]>) -> &Dir {
        let path = self.path(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create parent");
        }
        std::fs::write(path, content).expect("write file");
        self
    }

    fn run(&self, args: &[&str]) -> Run {
        let out = Command::new(env!("CARGO_BIN_EXE_recount"))
            .current_dir(&self.0)
            .env("NO_COLOR", "1")
            .env_remove("COLUMNS")
            .args(args)
            .output()
            .expect("run recount");
        Run::from(out)
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl From<Output> for Run {
    fn from(o: Output) -> Run {
        Run {
            code: o.status.code(),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }
}

impl Run {
    /// Exit status and every expected stderr line (whole lines).
    #[track_caller]
    fn expect(&self, code: i32, lines: &[&str]) -> &Run {
        assert_eq!(
            self.code,
            Some(code),
            "exit status; stderr:\n{}",
            self.stderr
        );
        let got: Vec<&str> = self.stderr.lines().collect();
        for line in lines {
            assert!(
                got.contains(line),
                "stderr lacks the line\n  {line}\nstderr:\n{}",
                self.stderr
            );
        }
        self
    }

    /// Claims printed (`extract`'s JSON Lines): the `doc` of each.
    fn claim_docs(&self) -> Vec<String> {
        self.stdout
            .lines()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).expect("a JSON line");
                v["doc"].as_str().unwrap_or_default().to_string()
            })
            .collect()
    }

    /// The rest of the batch ran: `good.txt`'s claim was printed.
    #[track_caller]
    fn read_good(&self) -> &Run {
        assert!(
            self.claim_docs().iter().any(|d| d == "good.txt"),
            "good.txt was not read; stdout:\n{}",
            self.stdout
        );
        self
    }

    #[track_caller]
    fn printed_nothing(&self) -> &Run {
        assert!(self.stdout.is_empty(), "stdout:\n{}", self.stdout);
        self
    }
}

// ---------------------------------------------------------------------------
// Inputs

#[test]
fn missing_file() {
    let d = Dir::new("missing");
    d.run(&["extract", "missing.txt", "good.txt"])
        .expect(
            2,
            &["recount: error: missing.txt: cannot read: No such file or directory"],
        )
        .read_good();
}

#[cfg(unix)]
#[test]
fn unreadable_file_permission() {
    use std::os::unix::fs::PermissionsExt;
    let d = Dir::new("perm");
    d.write("secret.txt", "Two people died.\n");
    std::fs::set_permissions(d.path("secret.txt"), std::fs::Permissions::from_mode(0o000))
        .expect("chmod");
    if std::fs::read(d.path("secret.txt")).is_ok() {
        eprintln!("skipped: running as a user (root) who can read a mode-000 file");
        return;
    }
    d.run(&["extract", "secret.txt", "good.txt"])
        .expect(
            2,
            &["recount: error: secret.txt: cannot read: Permission denied"],
        )
        .read_good();
}

#[cfg(unix)]
#[test]
fn unreadable_file_symlink_loop() {
    let d = Dir::new("loop");
    std::os::unix::fs::symlink("loop", d.path("loop")).expect("symlink");
    d.run(&["extract", "loop", "good.txt"])
        .expect(
            2,
            &["recount: error: loop: cannot read: Too many levels of symbolic links"],
        )
        .read_good();
}

#[cfg(target_os = "linux")]
#[test]
fn unreadable_file_read_fails() {
    let d = Dir::new("eio");
    d.run(&["extract", "/proc/self/mem", "good.txt"])
        .expect(
            2,
            &["recount: error: /proc/self/mem: cannot read: Input/output error"],
        )
        .read_good();
}

#[cfg(unix)]
#[test]
fn folder_with_unreadable_members() {
    let d = Dir::new("folder");
    d.write("d/a.txt", "Three people were killed.\n");
    d.write("d/c.txt", "Four people were killed.\n");
    std::os::unix::fs::symlink("nowhere", d.path("d/b.txt")).expect("symlink");
    std::os::unix::fs::symlink("loop", d.path("d/loop")).expect("symlink");
    let run = d.run(&["extract", "d"]);
    run.expect(
        2,
        &[
            "recount: error: d/b.txt: cannot read: No such file or directory",
            "recount: error: d/loop: cannot read: Too many levels of symbolic links",
        ],
    );
    assert_eq!(run.claim_docs(), ["d/a.txt", "d/c.txt"]);
}

#[test]
fn binary_file() {
    let d = Dir::new("binary");
    d.write("bin.txt", b"abc\0def 12 people were killed");
    d.run(&["extract", "bin.txt", "good.txt"])
        .expect(
            2,
            &["recount: skipped: bin.txt: binary file (NUL byte at 3); skipped"],
        )
        .read_good();
}

#[test]
fn invalid_utf8_is_a_warning_and_the_document_is_read() {
    let d = Dir::new("utf8");
    d.write("bad.txt", b"caf\xe9 12 people were killed.");
    let run = d.run(&["extract", "bad.txt", "good.txt"]);
    run.expect(
        0,
        &["recount: warning: bad.txt:byte 3: invalid UTF-8 at byte 3; decoded with replacement characters"],
    )
    .read_good();
    assert_eq!(run.claim_docs(), ["bad.txt", "good.txt"]);
}

const JSONL: &str = r#"{"id":"a","text":"Five people were killed."}
{"id":"b","text": }
not json
{"id":"c"}
{"text":"x"}
{"id":"","text":"x"}
{"id":5,"text":"x"}
{"id":"d","text":"Two people died.","published":"2021-02-30"}
{"id":"e","text":"x","published":"yesterday-ish"}
{"id":"f","text":"Six people died.","title":5}
"#;

#[test]
fn bad_json_lines_are_skipped_and_the_rest_read() {
    let d = Dir::new("jsonl");
    d.write("docs.jsonl", JSONL);
    let run = d.run(&["extract", "docs.jsonl", "good.txt"]);
    run.expect(
        2,
        &[
            "recount: skipped: docs.jsonl:2: invalid JSON: expected value at column 19",
            "recount: skipped: docs.jsonl:3: invalid JSON: expected ident at column 2",
            "recount: skipped: docs.jsonl:7: invalid type: integer `5`, expected a string",
        ],
    );
    assert_eq!(run.claim_docs(), ["a", "d", "f", "good.txt"]);
}

#[test]
fn json_lines_missing_id_or_text() {
    let d = Dir::new("jsonl-fields");
    d.write("docs.jsonl", JSONL);
    d.run(&["extract", "docs.jsonl", "good.txt"])
        .expect(
            2,
            &[
                "recount: skipped: docs.jsonl:4: missing field `text`",
                "recount: skipped: docs.jsonl:5: missing field `id`",
                "recount: skipped: docs.jsonl:6: empty `id`",
            ],
        )
        .read_good();
}

#[test]
fn json_lines_bad_metadata_is_a_warning() {
    let d = Dir::new("jsonl-meta");
    d.write(
        "docs.jsonl",
        "{\"id\":\"d\",\"text\":\"Two people died.\",\"published\":\"2021-02-30\"}\n\
         {\"id\":\"f\",\"text\":\"Six people died.\",\"title\":5}\n",
    );
    let run = d.run(&["extract", "docs.jsonl"]);
    run.expect(
        0,
        &[
            "recount: warning: docs.jsonl:1: key \"published\": invalid date \"2021-02-30\"; ignored",
            "recount: warning: docs.jsonl:2: key \"title\": expected a string; ignored",
        ],
    );
    assert_eq!(run.claim_docs(), ["d", "f"]);
}

#[test]
fn sidecar_bad_date_unknown_key_and_wrong_type() {
    let d = Dir::new("sidecar");
    d.write("side.txt", "Nine people died.\n");
    d.write(
        "side.txt.meta.toml",
        "published = \"2021-13-45\"\ncolour = \"red\"\nsource = 5\n",
    );
    let run = d.run(&["extract", "side.txt", "good.txt"]);
    run.expect(
        0,
        &[
            "recount: warning: side.txt.meta.toml: unknown key \"colour\"; ignored",
            "recount: warning: side.txt.meta.toml: key \"published\": invalid date \"2021-13-45\"; ignored",
            "recount: warning: side.txt.meta.toml: key \"source\": expected a string, found integer; ignored",
        ],
    );
    assert_eq!(run.claim_docs(), ["side.txt", "good.txt"]);
}

#[test]
fn sidecar_that_is_not_toml() {
    let d = Dir::new("sidecar-toml");
    d.write("side2.txt", "Nine people died.\n");
    d.write("side2.txt.meta.toml", "published = \n");
    let run = d.run(&["extract", "side2.txt"]);
    run.expect(
        0,
        &["recount: warning: side2.txt.meta.toml: cannot parse: string values must be quoted, expected literal string; ignored"],
    );
    assert_eq!(run.claim_docs(), ["side2.txt"]);
}

#[test]
fn meta_csv_bad_date_unknown_column_unmatched_row() {
    let d = Dir::new("csv");
    d.write(
        "meta.csv",
        "path,published,colour\ngood.txt,2021-02-30,red\nnothere.txt,2021-01-01\n",
    );
    d.run(&["extract", "--meta", "meta.csv", "good.txt"])
        .expect(
            0,
            &[
                "recount: warning: meta.csv:1: unknown column \"colour\"; ignored",
                "recount: warning: meta.csv:2: \"good.txt\", key \"published\": invalid date \"2021-02-30\"; ignored",
                "recount: warning: meta.csv:3: no input matched \"nothere.txt\"; row ignored",
            ],
        )
        .read_good();
}

// ---------------------------------------------------------------------------
// Claims read back (`report --claims`)

impl Dir {
    /// `claims.jsonl`: the map output of `good.txt` (its record, its claim),
    /// changed by `edit`, then `extra` lines.
    fn claims(&self, edit: impl Fn(&str) -> String, extra: &[&str]) -> &Dir {
        let map = self.run(&["extract", "--with-documents", "good.txt"]);
        assert_eq!(map.code, Some(0), "{}", map.stderr);
        let mut text: String = map.stdout.lines().map(|l| edit(l) + "\n").collect();
        for line in extra {
            text.push_str(line);
            text.push('\n');
        }
        self.write("claims.jsonl", text)
    }
}

impl Run {
    /// The report (`report --claims`, table) still has `good.txt`'s figure.
    #[track_caller]
    fn reported_good(&self) -> &Run {
        assert!(
            self.stdout.contains("5 — good, undated"),
            "good.txt's claim was not reconciled; stdout:\n{}",
            self.stdout
        );
        self
    }
}

fn same(line: &str) -> String {
    line.to_string()
}

#[test]
fn claims_line_not_json() {
    let d = Dir::new("claims-json");
    d.claims(same, &["{not json"]);
    d.run(&["report", "--claims", "claims.jsonl"])
        .expect(
            2,
            &["recount: skipped: claims.jsonl:3: invalid JSON: key must be a string at column 2"],
        )
        .reported_good();
}

#[test]
fn claims_line_not_an_object() {
    let d = Dir::new("claims-array");
    d.claims(same, &["[1, 2]"]);
    d.run(&["report", "--claims", "claims.jsonl"])
        .expect(
            2,
            &["recount: skipped: claims.jsonl:3: expected a JSON object (one record a line)"],
        )
        .reported_good();
}

#[test]
fn claims_line_without_schema() {
    let d = Dir::new("claims-noschema");
    d.claims(same, &[r#"{"id": "a", "text": "Two people died."}"#]);
    d.run(&["report", "--claims", "claims.jsonl"])
        .expect(
            2,
            &["recount: skipped: claims.jsonl:3: no \"schema\" key: expected \"recount.claim/1\" or \"recount.document/1\" (the JSON Lines `recount extract --with-documents` writes)"],
        )
        .reported_good();
}

#[test]
fn claims_line_of_an_unknown_schema() {
    let d = Dir::new("claims-schema");
    d.claims(same, &[r#"{"schema": "recount.claim/2", "doc": "a"}"#]);
    d.run(&["report", "--claims", "claims.jsonl"])
        .expect(
            2,
            &["recount: skipped: claims.jsonl:3: unknown schema \"recount.claim/2\": expected \"recount.claim/1\" or \"recount.document/1\""],
        )
        .reported_good();
}

#[test]
fn claim_missing_a_field() {
    let d = Dir::new("claims-field");
    d.claims(|l| l.replace(r#""category":"killed","#, ""), &[]);
    d.run(&["report", "--claims", "claims.jsonl"]).expect(
        2,
        &[
            "recount: skipped: claims.jsonl:2: recount.claim/1: missing field `category`",
            "recount: warning: claims.jsonl:1: document \"good.txt\": its record counts 1 claim, the input has 0",
        ],
    );
}

#[test]
fn claim_with_an_impossible_event_time() {
    let d = Dir::new("claims-time");
    d.claims(
        |l| l.replace(r#""event_time":null"#, r#""event_time":"2024-02-30""#),
        &[],
    );
    d.run(&["report", "--claims", "claims.jsonl"]).expect(
        2,
        &["recount: skipped: claims.jsonl:2: recount.claim/1: invalid event time \"2024-02-30\": no such date"],
    );
}

#[test]
fn document_record_with_a_damaged_fingerprint() {
    let d = Dir::new("claims-print");
    d.claims(
        |l| {
            l.replace(
                r#""fingerprint":{"sketch":[],"shingles":0}"#,
                r#""fingerprint":{"sketch":[2,1],"shingles":40}"#,
            )
        },
        &[],
    );
    d.run(&["report", "--claims", "claims.jsonl"])
        .expect(
            2,
            &["recount: skipped: claims.jsonl:1: recount.document/1: fingerprint: sketch hashes not in strictly increasing order"],
        )
        .reported_good();
}

#[test]
fn claim_without_its_document_record() {
    let d = Dir::new("claims-norecord");
    d.claims(same, &[]);
    let plain = d.run(&["extract", "good.txt"]);
    d.write("claims.jsonl", &plain.stdout);
    d.run(&["report", "--claims", "claims.jsonl"])
        .expect(
            2,
            &["recount: error: claims.jsonl:1: no recount.document/1 record for document \"good.txt\" (extract --with-documents writes one): its 1 claim is reconciled without its event or copy detection"],
        )
        .reported_good();
}

#[test]
fn document_the_map_step_could_not_read() {
    let d = Dir::new("claims-skipped");
    let map = d.run(&["extract", "--with-documents", "good.txt", "missing.txt"]);
    assert_eq!(map.code, Some(2));
    d.write("claims.jsonl", &map.stdout);
    let run = d.run(&["report", "--claims", "claims.jsonl"]);
    run.expect(
        2,
        &["recount: skipped: claims.jsonl:3: document \"missing.txt\" was skipped when its claims were extracted: cannot read: No such file or directory"],
    )
    .reported_good();
    assert!(
        run.stdout
            .contains("1 document read, 1 skipped: 1 cannot read;")
    );
}

#[test]
fn document_record_whose_claims_are_not_all_there() {
    let d = Dir::new("claims-count");
    let map = d.run(&["extract", "--with-documents", "good.txt"]);
    d.write(
        "claims.jsonl",
        map.stdout.lines().next().unwrap_or_default(),
    );
    d.run(&["report", "--claims", "claims.jsonl"]).expect(
        0,
        &["recount: warning: claims.jsonl:1: document \"good.txt\": its record counts 1 claim, the input has 0"],
    );
}

#[test]
fn missing_claims_file() {
    let d = Dir::new("claims-missing");
    d.claims(same, &[]);
    d.run(&["report", "--claims", "nope.jsonl", "claims.jsonl"])
        .expect(
            2,
            &["recount: error: nope.jsonl: cannot read: No such file or directory"],
        )
        .reported_good();
}

#[test]
fn with_documents_needs_json_lines() {
    let d = Dir::new("with-documents");
    for format in ["json", "table"] {
        d.run(&["extract", "--with-documents", "--format", format, "good.txt"])
            .expect(
                2,
                &["recount: --with-documents writes JSON Lines: use it with --format jsonl (the default)"],
            )
            .printed_nothing();
    }
}

#[test]
fn claims_with_a_flag_of_the_map_step() {
    let d = Dir::new("claims-flags");
    d.claims(same, &[]);
    d.run(&[
        "report",
        "--claims",
        "--published",
        "2024-03-03",
        "claims.jsonl",
    ])
    .expect(
        2,
        &["error: the argument '--claims' cannot be used with '--published <PUBLISHED>'"],
    )
    .printed_nothing();
}

// ---------------------------------------------------------------------------
// Rules: fatal, located, nothing read.

/// `recount extract --rules r.toml good.txt` with `rules` as the file.
fn rules_error(rules: &str, message: &str) {
    let d = Dir::new("rules");
    d.write("r.toml", rules);
    d.run(&["extract", "--rules", "r.toml", "good.txt"])
        .expect(2, &[message])
        .printed_nothing();
    // `report` refuses the same rules the same way.
    d.run(&["report", "--rules", "r.toml", "good.txt"])
        .expect(2, &[message])
        .printed_nothing();
}

#[test]
fn rules_file_missing() {
    let d = Dir::new("rules-missing");
    d.run(&["extract", "--rules", "nope.toml", "good.txt"])
        .expect(
            2,
            &["recount: nope.toml: cannot read rules: No such file or directory"],
        )
        .printed_nothing();
}

#[test]
fn rules_malformed_toml() {
    rules_error(
        "extends = \"default\"\n[[category]\nname = \"x\"\n",
        "recount: r.toml:2:12: unclosed array table, expected `]`",
    );
}

#[test]
fn rules_unknown_key() {
    rules_error(
        "extends = \"default\"\n[[category]]\nname = \"displaced\"\nafter = [\"displaced\"]\ntrigers = [\"x\"]\n",
        "recount: r.toml:5:1: unknown field `trigers`, expected one of `name`, `role`, `percent`, `after`, `before`, `nouns`, `tolls`, `incidents`, `suffered`, `own`, `new`",
    );
}

#[test]
fn rules_wrong_type() {
    rules_error(
        "schema = \"1\"\n",
        "recount: r.toml:1:10: invalid type: string \"1\", expected i64",
    );
}

#[test]
fn rules_category_without_trigger_phrases() {
    let message = "recount: r.toml:3:8: category \"displaced\" has no trigger phrases: give at least one of after, before, nouns, tolls (or role = \"percent\")";
    rules_error(
        "extends = \"default\"\n[[category]]\nname = \"displaced\"\n",
        message,
    );
    rules_error(
        "extends = \"default\"\n[[category]]\nname = \"displaced\"\nafter = []\nnouns = []\n",
        message,
    );
}

#[test]
fn rules_phrase_without_words() {
    rules_error(
        "extends = \"default\"\n[[category]]\nname = \"displaced\"\nafter = [\"  \", \"x\"]\n",
        "recount: r.toml:3:8: phrase \"  \" has no words",
    );
}

#[test]
fn rules_duplicate_category() {
    rules_error(
        "[[category]]\nname = \"killed\"\nafter = [\"killed\"]\n[[category]]\nname = \"killed\"\nafter = [\"died\"]\n[[population]]\nname=\"people\"\nnouns=[\"people\"]\n",
        "recount: r.toml:5:8: duplicate category name \"killed\"",
    );
}

#[test]
fn rules_extends_something_else() {
    rules_error(
        "extends = \"defaults\"\n",
        "recount: r.toml:1:11: extends = \"defaults\" refers to nothing; the only rules a file can extend are \"default\"",
    );
}

#[test]
fn rules_wrong_schema_version() {
    rules_error(
        "schema = 2\nextends = \"default\"\n",
        "recount: r.toml:1:10: schema 2 is not supported; this recount reads schema 1",
    );
}

#[test]
fn rules_role_given_twice() {
    rules_error(
        "extends = \"default\"\n[[category]]\nname = \"fatalities\"\nrole = \"killed\"\nafter = [\"perished\"]\n",
        "recount: r.toml:4:8: role \"killed\" is already given to \"killed\" (rules.toml (default):25); a role belongs to one entry",
    );
}

#[test]
fn rules_unknown_role() {
    rules_error(
        "[[category]]\nname = \"dead\"\nrole = \"died\"\nafter = [\"died\"]\n",
        "recount: r.toml:3:8: unknown category role \"died\"; the roles are \"killed\", \"wounded\", \"shot\", \"captured\", \"missing\", \"percent\" (or no role, for a category of your own)",
    );
    rules_error(
        "[[category]]\nname = \"dead\"\nafter = [\"died\"]\n[[population]]\nname = \"all\"\nrole = \"any\"\nnouns = [\"people\"]\n",
        "recount: r.toml:6:8: unknown population role \"any\"; the roles are \"default\", \"perpetrator\"",
    );
}

#[test]
fn rules_percent_alias_disagrees_with_role() {
    rules_error(
        "[[category]]\nname = \"share\"\nrole = \"killed\"\npercent = true\n",
        "recount: r.toml:4:11: percent = true means role = \"percent\", but this category has role = \"killed\"",
    );
}

#[test]
fn rules_past_max_phrases() {
    let mut rules =
        String::from("extends = \"default\"\n[[category]]\nname = \"displaced\"\nafter = [\n");
    // `MAX_PHRASES` (docs/errors.md) + 1
    for i in 0..=200_000 {
        // Each phrase its own first word: loading stays linear.
        rules.push_str(&format!("\"w{i}x fled\",\n"));
    }
    rules.push_str("]\n");
    let d = Dir::new("rules-max");
    d.write("huge.toml", rules);
    d.run(&["extract", "--rules", "huge.toml", "good.txt"])
        .expect(
            2,
            &["recount: huge.toml:3:8: more than 200000 phrases; split the rules or raise the limit"],
        )
        .printed_nothing();
}

// ---------------------------------------------------------------------------
// Evaluation

#[test]
fn eval_without_gold_or_incidents() {
    let d = Dir::new("eval");
    d.run(&["eval", "good.txt"])
        .expect(2, &["recount: eval needs --gold FILE or --incidents FILE"])
        .printed_nothing();
}

#[test]
fn eval_gold_without_documents() {
    let d = Dir::new("eval-nodocs");
    d.write("g.toml", "");
    d.run(&["eval", "--gold", "g.toml"])
        .expect(
            2,
            &["recount: eval --gold needs the gold's documents: give their folder, e.g. recount eval --gold g.toml examples/articles"],
        )
        .printed_nothing();
}

#[test]
fn eval_gold_missing() {
    let d = Dir::new("eval-missing");
    d.run(&["eval", "--gold", "nogold.toml", "good.txt"])
        .expect(
            2,
            &["recount: nogold.toml: cannot read gold: No such file or directory"],
        )
        .printed_nothing();
}

#[test]
fn eval_gold_malformed() {
    let d = Dir::new("eval-bad");
    d.write("g1.toml", "[[claim]]\ndoc = \"good.txt\"\nnumber = \n");
    d.write("g2.toml", "[[claim]]\ndoc = \"good.txt\"\n");
    d.write(
        "g5.toml",
        "[[claim]]\ndoc = \"good.txt\"\nquote = \"Five people were killed.\"\nnumber = \"Five\"\ncategory = \"killed\"\nlow = \"5\"\n",
    );
    for (gold, message) in [
        (
            "g1.toml",
            "recount: g1.toml:3:10: string values must be quoted, expected literal string",
        ),
        ("g2.toml", "recount: g2.toml:1:1: missing field `quote`"),
        (
            "g5.toml",
            "recount: g5.toml:6:7: invalid type: string \"5\", expected f64",
        ),
    ] {
        d.run(&["eval", "--gold", gold, "good.txt"])
            .expect(2, &[message])
            .printed_nothing();
    }
}

#[test]
fn gold_unknown_key_is_an_error() {
    let d = Dir::new("eval-typo");
    d.write("g.toml", "[[claims]]\ndoc = \"good.txt\"\n");
    let run = d.run(&["eval", "--gold", "g.toml", "good.txt"]);
    assert_eq!(run.code, Some(2), "stdout:\n{}", run.stdout);
    assert!(run.stderr.contains("g.toml:1:"), "{}", run.stderr);
    assert!(run.stderr.contains("claims"), "{}", run.stderr);
}

#[test]
fn eval_incidents_bad_line_is_skipped() {
    let d = Dir::new("incidents");
    d.write("inc.jsonl", "{\"bad\": \n");
    let run = d.run(&["eval", "--incidents", "inc.jsonl"]);
    run.expect(
        2,
        &["recount: skipped: inc.jsonl:1: EOF while parsing a value at line 1 column 8"],
    );
    assert!(run.stdout.starts_with("incidents: 0"), "{}", run.stdout);
}

/// Problems are reported by every command the same way.
#[test]
fn every_command_reports_a_missing_input() {
    let d = Dir::new("commands");
    for cmd in ["numbers", "extract", "report", "explain"] {
        let run = d.run(&[cmd, "missing.txt", "good.txt"]);
        run.expect(
            2,
            &["recount: error: missing.txt: cannot read: No such file or directory"],
        );
        assert!(!run.stdout.is_empty(), "{cmd} printed nothing");
    }
}
