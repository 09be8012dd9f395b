//! claimlint checks news articles against rule packs: entities and their spellings,
//! claims with known values, and editorial hygiene.
//!
//! Data flows one way: bytes → [`Document`] → [`Engine::check`] (every registered
//! [`checks::Check`]) → [`Finding`]s → a renderer in [`report`]. A [`Workspace`] loads the
//! config and packs once and drives the rest; the command line is a thin layer over it.
//!
//! ```no_run
//! use claimlint::{Settings, Workspace};
//!
//! let today = jiff::civil::date(2025, 12, 13);
//! let workspace = Workspace::load(&Settings::new(today));
//! let mut results = vec![workspace.check_bytes("draft.md", b"Le pr\xc3\xa9sident est \xc3\xa0 Mink.")];
//! let outcome = workspace.outcome(&mut results);
//! assert_eq!(workspace.exit_status(&outcome), 0);
//! ```
//!
//! Layers, lowest first; a module imports only from its own layer or lower ones (a test
//! in `tests/layers.rs` holds the line):
//! model (`finding`, `lang`, `toml_reader`, `escape`) → text (`offsets`, `decode`, `format`,
//! `suppress`, `sentence`, `tokens`, `expr`, `grammar`, `document`) → rules (`pack`) → analysis
//! (`names`, `claims`, `compiled`) → checks (`checks`) → engine (`engine`) → application
//! (`workspace`) → output (`report`).

#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod checks;
pub mod claims;
pub mod compiled;
mod decode;
pub mod document;
pub mod engine;
pub mod escape;
pub mod expr;
pub mod finding;
mod format;
pub mod grammar;
pub mod lang;
mod names;
mod offsets;
pub mod pack;
pub mod report;
mod sentence;
mod suppress;
mod tokens;
mod toml_reader;
pub mod toml_schema;
pub mod workspace;

pub use document::{DocOptions, Document};
pub use engine::{Analysis, Engine};
pub use finding::{Finding, Kind, Label, RuleId, Severity, Span};
pub use lang::Lang;
pub use pack::Pack;
pub use toml_reader::Problem;
pub use workspace::{Checked, Outcome, Settings, Workspace};
