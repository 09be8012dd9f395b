//! Claim patterns (RULES.md, "Patterns") compiled into elements matched token by token.

use unicode_normalization::UnicodeNormalization;

use crate::tokens::{tokenize, TokenKind};

/// The expression a pattern captures: what the text asserts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Slot {
    /// `{n}`: a quantity expression.
    Quantity,
    /// `{date}`: a date expression.
    Date,
    /// `{when}`: a date or a duration expression.
    When,
}

impl Slot {
    pub fn syntax(self) -> &'static str {
        match self {
            Slot::Quantity => "{n}",
            Slot::Date => "{date}",
            Slot::When => "{when}",
        }
    }
}

/// A literal token: a word, a word prefix (`libér*`) or a punctuation mark, folded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Literal {
    Word(String),
    Prefix(String),
    Mark(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Element {
    Literal(Literal),
    /// `(a|b c)`: one of several literal phrases.
    Choice(Vec<Vec<Literal>>),
    /// `{...}`: the shortest run of tokens that lets the rest match.
    Gap,
    /// `{entity:ID}` or `{entity:PACK/ID}`, as written; resolved by the engine.
    Entity(String),
    Slot(Slot),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pattern {
    /// The figure part: the words next to the figure, matched in order.
    pub elements: Vec<Element>,
    /// Order-free cue parts (`figure & cue & cue`): each must match in the same sentence,
    /// near the figure part (see docs/RULES.md, "Order-free patterns").
    pub cues: Vec<Vec<Element>>,
    /// Parts written `!words` (near the figure, as a cue would be) or `!!words`
    /// (anywhere in the sentence): where one holds, the pattern does not match.
    pub vetoes: Vec<Veto<Element>>,
    /// `{within:N}`: the most words between the figure part and a cue part.
    pub within: Option<usize>,
}

/// A veto part: its words, and whether it applies to the whole sentence (`!!`) rather
/// than near the figure (`!`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Veto<T> {
    pub part: Vec<T>,
    pub sentence_wide: bool,
}

/// Words allowed between the figure part and a cue part when the pattern does not say.
pub const DEFAULT_WITHIN: usize = 10;

impl Pattern {
    /// The pattern's expression slot, if any (a pattern holds at most one).
    pub fn slot(&self) -> Option<Slot> {
        self.elements.iter().find_map(|e| match e {
            Element::Slot(s) => Some(*s),
            _ => None,
        })
    }

    /// Literal words outside choices: the candidates for the pattern's anchor.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.elements.iter().filter_map(|e| match e {
            Element::Literal(Literal::Word(w)) => Some(w.as_str()),
            _ => None,
        })
    }
}

/// Compiles a pattern, or says in one line why it cannot compile. Parts joined by `&`
/// make an order-free pattern: the part holding the figure (else the first) is matched
/// in order, the others anywhere near it.
pub fn parse(source: &str) -> Result<Pattern, String> {
    let source: String = source.nfc().collect();
    let parts = split_parts(&source);
    if parts.len() == 1 {
        return Ok(Pattern {
            elements: parse_part(&source)?,
            cues: Vec::new(),
            vetoes: Vec::new(),
            within: None,
        });
    }
    let mut within = None;
    let mut figure: Option<Vec<Element>> = None;
    let mut cues = Vec::new();
    let mut vetoes = Vec::new();
    for part in parts {
        let trimmed = part.trim();
        if let Some(veto) = trimmed.strip_prefix('!') {
            let (veto, sentence_wide) = match veto.strip_prefix('!') {
                Some(v) => (v, true),
                None => (veto, false),
            };
            let elements = parse_part(veto.trim())?;
            if elements.iter().any(|e| matches!(e, Element::Slot(_))) {
                return Err("a `!` part cannot hold {n}, {date} or {when}".to_owned());
            }
            vetoes.push(Veto {
                part: elements,
                sentence_wide,
            });
            continue;
        }
        if let Some(n) = trimmed
            .strip_prefix("{within:")
            .and_then(|r| r.strip_suffix('}'))
        {
            let n: usize = n
                .trim()
                .parse()
                .map_err(|_| format!("`{trimmed}` needs a number of words: {{within:8}}"))?;
            if within.replace(n).is_some() {
                return Err("`{within:N}` given twice".to_owned());
            }
            continue;
        }
        if trimmed.is_empty() {
            return Err("an empty part between `&`".to_owned());
        }
        let elements = parse_part(trimmed)?;
        let has_slot = elements.iter().any(|e| matches!(e, Element::Slot(_)));
        if has_slot {
            if figure
                .as_ref()
                .is_some_and(|f| f.iter().any(|e| matches!(e, Element::Slot(_))))
            {
                return Err("a pattern holds at most one of {n}, {date}, {when}".to_owned());
            }
            if let Some(previous) = figure.replace(elements) {
                cues.push(previous);
            }
        } else if figure.is_none() {
            figure = Some(elements);
        } else {
            cues.push(elements);
        }
    }
    let elements = figure.ok_or("a pattern needs at least one word, mark or {entity:ID}")?;
    Ok(Pattern {
        elements,
        cues,
        vetoes,
        within,
    })
}

