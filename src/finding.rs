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
    ($($variant:ident => $name:literal, $severity:ident, $autofix:literal, $doc:literal;)*) => {
        /// What a finding is about. The names are part of the output contract.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Kind { $(#[doc = $doc] $variant,)* }

        impl Kind {
            pub const ALL: &'static [Kind] = &[$(Kind::$variant,)*];

            pub fn as_str(self) -> &'static str {
                match self { $(Kind::$variant => $name,)* }
            }

            /// One line: what a finding of this kind says is wrong.
            pub fn description(self) -> &'static str {
                match self { $(Kind::$variant => $doc,)* }
            }

            /// The severity of a finding of this kind unless a rule or the config says
            /// otherwise (claim rules carry their own).
            pub fn default_severity(self) -> Severity {
                match self { $(Kind::$variant => Severity::$severity,)* }
            }

            /// Whether `check --fix` applies the fixes of this kind (others are shown only).
            pub fn autofix(self) -> bool {
                match self { $(Kind::$variant => $autofix,)* }
            }

            pub fn parse(s: &str) -> Option<Kind> {
                match s { $($name => Some(Kind::$variant),)* _ => None }
            }
        }
    };
}

// The registry of finding kinds: name, default severity, whether `--fix` applies its
// fixes, and what it means. `explain KIND`, SARIF descriptions and the kinds table of
// docs/KINDS.md come from here (a test fails when the docs drift).
kinds! {
    SpellingWrong => "spelling.wrong", Error, true, "a spelling the pack lists as wrong";
    SpellingStyle => "spelling.style", Warning, true, "a known spelling that departs from the house style of the document's language";
    SpellingInconsistent => "spelling.inconsistent", Warning, true, "an entity spelt several ways in one document";
    SpellingNearMiss => "spelling.near-miss", Warning, true, "a word within a few edits of a known name";
    ClaimValue => "claim.value", Error, false, "a quantity that contradicts what is known";
    ClaimDate => "claim.date", Error, false, "a date that contradicts what is known";
    ClaimSince => "claim.since", Error, false, "a start date or duration that contradicts what is known";
    ClaimConflict => "claim.conflict", Warning, false, "two statements of one claim that contradict each other";
    HygieneDuplicate => "hygiene.duplicate", Error, false, "a repeated sentence or a leftover fragment of one";
    HygieneMarkup => "hygiene.markup", Error, false, "HTML entities or tags left in the text";
    HygieneQuotes => "hygiene.quotes", Warning, false, "foreign or unbalanced quotation marks";
    HygienePunctuation => "hygiene.punctuation", Warning, false, "punctuation artefacts and spacing";
    HygieneInvisible => "hygiene.invisible", Warning, false, "invisible characters: controls, bidi controls, zero-width characters or soft hyphens inside words";
    InputEncoding => "input.encoding", Error, false, "a file that is not valid UTF-8 or UTF-16";
    InputBinary => "input.binary", Info, false, "a binary file, skipped";
    InputUnreadable => "input.unreadable", Error, false, "a path that could not be read";
    InputSkipped => "input.skipped", Info, false, "a path that is not a regular file (a FIFO, socket or device), skipped unread";
    InputMetadata => "input.metadata", Error, false, "a bad language or date in a document's metadata";
    InputTruncated => "input.truncated", Info, false, "findings dropped past --max-findings";
    InputSuppression => "input.suppression", Warning, false, "a suppression comment that names no loaded rule, kind or pack";
    InputChanged => "input.changed", Error, false, "a file that changed on disk between its check and its fix; not fixed";
    InputUnwritable => "input.unwritable", Error, false, "fixes or a report that could not be written";
    ConfigError => "config.error", Error, false, "an error in claimlint.toml or the arguments";
    RulesError => "rules.error", Error, false, "an error in a rule pack";
}

impl Kind {
    /// Findings of these kinds mean the run could not be trusted (exit status 2).
    pub fn is_untrusted(self) -> bool {
        matches!(
            self,
            Kind::ConfigError
                | Kind::RulesError
                | Kind::InputEncoding
                | Kind::InputUnreadable
                | Kind::InputMetadata
                | Kind::InputChanged
                | Kind::InputUnwritable
        )
    }
}

/// A rule's full id, `PACK/RULE` (`belarus/minsk`, `hygiene/quotes`), as diagnostics,
/// suppressions and the config name it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct RuleId(String);

