//! French agreement of the words before a name: when a fix replaces one form by another
//! of a different gender or number ("la Valdorie" → "le Valdor"), the determiner or
//! preposition in front of it must change too, or the fix breaks the sentence. The pack
//! says what each form needs (`gender = { "Valdorie" = "f", "Valdor" = "m" }`); this
//! module reads what stands before the name and writes what the new form needs, or says
//! why it cannot be sure.

use std::ops::Range;

/// What the words before a French name agree with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Agreement {
    pub feminine: bool,
    pub plural: bool,
    /// Whether "le"/"la" and "de" elide before the name ("l'Ostrie", "d'Ostrie");
    /// `None` when the pack does not say and the initial letter cannot tell (an "h").
    pub elides: Option<bool>,
}

impl Agreement {
    /// Reads a pack value: "m" or "f", then optionally "pl", then optionally "elided" or
    /// "not-elided" (needed only for names that begin with an h).
    pub fn parse(form: &str, value: &str) -> Result<Agreement, String> {
        let mut words = value.split_whitespace();
        let feminine = match words.next() {
            Some("m") => false,
            Some("f") => true,
            _ => return Err("the value starts with \"m\" or \"f\"".into()),
        };
        let mut plural = false;
        let mut elides = initial_elides(form);
        for word in words {
            match word {
                "pl" if !plural => plural = true,
                "elided" => elides = Some(true),
                "not-elided" => elides = Some(false),
                other => {
                    return Err(format!(
                        "unknown word \"{other}\": after \"m\"/\"f\" come \"pl\", \"elided\" or \"not-elided\""
                    ))
                }
            }
        }
        Ok(Agreement {
            feminine,
            plural,
            elides,
        })
    }
}

/// A vowel elides the article before it, a consonant does not; an h may go either way.
fn initial_elides(form: &str) -> Option<bool> {
    let first = form.chars().next()?.to_lowercase().next()?;
    if first == 'h' {
        return None;
    }
    Some("aàâäeéèêëiîïoôöuùûüyÿæœ".contains(first))
}

/// What the words before a name do, whatever their gender and number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Slot {
    /// le, la, l', les
    Article,
    /// du, de la, de l', des
    OfArticle,
    /// au, à la, à l', aux
    ToArticle,
    /// en / au / aux: "in" or "to" a country
    In,
    /// de, d' / du / des: "from" a country, without article
    From,
}

/// The words a slot takes before a name of agreement `a`, ending with a space or an
/// apostrophe; `None` when that depends on an elision the pack does not give.
fn phrase(slot: Slot, a: Agreement, apostrophe: char) -> Option<String> {
    let elided = |full: &str, short: &str| -> Option<String> {
        Some(if a.elides? {
            format!("{short}{apostrophe}")
        } else {
            full.to_owned()
        })
    };
    let gendered = |m: &str, f: &str| if a.feminine { f } else { m }.to_owned();
    Some(match (slot, a.plural) {
        (Slot::Article, true) => "les ".into(),
        (Slot::OfArticle, true) | (Slot::From, true) => "des ".into(),
        (Slot::ToArticle, true) | (Slot::In, true) => "aux ".into(),
        (Slot::Article, false) => elided(&gendered("le ", "la "), "l")?,
        (Slot::OfArticle, false) => match a.elides {
            Some(true) => format!("de l{apostrophe}"),
            Some(false) => gendered("du ", "de la "),
            None => return None,
        },
        (Slot::ToArticle, false) => match a.elides {
            Some(true) => format!("à l{apostrophe}"),
            Some(false) => gendered("au ", "à la "),
            None => return None,
        },
        (Slot::In, false) if a.feminine => "en ".into(),
        (Slot::In, false) => match a.elides {
            Some(true) => "en ".into(),
            Some(false) => "au ".into(),
            None => return None,
        },
        (Slot::From, false) if a.feminine => elided("de ", "d")?,
        (Slot::From, false) => match a.elides {
            Some(true) => format!("d{apostrophe}"),
            Some(false) => "du ".into(),
            None => return None,
        },
    })
}

const APOSTROPHES: [char; 3] = ['\'', '\u{2019}', '\u{2BC}'];

