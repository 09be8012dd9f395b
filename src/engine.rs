//! The engine: packs compiled once, then any number of documents checked against them by
//! every registered check.

use crate::checks::{claims::Statement, Context, Sink, CHECKS};
use crate::compiled::CompiledPacks;
use crate::document::Document;
use crate::finding::{Finding, RuleId};
use crate::pack::Pack;
use crate::toml_reader::Problem;

pub struct Engine {
    compiled: CompiledPacks,
}

impl Engine {
    /// Compiles packs. Problems that only show across packs (duplicate pack ids,
    /// references to other packs' entities) come back with the index of the pack. The
    /// packs' own examples are not run here: see [`crate::workspace::selftest`].
    pub fn new(packs: Vec<Pack>) -> Result<Engine, Vec<(usize, Problem)>> {
        CompiledPacks::new(packs).map(|compiled| Engine { compiled })
    }

    /// An engine with no packs: only the built-in checks apply.
    pub fn empty() -> Engine {
        Engine {
            compiled: CompiledPacks::empty(),
        }
    }

    pub fn packs(&self) -> &[Pack] {
        &self.compiled.packs
    }

    /// Every finding of every check for one document, in no particular order.
    pub fn check(&self, doc: &Document) -> Vec<Finding> {
        self.analyse(doc).findings
    }

    /// Everything the engine learns from a document: its findings, and for batch
    /// reports what it asserts and how it spells each entity.
    pub fn analyse(&self, doc: &Document) -> Analysis {
        self.analyse_capped(doc, None, 0)
    }

    /// [`Engine::analyse`] keeping only the diagnostics `keep` accepts, and at most about
    /// `limit` of them (0 = all) while they are produced: the first in text order are
    /// kept, and `dropped` counts the others.
    pub fn analyse_capped(
        &self,
        doc: &Document,
        keep: Option<&dyn Fn(&crate::checks::Diagnostic) -> bool>,
        limit: usize,
    ) -> Analysis {
        let cx = Context::new(doc, &self.compiled);
        let mut sink = Sink {
            keep,
            limit,
            ..Sink::default()
        };
        for check in CHECKS {
            check.run(&cx, &mut sink);
        }
        let mut findings = doc.problems.clone();
        findings.extend(sink.diagnostics.into_iter().map(|d| d.resolve(doc)));
        let spellings = cx
            .mentions
            .iter()
            .filter_map(|m| {
                let form = self.compiled.names.form(*m.forms.first()?);
                let pack = &self.compiled.packs[form.pack];
                Some((
                    RuleId::new(&pack.id, &pack.entities[form.entity].id),
                    form.text.clone(),
                ))
            })
            .collect();
        Analysis {
            findings,
            dropped: sink.dropped,
            patterns_tried: sink.patterns_tried,
            statements: sink.statements,
            spellings,
        }
    }
}

/// What [`Engine::analyse`] learns from one document.
#[derive(Clone, Debug)]
pub struct Analysis {
    pub findings: Vec<Finding>,
    /// Findings dropped while produced, past the limit of [`Engine::analyse_capped`].
    pub dropped: usize,
    /// How many claim patterns were tried on the document's sentences (the matcher's
    /// cost, which depends on the anchors present).
    pub patterns_tried: usize,
    pub statements: Vec<Statement>,
    /// (entity rule id, form) for every mention, in document order.
    pub spellings: Vec<(RuleId, String)>,
}
