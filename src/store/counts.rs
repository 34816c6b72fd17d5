//! What complaints new to the cache add to the maintained counts (`view_counts`,
//! `status_counts`, `due_counts`). Triggers keep the counts for every update and
//! delete; inserts are counted here instead, summed in memory during an import and
//! added in a few statements, because a trigger per inserted row cost a third of a
//! large import. (Their search texts: `store::search_text`.)
//!
//! The view rules below are the schema's (migration V3) for a row that has no response,
//! no operation and no transfer yet, which is what a new row is; *needs action* is the
//! domain's own rule.

use super::StoreError;
use super::error::Named;
use crate::domain::{Status, needs_action};
use rusqlite::{Connection, params};
use std::collections::BTreeMap;

/// Counts of inserted rows not yet added to the tables. The transaction that holds it
/// ([`super::Txn`]) flushes it before anything updates or deletes those rows (the
/// triggers then subtract from the tables) and before the commit.
#[derive(Debug, Default)]
pub(super) struct NewRows {
    total: i64,
    needs_action: i64,
    in_progress: i64,
    done: i64,
    left_desk: i64,
    status: BTreeMap<String, i64>,
    due: BTreeMap<String, i64>,
}

impl NewRows {
    /// Counts one new row with its status, whether it is in the desk's scope, and its
    /// nearest running due date.
    pub(super) fn add(&mut self, status: &Status, in_scope: bool, urgency_due: Option<&str>) {
        self.total += 1;
        // A new row is not answered and has no transfer proposed.
        self.needs_action += i64::from(needs_action(in_scope, status, false, false));
        self.in_progress += i64::from(*status == Status::Diproses);
        self.done += i64::from(*status == Status::Selesai);
        // Out of scope: in `transferred` and `left_desk` alike (nothing is proposed yet).
        self.left_desk += i64::from(!in_scope);
        if let Some(n) = self.status.get_mut(status.as_str()) {
            *n += 1;
        } else {
            self.status.insert(status.as_str().to_owned(), 1);
        }
        if let (true, Some(due)) = (in_scope, urgency_due) {
            *self.due.entry(due.to_owned()).or_default() += 1;
        }
    }

    /// Whether nothing is waiting to be added.
    pub(super) fn is_empty(&self) -> bool {
        self.total == 0
    }

    /// Adds the counted rows to the tables and starts again from zero.
    pub(super) fn flush(&mut self, conn: &Connection) -> Result<(), StoreError> {
        if self.is_empty() {
            return Ok(());
        }
        let done = std::mem::take(self);
        const VIEWS: &str = "add new complaints to the view counts";
        conn.prepare_cached(
            "UPDATE view_counts SET total = total + ?1, needs_action = needs_action + ?2,
                 in_progress = in_progress + ?3, done = done + ?4,
                 transferred = transferred + ?5, left_desk = left_desk + ?5
             WHERE id = 1",
        )
        .and_then(|mut s| {
            s.execute(params![
                done.total,
                done.needs_action,
                done.in_progress,
                done.done,
                done.left_desk
            ])
        })
        .named(VIEWS)?;
        const STATUS: &str = "add new complaints to the status counts";
        let mut status = conn
            .prepare_cached(
                "INSERT INTO status_counts (status, n) VALUES (?1, ?2)
                 ON CONFLICT (status) DO UPDATE SET n = n + excluded.n",
            )
            .named(STATUS)?;
        for (s, n) in &done.status {
            status.execute(params![s, n]).named(STATUS)?;
        }
        const DUE: &str = "add new complaints to the due-date counts";
        let mut due = conn
            .prepare_cached(
                "INSERT INTO due_counts (due, n) VALUES (?1, ?2)
                 ON CONFLICT (due) DO UPDATE SET n = n + excluded.n",
            )
            .named(DUE)?;
        for (d, n) in &done.due {
            due.execute(params![d, n]).named(DUE)?;
        }
        Ok(())
    }
}
