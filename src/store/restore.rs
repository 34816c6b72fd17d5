//! `sigap restore FILE`: a backup put back in place of the cache. Only the writer may
//! restore (so never while a desk is open). The file is checked whole first; the cache
//! it replaces is kept as a backup; operations not yet exported that the backup lacks
//! are counted and the restore refused unless forced. The copy is made beside the cache
//! and renamed over it only after the cache's write-ahead log was folded in and
//! removed, so a kill at any point leaves either the old cache or the new one.

use super::backup::{self, Kind};
use super::error::Named;
use super::open::{self, RESTORING_FILE};
use super::{DB_FILE, Store, StoreError, migrations};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// What a restore did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RestoreReport {
    /// The copy of the cache that was replaced.
    pub replaced: PathBuf,
    /// Operations not yet exported that were lost (only with `force`).
    pub lost_pending: u64,
    /// Complaints and pending operations in the restored cache.
    pub complaints: u64,
    pub pending: u64,
}

fn bad(file: &Path, reason: impl Into<String>) -> StoreError {
    StoreError::BadBackup {
        file: file.to_owned(),
        reason: reason.into(),
    }
}

/// Checks that `file` is a whole Sigap cache this desk can read, and returns the ids of
/// its operations.
fn inspect(file: &Path) -> Result<BTreeSet<String>, StoreError> {
    super::health::header_check(file).map_err(|e| bad(file, e.to_string()))?;
    let conn = open::read_only(file).map_err(|e| bad(file, e.to_string()))?;
    let app: i64 = conn
        .pragma_query_value(None, "application_id", |r| r.get("application_id"))
        .named("read the backup's identity")?;
    if app != migrations::APPLICATION_ID {
        return Err(bad(file, "it is not a Sigap cache"));
    }
    let version = open::schema_version(&conn)?;
    if version > migrations::latest_version() || version == 0 {
        return Err(bad(
            file,
            format!(
                "it has schema {version}, this Sigap reads 1 to {}",
                migrations::latest_version()
            ),
        ));
    }
    let verdict: String = conn
        .query_row("PRAGMA quick_check", [], |r| r.get(0))
        .named("check the backup")?;
    if verdict != "ok" {
        return Err(bad(file, format!("it is damaged ({verdict})")));
    }
    conn.prepare("SELECT op_id FROM operations")
        .and_then(|mut s| s.query_map([], |r| r.get("op_id"))?.collect())
        .named("read the backup's operations")
}

impl Store {
    /// Operations not yet exported (pending or in conflict) in this cache that `file`
    /// does not hold: what restoring it would lose.
    pub fn pending_missing_from(&self, file: &Path) -> Result<u64, StoreError> {
        let theirs = inspect(file)?;
        let mine: Vec<String> = self
            .conn
            .prepare("SELECT op_id FROM operation_states WHERE state IN ('pending', 'conflict')")
            .and_then(|mut s| s.query_map([], |r| r.get("op_id"))?.collect())
            .named("read the pending operations")?;
        Ok(mine.iter().filter(|id| !theirs.contains(*id)).count() as u64)
    }

    /// Replaces the cache with the backup `file` and returns the cache reopened on it.
    /// Refused when this is not the writer, when the file is not a whole Sigap cache,
    /// and (unless `force`) when it would lose operations not yet exported.
    pub fn restore(self, file: &Path, force: bool) -> Result<(Store, RestoreReport), StoreError> {
        if self._lock.is_none() {
            return Err(StoreError::AlreadyOpen(self.dir.clone()));
        }
        let db = self.dir.join(DB_FILE);
        if same_file(file, &db) {
            return Err(bad(file, "it is the cache itself"));
        }
        let lost = self.pending_missing_from(file)?;
        if lost > 0 && !force {
            return Err(StoreError::PendingWouldBeLost {
                count: lost,
                file: file.to_owned(),
            });
        }
        let replaced = backup::take_in(&self.dir, Kind::Restore)?;
        let restoring = self.dir.join(RESTORING_FILE);
        backup::copy_to(file, &restoring)?;
        // The copy is switched to write-ahead logging before it is put in place, so
        // that opening it never has to switch (a kill during a switch leaves a journal).
        {
            let conn =
                rusqlite::Connection::open(&restoring).named("prepare the copy to restore")?;
            conn.pragma_update_and_check(None, "journal_mode", "WAL", |_| Ok(()))
                .named("prepare the copy to restore")?;
        }
        crate::fault::point("restore:copied");
        // Fold the log into the file and close it, so no old log is left to be read
        // beside the new file.
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
                r.get::<_, i64>(0)
            })
            .named("fold the write-ahead log into the cache")?;
        let Store {
            conn,
            ctx,
            dir,
            _lock,
            ..
        } = self;
        drop(conn);
        let Some(lock) = _lock else {
            return Err(StoreError::AlreadyOpen(dir));
        };
        for suffix in ["-wal", "-shm"] {
            let side = PathBuf::from(format!("{}{suffix}", db.display()));
            let len = std::fs::metadata(&side).map(|m| m.len()).unwrap_or(0);
            if suffix == "-wal" && len > 0 {
                // Another connection still holds the log: the old cache stays.
                let _ = std::fs::remove_file(&restoring);
                return Err(StoreError::AlreadyOpen(dir));
            }
            match std::fs::remove_file(&side) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(source) => return Err(StoreError::Io { path: side, source }),
            }
        }
        crate::fault::point("restore:before-rename");
        std::fs::rename(&restoring, &db).map_err(|source| StoreError::Io {
            path: db.clone(),
            source,
        })?;
        #[cfg(unix)]
        if let Ok(d) = std::fs::File::open(&dir) {
            let _ = d.sync_all();
        }
        let store = open::open_locked(&dir, &db, ctx, lock)?;
        let status = store.status(&[], chrono::NaiveDate::MIN)?;
        Ok((
            store,
            RestoreReport {
                replaced,
                lost_pending: lost,
                complaints: status.complaints.total,
                pending: status.pending_operations,
            },
        ))
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
