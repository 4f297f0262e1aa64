//! The pre-commit hook, installed by `pm hooks install` and fired by real `git commit`s; staged
//! and revision-range snapshots; the pre-commit framework.

use crate::common::tools::{self, git_in, pm_in, write_script};
use crate::common::{Doc, Output, Sandbox};
use std::ffi::OsStr;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

/// Fails for a structural reason the check catches: no `+++` front matter.
const BAD: &str = "# Checkout outage\n\nNo front matter here.\n";
const BAD_PATH: &str = "postmortems/2026/2026-03-01-checkout-latency.md";

fn good() -> Doc {
    Doc::new(
        "2026-03-01-checkout-latency",
        "Checkout latency after a configuration change",
    )
}

fn commit(s: &Sandbox, dir: &Path, message: &str) -> Output {
    git_in(s, dir, ["commit", "-q", "-m", message], &[])
}

/// Everything a blocked commit must leave exactly as it was.
fn repo_state(s: &Sandbox, dir: &Path) -> (String, String, String, String) {
    let git = |args: &[&str]| git_in(s, dir, args, &[]).stdout;
    (
        git(&["status", "--porcelain"]),
        git(&["diff"]),
        git(&["diff", "--cached"]),
        git(&["rev-parse", "--verify", "-q", "HEAD"]),
    )
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).expect("stat").permissions().mode() & 0o7777
}

/// A PATH with git but without pm.
fn path_without_pm() -> String {
    let git = std::env::var_os("PATH")
        .and_then(|p| {
            std::env::split_paths(&p)
                .map(|d| d.join("git"))
                .find(|g| g.is_file())
        })
        .expect("git on PATH");
    format!(
        "{}:/usr/bin:/bin",
        git.parent().expect("git's folder").display()
    )
}

#[test]
fn the_hook_stops_a_bad_post_mortem_and_passes_a_good_one() {
    // No commit yet: the staged files are compared with the empty tree.
    let s = Sandbox::new();
    s.pm(["init", "--hooks"])
        .ok()
        .stdout_has("installed the pre-commit hook");
    let hook = s.root.join(".git/hooks/pre-commit");
    assert_eq!(mode(&hook), 0o755);
    let script = std::fs::read(&hook).expect("hook");
    assert!(script.starts_with(b"#!/bin/sh\n"));
    assert!(!script.contains(&b'\r'), "LF line endings only");
    s.pm(["hooks", "status"]).ok().stdout_has("installed:");

    s.write(BAD_PATH, BAD);
    s.git(["add", "-A"]);
    let before = repo_state(&s, &s.root);
    let out = commit(&s, &s.root, "Add the post-mortem");
    assert_ne!(out.code, 0, "the commit went through: {}", out.stderr);
    assert!(out.stderr.contains(BAD_PATH), "{}", out.stderr);
    assert!(out.stderr.contains("PM_SKIP_HOOKS=1"), "{}", out.stderr);
    assert_eq!(repo_state(&s, &s.root), before);

    s.add_postmortem(&good());
    s.git(["add", "-A"]);
    commit(&s, &s.root, "Add the post-mortem").ok();

    // Installing again changes nothing.
    let bytes = std::fs::read(&hook).expect("hook");
    s.pm(["hooks", "install"])
        .ok()
        .stdout_has("already installed");
    assert_eq!(std::fs::read(&hook).expect("hook"), bytes);
}

#[test]
fn partially_staged_files_are_judged_by_what_will_be_committed() {
    let s = Sandbox::initialised();
    s.pm(["hooks", "install"]).ok();
    let rel = s.add_postmortem(&good());
    s.commit_all("Add the post-mortem", "2026-03-02T10:00:00Z");

    // Good staged, bad left unstaged: the commit goes through with the good version.
    let better = good().section("Lessons Learned", "The latency alert paged within minutes.");
    s.write(&rel, better.render());
    s.git(["add", &rel]);
    s.write(&rel, BAD);
    commit(&s, &s.root, "Add lessons").ok();
    assert_eq!(s.read(&rel), BAD, "the working tree is untouched");
    let committed = s.git(["show", &format!("HEAD:{rel}")]);
    assert!(committed.contains("paged within minutes"), "{committed}");

    // Bad staged, good left unstaged: blocked, and nothing moves.
    s.git(["add", &rel]);
    s.write(&rel, better.render());
    let before = repo_state(&s, &s.root);
    let out = commit(&s, &s.root, "Break it");
    assert_ne!(out.code, 0, "the commit went through: {}", out.stderr);
    assert!(out.stderr.contains(&rel), "{}", out.stderr);
    assert_eq!(repo_state(&s, &s.root), before);
    assert_eq!(s.read(&rel), better.render());
}

