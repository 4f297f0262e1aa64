//! Completion: front-matter keys and their enumerated values, the people seen in the
//! repository, section headings, and action references (`ID#A3`).

use super::document::OpenDocument;
use super::workspace::{summarise, ActionInfo};
use crate::document::fields::{self, ACTIONS_TABLE, IMPACT_TABLE};
use crate::document::frontmatter::split;
use crate::document::{ActionStatus, Status, ACTION_KINDS, ACTION_PRIORITIES};
use gen_lsp_types::{
    CompletionItem, CompletionItemKind, CompletionItemTextEdit, Position, TextEdit,
};
use std::ops::Range as Span;

/// Which table of the front matter a line is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Table {
    Root,
    Impact,
    Action,
    Other,
}

pub fn complete(doc: &OpenDocument, position: Position) -> Vec<CompletionItem> {
    if doc.too_large() {
        return Vec::new();
    }
    let text = &doc.text;
    let offset = doc.lines.offset(text, position);
    let line_start = text[..offset].rfind(['\n', '\r']).map_or(0, |p| p + 1);
    let prefix = &text[line_start..offset];
    match front_matter_table(text, offset) {
        Some(table) => front_matter(doc, table, prefix, offset),
        None => {
            let mut items = headings(doc, prefix, line_start, offset);
            items.extend(references(doc, prefix, offset));
            items
        }
    }
}

/// The table of the front matter `offset` is in, or `None` outside the front matter. An
/// unclosed front matter (a document being written) runs to the end of the text.
fn front_matter_table(text: &str, offset: usize) -> Option<Table> {
    let (toml_start, toml_end) = match split(text) {
        Ok(split) => (split.toml.start, split.toml.end),
        Err(_) => {
            let rest = text.strip_prefix('\u{feff}').unwrap_or(text);
            if !rest.starts_with("+++") {
                return None;
            }
            let start = text.find('\n').map_or(text.len(), |p| p + 1);
            (start, text.len())
        }
    };
    if offset < toml_start || offset > toml_end {
        return None;
    }
    let mut table = Table::Root;
    for line in text[toml_start..offset].lines() {
        let line = line.trim();
        if line.starts_with('[') {
            let name = line.trim_matches(['[', ']', ' ']);
            table = match name.split('#').next().unwrap_or("").trim() {
                n if n == ACTIONS_TABLE => Table::Action,
                n if n == IMPACT_TABLE => Table::Impact,
                _ => Table::Other,
            };
        }
    }
    Some(table)
}

fn front_matter(
    doc: &OpenDocument,
    table: Table,
    prefix: &str,
    offset: usize,
) -> Vec<CompletionItem> {
    let Some((key, value)) = prefix.split_once('=') else {
        // A key: the word typed so far is replaced.
        let typed = prefix.trim_start();
        let keys: Vec<&str> = match table {
            Table::Root => fields::ROOT.iter().map(|f| f.key).collect(),
            Table::Impact => fields::IMPACT.iter().map(|f| f.key).collect(),
            Table::Action => fields::ACTION.iter().map(|f| f.key).collect(),
            Table::Other => Vec::new(),
        };
        let span = offset - typed.len()..offset;
        let mut items: Vec<CompletionItem> = keys
            .into_iter()
            .map(|k| {
                item(
                    doc,
                    k,
                    format!("{k} = "),
                    CompletionItemKind::Property,
                    span.clone(),
                )
            })
            .collect();
        if typed.starts_with('[') || table == Table::Root || typed.is_empty() {
            for header in ["[impact]", "[[actions]]"] {
                items.push(item(
                    doc,
                    header,
                    header.to_string(),
                    CompletionItemKind::Module,
                    span.clone(),
                ));
            }
        }
        return items;
    };
    let key = key.trim();
    let values: Vec<String> = match (table, key) {
        (Table::Root, "status") => Status::ALL.map(String::from).to_vec(),
        (Table::Root, "severity") => doc.workspace.config().document.severities.clone(),
        (Table::Root, "facilitator" | "authors" | "participants") => people(doc),
        (Table::Action, "status") => ActionStatus::ALL.map(String::from).to_vec(),
        (Table::Action, "kind") => ACTION_KINDS.map(String::from).to_vec(),
        (Table::Action, "priority") => ACTION_PRIORITIES.map(String::from).to_vec(),
        (Table::Action, "owner") => people(doc),
        _ => Vec::new(),
    };
    // Inside an open string the value's characters are replaced; else a quoted value is
    // inserted after `=`, `[` or `,`.
    let quotes = value.matches('"').count();
    let (span, quoted) = if quotes % 2 == 1 {
        let open = value.rfind('"').unwrap_or(0);
        (offset - (value.len() - open - 1)..offset, false)
    } else {
        let token = value
            .rfind(['=', '[', ','])
            .map_or(value, |p| &value[p + 1..])
            .trim_start();
        (offset - token.len()..offset, true)
    };
    values
        .into_iter()
        .map(|v| {
            let new_text = if quoted {
                format!("\"{v}\"")
            } else {
                v.clone()
            };
            item(
                doc,
                &v,
                new_text,
                CompletionItemKind::EnumMember,
                span.clone(),
            )
        })
        .collect()
}

