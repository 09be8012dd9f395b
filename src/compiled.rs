//! Packs compiled once: every known form of every pack in one name automaton, every claim
//! pattern in one anchor index. What the checks read; built before any document.

use std::ops::Range;

use crate::claims::Claims;
use crate::names::Names;
use crate::pack::{self, Pack};
use crate::toml_reader::Problem;

pub struct CompiledPacks {
    pub packs: Vec<Pack>,
    pub names: Names,
    pub claims: Claims,
}

impl CompiledPacks {
    /// Compiles packs. Problems that only show across packs (duplicate pack ids,
    /// references to other packs' entities) come back with the index of the pack.
    pub fn new(packs: Vec<Pack>) -> Result<CompiledPacks, Vec<(usize, Problem)>> {
        let problems = cross_pack_problems(&packs);
        if !problems.is_empty() {
            return Err(problems);
        }
        let claims = Claims::new(&packs)?;
        let names = Names::new(&packs);
        Ok(CompiledPacks {
            packs,
            names,
            claims,
        })
    }

    /// No packs: only the built-in checks apply.
    pub fn empty() -> CompiledPacks {
        CompiledPacks {
            packs: Vec::new(),
            names: Names::new(&[]),
            claims: Claims::default(),
        }
    }
}

fn cross_pack_problems(packs: &[Pack]) -> Vec<(usize, Problem)> {
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
    problems
}

fn pack_id_span(pack: &Pack) -> Range<usize> {
    pack.source
        .find(&format!("\"{}\"", pack.id))
        .map_or(0..0, |i| i..i + pack.id.len() + 2)
}
