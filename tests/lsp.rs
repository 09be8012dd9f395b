//! `claimlint lsp` driven over stdio by a scripted client: initialize, didOpen, didChange,
//! codeAction, hover, a pack broken on disk, shutdown and exit.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

use serde_json::{json, Value};

struct Client {
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    next_id: i64,
}

impl Client {
    fn send(&mut self, message: &Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("sent");
        self.stdin.flush().expect("flushed");
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and returns its result, answering the server's own requests and
    /// skipping its notifications meanwhile.
    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let message = self.next();
            if message["id"] == id && message.get("method").is_none() {
                return message["result"].clone();
            }
        }
    }

    /// The next message; server requests (registerCapability) are answered.
    fn next(&mut self) -> Value {
        let message = self
            .incoming
            .recv_timeout(Duration::from_secs(30))
            .expect("the server answers within 30 s");
        if message.get("method").is_some() && message.get("id").is_some() {
            let id = message["id"].clone();
            self.send(&json!({"jsonrpc": "2.0", "id": id, "result": null}));
        }
        message
    }

    /// The next diagnostics published for a URI ending with `suffix`.
    fn diagnostics_for(&mut self, suffix: &str) -> Value {
        loop {
            let message = self.next();
            if message["method"] == "textDocument/publishDiagnostics"
                && message["params"]["uri"]
                    .as_str()
                    .is_some_and(|u| u.ends_with(suffix))
            {
                return message["params"].clone();
            }
        }
    }
}

fn read_messages(stdout: impl Read + Send + 'static) -> Receiver<Value> {
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        let mut reader = BufReader::new(stdout);
        loop {
            let mut length = 0;
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 {
                    return;
                }
                let line = line.trim_end();
                if line.is_empty() {
                    break;
                }
                if let Some(n) = line.strip_prefix("Content-Length: ") {
                    length = n.parse().unwrap_or(0);
                }
            }
            let mut body = vec![0; length];
            if reader.read_exact(&mut body).is_err() {
                return;
            }
            let Ok(value) = serde_json::from_slice(&body) else {
                return;
            };
            if sender.send(value).is_err() {
                return;
            }
        }
    });
    receiver
}

/// The LSP position (0-based line, UTF-16 column) of byte `offset` of `text`.
fn position(text: &str, offset: usize) -> Value {
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    json!({"line": line, "character": text[line_start..offset].encode_utf16().count()})
}

fn uri_of(path: &Path) -> String {
    format!("file://{}", path.display())
}

