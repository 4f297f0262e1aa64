//! pm action list, add and set: listing across the repository, format-preserving edits, the
//! lock, and committing one file alone.

use crate::common::{ActionSpec, Doc, Sandbox};

const ID: &str = "2026-02-01-db-outage";
const PATH: &str = "postmortems/2026/2026-02-01-db-outage.md";

fn sandbox() -> Sandbox {
    let s = Sandbox::initialised();
    s.add_postmortem(
        &Doc::new(ID, "Database outage")
            .action(ActionSpec::new(
                "A1",
                "Alert on pool saturation",
                "sam@example.com",
                "2026-03-01",
                "open",
            ))
            .action(ActionSpec::new(
                "A2",
                "Write the runbook",
                "jo@example.com",
                "2026-03-20",
                "in-progress",
            ))
            .action(ActionSpec::new(
                "A3",
                "Load test",
                "kim@example.com",
                "2026-02-01",
                "done",
            )),
    );
    s.add_postmortem(
        &Doc::new("2026-02-10-cache-latency", "Cache latency").action(ActionSpec::new(
            "A1",
            "Cache warm-up",
            "sam@example.com",
            "2026-02-15",
            "open",
        )),
    );
    s.commit_all("Add post-mortems", "2026-02-11T10:00:00Z");
    s
}

/// A document with comments, odd spacing, aligned keys, CRLF line endings and a BOM.
const ODD: &str = "\u{feff}+++\r\nid = \"2026-02-20-odd\"   # keep this comment\r\ntitle   =   \"Odd formatting\"\r\nstatus = \"in-review\"\r\nseverity = \"SEV3\"\r\nstarted = 2026-02-20T10:00:00Z\r\n\r\n# Action items below.\r\n[[actions]]\r\nid     = \"A1\"\r\ntitle  = \"Alert when the queue backs up\"  # why: paging was late\r\nowner  = \"sam@example.com\"\r\ndue    = 2026-03-01\r\nstatus = \"open\"\r\n\r\n[[actions]]\r\n  id = \"A2\"\r\n  title = 'Literal title'\r\n  owner = \"jo@example.com\"\r\n  due = 2026-04-01\r\n  status = \"open\"\r\n+++\r\n\r\n# Odd formatting\r\n\r\nstatus = \"open\" is body text and stays.\r\n";
const ODD_PATH: &str = "postmortems/2026/2026-02-20-odd.md";

#[test]
fn list_filters_across_the_repository() {
    let s = sandbox();
    let out = s.pm(["action", "list", "--overdue", "--format", "json"]);
    out.ok();
    let refs: Vec<String> = out
        .json()
        .as_array()
        .expect("array")
        .iter()
        .map(|a| a["ref"].as_str().expect("ref").to_string())
        .collect();
    assert_eq!(
        refs,
        ["2026-02-10-cache-latency#A1", "2026-02-01-db-outage#A1"]
    );
    let out = s.pm([
        "action",
        "list",
        "--owner",
        "JO@",
        "--status",
        "in-progress",
    ]);
    out.ok().stdout_has("2026-02-01-db-outage#A2");
    assert_eq!(out.stdout.lines().count(), 2, "{}", out.stdout);
    let out = s.pm([
        "action",
        "list",
        "--due-before",
        "2026-02-16",
        "--format",
        "json",
    ]);
    assert_eq!(
        out.json().as_array().map(Vec::len),
        Some(2),
        "{}",
        out.stdout
    );
    s.pm(["action", "list", "--status", "finished"])
        .code(2)
        .stderr_has("open, in-progress, done, wont-do");
}

#[test]
fn set_changes_only_the_bytes_of_the_values() {
    let s = Sandbox::initialised();
    s.write(ODD_PATH, ODD);
    s.pm(["action", "set", "odd#A1", "--status", "done"])
        .ok()
        .stdout_has("2026-02-20-odd#A1: status open → done, closed 2026-03-05");
    let expected = ODD.replacen(
        "status = \"open\"\r\n\r\n[[actions]]",
        "status = \"done\"\r\nclosed = 2026-03-05\r\n\r\n[[actions]]",
        1,
    );
    assert_eq!(s.read(ODD_PATH), expected);
    // Reopening removes `closed` again: the file is byte for byte what it was.
    s.pm(["action", "set", "2026-02-20-odd#A1", "--status", "open"])
        .ok();
    assert_eq!(s.read_bytes(ODD_PATH), ODD.as_bytes());
    // A new key in an indented, unaligned table takes that table's style.
    s.pm([
        "action",
        "set",
        "odd#A2",
        "--owner",
        "amal@example.com",
        "--ticket",
        "OPS-7",
    ])
    .ok();
    let expected = ODD
        .replacen("\"jo@example.com\"", "\"amal@example.com\"", 1)
        .replacen(
            "  status = \"open\"\r\n+++",
            "  status = \"open\"\r\n  ticket = \"OPS-7\"\r\n+++",
            1,
        );
    assert_eq!(s.read(ODD_PATH), expected);
}

