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
use crate::workspace::{FileInfo, Outcome};

/// A file's text for miette, read through a line index: a span's context costs a
/// binary search, not a scan from the start of the file (miette's own `str` source
/// rescans for every diagnostic), and columns count characters, as in every other
/// output. Control characters of the file are shown escaped (`\x1b`), never raw: `text`
/// is the file as shown, `shown` maps it back to the file, and positions in headers are
/// the file's own.
struct Source<'a> {
    /// The file's name as shown (escaped).
    name: String,
    text: std::borrow::Cow<'a, str>,
    lines: LineIndex,
    starts: Vec<usize>,
    /// For a file shown escaped: the map from the text shown to the file's text, the
    /// file's text and its lines.
    shown: Option<(OffsetMap, &'a str, LineIndex)>,
}

impl<'a> Source<'a> {
    fn new(name: &str, original: &'a str) -> Source<'a> {
        let raw = original
            .char_indices()
            .all(|(at, c)| escape::shown_raw(original, at, c));
        let (text, shown) = if raw {
            (std::borrow::Cow::Borrowed(original), None)
        } else {
            let (text, map) = escaped_with_map(original);
            let lines = LineIndex::new(original);
            (std::borrow::Cow::Owned(text), Some((map, original, lines)))
        };
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Source {
            name: escape::line(name).into_owned(),
            lines: LineIndex::new(&text),
            text,
            starts,
            shown,
        }
    }

    /// A range of the file's text as a range of the text shown.
    fn shown(&self, range: &std::ops::Range<usize>) -> std::ops::Range<usize> {
        match &self.shown {
            Some((map, ..)) => map.invert(range.start)..map.invert(range.end),
            None => range.clone(),
        }
    }

    /// The 0-based column, in the file's own characters, of byte `at` of the text shown.
    fn column(&self, at: usize) -> usize {
        match &self.shown {
            Some((map, original, lines)) => lines.position(original, map.map_start(at)).1 - 1,
            None => self.lines.position(&self.text, at).1 - 1,
        }
    }

    /// The finding as drawn over the text shown: spans moved there, and every string
    /// that reaches the terminal escaped.
    fn displayed(&self, f: &Finding) -> Finding {
        let mut shown = f.clone();
        shown.span.source = self.shown(&f.span.source);
        shown.message = escape::line(&f.message).into_owned();
        shown.rule = crate::finding::RuleId::from(escape::line(&f.rule).as_ref());
        shown.path = escape::line(&f.path).into_owned();
        shown.label = f.label.as_deref().map(|l| escape::line(l).into_owned());
        shown.help = f.help.as_deref().map(|h| escape::line(h).into_owned());
        for (label, original) in shown.labels.iter_mut().zip(&f.labels) {
            label.message = escape::line(&original.message).into_owned();
            label.path = escape::line(&original.path).into_owned();
            if original.path == f.path {
                label.span.source = self.shown(&original.span.source);
            }
        }
        shown
    }

    /// 0-based line holding byte `at`.
    fn line_of(&self, at: usize) -> usize {
        self.starts.partition_point(|&s| s <= at).saturating_sub(1)
    }

    fn line_bounds(&self, line: usize) -> (usize, usize) {
        let start = self.starts[line];
        let mut end = self
            .starts
            .get(line + 1)
            .map_or(self.text.len(), |&s| s - 1);
        // A CRLF line ends before its `\r`: a window never shows it.
        if end > start && self.text.as_bytes().get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        (start, end.max(start))
    }

    /// A span as miette may draw it: at most `CLIP` bytes long.
    fn clip(&self, range: &std::ops::Range<usize>) -> SourceSpan {
        let mut end = range.end.min(range.start + CLIP).min(self.text.len());
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        SourceSpan::new(range.start.into(), end.saturating_sub(range.start))
    }
}

impl Source<'_> {
    /// Chars of the text in `range` (char boundaries).
    fn chars(&self, range: std::ops::Range<usize>) -> usize {
        self.text.get(range).map_or(0, |s| s.chars().count())
    }

