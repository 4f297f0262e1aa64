//! pm followup: overdue, due soon, reviews due and incomplete items around the as-of date, and
//! the progress since a revision or date, each change with its commit.

use crate::common::{ActionSpec, Doc, Sandbox};
use serde_json::{json, Value};

const X: &str = "2026-01-10-db-outage";

fn refs(list: &Value) -> Vec<String> {
    list.as_array()
        .expect("array")
        .iter()
        .map(|i| {
            i["ref"]
                .as_str()
                .or(i["postmortem"].as_str())
                .expect("ref")
                .to_string()
        })
        .collect()
}

/// Today is 2026-03-05 and due_soon_days is 7.
fn current() -> Sandbox {
    let s = Sandbox::initialised();
    let mut unowned = ActionSpec::new("A6", "Decide on a pool size", "x", "2026-02-20", "open");
    unowned.owner = None;
    let mut undated = ActionSpec::new(
        "A7",
        "Review the alert thresholds",
        "jo@example.com",
        "x",
        "open",
    );
    undated.due = None;
    let mut closed = Doc::new(X, "Database outage")
        .status("closed")
        .action(ActionSpec::new(
            "A1",
            "Alert on saturation",
            "sam@example.com",
            "2026-03-04",
            "open",
        ))
        .action(ActionSpec::new(
            "A2",
            "Runbook",
            "jo@example.com",
            "2026-03-05",
            "open",
        ))
        .action(ActionSpec::new(
            "A3",
            "Load test",
            "kim@example.com",
            "2026-03-12",
            "in-progress",
        ))
        .action(ActionSpec::new(
            "A4",
            "Capacity plan",
            "kim@example.com",
            "2026-03-13",
            "open",
        ))
        .action(ActionSpec::new(
            "A5",
            "Old fix",
            "kim@example.com",
            "2026-01-01",
            "done",
        ))
        .action(unowned)
        .action(undated);
    closed.followup_review = Some("2026-02-01".into());
    s.add_postmortem(&closed);
    let mut reviewed =
        Doc::new("2026-02-01-cache-latency", "Cache latency").action(ActionSpec::new(
            "A1",
            "Warm the cache",
            "lee@example.com",
            "2026-02-01",
            "in-progress",
        ));
    reviewed.severity = "SEV3".into();
    reviewed.followup_review = Some("2026-03-05".into());
    s.add_postmortem(&reviewed);
    let mut later = Doc::new("2026-02-20-later", "Later review");
    later.followup_review = Some("2026-03-06".into());
    s.add_postmortem(&later);
    s.commit_all("Add post-mortems", "2026-02-21T10:00:00Z");
    s
}

#[test]
fn overdue_due_soon_reviews_and_incomplete_around_today() {
    let s = current();
    let out = s.pm(["followup", "--format", "json"]);
    out.ok();
    let report = out.json();
    assert_eq!(report["as_of"], "2026-03-05");
    // Due today is not overdue; the post-mortem being closed does not hide its open items.
    assert_eq!(
        report["overdue"],
        json!([
            {"ref": "2026-02-01-cache-latency#A1", "postmortem": "2026-02-01-cache-latency",
             "title": "Warm the cache", "owner": "lee@example.com", "due": "2026-02-01",
             "status": "in-progress", "days_overdue": 32},
            {"ref": format!("{X}#A6"), "postmortem": X, "title": "Decide on a pool size",
             "owner": null, "due": "2026-02-20", "status": "open", "days_overdue": 13},
            {"ref": format!("{X}#A1"), "postmortem": X, "title": "Alert on saturation",
             "owner": "sam@example.com", "due": "2026-03-04", "status": "open", "days_overdue": 1},
        ])
    );
    assert_eq!(
        refs(&report["due_soon"]),
        [format!("{X}#A2"), format!("{X}#A3")]
    );
    assert_eq!(report["due_soon"][0]["days_until_due"], 0);
    assert_eq!(report["due_soon"][1]["days_until_due"], 7);
    // The closed post-mortem's review is not due; the one on the as-of date is.
    assert_eq!(
        report["reviews_due"],
        json!([{"postmortem": "2026-02-01-cache-latency", "followup_review": "2026-03-05"}])
    );
    assert_eq!(
        refs(&report["incomplete"]),
        [format!("{X}#A6"), format!("{X}#A7")]
    );
    assert_eq!(report["incomplete"][0]["missing"], json!(["owner"]));
    assert_eq!(report["incomplete"][1]["missing"], json!(["due"]));
    assert!(report.get("progress").is_none());

    // --due-within widens "soon"; --as-of moves today; --severity and --owner filter.
    let wider = s
        .pm(["followup", "--due-within", "8", "--format", "json"])
        .json();
    assert_eq!(refs(&wider["due_soon"]).len(), 3);
    let earlier = s
        .pm(["followup", "--as-of", "2026-03-04", "--format", "json"])
        .json();
    assert_eq!(refs(&earlier["overdue"]).len(), 2);
    let sev = s
        .pm(["followup", "--severity", "sev3", "--format", "json"])
        .json();
    assert_eq!(refs(&sev["overdue"]), ["2026-02-01-cache-latency#A1"]);
    let sam = s
        .pm(["followup", "--owner", "sam", "--format", "json"])
        .json();
    assert_eq!(refs(&sam["overdue"]), [format!("{X}#A1")]);
}

