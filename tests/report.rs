//! `claimlint report`: cross-document conflicts, drift, totals, and the three formats.

use std::process::Command;

use claimlint::finding::Kind;
use claimlint::workspace::Batch;

const PACK: &str = r#"format = 1
[pack]
id = "demo"

[[entity]]
id = "valdoria"
preferred = { en = "Valdoria" }
variants = ["Valdorie"]

[[claim]]
id = "flood-deaths"
about = "people killed in the Valdoria floods"
patterns.en = ["{n} people (died|were killed)"]
"#;

mod common;

fn batch_of(docs: &[(&str, &str)]) -> Batch {
    let workspace = common::workspace(&common::engine_of("demo.toml", PACK), None);
    let mut results: Vec<_> = docs
        .iter()
        .map(|(name, text)| workspace.check_bytes(name, text.as_bytes()))
        .collect();
    workspace.report(&mut results)
}

#[test]
fn conflicts_across_documents_point_at_both_places() {
    let batch = batch_of(&[
        ("a.txt", "In Valdoria, 12 people died in the floods."),
        (
            "b.txt",
            "In Valdoria, about 12 people were killed, officials said.",
        ),
        ("c.txt", "In Valdoria, 40 people were killed in the floods."),
    ]);
    let conflicts: Vec<_> = batch
        .outcome
        .findings
        .iter()
        .filter(|f| f.kind == Kind::ClaimConflict)
        .collect();
    assert_eq!(conflicts.len(), 1, "{conflicts:#?}");
    let c = conflicts[0];
    assert_eq!((c.path.as_str(), c.text.as_str()), ("c.txt", "40"));
    assert_eq!(c.labels[0].path, "a.txt");
    assert_eq!(
        c.message,
        "2 documents say 12; this one says 40; people killed in the Valdoria floods"
    );
    assert_eq!(
        batch
            .totals
            .by_kind
            .get("claim.conflict")
            .map(|c| c.warnings),
        Some(1)
    );
}

#[test]
fn conflicts_follow_the_majority_whatever_the_order() {
    let mut docs = vec![("a.txt", "In Valdoria, 104 people died in the floods.")];
    let names = ["b.txt", "c.txt", "d.txt", "e.txt", "f.txt"];
    for name in names {
        docs.push((name, "In Valdoria, 114 people died in the floods."));
    }
    for _ in 0..2 {
        let batch = batch_of(&docs);
        let conflicts: Vec<_> = batch
            .outcome
            .findings
            .iter()
            .filter(|f| f.kind == Kind::ClaimConflict)
            .collect();
        assert_eq!(conflicts.len(), 1, "{conflicts:#?}");
        assert_eq!(conflicts[0].path, "a.txt");
        assert!(
            conflicts[0]
                .message
                .starts_with("5 documents say 114; this one says 104"),
            "{}",
            conflicts[0].message
        );
        docs.reverse();
    }
}

#[test]
fn drift_is_per_language() {
    let batch = batch_of(&[
        ("a.md", "---\nlang: en\n---\nValdoria voted."),
        ("b.md", "---\nlang: en\n---\nValdorie voted."),
        ("c.md", "---\nlang: fr\n---\nLa Valdoria a voté."),
    ]);
    let drift: Vec<_> = batch
        .drift()
        .map(|(e, l, f)| (e.as_str(), l.as_str(), f.len()))
        .collect();
    assert_eq!(drift, vec![("demo/valdoria", "en", 2)]);
}

