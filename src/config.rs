//! `pm.toml`: the repository's configuration. Every key has a default; the file is found by
//! walking up from the working directory, stopping at the git work-tree root.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub const FILE_NAME: &str = "pm.toml";

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    pub repo: RepoConfig,
    pub document: DocumentConfig,
    pub new: NewConfig,
    pub check: CheckConfig,
    pub followup: FollowupConfig,
    /// `[policy.SEV1]`…: what each severity promises (docs/FOLLOWUP.md, "Policies").
    pub policy: Policies,
}

/// The policies by severity. What pm.toml's `[policy.SEVn]` tables write overrides the
/// defaults key by key: a key left out keeps its default (docs/FOLLOWUP.md, "Policies").
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(transparent)]
pub struct Policies(pub BTreeMap<String, Policy>);

impl<'de> Deserialize<'de> for Policies {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let written = BTreeMap::<String, Policy>::deserialize(deserializer)?;
        Ok(Policies::default().overridden_by(written))
    }
}

/// What a severity promises; a key left out promises nothing.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Policy {
    /// The review meeting is held within this many days of the incident's start.
    pub review_within_days: Option<u32>,
    /// P0 and P1 action items are due within this many days of the incident's start.
    pub priority_actions_within_days: Option<u32>,
    /// `pm new` proposes the follow-up review this many days after the start (instead of
    /// `new.followup_after_days`).
    pub followup_after_days: Option<u32>,
}

impl Policies {
    /// These policies with each key `written` sets replacing its value; a severity named in
    /// another case (`sev1`) is the same severity.
    pub fn overridden_by(mut self, written: BTreeMap<String, Policy>) -> Policies {
        for (severity, policy) in written {
            let name = self
                .0
                .keys()
                .find(|k| k.eq_ignore_ascii_case(&severity))
                .cloned()
                .unwrap_or(severity);
            let current = self.0.entry(name).or_default();
            current.review_within_days = policy.review_within_days.or(current.review_within_days);
            current.priority_actions_within_days = policy
                .priority_actions_within_days
                .or(current.priority_actions_within_days);
            current.followup_after_days =
                policy.followup_after_days.or(current.followup_after_days);
        }
        self
    }

    /// The policy of `severity` (case-insensitive), if any.
    pub fn of(&self, severity: &str) -> Option<&Policy> {
        self.0
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(severity))
            .map(|(_, policy)| policy)
    }
}

