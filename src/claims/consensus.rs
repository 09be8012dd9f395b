//! Cross-document conflicts by consensus (RULES.md, "Findings": across documents).
//!
//! The statements of one rule are grouped into sets that agree pairwise. Intervals that
//! agree pairwise share a point (intervals on a line have the Helly property), so each
//! maximal set is "every statement holding the left end of one of them". The set the
//! most documents support is the consensus; a statement disjoint from a consensus
//! statement is an outlier. When sets tie, every statement outside their common ground
//! is reported against a statement of another tied set. Nothing depends on the order of
//! the input: ties between candidate statements break on the document key.

use std::collections::{BTreeMap, BTreeSet};

use crate::expr::Interval;

/// One statement as consensus sees it.
#[derive(Clone, Debug)]
pub struct Statement<'a> {
    /// `PACK/RULE`.
    pub rule: &'a str,
    /// The document it comes from (any id; statements of one document never conflict
    /// with each other here).
    pub document: usize,
    /// A stable key of the document (its path), to break ties whatever the input order.
    pub key: &'a str,
    pub interval: Interval,
}

/// An outlier: statement `statement` contradicts consensus statement `against`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outlier {
    pub statement: usize,
    pub against: usize,
    /// Documents supporting the consensus set `against` belongs to.
    pub support: usize,
    /// Several sets tied for the most documents.
    pub tied: bool,
}

/// Every outlier among `statements` (indices into it), ordered by statement index.
pub fn outliers(statements: &[Statement<'_>]) -> Vec<Outlier> {
    let mut by_rule: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, s) in statements.iter().enumerate() {
        by_rule.entry(s.rule).or_default().push(i);
    }
    let mut out = Vec::new();
    for members in by_rule.values() {
        out.extend(rule_outliers(statements, members));
    }
    out.sort_by_key(|o| o.statement);
    out
}

