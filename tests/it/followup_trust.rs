//! Issue 15: action items and follow-up you can trust, and the workflow that carries a
//! post-mortem to closed. Each test is a user's story against a real repository; each failed
//! before its fix.

use crate::common::{ActionSpec, Doc, Sandbox};

const ID: &str = "2026-02-01-db-outage";
const PATH: &str = "postmortems/2026/2026-02-01-db-outage.md";

/// The post-mortem two stories start from: A1 and A2 open, both due 2026-03-20.
fn with_two_open_actions() -> Doc {
    Doc::new(ID, "Database outage")
        .action(ActionSpec::open(
            "A1",
            "Alert on pool saturation",
            "sam@example.com",
            "2026-03-20",
        ))
        .action(ActionSpec::open(
            "A2",
            "Write the runbook",
            "jo@example.com",
            "2026-03-20",
        ))
}

/// Items 1 and 2: a blank owner or title fails `pm check`; a quoted due date and an
/// `[[action]]` table are never "fine" for `pm followup --fail-on-overdue`.
#[test]
fn actions_pm_cannot_read_never_make_followup_greener() {
    let s = Sandbox::initialised();
    let mut quoted = ActionSpec::open(
        "A1",
        "Alert on pool saturation",
        "sam@example.com",
        "\"2026-02-20\"",
    );
    quoted.due = Some("\"2026-02-20\"".into());
    let blank_owner = ActionSpec::open("A2", "Load test the pool", "  ", "2026-04-01");
    let empty_title = ActionSpec::open("A3", "", "jo@example.com", "2026-04-01");
    let mut text = Doc::new(ID, "Database outage")
        .action(quoted)
        .action(blank_owner)
        .action(empty_title)
        .render();
    // A typo'd table: its item is not an action item for pm.
    text = text.replacen(
        "+++\n\n#",
        "\n[[action]]\nid = \"A4\"\ntitle = \"Page on replica lag\"\nowner = \"kim@example.com\"\ndue = 2026-02-10\nstatus = \"open\"\n+++\n\n#",
        1,
    );
    s.write(PATH, text);

    let check = s.pm(["check", "--format", "json"]);
    check.code(1);
    let rules: Vec<String> = check.json()["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| format!("{} {}", d["rule"], d["message"]))
        .collect();
    assert!(
        rules
            .iter()
            .any(|r| r.contains("actions/missing-owner") && r.contains("empty `owner`")),
        "{rules:#?}"
    );
    assert!(
        rules
            .iter()
            .any(|r| r.contains("actions/missing-title") && r.contains("empty `title`")),
        "{rules:#?}"
    );

    let out = s.pm(["followup", "--fail-on-overdue", "--format", "json"]);
    out.code(1)
        .stderr_has("2026-02-01-db-outage#A1")
        .stderr_has("`actions[0].due`")
        .stderr_has("`action` is not `actions`")
        .stderr_has("2 action item(s) could not be read");
    let json = out.json();
    assert_eq!(
        json["unreadable_actions"].as_array().map(Vec::len),
        Some(2),
        "{json:#}"
    );
    assert_eq!(
        json["overdue"].as_array().map(Vec::len),
        Some(0),
        "{json:#}"
    );
    // The quoted date is unreadable, not "missing": A1 is not listed as incomplete for it.
    let incomplete: Vec<String> = json["incomplete"]
        .as_array()
        .expect("incomplete")
        .iter()
        .map(|i| format!("{} {}", i["ref"], i["missing"]))
        .collect();
    assert_eq!(
        incomplete,
        [r#""2026-02-01-db-outage#A2" ["owner"]"#],
        "{json:#}"
    );
}

/// Items 3 and 10, and `--owner` and a bad `--since` date: `followup --since REV` where REV is
/// a commit of a branch merged with `--no-ff` reports only what changed after REV, as `pm diff`
/// does; `--since DATE` is headed by the date asked.
#[test]
fn since_a_commit_of_a_merged_branch_reports_only_later_changes() {
    let s = Sandbox::initialised();
    s.add_postmortem(&with_two_open_actions());
    s.commit_all("Add the post-mortem", "2026-02-02T10:00:00Z");
    s.git(["switch", "-q", "-c", "topic"]);
    let text = s.read(PATH).replace(
        "+++\n\n#",
        "\n[[actions]]\nid = \"A3\"\ntitle = \"Page on replica lag\"\nowner = \"kim@example.com\"\ndue = 2026-03-25\nstatus = \"open\"\n+++\n\n#",
    );
    s.write(PATH, text);
    let base = s.commit_all("Add A3", "2026-02-03T10:00:00Z");
    let text = s
        .read(PATH)
        .replacen("status = \"open\"", "status = \"done\"", 1);
    s.write(PATH, text);
    s.commit_all("Close A1", "2026-02-04T10:00:00Z");
    s.git(["switch", "-q", "main"]);
    let mut merge = std::process::Command::new("git");
    merge
        .args(["merge", "-q", "--no-ff", "topic", "-m", "Merge topic"])
        .current_dir(&s.root);
    s.apply_env(&mut merge);
    merge
        .env("GIT_AUTHOR_DATE", "2026-02-05T10:00:00Z")
        .env("GIT_COMMITTER_DATE", "2026-02-05T10:00:00Z");
    assert!(merge.status().expect("git merge").success());

    let out = s.pm(["followup", "--since", &base, "--format", "json"]);
    out.ok();
    let changes: Vec<String> = out.json()["progress"]["changes"]
        .as_array()
        .expect("changes")
        .iter()
        .map(|c| {
            format!(
                "{} {}",
                c["ref"].as_str().unwrap_or(""),
                c["change"].as_str().unwrap_or("")
            )
        })
        .collect();
    assert_eq!(changes, [format!("{ID}#A1 closed")]);

    // The date asked heads the progress; --owner filters it (A1 is sam's).
    let out = s.pm(["followup", "--since", "2026-02-03", "--owner", "kim"]);
    out.ok().stdout_has("Progress since 2026-02-03 (after ");
    assert!(!out.stdout.contains("#A1"), "{}", out.stdout);
    let out = s.pm(["followup", "--since", "2026-02-30"]);
    out.code(2).stderr_has("--since 2026-02-30: not a date");
}

/// Item 4: a post-mortem marked `reviewed` has had its review meeting, not its follow-up
/// review: stats and followup both count that review as due, and both count "due today".
#[test]
fn stats_and_followup_agree_on_followup_reviews() {
    let s = Sandbox::initialised();
    let mut reviewed = Doc::new(ID, "Database outage").status("reviewed");
    reviewed.followup_review = Some("2026-03-01".into());
    let mut today = Doc::new("2026-02-10-cache-latency", "Cache latency");
    today.followup_review = Some(crate::common::TODAY.into());
    s.add_postmortem(&reviewed);
    s.add_postmortem(&today);
    s.commit_all("Add post-mortems", "2026-02-11T10:00:00Z");

    let followup = s.pm(["followup", "--format", "json"]).json();
    let due: Vec<&str> = followup["reviews_due"]
        .as_array()
        .expect("reviews_due")
        .iter()
        .filter_map(|r| r["postmortem"].as_str())
        .collect();
    assert_eq!(due, [ID, "2026-02-10-cache-latency"]);
    let stats = s.pm(["stats", "--format", "json"]);
    stats.ok();
    let f = &stats.json()["followup_reviews"];
    assert_eq!(f["due"], 2, "{f:#}");
    assert_eq!(f["held_on_time"], 0, "{f:#}");
    assert_eq!(f["upcoming"], 0, "{f:#}");
}

/// Items 5 and 6, and the action edits people need: `--commit` commits the action change
/// alone (the author's other edits of the file stay in the work tree), refuses before
/// changing anything, refuses a duplicated ID naming both lines; kind, priority, ticket, a
/// past close date, and removal with its history kept.
#[test]
fn action_commits_hold_the_action_change_alone() {
    let s = Sandbox::initialised();
    s.add_postmortem(&with_two_open_actions());
    s.commit_all("Add the post-mortem", "2026-02-02T10:00:00Z");
    let draft = format!("{}\nA half-written paragraph.\n", s.read(PATH));
    s.write(PATH, &draft);

    s.pm([
        "action",
        "set",
        "db-outage#A1",
        "--status",
        "done",
        "--closed",
        "2026-03-02",
        "--kind",
        "prevent",
        "--priority",
        "P1",
        "--ticket",
        "OPS-7",
        "--commit",
    ])
    .ok()
    .stderr_has("your other edits of the file stay uncommitted");
    let committed = s.git(["show", &format!("HEAD:{PATH}")]);
    assert!(!committed.contains("half-written"), "{committed}");
    assert!(committed.contains("closed = 2026-03-02") && committed.contains("priority = \"P1\""));
    assert!(committed.contains("kind = \"prevent\"") && committed.contains("ticket = \"OPS-7\""));
    let now = s.read(PATH);
    assert!(
        now.contains("half-written") && now.contains("closed = 2026-03-02"),
        "{now}"
    );
    assert_eq!(s.git(["status", "--short"]), format!(" M {PATH}\n"));

    // A title `pm check` rejects: refused before anything changes, index included.
    let before = s.read_bytes(PATH);
    s.pm([
        "action",
        "add",
        "db-outage",
        "--title",
        "Be more careful",
        "--owner",
        "kim",
        "--due",
        "2026-03-30",
        "--commit",
    ])
    .code(2)
    .stderr_has("`pm check` would reject the change");
    assert_eq!(s.read_bytes(PATH), before);
    assert_eq!(s.git(["diff", "--cached", "--name-only"]), "");
    // A close date after today is refused too.
    s.pm([
        "action",
        "set",
        "db-outage#A2",
        "--status",
        "done",
        "--closed",
        "2026-03-06",
    ])
    .code(2)
    .stderr_has("after today");

    s.pm(["action", "remove", "db-outage#A2", "--commit"]).ok();
    assert!(!s
        .git(["show", &format!("HEAD:{PATH}")])
        .contains("Write the runbook"));
    s.pm(["history", "db-outage#A2"])
        .ok()
        .stdout_has("added")
        .stdout_has("removed");

    // Two items with one ID: refused, naming both lines.
    let doubled = s.read(PATH).replace(
        "+++\n\n#",
        "\n[[actions]]\nid = \"A1\"\ntitle = \"Another\"\nowner = \"kim\"\ndue = 2026-03-30\nstatus = \"open\"\n+++\n\n#",
    );
    s.write(PATH, &doubled);
    let out = s.pm(["action", "set", "db-outage#A1", "--owner", "amal"]);
    out.code(2).stderr_has("2 actions have the id `A1`");
    let lines: Vec<usize> = doubled
        .lines()
        .enumerate()
        .filter(|(_, l)| *l == "id = \"A1\"")
        .map(|(i, _)| i + 1)
        .collect();
    for line in lines {
        out.stderr_has(&format!("{PATH}:{line}"));
    }
    assert_eq!(s.read(PATH), doubled);
}

/// The workflow: `pm status` to reviewed (records the meeting) and closed (refused with open
/// items, naming them, unless --force), committed alone; severity policies in followup.
#[test]
fn status_carries_a_postmortem_to_closed_and_policies_are_reported() {
    let s = Sandbox::initialised();
    let mut sharded = ActionSpec::open("A2", "Shard the pool", "jo@example.com", "2026-04-30");
    sharded.extra = vec![("priority".into(), "\"P0\"".into())];
    let mut doc = Doc::new(ID, "Database outage")
        .action(ActionSpec::open(
            "A1",
            "Alert on pool saturation",
            "sam@example.com",
            "2026-03-01",
        ))
        .action(sharded);
    doc.severity = "SEV1".into();
    s.add_postmortem(&doc);
    s.commit_all("Add the post-mortem", "2026-02-02T10:00:00Z");

    let json = s.pm(["followup", "--format", "json"]).json();
    let breaches: Vec<String> = json["policy_breaches"]
        .as_array()
        .expect("policy_breaches")
        .iter()
        .map(|b| b["breach"].as_str().unwrap_or("").to_string())
        .collect();
    assert_eq!(
        breaches,
        ["review_overdue", "action_due_beyond_policy"],
        "{json:#}"
    );

    let draft = format!("{}\nNotes in progress.\n", s.read(PATH));
    s.write(PATH, &draft);
    s.pm(["status", "db-outage", "reviewed", "--commit"])
        .ok()
        .stdout_has("review_meeting 2026-03-05");
    let committed = s.git(["show", &format!("HEAD:{PATH}")]);
    assert!(
        committed.contains("status = \"reviewed\"\nreview_meeting = 2026-03-05\n"),
        "{committed}"
    );
    assert!(!committed.contains("Notes in progress"));
    s.pm(["status", "db-outage", "closed"])
        .code(2)
        .stderr_has("#A1 (open, overdue since 2026-03-01)")
        .stderr_has("#A2 (open)")
        .stderr_has("--force");
    s.pm(["status", "db-outage", "closed", "--force"])
        .ok()
        .stderr_has("--force: ");
    assert!(s.read(PATH).contains("status = \"closed\""));
}

/// Items 8 and 9 and the small ones: `pm pr --print` without a remote, the refusal saying what
/// blocks, `pm new` on a clean tree with the policy's dates, `pm check` with a missing folder,
/// `--explain` by a rule's own name, `--stdin` without a file name.
#[test]
fn the_edges_a_new_user_meets() {
    let s = Sandbox::new();
    s.pm(["init"])
        .ok()
        .stdout_has("next: commit the set-up first (`git add -- pm.toml postmortems");
    s.commit_all("Set up pm", "2026-01-02T09:00:00Z");
    let new = s.pm([
        "new",
        "Checkout outage",
        "--severity",
        "SEV1",
        "--started",
        "2026-03-04T10:00Z",
        "--commit",
    ]);
    new.ok()
        .stderr_has("policy: hold the review meeting by 2026-03-07");
    assert!(!new.stderr.contains("came along"), "{}", new.stderr);
    s.pm(["pr", "--print"]).ok().stdout_has("title: ");
    let path = new.stdout.trim().to_string();
    let blameful = s.read(&path).replacen(
        "## Contributing Factors\n",
        "## Contributing Factors\n\nThe on-call engineer should have noticed the alert sooner.\n",
        1,
    );
    s.write(&path, blameful);
    s.commit_all("Draft", "2026-03-05T09:00:00Z");
    s.pm(["pr"])
        .code(1)
        .stderr_has("blocking problem(s)")
        .stderr_has(": error: ");

    s.pm(["check", "--explain", "individual-fault"])
        .ok()
        .stdout_has("blameless/individual-fault");
    let file = s.read_bytes(&path);
    let piped = s.pm_in(
        &s.root,
        ["check", "--stdin", "--format", "json"],
        Some(&file),
    );
    assert!(!piped.stdout.contains("duplicate"), "{}", piped.stdout);

    s.write("pm.toml", "[repo]\ndir = \"nowhere\"\n");
    s.pm(["check"]).code(2).stderr_has("does not exist");
    s.write("pm.toml", "[followup]\ndue_soon_days = \"7\"\n");
    let out = s.pm(["followup"]);
    out.code(2)
        .stderr_has("needs a whole number of 0 or more, without quotes");
    assert!(!out.stderr.contains("u32"), "{}", out.stderr);
}

/// Help text on every flag of the commands people use for follow-up.
#[test]
fn every_flag_has_help_text() {
    let s = Sandbox::without_repo();
    for args in [
        ["action", "add"],
        ["action", "set"],
        ["action", "list"],
        ["followup", ""],
        ["diff", ""],
        ["history", ""],
        ["status", ""],
    ] {
        let mut argv: Vec<&str> = args.iter().copied().filter(|a| !a.is_empty()).collect();
        argv.push("--help");
        let out = s.pm_in(&s.root, &argv, None);
        out.ok();
        let lines: Vec<&str> = out.stdout.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let trimmed = line.trim_start();
            if !trimmed.starts_with('-') {
                continue;
            }
            // `  -m, --message <MSG>  Commit message…`, or the text on the next line.
            let rest = trimmed.split("  ").skip(1).collect::<String>();
            let next = lines.get(i + 1).map(|l| l.trim()).unwrap_or("");
            let help = if rest.trim().is_empty() {
                next
            } else {
                rest.trim()
            };
            assert!(
                !help.is_empty() && !help.starts_with('[') && !help.starts_with('-'),
                "pm {argv:?}: no help text for {trimmed:?}\n{}",
                out.stdout
            );
        }
    }
}

/// Completions that know the repository: post-mortem IDs, `ID#A` references, rule names and
/// severities, through clap_complete's dynamic completion (`COMPLETE=SHELL pm`).
#[test]
fn completions_know_the_repository() {
    let s = Sandbox::initialised();
    s.add_postmortem(&Doc::new(ID, "Database outage").action(ActionSpec::open(
        "A1",
        "Alert on pool saturation",
        "sam@example.com",
        "2026-03-20",
    )));
    let complete = |words: &[&str]| {
        let mut cmd = std::process::Command::new(crate::common::pm_binary());
        cmd.arg("--").arg("pm").args(words).current_dir(&s.root);
        s.apply_env(&mut cmd);
        cmd.env("COMPLETE", "fish");
        let out = cmd.output().expect("run pm");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert_eq!(complete(&["show", "2026-02"]).trim(), ID);
    assert!(complete(&["action", "set", &format!("{ID}#")])
        .starts_with(&format!("{ID}#A1\tAlert on pool saturation (open)")),);
    assert!(complete(&["check", "--explain", "blameless/indiv"])
        .starts_with("blameless/individual-fault\t"));
    assert_eq!(complete(&["new", "--severity", "SEV"]).lines().count(), 4);
}
