//! CLI behaviour pinned by trycmd cases: `tests/cmd/*.toml` (arguments, stdin, exit
//! status, stdout, stderr), run against the built binary from the case's `.in` folder.

#[test]
fn cli_cases() {
    trycmd::TestCases::new()
        .env("CLAIMLINT_TODAY", "2025-12-13")
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .case("tests/cmd/*.toml");
}

/// The same input gives the same bytes whatever the number of worker threads.
#[test]
fn output_does_not_depend_on_threads() {
    let run = |jobs: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_claimlint"))
            .args([
                "check",
                "--no-config",
                "--format",
                "json",
                "--date",
                "2025-12-13",
                "-j",
                jobs,
                "corpus",
                "tests/cmd",
            ])
            .env("CLAIMLINT_TODAY", "2025-12-13")
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .expect("runs")
    };
    let one = run("1");
    let four = run("4");
    assert_eq!(
        one.status.code(),
        Some(2),
        "tests/cmd holds broken inputs on purpose"
    );
    assert!(one.stdout.len() > 1000);
    assert_eq!(one.stdout, four.stdout);
}
