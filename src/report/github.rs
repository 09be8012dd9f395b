//! GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`.

use crate::escape;
use crate::finding::Severity;
use crate::workspace::Outcome;

pub fn render(outcome: &Outcome) -> String {
    let mut out = String::new();
    for f in &outcome.findings {
        let level = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let (end_line, end_column) = end_position(outcome, f);
        out.push_str(&format!(
            "::{level} file={},line={},col={},endLine={end_line},endColumn={end_column},title={}::{}\n",
            escape_property(&f.path),
            f.span.line,
            f.span.column,
            escape_property(&format!("{} ({})", f.kind, f.rule)),
            escape_data(&f.message)
        ));
    }
    out
}

fn end_position(outcome: &Outcome, f: &crate::finding::Finding) -> (usize, usize) {
    let Some(source) = outcome.sources.get(&f.path) else {
        return (f.span.line, f.span.column);
    };
    let text = source.get(f.span.source.clone()).unwrap_or_default();
    let newlines = text.matches('\n').count();
    if newlines == 0 {
        (f.span.line, f.span.column + text.chars().count())
    } else {
        let last = text.rsplit('\n').next().unwrap_or_default();
        (f.span.line + newlines, last.chars().count() + 1)
    }
}

/// Workflow-command data: every control escaped first (`\x1b`, `\u{202e}`: the log
/// viewer shows them as written), then `%`, CR and LF as the runner wants them.
fn escape_data(s: &str) -> String {
    escape::line(s)
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}
