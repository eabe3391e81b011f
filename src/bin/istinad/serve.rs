//! CLI: `istinad serve` — one local page and its HTTP API over the library, for one person on 127.0.0.1.
//!
//! The API (documented in `docs/serve.md`, stable like `--format json`):
//! every `POST /api/…` takes the file's bytes as its body and the file's
//! name in `?name=` (its extension tells .docx, .odt, .md or text, as on
//! the command line; the name is also the `path` of each finding):
//!
//! | route | answers |
//! |---|---|
//! | `POST /api/check` | `istinad check --format json` |
//! | `POST /api/refs` | `istinad refs --format json` |
//! | `POST /api/convert?to=FORMAT[&keys=name\|number]` | `istinad convert --to FORMAT` |
//! | `POST /api/render?style=S&locale=L[&to=text\|markdown\|html\|rtf]` | `istinad render` |
//! | `POST /api/fix` | the text with the safe fixes applied (`check --fix -o -`) |
//!
//! A request that cannot run answers `{"error": "…"}` with a 4xx status: 413
//! past the size limit, 400 for a file that cannot be read, 422 for an
//! unknown format, style or locale. `POST /api/view` is the page's own
//! (the marked-up text and the pictures), not part of the stable API.

use std::io::{Read, Write};
use std::net::{IpAddr, Ipv4Addr, Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use istinad::emit::{Format, KeyStyle, Locale, Options, Output, Style};
use istinad::{Config, Source};
use serde_json::json;

use crate::{Failure, pictures, report};

/// The page and its assets, compiled in: the page works offline and loads
/// nothing from elsewhere (its Content-Security-Policy says so).
const PAGE: &str = include_str!("serve/index.html");
const STYLE: &str = include_str!("serve/istinad.css");
const SCRIPT: &str = include_str!("serve/istinad.js");

/// What `serve` was asked for.
pub struct Settings {
    /// Where to listen.
    pub addr: SocketAddr,
    /// Open the page in the desktop's browser.
    pub open: bool,
    /// Largest body taken, in bytes.
    pub limit: u64,
}

/// Reads `--port` (`8950` or `ADDR:PORT`) and `--bind`: an address other
/// than loopback only through `--bind`, which warns.
pub fn settings(
    port: &str,
    bind: Option<IpAddr>,
    open: bool,
    max_upload_mb: u64,
) -> Result<(Settings, Option<String>), Failure> {
    let (given, port) = match port.parse::<u16>() {
        Ok(p) => (None, p),
        Err(_) => match port.parse::<SocketAddr>() {
            Ok(a) => (Some(a.ip()), a.port()),
            Err(_) => {
                return Err(Failure::Usage(format!(
                    "`--port {port}` is neither a port number nor ADDRESS:PORT"
                )));
            }
        },
    };
    let ip = match (given, bind) {
        (Some(ip), None) if !ip.is_loopback() => {
            return Err(Failure::Usage(format!(
                "`serve` listens on loopback (127.0.0.1) only: anyone who can reach {ip} could read what is pasted; to listen there anyway, give `--bind {ip}`"
            )));
        }
        (Some(ip), None) => ip,
        (_, Some(ip)) => ip,
        (None, None) => IpAddr::V4(Ipv4Addr::LOCALHOST),
    };
    let warning = (!ip.is_loopback()).then(|| {
        format!(
            "listening on {ip}, not loopback: anyone who can reach this machine at that address can use the page and read what is pasted"
        )
    });
    Ok((
        Settings {
            addr: SocketAddr::new(ip, port),
            open,
            limit: max_upload_mb.saturating_mul(1024 * 1024),
        },
        warning,
    ))
}

/// Serves until the process is stopped; `config` is the one in effect
/// for the current folder.
pub fn serve(settings: Settings, config: Arc<Config>) -> Result<(), Failure> {
    let listener = TcpListener::bind(settings.addr)
        .map_err(|e| Failure::Usage(format!("cannot listen on {}: {e}", settings.addr)))?;
    let addr = listener.local_addr().unwrap_or(settings.addr);
    let url = format!("http://{addr}/");
    // Tests and scripts read the address from this line (`--port 0` asks
    // the system for a free port).
    eprintln!("istinad serve: listening on {url} (Ctrl-C stops)");
    if settings.open {
        open_browser(&url);
    }
    let busy = Arc::new(AtomicUsize::new(0));
    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        let config = config.clone();
        let busy = busy.clone();
        // A thread a connection, a few dozen at most: one person's
        // browser opens six at a time.
        if busy.fetch_add(1, Ordering::AcqRel) >= MAX_CONNECTIONS {
            busy.fetch_sub(1, Ordering::AcqRel);
            let mut stream = stream;
            let _ = write_answer(
                &mut stream,
                Answer::error(503, "the server is busy; try again"),
            );
            continue;
        }
        std::thread::spawn(move || {
            connection(stream, &config, settings.limit);
            busy.fetch_sub(1, Ordering::AcqRel);
        });
    }
    Ok(())
}

