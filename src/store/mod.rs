//! The SQLite cache: opening it safely (pragmas, lock, permissions, migrations), the
//! queries the rest of the desk uses, and the transaction ([`Txn`]) through which the
//! sync layer writes. The store owns all SQL: no connection leaves it, every query
//! binds its parameters, and no SQL is built with `format!` from data.
//!
//! This module knows nothing about batch files or the terminal.

mod audit;
mod backup;
mod batches;
mod check;
mod complaints;
mod counts;
mod deferred;
mod derived;
mod drafts;
mod error;
mod export_marks;
mod fsperm;
mod health;
mod held;
mod inbox;
pub mod migrations;
mod monev;
mod open;
mod ops;
mod outbox;
mod restore;
mod routing;
mod row;
mod rules;
mod same_backup;
mod search;
mod search_text;
mod snapshots;
mod status;
mod stored_copy;
mod txn;

pub use audit::{AuditEntry, AuditVerdict};
pub use backup::{BackupKind, list_backups, newest_backup};
pub use batches::{InboundBatch, OutboundBatch, UnplacedBatch};
pub use check::{CheckReport, Problem};
pub use complaints::{ComplaintDetail, ComplaintRow, ListFilter};
pub use deferred::DeferredIndexes;
pub use derived::{NewDerived, derive_new, utc_key};
pub use error::{Part, StoreError};
pub use export_marks::Span as ExportSpan;
pub use fsperm::{private_dir, private_file, restrict_if_exists as restrict_private};
pub use inbox::{Direction, ViewCounts, ViewQuery};
pub use monev::{LetterFacts, LetterItem, NewLetter, StoredLetter};
pub use open::MARKER_FILE;
pub use ops::OpRow;
pub use restore::RestoreReport;
pub use routing::{Evaluation, MarkAt, Miss, Suggested};
pub use rules::NEEDS_ACTION;
pub use search::{SearchTexts, TEXTS_PROGRESS_EVERY, TextsAgain, TextsStamp};
pub use snapshots::{Known, Snapshot, StoredRevision};
pub use status::{DeskStatus, InboundStream, OutboundSummary, missing_sequences, sequence_ranges};
pub use stored_copy::stored_copy;
pub use txn::Txn;

use crate::domain::DeskContext;
use error::Named;
use rusqlite::{Connection, OptionalExtension};
use std::fs::File;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// SQLite's page cache per connection, in KiB as `PRAGMA cache_size` takes it
/// (negative): 32 MiB keeps a large desk's working set out of the OS calls.
const CACHE_KIB: i64 = -32 * 1024;
/// The page cache of a connection that only scans (KiB, negative as SQLite takes it).
const SCAN_CACHE_KIB: i64 = -4 * 1024;

/// The cache file's name inside the data directory.
pub const DB_FILE: &str = "sigap.db";
const LOCK_FILE: &str = "sigap.lock";
/// The page cache while one large write runs (KiB, negative as SQLite takes it): a large
/// batch then writes its pages once instead of spilling them.
const BULK_CACHE_KIB: i64 = -128 * 1024;
/// Prepared statements kept per connection: every statement of the import's loop and of
/// the settling after it stays prepared.
const STATEMENT_CACHE: usize = 64;

/// How the cache is opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// Exclusive writer: fails with [`StoreError::AlreadyOpen`] while another writer runs
    /// (after waiting, with [`Store::open_waiting`]).
    Write,
    /// Reading only: the file is opened read-only, no lock is taken and nothing is
    /// written, so it works beside a writer, on a full disk and on a read-only copy.
    Read,
}

/// An open cache.
pub struct Store {
    conn: Connection,
    ctx: DeskContext,
    dir: PathBuf,
    _lock: Option<File>,
    /// The last backup this connection took, and of what (`same_backup`).
    last_backup: same_backup::LastBackup,
}

/// The settings every connection of the desk runs with; `cache_kib` is its page cache.
fn configure(conn: &Connection, busy: Duration, cache_kib: i64) -> Result<(), StoreError> {
    const SETTINGS: &str = "apply the connection settings";
    conn.busy_timeout(busy).named(SETTINGS)?;
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    // A large import grows the write-ahead log to its size; once checkpointed, the
    // file shrinks back to this instead of keeping its largest size on disk.
    conn.pragma_update_and_check(None, "journal_size_limit", 67_108_864, |_| Ok(()))
        .named(SETTINGS)?;
    conn.pragma_update(None, "synchronous", "FULL")
        .named(SETTINGS)?;
    conn.pragma_update(None, "foreign_keys", true)
        .named(SETTINGS)?;
    // Statement journals and sorts in memory, not in temporary files.
    conn.pragma_update(None, "temp_store", "MEMORY")
        .named(SETTINGS)?;
    conn.pragma_update(None, "cache_size", cache_kib)
        .named(SETTINGS)?;
    // A damaged page is refused when it is read, not written into.
    conn.pragma_update(None, "cell_size_check", true)
        .named(SETTINGS)?;
    Ok(())
}

