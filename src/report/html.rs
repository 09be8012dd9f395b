//! The batch report as self-contained HTML: no network, one inline script for filters
//! and sorting. The first page holds the summary, the worst articles, a chart of findings
//! by kind and severity, cross-document conflicts with both passages side by side,
//! house-style drift, then the first articles: their files table, checked claims and
//! findings. Articles past a budget of findings go to sibling pages (`NAME-2.html`, …),
//! each self-contained with its own files table and filters, linked from the first: a
//! large archive's first page stays small and paints fast.

use std::fmt::Write as _;

use crate::finding::{Finding, Severity};
use crate::workspace::batch::Excerpt;
use crate::workspace::batch::{Batch, Passage};
use crate::workspace::{FileInfo, Outcome};

fn escape(s: &str) -> String {
    crate::escape::html(s)
}

const STYLE: &str = "body{font:15px/1.5 system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}\
h1,h2,h3{line-height:1.2}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}\
td.n{text-align:right}.error{color:#b00020}.warning{color:#8a5a00}.info{color:#0b5394}\
.finding{border-left:4px solid #ccc;padding:.3em .8em;margin:.8em 0}.finding.error{border-color:#b00020}\
.finding.warning{border-color:#e0a000}.finding.info{border-color:#0b5394}.finding p{margin:.2em 0;color:#222}\
blockquote{margin:.3em 0;padding:.3em .6em;background:#f6f6f6;color:#333;white-space:pre-wrap}\
mark{background:#ffe066;padding:0 .1em}code{font-size:90%}.meta{color:#666;font-size:90%}.pair{display:grid;grid-template-columns:1fr 1fr;gap:.8em;margin:.5em 0 1em}.pair>div{border:1px solid #ddd;padding:.4em .6em}.house{font-weight:bold;color:#1b5e20}.wrong,.unlisted{color:#b00020}.variant{color:#555}th.sort{cursor:pointer}th.sort:after{content:\"\\21c5\";color:#999}#filters{position:sticky;top:0;background:#fff;padding:.5em 0;border-bottom:1px solid #ddd}#filters label{margin-right:1em}.hidden{display:none}\
section.article{content-visibility:auto;contain-intrinsic-size:auto 500px}.agrees{color:#1b5e20}.contradicts{color:#b00020}.unknown{color:#666}";

/// How many worst articles the first page lists.
const WORST_ROWS: usize = 50;

/// Filters and sorting. Findings and file rows carry `data-kind`, `data-severity` and
/// `data-file`; tables with class `sortable` sort by a clicked header. With `#selftest`
/// in the address, the page exercises its own filter and sets its title to `ok` (or
/// `fail: …`), for the browser test. `data-ready="ok"` on the body says it ran.
const SCRIPT: &str = r#"(function(){
var $=function(s,r){return Array.prototype.slice.call((r||document).querySelectorAll(s));};
var sev=document.getElementById('f-severity'),kind=document.getElementById('f-kind'),file=document.getElementById('f-file');
function apply(){var s=sev.value,k=kind.value,f=file.value.toLowerCase();
$('[data-severity]').forEach(function(e){var ok=(!s||e.dataset.severity===s)&&(!k||e.dataset.kind===k)&&(!f||e.dataset.file.toLowerCase().indexOf(f)>=0);e.classList.toggle('hidden',!ok);});
$('tr[data-file]').forEach(function(e){var ok=!f||e.dataset.file.toLowerCase().indexOf(f)>=0;if(s){ok=ok&&Number(e.dataset[s]||0)>0;}e.classList.toggle('hidden',!ok);});}
[sev,kind].forEach(function(e){e.addEventListener('change',apply);});file.addEventListener('input',apply);
$('table.sortable').forEach(function(t){$('th',t).forEach(function(th,i){th.classList.add('sort');th.addEventListener('click',function(){
var body=t.tBodies[0],rows=Array.prototype.slice.call(body.rows),dir=th.dataset.dir==='asc'?-1:1;th.dataset.dir=dir===1?'asc':'desc';
rows.sort(function(a,b){var x=a.cells[i].dataset.v||a.cells[i].textContent,y=b.cells[i].dataset.v||b.cells[i].textContent,nx=Number(x),ny=Number(y);
return dir*((!isNaN(nx)&&!isNaN(ny)&&x!==''&&y!=='')?nx-ny:x.localeCompare(y));});rows.forEach(function(r){body.appendChild(r);});});});});
document.body.dataset.ready='ok';
if(location.hash==='#selftest'){var msg='ok';
if(!document.getElementById('worst'))msg='fail: no worst table';
sev.value='error';apply();
if($('.finding[data-severity]:not(.hidden)').some(function(e){return e.dataset.severity!=='error';}))msg='fail: severity filter';
sev.value='';apply();
if($('.finding.hidden').length)msg='fail: filter reset';
document.title=msg;}
})();"#;

