//! What the integration tests share: an engine over given or built-in packs, and one
//! document checked with the default config on 2025-12-13.

#![allow(dead_code)] // each test file uses part of it

use claimlint::config::Config;
use claimlint::document::DocOptions;
use claimlint::engine::Engine;
use claimlint::pack::{self, Pack};
use claimlint::report::Outcome;
use claimlint::runner::{self, Checked, Policy};
use claimlint::Lang;

pub const DATE: jiff::civil::Date = jiff::civil::Date::constant(2025, 12, 13);

/// The built-in packs.
pub fn builtin_engine() -> Engine {
    let mut outcome = Outcome::default();
    let packs = runner::load_packs(None, &mut outcome);
    engine(packs)
}

/// One pack from TOML text.
pub fn engine_of(name: &str, toml: &str) -> Engine {
    engine(vec![pack::load(name, toml).expect("test pack loads")])
}

fn engine(packs: Vec<Pack>) -> Engine {
    let mut outcome = Outcome::default();
    runner::build_engine(packs, &mut outcome).expect("test packs compile")
}

/// Checks one document dated 2025-12-13 (unless it says otherwise), in `lang` unless it
/// declares one, with the default config and no finding limit.
pub fn check(engine: &Engine, name: &str, bytes: &[u8], lang: Option<Lang>) -> Checked {
    let config = Config::default();
    let policy = Policy {
        config: &config,
        max_findings: 0,
    };
    let mut opts = DocOptions::new(DATE);
    opts.date = Some(DATE);
    opts.lang = lang.map(|l| (l, "cli"));
    runner::check_bytes(name, bytes, engine, &opts, &policy)
}

/// Moves checked documents into one sorted outcome.
pub fn outcome_of(results: &mut [Checked]) -> Outcome {
    let mut outcome = Outcome::default();
    for checked in results {
        outcome.files.extend(checked.info.clone());
        outcome.findings.append(&mut checked.findings);
        outcome.sources.extend(checked.source.take());
    }
    outcome.sort();
    outcome
}
