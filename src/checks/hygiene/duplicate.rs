//! `hygiene/duplicate-sentence`: sentences repeated in the document, and
//! leftover fragments (a sentence of 4+ words that is the start of an earlier,
//! longer one, as machine translation leaves when it re-emits a clause).
//!
//! Also a reworded remnant: a sentence of 5+ words whose words all stand, in any
//! order, among the first words of an earlier sentence that starts with the same
//! two words ("Le Bélarus est le plus proche allié de la Russie." after "Le
//! Bélarus, le plus proche allié de la Russie, est confronté…").
//!
//! And a trailing remnant: a sentence of 2+ words that repeats the end of the
//! sentence just before it ("…cité par „Belta&ldquo ;." then "Belta&ldquo ;.").
//!
//! Linear in the document: normalised sentences go into a hash map keyed by a hash of
//! their text; a leftover fragment is looked for among the earlier sentences that open
//! with the same four words (a chain through them, at most [`FRAGMENT_CANDIDATES`]
//! long, so memory is a few bytes a sentence, not an entry per word); remnants among
//! the few latest sentences sharing the opening two words. A hit is confirmed by
//! comparing text, and the cost per sentence stays bounded.

use foldhash::{HashMap, HashMapExt};
use std::ops::Range;

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

use crate::checks::{BuiltinRule, Check, Context, Diagnostic, Sink};
use crate::finding::Kind;

pub static RULE: BuiltinRule = BuiltinRule {
    id: "hygiene/duplicate-sentence",
    kind: Kind::HygieneDuplicate,
    summary: "a sentence repeated in the document, or a leftover prefix of an earlier one",
    doc: "Reports a sentence of three or more words that repeats an earlier one (compared \
          after folding case, white space, quotation marks and accents), a sentence of four \
          or more words that is the start of an earlier, longer one, a reworded leftover of \
          an earlier sentence, and a fragment repeating the end of the sentence before it: \
          what machine translation and copy-paste leave behind. A label points at the \
          first sentence. Fix: delete the repeat.",
};

/// `hygiene/duplicate-sentence`.
pub struct DuplicateSentence;

impl Check for DuplicateSentence {
    fn builtin(&self) -> Option<&'static BuiltinRule> {
        Some(&RULE)
    }

    fn run(&self, cx: &Context<'_>, sink: &mut Sink) {
        check_into(cx.text(), &cx.sentences, &mut |d| sink.report(d));
    }
}

/// Fewest words for a leftover fragment to be reported.
const MIN_PREFIX_WORDS: usize = 4;
/// Fewest words for an exact repeat to be reported: "Oui." or "Non, merci."
/// can honestly occur twice in an article (in quotes, an interview), while a
/// repeated sentence of three or more words is almost always an accident.
const MIN_REPEAT_WORDS: usize = 3;
/// Most words of a leftover fragment: prefixes longer than this are not indexed, so a
/// megabyte "sentence" (a file with no full stop) costs no more than a normal one.
const MAX_PREFIX_WORDS: usize = 120;
/// How many earlier sentences opening with the same four words a fragment is compared
/// with, latest first; the earliest it is a prefix of is reported. Far more than any
/// article holds: only in a document of thousands of sentences sharing an opening
/// could a fragment of an earlier one go unseen.
const FRAGMENT_CANDIDATES: usize = 256;
/// No sentence, in the fragment chain.
const NONE: u32 = u32::MAX;
/// Fewest words for a reworded remnant, and how many earlier sentences with the
/// same opening are compared.
const MIN_REMNANT_WORDS: usize = 5;
const REMNANT_CANDIDATES: usize = 8;

/// The kind of repeat found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Repeat {
    Exact,
    Fragment,
    Remnant,
    Tail,
}

struct Normalised {
    text: String,
    words: usize,
    /// The running hash of the text up to the end of its fourth word.
    opening4: Option<u64>,
}

/// The normalised sentences so far, by sentence index; an exact repeat shares the text
/// of the sentence it repeats (a document of one sentence pasted a million times holds
/// it once).
#[derive(Default)]
struct Seen {
    texts: Vec<Normalised>,
    /// Per sentence, its index in `texts`.
    slot: Vec<u32>,
}

