//! `actions/*`: the `[[actions]]` items: complete, valid, unique, and written as changes to the
//! system with a checkable outcome rather than as exhortations to people.

use super::dfa::{self, Pattern};
use super::RuleId;
use super::{span_in_value, DocContext, Finding};
use crate::document::{Action, ActionStatus, Spanned, ACTION_KINDS, ACTION_PRIORITIES};
use std::collections::HashMap;
use std::sync::LazyLock;

pub(crate) fn check(cx: &DocContext<'_>, out: &mut Vec<Finding>) {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for action in &cx.doc.front.actions {
        required_fields(cx, action, out);
        valid_values(action, out);
        if let Some(id) = &action.id {
            if let Some(first) = seen.get(id.value.as_str()) {
                out.push(
                    Finding::new(
                        RuleId::ActionsDuplicateId,
                        id.span.clone(),
                        format!(
                            "action `{}` is used by action {} too; a reference like ID#{} must name one action",
                            id.value,
                            first + 1,
                            id.value
                        ),
                    )
                    .suggest(format!("use the next free id, `A{}`", next_free_id(cx))),
                );
            } else {
                seen.insert(&id.value, action.index);
            }
        }
        wont_do_reason(action, out);
        due_after_start(cx, action, out);
        if let Some(title) = &action.title {
            title_rules(cx, title, out);
        }
    }
}

fn label(action: &Action) -> String {
    match &action.id {
        Some(id) => format!("action `{}`", id.value),
        None => format!("action {}", action.index + 1),
    }
}

/// The `[[actions]]` header line: where findings about the whole item point.
fn header(cx: &DocContext<'_>, action: &Action) -> crate::document::Span {
    cx.first_line(&action.span)
}

fn has_problem(cx: &DocContext<'_>, action: &Action, key: &str) -> bool {
    let path = format!("actions[{}].{key}", action.index);
    cx.doc.front.problems.iter().any(|p| p.key == path)
}

fn required_fields(cx: &DocContext<'_>, action: &Action, out: &mut Vec<Finding>) {
    let fields: [(RuleId, &str, bool, &str, &str); 5] = [
        (
            RuleId::ActionsMissingId,
            "id",
            action.id.is_some(),
            "follow-up reviews and commits refer to it as ID#A1",
            "id = \"A1\"",
        ),
        (
            RuleId::ActionsMissingTitle,
            "title",
            filled(&action.title),
            "nobody can do or check an action without a description",
            "title = \"Alert when … stays above … for 5 minutes\"",
        ),
        (
            RuleId::ActionsMissingOwner,
            "owner",
            filled(&action.owner),
            "an action nobody owns is an action nobody drives",
            "owner = \"someone@example.com\"",
        ),
        (
            RuleId::ActionsMissingDue,
            "due",
            action.due.is_some(),
            "without one the follow-up review cannot tell whether it is late",
            "due = 2026-12-10",
        ),
        (
            RuleId::ActionsMissingStatus,
            "status",
            action.status.is_some(),
            "the follow-up review tracks each action from open to done",
            "status = \"open\"",
        ),
    ];
    for (rule, key, present, why, example) in fields {
        if present || has_problem(cx, action, key) {
            continue;
        }
        // A value of only spaces is no value: point at it rather than at the header.
        let blank = match key {
            "title" => action.title.as_ref(),
            "owner" => action.owner.as_ref(),
            _ => None,
        };
        let finding = match blank {
            Some(value) => Finding::new(
                rule,
                value.span.clone(),
                format!("{} has an empty `{key}`: {why}", label(action)),
            )
            .suggest(format!("fill it in: `{example}`")),
            None => Finding::new(
                rule,
                header(cx, action),
                format!("{} has no `{key}`: {why}", label(action)),
            )
            .suggest(format!("add `{example}` to this [[actions]] item")),
        };
        out.push(finding);
    }
}

/// A text value that is there and not only whitespace.
fn filled(value: &Option<Spanned<String>>) -> bool {
    value.as_ref().is_some_and(|v| !v.value.trim().is_empty())
}

