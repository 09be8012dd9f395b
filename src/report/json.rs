//! `json`: one object; `jsonl`: one diagnostic per line, then a summary line.

use serde::Serialize;

use super::{FileInfo, Outcome, Summary};
use crate::finding::Finding;

#[derive(Serialize)]
struct Report<'a> {
    version: u32,
    files: &'a [FileInfo],
    diagnostics: &'a [Finding],
    summary: Summary,
}

#[derive(Serialize)]
struct SummaryLine {
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(flatten)]
    summary: Summary,
}

pub fn render(outcome: &Outcome) -> String {
    let report = Report {
        version: 1,
        files: &outcome.files,
        diagnostics: &outcome.findings,
        summary: outcome.summary(),
    };
    let mut out = serde_json::to_string_pretty(&report).unwrap_or_default();
    out.push('\n');
    out
}

pub fn render_lines(outcome: &Outcome) -> String {
    let mut out = String::new();
    for f in &outcome.findings {
        out.push_str(&serde_json::to_string(f).unwrap_or_default());
        out.push('\n');
    }
    let line = SummaryLine {
        kind: "summary",
        summary: outcome.summary(),
    };
    out.push_str(&serde_json::to_string(&line).unwrap_or_default());
    out.push('\n');
    out
}
