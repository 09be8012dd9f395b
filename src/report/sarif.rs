//! SARIF 2.1.0: one run, the rules that fired described in `tool.driver.rules`.

use std::collections::BTreeMap;

use serde_json::{json, Value};

use crate::finding::Severity;
use crate::workspace::Outcome;

pub fn render(outcome: &Outcome) -> String {
    let mut rules: BTreeMap<&str, &crate::finding::Finding> = BTreeMap::new();
    for f in &outcome.findings {
        rules.entry(f.rule.as_str()).or_insert(f);
    }
    let index: BTreeMap<&str, usize> = rules.keys().enumerate().map(|(i, r)| (*r, i)).collect();
    let rule_objects: Vec<Value> = rules
        .values()
        .map(|f| {
            json!({
                "id": f.rule,
                "shortDescription": {"text": format!("{}: {}", f.kind, f.kind.description())},
            })
        })
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
