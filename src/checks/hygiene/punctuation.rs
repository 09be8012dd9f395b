//! `hygiene/punctuation`: stray artefacts, doubled spaces, and the spacing
//! rules of each language around `; : ! ?` and « ».
//!
//! Spans are never empty: a missing space is reported on the mark itself
//! (`;` → fix `\u{202F};`), a wrong space on the space(s) and the mark
//! together (` ;` → fix `\u{202F};`).

use std::ops::Range;

use crate::checks::{BuiltinRule, Check, Context, Diagnostic, Sink};
use crate::finding::Kind;
use crate::sentence::{self, is_abbreviation};
use crate::Lang;

pub static RULE: BuiltinRule = BuiltinRule {
    id: "hygiene/punctuation",
    kind: Kind::HygienePunctuation,
    summary:
        "stray artefacts, doubled spaces, the language's spacing before ; : ! ? and inside « »",
    doc: "Reports stray artefacts of conversion (`' ;`, `,,`, a lone `;` before a full stop), \
          doubled spaces, and each language's spacing rules: in French a no-break space \
          (U+00A0) or a narrow no-break space (U+202F) before ; : ! ? and inside « », in \
          English no space before them. Marks inside markup debris are left to \
          hygiene/markup. The fix writes the right spacing.",
};

/// `hygiene/punctuation`.
pub struct Punctuation;

impl Check for Punctuation {
    fn builtin(&self) -> Option<&'static BuiltinRule> {
        Some(&RULE)
    }

    fn run(&self, cx: &Context<'_>, sink: &mut Sink) {
        let markup: Vec<Range<usize>> = cx.markup().iter().map(|d| d.range.clone()).collect();
        for paragraph in &cx.paragraphs {
            for segment in sentence::segments(cx.text(), paragraph.clone(), sentence::SEGMENT) {
                check_into(cx.text(), segment, cx.doc.lang, &markup, sink);
            }
        }
    }
}

const NBSP: char = '\u{A0}';
const NNBSP: char = '\u{202F}';

struct Scan<'a, 's, 'k> {
    /// Byte offset in the paragraph (u32: 8 bytes a char, not 16, which dominated the
    /// memory of a long one-line document) and char.
    chars: Vec<(u32, char)>,
    /// Chars already covered by a finding (or by markup): later rules skip them.
    taken: Vec<bool>,
    base: usize,
    para: &'a str,
    lang: Lang,
    /// Findings go straight to the sink, which applies suppressions and the finding limit
    /// as they come: a paragraph with millions of findings never holds them all.
    out: &'s mut Sink<'k>,
}

fn check_into(
    text: &str,
    paragraph: Range<usize>,
    lang: Lang,
    markup: &[Range<usize>],
    sink: &mut Sink<'_>,
) {
    let Some(para) = text.get(paragraph.clone()) else {
        return;
    };
    // Offsets are u32: a paragraph of 4 GiB or more is beyond any document claimlint
    // reads in memory; were one met, its tail would go unchecked here.
    let chars: Vec<(u32, char)> = para
        .char_indices()
        .map_while(|(at, c)| u32::try_from(at).ok().map(|at| (at, c)))
        .collect();
    let base = paragraph.start;
    // Marks inside an entity ("&ldquo ;") are the markup check's business.
    let taken = chars
        .iter()
        .map(|&(at, _)| {
            let at = base + at as usize;
            let k = markup.partition_point(|r| r.start <= at);
            k > 0 && markup[k - 1].end > at
        })
        .collect();
    let mut scan = Scan {
        chars,
        taken,
        base,
        para,
        lang,
        out: sink,
    };
    scan.artefacts();
    match lang {
        Lang::Fr => {
            scan.french_marks();
            scan.french_guillemets();
        }
        Lang::En => scan.english_marks(),
    }
    scan.doubled_spaces();
}

fn is_mark(c: char) -> bool {
    matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '…')
}

/// Unambiguous opening brackets and quotes (not `"` or `'`, which also close).
fn is_opener(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '«' | '“' | '„' | '‹' | '‘')
}

