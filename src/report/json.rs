//! `json`: one object; `jsonl`: one diagnostic per line, then one line per recognised claim
//! statement (`"type": "statement"`), then a summary line.

use serde::Serialize;

use crate::finding::Finding;
use crate::workspace::{FileInfo, Outcome, Summary};

/// The `json` object; the batch report's JSON extends it.
#[derive(Serialize)]
pub(super) struct Report<'a> {
    version: u32,
    files: &'a [FileInfo],
    diagnostics: &'a [Finding],
    summary: Summary,
}

impl<'a> Report<'a> {
    pub(super) fn of(outcome: &'a Outcome) -> Report<'a> {
        Report {
            version: 1,
            files: &outcome.files,
            diagnostics: &outcome.findings,
            summary: outcome.summary(),
        }
    }
}

/// Pretty JSON with a final line break, no control character raw.
pub(super) fn to_json(value: &impl Serialize) -> String {
    let mut out = crate::escape::json(serde_json::to_string_pretty(value).unwrap_or_default());
    out.push('\n');
    out
}

#[derive(Serialize)]
struct SummaryLine {
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(flatten)]
    summary: Summary,
}

#[derive(Serialize)]
struct StatementLine<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    path: &'a str,
    #[serde(flatten)]
    statement: &'a crate::workspace::StatementInfo,
}

pub fn render(outcome: &Outcome) -> String {
    to_json(&Report::of(outcome))
}

pub fn render_lines(outcome: &Outcome) -> String {
    let mut out = render_lines_body(outcome);
    out.push_str(&summary_line(outcome.summary()));
    out
}

/// The diagnostic and statement lines of `outcome`, without the summary line: a run that
/// streams writes them file by file, then [`summary_line`].
pub fn render_lines_body(outcome: &Outcome) -> String {
    let mut out = Vec::new();
    // Writing into a Vec cannot fail.
    let _ = write_lines_body(outcome, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// [`render_lines_body`] written line by line to `w`: a file with many findings is never
/// held rendered in memory.
pub fn write_lines_body(outcome: &Outcome, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    for f in &outcome.findings {
        let line = crate::escape::json(serde_json::to_string(f).unwrap_or_default());
        w.write_all(line.as_bytes())?;
        w.write_all(b"\n")?;
    }
    for file in &outcome.files {
        for statement in &file.statements {
            let line = StatementLine {
                kind: "statement",
                path: &file.path,
                statement,
            };
            let line = crate::escape::json(serde_json::to_string(&line).unwrap_or_default());
            w.write_all(line.as_bytes())?;
            w.write_all(b"\n")?;
        }
    }
    Ok(())
}

/// The last line of `jsonl`: `{"type":"summary",…}`.
pub fn summary_line(summary: Summary) -> String {
    let line = SummaryLine {
        kind: "summary",
        summary,
    };
    let mut out = serde_json::to_string(&line).unwrap_or_default();
    out.push('\n');
    out
}
