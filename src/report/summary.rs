//! The Markdown summary a GitHub Actions job shows on its page (`$GITHUB_STEP_SUMMARY`):
//! the counts, the files with the most errors, and every error, so that findings past
//! GitHub's cap on annotations are still seen.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::finding::Severity;
use crate::workspace::Outcome;

/// Files listed in the "worst files" table.
const WORST_FILES: usize = 10;
/// Errors listed one by one; the rest are counted.
const MAX_ERRORS: usize = 500;

pub fn render(outcome: &Outcome) -> String {
    let summary = outcome.summary();
    let mut out = String::from("## claimlint\n\n");
    let _ = writeln!(
        out,
        "{} files checked: **{} errors**, {} warnings, {} infos.\n",
        summary.files, summary.errors, summary.warnings, summary.infos
    );
    let mut per_file: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for f in &outcome.findings {
        let counts = per_file.entry(f.path.as_str()).or_default();
        match f.severity {
            Severity::Error => counts.0 += 1,
            Severity::Warning => counts.1 += 1,
            Severity::Info => {}
        }
    }
    let mut worst: Vec<(&str, (usize, usize))> =
        per_file.into_iter().filter(|(_, c)| *c != (0, 0)).collect();
    worst.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    if !worst.is_empty() {
        out.push_str("| file | errors | warnings |\n|---|---:|---:|\n");
        for (path, (errors, warnings)) in worst.iter().take(WORST_FILES) {
            let _ = writeln!(out, "| `{}` | {errors} | {warnings} |", cell(path));
        }
        out.push('\n');
    }
    let errors: Vec<_> = outcome
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    if !errors.is_empty() {
        out.push_str("### Errors\n\n");
        for f in errors.iter().take(MAX_ERRORS) {
            let _ = writeln!(
                out,
                "- `{}:{}:{}` **{}** `{}`: {}",
                cell(&f.path),
                f.span.line,
                f.span.column,
                f.kind,
                cell(&f.rule),
                text(&f.message)
            );
        }
        if errors.len() > MAX_ERRORS {
            let _ = writeln!(out, "- … and {} more errors", errors.len() - MAX_ERRORS);
        }
        out.push('\n');
    }
    out
}

/// Text inside backticks: a backtick or a line break would end it.
fn cell(s: &str) -> String {
    s.chars()
        .map(|c| if c == '`' || c.is_control() { ' ' } else { c })
        .collect()
}

/// Prose of a message: no raw HTML, no line breaks, no control characters.
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Finding, Kind, RuleId, Span};

    #[test]
    fn lists_every_error_and_escapes_what_it_quotes() {
        let mut outcome = Outcome::default();
        for (path, kind) in [("a.md", Kind::SpellingWrong), ("b.md", Kind::SpellingStyle)] {
            outcome.findings.push(Finding::new(
                path,
                RuleId::new("p", "r"),
                kind,
                Span::file_start(),
                "x",
                "bad <script> `x`\nline",
            ));
        }
        let summary = render(&outcome);
        assert!(summary.contains("**1 errors**"));
        assert!(summary.contains("- `a.md:1:1` **spelling.wrong** `p/r`: bad &lt;script&gt;"));
        assert!(
            !summary.contains("b.md:1:1"),
            "warnings are counted, not listed"
        );
        assert!(!summary.contains("<script>") && !summary.contains("\nline"));
    }
}
