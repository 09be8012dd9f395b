//! The engine: packs compiled once, then any number of documents checked against them.

use crate::claims::Asserted;
use crate::claims::{self, Claims, DocTokens};
use crate::document::Document;
use crate::expr::Interval;
use crate::finding::{Finding, Fix, Kind, Label, Severity, Span};
use crate::hygiene::{self, Check};
use crate::names::{self, Names};
use crate::pack::{self, Pack};
use crate::sentence;
use crate::spelling;
use crate::toml_reader::Problem;

/// The built-in `hygiene` pack: rule id and what it checks.
pub const HYGIENE_RULES: &[(&str, &str)] = &[
    (
        "duplicate-sentence",
        "a sentence repeated in the document, or a leftover prefix of an earlier one",
    ),
    (
        "markup",
        "HTML entities or tags left in the text, double-escaped entities in HTML",
    ),
    (
        "quotes",
        "quotation marks foreign to the document's language, quotes left open in a paragraph",
    ),
    (
        "punctuation",
        "stray artefacts, doubled spaces, the language's spacing before ; : ! ? and inside « »",
    ),
];

pub struct Engine {
    packs: Vec<Pack>,
    names: Names,
    claims: Claims,
}

impl Engine {
    /// Compiles packs. Problems that only show across packs (duplicate pack ids,
    /// references to other packs' entities) come back with the index of the pack.
    /// Packs whose claim examples fail do not load: each failing example is a problem.
    pub fn new(packs: Vec<Pack>) -> Result<Engine, Vec<(usize, Problem)>> {
        let engine = Engine::without_self_tests(packs)?;
        let today = crate::document::today();
        let problems: Vec<(usize, Problem)> = (0..engine.packs.len())
            .flat_map(|p| {
                claims::selftest::run(&engine, p, today)
                    .into_iter()
                    .filter(|r| !r.ok)
                    .map(move |r| (p, r.problem()))
            })
            .collect();
        if problems.is_empty() {
            Ok(engine)
        } else {
            Err(problems)
        }
    }

