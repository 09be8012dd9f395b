//! The `claimlint` command line: arguments, commands, exit statuses.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use jiff::civil::Date;

use crate::config::{Config, FailOn};
use crate::document::DocOptions;
use crate::engine::Engine;
use crate::finding::{Kind, Severity};
use crate::lang::Lang;
use crate::report::{self, Outcome, OutputFormat, PrettyOptions};
use crate::runner::{self, Checked, Input, Policy};
use crate::{explain, fix};

#[derive(Parser, Debug)]
#[command(
    name = "claimlint",
    version,
    about = "Checks news articles against a desk's rule packs before publication"
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check files, folders (walked, .gitignore respected) or stdin (-)
    Check(CheckArgs),
    /// Batch report over a corpus: cross-document conflicts, spelling drift, totals
    Report(ReportArgs),
    /// The loaded packs and their rules
    Rules {
        #[command(subcommand)]
        command: RulesCommand,
        #[command(flatten)]
        packs: PackArgs,
    },
    /// What a rule checks, what is known, its source
    Explain {
        /// A rule id, PACK/RULE (e.g. belarus/minsk)
        rule: String,
        #[command(flatten)]
        packs: PackArgs,
    },
    /// Write a starter claimlint.toml and an example pack
    Init {
        /// Folder to write into
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
}

#[derive(Subcommand, Debug)]
enum RulesCommand {
    /// List the loaded packs and rules
    List,
    /// Run every claim rule's examples (exit 1 if one fails)
    Test {
        /// Pack ids to test (default: every loaded pack)
        packs: Vec<String>,
    },
}

#[derive(Args, Debug, Clone)]
struct PackArgs {
    /// A pack file or a folder of packs; replaces the configured and built-in packs (repeatable)
    #[arg(long = "rules", value_name = "PATH", global = true)]
    rules: Vec<PathBuf>,
    /// Ignore any claimlint.toml
    #[arg(long, global = true)]
    no_config: bool,
    /// Config file (default: the nearest claimlint.toml upwards from the working directory)
    #[arg(long, value_name = "FILE", global = true)]
    config: Option<PathBuf>,
}

/// Options shared by `check` and `report`.
#[derive(Args, Debug)]
struct RunArgs {
    /// Files, folders, or - for stdin (default: the current folder)
    paths: Vec<String>,
    #[command(flatten)]
    packs: PackArgs,
    /// Per file; past it one info finding says how many were dropped (0 = unlimited)
    #[arg(long, default_value_t = 100_000, value_name = "N")]
    max_findings: usize,
    /// Language of documents that do not declare one
    #[arg(long, value_enum, default_value_t = LangArg::Auto)]
    lang: LangArg,
    /// Publication date (YYYY-MM-DD) of documents that do not declare one
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: Option<Date>,
    /// The lowest severity that makes the exit status 1
    #[arg(long, value_enum)]
    fail_on: Option<FailOnArg>,
    /// The name (and so the format) to report for -
    #[arg(long, value_name = "NAME")]
    stdin_filename: Option<String>,
    /// Worker threads (default: all cores)
    #[arg(short = 'j', long = "jobs", value_name = "N")]
    jobs: Option<usize>,
}

#[derive(Args, Debug)]
struct CheckArgs {
    #[command(flatten)]
    run: RunArgs,
    /// Output format (default: pretty on a terminal, short otherwise)
    #[arg(long, value_enum)]
    format: Option<FormatArg>,
    /// Apply the fixes of spelling.* findings in place, atomically
    #[arg(long)]
    fix: bool,
}

