//! CLI: `istinad lsp` — a language server over stdio: findings as diagnostics, safe fixes as code actions, hover and go-to-definition on citations.
//!
//! Spoken with rust-analyzer's `lsp-server` (JSON-RPC framing and the
//! initialize/shutdown handshake); the messages themselves are built as
//! JSON after the LSP 3.17 specification. Documents are synchronised
//! whole (`TextDocumentSyncKind.Full`: a manuscript is small, and a whole
//! text never drifts from the editor's); a change is checked once the
//! typing pauses, an opened document at once.

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use istinad::diagnostic::{Diagnostic, Severity};
use istinad::fix::Applicability;
use istinad::{Report, Source};
use lsp_server::{Connection, Message, Notification, Request, Response};
use serde_json::{Value, json};

use crate::configs::Configs;
use crate::{Failure, report};

/// How long typing must pause before a changed document is checked.
const DEBOUNCE: Duration = Duration::from_millis(300);

/// How positions count characters, as agreed at initialize (LSP 3.17
/// `PositionEncodingKind`): UTF-16 code units unless the client offers
/// UTF-8.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Encoding {
    Utf8,
    Utf16,
}

/// An open document.
struct Document {
    text: String,
    /// Where its config is looked for, and the name its findings go by.
    path: PathBuf,
    /// The last check of `text`, and the source it read.
    checked: Option<(Source, Report)>,
    /// When a change waiting to be checked is due.
    due: Option<Instant>,
}

struct Server {
    connection: Connection,
    configs: Configs,
    encoding: Encoding,
    documents: HashMap<String, Document>,
}

/// Runs the server on standard input and output until the client exits.
pub fn run(configs: Configs) -> Result<(), Failure> {
    let fail = |e: &dyn std::fmt::Display| Failure::Usage(format!("language server: {e}"));
    let (connection, io) = Connection::stdio();
    let (id, params) = connection.initialize_start().map_err(|e| fail(&e))?;
    let offers_utf8 = params
        .pointer("/capabilities/general/positionEncodings")
        .and_then(Value::as_array)
        .is_some_and(|a| a.iter().any(|e| e == "utf-8"));
    let encoding = if offers_utf8 {
        Encoding::Utf8
    } else {
        Encoding::Utf16
    };
    let result = json!({
        "capabilities": {
            "positionEncoding": if offers_utf8 { "utf-8" } else { "utf-16" },
            "textDocumentSync": { "openClose": true, "change": 1 },
            "codeActionProvider": { "codeActionKinds": ["quickfix", "source.fixAll.istinad"] },
            "hoverProvider": true,
            "definitionProvider": true,
        },
        "serverInfo": { "name": "istinad", "version": env!("CARGO_PKG_VERSION") },
    });
    connection
        .initialize_finish(id, result)
        .map_err(|e| fail(&e))?;
    let mut server = Server {
        connection,
        configs,
        encoding,
        documents: HashMap::new(),
    };
    server.serve().map_err(|e| fail(&e))?;
    drop(server);
    io.join().map_err(|e| fail(&e))?;
    Ok(())
}

impl Server {
    fn serve(&mut self) -> Result<(), lsp_server::ProtocolError> {
        loop {
            let due = self.documents.values().filter_map(|d| d.due).min();
            let message = match due {
                Some(at) => {
                    let wait = at.saturating_duration_since(Instant::now());
                    match self.connection.receiver.recv_timeout(wait) {
                        Ok(m) => Some(m),
                        Err(e) if e.is_timeout() => None,
                        Err(_) => return Ok(()),
                    }
                }
                None => match self.connection.receiver.recv() {
                    Ok(m) => Some(m),
                    Err(_) => return Ok(()),
                },
            };
            match message {
                Some(Message::Request(request)) => {
                    if self.connection.handle_shutdown(&request)? {
                        return Ok(());
                    }
                    self.request(request);
                }
                Some(Message::Notification(n)) => self.notification(n),
                Some(Message::Response(_)) | None => {}
            }
            let now = Instant::now();
            let ready: Vec<String> = self
                .documents
                .iter()
                .filter(|(_, d)| d.due.is_some_and(|t| t <= now))
                .map(|(uri, _)| uri.clone())
                .collect();
            for uri in ready {
                self.check(&uri);
            }
        }
    }

    fn send(&self, message: impl Into<Message>) {
        // A closed channel means the client is gone; the loop ends on the
        // next receive.
        let _ = self.connection.sender.send(message.into());
    }

