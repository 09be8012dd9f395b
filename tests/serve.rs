//! `claimlint serve` on a free loopback port: every endpoint, every error status, and
//! `/v1/check` answering what `check --format json` prints for the same document.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::{json, Value};

const TODAY: &str = "2025-12-13";

struct Service {
    child: Child,
    port: u16,
}

impl Drop for Service {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts the service on port 0 and reads the port it bound from its first stderr line.
fn start(args: &[&str]) -> Service {
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimlint"))
        .args(["serve", "--addr", "127.0.0.1:0", "--no-config"])
        .args(args)
        .env("CLAIMLINT_TODAY", TODAY)
        .env_remove("CLAIMLINT_TOKEN")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stderr(Stdio::piped())
        .spawn()
        .expect("claimlint serve starts");
    let stderr = child.stderr.take().expect("stderr piped");
    let mut lines = BufReader::new(stderr).lines();
    let first = lines.next().expect("a line").expect("readable");
    let port = first
        .rsplit(':')
        .next()
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("no port in {first:?}"));
    // Keep draining stderr so the service never blocks on it.
    std::thread::spawn(move || lines.for_each(drop));
    Service { child, port }
}

/// One HTTP/1.1 exchange: (status, body).
fn http(port: u16, method: &str, path: &str, headers: &[&str], body: &[u8]) -> (u16, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connects");
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .expect("timeout set");
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for h in headers {
        head.push_str(h);
        head.push_str("\r\n");
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).expect("request written");
    // A server may answer (413) before reading a large body: a failed write is fine.
    let _ = stream.write_all(body);
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    let answer = String::from_utf8_lossy(&answer).into_owned();
    let status = answer
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("{method} {path}: no status in {answer:?}"));
    let body = answer
        .split_once("\r\n\r\n")
        .map_or("", |(_, b)| b)
        .to_owned();
    (status, body)
}

fn json_of(body: &str) -> Value {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("not JSON ({e}): {body}"))
}

fn error_code(body: &str) -> String {
    json_of(body)["error"]["code"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

fn check_body(text: &str, format: &str, path: Option<&str>) -> Vec<u8> {
    let mut request = json!({"text": text, "format": format});
    if let Some(path) = path {
        request["path"] = json!(path);
    }
    request.to_string().into_bytes()
}

fn without_utf16(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.remove("utf16");
            map.values_mut().for_each(without_utf16);
        }
        Value::Array(items) => items.iter_mut().for_each(without_utf16),
        _ => {}
    }
}

fn cli_json(args: &[&str]) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_claimlint"))
        .args(args)
        .env("CLAIMLINT_TODAY", TODAY)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("claimlint runs");
    json_of(&String::from_utf8_lossy(&out.stdout))
}