#[test]
fn commit_all_and_commit_only_are_checked_through_their_temporary_index() {
    let s = Sandbox::initialised();
    s.pm(["hooks", "install"]).ok();
    let rel = s.add_postmortem(&good());
    s.commit_all("Add the post-mortem", "2026-03-02T10:00:00Z");
    s.write(&rel, BAD);
    let before = repo_state(&s, &s.root);
    let out = git_in(&s, &s.root, ["commit", "-q", "-a", "-m", "all"], &[]);
    assert_ne!(out.code, 0, "git commit -a went through");
    assert!(out.stderr.contains(&rel), "{}", out.stderr);
    let out = git_in(&s, &s.root, ["commit", "-q", "-m", "only", "--", &rel], &[]);
    assert_ne!(out.code, 0, "git commit PATH went through");
    assert_eq!(repo_state(&s, &s.root), before);
}

#[test]
fn skipping_with_pm_skip_hooks() {
    let s = Sandbox::initialised();
    s.pm(["hooks", "install"]).ok();
    s.write(BAD_PATH, BAD);
    s.git(["add", "-A"]);
    let out = git_in(
        &s,
        &s.root,
        ["commit", "-q", "-m", "Draft"],
        &[("PM_SKIP_HOOKS", OsStr::new("1"))],
    );
    out.ok().stderr_has("PM_SKIP_HOOKS");
}

#[test]
fn a_foreign_hook_is_kept_run_first_and_restored_byte_for_byte() {
    let s = Sandbox::initialised();
    let hook = s.root.join(".git/hooks/pre-commit");
    let log = s.home.join("foreign.log");
    let foreign = "#!/bin/sh\n# the team's own hook\necho ran >> \"$FOREIGN_LOG\"\n[ -z \"$FOREIGN_FAIL\" ]\n";
    write_script(&hook, foreign);
    std::fs::set_permissions(&hook, std::fs::Permissions::from_mode(0o750)).expect("chmod");
    s.pm(["hooks", "status"]).code(1).stdout_has("foreign:");

    s.pm(["hooks", "install"])
        .ok()
        .stdout_has("pre-commit.pm-kept");
    let legacy = s.root.join(".git/hooks/pre-commit.pm-kept");
    assert_eq!(std::fs::read_to_string(&legacy).expect("legacy"), foreign);
    s.pm(["hooks", "status"])
        .ok()
        .stdout_has("installed:")
        .stdout_has("pre-commit.pm-kept");
    // A second install keeps both as they are.
    s.pm(["hooks", "install"])
        .ok()
        .stdout_has("already installed");
    assert_eq!(std::fs::read_to_string(&legacy).expect("legacy"), foreign);

    let env_ok = [("FOREIGN_LOG", log.as_os_str())];
    s.add_postmortem(&good());
    s.git(["add", "-A"]);
    // The foreign hook's failure blocks the commit, good post-mortem or not.
    let env_fail = [
        ("FOREIGN_LOG", log.as_os_str()),
        ("FOREIGN_FAIL", OsStr::new("1")),
    ];
    let out = git_in(&s, &s.root, ["commit", "-q", "-m", "x"], &env_fail);
    assert_ne!(out.code, 0, "the foreign hook's failure was ignored");
    git_in(&s, &s.root, ["commit", "-q", "-m", "Add"], &env_ok).ok();
    assert_eq!(std::fs::read_to_string(&log).expect("log"), "ran\nran\n");

    // It runs first, and pm still stops a bad post-mortem after it.
    s.write(BAD_PATH.replace("checkout-latency", "other").as_str(), BAD);
    s.git(["add", "-A"]);
    let out = git_in(&s, &s.root, ["commit", "-q", "-m", "bad"], &env_ok);
    assert_ne!(out.code, 0);
    assert_eq!(
        std::fs::read_to_string(&log).expect("log"),
        "ran\nran\nran\n"
    );

    s.pm(["hooks", "uninstall"]).ok().stdout_has("put back");
    assert_eq!(std::fs::read_to_string(&hook).expect("hook"), foreign);
    assert_eq!(mode(&hook), 0o750);
    assert!(!legacy.exists());
    s.pm(["hooks", "uninstall"])
        .ok()
        .stderr_has("not pm's hook");
    assert_eq!(std::fs::read_to_string(&hook).expect("hook"), foreign);
}

