//! Character-level scanning shared by the expression parsers.
//!
//! Positions are byte offsets into the input. Every function only ever moves a
//! position by whole characters, so positions stay on char boundaries, and it
//! reads through `str::get`, so a bad position yields "no match", never a panic.

use crate::Lang;

/// The character that starts at `pos`, if any.
pub(super) fn char_at(s: &str, pos: usize) -> Option<char> {
    s.get(pos..)?.chars().next()
}

/// The ASCII byte at `pos`, if any (never the middle of a multi-byte char,
/// since those bytes are not ASCII).
pub(super) fn byte_at(s: &str, pos: usize) -> Option<u8> {
    s.as_bytes().get(pos).copied().filter(u8::is_ascii)
}

pub(super) fn digit_at(s: &str, pos: usize) -> Option<u8> {
    byte_at(s, pos).filter(u8::is_ascii_digit).map(|b| b - b'0')
}

/// `'`, `’` and `ʼ` are one apostrophe.
pub(super) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

/// Spaces that may group digits: plain, no-break (U+00A0), narrow no-break (U+202F).
pub(super) fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{A0}' | '\u{202F}')
}

/// Skips a run (possibly empty) of white space, line breaks and no-break spaces included.
pub(super) fn skip_ws(s: &str, pos: usize) -> usize {
    let mut p = pos;
    while let Some(c) = char_at(s, p).filter(|c| c.is_whitespace()) {
        p += c.len_utf8();
    }
    p
}

/// Skips a run of at least one white-space character.
pub(super) fn ws1(s: &str, pos: usize) -> Option<usize> {
    let p = skip_ws(s, pos);
    (p > pos).then_some(p)
}

/// End of the word (maximal run of letters) that starts at `pos`.
pub(super) fn word_end(s: &str, pos: usize) -> Option<usize> {
    let mut p = pos;
    while let Some(c) = char_at(s, p).filter(|&c| c.is_alphabetic() && !is_apostrophe(c)) {
        p += c.len_utf8();
    }
    (p > pos).then_some(p)
}

/// True when nothing is glued to an expression ending at `pos`: the input ends
/// or the next char is neither a letter nor a digit.
pub(super) fn at_boundary(s: &str, pos: usize) -> bool {
    char_at(s, pos).is_none_or(|c| !c.is_alphanumeric() || is_apostrophe(c))
}

/// Lower-case ASCII form of a Latin letter, accents dropped, so that
/// vocabulary can be written once without accents ("decembre", "pres").
fn fold(c: char) -> Option<u8> {
    let b = match c {
        'a'..='z' => c as u8,
        'A'..='Z' => c.to_ascii_lowercase() as u8,
        'à' | 'á' | 'â' | 'ä' | 'À' | 'Á' | 'Â' | 'Ä' => b'a',
        'ç' | 'Ç' => b'c',
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => b'e',
        'î' | 'ï' | 'Î' | 'Ï' => b'i',
        'ô' | 'ö' | 'Ô' | 'Ö' => b'o',
        'ù' | 'û' | 'ü' | 'Ù' | 'Û' | 'Ü' => b'u',
        'ÿ' | 'Ÿ' => b'y',
        _ => return None,
    };
    Some(b)
}

/// Whether `word` folds to the ASCII vocabulary entry `ascii`.
pub(super) fn folds_to(word: &str, ascii: &str) -> bool {
    let mut want = ascii.bytes();
    for c in word.chars() {
        match (fold(c), want.next()) {
            (Some(a), Some(b)) if a == b => {}
            _ => return false,
        }
    }
    want.next().is_none()
}

/// End of the word at `pos` if it is `ascii` (case and accents aside).
pub(super) fn word_is(s: &str, pos: usize, ascii: &str) -> Option<usize> {
    let end = word_end(s, pos)?;
    folds_to(s.get(pos..end)?, ascii).then_some(end)
}

/// The value of the word at `pos` in `table`, with the word's end.
pub(super) fn lookup<T: Copy>(s: &str, pos: usize, table: &[(&str, T)]) -> Option<(T, usize)> {
    let end = word_end(s, pos)?;
    let word = s.get(pos..end)?;
    table
        .iter()
        .find(|(w, _)| folds_to(word, w))
        .map(|&(_, v)| (v, end))
}