#[test]
fn fail_on_overdue_exits_1_and_markdown_is_pasteable() {
    let s = current();
    s.pm(["followup", "--fail-on-overdue"])
        .code(1)
        .stdout_has("Overdue (3)");
    s.pm(["followup", "--fail-on-overdue", "--as-of", "2026-01-05"])
        .ok();
    let out = s.pm(["followup", "--format", "markdown"]);
    out.ok()
        .stdout_has("## Follow-up review, 2026-03-05")
        .stdout_has("### Overdue (3)")
        .stdout_has(&format!(
            "| `{X}#A1` | Alert on saturation | sam@example.com | 2026-03-04 | **1** |"
        ))
        .stdout_has("### Due within 7 days (2)")
        .stdout_has("- `2026-02-01-cache-latency`: review was due 2026-03-05");
    let table = s.pm(["followup"]);
    table
        .ok()
        .stdout_has("Follow-up as of 2026-03-05")
        .stdout_has("missing owner");
}

fn action(id: &str, title: &str, owner: &str, due: &str, status: &str) -> ActionSpec {
    ActionSpec::new(id, title, owner, due, status)
}

/// A history with every kind of change, one commit at a time.
fn history() -> (Sandbox, Vec<String>) {
    let s = Sandbox::initialised();
    let base = Doc::new(X, "Database outage").status("draft");
    let v1 = base
        .clone()
        .action(action("A1", "Alert", "sam", "2026-02-01", "open"))
        .action(action("A2", "Runbook", "jo", "2026-01-20", "done"))
        .action(action("A3", "Load test", "kim", "2026-02-10", "open"))
        .action(action("A4", "Old title", "lee", "2026-02-15", "open"));
    s.add_postmortem(&v1);
    let c1 = s.commit_all("Open the post-mortem", "2026-01-10T10:00:00Z");
    s.add_postmortem(&Doc::new("2026-01-18-cache", "Cache"));
    let c2 = s.commit_all("Add the cache post-mortem", "2026-01-20T10:00:00Z");
    let v3 = base
        .clone()
        .status("in-review")
        .action(action("A5", "New item", "amal", "2026-03-01", "open"))
        .action(action("A1", "Alert", "sam", "2026-02-01", "done"))
        .action(action("A2", "Runbook", "jo", "2026-01-20", "open"))
        .action(action("A3", "Load test", "amal", "2026-02-24", "open"))
        .action(action("A4", "New title", "lee", "2026-02-08", "open"));
    s.add_postmortem(&v3);
    let c3 = s.commit_all("Review the items", "2026-02-02T10:00:00Z");
    let v4 = base
        .status("in-review")
        .action(action("A1", "Alert", "sam", "2026-02-01", "done"))
        .action(action("A2", "Runbook", "jo", "2026-01-20", "open"))
        .action(action(
            "A3",
            "Load test",
            "amal",
            "2026-02-24",
            "in-progress",
        ))
        .action(action("A4", "New title", "lee", "2026-02-08", "open"));
    s.add_postmortem(&v4);
    let c4 = s.commit_all("Drop A5", "2026-02-10T10:00:00Z");
    (s, vec![c1, c2, c3, c4])
}

