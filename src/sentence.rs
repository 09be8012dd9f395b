//! Sentence segmentation for French and English news copy.
//!
//! A sentence ends at a run of terminal marks (`.` `!` `?` `…`, e.g. `?!`,
//! `...`), plus any closing quotes or brackets that belong to it, when white
//! space follows and then something that can start a sentence (or the end of
//! the paragraph). Abbreviations, initials and decimals never end one, and a
//! lowercase continuation (`«Très productives!» a-t-il dit`) never starts one.

use std::ops::Range;

use crate::Lang;

/// The longest stretch of text read at once where a pass keeps a table per character
/// (sentence splitting, names, spacing rules): a paragraph of hundreds of megabytes (a
/// whole article on one line) is read in stretches of about this size, so that memory
/// follows the stretch, not the paragraph.
pub const SEGMENT: usize = 1 << 20;

/// Sentences of one paragraph, as byte ranges into `text`, trimmed of surrounding white space,
/// in order, non-overlapping, never crossing the paragraph's bounds. A paragraph longer
/// than [`SEGMENT`] is read a stretch at a time, each stretch's last sentence read again
/// with what follows it, so the sentences are those of the whole paragraph; only a
/// sentence longer than half a stretch may be cut (where [`cut`] says).
pub fn sentences(text: &str, paragraph: Range<usize>, lang: Lang) -> Vec<Range<usize>> {
    sentences_in(text, paragraph, lang, SEGMENT)
}

fn sentences_in(text: &str, paragraph: Range<usize>, lang: Lang, max: usize) -> Vec<Range<usize>> {
    let Some(paragraph) = clamp_to_chars(text, paragraph) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut start = paragraph.start;
    loop {
        let Some(cut) = cut(text, start..paragraph.end, max, false) else {
            out.extend(split(text, start..paragraph.end, lang));
            return out;
        };
        let mut found = split(text, start..cut, lang);
        match found.pop() {
            // The stretch's last sentence may go on past the cut: read it again.
            Some(last) if !found.is_empty() => start = last.start,
            last => {
                out.extend(last);
                start = cut;
            }
        }
        out.extend(found);
    }
}

/// `range` cut into stretches of at most about `max` bytes (see [`cut`]).
pub fn segments(text: &str, range: Range<usize>, max: usize) -> Vec<Range<usize>> {
    cut_all(text, range, max, false)
}

/// `text` cut into stretches of at most about `max` bytes for reading names: a cut
/// goes at the start of a sentence where one is near (see [`cut`]).
pub fn name_segments(text: &str, max: usize) -> Vec<Range<usize>> {
    cut_all(text, 0..text.len(), max, true)
}

fn cut_all(text: &str, range: Range<usize>, max: usize, sentence: bool) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = range.start;
    while let Some(at) = cut(text, start..range.end, max, sentence) {
        out.push(start..at);
        start = at;
    }
    out.push(start..range.end);
    out
}

/// Where to end a stretch of `range` that is longer than `max` (`None`: it is not): the
/// first of these found past half of `max` and before `max` bytes (each a character
/// boundary strictly inside `range`):
/// 1. with `sentence`, the start of a sentence (`.`, `!` or `?`, one space, a capital)
///    within an eighth of `max`;
/// 2. right after a single space between two letters or digits ("word |word"): no mark
///    and no run of spaces straddles it, so no spacing rule reads differently;
/// 3. after a single space that follows a letter, a digit or a closing mark and comes
///    before a letter or digit (", |word"): a mark keeps the spaces around it (not after
///    an opening quote, whose inner space is a spacing matter);
/// 4. at `max` bytes, on a character boundary (text without spaces after letters).
fn cut(text: &str, range: Range<usize>, max: usize, sentence: bool) -> Option<usize> {
    if range.end.saturating_sub(range.start) <= max {
        return None;
    }
    let mut from = range.start + max / 2;
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut limit = range.start + max.max(1);
    while !text.is_char_boundary(limit) {
        limit += 1;
    }
    let window = text.get(from..limit.min(range.end))?;
    let near = from + max / 8;
    let mut fallback = None;
    let mut chars = window.char_indices().peekable();
    let (mut before2, mut before) = (None, None);
    while let Some((i, c)) = chars.next() {
        let at = from + i;
        let next = chars.peek().map(|&(_, n)| n);
        if sentence
            && at < near
            && at > range.start
            && c.is_uppercase()
            && before == Some(' ')
            && before2.is_some_and(|m| matches!(m, '.' | '!' | '?'))
        {
            return Some(at);
        }
        if c == ' '
            && before.is_some_and(char::is_alphanumeric)
            && next.is_some_and(char::is_alphanumeric)
            && (!sentence || at >= near)
        {
            return Some(at + 1);
        }
        if fallback.is_none()
            && c.is_alphanumeric()
            && before == Some(' ')
            && before2.is_some_and(|b| b.is_alphanumeric() || ",;:.!?)".contains(b))
            && at > range.start
        {
            fallback = Some(at);
        }
        (before2, before) = (before, Some(c));
    }
    fallback.or((limit < range.end).then_some(limit))
}

