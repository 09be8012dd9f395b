//! `path:line:col: severity[kind] rule: message`, one finding per line.

use crate::escape;
use crate::workspace::Outcome;

pub fn render(outcome: &Outcome) -> String {
    let mut out = Vec::new();
    // Writing into a Vec cannot fail.
    let _ = write(outcome, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// [`render`] written line by line to `w`: a file with many findings is never held
/// rendered in memory.
pub fn write(outcome: &Outcome, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    for f in &outcome.findings {
        w.write_all(
            format!(
                "{}:{}:{}: {}[{}] {}: {}\n",
                escape::path_at_line_start(&f.path),
                f.span.line,
                f.span.column,
                f.severity,
                f.kind,
                escape::line(&f.rule),
                escape::line(&f.message)
            )
            .as_bytes(),
        )?;
    }
    Ok(())
}