fn changes(report: &Value) -> Vec<(String, String, Value, Value, String)> {
    report["progress"]["changes"]
        .as_array()
        .expect("changes")
        .iter()
        .map(|c| {
            (
                c["ref"].as_str().expect("ref").to_string(),
                c["change"].as_str().expect("change").to_string(),
                c["from"].clone(),
                c["to"].clone(),
                c["commit"].as_str().unwrap_or("uncommitted").to_string(),
            )
        })
        .collect()
}

#[test]
fn since_a_date_lists_every_kind_of_change_with_its_commit() {
    let (s, c) = history();
    // 2026-01-21 resolves to the last commit at or before it: c2.
    let report = s
        .pm(["followup", "--since", "2026-01-21", "--format", "json"])
        .json();
    assert_eq!(report["progress"]["since"]["commit"], c[1]);
    assert_eq!(report["progress"]["since"]["date"], "2026-01-20T10:00:00Z");
    let a = |id: &str| format!("{X}#{id}");
    let expected = vec![
        (
            X.to_string(),
            "postmortem_status_changed".to_string(),
            json!("draft"),
            json!("in-review"),
            c[2].clone(),
        ),
        (
            a("A5"),
            "added".into(),
            json!(null),
            json!("New item"),
            c[2].clone(),
        ),
        (
            a("A1"),
            "closed".into(),
            json!("open"),
            json!("done"),
            c[2].clone(),
        ),
        (
            a("A2"),
            "reopened".into(),
            json!("done"),
            json!("open"),
            c[2].clone(),
        ),
        (
            a("A3"),
            "reassigned".into(),
            json!("kim"),
            json!("amal"),
            c[2].clone(),
        ),
        (
            a("A3"),
            "due_changed".into(),
            json!("2026-02-10"),
            json!("2026-02-24"),
            c[2].clone(),
        ),
        (
            a("A4"),
            "due_changed".into(),
            json!("2026-02-15"),
            json!("2026-02-08"),
            c[2].clone(),
        ),
        (
            a("A4"),
            "retitled".into(),
            json!("Old title"),
            json!("New title"),
            c[2].clone(),
        ),
        (
            a("A3"),
            "status_changed".into(),
            json!("open"),
            json!("in-progress"),
            c[3].clone(),
        ),
        (
            a("A5"),
            "removed".into(),
            json!("New item"),
            json!(null),
            c[3].clone(),
        ),
    ];
    assert_eq!(changes(&report), expected);
    let first = &report["progress"]["changes"][0];
    assert_eq!(first["author"], "Test Author");
    assert_eq!(first["date"], "2026-02-02T10:00:00Z");

    // A revision works the same; from the first commit, the second post-mortem is added.
    let report = s
        .pm(["followup", "--since", &c[0], "--format", "json"])
        .json();
    let all = changes(&report);
    assert_eq!(
        all[0],
        (
            "2026-01-18-cache".into(),
            "postmortem_added".into(),
            json!(null),
            json!("Cache"),
            c[1].clone()
        )
    );
    assert_eq!(all.len(), expected.len() + 1);
    // A date before any commit: everything, from the first post-mortem on.
    let report = s
        .pm(["followup", "--since", "2025-12-01", "--format", "json"])
        .json();
    assert_eq!(report["progress"]["since"]["commit"], json!(null));
    assert_eq!(changes(&report)[0].1, "postmortem_added");

    // The table says what slipped and what moved earlier.
    s.pm(["followup", "--since", "2026-01-21"])
        .ok()
        .stdout_has("due date slipped 2026-02-10 → 2026-02-24 (+14 days)")
        .stdout_has("due date moved earlier 2026-02-15 → 2026-02-08")
        .stdout_has(&c[2][..7]);
    s.pm(["followup", "--since", "2026-01-21", "--format", "markdown"])
        .ok()
        .stdout_has(&format!(
            "| 2026-02-02 | `{}` | Test Author | `{X}#A1` | closed (open → done) |",
            &c[2][..7]
        ));
}

