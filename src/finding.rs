//! Findings: plain data with byte spans into the original file. Rendering is elsewhere.

use std::fmt;
use std::ops::Range;

use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

macro_rules! kinds {
    ($($variant:ident => $name:literal, $doc:literal;)*) => {
        /// What a finding is about. The names are part of the output contract.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Kind { $(#[doc = $doc] $variant,)* }

        impl Kind {
            pub const ALL: &'static [Kind] = &[$(Kind::$variant,)*];

            pub fn as_str(self) -> &'static str {
                match self { $(Kind::$variant => $name,)* }
            }

            pub fn description(self) -> &'static str {
                match self { $(Kind::$variant => $doc,)* }
            }

            pub fn parse(s: &str) -> Option<Kind> {
                match s { $($name => Some(Kind::$variant),)* _ => None }
            }
        }
    };
}

kinds! {
    SpellingWrong => "spelling.wrong", "a spelling the pack lists as wrong";
    SpellingStyle => "spelling.style", "a known spelling that departs from the house style of the document's language";
    SpellingInconsistent => "spelling.inconsistent", "an entity spelt several ways in one document";
    SpellingNearMiss => "spelling.near-miss", "a word within a few edits of a known name";
    ClaimValue => "claim.value", "a quantity that contradicts what is known";
    ClaimDate => "claim.date", "a date that contradicts what is known";
    ClaimSince => "claim.since", "a start date or duration that contradicts what is known";
    ClaimConflict => "claim.conflict", "two statements of one claim that contradict each other";
    HygieneDuplicate => "hygiene.duplicate", "a repeated sentence or a leftover fragment of one";
    HygieneMarkup => "hygiene.markup", "HTML entities or tags left in the text";
    HygieneQuotes => "hygiene.quotes", "foreign or unbalanced quotation marks";
    HygienePunctuation => "hygiene.punctuation", "punctuation artefacts and spacing";
    InputEncoding => "input.encoding", "a file that is not valid UTF-8 or UTF-16";
    InputBinary => "input.binary", "a binary file, skipped";
    InputUnreadable => "input.unreadable", "a path that could not be read";
    InputMetadata => "input.metadata", "a bad language or date in a document's metadata";
    InputTruncated => "input.truncated", "findings dropped past --max-findings";
    InputChanged => "input.changed", "a file that changed on disk between its check and its fix; not fixed";
    InputUnwritable => "input.unwritable", "fixes or a report that could not be written";
    ConfigError => "config.error", "an error in claimlint.toml or the arguments";
    RulesError => "rules.error", "an error in a rule pack";
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Kind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// A resolved span: byte offsets into the original file, and the 1-based line and column
/// (in Unicode scalar values) of its start. `source` is the same range in the decoded
/// text, which renderers slice; it differs from the byte range only for UTF-16 files.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    #[serde(skip)]
    pub source: Range<usize>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub replacement: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Label {
    pub span: Span,
    pub path: String,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub path: String,
    pub rule: String,
    pub kind: Kind,
    pub severity: Severity,
    pub message: String,
    pub span: Span,
    /// The text the span names, as written in the file.
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<Label>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// The label under the primary span (terminal output only).
    #[serde(skip)]
    pub label: Option<String>,
}

impl Finding {
    /// The order of the output: by file, then offset.
    pub fn sort_key(&self) -> (&str, usize, usize, Kind, &str, &str) {
        (
            &self.path,
            self.span.start,
            self.span.end,
            self.kind,
            &self.rule,
            &self.message,
        )
    }
}

/// Line starts of a text, to turn byte offsets into lines and columns. Char counts are
/// kept at checkpoints so that a column on a long line costs no more than a checkpoint gap.
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// (byte offset on a char boundary, chars before it), every `CHECKPOINT` bytes or so.
    checkpoints: Vec<(usize, usize)>,
}

const CHECKPOINT: usize = 4096;

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        let mut checkpoints = vec![(0, 0)];
        let mut next = CHECKPOINT;
        for (chars, (i, _)) in text.char_indices().enumerate() {
            if i >= next {
                checkpoints.push((i, chars));
                next = i + CHECKPOINT;
            }
        }
        LineIndex {
            starts,
            checkpoints,
        }
    }

    /// Chars in `text` before byte `offset` (a char boundary).
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let idx = self.checkpoints.partition_point(|&(b, _)| b <= offset);
        let (at, count) = self.checkpoints[idx.saturating_sub(1)];
        count + text.get(at..offset).map_or(0, |s| s.chars().count())
    }

    /// 1-based line and column (in chars) of byte `offset` of `text`.
    pub fn position(&self, text: &str, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset);
        let line_start = self.starts[line.saturating_sub(1)];
        let column = self.chars_before(text, offset) - self.chars_before(text, line_start);
        (line, column + 1)
    }
}

/// Resolves a span of a text that is the file itself (packs, configs, UTF-8 documents).
pub fn plain_span(text: &str, lines: &LineIndex, range: Range<usize>) -> Span {
    let (line, column) = lines.position(text, range.start);
    Span {
        start: range.start,
        end: range.end,
        line,
        column,
        source: range,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_on_long_lines() {
        let text = format!("é\n{}Minsk\nx", "à".repeat(10_000));
        let index = LineIndex::new(&text);
        assert_eq!(index.position(&text, 0), (1, 1));
        assert_eq!(index.position(&text, 3), (2, 1));
        let at = text.find("Minsk").expect("present");
        assert_eq!(index.position(&text, at), (2, 10_001));
        assert_eq!(index.position(&text, text.len()), (3, 2));
    }
}
