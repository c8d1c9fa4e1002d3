//! The reduce step: `recount report --claims` over what `recount extract
//! --with-documents` wrote gives the report `recount report` gives on the
//! documents themselves — byte for byte, in every format, with the same
//! exit status — whether the map ran once or per shard, and every input
//! (skipped ones included) is accounted for.

use serde_json::Value;
use std::path::Path;
use std::process::Output;

mod common;
use common::{MANIFEST, TempDir, run, run_with_stdin, s, stderr};

/// The map step's output (`extract --with-documents`) for these inputs.
fn map(inputs: &[&str]) -> Vec<u8> {
    let mut args = vec!["extract", "-q", "--with-documents"];
    args.extend(inputs);
    let out = run(&args);
    assert!(
        matches!(out.status.code(), Some(0 | 2)),
        "extract: {}",
        stderr(&out)
    );
    out.stdout
}

/// `report` on the documents and `report --claims` on their map output,
/// in one format: same bytes, same exit status.
#[track_caller]
fn assert_reduce_equals_report(inputs: &[&str], format: &str) -> Output {
    let mut args = vec!["report", "-q", "--format", format];
    args.extend(inputs);
    let direct = run(&args);
    let reduced = run_with_stdin(
        &["report", "--claims", "--format", format, "-"],
        &map(inputs),
    );
    assert_eq!(
        String::from_utf8_lossy(&reduced.stdout),
        String::from_utf8_lossy(&direct.stdout),
        "report --claims --format {format} differs from report on {inputs:?}\nstderr:\n{}",
        stderr(&reduced)
    );
    assert_eq!(
        reduced.status.code(),
        direct.status.code(),
        "exit status; stderr:\n{}",
        stderr(&reduced)
    );
    direct
}

fn shared_seeds() -> Option<String> {
    common::shared("corpus/seeds", "the reduce on the seeds")
        .map(|p| p.to_string_lossy().into_owned())
}

#[test]
fn reduce_equals_report_on_the_examples_in_every_format() {
    for format in ["json", "table", "markdown", "csv", "html"] {
        let direct = assert_reduce_equals_report(&["examples/articles"], format);
        assert_eq!(direct.status.code(), Some(1), "the examples conflict");
    }
    // and the report is not empty: the copy was found from the fingerprints
    let out = run_with_stdin(
        &["report", "--claims", "--format", "json", "-"],
        &map(&["examples/articles"]),
    );
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert!(report["groups"].as_array().is_some_and(|g| g.len() > 3));
    assert!(
        report["documents"][3]["copy_of"]
            .as_str()
            .is_some_and(|id| id.ends_with("02-valley-herald-2024-03-03.txt"))
    );
}

#[test]
fn reduce_equals_report_on_the_seeds() {
    let Some(seeds) = shared_seeds() else {
        return;
    };
    for format in ["json", "table", "html"] {
        assert_reduce_equals_report(&[&seeds], format);
    }
}

/// Reports that name no place, street or person are joined into one
/// incident by the day their lead states: the reduce step must see that
/// day (and the headline words) as the single run does. Here two reports
/// of Saturday's blast, published two days apart, conflict (3 against 4
/// killed) in one incident.
#[test]
fn reduce_equals_report_for_documents_that_name_no_place() {
    let dir = TempDir::new("no-place");
    let a = dir.write(
        "a.txt",
        "March 4, 2024\n\nThree people were killed in a blast on Saturday, officials said.\n",
    );
    let b = dir.write(
        "b.txt",
        "March 6, 2024\n\nFour people were killed in a blast on Saturday, officials said.\n",
    );
    let direct = assert_reduce_equals_report(&[s(&a), s(&b)], "json");
    assert_eq!(direct.status.code(), Some(1), "3 and 4 killed conflict");
}

