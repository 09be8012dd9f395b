//! Claim rules (RULES.md, `[[claim]]`): patterns compiled once into one anchor index,
//! matched sentence by sentence, then checked against what is known.
//!
//! Every literal word of every pattern goes into one map from folded word to the
//! patterns it anchors; a pattern is tried on a sentence only when its anchor (its
//! longest literal word, else an entity it names) occurs there. The cost of a document
//! thus grows with the patterns its sentences can match, not with the number of rules.
//! Claim regexes are filtered the same way, by the literals they need (`regexes.rs`).
//!
//! Within a sentence, every candidate match of a pattern is gathered (overlapping ones
//! too, up to a bound), its order-free cues checked (`cues.rs`), and `{n}` kept off
//! years, dates, ages, terms, percentages and money (`counts.rs`); among one rule's
//! overlapping candidates the shortest gaps win, and readings the rule cannot decide
//! between are marked ambiguous (RULES.md, "Patterns").

pub mod consensus;
mod counts;
mod cues;
mod regexes;

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::ops::Range;
use std::rc::Rc;

use regex::{Regex, RegexSet};

use crate::expr::{self, DateExpr, Interval, Quantity, When};
use crate::lang::Lang;
use crate::names::{Mention, Names, NearMiss};
use crate::pack::pattern::{self, Element, Literal, Slot};
use crate::pack::Pack;
use crate::tokens::{self, Token, TokenKind};
use crate::toml_reader::{Located, Problem};

/// An entity as (pack index, entity index).
pub type EntityKey = (usize, usize);

/// What one claim instance asserts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Asserted {
    Quantity(Quantity),
    Date(DateExpr),
    When(When),
}

impl std::fmt::Display for Asserted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Asserted::Quantity(q) => q.fmt(f),
            Asserted::Date(d) => d.fmt(f),
            Asserted::When(w) => w.fmt(f),
        }
    }
}

/// One match of a claim rule in a document.
#[derive(Clone, Debug, PartialEq)]
pub struct Instance {
    /// Index into [`Claims::rules`].
    pub rule: usize,
    /// The expression's bytes in the checked text (the whole match if the pattern has none).
    pub range: Range<usize>,
    pub value: Option<Asserted>,
    /// The sentence gives the rule two readings that disagree and nothing in the
    /// pattern decides between them: no finding, verdict unknown (RULES.md, "Patterns").
    pub ambiguous: bool,
}

/// One step of a compiled pattern: an [`Element`] with its entity resolved.
#[derive(Clone, Debug)]
enum Step {
    Literal(Literal),
    Choice(Vec<Vec<Literal>>),
    Gap,
    /// `{entity:ID}`, or `{entity:A|B}`: a mention of any of them.
    Entity(Vec<EntityKey>),
    Slot(Slot),
}

#[derive(Debug)]
struct CompiledPattern {
    rule: usize,
    lang: Lang,
    /// The literal words a match cannot do without (of the figure part and of every cue
    /// part), as ids in the language's [`AnchorIndex`]: the pattern is tried on a
    /// sentence only when all of them occur there.
    required: Vec<usize>,
    steps: Vec<Step>,
    /// Order-free cue parts (`figure & cue`), and the most words between them.
    cues: Vec<Cue>,
    /// `!words` (near the figure) and `!!words` (anywhere in the sentence) parts.
    vetoes: Vec<pattern::Veto<Step>>,
    within: usize,
}

/// A cue part of an order-free pattern.
#[derive(Debug)]
enum Cue {
    /// `{entity:ID}` alone: named in the sentence, or earlier in the paragraph with a
    /// stand-in ("il", "the country") near the figure. Any of several (`{entity:A|B}`).
    Entity(Vec<EntityKey>),
    /// Words, matched in order near the figure part, in the same clause.
    Steps(Vec<Step>),
}

/// How many overlapping alternatives to a match are tried, at most: enough for any
/// sentence, and a bound that keeps matching linear on pathological ones.
const MAX_ALTERNATIVES: usize = 32;

/// A candidate match of a pattern in a sentence.
struct Candidate {
    rule: usize,
    tokens: Range<usize>,
    /// Total tokens taken by the pattern's `{...}` gaps.
    gaps: usize,
    /// Matched by an order-free pattern, whose cues two figures may share.
    order_free: bool,
    instance: Instance,
}

/// A claim rule compiled: where it lives and what must hold around its matches.
#[derive(Debug)]
pub struct CompiledRule {
    pub pack: usize,
    pub claim: usize,
    context: Vec<Vec<Step>>,
    /// Each entry must be met; an entry is met by a mention of any of its entities
    /// (`requires = ["belarus|minsk"]`).
    requires: Vec<Vec<EntityKey>>,
    regex: Vec<(Lang, Regex)>,
}

/// The patterns of one language, indexed by anchor.
#[derive(Debug, Default)]
struct AnchorIndex {
    /// Every literal word of the language's patterns → its id (for the per-sentence set
    /// of literal words present) and the patterns it anchors.
    by_word: HashMap<String, (usize, Vec<usize>)>,
    by_entity: HashMap<EntityKey, Vec<usize>>,
    /// Patterns with neither a literal word nor an entity (prefixes and marks only).
    unanchored: Vec<usize>,
    /// The regexes of the language, by the literals they need.
    regexes: Option<regexes::RegexIndex>,
}

