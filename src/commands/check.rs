//! `pm check`: validate structure and blameless wording of post-mortems on disk, on stdin, in
//! the index (`--staged`, for the pre-commit hook) or in a revision range (`--rev-range`, for CI).

use crate::cli::{print, Context};
use pm::checks::targets::{self, find_paths, folder_in_work_tree, known_ids};
use pm::checks::{self, registry, KnownIds, SourceFile};
use pm::config::{Config, FailOn, Level, Located};
use pm::document::MAX_FILE_BYTES;
use pm::{Error, Outcome, Result};
use std::io::{Read, Write};
use std::path::PathBuf;

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
    /// With --staged, as the pre-commit hook runs it: prints nothing unless there are
    /// findings, and when pm cannot judge the commit (exit 2), prints one line and exits 0
    /// (PM_HOOK_STRICT=1 keeps exit 2).
    #[arg(long, requires = "staged")]
    pub hook: bool,
    /// Read one document from standard input.
    #[arg(long)]
    pub stdin: bool,
    /// The file name to report for --stdin; also lets pm tell the piped file from the others
    /// when looking for duplicate IDs (without it that check is skipped).
    #[arg(long, value_name = "NAME", requires = "stdin")]
    pub stdin_filename: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,
    /// Fail (exit 1) on findings at or above this level (default: pm.toml `check.fail_on`).
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub fail_on: Option<FailOnArg>,
    /// Explain a rule: what it finds, why it matters, an example and its rewrite.
    #[arg(long, value_name = "RULE", add = clap_complete::engine::ArgValueCompleter::new(super::complete::rules), conflicts_with_all = ["paths", "staged", "rev_range", "stdin", "list_rules"])]
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
    if !args.hook {
        return run_check(ctx, args);
    }
    match run_check(ctx, args) {
        Err(e) if !hook_strict() => {
            let reason = e.to_string();
            let first = reason.lines().next().unwrap_or_default();
            crate::cli::note(&format!(
                "pm: could not check the post-mortems ({}); commit not checked",
                pm::text::printable(first)
            ));
            Ok(Outcome::Success)
        }
        other => other,
    }
}

/// `PM_HOOK_STRICT` set to anything but empty, 0, false or no.
fn hook_strict() -> bool {
    std::env::var("PM_HOOK_STRICT").is_ok_and(|v| !matches!(v.as_str(), "" | "0" | "false" | "no"))
}

fn run_check(ctx: &Context, args: CheckArgs) -> Result<Outcome> {
    let located = if args.rev_range.is_some() {
        ctx.config_allow_bare()?
    } else {
        ctx.config()?
    };
    checks::validate_configured_levels(&located)?;
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
            Some(range) => {
                // pm.toml's path from the top of the tree, to read it at the range's base.
                let config_file = repo.workdir().and_then(|top| {
                    let file = located.file.as_deref()?;
                    Some(pm::paths::relative_slash(file, top))
                });
                pm::check_input::rev_range(&repo, range, &dir, config_file.as_deref())?
            }
            None => pm::check_input::staged(&repo, &dir)?,
        };
        if let Some(note) = &snapshot.config_changed {
            crate::cli::note(&format!("pm: note: {note}"));
        }
        let config = match snapshot.config {
            Some(config) => {
                checks::validate_rule_levels(&config).map_err(|e| {
                    Error::usage(format!("pm.toml (at the base of the range): {e}"))
                })?;
                config
            }
            None => located.config.clone(),
        };
        let report = checks::check(&snapshot.files, &config, &snapshot.known_ids);
        (report, snapshot.files, config)
    } else if args.stdin {
        let file = read_stdin(ctx, &located, args.stdin_filename.as_deref())?;
        let files = vec![file];
        // Without a file name pm cannot tell which file on disk is being piped (usually one
        // of them, whose ID would then count as a duplicate of itself): the duplicate-ID check
        // against the folder needs --stdin-filename.
        let known = if args.stdin_filename.is_some() {
            known_ids(&located)
        } else {
            KnownIds::new()
        };
        let report = checks::check(&files, &located.config, &known);
        (report, files, located.config.clone())
    } else {
        if args.paths.is_empty() {
            folder_exists(ctx, &located)?;
        }
        let targets::Found {
            files: targets,
            unreadable: skipped,
            whole_folder,
        } = find_paths(&ctx.cwd, &located, &args.paths)?;
        // When the whole folder is checked, every ID is among the files: no second listing.
        let known = if whole_folder {
            KnownIds::new()
        } else {
            known_ids(&located)
        };
        let config = located.config.clone();
        let (mut report, files, unreadable) = checks::check_on_disk(&targets, &config, &known);
        for file in skipped.iter().chain(&unreadable) {
            report.add_unreadable(file, &config);
        }
        (report, files, config)
    };
    let fails = report.fails(match args.fail_on {
        Some(FailOnArg::Error) => FailOn::Error,
        Some(FailOnArg::Warning) => FailOn::Warning,
        None => config.check.fail_on,
    });
    let mut report = report;
    for note in pm::report::cap(&mut report) {
        crate::cli::note(&format!("pm: note: {note}"));
    }
    // The hook says nothing about a commit it finds nothing in.
    let quiet = args.hook && report.diagnostics.is_empty();
    // The human and JSON reports are written one finding at a time, never held whole.
    let streamed = |write: &dyn Fn(Chunks<'_>) -> std::io::Result<()>| {
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        write(&mut |chunk| out.write_all(pm::text::terminal_safe(chunk).as_bytes()))
            .and_then(|()| out.flush())
            .map_err(|e| Error::io("<stdout>", e))
    };
    let text = match args.format {
        _ if quiet => String::new(),
        CheckFormat::Human => {
            streamed(&|out| pm::report::human::write(&report, &files, ctx.color, out))?;
            String::new()
        }
        CheckFormat::Json => {
            streamed(&|out| pm::report::json::write(&report, out))?;
            String::new()
        }
        CheckFormat::Sarif => pm::report::sarif::render(&report, &rule_levels(&config)),
        CheckFormat::Github => pm::report::github::render(&report),
    };
    // The github format's lines are workflow commands on purpose, its values escaped by
    // report::github; the JSON formats escape what a terminal acts on (text::json_safe).
    if args.format == CheckFormat::Github {
        crate::cli::print_raw(&text)?;
    } else {
        print(&text)?;
    }
    Ok(if fails {
        Outcome::Failure
    } else {
        Outcome::Success
    })
}

