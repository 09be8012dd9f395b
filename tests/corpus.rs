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
