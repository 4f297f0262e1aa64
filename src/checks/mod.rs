//! Checks over the document model: structure and blameless wording.
//!
//! `check` is the one entry point: every command that validates documents (the CLI, the hook
//! through `--staged`, CI through `--rev-range`, the demo) goes through it. Each file is parsed
//! once; the rules walk the model and report [`Finding`]s with byte spans, which this module
//! filters through the suppression comments and the configured levels, and turns into
//! [`Diagnostic`]s with lines and columns.

mod actions;
pub mod blameless;
mod dfa;
mod frontmatter;
pub mod registry;
mod structure;
mod suppress;
mod timeline;
mod wording;

use crate::config::{Config, ConfigError, FailOn, Level};
use crate::document::{Body, Document, ParseError, ParseOptions, Span, Status};
use crate::repository::Unreadable;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{HashMap, HashSet};

pub use registry::{RuleId, RuleMeta};

/// A file to check: where it is shown as coming from, and its bytes.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// True when a finding of this severity fails a check run with `fail_on`.
    pub fn fails(self, fail_on: FailOn) -> bool {
        match fail_on {
            FailOn::Error => self == Severity::Error,
            FailOn::Warning => true,
        }
    }
}

/// One finding, as the JSON output shows it. Lines and columns are 1-based, columns count
/// characters, and the end is exclusive (the position just after the last character).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub severity: Severity,
    pub rule: String,
    pub message: String,
    pub suggestion: Option<String>,
}

/// The result of checking a set of files.
#[derive(Debug, Clone, Default)]
pub struct CheckReport {
    pub files_checked: usize,
    /// Sorted by path, line, column and rule.
    pub diagnostics: Vec<Diagnostic>,
    /// Findings left out as they were produced, past the most shown for one file
    /// (`report::cap_file`): per file, how many; in path order.
    pub omitted: Vec<(String, usize)>,
    /// How many of the left-out findings are errors and how many warnings: whether the check
    /// fails is decided on every finding.
    pub omitted_counts: (usize, usize),
}

impl CheckReport {
    /// (errors, warnings).
    pub fn counts(&self) -> (usize, usize) {
        let errors = self
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        (errors, self.diagnostics.len() - errors)
    }

    /// True when some finding is at or above `fail_on`.
    pub fn fails(&self, fail_on: FailOn) -> bool {
        let (errors, warnings) = self.omitted_counts;
        self.diagnostics.iter().any(|d| d.severity.fails(fail_on))
            || (errors > 0 && Severity::Error.fails(fail_on))
            || (warnings > 0 && Severity::Warning.fails(fail_on))
    }
}

impl CheckReport {
    /// Adds a file that could not be read at all (before parsing: a folder, a permission
    /// error, a file too large to read) as a `frontmatter/unreadable` finding at its level.
    pub fn add_unreadable(&mut self, file: &Unreadable, config: &Config) {
        self.files_checked += 1;
        let level = effective_level(config, RuleId::FrontmatterUnreadable.meta());
        let severity = match level {
            Level::Off => return,
            Level::Warning => Severity::Warning,
            Level::Error => Severity::Error,
        };
        self.diagnostics.push(Diagnostic {
            path: file.display.clone(),
            line: 1,
            column: 1,
            end_line: 1,
            end_column: 1,
            severity,
            rule: RuleId::FrontmatterUnreadable.as_str().into(),
            message: file.reason.clone(),
            suggestion: None,
        });
        sort(&mut self.diagnostics);
    }
}

/// The rule that reports a file the document model could not read.
fn parse_error_rule(e: &ParseError) -> RuleId {
    match e {
        ParseError::TooLarge { .. } | ParseError::NotUtf8 { .. } | ParseError::Binary { .. } => {
            RuleId::FrontmatterUnreadable
        }
        ParseError::MissingFrontMatter => RuleId::FrontmatterMissing,
        ParseError::Unterminated { .. } => RuleId::FrontmatterUnterminated,
        ParseError::Toml { .. } => RuleId::FrontmatterInvalidToml,
    }
}

