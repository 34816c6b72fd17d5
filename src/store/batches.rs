//! The batch files' records: every inbound batch imported (its stream, sequence and
//! digest), every outbound batch written (byte for byte, for a resend), and the move of
//! pending operations into an outbound batch.

use super::error::Named;
use super::export_marks::Span;
use super::{Store, StoreError, Txn, get_meta, set_meta};
use chrono::Utc;
use rusqlite::{Connection, OptionalExtension, params};

/// Schema 12: an export moves every pending operation to `exported` with its batch,
/// and each index holding an operation's state or batch cost that move a deletion and
/// an insertion per operation. The oldest pending operation is now found in an index
/// of pending operations only (the move only deletes from it), and the batch index
/// holds only operations that have a batch (the move only inserts into it).
pub const V12: &str = r#"
DROP INDEX operations_by_state_time;
CREATE INDEX operations_pending_by_time ON operations (state, at_utc) WHERE state = 'pending';
DROP INDEX operations_by_batch;
CREATE INDEX operations_by_batch ON operations (batch_id) WHERE batch_id IS NOT NULL;
"#;

/// An inbound batch as the import records it once it checked out.
#[derive(Clone, Debug)]
pub struct InboundBatch<'a> {
    pub batch_id: &'a str,
    pub agency: &'a str,
    pub sequence: u64,
    /// SHA-256 of its content, in hex.
    pub digest: &'a str,
    /// Its header's instant (RFC 3339).
    pub created_at: &'a str,
    pub file_name: &'a str,
    pub records: u64,
}

/// An outbound batch as the export records it, with the bytes it wrote.
#[derive(Clone, Debug)]
pub struct OutboundBatch<'a> {
    pub agency: &'a str,
    pub sequence: u64,
    pub batch_id: &'a str,
    /// Its header's instant (RFC 3339).
    pub created_at: &'a str,
    pub file_name: &'a str,
    pub operations: u64,
    pub content: &'a [u8],
    /// The folder its file goes to: recorded as not yet written there until
    /// [`Store::mark_placed`] (`None`: recorded as written).
    pub folder: Option<&'a str>,
}

/// An outbound batch recorded in the cache whose file was not (yet) written: the export
/// was cut short between its commit and the rename, or the folder refused the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnplacedBatch {
    pub agency: String,
    pub sequence: u64,
    pub batch_id: String,
    pub file_name: String,
    pub folder: String,
    pub content: Vec<u8>,
}

impl Store {
    /// The digest an inbound batch was imported with, if it was.
    pub fn inbound_digest(&self, batch_id: &str) -> Result<Option<String>, StoreError> {
        inbound_digest(&self.conn, batch_id)
    }

    /// The batch imported as `sequence` of an agency's stream, if any.
    pub fn inbound_batch_at(
        &self,
        agency: &str,
        sequence: u64,
    ) -> Result<Option<String>, StoreError> {
        inbound_batch_at(&self.conn, agency, sequence)
    }

