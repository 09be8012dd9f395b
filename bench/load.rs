//! A small load client for `claimlint serve`, loopback only: N requests of one article
//! over C connections at a time; prints requests/s, p50/p99 latency, the statuses seen and,
//! given the server's pid, its resident memory before and after.
//!
//! cargo run --release --example load -- --port 8765 --file article.md --requests 20000 \
//!     --concurrency 8 [--pid PID] [--token T]

use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let value = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let port: u16 = value("--port").and_then(|p| p.parse().ok()).unwrap_or(8765);
    let requests: usize = value("--requests")
        .and_then(|p| p.parse().ok())
        .unwrap_or(10_000);
    let concurrency: usize = value("--concurrency")
        .and_then(|p| p.parse().ok())
        .unwrap_or(4);
    let Some(file) = value("--file") else {
        eprintln!(
            "usage: load --file ARTICLE [--port P] [--requests N] [--concurrency C] [--pid PID]"
        );
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&file) {
        Ok(text) => text,
        Err(err) => {
            eprintln!("cannot read {file}: {err}");
            std::process::exit(2);
        }
    };
    let body = serde_json::json!({"text": text, "format": "md"}).to_string();
    let auth = value("--token")
        .map(|t| format!("Authorization: Bearer {t}\r\n"))
        .unwrap_or_default();
    let request = Arc::new(format!(
        "POST /v1/check HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n{auth}Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    ));
    let pid = value("--pid");
    let rss_before = pid.as_deref().and_then(rss_kb);

    let next = Arc::new(AtomicUsize::new(0));
    let latencies = Arc::new(Mutex::new(Vec::with_capacity(requests)));
    let statuses = Arc::new(Mutex::new(std::collections::BTreeMap::<u16, usize>::new()));
    let started = Instant::now();
    let threads: Vec<_> = (0..concurrency)
        .map(|_| {
            let (next, latencies, statuses, request) = (
                next.clone(),
                latencies.clone(),
                statuses.clone(),
                request.clone(),
            );
            std::thread::spawn(move || {
                while next.fetch_add(1, Ordering::Relaxed) < requests {
                    let t = Instant::now();
                    let status = exchange(port, &request);
                    let elapsed = t.elapsed();
                    if let Ok(mut l) = latencies.lock() {
                        l.push(elapsed);
                    }
                    if let Ok(mut s) = statuses.lock() {
                        *s.entry(status).or_default() += 1;
                    }
                }
            })
        })
        .collect();
    for t in threads {
        let _ = t.join();
    }
    let total = started.elapsed();
    let mut latencies = latencies.lock().map(|l| l.clone()).unwrap_or_default();
    latencies.sort();
    let pct = |p: f64| {
        latencies
            .get(((latencies.len() as f64 * p) as usize).min(latencies.len().saturating_sub(1)))
            .copied()
            .unwrap_or(Duration::ZERO)
    };
    println!(
        "{} requests, {} bytes each, concurrency {concurrency}: {:.0} req/s, p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        latencies.len(),
        text.len(),
        latencies.len() as f64 / total.as_secs_f64(),
        pct(0.50).as_secs_f64() * 1000.0,
        pct(0.99).as_secs_f64() * 1000.0,
        latencies.last().copied().unwrap_or(Duration::ZERO).as_secs_f64() * 1000.0,
    );
    if let Ok(s) = statuses.lock() {
        println!("statuses: {s:?} (0 = connection failed)");
    }
    if let (Some(before), Some(after)) = (rss_before, pid.as_deref().and_then(rss_kb)) {
        println!("server RSS: {before} kB before, {after} kB after");
    }
}

/// One request on a fresh connection; the status, or 0 when the exchange failed.
fn exchange(port: u16, request: &str) -> u16 {
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else {
        return 0;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(30)));
    if stream.write_all(request.as_bytes()).is_err() {
        return 0;
    }
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    std::str::from_utf8(answer.get(9..12).unwrap_or_default())
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

fn rss_kb(pid: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}
