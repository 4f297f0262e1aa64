//! `pm check`: a minimal stand-in so the hook, `--rev-range` and the pre-commit framework can
//! be exercised end to end on this branch. The full command (rules, reporters, `--format`)
//! comes from the check work; at merge, its version of this file replaces this one whole.

use super::{print, Context};
use pm::checks::{self, Severity, SourceFile};
use pm::config::FailOn;
use pm::git::snapshot;
use pm::{Error, Outcome, Result};

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Files or folders to check (default: the post-mortem folder).
    pub paths: Vec<std::path::PathBuf>,
    /// Check the staged content of added or modified post-mortems (what the hook runs).
    #[arg(long)]
    pub staged: bool,
    /// Check post-mortems added or modified in a revision range A..B, at their state in B.
    #[arg(long, value_name = "A..B")]
    pub rev_range: Option<String>,
    /// Read one document from standard input.
    #[arg(long)]
    pub stdin: bool,
    /// The file name to report for --stdin.
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,
}

pub fn run(ctx: &Context, args: CheckArgs) -> Result<Outcome> {
    let located = ctx.config()?;
    let mut config = located.config.clone();
    let (files, known_ids) = if args.staged || args.rev_range.is_some() {
        let repo = ctx.repo()?;
        let dir = located.postmortem_dir();
        let snap = match &args.rev_range {
            Some(range) => snapshot::rev_range(&repo, range, &dir)?,
            None => snapshot::staged(&repo, &dir)?,
        };
        if let Some(tree_config) = snap.config {
            config = tree_config;
        }
        (snap.files, snap.known_ids)
    } else if args.stdin {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes)
            .map_err(|e| Error::io("<stdin>", e))?;
        let path = args.stdin_filename.unwrap_or_else(|| "<stdin>".into());
        (vec![SourceFile { path, bytes }], Vec::new())
    } else {
        let mut files = Vec::new();
        let targets = if args.paths.is_empty() {
            vec![located.postmortem_dir()]
        } else {
            args.paths.iter().map(|p| ctx.cwd.join(p)).collect()
        };
        for target in targets {
            let entries = if target.is_dir() {
                pm::repository::list(&target, &located.root)?.0
            } else {
                vec![pm::repository::Entry {
                    display: pm::repository::display_path(&target, &located.root),
                    stem: String::new(),
                    path: target.clone(),
                }]
            };
            for entry in entries {
                let bytes = pm::repository::read(&entry.path)
                    .map_err(|message| Error::input(&entry.display, message))?;
                files.push(SourceFile {
                    path: entry.display,
                    bytes,
                });
            }
        }
        (files, Vec::new())
    };
    let report = checks::check(&files, &config, &known_ids);
    let mut out = String::new();
    for d in &report.diagnostics {
        let level = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        out.push_str(&format!(
            "{}:{}:{}: {level}[{}]: {}\n",
            d.path, d.line, d.column, d.rule, d.message
        ));
    }
    let errors = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = report.diagnostics.len() - errors;
    out.push_str(&format!(
        "checked {} file(s): {errors} error(s), {warnings} warning(s)\n",
        report.files_checked
    ));
    print(&out)?;
    let failing = match config.check.fail_on {
        FailOn::Error => errors > 0,
        FailOn::Warning => errors + warnings > 0,
    };
    Ok(if failing {
        Outcome::Failure
    } else {
        Outcome::Success
    })
}
