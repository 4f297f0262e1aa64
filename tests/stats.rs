//! pm stats: medians and nearest-rank 90th percentiles, action follow-through, recurrence and
//! follow-up reviews, over a repository where every expected figure is known.

mod common;
use common::{ActionSpec, Doc, Sandbox};

/// Five incidents. Minutes to detect: 5, 10, 15, 20, 25. To mitigate: 20, 40, 60, 80 (one has
/// no `mitigated`). To resolve: 30, 60, 90, 120, 600.
fn repository() -> Sandbox {
    let s = Sandbox::initialised();
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
