//! The scenario of `pm demo`: a small, realistic post-mortem repository whose history spans ten
//! weeks (post-mortems opened and reviewed, action items closed, reassigned and pushed back),
//! and the changes the demo makes to it while it shows pm (a blameful draft sentence, a chat
//! export merged into a timeline).
//!
//! Every step runs the real `pm` binary (`exe`) or `git` in the sample repository, with git's
//! author and committer dates and pm's "today" (`PM_TODAY`) set to that step's day, so the
//! history is exactly what a team using pm would produce: statuses move through `pm status
//! --commit`, action items through `pm action add|set --commit`. Days are given as offsets
//! from "today" (negative: in the past). This module prints nothing; `pm demo` shows the
//! steps [`Sample::build`] returns and the output of the commands it runs.

use crate::error::{Error, Result};
use chrono::{Days, NaiveDate};
use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const CHECKOUT: &str = include_str!("../templates/demo/checkout-db-pool.md");
const TLS: &str = include_str!("../templates/demo/tls-certificate.md");
const PAYOUTS: &str = include_str!("../templates/demo/payouts-queue.md");
const DNS: &str = include_str!("../templates/demo/dns-eu-west.md");

/// The sentence the demo adds to show a blameful wording being caught.
pub const BLAMEFUL: &str = "The on-call engineer should have noticed the resolver timeouts sooner.";

/// The placeholder in the DNS post-mortem's Contributing Factors that [`BLAMEFUL`] replaces.
const BLAMEFUL_REPLACES: &str =
    "_What else made this possible or worse: tooling, alerting, documentation, load, timing._";

/// The slug of the post-mortem whose draft gets the blameful sentence and the chat export.
const DNS_SLUG: &str = "eu-west-dns-resolution-failures";

/// `pm timeline import …` as the demo runs it on the chat export [`Sample::write_chat_export`]
/// writes.
pub const CHAT_IMPORT: [&str; 8] = [
    "timeline",
    "import",
    "eu-west-dns",
    "exports/slack",
    "--from",
    "slack",
    "--channel",
    "incident-dns",
];

/// Someone on the sample team: the author and committer of their steps.
#[derive(Debug)]
pub struct Person {
    pub name: &'static str,
    pub email: &'static str,
}

impl Person {
    const fn new(name: &'static str, email: &'static str) -> Person {
        Person { name, email }
    }
}

const AMAL: Person = Person::new("Amal Haddad", "amal@example.com");
/// The facilitator: the demo runs the commands it shows as Jo, today.
pub const JO: Person = Person::new("Jo Park", "jo@example.com");
const LENA: Person = Person::new("Lena Fischer", "lena@example.com");
const MARCUS: Person = Person::new("Marcus Webb", "marcus@example.com");
/// The DNS incident's author, who writes the blameful draft and imports the chat export.
pub const PRIYA: Person = Person::new("Priya Nair", "priya@example.com");

/// One change in the sample's history: on `day`, `who` ran `command` (a shell command line,
/// arguments quoted where needed, ready to paste).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub day: NaiveDate,
    pub who: &'static str,
    pub command: String,
}

/// The blameful draft written into the DNS post-mortem: `rel` is its path in the sample
/// (slash-separated), `original` the text it had before.
#[derive(Debug)]
pub struct Draft {
    pub rel: String,
    path: PathBuf,
    original: String,
}

/// The sample repository in `dir`, built by running `exe` (this pm) with "today" = `today`.
#[derive(Debug)]
pub struct Sample {
    pub dir: PathBuf,
    exe: PathBuf,
    today: NaiveDate,
    steps: RefCell<Vec<Step>>,
}

/// Where to build the sample: `dir` (relative to `cwd`), which must be new or empty, or a new
/// folder in the system's temporary folder, kept afterwards so the user can explore it.
///
/// Errors: a usage error when `dir` holds anything; an I/O error naming the folder.
pub fn target_dir(cwd: &Path, dir: Option<&Path>) -> Result<PathBuf> {
    let Some(dir) = dir else {
        let base = std::env::temp_dir();
        let dir = tempfile::Builder::new()
            .prefix("pm-demo-")
            .tempdir_in(&base)
            .map_err(|e| Error::io(&base, e))?;
        return Ok(dir.keep());
    };
    let dir = cwd.join(dir);
    if dir.exists() {
        let mut entries = std::fs::read_dir(&dir).map_err(|e| Error::io(&dir, e))?;
        if entries.next().is_some() {
            return Err(Error::usage(format!(
                "{} is not empty: pass --dir with a new or empty folder",
                dir.display()
            )));
        }
    }
    Ok(dir)
}

