//! `claimlint report`: what only a corpus shows. Claims that contradict each other across
//! documents, the spelling each document uses for each entity (house-style drift), and
//! totals by rule, kind and file.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::check::Checked;
use super::outcome::Outcome;
use crate::checks::claims::Extremes;
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

/// `claim.conflict` across documents: each statement that agrees with what is known but
/// not with a statement of the same rule in an earlier document gets one warning, with a
/// label at that statement. Conflicts within one document are `check`'s.
fn cross_document_conflicts(results: &[Checked]) -> Vec<Finding> {
    let mut out = Vec::new();
    // Per rule: extremes over the statements of the documents already passed, and
    // where each remembered statement is (document, statement).
    type Seen = (Extremes, Vec<(usize, usize)>);
    let mut seen: HashMap<&str, Seen> = HashMap::new();
    for (d, checked) in results.iter().enumerate() {
        let Some(info) = &checked.info else { continue };
        for s in checked.statements.iter().filter(|s| !s.contradicts_facts) {
            let Some((extremes, refs)) = seen.get(s.rule.as_str()) else {
                continue;
            };
            let Some(i) = extremes.disagreeing(&s.interval) else {
                continue;
            };
            let (od, os) = refs[i];
            let Some(other) = results[od].statements.get(os) else {
                continue;
            };
            let other_path = results[od].info.as_ref().map_or("", |i| i.path.as_str());
            let message = format!(
                "the text says {}; {other_path} says {}; {}",
                s.value, other.value, s.about
            );
            out.push(
                Finding::new(
                    info.path.clone(),
                    s.rule.clone(),
                    Kind::ClaimConflict,
                    s.span.clone(),
                    s.text.clone(),
                    message,
                )
                .with_label(Label {
                    span: other.span.clone(),
                    path: other_path.to_owned(),
                    message: format!("{other_path} says {}", other.value),
                })
                .with_help(format!("claimlint explain {}", s.rule))
                .with_primary_label(s.value.to_string()),
            );
        }
        // Only now: a document's own statements never conflict "across documents".
        for (k, s) in checked.statements.iter().enumerate() {
            if s.contradicts_facts {
                continue;
            }
            let (extremes, refs) = seen.entry(s.rule.as_str()).or_default();
            refs.push((d, k));
            extremes.add(refs.len() - 1, s.interval);
        }
    }
    out
}
