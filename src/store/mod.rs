//! The SQLite cache: opening it safely (pragmas, lock, permissions, migrations) and the
//! queries the rest of the desk uses. Every query binds its parameters; no SQL is built
//! with `format!` from data.
//!
//! This module knows nothing about batch files or the terminal.

mod complaints;
mod counts;
mod derived;
mod drafts;
mod fsperm;
mod inbox;
pub mod migrations;
mod ops;
mod rules;
mod status;

pub use complaints::{
    ComplaintDetail, ComplaintRow, ListFilter, StoredRevision, has_messages, insert_new,
    note_agency, put_agency, put_message, put_snapshot, set_snapshot_at, stored_revision,
};
pub use counts::NewRows;
pub use derived::{NewDerived, derive_new, note_reply, refresh_derived, utc_key};
pub use fsperm::{private_dir, private_file};
pub use inbox::{Direction, SearchTexts, ViewQuery};
pub use ops::{
    OpRow, delete_unexported, get_operation, insert_operation, mark_exported, operations_in_batch,
    operations_in_state, pending_with_agency, rebase_operation, set_op_state,
};
pub use rules::NEEDS_ACTION;
pub use status::{DeskStatus, InboundStream, OutboundSummary, missing_sequences, sequence_ranges};

use crate::domain::DeskContext;
use rusqlite::{Connection, OpenFlags};
use rusqlite_migration::MigrationDefinitionError;
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

/// Why the cache could not be used.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "the cache in {0} is already open in another Sigap (close the other window or command first)"
    )]
    AlreadyOpen(PathBuf),
    #[error(
        "the cache {path} was written by a newer Sigap (schema {found}, this one knows up to {supported}); update Sigap"
    )]
    TooNew {
        path: PathBuf,
        found: usize,
        supported: usize,
    },
    #[error("{0} is not a Sigap cache")]
    NotSigap(PathBuf),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cache migration failed: {0}")]
    Migration(String),
    #[error("database error: {0}")]
    Sql(#[from] rusqlite::Error),
}

/// How the cache is opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// Exclusive writer: fails with [`StoreError::AlreadyOpen`] while another writer runs.
    Write,
    /// Reading for a report: takes the writer's lock when it is free, otherwise opens
    /// read-only beside the running writer.
    Read,
}

/// An open cache.
pub struct Store {
    conn: Connection,
    ctx: DeskContext,
    dir: PathBuf,
    _lock: Option<File>,
}

