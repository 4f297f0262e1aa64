//! pm init, new, list and show, driven through the real binary in real repositories.

use crate::common::{ActionSpec, Doc, Sandbox};

#[test]
fn init_writes_config_and_folder_and_is_idempotent() {
    let s = Sandbox::new();
    s.pm(["init"])
        .ok()
        .stdout_has("wrote pm.toml")
        .stdout_has("created postmortems/");
    let config = s.read("pm.toml");
    assert!(config.contains("due_soon_days = 7"), "{config}");
    assert!(s.root.join("postmortems").is_dir());
    // The user's edit survives a second run, which says nothing changed.
    s.write("pm.toml", "[followup]\ndue_soon_days = 3\n");
    let again = s.pm(["init"]);
    again.ok().stderr_has("nothing changed");
    assert_eq!(again.stdout, "");
    assert_eq!(s.read("pm.toml"), "[followup]\ndue_soon_days = 3\n");
}

#[test]
fn init_outside_a_repository_stops_with_a_clear_message() {
    let s = Sandbox::without_repo();
    s.pm(["init"])
        .code(2)
        .stderr_has("not inside a git repository");
    assert!(!s.root.join("pm.toml").exists());
}

#[test]
fn a_mistyped_config_is_an_error_naming_its_line() {
    let s = Sandbox::initialised();
    s.write("pm.toml", "[followup]\n\ndue_soon_days = \"soon\"\n");
    s.pm(["list"]).code(2).stderr_has("pm.toml:3:");
}

#[test]
fn new_opens_the_post_mortem_on_its_own_branch_without_touching_uncommitted_work() {
    let s = Sandbox::initialised();
    s.write("notes.txt", "work in progress\n");
    s.write("staged.txt", "staged\n");
    s.git(["add", "staged.txt"]);
    let status_before = s.git(["status", "--porcelain"]);
    let out = s.pm([
        "new",
        "Checkout outage: DB pool exhaustion",
        "--severity",
        "SEV1",
        "--service",
        "checkout",
        "--service",
        "payments-db",
        "--started",
        "2026-03-01T09:12Z",
    ]);
    out.ok();
    let path = "postmortems/2026/2026-03-01-checkout-outage-db-pool-exhaustion.md";
    assert_eq!(out.stdout, format!("{path}\n"));
    assert_eq!(
        s.git(["branch", "--show-current"]).trim(),
        "postmortem/2026-03-01-checkout-outage-db-pool-exhaustion"
    );
    // The earlier changes are exactly as they were, and the new file is untracked.
    let status_after = s.git(["status", "--porcelain"]);
    assert_eq!(
        status_after.replace("?? postmortems/2026/\n", ""),
        status_before
    );
    let text = s.read(path);
    assert!(text.contains("severity = \"SEV1\""), "{text}");
    assert!(
        text.contains("services = [\"checkout\", \"payments-db\"]"),
        "{text}"
    );
    assert!(text.contains("started = 2026-03-01T09:12:00Z"), "{text}");
    assert!(text.contains("## Root Cause Analysis"), "{text}");
    assert!(text.contains("blameless"), "{text}");
    // The same ID again is refused and the file is untouched.
    s.pm([
        "new",
        "Checkout outage: DB pool exhaustion",
        "--started",
        "2026-03-01T10:00Z",
        "--no-branch",
    ])
    .code(2)
    .stderr_has("already exists");
    assert_eq!(s.read(path), text);
}

#[test]
fn new_with_commit_commits_only_the_new_file() {
    let s = Sandbox::initialised();
    s.write("staged.txt", "staged\n");
    s.git(["add", "staged.txt"]);
    s.pm([
        "new",
        "Cache stampede",
        "--started",
        "2026-03-02T08:00Z",
        "--commit",
    ])
    .ok();
    let files = s.git(["show", "--name-only", "--format=", "HEAD"]);
    assert_eq!(
        files.trim(),
        "postmortems/2026/2026-03-02-cache-stampede.md"
    );
    assert_eq!(
        s.git(["diff", "--cached", "--name-only"]).trim(),
        "staged.txt"
    );
}

#[test]
fn new_in_a_repository_without_commits_explains_why_no_branch_was_made() {
    let s = Sandbox::new();
    s.pm(["init"]).ok();
    s.pm(["new", "First incident", "--started", "2026-03-02T08:00Z"])
        .ok()
        .stderr_has("no commits");
    assert!(s
        .root
        .join("postmortems/2026/2026-03-02-first-incident.md")
        .is_file());
}