/// The determiner or preposition written right before `at` (the start of a name): its
/// start, the slots it can stand for, and the apostrophe it uses, if any.
fn determiner_before(text: &str, at: usize) -> Option<(usize, &'static [Slot], Option<char>)> {
    let before = &text[..at];
    // "l'Ostrie", "d'Ostrie", "de l'Ostrie", "à l'Ostrie".
    if let Some(apostrophe) = before
        .chars()
        .next_back()
        .filter(|c| APOSTROPHES.contains(c))
    {
        let rest = &before[..before.len() - apostrophe.len_utf8()];
        let (start, word) = last_word(rest)?;
        let slots: &[Slot] = match word.to_lowercase().as_str() {
            "l" => match preceding_word(text, start).map(|(s, w)| (s, w.to_lowercase())) {
                Some((s, w)) if w == "de" => {
                    return Some((s, &[Slot::OfArticle], Some(apostrophe)))
                }
                Some((s, w)) if w == "à" => {
                    return Some((s, &[Slot::ToArticle], Some(apostrophe)))
                }
                _ => &[Slot::Article],
            },
            "d" => &[Slot::From],
            _ => return None,
        };
        return Some((start, slots, Some(apostrophe)));
    }
    let (start, word) = preceding_word(text, at)?;
    let slots: &[Slot] = match word.to_lowercase().as_str() {
        "le" | "les" => &[Slot::Article],
        "la" => match preceding_word(text, start).map(|(s, w)| (s, w.to_lowercase())) {
            Some((s, w)) if w == "de" => return Some((s, &[Slot::OfArticle], None)),
            Some((s, w)) if w == "à" => return Some((s, &[Slot::ToArticle], None)),
            _ => &[Slot::Article],
        },
        // "du" after a verb of origin could be the article-less "from" ("revenir de
        // Valdorie"); "de la" is grammatical in every such place, so "du" reads as
        // "de" + article.
        "du" | "des" => &[Slot::OfArticle],
        "au" | "aux" => &[Slot::ToArticle, Slot::In],
        "en" => &[Slot::In],
        "de" => &[Slot::From],
        _ => return None,
    };
    Some((start, slots, None))
}

/// The word that ends right before `at`, separated from it by white space on one line.
fn preceding_word(text: &str, at: usize) -> Option<(usize, &str)> {
    let before = &text[..at];
    let trimmed = before.trim_end_matches(|c: char| c.is_whitespace() && c != '\n');
    if trimmed.len() == before.len() {
        return None;
    }
    last_word(trimmed)
}

/// The run of letters that ends `text`, if it starts at a word boundary.
fn last_word(text: &str) -> Option<(usize, &str)> {
    let start = text
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic() && !APOSTROPHES.contains(c))
        .last()
        .map(|(i, _)| i)?;
    Some((start, &text[start..]))
}

/// How a fix from one form to another keeps the sentence grammatical.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Agreed {
    /// Replace the name alone.
    Name,
    /// Replace `range` (the determiner and the name) by `replacement`.
    Phrase {
        range: Range<usize>,
        replacement: String,
    },
    /// No safe automatic fix: `help` says what to write and why.
    Unsure { help: String },
}

/// How to replace the name at `name` (written with agreement `from`) by `to` (with
/// agreement `to_agreement`) in French `text`. `apostrophe` is the one to write when the
/// text gives none. Either agreement may be unknown (a form the pack gives no gender).
pub fn agree(
    text: &str,
    name: Range<usize>,
    from: Option<Agreement>,
    to: &str,
    to_agreement: Option<Agreement>,
    apostrophe: char,
) -> Agreed {
    if from.is_none() && to_agreement.is_none() {
        return Agreed::Name;
    }
    let Some((start, slots, written_apostrophe)) = determiner_before(text, name.start) else {
        // A bare name ("Valdorie, Ostrie et Morvanie") has nothing to agree.
        return Agreed::Name;
    };
    let written = &text[start..name.start];
    let Some(target) = to_agreement else {
        return Agreed::Unsure {
            help: format!(
                "write \"{to}\" and make \"{}\" agree with it (the pack gives no gender for \"{to}\")",
                written.trim_end()
            ),
        };
    };
    let apostrophe = written_apostrophe.unwrap_or(apostrophe);
    let mut options: Vec<String> = Vec::new();
    for &slot in slots {
        match phrase(slot, target, apostrophe) {
            Some(p) if !options.contains(&p) => options.push(p),
            Some(_) => {}
            None => {
                return Agreed::Unsure {
                    help: format!(
                        "write \"{to}\" with the article it takes: the pack does not say whether \"{to}\" elides it (add \"elided\" or \"not-elided\" to its `gender`)"
                    ),
                }
            }
        }
    }
    let capital = written.chars().next().is_some_and(char::is_uppercase);
    let options: Vec<String> = options
        .into_iter()
        .map(|p| if capital { capitalise(&p) } else { p })
        .collect();
    match options.as_slice() {
        [only] if same_words(only, written) => Agreed::Name,
        [only] => Agreed::Phrase {
            range: start..name.end,
            replacement: format!("{only}{to}"),
        },
        _ => {
            let choices: Vec<String> = options.iter().map(|p| format!("\"{p}{to}\"")).collect();
            Agreed::Unsure {
                help: format!(
                    "write {} as the sense requires: \"{}\" before this name can mean \"to\" or \"in\", and \"{to}\" takes different words for each",
                    choices.join(" or "),
                    written.trim_end()
                ),
            }
        }
    }
}

