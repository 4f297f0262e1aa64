//! Test harness: a real git repository in a temporary folder, git's global and system
//! configuration isolated, "today" fixed, and the real `pm` binary run against it.
#![allow(dead_code)]

pub mod browser;
pub mod tools;

use std::ffi::OsStr;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The date every test runs on, unless it says otherwise.
pub const TODAY: &str = "2026-03-05";

/// What a command printed and how it ended.
#[derive(Debug, Clone)]
pub struct Output {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Output {
    /// Asserts exit code `code`, showing both streams on failure.
    #[track_caller]
    pub fn code(&self, code: i32) -> &Self {
        assert_eq!(
            self.code, code,
            "exit code\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout, self.stderr
        );
        self
    }

    #[track_caller]
    pub fn ok(&self) -> &Self {
        self.code(0)
    }

    #[track_caller]
    pub fn stdout_has(&self, needle: &str) -> &Self {
        assert!(
            self.stdout.contains(needle),
            "stdout lacks {needle:?}\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout,
            self.stderr
        );
        self
    }

    #[track_caller]
    pub fn stderr_has(&self, needle: &str) -> &Self {
        assert!(
            self.stderr.contains(needle),
            "stderr lacks {needle:?}\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout,
            self.stderr
        );
        self
    }

    /// Parses stdout as JSON.
    #[track_caller]
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "stdout is not JSON ({e}):\n{}\n--- stderr\n{}",
                self.stdout, self.stderr
            )
        })
    }
}

/// A temporary home and (usually) a git repository in it.
pub struct Sandbox {
    _tmp: tempfile::TempDir,
    /// The repository's work tree.
    pub root: PathBuf,
    pub home: PathBuf,
    pub today: String,
}

impl Sandbox {
    /// A new repository on branch `main`, with no commits.
    pub fn new() -> Sandbox {
        let sandbox = Sandbox::without_repo();
        std::fs::create_dir_all(&sandbox.root).expect("create repo folder");
        sandbox.git(["init", "-q", "-b", "main"]);
        sandbox
    }

    /// A folder that is not a git repository.
    pub fn without_repo() -> Sandbox {
        let tmp = tempfile::tempdir().expect("temp dir");
        let home = tmp.path().join("home");
        std::fs::create_dir_all(&home).expect("home");
        let root = tmp.path().join("repo");
        std::fs::create_dir_all(&root).expect("root");
        Sandbox {
            root,
            home,
            _tmp: tmp,
            today: TODAY.into(),
        }
    }

    /// A repository with `pm init` run and committed.
    pub fn initialised() -> Sandbox {
        let sandbox = Sandbox::new();
        sandbox.pm(["init"]).ok();
        sandbox.commit_all("Set up pm", "2026-01-02T09:00:00Z");
        sandbox
    }

    /// The environment every command runs with.
    pub fn apply_env(&self, cmd: &mut Command) {
        for var in [
            "GIT_DIR",
            "GIT_WORK_TREE",
            "GIT_INDEX_FILE",
            "GIT_OBJECT_DIRECTORY",
            "GIT_CEILING_DIRECTORIES",
            "VISUAL",
            "EDITOR",
            "PM_SKIP_HOOKS",
            "CLICOLOR_FORCE",
        ] {
            cmd.env_remove(var);
        }
        cmd.env("HOME", &self.home)
            .env("XDG_CONFIG_HOME", self.home.join(".config"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", self.home.join(".gitconfig"))
            .env("GIT_AUTHOR_NAME", "Test Author")
            .env("GIT_AUTHOR_EMAIL", "author@example.com")
            .env("GIT_COMMITTER_NAME", "Test Author")
            .env("GIT_COMMITTER_EMAIL", "author@example.com")
            .env("PM_TODAY", &self.today)
            .env("NO_COLOR", "1")
            .env("LC_ALL", "C")
            .env("TZ", "UTC");
    }

    /// `pm ARGS` in the repository root.
    pub fn pm<I, S>(&self, args: I) -> Output
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        self.pm_in(&self.root, args, None)
    }

    /// `pm ARGS` in `dir`, with `stdin` fed in when given.
    pub fn pm_in<I, S>(&self, dir: &Path, args: I, stdin: Option<&[u8]>) -> Output
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let mut cmd = Command::new(pm_binary());
        cmd.args(args).current_dir(dir);
        self.apply_env(&mut cmd);
        run(cmd, stdin)
    }

