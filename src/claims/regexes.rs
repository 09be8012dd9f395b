//! The claim regexes of one language, prefiltered by literals the way patterns are by
//! their words: each regex is tried on a sentence only when every literal that any of
//! its matches must contain occurs there, so the cost of a sentence grows with the
//! regexes it can match, not with the number of rules.
//!
//! Required literals come from the regex's syntax tree: runs of literal text within a
//! concatenation (a `(?i)` letter counts as its ASCII letter), at least three bytes
//! long, in the regex itself, in its groups and in repetitions of at least one. What
//! an alternation or an optional part holds is required by no match. Literals are
//! looked for with one ASCII-case-insensitive automaton per language: a literal found
//! in the wrong case only costs a try. Regexes without a required literal go through
//! one `RegexSet`, as all did before.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::RegexSet;
use regex_syntax::hir::{Class, Hir, HirKind};

/// Literal runs shorter than this are not worth looking for.
const MIN_LITERAL: usize = 3;

#[derive(Debug, Default)]
pub(super) struct RegexIndex {
    /// The rule of each regex, in the order they were given.
    pub(super) rules: Vec<usize>,
    /// Per regex, the ids of its required literals.
    required: Vec<Vec<usize>>,
    /// Per literal, the regexes it anchors (its rarest required literal).
    anchors: Vec<Vec<usize>>,
    literals: Option<AhoCorasick>,
    /// Regexes with no required literal, tried on every sentence through `always_set`
    /// (or one by one, should the set not build).
    always: Vec<usize>,
    always_set: Option<RegexSet>,
}

impl RegexIndex {
    /// Indexes the regexes `(rule, source)` of one language. Each compiled alone, and
    /// all together, already: this cannot fail.
    pub(super) fn new(list: &[(usize, &str)]) -> RegexIndex {
        let mut words: Vec<Vec<u8>> = Vec::new();
        let mut index = RegexIndex::default();
        for (i, &(rule, source)) in list.iter().enumerate() {
            index.rules.push(rule);
            let mut ids: Vec<usize> = required_literals(source)
                .into_iter()
                .map(|lit| match words.iter().position(|w| *w == lit) {
                    Some(id) => id,
                    None => {
                        words.push(lit);
                        words.len() - 1
                    }
                })
                .collect();
            ids.sort_unstable();
            ids.dedup();
            if ids.is_empty() {
                index.always.push(i);
            }
            index.required.push(ids);
        }
        let mut needed_by = vec![0usize; words.len()];
        for &id in index.required.iter().flatten() {
            needed_by[id] += 1;
        }
        index.anchors = vec![Vec::new(); words.len()];
        for (i, ids) in index.required.iter().enumerate() {
            let rarest = ids
                .iter()
                .min_by_key(|&&id| (needed_by[id], std::cmp::Reverse(words[id].len())));
            if let Some(&id) = rarest {
                index.anchors[id].push(i);
            }
        }
        if !words.is_empty() {
            index.literals = AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::Standard)
                .build(&words)
                .ok();
            if index.literals.is_none() {
                // Not expected; without the automaton every regex is tried.
                index.always = (0..list.len()).collect();
            }
        }
        if !index.always.is_empty() {
            index.always_set = RegexSet::new(index.always.iter().map(|&i| list[i].1)).ok();
        }
        index
    }

    /// The regexes (by position) worth trying on `sentence`, in order. `present` holds,
    /// per literal, the last sentence it was seen in; `at` numbers this sentence.
    pub(super) fn candidates(
        &self,
        sentence: &str,
        present: &mut Vec<usize>,
        at: usize,
    ) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        if let Some(ac) = &self.literals {
            present.resize(self.anchors.len(), usize::MAX);
            for m in ac.find_overlapping_iter(sentence) {
                let id = m.pattern().as_usize();
                if present[id] != at {
                    present[id] = at;
                    out.extend(&self.anchors[id]);
                }
            }
            out.retain(|&i| self.required[i].iter().all(|&id| present[id] == at));
        }
        match &self.always_set {
            Some(set) => out.extend(set.matches(sentence).iter().map(|k| self.always[k])),
            None => out.extend(&self.always),
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// The literals every match of `source` contains, ASCII letters lowercased where the
/// regex ignores their case; none when the regex does not parse here.
pub(super) fn required_literals(source: &str) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    if let Ok(hir) = regex_syntax::Parser::new().parse(source) {
        collect(&hir, &mut out);
    }
    out
}

