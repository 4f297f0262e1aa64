//! The facilitator's sheet for a post-mortem's review meeting, as Markdown.
//!
//! It opens with the blameless framing, time-boxes the agenda, lists what the document still
//! lacks (so the meeting can fill it in), offers prompts that turn a blaming remark into a
//! question about the system, and proposes the follow-up review date.

use crate::checks::{self, SourceFile};
use crate::config::Located;
use crate::document::Document;
use crate::repository::Entry;
use crate::templates::{self, is_placeholder_line};
use crate::text::md_escape;
use chrono::NaiveDate;

/// A gap between consecutive timeline entries longer than this is worth a question.
const GAP_MINUTES: i64 = 30;

/// The agenda items and their share of the meeting, in percent.
const ITEMS: [(&str, u32, &str); 5] = [
    (
        "Timeline of Events",
        25,
        "Walk through what was seen and done, in order. Fill the gaps listed below.",
    ),
    (
        "Root Cause Analysis",
        25,
        "How the failure came about: conditions and mechanisms, not the person closest to it.",
    ),
    (
        "Contributing Factors",
        20,
        "Tooling, alerting, documentation, load, timing: what made it possible or worse.",
    ),
    (
        "Action Items",
        20,
        "Each item gets an owner and a due date before the meeting ends.",
    ),
    (
        "Open Discussion",
        10,
        "Open questions, disagreements, and anything the group should decide.",
    ),
];

/// Splits `total` minutes by the items' shares; the rounding remainder goes to the items that
/// lost the most to rounding, so the boxes add up to exactly `total`.
pub fn time_boxes(total: u32) -> Vec<u32> {
    let share_sum: u32 = ITEMS.iter().map(|i| i.1).sum();
    let exact: Vec<(u32, u32)> = ITEMS
        .iter()
        .map(|i| (total * i.1 / share_sum, total * i.1 % share_sum))
        .collect();
    let mut boxes: Vec<u32> = exact.iter().map(|e| e.0).collect();
    let mut left = total - boxes.iter().sum::<u32>();
    let mut order: Vec<usize> = (0..ITEMS.len()).collect();
    order.sort_by(|a, b| exact[*b].1.cmp(&exact[*a].1).then(a.cmp(b)));
    for i in order.into_iter().cycle() {
        if left == 0 {
            break;
        }
        boxes[i] += 1;
        left -= 1;
    }
    boxes
}

/// Blaming remarks a facilitator may hear, and questions about the system to ask instead.
const PROMPTS: [(&str, &str); 8] = [
    (
        "Who pushed the change?",
        "What made this change look safe to ship?",
    ),
    (
        "Why didn't they follow the runbook?",
        "What did the runbook say at the time, and how easy was it to find and follow under pressure?",
    ),
    (
        "Someone should have caught this in review.",
        "What would a reviewer have needed to see to notice this, and did the diff or tooling show it?",
    ),
    (
        "That was just human error.",
        "What in the system made this mistake easy to make and hard to notice?",
    ),
    (
        "Why did it take so long to respond?",
        "What did the responders see at each point, and what would have told them sooner?",
    ),
    (
        "They ignored the alert.",
        "How many alerts were firing then, and how did this one look compared with the rest?",
    ),
    (
        "It's obvious what went wrong.",
        "What did we know at the time, before we knew the outcome?",
    ),
    (
        "Who approved this?",
        "What does our approval step check, and what is it not designed to catch?",
    ),
];

const OPENING: &str = "\
This review is blameless. Everyone involved acted in good faith, with the information, tools
and time they had. We are here to understand how our systems, tools and processes made this
outcome possible, and to change them, not to find someone to blame. If a question starts with
\"who\", we will turn it into a question about the system. Speak freely: what you say here helps
us make the next incident less likely and less painful.";

/// The document's gaps, each a Markdown bullet.
struct Gaps {
    sections: Vec<String>,
    actions: Vec<String>,
    timeline: Vec<String>,
    wording: Vec<String>,
}

/// The facilitator's sheet for `doc` (the file `entry`, read in full from `bytes`): a meeting
/// of `total` minutes; `today` dates the proposed follow-up review when the document gives
/// nothing to count from.
pub fn sheet(
    doc: &Document,
    entry: &Entry,
    bytes: Vec<u8>,
    located: &Located,
    total: u32,
    today: NaiveDate,
) -> String {
    let gaps = Gaps {
        sections: section_gaps(doc, located),
        actions: action_gaps(doc),
        timeline: timeline_gaps(doc, located),
        wording: wording_findings(&entry.display, bytes, located),
    };
    let id = doc.id().unwrap_or(&entry.stem).to_string();
    render(doc, &id, &gaps, located, total, today)
}

fn line_of(doc: &Document, offset: usize) -> usize {
    doc.position(offset).line
}