#[test]
fn status_tells_outdated_and_newer_scripts_and_uninstall_removes_ours() {
    let s = Sandbox::initialised();
    let hook = s.root.join(".git/hooks/pre-commit");
    write_script(
        &hook,
        "#!/bin/sh\n# pm-hook: pre-commit\n# pm-hook-version: 0\nexit 0\n",
    );
    s.pm(["hooks", "status"]).code(1).stdout_has("outdated:");
    s.pm(["hooks", "install"]).ok().stdout_has("updated");
    s.pm(["hooks", "status"]).ok().stdout_has("installed:");

    write_script(
        &hook,
        "#!/bin/sh\n# pm-hook: pre-commit\n# pm-hook-version: 99\nexit 0\n",
    );
    s.pm(["hooks", "install"]).code(2).stderr_has("newer pm");
    s.pm(["hooks", "install", "--force"])
        .ok()
        .stdout_has("updated");

    s.pm(["hooks", "uninstall"]).ok().stdout_has("removed");
    assert!(!hook.exists());
    s.pm(["hooks", "status"]).code(1).stdout_has("missing:");
    s.pm(["hooks", "uninstall"])
        .ok()
        .stderr_has("nothing to remove");
}

#[test]
fn a_linked_worktree_uses_the_shared_hooks() {
    let s = Sandbox::initialised();
    let linked = s.home.join("linked tree");
    s.git([
        "worktree".as_ref(),
        "add".as_ref(),
        "-q".as_ref(),
        "-b".as_ref(),
        "feature".as_ref(),
        linked.as_os_str(),
    ]);
    pm_in(&s, &linked, ["hooks", "install"], &[]).ok();
    assert!(s.root.join(".git/hooks/pre-commit").is_file());
    std::fs::create_dir_all(linked.join("postmortems/2026")).expect("mkdir");
    std::fs::write(linked.join(BAD_PATH), BAD).expect("write");
    git_in(&s, &linked, ["add", "-A"], &[]).ok();
    let out = commit(&s, &linked, "bad");
    assert_ne!(out.code, 0, "the commit went through");
    assert!(out.stderr.contains(BAD_PATH), "{}", out.stderr);
    std::fs::write(linked.join(BAD_PATH), good().render()).expect("write");
    git_in(&s, &linked, ["add", "-A"], &[]).ok();
    commit(&s, &linked, "good").ok();
}

#[test]
fn a_submodule_gets_its_own_hook() {
    let s = Sandbox::initialised();
    let source = s.home.join("sub-source");
    std::fs::create_dir_all(&source).expect("mkdir");
    git_in(&s, &source, ["init", "-q", "-b", "main"], &[]).ok();
    pm_in(&s, &source, ["init"], &[]).ok();
    git_in(&s, &source, ["add", "-A"], &[]).ok();
    git_in(&s, &source, ["commit", "-q", "-m", "init"], &[]).ok();
    s.git([
        "-c".as_ref(),
        "protocol.file.allow=always".as_ref(),
        "submodule".as_ref(),
        "add".as_ref(),
        "-q".as_ref(),
        source.as_os_str(),
        "sub".as_ref(),
    ]);
    let sub = s.root.join("sub");
    pm_in(&s, &sub, ["hooks", "install"], &[])
        .ok()
        .stdout_has(".git/modules/sub/hooks/pre-commit");
    std::fs::create_dir_all(sub.join("postmortems/2026")).expect("mkdir");
    std::fs::write(sub.join(BAD_PATH), BAD).expect("write");
    git_in(&s, &sub, ["add", "-A"], &[]).ok();
    let out = commit(&s, &sub, "bad");
    assert_ne!(out.code, 0, "the commit went through");
    assert!(out.stderr.contains(BAD_PATH), "{}", out.stderr);
}

