//! miette's graphical diagnostics: code, underlined span with its label, secondary
//! labels, and a help line with the fix or the source.

use std::fmt;

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};

use super::PrettyOptions;
use crate::escape;
use crate::finding::{Finding, LineIndex, Severity};
use crate::offsets::{OffsetMap, TextBuilder};
use crate::workspace::Outcome;

/// A file's text for miette, read through a line index: a span's context costs a
/// binary search, not a scan from the start of the file (miette's own `str` source
/// rescans for every diagnostic), and columns count characters, as in every other
/// output. Control characters of the file are shown escaped (`\x1b`), never raw: `text`
/// is the file as shown, and `shown` maps the file's offsets to it.
struct Source<'a> {
    name: &'a str,
    /// The name as shown.
    title: String,
    text: std::borrow::Cow<'a, str>,
    /// Length of the file's own text.
    len: usize,
    shown: Option<OffsetMap>,
    /// The file's own text and lines: positions are the file's, not the escaped text's.
    original: &'a str,
    original_lines: Option<LineIndex>,
    lines: LineIndex,
    starts: Vec<usize>,
}

impl<'a> Source<'a> {
    fn new(name: &'a str, original: &'a str) -> Source<'a> {
        let raw = original
            .char_indices()
            .all(|(at, c)| escape::shown_raw(original, at, c));
        let (text, shown) = if raw {
            (std::borrow::Cow::Borrowed(original), None)
        } else {
            let (text, map) = escaped_with_map(original);
            (std::borrow::Cow::Owned(text), Some(map))
        };
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Source {
            name,
            title: escape::line(name).into_owned(),
            lines: LineIndex::new(&text),
            text,
            len: original.len(),
            original_lines: shown.as_ref().map(|_| LineIndex::new(original)),
            original,
            shown,
            starts,
        }
    }

    /// A range of the file's text as a range of the text shown.
    fn shown(&self, range: &std::ops::Range<usize>) -> std::ops::Range<usize> {
        match &self.shown {
            Some(map) => map.invert(range.start)..map.invert(range.end),
            None => range.clone(),
        }
    }

    /// 0-based line holding byte `at`.
    fn line_of(&self, at: usize) -> usize {
        self.starts.partition_point(|&s| s <= at).saturating_sub(1)
    }

    fn line_bounds(&self, line: usize) -> (usize, usize) {
        let start = self.starts[line];
        let end = self
            .starts
            .get(line + 1)
            .map_or(self.text.len(), |&s| s - 1);
        (start, end.max(start))
    }

    fn line_len(&self, at: usize) -> usize {
        let (start, end) = self.line_bounds(self.line_of(at));
        end - start
    }

    /// A span as miette may draw it: at most `WINDOW` bytes long.
    fn clip(&self, range: &std::ops::Range<usize>) -> SourceSpan {
        let mut end = range.end.min(range.start + WINDOW).min(self.text.len());
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        SourceSpan::new(range.start.into(), end.saturating_sub(range.start))
    }

    fn floor(&self, mut at: usize) -> usize {
        while !self.text.is_char_boundary(at) {
            at -= 1;
        }
        at
    }

    fn ceil(&self, mut at: usize) -> usize {
        while !self.text.is_char_boundary(at) {
            at += 1;
        }
        at
    }
}

impl SourceCode for Source<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let start = span.offset();
        let end = start + span.len();
        if end > self.text.len() {
            return Err(MietteError::OutOfBounds);
        }
        let mut first = self.line_of(start).saturating_sub(before);
        let mut last =
            (self.line_of(end.saturating_sub(1).max(start)) + after).min(self.starts.len() - 1);
        let mut data_start = self.starts[first];
        let mut data_end = self
            .starts
            .get(last + 1)
            .copied()
            .unwrap_or(self.text.len());
        if data_end - data_start > LONG_LINE * (last - first + 1) {
            // A very long line: a window around the span, on that span's lines only.
            first = self.line_of(start);
            last = self.line_of(end.saturating_sub(1).max(start));
            let (line_start, _) = self.line_bounds(first);
            let (_, line_end) = self.line_bounds(last);
            data_start = self.floor(start.saturating_sub(WINDOW).max(line_start));
            data_end = self.ceil((end + WINDOW).min(line_end));
        }
        let data = &self.text[data_start..data_end];
        let column = match (&self.shown, &self.original_lines) {
            _ if before != 0 => 0,
            (Some(map), Some(lines)) => lines.position(self.original, map.map_start(start)).1 - 1,
            _ => self.lines.position(&self.text, start).1 - 1,
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.title.clone(),
            data.as_bytes(),
            (data_start, data_end - data_start).into(),
            first,
            column,
            // As miette's own sources count it: lines up to the end of the context, so
            // that labels of one file render in one snippet.
            last + 1,
        )))
    }
}

