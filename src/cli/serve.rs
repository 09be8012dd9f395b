//! `claimlint serve`: an HTTP JSON service over one warm [`Workspace`] (packs compiled
//! once, reloaded on SIGHUP). A small blocking server: one thread accepts, a bounded queue
//! feeds a fixed pool of workers, and a full queue answers 503 at once.

use std::collections::HashMap;
use std::io::Read;
use std::net::SocketAddr;
use std::sync::mpsc::{self, RecvTimeoutError, SyncSender, TrySendError};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use tiny_http::{Header, Method, Request, Response, Server};

use claimlint::finding::LineIndex;
use claimlint::workspace::check::check_bytes;
use claimlint::{report, Lang, Settings, Workspace};

/// How the service runs.
pub struct Options {
    pub addr: String,
    pub token: Option<String>,
    pub workers: usize,
    pub queue: usize,
    pub body_limit: usize,
    pub timeout: Duration,
}

type Shared = Arc<RwLock<Arc<Workspace>>>;

/// Runs the service until the process is stopped; returns an exit status only when it
/// cannot start.
pub fn serve(settings: Settings, options: Options) -> i32 {
    let workspace: Shared = Arc::new(RwLock::new(Arc::new(load(&settings))));
    let server = match Server::http(options.addr.as_str()) {
        Ok(server) => server,
        Err(err) => {
            eprintln!(
                "error: cannot listen on {}: {err}",
                claimlint::escape::line(&options.addr)
            );
            return 2;
        }
    };
    match server.server_addr().to_ip() {
        Some(addr) => eprintln!("claimlint serve: listening on http://{addr}"),
        None => eprintln!("claimlint serve: listening"),
    }
    reload_on_sighup(&workspace, settings);
    let options = Arc::new(options);
    let (queue, jobs) = mpsc::sync_channel::<(Request, Instant)>(options.queue);
    let jobs = Arc::new(std::sync::Mutex::new(jobs));
    for _ in 0..options.workers.max(1) {
        let (jobs, workspace, options) = (jobs.clone(), workspace.clone(), options.clone());
        std::thread::spawn(move || loop {
            let next = match jobs.lock() {
                Ok(jobs) => jobs.recv(),
                Err(_) => return,
            };
            let Ok((request, accepted)) = next else {
                return;
            };
            handle(request, accepted, &workspace, &options);
        });
    }
    accept(&server, &queue);
    0
}

fn accept(server: &Server, queue: &SyncSender<(Request, Instant)>) {
    for request in server.incoming_requests() {
        match queue.try_send((request, Instant::now())) {
            Ok(()) => {}
            Err(TrySendError::Full((request, _))) => {
                refuse(request, "the server is saturated; retry later");
            }
            Err(TrySendError::Disconnected((request, _))) => {
                refuse(request, "no worker is running");
            }
        }
    }
}

/// Most refusals answered on threads of their own at once.
const MAX_REFUSING: usize = 32;
static REFUSING: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// Answers 503. tiny_http reads what is left of a request's body before it answers, so
/// a request with a body (which may come slowly) is refused on a thread of its own: the
/// accepting thread never waits on one client. Past `MAX_REFUSING` such threads, it
/// answers in line.
fn refuse(request: Request, why: &str) {
    use std::sync::atomic::Ordering;
    let body = error("busy", why);
    let has_body = request.body_length().is_none_or(|n| n > 0);
    if has_body && REFUSING.fetch_add(1, Ordering::SeqCst) < MAX_REFUSING {
        std::thread::spawn(move || {
            respond(request, 503, &body);
            REFUSING.fetch_sub(1, Ordering::SeqCst);
        });
        return;
    }
    if has_body {
        REFUSING.fetch_sub(1, Ordering::SeqCst);
    }
    respond(request, 503, &body);
}

/// Loads the workspace and prints its problems (they are also in every check's answer).
fn load(settings: &Settings) -> Workspace {
    let workspace = Workspace::load(settings);
    super::print_problems(&workspace);
    workspace
}

#[cfg(unix)]
fn reload_on_sighup(workspace: &Shared, settings: Settings) {
    use signal_hook::consts::SIGHUP;
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGHUP]) else {
        eprintln!("warning: cannot listen for SIGHUP: packs will not be reloaded");
        return;
    };
    let workspace = workspace.clone();
    std::thread::spawn(move || {
        for _ in signals.forever() {
            let fresh = Arc::new(load(&settings));
            if let Ok(mut current) = workspace.write() {
                *current = fresh;
                eprintln!("claimlint serve: packs reloaded");
            }
        }
    });
}

