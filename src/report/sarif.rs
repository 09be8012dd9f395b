//! SARIF 2.1.0: one run, the rules that fired described in `tool.driver.rules`.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{json, Value};

use crate::checks::builtin_rules;
use crate::finding::Kind;

use crate::finding::Severity;
use crate::workspace::Outcome;

pub fn render(outcome: &Outcome) -> String {
    // Every rule that fired, with every kind it reported (an entity rule reports
    // `spelling.wrong` and `spelling.style` alike).
    let mut rules: BTreeMap<&str, BTreeSet<Kind>> = BTreeMap::new();
    for f in &outcome.findings {
        rules.entry(f.rule.as_str()).or_default().insert(f.kind);
    }
    let index: BTreeMap<&str, usize> = rules.keys().enumerate().map(|(i, r)| (*r, i)).collect();
    let rule_objects: Vec<Value> = rules
        .iter()
        .map(|(rule, kinds)| rule_descriptor(rule, kinds))
        .collect();
    let results: Vec<Value> = outcome
        .findings
        .iter()
        .map(|f| {
            let level = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "note",
            };
            let mut result = json!({
                "ruleId": f.rule,
                "ruleIndex": index.get(f.rule.as_str()).copied().unwrap_or(0),
                "level": level,
                "message": {"text": f.message},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": f.path},
                        "region": {
                            "byteOffset": f.span.start,
                            "byteLength": f.span.end - f.span.start,
                            "startLine": f.span.line,
                            "startColumn": f.span.column,
                        }
                    }
                }],
                "properties": {"kind": f.kind.as_str()},
            });
            if let Some(fix) = &f.fix {
                result["fixes"] = json!([{
                    "description": {"text": format!("replace with \"{}\"", fix.replacement)},
                    "artifactChanges": [{
                        "artifactLocation": {"uri": f.path},
                        "replacements": [{
                            "deletedRegion": {"byteOffset": f.span.start, "byteLength": f.span.end - f.span.start},
                            "insertedContent": {"text": fix.replacement},
                        }]
                    }]
                }]);
            }
            result
        })
        .collect();
    let sarif = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "claimlint",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rule_objects,
            }},
            "results": results,
        }]
    });
    super::json::to_json(&sarif)
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
