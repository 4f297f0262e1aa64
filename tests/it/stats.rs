//! pm stats: medians and nearest-rank 90th percentiles, action follow-through, recurrence and
//! follow-up reviews, over a repository where every expected figure is known.

use crate::common::{ActionSpec, Doc, Sandbox};

/// Five incidents. Minutes to detect: 5, 10, 15, 20, 25. To mitigate: 20, 40, 60, 80 (one has
/// no `mitigated`). To resolve: 30, 60, 90, 120, 600.
///
/// The repository has no commit yet, so action dates come from the front matter.
fn repository() -> Sandbox {
    let s = Sandbox::new();
    s.pm(["init"]).ok();
    let at = |date: &str, hh_mm: &str| Some(format!("{date}T{hh_mm}:00Z"));
    let mut docs = Vec::new();
    for (id, severity, services, detect, mitigate, resolve) in [
        (
            "2026-01-10-a",
            "SEV1",
            vec!["checkout", "db"],
            "10:05",
            Some("10:20"),
            "10:30",
        ),
        (
            "2026-01-20-b",
            "SEV2",
            vec!["checkout"],
            "10:10",
            Some("10:40"),
            "11:00",
        ),
        (
            "2026-02-05-c",
            "SEV2",
            vec!["search"],
            "10:15",
            Some("11:00"),
            "11:30",
        ),
        (
            "2026-02-15-d",
            "SEV3",
            vec!["checkout", "checkout"],
            "10:20",
            Some("11:20"),
            "12:00",
        ),
        ("2026-03-01-e", "SEV1", vec!["db"], "10:25", None, "20:00"),
    ] {
        let date = &id[..10];
        let mut doc = Doc::new(id, &format!("Incident {id}"));
        doc.severity = severity.into();
        doc.services = services.into_iter().map(String::from).collect();
        doc.detected = at(date, detect);
        doc.mitigated = mitigate.and_then(|m| at(date, m));
        doc.resolved = at(date, resolve);
        docs.push(doc);
    }
    // Actions: done on time (10 days), done late (20 days), done with no close date, won't do,
    // open and overdue, open not yet due, in progress.
    docs[0] = docs[0]
        .clone()
        .status("closed")
        .front("followup_review = 2026-02-01")
        .action(
            ActionSpec::new("A1", "Alert", "sam@example.com", "2026-01-20", "done")
                .with("created", "2026-01-05")
                .with("closed", "2026-01-15"),
        )
        .action(
            ActionSpec::new("A2", "Runbook", "jo@example.com", "2026-01-25", "done")
                .with("created", "2026-01-10")
                .with("closed", "2026-01-30"),
        )
        .action(ActionSpec::new(
            "A3",
            "Test",
            "jo@example.com",
            "2026-01-25",
            "done",
        ));
    docs[1] = docs[1]
        .clone()
        .front("followup_review = 2026-02-15")
        .action(
            ActionSpec::new("A1", "Rewrite", "kim@example.com", "2026-02-01", "wont-do")
                .with("reason", "\"superseded by A2\""),
        )
        .action(ActionSpec::new(
            "A2",
            "Limit",
            "kim@example.com",
            "2026-02-20",
            "open",
        ));
    docs[2] = docs[2]
        .clone()
        .front("followup_review = 2026-04-01")
        .action(ActionSpec::new(
            "A1",
            "Cache",
            "lee@example.com",
            "2026-04-01",
            "open",
        ))
        .action(ActionSpec::new(
            "A2",
            "Docs",
            "lee@example.com",
            "2026-04-10",
            "in-progress",
        ));
    for doc in &docs {
        s.add_postmortem(doc);
    }
    s
}