    /// Whether an inbound batch was imported.
    pub fn batch_imported(&self, batch_id: &str) -> Result<bool, StoreError> {
        self.conn
            .prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM inbound_batches WHERE batch_id = ?1) AS known",
            )
            .and_then(|mut s| s.query_row([batch_id], |r| r.get("known")))
            .named("look up an imported batch")
    }

    /// The agencies with an outbound stream, by code.
    pub fn outbound_agencies(&self) -> Result<Vec<String>, StoreError> {
        self.conn
            .prepare_cached("SELECT DISTINCT agency FROM outbound_batches ORDER BY agency")
            .and_then(|mut s| s.query_map([], |r| r.get("agency"))?.collect())
            .named("list the outbound streams")
    }

    /// The file name and bytes of outbound batch `sequence` of an agency.
    pub fn outbound_batch(
        &self,
        agency: &str,
        sequence: u64,
    ) -> Result<Option<(String, Vec<u8>)>, StoreError> {
        self.conn
            .prepare_cached(
                "SELECT file_name, content FROM outbound_batches
                 WHERE agency = ?1 AND sequence = ?2",
            )
            .and_then(|mut s| {
                s.query_row(params![agency, sequence as i64], |r| {
                    Ok((r.get("file_name")?, r.get("content")?))
                })
                .optional()
            })
            .named("read an outbound batch")
    }

    /// Outbound batches recorded but not known to be written to their folder, in order.
    pub fn unplaced_batches(&self) -> Result<Vec<UnplacedBatch>, StoreError> {
        self.conn
            .prepare_cached(
                "SELECT agency, sequence, batch_id, file_name, folder, content
                 FROM outbound_batches WHERE placed = 0 ORDER BY agency, sequence",
            )
            .and_then(|mut s| {
                s.query_map([], |r| {
                    Ok(UnplacedBatch {
                        agency: r.get("agency")?,
                        sequence: r.get::<_, i64>("sequence")? as u64,
                        batch_id: r.get("batch_id")?,
                        file_name: r.get("file_name")?,
                        folder: r.get::<_, Option<String>>("folder")?.unwrap_or_default(),
                        content: r.get("content")?,
                    })
                })?
                .collect()
            })
            .named("list the outbound batches not yet written")
    }

    /// The file names of the outbound batches not yet written (for `status`).
    pub(super) fn unplaced_names(&self) -> Result<Vec<String>, StoreError> {
        self.conn
            .prepare_cached(
                "SELECT file_name FROM outbound_batches WHERE placed = 0 ORDER BY agency, sequence",
            )
            .and_then(|mut s| s.query_map([], |r| r.get("file_name"))?.collect())
            .named("list the outbound batches not yet written")
    }

    /// Records that an outbound batch's file is complete in its folder.
    pub fn mark_placed(&mut self, agency: &str, sequence: u64) -> Result<(), StoreError> {
        self.conn
            .prepare_cached(
                "UPDATE outbound_batches SET placed = 1 WHERE agency = ?1 AND sequence = ?2",
            )
            .and_then(|mut s| s.execute(params![agency, sequence as i64]))
            .named("record an outbound batch as written")?;
        Ok(())
    }

    /// Whether an outbound batch with this id was recorded by this cache.
    pub fn outbound_known(&self, batch_id: &str) -> Result<bool, StoreError> {
        self.conn
            .prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM outbound_batches WHERE batch_id = ?1) AS known",
            )
            .and_then(|mut s| s.query_row([batch_id], |r| r.get("known")))
            .named("look up an outbound batch")
    }

    /// A short tag naming this cache in its temporary files (`.sigap-TAG-….tmp`), so an
    /// export removes only its own leftovers.
    pub fn desk_tag(&self) -> Result<String, StoreError> {
        Ok(get_meta(&self.conn, "desk_id")?.unwrap_or_else(|| "desk".into()))
    }

    /// When the last import and export ran (RFC 3339), as recorded.
    pub(super) fn last_sync(&self) -> Result<(Option<String>, Option<String>), StoreError> {
        Ok((
            get_meta(&self.conn, LAST_IMPORT)?,
            get_meta(&self.conn, LAST_EXPORT)?,
        ))
    }
}

pub(super) const LAST_IMPORT: &str = "last_import_at";
const LAST_EXPORT: &str = "last_export_at";

fn inbound_digest(conn: &Connection, batch_id: &str) -> Result<Option<String>, StoreError> {
    conn.prepare_cached("SELECT digest FROM inbound_batches WHERE batch_id = ?1")
        .and_then(|mut s| s.query_row([batch_id], |r| r.get("digest")).optional())
        .named("look up an imported batch")
}

fn inbound_batch_at(
    conn: &Connection,
    agency: &str,
    sequence: u64,
) -> Result<Option<String>, StoreError> {
    conn.prepare_cached("SELECT batch_id FROM inbound_batches WHERE agency = ?1 AND sequence = ?2")
        .and_then(|mut s| {
            s.query_row(params![agency, sequence as i64], |r| r.get("batch_id"))
                .optional()
        })
        .named("look up an imported sequence")
}

