//! Blame-focused wording detection.
//!
//! STAND-IN: this small module only fixes the interface the check engine calls (`scan`,
//! `rules`). It flags two phrases and nothing else; the real detector replaces this file.

/// What the detector knows about the document beyond the text itself.
pub struct WordingContext<'a> {
    /// Names of the people involved (authors, facilitator, participants, owners, configured).
    pub people: &'a [String],
    /// Phrases never flagged.
    pub allow: &'a [String],
}

/// One finding in `text`: byte offsets into the text scanned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordingHit {
    pub start: usize,
    pub end: usize,
    pub rule: &'static str,
    pub message: String,
    pub suggestion: String,
}

/// A wording rule's documentation.
pub struct RuleInfo {
    pub id: &'static str,
    pub name: &'static str,
    pub summary: &'static str,
    pub rationale: &'static str,
    pub bad: &'static str,
    pub good: &'static str,
}

const PHRASES: &[(&str, &str, &str, &str)] = &[
    (
        "should have",
        "blameless/counterfactual",
        "\"should have\" judges a past decision by what is known now, not by what was known then",
        "describe what the person knew and what the system showed at the time",
    ),
    (
        "human error",
        "blameless/human-error",
        "\"human error\" ends the analysis where it should begin",
        "describe the conditions that made the action easy to take and hard to notice",
    ),
];

/// Finds blame-focused wording in `text`.
pub fn scan(text: &str, ctx: &WordingContext) -> Vec<WordingHit> {
    let lower = text.to_ascii_lowercase();
    let mut hits = Vec::new();
    for (phrase, rule, message, suggestion) in PHRASES {
        if ctx.allow.iter().any(|a| a.eq_ignore_ascii_case(phrase)) {
            continue;
        }
        let mut from = 0;
        while let Some(at) = lower[from..].find(phrase) {
            let start = from + at;
            let end = start + phrase.len();
            hits.push(WordingHit {
                start,
                end,
                rule,
                message: (*message).to_string(),
                suggestion: (*suggestion).to_string(),
            });
            from = end;
        }
    }
    hits.sort_by_key(|h| h.start);
    hits
}

const fn info(id: &'static str, name: &'static str, summary: &'static str) -> RuleInfo {
    RuleInfo {
        id,
        name,
        summary,
        rationale: "Blame-focused wording makes people defend themselves instead of explaining how the system let the failure happen.",
        bad: "Dave should have checked the config.",
        good: "The deploy tool accepted a pool size of 0 without a warning.",
    }
}

static RULES: [RuleInfo; 8] = [
    info(
        "blameless/individual-fault",
        "individual-fault",
        "An individual is named as the cause.",
    ),
    info(
        "blameless/counterfactual",
        "counterfactual",
        "\"Should have\" / \"could have\" judges the past by what is known now.",
    ),
    info(
        "blameless/human-error",
        "human-error",
        "\"Human error\" as a cause.",
    ),
    info(
        "blameless/judgemental",
        "judgemental",
        "Judgemental words about people (careless, sloppy).",
    ),
    info(
        "blameless/negligence",
        "negligence",
        "Accusations of negligence or failing to follow process.",
    ),
    info(
        "blameless/punishment",
        "punishment",
        "Punishment or discipline as an outcome.",
    ),
    info(
        "blameless/hindsight",
        "hindsight",
        "Hindsight phrasing (obviously, clearly).",
    ),
    info(
        "blameless/team-blame",
        "team-blame",
        "A team is blamed as the cause.",
    ),
];

/// Every wording rule.
pub fn rules() -> &'static [RuleInfo] {
    &RULES
}