/// (rule, key, value, allowed values) of a field with a fixed set of values.
type EnumField<'a> = (RuleId, &'a str, &'a Option<Spanned<String>>, &'a [&'a str]);

fn valid_values(action: &Action, out: &mut Vec<Finding>) {
    let checks: [EnumField<'_>; 3] = [
        (
            RuleId::ActionsInvalidStatus,
            "status",
            &action.status,
            &ActionStatus::ALL,
        ),
        (
            RuleId::ActionsInvalidKind,
            "kind",
            &action.kind,
            &ACTION_KINDS,
        ),
        (
            RuleId::ActionsInvalidPriority,
            "priority",
            &action.priority,
            &ACTION_PRIORITIES,
        ),
    ];
    for (rule, key, value, allowed) in checks {
        let Some(value) = value else { continue };
        if allowed.contains(&value.value.as_str()) {
            continue;
        }
        let closest = allowed
            .iter()
            .find(|a| a.eq_ignore_ascii_case(&value.value))
            .copied()
            .or_else(|| super::registry::did_you_mean(&value.value, allowed.iter().copied()));
        let finding = Finding::new(
            rule,
            value.span.clone(),
            format!(
                "{} has {key} `{}`, which is not one of {}",
                label(action),
                value.value,
                allowed.join(", ")
            ),
        );
        out.push(match closest {
            Some(c) => finding.suggest(format!("did you mean `{c}`?")),
            None => finding.suggest(format!("use one of {}", allowed.join(", "))),
        });
    }
    if let Some(id) = &action.id {
        let well_formed = id
            .value
            .strip_prefix('A')
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        if !well_formed {
            out.push(
                Finding::new(
                    RuleId::ActionsInvalidId,
                    id.span.clone(),
                    format!(
                        "action id `{}` is not `A` followed by a number, the form references like ID#A3 use",
                        id.value
                    ),
                )
                .suggest(format!("use `A{}`", action.index + 1)),
            );
        }
    }
}

fn next_free_id(cx: &DocContext<'_>) -> usize {
    cx.doc
        .front
        .actions
        .iter()
        .filter_map(|a| {
            a.id.as_ref()?
                .value
                .strip_prefix('A')?
                .parse::<usize>()
                .ok()
        })
        .max()
        .unwrap_or(0)
        + 1
}

fn wont_do_reason(action: &Action, out: &mut Vec<Finding>) {
    let Some(status) = &action.status else { return };
    if status.value != "wont-do" {
        return;
    }
    if action
        .reason
        .as_ref()
        .is_some_and(|r| !r.value.trim().is_empty())
    {
        return;
    }
    out.push(
        Finding::new(
            RuleId::ActionsWontDoWithoutReason,
            status.span.clone(),
            format!(
                "{} is marked wont-do without a `reason`; the next reader needs to know why the risk was accepted",
                label(action)
            ),
        )
        .suggest("add `reason = \"…\"`, e.g. \"Superseded by A4: the pool is replaced by the proxy.\""),
    );
}

fn due_after_start(cx: &DocContext<'_>, action: &Action, out: &mut Vec<Finding>) {
    let (Some(due), Some(started)) = (
        &action.due,
        cx.doc.front.started.as_ref().and_then(|s| s.value.at()),
    ) else {
        return;
    };
    let start_day = started.date_naive();
    if due.value < start_day {
        out.push(
            Finding::new(
                RuleId::ActionsDueBeforeStart,
                due.span.clone(),
                format!(
                    "{} is due {} , before the incident started on {start_day}",
                    label(action),
                    due.value
                )
                .replace(" ,", ","),
            )
            .suggest("check the year and month of `due`"),
        );
    }
}

fn title_rules(cx: &DocContext<'_>, title: &Spanned<String>, out: &mut Vec<Finding>) {
    let text = cx.text();
    if let Some(hit) = targets_person(&title.value, cx.people()) {
        out.push(
            Finding::new(
                RuleId::ActionsTargetsPerson,
                span_in_value(text, &title.span, &title.value, hit.range),
                hit.message,
            )
            .suggest(hit.suggestion),
        );
        return;
    }
    if let Some(hit) = not_actionable(&title.value) {
        out.push(
            Finding::new(
                RuleId::ActionsNotActionable,
                span_in_value(text, &title.span, &title.value, hit.range),
                hit.message,
            )
            .suggest(hit.suggestion),
        );
    }
}

/// A match of one of the title heuristics, with its byte range in the title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TitleHit {
    pub range: std::ops::Range<usize>,
    pub message: String,
    pub suggestion: String,
}

include!("action_patterns.rs");

/// A pattern of `action_patterns.rs` by name, as a DFA compiled by `build.rs`.
fn pattern(name: &str) -> Pattern {
    let index = ACTION_PATTERNS
        .iter()
        .position(|(n, _)| *n == name)
        .expect("action pattern names are constants of this module");
    dfa::action(index)
}

