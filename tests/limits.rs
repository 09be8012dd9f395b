//! Limits that bound memory while checking: `--max-findings` applied as findings are
//! produced (the count of dropped ones exact), suppressions that hid nothing reported,
//! and many inputs checked in order with a bounded window.

mod common;

use claimlint::workspace::{Input, Settings};
use claimlint::{Kind, Workspace};

fn settings(max_findings: usize) -> Settings {
    let mut settings = common::settings(None);
    settings.max_findings = max_findings;
    settings
}

/// A text with `n` spaces before a comma (one `hygiene.punctuation` finding each) on one
/// line.
fn spaced(n: usize) -> String {
    let mut text = String::from("Officials said");
    for i in 0..n {
        text.push_str(&format!(" w{i} ,"));
    }
    text.push_str(" done.\n");
    text
}

#[test]
fn max_findings_keeps_the_first_and_counts_every_dropped_one() {
    let text = spaced(5000);
    let all = Workspace::load(&settings(0)).check_bytes("a.txt", text.as_bytes());
    let total = all.findings.len();
    assert!(total >= 5000, "every spaced comma is found: {total}");

    let capped = Workspace::load(&settings(10)).check_bytes("a.txt", text.as_bytes());
    let truncated: Vec<_> = capped
        .findings
        .iter()
        .filter(|f| f.kind == Kind::InputTruncated)
        .collect();
    assert_eq!(truncated.len(), 1, "one info says how many were dropped");
    assert!(
        truncated[0]
            .message
            .starts_with(&format!("{} more findings dropped", total - 10)),
        "{}",
        truncated[0].message
    );
    let kept: Vec<_> = capped
        .findings
        .iter()
        .filter(|f| f.kind != Kind::InputTruncated)
        .collect();
    assert_eq!(kept.len(), 10);
    // The first ten in text order, the same as without a limit.
    for (k, a) in kept.iter().zip(&all.findings) {
        assert_eq!(k.span.start, a.span.start);
        assert_eq!(k.rule, a.rule);
    }
}

#[test]
fn suppressed_findings_do_not_use_up_the_limit() {
    // 3000 suppressed findings, then two that are not.
    let mut text = String::from("<!-- claimlint-disable hygiene -->\n");
    text.push_str(&spaced(3000));
    text.push_str("<!-- claimlint-enable -->\nEnd , here. So , there.\n");
    let capped = Workspace::load(&settings(5)).check_bytes("a.md", text.as_bytes());
    let duplicates = capped
        .findings
        .iter()
        .filter(|f| f.kind == Kind::HygienePunctuation)
        .count();
    assert_eq!(duplicates, 2, "{:#?}", capped.findings);
    assert!(!capped
        .findings
        .iter()
        .any(|f| f.kind == Kind::InputTruncated));
}

#[test]
fn a_suppression_that_hid_nothing_is_an_info() {
    let text = "<!-- claimlint-disable-next-line hygiene -->\nA clean line.\n\
                <!-- claimlint-disable-next-line hygiene -->\nA line , spaced.\n";
    let checked = Workspace::load(&settings(0)).check_bytes("a.md", text.as_bytes());
    let unused: Vec<_> = checked
        .findings
        .iter()
        .filter(|f| f.rule.as_str() == "input/unused-suppression")
        .collect();
    assert_eq!(unused.len(), 1, "{:#?}", checked.findings);
    assert_eq!(unused[0].span.line, 1);
    assert_eq!(unused[0].kind, Kind::InputSuppression);
    assert_eq!(unused[0].severity, claimlint::Severity::Info);
}

#[test]
fn check_each_hands_results_on_in_input_order() {
    let dir = std::env::temp_dir().join(format!("claimlint-limits-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let mut inputs = Vec::new();
    for i in 0..60 {
        let path = dir.join(format!("{i:03}.txt"));
        // Long documents early, short ones late: the late ones finish first.
        std::fs::write(&path, spaced(if i < 5 { 3000 } else { 1 })).expect("write");
        inputs.push(Input::File {
            display: format!("{i:03}.txt"),
            path,
        });
    }
    let workspace = Workspace::load(&settings(0));
    let mut seen = Vec::new();
    workspace.check_each(&inputs, 3, |i, checked| {
        let info = checked.info.expect("checked");
        seen.push((i, info.path));
    });
    let expected: Vec<(usize, String)> = (0..60).map(|i| (i, format!("{i:03}.txt"))).collect();
    assert_eq!(seen, expected);
    let _ = std::fs::remove_dir_all(&dir);
}

/// `jsonl` is written file by file as documents finish; whatever the threads, it lists
/// the same diagnostics in the same order as the buffered `json`.
#[test]
fn streamed_output_is_the_buffered_order_whatever_the_threads() {
    let run = |format: &str, jobs: &str| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_claimlint"))
            .args(["check", "--no-config", "--date", "2025-12-13", "--format"])
            .args([format, "-j", jobs, "corpus", "tests/cmd"])
            .env("CLAIMLINT_TODAY", "2025-12-13")
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(2), "tests/cmd holds broken inputs");
        String::from_utf8(out.stdout).expect("UTF-8")
    };
    let one = run("jsonl", "1");
    assert_eq!(one, run("jsonl", "4"));
    let key = |v: &serde_json::Value| {
        (
            v["path"].as_str().unwrap_or_default().to_owned(),
            v["span"]["start"].as_u64(),
            v["rule"].as_str().unwrap_or_default().to_owned(),
        )
    };
    let streamed: Vec<_> = one
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|v| v.get("type").is_none())
        .map(|v| key(&v))
        .collect();
    let json: serde_json::Value = serde_json::from_str(&run("json", "2")).expect("json");
    let buffered: Vec<_> = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(key)
        .collect();
    assert!(streamed.len() > 50, "{}", streamed.len());
    assert_eq!(streamed, buffered);
}
