//! `hygiene/quotes`: quotation marks foreign to the language, and quotes not
//! closed within their paragraph.
//!
//! Each opener is closed only by its own closer: « by », „ by “ or ”, “ by ”,
//! ‹ by ›, and the symmetric " alternates between opening and closing.
//! Single quotes (' ’ ‘ ‚) are ignored entirely: the same characters serve as
//! apostrophes ("l’agence", "Valdoria's", "students'"), and telling a quote
//! from an apostrophe is not reliable enough to report on.

use std::ops::Range;

use crate::checks::{BuiltinRule, Check, Context, Diagnostic, Sink};
use crate::finding::Kind as FindingKind;
use crate::Lang;

pub static RULE: BuiltinRule = BuiltinRule {
    id: "hygiene/quotes",
    kind: FindingKind::HygieneQuotes,
    summary: "quotation marks foreign to the document's language, quotes left open in a paragraph",
    doc: "Reports quotation marks foreign to the document's language (in French „ and lone \
          “ ”; in English « ») and quotes opened and not closed within their paragraph \
          (at the opener), or closed without being opened. Each opener is closed only by its \
          own closer: « by », „ by “ or ”, “ by ”, \" by \". Single quotes are never \
          reported: the same characters are apostrophes.",
};

/// `hygiene/quotes`.
pub struct Quotes;

