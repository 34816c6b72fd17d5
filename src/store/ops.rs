//! The outbox: the officer's operations and their states. An operation is written in
//! the same transaction as the derived columns it changes.

use super::derived::{refresh_derived, utc_key};
use super::{Store, StoreError};
use crate::domain::{BatchId, ComplaintId, DeskContext, OpId, OpKind, OpState, Operation};
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};

/// An operation as stored.
pub type OpRow = Operation;

const OP_COLUMNS: &str =
    "op_id, complaint_id, base_revision, officer, at, payload, state, batch_id, reason";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Operation> {
    let payload: String = r.get(5)?;
    let kind: OpKind = serde_json::from_str(&payload).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(5, rusqlite::types::Type::Text, Box::new(e))
    })?;
    let at: String = r.get(4)?;
    Ok(Operation {
        op_id: OpId(r.get(0)?),
        complaint_id: ComplaintId(r.get(1)?),
        base_revision: r.get::<_, i64>(2)? as u64,
        officer: r.get(3)?,
        at: DateTime::parse_from_rfc3339(&at).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(4, rusqlite::types::Type::Text, Box::new(e))
        })?,
        kind,
        state: OpState::parse(&r.get::<_, String>(6)?).unwrap_or(OpState::Pending),
        batch_id: r.get::<_, Option<String>>(7)?.map(BatchId),
        reason: r.get(8)?,
    })
}

fn now() -> String {
    Utc::now().to_rfc3339()
}

/// Appends an operation to the outbox and refreshes its complaint's derived columns.
pub fn insert_operation(
    conn: &Connection,
    ctx: &DeskContext,
    op: &Operation,
) -> Result<(), StoreError> {
    let payload =
        serde_json::to_string(&op.kind).map_err(|e| StoreError::Migration(e.to_string()))?;
    conn.prepare_cached(
        "INSERT INTO operations (op_id, complaint_id, kind, base_revision, officer, at, at_utc,
             payload, state, batch_id, reason, updated_at, agency)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,
             ifnull((SELECT agency FROM complaints WHERE id = ?2), ''))",
    )?
    .execute(params![
        op.op_id.as_str(),
        op.complaint_id.as_str(),
        op.kind.type_name(),
        op.base_revision as i64,
        op.officer,
        op.at.to_rfc3339(),
        utc_key(op.at),
        payload,
        op.state.as_str(),
        op.batch_id.as_ref().map(|b| b.as_str()),
        op.reason,
        now(),
    ])?;
    refresh_derived(conn, ctx, op.complaint_id.as_str())
}

/// Looks up one operation.
pub fn get_operation(conn: &Connection, op_id: &str) -> Result<Option<Operation>, StoreError> {
    let sql = format!("SELECT {OP_COLUMNS} FROM operations WHERE op_id = ?1");
    Ok(conn.query_row(&sql, [op_id], from_row).optional()?)
}

