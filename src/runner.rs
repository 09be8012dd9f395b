//! A `check` run: packs and config in, documents checked in parallel, one sorted outcome.

use std::io::Read;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::builtin;
use crate::config::{Config, Level};
use crate::decode::{DecodeError, Encoding};
use crate::document::{DocOptions, Document};
use crate::engine::Engine;
use crate::finding::{plain_span, Finding, Kind, LineIndex, Severity, Span};
use crate::pack::{self, Pack};
use crate::report::{FileInfo, Outcome};
use crate::toml_reader::Problem;

/// Extensions of the files a folder walk picks up.
pub const DEFAULT_EXTENSIONS: &[&str] = &["md", "markdown", "txt", "html", "htm"];

/// Packs from `--rules` paths, the config, or the built-in ones; problems as findings.
pub fn load_packs(rules: Option<&[PathBuf]>, outcome: &mut Outcome) -> Vec<Pack> {
    let mut packs = Vec::new();
    let Some(paths) = rules else {
        for (path, source) in builtin::PACKS {
            load_one(path, source, &mut packs, outcome);
        }
        return packs;
    };
    for path in paths {
        let files = if path.is_dir() {
            let mut files: Vec<PathBuf> = std::fs::read_dir(path)
                .map(|rd| {
                    rd.filter_map(Result::ok)
                        .map(|e| e.path())
                        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
                        .collect()
                })
                .unwrap_or_default();
            files.sort();
            files
        } else {
            vec![path.clone()]
        };
        for file in files {
            let display = display_path(&file);
            match std::fs::read_to_string(&file) {
                Ok(source) => load_one(&display, &source, &mut packs, outcome),
                Err(err) => {
                    outcome
                        .findings
                        .push(unreadable(&display, Kind::RulesError, &err.to_string()))
                }
            }
        }
    }
    packs
}

fn load_one(path: &str, source: &str, packs: &mut Vec<Pack>, outcome: &mut Outcome) {
    match pack::load(path, source) {
        Ok(pack) => packs.push(pack),
        Err(problems) => {
            let rule = pack_rule(path);
            push_problems(outcome, path, source, &rule, Kind::RulesError, problems);
        }
    }
}

fn pack_rule(path: &str) -> String {
    let stem = Path::new(path)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("rules");
    format!("rules/{stem}")
}

/// Compiles the engine, reporting cross-pack problems into the packs' files.
pub fn build_engine(packs: Vec<Pack>, outcome: &mut Outcome) -> Option<Engine> {
    build(packs, outcome, Engine::new)
}

/// [`build_engine`] without running the claims' examples (`rules test` reports them).
pub fn build_engine_untested(packs: Vec<Pack>, outcome: &mut Outcome) -> Option<Engine> {
    build(packs, outcome, Engine::without_self_tests)
}

type Compile = fn(Vec<Pack>) -> Result<Engine, Vec<(usize, Problem)>>;

fn build(packs: Vec<Pack>, outcome: &mut Outcome, compile: Compile) -> Option<Engine> {
    let sources: Vec<(String, String)> = packs
        .iter()
        .map(|p| (p.path.clone(), p.source.clone()))
        .collect();
    match compile(packs) {
        Ok(engine) => Some(engine),
        Err(problems) => {
            for (i, problem) in problems {
                let (path, source) = &sources[i];
                push_problems(
                    outcome,
                    path,
                    source,
                    &pack_rule(path),
                    Kind::RulesError,
                    vec![problem],
                );
            }
            None
        }
    }
}

pub fn push_problems(
    outcome: &mut Outcome,
    path: &str,
    source: &str,
    rule: &str,
    kind: Kind,
    problems: Vec<Problem>,
) {
    let lines = LineIndex::new(source);
    for p in problems {
        let span = plain_span(source, &lines, p.span.clone());
        let labels = p
            .related
            .map(|(range, message)| crate::finding::Label {
                span: plain_span(source, &lines, range),
                path: path.to_owned(),
                message,
            })
            .into_iter()
            .collect();
        outcome.findings.push(Finding {
            path: path.to_owned(),
            rule: rule.to_owned(),
            kind,
            severity: Severity::Error,
            message: p.message,
            text: source.get(p.span).unwrap_or_default().to_owned(),
            span,
            fix: None,
            labels,
            help: p.help,
            label: Some(p.label),
        });
    }
    outcome.sources.insert(path.to_owned(), source.to_owned());
}

