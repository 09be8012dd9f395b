//! `json`: one object; `jsonl`: one diagnostic per line, then one line per recognised claim
//! statement (`"type": "statement"`), then a summary line.

use std::io::Write as _;

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

/// `json` written as a run goes, byte for byte what [`render`] writes for the whole run:
/// each file's entry of `files` straight to the output, its diagnostics to a spool (a
/// temporary file), appended after the last file with the summary. Memory stays flat
/// in the number of files; the spool holds the diagnostics on disk.
pub struct JsonStream {
    spool: std::io::BufWriter<std::fs::File>,
    files: usize,
    diagnostics: usize,
}

/// `text` (serde_json's pretty form of one value) with every line but the first
/// indented by `by` spaces, as it stands nested in the report.
fn nested(text: &str, by: usize) -> String {
    let pad = " ".repeat(by);
    text.replace('\n', &format!("\n{pad}"))
}

impl JsonStream {
    /// Writes the opening of the object to `out`; diagnostics go to `spool`.
    pub fn start(out: &mut dyn std::io::Write, spool: std::fs::File) -> std::io::Result<Self> {
        out.write_all(b"{\n  \"version\": 1,\n  \"files\": [")?;
        Ok(JsonStream {
            spool: std::io::BufWriter::new(spool),
            files: 0,
            diagnostics: 0,
        })
    }

    /// One step of the run: its files and diagnostics, in the order `render` lists them.
    pub fn write(
        &mut self,
        out: &mut dyn std::io::Write,
        outcome: &Outcome,
    ) -> std::io::Result<()> {
        for file in &outcome.files {
            let text = crate::escape::json(serde_json::to_string_pretty(file).unwrap_or_default());
            let sep = if self.files == 0 { "\n    " } else { ",\n    " };
            out.write_all(format!("{sep}{}", nested(&text, 4)).as_bytes())?;
            self.files += 1;
        }
        for f in &outcome.findings {
            let text = crate::escape::json(serde_json::to_string_pretty(f).unwrap_or_default());
            let sep = if self.diagnostics == 0 {
                "\n    "
            } else {
                ",\n    "
            };
            self.spool
                .write_all(format!("{sep}{}", nested(&text, 4)).as_bytes())?;
            self.diagnostics += 1;
        }
        Ok(())
    }

    /// Closes `files`, copies the spooled diagnostics and writes the summary.
    pub fn finish(self, out: &mut dyn std::io::Write, summary: Summary) -> std::io::Result<()> {
        use std::io::Seek;
        out.write_all(if self.files == 0 { b"]" } else { b"\n  ]" })?;
        out.write_all(b",\n  \"diagnostics\": [")?;
        let mut spool = self.spool.into_inner().map_err(|e| e.into_error())?;
        spool.flush()?;
        spool.seek(std::io::SeekFrom::Start(0))?;
        std::io::copy(&mut spool, out)?;
        out.write_all(if self.diagnostics == 0 {
            b"]"
        } else {
            b"\n  ]"
        })?;
        let summary = serde_json::to_string_pretty(&summary).unwrap_or_default();
        out.write_all(format!(",\n  \"summary\": {}\n}}\n", nested(&summary, 2)).as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Kind, RuleId, Span};

    fn file(path: &str) -> FileInfo {
        FileInfo {
            path: path.to_owned(),
            lang: "fr".to_owned(),
            lang_source: "cli".to_owned(),
            date: "2025-12-13".to_owned(),
            date_source: "cli".to_owned(),
            encoding: None,
            config: Some("claimlint.toml".to_owned()),
            statements: Vec::new(),
        }
    }

    fn finding(path: &str, message: &str) -> Finding {
        let span = Span {
            start: 0,
            end: 4,
            line: 1,
            column: 1,
            end_line: 1,
            end_column: 5,
            source: 0..4,
        };
        Finding::new(
            path,
            RuleId::new("p", "r"),
            Kind::SpellingWrong,
            span,
            "Mink",
            message,
        )
    }

    fn streamed(steps: &[Outcome], summary: Summary) -> String {
        let mut out = Vec::new();
        let spool = tempfile::tempfile().expect("a temporary file");
        let mut stream = JsonStream::start(&mut out, spool).expect("start");
        for step in steps {
            stream.write(&mut out, step).expect("write");
        }
        stream.finish(&mut out, summary).expect("finish");
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn streamed_json_is_the_rendered_json() {
        let a = Outcome {
            files: vec![file("a.md")],
            findings: vec![
                finding("a.md", "one \u{202e} \"quoted\""),
                finding("a.md", "two"),
            ],
            ..Outcome::default()
        };
        let b = Outcome {
            files: vec![file("b.md")],
            findings: vec![finding("b.md", "three")],
            ..Outcome::default()
        };
        let whole = Outcome {
            files: vec![file("a.md"), file("b.md")],
            findings: [a.findings.clone(), b.findings.clone()].concat(),
            ..Outcome::default()
        };
        assert_eq!(streamed(&[a, b], whole.summary()), render(&whole));
        let empty = Outcome::default();
        assert_eq!(streamed(&[], empty.summary()), render(&empty));
        let files_only = Outcome {
            files: vec![file("a.md")],
            ..Outcome::default()
        };
        assert_eq!(
            streamed(std::slice::from_ref(&files_only), files_only.summary()),
            render(&files_only)
        );
    }
}
