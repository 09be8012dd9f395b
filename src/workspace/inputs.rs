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
/// respected, config include/exclude applied), `-` for stdin. Missing paths are findings.
pub fn collect_inputs(
    args: &[String],
    stdin_name: Option<&str>,
    config: &Config,
) -> (Vec<Input>, Vec<Finding>) {
    let mut problems = Vec::new();
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
            problems.push(unreadable(
                arg,
                Kind::InputUnreadable,
                "no such file or folder",
            ));
        }
    }
    (inputs, problems)
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
