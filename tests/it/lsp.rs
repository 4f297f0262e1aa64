//! `pm lsp`: the real binary driven over stdio as an editor drives it (framing, initialize,
//! open, incremental and full changes, code actions, completion, hover, definition, symbols,
//! broken and oversized documents, shutdown and exit), and once by a real editor: headless
//! Neovim with its built-in LSP client.

use crate::common::{pm_binary, tools, Sandbox};
use serde_json::{json, Value};
use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

/// A client speaking the protocol to `pm lsp` over its standard input and output.
struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    /// Notifications read while waiting for something else.
    queued: VecDeque<Value>,
    next_id: i64,
}

impl Client {
    fn start(s: &Sandbox) -> Client {
        let mut cmd = Command::new(pm_binary());
        cmd.arg("lsp").current_dir(&s.home);
        s.apply_env(&mut cmd);
        let mut child = cmd
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start pm lsp");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, incoming) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_message(&mut reader) {
                if tx.send(message).is_err() {
                    break;
                }
            }
        });
        Client {
            child,
            stdin,
            incoming,
            queued: VecDeque::new(),
            next_id: 0,
        }
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("write");
        self.stdin.flush().expect("flush");
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn next(&mut self) -> Value {
        self.incoming
            .recv_timeout(Duration::from_secs(60))
            .expect("pm lsp answered within 60 s")
    }

    /// Sends a request and returns its response (the whole message), keeping notifications.
    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let message = self.next();
            if message["id"] == json!(id) && message.get("method").is_none() {
                return message;
            }
            self.queued.push_back(message);
        }
    }

    fn result(&mut self, method: &str, params: Value) -> Value {
        let response = self.request(method, params);
        assert!(response.get("error").is_none(), "{method}: {response}");
        response["result"].clone()
    }

    /// The next diagnostics published for `uri` at `version` (earlier ones are passed over).
    fn diagnostics(&mut self, uri: &str, version: Option<i64>) -> Vec<Value> {
        loop {
            let message = match self.queued.pop_front() {
                Some(m) => m,
                None => self.next(),
            };
            let params = &message["params"];
            if message["method"] == "textDocument/publishDiagnostics"
                && params["uri"] == uri
                && params["version"].as_i64() == version
            {
                return params["diagnostics"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default();
            }
        }
    }
}

fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(n) = line.strip_prefix("Content-Length: ") {
            length = n.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

fn uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

const OTHER: &str = "+++
id = \"2026-01-10-db\"
title = \"Database failover\"
status = \"reviewed\"
severity = \"SEV2\"
services = [\"db\"]
authors = [\"dana@example.com\"]
started = 2026-01-10T10:00:00Z

[[actions]]
id = \"A1\"
title = \"Page the database on-call when replication lag exceeds 30 seconds\"
owner = \"dana@example.com\"
due = 2026-02-15
status = \"open\"
kind = \"detect\"
priority = \"P1\"
+++

# Database failover
";

/// The open document: CRLF line endings, a non-ASCII line, an `id` that is not the file name,
/// a blameful sentence, an action marked done without `closed`, a reference, missing sections.
const DOC: &str = "+++\r
id = \"2026-02-01-wrong\"\r
title = \"Cache outage\"\r
status = \"draft\"\r
severity = \"SEV2\"\r
services = [\"cache\"]\r
authors = [\"ana@example.com\"]\r
started = 2026-02-01T10:00:00Z\r
\r
[[actions]]\r
id = \"A1\"\r
title = \"Alert when the cache hit rate drops below 80% for 5 minutes\"\r
owner = \"ana@example.com\"\r
due = 2026-03-01\r
status = \"done\"\r
kind = \"detect\"\r
priority = \"P2\"\r
+++\r
\r
# Cache outage\r
\r
## Summary\r
\r
The café 😀 cache failed. Bob forgot to run the migration.\r
\r
## Impact\r
\r
Customers saw errors; see 2026-01-10-db#A1.\r
";

fn codes(diagnostics: &[Value]) -> Vec<String> {
    diagnostics
        .iter()
        .filter_map(|d| d["code"].as_str().map(String::from))
        .collect()
}

fn find<'a>(diagnostics: &'a [Value], code: &str) -> &'a Value {
    diagnostics
        .iter()
        .find(|d| d["code"] == code)
        .unwrap_or_else(|| panic!("no {code} in {diagnostics:#?}"))
}

/// The edits of a code action, for the one document.
fn edits(action: &Value) -> Vec<Value> {
    let changes = action["edit"]["changes"].as_object().expect("changes");
    changes
        .values()
        .next()
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default()
}

fn titled<'a>(actions: &'a Value, start: &str) -> &'a Value {
    actions
        .as_array()
        .expect("actions")
        .iter()
        .find(|a| a["title"].as_str().is_some_and(|t| t.starts_with(start)))
        .unwrap_or_else(|| panic!("no action {start:?} in {actions:#}"))
}

fn labels(items: &Value) -> Vec<String> {
    items
        .as_array()
        .expect("completion items")
        .iter()
        .filter_map(|i| i["label"].as_str().map(String::from))
        .collect()
}

#[test]
fn an_editor_session_over_stdio() {
    let s = Sandbox::initialised();
    s.write("postmortems/2026/2026-01-10-db.md", OTHER);
    let path = s.write("postmortems/2026/2026-02-01-cache.md", DOC);
    let doc_uri = uri(&path);
    let mut c = Client::start(&s);

    let init = c.result(
        "initialize",
        json!({"processId": null, "rootUri": null, "capabilities": {}}),
    );
    assert_eq!(
        init["capabilities"]["textDocumentSync"]["change"], 2,
        "{init}"
    );
    c.notify("initialized", json!({}));

    // Open: every finding of `pm check`, with the rule as code and UTF-16 ranges.
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": doc_uri, "languageId": "markdown", "version": 1, "text": DOC}}),
    );
    let opened = c.diagnostics(&doc_uri, Some(1));
    let found = codes(&opened);
    for code in [
        "frontmatter/id-mismatch",
        "blameless/individual-fault",
        "structure/missing-section",
    ] {
        assert!(found.contains(&code.to_string()), "{code} in {found:?}");
    }
    let blame = find(&opened, "blameless/individual-fault");
    // "The café 😀 cache failed. Bob " is 30 UTF-16 units (é is one, 😀 two): "forgot" at 30.
    assert_eq!(
        blame["range"]["start"],
        json!({"line": 23, "character": 30}),
        "{blame}"
    );
    assert_eq!(blame["range"]["end"], json!({"line": 23, "character": 36}));
    assert_eq!(blame["severity"], 1);
    assert_eq!(blame["source"], "pm");
    assert!(
        blame["relatedInformation"][0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("pm check --explain blameless/individual-fault")),
        "{blame}"
    );
    assert_eq!(
        find(&opened, "structure/missing-section")["severity"],
        2,
        "a draft: warnings"
    );

    // An incremental change before the sentence moves the finding by two units.
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": doc_uri, "version": 2}, "contentChanges": [
            {"range": {"start": {"line": 23, "character": 0}, "end": {"line": 23, "character": 0}}, "text": "é "}
        ]}),
    );
    let changed = c.diagnostics(&doc_uri, Some(2));
    let blame = find(&changed, "blameless/individual-fault");
    assert_eq!(
        blame["range"]["start"],
        json!({"line": 23, "character": 32}),
        "{blame}"
    );

    // Code actions: the id from the file name, a pm-ignore comment, the wording suggestion,
    // the missing section with the template's prompt, `closed` on the action marked done.
    let on_id = c.result(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": doc_uri}, "range": {"start": {"line": 1, "character": 8}, "end": {"line": 1, "character": 8}}, "context": {"diagnostics": []}}),
    );
    let fix = titled(&on_id, "Set the id");
    assert_eq!(edits(fix)[0]["newText"], "\"2026-02-01-cache\"", "{fix}");
    assert_eq!(
        edits(fix)[0]["range"]["start"],
        json!({"line": 1, "character": 5})
    );
    let on_blame = c.result(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": doc_uri}, "range": {"start": {"line": 23, "character": 33}, "end": {"line": 23, "character": 33}}, "context": {"diagnostics": []}}),
    );
    let ignore = titled(&on_blame, "Ignore blameless/individual-fault");
    assert_eq!(
        edits(ignore)[0]["newText"],
        "<!-- pm-ignore blameless/individual-fault -->\r\n"
    );
    assert_eq!(
        edits(ignore)[0]["range"]["start"],
        json!({"line": 23, "character": 0})
    );
    let reword = titled(&on_blame, "Replace the sentence with pm's suggestion");
    let reword_edit = &edits(reword)[0];
    assert_eq!(
        reword_edit["range"]["start"],
        json!({"line": 23, "character": 28}),
        "{reword}"
    );
    assert!(
        reword_edit["newText"]
            .as_str()
            .is_some_and(|t| t.contains("migration")),
        "{reword}"
    );
    let on_heading = c.result(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": doc_uri}, "range": {"start": {"line": 25, "character": 0}, "end": {"line": 25, "character": 2}}, "context": {"diagnostics": []}}),
    );
    let add = titled(&on_heading, "Add the `## Root Cause Analysis` section");
    let text = edits(add)[0]["newText"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(
        text.starts_with("\r\n\r\n## Root Cause Analysis\r\n\r\n_How the failure came about"),
        "{text:?}"
    );
    let on_action = c.result(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": doc_uri}, "range": {"start": {"line": 14, "character": 0}, "end": {"line": 14, "character": 0}}, "context": {"diagnostics": []}}),
    );
    let close = titled(&on_action, "Set `closed = 2026-03-05` on A1");
    assert_eq!(
        edits(close)[0]["newText"],
        "closed = 2026-03-05\r\n",
        "{close}"
    );
    assert_eq!(
        edits(close)[0]["range"]["start"],
        json!({"line": 15, "character": 0})
    );

    // Hover on a finding: its rule explained.
    let at = |line: u32, character: u32| json!({"textDocument": {"uri": doc_uri}, "position": {"line": line, "character": character}});
    let explained = c.result("textDocument/hover", at(23, 33));
    let value = explained["contents"]["value"].as_str().unwrap_or_default();
    assert!(
        value.contains("blameless/individual-fault") && value.contains("Why:"),
        "{value}"
    );

    // Symbols: the action items and the sections.
    let symbols = c.result(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": doc_uri}}),
    );
    let names = labels_of(&symbols, "name");
    assert!(
        names.contains(&"A1: Alert when the cache hit rate drops below 80% for 5 minutes".into()),
        "{names:?}"
    );
    assert!(
        names.contains(&"Summary".into()) && names.contains(&"Impact".into()),
        "{names:?}"
    );

    // Completion: enum values, owners seen in the repository, headings, references.
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": doc_uri, "version": 3}, "contentChanges": [
            {"range": {"start": {"line": 3, "character": 0}, "end": {"line": 3, "character": 16}}, "text": "status = \""},
            {"range": {"start": {"line": 12, "character": 0}, "end": {"line": 12, "character": 25}}, "text": "owner = "},
            {"range": {"start": {"line": 27, "character": 0}, "end": {"line": 27, "character": 0}}, "text": "## Ro\r\nsee 2026-01-10#\r\n"}
        ]}),
    );
    let at = |line: u32, character: u32| json!({"textDocument": {"uri": doc_uri}, "position": {"line": line, "character": character}});
    let statuses = c.result("textDocument/completion", at(3, 10));
    assert_eq!(
        labels(&statuses),
        ["draft", "in-review", "reviewed", "closed"]
    );
    assert_eq!(statuses[0]["textEdit"]["newText"], "draft");
    let owners = c.result("textDocument/completion", at(12, 8));
    assert!(
        labels(&owners).contains(&"dana@example.com".into()),
        "{owners}"
    );
    let owner = owners
        .as_array()
        .and_then(|o| o.iter().find(|i| i["label"] == "dana@example.com"))
        .cloned();
    assert_eq!(
        owner.map(|o| o["textEdit"]["newText"].clone()),
        Some(json!("\"dana@example.com\""))
    );
    let kinds = c.result("textDocument/completion", at(4, 0));
    assert!(labels(&kinds).contains(&"severity".into()), "{kinds}");
    let headings = c.result("textDocument/completion", at(27, 5));
    assert!(
        labels(&headings).contains(&"## Root Cause Analysis".into()),
        "{headings}"
    );
    let references = c.result("textDocument/completion", at(28, 15));
    assert_eq!(labels(&references), ["2026-01-10-db#A1"], "{references}");
    assert_eq!(
        references[0]["detail"],
        "Page the database on-call when replication lag exceeds 30 seconds"
    );

    // Hover: a reference's action; a finding's rule explained.
    let hover = c.result("textDocument/hover", at(29, 30));
    let value = hover["contents"]["value"].as_str().unwrap_or_default();
    assert!(value.contains("2026-01-10-db#A1"), "{hover}");
    assert!(
        value.contains("owner: dana@example.com · due: 2026-02-15 · status: open"),
        "{value}"
    );
    // Go to definition: the action's `id` in the other file.
    let definition = c.result("textDocument/definition", at(29, 30));
    assert_eq!(
        definition["uri"],
        uri(&s.root.join("postmortems/2026/2026-01-10-db.md"))
    );
    assert_eq!(
        definition["range"]["start"],
        json!({"line": 10, "character": 5})
    );

    // A broken document (full sync) is one finding, and requests still answer.
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": doc_uri, "version": 4}, "contentChanges": [{"text": "+++\nid = [\n"}]}),
    );
    assert_eq!(
        codes(&c.diagnostics(&doc_uri, Some(4))),
        ["frontmatter/unterminated"]
    );
    c.result("textDocument/completion", at(1, 6));
    c.result(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": doc_uri}}),
    );
    c.result("textDocument/hover", at(1, 2));
    // Over the size limit: one diagnostic saying so.
    let huge = format!("+++\n{}", "x".repeat(5 * 1024 * 1024));
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": doc_uri, "version": 5}, "contentChanges": [{"text": huge}]}),
    );
    let large = c.diagnostics(&doc_uri, Some(5));
    assert_eq!(codes(&large), ["frontmatter/unreadable"], "{large:?}");
    assert!(
        large[0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("4194304 bytes")),
        "{large:?}"
    );

    // The other post-mortems are found from the file's path: its own file is not a duplicate
    // of itself, a copy under another name is.
    let other = s.root.join("postmortems/2026/2026-01-10-db.md");
    let copy = s.root.join("postmortems/2026/2026-01-11-copy.md");
    for (path, version) in [(&other, 1), (&copy, 1)] {
        c.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri(path), "languageId": "markdown", "version": version, "text": OTHER}}),
        );
    }
    let own = codes(&c.diagnostics(&uri(&other), Some(1)));
    assert!(
        !own.contains(&"frontmatter/duplicate-id".to_string()),
        "{own:?}"
    );
    let copied = c.diagnostics(&uri(&copy), Some(1));
    let duplicate = find(&copied, "frontmatter/duplicate-id");
    assert!(
        duplicate["message"]
            .as_str()
            .is_some_and(|m| m.contains("postmortems/2026/2026-01-10-db.md")),
        "{duplicate}"
    );

    // A file outside any repository gets the default configuration.
    let loose = s.home.join("notes.md");
    let loose_uri = uri(&loose);
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": loose_uri, "languageId": "markdown", "version": 1, "text": "# Notes\n"}}),
    );
    assert_eq!(
        codes(&c.diagnostics(&loose_uri, Some(1))),
        ["frontmatter/missing"]
    );
    c.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": loose_uri}}),
    );
    assert!(c.diagnostics(&loose_uri, None).is_empty());

    let unknown = c.request(
        "textDocument/formatting",
        json!({"textDocument": {"uri": doc_uri}, "options": {"tabSize": 2, "insertSpaces": true}}),
    );
    assert_eq!(unknown["error"]["code"], -32601, "{unknown}");

    assert_eq!(c.request("shutdown", Value::Null)["result"], Value::Null);
    c.notify("exit", Value::Null);
    let status = c.child.wait().expect("wait for pm lsp");
    assert!(status.success(), "{status}");
}