impl Seen {
    fn get(&self, sentence: usize) -> Option<&Normalised> {
        self.texts.get(*self.slot.get(sentence)? as usize)
    }

    /// Adds the next sentence; `same_as`, an earlier sentence with the same text.
    fn push(&mut self, sentence: Normalised, same_as: Option<usize>) {
        let shared = same_as.and_then(|e| self.slot.get(e)).copied();
        let slot = match shared {
            Some(slot) => slot,
            None => {
                self.texts.push(sentence);
                u32::try_from(self.texts.len() - 1).unwrap_or(u32::MAX)
            }
        };
        self.slot.push(slot);
    }
}

#[cfg(test)]
pub(super) fn check(text: &str, sentences: &[Range<usize>]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    check_into(text, sentences, &mut |d| out.push(d));
    out
}

/// Reports each repeat as it is found (the sink applies the finding limit as they come).
fn check_into(text: &str, sentences: &[Range<usize>], out: &mut dyn FnMut(Diagnostic)) {
    // Keyed by hashes of the normalised text (checked against the text where a match
    // matters): no copy of each sentence's text or opening words as keys.
    let mut whole: HashMap<u64, usize> = HashMap::new();
    // Hash of a four-word opening → the latest sentence with it; per sentence, the one
    // before it with the same opening.
    let mut fragments = Chain::default();
    // The same for two-word openings (remnants).
    let mut openings = Chain::default();
    let mut normalised = Seen::default();
    for (index, range) in sentences.iter().enumerate() {
        let sentence = normalise(text.get(range.clone()).unwrap_or(""));
        let opening = opening(&sentence.text);
        let hash = running_hash(sentence.text.as_bytes());
        let found = repeat_of(&sentence, hash, &whole, &fragments, &normalised)
            .or_else(|| {
                let candidates = openings.earlier(opening?, REMNANT_CANDIDATES);
                remnant_of(&sentence.text, candidates, &normalised).map(|e| (e, Repeat::Remnant))
            })
            .or_else(|| {
                let previous = index.checked_sub(1)?;
                tail_of(&sentence.text, &normalised.get(previous)?.text)
                    .then_some((previous, Repeat::Tail))
            });
        let found = found.filter(|&(_, repeat)| {
            !(repeat == Repeat::Exact && is_label(text, range.clone(), sentence.words))
        });
        if let Some((earlier, repeat)) = found {
            let (message, label) = match repeat {
                Repeat::Fragment => (
                    "leftover fragment of an earlier sentence: remove it",
                    "leftover fragment",
                ),
                Repeat::Tail => (
                    "leftover fragment repeating the end of the previous sentence: remove it",
                    "leftover fragment",
                ),
                Repeat::Remnant => (
                    "reworded leftover of an earlier sentence (same words): remove it",
                    "reworded repeat",
                ),
                Repeat::Exact => (
                    "sentence repeats an earlier one: remove it",
                    "repeated sentence",
                ),
            };
            out(
                Diagnostic::builtin(&RULE, range.clone(), message.to_string(), label)
                    .with_related(sentences[earlier].clone(), "first written here"),
            );
        }
        if !sentence.text.is_empty() {
            whole.entry(hash).or_insert(index);
        }
        fragments.push(index, sentence.opening4);
        let same_as = whole
            .get(&hash)
            .copied()
            .filter(|&e| e != index && normalised.get(e).is_some_and(|e| e.text == sentence.text));
        openings.push(index, opening);
        normalised.push(sentence, same_as);
    }
}

/// The earlier sentence `sentence` repeats, and whether it is only a fragment of it.
fn repeat_of(
    sentence: &Normalised,
    hash: u64,
    whole: &HashMap<u64, usize>,
    fragments: &Chain,
    normalised: &Seen,
) -> Option<(usize, Repeat)> {
    if sentence.words >= MIN_REPEAT_WORDS {
        if let Some(&earlier) = whole.get(&hash) {
            if normalised
                .get(earlier)
                .is_some_and(|e| e.text == sentence.text)
            {
                return Some((earlier, Repeat::Exact));
            }
        }
    }
    if !(MIN_PREFIX_WORDS..=MAX_PREFIX_WORDS).contains(&sentence.words) {
        return None;
    }
    let is_prefix_of = |earlier: &Normalised| {
        earlier.text.len() > sentence.text.len()
            && earlier.text.starts_with(&sentence.text)
            && !earlier.text[sentence.text.len()..].starts_with(is_word_char)
    };
    fragments
        .earlier(sentence.opening4?, FRAGMENT_CANDIDATES)
        .filter(|&e| normalised.get(e).is_some_and(is_prefix_of))
        .last()
        .map(|e| (e, Repeat::Fragment))
}