    /// Whether line `line` (0-based) can be shown whole within `budget` columns.
    fn fits(&self, line: usize, budget: usize) -> bool {
        let (start, end) = self.line_bounds(line);
        // A char is at most four bytes: only lines near the budget need counting (a
        // one-line document of a megabyte is not counted once per finding).
        end - start <= budget || (end - start <= 4 * budget && self.chars(start..end) <= budget)
    }

    /// The lines of a span with their context, as miette asks for them; context lines
    /// too long for the terminal are left out (they would wrap and push the underline
    /// away from the word).
    fn context(
        &self,
        span: &SourceSpan,
        before: usize,
        after: usize,
        budget: usize,
    ) -> Result<MietteSpanContents<'_>, MietteError> {
        let start = span.offset();
        let end = start + span.len();
        if end > self.text.len() {
            return Err(MietteError::OutOfBounds);
        }
        let span_first = self.line_of(start);
        let span_last = self.line_of(end.saturating_sub(1).max(start));
        let mut first = span_first;
        while first > 0 && span_first - first < before && self.fits(first - 1, budget) {
            first -= 1;
        }
        let mut last = span_last;
        while last + 1 < self.starts.len()
            && last - span_last < after
            && self.fits(last + 1, budget)
        {
            last += 1;
        }
        let data_start = self.starts[first];
        let data_end = self
            .starts
            .get(last + 1)
            .copied()
            .unwrap_or(self.text.len());
        let column = if before == 0 { self.column(start) } else { 0 };
        Ok(MietteSpanContents::new_named(
            self.name.clone(),
            &self.text.as_bytes()[data_start..data_end],
            (data_start, data_end - data_start).into(),
            first,
            column,
            // As miette's own sources count it: lines up to the end of the context, so
            // that labels of one file render in one snippet.
            last + 1,
        ))
    }

    /// A window of one long line around `range`, at most `budget` columns wide
    /// (ellipses included), placing the span so that its label fits after it when it
    /// can. `None` when the line fits whole or the span crosses a line end.
    fn window(
        &self,
        range: &std::ops::Range<usize>,
        label: usize,
        budget: usize,
    ) -> Option<Window> {
        let line = self.line_of(range.start);
        let (line_start, line_end) = self.line_bounds(line);
        if range.end > line_end || self.fits(line, budget) {
            return None;
        }
        let span_chars = self.chars(range.clone());
        if span_chars + 2 > budget {
            // A span wider than the terminal: its beginning, from its first word.
            let end = self.text[range.clone()]
                .char_indices()
                .nth(budget.saturating_sub(2))
                .map_or(range.end, |(i, _)| range.start + i);
            return Some(Window::new(
                &self.text,
                range.start,
                end,
                line_start,
                line_end,
                line,
            ));
        }
        // Room left for text around the span, two columns kept for the ellipses.
        let room = budget - (span_chars + 2);
        // Before the span: half the room, less if the label hanging from the middle of
        // the underline would run past the edge, but always a few words of context.
        let label_end = span_chars / 2 + 4 + label;
        let before_most = budget.saturating_sub(label_end + 1).max((room / 2).min(16));
        let before_wanted = (room / 2).min(before_most);
        let before_text = &self.text[line_start..range.start];
        let before_chars = before_text.chars().rev().take(before_wanted).count();
        let after_text = &self.text[range.end..line_end];
        let after_chars = after_text.chars().take(room - before_chars).count();
        // If the line ends soon, give the rest of the room to the text before.
        let before_chars = before_text
            .chars()
            .rev()
            .take((room - after_chars).min(before_most))
            .count();
        let mut start = if before_chars == 0 {
            range.start
        } else {
            before_text
                .char_indices()
                .rev()
                .nth(before_chars - 1)
                .map_or(range.start, |(i, _)| line_start + i)
        };
        // Start at a word when one begins near the cut.
        if start > line_start {
            if let Some((i, c)) = self.text[start..range.start]
                .char_indices()
                .take(12)
                .find(|(_, c)| c.is_whitespace())
            {
                start += i + c.len_utf8();
            }
        }
        let end = after_text
            .char_indices()
            .nth(after_chars)
            .map_or(line_end, |(i, _)| range.end + i);
        Some(Window::new(
            &self.text, start, end, line_start, line_end, line,
        ))
    }
}

