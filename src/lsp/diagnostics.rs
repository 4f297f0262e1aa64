//! `pm check`'s findings as protocol diagnostics.

use super::document::{Found, OpenDocument};
use crate::checks::Severity;
use gen_lsp_types::{
    Code, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location, Position,
    PublishDiagnosticsParams, Range, Uri,
};

/// Every finding in the document's current text.
pub fn publish(doc: &mut OpenDocument) -> PublishDiagnosticsParams {
    let found = doc.found();
    let mut diagnostics: Vec<Diagnostic> = found.iter().map(|f| to_lsp(doc, f)).collect();
    if let Some(problem) = &doc.workspace.config_problem {
        diagnostics.push(Diagnostic {
            range: Range::new(Position::new(0, 0), Position::new(0, 0)),
            severity: Some(DiagnosticSeverity::Warning),
            source: Some("pm".into()),
            message: format!(
                "{problem}\nChecked with the default configuration until pm.toml is fixed."
            )
            .into(),
            ..Default::default()
        });
    }
    PublishDiagnosticsParams {
        uri: Uri::from(doc.uri.as_str()),
        version: Some(doc.version),
        diagnostics,
    }
}

/// One finding: the rule ID as `code`, the suggestion on a line of its own, and as related
/// information the command that explains the rule (a `codeDescription` needs a web address,
/// and a repository's documentation has none pm could know).
pub fn to_lsp(doc: &OpenDocument, found: &Found) -> Diagnostic {
    let range = doc.lines.range(&doc.text, found.span.clone());
    let message = match &found.suggestion {
        Some(s) => format!("{}\nsuggestion: {s}", found.message),
        None => found.message.clone(),
    };
    Diagnostic {
        range,
        severity: Some(severity(found.severity)),
        code: Some(Code::String(found.rule.clone())),
        source: Some("pm".into()),
        message: message.into(),
        related_information: Some(vec![DiagnosticRelatedInformation {
            location: Location {
                uri: Uri::from(doc.uri.as_str()),
                range,
            },
            message: format!(
                "`pm check --explain {}` explains the rule, with an example and its rewrite",
                found.rule
            ),
        }]),
        ..Default::default()
    }
}

pub fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::Error,
        Severity::Warning => DiagnosticSeverity::Warning,
    }
}
