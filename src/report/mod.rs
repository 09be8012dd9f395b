//! Renderers: findings in, bytes out. One file per output format; none decides anything.

pub mod batch;
pub mod github;
pub mod html;
pub mod json;
pub mod pretty;
pub mod sarif;
pub mod short;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::finding::{Finding, Severity};

/// A checked document, as the `files` array of the JSON output shows it.
#[derive(Clone, Debug, Serialize)]
pub struct FileInfo {
    pub path: String,
    pub lang: String,
    pub lang_source: String,
    pub date: String,
    pub date_source: String,
}

/// Everything a run produced, sorted, ready to render.
#[derive(Debug, Default)]
pub struct Outcome {
    pub files: Vec<FileInfo>,
    pub findings: Vec<Finding>,
    /// Decoded text of every file a finding points into (documents, packs, configs).
    pub sources: BTreeMap<String, String>,
}

#[derive(Clone, Copy, Debug, Default, Serialize, PartialEq, Eq)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Outcome {
    pub fn sort(&mut self) {
        self.findings
            .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        self.files.sort_by(|a, b| a.path.cmp(&b.path));
    }

    pub fn summary(&self) -> Summary {
        let count = |s: Severity| self.findings.iter().filter(|f| f.severity == s).count();
        Summary {
            files: self.files.len(),
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            infos: count(Severity::Info),
        }
    }
}

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
    pub min_severity: Severity,
}

pub fn render(outcome: &Outcome, format: OutputFormat, pretty: PrettyOptions) -> String {
    match format {
        OutputFormat::Pretty => pretty::render(outcome, pretty),
        OutputFormat::Short => short::render(outcome),
        OutputFormat::Json => json::render(outcome),
        OutputFormat::Jsonl => json::render_lines(outcome),
        OutputFormat::Sarif => sarif::render(outcome),
        OutputFormat::Github => github::render(outcome),
    }
}
