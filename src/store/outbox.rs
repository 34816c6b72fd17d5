//! The outbox's membership in a narrow table of its own (migration V10): one row per
//! complaint in the Outbox view (an operation pending, rejected or in conflict), with
//! its pending count and the view's sort key. An export empties it of the complaints
//! whose operations all left, instead of rewriting each 1.3 KB complaint row for a flag;
//! the view is read from its key's index, joined to the complaints on their rowid.
//!
//! Its count in `view_counts.outbox` is kept here, by the two writers (a complaint's
//! recomputation and the export), in the same transaction: no trigger, so that the
//! export's removal of 100,000 rows is one statement.

use super::StoreError;
use super::error::Named;
use rusqlite::{Connection, params};

/// Schema 10: the table, filled from the complaints' `outbox` and `pending_ops` columns,
/// which are then zeroed and no longer written (dropping them would rewrite every row);
/// their index and trigger go. Depends only on the schema up to V8.
pub const V10: &str = r#"
CREATE TABLE outbox (
    complaint  INTEGER PRIMARY KEY,
    outbox_key TEXT NOT NULL,
    pending    INTEGER NOT NULL,
    troubled   INTEGER NOT NULL
) STRICT;
CREATE INDEX outbox_sorted ON outbox (outbox_key);

INSERT INTO outbox (complaint, outbox_key, pending, troubled)
    SELECT c.rowid, c.sort_key, c.pending_ops,
           EXISTS (SELECT 1 FROM operations o WHERE o.complaint_id = c.id
                   AND o.state IN ('conflict', 'rejected'))
    FROM complaints c WHERE c.outbox = 1;
UPDATE view_counts SET outbox = (SELECT count(*) FROM outbox) WHERE id = 1;

-- Found by their index (a pending count implies the flag), before the index goes.
DROP TRIGGER complaints_outbox_recounted;
UPDATE complaints SET outbox = 0, pending_ops = 0 WHERE outbox = 1;
DROP INDEX complaints_outbox;

-- A complaint's row leaves with it (the cache deletes none today; kept exact anyway).
CREATE TRIGGER complaints_leave_outbox AFTER DELETE ON complaints BEGIN
    UPDATE view_counts SET outbox = outbox - 1
        WHERE id = 1 AND EXISTS (SELECT 1 FROM outbox WHERE complaint = OLD.rowid);
    DELETE FROM outbox WHERE complaint = OLD.rowid;
END;
"#;

/// Where one complaint stands in the outbox after a recomputation.
pub struct Standing<'a> {
    pub rowid: i64,
    pub sort_key: &'a str,
    pub pending: i64,
    /// Has a rejected or conflicting operation.
    pub troubled: bool,
}

/// Writes one complaint's outbox row (or removes it) and keeps the view's count.
pub(super) fn settle(conn: &Connection, s: &Standing<'_>) -> Result<(), StoreError> {
    const SETTLE: &str = "write a complaint's outbox row";
    let member = s.pending > 0 || s.troubled;
    let was: bool = conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM outbox WHERE complaint = ?1) AS was")
        .and_then(|mut st| st.query_row([s.rowid], |r| r.get("was")))
        .named(SETTLE)?;
    if member {
        conn.prepare_cached(
            "INSERT INTO outbox (complaint, outbox_key, pending, troubled) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (complaint) DO UPDATE SET outbox_key = excluded.outbox_key,
                 pending = excluded.pending, troubled = excluded.troubled",
        )
        .and_then(|mut st| st.execute(params![s.rowid, s.sort_key, s.pending, s.troubled]))
        .named(SETTLE)?;
    } else if was {
        conn.prepare_cached("DELETE FROM outbox WHERE complaint = ?1")
            .and_then(|mut st| st.execute([s.rowid]))
            .named(SETTLE)?;
    }
    if member != was {
        recount(conn, if member { 1 } else { -1 })?;
    }
    Ok(())
}

fn recount(conn: &Connection, by: i64) -> Result<(), StoreError> {
    conn.prepare_cached("UPDATE view_counts SET outbox = outbox + ?1 WHERE id = 1")
        .and_then(|mut st| st.execute([by]))
        .named("count the outbox")?;
    Ok(())
}

/// The export took every pending operation: the complaints with nothing rejected or in
/// conflict leave the outbox, the others keep their row with no pending operation. Two
/// statements on the narrow table, and the count; when none is rejected or in conflict
/// (`troubled` false), the table is emptied whole, which SQLite does without visiting
/// its rows.
pub(super) fn exported(conn: &Connection, troubled: bool) -> Result<(), StoreError> {
    const CLEAR: &str = "clear the exported complaints' outbox";
    if !troubled {
        let left = conn.execute("DELETE FROM outbox", []).named(CLEAR)?;
        return recount(conn, -(left as i64));
    }
    let left = conn
        .execute("DELETE FROM outbox WHERE troubled = 0", [])
        .named(CLEAR)?;
    conn.execute("UPDATE outbox SET pending = 0 WHERE pending <> 0", [])
        .named(CLEAR)?;
    recount(conn, -(left as i64))
}
