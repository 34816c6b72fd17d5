//! `sigap check`: the whole file read by SQLite's `integrity_check`, every maintained
//! count against a recount, rows that point at nothing, derived columns against a
//! recomputation, and the audit chain; and `--repair` for what can be rebuilt from the
//! rows themselves (counts, search texts, derived columns, orphan bookkeeping). Damage
//! to the rows themselves cannot be rebuilt: a backup can be restored.

use super::audit::AuditVerdict;
use super::error::Named;
use super::rules::NEEDS_ACTION;
use super::search_text::SEARCH_TEXT;
use super::{Store, StoreError};
use rusqlite::Connection;

/// One thing the check found wrong.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Problem {
    /// SQLite's own check of the file found this.
    Integrity { detail: String },
    /// A maintained count differs from a recount (`what` names the table).
    Count { what: String },
    /// Rows that point at nothing (`what` says which).
    Orphans { what: String, rows: u64 },
    /// Complaints whose derived columns (due dates, outbox, sort key) are stale.
    Derived { complaints: u64 },
    /// The audit journal's chain is broken at this entry.
    Audit { seq: i64, reason: String },
}

impl Problem {
    /// Whether `--repair` rebuilds it.
    pub fn repairable(&self) -> bool {
        match self {
            Problem::Count { .. } | Problem::Derived { .. } => true,
            Problem::Orphans { what, .. } => what != ORPHAN_OPS && what != ORPHAN_BATCH,
            Problem::Integrity { .. } | Problem::Audit { .. } => false,
        }
    }
}

/// What a check found.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct CheckReport {
    pub problems: Vec<Problem>,
    /// Complaints and operations checked.
    pub complaints: u64,
    pub operations: u64,
    pub audit_entries: u64,
}

const ORPHAN_OPS: &str = "operations of unknown complaints";
const ORPHAN_BATCH: &str = "exported operations of unknown batches";
const ORPHAN_SEARCH: &str = "search texts of unknown complaints";
const MISSING_SEARCH: &str = "complaints without a search text";
const ORPHAN_HISTORY: &str = "agency history of unknown complaints";

/// The recount of each maintained count table: (table, stored rows, recounted rows).
fn recounts() -> [(&'static str, &'static str, String); 5] {
    [
        (
            "view_counts",
            "SELECT * FROM view_counts",
            format!(
                "SELECT 1, count(*), ifnull(sum({NEEDS_ACTION}), 0),
                        ifnull(sum(status = 'diproses'), 0), ifnull(sum(status = 'selesai'), 0),
                        ifnull(sum(in_scope = 0 OR transfer_proposed = 1), 0),
                        (SELECT count(*) FROM outbox), ifnull(sum(in_scope = 0), 0),
                ifnull(sum(misrouted_to IS NOT NULL AND transfer_proposed = 0), 0)
                 FROM complaints"
            ),
        ),
        (
            "status_counts",
            "SELECT status, n FROM status_counts ORDER BY status",
            "SELECT status, count(*) FROM complaints GROUP BY status ORDER BY status".into(),
        ),
        (
            "due_counts",
            "SELECT due, n FROM due_counts ORDER BY due",
            "SELECT urgency_due, count(*) FROM complaints
             WHERE in_scope = 1 AND urgency_due IS NOT NULL GROUP BY urgency_due ORDER BY 1"
                .into(),
        ),
        (
            "op_counts",
            "SELECT state, n FROM op_counts ORDER BY state",
            "SELECT state, count(*) FROM operation_states GROUP BY state ORDER BY state".into(),
        ),
        (
            "outbound_batches.operations",
            "SELECT batch_id, operations FROM outbound_batches ORDER BY batch_id",
            format!(
                "SELECT b.batch_id, ifnull(n.n, 0) FROM outbound_batches b
                     LEFT JOIN ({BATCH_SIZES}) n USING (batch_id) ORDER BY b.batch_id"
            ),
        ),
    ]
}

/// How many operations each outbound batch holds, in one pass (an exported operation's
/// batch is read through its span).
const BATCH_SIZES: &str = "SELECT batch_id, count(*) AS n FROM operation_states
    WHERE batch_id IS NOT NULL GROUP BY batch_id";

/// Orphan queries: (what, count query).
fn orphans() -> Vec<(&'static str, String)> {
    vec![
        (
            ORPHAN_OPS,
            "SELECT count(*) FROM operations o
             WHERE NOT EXISTS (SELECT 1 FROM complaints c WHERE c.id = o.complaint_id)"
                .into(),
        ),
        (
            ORPHAN_BATCH,
            "SELECT count(*) FROM operation_states o WHERE o.batch_id IS NOT NULL
             AND NOT EXISTS (SELECT 1 FROM outbound_batches b WHERE b.batch_id = o.batch_id)"
                .into(),
        ),
        (
            ORPHAN_SEARCH,
            "SELECT count(*) FROM search_text s
             WHERE NOT EXISTS (SELECT 1 FROM complaints c WHERE c.rowid = s.rowid)"
                .into(),
        ),
        (
            MISSING_SEARCH,
            format!(
                "SELECT count(*) FROM complaints c WHERE NOT EXISTS
                 (SELECT 1 FROM search_text s WHERE s.rowid = c.rowid AND s.text = {SEARCH_TEXT})"
            ),
        ),
        (
            ORPHAN_HISTORY,
            "SELECT count(*) FROM complaint_agencies h
             WHERE NOT EXISTS (SELECT 1 FROM complaints c WHERE c.id = h.complaint_id)"
                .into(),
        ),
    ]
}