impl AnchorIndex {
    /// The id of literal word `word` and the patterns it anchors: an id is given on
    /// first sight.
    fn literal(&mut self, word: &str) -> &mut (usize, Vec<usize>) {
        let next = self.by_word.len();
        self.by_word
            .entry(word.to_owned())
            .or_insert_with(|| (next, Vec::new()))
    }

    /// Files pattern `id` under its anchor.
    fn add(&mut self, id: usize, anchor: Anchor) {
        match anchor {
            Anchor::Word(w) => self.literal(&w).1.push(id),
            Anchor::Entity(keys) => {
                for e in keys {
                    self.by_entity.entry(e).or_default().push(id);
                }
            }
            Anchor::Words(ws) => {
                for w in ws {
                    self.literal(&w).1.push(id);
                }
            }
            Anchor::None => self.unanchored.push(id),
        }
    }
}

#[derive(Debug, Default)]
pub struct Claims {
    pub rules: Vec<CompiledRule>,
    patterns: Vec<CompiledPattern>,
    index: HashMap<Lang, AnchorIndex>,
}

/// A document as the matcher sees it: its sentences, the tokens of the sentence being
/// matched (one sentence at a time, so that memory stays with the longest sentence, not
/// the document), and where each entity is named.
pub struct DocTokens<'a> {
    text: &'a str,
    lang: Lang,
    year: i16,
    /// The tokens of sentence `current` (token indices are local to it).
    tokens: Vec<Token>,
    current: usize,
    /// Every sentence's byte range.
    sentences: &'a [Range<usize>],
    /// Per sentence: the first byte of its paragraph.
    paragraph_starts: Vec<usize>,
    /// Start byte of a mention or near-miss → (end byte, entity).
    names: HashMap<usize, Vec<(usize, EntityKey)>>,
    /// Per entity, the start bytes of its mentions, in text order.
    mention_starts: HashMap<EntityKey, Vec<usize>>,
    mentioned: HashSet<EntityKey>,
    /// The readings of `{n}`, `{date}` or `{when}` at a token of the sentence being
    /// matched: every pattern that tries a slot there reads the same thing.
    readings: RefCell<HashMap<(Slot, usize), Rc<Readings>>>,
}

/// Every reading of an expression at a token, longest first: (bytes, value).
type Readings = Vec<(usize, Asserted)>;

impl<'a> DocTokens<'a> {
    pub fn new(
        text: &'a str,
        lang: Lang,
        year: i16,
        sentences: &'a [Range<usize>],
        names: &Names,
        mentions: &[Mention],
        near: &[NearMiss],
    ) -> DocTokens<'a> {
        let paragraph_starts = paragraph_starts(text, sentences);
        let mut by_start: HashMap<usize, Vec<(usize, EntityKey)>> = HashMap::new();
        let mut mention_starts: HashMap<EntityKey, Vec<usize>> = HashMap::new();
        let mut mentioned = HashSet::new();
        let named = mentions
            .iter()
            .flat_map(|m| m.forms.iter().map(move |&f| (m.range.clone(), f)))
            .chain(near.iter().map(|n| (n.range.clone(), n.form)));
        for (range, f) in named {
            let form = names.form(f);
            let key = (form.pack, form.entity);
            mentioned.insert(key);
            mention_starts.entry(key).or_default().push(range.start);
            by_start
                .entry(range.start)
                .or_default()
                .push((range.end, key));
        }
        for starts in mention_starts.values_mut() {
            starts.sort_unstable();
        }
        DocTokens {
            text,
            lang,
            year,
            tokens: Vec::new(),
            current: usize::MAX,
            sentences,
            paragraph_starts,
            names: by_start,
            mention_starts,
            mentioned,
            readings: RefCell::new(HashMap::new()),
        }
    }
}

impl DocTokens<'_> {
    /// Tokenizes sentence `sentence` (reusing the buffer of the one before).
    fn load(&mut self, sentence: usize) {
        self.tokens.clear();
        self.current = sentence;
        if let Some(bytes) = self.sentences.get(sentence) {
            tokens::tokenize_into(self.text, bytes.clone(), &mut self.tokens);
        }
    }

    /// The byte range of sentence `sentence` and its token range, when it is the one
    /// loaded.
    fn sentence(&self, sentence: usize) -> Option<(&Range<usize>, Range<usize>)> {
        let bytes = self.sentences.get(sentence)?;
        (sentence == self.current).then_some((bytes, 0..self.tokens.len()))
    }
}

/// Per sentence, the first byte of its paragraph: a blank line between two sentences
/// starts a paragraph.
fn paragraph_starts(text: &str, sentences: &[Range<usize>]) -> Vec<usize> {
    let mut starts = Vec::with_capacity(sentences.len());
    for (i, s) in sentences.iter().enumerate() {
        let new_paragraph = i == 0
            || text
                .get(sentences[i - 1].end..s.start)
                .is_none_or(|between| between.matches('\n').count() >= 2);
        let start = if new_paragraph {
            s.start
        } else {
            starts.last().copied().unwrap_or(s.start)
        };
        starts.push(start);
    }
    starts
}

/// The instances found in a document, and how many patterns were tried on its sentences.
#[derive(Debug, Default)]
pub struct Matches {
    pub instances: Vec<Instance>,
    pub patterns_tried: usize,
}