/// Connections served at once.
const MAX_CONNECTIONS: usize = 64;
/// Largest request head read.
const MAX_HEAD: usize = 64 * 1024;

/// One request on one connection, answered and closed (no keep-alive:
/// an idle browser connection then holds nothing).
fn connection(mut stream: TcpStream, config: &Config, limit: u64) {
    let timeout = Some(Duration::from_secs(60));
    let _ = stream.set_read_timeout(timeout);
    let _ = stream.set_write_timeout(timeout);
    let answer = match read_request(&mut stream, limit) {
        Ok(request) => handle(&request, config),
        Err(answer) => answer,
    };
    let _ = write_answer(&mut stream, answer);
    let _ = stream.shutdown(Shutdown::Write);
}

/// A request as the routes see it.
pub struct HttpRequest {
    method: String,
    target: String,
    body: Vec<u8>,
}

/// Reads the head (parsed by httparse) and a `Content-Length` body of at
/// most `limit` bytes; past it, a 413 that names the limit.
fn read_request(stream: &mut TcpStream, limit: u64) -> Result<HttpRequest, Answer> {
    let mut buf = Vec::with_capacity(8192);
    let mut chunk = [0u8; 8192];
    let (head_len, method, target, length, expect) = loop {
        let n = stream
            .read(&mut chunk)
            .map_err(|e| Answer::error(400, format!("cannot read the request: {e}")))?;
        if n == 0 {
            return Err(Answer::error(400, "the request ended before its head did"));
        }
        buf.extend_from_slice(&chunk[..n]);
        let mut headers = [httparse::EMPTY_HEADER; 64];
        let mut request = httparse::Request::new(&mut headers);
        match request.parse(&buf) {
            Ok(httparse::Status::Complete(head_len)) => {
                let header = |name: &str| {
                    request
                        .headers
                        .iter()
                        .find(|h| h.name.eq_ignore_ascii_case(name))
                        .map(|h| String::from_utf8_lossy(h.value).trim().to_string())
                };
                if header("transfer-encoding").is_some() {
                    return Err(Answer::error(411, "send the file with a Content-Length"));
                }
                let length = match header("content-length") {
                    None => 0,
                    Some(v) => v
                        .parse::<u64>()
                        .map_err(|_| Answer::error(400, format!("bad Content-Length `{v}`")))?,
                };
                let expect =
                    header("expect").is_some_and(|v| v.eq_ignore_ascii_case("100-continue"));
                break (
                    head_len,
                    request.method.unwrap_or("GET").to_string(),
                    request.path.unwrap_or("/").to_string(),
                    length,
                    expect,
                );
            }
            Ok(httparse::Status::Partial) if buf.len() < MAX_HEAD => {}
            Ok(httparse::Status::Partial) => {
                return Err(Answer::error(431, "the request's head is too large"));
            }
            Err(e) => return Err(Answer::error(400, format!("not an HTTP request: {e}"))),
        }
    };
    if length > limit {
        if !expect {
            // Read what was sent (bounded), so the client, still writing,
            // gets the answer rather than a reset connection.
            let already = (buf.len() - head_len) as u64;
            let rest = length.saturating_sub(already).min(limit.saturating_mul(4));
            let _ = std::io::copy(&mut (&mut *stream).take(rest), &mut std::io::sink());
        }
        return Err(Answer::error(
            413,
            format!(
                "the file is {:.1} MB; the page takes at most {} MB (start `istinad serve --max-upload MB` for more)",
                length as f64 / 1_048_576.0,
                limit / (1024 * 1024)
            ),
        ));
    }
    if expect {
        let _ = stream.write_all(b"HTTP/1.1 100 Continue\r\n\r\n");
    }
    let mut body = buf.split_off(head_len);
    let want = usize::try_from(length).unwrap_or(usize::MAX);
    body.truncate(want);
    if body.len() < want {
        (&mut *stream)
            .take((want - body.len()) as u64)
            .read_to_end(&mut body)
            .map_err(|e| Answer::error(400, format!("cannot read the request: {e}")))?;
        if body.len() < want {
            return Err(Answer::error(400, "the request ended before its body did"));
        }
    }
    Ok(HttpRequest {
        method,
        target,
        body,
    })
}

