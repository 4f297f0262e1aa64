//! `pm lsp`: a Language Server Protocol server, so an editor shows `pm check`'s findings as
//! the author types, with completions, fixes and navigation.
//!
//! Built on rust-analyzer's `lsp-server` (the framing and the message loop) and
//! `gen-lsp-types` (the protocol's types generated from its metamodel); docs/ARCHITECTURE.md
//! says why. The loop is synchronous: messages are handled in the order they arrive, so a
//! `didChange` is applied before any request that follows it. After each message the queue is
//! drained, every change applied, and diagnostics computed once for the latest text, so a
//! burst of keystrokes costs one check, not one per keystroke.
//!
//! The findings are `pm check`'s: the same configuration (found from the file's path), the same
//! rules, the same IDs of the other post-mortems, through [`crate::checks::check`].

mod code_actions;
mod completion;
mod diagnostics;
mod document;
mod navigation;
pub mod positions;
pub mod uri;
mod workspace;

use document::OpenDocument;
use gen_lsp_types::{
    CodeActionParams, CompletionParams, DefinitionParams, DidChangeTextDocumentParams,
    DidCloseTextDocumentParams, DidOpenTextDocumentParams, DidSaveTextDocumentParams,
    DocumentSymbolParams, HoverParams, PublishDiagnosticsParams, Uri,
};
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use serde_json::{json, Value};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::PathBuf;
use std::rc::Rc;
use workspace::Workspace;

/// Why the server stopped other than by the client's `shutdown` and `exit`.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("the connection to the editor failed: {0}")]
    Protocol(#[from] lsp_server::ProtocolError),
    #[error("the editor closed the connection")]
    Disconnected,
}

/// What the server offers: incremental text sync, diagnostics pushed on every change, code
/// actions, completion, hover, definition and document symbols.
pub fn capabilities() -> Value {
    json!({
        "textDocumentSync": { "openClose": true, "change": 2, "save": { "includeText": false } },
        "codeActionProvider": { "codeActionKinds": ["quickfix"] },
        "completionProvider": { "triggerCharacters": ["#", "\"", "="] },
        "hoverProvider": true,
        "definitionProvider": true,
        "documentSymbolProvider": true,
    })
}

/// Runs the server on `connection` until the client shuts it down.
pub fn serve(connection: &Connection) -> Result<(), ServeError> {
    let result = json!({
        "capabilities": capabilities(),
        "serverInfo": { "name": "pm", "version": env!("CARGO_PKG_VERSION") },
    });
    let (id, _params) = connection.initialize_start()?;
    connection.initialize_finish(id, result)?;
    let mut server = Server::default();
    loop {
        let Ok(first) = connection.receiver.recv() else {
            return Err(ServeError::Disconnected);
        };
        let mut batch = vec![first];
        batch.extend(connection.receiver.try_iter());
        let cancelled: HashSet<RequestId> = batch.iter().filter_map(cancelled_id).collect();
        for message in batch {
            match message {
                Message::Request(request) => {
                    if connection.handle_shutdown(&request)? {
                        return Ok(());
                    }
                    let response = if cancelled.contains(&request.id) {
                        Response::new_err(
                            request.id,
                            ErrorCode::RequestCanceled as i32,
                            "cancelled".into(),
                        )
                    } else {
                        server.request(request)
                    };
                    send(connection, Message::Response(response))?;
                }
                Message::Notification(notification) => {
                    if notification.method == "exit" {
                        return Ok(());
                    }
                    server.notification(notification);
                }
                Message::Response(_) => {}
            }
        }
        for params in server.publish() {
            let notification =
                Notification::new("textDocument/publishDiagnostics".to_string(), params);
            send(connection, Message::Notification(notification))?;
        }
    }
}

fn send(connection: &Connection, message: Message) -> Result<(), ServeError> {
    connection
        .sender
        .send(message)
        .map_err(|_| ServeError::Disconnected)
}

fn cancelled_id(message: &Message) -> Option<RequestId> {
    let Message::Notification(n) = message else {
        return None;
    };
    if n.method != "$/cancelRequest" {
        return None;
    }
    match n.params.get("id")? {
        Value::Number(n) => n
            .as_i64()
            .and_then(|n| i32::try_from(n).ok())
            .map(RequestId::from),
        Value::String(s) => Some(RequestId::from(s.clone())),
        _ => None,
    }
}

#[derive(Default)]
struct Server {
    documents: HashMap<String, OpenDocument>,
    /// Documents whose diagnostics are out of date (ordered, so output is deterministic).
    dirty: BTreeSet<String>,
    /// Closed documents whose diagnostics must be cleared.
    cleared: BTreeSet<String>,
    /// Workspaces by the folder of the documents, shared by the documents of one repository.
    workspaces: HashMap<PathBuf, Rc<Workspace>>,
}

