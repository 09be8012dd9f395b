//! `--fix` rewrites spelling in place, atomically, and reports what is left.

use std::process::Command;

fn scratch_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("claimlint-fix-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn fix_rewrites_spellings_and_rechecks() {
    let dir = scratch_dir("rewrite");
    let file = dir.join("draft.txt");
    let original = "Le président Lukashenko a reçu l'émissaire à Mink, selon la Biélorussie.\n";
    std::fs::write(&file, original).expect("write draft");
    let out = Command::new(env!("CARGO_BIN_EXE_claimlint"))
        .args([
            "check",
            "--no-config",
            "--lang",
            "fr",
            "--format",
            "short",
            "--fix",
        ])
        .arg(&file)
        .output()
        .expect("runs");
    let fixed = std::fs::read_to_string(&file).expect("read back");
    assert_eq!(
        fixed,
        "Le président Loukachenko a reçu l'émissaire à Minsk, selon le Bélarus.\n"
    );
    // Everything fixable is fixed: nothing left to report, exit 0.
    assert_eq!(String::from_utf8_lossy(&out.stdout), "");
    assert_eq!(out.status.code(), Some(0));
    // No temporary file is left beside the draft.
    let names: Vec<_> = std::fs::read_dir(&dir)
        .expect("list")
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn fix_leaves_other_findings_and_untouched_files() {
    let dir = scratch_dir("keep");
    let clean = dir.join("clean.txt");
    let text = "The envoy met Alexander Lukashenko in Minsk.\n";
    std::fs::write(&clean, text).expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_claimlint"))
        .args(["check", "--no-config", "--format", "short", "--fix"])
        .arg(&clean)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&clean).expect("read"), text);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn fix_never_touches_stdin() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimlint"))
        .args([
            "check",
            "--no-config",
            "--lang",
            "en",
            "--format",
            "short",
            "--fix",
            "-",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("runs");
    if let Some(mut stdin) = child.stdin.take() {
        use std::io::Write;
        stdin.write_all(b"Talks in Mink.\n").expect("write stdin");
    }
    let out = child.wait_with_output().expect("finishes");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("spelling.wrong"));
}
