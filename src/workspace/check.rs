//! Checking documents: decode, run the engine, apply suppressions, severities and the
//! finding limit; in parallel over many inputs, results in the inputs' order.

use std::cell::Cell;
use std::collections::BTreeSet;

use rayon::prelude::*;

use super::config::{Config, Level};
use super::inputs::{read_input, Input};
use super::load::{nearest, unreadable};
use super::outcome::{FileInfo, StatementInfo};
use crate::checks::claims::Statement;
use crate::checks::Diagnostic;
use crate::decode::{DecodeError, Encoding, EncodingChoice};
use crate::document::{DocOptions, Document};
use crate::engine::Engine;
use crate::finding::{Finding, Kind, LineIndex, RuleId, Span};

/// What to do with each document's findings.
pub struct Policy<'a> {
    pub config: &'a Config,
    pub max_findings: usize,
    /// Rule ids, kinds and packs a suppression comment may name; `None` accepts any.
    pub known_names: Option<&'a BTreeSet<String>>,
}

/// The result of checking one input.
#[derive(Default)]
pub struct Checked {
    pub info: Option<FileInfo>,
    pub findings: Vec<Finding>,
    pub source: Option<(String, String)>,
    /// What the document asserts (claim instances with values), for batch reports.
    pub statements: Vec<Statement>,
    /// (entity rule id, form) of every mention, for batch reports.
    pub spellings: Vec<(RuleId, String)>,
    /// Digest of the bytes checked (`--fix` rewrites a file only if it still holds them).
    pub digest: Option<u64>,
}

pub fn check_bytes(
    display: &str,
    bytes: &[u8],
    engine: &Engine,
    opts: &DocOptions,
    policy: &Policy<'_>,
) -> Checked {
    check_owned(display, bytes.to_vec(), engine, opts, policy)
}

/// [`check_bytes`] of bytes the caller gives up: a UTF-8 file's bytes become the
/// document's text instead of being copied.
pub fn check_owned(
    display: &str,
    bytes: Vec<u8>,
    engine: &Engine,
    opts: &DocOptions,
    policy: &Policy<'_>,
) -> Checked {
    let digest = super::fix::digest(&bytes);
    let doc = match Document::load_owned(display, bytes, opts) {
        Ok(doc) => doc,
        Err((err, bytes)) => return decode_failure(display, &bytes, err),
    };
    // Suppressed findings and those set to `off` are dropped as they are produced, and
    // past --max-findings only the first (in text order) are kept: a document with
    // millions of findings holds about twice the limit, never all of them.
    let used: Vec<Cell<bool>> = (0..doc.suppressions.len())
        .map(|_| Cell::new(false))
        .collect();
    let suppressed = |at: usize, rule: &str, kind: &str| {
        let mut any = false;
        for i in doc.suppressions.suppressing(at, rule, kind) {
            any = true;
            if let Some(cell) = used.get(i) {
                cell.set(true);
            }
        }
        any
    };
    let keep = |d: &Diagnostic| {
        let at = doc.source_range(d.range.clone()).start;
        !suppressed(at, &d.rule, d.kind.as_str())
            && policy.config.level(&d.rule, d.kind.as_str()) != Some(Level::Off)
    };
    let analysis = engine.analyse_capped(&doc, Some(&keep), policy.max_findings);
    let dropped_early = analysis.dropped;
    let mut findings = analysis.findings;
    if let Some(known) = policy.known_names {
        findings.extend(unknown_suppressions(&doc, known));
    }
    findings.retain(|f| !suppressed(f.span.source.start, &f.rule, f.kind.as_str()));
    findings.extend(unused_suppressions(&doc, &used, policy.known_names));
    apply_levels(&mut findings, policy.config);
    super::fix::vet(&doc, &mut findings);
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    if policy.max_findings > 0 && findings.len() + dropped_early > policy.max_findings {
        let dropped = findings.len().saturating_sub(policy.max_findings) + dropped_early;
        findings.truncate(policy.max_findings);
        findings.push(Finding::about_file(
            display,
            RuleId::new("input", "max-findings"),
            Kind::InputTruncated,
            format!(
                "{dropped} more finding{} dropped (--max-findings {})",
                if dropped == 1 { "" } else { "s" },
                policy.max_findings
            ),
        ));
        findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    }
    Checked {
        info: Some(FileInfo {
            path: display.to_owned(),
            lang: doc.lang.code().to_owned(),
            lang_source: doc.lang_source.to_owned(),
            date: doc.date.to_string(),
            date_source: doc.date_source.to_owned(),
            encoding: (opts.encoding != EncodingChoice::Utf8)
                .then(|| doc.encoding.name().to_owned()),
            config: None,
            statements: analysis.statements.iter().map(statement_info).collect(),
        }),
        findings,
        statements: analysis.statements,
        spellings: analysis.spellings,
        digest: Some(digest),
        source: Some((display.to_owned(), doc.into_source())),
    }
}