/// The passage around a span: its line, clipped to a window, the span marked.
fn passage(source: &str, f: &Finding) -> String {
    let range = f.span.source.clone();
    let Some(w) = Excerpt::around(source, range.clone(), 240) else {
        return String::new();
    };
    format!(
        "{}{}<mark>{}</mark>{}{}",
        if w.cut_before { "…" } else { "" },
        escape(&source[w.from..range.start]),
        escape(&source[range.clone()]),
        escape(&source[range.end..w.to]),
        if w.cut_after { "…" } else { "" },
    )
}

/// Findings by kind, one bar per kind with errors, warnings and infos in their own
/// colours, and a legend.
fn chart(batch: &Batch) -> String {
    let rows: Vec<(&String, _)> = batch.totals.by_kind.iter().collect();
    let max = rows.iter().map(|r| r.1.total()).max().unwrap_or(0).max(1);
    let height = 24 * rows.len() + 34;
    let mut svg = format!(
        "<svg role=\"img\" aria-label=\"findings by kind and severity\" width=\"700\" height=\"{height}\" xmlns=\"http://www.w3.org/2000/svg\">\
         <rect x=\"170\" y=\"2\" width=\"12\" height=\"12\" fill=\"#b00020\"/><text x=\"186\" y=\"13\" font-size=\"12\">errors</text>\
         <rect x=\"250\" y=\"2\" width=\"12\" height=\"12\" fill=\"#e0a000\"/><text x=\"266\" y=\"13\" font-size=\"12\">warnings</text>\
         <rect x=\"340\" y=\"2\" width=\"12\" height=\"12\" fill=\"#0b5394\"/><text x=\"356\" y=\"13\" font-size=\"12\">infos</text>"
    );
    for (i, (kind, c)) in rows.iter().enumerate() {
        let y = 24 * i + 29;
        let _ = write!(
            svg,
            "<text x=\"0\" y=\"{}\" font-size=\"13\">{}</text>",
            y + 14,
            escape(kind)
        );
        let mut x = 170;
        for (n, colour, name) in [
            (c.errors, "#b00020", "errors"),
            (c.warnings, "#e0a000", "warnings"),
            (c.infos, "#0b5394", "infos"),
        ] {
            if n == 0 {
                continue;
            }
            let w = (400 * n / max).max(1);
            let _ = write!(
                svg,
                "<rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"18\" fill=\"{colour}\"><title>{n} {name}</title></rect>"
            );
            x += w;
        }
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{}\" font-size=\"13\">{} / {} / {}</text>",
            x + 5,
            y + 14,
            c.errors,
            c.warnings,
            c.infos
        );
    }
    svg.push_str("</svg>");
    svg
}

/// The report as one page: every finding inline.
pub fn render(batch: &Batch) -> String {
    render_pages(batch, "report", usize::MAX).remove(0)
}

