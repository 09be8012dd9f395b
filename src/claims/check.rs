//! Claim instances checked against what is known, and against each other.

use jiff::civil::Date;

use super::{Asserted, Claims, Instance};
use crate::document::Document;
use crate::explain::{describe_known, number};
use crate::expr::{years_between, DayRange, Interval, When};
use crate::finding::{Finding, Kind, Label, Severity};
use crate::pack::{ClaimRule, Known, Pack, QuantityBound, QuantityFact, Trend};

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
    pub findings: Vec<Finding>,
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
        out.push(finding(
            doc,
            &pack.id,
            rule,
            instance,
            kind,
            rule.severity,
            message,
            Vec::new(),
        ));
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
        let label = Label {
            span: doc.span(instances[i].range.clone()),
            path: doc.path.clone(),
            message: format!("earlier: {a}"),
        };
        out.push(finding(
            doc,
            &pack.id,
            rule,
            later,
            Kind::ClaimConflict,
            Severity::Warning,
            message,
            vec![label],
        ));
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

/// Per rule, the earlier instances with the lowest upper bound and the highest lower bound.
#[derive(Clone, Copy, Debug, Default)]
pub struct Extremes {
    lowest_hi: Option<(usize, Interval)>,
    highest_lo: Option<(usize, Interval)>,
}

impl Extremes {
    /// The earliest of the remembered instances that `current` cannot agree with.
    pub fn disagreeing(&self, current: &Interval) -> Option<usize> {
        [self.lowest_hi, self.highest_lo]
            .into_iter()
            .flatten()
            .filter(|(_, interval)| !interval.intersects(current))
            .map(|(i, _)| i)
            .min()
    }

    pub fn add(&mut self, i: usize, interval: Interval) {
        let lower_hi = |old: &Interval| {
            interval.hi < old.hi
                || (interval.hi == old.hi && !interval.hi_inclusive && old.hi_inclusive)
        };
        let higher_lo = |old: &Interval| {
            interval.lo > old.lo
                || (interval.lo == old.lo && !interval.lo_inclusive && old.lo_inclusive)
        };
        if self.lowest_hi.as_ref().is_none_or(|(_, old)| lower_hi(old)) {
            self.lowest_hi = Some((i, interval));
        }
        if self
            .highest_lo
            .as_ref()
            .is_none_or(|(_, old)| higher_lo(old))
        {
            self.highest_lo = Some((i, interval));
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn finding(
    doc: &Document,
    pack: &str,
    rule: &ClaimRule,
    instance: &Instance,
    kind: Kind,
    severity: Severity,
    message: String,
    labels: Vec<Label>,
) -> Finding {
    let id = format!("{pack}/{}", rule.id);
    let span = doc.span(instance.range.clone());
    let help = match &rule.source {
        Some(source) => format!("source: {source} · claimlint explain {id}"),
        None => format!("claimlint explain {id}"),
    };
    Finding {
        path: doc.path.clone(),
        rule: id,
        kind,
        severity,
        message,
        text: doc.source_text(&span).to_owned(),
        span,
        fix: None,
        labels,
        help: Some(help),
        label: instance.value.map(|v| v.to_string()),
    }
}
