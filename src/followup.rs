//! The follow-up report: overdue items, items due soon, reviews due, incomplete items and, with
//! a starting point, what changed since and which commit changed it. Its JSON is documented in
//! docs/FOLLOWUP.md and kept stable.

use crate::changes::Change;
use crate::config::Located;
use crate::document::{ActionStatus, Status};
use crate::error::Result;
use crate::git::history::{CommitInfo, Dated, History};
use crate::git::Repo;
use crate::summary::Summary;
use chrono::NaiveDate;
use serde::Serialize;

/// One action item in the report.
#[derive(Debug, Clone, Serialize)]
pub struct Item {
    #[serde(rename = "ref")]
    pub reference: String,
    pub postmortem: String,
    pub title: String,
    pub owner: Option<String>,
    pub due: Option<NaiveDate>,
    pub status: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days_overdue: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days_until_due: Option<i64>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<&'static str>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReviewDue {
    pub postmortem: String,
    pub followup_review: NaiveDate,
}

/// A revision the report refers to.
#[derive(Debug, Clone, Serialize)]
pub struct Point {
    pub commit: Option<String>,
    pub date: Option<String>,
}

impl Point {
    pub fn of(info: Option<&CommitInfo>) -> Point {
        Point {
            commit: info.map(|i| i.commit.clone()),
            date: info.map(|i| i.date.clone()),
        }
    }
}

/// A change with the commit that made it (all `None` for an uncommitted change).
#[derive(Debug, Clone, Serialize)]
pub struct ChangeOut {
    #[serde(flatten)]
    pub change: Change,
    pub commit: Option<String>,
    pub author: Option<String>,
    pub date: Option<String>,
}

impl ChangeOut {
    pub fn new(dated: Dated) -> ChangeOut {
        ChangeOut {
            change: dated.change,
            commit: dated.commit.as_ref().map(|c| c.commit.clone()),
            author: dated.commit.as_ref().map(|c| c.author.clone()),
            date: dated.commit.as_ref().map(|c| c.date.clone()),
        }
    }

    /// A change not (yet) in a commit.
    pub fn uncommitted(change: Change) -> ChangeOut {
        ChangeOut {
            change,
            commit: None,
            author: None,
            date: None,
        }
    }
}

#[derive(Debug, Serialize)]
pub struct Progress {
    pub since: Point,
    /// Present when the clone is shallow and its history starts after `since`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub history_starts: Option<Point>,
    pub changes: Vec<ChangeOut>,
}

#[derive(Debug, Serialize)]
pub struct Report {
    pub as_of: NaiveDate,
    pub overdue: Vec<Item>,
    pub due_soon: Vec<Item>,
    pub reviews_due: Vec<ReviewDue>,
    pub incomplete: Vec<Item>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub progress: Option<Progress>,
}

/// Which items the report covers.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Only items whose owner contains this text (case-insensitive); reviews due are left out.
    pub owner: Option<String>,
    /// Only post-mortems of this severity (case-insensitive).
    pub severity: Option<String>,
}

/// The report on `summaries` as of `today`; "due soon" is within `soon` days.
pub fn build(summaries: &[Summary], today: NaiveDate, soon: i64, filter: &Filter) -> Report {
    let owner = filter.owner.as_ref().map(|o| o.to_lowercase());
    let mut report = Report {
        as_of: today,
        overdue: Vec::new(),
        due_soon: Vec::new(),
        reviews_due: Vec::new(),
        incomplete: Vec::new(),
        progress: None,
    };
    for s in summaries {
        if filter
            .severity
            .as_ref()
            .is_some_and(|v| !s.severity.eq_ignore_ascii_case(v))
        {
            continue;
        }
        if let Some(review) = s.followup_review {
            if review <= today
                && Status::parse(&s.status) != Some(Status::Closed)
                && owner.is_none()
            {
                report.reviews_due.push(ReviewDue {
                    postmortem: s.id.clone(),
                    followup_review: review,
                });
            }
        }
        for a in &s.actions {
            let pending = ActionStatus::parse(&a.status).is_some_and(ActionStatus::is_pending);
            if !pending {
                continue;
            }
            if let Some(o) = &owner {
                if !a
                    .owner
                    .as_ref()
                    .is_some_and(|x| x.to_lowercase().contains(o))
                {
                    continue;
                }
            }
            let item = Item {
                reference: a.reference.clone(),
                postmortem: s.id.clone(),
                title: a.title.clone(),
                owner: a.owner.clone(),
                due: a.due,
                status: a.status.clone(),
                days_overdue: None,
                days_until_due: None,
                missing: Vec::new(),
            };
            if a.owner.is_none() || a.due.is_none() {
                let mut missing = Vec::new();
                if a.owner.is_none() {
                    missing.push("owner");
                }
                if a.due.is_none() {
                    missing.push("due");
                }
                report.incomplete.push(Item {
                    missing,
                    ..item.clone()
                });
            }
            let Some(due) = a.due else { continue };
            let days = (today - due).num_days();
            if days > 0 {
                report.overdue.push(Item {
                    days_overdue: Some(days),
                    ..item
                });
            } else if -days <= soon {
                report.due_soon.push(Item {
                    days_until_due: Some(-days),
                    ..item
                });
            }
        }
    }
    report
        .overdue
        .sort_by(|a, b| (b.days_overdue, &a.reference).cmp(&(a.days_overdue, &b.reference)));
    report
        .due_soon
        .sort_by(|a, b| (a.due, &a.reference).cmp(&(b.due, &b.reference)));
    report.reviews_due.sort_by(|a, b| {
        (a.followup_review, &a.postmortem).cmp(&(b.followup_review, &b.postmortem))
    });
    report
        .incomplete
        .sort_by(|a, b| a.reference.cmp(&b.reference));
    report
}

