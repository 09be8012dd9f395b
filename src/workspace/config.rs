//! `claimlint.toml`: packs, default language, failure threshold, severities, file globs.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::document::EncodingChoice;
use crate::finding::Severity;
use crate::lang::Lang;
use crate::toml_reader::{self, Located, Problem, TableReader};
use crate::toml_schema::{self, Key, Shape, Table};

/// The JSON Schema of `claimlint.toml` (`docs/schema/claimlint.schema.json`).
pub fn schema() -> String {
    toml_schema::render(&CONFIG_FILE, "claimlint.toml")
}

/// Every key of `claimlint.toml`, declared once: `Config::parse` reads exactly these
/// keys and `docs/schema/claimlint.schema.json` is generated from them.
pub static CONFIG_FILE: Table = Table {
    name: "claimlint",
    doc: "claimlint configuration: packs, default language and encoding, failure threshold, severities, files",
    keys: &[
        Key::optional("rules", Shape::Strings, "Packs: \"builtin\" (the packs shipped in the binary) or pack files and folders relative to this file; [] runs the hygiene checks alone"),
        Key::optional("lang", Shape::LangOrAuto, "Language of documents that do not declare one: \"fr\", \"en\" (or a regional tag such as \"fr-CA\"), or \"auto\" (detected)"),
        Key::optional("fail_on", Shape::Choice(&["error", "warning", "never"]), "Exit 1 on findings at or above this severity"),
        Key::optional("encoding", Shape::String, "Encoding of documents: \"utf-8\" (strict, the default), a WHATWG label such as \"windows-1252\", or \"auto\""),
        Key::optional("severity", Shape::Map(&Shape::Choice(&["error", "warning", "info", "off"])), "Severity by rule id, kind or pack id; \"off\" disables"),
        Key::optional("files", Shape::Table(&FILES), "Which files a folder walk checks"),
    ],
};

static FILES: Table = Table {
    name: "files",
    doc: "[files]: gitignore-style globs, relative to this file",
    keys: &[
        Key::optional(
            "include",
            Shape::Strings,
            "Files to check (default: files ending .md, .markdown, .txt, .html or .htm)",
        ),
        Key::optional("exclude", Shape::Strings, "Files never to check"),
    ],
};

/// A severity override: a level, or `off`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Off,
    On(Severity),
}

impl Level {
    pub fn parse(s: &str) -> Option<Level> {
        if s == "off" {
            Some(Level::Off)
        } else {
            Severity::parse(s).map(Level::On)
        }
    }
}

/// `--fail-on` / `fail_on`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailOn {
    At(Severity),
    Never,
}

impl FailOn {
    pub fn parse(s: &str) -> Option<FailOn> {
        if s == "never" {
            Some(FailOn::Never)
        } else {
            Severity::parse(s).map(FailOn::At)
        }
    }
}

/// An entry of `rules`: a pack file or folder, or the packs built into the binary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PackSource {
    Builtin,
    Path(PathBuf),
}

#[derive(Clone, Debug, Default)]
pub struct Config {
    pub path: Option<PathBuf>,
    pub source: String,
    /// Pack files or folders (resolved against the config's folder) or `"builtin"`, with
    /// the span of each entry in the config.
    pub rules: Option<Vec<Located<PackSource>>>,
    pub lang: Option<Lang>,
    pub fail_on: Option<FailOn>,
    /// `encoding`: a WHATWG label or `auto`.
    pub encoding: Option<EncodingChoice>,
    /// By rule id, kind or pack id.
    pub severity: BTreeMap<String, Level>,
    /// Where each `[severity]` key is written, to point at one that names nothing.
    pub severity_keys: BTreeMap<String, Range<usize>>,
    pub include: Vec<String>,
    pub exclude: Vec<String>,
}

impl Config {
    /// The nearest `claimlint.toml` from `start` upwards.
    pub fn discover(start: &Path) -> Option<PathBuf> {
        start
            .ancestors()
            .map(|dir| dir.join("claimlint.toml"))
            .find(|p| p.is_file())
    }

    pub fn parse(path: &Path, source: &str) -> Result<Config, Vec<Problem>> {
        let doc = toml_reader::parse(source).map_err(|p| vec![*p])?;
        let mut problems = Vec::new();
        let mut root = TableReader::declared(doc.get_ref(), 0..0, "claimlint.toml", &CONFIG_FILE);
        let base = path.parent().unwrap_or(Path::new("."));
        let mut config = Config {
            path: Some(path.to_path_buf()),
            source: source.to_owned(),
            ..Config::default()
        };
        if root.value("rules").is_some() {
            let rules = root.strings("rules", &mut problems);
            config.rules = Some(
                rules
                    .into_iter()
                    .map(|r| Located {
                        value: if r.value == "builtin" {
                            PackSource::Builtin
                        } else {
                            PackSource::Path(base.join(&r.value))
                        },
                        span: r.span,
                    })
                    .collect(),
            );
        }
        if let Some(lang) = root.string("lang", &mut problems) {
            match lang.value.as_str() {
                "auto" => {}
                other => match Lang::from_tag(other) {
                    Some(l) => config.lang = Some(l),
                    None => problems.push(bad_value("lang", &lang, "\"fr\", \"en\" or \"auto\"")),
                },
            }
        }
        if let Some(fail_on) = root.string("fail_on", &mut problems) {
            match FailOn::parse(&fail_on.value) {
                Some(f) => config.fail_on = Some(f),
                None => problems.push(bad_value(
                    "fail_on",
                    &fail_on,
                    "\"error\", \"warning\" or \"never\"",
                )),
            }
        }
        if let Some(label) = root.string("encoding", &mut problems) {
            match EncodingChoice::parse(&label.value) {
                Some(choice) => config.encoding = Some(choice),
                None => problems.push(bad_value(
                    "encoding",
                    &label,
                    "a WHATWG encoding label (\"utf-8\", \"windows-1252\", \"iso-8859-1\", …) or \"auto\"",
                )),
            }
        }
        if let Some(table) = root.value("severity") {
            (config.severity, config.severity_keys) = read_severity(table, &mut problems);
        }
        if let Some(mut files) = root.table("files", &mut problems) {
            config.include = globs(files.strings("include", &mut problems), &mut problems);
            config.exclude = globs(files.strings("exclude", &mut problems), &mut problems);
            files.finish(&mut problems);
        }
        root.finish(&mut problems);
        if problems.is_empty() {
            Ok(config)
        } else {
            problems.sort_by_key(|p| p.span.start);
            Err(problems)
        }
    }