fn write_answer(stream: &mut TcpStream, answer: Answer) -> std::io::Result<()> {
    let reason = match answer.status {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        411 => "Length Required",
        413 => "Content Too Large",
        422 => "Unprocessable Content",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        _ => "Internal Server Error",
    };
    let head = format!(
        "HTTP/1.1 {} {reason}\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: close\r\n\
         Content-Security-Policy: default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; connect-src 'self' blob:\r\n\
         X-Content-Type-Options: nosniff\r\nCache-Control: no-store\r\n\r\n",
        answer.status,
        answer.kind,
        answer.body.len()
    );
    stream.write_all(head.as_bytes())?;
    stream.write_all(&answer.body)?;
    stream.flush()
}

/// Opens `url` with the desktop's opener; a failure is only reported.
fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if let Err(e) = std::process::Command::new(opener)
        .arg(url)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
    {
        eprintln!("warning: cannot open a browser ({opener}: {e}); open {url} yourself");
    }
}

/// An answer: status, content type, body.
pub struct Answer {
    status: u16,
    kind: &'static str,
    body: Vec<u8>,
}

impl Answer {
    fn ok(kind: &'static str, body: impl Into<Vec<u8>>) -> Self {
        Answer {
            status: 200,
            kind,
            body: body.into(),
        }
    }

    fn error(status: u16, message: impl std::fmt::Display) -> Self {
        Answer {
            status,
            kind: "application/json",
            body: json!({ "error": message.to_string() })
                .to_string()
                .into_bytes(),
        }
    }
}

const JSON: &str = "application/json";
const TEXT: &str = "text/plain; charset=utf-8";

/// Routes one request: the page and its assets, or the API.
pub fn handle(request: &HttpRequest, config: &Config) -> Answer {
    let target = request.target.as_str();
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let query = Query::parse(query);
    match (request.method.as_str(), path) {
        ("GET", "/" | "/index.html") => Answer::ok("text/html; charset=utf-8", PAGE),
        ("GET", "/istinad.css") => Answer::ok("text/css; charset=utf-8", STYLE),
        ("GET", "/istinad.js") => Answer::ok("text/javascript; charset=utf-8", SCRIPT),
        ("POST", route) if route.starts_with("/api/") => api(route, &query, &request.body, config),
        (_, route) if route.starts_with("/api/") => {
            Answer::error(405, format!("`{route}` takes a POST of the file's bytes"))
        }
        (_, route) => Answer::error(404, format!("no page `{route}`")),
    }
}

