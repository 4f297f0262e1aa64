//! `pm demo`: builds a small, realistic post-mortem repository whose history spans ten weeks
//! (post-mortems opened and reviewed, action items closed, reassigned and pushed back), then runs
//! the main commands on it and shows what a new user should see.
//!
//! Every step runs the real `pm` binary against the sample repository, with git's dates and
//! "today" set for that step, so the history is exactly what a team using pm would produce.

use crate::cli::{print, Context};
use chrono::{Days, NaiveDate};
use pm::text::{paint, BOLD};
use pm::{Error, Outcome, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

#[derive(Debug, clap::Args)]
pub struct DemoArgs {
    /// Where to build the sample repository (default: a new folder in the system's temporary
    /// folder, kept afterwards so you can explore it).
    #[arg(long)]
    pub dir: Option<PathBuf>,
}

/// Step headings: bold cyan.
const HEADING: anstyle::Style = BOLD.fg_color(Some(anstyle::Color::Ansi(anstyle::AnsiColor::Cyan)));

const CHECKOUT: &str = include_str!("../../templates/demo/checkout-db-pool.md");
const TLS: &str = include_str!("../../templates/demo/tls-certificate.md");
const PAYOUTS: &str = include_str!("../../templates/demo/payouts-queue.md");
const DNS: &str = include_str!("../../templates/demo/dns-eu-west.md");

/// The sentence the demo adds to show a blameful wording being caught.
const BLAMEFUL: &str = "The on-call engineer should have noticed the resolver timeouts sooner.";

struct Person {
    name: &'static str,
    email: &'static str,
}

impl Person {
    const fn new(name: &'static str, email: &'static str) -> Person {
        Person { name, email }
    }
}

const AMAL: Person = Person::new("Amal Haddad", "amal@example.com");
const JO: Person = Person::new("Jo Park", "jo@example.com");
const LENA: Person = Person::new("Lena Fischer", "lena@example.com");
const MARCUS: Person = Person::new("Marcus Webb", "marcus@example.com");
const PRIYA: Person = Person::new("Priya Nair", "priya@example.com");

struct Demo {
    dir: PathBuf,
    exe: PathBuf,
    today: NaiveDate,
    color: bool,
}

impl Demo {
    fn day(&self, offset: i64) -> NaiveDate {
        if offset < 0 {
            self.today - Days::new(offset.unsigned_abs())
        } else {
            self.today + Days::new(offset.unsigned_abs())
        }
    }

    /// Fills `{{date:-40}}`, `{{at:-72T09:12}}` and `{{id}}` in a sample document.
    fn fill(&self, text: &str, id: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(start) = rest.find("{{") {
            out.push_str(&rest[..start]);
            let Some(end) = rest[start..].find("}}") else {
                break;
            };
            let key = &rest[start + 2..start + end];
            let value = if key == "id" {
                id.to_string()
            } else if let Some(offset) = key.strip_prefix("date:") {
                self.day(offset.parse().unwrap_or(0)).to_string()
            } else if let Some(spec) = key.strip_prefix("at:") {
                let (offset, time) = spec.split_once('T').unwrap_or((spec, "00:00"));
                format!("{}T{time}:00Z", self.day(offset.parse().unwrap_or(0)))
            } else {
                rest[start..start + end + 2].to_string()
            };
            out.push_str(&value);
            rest = &rest[start + end + 2..];
        }
        out.push_str(rest);
        out
    }

    /// A command run as `who` on day `offset`: git's author and committer dates and pm's
    /// "today" are that day.
    fn env(&self, cmd: &mut Command, offset: i64, who: &Person) {
        let date = format!("{}T10:00:00Z", self.day(offset));
        cmd.env("GIT_AUTHOR_DATE", &date)
            .env("GIT_COMMITTER_DATE", &date)
            .env("GIT_AUTHOR_NAME", who.name)
            .env("GIT_AUTHOR_EMAIL", who.email)
            .env("GIT_COMMITTER_NAME", who.name)
            .env("GIT_COMMITTER_EMAIL", who.email)
            .env("PM_TODAY", self.day(offset).to_string())
            .env_remove("PM_SKIP_HOOKS");
    }

    fn pm(&self, offset: i64, who: &Person, args: &[&str]) -> Result<std::process::Output> {
        let mut cmd = Command::new(&self.exe);
        cmd.arg("-C").arg(&self.dir).args(args);
        self.env(&mut cmd, offset, who);
        cmd.output()
            .map_err(|e| Error::usage(format!("cannot run {}: {e}", self.exe.display())))
    }

    /// Runs a pm command that must succeed during set-up.
    fn step(&self, offset: i64, who: &Person, args: &[&str]) -> Result<()> {
        let out = self.pm(offset, who, args)?;
        if !out.status.success() {
            return Err(Error::usage(format!(
                "demo step `pm {}` failed: {}",
                args.join(" "),
                String::from_utf8_lossy(&out.stderr).trim()
            )));
        }
        Ok(())
    }

    fn git(&self, offset: i64, who: &Person, args: &[&str]) -> Result<String> {
        let mut cmd = pm::git::git_in(&self.dir);
        cmd.args(args);
        self.env(&mut cmd, offset, who);
        pm::git::run(&mut cmd)
    }

    fn path_of(id: &str) -> String {
        format!("postmortems/{}/{id}.md", &id[..4])
    }

    /// Writes a sample post-mortem and commits it.
    fn open(
        &self,
        offset: i64,
        who: &Person,
        template: &str,
        started_offset: i64,
        slug: &str,
    ) -> Result<String> {
        let id = format!("{}-{slug}", self.day(started_offset));
        let rel = Self::path_of(&id);
        let path = self.dir.join(&rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        }
        std::fs::write(&path, self.fill(template, &id)).map_err(|e| Error::io(&path, e))?;
        self.git(offset, who, &["add", "--", &rel])?;
        self.commit(offset, who, "-m", &format!("Open post-mortem {id}"))?;
        Ok(id)
    }

    /// `git commit` (`-m` or `-am`) as `who` on day `offset`, without the user's hooks.
    fn commit(&self, offset: i64, who: &Person, flag: &str, message: &str) -> Result<()> {
        self.git(
            offset,
            who,
            &["commit", "--quiet", "--no-verify", flag, message],
        )
        .map(drop)
    }

    /// Moves a post-mortem to another status and commits that.
    fn set_status(&self, offset: i64, who: &Person, id: &str, from: &str, to: &str) -> Result<()> {
        let rel = Self::path_of(id);
        let path = self.dir.join(&rel);
        let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
        let text = text.replacen(
            &format!("status = \"{from}\""),
            &format!("status = \"{to}\""),
            1,
        );
        std::fs::write(&path, text).map_err(|e| Error::io(&path, e))?;
        self.commit(offset, who, "-am", &format!("Move {id} to {to}"))?;
        Ok(())
    }

    /// `pm action add … --commit` as `who` on day `offset`.
    #[allow(clippy::too_many_arguments)]
    fn add_action(
        &self,
        offset: i64,
        who: &Person,
        id: &str,
        title: &str,
        owner: &str,
        due: &str,
        kind: &str,
    ) -> Result<()> {
        self.step(
            offset,
            who,
            &[
                "action",
                "add",
                id,
                "--title",
                title,
                "--owner",
                owner,
                "--due",
                due,
                "--kind",
                kind,
                "--priority",
                "P2",
                "--commit",
            ],
        )
    }

    fn build(&self) -> Result<()> {
        std::fs::create_dir_all(&self.dir).map_err(|e| Error::io(&self.dir, e))?;
        pm::git::init(&self.dir)?;
        for (key, value) in [
            ("user.name", "pm demo"),
            ("user.email", "demo@example.com"),
            ("commit.gpgsign", "false"),
            ("core.hooksPath", ".git/hooks"),
        ] {
            pm::git::run(pm::git::git_in(&self.dir).args(["config", key, value]))?;
        }
        // The generated site lives in the sample repository but is not part of it.
        let exclude = self.dir.join(".git").join("info").join("exclude");
        if let Some(parent) = exclude.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        }
        std::fs::write(&exclude, "site/\n").map_err(|e| Error::io(&exclude, e))?;
        self.step(-75, &JO, &["init"])?;
        self.git(-75, &JO, &["add", "-A"])?;
        self.commit(-75, &JO, "-m", "Set up pm")?;

        let checkout = self.open(-70, &AMAL, CHECKOUT, -72, "checkout-db-pool-exhaustion")?;
        self.set_status(-68, &AMAL, &checkout, "draft", "in-review")?;
        self.set_status(-66, &JO, &checkout, "in-review", "reviewed")?;
        let tls = self.open(-60, &LENA, TLS, -61, "public-api-tls-certificate-expired")?;
        let a = |id: &str, n: u32| format!("{id}#A{n}");
        self.step(
            -55,
            &AMAL,
            &[
                "action",
                "set",
                &a(&checkout, 1),
                "--status",
                "done",
                "--commit",
            ],
        )?;
        self.set_status(-52, &LENA, &tls, "draft", "in-review")?;
        let due = |offset: i64| self.day(offset).to_string();
        for (title, owner, due_day, kind) in [
            (
                "Alert 30 days before any certificate expires",
                "lena@example.com",
                -30,
                "detect",
            ),
            (
                "Move api.example.com to automated certificate renewal",
                "marcus@example.com",
                -15,
                "prevent",
            ),
            (
                "Publish the manual issuing procedure in the live runbook",
                "amal@example.com",
                -5,
                "mitigate",
            ),
        ] {
            self.add_action(-52, &LENA, &tls, title, owner, &due(due_day), kind)?;
        }
        self.step(
            -45,
            &JO,
            &[
                "action",
                "set",
                &a(&checkout, 2),
                "--owner",
                "marcus@example.com",
                "--commit",
            ],
        )?;
        self.set_status(-42, &AMAL, &tls, "in-review", "reviewed")?;
        self.step(
            -38,
            &AMAL,
            &[
                "action",
                "set",
                &a(&checkout, 3),
                "--due",
                &due(-10),
                "--commit",
            ],
        )?;
        let payouts = self.open(-30, &MARCUS, PAYOUTS, -31, "payouts-queue-consumer-stalled")?;
        // The last follow-up review was held on day -21: what follows is "progress since".
        self.step(
            -20,
            &MARCUS,
            &["action", "set", &a(&tls, 1), "--status", "done", "--commit"],
        )?;
        self.set_status(-18, &MARCUS, &payouts, "draft", "in-review")?;
        for (title, owner, due_day, kind) in [
            (
                "Alert on the age of the oldest unacknowledged payout message",
                "marcus@example.com",
                -2,
                "detect",
            ),
            (
                "Reconnect the payouts database client after a failover",
                "priya@example.com",
                12,
                "prevent",
            ),
            (
                "List long-lived consumers in the failover runbook",
                "jo@example.com",
                5,
                "process",
            ),
        ] {
            self.add_action(-18, &MARCUS, &payouts, title, owner, &due(due_day), kind)?;
        }
        self.set_status(-14, &JO, &checkout, "reviewed", "closed")?;
        self.step(
            -12,
            &MARCUS,
            &[
                "action",
                "set",
                &a(&checkout, 2),
                "--status",
                "in-progress",
                "--commit",
            ],
        )?;
        self.step(
            -10,
            &JO,
            &[
                "action",
                "set",
                &a(&payouts, 2),
                "--owner",
                "sam@example.com",
                "--commit",
            ],
        )?;
        self.step(
            -9,
            &LENA,
            &["action", "set", &a(&tls, 2), "--due", &due(14), "--commit"],
        )?;
        self.open(-8, &PRIYA, DNS, -8, "eu-west-dns-resolution-failures")?;
        self.step(
            -4,
            &MARCUS,
            &[
                "action",
                "set",
                &a(&payouts, 1),
                "--status",
                "done",
                "--commit",
            ],
        )?;
        self.step(
            -4,
            &JO,
            &[
                "action",
                "set",
                &a(&payouts, 3),
                "--status",
                "wont-do",
                "--reason",
                "Superseded by A2: the client now reconnects, so the runbook step is not needed",
                "--commit",
            ],
        )?;
        self.step(
            -1,
            &AMAL,
            &[
                "action",
                "set",
                &a(&tls, 3),
                "--status",
                "in-progress",
                "--commit",
            ],
        )?;
        Ok(())
    }

    /// Shows a command the way a user would type it, after what the step does and why, then
    /// its output.
    fn show(&self, title: &str, why: &str, args: &[&str]) -> Result<std::process::Output> {
        let mut shown = String::new();
        shown.push_str(&format!(
            "\n{}\n{why}\n",
            paint(self.color, HEADING, &format!("## {title}"))
        ));
        shown.push_str(&paint(
            self.color,
            BOLD,
            &format!("$ pm {}", args.join(" ")),
        ));
        shown.push('\n');
        print(&shown)?;
        let mut full: Vec<&str> = Vec::new();
        if self.color {
            full.extend(["--color", "always"]);
        }
        full.extend(args);
        let out = self.pm(0, &JO, &full)?;
        let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
        text.push_str(&String::from_utf8_lossy(&out.stderr));
        print(&text)?;
        Ok(out)
    }
}

