//! The engine: packs compiled once, then any number of documents checked against them.

use crate::document::Document;
use crate::finding::Finding;
use crate::names::{self, Names};
use crate::pack::{self, Pack};
use crate::spelling;
use crate::toml_reader::Problem;

pub struct Engine {
    packs: Vec<Pack>,
    names: Names,
}

impl Engine {
    /// Compiles packs. Problems that only show across packs (duplicate pack ids,
    /// references to other packs' entities) come back with the index of the pack.
    pub fn new(packs: Vec<Pack>) -> Result<Engine, Vec<(usize, Problem)>> {
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
        let names = Names::new(&packs);
        Ok(Engine { packs, names })
    }

    pub fn packs(&self) -> &[Pack] {
        &self.packs
    }

    /// Every finding of every pack for one document, in no particular order.
    pub fn check(&self, doc: &Document) -> Vec<Finding> {
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
        findings
    }
}

fn pack_id_span(pack: &Pack) -> std::ops::Range<usize> {
    pack.source
        .find(&format!("\"{}\"", pack.id))
        .map_or(0..0, |i| i..i + pack.id.len() + 2)
}
