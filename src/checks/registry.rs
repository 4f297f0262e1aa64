//! Every rule pm checks, with its default level and the text `--explain`, `--list-rules` and
//! SARIF show. One table, so the three never disagree.

use super::blameless;
use crate::config::Level;
use std::sync::LazyLock;

/// A rule's documentation and default level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleMeta {
    /// `<group>/<name>`.
    pub id: &'static str,
    /// The level when `pm.toml` does not set one.
    pub level: Level,
    /// One line: what the rule finds.
    pub summary: &'static str,
    /// Why it matters for a blameless, useful post-mortem.
    pub rationale: &'static str,
    /// An example that fires.
    pub bad: &'static str,
    /// The same thing written so that it does not.
    pub good: &'static str,
}

/// The rule groups, in the order reports and listings use.
pub const GROUPS: [&str; 5] = [
    "frontmatter",
    "structure",
    "timeline",
    "actions",
    "blameless",
];

const fn rule(
    id: &'static str,
    level: Level,
    summary: &'static str,
    rationale: &'static str,
    bad: &'static str,
    good: &'static str,
) -> RuleMeta {
    RuleMeta {
        id,
        level,
        summary,
        rationale,
        bad,
        good,
    }
}

use Level::{Error as E, Warning as W};

/// The rules of every group but `blameless` (whose rules come from the wording detector).
const OWN: &[RuleMeta] = &[
    rule(
        "frontmatter/missing",
        E,
        "The file does not begin with a `+++` front-matter block.",
        "pm, site generators and reviewers find the post-mortem's facts (status, severity, times) in the front matter.",
        "# Checkout outage\n\nThe cache failed.",
        "+++\nid = \"2026-11-26-checkout-outage\"\ntitle = \"Checkout outage\"\n...\n+++\n\n# Checkout outage",
    ),
    rule(
        "frontmatter/unterminated",
        E,
        "The `+++` front matter is never closed.",
        "Without the closing line the whole document would be read as TOML.",
        "+++\nid = \"2026-11-26-checkout-outage\"\n\n# Checkout outage",
        "+++\nid = \"2026-11-26-checkout-outage\"\n+++\n\n# Checkout outage",
    ),
    rule(
        "frontmatter/invalid-toml",
        E,
        "The front matter is not valid TOML.",
        "A syntax error hides every field after it from pm and from the reader.",
        "title = Checkout outage",
        "title = \"Checkout outage\"",
    ),
    rule(
        "frontmatter/unreadable",
        E,
        "The file cannot be read as a post-mortem (too large, not UTF-8, or binary).",
        "A post-mortem is a small UTF-8 Markdown file that every reviewer can open.",
        "a UTF-16 or binary file",
        "the same text saved as UTF-8",
    ),
    rule(
        "frontmatter/missing-field",
        E,
        "A required field (id, title, status, severity, started) is missing.",
        "Listings, follow-up reviews and statistics depend on these facts; a reader should not have to guess them.",
        "title = \"Checkout outage\"\nstatus = \"draft\"",
        "title = \"Checkout outage\"\nstatus = \"draft\"\nseverity = \"SEV2\"\nstarted = 2026-11-26T09:12:00Z",
    ),
    rule(
        "frontmatter/wrong-type",
        E,
        "A field has the wrong TOML type.",
        "pm cannot read a value of the wrong type, so the fact it records is lost.",
        "authors = 3",
        "authors = [\"amal@example.com\"]",
    ),
    rule(
        "frontmatter/invalid-date",
        E,
        "A date or datetime does not name a real day or moment.",
        "Durations and due dates computed from an impossible date are wrong.",
        "review_meeting = 2026-02-30",
        "review_meeting = 2026-03-02",
    ),
    rule(
        "frontmatter/unknown-key",
        W,
        "A front-matter key pm does not know (often a typo).",
        "A misspelt key is silently ignored by every tool; the fact it was meant to record is lost.",
        "[impact]\nsumary = \"38% of checkouts failed\"",
        "[impact]\nsummary = \"38% of checkouts failed\"",
    ),
    rule(
        "frontmatter/id-mismatch",
        E,
        "The `id` differs from the file name.",
        "The ID is the file stem; links, `pm show` and action references (`ID#A1`) use it.",
        "id = \"2026-11-26-db-outage\" in 2026-11-26-checkout-outage.md",
        "id = \"2026-11-26-checkout-outage\" in 2026-11-26-checkout-outage.md",
    ),
    rule(
        "frontmatter/duplicate-id",
        E,
        "Another post-mortem in the repository uses the same ID.",
        "Two post-mortems with one ID make references and follow-up ambiguous.",
        "two files with id = \"2026-11-26-checkout-outage\"",
        "id = \"2026-11-26-checkout-outage\" and id = \"2026-11-26-checkout-outage-eu\"",
    ),
    rule(
        "frontmatter/unknown-severity",
        E,
        "The severity is not one of the levels in pm.toml.",
        "Severities drive statistics and review priority; a level outside the scale cannot be compared.",
        "severity = \"critical\"",
        "severity = \"SEV1\"",
    ),
    rule(
        "frontmatter/invalid-status",
        E,
        "The status is not draft, in-review, reviewed or closed.",
        "The status decides how strictly the document is checked and when follow-up starts.",
        "status = \"done\"",
        "status = \"reviewed\"",
    ),
    rule(
        "frontmatter/missing-offset",
        E,
        "A timestamp has no offset or `Z`.",
        "Without an offset a time cannot be placed: readers in other time zones get durations wrong.",
        "started = 2026-11-26T09:12:00",
        "started = 2026-11-26T09:12:00Z",
    ),
    rule(
        "frontmatter/timestamp-order",
        E,
        "The timestamps are not ordered started <= detected <= mitigated <= resolved.",
        "Time to detect and time to mitigate are computed from these; out of order they are negative.",
        "started = 2026-11-26T09:12:00Z\ndetected = 2026-11-26T09:02:00Z",
        "started = 2026-11-26T09:02:00Z\ndetected = 2026-11-26T09:12:00Z",
    ),
    rule(
        "structure/missing-section",
        E,
        "A section required by pm.toml is missing (a warning while the status is draft).",
        "The blameless agenda (timeline, root cause, contributing factors, actions) only works when every part is there.",
        "## Summary\n## Timeline",
        "## Summary\n## Impact\n## Timeline",
    ),
    rule(
        "structure/duplicate-section",
        E,
        "A required section appears twice (a warning while the status is draft).",
        "Readers and tools read the first one and miss what the second says.",
        "## Timeline\n...\n## Timeline",
        "## Timeline\n...\n## Root Cause Analysis",
    ),
    rule(
        "structure/empty-section",
        E,
        "A required section is empty or holds only the template's placeholder text (a warning while the status is draft).",
        "An empty section in a reviewed post-mortem means a question the review never answered.",
        "## Contributing Factors\n\n_What else made this possible or worse_",
        "## Contributing Factors\n\nThe pool size had no lower bound in the config schema.",
    ),
    rule(
        "structure/title-mismatch",
        W,
        "The first-level heading differs from the front-matter title.",
        "Listings show the front-matter title and the page shows the heading; readers should see one name.",
        "title = \"Checkout outage\"\n...\n# Checkout down",
        "title = \"Checkout outage\"\n...\n# Checkout outage",
    ),
    rule(
        "structure/unknown-rule",
        E,
        "A `pm-ignore`, `pm-disable` or `pm-enable` comment names a rule that does not exist.",
        "A misspelt rule name suppresses nothing, so the finding it was meant to silence stays and nobody knows why.",
        "<!-- pm-ignore blameless/hindsigth -->",
        "<!-- pm-ignore blameless/hindsight -->",
    ),
    rule(
        "timeline/missing-time",
        W,
        "A timeline entry does not begin with a time.",
        "An ordered, timed timeline shows how the incident unfolded without anyone reconstructing it from memory.",
        "- The alert fired and paged the on-call engineer.",
        "- 09:20 UTC: the alert fired and paged the on-call engineer.",
    ),
    rule(
        "timeline/out-of-order",
        E,
        "A timeline entry is earlier than the one before it.",
        "Out-of-order entries make cause and effect hard to follow. Without dates, a backwards jump of more than 12 hours is read as crossing midnight.",
        "- 09:20 UTC: alert fired\n- 09:12 UTC: deploy started",
        "- 09:12 UTC: deploy started\n- 09:20 UTC: alert fired",
    ),
    rule(
        "actions/missing-id",
        E,
        "An action item has no `id`.",
        "Action items are referenced as ID#A1 in follow-up reviews and commits.",
        "[[actions]]\ntitle = \"Alert on pool saturation\"",
        "[[actions]]\nid = \"A1\"\ntitle = \"Alert on pool saturation\"",
    ),
    rule(
        "actions/missing-title",
        E,
        "An action item has no `title`.",
        "An action without a description cannot be done or checked.",
        "[[actions]]\nid = \"A1\"",
        "[[actions]]\nid = \"A1\"\ntitle = \"Alert on pool saturation above 80% for 5 minutes\"",
    ),
    rule(
        "actions/missing-owner",
        E,
        "An action item has no owner.",
        "An action nobody owns is an action nobody does; the owner drives it, not takes blame for it.",
        "[[actions]]\nid = \"A1\"\ntitle = \"...\"",
        "[[actions]]\nid = \"A1\"\ntitle = \"...\"\nowner = \"sam@example.com\"",
    ),
    rule(
        "actions/missing-due",
        E,
        "An action item has no due date.",
        "Without a due date the follow-up review cannot tell whether the action is late.",
        "[[actions]]\nid = \"A1\"\nowner = \"sam@example.com\"",
        "[[actions]]\nid = \"A1\"\nowner = \"sam@example.com\"\ndue = 2026-12-10",
    ),
    rule(
        "actions/missing-status",
        E,
        "An action item has no status.",
        "The follow-up review tracks each action from open to done or wont-do.",
        "[[actions]]\nid = \"A1\"\ndue = 2026-12-10",
        "[[actions]]\nid = \"A1\"\ndue = 2026-12-10\nstatus = \"open\"",
    ),
    rule(
        "actions/invalid-status",
        E,
        "An action item's status is not open, in-progress, done or wont-do.",
        "Follow-up reports count actions by status; an unknown one is counted nowhere.",
        "status = \"finished\"",
        "status = \"done\"",
    ),
    rule(
        "actions/invalid-kind",
        E,
        "An action item's kind is not prevent, mitigate, detect or process.",
        "The kind shows whether the actions cover prevention, detection and mitigation, not just one of them.",
        "kind = \"monitoring\"",
        "kind = \"detect\"",
    ),
    rule(
        "actions/invalid-priority",
        E,
        "An action item's priority is not P0, P1, P2 or P3.",
        "Priorities are compared across post-mortems; a value outside the scale cannot be.",
        "priority = \"high\"",
        "priority = \"P1\"",
    ),
    rule(
        "actions/invalid-id",
        W,
        "An action item's id is not `A` followed by a number.",
        "References like ID#A3 rely on the A-number form.",
        "id = \"alert\"",
        "id = \"A3\"",
    ),
    rule(
        "actions/duplicate-id",
        E,
        "Two action items share an id.",
        "A reference like ID#A1 must name exactly one action.",
        "two [[actions]] with id = \"A1\"",
        "id = \"A1\" and id = \"A2\"",
    ),
    rule(
        "actions/wont-do-without-reason",
        E,
        "An action marked wont-do has no `reason`.",
        "Deciding not to do an action is legitimate; the next reader needs to know why, or the risk looks forgotten.",
        "status = \"wont-do\"",
        "status = \"wont-do\"\nreason = \"Superseded by A4: the pool is replaced by the proxy.\"",
    ),
    rule(
        "actions/due-before-start",
        E,
        "An action item is due before the incident started.",
        "A due date before the incident is almost always a typo (a wrong year or month).",
        "started = 2026-11-26T09:12:00Z\n...\ndue = 2025-12-10",
        "started = 2026-11-26T09:12:00Z\n...\ndue = 2026-12-10",
    ),
    rule(
        "actions/not-actionable",
        W,
        "An action item's title has no concrete, checkable outcome (\"be more careful\", \"improve monitoring\", \"investigate\").",
        "Vague actions are never finished and fix nothing; a good action changes the system in a way someone can verify.",
        "title = \"Improve monitoring\"",
        "title = \"Alert when connection-pool saturation stays above 80% for 5 minutes\"",
    ),
    rule(
        "actions/targets-person",
        E,
        "An action item aims at a person's behaviour (\"retrain Dave\", \"remind engineers to double-check\").",
        "Telling people to try harder leaves the system that allowed the failure unchanged, and teaches them to hide mistakes.",
        "title = \"Remind engineers to double-check the pool size before deploying\"",
        "title = \"Reject a pool size of 0 in the config schema and in CI\"",
    ),
];

