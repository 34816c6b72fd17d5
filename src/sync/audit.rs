//! What the audit journal says of the officer's operations: one entry per queued
//! operation, committed with it, and the entries the call sites of undo and of
//! settling a conflict append after those commit (see `store::audit`).

use crate::domain::{OpKind, Operation};
use crate::store::{Store, StoreError, Txn};

/// The journal's word for an operation's kind.
fn action(kind: &OpKind) -> &'static str {
    match kind {
        OpKind::Response { .. } => "respond",
        OpKind::Transfer { .. } => "transfer",
        OpKind::Hold { .. } => "hold",
    }
}

/// One line naming an operation: its id, complaint and what it asks.
pub fn describe(op: &Operation) -> String {
    let what = match &op.kind {
        OpKind::Response { stage, .. } => format!("stage {}", stage.as_str()),
        OpKind::Transfer {
            to_agency, reason, ..
        } => format!(
            "reason {}, to {}",
            reason.as_str(),
            to_agency.as_ref().map_or("(unknown)", |a| a.as_str())
        ),
        OpKind::Hold { .. } => "missing information asked".to_owned(),
    };
    format!(
        "{} on {} (revision {}): {what}",
        op.op_id, op.complaint_id, op.base_revision
    )
}

/// Journals every operation just queued, in the transaction that queues them.
pub fn queued(txn: &mut Txn<'_>, ops: &[Operation]) -> Result<(), StoreError> {
    for op in ops {
        txn.audit(&op.officer, action(&op.kind), &describe(op))?;
    }
    Ok(())
}

/// Journals an undo by `officer` (after the undo committed).
pub fn undone(store: &mut Store, officer: &str, op: &Operation) -> Result<(), StoreError> {
    store.audit(officer, "undo", &describe(op))
}

/// Journals a conflict settled by `officer`: confirmed again or discarded.
pub fn settled(
    store: &mut Store,
    officer: &str,
    op_id: &str,
    confirmed: bool,
) -> Result<(), StoreError> {
    let action = if confirmed { "confirm" } else { "discard" };
    store.audit(officer, action, op_id)
}
