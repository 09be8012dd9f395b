//! Golden tests over `corpus/`: every article's findings, rendered `pretty` (fixed width,
//! no colour) and `json`, pinned with insta; clean articles must produce nothing.

use std::path::Path;

use claimlint::finding::Kind;
use claimlint::report::{self, OutputFormat, PrettyOptions};
use claimlint::Outcome;

mod common;

fn check(path: &Path) -> Outcome {
    let engine = common::builtin_engine();
    let bytes = std::fs::read(path).expect("corpus file is readable");
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let checked = common::check(&engine, &format!("corpus/{name}"), &bytes, None);
    common::outcome_of(&mut [checked])
}

fn corpus_files() -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/corpus"))
        .expect("corpus folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

#[test]
fn corpus_snapshots() {
    let pretty = PrettyOptions {
        color: false,
        width: 100,
        summary: true,
        min_severity: claimlint::finding::Severity::Info,
        show_claims: false,
    };
    for path in corpus_files() {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_owned();
        let outcome = check(&path);
        insta::assert_snapshot!(
            format!("{name}.pretty"),
            report::render(&outcome, OutputFormat::Pretty, pretty)
        );
        insta::assert_snapshot!(
            format!("{name}.json"),
            report::render(&outcome, OutputFormat::Json, pretty)
        );
    }
}

#[test]
fn clean_articles_have_no_finding() {
    for path in corpus_files() {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if name.starts_with("clean-") {
            let outcome = check(&path);
            assert!(
                outcome.findings.is_empty(),
                "{name}: {:#?}",
                outcome.findings
            );
        }
    }
}

/// Every finding kind the corpus is meant to show appears in it.
#[test]
fn corpus_shows_every_kind() {
    let mut seen = std::collections::BTreeSet::new();
    for path in corpus_files() {
        for f in check(&path).findings {
            seen.insert(f.kind);
        }
    }
    for kind in [
        Kind::SpellingWrong,
        Kind::SpellingStyle,
        Kind::SpellingInconsistent,
        Kind::SpellingNearMiss,
        Kind::ClaimValue,
        Kind::ClaimDate,
        Kind::ClaimSince,
        Kind::ClaimConflict,
        Kind::HygieneDuplicate,
        Kind::HygieneMarkup,
        Kind::HygieneQuotes,
        Kind::HygienePunctuation,
        Kind::HygieneInvisible,
    ] {
        assert!(seen.contains(&kind), "no corpus article shows {kind}");
    }
}

/// Every span slices the original file to the text the finding names.
#[test]
fn corpus_spans_slice_the_file() {
    for path in corpus_files() {
        let bytes = std::fs::read(&path).expect("readable");
        for f in check(&path).findings {
            let slice = std::str::from_utf8(&bytes[f.span.start..f.span.end]).expect("utf-8 slice");
            assert_eq!(slice, f.text, "{}", path.display());
            assert!(
                !f.text.is_empty(),
                "{}: empty span for {}",
                path.display(),
                f.message
            );
        }
    }
}

/// What an editor sees on a terminal: the file's counts first, errors before warnings,
/// and long paragraphs shown as a window that fits the width, so that the underline sits
/// on the row under the word (no wrapped rows between them).
#[test]
fn pretty_fits_the_terminal() {
    for width in [80, 160] {
        for name in [
            "editor-fr-depeche.txt",
            "spelling-fr-brouillon.txt",
            "hygiene-fr-traduction.txt",
        ] {
            let path = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("corpus")
                .join(name);
            let outcome = check(&path);
            let options = PrettyOptions {
                color: false,
                width,
                summary: true,
                min_severity: claimlint::finding::Severity::Info,
                show_claims: false,
            };
            let pretty = report::render(&outcome, OutputFormat::Pretty, options);
            insta::assert_snapshot!(format!("{name}.pretty-{width}"), pretty);
            let lines: Vec<&str> = pretty.lines().collect();
            assert!(
                lines[0].starts_with(&format!("corpus/{name}: ")),
                "{name}: counts first: {}",
                lines[0]
            );
            // Errors first: no error follows a warning.
            let marks: Vec<char> = lines
                .iter()
                .filter_map(|l| l.trim_start().chars().next())
                .filter(|c| *c == '×' || *c == '⚠')
                .collect();
            let first_warning = marks.iter().position(|c| *c == '⚠');
            let last_error = marks.iter().rposition(|c| *c == '×');
            if let (Some(w), Some(e)) = (first_warning, last_error) {
                assert!(e < w, "{name}: an error after a warning");
            }
            // Source rows fit the width, and the text right above each underline is
            // the start of what a finding or one of its labels points at.
            let source = std::fs::read_to_string(&path).expect("readable");
            let mut pointed: Vec<&str> = Vec::new();
            for f in &outcome.findings {
                pointed.push(&f.text);
                for l in &f.labels {
                    pointed.push(&source[l.span.start..l.span.end]);
                }
            }
            for (i, line) in lines.iter().enumerate() {
                // Source rows: a line number, the bar, the text.
                if !(line.trim_start().starts_with(|c: char| c.is_ascii_digit())
                    && line.contains(" │ "))
                {
                    continue;
                }
                assert!(
                    line.chars().count() <= width,
                    "{name} at {width}: {} columns: {line}",
                    line.chars().count()
                );
                let Some(under) = lines.get(i + 1).filter(|u| u.contains(" · ")) else {
                    continue;
                };
                let row: Vec<char> = line.chars().collect();
                let marks: Vec<char> = under.chars().collect();
                let mut col = 0;
                while col < marks.len() {
                    if !matches!(marks[col], '─' | '┬') {
                        col += 1;
                        continue;
                    }
                    let from = col;
                    while col < marks.len() && matches!(marks[col], '─' | '┬') {
                        col += 1;
                    }
                    let above: String = row[from..col.min(row.len())].iter().collect();
                    assert!(
                        pointed.iter().any(|t| t.starts_with(&above)),
                        "{name} at {width}: underline under {above:?}\n{line}\n{under}"
                    );
                }
            }
        }
    }
}
