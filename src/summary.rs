//! A post-mortem's front matter as the listing and reporting commands show it: plain,
//! serialisable values with durations and action-item counts worked out.

use crate::document::frontmatter::ProblemKind;
use crate::document::{Action, Document, FrontMatter, Spanned, Timestamp};
use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::Serialize;

#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub id: String,
    pub path: String,
    pub title: String,
    pub status: String,
    pub severity: String,
    pub services: Vec<String>,
    pub authors: Vec<String>,
    pub facilitator: Option<String>,
    pub started: Option<String>,
    pub detected: Option<String>,
    pub mitigated: Option<String>,
    pub resolved: Option<String>,
    pub review_meeting: Option<NaiveDate>,
    pub followup_review: Option<NaiveDate>,
    pub tickets: Vec<String>,
    pub impact_summary: Option<String>,
    pub users_affected: Option<i64>,
    pub durations: Durations,
    pub open_actions: usize,
    pub overdue_actions: usize,
    pub actions: Vec<ActionView>,
    /// Action items pm could not read (a value of the wrong type, a malformed due date, an
    /// `[[action]]` table for `[[actions]]`): every report lists them ([`unreadable_actions`])
    /// so that an unreadable item never makes it greener.
    #[serde(rename = "unreadable_actions", skip_serializing_if = "Vec::is_empty")]
    pub action_problems: Vec<ActionProblem>,
}

/// An action item, or a field of one, that could not be read.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ActionProblem {
    /// `ID#A2` when the item's ID could be read.
    #[serde(rename = "ref")]
    pub reference: Option<String>,
    /// The dotted key: `actions[1].due`, or `action` for a misspelt table.
    pub key: String,
    pub problem: String,
    /// The 1-based line in the file, once [`Summary::locate_action_problems`] has read it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// Byte offset of the value (or the misspelt key) in the file.
    #[serde(skip)]
    pub offset: usize,
}

impl ActionProblem {
    /// True when the problem is the item's due date (the item is then not "missing" one).
    pub fn is_due(&self) -> bool {
        self.key.ends_with(".due")
    }
}

/// The action problems of front matter `fm` whose post-mortem ID is `id`.
fn action_problems(fm: &FrontMatter, id: &str) -> Vec<ActionProblem> {
    let mut out = Vec::new();
    for p in &fm.problems {
        let Some(rest) = p.key.strip_prefix("actions") else {
            continue;
        };
        let index = rest
            .strip_prefix('[')
            .and_then(|r| r.split(']').next())
            .and_then(|n| n.parse::<usize>().ok());
        let reference = index
            .and_then(|i| fm.actions.iter().find(|a| a.index == i))
            .and_then(|a| a.id.as_ref())
            .map(|aid| format!("{id}#{}", aid.value));
        let problem = match &p.kind {
            ProblemKind::WrongType { expected } => {
                let hint = if p.key.ends_with(".due") || p.key.ends_with(".closed") {
                    " (write the date without quotes: due = 2026-11-25)"
                } else {
                    ""
                };
                format!("`{}` must be {expected}{hint}", p.key)
            }
            ProblemKind::InvalidDate => format!("`{}` is not a real date", p.key),
            ProblemKind::MissingOffset => format!("`{}` has no offset", p.key),
        };
        out.push(ActionProblem {
            reference,
            key: p.key.clone(),
            problem,
            line: None,
            offset: p.span.start,
        });
    }
    for key in &fm.unknown_keys {
        let name = key.value.as_str();
        let top_level = !name.contains('.') && !name.contains('[');
        let lower = name.to_ascii_lowercase();
        if top_level && (lower.starts_with("action") || strsim::levenshtein(&lower, "actions") <= 2)
        {
            out.push(ActionProblem {
                reference: None,
                key: name.to_string(),
                problem: format!(
                    "`{name}` is not `actions`: the items under `[[{name}]]` are not read (write `[[actions]]`)"
                ),
                line: None,
                offset: key.span.start,
            });
        }
    }
    out
}

/// An action item (or one of its fields) a report could not read, with the post-mortem and
/// file it is in: what `pm list`, `pm action list`, `pm stats` and `pm followup` warn about.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnreadableAction {
    pub postmortem: String,
    pub path: String,
    #[serde(flatten)]
    pub problem: ActionProblem,
}

impl std::fmt::Display for UnreadableAction {
    /// `path:line: ID#A1: problem` (the post-mortem's ID when the item's own is unknown).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let what = self
            .problem
            .reference
            .as_deref()
            .unwrap_or(&self.postmortem);
        match self.problem.line {
            Some(line) => write!(f, "{}:{line}: {what}: {}", self.path, self.problem.problem),
            None => write!(f, "{}: {what}: {}", self.path, self.problem.problem),
        }
    }
}

/// The unreadable action items of `summaries`, in their order. Every report that counts
/// action items takes its warnings from here, so they all say the same thing.
pub fn unreadable_actions<'a>(
    summaries: impl IntoIterator<Item = &'a Summary>,
) -> Vec<UnreadableAction> {
    summaries
        .into_iter()
        .flat_map(|s| {
            s.action_problems.iter().map(|p| UnreadableAction {
                postmortem: s.id.clone(),
                path: s.path.clone(),
                problem: p.clone(),
            })
        })
        .collect()
}

/// Minutes from `started` to each later timestamp.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Durations {
    pub time_to_detect_minutes: Option<i64>,
    pub time_to_mitigate_minutes: Option<i64>,
    pub time_to_resolve_minutes: Option<i64>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct ActionView {
    #[serde(rename = "ref")]
    pub reference: String,
    pub id: String,
    pub title: String,
    pub owner: Option<String>,
    pub due: Option<NaiveDate>,
    pub status: String,
    pub kind: Option<String>,
    pub priority: Option<String>,
    pub ticket: Option<String>,
    pub reason: Option<String>,
    pub closed: Option<NaiveDate>,
    pub overdue: bool,
    /// Days past the due date when overdue.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days_overdue: Option<i64>,
}

