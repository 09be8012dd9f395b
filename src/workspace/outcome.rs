//! Everything a run produced, sorted, ready to render.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::finding::{Finding, Severity, Span};

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
    /// The config file the document was checked under (an extension of the JSON output);
    /// absent when none applied.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub config: Option<String>,
    /// Every claim statement recognised in the document, with its verdict: "no finding"
    /// told apart from "not checked".
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub statements: Vec<StatementInfo>,
}

/// A recognised claim statement, as the outputs list it.
#[derive(Clone, Debug, Serialize)]
pub struct StatementInfo {
    pub rule: String,
    pub span: Span,
    /// The statement as written in the file.
    pub text: String,
    /// The value read, in words ("more than 40 years", "about 200").
    pub value: String,
    /// What is known at the document's date; absent when the rule knows nothing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub known: Option<String>,
    /// `agrees`, `contradicts` or `unknown`.
    pub verdict: &'static str,
    /// The sentence gave several readings the rule cannot decide between.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub ambiguous: bool,
}

impl FileInfo {
    /// (checked, agree, contradict, unknown) over the document's statements.
    pub fn claim_counts(&self) -> (usize, usize, usize, usize) {
        let count = |v: &str| self.statements.iter().filter(|s| s.verdict == v).count();
        (
            self.statements.len(),
            count("agrees"),
            count("contradicts"),
            count("unknown"),
        )
    }
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