/// The report as pages: the first holds the summary sections and the first articles;
/// articles follow, a new page started once a page holds `budget` findings. Pages after
/// the first are named `{stem}-2.html`, `{stem}-3.html`, … (siblings of the first).
pub fn render_pages(batch: &Batch, stem: &str, budget: usize) -> Vec<String> {
    let chunks = paginate(&batch.outcome, budget.max(1));
    let page_name = |i: usize| {
        if i == 0 {
            format!("{stem}.html")
        } else {
            format!("{stem}-{}.html", i + 1)
        }
    };
    let mut page_of: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for (i, chunk) in chunks.iter().enumerate() {
        for file in chunk {
            page_of.insert(file.as_str(), i);
        }
    }
    let link = |path: &str| -> String {
        let page = page_of.get(path).copied().unwrap_or(0);
        let name = if page == 0 {
            String::new()
        } else {
            page_name(page)
        };
        format!("{}#{}", escape(&name), escape(&anchor(path)))
    };
    let nav = if chunks.len() > 1 {
        let links: Vec<String> = (0..chunks.len())
            .map(|i| format!("<a href=\"{}\">{}</a>", escape(&page_name(i)), i + 1))
            .collect();
        format!("<p id=\"pages\">Pages: {}</p>\n", links.join(" "))
    } else {
        String::new()
    };
    let mut pages = Vec::new();
    for (i, chunk) in chunks.iter().enumerate() {
        let mut out =
            String::from("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        let _ = writeln!(
            out,
            "<title>claimlint report{}</title>\n<style>{STYLE}</style>\n</head>\n<body>",
            if i == 0 {
                String::new()
            } else {
                format!(", page {}", i + 1)
            }
        );
        out.push_str("<h1>claimlint report</h1>\n");
        if i == 0 {
            first_page(batch, &link, &mut out);
        }
        out.push_str(&nav);
        filters(batch, &mut out);
        files_table(batch, chunk, &link, &mut out);
        articles(&batch.outcome, chunk, &mut out);
        out.push_str(&nav);
        let _ = writeln!(out, "<script>{SCRIPT}</script>\n</body>\n</html>");
        pages.push(out);
    }
    pages
}

/// The files in order, split into pages of about `budget` findings (a file is never
/// split). There is always at least one page.
fn paginate(outcome: &Outcome, budget: usize) -> Vec<Vec<String>> {
    let mut counts: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for f in &outcome.findings {
        *counts.entry(f.path.as_str()).or_default() += 1;
    }
    let mut paths: Vec<&str> = outcome.files.iter().map(|f| f.path.as_str()).collect();
    for path in counts.keys() {
        if !outcome.files.iter().any(|f| f.path == *path) {
            paths.push(path);
        }
    }
    paths.sort_unstable();
    paths.dedup();
    let mut pages: Vec<Vec<String>> = vec![Vec::new()];
    let mut held = 0;
    for path in paths {
        let n = counts.get(path).copied().unwrap_or(0);
        if held > 0 && held + n > budget {
            pages.push(Vec::new());
            held = 0;
        }
        held += n;
        if let Some(page) = pages.last_mut() {
            page.push(path.to_owned());
        }
    }
    pages
}

fn first_page(batch: &Batch, link: &dyn Fn(&str) -> String, out: &mut String) {
    let summary = batch.outcome.summary();
    let _ = writeln!(
        out,
        "<p>{} files checked: <span class=\"error\">{} errors</span>, <span class=\"warning\">{} warnings</span>, <span class=\"info\">{} infos</span>; {} cross-document conflicts.</p>",
        summary.files, summary.errors, summary.warnings, summary.infos,
        batch.conflicts.iter().map(|g| g.outliers.len()).sum::<usize>()
    );
    worst_table(batch, link, out);
    out.push_str("<h2 id=\"chart\">Findings by kind and severity</h2>\n");
    if batch.totals.by_kind.is_empty() {
        out.push_str("<p>No findings.</p>\n");
    } else {
        out.push_str(&chart(batch));
        out.push('\n');
    }
    conflicts(batch, out);
    drift(batch, out);
    rules_table(batch, out);
}

fn worst_table(batch: &Batch, link: &dyn Fn(&str) -> String, out: &mut String) {
    let worst = batch.worst();
    let _ = writeln!(
        out,
        "<h2>Worst articles</h2>\n<p class=\"meta\">Most errors first, then most warnings{}.</p>",
        if worst.len() > WORST_ROWS {
            format!("; the {WORST_ROWS} worst of {}", worst.len())
        } else {
            String::new()
        }
    );
    out.push_str("<table id=\"worst\" class=\"sortable\"><thead><tr><th>rank</th><th>file</th><th>errors</th><th>warnings</th><th>infos</th></tr></thead><tbody>\n");
    for (i, r) in worst.iter().take(WORST_ROWS).enumerate() {
        let _ = writeln!(
            out,
            "<tr data-file=\"{p}\" data-error=\"{e}\" data-warning=\"{w}\" data-info=\"{n}\"><td class=\"n\">{}</td><td><a href=\"{}\">{p}</a></td><td class=\"n error\">{e}</td><td class=\"n warning\">{w}</td><td class=\"n info\">{n}</td></tr>",
            i + 1,
            link(&r.path),
            p = escape(&r.path),
            e = r.counts.errors,
            w = r.counts.warnings,
            n = r.counts.infos
        );
    }
    out.push_str("</tbody></table>\n");
}

