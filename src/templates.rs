//! Post-mortem templates: built in (compiled from `templates/`) or the repository's own
//! `templates/NAME.md`. Placeholders are plain text substitution; nothing is executed.

use crate::error::{Error, Result};
use chrono::{DateTime, FixedOffset, Timelike, Utc};
use std::path::Path;

/// Built-in templates by name.
pub const BUILT_IN: &[(&str, &str)] = &[
    ("default", include_str!("../templates/default.md")),
    ("sre", include_str!("../templates/sre.md")),
];

/// A template's text and where it came from.
pub struct Template {
    pub name: String,
    pub text: String,
    pub origin: String,
}

/// Finds a template: the repository's `templates/NAME.md` first, then the built-in one.
pub fn find(name: &str, root: &Path) -> Result<Template> {
    if name.is_empty()
        || !name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return Err(Error::usage(format!(
            "template name `{name}` may only use letters, digits, `-` and `_`"
        )));
    }
    let local = root.join("templates").join(format!("{name}.md"));
    // Anything at that name is the repository's template, read only if it is a regular file
    // reached without following a symbolic link (a link could copy any file the user can read,
    // a secret or /proc/self/environ, into the new post-mortem).
    if std::fs::symlink_metadata(&local).is_ok() {
        let bytes = crate::paths::read_confined(root, &local, crate::document::MAX_FILE_BYTES)
            .map_err(|e| Error::input(&local, e.to_string()))?;
        let text = String::from_utf8(bytes)
            .map_err(|_| Error::input(&local, "the template is not UTF-8 text"))?;
        return Ok(Template {
            name: name.into(),
            text,
            origin: local.display().to_string(),
        });
    }
    match BUILT_IN.iter().find(|(n, _)| *n == name) {
        Some((n, text)) => Ok(Template {
            name: (*n).into(),
            text: (*text).into(),
            origin: "built-in".into(),
        }),
        None => {
            let names: Vec<&str> = BUILT_IN.iter().map(|(n, _)| *n).collect();
            Err(Error::usage(format!(
                "no template `{name}`: the built-in ones are {}, or add templates/{name}.md",
                names.join(", ")
            )))
        }
    }
}

/// Replaces each `{{key}}` with its value. Unknown placeholders are left as written; values
/// are inserted literally (a value holding `{{x}}` is not expanded again).
pub fn render(text: &str, values: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(text.len() + 256);
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        match after.find("}}") {
            Some(end) => {
                let key = after[..end].trim();
                match values.iter().find(|(k, _)| *k == key) {
                    Some((_, v)) => out.push_str(v),
                    None => out.push_str(&rest[start..start + 2 + end + 2]),
                }
                rest = &after[end + 2..];
            }
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Escapes a value for a TOML basic string (without the quotes).
pub fn toml_escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// The prompt lines of every built-in template: text a section may hold that is only a
/// placeholder, not content.
pub fn is_placeholder_line(line: &str) -> bool {
    let line = line.trim();
    !line.is_empty()
        && BUILT_IN.iter().any(|(_, text)| {
            text.lines()
                .any(|l| l.trim() == line && l.trim().starts_with('_'))
        })
}

/// Title as one clean line: control characters and runs of white space become one space.
pub fn clean_title(title: &str) -> String {
    title
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn toml_list(values: &[String]) -> String {
    values
        .iter()
        .map(|v| format!("\"{}\"", toml_escape(v)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A new post-mortem's text from a template: values go into the front matter TOML-escaped and
/// into the Markdown as written.
#[allow(clippy::too_many_arguments)]
pub fn render_new(
    template: &str,
    title: &str,
    id: &str,
    severity: &str,
    started: DateTime<FixedOffset>,
    services: &[String],
    authors: &[String],
    followup: chrono::NaiveDate,
) -> String {
    let started_toml = started.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true);
    let utc = started.with_timezone(&Utc);
    let common = |title_value: String, services: String, authors: String| {
        vec![
            ("title", title_value),
            ("id", id.to_string()),
            ("date", started.date_naive().to_string()),
            ("severity", severity.to_string()),
            ("started", started_toml.clone()),
            ("time", format!("{:02}:{:02}", utc.hour(), utc.minute())),
            ("services", services),
            ("authors", authors),
            ("followup_review", followup.to_string()),
        ]
    };
    // Values go into the front matter TOML-escaped and into the Markdown as written.
    match crate::document::frontmatter::split(template) {
        Ok(split) => {
            let head = &template[..split.body_start];
            let body = &template[split.body_start..];
            let fm_values = common(toml_escape(title), toml_list(services), toml_list(authors));
            let body_values = common(title.to_string(), services.join(", "), authors.join(", "));
            let mut out = render(head, &fm_values);
            out.push_str(&render(body, &body_values));
            out
        }
        Err(_) => render(
            template,
            &common(title.to_string(), services.join(", "), authors.join(", ")),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn render_substitutes_once_and_literally() {
        let out = render(
            "a {{title}} b {{ id }} {{unknown}} {{",
            &[("title", "{{id}}".into()), ("id", "X".into())],
        );
        assert_eq!(out, "a {{id}} b X {{unknown}} {{");
    }

    #[test]
    fn every_built_in_template_renders_to_a_parseable_document() {
        for (name, text) in BUILT_IN {
            let out = render(
                text,
                &[
                    ("id", "2026-01-02-x".into()),
                    ("title", "X \\\" y".into()),
                    ("date", "2026-01-02".into()),
                    ("severity", "SEV2".into()),
                    ("started", "2026-01-02T10:00:00Z".into()),
                    ("services", "\"api\"".into()),
                    ("authors", "\"a@example.com\"".into()),
                    ("followup_review", "2026-01-30".into()),
                ],
            );
            let doc = crate::document::Document::parse(out.as_bytes(), &Default::default())
                .unwrap_or_else(|e| panic!("template {name}: {e}"));
            assert!(
                doc.front.problems.is_empty(),
                "{name}: {:?}",
                doc.front.problems
            );
            assert!(doc.front.unknown_keys.is_empty(), "{name}");
        }
    }
}
