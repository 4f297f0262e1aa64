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
    let mut out = Vec::new();
    let _ = write(report, &mut |chunk: &str| {
        out.extend_from_slice(chunk.as_bytes());
        Ok(())
    });
    String::from_utf8(out).unwrap_or_default()
}

/// [`render`], handing the text to `out` one finding at a time, so the report is never held
/// whole. The bytes are those of [`render_whole`] (`serde_json`'s pretty printer on the whole
/// document): each finding is pretty-printed alone and indented to its place (JSON strings
/// hold no line break, so indenting lines never touches a value).
pub fn write(
    report: &CheckReport,
    out: &mut dyn FnMut(&str) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let (errors, warnings) = report.counts();
    let files_checked = report.files_checked;
    if report.diagnostics.is_empty() {
        return out(&render_whole(report));
    }
    out(&format!(
        "{{\n  \"version\": {VERSION},\n  \"files_checked\": {files_checked},\n  \"diagnostics\": [\n"
    ))?;
    let mut chunk = String::new();
    for (i, d) in report.diagnostics.iter().enumerate() {
        let text = serde_json::to_string_pretty(d).map_err(std::io::Error::other)?;
        chunk.clear();
        if i > 0 {
            chunk.push_str(",\n");
        }
        for (n, line) in text.lines().enumerate() {
            if n > 0 {
                chunk.push('\n');
            }
            chunk.push_str("    ");
            chunk.push_str(line);
        }
        out(&crate::text::json_safe(std::mem::take(&mut chunk)))?;
    }
    out(&format!(
        "\n  ],\n  \"summary\": {{\n    \"errors\": {errors},\n    \"warnings\": {warnings}\n  }}\n}}\n"
    ))
}

/// The whole document through `serde_json` at once (the reference for [`write`]).
fn render_whole(report: &CheckReport) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::Severity;

    #[test]
    fn the_streamed_json_is_the_whole_document_byte_for_byte() {
        let mut report = CheckReport {
            files_checked: 3,
            ..Default::default()
        };
        assert_eq!(render(&report), render_whole(&report));
        for (n, message) in [
            "plain",
            "quote \" back\\ \u{202e}bidi \u{1b}[2J esc",
            "é\u{2028}",
        ]
        .into_iter()
        .enumerate()
        {
            report.diagnostics.push(Diagnostic {
                path: format!("postmortems/{n}.md"),
                line: n + 1,
                column: 2,
                end_line: n + 1,
                end_column: 9,
                severity: if n == 1 {
                    Severity::Warning
                } else {
                    Severity::Error
                },
                rule: "wording/x".into(),
                message: message.into(),
                suggestion: (n == 2).then(|| "a\nb".into()),
            });
            assert_eq!(render(&report), render_whole(&report));
        }
    }
}
