//! Private files and folders: the cache holds personal data, so on Unix its folder is
//! `0700` and its files `0600`. Elsewhere the platform's per-user defaults apply.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::Path;

/// Creates `dir` (and its parents) private to the user. An existing folder (say, one
/// named with `--data-dir`) keeps the permissions its owner gave it.
pub fn private_dir(dir: &Path) -> io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    fs::create_dir_all(dir)?;
    restrict(dir, 0o700)
}

/// Creates `path` if missing and makes it readable and writable by the user only.
pub fn private_file(path: &Path) -> io::Result<File> {
    let mut opts = OpenOptions::new();
    opts.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let f = opts.open(path)?;
    restrict(path, 0o600)?;
    Ok(f)
}

/// Makes an existing file private if it exists (SQLite's `-wal` and `-shm`).
pub fn restrict_if_exists(path: &Path) -> io::Result<()> {
    if path.exists() {
        restrict(path, 0o600)?;
    }
    Ok(())
}

#[cfg(unix)]
fn restrict(path: &Path, mode: u32) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn restrict(_path: &Path, _mode: u32) -> io::Result<()> {
    Ok(())
}