    fn notification(&mut self, n: Notification) {
        let uri = n
            .params
            .pointer("/textDocument/uri")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string();
        match n.method.as_str() {
            "textDocument/didOpen" => {
                let text = n
                    .params
                    .pointer("/textDocument/text")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string();
                self.documents.insert(
                    uri.clone(),
                    Document {
                        text,
                        path: path_of(&uri),
                        checked: None,
                        due: None,
                    },
                );
                self.check(&uri);
            }
            "textDocument/didChange" => {
                // Full synchronisation: the last change holds the whole text.
                let text = n
                    .params
                    .get("contentChanges")
                    .and_then(Value::as_array)
                    .and_then(|c| c.last())
                    .and_then(|c| c.get("text"))
                    .and_then(Value::as_str);
                if let (Some(doc), Some(text)) = (self.documents.get_mut(&uri), text) {
                    doc.text = text.to_string();
                    doc.checked = None;
                    doc.due = Some(Instant::now() + DEBOUNCE);
                }
            }
            "textDocument/didClose" => {
                self.documents.remove(&uri);
                self.publish(&uri, Vec::new());
            }
            _ => {}
        }
    }

    /// Checks a document now and publishes its findings.
    fn check(&mut self, uri: &str) {
        let Some(doc) = self.documents.get_mut(uri) else {
            return;
        };
        doc.due = None;
        let name = doc.path.display().to_string();
        let config = match self.configs.for_path(&doc.path) {
            Ok((c, _)) => c,
            Err(e) => {
                self.show(&format!("istinad: {e}"));
                return;
            }
        };
        let source = match istinad::input::read_bytes(&name, doc.text.as_bytes()) {
            Ok(s) => s,
            Err(e) => {
                self.show(&format!("istinad: {e}"));
                return;
            }
        };
        let report = istinad::check(&source, &config);
        let encoding = self.encoding;
        let diagnostics = report
            .diagnostics
            .iter()
            .enumerate()
            .map(|(i, d)| diagnostic(&source, d, i, encoding))
            .collect();
        doc.checked = Some((source, report));
        self.publish(uri, diagnostics);
    }

    fn publish(&self, uri: &str, diagnostics: Vec<Value>) {
        self.send(Notification::new(
            "textDocument/publishDiagnostics".into(),
            json!({ "uri": uri, "diagnostics": diagnostics }),
        ));
    }

    fn show(&self, message: &str) {
        self.send(Notification::new(
            "window/showMessage".into(),
            json!({ "type": 1, "message": message }),
        ));
    }

    /// The document's last check, made now if a change is waiting.
    fn checked(&mut self, uri: &str) -> Option<&(Source, Report)> {
        if self.documents.get(uri)?.checked.is_none() {
            self.check(uri);
        }
        self.documents.get(uri)?.checked.as_ref()
    }

    fn request(&mut self, request: Request) {
        let uri = request
            .params
            .pointer("/textDocument/uri")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string();
        let encoding = self.encoding;
        let result = match request.method.as_str() {
            "textDocument/codeAction" => {
                let only: Option<Vec<String>> = request
                    .params
                    .pointer("/context/only")
                    .and_then(|o| serde_json::from_value(o.clone()).ok());
                let range = request.params.get("range").cloned().unwrap_or(Value::Null);
                self.checked(&uri).map(|(source, report)| {
                    code_actions(&uri, source, report, &range, only.as_deref(), encoding)
                })
            }
            "textDocument/hover" => {
                let position = request.params.get("position").cloned();
                self.checked(&uri).and_then(|(source, report)| {
                    let offset = offset(source.text(), position.as_ref()?, encoding)?;
                    hover(source, report, offset, encoding)
                })
            }
            "textDocument/definition" => {
                let position = request.params.get("position").cloned();
                self.checked(&uri).and_then(|(source, report)| {
                    let offset = offset(source.text(), position.as_ref()?, encoding)?;
                    definition(&uri, source, report, offset, encoding)
                })
            }
            _ => {
                self.send(Response::new_err(
                    request.id,
                    lsp_server::ErrorCode::MethodNotFound as i32,
                    format!("istinad does not answer `{}`", request.method),
                ));
                return;
            }
        };
        self.send(Response::new_ok(request.id, result.unwrap_or(Value::Null)));
    }
}