impl Store {
    /// The data directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The SLA context the cached due dates were computed with.
    pub fn sla(&self) -> &DeskContext {
        &self.ctx
    }

    /// A second connection to the same cache for a worker thread of this process
    /// (which already holds the writer's lock).
    pub fn worker(&self) -> Result<Store, StoreError> {
        self.worker_with_cache(CACHE_KIB)
    }

    /// A second connection for long one-pass scans (the filter's texts): a page cache
    /// would only keep pages the scan never reads again, so it holds a few MiB.
    pub fn scanner(&self) -> Result<Store, StoreError> {
        self.worker_with_cache(SCAN_CACHE_KIB)
    }

    fn worker_with_cache(&self, cache_kib: i64) -> Result<Store, StoreError> {
        let conn = Connection::open(self.dir.join(DB_FILE)).named("open the cache file")?;
        configure(&conn, Duration::from_secs(30), cache_kib)?;
        Ok(Store {
            conn,
            ctx: self.ctx.clone(),
            dir: self.dir.clone(),
            _lock: None,
            last_backup: Default::default(),
        })
    }

    /// Copies committed pages from the write-ahead log into the database without
    /// waiting for readers (a large import leaves this for after its report).
    pub fn checkpoint(&self) -> Result<(), StoreError> {
        self.conn
            .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))
            .named("checkpoint the write-ahead log")?;
        Ok(())
    }

    /// Runs `f` with this connection set for one large write: a 128 MiB page cache, and
    /// no automatic checkpoint at the commit (copying a whole batch into the database
    /// would double the time before the report; the caller checkpoints once it has
    /// reported). Both settings are restored afterwards.
    ///
    /// Into an empty cache that no other connection has open (a first load), the write
    /// goes through a rollback journal instead of the write-ahead log, and the log is
    /// taken up again after it. The new pages are then written once, into the file,
    /// and read back from it: through the log, every page is written twice (the log,
    /// then the checkpoint), and each read of a page that went to the log looks it up
    /// there, which slows the view indexes' builds at the end of a million complaints
    /// (`docs/performance.md`). It is still all-or-nothing: a kill leaves the journal,
    /// which the next writer plays back, leaving the cache empty again.
    pub fn bulk<T>(&mut self, f: impl FnOnce(&mut Store) -> T) -> T {
        let before: i64 = self
            .conn
            .pragma_query_value(None, "cache_size", |r| r.get("cache_size"))
            .unwrap_or(-2000);
        // A setting that does not take only makes the write slower.
        let _ = self.conn.pragma_update(None, "cache_size", BULK_CACHE_KIB);
        let _ = self.conn.pragma_update(None, "wal_autocheckpoint", 0);
        // SQLite refuses to leave the log while another connection has the file open,
        // and then the write simply goes through the log.
        let rollback = matches!(self.holds_data(), Ok(false)) && self.journal_mode("DELETE");
        let result = f(self);
        // Should this wait out a reader's query and still fail, the next writer to open
        // the cache takes the log up again.
        if rollback && self.journal_mode("WAL") {
            // SQLite opens the log at the next transaction, and a checkpoint asked for
            // before one is refused ("database table is locked"): read once.
            let _ = self.holds_data();
        }
        let _ = self.conn.pragma_update(None, "wal_autocheckpoint", 1000);
        let _ = self.conn.pragma_update(None, "cache_size", before);
        result
    }

    /// Sets the journal mode; whether it is now `mode`.
    fn journal_mode(&self, mode: &str) -> bool {
        self.conn
            .pragma_update_and_check(None, "journal_mode", mode, |r| r.get::<_, String>(0))
            .is_ok_and(|now| now.eq_ignore_ascii_case(mode))
    }

    /// Reads a value from the meta table.
    pub fn meta(&self, key: &str) -> Result<Option<String>, StoreError> {
        get_meta(&self.conn, key)
    }

    /// The schema version of the open cache.
    pub fn schema_version(&self) -> Result<usize, StoreError> {
        open::schema_version(&self.conn)
    }

    /// Recomputes every cached due date when the rules, calendar or time zone changed
    /// since they were computed.
    fn refresh_if_rules_changed(&mut self) -> Result<(), StoreError> {
        let fp = self.ctx.fingerprint();
        if get_meta(&self.conn, SLA_FINGERPRINT)?.as_deref() == Some(fp.as_str()) {
            return Ok(());
        }
        let mut txn = self.txn()?;
        let ids: Vec<String> = txn
            .tx
            .prepare("SELECT id FROM complaints")
            .and_then(|mut s| s.query_map([], |r| r.get("id"))?.collect())
            .named("list every complaint")?;
        for id in ids {
            txn.refresh(&id)?;
        }
        set_meta(&txn.tx, SLA_FINGERPRINT, &fp)?;
        txn.commit()
    }
}

