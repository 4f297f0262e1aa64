//! `pm diff A [B]`: what changed in post-mortems and action items between two revisions (B
//! defaults to the work tree, uncommitted and untracked files included). The changes are the
//! net difference of the two states, the same records `pm followup --since` lists per commit.

use crate::cli::{print, to_json, Context, ListFormat};
use pm::followup::ChangeOut;
use pm::git::history::History;
use pm::text::{column_width, md_escape, short};
use pm::{Outcome, Result};
use serde::Serialize;

#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// The earlier revision.
    #[arg(value_name = "A")]
    pub from: String,
    /// The later revision (default: the work tree).
    #[arg(value_name = "B")]
    pub to: Option<String>,
    /// Output format: a table, JSON (stable, see docs/FOLLOWUP.md) or Markdown.
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
}

#[derive(Debug, Serialize)]
struct Side {
    /// The revision as given; `null` for the work tree.
    rev: Option<String>,
    commit: Option<String>,
}

#[derive(Debug, Serialize)]
struct DiffReport {
    from: Side,
    to: Side,
    changes: Vec<ChangeOut>,
}

pub fn run(ctx: &Context, args: DiffArgs) -> Result<Outcome> {
    let located = ctx.config()?;
    let repo = ctx.repo()?;
    let mut history = History::new(&repo, &located.postmortem_dir())?;
    let from = history.resolve(&args.from)?;
    let (to, changes) = match &args.to {
        Some(rev) => {
            let to = history.resolve(rev)?;
            (Some(to), history.diff_commits(Some(from), to)?)
        }
        None => (None, history.diff_worktree(Some(from))?),
    };
    let changes: Vec<ChangeOut> = changes.into_iter().map(ChangeOut::uncommitted).collect();
    let report = DiffReport {
        from: Side {
            rev: Some(args.from.clone()),
            commit: Some(from.to_string()),
        },
        to: Side {
            rev: args.to.clone(),
            commit: to.map(|t| t.to_string()),
        },
        changes,
    };
    let to_label = match (&args.to, to) {
        (Some(rev), Some(oid)) => format!("{rev} ({})", short(&oid.to_string())),
        _ => "the work tree".into(),
    };
    let from_label = format!("{} ({})", args.from, short(&from.to_string()));
    let out = match args.format {
        ListFormat::Json => to_json(&report)?,
        ListFormat::Markdown => format!(
            "### Changes from {from_label} to {to_label}\n\n{}",
            plain(&report.changes, true)
        ),
        ListFormat::Table => format!(
            "Changes from {from_label} to {to_label} ({})\n{}",
            report.changes.len(),
            plain(&report.changes, false)
        ),
    };
    print(&out)?;
    Ok(Outcome::Success)
}

/// Without commits to attribute, the commit and author columns say nothing: leave them out.
fn plain(changes: &[ChangeOut], markdown: bool) -> String {
    if markdown {
        if changes.is_empty() {
            return "No changes.\n".into();
        }
        let mut out = String::from("| Item | Change |\n|---|---|\n");
        for c in changes {
            out.push_str(&format!(
                "| `{}` | {} |\n",
                c.change.reference,
                md_escape(&c.change.describe())
            ));
        }
        return out;
    }
    if changes.is_empty() {
        return "  no changes\n".into();
    }
    let width = column_width(changes.iter().map(|c| &c.change.reference), 3);
    changes
        .iter()
        .map(|c| {
            format!(
                "  {:<width$}  {}\n",
                c.change.reference,
                c.change.describe().replace('\n', " ")
            )
        })
        .collect()
}
