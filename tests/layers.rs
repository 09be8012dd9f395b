//! The layer rule of the README's "How it works": a module imports only from its own layer
//! or lower ones, and the modules' import graph has no cycle. Read from the `crate::` paths
//! of every source file (test modules excepted: an end-to-end test may drive the engine).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Layers, lowest first, with the top-level modules in each.
const LAYERS: &[(&str, &[&str])] = &[
    (
        "model",
        &["finding", "lang", "toml_reader", "toml_schema", "escape"],
    ),
    (
        "text",
        &[
            "offsets", "decode", "format", "suppress", "sentence", "tokens", "expr", "grammar",
            "document",
        ],
    ),
    ("rules", &["pack"]),
    ("analysis", &["names", "claims", "compiled"]),
    ("checks", &["checks"]),
    ("engine", &["engine"]),
    ("application", &["workspace"]),
    ("output", &["report"]),
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|(_, mods)| mods.contains(&module))
}

/// The top-level module a source file belongs to (`src/checks/hygiene/quotes.rs` → checks).
fn module_of(path: &Path) -> Option<String> {
    let rel = path.strip_prefix("src").ok()?;
    let first = rel.components().next()?.as_os_str().to_str()?;
    Some(first.trim_end_matches(".rs").to_owned())
}

/// Top-level modules named by `crate::NAME` in the non-test part of a file.
fn imports(source: &str) -> BTreeSet<String> {
    let code = match source.find("#[cfg(test)]") {
        Some(at) => &source[..at],
        None => source,
    };
    // Comments (doc links included) are no imports.
    let code: String = code
        .lines()
        .map(|line| line.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n");
    let mut found = BTreeSet::new();
    let code = code.as_str();
    for (at, _) in code.match_indices("crate::") {
        if at > 0 && code[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
            continue; // e.g. `claimlint_crate::`
        }
        let name: String = code[at + 7..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if !name.is_empty() && name.chars().next().is_some_and(|c| c.is_ascii_lowercase()) {
            found.insert(name);
        }
    }
    found
}

fn sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src is readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// module → modules it imports, for every library module.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let mut files = Vec::new();
    sources(Path::new("src"), &mut files);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files {
        if file.file_name().is_some_and(|n| n == "tests.rs") {
            continue;
        }
        let Some(module) = module_of(&file) else {
            continue;
        };
        if matches!(module.as_str(), "lib" | "main" | "cli") {
            continue; // the crate root and the binary sit above every layer
        }
        let source = std::fs::read_to_string(&file).expect("source is readable");
        let entry = graph.entry(module.clone()).or_default();
        entry.extend(imports(&source).into_iter().filter(|m| *m != module));
    }
    graph
}

#[test]
fn every_module_has_a_layer() {
    let unplaced: Vec<String> = graph()
        .keys()
        .filter(|m| layer_of(m).is_none())
        .cloned()
        .collect();
    assert!(
        unplaced.is_empty(),
        "modules without a layer (add them to LAYERS and the README): {unplaced:?}"
    );
}

#[test]
fn no_module_imports_from_a_higher_layer() {
    let mut upward = Vec::new();
    for (module, imported) in graph() {
        let Some(own) = layer_of(&module) else {
            continue;
        };
        for other in imported {
            if layer_of(&other).is_some_and(|l| l > own) {
                upward.push(format!(
                    "{module} ({}) imports {other} ({})",
                    LAYERS[own].0,
                    LAYERS[layer_of(&other).unwrap_or(0)].0
                ));
            }
        }
    }
    assert!(upward.is_empty(), "upward imports:\n{}", upward.join("\n"));
}

#[test]
fn the_import_graph_has_no_cycle() {
    let graph = graph();
    // Depth-first search with colours: a grey node reached again closes a cycle.
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        match state.get(node) {
            Some(2) => return None,
            Some(1) => {
                let from = path.iter().position(|n| n == node).unwrap_or(0);
                let mut cycle = path[from..].to_vec();
                cycle.push(node.to_owned());
                return Some(cycle);
            }
            _ => {}
        }
        state.insert(node.to_owned(), 1);
        path.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, state, path) {
                return Some(cycle);
            }
        }
        path.pop();
        state.insert(node.to_owned(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for node in graph.keys() {
        if let Some(cycle) = visit(node, &graph, &mut state, &mut Vec::new()) {
            panic!("import cycle: {}", cycle.join(" → "));
        }
    }
}

#[test]
fn the_reader_sees_imports_and_skips_tests() {
    let source = "use crate::finding::Kind;\n/// [`crate::engine`]\nfn f() { crate::pack::load(); } // crate::report\n#[cfg(test)]\nmod tests { use crate::engine::Engine; }\n";
    let found: Vec<String> = imports(source).into_iter().collect();
    assert_eq!(found, ["finding", "pack"]);
}
