//! `pm check`: validate structure and blameless wording of post-mortems on disk, on stdin, in
//! the index (`--staged`, for the pre-commit hook) or in a revision range (`--rev-range`, for CI).

use super::{print, Context};
use pm::checks::{self, registry, KnownIds, SourceFile};
use pm::config::{Config, ConfigError, FailOn, Level, Located};
use pm::document::MAX_FILE_BYTES;
use pm::repository;
use pm::{Error, Outcome, Result};
use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Files or folders to check (default: the post-mortem folder).
    #[arg(conflicts_with_all = ["staged", "rev_range", "stdin"])]
    pub paths: Vec<PathBuf>,
    /// Check the staged content of added or modified post-mortems (what the hook runs).
    #[arg(long, conflicts_with_all = ["rev_range", "stdin"])]
    pub staged: bool,
    /// Check post-mortems added or modified in a revision range A..B, at their state in B.
    #[arg(long, value_name = "A..B", conflicts_with = "stdin")]
    pub rev_range: Option<String>,
    /// Read one document from standard input.
    #[arg(long)]
    pub stdin: bool,
    /// The file name to report for --stdin.
    #[arg(long, value_name = "NAME", requires = "stdin")]
    pub stdin_filename: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,
    /// Fail (exit 1) on findings at or above this level (default: pm.toml `check.fail_on`).
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub fail_on: Option<FailOnArg>,
    /// Explain a rule: what it finds, why it matters, an example and its rewrite.
    #[arg(long, value_name = "RULE", conflicts_with_all = ["paths", "staged", "rev_range", "stdin", "list_rules"])]
    pub explain: Option<String>,
    /// List every rule with the level it runs at in this repository.
    #[arg(long, conflicts_with_all = ["paths", "staged", "rev_range", "stdin"])]
    pub list_rules: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CheckFormat {
    /// rustc-style snippets with the span underlined.
    Human,
    /// The JSON schema in docs/CHECKS.md.
    Json,
    /// SARIF 2.1.0.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOnArg {
    Error,
    Warning,
}

pub fn run(ctx: &Context, args: CheckArgs) -> Result<Outcome> {
    let located = if args.rev_range.is_some() {
        ctx.config_allow_bare()?
    } else {
        ctx.config()?
    };
    validate_levels(&located)?;
    if let Some(rule) = &args.explain {
        return explain(&located.config, rule);
    }
    if args.list_rules {
        return list_rules(&located.config, args.format);
    }

    let (report, files, config) = if args.staged || args.rev_range.is_some() {
        let repo = ctx.repo()?;
        let dir = folder_in_work_tree(&repo, &located);
        let snapshot = match &args.rev_range {
            Some(range) => pm::check_input::rev_range(&repo, range, &dir)?,
            None => pm::check_input::staged(&repo, &dir)?,
        };
        let config = match snapshot.config {
            Some(config) => {
                checks::validate_rule_levels(&config)
                    .map_err(|e| Error::usage(format!("pm.toml (in the revision checked): {e}")))?;
                config
            }
            None => located.config.clone(),
        };
        let report = checks::check(&snapshot.files, &config, &snapshot.known_ids);
        (report, snapshot.files, config)
    } else if args.stdin {
        let file = read_stdin(ctx, &located, args.stdin_filename.as_deref())?;
        let files = vec![file];
        let report = checks::check(&files, &located.config, &known_ids(&located));
        (report, files, located.config.clone())
    } else {
        let (targets, skipped, whole_folder) = find_paths(ctx, &located, &args.paths)?;
        // When the whole folder is checked, every ID is among the files: no second listing.
        let known = if whole_folder {
            KnownIds::new()
        } else {
            known_ids(&located)
        };
        let config = located.config.clone();
        let (mut report, files, unreadable) = checks::check_on_disk(&targets, &config, &known);
        for (path, message) in skipped.iter().chain(&unreadable) {
            report.add_unreadable(path, message, &config);
        }
        (report, files, config)
    };
    let text = match args.format {
        CheckFormat::Human => pm::report::human::render(&report, &files, ctx.color),
        CheckFormat::Json => pm::report::json::render(&report),
        CheckFormat::Sarif => pm::report::sarif::render(&report, &rule_levels(&config)),
        CheckFormat::Github => pm::report::github::render(&report),
    };
    print(&text)?;
    let fail_on = match args.fail_on {
        Some(FailOnArg::Error) => FailOn::Error,
        Some(FailOnArg::Warning) => FailOn::Warning,
        None => config.check.fail_on,
    };
    Ok(if report.fails(fail_on) {
        Outcome::Failure
    } else {
        Outcome::Success
    })
}

