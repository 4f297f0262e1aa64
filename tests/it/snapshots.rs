//! The exact human output of `pm check`, `pm list`, `pm followup` and `pm agenda` on one small
//! repository, byte for byte: every column, blank line and word a user reads.
//!
//! The repository is the same on every machine: "today" is fixed, git's configuration isolated,
//! every commit's author and dates set. Commit IDs would still change with git's object format,
//! so they are redacted to the name of the commit that made them (`[EDIT_COMMIT]`), and the
//! temporary folder to `[ROOT]`. `[..]` in the expected text would match anything on a line; none
//! is used, so every byte is compared.
//!
//! After a deliberate change of output, rewrite the expected text in place with
//! `SNAPSHOTS=overwrite cargo test --test it snapshots::` and review the diff.

use crate::common::{ActionSpec, Doc, Output, Sandbox};
use snapbox::{str, Assert, Redactions};

const DB: &str = "2026-01-10-db-outage";
const CACHE: &str = "2026-02-20-cache-stampede";

/// The repository, and the redactions for what is not the same on every machine.
struct Fixture {
    s: Sandbox,
    redactions: Redactions,
}

/// Two post-mortems, then a commit that moves the first one's action items along. Today is
/// 2026-03-05 and "due soon" is within 7 days.
fn fixture() -> Fixture {
    let s = Sandbox::initialised();
    let mut no_owner = ActionSpec::new("A2", "Document the warm-up", "x", "2026-03-10", "open");
    no_owner.owner = None;
    let mut db = Doc::new(DB, "Database outage").status("closed");
    db.severity = "SEV1".into();
    db.followup_review = Some("2026-03-05".into());
    let db_before = db
        .clone()
        .action(ActionSpec::new(
            "A1",
            "Alert on pool saturation",
            "sam@example.com",
            "2026-03-04",
            "open",
        ))
        .action(ActionSpec::new(
            "A2",
            "Write the failover runbook",
            "jo@example.com",
            "2026-03-08",
            "open",
        ))
        .action(ActionSpec::new(
            "A3",
            "Load test the pool",
            "kim@example.com",
            "2026-02-01",
            "open",
        ));
    s.add_postmortem(&db_before);
    let add_db = s.commit_all("Add the database outage", "2026-01-12T09:00:00Z");

    let cache = Doc::new(CACHE, "Cache stampede")
        .section(
            "Root Cause Analysis",
            "The outage was caused by human error during the rollout.",
        )
        .section("Lessons Learned", "TODO")
        .action(ActionSpec::new(
            "A1",
            "Add request coalescing",
            "lee@example.com",
            "2026-03-20",
            "in-progress",
        ))
        .action(no_owner);
    s.add_postmortem(&cache);
    let add_cache = s.commit_all("Add the cache stampede", "2026-02-21T10:00:00Z");

    // The review meeting: A1 reassigned, A2 started, A3 done.
    let db_after = db
        .action(ActionSpec::new(
            "A1",
            "Alert on pool saturation",
            "jo@example.com",
            "2026-03-04",
            "open",
        ))
        .action(ActionSpec::new(
            "A2",
            "Write the failover runbook",
            "jo@example.com",
            "2026-03-08",
            "in-progress",
        ))
        .action(ActionSpec::new(
            "A3",
            "Load test the pool",
            "kim@example.com",
            "2026-02-01",
            "done",
        ));
    s.add_postmortem(&db_after);
    let edit = s.commit_all("Follow up on the database outage", "2026-02-26T15:30:00Z");

    let mut redactions = Redactions::new();
    for (placeholder, commit) in [
        ("[ADD_DB_COMMIT]", &add_db),
        ("[ADD_CACHE_COMMIT]", &add_cache),
        ("[EDIT_COMMIT]", &edit),
    ] {
        // The reports show abbreviated IDs; snapbox applies redactions in the order of their
        // values, so a full ID beside its own prefix would be cut in two.
        redactions
            .insert(placeholder, commit[..7].to_string())
            .expect("placeholder");
    }
    redactions
        .insert("[ROOT]", s.root.clone())
        .expect("placeholder");
    Fixture { s, redactions }
}

