//! `rules list` and `explain`: what the loaded packs and the built-in rules know, in words.

use std::fmt::Write as _;

use claimlint::checks::{builtin_rules, BuiltinRule};
use claimlint::pack::describe::describe_known;
use claimlint::pack::{ClaimRule, Entity};
use claimlint::{Engine, Kind, Lang};

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
    for rule in builtin_rules() {
        let _ = writeln!(out, "  {}  built-in  {}", rule.id, rule.summary);
    }
    out
}

/// The loaded packs and rules, and the built-in rules, as JSON.
pub fn list_json(engine: &Engine) -> String {
    let packs: Vec<serde_json::Value> = engine
        .packs()
        .iter()
        .map(|pack| {
            let entities: Vec<serde_json::Value> = pack
                .entities
                .iter()
                .map(|e| {
                    serde_json::json!({
                        "id": format!("{}/{}", pack.id, e.id),
                        "type": "entity",
                        "preferred": e.preferred.iter().map(|(l, f)| (l.code(), f)).collect::<std::collections::BTreeMap<_, _>>(),
                        "variants": e.variants,
                        "wrong": e.wrong,
                    })
                })
                .collect();
            let claims: Vec<serde_json::Value> = pack
                .claims
                .iter()
                .map(|c| {
                    serde_json::json!({
                        "id": format!("{}/{}", pack.id, c.id),
                        "type": "claim",
                        "about": c.about,
                        "known": c.known.as_ref().map(describe_known),
                        "source": c.source,
                        "severity": c.severity,
                    })
                })
                .collect();
            serde_json::json!({
                "id": pack.id,
                "path": pack.path,
                "title": pack.title,
                "rules": entities.into_iter().chain(claims).collect::<Vec<_>>(),
            })
        })
        .collect();
    let builtin: Vec<serde_json::Value> = builtin_rules()
        .map(|r| {
            serde_json::json!({
                "id": r.id,
                "type": "built-in",
                "kind": r.kind.as_str(),
                "severity": r.kind.default_severity(),
                "summary": r.summary,
            })
        })
        .collect();
    let kinds: Vec<serde_json::Value> = Kind::ALL
        .iter()
        .map(|k| {
            serde_json::json!({
                "kind": k.as_str(),
                "severity": k.default_severity(),
                "autofix": k.autofix(),
                "description": k.description(),
            })
        })
        .collect();
    let value =
        serde_json::json!({"version": 1, "packs": packs, "builtin": builtin, "kinds": kinds});
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

/// What a rule id (`PACK/RULE`, `hygiene/RULE`) or a finding kind (`spelling.style`) means.
pub fn explain(engine: &Engine, id: &str) -> Option<String> {
    if let Some(kind) = Kind::parse(id) {
        return Some(explain_kind(kind));
    }
    if let Some(rule) = builtin_rules().find(|r| r.id == id) {
        return Some(explain_builtin(rule));
    }
    let (pack_id, id) = id.split_once('/')?;
    let pack = engine.packs().iter().find(|p| p.id == pack_id)?;
    if let Some(entity) = pack.entity(id) {
        return Some(explain_entity(&pack.id, entity));
    }
    pack.claims
        .iter()
        .find(|c| c.id == id)
        .map(|c| explain_claim(&pack.id, c))
}

fn explain_builtin(rule: &BuiltinRule) -> String {
    format!(
        "{} (built-in, {}, {})\n  {}\n\n{}\n",
        rule.id,
        rule.kind,
        rule.kind.default_severity(),
        rule.summary,
        wrap(rule.doc, 88)
    )
}

fn explain_kind(kind: Kind) -> String {
    let mut out = format!(
        "{kind} (finding kind, {} by default)\n  {}\n",
        kind.default_severity(),
        kind.description()
    );
    if kind.autofix() {
        out.push_str("  fixes are applied by claimlint check --fix\n");
    }
    for rule in builtin_rules().filter(|r| r.kind == kind) {
        let _ = writeln!(out, "  reported by {}: {}", rule.id, rule.summary);
    }
    out
}

/// Words of `text` on lines of at most `width` characters, indented by two spaces.
fn wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            let _ = writeln!(out, "  {line}");
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        let _ = write!(out, "  {line}");
    }
    out
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