/// `postmortems/<year>/<id>.md`, where the sample keeps post-mortem `id`.
fn path_of(id: &str) -> String {
    format!("postmortems/{}/{id}.md", id.get(..4).unwrap_or_default())
}

/// `args` as one shell command line, each argument quoted when the shell would split it.
fn command_line(program: &str, args: &[&str]) -> String {
    let mut line = program.to_string();
    for arg in args {
        line.push(' ');
        match shlex::try_quote(arg) {
            Ok(quoted) => line.push_str(&quoted),
            Err(_) => line.push_str(arg),
        }
    }
    line
}

impl Sample {
    pub fn new(dir: PathBuf, exe: PathBuf, today: NaiveDate) -> Sample {
        Sample {
            dir,
            exe,
            today,
            steps: RefCell::new(Vec::new()),
        }
    }

    /// The day `offset` days from today (negative: before).
    pub fn day(&self, offset: i64) -> NaiveDate {
        if offset < 0 {
            self.today - Days::new(offset.unsigned_abs())
        } else {
            self.today + Days::new(offset.unsigned_abs())
        }
    }

    /// The ID of the DNS post-mortem, the one the demo changes while it shows pm.
    pub fn dns_id(&self) -> String {
        format!("{}-{DNS_SLUG}", self.day(-8))
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

    /// Sets a command's environment to run as `who` on day `offset`: git's author and
    /// committer dates and pm's "today" are that day; the user's `PM_SKIP_HOOKS` is dropped.
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

    /// Runs pm with `args` in the sample as `who` on day `offset`; its output, whatever its
    /// exit status. Errors only when the binary cannot be started.
    pub fn pm(&self, offset: i64, who: &Person, args: &[&str]) -> Result<Output> {
        let mut cmd = Command::new(&self.exe);
        cmd.arg("-C").arg(&self.dir).args(args);
        self.env(&mut cmd, offset, who);
        cmd.output()
            .map_err(|e| Error::usage(format!("cannot run {}: {e}", self.exe.display())))
    }

    /// Records a step of the history.
    fn record(&self, offset: i64, who: &Person, command: String) {
        self.steps.borrow_mut().push(Step {
            day: self.day(offset),
            who: who.name,
            command,
        });
    }

    /// Runs a pm command of the history, which must succeed, and records it.
    fn step(&self, offset: i64, who: &Person, args: &[&str]) -> Result<()> {
        let out = self.pm(offset, who, args)?;
        if !out.status.success() {
            return Err(Error::usage(format!(
                "demo step `{}` failed: {}",
                command_line("pm", args),
                String::from_utf8_lossy(&out.stderr).trim()
            )));
        }
        self.record(offset, who, command_line("pm", args));
        Ok(())
    }

    /// Runs git in the sample as `who` on day `offset`; its standard output.
    fn git(&self, offset: i64, who: &Person, args: &[&str]) -> Result<String> {
        let mut cmd = crate::git::git_in(&self.dir);
        cmd.args(args);
        self.env(&mut cmd, offset, who);
        crate::git::run(&mut cmd)
    }

    /// `git commit --no-verify -m message` as `who` on day `offset` (the user's hooks do not
    /// run on the sample's history).
    fn commit(&self, offset: i64, who: &Person, message: &str) -> Result<()> {
        self.git(
            offset,
            who,
            &["commit", "--quiet", "--no-verify", "-m", message],
        )
        .map(drop)
    }

    /// Writes a sample post-mortem (started on day `started`) and commits it; its ID.
    fn open(
        &self,
        offset: i64,
        who: &Person,
        template: &str,
        started: i64,
        slug: &str,
    ) -> Result<String> {
        let id = format!("{}-{slug}", self.day(started));
        let rel = path_of(&id);
        let path = self.dir.join(&rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        }
        std::fs::write(&path, self.fill(template, &id)).map_err(|e| Error::io(&path, e))?;
        self.git(offset, who, &["add", "--", &rel])?;
        let message = format!("Open post-mortem {id}");
        self.commit(offset, who, &message)?;
        self.record(
            offset,
            who,
            format!(
                "git add {rel} && {}",
                command_line("git", &["commit", "-m", &message])
            ),
        );
        Ok(id)
    }

    /// `pm action add ID --title … --commit`: a P2 item of `kind`, owned by `owner`, due on
    /// day `due`.
    #[allow(clippy::too_many_arguments)]
    fn add_action(
        &self,
        offset: i64,
        who: &Person,
        id: &str,
        title: &str,
        owner: &str,
        due: i64,
        kind: &str,
    ) -> Result<()> {
        let due = self.day(due).to_string();
        let args = [
            "action",
            "add",
            id,
            "--title",
            title,
            "--owner",
            owner,
            "--due",
            &due,
            "--kind",
            kind,
            "--priority",
            "P2",
            "--commit",
        ];
        self.step(offset, who, &args)
    }

    /// Builds the sample's ten weeks of history: a new repository in `dir` (git's own
    /// configuration set there: demo identity, no signing, hooks in `.git/hooks`), `pm init`,
    /// four post-mortems and every change to them. Returns the steps in order, for the demo to
    /// show.
    ///
    /// Errors: a step that fails (its command and stderr), a file that cannot be written.
    pub fn build(&self) -> Result<Vec<Step>> {
        std::fs::create_dir_all(&self.dir).map_err(|e| Error::io(&self.dir, e))?;
        crate::git::init(&self.dir)?;
        for (key, value) in [
            ("user.name", "pm demo"),
            ("user.email", "demo@example.com"),
            ("commit.gpgsign", "false"),
            ("core.hooksPath", ".git/hooks"),
        ] {
            crate::git::run(crate::git::git_in(&self.dir).args(["config", key, value]))?;
        }
        // The generated site lives in the sample repository but is not part of it.
        self.ignore("site/")?;
        self.step(-75, &JO, &["init"])?;
        self.git(-75, &JO, &["add", "-A"])?;
        self.commit(-75, &JO, "Set up pm")?;
        self.record(-75, &JO, "git add -A && git commit -m 'Set up pm'".into());

        // Parts of the IDs, as a user types them: pm finds the one post-mortem each names.
        let (checkout, tls, payouts) = ("checkout", "tls-certificate", "payouts");
        self.open(-70, &AMAL, CHECKOUT, -72, "checkout-db-pool-exhaustion")?;
        self.step(-68, &AMAL, &["status", checkout, "in-review", "--commit"])?;
        self.step(-66, &JO, &["status", checkout, "reviewed", "--commit"])?;
        self.open(-60, &LENA, TLS, -61, "public-api-tls-certificate-expired")?;
        let set = |offset, who, item: &str, field: &str, value: &str| {
            self.step(
                offset,
                who,
                &["action", "set", item, field, value, "--commit"],
            )
        };
        let due = |offset: i64| self.day(offset).to_string();
        set(-55, &AMAL, "checkout#A1", "--status", "done")?;
        self.step(-52, &LENA, &["status", tls, "in-review", "--commit"])?;
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
            self.add_action(-52, &LENA, tls, title, owner, due_day, kind)?;
        }
        set(-45, &JO, "checkout#A2", "--owner", "marcus@example.com")?;
        self.step(-42, &AMAL, &["status", tls, "reviewed", "--commit"])?;
        set(-38, &AMAL, "checkout#A3", "--due", &due(-10))?;
        self.open(-30, &MARCUS, PAYOUTS, -31, "payouts-queue-consumer-stalled")?;
        // The last follow-up review was held on day -21: what follows is "progress since".
        set(-20, &MARCUS, "tls-certificate#A1", "--status", "done")?;
        self.step(-18, &MARCUS, &["status", payouts, "in-review", "--commit"])?;
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
            self.add_action(-18, &MARCUS, payouts, title, owner, due_day, kind)?;
        }
        set(-12, &MARCUS, "checkout#A2", "--status", "in-progress")?;
        set(-10, &JO, "payouts#A2", "--owner", "sam@example.com")?;
        set(-9, &LENA, "tls-certificate#A2", "--due", &due(14))?;
        self.open(-8, &PRIYA, DNS, -8, DNS_SLUG)?;
        set(-4, &MARCUS, "payouts#A1", "--status", "done")?;
        self.step(
            -4,
            &JO,
            &[
                "action",
                "set",
                "payouts#A3",
                "--status",
                "wont-do",
                "--reason",
                "Superseded by A2: the client now reconnects, so the runbook step is not needed",
                "--commit",
            ],
        )?;
        set(-1, &AMAL, "tls-certificate#A3", "--status", "in-progress")?;
        Ok(self.steps.take())
    }

    /// Adds a pattern to the sample's `.git/info/exclude`.
    fn ignore(&self, pattern: &str) -> Result<()> {
        let exclude = self.dir.join(".git").join("info").join("exclude");
        if let Some(parent) = exclude.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        }
        let mut ignored = std::fs::read_to_string(&exclude).unwrap_or_default();
        ignored.push_str(pattern);
        ignored.push('\n');
        std::fs::write(&exclude, ignored).map_err(|e| Error::io(&exclude, e))
    }

    /// A reviewer's draft: writes [`BLAMEFUL`] into the DNS post-mortem's Contributing Factors,
    /// uncommitted. [`Sample::try_to_commit`] takes it out again.
    pub fn write_blameful_draft(&self) -> Result<Draft> {
        let rel = path_of(&self.dns_id());
        let path = self.dir.join(&rel);
        let original = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
        let blameful = original.replacen(BLAMEFUL_REPLACES, BLAMEFUL, 1);
        std::fs::write(&path, &blameful).map_err(|e| Error::io(&path, e))?;
        Ok(Draft {
            rel,
            path,
            original,
        })
    }

    /// Stages the draft and commits it as Priya, today, with the sample's hooks (the
    /// pre-commit hook, when installed, stops it). Then puts everything back: a commit that
    /// went through is undone, the draft unstaged and the file's text restored, so the sample
    /// stays blameless. Returns git's output of the commit (success: the commit went through).
    pub fn try_to_commit(&self, draft: &Draft, message: &str) -> Result<Output> {
        self.git(0, &PRIYA, &["add", "--", &draft.rel])?;
        let mut commit = crate::git::git_in(&self.dir);
        commit.args(["commit", "-m", message]);
        self.env(&mut commit, 0, &PRIYA);
        let out = commit
            .output()
            .map_err(|e| Error::usage(format!("cannot run git: {e}")))?;
        if out.status.success() {
            self.git(0, &PRIYA, &["reset", "--quiet", "--soft", "HEAD~1"])?;
        }
        self.git(0, &PRIYA, &["reset", "--quiet", "--", &draft.rel])?;
        std::fs::write(&draft.path, &draft.original).map_err(|e| Error::io(&draft.path, e))?;
        Ok(out)
    }

    /// Writes a small Slack export of the DNS incident's channel in `exports/slack` (ignored
    /// by git in the sample), for [`CHAT_IMPORT`]: a join, a message, a thread reply and a
    /// pinned message, stamped on the incident's day.
    pub fn write_chat_export(&self) -> Result<()> {
        let day = self.day(-8);
        let ts = |hh: u32, mm: u32| {
            let at = day.and_hms_opt(hh, mm, 0).map(|t| t.and_utc().timestamp());
            format!("{}.000100", at.unwrap_or(0))
        };
        let export = self.dir.join("exports").join("slack");
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
        self.ignore("exports/")
    }

    /// Commits the DNS post-mortem's imported timeline as Priya, today.
    pub fn commit_import(&self) -> Result<()> {
        self.git(0, &PRIYA, &["add", "--", &path_of(&self.dns_id())])?;
        self.commit(0, &PRIYA, "Import the incident channel into the timeline")
    }
}

