//! Maps between byte offsets of a derived text and the text it was derived from.
//!
//! Every stage that turns one text into another (decoding UTF-16, extracting the text of
//! Markdown or HTML, NFC normalisation) records an [`OffsetMap`]; a document keeps the
//! chain, so any range of the checked text maps back to the bytes of the original file.

use std::ops::Range;

/// One run of the derived text. A verbatim run is a byte-for-byte copy of its source
/// range; any other run replaces its whole source range (an entity, a composed accent).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Piece {
    text_start: usize,
    src_start: usize,
    src_end: usize,
    verbatim: bool,
}

/// A monotone map from byte offsets of a derived text to byte offsets of its source.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OffsetMap {
    pieces: Vec<Piece>,
    text_len: usize,
}

impl OffsetMap {
    /// The identity map of a text of `len` bytes.
    pub fn identity(len: usize) -> Self {
        let pieces = if len == 0 {
            Vec::new()
        } else {
            vec![Piece {
                text_start: 0,
                src_start: 0,
                src_end: len,
                verbatim: true,
            }]
        };
        OffsetMap {
            pieces,
            text_len: len,
        }
    }

    fn piece_index(&self, pos: usize) -> Option<usize> {
        // The last non-empty piece starting at or before `pos`.
        let idx = self.pieces.partition_point(|p| p.text_start <= pos);
        idx.checked_sub(1)
    }

    fn piece_text_end(&self, idx: usize) -> usize {
        self.pieces
            .get(idx + 1)
            .map_or(self.text_len, |next| next.text_start)
    }

    /// Maps a start offset: the first source byte of the run it falls in.
    pub fn map_start(&self, pos: usize) -> usize {
        let Some(idx) = self.piece_index(pos) else {
            return 0;
        };
        let piece = self.pieces[idx];
        if pos >= self.piece_text_end(idx) {
            return piece.src_end;
        }
        if piece.verbatim {
            piece.src_start + (pos - piece.text_start)
        } else {
            piece.src_start
        }
    }

    /// Maps an end offset: the end of the source of the run holding the byte before it.
    pub fn map_end(&self, pos: usize) -> usize {
        if pos == 0 {
            return self.pieces.first().map_or(0, |p| p.src_start);
        }
        let Some(idx) = self.piece_index(pos - 1) else {
            return 0;
        };
        let piece = self.pieces[idx];
        if piece.verbatim {
            (piece.src_start + (pos - piece.text_start)).min(piece.src_end)
        } else {
            piece.src_end
        }
    }

    /// Maps a range of the derived text to the smallest source range that produced it.
    pub fn map_range(&self, range: Range<usize>) -> Range<usize> {
        if range.is_empty() {
            let at = self.map_start(range.start);
            return at..at;
        }
        let start = self.map_start(range.start);
        let end = self.map_end(range.end).max(start);
        start..end
    }

    /// Maps a source offset back to the derived text (the first text byte at or after it).
    pub fn invert(&self, src: usize) -> usize {
        let idx = self.pieces.partition_point(|p| p.src_start <= src);
        let Some(idx) = idx.checked_sub(1) else {
            return 0;
        };
        let piece = self.pieces[idx];
        let text_end = self.piece_text_end(idx);
        if src >= piece.src_end {
            return text_end;
        }
        if piece.verbatim {
            (piece.text_start + (src - piece.src_start)).min(text_end)
        } else {
            piece.text_start
        }
    }
}

impl OffsetMap {
    /// The range of the derived text copied byte for byte from `src`, when all of `src`
    /// lies inside one verbatim run; `None` when any of it was replaced or dropped.
    pub fn verbatim_preimage(&self, src: Range<usize>) -> Option<Range<usize>> {
        let idx = self
            .pieces
            .partition_point(|p| p.src_start <= src.start)
            .checked_sub(1)?;
        let piece = self.pieces[idx];
        let text_end = self.piece_text_end(idx);
        let start = piece.text_start + (src.start - piece.src_start);
        let end = start + src.len();
        (piece.verbatim && src.end <= piece.src_end && end <= text_end).then_some(start..end)
    }
}

/// Builds a derived text and its [`OffsetMap`] together.
#[derive(Debug, Default)]
pub struct TextBuilder {
    text: String,
    pieces: Vec<Piece>,
}

impl TextBuilder {
    pub fn with_capacity(bytes: usize) -> Self {
        Self {
            text: String::with_capacity(bytes),
            pieces: Vec::new(),
        }
    }

    /// Appends `src[range]` unchanged.
    pub fn push_verbatim(&mut self, src: &str, range: Range<usize>) {
        if range.is_empty() {
            return;
        }
        let text_start = self.text.len();
        self.text.push_str(&src[range.clone()]);
        if let Some(last) = self.pieces.last_mut() {
            if last.verbatim && last.src_end == range.start {
                last.src_end = range.end;
                return;
            }
        }
        self.pieces.push(Piece {
            text_start,
            src_start: range.start,
            src_end: range.end,
            verbatim: true,
        });
    }

    /// Appends `replacement`, standing for the whole of `src_range`. An empty replacement
    /// records nothing: the source range is simply skipped.
    pub fn push_replacement(&mut self, replacement: &str, src_range: Range<usize>) {
        if replacement.is_empty() {
            return;
        }
        let text_start = self.text.len();
        self.text.push_str(replacement);
        self.pieces.push(Piece {
            text_start,
            src_start: src_range.start,
            src_end: src_range.end,
            verbatim: false,
        });
    }

    /// The text built so far.
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn finish(self) -> (String, OffsetMap) {
        let text_len = self.text.len();
        (
            self.text,
            OffsetMap {
                pieces: self.pieces,
                text_len,
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbatim_and_replacement() {
        let src = "a &amp; b";
        let mut b = TextBuilder::default();
        b.push_verbatim(src, 0..2);
        b.push_replacement("&", 2..7);
        b.push_verbatim(src, 7..9);
        let (text, map) = b.finish();
        assert_eq!(text, "a & b");
        assert_eq!(map.map_range(0..1), 0..1);
        assert_eq!(map.map_range(2..3), 2..7);
        assert_eq!(map.map_range(4..5), 8..9);
        assert_eq!(map.map_range(0..5), 0..9);
        assert_eq!(map.invert(8), 4);
        assert_eq!(map.invert(3), 2);
    }

    #[test]
    fn verbatim_preimages() {
        let src = "a &amp; b";
        let mut b = TextBuilder::default();
        b.push_verbatim(src, 0..2);
        b.push_replacement("&", 2..7);
        b.push_verbatim(src, 7..9);
        let (_, map) = b.finish();
        assert_eq!(map.verbatim_preimage(0..1), Some(0..1));
        assert_eq!(map.verbatim_preimage(7..9), Some(3..5));
        assert_eq!(map.verbatim_preimage(2..7), None);
        assert_eq!(map.verbatim_preimage(0..8), None);
        // A dropped range (a comment) between two runs breaks the run.
        let mut b = TextBuilder::default();
        b.push_verbatim("ab<!---->cd", 0..2);
        b.push_verbatim("ab<!---->cd", 9..11);
        let (_, map) = b.finish();
        assert_eq!(map.verbatim_preimage(1..10), None);
        assert_eq!(map.verbatim_preimage(9..11), Some(2..4));
    }

    #[test]
    fn identity() {
        let map = OffsetMap::identity(10);
        assert_eq!(map.map_range(3..7), 3..7);
        assert_eq!(map.invert(4), 4);
    }
}