impl Store {
    /// Opens (creating if needed) the cache in `dir`.
    pub fn open(dir: &Path, ctx: DeskContext, access: Access) -> Result<Store, StoreError> {
        let io = |source| StoreError::Io {
            path: dir.to_owned(),
            source,
        };
        private_dir(dir).map_err(io)?;
        let lock_path = dir.join(LOCK_FILE);
        let lock = private_file(&lock_path).map_err(|source| StoreError::Io {
            path: lock_path.clone(),
            source,
        })?;
        let locked = match lock.try_lock() {
            Ok(()) => true,
            Err(std::fs::TryLockError::WouldBlock) => false,
            Err(std::fs::TryLockError::Error(source)) => {
                return Err(StoreError::Io {
                    path: lock_path,
                    source,
                });
            }
        };
        let db = dir.join(DB_FILE);
        if !locked {
            if access == Access::Write || !db.exists() {
                return Err(StoreError::AlreadyOpen(dir.to_owned()));
            }
            let conn = Connection::open_with_flags(&db, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
            conn.busy_timeout(Duration::from_secs(5))?;
            check_identity(&conn, &db)?;
            let found = schema_version(&conn)?;
            if found != migrations::latest_version() {
                return Err(StoreError::AlreadyOpen(dir.to_owned()));
            }
            return Ok(Store {
                conn,
                ctx,
                dir: dir.to_owned(),
                _lock: None,
            });
        }
        private_file(&db).map_err(|source| StoreError::Io {
            path: db.clone(),
            source,
        })?;
        let mut conn = Connection::open(&db)?;
        conn.busy_timeout(Duration::from_secs(5))?;
        conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))?;
        // A large import grows the write-ahead log to its size; once checkpointed, the
        // file shrinks back to this instead of keeping its largest size on disk.
        conn.query_row("PRAGMA journal_size_limit = 67108864", [], |_| Ok(()))?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", true)?;
        // Statement journals and sorts in memory, not in temporary files.
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        conn.pragma_update(None, "cache_size", CACHE_KIB)?;
        check_identity(&conn, &db)?;
        migrate(&mut conn, &db)?;
        for suffix in ["-wal", "-shm"] {
            let side = PathBuf::from(format!("{}{suffix}", db.display()));
            fsperm::restrict_if_exists(&side).map_err(|source| StoreError::Io {
                path: side.clone(),
                source,
            })?;
        }
        let mut store = Store {
            conn,
            ctx,
            dir: dir.to_owned(),
            _lock: Some(lock),
        };
        store.refresh_if_rules_changed()?;
        Ok(store)
    }

    /// The data directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The SLA context the cached due dates were computed with.
    pub fn sla(&self) -> &DeskContext {
        &self.ctx
    }

    /// The connection, for the sync layer's transactions.
    pub fn conn(&mut self) -> &mut Connection {
        &mut self.conn
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
        let conn = Connection::open(self.dir.join(DB_FILE))?;
        conn.busy_timeout(Duration::from_secs(30))?;
        conn.query_row("PRAGMA journal_size_limit = 67108864", [], |_| Ok(()))?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", true)?;
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        conn.pragma_update(None, "cache_size", cache_kib)?;
        Ok(Store {
            conn,
            ctx: self.ctx.clone(),
            dir: self.dir.clone(),
            _lock: None,
        })
    }

    /// Copies committed pages from the write-ahead log into the database without
    /// waiting for readers (a large import leaves this for after its report).
    pub fn checkpoint(&self) -> Result<(), StoreError> {
        self.conn
            .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))?;
        Ok(())
    }

    /// Reads a value from the meta table.
    pub fn meta(&self, key: &str) -> Result<Option<String>, StoreError> {
        get_meta(&self.conn, key)
    }

    /// Recomputes every cached due date when the rules, calendar or time zone changed
    /// since they were computed.
    fn refresh_if_rules_changed(&mut self) -> Result<(), StoreError> {
        let fp = self.ctx.fingerprint();
        if get_meta(&self.conn, "sla_fingerprint")?.as_deref() == Some(fp.as_str()) {
            return Ok(());
        }
        let tx = self.conn.transaction()?;
        let ids: Vec<String> = {
            let mut stmt = tx.prepare("SELECT id FROM complaints")?;
            stmt.query_map([], |r| r.get(0))?
                .collect::<Result<_, _>>()?
        };
        for id in ids {
            refresh_derived(&tx, &self.ctx, &id)?;
        }
        set_meta(&tx, "sla_fingerprint", &fp)?;
        tx.commit()?;
        Ok(())
    }
}

/// Reads a meta value.
pub fn get_meta(conn: &Connection, key: &str) -> Result<Option<String>, StoreError> {
    use rusqlite::OptionalExtension;
    Ok(conn
        .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
        .optional()?)
}

/// Writes a meta value.
pub fn set_meta(conn: &Connection, key: &str, value: &str) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [key, value],
    )?;
    Ok(())
}

fn check_identity(conn: &Connection, db: &Path) -> Result<(), StoreError> {
    let app: i64 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    let version = schema_version(conn)?;
    let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
    let fresh = app == 0 && version == 0 && tables == 0;
    if app != migrations::APPLICATION_ID && !fresh {
        return Err(StoreError::NotSigap(db.to_owned()));
    }
    Ok(())
}

fn schema_version(conn: &Connection) -> Result<usize, StoreError> {
    let v: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    Ok(usize::try_from(v).unwrap_or(0))
}

fn migrate(conn: &mut Connection, db: &Path) -> Result<(), StoreError> {
    let found = schema_version(conn)?;
    let supported = migrations::latest_version();
    if found > supported {
        return Err(StoreError::TooNew {
            path: db.to_owned(),
            found,
            supported,
        });
    }
    conn.pragma_update(None, "application_id", migrations::APPLICATION_ID)?;
    let all = migrations::migrations();
    for version in found + 1..=supported {
        all.to_version(conn, version).map_err(|e| match e {
            rusqlite_migration::Error::MigrationDefinition(
                MigrationDefinitionError::DatabaseTooFarAhead,
            ) => StoreError::TooNew {
                path: db.to_owned(),
                found,
                supported,
            },
            other => StoreError::Migration(other.to_string()),
        })?;
    }
    Ok(())
}