#[test]
fn a_local_hooks_path_is_honoured_and_a_global_one_refused_unless_forced() {
    let s = Sandbox::initialised();
    s.git(["config", "core.hooksPath", ".githooks"]);
    s.pm(["hooks", "install"])
        .ok()
        .stdout_has(".githooks/pre-commit");
    assert_eq!(mode(&s.root.join(".githooks/pre-commit")), 0o755);
    s.write(BAD_PATH, BAD);
    s.git(["add", BAD_PATH]);
    let out = commit(&s, &s.root, "bad");
    assert_ne!(out.code, 0, "the commit went through");
    assert!(out.stderr.contains(BAD_PATH), "{}", out.stderr);

    let other = Sandbox::initialised();
    let shared = other.home.join("shared-hooks");
    std::fs::write(
        other.home.join(".gitconfig"),
        format!("[core]\n\thooksPath = {}\n", shared.display()),
    )
    .expect("write global config");
    other
        .pm(["hooks", "install"])
        .code(2)
        .stderr_has("core.hooksPath")
        .stderr_has("--force");
    assert!(!shared.join("pre-commit").exists());
    other
        .pm(["init", "--hooks"])
        .ok()
        .stdout_has("did not install");
    other
        .pm(["hooks", "install", "--force"])
        .ok()
        .stdout_has("every repository");
    assert!(shared.join("pre-commit").is_file());
}

#[test]
fn paths_with_spaces_quotes_and_substitutions_are_safe() {
    let s = Sandbox::without_repo();
    let base = s
        .home
        .join("we ird $(touch PWNED) `touch PWNED2` it's \"q\"");
    let repo = base.join("repo $(touch PWNED3)");
    let bin = base.join("bin ';touch PWNED4;'").join("pm");
    std::fs::create_dir_all(&repo).expect("mkdir");
    std::fs::create_dir_all(bin.parent().expect("parent")).expect("mkdir");
    std::fs::copy(crate::common::pm_binary(), &bin).expect("copy pm");
    let run_pm = |args: &[&str]| {
        let mut cmd = std::process::Command::new(&bin);
        cmd.args(args);
        tools::run_in(&s, cmd, &repo, &[])
    };
    git_in(&s, &repo, ["init", "-q", "-b", "main"], &[]).ok();
    run_pm(&["init", "--hooks"]).ok();
    let script = std::fs::read_to_string(repo.join(".git/hooks/pre-commit")).expect("hook");
    assert!(script.contains("';touch PWNED4;'\\''"), "{script}");

    std::fs::create_dir_all(repo.join("postmortems/2026")).expect("mkdir");
    std::fs::write(repo.join(BAD_PATH), BAD).expect("write");
    git_in(&s, &repo, ["add", "-A"], &[]).ok();
    // Without pm on PATH: only the quoted absolute path can have run it.
    let env = [("PATH", OsStr::new(&path_without_pm()).to_owned())];
    let env: Vec<(&str, &OsStr)> = env.iter().map(|(k, v)| (*k, v.as_os_str())).collect();
    let out = git_in(&s, &repo, ["commit", "-q", "-m", "bad"], &env);
    assert_ne!(out.code, 0, "the commit went through: {}", out.stderr);
    assert!(out.stderr.contains(BAD_PATH), "{}", out.stderr);
    std::fs::write(repo.join(BAD_PATH), good().render()).expect("write");
    git_in(&s, &repo, ["add", "-A"], &[]).ok();
    git_in(&s, &repo, ["commit", "-q", "-m", "good"], &env).ok();

    for dir in [&s.home, &base, &repo, bin.parent().expect("parent")] {
        for name in ["PWNED", "PWNED2", "PWNED3", "PWNED4"] {
            assert!(
                !dir.join(name).exists(),
                "{name} created in {}",
                dir.display()
            );
        }
    }
}

