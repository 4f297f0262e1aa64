//! Never losing data, with real processes: `pm action set` killed at random moments, many
//! `pm action set` runs racing on one file, a file changed while pm waits for the lock, and a
//! pre-commit hook that never touches the index or the working tree.
//!
//! The kill tests print their figures (`cargo test --test it crash_safety:: -- --nocapture`);
//! `PM_KILL_RUNS=N` runs N kills per test instead of the default.

use crate::common::tools::git_in;
use crate::common::{ActionSpec, Doc, Output, Sandbox};
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime};

const ID: &str = "2026-02-10-checkout-latency";
const REL: &str = "postmortems/2026/2026-02-10-checkout-latency.md";

/// A small seeded generator (xorshift64*): the same delays on every run of the test.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next() % n
        }
    }
}

fn doc_with_actions(n: usize) -> Doc {
    let mut doc = Doc::new(ID, "Checkout latency after a configuration change");
    for i in 1..=n {
        doc = doc.action(ActionSpec::new(
            &format!("A{i}"),
            &format!("Action number {i}"),
            "sam@example.com",
            "2026-04-01",
            "open",
        ));
    }
    doc
}

fn pm_command(s: &Sandbox, args: &[&str]) -> Command {
    let mut cmd = Command::new(crate::common::pm_binary());
    cmd.args(args).current_dir(&s.root);
    s.apply_env(&mut cmd);
    cmd.stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    cmd
}

/// Visible leftovers of an interrupted write: pm's temporary files.
fn temp_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in walk(dir) {
        let name = entry
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.starts_with(".pm-") && name.ends_with(".tmp") {
            found.push(entry);
        }
    }
    found
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(read) = std::fs::read_dir(dir) else {
        return out;
    };
    for entry in read.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n == ".git") {
                continue;
            }
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// Kills `pm ARGS` at seeded random moments; returns (runs, old, new, leftover temp files).
fn kill_runs(doc: &Doc, args: &[&str], runs: usize, seed: u64) -> (usize, usize, usize, usize) {
    let s = Sandbox::initialised();
    s.add_postmortem(doc);
    s.commit_all("Add the post-mortem", "2026-02-11T10:00:00Z");
    let path = s.root.join(REL);
    let old = s.read_bytes(REL);

    // One full run gives the new bytes and how long a run takes, so the kills spread over
    // the whole of it.
    let started = Instant::now();
    let status = pm_command(&s, args).status().expect("run pm");
    let full = started.elapsed();
    assert!(status.success(), "pm {args:?} failed");
    let new = s.read_bytes(REL);
    assert_ne!(old, new, "the edit changed nothing");

    let span = (full.as_micros() as u64) * 12 / 10;
    let mut rng = Rng(seed);
    let (mut landed_old, mut landed_new) = (0, 0);
    for run in 0..runs {
        std::fs::write(&path, &old).expect("restore the old version");
        let delay = match run % 10 {
            // Some kills right after the start, before pm has read anything.
            0 => rng.below(200),
            _ => rng.below(span),
        };
        let mut child = pm_command(&s, args).spawn().expect("spawn pm");
        std::thread::sleep(Duration::from_micros(delay));
        let _ = child.kill();
        let _ = child.wait();
        let now = std::fs::read(&path).expect("the file is still there");
        if now == old {
            landed_old += 1;
        } else if now == new {
            landed_new += 1;
        } else {
            panic!(
                "run {run} (killed after {delay} µs): the file is neither the old nor the new \
                 version ({} bytes; old {}, new {})",
                now.len(),
                old.len(),
                new.len()
            );
        }
    }
    std::fs::write(&path, &old).expect("restore");

    // A kill between creating the temporary file and renaming it leaves the temporary file:
    // pm passes over it everywhere.
    let leftovers = temp_files(&s.root);
    if !leftovers.is_empty() {
        let list = s.pm(["list", "--format", "json"]);
        list.ok();
        assert_eq!(list.json().as_array().map(Vec::len), Some(1), "{list:?}");
        assert!(!list.stderr.contains(".pm-"), "{}", list.stderr);
        let check = s.pm(["check"]);
        assert!(check.code == 0 || check.code == 1, "{check:?}");
        assert!(check.stdout.contains("in 1 file"), "{check:?}");
        assert!(
            !check.stdout.contains(".pm-") && !check.stderr.contains(".pm-"),
            "{check:?}"
        );
        s.git(["add", "-A"]);
        let staged = s.pm(["check", "--staged"]);
        assert!(!staged.stdout.contains(".pm-"), "{staged:?}");
        s.git(["reset", "-q"]);
        // Made old, the leftovers are removed by the next edit of a file in their folder.
        let past = SystemTime::now() - Duration::from_secs(3600);
        for file in &leftovers {
            std::fs::File::options()
                .write(true)
                .open(file)
                .and_then(|f| f.set_modified(past))
                .expect("age the leftover");
        }
    }
    // A fresh one may belong to a writer at work: it stays.
    let fresh = path.with_file_name(".pm-inuse.tmp");
    std::fs::write(&fresh, "in use").expect("write");

    // No lock is left behind by a killed run: the next one goes through at once.
    let out = s.pm(args);
    out.ok();
    assert!(!out.stderr.contains("waiting"), "{out:?}");
    assert_eq!(s.read_bytes(REL), new);
    assert_eq!(temp_files(&s.root), vec![fresh]);
    (runs, landed_old, landed_new, leftovers.len())
}

