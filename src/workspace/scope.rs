//! Which config applies to which file: one [`Scope`] per config a run meets (the nearest
//! `claimlint.toml` upwards from each checked file's folder, as ruff does), each with the
//! engine its packs compile to. Identical pack sets compile once ([`PackCache`]), so a
//! folder of a thousand files under one config, or several configs naming the same
//! packs, cost one compilation.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::check::Policy;
use super::config::{Config, FailOn, PackSource};
use super::inputs::{Filter, Selection};
use super::load::{self, Problems};
use super::{selftest, Settings};
use crate::document::DocOptions;
use crate::engine::Engine;
use crate::finding::{Finding, Kind, RuleId, Severity};

/// One config and what it compiles to.
pub struct Scope {
    pub config: Config,
    pub engine: Arc<Engine>,
    pub opts: DocOptions,
    pub fail_on: FailOn,
    /// Rule ids, kinds and packs a suppression or `[severity]` may name.
    pub known_names: Arc<BTreeSet<String>>,
    /// The config is broken: no file it applies to is checked.
    pub stopped: bool,
    /// The config's path as shown to the user; `None` when no config file applies.
    pub shown: Option<String>,
    filter: Filter,
    /// Problems of the config itself, not yet reported: they are once an input resolves
    /// to it ([`Scope::take_problems`]).
    problems: Problems,
    /// The packs it compiled from, whose problems the cache keeps until reported.
    packs: Option<PackKey>,
}

impl Scope {
    /// The scope of the config at `path` (`None`: no config). Its problems, and those of
    /// its packs, are kept until [`Scope::take_problems`]: a config no checked input
    /// resolves to is never reported.
    pub(super) fn load(path: Option<&Path>, settings: &Settings, packs: &mut PackCache) -> Scope {
        let mut problems = Problems::default();
        let config = match path {
            Some(path) => {
                let (config, found) = load::load_config(path);
                if !found.is_empty() {
                    problems.append(found);
                    let display = load::display_path(path);
                    problems.push(
                        Finding::about_file(
                            &display,
                            RuleId::from("config"),
                            Kind::ConfigError,
                            format!("{display} is broken: no document under it was checked"),
                        )
                        .with_severity(Severity::Info)
                        .with_help("fix the config, or run with --no-config"),
                    );
                    let mut broken =
                        Scope::new(config, Arc::new(Engine::empty()), Arc::default(), settings);
                    broken.stopped = true;
                    broken.shown = Some(display);
                    broken.problems = problems;
                    return broken;
                }
                config
            }
            None => Config::default(),
        };
        let (key, compiled) = packs.get(settings, &config);
        if compiled.clean {
            problems.append(load::unknown_severity_keys(&config, &compiled.engine));
        }
        let mut scope = Scope::new(config, compiled.engine, compiled.known_names, settings);
        scope.shown = path.map(load::display_path);
        scope.problems = problems;
        scope.packs = Some(key);
        scope
    }

    /// The problems of the config and of its packs not reported yet (packs shared with
    /// another config are reported once).
    pub(super) fn take_problems(&mut self, packs: &mut PackCache) -> Problems {
        let mut problems = std::mem::take(&mut self.problems);
        if let Some(key) = self.packs.take() {
            problems.append(packs.take_problems(&key));
        }
        problems
    }

    pub(super) fn new(
        config: Config,
        engine: Arc<Engine>,
        known_names: Arc<BTreeSet<String>>,
        settings: &Settings,
    ) -> Scope {
        let mut opts = DocOptions::new(settings.today);
        opts.lang = match settings.lang {
            Some(lang) => Some((lang, "cli")),
            None => config.lang.map(|l| (l, "config")),
        };
        opts.date = settings.date;
        opts.encoding = settings.encoding.or(config.encoding).unwrap_or_default();
        let fail_on = settings
            .fail_on
            .or(config.fail_on)
            .unwrap_or(FailOn::At(Severity::Error));
        Scope {
            filter: Filter::new(&config),
            config,
            engine,
            opts,
            fail_on,
            known_names,
            stopped: false,
            shown: None,
            problems: Problems::default(),
            packs: None,
        }
    }

    pub fn policy(&self, max_findings: usize) -> Policy<'_> {
        Policy {
            config: &self.config,
            max_findings,
            known_names: Some(&self.known_names),
        }
    }

    /// What the config's `[files]` say of `p`, whose absolute path is `abs`.
    pub(super) fn select(&self, p: &Path, abs: &Path) -> Selection {
        if self.stopped {
            Selection::Stopped
        } else {
            self.filter.select(p, abs)
        }
    }
}

/// Compiled engines by the packs they were compiled from, and the problems of those packs
/// until a config using them is reported.
#[derive(Default)]
pub(super) struct PackCache {
    compiled: HashMap<PackKey, Compiled>,
    problems: HashMap<PackKey, Problems>,
}

/// The packs a config loads: `--rules` (the same for every config), or its `rules`
/// entries resolved (`None` for the built-in packs; no `rules` is `[None]`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum PackKey {
    Arguments,
    Sources(Vec<Option<PathBuf>>),
}

#[derive(Clone)]
struct Compiled {
    engine: Arc<Engine>,
    known_names: Arc<BTreeSet<String>>,
    /// Loaded and compiled without a problem.
    clean: bool,
}

impl PackCache {
    /// The engine `config`'s packs compile to, compiled the first time, with its key.
    fn get(&mut self, settings: &Settings, config: &Config) -> (PackKey, Compiled) {
        let key = if !settings.rules.is_empty() {
            PackKey::Arguments
        } else {
            match &config.rules {
                Some(entries) => PackKey::Sources(
                    entries
                        .iter()
                        .map(|e| match &e.value {
                            PackSource::Builtin => None,
                            PackSource::Path(p) => {
                                Some(std::fs::canonicalize(p).unwrap_or_else(|_| p.clone()))
                            }
                        })
                        .collect(),
                ),
                None => PackKey::Sources(vec![None]),
            }
        };
        if let Some(hit) = self.compiled.get(&key) {
            return (key, hit.clone());
        }
        let origin = if !settings.rules.is_empty() {
            load::PackOrigin::Arguments(&settings.rules)
        } else if config.rules.is_some() {
            load::PackOrigin::Config(config)
        } else {
            load::PackOrigin::Builtin
        };
        let mut found = Problems::default();
        let (packs, loaded) = load::load_packs(origin);
        found.append(loaded);
        let engine = match load::compile(packs) {
            Ok(engine) if settings.self_test => {
                let failed = selftest::problems(&engine, settings.today);
                if failed.is_empty() {
                    engine
                } else {
                    found.append(failed);
                    Engine::empty()
                }
            }
            Ok(engine) => engine,
            Err(errors) => {
                found.append(errors);
                Engine::empty()
            }
        };
        let compiled = Compiled {
            known_names: Arc::new(load::known_names(&engine)),
            engine: Arc::new(engine),
            clean: found.is_empty(),
        };
        self.problems.insert(key.clone(), found);
        self.compiled.insert(key.clone(), compiled.clone());
        (key, compiled)
    }

    /// The problems of the packs compiled for `key`, the first time they are asked for.
    fn take_problems(&mut self, key: &PackKey) -> Problems {
        self.problems.remove(key).unwrap_or_default()
    }
}