impl Server {
    fn workspace(&mut self, path: Option<&std::path::Path>, fresh: bool) -> Rc<Workspace> {
        let key = path
            .and_then(std::path::Path::parent)
            .map(PathBuf::from)
            .unwrap_or_default();
        if !fresh {
            if let Some(ws) = self.workspaces.get(&key) {
                return ws.clone();
            }
        }
        let ws = Rc::new(Workspace::for_path(path));
        self.workspaces.insert(key, ws.clone());
        ws
    }

    fn notification(&mut self, notification: Notification) {
        let method = notification.method.clone();
        let guarded = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            self.notification_inner(notification)
        }));
        if guarded.is_err() {
            log(&format!(
                "pm lsp: {method} failed (a bug in pm); the server goes on"
            ));
        }
    }

    fn notification_inner(&mut self, notification: Notification) {
        match notification.method.as_str() {
            "textDocument/didOpen" => {
                let Some(params) = parse::<DidOpenTextDocumentParams>(notification.params) else {
                    return;
                };
                let item = params.text_document;
                let path = uri::to_path(item.uri.as_ref());
                // Opening a file reads the repository again: pm.toml or the folder may have
                // changed since the last document of it was opened.
                let ws = self.workspace(path.as_deref(), true);
                let uri = item.uri.0;
                self.documents.insert(
                    uri.clone(),
                    OpenDocument::new(uri.clone(), path, item.version, item.text, ws),
                );
                self.cleared.remove(&uri);
                self.dirty.insert(uri);
            }
            "textDocument/didChange" => {
                let Some(params) = parse::<DidChangeTextDocumentParams>(notification.params) else {
                    return;
                };
                let id = params.text_document;
                let uri = id.text_document_identifier.uri.0;
                if let Some(doc) = self.documents.get_mut(&uri) {
                    doc.apply(id.version, params.content_changes);
                    self.dirty.insert(uri);
                }
            }
            "textDocument/didSave" => {
                let Some(params) = parse::<DidSaveTextDocumentParams>(notification.params) else {
                    return;
                };
                let uri = params.text_document.uri.0;
                let path = self.documents.get(&uri).and_then(|d| d.path.clone());
                if path.is_some() {
                    let ws = self.workspace(path.as_deref(), true);
                    if let Some(doc) = self.documents.get_mut(&uri) {
                        *doc = OpenDocument::new(
                            uri.clone(),
                            doc.path.clone(),
                            doc.version,
                            std::mem::take(&mut doc.text),
                            ws,
                        );
                        self.dirty.insert(uri);
                    }
                }
            }
            "textDocument/didClose" => {
                let Some(params) = parse::<DidCloseTextDocumentParams>(notification.params) else {
                    return;
                };
                let uri = params.text_document.uri.0;
                self.documents.remove(&uri);
                self.dirty.remove(&uri);
                self.cleared.insert(uri);
            }
            _ => {}
        }
    }

    /// The diagnostics of every document changed since the last call.
    fn publish(&mut self) -> Vec<PublishDiagnosticsParams> {
        let mut out: Vec<PublishDiagnosticsParams> = std::mem::take(&mut self.cleared)
            .into_iter()
            .map(|uri| PublishDiagnosticsParams {
                uri: Uri::from(uri),
                version: None,
                diagnostics: Vec::new(),
            })
            .collect();
        for uri in std::mem::take(&mut self.dirty) {
            let Some(doc) = self.documents.get_mut(&uri) else {
                continue;
            };
            let guarded = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                diagnostics::publish(doc)
            }));
            match guarded {
                Ok(params) => out.push(params),
                Err(_) => log(&format!("pm lsp: checking {uri} failed (a bug in pm)")),
            }
        }
        out
    }

    fn request(&mut self, request: Request) -> Response {
        let id = request.id.clone();
        let method = request.method.clone();
        let guarded =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.answer(request)));
        match guarded {
            Ok(Ok(value)) => Response::new_ok(id, value),
            Ok(Err((code, message))) => Response::new_err(id, code as i32, message),
            Err(_) => Response::new_err(
                id,
                ErrorCode::InternalError as i32,
                format!("pm lsp: {method} failed (a bug in pm)"),
            ),
        }
    }

    fn answer(&mut self, request: Request) -> Result<Value, (ErrorCode, String)> {
        let invalid = |e: serde_json::Error| (ErrorCode::InvalidParams, e.to_string());
        let to_value = |v: Result<Value, serde_json::Error>| {
            v.map_err(|e| (ErrorCode::InternalError, e.to_string()))
        };
        match request.method.as_str() {
            "textDocument/codeAction" => {
                let p: CodeActionParams =
                    serde_json::from_value(request.params).map_err(invalid)?;
                let today =
                    crate::today::today().map_err(|e| (ErrorCode::InternalError, e.to_string()))?;
                let Some(doc) = self.documents.get_mut(p.text_document.uri.as_ref()) else {
                    return Ok(Value::Null);
                };
                to_value(serde_json::to_value(code_actions::code_actions(
                    doc, &p.range, today,
                )))
            }
            "textDocument/completion" => {
                let p: CompletionParams =
                    serde_json::from_value(request.params).map_err(invalid)?;
                let at = p.text_document_position_params;
                let Some(doc) = self.documents.get(at.text_document.uri.as_ref()) else {
                    return Ok(Value::Null);
                };
                to_value(serde_json::to_value(completion::complete(doc, at.position)))
            }
            "textDocument/hover" => {
                let p: HoverParams = serde_json::from_value(request.params).map_err(invalid)?;
                let at = p.text_document_position_params;
                let Some(doc) = self.documents.get_mut(at.text_document.uri.as_ref()) else {
                    return Ok(Value::Null);
                };
                to_value(serde_json::to_value(navigation::hover(doc, at.position)))
            }
            "textDocument/definition" => {
                let p: DefinitionParams =
                    serde_json::from_value(request.params).map_err(invalid)?;
                let at = p.text_document_position_params;
                let Some(doc) = self.documents.get(at.text_document.uri.as_ref()) else {
                    return Ok(Value::Null);
                };
                to_value(serde_json::to_value(navigation::definition(
                    doc,
                    at.position,
                )))
            }
            "textDocument/documentSymbol" => {
                let p: DocumentSymbolParams =
                    serde_json::from_value(request.params).map_err(invalid)?;
                let Some(doc) = self.documents.get(p.text_document.uri.as_ref()) else {
                    return Ok(Value::Null);
                };
                to_value(serde_json::to_value(navigation::symbols(doc)))
            }
            other => Err((
                ErrorCode::MethodNotFound,
                format!("pm lsp does not answer `{other}`"),
            )),
        }
    }
}

