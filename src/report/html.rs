//! The batch report as one self-contained HTML page: no script, no network. A summary
//! with a chart of findings by kind, a table of files, drift, and every finding with
//! its passage highlighted.

use std::fmt::Write as _;

use crate::finding::{Finding, Severity};
use crate::workspace::batch::Batch;
use crate::workspace::Outcome;

fn escape(s: &str) -> String {
    crate::escape::html(s)
}

const STYLE: &str = "body{font:15px/1.5 system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}\
h1,h2,h3{line-height:1.2}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}\
td.n{text-align:right}.error{color:#b00020}.warning{color:#8a5a00}.info{color:#0b5394}\
.finding{border-left:4px solid #ccc;padding:.3em .8em;margin:.8em 0}.finding.error{border-color:#b00020}\
.finding.warning{border-color:#e0a000}.finding.info{border-color:#0b5394}.finding p{margin:.2em 0;color:#222}\
blockquote{margin:.3em 0;padding:.3em .6em;background:#f6f6f6;color:#333;white-space:pre-wrap}\
mark{background:#ffe066;padding:0 .1em}code{font-size:90%}.meta{color:#666;font-size:90%}";

/// The passage around a span: its line, clipped to a window, the span marked.
fn passage(source: &str, f: &Finding) -> String {
    let range = f.span.source.clone();
    if range.end > source.len()
        || !source.is_char_boundary(range.start)
        || !source.is_char_boundary(range.end)
    {
        return String::new();
    }
    let line_start = source[..range.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = source[range.end..]
        .find('\n')
        .map_or(source.len(), |i| range.end + i);
    let mut from = line_start.max(range.start.saturating_sub(240));
    while !source.is_char_boundary(from) {
        from += 1;
    }
    let mut to = line_end.min(range.end + 240);
    while !source.is_char_boundary(to) {
        to -= 1;
    }
    format!(
        "{}{}<mark>{}</mark>{}{}",
        if from > line_start { "…" } else { "" },
        escape(&source[from..range.start]),
        escape(&source[range.clone()]),
        escape(&source[range.end..to]),
        if to < line_end { "…" } else { "" },
    )
}

fn chart(batch: &Batch) -> String {
    let rows: Vec<(&String, usize)> = batch
        .totals
        .by_kind
        .iter()
        .map(|(k, c)| (k, c.total()))
        .collect();
    let max = rows.iter().map(|r| r.1).max().unwrap_or(0).max(1);
    let height = 24 * rows.len() + 10;
    let mut svg = format!(
        "<svg role=\"img\" aria-label=\"findings by kind\" width=\"640\" height=\"{height}\" xmlns=\"http://www.w3.org/2000/svg\">"
    );
    for (i, (kind, n)) in rows.iter().enumerate() {
        let y = 24 * i + 5;
        let w = 400 * n / max;
        let _ = write!(
            svg,
            "<text x=\"0\" y=\"{}\" font-size=\"13\">{}</text><rect x=\"170\" y=\"{y}\" width=\"{w}\" height=\"18\" fill=\"#4a78b5\"/>\
             <text x=\"{}\" y=\"{}\" font-size=\"13\">{n}</text>",
            y + 14,
            escape(kind),
            175 + w,
            y + 14
        );
    }
    svg.push_str("</svg>");
    svg
}

pub fn render(batch: &Batch) -> String {
    let summary = batch.outcome.summary();
    let mut out =
        String::from("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    let _ = writeln!(
        out,
        "<title>claimlint report</title>\n<style>{STYLE}</style>\n</head>\n<body>"
    );
    out.push_str("<h1>claimlint report</h1>\n");
    let _ = writeln!(
        out,
        "<p>{} files checked: <span class=\"error\">{} errors</span>, <span class=\"warning\">{} warnings</span>, <span class=\"info\">{} infos</span>.</p>",
        summary.files, summary.errors, summary.warnings, summary.infos
    );
    out.push_str("<h2>Findings by kind</h2>\n");
    if batch.totals.by_kind.is_empty() {
        out.push_str("<p>No findings.</p>\n");
    } else {
        out.push_str(&chart(batch));
        out.push('\n');
    }
    files_table(batch, &mut out);
    rules_table(batch, &mut out);
    drift(batch, &mut out);
    findings(&batch.outcome, &mut out);
    out.push_str("</body>\n</html>\n");
    out
}

fn files_table(batch: &Batch, out: &mut String) {
    out.push_str("<h2>Files</h2>\n<table>\n<tr><th>file</th><th>language</th><th>date</th><th>errors</th><th>warnings</th><th>infos</th></tr>\n");
    for file in &batch.outcome.files {
        let c = batch
            .totals
            .by_file
            .get(&file.path)
            .copied()
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "<tr><td><a href=\"#{}\">{}</a></td><td>{} <span class=\"meta\">({})</span></td><td>{} <span class=\"meta\">({})</span></td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            escape(&anchor(&file.path)),
            escape(&file.path),
            escape(&file.lang),
            escape(&file.lang_source),
            escape(&file.date),
            escape(&file.date_source),
            c.errors,
            c.warnings,
            c.infos
        );
    }
    out.push_str("</table>\n");
}

