//! The output contracts: the real binary's JSON and JSON Lines, validated
//! against the JSON Schemas in `docs/schema/` (draft 2020-12). Every object
//! in the schemas is closed, so a field added to an output without a new
//! schema fails here.

use jsonschema::Validator;
use serde_json::{Value, json};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn schema_json(name: &str) -> Value {
    let path: PathBuf = root()
        .join("docs/schema")
        .join(format!("{name}.schema.json"));
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: cannot read: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: not JSON: {e}", path.display()))
}

fn build(schema: &Value) -> Validator {
    if let Err(e) = jsonschema::draft202012::meta::validate(schema) {
        panic!("not a valid draft 2020-12 schema: {e}");
    }
    jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(schema)
        .unwrap_or_else(|e| panic!("schema does not compile: {e}"))
}

fn validator(name: &str) -> Validator {
    build(&schema_json(name))
}

/// Panics with every error, located, if `instance` is not valid.
fn assert_valid(v: &Validator, instance: &Value, what: &str) {
    let errors: Vec<String> = v
        .iter_errors(instance)
        .map(|e| format!("  at {}: {e}", e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{what} does not match its schema:\n{}\ninstance: {instance}",
        errors.join("\n")
    );
}

fn assert_invalid(v: &Validator, instance: &Value, what: &str) {
    assert!(
        !v.is_valid(instance),
        "{what} should be rejected: {instance}"
    );
}

fn recount(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_recount"))
        .args(args)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .output()
        .expect("run recount")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

fn json_lines(o: &Output) -> Vec<Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

/// The report from the shipped examples (exit 1: they conflict).
fn example_report() -> Value {
    let out = recount(&["report", "--format", "json", "examples/articles"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_str(&stdout(&out)).expect("report is JSON")
}

fn example_claims() -> Vec<Value> {
    let out = recount(&["extract", "examples/articles"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    json_lines(&out)
}

// ---------------------------------------------------------------------------
// the schema files themselves

#[test]
fn every_schema_is_valid_2020_12_and_closed() {
    for name in [
        "claim",
        "report",
        "number",
        "document",
        "document-record",
        "case",
    ] {
        let schema = schema_json(name);
        build(&schema);
        assert_eq!(
            schema["$schema"], "https://json-schema.org/draft/2020-12/schema",
            "{name}"
        );
        // Every object schema is closed: additionalProperties or
        // unevaluatedProperties false, or it is a fragment $ref'd from a
        // closed one (`$defs/claim`).
        let mut open = Vec::new();
        find_open_objects(&schema, "#", &mut open);
        assert!(
            open.iter().all(|p| p == "#/$defs/claim"),
            "{name}: open objects {open:?}"
        );
    }
}

fn find_open_objects(s: &Value, at: &str, open: &mut Vec<String>) {
    if let Value::Object(m) = s {
        if m.get("type") == Some(&json!("object"))
            && m.get("additionalProperties") != Some(&json!(false))
            && m.get("unevaluatedProperties") != Some(&json!(false))
        {
            open.push(at.to_string());
        }
        for (k, v) in m {
            find_open_objects(v, &format!("{at}/{k}"), open);
        }
    } else if let Value::Array(a) = s {
        for (i, v) in a.iter().enumerate() {
            find_open_objects(v, &format!("{at}/{i}"), open);
        }
    }
}

#[test]
fn schema_titles_are_the_versions_the_library_writes() {
    assert_eq!(schema_json("claim")["title"], recount::wire::CLAIM_SCHEMA);
    assert_eq!(
        schema_json("claim")["properties"]["schema"]["const"],
        recount::wire::CLAIM_SCHEMA
    );
    assert_eq!(schema_json("report")["title"], recount::wire::REPORT_SCHEMA);
    assert_eq!(
        schema_json("report")["properties"]["schema"]["const"],
        recount::wire::REPORT_SCHEMA
    );
    assert_eq!(
        schema_json("number")["properties"]["schema"]["const"],
        "recount.number/1"
    );
    assert_eq!(
        schema_json("document-record")["title"],
        recount::wire::DOCUMENT_SCHEMA
    );
    assert_eq!(
        schema_json("document-record")["properties"]["schema"]["const"],
        recount::wire::DOCUMENT_SCHEMA
    );
}

/// The report embeds the claim definition so that each file stands alone;
/// the two copies must not drift apart.
#[test]
fn report_schema_embeds_the_claim_schema_unchanged() {
    let claim = schema_json("claim");
    let report = schema_json("report");
    for def in [
        "claim",
        "qualifier",
        "date",
        "nullable_string",
        "event_time",
        "role",
        "population_role",
        "counts",
        "person",
        "derivation",
    ] {
        assert!(
            claim["$defs"][def].is_object(),
            "claim.schema.json has no $defs/{def}"
        );
        assert_eq!(
            report["$defs"][def], claim["$defs"][def],
            "$defs/{def} differs between claim.schema.json and report.schema.json"
        );
    }
}

// ---------------------------------------------------------------------------
// recount.claim/1

#[test]
fn extract_lines_match_the_claim_schema() {
    let v = validator("claim");
    let claims = example_claims();
    assert!(claims.len() >= 10, "only {} claims", claims.len());
    for (i, c) in claims.iter().enumerate() {
        assert_valid(&v, c, &format!("extract line {}", i + 1));
    }
}

#[test]
fn extract_json_elements_match_the_claim_fields() {
    // `--format json` writes an array of the same records as the JSON Lines
    // output, each with its `schema`: every element is a claim line.
    let v = validator("claim");
    let out = recount(&["extract", "--format", "json", "examples/articles"]);
    assert_eq!(out.status.code(), Some(0));
    let all: Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    let all = all.as_array().expect("an array");
    assert!(!all.is_empty());
    for (i, c) in all.iter().enumerate() {
        assert_valid(&v, c, &format!("extract --format json [{i}]"));
    }
}

#[test]
fn claim_schema_rejects_added_missing_and_mistyped_fields() {
    let v = validator("claim");
    let claim = example_claims().remove(0);
    assert_valid(&v, &claim, "the first claim");

    let mut added = claim.clone();
    added["confidence"] = json!(0.9);
    assert_invalid(&v, &added, "a claim with an undeclared field");

    let mut missing = claim.clone();
    missing.as_object_mut().unwrap().remove("quote");
    assert_invalid(&v, &missing, "a claim without its quote");

    let mut versioned = claim.clone();
    versioned["schema"] = json!("recount.claim/2");
    assert_invalid(&v, &versioned, "a claim of another version");

    let mut qualifier = claim.clone();
    qualifier["qualifier"] = json!("roughly");
    assert_invalid(&v, &qualifier, "an unknown qualifier");

    let mut date = claim;
    date["published"] = json!("3 March 2024");
    assert_invalid(&v, &date, "a date not in YYYY-MM-DD");
}

// ---------------------------------------------------------------------------
// recount.document/1

/// `extract --with-documents` over the examples and a missing file: every
/// line, document records and claims alike.
fn map_lines() -> Vec<Value> {
    let out = recount(&[
        "extract",
        "--with-documents",
        "examples/articles",
        "no-such-file.txt",
    ]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    json_lines(&out)
}

#[test]
fn extract_with_documents_lines_match_their_schemas() {
    let documents = validator("document-record");
    let claims = validator("claim");
    let lines = map_lines();
    let mut seen = (0, 0);
    for (i, line) in lines.iter().enumerate() {
        match line["schema"].as_str() {
            Some("recount.document/1") => {
                assert_valid(&documents, line, &format!("line {}", i + 1));
                seen.0 += 1;
            }
            Some("recount.claim/1") => {
                assert_valid(&claims, line, &format!("line {}", i + 1));
                seen.1 += 1;
            }
            other => panic!("line {}: schema {other:?}", i + 1),
        }
    }
    // four articles and the missing file, and the examples' claims
    assert_eq!(seen.0, 5);
    assert_eq!(seen.1, example_claims().len());
    let skipped = lines.last().expect("a last line");
    assert_eq!(skipped["id"], "no-such-file.txt");
    assert!(skipped["skipped"].is_string());
}

#[test]
fn document_record_schema_shares_the_claim_schema_definitions() {
    let claim = schema_json("claim");
    let record = schema_json("document-record");
    for def in ["date", "nullable_string", "event_time"] {
        assert_eq!(record["$defs"][def], claim["$defs"][def], "$defs/{def}");
    }
    // a document's identity is the same in the record and in the report
    let report = schema_json("report");
    assert!(record["$defs"]["identity"].is_object());
    assert_eq!(record["$defs"]["identity"], report["$defs"]["identity"]);
}

#[test]
fn document_record_schema_rejects_added_missing_and_mistyped_fields() {
    let v = validator("document-record");
    let record = map_lines().remove(0);
    assert_valid(&v, &record, "the first record");

    let mut added = record.clone();
    added["text"] = json!("the article");
    assert_invalid(&v, &added, "a record with an undeclared field");

    let mut missing = record.clone();
    missing.as_object_mut().unwrap().remove("fingerprint");
    assert_invalid(&v, &missing, "a record without its fingerprint");

    let mut versioned = record.clone();
    versioned["schema"] = json!("recount.document/2");
    assert_invalid(&v, &versioned, "a record of another version");

    let mut count = record.clone();
    count["claims"] = json!(-1);
    assert_invalid(&v, &count, "a negative claim count");

    let mut print = record;
    print["fingerprint"]["sketch"] = json!(["12"]);
    assert_invalid(&v, &print, "a sketch of strings");
}

// ---------------------------------------------------------------------------
// recount.report/1

#[test]
fn json_report_matches_the_report_schema() {
    let v = validator("report");
    let report = example_report();
    assert_valid(&v, &report, "report --format json");
    // the example exercises every part of the contract
    assert_eq!(report["documents"].as_array().map(Vec::len), Some(4));
    assert!(report["documents"][3]["copy_of"].is_string());
    assert!(report["groups"][0]["claims"][0].is_object());
    assert!(report["groups"][0]["sources"][0].is_object());
    assert!(report["totals"][0].is_object());
}

#[test]
fn json_report_of_a_skipped_input_matches_the_report_schema() {
    let v = validator("report");
    let out = recount(&[
        "report",
        "--format",
        "json",
        "examples/articles/01-wire-2024-03-02.txt",
        "no-such-file.txt",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let report: Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_valid(&v, &report, "report with a missing input");
    assert!(report["documents"][1]["skipped"].is_string());
}

#[test]
fn report_schema_rejects_a_field_added_anywhere() {
    let v = validator("report");
    let report = example_report();
    for pointer in [
        "",
        "/documents/0",
        "/documents/0/identity",
        "/groups/0",
        "/groups/0/sources/0",
        "/groups/0/claims/0",
        "/totals/0",
        "/events/0",
    ] {
        let mut changed = report.clone();
        changed
            .pointer_mut(pointer)
            .and_then(Value::as_object_mut)
            .unwrap_or_else(|| panic!("no object at {pointer:?}"))
            .insert("added".into(), json!(true));
        assert_invalid(
            &v,
            &changed,
            &format!("a report with a field added at {pointer:?}"),
        );
    }
    let mut status = report;
    status["groups"][0]["status"] = json!("disputed");
    assert_invalid(&v, &status, "an unknown status");
}

// ---------------------------------------------------------------------------
// recount.number/1

#[test]
fn numbers_lines_match_the_number_schema() {
    let v = validator("number");
    let out = recount(&["numbers", "--format", "jsonl", "examples/articles"]);
    assert_eq!(out.status.code(), Some(0));
    let rows = json_lines(&out);
    assert!(rows.len() >= 20, "only {} numbers", rows.len());
    for (i, r) in rows.iter().enumerate() {
        assert_valid(&v, r, &format!("numbers line {}", i + 1));
    }
    let kinds: std::collections::BTreeSet<&str> =
        rows.iter().filter_map(|r| r["kind"].as_str()).collect();
    assert!(kinds.contains("count") && kinds.contains("date") && kinds.contains("year"));

    let mut added = rows[0].clone();
    added["value"] = json!(9);
    assert_invalid(&v, &added, "a number with an undeclared field");
}

#[test]
fn numbers_json_rows_match_the_number_schema() {
    let v = validator("number");
    let out = recount(&[
        "numbers",
        "--format",
        "json",
        "examples/articles/03-national-radio-2024-03-03.txt",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let rows: Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    let rows = rows.as_array().expect("an array");
    assert!(!rows.is_empty());
    for (i, r) in rows.iter().enumerate() {
        assert_valid(&v, r, &format!("numbers --format json [{i}]"));
    }
}

// ---------------------------------------------------------------------------
// recount.case/1

#[test]
fn generate_lines_match_the_case_schema() {
    let v = validator("case");
    assert_eq!(schema_json("case")["title"], recount::generate::CASE_SCHEMA);
    let document = validator("document");
    for kind in ["quantities", "claims", "not-counts"] {
        let out = recount(&["generate", "--seed", "3", "--count", "300", "--kind", kind]);
        assert_eq!(out.status.code(), Some(0), "{kind}");
        let lines = json_lines(&out);
        assert_eq!(lines.len(), 300, "{kind}");
        for (i, line) in lines.iter().enumerate() {
            assert_valid(&v, line, &format!("generate --kind {kind} line {}", i + 1));
            // and read back as a JSON Lines document: its id and text
            let doc = json!({"id": line["id"], "text": line["text"]});
            assert_valid(&document, &doc, "a case as a document");
        }
        let mut added = lines[0].clone();
        added["extra"] = json!(1);
        assert_invalid(&v, &added, "a case with an undeclared field");
        let mut missing = lines[0].clone();
        missing.as_object_mut().unwrap().remove("expect");
        assert_invalid(&v, &missing, "a case without expect");
    }
}

// ---------------------------------------------------------------------------
// JSON Lines documents (input)

fn good_documents() -> Vec<Value> {
    vec![
        json!({"id": "min", "text": "Three people were killed in the blast."}),
        json!({
            "id": "full",
            "text": "Four people were wounded, police said.",
            "title": "Blast at depot",
            "published": "2024-03-03",
            "source": "Valley Herald",
            "url": "https://example.com/a",
            "event": "depot-blast"
        }),
        json!({
            "id": "nulls", "text": "Two people died.",
            "title": null, "published": null, "source": null, "url": null, "event": null
        }),
        json!({"id": "prose-date", "text": "Two people died.", "published": "March 3, 2024"}),
        json!({"id": "timestamp", "text": "Two people died.", "published": "2024-03-03T10:00:00Z"}),
    ]
}

#[test]
fn document_schema_accepts_records_that_recount_reads() {
    let v = validator("document");
    let docs = good_documents();
    for d in &docs {
        assert_valid(&v, d, "document record");
    }
    // and recount reads them all, without a problem
    let mut child = Command::new(env!("CARGO_BIN_EXE_recount"))
        .args(["extract", "--input-format", "jsonl", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run recount");
    {
        let mut stdin = child.stdin.take().expect("stdin");
        for d in &docs {
            writeln!(stdin, "{d}").expect("write");
        }
    }
    let out = child.wait_with_output().expect("wait");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let claims = json_lines(&out);
    let ids: std::collections::BTreeSet<&str> =
        claims.iter().filter_map(|c| c["doc"].as_str()).collect();
    assert_eq!(ids.len(), docs.len(), "{ids:?}");
    let full = claims.iter().find(|c| c["doc"] == "full").expect("full");
    assert_eq!(full["outlet"], "Valley Herald");
    assert_eq!(full["published"], "2024-03-03");
}

#[test]
fn document_schema_rejects_invalid_records() {
    let v = validator("document");
    for (what, record) in [
        ("no text", json!({"id": "a"})),
        ("no id", json!({"text": "Two people died."})),
        (
            "a blank id",
            json!({"id": "  ", "text": "Two people died."}),
        ),
        ("a numeric id", json!({"id": 7, "text": "Two people died."})),
        (
            "a misspelt key",
            json!({"id": "a", "text": "x", "pubished": "2024-03-03"}),
        ),
        (
            "a non-string title",
            json!({"id": "a", "text": "x", "title": ["Blast"]}),
        ),
        ("not an object", json!(["a", "Two people died."])),
    ] {
        assert_invalid(&v, &record, &format!("a document with {what}"));
    }
}

#[test]
fn a_record_without_text_is_rejected_by_recount_too() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_recount"))
        .args(["extract", "--input-format", "jsonl", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run recount");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"{\"id\": \"a\"}\n")
        .expect("write");
    let out = child.wait_with_output().expect("wait");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("text"));
}

// ---------------------------------------------------------------------------
// the optional parts: people one by one, lists, headlines, derived figures,
// attackers, other incidents, events

/// Two reports of one shooting, written to use every optional part of the
/// outputs: a figure in the title (`in_title`), a person and a list, a
/// figure derived (wounded = shot − killed), an attacker among the dead,
/// an incident mentioned in passing (an aside) and two documents joined
/// into one event.
const RICH: &str = concat!(
    r#"{"id":"a","title":"Five shot, one dead outside Dayton bar","published":"2024-05-06","source":"Dayton Daily","text":"DAYTON, Ohio — Five people were shot early Sunday outside a bar on Wayne Avenue, police said. One of them later died at a hospital.\n\nThe victim was identified as Maria Lopez, 34. A man and two women were also hurt by flying glass.\n\nIn a separate incident, three people were killed in a crash on the highway."}"#,
    "\n",
    r#"{"id":"b","published":"2024-05-06","source":"Ohio Radio","text":"DAYTON, Ohio — Two people were killed outside a bar on Wayne Avenue early Sunday, police said. The gunman then killed himself."}"#,
    "\n",
);

fn recount_stdin(args: &[&str], input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_recount"))
        .args(args)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run recount");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write");
    child.wait_with_output().expect("wait")
}

fn rich_lines() -> Vec<Value> {
    let out = recount_stdin(
        &[
            "extract",
            "--with-documents",
            "--input-format",
            "jsonl",
            "-",
        ],
        RICH,
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    json_lines(&out)
}

fn rich_report() -> Value {
    let out = recount_stdin(
        &["report", "--format", "json", "--input-format", "jsonl", "-"],
        RICH,
    );
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_str(&stdout(&out)).expect("report is JSON")
}

#[test]
fn claims_with_every_optional_field_match_the_claim_schema() {
    let claims = validator("claim");
    let documents = validator("document-record");
    let lines = rich_lines();
    for (i, line) in lines.iter().enumerate() {
        match line["schema"].as_str() {
            Some("recount.document/1") => {
                assert_valid(&documents, line, &format!("line {}", i + 1))
            }
            _ => assert_valid(&claims, line, &format!("line {}", i + 1)),
        }
    }
    let has = |key: &str| lines.iter().any(|l| !l[key].is_null());
    for key in [
        "role",
        "population_role",
        "person",
        "list",
        "in_title",
        "identity",
    ] {
        assert!(
            has(key),
            "no line has `{key}`: the input no longer exercises it"
        );
    }
    assert!(lines.iter().any(|l| l["incident"].as_u64() > Some(0)));
    assert!(lines.iter().any(|l| l["counts"] == "person"));
    assert!(lines.iter().any(|l| l["population_role"] == "perpetrator"));
    // a title claim is on line 0; one of the text on line 1 or later
    let title = lines
        .iter()
        .find(|l| l["in_title"] == true)
        .expect("a title claim");
    assert_eq!(title["line"], 0);
}

#[test]
fn a_report_with_every_optional_part_matches_the_report_schema() {
    let v = validator("report");
    let report = rich_report();
    assert_valid(&v, &report, "the rich report");
    let groups = report["groups"].as_array().expect("groups");
    let claims: Vec<&Value> = groups
        .iter()
        .flat_map(|g| g["claims"].as_array().into_iter().flatten())
        .collect();
    // the parts this test is here to check are there
    let derived = claims
        .iter()
        .find(|c| c["counts"] == "derived")
        .expect("a derived claim");
    assert!(derived["derived"].as_array().is_some_and(|d| !d.is_empty()));
    let sources: Vec<&Value> = groups
        .iter()
        .flat_map(|g| g["sources"].as_array().into_iter().flatten())
        .collect();
    assert!(sources.iter().any(|s| s["basis"] == "derived"));
    assert!(sources.iter().any(|s| s["perpetrators"].is_number()));
    assert!(
        report["totals"]
            .as_array()
            .expect("totals")
            .iter()
            .any(|t| t["perpetrators"].is_number())
    );
    assert!(report["asides"].as_array().is_some_and(|a| !a.is_empty()));
    let events = report["events"].as_array().expect("events");
    assert!(
        events
            .iter()
            .any(|e| e["joined"].as_array().is_some_and(|j| !j.is_empty()))
    );
    assert!(report["documents"][0]["identity"]["places"].is_array());
    // and every group names one of the events
    for g in groups {
        assert!(
            events.iter().any(|e| e["id"] == g["event"]),
            "{}",
            g["event"]
        );
    }
}

#[test]
fn claim_schema_rejects_inconsistent_new_fields() {
    let v = validator("claim");
    let lines = rich_lines();
    let claim = lines
        .iter()
        .find(|l| l["schema"] == "recount.claim/1" && l["in_title"].is_null())
        .expect("a claim of the text")
        .clone();
    assert_valid(&v, &claim, "a claim of the text");
    for (what, key, value) in [
        ("an unknown `counts`", "counts", json!("some")),
        ("a negative incident", "incident", json!(-1)),
        ("`in_title` written false", "in_title", json!(false)),
        ("a claim of the title on line 3", "in_title", json!(true)),
        ("an unknown role", "role", json!("arrested")),
        (
            "an unknown population role",
            "population_role",
            json!("bystander"),
        ),
        (
            "a person without a reference",
            "person",
            json!({"name": "Maria Lopez"}),
        ),
        (
            "a person with an unknown field",
            "person",
            json!({"reference": "name", "rank": 1}),
        ),
        ("an empty derivation list", "derived", json!([])),
    ] {
        let mut bad = claim.clone();
        bad[key] = value;
        assert_invalid(&v, &bad, &format!("a claim with {what}"));
    }
    // a derived figure names what it comes from; a stated one does not
    let mut derived = claim.clone();
    derived["counts"] = json!("derived");
    assert_invalid(&v, &derived, "a derived claim without `derived`");
    let mut line_zero = claim;
    line_zero["line"] = json!(0);
    assert_invalid(&v, &line_zero, "a claim of the text on line 0");
}

#[test]
fn report_schema_rejects_inconsistent_new_fields() {
    let v = validator("report");
    let report = rich_report();
    let mut no_basis = report.clone();
    no_basis["groups"][0]["sources"][0]
        .as_object_mut()
        .expect("a source")
        .remove("basis");
    assert_invalid(&v, &no_basis, "a source without its basis");
    let mut basis = report.clone();
    basis["groups"][0]["sources"][0]["basis"] = json!("guessed");
    assert_invalid(&v, &basis, "an unknown basis");
    let mut no_events = report.clone();
    no_events.as_object_mut().expect("report").remove("events");
    assert_invalid(&v, &no_events, "a report without events");
    let mut place = report.clone();
    place["documents"][0]["identity"]["places"] = json!(["Dayton"]);
    assert_invalid(&v, &place, "a place without its kind");
    let mut empty = report;
    empty["documents"][0]["identity"] = json!({"terms": ["bar"]});
    assert_invalid(
        &v,
        &empty,
        "an identity that names no place, street, person or kind",
    );
}
