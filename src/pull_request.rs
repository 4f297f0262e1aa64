//! The pull request `pm pr` opens: its description, with what reviewers need at a glance, the
//! check's verdict and a checklist for a blameless review.

use crate::checks::{CheckReport, Severity};
use crate::document::Document;
use crate::summary::Summary;
use crate::text::{self, duration, md_escape};

/// The pull request's description: what reviewers need at a glance, the check's verdict, and
/// a checklist for a blameless review.
pub fn body(
    doc: Option<&Document>,
    id: &str,
    path: &str,
    today: chrono::NaiveDate,
    report: &CheckReport,
) -> String {
    let mut out = String::new();
    match doc {
        Some(doc) => {
            let s = Summary::new(doc, id, path, today);
            out.push_str(&format!("## {}\n\n", md_escape(&s.title)));
            out.push_str(&format!("Post-mortem `{}` in `{}`.\n\n", s.id, s.path));
            let summary_text = doc
                .body
                .as_ref()
                .and_then(|b| b.section("Summary"))
                .map(|section| section.text.trim().to_string())
                .filter(|t| !t.is_empty());
            if let Some(text) = summary_text {
                out.push_str("### Summary\n\n");
                out.push_str(&text);
                out.push_str("\n\n");
            }
            out.push_str("| | |\n|---|---|\n");
            let mut row = |key: &str, value: String| {
                if !value.is_empty() {
                    out.push_str(&format!("| {key} | {} |\n", md_escape(&value)));
                }
            };
            row("Severity", s.severity.clone());
            row("Status", s.status.clone());
            row("Services", s.services.join(", "));
            row("Impact", s.impact_summary.clone().unwrap_or_default());
            row(
                "Users affected",
                s.users_affected.map(|u| u.to_string()).unwrap_or_default(),
            );
            row("Started", s.started.clone().unwrap_or_default());
            let d = &s.durations;
            for (key, minutes) in [
                ("Time to detect", d.time_to_detect_minutes),
                ("Time to mitigate", d.time_to_mitigate_minutes),
                ("Time to resolve", d.time_to_resolve_minutes),
            ] {
                row(key, duration(minutes, ""));
            }
            row("Tickets", s.tickets.join(", "));
            out.push('\n');

            out.push_str("### Action items\n\n");
            if s.actions.is_empty() {
                out.push_str("None yet. Every systemic fix the review agrees on needs an owner and a due date.\n\n");
            } else {
                out.push_str("| ID | Action | Owner | Due | Status | Kind | Priority |\n");
                out.push_str("|---|---|---|---|---|---|---|\n");
                for a in &s.actions {
                    out.push_str(&format!(
                        "| {} | {} | {} | {} | {} | {} | {} |\n",
                        md_escape(&a.id),
                        md_escape(&a.title),
                        md_escape(a.owner.as_deref().unwrap_or("—")),
                        text::display_or(a.due, "—"),
                        md_escape(&a.status),
                        md_escape(a.kind.as_deref().unwrap_or("")),
                        md_escape(a.priority.as_deref().unwrap_or("")),
                    ));
                }
                out.push('\n');
            }
        }
        None => {
            out.push_str(&format!(
                "## {id}\n\nPost-mortem `{id}` in `{path}` (it could not be read: see the check below).\n\n"
            ));
        }
    }

    out.push_str("### pm check\n\n");
    let errors = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = report.diagnostics.len() - errors;
    if report.diagnostics.is_empty() {
        out.push_str("Passed: no findings.\n\n");
    } else {
        out.push_str(&format!(
            "{errors} error(s), {warnings} warning(s) in the committed version:\n\n"
        ));
        for d in report.diagnostics.iter().take(30) {
            out.push_str(&format!(
                "- `{}` line {}: {}\n",
                d.rule,
                d.line,
                md_escape(&d.message)
            ));
        }
        if report.diagnostics.len() > 30 {
            out.push_str(&format!("- … and {} more\n", report.diagnostics.len() - 30));
        }
        out.push('\n');
    }

    out.push_str(
        "### Reviewer checklist (blameless review)\n\n\
         - [ ] The timeline says what happened and what people knew at each moment, without judging decisions with hindsight.\n\
         - [ ] The root cause analysis explains how the system, its tooling and its processes allowed the failure; \"human error\" is where the analysis starts, not where it ends.\n\
         - [ ] Contributing factors include what made the right action hard (alerts, dashboards, runbooks, time pressure), not only what went wrong.\n\
         - [ ] People are named only for who did what, never as the cause; the wording would be fair to read aloud with everyone involved in the room.\n\
         - [ ] The impact is stated in numbers (users, requests, duration, SLOs).\n\
         - [ ] Every action item changes the system rather than asking people to be more careful, and has an owner and a due date.\n\
         - [ ] The facilitator and the people involved have read it.\n",
    );
    out
}
