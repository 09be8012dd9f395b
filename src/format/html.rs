//! HTML: the text content only, entities decoded, `<script>`, `<style>`, `<title>` and the
//! other elements a browser does not show skipped, block elements separating paragraphs.
//! White space runs fold to one space as a browser shows them. Reads `<html lang>`,
//! `<meta property="article:published_time">` and the first `<time datetime>`.
//!
//! The tokenizing is html5gum's, the WHATWG tokenizer: character references (legacy ones
//! without `;` included), raw text elements, comments and broken markup read as a browser
//! reads them. Its emitter here, [`Pieces`], keeps the source range of every piece of text
//! and every tag, so that each byte of the checked text maps back to the bytes it came from.

use std::collections::VecDeque;
use std::ops::Range;

use html5gum::{Emitter, Error, State, Tokenizer};

use super::{after_bom, block_break, Extracted, MetaValue};
use crate::offsets::TextBuilder;

/// Elements whose content a browser does not show.
const SKIPPED: &[&str] = &[
    "script", "style", "title", "template", "noscript", "svg", "iframe", "noembed", "noframes",
];

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
    let mut meta_time: Option<MetaValue> = None;
    let mut first_time: Option<MetaValue> = None;
    // The skipped element we are in, and how many of its name are open.
    let mut skipping: Option<(String, usize)> = None;
    for piece in pieces(source, after_bom(source)) {
        if let Some((name, open)) = &mut skipping {
            match &piece {
                Piece::StartTag(tag) if tag.name == *name && tag.opens() => *open += 1,
                Piece::EndTag { name: end, .. } if end == name => {
                    *open -= 1;
                    if *open == 0 {
                        skipping = None;
                    }
                }
                _ => {}
            }
            continue;
        }
        match piece {
            Piece::Text(range) => push_text(&mut builder, source, range),
            Piece::Decoded { text, range } => builder.push_replacement(&text, range),
            Piece::StartTag(tag) => {
                match tag.name.as_str() {
                    "html" => {
                        if let Some(lang) = tag.attribute("lang") {
                            ex.lang.get_or_insert(lang);
                        }
                    }
                    "meta"
                        if tag.attribute("property").map(|p| p.value).as_deref()
                            == Some("article:published_time") =>
                    {
                        if let Some(content) = tag.attribute("content") {
                            meta_time.get_or_insert(content);
                        }
                    }
                    "time" => {
                        if let Some(datetime) = tag.attribute("datetime") {
                            first_time.get_or_insert(datetime);
                        }
                    }
                    _ => {}
                }
                if SKIPPED.contains(&tag.name.as_str()) && tag.opens() {
                    skipping = Some((tag.name, 1));
                    continue;
                }
                separate(&mut builder, &tag.name, tag.range);
            }
            Piece::EndTag { name, range } => separate(&mut builder, &name, range),
        }
    }
    let (text, map) = builder.finish();
    ex.text = text;
    ex.map = map;
    ex.date = meta_time.or(first_time);
    ex
}

/// What a tag does to the text: `<br>` is a line break, a block element ends a paragraph.
fn separate(builder: &mut TextBuilder, name: &str, range: Range<usize>) {
    if name == "br" {
        builder.push_replacement("\n", range);
    } else if BLOCKS.contains(&name) {
        block_break(builder, range.start);
    }
}

/// Appends text as written, white space folded.
fn push_text(builder: &mut TextBuilder, source: &str, range: Range<usize>) {
    // Runs of text end at markup or a reference, so on char boundaries; never slice
    // anywhere else.
    if source.get(range.clone()).is_none() {
        debug_assert!(false, "text run {range:?} off char boundaries");
        return;
    }
    let bytes = source.as_bytes();
    let mut run = range.start;
    let mut at = range.start;
    while at < range.end {
        let b = bytes[at];
        if !b.is_ascii_whitespace() {
            at += 1;
            continue;
        }
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
    }
    builder.push_verbatim(source, run..range.end);
}

/// A character reference without its semicolon at the start of `text` (which starts with
/// `&`) that a browser decodes all the same (a WHATWG legacy name: `&laquo`, `&nbsp`; the
/// longest one there): its length with the `&`, and its value.
pub fn legacy_entity(text: &str) -> Option<(usize, String)> {
    let name_len = text
        .strip_prefix('&')?
        .bytes()
        .take_while(u8::is_ascii_alphanumeric)
        .count();
    let reference = text.get(..=name_len)?;
    match pieces(reference, 0).next()? {
        Piece::Decoded { text, range } if range.start == 0 => Some((range.end, text)),
        _ => None,
    }
}

