//! Everything a run produced, sorted, ready to render.

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
    /// The encoding a file was read in, when the run named one or asked to detect it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
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
