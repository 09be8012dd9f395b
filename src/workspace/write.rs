//! The one way claimlint replaces a file (`check --fix`, `report -o`): a temporary file
//! with a random name, created exclusively beside the target (never through a link planted
//! there), written and synced, then renamed over the target, and the folder synced. A
//! reader sees the old bytes or the new, never half; no temporary file outlives a failed
//! write, nor a run stopped by SIGINT, SIGTERM or SIGHUP.

use std::fs::{self, File, Metadata};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, Once};

/// Where a write to `path` lands: a symlink is followed to the file it names, so the link
/// stays a link and its target gets the new bytes. A missing file is written as named; a
/// link to a missing file is an error.
pub fn resolve(path: &Path) -> io::Result<PathBuf> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => fs::canonicalize(path).map_err(|err| {
            io::Error::new(
                err.kind(),
                format!("it is a symlink to a file that cannot be reached ({err})"),
            )
        }),
        Ok(_) => Ok(path.to_path_buf()),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(path.to_path_buf()),
        Err(err) => Err(err),
    }
}

/// Writes `bytes` to `path` (a report): links followed, an existing file's mode kept.
pub fn write_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let target = resolve(path)?;
    let existing = match fs::metadata(&target) {
        Ok(meta) => Some(meta),
        Err(err) if err.kind() == io::ErrorKind::NotFound => None,
        Err(err) => return Err(err),
    };
    replace(&target, bytes, existing.as_ref(), &mut || Ok(()))
}

/// Replaces `target` (a resolved path, see [`resolve`]) with `bytes`. `existing` is the
/// metadata of the file being replaced: its mode (and owner, where the system allows) go to
/// the new file. `before_commit` runs after the bytes are synced and before the rename; an
/// error from it abandons the write.
pub fn replace(
    target: &Path,
    bytes: &[u8],
    existing: Option<&Metadata>,
    before_commit: &mut dyn FnMut() -> io::Result<()>,
) -> io::Result<()> {
    if existing.is_some_and(|m| m.permissions().readonly()) {
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            "the file is read-only",
        ));
    }
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    let prefix = temp_prefix(target);
    builder
        .prefix(&prefix)
        .suffix(".claimlint-tmp")
        .rand_bytes(10);
    #[cfg(unix)]
    if existing.is_none() {
        // A new file gets the usual mode (umask applies), not the temporary file's 0600.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    install_cleanup();
    let mut temp = {
        // Registered under the lock that the signal handler takes: a temporary file is
        // always known to the handler by the time it exists.
        let mut live = live_temps();
        let temp = builder.tempfile_in(dir)?;
        live.push(temp.path().to_path_buf());
        temp
    };
    let result = (|| {
        temp.as_file_mut().write_all(bytes)?;
        if let Some(meta) = existing {
            copy_owner_and_mode(temp.as_file(), meta)?;
        }
        temp.as_file().sync_all()?;
        test_pause();
        before_commit()
    })();
    let mut live = live_temps();
    live.retain(|p| p != temp.path());
    if let Err(err) = result {
        // Removed while the handler is held off.
        drop(temp);
        return Err(err);
    }
    // Still under the lock: the handler cannot remove the file between the checks above
    // and the rename.
    temp.persist(target).map_err(|err| err.error)?;
    drop(live);
    sync_folder(dir)
}

/// A test seam: `CLAIMLINT_TEST_WRITE_PAUSE_MS` holds every write that long while its
/// temporary file exists, so that a test can stop the process at that moment.
fn test_pause() {
    static PAUSE: std::sync::OnceLock<Option<std::time::Duration>> = std::sync::OnceLock::new();
    let pause = PAUSE.get_or_init(|| {
        std::env::var("CLAIMLINT_TEST_WRITE_PAUSE_MS")
            .ok()
            .and_then(|ms| ms.parse().ok())
            .map(std::time::Duration::from_millis)
    });
    if let Some(pause) = pause {
        std::thread::sleep(*pause);
    }
}

/// The temporary file's name starts with the target's (shortened: names have a length
/// limit), hidden.
fn temp_prefix(target: &Path) -> String {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut end = name.len().min(64);
    while !name.is_char_boundary(end) {
        end -= 1;
    }
    format!(".{}.", &name[..end])
}

fn copy_owner_and_mode(file: &File, meta: &Metadata) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // Only root may give a file away; otherwise the group may still be kept. Through
        // the open file, never through a path.
        if std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid())).is_err() {
            let _ = std::os::unix::fs::fchown(file, None, Some(meta.gid()));
        }
    }
    // After the owner: changing owners clears set-id bits.
    file.set_permissions(meta.permissions())
}