impl Claims {
    /// Compiles every claim of every pack. Patterns were validated when the pack loaded;
    /// what can only fail here is a reference to another pack's entity.
    pub fn new(packs: &[Pack]) -> Result<Claims, Vec<(usize, Problem)>> {
        let mut claims = Claims::default();
        let mut problems = Vec::new();
        // Per language: (rule, regex as written) of every claim regex.
        let mut regexes: HashMap<Lang, Vec<(usize, &Located<String>)>> = HashMap::new();
        for (p, pack) in packs.iter().enumerate() {
            for (c, claim) in pack.claims.iter().enumerate() {
                let rule = claims.rules.len();
                let mut compiled = CompiledRule {
                    pack: p,
                    claim: c,
                    context: Vec::new(),
                    requires: Vec::new(),
                    regex: Vec::new(),
                };
                for r in &claim.requires {
                    let mut any_of = Vec::new();
                    for id in r.value.split('|').map(str::trim) {
                        match resolve(packs, p, id) {
                            Some(key) => any_of.push(key),
                            None => {
                                problems.push((p, crate::pack::unknown_entity(id, r.span.clone())))
                            }
                        }
                    }
                    compiled.requires.push(any_of);
                }
                for ctx in &claim.context {
                    match compile(packs, p, &ctx.value) {
                        Ok(steps) => compiled.context.push(steps),
                        Err(message) => {
                            problems.push((p, pattern_problem(ctx.span.clone(), message)))
                        }
                    }
                }
                claims.add_patterns(packs, p, rule, claim, &mut problems);
                for (&lang, r) in &claim.regex {
                    if let Ok(re) = Regex::new(&r.value) {
                        compiled.regex.push((lang, re));
                        regexes.entry(lang).or_default().push((rule, r));
                    }
                }
                claims.rules.push(compiled);
            }
        }
        claims.index_anchors();
        let mut langs: Vec<Lang> = regexes.keys().copied().collect();
        langs.sort_by_key(|l| l.code());
        for lang in langs {
            let list = &regexes[&lang];
            match RegexSet::new(list.iter().map(|(_, r)| r.value.as_str())) {
                // The set is built only to learn that the regexes fit together.
                Ok(_) => {
                    let sources: Vec<(usize, &str)> = list
                        .iter()
                        .map(|(rule, r)| (*rule, r.value.as_str()))
                        .collect();
                    let index = claims.index.entry(lang).or_default();
                    index.regexes = Some(regexes::RegexIndex::new(&sources));
                }
                // Each regex compiled alone when its pack loaded; together they may not.
                // Never switch them all off silently: the packs are in error.
                Err(err) => problems.push(regex_set_problem(packs, &claims, lang, list, &err)),
            }
        }
        if problems.is_empty() {
            Ok(claims)
        } else {
            Err(problems)
        }
    }

    /// Compiles the patterns of `claim` (rule number `rule`, of pack `p`) and indexes
    /// each under its anchor.
    fn add_patterns(
        &mut self,
        packs: &[Pack],
        p: usize,
        rule: usize,
        claim: &crate::pack::ClaimRule,
        problems: &mut Vec<(usize, Problem)>,
    ) {
        for (&lang, list) in &claim.patterns {
            for source in list {
                match compile_pattern(packs, p, &source.value) {
                    Ok((steps, cues, vetoes, within)) => {
                        let index = self.index.entry(lang).or_default();
                        let mut required: Vec<usize> = required_words(&steps, &cues)
                            .map(|w| index.literal(w).0)
                            .collect();
                        required.sort_unstable();
                        required.dedup();
                        self.patterns.push(CompiledPattern {
                            rule,
                            lang,
                            required,
                            steps,
                            cues,
                            vetoes,
                            within,
                        });
                    }
                    Err(message) => {
                        problems.push((p, pattern_problem(source.span.clone(), message)))
                    }
                }
            }
        }
    }

    /// Files every pattern under its anchor: the rarest-looking thing it cannot do
    /// without ([`anchor`]), or, when that is a word other patterns need too ("counted"
    /// in a hundred `{n} NOUN were counted`), the required word that the fewest patterns
    /// need. Which required word anchors a pattern changes its cost, never its matches.
    fn index_anchors(&mut self) {
        let mut needed_by: HashMap<(Lang, usize), usize> = HashMap::new();
        for pattern in &self.patterns {
            for &literal in &pattern.required {
                *needed_by.entry((pattern.lang, literal)).or_default() += 1;
            }
        }
        for (id, pattern) in self.patterns.iter().enumerate() {
            let Some(index) = self.index.get_mut(&pattern.lang) else {
                continue;
            };
            let count = |word: &str| {
                index
                    .by_word
                    .get(word)
                    .and_then(|(literal, _)| needed_by.get(&(pattern.lang, *literal)))
                    .copied()
                    .unwrap_or(0)
            };
            let mut chosen = anchor(&pattern.steps, &pattern.cues);
            if let Anchor::Word(w) = &chosen {
                let shared = count(w);
                let rarest = required_words(&pattern.steps, &pattern.cues)
                    .min_by_key(|r| (count(r), std::cmp::Reverse(r.chars().count())));
                if let Some(r) = rarest.filter(|r| shared > 1 && count(r) < shared) {
                    chosen = Anchor::Word(r.to_owned());
                }
            }
            index.add(id, chosen);
        }
    }

