//! The follow-up report: overdue items, items due soon, reviews due, incomplete items and, with
//! a starting point, what changed since and which commit changed it. Its JSON is documented in
//! docs/FOLLOWUP.md and kept stable.

use crate::changes::Change;
use crate::config::{Located, Policies, Policy};
use crate::document::{ActionStatus, Status};
use crate::error::Result;
use crate::git::history::{CommitInfo, Dated, History};
use crate::git::Repo;
use crate::listing::{load, load_at, Actions};
use crate::repository::Unreadable;
use crate::summary::Summary;
pub use crate::summary::{unreadable_actions, UnreadableAction};
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
    /// The date asked with `--since DATE` (the base is the last commit before it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub since_day: Option<NaiveDate>,
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
    /// Action items that could not be read: `--fail-on-overdue` fails on them, as it cannot
    /// tell whether they are overdue.
    pub unreadable_actions: Vec<UnreadableAction>,
    /// Where a post-mortem or action breaks its severity's policy (pm.toml `[policy]`).
    pub policy_breaches: Vec<Breach>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub progress: Option<Progress>,
}

/// A promise of the severity's policy that is not kept.
#[derive(Debug, Clone, Serialize)]
pub struct Breach {
    pub postmortem: String,
    /// The action item, for `action_due_beyond_policy`.
    #[serde(rename = "ref", skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// `review_overdue` (not reviewed and the policy's date has passed), `review_late` (the
    /// review meeting is dated after the policy's date) or `action_due_beyond_policy` (a
    /// P0/P1 item due after the policy's date).
    pub breach: &'static str,
    /// The policy's date.
    pub limit: NaiveDate,
    pub detail: String,
}

