//! Every SARIF claimlint writes validates against the official SARIF 2.1.0 schema
//! (`tests/data/sarif-schema-2.1.0.json`): the CLI cases that ask for SARIF, every other
//! `check` case re-run with `--format sarif` (config, pack and input errors become tool
//! notifications), the shipped corpus through `check` and `report`, and a run past the
//! 25,000-result cap.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Runs the binary in `dir` with `stdin`, as `tests/cli.rs` runs the cases.
fn run(dir: &Path, args: &[String], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimlint"))
        .args(args)
        .current_dir(dir)
        .env("CLAIMLINT_TODAY", "2025-12-13")
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .env_remove("GITHUB_STEP_SUMMARY")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    if let Some(mut pipe) = child.stdin.take() {
        use std::io::Write;
        // A case that does not read stdin may close it first.
        let _ = pipe.write_all(stdin.unwrap_or_default().as_bytes());
    }
    child.wait_with_output().expect("the binary finishes")
}

/// One trycmd case: its arguments, stdin and working folder.
struct Case {
    name: String,
    args: Vec<String>,
    stdin: Option<String>,
    dir: PathBuf,
    sandbox: bool,
}

fn cases() -> Vec<Case> {
    let cmd = root().join("tests/cmd");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&cmd)
        .expect("tests/cmd")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("case readable");
            let case: toml::Table = toml::from_str(&text).expect("case is TOML");
            let args = case["args"]
                .as_array()
                .expect("args")
                .iter()
                .map(|a| a.as_str().expect("string arg").to_owned())
                .collect();
            let fs = case.get("fs").and_then(|v| v.as_table());
            let base = fs
                .and_then(|t| t.get("base"))
                .and_then(|v| v.as_str())
                .map(|b| cmd.join(b));
            let stem = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default();
            let dir = base.unwrap_or_else(|| {
                let own = cmd.join(format!("{stem}.in"));
                if own.is_dir() {
                    own
                } else {
                    cmd.clone()
                }
            });
            Case {
                name: stem.to_owned(),
                args,
                stdin: case
                    .get("stdin")
                    .and_then(|v| v.as_str())
                    .map(str::to_owned),
                dir,
                sandbox: fs
                    .and_then(|t| t.get("sandbox"))
                    .and_then(|v| v.as_bool())
                    .unwrap_or(false),
            }
        })
        .collect()
}

/// `args` with `--format sarif` instead of any other format.
fn as_sarif(args: &[String]) -> Vec<String> {
    let mut out = vec![args[0].clone(), "--format".to_owned(), "sarif".to_owned()];
    let mut rest = args[1..].iter();
    while let Some(arg) = rest.next() {
        if arg == "--format" {
            rest.next();
        } else if !arg.starts_with("--format=") {
            out.push(arg.clone());
        }
    }
    out
}

#[test]
fn every_cli_case_as_sarif_is_valid() {
    let mut validated = Vec::new();
    for case in cases() {
        let asks_sarif = case.args.iter().any(|a| a == "sarif");
        let writes_files = case.sandbox
            || case
                .args
                .iter()
                .any(|a| a == "--fix" || a == "--diff" || a == "-o" || a == "--output");
        if !(asks_sarif || case.args[0] == "check" && !writes_files) {
            continue;
        }
        let args = if asks_sarif {
            case.args.clone()
        } else {
            as_sarif(&case.args)
        };
        let out = run(&case.dir, &args, case.stdin.as_deref());
        let stdout = String::from_utf8(out.stdout).expect("SARIF is UTF-8");
        if stdout.is_empty() {
            // Bad arguments stop before any output; such a case must say why on stderr.
            assert_eq!(out.status.code(), Some(2), "{}: no SARIF", case.name);
            assert!(
                !out.stderr.is_empty(),
                "{}: no SARIF and no error",
                case.name
            );
            assert!(!asks_sarif, "{}: asks for SARIF and got none", case.name);
            continue;
        }
        common::assert_valid_sarif(&stdout);
        validated.push(case.name);
    }
    assert!(
        validated.iter().any(|n| n == "format-sarif") && validated.len() >= 20,
        "{validated:?}"
    );
}

#[test]
fn corpus_check_and_report_sarif_are_valid() {
    let runs: [&[&str]; 3] = [
        &["check", "--no-config", "--format", "sarif", "corpus"],
        &["report", "--no-config", "--format", "sarif", "corpus"],
        // Broken packs, configs and undecodable inputs on purpose: tool notifications.
        &["check", "--no-config", "--format", "sarif", "tests/cmd"],
    ];
    for args in runs {
        let args: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
        let out = run(root(), &args, None);
        let stdout = String::from_utf8(out.stdout).expect("UTF-8");
        common::assert_valid_sarif(&stdout);
        let value: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
        let results = value["runs"][0]["results"].as_array().map_or(0, Vec::len);
        assert!(results > 10, "{args:?}: {results} results");
    }
}

/// Past GitHub's 25,000 results a run, the log is cut with a notice, and still valid.
#[test]
fn capped_sarif_is_valid() {
    let text = "Il est arrivé à Mink. ".repeat(25_010);
    let out = run(
        root(),
        &[
            "check",
            "--no-config",
            "--format",
            "sarif",
            "--lang",
            "fr",
            "--max-findings",
            "0",
            "-",
            "--stdin-filename",
            "many.txt",
        ]
        .map(str::to_owned),
        Some(&text),
    );
    let stdout = String::from_utf8(out.stdout).expect("UTF-8");
    common::assert_valid_sarif(&stdout);
    let value: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    let run = &value["runs"][0];
    assert_eq!(run["results"].as_array().map(Vec::len), Some(25_000));
    let notices = run["invocations"][0]["toolExecutionNotifications"].to_string();
    assert!(notices.contains("left out"), "{notices}");
}

/// The validator does reject what code scanning rejects.
#[test]
fn the_schema_rejects_a_broken_log() {
    let broken = r#"{"version": "2.1.0", "runs": [{"tool": {"driver": {}}, "results": [{"message": {"text": "x"}, "level": "fatal"}]}]}"#;
    let value: serde_json::Value = serde_json::from_str(broken).expect("JSON");
    let errors = common::validate_json("tests/data/sarif-schema-2.1.0.json", &value)
        .expect_err("no driver name, an unknown level");
    assert!(
        errors.contains("name") && errors.contains("level"),
        "{errors}"
    );
}
