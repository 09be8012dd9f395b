//! Self-tests (RULES.md, "Self-tests"): every claim's examples, each checked as a
//! one-sentence document in each language the rule has patterns for.

use jiff::civil::Date;

use super::load::{pack_rule, Problems};
use crate::document::{DocOptions, Document};
use crate::engine::Engine;
use crate::finding::Kind;
use crate::pack::{ClaimRule, Known};
use crate::toml_reader::{Located, Problem};

/// The outcome of one example.
#[derive(Clone, Debug)]
pub struct ExampleResult {
    /// `PACK/RULE`.
    pub rule: String,
    pub example: Located<String>,
    /// Whether the example is in `examples.fail`.
    pub expects_finding: bool,
    /// Whether the example is in `examples.ignore`: a distractor the rule must not
    /// recognise at all.
    pub ignore: bool,
    /// Whether the rule recognised a statement in the example, in some language.
    pub recognised: bool,
    pub ok: bool,
    /// What happened, for a failed example.
    pub detail: String,
}

impl ExampleResult {
    /// The list the example comes from: "pass", "fail" or "ignore".
    pub fn which(&self) -> &'static str {
        match (self.ignore, self.expects_finding) {
            (true, _) => "ignore",
            (false, true) => "fail",
            (false, false) => "pass",
        }
    }

    /// " (recognised)" or " (not recognised)", for `rules test`.
    pub fn recognition(&self) -> &'static str {
        if self.recognised {
            " (recognised)"
        } else {
            " (not recognised)"
        }
    }

    pub fn problem(&self) -> Problem {
        let message = if self.ignore {
            format!("a distractor of {} is recognised as a statement", self.rule)
        } else if self.expects_finding {
            format!("a failing example of {} finds nothing", self.rule)
        } else {
            format!("a passing example of {} has a finding", self.rule)
        };
        Problem::new(self.example.span.clone(), message, self.detail.clone())
            .with_help("fix the rule's patterns or facts, or the example (claimlint rules test)")
    }
}

/// Every failing example of every loaded pack, as problems pointing into the pack.
pub fn problems(engine: &Engine, today: Date) -> Problems {
    let mut problems = Problems::default();
    for (p, pack) in engine.packs().iter().enumerate() {
        let failed: Vec<Problem> = run(engine, p, today)
            .into_iter()
            .filter(|r| !r.ok)
            .map(|r| r.problem())
            .collect();
        if !failed.is_empty() {
            let rule = pack_rule(&pack.path);
            problems.add(&pack.path, &pack.source, rule, Kind::RulesError, failed);
        }
    }
    problems
}

/// Runs the examples of every claim of pack `p`; `today` dates rules without `as_of`.
pub fn run(engine: &Engine, p: usize, today: Date) -> Vec<ExampleResult> {
    let Some(pack) = engine.packs().get(p) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for claim in &pack.claims {
        let rule = format!("{}/{}", pack.id, claim.id);
        let date = match &claim.known {
            Some(Known::Quantity(q)) => q.as_of.unwrap_or(today),
            _ => today,
        };
        let cases = claim
            .examples_pass
            .iter()
            .map(|e| (e, false, false))
            .chain(claim.examples_fail.iter().map(|e| (e, true, false)))
            .chain(claim.examples_ignore.iter().map(|e| (e, false, true)));
        for (example, expects_finding, ignore) in cases {
            let per_lang = findings_per_lang(engine, claim, &rule, &example.value, date);
            let recognised = per_lang.iter().any(|(_, r)| r.is_some());
            let messages: Vec<Vec<String>> = per_lang.iter().map(|(m, _)| m.clone()).collect();
            let (ok, detail) = if ignore {
                let read = per_lang.iter().find_map(|(_, r)| r.clone());
                (
                    read.is_none(),
                    read.map(|r| format!("read as a statement: {r}"))
                        .unwrap_or_default(),
                )
            } else if expects_finding {
                let ok = messages.iter().any(|m| !m.is_empty());
                (ok, "no finding in any language: the pattern does not match, or the value agrees with what is known".to_owned())
            } else {
                let first = messages.iter().flatten().next();
                (first.is_none(), first.cloned().unwrap_or_default())
            };
            out.push(ExampleResult {
                rule: rule.clone(),
                example: example.clone(),
                expects_finding,
                ignore,
                recognised,
                ok,
                detail,
            });
        }
    }
    out
}

/// Per language of the rule: the messages of the rule's claim findings, and the first
/// statement of the rule recognised (its text and value), if any.
fn findings_per_lang(
    engine: &Engine,
    claim: &ClaimRule,
    rule: &str,
    sentence: &str,
    date: Date,
) -> Vec<(Vec<String>, Option<String>)> {
    claim
        .langs()
        .into_iter()
        .map(|lang| {
            let mut opts = DocOptions::new(date);
            opts.lang = Some((lang, "example"));
            opts.date = Some(date);
            let Ok(doc) = Document::load("example.txt", sentence.as_bytes(), &opts) else {
                return (vec!["the example cannot be read".to_owned()], None);
            };
            let analysis = engine.analyse(&doc);
            let read = analysis
                .statements
                .iter()
                .find(|s| s.rule == rule)
                .map(|s| format!("\"{}\" = {} ({})", s.text, s.value, lang.code()));
            let messages = analysis
                .findings
                .into_iter()
                .filter(|f| {
                    f.rule.as_str() == rule
                        && matches!(
                            f.kind,
                            Kind::ClaimValue
                                | Kind::ClaimDate
                                | Kind::ClaimSince
                                | Kind::ClaimConflict
                        )
                })
                .map(|f| format!("{} ({})", f.message, lang.code()))
                .collect();
            (messages, read)
        })
        .collect()
}