/// Where a streamed report's text goes, a chunk at a time.
type Chunks<'a> = &'a mut dyn FnMut(&str) -> std::io::Result<()>;

/// Checking the post-mortem folder when it is not there would report "0 files" and pass: a
/// false green in CI. Say what is missing instead (exit 2).
fn folder_exists(ctx: &Context, located: &Located) -> Result<()> {
    let dir = located.postmortem_dir();
    let setting = match &located.file {
        Some(file) => format!(
            "repo.dir = \"{}\" in {}",
            located.config.repo.dir,
            file.display()
        ),
        None => format!(
            "no pm.toml was found, so the folder is the default `{}`",
            located.config.repo.dir
        ),
    };
    if !dir.is_dir() {
        return Err(Error::usage(format!(
            "the post-mortem folder {} does not exist ({setting}): fix repo.dir, run `pm init`, or name the files to check",
            dir.display()
        )));
    }
    if let Some(root) = pm::git::worktree_root(&ctx.cwd) {
        let inside = dir
            .canonicalize()
            .ok()
            .zip(root.canonicalize().ok())
            .is_some_and(|(d, r)| d.starts_with(r));
        if !inside {
            return Err(Error::usage(format!(
                "the post-mortem folder {} is outside the repository {} ({setting}): the hook and CI would never see its files; fix repo.dir",
                dir.display(),
                root.display()
            )));
        }
    }
    Ok(())
}

fn rule_levels(config: &Config) -> Vec<(checks::RuleMeta, Level)> {
    registry::all()
        .iter()
        .map(|r| (*r, checks::effective_level(config, r)))
        .collect()
}

fn explain(config: &Config, name: &str) -> Result<Outcome> {
    // A rule's name without its group (`individual-fault`) finds the one rule of that name.
    let by_name = || {
        let suffix = format!("/{name}");
        let mut matches = registry::all().iter().filter(|r| r.id.ends_with(&suffix));
        match (matches.next(), matches.next()) {
            (Some(rule), None) => Some(rule),
            _ => None,
        }
    };
    let Some(rule) = registry::find(name).or_else(by_name) else {
        let hint = match registry::did_you_mean_rule(name) {
            Some(s) => format!("did you mean `{s}`?"),
            None => "`pm check --list-rules` lists the rules".into(),
        };
        return Err(Error::usage(format!("no rule `{name}`; {hint}")));
    };
    print(&registry::explain(
        rule,
        checks::effective_level(config, rule),
    ))?;
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

fn read_stdin(ctx: &Context, located: &Located, name: Option<&str>) -> Result<SourceFile> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io("<stdin>", e))?;
    let path = match name {
        Some(name) => targets::shown_name(&ctx.cwd, located, name),
        None => "<stdin>".to_string(),
    };
    Ok(SourceFile { path, bytes })
}
