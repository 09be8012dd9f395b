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
    let out = common::fix_command("fr", &[], &file)
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
    // Asking to fix what cannot be rewritten is an error, said as a finding; the
    // findings of the text are still reported.
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("spelling.wrong"), "{stdout}");
    assert!(
        stdout.contains("-:1:1: error[input.unwritable] input/fix: --fix rewrites files in place"),
        "{stdout}"
    );
}

/// `claimlint check --no-config --lang fr ARGS…` in `dir` (`--format short` unless ARGS
/// name a format).
fn claimlint(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    let format: &[&str] = if args.contains(&"--format") {
        &[]
    } else {
        &["--format", "short"]
    };
    Command::new(env!("CARGO_BIN_EXE_claimlint"))
        .args(["check", "--no-config", "--lang", "fr"])
        .args(format)
        .args(args)
        .current_dir(dir)
        .env("CLAIMLINT_TODAY", "2025-12-13")
        .output()
        .expect("runs")
}

fn entries(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("list")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

const MINK: &str = "Le président est à Mink hier. Loukachenko à Mink.\n";
const MINSK: &str = "Le président est à Minsk hier. Loukachenko à Minsk.\n";

#[test]
fn a_file_named_twice_is_fixed_once() {
    let dir = scratch_dir("twice");
    std::fs::create_dir(dir.join("d")).expect("mkdir");
    std::fs::write(dir.join("d/a.txt"), MINK).expect("write");
    let out = claimlint(&dir, &["--fix", "d", "d/a.txt", "./d/a.txt"]);
    assert_eq!(
        std::fs::read_to_string(dir.join("d/a.txt")).expect("read"),
        MINSK
    );
    assert_eq!(out.status.code(), Some(0));
    // Each change is listed once, with a count.
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "d/a.txt:1: Mink → Minsk\nd/a.txt:1: Mink → Minsk\napplied 2 fixes in 1 file\n"
    );
    assert_eq!(entries(&dir.join("d")), ["a.txt"]);
    let _ = std::fs::remove_dir_all(&dir);
}