    /// Every claim instance in the document, in text order.
    /// `active` says which packs apply to the document's language.
    pub fn find(&self, doc: &mut DocTokens<'_>, active: &[bool]) -> Matches {
        let mut out = Matches::default();
        let Some(index) = self.index.get(&doc.lang) else {
            return out;
        };
        let mut candidates: Vec<usize> = Vec::new();
        // Per literal word, the last sentence it occurred in.
        let mut present: Vec<usize> = vec![usize::MAX; index.by_word.len()];
        // The same for the literals of the regexes.
        let mut regex_present: Vec<usize> = Vec::new();
        for sentence in 0..doc.sentences.len() {
            doc.load(sentence);
            let doc = &*doc;
            let Some((bytes, toks)) = doc.sentence(sentence) else {
                continue;
            };
            let toks = &toks;
            candidates.clear();
            doc.readings.borrow_mut().clear();
            for t in &doc.tokens[toks.clone()] {
                if t.kind == TokenKind::Word {
                    if let Some((literal, ids)) = index.by_word.get(t.folded.as_str()) {
                        present[*literal] = sentence;
                        candidates.extend(ids);
                    }
                }
                if let Some(names) = doc.names.get(&t.range.start) {
                    for (_, key) in names {
                        if let Some(ids) = index.by_entity.get(key) {
                            candidates.extend(ids);
                        }
                    }
                }
            }
            candidates.extend(&index.unanchored);
            candidates.sort_unstable();
            candidates.dedup();
            candidates.retain(|&id| {
                self.patterns[id]
                    .required
                    .iter()
                    .all(|&literal| present[literal] == sentence)
            });
            out.patterns_tried += candidates.len();
            let mut found: Vec<Candidate> = Vec::new();
            for &id in &candidates {
                let pattern = &self.patterns[id];
                let rule = &self.rules[pattern.rule];
                if !active.get(rule.pack).copied().unwrap_or(false)
                    || !rule
                        .requires
                        .iter()
                        .all(|any_of| any_of.iter().any(|k| doc.mentioned.contains(k)))
                {
                    continue;
                }
                doc.candidates(pattern, sentence, &mut found);
            }
            self.regex_matches(
                index,
                doc,
                (bytes, toks),
                (&mut regex_present, sentence),
                &mut found,
            );
            for instance in self.choose(doc, toks, bytes, found) {
                out.instances.push(instance);
            }
        }
        out.instances.sort_by_key(|i| (i.range.start, i.rule));
        out
    }

    /// The instances of one sentence among its candidate matches. One rule's matches do
    /// not overlap: among overlapping candidates, the one with the shortest `{...}` gaps
    /// in total wins (the figure nearest the words that say what it counts), then the
    /// leftmost, then the longest. A tie between readings that disagree, or two
    /// disagreeing figures of order-free patterns (which may share their cues), is
    /// ambiguous.
    fn choose(
        &self,
        doc: &DocTokens<'_>,
        toks: &Range<usize>,
        bytes: &Range<usize>,
        mut found: Vec<Candidate>,
    ) -> Vec<Instance> {
        found.sort_by(|a, b| {
            (
                a.rule,
                a.gaps,
                a.tokens.start,
                std::cmp::Reverse(a.tokens.end),
            )
                .cmp(&(
                    b.rule,
                    b.gaps,
                    b.tokens.start,
                    std::cmp::Reverse(b.tokens.end),
                ))
        });
        let mut chosen: Vec<Candidate> = Vec::new();
        // Per rule, the chosen spans (disjoint): start → (end, index in `chosen`).
        let mut taken: HashMap<usize, BTreeMap<usize, (usize, usize)>> = HashMap::new();
        let mut context: HashMap<usize, bool> = HashMap::new();
        for c in found {
            let spans = taken.entry(c.rule).or_default();
            let overlapped = spans
                .range(..c.tokens.end)
                .next_back()
                .filter(|(_, &(end, _))| end > c.tokens.start)
                .map(|(_, &(_, k))| k);
            if let Some(k) = overlapped {
                // A tie the pattern cannot break, between two figures that disagree (not
                // a shorter reading of the same figure: "100" in "fewer than 100").
                let winner = &mut chosen[k];
                let (a, b) = (&winner.instance.range, &c.instance.range);
                let other_figure = a.end <= b.start || b.end <= a.start;
                if winner.gaps == c.gaps && other_figure && disagree(&winner.instance, &c.instance)
                {
                    winner.instance.ambiguous = true;
                }
                continue;
            }
            // Once per rule and sentence: a context costs a pass over the sentence.
            let context_ok = *context
                .entry(c.rule)
                .or_insert_with(|| self.context_holds(c.rule, doc, toks, bytes));
            if context_ok {
                spans.insert(c.tokens.start, (c.tokens.end, chosen.len()));
                chosen.push(c);
            }
        }
        mark_disagreeing_order_free(&mut chosen);
        chosen.into_iter().map(|c| c.instance).collect()
    }

    /// Whether every context pattern of `rule` matches somewhere in the sentence.
    fn context_holds(
        &self,
        rule: usize,
        doc: &DocTokens<'_>,
        toks: &Range<usize>,
        bytes: &Range<usize>,
    ) -> bool {
        self.rules[rule].context.iter().all(|steps| {
            let mut failures = Failures::new(toks.clone());
            (toks.start..toks.end).any(|s| {
                doc.match_steps(steps, s, toks.end, bytes.end, &mut failures)
                    .is_some()
            })
        })
    }

