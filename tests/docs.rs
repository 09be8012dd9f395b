//! Generated documentation stays in step with the registry: `docs/KINDS.md` is
//! `claimlint::checks::registry_markdown()`. `UPDATE_DOCS=1 cargo test --test docs`
//! rewrites it.

#[test]
fn kinds_page_matches_the_registry() {
    let generated = claimlint::checks::registry_markdown();
    let path = std::path::Path::new("docs/KINDS.md");
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(path, &generated).expect("docs/KINDS.md is writable");
        return;
    }
    let written = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        written == generated,
        "docs/KINDS.md drifted from the registry: run `UPDATE_DOCS=1 cargo test --test docs`"
    );
}

#[test]
fn every_kind_and_builtin_rule_is_on_the_page() {
    let page = claimlint::checks::registry_markdown();
    for kind in claimlint::Kind::ALL {
        assert!(page.contains(&format!("| `{kind}` |")), "{kind} missing");
    }
    for rule in claimlint::checks::builtin_rules() {
        assert!(
            page.contains(&format!("### `{}`", rule.id)),
            "{} missing",
            rule.id
        );
    }
}

/// `docs/schema/*.schema.json` are generated from the key tables the pack and config
/// readers use (`claimlint schema pack|config` prints the same).
#[test]
fn json_schemas_match_the_readers() {
    let update = std::env::var_os("UPDATE_DOCS").is_some();
    for (path, generated) in [
        (
            "docs/schema/pack.schema.json",
            claimlint::pack::keys::schema(),
        ),
        (
            "docs/schema/claimlint.schema.json",
            claimlint::workspace::config::schema(),
        ),
    ] {
        let path = std::path::Path::new(path);
        if update {
            std::fs::create_dir_all("docs/schema").expect("docs/schema is writable");
            std::fs::write(path, &generated).expect("the schema is writable");
            continue;
        }
        let written = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            written == generated,
            "{} drifted from the readers' keys: run `UPDATE_DOCS=1 cargo test --test docs`",
            path.display()
        );
    }
}
