//! `claimlint lsp`: a language server over stdio. One warm [`Workspace`] (config and packs
//! of the workspace root, loaded once, reloaded when `claimlint.toml` or a pack changes);
//! open Markdown, text and HTML documents are checked on open and, debounced, on change.
//! Positions are UTF-16 code units, as the protocol requires.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use lsp_server::{Connection, Message, Notification, Request, RequestId, Response};
use lsp_types::{
    CodeActionParams, DidChangeTextDocumentParams, DidChangeWatchedFilesParams,
    DidCloseTextDocumentParams, DidOpenTextDocumentParams, DidSaveTextDocumentParams, HoverParams,
    InitializeParams, Position,
};
use serde_json::{json, Value};

use claimlint::finding::LineIndex;
use claimlint::workspace::FileInfo;
use claimlint::{Finding, Settings, Severity, Workspace};

const DEBOUNCE: Duration = Duration::from_millis(150);

struct Doc {
    text: String,
    /// The name checked: the file's path, with an extension telling its format.
    name: String,
    version: i32,
    due: Option<Instant>,
    findings: Vec<Finding>,
    info: Option<FileInfo>,
}

struct Server {
    connection: Connection,
    settings: Settings,
    workspace: Workspace,
    docs: BTreeMap<String, Doc>,
    /// TOML files that hold published pack or config problems (cleared on reload).
    problem_uris: BTreeSet<String>,
}

pub fn lsp(settings: Settings) -> i32 {
    let (connection, io_threads) = Connection::stdio();
    let capabilities = json!({
        "textDocumentSync": {"openClose": true, "change": 1, "save": {"includeText": false}},
        "codeActionProvider": {"codeActionKinds": ["quickfix"]},
        "hoverProvider": true,
    });
    let params = match connection.initialize(capabilities) {
        Ok(params) => params,
        Err(err) => {
            eprintln!("error: the client did not initialise the server: {err}");
            return 2;
        }
    };
    let params: Option<InitializeParams> = serde_json::from_value(params).ok();
    if let Some(root) = params.as_ref().and_then(root_of) {
        // Config discovery and display paths are relative to the working folder.
        if let Err(err) = std::env::set_current_dir(&root) {
            eprintln!("warning: cannot enter the workspace root: {err}");
        }
    }
    let workspace = Workspace::load(&settings);
    let mut server = Server {
        connection,
        settings,
        workspace,
        docs: BTreeMap::new(),
        problem_uris: BTreeSet::new(),
    };
    server.watch_tomls();
    server.publish_problems();
    let status = server.run();
    drop(server);
    let _ = io_threads.join();
    status
}

fn root_of(params: &InitializeParams) -> Option<PathBuf> {
    let folder = params
        .workspace_folders
        .as_ref()
        .and_then(|f| f.first())
        .map(|f| f.uri.as_str().to_owned());
    #[allow(deprecated)]
    let uri = folder.or_else(|| params.root_uri.as_ref().map(|u| u.as_str().to_owned()))?;
    file_path(&uri)
}

impl Server {
    fn run(&mut self) -> i32 {
        loop {
            let wait = self
                .docs
                .values()
                .filter_map(|d| d.due)
                .min()
                .map(|due| due.saturating_duration_since(Instant::now()));
            let message = match wait {
                Some(wait) => match self.connection.receiver.recv_timeout(wait) {
                    Ok(message) => Some(message),
                    Err(crossbeam_timeout) if crossbeam_timeout.is_timeout() => None,
                    Err(_) => return 1,
                },
                None => match self.connection.receiver.recv() {
                    Ok(message) => Some(message),
                    Err(_) => return 1,
                },
            };
            match message {
                None => self.check_due(),
                Some(Message::Request(request)) => {
                    match self.connection.handle_shutdown(&request) {
                        Ok(true) => return 0,
                        Ok(false) => self.request(request),
                        Err(_) => return 1,
                    }
                }
                Some(Message::Notification(notification)) => {
                    if notification.method == "exit" {
                        return 1; // exit without shutdown
                    }
                    self.notification(notification);
                }
                Some(Message::Response(_)) => {}
            }
        }
    }