/// The path of a `file://` URI (percent-decoded); another scheme's URI
/// stands as its own name, its config found from the current folder.
fn path_of(uri: &str) -> PathBuf {
    match uri.strip_prefix("file://") {
        Some(rest) => PathBuf::from(crate::serve::decode_path(rest)),
        None => PathBuf::from(uri.rsplit('/').next().unwrap_or(uri)),
    }
}

/// The LSP position of a byte offset.
fn position(text: &str, offset: usize, encoding: Encoding) -> Value {
    let offset = offset.min(text.len());
    let mut offset = offset;
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line = text[..line_start].matches('\n').count();
    let character = match encoding {
        Encoding::Utf8 => offset - line_start,
        Encoding::Utf16 => text[line_start..offset].encode_utf16().count(),
    };
    json!({ "line": line, "character": character })
}

fn range(text: &str, span: &istinad::Span, encoding: Encoding) -> Value {
    json!({
        "start": position(text, span.start, encoding),
        "end": position(text, span.end, encoding),
    })
}

/// The byte offset of an LSP position; past a line's end, the line's end.
fn offset(text: &str, position: &Value, encoding: Encoding) -> Option<usize> {
    let line = usize::try_from(position.get("line")?.as_u64()?).ok()?;
    let character = usize::try_from(position.get("character")?.as_u64()?).ok()?;
    let line_start = if line == 0 {
        0
    } else {
        text.match_indices('\n').nth(line - 1)?.0 + 1
    };
    let rest = &text[line_start..];
    let line_text = &rest[..rest.find('\n').unwrap_or(rest.len())];
    let mut units = 0;
    for (i, c) in line_text.char_indices() {
        if units >= character {
            return Some(line_start + i);
        }
        units += match encoding {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
        };
    }
    Some(line_start + line_text.len())
}

fn diagnostic(source: &Source, d: &Diagnostic, index: usize, encoding: Encoding) -> Value {
    let severity = match d.severity {
        Severity::Error => 1,
        Severity::Warning => 2,
        Severity::Info => 3,
    };
    let message = match &d.help {
        Some(help) => format!("{}\nhelp: {help}", d.message),
        None => d.message.clone(),
    };
    let related: Vec<Value> = d
        .labels
        .iter()
        .map(|l| json!({ "message": l.message, "range": range(source.text(), &l.span, encoding) }))
        .collect();
    let mut value = json!({
        "range": range(source.text(), &d.span, encoding),
        "severity": severity,
        "code": d.code(),
        "codeDescription": { "href": report::rule_url(d.rule) },
        "source": "istinad",
        "message": message,
        "data": { "index": index, "name": d.name() },
    });
    if !related.is_empty() {
        // Related information needs a location; the labels are in the
        // same document, so they go in the message's data instead.
        value["data"]["labels"] = Value::Array(related);
    }
    value
}

/// The fixes of the findings touching `range`, as quick fixes (safe ones
/// preferred, unsafe ones named so), and one action applying every safe fix.
fn code_actions(
    uri: &str,
    source: &Source,
    report: &Report,
    wanted: &Value,
    only: Option<&[String]>,
    encoding: Encoding,
) -> Value {
    let text = source.text();
    let (from, to) = (
        wanted
            .get("start")
            .and_then(|p| offset(text, p, encoding))
            .unwrap_or(0),
        wanted
            .get("end")
            .and_then(|p| offset(text, p, encoding))
            .unwrap_or(text.len()),
    );
    let allowed = |kind: &str| {
        only.is_none_or(|o| {
            o.iter()
                .any(|k| kind == k || kind.starts_with(&format!("{k}.")))
        })
    };
    let edit = |fixes: &[&istinad::fix::Fix]| {
        let edits: Vec<Value> = fixes
            .iter()
            .flat_map(|f| &f.edits)
            .map(|e| json!({ "range": range(text, &e.span, encoding), "newText": e.replacement }))
            .collect();
        json!({ "changes": { uri: edits } })
    };
    let mut actions = Vec::new();
    if allowed("quickfix") {
        for (i, d) in report.diagnostics.iter().enumerate() {
            let Some(fix) = &d.fix else { continue };
            let touches = d.span.start <= to && from <= d.span.end;
            if !touches || fix.applicability == Applicability::DisplayOnly {
                continue;
            }
            let safe = fix.applicability == Applicability::Safe;
            let title = if safe {
                fix.message.clone()
            } else {
                format!(
                    "{} (unsafe: may change the meaning; review it)",
                    fix.message
                )
            };
            actions.push(json!({
                "title": title,
                "kind": "quickfix",
                "isPreferred": safe,
                "diagnostics": [diagnostic(source, d, i, encoding)],
                "edit": edit(&[fix]),
            }));
        }
    }
    if allowed("source.fixAll.istinad") {
        // The edits of `check --fix`: overlapping fixes after the first are
        // left for the next round, as fix::apply leaves them.
        let mut taken: Vec<&istinad::fix::Fix> = Vec::new();
        for fix in report.diagnostics.iter().filter_map(|d| d.fix.as_ref()) {
            let overlaps = |f: &&istinad::fix::Fix| {
                f.edits.iter().any(|a| {
                    fix.edits
                        .iter()
                        .any(|b| a.span.start < b.span.end && b.span.start < a.span.end)
                })
            };
            if fix.applicability == Applicability::Safe && !taken.iter().any(overlaps) {
                taken.push(fix);
            }
        }
        if !taken.is_empty() {
            actions.push(json!({
                "title": format!("Apply every safe fix ({})", taken.len()),
                "kind": "source.fixAll.istinad",
                "edit": edit(&taken),
            }));
        }
    }
    Value::Array(actions)
}