#[test]
fn without_the_installing_pm_the_hook_uses_path_or_says_how_to_proceed() {
    let s = Sandbox::initialised();
    let copy = s.home.join("gone/pm");
    std::fs::create_dir_all(copy.parent().expect("parent")).expect("mkdir");
    std::fs::copy(crate::common::pm_binary(), &copy).expect("copy pm");
    let mut cmd = std::process::Command::new(&copy);
    cmd.args(["hooks", "install"]);
    tools::run_in(&s, cmd, &s.root, &[]).ok();
    std::fs::remove_file(&copy).expect("remove the copy");
    s.pm(["hooks", "status"]).ok().stdout_has("is gone");

    s.write(BAD_PATH, BAD);
    s.git(["add", "-A"]);
    let thin = path_without_pm();
    let out = git_in(
        &s,
        &s.root,
        ["commit", "-q", "-m", "x"],
        &[("PATH", OsStr::new(&thin))],
    );
    assert_ne!(out.code, 0, "the commit went through");
    assert!(out.stderr.contains("cannot find pm"), "{}", out.stderr);
    assert!(out.stderr.contains("PM_SKIP_HOOKS=1"), "{}", out.stderr);
    assert!(out.stderr.contains("--no-verify"), "{}", out.stderr);

    // pm on PATH is the fallback.
    let pm_dir = Path::new(crate::common::pm_binary())
        .parent()
        .expect("bin dir");
    let with_pm = format!("{}:{thin}", pm_dir.display());
    let out = git_in(
        &s,
        &s.root,
        ["commit", "-q", "-m", "x"],
        &[("PATH", OsStr::new(&with_pm))],
    );
    assert_ne!(out.code, 0, "the commit went through");
    assert!(out.stderr.contains(BAD_PATH), "{}", out.stderr);
}

#[test]
fn the_hook_works_in_the_middle_of_a_merge() {
    let s = Sandbox::initialised();
    s.pm(["hooks", "install"]).ok();
    s.git(["switch", "-q", "-c", "other"]);
    s.write(BAD_PATH, BAD);
    s.commit_all(
        "Bad post-mortem, committed without the hook",
        "2026-03-02T10:00:00Z",
    );
    s.git(["switch", "-q", "main"]);
    s.write("notes.txt", "diverge\n");
    s.commit_all("Notes", "2026-03-02T11:00:00Z");
    s.git(["merge", "-q", "--no-ff", "--no-commit", "other"]);
    let before = repo_state(&s, &s.root);
    let out = commit(&s, &s.root, "Merge");
    assert_ne!(out.code, 0, "the merge commit went through");
    assert!(out.stderr.contains(BAD_PATH), "{}", out.stderr);
    assert_eq!(repo_state(&s, &s.root), before);
    assert!(
        s.root.join(".git/MERGE_HEAD").exists(),
        "the merge is still in progress"
    );
    s.write(BAD_PATH, good().render());
    s.git(["add", BAD_PATH]);
    commit(&s, &s.root, "Merge").ok();
    let parents = s.git(["rev-list", "--parents", "-n", "1", "HEAD"]);
    assert_eq!(parents.split_whitespace().count(), 3, "{parents}");
}

