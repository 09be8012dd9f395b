//! `hygiene/duplicate-sentence`: sentences repeated in the document, and
//! leftover fragments (a sentence of 4+ words that is the start of an earlier,
//! longer one, as machine translation leaves when it re-emits a clause).
//!
//! Linear in the document: normalised sentences go into a hash map, and every
//! word-boundary prefix of 4+ words of each sentence goes into a second map
//! keyed by a running hash of the prefix; a hit is confirmed by comparing text.

use std::collections::HashMap;
use std::ops::Range;

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

use super::{Check, HygieneFinding};

/// Fewest words for a leftover fragment to be reported.
const MIN_PREFIX_WORDS: usize = 4;
/// Fewest words for an exact repeat to be reported: "Oui." or "Non, merci."
/// can honestly occur twice in an article (in quotes, an interview), while a
/// repeated sentence of three or more words is almost always an accident.
const MIN_REPEAT_WORDS: usize = 3;

struct Normalised {
    text: String,
    words: usize,
    /// Byte ends (in `text`) of each word-boundary prefix of 4+ words, with
    /// the running hash of the text up to there; proper prefixes only.
    prefixes: Vec<(usize, u64)>,
}

pub(super) fn check(text: &str, sentences: &[Range<usize>]) -> Vec<HygieneFinding> {
    let mut out = Vec::new();
    let mut whole: HashMap<String, usize> = HashMap::new();
    let mut prefixes: HashMap<u64, (usize, usize)> = HashMap::new();
    let mut normalised: Vec<Normalised> = Vec::with_capacity(sentences.len());
    for (index, range) in sentences.iter().enumerate() {
        let sentence = normalise(text.get(range.clone()).unwrap_or(""));
        if let Some(found) = repeat_of(&sentence, &whole, &prefixes, &normalised) {
            let (earlier, fragment) = found;
            let (message, label) = if fragment {
                (
                    "leftover fragment of an earlier sentence",
                    "leftover fragment",
                )
            } else {
                ("sentence repeats an earlier one", "repeated sentence")
            };
            out.push(
                HygieneFinding::new(
                    Check::DuplicateSentence,
                    range.clone(),
                    message.to_string(),
                    label,
                )
                .with_related(sentences[earlier].clone(), "first written here"),
            );
        }
        if !sentence.text.is_empty() {
            whole.entry(sentence.text.clone()).or_insert(index);
        }
        for &(end, hash) in &sentence.prefixes {
            prefixes.entry(hash).or_insert((index, end));
        }
        normalised.push(sentence);
    }
    out
}

/// The earlier sentence `sentence` repeats, and whether it is only a fragment of it.
fn repeat_of(
    sentence: &Normalised,
    whole: &HashMap<String, usize>,
    prefixes: &HashMap<u64, (usize, usize)>,
    normalised: &[Normalised],
) -> Option<(usize, bool)> {
    if sentence.words >= MIN_REPEAT_WORDS {
        if let Some(&earlier) = whole.get(&sentence.text) {
            return Some((earlier, false));
        }
    }
    if sentence.words < MIN_PREFIX_WORDS {
        return None;
    }
    let &(earlier, end) = prefixes.get(&running_hash(sentence.text.as_bytes()))?;
    let prefix = normalised.get(earlier)?.text.get(..end)?;
    (prefix == sentence.text).then_some((earlier, true))
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
    let mut prefixes = Vec::new();
    let mut hash = FNV_OFFSET;
    let mut in_word = false;
    let mut iter = text.char_indices().peekable();
    while let Some((at, c)) = iter.next() {
        let mut buf = [0u8; 4];
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            hash = (hash ^ u64::from(b)).wrapping_mul(FNV_PRIME);
        }
        let word = is_word_char(c);
        if word && !in_word {
            words += 1;
        }
        in_word = word;
        let end = at + c.len_utf8();
        let word_ends = word && iter.peek().is_none_or(|&(_, n)| !is_word_char(n));
        if word_ends && words >= MIN_PREFIX_WORDS && end < text.len() {
            prefixes.push((end, hash));
        }
    }
    Normalised {
        text,
        words,
        prefixes,
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

    #[test]
    fn prefixes_end_on_word_boundaries() {
        let n = normalise("Un deux trois quatre, cinq six.");
        let ends: Vec<&str> = n.prefixes.iter().map(|&(e, _)| &n.text[..e]).collect();
        assert_eq!(ends, ["un deux trois quatre", "un deux trois quatre, cinq"]);
        for &(end, hash) in &n.prefixes {
            assert_eq!(hash, running_hash(&n.text.as_bytes()[..end]));
        }
    }
}
