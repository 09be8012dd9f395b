//! Claim instances checked against what is known, and against each other.

use jiff::civil::Date;

use crate::checks::{Check, Context, Diagnostic, Sink};
use crate::claims::{Asserted, Claims, DocTokens, Extremes, Instance};
use crate::document::Document;
use crate::expr::{years_between, DayRange, Interval, When};
use crate::finding::{Kind, RuleId, Severity, Span};
use crate::pack::describe::{describe_known, number};
use crate::pack::{ClaimRule, Known, Pack, QuantityBound, QuantityFact, Trend};

/// The claim rules of every pack: instances found by the matcher, checked against what
/// is known and against each other; every instance with a value is also a [`Statement`]
/// with its verdict, so that "no finding" can be told from "not checked".
pub struct ClaimRules;

impl Check for ClaimRules {
    fn run(&self, cx: &Context<'_>, sink: &mut Sink) {
        let doc = cx.doc;
        let compiled = cx.packs;
        let mut tokens = DocTokens::new(
            &doc.text,
            doc.lang,
            doc.year(),
            &cx.sentences,
            &compiled.names,
            &cx.mentions,
            &cx.near,
        );
        let matches = compiled.claims.find(&mut tokens, &cx.active);
        sink.patterns_tried += matches.patterns_tried;
        let checked = check(doc, &compiled.packs, &compiled.claims, &matches.instances);
        for (instance, verdict) in matches.instances.iter().zip(&checked.verdicts) {
            let Some(value) = instance.value else {
                continue;
            };
            let rule = &compiled.claims.rules[instance.rule];
            let pack = &compiled.packs[rule.pack];
            let claim = &pack.claims[rule.claim];
            let span = doc.span(instance.range.clone());
            sink.statements.push(Statement {
                text: doc.source_text(&span).to_owned(),
                rule: RuleId::new(&pack.id, &claim.id),
                about: claim.about.clone(),
                value,
                interval: comparable_across(&value, doc.date),
                known: known_text(claim, doc.date),
                verdict: *verdict,
                ambiguous: instance.ambiguous,
                span,
                contradicts_facts: *verdict == Verdict::Contradicts,
            });
        }
        sink.extend(checked.findings);
    }
}

/// One claim instance with a value: what the text asserts, what is known, the verdict.
#[derive(Clone, Debug)]
pub struct Statement {
    pub rule: RuleId,
    pub about: String,
    pub value: Asserted,
    /// See [`comparable_across`].
    pub interval: Interval,
    pub span: Span,
    pub text: String,
    /// What is known at the document's date, in words; `None` when the rule knows nothing.
    pub known: Option<String>,
    pub verdict: Verdict,
    /// The sentence gave the rule several readings it cannot decide between.
    pub ambiguous: bool,
    /// Already reported against what is known (`claim.value`/`date`/`since`).
    pub contradicts_facts: bool,
}

/// What a document's claim instances say against what is known.
#[derive(Clone, Debug, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The statement agrees with what is known.
    Agrees,
    /// The statement contradicts what is known (it has a finding).
    Contradicts,
    /// Nothing to check it against: no known value, no value read, or a sentence whose
    /// readings the pattern cannot decide between.
    Unknown,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Agrees => "agrees",
            Verdict::Contradicts => "contradicts",
            Verdict::Unknown => "unknown",
        }
    }
}

/// The outcome of checking a document's claims: findings, and one verdict per instance
/// (same index as the instances checked).
#[derive(Clone, Debug, Default)]
pub struct ClaimCheck {
    pub findings: Vec<Diagnostic>,
    pub verdicts: Vec<Verdict>,
}