#[test]
fn snapshots_read_git_not_the_working_tree() {
    use pm::{check_input as snapshot, git::Repo};
    let s = Sandbox::initialised();
    let one = s.add_postmortem(&good());
    let other = s.add_postmortem(&Doc::new("2025-12-01-dns-failure", "DNS failure"));
    s.commit_all("Two post-mortems", "2026-03-02T10:00:00Z");
    s.write(&one, BAD);
    s.git(["add", &one]);
    s.write(&one, good().render());
    let repo = Repo::discover(&s.root).expect("repo");
    let snap = snapshot::staged(&repo, &s.root.join("postmortems")).expect("staged");
    assert_eq!(snap.files.len(), 1);
    assert_eq!(snap.files[0].path, one);
    assert_eq!(snap.files[0].bytes, BAD.as_bytes());
    let mut ids: Vec<_> = snap.known_ids.iter().map(|(id, _)| id).collect();
    ids.sort();
    assert_eq!(
        ids,
        ["2025-12-01-dns-failure", "2026-03-01-checkout-latency"]
    );
    assert!(snap.known_ids.iter().any(|(_, p)| *p == other));
}

#[test]
fn rev_range_in_a_bare_repository_and_a_pre_receive_hook() {
    use pm::{check_input as snapshot, git::Repo};
    let s = Sandbox::initialised();
    let start = s.git(["rev-parse", "HEAD"]).trim().to_string();
    let good_path = s.add_postmortem(&good());
    let good_commit = s.commit_all("Good", "2026-03-02T10:00:00Z");
    let bad_path = "postmortems/2026/2026-03-02-queue-backlog.md";
    s.write(bad_path, BAD);
    let bad_commit = s.commit_all("Bad", "2026-03-02T11:00:00Z");
    let moved = good_path.replace("2026/", "2026/archive/");
    std::fs::create_dir_all(s.root.join("postmortems/2026/archive")).expect("mkdir");
    s.git(["mv", &good_path, &moved]);
    let moved_commit = s.commit_all("Move", "2026-03-02T12:00:00Z");

    let bare = s.home.join("server.git");
    s.git([
        "clone".as_ref(),
        "-q".as_ref(),
        "--bare".as_ref(),
        s.root.as_os_str(),
        bare.as_os_str(),
    ]);
    pm_in(
        &s,
        &bare,
        ["check", "--rev-range", &format!("{start}..{good_commit}")],
        &[],
    )
    .ok();
    let out = pm_in(
        &s,
        &bare,
        ["check", "--rev-range", &format!("{start}..{bad_commit}")],
        &[],
    );
    out.code(1);
    assert!(
        out.stdout.contains(bad_path) || out.stderr.contains(bad_path),
        "{out:?}"
    );
    pm_in(&s, &bare, ["check", "--rev-range", "nonsense"], &[])
        .code(2)
        .stderr_has("A..B");

    let repo = Repo::discover(&bare).expect("bare");
    let snap = snapshot::rev_range(
        &repo,
        &format!("{bad_commit}..{moved_commit}"),
        Path::new("postmortems"),
        None,
    )
    .expect("range");
    let files: Vec<_> = snap.files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(files, [moved.as_str()], "a rename counts as modified");
    assert!(snap.config.is_some(), "pm.toml comes from the tree");
    assert_eq!(snap.known_ids.len(), 2);

    // A range is judged with pm.toml at its base (issue 14): a pm.toml the range brings that
    // moves the folder is reported, and decides where to look only once merged.
    s.write("pm.toml", "[repo]\ndir = \"incidents\"\n");
    s.write("incidents/2026/2026-03-03-cache-stampede.md", BAD);
    let custom = s.commit_all("Move the folder", "2026-03-03T10:00:00Z");
    s.write("incidents/2026/2026-03-04-cache-stampede.md", BAD);
    let after = s.commit_all("Another", "2026-03-04T10:00:00Z");
    s.git(["push", "-q", bare.to_str().expect("utf-8"), "main"]);
    let snap = snapshot::rev_range(
        &repo,
        &format!("{moved_commit}..{custom}"),
        Path::new("postmortems"),
        None,
    )
    .expect("range");
    assert_eq!(
        snap.config.as_ref().map(|c| c.repo.dir.as_str()),
        Some("postmortems")
    );
    assert!(snap.config_changed.is_some());
    let snap = snapshot::rev_range(
        &repo,
        &format!("{custom}..{after}"),
        Path::new("postmortems"),
        None,
    )
    .expect("range");
    let files: Vec<_> = snap.files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(files, ["incidents/2026/2026-03-04-cache-stampede.md"]);

    // The pre-receive hook from docs/HOOKS.md refuses a push that brings a bad post-mortem.
    let server = s.home.join("server2.git");
    git_in(&s, &s.home, ["init", "-q", "--bare", "server2.git"], &[]).ok();
    write_script(
        &server.join("hooks/pre-receive"),
        &pre_receive_script(Path::new(crate::common::pm_binary())),
    );
    let push = |rev: &str| {
        git_in(
            &s,
            &s.root,
            [
                "push",
                "-q",
                server.to_str().expect("utf-8"),
                &format!("{rev}:refs/heads/main"),
            ],
            &[],
        )
    };
    push(&good_commit).ok();
    let out = push(&bad_commit);
    assert_ne!(out.code, 0, "the server took a bad post-mortem");
    assert!(out.stderr.contains(bad_path), "{}", out.stderr);
}