/// An unknown rule in `[check.rules]` stops the command, naming the line in pm.toml.
fn validate_levels(located: &Located) -> Result<()> {
    let Err(unknown) = checks::validate_rule_levels(&located.config) else {
        return Ok(());
    };
    let path = located
        .file
        .clone()
        .unwrap_or_else(|| located.root.join(pm::config::FILE_NAME));
    let (line, column) = std::fs::read_to_string(&path)
        .ok()
        .and_then(|text| {
            let at = text
                .find(&format!("\"{}\"", unknown.name))
                .or_else(|| text.find(&unknown.name))?;
            let before = &text[..at];
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
            Some((line, column))
        })
        .unwrap_or((1, 1));
    Err(Error::Config(ConfigError {
        path,
        line,
        column,
        message: unknown.to_string(),
    }))
}

fn rule_levels(config: &Config) -> Vec<(checks::RuleMeta, Level)> {
    registry::all()
        .iter()
        .map(|r| (*r, checks::effective_level(config, r)))
        .collect()
}

fn explain(config: &Config, name: &str) -> Result<Outcome> {
    let Some(rule) = registry::find(name) else {
        let hint = match registry::did_you_mean_rule(name) {
            Some(s) => format!("did you mean `{s}`?"),
            None => "`pm check --list-rules` lists the rules".into(),
        };
        return Err(Error::usage(format!("no rule `{name}`; {hint}")));
    };
    let level = checks::effective_level(config, rule);
    let indent = |text: &str| {
        text.lines()
            .map(|l| format!("    {l}\n"))
            .collect::<String>()
    };
    let configured = if level == rule.level {
        String::new()
    } else {
        format!("; {} in this repository", level.as_str())
    };
    let text = format!(
        "{id} ({default} by default{configured})\n\n{summary}\n\nWhy: {rationale}\n\nInstead of:\n{bad}\nWrite:\n{good}\n\
         Silence it for one block with `<!-- pm-ignore {id} -->` before the block, or set its level in pm.toml:\n\n    [check.rules]\n    \"{id}\" = \"warning\"   # or \"error\", \"off\"\n",
        id = rule.id,
        default = rule.level.as_str(),
        summary = rule.summary,
        rationale = rule.rationale,
        bad = indent(rule.bad),
        good = indent(rule.good),
    );
    print(&text)?;
    Ok(Outcome::Success)
}

fn list_rules(config: &Config, format: CheckFormat) -> Result<Outcome> {
    let levels = rule_levels(config);
    if format == CheckFormat::Json {
        print(&pm::report::rules::render_json(&levels))?;
        return Ok(Outcome::Success);
    }
    let width = levels.iter().map(|(r, _)| r.id.len()).max().unwrap_or(0);
    let mut out = String::new();
    for (rule, level) in &levels {
        out.push_str(&format!(
            "{:width$}  {:7}  {}\n",
            rule.id,
            level.as_str(),
            rule.summary
        ));
    }
    out.push_str(
        "\n`pm check --explain RULE` explains a rule; pm.toml [check.rules] sets levels.\n",
    );
    print(&out)?;
    Ok(Outcome::Success)
}

