//! The outbox: the officer's operations and their states. An operation is written in
//! the same transaction as the derived columns it changes, and every change of its
//! state goes through one function ([`change_state`]), the export aside: it records
//! its batches once each ([`Txn::mark_exported`]) and writes no operation, so the
//! operations are read through the view `operation_states`, which tells the exported
//! from the pending ([`super::export_marks`]).

use super::derived::utc_key;
use super::error::{Named, Part};
use super::row::{col, columns};
use super::{Store, StoreError, Txn};
use crate::domain::{BatchId, ComplaintId, OpId, OpKind, OpState, Operation};
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};

/// An operation as stored.
pub type OpRow = Operation;

columns!(
    /// An operation's columns, with the agency it answers for.
    OpCols = [
        "op_id",
        "complaint_id",
        "base_revision",
        "officer",
        "at",
        "payload",
        "state",
        "batch_id",
        "reason",
        "agency",
    ];
    const BY_ID = "FROM operation_states WHERE op_id = ?1";
    const BY_STATE = "FROM operation_states WHERE state = ?1 ORDER BY seq";
    const PENDING_NOW = "FROM operations INDEXED BY operations_pending_by_queue
         WHERE state = 'pending' AND queued > (SELECT upto FROM export_mark) ORDER BY queued";
    const BY_BATCH = "FROM operation_states WHERE seq IN (
             SELECT seq FROM operations WHERE batch_id = ?1
             UNION ALL
             SELECT o.seq FROM export_spans s JOIN operations o
                 ON o.state = 'pending' AND o.agency = s.agency
                 AND o.queued > s.after AND o.queued <= s.upto
             WHERE s.batch_id = ?1)
         ORDER BY seq";
    const BY_COMPLAINT = "FROM operation_states WHERE complaint_id = ?1 ORDER BY seq";
    const LAST_UNEXPORTED_ACTION = "FROM operations WHERE seq IN (
             WITH last (seq) AS (SELECT max(m) FROM (
                 SELECT max(seq) AS m FROM operations INDEXED BY operations_pending_by_queue
                 WHERE state = 'pending' AND queued > (SELECT upto FROM export_mark)
                 UNION ALL
                 SELECT max(seq) FROM operations WHERE state = 'conflict'))
             SELECT seq FROM last
             UNION
             SELECT o.seq FROM operations o, last l
             WHERE o.action = (SELECT action FROM operations WHERE seq = l.seq))
         AND (+state = 'conflict' OR +state = 'pending' AND queued > (SELECT upto FROM export_mark))
         ORDER BY seq";
);

/// An operation row as read, before its payload, instant and state are decoded (those
/// are borrowed from the row: an export reads 100,000).
struct Stored<'r> {
    op_id: String,
    complaint_id: String,
    base_revision: i64,
    officer: String,
    at: &'r str,
    payload: &'r str,
    state: &'r str,
    batch_id: Option<String>,
    reason: Option<String>,
    agency: String,
}

/// A text column, borrowed from the row.
fn text<'r>(r: &'r Row<'_>, i: usize) -> rusqlite::Result<&'r str> {
    r.get_ref(i)?.as_str().map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
    })
}

impl<'r> Stored<'r> {
    fn read(r: &'r Row<'_>) -> rusqlite::Result<Stored<'r>> {
        Ok(Stored {
            op_id: r.get(col!(OpCols, "op_id"))?,
            complaint_id: r.get(col!(OpCols, "complaint_id"))?,
            base_revision: r.get(col!(OpCols, "base_revision"))?,
            officer: r.get(col!(OpCols, "officer"))?,
            at: text(r, col!(OpCols, "at"))?,
            payload: text(r, col!(OpCols, "payload"))?,
            state: text(r, col!(OpCols, "state"))?,
            batch_id: r.get(col!(OpCols, "batch_id"))?,
            reason: r.get(col!(OpCols, "reason"))?,
            agency: r.get(col!(OpCols, "agency"))?,
        })
    }

    /// The operation and the agency it answers for; an undecodable payload or instant
    /// is an error naming its complaint.
    fn decode(self) -> Result<(String, Operation), StoreError> {
        let corrupt = |reason: String| StoreError::Corrupt {
            complaint: self.complaint_id.clone(),
            part: Part::Operation(self.op_id.clone()),
            reason,
        };
        let kind: OpKind =
            serde_json::from_str(self.payload).map_err(|e| corrupt(e.to_string()))?;
        let at = DateTime::parse_from_rfc3339(self.at).map_err(|e| corrupt(e.to_string()))?;
        let op = Operation {
            op_id: OpId(self.op_id),
            complaint_id: ComplaintId(self.complaint_id),
            base_revision: self.base_revision as u64,
            officer: self.officer,
            at,
            kind,
            state: OpState::parse(self.state).unwrap_or(OpState::Pending),
            batch_id: self.batch_id.map(BatchId),
            reason: self.reason,
        };
        Ok((self.agency, op))
    }
}

