//! GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`.

use crate::escape;
use crate::finding::{Finding, Severity};
use crate::workspace::Outcome;

/// Errors first, then warnings, then notices (GitHub shows only the first few of each
/// kind per step: the ones shown are the ones that matter), each in file order. A span
/// over several lines carries no columns, as GitHub asks.
pub fn render(outcome: &Outcome) -> String {
    let mut findings: Vec<&Finding> = outcome.findings.iter().collect();
    // Stable: the outcome's order within each severity.
    findings.sort_by_key(|f| std::cmp::Reverse(f.severity));
    let mut out = String::new();
    for f in findings {
        let level = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let position = if f.span.end_line > f.span.line {
            format!("line={},endLine={}", f.span.line, f.span.end_line)
        } else {
            let end_column = f.span.end_column.max(f.span.column);
            format!(
                "line={},col={},endLine={},endColumn={end_column}",
                f.span.line, f.span.column, f.span.line
            )
        };
        out.push_str(&format!(
            "::{level} file={},{position},title={}::{}\n",
            escape_property(&f.path),
            escape_property(&format!("{} ({})", f.kind, f.rule)),
            escape_data(&f.message)
        ));
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Kind, RuleId, Span};

    fn finding(line: usize, end_line: usize, kind: Kind) -> Finding {
        let span = Span {
            start: 0,
            end: 5,
            line,
            column: 3,
            end_line,
            end_column: 2,
            source: 0..5,
        };
        Finding::new("a.md", RuleId::new("p", "r"), kind, span, "x", "m")
    }

    #[test]
    fn errors_come_first_and_multiline_spans_have_no_columns() {
        let outcome = Outcome {
            findings: vec![
                finding(1, 1, Kind::SpellingStyle),
                finding(2, 4, Kind::SpellingWrong),
            ],
            ..Outcome::default()
        };
        let out = render(&outcome);
        let lines: Vec<&str> = out.lines().collect();
        assert!(
            lines[0].starts_with("::error file=a.md,line=2,endLine=4,title="),
            "{out}"
        );
        assert!(!lines[0].contains("col="), "{out}");
        assert!(
            lines[1].starts_with("::warning file=a.md,line=1,col=3,endLine=1,endColumn=3,"),
            "{out}"
        );
    }
}
