//! HTML: the text content only, entities decoded, `<script>`, `<style>` and `<title>`
//! skipped, block elements separating paragraphs. White space runs fold to one space as a
//! browser shows them. Reads `<html lang>`, `<meta property="article:published_time">`
//! and the first `<time datetime>`.

use std::ops::Range;

use super::{after_bom, block_break, Extracted, MetaValue};
use crate::offsets::TextBuilder;

const SKIPPED: &[&str] = &["script", "style", "title", "template", "noscript", "svg"];
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

pub fn extract(source: &str) -> Extracted {
    let mut ex = Extracted {
        lang_origin: "html",
        date_origin: "html",
        ..Extracted::default()
    };
    let mut builder = TextBuilder::with_capacity(source.len());
    let bytes = source.as_bytes();
    let mut at = after_bom(source);
    let mut text_start = at;
    let mut meta_time: Option<MetaValue> = None;
    let mut first_time: Option<MetaValue> = None;
    while at < bytes.len() {
        if bytes[at] != b'<' {
            at += 1;
            continue;
        }
        let Some(markup_end) = markup_end(source, at) else {
            at += 1;
            continue;
        };
        push_text(&mut builder, source, text_start..at);
        let markup = &source[at..markup_end];
        at = markup_end;
        text_start = at;
        let Some(tag) = Tag::parse(markup) else {
            continue;
        };
        if !tag.closing {
            match tag.name.as_str() {
                "html" => {
                    if let Some(lang) = tag.attr(markup, "lang") {
                        ex.lang.get_or_insert(offset(lang, at - markup.len()));
                    }
                }
                "meta" if tag.attr_value(markup, "property") == Some("article:published_time") => {
                    if let Some(content) = tag.attr(markup, "content") {
                        meta_time.get_or_insert(offset(content, at - markup.len()));
                    }
                }
                "time" => {
                    if let Some(datetime) = tag.attr(markup, "datetime") {
                        first_time.get_or_insert(offset(datetime, at - markup.len()));
                    }
                }
                _ => {}
            }
        }
        if !tag.closing && SKIPPED.contains(&tag.name.as_str()) && !tag.self_closing {
            // Raw text up to the matching end tag.
            let close = format!("</{}", tag.name);
            let end = find_ascii_ci(source, at, &close).unwrap_or(source.len());
            at = source[end..]
                .find('>')
                .map_or(source.len(), |i| end + i + 1);
            text_start = at;
            continue;
        }
        if tag.name == "br" {
            builder.push_replacement("\n", at - markup.len()..at);
        } else if BLOCKS.contains(&tag.name.as_str()) {
            block_break(&mut builder, at - markup.len());
        }
    }
    push_text(&mut builder, source, text_start..source.len());
    let (text, map) = builder.finish();
    ex.text = text;
    ex.map = map;
    ex.date = meta_time.or(first_time);
    ex
}

fn offset(value: MetaValue, base: usize) -> MetaValue {
    MetaValue {
        value: value.value,
        span: value.span.start + base..value.span.end + base,
    }
}

/// Appends text content: entities decoded, white space folded.
fn push_text(builder: &mut TextBuilder, source: &str, range: Range<usize>) {
    let bytes = source.as_bytes();
    let mut run = range.start;
    let mut at = range.start;
    while at < range.end {
        let b = bytes[at];
        if b.is_ascii_whitespace() {
            let mut end = at;
            while end < range.end && bytes[end].is_ascii_whitespace() {
                end += 1;
            }
            let text = builder.text();
            let leading = run == at && (text.is_empty() || text.ends_with(['\n', ' ']));
            if end - at == 1 && b == b' ' && !leading {
                at = end;
                continue;
            }
            builder.push_verbatim(source, run..at);
            if !leading {
                builder.push_replacement(" ", at..end);
            }
            at = end;
            run = end;
        } else if b == b'&' {
            if let Some((len, decoded)) = entity(&source[at..range.end]) {
                builder.push_verbatim(source, run..at);
                builder.push_replacement(&decoded, at..at + len);
                at += len;
                run = at;
            } else {
                at += 1;
            }
        } else {
            at += 1;
        }
    }
    builder.push_verbatim(source, run..range.end);
}