#[test]
fn reduce_over_shards_equals_one_report() {
    // Two shards, mapped apart; reduced from their two files. The documents
    // come in shard order, so the single run reads the files in that order.
    let mut files: Vec<String> = std::fs::read_dir(Path::new(MANIFEST).join("examples/articles"))
        .expect("examples")
        .map(|e| {
            format!(
                "examples/articles/{}",
                e.expect("entry").file_name().to_string_lossy()
            )
        })
        .collect();
    files.sort();
    if let Some(seeds) = shared_seeds() {
        let mut more: Vec<String> = std::fs::read_dir(&seeds)
            .expect("seeds")
            .map(|e| e.expect("entry").path().to_string_lossy().into_owned())
            .collect();
        more.sort();
        files.extend(more);
    }
    let one: Vec<&str> = files.iter().step_by(2).map(String::as_str).collect();
    let two: Vec<&str> = files
        .iter()
        .skip(1)
        .step_by(2)
        .map(String::as_str)
        .collect();
    let dir = TempDir::new("shards");
    let c1 = dir.write("claims-1.jsonl", map(&one));
    let c1 = s(&c1);
    let c2 = dir.write("claims-2.jsonl", map(&two));
    let c2 = s(&c2);
    let reduced = run(&["report", "--claims", "--format", "json", c1, c2]);
    let mut args = vec!["report", "-q", "--format", "json"];
    args.extend(one.iter().chain(&two));
    let direct = run(&args);
    assert_eq!(
        String::from_utf8_lossy(&reduced.stdout),
        String::from_utf8_lossy(&direct.stdout),
        "{}",
        stderr(&reduced)
    );
    assert_eq!(reduced.status.code(), direct.status.code());
    assert!(reduced.stderr.is_empty(), "{}", stderr(&reduced));

    // A folder of shards, as Spark writes it: part files, a marker, hidden
    // checksums; read in path order.
    let parts = TempDir::new("parts");
    parts.write("claims/part-00000", map(&one));
    parts.write("claims/part-00001", map(&two));
    parts.write("claims/_SUCCESS", "");
    parts.write("claims/.part-00000.crc", "not claims");
    let folder = parts.path().join("claims");
    let from_folder = run(&[
        "report",
        "--claims",
        "--format",
        "json",
        folder.to_str().expect("utf-8"),
    ]);
    assert_eq!(
        from_folder.stdout,
        direct.stdout,
        "{}",
        stderr(&from_folder)
    );
}

