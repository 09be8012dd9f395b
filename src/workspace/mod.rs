//! The application layer: a [`Workspace`] loads the config and packs once, then checks
//! documents, builds corpus reports and decides the exit status. The command line, the
//! tests and any other front end (a server, bindings) go through it.

pub mod batch;
mod builtin;
pub mod check;
pub mod config;
pub mod fix;
pub mod inputs;
pub mod load;
pub mod outcome;
pub mod selftest;
pub mod write;

use std::path::PathBuf;
use std::sync::Arc;

use jiff::civil::Date;

pub use batch::Batch;
pub use check::{Checked, Policy};
pub use config::{Config, FailOn};
pub use inputs::Input;
pub use load::Problems;
pub use outcome::{FileInfo, Outcome, StatementInfo, Summary};

use crate::document::{DocOptions, EncodingChoice};
use crate::engine::Engine;
use crate::finding::Severity;
use crate::lang::Lang;

/// What a caller asks of a workspace: where packs and config come from, and the defaults
/// for documents that do not declare their own metadata.
#[derive(Clone, Debug)]
pub struct Settings {
    /// `--rules`: pack files or folders replacing the configured and built-in packs.
    pub rules: Vec<PathBuf>,
    /// `--no-config`.
    pub no_config: bool,
    /// `--config`; otherwise the nearest `claimlint.toml` upwards from the working folder.
    pub config: Option<PathBuf>,
    /// `--lang`; `None` for `auto`.
    pub lang: Option<Lang>,
    /// `--date`.
    pub date: Option<Date>,
    /// `--encoding`; otherwise the config's, else strict UTF-8.
    pub encoding: Option<EncodingChoice>,
    /// What "today" is, for documents with no date (the caller's clock, or a pinned day).
    pub today: Date,
    /// Per file; 0 = unlimited.
    pub max_findings: usize,
    /// `--fail-on`; otherwise the config's, else errors.
    pub fail_on: Option<FailOn>,
    /// Run the packs' claim examples while loading (a failing one is a pack problem).
    pub self_test: bool,
}

impl Settings {
    pub fn new(today: Date) -> Settings {
        Settings {
            rules: Vec::new(),
            no_config: false,
            config: None,
            lang: None,
            date: None,
            encoding: None,
            today,
            max_findings: 100_000,
            fail_on: None,
            self_test: true,
        }
    }
}

/// Config and packs loaded once, ready to check any number of documents.
pub struct Workspace {
    pub config: Config,
    /// Shared: front ends that serve many requests keep one compiled engine.
    pub engine: Arc<Engine>,
    pub opts: DocOptions,
    max_findings: usize,
    fail_on: FailOn,
    /// Problems of the config and packs: reported with every run's outcome.
    problems: Problems,
    /// A broken config: no document is checked.
    stopped: bool,
    /// What suppressions and `[severity]` may name.
    known_names: std::collections::BTreeSet<String>,
}

impl Workspace {
    /// Loads the config (unless disabled) and the packs of `--rules`, else of the config,
    /// else the built-in ones. Problems are kept, reported with the outcome, and make the
    /// run untrusted (exit 2). A broken config stops the run: nothing is checked (no
    /// fallback to other packs); broken packs leave only the built-in checks.
    pub fn load(settings: &Settings) -> Workspace {
        let mut problems = Problems::default();
        let config = match config_path(settings) {
            Some(path) => {
                let (config, found) = load::load_config(&path);
                if !found.is_empty() {
                    problems.append(found);
                    let display = load::display_path(&path);
                    problems.push(
                        crate::finding::Finding::about_file(
                            &display,
                            crate::finding::RuleId::from("config"),
                            crate::finding::Kind::ConfigError,
                            format!("{display} is broken: no document was checked"),
                        )
                        .with_severity(Severity::Info)
                        .with_help("fix the config, or run with --no-config"),
                    );
                    let mut broken =
                        Workspace::new(config, Arc::new(Engine::empty()), settings, problems);
                    broken.stopped = true;
                    return broken;
                }
                config
            }
            None => Config::default(),
        };
        let origin = if !settings.rules.is_empty() {
            load::PackOrigin::Arguments(&settings.rules)
        } else if config.rules.is_some() {
            load::PackOrigin::Config(&config)
        } else {
            load::PackOrigin::Builtin
        };
        let (packs, found) = load::load_packs(origin);
        problems.append(found);
        let engine = match load::compile(packs) {
            Ok(engine) if settings.self_test => {
                let failed = selftest::problems(&engine, settings.today);
                if failed.is_empty() {
                    engine
                } else {
                    problems.append(failed);
                    Engine::empty()
                }
            }
            Ok(engine) => engine,
            Err(found) => {
                problems.append(found);
                Engine::empty()
            }
        };
        if problems.is_empty() {
            problems.append(load::unknown_severity_keys(&config, &engine));
        }
        Workspace::new(config, Arc::new(engine), settings, problems)
    }

