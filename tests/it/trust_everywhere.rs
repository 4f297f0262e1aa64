//! Issue 15, what was still open after its first round: every report that counts action
//! items names the ones it cannot read (not only `pm followup`), the site keeps dates and
//! `ID#A3` references on one line, and a partial `[policy]` table keeps the other defaults.
//! Each test failed before its fix.

use crate::common::{ActionSpec, Doc, Sandbox};

const ID: &str = "2026-02-01-db-outage";
const PATH: &str = "postmortems/2026/2026-02-01-db-outage.md";

/// The 1-based line of the first line of `text` that is exactly `line`.
fn line_of(text: &str, line: &str) -> usize {
    text.lines()
        .position(|l| l == line)
        .map(|i| i + 1)
        .unwrap_or_else(|| panic!("no line {line:?} in\n{text}"))
}

/// Item 2 of the issue, for `list`, `action list` and `stats`: a quoted due date and an
/// `[[action]]` table are named on stderr by file, line and item, as `pm followup` names them,
/// and `stats` counts them as not read instead of letting the post-mortem look done.
#[test]
fn every_report_names_the_action_items_it_cannot_read() {
    let s = Sandbox::initialised();
    let text = Doc::new(ID, "Database outage")
        .action(ActionSpec::open(
            "A1",
            "Alert on pool saturation",
            "sam@example.com",
            "\"2026-02-20\"",
        ))
        .action(ActionSpec::open(
            "A2",
            "Write the runbook",
            "jo@example.com",
            "2026-02-25",
        ))
        .render()
        .replacen(
            "+++\n\n#",
            "\n[[action]]\nid = \"A3\"\ntitle = \"Page on replica lag\"\nowner = \"kim@example.com\"\ndue = 2026-02-10\nstatus = \"open\"\n+++\n\n#",
            1,
        );
    s.write(PATH, &text);
    let quoted = format!(
        "pm: warning: action item not read: {PATH}:{}: {ID}#A1: `actions[0].due` must be",
        line_of(&text, "due = \"2026-02-20\"")
    );
    let misspelt = format!(
        "pm: warning: action item not read: {PATH}:{}: {ID}: `action` is not `actions`",
        line_of(&text, "[[action]]")
    );
    // An action that is not a table, in another post-mortem.
    let other = "postmortems/2026/2026-01-20-cache-latency.md";
    let other_text = Doc::new("2026-01-20-cache-latency", "Cache latency")
        .front("actions = [\"Add a cache alert\"]")
        .render();
    s.write(other, &other_text);
    let not_a_table = format!(
        "pm: warning: action item not read: {other}:{}: 2026-01-20-cache-latency: `actions` must be an array of tables",
        line_of(&other_text, "actions = [\"Add a cache alert\"]")
    );

    for args in [
        &["list"][..],
        &["action", "list"],
        &["stats"],
        &["followup"],
        &["site", "public"],
    ] {
        let out = s.pm(args);
        out.ok()
            .stderr_has(&quoted)
            .stderr_has(&misspelt)
            .stderr_has(&not_a_table);
    }
    // `pm show` names those of the one post-mortem it shows.
    let show = s.pm(["show", ID]);
    show.ok().stderr_has(&quoted).stderr_has(&misspelt);
    assert!(!show.stderr.contains("cache-latency"), "{}", show.stderr);

    // The listing's JSON carries them beside the counts they are missing from (newest first).
    let list = s.pm(["list", "--format", "json"]).json();
    assert_eq!(list[0]["id"], ID, "{list:#}");
    assert_eq!(
        list[0]["unreadable_actions"].as_array().map(Vec::len),
        Some(2),
        "{list:#}"
    );
    // A1's status is readable (open), its due date is not; A3 is not read at all.
    assert_eq!(list[0]["open_actions"], 2, "{list:#}");

    // Stats: A1 and A2 are open; the three things it cannot read are counted as such.
    let stats = s.pm(["stats", "--format", "json"]);
    let json = stats.ok().json();
    assert_eq!(json["actions"]["open"], 2, "{json:#}");
    assert_eq!(json["actions"]["unreadable"], 3, "{json:#}");
    let lines: Vec<u64> = json["unreadable_actions"]
        .as_array()
        .expect("unreadable_actions")
        .iter()
        .filter_map(|u| u["line"].as_u64())
        .collect();
    assert_eq!(
        lines,
        [
            line_of(&other_text, "actions = [\"Add a cache alert\"]") as u64,
            line_of(&text, "due = \"2026-02-20\"") as u64,
            line_of(&text, "[[action]]") as u64
        ],
        "{json:#}"
    );
    s.pm(["stats"])
        .ok()
        .stdout_has("not read              3 (see the warnings)");
    s.pm(["stats", "--format", "markdown"])
        .ok()
        .stdout_has("| Not read (see the warnings) | 3 |");
}

