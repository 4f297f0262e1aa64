//! pm's hook next to the real hook managers (husky 9 and lefthook 2 from npm, the pre-commit
//! framework from PyPI, installed by `tools`), in both orders, fired by real `git commit`s.
//! Each repository starts with a team check that refuses a staged file named `secret`; after
//! every install the team check, pm (a bad post-mortem is refused) and a quiet clean commit
//! are tried, again after the manager regenerates its files, and uninstalling in reverse
//! order must leave the hooks exactly as they were (names, modes, bytes).

use crate::common::tools::{self, git_in, pm_in, write_script};
use crate::common::{Output, Sandbox};
use std::ffi::OsStr;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

const BAD: &str = "# Checkout outage\n\nNo front matter here.\n";
const TEAM_HOOK: &str = "#!/bin/sh\n# the team's own hook\ngit diff --cached --name-only | grep -q secret && { echo \"team: secret staged\" >&2; exit 1; }\nexit 0\n";

/// A PATH with pm's folder and the npm tools' first.
fn path_with(extra: &[&Path]) -> String {
    let pm_dir = Path::new(crate::common::pm_binary())
        .parent()
        .expect("bin dir")
        .to_path_buf();
    let mut parts: Vec<PathBuf> = vec![pm_dir];
    parts.extend(extra.iter().map(|p| p.to_path_buf()));
    let mut text = std::env::join_paths(parts)
        .expect("PATH")
        .to_string_lossy()
        .into_owned();
    text.push(':');
    text.push_str(&std::env::var("PATH").unwrap_or_default());
    text
}

struct Repo<'a> {
    s: Sandbox,
    env: Vec<(&'a str, String)>,
    step: usize,
}

impl<'a> Repo<'a> {
    fn new(path: String) -> Repo<'a> {
        let s = Sandbox::initialised();
        Repo {
            s,
            env: vec![("PATH", path)],
            step: 0,
        }
    }

    fn env(&self) -> Vec<(&str, &OsStr)> {
        self.env
            .iter()
            .map(|(k, v)| (*k, OsStr::new(v.as_str())))
            .collect()
    }

    fn pm(&self, args: &[&str]) -> Output {
        pm_in(&self.s, &self.s.root, args, &self.env())
    }

    fn git(&self, args: &[&str]) -> Output {
        git_in(&self.s, &self.s.root, args, &self.env())
    }

    fn run(&self, program: &Path, args: &[&str]) -> Output {
        let mut cmd = std::process::Command::new(program);
        cmd.args(args);
        tools::run_in(&self.s, cmd, &self.s.root, &self.env())
    }

    /// Stages `rel` with `text` and commits; the staged change is dropped when refused.
    fn commit(&mut self, rel: &str, text: &str) -> Output {
        self.step += 1;
        let rel = rel.replace("N", &self.step.to_string());
        self.s.write(&rel, text);
        self.git(&["add", "--", &rel]);
        let out = self.git(&["commit", "-q", "-m", &rel]);
        if out.code != 0 {
            self.git(&["reset", "-q"]);
            std::fs::remove_file(self.s.root.join(&rel)).expect("remove refused file");
        }
        out
    }

    /// A clean commit passes and prints nothing; a bad post-mortem and the team's secret are
    /// refused.
    #[track_caller]
    fn assert_guarded(&mut self, quiet: bool) {
        let clean = self.commit("notes/clean-N.txt", "ok\n");
        assert_eq!(clean.code, 0, "a clean commit failed: {}", clean.stderr);
        if quiet {
            assert_eq!(
                (clean.stdout.as_str(), clean.stderr.as_str()),
                ("", ""),
                "a commit touching no post-mortem printed something"
            );
        }
        let bad = self.commit("postmortems/2026/2026-03-0N-bad.md", BAD);
        assert_ne!(bad.code, 0, "pm did not stop a bad post-mortem");
        assert!(bad.stderr.contains("2026-03-0"), "{}", bad.stderr);
        let secret = self.commit("secret-N", "x\n");
        assert_ne!(secret.code, 0, "the team's check no longer ran");
    }

    /// Every hook file (name, mode, bytes), the local configuration and the files pm may
    /// write for a manager.
    fn snapshot(&self) -> Vec<String> {
        let mut out = Vec::new();
        for folder in [".git/hooks", ".husky"] {
            let Ok(read) = std::fs::read_dir(self.s.root.join(folder)) else {
                continue;
            };
            let mut names: Vec<_> = read.flatten().collect();
            names.sort_by_key(|e| e.file_name());
            for entry in names {
                let name = entry.file_name().to_string_lossy().into_owned();
                let meta = entry.metadata().expect("stat");
                if name.ends_with(".sample") || !meta.is_file() {
                    continue;
                }
                out.push(format!(
                    "{folder}/{name} {:o} {:?}",
                    meta.permissions().mode() & 0o7777,
                    std::fs::read(entry.path()).expect("read")
                ));
            }
        }
        out.push(format!(
            "lefthook-local.yml exists: {}",
            self.s.root.join("lefthook-local.yml").exists()
        ));
        out.push(self.git(&["config", "--local", "--list"]).stdout);
        out
    }

    fn team_hook(&self) {
        write_script(&self.s.root.join(".git/hooks/pre-commit"), TEAM_HOOK);
        std::fs::set_permissions(
            self.s.root.join(".git/hooks/pre-commit"),
            std::fs::Permissions::from_mode(0o750),
        )
        .expect("chmod");
    }

    fn commit_setup(&self, message: &str) {
        self.git(&["add", "-A"]);
        let out = self.git(&["commit", "-q", "--no-verify", "-m", message]);
        assert_eq!(out.code, 0, "{}", out.stderr);
    }
}

