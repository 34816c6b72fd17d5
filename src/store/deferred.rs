//! The view indexes of the complaints, set aside during a large import and built once
//! at its end: inserting a million rows into five indexes ordered by an urgency key
//! costs more than sorting each once. The indexes are dropped and made again from the
//! definitions the cache itself holds, inside the import's transaction, so a refused or
//! killed import leaves them as they were. They are sorted in small runs on every core
//! (see `rebuild_sorting_in_runs`).

use super::error::Named;
use super::{StoreError, Txn};

/// The indexes on the complaints that hold most of them: three views' own (see
/// migration 3) and the place index of likely duplicates (migration 11). Building one
/// reads the whole table, so the views' indexes that hold few complaints (the
/// transferred and the likely misrouted; the outbox's is on its own table since
/// migration 10) are kept current row by row instead. The primary key and every other
/// index stay, so the import's look-ups are as fast as ever.
const VIEW_INDEXES: [&str; 4] = [
    "complaints_sorted",
    "complaints_status_sorted",
    "complaints_needs_action",
    "complaints_by_place",
];

/// Indexes dropped by [`Txn::defer_view_indexes`], with the SQL that makes them again.
#[derive(Debug, Default)]
pub struct DeferredIndexes(Vec<String>);

impl Txn<'_> {
    /// Drops the view indexes until [`Txn::rebuild_view_indexes`]. Nothing may read a
    /// view in between (the import does not).
    pub fn defer_view_indexes(&mut self) -> Result<DeferredIndexes, StoreError> {
        const DEFER: &str = "set the view indexes aside";
        let mut made = Vec::new();
        for name in VIEW_INDEXES {
            let sql: Option<String> = self
                .tx
                .query_row(
                    "SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?1",
                    [name],
                    |r| r.get("sql"),
                )
                .ok();
            if let Some(sql) = sql {
                self.tx
                    .execute_batch(&format!("DROP INDEX \"{name}\""))
                    .named(DEFER)?;
                made.push(sql);
            }
        }
        Ok(DeferredIndexes(made))
    }

    /// Builds the indexes [`Txn::defer_view_indexes`] set aside, each in one sort.
    pub fn rebuild_view_indexes(&mut self, deferred: DeferredIndexes) -> Result<(), StoreError> {
        self.rebuild_sorting_in_runs(deferred, SORT_CACHE_KIB, &|conn, sql| {
            conn.execute_batch(sql)
        })
    }

    /// SQLite's sorter cuts an index's entries into runs the size of the page cache,
    /// and sorts them on this thread alone while sorts stay in memory (the desk's
    /// setting). With a cache of `run_kib` and sorts in temporary files (on Unix
    /// created `0600` and deleted at once; they hold the views' keys, ids and places,
    /// never a title, a body or a reporter), the runs are sorted by worker threads on
    /// every core and merged: about 40 % off the builds at a million complaints, a
    /// fifth at 100,000. The pages written so far go to the file first, so that the
    /// small cache drops clean pages instead of writing dirty ones one at a time (the
    /// commit writes them anyway). An index whose build fails there (a full or closed
    /// temporary folder) while SQLite keeps the transaction is built again with the
    /// connection's own setting, as before. Every setting is put back as it was after.
    /// `build` runs one index's SQL.
    fn rebuild_sorting_in_runs(
        &mut self,
        deferred: DeferredIndexes,
        run_kib: i64,
        build: &dyn Fn(&rusqlite::Connection, &str) -> rusqlite::Result<()>,
    ) -> Result<(), StoreError> {
        if deferred.0.is_empty() {
            return Ok(());
        }
        let conn: &rusqlite::Connection = &self.tx;
        let setting = |name: &str| -> Result<i64, StoreError> {
            conn.pragma_query_value(None, name, |r| r.get(0))
                .named(REBUILD)
        };
        let (cache, temp_store, threads) = (
            setting("cache_size")?,
            setting("temp_store")?,
            setting("threads")?,
        );
        conn.cache_flush().named(REBUILD)?;
        let workers = std::thread::available_parallelism().map_or(1, |n| {
            i64::try_from(n.get()).unwrap_or(1).min(MAX_SORT_WORKERS)
        });
        // A setting that does not take only makes the builds slower.
        let _ = conn.pragma_update(None, "temp_store", "FILE");
        let _ = conn.pragma_update(None, "threads", workers);
        let _ = conn.pragma_update(None, "cache_size", -run_kib.abs());
        let built = deferred
            .0
            .iter()
            .try_for_each(|sql| match build(conn, sql) {
                Err(_) if !conn.is_autocommit() => {
                    let _ = conn.pragma_update(None, "temp_store", temp_store);
                    conn.execute_batch(sql)
                }
                done => done,
            })
            .named(REBUILD);
        let _ = conn.pragma_update(None, "cache_size", cache);
        let _ = conn.pragma_update(None, "threads", threads);
        let _ = conn.pragma_update(None, "temp_store", temp_store);
        built
    }
}

const REBUILD: &str = "build a view index again";

