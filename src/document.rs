//! A document: the original bytes, the text claimlint checks, and the map between them.

use std::ops::Range;

use jiff::civil::Date;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
use unicode_segmentation::UnicodeSegmentation;

use crate::decode::decode_owned;
pub use crate::decode::{DecodeError, Encoding, EncodingChoice};
use crate::finding::{Finding, Kind, LineIndex, RuleId, Span};
use crate::format::{self, Format, MetaValue};
use crate::lang::{self, Lang};
use crate::offsets::{OffsetMap, TextBuilder};
use crate::suppress::Suppressions;

/// Metadata the caller supplies for documents that do not declare their own.
#[derive(Clone, Debug)]
pub struct DocOptions {
    /// `--lang` or the config's `lang`, with its origin (`"cli"`, `"config"`).
    pub lang: Option<(Lang, &'static str)>,
    /// `--date`.
    pub date: Option<Date>,
    pub today: Date,
    /// `--encoding`: how to read files without a byte-order mark.
    pub encoding: EncodingChoice,
}

impl DocOptions {
    pub fn new(today: Date) -> DocOptions {
        DocOptions {
            lang: None,
            date: None,
            today,
            encoding: EncodingChoice::Utf8,
        }
    }
}

#[derive(Debug)]
pub struct Document {
    pub path: String,
    pub format: Format,
    /// The file's encoding.
    pub encoding: Encoding,
    /// The decoded file (for UTF-8, the file itself); `None` when it is the checked text
    /// itself (plain text with nothing left out or normalised: one copy, not two). Read
    /// it with [`Document::source`].
    source: Option<String>,
    /// The checked text: prose only, NFC.
    pub text: String,
    pub lang: Lang,
    pub lang_source: &'static str,
    pub date: Date,
    pub date_source: &'static str,
    /// Paragraphs of `text`, as byte ranges.
    pub paragraphs: Vec<Range<usize>>,
    pub suppressions: Suppressions,
    /// Problems with the document's own metadata.
    pub problems: Vec<Finding>,
    /// `text` → … → `source`, applied in order.
    text_maps: Vec<OffsetMap>,
    /// `source` → file bytes (UTF-16 only).
    file_map: Option<OffsetMap>,
    lines: LineIndex,
    /// The checked text as names are read in it, when it differs (see [`WordView`]).
    word_view: Option<WordView>,
}

/// The checked text with the zero-width characters and soft hyphens inside words
/// removed ("Min\u{200B}sk" reads "Minsk"), so that names are recognised through them;
/// `hygiene/invisible` still reports them in the checked text. Ranges of the view map
/// back to ranges of the checked text that keep the invisible characters inside.
#[derive(Debug)]
pub struct WordView {
    pub text: String,
    /// View → checked text.
    map: OffsetMap,
}

impl WordView {
    /// The view of `text`; `None` when no word of it holds such a character.
    pub fn of(text: &str) -> Option<WordView> {
        if !text.contains(is_word_invisible) {
            return None;
        }
        let mut builder = TextBuilder::with_capacity(text.len());
        let mut run = 0;
        let mut previous: Option<char> = None;
        let mut chars = text.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            if !is_word_invisible(c) {
                previous = Some(c);
                continue;
            }
            // A run of them between two letters or digits is inside a word.
            let mut end = at + c.len_utf8();
            while let Some(&(next_at, next)) = chars.peek() {
                if !is_word_invisible(next) {
                    break;
                }
                end = next_at + next.len_utf8();
                chars.next();
            }
            let next = text[end..].chars().next();
            if previous.is_some_and(char::is_alphanumeric)
                && next.is_some_and(char::is_alphanumeric)
            {
                builder.push_verbatim(text, run..at);
                run = end;
            }
            previous = next;
        }
        if run == 0 {
            return None;
        }
        builder.push_verbatim(text, run..text.len());
        let (text, map) = builder.finish();
        Some(WordView { text, map })
    }

    /// The range of the checked text a range of the view came from.
    pub fn text_range(&self, range: Range<usize>) -> Range<usize> {
        self.map.map_range(range)
    }
}

/// Characters that split a word for search without showing: zero-width space, non-joiner,
/// joiner, word joiner, zero-width no-break space (U+FEFF) and the soft hyphen — those
/// `hygiene/invisible` reports inside words.
pub fn is_word_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}'
    )
}

