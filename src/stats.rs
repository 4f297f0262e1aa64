//! Incident and action-item statistics over a set of post-mortems.
//!
//! Nothing here reads files or git. When an action item was created and closed, and how often
//! its due date moved, is supplied by the caller as an [`ActionHistory`] per action reference
//! (`ID#A1`), so the same computations work whether those dates come from the front matter or
//! from the repository's history; [`DatesFrom`] records which one it was.
//!
//! Durations are skewed (most incidents are short, a few run for days), so they are summarised
//! by the median and the 90th percentile, never the mean. The median is the middle value (the
//! mean of the two middle values for an even count); other percentiles use the nearest-rank
//! method: the value at 1-based rank `ceil(p / 100 × n)` in ascending order, always a value
//! that was observed.

use crate::changes::{Change, ChangeKind};
use crate::document::{ActionStatus, Document, Status};
use crate::summary::Summary;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// What is known about one action item's life, keyed by its reference (`ID#A1`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ActionHistory {
    /// When the action was first written down.
    pub created: Option<NaiveDate>,
    /// When it was last closed (`done` or `wont-do`).
    pub closed: Option<NaiveDate>,
    /// How many times its due date moved later.
    pub due_slips: u32,
}

/// Action histories by reference.
pub type Histories = HashMap<String, ActionHistory>;

/// Where creation and close dates came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DatesFrom {
    /// The `created` and `closed` fields in the front matter, as written. The front matter
    /// keeps no record of earlier due dates, so slips are unknown.
    FrontMatter,
    /// The commits that changed each action.
    GitHistory,
}

impl DatesFrom {
    /// Whether the source can tell how often a due date moved.
    pub fn knows_slips(self) -> bool {
        matches!(self, DatesFrom::GitHistory)
    }
}

/// Histories read from a document's front matter: `created` and `closed` where written.
pub fn front_matter_histories(doc: &Document, postmortem_id: &str) -> Vec<(String, ActionHistory)> {
    doc.front
        .actions
        .iter()
        .map(|a| {
            let id =
                a.id.as_ref()
                    .map(|s| s.value.clone())
                    .unwrap_or_else(|| format!("#{}", a.index + 1));
            (
                format!("{postmortem_id}#{id}"),
                ActionHistory {
                    created: a.created.as_ref().map(|d| d.value),
                    closed: a.closed.as_ref().map(|d| d.value),
                    due_slips: 0,
                },
            )
        })
        .collect()
}

/// Histories replayed from change records, oldest first, each with the date it was made (the
/// commit's author date, or today for an uncommitted change). `current` are the post-mortems
/// as they are now, whose statuses the records end in.
///
/// - `created`: the first record that added the action (alone, or with its post-mortem).
/// - `closed`: the last record that closed it (to `done` or `wont-do`), cleared by a later
///   reopening. An action that is closed now but was never closed by a record was already closed
///   when it (last) appeared: it closed on that date, the first day the history shows it closed.
/// - `due_slips`: due-date changes that moved the date later.
///
/// An action the records never add (it predates a shallow clone's history) has no creation
/// date, and no close date unless a record closed it.
pub fn replay_histories<'a>(
    changes: impl IntoIterator<Item = (&'a Change, NaiveDate)>,
    current: &[&Summary],
) -> Histories {
    #[derive(Default)]
    struct Replay {
        history: ActionHistory,
        /// The last date the action was added: a removal and a re-adding (a file that could not
        /// be parsed for a commit, say) keep the first creation date.
        appeared: Option<NaiveDate>,
    }
    let mut replays: HashMap<String, Replay> = HashMap::new();
    for (change, date) in changes {
        if change.action.is_none() {
            continue;
        }
        let r = match replays.get_mut(&change.reference) {
            Some(r) => r,
            None => replays.entry(change.reference.clone()).or_default(),
        };
        match change.change {
            ChangeKind::Added => {
                r.history.created.get_or_insert(date);
                r.appeared = Some(date);
            }
            ChangeKind::Closed => r.history.closed = Some(date),
            ChangeKind::Reopened => r.history.closed = None,
            ChangeKind::DueChanged if change.due_shift_days().is_some_and(|d| d > 0) => {
                r.history.due_slips += 1;
            }
            _ => {}
        }
    }
    for a in current.iter().flat_map(|s| &s.actions) {
        let closed_now = ActionStatus::parse(&a.status).is_some_and(|s| !s.is_pending());
        if let Some(r) = replays.get_mut(&a.reference) {
            if closed_now && r.history.closed.is_none() {
                r.history.closed = r.appeared;
            }
        }
    }
    replays
        .into_iter()
        .map(|(reference, r)| (reference, r.history))
        .collect()
}