impl Txn<'_> {
    /// [`Store::inbound_digest`], seeing what this transaction wrote.
    pub fn inbound_digest(&self, batch_id: &str) -> Result<Option<String>, StoreError> {
        inbound_digest(&self.tx, batch_id)
    }

    /// [`Store::inbound_batch_at`], seeing what this transaction wrote.
    pub fn inbound_batch_at(
        &self,
        agency: &str,
        sequence: u64,
    ) -> Result<Option<String>, StoreError> {
        inbound_batch_at(&self.tx, agency, sequence)
    }

    /// Records an imported batch, and the time of the last import.
    pub fn record_inbound(&mut self, b: &InboundBatch<'_>) -> Result<(), StoreError> {
        let now = Utc::now().to_rfc3339();
        self.tx
            .prepare_cached(
                "INSERT INTO inbound_batches (batch_id, agency, sequence, digest, created_at,
                     imported_at, file_name, records) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )
            .and_then(|mut s| {
                s.execute(params![
                    b.batch_id,
                    b.agency,
                    b.sequence as i64,
                    b.digest,
                    b.created_at,
                    now,
                    b.file_name,
                    b.records as i64
                ])
            })
            .named("record an imported batch")?;
        set_meta(&self.tx, LAST_IMPORT, &now)
    }

    /// Every sequence number imported from an agency's stream.
    pub fn inbound_sequences(&self, agency: &str) -> Result<Vec<u64>, StoreError> {
        self.tx
            .prepare_cached("SELECT sequence FROM inbound_batches WHERE agency = ?1")
            .and_then(|mut s| {
                s.query_map([agency], |r| r.get::<_, i64>("sequence").map(|n| n as u64))?
                    .collect()
            })
            .named("read a stream's sequences")
    }

    /// The last sequence written to an agency's outbound stream (0 for none).
    pub fn last_outbound_sequence(&self, agency: &str) -> Result<u64, StoreError> {
        let last: Option<i64> = self
            .tx
            .prepare_cached("SELECT max(sequence) AS last FROM outbound_batches WHERE agency = ?1")
            .and_then(|mut s| s.query_row([agency], |r| r.get("last")))
            .named("read the last outbound sequence")?;
        Ok(last.unwrap_or(0) as u64)
    }

    /// Records an outbound batch byte for byte.
    pub fn record_outbound(&mut self, b: &OutboundBatch<'_>) -> Result<(), StoreError> {
        self.tx
            .prepare_cached(
                "INSERT INTO outbound_batches (agency, sequence, batch_id, created_at, file_name,
                     operations, content, folder, placed)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )
            .and_then(|mut s| {
                s.execute(params![
                    b.agency,
                    b.sequence as i64,
                    b.batch_id,
                    b.created_at,
                    b.file_name,
                    b.operations as i64,
                    b.content,
                    b.folder,
                    b.folder.is_none()
                ])
            })
            .named("record an outbound batch")?;
        Ok(())
    }

    /// Records the time of the last export.
    pub fn note_export(&mut self) -> Result<(), StoreError> {
        set_meta(&self.tx, LAST_EXPORT, &Utc::now().to_rfc3339())
    }

    /// Marks every pending operation exported, each of a span's agency in that span's
    /// batch: one row per span ([`super::export_marks`]), the counts moved by one
    /// statement each. Their complaints leave the outbox in its own narrow table
    /// ([`super::outbox`]), so neither an operation's row nor a complaint's is written.
    pub fn mark_exported(&mut self, spans: &[Span<'_>]) -> Result<(), StoreError> {
        self.before_recount()?;
        let conn = &self.tx;
        let moved = super::export_marks::record(conn, spans)?;
        // The schema's triggers count a change of a row's state; this moves none.
        if moved > 0 {
            const RECOUNT: &str = "count the exported operations";
            conn.execute(
                "UPDATE op_counts SET n = n - ?1 WHERE state = 'pending'",
                [moved as i64],
            )
            .named(RECOUNT)?;
            conn.execute(
                "DELETE FROM op_counts WHERE state = 'pending' AND n = 0",
                [],
            )
            .named(RECOUNT)?;
            conn.execute(
                "INSERT INTO op_counts (state, n) VALUES ('exported', ?1)
                 ON CONFLICT (state) DO UPDATE SET n = n + excluded.n",
                [moved as i64],
            )
            .named(RECOUNT)?;
        }
        // No operation is left pending: the narrow outbox table loses the complaints
        // with nothing rejected or in conflict.
        let troubled: bool = conn
            .prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM op_counts
                                WHERE state IN ('conflict', 'rejected') AND n > 0) AS t",
            )
            .and_then(|mut s| s.query_row([], |r| r.get("t")))
            .named("look for troubled operations")?;
        super::outbox::exported(conn, troubled)
    }
}

#[cfg(test)]
mod plan {
    /// The query that looks up a batch's operations stored with it still reads the
    /// index schema 12 narrowed to the operations that have a batch.
    #[test]
    fn the_narrowed_batch_index_is_still_read() {
        use crate::store::query_plan;
        assert_eq!(
            query_plan(
                "SELECT op_id FROM operations WHERE batch_id = ?1 ORDER BY seq",
                ["b"]
            ),
            ["SEARCH operations USING INDEX operations_by_batch (batch_id=?)"]
        );
    }
}