fn labels_of(items: &Value, key: &str) -> Vec<String> {
    items
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|i| i[key].as_str().map(String::from))
        .collect()
}

/// The Lua client: Neovim's built-in LSP client started on `pm lsp`, a file opened, one edit,
/// one code-action request; what Neovim made of the diagnostics written as JSON.
const NVIM_CLIENT: &str = r#"
local cmd, file, out = vim.env.PM_LSP_CMD, vim.env.PM_LSP_FILE, vim.env.PM_LSP_OUT
local result = { raw = {} }
local function finish(code)
  result.exit = code
  local f = assert(io.open(out, 'w')); f:write(vim.fn.json_encode(result)); f:close()
  vim.cmd(code == 0 and 'qall!' or 'cquit ' .. code)
end
local function wait_for(pred, what)
  if not vim.wait(20000, pred, 10) then result.error = 'timed out: ' .. what; finish(1) end
end
local default = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, params, ctx, config)
  table.insert(result.raw, params)
  return default(err, params, ctx, config)
end
vim.cmd('edit ' .. vim.fn.fnameescape(file))
vim.bo.filetype = 'markdown'
local bufnr = vim.api.nvim_get_current_buf()
local config = {
  name = 'pm', cmd = { cmd, 'lsp' },
  root_dir = vim.fn.fnamemodify(file, ':p:h'),
  flags = { debounce_text_changes = 0, allow_incremental_sync = true },
  on_exit = function(code, signal)
    if code ~= 0 then vim.schedule(function() result.error = 'server exit ' .. code .. '/' .. signal; finish(1) end) end
  end,
}
local id
if vim.lsp.start then
  id = vim.lsp.start(config)