struct Rendered<'a> {
    finding: &'a Finding,
    source: &'a Source<'a>,
    code: String,
}

impl fmt::Debug for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
    }
}

impl fmt::Display for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}",
            self.finding.kind,
            escape::line(&self.finding.message)
        )
    }
}

impl std::error::Error for Rendered<'_> {}

impl Diagnostic for Rendered<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(&self.code))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.finding.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.finding
            .help
            .as_ref()
            .map(|h| Box::new(escape::line(h)) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let f = self.finding;
        // Findings about a whole file (unreadable, binary) have no passage to show.
        if self.source.len == 0 || f.span.source.end > self.source.len {
            return None;
        }
        let source = self.source;
        let label = |l: &str| escape::line(l).into_owned();
        let span = source.shown(&f.span.source);
        let primary =
            LabeledSpan::new_primary_with_span(f.label.as_deref().map(label), source.clip(&span));
        // miette draws labels of one source only (labels into other files are in the
        // machine outputs), and on a very long line only those near the primary span.
        let near = move |l: &&crate::finding::Label| {
            let other = source.shown(&l.span.source);
            l.path == f.path
                && l.span.source.end <= source.len
                && (other.start.abs_diff(span.start) <= WINDOW
                    || (source.line_len(span.start) <= LONG_LINE
                        && source.line_len(other.start) <= LONG_LINE))
        };
        let secondary = f.labels.iter().filter(near).map(move |l| {
            let other = source.shown(&l.span.source);
            LabeledSpan::new_with_span(Some(label(&l.message)), source.clip(&other))
        });
        Some(Box::new(std::iter::once(primary).chain(secondary)))
    }
}

/// Lines longer than this are shown as a window of `WINDOW` bytes around the span.
const LONG_LINE: usize = 2000;
const WINDOW: usize = 160;

pub fn render(outcome: &Outcome, options: PrettyOptions) -> String {
    let theme = if options.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(options.width)
        .with_links(false);
    let mut out = String::new();
    let mut current: Option<Source<'_>> = None;
    for finding in &outcome.findings {
        // Findings come sorted by file: one line index per file.
        if current.as_ref().is_none_or(|s| s.name != finding.path) {
            let text = outcome
                .sources
                .get(&finding.path)
                .map_or("", String::as_str);
            current = Some(Source::new(&finding.path, text));
        }
        let Some(source) = current.as_ref() else {
            continue;
        };
        let rendered = Rendered {
            finding,
            source,
            code: format!(
                "claimlint::{} ({})",
                finding.kind,
                escape::line(&finding.rule)
            ),
        };
        let mut one = String::new();
        if handler.render_report(&mut one, &rendered).is_err() {
            one = format!(
                "{}: {}\n",
                escape::line(&finding.path),
                escape::line(&finding.message)
            );
        }
        out.push_str(&one);
        out.push('\n');
    }
    if options.summary {
        let summary = outcome.summary();
        out.push_str(&format!(
            "{} file{} checked: {} error{}, {} warning{}, {} info\n",
            summary.files,
            plural(summary.files),
            summary.errors,
            plural(summary.errors),
            summary.warnings,
            plural(summary.warnings),
            summary.infos
        ));
    }
    out
}

/// The file's text with its unsafe characters escaped, and the map from the shown text
/// back to the file's.
fn escaped_with_map(text: &str) -> (String, OffsetMap) {
    let mut builder = TextBuilder::with_capacity(text.len() + 16);
    let mut run = 0;
    for (at, c) in text.char_indices() {
        if escape::shown_raw(text, at, c) {
            continue;
        }
        let end = at + c.len_utf8();
        let mut shown = String::new();
        escape::push_escaped(&mut shown, c);
        builder.push_verbatim(text, run..at);
        builder.push_replacement(&shown, at..end);
        run = end;
    }
    builder.push_verbatim(text, run..text.len());
    builder.finish()
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
