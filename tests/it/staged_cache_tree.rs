//! `pm check --staged` in an index whose cache-tree (git's record of the tree each folder's
//! entries make) says which year folders are untouched: the hook still finds exactly the staged
//! post-mortems, whatever state that record is in.

use crate::common::{Doc, Output, Sandbox};
use std::collections::BTreeSet;

const BLAMEFUL: &str = "The outage was caused by human error during the rollout.";

/// A post-mortem with no finding.
fn good(id: &str) -> Doc {
    Doc::new(id, "Checkout latency after a configuration change")
}

/// The same post-mortem with a finding, so that a check of it shows in the report.
fn bad(id: &str) -> String {
    good(id).section("Root Cause Analysis", BLAMEFUL).render()
}

fn rel(id: &str) -> String {
    format!("postmortems/{}/{id}.md", &id[..4])
}

const YEARS: [&str; 4] = ["2022", "2023", "2024", "2025"];

/// Three committed, good post-mortems in each of four year folders, and an index whose
/// cache-tree is complete (git writes it on commit).
fn repo_with_years() -> Sandbox {
    let s = Sandbox::initialised();
    for year in YEARS {
        for n in 1..=3 {
            s.add_postmortem(&good(&format!("{year}-0{n}-10-incident-{n}")));
        }
    }
    s.commit_all("Four years of post-mortems", "2026-01-05T10:00:00Z");
    assert!(
        has_cache_tree(&s),
        "git wrote no cache-tree: the tests below test nothing"
    );
    s
}

/// Precondition of these tests (not what they assert): the index records its folders' trees.
fn has_cache_tree(s: &Sandbox) -> bool {
    s.read_bytes(".git/index").windows(4).any(|w| w == b"TREE")
}

/// What `pm check --staged --format json` checked: (number of files, paths with a finding).
#[track_caller]
fn staged(s: &Sandbox) -> (u64, BTreeSet<String>) {
    let out = s.pm(["check", "--staged", "--format", "json"]);
    report(&out)
}

#[track_caller]
fn report(out: &Output) -> (u64, BTreeSet<String>) {
    assert!(out.code == 0 || out.code == 1, "{out:?}");
    let json = out.json();
    let checked = json["files_checked"].as_u64().expect("files_checked");
    let paths = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| d["path"].as_str().expect("path").to_string())
        .collect();
    (checked, paths)
}

fn set(paths: &[&str]) -> BTreeSet<String> {
    paths.iter().map(|p| p.to_string()).collect()
}

#[test]
fn a_clean_index_checks_nothing() {
    let s = repo_with_years();
    assert_eq!(staged(&s), (0, set(&[])));
    s.git(["read-tree", "HEAD"]);
    assert_eq!(staged(&s), (0, set(&[])));
}

#[test]
fn a_modified_post_mortem_is_found_beside_untouched_year_folders() {
    let s = repo_with_years();
    let changed = rel("2024-02-10-incident-2");
    s.write(&changed, bad("2024-02-10-incident-2"));
    s.git(["add", &changed]);
    assert_eq!(staged(&s), (1, set(&[&changed])));

    // A second one in another year folder, added after the first.
    let added = rel("2022-07-01-new-one");
    s.write(&added, bad("2022-07-01-new-one"));
    s.git(["add", &added]);
    assert_eq!(staged(&s), (2, set(&[&changed, &added])));
}

#[test]
fn an_index_written_out_as_trees_still_shows_its_staged_files() {
    // `git write-tree` makes every folder of the cache-tree valid again, the changed one
    // included: valid, but not HEAD's.
    let s = repo_with_years();
    let changed = rel("2023-03-10-incident-3");
    s.write(&changed, bad("2023-03-10-incident-3"));
    s.git(["add", &changed]);
    s.git(["write-tree"]);
    assert_eq!(staged(&s), (1, set(&[&changed])));
}

