//! `path:line:col: severity[kind] rule: message`, one finding per line.

use crate::workspace::Outcome;

pub fn render(outcome: &Outcome) -> String {
    let mut out = String::new();
    for f in &outcome.findings {
        out.push_str(&format!(
            "{}:{}:{}: {}[{}] {}: {}\n",
            f.path, f.span.line, f.span.column, f.severity, f.kind, f.rule, f.message
        ));
    }
    out
}