/// [`sentences`] of one stretch.
fn split(text: &str, paragraph: Range<usize>, lang: Lang) -> Vec<Range<usize>> {
    let Some(para) = text.get(paragraph.clone()) else {
        return Vec::new();
    };
    let base = paragraph.start;
    let chars: Vec<(usize, char)> = para.char_indices().collect();
    let n = chars.len();
    // Byte offset (within `para`) of the char at index `i`, or the end.
    let at = |i: usize| chars.get(i).map_or(para.len(), |&(b, _)| b);

    let mut out = Vec::new();
    let mut start = skip_space(&chars, 0);
    let mut i = start;
    while i < n {
        if !is_terminal(chars[i].1) {
            i += 1;
            continue;
        }
        let run_start = i;
        let mut end = i;
        while end < n && is_terminal(chars[end].1) {
            end += 1;
        }
        let single_period = end - run_start == 1 && chars[run_start].1 == '.';
        let run_end = end;
        end = absorb_closers(&chars, end);
        let next = skip_space(&chars, end);
        if next == end && end < n {
            // No white space after the mark: "9.5", "U.S.", "fin.Le".
            i = end;
            continue;
        }
        if next < n {
            let follower = chars[next].1;
            let abbreviated = single_period
                && run_end == end
                && is_abbreviation(word_before(para, &chars, start, run_start), lang, follower);
            if !can_start_sentence(follower) || abbreviated {
                i = next;
                continue;
            }
        }
        push_trimmed(&mut out, para, base, at(start)..at(end));
        start = next;
        i = next;
    }
    if start < n {
        push_trimmed(&mut out, para, base, at(start)..para.len());
    }
    out
}

/// Clamps `range` to `text` and shrinks it onto char boundaries; `None` when nothing is left.
pub(crate) fn clamp_to_chars(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let mut start = range.start.min(text.len());
    let mut end = range.end.min(text.len());
    while start < end && !text.is_char_boundary(start) {
        start += 1;
    }
    while end > start && !text.is_char_boundary(end) {
        end -= 1;
    }
    (start < end).then_some(start..end)
}

fn push_trimmed(out: &mut Vec<Range<usize>>, para: &str, base: usize, range: Range<usize>) {
    let Some(slice) = para.get(range.clone()) else {
        return;
    };
    let lead = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if trimmed.is_empty() {
        return;
    }
    let start = base + range.start + lead;
    out.push(start..start + trimmed.len());
}

fn skip_space(chars: &[(usize, char)], mut i: usize) -> usize {
    while i < chars.len() && chars[i].1.is_whitespace() {
        i += 1;
    }
    i
}

/// Takes the closing quotes and brackets (and further terminal marks) that
/// follow a terminal mark: `!»`, `." `, `! ».`, `.)`.
fn absorb_closers(chars: &[(usize, char)], mut end: usize) -> usize {
    let n = chars.len();
    loop {
        if end < n && (is_adjacent_closer(chars[end].1) || is_terminal(chars[end].1)) {
            end += 1;
            continue;
        }
        // French typesets `! »` with a no-break space; » ” › never open, so
        // they may be taken across white space on the same line.
        let mut j = end;
        while j < n && chars[j].1.is_whitespace() && !is_line_break(chars[j].1) {
            j += 1;
        }
        if j > end && j < n && is_unambiguous_closer(chars[j].1) {
            end = j + 1;
            continue;
        }
        return end;
    }
}

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

