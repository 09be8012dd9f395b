//! claimlint checks news articles against rule packs: entities and their spellings,
//! claims with known values, and editorial hygiene.
//!
//! Data flows one way: bytes → [`document::Document`] → [`engine::Engine::check`] →
//! [`finding::Finding`]s → a renderer in [`report`].

pub mod decode;
pub mod document;
pub mod engine;
pub mod finding;
pub mod format;
pub mod lang;
pub mod names;
pub mod offsets;
pub mod pack;
pub mod spelling;
pub mod suppress;
pub mod toml_reader;

pub use lang::Lang;
