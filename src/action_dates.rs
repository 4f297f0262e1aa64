//! When each action item was created and closed and how often its due date moved, for
//! `pm stats` and `pm site` alike: read from git history when there is one, else from the
//! front matter (`created`, `closed`). This is the one place that decides where those dates
//! come from; `pm::stats` computes with them and knows nothing of git.

use crate::config::Located;
use crate::document::Document;
use crate::error::Result;
use crate::git::history::History;
use crate::git::Repo;
use crate::repository::{self, Entry};
use crate::stats::{self, DatesFrom, Histories, HistoryStart};
use crate::summary::Summary;
use chrono::NaiveDate;
use rayon::prelude::*;

/// The action histories and where they were read.
pub struct ActionDates {
    pub histories: Histories,
    pub dates_from: DatesFrom,
    /// Where a shallow clone's history starts.
    pub history_starts: Option<HistoryStart>,
    /// Why the dates come from the front matter although there is a repository (its history
    /// could not be read), for the user to know.
    pub history_unreadable: Option<String>,
}

/// Action histories for `items`: from the repository's first-parent history up to `HEAD` plus
/// the uncommitted changes in the work tree (dated today), read once for all post-mortems; from
/// the front matter only when there is no repository or no commit yet.
pub fn read(
    repo: Option<&Repo>,
    located: &Located,
    items: &[(&Entry, &Summary)],
) -> Result<ActionDates> {
    let Some(repo) = repo else {
        return Ok(from_front_matter(items, None));
    };
    let mut history = match History::new(repo, &located.postmortem_dir()) {
        Ok(history) => history,
        Err(e) => return Ok(from_front_matter(items, Some(e.to_string()))),
    };
    let Some(head) = history.head() else {
        return Ok(from_front_matter(items, None));
    };
    let log = history.log(None, head, false)?;
    let uncommitted = match repo.workdir() {
        Some(_) => history.diff_worktree(Some(head))?,
        None => Vec::new(),
    };
    // Uncommitted changes happen today, whatever `--as-of` says about overdue items.
    let today = crate::today::today()?;
    let committed = log.changes.iter().filter_map(|dated| {
        let commit = dated.commit.as_ref()?;
        Some((&dated.change, author_day(&commit.date)?))
    });
    let summaries: Vec<&Summary> = items.iter().map(|(_, s)| *s).collect();
    let histories = stats::replay_histories(
        committed.chain(uncommitted.iter().map(|c| (c, today))),
        &summaries,
    );
    let history_starts = log.history_starts.map(|start| HistoryStart {
        commit: start.commit,
        date: start.date,
    });
    Ok(ActionDates {
        histories,
        dates_from: DatesFrom::GitHistory,
        history_starts,
        history_unreadable: None,
    })
}

/// The day of an RFC 3339 date, in the offset it was written with (the author's).
fn author_day(date: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(date.get(..10)?, "%Y-%m-%d").ok()
}

/// Creation and close dates as the front matter writes them (`created`, `closed`).
fn from_front_matter(
    items: &[(&Entry, &Summary)],
    history_unreadable: Option<String>,
) -> ActionDates {
    let histories = items
        .par_iter()
        .flat_map_iter(|(entry, summary)| {
            // A file that cannot be read again was already reported by the loader.
            repository::read(&entry.path)
                .ok()
                .and_then(|bytes| Document::parse_front_matter(&bytes).ok())
                .map(|doc| stats::front_matter_histories(&doc, &summary.id))
                .unwrap_or_default()
        })
        .collect();
    ActionDates {
        histories,
        dates_from: DatesFrom::FrontMatter,
        history_starts: None,
        history_unreadable,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_author_day_is_the_day_written() {
        assert_eq!(
            author_day("2026-03-01T23:30:00-05:00"),
            "2026-03-01".parse().ok()
        );
        assert_eq!(author_day("nope"), None);
    }
}