/// Where a shallow clone's history starts: changes before this commit are not in the clone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HistoryStart {
    pub commit: String,
    /// Author date, RFC 3339.
    pub date: String,
}

/// The incidents counted: those that started within `since..=until` (either end open).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Period {
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
}

impl Period {
    /// Whether a post-mortem falls in the period. Without bounds every post-mortem does; with
    /// a bound, one without a readable `started` cannot be placed and is left out.
    pub fn contains(&self, summary: &Summary) -> bool {
        if self.since.is_none() && self.until.is_none() {
            return true;
        }
        let Some(day) = summary.started_at().map(|t| t.date_naive()) else {
            return false;
        };
        self.since.is_none_or(|s| day >= s) && self.until.is_none_or(|u| day <= u)
    }
}

/// What a breakdown (`--by`) groups incidents by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum GroupBy {
    Severity,
    Service,
    Month,
}

/// Median and 90th percentile of a set of durations.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Spread {
    /// How many post-mortems had both timestamps.
    pub count: usize,
    pub median_minutes: Option<f64>,
    pub p90_minutes: Option<i64>,
}

/// Action-item figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActionStats {
    pub total: usize,
    pub done: usize,
    pub wont_do: usize,
    /// Open or in progress.
    pub open: usize,
    /// Open or in progress, with a due date before today.
    pub overdue: usize,
    /// Action items, or values of them, pm could not read (listed in `unreadable_actions`):
    /// an `[[action]]` item is in none of the figures above, an item with an unreadable due
    /// date is never counted overdue.
    pub unreadable: usize,
    /// Done actions with both a due date and a known close date: the ratio's denominator.
    pub closed_with_dates: usize,
    /// Of those, closed on or before the due date.
    pub closed_on_time: usize,
    /// `closed_on_time / closed_with_dates`; null when nothing closed with known dates.
    pub closed_on_time_ratio: Option<f64>,
    /// Done actions whose close date is unknown (no `closed` date, no history).
    pub close_date_unknown: usize,
    /// Done actions with both a creation and a close date.
    pub days_to_close_count: usize,
    pub median_days_to_close: Option<f64>,
    pub p90_days_to_close: Option<i64>,
    /// Actions whose due date moved later at least once; null when the source cannot tell.
    pub due_dates_slipped: Option<usize>,
    /// Total number of due-date moves; null when the source cannot tell.
    pub due_date_slips: Option<u64>,
}

/// A service named by more than one post-mortem in the period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recurrence {
    pub service: String,
    pub postmortems: usize,
    pub ids: Vec<String>,
}

/// Follow-up reviews whose date has passed.
///
/// A review is *due* when its `followup_review` date is today or earlier (as `pm followup`
/// lists it); it counts as *held* when the post-mortem is `closed`, the status the follow-up
/// review gives it (`reviewed` means the review meeting was held, not the follow-up review,
/// and `pm followup` still lists such a review as due). The front matter cannot say when the
/// status changed, so a review held late but before today also counts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FollowupStats {
    pub due: usize,
    pub held_on_time: usize,
    pub ratio: Option<f64>,
    /// Reviews dated after today.
    pub upcoming: usize,
    /// IDs of due reviews not held, oldest first.
    pub missed: Vec<String>,
}

/// One row of a `--by` breakdown.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group {
    pub key: String,
    pub postmortems: usize,
    pub time_to_resolve: Spread,
    pub actions_open: usize,
    pub actions_overdue: usize,
}