#[test]
fn husky_in_both_orders() {
    let Some((husky, _)) = tools::hook_managers() else {
        return;
    };
    let modules = husky
        .parent()
        .and_then(Path::parent)
        .expect("node_modules")
        .to_path_buf();
    let bin = modules.join(".bin");
    let set_up_husky = |r: &Repo| {
        r.s.write("package.json", "{\"name\":\"x\",\"private\":true}\n");
        std::os::unix::fs::symlink(&modules, r.s.root.join("node_modules")).expect("link");
        r.s.write(".gitignore", "node_modules\n");
        r.run(&husky, &[]).ok();
        // The team's own hook, as husky 9 keeps it.
        r.s.write(".husky/pre-commit", &TEAM_HOOK["#!/bin/sh\n".len()..]);
        r.commit_setup("husky");
    };

    // husky first, then pm.
    let mut r = Repo::new(path_with(&[&bin]));
    set_up_husky(&r);
    let before = r.snapshot();
    r.pm(&["hooks", "install"])
        .code(1)
        .stderr_has("--manager husky")
        .stderr_has("pm -C './' check --staged --hook");
    assert_eq!(r.snapshot(), before, "pm wrote something without --manager");
    r.pm(&["hooks", "install", "--manager", "husky"]).ok();
    r.pm(&["hooks", "status"]).ok().stdout_has("via husky");
    r.assert_guarded(true);
    // `npm install` runs husky again: pm still runs.
    r.run(&husky, &[]).ok();
    r.assert_guarded(false);
    // A teammate without pm commits (husky runs the file with `sh -e`).
    let out = git_in(
        &r.s,
        &r.s.root,
        ["commit", "-q", "--allow-empty", "-m", "no pm"],
        &[("PATH", OsStr::new(&path_without_pm(&bin)))],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.contains("pm: not installed here"),
        "{}",
        out.stderr
    );
    r.pm(&["hooks", "uninstall"])
        .ok()
        .stdout_has(".husky/pre-commit");
    assert_eq!(
        r.snapshot(),
        before,
        "uninstall did not restore husky's files"
    );

    // pm first, then husky: pm's own hook is no longer run, and status says so.
    let mut r = Repo::new(path_with(&[&bin]));
    let before = r.snapshot();
    r.pm(&["hooks", "install"]).ok();
    set_up_husky(&r);
    r.pm(&["hooks", "status"])
        .code(1)
        .stdout_has("inactive")
        .stdout_has("--manager husky");
    r.pm(&["hooks", "install", "--manager", "husky"]).ok();
    r.assert_guarded(true);
    r.pm(&["hooks", "uninstall"]).ok();
    r.git(&["config", "--unset", "core.hooksPath"]);
    let after = r.snapshot();
    let hooks_only = |snap: &[String]| -> Vec<String> {
        snap.iter()
            .filter(|l| l.starts_with(".git/hooks/"))
            .cloned()
            .collect()
    };
    assert_eq!(hooks_only(&after), hooks_only(&before));
    assert_eq!(
        r.s.read(".husky/pre-commit"),
        &TEAM_HOOK["#!/bin/sh\n".len()..]
    );
}

/// A PATH with git and node's tools but without pm.
fn path_without_pm(bin: &Path) -> String {
    format!("{}:/usr/local/bin:/usr/bin:/bin", bin.display())
}