    fn send(&self, message: Message) {
        let _ = self.connection.sender.send(message);
    }

    fn notify(&self, method: &str, params: Value) {
        self.send(Message::Notification(Notification::new(
            method.to_owned(),
            params,
        )));
    }

    fn request(&mut self, request: Request) {
        let result = match request.method.as_str() {
            "textDocument/codeAction" => serde_json::from_value::<CodeActionParams>(request.params)
                .map(|p| self.code_actions(&p)),
            "textDocument/hover" => {
                serde_json::from_value::<HoverParams>(request.params).map(|p| self.hover(&p))
            }
            _ => {
                let response = Response::new_err(
                    request.id,
                    lsp_server::ErrorCode::MethodNotFound as i32,
                    format!("claimlint does not handle {}", request.method),
                );
                self.send(Message::Response(response));
                return;
            }
        };
        let response = match result {
            Ok(value) => Response::new_ok(request.id, value),
            Err(err) => invalid_params(request.id, &err),
        };
        self.send(Message::Response(response));
    }

    fn notification(&mut self, notification: Notification) {
        let params = notification.params;
        match notification.method.as_str() {
            "textDocument/didOpen" => {
                if let Ok(p) = serde_json::from_value::<DidOpenTextDocumentParams>(params) {
                    let uri = p.text_document.uri.as_str().to_owned();
                    let Some(name) = checked_name(&uri, &p.text_document.language_id) else {
                        return;
                    };
                    self.docs.insert(
                        uri.clone(),
                        Doc {
                            text: p.text_document.text,
                            name,
                            version: p.text_document.version,
                            due: None,
                            findings: Vec::new(),
                            info: None,
                        },
                    );
                    self.check(&uri);
                }
            }
            "textDocument/didChange" => {
                if let Ok(p) = serde_json::from_value::<DidChangeTextDocumentParams>(params) {
                    let uri = p.text_document.uri.as_str();
                    if let Some(doc) = self.docs.get_mut(uri) {
                        // Full sync: the last change holds the whole text.
                        if let Some(change) = p.content_changes.into_iter().last() {
                            doc.text = change.text;
                        }
                        doc.version = p.text_document.version;
                        doc.due = Some(Instant::now() + DEBOUNCE);
                    }
                }
            }
            "textDocument/didClose" => {
                if let Ok(p) = serde_json::from_value::<DidCloseTextDocumentParams>(params) {
                    let uri = p.text_document.uri.as_str().to_owned();
                    if self.docs.remove(&uri).is_some() {
                        self.notify(
                            "textDocument/publishDiagnostics",
                            json!({"uri": uri, "diagnostics": []}),
                        );
                    }
                }
            }
            "textDocument/didSave" => {
                if let Ok(p) = serde_json::from_value::<DidSaveTextDocumentParams>(params) {
                    if p.text_document.uri.as_str().ends_with(".toml") {
                        self.reload();
                    }
                }
            }
            "workspace/didChangeWatchedFiles" => {
                if let Ok(p) = serde_json::from_value::<DidChangeWatchedFilesParams>(params) {
                    if p.changes.iter().any(|c| c.uri.as_str().ends_with(".toml")) {
                        self.reload();
                    }
                }
            }
            _ => {}
        }
    }

    /// Asks the client to tell us about TOML changes (ignored by clients that cannot).
    fn watch_tomls(&self) {
        let registration = json!({"registrations": [{
            "id": "claimlint-toml",
            "method": "workspace/didChangeWatchedFiles",
            "registerOptions": {"watchers": [{"globPattern": "**/*.toml"}]},
        }]});
        self.send(Message::Request(Request::new(
            RequestId::from("claimlint-watch".to_owned()),
            "client/registerCapability".to_owned(),
            registration,
        )));
    }

    fn reload(&mut self) {
        self.workspace = Workspace::load(&self.settings);
        self.publish_problems();
        let uris: Vec<String> = self.docs.keys().cloned().collect();
        for uri in uris {
            self.check(&uri);
        }
    }