#[test]
fn medians_and_p90_are_exact_and_actions_add_up() {
    let s = repository();
    let json = s.pm(["stats", "--format", "json"]).ok().json();
    assert_eq!(json["postmortems"], 5);
    assert_eq!(json["dates_from"], "front-matter");
    assert_eq!(json["time_to_detect"]["median_minutes"], 15.0);
    assert_eq!(json["time_to_detect"]["p90_minutes"], 25);
    // Four values: the median is the mean of the middle two; p90 is rank ceil(3.6) = 4.
    assert_eq!(json["time_to_mitigate"]["count"], 4);
    assert_eq!(json["time_to_mitigate"]["median_minutes"], 50.0);
    assert_eq!(json["time_to_mitigate"]["p90_minutes"], 80);
    // Skewed: the median is 90 minutes while the mean would be 180.
    assert_eq!(json["time_to_resolve"]["median_minutes"], 90.0);
    assert_eq!(json["time_to_resolve"]["p90_minutes"], 600);

    assert_eq!(json["by_severity"]["SEV1"], 2);
    assert_eq!(json["by_severity"]["SEV2"], 2);
    assert_eq!(json["by_severity"]["SEV3"], 1);
    assert_eq!(json["by_month"]["2026-01"], 2);
    assert_eq!(json["by_month"]["2026-02"], 2);
    assert_eq!(json["by_month"]["2026-03"], 1);
    // A service named twice in one post-mortem counts once.
    assert_eq!(json["by_service"]["checkout"], 3);

    let a = &json["actions"];
    assert_eq!(a["total"], 7);
    assert_eq!(a["done"], 3);
    assert_eq!(a["wont_do"], 1);
    assert_eq!(a["open"], 3);
    assert_eq!(a["overdue"], 1);
    assert_eq!(a["closed_with_dates"], 2);
    assert_eq!(a["closed_on_time"], 1);
    assert_eq!(a["closed_on_time_ratio"], 0.5);
    assert_eq!(a["close_date_unknown"], 1);
    assert_eq!(a["median_days_to_close"], 15.0);
    assert_eq!(a["due_dates_slipped"], serde_json::Value::Null);

    let recurring = json["recurring_services"].as_array().expect("array");
    assert_eq!(recurring.len(), 2, "{recurring:?}");
    assert_eq!(recurring[0]["service"], "checkout");
    assert_eq!(recurring[0]["postmortems"], 3);
    assert_eq!(recurring[1]["service"], "db");
    assert_eq!(recurring[1]["ids"][1], "2026-03-01-e");

    let f = &json["followup_reviews"];
    assert_eq!(f["due"], 2);
    assert_eq!(f["held_on_time"], 1);
    assert_eq!(f["upcoming"], 1);
    assert_eq!(f["missed"][0], "2026-01-20-b");
}

#[test]
fn a_period_and_a_breakdown_narrow_the_figures() {
    let s = repository();
    let json = s
        .pm([
            "stats",
            "--since",
            "2026-02-01",
            "--until",
            "2026-02-28",
            "--by",
            "severity",
            "--format",
            "json",
        ])
        .ok()
        .json();
    assert_eq!(json["postmortems"], 2);
    assert_eq!(json["time_to_resolve"]["median_minutes"], 105.0);
    assert_eq!(json["actions"]["total"], 2);
    // Nothing in the period was closed: no ratio rather than a made-up one.
    assert_eq!(
        json["actions"]["closed_on_time_ratio"],
        serde_json::Value::Null
    );
    assert!(json["recurring_services"]
        .as_array()
        .is_some_and(Vec::is_empty));
    assert_eq!(json["group_by"], "severity");
    let groups = json["groups"].as_array().expect("groups");
    assert_eq!(groups.len(), 2);
    assert_eq!(groups[0]["key"], "SEV2");
    assert_eq!(groups[0]["actions_open"], 2);
    assert_eq!(groups[1]["key"], "SEV3");

    s.pm(["stats", "--since", "2026-03-01", "--until", "2026-02-01"])
        .code(2)
        .stderr_has("after --until");
}

#[test]
fn the_table_and_markdown_say_median_and_p90_and_where_dates_came_from() {
    let s = repository();
    let out = s.pm(["stats"]);
    out.ok()
        .stdout_has("Post-mortems: 5")
        .stdout_has("Time to resolve       5    1h 30m   10h 00m")
        .stdout_has("closed by due date    1 of 2 (50%)")
        .stdout_has("checkout             3 post-mortems")
        .stdout_has("dates from            front matter")
        .stdout_has("Follow-up reviews: 1 of 2 due held on time (50%), 1 upcoming");
    s.pm(["stats", "--format", "markdown"])
        .ok()
        .stdout_has("| Time to resolve | 5 | 1h 30m | 10h 00m |")
        .stdout_has("| Closed by due date | 1 of 2 (50%) |");
    s.pm(["stats", "--by", "month"])
        .ok()
        .stdout_has("2026-01")
        .stdout_has("TTR MEDIAN");
}

