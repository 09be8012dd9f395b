//! `rules list`, `explain` and `init`: what the loaded packs know, in words.

use std::fmt::Write as _;
use std::path::Path;

use crate::engine::Engine;
use crate::lang::Lang;
use crate::pack::{ClaimRule, Entity, Known, QuantityBound, Trend};

pub fn list(engine: &Engine) -> String {
    let mut out = String::new();
    for pack in engine.packs() {
        let title = pack.title.as_deref().unwrap_or("");
        let _ = writeln!(out, "{} ({}) {title}", pack.id, pack.path);
        for entity in &pack.entities {
            let _ = writeln!(
                out,
                "  {}/{}  entity  {}",
                pack.id,
                entity.id,
                entity.display_name(Lang::En)
            );
        }
        for claim in &pack.claims {
            let _ = writeln!(out, "  {}/{}  claim  {}", pack.id, claim.id, claim.about);
        }
    }
    for (id, what) in crate::engine::HYGIENE_RULES {
        let _ = writeln!(out, "  hygiene/{id}  built-in  {what}");
    }
    let _ = writeln!(
        out,
        "  {}  built-in  {}",
        crate::drift::RULE,
        crate::drift::DESCRIPTION
    );
    out
}

pub fn explain(engine: &Engine, rule: &str) -> Option<String> {
    if rule == crate::drift::RULE {
        return Some(format!(
            "{rule} (built-in)\n  {}\n",
            crate::drift::DESCRIPTION
        ));
    }
    if let Some(id) = rule.strip_prefix("hygiene/") {
        return crate::engine::HYGIENE_RULES
            .iter()
            .find(|(r, _)| *r == id)
            .map(|(r, what)| format!("hygiene/{r} (built-in)\n  {what}\n"));
    }
    let (pack_id, id) = rule.split_once('/')?;
    let pack = engine.packs().iter().find(|p| p.id == pack_id)?;
    if let Some(entity) = pack.entity(id) {
        return Some(explain_entity(&pack.id, entity));
    }
    pack.claims
        .iter()
        .find(|c| c.id == id)
        .map(|c| explain_claim(&pack.id, c))
}

fn explain_entity(pack: &str, e: &Entity) -> String {
    let mut out = format!("{pack}/{} (entity)\n", e.id);
    for (lang, form) in &e.preferred {
        let _ = writeln!(out, "  house style ({}): {form}", lang.name());
    }
    if !e.variants.is_empty() {
        let _ = writeln!(out, "  accepted variants: {}", e.variants.join(", "));
    }
    if !e.wrong.is_empty() {
        let _ = writeln!(out, "  wrong: {}", e.wrong.join(", "));
    }
    let case = if e.case_sensitive {
        "case-sensitive"
    } else {
        "case-insensitive"
    };
    let _ = writeln!(out, "  near-misses: up to {} edit(s); {case}", e.near_miss);
    out
}

fn explain_claim(pack: &str, c: &ClaimRule) -> String {
    let mut out = format!(
        "{pack}/{} (claim, {})\n  about: {}\n",
        c.id, c.severity, c.about
    );
    if let Some(known) = &c.known {
        let _ = writeln!(out, "  known: {}", describe_known(known));
    }
    if let Some(source) = &c.source {
        let _ = writeln!(out, "  source: {source}");
    }
    for (lang, patterns) in &c.patterns {
        for p in patterns {
            let _ = writeln!(out, "  pattern ({lang}): {}", p.value);
        }
    }
    for (lang, r) in &c.regex {
        let _ = writeln!(out, "  regex ({lang}): {}", r.value);
    }
    for ctx in &c.context {
        let _ = writeln!(out, "  context: {}", ctx.value);
    }
    for r in &c.requires {
        let _ = writeln!(out, "  requires: {}", r.value);
    }
    for e in &c.examples_pass {
        let _ = writeln!(out, "  passes: {}", e.value);
    }
    for e in &c.examples_fail {
        let _ = writeln!(out, "  fails: {}", e.value);
    }
    out
}

