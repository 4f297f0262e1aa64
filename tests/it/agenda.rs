//! pm agenda: the facilitator's sheet for the review meeting.

use crate::common::{ActionSpec, Doc, Sandbox};

fn agenda_lines(stdout: &str, heading: &str) -> Vec<String> {
    let start = stdout
        .find(heading)
        .unwrap_or_else(|| panic!("no {heading}:\n{stdout}"));
    stdout[start + heading.len()..]
        .lines()
        .skip(1)
        .take_while(|l| !l.starts_with('#'))
        .filter(|l| !l.trim().is_empty())
        .map(String::from)
        .collect()
}

#[test]
fn the_agenda_lists_gaps_missing_owners_placeholders_and_proposes_a_date() {
    let s = Sandbox::initialised();
    let mut no_owner = ActionSpec::new("A2", "Write a runbook", "x", "2026-03-20", "open");
    no_owner.owner = None;
    let mut nothing = ActionSpec::new("A3", "Load test", "x", "x", "open");
    nothing.owner = None;
    nothing.due = None;
    s.add_postmortem(
        &Doc::new("2026-02-01-db-outage", "Database outage")
            .action(ActionSpec::new(
                "A1",
                "Alert on saturation",
                "sam@example.com",
                "2026-03-10",
                "open",
            ))
            .action(no_owner)
            .action(nothing)
            .section(
                "Contributing Factors",
                "_What else made this possible or worse: tooling, alerting, documentation, load, timing._",
            )
            .section("Open Discussion", "")
            .section(
                "Timeline",
                "- 10:00 UTC: latency rose.\n- 10:05 UTC: the alert paged.\n- 10:40 UTC: the change was reverted.\n- 10:50 UTC: latency was normal.\n- 2026-02-02 09:00 UTC: the pool size was raised.",
            ),
    );
    let out = s.pm(["agenda", "db-outage"]);
    out.ok()
        .stdout_has("# Review meeting: Database outage")
        .stdout_has("blameless")
        .stdout_has("## Agenda (60 minutes)")
        .stdout_has("| 0:00 – 0:15 | 15 | Timeline of Events |")
        .stdout_has("| 0:54 – 1:00 | 6 | Open Discussion |");
    let text = &out.stdout;

    let sections = agenda_lines(text, "### Sections");
    assert_eq!(sections.len(), 2, "{sections:?}");
    assert!(
        sections[0].contains("**Contributing Factors** (line"),
        "{sections:?}"
    );
    assert!(
        sections[0].contains("only the template's prompt"),
        "{sections:?}"
    );
    assert!(sections[1].contains("**Open Discussion**"), "{sections:?}");
    assert!(sections[1].contains("empty"), "{sections:?}");

    let actions = agenda_lines(text, "### Action items");
    assert_eq!(
        actions,
        [
            "- **A2** “Write a runbook” (line 25): no owner.",
            "- **A3** “Load test” (line 33): no owner and no due date."
        ]
    );

    let gaps = agenda_lines(text, "### Timeline gaps");
    assert_eq!(gaps.len(), 2, "{gaps:?}");
    assert!(gaps[0].starts_with("- 35 minutes between line"), "{gaps:?}");
    assert!(
        gaps[0].contains("(`10:05`)") && gaps[0].contains("(`10:40`)"),
        "{gaps:?}"
    );
    // The dated entry is on the next day: 22 hours 10 minutes later.
    assert!(gaps[1].starts_with("- 1330 minutes between"), "{gaps:?}");

    assert_eq!(
        agenda_lines(text, "### Wording findings"),
        ["- None found by `pm check`."]
    );

    let prompts = agenda_lines(text, "## Turning blame into questions about the system");
    let rows: Vec<&String> = prompts.iter().filter(|l| l.starts_with("| “")).collect();
    assert!(rows.len() >= 6, "{prompts:?}");
    assert!(
        text.contains("| “Who pushed the change?” | What made this change look safe to ship? |")
    );

    // No follow-up date and no review meeting: the incident start plus 28 days.
    out.stdout_has("Proposed date: **2026-03-01** (the incident start (2026-02-01) + 28 days)");

    // Gaps are found in every timeline shape the reader knows: here dated sub-headings with
    // times in a named zone, across midnight (50 minutes, not a day backwards).
    s.add_postmortem(&Doc::new("2026-02-03-queue", "Queue backlog").section(
        "Timeline",
        "### Tuesday 3 February 2026\n\n**23:40 PST** — the queue depth alarm fired.\n\n\
         ### Wednesday 4 February 2026\n\n**00:30 PST** — the consumer was restarted.\n\n\
         **00:40 PST** — the backlog drained.",
    ));
    let out = s.pm(["agenda", "queue"]);
    let gaps = agenda_lines(&out.ok().stdout, "### Timeline gaps");
    assert_eq!(gaps.len(), 1, "{gaps:?}");
    assert!(gaps[0].starts_with("- 50 minutes between line"), "{gaps:?}");
    assert!(
        gaps[0].contains("(`23:40`)") && gaps[0].contains("(`00:30`)"),
        "{gaps:?}"
    );
}

#[test]
fn the_meeting_length_is_shared_out_exactly_and_the_date_comes_from_the_document() {
    let s = Sandbox::initialised();
    s.add_postmortem(
        &Doc::new("2026-02-01-db-outage", "Database outage").front("review_meeting = 2026-02-04"),
    );
    s.add_postmortem(&{
        let mut d = Doc::new("2026-02-10-cache", "Cache");
        d.followup_review = Some("2026-03-15".into());
        d
    });
    let out = s.pm(["agenda", "db-outage", "--minutes", "45"]);
    out.ok().stdout_has("## Agenda (45 minutes)");
    let minutes: u32 = agenda_lines(&out.stdout, "## Agenda (45 minutes)")
        .iter()
        .filter(|l| l.starts_with("| 0:"))
        .map(|l| {
            l.split('|')
                .nth(2)
                .unwrap_or("")
                .trim()
                .parse::<u32>()
                .expect("minutes")
        })
        .sum();
    assert_eq!(minutes, 45);
    out.stdout_has("Proposed date: **2026-03-04** (the review meeting (2026-02-04) + 28 days)");
    // A complete document has no gaps to fill, apart from the timeline's 35 quiet minutes.
    out.stdout_has("- Every section has content.")
        .stdout_has("- No action items yet");
    s.pm(["agenda", "cache"])
        .ok()
        .stdout_has("Proposed date: **2026-03-15** (from the front matter's `followup_review`)");
    s.pm(["agenda", "cache", "--minutes", "5"]).code(2);
}

#[test]
fn an_unknown_or_broken_postmortem_is_a_clear_error() {
    let s = Sandbox::initialised();
    s.pm(["agenda", "nothing"]).code(2).stderr_has("pm list");
    s.write(
        "postmortems/2026/2026-02-02-broken.md",
        "+++\ntitle = \n+++\n",
    );
    s.pm(["agenda", "broken"])
        .code(2)
        .stderr_has("2026-02-02-broken.md:2:");
}