#[test]
fn uncommitted_changes_count_as_progress_and_rev_reads_history() {
    let (s, c) = history();
    s.pm(["action", "set", &format!("{X}#A2"), "--status", "done"])
        .ok();
    let report = s
        .pm(["followup", "--since", &c[3], "--format", "json"])
        .json();
    assert_eq!(
        changes(&report),
        [(
            format!("{X}#A2"),
            "closed".into(),
            json!("open"),
            json!("done"),
            "uncommitted".into()
        )]
    );
    assert_eq!(report["progress"]["changes"][0]["commit"], json!(null));
    // At c1, A2 was done and A1 open, due 2026-02-01.
    let at = s
        .pm(["followup", "--rev", &c[0], "--format", "json"])
        .json();
    assert!(refs(&at["overdue"]).contains(&format!("{X}#A1")));
    let progress = s
        .pm([
            "followup", "--rev", &c[2], "--since", &c[1], "--format", "json",
        ])
        .json();
    assert!(changes(&progress).iter().all(|ch| ch.4 == c[2]));
    s.pm(["followup", "--since", "no-such-rev"])
        .code(2)
        .stderr_has("no-such-rev");
}

#[test]
fn a_merge_is_one_change_on_the_first_parent_line_unless_all_parents() {
    let s = Sandbox::initialised();
    s.add_postmortem(&Doc::new(X, "Database outage").action(action(
        "A1",
        "Alert",
        "sam",
        "2026-02-01",
        "open",
    )));
    let c1 = s.commit_all("Open", "2026-01-10T10:00:00Z");
    s.git(["switch", "-q", "-c", "close-a1"]);
    s.add_postmortem(&Doc::new(X, "Database outage").action(action(
        "A1",
        "Alert",
        "sam",
        "2026-02-01",
        "done",
    )));
    let f1 = s.commit_all("Close A1", "2026-01-12T10:00:00Z");
    s.git(["switch", "-q", "main"]);
    s.add_postmortem(&Doc::new("2026-01-11-cache", "Cache"));
    let m1 = s.commit_all("Add cache", "2026-01-13T10:00:00Z");
    s.git(["merge", "-q", "--no-ff", "-m", "Merge close-a1", "close-a1"]);
    let merge = s.git(["rev-parse", "HEAD"]).trim().to_string();
    let first = s
        .pm(["followup", "--since", &c1, "--format", "json"])
        .json();
    let closed = |r: &Value| {
        changes(r)
            .into_iter()
            .find(|ch| ch.1 == "closed")
            .map(|ch| ch.4)
            .expect("closed")
    };
    assert_eq!(closed(&first), merge);
    assert_eq!(changes(&first).len(), 2);
    let all = s
        .pm([
            "followup",
            "--since",
            &c1,
            "--all-parents",
            "--format",
            "json",
        ])
        .json();
    assert_eq!(closed(&all), f1);
    assert_eq!(changes(&all).len(), 2);
    assert!(changes(&all)
        .iter()
        .any(|ch| ch.1 == "postmortem_added" && ch.4 == m1));
}

#[test]
fn a_shallow_clone_says_where_its_history_starts() {
    let (s, c) = history();
    let clone = s.home.join("clone");
    s.git([
        "clone",
        "-q",
        "--depth",
        "2",
        &format!("file://{}", s.root.display()),
        clone.to_str().expect("path"),
    ]);
    let out = s.pm_in(
        &clone,
        ["followup", "--since", "2025-12-01", "--format", "json"],
        None,
    );
    out.ok().stderr_has("shallow clone").stderr_has(&c[2][..7]);
    let report = out.json();
    assert_eq!(report["progress"]["history_starts"]["commit"], c[2]);
    assert_eq!(report["progress"]["since"]["commit"], c[2]);
    assert!(changes(&report).iter().all(|ch| ch.4 == c[3]), "{report}");
    assert_eq!(changes(&report).len(), 2);
    // A revision beyond the start of the clone is an error that says why.
    s.pm_in(&clone, ["followup", "--since", &c[0]], None)
        .code(2)
        .stderr_has("shallow");
}