#[cfg(unix)]
#[test]
fn a_symlinked_article_is_fixed_through_its_link_which_stays() {
    let dir = scratch_dir("symlink");
    std::fs::create_dir(dir.join("d")).expect("mkdir");
    std::fs::write(dir.join("d/a.txt"), MINK).expect("write");
    std::os::unix::fs::symlink("a.txt", dir.join("d/link.txt")).expect("symlink");
    std::os::unix::fs::symlink("d/a.txt", dir.join("outside.txt")).expect("symlink");
    // The link in a walked folder and the file: one file, fixed once.
    let out = claimlint(&dir, &["--fix", "d"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(
        std::fs::read_to_string(dir.join("d/a.txt")).expect("read"),
        MINSK
    );
    let link = std::fs::symlink_metadata(dir.join("d/link.txt")).expect("link");
    assert!(link.file_type().is_symlink());
    // A link named alone: its target is fixed, the link stays a link.
    std::fs::write(dir.join("d/a.txt"), MINK).expect("write");
    let out = claimlint(&dir, &["--fix", "outside.txt"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(
        std::fs::read_to_string(dir.join("d/a.txt")).expect("read"),
        MINSK
    );
    let link = std::fs::symlink_metadata(dir.join("outside.txt")).expect("link");
    assert!(link.file_type().is_symlink());
    assert_eq!(entries(&dir.join("d")), ["a.txt", "link.txt"]);
    let _ = std::fs::remove_dir_all(&dir);
}

mod common;

/// Checks `path` as `claimlint check` would, then runs `--fix` with `hooks`.
fn check_then_fix(
    path: &std::path::Path,
    checked_bytes: &[u8],
    hooks: &claimlint::workspace::fix::Hooks<'_>,
) -> claimlint::workspace::fix::Applied {
    let workspace = common::workspace(&common::builtin_engine(), Some(claimlint::Lang::Fr));
    let checked = workspace.check_bytes("a.txt", checked_bytes);
    let input = claimlint::workspace::Input::File {
        path: path.to_path_buf(),
        display: "a.txt".to_owned(),
    };
    claimlint::workspace::fix::apply_with(
        &input,
        &checked,
        &workspace.engine,
        &workspace.opts,
        &workspace.policy(),
        hooks,
    )
}

fn kinds(applied: &claimlint::workspace::fix::Applied) -> Vec<&'static str> {
    applied.problems.iter().map(|f| f.kind.as_str()).collect()
}

#[test]
fn an_edit_after_the_check_is_never_overwritten() {
    let dir = scratch_dir("edited");
    let file = dir.join("a.txt");
    // The file was checked with one text, and edited before the fix.
    let edited = "Le président est à Mink hier, selon l'agence. Loukachenko à Mink.\n";
    std::fs::write(&file, edited).expect("write");
    let applied = check_then_fix(&file, MINK.as_bytes(), &Default::default());
    assert_eq!(kinds(&applied), ["input.changed"]);
    assert!(applied.changes.is_empty());
    assert_eq!(std::fs::read_to_string(&file).expect("read"), edited);
    // Edited while the fix is being written: found just before the rename.
    std::fs::write(&file, MINK).expect("write");
    let editor = |path: &std::path::Path| {
        std::fs::write(path, edited).expect("edit in place");
    };
    let hooks = claimlint::workspace::fix::Hooks {
        before_commit: Some(&editor),
    };
    let applied = check_then_fix(&file, MINK.as_bytes(), &hooks);
    assert_eq!(kinds(&applied), ["input.changed"]);
    assert_eq!(std::fs::read_to_string(&file).expect("read"), edited);
    // Replaced (an editor saving through a rename) while the fix is being written.
    std::fs::write(&file, MINK).expect("write");
    let saver = |path: &std::path::Path| {
        let other = path.with_extension("saved");
        std::fs::write(&other, edited).expect("write");
        std::fs::rename(&other, path).expect("rename");
    };
    let hooks = claimlint::workspace::fix::Hooks {
        before_commit: Some(&saver),
    };
    let applied = check_then_fix(&file, MINK.as_bytes(), &hooks);
    assert_eq!(kinds(&applied), ["input.changed"]);
    assert_eq!(std::fs::read_to_string(&file).expect("read"), edited);
    assert_eq!(entries(&dir), ["a.txt"]);
    // Unchanged: fixed, and the new text checked again.
    std::fs::write(&file, MINK).expect("write");
    let applied = check_then_fix(&file, MINK.as_bytes(), &Default::default());
    assert!(applied.problems.is_empty());
    assert_eq!(applied.changes.len(), 2);
    assert_eq!(std::fs::read_to_string(&file).expect("read"), MINSK);
    let rechecked = applied.rechecked.expect("rechecked");
    assert!(rechecked.findings.iter().all(|f| f.fix.is_none()));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn concurrent_fixers_leave_the_old_or_the_fixed_bytes() {
    let dir = scratch_dir("concurrent");
    let file = dir.join("a.txt");
    for _ in 0..10 {
        std::fs::write(&file, MINK.repeat(2000)).expect("write");
        let spawn = || {
            common::fix_command("fr", &["--fail-on", "never"], &file)
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()
                .expect("spawns")
        };
        let (a, b) = (spawn(), spawn());
        let (a, b) = (
            a.wait_with_output().expect("a"),
            b.wait_with_output().expect("b"),
        );
        assert_eq!(
            std::fs::read_to_string(&file).expect("read"),
            MINSK.repeat(2000)
        );
        // Either the second saw the fixed file (nothing to do) or it found the file
        // changed under it (exit 2, input.changed): never a second round of edits.
        for out in [&a, &b] {
            assert!(matches!(out.status.code(), Some(0 | 2)), "{out:?}");
        }
        assert_eq!(entries(&dir), ["a.txt"]);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[cfg(unix)]
#[test]
fn planted_links_are_never_followed() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch_dir("planted");
    let victim_dir = scratch_dir("planted-victim");
    let victim = victim_dir.join("victim.txt");
    std::fs::write(&victim, "secret").expect("write");
    std::fs::set_permissions(&victim, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    std::fs::write(dir.join("a.txt"), MINK).expect("write");
    // Links at the names an attacker can guess: the old fixed scheme for many process ids.
    for pid in 1..400 {
        let _ =
            std::os::unix::fs::symlink(&victim, dir.join(format!(".a.txt.claimlint-{pid}.tmp")));
    }
    let out = claimlint(&dir, &["--fix", "a.txt"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(
        std::fs::read_to_string(dir.join("a.txt")).expect("read"),
        MINSK
    );
    assert!(std::fs::symlink_metadata(dir.join("a.txt"))
        .expect("meta")
        .file_type()
        .is_file());
    assert_eq!(std::fs::read_to_string(&victim).expect("read"), "secret");
    let mode = std::fs::metadata(&victim)
        .expect("meta")
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o600);
    assert_eq!(entries(&dir).len(), 400);
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&victim_dir);
}

#[cfg(unix)]
#[test]
fn mode_and_owner_are_kept_read_only_files_refused() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let dir = scratch_dir("mode");
    let file = dir.join("a.txt");
    std::fs::write(&file, MINK).expect("write");
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    // As root, give the file to another owner: a fix must not take it back.
    let other = std::os::unix::fs::chown(&file, Some(4321), Some(4321)).is_ok();
    let before = std::fs::metadata(&file).expect("meta");
    let out = claimlint(&dir, &["--fix", "a.txt"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let after = std::fs::metadata(&file).expect("meta");
    assert_eq!(after.permissions().mode() & 0o7777, 0o640);
    assert_eq!((after.uid(), after.gid()), (before.uid(), before.gid()));
    assert!(!other || after.uid() == 4321);
    assert_eq!(std::fs::read_to_string(&file).expect("read"), MINSK);
    // Read-only: refused with a finding, exit 2, untouched.
    std::fs::write(&file, MINK).expect("write");
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let out = claimlint(&dir, &["--fix", "a.txt"]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.starts_with(
            "a.txt:1:1: error[input.unwritable] input/fix: cannot write fixes to a.txt:"
        ),
        "{stdout}"
    );
    assert!(stdout.contains("read-only"), "{stdout}");
    assert_eq!(std::fs::read_to_string(&file).expect("read"), MINK);
    assert_eq!(entries(&dir), ["a.txt"]);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn fixes_never_cross_markup() {
    let dir = scratch_dir("markup");
    let cases = [
        (
            "a.html",
            "<p>Alexandre <b>Lukashenko</b> à Mink.</p>\n",
            "<p>Alexandre <b>Lukashenko</b> à Minsk.</p>\n",
        ),
        (
            "b.html",
            "<p>Il est à Mi<i>nk</i>, et à Mink.</p>\n",
            "<p>Il est à Mi<i>nk</i>, et à Minsk.</p>\n",
        ),
        (
            "c.md",
            "Alexandre *Lukashenko* à Mink.\n",
            "Alexandre *Lukashenko* à Minsk.\n",
        ),
        (
            "d.md",
            "Alexandre [Lukashenko](https://example.org) à Mink.\n",
            "Alexandre [Lukashenko](https://example.org) à Minsk.\n",
        ),
        (
            "e.md",
            "Luka<!-- claimlint-enable -->shenko à Mink.\n",
            "Luka<!-- claimlint-enable -->shenko à Minsk.\n",
        ),
    ];
    for (name, text, _) in cases {
        std::fs::write(dir.join(name), text).expect("write");
    }
    let out = claimlint(&dir, &["--format", "json", "--fix", "."]);
    for (name, _, fixed) in cases {
        assert_eq!(
            std::fs::read_to_string(dir.join(name)).expect("read"),
            fixed,
            "{name}"
        );
    }
    // The findings left say to edit by hand, and offer no fix.
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let left: Vec<&serde_json::Value> = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| {
            d["kind"]
                .as_str()
                .is_some_and(|k| k.starts_with("spelling."))
        })
        .collect();
    assert_eq!(left.len(), 5, "{left:?}");
    for d in left {
        assert!(d.get("fix").is_none(), "{d}");
        assert!(
            d["help"]
                .as_str()
                .is_some_and(|h| h.starts_with("edit by hand")),
            "{d}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn utf16_files_are_fixed_in_utf16() {
    let dir = scratch_dir("utf16");
    let encode = |text: &str| {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        bytes
    };
    std::fs::write(dir.join("a.txt"), encode(MINK)).expect("write");
    let out = claimlint(&dir, &["--fix", "a.txt"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(
        std::fs::read(dir.join("a.txt")).expect("read"),
        encode(MINSK)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn diff_prints_the_fixes_and_writes_nothing() {
    let dir = scratch_dir("diff");
    std::fs::write(dir.join("a.txt"), MINK).expect("write");
    let without = claimlint(&dir, &["a.txt"]);
    let out = claimlint(&dir, &["--diff", "a.txt"]);
    assert_eq!(
        std::fs::read_to_string(dir.join("a.txt")).expect("read"),
        MINK
    );
    assert_eq!(out.status.code(), without.status.code());
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!("--- a/a.txt\n+++ b/a.txt\n@@ -1 +1 @@\n-{MINK}+{MINSK}")
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "a.txt:1: Mink → Minsk\na.txt:1: Mink → Minsk\nwould apply 2 fixes in 1 file\n"
    );
    assert_eq!(entries(&dir), ["a.txt"]);
    let _ = std::fs::remove_dir_all(&dir);
}

#[cfg(target_os = "linux")]
#[test]
fn output_write_errors_are_exit_2() {
    let dir = scratch_dir("full");
    std::fs::write(dir.join("a.txt"), "Rien à signaler.\n").expect("write");
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let out = Command::new(env!("CARGO_BIN_EXE_claimlint"))
        .args(["check", "--no-config", "--format", "json", "a.txt"])
        .current_dir(&dir)
        .stdout(full)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("error: cannot write the output:"));
    // A report that cannot be written: exit 2, no temporary file.
    std::fs::create_dir(dir.join("ro")).expect("mkdir");
    let out = Command::new(env!("CARGO_BIN_EXE_claimlint"))
        .args(["report", "--no-config", "a.txt", "-o", "missing/r.json"])
        .current_dir(&dir)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("error: cannot write missing/r.json"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[cfg(unix)]
#[test]
fn reports_follow_links_and_keep_them() {
    let dir = scratch_dir("report-link");
    std::fs::write(dir.join("a.txt"), MINK).expect("write");
    std::fs::write(dir.join("real.json"), "old").expect("write");
    std::os::unix::fs::symlink("real.json", dir.join("r.json")).expect("symlink");
    let out = Command::new(env!("CARGO_BIN_EXE_claimlint"))
        .args(["report", "--no-config", "a.txt", "-o", "r.json"])
        .current_dir(&dir)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(std::fs::symlink_metadata(dir.join("r.json"))
        .expect("link")
        .file_type()
        .is_symlink());
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("real.json")).expect("read")).expect("json");
    assert_eq!(json["summary"]["errors"], 2);
    assert_eq!(entries(&dir), ["a.txt", "r.json", "real.json"]);
    let _ = std::fs::remove_dir_all(&dir);
}