const ELLIPSIS: &str = "…";

/// A stretch of one long line as the snippet shows it: `shown` is the text of
/// `start..end` with an ellipsis where the line goes on, laid out so that byte `offset`
/// of the file is the first byte of `shown` (the leading ellipsis stands over bytes
/// before `start`, which no label points into).
struct Window {
    start: usize,
    end: usize,
    offset: usize,
    line: usize,
    shown: String,
}

impl Window {
    fn new(
        text: &str,
        start: usize,
        end: usize,
        line_start: usize,
        line_end: usize,
        line: usize,
    ) -> Window {
        let lead = start > line_start && start >= ELLIPSIS.len();
        let mut shown = String::new();
        if lead {
            shown.push_str(ELLIPSIS);
        }
        shown.push_str(&text[start..end]);
        if end < line_end {
            shown.push_str(ELLIPSIS);
        }
        Window {
            start,
            end,
            offset: if lead { start - ELLIPSIS.len() } else { start },
            line,
            shown,
        }
    }

    /// `range` cut where the window ends, so that its underline stays in view.
    fn clip(&self, range: &std::ops::Range<usize>) -> SourceSpan {
        let end = range.end.min(self.end).max(range.start);
        SourceSpan::new(range.start.into(), end - range.start)
    }
}

/// The source miette reads for one finding: the file, with windows on the long lines
/// its labels point into.
struct View<'a> {
    source: &'a Source<'a>,
    windows: Vec<Window>,
    budget: usize,
}

impl SourceCode for View<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let start = span.offset();
        let end = start + span.len();
        let window = self
            .windows
            .iter()
            .find(|w| w.offset <= start && end <= w.offset + w.shown.len());
        // The header's `[path:line:col]` asks with no context: the real position.
        match window {
            Some(w) if before + after > 0 => Ok(Box::new(MietteSpanContents::new_named(
                self.source.name.clone(),
                w.shown.as_bytes(),
                (w.offset, w.shown.len()).into(),
                w.line,
                0,
                w.line + 1,
            ))),
            // miette merges the snippets of labels on nearby lines by asking for one
            // span over both; over a window that would show the long line whole, so
            // refuse, and miette draws them apart.
            None if self
                .windows
                .iter()
                .any(|w| start < w.offset + w.shown.len() && w.start < end) =>
            {
                Err(MietteError::OutOfBounds)
            }
            _ => Ok(Box::new(self.source.context(
                span,
                before,
                after,
                self.budget,
            )?)),
        }
    }
}

struct Rendered<'a> {
    finding: &'a Finding,
    view: View<'a>,
    /// The spans miette underlines: the primary, then the secondary labels shown.
    labels: Vec<LabeledSpan>,
    code: String,
}

