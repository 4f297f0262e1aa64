//! `frontmatter/*`: the TOML block's fields. Parse errors (missing, unterminated, invalid TOML,
//! unreadable) are reported by the engine from the model's `ParseError`; duplicate IDs by the
//! engine across files.

use super::registry::did_you_mean;
use super::RuleId;
use super::{DocContext, Finding};
use crate::document::fields;
use crate::document::frontmatter::ProblemKind;
use crate::document::{Spanned, Status, Timestamp};

pub(crate) fn check(cx: &DocContext<'_>, out: &mut Vec<Finding>) {
    missing_fields(cx, out);
    problems(cx, out);
    unknown_keys(cx, out);
    id_matches_file_name(cx, out);
    severity_is_configured(cx, out);
    status_is_valid(cx, out);
    timestamps_in_order(cx, out);
}

/// True when the model already reported a problem with `key` (so "missing" would mislead).
fn has_problem(cx: &DocContext<'_>, key: &str) -> bool {
    cx.doc.front.problems.iter().any(|p| p.key == key)
}

fn missing_fields(cx: &DocContext<'_>, out: &mut Vec<Finding>) {
    let front = &cx.doc.front;
    let present = [
        (
            "id",
            front.id.is_some(),
            "id = \"YYYY-MM-DD-slug\" (the file name without .md)",
        ),
        (
            "title",
            front.title.is_some(),
            "title = \"What failed, for whom\"",
        ),
        ("status", front.status.is_some(), "status = \"draft\""),
        (
            "severity",
            front.severity.is_some(),
            "severity = \"SEV2\" (one of the levels in pm.toml)",
        ),
        (
            "started",
            front.started.is_some(),
            "started = 2026-11-26T09:12:00Z (with an offset or Z)",
        ),
    ];
    for (key, is_present, example) in present {
        if is_present || has_problem(cx, key) {
            continue;
        }
        out.push(
            Finding::new(
                RuleId::FrontmatterMissingField,
                cx.front_matter_span(),
                format!("the front matter has no `{key}`, a field every post-mortem needs"),
            )
            .suggest(format!("add `{example}` to the front matter")),
        );
    }
}

fn problems(cx: &DocContext<'_>, out: &mut Vec<Finding>) {
    for problem in &cx.doc.front.problems {
        let key = &problem.key;
        let finding = match &problem.kind {
            ProblemKind::WrongType { expected } => Finding::new(
                RuleId::FrontmatterWrongType,
                problem.span.clone(),
                format!("`{key}` must be {expected}; pm ignores this value"),
            ),
            ProblemKind::MissingOffset => Finding::new(
                RuleId::FrontmatterMissingOffset,
                problem.span.clone(),
                format!("`{key}` has no offset, so readers in other time zones cannot place it"),
            )
            .suggest(format!(
                "add `Z` for UTC or the local offset: `{}Z` or `{}+01:00`",
                raw(cx, &problem.span),
                raw(cx, &problem.span)
            )),
            ProblemKind::InvalidDate => Finding::new(
                RuleId::FrontmatterInvalidDate,
                problem.span.clone(),
                format!("`{key}` is not a real date or moment"),
            ),
        };
        out.push(finding);
    }
}

fn raw<'t>(cx: &'t DocContext<'_>, span: &crate::document::Span) -> &'t str {
    cx.text().get(span.clone()).unwrap_or("").trim()
}

fn unknown_keys(cx: &DocContext<'_>, out: &mut Vec<Finding>) {
    for key in &cx.doc.front.unknown_keys {
        let path = key.value.as_str();
        let impact_key = path
            .strip_prefix(fields::IMPACT_TABLE)
            .and_then(|rest| rest.strip_prefix('.'));
        let in_action = path
            .strip_prefix(fields::ACTIONS_TABLE)
            .is_some_and(|rest| rest.starts_with('['));
        let (name, known): (&str, Vec<&str>) = if let Some(name) = impact_key {
            (name, fields::keys(fields::IMPACT).collect())
        } else if in_action {
            (
                path.rsplit('.').next().unwrap_or(path),
                fields::keys(fields::ACTION).collect(),
            )
        } else {
            (path, fields::root_keys().collect())
        };
        let mut finding = Finding::new(
            RuleId::FrontmatterUnknownKey,
            key.span.clone(),
            format!("`{path}` is not a key pm knows, so every tool ignores it"),
        );
        finding = match did_you_mean(name, known.iter().copied()) {
            Some(suggestion) => finding.suggest(format!("did you mean `{suggestion}`?")),
            None => finding.suggest(format!(
                "remove it, or use one of the known keys: {}",
                known.join(", ")
            )),
        };
        out.push(finding);
    }
}

