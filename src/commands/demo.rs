//! `pm demo`: builds the sample repository of `pm::demo` (ten weeks of history), then runs the
//! main commands on it and shows what a new user should see, each step with what it changes.

use crate::cli::{print, Context};
use pm::demo::{self, Sample, BLAMEFUL, CHAT_IMPORT, JO};
use pm::text::{paint, BOLD};
use pm::{Error, Outcome, Result};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct DemoArgs {
    /// Where to build the sample repository (default: a new folder in the system's temporary
    /// folder, kept afterwards so you can explore it).
    #[arg(long)]
    pub dir: Option<PathBuf>,
}

/// Step headings: bold cyan.
const HEADING: anstyle::Style = BOLD.fg_color(Some(anstyle::Color::Ansi(anstyle::AnsiColor::Cyan)));

/// Prints a step's heading and what it does and why, then `$ command`.
fn heading(color: bool, title: &str, why: &str, command: &str) -> Result<()> {
    print(&format!(
        "\n{}\n{why}\n{}\n",
        paint(color, HEADING, &format!("## {title}")),
        paint(color, BOLD, &format!("$ {command}"))
    ))
}

/// Shows a command the way a user would type it, after what the step does and why, then runs
/// it in the sample as Jo, today, and prints its output.
fn show(sample: &Sample, color: bool, title: &str, why: &str, args: &[&str]) -> Result<()> {
    heading(color, title, why, &format!("pm {}", args.join(" ")))?;
    let mut full: Vec<&str> = Vec::new();
    if color {
        full.extend(["--color", "always"]);
    }
    full.extend(args);
    let out = sample.pm(0, &JO, &full)?;
    let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&out.stderr));
    print(&text)
}

pub fn run(ctx: &Context, args: DemoArgs) -> Result<Outcome> {
    let dir = demo::target_dir(&ctx.cwd, args.dir.as_deref())?;
    let exe = std::env::current_exe()
        .map_err(|e| Error::usage(format!("cannot find the pm binary: {e}")))?;
    let sample = Sample::new(dir.clone(), exe.clone(), pm::today::today()?);
    let color = ctx.color;
    print(&format!(
        "Building a sample post-mortem repository with ten weeks of history in {}\n",
        dir.display()
    ))?;
    let steps = sample.build()?;
    let mut history = format!(
        "\n{}\nEach change is a real command, run as a team member on that day (git's dates and \
         PM_TODAY set), so `git log` reads like a team's: statuses move with `pm status`, action \
         items with `pm action`.\n",
        paint(color, HEADING, "## Ten weeks of history")
    );
    for step in &steps {
        history.push_str(&format!(
            "  {}  {:<12}  {}\n",
            step.day, step.who, step.command
        ));
    }
    print(&history)?;

    show(
        &sample,
        color,
        "Every post-mortem, newest first, with open and overdue action items",
        "pm reads the front matter of every post-mortem in postmortems/ (nothing is changed).",
        &["list"],
    )?;
    show(
        &sample,
        color,
        "One post-mortem: durations and action items (overdue ones marked)",
        "`checkout` is part of an ID: pm finds the one post-mortem it names.",
        &["show", "checkout"],
    )?;
    show(
        &sample,
        color,
        "Structure and wording checks over the whole repository",
        "The same checks the pre-commit hook and CI run: no errors; the warnings point at the \
         sections the DNS draft has not written yet.",
        &["check"],
    )?;

    // A reviewer's draft sentence that blames a person: the check explains and suggests.
    let draft = sample.write_blameful_draft()?;
    let rel = draft.rel.as_str();
    show(
        &sample,
        color,
        "A blameful sentence is caught, with a systemic rewrite",
        &format!(
            "The demo now plays a reviewer's draft: it writes this sentence into the Contributing \
             Factors of {rel} (uncommitted):\n  > {BLAMEFUL}"
        ),
        &["check", rel],
    )?;
    show(
        &sample,
        color,
        "The pre-commit hook",
        "The hook runs `pm check --staged` on every commit; the demo installs it, then tries to \
         commit the draft sentence.",
        &["hooks", "install"],
    )?;
    let message = "Add contributing factors";
    print(&format!(
        "\n{}\n",
        paint(
            color,
            BOLD,
            &format!("$ git add {rel} && git commit -m \"{message}\"")
        )
    ))?;
    let out = sample.try_to_commit(&draft, message)?;
    let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&out.stderr));
    text.push_str(if out.status.success() {
        "(the commit went through)\n"
    } else {
        "(the hook stopped the commit; the index and the file are as they were)\n"
    });
    text.push_str("(the demo takes the draft sentence out again: the sample stays blameless)\n");
    print(&text)?;

    sample.write_chat_export()?;
    show(
        &sample,
        color,
        "A timeline from the incident channel's Slack export",
        "The facilitator merges the incident channel into the timeline instead of retyping it: \
         joins and bot noise are left out, thread replies kept, times put in the document's zone.",
        &CHAT_IMPORT,
    )?;
    sample.commit_import()?;

    let since = sample.day(-21).to_string();
    show(
        &sample,
        color,
        "The follow-up review: overdue, due soon, and progress since the last review",
        &format!(
            "What changed since the last review ({since}), read from git history: who closed, \
             reassigned or slipped which item, in which commit."
        ),
        &["followup", "--since", &since],
    )?;
    let site = dir.join("site");
    let site_arg = site.display().to_string();
    show(
        &sample,
        color,
        "A static site to read them all",
        "Plain HTML files, readable offline; nothing in the repository changes.",
        &["site", &site_arg],
    )?;

    print(&demo::try_next(&exe, &dir, &site))?;
    Ok(Outcome::Success)
}
