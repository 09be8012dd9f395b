//! A fix stopped at any moment leaves the old bytes or the new, never a mix, and no
//! temporary file (issue 9). `CLAIMLINT_KILLS=N` runs N kills instead of the default.

#![cfg(unix)]

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

mod common;

const LINE: &str = "Le président est à Mink hier. Loukachenko à Mink.\n";

fn scratch_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("claimlint-kill-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn fixer(file: &std::path::Path) -> std::process::Child {
    common::fix_command("fr", &["--max-findings", "0", "--fail-on", "never"], file)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawns")
}

/// A cheap pseudo-random sequence (no dependency): xorshift.
fn next(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

#[test]
fn kills_during_a_fix_leave_old_or_new_bytes_and_no_temp_file() {
    let dir = scratch_dir("large");
    let file = dir.join("large.txt");
    let old = LINE.repeat(4000);
    let new = old.replace("Mink", "Minsk");
    // How long one whole fix takes here: kills land anywhere in it, and densely around
    // its middle, where the file is written (a check before, a check of the result after).
    let mut whole = Duration::MAX;
    for _ in 0..2 {
        std::fs::write(&file, &old).expect("write");
        let started = Instant::now();
        let status = fixer(&file).wait().expect("runs");
        whole = whole.min(started.elapsed());
        assert_eq!(status.code(), Some(0));
        assert_eq!(std::fs::read_to_string(&file).expect("read"), new);
    }
    let kills: u64 = std::env::var("CLAIMLINT_KILLS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(12);
    let mut state = 0x9E37_79B9_7F4A_7C15_u64;
    let (mut saw_old, mut saw_new, mut sigkill_leftovers) = (0, 0, 0);
    for round in 0..kills {
        std::fs::write(&file, &old).expect("write");
        let mut child = fixer(&file);
        let fraction = (next(&mut state) % 1000) as f64 / 1000.0;
        // Half the kills in the middle third of the run.
        let at = if round % 2 == 0 {
            fraction
        } else {
            0.33 + fraction * 0.34
        };
        std::thread::sleep(Duration::from_secs_f64(whole.as_secs_f64() * at));
        let sigkill = round % 4 == 3;
        if sigkill {
            let _ = child.kill();
        } else {
            let _ = Command::new("kill")
                .args(["-TERM", &child.id().to_string()])
                .status();
        }
        let _ = child.wait();
        let now = std::fs::read_to_string(&file).expect("read");
        assert!(now == old || now == new, "round {round}: mixed bytes");
        if now == old {
            saw_old += 1;
        } else {
            saw_new += 1;
        }
        let mut names: Vec<String> = std::fs::read_dir(&dir)
            .expect("list")
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        if sigkill {
            // SIGKILL cannot be caught: a temporary file may stay behind (never the
            // article's name), with a random name; it is removed for the next round.
            for name in names.iter().filter(|n| n.ends_with(".claimlint-tmp")) {
                sigkill_leftovers += 1;
                let _ = std::fs::remove_file(dir.join(name));
            }
            names.retain(|n| !n.ends_with(".claimlint-tmp"));
        }
        assert_eq!(names, ["large.txt"], "round {round}");
    }
    eprintln!(
        "{kills} kills: {saw_old} left the old bytes, {saw_new} the new; \
         {sigkill_leftovers} SIGKILLs left a temporary file"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Stopped while its temporary file exists (held there by a test seam): SIGTERM, SIGINT
/// and SIGHUP remove it and leave the old bytes; SIGKILL leaves the old bytes and the
/// temporary file, which cannot be helped.
#[test]
fn a_signal_while_the_temporary_file_exists_removes_it() {
    let dir = scratch_dir("window");
    let file = dir.join("a.txt");
    for (signal, code, leftover) in [
        ("-TERM", 128 + 15, false),
        ("-INT", 128 + 2, false),
        ("-HUP", 128 + 1, false),
        ("-KILL", -1, true),
    ] {
        std::fs::write(&file, LINE).expect("write");
        let mut child = common::fix_command("fr", &[], &file)
            .env("CLAIMLINT_TEST_WRITE_PAUSE_MS", "60000")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawns");
        // Wait for the temporary file to appear.
        let temp = |dir: &std::path::Path| {
            std::fs::read_dir(dir)
                .expect("list")
                .filter_map(Result::ok)
                .any(|e| e.file_name().to_string_lossy().ends_with(".claimlint-tmp"))
        };
        let started = Instant::now();
        while !temp(&dir) {
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "no temporary file"
            );
            std::thread::sleep(Duration::from_millis(5));
        }
        let _ = Command::new("kill")
            .args([signal, &child.id().to_string()])
            .status();
        let status = child.wait().expect("exits");
        assert_eq!(status.code().unwrap_or(-1), code, "{signal}");
        assert_eq!(
            std::fs::read_to_string(&file).expect("read"),
            LINE,
            "{signal}"
        );
        assert_eq!(temp(&dir), leftover, "{signal}");
        for entry in std::fs::read_dir(&dir)
            .expect("list")
            .filter_map(Result::ok)
        {
            if entry.path() != file {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
