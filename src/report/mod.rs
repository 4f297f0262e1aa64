//! Rendering findings and reports (human, JSON, SARIF, GitHub, Markdown).
//!
//! Renderers turn finished results into text; they decide nothing about what is found. The
//! `pm check` renderers take a [`crate::checks::CheckReport`].

pub mod github;
pub mod human;
pub mod json;
pub mod rules;
pub mod sarif;

use crate::checks::CheckReport;

/// The most findings shown for one file; the rest are counted in a note.
pub const MAX_FINDINGS_PER_FILE: usize = 100;

/// The most characters of one finding's message (or suggestion) shown: a finding that names
/// other files (a duplicate ID in many files) stays one finding's size.
pub const MAX_MESSAGE_CHARS: usize = 1_000;

/// Bounds a report's output (issue 14, item 3): at most [`MAX_FINDINGS_PER_FILE`] findings per
/// file (the first ones by line) and messages of at most [`MAX_MESSAGE_CHARS`] characters.
/// Returns a note per file whose findings were cut, saying how many were left out, for stderr.
/// Whether the check fails is decided on the whole report, before this.
pub fn cap(report: &mut CheckReport) -> Vec<String> {
    let mut notes = Vec::new();
    let mut kept = Vec::with_capacity(report.diagnostics.len().min(1 << 16));
    let mut current: Option<String> = None;
    let mut shown = 0;
    let mut left_out = 0;
    let flush = |path: &Option<String>, left_out: usize, notes: &mut Vec<String>| {
        if let (Some(path), true) = (path, left_out > 0) {
            notes.push(format!(
                "{path}: {left_out} more finding(s) not shown (at most {MAX_FINDINGS_PER_FILE} \
                 per file); fix these and run again"
            ));
        }
    };
    for mut d in std::mem::take(&mut report.diagnostics) {
        if current.as_deref() != Some(d.path.as_str()) {
            flush(&current, left_out, &mut notes);
            current = Some(d.path.clone());
            shown = 0;
            left_out = 0;
        }
        if shown == MAX_FINDINGS_PER_FILE {
            left_out += 1;
            continue;
        }
        shown += 1;
        shorten(&mut d.message);
        if let Some(s) = &mut d.suggestion {
            shorten(s);
        }
        kept.push(d);
    }
    flush(&current, left_out, &mut notes);
    report.diagnostics = kept;
    notes
}

fn shorten(text: &mut String) {
    if let Some((cut, _)) = text.char_indices().nth(MAX_MESSAGE_CHARS) {
        let rest = text[cut..].chars().count();
        text.truncate(cut);
        text.push_str(&format!(" … ({rest} more characters not shown)"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::{Diagnostic, Severity};

    fn finding(path: &str, line: usize, message: String) -> Diagnostic {
        Diagnostic {
            path: path.into(),
            line,
            column: 1,
            end_line: line,
            end_column: 2,
            severity: Severity::Error,
            rule: "frontmatter/duplicate-id".into(),
            message,
            suggestion: None,
        }
    }

    #[test]
    fn findings_and_messages_are_capped_with_a_note() {
        let mut report = CheckReport::default();
        for line in 0..150 {
            report
                .diagnostics
                .push(finding("a.md", line, "x".repeat(5)));
        }
        report
            .diagnostics
            .push(finding("b.md", 1, "y".repeat(5000)));
        let notes = cap(&mut report);
        assert_eq!(report.diagnostics.len(), MAX_FINDINGS_PER_FILE + 1);
        assert_eq!(notes.len(), 1);
        assert!(
            notes[0].starts_with("a.md: 50 more finding(s)"),
            "{notes:?}"
        );
        let long = &report.diagnostics[MAX_FINDINGS_PER_FILE].message;
        assert!(long.ends_with("(4000 more characters not shown)"), "{long}");
    }
}