#[test]
fn a_scripted_client_gets_utf16_diagnostics_fixes_hover_and_pack_errors() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().canonicalize().expect("canonical");
    std::fs::write(
        root.join("claimlint.toml"),
        "rules = [\"builtin\"]\nlang = \"fr\"\n",
    )
    .expect("config");
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimlint"))
        .arg("lsp")
        .env("CLAIMLINT_TODAY", "2025-12-13")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("claimlint lsp starts");
    let stdout = child.stdout.take().expect("stdout");
    let mut client = Client {
        stdin: child.stdin.take().expect("stdin"),
        incoming: read_messages(stdout),
        next_id: 0,
    };

    let init = client.request(
        "initialize",
        json!({"processId": null, "rootUri": uri_of(&root), "capabilities": {}}),
    );
    assert_eq!(init["capabilities"]["hoverProvider"], true);
    client.notify("initialized", json!({}));

    // Accents and emoji before the name, on the second line.
    let uri = uri_of(&root.join("brouillon.md"));
    let text = "# Été 😀\n\nLe président 🇧🇾 est arrivé à Mink hier.\n";
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}),
    );
    let published = client.diagnostics_for("brouillon.md");
    let diagnostics = published["diagnostics"].as_array().expect("diagnostics");
    let mink = diagnostics
        .iter()
        .find(|d| d["code"] == "belarus/minsk")
        .unwrap_or_else(|| panic!("Mink is reported: {published}"));
    let at = text.find("Mink").expect("Mink");
    assert_eq!(mink["range"]["start"], position(text, at));
    assert_eq!(mink["range"]["end"], position(text, at + 4));
    assert_eq!(mink["range"]["start"], json!({"line": 2, "character": 31}));
    assert_eq!(mink["severity"], 1);

    // A change moves the name: two more emoji are four more UTF-16 units.
    let text = "# Été 😀\n\nLe président 🇧🇾😀😀 est arrivé à Mink hier.\n";
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": text}]}),
    );
    let published = client.diagnostics_for("brouillon.md");
    assert_eq!(published["version"], 2);
    let mink = published["diagnostics"]
        .as_array()
        .and_then(|d| d.iter().find(|d| d["code"] == "belarus/minsk"))
        .cloned()
        .unwrap_or_else(|| panic!("Mink is reported again: {published}"));
    let at = text.find("Mink").expect("Mink");
    let range = json!({"start": position(text, at), "end": position(text, at + 4)});
    assert_eq!(mink["range"], range);
    assert_eq!(mink["range"]["start"]["character"], 35);

    // Code actions: the fix (preferred) and a suppression above the line.
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": range, "context": {"diagnostics": [mink]}}),
    );
    let actions = actions.as_array().expect("actions");
    let fix = actions
        .iter()
        .find(|a| a["title"] == "Replace with \"Minsk\"")
        .unwrap_or_else(|| panic!("a fix for Mink: {actions:?}"));
    assert_eq!(fix["isPreferred"], true);
    assert_eq!(
        fix["edit"]["changes"][&uri],
        json!([{"range": range, "newText": "Minsk"}])
    );
    let disable = actions
        .iter()
        .find(|a| a["title"] == "Disable belarus/minsk for this line")
        .unwrap_or_else(|| panic!("a suppression: {actions:?}"));
    assert_eq!(
        disable["edit"]["changes"][&uri][0]["newText"],
        "<!-- claimlint-disable-next-line belarus/minsk -->\n"
    );
    assert_eq!(
        disable["edit"]["changes"][&uri][0]["range"]["start"],
        json!({"line": 2, "character": 0})
    );

    // Hover on the name explains the rule.
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": position(text, at + 2)}),
    );
    let shown = hover["contents"]["value"].as_str().unwrap_or_default();
    assert!(
        shown.contains("belarus/minsk") && shown.contains("Minsk"),
        "{shown}"
    );
    // On a claim: what is known and its source.
    let claim = "M. Loukachenko dirige le Bélarus depuis plus de quarante ans.";
    let text = format!("{text}\n{claim}\n");
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 3}, "contentChanges": [{"text": text}]}),
    );
    let published = client.diagnostics_for("brouillon.md");
    let claims: Vec<&Value> = published["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|d| {
            d["data"]["kind"]
                .as_str()
                .is_some_and(|k| k.starts_with("claim."))
        })
        .collect();
    assert_eq!(claims.len(), 1, "{published}");
    let at = text.find("quarante").expect("quarante");
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": position(&text, at)}),
    );
    let shown = hover["contents"]["value"].as_str().unwrap_or_default();
    assert!(
        shown.contains("known:") && shown.contains("source:"),
        "{shown}"
    );
    let nothing = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}}),
    );
    assert_eq!(nothing, Value::Null);

    // A broken pack named by the config: its errors are published on the TOML file.
    std::fs::create_dir(root.join("rules")).expect("rules dir");
    std::fs::write(
        root.join("rules/bad.toml"),
        "format = 1\n\n[pack]\nid = \"desk\"\n\n[[entity]]\nid = \"x\"\npreferred = 3\n",
    )
    .expect("pack");
    std::fs::write(
        root.join("claimlint.toml"),
        "rules = [\"builtin\", \"rules\"]\nlang = \"fr\"\n",
    )
    .expect("config");
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri_of(&root.join("claimlint.toml")), "type": 2}]}),
    );
    let published = client.diagnostics_for("/rules/bad.toml");
    assert_eq!(published["uri"], uri_of(&root.join("rules/bad.toml")));
    let errors = published["diagnostics"].as_array().expect("diagnostics");
    let preferred = errors
        .iter()
        .find(|d| {
            d["message"]
                .as_str()
                .is_some_and(|m| m.contains("`preferred` must be a table"))
        })
        .unwrap_or_else(|| panic!("the pack error: {errors:?}"));
    assert_eq!(
        preferred["range"]["start"],
        json!({"line": 7, "character": 12})
    );

    // Fixed on disk and saved: the TOML's diagnostics are cleared.
    std::fs::write(
        root.join("rules/bad.toml"),
        "format = 1\n\n[pack]\nid = \"desk\"\n\n[[entity]]\nid = \"x\"\npreferred = { fr = \"Xavier\" }\n",
    )
    .expect("pack");
    client.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": uri_of(&root.join("rules/bad.toml"))}}),
    );
    let published = client.diagnostics_for("/rules/bad.toml");
    assert_eq!(published["diagnostics"], json!([]));

    assert_eq!(client.request("shutdown", Value::Null), Value::Null);
    client.notify("exit", Value::Null);
    let status = child.wait().expect("the server exits");
    assert!(status.success(), "{status}");
}
