//! `claimlint init`: a starter config and an example pack that passes `rules test`, each
//! opening with a `#:schema` line that points editors (Taplo, Even Better TOML) at the JSON
//! Schema written beside them in `.claimlint/`.

use std::path::Path;

use claimlint::escape;
use claimlint::pack::keys;
use claimlint::workspace::config;

/// Where the schemas go, relative to the folder `init` writes into.
const SCHEMA_DIR: &str = ".claimlint";

const STARTER_CONFIG: &str = r#"#:schema ./.claimlint/claimlint.schema.json
# claimlint configuration (see the README for every key)
rules = ["rules"]           # packs: files or folders, relative to this file
lang = "auto"               # default language of documents that do not declare one
fail_on = "error"           # error | warning | never

[severity]                  # by rule id, by kind, or by pack; "off" disables
# "hygiene/quotes" = "off"
# "spelling.style" = "info"

[files]
include = ["**/*.md", "**/*.txt", "**/*.html"]
exclude = []
"#;

const STARTER_PACK: &str = r#"#:schema ../.claimlint/pack.schema.json
format = 1

[pack]
id = "example"
title = "An example pack: edit it to hold what your desk knows"
langs = ["fr", "en"]

[[entity]]
id = "valdoria"
preferred = { fr = "Valdorie", en = "Valdoria" }
variants = []
wrong = ["Valdorria"]

[[claim]]
id = "valdoria-population"
about = "the population of Valdoria"
source = "National statistics office, 2025"
quantity = { approx = 2400000, tolerance = 0.05, as_of = "2025-01-01" }
patterns.fr = ["{entity:valdoria} {...} {n} d'habitants"]
patterns.en = ["{entity:valdoria} {...} {n} people"]
examples.pass = ["La Valdorie compte 2,4 millions d'habitants.", "Valdoria, home to 2.4 million people, voted."]
examples.fail = ["La Valdorie compte 5 millions d'habitants."]
"#;

/// Writes a starter config and pack, and the schemas their `#:schema` lines name; never
/// overwrites a file.
pub fn init(dir: &Path) -> i32 {
    let config = dir.join("claimlint.toml");
    let pack = dir.join("rules").join("example.toml");
    let config_schema = dir.join(SCHEMA_DIR).join("claimlint.schema.json");
    let pack_schema = dir.join(SCHEMA_DIR).join("pack.schema.json");
    for path in [&config, &pack, &config_schema, &pack_schema] {
        if path.exists() {
            eprintln!(
                "error: {} already exists; nothing written",
                escape::line(&path.display().to_string())
            );
            return 2;
        }
    }
    let written = std::fs::create_dir_all(dir.join("rules"))
        .and_then(|()| std::fs::create_dir_all(dir.join(SCHEMA_DIR)))
        .and_then(|()| std::fs::write(&config, STARTER_CONFIG))
        .and_then(|()| std::fs::write(&pack, STARTER_PACK))
        .and_then(|()| std::fs::write(&config_schema, config::schema()))
        .and_then(|()| std::fs::write(&pack_schema, keys::schema()));
    match written {
        Ok(()) => {
            println!(
                "wrote {} and {} (JSON Schemas for editors in {})",
                escape::line(&config.display().to_string()),
                escape::line(&pack.display().to_string()),
                escape::line(&dir.join(SCHEMA_DIR).display().to_string())
            );
            0
        }
        Err(err) => {
            eprintln!("error: cannot write the starter files: {err}");
            2
        }
    }
}