#[derive(Args, Debug)]
struct ReportArgs {
    #[command(flatten)]
    run: RunArgs,
    /// The report to write: .html, .md or .json, by extension
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: PathBuf,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum LangArg {
    Fr,
    En,
    Auto,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum FormatArg {
    Pretty,
    Short,
    Json,
    Jsonl,
    Sarif,
    Github,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum FailOnArg {
    Error,
    Warning,
    Never,
}

fn parse_date(s: &str) -> Result<Date, String> {
    s.parse::<Date>()
        .map_err(|_| format!("\"{s}\" is not a date; write YYYY-MM-DD"))
}

/// Runs the command line and returns the exit status.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return if err.use_stderr() { 2 } else { 0 };
        }
    };
    match cli.command {
        Command::Check(args) => check(args),
        Command::Report(args) => batch_report(args),
        Command::Rules {
            command: RulesCommand::List,
            packs,
        } => with_engine(&packs, |engine| {
            print!("{}", explain::list(engine));
            0
        }),
        Command::Rules {
            command: RulesCommand::Test { packs: ids },
            packs,
        } => rules_test(&packs, &ids),
        Command::Explain { rule, packs } => {
            with_engine(&packs, |engine| match explain::explain(engine, &rule) {
                Some(text) => {
                    print!("{text}");
                    0
                }
                None => {
                    eprintln!("error: no rule \"{rule}\" in the loaded packs (claimlint rules list shows them)");
                    2
                }
            })
        }
        Command::Init { dir } => explain::init(&dir),
    }
}

/// Loads the config (unless disabled); its problems become findings.
fn load_config(args: &PackArgs, outcome: &mut Outcome) -> Config {
    if args.no_config {
        return Config::default();
    }
    let path = match &args.config {
        Some(p) => Some(p.clone()),
        None => std::env::current_dir()
            .ok()
            .and_then(|cwd| Config::discover(&cwd)),
    };
    let Some(path) = path else {
        return Config::default();
    };
    let display = runner::display_path(&path);
    match std::fs::read_to_string(&path) {
        Ok(source) => match Config::parse(&path, &source) {
            Ok(config) => config,
            Err(problems) => {
                runner::push_problems(
                    outcome,
                    &display,
                    &source,
                    "config",
                    Kind::ConfigError,
                    problems,
                );
                Config::default()
            }
        },
        Err(err) => {
            outcome.findings.push(runner::unreadable(
                &display,
                Kind::ConfigError,
                &err.to_string(),
            ));
            Config::default()
        }
    }
}

/// The packs of `--rules`, else of the config, else the built-in ones.
fn load_packs(args: &PackArgs, config: &Config, outcome: &mut Outcome) -> Vec<crate::pack::Pack> {
    let rules: Option<&[PathBuf]> = if !args.rules.is_empty() {
        Some(&args.rules)
    } else {
        config.rules.as_deref()
    };
    runner::load_packs(rules, outcome)
}

fn engine_for(args: &PackArgs, config: &Config, outcome: &mut Outcome) -> Engine {
    let packs = load_packs(args, config, outcome);
    runner::build_engine(packs, outcome).unwrap_or_else(Engine::empty)
}

/// Prints pack or config problems to stderr; true when there were any.
fn print_problems(mut outcome: Outcome) -> bool {
    if outcome.findings.is_empty() {
        return false;
    }
    outcome.sort();
    eprint!(
        "{}",
        report::render(&outcome, OutputFormat::Pretty, pretty_options(true))
    );
    true
}

/// For commands that only need the packs: problems are printed and exit 2.
fn with_engine(args: &PackArgs, run: impl FnOnce(&Engine) -> i32) -> i32 {
    let mut outcome = Outcome::default();
    let config = load_config(args, &mut outcome);
    let engine = engine_for(args, &config, &mut outcome);
    if print_problems(outcome) {
        return 2;
    }
    run(&engine)
}

