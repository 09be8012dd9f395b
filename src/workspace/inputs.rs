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

/// What the config that applies to a file says of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Selection {
    /// Selected by `[files] include` (or the default extensions) and not excluded.
    Checked,
    /// Not selected by `[files] include` (or not a default extension).
    NotIncluded,
    /// Matched by `[files] exclude`.
    Excluded,
    /// Its config is broken: it is not checked (the config's problem says so).
    Stopped,
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
    let filter = Filter::new(config);
    let cwd = std::env::current_dir().unwrap_or_default();
    let (inputs, problems, _) = collect_inputs_with(args, stdin_name, &mut |p: &Path| {
        filter.select(p, &cwd.join(p))
    });
    (inputs, problems)
}

/// [`collect_inputs`] with the selection of each file told by `select` (the config that
/// applies to it: see [`super::Workspace::inputs`]). A file named explicitly is checked
/// whatever its config's `[files]` and the ignore files say (as ruff does), unless that
/// config is broken; a note says so, the third part of the result.
pub fn collect_inputs_with(
    args: &[PathBuf],
    stdin_name: Option<&str>,
    select: &mut dyn FnMut(&Path) -> Selection,
) -> (Vec<Input>, Vec<Finding>, Vec<String>) {
    let mut problems = Vec::new();
    let mut inputs = Vec::new();
    let mut notes = Vec::new();
    let mut visible = std::collections::HashMap::new();
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
                let (found, mut walk_problems) = walk(&path, select);
                inputs.extend(found);
                problems.append(&mut walk_problems);
            }
            Ok(meta) if meta.is_file() => {
                let shown = display_path(&path);
                match select(&path) {
                    Selection::Stopped => continue,
                    Selection::Excluded => notes.push(format!(
                        "{shown} matches `[files] exclude` of its config: checked because it was named"
                    )),
                    Selection::Checked | Selection::NotIncluded
                        if hidden_from_walks(&path, &mut visible) =>
                    {
                        notes.push(format!(
                            "{shown} is hidden from folder walks (a dot file, or matched by .gitignore or .ignore): checked because it was named"
                        ));
                    }
                    _ => {}
                }
                inputs.push(Input::File {
                    display: display_path(&path),
                    path,
                });
            }
            Ok(_) => problems.push(not_regular(&display_path(&path))),
            Err(err) => problems.push(unreadable(
                &display_path(&path),
                Kind::InputUnreadable,
                &reason(&err),
            )),
        }
    }
    super::fix::dedup_inputs(&mut inputs);
    (inputs, problems, notes)
}

/// Whether a walk of the file's folder would leave it out (hidden, or ignored by a
/// .gitignore or .ignore there or above); each folder is listed once.
fn hidden_from_walks(
    path: &Path,
    visible: &mut std::collections::HashMap<PathBuf, std::collections::HashSet<std::ffi::OsString>>,
) -> bool {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let Some(name) = path.file_name() else {
        return false;
    };
    let names = visible.entry(dir.clone()).or_insert_with(|| {
        ignore::WalkBuilder::new(&dir)
            .hidden(true)
            .require_git(false)
            .max_depth(Some(1))
            .build()
            .filter_map(Result::ok)
            .filter(|e| e.depth() == 1)
            .map(|e| e.file_name().to_os_string())
            .collect()
    });
    !names.contains(name)
}

/// The files of a folder that the config's globs (or the default extensions) select,
/// sorted; folders that cannot be read are findings.
fn walk(root: &Path, select: &mut dyn FnMut(&Path) -> Selection) -> (Vec<Input>, Vec<Finding>) {
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
        if select(p) != Selection::Checked {
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
pub(super) struct Filter {
    base: PathBuf,
    include: Option<globset_like::Set>,
    exclude: Option<globset_like::Set>,
}

impl Filter {
    pub(super) fn new(config: &Config) -> Filter {
        Filter {
            base: config_base(config),
            include: globs(&config.include),
            exclude: globs(&config.exclude),
        }
    }

    /// The selection of `p` (as walked or named), whose absolute path is `abs`: globs
    /// match the path relative to the config's folder.
    pub(super) fn select(&self, p: &Path, abs: &Path) -> Selection {
        let rel = abs
            .strip_prefix(&self.base)
            .or_else(|_| p.strip_prefix(&self.base))
            .unwrap_or(p);
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
        if excluded {
            Selection::Excluded
        } else if included {
            Selection::Checked
        } else {
            Selection::NotIncluded
        }
    }
}

/// The config's folder, absolute (symbolic links resolved, as the walked files' folders
/// are), so globs are relative to it whatever the working directory.
fn config_base(config: &Config) -> PathBuf {
    let dir = config
        .path
        .as_ref()
        .and_then(|p| p.parent())
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    std::fs::canonicalize(&dir).unwrap_or(dir)
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