fn collect(hir: &Hir, out: &mut Vec<Vec<u8>>) {
    match hir.kind() {
        HirKind::Concat(parts) => {
            let mut run: Vec<u8> = Vec::new();
            for part in parts {
                if let Some(bytes) = literal_text(part) {
                    run.extend(bytes);
                    continue;
                }
                flush(&mut run, out);
                collect(part, out);
            }
            flush(&mut run, out);
        }
        HirKind::Capture(cap) => collect(&cap.sub, out),
        HirKind::Repetition(rep) if rep.min >= 1 => collect(&rep.sub, out),
        _ => {
            if let Some(bytes) = literal_text(hir) {
                let mut run = bytes;
                flush(&mut run, out);
            }
        }
    }
}

fn flush(run: &mut Vec<u8>, out: &mut Vec<Vec<u8>>) {
    if run.len() >= MIN_LITERAL {
        out.push(std::mem::take(run));
    }
    run.clear();
}

/// The text a node matches when it matches exactly one string up to ASCII case: a
/// literal, or a class of one ASCII letter in both cases (what `(?i)` makes of it).
fn literal_text(hir: &Hir) -> Option<Vec<u8>> {
    match hir.kind() {
        HirKind::Literal(lit) => Some(lit.0.to_vec()),
        HirKind::Class(Class::Unicode(class)) => {
            let chars: Vec<(char, char)> = class
                .ranges()
                .iter()
                .map(|r| (r.start(), r.end()))
                .collect();
            match chars.as_slice() {
                [(a, a2), (b, b2)] if a == a2 && b == b2 => ascii_pair(*a as u32, *b as u32),
                _ => None,
            }
        }
        HirKind::Class(Class::Bytes(class)) => {
            let bytes: Vec<(u8, u8)> = class
                .ranges()
                .iter()
                .map(|r| (r.start(), r.end()))
                .collect();
            match bytes.as_slice() {
                [(a, a2), (b, b2)] if a == a2 && b == b2 => {
                    ascii_pair(u32::from(*a), u32::from(*b))
                }
                _ => None,
            }
        }
        _ => None,
    }
}

/// `[Xx]`: the lowercase letter.
fn ascii_pair(upper: u32, lower: u32) -> Option<Vec<u8>> {
    let (u, l) = (u8::try_from(upper).ok()?, u8::try_from(lower).ok()?);
    (u.is_ascii_uppercase() && l == u.to_ascii_lowercase()).then(|| vec![l])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lits(source: &str) -> Vec<String> {
        required_literals(source)
            .into_iter()
            .map(|l| String::from_utf8_lossy(&l).into_owned())
            .collect()
    }

    #[test]
    fn literals_every_match_needs() {
        assert_eq!(
            lits(r"(?<n>\d[\d,]*) cats were counted"),
            [" cats were counted"]
        );
        assert_eq!(lits(r"(?i)(?<n>\d+) Chats"), [" chat"]);
        // Neither alternative alone, nor an optional part, is required.
        assert!(lits(r"(?<n>\d+) (foo|bar)").is_empty());
        assert_eq!(lits(r"(?<n>\d+) (?:libérés)? détenus"), [" détenus"]);
        assert_eq!(lits(r"ab(cde)+\d"), ["cde"]);
        // `k` and `s` have non-ASCII case variants under (?i): they end a run.
        assert!(lits(r"(?i)takes").is_empty());
        assert!(lits(r"\d+").is_empty());
        assert!(lits(r"(").is_empty());
    }

    #[test]
    fn only_regexes_whose_literals_occur_are_tried() {
        let list = [
            (0, r"(?<n>\d+) cats were counted"),
            (1, r"(?i)(?<n>\d+) DOGS barked"),
            (2, r"(?<n>\d+) (cats|dogs)"),
            (3, r"(?<n>\d+) birds"),
        ];
        let index = RegexIndex::new(&list);
        let mut present = Vec::new();
        assert_eq!(
            index.candidates("3 cats were counted", &mut present, 0),
            [0, 2]
        );
        assert_eq!(index.candidates("3 dogs Barked", &mut present, 1), [1, 2]);
        assert_eq!(index.candidates("3 cats were seen", &mut present, 2), [2]);
        // The literal of the previous sentence does not linger.
        assert_eq!(
            index.candidates("were counted", &mut present, 3),
            Vec::<usize>::new()
        );
        assert_eq!(
            index.candidates("5 bird", &mut present, 4),
            Vec::<usize>::new()
        );
        assert_eq!(index.candidates("5 birds", &mut present, 5), [3]);
        // Literals are looked for in any ASCII case: tried, though it will not match.
        assert_eq!(index.candidates("5 BIRDS", &mut present, 6), [3]);
    }
}