#[cfg(not(unix))]
fn reload_on_sighup(_: &Shared, _: Settings) {}

fn handle(mut request: Request, accepted: Instant, workspace: &Shared, options: &Options) {
    if accepted.elapsed() > options.timeout {
        respond(
            request,
            503,
            &error("timeout", "the request waited too long in the queue"),
        );
        return;
    }
    let path = request.url().split('?').next().unwrap_or("").to_owned();
    if path != "/healthz" && !authorised(&request, options.token.as_deref()) {
        respond(
            request,
            401,
            &error("unauthorised", "a valid bearer token is required"),
        );
        return;
    }
    let current = match workspace.read() {
        Ok(current) => current.clone(),
        Err(_) => {
            respond(
                request,
                500,
                &error("internal", "the workspace is unavailable"),
            );
            return;
        }
    };
    let (status, body) = match (request.method(), path.as_str()) {
        (Method::Get, "/healthz") => (200, json!({"status": "ok"}).to_string()),
        (Method::Get, "/v1/rules") => (200, super::explain::list_json(&current.engine)),
        (Method::Post, "/v1/check") => match read_body(&mut request, options.body_limit) {
            Ok(bytes) => check(&bytes, current, options.timeout),
            Err((status, body)) => (status, body),
        },
        (_, "/healthz" | "/v1/rules" | "/v1/check") => (405, error("method", "method not allowed")),
        _ => (404, error("not-found", "no such endpoint")),
    };
    respond(request, status, &body);
}

/// The bearer token, compared without an early exit.
fn authorised(request: &Request, token: Option<&str>) -> bool {
    let Some(token) = token else { return true };
    request.headers().iter().any(|h| {
        h.field.equiv("Authorization")
            && h.value
                .as_str()
                .strip_prefix("Bearer ")
                .is_some_and(|given| {
                    given.len() == token.len()
                        && given
                            .bytes()
                            .zip(token.bytes())
                            .fold(0, |acc, (a, b)| acc | (a ^ b))
                            == 0
                })
    })
}