impl<'a> Rendered<'a> {
    fn new(finding: &'a Finding, source: &'a Source<'a>, width: usize) -> Rendered<'a> {
        let code = format!("claimlint::{} ({})", finding.kind, finding.rule);
        // Findings about a whole file (unreadable, binary) have no passage to show.
        let f = finding;
        let mut view = View {
            source,
            windows: Vec::new(),
            budget: 0,
        };
        if source.text.is_empty() || f.span.source.end > source.text.len() {
            return Rendered {
                finding,
                view,
                labels: Vec::new(),
                code,
            };
        }
        // miette's gutter: two spaces, the line number, " │ "; one column spare.
        let digits = (source.line_of(f.span.source.start) + 3).to_string().len();
        let budget = width.saturating_sub(digits + 6).max(20);
        view.budget = budget;
        let primary = source.clip(&f.span.source);
        let label_len = f.label.as_deref().map_or(0, |l| l.chars().count());
        let primary_range = primary.offset()..primary.offset() + primary.len();
        let mut primary = primary;
        let shown = primary_window_range(source, f, &primary_range, budget);
        if let Some(w) = source.window(&shown, label_len, budget) {
            primary = w.clip(&primary_range);
            view.windows.push(w);
        }
        let mut labels = vec![LabeledSpan::new_primary_with_span(f.label.clone(), primary)];
        let mut lines = vec![source.line_of(primary_range.start)];
        add_secondary_labels(source, f, &mut view, &mut lines, &mut labels);
        Rendered {
            finding,
            view,
            labels,
            code,
        }
    }
}

/// The range a window on the primary span's line shows: on a long line, wide enough
/// for the primary span and a label on the same line, if one fits ("the spelling used
/// most", a few words earlier); else the primary span.
fn primary_window_range(
    source: &Source<'_>,
    f: &Finding,
    primary_range: &std::ops::Range<usize>,
    budget: usize,
) -> std::ops::Range<usize> {
    let line = source.line_of(primary_range.start);
    f.labels
        .iter()
        .filter(|l| l.path == f.path && l.span.source.end <= source.text.len())
        .map(|l| {
            l.span.source.start.min(primary_range.start)..l.span.source.end.max(primary_range.end)
        })
        .find(|union| {
            source.line_of(union.start) == line
                && source.line_of(union.end.saturating_sub(1)) == line
                && union.end - union.start <= 4 * budget
                && source.chars(union.clone()) + 8 <= budget
        })
        .unwrap_or_else(|| primary_range.clone())
}

/// Secondary labels of the same file (labels into other files are in the machine
/// outputs): inside the primary's window, on a line that fits, or in a window of their
/// own on another long line; else left to the machine outputs. `lines` holds the lines
/// already labelled.
fn add_secondary_labels<'a>(
    source: &'a Source<'a>,
    f: &Finding,
    view: &mut View<'a>,
    lines: &mut Vec<usize>,
    labels: &mut Vec<LabeledSpan>,
) {
    let budget = view.budget;
    for l in f.labels.iter().filter(|l| l.path == f.path) {
        let span = source.clip(&l.span.source);
        let range = span.offset()..span.offset() + span.len();
        if range.end > source.text.len() {
            continue;
        }
        let line = source.line_of(range.start);
        let inside = view
            .windows
            .iter()
            .any(|w| w.start <= range.start && range.end <= w.end);
        let shown = if inside
            || (view.windows.iter().all(|w| w.line != line) && source.fits(line, budget))
        {
            Some(span)
        } else if !lines.contains(&line) {
            source
                .window(&range, l.message.chars().count(), budget)
                .map(|w| {
                    let span = w.clip(&range);
                    view.windows.push(w);
                    span
                })
        } else {
            None
        };
        if let Some(span) = shown {
            lines.push(line);
            labels.push(LabeledSpan::new_with_span(Some(l.message.clone()), span));
        }
    }
}

impl fmt::Debug for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
    }
}

impl fmt::Display for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.finding.kind, self.finding.message)
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
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.view)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if self.labels.is_empty() {
            return None;
        }
        Some(Box::new(self.labels.iter().cloned()))
    }
}

/// A span longer than this is underlined over its first `CLIP` bytes only.
const CLIP: usize = 160;

/// Each file opens with its counts; within a file errors come first, then warnings, then
/// infos, each in text order; findings below `min_severity` are counted, not shown.
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
    // Findings come sorted by file: one group, one line index per file. Files with
    // claim statements and no finding still get their header (what was checked).
    let mut groups: std::collections::BTreeMap<&str, &[Finding]> =
        std::collections::BTreeMap::new();
    let mut rest: &[Finding] = &outcome.findings;
    while let Some(first) = rest.first() {
        let len = rest
            .iter()
            .position(|f| f.path != first.path)
            .unwrap_or(rest.len());
        let (group, tail) = rest.split_at(len);
        rest = tail;
        groups.insert(&first.path, group);
    }
    for file in outcome.files.iter().filter(|f| !f.statements.is_empty()) {
        groups.entry(&file.path).or_insert(&[]);
    }
    let infos: std::collections::BTreeMap<&str, &FileInfo> =
        outcome.files.iter().map(|f| (f.path.as_str(), f)).collect();
    for (path, group) in groups {
        let text = outcome.sources.get(path).map_or("", String::as_str);
        let source = Source::new(path, text);
        let info = infos.get(path).copied();
        out.push_str(&file_header(path, group, options.min_severity, info));
        if options.show_claims {
            out.push_str(&claims_list(info));
        }
        let mut shown: Vec<&Finding> = group
            .iter()
            .filter(|f| f.severity >= options.min_severity)
            .collect();
        // Stable: text order within each severity.
        shown.sort_by_key(|f| std::cmp::Reverse(f.severity));
        for finding in shown {
            let displayed = source.displayed(finding);
            let rendered = Rendered::new(&displayed, &source, options.width);
            let mut one = String::new();
            if handler.render_report(&mut one, &rendered).is_err() {
                one = format!(
                    "{}: {}\n",
                    escape::path_at_line_start(&finding.path),
                    displayed.message
                );
            }
            out.push_str(&one);
            out.push('\n');
        }
    }
    if options.summary {
        out.push_str(&summary_line(outcome.summary()));
    }
    out
}

