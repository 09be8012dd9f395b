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

/// `init` writes a config and a pack that load, check and self-test; never overwrites.
#[test]
fn init_writes_a_working_starter() {
    let dir = std::env::temp_dir().join(format!("claimlint-init-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let bin = env!("CARGO_BIN_EXE_claimlint");
    let run = |args: &[&str]| {
        std::process::Command::new(bin)
            .args(args)
            .current_dir(&dir)
            .output()
            .expect("runs")
    };
    assert_eq!(run(&["init"]).status.code(), Some(0));
    let tested = run(&["rules", "test"]);
    assert_eq!(tested.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&tested.stdout).contains("3 examples, 3 passed"));
    std::fs::write(
        dir.join("a.txt"),
        "La Valdorie compte 5 millions d'habitants.\n",
    )
    .expect("write");
    let checked = run(&["check", "--format", "short", "a.txt"]);
    assert_eq!(checked.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&checked.stdout).contains("claim.value"));
    let again = run(&["init"]);
    assert_eq!(again.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}

/// `--color` and the colour variables: escape sequences only when asked for.
#[test]
fn colour_follows_the_flag_and_the_environment() {
    let run = |args: &[&str], env: &[(&str, &str)]| {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_claimlint"));
        command
            .args(["check", "--no-config", "--format", "pretty"])
            .args(args)
            .arg("-")
            .env_remove("NO_COLOR")
            .env_remove("FORCE_COLOR")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped());
        for (k, v) in env {
            command.env(k, v);
        }
        let mut child = command.spawn().expect("runs");
        if let Some(mut stdin) = child.stdin.take() {
            use std::io::Write;
            stdin
                .write_all(b"The envoy flew to Mink.\n")
                .expect("stdin");
        }
        let out = child.wait_with_output().expect("finishes");
        out.stdout.contains(&0x1b)
    };
    assert!(run(&["--color", "always"], &[]), "--color always");
    assert!(
        !run(&["--color", "never"], &[("FORCE_COLOR", "1")]),
        "--color never"
    );
    assert!(!run(&[], &[]), "auto: not a terminal");
    assert!(run(&[], &[("FORCE_COLOR", "1")]), "FORCE_COLOR");
    assert!(
        !run(&[], &[("FORCE_COLOR", "1"), ("NO_COLOR", "1")]),
        "NO_COLOR wins"
    );
}

/// In GitHub Actions, the job summary lists every error of the run.
#[test]
fn github_step_summary_lists_every_error() {
    let dir = std::env::temp_dir().join(format!("claimlint-summary-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let summary = dir.join("summary.md");
    let _ = std::fs::remove_file(&summary);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_claimlint"))
        .args([
            "check",
            "--no-config",
            "--format",
            "github",
            "--date",
            "2025-12-13",
            "corpus",
        ])
        .env("GITHUB_STEP_SUMMARY", &summary)
        .env("CLAIMLINT_TODAY", "2025-12-13")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let written = std::fs::read_to_string(&summary).expect("summary written");
    let annotations = String::from_utf8_lossy(&out.stdout);
    let errors: Vec<&str> = annotations
        .lines()
        .filter(|l| l.starts_with("::error "))
        .collect();
    assert!(!errors.is_empty());
    for line in errors {
        // ::error file=PATH,line=N,...
        let file = line
            .split("file=")
            .nth(1)
            .and_then(|r| r.split(',').next())
            .unwrap_or_default();
        let number = line
            .split(",line=")
            .nth(1)
            .and_then(|r| r.split(',').next())
            .unwrap_or_default();
        assert!(
            written.contains(&format!("`{file}:{number}:")),
            "{file}:{number} missing from the summary:\n{written}"
        );
    }
}

/// Pack values reach the terminal escaped in `rules list` and `explain`, never raw.
#[test]
fn pack_values_are_escaped_in_rules_list_and_explain() {
    let dir = std::env::temp_dir().join(format!("claimlint-hostile-pack-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let pack = dir.join("h.toml");
    std::fs::write(
        &pack,
        "format = 1\n[pack]\nid = \"x\"\ntitle = \"t\\u001b[2J\"\n[[entity]]\nid = \"e\"\nvariants = [\"Ab\\u202ecd\"]\n",
    )
    .expect("write pack");
    for args in [&["rules", "list"][..], &["explain", "x/e"][..]] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_claimlint"))
            .args(args)
            .arg("--no-config")
            .arg("--rules")
            .arg(&pack)
            .output()
            .expect("runs");
        let text = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(0), "{text}");
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{202e}'),
            "{text}"
        );
        assert!(text.contains("\\u{202e}"), "{text}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
