//! Every `pm check` rule, firing and not firing, driven by data: `tests/data/check/cases.toml`
//! lists documents (base.md with edits) and the exact findings each must produce.

use crate::common::Sandbox;
use std::collections::{BTreeMap, BTreeSet};

const BASE: &str = include_str!("../data/check/base.md");
const CASES: &str = include_str!("../data/check/cases.toml");

struct Case {
    name: String,
    rules: Vec<String>,
    fires: bool,
    text: Vec<u8>,
    expect: Vec<String>,
}

fn id_of(name: &str) -> String {
    format!("2026-03-02-{name}")
}

fn cases() -> Vec<Case> {
    let table: toml::Table = CASES.parse().expect("cases.toml is valid TOML");
    let list = table["case"].as_array().expect("[[case]] list");
    list.iter()
        .map(|case| {
            let name = case["name"].as_str().expect("name").to_string();
            let id = id_of(&name);
            let mut text = match case.get("content").and_then(|c| c.as_str()) {
                Some(content) => content.to_string(),
                None => BASE.to_string(),
            };
            for pair in case
                .get("replace")
                .and_then(|r| r.as_array())
                .cloned()
                .unwrap_or_default()
            {
                let pair = pair.as_array().expect("replace pair");
                let from = pair[0].as_str().expect("from");
                let to = pair[1].as_str().expect("to");
                assert!(
                    text.contains(from),
                    "case {name}: `{from}` is not in the document"
                );
                text = text.replacen(from, to, 1);
            }
            let text = text.replace("{id}", &id);
            let bytes = if case.get("latin1").and_then(|v| v.as_bool()) == Some(true) {
                text.chars().map(|c| c as u32 as u8).collect()
            } else {
                text.into_bytes()
            };
            Case {
                rules: match &case["rule"] {
                    toml::Value::Array(list) => list
                        .iter()
                        .map(|r| r.as_str().expect("rule").to_string())
                        .collect(),
                    other => vec![other.as_str().expect("rule").to_string()],
                },
                fires: case["fires"].as_bool().expect("fires"),
                expect: case["expect"]
                    .as_array()
                    .expect("expect")
                    .iter()
                    .map(|e| e.as_str().expect("expect entry").to_string())
                    .collect(),
                text: bytes,
                name,
            }
        })
        .collect()
}

#[test]
fn every_case_gives_exactly_its_expected_findings() {
    let s = Sandbox::initialised();
    let cases = cases();
    for case in &cases {
        s.write(
            &format!("postmortems/2026/{}.md", id_of(&case.name)),
            &case.text,
        );
    }
    let out = s.pm(["check", "--format", "json"]);
    let report = out.json();
    assert_eq!(report["files_checked"], cases.len(), "{}", out.stdout);
    let mut found: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for d in report["diagnostics"].as_array().expect("diagnostics") {
        let path = d["path"].as_str().expect("path");
        let stem = path
            .rsplit('/')
            .next()
            .and_then(|n| n.strip_suffix(".md"))
            .expect("a .md path");
        found.entry(stem.to_string()).or_default().push(format!(
            "{}:{} {} {}",
            d["line"],
            d["column"],
            d["severity"].as_str().unwrap_or(""),
            d["rule"].as_str().unwrap_or("")
        ));
    }
    let mut failures = Vec::new();
    for case in &cases {
        let mut got = found.remove(&id_of(&case.name)).unwrap_or_default();
        got.sort();
        let mut want = case.expect.clone();
        want.sort();
        if got != want {
            failures.push(format!("{}:\n  want {want:?}\n  got  {got:?}", case.name));
        }
        for rule in &case.rules {
            let mentions = want.iter().any(|w| w.ends_with(&format!(" {rule}")));
            assert_eq!(
                mentions, case.fires,
                "case {} says fires = {} for {rule}",
                case.name, case.fires
            );
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_rule_has_a_firing_and_a_near_miss_case() {
    let s = Sandbox::initialised();
    let listed = s
        .pm(["check", "--list-rules", "--format", "json"])
        .ok()
        .json();
    let rules: BTreeSet<String> = listed
        .as_array()
        .expect("rules")
        .iter()
        .map(|r| r["id"].as_str().expect("id").to_string())
        // The wording detector's rules are tested with it; two are wired up here.
        .filter(|id| !id.starts_with("blameless/") || id == "blameless/counterfactual")
        .collect();
    let cases = cases();
    for rule in &rules {
        match rule.as_str() {
            // Two files: see tests/check.rs.
            "frontmatter/duplicate-id" => continue,
            // TOML rejects impossible dates before pm sees them (see the impossible-date case);
            // the rule guards values that parse but name no moment.
            "frontmatter/invalid-date" => continue,
            _ => {}
        }
        for fires in [true, false] {
            assert!(
                cases
                    .iter()
                    .any(|c| c.rules.contains(rule) && c.fires == fires),
                "no case where {rule} {}",
                if fires { "fires" } else { "does not fire" }
            );
        }
    }
}
