//! The `claimlint` command line: arguments, commands, printing, exit statuses. Everything
//! else is the library's [`Workspace`].

mod explain;
mod init;
mod lsp;
mod serve;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use jiff::civil::Date;

use claimlint::document::EncodingChoice;
use claimlint::escape;
use claimlint::report::{self, OutputFormat, PrettyOptions};
use claimlint::workspace::{selftest, FailOn, Input};
use claimlint::{Engine, Lang, Settings, Severity, Workspace};

#[derive(Parser, Debug)]
#[command(
    name = "claimlint",
    version,
    about = "Checks news articles against a desk's rule packs before publication"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// When to colour terminal output: auto (a terminal, unless NO_COLOR is set; FORCE_COLOR
    /// forces it), always, never
    #[arg(long, value_enum, default_value_t = ColorArg::Auto, global = true)]
    color: ColorArg,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum ColorArg {
    Auto,
    Always,
    Never,
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
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell)
    Completions { shell: clap_complete::Shell },
    /// Print the manual page (roff)
    Man,
    /// Print the JSON Schema of pack files or of claimlint.toml (for Taplo, Even Better TOML)
    Schema {
        #[arg(value_enum)]
        file: SchemaArg,
    },
    /// A language server over stdio: diagnostics, fixes as code actions, hover
    Lsp {
        #[command(flatten)]
        packs: PackArgs,
    },
    /// An HTTP JSON service: POST /v1/check, GET /v1/rules, GET /healthz
    Serve(ServeArgs),
}