/// The citation at `offset`, if the offset is in one (or just after it).
fn citation_at(report: &Report, offset: usize) -> Option<&istinad::Citation> {
    report
        .citations
        .iter()
        .find(|c| c.span.start <= offset && offset <= c.span.end)
}

/// Hover on a citation: the entries it cites, as the list prints them.
fn hover(source: &Source, report: &Report, offset: usize, encoding: Encoding) -> Option<Value> {
    let citation = citation_at(report, offset)?;
    let mut parts = Vec::new();
    for item in &citation.items {
        let entry = item
            .reference
            .and_then(|n| report.references.iter().find(|r| r.number == n));
        parts.push(match (entry, item.reference) {
            (Some(r), _) => {
                let mut line = format!("**{}.** {}", r.number, r.raw.trim());
                if let Some(locator) = &item.locator {
                    line.push_str(&format!(
                        "  \n*cited at* {} {}",
                        locator.printed.as_deref().unwrap_or(""),
                        locator.value
                    ));
                }
                line
            }
            (None, Some(n)) => format!("**{n}.** — the list has no entry {n}"),
            (None, None) => format!(
                "`{}` — no entry of the list matches",
                [item.author.as_deref(), item.year.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        });
    }
    Some(json!({
        "contents": { "kind": "markdown", "value": parts.join("\n\n---\n\n") },
        "range": range(source.text(), &citation.span, encoding),
    }))
}

/// From a citation to the entries it cites: the item under the cursor's,
/// or every item's.
fn definition(
    uri: &str,
    source: &Source,
    report: &Report,
    offset: usize,
    encoding: Encoding,
) -> Option<Value> {
    let citation = citation_at(report, offset)?;
    let under: Vec<_> = citation
        .items
        .iter()
        .filter(|i| i.number_span.start <= offset && offset <= i.number_span.end)
        .collect();
    let items = if under.is_empty() {
        citation.items.iter().collect()
    } else {
        under
    };
    let locations: Vec<Value> = items
        .iter()
        .filter_map(|i| i.reference)
        .filter_map(|n| report.references.iter().find(|r| r.number == n))
        .map(|r| json!({ "uri": uri, "range": range(source.text(), &r.span, encoding) }))
        .collect();
    (!locations.is_empty()).then_some(Value::Array(locations))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_utf16_units_or_bytes() {
        let text = "ab\nسند 𝔸x\n";
        let x = text.find('x').expect("x");
        assert_eq!(
            position(text, x, Encoding::Utf16),
            json!({"line": 1, "character": 6})
        );
        assert_eq!(
            position(text, x, Encoding::Utf8),
            json!({"line": 1, "character": 11})
        );
        for encoding in [Encoding::Utf8, Encoding::Utf16] {
            for (i, _) in text.char_indices() {
                assert_eq!(
                    offset(text, &position(text, i, encoding), encoding),
                    Some(i)
                );
            }
        }
        assert_eq!(
            offset(text, &json!({"line": 0, "character": 99}), Encoding::Utf16),
            Some(2)
        );
    }

    #[test]
    fn file_uris_become_paths() {
        assert_eq!(
            path_of("file:///home/a/m%C9%99qal%C9%99.md"),
            PathBuf::from("/home/a/məqalə.md")
        );
        assert_eq!(
            path_of("untitled:Untitled-1"),
            PathBuf::from("untitled:Untitled-1")
        );
    }
}
