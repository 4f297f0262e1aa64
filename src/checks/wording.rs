//! `blameless/*`: runs the wording detector over the body's prose blocks (code blocks are not
//! prose; inline code, link targets and HTML comments are already masked by the model) and over
//! the free-text front-matter fields: the title, the impact summary and the action titles.

use super::blameless::{self, WordingContext, WordingHit};
use super::{span_in_value, DocContext, Finding};
use crate::document::Spanned;
use std::collections::HashSet;

pub(crate) fn check(cx: &DocContext<'_>, out: &mut Vec<Finding>) {
    let settings = &cx.config.check.blameless;
    let wording = WordingContext::new(cx.people(), &settings.allow)
        .with_sensitivity(settings.sensitivity)
        .with_document(cx.text());
    for block in &cx.body.prose {
        let source = cx.text().get(block.span.clone()).unwrap_or(&block.text);
        // A table cell in a cause field's row: what stands before it on its line, looked
        // for over at most `LEAD` bytes (a label cell is short; a longer search would make a
        // row of many cells quadratic).
        const LEAD: usize = 256;
        let lead = blameless::line_lead(cx.text(), block.span.start, LEAD).unwrap_or("");
        let hits = if let Some(label) = blameless::answer_label(lead) {
            blameless::scan_answer_cell(label, &block.text, source, &wording)
        } else if blameless::cause_row(lead) {
            blameless::scan_cause_cell(&block.text, source, &wording)
        } else if lead.contains('|') {
            blameless::scan_cell(&block.text, source, &wording)
        } else {
            blameless::scan_block(&block.text, source, &wording)
        };
        for hit in hits {
            let start = block.span.start + hit.start.min(block.text.len());
            let end = block.span.start + hit.end.min(block.text.len()).max(hit.start);
            if hit.rule == "blameless/human-error" && in_link_text(cx.text(), start, end) {
                // "[The myth of human error](…)": the linked page's title cites the term.
                continue;
            }
            out.push(finding(hit, start..end));
        }
    }
    let front = &cx.doc.front;
    let mut fields: Vec<(&Spanned<String>, bool)> = Vec::new();
    fields.extend(front.title.iter().map(|t| (t, true)));
    fields.extend(
        front
            .impact
            .as_ref()
            .and_then(|i| i.summary.as_ref())
            .map(|s| (s, true)),
    );
    // Action titles are imperatives, unlike the prose the model learned from: rules only
    // (`actions/targets-person` judges who an action is aimed at).
    fields.extend(
        front
            .actions
            .iter()
            .filter_map(|a| a.title.as_ref())
            .map(|t| (t, false)),
    );
    for (field, prose) in fields {
        let hits = if prose {
            blameless::scan(&field.value, &wording)
        } else {
            blameless::scan_rules(&field.value, &wording)
        };
        for hit in hits {
            let range = hit.start.min(field.value.len())..hit.end.min(field.value.len());
            let span = span_in_value(cx.text(), &field.span, &field.value, range);
            out.push(finding(hit, span));
        }
    }
}

/// Whether the bytes `start..end` of the file lie inside the text of a Markdown link on one
/// line: after a `[` with no `]` between, and before a `](` or `][` with no `[` between
/// ("see [The myth of human error](https://…)"). The text of a link is the title of what it
/// points to, a citation, not the authors' wording (round 19). Cost: the line around the span.
fn in_link_text(src: &str, start: usize, end: usize) -> bool {
    let (Some(before), Some(after)) = (src.get(..start), src.get(end..)) else {
        return false;
    };
    let line_before = before.rsplit('\n').next().unwrap_or("");
    let line_after = after.split('\n').next().unwrap_or("");
    let opened = line_before
        .rfind(['[', ']'])
        .is_some_and(|i| line_before.as_bytes()[i] == b'[');
    let closed = line_after.find(['[', ']']).is_some_and(|i| {
        line_after.as_bytes()[i] == b']'
            && matches!(line_after.as_bytes().get(i + 1), Some(b'(' | b'['))
    });
    opened && closed && !src[start..end].contains(['[', ']'])
}

fn finding(hit: WordingHit, span: crate::document::Span) -> Finding {
    Finding {
        rule: hit.rule,
        span,
        message: hit.message,
        suggestion: (!hit.suggestion.is_empty()).then_some(hit.suggestion),
        lenient_in_draft: false,
        at_most_warning: !hit.error,
    }
}

/// The people the document names: authors, facilitator, participants and action owners, plus
/// `[check.blameless] people`. An e-mail address also gives its local part and the name parts
/// in it (`jo.smith@…` gives `jo.smith`, `jo` and `smith`), since prose uses names.
pub(crate) fn people(cx: &DocContext<'_>) -> Vec<String> {
    let front = &cx.doc.front;
    let mut raw: Vec<&str> = Vec::new();
    raw.extend(front.authors.iter().map(|s| s.value.as_str()));
    raw.extend(front.facilitator.iter().map(|s| s.value.as_str()));
    raw.extend(front.participants.iter().map(|s| s.value.as_str()));
    raw.extend(
        front
            .actions
            .iter()
            .filter_map(|a| a.owner.as_ref())
            .map(|s| s.value.as_str()),
    );
    raw.extend(cx.config.check.blameless.people.iter().map(String::as_str));
    let mut people: Vec<String> = Vec::new();
    // Borrowed from the document: one allocation per person kept, none per name seen.
    let mut seen: HashSet<&str> = HashSet::new();
    fn keep<'a>(name: &'a str, seen: &mut HashSet<&'a str>, people: &mut Vec<String>) {
        let name = name.trim();
        if name.chars().nth(1).is_some() && seen.insert(name) {
            people.push(name.to_string());
        }
    }
    let mut add = |name| keep(name, &mut seen, &mut people);
    for entry in raw {
        add(entry);
        if let Some((local, _)) = entry.split_once('@') {
            add(local);
            if local.contains(['.', '_', '-']) {
                for part in local.split(['.', '_', '-', '+']) {
                    add(part);
                }
            }
        }
    }
    people
}