fn is_unambiguous_closer(c: char) -> bool {
    matches!(c, '»' | '”' | '›')
}

/// Closers taken only when they touch the mark: `"` and `'` may also open the next sentence.
fn is_adjacent_closer(c: char) -> bool {
    is_unambiguous_closer(c) || matches!(c, '"' | '\'' | '’' | '“' | ')' | ']' | '}')
}

fn can_start_sentence(c: char) -> bool {
    c.is_uppercase()
        || c.is_numeric()
        // Letters of scripts without case.
        || (c.is_alphabetic() && !c.is_lowercase())
        || matches!(
            c,
            '«' | '“' | '„' | '"' | '\'' | '‘' | '‹' | '‚' | '-' | '–' | '—' | '―' | '(' | '['
                | '¿' | '¡' | '•' | '*' | '\u{FFFC}'
        )
}

/// The word (white-space delimited, without leading opening punctuation) that
/// ends right before the terminal mark at char index `mark`.
fn word_before<'a>(para: &'a str, chars: &[(usize, char)], floor: usize, mark: usize) -> &'a str {
    let mut i = mark;
    while i > floor && !chars[i - 1].1.is_whitespace() {
        i -= 1;
    }
    let from = chars.get(i).map_or(para.len(), |&(b, _)| b);
    let to = chars.get(mark).map_or(para.len(), |&(b, _)| b);
    para.get(from..to)
        .unwrap_or("")
        .trim_start_matches(['(', '[', '«', '“', '„', '"', '\'', '‘', '‹'])
}

/// Abbreviations whose period never ends a sentence in French copy.
const FR_ABBREVIATIONS: &[&str] = &[
    "M", "MM", "Mme", "Mmes", "Mlle", "Mlles", "Mgr", "Dr", "Pr", "St", "Ste", "cf", "Cf", "av",
    "apr", "env", "ex", "p", "art", "janv", "févr", "avr", "juil", "sept", "oct", "nov", "déc",
];

/// Abbreviations whose period never ends a sentence in English copy.
const EN_ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Messrs", "Dr", "Prof", "Sen", "Sens", "Rep", "Reps", "Gov", "Gen", "Lt",
    "Col", "Capt", "Sgt", "Rev", "St", "Mt", "Ft", "Jr", "Sr", "vs", "e.g", "i.e", "cf", "Jan",
    "Feb", "Mar", "Apr", "Aug", "Sept", "Oct", "Nov", "Dec",
];