/// The pre-receive example of docs/HOOKS.md, with the pm binary under test.
pub(crate) fn pre_receive_script(pm: &Path) -> String {
    let doc = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/HOOKS.md"))
        .expect("docs/HOOKS.md");
    let start = doc
        .find("#!/bin/sh\n# pre-receive")
        .expect("the pre-receive example");
    let end = start + doc[start..].find("```").expect("end of the example");
    doc[start..end].replace("pm=pm", &format!("pm='{}'", pm.display()))
}

#[test]
fn the_pre_commit_framework_stops_a_bad_post_mortem() {
    let Some(pre_commit) = tools::pre_commit() else {
        return;
    };
    let s = Sandbox::initialised();
    s.write(BAD_PATH.replace("checkout-latency", "bad").as_str(), BAD);
    let good_path = s.add_postmortem(&good());
    s.git(["add", "-A"]);
    let bad_path = BAD_PATH.replace("checkout-latency", "bad");
    let pm_dir: PathBuf = Path::new(crate::common::pm_binary())
        .parent()
        .expect("bin dir")
        .to_path_buf();
    let path = format!(
        "{}:{}",
        pm_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let env = [("PATH", OsStr::new(&path))];
    let this_repo = env!("CARGO_MANIFEST_DIR");
    let run = |files: &[&str]| {
        let mut cmd = std::process::Command::new(&pre_commit);
        cmd.args(["try-repo", this_repo, "pm", "--files"])
            .args(files);
        tools::run_in(&s, cmd, &s.root, &env)
    };
    let out = run(&[&bad_path, &good_path]);
    assert_eq!(out.code, 1, "{}\n{}", out.stdout, out.stderr);
    out.stdout_has("Failed").stdout_has(&bad_path);
    run(&[&good_path]).ok().stdout_has("Passed");
}

#[test]
fn every_index_format_is_read_and_intent_to_add_is_not_checked() {
    let s = Sandbox::initialised();
    s.pm(["hooks", "install"]).ok();
    // `git add -N` writes an index with extended flags (version 3); nothing of it is committed.
    let later = "postmortems/2026/2026-03-03-later.md";
    s.write(later, BAD);
    s.git(["add", "-N", later]);
    s.add_postmortem(&good());
    s.git(["add", "postmortems/2026/2026-03-01-checkout-latency.md"]);
    commit(&s, &s.root, "Good, with a file for later").ok();
    s.git(["rm", "-q", "--cached", later]);

    // Index version 4 compresses paths.
    s.git(["update-index", "--index-version", "4"]);
    let bad = "postmortems/2026/2026-03-04-zz-bad.md";
    s.write(bad, BAD);
    s.git(["add", bad]);
    let out = commit(&s, &s.root, "bad");
    assert_ne!(out.code, 0, "the commit went through");
    assert!(out.stderr.contains(bad), "{}", out.stderr);
    s.write(bad, Doc::new("2026-03-04-zz-bad", "Fine now").render());
    s.git(["add", bad]);
    commit(&s, &s.root, "good").ok();
}
