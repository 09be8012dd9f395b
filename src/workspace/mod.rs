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
pub mod scope;
pub mod selftest;
mod stream;
pub mod write;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use jiff::civil::Date;

pub use batch::Batch;
pub use check::{Checked, Policy};
pub use config::{Config, FailOn};
pub use inputs::Input;
pub use load::Problems;
pub use outcome::{FileInfo, Outcome, StatementInfo, Summary};
pub use scope::Scope;

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
    /// `--config`: one config for every input; otherwise, for each checked file, the
    /// nearest `claimlint.toml` upwards from its folder (for stdin, the working folder).
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

/// Configs and packs loaded once, ready to check any number of documents.
///
/// `config`, `engine` and `opts` are those of the working directory (or of `--config`):
/// what `rules`, `explain`, the language server and the HTTP service use. `check` and
/// `report` go further: each file is checked under the nearest `claimlint.toml` upwards
/// from its folder (see [`scope`]).
pub struct Workspace {
    pub config: Config,
    /// Shared: front ends that serve many requests keep one compiled engine.
    pub engine: Arc<Engine>,
    pub opts: DocOptions,
    max_findings: usize,
    fail_on: FailOn,
    /// Problems of the configs and packs that inputs resolved to (every one of them for
    /// [`Workspace::load`]): reported with every run's outcome.
    problems: Problems,
    /// Every config met; the first is the working directory's (or `--config`'s).
    scopes: Vec<Scope>,
    /// Look configs up per file (no `--config`, no `--no-config`).
    discover: bool,
    /// Scope by config file (canonical path; `None`: no config).
    by_config: HashMap<Option<PathBuf>, usize>,
    /// Scope and canonical path by folder, as inputs name it.
    by_dir: HashMap<PathBuf, (usize, PathBuf)>,
    packs: scope::PackCache,
    settings: Settings,
    /// Said about inputs, not findings: files named explicitly that a folder walk would
    /// have left out (checked all the same).
    notes: Vec<String>,
}

impl Workspace {
    /// Loads the config (unless disabled) and the packs of `--rules`, else of the config,
    /// else the built-in ones. Problems are kept, reported with the outcome, and make the
    /// run untrusted (exit 2). A broken config stops the run for the files it applies to:
    /// none is checked (no fallback to other packs); broken packs leave only the built-in
    /// checks.
    pub fn load(settings: &Settings) -> Workspace {
        let mut workspace = Workspace::load_for_inputs(settings);
        workspace.report_scope(0);
        workspace
    }

    /// [`Workspace::load`] for a run over inputs (`check`, `report`): the working
    /// directory's config is reported only once an input resolves to it (stdin, or a file
    /// with no nearer config), so that a broken config above the checked folders does not
    /// fail a run it plays no part in. A config named by `--config` is always reported.
    pub fn load_for_inputs(settings: &Settings) -> Workspace {
        let mut packs = scope::PackCache::default();
        let path = config_path(settings);
        let primary = Scope::load(path.as_deref(), settings, &mut packs);
        let mut workspace = Workspace::from_scope(primary, settings, Problems::default());
        workspace.packs = packs;
        workspace.discover = !settings.no_config && settings.config.is_none();
        workspace
            .by_config
            .insert(path.as_deref().map(canonical), 0);
        if !workspace.discover {
            workspace.report_scope(0);
        }
        workspace
    }

    /// Adds the problems of scope `index` (its config and packs) to the run's, once.
    fn report_scope(&mut self, index: usize) {
        if let Some(scope) = self.scopes.get_mut(index) {
            let found = scope.take_problems(&mut self.packs);
            self.problems.append(found);
        }
    }

    /// A workspace over an engine the caller compiled, with `config`.
    pub fn with_engine(engine: Arc<Engine>, config: Config, settings: &Settings) -> Workspace {
        let known = Arc::new(load::known_names(&engine));
        let scope = Scope::new(config, engine, known, settings);
        Workspace::from_scope(scope, settings, Problems::default())
    }

    fn from_scope(scope: Scope, settings: &Settings, problems: Problems) -> Workspace {
        Workspace {
            config: scope.config.clone(),
            engine: Arc::clone(&scope.engine),
            opts: scope.opts.clone(),
            max_findings: settings.max_findings,
            fail_on: scope.fail_on,
            problems,
            scopes: vec![scope],
            discover: false,
            by_config: HashMap::new(),
            by_dir: HashMap::new(),
            packs: scope::PackCache::default(),
            settings: settings.clone(),
            notes: Vec::new(),
        }
    }

