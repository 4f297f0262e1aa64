//! Checks over the document model: structure and blameless wording.
//!
//! `check` is the one entry point: every command that validates documents (the CLI, the hook
//! through `--staged`, CI through `--rev-range`, the demo) goes through it.

pub mod blameless;

use crate::config::Config;
use crate::document::{Document, ParseOptions};
use serde::Serialize;

/// A file to check: where it is shown as coming from, and its bytes.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// One finding, as the JSON output shows it.
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
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
}

/// The result of checking a set of files.
#[derive(Debug, Clone, Default)]
pub struct CheckReport {
    pub files_checked: usize,
    pub diagnostics: Vec<Diagnostic>,
}

/// Post-mortem IDs elsewhere in the repository (not among the files checked), for the
/// duplicate-ID rule: (id, path).
pub type KnownIds = [(String, String)];

/// Checks `files` against `config`.
pub fn check(files: &[SourceFile], config: &Config, _known_ids: &KnownIds) -> CheckReport {
    let options = ParseOptions {
        timeline_section: &config.document.timeline_section,
    };
    let mut report = CheckReport {
        files_checked: files.len(),
        diagnostics: Vec::new(),
    };
    for file in files {
        if let Err(e) = Document::parse(&file.bytes, &options) {
            let (line, column) = e.position().unwrap_or((1, 1));
            report.diagnostics.push(Diagnostic {
                path: file.path.clone(),
                line,
                column,
                end_line: line,
                end_column: column,
                severity: Severity::Error,
                rule: e.rule().into(),
                message: e.to_string(),
                suggestion: None,
            });
        }
    }
    report
}
