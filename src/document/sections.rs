//! Section names as people write them: the built-in heading aliases and the matching rule.
//!
//! A heading names a section when its *key* equals the key of the section's name or of one of
//! its aliases. The key is the heading lowercased, with a leading number (`2.`, `3.1`), anything
//! in parentheses (`Timeline (all times PST)`) and every character that is not a letter or a
//! digit removed, so `Root-Cause`, `root cause:` and `2. Root Cause` are one name.
//!
//! The built-in aliases come from the headings real post-mortems use for each section (issue 16's
//! survey of fourteen published reports): `[document.aliases]` in pm.toml adds more, and wins
//! where it names the same heading.

use std::collections::BTreeMap;
use std::sync::{Arc, LazyLock};

/// Built-in aliases: (section, headings that name it). One table: the section checks, the
/// timeline reader and `pm import` all read it.
pub const BUILT_IN_ALIASES: &[(&str, &[&str])] = &[
    (
        "Summary",
        &[
            "Overview",
            "Executive Summary",
            "Incident Summary",
            "TL;DR",
            "TLDR",
            "Abstract",
        ],
    ),
    (
        "Impact",
        &[
            "Customer Impact",
            "User Impact",
            "Business Impact",
            "Impact Assessment",
            "Scope and Impact",
        ],
    ),
    (
        "Timeline",
        &[
            "Timeline of Events",
            "Incident Timeline",
            "Detailed Timeline",
            "Sequence of Events",
            "Chronology",
            "Events",
        ],
    ),
    (
        "Root Cause Analysis",
        &[
            "Root Cause",
            "Root Causes",
            "RCA",
            "Cause",
            "Causes",
            "What Happened",
            "Technical Details",
            "Analysis",
        ],
    ),
    (
        "Contributing Factors",
        &["Contributing Causes", "Contributing Factor", "Factors"],
    ),
    (
        "Action Items",
        &[
            "Actions",
            "Follow-ups",
            "Follow-up Actions",
            "Follow-up Items",
            "Followups",
            "Remediation",
            "Remediations",
            "Remediation Items",
            "Corrective Actions",
            "Preventive Actions",
            "Next Steps",
            "Action Plan",
        ],
    ),
    (
        "Lessons Learned",
        &[
            "Lessons",
            "Learnings",
            "Key Learnings",
            "Takeaways",
            "What We Learned",
        ],
    ),
    (
        "Open Discussion",
        &["Open Questions", "Discussion", "Questions"],
    ),
    (
        "Detection",
        &[
            "How We Detected It",
            "How It Was Detected",
            "Discovery",
            "Detection and Response",
            "Alerting",
        ],
    ),
    (
        "Resolution",
        &[
            "Recovery",
            "Resolution and Recovery",
            "Mitigation",
            "Mitigation and Resolution",
            "Response and Recovery",
            "Fix",
        ],
    ),
];

/// The matching key of a heading or section name (see the module docs).
pub fn key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut depth = 0usize;
    let trimmed = name
        .trim_start()
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.')
        .trim_start();
    for c in trimmed.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            // ASCII first: headings are nearly always ASCII, and `to_lowercase` costs an
            // iterator per character (a tenth of `pm check` on heading-heavy text).
            c if depth == 0 && c.is_ascii_alphanumeric() => out.push(c.to_ascii_lowercase()),
            c if depth == 0 && !c.is_ascii() && c.is_alphanumeric() => out.extend(c.to_lowercase()),
            _ => {}
        }
    }
    out
}

/// Heading names mapped onto section names: built-in aliases plus `[document.aliases]`.
#[derive(Debug, Clone, Default)]
pub struct Aliases {
    /// Key of a heading (or a section's own name) → the section's name as configured. Shared:
    /// one table per configuration, cloned into every timeline reader for the cost of a count.
    by_key: Arc<BTreeMap<String, Named>>,
}

/// A section's name as configured and its key.
#[derive(Debug, Clone)]
struct Named {
    name: String,
    key: String,
}

impl Named {
    fn new(name: &str) -> Named {
        Named {
            name: name.to_string(),
            key: key(name),
        }
    }
}

