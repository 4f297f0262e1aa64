//! Renderings several commands share (commands never use each other): the change rows of
//! `pm followup --since` and `pm history`.

use pm::followup::ChangeOut;
use pm::text::{column_width, md_escape, short};

/// The date part of an RFC 3339 date.
pub fn day(date: Option<&str>) -> String {
    date.map(|d| d.chars().take(10).collect())
        .unwrap_or_else(|| "-".into())
}

/// Change rows for a terminal: date, commit, author, ref, what changed.
pub fn change_table(changes: &[ChangeOut]) -> String {
    if changes.is_empty() {
        return "  no changes\n".into();
    }
    let ref_width = column_width(changes.iter().map(|c| &c.change.reference), 3);
    let author_width = column_width(
        changes
            .iter()
            .map(|c| c.author.as_deref().unwrap_or("uncommitted")),
        6,
    );
    let mut out = String::new();
    for c in changes {
        out.push_str(&format!(
            "  {:<10}  {:<7}  {:<author_width$}  {:<ref_width$}  {}\n",
            day(c.date.as_deref()),
            c.commit.as_deref().map(short).unwrap_or_else(|| "-".into()),
            c.author.as_deref().unwrap_or("uncommitted"),
            c.change.reference,
            c.change.describe().replace('\n', " ")
        ));
    }
    out
}

/// Change rows as a Markdown table.
pub fn change_markdown(changes: &[ChangeOut]) -> String {
    if changes.is_empty() {
        return "No changes.\n".into();
    }
    let mut out =
        String::from("| Date | Commit | Author | Item | Change |\n|---|---|---|---|---|\n");
    for c in changes {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n",
            day(c.date.as_deref()),
            c.commit
                .as_deref()
                .map(|s| format!("`{}`", short(s)))
                .unwrap_or_else(|| "uncommitted".into()),
            md_escape(c.author.as_deref().unwrap_or("—")),
            pm::text::md_code(&c.change.reference),
            md_escape(&c.change.describe())
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use pm::changes::{Change, ChangeKind};

    fn change(commit: Option<&str>, author: Option<&str>) -> ChangeOut {
        ChangeOut {
            change: Change {
                reference: "2026-03-01-db#A1".into(),
                postmortem: "2026-03-01-db".into(),
                action: Some("A1".into()),
                change: ChangeKind::Reassigned,
                from: Some("amal".into()),
                to: Some("jo|x".into()),
            },
            commit: commit.map(Into::into),
            author: author.map(Into::into),
            date: commit.map(|_| "2026-03-02T10:00:00+01:00".into()),
        }
    }

    #[test]
    fn days_and_change_rows() {
        assert_eq!(day(Some("2026-03-01T23:30:00-05:00")), "2026-03-01");
        assert_eq!(day(None), "-");
        assert_eq!(change_table(&[]), "  no changes\n");
        assert_eq!(change_markdown(&[]), "No changes.\n");
        let rows = [
            change(Some("0123456789abcdef"), Some("Amal")),
            change(None, None),
        ];
        assert_eq!(
            change_table(&rows),
            "  2026-03-02  0123456  Amal         2026-03-01-db#A1  reassigned amal → jo|x\n  \
             -           -        uncommitted  2026-03-01-db#A1  reassigned amal → jo|x\n"
        );
        assert_eq!(
            change_markdown(&rows),
            "| Date | Commit | Author | Item | Change |\n|---|---|---|---|---|\n\
             | 2026-03-02 | `0123456` | Amal | `2026-03-01-db#A1` | reassigned amal → jo\\|x |\n\
             | - | uncommitted | — | `2026-03-01-db#A1` | reassigned amal → jo\\|x |\n"
        );
    }
}
