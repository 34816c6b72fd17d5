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

/// Schema 10 moved the outbox flag and pending count of each complaint into a table of
/// their own: a cache written at schema 8 with pending, exported, rejected and
/// conflicting operations reads the same after the migration, and the same as a
/// recomputation of every complaint gives.
#[test]
fn a_v8_outbox_is_carried_into_its_own_table() {
    let dir = tempfile::tempdir().expect("tempdir");
    // (complaint, its operations' states, outbox flag and pending count as schema 8 kept them)
    let desk: [(&str, &[&str], bool, i64); 6] = [
        ("LAP-1", &["pending"], true, 1),
        ("LAP-2", &["exported"], false, 0),
        ("LAP-3", &["exported", "rejected"], true, 0),
        ("LAP-4", &["conflict", "pending", "pending"], true, 2),
        ("LAP-5", &["accepted", "superseded"], false, 0),
        ("LAP-6", &[], false, 0),
    ];
    {
        let mut conn = raw(dir.path());
        conn.pragma_update(None, "application_id", migrations::APPLICATION_ID)
            .expect("app id");
        migrations::migrations()
            .to_version(&mut conn, 8)
            .expect("schema 8");
        let mut seq = 0;
        for (i, (id, states, outbox, pending)) in desk.iter().enumerate() {
            conn.execute(
                "INSERT INTO complaints (id, revision, content_hash, snapshot_at, agency, status,
                     classification, supervisory, anonymous, confidential, title, submitted_at,
                     data, in_scope, outbox, pending_ops, sort_key)
                 VALUES (?1, 1, 'h', '2026-11-01T00:00:00Z', '3529-DINSOS', 'terdisposisi',
                     'pengaduan', 0, 0, 0, 'Jalan', '2026-11-01T00:00:00+07:00', '{}', 1, ?2, ?3,
                     ?4)",
                rusqlite::params![id, outbox, pending, format!("0{:04}|{id}", 9 - i)],
            )
            .expect("v8 complaint");
            for state in *states {
                seq += 1;
                conn.execute(
                    "INSERT INTO operations (op_id, complaint_id, kind, base_revision, officer,
                         at, at_utc, payload, state, batch_id, updated_at, agency)
                     VALUES (?1, ?2, 'hold', 1, 'Ahmad', '2026-11-02T09:00:00+07:00',
                         '2026-11-02T02:00:00Z', '{\"type\":\"hold\",\"missing\":\"KTP\"}', ?3,
                         CASE WHEN ?3 = 'pending' OR ?3 = 'conflict' THEN NULL ELSE 'b-1' END,
                         '2026-11-02T02:00:00Z', '3529-DINSOS')",
                    rusqlite::params![format!("op-{seq}"), id, state],
                )
                .expect("v8 operation");
            }
        }
        conn.execute_batch(
            "UPDATE view_counts SET total = 6, outbox = 3 WHERE id = 1;
             INSERT INTO status_counts (status, n) VALUES ('terdisposisi', 6);",
        )
        .expect("v8 counts");
        // The migrations alone, without the recomputation an open may add.
        migrations::migrations()
            .to_version(&mut conn, migrations::latest_version())
            .expect("latest schema");
    }
    let outbox_rows = |conn: &rusqlite::Connection| -> Vec<(String, i64, bool)> {
        conn.prepare(
            "SELECT c.id, o.pending, o.troubled FROM outbox o
             JOIN complaints c ON c.rowid = o.complaint AND c.sort_key = o.outbox_key
             ORDER BY c.id",
        )
        .and_then(|mut s| {
            s.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect()
        })
        .expect("outbox rows")
    };
    let expected: Vec<(String, i64, bool)> = vec![
        ("LAP-1".into(), 1, false),
        ("LAP-3".into(), 0, true),
        ("LAP-4".into(), 2, true),
    ];
    let migrated = raw(dir.path());
    assert_eq!(outbox_rows(&migrated), expected);
    let count: i64 = migrated
        .query_row("SELECT outbox FROM view_counts WHERE id = 1", [], |r| {
            r.get(0)
        })
        .expect("count");
    assert_eq!(count, 3);
    drop(migrated);
    // Opened (every complaint recomputed: the fixture set no desk context), the desk
    // reads the same outbox, counts and pending numbers.
    let store = Store::open(dir.path(), ctx(), Access::Write).expect("open");
    assert_eq!(outbox_rows(&raw(dir.path())), expected);
    let outbox = store
        .view_ids(&sigap::store::ViewQuery::Outbox)
        .expect("outbox view");
    let mut sorted = outbox.clone();
    sorted.sort();
    assert_eq!(sorted, ["LAP-1", "LAP-3", "LAP-4"]);
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).expect("day");
    let counts = store
        .view_counts(today, (today, today))
        .expect("view counts");
    assert_eq!(counts.outbox, 3);
    let status = store.status(&[], today).expect("status");
    assert_eq!(status.pending_operations, 3);
    assert_eq!(status.rejected_operations, 1);
    assert_eq!(status.conflicts, 1);
    let pending: Vec<(String, u32)> = store
        .list(&Default::default())
        .expect("list")
        .into_iter()
        .map(|r| (r.id.0, r.pending_operations))
        .filter(|(_, n)| *n > 0)
        .collect();
    let mut pending = pending;
    pending.sort();
    assert_eq!(pending, [("LAP-1".into(), 1), ("LAP-4".into(), 2)]);
}
