//! Markdown: prose is checked; code blocks, inline code, HTML comments and front matter
//! are not. Links are checked by their text. Entities are kept as written, so that
//! debris such as `&ldquo;` in prose can be reported.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::{after_bom, block_break, front_matter, Extracted};
use crate::offsets::TextBuilder;

/// Stands for masked inline code: one neutral "word" no rule matches.
pub const CODE_PLACEHOLDER: &str = "\u{FFFC}";

pub fn extract(source: &str) -> Extracted {
    let mut start = after_bom(source);
    let mut lang = None;
    let mut date = None;
    if let Some(fm) = front_matter::parse(source, start) {
        start = fm.range.end;
        lang = fm.lang;
        date = fm.date;
    }
    let body = &source[start..];
    let mut builder = TextBuilder::with_capacity(body.len());
    let mut code_depth = 0usize;
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES;
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        let range = range.start + start..range.end + start;
        match event {
            Event::Start(Tag::CodeBlock(_)) => code_depth += 1,
            Event::End(TagEnd::CodeBlock) => {
                code_depth = code_depth.saturating_sub(1);
                block_break(&mut builder, range.end);
            }
            Event::Start(tag) if is_block(&tag) => block_break(&mut builder, range.start),
            Event::End(tag) if is_block_end(&tag) => block_break(&mut builder, range.end),
            _ if code_depth > 0 => {}
            Event::Text(text) => {
                let raw = &source[range.clone()];
                if *raw == *text || raw.starts_with('&') {
                    builder.push_verbatim(source, range);
                } else {
                    builder.push_replacement(&text, range);
                }
            }
            Event::Code(_) => builder.push_replacement(CODE_PLACEHOLDER, range),
            Event::InlineHtml(html) if !html.starts_with("<!--") => {
                builder.push_verbatim(source, range)
            }
            Event::SoftBreak => builder.push_replacement("\n", range),
            Event::HardBreak => builder.push_replacement("\n", range),
            _ => {}
        }
    }
    let (text, map) = builder.finish();
    Extracted {
        text,
        verbatim: false,
        map,
        lang,
        date,
        lang_origin: "front-matter",
        date_origin: "front-matter",
    }
}

fn is_block(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::Paragraph
            | Tag::Heading { .. }
            | Tag::BlockQuote(_)
            | Tag::Item
            | Tag::TableCell
            | Tag::FootnoteDefinition(_)
            | Tag::HtmlBlock
    )
}

fn is_block_end(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::BlockQuote(_)
            | TagEnd::Item
            | TagEnd::TableCell
            | TagEnd::FootnoteDefinition
            | TagEnd::HtmlBlock
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(src: &str) -> String {
        extract(src).text
    }

    #[test]
    fn code_is_masked_and_blocks_are_separated() {
        let src = "# Titre\n\nUn `code` ici.\n\n```\nMink\n```\n\nFin.";
        assert_eq!(text_of(src), "Titre\n\nUn \u{FFFC} ici.\n\nFin.\n\n");
    }

    #[test]
    fn links_by_text_and_entities_kept() {
        let src = "Voir [Minsk](https://example.org/Mink) &ldquo;x";
        let ex = extract(src);
        assert!(ex.text.starts_with("Voir Minsk &ldquo;x"), "{:?}", ex.text);
        let at = ex.text.find("&ldquo;").expect("entity kept");
        let span = ex.map.map_range(at..at + 7);
        assert_eq!(&src[span], "&ldquo;");
    }

    #[test]
    fn front_matter_is_metadata() {
        let src = "---\nlang: fr\n---\nBonjour.";
        let ex = extract(src);
        assert_eq!(ex.text.trim(), "Bonjour.");
        assert_eq!(ex.lang.map(|m| m.value).as_deref(), Some("fr"));
    }

    #[test]
    fn spans_map_to_source() {
        let src = "Intro *Mink* et **Minsk**.";
        let ex = extract(src);
        let at = ex.text.find("Minsk").expect("found");
        assert_eq!(&src[ex.map.map_range(at..at + 5)], "Minsk");
    }
}