/// Sentences by an opening (a hash of their first words): the latest with each
/// opening, and a chain from each sentence to the one before it with the same opening
/// (four bytes a sentence).
#[derive(Default)]
struct Chain {
    latest: HashMap<u64, u32>,
    before: Vec<u32>,
}

impl Chain {
    /// Adds sentence `index` (sentences come in order).
    fn push(&mut self, index: usize, opening: Option<u64>) {
        let at = u32::try_from(index).unwrap_or(NONE);
        let before = match opening {
            Some(key) if at != NONE => self.latest.insert(key, at).unwrap_or(NONE),
            _ => NONE,
        };
        self.before.push(before);
    }

    /// The earlier sentences with `opening`, latest first, at most `limit`.
    fn earlier(&self, opening: u64, limit: usize) -> impl Iterator<Item = usize> + '_ {
        let mut at = self.latest.get(&opening).copied().unwrap_or(NONE);
        std::iter::from_fn(move || {
            let here = (at != NONE).then_some(at as usize)?;
            at = self.before.get(here).copied().unwrap_or(NONE);
            Some(here)
        })
        .take(limit)
    }
}

/// Most words of a label that may repeat (see [`is_label`]).
const MAX_LABEL_WORDS: usize = 4;

/// Whether a sentence is a short label standing alone on its line with no terminal
/// mark: a heading, a byline, a photo credit, a live blog's "Candidate: State" entry.
/// Such lines legitimately repeat in published copy (a credit under each photo, one
/// result listed again at a later hour), so an exact repeat of one is not reported.
fn is_label(text: &str, range: Range<usize>, words: usize) -> bool {
    if words > MAX_LABEL_WORDS {
        return false;
    }
    let (Some(before), Some(sentence), Some(after)) = (
        text.get(..range.start),
        text.get(range.clone()),
        text.get(range.end..),
    ) else {
        return false;
    };
    let line_before = before.rsplit('\n').next().unwrap_or("");
    let line_after = after.split('\n').next().unwrap_or("");
    let alone = line_before
        .chars()
        .all(|c| c.is_whitespace() || matches!(c, '-' | '*' | '•' | '–' | '—' | '+'))
        && line_after.trim().is_empty();
    let terminated = sentence
        .trim_end()
        .trim_end_matches(|c: char| is_quote(c) || c == ')')
        .ends_with(['.', '!', '?', '…']);
    alone && !terminated
}

/// Whether `sentence` (2+ words) is the end of `previous`, on a word boundary.
fn tail_of(sentence: &str, previous: &str) -> bool {
    words_of(sentence).nth(1).is_some()
        && previous.len() > sentence.len()
        && previous.ends_with(sentence)
        && !previous[..previous.len() - sentence.len()].ends_with(is_word_char)
}

fn words_of(normalised: &str) -> impl Iterator<Item = &str> {
    normalised
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
}

/// The first two words of a normalised sentence, hashed.
fn opening(normalised: &str) -> Option<u64> {
    let mut words = words_of(normalised);
    let (first, second) = (words.next()?, words.next()?);
    let joined = running_hash(first.as_bytes());
    // A byte no word holds between the two, so that ("ab", "c") is not ("a", "bc").
    let joined = (joined ^ 0xff).wrapping_mul(FNV_PRIME);
    Some(
        second
            .bytes()
            .fold(joined, |h, b| (h ^ u64::from(b)).wrapping_mul(FNV_PRIME)),
    )
}

