//! `path:line:col: severity[kind] rule: message`, one finding per line.

use crate::escape;
use crate::workspace::Outcome;

pub fn render(outcome: &Outcome) -> String {
    let mut out = String::new();
    for f in &outcome.findings {
        out.push_str(&format!(
            "{}:{}:{}: {}[{}] {}: {}\n",
            escape::path_at_line_start(&f.path),
            f.span.line,
            f.span.column,
            f.severity,
            f.kind,
            escape::line(&f.rule),
            escape::line(&f.message)
        ));
    }
    out
}