fn read_body(request: &mut Request, limit: usize) -> Result<Vec<u8>, (u16, String)> {
    let too_large = || {
        (
            413,
            error(
                "too-large",
                &format!("the request body is over the limit of {limit} bytes"),
            ),
        )
    };
    if request.body_length().is_some_and(|len| len > limit) {
        return Err(too_large());
    }
    let mut body = Vec::new();
    let read = request
        .as_reader()
        .take(limit as u64 + 1)
        .read_to_end(&mut body);
    match read {
        Err(err) => Err((
            400,
            error("bad-request", &format!("cannot read the body: {err}")),
        )),
        Ok(_) if body.len() > limit => Err(too_large()),
        Ok(_) => Ok(body),
    }
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct CheckRequest {
    text: String,
    format: String,
    lang: Option<String>,
    date: Option<String>,
    path: Option<String>,
}

/// Checks one document on a helper thread: past the timeout the client gets a 503 while
/// the worker waits for the check to end, so the pool stays bounded.
fn check(body: &[u8], workspace: Arc<Workspace>, timeout: Duration) -> (u16, String) {
    let request: CheckRequest = match serde_json::from_slice(body) {
        Ok(request) => request,
        Err(err) => return (400, error("bad-json", &err.to_string())),
    };
    let extension = match request.format.as_str() {
        "md" | "txt" | "html" => request.format.as_str(),
        other => {
            return (
                400,
                error(
                    "bad-format",
                    &format!(
                        "format \"{}\" is not md, txt or html",
                        claimlint::escape::line(other)
                    ),
                ),
            )
        }
    };
    let mut opts = workspace.opts.clone();
    match request.lang.as_deref() {
        None | Some("auto") => {}
        Some("fr") => opts.lang = Some((Lang::Fr, "request")),
        Some("en") => opts.lang = Some((Lang::En, "request")),
        Some(other) => {
            return (
                400,
                error(
                    "bad-lang",
                    &format!(
                        "lang \"{}\" is not fr, en or auto",
                        claimlint::escape::line(other)
                    ),
                ),
            )
        }
    }
    if let Some(date) = request.date.as_deref() {
        match date.parse::<jiff::civil::Date>() {
            Ok(date) => opts.date = Some(date),
            Err(_) => {
                return (
                    400,
                    error(
                        "bad-date",
                        &format!(
                            "date \"{}\" is not YYYY-MM-DD",
                            claimlint::escape::line(date)
                        ),
                    ),
                )
            }
        }
    }
    // The format decides how the text is read; a path naming another one gets the
    // format's extension appended.
    let name = match request.path {
        Some(path) if has_extension(&path, extension) => path,
        Some(path) => format!("{path}.{extension}"),
        None => format!("input.{extension}"),
    };
    let (done, result) = mpsc::channel();
    let text = request.text;
    let helper = std::thread::spawn(move || {
        let mut checked = [check_bytes(
            &name,
            text.as_bytes(),
            &workspace.engine,
            &opts,
            &workspace.policy(),
        )];
        let outcome = workspace.outcome(&mut checked);
        let _ = done.send(with_utf16(&outcome));
    });
    let answer = match result.recv_timeout(timeout) {
        Ok(body) => (200, body),
        Err(RecvTimeoutError::Timeout) => (
            503,
            error("timeout", "the check took longer than the request timeout"),
        ),
        Err(RecvTimeoutError::Disconnected) => {
            (500, error("internal", "the check failed; please report it"))
        }
    };
    let _ = helper.join();
    answer
}

fn has_extension(path: &str, format: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    let extensions: &[&str] = match format {
        "md" => &[".md", ".markdown"],
        "html" => &[".html", ".htm"],
        _ => &[".txt"],
    };
    extensions.iter().any(|e| lower.ends_with(e))
}

/// `check --format json` for the outcome, with `utf16: {start, end}` beside each span of
/// a diagnostic and of its labels (offsets from the start of the document's text).
fn with_utf16(outcome: &claimlint::Outcome) -> String {
    let rendered = report::json::render(outcome);
    let Ok(mut value) = serde_json::from_str::<Value>(&rendered) else {
        return rendered;
    };
    if let Some(diagnostics) = value.get_mut("diagnostics").and_then(Value::as_array_mut) {
        // One index per source: each offset is then counted from a checkpoint, not from
        // the start of the text (a long one-line body with many findings stays linear).
        let mut indexes: HashMap<String, LineIndex> = HashMap::new();
        let mut add = |object: &mut Value, path: &str, span: &claimlint::Span| {
            let source = outcome.sources.get(path).map(String::as_str);
            if let Some(text) = source {
                if !indexes.contains_key(path) {
                    indexes.insert(path.to_owned(), LineIndex::new(text));
                }
            }
            add_utf16(object, source.zip(indexes.get(path)), span);
        };
        for (diagnostic, finding) in diagnostics.iter_mut().zip(&outcome.findings) {
            add(diagnostic, &finding.path, &finding.span);
            let labels = diagnostic.get_mut("labels").and_then(Value::as_array_mut);
            for (label, found) in labels.into_iter().flatten().zip(&finding.labels) {
                add(label, &found.path, &found.span);
            }
        }
    }
    let mut out = claimlint::escape::json(value.to_string());
    out.push('\n');
    out
}

fn add_utf16(object: &mut Value, source: Option<(&str, &LineIndex)>, span: &claimlint::Span) {
    let (start, end) = match source {
        Some((text, index)) => (
            index.units_before(text, span.source.start),
            index.units_before(text, span.source.end),
        ),
        None => (0, 0),
    };
    if let Some(object) = object.as_object_mut() {
        object.insert("utf16".into(), json!({"start": start, "end": end}));
    }
}

fn error(code: &str, message: &str) -> String {
    json!({"error": {"code": code, "message": message}}).to_string()
}

fn respond(request: Request, status: u16, body: &str) {
    let mut response = Response::from_string(body).with_status_code(status);
    if let Ok(header) = Header::from_bytes("Content-Type", "application/json") {
        response = response.with_header(header);
    }
    // A client that went away is no error of ours.
    let _ = request.respond(response);
}

/// `--addr`: HOST:PORT; a loopback default.
pub fn parse_addr(s: &str) -> Result<String, String> {
    s.parse::<SocketAddr>()
        .map(|a| a.to_string())
        .map_err(|_| format!("\"{s}\" is not HOST:PORT (e.g. 127.0.0.1:8765)"))
}
