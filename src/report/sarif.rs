//! SARIF 2.1.0: one run, the rules that fired described in `tool.driver.rules`.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{json, Value};

use crate::checks::builtin_rules;
use crate::finding::Kind;

use crate::finding::{Finding, Severity};
use crate::workspace::Outcome;

/// GitHub code scanning rejects runs with more results than this.
pub const MAX_RESULTS: usize = 25_000;

pub fn render(outcome: &Outcome) -> String {
    // Problems of the run itself (config, packs, unreadable input) are notifications of
    // the tool's execution, not results about the code.
    let (problems, findings): (Vec<&Finding>, Vec<&Finding>) =
        outcome.findings.iter().partition(|f| {
            f.kind.is_untrusted() && !matches!(f.kind, Kind::InputEncoding | Kind::InputMetadata)
        });
    let shown = &findings[..findings.len().min(MAX_RESULTS)];
    // Every rule that reported, with every kind it reported (an entity rule reports
    // `spelling.wrong` and `spelling.style` alike).
    let mut rules: BTreeMap<&str, BTreeSet<Kind>> = BTreeMap::new();
    for f in shown {
        rules.entry(f.rule.as_str()).or_default().insert(f.kind);
    }
    let index: BTreeMap<&str, usize> = rules.keys().enumerate().map(|(i, r)| (*r, i)).collect();
    let rule_objects: Vec<Value> = rules
        .iter()
        .map(|(rule, kinds)| rule_descriptor(rule, kinds))
        .collect();
    let mut seen: BTreeMap<(&str, &str, &str), usize> = BTreeMap::new();
    let results: Vec<Value> = shown
        .iter()
        .map(|f| {
            let nth = seen.entry((&f.path, &f.rule, &f.text)).or_default();
            *nth += 1;
            result(f, index.get(f.rule.as_str()).copied().unwrap_or(0), *nth)
        })
        .collect();
    let mut notifications: Vec<Value> = problems.iter().map(|f| notification(f)).collect();
    if findings.len() > shown.len() {
        notifications.push(json!({
            "level": "warning",
            "message": {"text": format!(
                "{} results past the first {MAX_RESULTS} are left out (GitHub code scanning takes at most {MAX_RESULTS} a run): check fewer files per run",
                findings.len() - shown.len()
            )},
        }));
    }
    let sarif = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "claimlint",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": INFORMATION_URI,
                "rules": rule_objects,
            }},
            "invocations": [{
                "executionSuccessful": problems.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
            "originalUriBaseIds": {
                "%SRCROOT%": {"description": {"text": "the folder claimlint ran in"}}
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
            "properties": {"statements": statements(outcome)},
        }]
    });
    super::json::to_json(&sarif)
}

/// Every recognised claim statement with its verdict, under the run's properties.
fn statements(outcome: &Outcome) -> Vec<Value> {
    outcome
        .files
        .iter()
        .flat_map(|file| {
            file.statements.iter().map(move |s| {
                json!({
                    "path": file.path,
                    "rule": s.rule,
                    "region": {"byteOffset": s.span.start, "byteLength": s.span.end - s.span.start,
                               "startLine": s.span.line, "startColumn": s.span.column},
                    "text": s.text,
                    "value": s.value,
                    "known": s.known,
                    "verdict": s.verdict,
                })
            })
        })
        .collect()
}

const INFORMATION_URI: &str = "https://crates.io/crates/claimlint";

fn result(f: &Finding, rule_index: usize, nth: usize) -> Value {
    let level = match f.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    };
    let location = artifact_location(&f.path);
    let mut result = json!({
        "ruleId": f.rule,
        "ruleIndex": rule_index,
        "level": level,
        "message": {"text": f.message},
        "locations": [{
            "physicalLocation": {
                "artifactLocation": location,
                "region": region(f),
            }
        }],
        "partialFingerprints": {"claimlintFinding/v1": fingerprint(f, nth)},
        "properties": {"kind": f.kind.as_str()},
    });
    if let Some(fix) = &f.fix {
        result["fixes"] = json!([{
            "description": {"text": format!("replace with \"{}\"", fix.replacement)},
            "artifactChanges": [{
                "artifactLocation": location,
                "replacements": [{
                    "deletedRegion": {"byteOffset": f.span.start, "byteLength": f.span.end - f.span.start},
                    "insertedContent": {"text": fix.replacement},
                }]
            }]
        }]);
    }
    result
}

fn region(f: &Finding) -> Value {
    let mut region = json!({
        "byteOffset": f.span.start,
        "byteLength": f.span.end - f.span.start,
        "startLine": f.span.line,
        "startColumn": f.span.column,
    });
    if f.span.end > f.span.start {
        region["endLine"] = json!(f.span.end_line);
        region["endColumn"] = json!(f.span.end_column);
    }
    region
}

fn notification(f: &Finding) -> Value {
    let mut notification = json!({
        "level": "error",
        "message": {"text": f.message},
        "descriptor": {"id": f.kind.as_str()},
    });
    if !f.path.is_empty() {
        notification["locations"] = json!([{
            "physicalLocation": {
                "artifactLocation": artifact_location(&f.path),
                "region": region(f),
            }
        }]);
    }
    notification
}

/// A relative path as a percent-encoded URI against `%SRCROOT%`; an absolute one as a
/// `file://` URI.
fn artifact_location(path: &str) -> Value {
    match path.strip_prefix('/') {
        Some(absolute) => json!({"uri": format!("file:///{}", percent_encode(absolute))}),
        None => json!({"uri": percent_encode(path), "uriBaseId": "%SRCROOT%"}),
    }
}

/// RFC 3986: unreserved characters and `/` stay; every other byte is `%XX`.
pub fn percent_encode(path: &str) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// Stable across runs and line shifts: the file, the rule, the kind, the text named, and
/// which occurrence of that text it is (FNV-1a, 64 bits).
fn fingerprint(f: &Finding, nth: usize) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let parts = [
        f.path.as_str(),
        f.rule.as_str(),
        f.kind.as_str(),
        f.text.as_str(),
    ];
    for part in parts {
        for b in part.bytes().chain([0xFF]) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}:{nth}")
}

/// A `reportingDescriptor` from the registry: a built-in rule's summary and doc, or for a
/// pack rule the kinds it reported, each with its meaning.
fn rule_descriptor(rule: &str, kinds: &BTreeSet<Kind>) -> Value {
    let described: Vec<String> = kinds
        .iter()
        .map(|k| format!("{k}: {}", k.description()))
        .collect();
    let (short, full) = match builtin_rules().find(|r| r.id == rule) {
        Some(builtin) => (builtin.summary.to_owned(), builtin.doc.to_owned()),
        None => (described.join("; "), described.join("\n")),
    };
    json!({
        "id": rule,
        "shortDescription": {"text": short},
        "fullDescription": {"text": full},
        "help": {"text": format!("claimlint explain {rule}")},
        "properties": {"kinds": kinds.iter().map(|k| k.as_str()).collect::<Vec<_>>()},
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_percent_encoded() {
        assert_eq!(
            percent_encode("drafts/été 2025/a%b:c.md"),
            "drafts/%C3%A9t%C3%A9%202025/a%25b%3Ac.md"
        );
        assert_eq!(
            artifact_location("/tmp/a b.md")["uri"],
            "file:///tmp/a%20b.md"
        );
        assert_eq!(artifact_location("a.md")["uriBaseId"], "%SRCROOT%");
    }
}
