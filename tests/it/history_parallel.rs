//! Long histories are read in parallel runs of commits and blobs: the reports must not depend
//! on how the work was split, nor on which front matter takes the fast reader and which the
//! full one.

use crate::common::{tools, ActionSpec, Doc, Sandbox};
use serde_json::Value;
use std::ffi::OsStr;

const A: &str = "2025-03-01-cache-outage";
const B: &str = "2026-01-10-db-outage";

fn doc(id: &str, round: usize) -> Doc {
    let status = |n: usize| {
        if (round + n).is_multiple_of(3) {
            "done"
        } else {
            "open"
        }
    };
    let owner = if round.is_multiple_of(5) { "jo" } else { "sam" };
    let due = format!("2026-02-{:02}", 1 + round % 27);
    Doc::new(id, "An outage")
        .action(ActionSpec::new("A1", "Alert", owner, &due, status(0)))
        .action(ActionSpec::new(
            "A2",
            "Runbook",
            "amal",
            "2026-03-01",
            status(1),
        ))
}

/// The same report read by one thread and by several.
fn same_with_any_thread_count(s: &Sandbox, args: &[&str]) -> String {
    let run = |threads: &str| {
        let out = tools::pm_in(
            s,
            &s.root,
            args,
            &[("RAYON_NUM_THREADS", OsStr::new(threads))],
        );
        out.ok();
        out.stdout
    };
    let one = run("1");
    assert_eq!(one, run("4"), "{args:?}");
    assert_eq!(one, run("3"), "{args:?}");
    one
}

#[test]
fn a_long_history_reads_the_same_whatever_the_split() {
    let s = Sandbox::initialised();
    let root = s.git(["rev-parse", "HEAD"]);
    let root = root.trim();
    for round in 0..72 {
        let date = format!("2026-01-{:02}T{:02}:00:00Z", 1 + round / 24, round % 24);
        match round % 12 {
            // Front matter outside the plain subset: escapes, a multi-line array.
            3 => {
                let text = doc(A, round)
                    .front("title = \"An \\\"outage\\\"\"")
                    .render()
                    .replacen("title = \"An outage\"\n", "", 1);
                s.write(&format!("postmortems/2025/{A}.md"), text);
            }
            4 => {
                let text = doc(B, round).front("tickets = [\n  \"INC-1\",\n]").render();
                s.write(&format!("postmortems/2026/{B}.md"), text);
            }
            // A version that does not parse, then one that does again.
            7 => {
                s.write(
                    &format!("postmortems/2026/{B}.md"),
                    "+++\nid = \"x\nno end\n",
                );
            }
            // A commit outside the post-mortem folder.
            9 => {
                s.write("notes.txt", format!("round {round}\n"));
            }
            _ => {
                s.add_postmortem(&doc(A, round));
                s.add_postmortem(&doc(B, round + 1));
            }
        }
        s.commit_all(&format!("Round {round}"), &date);
    }

    let report = same_with_any_thread_count(
        &s,
        &[
            "followup",
            "--since",
            root,
            "--format",
            "json",
            "--as-of",
            "2026-03-05",
        ],
    );
    let report: Value = serde_json::from_str(&report).expect("json");
    let changes = report["progress"]["changes"].as_array().expect("changes");
    let count = |kind: &str| changes.iter().filter(|c| c["change"] == kind).count();
    assert!(count("closed") > 20, "{changes:?}");
    assert!(count("reopened") > 20, "{changes:?}");
    assert!(count("due_changed") > 20, "{changes:?}");
    assert!(count("reassigned") > 5, "{changes:?}");
    // The unparseable version counts as the post-mortem being gone, then back.
    assert!(
        count("removed") > 0 && count("postmortem_added") > 2,
        "{changes:?}"
    );

    same_with_any_thread_count(&s, &["followup", "--since", "HEAD~40"]);
    same_with_any_thread_count(
        &s,
        &["followup", "--since", "2026-01-02", "--format", "markdown"],
    );
    same_with_any_thread_count(&s, &["history", &format!("{A}#A1"), "--format", "json"]);
    same_with_any_thread_count(&s, &["history", B]);
    same_with_any_thread_count(&s, &["stats", "--format", "json"]);
}