/// A line that is template text rather than content: a prompt line of a built-in template,
/// a sub-heading, or a timeline entry whose text after the time is a template prompt
/// (`- 09:12 UTC: _the first sign of trouble_`).
fn is_template_line(line: &str) -> bool {
    let line = line.trim();
    if line.is_empty() || line.starts_with('#') || is_placeholder_line(line) {
        return true;
    }
    let rest = line.trim_start_matches(['-', '*', ' ']);
    if let Some((_, after)) = rest.split_once(": ") {
        let after = after.trim();
        return after.len() > 2
            && after.starts_with('_')
            && after.ends_with('_')
            && templates::BUILT_IN
                .iter()
                .any(|(_, text)| text.contains(after));
    }
    false
}

fn section_gaps(doc: &Document, located: &Located) -> Vec<String> {
    let Some(body) = doc.body.as_ref() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let document = &located.config.document;
    for title in document.sections.iter().chain(&document.recommended) {
        match body.section(title) {
            None => out.push(format!("**{}**: the section is missing.", md_escape(title))),
            Some(section) => {
                let line = line_of(doc, section.heading.span.start);
                if section.text.trim().is_empty() {
                    out.push(format!("**{}** (line {line}): empty.", md_escape(title)));
                } else if section.text.lines().all(is_template_line) {
                    out.push(format!(
                        "**{}** (line {line}): holds only the template's prompt.",
                        md_escape(title)
                    ));
                }
            }
        }
    }
    out
}

fn action_gaps(doc: &Document) -> Vec<String> {
    let actions = &doc.front.actions;
    if actions.is_empty() {
        return vec!["No action items yet: agree on them in the meeting (`pm action add`).".into()];
    }
    let mut out = Vec::new();
    for a in actions {
        let id =
            a.id.as_ref()
                .map(|s| s.value.clone())
                .unwrap_or_else(|| format!("action {}", a.index + 1));
        let title = a
            .title
            .as_ref()
            .map(|t| t.value.as_str())
            .unwrap_or("(no title)");
        let no_owner = a.owner.as_ref().is_none_or(|o| o.value.trim().is_empty());
        let no_due = a.due.is_none();
        let missing = match (no_owner, no_due) {
            (true, true) => "no owner and no due date",
            (true, false) => "no owner",
            (false, true) => "no due date",
            (false, false) => continue,
        };
        out.push(format!(
            "**{}** “{}” (line {}): {missing}.",
            md_escape(&id),
            md_escape(title),
            line_of(doc, a.span.start)
        ));
    }
    out
}

/// Gaps of more than [`GAP_MINUTES`] between consecutive timed entries, in every shape the
/// timeline reader knows (list items, table rows, dated sub-headings, paragraphs; dates carried
/// forward and midnight crossings inferred, zones converted). An entry earlier than the one
/// before it is an ordering problem (`pm check` reports it), not a gap; entries with unknown
/// times are passed over.
fn timeline_gaps(doc: &Document, located: &Located) -> Vec<String> {
    let settings = crate::timeline::TimelineSettings::from_config(&located.config);
    let timeline = crate::timeline::read(doc, &settings);
    let mut previous: Option<(&crate::timeline::Entry, jiff::Timestamp)> = None;
    let mut out = Vec::new();
    for entry in &timeline.entries {
        let Some(at) = entry.time else {
            continue;
        };
        if let Some((before, before_at)) = previous {
            let gap = (at.as_second() - before_at.as_second()) / 60;
            if gap > GAP_MINUTES {
                out.push(format!(
                    "{gap} minutes between line {} (`{}`) and line {} (`{}`): what was happening?",
                    before.line,
                    clock(before, before_at),
                    entry.line,
                    clock(entry, at)
                ));
            }
        }
        previous = Some((entry, at));
    }
    out
}

/// The entry's time as its zone shows it: `HH:MM`, with the date when the entry writes one.
fn clock(entry: &crate::timeline::Entry, at: jiff::Timestamp) -> String {
    let civil = entry.zone.civil(at);
    let time = format!("{:02}:{:02}", civil.hour(), civil.minute());
    if entry.date_written {
        format!("{} {time}", civil.date())
    } else {
        time
    }
}

fn wording_findings(display: &str, bytes: Vec<u8>, located: &Located) -> Vec<String> {
    let report = checks::check(
        &[SourceFile {
            path: display.to_string(),
            bytes,
        }],
        &located.config,
        &checks::KnownIds::new(),
    );
    report
        .diagnostics
        .iter()
        .filter(|d| d.rule.starts_with("blameless/"))
        .map(|d| {
            let mut line = format!("line {}: {} (`{}`)", d.line, md_escape(&d.message), d.rule);
            if let Some(s) = &d.suggestion {
                line.push_str(&format!(" — try: {}", md_escape(s)));
            }
            line
        })
        .collect()
}