fn sync_folder(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// Temporary files in flight, for the signal handler to remove.
static LIVE: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn live_temps() -> MutexGuard<'static, Vec<PathBuf>> {
    LIVE.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

static CLEANUP: Once = Once::new();

/// On SIGINT, SIGTERM or SIGHUP: remove the temporary files in flight, then exit as the
/// signal would (128 + its number). Installed on the first write only.
fn install_cleanup() {
    CLEANUP.call_once(|| {
        #[cfg(unix)]
        {
            use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
            if let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP])
            {
                std::thread::spawn(move || {
                    if let Some(signal) = signals.forever().next() {
                        let live = live_temps();
                        for path in live.iter() {
                            let _ = fs::remove_file(path);
                        }
                        std::process::exit(128 + signal);
                    }
                });
            }
        }
    });
}

/// The identity of a file on disk: device and inode where the system has them.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum FileId {
    Inode(u64, u64),
    Path(PathBuf),
}

impl FileId {
    /// The file `path` names (a symlink followed).
    pub fn of_path(path: &Path) -> FileId {
        match fs::metadata(path) {
            Ok(meta) => FileId::of(path, &meta),
            Err(_) => FileId::Path(fs::canonicalize(path).unwrap_or_else(|_| path.to_owned())),
        }
    }

    pub fn of(path: &Path, meta: &Metadata) -> FileId {
        #[cfg(unix)]
        {
            let _ = path;
            use std::os::unix::fs::MetadataExt;
            FileId::Inode(meta.dev(), meta.ino())
        }
        #[cfg(not(unix))]
        {
            let _ = meta;
            FileId::Path(fs::canonicalize(path).unwrap_or_else(|_| path.to_owned()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("claimlint-write-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("scratch dir");
        dir
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .expect("list")
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn replaces_and_leaves_nothing_behind() {
        let dir = scratch("replace");
        let target = dir.join("a.txt");
        fs::write(&target, "old").expect("write");
        let meta = fs::metadata(&target).expect("meta");
        replace(&target, b"new", Some(&meta), &mut || Ok(())).expect("replaced");
        assert_eq!(fs::read(&target).expect("read"), b"new");
        assert_eq!(names(&dir), ["a.txt"]);
        // A refusal just before the rename keeps the old bytes, and no temporary file.
        let meta = fs::metadata(&target).expect("meta");
        let err = replace(&target, b"newer", Some(&meta), &mut || {
            Err(io::Error::other("changed"))
        })
        .expect_err("refused");
        assert_eq!(err.to_string(), "changed");
        assert_eq!(fs::read(&target).expect("read"), b"new");
        assert_eq!(names(&dir), ["a.txt"]);
        let _ = fs::remove_dir_all(&dir);
    }

    #[cfg(unix)]
    #[test]
    fn keeps_mode_and_links_refuses_read_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = scratch("mode");
        let real = dir.join("real.txt");
        let link = dir.join("link.txt");
        fs::write(&real, "old").expect("write");
        fs::set_permissions(&real, fs::Permissions::from_mode(0o640)).expect("chmod");
        std::os::unix::fs::symlink("real.txt", &link).expect("symlink");
        let target = resolve(&link).expect("resolves");
        let meta = fs::metadata(&target).expect("meta");
        replace(&target, b"new", Some(&meta), &mut || Ok(())).expect("replaced");
        assert!(fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink());
        assert_eq!(fs::read(&real).expect("read"), b"new");
        let mode = fs::metadata(&real).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
        fs::set_permissions(&real, fs::Permissions::from_mode(0o444)).expect("chmod");
        let meta = fs::metadata(&real).expect("meta");
        let err = replace(&real, b"newer", Some(&meta), &mut || Ok(())).expect_err("read-only");
        assert_eq!(err.kind(), io::ErrorKind::PermissionDenied);
        assert_eq!(fs::read(&real).expect("read"), b"new");
        // A link to nothing is an error, not a new file beside the link.
        std::os::unix::fs::symlink("missing.txt", dir.join("dangling.txt")).expect("symlink");
        assert!(resolve(&dir.join("dangling.txt")).is_err());
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn long_names_get_a_short_prefix() {
        let long = "é".repeat(120);
        let prefix = temp_prefix(Path::new(&long));
        assert!(prefix.len() <= 66, "{prefix}");
    }
}