impl Check for Quotes {
    fn builtin(&self) -> Option<&'static BuiltinRule> {
        Some(&RULE)
    }

    fn run(&self, cx: &Context<'_>, sink: &mut Sink) {
        let text = cx.text();
        for (i, paragraph) in cx.paragraphs.iter().enumerate() {
            let next = cx
                .paragraphs
                .get(i + 1)
                .and_then(|p| text.get(p.clone()))
                .and_then(|p| p.trim_start().chars().next());
            check_into(text, paragraph.clone(), cx.doc.lang, next, &mut |d| {
                sink.report(d)
            });
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    /// « »
    Guillemet,
    /// ‹ ›
    SingleGuillemet,
    /// „ closed by “ or ”
    Low,
    /// “ ”
    English,
    /// " "
    Ascii,
}

/// What is wrong with one quotation mark.
#[derive(Default)]
struct Problems {
    /// The mark is foreign; its message and fix are written when it is reported (an
    /// open quotation waiting on the stack holds a few bytes, not two strings).
    foreign: Option<Foreign>,
    unclosed: bool,
    unmatched: bool,
    opener: Option<Range<usize>>,
}

/// An opening mark not closed yet, with what is known of it so far.
/// What decides a foreign mark's message and fix.
#[derive(Clone, Copy)]
struct Foreign {
    c: char,
    lang: Lang,
    prev: Option<char>,
    next: Option<char>,
    /// `None` for an opening or unmatched mark (with whether it stands inside « »);
    /// for a closer, the kind it closes and whether its opener was foreign.
    closes: Option<(Kind, bool)>,
    in_guillemets: bool,
}

impl Foreign {
    /// The mark as seen, when it is foreign.
    fn of(
        c: char,
        lang: Lang,
        (prev, next): (Option<char>, Option<char>),
        closes: Option<(Kind, bool)>,
        in_guillemets: bool,
    ) -> Option<Foreign> {
        let foreign = Foreign {
            c,
            lang,
            prev,
            next,
            closes,
            in_guillemets,
        };
        foreign.text().is_some().then_some(foreign)
    }

    /// The message and the fix.
    fn text(&self) -> Option<(String, Option<String>)> {
        match self.closes {
            None => foreign_opener(self.c, self.lang, self.in_guillemets, self.prev, self.next),
            Some((opened, opener_foreign)) => foreign_closer(
                self.c,
                opened,
                self.lang,
                opener_foreign,
                self.prev,
                self.next,
            ),
        }
    }
}

struct Open {
    kind: Kind,
    range: Range<usize>,
    c: char,
    problems: Problems,
}

/// Whether `"` or `”` right after a digit, and not before a letter or digit, is an inch
/// (or seconds) mark: "a 5” screen", "6'2\"". Only when no quotation is open to close.
fn is_inch_mark(c: char, prev: Option<char>, next: Option<char>) -> bool {
    matches!(c, '"' | '”')
        && prev.is_some_and(|p| p.is_ascii_digit())
        && !next.is_some_and(char::is_alphanumeric)
}

/// The kind of quotation a paragraph starting with `c` continues: a quotation that runs
/// over several paragraphs leaves each one open and opens the next with its mark again
/// (“ or " in English, « in French, or » in the older French style).
fn continued_by(c: char) -> Option<Kind> {
    match c {
        '«' | '»' => Some(Kind::Guillemet),
        '„' => Some(Kind::Low),
        '“' => Some(Kind::English),
        '"' => Some(Kind::Ascii),
        _ => None,
    }
}

/// Checks one paragraph (`next`: the first character of the next one, if any), reporting
/// each mark once nothing can change what is wrong with
/// it (when it is closed, closes, or the paragraph ends): only the open quotations are
/// held, not every mark of the paragraph.
fn check_into(
    text: &str,
    paragraph: Range<usize>,
    lang: Lang,
    next: Option<char>,
    out: &mut dyn FnMut(Diagnostic),
) {
    let Some(para) = text.get(paragraph.clone()) else {
        return;
    };
    let base = paragraph.start;
    let mut emit = |range: Range<usize>, c: char, problems: Problems| {
        if let Some(found) = finding(range, c, problems) {
            out(found);
        }
    };
    let mut stack: Vec<Open> = Vec::new();
    let mut chars = para.char_indices().peekable();
    let mut prev: Option<char> = None;
    // Open quotes of each kind, so that a closer searches the stack only when
    // it will find its opener (and pops what lies above it): linear overall.
    let mut open_count = [0usize; 5];
    while let Some((at, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let range = base + at..base + at + c.len_utf8();
        let in_guillemets = open_count[Kind::Guillemet as usize] > 0;
        // Which opener kinds this mark closes, and what it opens otherwise.
        let (closes, opens): (&[Kind], Option<Kind>) = match c {
            '«' => (&[], Some(Kind::Guillemet)),
            '»' => (&[Kind::Guillemet], None),
            '‹' => (&[], Some(Kind::SingleGuillemet)),
            '›' => (&[Kind::SingleGuillemet], None),
            '„' => (&[], Some(Kind::Low)),
            '“' => (&[Kind::Low], Some(Kind::English)),
            '”' => (&[Kind::Low, Kind::English], None),
            '"' => (&[Kind::Ascii], Some(Kind::Ascii)),
            _ => {
                prev = Some(c);
                continue;
            }
        };
        let mut problems = Problems::default();
        let closing = if closes.iter().any(|&k| open_count[k as usize] > 0) {
            stack.iter().rposition(|o| closes.contains(&o.kind))
        } else {
            None
        };
        if closing.is_none() && is_inch_mark(c, prev, next) {
            // 4" or 4” after a figure, with no quotation to close: inches, not a quote.
            prev = Some(c);
            continue;
        }
        if let Some(j) = closing {
            for mut unclosed in stack.drain(j + 1..) {
                open_count[unclosed.kind as usize] =
                    open_count[unclosed.kind as usize].saturating_sub(1);
                unclosed.problems.unclosed = true;
                emit(unclosed.range, unclosed.c, unclosed.problems);
            }
            if let Some(open) = stack.pop() {
                open_count[open.kind as usize] = open_count[open.kind as usize].saturating_sub(1);
                let closes = Some((open.kind, open.problems.foreign.is_some()));
                problems.foreign = Foreign::of(c, lang, (prev, next), closes, false);
                problems.opener = Some(open.range.clone());
                emit(open.range, open.c, open.problems);
            }
            emit(range, c, problems);
        } else if let Some(kind) = opens {
            problems.foreign = Foreign::of(c, lang, (prev, next), None, in_guillemets);
            open_count[kind as usize] += 1;
            stack.push(Open {
                kind,
                range,
                c,
                problems,
            });
        } else {
            problems.unmatched = true;
            problems.foreign = Foreign::of(c, lang, (prev, next), None, in_guillemets);
            emit(range, c, problems);
        }
        prev = Some(c);
    }
    // The outermost quotation still open at the end of the paragraph may go on in the
    // next one when that paragraph opens with the same kind of mark.
    let continued = next
        .and_then(continued_by)
        .and_then(|kind| stack.iter().position(|o| o.kind == kind));
    for (i, mut open) in stack.into_iter().enumerate() {
        if Some(i) != continued {
            open.problems.unclosed = true;
        }
        emit(open.range, open.c, open.problems);
    }
}

/// Whether an opening (or unmatched) mark is foreign, with message and fix.
fn foreign_opener(
    c: char,
    lang: Lang,
    in_guillemets: bool,
    prev: Option<char>,
    next: Option<char>,
) -> Option<(String, Option<String>)> {
    match (lang, c) {
        (Lang::Fr, '„') => Some((
            "„ is a German/Lithuanian quotation mark; French uses « »".to_string(),
            Some(french_opener(prev, next)),
        )),
        // “ ” and ‹ › are French only as quotes within a « » quote.
        (Lang::Fr, '“' | '”') if !in_guillemets => Some((
            format!("{c} is an English quotation mark; French uses « » (“ ” only inside « »)"),
            None,
        )),
        (Lang::Fr, '‹' | '›') if !in_guillemets => Some((
            format!("{c} is a single guillemet; French uses « » (‹ › only inside « »)"),
            None,
        )),
        (Lang::En, '„') => Some((
            "„ is a German/Lithuanian quotation mark; English uses “ ”".to_string(),
            Some("“".to_string()),
        )),
        (Lang::En, '«' | '»') => Some((
            format!("{c} is a French quotation mark; English uses “ ”"),
            None,
        )),
        (Lang::En, '‹' | '›') => {
            Some((format!("{c} is a single guillemet; English uses ‘ ’"), None))
        }
        _ => None,
    }
}

/// Whether a closing mark is foreign, given the kind of quote it closes.
fn foreign_closer(
    c: char,
    opened: Kind,
    lang: Lang,
    opener_foreign: bool,
    prev: Option<char>,
    next: Option<char>,
) -> Option<(String, Option<String>)> {
    match (lang, opened, c) {
        (Lang::Fr, Kind::Low, _) => Some((
            format!("{c} closes a German-style „…{c} quotation; French uses « »"),
            Some(french_closer(prev, next)),
        )),
        (Lang::En, Kind::Low, '“') => Some((
            "“ closes a German-style „…“ quotation; English closes with ”".to_string(),
            Some("”".to_string()),
        )),
        // A closer is foreign when its opener was (top-level “ or ‹ in French).
        (_, Kind::English | Kind::SingleGuillemet, _) if opener_foreign => {
            foreign_opener(c, lang, false, prev, next)
        }
        (Lang::En, Kind::Guillemet, _) => foreign_opener(c, lang, false, prev, next),
        _ => None,
    }
}

/// « with the no-break space French wants after it (and a space before it
/// when it touches a word).
fn french_opener(prev: Option<char>, next: Option<char>) -> String {
    let mut fix = String::new();
    if prev.is_some_and(char::is_alphanumeric) {
        fix.push(' ');
    }
    fix.push('«');
    if next.is_some_and(|n| !n.is_whitespace()) {
        fix.push('\u{A0}');
    }
    fix
}

/// » with the no-break space French wants before it (and a space after it
/// when a word follows at once).
fn french_closer(prev: Option<char>, next: Option<char>) -> String {
    let mut fix = String::new();
    if prev.is_some_and(|p| !p.is_whitespace()) {
        fix.push('\u{A0}');
    }
    fix.push('»');
    if next.is_some_and(char::is_alphanumeric) {
        fix.push(' ');
    }
    fix
}

fn finding(range: Range<usize>, c: char, problems: Problems) -> Option<Diagnostic> {
    // (message on its own, tail when appended to a foreign-mark message, label)
    let balance = if problems.unclosed {
        Some((
            format!("quotation mark {c} is not closed in this paragraph"),
            "is also not closed in this paragraph",
            "unclosed quotation mark",
        ))
    } else if problems.unmatched {
        Some((
            format!("closing quotation mark {c} closes no open quotation in this paragraph"),
            "also closes no open quotation in this paragraph",
            "unmatched quotation mark",
        ))
    } else {
        None
    };
    let (message, label, fix) = match (problems.foreign.and_then(|f| f.text()), balance) {
        (Some((foreign, fix)), Some((_, tail, _))) => (
            format!("{foreign}; it {tail}"),
            "foreign quotation mark, unbalanced",
            fix,
        ),
        (Some((foreign, fix)), None) => (foreign, "foreign quotation mark", fix),
        (None, Some((balance, _, label))) => (balance, label, None),
        (None, None) => return None,
    };
    let mut found = Diagnostic::builtin(&RULE, range, message, label);
    found.fix = fix;
    if let Some(opener) = problems.opener {
        found = found.with_related(opener, "opened here");
    }
    Some(found)
}

#[cfg(test)]
mod vectors {
    use super::Quotes;
    use crate::checks::tester::Tester;
    use crate::Lang;

    #[test]
    fn pass_and_fail() {
        Tester::new(&Quotes, Lang::Fr)
            .pass(&[
                "Il a parlé de «\u{a0}négociations\u{a0}».",
                "L’agence l’a confirmé.",
            ])
            .fail(&[
                "Il a parlé de „négociations“.",
                "Il a dit « oui sans fermer.",
            ]);
        Tester::new(&Quotes, Lang::En)
            .pass(&[
                "He called it “a first step”.",
                "The students' union agreed.",
            ])
            .fail(&["He called it “a first step."]);
    }

    #[test]
    fn inch_marks_after_figures_are_no_quotes() {
        Tester::new(&Quotes, Lang::En)
            .pass(&[
                "The tablet has a 10” screen and weighs 450 g.",
                "Our sets range from 32\" to 65\" models.",
                // A quotation ending on a figure still closes.
                "He put the score at “3-2” and left.",
                "The sign said \"Exit 9\" in red.",
            ])
            .fail(&[
                // Not after a figure: still a stray closing mark.
                "The tablet has a large” screen.",
                // An opener after a figure is left open.
                "Route 66 \"the mother road is long.",
            ]);
    }

    #[test]
    fn a_quotation_may_run_over_paragraphs() {
        // Our own quotation, in the layout of a long quote: each paragraph opens with
        // the mark again and only the last one closes it.
        Tester::new(&Quotes, Lang::En)
            .pass(&[
                "The coach said: \"We had the ball for long spells.\n\n\"In the end the result is what matters.\"",
                "She wrote: “The talks went well.\n\n“We will meet again next month.”",
            ])
            .fail(&[
                // The next paragraph does not go on with the quotation.
                "The coach said: \"We had the ball for long spells.\n\nThe match ended 0-0.",
                // Nor with another kind of mark.
                "She wrote: “The talks went well.\n\n\"We will meet again.\"",
                // The last paragraph leaves it open.
                "He said: \"First part.\n\n\"Second part, never closed.",
            ]);
        Tester::new(&Quotes, Lang::Fr)
            .pass(&["Il a déclaré\u{a0}: «\u{a0}Nous avons parlé longtemps.\n\n«\u{a0}Nous nous reverrons en janvier.\u{a0}»"])
            .fail(&["Il a déclaré\u{a0}: «\u{a0}Nous avons parlé longtemps.\n\nLa séance a été levée."]);
    }
}