#[test]
fn an_index_read_from_another_commit_is_compared_with_head() {
    // `git read-tree` writes a complete cache-tree for the commit it reads; every folder where
    // that commit differs from HEAD holds staged changes.
    let s = Sandbox::initialised();
    for year in YEARS {
        s.add_postmortem(&good(&format!("{year}-01-10-incident-1")));
    }
    let old_2023 = rel("2023-05-05-before");
    let old_2025 = rel("2025-05-05-before");
    s.write(&old_2023, bad("2023-05-05-before"));
    s.write(&old_2025, bad("2025-05-05-before"));
    let first = s.commit_all("With findings", "2026-01-05T10:00:00Z");
    s.add_postmortem(&good("2023-05-05-before"));
    s.add_postmortem(&good("2025-05-05-before"));
    s.commit_all("Fixed", "2026-01-06T10:00:00Z");
    assert_eq!(staged(&s), (0, set(&[])));

    s.git(["read-tree", &first]);
    assert!(has_cache_tree(&s));
    assert_eq!(staged(&s), (2, set(&[&old_2023, &old_2025])));
}

#[test]
fn a_deleted_and_re_added_post_mortem_is_found_when_it_changed() {
    let s = repo_with_years();
    let path = rel("2025-01-10-incident-1");
    // Removed and added back as it was: nothing to commit, nothing to check.
    s.git(["rm", "-q", "--cached", &path]);
    s.git(["add", &path]);
    assert_eq!(staged(&s), (0, set(&[])));

    s.git(["rm", "-q", "--cached", &path]);
    s.write(&path, bad("2025-01-10-incident-1"));
    s.git(["add", &path]);
    assert_eq!(staged(&s), (1, set(&[&path])));
}

#[test]
fn a_mode_change_alone_is_checked() {
    let s = Sandbox::initialised();
    for year in YEARS {
        s.add_postmortem(&good(&format!("{year}-01-10-incident-1")));
    }
    // Committed with its finding, without the hook: only a new commit of it is checked.
    let path = rel("2024-04-04-committed-as-is");
    s.write(&path, bad("2024-04-04-committed-as-is"));
    s.commit_all("As is", "2026-01-05T10:00:00Z");
    assert_eq!(staged(&s), (0, set(&[])));

    s.git(["update-index", "--chmod=+x", &path]);
    assert_eq!(staged(&s), (1, set(&[&path])));
}

#[test]
fn a_post_mortem_in_a_new_year_folder_is_found() {
    let s = repo_with_years();
    let path = rel("2026-02-02-first-of-the-year");
    s.write(&path, bad("2026-02-02-first-of-the-year"));
    s.git(["add", &path]);
    assert_eq!(staged(&s), (1, set(&[&path])));
}

#[test]
fn a_deleted_year_folder_checks_nothing_and_its_ids_are_gone() {
    let s = repo_with_years();
    s.git(["rm", "-r", "-q", "--cached", "postmortems/2023"]);
    assert_eq!(staged(&s), (0, set(&[])));

    // Its IDs no longer count for duplicates; those of the untouched folders still do.
    let reused = "postmortems/2026/2023-01-10-incident-1.md";
    s.write(reused, good("2023-01-10-incident-1").render());
    let twin = "postmortems/2026/2024-01-10-incident-1.md";
    s.write(twin, good("2024-01-10-incident-1").render());
    s.git(["add", reused, twin]);
    let out = s.pm(["check", "--staged", "--format", "json"]);
    assert_eq!(report(&out), (2, set(&[twin])));
    let json = out.json();
    let diagnostic = &json["diagnostics"][0];
    assert_eq!(diagnostic["rule"], "frontmatter/duplicate-id");
    let message = diagnostic["message"].as_str().expect("message");
    assert!(
        message.contains("postmortems/2024/2024-01-10-incident-1.md"),
        "{message}"
    );
}

