//! What the integration tests share: an engine over given or built-in packs, and documents
//! checked through the library's [`Workspace`] with the default config on 2025-12-13.

#![allow(dead_code)] // each test file uses part of it

use std::sync::Arc;

use claimlint::workspace::{Config, Settings};
use claimlint::{pack, Checked, Engine, Finding, Kind, Lang, Outcome, Workspace};

pub const DATE: jiff::civil::Date = jiff::civil::Date::constant(2025, 12, 13);

/// Settings of every test: documents dated 2025-12-13, no finding limit, no config file.
pub fn settings(lang: Option<Lang>) -> Settings {
    let mut settings = Settings::new(DATE);
    settings.date = Some(DATE);
    settings.lang = lang;
    settings.max_findings = 0;
    settings.no_config = true;
    settings
}

/// The built-in packs, loaded as `claimlint check` loads them.
pub fn builtin_engine() -> Arc<Engine> {
    let workspace = Workspace::load(&settings(None));
    assert!(workspace.problems().is_empty(), "the built-in packs load");
    workspace.engine
}

/// One pack from TOML text.
pub fn engine_of(name: &str, toml: &str) -> Arc<Engine> {
    let pack = pack::load(name, toml).expect("test pack loads");
    Arc::new(Engine::new(vec![pack]).expect("test packs compile"))
}

/// A workspace over `engine`, for documents in `lang` unless they declare one.
pub fn workspace(engine: &Arc<Engine>, lang: Option<Lang>) -> Workspace {
    Workspace::with_engine(Arc::clone(engine), Config::default(), &settings(lang))
}

/// Checks one document dated 2025-12-13 (unless it says otherwise), in `lang` unless it
/// declares one, with the default config and no finding limit.
pub fn check(engine: &Arc<Engine>, name: &str, bytes: &[u8], lang: Option<Lang>) -> Checked {
    workspace(engine, lang).check_bytes(name, bytes)
}

/// Moves checked documents into one sorted outcome.
pub fn outcome_of(results: &mut [Checked]) -> Outcome {
    workspace(&Arc::new(Engine::empty()), None).outcome(results)
}

/// The `spelling.*` findings of one plain-text document in `lang`.
pub fn spelling_findings(engine: &Arc<Engine>, text: &str, lang: Lang) -> Vec<Finding> {
    check(engine, "t.txt", text.as_bytes(), Some(lang))
        .findings
        .into_iter()
        .filter(|f| f.kind.as_str().starts_with("spelling."))
        .collect()
}

/// (kind, text, fix) of each finding: what a spelling test compares.
pub fn summary(found: &[Finding]) -> Vec<(Kind, &str, Option<&str>)> {
    found
        .iter()
        .map(|f| {
            (
                f.kind,
                f.text.as_str(),
                f.fix.as_ref().map(|x| x.replacement.as_str()),
            )
        })
        .collect()
}

/// Fails unless `text` is a SARIF log valid against the official SARIF 2.1.0 JSON Schema
/// (`tests/data/sarif-schema-2.1.0.json`). Every test that writes SARIF calls it.
pub fn assert_valid_sarif(text: &str) {
    let value: serde_json::Value = serde_json::from_str(text).expect("SARIF is JSON");
    if let Err(errors) = validate_json(SARIF_SCHEMA, &value) {
        panic!("SARIF invalid against the 2.1.0 schema:\n{errors}\n{text}");
    }
}

const SARIF_SCHEMA: &str = "tests/data/sarif-schema-2.1.0.json";

/// Validates `value` against the JSON Schema in the file `schema` (relative to the crate),
/// returning every error (path and reason) as text.
pub fn validate_json(schema: &str, value: &serde_json::Value) -> Result<(), String> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(schema);
    let text = std::fs::read_to_string(&path).expect("schema readable");
    let schema_value: serde_json::Value = serde_json::from_str(&text).expect("schema is JSON");
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    // Validate `format` too (uri, date-time), as code scanning does.
    compiler.enable_format_assertions();
    let url = format!("file://{}", path.display());
    compiler
        .add_resource(&url, schema_value)
        .expect("schema added");
    let index = compiler
        .compile(&url, &mut schemas)
        .unwrap_or_else(|err| panic!("{schema} compiles: {err:?}"));
    schemas
        .validate(value, index)
        .map_err(|err| format!("{err:#}"))
}

/// A TOML document as the JSON an editor validates against a schema: dates and times
/// become strings, as Taplo converts them.
pub fn toml_to_json(value: &toml::Value) -> serde_json::Value {
    use serde_json::Value;
    match value {
        toml::Value::String(s) => Value::from(s.as_str()),
        toml::Value::Integer(i) => Value::from(*i),
        toml::Value::Float(f) => Value::from(*f),
        toml::Value::Boolean(b) => Value::from(*b),
        toml::Value::Datetime(d) => Value::from(d.to_string()),
        toml::Value::Array(items) => Value::Array(items.iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => Value::Object(
            t.iter()
                .map(|(k, v)| (k.clone(), toml_to_json(v)))
                .collect(),
        ),
    }
}

/// Validates TOML text against the JSON Schema in the file `schema` (relative to the
/// crate); a TOML syntax error is an error too.
pub fn validate_toml(schema: &str, toml_text: &str) -> Result<(), String> {
    let value: toml::Value = toml::from_str(toml_text).map_err(|e| e.to_string())?;
    validate_json(schema, &toml_to_json(&value))
}

/// `claimlint check --no-config --lang LANG --format short [EXTRA…] --fix FILE`, not yet run.
pub fn fix_command(lang: &str, extra: &[&str], file: &std::path::Path) -> std::process::Command {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_claimlint"));
    command
        .args(["check", "--no-config", "--lang", lang, "--format", "short"])
        .args(extra)
        .arg("--fix")
        .arg(file);
    command
}