    /// Matches of the language's regexes in one sentence, as token spans for overlap.
    fn regex_matches(
        &self,
        index: &AnchorIndex,
        doc: &DocTokens<'_>,
        (bytes, toks): (&Range<usize>, &Range<usize>),
        (present, at): (&mut Vec<usize>, usize),
        found: &mut Vec<Candidate>,
    ) {
        let Some(regexes) = &index.regexes else {
            return;
        };
        let sentence = &doc.text[bytes.clone()];
        for i in regexes.candidates(sentence, present, at) {
            let rule = regexes.rules[i];
            let Some((_, re)) = self.rules[rule].regex.iter().find(|(l, _)| *l == doc.lang) else {
                continue;
            };
            for caps in re.captures_iter(sentence) {
                let Some(whole) = caps.get(0) else { continue };
                let (slot, group) = match (caps.name("n"), caps.name("date"), caps.name("when")) {
                    (Some(g), _, _) => (Some(Slot::Quantity), Some(g)),
                    (_, Some(g), _) => (Some(Slot::Date), Some(g)),
                    (_, _, Some(g)) => (Some(Slot::When), Some(g)),
                    _ => (None, None),
                };
                let value = match (slot, group) {
                    (Some(slot), Some(g)) => {
                        let readings = parse_slot(slot, g.as_str(), doc.lang, doc.year);
                        // The reading that spans the group, else the longest.
                        readings
                            .iter()
                            .find(|(len, _)| *len == g.as_str().trim_end().len())
                            .or(readings.first())
                            .map(|(len, v)| {
                                (bytes.start + g.start()..bytes.start + g.start() + len, *v)
                            })
                    }
                    _ => None,
                };
                let at = bytes.start + whole.start();
                let first =
                    toks.start + doc.tokens[toks.clone()].partition_point(|t| t.range.start < at);
                let end_at = bytes.start + whole.end();
                let last = toks.start
                    + doc.tokens[toks.clone()].partition_point(|t| t.range.start < end_at);
                let (range, value) = match value {
                    Some((r, v)) => (r, Some(v)),
                    None => (at..end_at, None),
                };
                found.push(Candidate {
                    rule,
                    tokens: first..last.max(first + 1),
                    gaps: 0,
                    order_free: false,
                    instance: Instance {
                        rule,
                        range,
                        value,
                        ambiguous: false,
                    },
                });
            }
        }
    }
}

/// The literal words a match of the pattern cannot do without: those of its figure
/// part and of its cue parts (an entity cue may be a stand-in; choices are optional
/// words).
fn required_words<'a>(steps: &'a [Step], cues: &'a [Cue]) -> impl Iterator<Item = &'a str> {
    let cue_steps = cues.iter().filter_map(|c| match c {
        Cue::Steps(steps) => Some(steps.as_slice()),
        Cue::Entity(_) => None,
    });
    std::iter::once(steps)
        .chain(cue_steps)
        .flatten()
        .filter_map(|step| match step {
            Step::Literal(Literal::Word(w)) => Some(w.as_str()),
            _ => None,
        })
}

enum Anchor {
    Word(String),
    Words(Vec<String>),
    Entity(Vec<EntityKey>),
    None,
}

/// The rarest-looking thing a match cannot do without: among the words of the figure
/// part and of its cue parts (all required), the longest; an entity the figure part
/// names (worth a five-letter word); or a choice, by the longest word of each
/// alternative, worth the average length of those words. An entity cue is never an
/// anchor: a stand-in may take its place.
fn anchor(steps: &[Step], cues: &[Cue]) -> Anchor {
    let cue_steps = cues.iter().filter_map(|c| match c {
        Cue::Steps(steps) => Some(steps.as_slice()),
        Cue::Entity(_) => None,
    });
    let mut best: (usize, Anchor) = (0, Anchor::None);
    let mut offer = |score: usize, anchor: Anchor| {
        if score > best.0 {
            best = (score, anchor);
        }
    };
    for part in std::iter::once(steps).chain(cue_steps) {
        let in_figure = std::ptr::eq(part, steps);
        for step in part {
            match step {
                Step::Literal(Literal::Word(w)) => {
                    offer(w.chars().count(), Anchor::Word(w.clone()))
                }
                Step::Entity(keys) if in_figure => offer(5, Anchor::Entity(keys.clone())),
                Step::Choice(alternatives) => {
                    let words: Option<Vec<String>> = alternatives
                        .iter()
                        .map(|alt| {
                            alt.iter()
                                .filter_map(|l| match l {
                                    Literal::Word(w) => Some(w),
                                    _ => None,
                                })
                                .max_by_key(|w| w.chars().count())
                                .cloned()
                        })
                        .collect();
                    if let Some(words) = words.filter(|w| !w.is_empty()) {
                        let total: usize = words.iter().map(|w| w.chars().count()).sum();
                        offer(total / words.len(), Anchor::Words(words));
                    }
                }
                _ => {}
            }
        }
    }
    best.1
}