#[test]
fn an_index_without_a_cache_tree_is_compared_in_full() {
    let s = repo_with_years();
    let changed = rel("2022-03-10-incident-3");
    s.write(&changed, bad("2022-03-10-incident-3"));
    s.git(["add", &changed]);
    // Rebuilt entry by entry: git records no valid folder tree for such an index.
    let listing = s.git(["ls-files", "-s"]);
    std::fs::remove_file(s.root.join(".git/index")).expect("remove the index");
    let mut cmd = std::process::Command::new("git");
    cmd.args(["update-index", "--index-info"])
        .current_dir(&s.root)
        .stdin(std::process::Stdio::piped());
    s.apply_env(&mut cmd);
    let mut child = cmd.spawn().expect("git update-index");
    std::io::Write::write_all(&mut child.stdin.take().expect("stdin"), listing.as_bytes())
        .expect("write the listing");
    assert!(child.wait().expect("git update-index").success());
    assert_eq!(staged(&s), (1, set(&[&changed])));
}

#[test]
fn index_version_4_is_read_with_its_cache_tree() {
    let s = repo_with_years();
    s.git(["update-index", "--index-version", "4"]);
    assert_eq!(staged(&s), (0, set(&[])));
    let changed = rel("2025-03-10-incident-3");
    s.write(&changed, bad("2025-03-10-incident-3"));
    let added = rel("2026-01-01-new-year");
    s.write(&added, bad("2026-01-01-new-year"));
    s.git(["add", &changed, &added]);
    assert_eq!(staged(&s), (2, set(&[&changed, &added])));
    s.git(["write-tree"]);
    assert_eq!(staged(&s), (2, set(&[&changed, &added])));
    s.git(["read-tree", "HEAD"]);
    assert_eq!(staged(&s), (0, set(&[])));
}

#[test]
fn the_hook_stops_commit_a_and_commit_path_and_leaves_the_index_alone() {
    let s = repo_with_years();
    s.pm(["hooks", "install"]).ok();
    let changed = rel("2024-01-10-incident-1");
    s.write(&changed, bad("2024-01-10-incident-1"));
    let index = s.read_bytes(".git/index");

    for args in [
        vec!["commit", "-q", "-a", "-m", "all"],
        vec!["commit", "-q", "-m", "one", changed.as_str()],
    ] {
        let out = s.git_output(&args);
        assert_ne!(out.code, 0, "{args:?} went through: {out:?}");
        assert!(
            out.stderr.contains(&changed) || out.stdout.contains(&changed),
            "{out:?}"
        );
        assert_eq!(
            s.read_bytes(".git/index"),
            index,
            "{args:?} left the index changed"
        );
    }

    s.write(
        &changed,
        good("2024-01-10-incident-1")
            .section("Summary", "Slow.")
            .render(),
    );
    s.git(["commit", "-q", "-a", "-m", "fixed"]);
    assert_eq!(staged(&s), (0, set(&[])));
}

/// A split index (`git update-index --split-index`, or `core.splitIndex`) is one libgit2 cannot
/// read ("unsupported mandatory extension: 'link'"): the hook reads it through git instead, and
/// still stops a blameful commit and lets a clean one through.
#[test]
fn a_split_index_is_read_through_git() {
    let s = repo_with_years();
    s.git(["update-index", "--split-index"]);
    s.pm(["hooks", "install"]).ok();
    let changed = rel("2023-02-10-incident-2");
    let added = rel("2026-01-04-new-incident");
    s.write(&changed, bad("2023-02-10-incident-2"));
    s.write(&added, bad("2026-01-04-new-incident"));
    s.git(["add", "-A"]);
    assert!(
        std::fs::read_dir(s.root.join(".git"))
            .expect(".git")
            .any(|e| e.is_ok_and(|e| e.file_name().to_string_lossy().starts_with("sharedindex."))),
        "git wrote no shared index: this test tests nothing"
    );
    assert_eq!(staged(&s), (2, set(&[&changed, &added])));

    let out = s.git_output(["commit", "-q", "-m", "blameful"]);
    assert_ne!(out.code, 0, "the commit went through: {out:?}");
    assert!(out.stderr.contains("human error"), "{out:?}");

    s.write(&changed, good("2023-02-10-incident-2").render());
    s.write(&added, good("2026-01-04-new-incident").render());
    s.git(["add", "-A"]);
    // The first is back to its committed content: only the new one is staged.
    assert_eq!(staged(&s), (1, set(&[])));
    s.git(["commit", "-q", "-m", "clean"]);
    assert_eq!(staged(&s), (0, set(&[])));
}
