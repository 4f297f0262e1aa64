//! Dynamic shell completion (clap_complete's `CompleteEnv`): the values only the repository
//! knows — post-mortem IDs, `ID#A3` references, rule names, severities — are read when the
//! shell asks, from the folder the shell is in. Register with
//! `source <(COMPLETE=bash pm)` (zsh, fish, elvish, powershell likewise).
//!
//! A completer never fails: whatever cannot be read (no repository, a broken pm.toml) gives no
//! candidates, as a shell expects.

use clap_complete::engine::CompletionCandidate;
use pm::config::Located;
use std::ffi::OsStr;

fn located() -> Option<Located> {
    let cwd = std::env::current_dir().ok()?;
    let stop = pm::git::worktree_root(&cwd);
    pm::config::locate(&cwd, stop.as_deref()).ok()
}

fn starting_with(
    current: &OsStr,
    values: impl IntoIterator<Item = (String, Option<String>)>,
) -> Vec<CompletionCandidate> {
    let current = current.to_string_lossy();
    values
        .into_iter()
        .filter(|(value, _)| value.starts_with(current.as_ref()))
        .map(|(value, help)| {
            let candidate = CompletionCandidate::new(value);
            match help {
                Some(help) => candidate.help(Some(help.into())),
                None => candidate,
            }
        })
        .collect()
}

/// The IDs of the post-mortems in the folder.
pub fn postmortem_ids(current: &OsStr) -> Vec<CompletionCandidate> {
    let Some(located) = located() else {
        return Vec::new();
    };
    let Ok((entries, _)) = pm::repository::list(&located.postmortem_dir(), &located.root) else {
        return Vec::new();
    };
    starting_with(current, entries.into_iter().map(|e| (e.stem, None)))
}

/// `ID#A3` references: the post-mortem IDs with `#`, then, once the ID is typed, its actions.
pub fn action_refs(current: &OsStr) -> Vec<CompletionCandidate> {
    let text = current.to_string_lossy();
    let Some((query, _)) = text.rsplit_once('#') else {
        return postmortem_ids(current)
            .into_iter()
            .map(|c| CompletionCandidate::new(format!("{}#", c.get_value().to_string_lossy())))
            .collect();
    };
    let Some(located) = located() else {
        return Vec::new();
    };
    let Ok((_, _, summary)) = pm::listing::find(&located, query, chrono::NaiveDate::MIN) else {
        return Vec::new();
    };
    starting_with(
        current,
        summary.actions.into_iter().map(|a| {
            (
                format!("{query}#{}", a.id),
                Some(format!("{} ({})", a.title, a.status)),
            )
        }),
    )
}

/// Rule IDs and their names without the group (`--explain individual-fault` finds the rule).
pub fn rules(current: &OsStr) -> Vec<CompletionCandidate> {
    starting_with(
        current,
        pm::checks::registry::all()
            .iter()
            .map(|r| (r.id.to_string(), Some(r.summary.to_string()))),
    )
}

/// The severities of pm.toml's `document.severities`.
pub fn severities(current: &OsStr) -> Vec<CompletionCandidate> {
    let severities = located()
        .map(|l| l.config.document.severities)
        .unwrap_or_else(|| pm::config::Config::default().document.severities);
    starting_with(current, severities.into_iter().map(|s| (s, None)))
}
