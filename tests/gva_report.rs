//! All of gva-dev's real articles go through `recount report` as JSON Lines
//! documents, one event per incident, and every document is accounted for.

use std::process::Command;

mod common;

#[test]
fn every_gva_document_is_accounted_for_in_the_report() {
    let incidents = common::shared("corpus/gva-dev/incidents.jsonl", "the gva-dev report test");
    let Some(incidents) = incidents else { return };
    let text = std::fs::read_to_string(&incidents).expect("gva-dev incidents");
    let mut lines = String::new();
    let mut expected = 0;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let incident: serde_json::Value =
            serde_json::from_str(line).expect("incidents.jsonl parses");
        let event = incident["incident_id"]
            .as_str()
            .expect("incident_id")
            .to_string();
        for doc in incident["docs"].as_array().expect("docs") {
            let title = doc["title"].as_str().unwrap_or_default();
            let body = doc["text"].as_str().unwrap_or_default();
            let record = serde_json::json!({
                "id": format!("{event}/{}", doc["doc_id"].as_str().expect("doc_id")),
                "text": format!("{title}\n\n{body}"),
                "title": title,
                "published": doc["date"],
                "event": event,
            });
            lines.push_str(&record.to_string());
            lines.push('\n');
            expected += 1;
        }
    }
    let dir = std::env::temp_dir().join(format!("recount-gva-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("gva-documents.jsonl");
    std::fs::write(&path, lines).expect("write documents");
    let out = Command::new(env!("CARGO_BIN_EXE_recount"))
        .args(["report", "--quiet", "--format", "json"])
        .arg(&path)
        .output()
        .expect("run recount");
    let _ = std::fs::remove_dir_all(&dir);
    // 0 or 1 (conflicts between local outlets are expected), never trouble
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "exit {:?}: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    let documents = report["documents"].as_array().expect("documents");
    assert_eq!(documents.len(), expected, "every input document is listed");
    assert!(
        documents.iter().all(|d| d["skipped"].is_null()),
        "no document skipped"
    );
    let events: std::collections::BTreeSet<&str> = report["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .filter_map(|g| g["event"].as_str())
        .collect();
    assert!(
        events.len() > 150,
        "groups come per incident: {} events",
        events.len()
    );
}
