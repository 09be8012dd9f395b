//! What a run checks: files as given, folders walked (.gitignore respected, the config's
//! include/exclude applied), `-` for stdin.

use std::io::Read;
use std::path::{Path, PathBuf};

use super::config::Config;
use super::load::{display_path, unreadable};
use crate::finding::{Finding, Kind};

/// Extensions of the files a folder walk picks up.
pub const DEFAULT_EXTENSIONS: &[&str] = &["md", "markdown", "txt", "html", "htm"];

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
/// respected, config include/exclude applied), `-` for stdin. Paths that cannot be read
/// are findings with the system's reason; what is not a regular file (a FIFO, a device)
/// is skipped with an info, never opened.
pub fn collect_inputs(
    args: &[PathBuf],
    stdin_name: Option<&str>,
    config: &Config,
) -> (Vec<Input>, Vec<Finding>) {
    let mut problems = Vec::new();
    let mut inputs = Vec::new();
    let filter = Filter::new(config);
    for arg in args {
        if arg.as_os_str() == "-" {
            inputs.push(Input::Stdin {
                display: stdin_name.unwrap_or("-").to_owned(),
            });
            continue;
        }
        let path = arg.clone();
        match std::fs::metadata(&path) {
            Ok(meta) if meta.is_dir() => {
                let (found, mut walk_problems) = walk(&path, &filter);
                inputs.extend(found);
                problems.append(&mut walk_problems);
            }
            Ok(meta) if meta.is_file() => inputs.push(Input::File {
                display: display_path(&path),
                path,
            }),
            Ok(_) => problems.push(not_regular(&display_path(&path))),
            Err(err) => problems.push(unreadable(
                &display_path(&path),
                Kind::InputUnreadable,
                &reason(&err),
            )),
        }
    }
    super::fix::dedup_inputs(&mut inputs);
    (inputs, problems)
}

/// The files of a folder that the config's globs (or the default extensions) select,
/// sorted; folders that cannot be read are findings.
fn walk(root: &Path, filter: &Filter) -> (Vec<Input>, Vec<Finding>) {
    let mut found = Vec::new();
    let mut problems = Vec::new();
    for entry in ignore::WalkBuilder::new(root)
        .hidden(true)
        .require_git(false)
        .build()
    {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                let path = walk_error_path(&err).unwrap_or_else(|| root.to_path_buf());
                let reason = err.io_error().map_or_else(|| err.to_string(), reason);
                problems.push(unreadable(
                    &display_path(&path),
                    Kind::InputUnreadable,
                    &reason,
                ));
                continue;
            }
        };
        let p = entry.path();
        let Some(kind) = entry.file_type() else {
            continue; // stdin, never walked
        };
        if kind.is_dir() {
            continue;
        }
        if !filter.selects(p) {
            continue;
        }
        if p.is_file() {
            found.push(p.to_path_buf());
        } else if kind.is_symlink() && !p.exists() {
            problems.push(Finding::about_file(
                &display_path(p),
                crate::finding::RuleId::new("input", "read"),
                Kind::InputSkipped,
                format!("{} is a link to nothing: skipped", display_path(p)),
            ));
        } else if !kind.is_symlink() {
            problems.push(not_regular(&display_path(p)));
        }
    }
    found.sort();
    let inputs = found
        .into_iter()
        .map(|p| Input::File {
            display: display_path(&p),
            path: p,
        })
        .collect();
    (inputs, problems)
}

/// The path an error of the walk is about.
fn walk_error_path(err: &ignore::Error) -> Option<PathBuf> {
    match err {
        ignore::Error::WithPath { path, .. } => Some(path.clone()),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            walk_error_path(err)
        }
        ignore::Error::Loop { child, .. } => Some(child.clone()),
        _ => None,
    }
}

/// The system's reason, in words ("permission denied", "no such file or folder").
fn reason(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => err.to_string(),
    }
}

fn not_regular(display: &str) -> Finding {
    Finding::about_file(
        display,
        crate::finding::RuleId::new("input", "read"),
        Kind::InputSkipped,
        format!("{display} is not a regular file (a FIFO, socket or device): skipped"),
    )
}

/// What a folder walk picks: the config's include/exclude globs (relative to the
/// config's folder), else the default extensions.
struct Filter {
    base: PathBuf,
    include: Option<globset_like::Set>,
    exclude: Option<globset_like::Set>,
}

impl Filter {
    fn new(config: &Config) -> Filter {
        Filter {
            base: config_base(config),
            include: globs(&config.include),
            exclude: globs(&config.exclude),
        }
    }

    fn selects(&self, p: &Path) -> bool {
        let rel = p.strip_prefix(&self.base).unwrap_or(p);
        let included = match &self.include {
            Some(set) => set.is_match(rel) || set.is_match(p),
            None => p
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| DEFAULT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str())),
        };
        let excluded = self
            .exclude
            .as_ref()
            .is_some_and(|set| set.is_match(rel) || set.is_match(p));
        included && !excluded
    }
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
