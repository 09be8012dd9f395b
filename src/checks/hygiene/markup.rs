//! `hygiene/markup`: HTML entities and tags left in the text.

use std::ops::Range;

use super::entities;
use super::{describe_char, shown};
use crate::checks::{BuiltinRule, Check, Context, Diagnostic, Sink};
use crate::document::Document;
use crate::finding::Kind;
use crate::format::Format;

pub static RULE: BuiltinRule = BuiltinRule {
    id: "hygiene/markup",
    kind: Kind::HygieneMarkup,
    summary: "HTML entities or tags left in the text, double-escaped entities in HTML",
    doc: "Reports HTML entities left in prose (`&ldquo;`), broken ones that no browser \
          decodes (`&ldquo ;`), tags left in text (`<br>`, `</p>`, comments), and in HTML \
          documents entities or tags escaped twice, which show as code on the page. The fix \
          is the character the entity stands for, where there is one; otherwise remove it.",
};

/// `hygiene/markup`.
pub struct Markup;

impl Check for Markup {
    fn builtin(&self) -> Option<&'static BuiltinRule> {
        Some(&RULE)
    }

    fn run(&self, cx: &Context<'_>, sink: &mut Sink) {
        sink.extend(cx.markup().iter().cloned());
    }
}

/// Markup debris in every paragraph, in text order. In HTML the checked text is decoded
/// once: what shows as "&ldquo;" was written "&amp;ldquo;", so the message quotes the
/// source as the user wrote it.
pub fn scan(doc: &Document, paragraphs: &[Range<usize>]) -> Vec<Diagnostic> {
    let mut found: Vec<Diagnostic> = paragraphs
        .iter()
        .flat_map(|p| check(&doc.text, p.clone()))
        .collect();
    found.sort_by_key(|d| d.range.start);
    if doc.format == Format::Html {
        for d in &mut found {
            if let Some(message) = double_escaped_message(doc, d) {
                d.message = message;
            }
        }
    }
    found
}

fn double_escaped_message(doc: &Document, d: &Diagnostic) -> Option<String> {
    let source = doc.source_text(&doc.span(d.range.clone()));
    let shown = doc.text.get(d.range.clone())?;
    if source.starts_with("&amp;") {
        Some(match &d.fix {
            Some(fix) => {
                format!("double-escaped HTML entity \"{source}\" shows as \"{shown}\": write {fix}")
            }
            None => format!("double-escaped HTML \"{source}\" shows as \"{shown}\""),
        })
    } else if source.starts_with("&lt;") {
        Some(format!(
            "escaped HTML tag \"{source}\" shows as \"{shown}\" in the page: remove it"
        ))
    } else {
        None
    }
}

/// HTML element names recognised as tags; anything else after `<` is prose.
const TAG_NAMES: &[&str] = &[
    "a",
    "abbr",
    "address",
    "article",
    "aside",
    "audio",
    "b",
    "bdi",
    "bdo",
    "big",
    "blockquote",
    "body",
    "br",
    "button",
    "caption",
    "center",
    "cite",
    "code",
    "col",
    "colgroup",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "figcaption",
    "figure",
    "font",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hr",
    "html",
    "i",
    "iframe",
    "img",
    "input",
    "ins",
    "kbd",
    "label",
    "li",
    "link",
    "main",
    "mark",
    "meta",
    "nav",
    "noscript",
    "object",
    "ol",
    "p",
    "picture",
    "pre",
    "q",
    "s",
    "samp",
    "script",
    "section",
    "small",
    "source",
    "span",
    "strike",
    "strong",
    "style",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "title",
    "tr",
    "tt",
    "u",
    "ul",
    "var",
    "video",
    "wbr",
];

/// Longest attribute list searched for the closing `>` of a tag.
const MAX_TAG_LEN: usize = 512;
/// Longest HTML comment searched for its closing `-->`.
const MAX_COMMENT_LEN: usize = 4096;
/// Longest entity name in the table, with room to spare; longer runs are words.
const MAX_NAME_LEN: usize = 32;

pub(super) fn check(text: &str, paragraph: Range<usize>) -> Vec<Diagnostic> {
    let Some(para) = text.get(paragraph.clone()) else {
        return Vec::new();
    };
    let bytes = para.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let found = match bytes[i] {
            b'&' => entity_at(para, i),
            b'<' => tag_at(para, i),
            _ => None,
        };
        match found {
            Some(mut finding) => {
                i = finding.range.end;
                finding.range = paragraph.start + finding.range.start..paragraph.start + i;
                out.push(finding);
            }
            None => i += 1,
        }
    }
    out
}

/// A character reference after an `&`: its end and what it stands for
/// (`None` for a numeric reference to no character).
struct Reference {
    end: usize,
    value: Option<String>,
    broken: bool,
}

