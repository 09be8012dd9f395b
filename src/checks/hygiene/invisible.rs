//! `hygiene/invisible`: characters a reader cannot see but a search, a copy or a
//! screen reader trips on: control characters, bidi controls, and zero-width characters
//! or soft hyphens inside words.

use std::ops::Range;

use crate::checks::{BuiltinRule, Check, Context, Diagnostic, Sink};
use crate::finding::Kind;

pub static RULE: BuiltinRule = BuiltinRule {
    id: "hygiene/invisible",
    kind: Kind::HygieneInvisible,
    summary:
        "control characters, bidi controls, zero-width characters or soft hyphens inside words",
    doc: "Reports control characters (C0 and C1, other than tab and line ends), bidi \
          controls (U+202A–U+202E, U+2066–U+2069), and zero-width characters (U+200B–U+200D, \
          U+2060, U+FEFF) or soft hyphens (U+00AD) inside a word, where they split a name for \
          search and spelling checks. A run of them is one finding. The fix removes them.",
};

/// `hygiene/invisible`.
pub struct Invisible;

impl Check for Invisible {
    fn builtin(&self) -> Option<&'static BuiltinRule> {
        Some(&RULE)
    }

    fn run(&self, cx: &Context<'_>, sink: &mut Sink) {
        sink.extend(check(cx.text()));
    }
}

/// What kind of invisible character `c` is, if it is one, and whether it is reported only
/// inside a word.
fn classify(c: char) -> Option<(&'static str, bool)> {
    match c {
        '\t' | '\n' | '\r' => None,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => Some(("bidi control", false)),
        c if c.is_control() => Some(("control character", false)),
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => Some(("zero-width character", true)),
        '\u{AD}' => Some(("soft hyphen", true)),
        _ => None,
    }
}

pub(super) fn check(text: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut previous: Option<char> = None;
    while let Some((start, c)) = chars.next() {
        let Some((what, inside_only)) = classify(c) else {
            previous = Some(c);
            continue;
        };
        // A run of invisible characters is one finding.
        let mut end = start + c.len_utf8();
        let mut codes = vec![format!("U+{:04X}", c as u32)];
        while let Some(&(at, next)) = chars.peek() {
            if classify(next).is_none() {
                break;
            }
            end = at + next.len_utf8();
            codes.push(format!("U+{:04X}", next as u32));
            chars.next();
        }
        let next = text[end..].chars().next();
        let in_word =
            previous.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric);
        previous = next;
        if inside_only && !in_word {
            continue;
        }
        out.push(diagnostic(start..end, what, &codes));
    }
    out
}

fn diagnostic(range: Range<usize>, what: &str, codes: &[String]) -> Diagnostic {
    let message = if codes.len() == 1 {
        format!("invisible {what} {} in the text: remove it", codes[0])
    } else {
        format!(
            "invisible characters {} in the text: remove them",
            codes.join(" ")
        )
    };
    Diagnostic::builtin(&RULE, range, message, "invisible character")
        .with_fix("")
        .with_help("remove the invisible character")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(&str, Option<String>)> {
        check(text)
            .into_iter()
            .map(|d| (&text[d.range], d.fix))
            .collect()
    }

    #[test]
    fn reports_what_hides_inside_words_and_controls_anywhere() {
        let fix = Some(String::new());
        assert_eq!(found("Lou\u{AD}kachenko"), [("\u{AD}", fix.clone())]);
        assert_eq!(found("Min\u{200B}sk"), [("\u{200B}", fix.clone())]);
        assert_eq!(
            found("a\u{202E}b \u{1B}[2J"),
            [("\u{202E}", fix.clone()), ("\u{1B}", fix)]
        );
        assert_eq!(
            found("Mi\u{200B}\u{AD}nsk").len(),
            1,
            "a run is one finding"
        );
    }

    #[test]
    fn leaves_visible_text_and_word_edges_alone() {
        assert!(found("Tab\tand\r\nlines, é, « guillemets »").is_empty());
        // A zero-width space between words or a BOM at the start breaks no word.
        assert!(found("\u{FEFF}Minsk est\u{200B} loin").is_empty());
    }
}

#[cfg(test)]
mod vectors {
    use super::Invisible;
    use crate::checks::tester::Tester;
    use crate::Lang;

    #[test]
    fn pass_fail_and_fix() {
        Tester::new(&Invisible, Lang::Fr)
            .pass(&["Loukachenko à Minsk.", "Mot\u{200B} suivant."])
            .fail(&["Loukachen\u{AD}ko à Minsk."])
            .fix(&[(
                "Min\u{200B}\u{AD}sk et Lou\u{AD}kachenko",
                "Minsk et Loukachenko",
            )]);
    }
}
