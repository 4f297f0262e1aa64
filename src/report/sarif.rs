//! `pm check --format sarif`: SARIF 2.1.0, for code-scanning dashboards.

use crate::checks::{CheckReport, RuleMeta, Severity};
use crate::config::Level;
use serde_json::{json, Value};

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
pub const VERSION: &str = "2.1.0";

/// The report as a SARIF log with one run. `rules` lists every rule with the level it ran at.
pub fn render(report: &CheckReport, rules: &[(RuleMeta, Level)]) -> String {
    let descriptors: Vec<Value> = rules
        .iter()
        .map(|(rule, level)| {
            json!({
                "id": rule.id,
                "name": rule.id.rsplit('/').next().unwrap_or(rule.id),
                "shortDescription": { "text": rule.summary },
                "fullDescription": { "text": rule.rationale },
                "help": {
                    "text": format!("{}\n\nInstead of:\n{}\n\nWrite:\n{}", rule.rationale, rule.bad, rule.good),
                    "markdown": format!(
                        "{}\n\n**Instead of:**\n\n```\n{}\n```\n\n**Write:**\n\n```\n{}\n```",
                        rule.rationale, rule.bad, rule.good
                    ),
                },
                "defaultConfiguration": { "level": sarif_level(*level) },
            })
        })
        .collect();
    let results: Vec<Value> = report
        .diagnostics
        .iter()
        .map(|d| {
            let mut text = d.message.clone();
            if let Some(suggestion) = &d.suggestion {
                text.push_str(" Suggestion: ");
                text.push_str(suggestion);
            }
            let mut result = json!({
                "ruleId": d.rule,
                "level": match d.severity { Severity::Error => "error", Severity::Warning => "warning" },
                "message": { "text": text },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri(&d.path), "uriBaseId": "%SRCROOT%" },
                        "region": {
                            "startLine": d.line,
                            "startColumn": d.column,
                            "endLine": d.end_line,
                            "endColumn": d.end_column,
                        },
                    },
                }],
            });
            if let Some(index) = rules.iter().position(|(r, _)| r.id == d.rule) {
                result["ruleIndex"] = json!(index);
            }
            result
        })
        .collect();
    let log = json!({
        "$schema": SCHEMA,
        "version": VERSION,
        "runs": [{
            "tool": {
                "driver": {
                    "name": "pm",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": descriptors,
                },
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    let mut out = serde_json::to_string_pretty(&log)
        .unwrap_or_else(|e| format!("{{\"error\": \"cannot render SARIF: {e}\"}}"));
    out.push('\n');
    out
}

fn sarif_level(level: Level) -> &'static str {
    match level {
        Level::Error => "error",
        Level::Warning => "warning",
        Level::Off => "none",
    }
}

/// A relative path as a URI reference: `/` kept, everything outside the unreserved set
/// percent-encoded.
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_encode_spaces_and_unicode() {
        assert_eq!(uri("post mortems/ü.md"), "post%20mortems/%C3%BC.md");
    }
}
