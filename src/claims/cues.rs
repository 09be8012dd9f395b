//! Candidate matches of a pattern in a sentence, and the order-free cue parts of a
//! pattern (`figure & cue & {entity:ID}`, docs/RULES.md "Order-free patterns").
//!
//! The figure part is matched in order like any pattern, so the figure bound is the one
//! next to the words of that part. Each cue part must then match near it: within the
//! pattern's `{within:N}` words and in the same clause (no comma, semicolon, colon,
//! bracket, dash or quotation mark between them). An entity cue is looser, since the
//! subject of a claim often stands apart from it ("Au pouvoir depuis 1994, Alexandre
//! Loukachenko…"): named anywhere in the sentence, or named earlier in the same
//! paragraph when a stand-in ("il", "le pays", "the man") is near the figure. A veto
//! part `!words` rejects a match where it would hold as a cue; `!!words` keeps the
//! pattern off any sentence where it occurs.

use std::ops::Range;

use super::tokens::TokenKind;
use super::{
    literal_matches, Candidate, CompiledPattern, Cue, DocTokens, EntityKey, Failures, Instance,
    Step, MAX_ALTERNATIVES,
};
use crate::lang::Lang;

/// Words that take up a subject named in an earlier sentence, folded: pronouns and the
/// head nouns of phrases like "le président bélarusse", "the country", "the man".
fn stand_ins(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::Fr => &[
            "il",
            "elle",
            "lui",
            "celui",
            "son",
            "sa",
            "ses",
            "pays",
            "président",
            "dirigeant",
            "chef",
            "homme",
            "autocrate",
            "dictateur",
            "régime",
            "dirigeants",
            "gouvernement",
        ],
        Lang::En => &[
            "he",
            "she",
            "his",
            "her",
            "its",
            "country",
            "nation",
            "president",
            "leader",
            "man",
            "autocrat",
            "dictator",
            "strongman",
            "regime",
            "government",
        ],
    }
}

/// Words that open an aside between commas, folded: "1 100 prisonniers politiques, dont
/// plusieurs journalistes, restent détenus", "more than 1,100 political prisoners,
/// including a Nobel laureate, remain behind bars". An aside is no clause of its own.
fn aside_openers(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::Fr => &[
            "dont",
            "parmi",
            "notamment",
            "selon",
            "y",
            "d",
            "pour",
            "majoritairement",
            "essentiellement",
            "principalement",
            "surtout",
        ],
        Lang::En => &[
            "including",
            "among",
            "according",
            "mostly",
            "many",
            "most",
            "some",
            "such",
            "mainly",
            "chiefly",
        ],
    }
}

/// The most tokens inside an aside, commas included.
const MAX_ASIDE: usize = 16;

/// The most words between a figure part that opens the sentence and a cue after the
/// comma closing it: the comma, a subject of a few words, then the cue.
const FRONTED_WITHIN: usize = 6;

/// Marks that end a clause for cue parts.
fn ends_clause(folded: &str) -> bool {
    matches!(
        folded,
        "," | ";"
            | ":"
            | "("
            | ")"
            | "["
            | "]"
            | "—"
            | "–"
            | "«"
            | "»"
            | "\""
            | "“"
            | "”"
            | "!"
            | "?"
    )
}

/// The first byte of the sentence whose tokens are `toks`.
fn toks_start_byte(doc: &DocTokens<'_>, toks: &Range<usize>) -> usize {
    doc.tokens.get(toks.start).map_or(0, |t| t.range.start)
}

/// Words that open a clause of its own after a comma (a conjunction, a subject
/// pronoun): what follows is no apposition to the name before the comma.
fn clause_openers(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::Fr => &[
            "et", "mais", "puis", "car", "donc", "or", "alors", "tandis", "il", "elle", "ils",
            "elles", "on", "le", "la", "les", "ce", "cet", "cette",
        ],
        Lang::En => &[
            "and", "but", "then", "so", "while", "whereas", "he", "she", "it", "they", "the",
            "this", "that",
        ],
    }
}

