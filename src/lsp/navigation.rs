//! Hover (a finding's rule explained; an action reference's title, owner, due date and
//! status), go to definition on an action reference, and the document's symbols (sections and
//! action items).

use super::document::OpenDocument;
use super::positions::LineMap;
use super::workspace::ActionInfo;
use crate::checks::{effective_level, registry};
use crate::repository::{self, Entry};
use gen_lsp_types::{
    Contents, DocumentSymbol, Hover, Location, MarkupContent, MarkupKind, Position, SymbolKind, Uri,
};
use std::ops::Range as Span;
use std::path::PathBuf;

/// An `ID#A3` reference in the text, resolved.
pub struct Resolved {
    pub span: Span<usize>,
    pub postmortem: String,
    pub action: ActionInfo,
    /// The file holding the action, and its text (the open text for this document).
    pub path: Option<PathBuf>,
    pub text: String,
}

/// The reference under byte `offset`, resolved as `pm action` resolves one: the post-mortem's
/// ID or a unique part of it, then `#` and the action's ID.
pub fn reference_at(doc: &OpenDocument, offset: usize) -> Option<Resolved> {
    let text = &doc.text;
    let is_part = |c: char| c.is_ascii_alphanumeric() || "-_.#".contains(c);
    let start = text[..offset]
        .char_indices()
        .rev()
        .find(|(_, c)| !is_part(*c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = text[offset..]
        .char_indices()
        .find(|(_, c)| !is_part(*c))
        .map_or(text.len(), |(i, _)| offset + i);
    let word = text[start..end].trim_end_matches('.');
    let (query, action_id) = word.rsplit_once('#')?;
    if query.is_empty() || action_id.is_empty() {
        return None;
    }
    let span = start..start + word.len();
    let own = doc.parse();
    let own_id = own
        .as_ref()
        .and_then(|d| d.front.id.as_ref())
        .map(|i| i.value.clone());
    if let (Some(parsed), Some(id)) = (&own, &own_id) {
        if id == query {
            let action = parsed
                .front
                .actions
                .iter()
                .filter_map(ActionInfo::from_action)
                .find(|a| a.id == action_id)?;
            return Some(Resolved {
                span,
                postmortem: id.clone(),
                action,
                path: doc.path.clone(),
                text: doc.text.clone(),
            });
        }
    }
    let entries: Vec<Entry> = doc.workspace.entries();
    let entry = repository::resolve(&entries, query).ok()?;
    let postmortem = doc
        .workspace
        .postmortems()
        .iter()
        .find(|p| p.path == entry.path)?;
    let action = postmortem
        .actions
        .iter()
        .find(|a| a.id == action_id)?
        .clone();
    let text = String::from_utf8(repository::read(&postmortem.path).ok()?).ok()?;
    Some(Resolved {
        span,
        postmortem: postmortem.id.clone(),
        action,
        path: Some(postmortem.path.clone()),
        text,
    })
}

pub fn hover(doc: &mut OpenDocument, position: Position) -> Option<Hover> {
    let offset = doc.lines.offset(&doc.text, position);
    if let Some(resolved) = reference_at(doc, offset) {
        let a = &resolved.action;
        let field = |v: Option<String>| v.unwrap_or_else(|| "—".into());
        let value = format!(
            "**{}#{}** {}\n\nowner: {} · due: {} · status: {}",
            resolved.postmortem,
            a.id,
            field(a.title.clone()),
            field(a.owner.clone()),
            field(a.due.map(|d| d.to_string())),
            field(a.status.clone()),
        );
        return Some(markdown(
            value,
            Some(doc.lines.range(&doc.text, resolved.span)),
        ));
    }
    let found = doc.found();
    let config = doc.workspace.config();
    let mut parts = Vec::new();
    let mut range = None;
    for f in found
        .iter()
        .filter(|f| f.span.start <= offset && offset <= f.span.end)
    {
        let Some(rule) = registry::find(&f.rule) else {
            continue;
        };
        range.get_or_insert_with(|| doc.lines.range(&doc.text, f.span.clone()));
        parts.push(format!(
            "**{}**: {}\n\n{}",
            f.rule,
            f.message,
            registry::explain(rule, effective_level(config, rule))
        ));
    }
    (!parts.is_empty()).then(|| markdown(parts.join("\n\n---\n\n"), range))
}

fn markdown(value: String, range: Option<gen_lsp_types::Range>) -> Hover {
    Hover {
        contents: Contents::MarkupContent(MarkupContent {
            kind: MarkupKind::Markdown,
            value,
        }),
        range,
    }
}

/// Where the referenced action item is written: its `id` in the other file's front matter.
pub fn definition(doc: &OpenDocument, position: Position) -> Option<Location> {
    let offset = doc.lines.offset(&doc.text, position);
    let resolved = reference_at(doc, offset)?;
    let uri = match &resolved.path {
        Some(path) if resolved.path != doc.path => super::uri::from_path(path),
        _ => doc.uri.clone(),
    };
    let lines = LineMap::new(&resolved.text);
    Some(Location {
        uri: Uri::from(uri),
        range: lines.range(&resolved.text, resolved.action.span.clone()),
    })
}

/// The level-2 sections (the title's as the outer symbol when there is one) and the action
/// items of the front matter.
#[allow(deprecated)] // `DocumentSymbol::deprecated` must be named in a struct literal.
pub fn symbols(doc: &OpenDocument) -> Vec<DocumentSymbol> {
    let Some(parsed) = doc.parse() else {
        return Vec::new();
    };
    let range = |span: Span<usize>| doc.lines.range(&doc.text, span);
    let symbol =
        |name: String, detail: Option<String>, kind, whole: Span<usize>, at: Span<usize>| {
            DocumentSymbol {
                name: if name.trim().is_empty() {
                    "(untitled)".into()
                } else {
                    name
                },
                detail,
                kind,
                tags: None,
                deprecated: None,
                range: range(whole.start..whole.end.max(at.end)),
                selection_range: range(at),
                children: None,
            }
        };
    let mut out = Vec::new();
    for action in &parsed.front.actions {
        let name = match (&action.id, &action.title) {
            (Some(id), Some(title)) => format!("{}: {}", id.value, title.value),
            (Some(id), None) => id.value.clone(),
            (None, Some(title)) => title.value.clone(),
            (None, None) => "action item".into(),
        };
        let detail = [
            action.owner.as_ref().map(|o| o.value.clone()),
            action.due.as_ref().map(|d| format!("due {}", d.value)),
            action.status.as_ref().map(|s| s.value.clone()),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
        let at = action
            .id
            .as_ref()
            .map_or(action.span.clone(), |i| i.span.clone());
        out.push(symbol(
            name,
            Some(detail),
            SymbolKind::Event,
            action.span.clone(),
            at,
        ));
    }
    if let Some(body) = &parsed.body {
        for section in &body.sections {
            out.push(symbol(
                section.heading.text.clone(),
                None,
                SymbolKind::Namespace,
                section.heading.span.start..section.content.end,
                section.heading.span.clone(),
            ));
        }
    }
    out
}