/// The built-in table by key: key of a heading → key of the section it names (the section's own
/// key included), built once per process.
static BUILT_IN_KEYS: LazyLock<BTreeMap<String, Vec<String>>> = LazyLock::new(|| {
    let mut by_key: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (section, aliases) in BUILT_IN_ALIASES {
        let section_key = key(section);
        for alias in *aliases {
            by_key
                .entry(key(alias))
                .or_default()
                .push(section_key.clone());
        }
    }
    by_key
});

impl Aliases {
    /// The aliases for `sections` (every section name pm knows of: required, recommended and
    /// the timeline's), with `extra` (`[document.aliases]`: heading → section) on top.
    pub fn new<'a>(
        sections: impl IntoIterator<Item = &'a str>,
        extra: &BTreeMap<String, String>,
    ) -> Aliases {
        let mut by_key = BTreeMap::new();
        let sections: Vec<&str> = sections.into_iter().collect();
        for (section, aliases) in BUILT_IN_ALIASES {
            // A configured section with the same key takes the built-in aliases under its own
            // spelling ("Root cause analysis" in pm.toml gets "RCA").
            let name = sections
                .iter()
                .find(|s| key(s) == key(section))
                .copied()
                .unwrap_or(section);
            for alias in *aliases {
                by_key.insert(key(alias), Named::new(name));
            }
        }
        for section in &sections {
            by_key.insert(key(section), Named::new(section));
        }
        for (heading, section) in extra {
            let name = sections
                .iter()
                .find(|s| key(s) == key(section))
                .map_or(section.as_str(), |s| s);
            by_key.insert(key(heading), Named::new(name));
        }
        Aliases {
            by_key: Arc::new(by_key),
        }
    }

    /// The section a heading names, if any.
    pub fn section_of(&self, heading: &str) -> Option<&str> {
        self.by_key.get(&key(heading)).map(|n| n.name.as_str())
    }

    /// Whether the heading whose key is `heading_key` names the section whose key is
    /// `section_key` by its name or a built-in alias, without building the table (the body
    /// parser asks this of every level-2 heading).
    pub fn built_in_keys_name(heading_key: &str, section_key: &str) -> bool {
        heading_key == section_key
            || BUILT_IN_KEYS
                .get(heading_key)
                .is_some_and(|sections| sections.iter().any(|s| s == section_key))
    }

    /// Whether `heading` names `section`.
    pub fn names(&self, heading: &str, section: &str) -> bool {
        self.keys_name(&key(heading), &key(section))
    }

    /// The key of the section the heading whose key is `heading_key` names by an alias or its
    /// name, if any: `keys_name(h, s)` is `h == s || section_key_of(h) == Some(s)`, for callers
    /// that compare each heading with many sections and look it up once.
    pub fn section_key_of(&self, heading_key: &str) -> Option<&str> {
        self.by_key.get(heading_key).map(|s| s.key.as_str())
    }

    /// [`Aliases::names`] on keys (`key(heading)`, `key(section)`), for callers that compare
    /// many headings with many sections and work each key out once.
    pub fn keys_name(&self, heading_key: &str, section_key: &str) -> bool {
        heading_key == section_key || self.section_key_of(heading_key) == Some(section_key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_case_punctuation_numbers_and_parentheses() {
        assert_eq!(key("Root-Cause:"), "rootcause");
        assert_eq!(key("2. Root cause"), "rootcause");
        assert_eq!(key("Timeline (all times PST)"), "timeline");
        assert_eq!(key("Follow-ups"), key("followups"));
        assert_eq!(key("TL;DR"), "tldr");
    }

    #[test]
    fn built_in_and_configured_aliases() {
        let mut extra = BTreeMap::new();
        extra.insert(
            "Post-incident tasks".to_string(),
            "action items".to_string(),
        );
        let aliases = Aliases::new(["Summary", "Timeline", "Action Items"], &extra);
        assert_eq!(aliases.section_of("RCA"), Some("Root Cause Analysis"));
        assert_eq!(aliases.section_of("Follow-ups"), Some("Action Items"));
        assert_eq!(
            aliases.section_of("post incident TASKS"),
            Some("Action Items")
        );
        assert_eq!(aliases.section_of("Timeline (UTC)"), Some("Timeline"));
        assert_eq!(aliases.section_of("Recovery"), Some("Resolution"));
        assert!(aliases.names("Incident timeline", "Timeline"));
        assert!(!aliases.names("Background", "Summary"));
        assert_eq!(aliases.section_of("Background"), None);
    }
}