/// The meta key of the desk context the derived columns were computed with.
const SLA_FINGERPRINT: &str = "sla_fingerprint";

/// Reads a meta value.
fn get_meta(conn: &Connection, key: &str) -> Result<Option<String>, StoreError> {
    conn.prepare_cached("SELECT value FROM meta WHERE key = ?1")
        .and_then(|mut s| s.query_row([key], |r| r.get("value")).optional())
        .named("read a setting of the cache")
}

/// Writes a meta value.
fn set_meta(conn: &Connection, key: &str, value: &str) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO meta (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .and_then(|mut s| s.execute([key, value]))
    .named("write a setting of the cache")?;
    Ok(())
}

/// How SQLite would run `sql` on a new, empty cache (`EXPLAIN QUERY PLAN`, one line per
/// step), for tests that pin a query to its index.
#[cfg(test)]
pub(crate) fn query_plan(sql: &str, params: impl rusqlite::Params) -> Vec<String> {
    let dir = tempfile::tempdir().expect("tempdir");
    let ctx = crate::config::Config::default().desk_context();
    let store = Store::open(dir.path(), ctx, Access::Write).expect("open");
    store
        .conn
        .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
        .and_then(|mut s| {
            s.query_map(params, |r| r.get::<_, String>("detail"))?
                .collect::<Result<_, _>>()
        })
        .expect("plan")
}

#[cfg(test)]
mod tests {
    use super::{Access, Store};

    fn pragma(store: &Store, name: &str) -> String {
        store
            .conn
            .pragma_query_value(None, name, |r| {
                Ok(match r.get(name)? {
                    rusqlite::types::Value::Integer(n) => n.to_string(),
                    rusqlite::types::Value::Text(t) => t,
                    other => format!("{other:?}"),
                })
            })
            .expect("pragma")
    }

    #[test]
    fn a_writer_and_a_worker_run_with_the_desk_settings() {
        let dir = tempfile::tempdir().expect("tempdir");
        let ctx = crate::config::Config::default().desk_context();
        let store = Store::open(dir.path(), ctx, Access::Write).expect("open");
        let worker = store.worker().expect("worker");
        for s in [&store, &worker] {
            assert_eq!(pragma(s, "journal_mode"), "wal");
            assert_eq!(pragma(s, "foreign_keys"), "1");
            assert_eq!(pragma(s, "synchronous"), "2");
            assert_eq!(pragma(s, "temp_store"), "2");
        }
        assert_eq!(pragma(&store, "cache_size"), super::CACHE_KIB.to_string());
    }

    #[test]
    fn a_new_cache_is_made_with_large_pages_and_an_older_one_keeps_its_own() {
        let ctx = || crate::config::Config::default().desk_context();
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::open(dir.path(), ctx(), Access::Write).expect("open");
        assert_eq!(
            pragma(&store, "page_size"),
            super::open::PAGE_BYTES.to_string()
        );
        drop(store);
        let store = Store::open(dir.path(), ctx(), Access::Write).expect("again");
        assert_eq!(
            pragma(&store, "page_size"),
            super::open::PAGE_BYTES.to_string()
        );
        drop(store);
        // A cache made before: SQLite's pages of 4 KiB, the desk's identity, no tables.
        let old = tempfile::tempdir().expect("tempdir");
        let conn = rusqlite::Connection::open(old.path().join(super::DB_FILE)).expect("old");
        conn.pragma_update(None, "page_size", 4096)
            .expect("page size");
        conn.pragma_update(None, "application_id", super::migrations::APPLICATION_ID)
            .expect("identity");
        drop(conn);
        let mut store = Store::open(old.path(), ctx(), Access::Write).expect("open old");
        assert_eq!(pragma(&store, "page_size"), "4096");
        one_complaint(&mut store);
        assert!(
            store.holds_data().expect("read"),
            "an older cache takes writes"
        );
    }