else
  id = vim.lsp.start_client(config)
  if id then vim.lsp.buf_attach_client(bufnr, id) end
end
if not id then result.error = 'could not start the server'; finish(1) end
local function seen() return #result.raw end
local function snapshot()
  return vim.tbl_map(function(d)
    return { lnum = d.lnum, col = d.col, end_col = d.end_col, code = d.code }
  end, vim.diagnostic.get(bufnr))
end
wait_for(function() return seen() >= 1 end, 'diagnostics after didOpen')
result.opened = snapshot()
local n = seen()
vim.api.nvim_buf_set_text(bufnr, 23, 0, 23, 0, { 'é ' })
wait_for(function() return seen() > n end, 'diagnostics after didChange')
result.changed = snapshot()
local resp = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', {
  textDocument = { uri = vim.uri_from_bufnr(bufnr) },
  range = { start = { line = 1, character = 8 }, ['end'] = { line = 1, character = 8 } },
  context = { diagnostics = {} },
}, 10000)
result.code_actions = resp and resp[id] and resp[id].result or vim.NIL
vim.lsp.stop_client(id)
vim.wait(3000, function() return vim.lsp.get_client_by_id(id) == nil end, 10)
finish(0)
"#;

#[test]
fn neovim_shows_the_findings_through_its_lsp_client() {
    let Some(nvim) = tools::neovim() else {
        return;
    };
    let s = Sandbox::initialised();
    s.write("postmortems/2026/2026-01-10-db.md", OTHER);
    let path = s.write("postmortems/2026/2026-02-01-cache.md", DOC);
    let script = s.write("../nvim-client.lua", NVIM_CLIENT);
    let out = s.home.join("nvim-result.json");
    let mut cmd = Command::new(nvim);
    s.apply_env(&mut cmd);
    let xdg = s.home.join("xdg");
    cmd.args(["--headless", "--clean", "-u"])
        .arg(&script)
        .current_dir(&s.root)
        .env("PM_LSP_CMD", pm_binary())
        .env("PM_LSP_FILE", &path)
        .env("PM_LSP_OUT", &out)
        .env("XDG_DATA_HOME", xdg.join("data"))
        .env("XDG_STATE_HOME", xdg.join("state"))
        .env("XDG_CACHE_HOME", xdg.join("cache"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("start nvim");
    // std has no wait with a timeout: poll, and kill a hung editor rather than hang the suite.
    let mut waited = 0;
    let status = loop {
        if let Some(status) = child.try_wait().expect("poll nvim") {
            break status;
        }
        assert!(waited < 1200, "nvim did not finish in 120 s");
        std::thread::sleep(Duration::from_millis(100));
        waited += 1;
        if waited == 1200 {
            let _ = child.kill();
        }
    };
    let mut stderr = String::new();
    if let Some(mut e) = child.stderr.take() {
        let _ = e.read_to_string(&mut stderr);
    }
    let text = std::fs::read_to_string(&out)
        .unwrap_or_else(|e| panic!("no result ({e}); {status}; {stderr}"));
    let result: Value = serde_json::from_str(&text).expect("JSON result");
    assert!(
        status.success() && result["exit"] == 0,
        "{status} {result:#}\n{stderr}"
    );
    // Neovim turns the server's UTF-16 ranges into byte columns of the line: "The café 😀
    // cache failed. Bob " is 33 bytes (é is 2, 😀 is 4); after typing "é " it is 36.
    let blame = |key: &str| {
        result[key]
            .as_array()
            .and_then(|d| d.iter().find(|d| d["code"] == "blameless/individual-fault"))
            .cloned()
            .unwrap_or_else(|| panic!("no blame finding in {key}: {result:#}"))
    };
    assert_eq!(
        (
            blame("opened")["lnum"].clone(),
            blame("opened")["col"].clone()
        ),
        (json!(23), json!(33))
    );
    assert_eq!(blame("opened")["end_col"], 39);
    assert_eq!(blame("changed")["col"], 36, "{result:#}");
    let actions = &result["code_actions"];
    assert!(
        actions
            .as_array()
            .is_some_and(|a| a.iter().any(|a| a["title"]
                .as_str()
                .is_some_and(|t| t.starts_with("Set the id")))),
        "{actions:#}"
    );
}
