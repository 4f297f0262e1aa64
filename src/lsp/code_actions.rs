//! Code actions: a `pm-ignore` comment for a finding, the mechanical fixes (the `id` to match
//! the file name, a missing section with its template prompt, `closed` on an action marked
//! done), and for wording the suggestion as text to adapt.

use super::diagnostics::to_lsp;
use super::document::{Found, OpenDocument};
use crate::checks::RuleId;
use crate::document::edit::{edit_action, FieldValue};
use crate::document::{ActionStatus, Document};
use chrono::NaiveDate;
use gen_lsp_types::{
    CodeAction, CodeActionKind, CodeActionResponse, Range, TextEdit, Uri, WorkspaceEdit,
};
use std::collections::HashMap;
use std::ops::Range as Span;

/// The actions for the findings and action items that `range` touches.
pub fn code_actions(
    doc: &mut OpenDocument,
    range: &Range,
    today: NaiveDate,
) -> Vec<CodeActionResponse> {
    let wanted = doc.lines.span(&doc.text, range);
    let found = doc.found();
    let parsed = doc.parse();
    let mut out = Vec::new();
    for f in found.iter().filter(|f| touches(&f.span, &wanted)) {
        let fix = match f.rule.as_str() {
            r if r == RuleId::FrontmatterIdMismatch.as_str() => {
                id_from_file_name(doc, parsed.as_ref())
            }
            r if r == RuleId::StructureMissingSection.as_str() => {
                missing_section(doc, parsed.as_ref(), f)
            }
            r if r.starts_with("blameless/") => wording(doc, f),
            _ => None,
        };
        out.extend(
            fix.map(|(title, edit, preferred)| action(doc, title, edit, Some(f), preferred)),
        );
        if let Some(edit) = ignore_comment(doc, parsed.as_ref(), f) {
            let title = format!("Ignore {} in this block (pm-ignore comment)", f.rule);
            out.push(action(doc, title, edit, Some(f), false));
        }
    }
    if let Some(parsed) = &parsed {
        out.extend(close_done_actions(doc, parsed, &wanted, today));
    }
    out
}

/// True when a finding's span and the requested range meet (an empty span at the cursor too).
fn touches(span: &Span<usize>, wanted: &Span<usize>) -> bool {
    span.start <= wanted.end && wanted.start <= span.end
}

fn action(
    doc: &OpenDocument,
    title: String,
    edit: TextEdit,
    found: Option<&Found>,
    preferred: bool,
) -> CodeActionResponse {
    let mut changes = HashMap::new();
    changes.insert(Uri::from(doc.uri.as_str()), vec![edit]);
    CodeActionResponse::CodeAction(CodeAction {
        title,
        kind: Some(CodeActionKind::QuickFix),
        diagnostics: found.map(|f| vec![to_lsp(doc, f)]),
        is_preferred: preferred.then_some(true),
        edit: Some(WorkspaceEdit {
            changes: Some(changes),
            ..Default::default()
        }),
        ..Default::default()
    })
}

fn edit(doc: &OpenDocument, span: Span<usize>, new_text: String) -> TextEdit {
    TextEdit {
        range: doc.lines.range(&doc.text, span),
        new_text,
    }
}

/// The line ending the document uses.
fn newline(text: &str) -> &'static str {
    if text.contains("\r\n") {
        "\r\n"
    } else {
        "\n"
    }
}

/// The start of the line holding byte `at`.
fn line_start(text: &str, at: usize) -> usize {
    let at = at.min(text.len());
    text[..at].rfind(['\n', '\r']).map_or(0, |p| p + 1)
}

