//! `claimlint report`: what only a corpus shows. Claims that contradict each other across
//! documents, the spelling each document uses for each entity (house-style drift), and
//! totals by rule, kind and file.

use std::collections::BTreeMap;

use serde::Serialize;

use super::check::Checked;
use super::outcome::Outcome;
use crate::claims::consensus;
use crate::expr::Interval;
use crate::finding::{Finding, Kind, Label, RuleId, Severity, Span};
use crate::pack::Pack;

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
    /// Cross-document conflicts, one group per claim rule with outliers.
    pub conflicts: Vec<ConflictGroup>,
    /// What the packs list for each entity seen in a document (house style per language,
    /// accepted variants, wrong forms), by entity rule id.
    pub house: BTreeMap<String, HouseStyle>,
}

/// One statement quoted: where it is, what it says, and its line for context.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Passage {
    pub path: String,
    pub line: usize,
    pub column: usize,
    /// The statement as written.
    pub text: String,
    /// The value read, in words.
    pub value: String,
    /// The statement's line, clipped to a window around it.
    pub context: String,
}

/// An outlier statement and the consensus statement it contradicts.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct ConflictPair {
    pub outlier: Passage,
    pub consensus: Passage,
}

/// The conflicts of one claim rule across documents.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct ConflictGroup {
    pub rule: String,
    pub about: String,
    /// The consensus value, in words (as one consensus statement reads it).
    pub consensus: String,
    /// How many documents support the consensus.
    pub support: usize,
    /// Several sets of statements tied for the most documents.
    pub tied: bool,
    /// Documents with a statement agreeing with the consensus statement, sorted.
    pub supporting: Vec<String>,
    pub outliers: Vec<ConflictPair>,
}

/// An entity's forms as its pack lists them.
#[derive(Clone, Debug, Default, Serialize, PartialEq)]
pub struct HouseStyle {
    /// The house-style form per language code.
    pub preferred: BTreeMap<String, String>,
    pub variants: Vec<String>,
    pub wrong: Vec<String>,
}

/// What a form is in a language: `house` (the preferred form for that language),
/// `variant` (accepted: a listed variant, or the preferred form of another language),
/// `wrong` (listed wrong) or `unlisted` (not in the pack: a near miss or a hybrid).
pub fn form_role(house: Option<&HouseStyle>, lang: &str, form: &str) -> &'static str {
    let Some(h) = house else { return "unlisted" };
    let same = |a: &str| a.split_whitespace().eq(form.split_whitespace());
    if h.preferred.get(lang).is_some_and(|p| same(p)) {
        "house"
    } else if h.wrong.iter().any(|w| same(w)) {
        "wrong"
    } else if h.variants.iter().any(|v| same(v)) || h.preferred.values().any(|p| same(p)) {
        "variant"
    } else {
        "unlisted"
    }
}

/// One file's rank in the worst-articles table.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Ranked {
    pub path: String,
    #[serde(flatten)]
    pub counts: Counts,
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

    /// Files with findings, worst first: most errors, then most warnings, then most
    /// infos, then by path.
    pub fn worst(&self) -> Vec<Ranked> {
        let mut ranked: Vec<Ranked> = self
            .totals
            .by_file
            .iter()
            .filter(|(_, c)| c.total() > 0)
            .map(|(path, counts)| Ranked {
                path: path.clone(),
                counts: *counts,
            })
            .collect();
        ranked.sort_by(|a, b| {
            (b.counts.errors, b.counts.warnings, b.counts.infos)
                .cmp(&(a.counts.errors, a.counts.warnings, a.counts.infos))
                .then_with(|| a.path.cmp(&b.path))
        });
        ranked
    }

    /// The role of `form` for `entity` in documents of `lang` (see [`form_role`]).
    pub fn form_role(&self, entity: &str, lang: &str, form: &str) -> &'static str {
        form_role(self.house.get(entity), lang, form)
    }
}

/// House style of every entity the packs list, by entity rule id (`PACK/ENTITY`).
pub fn house_styles(packs: &[Pack]) -> BTreeMap<String, HouseStyle> {
    let mut out = BTreeMap::new();
    for pack in packs {
        for e in &pack.entities {
            out.insert(
                format!("{}/{}", pack.id, e.id),
                HouseStyle {
                    preferred: e
                        .preferred
                        .iter()
                        .map(|(l, f)| (l.code().to_owned(), f.clone()))
                        .collect(),
                    variants: e.variants.clone(),
                    wrong: e.wrong.clone(),
                },
            );
        }
    }
    out
}

/// Builds the report from every checked document, in input order. `outcome` already
/// holds the per-document findings (and any pack or config problems).
pub fn build(mut outcome: Outcome, results: &[Checked], packs: &[Pack]) -> Batch {
    let (findings, conflicts) = cross_document_conflicts(results, &outcome.sources);
    outcome.findings.extend(findings);
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
    let mut house = house_styles(packs);
    house.retain(|entity, _| spellings.contains_key(entity));
    Batch {
        outcome,
        totals,
        spellings,
        conflicts,
        house,
    }
}

/// The line holding `span`, clipped to about 160 bytes either side of it.
fn context(source: Option<&String>, span: &Span) -> String {
    let Some(w) = source.and_then(|source| Excerpt::around(source, span.source.clone(), 160))
    else {
        return String::new();
    };
    format!(
        "{}{}{}",
        if w.cut_before { "…" } else { "" },
        w.source[w.from..w.to].trim(),
        if w.cut_after { "…" } else { "" }
    )
}

/// The line around a range of a text, clipped to `radius` bytes on each side (on char
/// boundaries): what reports quote of a finding.
pub struct Excerpt<'a> {
    pub source: &'a str,
    pub from: usize,
    pub to: usize,
    /// The line goes on before `from` / after `to`.
    pub cut_before: bool,
    pub cut_after: bool,
}

