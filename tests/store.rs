//! The SQLite cache: migrations from empty, refusal of a too-new or foreign database,
//! the single-writer lock, and private permissions.

use sigap::config::Config;
use sigap::store::{Access, DB_FILE, Store, StoreError, migrations};
use std::path::Path;

fn ctx() -> sigap::domain::DeskContext {
    Config::default().desk_context()
}

/// The test's own connection to a cache file, to look at it (or spoil it) from outside.
fn raw(dir: &Path) -> rusqlite::Connection {
    rusqlite::Connection::open(dir.join(DB_FILE)).expect("sqlite")
}

#[test]
fn migrates_an_empty_folder_to_the_latest_schema() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("nested").join("data");
    let store = Store::open(&data, ctx(), Access::Write).expect("open");
    // The latest version is the number of migrations: a new one is never skipped.
    assert_eq!(
        store.schema_version().expect("version"),
        migrations::MIGRATIONS.len()
    );
    assert_eq!(migrations::latest_version(), migrations::MIGRATIONS.len());
    let conn = raw(&data);
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get("user_version"))
        .expect("version");
    assert_eq!(version as usize, migrations::MIGRATIONS.len());
    let app: i64 = conn
        .pragma_query_value(None, "application_id", |r| r.get("application_id"))
        .expect("app id");
    assert_eq!(app, migrations::APPLICATION_ID);
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get("journal_mode"))
        .expect("journal");
    assert_eq!(mode, "wal");
    for table in [
        "complaints",
        "messages",
        "agencies",
        "operations",
        "inbound_batches",
        "outbound_batches",
        "drafts",
    ] {
        let n: i64 = conn
            .query_row(
                "SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table' AND name = ?1",
                [table],
                |r| r.get("n"),
            )
            .expect("schema");
        assert_eq!(n, 1, "{table}");
    }
    drop(conn);
    drop(store);
    // Reopening an up-to-date cache is a no-op.
    Store::open(&data, ctx(), Access::Write).expect("reopen");
}

#[test]
fn refuses_a_cache_from_a_newer_sigap() {
    let newer = migrations::MIGRATIONS.len() + 1;
    for version in [newer, 999] {
        let dir = tempfile::tempdir().expect("tempdir");
        drop(Store::open(dir.path(), ctx(), Access::Write).expect("open"));
        raw(dir.path())
            .pragma_update(None, "user_version", version as i64)
            .expect("bump");
        let err = Store::open(dir.path(), ctx(), Access::Write)
            .err()
            .expect("too new");
        assert!(
            matches!(err, StoreError::TooNew { found, supported, .. }
                if found == version && supported == migrations::MIGRATIONS.len()),
            "{err}"
        );
        let msg = err.to_string();
        assert!(msg.contains("newer Sigap"), "{msg}");
        assert!(msg.contains("sigap.db"), "{msg}");
    }
}

#[test]
fn refuses_a_database_that_is_not_a_sigap_cache() {
    let dir = tempfile::tempdir().expect("tempdir");
    {
        let conn = rusqlite::Connection::open(dir.path().join("sigap.db")).expect("sqlite");
        conn.execute_batch("CREATE TABLE other (x)").expect("table");
    }
    let err = Store::open(dir.path(), ctx(), Access::Write)
        .err()
        .expect("foreign");
    assert!(matches!(err, StoreError::NotSigap(_)), "{err}");
}

#[test]
fn a_second_writer_is_told_the_cache_is_already_open() {
    let dir = tempfile::tempdir().expect("tempdir");
    let _first = Store::open(dir.path(), ctx(), Access::Write).expect("first");
    let err = Store::open(dir.path(), ctx(), Access::Write)
        .err()
        .expect("second writer refused");
    assert!(matches!(err, StoreError::AlreadyOpen(_)), "{err}");
    assert!(err.to_string().contains("already open"), "{err}");
    // A reader still gets in beside the writer.
    let reader = Store::open(dir.path(), ctx(), Access::Read).expect("reader");
    assert!(reader.list(&Default::default()).expect("list").is_empty());
}

#[cfg(unix)]
#[test]
fn cache_files_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let store = Store::open(&data, ctx(), Access::Write).expect("open");
    // Write something so the WAL and shared-memory files exist.
    store
        .save_draft("LAP-1", "initial", "Terima kasih")
        .expect("write");
    let mode =
        |p: &std::path::Path| std::fs::metadata(p).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode(&data), 0o700);
    for name in ["sigap.db", "sigap.db-wal", "sigap.db-shm", "sigap.lock"] {
        let p = data.join(name);
        assert!(p.exists(), "{name} exists");
        assert_eq!(mode(&p), 0o600, "{name}");
    }
}

#[test]
fn an_existing_v1_cache_is_carried_forward() {
    let dir = tempfile::tempdir().expect("tempdir");
    {
        let mut conn = rusqlite::Connection::open(dir.path().join("sigap.db")).expect("sqlite");
        conn.pragma_update(None, "application_id", migrations::APPLICATION_ID)
            .expect("app id");
        migrations::migrations()
            .to_version(&mut conn, 1)
            .expect("schema 1");
        conn.execute(
            "INSERT INTO complaints (id, revision, content_hash, snapshot_at, agency, status,
                 classification, supervisory, anonymous, confidential, title, submitted_at, data)
             VALUES ('LAP-1', 1, 'h', '2026-11-01T00:00:00Z', '3529-DINSOS', 'terdisposisi',
                 'pengaduan', 0, 0, 0, 'Jalan', '2026-11-01T00:00:00+07:00', '{}')",
            [],
        )
        .expect("v1 row");
        conn.execute(
            "INSERT INTO operations (op_id, complaint_id, kind, base_revision, officer, at,
                 at_utc, payload, state, updated_at)
             VALUES ('op-1', 'LAP-1', 'hold', 1, 'Ahmad', '2026-11-02T09:00:00+07:00',
                 '2026-11-02T02:00:00Z', '{\"type\":\"hold\",\"missing\":\"KTP\"}',
                 'pending', '2026-11-02T02:00:00Z')",
            [],
        )
        .expect("v1 operation");
    }
    let mut store = Store::open(dir.path(), ctx(), Access::Write).expect("migrates");
    assert_eq!(
        store.schema_version().expect("version"),
        migrations::latest_version()
    );
    let kept = store
        .list(&Default::default())
        .expect("list")
        .into_iter()
        .find(|r| r.id.0 == "LAP-1")
        .expect("row kept");
    assert_eq!(kept.title, "Jalan");
    let history: String = raw(dir.path())
        .query_row(
            "SELECT agency FROM complaint_agencies WHERE complaint_id = 'LAP-1'",
            [],
            |r| r.get("agency"),
        )
        .expect("backfilled");
    assert_eq!(history, "3529-DINSOS");
    // The pending operation is counted and answers for its complaint's agency (schema 5),
    // so the export groups it without reading the complaint.
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).expect("day");
    assert_eq!(
        store.status(&[], today).expect("status").pending_operations,
        1
    );
    let txn = store.txn().expect("txn");
    let pending = txn.pending_with_agency().expect("pending");
    assert_eq!(pending.len(), 1);
    assert_eq!(
        (pending[0].0.as_str(), pending[0].1.op_id.0.as_str()),
        ("3529-DINSOS", "op-1")
    );
}
