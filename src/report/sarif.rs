//! `pm check --format sarif`: SARIF 2.1.0, for code-scanning dashboards.
//!
//! The log is built from typed structs (the parts of the SARIF 2.1.0 object model pm fills in).
//! Their fields are declared in alphabetical order: the output has always had its keys sorted
//! (it was first built with `serde_json::json!`, whose maps are sorted), and dashboards and
//! snapshot tests compare it byte for byte.

use crate::checks::{CheckReport, RuleMeta, Severity};
use crate::config::Level;
use serde::Serialize;
use std::borrow::Cow;

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
pub const VERSION: &str = "2.1.0";

/// `sarifLog`: the whole file.
#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    runs: [Run<'a>; 1],
    version: &'static str,
}

/// `run`: one invocation of pm.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    column_kind: &'static str,
    results: Vec<SarifResult<'a>>,
    tool: Tool<'a>,
}

#[derive(Serialize)]
struct Tool<'a> {
    driver: Driver<'a>,
}

/// `toolComponent`: pm and the rules it ran.
#[derive(Serialize)]
struct Driver<'a> {
    name: &'static str,
    rules: Vec<ReportingDescriptor<'a>>,
    version: &'static str,
}

/// `reportingDescriptor`: one rule.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ReportingDescriptor<'a> {
    default_configuration: Configuration,
    full_description: Message<'a>,
    help: MultiformatMessage,
    id: &'a str,
    name: &'a str,
    short_description: Message<'a>,
}

/// `reportingConfiguration`.
#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

/// `message` with plain text only.
#[derive(Serialize)]
struct Message<'a> {
    text: Cow<'a, str>,
}

/// `multiformatMessageString`: plain text and Markdown.
#[derive(Serialize)]
struct MultiformatMessage {
    markdown: String,
    text: String,
}

/// `result`: one finding.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    level: &'static str,
    locations: [Location<'a>; 1],
    message: Message<'a>,
    rule_id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location<'a> {
    physical_location: PhysicalLocation<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation<'a> {
    artifact_location: ArtifactLocation<'a>,
    region: Region,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation<'a> {
    uri: String,
    uri_base_id: &'a str,
}

/// `region`: 1-based lines and columns (characters, as `columnKind` says), end exclusive.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    end_column: usize,
    end_line: usize,
    start_column: usize,
    start_line: usize,
}

/// The report as a SARIF log with one run. `rules` lists every rule with the level it ran at.
pub fn render(report: &CheckReport, rules: &[(RuleMeta, Level)]) -> String {
    let descriptors = rules
        .iter()
        .map(|(rule, level)| ReportingDescriptor {
            default_configuration: Configuration {
                level: sarif_level(*level),
            },
            full_description: Message {
                text: rule.rationale.into(),
            },
            help: MultiformatMessage {
                markdown: format!(
                    "{}\n\n**Instead of:**\n\n```\n{}\n```\n\n**Write:**\n\n```\n{}\n```",
                    rule.rationale, rule.bad, rule.good
                ),
                text: format!(
                    "{}\n\nInstead of:\n{}\n\nWrite:\n{}",
                    rule.rationale, rule.bad, rule.good
                ),
            },
            id: rule.id,
            name: rule.id.rsplit('/').next().unwrap_or(rule.id),
            short_description: Message {
                text: rule.summary.into(),
            },
        })
        .collect();
    let results = report
        .diagnostics
        .iter()
        .map(|d| {
            let mut text = d.message.clone();
            if let Some(suggestion) = &d.suggestion {
                text.push_str(" Suggestion: ");
                text.push_str(suggestion);
            }
            SarifResult {
                level: match d.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                },
                locations: [Location {
                    physical_location: PhysicalLocation {
                        artifact_location: ArtifactLocation {
                            uri: uri(&d.path),
                            uri_base_id: "%SRCROOT%",
                        },
                        region: Region {
                            end_column: d.end_column,
                            end_line: d.end_line,
                            start_column: d.column,
                            start_line: d.line,
                        },
                    },
                }],
                message: Message { text: text.into() },
                rule_id: &d.rule,
                rule_index: rules.iter().position(|(r, _)| r.id == d.rule),
            }
        })
        .collect();
    let log = Log {
        schema: SCHEMA,
        runs: [Run {
            column_kind: "unicodeCodePoints",
            results,
            tool: Tool {
                driver: Driver {
                    name: "pm",
                    rules: descriptors,
                    version: env!("CARGO_PKG_VERSION"),
                },
            },
        }],
        version: VERSION,
    };
    let mut out = serde_json::to_string_pretty(&log)
        .unwrap_or_else(|e| format!("{{\"error\": \"cannot render SARIF: {e}\"}}"));
    out.push('\n');
    crate::text::json_safe(out)
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