/// The post-mortem folder relative to the work-tree root (the snapshot readers' `dir`).
fn folder_in_work_tree(repo: &pm::git::Repo, located: &Located) -> PathBuf {
    let folder = located.postmortem_dir();
    let Some(workdir) = repo.workdir() else {
        return PathBuf::from(&located.config.repo.dir);
    };
    let workdir = canonical(workdir);
    let root = canonical(&located.root);
    match root.strip_prefix(&workdir) {
        Ok(rel) => rel.join(&located.config.repo.dir),
        Err(_) => folder
            .strip_prefix(workdir)
            .map(Path::to_path_buf)
            .unwrap_or_else(|_| PathBuf::from(&located.config.repo.dir)),
    }
}

fn canonical(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_path_buf())
}

/// Every post-mortem ID in the folder, from the file names alone: (id, path).
fn known_ids(located: &Located) -> KnownIds {
    let root = canonical(&located.root);
    let folder = root.join(&located.config.repo.dir);
    match repository::list(&folder, &root) {
        Ok((entries, _)) => entries.iter().map(|e| (&e.stem, &e.display)).collect(),
        Err(_) => KnownIds::new(),
    }
}

fn read_stdin(ctx: &Context, located: &Located, name: Option<&str>) -> Result<SourceFile> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io("<stdin>", e))?;
    let path = match name {
        Some(name) => {
            let given = ctx.cwd.join(name);
            let root = canonical(&located.root);
            // The file may not exist yet (an unsaved buffer): resolve its folder instead.
            let resolved = match (given.parent(), given.file_name()) {
                (Some(parent), Some(file)) => canonical(parent).join(file),
                _ => given.clone(),
            };
            match resolved.strip_prefix(&root) {
                Ok(_) => repository::display_path(&resolved, &root),
                Err(_) => name.to_string(),
            }
        }
        None => "<stdin>".to_string(),
    };
    Ok(SourceFile { path, bytes })
}

/// A file that could not be read at all: (display path, message).
type Unreadable = (String, String);

/// What [`find_paths`] returns: the files to check (path, shown path), the files passed over
/// with why, and whether the whole post-mortem folder is among them.
type Found = (Vec<(PathBuf, String)>, Vec<Unreadable>, bool);

/// The post-mortem files the paths name (folders are walked), without reading them.
fn find_paths(ctx: &Context, located: &Located, paths: &[PathBuf]) -> Result<Found> {
    let root = canonical(&located.root);
    let folder = canonical(&located.postmortem_dir());
    let mut whole_folder = false;
    let given: Vec<(PathBuf, String)> = if paths.is_empty() {
        let folder = located.postmortem_dir();
        let shown = repository::display_path(&folder, &located.root);
        vec![(folder, shown)]
    } else {
        paths
            .iter()
            .map(|p| (ctx.cwd.join(p), p.display().to_string()))
            .collect()
    };
    let mut targets: Vec<(PathBuf, String)> = Vec::new();
    let mut skipped_files: Vec<Unreadable> = Vec::new();
    let mut seen = HashSet::new();
    for (path, shown) in &given {
        if !path.exists() {
            if paths.is_empty() {
                // No post-mortems yet: nothing to check is not an error.
                continue;
            }
            return Err(Error::usage(format!("{shown}: no such file or folder")));
        }
        let resolved = canonical(path);
        if !resolved.starts_with(&root) {
            return Err(Error::usage(format!(
                "{shown} is outside the repository root {}; pm checks post-mortems inside it (run pm from the other repository, or pass -C)",
                root.display()
            )));
        }
        if resolved.is_dir() {
            whole_folder |= folder.starts_with(&resolved);
            let (entries, skipped) = repository::list(&resolved, &root)?;
            // A post-mortem pm could not read is a finding, not a pass: a link or an unreadable
            // folder would otherwise hide a document from the hook and from CI.
            skipped_files.extend(skipped.into_iter().map(|s| (s.display, s.reason)));
            for entry in entries {
                if seen.insert(entry.path.clone()) {
                    targets.push((entry.path, entry.display));
                }
            }
        } else if seen.insert(resolved.clone()) {
            let display = repository::display_path(&resolved, &root);
            targets.push((resolved, display));
        }
    }
    Ok((targets, skipped_files, whole_folder))
}