/// The named references browsers decode without a semicolon (the WHATWG "legacy" names,
/// from HTML 4's Latin-1 set), sorted.
const LEGACY_ENTITIES: &[&str] = &[
    "AElig", "AMP", "Aacute", "Acirc", "Agrave", "Aring", "Atilde", "Auml", "COPY", "Ccedil",
    "ETH", "Eacute", "Ecirc", "Egrave", "Euml", "GT", "Iacute", "Icirc", "Igrave", "Iuml", "LT",
    "Ntilde", "Oacute", "Ocirc", "Ograve", "Oslash", "Otilde", "Ouml", "QUOT", "REG", "THORN",
    "Uacute", "Ucirc", "Ugrave", "Uuml", "Yacute", "aacute", "acirc", "acute", "aelig", "agrave",
    "amp", "aring", "atilde", "auml", "brvbar", "ccedil", "cedil", "cent", "copy", "curren", "deg",
    "divide", "eacute", "ecirc", "egrave", "eth", "euml", "frac12", "frac14", "frac34", "gt",
    "iacute", "icirc", "iexcl", "igrave", "iquest", "iuml", "laquo", "lt", "macr", "micro",
    "middot", "nbsp", "not", "ntilde", "oacute", "ocirc", "ograve", "ordf", "ordm", "oslash",
    "otilde", "ouml", "para", "plusmn", "pound", "quot", "raquo", "reg", "sect", "shy", "sup1",
    "sup2", "sup3", "szlig", "thorn", "times", "uacute", "ucirc", "ugrave", "uml", "uuml",
    "yacute", "yen", "yuml",
];

/// A legacy reference without its semicolon at the start of `text` (which starts with
/// `&`): the longest legacy name there, its length with the `&`, and its value.
pub fn legacy_entity(text: &str) -> Option<(usize, String)> {
    let name_len = text
        .get(1..)?
        .bytes()
        .take_while(u8::is_ascii_alphanumeric)
        .count();
    (2..=name_len.min(6)).rev().find_map(|n| {
        let name = text.get(1..=n)?;
        LEGACY_ENTITIES.binary_search(&name).ok()?;
        let decoded = htmlize::unescape(format!("&{name};")).into_owned();
        Some((n + 1, decoded))
    })
}

/// A character reference at the start of `text` as a browser reads it in text: a
/// well-formed one, or a legacy name without its semicolon (`&laquo`, `&nbsp`).
fn entity(text: &str) -> Option<(usize, String)> {
    well_formed_entity(text).or_else(|| legacy_entity(text))
}

/// A well-formed character reference at the start of `text`: its length and its value.
fn well_formed_entity(text: &str) -> Option<(usize, String)> {
    let semi = text.get(..40).unwrap_or(text).find(';')?;
    let body = &text[1..semi];
    let valid = if let Some(num) = body.strip_prefix('#') {
        let digits = num.strip_prefix(['x', 'X']).unwrap_or(num);
        !digits.is_empty() && digits.chars().all(|c| c.is_ascii_hexdigit())
    } else {
        !body.is_empty() && body.chars().all(|c| c.is_ascii_alphanumeric())
    };
    if !valid {
        return None;
    }
    let raw = &text[..=semi];
    let decoded = htmlize::unescape(raw);
    (decoded != raw).then(|| (raw.len(), decoded.into_owned()))
}

/// The end of the markup starting at `at` (`<` of a tag, comment, doctype or processing
/// instruction), or `None` when the `<` is text.
fn markup_end(source: &str, at: usize) -> Option<usize> {
    let rest = &source[at..];
    if let Some(comment) = rest.strip_prefix("<!--") {
        return Some(comment.find("-->").map_or(source.len(), |i| at + 4 + i + 3));
    }
    let next = rest.as_bytes().get(1)?;
    let is_markup = next.is_ascii_alphabetic()
        || *next == b'!'
        || *next == b'?'
        || (*next == b'/' && rest.as_bytes().get(2).is_some_and(u8::is_ascii_alphabetic));
    if !is_markup {
        return None;
    }
    let mut quote = None;
    for (i, c) in rest.char_indices().skip(1) {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return Some(at + i + 1),
            _ => {}
        }
    }
    Some(source.len())
}

