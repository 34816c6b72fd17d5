//! Opening the cache. A writer takes the lock file (waiting a bounded time for another
//! writer), refuses to replace a cache that existed before (a missing or empty
//! `sigap.db` beside the marker a cache leaves), checks the file quickly, backs it up
//! before a migration, and migrates. A reader opens the file read-only: it takes no
//! lock, writes nothing (so it works on a full disk and on a read-only copy) and never
//! blocks a writer.

use super::error::Named;
use super::fsperm::{self, private_dir, private_file};
use super::health::{header_check, quick_check};
use super::{Access, CACHE_KIB, DB_FILE, LOCK_FILE, Store, StoreError, configure, migrations};
use crate::domain::DeskContext;
use rusqlite::{Connection, OpenFlags};
use rusqlite_migration::MigrationDefinitionError;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The file a cache leaves beside `sigap.db` once it holds a schema: a missing or empty
/// cache file beside it was lost, not new.
pub const MARKER_FILE: &str = "sigap.created";
/// A restore's copy before it is renamed over the cache (left only by a kill).
pub(super) const RESTORING_FILE: &str = "sigap.db.restoring";
/// The page size of a new cache. A first load of a million complaints writes 1.6 GB one
/// page at a time as the page cache fills, and splits each index page as it fills:
/// pages of 8 KiB took 5 to 9 % off it against SQLite's 4 KiB, and the desk reads them
/// as quickly; 16 KiB slowed the desk's start (`docs/performance.md`).
/// A cache keeps the size it was made with.
pub(super) const PAGE_BYTES: i64 = 8 * 1024;
/// How often a waiting writer looks at the lock again.
const LOCK_POLL: Duration = Duration::from_millis(25);
/// How long a writer waits before it says it is waiting.
const NOTICE_AFTER: Duration = Duration::from_millis(300);

impl Store {
    /// Opens the cache in `dir` (a writer creates it if needed). A second writer is
    /// refused at once; see [`Store::open_waiting`].
    pub fn open(dir: &Path, ctx: DeskContext, access: Access) -> Result<Store, StoreError> {
        Store::open_waiting(dir, ctx, access, Duration::ZERO, &|| {})
    }

    /// Opens the cache; a writer waits up to `wait` for another writer to finish,
    /// calling `notice` once when it starts waiting, before it refuses.
    pub fn open_waiting(
        dir: &Path,
        ctx: DeskContext,
        access: Access,
        wait: Duration,
        notice: &dyn Fn(),
    ) -> Result<Store, StoreError> {
        open_as(dir, ctx, access, wait, notice, Checked::Yes)
    }

    /// Opens the cache as [`Store::open_waiting`] does, but without the quick check at
    /// open, for `sigap check`, which reports on (and repairs) a damaged cache.
    pub fn open_unchecked(
        dir: &Path,
        ctx: DeskContext,
        access: Access,
        wait: Duration,
        notice: &dyn Fn(),
    ) -> Result<Store, StoreError> {
        open_as(dir, ctx, access, wait, notice, Checked::No)
    }
}

/// Whether an open runs the quick check.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Checked {
    Yes,
    No,
}

fn open_as(
    dir: &Path,
    ctx: DeskContext,
    access: Access,
    wait: Duration,
    notice: &dyn Fn(),
    checked: Checked,
) -> Result<Store, StoreError> {
    let db = dir.join(DB_FILE);
    match access {
        Access::Read if db.exists() || dir.join(MARKER_FILE).exists() => {
            match open_reader(dir, &db, ctx.clone(), checked) {
                // An older schema is migrated once by whoever opens it first, reader or
                // not; where that cannot be done (a read-only copy), the reader says so.
                Err(StoreError::NeedsUpgrade(path)) => {
                    let lock = lock(dir, Duration::ZERO, notice)
                        .map_err(|_| StoreError::NeedsUpgrade(path.clone()))?;
                    open_locked_as(dir, &db, ctx, lock, checked)
                }
                other => other,
            }
        }
        // Nothing to read yet: the first open creates the cache.
        Access::Read | Access::Write => {
            private_dir(dir).map_err(io(dir))?;
            let lock = lock(dir, wait, notice)?;
            open_locked_as(dir, &db, ctx, lock, checked)
        }
    }
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.to_owned(),
        source,
    }
}

