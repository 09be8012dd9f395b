//! Config discovery per checked file: each file goes by the nearest `claimlint.toml`
//! upwards from its folder; configs naming the same packs share one compiled engine.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use claimlint::workspace::Settings;
use claimlint::Workspace;

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("claimlint-configs-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn write(path: &Path, text: &str) {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).expect("folder");
    }
    std::fs::write(path, text).expect("write");
}

fn settings() -> Settings {
    let mut settings = Settings::new(jiff::civil::Date::constant(2025, 12, 13));
    settings.self_test = false;
    settings
}

#[test]
fn each_file_goes_by_its_nearest_config_and_equal_pack_sets_compile_once() {
    let dir = temp_dir("nearest");
    let text = "Talks with Lukashenka in Minsk went well , officials said.\n";
    // Two desks naming the built-in packs the same way; a third with no pack at all.
    write(
        &dir.join("a/claimlint.toml"),
        "rules = [\"builtin\"]\n[severity]\n\"hygiene\" = \"off\"\n",
    );
    write(&dir.join("b/claimlint.toml"), "rules = [\"builtin\"]\n");
    write(&dir.join("c/claimlint.toml"), "rules = []\n");
    for desk in ["a", "b", "c"] {
        for i in 0..20 {
            write(&dir.join(desk).join(format!("sub/{i}.txt")), text);
        }
    }
    let mut workspace = Workspace::load(&settings());
    let inputs = workspace.inputs(std::slice::from_ref(&dir), None);
    assert!(
        workspace.problems().is_empty(),
        "{:?}",
        workspace.problems().findings
    );
    assert_eq!(inputs.len(), 60);
    let configs: Vec<Option<String>> = inputs
        .iter()
        .map(|input| {
            workspace.scope_of(input).config.path.as_ref().map(|p| {
                p.parent()
                    .and_then(|d| d.file_name())
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default()
            })
        })
        .collect();
    assert_eq!(configs[0].as_deref(), Some("a"));
    assert_eq!(configs[20].as_deref(), Some("b"));
    assert_eq!(configs[40].as_deref(), Some("c"));
    let engine = |i: usize| Arc::clone(&workspace.scope_of(&inputs[i]).engine);
    assert!(
        Arc::ptr_eq(&engine(0), &engine(20)),
        "a and b name the same packs: one engine"
    );
    assert!(!Arc::ptr_eq(&engine(0), &engine(40)), "c names none");
    let results = workspace.check_all(&inputs, &|| {});
    let rules = |i: usize| -> Vec<String> {
        results[i]
            .findings
            .iter()
            .map(|f| f.rule.to_string())
            .collect()
    };
    assert_eq!(rules(0), ["belarus/lukashenko"], "hygiene is off in a");
    assert_eq!(rules(20), ["belarus/lukashenko", "hygiene/punctuation"]);
    assert_eq!(rules(40), ["hygiene/punctuation"], "no pack in c");
    let info = results[0].info.as_ref().expect("checked");
    assert!(
        info.config
            .as_deref()
            .is_some_and(|c| c.ends_with("a/claimlint.toml")),
        "{info:?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