/// "The site wraps dates mid-date": every date the site writes is a `<time>` and every
/// `ID#A3` reference a `.ref`, both `white-space: nowrap` in the stylesheet, so a narrow page
/// never shows "2026-11-" on one line and "30" on the next.
#[test]
fn the_site_keeps_dates_and_references_on_one_line() {
    let s = Sandbox::initialised();
    let mut doc = Doc::new(ID, "Database outage").action(ActionSpec::open(
        "A1",
        "Alert on pool saturation",
        "sam@example.com",
        "2026-02-20",
    ));
    doc.followup_review = Some("2026-03-01".into());
    s.add_postmortem(&doc);
    s.commit_all("Add the post-mortem", "2026-02-02T10:00:00Z");
    s.pm(["site", "public"]).ok();

    let css = s.read("public/assets/site.css");
    assert!(css.contains("time, .ref { white-space: nowrap; }"), "{css}");
    let actions = s.read("public/actions.html");
    assert!(
        actions.contains("<td><time datetime=\"2026-02-20\">2026-02-20</time></td>"),
        "{actions}"
    );
    assert!(
        actions.contains(&format!("<span class=\"ref\">{ID}#A1</span>")),
        "{actions}"
    );
    // No page shows a date as bare text: each one that starts an element's text is inside a
    // `<time>`, a `.ref`, or an SVG chart's own text (which never wraps).
    let mut pages = 0;
    for page in [
        "index.html",
        "actions.html",
        "stats.html",
        &format!("pm/{ID}.html"),
    ] {
        let html = s.read(&format!("public/{page}"));
        pages += 1;
        for (at, _) in html.match_indices('>') {
            let after = &html[at + 1..];
            let is_date = after.len() >= 10
                && after.as_bytes()[..10].iter().enumerate().all(|(i, b)| {
                    if i == 4 || i == 7 {
                        *b == b'-'
                    } else {
                        b.is_ascii_digit()
                    }
                });
            if !is_date {
                continue;
            }
            let tag_start = html[..at].rfind('<').unwrap_or(0);
            let tag = &html[tag_start..=at];
            assert!(
                tag.starts_with("<time ")
                    || tag.contains("class=\"ref\"")
                    || tag.contains("class=\"muted ref\"")
                    || tag.starts_with("<text")
                    || tag.starts_with("<title"),
                "{page}: a date outside <time>: {tag}{}",
                &after[..10]
            );
        }
    }
    assert_eq!(pages, 4);
    let page = s.read(&format!("public/pm/{ID}.html"));
    assert!(
        page.contains(
            "<dt>Follow-up review</dt><dd><time datetime=\"2026-03-01\">2026-03-01</time></dd>"
        ),
        "{page}"
    );
}