#[derive(Args, Debug)]
struct ServeArgs {
    #[command(flatten)]
    packs: PackArgs,
    /// Address to listen on (loopback by default)
    #[arg(long, default_value = "127.0.0.1:8765", value_name = "HOST:PORT", value_parser = serve::parse_addr)]
    addr: String,
    /// Require `Authorization: Bearer TOKEN` (except on /healthz); default: $CLAIMLINT_TOKEN
    #[arg(long, value_name = "TOKEN")]
    token: Option<String>,
    /// Worker threads checking requests (default: the number of cores)
    #[arg(long, value_name = "N")]
    workers: Option<usize>,
    /// Requests waiting for a worker; past it the answer is 503
    #[arg(long, default_value_t = 64, value_name = "N")]
    queue: usize,
    /// Largest request body in bytes; past it the answer is 413
    #[arg(long, default_value_t = 10 * 1024 * 1024, value_name = "BYTES")]
    body_limit: usize,
    /// Per-request timeout in milliseconds (queue wait and check); past it the answer is 503
    #[arg(long, default_value_t = 10_000, value_name = "MS")]
    timeout_ms: u64,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum SchemaArg {
    /// A rule pack (rules/*.toml)
    Pack,
    /// claimlint.toml
    Config,
}

#[derive(Subcommand, Debug)]
enum RulesCommand {
    /// List the loaded packs and rules
    List {
        /// text (default) or json
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Run every claim rule's examples (exit 1 if one fails)
    Test {
        /// Pack ids to test (default: every loaded pack)
        packs: Vec<String>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum ListFormat {
    Text,
    Json,
}

#[derive(Args, Debug, Clone)]
struct PackArgs {
    /// A pack file or a folder of packs; replaces the configured and built-in packs (repeatable)
    #[arg(long = "rules", value_name = "PATH", global = true)]
    rules: Vec<PathBuf>,
    /// Ignore any claimlint.toml
    #[arg(long, global = true)]
    no_config: bool,
    /// One config file for every input (default: for each checked file, the nearest
    /// claimlint.toml upwards from its folder; for stdin, from the working directory)
    #[arg(long, value_name = "FILE", global = true)]
    config: Option<PathBuf>,
}

/// Options shared by `check` and `report`.
#[derive(Args, Debug)]
struct RunArgs {
    /// Files, folders, or - for stdin (default: the current folder)
    paths: Vec<PathBuf>,
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
    /// Encoding of files without a byte-order mark: a WHATWG label (windows-1252,
    /// iso-8859-1, …) or auto (detect); default strict UTF-8
    #[arg(long, value_name = "LABEL", value_parser = parse_encoding)]
    encoding: Option<EncodingChoice>,
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
    /// Apply the fixes of spelling.* findings in place, atomically, and list each change
    #[arg(long)]
    fix: bool,
    /// Print the fixes as a unified diff instead of the findings; write nothing
    #[arg(long, conflicts_with = "fix")]
    diff: bool,
    /// Show only findings at or above this severity (the exit status still follows --fail-on)
    #[arg(long, value_enum, value_name = "SEVERITY")]
    min_severity: Option<SeverityArg>,
    /// Show errors only: --min-severity error
    #[arg(short, long, conflicts_with = "min_severity")]
    quiet: bool,
    /// In pretty output, list every recognised claim statement with its verdict
    #[arg(long)]
    show_claims: bool,
    /// For the whole run: past N findings written, the rest are left out of the output and
    /// a note on stderr says how many (the summary and exit status still count them;
    /// config, pack and input errors are always written). 0 = unlimited
    #[arg(long, default_value_t = 0, value_name = "N")]
    max_findings_total: usize,
}

/// The run-wide cap of `--max-findings-total`: findings written so far and left out.
#[derive(Default)]
struct RunCap {
    limit: usize,
    written: usize,
    left_out: usize,
}

impl RunCap {
    /// Keeps the findings that fit under the cap, in order; errors of the run itself
    /// (config, pack, input) always pass.
    fn apply(&mut self, findings: &mut Vec<claimlint::finding::Finding>) {
        if self.limit == 0 {
            return;
        }
        findings.retain(|f| {
            if f.kind.is_untrusted() {
                return true;
            }
            if self.written < self.limit {
                self.written += 1;
                true
            } else {
                self.left_out += 1;
                false
            }
        });
    }

    /// The note for stderr when findings were left out.
    fn note(&self) -> Option<String> {
        (self.left_out > 0).then(|| {
            format!(
                "note: {} more findings were left out past --max-findings-total {} (the summary and exit status count them)\n",
                self.left_out, self.limit
            )
        })
    }
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum SeverityArg {
    Error,
    Warning,
    Info,
}

#[derive(Args, Debug)]
struct ReportArgs {
    #[command(flatten)]
    run: RunArgs,
    /// The report to write: .html, .md or .json, by extension
    #[arg(
        short = 'o',
        long = "output",
        value_name = "FILE",
        required_unless_present = "format"
    )]
    output: Option<PathBuf>,
    /// Also print every finding of the report, cross-document conflicts included, to
    /// stdout in a machine format (github annotations or SARIF), so they can gate CI
    #[arg(long, value_enum)]
    format: Option<ReportFormatArg>,
    /// HTML: findings per page; articles past it go to sibling pages NAME-2.html, …
    #[arg(long = "page-findings", value_name = "N", default_value_t = 2000)]
    page_findings: usize,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum ReportFormatArg {
    Github,
    Sarif,
    Json,
    Short,
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

fn parse_encoding(s: &str) -> Result<EncodingChoice, String> {
    EncodingChoice::parse(s).ok_or_else(|| {
        format!("\"{s}\" is no encoding label; write e.g. windows-1252, iso-8859-1, utf-8 or auto")
    })
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
    COLOR.set(cli.color).ok();
    match cli.command {
        Command::Check(args) => check(args),
        Command::Report(args) => batch_report(args),
        Command::Rules {
            command: RulesCommand::List { format },
            packs,
        } => with_engine(&packs, |engine| {
            match format {
                ListFormat::Text => print!("{}", escape::multiline(&explain::list(engine))),
                ListFormat::Json => println!("{}", escape::json(explain::list_json(engine))),
            }
            0
        }),
        Command::Rules {
            command: RulesCommand::Test { packs: ids },
            packs,
        } => rules_test(&packs, &ids),
        Command::Explain { rule, packs } => {
            with_engine(&packs, |engine| match explain::explain(engine, &rule) {
                Some(text) => {
                    print!("{}", escape::multiline(&text));
                    0
                }
                None => {
                    eprintln!(
                        "error: no rule \"{}\" in the loaded packs (claimlint rules list shows them)",
                        escape::line(&rule)
                    );
                    2
                }
            })
        }
        Command::Init { dir } => init::init(&dir),
        Command::Schema { file } => {
            let text = match file {
                SchemaArg::Pack => claimlint::pack::keys::schema(),
                SchemaArg::Config => claimlint::workspace::config::schema(),
            };
            match std::io::stdout().write_all(text.as_bytes()) {
                Ok(()) => 0,
                Err(err) => {
                    eprintln!("error: cannot write the output: {err}");
                    2
                }
            }
        }
        Command::Completions { shell } => {
            let mut command = Cli::command();
            clap_complete::generate(shell, &mut command, "claimlint", &mut std::io::stdout());
            0
        }
        Command::Lsp { packs } => lsp::lsp(settings(&packs)),
        Command::Serve(args) => {
            let options = serve::Options {
                addr: args.addr,
                token: args
                    .token
                    .or_else(|| std::env::var("CLAIMLINT_TOKEN").ok())
                    .filter(|t| !t.is_empty()),
                workers: args
                    .workers
                    .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, usize::from)),
                queue: args.queue,
                body_limit: args.body_limit,
                timeout: std::time::Duration::from_millis(args.timeout_ms),
            };
            serve::serve(settings(&args.packs), options)
        }
        Command::Man => {
            let mut page = Vec::new();
            match clap_mangen::Man::new(Cli::command()).render(&mut page) {
                Ok(()) => {
                    let _ = std::io::stdout().write_all(&page);
                    0
                }
                Err(err) => {
                    eprintln!("error: cannot write the manual page: {err}");
                    2
                }
            }
        }
    }
}

/// `--color`, for the renderers.
static COLOR: std::sync::OnceLock<ColorArg> = std::sync::OnceLock::new();

/// Colour on `stream` if it is a terminal, unless `NO_COLOR` is set; `FORCE_COLOR` and
/// `--color always` force it, `--color never` turns it off.
fn use_color(terminal: bool) -> bool {
    match COLOR.get().copied().unwrap_or(ColorArg::Auto) {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => {
            let set = |name| std::env::var_os(name).is_some_and(|v| !v.is_empty());
            if set("NO_COLOR") {
                false
            } else {
                set("FORCE_COLOR") || terminal
            }
        }
    }
}

/// Today's date, or `CLAIMLINT_TODAY`, which pins "today" for reproducible runs and tests.
fn today() -> Date {
    std::env::var("CLAIMLINT_TODAY")
        .ok()
        .and_then(|s| s.parse::<Date>().ok())
        .unwrap_or_else(|| jiff::ZonedDateTime::now().date())
}

fn settings(packs: &PackArgs) -> Settings {
    let mut settings = Settings::new(today());
    settings.rules.clone_from(&packs.rules);
    settings.no_config = packs.no_config;
    settings.config.clone_from(&packs.config);
    settings
}

/// Prints the workspace's config and pack problems to stderr; true when there were any.
fn print_problems(workspace: &Workspace) -> bool {
    if workspace.problems().is_empty() {
        return false;
    }
    let outcome = workspace.outcome(&mut []);
    eprint!(
        "{}",
        report::render(&outcome, OutputFormat::Pretty, pretty_options(true))
    );
    true
}

/// For commands that only need the packs: problems are printed and exit 2.
fn with_engine(args: &PackArgs, run: impl FnOnce(&Engine) -> i32) -> i32 {
    let workspace = Workspace::load(&settings(args));
    if print_problems(&workspace) {
        return 2;
    }
    run(&workspace.engine)
}

/// `rules test`: every example of the chosen packs, with the packs' own examples not
/// holding back the load (a failing example is reported, not a load error).
fn rules_test(args: &PackArgs, ids: &[String]) -> i32 {
    let mut settings = settings(args);
    settings.self_test = false;
    let workspace = Workspace::load(&settings);
    if print_problems(&workspace) {
        return 2;
    }
    let engine = &workspace.engine;
    if let Some(id) = ids
        .iter()
        .find(|id| !engine.packs().iter().any(|p| &&p.id == id))
    {
        eprintln!(
            "error: no pack \"{}\" is loaded (claimlint rules list shows them)",
            escape::line(id)
        );
        return 2;
    }
    let mut failed = 0;
    for (p, pack) in engine.packs().iter().enumerate() {
        if !ids.is_empty() && !ids.contains(&pack.id) {
            continue;
        }
        let results = selftest::run(engine, p, settings.today);
        println!("{} ({})", pack.id, escape::line(&pack.path));
        for r in &results {
            let (which, status) = (r.which(), if r.ok { "ok  " } else { "FAIL" });
            println!(
                "  {status} {} {which}{}: {}",
                r.rule,
                r.recognition(),
                escape::line(&r.example.value)
            );
            if !r.ok {
                println!("       {}", escape::line(&r.detail));
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
    // `COLUMNS` first (shells seldom export it, tests set it), then the terminal's own
    // width, so that long lines are windowed to what the editor sees.
    let width = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .or_else(|| {
            let size = if stderr {
                terminal_size::terminal_size_of(std::io::stderr())
            } else {
                terminal_size::terminal_size_of(std::io::stdout())
            };
            size.map(|(w, _)| usize::from(w.0))
        })
        .unwrap_or(100);
    PrettyOptions {
        color: use_color(terminal),
        width,
        // Pack problems of `rules`/`explain` go to stderr, where no file was checked.
        summary: !stderr,
        min_severity: Severity::Info,
        show_claims: false,
    }
}

/// A run's setup: the workspace and its inputs.
fn open(args: &RunArgs) -> (Workspace, Vec<Input>) {
    let mut settings = settings(&args.packs);
    settings.lang = match args.lang {
        LangArg::Fr => Some(Lang::Fr),
        LangArg::En => Some(Lang::En),
        LangArg::Auto => None,
    };
    settings.date = args.date;
    settings.encoding = args.encoding;
    settings.max_findings = args.max_findings;
    settings.fail_on = args.fail_on.map(|f| match f {
        FailOnArg::Error => FailOn::At(Severity::Error),
        FailOnArg::Warning => FailOn::At(Severity::Warning),
        FailOnArg::Never => FailOn::Never,
    });
    let mut workspace = Workspace::load_for_inputs(&settings);
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let inputs = workspace.inputs(&paths, args.stdin_filename.as_deref());
    for note in workspace.notes() {
        eprintln!("note: {}", escape::line(note));
    }
    if inputs.is_empty() && workspace.problems().is_empty() {
        // Nothing checked is not the same as nothing wrong: say so (as ruff does), unless
        // a reported problem (a broken config, a missing path) already says why.
        eprintln!("warning: no document to check under the given paths");
    }
    (workspace, inputs)
}

/// The number of threads `-j` asks for, at most four per core (more only costs memory);
/// 0 for rayon's default (all cores).
fn thread_count(jobs: Option<usize>) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let most = cores.saturating_mul(4);
    match jobs {
        Some(n) if n > most => {
            eprintln!("warning: -j {n} is more than {most} (4 per core): using {most}");
            most
        }
        other => other.unwrap_or(0),
    }
}

/// Runs `run` on `-j` threads, at most four per core: more only costs memory.
fn on_threads<T: Send>(jobs: Option<usize>, run: impl FnOnce() -> T + Send) -> T {
    let jobs = thread_count(jobs);
    match rayon::ThreadPoolBuilder::new().num_threads(jobs).build() {
        Ok(pool) => pool.install(run),
        Err(_) => run(),
    }
}

fn check(args: CheckArgs) -> i32 {
    let (workspace, mut inputs) = open(&args.run);
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
    let mut options = pretty_options(false);
    options.show_claims = args.show_claims;
    options.min_severity = match (args.quiet, args.min_severity) {
        (true, _) | (_, Some(SeverityArg::Error)) => Severity::Error,
        (_, Some(SeverityArg::Warning)) => Severity::Warning,
        _ => Severity::Info,
    };
    // pretty, short, jsonl and json (its diagnostics spooled to a temporary file) are
    // written file by file as documents finish (memory flat in the number of files);
    // sarif and github need the whole run (one run object, errors first across files),
    // and so do --fix, --diff and the GitHub step summary.
    let streams = !args.fix
        && !args.diff
        && matches!(
            format,
            OutputFormat::Pretty | OutputFormat::Short | OutputFormat::Jsonl | OutputFormat::Json
        )
        && std::env::var_os("GITHUB_STEP_SUMMARY").is_none_or(|p| p.is_empty());
    if streams {
        // The order the buffered formats use: by path.
        inputs.sort_by(|a, b| a.display().cmp(b.display()));
        let threads = match thread_count(args.run.jobs) {
            0 => std::thread::available_parallelism().map_or(1, usize::from),
            n => n,
        };
        let cap = RunCap {
            limit: args.max_findings_total,
            ..RunCap::default()
        };
        return check_streaming(&workspace, &inputs, format, options, threads, cap);
    }
    let mut results = on_threads(args.run.jobs, || workspace.check_all(&inputs, &|| {}));
    let mut fix_problems = Vec::new();
    let mut patch = None;
    if args.fix {
        let log = workspace.fix(&inputs, &mut results);
        let _ = std::io::stderr().write_all(log.render("applied").as_bytes());
        fix_problems = log.problems;
    } else if args.diff {
        let (diff, log) = workspace.diff(&inputs, &results);
        let _ = std::io::stderr().write_all(log.render("would apply").as_bytes());
        patch = Some(diff);
    }
    let mut outcome = workspace.outcome(&mut results);
    if !fix_problems.is_empty() {
        outcome.findings.append(&mut fix_problems);
        outcome.sort();
    }
    write_step_summary(&report::summary::render(&outcome));
    // The exit status counts every finding; --min-severity only hides some from view.
    let status = workspace.exit_status(&outcome);
    if format != OutputFormat::Pretty {
        // Pretty counts what it hides in each file's header; the others just omit it.
        outcome
            .findings
            .retain(|f| f.severity >= options.min_severity);
    }
    let mut cap = RunCap {
        limit: args.max_findings_total,
        ..RunCap::default()
    };
    cap.apply(&mut outcome.findings);
    let rendered = match patch {
        Some(diff) => diff,
        None => report::render(&outcome, format, options),
    };
    if let Some(note) = cap.note() {
        let _ = std::io::stderr().write_all(note.as_bytes());
    }
    let mut stdout = std::io::stdout().lock();
    if let Err(err) = stdout
        .write_all(rendered.as_bytes())
        .and_then(|()| stdout.flush())
    {
        let _ = writeln!(std::io::stderr(), "error: cannot write the output: {err}");
        return 2;
    }
    status
}

/// `check` written as it goes: the config, pack and input problems first, then each file
/// in path order as soon as it and those before it are checked, then the summary. Only
/// counts are kept across files.
fn check_streaming(
    workspace: &Workspace,
    inputs: &[Input],
    format: OutputFormat,
    options: PrettyOptions,
    threads: usize,
    mut cap: RunCap,
) -> i32 {
    use claimlint::workspace::{Checked, Outcome, Summary};
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut failure: Option<std::io::Error> = None;
    let mut json = None;
    if format == OutputFormat::Json {
        match tempfile::tempfile()
            .and_then(|spool| report::json::JsonStream::start(&mut out, spool))
        {
            Ok(stream) => json = Some(stream),
            Err(err) => {
                let _ = writeln!(
                    std::io::stderr(),
                    "error: cannot create a temporary file for the JSON output: {err}"
                );
                return 2;
            }
        }
    }
    let mut summary = Summary::default();
    let (mut untrusted, mut failed) = (false, false);
    let mut chunk_options = options;
    chunk_options.summary = false;
    let mut write_chunk = |mut outcome: Outcome, fail_on: FailOn, failure: &mut Option<_>| {
        untrusted |= outcome.findings.iter().any(|f| f.kind.is_untrusted());
        failed |= match fail_on {
            FailOn::Never => false,
            FailOn::At(level) => outcome.findings.iter().any(|f| f.severity >= level),
        };
        if format != OutputFormat::Pretty {
            outcome
                .findings
                .retain(|f| f.severity >= options.min_severity);
        }
        let counts = outcome.summary();
        summary.files += counts.files;
        summary.errors += counts.errors;
        summary.warnings += counts.warnings;
        summary.infos += counts.infos;
        cap.apply(&mut outcome.findings);
        if failure.is_some() || (outcome.findings.is_empty() && outcome.files.is_empty()) {
            return;
        }
        let written = match (format, json.as_mut()) {
            (_, Some(stream)) => stream.write(&mut out, &outcome),
            (OutputFormat::Jsonl, _) => report::json::write_lines_body(&outcome, &mut out),
            (OutputFormat::Short, _) => report::short::write(&outcome, &mut out),
            _ => out.write_all(report::render(&outcome, format, chunk_options).as_bytes()),
        };
        if let Err(err) = written {
            *failure = Some(err);
        }
    };
    // The problems, sorted by path, go in before the first file that sorts after them:
    // the order of the buffered formats.
    let problems = workspace.outcome(&mut []);
    let problem_fail_on = workspace.scopes()[0].fail_on;
    let mut pending = problems.findings.into_iter().peekable();
    let mut problems_before = |path: Option<&str>| {
        let mut chunk = Outcome::default();
        while let Some(f) = pending.next_if(|f| path.is_none_or(|p| f.path.as_str() < p)) {
            if let Some(source) = problems.sources.get(&f.path) {
                chunk.sources.insert(f.path.clone(), source.clone());
            }
            chunk.findings.push(f);
        }
        chunk
    };
    workspace.check_each(inputs, threads, |i, mut checked: Checked| {
        let path = checked
            .info
            .as_ref()
            .map_or(inputs[i].display(), |f| &f.path);
        let before = problems_before(Some(path));
        write_chunk(before, problem_fail_on, &mut failure);
        let fail_on = workspace.scope_of(&inputs[i]).fail_on;
        let mut outcome = Outcome {
            files: checked.info.take().into_iter().collect(),
            findings: std::mem::take(&mut checked.findings),
            ..Outcome::default()
        };
        if let Some((path, source)) = checked.source.take() {
            outcome.sources.insert(path, source);
        }
        write_chunk(outcome, fail_on, &mut failure);
    });
    write_chunk(problems_before(None), problem_fail_on, &mut failure);
    let tail = match format {
        OutputFormat::Jsonl => report::json::summary_line(summary),
        OutputFormat::Pretty if options.summary => report::pretty::summary_line(summary),
        _ => String::new(),
    };
    if failure.is_none() {
        let closed = match json {
            Some(stream) => stream.finish(&mut out, summary),
            None => Ok(()),
        };
        if let Err(err) = closed
            .and_then(|()| out.write_all(tail.as_bytes()))
            .and_then(|()| out.flush())
        {
            failure = Some(err);
        }
    }
    if let Some(note) = cap.note() {
        let _ = std::io::stderr().write_all(note.as_bytes());
    }
    if let Some(err) = failure {
        let _ = writeln!(std::io::stderr(), "error: cannot write the output: {err}");
        return 2;
    }
    if untrusted {
        2
    } else {
        i32::from(failed)
    }
}

fn batch_report(args: ReportArgs) -> i32 {
    type Render = fn(&claimlint::workspace::Batch) -> String;
    let page: Option<(&PathBuf, Render)> = match &args.output {
        None => None,
        Some(output) => {
            let extension = output
                .extension()
                .and_then(|e| e.to_str())
                .map(str::to_ascii_lowercase);
            let render: Render = match extension.as_deref() {
                Some("html" | "htm") => report::html::render,
                Some("md" | "markdown") => report::batch::markdown,
                Some("json") => report::batch::json,
                _ => {
                    eprintln!(
                        "error: cannot tell the report format of {}: name it .html, .md or .json",
                        claimlint::escape::line(&output.to_string_lossy())
                    );
                    return 2;
                }
            };
            Some((output, render))
        }
    };
    let (workspace, inputs) = open(&args.run);
    let bar = progress_bar(inputs.len());
    let mut results = on_threads(args.run.jobs, || {
        workspace.check_all(&inputs, &|| bar.inc(1))
    });
    bar.finish_and_clear();
    let batch = workspace.report(&mut results);
    write_step_summary(&report::summary::render(&batch.outcome));
    if let Some(format) = args.format {
        let format = match format {
            ReportFormatArg::Github => OutputFormat::Github,
            ReportFormatArg::Sarif => OutputFormat::Sarif,
            ReportFormatArg::Json => OutputFormat::Json,
            ReportFormatArg::Short => OutputFormat::Short,
        };
        let rendered = report::render(&batch.outcome, format, pretty_options(false));
        let mut stdout = std::io::stdout().lock();
        if let Err(err) = stdout
            .write_all(rendered.as_bytes())
            .and_then(|()| stdout.flush())
        {
            eprintln!("error: cannot write the output: {err}");
            return 2;
        }
    }
    if let Some((output, render)) = page {
        let shown = claimlint::escape::line(&output.to_string_lossy()).into_owned();
        let html = output
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
        let pages: Vec<(PathBuf, String)> = if html {
            let stem = output
                .file_stem()
                .map_or_else(|| "report".into(), |s| s.to_string_lossy().into_owned());
            report::html::render_pages(&batch, &stem, args.page_findings)
                .into_iter()
                .enumerate()
                .map(|(i, text)| {
                    let path = if i == 0 {
                        output.clone()
                    } else {
                        output.with_file_name(format!("{stem}-{}.html", i + 1))
                    };
                    (path, text)
                })
                .collect()
        } else {
            vec![(output.clone(), render(&batch))]
        };
        for (path, text) in &pages {
            if let Err(err) = claimlint::workspace::write::write_file(path, text.as_bytes()) {
                let shown = claimlint::escape::line(&path.to_string_lossy()).into_owned();
                eprintln!("error: cannot write {shown}: {err}");
                return 2;
            }
        }
        if pages.len() > 1 {
            eprintln!("{} pages: {shown} links the others", pages.len());
        }
        let summary = batch.outcome.summary();
        eprintln!(
            "wrote {shown}: {} files, {} errors, {} warnings, {} infos",
            summary.files, summary.errors, summary.warnings, summary.infos
        );
    }
    workspace.exit_status(&batch.outcome)
}

/// In a GitHub Actions job, appends the run's summary to `$GITHUB_STEP_SUMMARY` (the
/// file GitHub shows on the job's page), so findings past the annotation cap are seen.
fn write_step_summary(summary: &str) {
    let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty()) else {
        return;
    };
    let written = std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .open(&path)
        .and_then(|mut file| file.write_all(summary.as_bytes()));
    if let Err(err) = written {
        eprintln!("warning: cannot write the GitHub step summary: {err}");
    }
}

/// A progress bar on a terminal, for runs long enough to want one.
fn progress_bar(len: usize) -> indicatif::ProgressBar {
    if !std::io::stderr().is_terminal() || len <= 20 {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len as u64);
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} files {elapsed}")
    {
        bar.set_style(style);
    }
    bar
}
