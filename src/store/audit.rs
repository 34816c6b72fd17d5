//! The audit journal: every officer action, import, export, undo, restore and
//! reprimand is appended to the `audit` table in the same transaction as what it
//! records (an undo, whose function belongs to the outbox, is journalled by its caller
//! right after). Each entry's hash covers the previous entry's hash, so editing or
//! deleting an old entry breaks the chain, and the head kept in `meta` shows a deleted
//! last entry.
//!
//! Call [`Txn::audit`] inside the transaction of the action it records, or
//! [`Store::audit`] for an entry of its own.

use super::error::Named;
use super::row::{col, columns};
use super::{Store, StoreError, Txn, get_meta, set_meta};
use rusqlite::{Connection, OptionalExtension, params};
use sha2::{Digest, Sha256};

/// The `prev` of the first entry.
const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";
/// The meta key of the last entry (`seq:hash`).
const HEAD: &str = "audit_head";

/// One journal entry.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct AuditEntry {
    pub seq: i64,
    /// When (RFC 3339, UTC).
    pub at: String,
    /// Who: the configured officer.
    pub officer: String,
    /// What kind of action (`respond`, `import`, `export`, `undo`, `restore`, …).
    pub action: String,
    /// What it touched, in one line.
    pub detail: String,
    pub prev: String,
    pub hash: String,
}

/// What verifying the chain found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AuditVerdict {
    /// Every entry links to the one before it; `entries` of them.
    Intact { entries: u64 },
    /// The first entry found altered or missing, and how.
    Broken { seq: i64, reason: String },
}

columns!(
    /// An entry's columns.
    AuditCols = ["seq", "at", "officer", "action", "detail", "prev", "hash"];
    const FROM = "FROM audit WHERE at >= ?1 ORDER BY seq";
    const ALL = "FROM audit ORDER BY seq";
);

/// The hash of an entry: SHA-256 over its fields and the previous entry's hash.
fn chain_hash(prev: &str, seq: i64, at: &str, officer: &str, action: &str, detail: &str) -> String {
    let mut h = Sha256::new();
    for part in [prev, &seq.to_string(), at, officer, action, detail] {
        h.update((part.len() as u64).to_le_bytes());
        h.update(part.as_bytes());
    }
    hex::encode(h.finalize())
}

fn read(r: &rusqlite::Row<'_>) -> rusqlite::Result<AuditEntry> {
    Ok(AuditEntry {
        seq: r.get(col!(AuditCols, "seq"))?,
        at: r.get(col!(AuditCols, "at"))?,
        officer: r.get(col!(AuditCols, "officer"))?,
        action: r.get(col!(AuditCols, "action"))?,
        detail: r.get(col!(AuditCols, "detail"))?,
        prev: r.get(col!(AuditCols, "prev"))?,
        hash: r.get(col!(AuditCols, "hash"))?,
    })
}

/// Appends an entry on `conn` (inside the caller's transaction).
fn append(conn: &Connection, officer: &str, action: &str, detail: &str) -> Result<(), StoreError> {
    const APPEND: &str = "append to the audit journal";
    let last: Option<(i64, String)> = conn
        .prepare_cached("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1")
        .and_then(|mut s| {
            s.query_row([], |r| Ok((r.get("seq")?, r.get("hash")?)))
                .optional()
        })
        .named(APPEND)?;
    let (seq, prev) = match last {
        Some((n, h)) => (n + 1, h),
        None => (1, GENESIS.to_owned()),
    };
    let at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    let officer = officer.trim();
    let detail = crate::text::line(detail);
    let hash = chain_hash(&prev, seq, &at, officer, action, &detail);
    conn.prepare_cached(
        "INSERT INTO audit (seq, at, officer, action, detail, prev, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )
    .and_then(|mut s| s.execute(params![seq, at, officer, action, detail, prev, hash]))
    .named(APPEND)?;
    set_meta(conn, HEAD, &format!("{seq}:{hash}"))
}

impl Txn<'_> {
    /// Appends an entry to the audit journal, committed with this transaction: `who` is
    /// the configured officer, `action` a short word (`respond`, `reprimand`, …) and
    /// `detail` one line naming what it touched.
    pub fn audit(&mut self, who: &str, action: &str, detail: &str) -> Result<(), StoreError> {
        append(&self.tx, who, action, detail)
    }
}

impl Store {
    /// Appends one entry in a transaction of its own.
    pub fn audit(&mut self, who: &str, action: &str, detail: &str) -> Result<(), StoreError> {
        let mut txn = self.txn()?;
        txn.audit(who, action, detail)?;
        txn.commit()
    }

    /// The journal, oldest first, from the instant `from` (RFC 3339 UTC text) on.
    pub fn audit_entries(&self, from: Option<&str>) -> Result<Vec<AuditEntry>, StoreError> {
        const READ: &str = "read the audit journal";
        match from {
            Some(f) => self
                .conn
                .prepare(FROM)
                .and_then(|mut s| s.query_map([f], read)?.collect())
                .named(READ),
            None => self
                .conn
                .prepare(ALL)
                .and_then(|mut s| s.query_map([], read)?.collect())
                .named(READ),
        }
    }

    /// Walks the whole chain: every hash recomputed, every link and number checked, and
    /// the last entry compared with the head kept in `meta`.
    pub fn verify_audit(&self) -> Result<AuditVerdict, StoreError> {
        let entries = self.audit_entries(None)?;
        let mut prev = GENESIS.to_owned();
        let mut expected_seq = 1;
        for e in &entries {
            let broken = |reason: &str| AuditVerdict::Broken {
                seq: e.seq,
                reason: reason.to_owned(),
            };
            if e.seq != expected_seq {
                return Ok(AuditVerdict::Broken {
                    seq: expected_seq,
                    reason: "missing: the entries jump from one number past it".into(),
                });
            }
            if e.prev != prev {
                return Ok(broken("its link to the entry before it is broken"));
            }
            let again = chain_hash(&e.prev, e.seq, &e.at, &e.officer, &e.action, &e.detail);
            if again != e.hash {
                return Ok(broken("its content was changed after it was written"));
            }
            prev = e.hash.clone();
            expected_seq += 1;
        }
        let head = get_meta(&self.conn, HEAD)?;
        let last = entries.last().map(|e| format!("{}:{}", e.seq, e.hash));
        if head != last {
            let seq = head
                .as_deref()
                .and_then(|h| h.split(':').next())
                .and_then(|n| n.parse().ok())
                .unwrap_or(expected_seq);
            return Ok(AuditVerdict::Broken {
                seq,
                reason: "the last entries were deleted (the journal ends before its recorded end)"
                    .into(),
            });
        }
        Ok(AuditVerdict::Intact {
            entries: entries.len() as u64,
        })
    }
}