#[test]
fn every_endpoint_answers_and_check_equals_the_cli_on_the_corpus() {
    let service = start(&[]);
    let port = service.port;

    let (status, body) = http(port, "GET", "/healthz", &[], b"");
    assert_eq!((status, json_of(&body)), (200, json!({"status": "ok"})));

    let (status, body) = http(port, "GET", "/v1/rules", &[], b"");
    assert_eq!(status, 200);
    assert_eq!(
        json_of(&body),
        cli_json(&["rules", "list", "--format", "json", "--no-config"])
    );

    // UTF-16 offsets: "é" is one unit and two bytes, "😀" two units and four bytes.
    let text = "Le président 😀 est arrivé à Mink.";
    let (status, body) = http(
        port,
        "POST",
        "/v1/check",
        &[],
        &check_body(text, "md", None),
    );
    assert_eq!(status, 200, "{body}");
    let answer = json_of(&body);
    let mink = answer["diagnostics"]
        .as_array()
        .and_then(|d| d.iter().find(|d| d["rule"] == "belarus/minsk"))
        .unwrap_or_else(|| panic!("Mink is reported: {body}"));
    let start = text.find("Mink").unwrap_or_default();
    let units = text[..start].encode_utf16().count();
    assert_eq!(mink["span"]["start"], start);
    assert_eq!(mink["utf16"], json!({"start": units, "end": units + 4}));
    assert_eq!(mink["fix"]["replacement"], "Minsk");
    assert_eq!(answer["files"][0]["path"], "input.md");

    // The corpus, one document per request, against one run of the CLI.
    let mut cli = cli_json(&["check", "corpus", "--format", "json", "--no-config"]);
    without_utf16(&mut cli);
    let mut paths: Vec<_> = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"))
        .expect("corpus")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    let mut compared = 0;
    for path in paths {
        let Some(format) = path.extension().and_then(|e| e.to_str()) else {
            continue;
        };
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue; // not UTF-8: JSON carries text only
        };
        let name = format!(
            "corpus/{}",
            path.file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default()
        );
        let (status, body) = http(
            port,
            "POST",
            "/v1/check",
            &[],
            &check_body(&text, format, Some(&name)),
        );
        assert_eq!(status, 200, "{name}: {body}");
        let mut served = json_of(&body);
        without_utf16(&mut served);
        let of = |v: &Value, key: &str| -> Vec<Value> {
            v[key]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|d| d["path"] == name.as_str())
                .cloned()
                .collect()
        };
        assert_eq!(
            of(&served, "diagnostics"),
            of(&cli, "diagnostics"),
            "{name}"
        );
        assert_eq!(of(&served, "files"), of(&cli, "files"), "{name}");
        assert_eq!(served["files"].as_array().map(Vec::len), Some(1));
        compared += 1;
    }
    assert!(compared >= 15, "the corpus was compared ({compared} files)");

    // Errors: every one a JSON object with a code.
    let (status, body) = http(port, "POST", "/v1/check", &[], b"{not json");
    assert_eq!((status, error_code(&body).as_str()), (400, "bad-json"));
    let (status, body) = http(port, "POST", "/v1/check", &[], b"{\"format\": \"md\"}");
    assert_eq!((status, error_code(&body).as_str()), (400, "bad-json"));
    let (status, body) = http(
        port,
        "POST",
        "/v1/check",
        &[],
        &check_body("x", "docx", None),
    );
    assert_eq!((status, error_code(&body).as_str()), (400, "bad-format"));
    let bad_date = json!({"text": "x", "format": "txt", "date": "13/12/2025"}).to_string();
    let (status, body) = http(port, "POST", "/v1/check", &[], bad_date.as_bytes());
    assert_eq!((status, error_code(&body).as_str()), (400, "bad-date"));
    let (status, body) = http(port, "GET", "/v1/check", &[], b"");
    assert_eq!((status, error_code(&body).as_str()), (405, "method"));
    let (status, body) = http(port, "GET", "/nowhere", &[], b"");
    assert_eq!((status, error_code(&body).as_str()), (404, "not-found"));
    // Lang and date from the request.
    let dated = json!({"text": "Minsk.", "format": "txt", "lang": "en", "date": "2024-05-01"});
    let (status, body) = http(port, "POST", "/v1/check", &[], dated.to_string().as_bytes());
    assert_eq!(status, 200, "{body}");
    let file = &json_of(&body)["files"][0];
    assert_eq!(
        (&file["lang"], &file["date"]),
        (&json!("en"), &json!("2024-05-01"))
    );
    // Still serving after all of that.
    assert_eq!(http(port, "GET", "/healthz", &[], b"").0, 200);
}

#[test]
fn a_token_guards_everything_but_health_and_the_body_has_a_limit() {
    let service = start(&["--token", "s3cret", "--body-limit", "1000"]);
    let port = service.port;
    assert_eq!(http(port, "GET", "/healthz", &[], b"").0, 200);
    let (status, body) = http(port, "GET", "/v1/rules", &[], b"");
    assert_eq!((status, error_code(&body).as_str()), (401, "unauthorised"));
    let wrong = ["Authorization: Bearer s3creT"];
    assert_eq!(http(port, "GET", "/v1/rules", &wrong, b"").0, 401);
    let auth = ["Authorization: Bearer s3cret"];
    assert_eq!(http(port, "GET", "/v1/rules", &auth, b"").0, 200);
    let big = check_body(&"Minsk. ".repeat(200), "txt", None);
    let (status, body) = http(port, "POST", "/v1/check", &auth, &big);
    assert_eq!((status, error_code(&body).as_str()), (413, "too-large"));
    let small = check_body("Minsk.", "txt", None);
    assert_eq!(http(port, "POST", "/v1/check", &auth, &small).0, 200);
}