    #[test]
    fn a_bulk_write_restores_the_settings() {
        let dir = tempfile::tempdir().expect("tempdir");
        let ctx = crate::config::Config::default().desk_context();
        let mut store = Store::open(dir.path(), ctx, Access::Write).expect("open");
        let inside = store.bulk(|s| (pragma(s, "cache_size"), pragma(s, "wal_autocheckpoint")));
        assert_eq!(inside, (super::BULK_CACHE_KIB.to_string(), "0".to_owned()));
        assert_eq!(pragma(&store, "cache_size"), super::CACHE_KIB.to_string());
        assert_eq!(pragma(&store, "wal_autocheckpoint"), "1000");
    }

    fn one_complaint(store: &mut Store) {
        let txn = store.txn().expect("txn");
        txn.tx
            .execute_batch(
                "INSERT INTO complaints (id, revision, content_hash, snapshot_at, agency, status,
                     classification, supervisory, anonymous, confidential, title, submitted_at, data)
                 VALUES ('LAP-1', 1, 'h', '2026-11-20T01:00:00Z', '3529-DINSOS', 'terdisposisi',
                     'pengaduan', 0, 0, 0, 'Jalan rusak', '2026-11-19T09:00:00+07:00', '{}')",
            )
            .expect("insert");
        txn.commit().expect("commit");
    }

    #[test]
    fn a_first_load_writes_through_a_rollback_journal_and_takes_the_log_up_again() {
        let dir = tempfile::tempdir().expect("tempdir");
        let ctx = crate::config::Config::default().desk_context();
        let mut store = Store::open(dir.path(), ctx, Access::Write).expect("open");
        let inside = store.bulk(|s| {
            one_complaint(s);
            pragma(s, "journal_mode")
        });
        assert_eq!(inside, "delete", "an empty cache that no one else has open");
        assert_eq!(pragma(&store, "journal_mode"), "wal");
        store
            .checkpoint()
            .expect("the log is ready for a checkpoint");
        assert!(store.holds_data().expect("read"), "the load was committed");
        // Now the cache holds data: the next large write goes through the log.
        assert_eq!(store.bulk(|s| pragma(s, "journal_mode")), "wal");
    }

    /// The files a kill leaves in the middle of a first load that has begun to write
    /// the database file: a hot journal beside it. A reader is refused the half-written
    /// file and a writer plays the journal back, so the cache opens empty.
    #[test]
    fn a_first_load_killed_while_writing_the_file_opens_empty() {
        let dir = tempfile::tempdir().expect("tempdir");
        let copy = tempfile::tempdir().expect("tempdir");
        let ctx = crate::config::Config::default().desk_context();
        let mut store = Store::open(dir.path(), ctx.clone(), Access::Write).expect("open");
        let before = std::fs::read(dir.path().join(super::DB_FILE)).expect("db");
        store.bulk(|s| {
            // A small page cache, so that the pages spill into the file before the end.
            s.conn.pragma_update(None, "cache_size", 8).expect("cache");
            let txn = s.txn().expect("txn");
            for i in 0..400 {
                txn.tx
                    .execute(
                        "INSERT INTO search_text (rowid, text) VALUES (?1, ?2)",
                        rusqlite::params![i, "jalan rusak ".repeat(40)],
                    )
                    .expect("insert");
            }
            for name in [super::DB_FILE, "sigap.db-journal", super::open::MARKER_FILE] {
                std::fs::copy(dir.path().join(name), copy.path().join(name)).expect("copy");
            }
            // Dropped without a commit: rolled back.
        });
        drop(store);
        let db = copy.path().join(super::DB_FILE);
        assert_ne!(
            std::fs::read(&db).expect("db"),
            before,
            "the file was written"
        );
        let reader = Store::open(copy.path(), ctx.clone(), Access::Read).expect("reader");
        assert!(!reader.holds_data().expect("read"));
        assert_eq!(
            reader
                .conn
                .query_row("SELECT count(*) FROM search_text", [], |r| r
                    .get::<_, i64>(0))
                .expect("count"),
            0,
            "the journal was played back"
        );
        assert!(!copy.path().join("sigap.db-journal").exists());
        drop(reader);
        let writer = Store::open(copy.path(), ctx, Access::Write).expect("writer");
        assert_eq!(pragma(&writer, "journal_mode"), "wal");
    }

    #[test]
    fn a_first_load_beside_another_connection_stays_in_the_log() {
        let dir = tempfile::tempdir().expect("tempdir");
        let ctx = crate::config::Config::default().desk_context();
        let mut store = Store::open(dir.path(), ctx, Access::Write).expect("open");
        let other = store.worker().expect("worker");
        assert!(
            !other.holds_data().expect("read"),
            "the other connection has read"
        );
        assert_eq!(store.bulk(|s| pragma(s, "journal_mode")), "wal");
        assert_eq!(pragma(&other, "journal_mode"), "wal");
    }
}