fn empty_span() -> Span {
    Span {
        start: 0,
        end: 0,
        line: 1,
        column: 1,
        source: 0..0,
    }
}

pub fn unreadable(path: &str, kind: Kind, reason: &str) -> Finding {
    file_finding(
        path,
        "input/read",
        kind,
        Severity::Error,
        format!("cannot read {path}: {reason}"),
    )
}

/// A finding about a whole file (at its start): unreadable, binary, truncated output.
pub fn file_finding(
    path: &str,
    rule: &str,
    kind: Kind,
    severity: Severity,
    message: String,
) -> Finding {
    Finding {
        path: path.to_owned(),
        rule: rule.to_owned(),
        kind,
        severity,
        message,
        span: empty_span(),
        text: String::new(),
        fix: None,
        labels: Vec::new(),
        help: None,
        label: None,
    }
}

/// One input to check.
#[derive(Clone, Debug)]
pub enum Input {
    File { path: PathBuf, display: String },
    Stdin { display: String },
}

impl Input {
    pub fn display(&self) -> &str {
        match self {
            Input::File { display, .. } | Input::Stdin { display } => display,
        }
    }
}

/// Turns `check` arguments into inputs: files as given, folders walked (.gitignore
/// respected, config include/exclude applied), `-` for stdin. Missing paths are findings.
pub fn collect_inputs(
    args: &[String],
    stdin_name: Option<&str>,
    config: &Config,
    outcome: &mut Outcome,
) -> Vec<Input> {
    let mut inputs = Vec::new();
    let include = globs(&config.include);
    let exclude = globs(&config.exclude);
    for arg in args {
        if arg == "-" {
            inputs.push(Input::Stdin {
                display: stdin_name.unwrap_or("-").to_owned(),
            });
            continue;
        }
        let path = PathBuf::from(arg);
        if path.is_dir() {
            let mut found = Vec::new();
            for entry in ignore::WalkBuilder::new(&path)
                .hidden(true)
                .require_git(false)
                .build()
                .filter_map(Result::ok)
            {
                let p = entry.path();
                if !p.is_file() {
                    continue;
                }
                let rel = p.strip_prefix(config_base(config)).unwrap_or(p);
                let included = match &include {
                    Some(set) => set.is_match(rel) || set.is_match(p),
                    None => p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                        DEFAULT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str())
                    }),
                };
                let excluded = exclude
                    .as_ref()
                    .is_some_and(|set| set.is_match(rel) || set.is_match(p));
                if included && !excluded {
                    found.push(p.to_path_buf());
                }
            }
            found.sort();
            inputs.extend(found.into_iter().map(|p| Input::File {
                display: display_path(&p),
                path: p,
            }));
        } else if path.exists() {
            inputs.push(Input::File {
                display: display_path(&path),
                path,
            });
        } else {
            outcome.findings.push(unreadable(
                arg,
                Kind::InputUnreadable,
                "no such file or folder",
            ));
        }
    }
    crate::fix::dedup_inputs(&mut inputs);
    inputs
}

fn config_base(config: &Config) -> PathBuf {
    config
        .path
        .as_ref()
        .and_then(|p| p.parent())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

fn globs(patterns: &[String]) -> Option<globset_like::Set> {
    (!patterns.is_empty()).then(|| globset_like::Set::new(patterns))
}

/// Glob matching via `ignore`'s override machinery (globset underneath).
mod globset_like {
    use std::path::Path;

    pub struct Set {
        matcher: Option<ignore::overrides::Override>,
    }

    impl Set {
        pub fn new(patterns: &[String]) -> Set {
            let mut builder = ignore::overrides::OverrideBuilder::new("");
            for p in patterns {
                let _ = builder.add(p);
            }
            Set {
                matcher: builder.build().ok(),
            }
        }

        pub fn is_match(&self, path: &Path) -> bool {
            self.matcher
                .as_ref()
                .is_some_and(|m| m.matched(path, false).is_whitelist())
        }
    }
}

/// A path as the user would write it: relative to the working directory where possible.
pub fn display_path(path: &Path) -> String {
    let cwd = std::env::current_dir().ok();
    let path = cwd
        .as_deref()
        .and_then(|cwd| path.strip_prefix(cwd).ok())
        .unwrap_or(path);
    let s = path.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").map(str::to_owned).unwrap_or(s)
}

/// What to do with each document's findings.
pub struct Policy<'a> {
    pub config: &'a Config,
    pub max_findings: usize,
}