/// `rules test`: every example of the chosen packs, with the packs' own examples not
/// holding back the load (a failing example is reported, not a load error).
fn rules_test(args: &PackArgs, ids: &[String]) -> i32 {
    let mut outcome = Outcome::default();
    let config = load_config(args, &mut outcome);
    let packs = load_packs(args, &config, &mut outcome);
    let engine = runner::build_engine_untested(packs, &mut outcome);
    if print_problems(outcome) {
        return 2;
    }
    let Some(engine) = engine else {
        return 2;
    };
    for id in ids {
        if !engine.packs().iter().any(|p| &p.id == id) {
            eprintln!("error: no pack \"{id}\" is loaded (claimlint rules list shows them)");
            return 2;
        }
    }
    let today = crate::document::today();
    let mut failed = 0;
    for (p, pack) in engine.packs().iter().enumerate() {
        if !ids.is_empty() && !ids.contains(&pack.id) {
            continue;
        }
        let results = crate::claims::selftest::run(&engine, p, today);
        println!("{} ({})", pack.id, pack.path);
        for r in &results {
            let (which, status) = (r.which(), if r.ok { "ok  " } else { "FAIL" });
            println!(
                "  {status} {} {which}{}: {}",
                r.rule,
                r.recognition(),
                r.example.value
            );
            if !r.ok {
                println!("       {}", r.detail);
            }
        }
        let bad = results.iter().filter(|r| !r.ok).count();
        failed += bad;
        println!(
            "  {} examples, {} passed, {bad} failed",
            results.len(),
            results.len() - bad
        );
    }
    i32::from(failed > 0)
}

fn pretty_options(stderr: bool) -> PrettyOptions {
    let terminal = if stderr {
        std::io::stderr().is_terminal()
    } else {
        std::io::stdout().is_terminal()
    };
    let width = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(100);
    PrettyOptions {
        color: terminal && std::env::var_os("NO_COLOR").is_none(),
        width,
        // Pack problems of `rules`/`explain` go to stderr, where no file was checked.
        summary: !stderr,
    }
}

/// A run's setup: config, engine, document options, inputs.
struct Run {
    outcome: Outcome,
    config: Config,
    engine: Engine,
    opts: DocOptions,
    inputs: Vec<Input>,
}

impl Run {
    fn new(args: &RunArgs) -> Run {
        let mut outcome = Outcome::default();
        let config = load_config(&args.packs, &mut outcome);
        let engine = engine_for(&args.packs, &config, &mut outcome);
        let mut opts = DocOptions::new(crate::document::today());
        opts.lang = match args.lang {
            LangArg::Fr => Some((Lang::Fr, "cli")),
            LangArg::En => Some((Lang::En, "cli")),
            LangArg::Auto => config.lang.map(|l| (l, "config")),
        };
        opts.date = args.date;
        let paths = if args.paths.is_empty() {
            vec![".".to_owned()]
        } else {
            args.paths.clone()
        };
        let inputs = runner::collect_inputs(
            &paths,
            args.stdin_filename.as_deref(),
            &config,
            &mut outcome,
        );
        Run {
            outcome,
            config,
            engine,
            opts,
            inputs,
        }
    }

    fn policy(&self, args: &RunArgs) -> Policy<'_> {
        Policy {
            config: &self.config,
            max_findings: args.max_findings,
        }
    }

    /// Checks every input on `-j` threads, calling `done` after each.
    fn check_all(&self, args: &RunArgs, done: &(dyn Fn() + Sync)) -> Vec<Checked> {
        let policy = self.policy(args);
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(args.jobs.unwrap_or(0))
            .build();
        let run = || {
            runner::check_all_with_progress(&self.inputs, &self.engine, &self.opts, &policy, done)
        };
        match &pool {
            Ok(pool) => pool.install(run),
            Err(_) => run(),
        }
    }

    fn fail_on(&self, args: &RunArgs) -> FailOn {
        match args.fail_on {
            Some(FailOnArg::Error) => FailOn::At(Severity::Error),
            Some(FailOnArg::Warning) => FailOn::At(Severity::Warning),
            Some(FailOnArg::Never) => FailOn::Never,
            None => self.config.fail_on.unwrap_or(FailOn::At(Severity::Error)),
        }
    }
}