/// Each quoted statement of a conflict: place, value, and its line with the statement
/// marked.
fn quote(p: &Passage, role: &str) -> String {
    let context = escape(&p.context);
    let text = escape(&p.text);
    let marked = if !text.is_empty() && context.contains(&text) {
        context.replacen(&text, &format!("<mark>{text}</mark>"), 1)
    } else {
        context
    };
    format!(
        "<div class=\"{role}\"><p class=\"meta\">{role}: {}:{}:{} says <strong>{}</strong></p><blockquote>{marked}</blockquote></div>",
        escape(&p.path),
        p.line,
        p.column,
        escape(&p.value)
    )
}

fn conflicts(batch: &Batch, out: &mut String) {
    out.push_str("<h2 id=\"conflicts\">Conflicts across articles</h2>\n");
    if batch.conflicts.is_empty() {
        out.push_str("<p>No claim contradicts what most articles say.</p>\n");
        return;
    }
    for g in &batch.conflicts {
        let _ = writeln!(
            out,
            "<section class=\"conflict\"><h3><code>{}</code>: {}</h3>\n<p>Consensus{}: <strong>{}</strong>, supported by {} documents: {}.</p>",
            escape(&g.rule),
            escape(&g.about),
            if g.tied { " (tied)" } else { "" },
            escape(&g.consensus),
            g.support,
            g.supporting.iter().map(|p| escape(p)).collect::<Vec<_>>().join(", ")
        );
        for pair in &g.outliers {
            let _ = writeln!(
                out,
                "<div class=\"pair\">{}{}</div>",
                quote(&pair.outlier, "outlier"),
                quote(&pair.consensus, "consensus")
            );
        }
        out.push_str("</section>\n");
    }
}

fn rules_table(batch: &Batch, out: &mut String) {
    out.push_str("<h2>Findings by rule</h2>\n<table class=\"sortable\"><thead><tr><th>rule</th><th>errors</th><th>warnings</th><th>infos</th></tr></thead><tbody>\n");
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
    out.push_str("</tbody></table>\n");
}

/// The files of one page (each page lists its own: a 6,000-row table would make the
/// first page slow to paint).
fn files_table(batch: &Batch, paths: &[String], link: &dyn Fn(&str) -> String, out: &mut String) {
    out.push_str("<h2>Files</h2>\n<table id=\"files\" class=\"sortable\"><thead><tr><th>file</th><th>language</th><th>date (source)</th><th>claims</th><th>errors</th><th>warnings</th><th>infos</th></tr></thead><tbody>\n");
    let on_page: std::collections::BTreeSet<&str> = paths.iter().map(String::as_str).collect();
    for file in batch
        .outcome
        .files
        .iter()
        .filter(|f| on_page.contains(f.path.as_str()))
    {
        let c = batch
            .totals
            .by_file
            .get(&file.path)
            .copied()
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "<tr data-file=\"{p}\" data-error=\"{}\" data-warning=\"{}\" data-info=\"{}\"><td><a href=\"{}\">{p}</a></td><td>{} ({})</td><td>{} ({})</td><td class=\"n\">{}</td><td class=\"n\">{0}</td><td class=\"n\">{1}</td><td class=\"n\">{2}</td></tr>",
            c.errors,
            c.warnings,
            c.infos,
            link(&file.path),
            escape(&file.lang),
            escape(&file.lang_source),
            escape(&file.date),
            escape(&file.date_source),
            file.statements.len(),
            p = escape(&file.path),
        );
    }
    out.push_str("</tbody></table>\n");
}

fn drift(batch: &Batch, out: &mut String) {
    out.push_str("<h2 id=\"drift\">House-style drift</h2>\n<p class=\"meta\">Per language: <span class=\"house\">house style</span> (the pack's preferred form), <span class=\"variant\">accepted variant</span>, <span class=\"wrong\">wrong</span> (listed wrong, or not in the pack).</p>\n");
    let mut any = false;
    for (entity, lang, forms) in batch.drift() {
        any = true;
        let _ = write!(
            out,
            "<p><code>{}</code> in <code>{}</code> documents</p>\n<ul>\n",
            escape(entity),
            escape(lang)
        );
        let mut forms: Vec<_> = forms.iter().collect();
        let order = |role: &str| match role {
            "house" => 0,
            "variant" => 1,
            "wrong" => 2,
            _ => 3,
        };
        forms.sort_by_key(|(form, _)| order(batch.form_role(entity, lang, form)));
        for (form, files) in forms {
            let role = batch.form_role(entity, lang, form);
            let label = match role {
                "house" => "house style",
                "variant" => "accepted variant",
                "wrong" => "wrong",
                _ => "wrong (not in the pack)",
            };
            let list: Vec<String> = files
                .iter()
                .map(|(f, n)| format!("{} ({n})", escape(f)))
                .collect();
            let _ = writeln!(
                out,
                "<li data-role=\"{role}\"><span class=\"{role}\">“{}” — {label}</span>: {}</li>",
                escape(form),
                list.join(", ")
            );
        }
        out.push_str("</ul>\n");
    }
    if !any {
        out.push_str(
            "<p>Every entity is spelt one way across the documents of each language.</p>\n",
        );
    }
}

