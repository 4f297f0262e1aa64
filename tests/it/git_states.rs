//! Hostile names and unusual git states: pm works, or fails with exit 2 and a message that
//! says what to do — never a panic, never a shell.

use crate::common::tools::{git_in, run_in};
use crate::common::{ActionSpec, Doc, Output, Sandbox};
use std::path::Path;

const ID: &str = "2026-02-10-checkout-latency";
const REL: &str = "postmortems/2026/2026-02-10-checkout-latency.md";
const BLAMEFUL: &str = "The outage was caused by human error during the rollout.";

fn doc() -> Doc {
    Doc::new(ID, "Checkout latency after a configuration change").action(ActionSpec::new(
        "A1",
        "Alert on checkout latency",
        "sam@example.com",
        "2026-02-20",
        "open",
    ))
}

fn blameful() -> String {
    doc().section("Root Cause Analysis", BLAMEFUL).render()
}

/// Neither a panic nor an unexplained failure: exit 0/1, or exit 2 with a message.
#[track_caller]
fn sane(out: &Output) {
    assert!(
        !out.stderr.contains("panicked") && !out.stderr.contains("RUST_BACKTRACE"),
        "panic: {out:?}"
    );
    assert!(matches!(out.code, 0..=2), "{out:?}");
    if out.code == 2 {
        assert!(
            out.stderr.contains("pm: "),
            "exit 2 without a message: {out:?}"
        );
    }
}

fn with_doc() -> Sandbox {
    let s = Sandbox::initialised();
    s.add_postmortem(&doc());
    s.commit_all("Add the post-mortem", "2026-02-11T10:00:00Z");
    s
}

// --- Repository states ----------------------------------------------------------------------

#[test]
fn a_repository_with_no_commits() {
    let s = Sandbox::new();
    s.pm(["init"]).ok();
    let out = s.pm([
        "new",
        "Database outage",
        "--started",
        "2026-03-01T10:00:00Z",
    ]);
    out.ok()
        .stderr_has("no branch was made: the repository has no commits yet");
    let list = s.pm(["list"]);
    list.ok().stdout_has("Database outage");
    let check = s.pm(["check"]);
    sane(&check);
    assert_ne!(check.code, 2, "{check:?}");
    // Nothing staged yet, then the new file staged: compared with the empty tree.
    s.pm(["check", "--staged"]).ok().stdout_has("in 0 files");
    s.git(["add", "-A"]);
    let staged = s.pm(["check", "--staged"]);
    sane(&staged);
    assert!(staged.stdout.contains("in 1 file"), "{staged:?}");
    s.pm(["followup"]).ok();
    s.pm(["followup", "--since", "HEAD"])
        .code(2)
        .stderr_has("`HEAD` is not a revision")
        .stderr_has("no commits yet");
    sane(&s.pm(["history", "database"]));
}

#[test]
fn a_detached_head_new_starts_a_branch_at_that_commit_and_says_so() {
    let s = with_doc();
    let head = s.git(["rev-parse", "HEAD"]).trim().to_string();
    s.git(["switch", "-q", "--detach", "HEAD"]);
    let out = s.pm(["new", "Cache outage", "--started", "2026-03-01T10:00:00Z"]);
    out.ok()
        .stderr_has(&format!("HEAD was detached at {}", &head[..7]))
        .stderr_has("postmortem/2026-03-01-cache-outage");
    assert_eq!(
        s.git(["symbolic-ref", "--short", "HEAD"]).trim(),
        "postmortem/2026-03-01-cache-outage"
    );
    assert_eq!(s.git(["rev-parse", "HEAD"]).trim(), head);

    // followup and the hook on a detached HEAD too.
    s.git(["switch", "-q", "--detach", &head]);
    sane(&s.pm(["followup"]));
    s.pm(["followup", "--since", "HEAD"]).ok();
    s.pm(["hooks", "install"]).ok();
    s.write(REL, blameful());
    s.git(["add", REL]);
    let out = git_in(&s, &s.root, ["commit", "-q", "-m", "detached"], &[]);
    assert_ne!(out.code, 0, "{out:?}");
    assert!(
        out.stderr.contains("blameless/human-error"),
        "{}",
        out.stderr
    );
    s.write(REL, doc().render());
    s.git(["add", REL]);
    git_in(
        &s,
        &s.root,
        ["commit", "-q", "--allow-empty", "-m", "ok"],
        &[],
    )
    .ok();
}