/// `3 files checked: 1 error, 2 warnings, 0 info`, the last line of a run.
pub fn summary_line(summary: crate::workspace::Summary) -> String {
    format!(
        "{} file{} checked: {} error{}, {} warning{}, {} info\n",
        summary.files,
        plural(summary.files),
        summary.errors,
        plural(summary.errors),
        summary.warnings,
        plural(summary.warnings),
        summary.infos
    )
}

/// `path: 1 error, 3 warnings` — and how many are not shown under `--min-severity`.
fn file_header(path: &str, group: &[Finding], min: Severity, info: Option<&FileInfo>) -> String {
    let mut counts = Vec::new();
    let mut hidden = Vec::new();
    for (severity, name) in [
        (Severity::Error, "error"),
        (Severity::Warning, "warning"),
        (Severity::Info, "info"),
    ] {
        let n = group.iter().filter(|f| f.severity == severity).count();
        if n > 0 {
            let s = if severity == Severity::Info {
                ""
            } else {
                plural(n)
            };
            let count = format!("{n} {name}{s}");
            if severity < min {
                hidden.push(count.clone());
            }
            counts.push(count);
        }
    }
    let hidden = if hidden.is_empty() {
        String::new()
    } else {
        format!(" (not shown: {})", hidden.join(", "))
    };
    let counts = if counts.is_empty() {
        "no findings".to_owned()
    } else {
        counts.join(", ")
    };
    let claims = info.map(claims_summary).unwrap_or_default();
    format!(
        "{}: {counts}{hidden}{claims}\n\n",
        escape::path_at_line_start(path),
    )
}

/// ` · claims: 6 checked, 5 agree, 1 contradicts` — what the claim rules recognised.
fn claims_summary(info: &FileInfo) -> String {
    let (checked, agree, contradict, unknown) = info.claim_counts();
    if checked == 0 {
        return String::new();
    }
    let mut parts = vec![format!("{checked} checked")];
    if agree > 0 {
        parts.push(format!(
            "{agree} agree{}",
            if agree == 1 { "s" } else { "" }
        ));
    }
    if contradict > 0 {
        parts.push(format!(
            "{contradict} contradict{}",
            if contradict == 1 { "s" } else { "" }
        ));
    }
    if unknown > 0 {
        parts.push(format!("{unknown} unknown"));
    }
    format!(" · claims: {}", parts.join(", "))
}

/// `--show-claims`: every recognised statement, one line each, with its verdict.
fn claims_list(info: Option<&FileInfo>) -> String {
    let Some(info) = info else {
        return String::new();
    };
    let mut out = String::new();
    for s in &info.statements {
        let mark = match s.verdict {
            "agrees" => "✓",
            "contradicts" => "✗",
            _ => "?",
        };
        let known = s
            .known
            .as_deref()
            .map(|k| format!("; known: {}", escape::line(k)))
            .unwrap_or_default();
        out.push_str(&format!(
            "  {mark} {}:{} {} \"{}\": {} ({}{known})\n",
            s.span.line,
            s.span.column,
            escape::line(&s.rule),
            escape::line(&s.text),
            s.verdict,
            escape::line(&s.value),
        ));
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
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