fn is_inline_space(c: char) -> bool {
    matches!(c, ' ' | NBSP | NNBSP)
}

impl Scan<'_, '_, '_> {
    fn char(&self, i: usize) -> Option<char> {
        self.chars.get(i).map(|&(_, c)| c)
    }

    fn offset(&self, i: usize) -> usize {
        self.chars
            .get(i)
            .map_or(self.para.len(), |&(b, _)| b as usize)
    }

    /// Byte range in the text of chars `from..to`.
    fn span(&self, from: usize, to: usize) -> Range<usize> {
        self.base + self.offset(from)..self.base + self.offset(to)
    }

    fn free(&self, from: usize, to: usize) -> bool {
        self.taken
            .get(from..to)
            .is_some_and(|t| t.iter().all(|x| !x))
    }

    fn report(
        &mut self,
        from: usize,
        to: usize,
        message: String,
        label: &str,
        fix: Option<String>,
    ) {
        for t in self.taken.iter_mut().take(to).skip(from) {
            *t = true;
        }
        let mut finding = Diagnostic::builtin(&RULE, self.span(from, to), message, label);
        finding.fix = fix;
        self.out.report(finding);
    }

    /// Start of the white-space run that ends right before char `i`.
    fn space_before(&self, i: usize) -> usize {
        let mut j = i;
        while j > 0 && self.char(j - 1).is_some_and(char::is_whitespace) {
            j -= 1;
        }
        j
    }

    /// Machine-translation debris: `' ;`, `,,`, `;.`, `.,`, ` ,`, `..`.
    fn artefacts(&mut self) {
        let n = self.chars.len();
        let mut i = 0;
        while i < n {
            let c = self.chars[i].1;
            let consumed = if self.free(i, i + 1) {
                // French never has an apostrophe before a semicolon: "Coale' ;".
                // (English may: "the students' ;" is a spacing matter there.)
                let apostrophe = (self.lang == Lang::Fr && matches!(c, '\'' | '’'))
                    .then(|| self.stray_apostrophe(i))
                    .flatten();
                apostrophe.or_else(|| match c {
                    ',' => self.comma(i),
                    ';' => self.semicolon(i),
                    '.' => self.full_stop(i),
                    _ => None,
                })
            } else {
                None
            };
            i = consumed.unwrap_or(i + 1);
        }
    }

    /// `' ;` at char `i`; the char after it when reported.
    fn stray_apostrophe(&mut self, i: usize) -> Option<usize> {
        let mut j = i + 1;
        while self.char(j).is_some_and(is_inline_space) {
            j += 1;
        }
        if self.char(j) != Some(';') || !self.free(i, j + 1) {
            return None;
        }
        let raw = self
            .para
            .get(self.offset(i)..self.offset(j + 1))
            .unwrap_or("");
        self.report(
            i,
            j + 1,
            format!("stray \"{raw}\" (machine-translation debris): remove it"),
            "stray apostrophe and semicolon",
            Some(String::new()),
        );
        Some(j + 1)
    }

    /// A doubled comma (the char after it), or a space before a comma (reported, then
    /// the scan goes on).
    fn comma(&mut self, i: usize) -> Option<usize> {
        let mut j = i + 1;
        while self.char(j) == Some(',') {
            j += 1;
        }
        if j - i >= 2 && self.free(i, j) {
            self.report(
                i,
                j,
                "doubled comma: write one comma".to_string(),
                "doubled comma",
                Some(",".to_string()),
            );
            return Some(j);
        }
        let from = self.space_before(i);
        let text_before = from > 0;
        let line_break = (from..i).any(|k| self.char(k).is_some_and(|s| !is_inline_space(s)));
        if from < i && text_before && !line_break && self.free(from, i + 1) {
            self.report(
                from,
                i + 1,
                "space before a comma: remove it".to_string(),
                "space before comma",
                Some(",".to_string()),
            );
        }
        None
    }

    /// A lone `;` before a full stop.
    fn semicolon(&mut self, i: usize) -> Option<usize> {
        let mut j = i + 1;
        while self.char(j).is_some_and(is_inline_space) {
            j += 1;
        }
        if self.char(j) != Some('.') || self.char(j + 1) == Some('.') {
            return None;
        }
        let mut from = i;
        while from > 0 && self.char(from - 1).is_some_and(is_inline_space) {
            from -= 1;
        }
        if from == 0 || !self.free(from, j + 1) {
            return None;
        }
        self.report(
            from,
            j + 1,
            "stray semicolon before a full stop: remove it".to_string(),
            "stray semicolon",
            Some(".".to_string()),
        );
        Some(j + 1)
    }

    /// `.,` and `..` (not an ellipsis, not after an abbreviation).
    fn full_stop(&mut self, i: usize) -> Option<usize> {
        let prev = i.checked_sub(1).and_then(|p| self.char(p));
        let next = self.char(i + 1);
        if next == Some(',') && prev != Some('.') && !self.after_abbreviation(i) {
            self.report(
                i,
                i + 2,
                "stray full stop before a comma: keep one of them".to_string(),
                "full stop and comma",
                None,
            );
            return Some(i + 2);
        }
        if next == Some('.') && prev != Some('.') && self.char(i + 2) != Some('.') {
            self.report(
                i,
                i + 2,
                "doubled full stop: write one, or an ellipsis (…)".to_string(),
                "doubled full stop",
                None,
            );
            return Some(i + 2);
        }
        None
    }

    /// Whether the `.` at char `i` ends an abbreviation ("etc.,", "U.S.,").
    fn after_abbreviation(&self, i: usize) -> bool {
        let mut from = i;
        while from > 0
            && self
                .char(from - 1)
                .is_some_and(|c| c.is_alphanumeric() || c == '.')
        {
            from -= 1;
        }
        let word = self
            .para
            .get(self.offset(from)..self.offset(i))
            .unwrap_or("");
        word.contains('.')
            || matches!(word, "etc" | "cf" | "av" | "env" | "ex" | "al" | "p")
            || is_abbreviation(word, self.lang, ',')
    }

    /// Whether the mark at char `i` is exempt from spacing rules: emoticons,
    /// times and URLs after `:`, `?`/`!` inside a word, and so on.
    fn spacing_exempt(&self, i: usize) -> bool {
        let c = self.chars[i].1;
        let next = self.char(i + 1);
        match c {
            // "14:30", "https://", "a:b", ":)".
            ':' => next.is_some_and(|n| !n.is_whitespace()),
            // ";)", ";-)".
            ';' => matches!(next, Some(')' | '(' | '-')),
            // "Yahoo!Finance", "page?id=3", "!=".
            _ => {
                let prev = i.checked_sub(1).and_then(|p| self.char(p));
                next == Some('=')
                    || (prev.is_some_and(char::is_alphanumeric)
                        && next.is_some_and(char::is_alphanumeric))
            }
        }
    }

    /// French: a no-break space (U+00A0 or U+202F) before `; : ! ?`.
    fn french_marks(&mut self) {
        for i in 0..self.chars.len() {
            let c = self.chars[i].1;
            if !matches!(c, ';' | ':' | '!' | '?') || !self.free(i, i + 1) || self.spacing_exempt(i)
            {
                continue;
            }
            let from = self.space_before(i);
            if from == 0 {
                continue; // Nothing before the mark in this paragraph.
            }
            let Some(before) = self.char(from - 1) else {
                continue;
            };
            // "?!" runs (only the first mark needs the space), "(?)", "«?".
            if is_mark(before) || is_opener(before) {
                continue;
            }
            let space = if c == ':' { NBSP } else { NNBSP };
            let fix = Some(format!("{space}{c}"));
            let message =
                format!("French needs a no-break space (U+00A0 or U+202F) before \"{c}\"");
            if from == i {
                // No space at all: only after a word or a closing quote/bracket,
                // not in URLs or code ("/?", "*!").
                let after_text = before.is_alphanumeric()
                    || matches!(
                        before,
                        '»' | '”' | ')' | ']' | '’' | '\'' | '%' | '\u{FFFC}'
                    );
                if after_text {
                    self.report(i, i + 1, message, &format!("no space before {c}"), fix);
                }
                continue;
            }
            let good = from + 1 == i && matches!(self.char(from), Some(NBSP | NNBSP));
            if !good && self.free(from, i) {
                self.report(
                    from,
                    i + 1,
                    message,
                    &format!("plain space before {c}"),
                    fix,
                );
            }
        }
    }

    /// French: a no-break space after « and before ».
    fn french_guillemets(&mut self) {
        let n = self.chars.len();
        for i in 0..n {
            let c = self.chars[i].1;
            if !self.free(i, i + 1) {
                continue;
            }
            if c == '«' {
                let mut to = i + 1;
                while self.char(to).is_some_and(char::is_whitespace) {
                    to += 1;
                }
                let good = to == i + 2 && matches!(self.char(i + 1), Some(NBSP | NNBSP));
                if to < n && !good && self.free(i, to) {
                    let label = if to == i + 1 {
                        "no space after «"
                    } else {
                        "plain space after «"
                    };
                    self.report(
                        i,
                        to,
                        "French needs a no-break space (U+00A0 or U+202F) after \"«\"".to_string(),
                        label,
                        Some(format!("«{NBSP}")),
                    );
                }
            } else if c == '»' {
                let from = self.space_before(i);
                let good = from + 1 == i && matches!(self.char(from), Some(NBSP | NNBSP));
                if from > 0 && !good && self.free(from, i + 1) {
                    let label = if from == i {
                        "no space before »"
                    } else {
                        "plain space before »"
                    };
                    self.report(
                        from,
                        i + 1,
                        "French needs a no-break space (U+00A0 or U+202F) before \"»\"".to_string(),
                        label,
                        Some(format!("{NBSP}»")),
                    );
                }
            }
        }
    }

    /// English: no space at all before `; : ! ?`.
    fn english_marks(&mut self) {
        for i in 0..self.chars.len() {
            let c = self.chars[i].1;
            if !matches!(c, ';' | ':' | '!' | '?') || !self.free(i, i + 1) || self.spacing_exempt(i)
            {
                continue;
            }
            let mut from = i;
            while from > 0 && self.char(from - 1).is_some_and(is_inline_space) {
                from -= 1;
            }
            // At the start of the paragraph or of a line: not a spacing slip.
            let Some(before) = from.checked_sub(1).and_then(|b| self.char(b)) else {
                continue;
            };
            if from == i || before.is_whitespace() || !self.free(from, i) {
                continue;
            }
            self.report(
                from,
                i + 1,
                format!("English puts no space before \"{c}\": remove it"),
                &format!("space before {c}"),
                Some(c.to_string()),
            );
        }
    }

    /// Two or more spaces between two words on one line.
    fn doubled_spaces(&mut self) {
        let n = self.chars.len();
        let mut i = 0;
        while i < n {
            if !is_inline_space(self.chars[i].1) {
                i += 1;
                continue;
            }
            let mut j = i;
            while j < n && is_inline_space(self.chars[j].1) {
                j += 1;
            }
            let between_text = i > 0
                && self.char(i - 1).is_some_and(|c| !c.is_whitespace())
                && self.char(j).is_some_and(|c| !c.is_whitespace());
            if j - i >= 2 && between_text && self.free(i, j) {
                let keep = (i..j)
                    .filter_map(|k| self.char(k))
                    .find(|&c| c != ' ')
                    .unwrap_or(' ');
                let fix = keep.to_string();
                self.report(
                    i,
                    j,
                    "doubled space: write one space".to_string(),
                    "doubled space",
                    Some(fix),
                );
            }
            i = j;
        }
    }
}