fn statement_info(s: &Statement) -> StatementInfo {
    StatementInfo {
        rule: s.rule.to_string(),
        span: s.span.clone(),
        text: s.text.clone(),
        value: s.value.to_string(),
        known: s.known.clone(),
        verdict: s.verdict.as_str(),
        ambiguous: s.ambiguous,
    }
}

/// Suppression comments that name no loaded rule, kind or pack: a typo there would
/// silently leave the finding it meant to hide, or hide nothing it was meant to.
fn unknown_suppressions(doc: &Document, known: &BTreeSet<String>) -> Vec<Finding> {
    doc.suppressions
        .names
        .iter()
        .filter(|(name, _)| !known.contains(name))
        .map(|(name, range)| {
            let span = doc.span_of_source(range.clone());
            let help = match nearest(name, known) {
                Some(near) => format!("did you mean \"{near}\"?"),
                None => "claimlint rules list shows the rules; docs/KINDS.md the kinds".to_owned(),
            };
            Finding::new(
                doc.path.clone(),
                RuleId::new("input", "suppression"),
                Kind::InputSuppression,
                span,
                name.clone(),
                format!("the suppression names \"{name}\", which is no loaded rule, kind or pack"),
            )
            .with_help(help)
            .with_primary_label("unknown name")
        })
        .collect()
}

/// Suppression comments that hid no finding (ruff's RUF100): left behind after a fix, or
/// never matching what they meant to hide. An info (`input/unused-suppression`, which
/// `[severity]` may raise or turn off); comments naming an unknown rule are reported as
/// such instead.
fn unused_suppressions(
    doc: &Document,
    used: &[Cell<bool>],
    known: Option<&BTreeSet<String>>,
) -> Vec<Finding> {
    let mut found = Vec::new();
    for (i, cell) in used.iter().enumerate() {
        if cell.get() {
            continue;
        }
        let Some((range, names)) = doc.suppressions.comment(i) else {
            continue;
        };
        if known.is_some_and(|known| names.iter().any(|n| !known.contains(n))) {
            continue;
        }
        let what = if names.is_empty() {
            "anything".to_owned()
        } else {
            names.join(" ")
        };
        let span = doc.span_of_source(range);
        let text = doc.source_text(&span).to_owned();
        found.push(
            Finding::new(
                doc.path.clone(),
                RuleId::new("input", "unused-suppression"),
                Kind::InputSuppression,
                span,
                text,
                format!("this suppression of {what} hid no finding"),
            )
            .with_severity(crate::finding::Severity::Info)
            .with_help(
                "remove the comment, or set \"input/unused-suppression\" = \"off\" in [severity]",
            )
            .with_primary_label("unused"),
        );
    }
    found
}