/// The pieces of `source[start..]` in order, with ranges into `source`.
fn pieces(source: &str, start: usize) -> impl Iterator<Item = Piece> + '_ {
    let input = source.get(start..).unwrap_or_default();
    let tokenizer = Tokenizer::new_with_emitter(input, Pieces::new(source.as_bytes(), start));
    // Reading a `&str` cannot fail.
    tokenizer.map(|read| match read {
        Ok(piece) => piece,
        Err(never) => match never {},
    })
}

/// What the tokenizer read, in source order, with byte ranges into the source.
enum Piece {
    /// Text as written (its line ends aside: the tokenizer reads CRLF and CR as LF).
    Text(Range<usize>),
    /// Text that reads otherwise than written: a character reference decoded, or a NUL
    /// replaced.
    Decoded {
        text: String,
        range: Range<usize>,
    },
    StartTag(Tag),
    EndTag {
        name: String,
        range: Range<usize>,
    },
}

/// A start tag: its lowercase name, its attributes, and the range of `<…>`.
struct Tag {
    name: String,
    self_closing: bool,
    attributes: Vec<Attribute>,
    range: Range<usize>,
}

impl Tag {
    /// Whether the element has content: `/>` ends only a foreign element (`<svg/>`), as in
    /// a browser; `<script/>` opens a script.
    fn opens(&self) -> bool {
        !(self.self_closing && self.name == "svg")
    }

    /// The value of the first attribute `name`, references decoded and trimmed, with the
    /// range of the value as written (inside its quotes).
    fn attribute(&self, name: &str) -> Option<MetaValue> {
        let found = self.attributes.iter().find(|a| a.name == name.as_bytes())?;
        Some(MetaValue {
            value: String::from_utf8_lossy(&found.value).trim().to_owned(),
            span: found.range.clone(),
        })
    }
}

#[derive(Default)]
struct Attribute {
    name: Vec<u8>,
    value: Vec<u8>,
    range: Range<usize>,
}

/// The markup being read: a tag, or (`Other`) a comment or doctype.
#[derive(Default, PartialEq, Eq)]
enum MarkupKind {
    StartTag,
    EndTag,
    #[default]
    Other,
}

#[derive(Default)]
struct Markup {
    kind: MarkupKind,
    name: Vec<u8>,
    self_closing: bool,
    attributes: Vec<Attribute>,
    attribute: Option<Attribute>,
}

/// html5gum's emitter: turns its calls into [`Piece`]s. The tokenizer tells it each move
/// of its read position (`move_position`), so that every piece of text it emits covers the
/// source from where the previous one ended (or text began) to the read position; text as
/// written is held until markup or a reference ends it, then reported as one run.
struct Pieces<'a> {
    source: &'a [u8],
    /// Byte offset in `source` of what the tokenizer reads next.
    position: usize,
    /// Where the text not yet emitted starts.
    text_start: usize,
    /// Text as written, not reported yet.
    text: Option<Range<usize>>,
    /// Where the markup being read starts (its `<`).
    markup_start: usize,
    markup: Markup,
    last_start_tag: Vec<u8>,
    ready: VecDeque<Piece>,
}

impl<'a> Pieces<'a> {
    fn new(source: &'a [u8], start: usize) -> Self {
        Pieces {
            source,
            position: start,
            text_start: start,
            text: None,
            markup_start: start,
            markup: Markup::default(),
            last_start_tag: Vec::new(),
            ready: VecDeque::new(),
        }
    }

    fn flush_text(&mut self) {
        if let Some(range) = self.text.take() {
            self.ready.push_back(Piece::Text(range));
        }
    }

    fn start_markup(&mut self, kind: MarkupKind) {
        self.markup = Markup {
            kind,
            ..Markup::default()
        };
    }

    /// Puts the attribute being read on the tag, unless one of its name came first.
    fn finish_attribute(&mut self) {
        if let Some(attribute) = self.markup.attribute.take() {
            if !self
                .markup
                .attributes
                .iter()
                .any(|a| a.name == attribute.name)
            {
                self.markup.attributes.push(attribute);
            }
        }
    }

    fn end_markup(&mut self) {
        self.text_start = self.position;
    }
}