impl<'a> Excerpt<'a> {
    pub fn around(source: &'a str, range: std::ops::Range<usize>, radius: usize) -> Option<Self> {
        if range.end > source.len()
            || range.start > range.end
            || !source.is_char_boundary(range.start)
            || !source.is_char_boundary(range.end)
        {
            return None;
        }
        let line_start = source[..range.start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = source[range.end..]
            .find('\n')
            .map_or(source.len(), |i| range.end + i);
        let mut from = line_start.max(range.start.saturating_sub(radius));
        while !source.is_char_boundary(from) {
            from += 1;
        }
        let mut to = line_end.min(range.end + radius);
        while !source.is_char_boundary(to) {
            to -= 1;
        }
        Some(Excerpt {
            source,
            from,
            to,
            cut_before: from > line_start,
            cut_after: to < line_end,
        })
    }
}

/// A claim statement as the cross-document step sees it, owned: documents checked
/// elsewhere (other threads, processes or machines, e.g. the Python package on Spark)
/// can be brought together and given to [`conflicts`].
#[derive(Clone, Debug, PartialEq)]
pub struct CorpusStatement {
    /// The document it comes from (any id; statements of one document never conflict
    /// with each other here).
    pub document: usize,
    /// The document's path, as the outputs show it (also the key that breaks ties).
    pub path: String,
    pub rule: RuleId,
    pub about: String,
    /// The value read, in words.
    pub value: String,
    pub interval: Interval,
    pub span: Span,
    pub text: String,
    /// The statement's line, clipped to a window around it ([`Passage::context`]).
    pub context: String,
}

/// The statements of a checked document that take part in cross-document consensus
/// (those not already reported against what is known, with one reading), in the
/// document's order. `source` is the document's decoded text, for the quoted context.
pub fn corpus_statements(
    document: usize,
    checked: &Checked,
    source: Option<&String>,
) -> Vec<CorpusStatement> {
    let Some(info) = &checked.info else {
        return Vec::new();
    };
    checked
        .statements
        .iter()
        .filter(|s| !s.contradicts_facts && !s.ambiguous)
        .map(|s| CorpusStatement {
            document,
            path: info.path.clone(),
            rule: s.rule.clone(),
            about: s.about.clone(),
            value: s.value.to_string(),
            interval: s.interval,
            span: s.span.clone(),
            text: s.text.clone(),
            context: context(source, &s.span),
        })
        .collect()
}

/// `claim.conflict` across documents, by consensus ([`consensus::outliers`]): each
/// statement that agrees with what is known but not with the statements most documents
/// support gets one warning, with a label at a statement it contradicts. Conflicts within
/// one document are `check`'s; readings a rule cannot decide between take no part.
fn cross_document_conflicts(
    results: &[Checked],
    sources: &BTreeMap<String, String>,
) -> (Vec<Finding>, Vec<ConflictGroup>) {
    let statements: Vec<CorpusStatement> = results
        .iter()
        .enumerate()
        .flat_map(|(d, checked)| {
            let source = checked.info.as_ref().and_then(|i| sources.get(&i.path));
            corpus_statements(d, checked, source)
        })
        .collect();
    conflicts(&statements)
}

/// Cross-document conflicts among `statements` (the statements of every document, in
/// the documents' order): the `claim.conflict` findings and one group per claim rule
/// with outliers, sorted by rule. What `claimlint report` computes.
pub fn conflicts(statements: &[CorpusStatement]) -> (Vec<Finding>, Vec<ConflictGroup>) {
    let input: Vec<consensus::Statement<'_>> = statements
        .iter()
        .map(|s| consensus::Statement {
            rule: &s.rule,
            document: s.document,
            key: &s.path,
            interval: s.interval,
        })
        .collect();
    let statement = |i: usize| {
        let s = &statements[i];
        (s.path.as_str(), s)
    };
    let outliers = consensus::outliers(&input);
    let passage = |i: usize| {
        let (path, s) = statement(i);
        Passage {
            path: path.to_owned(),
            line: s.span.line,
            column: s.span.column,
            text: s.text.clone(),
            value: s.value.clone(),
            context: s.context.clone(),
        }
    };
    let outlying: std::collections::BTreeSet<usize> =
        outliers.iter().map(|o| o.statement).collect();
    let mut groups: BTreeMap<String, ConflictGroup> = BTreeMap::new();
    for o in &outliers {
        let (_, s) = statement(o.statement);
        let (_, against) = statement(o.against);
        let group = groups.entry(s.rule.to_string()).or_insert_with(|| {
            let mut supporting: Vec<String> = (0..input.len())
                .filter(|&i| {
                    input[i].rule == input[o.against].rule
                        && !outlying.contains(&i)
                        && input[i].interval.intersects(&against.interval)
                })
                .map(|i| input[i].key.to_owned())
                .collect();
            supporting.sort();
            supporting.dedup();
            ConflictGroup {
                rule: s.rule.to_string(),
                about: s.about.clone(),
                consensus: against.value.to_string(),
                support: o.support,
                tied: o.tied,
                supporting,
                outliers: Vec::new(),
            }
        });
        group.outliers.push(ConflictPair {
            outlier: passage(o.statement),
            consensus: passage(o.against),
        });
    }
    let groups: Vec<ConflictGroup> = groups
        .into_values()
        .map(|mut g| {
            g.outliers.sort_by(|a, b| {
                (&a.outlier.path, a.outlier.line, a.outlier.column).cmp(&(
                    &b.outlier.path,
                    b.outlier.line,
                    b.outlier.column,
                ))
            });
            g
        })
        .collect();
    let findings = outliers
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
        .collect();
    (findings, groups)
}