/// The earlier sentence (among `candidates`, latest first, which share its opening) whose first
/// words hold every word of `sentence`, counted with repeats, give or take one.
fn remnant_of(
    sentence: &str,
    mut candidates: impl Iterator<Item = usize>,
    normalised: &Seen,
) -> Option<usize> {
    let words: Vec<&str> = words_of(sentence).collect();
    if words.len() < MIN_REMNANT_WORDS {
        return None;
    }
    candidates.find(|&c| {
        let Some(earlier) = normalised.get(c) else {
            return false;
        };
        if earlier.text == sentence || earlier.words <= words.len() {
            return false;
        }
        let mut pool: HashMap<&str, usize> = HashMap::new();
        for w in words_of(&earlier.text).take(words.len() + 1) {
            *pool.entry(w).or_default() += 1;
        }
        words.iter().all(|w| match pool.get_mut(w) {
            Some(n) if *n > 0 => {
                *n -= 1;
                true
            }
            _ => false,
        })
    })
}

/// FNV-1a, computed incrementally so that every prefix's hash costs O(1).
const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

fn running_hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(FNV_OFFSET, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(FNV_PRIME)
    })
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\u{FFFC}'
}

fn is_quote(c: char) -> bool {
    matches!(
        c,
        '«' | '»' | '“' | '”' | '„' | '"' | '‹' | '›' | '‘' | '’' | '\'' | 'ʼ' | '‚'
    )
}

/// Normalises a sentence for comparison: white space collapsed, quotation
/// marks removed (apostrophes between letters kept as '), lowercase, and
/// diacritics stripped so that "États" and "Etats" compare equal — machine
/// translations often drop accents, and a repeat must still be caught.
/// Trailing punctuation (the terminal mark, closing quotes) is ignored.
fn normalise(sentence: &str) -> Normalised {
    let chars: Vec<char> = sentence.chars().collect();
    let mut text = String::with_capacity(sentence.len());
    let mut pending_space = false;
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
        let next = chars.get(i + 1).copied();
        let between_words = prev.is_some_and(is_word_char) && next.is_some_and(is_word_char);
        if c.is_whitespace() {
            pending_space = true;
            continue;
        }
        if is_quote(c) {
            if between_words && matches!(c, '\'' | '’' | 'ʼ') {
                text.push('\'');
            } else if between_words {
                // «productives»a: the quote was all that separated two words.
                pending_space = true;
            }
            continue;
        }
        if pending_space && !text.is_empty() {
            text.push(' ');
        }
        pending_space = false;
        if c.is_ascii() {
            text.push(c.to_ascii_lowercase());
            continue;
        }
        for lower in c.to_lowercase() {
            decompose_canonical(lower, |d| {
                if !is_combining_mark(d) {
                    text.push(d);
                }
            });
        }
    }
    // Ignore the terminal punctuation: "…Lituanie." matches "…Lituanie, qui".
    let kept = text.trim_end_matches(|c: char| !is_word_char(c)).len();
    text.truncate(kept);

    let mut words = 0;
    let mut opening4 = None;
    let mut hash = FNV_OFFSET;
    let mut in_word = false;
    let mut iter = text.char_indices().peekable();
    while let Some((_, c)) = iter.next() {
        let mut buf = [0u8; 4];
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            hash = (hash ^ u64::from(b)).wrapping_mul(FNV_PRIME);
        }
        let word = is_word_char(c);
        if word && !in_word {
            words += 1;
        }
        in_word = word;
        let word_ends = word && iter.peek().is_none_or(|&(_, n)| !is_word_char(n));
        if word_ends && words == MIN_PREFIX_WORDS {
            opening4 = Some(hash);
        }
    }
    Normalised {
        text,
        words,
        opening4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_space_quotes_case_and_accents() {
        let a = normalise("Les  États-Unis ont « dit » non.");
        let b = normalise("les Etats-Unis ont \"dit\" non !");
        assert_eq!(a.text, "les etats-unis ont dit non");
        assert_eq!(a.text, b.text);
        assert_eq!(normalise("l’agence a dit").text, "l'agence a dit");
        assert_eq!(normalise("«productives»a dit").text, "productives a dit");
        assert_eq!(a.words, 6);
    }

    fn messages(text: &str) -> Vec<(String, &str)> {
        let mut sentences = Vec::new();
        let mut at = 0;
        for line in text.split_inclusive('\n') {
            sentences.push(at..at + line.trim_end().len());
            at += line.len();
        }
        check(text, &sentences)
            .into_iter()
            .map(|f| (f.message, &text[f.range]))
            .collect()
    }

    #[test]
    fn reworded_remnants() {
        let text = "Le pays, le plus proche voisin du royaume, est sous pression.\n\
                    Le pays est le plus proche voisin du royaume.\n\
                    Le pays a voté hier.\n\
                    Le pays est le voisin le plus proche.\n";
        let found = messages(text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].0.starts_with("reworded leftover"));
        assert_eq!(found[0].1, "Le pays est le plus proche voisin du royaume.");
    }

    #[test]
    fn trailing_remnants() {
        let text =
            "Il a parlé, selon l'agence „Novi&ldquo ;.\nNovi&ldquo ;.\nIl a parlé.\nParlé.\n";
        let found = messages(text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "Novi&ldquo ;.");
    }

    #[test]
    fn sentences_with_a_shared_opening_are_not_remnants() {
        let text = "Le président a dit non à la réforme des retraites.\n\
                    Le président a dit oui à la réforme du travail.\n";
        assert_eq!(messages(text), vec![]);
    }

    #[test]
    fn the_opening_is_the_first_four_words() {
        let n = normalise("Un deux trois quatre, cinq six.");
        assert_eq!(n.opening4, Some(running_hash(b"un deux trois quatre")));
        assert_eq!(normalise("Un deux trois.").opening4, None);
    }

    #[test]
    fn fragments_match_on_word_boundaries_only() {
        let text = "Un deux trois quatre cinq six sept.\n\
                    Un deux trois quatre cinq.\n\
                    Un deux trois quatre cin.\n";
        assert_eq!(
            messages(text),
            vec![(
                "leftover fragment of an earlier sentence: remove it".to_owned(),
                "Un deux trois quatre cinq."
            )]
        );
    }

    #[test]
    fn a_fragment_is_reported_against_the_first_sentence_it_begins() {
        let text = "Un deux trois quatre cinq six sept.\n\
                    Un deux trois quatre cinq six huit.\n\
                    Un deux trois quatre cinq.\n";
        let mut sentences = Vec::new();
        let mut at = 0;
        for line in text.split_inclusive('\n') {
            sentences.push(at..at + line.trim_end().len());
            at += line.len();
        }
        let found = check(text, &sentences);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].range, sentences[2]);
        assert_eq!(found[0].related[0].0, sentences[0]);
    }
}