    /// The level configured for a finding: rule id first, then kind, then pack.
    pub fn level(&self, rule: &str, kind: &str) -> Option<Level> {
        let pack = rule.split('/').next().unwrap_or(rule);
        [rule, kind, pack]
            .into_iter()
            .find_map(|key| self.severity.get(key).copied())
    }
}

fn bad_value(key: &str, value: &Located<String>, expected: &str) -> Problem {
    Problem::new(
        value.span.clone(),
        format!("invalid value \"{}\" for `{key}`", value.value),
        format!("expected {expected}"),
    )
}

/// Glob patterns of `[files]`; one that does not compile is a problem at its value.
fn globs(patterns: Vec<Located<String>>, problems: &mut Vec<Problem>) -> Vec<String> {
    let mut valid = Vec::new();
    for pattern in patterns {
        // Checked by the matcher the folder walk uses, so what passes here compiles there.
        let mut builder = ignore::overrides::OverrideBuilder::new("");
        let compiled = match builder.add(&pattern.value) {
            Ok(_) => builder.build().map(|_| ()),
            Err(err) => Err(err),
        };
        match compiled {
            Ok(_) => valid.push(pattern.value),
            Err(err) => problems.push(
                Problem::new(
                    pattern.span,
                    format!("invalid glob \"{}\": {err}", pattern.value),
                    "not a glob",
                )
                .with_help("globs are gitignore-style: **/*.md, drafts/**, !archive/**"),
            ),
        }
    }
    valid
}

/// `[severity]`: rule ids, kinds or packs to levels, and where each key is written.
fn read_severity(
    table: &toml::Spanned<toml::de::DeValue<'_>>,
    problems: &mut Vec<Problem>,
) -> (BTreeMap<String, Level>, BTreeMap<String, Range<usize>>) {
    let mut levels = BTreeMap::new();
    let mut keys = BTreeMap::new();
    let entries = match table.get_ref() {
        toml::de::DeValue::Table(entries) => entries,
        other => {
            problems.push(toml_reader::wrong_type(
                table.span(),
                "severity",
                "a table",
                other,
            ));
            return (levels, keys);
        }
    };
    for (key, value) in entries.iter() {
        let name = key.get_ref().to_string();
        keys.insert(name.clone(), key.span());
        let Some(level) = toml_reader::expect_string(value, &name, problems) else {
            continue;
        };
        match Level::parse(&level.value) {
            Some(l) => {
                levels.insert(name, l);
            }
            None => problems.push(bad_value(
                &name,
                &level,
                "\"error\", \"warning\", \"info\" or \"off\"",
            )),
        }
    }
    (levels, keys)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_documented_example() {
        let src = "rules = [\"rules\"]\nlang = \"fr\"\nfail_on = \"error\"\n\n[severity]\n\"hygiene/quotes\" = \"off\"\n\"spelling.style\" = \"info\"\n\n[files]\ninclude = [\"**/*.md\"]\nexclude = [\"archive/**\"]\n";
        let config = Config::parse(Path::new("/x/claimlint.toml"), src).expect("valid");
        let rules: Vec<PackSource> = config
            .rules
            .iter()
            .flatten()
            .map(|r| r.value.clone())
            .collect();
        assert_eq!(rules, [PackSource::Path(PathBuf::from("/x/rules"))]);
        let builtin =
            Config::parse(Path::new("c.toml"), "rules = [\"builtin\", \"r\"]").expect("valid");
        let first = builtin
            .rules
            .iter()
            .flatten()
            .next()
            .map(|r| r.value.clone());
        assert_eq!(first, Some(PackSource::Builtin));
        assert_eq!(config.lang, Some(Lang::Fr));
        assert_eq!(
            config.level("hygiene/quotes", "hygiene.quotes"),
            Some(Level::Off)
        );
        assert_eq!(
            config.level("belarus/minsk", "spelling.style"),
            Some(Level::On(Severity::Info))
        );
        assert_eq!(config.level("belarus/minsk", "spelling.wrong"), None);
    }

    #[test]
    fn unknown_keys_and_bad_values_point_into_the_file() {
        let src = "lang = \"de\"\ncolour = 1\n[severity]\n\"spelling.style\" = \"loud\"\n";
        let problems = Config::parse(Path::new("claimlint.toml"), src).expect_err("invalid");
        let texts: Vec<&str> = problems.iter().map(|p| &src[p.span.clone()]).collect();
        assert_eq!(texts, ["\"de\"", "colour", "\"loud\""]);
    }
}