    /// Compiles packs without running their examples (for `rules test`, which reports them).
    pub fn without_self_tests(packs: Vec<Pack>) -> Result<Engine, Vec<(usize, Problem)>> {
        let mut problems = Vec::new();
        for (i, pack) in packs.iter().enumerate() {
            if packs[..i].iter().any(|p| p.id == pack.id) {
                problems.push((
                    i,
                    Problem::new(
                        pack_id_span(pack),
                        format!("pack id \"{}\" is used by another loaded pack", pack.id),
                        "duplicate pack id",
                    ),
                ));
            }
            for (reference, span) in pack::entity_references(pack) {
                if let Some((pack_id, entity_id)) = reference.split_once('/') {
                    let found = packs
                        .iter()
                        .any(|p| p.id == pack_id && p.entity(entity_id).is_some());
                    if !found {
                        problems.push((i, pack::unknown_entity(&reference, span)));
                    }
                }
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let claims = Claims::new(&packs)?;
        let names = Names::new(&packs);
        Ok(Engine {
            packs,
            names,
            claims,
        })
    }

    /// An engine with no packs: only the built-in checks apply.
    pub fn empty() -> Engine {
        Engine {
            names: Names::new(&[]),
            packs: Vec::new(),
            claims: Claims::default(),
        }
    }

    pub fn packs(&self) -> &[Pack] {
        &self.packs
    }

    /// Every finding of every pack for one document, in no particular order.
    pub fn check(&self, doc: &Document) -> Vec<Finding> {
        self.analyse(doc).findings
    }

    /// [`Engine::check`], and how many claim patterns were tried on the document's
    /// sentences (the matcher's cost, which depends on the anchors present).
    pub fn check_counting(&self, doc: &Document) -> (Vec<Finding>, usize) {
        let analysis = self.analyse(doc);
        (analysis.findings, analysis.patterns_tried)
    }

    /// Everything the engine learns from a document: its findings, and for batch
    /// reports what it asserts and how it spells each entity.
    pub fn analyse(&self, doc: &Document) -> Analysis {
        let active: Vec<bool> = self.packs.iter().map(|p| p.applies_to(doc.lang)).collect();
        let spaced = names::normalize_spaces(&doc.text);
        let folded = names::fold(&spaced);
        let mentions = self.names.mentions(&doc.text, &folded, &active);
        let words = names::words(&doc.text);
        let near = self
            .names
            .near_misses(&doc.text, &words, &mentions, &active);
        let mut findings = doc.problems.clone();
        findings.extend(spelling::check(
            doc,
            &self.packs,
            &self.names,
            &mentions,
            &near,
        ));
        let sentences: Vec<_> = doc
            .paragraphs
            .iter()
            .flat_map(|p| sentence::sentences(&doc.text, p.clone(), doc.lang))
            .collect();
        findings.extend(hygiene_findings(doc, &sentences));
        let tokens = DocTokens::new(
            &doc.text,
            doc.lang,
            doc.year(),
            &sentences,
            &self.names,
            &mentions,
            &near,
        );
        let matches = self.claims.find(&tokens, &active);
        let claim_findings =
            claims::check::check(doc, &self.packs, &self.claims, &matches.instances).findings;
        let statements = matches
            .instances
            .iter()
            .filter_map(|instance| {
                let value = instance.value.filter(|_| !instance.ambiguous)?;
                let compiled = &self.claims.rules[instance.rule];
                let pack = &self.packs[compiled.pack];
                let rule = &pack.claims[compiled.claim];
                let id = format!("{}/{}", pack.id, rule.id);
                let span = doc.span(instance.range.clone());
                let flagged = claim_findings.iter().any(|f| {
                    f.rule == id && f.span.start == span.start && f.kind != Kind::ClaimConflict
                });
                Some(Statement {
                    text: doc.source_text(&span).to_owned(),
                    rule: id,
                    about: rule.about.clone(),
                    value,
                    interval: claims::check::comparable_across(&value, doc.date),
                    span,
                    contradicts_facts: flagged,
                })
            })
            .collect();
        findings.extend(claim_findings);
        let spellings = mentions
            .iter()
            .filter_map(|m| {
                let form = self.names.form(*m.forms.first()?);
                let pack = &self.packs[form.pack];
                Some((
                    format!("{}/{}", pack.id, pack.entities[form.entity].id),
                    form.text.clone(),
                ))
            })
            .collect();
        Analysis {
            findings,
            patterns_tried: matches.patterns_tried,
            statements,
            spellings,
        }
    }
}

/// What [`Engine::analyse`] learns from one document.
#[derive(Clone, Debug)]
pub struct Analysis {
    pub findings: Vec<Finding>,
    pub patterns_tried: usize,
    pub statements: Vec<Statement>,
    /// (entity rule id, form) for every mention, in document order.
    pub spellings: Vec<(String, String)>,
}

/// One claim instance with a value, as a batch report compares them across documents.
#[derive(Clone, Debug)]
pub struct Statement {
    pub rule: String,
    pub about: String,
    pub value: Asserted,
    /// See [`claims::check::comparable_across`].
    pub interval: Interval,
    pub span: Span,
    pub text: String,
    /// Already reported against what is known (`claim.value`/`date`/`since`).
    pub contradicts_facts: bool,
}

fn hygiene_findings(doc: &Document, sentences: &[std::ops::Range<usize>]) -> Vec<Finding> {
    hygiene::check(&doc.text, doc.lang, &doc.paragraphs, sentences)
        .into_iter()
        .map(|h| {
            let kind = match h.check {
                Check::DuplicateSentence => Kind::HygieneDuplicate,
                Check::Markup => Kind::HygieneMarkup,
                Check::Quotes => Kind::HygieneQuotes,
                Check::Punctuation => Kind::HygienePunctuation,
            };
            let span = doc.span(h.range.clone());
            let labels = h
                .related
                .map(|(range, message)| Label {
                    span: doc.span(range),
                    path: doc.path.clone(),
                    message,
                })
                .into_iter()
                .collect();
            let help = h.fix.as_ref().map(|f| format!("write \"{f}\" instead"));
            let text = doc.source_text(&span).to_owned();
            // In HTML the checked text is decoded once: what shows as "&ldquo;" was
            // written "&amp;ldquo;" — say so, with the source as the user wrote it.
            let message = if doc.format == crate::format::Format::Html
                && h.check == Check::Markup
                && text.starts_with("&amp;")
            {
                let shown = &doc.text[h.range.clone()];
                match &h.fix {
                    Some(fix) => format!(
                        "double-escaped HTML entity \"{text}\" shows as \"{shown}\": write {fix}"
                    ),
                    None => format!("double-escaped HTML \"{text}\" shows as \"{shown}\""),
                }
            } else if doc.format == crate::format::Format::Html
                && h.check == Check::Markup
                && text.starts_with("&lt;")
            {
                let shown = &doc.text[h.range.clone()];
                format!("escaped HTML tag \"{text}\" shows as \"{shown}\" in the page: remove it")
            } else {
                h.message
            };
            Finding {
                path: doc.path.clone(),
                rule: format!("hygiene/{}", h.check.rule_id()),
                kind,
                severity: Severity::Warning,
                message,
                text,
                span,
                fix: h.fix.map(|replacement| Fix { replacement }),
                labels,
                help,
                label: Some(h.label),
            }
        })
        .collect()
}

fn pack_id_span(pack: &Pack) -> std::ops::Range<usize> {
    pack.source
        .find(&format!("\"{}\"", pack.id))
        .map_or(0..0, |i| i..i + pack.id.len() + 2)
}
