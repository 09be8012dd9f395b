//! The checks: one contract ([`Check`]), one per-document [`Context`] computed once, one
//! [`Sink`] they report into, and one table ([`CHECKS`]) that registers them.
//!
//! A check reports [`Diagnostic`]s over ranges of the checked text; the engine resolves
//! them once into [`Finding`]s (spans of the original file, severities, text).
//! Adding a built-in check is one file that implements [`Check`] and one line in
//! [`CHECKS`].

pub mod claims;
pub mod drift;
pub mod hygiene;
pub mod spelling;
#[cfg(test)]
mod tester;

use std::ops::Range;
use std::sync::OnceLock;

use crate::compiled::CompiledPacks;
use crate::document::Document;
use crate::finding::{Finding, Kind, Label, RuleId, Severity};
use crate::names::{self, Mention, NearMiss};
use crate::sentence::{self, clamp_to_chars};

/// Every check the engine runs, in order. Register a new check here.
pub static CHECKS: &[&dyn Check] = &[
    &spelling::Spelling,
    &drift::Unlisted,
    &hygiene::duplicate::DuplicateSentence,
    &hygiene::markup::Markup,
    &hygiene::quotes::Quotes,
    &hygiene::punctuation::Punctuation,
    &hygiene::invisible::Invisible,
    &claims::ClaimRules,
];

/// One check: reads a document's [`Context`], reports into a [`Sink`].
pub trait Check: Sync {
    /// The built-in rule this check reports under; `None` for checks whose rules come
    /// from packs (spelling, claims).
    fn builtin(&self) -> Option<&'static BuiltinRule> {
        None
    }

    fn run(&self, cx: &Context<'_>, sink: &mut Sink);
}

/// A built-in rule (packs `hygiene`, `spelling`), with what `explain` and the docs say of it.
#[derive(Debug)]
pub struct BuiltinRule {
    /// The full id, `hygiene/NAME` or `spelling/NAME`.
    pub id: &'static str,
    pub kind: Kind,
    /// One line: what it reports.
    pub summary: &'static str,
    /// A paragraph for `explain`: what it reports, what it leaves alone, how to fix it.
    pub doc: &'static str,
}

impl BuiltinRule {
    /// The id within the pack (`quotes` for `hygiene/quotes`).
    pub fn name(&self) -> &'static str {
        self.id.split_once('/').map_or(self.id, |(_, n)| n)
    }
}

/// The built-in rules, in registration order.
pub fn builtin_rules() -> impl Iterator<Item = &'static BuiltinRule> {
    CHECKS.iter().filter_map(|c| c.builtin())
}

/// The kinds and built-in rules as Markdown tables: `docs/KINDS.md` is this text, and a
/// test fails when it drifts.
pub fn registry_markdown() -> String {
    use std::fmt::Write as _;
    let mut out = String::from(
        "# Finding kinds and built-in rules\n\n\
         Generated from the registry (`Kind` in `src/finding.rs`, the checks in \
         `src/checks/`); `cargo test --test docs` fails when this page drifts, and \
         `UPDATE_DOCS=1 cargo test --test docs` rewrites it.\n\n\
         ## Kinds\n\n\
         | kind | default severity | `--fix` applies | what |\n|---|---|---|---|\n",
    );
    for kind in Kind::ALL {
        let fix = if kind.autofix() { "yes" } else { "" };
        let _ = writeln!(
            out,
            "| `{kind}` | {} | {fix} | {} |",
            kind.default_severity(),
            kind.description()
        );
    }
    out.push_str("\n## Built-in rules (pack `hygiene`)\n\n| rule | kind | what |\n|---|---|---|\n");
    for rule in builtin_rules() {
        let _ = writeln!(
            out,
            "| `{}` | `{}` | {} |",
            rule.id, rule.kind, rule.summary
        );
    }
    for rule in builtin_rules() {
        let _ = write!(out, "\n### `{}`\n\n{}\n", rule.id, rule.doc);
    }
    out
}

/// What a check says about a range of the checked text.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    pub rule: RuleId,
    pub kind: Kind,
    /// Bytes of the checked text: exactly the offending characters.
    pub range: Range<usize>,
    pub message: String,
    /// Short label under the span.
    pub label: String,
    /// Replacement for `range`, only where certain.
    pub fix: Option<String>,
    /// Secondary labels (the earlier sentence, the majority variant, the other claim).
    pub related: Vec<(Range<usize>, String)>,
    pub help: Option<String>,
    /// `None`: the kind's default severity.
    pub severity: Option<Severity>,
}