/// The proposed follow-up review date and what it was derived from.
fn followup(doc: &Document, located: &Located, today: NaiveDate) -> (NaiveDate, String) {
    if let Some(d) = &doc.front.followup_review {
        return (d.value, "from the front matter's `followup_review`".into());
    }
    let days = located.config.new.followup_after_days;
    let after = chrono::Duration::days(i64::from(days));
    if let Some(d) = &doc.front.review_meeting {
        return (
            d.value + after,
            format!("the review meeting ({}) + {days} days", d.value),
        );
    }
    if let Some(t) = doc.front.started.as_ref().and_then(|s| s.value.at()) {
        return (
            t.date_naive() + after,
            format!("the incident start ({}) + {days} days", t.date_naive()),
        );
    }
    (today + after, format!("today ({today}) + {days} days"))
}

fn bullets(out: &mut String, heading: &str, items: &[String], none: &str) {
    out.push_str(&format!("\n### {heading}\n\n"));
    if items.is_empty() {
        out.push_str(&format!("- {none}\n"));
    }
    for item in items {
        out.push_str(&format!("- {item}\n"));
    }
}

fn render(
    doc: &Document,
    id: &str,
    gaps: &Gaps,
    located: &Located,
    total: u32,
    today: NaiveDate,
) -> String {
    let front = &doc.front;
    let title = doc.title().unwrap_or(id);
    let mut out = format!("# Review meeting: {}\n\n", md_escape(title));
    let mut facts = vec![format!("**Post-mortem:** `{id}`")];
    if let Some(s) = &front.severity {
        facts.push(format!("**Severity:** {}", md_escape(&s.value)));
    }
    if let Some(s) = &front.status {
        facts.push(format!("**Status:** {}", md_escape(&s.value)));
    }
    if let Some(d) = &front.review_meeting {
        facts.push(format!("**Meeting:** {}", d.value));
    }
    if let Some(f) = front.facilitator.as_ref().filter(|f| !f.value.is_empty()) {
        facts.push(format!("**Facilitator:** {}", md_escape(&f.value)));
    }
    for fact in facts {
        out.push_str(&format!("- {fact}\n"));
    }

    out.push_str("\n## Opening statement\n\nRead this aloud before anything else:\n\n");
    for line in OPENING.lines() {
        out.push_str(&format!("> {line}\n"));
    }

    out.push_str(&format!(
        "\n## Agenda ({total} minutes)\n\n| Time | Minutes | Item | Goal |\n|---|---:|---|---|\n"
    ));
    let mut at = 0;
    for ((name, _, goal), minutes) in ITEMS.iter().zip(time_boxes(total)) {
        out.push_str(&format!(
            "| {} – {} | {minutes} | {name} | {goal} |\n",
            hm(at),
            hm(at + minutes)
        ));
        at += minutes;
    }
    out.push_str(&format!("| | **{total}** | **Total** | |\n"));

    out.push_str("\n## What the document still lacks\n");
    bullets(
        &mut out,
        "Sections",
        &gaps.sections,
        "Every section has content.",
    );
    bullets(
        &mut out,
        "Action items",
        &gaps.actions,
        "Every action item has an owner and a due date.",
    );
    bullets(
        &mut out,
        &format!("Timeline gaps (more than {GAP_MINUTES} minutes)"),
        &gaps.timeline,
        "No gaps longer than 30 minutes between timeline entries.",
    );
    bullets(
        &mut out,
        "Wording findings",
        &gaps.wording,
        "None found by `pm check`.",
    );

    out.push_str(
        "\n## Turning blame into questions about the system\n\nWhen you hear the remark on the left, ask the question on the right.\n\n| If you hear | Ask instead |\n|---|---|\n",
    );
    for (remark, question) in PROMPTS {
        out.push_str(&format!("| “{remark}” | {question} |\n"));
    }

    let (date, source) = followup(doc, located, today);
    out.push_str(&format!(
        "\n## Follow-up review\n\nProposed date: **{date}** ({source}). Before the meeting ends, confirm the date and who will run `pm followup`.\n"
    ));
    out
}

/// Minutes from the start as `H:MM`.
fn hm(minutes: u32) -> String {
    format!("{}:{:02}", minutes / 60, minutes % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_boxes_add_up_to_the_meeting() {
        assert_eq!(time_boxes(60), [15, 15, 12, 12, 6]);
        for total in 10..=480 {
            assert_eq!(time_boxes(total).iter().sum::<u32>(), total, "{total}");
        }
    }

    #[test]
    fn template_lines_are_recognised() {
        assert!(is_template_line("- 09:12 UTC: _the first sign of trouble_"));
        assert!(is_template_line("### What went well"));
        assert!(!is_template_line("- 09:12 UTC: the pager fired"));
    }
}