/// The order every output uses: path, line, column, rule.
pub(crate) fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (&a.path, a.line, a.column, &a.rule, &a.message)
            .cmp(&(&b.path, b.line, b.column, &b.rule, &b.message))
    });
}

mod known;
pub mod targets;
pub use known::KnownIds;

/// What a rule reports: a byte span in the file and the words to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub rule: &'static str,
    pub span: Span,
    pub message: String,
    pub suggestion: Option<String>,
    /// A structural gap that is expected while the post-mortem is a draft: at most a warning
    /// then.
    pub lenient_in_draft: bool,
    /// A finding the detector is not confident about (a lower wording tier): at most a warning.
    pub at_most_warning: bool,
}

impl Finding {
    fn new(rule: RuleId, span: Span, message: impl Into<String>) -> Finding {
        Finding {
            rule: rule.as_str(),
            span,
            message: message.into(),
            suggestion: None,
            lenient_in_draft: false,
            at_most_warning: false,
        }
    }

    fn suggest(mut self, suggestion: impl Into<String>) -> Finding {
        self.suggestion = Some(suggestion.into());
        self
    }

    fn lenient_in_draft(mut self) -> Finding {
        self.lenient_in_draft = true;
        self
    }
}

/// What every rule sees of one document.
pub(crate) struct DocContext<'a> {
    pub doc: &'a Document,
    pub body: &'a Body,
    /// The timeline, read in the same parse as the body.
    pub timeline: &'a crate::timeline::Timeline,
    pub config: &'a Config,
    /// The file stem (the ID the file name gives), when the file has a name.
    pub stem: Option<&'a str>,
    /// The people the document names, worked out once (see `wording::people`).
    pub people: std::cell::OnceCell<Vec<String>>,
}

impl DocContext<'_> {
    fn text(&self) -> &str {
        &self.doc.text
    }

    /// The people the document names (computed on first use; action rules ask once per action).
    fn people(&self) -> &[String] {
        self.people.get_or_init(|| wording::people(self))
    }

    /// The opening `+++` line: where findings about the front matter as a whole point.
    fn front_matter_span(&self) -> Span {
        self.doc.split.open.clone()
    }

    /// The first line of `span` (without its line ending).
    fn first_line(&self, span: &Span) -> Span {
        let text = self.text();
        let start = span.start.min(text.len());
        let end = text[start..span.end.min(text.len()).max(start)]
            .find(['\n', '\r'])
            .map(|p| start + p)
            .unwrap_or(span.end.min(text.len()).max(start));
        start..end
    }
}

/// A `[check.rules]` key that names no rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownRule {
    pub name: String,
    pub did_you_mean: Option<&'static str>,
}

impl std::fmt::Display for UnknownRule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "[check.rules] names an unknown rule `{}`", self.name)?;
        match self.did_you_mean {
            Some(s) => write!(f, "; did you mean `{s}`?"),
            None => write!(f, "; `pm check --list-rules` lists the rules"),
        }
    }
}

/// Checks that every key of `[check.rules]` is a rule ID, a group or `group/*`.
pub fn validate_rule_levels(config: &Config) -> Result<(), UnknownRule> {
    for name in config.check.rules.keys() {
        if !registry::is_known_name(name) {
            return Err(UnknownRule {
                name: name.clone(),
                did_you_mean: registry::did_you_mean_rule(name),
            });
        }
    }
    Ok(())
}

