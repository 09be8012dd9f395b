//! miette's graphical diagnostics: code, underlined span with its label, secondary
//! labels, and a help line with the fix or the source.

use std::fmt;

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceSpan,
};

use super::{Outcome, PrettyOptions};
use crate::finding::{Finding, Severity};

struct Rendered<'a> {
    finding: &'a Finding,
    source: NamedSource<String>,
    code: String,
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
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let f = self.finding;
        let primary = LabeledSpan::new_primary_with_span(f.label.clone(), to_span(&f.span.source));
        // miette draws labels of one source only; labels into other files go to the help.
        let secondary =
            f.labels.iter().filter(|l| l.path == f.path).map(|l| {
                LabeledSpan::new_with_span(Some(l.message.clone()), to_span(&l.span.source))
            });
        Some(Box::new(std::iter::once(primary).chain(secondary)))
    }
}

fn to_span(range: &std::ops::Range<usize>) -> SourceSpan {
    SourceSpan::new(range.start.into(), range.end - range.start)
}

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
    for finding in &outcome.findings {
        let text = outcome
            .sources
            .get(&finding.path)
            .cloned()
            .unwrap_or_default();
        let rendered = Rendered {
            finding,
            source: NamedSource::new(&finding.path, text),
            code: format!("claimlint::{} ({})", finding.kind, finding.rule),
        };
        let mut one = String::new();
        if handler.render_report(&mut one, &rendered).is_err() {
            one = format!("{}: {}\n", finding.path, finding.message);
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

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
