//! The view indexes of the complaints and the search texts of the new ones, set aside
//! during a large import and built once at its end: inserting a million rows into five
//! indexes ordered by an urgency key costs more than sorting each once, and texts
//! written together lie together in the file, so the filter's first read of them after
//! a first load is one sequential read instead of tens of thousands of scattered ones.
//! The indexes are dropped and made again from the definitions the cache itself holds,
//! inside the import's transaction, so a refused or killed import leaves them as they
//! were; the texts are made from the rows the import kept, with the same expression
//! `check` verifies.

use super::counts::SEARCH_TEXT;
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
        // New complaints take cache ids above the largest (an import deletes none).
        let above: i64 = self
            .tx
            .query_row(
                "SELECT ifnull(max(rowid), 0) AS most FROM complaints",
                [],
                |r| r.get("most"),
            )
            .named(DEFER)?;
        self.texts_deferred_above = Some(above);
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

    /// Makes the search texts of the complaints added since [`Txn::defer_view_indexes`],
    /// then builds the indexes it set aside, each in one sort.
    pub fn rebuild_view_indexes(&mut self, deferred: DeferredIndexes) -> Result<(), StoreError> {
        self.make_deferred_texts()?;
        for sql in deferred.0 {
            self.tx
                .execute_batch(&sql)
                .named("build a view index again")?;
        }
        Ok(())
    }

    /// Makes the search texts set aside by [`Txn::defer_view_indexes`], if any (the
    /// commit does it too, so no complaint is ever committed without one).
    pub(super) fn make_deferred_texts(&mut self) -> Result<(), StoreError> {
        let Some(above) = self.texts_deferred_above.take() else {
            return Ok(());
        };
        self.tx
            .execute(
                &format!(
                    "INSERT INTO search_text (rowid, text)
                     SELECT rowid, {SEARCH_TEXT} FROM complaints WHERE rowid > ?1"
                ),
                [above],
            )
            .named("make the search texts of the new complaints")?;
        Ok(())
    }
}
