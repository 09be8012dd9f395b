//! The batch report as JSON and Markdown (the HTML page is in `html.rs`).

use std::fmt::Write as _;

use serde::Serialize;

use super::json::{to_json, Report};
use crate::workspace::batch::{Batch, ConflictGroup, HouseStyle, Ranked, Spellings, Totals};

#[derive(Serialize)]
struct Drift<'a> {
    entity: &'a str,
    lang: &'a str,
    forms: Vec<&'a str>,
    /// Each form with its role (`house`, `variant`, `wrong`, `unlisted`) and documents.
    roles: Vec<DriftForm<'a>>,
}

#[derive(Serialize)]
struct DriftForm<'a> {
    form: &'a str,
    role: &'static str,
    documents: Vec<&'a str>,
}

/// `check`'s JSON object, plus what only a corpus shows.
#[derive(Serialize)]
struct BatchReport<'a> {
    #[serde(flatten)]
    report: Report<'a>,
    totals: &'a Totals,
    worst: Vec<Ranked>,
    conflicts: &'a [ConflictGroup],
    house: &'a std::collections::BTreeMap<String, HouseStyle>,
    spellings: &'a Spellings,
    drift: Vec<Drift<'a>>,
}

pub fn json(batch: &Batch) -> String {
    let report = BatchReport {
        report: Report::of(&batch.outcome),
        totals: &batch.totals,
        worst: batch.worst(),
        conflicts: &batch.conflicts,
        house: &batch.house,
        spellings: &batch.spellings,
        drift: batch
            .drift()
            .map(|(entity, lang, forms)| Drift {
                entity,
                lang,
                forms: forms.keys().map(String::as_str).collect(),
                roles: forms
                    .iter()
                    .map(|(form, docs)| DriftForm {
                        form,
                        role: batch.form_role(entity, lang, form),
                        documents: docs.keys().map(String::as_str).collect(),
                    })
                    .collect(),
            })
            .collect(),
    };
    to_json(&report)
}

/// Untrusted text in Markdown: HTML escaped (a renderer would otherwise run an article's
/// tags), controls and line breaks escaped, pipes escaped (they would end a table cell).
fn cell(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in crate::escape::line(s).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '|' => out.push_str("\\|"),
            c => out.push(c),
        }
    }
    out
}

/// Findings by kind and by rule.
fn totals_tables(batch: &Batch, out: &mut String) {
    out.push_str(
        "## Findings by kind\n\n| kind | errors | warnings | infos |\n|---|---:|---:|---:|\n",
    );
    for (kind, c) in &batch.totals.by_kind {
        let _ = writeln!(
            out,
            "| {kind} | {} | {} | {} |",
            c.errors, c.warnings, c.infos
        );
    }
    out.push_str(
        "\n## Findings by rule\n\n| rule | errors | warnings | infos |\n|---|---:|---:|---:|\n",
    );
    for (rule, c) in &batch.totals.by_rule {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            cell(rule),
            c.errors,
            c.warnings,
            c.infos
        );
    }
}

