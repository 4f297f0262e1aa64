//! Every rule pm checks, in one table: its typed ID, default level, name, and the text
//! `--explain`, `--list-rules`, SARIF and docs/CHECKS.md show. The wording rules are here too;
//! the wording detector (`checks/blameless`) refers to this table for their metadata.

use crate::config::Level;

/// A rule's documentation and default level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleMeta {
    /// The rule's typed ID.
    pub rule: RuleId,
    /// `<group>/<name>`, as users write it.
    pub id: &'static str,
    /// The level when `pm.toml` does not set one.
    pub level: Level,
    /// A short title.
    pub name: &'static str,
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

use Level::{Error as E, Warning as W};

/// Declares [`RuleId`] and [`RULES`] from one list, so a rule cannot have an ID without its
/// documentation or the other way round.
macro_rules! rules {
    ($($variant:ident = $id:literal, $level:ident, $name:literal,
        $summary:expr, $rationale:expr, $bad:expr, $good:expr;)*) => {
        /// Every rule's ID. Checks name the rule they report by this type, never by a string.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum RuleId {
            $($variant,)*
        }

        impl RuleId {
            /// `<group>/<name>`.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(RuleId::$variant => $id,)*
                }
            }

            /// This rule's entry in [`RULES`].
            pub fn meta(self) -> &'static RuleMeta {
                &RULES[self as usize]
            }
        }

        /// Every rule, grouped in the order of [`GROUPS`]; the `n`th is `RuleId` number `n`.
        pub const RULES: &[RuleMeta] = &[
            $(RuleMeta {
                rule: RuleId::$variant,
                id: $id,
                level: $level,
                name: $name,
                summary: $summary,
                rationale: $rationale,
                bad: $bad,
                good: $good,
            },)*
        ];
    };
}

