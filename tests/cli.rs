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