/// Everything `pm stats` reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    pub version: u32,
    pub as_of: NaiveDate,
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub dates_from: DatesFrom,
    /// Set when the dates come from a shallow clone's history, which starts at this commit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub history_starts: Option<HistoryStart>,
    pub postmortems: usize,
    pub by_severity: BTreeMap<String, usize>,
    pub by_service: BTreeMap<String, usize>,
    pub by_month: BTreeMap<String, usize>,
    pub time_to_detect: Spread,
    pub time_to_mitigate: Spread,
    pub time_to_resolve: Spread,
    pub actions: ActionStats,
    /// The action items behind `actions.unreadable`: file, line and what is wrong.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unreadable_actions: Vec<crate::summary::UnreadableAction>,
    pub recurring_services: Vec<Recurrence>,
    pub followup_reviews: FollowupStats,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group_by: Option<GroupBy>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub groups: Option<Vec<Group>>,
}

/// The median: the middle value, or the mean of the two middle values.
pub fn median(values: &[i64]) -> Option<f64> {
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2] as f64),
        _ => Some((sorted[n / 2 - 1] as f64 + sorted[n / 2] as f64) / 2.0),
    }
}

/// The nearest-rank percentile `p` (0 < p <= 100): the value at rank `ceil(p/100 × n)`.
pub fn percentile(values: &[i64], p: u32) -> Option<i64> {
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    // Integer ceiling keeps ranks exact: ceil(p × n / 100).
    let rank = (p as usize * n).div_ceil(100).clamp(1, n);
    Some(sorted[rank - 1])
}

fn spread(values: &[i64]) -> Spread {
    Spread {
        count: values.len(),
        median_minutes: median(values),
        p90_minutes: percentile(values, 90),
    }
}