/// A repository stopped on a conflict in the post-mortem, by `git merge` or `git rebase`.
fn conflicted(rebase: bool) -> Sandbox {
    let s = with_doc();
    s.git(["switch", "-q", "-c", "side"]);
    s.write(
        REL,
        s.read(REL)
            .replace("Alert on checkout latency", "Side title"),
    );
    s.commit_all("side", "2026-02-12T10:00:00Z");
    s.git(["switch", "-q", "main"]);
    s.write(
        REL,
        s.read(REL)
            .replace("Alert on checkout latency", "Main title"),
    );
    s.commit_all("main", "2026-02-12T11:00:00Z");
    let out = if rebase {
        s.git(["switch", "-q", "side"]);
        s.git_output(["rebase", "main"])
    } else {
        s.git_output(["merge", "side"])
    };
    assert_ne!(out.code, 0, "expected a conflict: {out:?}");
    let stages = s.git(["ls-files", "-s", REL]);
    assert_eq!(stages.lines().count(), 3, "{stages}");
    s
}

#[test]
fn unmerged_index_entries_do_not_crash_any_command() {
    for rebase in [false, true] {
        let s = conflicted(rebase);
        // Stage 1/2/3 entries: left out (git commits nothing until they are resolved).
        s.pm(["check", "--staged"]).ok().stdout_has("in 0 files");
        // The working file holds conflict markers: reported, not a crash.
        let list = s.pm(["list"]);
        sane(&list);
        let check = s.pm(["check"]);
        sane(&check);
        assert_eq!(check.code, 1, "{check:?}");
        sane(&s.pm(["followup"]));
        sane(&s.pm(["followup", "--since", "HEAD~1"]));
        sane(&s.pm(["history", ID]));
        // Resolved and staged: checked as it will be committed.
        s.write(REL, blameful());
        s.git(["add", REL]);
        s.pm(["check", "--staged"])
            .code(1)
            .stdout_has("blameless/human-error");
    }
}

#[test]
fn a_rebase_in_progress_still_runs_the_hook_on_git_commit() {
    // `git rebase --continue` commits without the pre-commit hook (git's own choice); a
    // `git commit` of the resolution during the rebase runs it.
    let s = conflicted(true);
    s.pm(["hooks", "install"]).ok();
    s.write(REL, blameful());
    s.git(["add", REL]);
    let out = git_in(&s, &s.root, ["commit", "-q", "-m", "resolve"], &[]);
    assert_ne!(out.code, 0, "the blameful resolution went in: {out:?}");
    assert!(out.stderr.contains("blameless/human-error"), "{out:?}");
    assert!(
        s.root.join(".git/rebase-merge").exists(),
        "the rebase was lost"
    );
    s.write(REL, doc().render());
    s.git(["add", REL]);
    git_in(&s, &s.root, ["commit", "-q", "-m", "resolve"], &[]).ok();
    let mut cmd = std::process::Command::new("git");
    cmd.args(["-c", "core.editor=true", "rebase", "--continue"]);
    run_in(&s, cmd, &s.root, &[]).ok();
}

#[test]
fn a_shallow_clone_says_how_to_get_more_history() {
    let s = with_doc();
    s.pm([
        "action",
        "set",
        &format!("{ID}#A1"),
        "--status",
        "done",
        "--commit",
    ])
    .ok();
    let url = format!("file://{}", s.root.display());
    let clone = s.home.join("shallow");
    git_in(
        &s,
        &s.home,
        ["clone", "-q", "--depth", "1", &url, "shallow"],
        &[],
    )
    .ok();
    let run = |args: &[&str]| crate::common::tools::pm_in(&s, &clone, args, &[]);
    run(&["followup", "--since", "HEAD~1"])
        .code(2)
        .stderr_has("shallow clone")
        .stderr_has("--unshallow");
    run(&["followup", "--since", "HEAD"]).ok();
    run(&["history", ID]).ok().stderr_has("shallow clone");
    run(&["list"]).ok().stdout_has(ID);
}