impl Diagnostic {
    pub fn new(rule: RuleId, kind: Kind, range: Range<usize>, message: String) -> Diagnostic {
        Diagnostic {
            rule,
            kind,
            range,
            message,
            label: String::new(),
            fix: None,
            related: Vec::new(),
            help: None,
            severity: None,
        }
    }

    /// A diagnostic of a built-in rule, with its label.
    pub fn builtin(
        rule: &BuiltinRule,
        range: Range<usize>,
        message: String,
        label: &str,
    ) -> Diagnostic {
        Diagnostic::new(RuleId::from(rule.id), rule.kind, range, message).with_label(label)
    }

    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = label.into();
        self
    }

    pub fn with_fix(mut self, fix: impl Into<String>) -> Self {
        self.fix = Some(fix.into());
        self
    }

    pub fn with_related(mut self, range: Range<usize>, label: impl Into<String>) -> Self {
        self.related.push((range, label.into()));
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = Some(severity);
        self
    }

    /// The finding this says, with spans of the original file.
    pub fn resolve(self, doc: &Document) -> Finding {
        let span = doc.span(self.range);
        let text = doc.source_text(&span).to_owned();
        let mut finding = Finding::new(
            doc.path.clone(),
            self.rule,
            self.kind,
            span,
            text,
            self.message,
        );
        if let Some(severity) = self.severity {
            finding = finding.with_severity(severity);
        }
        if !self.label.is_empty() {
            finding = finding.with_primary_label(self.label);
        }
        let help = self.help.or_else(|| self.fix.as_deref().map(fix_help));
        if let Some(fix) = self.fix {
            finding = finding.with_fix(fix);
        }
        if let Some(help) = help {
            finding = finding.with_help(help);
        }
        for (range, message) in self.related {
            finding = finding.with_label(Label {
                span: doc.span(range),
                path: doc.path.clone(),
                message,
            });
        }
        finding
    }
}

/// "write X instead", naming the spaces a reader cannot see and saying "remove" for an
/// empty fix.
fn fix_help(fix: &str) -> String {
    if fix.is_empty() {
        return "remove it".to_owned();
    }
    let mut invisible = Vec::new();
    for c in fix.chars() {
        let name = match c {
            '\u{A0}' => "a no-break space (U+00A0)",
            '\u{202F}' => "a narrow no-break space (U+202F)",
            _ => continue,
        };
        if !invisible.contains(&name) {
            invisible.push(name);
        }
    }
    if invisible.is_empty() {
        format!("write \"{fix}\" instead")
    } else {
        format!("write \"{fix}\" instead, with {}", invisible.join(" and "))
    }
}

/// Where checks report: diagnostics, and the claim statements the claims check read.
#[derive(Default)]
pub struct Sink<'a> {
    pub diagnostics: Vec<Diagnostic>,
    pub statements: Vec<claims::Statement>,
    /// Claim patterns tried on the document's sentences (the matcher's cost).
    pub patterns_tried: usize,
    /// Which diagnostics to keep (suppressions, severities set to `off`); `None` keeps all.
    pub keep: Option<&'a dyn Fn(&Diagnostic) -> bool>,
    /// Keep at most this many diagnostics, the first in text order (0 = all): a document
    /// with millions of findings never holds more than about twice the limit.
    pub limit: usize,
    /// Diagnostics dropped past `limit`.
    pub dropped: usize,
}

impl Sink<'_> {
    pub fn report(&mut self, diagnostic: Diagnostic) {
        if self.keep.is_some_and(|keep| !keep(&diagnostic)) {
            return;
        }
        self.diagnostics.push(diagnostic);
        if self.limit > 0 && self.diagnostics.len() >= self.limit.saturating_mul(2).max(1024) {
            self.compact();
        }
    }

    /// Keeps the first `limit` diagnostics in text order.
    fn compact(&mut self) {
        self.diagnostics.sort_by(|a, b| {
            (a.range.start, a.range.end, a.kind, &a.rule, &a.message).cmp(&(
                b.range.start,
                b.range.end,
                b.kind,
                &b.rule,
                &b.message,
            ))
        });
        self.dropped += self.diagnostics.len().saturating_sub(self.limit);
        self.diagnostics.truncate(self.limit);
    }
}

impl Extend<Diagnostic> for Sink<'_> {
    fn extend<I: IntoIterator<Item = Diagnostic>>(&mut self, iter: I) {
        for diagnostic in iter {
            self.report(diagnostic);
        }
    }
}