/// Whether `word` (the text before a single `.`) is an abbreviation or an
/// initial, so that the period does not end the sentence. `follower` is the
/// first character after the white space.
pub(crate) fn is_abbreviation(word: &str, lang: Lang, follower: char) -> bool {
    if word.is_empty() {
        return false;
    }
    // "No. 5" / "n. 5": a number sign only before a number.
    if matches!(word, "No" | "no" | "Nos" | "nos") {
        return lang == Lang::En && follower.is_numeric();
    }
    let list = match lang {
        Lang::Fr => FR_ABBREVIATIONS,
        Lang::En => EN_ABBREVIATIONS,
    };
    if list.contains(&word) {
        return true;
    }
    // Initials: "J. R. R. Tolkien", "John F. Kennedy", "U.S.", "J.-C.".
    let last = word.rsplit(['.', '-']).next().unwrap_or(word);
    let mut letters = last.chars();
    matches!((letters.next(), letters.next()), (Some(c), None) if c.is_uppercase())
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn split(text: &str, lang: Lang) -> Vec<&str> {
        sentences(text, 0..text.len(), lang)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    /// (language, paragraph, expected sentences)
    const CASES: &[(Lang, &str, &[&str])] = &[
        // Plain boundaries.
        (Lang::Fr, "Il pleut. Il vente.", &["Il pleut.", "Il vente."]),
        (Lang::En, "It rains. It blows.", &["It rains.", "It blows."]),
        (
            Lang::Fr,
            "Vraiment\u{202F}? Oui\u{202F}!",
            &["Vraiment\u{202F}?", "Oui\u{202F}!"],
        ),
        (
            Lang::En,
            "Really? Yes! Fine.",
            &["Really?", "Yes!", "Fine."],
        ),
        (Lang::Fr, "Quoi\u{202F}?! Non.", &["Quoi\u{202F}?!", "Non."]),
        (Lang::En, "What?! No.", &["What?!", "No."]),
        (Lang::Fr, "Et puis... Rien.", &["Et puis...", "Rien."]),
        (Lang::Fr, "Et puis… Rien.", &["Et puis…", "Rien."]),
        (Lang::Fr, "Et puis… rien.", &["Et puis… rien."]),
        (
            Lang::En,
            "  Leading space. Trailing.  ",
            &["Leading space.", "Trailing."],
        ),
        (Lang::En, "No terminal mark", &["No terminal mark"]),
        (
            Lang::En,
            "One.\nTwo.\r\nThree.",
            &["One.", "Two.", "Three."],
        ),
        (Lang::Fr, "Fin.Le début", &["Fin.Le début"]),
        (Lang::En, "", &[]),
        (Lang::En, "   \n ", &[]),
        (Lang::En, "...", &["..."]),
        // What may start a sentence.
        (
            Lang::Fr,
            "Il a 30 ans. 2022 fut dure.",
            &["Il a 30 ans.", "2022 fut dure."],
        ),
        (
            Lang::Fr,
            "Il l'a dit. « Non », a-t-il dit.",
            &["Il l'a dit.", "« Non », a-t-il dit."],
        ),
        (Lang::Fr, "Il l'a dit. — Non.", &["Il l'a dit.", "— Non."]),
        (Lang::Fr, "Il l'a dit. „Non.", &["Il l'a dit.", "„Non."]),
        (
            Lang::En,
            "He said it. \"No,\" she said.",
            &["He said it.", "\"No,\" she said."],
        ),
        (
            Lang::En,
            "He said it. “No,” she said.",
            &["He said it.", "“No,” she said."],
        ),
        (
            Lang::En,
            "He said it. 'No,' she said.",
            &["He said it.", "'No,' she said."],
        ),
        (
            Lang::En,
            "It ended. (Briefly.) Then.",
            &["It ended.", "(Briefly.)", "Then."],
        ),
        (
            Lang::En,
            "It ended. \u{FFFC} runs.",
            &["It ended.", "\u{FFFC} runs."],
        ),
        (
            Lang::Fr,
            "Il est parti. à midi.",
            &["Il est parti. à midi."],
        ),
        // Closing quotes and brackets stay with their sentence.
        (
            Lang::Fr,
            "Il les a jugées « très productives ». Puis il est parti.",
            &[
                "Il les a jugées « très productives ».",
                "Puis il est parti.",
            ],
        ),
        (
            Lang::Fr,
            "« Nous levons les sanctions.\u{a0}» Puis il est parti.",
            &["« Nous levons les sanctions.\u{a0}»", "Puis il est parti."],
        ),
        (
            Lang::Fr,
            "« C'est fini\u{202F}!\u{a0}». Il part.",
            &["« C'est fini\u{202F}!\u{a0}».", "Il part."],
        ),
        (
            Lang::En,
            "\"They were productive.\" He left.",
            &["\"They were productive.\"", "He left."],
        ),
        (
            Lang::En,
            "“They were productive.” He left.",
            &["“They were productive.”", "He left."],
        ),
        (Lang::En, "(See below.) Then.", &["(See below.)", "Then."]),
        // A terminal mark inside quotes, then a lowercase continuation.
        (
            Lang::Fr,
            "«Très productives!» a-t-il dit. Bien.",
            &["«Très productives!» a-t-il dit.", "Bien."],
        ),
        (
            Lang::Fr,
            "« Très productives\u{202F}!\u{a0}» a-t-il dit.",
            &["« Très productives\u{202F}!\u{a0}» a-t-il dit."],
        ),
        (
            Lang::En,
            "\"Very productive!\" he said. Fine.",
            &["\"Very productive!\" he said.", "Fine."],
        ),
        (Lang::En, "“Why?” she asked.", &["“Why?” she asked."]),
        // Numbers.
        (
            Lang::En,
            "Growth was 9.5 percent. It fell.",
            &["Growth was 9.5 percent.", "It fell."],
        ),
        (
            Lang::Fr,
            "Il y a 1.200 détenus. Ils restent.",
            &["Il y a 1.200 détenus.", "Ils restent."],
        ),
        (
            Lang::Fr,
            "La croissance est de 9,5 %. Elle baisse.",
            &["La croissance est de 9,5 %.", "Elle baisse."],
        ),
        (
            Lang::En,
            "Version 1.2.3 shipped. Done.",
            &["Version 1.2.3 shipped.", "Done."],
        ),
        (
            Lang::Fr,
            "Il est né en 1994. Le pays a changé.",
            &["Il est né en 1994.", "Le pays a changé."],
        ),
        // French abbreviations.
        (
            Lang::Fr,
            "M. Coale est venu. Il est reparti.",
            &["M. Coale est venu.", "Il est reparti."],
        ),
        (
            Lang::Fr,
            "Selon MM. Dupont et Durand, oui.",
            &["Selon MM. Dupont et Durand, oui."],
        ),
        (
            Lang::Fr,
            "Mme Dobrin parle. Mlle Ionescu aussi.",
            &["Mme Dobrin parle.", "Mlle Ionescu aussi."],
        ),
        (
            Lang::Fr,
            "Selon Mme. Dobrin, non.",
            &["Selon Mme. Dobrin, non."],
        ),
        (
            Lang::Fr,
            "Le Dr. Martin opère. Bien.",
            &["Le Dr. Martin opère.", "Bien."],
        ),
        (
            Lang::Fr,
            "Le Pr. Martin enseigne.",
            &["Le Pr. Martin enseigne."],
        ),
        (
            Lang::Fr,
            "Allez à St. Pierre. Ou à Ste. Anne.",
            &["Allez à St. Pierre.", "Ou à Ste. Anne."],
        ),
        (
            Lang::Fr,
            "Des fruits, etc. et des légumes.",
            &["Des fruits, etc. et des légumes."],
        ),
        (
            Lang::Fr,
            "Des fruits, des légumes, etc. Puis rien.",
            &["Des fruits, des légumes, etc.", "Puis rien."],
        ),
        (
            Lang::Fr,
            "Des villes, p. ex. Minsk, sont grandes.",
            &["Des villes, p. ex. Minsk, sont grandes."],
        ),
        (
            Lang::Fr,
            "Voir ce texte, cf. Annexe 2.",
            &["Voir ce texte, cf. Annexe 2."],
        ),
        (
            Lang::Fr,
            "En 52 av. J.-C. César gagne.",
            &["En 52 av. J.-C. César gagne."],
        ),
        (
            Lang::Fr,
            "Il y a env. 300 détenus.",
            &["Il y a env. 300 détenus."],
        ),
        (
            Lang::Fr,
            "Le n° 5 est parti. Le n° 6 reste.",
            &["Le n° 5 est parti.", "Le n° 6 reste."],
        ),
        (
            Lang::Fr,
            "Le 8 déc. 2021, rien.",
            &["Le 8 déc. 2021, rien."],
        ),
        // English abbreviations.
        (
            Lang::En,
            "Mr. Coale came. He left.",
            &["Mr. Coale came.", "He left."],
        ),
        (
            Lang::En,
            "Mrs. Smith and Ms. Jones met Dr. Who.",
            &["Mrs. Smith and Ms. Jones met Dr. Who."],
        ),
        (
            Lang::En,
            "Prof. Adams and Sen. Brown met Rep. Clark.",
            &["Prof. Adams and Sen. Brown met Rep. Clark."],
        ),
        (
            Lang::En,
            "Gov. Hale, Gen. Ross, Lt. Diaz, Col. Park.",
            &["Gov. Hale, Gen. Ross, Lt. Diaz, Col. Park."],
        ),
        (
            Lang::En,
            "He lives on St. James Street.",
            &["He lives on St. James Street."],
        ),
        (
            Lang::En,
            "Martin Luther King Jr. Day is near.",
            &["Martin Luther King Jr. Day is near."],
        ),
        (
            Lang::En,
            "John Smith Sr. Retired.",
            &["John Smith Sr. Retired."],
        ),
        (
            Lang::En,
            "It was Ali vs. Frazier. Then.",
            &["It was Ali vs. Frazier.", "Then."],
        ),
        (
            Lang::En,
            "Some cities, e.g. Minsk, are big.",
            &["Some cities, e.g. Minsk, are big."],
        ),
        (
            Lang::En,
            "The capital, i.e. Minsk, is big.",
            &["The capital, i.e. Minsk, is big."],
        ),
        (
            Lang::En,
            "The U.S. Treasury acted. It said so.",
            &["The U.S. Treasury acted.", "It said so."],
        ),
        (
            Lang::En,
            "The U.K. Government and the U.N. Council met.",
            &["The U.K. Government and the U.N. Council met."],
        ),
        (
            Lang::En,
            "On Jan. 5 and Feb. 6 it rained.",
            &["On Jan. 5 and Feb. 6 it rained."],
        ),
        (
            Lang::En,
            "In Aug. Smith left. In Sept. Jones did.",
            &["In Aug. Smith left.", "In Sept. Jones did."],
        ),
        (
            Lang::En,
            "By Oct. Nothing; by Nov. Less; by Dec. None.",
            &["By Oct. Nothing; by Nov. Less; by Dec. None."],
        ),
        (
            Lang::En,
            "He is No. 1 now. Good.",
            &["He is No. 1 now.", "Good."],
        ),
        (
            Lang::En,
            "He said No. Then left.",
            &["He said No.", "Then left."],
        ),
        // Initials.
        (
            Lang::En,
            "J. R. R. Tolkien wrote it.",
            &["J. R. R. Tolkien wrote it."],
        ),
        (
            Lang::En,
            "John F. Kennedy spoke. He left.",
            &["John F. Kennedy spoke.", "He left."],
        ),
        (
            Lang::Fr,
            "Charles A. Dupont est venu.",
            &["Charles A. Dupont est venu."],
        ),
        // Colons and semicolons never end a sentence.
        (
            Lang::Fr,
            "Il dit\u{a0}: Non. Puis\u{202F}; Oui.",
            &["Il dit\u{a0}: Non.", "Puis\u{202F}; Oui."],
        ),
        (Lang::En, "He said: No; Yes.", &["He said: No; Yes."]),
    ];

    #[test]
    fn segmentation_table() {
        for (lang, text, expected) in CASES {
            assert_eq!(split(text, *lang), *expected, "{lang:?}: {text:?}");
        }
    }

    #[test]
    fn ranges_stay_in_the_paragraph() {
        let text = "Avant. Il pleut. Il vente. Après.";
        let start = text.find("Il pleut").unwrap_or(0);
        let end = text.find(" Après").unwrap_or(text.len());
        let got: Vec<&str> = sentences(text, start..end, Lang::Fr)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(got, ["Il pleut.", "Il vente."]);
    }

    #[test]
    fn bad_paragraph_ranges_do_not_panic() {
        let text = "Étés. Oui.";
        assert!(sentences(text, Range { start: 5, end: 2 }, Lang::Fr).is_empty());
        assert!(sentences(text, 0..1000, Lang::Fr).len() == 2);
        // 1 is inside "É": shrunk onto the next boundary.
        assert_eq!(sentences(text, 1..text.len(), Lang::Fr)[0].start, 2);
        assert!(sentences(text, 1000..2000, Lang::Fr).is_empty());
    }

    fn tricky_text() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "a", "É", "é", "Le", "M", "J", "Mr", "etc", "U.S", "1", "9", " ", "  ", "\u{a0}",
            "\u{202F}", "\n", "\t", ".", "...", "…", "!", "?", "?!", ";", ":", ",", "«", "»", "“",
            "”", "„", "\"", "'", "’", "‹", "›", "(", ")", "-", "—", "\u{FFFC}", "🙂",
        ]);
        prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
    }

    fn assert_well_formed(text: &str, start: usize, end: usize, lang: Lang) {
        let got = sentences(text, start..end, lang);
        let mut last_end = 0;
        for r in &got {
            let s = text.get(r.clone());
            assert!(s.is_some(), "{r:?} not on char boundaries of {text:?}");
            let s = s.unwrap_or_default();
            assert!(
                r.start >= start && r.end <= end,
                "{r:?} outside {start}..{end}"
            );
            assert!(r.start >= last_end, "{r:?} overlaps or is out of order");
            assert!(!s.is_empty() && s.trim() == s, "{s:?} not trimmed");
            last_end = r.end;
        }
    }

    /// Whether every sentence of `whole`, with the space before the next, is shorter than
    /// `limit` bytes.
    fn all_shorter(whole: &[Range<usize>], len: usize, limit: usize) -> bool {
        let mut starts: Vec<usize> = whole.iter().map(|r| r.start).collect();
        starts.insert(0, 0);
        starts.push(len);
        starts.windows(2).all(|w| w[1] - w[0] < limit)
    }

    #[test]
    fn a_long_paragraph_is_read_in_stretches_to_the_same_sentences() {
        let pieces = [
            "Le président a parlé.",
            "M. Dupont est venu à 9 h 30 ce matin!",
            "Pourquoi pas ?",
            "« Non », a-t-il dit.",
            "Voir p. 12 et U.S. policy, etc. Puis la fin…",
        ];
        let text: String = (0..300)
            .map(|i| format!("Article {i} : {} ", pieces[i % pieces.len()]))
            .collect();
        let whole = sentences_in(&text, 0..text.len(), Lang::Fr, usize::MAX);
        assert!(whole.len() > 300, "{}", whole.len());
        for max in [200, 333, 1000, 4096] {
            assert_eq!(
                sentences_in(&text, 0..text.len(), Lang::Fr, max),
                whole,
                "{max}"
            );
        }
        // A sentence longer than a stretch is cut between two words, within bounds.
        let long = "mot ".repeat(1000);
        let cut = sentences_in(&long, 0..long.len(), Lang::Fr, 256);
        assert!(cut.len() > 10, "{}", cut.len());
        assert!(cut
            .iter()
            .all(|r| r.len() <= 256 && long[r.clone()].ends_with("mot")));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn stretches_give_the_sentences_of_the_whole(
            parts in prop::collection::vec((tricky_text(), "[a-z]{1,3} [a-z]{1,3}"), 0..12),
            max in 8usize..64,
        ) {
            let text: String = parts.into_iter().map(|(a, b)| a + &b).collect();
            for lang in [Lang::Fr, Lang::En] {
                let whole = sentences_in(&text, 0..text.len(), lang, usize::MAX);
                let read = sentences_in(&text, 0..text.len(), lang, max);
                if all_shorter(&whole, text.len(), max / 2) {
                    prop_assert_eq!(&read, &whole);
                }
                // Always: in order, on char boundaries, nothing but white space left out.
                let mut last_end = 0;
                for r in &read {
                    prop_assert!(r.start >= last_end && text.get(r.clone()).is_some());
                    prop_assert!(text[last_end..r.start].trim().is_empty());
                    last_end = r.end;
                }
                prop_assert!(text[last_end..].trim().is_empty());
            }
        }

        #[test]
        fn ranges_are_well_formed_on_tricky_text(text in tricky_text(), a in 0usize..300, b in 0usize..300) {
            assert_well_formed(&text, 0, text.len(), Lang::Fr);
            assert_well_formed(&text, 0, text.len(), Lang::En);
            // Any paragraph range: what comes back stays inside its clamped form.
            let (lo, hi) = (a.min(b), a.max(b));
            let got = sentences(&text, lo..hi, Lang::Fr);
            for r in got {
                prop_assert!(r.start >= lo && r.end <= hi.min(text.len()));
                prop_assert!(text.get(r).is_some());
            }
        }

        #[test]
        fn ranges_are_well_formed_on_any_text(text in any::<String>()) {
            assert_well_formed(&text, 0, text.len(), Lang::Fr);
            assert_well_formed(&text, 0, text.len(), Lang::En);
        }

        #[test]
        fn sentences_cover_all_non_space_text(text in tricky_text()) {
            // Nothing but white space is left between sentences.
            let got = sentences(&text, 0..text.len(), Lang::Fr);
            let mut at = 0;
            for r in got {
                prop_assert!(text[at..r.start].trim().is_empty());
                at = r.end;
            }
            prop_assert!(text[at..].trim().is_empty());
        }
    }
}