#[test]
fn an_empty_repository_and_a_broken_file() {
    let s = Sandbox::initialised();
    let json = s.pm(["stats", "--format", "json"]).ok().json();
    assert_eq!(json["postmortems"], 0);
    assert_eq!(
        json["time_to_resolve"]["median_minutes"],
        serde_json::Value::Null
    );
    assert_eq!(
        json["actions"]["closed_on_time_ratio"],
        serde_json::Value::Null
    );
    s.pm(["stats"])
        .ok()
        .stdout_has("no post-mortems in this period");

    s.add_postmortem(&Doc::new("2026-02-01-ok", "Fine"));
    s.write(
        "postmortems/2026/2026-02-02-broken.md",
        "+++\ntitle = \n+++\n",
    );
    let out = s.pm(["stats", "--format", "json"]);
    out.code(2).stderr_has("2026-02-02-broken.md:2:");
    assert_eq!(out.json()["postmortems"], 1);
}

/// One post-mortem whose actions change over backdated commits. The file's `created` and
/// `closed` fields say something else on purpose: the history decides.
///
/// - A1: added 01-10 due 01-20; due pushed to 01-25 (01-15), then 02-01 (01-18); closed 01-30
///   (the file claims `closed = 2026-01-12`, `created = 2025-12-01`). 20 days, on time.
/// - A2: added 01-10 due 01-31; closed 01-20, reopened 01-25, closed again 02-10 (the file
///   claims `closed = 2026-01-20`). 31 days, late.
/// - A3: added 01-10 due 03-01, moved earlier to 02-25 (not a slip); closed in the work tree,
///   uncommitted: today, 03-05. 54 days, late.
/// - B1: added already done on 02-20 with its post-mortem, due 02-19 (the file claims
///   `closed = 2026-02-18`). 0 days, late.
fn history_repository() -> Sandbox {
    let s = Sandbox::initialised();
    let write = |a1: (&str, &str, &str), a2: (&str, &str), a3: (&str, &str)| {
        let doc = Doc::new("2026-01-08-cache", "Cache stampede")
            .action(
                ActionSpec::new("A1", "Coalesce", "sam@example.com", a1.0, a1.1)
                    .with("created", "2025-12-01")
                    .with("closed", a1.2),
            )
            .action(
                ActionSpec::new("A2", "Alert", "jo@example.com", "2026-01-31", a2.0)
                    .with("created", "2026-01-10")
                    .with("closed", a2.1),
            )
            .action(ActionSpec::new(
                "A3",
                "Runbook",
                "kim@example.com",
                a3.0,
                a3.1,
            ));
        s.add_postmortem(&doc);
    };
    // `closed` is written on every version: only its value in the file is a claim.
    write(
        ("2026-01-20", "open", "2026-01-12"),
        ("open", "2026-01-20"),
        ("2026-03-01", "open"),
    );
    s.commit_all("Add the cache post-mortem", "2026-01-10T10:00:00Z");
    write(
        ("2026-01-25", "open", "2026-01-12"),
        ("open", "2026-01-20"),
        ("2026-02-25", "open"),
    );
    s.commit_all("Push A1, pull A3 in", "2026-01-15T10:00:00Z");
    write(
        ("2026-02-01", "open", "2026-01-12"),
        ("open", "2026-01-20"),
        ("2026-02-25", "open"),
    );
    s.commit_all("Push A1 again", "2026-01-18T10:00:00Z");
    write(
        ("2026-02-01", "open", "2026-01-12"),
        ("done", "2026-01-20"),
        ("2026-02-25", "open"),
    );
    s.commit_all("Close A2", "2026-01-20T10:00:00Z");
    write(
        ("2026-02-01", "open", "2026-01-12"),
        ("in-progress", "2026-01-20"),
        ("2026-02-25", "open"),
    );
    s.commit_all("Reopen A2", "2026-01-25T10:00:00Z");
    write(
        ("2026-02-01", "done", "2026-01-12"),
        ("in-progress", "2026-01-20"),
        ("2026-02-25", "open"),
    );
    s.commit_all("Close A1", "2026-01-30T10:00:00Z");
    write(
        ("2026-02-01", "done", "2026-01-12"),
        ("done", "2026-01-20"),
        ("2026-02-25", "open"),
    );
    s.commit_all("Close A2 again", "2026-02-10T10:00:00Z");
    s.add_postmortem(
        &Doc::new("2026-02-18-dns", "DNS record expired").action(
            ActionSpec::new("B1", "Renew", "lee@example.com", "2026-02-19", "done")
                .with("created", "2026-02-18")
                .with("closed", "2026-02-18"),
        ),
    );
    s.commit_all("Add the DNS post-mortem", "2026-02-20T10:00:00Z");
    // Uncommitted: A3 closed in the work tree.
    write(
        ("2026-02-01", "done", "2026-01-12"),
        ("done", "2026-01-20"),
        ("2026-02-25", "done"),
    );
    s
}