/// The changes since `since` (a date or a revision) up to `rev`, or up to the work tree, with
/// where a shallow clone's history starts when that is after `since` (say so to the user).
pub fn progress(
    repo: &Repo,
    located: &Located,
    since: &str,
    rev: Option<&str>,
    all_parents: bool,
) -> Result<Progress> {
    let mut history = History::new(repo, &located.postmortem_dir())?;
    let target = match rev {
        Some(rev) => Some(history.resolve(rev)?),
        None => history.head(),
    };
    let mut starts: Option<CommitInfo> = None;
    let base = match crate::today::parse_date(since) {
        Ok(date) => match target {
            Some(target) => match history.at_or_before(target, date)? {
                Some((oid, shallow_start)) => {
                    if shallow_start {
                        starts = Some(history.commit_info(oid)?);
                    }
                    Some(oid)
                }
                None => None,
            },
            None => None,
        },
        Err(_) => Some(history.resolve(since)?),
    };
    let since_info = base.map(|b| history.commit_info(b)).transpose()?;
    let mut changes = Vec::new();
    if let Some(target) = target {
        let log = history.log(base, target, all_parents)?;
        if starts.is_none() {
            starts = log.history_starts;
        }
        changes.extend(log.changes.into_iter().map(ChangeOut::new));
    }
    if rev.is_none() && repo.workdir().is_some() {
        let uncommitted = history.diff_worktree(target)?;
        changes.extend(uncommitted.into_iter().map(ChangeOut::uncommitted));
    }
    Ok(Progress {
        since: Point::of(since_info.as_ref()),
        history_starts: starts.as_ref().map(|s| Point::of(Some(s))),
        changes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::summary::ActionView;

    fn summary(id: &str, actions: Vec<ActionView>) -> Summary {
        Summary {
            id: id.into(),
            severity: "SEV2".into(),
            status: "reviewed".into(),
            actions,
            ..Summary::default()
        }
    }

    fn action(reference: &str, owner: Option<&str>, due: Option<&str>) -> ActionView {
        ActionView {
            reference: reference.into(),
            owner: owner.map(Into::into),
            due: due.and_then(|d| d.parse().ok()),
            status: "open".into(),
            ..ActionView::default()
        }
    }

    #[test]
    fn items_sort_into_overdue_due_soon_and_incomplete() {
        let today: NaiveDate = "2026-03-01".parse().unwrap_or_default();
        let actions = vec![
            action("pm-1#A1", Some("amal"), Some("2026-02-20")),
            action("pm-1#A2", Some("jo"), Some("2026-03-05")),
            action("pm-1#A3", None, Some("2026-02-28")),
            action("pm-1#A4", Some("jo"), None),
            action("pm-1#A5", Some("jo"), Some("2026-06-01")),
        ];
        let r = build(
            &[summary("pm-1", actions.clone())],
            today,
            7,
            &Filter::default(),
        );
        let refs =
            |items: &[Item]| -> Vec<String> { items.iter().map(|i| i.reference.clone()).collect() };
        // Most overdue first.
        assert_eq!(refs(&r.overdue), ["pm-1#A1", "pm-1#A3"]);
        assert_eq!(r.overdue[0].days_overdue, Some(9));
        assert_eq!(refs(&r.due_soon), ["pm-1#A2"]);
        assert_eq!(refs(&r.incomplete), ["pm-1#A3", "pm-1#A4"]);
        assert_eq!(r.incomplete[1].missing, ["due"]);

        let amal = Filter {
            owner: Some("AMAL".into()),
            severity: None,
        };
        let r = build(&[summary("pm-1", actions)], today, 7, &amal);
        assert_eq!(refs(&r.overdue), ["pm-1#A1"]);
        assert!(r.due_soon.is_empty() && r.incomplete.is_empty());
    }
}