/// Order-free cues may serve two figures of one sentence: if their readings disagree,
/// nothing says which one the cues are about, and both are ambiguous. Per rule and kind
/// of reading, the lowest upper bound and the highest lower bound tell, in linear time,
/// whether some other reading is disjoint from a given one.
fn mark_disagreeing_order_free(chosen: &mut [Candidate]) {
    let mut extremes: HashMap<(usize, u8), Extremes> = HashMap::new();
    let readings: Vec<Option<(u8, Interval)>> = chosen
        .iter()
        .map(|c| {
            c.instance
                .value
                .as_ref()
                .filter(|_| c.order_free)
                .map(comparable_reading)
        })
        .collect();
    for (i, reading) in readings.iter().enumerate() {
        if let Some((kind, interval)) = reading {
            extremes
                .entry((chosen[i].rule, *kind))
                .or_default()
                .add(i, *interval);
        }
    }
    for (i, reading) in readings.iter().enumerate() {
        if let Some((kind, interval)) = reading {
            let disjoint = extremes
                .get(&(chosen[i].rule, *kind))
                .and_then(|e| e.disagreeing(interval));
            if disjoint.is_some() {
                chosen[i].instance.ambiguous = true;
            }
        }
    }
}

/// The regexes of one language do not compile into one set (the `regex` crate's size
/// limit): a problem at the last of them, naming every rule involved.
fn regex_set_problem(
    packs: &[Pack],
    claims: &Claims,
    lang: Lang,
    list: &[(usize, &Located<String>)],
    err: &regex::Error,
) -> (usize, Problem) {
    let names: Vec<String> = list
        .iter()
        .map(|(rule, _)| {
            let compiled = &claims.rules[*rule];
            let pack = &packs[compiled.pack];
            format!("{}/{}", pack.id, pack.claims[compiled.claim].id)
        })
        .collect();
    let (rule, last) = list[list.len() - 1];
    let reason = err.to_string();
    let reason = reason
        .lines()
        .last()
        .unwrap_or_default()
        .trim()
        .trim_end_matches('.');
    let problem = Problem::new(
        last.span.clone(),
        format!(
            "the {} `regex.{}` of {} claims are too large to match together: {}",
            lang.name(),
            lang.code(),
            names.len(),
            names.join(", ")
        ),
        "the set overflows here",
    )
    .with_help(format!(
        "{reason}; shorten these regexes (a bounded repetition such as \\w{{200}} is large) or use patterns"
    ));
    (claims.rules[rule].pack, problem)
}

fn pattern_problem(span: Range<usize>, message: String) -> Problem {
    Problem::new(
        span,
        format!("the pattern does not compile: {message}"),
        "invalid pattern",
    )
    .with_help("see RULES.md, \"Patterns\"")
}

/// An entity reference of pack `p`: `ID` in the same pack, `PACK/ID` in another.
pub fn resolve(packs: &[Pack], p: usize, reference: &str) -> Option<EntityKey> {
    let (pack, id) = match reference.split_once('/') {
        Some((pack_id, id)) => (packs.iter().position(|pk| pk.id == pack_id)?, id),
        None => (p, reference),
    };
    let entity = packs[pack].entities.iter().position(|e| e.id == id)?;
    Some((pack, entity))
}

fn compile(packs: &[Pack], p: usize, source: &str) -> Result<Vec<Step>, String> {
    resolve_elements(packs, p, pattern::parse(source)?.elements)
}

fn resolve_elements(packs: &[Pack], p: usize, elements: Vec<Element>) -> Result<Vec<Step>, String> {
    elements
        .into_iter()
        .map(|e| {
            Ok(match e {
                Element::Literal(l) => Step::Literal(l),
                Element::Choice(c) => Step::Choice(c),
                Element::Gap => Step::Gap,
                Element::Slot(s) => Step::Slot(s),
                Element::Entity(r) => Step::Entity(
                    r.split('|')
                        .map(|id| {
                            let id = id.trim();
                            resolve(packs, p, id).ok_or_else(|| format!("unknown entity \"{id}\""))
                        })
                        .collect::<Result<_, _>>()?,
                ),
            })
        })
        .collect()
}

/// A pattern compiled: its figure part, its cue parts and the most words between them.
fn compile_pattern(packs: &[Pack], p: usize, source: &str) -> Result<CompiledParts, String> {
    let parsed = pattern::parse(source)?;
    let steps = resolve_elements(packs, p, parsed.elements)?;
    let mut cues = Vec::new();
    for part in parsed.cues {
        let steps = resolve_elements(packs, p, part)?;
        cues.push(match steps.as_slice() {
            [Step::Entity(keys)] => Cue::Entity(keys.clone()),
            _ => Cue::Steps(steps),
        });
    }
    let vetoes = parsed
        .vetoes
        .into_iter()
        .map(|v| {
            Ok(pattern::Veto {
                part: resolve_elements(packs, p, v.part)?,
                sentence_wide: v.sentence_wide,
            })
        })
        .collect::<Result<_, String>>()?;
    Ok((
        steps,
        cues,
        vetoes,
        parsed.within.unwrap_or(pattern::DEFAULT_WITHIN),
    ))
}

/// A pattern's figure steps, cues, vetoes and window.
type CompiledParts = (Vec<Step>, Vec<Cue>, Vec<pattern::Veto<Step>>, usize);