rules! {
    FrontmatterMissing = "frontmatter/missing", E, "Missing front matter",
        "The file does not begin with a `+++` front-matter block.",
        "pm, site generators and reviewers find the post-mortem's facts (status, severity, times) in the front matter.",
        "# Checkout outage\n\nThe cache failed.",
        "+++\nid = \"2026-11-26-checkout-outage\"\ntitle = \"Checkout outage\"\n...\n+++\n\n# Checkout outage";
    FrontmatterUnterminated = "frontmatter/unterminated", E, "Unterminated front matter",
        "The `+++` front matter is never closed.",
        "Without the closing line the whole document would be read as TOML.",
        "+++\nid = \"2026-11-26-checkout-outage\"\n\n# Checkout outage",
        "+++\nid = \"2026-11-26-checkout-outage\"\n+++\n\n# Checkout outage";
    FrontmatterInvalidToml = "frontmatter/invalid-toml", E, "Invalid TOML",
        "The front matter is not valid TOML.",
        "A syntax error hides every field after it from pm and from the reader.",
        "title = Checkout outage",
        "title = \"Checkout outage\"";
    FrontmatterUnreadable = "frontmatter/unreadable", E, "Unreadable file",
        "The file cannot be read as a post-mortem (too large, not UTF-8, or binary).",
        "A post-mortem is a small UTF-8 Markdown file that every reviewer can open.",
        "a UTF-16 or binary file",
        "the same text saved as UTF-8";
    FrontmatterMissingField = "frontmatter/missing-field", E, "Missing field",
        "A required field (id, title, status, severity, started) is missing.",
        "Listings, follow-up reviews and statistics depend on these facts; a reader should not have to guess them.",
        "title = \"Checkout outage\"\nstatus = \"draft\"",
        "title = \"Checkout outage\"\nstatus = \"draft\"\nseverity = \"SEV2\"\nstarted = 2026-11-26T09:12:00Z";
    FrontmatterWrongType = "frontmatter/wrong-type", E, "Wrong type",
        "A field has the wrong TOML type.",
        "pm cannot read a value of the wrong type, so the fact it records is lost.",
        "authors = 3",
        "authors = [\"amal@example.com\"]";
    FrontmatterInvalidDate = "frontmatter/invalid-date", E, "Invalid date",
        "A date or datetime does not name a real day or moment.",
        "Durations and due dates computed from an impossible date are wrong.",
        "review_meeting = 2026-02-30",
        "review_meeting = 2026-03-02";
    FrontmatterUnknownKey = "frontmatter/unknown-key", W, "Unknown key",
        "A front-matter key pm does not know (often a typo).",
        "A misspelt key is silently ignored by every tool; the fact it was meant to record is lost.",
        "[impact]\nsumary = \"38% of checkouts failed\"",
        "[impact]\nsummary = \"38% of checkouts failed\"";
    FrontmatterIdMismatch = "frontmatter/id-mismatch", E, "ID mismatch",
        "The `id` differs from the file name.",
        "The ID is the file stem; links, `pm show` and action references (`ID#A1`) use it.",
        "id = \"2026-11-26-db-outage\" in 2026-11-26-checkout-outage.md",
        "id = \"2026-11-26-checkout-outage\" in 2026-11-26-checkout-outage.md";
    FrontmatterDuplicateId = "frontmatter/duplicate-id", E, "Duplicate ID",
        "Another post-mortem in the repository uses the same ID.",
        "Two post-mortems with one ID make references and follow-up ambiguous.",
        "two files with id = \"2026-11-26-checkout-outage\"",
        "id = \"2026-11-26-checkout-outage\" and id = \"2026-11-26-checkout-outage-eu\"";
    FrontmatterUnknownSeverity = "frontmatter/unknown-severity", E, "Unknown severity",
        "The severity is not one of the levels in pm.toml.",
        "Severities drive statistics and review priority; a level outside the scale cannot be compared.",
        "severity = \"critical\"",
        "severity = \"SEV1\"";
    FrontmatterInvalidStatus = "frontmatter/invalid-status", E, "Invalid status",
        "The status is not draft, in-review, reviewed or closed.",
        "The status decides how strictly the document is checked and when follow-up starts.",
        "status = \"done\"",
        "status = \"reviewed\"";
    FrontmatterMissingOffset = "frontmatter/missing-offset", E, "Missing offset",
        "A timestamp has no offset or `Z`.",
        "Without an offset a time cannot be placed: readers in other time zones get durations wrong.",
        "started = 2026-11-26T09:12:00",
        "started = 2026-11-26T09:12:00Z";
    FrontmatterTimestampOrder = "frontmatter/timestamp-order", E, "Timestamp order",
        "The timestamps are not ordered started <= detected <= mitigated <= resolved.",
        "Time to detect and time to mitigate are computed from these; out of order they are negative.",
        "started = 2026-11-26T09:12:00Z\ndetected = 2026-11-26T09:02:00Z",
        "started = 2026-11-26T09:02:00Z\ndetected = 2026-11-26T09:12:00Z";
    StructureMissingSection = "structure/missing-section", E, "Missing section",
        "A section required by pm.toml is missing (a warning while the status is draft).",
        "The blameless agenda (timeline, root cause, contributing factors, actions) only works when every part is there.",
        "## Summary\n## Timeline",
        "## Summary\n## Impact\n## Timeline";
    StructureDuplicateSection = "structure/duplicate-section", E, "Duplicate section",
        "A required section appears twice (a warning while the status is draft).",
        "Readers and tools read the first one and miss what the second says.",
        "## Timeline\n...\n## Timeline",
        "## Timeline\n...\n## Root Cause Analysis";
    StructureEmptySection = "structure/empty-section", E, "Empty section",
        "A required section is empty or holds only the template's placeholder text (a warning while the status is draft).",
        "An empty section in a reviewed post-mortem means a question the review never answered.",
        "## Contributing Factors\n\n_What else made this possible or worse_",
        "## Contributing Factors\n\nThe pool size had no lower bound in the config schema.";
    StructureRecommendedSection = "structure/recommended-section", W, "Recommended section",
        "A section recommended by pm.toml (`[document] recommended`) is missing or empty.",
        "Detection, resolution, contributing factors and lessons make a report useful to the next responder; they are asked for, never forced.",
        "## Timeline\n...\n## Action Items",
        "## Timeline\n...\n## Detection\n...\n## Resolution\n...\n## Action Items";
    StructureTitleMismatch = "structure/title-mismatch", W, "Title mismatch",
        "The first-level heading differs from the front-matter title.",
        "Listings show the front-matter title and the page shows the heading; readers should see one name.",
        "title = \"Checkout outage\"\n...\n# Checkout down",
        "title = \"Checkout outage\"\n...\n# Checkout outage";
    StructureUnknownRule = "structure/unknown-rule", E, "Unknown rule",
        "A `pm-ignore`, `pm-disable` or `pm-enable` comment names a rule that does not exist.",
        "A misspelt rule name suppresses nothing, so the finding it was meant to silence stays and nobody knows why.",
        "<!-- pm-ignore blameless/hindsigth -->",
        "<!-- pm-ignore blameless/hindsight -->";
    TimelineMissingTime = "timeline/missing-time", W, "Missing time",
        "A timeline entry does not begin with a time.",
        "An ordered, timed timeline shows how the incident unfolded without anyone reconstructing it from memory.",
        "- The alert fired and paged the on-call engineer.",
        "- 09:20 UTC: the alert fired and paged the on-call engineer.";
    TimelineOutOfOrder = "timeline/out-of-order", E, "Out of order",
        "A timeline entry is earlier than the one before it.",
        "Out-of-order entries make cause and effect hard to follow. Without dates, a backwards jump of more than 12 hours is read as crossing midnight.",
        "- 09:20 UTC: alert fired\n- 09:12 UTC: deploy started",
        "- 09:12 UTC: deploy started\n- 09:20 UTC: alert fired";
    TimelineUnparseableTime = "timeline/unparseable-time", W, "Unparseable time",
        "A timeline entry begins like a date or time that does not exist (`2026-02-30`, `25:10`).",
        "An entry that cannot be placed in time drops out of the ordering check and of the JSON timeline, silently.",
        "- 2026-02-30 14:05 UTC: failover started",
        "- 2026-03-02 14:05 UTC: failover started";
    TimelineAmbiguousRollover = "timeline/ambiguous-rollover", W, "Ambiguous midnight roll-over",
        "An undated entry 12 to 16 hours earlier than the one before it is read as the next day, which may be wrong.",
        "A roll-over past midnight is a guess when the gap is that large: a written date makes the order certain.",
        "- 20:00 UTC: load test began\n- 07:10 UTC: the queue drained",
        "- 20:00 UTC: load test began\n- 2026-03-05 07:10 UTC: the queue drained";
    TimelineZoneAbbreviation = "timeline/zone-abbreviation", W, "Zone abbreviation",
        "A zone abbreviation contradicts its calendar (`PST` in July) or has two common meanings (`CST`, `IST`).",
        "An abbreviation read the wrong way moves an entry by hours; readers in other zones get the order and durations wrong.",
        "- 2026-07-14 14:05 PST: paged",
        "- 2026-07-14 14:05 PDT: paged";
    ActionsMissingId = "actions/missing-id", E, "Missing ID",
        "An action item has no `id`.",
        "Action items are referenced as ID#A1 in follow-up reviews and commits.",
        "[[actions]]\ntitle = \"Alert on pool saturation\"",
        "[[actions]]\nid = \"A1\"\ntitle = \"Alert on pool saturation\"";
    ActionsMissingTitle = "actions/missing-title", E, "Missing title",
        "An action item has no `title`.",
        "An action without a description cannot be done or checked.",
        "[[actions]]\nid = \"A1\"",
        "[[actions]]\nid = \"A1\"\ntitle = \"Alert on pool saturation above 80% for 5 minutes\"";
    ActionsMissingOwner = "actions/missing-owner", E, "Missing owner",
        "An action item has no owner.",
        "An action nobody owns is an action nobody does; the owner drives it, not takes blame for it.",
        "[[actions]]\nid = \"A1\"\ntitle = \"...\"",
        "[[actions]]\nid = \"A1\"\ntitle = \"...\"\nowner = \"sam@example.com\"";
    ActionsMissingDue = "actions/missing-due", E, "Missing due date",
        "An action item has no due date.",
        "Without a due date the follow-up review cannot tell whether the action is late.",
        "[[actions]]\nid = \"A1\"\nowner = \"sam@example.com\"",
        "[[actions]]\nid = \"A1\"\nowner = \"sam@example.com\"\ndue = 2026-12-10";
    ActionsMissingStatus = "actions/missing-status", E, "Missing status",
        "An action item has no status.",
        "The follow-up review tracks each action from open to done or wont-do.",
        "[[actions]]\nid = \"A1\"\ndue = 2026-12-10",
        "[[actions]]\nid = \"A1\"\ndue = 2026-12-10\nstatus = \"open\"";
    ActionsInvalidStatus = "actions/invalid-status", E, "Invalid status",
        "An action item's status is not open, in-progress, done or wont-do.",
        "Follow-up reports count actions by status; an unknown one is counted nowhere.",
        "status = \"finished\"",
        "status = \"done\"";
    ActionsInvalidKind = "actions/invalid-kind", E, "Invalid kind",
        "An action item's kind is not prevent, mitigate, detect or process.",
        "The kind shows whether the actions cover prevention, detection and mitigation, not just one of them.",
        "kind = \"monitoring\"",
        "kind = \"detect\"";
    ActionsInvalidPriority = "actions/invalid-priority", E, "Invalid priority",
        "An action item's priority is not P0, P1, P2 or P3.",
        "Priorities are compared across post-mortems; a value outside the scale cannot be.",
        "priority = \"high\"",
        "priority = \"P1\"";
    ActionsInvalidId = "actions/invalid-id", W, "Invalid ID",
        "An action item's id is not `A` followed by a number.",
        "References like ID#A3 rely on the A-number form.",
        "id = \"alert\"",
        "id = \"A3\"";
    ActionsDuplicateId = "actions/duplicate-id", E, "Duplicate ID",
        "Two action items share an id.",
        "A reference like ID#A1 must name exactly one action.",
        "two [[actions]] with id = \"A1\"",
        "id = \"A1\" and id = \"A2\"";
    ActionsWontDoWithoutReason = "actions/wont-do-without-reason", E, "Won't do without a reason",
        "An action marked wont-do has no `reason`.",
        "Deciding not to do an action is legitimate; the next reader needs to know why, or the risk looks forgotten.",
        "status = \"wont-do\"",
        "status = \"wont-do\"\nreason = \"Superseded by A4: the pool is replaced by the proxy.\"";
    ActionsDueBeforeStart = "actions/due-before-start", E, "Due before the start",
        "An action item is due before the incident started.",
        "A due date before the incident is almost always a typo (a wrong year or month).",
        "started = 2026-11-26T09:12:00Z\n...\ndue = 2025-12-10",
        "started = 2026-11-26T09:12:00Z\n...\ndue = 2026-12-10";
    ActionsNotActionable = "actions/not-actionable", W, "Not actionable",
        "An action item's title has no concrete, checkable outcome (\"be more careful\", \"improve monitoring\", \"investigate\").",
        "Vague actions are never finished and fix nothing; a good action changes the system in a way someone can verify.",
        "title = \"Improve monitoring\"",
        "title = \"Alert when connection-pool saturation stays above 80% for 5 minutes\"";
    ActionsTargetsPerson = "actions/targets-person", E, "Targets a person",
        "An action item aims at a person's behaviour (\"retrain Dave\", \"remind engineers to double-check\").",
        "Telling people to try harder leaves the system that allowed the failure unchanged, and teaches them to hide mistakes.",
        "title = \"Remind engineers to double-check the pool size before deploying\"",
        "title = \"Reject a pool size of 0 in the config schema and in CI\"";
    BlamelessIndividualFault = "blameless/individual-fault", E, "Individual fault",
        "A person is named or described as the cause of the incident.",
        "Stopping at 'who' hides 'how': the tooling, defaults and pressures that made the action likely stay in place for the next person.",
        "The outage happened because Priya merged her change without waiting for CI.",
        "The change was merged while CI was still running; the merge queue did not require passing checks.";
    BlamelessCounterfactual = "blameless/counterfactual", E, "Counterfactual",
        "\"should have\", \"could have\", \"failed to\", \"if only … had\" with a person or \"we\" as the subject.",
        "Counterfactuals judge a decision by an outcome nobody could see yet, and describe a world that did not happen instead of the one that did.",
        "Sarah should have caught this before it went out.",
        "Review did not surface the change to the timeout because the diff hid generated files.";
    BlamelessHumanError = "blameless/human-error", E, "Human error label",
        "\"human error\", \"operator error\", \"fat-finger\" and similar labels used as a cause.",
        "The label ends the inquiry; every human action happens inside a system that made it easy or hard.",
        "Root cause: operator error during the maintenance window.",
        "The maintenance script ran against all regions by default and did not ask for confirmation.";
    BlamelessJudgemental = "blameless/judgemental", E, "Judgemental wording",
        "careless, sloppy, incompetent, reckless, lazy, stupid, unacceptable… applied to people or their work.",
        "Grading people makes them defensive; the next review gets less detail.",
        "The config change was sloppy and poorly thought out.",
        "The config change did not include the staging override, and the linter does not check for it.";
    BlamelessNegligence = "blameless/negligence", E, "Negligence",
        "negligent, didn't bother, ignored (by people), neglected, without anyone even glancing.",
        "Claiming people chose not to care hides the competing demands and weak signals that explain what they did.",
        "Nobody bothered to look at the disk usage alerts for a week.",
        "The disk usage alert posted to a channel nobody watched and paged no one.";
    BlamelessPunishment = "blameless/punishment", E, "Punishment",
        "Disciplinary action, warnings, firing, removal from rotation, revoked access, \"held accountable\".",
        "A review that mentions punishment tells readers candour is risky; fewer near misses get reported.",
        "The engineer responsible will receive a formal written warning.",
        "A1: require a second approval for production database changes.";
    BlamelessHindsight = "blameless/hindsight", E, "Hindsight",
        "obviously, glaringly, \"anyone could have seen\", \"completely predictable\", \"should have been clear\".",
        "Knowing the outcome makes the signals look clearer than they were during the incident.",
        "In hindsight it was obvious the disk was going to fill up.",
        "Disk usage grew 2% a day; no alert covered the growth rate, only the absolute level.";
    BlamelessTeamBlame = "blameless/team-blame", E, "Team blame",
        "A team or department is the agent of fault (\"the QA team let this slip\", \"Ops was too slow\").",
        "Blaming a group is still blame, and it sets teams against each other instead of fixing the shared system.",
        "The database team dropped the ball on the index migration.",
        "The index migration had no owner after the reorg, and the migration tool does not track owners.";
    BlamelessSarcasm = "blameless/sarcasm", E, "Sarcasm and insinuation",
        "Sarcasm, scare quotes and insinuation about people (\"bravo to the release captain for skipping the canary, again\", \"our 'senior' engineer\").",
        "Mockery is blame that cannot be answered; it tells everyone that the review is about who looks foolish.",
        "Bravo to the release captain for skipping the canary, again.",
        "The canary stage can be skipped with a flag; it was skipped in three of the last ten releases.";
}