#[cfg(test)]
mod vectors {
    use super::Punctuation;
    use crate::checks::tester::Tester;
    use crate::Lang;

    #[test]
    fn pass_fail_and_fix() {
        Tester::new(&Punctuation, Lang::Fr)
            .pass(&["Il a dit\u{a0}: non. Pourquoi\u{202f}?"])
            .fail(&["Il a dit : non.", "Pourquoi?", "Et,, puis."])
            .fix(&[
                ("Et,, puis.", "Et, puis."),
                ("Il a dit  non.", "Il a dit non."),
            ]);
        Tester::new(&Punctuation, Lang::En)
            .pass(&["He said: no. Why? Because."])
            .fail(&["He said : no."])
            .fix(&[("Why ?", "Why?")]);
    }
}

#[cfg(test)]
mod segmenting {
    use super::check_into;
    use crate::checks::{Diagnostic, Sink};
    use crate::sentence::segments;
    use crate::Lang;

    fn scanned(text: &str, lang: Lang, max: usize) -> Vec<Diagnostic> {
        let mut sink = Sink::default();
        for segment in segments(text, 0..text.len(), max) {
            check_into(text, segment, lang, &[], &mut sink);
        }
        // The rules scan in turn, so findings come in another order: text order here, as
        // the engine sorts them.
        let mut found = sink.diagnostics;
        found.sort_by_key(|d| (d.range.start, d.range.end));
        found
    }

