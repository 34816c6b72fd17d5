//! The writing side of an import: [`Importer`] holds the file's transaction, where its
//! records come from and the running counts, and applies each record through the
//! store's transaction. The store settles what the records change (counts, derived
//! columns) before the commit.

use super::records::{Prepared, Record, Reply};
use super::{Ctx, ImportError, ImportOutcome, ImportReport};
use crate::domain::{Agency, OpState};
use crate::store::{self, InboundBatch, Known, Snapshot, StoreError, Txn};
use crate::sync::wire::{Ack, AckOutcome};

/// An import that changes more rows than this is preceded by a backup of the cache.
pub const LARGE_IMPORT_ROWS: u64 = 1000;

/// Files of more bytes than this together are a large import for the bulk path, which
/// backs up before it reads them (about a thousand complaints).
pub const LARGE_IMPORT_BYTES: u64 = 1 << 20;

/// Where a file's records come from, for the order-independent tie-breaks.
pub(super) struct Origin<'a> {
    /// The batch's `created_at` as UTC text.
    pub snapshot_at: &'a str,
    /// `snapshot_at` and the batch's sequence.
    pub source: &'a str,
    pub batch_id: &'a str,
}

/// Applies one file's records in a transaction its caller commits.
pub(super) struct Importer<'t, 's, 'a> {
    txn: &'t mut Txn<'s>,
    cx: &'a Ctx<'a>,
    origin: Origin<'a>,
    /// The last complaint applied, and whether it was new to the cache (with the
    /// store's count of recomputations then): what the messages after it know of
    /// their complaint.
    last_complaint: Option<(String, Option<u64>)>,
    /// What the records did so far.
    pub report: ImportReport,
}

impl<'t, 's, 'a> Importer<'t, 's, 'a> {
    pub fn new(
        txn: &'t mut Txn<'s>,
        cx: &'a Ctx<'a>,
        origin: Origin<'a>,
        report: ImportReport,
    ) -> Self {
        Importer {
            txn,
            cx,
            origin,
            last_complaint: None,
            report,
        }
    }

    /// Applies one record read from `line`. The record is borrowed so that the reading
    /// thread, which allocated it, also frees it (see `records::Spent`).
    pub fn apply(&mut self, line: u64, record: &mut Record) -> Result<(), ImportError> {
        match record {
            Record::Complaint(p) => self.complaint(line, p),
            Record::Message(m) => self.message(line, m),
            Record::Agency(a) => self.agency(line, a),
            Record::Ack(ack) => self.ack(line, ack),
        }
    }

    /// Records the batch (the caller commits); the report says which sequences of its
    /// stream are still missing.
    pub fn finish(
        mut self,
        batch: &InboundBatch<'_>,
        officer: &str,
        back_up_large: bool,
    ) -> Result<ImportReport, ImportError> {
        let cx = self.cx;
        let db = |e: StoreError| cx.db(e);
        let r = &self.report;
        let changed =
            r.complaints_new + r.complaints_updated + r.messages_new + r.agencies + r.acks;
        if back_up_large && changed > LARGE_IMPORT_ROWS {
            // The cache as it was before this file, while the file's transaction waits.
            self.txn
                .backup_committed(store::BackupKind::Import)
                .map_err(|e| {
                    cx.whole(format!(
                        "the cache could not be backed up before this large import ({e}); \
                         nothing was imported"
                    ))
                })?;
        }
        let detail = format!(
            "{}: batch {}, {} #{}: complaints {} new, {} updated; messages {} new; acks {}",
            batch.file_name,
            batch.batch_id,
            batch.agency,
            batch.sequence,
            r.complaints_new,
            r.complaints_updated,
            r.messages_new,
            r.acks
        );
        self.txn.audit(officer, "import", &detail).map_err(db)?;
        self.txn.record_inbound(batch).map_err(db)?;
        let seqs = self.txn.inbound_sequences(batch.agency).map_err(db)?;
        self.report.missing = store::missing_sequences(&seqs);
        self.report.outcome = Some(ImportOutcome::Applied);
        Ok(self.report)
    }

    /// Ends without writing anything; the report so far.
    pub fn abandon(self) -> ImportReport {
        self.report
    }