    /// Config and pack problems, published on the TOML files they point into.
    fn publish_problems(&mut self) {
        let mut by_file: BTreeMap<String, Vec<Value>> = BTreeMap::new();
        for uri in &self.problem_uris {
            by_file.insert(uri.clone(), Vec::new());
        }
        let mut problem_uris = BTreeSet::new();
        for finding in &self.workspace.problems().findings {
            if finding.path.is_empty() {
                continue;
            }
            let path = absolute(Path::new(&finding.path));
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            let uri = file_uri(&path);
            by_file.entry(uri.clone()).or_default().push(diagnostic(
                &text,
                &LineIndex::new(&text),
                finding,
            ));
            problem_uris.insert(uri);
        }
        for (uri, diagnostics) in by_file {
            self.notify(
                "textDocument/publishDiagnostics",
                json!({"uri": uri, "diagnostics": diagnostics}),
            );
        }
        self.problem_uris = problem_uris;
    }

    fn check_due(&mut self) {
        let now = Instant::now();
        let due: Vec<String> = self
            .docs
            .iter()
            .filter(|(_, d)| d.due.is_some_and(|due| due <= now))
            .map(|(uri, _)| uri.clone())
            .collect();
        for uri in due {
            self.check(&uri);
        }
    }

    fn check(&mut self, uri: &str) {
        let Some(doc) = self.docs.get_mut(uri) else {
            return;
        };
        doc.due = None;
        let checked = self.workspace.check_bytes(&doc.name, doc.text.as_bytes());
        doc.findings = checked.findings;
        doc.info = checked.info;
        let lines = LineIndex::new(&doc.text);
        let diagnostics: Vec<Value> = doc
            .findings
            .iter()
            .map(|f| diagnostic(&doc.text, &lines, f))
            .collect();
        let params = json!({"uri": uri, "version": doc.version, "diagnostics": diagnostics});
        self.notify("textDocument/publishDiagnostics", params);
    }

    fn code_actions(&self, params: &CodeActionParams) -> Value {
        let uri = params.text_document.uri.as_str();
        let Some(doc) = self.docs.get(uri) else {
            return json!([]);
        };
        let lines = LineIndex::new(&doc.text);
        let start = byte_at(&doc.text, &lines, params.range.start);
        let end = byte_at(&doc.text, &lines, params.range.end);
        let mut actions = Vec::new();
        let mut disabled = BTreeSet::new();
        for f in &doc.findings {
            if f.span.end < start || f.span.start > end {
                continue;
            }
            let shown = diagnostic(&doc.text, &lines, f);
            if let Some(fix) = &f.fix {
                actions.push(json!({
                    "title": format!("Replace with \"{}\"", fix.replacement),
                    "kind": "quickfix",
                    "diagnostics": [shown],
                    "isPreferred": f.kind.autofix(),
                    "edit": {"changes": {uri: [{
                        "range": range(&doc.text, &lines, f.span.start, f.span.end),
                        "newText": fix.replacement,
                    }]}},
                }));
            }
            let (line, _) = lines.utf16_position(&doc.text, f.span.start);
            if disabled.insert((line, f.rule.as_str().to_owned())) {
                actions.push(json!({
                    "title": format!("Disable {} for this line", f.rule.as_str()),
                    "kind": "quickfix",
                    "diagnostics": [shown],
                    "edit": {"changes": {uri: [{
                        "range": {"start": {"line": line, "character": 0},
                                  "end": {"line": line, "character": 0}},
                        "newText": format!(
                            "<!-- claimlint-disable-next-line {} -->\n",
                            f.rule.as_str()
                        ),
                    }]}},
                }));
            }
        }
        Value::Array(actions)
    }

