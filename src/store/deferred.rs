//! The view indexes of the complaints, set aside during a large import and built once
//! at its end: inserting a million rows into five indexes ordered by an urgency key
//! costs more than sorting each once. The indexes are dropped and made again from the
//! definitions the cache itself holds, inside the import's transaction, so a refused or
//! killed import leaves them as they were.

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
        for sql in deferred.0 {
            self.tx
                .execute_batch(&sql)
                .named("build a view index again")?;
        }
        Ok(())
    }
}
