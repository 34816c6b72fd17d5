//! The effects that change the cache and are quick enough to run in the loop:
//! queueing operations, drafts, undo, settling conflicts, and scanning the import
//! folder (which records what it finds).

use super::Executor;
use crate::app::Action;
use crate::domain::{ComplaintId, OpState, Stage};
use crate::sync::{self, OpRequest};
use chrono::Utc;
use color_eyre::eyre::Result;

impl Executor {
    /// Commits operations, all or none, and deletes the drafts they replace.
    pub(super) fn queue(
        &mut self,
        requests: &[OpRequest],
        what: crate::app::QueueKind,
        clear_drafts: &[ComplaintId],
    ) -> Vec<Action> {
        let now = Utc::now().with_timezone(&self.cfg.timezone);
        match sync::queue_operations(&mut self.store, &self.cfg, requests, now) {
            Ok(ids) => {
                // The operations are committed: a draft that could not be deleted is
                // harmless and must not make the officer send again.
                for id in clear_drafts {
                    let _ = self.store.delete_draft(id.as_str());
                }
                vec![Action::Queued {
                    count: ids.len(),
                    what,
                }]
            }
            Err(e) => vec![Action::Failed(self.cfg.language.op_error(&e))],
        }
    }

    /// Saves a response draft under each complaint it is for.
    pub(super) fn save_draft(
        &mut self,
        ids: &[ComplaintId],
        stage: Stage,
        text: &str,
        close: bool,
    ) -> Vec<Action> {
        let saved = ids
            .iter()
            .try_for_each(|id| self.store.save_draft(id.as_str(), stage.as_str(), text));
        match saved {
            Ok(()) => vec![Action::DraftSaved { close }],
            Err(e) => vec![Action::DraftNotSaved(self.cfg.language.store_error(&e))],
        }
    }

    /// Undoes the last unexported action, all its operations.
    pub(super) fn undo(&mut self) -> Result<Vec<Action>> {
        let ops = sync::ops::undo_last(&mut self.store)?;
        for op in &ops {
            sync::audit::undone(&mut self.store, &self.cfg.officer, op)?;
        }
        Ok(vec![Action::Undone(ops)])
    }

    /// Confirms again (or discards) a complaint's operations in conflict.
    /// Confirming takes the operations in conflict; discarding takes the rejected ones
    /// too.
    pub(super) fn conflicts(&mut self, id: &ComplaintId, confirm: bool) -> Result<Vec<Action>> {
        let ops: Vec<String> = self
            .store
            .operations_for(id.as_str())?
            .into_iter()
            .filter(|o| o.state == OpState::Conflict || (!confirm && o.state == OpState::Rejected))
            .map(|o| o.op_id.0)
            .collect();
        for op in &ops {
            if confirm {
                sync::ops::confirm_conflict(&mut self.store, op)?;
            } else {
                sync::ops::discard(&mut self.store, op)?;
            }
            sync::audit::settled(&mut self.store, &self.cfg.officer, op, confirm)?;
        }
        Ok(vec![Action::ConflictsSettled(ops.len())])
    }

    /// Lists the batch files in the import folder.
    pub(super) fn scan_import_dir(&mut self) -> Result<Vec<Action>> {
        Ok(match self.cfg.import_dir.clone() {
            Some(dir) => vec![Action::ImportDirScanned(sync::scan_import_dir(
                &mut self.store,
                &dir,
            )?)],
            None => vec![
                Action::ImportDirScanned(Vec::new()),
                Action::Failed(self.cfg.language.t().no_import_folder.into()),
            ],
        })
    }
}