pub fn markdown(batch: &Batch) -> String {
    let summary = batch.outcome.summary();
    let mut out = String::from("# claimlint report\n\n");
    let _ = writeln!(
        out,
        "{} files checked: {} errors, {} warnings, {} infos.\n",
        summary.files, summary.errors, summary.warnings, summary.infos
    );
    out.push_str("## Worst articles\n\n| rank | file | errors | warnings | infos |\n|---:|---|---:|---:|---:|\n");
    for (i, r) in batch.worst().iter().enumerate() {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            i + 1,
            cell(&r.path),
            r.counts.errors,
            r.counts.warnings,
            r.counts.infos
        );
    }
    out.push('\n');
    totals_tables(batch, &mut out);
    out.push_str("\n## Conflicts across articles\n\n");
    if batch.conflicts.is_empty() {
        out.push_str("No claim contradicts what most articles say.\n");
    }
    for g in &batch.conflicts {
        let _ = writeln!(
            out,
            "### {}: {}\n\nConsensus{}: **{}**, supported by {} documents: {}.\n\n| outlier | consensus |\n|---|---|",
            cell(&g.rule),
            cell(&g.about),
            if g.tied { " (tied)" } else { "" },
            cell(&g.consensus),
            g.support,
            g.supporting.iter().map(|p| cell(p)).collect::<Vec<_>>().join(", ")
        );
        for pair in &g.outliers {
            let side = |p: &crate::workspace::batch::Passage| {
                format!(
                    "{}:{}:{} says **{}**: «{}»",
                    cell(&p.path),
                    p.line,
                    p.column,
                    cell(&p.value),
                    cell(&p.context)
                )
            };
            let _ = writeln!(
                out,
                "| {} | {} |",
                side(&pair.outlier),
                side(&pair.consensus)
            );
        }
        out.push('\n');
    }
    out.push_str("\n## Files\n\n| file | lang | date | errors | warnings | infos |\n|---|---|---|---:|---:|---:|\n");
    for file in &batch.outcome.files {
        let c = batch
            .totals
            .by_file
            .get(&file.path)
            .copied()
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "| {} | {} ({}) | {} ({}) | {} | {} | {} |",
            cell(&file.path),
            cell(&file.lang),
            cell(&file.lang_source),
            cell(&file.date),
            cell(&file.date_source),
            c.errors,
            c.warnings,
            c.infos
        );
    }
    out.push_str("\n## House-style drift\n\n");
    let mut any = false;
    for (entity, lang, forms) in batch.drift() {
        any = true;
        let _ = writeln!(out, "- **{}** in `{}` documents", cell(entity), cell(lang));
        for (form, files) in forms {
            let list: Vec<String> = files
                .iter()
                .map(|(f, n)| format!("{} ({n})", cell(f)))
                .collect();
            let role = match batch.form_role(entity, lang, form) {
                "house" => "**house style**",
                "variant" => "accepted variant",
                "wrong" => "wrong",
                _ => "wrong (not in the pack)",
            };
            let _ = writeln!(out, "  - \"{}\" ({role}): {}", cell(form), list.join(", "));
        }
    }
    if !any {
        out.push_str("Every entity is spelt one way across the documents of each language.\n");
    }
    out.push_str("\n## Checked claims\n");
    let mut any = false;
    for file in batch
        .outcome
        .files
        .iter()
        .filter(|f| !f.statements.is_empty())
    {
        any = true;
        let (n, agree, contradict, unknown) = file.claim_counts();
        let _ = writeln!(
            out,
            "\n### {}\n\n{n} claims checked: {agree} agree, {contradict} contradict, {unknown} unknown.\n\n| line | rule | statement | value | known | verdict |\n|---:|---|---|---|---|---|",
            cell(&file.path)
        );
        for s in &file.statements {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {}{} |",
                s.span.line,
                cell(&s.rule),
                cell(&s.text),
                cell(&s.value),
                cell(s.known.as_deref().unwrap_or("—")),
                s.verdict,
                if s.ambiguous { " (ambiguous)" } else { "" }
            );
        }
    }
    if !any {
        out.push_str("\nNo claim statement recognised.\n");
    }
    out.push_str("\n## Findings\n");
    let mut current = "";
    for f in &batch.outcome.findings {
        if f.path != current {
            current = &f.path;
            let _ = writeln!(out, "\n### {}\n", cell(&f.path));
        }
        let _ = write!(
            out,
            "- {}:{} **{}** `{}` {}: {}",
            f.span.line,
            f.span.column,
            f.severity,
            f.kind,
            cell(&f.rule),
            cell(&f.message)
        );
        if !f.text.is_empty() {
            let _ = write!(out, " — «{}»", cell(&f.text));
        }
        for l in &f.labels {
            let _ = write!(
                out,
                " (see {}:{}: {})",
                cell(&l.path),
                l.span.line,
                cell(&l.message)
            );
        }
        out.push('\n');
    }
    out
}