fn runs_wanted(default: usize) -> usize {
    std::env::var("PM_KILL_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[test]
fn a_killed_status_change_leaves_the_old_or_the_new_file() {
    let args = ["action", "set", &format!("{ID}#A1"), "--status", "done"].map(|s| s.to_string());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let doc = doc_with_actions(3);
    let (runs, old, new, left) = kill_runs(&doc, &args, runs_wanted(220), 0x9E37_79B9_7F4A_7C15);
    eprintln!(
        "kill runs (status): {runs} runs, {old} left the old file, {new} the new one, \
         0 torn; {left} temporary files left behind"
    );
    assert_eq!(old + new, runs);
}

#[test]
fn a_killed_long_title_change_leaves_the_old_or_the_new_file() {
    // A 100 kB title (about the most one argument may hold) in a 3 MB post-mortem: writing
    // and flushing the file take long enough for kills to land in them.
    let title = "Validate the connection pool limit at load time. ".repeat(2_000);
    let reference = format!("{ID}#A2");
    let args = ["action", "set", &reference, "--title", &title];
    let doc = doc_with_actions(3).section(
        "Open Discussion",
        &"The pool limit was read from the file without a lower bound. ".repeat(48_000),
    );
    let (runs, old, new, left) = kill_runs(&doc, &args, runs_wanted(100), 0xD1B5_4A32_D192_ED03);
    eprintln!(
        "kill runs (100 kB title, 3 MB file): {runs} runs, {old} left the old file, {new} the new one, \
         0 torn; {left} temporary files left behind"
    );
    assert_eq!(old + new, runs);
}

/// Runs `count` `pm action set` on actions A1..A<count> at once, `rounds` times; every change
/// must land.
fn race(count: usize, rounds: usize) {
    let s = Sandbox::initialised();
    s.add_postmortem(&doc_with_actions(count));
    s.commit_all("Add the post-mortem", "2026-02-11T10:00:00Z");
    for round in 0..rounds {
        let mut children = Vec::new();
        for i in 1..=count {
            let reference = format!("{ID}#A{i}");
            let owner = format!("r{round}-a{i}@example.com");
            let mut cmd = pm_command(&s, &["action", "set", &reference, "--owner", &owner]);
            cmd.stderr(Stdio::piped());
            children.push(cmd.spawn().expect("spawn pm"));
        }
        for (i, child) in children.into_iter().enumerate() {
            let out = child.wait_with_output().expect("wait");
            assert!(
                out.status.success(),
                "round {round}, A{}: {}",
                i + 1,
                String::from_utf8_lossy(&out.stderr)
            );
        }
        let text = s.read(REL);
        for i in 1..=count {
            assert!(
                text.contains(&format!("owner = \"r{round}-a{i}@example.com\"")),
                "round {round}: the change to A{i} was lost:\n{text}"
            );
        }
    }
    let check = s.pm(["check", REL]);
    check.ok();
}

#[test]
fn two_runs_editing_different_actions_at_once_both_land() {
    race(2, 60);
}

#[test]
fn eight_runs_editing_different_actions_at_once_all_land() {
    race(8, 20);
}

fn hold_lock(s: &Sandbox, holder: &str) -> std::fs::File {
    let path = s.root.join(".git/pm.lock");
    let mut file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .expect("open the lock");
    file.lock().expect("lock");
    file.set_len(0).expect("truncate");
    write!(file, "{holder}").expect("write holder");
    file
}

#[test]
fn a_lock_held_too_long_is_reported_clearly_and_nothing_is_written() {
    let s = Sandbox::initialised();
    s.add_postmortem(&doc_with_actions(2));
    s.commit_all("Add the post-mortem", "2026-02-11T10:00:00Z");
    let before = s.read_bytes(REL);
    let lock = hold_lock(&s, "pid 4242: pm action set other#A9 --status done");
    let reference = format!("{ID}#A1");
    let out = s.pm(["action", "set", &reference, "--status", "done"]);
    out.code(2)
        .stderr_has("pid 4242: pm action set other#A9")
        .stderr_has("pm.lock")
        .stderr_has("wait for it to finish and run again");
    assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
    assert_eq!(s.read_bytes(REL), before);
    drop(lock);
    s.pm(["action", "set", &reference, "--status", "done"]).ok();
}

/// Starts `pm ARGS` while the test holds the lock; returns once pm says it is waiting.
fn start_waiting(
    s: &Sandbox,
    args: &[&str],
) -> (std::process::Child, std::thread::JoinHandle<String>) {
    let mut cmd = pm_command(s, args);
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn pm");
    let stderr = child.stderr.take().expect("stderr");
    let (tx, rx) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        let mut all = String::new();
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if line.contains("waiting for another pm") {
                let _ = tx.send(());
            }
            all.push_str(&line);
            all.push('\n');
        }
        all
    });
    rx.recv_timeout(Duration::from_secs(4))
        .expect("pm says it waits for the lock");
    (child, reader)
}