pub fn describe_known(known: &Known) -> String {
    match known {
        Known::Since(d) => format!("since {d}"),
        Known::Date(d) => format!("on {}", d.text),
        Known::Quantity(q) => {
            let bound = match q.bound {
                QuantityBound::Exact(n) => match q.tolerance {
                    Some(_) => number(n),
                    None => format!("exactly {}", number(n)),
                },
                QuantityBound::AtLeast(n) => format!("at least {}", number(n)),
                QuantityBound::AtMost(n) => format!("at most {}", number(n)),
                QuantityBound::Range(a, b) => format!("between {} and {}", number(a), number(b)),
                QuantityBound::Approx(n) => format!("about {}", number(n)),
            };
            // The tolerance the check applies (approx defaults to 5 %).
            let tolerance = match (&q.bound, q.tolerance) {
                (QuantityBound::Approx(_), t) => Some(t.unwrap_or(0.05)),
                (_, t) => t,
            };
            let bound = match tolerance {
                Some(t) if t > 0.0 => {
                    format!("{bound} (± {}%)", number((t * 1000.0).round() / 10.0))
                }
                _ => bound,
            };
            let as_of = q.as_of.map(|d| format!(" as of {d}")).unwrap_or_default();
            let trend = match q.trend {
                Trend::Stable => "",
                Trend::Increasing => ", increasing",
                Trend::Decreasing => ", decreasing",
            };
            format!("{bound}{as_of}{trend}")
        }
    }
}

pub fn number(n: f64) -> String {
    crate::expr::format_amount(n)
}

const STARTER_CONFIG: &str = r#"# claimlint configuration (see the README for every key)
rules = ["rules"]           # packs: files or folders, relative to this file
lang = "auto"               # default language of documents that do not declare one
fail_on = "error"           # error | warning | never

[severity]                  # by rule id, by kind, or by pack; "off" disables
# "hygiene/quotes" = "off"
# "spelling.style" = "info"

[files]
include = ["**/*.md", "**/*.txt", "**/*.html"]
exclude = []
"#;

const STARTER_PACK: &str = r#"format = 1

[pack]
id = "example"
title = "An example pack: edit it to hold what your desk knows"
langs = ["fr", "en"]

[[entity]]
id = "valdoria"
preferred = { fr = "Valdorie", en = "Valdoria" }
variants = []
wrong = ["Valdorria"]

[[claim]]
id = "valdoria-population"
about = "the population of Valdoria"
source = "National statistics office, 2025"
quantity = { approx = 2400000, tolerance = 0.05, as_of = "2025-01-01" }
patterns.fr = ["{entity:valdoria} {...} {n} d'habitants"]
patterns.en = ["{entity:valdoria} {...} {n} people"]
examples.pass = ["La Valdorie compte 2,4 millions d'habitants.", "Valdoria, home to 2.4 million people, voted."]
examples.fail = ["La Valdorie compte 5 millions d'habitants."]
"#;

/// Writes a starter config and pack; never overwrites a file.
pub fn init(dir: &Path) -> i32 {
    let config = dir.join("claimlint.toml");
    let pack = dir.join("rules").join("example.toml");
    for path in [&config, &pack] {
        if path.exists() {
            eprintln!("error: {} already exists; nothing written", path.display());
            return 2;
        }
    }
    let written = std::fs::create_dir_all(dir.join("rules"))
        .and_then(|()| std::fs::write(&config, STARTER_CONFIG))
        .and_then(|()| std::fs::write(&pack, STARTER_PACK));
    match written {
        Ok(()) => {
            println!("wrote {} and {}", config.display(), pack.display());
            0
        }
        Err(err) => {
            eprintln!("error: cannot write the starter files: {err}");
            2
        }
    }
}