#[test]
fn a_bare_repository_checks_ranges_and_refuses_the_rest_clearly() {
    let s = with_doc();
    s.write(REL, blameful());
    s.commit_all("blameful", "2026-02-12T10:00:00Z");
    git_in(
        &s,
        &s.home,
        [
            "clone",
            "-q",
            "--bare",
            s.root.to_str().expect("utf-8"),
            "b.git",
        ],
        &[],
    )
    .ok();
    let bare = s.home.join("b.git");
    let run = |args: &[&str]| crate::common::tools::pm_in(&s, &bare, args, &[]);
    run(&["check", "--rev-range", "HEAD~1..HEAD"])
        .code(1)
        .stdout_has("blameless/human-error");
    run(&["check", "--staged"])
        .code(2)
        .stderr_has("bare repository")
        .stderr_has("--rev-range");
    let head = s.git(["rev-parse", "HEAD"]);
    let new = run(&["new", "Disk full"]);
    new.code(2)
        .stderr_has("bare repository")
        .stderr_has("git clone");
    // Nothing was written into the repository, and HEAD did not move.
    assert!(!bare.join("postmortems").exists());
    assert_eq!(git_in(&s, &bare, ["rev-parse", "HEAD"], &[]).stdout, head);
    assert_eq!(
        git_in(&s, &bare, ["branch", "--list", "postmortem/*"], &[]).stdout,
        ""
    );
    run(&["hooks", "install"])
        .code(2)
        .stderr_has("bare repository");
    for args in [
        &["list"][..],
        &["followup"],
        &["history", ID],
        &["pr", "--print"],
    ] {
        sane(&run(args));
    }
}

#[test]
fn a_sparse_checkout_works_on_what_is_present() {
    let s = with_doc();
    let old = Doc::new("2025-01-01-disk-full", "Disk full on the build server");
    s.add_postmortem(&old);
    s.commit_all("Add another", "2026-02-12T10:00:00Z");
    s.git([
        "sparse-checkout",
        "set",
        "--no-cone",
        "/*",
        "!/postmortems/2025/",
    ]);
    assert!(!s.root.join("postmortems/2025").exists());
    let list = s.pm(["list"]);
    list.ok().stdout_has(ID);
    assert!(!list.stdout.contains("2025-01-01-disk-full"), "{list:?}");
    let check = s.pm(["check"]);
    sane(&check);
    assert!(check.stdout.contains("in 1 file"), "{check:?}");
    s.pm(["check", "--staged"]).ok().stdout_has("in 0 files");
    s.write(REL, blameful());
    s.git(["add", REL]);
    s.pm(["check", "--staged"])
        .code(1)
        .stdout_has("blameless/human-error")
        .stdout_has("in 1 file");
}

#[test]
fn a_sparse_index_is_read_and_the_hook_lets_good_commits_through() {
    // Regression: libgit2 refuses a sparse index (`unsupported mandatory extension: 'sdir'`),
    // which made `check --staged` fail and the hook stop every commit.
    let s = with_doc();
    let old = Doc::new("2025-01-01-disk-full", "Disk full on the build server");
    let old_rel = s.add_postmortem(&old);
    s.commit_all("Add another", "2026-02-12T10:00:00Z");
    s.git([
        "sparse-checkout",
        "set",
        "--cone",
        "--sparse-index",
        "postmortems/2026",
    ]);
    let entries = s.git(["ls-files", "-s", "--sparse"]);
    assert!(entries.contains("040000"), "not a sparse index: {entries}");
    assert!(!s.root.join(&old_rel).exists());
    s.pm(["hooks", "install"]).ok();
    s.pm(["check", "--staged"]).ok().stdout_has("in 0 files");

    s.write(REL, blameful());
    s.git(["add", REL]);
    s.pm(["check", "--staged"])
        .code(1)
        .stdout_has("blameless/human-error");
    let out = git_in(&s, &s.root, ["commit", "-q", "-m", "blameful"], &[]);
    assert_ne!(out.code, 0, "{out:?}");
    s.write(
        REL,
        doc()
            .section("Summary", "Checkout was slow for an hour.")
            .render(),
    );
    s.git(["add", REL]);
    git_in(&s, &s.root, ["commit", "-q", "-m", "fine"], &[]).ok();

    // The post-mortems in the folded folder still count for duplicate IDs.
    let dup = doc().render().replace(ID, "2025-01-01-disk-full");
    s.write("postmortems/2026/2025-01-01-disk-full.md", dup);
    s.git(["add", "postmortems/2026"]);
    let out = s.pm(["check", "--staged"]);
    out.code(1).stdout_has("2025/2025-01-01-disk-full.md");
}