/// What every check may read about one document, computed once.
pub struct Context<'a> {
    pub doc: &'a Document,
    pub packs: &'a CompiledPacks,
    /// Per pack: does it apply to the document's language.
    pub active: Vec<bool>,
    /// Paragraphs and sentences: ranges of the checked text, on char boundaries.
    pub paragraphs: Vec<Range<usize>>,
    pub sentences: Vec<Range<usize>>,
    /// Mentions of known forms, and near-misses of them.
    pub mentions: Vec<Mention>,
    pub near: Vec<NearMiss>,
    markup: OnceLock<Vec<Diagnostic>>,
}

impl<'a> Context<'a> {
    pub fn new(doc: &'a Document, packs: &'a CompiledPacks) -> Context<'a> {
        let paragraphs = doc.paragraphs.clone();
        let sentences = paragraphs
            .iter()
            .flat_map(|p| sentence::sentences(&doc.text, p.clone(), doc.lang))
            .collect();
        Context::with_blocks(doc, packs, paragraphs, sentences)
    }

    /// A context over given paragraphs and sentences (clamped onto char boundaries).
    pub fn with_blocks(
        doc: &'a Document,
        packs: &'a CompiledPacks,
        paragraphs: Vec<Range<usize>>,
        sentences: Vec<Range<usize>>,
    ) -> Context<'a> {
        let text = &doc.text;
        let clamp = |ranges: Vec<Range<usize>>| -> Vec<Range<usize>> {
            ranges
                .into_iter()
                .filter_map(|r| clamp_to_chars(text, r))
                .collect()
        };
        let active: Vec<bool> = packs.packs.iter().map(|p| p.applies_to(doc.lang)).collect();
        // Names are read in the word view when the text hides invisible characters
        // inside words, and their ranges mapped back onto the checked text.
        let (mentions, near) = match doc.word_view() {
            None => read_names(packs, text, &active),
            Some(view) => {
                let (mut mentions, mut near) = read_names(packs, &view.text, &active);
                for m in &mut mentions {
                    m.range = view.text_range(m.range.clone());
                }
                for n in &mut near {
                    n.range = view.text_range(n.range.clone());
                }
                (mentions, near)
            }
        };
        Context {
            doc,
            packs,
            active,
            paragraphs: clamp(paragraphs),
            sentences: clamp(sentences),
            mentions,
            near,
            markup: OnceLock::new(),
        }
    }

    pub fn text(&self) -> &'a str {
        &self.doc.text
    }

    /// Words of the text (runs of letters and digits, inner hyphens included), read as
    /// names are (through invisible characters inside words), one at a time: a list of
    /// them would cost 16 bytes a word.
    pub fn words(&self) -> Box<dyn Iterator<Item = Range<usize>> + 'a> {
        match self.doc.word_view() {
            None => Box::new(names::word_ranges(&self.doc.text)),
            Some(view) => Box::new(names::word_ranges(&view.text).map(|w| view.text_range(w))),
        }
    }

    /// Markup debris in the paragraphs: reported by `hygiene/markup`, and skipped by
    /// `hygiene/punctuation` (a broken entity's " ;" is not a spacing problem).
    pub fn markup(&self) -> &[Diagnostic] {
        self.markup
            .get_or_init(|| hygiene::markup::scan(self.doc, &self.paragraphs))
    }
}

/// Mentions of known forms and near-misses in `text`, read a stretch at a time (see
/// [`sentence::SEGMENT`]): the space-normalised and folded copies and the word list are
/// a stretch's, not the document's. Stretches are cut at a sentence's start where one is
/// near, else between two words; only a multi-word name straddling a cut (one every
/// megabyte of a paragraph) is read as its words.
fn read_names(packs: &CompiledPacks, text: &str, active: &[bool]) -> (Vec<Mention>, Vec<NearMiss>) {
    let mut mentions = Vec::new();
    let mut near = Vec::new();
    for stretch in sentence::name_segments(text, sentence::SEGMENT) {
        let Some(part) = text.get(stretch.clone()) else {
            continue;
        };
        let spaced = names::normalize_spaces(part);
        let folded = names::fold(&spaced);
        let found = packs.names.mentions(part, &folded, active);
        let words = names::words(part);
        let missed = packs.names.near_misses(part, &words, &found, active);
        let shift = |r: Range<usize>| r.start + stretch.start..r.end + stretch.start;
        mentions.extend(found.into_iter().map(|m| Mention {
            range: shift(m.range),
            forms: m.forms,
        }));
        near.extend(missed.into_iter().map(|n| NearMiss {
            range: shift(n.range),
            ..n
        }));
    }
    (mentions, near)
}