#[test]
fn action_dates_come_from_git_history_not_the_file() {
    let s = history_repository();
    let json = s.pm(["stats", "--format", "json"]).ok().json();
    assert_eq!(json["dates_from"], "git-history");
    assert!(json.get("history_starts").is_none(), "{json}");
    let a = &json["actions"];
    assert_eq!(a["total"], 4);
    assert_eq!(a["done"], 4);
    assert_eq!(a["close_date_unknown"], 0);
    // 0, 20, 31 and 54 days; the file's dates would give 0, 10 and 42 (A3 has none).
    assert_eq!(a["days_to_close_count"], 4);
    assert_eq!(a["median_days_to_close"], 25.5);
    assert_eq!(a["p90_days_to_close"], 54);
    // Only A1 closed by its (last) due date; the file's dates would make every one on time.
    assert_eq!(a["closed_with_dates"], 4);
    assert_eq!(a["closed_on_time"], 1);
    assert_eq!(a["closed_on_time_ratio"], 0.25);
    // A1 slipped twice; A3 moved earlier, which is no slip.
    assert_eq!(a["due_dates_slipped"], 1);
    assert_eq!(a["due_date_slips"], 2);

    s.pm(["stats"])
        .ok()
        .stdout_has("closed by due date    1 of 4 (25%)")
        .stdout_has("days to close         median 25.5 days, p90 54 days (n = 4)")
        .stdout_has("due dates slipped     1 (2 moves)")
        .stdout_has("dates from            git history");
    s.pm(["stats", "--format", "markdown"])
        .ok()
        .stdout_has("| Due dates slipped | 1 (2 moves) |")
        .stdout_has("Dates from git history.");
}

#[test]
fn a_period_counts_only_its_actions_with_history_dates() {
    let s = history_repository();
    let json = s
        .pm(["stats", "--since", "2026-02-01", "--format", "json"])
        .ok()
        .json();
    assert_eq!(json["postmortems"], 1);
    assert_eq!(json["dates_from"], "git-history");
    assert_eq!(json["actions"]["total"], 1);
    assert_eq!(json["actions"]["median_days_to_close"], 0.0);
    assert_eq!(json["actions"]["due_dates_slipped"], 0);
}

#[test]
fn outside_a_repository_the_front_matter_is_used() {
    let s = Sandbox::new();
    s.pm(["init"]).ok();
    std::fs::remove_dir_all(s.root.join(".git")).expect("remove .git");
    s.add_postmortem(
        &Doc::new("2026-02-01-x", "X").action(
            ActionSpec::new("A1", "Alert", "sam@example.com", "2026-02-10", "done")
                .with("created", "2026-02-01")
                .with("closed", "2026-02-05"),
        ),
    );
    let json = s.pm(["stats", "--format", "json"]).ok().json();
    assert_eq!(json["dates_from"], "front-matter");
    assert_eq!(json["actions"]["median_days_to_close"], 4.0);
    assert_eq!(
        json["actions"]["due_dates_slipped"],
        serde_json::Value::Null
    );
}

#[test]
fn a_shallow_clone_says_where_its_history_starts() {
    let s = history_repository();
    s.commit_all("Close A3", "2026-03-01T10:00:00Z");
    let origin = format!("file://{}", s.root.display());
    let clone = s.root.with_file_name("clone");
    s.git([
        "clone",
        "-q",
        "--depth",
        "3",
        origin.as_str(),
        clone.to_str().expect("utf-8 path"),
    ]);
    let out = s.pm_in(&clone, ["stats", "--format", "json"], None);
    out.ok().stderr_has("shallow clone whose history starts at");
    let json = out.json();
    assert_eq!(json["dates_from"], "git-history");
    let start = &json["history_starts"];
    assert_eq!(start["date"], "2026-02-10T10:00:00Z", "{json}");
    assert!(start["commit"].as_str().is_some_and(|c| c.len() == 40));
    // Only B1 was added within the clone's history: the others have no creation date. A3's
    // close (03-01, after its due date) is in the clone.
    let a = &json["actions"];
    assert_eq!(a["days_to_close_count"], 1);
    assert_eq!(a["median_days_to_close"], 0.0);
    assert_eq!(a["close_date_unknown"], 2);
    assert_eq!(a["closed_with_dates"], 2);
    assert_eq!(a["closed_on_time"], 0);
    assert_eq!(a["due_dates_slipped"], 0);
    s.pm_in(&clone, ["stats"], None)
        .ok()
        .stdout_has("git history (a shallow clone: starts at");
}