impl RuleId {
    pub fn new(pack: &str, rule: &str) -> RuleId {
        RuleId(format!("{pack}/{rule}"))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The pack part of the id.
    pub fn pack(&self) -> &str {
        self.0.split_once('/').map_or(self.0.as_str(), |(p, _)| p)
    }
}

impl std::ops::Deref for RuleId {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

/// An id outside any pack (`config`).
impl From<&str> for RuleId {
    fn from(id: &str) -> RuleId {
        RuleId(id.to_owned())
    }
}

impl PartialEq<str> for RuleId {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<String> for RuleId {
    fn eq(&self, other: &String) -> bool {
        self.0 == *other
    }
}

impl PartialEq<&str> for RuleId {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for RuleId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
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
/// (in Unicode scalar values) of its start and of its end (exclusive). `source` is the same
/// range in the decoded text, which renderers slice; it differs from the byte range only for
/// UTF-16 files.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    #[serde(skip)]
    pub end_line: usize,
    #[serde(skip)]
    pub end_column: usize,
    #[serde(skip)]
    pub source: Range<usize>,
}

impl Span {
    /// The start of a file: where findings about a whole file point.
    pub fn file_start() -> Span {
        Span {
            start: 0,
            end: 0,
            line: 1,
            column: 1,
            end_line: 1,
            end_column: 1,
            source: 0..0,
        }
    }
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
    pub rule: RuleId,
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
    /// A finding with its kind's default severity; add the rest with the `with_` methods.
    pub fn new(
        path: impl Into<String>,
        rule: RuleId,
        kind: Kind,
        span: Span,
        text: impl Into<String>,
        message: impl Into<String>,
    ) -> Finding {
        Finding {
            path: path.into(),
            rule,
            kind,
            severity: kind.default_severity(),
            message: message.into(),
            span,
            text: text.into(),
            fix: None,
            labels: Vec::new(),
            help: None,
            label: None,
        }
    }

    /// A finding about a whole file (at its start): unreadable, binary, truncated output.
    pub fn about_file(path: &str, rule: RuleId, kind: Kind, message: impl Into<String>) -> Finding {
        Finding::new(path, rule, kind, Span::file_start(), "", message)
    }

    pub fn with_severity(mut self, severity: Severity) -> Finding {
        self.severity = severity;
        self
    }

    pub fn with_fix(mut self, replacement: impl Into<String>) -> Finding {
        self.fix = Some(Fix {
            replacement: replacement.into(),
        });
        self
    }

    /// A secondary label (the earlier sentence, the majority variant, the other claim).
    pub fn with_label(mut self, label: Label) -> Finding {
        self.labels.push(label);
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Finding {
        self.help = Some(help.into());
        self
    }

    /// The label under the primary span.
    pub fn with_primary_label(mut self, label: impl Into<String>) -> Finding {
        self.label = Some(label.into());
        self
    }

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
    /// (byte offset on a char boundary, chars before it, UTF-16 code units before it),
    /// every `CHECKPOINT` bytes or so.
    checkpoints: Vec<(usize, usize, usize)>,
}

const CHECKPOINT: usize = 4096;

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let starts = line_starts(text);
        let mut checkpoints = vec![(0, 0, 0)];
        let mut next = CHECKPOINT;
        let mut units = 0;
        for (chars, (i, c)) in text.char_indices().enumerate() {
            if i >= next {
                checkpoints.push((i, chars, units));
                next = i + CHECKPOINT;
            }
            units += c.len_utf16();
        }
        LineIndex {
            starts,
            checkpoints,
        }
    }

    /// Chars in `text` before byte `offset` (a char boundary).
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let idx = self.checkpoints.partition_point(|&(b, _, _)| b <= offset);
        let (at, count, _) = self.checkpoints[idx.saturating_sub(1)];
        count + text.get(at..offset).map_or(0, |s| s.chars().count())
    }

    /// UTF-16 code units in `text` (the text this index was built on) before byte
    /// `offset`, counted from the nearest checkpoint: what [`utf16_offset`] says, in time
    /// independent of the offset.
    pub fn units_before(&self, text: &str, offset: usize) -> usize {
        let offset = char_floor(text, offset);
        let idx = self.checkpoints.partition_point(|&(b, _, _)| b <= offset);
        let (at, _, units) = self.checkpoints[idx.saturating_sub(1)];
        units + text.get(at..offset).map_or(0, utf16_len)
    }

    /// 1-based line and column (in chars) of byte `offset` of `text`. A byte-order mark
    /// opening the text is no column.
    pub fn position(&self, text: &str, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset);
        let line_start = self.starts[line.saturating_sub(1)];
        let mut column = self.chars_before(text, offset) - self.chars_before(text, line_start);
        if line_start == 0 && offset > 0 && text.starts_with('\u{FEFF}') {
            column -= 1;
        }
        (line, column + 1)
    }
}

