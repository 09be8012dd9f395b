//! Plain text: checked as written, but for a BOM and claimlint's own comments.

use super::{after_bom, Extracted};
use crate::offsets::{OffsetMap, TextBuilder};
use crate::suppress::comment_ranges;

pub fn extract(source: &str) -> Extracted {
    if after_bom(source) == 0 && comment_ranges(source).is_empty() {
        return Extracted {
            verbatim: true,
            map: OffsetMap::identity(source.len()),
            ..Extracted::default()
        };
    }
    let mut builder = TextBuilder::with_capacity(source.len());
    let mut at = after_bom(source);
    for comment in comment_ranges(source) {
        if comment.start < at {
            continue;
        }
        builder.push_verbatim(source, at..comment.start);
        at = comment.end;
    }
    builder.push_verbatim(source, at..source.len());
    let (text, map) = builder.finish();
    Extracted {
        text,
        map,
        ..Extracted::default()
    }
}