impl Default for Policies {
    /// SEV1: review within 3 days, P0/P1 actions within 28 days (4 weeks); SEV2: review within
    /// 7 days (5 business days), P0/P1 actions within 56 days (8 weeks). Sources: Atlassian's
    /// Incident Handbook (priority actions have an SLO of 4 or 8 weeks) and PagerDuty's
    /// post-mortem guide (the meeting within 5 business days); see docs/FOLLOWUP.md.
    fn default() -> Self {
        let policy = |review, actions| Policy {
            review_within_days: Some(review),
            priority_actions_within_days: Some(actions),
            followup_after_days: None,
        };
        Policies(BTreeMap::from([
            ("SEV1".to_string(), policy(3, 28)),
            ("SEV2".to_string(), policy(7, 56)),
        ]))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RepoConfig {
    /// Folder holding the post-mortems, relative to the folder of `pm.toml`.
    pub dir: String,
    pub branch_prefix: String,
    pub default_branch: String,
    pub remote: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DocumentConfig {
    pub severities: Vec<String>,
    /// Sections every post-mortem must have (missing: an error once past draft).
    pub sections: Vec<String>,
    /// Sections a post-mortem should have (missing: a warning, never an error).
    pub recommended: Vec<String>,
    pub timeline_section: String,
    /// Zone of timeline entries that name none: an IANA name, `UTC` or an offset.
    pub timezone: String,
    /// Heading names that stand for a section (`"Follow-ups" = "Action Items"`), on top of the
    /// built-in aliases (`crate::document::sections`).
    pub aliases: BTreeMap<String, String>,
    /// The alias table built from the fields above, once (every document's checks and timeline
    /// reader ask for it).
    #[serde(skip)]
    alias_table: Derived<crate::document::sections::Aliases>,
}

/// A value computed once from the rest of a configuration: not read from pm.toml, not written,
/// and ignored when two configurations are compared.
#[derive(Debug, Clone, Default)]
struct Derived<T>(std::sync::OnceLock<T>);

impl<T> PartialEq for Derived<T> {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl DocumentConfig {
    /// Every section name pm knows of here: required, recommended and the timeline's.
    pub fn known_sections(&self) -> impl Iterator<Item = &str> {
        self.sections
            .iter()
            .chain(&self.recommended)
            .map(String::as_str)
            .chain(std::iter::once(self.timeline_section.as_str()))
    }

    /// The heading aliases: built-in ones for the known sections, then `[document.aliases]`.
    pub fn aliases(&self) -> &crate::document::sections::Aliases {
        self.alias_table.0.get_or_init(|| {
            crate::document::sections::Aliases::new(self.known_sections(), &self.aliases)
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct NewConfig {
    pub template: String,
    pub severity: String,
    /// Days after the incident start proposed for the follow-up review.
    pub followup_after_days: u32,
}

/// Read from text in quotes only, so a number or a table is reported as "needs text in quotes"
/// rather than in toml's enum vocabulary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase", try_from = "String")]
pub enum Level {
    Error,
    Warning,
    Off,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Off => "off",
        }
    }
}

/// Read from text in quotes only, like [`Level`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase", try_from = "String")]
pub enum FailOn {
    Error,
    Warning,
}

impl TryFrom<String> for Level {
    type Error = String;
    fn try_from(word: String) -> Result<Level, String> {
        match word.as_str() {
            "error" => Ok(Level::Error),
            "warning" => Ok(Level::Warning),
            "off" => Ok(Level::Off),
            _ => Err(format!(
                "unknown level `{word}`: write \"error\", \"warning\" or \"off\""
            )),
        }
    }
}

impl TryFrom<String> for FailOn {
    type Error = String;
    fn try_from(word: String) -> Result<FailOn, String> {
        match word.as_str() {
            "error" => Ok(FailOn::Error),
            "warning" => Ok(FailOn::Warning),
            _ => Err(format!(
                "unknown value `{word}`: write \"error\" or \"warning\""
            )),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CheckConfig {
    pub fail_on: FailOn,
    /// Per-rule level, keyed by rule ID.
    pub rules: BTreeMap<String, Level>,
    pub blameless: BlamelessConfig,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BlamelessConfig {
    /// Phrases never flagged.
    pub allow: Vec<String>,
    /// Names of people, in addition to those in each document's front matter.
    pub people: Vec<String>,
    /// How readily the learned model alone raises a warning (`"low"`, `"normal"`, `"high"`;
    /// docs/BLAMELESS.md, "Sensitivity"). Errors and rule findings do not depend on it.
    pub sensitivity: Sensitivity,
}

/// `[check.blameless] sensitivity`: where on the precision–recall curve the model-alone
/// warnings sit. Each level is a threshold on the model's P(blame) for a sentence no rule
/// matched (`checks::blameless::engine`); the figures for each are in docs/BLAMELESS.md.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sensitivity {
    /// Fewer model-alone warnings: P(blame) ≥ 0.50, or ≥ 0.90 when the evidence only names a
    /// topic or an actor ("team", "the operations team").
    Low,
    /// The default: P(blame) ≥ 0.40, or ≥ 0.80 when the evidence only names a topic or actor.
    #[default]
    Normal,
    /// More: P(blame) ≥ 0.20, whatever the evidence.
    High,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FollowupConfig {
    pub due_soon_days: u32,
}

impl Default for RepoConfig {
    fn default() -> Self {
        RepoConfig {
            dir: "postmortems".into(),
            branch_prefix: "postmortem/".into(),
            default_branch: "main".into(),
            remote: "origin".into(),
        }
    }
}

impl Default for DocumentConfig {
    fn default() -> Self {
        DocumentConfig {
            severities: ["SEV1", "SEV2", "SEV3", "SEV4"].map(String::from).to_vec(),
            sections: DEFAULT_SECTIONS.map(String::from).to_vec(),
            recommended: RECOMMENDED_SECTIONS.map(String::from).to_vec(),
            timeline_section: "Timeline".into(),
            timezone: "UTC".into(),
            aliases: BTreeMap::new(),
            alias_table: Derived::default(),
        }
    }
}

/// Required by default: what good real reports contain (issue 16's survey of fourteen
/// published post-mortems), so a reviewed post-mortem needs no filler.
pub const DEFAULT_SECTIONS: [&str; 5] = [
    "Summary",
    "Impact",
    "Timeline",
    "Root Cause Analysis",
    "Action Items",
];

/// Recommended by default: a missing one is a warning, never an error. These are the rest of
/// the blameless agenda the template keeps. Detection and Resolution are in the template's
/// guidance and have built-in aliases, but are not recommended by default, so post-mortems
/// written before they were added do not start warning.
pub const RECOMMENDED_SECTIONS: [&str; 3] =
    ["Contributing Factors", "Lessons Learned", "Open Discussion"];

impl Default for NewConfig {
    fn default() -> Self {
        NewConfig {
            template: "default".into(),
            severity: "SEV2".into(),
            followup_after_days: 28,
        }
    }
}

impl Default for CheckConfig {
    fn default() -> Self {
        CheckConfig {
            fail_on: FailOn::Error,
            rules: BTreeMap::new(),
            blameless: BlamelessConfig::default(),
        }
    }
}

impl Default for FollowupConfig {
    fn default() -> Self {
        FollowupConfig { due_soon_days: 7 }
    }
}

/// A `pm.toml` that cannot be used.
#[derive(Debug, thiserror::Error)]
#[error("{path}:{line}:{column}: {message}")]
pub struct ConfigError {
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// serde's and toml's words for types (`u32`, "literal string", "sequence", "map", "wanted
/// string or table") in the words of a pm.toml author: serde's `invalid type: A, expected B`
/// becomes "found A where pm.toml needs B", with A and B named as TOML writes them.
fn plain_types(message: &str) -> String {
    let mut out = message.to_string();
    for (from, to) in [
        (
            "expected u32",
            "expected a whole number of 0 or more, without quotes",
        ),
        (
            "expected u64",
            "expected a whole number of 0 or more, without quotes",
        ),
        ("expected i64", "expected a whole number, without quotes"),
        (
            "expected usize",
            "expected a whole number of 0 or more, without quotes",
        ),
        ("literal string", "string"),
        // toml's word for a value of the wrong type where a word such as "error" belongs.
        ("wanted string or table", "expected text in quotes"),
    ] {
        out = out.replace(from, to);
    }
    let Some((kind, rest)) = out
        .strip_prefix("invalid type: ")
        .map(|r| ("type", r))
        .or_else(|| out.strip_prefix("invalid value: ").map(|r| ("value", r)))
    else {
        return out;
    };
    let Some((found, expected)) = rest.split_once(", expected ") else {
        return out;
    };
    let found = plain_found(found);
    let expected = match expected {
        "a sequence" => "a list in brackets, like [\"SEV1\", \"SEV2\"]".to_string(),
        "a string" => "text in quotes".to_string(),
        "a boolean" => "true or false, without quotes".to_string(),
        e if e == "a map" || e.starts_with("struct ") => "a table".to_string(),
        e => e.to_string(),
    };
    match kind {
        "type" => format!("found {found} where pm.toml needs {expected}"),
        _ => format!("{found} is not allowed here: pm.toml needs {expected}"),
    }
}

/// serde's name of the value it found (`Unexpected`'s display) as TOML writes it.
fn plain_found(found: &str) -> String {
    let quoted = |prefix: &str| {
        found
            .strip_prefix(prefix)
            .map(|v| v.trim_matches('`').to_string())
    };
    if let Some(v) = quoted("boolean ") {
        format!("`{v}` (true or false)")
    } else if let Some(v) = quoted("integer ").or_else(|| quoted("floating point ")) {
        format!("the number {v}")
    } else if let Some(v) = found.strip_prefix("string ") {
        format!("the text {v}")
    } else {
        match found {
            "sequence" => "a list".into(),
            // toml hands a date or a time to serde as a map.
            "map" => "a table or a date".into(),
            other => other.into(),
        }
    }
}

impl Config {
    /// Parses `pm.toml` text; errors name the line and column.
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let config: Config = toml::from_str(text).map_err(|e| {
            let (line, column) = match e.span() {
                Some(span) => line_column(text, span.start),
                None => (1, 1),
            };
            ConfigError {
                path: path.to_path_buf(),
                line,
                column,
                message: format!(
                    "{} (see `pm init` for a commented example)",
                    plain_types(e.message().trim())
                ),
            }
        })?;
        config.validate(text, path)?;
        Ok(config)
    }

    fn validate(&self, text: &str, path: &Path) -> Result<(), ConfigError> {
        let fail = |key: &[&str], message: String| {
            let at = key_span(text, key).map_or(0, |span| span.start);
            let (line, column) = line_column(text, at);
            ConfigError {
                path: path.to_path_buf(),
                line,
                column,
                message,
            }
        };
        let dir = Path::new(&self.repo.dir);
        if self.repo.dir.is_empty()
            || dir.is_absolute()
            || dir
                .components()
                .any(|c| !matches!(c, std::path::Component::Normal(_)))
        {
            return Err(fail(
                &["repo", "dir"],
                format!(
                    "repo.dir = {:?} must be a relative folder inside the repository, without `..`",
                    self.repo.dir
                ),
            ));
        }
        if crate::timeline::Zone::parse(&self.document.timezone).is_none() {
            return Err(fail(
                &["document", "timezone"],
                format!(
                    "document.timezone = {:?} is not a time zone: write an IANA name (\"America/New_York\"), \"UTC\" or an offset (\"+01:00\")",
                    self.document.timezone
                ),
            ));
        }
        for (heading, section) in &self.document.aliases {
            let target = crate::document::sections::key(section);
            let known = self
                .document
                .known_sections()
                .any(|s| crate::document::sections::key(s) == target);
            if !known {
                return Err(fail(
                    &["document", "aliases", heading],
                    format!(
                        "document.aliases maps {heading:?} to {section:?}, which is not in document.sections, document.recommended or document.timeline_section"
                    ),
                ));
            }
        }
        if self.document.severities.is_empty() {
            return Err(fail(
                &["document", "severities"],
                "document.severities must name at least one level".into(),
            ));
        }
        Ok(())
    }

    /// The file `pm init` writes: every key with its default, commented.
    pub fn commented_default() -> &'static str {
        include_str!("../templates/pm.toml")
    }
}

fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let at = crate::document::lines::position_of(text.as_bytes(), offset);
    (at.line, at.column)
}

/// The byte span of the key at `path` (`["check", "rules", "blameless"]`) in TOML `text`, from
/// the parser's spans: a comment or a value that mentions the key's name is never taken for it.
pub fn key_span(text: &str, path: &[&str]) -> Option<std::ops::Range<usize>> {
    let doc = toml_edit::Document::parse(text).ok()?;
    let (last, parents) = path.split_last()?;
    let mut table: &dyn toml_edit::TableLike = doc.as_table();
    for key in parents {
        table = table.get(key)?.as_table_like()?;
    }
    let (key, _) = table.get_key_value(last)?;
    key.span()
}

/// Where the configuration was found.
#[derive(Debug, Clone)]
pub struct Located {
    /// The folder of `pm.toml`, or the work-tree root when there is none.
    pub root: PathBuf,
    /// The `pm.toml` read, if any.
    pub file: Option<PathBuf>,
    pub config: Config,
}

impl Located {
    /// The post-mortem folder.
    pub fn postmortem_dir(&self) -> PathBuf {
        self.root.join(&self.config.repo.dir)
    }
}

/// The largest `pm.toml` pm reads (a configuration is a few hundred bytes).
pub const MAX_CONFIG_BYTES: u64 = 1 << 20;

/// Walks up from `start` looking for `pm.toml`, stopping at `stop` (the work-tree root) when given.
pub fn locate(start: &Path, stop: Option<&Path>) -> Result<Located, ConfigError> {
    let mut dir = Some(start);
    while let Some(d) = dir {
        let candidate = d.join(FILE_NAME);
        // A `pm.toml` that is a symbolic link is refused, not followed (paths::open_confined).
        let present = std::fs::symlink_metadata(&candidate)
            .is_ok_and(|m| m.is_file() || m.file_type().is_symlink());
        if present {
            let cannot = |e: std::io::Error| ConfigError {
                path: candidate.clone(),
                line: 1,
                column: 1,
                message: format!("cannot read: {e}"),
            };
            let bytes =
                crate::paths::read_confined(d, &candidate, MAX_CONFIG_BYTES).map_err(cannot)?;
            let text = String::from_utf8(bytes).map_err(|_| {
                cannot(std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    "pm.toml is not UTF-8 text",
                ))
            })?;
            let config = Config::parse(&text, &candidate)?;
            return Ok(Located {
                root: d.to_path_buf(),
                file: Some(candidate),
                config,
            });
        }
        if stop.is_some_and(|s| s == d) {
            break;
        }
        dir = d.parent();
    }
    Ok(Located {
        root: stop.unwrap_or(start).to_path_buf(),
        file: None,
        config: Config::default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_commented_default_is_the_default() {
        let parsed =
            Config::parse(Config::commented_default(), Path::new("pm.toml")).expect("parses");
        assert_eq!(parsed, Config::default());
    }

    #[test]
    fn a_wrong_type_names_its_line() {
        let err = Config::parse(
            "[followup]\ndue_soon_days = \"soon\"\n",
            Path::new("pm.toml"),
        )
        .expect_err("wrong type");
        assert_eq!(err.line, 2, "{err}");
        let err =
            Config::parse("[repo]\ndri = \"x\"\n", Path::new("pm.toml")).expect_err("unknown");
        assert_eq!(err.line, 2, "{err}");
        assert!(err.message.contains("dir"), "{err}");
    }

    #[test]
    fn key_positions_come_from_the_parser() {
        let text = "# dir is where the files go\n[repo]\n  dir = \"../x\"\n";
        let err = Config::parse(text, Path::new("pm.toml")).expect_err("..");
        assert_eq!((err.line, err.column), (3, 3));
        let rules = "[check.rules]\n\"blameless/x\" = \"off\"\n";
        assert_eq!(
            key_span(rules, &["check", "rules", "blameless/x"]),
            Some(14..27)
        );
    }

    #[test]
    fn dir_cannot_leave_the_repository() {
        let err = Config::parse("[repo]\ndir = \"../x\"\n", Path::new("pm.toml")).expect_err("..");
        assert_eq!(err.line, 2);
    }

    #[test]
    fn a_policy_key_overrides_its_default_and_nothing_else() {
        let text =
            "[policy.sev1]\nreview_within_days = 2\n\n[policy.SEV3]\nreview_within_days = 14\n";
        let config = Config::parse(text, Path::new("pm.toml")).expect("parses");
        let sev1 = config.policy.of("SEV1").expect("SEV1");
        assert_eq!(sev1.review_within_days, Some(2));
        assert_eq!(sev1.priority_actions_within_days, Some(28));
        // `sev1` is SEV1's table, not a second one.
        assert_eq!(config.policy.0.len(), 3, "{:?}", config.policy);
        assert_eq!(config.policy.of("SEV2"), Policies::default().of("SEV2"));
        let sev3 = config.policy.of("SEV3").expect("SEV3");
        assert_eq!(sev3.review_within_days, Some(14));
        assert_eq!(sev3.priority_actions_within_days, None);
    }
}