    /// A workspace over an engine the caller compiled, with `config`.
    pub fn with_engine(engine: Arc<Engine>, config: Config, settings: &Settings) -> Workspace {
        Workspace::new(config, engine, settings, Problems::default())
    }

    fn new(
        config: Config,
        engine: Arc<Engine>,
        settings: &Settings,
        problems: Problems,
    ) -> Workspace {
        let mut opts = DocOptions::new(settings.today);
        opts.lang = match settings.lang {
            Some(lang) => Some((lang, "cli")),
            None => config.lang.map(|l| (l, "config")),
        };
        opts.date = settings.date;
        opts.encoding = settings.encoding.or(config.encoding).unwrap_or_default();
        let known_names = load::known_names(&engine);
        let fail_on = settings
            .fail_on
            .or(config.fail_on)
            .unwrap_or(FailOn::At(Severity::Error));
        Workspace {
            config,
            engine,
            opts,
            max_findings: settings.max_findings,
            fail_on,
            problems,
            stopped: false,
            known_names,
        }
    }

    /// Problems of the config and packs.
    pub fn problems(&self) -> &Problems {
        &self.problems
    }

    pub fn policy(&self) -> Policy<'_> {
        Policy {
            config: &self.config,
            max_findings: self.max_findings,
            known_names: Some(&self.known_names),
        }
    }

    /// The inputs named by `paths` (folders walked); paths that do not exist are problems.
    /// None when a broken config stopped the run.
    pub fn inputs(&mut self, paths: &[PathBuf], stdin_name: Option<&str>) -> Vec<Input> {
        if self.stopped {
            return Vec::new();
        }
        let (inputs, missing) = inputs::collect_inputs(paths, stdin_name, &self.config);
        self.problems.findings.extend(missing);
        inputs
    }

    /// Checks one document held in memory.
    pub fn check_bytes(&self, name: &str, bytes: &[u8]) -> Checked {
        check::check_bytes(name, bytes, &self.engine, &self.opts, &self.policy())
    }

    /// Checks every input on the current rayon pool, calling `done` after each (a
    /// progress bar); results keep the inputs' order.
    pub fn check_all(&self, inputs: &[Input], done: &(dyn Fn() + Sync)) -> Vec<Checked> {
        check::check_all_with_progress(inputs, &self.engine, &self.opts, &self.policy(), done)
    }

    /// Applies the safe fixes of each checked file in place (to the bytes that were
    /// checked, through one safe writer) and checks it again: what changed, what was left
    /// and what could not be written.
    pub fn fix(&self, inputs: &[Input], results: &mut [Checked]) -> fix::Log {
        fix::apply_all(inputs, results, &self.engine, &self.opts, &self.policy())
    }

    /// The fixes as a unified diff, nothing written, and what `fix` would change.
    pub fn diff(&self, inputs: &[Input], results: &[Checked]) -> (String, fix::Log) {
        fix::diff_all(inputs, results)
    }

    /// One sorted outcome: the workspace's problems, then every document's findings.
    pub fn outcome(&self, results: &mut [Checked]) -> Outcome {
        let mut outcome = Outcome {
            findings: self.problems.findings.clone(),
            sources: self.problems.sources.clone(),
            ..Outcome::default()
        };
        for checked in results.iter_mut() {
            outcome.files.extend(checked.info.clone());
            outcome.findings.append(&mut checked.findings);
            if let Some((path, source)) = checked.source.take() {
                outcome.sources.insert(path, source);
            }
        }
        outcome.sort();
        outcome
    }

    /// The batch report of checked documents: what only a corpus shows.
    pub fn report(&self, results: &mut [Checked]) -> Batch {
        let outcome = self.outcome(results);
        batch::build(outcome, results, self.engine.packs())
    }

    /// 2 when the run cannot be trusted, else 1 when a finding reaches the failure
    /// threshold, else 0.
    pub fn exit_status(&self, outcome: &Outcome) -> i32 {
        exit_status(outcome, self.fail_on)
    }
}

/// 2 when the run cannot be trusted, else 1 when a finding reaches `fail_on`, else 0.
pub fn exit_status(outcome: &Outcome, fail_on: FailOn) -> i32 {
    if outcome.findings.iter().any(|f| f.kind.is_untrusted()) {
        return 2;
    }
    match fail_on {
        FailOn::Never => 0,
        FailOn::At(level) => i32::from(outcome.findings.iter().any(|f| f.severity >= level)),
    }
}

fn config_path(settings: &Settings) -> Option<PathBuf> {
    if settings.no_config {
        return None;
    }
    settings.config.clone().or_else(|| {
        std::env::current_dir()
            .ok()
            .and_then(|cwd| Config::discover(&cwd))
    })
}
