//! The rules own the meaning: renaming every category and population of the
//! default rules (names only, roles kept) changes nothing but the names in
//! the report — same groups, statuses, figures, totals and exit status —
//! on the shipped examples, the seeds and gva-dev.

use recount::{ExtractOptions, Item, Outcome, Pipeline, ReadOptions, Role, Rules, from_text};

mod common;

/// The rules embedded in the binary.
const DEFAULT_RULES: &str = include_str!("../rules.toml");
use std::collections::BTreeMap;

const MANIFEST: &str = env!("CARGO_MANIFEST_DIR");

/// The default rules with every category and population renamed: `name =
/// "x"` becomes `name = "x renamed"` in those tables (parties keep theirs).
fn renamed_rules() -> (Rules, BTreeMap<String, String>) {
    let mut out = String::new();
    let mut table = "";
    let mut back = BTreeMap::new();
    for line in DEFAULT_RULES.lines() {
        if line.starts_with("[[") {
            table = line.trim();
        }
        let renames = table == "[[category]]" || table == "[[population]]";
        match line
            .strip_prefix("name = \"")
            .and_then(|r| r.strip_suffix('"'))
        {
            Some(name) if renames => {
                let new = format!("{name} renamed");
                back.insert(new.clone(), name.to_string());
                out.push_str(&format!("name = \"{new}\"\n"));
            }
            _ => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    let rules = Rules::from_toml("renamed.toml", &out).expect("renamed rules load");
    (rules, back)
}

/// What a user reads of a report: each group's key, status, figures and
/// sources' values, the totals, and the exit status (conflict or not).
fn digest(outcome: &Outcome, names: &BTreeMap<String, String>) -> Vec<String> {
    let name = |n: &str| names.get(n).cloned().unwrap_or_else(|| n.to_string());
    let rec = &outcome.reconciliation;
    let mut out: Vec<String> = rec
        .groups
        .iter()
        .map(|g| {
            let values: Vec<String> = g.sources.iter().map(|s| s.display()).collect();
            format!(
                "{} | {} | {:?} | {:?} | {:?} | {} | {:?} {:?} {:?} | {:?}",
                g.event,
                name(&g.category),
                g.party,
                g.population.as_deref().map(name),
                g.subject,
                g.status.as_str(),
                g.low,
                g.best,
                g.high,
                values
            )
        })
        .collect();
    out.extend(rec.totals.iter().map(|t| {
        format!(
            "total {} {} {:?} {:?} {:?}",
            t.event,
            name(&t.category),
            t.low,
            t.best,
            t.high
        )
    }));
    out.push(format!("conflicts {}", rec.conflicts()));
    out.sort();
    out
}

fn run(pipeline: &Pipeline, inputs: &[String]) -> Outcome {
    let items: Vec<Item> = recount::read_inputs(inputs, &ReadOptions::default()).collect();
    pipeline.run(items.into_iter(), |_| {})
}

fn same_report_under_new_names(inputs: &[String]) {
    let (renamed, names) = renamed_rules();
    let default = Pipeline::with_default_rules();
    let renamed = Pipeline::new(renamed, ExtractOptions::default());
    let a = run(&default, inputs);
    let b = run(&renamed, inputs);
    assert!(
        !a.reconciliation.groups.is_empty(),
        "no groups in {inputs:?}"
    );
    assert_eq!(
        digest(&a, &BTreeMap::new()),
        digest(&b, &names),
        "{inputs:?}"
    );
    // every category in the renamed report is a renamed one
    for g in &b.reconciliation.groups {
        assert!(g.category.ends_with(" renamed"), "{}", g.category);
    }
}

#[test]
fn renamed_rules_report_the_examples_alike() {
    same_report_under_new_names(&[format!("{MANIFEST}/examples/articles")]);
}

#[test]
fn renamed_rules_report_the_seeds_and_gva_dev_alike() {
    let Some(shared) = common::shared("corpus", "the seeds' and gva-dev's rename test") else {
        return;
    };
    same_report_under_new_names(&[shared.join("seeds").display().to_string()]);
    // gva-dev as JSON Lines documents, each with its incident as event
    let incidents =
        std::fs::read_to_string(shared.join("gva-dev/incidents.jsonl")).expect("gva-dev");
    let dir = std::env::temp_dir().join(format!("recount-rename-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let docs = dir.join("gva.jsonl");
    let mut lines = String::new();
    for line in incidents.lines() {
        let inc: serde_json::Value = serde_json::from_str(line).expect("incident");
        for d in inc["docs"].as_array().expect("docs") {
            let rec = serde_json::json!({
                "id": d["doc_id"], "event": inc["incident_id"].to_string(),
                "published": d["date"], "title": d["title"], "text": d["text"],
            });
            lines.push_str(&rec.to_string());
            lines.push('\n');
        }
    }
    std::fs::write(&docs, lines).expect("write");
    same_report_under_new_names(&[docs.display().to_string()]);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn percentages_follow_the_role_not_the_name() {
    // A rules file of its own, with the percent category called `share`:
    // two unrelated shares are two groups, never summed into a total.
    let rules = Rules::from_toml(
        "share.toml",
        "[[category]]\nname = \"share\"\nrole = \"percent\"\n\
         [[category]]\nname = \"dead\"\nrole = \"killed\"\nafter = [\"killed\"]\n\
         [[population]]\nname = \"anyone\"\nrole = \"default\"\nnouns = [\"people\"]\n",
    )
    .expect("rules");
    let pipeline = Pipeline::new(rules, ExtractOptions::default());
    let a = from_text(
        "a.txt",
        "May 2, 2024\n\nTurnout was 61% of registered voters. 40% of the buildings were damaged.",
    );
    let outcome = pipeline.reconcile_documents([a]);
    let rec = &outcome.reconciliation;
    let shares: Vec<_> = rec
        .groups
        .iter()
        .filter(|g| g.category == "share")
        .collect();
    assert_eq!(shares.len(), 2);
    assert!(shares.iter().all(|g| g.status.as_str() == "single-source"));
    assert!(rec.totals.iter().all(|t| t.category != "share"));
}

#[test]
fn a_single_death_outranks_the_injury_under_any_name() {
    let rules = Rules::from_toml("dead.toml", "extends = \"default\"\n").expect("rules");
    let renamed = renamed_rules().0;
    for rules in [rules, renamed] {
        let pipeline = Pipeline::new(rules, ExtractOptions::default());
        let doc = from_text("a.txt", "He was taken to a hospital, where he later died.");
        let claims = pipeline.extract(&doc);
        assert_eq!(claims.len(), 1, "{claims:?}");
        assert_eq!(claims[0].role, Some(Role::Killed));
    }
}

#[test]
fn rules_without_a_default_population_load() {
    let rules = Rules::from_toml(
        "r.toml",
        "[[category]]\nname = \"dead\"\nrole = \"killed\"\nafter = [\"killed\"]\n",
    )
    .expect("a population with role default is not required");
    let pipeline = Pipeline::new(rules, ExtractOptions::default());
    let claims = pipeline.extract(&from_text("a.txt", "Three were killed."));
    assert_eq!(claims.len(), 1);
    assert_eq!(claims[0].population, None);
}

/// Every key a user can set in the rules is documented: each class of
/// `[words]`, each key of `[incidents]`, `[speech]`, `[hedges]`,
/// `[negation]` and of the categories and populations of the default rules
/// is named (as `` `key` ``) in `docs/rules.md`.
#[test]
fn every_rules_key_is_documented() {
    let docs = std::fs::read_to_string(format!("{MANIFEST}/docs/rules.md")).expect("docs/rules.md");
    let rules: toml::Table = toml::from_str(DEFAULT_RULES).expect("rules.toml");
    let mut keys: Vec<String> = Vec::new();
    for table in ["words", "incidents", "speech", "hedges", "negation"] {
        if let Some(t) = rules.get(table).and_then(|v| v.as_table()) {
            keys.extend(t.keys().cloned());
        }
    }
    for array in ["category", "population"] {
        for entry in rules
            .get(array)
            .and_then(|v| v.as_array())
            .into_iter()
            .flatten()
            .filter_map(|e| e.as_table())
        {
            keys.extend(entry.keys().cloned());
        }
    }
    keys.sort();
    keys.dedup();
    assert!(keys.len() > 60, "the rules' keys were not read: {keys:?}");
    let missing: Vec<&String> = keys
        .iter()
        .filter(|k| !docs.contains(&format!("`{k}`")))
        .collect();
    assert!(
        missing.is_empty(),
        "keys of rules.toml not in docs/rules.md: {missing:?}"
    );
}