#[test]
fn a_post_mortem_folder_linked_inside_the_repository_works() {
    let s = with_doc();
    s.git(["mv", "postmortems", "docs-pm"]);
    std::os::unix::fs::symlink("docs-pm", s.root.join("postmortems")).expect("symlink");
    s.commit_all("Move the folder behind a link", "2026-02-12T10:00:00Z");
    s.pm(["list"]).ok().stdout_has(ID);
    sane(&s.pm(["check"]));
    // Regression: staged files behind the link were not seen, so the hook passed anything.
    s.write(REL, blameful());
    s.git(["add", "docs-pm"]);
    s.pm(["check", "--staged"])
        .code(1)
        .stdout_has("blameless/human-error");
    s.git(["checkout", "--", "."]);
    s.git(["reset", "-q", "--hard"]);
    // Regression: `--commit` gave git the path through the link, which git refuses.
    s.pm([
        "action",
        "set",
        &format!("{ID}#A1"),
        "--status",
        "done",
        "--commit",
    ])
    .ok();
    assert_eq!(s.git(["status", "--porcelain"]), "");
    let out = s.pm([
        "new",
        "Cache outage",
        "--started",
        "2026-03-01T10:00:00Z",
        "--commit",
    ]);
    out.ok();
    assert!(s
        .root
        .join("docs-pm/2026/2026-03-01-cache-outage.md")
        .is_file());
    assert_eq!(s.git(["status", "--porcelain"]), "");
    // Regression: pm pr looked for the committed file through the link.
    s.git([
        "remote",
        "add",
        "origin",
        "https://github.com/acme/incidents.git",
    ]);
    let pr = s.pm(["pr", "--print"]);
    sane(&pr);
    assert!(!pr.stderr.contains("is not committed"), "{pr:?}");
    assert!(
        pr.stdout.contains("postmortem/2026-03-01-cache-outage"),
        "{pr:?}"
    );
}

#[test]
fn a_post_mortem_folder_linked_outside_the_repository_is_neither_read_nor_checked_nor_written() {
    let s = with_doc();
    let outside = s.home.join("elsewhere");
    std::fs::rename(s.root.join("postmortems"), &outside).expect("move");
    std::os::unix::fs::symlink(&outside, s.root.join("postmortems")).expect("symlink");
    // pm reads only inside the work tree (issue 14): listing refuses too, saying why.
    s.pm(["list"]).code(2).stderr_has("outside the repository");
    s.pm(["show", ID])
        .code(2)
        .stderr_has("outside the repository");
    // What depends on git refuses, saying why and what to do.
    s.pm(["check"]).code(2).stderr_has("outside the repository");
    s.pm(["check", "--staged"])
        .code(2)
        .stderr_has("symbolic link")
        .stderr_has("move the folder into the repository");
    s.pm(["new", "Disk full"])
        .code(2)
        .stderr_has("symbolic link")
        .stderr_has("move the folder into the repository");
    assert_eq!(
        std::fs::read_dir(outside.join("2026"))
            .expect("dir")
            .count(),
        1
    );
    assert_eq!(s.git(["branch", "--list", "postmortem/*"]), "");
}

// --- Hostile names ---------------------------------------------------------------------------

fn no_pwned(dirs: &[&Path]) {
    for dir in dirs {
        for name in ["pwned", "pwned2", "pwned3"] {
            assert!(
                !dir.join(name).exists(),
                "{name} created in {}",
                dir.display()
            );
        }
    }
}