impl Fixture {
    fn assert(&self) -> Assert {
        Assert::new()
            .action_env("SNAPSHOTS")
            .redact_with(self.redactions.clone())
    }

    /// `pm ARGS`: its exit code, then stdout, then stderr, as one text.
    fn run(&self, args: &[&str]) -> String {
        let Output {
            code,
            stdout,
            stderr,
        } = self.s.pm(args);
        format!("exit {code}\n--- stdout\n{stdout}--- stderr\n{stderr}")
    }
}

#[test]
fn check() {
    let f = fixture();
    f.assert().eq(f.run(&["check"]), str![[r#"
exit 1
--- stdout
error[actions/missing-owner]: action `A2` has no `owner`: an action nobody owns is an action nobody drives
  --> postmortems/2026/2026-02-20-cache-stampede.md:25:1
   |
25 | [[actions]]
   | ^^^^^^^^^^^
   |
   = help: add `owner = "someone@example.com"` to this [[actions]] item

error[blameless/human-error]: "Human error" is a label, not an explanation: it closes the inquiry exactly where it should start, at the conditions that made the slip likely. Here: "human error" (confident).
  --> postmortems/2026/2026-02-20-cache-stampede.md:53:26
   |
53 | The outage was caused by human error during the rollout.
   |                          ^^^^^^^^^^^
   |
   = help: Replace the label with the conditions: what about the rollout made the slip easy to make and costly when made?

2 errors, 0 warnings in 2 files
--- stderr

"#]]);
}

#[test]
fn list() {
    let f = fixture();
    f.assert().eq(
        f.run(&["list"]),
        str![[r#"
exit 0
--- stdout
STARTED     SEV    STATUS     OPEN  OVERDUE  ID                         TITLE
2026-02-20  SEV2   in-review     2        0  2026-02-20-cache-stampede  Cache stampede
2026-01-10  SEV1   closed        2        1  2026-01-10-db-outage       Database outage
--- stderr

"#]],
    );
}

#[test]
fn followup() {
    let f = fixture();
    f.assert().eq(
        f.run(&["followup"]),
        str![[r#"
exit 0
--- stdout
Follow-up as of 2026-03-05

Overdue (1)
  2026-01-10-db-outage#A1  2026-03-04  jo@example.com     1d late  Alert on pool saturation

Due within 7 days (2)
  2026-01-10-db-outage#A2       2026-03-08  jo@example.com  in   3d  Write the failover runbook
  2026-02-20-cache-stampede#A2  2026-03-10  (no owner)      in   5d  Document the warm-up

Follow-up reviews due (0)
  none

Incomplete: no owner or no due date (1)
  2026-02-20-cache-stampede#A2  2026-03-10  (no owner)  missing owner  Document the warm-up

Policy breaches (1)
  2026-02-20-cache-stampede  not reviewed in time: the review was due by 2026-02-27 (SEV2 policy: within 7 days of the incident)
--- stderr

"#]],
    );
}

#[test]
fn followup_with_progress_since_a_date() {
    let f = fixture();
    f.assert()
        .eq(f.run(&["followup", "--since", "2026-02-25"]), str![[r#"
exit 0
--- stdout
Follow-up as of 2026-03-05

Overdue (1)
  2026-01-10-db-outage#A1  2026-03-04  jo@example.com     1d late  Alert on pool saturation

Due within 7 days (2)
  2026-01-10-db-outage#A2       2026-03-08  jo@example.com  in   3d  Write the failover runbook
  2026-02-20-cache-stampede#A2  2026-03-10  (no owner)      in   5d  Document the warm-up

Follow-up reviews due (0)
  none

Incomplete: no owner or no due date (1)
  2026-02-20-cache-stampede#A2  2026-03-10  (no owner)  missing owner  Document the warm-up

Policy breaches (1)
  2026-02-20-cache-stampede  not reviewed in time: the review was due by 2026-02-27 (SEV2 policy: within 7 days of the incident)

Progress since 2026-02-25 (after [ADD_CACHE_COMMIT]) (3 changes)
  2026-02-26  [EDIT_COMMIT]  Test Author  2026-01-10-db-outage#A1  reassigned sam@example.com → jo@example.com
  2026-02-26  [EDIT_COMMIT]  Test Author  2026-01-10-db-outage#A2  status open → in-progress
  2026-02-26  [EDIT_COMMIT]  Test Author  2026-01-10-db-outage#A3  closed (open → done)
--- stderr

"#]]);
}

#[test]
fn agenda() {
    let f = fixture();
    f.assert().eq(f.run(&["agenda", CACHE]), str![[r#"
exit 0
--- stdout
# Review meeting: Cache stampede

- **Post-mortem:** `2026-02-20-cache-stampede`
- **Severity:** SEV2
- **Status:** in-review

## Opening statement

Read this aloud before anything else:

> This review is blameless. Everyone involved acted in good faith, with the information, tools
> and time they had. We are here to understand how our systems, tools and processes made this
> outcome possible, and to change them, not to find someone to blame. If a question starts with
> "who", we will turn it into a question about the system. Speak freely: what you say here helps
> us make the next incident less likely and less painful.

## Agenda (60 minutes)

| Time | Minutes | Item | Goal |
|---|---:|---|---|
| 0:00 – 0:15 | 15 | Timeline of Events | Walk through what was seen and done, in order. Fill the gaps listed below. |
| 0:15 – 0:30 | 15 | Root Cause Analysis | How the failure came about: conditions and mechanisms, not the person closest to it. |
| 0:30 – 0:42 | 12 | Contributing Factors | Tooling, alerting, documentation, load, timing: what made it possible or worse. |
| 0:42 – 0:54 | 12 | Action Items | Each item gets an owner and a due date before the meeting ends. |
| 0:54 – 1:00 | 6 | Open Discussion | Open questions, disagreements, and anything the group should decide. |
| | **60** | **Total** | |

## What the document still lacks

### Sections

- Every section has content.

### Action items

- **A2** “Document the warm-up” (line 25): no owner.

### Timeline gaps (more than 30 minutes)

- 35 minutes between line 47 (`10:05`) and line 48 (`10:40`): what was happening?

### Wording findings

- line 53: "Human error" is a label, not an explanation: it closes the inquiry exactly where it should start, at the conditions that made the slip likely. Here: "human error" (confident). (`blameless/human-error`) — try: Replace the label with the conditions: what about the rollout made the slip easy to make and costly when made?

## Turning blame into questions about the system

When you hear the remark on the left, ask the question on the right.

| If you hear | Ask instead |
|---|---|
| “Who pushed the change?” | What made this change look safe to ship? |
| “Why didn't they follow the runbook?” | What did the runbook say at the time, and how easy was it to find and follow under pressure? |
| “Someone should have caught this in review.” | What would a reviewer have needed to see to notice this, and did the diff or tooling show it? |
| “That was just human error.” | What in the system made this mistake easy to make and hard to notice? |
| “Why did it take so long to respond?” | What did the responders see at each point, and what would have told them sooner? |
| “They ignored the alert.” | How many alerts were firing then, and how did this one look compared with the rest? |
| “It's obvious what went wrong.” | What did we know at the time, before we knew the outcome? |
| “Who approved this?” | What does our approval step check, and what is it not designed to catch? |

## Follow-up review

Proposed date: **2026-03-20** (the incident start (2026-02-20) + 28 days). Before the meeting ends, confirm the date and who will run `pm followup`.
--- stderr

"#]]);
}
