//! `pm history REF`: every change of one action item (`ID#A1`) or one post-mortem (`ID`)
//! through the commits, oldest first, then any uncommitted change in the work tree.
//!
//! Post-mortems are followed by their ID, not their path, so a file moved to another folder
//! keeps its history. An ID that no longer exists in the work tree (a deleted post-mortem) is
//! still found in the history.

use crate::cli::{print, shallow_clone_note, to_json, Context, ListFormat};
use crate::render::{change_markdown, change_table};
use pm::action_edit::split_reference;
use pm::followup::{ChangeOut, Point};
use pm::git::history::History;
use pm::repository;
use pm::{Error, Outcome, Result};
use serde::Serialize;
use std::collections::BTreeSet;

#[derive(Debug, clap::Args)]
pub struct HistoryArgs {
    /// An action item (`ID#A1`) or a post-mortem (`ID`); part of the ID is enough.
    #[arg(value_name = "REF", add = clap_complete::engine::ArgValueCompleter::new(crate::completion::action_refs))]
    pub reference: String,
    /// Include the commits of merged branches (default: first parents only).
    #[arg(long)]
    pub all_parents: bool,
    /// Output format: a table, JSON (stable, see docs/FOLLOWUP.md) or Markdown.
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
}

#[derive(Debug, Serialize)]
struct HistoryReport {
    #[serde(rename = "ref")]
    reference: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    history_starts: Option<Point>,
    changes: Vec<ChangeOut>,
}

pub fn run(ctx: &Context, args: HistoryArgs) -> Result<Outcome> {
    let (query, action) = match args.reference.rsplit_once('#') {
        Some(_) => {
            let (q, a) = split_reference(&args.reference)?;
            (q, Some(a))
        }
        None => (args.reference.as_str(), None),
    };
    if query.is_empty() {
        return Err(Error::usage(
            "give a post-mortem ID (or part of one), or ID#A1",
        ));
    }
    let located = ctx.config()?;
    let repo = ctx.repo()?;
    let mut history = History::new(&repo, &located.postmortem_dir())?;
    let head = history.head();
    let mut changes: Vec<ChangeOut> = Vec::new();
    let mut starts = None;
    if let Some(head) = head {
        let log = history.log(None, head, args.all_parents)?;
        starts = log.history_starts;
        changes.extend(log.changes.into_iter().map(ChangeOut::new));
    }
    if repo.workdir().is_some() {
        changes.extend(
            history
                .diff_worktree(head)?
                .into_iter()
                .map(ChangeOut::uncommitted),
        );
    }
    // The IDs to resolve against: those in the work tree and those the history knows.
    let (entries, _) = repository::list(&located.postmortem_dir(), &located.root)?;
    let mut ids: BTreeSet<String> = changes
        .iter()
        .map(|c| c.change.postmortem.clone())
        .collect();
    ids.extend(entries.into_iter().map(|e| e.stem));
    let id = resolve(&ids, query)?;
    let selected: Vec<ChangeOut> = changes
        .into_iter()
        .filter(|c| c.change.postmortem == id)
        .filter(|c| action.is_none_or(|a| c.change.action.as_deref() == Some(a)))
        .collect();
    let reference = match action {
        Some(a) => format!("{id}#{a}"),
        None => id.clone(),
    };
    if selected.is_empty() {
        if let Some(a) = action {
            return Err(Error::usage(format!(
                "`{a}` never appears in the history of {id}: `pm show {id}` lists its action items"
            )));
        }
    }
    if let Some(s) = &starts {
        shallow_clone_note(&s.commit, &s.date, "earlier changes are not shown");
    }
    let out = match args.format {
        ListFormat::Json => to_json(&HistoryReport {
            reference,
            history_starts: starts.as_ref().map(|s| Point {
                commit: Some(s.commit.clone()),
                date: Some(s.date.clone()),
            }),
            changes: selected,
        })?,
        ListFormat::Markdown => format!(
            "### History of `{reference}`\n\n{}",
            change_markdown(&selected)
        ),
        ListFormat::Table => format!("History of {reference}\n{}", change_table(&selected)),
    };
    print(&out)?;
    Ok(Outcome::Success)
}

/// Exact ID, else a unique prefix, else a unique part.
fn resolve(ids: &BTreeSet<String>, query: &str) -> Result<String> {
    if ids.contains(query) {
        return Ok(query.to_string());
    }
    let mut matches: Vec<&String> = ids.iter().filter(|i| i.starts_with(query)).collect();
    if matches.is_empty() {
        matches = ids.iter().filter(|i| i.contains(query)).collect();
    }
    match matches.as_slice() {
        [] => Err(Error::usage(format!(
            "no post-mortem matches `{query}`, in the work tree or its history: `pm list` shows the IDs"
        ))),
        [one] => Ok((*one).clone()),
        many => {
            let mut message = format!("`{query}` matches {} post-mortems; give more of the ID:", many.len());
            for m in many.iter().take(20) {
                message.push_str("\n  ");
                message.push_str(m);
            }
            Err(Error::usage(message))
        }
    }
}