/// What to try next in the sample in `dir` (the site built in `site`), as commands that work
/// where the user is: `pm …` when pm is installed, and `cargo run --release -- -C DIR …` when
/// this pm (`exe`) was built in a source tree (`cargo run` puts it under `target/`), since `pm`
/// may not be on PATH then.
pub fn try_next(exe: &Path, dir: &Path, site: &Path) -> String {
    let dir = dir.display();
    let commands = [
        "list --format json",
        "history checkout",
        "followup --format markdown",
        "status eu-west-dns in-review",
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_with_days_from_today() {
        let today = NaiveDate::from_ymd_opt(2026, 3, 5).expect("date");
        let sample = Sample::new(PathBuf::from("x"), PathBuf::from("pm"), today);
        assert_eq!(
            sample.fill("{{date:-4}} {{at:-1T09:12}} {{id}} {{other}}", "ID"),
            "2026-03-01 2026-03-04T09:12:00Z ID {{other}}"
        );
        assert_eq!(
            sample.dns_id(),
            "2026-02-25-eu-west-dns-resolution-failures"
        );
    }

    #[test]
    fn command_lines_quote_what_the_shell_would_split() {
        assert_eq!(
            command_line(
                "pm",
                &["action", "add", "x", "--title", "Alert on it's age"]
            ),
            r#"pm action add x --title "Alert on it's age""#
        );
    }

    #[test]
    fn from_a_source_tree_the_next_commands_go_through_cargo() {
        let next = try_next(
            Path::new("/src/pm/target/release/pm"),
            Path::new("/tmp/s"),
            Path::new("/tmp/s/site"),
        );
        assert!(
            next.contains("  pm status eu-west-dns in-review\n"),
            "{next}"
        );
        assert!(next.contains("  cargo run --release -- -C /tmp/s list --format json\n"));
        let installed = try_next(
            Path::new("/usr/bin/pm"),
            Path::new("/tmp/s"),
            Path::new("/s"),
        );
        assert!(!installed.contains("cargo run"), "{installed}");
    }
}
