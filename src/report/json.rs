//! `pm check --format json`: the schema DESIGN.md fixes (version 1).

use crate::checks::{CheckReport, Diagnostic};
use serde::Serialize;

/// The schema version; bumped only for incompatible changes.
pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    files_checked: usize,
    diagnostics: &'a [Diagnostic],
    summary: Summary,
}

#[derive(Serialize)]
struct Summary {
    errors: usize,
    warnings: usize,
}

/// The report as pretty-printed JSON with a trailing newline.
pub fn render(report: &CheckReport) -> String {
    let (errors, warnings) = report.counts();
    let document = Document {
        version: VERSION,
        files_checked: report.files_checked,
        diagnostics: &report.diagnostics,
        summary: Summary { errors, warnings },
    };
    let mut out = serde_json::to_string_pretty(&document)
        .unwrap_or_else(|e| format!("{{\"error\": \"cannot render JSON: {e}\"}}"));
    out.push('\n');
    crate::text::json_safe(out)
}
