//! The JSON Schemas of `docs/schema/` agree with the readers: the shipped packs, every pack
//! and config fixture the readers accept, the README's config, and the files `claimlint
//! init` writes validate; a fixture the readers reject for an unknown key, a wrong type or
//! a missing key is rejected by the schema too.

mod common;

use std::path::{Path, PathBuf};

const PACK_SCHEMA: &str = "docs/schema/pack.schema.json";
const CONFIG_SCHEMA: &str = "docs/schema/claimlint.schema.json";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.toml` under `dir`, sorted.
fn tomls(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            tomls(&path, out);
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
    out.sort();
}

/// The fixtures of the CLI cases (`tests/cmd/*.in/**.toml`): (configs, packs).
fn fixtures() -> (Vec<PathBuf>, Vec<PathBuf>) {
    let mut all = Vec::new();
    for entry in std::fs::read_dir(root().join("tests/cmd"))
        .expect("tests/cmd")
        .flatten()
    {
        if entry.path().is_dir() {
            tomls(&entry.path(), &mut all);
        }
    }
    all.into_iter()
        .partition(|p| p.file_name().is_some_and(|n| n == "claimlint.toml"))
}

/// A reader's problem the schema must see too: the shape of the file, not its meaning.
fn is_shape_problem(message: &str) -> bool {
    message.starts_with("unknown key")
        || message.contains(" must be ")
        || message.contains("missing the required key")
        || message.starts_with("the pack has no")
        || message.starts_with("invalid TOML")
        || message.starts_with("unsupported pack format")
}

#[test]
fn shipped_packs_validate() {
    let mut packs = Vec::new();
    tomls(&root().join("rules"), &mut packs);
    assert!(!packs.is_empty());
    for path in packs {
        let text = std::fs::read_to_string(&path).expect("readable");
        if let Err(errors) = common::validate_toml(PACK_SCHEMA, &text) {
            panic!("{}: {errors}", path.display());
        }
    }
}

#[test]
fn fixture_packs_validate_exactly_when_their_shape_loads() {
    let (_, packs) = fixtures();
    let mut valid = Vec::new();
    for path in &packs {
        let text = std::fs::read_to_string(path).expect("readable");
        let name = path.display().to_string();
        let schema = common::validate_toml(PACK_SCHEMA, &text);
        match claimlint::pack::load(&name, &text) {
            Ok(_) => {
                if let Err(errors) = schema {
                    panic!("{name} loads but the schema rejects it: {errors}");
                }
                valid.push(name);
            }
            Err(problems) => {
                let shape: Vec<&str> = problems
                    .iter()
                    .map(|p| p.message.as_str())
                    .filter(|m| is_shape_problem(m))
                    .collect();
                if !shape.is_empty() {
                    assert!(schema.is_err(), "{name}: the schema accepts {shape:?}");
                }
            }
        }
    }
    for expected in ["good.toml", "good-claims.toml", "desk.toml"] {
        assert!(
            valid.iter().any(|v| v.ends_with(expected)),
            "{expected}: {valid:?}"
        );
    }
}

#[test]
fn fixture_configs_validate_exactly_when_their_shape_parses() {
    let (configs, _) = fixtures();
    let mut valid = 0;
    for path in &configs {
        let text = std::fs::read_to_string(path).expect("readable");
        let schema = common::validate_toml(CONFIG_SCHEMA, &text);
        match claimlint::workspace::Config::parse(path, &text) {
            Ok(_) => {
                if let Err(errors) = schema {
                    panic!(
                        "{}: parses but the schema rejects it: {errors}",
                        path.display()
                    );
                }
                valid += 1;
            }
            Err(problems) => {
                if problems.iter().any(|p| is_shape_problem(&p.message)) {
                    assert!(schema.is_err(), "{}: the schema accepts it", path.display());
                }
            }
        }
    }
    assert!(valid >= 3, "{valid} valid configs");
}

/// The schema does reject what the reader rejects, pointing at the key.
#[test]
fn the_schemas_reject_unknown_keys_and_wrong_types() {
    let typo = "format = 1\n[pack]\nid = \"x\"\n[[entity]]\nid = \"e\"\nvariant = [\"E\"]\n";
    let errors = common::validate_toml(PACK_SCHEMA, typo).expect_err("unknown key");
    assert!(errors.contains("variant"), "{errors}");
    let level = "[severity]\n\"spelling.style\" = \"loud\"\n";
    let errors = common::validate_toml(CONFIG_SCHEMA, level).expect_err("unknown level");
    assert!(errors.contains("spelling.style"), "{errors}");
    for lang in ["fr", "en-GB", "fr_CA", "auto"] {
        let config = format!("lang = \"{lang}\"\n");
        let parsed = claimlint::workspace::Config::parse(Path::new("claimlint.toml"), &config);
        assert!(parsed.is_ok(), "{lang}");
        common::validate_toml(CONFIG_SCHEMA, &config).expect("a language the reader accepts");
    }
    assert!(common::validate_toml(CONFIG_SCHEMA, "lang = \"de\"\n").is_err());
    let quantity = "format = 1\n[pack]\nid = \"x\"\n[[claim]]\nid = \"c\"\nabout = \"a\"\nquantity = { exact = \"many\" }\n";
    assert!(common::validate_toml(PACK_SCHEMA, quantity).is_err());
}

/// The config of the README's "Configuration" section.
#[test]
fn readme_config_validates() {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README");
    let section = readme
        .split("## Configuration")
        .nth(1)
        .expect("a Configuration section");
    let block = section
        .split("```toml\n")
        .nth(1)
        .and_then(|b| b.split("```").next())
        .expect("a TOML block");
    if let Err(errors) = common::validate_toml(CONFIG_SCHEMA, block) {
        panic!("README config: {errors}\n{block}");
    }
}

/// `init` writes `#:schema` lines naming the schemas it writes beside the files; those
/// are the committed schemas, and the starter files validate against them.
#[test]
fn init_files_name_and_pass_their_schemas() {
    let dir = std::env::temp_dir().join(format!("claimlint-init-schema-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_claimlint"))
        .arg("init")
        .current_dir(&dir)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    for (file, committed) in [
        ("claimlint.toml", CONFIG_SCHEMA),
        ("rules/example.toml", PACK_SCHEMA),
    ] {
        let path = dir.join(file);
        let text = std::fs::read_to_string(&path).expect("written");
        let first = text.lines().next().unwrap_or_default();
        let target = first
            .strip_prefix("#:schema ")
            .unwrap_or_else(|| panic!("{file} opens with {first:?}"));
        // Taplo resolves a relative path against the file's folder.
        let schema = path.parent().expect("a folder").join(target);
        let written = std::fs::read_to_string(&schema).expect("the named schema exists");
        let expected = std::fs::read_to_string(root().join(committed)).expect("committed");
        assert_eq!(written, expected, "{file}: {target}");
        if let Err(errors) = common::validate_toml(committed, &text) {
            panic!("{file}: {errors}\n{text}");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