fn text(value: Option<Spanned<String>>) -> Option<String> {
    value.map(|s| s.value)
}

/// Collected into a new vector, not in place: reusing the source's allocation (which
/// `collect` does when it can) would keep the larger `Spanned` elements' capacity alive in
/// every summary (10,000 summaries took 17 MB more).
fn texts(values: Vec<Spanned<String>>) -> Vec<String> {
    let mut out = Vec::with_capacity(values.len());
    out.extend(values.into_iter().map(|s| s.value));
    out
}

fn stamp(value: &Option<Spanned<Timestamp>>) -> Option<String> {
    value.as_ref().map(|s| match &s.value {
        Timestamp::At(t) => t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true),
        Timestamp::Local(raw) => raw.clone(),
    })
}

fn at(value: &Option<Spanned<Timestamp>>) -> Option<DateTime<FixedOffset>> {
    value.as_ref().and_then(|s| s.value.at())
}

impl Summary {
    /// Summarises a document. `stem` is the file's ID, used when the front matter has none.
    pub fn new(doc: &Document, stem: &str, path: &str, today: NaiveDate) -> Summary {
        Summary::from_front_matter(doc.front.clone(), stem, path, today)
    }

    /// [`Summary::new`] for front matter the caller no longer needs: its strings are moved, not
    /// copied (listings summarise thousands of documents).
    pub fn from_front_matter(fm: FrontMatter, stem: &str, path: &str, today: NaiveDate) -> Summary {
        let id = fm
            .id
            .as_ref()
            .map_or_else(|| stem.to_string(), |s| s.value.clone());
        let action_problems = if fm.problems.is_empty() && fm.unknown_keys.is_empty() {
            Vec::new()
        } else {
            action_problems(&fm, &id)
        };
        let start = at(&fm.started);
        let minutes =
            |t: Option<DateTime<FixedOffset>>| start.zip(t).map(|(s, t)| (t - s).num_minutes());
        let durations = Durations {
            time_to_detect_minutes: minutes(at(&fm.detected)),
            time_to_mitigate_minutes: minutes(at(&fm.mitigated)),
            time_to_resolve_minutes: minutes(at(&fm.resolved)),
        };
        // A new vector, not the actions' own: see `texts`.
        let mut actions = Vec::with_capacity(fm.actions.len());
        actions.extend(
            fm.actions
                .into_iter()
                .map(|a| ActionView::from_action(a, &id, today)),
        );
        let (impact_summary, users_affected) = match fm.impact {
            Some(impact) => (
                text(impact.summary).filter(|s| !s.is_empty()),
                impact.users_affected.map(|u| u.value),
            ),
            None => (None, None),
        };
        Summary {
            path: path.to_string(),
            title: text(fm.title).unwrap_or_default(),
            status: text(fm.status).unwrap_or_default(),
            severity: text(fm.severity).unwrap_or_default(),
            services: texts(fm.services),
            authors: texts(fm.authors),
            facilitator: text(fm.facilitator).filter(|f| !f.is_empty()),
            started: stamp(&fm.started),
            detected: stamp(&fm.detected),
            mitigated: stamp(&fm.mitigated),
            resolved: stamp(&fm.resolved),
            review_meeting: fm.review_meeting.map(|d| d.value),
            followup_review: fm.followup_review.map(|d| d.value),
            tickets: texts(fm.tickets),
            impact_summary,
            users_affected,
            durations,
            open_actions: actions
                .iter()
                .filter(|a| a.status == "open" || a.status == "in-progress")
                .count(),
            overdue_actions: actions.iter().filter(|a| a.overdue).count(),
            actions,
            action_problems,
            id,
        }
    }

    /// Fills in the line of each unreadable action item from the file's `bytes` (the summary
    /// keeps byte offsets only; the line is what a user looks for).
    pub fn locate_action_problems(&mut self, bytes: &[u8]) {
        for p in &mut self.action_problems {
            p.line = Some(crate::document::lines::position_of(bytes, p.offset).line);
        }
    }

    /// The start time, for sorting (missing sorts last).
    pub fn started_at(&self) -> Option<DateTime<FixedOffset>> {
        self.started
            .as_deref()
            .and_then(|s| DateTime::parse_from_rfc3339(s).ok())
    }
}

impl ActionView {
    pub fn new(action: &Action, postmortem: &str, today: NaiveDate) -> ActionView {
        ActionView::from_action(action.clone(), postmortem, today)
    }

    /// [`ActionView::new`] for an action the caller no longer needs: its strings are moved.
    pub fn from_action(action: Action, postmortem: &str, today: NaiveDate) -> ActionView {
        let overdue = action.is_overdue(today);
        let id = action
            .id
            .map_or_else(|| format!("#{}", action.index + 1), |s| s.value);
        ActionView {
            reference: format!("{postmortem}#{id}"),
            title: text(action.title).unwrap_or_default(),
            owner: text(action.owner).filter(|o| !o.trim().is_empty()),
            due: action.due.as_ref().map(|d| d.value),
            status: text(action.status).unwrap_or_default(),
            kind: text(action.kind),
            priority: text(action.priority),
            ticket: text(action.ticket),
            reason: text(action.reason),
            closed: action.closed.map(|d| d.value),
            days_overdue: if overdue {
                action.due.map(|d| (today - d.value).num_days())
            } else {
                None
            },
            overdue,
            id,
        }
    }
}