fn rules_table(batch: &Batch, out: &mut String) {
    out.push_str("<h2>Findings by rule</h2>\n<table>\n<tr><th>rule</th><th>errors</th><th>warnings</th><th>infos</th></tr>\n");
    for (rule, c) in &batch.totals.by_rule {
        let _ = writeln!(
            out,
            "<tr><td><code>{}</code></td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            escape(rule),
            c.errors,
            c.warnings,
            c.infos
        );
    }
    out.push_str("</table>\n");
}

fn drift(batch: &Batch, out: &mut String) {
    out.push_str("<h2>House-style drift</h2>\n");
    let mut any = false;
    for (entity, lang, forms) in batch.drift() {
        any = true;
        let _ = write!(
            out,
            "<p><code>{}</code> in <code>{}</code> documents</p>\n<ul>\n",
            escape(entity),
            escape(lang)
        );
        for (form, files) in forms {
            let list: Vec<String> = files
                .iter()
                .map(|(f, n)| format!("{} ({n})", escape(f)))
                .collect();
            let _ = writeln!(out, "<li>“{}”: {}</li>", escape(form), list.join(", "));
        }
        out.push_str("</ul>\n");
    }
    if !any {
        out.push_str(
            "<p>Every entity is spelt one way across the documents of each language.</p>\n",
        );
    }
}

/// Every finding under its file's heading, with its passage highlighted.
fn findings(outcome: &Outcome, out: &mut String) {
    out.push_str("<h2>Findings</h2>\n");
    let mut current: Option<&str> = None;
    for f in &outcome.findings {
        if current != Some(f.path.as_str()) {
            current = Some(&f.path);
            let _ = writeln!(
                out,
                "<h3 id=\"{}\">{}</h3>",
                escape(&anchor(&f.path)),
                escape(&f.path)
            );
        }
        let class = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        };
        let _ = write!(
            out,
            "<div class=\"finding {class}\"><p><span class=\"{class}\">{}</span> <code>{}</code> <code>{}</code> <span class=\"meta\">line {}, column {}</span></p><p>{}</p>",
            f.severity,
            f.kind,
            escape(&f.rule),
            f.span.line,
            f.span.column,
            escape(&f.message)
        );
        if let Some(source) = outcome.sources.get(&f.path) {
            let passage = passage(source, f);
            if !passage.is_empty() {
                let _ = write!(out, "<blockquote>{passage}</blockquote>");
            }
        }
        for l in &f.labels {
            let _ = write!(
                out,
                "<p class=\"meta\">{}:{}: {}</p>",
                escape(&l.path),
                l.span.line,
                escape(&l.message)
            );
        }
        if let Some(help) = &f.help {
            let _ = write!(out, "<p class=\"meta\">{}</p>", escape(help));
        }
        out.push_str("</div>\n");
    }
}

fn anchor(path: &str) -> String {
    let mut s: String = path
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    s.insert_str(0, "file-");
    s
}
