//! Document formats: from a decoded file to the text claimlint checks.
//!
//! Each format yields the checked text, the map from it back to the decoded source, and
//! whatever metadata the format carries (front matter, `<html lang>`, `<time>`).

pub mod front_matter;
pub mod html;
pub mod markdown;
pub mod plain;

use std::ops::Range;

use crate::offsets::OffsetMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Markdown,
    Html,
}

impl Format {
    /// The format of a file by its extension; anything unknown is plain text.
    pub fn from_path(path: &str) -> Format {
        let ext = std::path::Path::new(path)
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("md" | "markdown") => Format::Markdown,
            Some("html" | "htm" | "xhtml") => Format::Html,
            _ => Format::Text,
        }
    }
}

/// A metadata value found in the document, with the source range it was read from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MetaValue {
    pub value: String,
    pub span: Range<usize>,
}

/// What a format extracts from a decoded source.
#[derive(Debug, Default)]
pub struct Extracted {
    /// The checked text; empty when `verbatim`.
    pub text: String,
    /// The checked text is the source itself (plain text with nothing to leave out): no
    /// copy is made, and the map is the identity.
    pub verbatim: bool,
    /// Maps `text` offsets to source offsets.
    pub map: OffsetMap,
    pub lang: Option<MetaValue>,
    pub date: Option<MetaValue>,
    /// Where the metadata came from, for `lang_source` / `date_source`.
    pub lang_origin: &'static str,
    pub date_origin: &'static str,
}

pub fn extract(format: Format, source: &str) -> Extracted {
    match format {
        Format::Text => plain::extract(source),
        Format::Markdown => markdown::extract(source),
        Format::Html => html::extract(source),
    }
}

/// Block separator used between paragraphs of structured formats.
pub(crate) const BLOCK_BREAK: &str = "\n\n";

/// Ends the current paragraph (once), standing for the empty source range at `at`.
pub(crate) fn block_break(builder: &mut crate::offsets::TextBuilder, at: usize) {
    let text = builder.text();
    if !text.is_empty() && !text.ends_with(BLOCK_BREAK) {
        let missing = if text.ends_with('\n') {
            "\n"
        } else {
            BLOCK_BREAK
        };
        builder.push_replacement(missing, at..at);
    }
}

/// The offset just past a leading BOM.
pub(crate) fn after_bom(source: &str) -> usize {
    if source.starts_with('\u{FEFF}') {
        '\u{FEFF}'.len_utf8()
    } else {
        0
    }
}
