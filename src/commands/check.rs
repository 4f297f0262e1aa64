//! `pm check`: validate structure and blameless wording of post-mortems on disk, on stdin, in
//! the index (`--staged`, for the pre-commit hook) or in a revision range (`--rev-range`, for CI).

use crate::cli::{print, Context};
use pm::check_report::{self, rule_levels, Checked, Source};
use pm::checks::{self, registry};
use pm::config::{Config, FailOn};
use pm::{Error, Outcome, Result};
use std::io::Write;
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
    #[arg(long, value_name = "RULE", add = clap_complete::engine::ArgValueCompleter::new(crate::completion::rules), conflicts_with_all = ["paths", "staged", "rev_range", "stdin", "list_rules"])]
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
    if let Some(name) = &args.explain {
        let rule = check_report::find_rule(name)?;
        print(&registry::explain(
            rule,
            checks::effective_level(&located.config, rule),
        ))?;
        return Ok(Outcome::Success);
    }
    if args.list_rules {
        return list_rules(&located.config, args.format);
    }
    let mut stdin = std::io::stdin().lock();
    let source = match &args.rev_range {
        Some(range) => Source::RevRange(range),
        None if args.staged => Source::Staged,
        None if args.stdin => Source::Stdin {
            input: &mut stdin,
            name: args.stdin_filename.as_deref(),
        },
        None => Source::Paths(&args.paths),
    };
    let Checked {
        mut report,
        files,
        config,
    } = check_report::check(&ctx.cwd, &located, &|| ctx.repo(), source, &mut |n| {
        crate::cli::note(&format!("pm: note: {n}"))
    })?;
    let fails = report.fails(match args.fail_on {
        Some(FailOnArg::Error) => FailOn::Error,
        Some(FailOnArg::Warning) => FailOn::Warning,
        None => config.check.fail_on,
    });
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