/// Vague phrasing (patterns `VAGUE_0`..): the rewrite to suggest for each.
const VAGUE_REWRITES: [&str; 6] = [
    "make the safe path automatic instead, e.g. \"Add a CI check that rejects a pool size of 0\" or \"Require a second approval in the deploy tool for config changes\"",
    "name the check and where it runs, e.g. \"Add a pre-deploy check that fails when the pool size is below 10\"",
    "state the question and the deliverable, e.g. \"Find why retries exceed 3 under load and file a fix in OPS-12\"",
    "name the signal, threshold and response, e.g. \"Alert when connection-pool saturation stays above 80% for 5 minutes\"",
    "name the signal, threshold and response, e.g. \"Alert when connection-pool saturation stays above 80% for 5 minutes\"",
    "name what will change and how you will know it is done",
];

static VAGUE: LazyLock<Vec<(Pattern, &str)>> = LazyLock::new(|| {
    VAGUE_REWRITES
        .iter()
        .enumerate()
        .map(|(i, rewrite)| (pattern(&format!("VAGUE_{i}")), *rewrite))
        .collect()
});

/// Signs of a concrete, checkable outcome: a number, a ticket, a link, or a verb that changes
/// the system at the start of a clause (so "deploys" the noun does not count as "deploy").
static CONCRETE: LazyLock<Pattern> = LazyLock::new(|| pattern("CONCRETE"));

/// An action whose title has no concrete, checkable outcome.
pub(crate) fn not_actionable(title: &str) -> Option<TitleHit> {
    let shadow = dfa::shadow(title);
    let ((start, end), rewrite) = VAGUE
        .iter()
        .find_map(|(pattern, rewrite)| pattern.find(title, &shadow).map(|m| (m, *rewrite)))?;
    // The pattern for bare nouns anchors the whole title; anything concrete beside the vague
    // words makes the action checkable.
    let rest = format!("{} {}", &title[..start], &title[end..]);
    if CONCRETE.is_match(&rest, &dfa::shadow(&rest)) {
        return None;
    }
    let phrase = title[start..end].trim();
    Some(TitleHit {
        range: trim_range(title, start..end),
        message: format!(
            "\"{phrase}\" has no concrete, checkable outcome; a vague action is never finished and changes nothing in the system"
        ),
        suggestion: rewrite.to_string(),
    })
}

/// Verbs only ever aimed at people: whatever follows them (bar a system word) is a person.
static AT_PERSON_VERB: LazyLock<Pattern> = LazyLock::new(|| pattern("AT_PERSON_VERB"));

/// Verbs aimed at people when their object is a person: a known name or a capitalised word.
static AT_NAME_VERB: LazyLock<Pattern> = LazyLock::new(|| pattern("AT_NAME_VERB"));

/// Exhortations aimed at a role or a group of people.
static AT_ROLE: LazyLock<Pattern> = LazyLock::new(|| pattern("AT_ROLE"));

/// A role told what it must do: "engineers must remember to…", "reviewers should double-check".
static AT_ROLE_MUST: LazyLock<Pattern> = LazyLock::new(|| pattern("AT_ROLE_MUST"));

/// An exhortation: "be more careful", "pay attention", "remember to", "try harder". It asks a
/// person to behave better and changes nothing in the system, so it is aimed at a person.
static EXHORT: LazyLock<Pattern> = LazyLock::new(|| pattern("EXHORT"));

/// `hold X accountable`, `make X responsible`.
static ACCOUNTABLE: LazyLock<Pattern> = LazyLock::new(|| pattern("ACCOUNTABLE"));

/// Words after a person-verb that are not people: systems and documents.
const NOT_PEOPLE: &[&str] = &[
    "model",
    "models",
    "classifier",
    "network",
    "cache",
    "service",
    "services",
    "system",
    "systems",
    "pipeline",
    "database",
    "db",
    "cluster",
    "load",
    "line",
    "lines",
    "traffic",
    "limit",
    "limits",
    "alert",
    "alerts",
    "api",
    "vendor",
    "a",
    "an",
];