/// The operations a statement over [`OpCols`] finds, each with its agency.
fn select(
    conn: &Connection,
    statement: &'static str,
    sql: &str,
    params: impl rusqlite::Params,
) -> Result<Vec<(String, Operation)>, StoreError> {
    select_into(conn, statement, sql, params, Vec::new())
}

/// [`select`] into `out`, each row decoded as it is read (an export reads 100,000).
fn select_into(
    conn: &Connection,
    statement: &'static str,
    sql: &str,
    params: impl rusqlite::Params,
    mut out: Vec<(String, Operation)>,
) -> Result<Vec<(String, Operation)>, StoreError> {
    let mut stmt = conn.prepare_cached(sql).named(statement)?;
    let mut rows = stmt.query(params).named(statement)?;
    while let Some(r) = rows.next().named(statement)? {
        out.push(Stored::read(r).named(statement)?.decode()?);
    }
    Ok(out)
}

fn ops_only(found: Vec<(String, Operation)>) -> Vec<Operation> {
    found.into_iter().map(|(_, op)| op).collect()
}

fn now() -> String {
    Utc::now().to_rfc3339()
}

/// Looks up one operation.
fn get_operation(conn: &Connection, op_id: &str) -> Result<Option<Operation>, StoreError> {
    Ok(select(conn, "read an operation", BY_ID, [op_id])?
        .pop()
        .map(|(_, op)| op))
}