/// Matches `phrase` at `pos` and returns where its last word ends.
///
/// Words of `phrase` are separated by single spaces and match runs of white
/// space. A word written with a final apostrophe ("d'", "jusqu'") matches the
/// elided form with any apostrophe, and what follows may come without a space.
/// In French, "de" also matches "d'". The second value tells whether the
/// phrase ended on an elision.
pub(super) fn phrase_end(s: &str, pos: usize, phrase: &str, lang: Lang) -> Option<(usize, bool)> {
    let mut p = pos;
    let mut elided = false;
    for (i, w) in phrase.split(' ').enumerate() {
        if i > 0 {
            p = if elided { skip_ws(s, p) } else { ws1(s, p)? };
        }
        (p, elided) = word_or_elision(s, p, w, lang)?;
    }
    Some((p, elided))
}

fn word_or_elision(s: &str, p: usize, w: &str, lang: Lang) -> Option<(usize, bool)> {
    if let Some(stem) = w.strip_suffix('\'') {
        return elision(s, p, stem).map(|e| (e, true));
    }
    if lang == Lang::Fr && w == "de" {
        if let Some(e) = elision(s, p, "d") {
            return Some((e, true));
        }
    }
    word_is(s, p, w).map(|e| (e, false))
}

fn elision(s: &str, p: usize, stem: &str) -> Option<usize> {
    let end = word_is(s, p, stem)?;
    let c = char_at(s, end).filter(|&c| is_apostrophe(c))?;
    Some(end + c.len_utf8())
}

/// A cheap test before [`prefix`] when many phrases are tried at one place:
/// whether `word` (the word found there) can start `phrase`.
pub(super) fn may_start(word: &str, phrase: &str, lang: Lang) -> bool {
    let head_len = phrase
        .bytes()
        .position(|b| b == b' ' || b == b'\'')
        .unwrap_or(phrase.len());
    let stem = phrase.get(..head_len).unwrap_or(phrase);
    folds_to(word, stem) || (lang == Lang::Fr && stem == "de" && folds_to(word, "d"))
}

/// Matches `phrase` at `pos` as a lead-in to something else and returns where
/// that something starts: after the space that must follow (none needed after
/// an elision).
pub(super) fn prefix(s: &str, pos: usize, phrase: &str, lang: Lang) -> Option<usize> {
    let (end, elided) = phrase_end(s, pos, phrase, lang)?;
    if elided {
        Some(skip_ws(s, end))
    } else {
        ws1(s, end)
    }
}

/// Matches `phrase` at `pos` as the end of an expression: nothing may be glued
/// to it.
pub(super) fn phrase_at_end(s: &str, pos: usize, phrase: &str, lang: Lang) -> Option<usize> {
    let (end, elided) = phrase_end(s, pos, phrase, lang)?;
    (!elided && at_boundary(s, end)).then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_and_accents() {
        assert!(folds_to("Décembre", "decembre"));
        assert!(folds_to("AOÛT", "aout"));
        assert!(folds_to("près", "pres"));
        assert!(!folds_to("décembres", "decembre"));
        assert!(!folds_to("déc", "decembre"));
        assert!(!folds_to("ß", "ss"));
    }

    #[test]
    fn phrases_match_elisions_and_space_runs() {
        let fr = Lang::Fr;
        assert_eq!(prefix("plus de 30", 0, "plus de", fr), Some(8));
        assert_eq!(prefix("plus d'un", 0, "plus de", fr), Some(7));
        assert_eq!(prefix("plus d’un", 0, "plus de", fr), Some(9));
        assert_eq!(prefix("plus\u{A0}\n de 3", 0, "plus de", fr), Some(11));
        assert_eq!(prefix("jusqu'à 3", 0, "jusqu' a", fr), Some(9));
        assert_eq!(prefix("plusieurs 3", 0, "plus", fr), None);
        assert_eq!(prefix("plus de", 0, "plus de", fr), None);
        assert_eq!(prefix("more of 3", 0, "more than", Lang::En), None);
        assert_eq!(
            phrase_at_end("des dizaines,", 0, "des dizaines", fr),
            Some(12)
        );
        assert_eq!(phrase_at_end("des dizaines2", 0, "des dizaines", fr), None);
    }

    #[test]
    fn positions_out_of_range_or_inside_a_char_match_nothing() {
        assert_eq!(char_at("é", 1), None);
        assert_eq!(word_end("é", 1), None);
        assert_eq!(word_end("abc", 9), None);
        assert_eq!(digit_at("é", 1), None);
        assert!(at_boundary("abc", 3));
    }
}
