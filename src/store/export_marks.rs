//! An export recorded once per batch (schema 14). An export takes every pending
//! operation. Moving each into `exported` rewrote its row and moved it between the
//! state indexes: most of an export's time at 100,000 operations. Instead the export
//! writes one span per batch and agency, and raises one mark:
//!
//! - every operation carries a queue number: its sequence number when queued, and a new
//!   one from the same counter when it is confirmed again after a conflict;
//! - the mark (`export_mark.upto`) is that counter at the last export, so an operation
//!   stored as `pending` is exported when its number is at or under the mark, and
//!   pending when it is above;
//! - its batch is the span of its agency whose numbers `(after, upto]` hold its own.
//!
//! The view `operation_states` reads every operation so; the state's counts
//! (`op_counts`) and the triggers that keep them read the same. A change of state from
//! exported (an acknowledgement) writes the state and the batch into the row.

use super::StoreError;
use super::error::Named;
use rusqlite::{Connection, params};

/// Schema 14. The operations pending when it runs keep their sequence numbers, above
/// the mark of 0; the index of pending operations by time becomes one by queue number
/// (then time), which finds the still pending ones, and their oldest, without visiting
/// the exported ones the stored `pending` state still holds.
pub const V14: &str = r#"
ALTER TABLE operations ADD COLUMN queued INTEGER NOT NULL DEFAULT 0;
UPDATE operations SET queued = seq;

CREATE TABLE export_mark (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    upto INTEGER NOT NULL
) STRICT;
INSERT INTO export_mark (id, upto) VALUES (1, 0);

CREATE TABLE export_spans (
    agency   TEXT NOT NULL,
    after    INTEGER NOT NULL,
    upto     INTEGER NOT NULL,
    batch_id TEXT NOT NULL,
    PRIMARY KEY (agency, upto)
) STRICT;
CREATE INDEX export_spans_by_batch ON export_spans (batch_id);

DROP INDEX operations_pending_by_time;
CREATE INDEX operations_pending_by_queue ON operations (queued, at_utc) WHERE state = 'pending';

CREATE VIEW operation_states AS
SELECT seq, op_id, complaint_id, kind, base_revision, officer, at, at_utc, payload,
       iif(state = 'pending' AND queued <= (SELECT upto FROM export_mark), 'exported', state)
           AS state,
       ifnull(batch_id, (SELECT s.batch_id FROM export_spans s
                         WHERE o.state = 'pending' AND s.agency = o.agency
                           AND s.upto >= o.queued AND s.after < o.queued
                         ORDER BY s.upto LIMIT 1)) AS batch_id,
       reason, updated_at, agency, action, queued
FROM operations o;

DROP TRIGGER operations_counted_out;
CREATE TRIGGER operations_counted_out AFTER DELETE ON operations BEGIN
    UPDATE op_counts SET n = n - 1 WHERE state = iif(OLD.state = 'pending'
        AND OLD.queued <= (SELECT upto FROM export_mark), 'exported', OLD.state);
    DELETE FROM op_counts WHERE n = 0;
END;
DROP TRIGGER operations_recounted;
CREATE TRIGGER operations_recounted AFTER UPDATE OF state ON operations
    WHEN iif(OLD.state = 'pending' AND OLD.queued <= (SELECT upto FROM export_mark),
             'exported', OLD.state) IS NOT NEW.state
BEGIN
    UPDATE op_counts SET n = n - 1 WHERE state = iif(OLD.state = 'pending'
        AND OLD.queued <= (SELECT upto FROM export_mark), 'exported', OLD.state);
    DELETE FROM op_counts WHERE n = 0;
    INSERT INTO op_counts (state, n) VALUES (NEW.state, 1)
        ON CONFLICT (state) DO UPDATE SET n = n + 1;
END;
"#;

/// A condition on a row of `operations` (unaliased): still pending, not yet exported.
pub(super) const STILL_PENDING: &str =
    "(state = 'pending' AND queued > (SELECT upto FROM export_mark))";