impl Document {
    pub fn load(path: &str, bytes: &[u8], opts: &DocOptions) -> Result<Document, DecodeError> {
        Document::load_owned(path, bytes.to_vec(), opts).map_err(|(err, _)| err)
    }

    /// [`Document::load`] of bytes the caller gives up: a UTF-8 plain-text file is held
    /// once (its bytes are the source and the checked text), not three times. On failure
    /// the bytes come back.
    pub fn load_owned(
        path: &str,
        bytes: Vec<u8>,
        opts: &DocOptions,
    ) -> Result<Document, (DecodeError, Vec<u8>)> {
        let decoded = decode_owned(bytes, opts.encoding)?;
        let format = Format::from_path(path);
        let extracted = format::extract(format, &decoded.source);
        let lines = LineIndex::new(&decoded.source);
        let suppressions = Suppressions::parse(&decoded.source);
        let mut text_maps = vec![extracted.map];
        let (mut text, mut source) = if extracted.verbatim {
            (decoded.source, None)
        } else {
            (extracted.text, Some(decoded.source))
        };
        if let Some((nfc, map)) = to_nfc(&text) {
            let original = std::mem::replace(&mut text, nfc);
            source.get_or_insert(original);
            text_maps.insert(0, map);
        }
        let mut doc = Document {
            path: path.to_owned(),
            format,
            encoding: decoded.encoding,
            lines,
            suppressions,
            source,
            paragraphs: Vec::new(),
            text,
            lang: Lang::En,
            lang_source: "default",
            date: opts.today,
            date_source: "today",
            problems: Vec::new(),
            text_maps,
            file_map: decoded.map,
            word_view: None,
        };
        doc.word_view = WordView::of(&doc.text);
        doc.paragraphs = paragraphs(&doc.text, format);
        doc.resolve_lang(extracted.lang, extracted.lang_origin, opts);
        doc.resolve_date(extracted.date, extracted.date_origin, opts);
        Ok(doc)
    }

    /// A document whose checked text is `text` exactly, as a plain-text file: no
    /// decoding, format or normalisation step, paragraphs at blank lines. For checks' unit
    /// tests, where spans must slice the very string handed in.
    pub fn from_text(path: &str, text: &str, lang: Lang, date: Date) -> Document {
        Document {
            path: path.to_owned(),
            format: Format::Text,
            encoding: Encoding::Utf8,
            lines: LineIndex::new(text),
            suppressions: Suppressions::default(),
            source: None,
            paragraphs: paragraphs(text, Format::Text),
            text: text.to_owned(),
            lang,
            lang_source: "cli",
            date,
            date_source: "cli",
            problems: Vec::new(),
            text_maps: Vec::new(),
            file_map: None,
            word_view: WordView::of(text),
        }
    }

    /// The checked text as names are read in it, when it holds invisible characters
    /// inside words; `None` means the checked text itself.
    pub fn word_view(&self) -> Option<&WordView> {
        self.word_view.as_ref()
    }

    fn resolve_lang(
        &mut self,
        declared: Option<MetaValue>,
        origin: &'static str,
        opts: &DocOptions,
    ) {
        if let Some(meta) = declared {
            match Lang::from_tag(&meta.value) {
                Some(lang) => {
                    self.lang = lang;
                    self.lang_source = origin;
                    return;
                }
                None => self.problem(
                    meta.span,
                    format!(
                        "unknown language \"{}\"; claimlint knows fr and en",
                        meta.value
                    ),
                ),
            }
        }
        if let Some((lang, origin)) = opts.lang {
            self.lang = lang;
            self.lang_source = origin;
        } else if let Some(lang) = lang::detect(&self.text) {
            self.lang = lang;
            self.lang_source = "detected";
        }
    }

    fn resolve_date(
        &mut self,
        declared: Option<MetaValue>,
        origin: &'static str,
        opts: &DocOptions,
    ) {
        if let Some(meta) = declared {
            match parse_date_prefix(&meta.value) {
                Some(date) => {
                    self.date = date;
                    self.date_source = origin;
                    return;
                }
                None => self.problem(
                    meta.span,
                    format!("\"{}\" is not a date (YYYY-MM-DD or RFC 3339)", meta.value),
                ),
            }
        }
        if let Some((date, _)) = crate::expr::dateline::dateline(&self.text) {
            (self.date, self.date_source) = (date, "dateline");
        } else if let Some(date) = opts.date {
            self.date = date;
            self.date_source = "cli";
        }
    }

