//! Where the console writes heatmaps and exports: a folder private to the user running it.
//!
//! A shared, predictable folder under the system temp directory would let another local user
//! read a member's export or plant a link that redirects the write. So the folder is
//! `$XDG_RUNTIME_DIR/backend-mentor` (already private to the user on most Linux systems) or
//! `<temp>/backend-mentor-<uid>`, created with mode 700 when missing and refused when it is a
//! link, belongs to someone else or is open to others. Files are created mode 600 without
//! following a link at their name. Names carry the member, so `/privacy delete` removes theirs.

use crate::error::{Error, UserError};
use anyhow::Context;
use std::fs::{DirBuilder, OpenOptions};
use std::io::{ErrorKind, Write};
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// The effective user id of this process.
fn current_uid() -> u32 {
    // SAFETY: geteuid takes no arguments, touches no memory and cannot fail (POSIX).
    unsafe { libc::geteuid() }
}

/// The default folder: the user's runtime folder when the session has one, else one named
/// after the user id under the system temp folder.
pub fn default_output_dir() -> PathBuf {
    match std::env::var_os("XDG_RUNTIME_DIR").map(PathBuf::from) {
        Some(runtime) if runtime.is_absolute() => runtime.join("backend-mentor"),
        _ => std::env::temp_dir().join(format!("backend-mentor-{}", current_uid())),
    }
}

/// Makes sure `dir` exists, is a real folder owned by this user, and nobody else can open it.
pub fn ensure_private_dir(dir: &Path) -> Result<(), Error> {
    if let Some(parent) = dir.parent() {
        std::fs::create_dir_all(parent).with_context(|| format!("could not create {}", parent.display()))?;
    }
    match DirBuilder::new().mode(0o700).create(dir) {
        Ok(()) => {}
        Err(e) if e.kind() == ErrorKind::AlreadyExists => {}
        Err(e) => return Err(anyhow::Error::new(e).context(format!("could not create {}", dir.display())).into()),
    }
    if !is_private_dir(dir).with_context(|| format!("could not inspect {}", dir.display()))? {
        return Err(UserError::OutputNotPrivate { path: dir.display().to_string() }.into());
    }
    Ok(())
}

/// True when `dir` is a folder (not a link to one) of this user's that nobody else can open.
fn is_private_dir(dir: &Path) -> std::io::Result<bool> {
    // symlink_metadata looks at the name itself, so a link planted there is seen, not followed.
    let meta = std::fs::symlink_metadata(dir)?;
    Ok(meta.file_type().is_dir() && meta.uid() == current_uid() && meta.mode() & 0o077 == 0)
}

/// Writes `bytes` to `dir/name` (mode 600), never through a link at that name.
pub fn write_private(dir: &Path, name: &str, bytes: &[u8]) -> Result<PathBuf, Error> {
    ensure_private_dir(dir)?;
    let path = dir.join(name);
    let opened = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .custom_flags(libc::O_NOFOLLOW)
        .open(&path);
    let mut file = match opened {
        Ok(file) => file,
        // O_NOFOLLOW answers ELOOP when the name is a symbolic link.
        Err(e) if e.raw_os_error() == Some(libc::ELOOP) => {
            return Err(UserError::OutputNotPrivate { path: path.display().to_string() }.into())
        }
        Err(e) => return Err(anyhow::Error::new(e).context(format!("could not open {}", path.display())).into()),
    };
    // A file left from before may have wider permissions; mode() applies only on creation.
    file.set_permissions(std::fs::Permissions::from_mode(0o600))
        .and_then(|()| file.write_all(bytes))
        .with_context(|| format!("could not write {}", path.display()))?;
    Ok(path)
}

/// Removes the files in `dir` whose names `is_members` accepts. A missing folder holds none,
/// and neither does one that is not private: nothing was ever written there, and a link must
/// not lead the removal into someone else's folder.
pub fn remove_files(dir: &Path, is_members: impl Fn(&str) -> bool) -> Result<usize, Error> {
    match is_private_dir(dir) {
        Ok(true) => {}
        Ok(false) => return Ok(0),
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(anyhow::Error::new(e).context(format!("could not inspect {}", dir.display())).into()),
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(anyhow::Error::new(e).context(format!("could not list {}", dir.display())).into()),
    };
    let mut removed = 0;
    for entry in entries {
        let entry = entry.with_context(|| format!("could not list {}", dir.display()))?;
        if entry.file_name().to_str().is_some_and(&is_members) {
            // remove_file on a link removes the link, never what it points to.
            std::fs::remove_file(entry.path())
                .with_context(|| format!("could not remove {}", entry.path().display()))?;
            removed += 1;
        }
    }
    Ok(removed)
}