    /// `git ARGS` in the repository; panics when git fails.
    #[track_caller]
    pub fn git<I, S>(&self, args: I) -> String
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let out = self.git_output(args);
        assert_eq!(out.code, 0, "git failed: {}", out.stderr);
        out.stdout
    }

    /// `git ARGS` in the repository, whatever it returns.
    pub fn git_output<I, S>(&self, args: I) -> Output
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let mut cmd = Command::new("git");
        cmd.args(args).current_dir(&self.root);
        self.apply_env(&mut cmd);
        run(cmd, None)
    }

    /// Writes a file under the repository root, creating folders.
    pub fn write(&self, rel: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.root.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create folders");
        }
        std::fs::write(&path, contents).expect("write file");
        path
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.root.join(rel)).expect("read file")
    }

    pub fn read_bytes(&self, rel: &str) -> Vec<u8> {
        std::fs::read(self.root.join(rel)).expect("read file")
    }

    /// Stages everything and commits with author and committer date `date` (RFC 3339).
    pub fn commit_all(&self, message: &str, date: &str) -> String {
        self.git(["add", "-A"]);
        self.commit_staged(message, date)
    }

    /// Commits what is staged with a backdated author and committer date.
    pub fn commit_staged(&self, message: &str, date: &str) -> String {
        let mut cmd = Command::new("git");
        cmd.args([
            "commit",
            "-q",
            "--no-verify",
            "--allow-empty",
            "-m",
            message,
        ])
        .current_dir(&self.root);
        self.apply_env(&mut cmd);
        cmd.env("GIT_AUTHOR_DATE", date)
            .env("GIT_COMMITTER_DATE", date);
        let out = run(cmd, None);
        assert_eq!(out.code, 0, "commit failed: {}", out.stderr);
        self.git(["rev-parse", "HEAD"]).trim().to_string()
    }

    /// Writes a post-mortem at its place in the folder; returns its path relative to the root.
    pub fn add_postmortem(&self, doc: &Doc) -> String {
        let rel = format!("postmortems/{}/{}.md", &doc.id[..4], doc.id);
        self.write(&rel, doc.render());
        rel
    }
}

/// The `pm` binary under test.
pub fn pm_binary() -> &'static str {
    env!("CARGO_BIN_EXE_pm")
}