pub fn check(
    doc: &Document,
    packs: &[Pack],
    claims: &Claims,
    instances: &[Instance],
) -> ClaimCheck {
    let mut out = Vec::new();
    let mut verdicts = vec![Verdict::Unknown; instances.len()];
    let mut contradicted = vec![false; instances.len()];
    for (i, instance) in instances.iter().enumerate() {
        let compiled = &claims.rules[instance.rule];
        let pack = &packs[compiled.pack];
        let rule = &pack.claims[compiled.claim];
        let (Some(known), Some(value)) = (&rule.known, &instance.value) else {
            continue;
        };
        if instance.ambiguous {
            // Never a finding, nor a conflict, on a reading the rule cannot vouch for.
            contradicted[i] = true;
            continue;
        }
        let Some(kind) = contradiction(known, value, doc.date) else {
            verdicts[i] = Verdict::Agrees;
            continue;
        };
        verdicts[i] = Verdict::Contradicts;
        contradicted[i] = true;
        let message = format!(
            "the text says {value}; {}",
            known_statement(rule, known, doc.date)
        );
        out.push(diagnostic(&pack.id, rule, instance, kind, message).with_severity(rule.severity));
    }
    // One conflict per later instance at most, against an earlier instance of the same
    // rule it cannot agree with. Keeping, per rule, the earlier interval with the lowest
    // upper bound and the one with the highest lower bound finds such an instance when
    // one exists, in linear time: reporting every pair would be quadratic in findings.
    let mut extremes: std::collections::HashMap<usize, Extremes> = std::collections::HashMap::new();
    for (j, later) in instances.iter().enumerate() {
        let Some(b) = later.value.filter(|_| !contradicted[j] && !later.ambiguous) else {
            continue;
        };
        let current = comparable(&b, doc.date);
        let seen = extremes.entry(later.rule).or_default();
        let earlier = seen.disagreeing(&current);
        seen.add(j, current);
        let Some(i) = earlier else {
            continue;
        };
        let Some(a) = instances[i].value else {
            continue;
        };
        let compiled = &claims.rules[later.rule];
        let pack = &packs[compiled.pack];
        let rule = &pack.claims[compiled.claim];
        let message = format!("the text says {b} here and {a} earlier; {}", rule.about);
        out.push(
            diagnostic(&pack.id, rule, later, Kind::ClaimConflict, message)
                .with_severity(Severity::Warning)
                .with_related(instances[i].range.clone(), format!("earlier: {a}")),
        );
    }
    ClaimCheck {
        findings: out,
        verdicts,
    }
}

/// What is known for `rule` at `at`, as text for a statement list ("at least 430 as of
/// 2025-12-13, increasing"; "since 1994-07-20, 31 years at 2025-12-13"); `None` when the
/// rule knows nothing.
pub fn known_text(rule: &ClaimRule, at: Date) -> Option<String> {
    Some(match rule.known.as_ref()? {
        Known::Since(since) => format!(
            "since {since}, {} years at {at}",
            number(years_between(*since, at).floor())
        ),
        Known::Quantity(fact) => describe_known(&Known::Quantity(fact_at(fact, at).clone())),
        known => describe_known(known),
    })
}

/// The entry of a quantity's `history` that holds at `at`: the latest at or before it,
/// else the earliest; the fact itself when it has no history.
pub fn fact_at(fact: &QuantityFact, at: Date) -> &QuantityFact {
    let before = fact
        .history
        .iter()
        .rev()
        .find(|h| h.as_of.is_some_and(|d| d <= at));
    before.or(fact.history.first()).unwrap_or(fact)
}

/// The kind of finding if `value` contradicts `known` for a document dated `at`.
pub fn contradiction(known: &Known, value: &Asserted, at: Date) -> Option<Kind> {
    let contradicts = match (known, value) {
        (Known::Quantity(fact), Asserted::Quantity(q)) => {
            !known_interval(fact, at).intersects(&q.interval)
        }
        (Known::Date(fact), Asserted::Date(d) | Asserted::When(When::Date(d))) => {
            !d.days.intersects(&DayRange {
                first: fact.first,
                last: fact.last,
            })
        }
        (Known::Since(since), Asserted::Date(d) | Asserted::When(When::Date(d))) => {
            !d.days.contains(*since)
        }
        (Known::Since(since), Asserted::When(When::Duration(d))) => {
            !d.years.contains(years_between(*since, at))
        }
        _ => false,
    };
    contradicts.then_some(match known {
        Known::Quantity(_) => Kind::ClaimValue,
        Known::Date(_) => Kind::ClaimDate,
        Known::Since(_) => Kind::ClaimSince,
    })
}