/// Everyone named in the repository's post-mortems and in this document.
fn people(doc: &OpenDocument) -> Vec<String> {
    let mut all: Vec<String> = doc
        .workspace
        .postmortems()
        .iter()
        .flat_map(|p| p.people.iter().cloned())
        .collect();
    if let Ok(parsed) = crate::document::Document::parse_front_matter(doc.text.as_bytes()) {
        all.extend(summarise(&parsed, String::new(), Default::default()).people);
    }
    all.sort();
    all.dedup();
    all
}

/// `## Section` for a line being written as a heading: the required sections, missing first.
fn headings(
    doc: &OpenDocument,
    prefix: &str,
    line_start: usize,
    offset: usize,
) -> Vec<CompletionItem> {
    let trimmed = prefix.trim_start();
    if !trimmed.starts_with('#') || trimmed.contains('\t') {
        return Vec::new();
    }
    let present: Vec<String> = doc
        .parse()
        .and_then(|d| d.body)
        .map(|b| {
            b.sections
                .into_iter()
                .map(|s| s.heading.text.to_lowercase())
                .collect()
        })
        .unwrap_or_default();
    doc.workspace
        .config()
        .document
        .sections
        .iter()
        .map(|name| {
            let label = format!("## {name}");
            let mut it = item(
                doc,
                &label,
                label.clone(),
                CompletionItemKind::Module,
                line_start..offset,
            );
            let missing = !present.contains(&name.to_lowercase());
            it.sort_text = Some(format!("{}{label}", if missing { 0 } else { 1 }));
            if !missing {
                it.detail = Some("already in the document".into());
            }
            it
        })
        .collect()
}

/// `ID#A3` for the word before the cursor: once it holds `#`, the actions of the post-mortems
/// whose ID starts with what precedes it; before that, every action of the post-mortems whose
/// ID starts with the word (at least four characters, so prose does not fill with IDs).
fn references(doc: &OpenDocument, prefix: &str, offset: usize) -> Vec<CompletionItem> {
    let word = prefix
        .rfind(|c: char| c.is_whitespace() || "([{<\"'`,;".contains(c))
        .map_or(prefix, |p| &prefix[p + 1..]);
    let (query, hash) = match word.split_once('#') {
        Some((id, _)) => (id, true),
        None => (word, false),
    };
    if query.is_empty() || (!hash && query.len() < 4) {
        return Vec::new();
    }
    let span = offset - word.len()..offset;
    let mut items = Vec::new();
    let mut push = |id: &str, actions: &[ActionInfo]| {
        for action in actions {
            let reference = format!("{id}#{}", action.id);
            let mut it = item(
                doc,
                &reference,
                reference.clone(),
                CompletionItemKind::Reference,
                span.clone(),
            );
            it.detail = action.title.clone();
            items.push(it);
        }
    };
    let own = doc.parse();
    let own_id = own
        .as_ref()
        .and_then(|d| d.front.id.as_ref().map(|i| i.value.clone()));
    if let (Some(parsed), Some(id)) = (&own, &own_id) {
        if id.starts_with(query) {
            let actions: Vec<ActionInfo> = parsed
                .front
                .actions
                .iter()
                .filter_map(ActionInfo::from_action)
                .collect();
            push(id, &actions);
        }
    }
    for postmortem in doc.workspace.postmortems() {
        if postmortem.id.starts_with(query) && Some(&postmortem.id) != own_id.as_ref() {
            push(&postmortem.id, &postmortem.actions);
        }
    }
    items
}

fn item(
    doc: &OpenDocument,
    label: &str,
    new_text: String,
    kind: CompletionItemKind,
    span: Span<usize>,
) -> CompletionItem {
    CompletionItem {
        label: label.to_string(),
        kind: Some(kind),
        // Clients filter on the text the edit replaces, which may hold the opening quote.
        filter_text: Some(new_text.clone()),
        text_edit: Some(CompletionItemTextEdit::TextEdit(TextEdit {
            range: doc.lines.range(&doc.text, span),
            new_text,
        })),
        ..Default::default()
    }
}