fn run(mut cmd: Command, stdin: Option<&[u8]>) -> Output {
    cmd.stdin(if stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    })
    .stdout(Stdio::piped())
    .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn");
    if let Some(input) = stdin {
        let mut pipe = child.stdin.take().expect("stdin");
        // Ignore a closed pipe: the program may stop reading early.
        let _ = pipe.write_all(input);
    }
    let out = child.wait_with_output().expect("wait");
    Output {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// An action item for [`Doc`].
#[derive(Debug, Clone)]
pub struct ActionSpec {
    pub id: String,
    pub title: String,
    pub owner: Option<String>,
    pub due: Option<String>,
    pub status: String,
    pub extra: Vec<(String, String)>,
}

impl ActionSpec {
    pub fn new(id: &str, title: &str, owner: &str, due: &str, status: &str) -> ActionSpec {
        ActionSpec {
            id: id.into(),
            title: title.into(),
            owner: Some(owner.into()),
            due: Some(due.into()),
            status: status.into(),
            extra: vec![
                ("kind".into(), "\"detect\"".into()),
                ("priority".into(), "\"P2\"".into()),
            ],
        }
    }

    /// An open action item (kind "detect", priority "P2").
    pub fn open(id: &str, title: &str, owner: &str, due: &str) -> ActionSpec {
        ActionSpec::new(id, title, owner, due, "open")
    }

    /// Adds a raw TOML `key = value` line.
    pub fn with(mut self, key: &str, raw_value: &str) -> ActionSpec {
        self.extra.push((key.into(), raw_value.into()));
        self
    }
}

/// A well-formed post-mortem, adjustable field by field.
#[derive(Debug, Clone)]
pub struct Doc {
    pub id: String,
    pub title: String,
    pub status: String,
    pub severity: String,
    pub services: Vec<String>,
    pub started: String,
    pub detected: Option<String>,
    pub mitigated: Option<String>,
    pub resolved: Option<String>,
    pub followup_review: Option<String>,
    pub actions: Vec<ActionSpec>,
    /// (section title, content)
    pub sections: Vec<(String, String)>,
    /// Raw TOML lines added to the front matter.
    pub extra_front: Vec<String>,
}

impl Doc {
    pub fn new(id: &str, title: &str) -> Doc {
        let date = &id[..10];
        Doc {
            id: id.into(),
            title: title.into(),
            status: "in-review".into(),
            severity: "SEV2".into(),
            services: vec!["checkout".into()],
            started: format!("{date}T10:00:00Z"),
            detected: Some(format!("{date}T10:05:00Z")),
            mitigated: Some(format!("{date}T10:40:00Z")),
            resolved: Some(format!("{date}T11:00:00Z")),
            followup_review: None,
            actions: Vec::new(),
            sections: vec![
                ("Summary".into(), "Checkout requests were slow for one hour after a configuration change.".into()),
                ("Impact".into(), "About two thousand customers saw slow checkout pages.".into()),
                (
                    "Timeline".into(),
                    "- 10:00 UTC: latency on the checkout service began to rise.\n- 10:05 UTC: the latency alert fired and paged the on-call engineer.\n- 10:40 UTC: the configuration change was reverted.\n- 11:00 UTC: latency returned to normal.".into(),
                ),
                ("Root Cause Analysis".into(), "A configuration change lowered the connection limit of the checkout database pool.".into()),
                ("Contributing Factors".into(), "The configuration format accepted a limit of zero without a warning.".into()),
                ("Action Items".into(), "See the front matter: A1 adds a latency alert.".into()),
                ("Lessons Learned".into(), "The latency alert paged within five minutes.".into()),
                ("Open Discussion".into(), "None.".into()),
            ],
            extra_front: Vec::new(),
        }
    }

    pub fn status(mut self, status: &str) -> Doc {
        self.status = status.into();
        self
    }

    pub fn action(mut self, action: ActionSpec) -> Doc {
        self.actions.push(action);
        self
    }

    /// Replaces (or adds) a section's content.
    pub fn section(mut self, title: &str, content: &str) -> Doc {
        match self.sections.iter_mut().find(|(t, _)| t == title) {
            Some(s) => s.1 = content.into(),
            None => self.sections.push((title.into(), content.into())),
        }
        self
    }

    pub fn front(mut self, raw_line: &str) -> Doc {
        self.extra_front.push(raw_line.into());
        self
    }

    pub fn render(&self) -> String {
        let mut out = String::from("+++\n");
        out.push_str(&format!("id = \"{}\"\n", self.id));
        out.push_str(&format!("title = \"{}\"\n", self.title));
        out.push_str(&format!("status = \"{}\"\n", self.status));
        out.push_str(&format!("severity = \"{}\"\n", self.severity));
        let services: Vec<String> = self.services.iter().map(|s| format!("\"{s}\"")).collect();
        out.push_str(&format!("services = [{}]\n", services.join(", ")));
        out.push_str("authors = [\"author@example.com\"]\n");
        out.push_str(&format!("started = {}\n", self.started));
        for (key, value) in [
            ("detected", &self.detected),
            ("mitigated", &self.mitigated),
            ("resolved", &self.resolved),
            ("followup_review", &self.followup_review),
        ] {
            if let Some(v) = value {
                out.push_str(&format!("{key} = {v}\n"));
            }
        }
        for line in &self.extra_front {
            out.push_str(line);
            out.push('\n');
        }
        out.push_str("\n[impact]\nsummary = \"Checkout requests were slow for one hour.\"\n");
        for a in &self.actions {
            out.push_str("\n[[actions]]\n");
            out.push_str(&format!("id = \"{}\"\ntitle = \"{}\"\n", a.id, a.title));
            if let Some(owner) = &a.owner {
                out.push_str(&format!("owner = \"{owner}\"\n"));
            }
            if let Some(due) = &a.due {
                out.push_str(&format!("due = {due}\n"));
            }
            out.push_str(&format!("status = \"{}\"\n", a.status));
            for (k, v) in &a.extra {
                out.push_str(&format!("{k} = {v}\n"));
            }
        }
        out.push_str("+++\n\n");
        out.push_str(&format!("# {}\n", self.title));
        for (title, content) in &self.sections {
            out.push_str(&format!("\n## {title}\n\n{content}\n"));
        }
        out
    }
}
