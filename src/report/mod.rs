//! Renderers: findings in, bytes out. One file per output format; none decides anything.

pub mod batch;
pub mod github;
pub mod html;
pub mod json;
pub mod pretty;
pub mod sarif;
pub mod short;
pub mod summary;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputFormat {
    Pretty,
    Short,
    Json,
    Jsonl,
    Sarif,
    Github,
}

/// Options of the terminal renderer.
#[derive(Clone, Copy, Debug)]
pub struct PrettyOptions {
    pub color: bool,
    pub width: usize,
    /// End with a one-line count of files and findings.
    pub summary: bool,
    /// Findings below this severity are counted in each file's header but not shown
    /// (`check --min-severity`, `--quiet`).
    pub min_severity: crate::finding::Severity,
    /// List every recognised claim statement with its verdict (`check --show-claims`).
    pub show_claims: bool,
}

pub fn render(
    outcome: &crate::workspace::Outcome,
    format: OutputFormat,
    pretty: PrettyOptions,
) -> String {
    match format {
        OutputFormat::Pretty => pretty::render(outcome, pretty),
        OutputFormat::Short => short::render(outcome),
        OutputFormat::Json => json::render(outcome),
        OutputFormat::Jsonl => json::render_lines(outcome),
        OutputFormat::Sarif => sarif::render(outcome),
        OutputFormat::Github => github::render(outcome),
    }
}