fn api(route: &str, query: &Query, bytes: &[u8], config: &Config) -> Answer {
    let name = query.get("name").unwrap_or("pasted.md");
    let source = match istinad::input::read_bytes(name, bytes) {
        Ok(s) => s,
        Err(e) => return Answer::error(400, e),
    };
    match route {
        "/api/check" => {
            let report = istinad::check(&source, config);
            json_answer(|out| report::write_json(out, &[check_json(&source, &report)], false))
        }
        "/api/refs" => {
            let refs = istinad::read_references(&source, config);
            let file =
                report::FileJson::new(&source, &refs.references, None, &refs.diagnostics, false);
            json_answer(|out| report::write_json(out, &[file], false))
        }
        "/api/convert" => {
            let Some(to) = query.choice("to", &Format::ALL, Format::name) else {
                return unknown("to", query, &Format::ALL, Format::name);
            };
            let Some(keys) =
                query.choice_or("keys", &KeyStyle::ALL, KeyStyle::name, KeyStyle::Readable)
            else {
                return unknown("keys", query, &KeyStyle::ALL, KeyStyle::name);
            };
            let options = Options {
                keys,
                keep_language: query.get("keep_language") == Some("true"),
            };
            let refs = istinad::read_references(&source, config);
            match istinad::convert(&refs.references, to, &options, config) {
                Ok((text, _notes)) => Answer::ok(TEXT, text),
                Err(e) => Answer::error(422, e),
            }
        }
        "/api/render" => {
            let Some(style) = query.choice_or("style", &Style::ALL, Style::name, Style::Gost)
            else {
                return unknown("style", query, &Style::ALL, Style::name);
            };
            let Some(locale) = query.choice_or("locale", &Locale::ALL, Locale::name, Locale::Ru)
            else {
                return unknown("locale", query, &Locale::ALL, Locale::name);
            };
            let Some(to) = query
                .choice_or("to", &Output::ALL, Output::name, Output::Text)
                .filter(|&o| o != Output::Docx)
            else {
                return Answer::error(
                    422,
                    "`to` is one of text, markdown, html, rtf (a .docx is made with `istinad render --to docx`)",
                );
            };
            let refs = istinad::read_references(&source, config);
            match istinad::emit::render_to(&refs.references, style, locale, to) {
                Ok(bytes) => Answer::ok(
                    if to == Output::Html {
                        "text/html; charset=utf-8"
                    } else {
                        TEXT
                    },
                    bytes,
                ),
                Err(e) => Answer::error(422, e),
            }
        }
        "/api/fix" => {
            let report = istinad::check(&source, config);
            Answer::ok(TEXT, fixed(&source, &report))
        }
        "/api/view" => view(&source, config),
        other => Answer::error(404, format!("no API route `{other}`")),
    }
}

/// `check --format json` of one input.
fn check_json<'a>(source: &'a Source, report: &'a istinad::Report) -> report::FileJson<'a> {
    report::FileJson::new(
        source,
        &report.references,
        Some(&report.citations),
        &report.diagnostics,
        false,
    )
    .with_style(report.style)
}

/// The text with the safe fixes applied, as `check --fix` writes it.
fn fixed(source: &Source, report: &istinad::Report) -> String {
    let fixes = report.diagnostics.iter().filter_map(|d| d.fix.as_ref());
    istinad::fix::apply(source.text(), fixes, &[istinad::fix::Applicability::Safe]).0
}

/// The page's view of a manuscript: the check's JSON, the text marked up,
/// the fixed text and the pictures.
fn view(source: &Source, config: &Config) -> Answer {
    let report = istinad::check(source, config);
    let mut check = Vec::new();
    if let Err(e) = report::write_json(&mut check, &[check_json(source, &report)], false) {
        return Answer::error(500, e);
    }
    let check: serde_json::Value = match serde_json::from_slice(&check) {
        Ok(v) => v,
        Err(e) => return Answer::error(500, e),
    };
    let body = json!({
        "check": check,
        "html": pictures::marked_text(source, &report),
        "fixed": fixed(source, &report),
        "pictures": {
            "years": pictures::years(&report.references),
            "cited": pictures::cited(&report.references, &report.citations),
            "positions": pictures::positions(source, &report),
        },
    });
    Answer::ok(JSON, body.to_string())
}

