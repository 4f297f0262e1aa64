//! An open document: the text the editor holds (not the file on disk), its version, and what
//! the checks found in it, computed once per version.

use super::positions::LineMap;
use super::workspace::Workspace;
use crate::checks::{self, Severity, SourceFile};
use crate::document::{Document, LineIndex, ParseOptions, Position, MAX_FILE_BYTES};
use gen_lsp_types::TextDocumentContentChangeEvent;
use std::path::PathBuf;
use std::rc::Rc;

/// A finding of `pm check` in the open text, with its byte span.
#[derive(Debug, Clone)]
pub struct Found {
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    pub suggestion: Option<String>,
    pub span: std::ops::Range<usize>,
}

pub struct OpenDocument {
    pub uri: String,
    pub path: Option<PathBuf>,
    pub version: i32,
    pub text: String,
    pub lines: LineMap,
    pub workspace: Rc<Workspace>,
    /// The findings for the current text; `None` after a change until they are asked for.
    found: Option<Rc<Vec<Found>>>,
}

impl OpenDocument {
    pub fn new(
        uri: String,
        path: Option<PathBuf>,
        version: i32,
        text: String,
        workspace: Rc<Workspace>,
    ) -> OpenDocument {
        OpenDocument {
            uri,
            path,
            version,
            lines: LineMap::new(&text),
            text,
            workspace,
            found: None,
        }
    }

    /// Applies the changes of one `didChange`, in order: each range refers to the text left
    /// by the change before it; a change without a range replaces the whole text.
    pub fn apply(&mut self, version: i32, changes: Vec<TextDocumentContentChangeEvent>) {
        for change in changes {
            match change {
                TextDocumentContentChangeEvent::TextDocumentContentChangePartial(partial) => {
                    let span = self.lines.span(&self.text, &partial.range);
                    self.text.replace_range(span, &partial.text);
                }
                TextDocumentContentChangeEvent::TextDocumentContentChangeWholeDocument(whole) => {
                    self.text = whole.text;
                }
            }
            self.lines = LineMap::new(&self.text);
        }
        self.version = version;
        self.found = None;
    }

    /// The shown name `pm check` would report this file under (the file name gives the ID the
    /// `id` field must match).
    pub fn shown_name(&self) -> String {
        self.workspace.shown_name(self.path.as_deref())
    }

    /// What `pm check` finds in the current text, with the repository's configuration and the
    /// other post-mortems' IDs.
    pub fn found(&mut self) -> Rc<Vec<Found>> {
        if let Some(found) = &self.found {
            return found.clone();
        }
        let found = Rc::new(check(&self.text, &self.shown_name(), &self.workspace));
        self.found = Some(found.clone());
        found
    }

    /// The document model of the current text (`None` when it cannot be read as a
    /// post-mortem: no front matter, broken TOML, too large).
    pub fn parse(&self) -> Option<Document> {
        Document::parse(self.text.as_bytes(), &self.parse_options()).ok()
    }

    fn parse_options(&self) -> ParseOptions<'_> {
        ParseOptions {
            timeline_section: &self.workspace.config().document.timeline_section,
        }
    }

    /// True when the text is over the size pm reads: only the one finding saying so is given.
    pub fn too_large(&self) -> bool {
        self.text.len() as u64 > MAX_FILE_BYTES
    }
}

/// Checks one in-memory text exactly as `pm check --stdin --stdin-filename NAME` does, and maps
/// the findings' positions back to byte spans of the text.
pub fn check(text: &str, shown: &str, workspace: &Workspace) -> Vec<Found> {
    let report = if text.len() as u64 > MAX_FILE_BYTES {
        // Refused by its length, as `pm check` refuses it, without copying it.
        let mut report = checks::CheckReport::default();
        let too_large = crate::document::ParseError::TooLarge {
            size: text.len() as u64,
        };
        let unreadable = crate::repository::Unreadable::new(shown, too_large.to_string());
        report.add_unreadable(&unreadable, workspace.config());
        report
    } else {
        let file = SourceFile {
            path: shown.to_string(),
            bytes: text.as_bytes().to_vec(),
        };
        checks::check(&[file], workspace.config(), &workspace.known)
    };
    let index = LineIndex::new(text);
    report
        .diagnostics
        .into_iter()
        .map(|d| {
            let start = index.offset(
                text,
                Position {
                    line: d.line,
                    column: d.column,
                },
            );
            let end = index.offset(
                text,
                Position {
                    line: d.end_line,
                    column: d.end_column,
                },
            );
            Found {
                rule: d.rule,
                severity: d.severity,
                message: d.message,
                suggestion: d.suggestion,
                span: start..end.max(start),
            }
        })
        .collect()
}