fn ratio(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

/// Durations that make sense: a negative one means the timestamps are out of order, which
/// `pm check` reports; counting it would only skew the figures.
fn durations(items: &[&Summary], pick: impl Fn(&Summary) -> Option<i64>) -> Vec<i64> {
    items
        .iter()
        .filter_map(|s| pick(s))
        .filter(|m| *m >= 0)
        .collect()
}

/// The month an incident started in (`YYYY-MM`), or `unknown`.
pub fn month_of(summary: &Summary) -> String {
    summary
        .started_at()
        .map(|t| format!("{:04}-{:02}", t.year(), t.month()))
        .unwrap_or_else(|| "unknown".into())
}

fn is_pending(status: &str) -> bool {
    ActionStatus::parse(status).is_some_and(ActionStatus::is_pending)
}

/// Computes the statistics of the post-mortems in `period`.
pub fn compute(
    all: &[Summary],
    histories: &Histories,
    dates_from: DatesFrom,
    period: Period,
    today: NaiveDate,
    group_by: Option<GroupBy>,
) -> Stats {
    let items: Vec<&Summary> = all.iter().filter(|s| period.contains(s)).collect();

    let mut by_severity = BTreeMap::new();
    let mut by_service = BTreeMap::new();
    let mut by_month = BTreeMap::new();
    let mut service_ids: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for s in &items {
        let severity = if s.severity.is_empty() {
            "unknown".to_string()
        } else {
            s.severity.clone()
        };
        *by_severity.entry(severity).or_insert(0) += 1;
        *by_month.entry(month_of(s)).or_insert(0) += 1;
        let mut seen: Vec<&str> = Vec::new();
        for service in &s.services {
            // A post-mortem naming a service twice is still one incident for it.
            if seen.contains(&service.as_str()) {
                continue;
            }
            seen.push(service);
            *by_service.entry(service.clone()).or_insert(0) += 1;
            service_ids
                .entry(service.clone())
                .or_default()
                .push(s.id.clone());
        }
    }

    let mut recurring_services: Vec<Recurrence> = service_ids
        .into_iter()
        .filter(|(_, ids)| ids.len() > 1)
        .map(|(service, mut ids)| {
            ids.sort();
            Recurrence {
                service,
                postmortems: ids.len(),
                ids,
            }
        })
        .collect();
    recurring_services.sort_by(|a, b| {
        b.postmortems
            .cmp(&a.postmortems)
            .then_with(|| a.service.cmp(&b.service))
    });

    let groups = group_by.map(|by| groups(&items, by));

    Stats {
        version: 1,
        as_of: today,
        since: period.since,
        until: period.until,
        dates_from,
        history_starts: None,
        postmortems: items.len(),
        by_severity,
        by_service,
        by_month,
        time_to_detect: spread(&durations(&items, |s| s.durations.time_to_detect_minutes)),
        time_to_mitigate: spread(&durations(&items, |s| s.durations.time_to_mitigate_minutes)),
        time_to_resolve: spread(&durations(&items, |s| s.durations.time_to_resolve_minutes)),
        actions: action_stats(&items, histories, dates_from),
        unreadable_actions: crate::summary::unreadable_actions(items.iter().copied()),
        recurring_services,
        followup_reviews: followups(&items, today),
        group_by,
        groups,
    }
}

fn action_stats(items: &[&Summary], histories: &Histories, dates_from: DatesFrom) -> ActionStats {
    let mut stats = ActionStats {
        total: 0,
        done: 0,
        wont_do: 0,
        open: 0,
        overdue: 0,
        unreadable: items.iter().map(|s| s.action_problems.len()).sum(),
        closed_with_dates: 0,
        closed_on_time: 0,
        closed_on_time_ratio: None,
        close_date_unknown: 0,
        days_to_close_count: 0,
        median_days_to_close: None,
        p90_days_to_close: None,
        due_dates_slipped: None,
        due_date_slips: None,
    };
    let mut days_to_close = Vec::new();
    let mut slipped = 0usize;
    let mut slips = 0u64;
    for a in items.iter().flat_map(|s| &s.actions) {
        stats.total += 1;
        let history = histories.get(&a.reference).copied().unwrap_or_default();
        if history.due_slips > 0 {
            slipped += 1;
            slips += u64::from(history.due_slips);
        }
        match ActionStatus::parse(&a.status) {
            Some(ActionStatus::Done) => {
                stats.done += 1;
                match history.closed {
                    None => stats.close_date_unknown += 1,
                    Some(closed) => {
                        if let Some(due) = a.due {
                            stats.closed_with_dates += 1;
                            if closed <= due {
                                stats.closed_on_time += 1;
                            }
                        }
                        if let Some(created) = history.created {
                            days_to_close.push((closed - created).num_days());
                        }
                    }
                }
            }
            Some(ActionStatus::WontDo) => stats.wont_do += 1,
            Some(ActionStatus::Open | ActionStatus::InProgress) => stats.open += 1,
            None => {}
        }
        if a.overdue {
            stats.overdue += 1;
        }
    }
    days_to_close.retain(|d| *d >= 0);
    stats.closed_on_time_ratio = ratio(stats.closed_on_time, stats.closed_with_dates);
    stats.days_to_close_count = days_to_close.len();
    stats.median_days_to_close = median(&days_to_close);
    stats.p90_days_to_close = percentile(&days_to_close, 90);
    if dates_from.knows_slips() {
        stats.due_dates_slipped = Some(slipped);
        stats.due_date_slips = Some(slips);
    }
    stats
}

fn followups(items: &[&Summary], today: NaiveDate) -> FollowupStats {
    let mut due: Vec<(NaiveDate, &str, bool)> = Vec::new();
    let mut upcoming = 0;
    for s in items {
        let Some(date) = s.followup_review else {
            continue;
        };
        if date > today {
            upcoming += 1;
            continue;
        }
        let held = Status::parse(&s.status) == Some(Status::Closed);
        due.push((date, &s.id, held));
    }
    due.sort();
    let held_on_time = due.iter().filter(|(_, _, held)| *held).count();
    FollowupStats {
        due: due.len(),
        held_on_time,
        ratio: ratio(held_on_time, due.len()),
        upcoming,
        missed: due
            .iter()
            .filter(|(_, _, held)| !held)
            .map(|(_, id, _)| id.to_string())
            .collect(),
    }
}

fn groups(items: &[&Summary], by: GroupBy) -> Vec<Group> {
    let mut members: BTreeMap<String, Vec<&Summary>> = BTreeMap::new();
    for s in items {
        let keys: Vec<String> = match by {
            GroupBy::Severity if s.severity.is_empty() => vec!["unknown".into()],
            GroupBy::Severity => vec![s.severity.clone()],
            GroupBy::Month => vec![month_of(s)],
            GroupBy::Service if s.services.is_empty() => vec!["(none)".into()],
            GroupBy::Service => {
                let mut keys = s.services.clone();
                keys.sort();
                keys.dedup();
                keys
            }
        };
        for key in keys {
            members.entry(key).or_default().push(s);
        }
    }
    members
        .into_iter()
        .map(|(key, list)| Group {
            postmortems: list.len(),
            time_to_resolve: spread(&durations(&list, |s| s.durations.time_to_resolve_minutes)),
            actions_open: list
                .iter()
                .flat_map(|s| &s.actions)
                .filter(|a| is_pending(&a.status))
                .count(),
            actions_overdue: list
                .iter()
                .flat_map(|s| &s.actions)
                .filter(|a| a.overdue)
                .count(),
            key,
        })
        .collect()
}

/// Upper bounds (minutes, exclusive) and labels of the time-to-resolve histogram. The bins
/// widen roughly geometrically because durations are skewed: equal-width bins would put nearly
/// every incident in the first one.
pub const RESOLVE_BINS: &[(i64, &str)] = &[
    (15, "< 15m"),
    (30, "15–30m"),
    (60, "30m–1h"),
    (120, "1–2h"),
    (240, "2–4h"),
    (480, "4–8h"),
    (1440, "8–24h"),
    (4320, "1–3d"),
    (i64::MAX, "≥ 3d"),
];

/// How many durations fall in each of [`RESOLVE_BINS`].
pub fn resolve_histogram(minutes: &[i64]) -> Vec<(&'static str, usize)> {
    let mut counts = vec![0usize; RESOLVE_BINS.len()];
    for m in minutes.iter().filter(|m| **m >= 0) {
        if let Some(i) = RESOLVE_BINS.iter().position(|(upper, _)| m < upper) {
            counts[i] += 1;
        }
    }
    RESOLVE_BINS
        .iter()
        .zip(counts)
        .map(|((_, label), n)| (*label, n))
        .collect()
}

/// One action item's life, as the open-over-time chart needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActionSpan {
    pub created: NaiveDate,
    /// `None` while still open.
    pub closed: Option<NaiveDate>,
}

