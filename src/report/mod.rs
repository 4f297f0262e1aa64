//! Rendering findings and reports (human, JSON, SARIF, GitHub, Markdown).
//!
//! Renderers turn finished results into text; they decide nothing about what is found. The
//! `pm check` renderers take a [`crate::checks::CheckReport`].

pub mod github;
pub mod human;
pub mod json;
pub mod rules;
pub mod sarif;

use crate::checks::{CheckReport, Diagnostic};

/// The most findings shown for one file; the rest are counted in a note.
pub const MAX_FINDINGS_PER_FILE: usize = 100;

/// The most characters of one finding's message (or suggestion) shown: a finding that names
/// other files (a duplicate ID in many files) stays one finding's size.
pub const MAX_MESSAGE_CHARS: usize = 1_000;

/// The findings [`cap_file`] left out of one file: how many, and how many of them are errors.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Omitted {
    pub count: usize,
    pub errors: usize,
}

/// Caps one file's findings as they are produced: the first [`MAX_FINDINGS_PER_FILE`] by
/// position (the order every output uses) are kept, their messages shortened; the rest are
/// counted. A file's findings then cost a bounded memory however many the file has; [`cap`]
/// reports what was left out.
pub fn cap_file(diagnostics: &mut Vec<Diagnostic>) -> Omitted {
    let mut omitted = Omitted::default();
    if diagnostics.len() > MAX_FINDINGS_PER_FILE {
        crate::checks::sort(diagnostics);
        for d in diagnostics.drain(MAX_FINDINGS_PER_FILE..) {
            omitted.count += 1;
            omitted.errors += usize::from(d.severity == crate::checks::Severity::Error);
        }
    }
    for d in diagnostics.iter_mut() {
        shorten(&mut d.message);
        if let Some(s) = &mut d.suggestion {
            shorten(s);
        }
    }
    omitted
}

/// Bounds a report's output (issue 14, item 3): at most [`MAX_FINDINGS_PER_FILE`] findings per
/// file (the first ones by line) and messages of at most [`MAX_MESSAGE_CHARS`] characters.
/// Returns a note per file whose findings were cut, saying how many were left out (here and
/// when they were produced, [`cap_file`]), for stderr. Whether the check fails is decided on
/// the whole report, before this.
pub fn cap(report: &mut CheckReport) -> Vec<String> {
    let mut notes = Vec::new();
    let mut earlier: std::collections::HashMap<String, usize> =
        std::mem::take(&mut report.omitted).into_iter().collect();
    let mut kept = Vec::with_capacity(report.diagnostics.len().min(1 << 16));
    let mut current: Option<String> = None;
    let mut shown = 0;
    let mut left_out = 0;
    let mut flush = |path: &Option<String>, left_out: usize, notes: &mut Vec<String>| {
        let left_out = left_out + path.as_ref().and_then(|p| earlier.remove(p)).unwrap_or(0);
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

/// Cuts `text` to [`MAX_MESSAGE_CHARS`] characters with a note of how many were left out;
/// text shortened before (by [`shortened`]) is left as it is.
fn shorten(text: &mut String) {
    if let Some((cut, _)) = text.char_indices().nth(MAX_MESSAGE_CHARS) {
        let tail = &text[cut..];
        if tail.starts_with(" … (") && tail.ends_with(" more characters not shown)") {
            return;
        }
        let rest = tail.chars().count();
        text.truncate(cut);
        text.push_str(&format!(" … ({rest} more characters not shown)"));
    }
}

/// The text `parts` make, of `total_chars` characters, as [`shorten`] would leave it, built
/// without the part not shown: the parts are read only up to [`MAX_MESSAGE_CHARS`].
pub fn shortened<'a>(parts: impl Iterator<Item = &'a str>, total_chars: usize) -> String {
    let mut out = String::new();
    let mut chars = 0;
    for part in parts {
        for c in part.chars() {
            if chars == MAX_MESSAGE_CHARS {
                out.push_str(&format!(
                    " … ({} more characters not shown)",
                    total_chars.saturating_sub(MAX_MESSAGE_CHARS)
                ));
                return out;
            }
            out.push(c);
            chars += 1;
        }
    }
    out
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

    #[test]
    fn findings_are_capped_as_each_file_is_checked() {
        use crate::checks::{check, KnownIds, SourceFile};
        use crate::config::{Config, FailOn};
        // 300 sentences that each name who is at fault: each is a finding.
        let mut text = String::from("+++\n+++\n");
        for _ in 0..300 {
            text.push_str("Dave forgot to run the checklist and broke prod.\n\n");
        }
        let files = vec![SourceFile {
            path: "postmortems/2026/2026-01-01-many.md".into(),
            bytes: text.into_bytes(),
        }];
        let report = check(&files, &Config::default(), &KnownIds::new());
        // Held capped from the start: the report never holds every finding.
        assert!(
            report.diagnostics.len() <= MAX_FINDINGS_PER_FILE,
            "{}",
            report.diagnostics.len()
        );
        assert_eq!(report.omitted.len(), 1, "{:?}", report.omitted);
        let left_out = report.omitted[0].1;
        assert!(left_out > 0);
        assert!(report.fails(FailOn::Warning));
        let mut capped = report.clone();
        let notes = cap(&mut capped);
        assert_eq!(notes.len(), 1);
        assert!(
            notes[0].starts_with(&format!(
                "postmortems/2026/2026-01-01-many.md: {left_out} more"
            )),
            "{notes:?}"
        );
        assert_eq!(capped.diagnostics, report.diagnostics);
    }

    #[test]
    fn a_shortened_message_is_built_without_its_hidden_part() {
        let parts = ["the ID `x` is also used by ", "a.md", ", ", "b.md"];
        let whole: String = parts.concat();
        assert_eq!(shortened(parts.into_iter(), whole.chars().count()), whole);
        let many: Vec<String> = (0..500).map(|n| format!("p/{n}é.md")).collect();
        let mut parts = vec!["head "];
        for (i, p) in many.iter().enumerate() {
            if i > 0 {
                parts.push(", ");
            }
            parts.push(p);
        }
        let mut whole: String = parts.concat();
        let built = shortened(parts.into_iter(), whole.chars().count());
        shorten(&mut whole);
        assert_eq!(built, whole);
        // Shortening twice changes nothing.
        let mut again = built.clone();
        shorten(&mut again);
        assert_eq!(again, built);
    }
}
