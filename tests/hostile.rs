//! Hostile article text and file names through every renderer: one finding per line, no
//! line starting with `::` but the real annotations, no raw control character (issue 9).

#![cfg(unix)]

use std::process::Command;

mod common;

fn scratch_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("claimlint-hostile-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Article text that tries every trick: a CR inside a stray tag, workflow commands, a
/// screen clear, an OSC 52 clipboard write, C1 CSI, bidi overrides and isolates.
const HOSTILE: &str = "Le président est à Mink hier <a x='\r::error::PWNED'> puis \
    <b x='\n::add-mask::secret'>.\n\
    Talks in Mink \u{1b}[2J\u{1b}]52;c;cHduZWQ=\u{7} ended \u{9b}31m today.\n\
    Il a cité \u{202e}kniM\u{202c} et \u{2066}Mink\u{2069} à Mink\u{200b}.\n\
    ::stop-commands::tok\r::error file=x::forged\n";

/// Names a folder walk picks up.
const NAMES: &[&str] = &[
    "evil\n::error::newline.txt",
    "::warning::colon.txt",
    "esc\u{1b}[2J.txt",
    "bidi\u{202e}txt.md",
    "cr\r::error::x.txt",
];

fn corpus(name: &str) -> std::path::PathBuf {
    let dir = scratch_dir(name);
    for name in NAMES {
        std::fs::write(dir.join(name), HOSTILE).expect("write hostile file");
    }
    dir
}

fn run(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_claimlint"))
        .args(args)
        .current_dir(dir)
        .env("CLAIMLINT_TODAY", "2025-12-13")
        .env("NO_COLOR", "1")
        .env("COLUMNS", "80")
        .output()
        .expect("runs")
}

/// Characters that must never reach the output raw (line feed is the only break).
fn raw_control(text: &str) -> Option<(usize, char)> {
    text.char_indices().find(|&(_, c)| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200b}'..='\u{200f}' | '\u{2028}' | '\u{2029}')
    })
}

fn assert_clean(format: &str, text: &str) {
    if let Some((at, c)) = raw_control(text) {
        panic!("{format}: raw {c:?} at byte {at}:\n{text}");
    }
}

#[test]
fn line_formats_print_one_finding_per_line_and_no_command() {
    let dir = corpus("lines");
    let json = run(&dir, &["check", "--no-config", "--format", "json", "."]);
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).expect("valid json");
    let findings = json["diagnostics"].as_array().expect("diagnostics").len();
    assert!(findings >= NAMES.len() * 5, "{findings}");

    let short = run(&dir, &["check", "--no-config", "--format", "short", "."]);
    assert_eq!(short.status.code(), Some(1));
    let short = String::from_utf8(short.stdout).expect("utf-8");
    assert_clean("short", &short);
    assert_eq!(short.lines().count(), findings, "{short}");
    assert!(short.lines().all(|l| !l.starts_with("::")), "{short}");
    assert!(short.contains("evil\\n::error::newline.txt:1:"), "{short}");
    assert!(short.contains("./::warning::colon.txt:1:"), "{short}");

    let github = run(&dir, &["check", "--no-config", "--format", "github", "."]);
    let github = String::from_utf8(github.stdout).expect("utf-8");
    assert_clean("github", &github);
    assert_eq!(github.lines().count(), findings);
    for line in github.lines() {
        let real = ["::error file=", "::warning file=", "::notice file="]
            .iter()
            .any(|p| line.starts_with(p));
        assert!(real, "{line}");
        // The message (after the second `::`) and the properties hold no command.
        let (props, message) = line[2..].split_once("::").expect("a command");
        assert!(!props.contains("::") && !props.contains("\\n:"), "{line}");
        assert!(!message.contains('\r'), "{line}");
    }

    let pretty = run(&dir, &["check", "--no-config", "--format", "pretty", "."]);
    let pretty = String::from_utf8(pretty.stdout).expect("utf-8");
    assert_clean("pretty", &pretty);
    assert!(pretty.lines().all(|l| !l.starts_with("::")), "{pretty}");
    assert!(pretty.contains("\\x1b[2J"), "{pretty}");
    assert!(pretty.contains("\\u{202e}kniM"), "{pretty}");

    for format in ["jsonl", "sarif", "json"] {
        let out = run(&dir, &["check", "--no-config", "--format", format, "."]);
        let text = String::from_utf8(out.stdout).expect("utf-8");
        assert_clean(format, &text);
        if format == "jsonl" {
            for line in text.lines() {
                serde_json::from_str::<serde_json::Value>(line).expect("a JSON line");
            }
        } else {
            if format == "sarif" {
                common::assert_valid_sarif(&text);
            }
            let value: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
            // Escaped, not lost: the text round-trips (SARIF URIs percent-encode it).
            let all = value.to_string();
            assert!(
                all.contains("\\u001b[2J") || all.contains('\u{1b}') || all.contains("%1B%5B2J"),
                "{format}: {all}"
            );
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn reports_escape_html_and_controls() {
    let dir = corpus("reports");
    std::fs::write(
        dir.join("tags.txt"),
        "Il est à Mink <script>alert(1)</script> <img src=x onerror=alert(2)>.\n",
    )
    .expect("write");
    for (out, check) in [("r.md", "markdown"), ("r.html", "html"), ("r.json", "json")] {
        let status = run(&dir, &["report", "--no-config", ".", "-o", out]);
        assert_eq!(status.status.code(), Some(1), "{status:?}");
        let text = std::fs::read_to_string(dir.join(out)).expect("report");
        assert_clean(check, &text);
        match check {
            "json" => {
                serde_json::from_str::<serde_json::Value>(&text).expect("valid JSON");
            }
            _ => {
                assert!(!text.contains("<script>alert"), "{check}: {text}");
                assert!(!text.contains("<img src"), "{check}: {text}");
                assert!(text.contains("&lt;script&gt;"), "{check}");
            }
        }
        let _ = std::fs::remove_file(dir.join(out));
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_fix_log_and_diff_escape_names() {
    let dir = scratch_dir("fixlog");
    std::fs::write(
        dir.join("::error::x\n.txt"),
        "Talks in Mink \u{1b}[2J today.\n",
    )
    .expect("write");
    let diff = run(
        &dir,
        &["check", "--no-config", "--lang", "en", "--diff", "."],
    );
    let stdout = String::from_utf8(diff.stdout).expect("utf-8");
    let stderr = String::from_utf8(diff.stderr).expect("utf-8");
    assert_clean("diff", &stdout);
    assert_clean("diff log", &stderr);
    assert!(
        stdout.contains("+Talks in Minsk \\x1b[2J today."),
        "{stdout}"
    );
    assert_eq!(
        stderr,
        "./::error::x\\n.txt:1: Mink → Minsk\nwould apply 1 fix in 1 file\n"
    );
    let fix = run(
        &dir,
        &["check", "--no-config", "--lang", "en", "--fix", "."],
    );
    let stderr = String::from_utf8(fix.stderr).expect("utf-8");
    assert_eq!(
        stderr,
        "./::error::x\\n.txt:1: Mink → Minsk\napplied 1 fix in 1 file\n"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