static ALL: LazyLock<Vec<RuleMeta>> = LazyLock::new(|| {
    let mut all: Vec<RuleMeta> = OWN.to_vec();
    all.extend(blameless::rules().iter().map(|r| RuleMeta {
        id: r.id,
        level: Level::Error,
        summary: r.summary,
        rationale: r.rationale,
        bad: r.bad,
        good: r.good,
    }));
    all
});

/// Every rule, grouped in the order of [`GROUPS`].
pub fn all() -> &'static [RuleMeta] {
    &ALL
}

/// The rule with this ID.
pub fn find(id: &str) -> Option<&'static RuleMeta> {
    all().iter().find(|r| r.id == id)
}

/// True when `name` is a rule ID, a group (`blameless`), or a group pattern (`blameless/*`):
/// the forms suppression comments and `[check.rules]` accept.
pub fn is_known_name(name: &str) -> bool {
    let group = name.strip_suffix("/*").unwrap_or(name);
    GROUPS.contains(&group) || find(name).is_some()
}

/// True when `name` (as accepted by [`is_known_name`]) covers `rule`.
pub fn name_covers(name: &str, rule: &str) -> bool {
    if name == rule {
        return true;
    }
    let group = name.strip_suffix("/*").unwrap_or(name);
    rule.strip_prefix(group)
        .is_some_and(|rest| rest.starts_with('/'))
}