fn filters(batch: &Batch, out: &mut String) {
    out.push_str("<div id=\"filters\"><label>severity <select id=\"f-severity\"><option value=\"\">any</option><option value=\"error\">error</option><option value=\"warning\">warning</option><option value=\"info\">info</option></select></label><label>kind <select id=\"f-kind\"><option value=\"\">any</option>");
    for kind in batch.totals.by_kind.keys() {
        let _ = write!(out, "<option>{}</option>", escape(kind));
    }
    out.push_str("</select></label><label>file <input id=\"f-file\" type=\"search\" placeholder=\"part of a path\"></label></div>\n");
}

/// Each article of the page: its checked claims with verdicts, then its findings.
fn articles(outcome: &Outcome, paths: &[String], out: &mut String) {
    out.push_str("<h2 id=\"articles\">Articles: checked claims and findings</h2>\n");
    let infos: std::collections::BTreeMap<&str, &FileInfo> =
        outcome.files.iter().map(|f| (f.path.as_str(), f)).collect();
    let first = outcome
        .findings
        .partition_point(|f| paths.first().is_some_and(|p| f.path.as_str() < p.as_str()));
    let mut findings = outcome.findings[first..].iter().peekable();
    for path in paths {
        let info = infos.get(path.as_str());
        let has_statements = info.is_some_and(|i| !i.statements.is_empty());
        let mut mine = Vec::new();
        while let Some(f) = findings.next_if(|f| f.path.as_str() <= path.as_str()) {
            if f.path == *path {
                mine.push(f);
            }
        }
        if mine.is_empty() && !has_statements {
            continue;
        }
        let _ = writeln!(
            out,
            "<section class=\"article\" data-file=\"{p}\"><h3 id=\"{}\">{p}</h3>",
            escape(&anchor(path)),
            p = escape(path)
        );
        if let Some(info) = info.filter(|_| has_statements) {
            claims_table(info, out);
        }
        for f in mine {
            finding(outcome, f, out);
        }
        out.push_str("</section>\n");
    }
}

fn claims_table(info: &FileInfo, out: &mut String) {
    let (n, agree, contradict, unknown) = info.claim_counts();
    let _ = writeln!(
        out,
        "<table class=\"claims sortable\"><caption>{n} claims checked: {agree} agree, {contradict} contradict, {unknown} unknown</caption><thead><tr><th>line</th><th>rule</th><th>statement</th><th>value</th><th>known</th><th>verdict</th></tr></thead><tbody>"
    );
    for s in &info.statements {
        let _ = writeln!(
            out,
            "<tr><td class=\"n\">{}</td><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td><td class=\"{v}\">{v}{}</td></tr>",
            s.span.line,
            escape(&s.rule),
            escape(&s.text),
            escape(&s.value),
            escape(s.known.as_deref().unwrap_or("—")),
            if s.ambiguous { " (ambiguous)" } else { "" },
            v = s.verdict,
        );
    }
    out.push_str("</tbody></table>\n");
}

fn finding(outcome: &Outcome, f: &Finding, out: &mut String) {
    let class = match f.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    };
    let _ = write!(
        out,
        "<div class=\"finding {class}\" data-severity=\"{class}\" data-kind=\"{}\" data-file=\"{}\"><p><span class=\"{class}\">{}</span> <code>{}</code> <code>{}</code> <span class=\"meta\">line {}, column {}</span></p><p>{}</p>",
        f.kind,
        escape(&f.path),
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

fn anchor(path: &str) -> String {
    let mut s: String = path
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    s.insert_str(0, "file-");
    s
}
