//! claimlint checks news articles against rule packs: entities and their spellings,
//! claims with known values, and editorial hygiene.
//!
//! Data flows one way: bytes → [`document::Document`] → [`engine::Engine::check`] →
//! [`finding::Finding`]s → a renderer in [`report`].

pub mod batch;
pub mod builtin;
pub mod claims;
pub mod cli;
pub mod config;
pub mod decode;
pub mod document;
pub mod drift;
pub mod engine;
pub mod explain;
pub mod expr;
pub mod finding;
pub mod fix;
pub mod format;
pub mod grammar;
pub mod hygiene;
pub mod lang;
pub mod names;
pub mod offsets;
pub mod pack;
pub mod report;
pub mod runner;
pub mod sentence;
pub mod spelling;
pub mod suppress;
pub mod toml_reader;

pub use lang::Lang;
