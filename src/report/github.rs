//! `pm check --format github`: one GitHub Actions workflow command per finding, so findings
//! appear as annotations on the pull request's diff.

use crate::checks::{CheckReport, Severity};

/// One `::error …::message` / `::warning …::message` line per finding.
pub fn render(report: &CheckReport) -> String {
    let mut out = String::new();
    for d in &report.diagnostics {
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut message = d.message.clone();
        if let Some(suggestion) = &d.suggestion {
            message.push_str("\nhelp: ");
            message.push_str(suggestion);
        }
        out.push_str(&format!(
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
            escape_property(&d.path),
            d.line,
            d.column,
            d.end_line,
            d.end_column,
            escape_property(&d.rule),
            escape_data(&message),
        ));
    }
    out
}

/// Escapes a workflow command's message: the toolkit's escapes for `%`, CR and LF (so the
/// value cannot end the command's line and start another), and terminal controls replaced
/// (`text::printable`), as the runner shows the message in its log.
pub fn escape_data(text: &str) -> String {
    let escaped = text
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    crate::text::printable(&escaped).into_owned()
}

/// Escapes a workflow command's property value (which also ends at `,` and `::`).
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_follows_the_toolkit() {
        assert_eq!(escape_data("50% done\r\nnext"), "50%25 done%0D%0Anext");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