    /// Problems of the configs and packs (and, after [`Workspace::inputs`], of inputs).
    pub fn problems(&self) -> &Problems {
        &self.problems
    }

    /// The policy of the working directory's config.
    pub fn policy(&self) -> Policy<'_> {
        self.scopes[0].policy(self.max_findings)
    }

    /// Notes about the inputs: explicitly named files that a folder walk would skip.
    pub fn notes(&self) -> &[String] {
        &self.notes
    }

    /// Every config met so far, the working directory's first.
    pub fn scopes(&self) -> &[Scope] {
        &self.scopes
    }

    /// The inputs named by `paths` (folders walked); paths that do not exist are problems.
    /// Each file is matched to the nearest config upwards from its folder (loaded and
    /// compiled the first time it is met, its problems then reported); files under a
    /// broken config are left out.
    pub fn inputs(&mut self, paths: &[PathBuf], stdin_name: Option<&str>) -> Vec<Input> {
        if !self.discover && self.scopes[0].stopped {
            return Vec::new();
        }
        let (inputs, missing, notes) =
            inputs::collect_inputs_with(paths, stdin_name, &mut |p: &Path| {
                let dir = p.parent().unwrap_or(Path::new(""));
                let (i, abs_dir) = self.scope_for_dir(dir);
                let abs = abs_dir.join(p.file_name().unwrap_or_default());
                self.scopes[i].select(p, &abs)
            });
        self.problems.findings.extend(missing);
        self.notes.extend(notes);
        let mut inputs = inputs;
        if inputs.iter().any(|i| matches!(i, Input::Stdin { .. })) {
            self.report_scope(0);
        }
        if self.scopes[0].stopped {
            // stdin goes by the working directory's config, which is broken.
            inputs.retain(|input| matches!(input, Input::File { .. }));
        }
        inputs
    }

    /// The scope of files in `dir`, and the folder's canonical path.
    fn scope_for_dir(&mut self, dir: &Path) -> (usize, PathBuf) {
        if let Some(found) = self.by_dir.get(dir) {
            return found.clone();
        }
        let named = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        let abs = std::fs::canonicalize(named).unwrap_or_else(|_| {
            std::env::current_dir()
                .map(|cwd| cwd.join(named))
                .unwrap_or_else(|_| named.to_path_buf())
        });
        let index = if self.discover {
            let path = Config::discover(&abs);
            let key = path.as_deref().map(canonical);
            match self.by_config.get(&key) {
                Some(&i) => i,
                None => {
                    let scope = Scope::load(path.as_deref(), &self.settings, &mut self.packs);
                    self.scopes.push(scope);
                    let i = self.scopes.len() - 1;
                    self.by_config.insert(key, i);
                    i
                }
            }
        } else {
            0
        };
        self.report_scope(index);
        self.by_dir.insert(dir.to_path_buf(), (index, abs.clone()));
        (index, abs)
    }

    /// The scope an input is checked under: stdin and inputs not collected by
    /// [`Workspace::inputs`] take the working directory's.
    pub fn scope_of(&self, input: &Input) -> &Scope {
        let index = match input {
            Input::File { path, .. } => {
                let dir = path.parent().unwrap_or(Path::new(""));
                self.by_dir.get(dir).map_or(0, |(i, _)| *i)
            }
            Input::Stdin { .. } => 0,
        };
        &self.scopes[index]
    }

    /// Checks one document held in memory, under the working directory's config.
    pub fn check_bytes(&self, name: &str, bytes: &[u8]) -> Checked {
        check::check_bytes(name, bytes, &self.engine, &self.opts, &self.policy())
    }

    /// Reads and checks one input under its config.
    pub fn check_input(&self, input: &Input) -> Checked {
        let scope = self.scope_of(input);
        let mut checked = match inputs::read_input(input) {
            Ok(bytes) => check::check_owned(
                input.display(),
                bytes,
                &scope.engine,
                &scope.opts,
                &scope.policy(self.max_findings),
            ),
            Err(err) => Checked {
                findings: vec![load::unreadable(
                    input.display(),
                    crate::finding::Kind::InputUnreadable,
                    &err.to_string(),
                )],
                ..Checked::default()
            },
        };
        if let Some(info) = &mut checked.info {
            info.config.clone_from(&scope.shown);
        }
        checked
    }

    /// Checks every input on the current rayon pool, calling `done` after each (a
    /// progress bar); results keep the inputs' order.
    pub fn check_all(&self, inputs: &[Input], done: &(dyn Fn() + Sync)) -> Vec<Checked> {
        use rayon::prelude::*;
        inputs
            .par_iter()
            .map(|input| {
                let checked = self.check_input(input);
                done();
                checked
            })
            .collect()
    }

    /// Checks every input on `threads` threads and hands each result to `emit` in the
    /// inputs' order as soon as it and all before it are done: at most a window of
    /// results is held, so memory stays flat however many inputs there are.
    pub fn check_each(&self, inputs: &[Input], threads: usize, emit: impl FnMut(usize, Checked)) {
        stream::check_in_order(inputs, threads, |input| self.check_input(input), emit);
    }

    /// Applies the safe fixes of each checked file in place (to the bytes that were
    /// checked, through one safe writer) and checks it again: what changed, what was left
    /// and what could not be written.
    pub fn fix(&self, inputs: &[Input], results: &mut [Checked]) -> fix::Log {
        let mut log = fix::Log::default();
        for (i, input) in inputs.iter().enumerate() {
            let scope = self.scope_of(input);
            let Some(result) = results.get_mut(i..=i) else {
                break;
            };
            let mut one = fix::apply_all(
                std::slice::from_ref(input),
                result,
                &scope.engine,
                &scope.opts,
                &scope.policy(self.max_findings),
            );
            for checked in result.iter_mut() {
                if let Some(info) = &mut checked.info {
                    info.config.clone_from(&scope.shown);
                }
            }
            log.changes.append(&mut one.changes);
            log.conflicts.append(&mut one.conflicts);
            log.problems.append(&mut one.problems);
        }
        log
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

    /// The batch report of checked documents: what only a corpus shows. Conflicts and
    /// drift are found across every file, whichever config each was checked under; house
    /// styles come from every pack set met.
    pub fn report(&self, results: &mut [Checked]) -> Batch {
        let outcome = self.outcome(results);
        let mut engines: Vec<&Arc<Engine>> = Vec::new();
        for scope in &self.scopes {
            if !engines.iter().any(|e| Arc::ptr_eq(e, &scope.engine)) {
                engines.push(&scope.engine);
            }
        }
        if engines.len() <= 1 {
            return batch::build(outcome, results, self.engine.packs());
        }
        let mut packs: Vec<crate::pack::Pack> = Vec::new();
        for engine in engines {
            for pack in engine.packs() {
                if !packs.iter().any(|p| p.id == pack.id) {
                    packs.push(pack.clone());
                }
            }
        }
        batch::build(outcome, results, &packs)
    }

    /// 2 when the run cannot be trusted, else 1 when a finding reaches the failure
    /// threshold of the config its file was checked under, else 0.
    pub fn exit_status(&self, outcome: &Outcome) -> i32 {
        if self.scopes.len() == 1 {
            return exit_status(outcome, self.fail_on);
        }
        if outcome.findings.iter().any(|f| f.kind.is_untrusted()) {
            return 2;
        }
        let by_file: HashMap<&str, FailOn> = outcome
            .files
            .iter()
            .map(|f| (f.path.as_str(), self.fail_on_of(f.config.as_deref())))
            .collect();
        let failed = outcome.findings.iter().any(|f| {
            let fail_on = by_file
                .get(f.path.as_str())
                .copied()
                .unwrap_or(self.fail_on);
            reaches(f.severity, fail_on)
        });
        i32::from(failed)
    }

    /// The failure threshold of the config shown as `config`.
    pub fn fail_on_of(&self, config: Option<&str>) -> FailOn {
        self.scopes
            .iter()
            .find(|s| s.shown.as_deref() == config)
            .map_or(self.fail_on, |s| s.fail_on)
    }
}

fn reaches(severity: Severity, fail_on: FailOn) -> bool {
    match fail_on {
        FailOn::Never => false,
        FailOn::At(level) => severity >= level,
    }
}

/// A config path as a key: canonical where it exists.
fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
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