/// [`validate_rule_levels`] for the configuration found on disk: an unknown rule stops the
/// command, naming the key's line and column in `pm.toml` (from the TOML parser's spans).
pub fn validate_configured_levels(located: &crate::config::Located) -> Result<(), ConfigError> {
    let Err(unknown) = validate_rule_levels(&located.config) else {
        return Ok(());
    };
    let path = located
        .file
        .clone()
        .unwrap_or_else(|| located.root.join(crate::config::FILE_NAME));
    let position = std::fs::read_to_string(&path).ok().and_then(|text| {
        let span = crate::config::key_span(&text, &["check", "rules", &unknown.name])?;
        Some(crate::document::lines::position_of(
            text.as_bytes(),
            span.start,
        ))
    });
    let (line, column) = position.map_or((1, 1), |p| (p.line, p.column));
    Err(ConfigError {
        path,
        line,
        column,
        message: unknown.to_string(),
    })
}

/// The level each rule runs at: its default, overridden by a group setting in pm.toml,
/// overridden by the rule's own setting.
pub fn effective_level(config: &Config, rule: &RuleMeta) -> Level {
    let mut level = rule.level;
    let mut group_level = None;
    for (name, configured) in &config.check.rules {
        if name == rule.id {
            return *configured;
        }
        if registry::name_covers(name, rule.id) {
            group_level = Some(*configured);
        }
    }
    if let Some(configured) = group_level {
        level = configured;
    }
    level
}

struct Settings<'a> {
    config: &'a Config,
    levels: HashMap<&'static str, Level>,
    /// How the timeline is read (its section, aliases and zone), once per run.
    timeline: crate::timeline::TimelineSettings,
}