    fn complaint(&mut self, line: u64, p: &mut Prepared) -> Result<(), ImportError> {
        let cx = self.cx;
        let db = |e: StoreError| cx.db(e);
        let Prepared {
            complaint: c,
            anonymized,
            data,
            hash,
            derived,
        } = p;
        let c = &*c;
        let snapshot_at = self.origin.snapshot_at;
        let stored = Snapshot {
            content_hash: hash,
            snapshot_at,
            data,
        };
        let new_agency = self
            .txn
            .note_agency(c.id.as_str(), c.agency.as_str())
            .map_err(db)?;
        self.txn.note_snapshot(c, snapshot_at).map_err(db)?;
        if *anonymized {
            self.report.warnings.push(format!(
                "line {line}: complaint {} is anonymous; the reporter's identity was dropped",
                c.id
            ));
        }
        let unchanged_before = self.report.complaints_unchanged;
        self.last_complaint = None;
        let new = self
            .txn
            .insert_if_new(c, std::mem::take(derived), stored)
            .map_err(db)?;
        let old = if new {
            None
        } else {
            // The insert found the id stored, so the look-up finds it too.
            let old = self.txn.stored_revision(c.id.as_str()).map_err(db)?;
            Some(old.ok_or_else(|| cx.db(format!("complaint {} vanished", c.id)))?)
        };
        match old {
            None => self.report.complaints_new += 1,
            Some(old) if c.revision > old.revision => {
                self.txn.put_snapshot(c, stored).map_err(db)?;
                self.report.complaints_updated += 1;
                let n = self.txn.mark_conflicts(c.id.as_str()).map_err(db)?;
                if n > 0 {
                    self.report.conflicts += n;
                    self.report.warnings.push(format!(
                        "line {line}: complaint {} changed in the registry (revision {}); \
                         {n} pending operation(s) need confirming again",
                        c.id, c.revision
                    ));
                }
            }
            Some(old) if c.revision == old.revision => {
                if old.content_hash != *hash {
                    return Err(cx.at(
                        line,
                        format!(
                            "complaint {} revision {} differs from the revision {} already stored",
                            c.id, c.revision, old.revision
                        ),
                    ));
                }
                if *snapshot_at < *old.snapshot_at {
                    self.txn
                        .set_snapshot_at(c.id.as_str(), snapshot_at)
                        .map_err(db)?;
                }
                self.report.complaints_unchanged += 1;
            }
            Some(_) => self.report.complaints_unchanged += 1,
        }
        if new_agency && self.report.complaints_unchanged > unchanged_before {
            // An older snapshot at another agency: the stored one may now be the end of
            // a transfer chain, which teaches the suggester where it belongs.
            self.txn.route_relabel(c.id.as_str());
        }
        let inserted = new.then(|| self.txn.recomputations());
        self.last_complaint = Some((c.id.0.clone(), inserted));
        Ok(())
    }

    fn message(&mut self, line: u64, reply: &Reply) -> Result<(), ImportError> {
        let m = &reply.message;
        if m.id.0.is_empty() {
            return Err(self.cx.at(line, "the message has an empty id"));
        }
        // The reading side folded a reply into its complaint only if it came right
        // after it; it holds only if that complaint was inserted here and nothing
        // recomputed it from the stored thread since (which has no such reply yet).
        let known = match &self.last_complaint {
            Some((id, inserted)) if *id == m.complaint_id.0 => {
                if reply.folded && *inserted == Some(self.txn.recomputations()) {
                    Known::ReplyNoted
                } else {
                    Known::Stored
                }
            }
            _ => Known::Unknown,
        };
        let cx = self.cx;
        if self.txn.put_message(m, known).map_err(|e| cx.db(e))? {
            self.txn.note_answer(m).map_err(|e| cx.db(e))?;
            self.report.messages_new += 1;
        }
        Ok(())
    }

    fn agency(&mut self, line: u64, a: &Agency) -> Result<(), ImportError> {
        if a.code.0.is_empty() {
            return Err(self.cx.at(line, "the agency has an empty code"));
        }
        // The newest batch wins: by its instant, then its sequence, then the line, then
        // its id, so any import order gives the same directory.
        let key = format!("{}|{line:020}|{}", self.origin.source, self.origin.batch_id);
        let cx = self.cx;
        self.txn.put_agency(a, &key, line).map_err(|e| cx.db(e))?;
        self.report.agencies += 1;
        Ok(())
    }

    fn ack(&mut self, line: u64, ack: &Ack) -> Result<(), ImportError> {
        let cx = self.cx;
        let db = |e: StoreError| cx.db(e);
        for r in &ack.results {
            let op = self.txn.operation(&r.op_id).map_err(db)?;
            match op {
                Some(op) if op.batch_id.as_ref().map(|b| b.as_str()) == Some(&ack.batch_id) => {
                    let state = match r.outcome {
                        AckOutcome::Accepted => OpState::Accepted,
                        AckOutcome::Rejected => OpState::Rejected,
                        AckOutcome::Superseded => OpState::Superseded,
                    };
                    self.txn
                        .set_op_state(&r.op_id, state, r.reason.as_deref())
                        .map_err(db)?;
                    self.report.acks += 1;
                }
                _ => self.report.warnings.push(format!(
                    "line {line}: acknowledgement for unknown operation {} in batch {}; ignored",
                    r.op_id, ack.batch_id
                )),
            }
        }
        Ok(())
    }
}