/// Equal up to runs of white space and the kind of apostrophe.
fn same_words(a: &str, b: &str) -> bool {
    let norm = |s: &str| -> String {
        let mut out = String::new();
        for c in s.chars() {
            if c.is_whitespace() {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
            } else if APOSTROPHES.contains(&c) {
                out.push('\'');
            } else {
                out.push(c);
            }
        }
        out
    };
    norm(a) == norm(b)
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(value: &str, form: &str) -> Option<Agreement> {
        Some(Agreement::parse(form, value).expect("valid"))
    }

    /// Replaces the name (the last occurrence of `from` in `text`) by `to`.
    fn fix(text: &str, from: &str, from_a: &str, to: &str, to_a: &str) -> String {
        let at = text.rfind(from).expect("name in text");
        let name = at..at + from.len();
        match agree(text, name.clone(), a(from_a, from), to, a(to_a, to), '\'') {
            Agreed::Name => format!("{}{to}{}", &text[..name.start], &text[name.end..]),
            Agreed::Phrase { range, replacement } => {
                format!(
                    "{}{replacement}{}",
                    &text[..range.start],
                    &text[range.end..]
                )
            }
            Agreed::Unsure { help } => format!("UNSURE: {help}"),
        }
    }

    /// Every determiner and preposition, feminine → masculine and back.
    #[test]
    fn feminine_and_masculine_both_ways() {
        let table = [
            ("la Biélorussie a", "le Bélarus a"),
            ("La Biélorussie a", "Le Bélarus a"),
            ("de la Biélorussie.", "du Bélarus."),
            ("De la Biélorussie.", "Du Bélarus."),
            ("à la Biélorussie.", "au Bélarus."),
            ("À la Biélorussie.", "Au Bélarus."),
            ("vit en Biélorussie.", "vit au Bélarus."),
            ("En Biélorussie, on", "Au Bélarus, on"),
            ("producteur de Biélorussie.", "producteur du Bélarus."),
            ("avec Biélorussie et", "avec Bélarus et"),
        ];
        for (fem, masc) in table {
            let fem_text = format!("x {fem}");
            let masc_text = format!("x {masc}");
            assert_eq!(
                fix(&fem_text, "Biélorussie", "f", "Bélarus", "m"),
                masc_text,
                "{fem} →"
            );
        }
        // Back: masculine → feminine, where "au" cannot tell "to" from "in".
        let back = [
            ("le Bélarus a", "la Biélorussie a"),
            ("Le Bélarus a", "La Biélorussie a"),
            ("du Bélarus.", "de la Biélorussie."),
            ("Du Bélarus.", "De la Biélorussie."),
            ("avec Bélarus et", "avec Biélorussie et"),
        ];
        for (masc, fem) in back {
            assert_eq!(
                fix(&format!("x {masc}"), "Bélarus", "m", "Biélorussie", "f"),
                format!("x {fem}"),
                "{masc} →"
            );
        }
        let unsure = fix("il vit au Bélarus.", "Bélarus", "m", "Biélorussie", "f");
        assert!(
            unsure.starts_with("UNSURE")
                && unsure.contains("\"à la Biélorussie\" or \"en Biélorussie\""),
            "{unsure}"
        );
    }

    /// Elision: vowel-initial names take "l'" and "d'", and lose them.
    #[test]
    fn elision_both_ways() {
        let table = [
            ("la Moldavie", "l'Ukraine"),
            ("de la Moldavie", "de l'Ukraine"),
            ("à la Moldavie", "à l'Ukraine"),
            ("en Moldavie", "en Ukraine"),
            ("de Moldavie", "d'Ukraine"),
        ];
        for (consonant, vowel) in table {
            assert_eq!(
                fix(&format!("x {consonant}."), "Moldavie", "f", "Ukraine", "f"),
                format!("x {vowel}."),
                "{consonant} →"
            );
            assert_eq!(
                fix(&format!("x {vowel}."), "Ukraine", "f", "Moldavie", "f"),
                format!("x {consonant}."),
                "{vowel} →"
            );
        }
        // Masculine, vowel-initial: "l'", "de l'", "d'" ↔ "le", "du", "du"; "en" ↔ "au".
        let masc = [
            ("le Portugal", "l'Irak"),
            ("du Portugal", "de l'Irak"),
            ("au Portugal", "UNSURE"),
        ];
        for (consonant, vowel) in masc {
            let out = fix(&format!("x {consonant}."), "Portugal", "m", "Irak", "m");
            if vowel == "UNSURE" {
                assert!(out.starts_with("UNSURE"), "{out}");
            } else {
                assert_eq!(out, format!("x {vowel}."));
            }
        }
        assert_eq!(
            fix("x en Irak.", "Irak", "m", "Portugal", "m"),
            "x au Portugal."
        );
        assert_eq!(
            fix("x d'Irak.", "Irak", "m", "Portugal", "m"),
            "x du Portugal."
        );
        // The apostrophe written is kept.
        assert_eq!(
            fix("x de l’Ukraine.", "Ukraine", "f", "Irak", "m"),
            "x de l’Irak."
        );
        assert_eq!(
            fix("x la Moldavie.", "Moldavie", "f", "Ukraine", "f"),
            "x l'Ukraine."
        );
    }

    #[test]
    fn plurals() {
        assert_eq!(
            fix("x les États-Unis.", "États-Unis", "m pl", "Amérique", "f"),
            "x l'Amérique."
        );
        assert_eq!(
            fix("x en Amérique.", "Amérique", "f", "États-Unis", "m pl"),
            "x aux États-Unis."
        );
        let out = fix("x aux États-Unis.", "États-Unis", "m pl", "Amérique", "f");
        assert!(out.contains("\"à l'Amérique\" or \"en Amérique\""), "{out}");
        assert_eq!(
            fix(
                "x les Pays-Bas.",
                "Pays-Bas",
                "m pl",
                "Hollande",
                "f not-elided"
            ),
            "x la Hollande."
        );
        assert_eq!(
            fix(
                "x des Pays-Bas.",
                "Pays-Bas",
                "m pl",
                "Hollande",
                "f not-elided"
            ),
            "x de la Hollande."
        );
        assert_eq!(
            fix(
                "x à la Hollande.",
                "Hollande",
                "f not-elided",
                "Pays-Bas",
                "m pl"
            ),
            "x aux Pays-Bas."
        );
        assert_eq!(
            fix(
                "x en Hollande.",
                "Hollande",
                "f not-elided",
                "Pays-Bas",
                "m pl"
            ),
            "x aux Pays-Bas."
        );
    }

    #[test]
    fn unknown_gender_or_elision_is_unsure() {
        // An h: the pack must say.
        let out = fix("x la Moldavie.", "Moldavie", "f", "Hongrie", "f");
        assert!(out.starts_with("UNSURE") && out.contains("elided"), "{out}");
        assert_eq!(
            fix("x la Moldavie.", "Moldavie", "f", "Hongrie", "f not-elided"),
            "x la Hongrie."
        );
        // One side without gender, after a determiner.
        let at = "x la Moldavie.".find("Moldavie").expect("present");
        let out = agree(
            "x la Moldavie.",
            at..at + "Moldavie".len(),
            a("f", "Moldavie"),
            "Moldova",
            None,
            '\'',
        );
        assert!(matches!(out, Agreed::Unsure { .. }), "{out:?}");
        // Neither side with gender: the name alone (packs of format 1).
        assert_eq!(
            agree("x la Moldavie.", at..at + 8, None, "Moldova", None, '\''),
            Agreed::Name
        );
    }

    #[test]
    fn words_that_only_end_like_determiners_are_not_determiners() {
        assert_eq!(
            fix("voila Biélorussie.", "Biélorussie", "f", "Bélarus", "m"),
            "voila Bélarus."
        );
        assert_eq!(
            fix("x Aude Biélorussie.", "Biélorussie", "f", "Bélarus", "m"),
            "x Aude Bélarus."
        );
    }

    #[test]
    fn pack_values() {
        assert!(Agreement::parse("X", "n").is_err());
        assert!(Agreement::parse("X", "f pl pl").is_err());
        assert_eq!(
            Agreement::parse("Haïti", "m elided").map(|a| a.elides),
            Ok(Some(true))
        );
        assert_eq!(Agreement::parse("Haïti", "m").map(|a| a.elides), Ok(None));
    }
}