impl LineIndex {
    /// 0-based line and column in UTF-16 code units of byte `offset` of `text`, as the
    /// Language Server Protocol counts positions (an offset inside a character counts from
    /// its start).
    pub fn utf16_position(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = char_floor(text, offset);
        let line = self
            .starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1);
        let start = self.starts.get(line).copied().unwrap_or(0).min(offset);
        // Counted from checkpoints: a long line costs no more than a checkpoint gap.
        (
            line,
            self.units_before(text, offset) - self.units_before(text, start),
        )
    }

    /// The byte offset of a 0-based line and UTF-16 column, clamped to the line's end
    /// (its line break excluded) and to character boundaries.
    pub fn utf16_offset(&self, text: &str, line: usize, column: usize) -> usize {
        let Some(&start) = self.starts.get(line) else {
            return text.len();
        };
        let end = self.starts.get(line + 1).copied().unwrap_or(text.len());
        let line_text = text[start..end].trim_end_matches(['\n', '\r']);
        let mut units = 0;
        for (i, c) in line_text.char_indices() {
            if units >= column {
                return start + i;
            }
            units += c.len_utf16();
        }
        start + line_text.len()
    }
}

/// Length of `text` in UTF-16 code units.
pub fn utf16_len(text: &str) -> usize {
    text.chars().map(char::len_utf16).sum()
}

/// UTF-16 code units of `text` before byte `offset` (from the start of the text).
pub fn utf16_offset(text: &str, offset: usize) -> usize {
    utf16_len(&text[..char_floor(text, offset)])
}

fn char_floor(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Byte offsets where lines start: after `\n`, and after a `\r` not followed by `\n` (old
/// Mac line ends, still found in CMS exports).
pub fn line_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = vec![0];
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
            starts.push(i + 1);
        }
    }
    starts
}

/// Resolves a span of a text that is the file itself (packs, configs, UTF-8 documents).
pub fn plain_span(text: &str, lines: &LineIndex, range: Range<usize>) -> Span {
    let (line, column) = lines.position(text, range.start);
    let (end_line, end_column) = lines.position(text, range.end);
    Span {
        start: range.start,
        end: range.end,
        line,
        column,
        end_line,
        end_column,
        source: range,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_counts_from_checkpoints_agree_with_counting_from_the_start() {
        // Lines far longer than a checkpoint gap, astral and accented characters.
        let text = format!("{}\n{}", "é😀a".repeat(3000), "b😀".repeat(2000));
        let lines = LineIndex::new(&text);
        let second = text.find('\n').map_or(0, |n| n + 1);
        for offset in (0..=text.len()).step_by(7) {
            assert_eq!(
                lines.units_before(&text, offset),
                utf16_offset(&text, offset)
            );
            let at = char_floor(&text, offset);
            let (line, column) = lines.utf16_position(&text, offset);
            let start = if at >= second { second } else { 0 };
            assert_eq!(
                (line, column),
                (usize::from(at >= second), utf16_len(&text[start..at]))
            );
        }
    }

    #[test]
    fn utf16_positions_count_surrogate_pairs() {
        let text = "é😀x\r\nab😀c\rz";
        let lines = LineIndex::new(text);
        let x = text.find('x').unwrap_or(0);
        assert_eq!(lines.utf16_position(text, x), (0, 3));
        assert_eq!(utf16_offset(text, x), 3);
        let c = text.find('c').unwrap_or(0);
        assert_eq!(lines.utf16_position(text, c), (1, 4));
        assert_eq!(lines.utf16_offset(text, 1, 4), c);
        assert_eq!(lines.utf16_offset(text, 0, 99), x + 1);
        let z = text.find('z').unwrap_or(0);
        assert_eq!(lines.utf16_position(text, z), (2, 0));
        assert_eq!(lines.utf16_offset(text, 7, 0), text.len());
    }

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

    #[test]
    fn cr_only_line_ends_and_a_bom() {
        let text = "a\rbc\r\nd\re";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, text.find('b').unwrap_or(0)), (2, 1));
        assert_eq!(index.position(text, text.find('d').unwrap_or(0)), (3, 1));
        assert_eq!(index.position(text, text.find('e').unwrap_or(0)), (4, 1));
        let bom = "\u{FEFF}Minsk";
        let index = LineIndex::new(bom);
        assert_eq!(index.position(bom, 3), (1, 1));
        assert_eq!(index.position(bom, 4), (1, 2));
    }
}