/// The closest rule ID or group to a misspelt `name`, when one is close.
pub fn did_you_mean_rule(name: &str) -> Option<&'static str> {
    let candidates = all().iter().map(|r| r.id).chain(GROUPS);
    did_you_mean(name, candidates)
}

/// The candidate closest to `word` by edit distance, when it is close enough to be a typo.
pub fn did_you_mean<'c>(
    word: &str,
    candidates: impl IntoIterator<Item = &'c str>,
) -> Option<&'c str> {
    let lower = word.to_lowercase();
    let mut best: Option<(usize, &str)> = None;
    for candidate in candidates {
        let distance = edit_distance(&lower, &candidate.to_lowercase());
        if best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    let (distance, candidate) = best?;
    let limit = (word.chars().count() / 3).clamp(1, 3);
    (distance <= limit && candidate != word).then_some(candidate)
}

/// Levenshtein distance over characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        current[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitute = previous[j] + usize::from(ca != *cb);
            current[j + 1] = substitute.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_grouped_and_documented() {
        let mut seen = std::collections::HashSet::new();
        for rule in all() {
            assert!(seen.insert(rule.id), "duplicate {}", rule.id);
            let group = rule.id.split('/').next().unwrap_or("");
            assert!(GROUPS.contains(&group), "{}", rule.id);
            assert!(
                !rule.summary.is_empty() && !rule.rationale.is_empty(),
                "{}",
                rule.id
            );
        }
    }

    #[test]
    fn names_cover_rules_and_groups() {
        assert!(name_covers("blameless", "blameless/hindsight"));
        assert!(name_covers("blameless/*", "blameless/hindsight"));
        assert!(!name_covers("blame", "blameless/hindsight"));
        assert!(is_known_name("timeline/*"));
        assert!(!is_known_name("timeline/nope"));
    }

    #[test]
    fn typos_get_a_suggestion_and_strangers_do_not() {
        assert_eq!(
            did_you_mean_rule("blameless/hindsigth"),
            Some("blameless/hindsight")
        );
        assert_eq!(did_you_mean("sumary", ["summary", "slos"]), Some("summary"));
        assert_eq!(did_you_mean("colour", ["summary", "slos"]), None);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
