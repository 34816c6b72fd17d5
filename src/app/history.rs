//! Redo: what the last undos took back, kept while nothing new is queued, so `Ctrl-r`
//! can queue it again (as new operations; undo deleted the old ones).

use super::{App, Effect, QueueKind};
use crate::domain::{OpKind, Operation};
use crate::sync::OpRequest;

/// The undone actions, most recent last.
#[derive(Debug, Default)]
pub struct History {
    redo: Vec<Vec<OpRequest>>,
    /// The action being queued again, until its result arrives.
    redoing: Option<Vec<OpRequest>>,
}

impl History {
    /// An action was undone: it can be redone.
    pub fn undone(&mut self, ops: &[Operation]) {
        if ops.is_empty() {
            return;
        }
        self.redo.push(
            ops.iter()
                .map(|op| OpRequest {
                    complaint_id: op.complaint_id.clone(),
                    kind: op.kind.clone(),
                    // The text was filled and checked when it was first queued.
                    placeholders_checked: true,
                })
                .collect(),
        );
    }

    /// Something was queued: a redo landed, or a new action ends what can be redone.
    pub fn queued(&mut self) {
        if self.redoing.take().is_none() {
            self.redo.clear();
        }
    }

    /// Something failed: a redo that did not land can be tried again.
    pub fn failed(&mut self) {
        if let Some(r) = self.redoing.take() {
            self.redo.push(r);
        }
    }
}

impl App {
    /// `Ctrl-r`: queues again what the last undo took back.
    pub fn redo(&mut self) -> Vec<Effect> {
        let Some(requests) = self.history.redo.pop() else {
            self.say(self.lang().nothing_to_redo());
            return Vec::new();
        };
        let what = match requests.first().map(|r| &r.kind) {
            Some(OpKind::Transfer { .. }) => QueueKind::Transfers,
            Some(OpKind::Hold { .. }) => QueueKind::Holds,
            _ => QueueKind::Responses,
        };
        self.history.redoing = Some(requests.clone());
        vec![Effect::Queue {
            requests,
            what,
            clear_drafts: Vec::new(),
        }]
    }
}