/// Every rule, grouped in the order of [`GROUPS`].
pub fn all() -> &'static [RuleMeta] {
    RULES
}

/// The rules of one group (`blameless`): the table keeps each group together.
pub fn group(name: &str) -> &'static [RuleMeta] {
    let in_group = |r: &RuleMeta| r.id.split('/').next() == Some(name);
    let start = RULES.iter().position(in_group).unwrap_or(RULES.len());
    let len = RULES[start..].iter().take_while(|r| in_group(r)).count();
    &RULES[start..start + len]
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

/// The rule table of docs/CHECKS.md: ID, default level, what it finds.
pub fn markdown_table() -> String {
    let mut out = String::from("| rule | level | finds |\n|---|---|---|\n");
    for rule in all() {
        out.push_str(&format!(
            "| `{}` | {} | {} |\n",
            rule.id,
            rule.level.as_str(),
            rule.summary.replace('|', "\\|")
        ));
    }
    out
}

/// The closest rule ID or group to a misspelt `name`, when one is close.
pub fn did_you_mean_rule(name: &str) -> Option<&'static str> {
    let candidates = all().iter().map(|r| r.id).chain(GROUPS);
    did_you_mean(name, candidates)
}

/// The candidate closest to `word` by edit distance (`strsim`'s Levenshtein, case-insensitive),
/// when it is close enough to be a typo.
pub fn did_you_mean<'c>(
    word: &str,
    candidates: impl IntoIterator<Item = &'c str>,
) -> Option<&'c str> {
    let lower = word.to_lowercase();
    let mut best: Option<(usize, &str)> = None;
    for candidate in candidates {
        let distance = strsim::levenshtein(&lower, &candidate.to_lowercase());
        if best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    let (distance, candidate) = best?;
    let limit = (word.chars().count() / 3).clamp(1, 3);
    (distance <= limit && candidate != word).then_some(candidate)
}

