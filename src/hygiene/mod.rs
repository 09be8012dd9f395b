//! Built-in checks of the `hygiene` pack: duplicated sentences, markup debris,
//! foreign or unbalanced quotation marks, and punctuation artefacts.
//!
//! Every check works on byte ranges of the checked text and never panics:
//! ranges handed in by the caller are clamped onto char boundaries first.

mod duplicate;
mod entities;
mod markup;
mod punctuation;
mod quotes;

use std::ops::Range;

use crate::sentence::clamp_to_chars;
use crate::Lang;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Check {
    DuplicateSentence,
    Markup,
    Quotes,
    Punctuation,
}

impl Check {
    /// The rule's id within the `hygiene` pack.
    pub fn rule_id(self) -> &'static str {
        match self {
            Check::DuplicateSentence => "duplicate-sentence",
            Check::Markup => "markup",
            Check::Quotes => "quotes",
            Check::Punctuation => "punctuation",
        }
    }

    /// The finding kind reported for this check.
    pub fn kind(self) -> &'static str {
        match self {
            Check::DuplicateSentence => "hygiene.duplicate",
            Check::Markup => "hygiene.markup",
            Check::Quotes => "hygiene.quotes",
            Check::Punctuation => "hygiene.punctuation",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct HygieneFinding {
    pub check: Check,
    /// Bytes in the text: exactly the offending characters; never empty.
    pub range: Range<usize>,
    /// Says what is wrong and what to write instead.
    pub message: String,
    /// Short label under the span.
    pub label: String,
    /// Replacement for `range`, only where certain.
    pub fix: Option<String>,
    /// Secondary label (e.g. the earlier sentence).
    pub related: Option<(Range<usize>, String)>,
}

impl HygieneFinding {
    fn new(check: Check, range: Range<usize>, message: String, label: &str) -> Self {
        HygieneFinding {
            check,
            range,
            message,
            label: label.to_string(),
            fix: None,
            related: None,
        }
    }

    fn with_fix(mut self, fix: impl Into<String>) -> Self {
        self.fix = Some(fix.into());
        self
    }

    fn with_related(mut self, range: Range<usize>, label: &str) -> Self {
        self.related = Some((range, label.to_string()));
        self
    }
}

/// Runs every hygiene check over `text`. `paragraphs` and `sentences` are
/// byte ranges into `text` (see [`crate::sentence::sentences`]); markup,
/// quotes and punctuation are looked for inside the paragraphs only.
/// Findings are sorted by `range.start`, then by check.
pub fn check(
    text: &str,
    lang: Lang,
    paragraphs: &[Range<usize>],
    sentences: &[Range<usize>],
) -> Vec<HygieneFinding> {
    let paragraphs: Vec<Range<usize>> = paragraphs
        .iter()
        .filter_map(|p| clamp_to_chars(text, p.clone()))
        .collect();
    let sentences: Vec<Range<usize>> = sentences
        .iter()
        .filter_map(|s| clamp_to_chars(text, s.clone()))
        .collect();

    let mut findings = duplicate::check(text, &sentences);
    let mut markup_spans = Vec::new();
    for paragraph in &paragraphs {
        let markup = markup::check(text, paragraph.clone());
        markup_spans.extend(markup.iter().map(|f| f.range.clone()));
        findings.extend(markup);
        findings.extend(quotes::check(text, paragraph.clone(), lang));
    }
    markup_spans.sort_by_key(|r| r.start);
    for paragraph in &paragraphs {
        findings.extend(punctuation::check(
            text,
            paragraph.clone(),
            lang,
            &markup_spans,
        ));
    }
    findings.sort_by(|a, b| {
        (a.range.start, a.check, a.range.end).cmp(&(b.range.start, b.check, b.range.end))
    });
    // Overlapping paragraphs from the caller would report the same thing twice.
    findings.dedup();
    findings
}

/// Quotes a piece of text for a message, shortened when long.
fn shown(s: &str) -> String {
    const MAX: usize = 40;
    if s.chars().count() <= MAX {
        format!("\"{s}\"")
    } else {
        let head: String = s.chars().take(MAX).collect();
        format!("\"{head}…\"")
    }
}

/// How to name a character in a message: itself when visible, else its code point.
fn describe_char(c: char) -> String {
    match c {
        '\u{A0}' => "a no-break space (U+00A0)".to_string(),
        '\u{202F}' => "a narrow no-break space (U+202F)".to_string(),
        '\u{AD}' => "a soft hyphen (U+00AD)".to_string(),
        c if c.is_whitespace() || c.is_control() || is_invisible(c) => {
            format!("U+{:04X}", c as u32)
        }
        c => c.to_string(),
    }
}

fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
}

#[cfg(test)]
mod tests;