#[test]
fn hostile_titles_never_leave_the_folder_or_reach_a_shell() {
    let s = Sandbox::initialised();
    let out = s.pm([
        "new",
        "../../../etc/$(touch pwned) `id` \"quoted\"\nnext",
        "--started",
        "2026-03-02T08:00Z",
        "--no-branch",
    ]);
    out.ok();
    assert_eq!(
        out.stdout.trim(),
        "postmortems/2026/2026-03-02-etc-touch-pwned-id-quoted-next.md"
    );
    assert!(!s.root.join("pwned").exists());
    let text = s.read(out.stdout.trim());
    assert!(
        text.contains(r#"title = "../../../etc/$(touch pwned) `id` \"quoted\" next""#),
        "{text}"
    );
    for bad in ["", "   ", "?!.../"] {
        s.pm(["new", bad, "--no-branch"]).code(2);
    }
    let long = "incident ".repeat(1200);
    let out = s.pm([
        "new",
        long.as_str(),
        "--started",
        "2026-03-03T08:00Z",
        "--no-branch",
    ]);
    out.ok();
    let stem = out
        .stdout
        .trim()
        .rsplit('/')
        .next()
        .unwrap_or("")
        .trim_end_matches(".md")
        .to_string();
    assert!(stem.len() <= 11 + 60, "{stem}");
}

#[test]
fn list_shows_newest_first_with_action_counts_and_survives_a_broken_file() {
    let s = Sandbox::initialised();
    s.add_postmortem(
        &Doc::new("2026-02-01-older", "Older incident")
            .action(ActionSpec::new(
                "A1",
                "Add an alert",
                "sam@example.com",
                "2026-02-20",
                "open",
            ))
            .action(ActionSpec::new(
                "A2",
                "Add a runbook",
                "jo@example.com",
                "2026-04-01",
                "open",
            ))
            .action(ActionSpec::new(
                "A3",
                "Add a test",
                "jo@example.com",
                "2026-02-10",
                "done",
            )),
    );
    s.add_postmortem(&Doc::new("2026-03-01-newer", "Newer incident").status("draft"));
    s.write(
        "postmortems/2026/2026-02-15-broken.md",
        "+++\ntitle = \n+++\n",
    );
    let out = s.pm(["list"]);
    out.code(2).stderr_has("2026-02-15-broken.md:2:");
    let newer = out.stdout.find("2026-03-01-newer").expect("newer listed");
    let older = out.stdout.find("2026-02-01-older").expect("older listed");
    assert!(newer < older, "{}", out.stdout);
    let json = s.pm(["list", "--format", "json"]).json();
    let older = &json[1];
    assert_eq!(older["id"], "2026-02-01-older");
    assert_eq!(older["open_actions"], 2);
    assert_eq!(older["overdue_actions"], 1);
    let drafts = s
        .pm(["list", "--status", "draft", "--format", "json"])
        .json();
    assert_eq!(drafts.as_array().map(Vec::len), Some(1));
}

#[test]
fn show_resolves_part_of_an_id_and_marks_overdue_actions() {
    let s = Sandbox::initialised();
    s.add_postmortem(
        &Doc::new("2026-02-01-db-outage", "Database outage").action(ActionSpec::new(
            "A1",
            "Add an alert on pool saturation",
            "sam@example.com",
            "2026-02-20",
            "open",
        )),
    );
    s.add_postmortem(&Doc::new("2026-02-03-db-latency", "Database latency"));
    let out = s.pm(["show", "outage"]);
    out.ok()
        .stdout_has("Database outage")
        .stdout_has("time to detect    5m")
        .stdout_has("time to resolve   1h 00m")
        .stdout_has("OVERDUE by 13 days");
    s.pm(["show", "db"])
        .code(2)
        .stderr_has("2026-02-01-db-outage")
        .stderr_has("2026-02-03-db-latency");
    s.pm(["show", "nothing-like-this"])
        .code(2)
        .stderr_has("no post-mortem matches");
    let json = s.pm(["show", "latency", "--format", "json"]).json();
    assert_eq!(json["durations"]["time_to_mitigate_minutes"], 40);
}