/// `<!-- pm-ignore RULE -->` on its own line before the block holding the finding: the
/// paragraph, list or table it is in (walking up to a blank line or a heading). Findings in
/// the front matter get none: TOML has no place for it.
fn ignore_comment(doc: &OpenDocument, parsed: Option<&Document>, f: &Found) -> Option<TextEdit> {
    let body_start = parsed?.split.body_start;
    if f.span.start < body_start {
        return None;
    }
    let text = &doc.text;
    let bytes = text.as_bytes();
    let mut start = line_start(text, f.span.start);
    // A heading is a block of its own; else walk up to a blank line or a heading.
    if !text[start..].trim_start().starts_with('#') {
        while start > body_start {
            let mut end = start - 1;
            if end > 0 && bytes[end] == b'\n' && bytes[end - 1] == b'\r' {
                end -= 1;
            }
            let previous = line_start(text, end);
            let line = text[previous..end].trim();
            if previous < body_start || line.is_empty() || line.starts_with('#') {
                break;
            }
            start = previous;
        }
    }
    let nl = newline(text);
    Some(edit(
        doc,
        start..start,
        format!("<!-- pm-ignore {} -->{nl}", f.rule),
    ))
}

/// `id = "<file name>"` for `frontmatter/id-mismatch`.
fn id_from_file_name(
    doc: &OpenDocument,
    parsed: Option<&Document>,
) -> Option<(String, TextEdit, bool)> {
    let stem = doc
        .path
        .as_deref()?
        .file_name()?
        .to_str()?
        .strip_suffix(".md")?
        .to_string();
    let id = parsed?.front.id.as_ref()?;
    let value = format!("\"{}\"", crate::templates::toml_escape(&stem));
    Some((
        format!("Set the id to `{stem}`, the file's name"),
        edit(doc, id.span.clone(), value),
        true,
    ))
}

/// `## Name` with the template's prompt, where the finding says the section belongs: before
/// the next required section that is there, else at the end of the document.
fn missing_section(
    doc: &OpenDocument,
    parsed: Option<&Document>,
    f: &Found,
) -> Option<(String, TextEdit, bool)> {
    let parsed = parsed?;
    let body = parsed.body.as_ref()?;
    let config = doc.workspace.config();
    let required = &config.document.sections;
    let has = |name: &str| {
        body.sections
            .iter()
            .any(|s| s.heading.text.eq_ignore_ascii_case(name))
    };
    let index = required
        .iter()
        .position(|name| !has(name) && f.message.contains(&format!("`{name}`")))?;
    let name = &required[index];
    let next = required[index + 1..].iter().find_map(|n| {
        body.sections
            .iter()
            .find(|s| s.heading.text.eq_ignore_ascii_case(n))
    });
    let nl = newline(&doc.text);
    let prompt = template_prompt(doc, name);
    let mut block = format!("## {name}{nl}{nl}");
    if !prompt.is_empty() {
        block.push_str(&prompt.replace('\n', nl));
        block.push_str(nl);
        block.push_str(nl);
    }
    let at = match next {
        Some(section) => line_start(&doc.text, section.heading.span.start),
        None => {
            let end = doc.text.len();
            let trimmed = doc.text.trim_end_matches(['\n', '\r']).len();
            // Keep one blank line between the last text and the new heading.
            block = format!("{nl}{nl}{}", block.trim_end_matches(['\n', '\r']));
            block.push_str(nl);
            return Some((
                format!("Add the `## {name}` section from the template"),
                edit(doc, trimmed..end, block),
                true,
            ));
        }
    };
    Some((
        format!("Add the `## {name}` section from the template"),
        edit(doc, at..at, block),
        true,
    ))
}

/// The prompt under `## name` in the repository's template (pm.toml `new.template`, the
/// repository's own `templates/NAME.md` first), without the heading.
fn template_prompt(doc: &OpenDocument, name: &str) -> String {
    let located = &doc.workspace.located;
    let Ok(template) = crate::templates::find(&located.config.new.template, &located.root) else {
        return String::new();
    };
    let mut lines = template.text.lines().skip_while(|l| {
        !l.strip_prefix("## ")
            .is_some_and(|h| h.trim().eq_ignore_ascii_case(name))
    });
    if lines.next().is_none() {
        return String::new();
    }
    let section: Vec<&str> = lines
        .take_while(|l| !l.starts_with("## "))
        .map(str::trim_end)
        .collect();
    section.join("\n").trim().to_string()
}