#[test]
fn the_pre_commit_framework_in_both_orders() {
    let Some(pre_commit) = tools::pre_commit() else {
        return;
    };
    let config = "repos:\n-   repo: local\n    hooks:\n    -   id: no-secret\n        name: no secret\n        language: fail\n        entry: secrets are not committed\n        files: secret\n";
    let set_up = |r: &Repo| {
        r.s.write(".pre-commit-config.yaml", config);
        r.commit_setup("framework");
        r.run(&pre_commit, &["install"]).ok();
    };

    // The framework first (it keeps the team's hook as pre-commit.legacy), then pm.
    let mut r = Repo::new(path_with(&[]));
    r.team_hook();
    set_up(&r);
    let before = r.snapshot();
    let out = r.pm(&["hooks", "install"]);
    out.code(1).stderr_has("repo: local");
    assert_eq!(r.snapshot(), before, "pm wrote into the framework's hooks");
    // The user adds the entry pm printed.
    let entry = out
        .stderr
        .split("\n\n")
        .nth(1)
        .expect("the entry")
        .to_string();
    r.s.write(".pre-commit-config.yaml", format!("{config}{entry}"));
    r.commit_setup("pm via the framework");
    r.pm(&["hooks", "status"])
        .ok()
        .stdout_has("pre-commit framework");
    r.pm(&["hooks", "install"]).ok().stdout_has("already");
    r.assert_guarded(false);
    r.run(&pre_commit, &["install"]).ok();
    r.assert_guarded(false);
    r.pm(&["hooks", "uninstall"]).ok();
    assert_eq!(r.snapshot()[..], before[..], "the hooks changed");

    // pm first (it keeps the team's hook as pre-commit.pm-kept); the framework then keeps
    // pm's script as pre-commit.legacy and runs it in migration mode.
    let mut r = Repo::new(path_with(&[]));
    r.team_hook();
    let before = r.snapshot();
    r.pm(&["hooks", "install"]).ok();
    set_up(&r);
    r.pm(&["hooks", "status"]).ok().stdout_has("migration mode");
    r.pm(&["hooks", "install"])
        .ok()
        .stdout_has("migration mode");
    r.assert_guarded(false);
    r.run(&pre_commit, &["install"]).ok();
    r.assert_guarded(false);
    // Uninstalled in reverse order: exactly the hooks there were.
    r.run(&pre_commit, &["uninstall"]).ok();
    r.pm(&["hooks", "uninstall"]).ok().stdout_has("put back");
    assert_eq!(r.snapshot(), before, "the hooks were not restored");
}

#[test]
fn lefthook_in_both_orders() {
    let Some((_, lefthook)) = tools::hook_managers() else {
        return;
    };
    let config = "pre-commit:\n  commands:\n    team:\n      run: \"! git diff --cached --name-only | grep -q secret\"\n";
    let set_up = |r: &Repo| {
        r.s.write("lefthook.yml", config);
        r.s.write(".gitignore", "lefthook-local.yml\n");
        r.commit_setup("lefthook");
        r.run(&lefthook, &["install"]).ok();
    };
    let bin = lefthook.parent().expect("bin").to_path_buf();

    // lefthook first (it moves the team's hook to pre-commit.old), then pm.
    let mut r = Repo::new(path_with(&[&bin]));
    r.team_hook();
    set_up(&r);
    let before = r.snapshot();
    r.pm(&["hooks", "install"])
        .code(1)
        .stderr_has("--manager lefthook");
    assert_eq!(r.snapshot(), before, "pm wrote into lefthook's hooks");
    r.pm(&["hooks", "install", "--manager", "lefthook"])
        .ok()
        .stdout_has("lefthook-local.yml");
    r.pm(&["hooks", "status"]).ok().stdout_has("via lefthook");
    r.assert_guarded(false);
    // A changed lefthook.yml makes lefthook reinstall its hooks at the next run.
    r.s.write(
        "lefthook.yml",
        format!("{config}    other:\n      run: \"true\"\n"),
    );
    r.commit_setup("lefthook changed");
    r.assert_guarded(false);
    r.pm(&["hooks", "uninstall"])
        .ok()
        .stdout_has("lefthook-local.yml");
    assert_eq!(r.snapshot(), before, "the hooks were not restored");

    // pm first: lefthook moves pm's script to pre-commit.old and never runs it.
    let mut r = Repo::new(path_with(&[&bin]));
    r.team_hook();
    let before = r.snapshot();
    r.pm(&["hooks", "install"]).ok();
    set_up(&r);
    r.pm(&["hooks", "status"]).code(1).stdout_has("inactive");
    r.pm(&["hooks", "install", "--manager", "lefthook"]).ok();
    r.assert_guarded(false);
    r.run(&lefthook, &["uninstall"]).ok();
    r.pm(&["hooks", "uninstall"]).ok();
    assert_eq!(r.snapshot(), before, "the hooks were not restored");
}