fn rows(conn: &Connection, sql: &str) -> Result<Vec<String>, StoreError> {
    let mut stmt = conn.prepare(sql).named("recount the cache")?;
    let n = stmt.column_count();
    let out: Vec<String> = stmt
        .query_map([], |r| {
            let mut v = Vec::with_capacity(n);
            for i in 0..n {
                v.push(format!("{:?}", r.get_ref(i)?));
            }
            Ok(v.join("|"))
        })
        .and_then(|rows| rows.collect())
        .named("recount the cache")?;
    Ok(out)
}

fn count(conn: &Connection, sql: &str) -> Result<u64, StoreError> {
    conn.query_row(sql, [], |r| r.get::<_, i64>(0))
        .map(|n| n.max(0) as u64)
        .named("count rows of the cache")
}

/// The derived columns compared before and after a recomputation, with each complaint's
/// row in the outbox's own table (migration V10).
const DERIVED: &str = "SELECT c.id, c.first_response_at, c.final_response_at,
    c.latest_response_at, c.latest_reply_at, c.first_response_due, c.completion_due,
    c.urgency_due, c.in_scope, c.transfer_proposed, c.sort_key, o.outbox_key, o.pending,
    o.troubled FROM complaints c LEFT JOIN outbox o ON o.complaint = c.rowid ORDER BY c.id";

impl Store {
    /// Checks the whole cache. Reads every page: seconds on a large cache.
    pub fn check(&mut self) -> Result<CheckReport, StoreError> {
        let mut report = CheckReport {
            complaints: count(&self.conn, "SELECT count(*) FROM complaints")?,
            operations: count(&self.conn, "SELECT count(*) FROM operations")?,
            ..CheckReport::default()
        };
        let integrity: Vec<String> = self
            .conn
            .prepare("PRAGMA integrity_check(50)")
            .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
            .named("check the cache's integrity")?;
        if integrity != ["ok"] {
            for detail in integrity {
                report.problems.push(Problem::Integrity { detail });
            }
            // Counts over a damaged file say nothing more.
            return Ok(report);
        }
        for (what, stored, recount) in recounts() {
            if rows(&self.conn, stored)? != rows(&self.conn, &recount)? {
                report.problems.push(Problem::Count { what: what.into() });
            }
        }
        for (what, sql) in orphans() {
            let n = count(&self.conn, &sql)?;
            if n > 0 {
                report.problems.push(Problem::Orphans {
                    what: what.into(),
                    rows: n,
                });
            }
        }
        let stale = self.stale_derived()?;
        if stale > 0 {
            report.problems.push(Problem::Derived { complaints: stale });
        }
        match self.verify_audit()? {
            AuditVerdict::Intact { entries } => report.audit_entries = entries,
            AuditVerdict::Broken { seq, reason } => {
                report.problems.push(Problem::Audit { seq, reason })
            }
        }
        Ok(report)
    }

    /// How many complaints' derived columns differ from a recomputation (computed in a
    /// transaction that is rolled back; a reader's connection cannot, and says none).
    fn stale_derived(&mut self) -> Result<u64, StoreError> {
        if self.conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(true) {
            return Ok(0);
        }
        let before = rows(&self.conn, DERIVED)?;
        let mut txn = self.txn()?;
        txn.refresh_all()?;
        let after = rows(&txn.tx, DERIVED)?;
        drop(txn);
        Ok(before.iter().zip(&after).filter(|(a, b)| a != b).count() as u64)
    }

    /// Rebuilds what can be rebuilt from the rows: every derived column, every
    /// maintained count, the search texts and the agency history of unknown
    /// complaints, in one transaction. Returns the check after it.
    pub fn repair(&mut self) -> Result<CheckReport, StoreError> {
        let mut txn = self.txn()?;
        txn.refresh_all()?;
        const REBUILD: &str = "rebuild the maintained counts";
        let tx = &txn.tx;
        for (table, _, recount) in recounts() {
            if table == "outbound_batches.operations" {
                tx.execute(
                    &format!(
                        "WITH n AS MATERIALIZED ({BATCH_SIZES})
                         UPDATE outbound_batches SET operations = ifnull(
                             (SELECT n.n FROM n WHERE n.batch_id = outbound_batches.batch_id), 0)"
                    ),
                    [],
                )
                .named(REBUILD)?;
                continue;
            }
            // Table names come from the list above, never from data.
            tx.execute(&format!("DELETE FROM {table}"), [])
                .named(REBUILD)?;
            tx.execute(&format!("INSERT INTO {table} {recount}"), [])
                .named(REBUILD)?;
        }
        tx.execute("DELETE FROM status_counts WHERE n = 0", [])
            .named(REBUILD)?;
        tx.execute("DELETE FROM search_text", []).named(REBUILD)?;
        // A desk holding the texts in memory reads them all again.
        super::set_meta(
            tx,
            super::search::TEXTS_REBUILT,
            &chrono::Utc::now().to_rfc3339(),
        )?;
        tx.execute(
            &format!(
                "INSERT INTO search_text (rowid, text) SELECT rowid, {SEARCH_TEXT} FROM complaints"
            ),
            [],
        )
        .named(REBUILD)?;
        tx.execute(
            "DELETE FROM complaint_agencies WHERE NOT EXISTS
                (SELECT 1 FROM complaints c WHERE c.id = complaint_agencies.complaint_id)",
            [],
        )
        .named(REBUILD)?;
        txn.commit()?;
        self.check()
    }
}

impl super::Txn<'_> {
    /// Recomputes every complaint's derived columns.
    fn refresh_all(&mut self) -> Result<(), StoreError> {
        let ids: Vec<String> = self
            .tx
            .prepare("SELECT id FROM complaints")
            .and_then(|mut s| s.query_map([], |r| r.get("id"))?.collect())
            .named("list every complaint")?;
        for id in ids {
            self.refresh(&id)?;
        }
        Ok(())
    }
}