/// Which operations a change of state applies to.
enum Which<'a> {
    /// One operation, by id.
    One(&'a str),
    /// Every pending operation of a complaint.
    PendingOf(&'a str),
    /// Every rejected operation of a complaint of one kind (`response`, …).
    RejectedOf(&'a str, &'a str),
}

/// Sets the state (and the reason, when one is given) of the operations `which` names:
/// the one place an operation's state changes. Returns how many changed and the
/// complaint of the first; the caller settles that complaint's derived columns.
fn change_state(
    conn: &Connection,
    which: Which<'_>,
    state: OpState,
    reason: Option<&str>,
) -> Result<(usize, Option<String>), StoreError> {
    // Leaving `exported`, a row takes its batch from its span; made pending again (a
    // conflict confirmed), it takes a queue number above the export mark.
    let (sql, key, kind) = match which {
        Which::One(op_id) => (
            "UPDATE operations SET state = ?2, reason = coalesce(?3, reason), updated_at = ?4,
                 batch_id = (SELECT v.batch_id FROM operation_states v
                             WHERE v.seq = operations.seq),
                 queued = ifnull(?6, queued)
             WHERE op_id = ?1 AND ?5 IS NULL RETURNING complaint_id",
            op_id,
            None,
        ),
        Which::PendingOf(complaint_id) => (
            "UPDATE operations SET state = ?2, reason = coalesce(?3, reason), updated_at = ?4,
                 queued = ifnull(?6, queued)
             WHERE complaint_id = ?1 AND ?5 IS NULL
               AND state = 'pending' AND queued > (SELECT upto FROM export_mark)
             RETURNING complaint_id",
            complaint_id,
            None,
        ),
        Which::RejectedOf(complaint_id, kind) => (
            "UPDATE operations SET state = ?2, reason = coalesce(?3, reason), updated_at = ?4,
                 queued = ifnull(?6, queued)
             WHERE complaint_id = ?1 AND state = 'rejected' AND kind = ?5
             RETURNING complaint_id",
            complaint_id,
            Some(kind),
        ),
    };
    let queued = match state {
        OpState::Pending => Some(super::export_marks::next_queue_number(conn)?),
        _ => None,
    };
    const CHANGE: &str = "change an operation's state";
    let mut stmt = conn.prepare_cached(sql).named(CHANGE)?;
    let mut rows = stmt
        .query(params![key, state.as_str(), reason, now(), kind, queued])
        .named(CHANGE)?;
    let mut changed = 0;
    let mut complaint = None;
    while let Some(r) = rows.next().named(CHANGE)? {
        changed += 1;
        if complaint.is_none() {
            complaint = Some(r.get("complaint_id").named(CHANGE)?);
        }
    }
    Ok((changed, complaint))
}

impl Txn<'_> {
    /// A number for a new officer action (the operations it queues share it).
    pub fn next_action(&self) -> Result<i64, StoreError> {
        self.tx
            .prepare_cached("SELECT ifnull(max(action), 0) + 1 AS next FROM operations")
            .and_then(|mut s| s.query_row([], |r| r.get("next")))
            .named("number an action")
    }

    /// Appends an operation to the outbox as part of officer action `action`, and
    /// refreshes its complaint's derived columns.
    pub fn insert_operation(&mut self, op: &Operation, action: i64) -> Result<(), StoreError> {
        let payload = serde_json::to_string(&op.kind).map_err(|e| StoreError::Unencodable {
            op: op.op_id.to_string(),
            reason: e.to_string(),
        })?;
        self.tx
            .prepare_cached(
                "INSERT INTO operations (op_id, complaint_id, kind, base_revision, officer, at,
                     at_utc, payload, state, batch_id, reason, updated_at, action, agency, queued)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,
                     ifnull((SELECT agency FROM complaints WHERE id = ?2), ''),
                     ifnull((SELECT seq FROM sqlite_sequence WHERE name = 'operations'), 0) + 1)",
            )
            .and_then(|mut s| {
                s.execute(params![
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
                    action,
                ])
            })
            .named("queue an operation")?;
        self.refresh(op.complaint_id.as_str())
    }

    /// Looks up one operation.
    pub fn operation(&self, op_id: &str) -> Result<Option<Operation>, StoreError> {
        get_operation(&self.tx, op_id)
    }

    /// The operations of the most recent officer action that has operations not yet
    /// exported (what undo takes back), in the order they were queued.
    pub fn last_unexported_action(&self) -> Result<Vec<Operation>, StoreError> {
        Ok(select(
            &self.tx,
            "find the last action's operations",
            LAST_UNEXPORTED_ACTION,
            [],
        )?
        .into_iter()
        .map(|(_, op)| op)
        .collect())
    }

    /// Sets an operation's state (and its reason when given), then refreshes the
    /// derived columns of its complaint.
    pub fn set_op_state(
        &mut self,
        op_id: &str,
        state: OpState,
        reason: Option<&str>,
    ) -> Result<(), StoreError> {
        let (_, complaint) = change_state(&self.tx, Which::One(op_id), state, reason)?;
        match complaint {
            Some(c) => self.refresh(&c),
            None => Ok(()),
        }
    }

    /// Retires a complaint's rejected operations of one kind (`response`, `transfer`,
    /// `hold`): the officer dealt with them (discarded, or queued anew). Returns how
    /// many.
    pub fn retire_rejected(&mut self, complaint_id: &str, kind: &str) -> Result<usize, StoreError> {
        let (n, complaint) = change_state(
            &self.tx,
            Which::RejectedOf(complaint_id, kind),
            OpState::Discarded,
            None,
        )?;
        if let Some(c) = complaint {
            self.refresh(&c)?;
        }
        Ok(n)
    }

    /// Turns every pending operation of a complaint into a conflict (its registry
    /// revision changed under them). Returns how many; the complaint is settled before
    /// the commit.
    pub fn mark_conflicts(&mut self, complaint_id: &str) -> Result<u64, StoreError> {
        let (n, _) = change_state(
            &self.tx,
            Which::PendingOf(complaint_id),
            OpState::Conflict,
            None,
        )?;
        if n > 0 {
            self.mark_stale(complaint_id)?;
        }
        Ok(n as u64)
    }

    /// Rebases an operation on a new revision and makes it pending again (confirming it
    /// after a conflict); it answers for its complaint's current agency.
    pub fn rebase_operation(&mut self, op_id: &str, base_revision: u64) -> Result<(), StoreError> {
        self.tx
            .prepare_cached(
                "UPDATE operations SET base_revision = ?2,
                     agency = ifnull((SELECT c.agency FROM complaints c
                                      WHERE c.id = operations.complaint_id), agency)
                 WHERE op_id = ?1",
            )
            .and_then(|mut s| s.execute(params![op_id, base_revision as i64]))
            .named("rebase an operation")?;
        self.set_op_state(op_id, OpState::Pending, None)
    }

    /// Deletes a never-exported operation (undo, or discarding a conflict).
    pub fn delete_unexported(&mut self, op_id: &str) -> Result<bool, StoreError> {
        let complaint: Option<String> = self
            .tx
            .prepare_cached(
                "DELETE FROM operations WHERE op_id = ?1
                     AND (state = 'conflict'
                          OR state = 'pending' AND queued > (SELECT upto FROM export_mark))
                 RETURNING complaint_id",
            )
            .and_then(|mut s| s.query_row([op_id], |r| r.get("complaint_id")).optional())
            .named("delete an operation")?;
        match complaint {
            Some(c) => {
                self.refresh(&c)?;
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// Pending operations in the order they were queued (a conflict confirmed again is
    /// queued when confirmed), each with the agency it answers for.
    pub fn pending_with_agency(&self) -> Result<Vec<(String, Operation)>, StoreError> {
        const READ: &str = "read the pending operations";
        let counted: i64 = self
            .tx
            .prepare_cached(
                "SELECT ifnull((SELECT n FROM op_counts WHERE state = 'pending'), 0) AS n",
            )
            .and_then(|mut s| s.query_row([], |r| r.get("n")))
            .named(READ)?;
        let room = Vec::with_capacity(counted.clamp(0, 1 << 20) as usize);
        select_into(&self.tx, READ, PENDING_NOW, [], room)
    }
}

impl Store {
    /// A complaint's operations, oldest first.
    pub fn operations_for(&self, complaint_id: &str) -> Result<Vec<Operation>, StoreError> {
        let found = select(
            &self.conn,
            "read a complaint's operations",
            BY_COMPLAINT,
            [complaint_id],
        )?;
        Ok(ops_only(found))
    }

    /// Operations in a state, oldest first.
    pub fn operations_in_state(&self, state: OpState) -> Result<Vec<Operation>, StoreError> {
        let found = select(
            &self.conn,
            "read operations by state",
            BY_STATE,
            [state.as_str()],
        )?;
        Ok(ops_only(found))
    }

    /// Operations of one outbound batch, in the order they were queued.
    pub fn operations_in_batch(&self, batch_id: &str) -> Result<Vec<Operation>, StoreError> {
        let found = select(
            &self.conn,
            "read a batch's operations",
            BY_BATCH,
            [batch_id],
        )?;
        Ok(ops_only(found))
    }
}

#[cfg(test)]
mod plan {
    use super::{LAST_UNEXPORTED_ACTION, PENDING_NOW};
    use crate::store::query_plan;

    /// The export's read and undo's find the still pending operations from the export
    /// mark up, not by walking every operation stored as `pending`.
    #[test]
    fn the_pending_are_read_from_the_mark_up() {
        let plan = query_plan(PENDING_NOW, []);
        assert_eq!(
            plan[0],
            "SEARCH operations USING INDEX operations_pending_by_queue (queued>?)"
        );
        // In the index's order: 100,000 operations are not sorted again.
        assert!(!plan.iter().any(|p| p.contains("TEMP B-TREE")), "{plan:#?}");
        let plan = query_plan(LAST_UNEXPORTED_ACTION, []);
        assert_eq!(
            plan[0],
            "SEARCH operations USING INTEGER PRIMARY KEY (rowid=?)"
        );
        assert!(
            plan.iter()
                .any(|p| p.contains("COVERING INDEX operations_pending_by_queue (queued>?)")),
            "{plan:#?}"
        );
        assert!(
            !plan.iter().any(|p| p.starts_with("SCAN operations")),
            "{plan:#?}"
        );
    }
}