/// Whether the tokenizer's `read` is `source[range]` as written, line ends aside: it reads
/// CRLF and CR as LF, and may count a CRLF's LF with the next piece of text.
fn reads_as_written(source: &[u8], range: Range<usize>, read: &[u8]) -> bool {
    let Some(written) = source.get(range.clone()) else {
        return false;
    };
    if written == read {
        return true;
    }
    let after_cr = |i: usize| i > 0 && source.get(i - 1) == Some(&b'\r');
    written
        .iter()
        .enumerate()
        .filter(|&(i, &b)| !(b == b'\n' && after_cr(range.start + i)))
        .map(|(_, &b)| if b == b'\r' { b'\n' } else { b })
        .eq(read.iter().copied())
}

impl Emitter for Pieces<'_> {
    type Token = Piece;

    fn set_last_start_tag(&mut self, last_start_tag: Option<&[u8]>) {
        self.last_start_tag = last_start_tag.unwrap_or_default().to_vec();
    }

    fn emit_eof(&mut self) {
        self.flush_text();
    }

    fn emit_error(&mut self, _error: Error) {}

    fn should_emit_errors(&mut self) -> bool {
        false
    }

    fn pop_token(&mut self) -> Option<Piece> {
        self.ready.pop_front()
    }

    fn init_string(&mut self) {
        self.text_start = self.position;
    }

    fn emit_string(&mut self, read: &[u8]) {
        let range = self.text_start..self.position;
        self.text_start = self.position;
        if read.is_empty() && range.is_empty() {
            return;
        }
        if reads_as_written(self.source, range.clone(), read) {
            match &mut self.text {
                Some(run) if run.end == range.start => run.end = range.end,
                _ => {
                    self.flush_text();
                    self.text = Some(range);
                }
            }
        } else {
            self.flush_text();
            self.ready.push_back(Piece::Decoded {
                text: String::from_utf8_lossy(read).into_owned(),
                range,
            });
        }
    }

    fn init_start_tag(&mut self) {
        self.start_markup(MarkupKind::StartTag);
    }

    fn init_end_tag(&mut self) {
        self.start_markup(MarkupKind::EndTag);
    }

    fn init_comment(&mut self) {
        self.start_markup(MarkupKind::Other);
    }

    fn emit_current_tag(&mut self) -> Option<State> {
        self.finish_attribute();
        self.end_markup();
        self.flush_text();
        let markup = std::mem::take(&mut self.markup);
        let range = self.markup_start..self.position;
        let name = String::from_utf8_lossy(&markup.name).into_owned();
        match markup.kind {
            MarkupKind::StartTag => {
                self.last_start_tag = markup.name;
                let next = html5gum::naive_next_state(&self.last_start_tag);
                self.ready.push_back(Piece::StartTag(Tag {
                    name,
                    self_closing: markup.self_closing,
                    attributes: markup.attributes,
                    range,
                }));
                next
            }
            MarkupKind::EndTag => {
                self.ready.push_back(Piece::EndTag { name, range });
                None
            }
            MarkupKind::Other => None,
        }
    }

    fn emit_current_comment(&mut self) {
        self.end_markup();
    }

    fn emit_current_doctype(&mut self) {
        self.end_markup();
    }

    fn set_self_closing(&mut self) {
        self.markup.self_closing = true;
    }

    fn set_force_quirks(&mut self) {}

    fn push_tag_name(&mut self, s: &[u8]) {
        self.markup.name.extend_from_slice(s);
    }

    fn push_comment(&mut self, _s: &[u8]) {}

    fn push_doctype_name(&mut self, _s: &[u8]) {}

    fn init_doctype(&mut self) {
        self.start_markup(MarkupKind::Other);
    }

    fn init_attribute(&mut self) {
        self.finish_attribute();
        self.markup.attribute = Some(Attribute {
            range: self.position..self.position,
            ..Attribute::default()
        });
    }

    fn init_attribute_value(&mut self) {
        if let Some(attribute) = &mut self.markup.attribute {
            attribute.range = self.position..self.position;
        }
    }

    fn push_attribute_name(&mut self, s: &[u8]) {
        if let Some(attribute) = &mut self.markup.attribute {
            attribute.name.extend_from_slice(s);
        }
    }

    fn push_attribute_value(&mut self, s: &[u8]) {
        if let Some(attribute) = &mut self.markup.attribute {
            attribute.value.extend_from_slice(s);
            attribute.range.end = self.position;
        }
    }

    fn set_doctype_public_identifier(&mut self, _value: &[u8]) {}

    fn set_doctype_system_identifier(&mut self, _value: &[u8]) {}

    fn push_doctype_public_identifier(&mut self, _s: &[u8]) {}

    fn push_doctype_system_identifier(&mut self, _s: &[u8]) {}

    fn start_open_tag(&mut self) {
        self.markup_start = self.position.saturating_sub(1);
    }

    fn current_is_appropriate_end_tag_token(&mut self) -> bool {
        self.markup.kind == MarkupKind::EndTag
            && !self.last_start_tag.is_empty()
            && self.markup.name == self.last_start_tag
    }

    fn move_position(&mut self, offset: isize) {
        self.position = self.position.saturating_add_signed(offset);
    }
}