impl<'a> Settings<'a> {
    fn new(config: &'a Config) -> Settings<'a> {
        let levels = registry::all()
            .iter()
            .map(|r| (r.id, effective_level(config, r)))
            .collect();
        Settings {
            config,
            levels,
            timeline: crate::timeline::TimelineSettings::from_config(config),
        }
    }

    fn severity(&self, finding: &Finding, status: Option<Status>) -> Option<Severity> {
        let severity = match self
            .levels
            .get(finding.rule)
            .copied()
            .unwrap_or(Level::Error)
        {
            Level::Off => return None,
            Level::Warning => Severity::Warning,
            Level::Error => Severity::Error,
        };
        let draft = matches!(status, None | Some(Status::Draft));
        if (finding.lenient_in_draft && draft) || finding.at_most_warning {
            return Some(Severity::Warning);
        }
        Some(severity)
    }
}

/// What checking one file gives, before the cross-file rules.
struct FileResult {
    /// At most `report::MAX_FINDINGS_PER_FILE`, the first by position (`report::cap_file`).
    diagnostics: Vec<Diagnostic>,
    /// The findings left out: how many, and how many of them are errors.
    omitted: crate::report::Omitted,
    /// The document's ID and a diagnostic skeleton pointing at it, for the duplicate-ID rule.
    id: Option<(String, Diagnostic)>,
}

/// Checks `files` against `config`. `known_ids` lists the other post-mortems of the repository.
pub fn check(files: &[SourceFile], config: &Config, known_ids: &KnownIds) -> CheckReport {
    let settings = Settings::new(config);
    let options = ParseOptions {
        timeline_section: &config.document.timeline_section,
    };
    // One file (the usual pre-commit hook) is checked on this thread: starting the thread
    // pool would cost more than it saves.
    let results: Vec<FileResult> = if files.len() < 2 {
        files
            .iter()
            .map(|file| check_file(file, &settings, &options))
            .collect()
    } else {
        files
            .par_iter()
            .map(|file| check_file(file, &settings, &options))
            .collect()
    };
    let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    finish(&paths, &results, &settings, known_ids)
}

/// What [`check_on_disk`] returns: the report, the files that have findings (their text, for
/// snippets), and the files that could not be read, with why.
pub type DiskCheck = (CheckReport, Vec<SourceFile>, Vec<Unreadable>);

/// Checks files on disk (`(path, shown path)`), reading each one inside the parallel loop and
/// keeping its bytes only when it has findings: a large repository is never held in memory
/// at once. Files that cannot be read are returned apart, for the caller to report.
pub fn check_on_disk(
    targets: &[(std::path::PathBuf, String)],
    config: &Config,
    known_ids: &KnownIds,
) -> DiskCheck {
    let settings = Settings::new(config);
    let options = ParseOptions {
        timeline_section: &config.document.timeline_section,
    };
    // Per file: its result and, when it has findings, its bytes; or why it could not be read.
    type Checked = Result<(FileResult, Option<SourceFile>), Unreadable>;
    let outcomes: Vec<Checked> = targets
        .par_iter()
        .map(|(path, shown)| {
            let bytes = crate::repository::read(path).map_err(|e| Unreadable::new(shown, e))?;
            let file = SourceFile {
                path: shown.clone(),
                bytes,
            };
            let result = check_file(&file, &settings, &options);
            let keep = (!result.diagnostics.is_empty()).then_some(file);
            Ok((result, keep))
        })
        .collect();
    let mut paths = Vec::with_capacity(outcomes.len());
    let mut results = Vec::with_capacity(outcomes.len());
    let mut kept = Vec::new();
    let mut unreadable = Vec::new();
    for ((_, shown), outcome) in targets.iter().zip(outcomes) {
        match outcome {
            Ok((result, keep)) => {
                paths.push(shown.as_str());
                results.push(result);
                kept.extend(keep);
            }
            Err(e) => unreadable.push(e),
        }
    }
    let report = finish(&paths, &results, &settings, known_ids);
    // A file whose only finding is a duplicate ID was not kept: read it again for its snippet.
    // Sets, not scans: with thousands of files and findings a scan per file is quadratic.
    let listed: HashSet<&str> = report.diagnostics.iter().map(|d| d.path.as_str()).collect();
    let have: HashSet<String> = kept.iter().map(|f| f.path.clone()).collect();
    for (path, shown) in targets {
        if listed.contains(shown.as_str()) && !have.contains(shown) {
            if let Ok(bytes) = crate::repository::read(path) {
                kept.push(SourceFile {
                    path: shown.clone(),
                    bytes,
                });
            }
        }
    }
    (report, kept, unreadable)
}

/// Adds the cross-file duplicate-ID findings to the per-file results and orders them.
fn finish(
    paths: &[&str],
    results: &[FileResult],
    settings: &Settings<'_>,
    known_ids: &KnownIds,
) -> CheckReport {
    // Only the IDs of the checked files can be reported as duplicates, so only they are
    // looked up among the known ones: the hook checks one file in a repository of thousands.
    let mut ids: Vec<&str> = results
        .iter()
        .filter_map(|r| r.id.as_ref().map(|(id, _)| id.as_str()))
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let mut owners: HashMap<&str, Vec<&str>> = HashMap::new();
    if !ids.is_empty() {
        // Sorted: a binary search per known ID, without hashing each of the thousands of
        // known IDs to look up the one the hook checks.
        let wanted = |id: &str| ids.binary_search(&id).is_ok();
        let mut checked: Option<HashSet<&str>> = None;
        for (id, path) in known_ids.iter() {
            if wanted(id)
                && !checked
                    .get_or_insert_with(|| paths.iter().copied().collect())
                    .contains(path)
            {
                owners.entry(id).or_default().push(path);
            }
        }
    }
    for (path, result) in paths.iter().zip(results) {
        if let Some((id, _)) = &result.id {
            owners.entry(id.as_str()).or_default().push(path);
        }
    }

    // The message names every other file with the ID, and is shown shortened: with thousands
    // of files sharing one ID, building each message whole would cost memory and time with
    // the square of their number. So the list's length comes from per-ID totals, and only
    // the part shown is built (`report::shortened`).
    let mut listed_chars: HashMap<&str, usize> = HashMap::new();
    let mut times_listed: HashMap<(&str, &str), usize> = HashMap::new();
    for (id, owner_paths) in &owners {
        listed_chars.insert(id, owner_paths.iter().map(|p| p.chars().count()).sum());
        for p in owner_paths {
            *times_listed.entry((id, p)).or_default() += 1;
        }
    }
    let mut diagnostics = Vec::new();
    let mut omitted = Vec::new();
    let mut omitted_counts = (0, 0);
    for (path, result) in paths.iter().zip(results) {
        diagnostics.extend(result.diagnostics.iter().cloned());
        if result.omitted.count > 0 {
            omitted.push((path.to_string(), result.omitted.count));
            omitted_counts.0 += result.omitted.errors;
            omitted_counts.1 += result.omitted.count - result.omitted.errors;
        }
        let Some((id, at)) = &result.id else { continue };
        let Some(owner_paths) = owners.get(id.as_str()) else {
            continue;
        };
        let mine = times_listed
            .get(&(id.as_str(), *path))
            .copied()
            .unwrap_or(0);
        let count = owner_paths.len() - mine;
        if count == 0 {
            continue;
        }
        let head = format!("the ID `{id}` is also used by ");
        let tail = "; two post-mortems with one ID make references and follow-up ambiguous";
        let list_chars = listed_chars.get(id.as_str()).copied().unwrap_or(0)
            - mine * path.chars().count()
            + 2 * (count - 1);
        let total = head.chars().count() + list_chars + tail.chars().count();
        let others = owner_paths.iter().copied().filter(|p| p != path);
        let parts = std::iter::once(head.as_str())
            .chain(
                others
                    .enumerate()
                    .flat_map(|(i, p)| [if i == 0 { "" } else { ", " }, p]),
            )
            .chain(std::iter::once(tail));
        let finding = Finding::new(
            RuleId::FrontmatterDuplicateId,
            0..0,
            crate::report::shortened(parts, total),
        )
        .suggest("give one of them a more specific slug (rename the file and its `id` together)");
        if let Some(severity) = settings.severity(&finding, Some(Status::InReview)) {
            diagnostics.push(Diagnostic {
                severity,
                rule: finding.rule.into(),
                message: finding.message,
                suggestion: finding.suggestion,
                ..at.clone()
            });
        }
    }
    sort(&mut diagnostics);
    omitted.sort();
    CheckReport {
        files_checked: paths.len(),
        diagnostics,
        omitted,
        omitted_counts,
    }
}

fn check_file(
    file: &SourceFile,
    settings: &Settings<'_>,
    options: &ParseOptions<'_>,
) -> FileResult {
    // One parse of the body: the timeline is read from its blocks as it is walked.
    let parsed = crate::timeline::parse_with_timeline(&file.bytes, options, &settings.timeline);
    let (doc, timeline) = match parsed {
        Ok(parsed) => parsed,
        Err(e) => {
            let (line, column) = e.position().unwrap_or((1, 1));
            let finding = Finding::new(parse_error_rule(&e), 0..0, e.to_string());
            let diagnostics = settings
                .severity(&finding, Some(Status::InReview))
                .map(|severity| Diagnostic {
                    path: file.path.clone(),
                    line,
                    column,
                    end_line: line,
                    end_column: column,
                    severity,
                    rule: finding.rule.into(),
                    message: finding.message,
                    suggestion: None,
                })
                .into_iter()
                .collect();
            return FileResult {
                diagnostics,
                omitted: Default::default(),
                id: None,
            };
        }
    };
    let empty_body = Body::default();
    let body = doc.body.as_ref().unwrap_or(&empty_body);
    let stem = file_stem(&file.path);
    let cx = DocContext {
        doc: &doc,
        body,
        timeline: &timeline,
        config: settings.config,
        stem,
        people: std::cell::OnceCell::new(),
    };
    let mut findings = Vec::new();
    frontmatter::check(&cx, &mut findings);
    structure::check(&cx, &mut findings);
    timeline::check(&cx, &mut findings);
    actions::check(&cx, &mut findings);
    wording::check(&cx, &mut findings);
    let findings = suppress::apply(&cx, findings);

    let status = doc.status();
    let mut diagnostics = findings
        .into_iter()
        .filter_map(|finding| {
            let severity = settings.severity(&finding, status)?;
            Some(to_diagnostic(&doc, &file.path, finding, severity))
        })
        .collect();
    // Capped as they are produced: a report holds at most so many findings per file, whatever
    // the file holds (issue 14).
    let omitted = crate::report::cap_file(&mut diagnostics);
    let id = match (&doc.front.id, stem) {
        (Some(id), _) => Some((
            id.value.clone(),
            to_diagnostic(
                &doc,
                &file.path,
                Finding::new(RuleId::FrontmatterDuplicateId, id.span.clone(), ""),
                Severity::Error,
            ),
        )),
        (None, Some(stem)) => Some((
            stem.to_string(),
            to_diagnostic(
                &doc,
                &file.path,
                Finding::new(RuleId::FrontmatterDuplicateId, doc.split.open.clone(), ""),
                Severity::Error,
            ),
        )),
        (None, None) => None,
    };
    FileResult {
        diagnostics,
        omitted,
        id,
    }
}

fn to_diagnostic(doc: &Document, path: &str, finding: Finding, severity: Severity) -> Diagnostic {
    let start = doc.position(finding.span.start);
    let end = doc.position(finding.span.end.max(finding.span.start));
    Diagnostic {
        path: path.to_string(),
        line: start.line,
        column: start.column,
        end_line: end.line,
        end_column: end.column,
        severity,
        rule: finding.rule.into(),
        message: finding.message,
        suggestion: finding.suggestion,
    }
}

/// The ID a file name gives: its stem, for a `.md` file.
fn file_stem(path: &str) -> Option<&str> {
    let name = path.rsplit(['/', '\\']).next()?;
    let stem = name.strip_suffix(".md")?;
    (!stem.is_empty()).then_some(stem)
}

/// Where a string value's characters start in the file, when its source text is exactly the
/// value between quotes (no escapes): lets a finding inside the value point at its words.
fn string_value_start(text: &str, span: &Span, value: &str) -> Option<usize> {
    let raw = text.get(span.clone())?;
    for quote in ["\"\"\"", "'''", "\"", "'"] {
        let Some(inner) = raw.strip_prefix(quote).and_then(|r| r.strip_suffix(quote)) else {
            continue;
        };
        let mut skip = quote.len();
        let mut inner = inner;
        if quote.len() == 3 {
            // A newline right after the opening delimiter is not part of the value.
            for newline in ["\r\n", "\n"] {
                if let Some(rest) = inner.strip_prefix(newline) {
                    skip += newline.len();
                    inner = rest;
                    break;
                }
            }
        }
        return (inner == value).then_some(span.start + skip);
    }
    None
}

/// The span in the file of `range` inside a string value at `span`; the whole value when its
/// source has escapes that make byte offsets differ.
fn span_in_value(text: &str, span: &Span, value: &str, range: std::ops::Range<usize>) -> Span {
    match string_value_start(text, span, value) {
        Some(start) if range.end <= value.len() => start + range.start..start + range.end,
        _ => span.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_offsets_skip_quotes_and_refuse_escapes() {
        let text = r#"title = "Dave broke it""#;
        let span = 8..text.len();
        assert_eq!(string_value_start(text, &span, "Dave broke it"), Some(9));
        let escaped = r#"title = "a \"b\"""#;
        let span = 8..escaped.len();
        assert_eq!(string_value_start(escaped, &span, "a \"b\""), None);
        let multi = "t = \"\"\"\nabc\"\"\"";
        assert_eq!(string_value_start(multi, &(4..multi.len()), "abc"), Some(8));
    }

    #[test]
    fn file_stems_need_a_markdown_name() {
        assert_eq!(
            file_stem("postmortems/2026/2026-01-02-x.md"),
            Some("2026-01-02-x")
        );
        assert_eq!(file_stem("<stdin>"), None);
    }
}