    #[test]
    fn a_long_paragraph_read_in_segments_gives_what_it_gives_whole() {
        let pieces = [
            "Il a dit : non",
            "Et,, puis",
            "« Oui »",
            "Deux  espaces",
            "Pourquoi?",
            "Le\u{a0}; fin",
            "Coale' ; ici",
            "Très bien\u{202f}!",
        ];
        let text: String = (0..400)
            .map(|i| format!("{} é{i}. ", pieces[i % pieces.len()]))
            .collect();
        for lang in [Lang::Fr, Lang::En] {
            let whole = scanned(&text, lang, usize::MAX);
            assert!(whole.len() > 100, "{}", whole.len());
            for max in [61, 200, 1000] {
                let cut = segments(&text, 0..text.len(), max);
                assert!(cut.len() > text.len() / max / 2, "{max}: {}", cut.len());
                assert!(cut.windows(2).all(|w| w[0].end == w[1].start));
                let segmented = scanned(&text, lang, max);
                let lost: Vec<_> = whole
                    .iter()
                    .filter(|d| !segmented.contains(d))
                    .take(2)
                    .map(|d| (&text[d.range.clone()], &d.message))
                    .collect();
                assert!(
                    segmented == whole,
                    "{max}: {} vs {}: {lost:?}",
                    segmented.len(),
                    whole.len()
                );
            }
        }
    }