/// Builds the spans of the actions in `items`. An action with no known creation date is taken
/// to have been created when its incident started. A closed action with no known close date
/// cannot be placed in time and is left out; the second value counts those.
pub fn action_spans(items: &[&Summary], histories: &Histories) -> (Vec<ActionSpan>, usize) {
    let mut spans = Vec::new();
    let mut unplaced = 0;
    for s in items {
        let start = s.started_at().map(|t| t.date_naive());
        for a in &s.actions {
            let history = histories.get(&a.reference).copied().unwrap_or_default();
            let Some(created) = history.created.or(start) else {
                unplaced += 1;
                continue;
            };
            if is_pending(&a.status) {
                spans.push(ActionSpan {
                    created,
                    closed: None,
                });
                continue;
            }
            match history.closed {
                Some(closed) => spans.push(ActionSpan {
                    created,
                    closed: Some(closed.max(created)),
                }),
                None => unplaced += 1,
            }
        }
    }
    (spans, unplaced)
}

/// The number of open actions on evenly spaced days from the first creation to `today`
/// (always included): `(date, open)`, at most about `max_points` points.
pub fn open_over_time(
    spans: &[ActionSpan],
    today: NaiveDate,
    max_points: usize,
) -> Vec<(NaiveDate, usize)> {
    let Some(first) = spans.iter().map(|s| s.created).min() else {
        return Vec::new();
    };
    if first > today {
        return Vec::new();
    }
    let days = (today - first).num_days();
    let max_points = max_points.max(2) as i64;
    let step = (days / (max_points - 1)).max(1);
    let mut points = Vec::new();
    let mut offset = 0;
    loop {
        let day = (first + chrono::Duration::days(offset)).min(today);
        let open = spans
            .iter()
            .filter(|s| s.created <= day && s.closed.is_none_or(|c| c > day))
            .count();
        points.push((day, open));
        if day >= today {
            break;
        }
        offset += step;
    }
    points
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_and_nearest_rank_percentiles() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[5]), Some(5.0));
        assert_eq!(median(&[40, 10, 30, 20]), Some(25.0));
        assert_eq!(median(&[3, 1, 2]), Some(2.0));
        let ten: Vec<i64> = (1..=10).map(|i| i * 10).collect();
        assert_eq!(percentile(&ten, 90), Some(90));
        assert_eq!(percentile(&ten, 50), Some(50));
        let eleven: Vec<i64> = (1..=11).collect();
        // ceil(0.9 × 11) = 10
        assert_eq!(percentile(&eleven, 90), Some(10));
        assert_eq!(percentile(&[7], 90), Some(7));
        assert_eq!(percentile(&[], 90), None);
    }

    #[test]
    fn replayed_histories_follow_the_last_close_and_keep_the_first_creation() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
        let change =
            |action: &str, kind: ChangeKind, from: Option<&str>, to: Option<&str>| Change {
                reference: format!("x#{action}"),
                postmortem: "x".into(),
                action: Some(action.into()),
                change: kind,
                from: from.map(String::from),
                to: to.map(String::from),
            };
        let records = [
            (
                change("A1", ChangeKind::Added, None, Some("t")),
                d("2026-01-01"),
            ),
            (
                change("A2", ChangeKind::Added, None, Some("t")),
                d("2026-01-01"),
            ),
            (
                change(
                    "A1",
                    ChangeKind::DueChanged,
                    Some("2026-01-10"),
                    Some("2026-01-20"),
                ),
                d("2026-01-02"),
            ),
            (
                change(
                    "A1",
                    ChangeKind::DueChanged,
                    Some("2026-01-20"),
                    Some("2026-01-15"),
                ),
                d("2026-01-03"),
            ),
            (
                change("A1", ChangeKind::Closed, Some("open"), Some("done")),
                d("2026-01-04"),
            ),
            (
                change("A1", ChangeKind::Reopened, Some("done"), Some("open")),
                d("2026-01-05"),
            ),
            (
                change("A1", ChangeKind::Closed, Some("open"), Some("done")),
                d("2026-01-06"),
            ),
            // A2 vanishes (its file could not be parsed) and comes back already done.
            (
                change("A2", ChangeKind::Removed, Some("t"), None),
                d("2026-01-07"),
            ),
            (
                change("A2", ChangeKind::Added, None, Some("t")),
                d("2026-01-08"),
            ),
        ];
        let text = "+++\nid = \"x\"\ntitle = \"X\"\n\n[[actions]]\nid = \"A1\"\nstatus = \"done\"\n\n[[actions]]\nid = \"A2\"\nstatus = \"done\"\n+++\n";
        let doc = Document::parse_front_matter(text.as_bytes()).expect("parse");
        let summary = Summary::new(&doc, "x", "x.md", d("2026-03-01"));
        let histories = replay_histories(records.iter().map(|(c, d)| (c, *d)), &[&summary]);
        let a1 = histories["x#A1"];
        assert_eq!(a1.created, Some(d("2026-01-01")));
        assert_eq!(a1.closed, Some(d("2026-01-06")));
        assert_eq!(a1.due_slips, 1);
        let a2 = histories["x#A2"];
        assert_eq!(a2.created, Some(d("2026-01-01")));
        assert_eq!(a2.closed, Some(d("2026-01-08")));
    }

    #[test]
    fn histogram_bins_are_half_open() {
        let bins = resolve_histogram(&[0, 14, 15, 59, 60, 5000, -3]);
        assert_eq!(bins[0], ("< 15m", 2));
        assert_eq!(bins[1], ("15–30m", 1));
        assert_eq!(bins[2], ("30m–1h", 1));
        assert_eq!(bins[3], ("1–2h", 1));
        assert_eq!(bins[8], ("≥ 3d", 1));
    }

    #[test]
    fn open_actions_count_down_as_they_close() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
        let spans = [
            ActionSpan {
                created: d("2026-01-01"),
                closed: Some(d("2026-01-03")),
            },
            ActionSpan {
                created: d("2026-01-02"),
                closed: None,
            },
        ];
        let points = open_over_time(&spans, d("2026-01-04"), 100);
        let counts: Vec<usize> = points.iter().map(|p| p.1).collect();
        assert_eq!(counts, [1, 2, 1, 1]);
        assert_eq!(points.last().map(|p| p.0), Some(d("2026-01-04")));
    }
}