#[cfg(test)]
mod legacy_tests {
    use super::*;

    #[test]
    fn legacy_names_decode_without_semicolon_as_in_browsers() {
        assert_eq!(legacy_entity("&laquo oui"), Some((6, "«".to_owned())));
        assert_eq!(legacy_entity("&nbsp:"), Some((5, "\u{a0}".to_owned())));
        // The longest legacy name wins: "&notit" is ¬ then "it", as in a browser.
        assert_eq!(legacy_entity("&notit"), Some((4, "¬".to_owned())));
        assert_eq!(legacy_entity("&ldquo"), None, "not a legacy name");
        assert_eq!(legacy_entity("&ldquo;"), None, "not without its semicolon");
        assert_eq!(legacy_entity("&#233"), None, "numeric");
        assert_eq!(legacy_entity("&"), None);
        assert_eq!(extract("<p>&eacutet</p>").text, "ét\n\n");
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

/// What the WHATWG tokenizer reads otherwise than the old hand scanner did, and exact
/// offsets through it.
#[cfg(test)]
mod tokenizer_tests {
    use super::*;

    /// Every byte of the text maps to the source it came from.
    fn assert_maps_back(src: &str, ex: &Extracted) {
        for (at, c) in ex.text.char_indices() {
            let range = ex.map.map_range(at..at + c.len_utf8());
            let written = &src[range.clone()];
            let ok = written == c.to_string()
                || (c.is_ascii_whitespace()
                    && (written.bytes().all(|b| b.is_ascii_whitespace())
                        || written.starts_with('<')))
                || written.starts_with('&');
            assert!(
                ok,
                "{c:?} at {at} maps to {written:?} ({range:?}) in {src:?}"
            );
        }
    }

    #[test]
    fn crlf_line_ends_map_to_their_bytes() {
        let src = "<p>Le\r\nBélarus &amp;\r\r\nMinsk\r</p>\r\n<p>Fin</p>";
        let ex = extract(src);
        assert_eq!(ex.text, "Le Bélarus & Minsk \n\nFin\n\n");
        let at = ex.text.find("Minsk").expect("word");
        assert_eq!(&src[ex.map.map_range(at..at + 5)], "Minsk");
        let space = ex.text.find(' ').expect("space");
        assert_eq!(&src[ex.map.map_range(space..space + 1)], "\r\n");
        assert_maps_back(src, &ex);
    }

    #[test]
    fn references_decode_as_in_a_browser() {
        let src = "<p>&#233;t&#xE9; &#128; &#0; &eacutet &laquo;x&raquo &amp;amp; &zzz; &</p>";
        let ex = extract(src);
        // &#128; is the windows-1252 euro, &#0; the replacement character.
        assert_eq!(ex.text, "été € \u{FFFD} ét «x» &amp; &zzz; &\n\n");
        let at = ex.text.find('€').expect("euro");
        assert_eq!(&src[ex.map.map_range(at..at + '€'.len_utf8())], "&#128;");
        let at = ex.text.find("ét ").expect("legacy");
        assert_eq!(&src[ex.map.map_range(at..at + 2)], "&eacute");
        assert_maps_back(src, &ex);
    }

    #[test]
    fn comments_markup_and_broken_tags_read_as_in_a_browser() {
        // A comment inside a word joins it; `>` inside a quoted attribute ends nothing;
        // `</ x>` is a bogus comment, `<!-->` an empty comment; upper case tags are tags.
        let src = "<DIV title=\"a>b\">Mi<!-- x -->nsk</ x>a<!-->b<P>c &lt;p&gt;</div>";
        let ex = extract(src);
        assert_eq!(ex.text, "Minskab\n\nc <p>\n\n");
        let at = ex.text.find("Minsk").expect("word");
        assert_eq!(&src[ex.map.map_range(at..at + 5)], "Mi<!-- x -->nsk");
        assert_maps_back(src, &ex);
    }

    #[test]
    fn raw_text_and_hidden_elements_are_skipped() {
        let src = "<p>a</p><script/>if (x < 1) { s = \"</p>Mink\"; }</script>\
                   <SCRIPT>Mink</SCRIPT><style>p>b{}</style><iframe><p>Mink</p></iframe>\
                   <svg><svg></svg><text>Mink</text></svg><svg/><textarea>a<b>c</textarea>\
                   <noscript><p>Mink</p></noscript><p>fin</p>";
        let ex = extract(src);
        assert_eq!(ex.text, "a\n\na<b>c\n\nfin\n\n");
        assert_maps_back(src, &ex);
    }

    #[test]
    fn attributes_are_decoded_and_their_spans_are_the_values_as_written() {
        let src = "<html LANG=fr><meta content='2025&#45;12&#45;13 ' property=\"article:published_time\" \
                   content=\"1999-01-01\"><p>x</p>";
        let ex = extract(src);
        let lang = ex.lang.expect("lang");
        assert_eq!((lang.value.as_str(), &src[lang.span]), ("fr", "fr"));
        let date = ex.date.expect("date");
        assert_eq!(
            date.value, "2025-12-13",
            "the first of two attributes of one name"
        );
        assert_eq!(&src[date.span], "2025&#45;12&#45;13 ");
    }

    #[test]
    fn a_bom_is_not_text_and_offsets_count_it() {
        let src = "\u{FEFF}<p>Minsk</p>";
        let ex = extract(src);
        assert_eq!(ex.text, "Minsk\n\n");
        assert_eq!(&src[ex.map.map_range(0..5)], "Minsk");
    }

    /// Fragments of HTML and what a browser shows of each, white space aside. Each can
    /// follow any other without changing how either reads.
    const FRAGMENTS: &[(&str, &str)] = &[
        ("Minsk", "Minsk"),
        ("Bélarus", "Bélarus"),
        ("«\u{a0}oui\u{a0}»", "«\u{a0}oui\u{a0}»"),
        ("l’été", "l’été"),
        (" ", ""),
        ("\n", ""),
        ("\r\n", ""),
        ("\r", ""),
        ("\t", ""),
        ("&eacute;", "é"),
        ("&#233;", "é"),
        ("&#x2019;", "’"),
        ("&#128;", "€"),
        ("&nbsp;", "\u{a0}"),
        ("&laquo ", "«"),
        ("&amp;ldquo;", "&ldquo;"),
        ("&ldquo ;", "&ldquo;"),
        ("& ", "&"),
        ("< ", "<"),
        ("<3", "<3"),
        ("<p>", ""),
        ("</p>", ""),
        ("<br>", ""),
        ("<br/>", ""),
        ("<b>", ""),
        ("</b>", ""),
        ("<DIV class=\"a > b\" id=x>", ""),
        ("</div>", ""),
        ("<!-- Mink & <p> -->", ""),
        ("<!DOCTYPE html>", ""),
        ("<script>if (a < b && c) { d = \"</p>Mink\"; }</script>", ""),
        ("<style>p > b { content: \"Mink\" }</style>", ""),
        ("<title>Mink &amp; Pinsk</title>", ""),
        ("<svg><text>Mink</text></svg>", ""),
        ("<time datetime=\"2025-12-13\">", ""),
        ("<?php echo 1 ?>", ""),
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

        /// On random HTML: the text is what a browser shows (white space aside), and every
        /// byte of it maps to the source it came from.
        #[test]
        fn random_html_reads_as_shown_and_maps_back(
            picks in proptest::collection::vec(0..FRAGMENTS.len(), 0..60),
        ) {
            let src: String = picks.iter().map(|&i| FRAGMENTS[i].0).collect();
            let shown: String = picks.iter().map(|&i| FRAGMENTS[i].1).collect();
            let ex = extract(&src);
            let visible = |s: &str| s.chars().filter(|c| !c.is_ascii_whitespace()).collect::<String>();
            proptest::prop_assert_eq!(visible(&ex.text), visible(&shown), "{:?}", src);
            assert_maps_back(&src, &ex);
        }

        /// Any input: no panic, every mapped range on char boundaries of the source.
        #[test]
        fn arbitrary_html_maps_onto_char_boundaries(src in "(\\PC|[<>&;#/!?=\"' \r\n-]|&[a-zA-Z]{1,8};?|<[a-zA-Z/!]{1,8}|</?(script|style|svg|title|textarea|p|br)>)*") {
            let ex = extract(&src);
            for (at, c) in ex.text.char_indices() {
                let range = ex.map.map_range(at..at + c.len_utf8());
                proptest::prop_assert!(src.get(range.clone()).is_some(), "{:?} in {:?}", range, src);
            }
        }
    }
}