    #[test]
    fn a_paragraph_without_words_side_by_side_is_cut_before_a_space() {
        // "a , a , …": no two words side by side; cut before the spaces, every comma
        // keeps the space before it.
        let text = format!("Start{}.", " a ,".repeat(500));
        let whole = scanned(&text, Lang::En, usize::MAX);
        assert_eq!(whole.len(), 500);
        for max in [16, 100, 999] {
            let cut = segments(&text, 0..text.len(), max);
            assert!(cut.iter().all(|r| r.len() <= max), "{max}");
            let got = scanned(&text, Lang::En, max);
            let diff: Vec<_> = got.iter().filter(|d| !whole.contains(d)).take(2).collect();
            assert!(
                got == whole,
                "{max}: {} vs {}: {diff:?}",
                got.len(),
                whole.len()
            );
        }
    }

    #[test]
    fn text_without_spaces_is_cut_at_the_limit_on_char_boundaries() {
        let text = ",".repeat(100);
        let cut = segments(&text, 0..100, 10);
        assert_eq!(cut.len(), 10);
        assert!(cut.windows(2).all(|w| w[0].end == w[1].start));
        let text = "é".repeat(100);
        let cut = segments(&text, 0..200, 11);
        assert!(cut
            .iter()
            .all(|r| text.get(r.clone()).is_some() && r.len() <= 12));
        assert_eq!(cut.last().map(|r| r.end), Some(200));
    }
}