/// The result of checking one input.
#[derive(Default)]
pub struct Checked {
    pub info: Option<FileInfo>,
    pub findings: Vec<Finding>,
    pub source: Option<(String, String)>,
    /// What the document asserts (claim instances with values), for batch reports.
    pub statements: Vec<crate::engine::Statement>,
    /// (entity rule id, form) of every mention, for batch reports.
    pub spellings: Vec<(String, String)>,
    /// Digest of the bytes checked (`--fix` rewrites a file only if it still holds them).
    pub digest: Option<u64>,
}

pub fn read_input(input: &Input) -> std::io::Result<Vec<u8>> {
    match input {
        Input::File { path, .. } => std::fs::read(path),
        Input::Stdin { .. } => {
            let mut buf = Vec::new();
            std::io::stdin().read_to_end(&mut buf)?;
            Ok(buf)
        }
    }
}

pub fn check_bytes(
    display: &str,
    bytes: &[u8],
    engine: &Engine,
    opts: &DocOptions,
    policy: &Policy<'_>,
) -> Checked {
    let doc = match Document::load(display, bytes, opts) {
        Ok(doc) => doc,
        Err(err) => return decode_failure(display, bytes, err),
    };
    let analysis = engine.analyse(&doc);
    let mut findings = analysis.findings;
    findings.retain(|f| {
        !doc.suppressions
            .suppresses(f.span.source.start, &f.rule, f.kind.as_str())
    });
    apply_levels(&mut findings, policy.config);
    crate::fix::vet(&doc, &mut findings);
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    if policy.max_findings > 0 && findings.len() > policy.max_findings {
        let dropped = findings.len() - policy.max_findings;
        findings.truncate(policy.max_findings);
        findings.push(file_finding(
            display,
            "input/max-findings",
            Kind::InputTruncated,
            Severity::Info,
            format!(
                "{dropped} more finding{} dropped (--max-findings {})",
                if dropped == 1 { "" } else { "s" },
                policy.max_findings
            ),
        ));
    }
    Checked {
        info: Some(FileInfo {
            path: display.to_owned(),
            lang: doc.lang.code().to_owned(),
            lang_source: doc.lang_source.to_owned(),
            date: doc.date.to_string(),
            date_source: doc.date_source.to_owned(),
        }),
        findings,
        source: Some((display.to_owned(), doc.source)),
        statements: analysis.statements,
        spellings: analysis.spellings,
        digest: Some(crate::fix::digest(bytes)),
    }
}

fn decode_failure(display: &str, bytes: &[u8], err: DecodeError) -> Checked {
    let (finding, source) = match err {
        DecodeError::Binary => (
            file_finding(
                display,
                "input/binary",
                Kind::InputBinary,
                Severity::Info,
                format!("{display} looks binary (it holds a NUL byte); skipped"),
            ),
            None,
        ),
        DecodeError::Invalid { offset, encoding } => {
            let valid = std::str::from_utf8(&bytes[..offset.min(bytes.len())]).unwrap_or_default();
            let lines = LineIndex::new(valid);
            let (line, column) = lines.position(valid, valid.len());
            let name = match encoding {
                Encoding::Utf8 | Encoding::Utf8Bom => "UTF-8",
                Encoding::Utf16Le | Encoding::Utf16Be => "UTF-16",
            };
            let end = (offset + 1).min(bytes.len());
            let mut f = file_finding(
                display,
                "input/encoding",
                Kind::InputEncoding,
                Severity::Error,
                format!(
                    "{display} is not valid {name}: byte 0x{:02X} at offset {offset} (line {line}, column {column})",
                    bytes.get(offset).copied().unwrap_or(0)
                ),
            );
            // Shown over the file decoded lossily: up to the bad byte it is the file
            // itself, and the bad byte is the U+FFFD standing at the same offset.
            f.span = Span {
                start: offset,
                end,
                line,
                column,
                source: offset..offset + '\u{FFFD}'.len_utf8(),
            };
            f.help = Some("convert the file to UTF-8 (e.g. iconv -f latin1 -t utf-8)".to_owned());
            f.label = Some("not valid here".to_owned());
            (f, Some(String::from_utf8_lossy(bytes).into_owned()))
        }
    };
    Checked {
        source: source.map(|s| (display.to_owned(), s)),
        findings: vec![finding],
        ..Checked::default()
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
