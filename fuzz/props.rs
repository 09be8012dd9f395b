// The properties the fuzz targets check, shared with `tests/fuzz_props.rs` (which runs
// them under `cargo test` on generated inputs and on every file in fuzz/regressions/).
// Included with `include!`: no crate of its own.

use std::sync::{Arc, OnceLock};

use claimlint::report::{self, OutputFormat, PrettyOptions};
use claimlint::workspace::{Batch, Config, Settings};
use claimlint::{Checked, Engine, Outcome, Workspace};

fn settings(lang: claimlint::Lang) -> Settings {
    let today = jiff::civil::Date::constant(2025, 12, 13);
    let mut settings = Settings::new(today);
    settings.lang = Some(lang);
    settings.max_findings = 0;
    settings.no_config = true;
    settings
}

/// The built-in packs, compiled once.
fn engine() -> Arc<Engine> {
    static ENGINE: OnceLock<Arc<Engine>> = OnceLock::new();
    ENGINE
        .get_or_init(|| Workspace::load(&settings(claimlint::Lang::Fr)).engine)
        .clone()
}

fn check(name: &str, bytes: &[u8], lang: claimlint::Lang) -> Checked {
    Workspace::with_engine(engine(), Config::default(), &settings(lang)).check_bytes(name, bytes)
}

/// The first byte picks the format and language; the rest is the file.
fn split(data: &[u8]) -> (&'static str, claimlint::Lang, &[u8]) {
    let Some((&first, body)) = data.split_first() else {
        return ("a.txt", claimlint::Lang::Fr, data);
    };
    let name = ["a.txt", "a.md", "a.html"][usize::from(first % 3)];
    let lang = if first & 0x80 == 0 {
        claimlint::Lang::Fr
    } else {
        claimlint::Lang::En
    };
    (name, lang, body)
}

fn encoded(original: &[u8], text: &str) -> Vec<u8> {
    match original {
        [0xFF, 0xFE, ..] => text.encode_utf16().flat_map(u16::to_le_bytes).collect(),
        [0xFE, 0xFF, ..] => text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
        _ => text.as_bytes().to_vec(),
    }
}

/// Check, fix, check again: every edit replaces exactly the bytes its finding names and
/// holds no markup; no byte outside the edits changes; the fixed text is not fixed again
/// at the same places.
pub fn fix_roundtrip(data: &[u8]) {
    let (name, lang, body) = split(data);
    let checked = check(name, body, lang);
    let plan = claimlint::workspace::fix::plan(&checked.findings);
    for e in &plan.edits {
        assert!(
            !e.old.contains(['<', '>', '*', '[', ']', '`']),
            "a fix over markup: {e:?}"
        );
    }
    let Some(fixed) = claimlint::workspace::fix::fixed_bytes(body, &plan) else {
        panic!("an edit does not name the bytes it replaces: {:?}", plan.edits);
    };
    let mut at = 0;
    let mut out = 0;
    let mut new_spans = Vec::new();
    for e in &plan.edits {
        assert!(e.bytes.start >= at, "overlapping edits: {:?}", plan.edits);
        let kept = e.bytes.start - at;
        assert_eq!(&body[at..e.bytes.start], &fixed[out..out + kept]);
        out += kept;
        let new = encoded(body, &e.new);
        new_spans.push(out..out + new.len());
        out += new.len();
        at = e.bytes.end;
    }
    assert_eq!(&body[at..], &fixed[out..], "bytes after the last edit changed");
    if plan.edits.is_empty() {
        return;
    }
    let again = check(name, &fixed, lang);
    let replan = claimlint::workspace::fix::plan(&again.findings);
    for e in &replan.edits {
        assert!(
            !new_spans.contains(&e.bytes),
            "a fixed span is fixed again: {e:?} in {:?}",
            String::from_utf8_lossy(&fixed)
        );
    }
}

fn raw_control(text: &str) -> Option<char> {
    text.chars().find(|&c| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200b}'..='\u{200f}' | '\u{2028}' | '\u{2029}')
    })
}

/// Every renderer on a document with a hostile name: one finding per line in `short` and
/// `github`, no line starting with `::` but the real annotations, no raw control character
/// anywhere, valid JSON, JSON lines and SARIF.
pub fn renderers(data: &[u8]) {
    let (name_len, rest) = match data.split_first() {
        Some((&n, rest)) => (usize::from(n % 24).min(rest.len()), rest),
        None => (0, data),
    };
    let (name_bytes, body) = rest.split_at(name_len);
    let name = format!("{}.txt", String::from_utf8_lossy(name_bytes));
    let mut checked = check(&name, body, claimlint::Lang::Fr);
    let mut outcome = Outcome::default();
    outcome.files.extend(checked.info.clone());
    outcome.findings.append(&mut checked.findings);
    if let Some((path, source)) = checked.source.take() {
        outcome.sources.insert(path, source);
    }
    outcome.sort();
    let n = outcome.findings.len();
    let pretty = PrettyOptions {
        color: false,
        width: 80,
        summary: true,
        min_severity: claimlint::Severity::Info,
        show_claims: false,
    };
    let render = |format| report::render(&outcome, format, pretty);
    let short = render(OutputFormat::Short);
    assert_eq!(raw_control(&short), None, "{short}");
    assert_eq!(short.lines().count(), n, "{short}");
    assert!(short.lines().all(|l| !l.starts_with("::")), "{short}");
    let github = render(OutputFormat::Github);
    assert_eq!(raw_control(&github), None, "{github}");
    assert_eq!(github.lines().count(), n, "{github}");
    for line in github.lines() {
        assert!(
            ["::error file=", "::warning file=", "::notice file="]
                .iter()
                .any(|p| line.starts_with(p)),
            "{line}"
        );
        let (props, _message) = line[2..].split_once("::").expect("a command");
        assert!(!props.contains("::"), "{line}");
    }
    let text = render(OutputFormat::Pretty);
    assert_eq!(raw_control(&text), None, "{text}");
    assert!(text.lines().all(|l| !l.starts_with("::")), "{text}");
    for format in [OutputFormat::Json, OutputFormat::Sarif] {
        let json = render(format);
        assert_eq!(raw_control(&json), None, "{json}");
        serde_json::from_str::<serde_json::Value>(&json).expect("valid JSON");
    }
    let lines = render(OutputFormat::Jsonl);
    assert_eq!(raw_control(&lines), None, "{lines}");
    assert_eq!(lines.lines().count(), n + 1);
    for line in lines.lines() {
        serde_json::from_str::<serde_json::Value>(line).expect("a JSON line");
    }
    let batch = Batch {
        outcome,
        ..Batch::default()
    };
    for page in [
        report::batch::markdown(&batch),
        report::html::render(&batch),
        report::batch::json(&batch),
    ] {
        assert_eq!(raw_control(&page), None, "{page}");
    }
}