#[test]
fn awkward_values_round_trip() {
    let s = sandbox();
    let title = "Say \"no\" to 'quotes', \\ backslashes,\nnew lines and ünïcødé ✓ # not a comment";
    s.pm(["action", "set", &format!("{ID}#A2"), "--title", title])
        .ok();
    let shown = s.pm(["show", ID, "--format", "json"]);
    shown.ok();
    assert_eq!(shown.json()["actions"][1]["title"].as_str(), Some(title));
    s.pm(["check", PATH]);
}

#[test]
fn add_appends_the_next_free_id_in_the_same_style() {
    let s = sandbox();
    s.pm([
        "action",
        "add",
        "db-outage",
        "--title",
        "Cap the pool size",
        "--owner",
        "lee@example.com",
        "--due",
        "2026-04-01",
        "--kind",
        "prevent",
        "--priority",
        "P1",
    ])
    .ok()
    .stdout_has("2026-02-01-db-outage#A4: added");
    let text = s.read(PATH);
    assert!(
        text.contains(
            "kind = \"detect\"\npriority = \"P2\"\n\n[[actions]]\nid = \"A4\"\ntitle = \"Cap the pool size\"\nowner = \"lee@example.com\"\ndue = 2026-04-01\nstatus = \"open\"\nkind = \"prevent\"\npriority = \"P1\"\n+++\n"
        ),
        "{text}"
    );
    s.pm([
        "action",
        "add",
        "db-outage",
        "--title",
        "X",
        "--owner",
        "a",
        "--due",
        "2026-04-01",
        "--kind",
        "fix",
    ])
    .code(2)
    .stderr_has("prevent, mitigate, detect, process");
}

#[test]
fn commit_commits_the_file_alone_and_leaves_other_staged_changes_staged() {
    let s = sandbox();
    s.write("notes.txt", "staged work\n");
    s.git(["add", "notes.txt"]);
    s.pm([
        "action",
        "set",
        "db-outage#A1",
        "--status",
        "done",
        "--commit",
    ])
    .ok();
    let message = s.git(["log", "-1", "--format=%B"]);
    assert!(
        message.starts_with("Close 2026-02-01-db-outage#A1: Alert on pool saturation"),
        "{message}"
    );
    assert!(
        message.contains("\nPm-Action: 2026-02-01-db-outage#A1"),
        "{message}"
    );
    assert_eq!(
        s.git(["show", "--name-only", "--format=", "HEAD"]).trim(),
        PATH
    );
    assert_eq!(
        s.git(["diff", "--cached", "--name-only"]).trim(),
        "notes.txt"
    );
    assert_eq!(s.git(["status", "--porcelain", "--", PATH]), "");
    // -m replaces the subject; the trailer stays.
    s.pm([
        "action",
        "set",
        "db-outage#A2",
        "--owner",
        "amal@example.com",
        "--commit",
        "-m",
        "Hand over the runbook",
    ])
    .ok();
    assert_eq!(
        s.git(["log", "-1", "--format=%B"]).trim(),
        "Hand over the runbook\n\nPm-Action: 2026-02-01-db-outage#A2"
    );
}

#[test]
fn wont_do_needs_a_reason_and_bad_references_are_usage_errors() {
    let s = sandbox();
    let before = s.read_bytes(PATH);
    s.pm(["action", "set", "db-outage#A1", "--status", "wont-do"])
        .code(2)
        .stderr_has("--reason");
    assert_eq!(s.read_bytes(PATH), before);
    s.pm(["action", "set", "db-outage#A9", "--status", "done"])
        .code(2)
        .stderr_has("no action item `A9`")
        .stderr_has("A1, A2, A3");
    s.pm(["action", "set", "no-such-thing#A1", "--status", "done"])
        .code(2)
        .stderr_has("no post-mortem matches");
    s.pm(["action", "set", "db-outage", "--status", "done"])
        .code(2)
        .stderr_has("ID#A3");
    s.pm(["action", "set", "2026#A1", "--status", "done"])
        .code(2)
        .stderr_has("matches 2 post-mortems");
    assert_eq!(s.read_bytes(PATH), before);
    s.pm([
        "action",
        "set",
        "db-outage#A1",
        "--status",
        "wont-do",
        "--reason",
        "Replaced by A2",
    ])
    .ok();
    let text = s.read(PATH);
    assert!(
        text.contains("status = \"wont-do\"\nreason = \"Replaced by A2\"\n"),
        "{text}"
    );
}

#[test]
fn a_held_lock_makes_the_edit_wait_then_stop_naming_the_holder() {
    let s = sandbox();
    let lock_path = s.root.join(".git/pm.lock");
    let lock = std::fs::OpenOptions::new()
        .create(true)
        .truncate(true)
        .write(true)
        .open(&lock_path)
        .expect("lock file");
    lock.lock().expect("take the lock");
    std::fs::write(&lock_path, "pid 4242: pm action set x#A1").expect("holder");
    let before = s.read_bytes(PATH);
    s.pm(["action", "set", "db-outage#A1", "--status", "done"])
        .code(2)
        .stderr_has("pid 4242");
    assert_eq!(s.read_bytes(PATH), before);
    drop(lock);
    s.pm(["action", "set", "db-outage#A1", "--status", "done"])
        .ok();
}