    fn hover(&self, params: &HoverParams) -> Value {
        let at = &params.text_document_position_params;
        let Some(doc) = self.docs.get(at.text_document.uri.as_str()) else {
            return Value::Null;
        };
        let lines = LineIndex::new(&doc.text);
        let offset = byte_at(&doc.text, &lines, at.position);
        let mut parts = Vec::new();
        let engine = &self.workspace.engine;
        for f in doc
            .findings
            .iter()
            .filter(|f| f.span.start <= offset && offset < f.span.end.max(f.span.start + 1))
        {
            let explained = super::explain::explain(engine, f.rule.as_str())
                .or_else(|| super::explain::explain(engine, f.kind.as_str()))
                .unwrap_or_default();
            parts.push(format!(
                "**{}** ({})\n\n{}\n\n```text\n{}```",
                f.kind.as_str(),
                f.rule.as_str(),
                f.message,
                explained
            ));
        }
        for s in doc.info.iter().flat_map(|info| &info.statements) {
            if s.span.start <= offset && offset < s.span.end {
                parts.push(format!(
                    "**claim {}**: {}; read: {}; known: {}",
                    s.rule,
                    s.verdict,
                    s.value,
                    s.known.as_deref().unwrap_or("nothing")
                ));
                let explained = doc.findings.iter().any(|f| f.rule.as_str() == s.rule);
                if let Some(text) = super::explain::explain(engine, &s.rule).filter(|_| !explained)
                {
                    parts.push(format!("```text\n{text}```"));
                }
            }
        }
        if parts.is_empty() {
            return Value::Null;
        }
        json!({"contents": {"kind": "markdown", "value": parts.join("\n\n---\n\n")}})
    }
}

fn invalid_params(id: RequestId, err: &serde_json::Error) -> Response {
    Response::new_err(
        id,
        lsp_server::ErrorCode::InvalidParams as i32,
        err.to_string(),
    )
}

fn diagnostic(text: &str, lines: &LineIndex, f: &Finding) -> Value {
    let severity = match f.severity {
        Severity::Error => 1,
        Severity::Warning => 2,
        Severity::Info => 3,
    };
    let mut message = f.message.clone();
    if let Some(help) = &f.help {
        message.push('\n');
        message.push_str(help);
    }
    json!({
        "range": range(text, lines, f.span.start, f.span.end),
        "severity": severity,
        "code": f.rule.as_str(),
        "source": "claimlint",
        "message": message,
        "data": {"kind": f.kind.as_str()},
    })
}

fn range(text: &str, lines: &LineIndex, start: usize, end: usize) -> Value {
    let (l0, c0) = lines.utf16_position(text, start);
    let (l1, c1) = lines.utf16_position(text, end);
    json!({"start": {"line": l0, "character": c0}, "end": {"line": l1, "character": c1}})
}

fn byte_at(text: &str, lines: &LineIndex, position: Position) -> usize {
    lines.utf16_offset(text, position.line as usize, position.character as usize)
}

/// The name a document is checked under: its path when its extension tells a format,
/// else the path with one from the client's language id; other documents are not ours.
fn checked_name(uri: &str, language_id: &str) -> Option<String> {
    let path = file_path(uri).map_or_else(|| uri.to_owned(), |p| p.display().to_string());
    let lower = path.to_ascii_lowercase();
    let known = [".md", ".markdown", ".txt", ".html", ".htm"];
    if known.iter().any(|e| lower.ends_with(e)) {
        return Some(path);
    }
    let extension = match language_id {
        "markdown" => "md",
        "plaintext" | "text" => "txt",
        "html" => "html",
        _ => return None,
    };
    Some(format!("{path}.{extension}"))
}

fn absolute(path: &Path) -> PathBuf {
    if path.is_absolute() {
        return path.to_owned();
    }
    std::env::current_dir().map_or_else(|_| path.to_owned(), |cwd| cwd.join(path))
}

/// The path of a `file:` URI (percent-decoded), or None.
fn file_path(uri: &str) -> Option<PathBuf> {
    let rest = uri.strip_prefix("file://")?;
    let rest = rest.strip_prefix("localhost").unwrap_or(rest);
    let bytes = rest.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (b'%', Some(&h), Some(&l)) if hex(h).is_some() && hex(l).is_some() => {
                out.push((hex(h).unwrap_or(0) * 16 + hex(l).unwrap_or(0)) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    Some(PathBuf::from(String::from_utf8_lossy(&out).into_owned()))
}

/// A `file:` URI for a path, percent-encoding all but unreserved characters and `/`.
fn file_uri(path: &Path) -> String {
    let mut uri = String::from("file://");
    for b in path.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            uri.push(b as char);
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri
}