/// The policy breaches of `s` as of `today`.
fn breaches(s: &Summary, policy: &Policy, today: NaiveDate, owner: Option<&str>) -> Vec<Breach> {
    let mut out = Vec::new();
    let Some(started) = s.started_at().map(|t| t.date_naive()) else {
        return out;
    };
    let status = Status::parse(&s.status);
    if status == Some(Status::Closed) {
        return out;
    }
    let severity = &s.severity;
    if let (Some(days), None) = (policy.review_within_days, owner) {
        let limit = started + chrono::Days::new(u64::from(days));
        let unreviewed = matches!(status, None | Some(Status::Draft | Status::InReview));
        if unreviewed && today > limit {
            out.push(Breach {
                postmortem: s.id.clone(),
                reference: None,
                breach: "review_overdue",
                limit,
                detail: format!(
                    "not reviewed in time: the review was due by {limit} ({severity} policy: within {days} days of the incident)"
                ),
            });
        } else if let Some(meeting) = s.review_meeting.filter(|m| *m > limit) {
            out.push(Breach {
                postmortem: s.id.clone(),
                reference: None,
                breach: "review_late",
                limit,
                detail: format!(
                    "review meeting {meeting} is after {limit} ({severity} policy: within {days} days of the incident)"
                ),
            });
        }
    }
    if let Some(days) = policy.priority_actions_within_days {
        let limit = started + chrono::Days::new(u64::from(days));
        for a in &s.actions {
            let priority = a.priority.as_deref().unwrap_or("");
            let pending = ActionStatus::parse(&a.status).is_some_and(ActionStatus::is_pending);
            let owned = owner.is_none_or(|o| {
                a.owner
                    .as_ref()
                    .is_some_and(|x| x.to_lowercase().contains(o))
            });
            if !pending || !owned || !matches!(priority, "P0" | "P1") {
                continue;
            }
            if let Some(due) = a.due.filter(|d| *d > limit) {
                out.push(Breach {
                    postmortem: s.id.clone(),
                    reference: Some(a.reference.clone()),
                    breach: "action_due_beyond_policy",
                    limit,
                    detail: format!(
                        "{priority} item due {due}, after {limit} ({severity} policy: P0/P1 items within {days} days of the incident)"
                    ),
                });
            }
        }
    }
    out
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
/// Policy breaches come from `policies` (pm.toml `[policy]`).
pub fn build(
    summaries: &[Summary],
    today: NaiveDate,
    soon: i64,
    filter: &Filter,
    policies: &Policies,
) -> Report {
    let owner = filter.owner.as_ref().map(|o| o.to_lowercase());
    let mut report = Report {
        as_of: today,
        overdue: Vec::new(),
        due_soon: Vec::new(),
        reviews_due: Vec::new(),
        incomplete: Vec::new(),
        unreadable_actions: Vec::new(),
        policy_breaches: Vec::new(),
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
        report.unreadable_actions.extend(unreadable_actions([s]));
        if let Some(policy) = policies.of(&s.severity) {
            report
                .policy_breaches
                .extend(breaches(s, policy, today, owner.as_deref()));
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
            // A due date that is there but cannot be read is not "missing": the item is
            // listed with the unreadable ones instead.
            let due_unreadable = s
                .action_problems
                .iter()
                .any(|p| p.is_due() && p.reference.as_deref() == Some(a.reference.as_str()));
            let due_missing = a.due.is_none() && !due_unreadable;
            if a.owner.is_none() || due_missing {
                let mut missing = Vec::new();
                if a.owner.is_none() {
                    missing.push("owner");
                }
                if due_missing {
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
    report.policy_breaches.sort_by(|a, b| {
        (a.limit, &a.postmortem, &a.reference).cmp(&(b.limit, &b.postmortem, &b.reference))
    });
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
    let since_day = crate::today::parse_date(since).ok();
    let base = match since_day {
        Some(date) => match target {
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
        None if looks_like_date(since) => {
            return Err(crate::error::Error::usage(format!(
                "--since {since}: not a date (YYYY-MM-DD, a real day of the calendar) and not meant as a revision"
            )))
        }
        None => Some(history.resolve(since)?),
    };
    // A base on a merged branch (not on the first-parent line of the target): the merge
    // commit's changes would include what the branch did before the base, so the merged
    // branches' own commits are walked instead, as `--all-parents` does.
    let all_parents = all_parents
        || match (base, target) {
            (Some(base), Some(target)) if since_day.is_none() => {
                !crate::git::worktree::on_first_parent_line(repo, base, target)
            }
            _ => false,
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
        since_day,
        history_starts: starts.as_ref().map(|s| Point::of(Some(s))),
        changes,
    })
}

/// True for `2026-02-30` or `2026-13-01`: shaped like a date, so a typo is reported as a bad
/// date rather than as an unknown revision.
fn looks_like_date(text: &str) -> bool {
    let parts: Vec<&str> = text.trim().split('-').collect();
    parts.len() == 3
        && parts[0].len() == 4
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

/// Keeps the progress changes of items the report's filter keeps: with `--owner`, changes of
/// items whose owner (now, or before or after a reassignment) contains the text, and no changes
/// of post-mortems themselves; with `--severity`, changes of post-mortems of that severity.
pub fn filter_progress(progress: &mut Progress, summaries: &[Summary], filter: &Filter) {
    use std::collections::{HashMap, HashSet};
    if filter.owner.is_none() && filter.severity.is_none() {
        return;
    }
    let owner = filter.owner.as_ref().map(|o| o.to_lowercase());
    let matches = |o: Option<&str>| {
        owner
            .as_ref()
            .is_none_or(|want| o.is_some_and(|o| o.to_lowercase().contains(want)))
    };
    let severity: HashMap<&str, &str> = summaries
        .iter()
        .map(|s| (s.id.as_str(), s.severity.as_str()))
        .collect();
    let owned: HashSet<&str> = summaries
        .iter()
        .flat_map(|s| &s.actions)
        .filter(|a| matches(a.owner.as_deref()))
        .map(|a| a.reference.as_str())
        .collect();
    progress.changes.retain(|c| {
        let change = &c.change;
        let severity_ok = filter.severity.as_ref().is_none_or(|want| {
            severity
                .get(change.postmortem.as_str())
                .is_some_and(|s| s.eq_ignore_ascii_case(want))
        });
        let owner_ok = owner.is_none()
            || (change.action.is_some()
                && (owned.contains(change.reference.as_str())
                    || (change.change == crate::changes::ChangeKind::Reassigned
                        && (matches(change.from.as_deref()) || matches(change.to.as_deref())))));
        severity_ok && owner_ok
    });
}

/// What `pm followup` asks: the report as of `today`, "due soon" within `soon` days, the
/// items `filter` keeps, and with `since` (a date or a revision) the progress since then up
/// to `rev` (the work tree when `None`), through merged branches too with `all_parents`.
#[derive(Debug, Clone)]
pub struct Request<'a> {
    pub today: NaiveDate,
    pub soon: i64,
    pub filter: Filter,
    pub since: Option<&'a str>,
    pub rev: Option<&'a str>,
    pub all_parents: bool,
}

/// The follow-up report: the post-mortems as they are in the work tree (or at `rev`) and, with
/// `since`, the walk through the history, read at the same time (they are independent); the
/// progress is filtered like the items. Returns the files that could not be read apart.
/// `repo` opens the repository; it is called only for `rev` or `since`.
///
/// Errors: the listing's, then the history's (a revision that does not resolve, an
/// unreadable repository), in that order whichever comes first in time.
pub fn report(
    located: &Located,
    repo: &(dyn Fn() -> Result<Repo> + Sync),
    request: &Request<'_>,
) -> Result<(Report, Vec<Unreadable>)> {
    let today = request.today;
    let (loaded, progress) = rayon::join(
        || match request.rev {
            Some(rev) => load_at(&repo()?, located, rev, today),
            None => load(located, today, Actions::Keep)
                .map(|(items, bad)| (items.into_iter().map(|(_, s)| s).collect(), bad)),
        },
        || {
            request
                .since
                .map(|since| progress(&repo()?, located, since, request.rev, request.all_parents))
                .transpose()
        },
    );
    let (summaries, bad) = loaded?;
    let mut report = build(
        &summaries,
        today,
        request.soon,
        &request.filter,
        &located.config.policy,
    );
    if let Some(mut progress) = progress? {
        filter_progress(&mut progress, &summaries, &request.filter);
        report.progress = Some(progress);
    }
    Ok((report, bad))
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
            &Policies::default(),
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
        let r = build(
            &[summary("pm-1", actions)],
            today,
            7,
            &amal,
            &Policies::default(),
        );
        assert_eq!(refs(&r.overdue), ["pm-1#A1"]);
        assert!(r.due_soon.is_empty() && r.incomplete.is_empty());
    }
}