/// For wording: the sentence holding the flagged words replaced by pm's suggestion, a
/// systemic question about that sentence's own subject, as a draft the author rewrites.
fn wording(doc: &OpenDocument, f: &Found) -> Option<(String, TextEdit, bool)> {
    let suggestion = f.suggestion.as_ref()?;
    let short: String = suggestion.chars().take(60).collect();
    let ellipsis = if short.len() < suggestion.len() {
        "…"
    } else {
        ""
    };
    Some((
        format!("Replace the sentence with pm's suggestion, to adapt: {short}{ellipsis}"),
        edit(doc, sentence(&doc.text, &f.span), suggestion.clone()),
        false,
    ))
}

/// The sentence around `span` on its line: from after the previous `. `, `! ` or `? ` to its
/// own end mark.
fn sentence(text: &str, span: &Span<usize>) -> Span<usize> {
    let line_begin = line_start(text, span.start);
    let line_end = text[span.end.min(text.len())..]
        .find(['\n', '\r'])
        .map_or(text.len(), |p| span.end + p);
    let before = &text[line_begin..span.start.min(line_end).max(line_begin)];
    let start = [". ", "! ", "? "]
        .iter()
        .filter_map(|mark| before.rfind(mark).map(|p| line_begin + p + 2))
        .max()
        .unwrap_or(line_begin + (before.len() - before.trim_start().len()));
    let after = &text[span.end.min(line_end)..line_end];
    let end = after
        .find(['.', '!', '?'])
        .map_or(line_end, |p| span.end + p + 1);
    start..end.max(span.end)
}

/// `closed = <today>` for each action in `wanted` whose status is done and that has no
/// `closed` date, written as `pm action set --status done` writes it.
fn close_done_actions(
    doc: &OpenDocument,
    parsed: &Document,
    wanted: &Span<usize>,
    today: NaiveDate,
) -> Vec<CodeActionResponse> {
    let mut out = Vec::new();
    for action in &parsed.front.actions {
        if !touches(&action.span, wanted)
            || action.closed.is_some()
            || action.status() != Some(ActionStatus::Done)
        {
            continue;
        }
        let Some(id) = &action.id else { continue };
        let change = [("closed", Some(FieldValue::Date(today)))];
        let Ok(new_text) = edit_action(&doc.text, &id.value, &change) else {
            continue;
        };
        let (span, inserted) = difference(&doc.text, &new_text);
        out.push(action_for(doc, id, span, inserted, today));
    }
    out
}

fn action_for(
    doc: &OpenDocument,
    id: &crate::document::Spanned<String>,
    span: Span<usize>,
    inserted: String,
    today: NaiveDate,
) -> CodeActionResponse {
    action(
        doc,
        format!("Set `closed = {today}` on {} (it is done)", id.value),
        edit(doc, span, inserted),
        None,
        true,
    )
}

/// The one range of `old` that `new` replaces, and its replacement: the common start and end
/// kept, on character boundaries.
fn difference(old: &str, new: &str) -> (Span<usize>, String) {
    let mut prefix = old
        .bytes()
        .zip(new.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(prefix) || !new.is_char_boundary(prefix) {
        prefix -= 1;
    }
    let max_suffix = old.len().min(new.len()) - prefix;
    let mut suffix = old
        .bytes()
        .rev()
        .zip(new.bytes().rev())
        .take(max_suffix)
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(old.len() - suffix) || !new.is_char_boundary(new.len() - suffix) {
        suffix -= 1;
    }
    (
        prefix..old.len() - suffix,
        new[prefix..new.len() - suffix].to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_difference_is_one_replaced_range() {
        assert_eq!(difference("abcd", "abXcd"), (2..2, "X".into()));
        assert_eq!(difference("aéb", "aéé b"), (3..3, "é ".into()));
        assert_eq!(difference("same", "same"), (4..4, String::new()));
        assert_eq!(difference("abc", ""), (0..3, String::new()));
    }

    #[test]
    fn a_sentence_ends_at_its_marks_or_the_line() {
        let text = "x\nOne. Bob forgot it. Three\nnext";
        let at = text.find("forgot").unwrap_or(0);
        let s = sentence(text, &(at..at + 6));
        assert_eq!(&text[s], "Bob forgot it.");
        let at = text.find("Three").unwrap_or(0);
        assert_eq!(&text[sentence(text, &(at..at + 5))], "Three");
    }
}
