//! What a run is given and cannot check is said, never skipped in silence: missing paths,
//! unreadable folders, FIFOs and devices (never opened), links to nothing.

#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("claimlint-inputs-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn check(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimlint"))
        .args(["check", "--no-config", "--format", "short"])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("claimlint runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn mkfifo(path: &Path) -> bool {
    Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success())
}

#[test]
fn a_fifo_is_skipped_with_an_info_and_never_opened() {
    let dir = temp_dir("fifo");
    std::fs::write(dir.join("a.md"), "Clean text.\n").expect("write");
    if !mkfifo(&dir.join("pipe.md")) {
        return; // no mkfifo here
    }
    // Opening the FIFO for reading would block forever: the run must end.
    for args in [&["."][..], &["pipe.md", "a.md"][..]] {
        let out = check(&dir, args);
        let text = stdout(&out);
        assert!(
            text.contains("pipe.md:1:1: info[input.skipped]")
                && text.contains("not a regular file"),
            "{text}"
        );
        assert_eq!(out.status.code(), Some(0), "{text}");
    }
}

#[test]
fn a_device_named_explicitly_is_skipped() {
    let out = check(Path::new("."), &["/dev/null"]);
    let text = stdout(&out);
    assert!(
        text.contains("/dev/null:1:1: info[input.skipped]"),
        "{text}"
    );
}

#[test]
fn a_missing_path_gives_its_reason_and_exit_2() {
    let dir = temp_dir("missing");
    let out = check(&dir, &["nowhere.md"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout(&out).contains("cannot read nowhere.md: no such file or folder"));
}

#[test]
fn a_link_to_nothing_in_a_folder_is_said() {
    let dir = temp_dir("dangling");
    std::os::unix::fs::symlink(dir.join("gone.md"), dir.join("link.md")).expect("symlink");
    let out = check(&dir, &["."]);
    assert!(
        stdout(&out).contains("link.md is a link to nothing"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn an_unreadable_folder_is_an_error_with_the_reason() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp_dir("unreadable");
    let locked = dir.join("locked");
    std::fs::create_dir_all(&locked).expect("dir");
    std::fs::write(locked.join("a.md"), "Text.\n").expect("write");
    std::fs::write(dir.join("b.md"), "Text.\n").expect("write");
    let open = std::fs::Permissions::from_mode(0o777);
    std::fs::set_permissions(&dir, open).expect("chmod");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    // Root reads every folder: run as an unprivileged user where we are root.
    let privileged = std::fs::read_dir(&locked).is_ok();
    let mut command = if privileged {
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"]);
        c.arg(env!("CARGO_BIN_EXE_claimlint"));
        c
    } else {
        Command::new(env!("CARGO_BIN_EXE_claimlint"))
    };
    let out = command
        .args(["check", "--no-config", "--format", "short", "."])
        .current_dir(&dir)
        .output();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let Ok(out) = out else {
        return; // no setpriv: nothing to observe as root
    };
    let text = stdout(&out);
    assert_eq!(
        out.status.code(),
        Some(2),
        "{text} {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        text.contains("locked") && text.contains("permission denied"),
        "{text}"
    );
}

#[test]
fn a_fifo_as_config_or_pack_is_refused_not_read() {
    let dir = temp_dir("fifo-rules");
    std::fs::write(dir.join("a.md"), "Clean text.\n").expect("write");
    if !mkfifo(&dir.join("rules.fifo")) {
        return;
    }
    for args in [
        &["--rules", "rules.fifo", "a.md"][..],
        &["--config", "rules.fifo", "a.md"][..],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_claimlint"))
            .args(["check", "--format", "short"])
            .args(args)
            .current_dir(&dir)
            .output()
            .expect("runs");
        let text = stdout(&out);
        assert_eq!(out.status.code(), Some(2), "{text}");
        assert!(text.contains("not a regular file"), "{text}");
    }
}
