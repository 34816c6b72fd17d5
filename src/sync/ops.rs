//! Queuing the officer's operations (respond, transfer, hold) and resolving conflicts.
//! A request is validated whole before anything is written; all its operations are
//! committed in one transaction with the derived state they change.

use crate::config::Config;
use crate::domain::operation::unfilled_placeholder;
use crate::domain::{AgencyCode, ComplaintId, OpId, OpKind, OpState, Operation};
use crate::store::{Store, StoreError, Txn};
use chrono::{DateTime, FixedOffset};

/// One operation to queue on one complaint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpRequest {
    pub complaint_id: ComplaintId,
    pub kind: OpKind,
    /// The text was filled from a template whose placeholders were all checked, so
    /// braces in it come from the complaint itself and are not placeholders.
    pub placeholders_checked: bool,
}

/// The text of an operation that must not be empty.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpText {
    Response,
    TransferNote,
    Missing,
}

impl OpText {
    /// Its English name (the command line's and the logs' word for it).
    pub fn name(self) -> &'static str {
        match self {
            OpText::Response => "response text",
            OpText::TransferNote => "transfer note",
            OpText::Missing => "description of what is missing",
        }
    }
}

/// Why a request was refused (nothing was queued).
#[derive(Debug, thiserror::Error)]
pub enum OpError {
    #[error("unknown complaint {0}")]
    UnknownComplaint(ComplaintId),
    #[error("complaint {id} belongs to {agency}, outside this desk's scope")]
    OutOfScope { id: ComplaintId, agency: AgencyCode },
    #[error("complaint {0}: the {what} is empty", what = .1.name())]
    Empty(ComplaintId, OpText),
    #[error("complaint {0}: the text still holds the unfilled placeholder {1}")]
    Placeholder(ComplaintId, String),
    #[error("complaint {id} is already at {agency}: transfer it to another agency")]
    SameAgency { id: ComplaintId, agency: AgencyCode },
    #[error("unknown agency {0} (not in the directory)")]
    UnknownAgency(AgencyCode),
    #[error("no officer is configured: set `officer` in the config")]
    NoOfficer,
    #[error("no operation {0} to confirm or discard")]
    UnknownOperation(String),
    #[error(
        "operation {0} was rejected by the registry: queue it anew (sigap respond, transfer or hold) or discard it"
    )]
    RedoRejected(String),
    #[error("operation {0} is {1}: only one in conflict or rejected can be settled")]
    NotInConflict(String, OpState),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Checks every request, then queues them all in one transaction. Returns the new
/// operation ids in request order.
pub fn queue_operations(
    store: &mut Store,
    cfg: &Config,
    requests: &[OpRequest],
    now: DateTime<FixedOffset>,
) -> Result<Vec<OpId>, OpError> {
    if cfg.officer.trim().is_empty() {
        return Err(OpError::NoOfficer);
    }
    let mut txn = store.txn()?;
    let mut ops = Vec::with_capacity(requests.len());
    for req in requests {
        let id = &req.complaint_id;
        let Some((revision, agency)) = txn.revision_and_agency(id.as_str())? else {
            return Err(OpError::UnknownComplaint(id.clone()));
        };
        if !cfg.in_scope(&agency) {
            return Err(OpError::OutOfScope {
                id: id.clone(),
                agency,
            });
        }
        if let OpKind::Transfer {
            to_agency: Some(to),
            ..
        } = &req.kind
            && *to == agency
        {
            return Err(OpError::SameAgency {
                id: id.clone(),
                agency,
            });
        }
        validate_kind(&txn, id, &req.kind, req.placeholders_checked)?;
        ops.push(Operation {
            op_id: OpId::new_v7(),
            complaint_id: id.clone(),
            base_revision: revision,
            officer: cfg.officer.trim().to_owned(),
            at: now,
            kind: req.kind.clone(),
            state: OpState::Pending,
            batch_id: None,
            reason: None,
        });
    }
    let action = txn.next_action()?;
    for op in &ops {
        txn.insert_operation(op, action)?;
        // A rejected operation of the same kind is redone by this one.
        txn.retire_rejected(op.complaint_id.as_str(), op.kind.type_name())?;
    }
    super::audit::queued(&mut txn, &ops)?;
    txn.commit()?;
    Ok(ops.into_iter().map(|o| o.op_id).collect())
}

fn validate_kind(
    txn: &Txn<'_>,
    id: &ComplaintId,
    kind: &OpKind,
    placeholders_checked: bool,
) -> Result<(), OpError> {
    let check_text = |text: &str, what: OpText| {
        if text.trim().is_empty() {
            return Err(OpError::Empty(id.clone(), what));
        }
        if let Some(p) = unfilled_placeholder(text).filter(|_| !placeholders_checked) {
            return Err(OpError::Placeholder(id.clone(), p.to_owned()));
        }
        Ok(())
    };
    match kind {
        OpKind::Response { text, .. } => check_text(text, OpText::Response),
        OpKind::Hold { missing } => check_text(missing, OpText::Missing),
        OpKind::Transfer {
            to_agency, note, ..
        } => {
            check_text(note, OpText::TransferNote)?;
            if let Some(to) = to_agency
                && !txn.agency_known(to.as_str())?
            {
                return Err(OpError::UnknownAgency(to.clone()));
            }
            Ok(())
        }
    }
}

/// The operation `op_id`, which must be in conflict.
fn in_conflict(txn: &Txn<'_>, op_id: &str) -> Result<Operation, OpError> {
    let op = txn
        .operation(op_id)?
        .ok_or_else(|| OpError::UnknownOperation(op_id.to_owned()))?;
    match op.state {
        OpState::Conflict => {}
        OpState::Rejected => return Err(OpError::RedoRejected(op_id.to_owned())),
        state => return Err(OpError::NotInConflict(op_id.to_owned(), state)),
    }
    Ok(op)
}

/// Confirms a conflicting operation again, rebased on its complaint's current revision.
pub fn confirm_conflict(store: &mut Store, op_id: &str) -> Result<u64, OpError> {
    let mut txn = store.txn()?;
    let op = in_conflict(&txn, op_id)?;
    let Some((revision, _)) = txn.revision_and_agency(op.complaint_id.as_str())? else {
        return Err(OpError::UnknownComplaint(op.complaint_id));
    };
    txn.rebase_operation(op_id, revision)?;
    txn.commit()?;
    Ok(revision)
}

/// Discards an operation in conflict (it is deleted: it never left the desk) or one
/// the registry rejected (it stays, retired, for the batch it left in).
pub fn discard(store: &mut Store, op_id: &str) -> Result<(), OpError> {
    let mut txn = store.txn()?;
    let op = txn
        .operation(op_id)?
        .ok_or_else(|| OpError::UnknownOperation(op_id.to_owned()))?;
    match op.state {
        OpState::Conflict => {
            txn.delete_unexported(op_id)?;
        }
        OpState::Rejected => txn.set_op_state(op_id, OpState::Discarded, None)?,
        state => return Err(OpError::NotInConflict(op_id.to_owned(), state)),
    }
    txn.commit()?;
    Ok(())
}

/// Undoes the most recent officer action that has operations not yet exported: all of
/// them, in one transaction. Returns them (empty when there is nothing to undo).
pub fn undo_last(store: &mut Store) -> Result<Vec<Operation>, OpError> {
    let mut txn = store.txn()?;
    let ops = txn.last_unexported_action()?;
    for op in &ops {
        txn.delete_unexported(op.op_id.as_str())?;
    }
    txn.commit()?;
    Ok(ops)
}