/// A `[policy.SEV1]` table that writes one key overrides that key: SEV1's other promise and
/// SEV2's whole policy keep their documented defaults (each breach kind reported once here).
/// And a pm.toml type error is worded for the user ("literal string" was toml's word).
#[test]
fn a_partial_policy_table_keeps_the_other_defaults() {
    let s = Sandbox::initialised();
    let config = format!(
        "{}\n[policy.SEV1]\nreview_within_days = 2\n",
        s.read("pm.toml")
    );
    s.write("pm.toml", config);
    let mut urgent = ActionSpec::open("A1", "Shard the pool", "jo@example.com", "2026-04-30");
    urgent.extra = vec![("priority".into(), "\"P0\"".into())];
    let mut sev1 = Doc::new(ID, "Database outage").action(urgent);
    sev1.severity = "SEV1".into();
    s.add_postmortem(&sev1);
    // SEV2, started 2026-02-20 and still in review on 2026-03-05: SEV2's default is 7 days.
    s.add_postmortem(&Doc::new("2026-02-20-cache-stampede", "Cache stampede"));
    // SEV2, reviewed, but the meeting was on 2026-02-25, after the 7 days (2026-02-17).
    s.add_postmortem(
        &Doc::new("2026-02-10-queue-backlog", "Queue backlog")
            .status("reviewed")
            .front("review_meeting = 2026-02-25"),
    );
    s.commit_all("Add the post-mortems", "2026-02-21T10:00:00Z");

    let json = s.pm(["followup", "--format", "json"]).json();
    let mut breaches: Vec<String> = json["policy_breaches"]
        .as_array()
        .expect("policy_breaches")
        .iter()
        .map(|b| {
            format!(
                "{} {} {}",
                b["ref"].as_str().or(b["postmortem"].as_str()).unwrap_or(""),
                b["breach"].as_str().unwrap_or(""),
                b["limit"].as_str().unwrap_or("")
            )
        })
        .collect();
    breaches.sort();
    assert_eq!(
        breaches,
        [
            // SEV1's review window is the one written: 2 days.
            format!("{ID} review_overdue 2026-02-03"),
            // SEV1's priority actions keep the default 28 days.
            format!("{ID}#A1 action_due_beyond_policy 2026-03-01"),
            // SEV2 keeps its default 7 days: not reviewed yet, and reviewed late.
            "2026-02-10-queue-backlog review_late 2026-02-17".to_string(),
            "2026-02-20-cache-stampede review_overdue 2026-02-27".to_string(),
        ],
        "{json:#}"
    );
    s.pm([
        "new",
        "Queue backlog",
        "--severity",
        "SEV1",
        "--started",
        "2026-03-04T10:00:00Z",
        "--no-branch",
    ])
    .ok()
    .stderr_has("hold the review meeting by 2026-03-06")
    .stderr_has("make P0/P1 action items due by 2026-04-01");

    // A pm.toml type error speaks of what to write, not of toml's or serde's types.
    s.write("pm.toml", "[repo]\ndir = postmortems\n");
    let out = s.pm(["list"]);
    out.code(2)
        .stderr_has("pm.toml:2:7: string values must be quoted");
    assert!(!out.stderr.contains("literal string"), "{}", out.stderr);

    // The whole kind: every type error in pm.toml names what was found and what to write, in
    // TOML's words, never serde's ("sequence", "map", "invalid type", "u32", "wanted string").
    for (toml, wanted) in [
        (
            "[document]\nseverities = \"SEV1\"\n",
            "pm.toml:2:14: found the text \"SEV1\" where pm.toml needs a list in brackets",
        ),
        (
            "[repo]\ndir = [\"a\"]\n",
            "pm.toml:2:7: found a list where pm.toml needs text in quotes",
        ),
        (
            "[check]\nfail_on = 1\n",
            "pm.toml:2:11: found the number 1 where pm.toml needs text in quotes",
        ),
        (
            "[check]\nfail_on = \"never\"\n",
            "unknown value `never`: write \"error\" or \"warning\"",
        ),
        (
            "[check.rules]\n\"blameless/individual-fault\" = 3\n",
            "found the number 3 where pm.toml needs text in quotes",
        ),
        (
            "[followup]\ndue_soon_days = 1.5\n",
            "found the number 1.5 where pm.toml needs a whole number of 0 or more",
        ),
        (
            "[followup]\ndue_soon_days = -3\n",
            "the number -3 is not allowed here: pm.toml needs a whole number of 0 or more",
        ),
        (
            "[document]\ntimezone = true\n",
            "found `true` (true or false) where pm.toml needs text in quotes",
        ),
        (
            "[new]\ntemplate = 2026-01-01\n",
            "found a table or a date where pm.toml needs text in quotes",
        ),
    ] {
        s.write("pm.toml", toml);
        let out = s.pm(["list"]);
        out.code(2).stderr_has(wanted);
        for serde_word in [
            "sequence",
            " map",
            "invalid type",
            "u32",
            "wanted string",
            "floating point",
        ] {
            assert!(!out.stderr.contains(serde_word), "{toml}: {}", out.stderr);
        }
    }
}

/// The audit's two gaps: item 7 for `pm import` (`new` and `site` are in
/// `security::files_pm_writes_honour_the_umask`), and item 9 outside any repository.
#[test]
fn import_honours_the_umask_and_check_outside_a_repository_is_not_green() {
    use std::os::unix::fs::PermissionsExt;
    let s = Sandbox::initialised();
    s.write(
        "legacy/disk-full.md",
        "---\ntitle: Disk full\ndate: 2026-01-05\n---\n\n# Disk full\n\nThe disk filled up.\n",
    );
    let mut cmd = std::process::Command::new("sh");
    cmd.arg("-c")
        .arg("umask 022 && exec \"$0\" import legacy/disk-full.md")
        .arg(crate::common::pm_binary())
        .current_dir(&s.root);
    s.apply_env(&mut cmd);
    let out = cmd.output().expect("run pm import");
    assert!(out.status.success(), "{out:?}");
    let imported = s.root.join("postmortems/2026/2026-01-05-disk-full.md");
    let mode = std::fs::metadata(&imported)
        .map(|m| m.permissions().mode() & 0o777)
        .unwrap_or(0);
    assert_eq!(mode, 0o644, "{out:?}");

    let outside = Sandbox::without_repo();
    outside
        .pm(["check"])
        .code(2)
        .stderr_has("postmortems does not exist (no pm.toml was found");
}
