//! CLI: writing an output file so that no run can lose the user's text.
//!
//! The rules (issue 12): never write over the input with something else;
//! keep an existing file's mode and owner; write through a symbolic link to
//! its target; write nothing when the bytes would not change; write a
//! temporary file beside the target and rename it, so a reader sees the old
//! file or the new one, never half of one; name that file so a stale one is
//! recognisable (`.NAME.istinad-PID-NANOS.tmp`) and remove it on an error and
//! on SIGINT, SIGTERM or SIGHUP; never write text under a word processor's
//! name (`.docx`, `.odt`).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use istinad::Error;

/// The temporary file being written, for the signal handler to remove.
static PENDING: Mutex<Option<PathBuf>> = Mutex::new(None);

/// Exit status after a signal, as a shell reports SIGINT (128 + 2).
const INTERRUPTED: i32 = 130;

/// Installs the handler that removes a pending temporary file and exits on
/// SIGINT, SIGTERM and SIGHUP. Without it the default action would end the
/// process and leave the temporary file behind.
pub fn install_signal_cleanup() {
    // An error means a handler was installed already (tests, embedding):
    // the run goes on without the cleanup rather than failing.
    let _ = ctrlc::set_handler(|| {
        // Waits for a rename in progress: the target is then whole.
        let pending = lock().take();
        if let Some(tmp) = pending {
            let _ = std::fs::remove_file(tmp);
        }
        std::process::exit(INTERRUPTED);
    });
}

/// What a write did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// The file was written (created or replaced).
    Changed,
    /// The file already held these bytes; it was not touched.
    Unchanged,
}

/// Whether `a` and `b` name one existing file (through any link, hard or
/// symbolic).
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(ma), Ok(mb)) => same_meta(&ma, &mb, a, b),
        _ => false,
    }
}

#[cfg(unix)]
fn same_meta(a: &std::fs::Metadata, b: &std::fs::Metadata, _: &Path, _: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_meta(_: &std::fs::Metadata, _: &std::fs::Metadata, a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Whether `path` is named as a word processor's file, which text must not
/// be written under.
pub fn is_package_name(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("docx") || e.eq_ignore_ascii_case("odt"))
}

/// Writes `bytes` to `path` by the rules in this module's head; `package`
/// when the bytes are themselves a .docx (`render --to docx`), the one case
/// a word processor's name is right.
pub fn write_file(path: &Path, bytes: &[u8], package: bool) -> Result<Written, Error> {
    let fail = |message: String| Error::Output {
        what: path.display().to_string(),
        message,
    };
    if !package && is_package_name(path) {
        return Err(fail(
            "istinad writes plain text; name the output `.md` or `.txt`, not a word processor's file"
                .into(),
        ));
    }
    // A link is written through: its target gets the text, the link stays.
    let target = match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => std::fs::canonicalize(path)
            .map_err(|e| fail(format!("the link's target cannot be reached: {e}")))?,
        _ => path.to_path_buf(),
    };
    let existing = match std::fs::metadata(&target) {
        Ok(m) if m.is_file() => Some(m),
        Ok(_) => return Err(fail("not a regular file".into())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(fail(e.to_string())),
    };
    if existing.is_some() && std::fs::read(&target).is_ok_and(|old| old == bytes) {
        return Ok(Written::Unchanged);
    }
    let dir = target
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = target
        .file_name()
        .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
    // The name is chosen, and recorded for the signal handler, before the
    // file is made, under the handler's lock: no moment leaves a file the
    // handler does not know of.
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let tmp_path = dir.join(format!(
        ".{name}.istinad-{}-{stamp:09}.tmp",
        std::process::id()
    ));
    let mut pending = lock();
    *pending = Some(tmp_path.clone());
    let created = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp_path);
    if created.is_err() {
        *pending = None;
    }
    drop(pending);
    let mut file = created.map_err(|e| fail(format!("cannot create a file beside it: {e}")))?;
    let written = (|| -> std::io::Result<()> {
        file.write_all(bytes)?;
        if let Some(m) = &existing {
            file.set_permissions(m.permissions())?;
            keep_owner(&file, m);
        }
        file.sync_all()
    })();
    drop(file);
    // The lock is held over the rename, so the signal handler sees either
    // the temporary file (and removes it) or none.
    let mut pending = lock();
    let result = written.and_then(|()| std::fs::rename(&tmp_path, &target));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp_path);
    }
    *pending = None;
    drop(pending);
    result.map_err(|e| fail(e.to_string()))?;
    Ok(Written::Changed)
}

/// The pending temporary file, even if a thread panicked holding it.
fn lock() -> std::sync::MutexGuard<'static, Option<PathBuf>> {
    PENDING.lock().unwrap_or_else(|p| p.into_inner())
}

/// Gives the new file the old one's owner and group. Only root may give a
/// file away; for anyone else the old file was theirs already, so a failure
/// changes nothing that can be kept.
#[cfg(unix)]
fn keep_owner(file: &std::fs::File, old: &std::fs::Metadata) {
    use std::os::unix::fs::MetadataExt;
    let _ = std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid()));
}

#[cfg(not(unix))]
fn keep_owner(_: &std::fs::File, _: &std::fs::Metadata) {}