fn parse<T: serde::de::DeserializeOwned>(params: Value) -> Option<T> {
    serde_json::from_value(params).ok()
}

/// The server's log: standard error, which editors keep in their LSP log.
#[allow(clippy::print_stderr)]
fn log(message: &str) {
    eprintln!("{}", crate::text::terminal_safe(message));
}

#[cfg(test)]
mod tests {
    use super::document::OpenDocument;
    use super::workspace::Workspace;
    use super::*;
    use gen_lsp_types::{
        Position, Range, TextDocumentContentChangeEvent, TextDocumentContentChangePartial,
    };
    use proptest::prelude::*;

    const START: &str = "+++\r\nid = \"x\"\r\nstatus = \"draft\"\r\n\r\n[[actions]]\r\nid = \"A1\"\r\nstatus = \"done\"\r\n+++\r\n\r\n# Café 😀\r\n\r\n## Summary\r\n\r\nBob forgot it. See x#A1.\r\n";

    /// Pieces typed at random places: delimiters that open and close front matter, tables,
    /// strings, headings and comments, and characters of every UTF-8 and UTF-16 width.
    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("+++\n".to_string()),
            Just("\"".to_string()),
            Just("[[actions]]\n".to_string()),
            Just("## ".to_string()),
            Just("<!-- pm-ignore ".to_string()),
            Just("😀".to_string()),
            Just("é".to_string()),
            Just("\r".to_string()),
            Just("\r\n".to_string()),
            Just("x#A".to_string()),
            Just("status = ".to_string()),
            Just(String::new()),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        /// Every keystroke is a broken document: whatever the edits (ranges past the end,
        /// inside a surrogate pair or a CRLF, reversed), every feature answers without a panic.
        #[test]
        fn no_edit_makes_a_feature_panic(
            edits in proptest::collection::vec(
                (0u32..20, 0u32..40, 0u32..20, 0u32..40, piece()),
                1..6,
            )
        ) {
            let workspace = Rc::new(Workspace::for_path(None));
            let mut doc = OpenDocument::new("untitled:x".into(), None, 1, START.into(), workspace);
            for (version, (l1, c1, l2, c2, text)) in edits.into_iter().enumerate() {
                let range = Range::new(Position::new(l1, c1), Position::new(l2, c2));
                let change = TextDocumentContentChangeEvent::TextDocumentContentChangePartial(
                    TextDocumentContentChangePartial::new(range, None, text),
                );
                doc.apply(version as i32 + 2, vec![change]);
                let _ = diagnostics::publish(&mut doc);
                let at = Position::new(l1, c1);
                let _ = completion::complete(&doc, at);
                let _ = navigation::hover(&mut doc, at);
                let _ = navigation::definition(&doc, at);
                let _ = navigation::symbols(&doc);
                let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 5).unwrap_or_default();
                let _ = code_actions::code_actions(&mut doc, &range, today);
            }
        }
    }
}
