//! Loading what a run checks against: the config and the packs. Loaders return their
//! problems as findings pointing into the config or pack file; nothing is printed here.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::builtin;
use super::config::Config;
use crate::engine::Engine;
use crate::finding::{plain_span, Finding, Kind, Label, LineIndex, RuleId};
use crate::pack::{self, Pack};
use crate::toml_reader::Problem;

/// Problems found while loading, as findings, with the text of every file they point into.
#[derive(Debug, Default)]
pub struct Problems {
    pub findings: Vec<Finding>,
    pub sources: BTreeMap<String, String>,
}

impl Problems {
    pub fn is_empty(&self) -> bool {
        self.findings.is_empty()
    }

    pub fn append(&mut self, mut other: Problems) {
        self.findings.append(&mut other.findings);
        self.sources.append(&mut other.sources);
    }

    /// Problems of one file (a pack or a config) as findings pointing into it.
    pub fn add(
        &mut self,
        path: &str,
        source: &str,
        rule: RuleId,
        kind: Kind,
        problems: Vec<Problem>,
    ) {
        let lines = LineIndex::new(source);
        for p in problems {
            let span = plain_span(source, &lines, p.span.clone());
            let text = source.get(p.span).unwrap_or_default().to_owned();
            let mut finding = Finding::new(path, rule.clone(), kind, span, text, p.message)
                .with_primary_label(p.label);
            if let Some((range, message)) = p.related {
                finding = finding.with_label(Label {
                    span: plain_span(source, &lines, range),
                    path: path.to_owned(),
                    message,
                });
            }
            finding.help = p.help;
            self.findings.push(finding);
        }
        self.sources.insert(path.to_owned(), source.to_owned());
    }

    pub fn push(&mut self, finding: Finding) {
        self.findings.push(finding);
    }
}

/// The config at `path`; a config that cannot be read or parsed is the default config
/// and a problem.
pub fn load_config(path: &Path) -> (Config, Problems) {
    let mut problems = Problems::default();
    let display = display_path(path);
    let config = match std::fs::read_to_string(path) {
        Ok(source) => match Config::parse(path, &source) {
            Ok(config) => config,
            Err(found) => {
                problems.add(
                    &display,
                    &source,
                    RuleId::from("config"),
                    Kind::ConfigError,
                    found,
                );
                Config::default()
            }
        },
        Err(err) => {
            problems.push(unreadable(&display, Kind::ConfigError, &err.to_string()));
            Config::default()
        }
    };
    (config, problems)
}

/// Packs from `--rules` paths or the config (`Some`), else the built-in ones.
pub fn load_packs(rules: Option<&[PathBuf]>) -> (Vec<Pack>, Problems) {
    let mut packs = Vec::new();
    let mut problems = Problems::default();
    let Some(paths) = rules else {
        for (path, source) in builtin::PACKS {
            load_one(path, source, &mut packs, &mut problems);
        }
        return (packs, problems);
    };
    for path in paths {
        for file in pack_files(path) {
            let display = display_path(&file);
            match std::fs::read_to_string(&file) {
                Ok(source) => load_one(&display, &source, &mut packs, &mut problems),
                Err(err) => problems.push(unreadable(&display, Kind::RulesError, &err.to_string())),
            }
        }
    }
    (packs, problems)
}

/// A pack file, or the `.toml` files of a folder in name order.
fn pack_files(path: &Path) -> Vec<PathBuf> {
    if !path.is_dir() {
        return vec![path.to_path_buf()];
    }
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
}

fn load_one(path: &str, source: &str, packs: &mut Vec<Pack>, problems: &mut Problems) {
    match pack::load(path, source) {
        Ok(pack) => packs.push(pack),
        Err(found) => problems.add(path, source, pack_rule(path), Kind::RulesError, found),
    }
}

pub(crate) fn pack_rule(path: &str) -> RuleId {
    let stem = Path::new(path)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("rules");
    RuleId::new("rules", stem)
}

/// Compiles the engine; cross-pack problems point into the packs' files.
pub fn compile(packs: Vec<Pack>) -> Result<Engine, Problems> {
    let sources: Vec<(String, String)> = packs
        .iter()
        .map(|p| (p.path.clone(), p.source.clone()))
        .collect();
    Engine::new(packs).map_err(|found| {
        let mut problems = Problems::default();
        for (i, problem) in found {
            let (path, source) = &sources[i];
            problems.add(
                path,
                source,
                pack_rule(path),
                Kind::RulesError,
                vec![problem],
            );
        }
        problems
    })
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

pub fn unreadable(path: &str, kind: Kind, reason: &str) -> Finding {
    Finding::about_file(
        path,
        RuleId::new("input", "read"),
        kind,
        format!("cannot read {path}: {reason}"),
    )
    .with_severity(crate::finding::Severity::Error)
}
