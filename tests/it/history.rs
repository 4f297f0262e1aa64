//! pm history and pm diff: one item's changes through the commits, following a moved file, and
//! the net changes between two revisions.

use crate::common::{ActionSpec, Doc, Sandbox};
use serde_json::{json, Value};

const X: &str = "2026-01-10-db-outage";

fn doc(a1: &str, a2_owner: &str) -> Doc {
    Doc::new(X, "Database outage")
        .action(ActionSpec::new("A1", "Alert", "sam", "2026-02-01", a1))
        .action(ActionSpec::new(
            "A2",
            "Runbook",
            a2_owner,
            "2026-02-10",
            "open",
        ))
}

fn rows(v: &Value) -> Vec<(String, String, String)> {
    v["changes"]
        .as_array()
        .expect("changes")
        .iter()
        .map(|c| {
            (
                c["ref"].as_str().expect("ref").to_string(),
                c["change"].as_str().expect("change").to_string(),
                c["commit"].as_str().unwrap_or("uncommitted").to_string(),
            )
        })
        .collect()
}

#[test]
fn history_follows_a_post_mortem_whose_file_moved() {
    let s = Sandbox::initialised();
    let old = s.add_postmortem(&doc("open", "jo"));
    let c1 = s.commit_all("Open", "2026-01-10T10:00:00Z");
    // Moved to another folder and A1 closed in the same commit; then moved again unchanged.
    std::fs::remove_file(s.root.join(&old)).expect("remove");
    s.write(
        &format!("postmortems/archive/{X}.md"),
        doc("done", "jo").render(),
    );
    let c2 = s.commit_all("Archive and close A1", "2026-02-01T10:00:00Z");
    std::fs::create_dir_all(s.root.join("postmortems/old")).expect("folder");
    s.git([
        "mv",
        &format!("postmortems/archive/{X}.md"),
        &format!("postmortems/old/{X}.md"),
    ]);
    s.commit_all("Move again", "2026-02-02T10:00:00Z");
    s.write(
        &format!("postmortems/old/{X}.md"),
        doc("done", "amal").render(),
    );
    let c4 = s.commit_all("Hand over A2", "2026-02-03T10:00:00Z");

    let a1 = s.pm(["history", "db-outage#A1", "--format", "json"]);
    a1.ok();
    let a1 = a1.json();
    assert_eq!(a1["ref"], format!("{X}#A1"));
    assert_eq!(
        rows(&a1),
        [
            (format!("{X}#A1"), "added".into(), c1.clone()),
            (format!("{X}#A1"), "closed".into(), c2.clone()),
        ]
    );
    let all = s.pm(["history", X, "--format", "json"]).json();
    assert_eq!(
        rows(&all),
        [
            (X.to_string(), "postmortem_added".into(), c1.clone()),
            (format!("{X}#A1"), "added".into(), c1.clone()),
            (format!("{X}#A2"), "added".into(), c1),
            (format!("{X}#A1"), "closed".into(), c2),
            (format!("{X}#A2"), "reassigned".into(), c4.clone()),
        ]
    );
    s.pm(["history", "db-outage#A2"])
        .ok()
        .stdout_has("reassigned jo → amal")
        .stdout_has(&c4[..7]);
    s.pm(["history", "db-outage#A9"]).code(2).stderr_has("A9");
    s.pm(["history", "nothing-like-it"])
        .code(2)
        .stderr_has("no post-mortem matches");
}

#[test]
fn a_deleted_post_mortem_keeps_its_history() {
    let s = Sandbox::initialised();
    let path = s.add_postmortem(&doc("open", "jo"));
    s.commit_all("Open", "2026-01-10T10:00:00Z");
    std::fs::remove_file(s.root.join(path)).expect("remove");
    let gone = s.commit_all("Remove", "2026-01-11T10:00:00Z");
    let out = s.pm(["history", "db-outage", "--format", "json"]).json();
    let rows = rows(&out);
    assert_eq!(rows.len(), 5, "{out}");
    assert_eq!(rows[4], (format!("{X}#A2"), "removed".into(), gone));
}

#[test]
fn diff_is_the_net_change_between_two_revisions_or_the_work_tree() {
    let s = Sandbox::initialised();
    s.add_postmortem(&doc("open", "jo"));
    let c1 = s.commit_all("Open", "2026-01-10T10:00:00Z");
    s.add_postmortem(&doc("done", "jo"));
    s.commit_all("Close A1", "2026-01-11T10:00:00Z");
    s.add_postmortem(&doc("open", "amal"));
    let c3 = s.commit_all("Reopen A1, hand over A2", "2026-01-12T10:00:00Z");
    // Closed then reopened: no net change to A1's status.
    let out = s.pm(["diff", &c1, &c3, "--format", "json"]);
    out.ok();
    let v = out.json();
    assert_eq!(v["from"], json!({"rev": c1, "commit": c1}));
    assert_eq!(
        v["changes"],
        json!([{"ref": format!("{X}#A2"), "change": "reassigned", "from": "jo", "to": "amal",
                "commit": null, "author": null, "date": null}])
    );
    // Against the work tree, uncommitted edits included.
    s.pm(["action", "set", &format!("{X}#A1"), "--due", "2026-02-05"])
        .ok();
    let out = s.pm(["diff", "HEAD"]);
    out.ok()
        .stdout_has("to the work tree (1)")
        .stdout_has("due date slipped 2026-02-01 → 2026-02-05 (+4 days)");
    s.pm(["diff", "HEAD~1", "--format", "markdown"])
        .ok()
        .stdout_has(&format!("| `{X}#A2` | reassigned jo → amal |"));
    s.pm(["diff", "nope"])
        .code(2)
        .stderr_has("`nope` is not a revision");
}