/// Takes the writer's lock, waiting up to `wait`.
fn lock(dir: &Path, wait: Duration, notice: &dyn Fn()) -> Result<File, StoreError> {
    let lock_path = dir.join(LOCK_FILE);
    let lock = private_file(&lock_path).map_err(io(&lock_path))?;
    let start = Instant::now();
    let mut told = false;
    loop {
        match lock.try_lock() {
            Ok(()) => return Ok(lock),
            Err(std::fs::TryLockError::WouldBlock) => {}
            Err(std::fs::TryLockError::Error(source)) => {
                return Err(StoreError::Io {
                    path: lock_path,
                    source,
                });
            }
        }
        let waited = start.elapsed();
        if waited >= wait {
            return Err(StoreError::AlreadyOpen(dir.to_owned()));
        }
        if !told && waited >= NOTICE_AFTER.min(wait) {
            notice();
            told = true;
        }
        std::thread::sleep(LOCK_POLL.min(wait - waited));
    }
}

/// Opens the cache as its writer, the lock already held.
pub(super) fn open_locked(
    dir: &Path,
    db: &Path,
    ctx: DeskContext,
    lock: File,
) -> Result<Store, StoreError> {
    open_locked_as(dir, db, ctx, lock, Checked::Yes)
}

fn open_locked_as(
    dir: &Path,
    db: &Path,
    ctx: DeskContext,
    lock: File,
    checked: Checked,
) -> Result<Store, StoreError> {
    super::backup::sweep_partials(dir);
    // A restore killed before its rename leaves its copy; the cache itself is intact.
    let restoring = dir.join(RESTORING_FILE);
    if restoring.exists() {
        std::fs::remove_file(&restoring).map_err(io(&restoring))?;
    }
    let marker = dir.join(MARKER_FILE);
    let existed = match std::fs::metadata(db) {
        Ok(m) if m.len() == 0 && marker.exists() => return Err(vanished(dir, db)),
        Ok(m) => m.len() > 0,
        Err(_) if marker.exists() => return Err(vanished(dir, db)),
        Err(_) => false,
    };
    if existed {
        header_check(db)?;
    }
    private_file(db).map_err(io(db))?;
    const OPEN: &str = "open the cache file";
    let mut conn = Connection::open(db).named(OPEN)?;
    conn.busy_timeout(Duration::from_secs(5)).named(OPEN)?;
    if !existed {
        // Only an empty file takes it, and only before the log is set up.
        conn.pragma_update(None, "page_size", PAGE_BYTES)
            .named(OPEN)?;
    }
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get("journal_mode"))
        .named(OPEN)?;
    if !mode.eq_ignore_ascii_case("wal") {
        conn.pragma_update_and_check(None, "journal_mode", "WAL", |_| Ok(()))
            .named("switch the cache to write-ahead logging")?;
    }
    configure(&conn, Duration::from_secs(5), CACHE_KIB)?;
    check_identity(&conn, db, !existed)?;
    if existed && checked == Checked::Yes {
        quick_check(&conn, db)?;
    }
    migrate(&mut conn, dir, db)?;
    if !marker.exists() {
        let text = format!("{}\n", chrono::Utc::now().to_rfc3339());
        std::fs::write(&marker, text).map_err(io(&marker))?;
        fsperm::restrict_if_exists(&marker).map_err(io(&marker))?;
    }
    for suffix in ["-wal", "-shm"] {
        let side = PathBuf::from(format!("{}{suffix}", db.display()));
        fsperm::restrict_if_exists(&side).map_err(io(&side))?;
    }
    let mut store = Store {
        conn,
        ctx,
        dir: dir.to_owned(),
        _lock: Some(lock),
        last_backup: Default::default(),
    };
    store.refresh_if_rules_changed()?;
    store.relearn_if_needed()?;
    Ok(store)
}

fn open_reader(
    dir: &Path,
    db: &Path,
    ctx: DeskContext,
    checked: Checked,
) -> Result<Store, StoreError> {
    match std::fs::metadata(db) {
        Ok(m) if m.len() > 0 => {}
        _ => return Err(vanished(dir, db)),
    }
    header_check(db)?;
    let conn = read_only(db)?;
    configure_reader(&conn)?;
    check_identity(&conn, db, false)?;
    let found = schema_version(&conn)?;
    let supported = migrations::latest_version();
    if found > supported {
        return Err(StoreError::TooNew {
            path: db.to_owned(),
            found,
            supported,
        });
    }
    if found < supported {
        return Err(StoreError::NeedsUpgrade(db.to_owned()));
    }
    if checked == Checked::Yes {
        quick_check(&conn, db)?;
    }
    Ok(Store {
        conn,
        ctx,
        dir: dir.to_owned(),
        _lock: None,
        last_backup: Default::default(),
    })
}