/// The operations table read through the index that holds the still pending ones
/// (named: the planner would otherwise take the index of every state, in which the
/// exported ones stored as `pending` lie too).
pub(super) const PENDING_INDEX: &str = "operations INDEXED BY operations_pending_by_queue";

/// A queue number no operation has and none queued later will have: the counter of the
/// operations' sequence numbers, raised by one.
pub(super) fn next_queue_number(conn: &Connection) -> Result<i64, StoreError> {
    const NEXT: &str = "number an operation queued again";
    let raised: Option<i64> = conn
        .prepare_cached(
            "UPDATE sqlite_sequence SET seq = seq + 1 WHERE name = 'operations' RETURNING seq",
        )
        .and_then(|mut s| {
            let mut rows = s.query([])?;
            rows.next()?.map(|r| r.get("seq")).transpose()
        })
        .named(NEXT)?;
    match raised {
        Some(n) => Ok(n),
        // No operation was ever queued: the counter starts with this one.
        None => conn
            .prepare_cached(
                "INSERT INTO sqlite_sequence (name, seq)
                 VALUES ('operations', (SELECT ifnull(max(seq), 0) + 1 FROM operations))
                 RETURNING seq",
            )
            .and_then(|mut s| s.query_row([], |r| r.get("seq")))
            .named(NEXT),
    }
}

/// One batch's share of an export: the operations of `agency` (as each records it).
pub struct Span<'a> {
    pub agency: &'a str,
    pub batch_id: &'a str,
}

/// Records that every pending operation is exported, each of `agency` in the batch its
/// span names, and returns how many there were. One row per span and the mark: no
/// operation's row is written.
pub(super) fn record(conn: &Connection, spans: &[Span<'_>]) -> Result<u64, StoreError> {
    const RECORD: &str = "record the exported operations";
    let (after, upto, pending): (i64, i64, i64) = conn
        .prepare_cached(&format!(
            "SELECT m.upto AS after,
                    ifnull((SELECT seq FROM sqlite_sequence WHERE name = 'operations'), 0) AS upto,
                    (SELECT count(*) FROM {PENDING_INDEX} WHERE {STILL_PENDING}) AS pending
             FROM export_mark m"
        ))
        .and_then(|mut s| {
            s.query_row([], |r| {
                Ok((r.get("after")?, r.get("upto")?, r.get("pending")?))
            })
        })
        .named(RECORD)?;
    if pending == 0 {
        return Ok(0);
    }
    let mut put = conn
        .prepare_cached(
            "INSERT INTO export_spans (agency, after, upto, batch_id) VALUES (?1, ?2, ?3, ?4)",
        )
        .named(RECORD)?;
    for s in spans {
        put.execute(params![s.agency, after, upto, s.batch_id])
            .named(RECORD)?;
    }
    conn.execute("UPDATE export_mark SET upto = ?1 WHERE id = 1", [upto])
        .named(RECORD)?;
    Ok(pending as u64)
}

#[cfg(test)]
mod plan {
    use super::{PENDING_INDEX, STILL_PENDING};
    use crate::store::query_plan;

    /// The still pending operations, their count, their oldest and the last action's
    /// are found in the index of stored `pending` operations by queue number, from the
    /// mark up: the exported ones below it are not visited.
    #[test]
    fn the_still_pending_are_read_from_the_mark_up() {
        let by_queue =
            "SEARCH operations USING COVERING INDEX operations_pending_by_queue (queued>?)";
        for sql in [
            format!("SELECT min(at_utc) AS oldest FROM {PENDING_INDEX} WHERE {STILL_PENDING}"),
            format!("SELECT count(*) FROM {PENDING_INDEX} WHERE {STILL_PENDING}"),
        ] {
            assert_eq!(query_plan(&sql, [])[0], by_queue, "{sql}");
        }
    }
}