    fn problem(&mut self, source_range: Range<usize>, message: String) {
        let span = self.span_of_source(source_range);
        let text = self.source_text(&span).to_owned();
        self.problems.push(
            Finding::new(
                self.path.clone(),
                RuleId::new("input", "metadata"),
                Kind::InputMetadata,
                span,
                text,
                message,
            )
            .with_primary_label("not understood"),
        );
    }

    /// The range of `source` a range of the checked text came from.
    pub fn source_range(&self, text_range: Range<usize>) -> Range<usize> {
        self.text_maps
            .iter()
            .fold(text_range, |range, map| map.map_range(range))
    }

    /// The decoded file (for UTF-8, the file itself).
    pub fn source(&self) -> &str {
        self.source.as_deref().unwrap_or(&self.text)
    }

    /// The decoded file, taken out of a document checked to the end.
    pub fn into_source(self) -> String {
        self.source.unwrap_or(self.text)
    }

    /// Resolves a range of the checked text to a span of the original file.
    pub fn span(&self, text_range: Range<usize>) -> Span {
        self.span_of_source(self.source_range(text_range))
    }

    /// Resolves a range of the decoded source to a span of the original file.
    pub fn span_of_source(&self, source: Range<usize>) -> Span {
        let (line, column) = self.lines.position(self.source(), source.start);
        let (end_line, end_column) = self.lines.position(self.source(), source.end);
        let bytes = match &self.file_map {
            Some(map) => map.map_range(source.clone()),
            None => source.clone(),
        };
        Span {
            start: bytes.start,
            end: bytes.end,
            line,
            column,
            end_line,
            end_column,
            source,
        }
    }

    /// The text a span names, as decoded from the file.
    pub fn source_text(&self, span: &Span) -> &str {
        self.source().get(span.source.clone()).unwrap_or_default()
    }

    /// Whether a range of `source` reaches the checked text unchanged: no markup, comment,
    /// entity or normalisation inside it (what `--fix` may rewrite).
    pub fn is_verbatim(&self, source: Range<usize>) -> bool {
        let mut range = source;
        for map in self.text_maps.iter().rev() {
            match map.verbatim_preimage(range) {
                Some(r) => range = r,
                None => return false,
            }
        }
        true
    }

    /// The year of the document's date, for dates written without one.
    pub fn year(&self) -> i16 {
        self.date.year()
    }
}

/// Reads `YYYY-MM-DD`, alone or as the date part of an RFC 3339 timestamp, as written.
pub fn parse_date_prefix(value: &str) -> Option<Date> {
    let value = value.trim();
    let date_part = value.get(..10)?;
    let rest = &value[10..];
    if !(rest.is_empty() || rest.starts_with(['T', 't', ' '])) {
        return None;
    }
    date_part.parse::<Date>().ok()
}

/// NFC normalisation with its offset map; `None` when the text is already NFC.
fn to_nfc(text: &str) -> Option<(String, OffsetMap)> {
    if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        return None;
    }
    let mut builder = TextBuilder::with_capacity(text.len());
    let mut run = 0;
    for (at, grapheme) in text.grapheme_indices(true) {
        if is_nfc_quick(grapheme.chars()) == IsNormalized::Yes {
            continue;
        }
        let nfc: String = grapheme.nfc().collect();
        if nfc == grapheme {
            continue;
        }
        builder.push_verbatim(text, run..at);
        builder.push_replacement(&nfc, at..at + grapheme.len());
        run = at + grapheme.len();
    }
    builder.push_verbatim(text, run..text.len());
    Some(builder.finish())
}

/// Paragraphs: blocks separated by blank lines. A plain-text file with no blank line at all
/// is taken to hold one paragraph per line, as copy pasted from a CMS often does.
fn paragraphs(text: &str, format: Format) -> Vec<Range<usize>> {
    let mut lines = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        lines.push(start..start + line.len());
        start += line.len();
    }
    let is_blank = |r: &Range<usize>| text[r.clone()].trim().is_empty();
    let one_per_line = format == Format::Text && lines.len() > 1 && !lines.iter().any(is_blank);
    let mut out = Vec::new();
    let mut current: Option<Range<usize>> = None;
    for line in lines {
        if is_blank(&line) {
            out.extend(current.take());
            continue;
        }
        let content = trim_range(text, line.clone());
        if one_per_line {
            out.push(content);
            continue;
        }
        current = Some(match current {
            Some(c) => c.start..content.end,
            None => content,
        });
    }
    out.extend(current);
    out.retain(|r| !r.is_empty());
    out
}

fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.start + slice.trim_end().len();
    start..end.max(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts() -> DocOptions {
        DocOptions::new(Date::constant(2025, 12, 13))
    }

    #[test]
    fn the_word_view_reads_through_invisibles_inside_words() {
        let text = "Min\u{200B}sk, Lou\u{AD}ka\u{AD}\u{200D}chenko et\u{200B} \u{FEFF}x";
        let view = WordView::of(text).expect("invisibles inside words");
        assert_eq!(view.text, "Minsk, Loukachenko et\u{200B} \u{FEFF}x");
        let minsk = view.text.find("Minsk").expect("Minsk");
        assert_eq!(&text[view.text_range(minsk..minsk + 5)], "Min\u{200B}sk");
        let name = view.text.find("Loukachenko").expect("name");
        assert_eq!(
            &text[view.text_range(name..name + "Loukachenko".len())],
            "Lou\u{AD}ka\u{AD}\u{200D}chenko"
        );
        let et = view.text.find(" et").expect("et");
        assert_eq!(&text[view.text_range(et..et + 3)], " et");
        assert!(
            WordView::of("Minsk et\u{200B} loin").is_none(),
            "between words"
        );
        assert!(WordView::of("Minsk").is_none());
    }

    #[test]
    fn nfd_maps_to_decomposed_bytes() {
        let src = "Le Be\u{301}larus et Minsk.";
        let doc = Document::load("a.txt", src.as_bytes(), &opts()).expect("loads");
        assert!(doc.text.contains("Bélarus"));
        let at = doc.text.find("Bélarus").expect("nfc");
        let span = doc.span(at..at + "Bélarus".len());
        assert_eq!(&src[span.start..span.end], "Be\u{301}larus");
        let at = doc.text.find("Minsk").expect("minsk");
        let span = doc.span(at..at + 5);
        assert_eq!(&src[span.start..span.end], "Minsk");
    }

    #[test]
    fn metadata_sources() {
        let src = "---\nlang: fr\ndate: 2025-12-13\n---\nThe text is English.";
        let doc = Document::load("a.md", src.as_bytes(), &opts()).expect("loads");
        assert_eq!((doc.lang, doc.lang_source), (Lang::Fr, "front-matter"));
        assert_eq!(doc.date_source, "front-matter");
        let doc = Document::load("a.txt", b"The president said that.", &opts()).expect("loads");
        assert_eq!((doc.lang, doc.lang_source), (Lang::En, "detected"));
        assert_eq!(doc.date_source, "today");
    }

    #[test]
    fn bad_metadata_is_reported() {
        let src = "---\nlang: xx\ndate: 2025-13-45\n---\nTexte.";
        let doc = Document::load("a.md", src.as_bytes(), &opts()).expect("loads");
        assert_eq!(doc.problems.len(), 2);
        assert_eq!(doc.problems[0].text, "xx");
        assert_eq!(doc.problems[1].text, "2025-13-45");
    }

    #[test]
    fn paragraphs_by_blank_lines_or_lines() {
        let doc = Document::load("a.txt", b"One\nline.\n\nTwo.", &opts()).expect("loads");
        let paras: Vec<&str> = doc
            .paragraphs
            .iter()
            .map(|r| &doc.text[r.clone()])
            .collect();
        assert_eq!(paras, ["One\nline.", "Two."]);
        let doc = Document::load("a.txt", b"One.\nTwo.\r\n", &opts()).expect("loads");
        let paras: Vec<&str> = doc
            .paragraphs
            .iter()
            .map(|r| &doc.text[r.clone()])
            .collect();
        assert_eq!(paras, ["One.", "Two."]);
    }

    #[test]
    fn dates() {
        assert_eq!(
            parse_date_prefix("2025-12-13"),
            Some(Date::constant(2025, 12, 13))
        );
        assert_eq!(
            parse_date_prefix("2025-12-13T23:30:00-05:00"),
            Some(Date::constant(2025, 12, 13))
        );
        assert_eq!(parse_date_prefix("2025-02-30"), None);
        assert_eq!(parse_date_prefix("13/12/2025"), None);
    }
}