/// A read-only connection without the reader's settings (a backup copies through it).
/// SQLite needs the `-shm` file of a WAL cache; on a read-only
/// folder where it cannot be made the file is opened as immutable (nobody can change
/// it there).
pub(super) fn read_only(db: &Path) -> Result<Connection, StoreError> {
    const OPEN: &str = "open the cache file for reading";
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_URI
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let probe = |conn: &Connection| {
        conn.query_row("SELECT count(*) AS n FROM sqlite_schema", [], |r| {
            r.get::<_, i64>("n")
        })
    };
    let conn = Connection::open_with_flags(db, flags).named(OPEN)?;
    let conn = match probe(&conn) {
        Ok(_) => conn,
        Err(e)
            if matches!(
                e.sqlite_error_code(),
                Some(rusqlite::ErrorCode::CannotOpen | rusqlite::ErrorCode::ReadOnly)
            ) =>
        {
            drop(conn);
            // A rollback journal left by a kill must be played back by a writer before
            // anyone reads; an immutable open would ignore it.
            let journal = PathBuf::from(format!("{}-journal", db.display()));
            if std::fs::metadata(&journal).is_ok_and(|m| m.len() > 0) {
                return Err(StoreError::NeedsUpgrade(db.to_owned()));
            }
            let uri = format!("file:{}?immutable=1", uri_path(db));
            let conn = Connection::open_with_flags(uri, flags).named(OPEN)?;
            probe(&conn).named(OPEN)?;
            conn
        }
        Err(e) => return Err(super::error::sql_error(OPEN, e)),
    };
    Ok(conn)
}

fn configure_reader(conn: &Connection) -> Result<(), StoreError> {
    const SETTINGS: &str = "apply the connection settings";
    conn.busy_timeout(Duration::from_secs(5)).named(SETTINGS)?;
    conn.pragma_update(None, "cache_size", CACHE_KIB)
        .named(SETTINGS)?;
    conn.pragma_update(None, "cell_size_check", true)
        .named(SETTINGS)?;
    conn.pragma_update(None, "query_only", true)
        .named(SETTINGS)?;
    conn.pragma_update(None, "temp_store", "MEMORY")
        .named(SETTINGS)?;
    Ok(())
}

/// A path as the path part of an SQLite `file:` URI.
fn uri_path(p: &Path) -> String {
    let s = p.to_string_lossy();
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '?' => out.push_str("%3f"),
            '#' => out.push_str("%23"),
            '%' => out.push_str("%25"),
            '\\' => out.push('/'),
            c => out.push(c),
        }
    }
    out
}

fn vanished(dir: &Path, db: &Path) -> StoreError {
    StoreError::Vanished {
        path: db.to_owned(),
        newest_backup: super::backup::newest_backup(dir),
    }
}

fn check_identity(conn: &Connection, db: &Path, may_be_new: bool) -> Result<(), StoreError> {
    const IDENTITY: &str = "read the cache's identity";
    let app: i64 = conn
        .pragma_query_value(None, "application_id", |r| r.get("application_id"))
        .named(IDENTITY)?;
    let version = schema_version(conn)?;
    let tables: i64 = conn
        .query_row("SELECT count(*) AS n FROM sqlite_schema", [], |r| {
            r.get("n")
        })
        .named(IDENTITY)?;
    let fresh = app == 0 && version == 0 && tables == 0;
    if fresh && !may_be_new {
        return Err(StoreError::Damaged(format!(
            "{}: the file holds no tables",
            db.display()
        )));
    }
    if app != migrations::APPLICATION_ID && !fresh {
        return Err(StoreError::NotSigap(db.to_owned()));
    }
    Ok(())
}

pub(super) fn schema_version(conn: &Connection) -> Result<usize, StoreError> {
    let v: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get("user_version"))
        .named("read the schema version")?;
    Ok(usize::try_from(v).unwrap_or(0))
}

fn migrate(conn: &mut Connection, dir: &Path, db: &Path) -> Result<(), StoreError> {
    let found = schema_version(conn)?;
    let supported = migrations::latest_version();
    if found > supported {
        return Err(StoreError::TooNew {
            path: db.to_owned(),
            found,
            supported,
        });
    }
    if found == supported {
        return Ok(());
    }
    if found > 0 {
        // A copy of the cache as it was, before anything of it is rewritten.
        super::backup::take_in(dir, super::backup::Kind::Migration)?;
    }
    conn.pragma_update(None, "application_id", migrations::APPLICATION_ID)
        .named("write the cache's identity")?;
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
