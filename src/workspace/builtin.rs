//! The packs shipped in the project's `rules/` folder, built into the binary so that
//! `claimlint check article.md` works on a fresh install.

/// (path shown in diagnostics, TOML text)
pub const PACKS: &[(&str, &str)] = &[(
    "rules/belarus.toml",
    include_str!("../../rules/belarus.toml"),
)];
