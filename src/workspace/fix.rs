//! `--fix`: applies the replacements of `spelling.*` findings to the file, atomically
//! (a temporary file beside it, then a rename), and checks the result again.

use std::io::Write;

use super::check::{check_bytes, Checked, Policy};
use super::inputs::Input;
use crate::document::DocOptions;
use crate::engine::Engine;

/// Applies the fixes of one checked input; returns the new check of the written file,
/// or `None` when nothing was written (stdin, nothing to fix, not UTF-8).
pub fn apply(
    input: &Input,
    checked: &Checked,
    engine: &Engine,
    opts: &DocOptions,
    policy: &Policy<'_>,
) -> Option<Checked> {
    let Input::File { path, display } = input else {
        return None;
    };
    let mut edits: Vec<(std::ops::Range<usize>, &str)> = checked
        .findings
        .iter()
        .filter(|f| f.kind.autofix())
        .filter_map(|f| {
            f.fix
                .as_ref()
                .map(|fix| (f.span.start..f.span.end, fix.replacement.as_str()))
        })
        .collect();
    if edits.is_empty() {
        return None;
    }
    let original = std::fs::read(path).ok()?;
    // Fixes apply to UTF-8 files only: a span into UTF-16 bytes cannot take UTF-8 text.
    std::str::from_utf8(&original).ok()?;
    edits.sort_by_key(|(r, _)| (r.start, r.end));
    let mut fixed = Vec::with_capacity(original.len());
    let mut at = 0;
    for (range, replacement) in edits {
        if range.start < at || range.end > original.len() {
            continue; // overlapping fixes: keep the first
        }
        fixed.extend_from_slice(&original[at..range.start]);
        fixed.extend_from_slice(replacement.as_bytes());
        at = range.end;
    }
    fixed.extend_from_slice(&original[at..]);
    // A failed write is printed for now; making it a finding (exit 2) is issue 9's.
    #[allow(clippy::print_stderr)]
    if let Err(err) = write_atomically(path, &fixed) {
        eprintln!("error: cannot write fixes to {display}: {err}");
        return None;
    }
    Some(check_bytes(display, &fixed, engine, opts, policy))
}

/// Writes a file through a temporary file beside it and a rename: a reader sees the old
/// content or the new, never half of it.
pub fn write_atomically(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.claimlint-{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        if let Ok(meta) = std::fs::metadata(path) {
            std::fs::set_permissions(&tmp, meta.permissions())?;
        }
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}