#[test]
fn a_file_changed_while_pm_waits_gets_the_edit_on_top_of_the_change() {
    let s = Sandbox::initialised();
    s.add_postmortem(&doc_with_actions(2));
    s.commit_all("Add the post-mortem", "2026-02-11T10:00:00Z");
    let lock = hold_lock(&s, "pid 1: the test");
    let reference = format!("{ID}#A1");
    let (child, reader) = start_waiting(&s, &["action", "set", &reference, "--status", "done"]);
    // An editor saves another change meanwhile.
    let edited = s.read(REL).replacen(
        "title = \"Action number 2\"",
        "title = \"Saved by an editor\"",
        1,
    );
    assert!(edited.contains("Saved by an editor"));
    s.write(REL, &edited);
    drop(lock);
    let out = child.wait_with_output().expect("wait");
    let stderr = reader.join().expect("reader");
    assert!(out.status.success(), "{stderr}");
    let text = s.read(REL);
    assert!(
        text.contains("Saved by an editor"),
        "the editor's change was lost:\n{text}"
    );
    assert!(
        text.contains("status = \"done\""),
        "pm's change was lost:\n{text}"
    );
    // Only pm's change was added to what the editor saved.
    let expected = edited.replacen(
        "status = \"open\"",
        "status = \"done\"\nclosed = 2026-03-05",
        1,
    );
    assert_eq!(text, expected);
}

#[test]
fn a_file_changed_under_pm_so_the_edit_no_longer_applies_is_refused_and_kept() {
    let s = Sandbox::initialised();
    s.add_postmortem(&doc_with_actions(2));
    s.commit_all("Add the post-mortem", "2026-02-11T10:00:00Z");
    let lock = hold_lock(&s, "pid 1: the test");
    let reference = format!("{ID}#A2");
    let (child, reader) = start_waiting(&s, &["action", "set", &reference, "--status", "done"]);
    // The editor removes A2 while pm waits.
    let text = s.read(REL);
    let start = text.rfind("[[actions]]").expect("A2's table");
    let end = text[start..].find("+++").map(|e| start + e).expect("end");
    let edited = format!("{}{}", &text[..start], &text[end..]);
    s.write(REL, &edited);
    drop(lock);
    let out = child.wait_with_output().expect("wait");
    let stderr = reader.join().expect("reader");
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("has no action item `A2`"), "{stderr}");
    assert_eq!(s.read(REL), edited, "the editor's version was overwritten");
}

// --- The pre-commit hook never touches the index or the working tree -----------------------

/// Everything a commit (blocked or allowed) must not change besides HEAD: the index entries,
/// both diffs, and every working-tree file's bytes and modification time.
#[derive(Debug, PartialEq, Eq)]
struct Tree {
    entries: String,
    unstaged: String,
    files: BTreeMap<PathBuf, (Vec<u8>, SystemTime)>,
}

fn tree(s: &Sandbox) -> Tree {
    let mut files = BTreeMap::new();
    for path in walk(&s.root) {
        let meta = std::fs::metadata(&path).expect("stat");
        let bytes = std::fs::read(&path).expect("read");
        files.insert(path, (bytes, meta.modified().expect("mtime")));
    }
    Tree {
        entries: s.git(["ls-files", "-s"]),
        unstaged: s.git(["diff"]),
        files,
    }
}

fn commit(s: &Sandbox, args: &[&str]) -> Output {
    git_in(s, &s.root, args, &[])
}

