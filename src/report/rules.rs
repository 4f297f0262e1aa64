//! `pm check --list-rules --format json`: every rule with the level it runs at.

use crate::checks::RuleMeta;
use crate::config::Level;
use serde::Serialize;

/// One rule of the listing. The keys are in alphabetical order, as the listing has always had
/// them (it was first built with `serde_json::json!`, whose maps are sorted).
#[derive(Serialize)]
struct Row<'a> {
    default_level: &'static str,
    id: &'a str,
    level: &'static str,
    summary: &'a str,
}

/// The rules with their configured levels as pretty-printed JSON with a trailing newline.
pub fn render_json(rules: &[(RuleMeta, Level)]) -> String {
    let rows: Vec<Row<'_>> = rules
        .iter()
        .map(|(rule, level)| Row {
            default_level: rule.level.as_str(),
            id: rule.id,
            level: level.as_str(),
            summary: rule.summary,
        })
        .collect();
    let mut out = serde_json::to_string_pretty(&rows)
        .unwrap_or_else(|e| format!("{{\"error\": \"cannot render JSON: {e}\"}}"));
    out.push('\n');
    crate::text::json_safe(out)
}