fn id_matches_file_name(cx: &DocContext<'_>, out: &mut Vec<Finding>) {
    let (Some(id), Some(stem)) = (&cx.doc.front.id, cx.stem) else {
        return;
    };
    if id.value != stem {
        out.push(
            Finding::new(
                RuleId::FrontmatterIdMismatch,
                id.span.clone(),
                format!(
                    "the `id` `{}` differs from the file name `{stem}`; the ID is the file name",
                    id.value
                ),
            )
            .suggest(format!(
                "set `id = \"{stem}\"`, or rename the file to `{}.md`",
                id.value
            )),
        );
    }
}

fn severity_is_configured(cx: &DocContext<'_>, out: &mut Vec<Finding>) {
    let Some(severity) = &cx.doc.front.severity else {
        return;
    };
    let levels = &cx.config.document.severities;
    if levels.contains(&severity.value) {
        return;
    }
    let case_match = levels
        .iter()
        .find(|l| l.eq_ignore_ascii_case(&severity.value))
        .map(String::as_str);
    let closest =
        case_match.or_else(|| did_you_mean(&severity.value, levels.iter().map(String::as_str)));
    let finding = Finding::new(
        RuleId::FrontmatterUnknownSeverity,
        severity.span.clone(),
        format!(
            "severity `{}` is not one of this repository's levels ({})",
            severity.value,
            levels.join(", ")
        ),
    );
    out.push(match closest {
        Some(level) => finding.suggest(format!("did you mean `{level}`?")),
        None => finding.suggest("use a level from `[document] severities` in pm.toml"),
    });
}

fn status_is_valid(cx: &DocContext<'_>, out: &mut Vec<Finding>) {
    let Some(status) = &cx.doc.front.status else {
        return;
    };
    if Status::parse(&status.value).is_some() {
        return;
    }
    let finding = Finding::new(
        RuleId::FrontmatterInvalidStatus,
        status.span.clone(),
        format!(
            "status `{}` is not one of {}",
            status.value,
            Status::ALL.join(", ")
        ),
    );
    out.push(match did_you_mean(&status.value, Status::ALL) {
        Some(s) => finding.suggest(format!("did you mean `{s}`?")),
        None => finding.suggest("use draft, in-review, reviewed or closed"),
    });
}

fn timestamps_in_order(cx: &DocContext<'_>, out: &mut Vec<Finding>) {
    let front = &cx.doc.front;
    let stamps: [(&str, &Option<Spanned<Timestamp>>); 4] = [
        ("started", &front.started),
        ("detected", &front.detected),
        ("mitigated", &front.mitigated),
        ("resolved", &front.resolved),
    ];
    let mut previous: Option<(&str, chrono::DateTime<chrono::FixedOffset>)> = None;
    for (key, stamp) in stamps {
        let Some(stamp) = stamp else { continue };
        let Some(at) = stamp.value.at() else { continue };
        if let Some((earlier_key, earlier)) = previous {
            if at < earlier {
                out.push(
                    Finding::new(
                        RuleId::FrontmatterTimestampOrder,
                        stamp.span.clone(),
                        format!(
                            "`{key}` ({}) is before `{earlier_key}` ({}); the order must be started <= detected <= mitigated <= resolved",
                            at.to_rfc3339(),
                            earlier.to_rfc3339()
                        ),
                    )
                    .suggest(format!(
                        "check the date, hour and offset of `{key}` and `{earlier_key}`"
                    )),
                );
                continue;
            }
        }
        previous = Some((key, at));
    }
}
