//! `claimlint report`: what only a corpus shows. Claims that contradict each other across
//! documents, the spelling each document uses for each entity (house-style drift), and
//! totals by rule, kind and file.

use std::collections::BTreeMap;

use serde::Serialize;

use super::check::Checked;
use super::outcome::Outcome;
use crate::claims::consensus;
use crate::finding::{Finding, Kind, Label, Severity};

/// Finding counts by severity.
#[derive(Clone, Copy, Debug, Default, Serialize, PartialEq, Eq)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Counts {
    fn add(&mut self, severity: Severity) {
        match severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
            Severity::Info => self.infos += 1,
        }
    }

    pub fn total(&self) -> usize {
        self.errors + self.warnings + self.infos
    }
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct Totals {
    pub by_rule: BTreeMap<String, Counts>,
    pub by_kind: BTreeMap<String, Counts>,
    pub by_file: BTreeMap<String, Counts>,
}

/// Per entity (rule id), per document language, per spelling: the documents using it
/// and how often. House style is per language, so drift is too.
pub type Spellings = BTreeMap<String, BTreeMap<String, BTreeMap<String, BTreeMap<String, usize>>>>;

/// Spellings of one entity in one language, by form then document.
pub type Forms = BTreeMap<String, BTreeMap<String, usize>>;

/// A batch report, ready to render.
#[derive(Debug, Default)]
pub struct Batch {
    pub outcome: Outcome,
    pub totals: Totals,
    pub spellings: Spellings,
}

impl Batch {
    /// Entities spelt more than one way across the documents of one language:
    /// (entity, language, forms).
    pub fn drift(&self) -> impl Iterator<Item = (&String, &String, &Forms)> {
        self.spellings.iter().flat_map(|(entity, langs)| {
            langs
                .iter()
                .filter(|(_, forms)| forms.len() > 1)
                .map(move |(lang, forms)| (entity, lang, forms))
        })
    }
}

/// Builds the report from every checked document, in input order. `outcome` already
/// holds the per-document findings (and any pack or config problems).
pub fn build(mut outcome: Outcome, results: &[Checked]) -> Batch {
    outcome.findings.extend(cross_document_conflicts(results));
    outcome.sort();
    let mut totals = Totals::default();
    for f in &outcome.findings {
        totals
            .by_rule
            .entry(f.rule.to_string())
            .or_default()
            .add(f.severity);
        totals
            .by_kind
            .entry(f.kind.to_string())
            .or_default()
            .add(f.severity);
        totals
            .by_file
            .entry(f.path.clone())
            .or_default()
            .add(f.severity);
    }
    for file in &outcome.files {
        totals.by_file.entry(file.path.clone()).or_default();
    }
    let mut spellings = Spellings::new();
    for checked in results {
        let Some(info) = &checked.info else { continue };
        for (entity, form) in &checked.spellings {
            *spellings
                .entry(entity.to_string())
                .or_default()
                .entry(info.lang.clone())
                .or_default()
                .entry(form.clone())
                .or_default()
                .entry(info.path.clone())
                .or_default() += 1;
        }
    }
    Batch {
        outcome,
        totals,
        spellings,
    }
}

/// `claim.conflict` across documents, by consensus ([`consensus::outliers`]): each
/// statement that agrees with what is known but not with the statements most documents
/// support gets one warning, with a label at a statement it contradicts. Conflicts within
/// one document are `check`'s; readings a rule cannot decide between take no part.
fn cross_document_conflicts(results: &[Checked]) -> Vec<Finding> {
    let mut refs = Vec::new();
    let mut input = Vec::new();
    for (d, checked) in results.iter().enumerate() {
        let Some(info) = &checked.info else { continue };
        for (k, s) in checked.statements.iter().enumerate() {
            if !s.contradicts_facts && !s.ambiguous {
                refs.push((d, k));
                input.push(consensus::Statement {
                    rule: &s.rule,
                    document: d,
                    key: &info.path,
                    interval: s.interval,
                });
            }
        }
    }
    let statement = |i: usize| {
        let (d, k) = refs[i];
        let path = results[d].info.as_ref().map_or("", |i| i.path.as_str());
        (path, &results[d].statements[k])
    };
    consensus::outliers(&input)
        .into_iter()
        .map(|o| {
            let (path, s) = statement(o.statement);
            let (other_path, other) = statement(o.against);
            let message = if o.tied {
                format!(
                    "{} documents say {}, as many disagree; this one says {}; {}",
                    o.support, other.value, s.value, s.about
                )
            } else {
                format!(
                    "{} documents say {}; this one says {}; {}",
                    o.support, other.value, s.value, s.about
                )
            };
            Finding::new(
                path,
                s.rule.clone(),
                Kind::ClaimConflict,
                s.span.clone(),
                s.text.clone(),
                message,
            )
            .with_severity(Severity::Warning)
            .with_label(Label {
                span: other.span.clone(),
                path: other_path.to_owned(),
                message: format!("{other_path} says {}", other.value),
            })
            .with_help(format!("claimlint explain {}", s.rule))
            .with_primary_label(s.value.to_string())
        })
        .collect()
}