fn decode_failure(display: &str, bytes: &[u8], err: DecodeError) -> Checked {
    let (finding, source) = match err {
        DecodeError::Binary => (
            Finding::about_file(
                display,
                RuleId::new("input", "binary"),
                Kind::InputBinary,
                format!("{display} looks binary (it holds a NUL byte); skipped"),
            ),
            None,
        ),
        DecodeError::Invalid { offset, encoding } => {
            let valid = valid_prefix(bytes, offset, encoding);
            let lines = LineIndex::new(&valid);
            let (line, column) = lines.position(&valid, valid.len());
            let name = match encoding {
                Encoding::Utf8 | Encoding::Utf8Bom => "UTF-8",
                Encoding::Utf16Le | Encoding::Utf16Be => "UTF-16",
                Encoding::Legacy(e) => e.name(),
            };
            let end = (offset + 1).min(bytes.len());
            // Shown over the file decoded lossily: up to the bad byte it is the file
            // itself, and the bad byte is the U+FFFD standing at the same offset.
            let span = Span {
                start: offset,
                end,
                line,
                column,
                end_line: line,
                end_column: column + 1,
                source: offset..offset + '\u{FFFD}'.len_utf8(),
            };
            let message = format!(
                "{display} is not valid {name}: byte 0x{:02X} at offset {offset} (line {line}, column {column})",
                bytes.get(offset).copied().unwrap_or(0)
            );
            let f = Finding::new(
                display,
                RuleId::new("input", "encoding"),
                Kind::InputEncoding,
                span,
                "",
                message,
            )
            .with_help("convert the file to UTF-8 (e.g. iconv -f latin1 -t utf-8)")
            .with_primary_label("not valid here");
            (f, Some(String::from_utf8_lossy(bytes).into_owned()))
        }
    };
    Checked {
        source: source.map(|s| (display.to_owned(), s)),
        findings: vec![finding],
        ..Checked::default()
    }
}

/// The text of the file before its first invalid byte, decoded as the file's encoding (for
/// UTF-16, past its byte-order mark), so the position of that byte can be told.
fn valid_prefix(bytes: &[u8], offset: usize, encoding: Encoding) -> String {
    let prefix = &bytes[..offset.min(bytes.len())];
    let unit = |pair: &[u8]| match encoding {
        Encoding::Utf16Le => u16::from_le_bytes([pair[0], pair[1]]),
        _ => u16::from_be_bytes([pair[0], pair[1]]),
    };
    match encoding {
        Encoding::Utf8 | Encoding::Utf8Bom => std::str::from_utf8(prefix)
            .map(str::to_owned)
            .unwrap_or_default(),
        Encoding::Legacy(_) => String::new(),
        Encoding::Utf16Le | Encoding::Utf16Be => {
            let units: Vec<u16> = prefix
                .get(2..)
                .unwrap_or_default()
                .chunks_exact(2)
                .map(unit)
                .collect();
            String::from_utf16_lossy(&units)
        }
    }
}

/// Applies the config's severity overrides; `off` drops the finding.
pub fn apply_levels(findings: &mut Vec<Finding>, config: &Config) {
    if config.severity.is_empty() {
        return;
    }
    findings.retain_mut(|f| match config.level(&f.rule, f.kind.as_str()) {
        Some(Level::Off) => false,
        Some(Level::On(s)) => {
            f.severity = s;
            true
        }
        None => true,
    });
}

/// Checks every input on the current rayon pool; results keep the inputs' order.
pub fn check_all(
    inputs: &[Input],
    engine: &Engine,
    opts: &DocOptions,
    policy: &Policy<'_>,
) -> Vec<Checked> {
    check_all_with_progress(inputs, engine, opts, policy, &|| {})
}

/// [`check_all`], calling `done` after each input (a progress bar).
pub fn check_all_with_progress(
    inputs: &[Input],
    engine: &Engine,
    opts: &DocOptions,
    policy: &Policy<'_>,
    done: &(dyn Fn() + Sync),
) -> Vec<Checked> {
    inputs
        .par_iter()
        .map(|input| {
            let checked = match read_input(input) {
                Ok(bytes) => check_bytes(input.display(), &bytes, engine, opts, policy),
                Err(err) => Checked {
                    findings: vec![unreadable(
                        input.display(),
                        Kind::InputUnreadable,
                        &err.to_string(),
                    )],
                    ..Checked::default()
                },
            };
            done();
            checked
        })
        .collect()
}