/// `pm timeline import`: a small Slack export of the DNS incident's channel is merged into its
/// timeline, and the change committed. The export sits in `exports/`, which git ignores here.
fn import_chat_export(demo: &Demo, id: &str) -> Result<()> {
    let day = demo.day(-8);
    let ts = |hh: u32, mm: u32| {
        let at = day.and_hms_opt(hh, mm, 0).map(|t| t.and_utc().timestamp());
        format!("{}.000100", at.unwrap_or(0))
    };
    let export = demo.dir.join("exports").join("slack");
    let channel = export.join("incident-dns");
    std::fs::create_dir_all(&channel).map_err(|e| Error::io(&channel, e))?;
    let messages = serde_json::json!([
        {"type": "message", "subtype": "channel_join", "user": "U2", "text": "<@U2> has joined the channel", "ts": ts(7, 45)},
        {"type": "message", "user": "U1", "text": "Resolver timeouts in eu-west, see <https://grafana.example.com/d/dns|the DNS dashboard>", "ts": ts(7, 46), "thread_ts": ts(7, 46)},
        {"type": "message", "user": "U2", "text": "The resolver change went out at 07:40; <@U1> shall we roll it back?", "ts": ts(7, 52), "thread_ts": ts(7, 46)},
        {"type": "message", "user": "U1", "text": "Rolling back the resolver change now", "ts": ts(8, 2), "reactions": [{"name": "pushpin", "users": ["U2"], "count": 1}]}
    ]);
    let files = [
        (
            export.join("channels.json"),
            serde_json::json!([{"id": "C1", "name": "incident-dns"}]),
        ),
        (
            export.join("users.json"),
            serde_json::json!([
                {"id": "U1", "name": "priya", "profile": {"display_name": "Priya"}},
                {"id": "U2", "name": "lena", "profile": {"display_name": "Lena"}}
            ]),
        ),
        (channel.join(format!("{day}.json")), messages),
    ];
    for (path, value) in files {
        std::fs::write(&path, value.to_string()).map_err(|e| Error::io(&path, e))?;
    }
    let exclude = demo.dir.join(".git").join("info").join("exclude");
    let mut ignored = std::fs::read_to_string(&exclude).unwrap_or_default();
    ignored.push_str("exports/\n");
    std::fs::write(&exclude, ignored).map_err(|e| Error::io(&exclude, e))?;
    demo.show(
        "A timeline from the incident channel's Slack export",
        "The facilitator merges the incident channel into the timeline instead of retyping it: \
         joins and bot noise are left out, thread replies kept, times put in the document's zone.",
        &[
            "timeline",
            "import",
            "eu-west-dns",
            "exports/slack",
            "--from",
            "slack",
            "--channel",
            "incident-dns",
        ],
    )?;
    let rel = Demo::path_of(id);
    demo.git(0, &PRIYA, &["add", "--", &rel])?;
    demo.commit(
        0,
        &PRIYA,
        "-m",
        "Import the incident channel into the timeline",
    )
}

