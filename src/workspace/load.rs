//! Loading what a run checks against: the config and the packs. Loaders return their
//! problems as findings pointing into the config or pack file; nothing is printed here.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::builtin;
use super::config::{Config, PackSource};
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
    let config = match read_regular(path) {
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

/// Where packs come from: `--rules` paths, the config's `rules` entries (with where each
/// is written), or the built-in packs.
pub enum PackOrigin<'a> {
    Arguments(&'a [PathBuf]),
    Config(&'a Config),
    Builtin,
}

/// The packs of `origin`. An entry that yields no pack (an empty or missing folder) is a
/// problem: every spelling and claim check would silently be off.
pub fn load_packs(origin: PackOrigin<'_>) -> (Vec<Pack>, Problems) {
    let mut packs = Vec::new();
    let mut problems = Problems::default();
    match origin {
        PackOrigin::Builtin => {
            load_builtin(&mut packs, &mut problems);
        }
        PackOrigin::Arguments(paths) => {
            for path in paths {
                let display = display_path(path);
                let reason = match load_path(path, &mut packs, &mut problems) {
                    Some(0) => "holds no pack (.toml file)",
                    Some(_) => continue,
                    None => "names no file or folder",
                };
                problems.push(
                    Finding::about_file(
                        &display,
                        RuleId::new("rules", "load"),
                        Kind::RulesError,
                        format!("--rules {display} {reason}"),
                    )
                    .with_help("name a pack file or a folder of packs"),
                );
            }
        }
        PackOrigin::Config(config) => {
            for entry in config.rules.iter().flatten() {
                let loaded = match &entry.value {
                    PackSource::Builtin => Some(load_builtin(&mut packs, &mut problems)),
                    PackSource::Path(path) => load_path(path, &mut packs, &mut problems),
                };
                let reason = match loaded {
                    Some(0) => "holds no pack (.toml file)",
                    Some(_) => continue,
                    None => "names no file or folder",
                };
                let problem = Problem::new(
                    entry.span.clone(),
                    format!("this entry of `rules` {reason}"),
                    "no pack here",
                )
                .with_help(
                    "name a pack file, a folder of packs or \"builtin\"; `rules = []` runs the hygiene checks alone",
                );
                let path = config.path.as_deref().map(display_path).unwrap_or_default();
                problems.add(
                    &path,
                    &config.source,
                    RuleId::from("config"),
                    Kind::RulesError,
                    vec![problem],
                );
            }
        }
    }
    (packs, problems)
}

fn load_builtin(packs: &mut Vec<Pack>, problems: &mut Problems) -> usize {
    for (path, source) in builtin::PACKS {
        load_one(path, source, packs, problems);
    }
    builtin::PACKS.len()
}

/// The packs of a file or folder; how many files it held (loaded or not), `None` when the
/// path does not exist.
fn load_path(path: &Path, packs: &mut Vec<Pack>, problems: &mut Problems) -> Option<usize> {
    if !path.exists() {
        return None;
    }
    let files = pack_files(path);
    for file in &files {
        let display = display_path(file);
        match read_regular(file) {
            Ok(source) => load_one(&display, &source, packs, problems),
            Err(err) => problems.push(unreadable(&display, Kind::RulesError, &err.to_string())),
        }
    }
    Some(files.len())
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

/// Most bytes a config or pack file may have: a pack is a desk's notes, not an archive.
const MAX_RULE_FILE: u64 = 16 << 20;

/// The text of a config or pack file; a FIFO or a device is refused, never opened (a read
/// would hang or never end), and so is a file too large to be a pack.
fn read_regular(path: &Path) -> std::io::Result<String> {
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(std::io::Error::other(
            "not a regular file (a FIFO, socket or device)",
        ));
    }
    if meta.len() > MAX_RULE_FILE {
        return Err(std::io::Error::other(format!(
            "{} bytes: more than the {} MB a config or pack may have",
            meta.len(),
            MAX_RULE_FILE >> 20
        )));
    }
    std::fs::read_to_string(path)
}

/// `[severity]` keys that name no loaded rule, kind or pack: a mistyped key would
/// silently leave a check at its default level (or on).
pub fn unknown_severity_keys(config: &Config, engine: &Engine) -> Problems {
    let mut problems = Problems::default();
    if config.severity_keys.is_empty() {
        return problems;
    }
    let known = known_names(engine);
    let found: Vec<Problem> = config
        .severity_keys
        .iter()
        .filter(|(key, _)| !known.contains(key.as_str()))
        .map(|(key, span)| {
            let problem = Problem::new(
                span.clone(),
                format!("`[severity]` key \"{key}\" names no loaded rule, kind or pack"),
                "unknown name",
            );
            match nearest(key, &known) {
                Some(near) => problem.with_help(format!("did you mean \"{near}\"?")),
                None => problem
                    .with_help("claimlint rules list shows the rules; docs/KINDS.md the kinds"),
            }
        })
        .collect();
    if !found.is_empty() {
        let path = config.path.as_deref().map(display_path).unwrap_or_default();
        problems.add(
            &path,
            &config.source,
            RuleId::from("config"),
            Kind::ConfigError,
            found,
        );
    }
    problems
}

/// Every name a severity or a suppression may use: rule ids, kinds, pack ids.
pub fn known_names(engine: &Engine) -> std::collections::BTreeSet<String> {
    let mut known: std::collections::BTreeSet<String> =
        Kind::ALL.iter().map(|k| k.as_str().to_owned()).collect();
    known.insert("input/unused-suppression".to_owned());
    for rule in crate::checks::builtin_rules() {
        known.insert(rule.id.to_owned());
        known.extend(rule.id.split_once('/').map(|(pack, _)| pack.to_owned()));
    }
    for pack in engine.packs() {
        known.insert(pack.id.clone());
        known.extend(
            pack.entities
                .iter()
                .map(|e| format!("{}/{}", pack.id, e.id)),
        );
        known.extend(pack.claims.iter().map(|c| format!("{}/{}", pack.id, c.id)));
    }
    known
}

/// The known name nearest `name`, within a third of its length in edits.
pub fn nearest<'a>(name: &str, known: &'a std::collections::BTreeSet<String>) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (crate::names::damerau_levenshtein(name, k), k))
        .filter(|(d, _)| *d <= name.chars().count().div_ceil(3).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k.as_str())
}

/// A path as the user would write it: relative to the working directory where possible.
/// Bytes that are not UTF-8 are shown as `\xNN`, never replaced or dropped.
pub fn display_path(path: &Path) -> String {
    let cwd = std::env::current_dir().ok();
    let path = cwd
        .as_deref()
        .and_then(|cwd| path.strip_prefix(cwd).ok())
        .unwrap_or(path);
    let s = path_text(path);
    #[cfg(windows)]
    let s = s.replace('\\', "/");
    s.strip_prefix("./").map(str::to_owned).unwrap_or(s)
}

#[cfg(unix)]
fn path_text(path: &Path) -> String {
    use std::fmt::Write as _;
    use std::os::unix::ffi::OsStrExt;
    let mut out = String::new();
    for chunk in path.as_os_str().as_bytes().utf8_chunks() {
        out.push_str(chunk.valid());
        for b in chunk.invalid() {
            let _ = write!(out, "\\x{b:02X}");
        }
    }
    out
}

#[cfg(not(unix))]
fn path_text(path: &Path) -> String {
    path.to_string_lossy().into_owned()
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