/// The page cache while the view indexes are built, in KiB: the size of the sorter's
/// runs (see `rebuild_sorting_in_runs`). Runs of 2 MiB built the four indexes in 0.26 s
/// at 100,000 complaints and 2.6 s at a million, against 0.32 and 3.0 s with 8 MiB
/// (the `sqlite3` shell on copies of the benchmark caches); runs of 64 MiB were no
/// quicker than the one run of the import's 128 MiB cache.
const SORT_CACHE_KIB: i64 = 2 * 1024;

/// At most this many threads help SQLite's sorter.
const MAX_SORT_WORKERS: i64 = 4;

#[cfg(test)]
mod tests {
    use crate::store::{Access, Store};

    /// Index entries enough for the sorter to cut them into several runs of its
    /// smallest size (about 1 MiB), with keys out of order.
    const ROWS: i64 = 60_000;

    fn pragma(conn: &rusqlite::Connection, name: &str) -> i64 {
        conn.pragma_query_value(None, name, |r| r.get(0))
            .expect("pragma")
    }

    /// Builds the view indexes over `ROWS` complaints in runs, `build` running each
    /// index's SQL, and checks every index and setting after.
    fn rebuilt_with(build: &dyn Fn(&rusqlite::Connection, &str) -> rusqlite::Result<()>) {
        let dir = tempfile::tempdir().expect("tempdir");
        let ctx = crate::config::Config::default().desk_context();
        let mut store = Store::open(dir.path(), ctx, Access::Write).expect("open");
        let mut txn = store.txn().expect("txn");
        let deferred = txn.defer_view_indexes().expect("defer");
        assert_eq!(deferred.0.len(), 4, "every view index set aside");
        txn.tx
            .execute(
                "INSERT INTO complaints (id, revision, content_hash, snapshot_at, agency, status,
                     classification, supervisory, anonymous, confidential, title, location,
                     submitted_at, data, in_scope, sort_key)
                 WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1)
                 SELECT printf('LAP-%07d', i), 1, 'h', '2026-11-20T01:00:00Z', '3529-DINSOS',
                     CASE i % 3 WHEN 0 THEN 'terdisposisi' WHEN 1 THEN 'diproses' ELSE 'selesai' END,
                     'pengaduan', 0, 0, 0, 'Jalan rusak', 'Desa ' || (i * 31 % 97),
                     '2026-11-19T09:00:00+07:00', '{}', 1,
                     printf('0%s|LAP-%07d', date('2026-01-01', '+' || (i * 7919 % 365) || ' days'), i)
                 FROM n",
                [ROWS],
            )
            .expect("rows");
        let cache = pragma(&txn.tx, "cache_size");
        // The smallest runs SQLite makes, so that these rows take several.
        txn.rebuild_sorting_in_runs(deferred, 64, build)
            .expect("rebuild");
        assert_eq!(pragma(&txn.tx, "cache_size"), cache);
        assert_eq!(pragma(&txn.tx, "threads"), 0);
        assert_eq!(pragma(&txn.tx, "temp_store"), 2, "sorts in memory again");
        let check: String = txn
            .tx
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .expect("check");
        assert_eq!(check, "ok");
        let by_index = |sql: &str| -> Vec<String> {
            let mut s = txn.tx.prepare(sql).expect("prepare");
            s.query_map([], |r| r.get(0))
                .expect("rows")
                .map(|r| r.expect("row"))
                .collect()
        };
        let mut sorted = by_index("SELECT sort_key FROM complaints NOT INDEXED");
        sorted.sort();
        assert_eq!(sorted.len(), ROWS as usize);
        assert_eq!(
            by_index(
                "SELECT sort_key FROM complaints INDEXED BY complaints_sorted ORDER BY sort_key"
            ),
            sorted
        );
        let open = by_index(
            "SELECT sort_key FROM complaints INDEXED BY complaints_status_sorted
             WHERE status = 'diproses' ORDER BY sort_key",
        );
        assert_eq!(open.len(), (ROWS as usize).div_ceil(3));
        assert!(open.is_sorted());
        let indexes: i64 = txn
            .tx
            .query_row(
                "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name IN
                 ('complaints_sorted', 'complaints_status_sorted', 'complaints_needs_action',
                  'complaints_by_place')",
                [],
                |r| r.get(0),
            )
            .expect("indexes");
        assert_eq!(indexes, 4);
        txn.commit().expect("commit");
    }

    #[test]
    fn indexes_built_in_sorted_runs_hold_every_row_in_order_and_the_settings_come_back() {
        rebuilt_with(&|conn, sql| conn.execute_batch(sql));
    }

    #[test]
    fn an_index_whose_build_in_runs_fails_is_built_in_memory() {
        // As a temporary folder with no room would fail a build: SQLite undoes the
        // statement and keeps the transaction.
        rebuilt_with(&|conn, sql| {
            if sql.contains("complaints_status_sorted") {
                conn.execute_batch("SELECT * FROM no_such_table")
            } else {
                conn.execute_batch(sql)
            }
        });
    }
}