#[test]
fn a_repository_path_with_quotes_substitutions_and_a_newline_keeps_the_hook_working() {
    let s = Sandbox::without_repo();
    let base = s.home.join("x");
    let repo = base.join("it's a \"$(touch pwned)\" `touch pwned2` \n$(touch pwned3) dir");
    std::fs::create_dir_all(&repo).expect("mkdir");
    git_in(&s, &repo, ["init", "-q", "-b", "main"], &[]).ok();
    let pm = |args: &[&str]| crate::common::tools::pm_in(&s, &repo, args, &[]);
    pm(&["init", "--hooks"]).ok();
    git_in(&s, &repo, ["add", "-A"], &[]).ok();
    git_in(&s, &repo, ["commit", "-q", "-m", "Set up pm"], &[]).ok();

    std::fs::create_dir_all(repo.join("postmortems/2026")).expect("mkdir");
    std::fs::write(repo.join(REL), blameful()).expect("write");
    git_in(&s, &repo, ["add", "-A"], &[]).ok();
    let out = git_in(&s, &repo, ["commit", "-q", "-m", "blameful"], &[]);
    assert_ne!(out.code, 0, "{out:?}");
    assert!(out.stderr.contains("blameless/human-error"), "{out:?}");
    std::fs::write(repo.join(REL), doc().render()).expect("write");
    git_in(&s, &repo, ["add", "-A"], &[]).ok();
    git_in(&s, &repo, ["commit", "-q", "-m", "fine"], &[]).ok();

    pm(&[
        "new",
        "Disk full",
        "--started",
        "2026-03-01T10:00:00Z",
        "--commit",
    ])
    .ok();
    pm(&[
        "action",
        "set",
        &format!("{ID}#A1"),
        "--status",
        "done",
        "--commit",
    ])
    .ok();
    pm(&["followup", "--since", "HEAD~2"]).ok();
    no_pwned(&[&s.home, &base, &repo]);
}

#[test]
fn a_title_with_a_newline_and_substitutions_is_data_not_code() {
    let s = Sandbox::initialised();
    let title = "DB `touch pwned2` outage\n$(touch pwned) and \"quotes\" and 'it''s'";
    let out = s.pm([
        "new",
        title,
        "--started",
        "2026-03-01T10:00:00Z",
        "--commit",
    ]);
    sane(&out);
    out.ok();
    let path = out.stdout.trim().to_string();
    let branch = s
        .git(["symbolic-ref", "--short", "HEAD"])
        .trim()
        .to_string();
    assert!(branch.starts_with("postmortem/2026-03-01-"), "{branch}");
    s.git(["check-ref-format", "--branch", &branch]);
    // The title is kept (on one line) and parses back.
    let text = s.read(&path);
    assert!(text.contains("$(touch pwned)"), "{text}");
    let list = s.pm(["list", "--format", "json"]);
    let title_back = list.json()[0]["title"].as_str().map(str::to_string);
    assert!(
        title_back
            .as_deref()
            .is_some_and(|t| t.contains("`touch pwned2`") && t.contains("\"quotes\"")),
        "{title_back:?}"
    );
    // And in an action title and commit message.
    let id = Path::new(&path)
        .file_stem()
        .and_then(|s| s.to_str())
        .expect("stem")
        .to_string();
    s.pm([
        "action",
        "add",
        &id,
        "--title",
        title,
        "--owner",
        "$(touch pwned3)",
        "--due",
        "2026-04-01",
        "--commit",
    ])
    .ok();
    let message = s.git(["log", "-1", "--format=%B"]);
    assert!(message.contains("`touch pwned2`"), "{message}");
    sane(&s.pm(["check"]));
    no_pwned(&[&s.root, &s.home]);
}

#[test]
fn a_remote_url_with_spaces_is_passed_as_an_argument() {
    let s = Sandbox::initialised();
    s.pm([
        "new",
        "Cache outage",
        "--started",
        "2026-03-01T10:00:00Z",
        "--commit",
    ])
    .ok();
    for url in [
        "https://github.com/acme/post mortems $(touch pwned).git",
        "/tmp/no such/remote `touch pwned2`",
    ] {
        s.git_output(["remote", "remove", "origin"]);
        s.git(["remote", "add", "origin", url]);
        let out = s.pm(["pr", "--print"]);
        sane(&out);
        assert!(
            out.stdout.contains("Cache outage") || out.stderr.contains("cannot tell which forge"),
            "{out:?}"
        );
    }
    no_pwned(&[&s.root, &s.home]);
}

#[test]
fn commands_that_read_a_work_tree_say_so_in_a_bare_repository() {
    let s = Sandbox::new();
    let bare = s.root.join("bare.git");
    s.git(["init", "-q", "--bare", bare.to_str().expect("utf-8 path")]);
    for args in [vec!["list"], vec!["check"], vec!["followup"]] {
        s.pm_in(&bare, &args, None)
            .code(2)
            .stderr_has("bare repository")
            .stderr_has("--rev-range");
    }
}
