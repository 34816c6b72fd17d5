//! Response drafts, saved as the officer types so that a crash or a power cut loses at
//! most the last seconds; and the outbox's figures the status bar shows beside them.

use super::error::Named;
use super::{Store, StoreError};
use chrono::Utc;
use rusqlite::{OptionalExtension, params};

impl Store {
    /// Saves (or replaces) the draft of a complaint.
    pub fn save_draft(&self, id: &str, stage: &str, text: &str) -> Result<(), StoreError> {
        self.conn
            .prepare_cached(
                "INSERT INTO drafts (complaint_id, stage, text, updated_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (complaint_id) DO UPDATE SET stage = excluded.stage,
                     text = excluded.text, updated_at = excluded.updated_at",
            )
            .and_then(|mut s| s.execute(params![id, stage, text, Utc::now().to_rfc3339()]))
            .named("save a draft")?;
        Ok(())
    }

    /// The draft of a complaint: its stage and text.
    pub fn draft(&self, id: &str) -> Result<Option<(String, String)>, StoreError> {
        self.conn
            .prepare_cached("SELECT stage, text FROM drafts WHERE complaint_id = ?1")
            .and_then(|mut s| {
                s.query_row([id], |r| Ok((r.get("stage")?, r.get("text")?)))
                    .optional()
            })
            .named("read a draft")
    }

    /// Deletes a complaint's draft (once its response is queued).
    pub fn delete_draft(&self, id: &str) -> Result<(), StoreError> {
        self.conn
            .prepare_cached("DELETE FROM drafts WHERE complaint_id = ?1")
            .and_then(|mut s| s.execute([id]))
            .named("delete a draft")?;
        Ok(())
    }

    /// How many drafts are saved.
    pub fn draft_count(&self) -> Result<usize, StoreError> {
        let n: i64 = self
            .conn
            .prepare_cached("SELECT count(*) AS n FROM drafts")
            .and_then(|mut s| s.query_row([], |r| r.get("n")))
            .named("count the drafts")?;
        Ok(n as usize)
    }

    /// When the oldest pending operation was queued, if any.
    pub fn oldest_pending(&self) -> Result<Option<String>, StoreError> {
        self.conn
            .prepare_cached(
                "SELECT min(at_utc) AS oldest
                 FROM operations INDEXED BY operations_pending_by_queue
                 WHERE state = 'pending' AND queued > (SELECT upto FROM export_mark)",
            )
            .and_then(|mut s| s.query_row([], |r| r.get("oldest")))
            .named("find the oldest pending operation")
    }

    /// The rejected and conflicting operations' (complaint, state) of these complaints,
    /// for the inbox's markers.
    pub fn flagged_operations(&self, ids: &[&str]) -> Result<Vec<(String, String)>, StoreError> {
        let list = serde_json::to_string(ids).unwrap_or_else(|_| "[]".into());
        self.conn
            .prepare_cached(
                "SELECT complaint_id, state FROM operations
                 WHERE complaint_id IN (SELECT value FROM json_each(?1))
                   AND state IN ('rejected', 'conflict')",
            )
            .and_then(|mut s| {
                s.query_map([list], |r| Ok((r.get("complaint_id")?, r.get("state")?)))?
                    .collect()
            })
            .named("read the flagged operations")
    }
}