/// A reading as a kind (0 quantity, 1 date, 2 duration) and an interval: two readings
/// of one kind disagree when their intervals are disjoint. Days count from year 0 in
/// a monotone numbering, which is all disjointness needs.
fn comparable_reading(value: &Asserted) -> (u8, Interval) {
    let day = |d: jiff::civil::Date| {
        f64::from(d.year()) * 372.0 + f64::from(d.month()) * 31.0 + f64::from(d.day())
    };
    match value {
        Asserted::Quantity(q) => (0, q.interval),
        Asserted::Date(d) | Asserted::When(When::Date(d)) => {
            (1, Interval::closed(day(d.days.first), day(d.days.last)))
        }
        Asserted::When(When::Duration(d)) => (2, d.years),
    }
}

/// Whether two instances read values that cannot both be true.
fn disagree(a: &Instance, b: &Instance) -> bool {
    match (&a.value, &b.value) {
        (Some(x), Some(y)) => readings_disagree(x, y),
        _ => false,
    }
}

/// Whether two readings of one rule cannot both be true: disjoint quantities, days or
/// durations (a date and a duration are not compared without the document's date).
fn readings_disagree(a: &Asserted, b: &Asserted) -> bool {
    match (a, b) {
        (Asserted::Quantity(x), Asserted::Quantity(y)) => !x.interval.intersects(&y.interval),
        (
            Asserted::Date(x) | Asserted::When(When::Date(x)),
            Asserted::Date(y) | Asserted::When(When::Date(y)),
        ) => !x.days.intersects(&y.days),
        (Asserted::When(When::Duration(x)), Asserted::When(When::Duration(y))) => {
            !x.years.intersects(&y.years)
        }
        _ => false,
    }
}

/// Every reading of an expression at the start of `input`, longest first: (bytes, value).
fn parse_slot(slot: Slot, input: &str, lang: Lang, year: i16) -> Vec<(usize, Asserted)> {
    match slot {
        Slot::Quantity => expr::quantities(input, lang)
            .into_iter()
            .map(|p| (p.len, Asserted::Quantity(p.value)))
            .collect(),
        Slot::Date => expr::dates(input, lang, year)
            .into_iter()
            .map(|p| (p.len, Asserted::Date(p.value)))
            .collect(),
        Slot::When => expr::whens(input, lang, year)
            .into_iter()
            .map(|p| (p.len, Asserted::When(p.value)))
            .collect(),
    }
}

fn literal_matches(literal: &Literal, token: &Token) -> bool {
    match literal {
        Literal::Word(w) => token.kind == TokenKind::Word && token.folded == w.as_str(),
        Literal::Prefix(p) => token.kind == TokenKind::Word && token.folded.starts_with(p.as_str()),
        Literal::Mark(m) => token.kind == TokenKind::Mark && token.folded == m.as_str(),
    }
}

type Capture = (Range<usize>, Asserted);

/// A match from a token: the token after it, the captured expression, and how many
/// tokens its `{...}` gaps took in total.
type Matched = (usize, Option<Capture>, usize);

/// (steps left, token) pairs known not to match, for one pattern in one sentence. A
/// pattern's suffix matches or fails at a token whatever came before it, so remembering
/// failures keeps `{...}` from retrying the same work: matching stays linear in the
/// sentence's tokens instead of quadratic (a megabyte "sentence" without full stops).
/// A bitset over (steps left, token in the sentence): a sentence of a million tokens
/// costs a few hundred kilobytes, not a hash table of every token passed.
struct Failures {
    base: usize,
    width: usize,
    bits: Vec<u64>,
}

impl Failures {
    fn new(tokens: Range<usize>) -> Failures {
        Failures {
            base: tokens.start,
            // A gap may end just past the last token.
            width: tokens.len() + 1,
            bits: Vec::new(),
        }
    }

    fn index(&self, steps: usize, at: usize) -> Option<usize> {
        let offset = at.checked_sub(self.base).filter(|&o| o < self.width)?;
        Some(steps * self.width + offset)
    }

    fn contains(&self, &(steps, at): &(usize, usize)) -> bool {
        self.index(steps, at)
            .and_then(|i| self.bits.get(i / 64).map(|word| word >> (i % 64) & 1 == 1))
            .unwrap_or(false)
    }

    fn insert(&mut self, (steps, at): (usize, usize)) {
        let Some(i) = self.index(steps, at) else {
            return;
        };
        if self.bits.len() <= i / 64 {
            self.bits.resize(i / 64 + 1, 0);
        }
        self.bits[i / 64] |= 1 << (i % 64);
    }
}