#[test]
fn skipped_documents_and_warnings_survive_the_round_trip() {
    // JSON Lines documents: a good one with a bad date (a warning), a line
    // that is not JSON (skipped), one whose event is given, a missing file.
    let dir = TempDir::new("problems");
    let docs = dir.write(
        "docs.jsonl",
        concat!(
            r#"{"id": "a", "text": "March 3, 2024\n\nTwelve people were killed in the blast.", "source": "Herald", "published": "2024-02-30"}"#,
            "\n",
            "{not json\n",
            r#"{"id": "b", "text": "Fourteen people were killed in the blast, police said.", "source": "Radio", "event": "blast", "published": "2024-03-03"}"#,
            "\n",
        ),
    );
    let docs = s(&docs);
    let missing = dir.path().join("missing.txt");
    let missing = s(&missing);
    for format in ["json", "table"] {
        let direct = assert_reduce_equals_report(&[docs, missing], format);
        assert_eq!(direct.status.code(), Some(2));
    }
    let lines: Vec<Value> = String::from_utf8(map(&[docs, missing]))
        .expect("UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    let records: Vec<&Value> = lines
        .iter()
        .filter(|l| l["schema"] == "recount.document/1")
        .collect();
    // every input has its record, in input order
    assert_eq!(records.len(), 4, "{records:?}");
    assert_eq!(records[0]["id"], "a");
    assert_eq!(records[0]["origin"], format!("{docs}:1"));
    assert_eq!(
        records[0]["warnings"][0],
        "key \"published\": invalid date \"2024-02-30\"; ignored"
    );
    assert_eq!(records[1]["id"], format!("{docs}:2"));
    assert!(
        records[1]["skipped"]
            .as_str()
            .is_some_and(|s| s.contains("invalid JSON"))
    );
    assert_eq!(records[2]["event"], "blast");
    assert_eq!(records[3]["id"], missing);
    assert!(records[3]["skipped"].is_string());
    // and a record comes before its document's claims
    let first_claim = lines
        .iter()
        .position(|l| l["schema"] == "recount.claim/1")
        .expect("a claim");
    assert_eq!(lines[first_claim - 1]["schema"], "recount.document/1");
    assert_eq!(lines[first_claim]["doc"], "a");
}

#[test]
fn the_default_extract_output_is_unchanged() {
    // --with-documents only adds lines: without them it is the default output.
    let plain = run(&["extract", "examples/articles"]);
    let with = String::from_utf8(map(&["examples/articles"])).expect("UTF-8");
    let claims_only: String = with
        .lines()
        .filter(|l| !l.starts_with(r#"{"schema":"recount.document/1","#))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(claims_only, String::from_utf8_lossy(&plain.stdout));
    assert!(!String::from_utf8_lossy(&plain.stdout).contains("recount.document/1"));
}

#[test]
fn lines_in_any_order_give_the_same_report() {
    // A shuffle may deliver a document's claims before its record.
    let lines = String::from_utf8(map(&["examples/articles"])).expect("UTF-8");
    let (records, claims): (Vec<&str>, Vec<&str>) = lines
        .lines()
        .partition(|l| l.contains(r#""schema":"recount.document/1""#));
    let reordered: String = claims
        .iter()
        .chain(&records)
        .map(|l| format!("{l}\n"))
        .collect();
    let direct = run(&["report", "--format", "json", "examples/articles"]);
    let reduced = run_with_stdin(
        &["report", "--claims", "--format", "json", "-"],
        reordered.as_bytes(),
    );
    assert_eq!(reduced.stdout, direct.stdout, "{}", stderr(&reduced));
}

#[test]
fn a_bad_line_is_reported_and_the_rest_reduced() {
    let mut lines = map(&["examples/articles"]);
    lines.extend_from_slice(b"{\"schema\": \"recount.claim/1\", \"doc\": \n");
    lines.extend_from_slice(b"{\"schema\": \"recount.claim/9\"}\n");
    let out = run_with_stdin(&["report", "--claims", "--format", "json", "-"], &lines);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    let n = String::from_utf8_lossy(&lines).lines().count();
    assert!(
        err.contains(&format!(
            "recount: skipped: stdin:{}: invalid JSON: ",
            n - 1
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "recount: skipped: stdin:{n}: unknown schema \"recount.claim/9\""
        )),
        "{err}"
    );
    // the rest is the full report
    let direct = run(&["report", "--format", "json", "examples/articles"]);
    assert_eq!(out.stdout, direct.stdout);
}

#[test]
fn claims_without_their_document_record_are_kept_and_reported() {
    // The plain extract output has no records: every document is a stand-in.
    let plain = run(&[
        "extract",
        "examples/articles/03-national-radio-2024-03-03.txt",
    ]);
    let out = run_with_stdin(
        &["report", "--claims", "--format", "json", "-"],
        &plain.stdout,
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "recount: error: stdin:1: no recount.document/1 record for document \
         \"examples/articles/03-national-radio-2024-03-03.txt\" (extract --with-documents \
         writes one): its 4 claims are reconciled without its event or copy detection\n"
    );
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let doc = &report["documents"][0];
    assert_eq!(
        doc["id"],
        "examples/articles/03-national-radio-2024-03-03.txt"
    );
    assert_eq!(doc["outlet"], "National Radio News");
    assert_eq!(doc["published"], "2024-03-03");
    // the headline, the lead's two figures, and `Two of the injured`
    // (a part of the injured)
    assert_eq!(doc["claims"], 4);
    assert!(
        doc["warnings"][0]
            .as_str()
            .is_some_and(|w| w.starts_with("no recount.document/1 record"))
    );
    // every claim is in a group, or among the asides (figures about an
    // incident mentioned in passing)
    let claims: usize = report["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .map(|g| g["claims"].as_array().map_or(0, Vec::len))
        .sum::<usize>()
        + report["asides"].as_array().map_or(0, Vec::len);
    assert_eq!(claims, 4, "no claim is dropped");
}

#[test]
fn flags_of_the_map_step_are_refused_with_claims() {
    for args in [
        &["report", "--claims", "--published", "2024-03-03", "-"][..],
        &["report", "--claims", "--input-format", "jsonl", "-"],
    ] {
        let out = run_with_stdin(args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&out).contains("cannot be used with"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
    let out = run(&[
        "extract",
        "--with-documents",
        "--format",
        "table",
        "examples/articles",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "recount: --with-documents writes JSON Lines: use it with --format jsonl (the default)\n"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn an_empty_reduce_is_an_empty_report() {
    let out = run_with_stdin(&["report", "--claims", "--format", "json", "-"], b"\n\n");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(report["documents"], serde_json::json!([]));
    assert_eq!(report["groups"], serde_json::json!([]));
}