impl DocTokens<'_> {
    /// Whether token `i` is a mark that ends a clause; a comma between digits
    /// ("1,100") is none.
    fn ends_clause_at(&self, i: usize) -> bool {
        let Some(t) = self.tokens.get(i) else {
            return false;
        };
        if t.kind != TokenKind::Mark || !ends_clause(&t.folded) {
            return false;
        }
        let digit = |j: usize, glued: bool| {
            self.tokens.get(j).is_some_and(|n| {
                n.folded.starts_with(|c: char| c.is_ascii_digit())
                    && if glued {
                        n.range.start == t.range.end
                    } else {
                        n.range.end == t.range.start
                    }
            })
        };
        !(t.folded == "," && i > 0 && digit(i - 1, false) && digit(i + 1, true))
    }

    /// The tokens of `range` outside asides, and whether a mark ending a clause stands
    /// among them (`fronted_end`, the comma closing a fronted figure part, excepted).
    fn clause_span(&self, range: Range<usize>, fronted_end: Option<usize>) -> (usize, bool) {
        let mut words = 0;
        let mut i = range.start;
        while i < range.end {
            if self.ends_clause_at(i) {
                if let Some(close) = self.aside_close(i, range.end) {
                    i = close + 1;
                    continue;
                }
                if fronted_end != Some(i) {
                    return (words, true);
                }
            }
            words += 1;
            i += 1;
        }
        (words, false)
    }

    /// The comma closing an aside opened by the comma at `open`, before `end`.
    fn aside_close(&self, open: usize, end: usize) -> Option<usize> {
        let is_comma = |i: usize| self.tokens.get(i).is_some_and(|t| t.folded == ",");
        let opener = self.tokens.get(open + 1)?;
        if !is_comma(open)
            || opener.kind != TokenKind::Word
            || !aside_openers(self.lang).contains(&opener.folded.as_str())
        {
            return None;
        }
        let last = (open + MAX_ASIDE).min(end);
        (open + 2..last)
            .find(|&i| self.ends_clause_at(i))
            .filter(|&i| is_comma(i))
    }

    /// Every candidate match of `pattern` in sentence `sentence`, overlapping ones
    /// included (up to [`MAX_ALTERNATIVES`] inside one match), with its cues checked.
    pub(super) fn candidates(
        &self,
        pattern: &CompiledPattern,
        sentence: usize,
        found: &mut Vec<Candidate>,
    ) {
        let Some((bytes, toks)) = self.sentence(sentence) else {
            return;
        };
        // Sentence vetoes cost a pass over the sentence: only once a match needs them.
        let mut vetoed: Option<bool> = None;
        let sentence_vetoed = |vetoed: &mut Option<bool>| {
            *vetoed.get_or_insert_with(|| {
                pattern.vetoes.iter().filter(|v| v.sentence_wide).any(|v| {
                    let mut failures = Failures::new(toks.clone());
                    (toks.start..toks.end).any(|s| {
                        self.could_start(&v.part, s)
                            && self
                                .match_steps(&v.part, s, toks.end, bytes.end, &mut failures)
                                .is_some()
                    })
                })
            })
        };
        let mut failures = Failures::new(toks.clone());
        let limit = self.last_start(pattern, &toks);
        let mut start = toks.start;
        let mut frontier = toks.start;
        let mut inside = 0;
        while start < toks.end {
            if start < frontier {
                inside += 1;
                if inside > MAX_ALTERNATIVES {
                    start = frontier;
                    continue;
                }
            } else {
                inside = 0;
            }
            if start < limit && self.could_start(&pattern.steps, start) {
                if let Some((end, capture, gaps)) =
                    self.match_steps(&pattern.steps, start, toks.end, bytes.end, &mut failures)
                {
                    let end = end.max(start + 1);
                    if self.cues_hold(pattern, start..end, sentence) {
                        if sentence_vetoed(&mut vetoed) {
                            return;
                        }
                        let whole = self.tokens[start].range.start..self.tokens[end - 1].range.end;
                        let (range, value) = match capture {
                            Some((range, value)) => (range, Some(value)),
                            None => (whole, None),
                        };
                        found.push(Candidate {
                            rule: pattern.rule,
                            tokens: start..end,
                            gaps,
                            order_free: !pattern.cues.is_empty(),
                            instance: Instance {
                                rule: pattern.rule,
                                range,
                                value,
                                ambiguous: false,
                            },
                        });
                        frontier = frontier.max(end);
                    }
                }
            }
            start += 1;
        }
    }

    /// The token before which a match of `pattern` must start in the sentence `toks`. A
    /// pattern that opens with a slot followed by a word (`{n} prisoners …`) is anchored
    /// at that word: its figure ends just before an occurrence of it, so no match starts
    /// at or after the last one, and the expression is not read at the words after it.
    fn last_start(&self, pattern: &CompiledPattern, toks: &Range<usize>) -> usize {
        match pattern.steps.as_slice() {
            [Step::Slot(_), Step::Literal(word), ..] => (toks.start..toks.end)
                .rev()
                .find(|&t| literal_matches(word, &self.tokens[t]))
                .unwrap_or(toks.start),
            _ => toks.end,
        }
    }

    /// Whether every cue part of `pattern` holds around its figure part at `figure`, and
    /// no near veto (`!words`) would hold there as a cue.
    fn cues_hold(&self, pattern: &CompiledPattern, figure: Range<usize>, sentence: usize) -> bool {
        pattern.cues.iter().all(|cue| match cue {
            Cue::Entity(keys) => keys
                .iter()
                .any(|&key| self.entity_cue(key, &figure, pattern.within, sentence)),
            Cue::Steps(steps) => self.words_cue(steps, &figure, pattern.within, sentence),
        }) && !pattern
            .vetoes
            .iter()
            .filter(|v| !v.sentence_wide)
            .any(|v| self.words_cue(&v.part, &figure, pattern.within, sentence))
    }

    /// Words matched in order, within `within` tokens of the figure, in its clause.
    fn words_cue(
        &self,
        steps: &[Step],
        figure: &Range<usize>,
        within: usize,
        sentence: usize,
    ) -> bool {
        let Some((bytes, toks)) = self.sentence(sentence) else {
            return false;
        };
        // A cue part is a few words: start far enough back for it to end near the figure.
        // An aside between them may widen the distance by up to MAX_ASIDE tokens.
        let first = figure
            .start
            .saturating_sub(within + 8 + MAX_ASIDE)
            .max(toks.start);
        let last = (figure.end + within + 1 + MAX_ASIDE).min(toks.end);
        // Failures remembered over the window only: the cost of a cue stays with the
        // window, not with the sentence (a sentence may be a megabyte).
        let mut failures = Failures::new(first..last);
        (first..last).any(|s| {
            if !self.could_start(steps, s) {
                return false;
            }
            let Some((end, _, _)) = self.match_steps(steps, s, toks.end, bytes.end, &mut failures)
            else {
                return false;
            };
            let between = if end <= figure.start {
                end..figure.start
            } else if s >= figure.end {
                figure.end..s
            } else {
                // Words of the figure part are no cue of their own.
                return false;
            };
            // A figure part that opens the sentence ("Depuis 2005, X gouverne…") shares
            // its clause with the one after the comma that closes it.
            // Then the cue opens that clause: "Depuis 2005, Alexandre Loukachenko
            // gouverne", not "Depuis 2021, Bialiatski était emprisonné alors que
            // Loukachenko dirigeait".
            let fronted = figure.start == toks.start && s >= figure.end;
            let across = fronted && self.ends_clause_at(figure.end);
            let (words, split) = self.clause_span(between, fronted.then_some(figure.end));
            !split && words <= if across { FRONTED_WITHIN } else { within }
        })
    }

    /// Whether the figure stands in an apposition to another name: its clause stands
    /// between commas, the first right after a capitalised word that is no mention of
    /// the entity, and the entity is not named in that clause ("Macron, président depuis 2017, a
    /// critiqué Loukachenko"; not "Loukachenko, 71 ans, au pouvoir depuis 1994").
    fn apposition_of_another(
        &self,
        key: EntityKey,
        starts: &[usize],
        figure: &Range<usize>,
        toks: &Range<usize>,
        sentence_end: usize,
    ) -> bool {
        let Some(comma) = (toks.start..figure.start)
            .rev()
            .find(|&i| self.ends_clause_at(i))
        else {
            return false;
        };
        if comma == toks.start || self.tokens.get(comma).is_none_or(|t| t.folded != ",") {
            return false;
        }
        let Some(name) = self.tokens.get(comma - 1) else {
            return false;
        };
        let capitalised = name.kind == TokenKind::Word
            && self
                .text
                .get(name.range.clone())
                .and_then(|w| w.chars().next())
                .is_some_and(char::is_uppercase);
        if !capitalised {
            return false;
        }
        // An apposition is closed by a comma too: "Loukachenko, proche allié de
        // Poutine, dirige le Bélarus depuis 1994" is a main clause. One that ends the
        // sentence ("…sur Poutine, président de la Russie depuis 2012.", "…Putin, who
        // has ruled Russia since 2000.") runs to its end, unless it opens as a clause of
        // its own ("…Poutine, et il dirige le pays depuis 1994").
        let opens_clause = self
            .tokens
            .get(comma + 1)
            .is_some_and(|t| clause_openers(self.lang).contains(&t.folded.as_str()));
        let close = (figure.end..toks.end)
            .find(|&i| self.ends_clause_at(i))
            .and_then(|i| self.tokens.get(i));
        // Nor when the entity, named before, is set off by a comma of its own: "L, a
        // close ally of P, has ruled…" goes on with L's predicate.
        let entity_set_off = || {
            let first = starts.partition_point(|&b| b < toks_start_byte(self, toks));
            starts[first..]
                .iter()
                .take_while(|&&b| b < name.range.start)
                .any(|&b| {
                    self.names.get(&b).is_some_and(|ms| {
                        ms.iter().filter(|&&(_, k)| k == key).any(|&(end, _)| {
                            let after = self.tokens.partition_point(|t| t.range.start < end);
                            self.tokens.get(after).is_some_and(|t| t.folded == ",")
                        })
                    })
                })
        };
        let clause_end = match close {
            Some(t) if t.folded == "," => t.range.start.min(sentence_end),
            _ if opens_clause || entity_set_off() => return false,
            Some(t) => t.range.start.min(sentence_end),
            None => sentence_end,
        };
        let Some(clause_start) = self.tokens.get(comma).map(|t| t.range.end) else {
            return false;
        };
        let named_in = |from: usize, to: usize| {
            starts
                .get(starts.partition_point(|&b| b < from))
                .is_some_and(|&b| b < to)
        };
        if named_in(clause_start, clause_end) {
            return false;
        }
        // A mention of a few words may end at the comma ("Alexandre Loukachenko,").
        let back = (comma - 1).saturating_sub(3).max(toks.start);
        let lo = self
            .tokens
            .get(back)
            .map_or(name.range.start, |t| t.range.start);
        let is_mention = (lo..=name.range.start).any(|b| {
            self.names
                .get(&b)
                .is_some_and(|ms| ms.iter().any(|&(end, k)| k == key && end >= name.range.end))
        });
        !is_mention
    }

    /// The entity named in the sentence, or earlier in its paragraph with a stand-in
    /// within `within` tokens of the figure.
    fn entity_cue(
        &self,
        key: EntityKey,
        figure: &Range<usize>,
        within: usize,
        sentence: usize,
    ) -> bool {
        let Some((bytes, toks)) = self.sentence(sentence) else {
            return false;
        };
        let Some(starts) = self.mention_starts.get(&key) else {
            return false;
        };
        let from = self
            .paragraph_starts
            .get(sentence)
            .copied()
            .unwrap_or(bytes.start);
        let first = starts.partition_point(|&b| b < from);
        let Some(&mention) = starts.get(first) else {
            return false;
        };
        if mention >= bytes.end {
            return false;
        }
        if self.apposition_of_another(key, starts, figure, &toks, bytes.end) {
            return false;
        }
        if mention >= bytes.start {
            return true;
        }
        let lo = figure.start.saturating_sub(within).max(toks.start);
        let hi = (figure.end + within).min(toks.end);
        // The first mention at or after the sentence's start (a binary search: a
        // paragraph may hold a whole one-line document's mentions).
        let in_sentence = starts[first..]
            .get(starts[first..].partition_point(|&b| b < bytes.start))
            .is_some_and(|&b| b < bytes.end);
        in_sentence
            || self.tokens[lo..hi].iter().any(|t| {
                t.kind == TokenKind::Word && stand_ins(self.lang).contains(&t.folded.as_str())
            })
    }
}