/// Sets an operation's state (and batch or reason when given), then refreshes the
/// derived columns of its complaint.
pub fn set_op_state(
    conn: &Connection,
    ctx: &DeskContext,
    op_id: &str,
    state: OpState,
    batch_id: Option<&str>,
    reason: Option<&str>,
) -> Result<(), StoreError> {
    let complaint: Option<String> = conn
        .prepare_cached(
            "UPDATE operations SET state = ?2, batch_id = coalesce(?3, batch_id),
                 reason = coalesce(?4, reason), updated_at = ?5
             WHERE op_id = ?1 RETURNING complaint_id",
        )?
        .query_row(
            params![op_id, state.as_str(), batch_id, reason, now()],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(c) = complaint {
        refresh_derived(conn, ctx, &c)?;
    }
    Ok(())
}

/// Rebases an operation on a new revision (confirming it again after a conflict).
pub fn rebase_operation(
    conn: &Connection,
    ctx: &DeskContext,
    op_id: &str,
    base_revision: u64,
) -> Result<(), StoreError> {
    conn.execute(
        "UPDATE operations SET base_revision = ?2, state = 'pending', updated_at = ?3,
             agency = ifnull((SELECT c.agency FROM complaints c
                              WHERE c.id = operations.complaint_id), agency)
         WHERE op_id = ?1",
        params![op_id, base_revision as i64, now()],
    )?;
    if let Some(op) = get_operation(conn, op_id)? {
        refresh_derived(conn, ctx, op.complaint_id.as_str())?;
    }
    Ok(())
}

/// Deletes a never-exported operation (undo, or discarding a conflict).
pub fn delete_unexported(
    conn: &Connection,
    ctx: &DeskContext,
    op_id: &str,
) -> Result<bool, StoreError> {
    let complaint: Option<String> = conn
        .query_row(
            "DELETE FROM operations WHERE op_id = ?1 AND state IN ('pending', 'conflict')
             RETURNING complaint_id",
            [op_id],
            |r| r.get(0),
        )
        .optional()?;
    match complaint {
        Some(c) => {
            refresh_derived(conn, ctx, &c)?;
            Ok(true)
        }
        None => Ok(false),
    }
}

/// Pending operations, oldest first, each with the agency it answers for.
pub fn pending_with_agency(conn: &Connection) -> Result<Vec<(String, Operation)>, StoreError> {
    let sql =
        format!("SELECT {OP_COLUMNS}, agency FROM operations WHERE state = 'pending' ORDER BY seq");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([], |r| Ok((r.get(9)?, from_row(r)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Marks pending operations exported in a batch, all at once. Leaving `pending` changes
/// only their complaints' outbox columns (exported operations still stand for the
/// clocks), so those are recomputed together instead of each complaint in full.
pub fn mark_exported(conn: &Connection, batch_id: &str, op_ids: &[&str]) -> Result<(), StoreError> {
    let count = |state: &str| -> Result<i64, StoreError> {
        Ok(conn
            .prepare_cached("SELECT ifnull((SELECT n FROM op_counts WHERE state = ?1), 0)")?
            .query_row([state], |r| r.get(0))?)
    };
    // The batch usually takes every pending operation (a desk of one agency): then no
    // list is looked up, and the complaints are found by the outbox's own index.
    let all = count("pending")? as usize == op_ids.len();
    let list = serde_json::to_string(op_ids).unwrap_or_else(|_| "[]".into());
    if !all {
        conn.execute(
            "CREATE TEMP TABLE IF NOT EXISTS touched_complaints (id TEXT PRIMARY KEY)",
            [],
        )?;
        conn.execute("DELETE FROM temp.touched_complaints", [])?;
        conn.execute(
            "INSERT OR IGNORE INTO temp.touched_complaints
             SELECT complaint_id FROM operations
             WHERE op_id IN (SELECT value FROM json_each(?1))",
            [&list],
        )?;
    }
    let moved = if all {
        conn.execute(
            "UPDATE operations SET state = 'exported', batch_id = ?1, updated_at = ?2
             WHERE state = 'pending'",
            params![batch_id, now()],
        )?
    } else {
        conn.execute(
            "UPDATE operations SET state = 'exported', batch_id = ?1, updated_at = ?2
             WHERE state = 'pending' AND op_id IN (SELECT value FROM json_each(?3))",
            params![batch_id, now(), list],
        )?
    };
    // The schema's trigger leaves this move to the export (migration V5); a count table
    // holds no empty rows.
    if moved > 0 {
        conn.execute(
            "UPDATE op_counts SET n = n - ?1 WHERE state = 'pending'",
            [moved as i64],
        )?;
        conn.execute(
            "DELETE FROM op_counts WHERE state = 'pending' AND n = 0",
            [],
        )?;
        conn.execute(
            "INSERT INTO op_counts (state, n) VALUES ('exported', ?1)
             ON CONFLICT (state) DO UPDATE SET n = n + excluded.n",
            [moved as i64],
        )?;
    }
    // Every pending operation of these complaints is in this batch (a batch takes all
    // of an agency's), so none is left pending; the outbox keeps those with a rejected
    // or conflicting one, and there is none to look for when none is counted.
    let troubled = count("conflict")? + count("rejected")? > 0;
    let sql = match (all, troubled) {
        (true, false) => {
            "UPDATE complaints SET pending_ops = 0, outbox = 0
             WHERE outbox = 1 AND pending_ops > 0"
        }
        (true, true) => {
            "UPDATE complaints SET pending_ops = 0,
                 outbox = EXISTS (SELECT 1 FROM operations o WHERE o.complaint_id = complaints.id
                                  AND o.state IN ('conflict', 'rejected'))
             WHERE outbox = 1 AND pending_ops > 0"
        }
        (false, false) => {
            "UPDATE complaints SET pending_ops = 0, outbox = 0
             WHERE id IN (SELECT id FROM temp.touched_complaints)"
        }
        (false, true) => {
            "UPDATE complaints SET pending_ops = 0,
                 outbox = EXISTS (SELECT 1 FROM operations o WHERE o.complaint_id = complaints.id
                                  AND o.state IN ('conflict', 'rejected'))
             WHERE id IN (SELECT id FROM temp.touched_complaints)"
        }
    };
    conn.execute(sql, [])?;
    if !all {
        conn.execute("DELETE FROM temp.touched_complaints", [])?;
    }
    Ok(())
}

/// Operations in a state, oldest first.
pub fn operations_in_state(
    conn: &Connection,
    state: OpState,
) -> Result<Vec<Operation>, StoreError> {
    let sql = format!("SELECT {OP_COLUMNS} FROM operations WHERE state = ?1 ORDER BY seq");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([state.as_str()], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Operations of one outbound batch, in the order they were queued.
pub fn operations_in_batch(
    conn: &Connection,
    batch_id: &str,
) -> Result<Vec<Operation>, StoreError> {
    let sql = format!("SELECT {OP_COLUMNS} FROM operations WHERE batch_id = ?1 ORDER BY seq");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([batch_id], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

impl Store {
    /// A complaint's operations, oldest first.
    pub fn operations_for(&self, complaint_id: &str) -> Result<Vec<Operation>, StoreError> {
        let sql =
            format!("SELECT {OP_COLUMNS} FROM operations WHERE complaint_id = ?1 ORDER BY seq");
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([complaint_id], from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Operations in a state, oldest first.
    pub fn operations_in_state(&self, state: OpState) -> Result<Vec<Operation>, StoreError> {
        operations_in_state(&self.conn, state)
    }
}