/// What is known about a quantity at `at`: bounds widened by the tolerance, and for a
/// document dated after `as_of`, lifted in the direction of the trend.
pub fn known_interval(fact: &QuantityFact, at: Date) -> Interval {
    let fact = fact_at(fact, at);
    let mut interval = match fact.bound {
        QuantityBound::Exact(n) => Interval::exact(n),
        QuantityBound::AtLeast(n) => Interval::new(n, true, f64::INFINITY, false),
        QuantityBound::AtMost(n) => Interval::closed(0.0, n),
        QuantityBound::Range(a, b) => Interval::closed(a, b),
        QuantityBound::Approx(n) => Interval::exact(n),
    };
    let tolerance = match fact.bound {
        QuantityBound::Approx(_) => Some(fact.tolerance.unwrap_or(0.05)),
        _ => fact.tolerance,
    };
    if let Some(t) = tolerance {
        interval.lo *= 1.0 - t;
        interval.hi *= 1.0 + t;
    }
    // Before `as_of`, a growing count may have been lower, a shrinking one higher.
    if fact.as_of.is_some_and(|as_of| at < as_of) {
        match fact.trend {
            Trend::Increasing => {
                interval.lo = 0.0;
                interval.lo_inclusive = true;
            }
            Trend::Decreasing => {
                interval.hi = f64::INFINITY;
                interval.hi_inclusive = false;
            }
            Trend::Stable => {}
        }
    }
    if fact.as_of.is_some_and(|as_of| at > as_of) {
        match fact.trend {
            Trend::Increasing => {
                interval.hi = f64::INFINITY;
                interval.hi_inclusive = false;
            }
            Trend::Decreasing => {
                interval.lo = 0.0;
                interval.lo_inclusive = true;
            }
            Trend::Stable => {}
        }
    }
    interval
}

/// "Lukashenko has led Belarus since 1994-07-20, 31 years at 2025-12-13".
fn known_statement(rule: &ClaimRule, known: &Known, at: Date) -> String {
    match known {
        Known::Since(since) => format!(
            "{} since {since}, {} years at {at}",
            rule.about,
            number(years_between(*since, at).floor())
        ),
        Known::Date(_) => format!("{} {}", rule.about, describe_known(known)),
        Known::Quantity(fact) => format!(
            "{}: {}",
            rule.about,
            describe_known(&Known::Quantity(fact_at(fact, at).clone()))
        ),
    }
}

/// The interval two instances of one rule are compared on: the quantity, or for dates and
/// durations the interval of start dates, in years before the document's date.
fn comparable(value: &Asserted, at: Date) -> Interval {
    match value {
        Asserted::Quantity(q) => q.interval,
        Asserted::Date(d) => When::Date(*d).years_before(at),
        Asserted::When(w) => w.years_before(at),
    }
}

/// The interval instances of one rule in different documents are compared on: the
/// quantity, or for dates and durations the interval of start dates in calendar years
/// (a duration read back from its own document's date).
pub fn comparable_across(value: &Asserted, at: Date) -> Interval {
    let days = |d: &crate::expr::DateExpr| {
        let after = d.days.last.tomorrow().unwrap_or(d.days.last);
        Interval::new(decimal_year(d.days.first), true, decimal_year(after), false)
    };
    match value {
        Asserted::Quantity(q) => q.interval,
        Asserted::Date(d) | Asserted::When(When::Date(d)) => days(d),
        Asserted::When(When::Duration(d)) => {
            let now = decimal_year(at);
            Interval::new(
                now - d.years.hi,
                d.years.hi_inclusive,
                now - d.years.lo,
                d.years.lo_inclusive,
            )
        }
    }
}

/// A day as a calendar year with a fraction: 2024-07-01 is 2024.497….
fn decimal_year(d: Date) -> f64 {
    f64::from(d.year()) + f64::from(d.day_of_year() - 1) / f64::from(d.days_in_year())
}

fn diagnostic(
    pack: &str,
    rule: &ClaimRule,
    instance: &Instance,
    kind: Kind,
    message: String,
) -> Diagnostic {
    let id = RuleId::new(pack, &rule.id);
    let help = match &rule.source {
        Some(source) => format!("source: {source} · claimlint explain {id}"),
        None => format!("claimlint explain {id}"),
    };
    let label = instance.value.map(|v| v.to_string()).unwrap_or_default();
    Diagnostic::new(id, kind, instance.range.clone(), message)
        .with_help(help)
        .with_label(label)
}

#[cfg(test)]
mod vectors {
    use super::ClaimRules;
    use crate::checks::tester::Tester;
    use crate::Lang;

    const PACK: &str = r#"format = 1
[pack]
id = "t"
[[claim]]
id = "bridges"
about = "bridges over the river"
quantity = { exact = 12 }
patterns.fr = ["{n} ponts"]
patterns.en = ["{n} bridges"]
"#;

    #[test]
    fn pass_and_fail() {
        Tester::with_pack(&ClaimRules, Lang::En, PACK)
            .pass(&[
                "The city has 12 bridges.",
                "It has twelve bridges.",
                "No figure here.",
            ])
            .fail(&[
                "The city has 14 bridges.",
                "It has 12 bridges, or 15 bridges.",
            ]);
        Tester::with_pack(&ClaimRules, Lang::Fr, PACK)
            .pass(&["La ville compte 12 ponts."])
            .fail(&["La ville compte 20 ponts."]);
    }
}