/// Reads the reference whose name starts at `start` (just after `&`).
fn reference_at(s: &str, start: usize) -> Option<Reference> {
    let bytes = s.as_bytes();
    let mut i = start;
    let value = if bytes.get(i) == Some(&b'#') {
        i += 1;
        let hex = matches!(bytes.get(i), Some(b'x' | b'X'));
        if hex {
            i += 1;
        }
        let (radix, max_digits) = if hex { (16, 6) } else { (10, 7) };
        let digits_start = i;
        while i < bytes.len() && (bytes[i] as char).is_digit(radix) {
            i += 1;
        }
        if i == digits_start || i - digits_start > max_digits {
            return None;
        }
        let code = u32::from_str_radix(s.get(digits_start..i)?, radix).ok()?;
        entities::numeric(code).map(String::from)
    } else {
        while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
            i += 1;
            if i - start > MAX_NAME_LEN {
                return None;
            }
        }
        let name = s.get(start..i)?;
        if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
            return None;
        }
        Some(entities::named(name)?.to_string())
    };
    let name_end = i;
    if bytes.get(i) == Some(&b';') {
        return Some(Reference {
            end: i + 1,
            value,
            broken: false,
        });
    }
    // "&ldquo ;": white space slipped in before the semicolon.
    let rest = s.get(i..)?;
    let spaces: usize = rest
        .chars()
        .take_while(|c| matches!(c, ' ' | '\t' | '\u{A0}' | '\u{202F}' | '\u{2009}'))
        .take(3)
        .map(char::len_utf8)
        .sum();
    if spaces > 0 && rest.as_bytes().get(spaces) == Some(&b';') {
        return Some(Reference {
            end: i + spaces + 1,
            value,
            broken: true,
        });
    }
    // "&ldquo" with no semicolon: only before something that cannot continue
    // a name, and not in a URL query ("&copy=2").
    let next = rest.chars().next();
    let ends_name = next.is_none_or(|c| !c.is_alphanumeric() && c != '=' && c != '_');
    // A legacy name ("&laquo", "&nbsp") is one a browser decodes: left in text, but not
    // broken.
    let legacy = s
        .get(start - 1..name_end)
        .and_then(crate::format::html::legacy_entity)
        .is_some_and(|(len, _)| len == name_end - start + 1);
    (value.is_some() && ends_name && name_end - start >= 2).then_some(Reference {
        end: name_end,
        value,
        broken: !legacy,
    })
}

fn entity_at(para: &str, amp: usize) -> Option<Diagnostic> {
    let mut reference = reference_at(para, amp + 1)?;
    let mut double_escaped = false;
    // "&amp;ldquo;": an entity escaped twice.
    while reference.value.as_deref() == Some("&") && !reference.broken {
        match reference_at(para, reference.end) {
            Some(inner) => {
                reference = inner;
                double_escaped = true;
            }
            None => break,
        }
    }
    let raw = para.get(amp..reference.end)?;
    let range = amp..reference.end;
    let (what, label) = if double_escaped {
        ("double-escaped HTML entity", "double-escaped HTML entity")
    } else if reference.broken {
        ("broken HTML entity", "broken HTML entity")
    } else {
        ("HTML entity", "HTML entity")
    };
    let raw = if double_escaped || reference.broken {
        shown(raw)
    } else {
        format!("{} left in text", shown(raw))
    };
    let finding = match reference.value {
        Some(value) => {
            let mut chars = value.chars();
            let written = match (chars.next(), chars.next()) {
                (Some(c), None) => describe_char(c),
                _ => value.clone(),
            };
            Diagnostic::builtin(
                &RULE,
                range,
                format!("{what} {raw}: write {written}"),
                label,
            )
            .with_fix(value)
        }
        None => Diagnostic::builtin(
            &RULE,
            range,
            format!("{what} {raw} stands for no character: remove it"),
            label,
        ),
    };
    Some(finding)
}

fn tag_at(para: &str, lt: usize) -> Option<Diagnostic> {
    let rest = para.get(lt..)?;
    let end = if rest.starts_with("<!--") {
        let body = rest.as_bytes().get(4..)?;
        let close = body
            .windows(3)
            .take(MAX_COMMENT_LEN)
            .position(|w| w == b"-->")?;
        lt + 4 + close + 3
    } else {
        lt + tag_len(rest)?
    };
    let raw = para.get(lt..end)?;
    Some(Diagnostic::builtin(
        &RULE,
        lt..end,
        format!("HTML tag {} left in text: remove it", shown(raw)),
        "HTML tag",
    ))
}

/// Length of the tag at the start of `s` (which starts with `<`), if it is one:
/// `<` + optional `/` + a known element name + optional attributes + `>`.
fn tag_len(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut i = 1;
    if bytes.get(i) == Some(&b'/') {
        i += 1;
    }
    let name_start = i;
    while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
        i += 1;
    }
    let name = s.get(name_start..i)?.to_ascii_lowercase();
    if !TAG_NAMES.contains(&name.as_str()) {
        return None;
    }
    match bytes.get(i) {
        Some(b'>') => return Some(i + 1),
        Some(b'/') if bytes.get(i + 1) == Some(&b'>') => return Some(i + 2),
        Some(c) if c.is_ascii_whitespace() => {}
        _ => return None,
    }
    // Bounded search, so that prose full of "<a " stays linear.
    let close = i + bytes
        .get(i..)?
        .iter()
        .take(MAX_TAG_LEN)
        .position(|&b| b == b'>')?;
    let attributes = s.get(i..close)?;
    let attributes = attributes.trim().trim_end_matches('/').trim();
    // "x <a and b>" in prose is no tag: attributes need a value.
    let plausible =
        !attributes.contains('<') && (attributes.is_empty() || attributes.contains('='));
    plausible.then_some(close + 1)
}

#[cfg(test)]
mod vectors {
    use super::Markup;
    use crate::checks::tester::Tester;
    use crate::Lang;

    #[test]
    fn pass_fail_and_fix() {
        Tester::new(&Markup, Lang::En)
            .pass(&["Salt & pepper; a < b and c > d.", "AT&T said so."])
            .fail(&[
                "He said &ldquo;no&rdquo;.",
                "Line one<br>line two.",
                "A broken &ldquo ;quote.",
            ])
            .fix(&[
                ("He said &ldquo;no&rdquo;.", "He said “no”."),
                ("Fish &amp; chips.", "Fish & chips."),
            ]);
    }
}