fn find_ascii_ci(source: &str, from: usize, needle: &str) -> Option<usize> {
    let hay = source.as_bytes();
    let needle = needle.as_bytes();
    (from..hay.len().saturating_sub(needle.len() - 1))
        .find(|&i| hay[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

/// A start or end tag, with its attributes left in place in the markup.
struct Tag {
    name: String,
    closing: bool,
    self_closing: bool,
}

impl Tag {
    fn parse(markup: &str) -> Option<Tag> {
        let inner = markup.strip_prefix('<')?;
        let (closing, inner) = match inner.strip_prefix('/') {
            Some(rest) => (true, rest),
            None => (false, inner),
        };
        let name_len = inner
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == ':'))
            .unwrap_or(inner.len());
        if name_len == 0 {
            return None;
        }
        Some(Tag {
            name: inner[..name_len].to_ascii_lowercase(),
            closing,
            self_closing: markup.ends_with("/>"),
        })
    }

    /// An attribute's value and its range within `markup`, entities decoded.
    fn attr(&self, markup: &str, name: &str) -> Option<MetaValue> {
        let lower = markup.to_ascii_lowercase();
        let mut search = 1 + self.name.len();
        while let Some(i) = lower[search..].find(name) {
            let at = search + i;
            search = at + name.len();
            let before_ok = lower[..at].ends_with(|c: char| c.is_ascii_whitespace());
            let after = lower[search..].trim_start();
            if !before_ok || !after.starts_with('=') {
                continue;
            }
            let value_at = markup.len() - after.len() + 1;
            let value_text = &markup[value_at..];
            let trimmed = value_text.trim_start();
            let start = value_at + (value_text.len() - trimmed.len());
            let (start, end) = match trimmed.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let len = trimmed[1..].find(q)?;
                    (start + 1, start + 1 + len)
                }
                _ => {
                    let len = trimmed
                        .find(|c: char| c.is_ascii_whitespace() || c == '>')
                        .unwrap_or(trimmed.len());
                    (start, start + len)
                }
            };
            let raw = &markup[start..end];
            return Some(MetaValue {
                value: htmlize::unescape(raw).trim().to_owned(),
                span: start..end,
            });
        }
        None
    }

    fn attr_value<'m>(&self, markup: &'m str, name: &str) -> Option<&'m str> {
        let value = self.attr(markup, name)?;
        markup.get(value.span).map(str::trim)
    }
}

#[cfg(test)]
mod legacy_tests {
    use super::*;

    #[test]
    fn legacy_names_are_sorted_and_decoded_as_browsers_do() {
        assert!(LEGACY_ENTITIES.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(legacy_entity("&laquo oui"), Some((6, "«".to_owned())));
        assert_eq!(legacy_entity("&nbsp:"), Some((5, "\u{a0}".to_owned())));
        // The longest legacy name wins: "&notit" is ¬ then "it", as in a browser.
        assert_eq!(legacy_entity("&notit"), Some((4, "¬".to_owned())));
        assert_eq!(legacy_entity("&ldquo"), None, "not a legacy name");
        assert_eq!(entity("&eacutet"), Some((7, "é".to_owned())));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_content_only() {
        let src = "<html lang=\"fr\"><head><title>T</title><style>p{}</style></head>\
                   <body><p>Le&nbsp;<b>Bélarus</b> &amp; Minsk</p><script>x<y</script><p>Fin.</p></body></html>";
        let ex = extract(src);
        assert_eq!(ex.text, "Le\u{a0}Bélarus & Minsk\n\nFin.\n\n");
        assert_eq!(ex.lang.map(|l| l.value).as_deref(), Some("fr"));
        let at = ex.text.find('&').expect("amp");
        assert_eq!(&src[ex.map.map_range(at..at + 1)], "&amp;");
        let at = ex.text.find("Bélarus").expect("word");
        assert_eq!(&src[ex.map.map_range(at..at + "Bélarus".len())], "Bélarus");
    }

    #[test]
    fn broken_entity_stays_as_written() {
        let ex = extract("<p>Belta&ldquo ;</p>");
        assert_eq!(ex.text, "Belta&ldquo ;\n\n");
    }

    #[test]
    fn double_escaped_entity_decodes_once() {
        let ex = extract("<p>&amp;ldquo;x</p>");
        assert_eq!(ex.text, "&ldquo;x\n\n");
    }

    #[test]
    fn dates() {
        let src =
            "<meta property=\"article:published_time\" content=\"2025-12-13T08:00:00+01:00\">\
                   <p><time datetime=\"2024-01-01\">x</time></p>";
        let ex = extract(src);
        let date = ex.date.expect("date");
        assert_eq!(date.value, "2025-12-13T08:00:00+01:00");
        assert_eq!(&src[date.span], "2025-12-13T08:00:00+01:00");
    }

    #[test]
    fn metadata_in_head_is_read() {
        let src = "<html><head><meta property=\"article:published_time\" content=\"2025-12-13\">\
                   <title>Minsk</title></head><body><p>Texte.</p></body></html>";
        let ex = extract(src);
        assert_eq!(ex.date.map(|d| d.value).as_deref(), Some("2025-12-13"));
        assert_eq!(ex.text, "Texte.\n\n");
    }

    #[test]
    fn less_than_in_text_is_text() {
        let ex = extract("<p>a < b</p>");
        assert_eq!(ex.text, "a < b\n\n");
    }
}
