//! `pm check` for people: a rustc-style snippet per finding with the span underlined, the
//! reason, the suggested rewrite as `= help:`, then a one-line summary.

use crate::checks::{CheckReport, Diagnostic, Severity, SourceFile};
use crate::document::LineIndex;
use annotate_snippets::renderer::{AnsiColor, Effects};
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use std::collections::HashMap;

/// Longest span shown in full; longer ones are shown by their first line.
const MAX_LINES: usize = 6;

/// Renders every finding and the summary line. `files` are the checked files, for the snippets.
pub fn render(report: &CheckReport, files: &[SourceFile], color: bool) -> String {
    let mut out = Vec::new();
    // Writing to memory fails only when the renderer does; a `Vec` never refuses bytes.
    let _ = write(report, files, color, &mut |chunk: &str| {
        out.extend_from_slice(chunk.as_bytes());
        Ok(())
    });
    String::from_utf8(out).unwrap_or_default()
}

/// [`render`], handing the text to `out` one finding at a time (each chunk ends a line), so the
/// report is written as it is rendered and never held whole: `pm check` writes each chunk to
/// stdout through the terminal sanitiser.
pub fn write(
    report: &CheckReport,
    files: &[SourceFile],
    color: bool,
    out: &mut dyn FnMut(&str) -> std::io::Result<()>,
) -> std::io::Result<()> {
    // A warning's span is underlined with `-` and an error's with `^`, as rustc and pm always
    // have: annotate-snippets draws `-` for context annotations, styled here as warnings are.
    let renderer = if color {
        Renderer::styled().context(AnsiColor::Yellow.on_default().effects(Effects::BOLD))
    } else {
        Renderer::plain()
    };
    let listed: std::collections::HashSet<&str> =
        report.diagnostics.iter().map(|d| d.path.as_str()).collect();
    let mut texts: HashMap<&str, (&str, LineIndex)> = HashMap::new();
    for file in files {
        if listed.contains(file.path.as_str()) {
            if let Ok(text) = std::str::from_utf8(&file.bytes) {
                texts.insert(&file.path, (text, LineIndex::new(text)));
            }
        }
    }
    let mut chunk = String::new();
    for d in &report.diagnostics {
        let (level, underline) = match d.severity {
            Severity::Error => (Level::ERROR, AnnotationKind::Primary),
            Severity::Warning => (Level::WARNING, AnnotationKind::Context),
        };
        let snippet = texts
            .get(d.path.as_str())
            .and_then(|(text, lines)| excerpt(text, lines, d));
        let mut group = Group::with_title(level.primary_title(&d.message).id(&d.rule));
        group = match &snippet {
            Some(excerpt) => group.element(
                Snippet::source(&excerpt.source)
                    .line_start(d.line)
                    .path(&d.path)
                    .annotation(underline.span(excerpt.range.clone())),
            ),
            // Nothing to show (the file is not text): the location alone.
            None => {
                group.element(Level::NOTE.message(format!("{}:{}:{}", d.path, d.line, d.column)))
            }
        };
        if let Some(suggestion) = &d.suggestion {
            group = group.element(Level::HELP.message(suggestion));
        }
        chunk.clear();
        chunk.push_str(&renderer.render(&[group]));
        chunk.push_str("\n\n");
        out(&chunk)?;
    }
    chunk.clear();
    chunk.push_str(&summary_line(report));
    chunk.push('\n');
    out(&chunk)
}

/// "2 errors, 1 warning in 3 files".
pub fn summary_line(report: &CheckReport) -> String {
    let (errors, warnings) = report.counts();
    let plural = |n: usize, word: &str| {
        if n == 1 {
            format!("{n} {word}")
        } else {
            format!("{n} {word}s")
        }
    };
    format!(
        "{}, {} in {}",
        plural(errors, "error"),
        plural(warnings, "warning"),
        plural(report.files_checked, "file")
    )
}

struct Excerpt {
    source: String,
    range: std::ops::Range<usize>,
}

/// The lines a finding spans, joined with `\n` (no CR, no BOM), and the finding's byte range in
/// them.
fn excerpt(text: &str, lines: &LineIndex, d: &Diagnostic) -> Option<Excerpt> {
    let line_text = |n: usize| {
        let t = lines.line_text(text, n);
        if n == 1 {
            t.strip_prefix('\u{feff}').unwrap_or(t)
        } else {
            t
        }
    };
    let mut end_line = d.end_line.max(d.line);
    let mut end_column = d.end_column;
    if end_line - d.line >= MAX_LINES || end_line > lines.line_count() {
        end_line = d.line;
        end_column = line_text(d.line).chars().count() + 1;
    }
    let mut source = String::new();
    let mut starts = Vec::new();
    for n in d.line..=end_line {
        if n > d.line {
            source.push('\n');
        }
        starts.push(source.len());
        source.push_str(line_text(n));
    }
    let byte_at = |line: usize, column: usize| {
        let index = line - d.line;
        let line_start = starts[index];
        let own = line_text(line);
        let offset = own
            .char_indices()
            .nth(column.saturating_sub(1))
            .map(|(i, _)| i)
            .unwrap_or(own.len());
        line_start + offset
    };
    let start = byte_at(d.line, d.column);
    let mut end = byte_at(end_line, end_column).max(start);
    if end == start {
        // An empty span still gets a caret: widen it to the character at the position.
        end = source[start..]
            .chars()
            .next()
            .map(|c| start + c.len_utf8())
            .unwrap_or(start);
    }
    Some(Excerpt {
        source,
        range: start..end,
    })
}