#[test]
fn report_files_in_every_format() {
    let dir = std::env::temp_dir().join(format!("claimlint-report-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    for ext in ["html", "md", "json"] {
        let out = dir.join(format!("report.{ext}"));
        let status = Command::new(env!("CARGO_BIN_EXE_claimlint"))
            .args([
                "report",
                "--no-config",
                "--date",
                "2025-12-13",
                "corpus",
                "-o",
            ])
            .arg(&out)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("CLAIMLINT_TODAY", "2025-12-13")
            .status()
            .expect("runs");
        assert_eq!(status.code(), Some(1), "{ext}: the corpus holds errors");
        let text = std::fs::read_to_string(&out).expect("report written");
        match ext {
            "html" => {
                assert!(text.starts_with("<!DOCTYPE html>"));
                assert!(text.contains("<svg"), "a chart");
                assert!(text.contains("<mark>Mink</mark>"), "passages highlighted");
                for id in [
                    "worst",
                    "conflicts",
                    "drift",
                    "f-severity",
                    "f-kind",
                    "f-file",
                ] {
                    assert!(text.contains(&format!("id=\"{id}\"")), "{id}");
                }
                assert!(text.contains("class=\"pair\"") && text.contains("data-role=\"house\""));
                assert!(
                    !text.contains("src=\"http") && !text.contains("href=\"http"),
                    "self-contained"
                );
            }
            "md" => {
                // Content, not the headings every report has: a drifting entity, a
                // finding line with its place, and the wrong spelling quoted.
                assert!(text.contains("- **belarus/"), "drift lists an entity");
                assert!(
                    text.contains("### corpus/spelling-fr-brouillon.txt"),
                    "findings grouped by file"
                );
                assert!(text.contains("`spelling.near-miss`") && text.contains("«Mink»"));
                // The same sections as the HTML page.
                assert!(text.contains("## Worst articles\n\n| rank | file |"));
                assert!(text.contains("## Conflicts across articles\n\n### belarus/"));
                assert!(text.contains("| outlier | consensus |"));
                assert!(text.contains("(**house style**)"));
                assert!(text.contains("## Checked claims\n\n### corpus/"));
            }
            _ => {
                let value: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
                assert_eq!(value["version"], 1);
                assert!(value["totals"]["by_kind"]["spelling.wrong"]["errors"].as_u64() >= Some(1));
                assert!(value["worst"][0]["errors"].as_u64() >= Some(1));
                let pair = &value["conflicts"][0]["outliers"][0];
                assert!(
                    pair["outlier"]["context"].is_string() && pair["consensus"]["path"].is_string()
                );
                assert!(value["drift"][0]["roles"]
                    .as_array()
                    .is_some_and(|r| r.iter().any(|f| f["role"] == "house")));
            }
        }
    }
    let bad = Command::new(env!("CARGO_BIN_EXE_claimlint"))
        .args(["report", "--no-config", "corpus", "-o"])
        .arg(dir.join("report.txt"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .status()
        .expect("runs");
    assert_eq!(bad.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}

/// `report --format github` prints every finding of the corpus report, cross-document
/// conflicts included, as annotations: a CI job can gate on them.
#[test]
fn report_annotations_include_cross_document_conflicts() {
    let out = Command::new(env!("CARGO_BIN_EXE_claimlint"))
        .args([
            "report",
            "--no-config",
            "--date",
            "2025-12-13",
            "corpus",
            "--format",
            "github",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("CLAIMLINT_TODAY", "2025-12-13")
        .env_remove("GITHUB_STEP_SUMMARY")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.lines().any(|l| l.starts_with("::warning ")
            && l.contains("claim.conflict")
            && l.contains("documents say")),
        "{text}"
    );
}

const HOUSE_PACK: &str = r#"format = 1
[pack]
id = "demo"

[[entity]]
id = "valdoria"
preferred = { en = "Valdoria" }
variants = ["Valdorie"]
wrong = ["Valdorria"]

[[claim]]
id = "flood-deaths"
about = "people killed in the Valdoria floods"
patterns.en = ["{n} people (died|were killed)"]
"#;

fn html_batch() -> Batch {
    let workspace = common::workspace(&common::engine_of("demo.toml", HOUSE_PACK), None);
    let docs = [
        (
            "a.md",
            "---\nlang: en\n---\nIn Valdoria, 12 people died in the floods.",
        ),
        (
            "b.md",
            "---\nlang: en\n---\nIn Valdorie, about 12 people were killed.",
        ),
        (
            "c.md",
            "---\nlang: en\n---\nIn Valdorria, 40 people were killed.  Valdorria  wept.",
        ),
    ];
    let mut results: Vec<_> = docs
        .iter()
        .map(|(name, text)| workspace.check_bytes(name, text.as_bytes()))
        .collect();
    workspace.report(&mut results)
}

#[test]
fn worst_articles_rank_errors_then_warnings() {
    let batch = html_batch();
    let worst = batch.worst();
    assert!(!worst.is_empty());
    for pair in worst.windows(2) {
        let (a, b) = (&pair[0].counts, &pair[1].counts);
        assert!(
            (a.errors, a.warnings) >= (b.errors, b.warnings),
            "{worst:?}"
        );
    }
    assert_eq!(worst[0].path, "c.md", "{worst:?}");
}

#[test]
fn conflicts_group_the_consensus_and_quote_both_passages() {
    let batch = html_batch();
    assert_eq!(batch.conflicts.len(), 1, "{:#?}", batch.conflicts);
    let g = &batch.conflicts[0];
    assert_eq!(g.rule, "demo/flood-deaths");
    assert_eq!(g.support, 2);
    assert_eq!(g.supporting, vec!["a.md", "b.md"]);
    let pair = &g.outliers[0];
    assert_eq!((pair.outlier.path.as_str(), pair.outlier.line), ("c.md", 4));
    assert!(pair.outlier.context.contains("40 people were killed"));
    assert_eq!(pair.consensus.path, "a.md");
    assert!(pair.consensus.context.contains("12 people died"));
}

#[test]
fn html_report_structure() {
    let batch = html_batch();
    let html = claimlint::report::html::render(&batch);
    let at = |needle: &str| {
        html.find(needle)
            .unwrap_or_else(|| panic!("no {needle} in the report"))
    };
    // Sections, worst articles first.
    assert!(at("id=\"worst\"") < at("id=\"chart\""));
    assert!(at("id=\"chart\"") < at("id=\"conflicts\""));
    assert!(at("id=\"conflicts\"") < at("id=\"drift\""));
    assert!(at("id=\"drift\"") < at("id=\"articles\""));
    // The worst table is ordered: c.md (an error for the wrong form) before the others.
    let worst = &html[at("id=\"worst\"")..at("id=\"chart\"")];
    let c = worst.find(">c.md<").expect("c.md ranked");
    assert!(worst.find(">a.md<").is_none_or(|a| c < a), "{worst}");
    // The chart separates severities.
    assert!(html.contains("fill=\"#b00020\"") && html.contains("fill=\"#e0a000\""));
    // Both passages of a conflict, side by side.
    let conflict = &html[at("class=\"pair\"")..];
    let conflict = &conflict[..conflict.find("</div></div>").expect("pair closes")];
    assert!(conflict.contains("class=\"outlier\"") && conflict.contains("class=\"consensus\""));
    assert!(
        conflict.contains("c.md:4:") && conflict.contains("a.md:4:"),
        "{conflict}"
    );
    assert!(conflict.contains("<mark>40") || conflict.contains("40 people"));
    // House style marked, and the wrong form marked wrong.
    assert!(html.contains("data-role=\"house\"><span class=\"house\">“Valdoria” — house style"));
    assert!(html.contains("data-role=\"wrong\""), "wrong form marked");
    // Checked claims with verdicts.
    assert!(html.contains("class=\"claims sortable\""));
    assert!(html.contains("claims checked"));
    // Filters and the script that drives them, no network.
    for id in ["f-severity", "f-kind", "f-file"] {
        assert!(html.contains(&format!("id=\"{id}\"")), "{id}");
    }
    assert!(html.contains("data-severity=\"error\""));
    assert!(html.contains("<script>") && !html.contains("src=\"http"));
}

#[test]
fn html_pages_split_past_the_budget() {
    let batch = html_batch();
    let pages = claimlint::report::html::render_pages(&batch, "report", 1);
    assert!(pages.len() >= 2, "{} pages", pages.len());
    assert!(pages[0].contains("id=\"worst\"") && !pages[1].contains("id=\"worst\""));
    assert!(pages[0].contains("href=\"report-2.html\""));
    // Every finding is on exactly one page.
    let total: usize = pages
        .iter()
        .map(|p| p.matches("<div class=\"finding ").count())
        .sum();
    assert_eq!(total, batch.outcome.findings.len());
}
