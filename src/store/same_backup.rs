//! A backup asked for when the cache has not changed since the last one this connection
//! took is that same copy under a second name (a hard link), not a second copy. The
//! first writing command of a day takes the daily backup, and an import takes one
//! before it writes: at a million complaints that was the same 1.6 GB copied twice.
//!
//! "Not changed" is what SQLite tells this connection: no row changed through it
//! (`total_changes`), no change of the schema (`schema_version`), and nothing committed
//! by any other connection (`data_version`).

use super::StoreError;
use super::backup::{BACKUP_DIR, Kind, new_name, rotate};
use rusqlite::Connection;
use std::cell::RefCell;
use std::path::{Path, PathBuf};

/// The last backup a connection took, and the cache's state then.
#[derive(Debug, Default)]
pub(super) struct LastBackup(RefCell<Option<Taken>>);

#[derive(Debug)]
struct Taken {
    path: PathBuf,
    state: State,
}

#[derive(Debug, PartialEq, Eq)]
struct State {
    changes: u64,
    schema: i64,
    data: i64,
}

fn state(conn: &Connection) -> Option<State> {
    let pragma = |name: &str| conn.pragma_query_value(None, name, |r| r.get(0)).ok();
    Some(State {
        changes: conn.total_changes(),
        schema: pragma("schema_version")?,
        data: pragma("data_version")?,
    })
}

impl LastBackup {
    /// Takes a backup of the cache as `conn` sees it (committed, with no transaction of
    /// its own open) with `take`, and remembers it if nothing changed meanwhile (so that
    /// the copy holds the state remembered with it).
    pub(super) fn take(
        &self,
        conn: &Connection,
        take: impl FnOnce() -> Result<PathBuf, StoreError>,
    ) -> Result<PathBuf, StoreError> {
        let before = state(conn);
        *self.0.borrow_mut() = None;
        let path = take()?;
        if let (Some(before), Some(after)) = (before, state(conn))
            && before == after
        {
            *self.0.borrow_mut() = Some(Taken {
                path: path.clone(),
                state: after,
            });
        }
        Ok(path)
    }

    /// The last copy, if the cache is as it was then and the copy is still there.
    pub(super) fn unchanged(&self, conn: &Connection) -> Option<PathBuf> {
        let last = self.0.borrow();
        let last = last.as_ref()?;
        (state(conn)? == last.state && last.path.is_file()).then(|| last.path.clone())
    }
}

/// Gives the backup `same` a second name as a backup of `kind`, and drops the oldest of
/// that kind beyond what is kept (the file stays while either name does).
pub(super) fn name_again(dir: &Path, kind: Kind, same: &Path) -> std::io::Result<PathBuf> {
    let target = new_name(&dir.join(BACKUP_DIR), kind);
    std::fs::hard_link(same, &target)?;
    rotate(dir, kind);
    Ok(target)
}

#[cfg(test)]
mod tests {
    use crate::store::{Access, BackupKind, Store};

    fn store(dir: &std::path::Path) -> Store {
        let ctx = crate::config::Config::default().desk_context();
        Store::open(dir, ctx, Access::Write).expect("open")
    }

    fn add_complaint(store: &mut Store, id: &str) {
        let txn = store.txn().expect("txn");
        txn.tx
            .execute(
                "INSERT INTO complaints (id, revision, content_hash, snapshot_at, agency, status,
                     classification, supervisory, anonymous, confidential, title, submitted_at, data)
                 VALUES (?1, 1, 'h', '2026-11-20T01:00:00Z', '3529-DINSOS', 'terdisposisi',
                     'pengaduan', 0, 0, 0, 'Jalan rusak', '2026-11-19T09:00:00+07:00', '{}')",
                [id],
            )
            .expect("insert");
        txn.commit().expect("commit");
    }

    fn complaints_in(backup: &std::path::Path) -> i64 {
        rusqlite::Connection::open(backup)
            .expect("backup")
            .query_row("SELECT count(*) FROM complaints", [], |r| r.get(0))
            .expect("count")
    }

    /// Whether two paths are one file (Unix: the same inode; elsewhere: equal bytes).
    fn one_file(a: &std::path::Path, b: &std::path::Path) -> bool {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let (a, b) = (a.metadata().expect("a"), b.metadata().expect("b"));
            a.ino() == b.ino() && a.dev() == b.dev()
        }
        #[cfg(not(unix))]
        {
            std::fs::read(a).expect("a") == std::fs::read(b).expect("b")
        }
    }

    /// A cache holding one complaint, and its daily backup just taken.
    fn after_the_daily_backup() -> (tempfile::TempDir, Store, std::path::PathBuf) {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut store = store(dir.path());
        add_complaint(&mut store, "LAP-1");
        let daily = store.daily_backup().expect("daily").expect("taken");
        (dir, store, daily)
    }

    fn import_backup(store: &mut Store) -> std::path::PathBuf {
        let txn = store.txn_immediate().expect("txn");
        txn.backup_committed(BackupKind::Import).expect("backup")
    }

    #[test]
    fn an_import_right_after_the_daily_backup_names_that_copy_again() {
        let (_dir, mut store, daily) = after_the_daily_backup();
        let before_import = import_backup(&mut store);
        assert_ne!(before_import, daily);
        assert!(before_import.to_string_lossy().ends_with("-import.db"));
        assert!(one_file(&daily, &before_import), "one copy, two names");
        std::fs::remove_file(&daily).expect("the daily one rotated away");
        assert_eq!(complaints_in(&before_import), 1, "the import's stays");
    }

    #[test]
    fn a_change_since_the_last_backup_is_copied_again() {
        let (_dir, mut store, daily) = after_the_daily_backup();
        add_complaint(&mut store, "LAP-2");
        let before_import = import_backup(&mut store);
        assert!(!one_file(&daily, &before_import));
        assert_eq!(complaints_in(&daily), 1);
        assert_eq!(complaints_in(&before_import), 2);
    }

    #[test]
    fn a_change_by_another_connection_is_copied_again() {
        let (_dir, mut store, daily) = after_the_daily_backup();
        let mut worker = store.worker().expect("worker");
        add_complaint(&mut worker, "LAP-2");
        let before_import = import_backup(&mut store);
        assert!(!one_file(&daily, &before_import));
        assert_eq!(complaints_in(&before_import), 2);
    }

    #[test]
    fn a_schema_change_since_the_last_backup_is_copied_again() {
        let (_dir, mut store, daily) = after_the_daily_backup();
        store
            .conn
            .execute_batch("CREATE INDEX complaints_by_title ON complaints (title)")
            .expect("index");
        let before_import = import_backup(&mut store);
        assert!(!one_file(&daily, &before_import));
    }
}
