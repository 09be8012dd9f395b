//! Text and patterns split the same way: words and punctuation marks, with byte ranges.

use std::ops::Range;

use compact_str::{CompactString, ToCompactString};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Mark,
}

/// A word or a punctuation mark; `folded` is what matching compares (inline up to 24
/// bytes: tokenizing a document allocates nothing per token).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub range: Range<usize>,
    pub kind: TokenKind,
    pub folded: CompactString,
}

/// Words are runs of letters and digits, joined by inner hyphens ("cinquante-deux");
/// every other character but white space is a mark of its own. An apostrophe is always
/// a mark, so it ends a word (`l|'|amnistie`, `Valdoria|'|s`), and `’` `ʼ` fold to `'`.
pub fn tokenize(text: &str, within: Range<usize>) -> Vec<Token> {
    let mut out = Vec::new();
    tokenize_into(text, within, &mut out);
    out
}

/// [`tokenize`], appending to `out`.
pub fn tokenize_into(text: &str, within: Range<usize>, out: &mut Vec<Token>) {
    let Some(slice) = text.get(within.clone()) else {
        return;
    };
    let base = within.start;
    let mut word: Option<usize> = None;
    let mut chars = slice.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let joins = matches!(c, '-' | '\u{2010}')
            && word.is_some()
            && chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        // U+02BC is a letter to Unicode, an apostrophe in copy ("dʼune").
        if (c.is_alphanumeric() && c != '\u{2BC}') || joins || (word.is_some() && is_combining(c)) {
            word.get_or_insert(i);
            continue;
        }
        if let Some(start) = word.take() {
            out.push(word_token(slice, base, start..i));
        }
        if !c.is_whitespace() {
            let folded = match c {
                '\u{2019}' | '\u{2BC}' => CompactString::const_new("'"),
                _ => c.to_compact_string(),
            };
            out.push(Token {
                range: base + i..base + i + c.len_utf8(),
                kind: TokenKind::Mark,
                folded,
            });
        }
    }
    if let Some(start) = word {
        out.push(word_token(slice, base, start..slice.len()));
    }
}

fn word_token(slice: &str, base: usize, range: Range<usize>) -> Token {
    Token {
        folded: lowercase(&slice[range.clone()]),
        range: base + range.start..base + range.end,
        kind: TokenKind::Word,
    }
}

fn lowercase(word: &str) -> CompactString {
    let mut out = CompactString::with_capacity(word.len());
    for c in word.chars() {
        out.extend(c.to_lowercase());
    }
    out
}

fn is_combining(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(text: &str) -> Vec<String> {
        tokenize(text, 0..text.len())
            .into_iter()
            .map(|t| t.folded.to_string())
            .collect()
    }

    #[test]
    fn words_marks_and_apostrophes() {
        assert_eq!(
            folded("L’amnistie, Valdoria's cinquante-deux 9,5\u{a0}millions dʼune"),
            [
                "l",
                "'",
                "amnistie",
                ",",
                "valdoria",
                "'",
                "s",
                "cinquante-deux",
                "9",
                ",",
                "5",
                "millions",
                "d",
                "'",
                "une"
            ]
        );
    }

    #[test]
    fn ranges_are_offsets_of_the_text() {
        let text = "xx Él'a";
        let tokens = tokenize(text, 3..text.len());
        let slices: Vec<&str> = tokens.iter().map(|t| &text[t.range.clone()]).collect();
        assert_eq!(slices, ["Él", "'", "a"]);
    }
}