fn default_dir() -> Result<PathBuf> {
    let base = std::env::temp_dir();
    let dir = tempfile::Builder::new()
        .prefix("pm-demo-")
        .tempdir_in(&base)
        .map_err(|e| Error::io(&base, e))?;
    Ok(dir.keep())
}

fn check_target(dir: &Path) -> Result<()> {
    if dir.exists() {
        let mut entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
        if entries.next().is_some() {
            return Err(Error::usage(format!(
                "{} is not empty: pass --dir with a new or empty folder",
                dir.display()
            )));
        }
    }
    Ok(())
}

pub fn run(ctx: &Context, args: DemoArgs) -> Result<Outcome> {
    let dir = match args.dir {
        Some(dir) => {
            let dir = ctx.cwd.join(dir);
            check_target(&dir)?;
            dir
        }
        None => default_dir()?,
    };
    let exe = std::env::current_exe()
        .map_err(|e| Error::usage(format!("cannot find the pm binary: {e}")))?;
    let demo = Demo {
        dir: dir.clone(),
        exe,
        today: pm::today::today()?,
        color: ctx.color,
    };
    print(&format!(
        "Building a sample post-mortem repository with ten weeks of history in {}\n",
        dir.display()
    ))?;
    demo.build()?;

    demo.show(
        "Every post-mortem, newest first, with open and overdue action items",
        "pm reads the front matter of every post-mortem in postmortems/ (nothing is changed).",
        &["list"],
    )?;
    demo.show(
        "One post-mortem: durations and action items (overdue ones marked)",
        "`checkout` is part of an ID: pm finds the one post-mortem it names.",
        &["show", "checkout"],
    )?;
    demo.show(
        "Structure and wording checks over the whole repository",
        "The same checks the pre-commit hook and CI run; the sample is clean.",
        &["check"],
    )?;

    // A reviewer's draft sentence that blames a person: the check explains and suggests.
    let dns_id = format!("{}-eu-west-dns-resolution-failures", demo.day(-8));
    let rel = Demo::path_of(&dns_id);
    let path = dir.join(&rel);
    let original = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
    let blameful = original.replacen(
        "_What else made this possible or worse: tooling, alerting, documentation, load, timing._",
        BLAMEFUL,
        1,
    );
    std::fs::write(&path, &blameful).map_err(|e| Error::io(&path, e))?;
    demo.show(
        "A blameful sentence is caught, with a systemic rewrite",
        &format!(
            "The demo now plays a reviewer's draft: it writes this sentence into the Contributing \
             Factors of {rel} (uncommitted):\n  > {BLAMEFUL}"
        ),
        &["check", &rel],
    )?;

    demo.show(
        "The pre-commit hook",
        "The hook runs `pm check --staged` on every commit; the demo installs it, then tries to \
         commit the draft sentence.",
        &["hooks", "install"],
    )?;
    print(&format!(
        "\n{}\n",
        paint(
            demo.color,
            BOLD,
            &format!("$ git add {rel} && git commit -m \"Add contributing factors\"")
        )
    ))?;
    demo.git(0, &PRIYA, &["add", "--", &rel])?;
    let mut commit = pm::git::git_in(&dir);
    commit.args(["commit", "-m", "Add contributing factors"]);
    demo.env(&mut commit, 0, &PRIYA);
    let out = commit
        .output()
        .map_err(|e| Error::usage(format!("cannot run git: {e}")))?;
    let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&out.stderr));
    print(&text)?;
    if out.status.success() {
        // Without the hook the commit went through: take it back so the sample stays blameless.
        print("(the commit went through)\n")?;
        demo.git(0, &PRIYA, &["reset", "--quiet", "--soft", "HEAD~1"])?;
    } else {
        print("(the hook stopped the commit; the index and the file are as they were)\n")?;
    }
    demo.git(0, &PRIYA, &["reset", "--quiet", "--", &rel])?;
    std::fs::write(&path, &original).map_err(|e| Error::io(&path, e))?;
    print("(the demo takes the draft sentence out again: the sample stays blameless)\n")?;

    import_chat_export(&demo, &dns_id)?;

    let since = demo.day(-21).to_string();
    demo.show(
        "The follow-up review: overdue, due soon, and progress since the last review",
        &format!(
            "What changed since the last review ({since}), read from git history: who closed, \
             reassigned or slipped which item, in which commit."
        ),
        &["followup", "--since", &since],
    )?;
    let site = dir.join("site");
    let site_arg = site.display().to_string();
    demo.show(
        "A static site to read them all",
        "Plain HTML files, readable offline; nothing in the repository changes.",
        &["site", &site_arg],
    )?;

    print(&try_next(&demo.exe, &dir, &site))?;
    Ok(Outcome::Success)
}

/// What to try next, as commands that work where the user is: `pm …` when pm is installed,
/// and `cargo run --release -- -C DIR …` when this pm was built in a source tree (`cargo run`
/// puts it under `target/`), since `pm` may not be on PATH then.
fn try_next(exe: &Path, dir: &Path, site: &Path) -> String {
    let dir = dir.display();
    let commands = [
        "list --format json",
        "history checkout",
        "followup --format markdown",
        "status checkout reviewed",
    ];
    let mut out = format!("\nThe sample repository is in {dir}. Try:\n  cd {dir}\n");
    for c in commands {
        out.push_str(&format!("  pm {c}\n"));
    }
    let from_source = exe.components().any(|c| c.as_os_str() == "target");
    if from_source {
        out.push_str("or, from the source tree, without installing pm:\n");
        for c in commands {
            out.push_str(&format!("  cargo run --release -- -C {dir} {c}\n"));
        }
    }
    out.push_str(&format!("  open {}/index.html\n", site.display()));
    out
}
