//! `istinad lsp` (issue 14) spoken to over stdio as an editor does:
//! initialize, open the seed list, receive `check`'s findings, ask for the
//! fixes and apply them, hover a citation, jump to its entry, shut down.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::support::{istinad, repo};

const SEED: &str = "fixtures/manuscripts/az-seed-list.md";

/// A language server on the other end of two pipes.
struct Client {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
    next_id: i64,
}

impl Client {
    fn start() -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_istinad"))
            .args(["lsp", "--isolated"])
            .current_dir(repo(""))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("spawn istinad lsp");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (send, messages) = channel();
        // Reads `Content-Length`-framed messages (LSP base protocol).
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut length = None;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(v) = line.strip_prefix("Content-Length: ") {
                        length = v.parse::<usize>().ok();
                    }
                }
                let mut body = vec![0; length.expect("a Content-Length")];
                if reader.read_exact(&mut body).is_err() {
                    return;
                }
                let value: Value = serde_json::from_slice(&body).expect("JSON message");
                if send.send(value).is_err() {
                    return;
                }
            }
        });
        Client {
            child,
            stdin,
            messages,
            next_id: 0,
        }
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("write");
        self.stdin.flush().expect("flush");
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    /// Sends a request and waits for its response's result.
    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        let response = self.wait(|m| m["id"] == id && m.get("method").is_none());
        assert!(response.get("error").is_none(), "{method}: {response}");
        response["result"].clone()
    }

    /// The next message matching `wanted` (others are dropped); 30 s at most.
    fn wait(&mut self, wanted: impl Fn(&Value) -> bool) -> Value {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let message = self
                .messages
                .recv_timeout(left)
                .expect("the server answers within 30 s");
            if wanted(&message) {
                return message;
            }
        }
    }

    fn diagnostics(&mut self) -> Vec<Value> {
        let m = self.wait(|m| m["method"] == "textDocument/publishDiagnostics");
        m["params"]["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .clone()
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The byte offset of an LSP position counted in UTF-16 code units.
fn offset(text: &str, position: &Value) -> usize {
    let line = position["line"].as_u64().expect("line") as usize;
    let character = position["character"].as_u64().expect("character") as usize;
    let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
    let mut units = 0;
    for (i, c) in text[start..].char_indices() {
        if units >= character || c == '\n' {
            return start + i;
        }
        units += c.len_utf16();
    }
    text.len()
}

/// The position of a byte offset, in UTF-16 code units.
fn position(text: &str, offset: usize) -> Value {
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    json!({
        "line": text[..line_start].matches('\n').count(),
        "character": text[line_start..offset].encode_utf16().count(),
    })
}

/// Applies a WorkspaceEdit's edits of `uri` to `text`.
fn apply(text: &str, edit: &Value, uri: &str) -> String {
    let mut edits: Vec<(usize, usize, String)> = edit["changes"][uri]
        .as_array()
        .expect("edits")
        .iter()
        .map(|e| {
            (
                offset(text, &e["range"]["start"]),
                offset(text, &e["range"]["end"]),
                e["newText"].as_str().expect("newText").to_string(),
            )
        })
        .collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut out = text.to_string();
    for (start, end, new) in edits {
        out.replace_range(start..end, &new);
    }
    out
}

/// (code, start line, start column, end line, end column), 0-based.
fn key(code: &Value, start: (u64, u64), end: (u64, u64)) -> (String, u64, u64, u64, u64) {
    (
        code.as_str().unwrap_or_default().to_string(),
        start.0,
        start.1,
        end.0,
        end.1,
    )
}

#[test]
fn an_editor_speaks_to_istinad_lsp() {
    let path = repo(SEED);
    let text = std::fs::read_to_string(&path).expect("seed");
    let uri = format!("file://{}", path.display());
    let mut lsp = Client::start();

    let init = lsp.request(
        "initialize",
        json!({ "processId": null, "rootUri": null,
                "capabilities": { "general": { "positionEncodings": ["utf-16"] } } }),
    );
    let caps = &init["capabilities"];
    assert_eq!(caps["positionEncoding"], "utf-16");
    assert_eq!(caps["hoverProvider"], true);
    assert_eq!(caps["definitionProvider"], true);
    lsp.notify("initialized", json!({}));

    // Open: the findings of `check`, at the same places.
    lsp.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": uri, "languageId": "markdown", "version": 1, "text": text } }),
    );
    let diagnostics = lsp.diagnostics();
    let (_, json, _) = istinad(&["--isolated", "check", "--format", "json", SEED], None);
    let report: Value = serde_json::from_str(&json).expect("check JSON");
    let mut expected: Vec<_> = report["diagnostics"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|d| {
            let n = |k: &str| d[k].as_u64().expect("position") - 1;
            key(
                &d["code"],
                (n("line"), n("column")),
                (n("end_line"), n("end_column")),
            )
        })
        .collect();
    let mut got: Vec<_> = diagnostics
        .iter()
        .map(|d| {
            let p = |k: &str| {
                (
                    d["range"][k]["line"].as_u64().expect("line"),
                    d["range"][k]["character"].as_u64().expect("character"),
                )
            };
            key(&d["code"], p("start"), p("end"))
        })
        .collect();
    expected.sort();
    got.sort();
    assert!(!expected.is_empty());
    assert_eq!(got, expected);

    // A quick fix for a finding with a safe fix, applied as the editor does.
    let fixable = diagnostics
        .iter()
        .find(|d| d["code"] == "C003")
        .expect("the seed list has a malformed citation")
        .clone();
    let actions = lsp.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uri }, "range": fixable["range"],
                "context": { "diagnostics": [fixable], "only": ["quickfix"] } }),
    );
    let action = actions
        .as_array()
        .expect("actions")
        .iter()
        .find(|a| a["isPreferred"] == true)
        .unwrap_or_else(|| panic!("no preferred quick fix in {actions}"));
    assert_eq!(action["kind"], "quickfix");
    let fixed = apply(&text, &action["edit"], &uri);
    assert_ne!(fixed, text);
    assert_eq!(fixed.len(), text.len(), "`;` becomes `,`");
    lsp.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri, "version": 2 }, "contentChanges": [{ "text": fixed }] }),
    );
    let after = lsp.diagnostics();
    assert_eq!(after.len(), diagnostics.len() - 1, "{after:?}");
    assert!(!after.iter().any(|d| d["range"] == fixable["range"]));

    // Every safe fix at once: what `check --fix` writes.
    let all = lsp.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uri },
                "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 0, "character": 0 } },
                "context": { "diagnostics": [], "only": ["source.fixAll"] } }),
    );
    let fix_all = &all.as_array().expect("actions")[0];
    assert_eq!(fix_all["kind"], "source.fixAll.istinad");
    let (_, cli_fixed, _) = istinad(&["--isolated", "check", "--fix", "-o", "-", SEED], None);
    assert_eq!(apply(&fixed, &fix_all["edit"], &uri), cli_fixed);

    // Hover a citation: the entry it points to.
    let cite = fixed.find("(6, səh.166)").expect("a citation of entry 6") + 1;
    let at = position(&fixed, cite);
    let hover = lsp.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": at }),
    );
    let entry6 = report["references"][5]["raw"].as_str().expect("entry 6");
    let shown = hover["contents"]["value"].as_str().expect("markdown");
    assert!(shown.contains(entry6.trim()), "{shown}");
    assert!(shown.contains("166"), "the locator: {shown}");

    // Go to definition: the entry's line.
    let definition = lsp.request(
        "textDocument/definition",
        json!({ "textDocument": { "uri": uri }, "position": at }),
    );
    let start = report["references"][5]["span"]["start"]
        .as_u64()
        .expect("span") as usize;
    assert_eq!(definition[0]["range"]["start"], position(&fixed, start));
    assert_eq!(definition[0]["uri"], uri.as_str());

    // Shut down and exit cleanly.
    assert_eq!(lsp.request("shutdown", Value::Null), Value::Null);
    lsp.notify("exit", Value::Null);
    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(status) = lsp.child.try_wait().expect("wait") {
            break status;
        }
        assert!(Instant::now() < deadline, "istinad lsp did not exit");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(status.success(), "{status}");
}