/// An action aimed at a person's behaviour rather than at the system they worked in.
pub(crate) fn targets_person(title: &str, people: &[String]) -> Option<TitleHit> {
    let hit = |range: std::ops::Range<usize>| {
        // The rest of the title is what the people were to do: ask the system to do or check it.
        let rest = title[range.end..]
            .trim()
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .trim_end_matches(['.', '!'])
            .trim();
        let rest = rest
            .strip_prefix("to ")
            .or_else(|| rest.strip_prefix("remember to "))
            .unwrap_or(rest);
        let suggestion = if rest.split_whitespace().count() >= 2 {
            format!(
                "change the system so nobody has to remember: which tool could \"{rest}\" itself, or refuse to go on until it is done? e.g. \"Make the deploy tool {rest} automatically\""
            )
        } else {
            "change the system the person worked in instead, e.g. \"Add a confirmation step to the deploy tool when the pool size changes\" or \"Make CI reject a pool size of 0\"".into()
        };
        TitleHit {
            message: format!(
                "\"{}\" aims the action at a person's behaviour; telling people to try harder leaves the system that allowed the failure unchanged",
                &title[range.clone()]
            ),
            range,
            suggestion,
        }
    };
    let shadow = dfa::shadow(title);
    if let Some((start, end)) = AT_ROLE
        .find(title, &shadow)
        .or_else(|| AT_ROLE_MUST.find(title, &shadow))
        .or_else(|| ACCOUNTABLE.find(title, &shadow))
        .or_else(|| EXHORT.find(title, &shadow))
    {
        return Some(hit(trim_range(title, start..end)));
    }
    for (start, end) in AT_PERSON_VERB.find_iter(title, &shadow) {
        let word = object(title, &shadow, start, end)
            .trim_end_matches(['.', '\''])
            .to_lowercase();
        if !NOT_PEOPLE.contains(&word.as_str()) {
            return Some(hit(start..end));
        }
    }
    for (start, end) in AT_NAME_VERB.find_iter(title, &shadow) {
        let word = object(title, &shadow, start, end).trim_end_matches(['.', '\'']);
        let known = people.iter().any(|p| p.eq_ignore_ascii_case(word));
        let named = word.chars().next().is_some_and(char::is_uppercase)
            && !NOT_PEOPLE.contains(&word.to_lowercase().as_str());
        if known || named {
            return Some(hit(start..end));
        }
    }
    None
}

/// The person-verb patterns end with their object, a word without spaces: the text after the
/// match's last space (the `shadow` turns every kind of space into an ASCII one).
fn object<'t>(title: &'t str, shadow: &[u8], start: usize, end: usize) -> &'t str {
    let from = shadow[start..end]
        .iter()
        .rposition(u8::is_ascii_whitespace)
        .map_or(start, |p| start + p + 1);
    title.get(from..end).unwrap_or_default()
}

fn trim_range(text: &str, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.end - (slice.len() - slice.trim_end().len());
    start..end.max(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vague_titles_fire_and_concrete_ones_do_not() {
        for vague in [
            "Be more careful with config changes",
            "Improve monitoring",
            "Investigate the outage",
            "Look into the flaky deploys",
            "Make sure deploys are safe",
            "Try to avoid Friday deploys",
            "Double-check the config before deploying",
        ] {
            assert!(not_actionable(vague).is_some(), "{vague}");
        }
        for concrete in [
            "Alert when pool saturation stays above 80% for 5 minutes",
            "Investigate and fix the retry jitter bug in client v2 (OPS-12)",
            "Add a CI check that rejects a pool size of 0",
            "Improve monitoring by adding an alert on p99 latency",
            "Document the failover procedure in the runbook",
            "Make the deploy tool show the diff of pool settings",
        ] {
            assert!(not_actionable(concrete).is_none(), "{concrete}");
        }
    }

    #[test]
    fn titles_aimed_at_people_fire_and_system_changes_do_not() {
        let people = vec!["dave@example.com".to_string(), "dave".to_string()];
        for blame in [
            "Retrain Dave on the deploy process",
            "Remind engineers to double-check the pool size",
            "Talk to the on-call about escalation",
            "Have a word with Sam",
            "Hold the deployer accountable",
            "Make sure engineers remember to drain the node first",
            "Educate everyone on the new failover runbook",
            "Be more careful with config changes",
            "Pay more attention to the disk alerts",
            "On-call engineers must double-check the region before failing over",
            "Remember to run the migration dry-run",
        ] {
            assert!(targets_person(blame, &people).is_some(), "{blame}");
        }
        for fine in [
            "Retrain the anomaly model on holiday traffic",
            "Train the classifier on the new labels",
            "Add an on-call handover checklist to the pager tool",
            "Hold the release train until the canary is green",
            "Alert when pool saturation stays above 80% for 5 minutes",
            "Investigate the retry storm",
            "Teach the deploy tool to refuse a pool size of 0",
            "Make sure the deploy tool asks for confirmation on production",
        ] {
            assert!(targets_person(fine, &people).is_none(), "{fine}");
        }
    }
}