/// Moves per-document results into the outcome (files, findings, sources).
fn collect(outcome: &mut Outcome, results: &mut [Checked]) {
    for checked in results {
        outcome.files.extend(checked.info.clone());
        outcome.findings.append(&mut checked.findings);
        if let Some((path, source)) = checked.source.take() {
            outcome.sources.insert(path, source);
        }
    }
}

fn check(args: CheckArgs) -> i32 {
    let run = Run::new(&args.run);
    let mut results = run.check_all(&args.run, &|| {});
    if args.fix {
        let policy = run.policy(&args.run);
        for (input, checked) in run.inputs.iter().zip(results.iter_mut()) {
            if let Some(rechecked) = fix::apply(input, checked, &run.engine, &run.opts, &policy) {
                *checked = rechecked;
            }
        }
    }
    let fail_on = run.fail_on(&args.run);
    let mut outcome = run.outcome;
    collect(&mut outcome, &mut results);
    outcome.sort();
    let format = match args.format {
        Some(FormatArg::Pretty) => OutputFormat::Pretty,
        Some(FormatArg::Short) => OutputFormat::Short,
        Some(FormatArg::Json) => OutputFormat::Json,
        Some(FormatArg::Jsonl) => OutputFormat::Jsonl,
        Some(FormatArg::Sarif) => OutputFormat::Sarif,
        Some(FormatArg::Github) => OutputFormat::Github,
        None if std::io::stdout().is_terminal() => OutputFormat::Pretty,
        None => OutputFormat::Short,
    };
    let rendered = report::render(&outcome, format, pretty_options(false));
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(rendered.as_bytes());
    let _ = stdout.flush();
    exit_status(&outcome, fail_on)
}

fn batch_report(args: ReportArgs) -> i32 {
    let extension = args
        .output
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let render: fn(&crate::batch::Batch) -> String = match extension.as_deref() {
        Some("html" | "htm") => report::html::render,
        Some("md" | "markdown") => report::batch::markdown,
        Some("json") => report::batch::json,
        _ => {
            eprintln!(
                "error: cannot tell the report format of {}: name it .html, .md or .json",
                args.output.display()
            );
            return 2;
        }
    };
    let run = Run::new(&args.run);
    // A progress bar on a terminal, for runs long enough to want one.
    let bar = if std::io::stderr().is_terminal() && run.inputs.len() > 20 {
        let bar = indicatif::ProgressBar::new(run.inputs.len() as u64);
        if let Ok(style) =
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} files {elapsed}")
        {
            bar.set_style(style);
        }
        bar
    } else {
        indicatif::ProgressBar::hidden()
    };
    let mut results = run.check_all(&args.run, &|| bar.inc(1));
    bar.finish_and_clear();
    let fail_on = run.fail_on(&args.run);
    let mut outcome = run.outcome;
    collect(&mut outcome, &mut results);
    let batch = crate::batch::build(outcome, &results);
    if let Err(err) = fix::write_atomically(&args.output, render(&batch).as_bytes()) {
        eprintln!("error: cannot write {}: {err}", args.output.display());
        return 2;
    }
    let summary = batch.outcome.summary();
    eprintln!(
        "wrote {}: {} files, {} errors, {} warnings, {} infos",
        args.output.display(),
        summary.files,
        summary.errors,
        summary.warnings,
        summary.infos
    );
    exit_status(&batch.outcome, fail_on)
}

/// 2 when the run cannot be trusted, else 1 when a finding reaches `fail_on`, else 0.
pub fn exit_status(outcome: &Outcome, fail_on: FailOn) -> i32 {
    let untrusted = outcome.findings.iter().any(|f| {
        matches!(
            f.kind,
            Kind::ConfigError
                | Kind::RulesError
                | Kind::InputEncoding
                | Kind::InputUnreadable
                | Kind::InputMetadata
        )
    });
    if untrusted {
        return 2;
    }
    match fail_on {
        FailOn::Never => 0,
        FailOn::At(level) => i32::from(outcome.findings.iter().any(|f| f.severity >= level)),
    }
}