#[cfg(test)]
mod vectors {
    use super::DuplicateSentence;
    use crate::checks::tester::Tester;
    use crate::Lang;

    #[test]
    fn pass_and_fail() {
        Tester::new(&DuplicateSentence, Lang::Fr)
            .pass(&[
                "Le port est fermé. Les engrais attendent.",
                "Oui. Oui.",
                "Le ministre parle. Le ministre se tait ensuite longuement.",
            ])
            .fail(&[
                "Le port de Klaipeda reste fermé. Il pleut. Le port de Klaipeda reste fermé.",
                "Le port de Klaipeda reste fermé aux engrais du pays. Le port de Klaipeda reste.",
            ]);
        Tester::new(&DuplicateSentence, Lang::En)
            .pass(&["The port is shut. Fertiliser waits at the border."])
            .fail(&["The port stays shut for now. The port stays shut for now."]);
    }

    #[test]
    fn short_labels_on_their_own_line_may_repeat() {
        Tester::new(&DuplicateSentence, Lang::En)
            .pass(&[
                // A live blog listing one result again at a later hour.
                "09:00\n\n- Ruiz: Valencia\n- Costa: Porto\n\n10:30\n\n- Ruiz: Valencia",
                // A credit under each photo.
                "Picture: Ann Lee\n\nThe bridge reopened on Monday.\n\nPicture: Ann Lee",
            ])
            .fail(&[
                // Terminated: a sentence, not a label.
                "The port is shut.\n\nRain fell.\n\nThe port is shut.",
                // Five words or more: a repeated line of copy.
                "Rain closes the northern ring road\n\nTraffic is slow.\n\nRain closes the northern ring road",
                // Not alone on its line.
                "Result: Ruiz won. Result: Ruiz won",
            ]);
    }
}