fn hooked() -> Sandbox {
    let s = Sandbox::initialised();
    s.pm(["hooks", "install"]).ok();
    s.add_postmortem(&doc_with_actions(1));
    s.commit_all("Add the post-mortem", "2026-02-11T10:00:00Z");
    // mtimes one second apart at least would show a rewrite; make sure a rewrite now would
    // not land in the same timestamp as the original write.
    std::thread::sleep(Duration::from_millis(20));
    s
}

const BLAMEFUL: &str = "The outage was caused by human error during the rollout.";

fn blameful() -> String {
    doc_with_actions(1)
        .section("Root Cause Analysis", BLAMEFUL)
        .render()
}

fn fine() -> String {
    doc_with_actions(1)
        .section(
            "Summary",
            "Checkout requests were slow for one hour after a pool change.",
        )
        .render()
}

#[test]
fn a_blocked_commit_leaves_index_and_working_tree_untouched() {
    let s = hooked();
    s.write(REL, blameful());
    s.git(["add", REL]);
    let cached = s.git(["diff", "--cached"]);
    let before = tree(&s);
    let out = commit(&s, &["commit", "-q", "-m", "blameful"]);
    assert_ne!(out.code, 0, "the hook let it through: {out:?}");
    assert!(
        out.stderr.contains("blameless/human-error"),
        "{}",
        out.stderr
    );
    assert_eq!(tree(&s), before);
    assert_eq!(s.git(["diff", "--cached"]), cached);
}

#[test]
fn an_allowed_commit_changes_nothing_but_head() {
    let s = hooked();
    s.write(REL, fine());
    s.git(["add", REL]);
    let before = tree(&s);
    commit(&s, &["commit", "-q", "-m", "fine"]).ok();
    assert_eq!(tree(&s), before);
    assert_eq!(s.git(["diff", "--cached"]), "");
}

#[test]
fn partial_staging_is_judged_by_the_staged_half_and_both_halves_survive() {
    // Staged fine, unstaged blameful: allowed, and the unstaged half stays in the file.
    let s = hooked();
    s.write(REL, fine());
    s.git(["add", REL]);
    s.write(REL, blameful());
    let before = tree(&s);
    commit(&s, &["commit", "-q", "-m", "staged half"]).ok();
    assert_eq!(tree(&s), before);
    assert_eq!(s.read(REL), blameful());

    // Staged blameful, unstaged fine: blocked, and nothing moves.
    let s = hooked();
    s.write(REL, blameful());
    s.git(["add", REL]);
    s.write(REL, fine());
    let cached = s.git(["diff", "--cached"]);
    let before = tree(&s);
    let out = commit(&s, &["commit", "-q", "-m", "staged half"]);
    assert_ne!(out.code, 0, "{out:?}");
    assert_eq!(tree(&s), before);
    assert_eq!(s.git(["diff", "--cached"]), cached);
}

#[test]
fn in_the_middle_of_a_merge_the_hook_runs_and_touches_nothing() {
    let s = hooked();
    s.git(["switch", "-q", "-c", "side"]);
    s.write(REL, s.read(REL).replace("Action number 1", "Side title"));
    s.commit_all("side", "2026-02-12T10:00:00Z");
    s.git(["switch", "-q", "main"]);
    s.write(REL, s.read(REL).replace("Action number 1", "Main title"));
    s.commit_all("main", "2026-02-12T11:00:00Z");
    let merge = s.git_output(["merge", "-q", "side"]);
    assert_ne!(merge.code, 0, "expected a conflict: {merge:?}");

    // Conflicted: pm check --staged passes over the unmerged entries without crashing.
    let staged = s.pm(["check", "--staged"]);
    staged.ok().stdout_has("in 0 files");

    // Resolved blamefully: the merge commit is stopped, the merge state kept.
    s.write(REL, blameful());
    s.git(["add", REL]);
    let before = tree(&s);
    let out = commit(&s, &["commit", "--no-edit"]);
    assert_ne!(out.code, 0, "{out:?}");
    assert!(
        out.stderr.contains("blameless/human-error"),
        "{}",
        out.stderr
    );
    assert_eq!(tree(&s), before);
    assert!(
        s.root.join(".git/MERGE_HEAD").exists(),
        "the merge state was lost"
    );

    // Resolved well: the merge commit goes through.
    s.write(REL, fine());
    s.git(["add", REL]);
    let before = tree(&s);
    commit(&s, &["commit", "-q", "--no-edit"]).ok();
    assert_eq!(tree(&s), before);
    let parents = s.git(["rev-list", "--parents", "-n", "1", "HEAD"]);
    assert_eq!(parents.split_whitespace().count(), 3, "{parents}");
}