/// `pm check --explain`: what the rule finds, why it matters, an example and its rewrite, and
/// how to silence it; `level` is the level it runs at in this repository.
pub fn explain(rule: &RuleMeta, level: Level) -> String {
    let indent = |text: &str| {
        text.lines()
            .map(|l| format!("    {l}\n"))
            .collect::<String>()
    };
    let configured = if level == rule.level {
        String::new()
    } else {
        format!("; {} in this repository", level.as_str())
    };
    format!(
        "{id} ({default} by default{configured})\n\n{summary}\n\nWhy: {rationale}\n\nInstead of:\n{bad}\nWrite:\n{good}\n\
         Silence it for one block with `<!-- pm-ignore {id} -->` before the block, or set its level in pm.toml:\n\n    [check.rules]\n    \"{id}\" = \"warning\"   # or \"error\", \"off\"\n",
        id = rule.id,
        default = rule.level.as_str(),
        summary = rule.summary,
        rationale = rule.rationale,
        bad = indent(rule.bad),
        good = indent(rule.good),
    )
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
    fn every_typed_id_is_its_own_registry_entry() {
        for (n, rule) in all().iter().enumerate() {
            assert_eq!(rule.rule as usize, n, "{}", rule.id);
            assert_eq!(rule.rule.as_str(), rule.id);
            assert_eq!(rule.rule.meta().id, rule.id);
            assert!(!rule.name.is_empty() && !rule.bad.is_empty() && !rule.good.is_empty());
        }
        let grouped: usize = GROUPS.iter().map(|g| group(g).len()).sum();
        assert_eq!(grouped, all().len(), "each group's rules stand together");
    }

    /// A rule ID written as a string anywhere in the sources (a check, a suppression, a doc
    /// comment) must be registered: a typo there would name a rule nobody can configure.
    #[test]
    fn every_rule_id_in_the_sources_is_registered() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut unregistered = Vec::new();
        let mut files = 0;
        let mut found = std::collections::BTreeSet::new();
        for entry in walkdir::WalkDir::new(&root) {
            let Ok(entry) = entry else { continue };
            if entry.path().extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            files += 1;
            for group in GROUPS {
                for (at, _) in text.match_indices(&format!("\"{group}/")) {
                    let rest = &text[at + 1..];
                    let Some(end) = rest.find('"') else { continue };
                    let id = &rest[..end];
                    let name = &id[group.len() + 1..];
                    if name.is_empty()
                        || name == "*"
                        || !name.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
                    {
                        continue;
                    }
                    found.insert(id.to_string());
                    if find(id).is_none() && !is_test_only(id) {
                        unregistered.push(format!("{}: {id}", entry.path().display()));
                    }
                }
            }
        }
        // The scan read the sources and recognised IDs in them: at least every registered one,
        // which the registry's own table spells out.
        assert!(
            files > 20,
            "only {files} source files scanned in {}",
            root.display()
        );
        let missed: Vec<&str> = all()
            .iter()
            .map(|r| r.id)
            .filter(|id| !found.contains(*id))
            .collect();
        assert!(missed.is_empty(), "the scan did not see {missed:?}");
        assert!(
            unregistered.is_empty(),
            "unregistered rule IDs: {unregistered:#?}"
        );
    }

    /// Names the tests use on purpose to show what an unknown rule does.
    fn is_test_only(id: &str) -> bool {
        matches!(
            id,
            "timeline/nope" | "blameless/hindsigth" | "blameless/x" | "blameless/nope"
        )
    }

    /// docs/CHECKS.md's rule table is this registry, row for row.
    #[test]
    fn the_rule_table_in_the_docs_is_the_registry() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/CHECKS.md");
        let docs = std::fs::read_to_string(&path).unwrap_or_default();
        let table = markdown_table();
        // The block of table lines that starts at the rule table's header, as written.
        let header = table.lines().next().unwrap_or_default();
        let in_docs: String = docs
            .lines()
            .skip_while(|line| *line != header)
            .take_while(|line| line.starts_with('|'))
            .map(|line| format!("{line}\n"))
            .collect();
        assert!(
            !in_docs.is_empty(),
            "docs/CHECKS.md has no rule table (a `{header}` line); add:\n\n{table}"
        );
        assert!(
            in_docs == table,
            "docs/CHECKS.md's rule table differs from the registry; replace it with:\n\n{table}"
        );
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
    }
}