fn rule_outliers(all: &[Statement<'_>], members: &[usize]) -> Vec<Outlier> {
    // Maximal sets agreeing pairwise: those holding the left end of each statement.
    let mut sets: BTreeSet<Vec<usize>> = BTreeSet::new();
    for &i in members {
        let set: Vec<usize> = members
            .iter()
            .copied()
            .filter(|&j| holds_left_end(&all[j].interval, &all[i].interval))
            .collect();
        sets.insert(set);
    }
    let documents = |set: &[usize]| -> usize {
        set.iter()
            .map(|&j| all[j].document)
            .collect::<BTreeSet<_>>()
            .len()
    };
    let Some(best) = sets.iter().map(|s| documents(s)).max() else {
        return Vec::new();
    };
    if best < 2 {
        // One document agreeing with itself is no consensus.
        return Vec::new();
    }
    let tied: Vec<&Vec<usize>> = sets.iter().filter(|s| documents(s) == best).collect();
    let common: BTreeSet<usize> = members
        .iter()
        .copied()
        .filter(|j| tied.iter().all(|s| s.contains(j)))
        .collect();
    let mut out = Vec::new();
    for &i in members {
        if common.contains(&i) {
            continue;
        }
        // Against a statement of a tied set this one is not in, that it contradicts,
        // from another document: the one of the smallest document key, then interval.
        let against = tied
            .iter()
            .filter(|s| !s.contains(&i))
            .flat_map(|s| s.iter().copied())
            .filter(|&j| {
                all[j].document != all[i].document && !all[j].interval.intersects(&all[i].interval)
            })
            .min_by(|&a, &b| {
                (all[a].key, all[a].interval.lo, all[a].interval.hi)
                    .partial_cmp(&(all[b].key, all[b].interval.lo, all[b].interval.hi))
                    .unwrap_or(std::cmp::Ordering::Equal)
            });
        if let Some(against) = against {
            out.push(Outlier {
                statement: i,
                against,
                support: best,
                tied: tied.len() > 1,
            });
        }
    }
    out
}

/// Whether `j` holds the left end of `i`: the point `i.lo`, or just after it when the
/// bound is open.
fn holds_left_end(j: &Interval, i: &Interval) -> bool {
    let lo = i.lo;
    let above = if i.lo_inclusive {
        j.lo < lo || (j.lo == lo && j.lo_inclusive)
    } else {
        j.lo <= lo
    };
    let below = if i.lo_inclusive {
        j.hi > lo || (j.hi == lo && j.hi_inclusive)
    } else {
        j.hi > lo
    };
    above && below
}

#[cfg(test)]
mod tests {
    use super::*;

    const INF: f64 = f64::INFINITY;

    fn statement(document: usize, interval: Interval) -> Statement<'static> {
        const KEYS: [&str; 8] = ["a", "b", "c", "d", "e", "f", "g", "h"];
        Statement {
            rule: "p/r",
            document,
            key: KEYS[document % KEYS.len()],
            interval,
        }
    }

    fn exact(n: f64) -> Interval {
        Interval::exact(n)
    }

    /// (statement, against) pairs, as documents.
    fn reported(statements: &[Statement<'_>]) -> Vec<(usize, usize)> {
        outliers(statements)
            .into_iter()
            .map(|o| {
                (
                    statements[o.statement].document,
                    statements[o.against].document,
                )
            })
            .collect()
    }

    #[test]
    fn the_majority_decides_not_the_order() {
        // 120, 120, "plus de 100", "environ 115", 104 → only 104.
        let mut list = vec![
            statement(0, exact(120.0)),
            statement(1, exact(120.0)),
            statement(2, Interval::new(100.0, false, INF, false)),
            statement(3, Interval::closed(103.5, 126.5)),
            statement(4, exact(104.0)),
        ];
        let found = outliers(&list);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].statement, 4);
        assert_eq!(found[0].support, 4);
        assert!(!found[0].tied);
        // The outlier first: the same outcome.
        list.rotate_right(1);
        let found = reported(&list);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, 4);
    }

    #[test]
    fn five_say_114_one_says_104() {
        let mut list: Vec<_> = (0..5).map(|d| statement(d, exact(114.0))).collect();
        list.insert(0, statement(5, exact(104.0)));
        let found = outliers(&list);
        assert_eq!(found.len(), 1);
        assert_eq!(list[found[0].statement].document, 5);
        assert_eq!(found[0].support, 5);
    }

    #[test]
    fn ties_report_everything_outside_the_common_ground() {
        // 12, "au moins 10", "more than 15" → 12 and "more than 15", each against the other.
        let list = vec![
            statement(0, exact(12.0)),
            statement(1, Interval::new(10.0, true, INF, false)),
            statement(2, Interval::new(15.0, false, INF, false)),
        ];
        let found = outliers(&list);
        assert_eq!(reported(&list), vec![(0, 2), (2, 0)]);
        assert!(found.iter().all(|o| o.tied && o.support == 2));
    }

    #[test]
    fn no_consensus_without_two_documents() {
        assert_eq!(reported(&[statement(0, exact(1.0))]), vec![]);
        // Two statements of one document: no conflict across documents.
        let one_doc = [statement(0, exact(1.0)), statement(0, exact(2.0))];
        assert_eq!(reported(&one_doc), vec![]);
        // Agreeing documents: nothing.
        let agree = [
            statement(0, exact(430.0)),
            statement(1, Interval::new(430.0, true, INF, false)),
        ];
        assert_eq!(reported(&agree), vec![]);
    }

    #[test]
    fn rules_are_separate() {
        let mut list = vec![statement(0, exact(1.0)), statement(1, exact(1.0))];
        list.push(Statement {
            rule: "p/other",
            ..statement(2, exact(9.0))
        });
        assert_eq!(reported(&list), vec![]);
    }

    #[test]
    fn open_bounds_are_respected() {
        // "more than 10" and "at most 10" share no point; 10 sides with "at most".
        let list = vec![
            statement(0, Interval::new(10.0, false, INF, false)),
            statement(1, Interval::new(0.0, true, 10.0, true)),
            statement(2, exact(10.0)),
        ];
        assert_eq!(reported(&list), vec![(0, 1)]);
    }
}