/// Splits at each `&` outside `( )` and `{ }`.
fn split_parts(source: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0i32, 0);
    for (i, c) in source.char_indices() {
        match c {
            '(' | '{' => depth += 1,
            ')' | '}' => depth -= 1,
            '&' if depth == 0 => {
                parts.push(&source[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&source[start..]);
    parts
}

/// One part of a pattern: words, marks, choices, gaps and placeholders in order.
fn parse_part(source: &str) -> Result<Vec<Element>, String> {
    let mut elements = Vec::new();
    let mut literal = String::new();
    let mut rest = source;
    while let Some(c) = rest.chars().next() {
        match c {
            '{' => {
                let close = rest
                    .find('}')
                    .ok_or("a `{` is never closed by `}`".to_owned())?;
                let inner = &rest[1..close];
                if inner.contains('{') {
                    return Err("a `{` is never closed by `}`".to_owned());
                }
                push_literals(&literal, &mut elements)?;
                literal.clear();
                elements.push(placeholder(inner.trim())?);
                rest = &rest[close + 1..];
            }
            '(' => {
                let close = rest
                    .find(')')
                    .ok_or("a `(` is never closed by `)`".to_owned())?;
                let inner = &rest[1..close];
                if inner.contains(['(', '{', '}']) {
                    return Err(
                        "alternatives `(a|b)` hold words and marks only, not nested groups or {…}"
                            .to_owned(),
                    );
                }
                push_literals(&literal, &mut elements)?;
                literal.clear();
                elements.push(choice(inner)?);
                rest = &rest[close + 1..];
            }
            '}' => return Err("a `}` closes nothing".to_owned()),
            ')' => return Err("a `)` closes nothing".to_owned()),
            '|' => return Err("`|` separates alternatives inside `( )` only".to_owned()),
            _ => {
                literal.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    push_literals(&literal, &mut elements)?;
    check_elements(&elements)?;
    Ok(elements)
}

/// The alternatives of `(a|b)`, `inner` being what the parentheses hold.
fn choice(inner: &str) -> Result<Element, String> {
    let mut choices = Vec::new();
    for alternative in inner.split('|') {
        let mut lits = Vec::new();
        push_literals(alternative, &mut lits)?;
        let lits: Vec<Literal> = lits
            .into_iter()
            .filter_map(|e| match e {
                Element::Literal(l) => Some(l),
                _ => None,
            })
            .collect();
        if lits.is_empty() {
            return Err(format!("empty alternative in `({inner})`"));
        }
        choices.push(lits);
    }
    Ok(Element::Choice(choices))
}

/// A pattern's elements hold a word, at most one slot, and gaps only between other
/// elements, never two in a row.
fn check_elements(elements: &[Element]) -> Result<(), String> {
    if !elements
        .iter()
        .any(|e| !matches!(e, Element::Gap | Element::Slot(_)))
    {
        return Err("a pattern needs at least one word, mark or {entity:ID}".to_owned());
    }
    if elements
        .iter()
        .filter(|e| matches!(e, Element::Slot(_)))
        .count()
        > 1
    {
        return Err("a pattern holds at most one of {n}, {date}, {when}".to_owned());
    }
    if elements
        .windows(2)
        .any(|w| w[0] == Element::Gap && w[1] == Element::Gap)
    {
        return Err("two `{...}` in a row".to_owned());
    }
    if matches!(elements.first(), Some(Element::Gap))
        || matches!(elements.last(), Some(Element::Gap))
    {
        return Err("a pattern cannot begin or end with `{...}`".to_owned());
    }
    Ok(())
}

fn placeholder(inner: &str) -> Result<Element, String> {
    match inner {
        "..." | "…" => Ok(Element::Gap),
        "n" => Ok(Element::Slot(Slot::Quantity)),
        "date" => Ok(Element::Slot(Slot::Date)),
        "when" => Ok(Element::Slot(Slot::When)),
        _ => match inner.strip_prefix("entity:") {
            Some(id) if !id.trim().is_empty() => Ok(Element::Entity(id.trim().to_owned())),
            Some(_) => Err("`{entity:}` needs an entity id".to_owned()),
            None => Err(format!(
                "unknown placeholder `{{{inner}}}`; use {{...}}, {{n}}, {{date}}, {{when}} or {{entity:ID}}"
            )),
        },
    }
}

/// Splits literal text as the document text is split; `word*` becomes a prefix.
fn push_literals(text: &str, out: &mut Vec<Element>) -> Result<(), String> {
    let tokens = tokenize(text, 0..text.len());
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        let star_follows = tokens
            .get(i + 1)
            .is_some_and(|n| n.folded == "*" && n.range.start == t.range.end);
        let literal = match t.kind {
            TokenKind::Word if star_follows => {
                i += 1;
                Literal::Prefix(t.folded.to_string())
            }
            TokenKind::Word => Literal::Word(t.folded.to_string()),
            TokenKind::Mark if t.folded == "*" => {
                return Err("`*` must follow a word (`libér*`)".to_owned())
            }
            TokenKind::Mark => Literal::Mark(t.folded.to_string()),
        };
        out.push(Element::Literal(literal));
        i += 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(w: &str) -> Element {
        Element::Literal(Literal::Word(w.to_owned()))
    }

    #[test]
    fn compiles() {
        let p =
            parse("{entity:lukashenko}, qui (dirige|gouverne) {...} depuis {when}").expect("valid");
        assert_eq!(
            p.elements,
            vec![
                Element::Entity("lukashenko".into()),
                Element::Literal(Literal::Mark(",".into())),
                word("qui"),
                Element::Choice(vec![
                    vec![Literal::Word("dirige".into())],
                    vec![Literal::Word("gouverne".into())]
                ]),
                Element::Gap,
                word("depuis"),
                Element::Slot(Slot::When),
            ]
        );
        let p = parse("Libér* {n} d’habitants").expect("valid");
        assert_eq!(
            p.elements,
            vec![
                Element::Literal(Literal::Prefix("libér".into())),
                Element::Slot(Slot::Quantity),
                word("d"),
                Element::Literal(Literal::Mark("'".into())),
                word("habitants"),
            ]
        );
        assert_eq!(p.slot(), Some(Slot::Quantity));
        let p = parse("(in power|at the helm) since {when}").expect("valid");
        assert!(matches!(&p.elements[0], Element::Choice(c) if c[0].len() == 2));
    }

    #[test]
    fn order_free_parts() {
        let p = parse("{entity:ruler} & depuis {when} & (dirig*|au pouvoir) & {within:6}")
            .expect("valid");
        assert_eq!(p.elements, vec![word("depuis"), Element::Slot(Slot::When)]);
        assert_eq!(
            p.cues,
            vec![
                vec![Element::Entity("ruler".into())],
                vec![Element::Choice(vec![
                    vec![Literal::Prefix("dirig".into())],
                    vec![Literal::Word("au".into()), Literal::Word("pouvoir".into())]
                ])]
            ]
        );
        assert_eq!(p.within, Some(6));
        assert_eq!(p.slot(), Some(Slot::When));
        let p = parse("{n} détenus & !!depuis juillet 2024 & !libérés").expect("valid");
        assert_eq!(
            p.vetoes,
            vec![
                Veto {
                    part: vec![word("depuis"), word("juillet"), word("2024")],
                    sentence_wide: true
                },
                Veto {
                    part: vec![word("libérés")],
                    sentence_wide: false
                }
            ]
        );
        let p = parse("toujours & détenus").expect("valid");
        assert_eq!(p.elements, vec![word("toujours")]);
        assert_eq!(p.cues, vec![vec![word("détenus")]]);
        for (pattern, expected) in [
            ("{n} x & {n} y", "at most one"),
            ("{n} x & ", "empty part"),
            ("{n} x & {within:many}", "number of words"),
            ("{n} x & {within:3} & {within:4}", "twice"),
            ("{n} x & {...} y", "begin or end"),
            ("x y & !{n} z", "cannot hold"),
        ] {
            match parse(pattern) {
                Ok(p) => panic!("{pattern:?} compiled to {p:?}"),
                Err(e) => assert!(e.contains(expected), "{pattern:?}: {e}"),
            }
        }
    }

    #[test]
    fn errors() {
        let cases = [
            ("{n} prisonniers {", "never closed"),
            ("{n} prisonniers }", "closes nothing"),
            ("{xyz} prisonniers", "unknown placeholder"),
            ("(a||b) {n}", "empty alternative"),
            ("(a|b {n}", "never closed"),
            ("{n} {date} x", "at most one"),
            ("{...} {n} x", "begin or end"),
            ("x {...} {...} {n}", "in a row"),
            ("{...}", "at least one word"),
            ("", "at least one word"),
            ("{n}", "at least one word"),
            ("a | b", "inside `( )`"),
            ("* {n}", "must follow a word"),
            ("{entity:} {n}", "needs an entity id"),
        ];
        for (pattern, expected) in cases {
            match parse(pattern) {
                Ok(p) => panic!("{pattern:?} compiled to {p:?}"),
                Err(e) => assert!(e.contains(expected), "{pattern:?}: {e}"),
            }
        }
    }
}
