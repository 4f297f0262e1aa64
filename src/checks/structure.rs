//! `structure/*`: the sections pm.toml requires and recommends, and the document's title.
//!
//! A heading names a section by its name or an alias (built in, or `[document.aliases]`),
//! matched ignoring case and punctuation (`crate::document::sections`).

use super::RuleId;
use super::{DocContext, Finding};
use crate::document::sections::key;
use crate::document::Span;
use crate::templates::is_placeholder_line;

pub(crate) fn check(cx: &DocContext<'_>, out: &mut Vec<Finding>) {
    required_sections(cx, out);
    title_matches(cx, out);
}

fn required_sections(cx: &DocContext<'_>, out: &mut Vec<Finding>) {
    let aliases = cx.config.document.aliases();
    let required = &cx.config.document.sections;
    let required_keys: Vec<String> = required.iter().map(|r| key(r)).collect();
    // Each heading's section, looked up once (`Aliases::keys_name` per pair looked it up for
    // every section name asked about).
    let named: Vec<Option<&str>> = cx
        .body
        .sections
        .iter()
        .map(|s| aliases.section_key_of(&s.key))
        .collect();
    let names = |i: usize, name_key: &str| {
        cx.body.sections[i].key == name_key || named[i] == Some(name_key)
    };
    for (index, name) in required.iter().enumerate() {
        let name_key = &required_keys[index];
        let mut found = cx
            .body
            .sections
            .iter()
            .enumerate()
            .filter(|&(i, _)| names(i, name_key))
            .map(|(_, s)| s);
        let Some(first) = found.next() else {
            out.push(missing(cx, aliases, name, &required[index + 1..]));
            continue;
        };
        for again in found {
            out.push(
                Finding::new(
                    RuleId::StructureDuplicateSection,
                    again.heading.span.clone(),
                    format!(
                        "the section `{name}` appears again; readers and tools see only the first"
                    ),
                )
                .suggest(format!("merge this into the `## {name}` section above"))
                .lenient_in_draft(),
            );
        }
        if is_empty(&first.text) {
            out.push(
                Finding::new(
                    RuleId::StructureEmptySection,
                    first.heading.span.clone(),
                    format!(
                        "the section `{name}` is empty or holds only the template's placeholder text"
                    ),
                )
                .suggest(empty_suggestion(name))
                .lenient_in_draft(),
            );
        }
    }
    for name in &cx.config.document.recommended {
        let name_key = key(name);
        if required_keys
            .iter()
            .any(|r| aliases.keys_name(r, &name_key))
        {
            continue;
        }
        let found = cx
            .body
            .sections
            .iter()
            .enumerate()
            .find(|&(i, _)| names(i, &name_key))
            .map(|(_, s)| s);
        let finding = match found {
            None => {
                let anchor = missing(cx, aliases, name, &[]);
                Finding::new(
                    RuleId::StructureRecommendedSection,
                    anchor.span,
                    format!("the recommended section `{name}` is missing"),
                )
                .suggest(format!(
                    "add a `## {name}` section: {}",
                    section_hint(name)
                ))
            }
            Some(section) if is_empty(&section.text) => Finding::new(
                RuleId::StructureRecommendedSection,
                section.heading.span.clone(),
                format!(
                    "the recommended section `{name}` is empty or holds only the template's placeholder text"
                ),
            )
            .suggest(empty_suggestion(name)),
            Some(_) => continue,
        };
        out.push(finding);
    }
}

/// A missing section points where it belongs: at the next required section that is there.
fn missing(
    cx: &DocContext<'_>,
    aliases: &crate::document::sections::Aliases,
    name: &str,
    after: &[String],
) -> Finding {
    let next = after.iter().find_map(|n| {
        let n = key(n);
        cx.body
            .sections
            .iter()
            .find(|s| aliases.keys_name(&s.key, &n))
    });
    let (span, suggestion): (Span, String) = match next {
        Some(section) => (
            section.heading.span.clone(),
            format!(
                "add a `## {name}` section before `## {}`",
                section.heading.text
            ),
        ),
        None => {
            let span = cx
                .body
                .sections
                .last()
                .map(|s| s.heading.span.clone())
                .or_else(|| cx.body.title.as_ref().map(|t| t.span.clone()))
                .unwrap_or_else(|| cx.doc.split.close.clone());
            (span, format!("add a `## {name}` section"))
        }
    };
    Finding::new(
        RuleId::StructureMissingSection,
        span,
        format!("the section `{name}` is missing; the blameless review agenda expects it"),
    )
    .suggest(suggestion)
    .lenient_in_draft()
}

/// True when a section's text holds nothing but headings and template prompts.
pub(crate) fn is_empty(text: &str) -> bool {
    text.lines().all(|line| {
        let line = line.trim();
        line.is_empty()
            || line.starts_with('#')
            // Every template prompt is in italics: only such lines need the (slower) lookup.
            || (line.starts_with('_') && is_placeholder_line(line))
            || is_sample_timeline_line(line)
    })
}

/// The default template's sample timeline entry (`- 09:12 UTC: _the first sign of trouble_`),
/// whatever time `pm new` wrote into it.
fn is_sample_timeline_line(line: &str) -> bool {
    (line.starts_with("- ") || line.starts_with("* "))
        && line.ends_with("_the first sign of trouble_")
}

fn empty_suggestion(name: &str) -> String {
    format!("write {}", section_hint(name))
}

fn section_hint(name: &str) -> &'static str {
    match key(name).as_str() {
        "summary" => {
            "what happened, in two or three sentences a reader outside the team understands"
        }
        "impact" => "who and what was affected, for how long, and how you know",
        "timeline" => "one entry per line, each beginning with a time",
        "rootcauseanalysis" => "how the conditions and mechanisms made the failure possible",
        "contributingfactors" => {
            "what in tooling, alerting, documentation or load made it possible or worse"
        }
        "actionitems" => "a summary of the action items in the front matter",
        "lessonslearned" => "what went well, what went wrong, where you got lucky",
        "opendiscussion" => "open questions, or `None.` when there are none",
        "detection" => {
            "how the problem was noticed (an alert, a customer, a person) and how long that took"
        }
        "resolution" => "what stopped the impact and what restored normal service",
        _ => "what the review found, or `None.` when there is nothing to say",
    }
}

fn title_matches(cx: &DocContext<'_>, out: &mut Vec<Finding>) {
    let (Some(heading), Some(title)) = (&cx.body.title, &cx.doc.front.title) else {
        return;
    };
    if heading.text.trim() == title.value.trim() {
        return;
    }
    out.push(
        Finding::new(
            RuleId::StructureTitleMismatch,
            heading.span.clone(),
            format!(
                "the heading `{}` differs from the front-matter title `{}`; listings show one and the page the other",
                heading.text, title.value
            ),
        )
        .suggest(format!("make the heading `# {}`, or change the title to match", title.value)),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prompts_headings_and_the_sample_entry_are_empty() {
        assert!(is_empty(""));
        assert!(is_empty(
            "_What happened, in two or three sentences a reader outside the team understands._"
        ));
        assert!(is_empty(
            "### What went well\n\n_What helped us detect, respond and recover._"
        ));
        assert!(is_empty(
            "_One entry per line, in order, each beginning with a time (UTC): what was seen and what was done._\n\n- 09:12 UTC: _the first sign of trouble_"
        ));
        assert!(!is_empty("None."));
        assert!(!is_empty("- 09:12 UTC: the alert fired"));
    }
}
