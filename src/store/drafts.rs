//! Response drafts, saved as the officer types so that a crash or a power cut loses at
//! most the last seconds.

use super::{Store, StoreError};
use chrono::Utc;
use rusqlite::{OptionalExtension, params};

impl Store {
    /// Saves (or replaces) the draft of a complaint.
    pub fn save_draft(&self, id: &str, stage: &str, text: &str) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO drafts (complaint_id, stage, text, updated_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (complaint_id) DO UPDATE SET stage = excluded.stage,
                 text = excluded.text, updated_at = excluded.updated_at",
            params![id, stage, text, Utc::now().to_rfc3339()],
        )?;
        Ok(())
    }

    /// The draft of a complaint: its stage and text.
    pub fn draft(&self, id: &str) -> Result<Option<(String, String)>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT stage, text FROM drafts WHERE complaint_id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
    }

    /// Deletes a complaint's draft (once its response is queued).
    pub fn delete_draft(&self, id: &str) -> Result<(), StoreError> {
        self.conn
            .execute("DELETE FROM drafts WHERE complaint_id = ?1", [id])?;
        Ok(())
    }

    /// How many drafts are saved.
    pub fn draft_count(&self) -> Result<usize, StoreError> {
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM drafts", [], |r| r.get(0))?;
        Ok(n as usize)
    }

    /// When the oldest pending operation was queued, if any.
    pub fn oldest_pending(&self) -> Result<Option<String>, StoreError> {
        Ok(self.conn.query_row(
            "SELECT min(at_utc) FROM operations WHERE state = 'pending'",
            [],
            |r| r.get(0),
        )?)
    }

    /// The rejected and conflicting operations' (complaint, state) of these complaints,
    /// for the inbox's markers.
    pub fn flagged_operations(&self, ids: &[&str]) -> Result<Vec<(String, String)>, StoreError> {
        let list = serde_json::to_string(ids).unwrap_or_else(|_| "[]".into());
        let mut stmt = self.conn.prepare_cached(
            "SELECT complaint_id, state FROM operations
             WHERE complaint_id IN (SELECT value FROM json_each(?1))
               AND state IN ('rejected', 'conflict')",
        )?;
        let rows = stmt.query_map([list], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
