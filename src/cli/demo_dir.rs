//! The demo's private folder in the temporary directory, and making sure none is left
//! behind: it is removed when the command ends, when the process is told to stop
//! (Ctrl-C, a hang-up, a terminate) or stops writing to a closed pipe, and folders left
//! by a demo that was killed outright are swept at the next start. Each demo holds a
//! lock on a file in its folder while it runs, so a folder whose lock can be taken has
//! no owner any more.

use color_eyre::eyre::{Result, WrapErr};
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

const PREFIX: &str = "sigap-demo-";
const LOCK: &str = "demo.lock";

/// The running demo's folder, for the exits that skip destructors.
static CURRENT: Mutex<Option<PathBuf>> = Mutex::new(None);

/// A demo folder, removed when dropped.
pub struct DemoDir {
    dir: Option<tempfile::TempDir>,
    lock: Option<File>,
}

impl DemoDir {
    /// Sweeps stale demo folders, then makes a new one, locked and registered for
    /// removal on a signal.
    pub fn create() -> Result<DemoDir> {
        sweep(&std::env::temp_dir());
        let dir = tempfile::Builder::new()
            .prefix(PREFIX)
            .tempdir()
            .wrap_err("cannot create a temporary folder for the demo")?;
        let lock =
            File::create(dir.path().join(LOCK)).wrap_err("cannot create the demo's lock file")?;
        lock.try_lock()
            .wrap_err("cannot lock the demo's temporary folder")?;
        if let Ok(mut current) = CURRENT.lock() {
            *current = Some(dir.path().to_owned());
        }
        super::stop::install();
        Ok(DemoDir {
            dir: Some(dir),
            lock: Some(lock),
        })
    }

    pub fn path(&self) -> &Path {
        self.dir.as_ref().map_or(Path::new(""), |d| d.path())
    }
}

impl Drop for DemoDir {
    fn drop(&mut self) {
        if let Ok(mut current) = CURRENT.lock() {
            *current = None;
        }
        // The lock file is closed first: Windows deletes no file that is still open.
        drop(self.lock.take());
        if let Some(d) = self.dir.take() {
            let _ = d.close();
        }
    }
}

/// Removes the running demo's folder (before an exit that skips destructors).
pub fn remove_current() {
    if let Some(dir) = CURRENT.lock().ok().and_then(|mut c| c.take()) {
        let _ = std::fs::remove_dir_all(dir);
    }
}

/// Removes the demo folders in `tmp` that no running demo holds.
pub fn sweep(tmp: &Path) {
    let Ok(entries) = std::fs::read_dir(tmp) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name();
        if !name.to_string_lossy().starts_with(PREFIX) || !e.path().is_dir() {
            continue;
        }
        let owned = File::open(e.path().join(LOCK))
            .map(|f| f.try_lock().is_err())
            // No lock file: a demo between creating its folder and locking it, or one
            // from before locks: leave it unless it is old.
            .unwrap_or_else(|_| !is_old(&e.path()));
        if !owned {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}

/// Whether a folder was last changed more than a day ago.
fn is_old(path: &Path) -> bool {
    std::fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_some_and(|age| age.as_secs() > 24 * 3600)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stale_folder_is_swept_and_a_held_one_is_kept() {
        let tmp = tempfile::tempdir().expect("tmp");
        let stale = tmp.path().join(format!("{PREFIX}stale"));
        std::fs::create_dir(&stale).expect("stale");
        File::create(stale.join(LOCK)).expect("lock file");
        let held = tmp.path().join(format!("{PREFIX}held"));
        std::fs::create_dir(&held).expect("held");
        let lock = File::create(held.join(LOCK)).expect("lock file");
        lock.try_lock().expect("locked");
        let other = tmp.path().join("someone-else");
        std::fs::create_dir(&other).expect("other");
        sweep(tmp.path());
        assert!(!stale.exists(), "no demo holds it");
        assert!(held.exists(), "a running demo holds it");
        assert!(other.exists(), "not a demo folder");
    }
}