fn json_answer(write: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>) -> Answer {
    let mut out = Vec::new();
    match write(&mut out) {
        Ok(()) => Answer::ok(JSON, out),
        Err(e) => Answer::error(500, e),
    }
}

fn unknown<T: Copy>(key: &str, query: &Query, all: &[T], name: fn(T) -> &'static str) -> Answer {
    let names: Vec<_> = all.iter().map(|&v| name(v)).collect();
    Answer::error(
        422,
        format!(
            "`{key}={}` is not one of {}",
            query.get(key).unwrap_or(""),
            names.join(", ")
        ),
    )
}

/// A URL's query, percent-decoded.
struct Query(Vec<(String, String)>);

impl Query {
    fn parse(query: &str) -> Self {
        Query(
            query
                .split('&')
                .filter(|p| !p.is_empty())
                .map(|pair| {
                    let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
                    (decode(k), decode(v))
                })
                .collect(),
        )
    }

    fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// The value of `key` among `all`; `None` when missing or unknown.
    fn choice<T: Copy>(&self, key: &str, all: &[T], name: fn(T) -> &'static str) -> Option<T> {
        let given = self.get(key)?;
        all.iter()
            .copied()
            .find(|&v| name(v).eq_ignore_ascii_case(given.trim()))
    }

    /// As `choice`, with `default` when `key` is missing.
    fn choice_or<T: Copy>(
        &self,
        key: &str,
        all: &[T],
        name: fn(T) -> &'static str,
        default: T,
    ) -> Option<T> {
        match self.get(key) {
            None | Some("") => Some(default),
            Some(_) => self.choice(key, all, name),
        }
    }
}

/// `%XX` and `+` decoded (application/x-www-form-urlencoded); a broken
/// escape is kept as it is.
fn decode(s: &str) -> String {
    percent_decode(s, true)
}

/// A URI's path, `%XX` decoded (`+` stays `+`).
pub fn decode_path(s: &str) -> String {
    percent_decode(s, false)
}

fn percent_decode(s: &str, plus_is_space: bool) -> String {
    fn hex(c: u8) -> Option<u8> {
        (c as char).to_digit(16).and_then(|d| u8::try_from(d).ok())
    }
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match (
            b[i],
            b.get(i + 1).copied().and_then(hex),
            b.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(high), Some(low)) => {
                out.push(high * 16 + low);
                i += 3;
            }
            (b'+', _, _) if plus_is_space => {
                out.push(b' ');
                i += 1;
            }
            (c, _, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_are_percent_decoded() {
        let q = Query::parse("name=m%C9%99qal%C9%99.md&to=bibtex&x=a+b&bad=%zz%");
        assert_eq!(q.get("name"), Some("məqalə.md"));
        assert_eq!(q.get("x"), Some("a b"));
        assert_eq!(q.get("bad"), Some("%zz%"));
        assert_eq!(
            q.choice("to", &Format::ALL, Format::name),
            Some(Format::Bibtex)
        );
    }

    #[test]
    fn other_addresses_need_bind() {
        assert!(settings("0.0.0.0:8950", None, false, 50).is_err());
        let (s, warning) =
            settings("8950", Some("0.0.0.0".parse().expect("ip")), false, 50).expect("bind");
        assert_eq!(s.addr.port(), 8950);
        assert!(warning.is_some());
        let (s, warning) = settings("127.0.0.1:0", None, false, 1).expect("loopback");
        assert!(s.addr.ip().is_loopback() && warning.is_none());
        assert_eq!(s.limit, 1024 * 1024);
    }
}