#[test]
fn a_saturated_service_answers_503_and_recovers() {
    let service = start(&["--workers", "1", "--queue", "0"]);
    let port = service.port;
    // The one worker waits for a body that is slow to come (over 1 KB: tiny_http reads
    // smaller bodies itself before handing the request over). On a loaded machine a probe
    // can reach the worker first, and the slow request is then refused: try again.
    let mut busy = None;
    let mut slow = TcpStream::connect(("127.0.0.1", port)).expect("connects");
    for _attempt in 0..5 {
        slow = TcpStream::connect(("127.0.0.1", port)).expect("connects");
        slow.write_all(
            b"POST /v1/check HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Length: 4000\r\n\r\n{\"text\":",
        )
        .expect("written");
        std::thread::sleep(Duration::from_millis(300));
        // Once the worker holds it, anything else is 503.
        for _ in 0..20 {
            let (status, body) = http(port, "GET", "/healthz", &[], b"");
            if status == 503 {
                busy = Some(error_code(&body));
                break;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        if busy.is_some() {
            break;
        }
    }
    assert_eq!(busy.as_deref(), Some("busy"));
    // The slow body arrives; the worker answers it and is free again.
    let rest = b"\"Minsk.\",\"format\":\"txt\"}";
    let pad = 4000 - 8 - rest.len();
    slow.write_all(&rest[..]).expect("written");
    slow.write_all(" ".repeat(pad).as_bytes()).expect("written");
    let mut answer = String::new();
    let _ = slow.read_to_string(&mut answer);
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    // The worker is free again once it is back waiting for work, a moment after the answer
    // left it (with --queue 0 a request is taken only by a waiting worker).
    let mut statuses = Vec::new();
    for _ in 0..50 {
        let status = http(port, "GET", "/healthz", &[], b"").0;
        statuses.push(status);
        if status == 200 {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(statuses.last(), Some(&200), "{statuses:?}");
}

#[cfg(unix)]
#[test]
fn sighup_reloads_the_packs() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pack = dir.path().join("desk.toml");
    let entity = |id: &str, name: &str| {
        format!("\n[[entity]]\nid = \"{id}\"\npreferred = {{ fr = \"{name}ov\" }}\nwrong = [\"{name}of\"]\n")
    };
    let head = "format = 1\n\n[pack]\nid = \"desk\"\n";
    std::fs::write(&pack, format!("{head}{}", entity("x", "Xavier"))).expect("pack");
    let service = start(&["--rules", pack.to_str().expect("UTF-8 path")]);
    let text = check_body("Il a vu Xavierof et Zebulonof.", "txt", None);
    let rules = |body: &str| -> Vec<String> {
        json_of(body)["diagnostics"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|d| d["rule"].as_str().map(str::to_owned))
            .collect()
    };
    let (_, body) = http(service.port, "POST", "/v1/check", &[], &text);
    assert_eq!(rules(&body), ["desk/x"]);
    let both = format!("{head}{}{}", entity("x", "Xavier"), entity("z", "Zebulon"));
    std::fs::write(&pack, both).expect("pack");
    let status = Command::new("kill")
        .args(["-HUP", &service.child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success());
    let mut seen = Vec::new();
    for _ in 0..50 {
        std::thread::sleep(Duration::from_millis(100));
        let (_, body) = http(service.port, "POST", "/v1/check", &[], &text);
        seen = rules(&body);
        if seen.len() == 2 {
            break;
        }
    }
    assert_eq!(seen, ["desk/x", "desk/z"]);
}