impl DocTokens<'_> {
    /// Matches `steps` from token `at`, within tokens before `end` (the sentence's end,
    /// at byte `end_byte`): the token after the match and the captured expression.
    fn match_steps(
        &self,
        steps: &[Step],
        at: usize,
        end: usize,
        end_byte: usize,
        failures: &mut Failures,
    ) -> Option<Matched> {
        let Some((step, rest)) = steps.split_first() else {
            return Some((at, None, 0));
        };
        // Literals and choices cost less to retry than to look up.
        let memoised = matches!(step, Step::Gap | Step::Slot(_));
        if memoised && failures.contains(&(steps.len(), at)) {
            return None;
        }
        let found = match step {
            Step::Literal(l) => {
                let token = self.tokens[..end].get(at)?;
                if literal_matches(l, token) {
                    self.match_steps(rest, at + 1, end, end_byte, failures)
                } else {
                    None
                }
            }
            Step::Choice(alternatives) => alternatives.iter().find_map(|alt| {
                let tokens = self.tokens[..end].get(at..at + alt.len())?;
                if alt.iter().zip(tokens).all(|(l, t)| literal_matches(l, t)) {
                    self.match_steps(rest, at + alt.len(), end, end_byte, failures)
                } else {
                    None
                }
            }),
            Step::Gap => self.match_gap(steps, at, end, end_byte, failures),
            Step::Entity(keys) => {
                let start = self.tokens[..end].get(at)?.range.start;
                self.names
                    .get(&start)?
                    .iter()
                    .filter(|(_, k)| keys.contains(k))
                    .find_map(|&(stop, _)| {
                        let next = self.token_after(at, end, stop)?;
                        self.match_steps(rest, next, end, end_byte, failures)
                    })
            }
            Step::Slot(slot) => self.match_slot(*slot, rest, at, end, end_byte, failures),
        };
        if memoised && found.is_none() {
            failures.insert((steps.len(), at));
        }
        found
    }

    /// Matches `steps`, which begin with a gap, from token `at`: the shortest gap that
    /// lets the rest match.
    fn match_gap(
        &self,
        steps: &[Step],
        at: usize,
        end: usize,
        end_byte: usize,
        failures: &mut Failures,
    ) -> Option<Matched> {
        let rest = &steps[1..];
        // A gap failing at `next` fails at every later token too, so the walk stops at the
        // first known failure and marks every token it passed.
        let mut found = None;
        let mut next = at;
        while next <= end {
            if next > at && failures.contains(&(steps.len(), next)) {
                break;
            }
            if let Some((after, capture, gaps)) =
                self.match_steps(rest, next, end, end_byte, failures)
            {
                found = Some((after, capture, gaps + (next - at)));
                break;
            }
            next += 1;
        }
        if found.is_none() {
            for passed in at..next.min(end + 1) {
                failures.insert((steps.len(), passed));
            }
        }
        found
    }

    /// Matches `slot` at token `at`, then `rest`: the first reading of the expression
    /// there (longest first) that is a count where a quantity is wanted and lets the
    /// rest match.
    fn match_slot(
        &self,
        slot: Slot,
        rest: &[Step],
        at: usize,
        end: usize,
        end_byte: usize,
        failures: &mut Failures,
    ) -> Option<Matched> {
        let start = self.tokens[..end].get(at)?.range.start;
        let input = self.text.get(start..end_byte)?;
        let readings = self.readings_at(slot, at, input);
        readings.iter().find_map(|&(len, value)| {
            let stop = start + input[..len].trim_end().len();
            let next = self.token_after(at, end, stop)?;
            if let Asserted::Quantity(q) = &value {
                let names_unit = rest.first().is_some_and(|s| self.step_fits(s, next, end));
                let tokens = &self.tokens[..end];
                let at_next = (at, next);
                if !counts::is_count(tokens, self.text, self.lang, at_next, q, names_unit) {
                    return None;
                }
            }
            let (after, _, gaps) = self.match_steps(rest, next, end, end_byte, failures)?;
            Some((after, Some((start..stop, value)), gaps))
        })
    }

    /// The readings of `slot` at token `at` (whose text to the sentence's end is
    /// `input`), parsed once per sentence.
    fn readings_at(&self, slot: Slot, at: usize, input: &str) -> Rc<Readings> {
        if let Some(found) = self.readings.borrow().get(&(slot, at)) {
            return Rc::clone(found);
        }
        let parsed = Rc::new(parse_slot(slot, input, self.lang, self.year));
        self.readings
            .borrow_mut()
            .insert((slot, at), Rc::clone(&parsed));
        parsed
    }

    /// Whether `step` can begin at token `at` (before `end`): a literal or choice that
    /// matches it, an entity named there.
    fn step_fits(&self, step: &Step, at: usize, end: usize) -> bool {
        let Some(token) = self.tokens[..end].get(at) else {
            return false;
        };
        match step {
            Step::Literal(l) => literal_matches(l, token),
            Step::Choice(alternatives) => alternatives
                .iter()
                .any(|alt| alt.first().is_some_and(|l| literal_matches(l, token))),
            Step::Entity(_) => self.names.contains_key(&token.range.start),
            Step::Gap | Step::Slot(_) => false,
        }
    }

    /// Whether the first step of `steps` can match at token `at`: a cheap test that
    /// keeps the matcher off most tokens of a long sentence.
    fn could_start(&self, steps: &[Step], at: usize) -> bool {
        let Some(token) = self.tokens.get(at) else {
            return false;
        };
        match steps.first() {
            Some(Step::Literal(l)) => literal_matches(l, token),
            Some(Step::Choice(alternatives)) => alternatives
                .iter()
                .any(|alt| alt.first().is_some_and(|l| literal_matches(l, token))),
            Some(Step::Entity(_)) => self.names.contains_key(&token.range.start),
            Some(Step::Slot(_)) => token.kind == TokenKind::Word,
            Some(Step::Gap) | None => true,
        }
    }

    /// The index of the first token at or after byte `stop`, if no token before it
    /// straddles `stop` and at least one token (from `at`) is consumed.
    fn token_after(&self, at: usize, end: usize, stop: usize) -> Option<usize> {
        let next = at + self.tokens[at..end].partition_point(|t| t.range.start < stop);
        (next > at && self.tokens[next - 1].range.end <= stop).then_some(next)
    }
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

#[cfg(test)]
mod tests;
