//! Importing inbound batch files: streamed, verified, and applied in one transaction
//! that is committed only when the whole file checks out. A rejected file leaves the
//! cache exactly as it was.

use super::reader::{Line, LineReader, content};
use super::wire::{AckOutcome, FORMAT, Header, Inbound, Trailer, TypeOnly, VERSION};
use crate::config::Config;
use crate::domain::{Author, Complaint, OpState};
use crate::store::{self, Store, StoreError};
use base64::Engine;
use chrono::Utc;
use rusqlite::{OptionalExtension, TransactionBehavior, params};
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;
use std::fmt;
use std::io::Read;
use std::path::Path;

/// How many changed complaints are remembered before their derived columns are settled.
const TOUCHED_FLUSH: usize = 16_384;

/// Whether a file changed the cache.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportOutcome {
    Applied,
    AlreadyImported,
}

/// What one imported file did (the counts `spec/batch-format.md` asks for).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct ImportReport {
    pub file: String,
    pub outcome: Option<ImportOutcome>,
    pub batch_id: String,
    pub agency: String,
    pub sequence: u64,
    pub records: u64,
    pub complaints_new: u64,
    pub complaints_updated: u64,
    pub complaints_unchanged: u64,
    pub messages_new: u64,
    pub agencies: u64,
    pub acks: u64,
    /// Pending operations that became conflicts because their complaint changed.
    pub conflicts: u64,
    /// Sequence numbers of this batch's stream still missing after the import.
    pub missing: Vec<u64>,
    pub warnings: Vec<String>,
}

impl fmt::Display for ImportReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let outcome = match self.outcome {
            Some(ImportOutcome::AlreadyImported) => "already imported",
            _ => "applied",
        };
        write!(
            f,
            "{}: {outcome} (batch {}, {} #{}): complaints {} new, {} updated, {} unchanged; \
             messages {} new; agencies {}; acks {}; conflicts {}; warnings {}",
            self.file,
            self.batch_id,
            self.agency,
            self.sequence,
            self.complaints_new,
            self.complaints_updated,
            self.complaints_unchanged,
            self.messages_new,
            self.agencies,
            self.acks,
            self.conflicts,
            self.warnings.len()
        )?;
        if !self.missing.is_empty() {
            write!(
                f,
                "; missing sequences {}",
                store::sequence_ranges(&self.missing)
            )?;
        }
        Ok(())
    }
}

/// A rejected file: which file, which line, and why, in one sentence.
#[derive(Debug, thiserror::Error)]
pub struct ImportError {
    pub file: String,
    pub line: Option<u64>,
    pub reason: String,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(n) => write!(f, "{}: line {n}: {}", self.file, self.reason),
            None => write!(f, "{}: {}", self.file, self.reason),
        }
    }
}

struct Ctx<'a> {
    file: &'a str,
}

impl Ctx<'_> {
    fn at(&self, line: u64, reason: impl Into<String>) -> ImportError {
        ImportError {
            file: self.file.to_owned(),
            line: Some(line),
            reason: reason.into(),
        }
    }
    fn whole(&self, reason: impl Into<String>) -> ImportError {
        ImportError {
            file: self.file.to_owned(),
            line: None,
            reason: reason.into(),
        }
    }
    fn db(&self, e: impl fmt::Display) -> ImportError {
        self.whole(format!(
            "the cache could not be updated ({e}); nothing was imported"
        ))
    }
}

/// Imports one file from disk (see [`import_reader`] for the checkpoint after it).
pub fn import_file(
    store: &mut Store,
    cfg: &Config,
    path: &Path,
) -> Result<ImportReport, ImportError> {
    import_file_with_progress(store, cfg, path, &mut |_| {})
}

/// Imports one file from disk, calling `progress` with the number of records read so
/// far every few thousand records.
pub fn import_file_with_progress(
    store: &mut Store,
    cfg: &Config,
    path: &Path,
    progress: &mut dyn FnMut(u64),
) -> Result<ImportReport, ImportError> {
    let name = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|e| ImportError {
        file: name.clone(),
        line: None,
        reason: format!("cannot be read: {e}"),
    })?;
    import_reader(store, cfg, &name, file, progress)
}

/// Imports a batch held in memory (the demo data set, tests).
pub fn import_bytes(
    store: &mut Store,
    cfg: &Config,
    name: &str,
    bytes: Vec<u8>,
) -> Result<ImportReport, ImportError> {
    import_reader(store, cfg, name, std::io::Cursor::new(bytes), &mut |_| {})
}

/// SQLite's page cache while an import runs (KiB, as `PRAGMA cache_size` takes it
/// negative): a large batch then writes its pages once instead of spilling them.
const IMPORT_CACHE_KIB: i64 = 128 * 1024;

/// Imports a batch from any reader; `name` names it in the report and errors.
///
/// The import is durable and visible when this returns, but the pages it wrote are
/// still only in the write-ahead log: the caller runs [`Store::checkpoint`] once it has
/// reported (closing the last connection does it too).
pub fn import_reader<R: Read + Send + 'static>(
    store: &mut Store,
    cfg: &Config,
    name: &str,
    source: R,
    progress: &mut dyn FnMut(u64),
) -> Result<ImportReport, ImportError> {
    let before: i64 = store
        .conn()
        .query_row("PRAGMA cache_size", [], |r| r.get(0))
        .unwrap_or(-2000);
    let _ = store
        .conn()
        .pragma_update(None, "cache_size", -IMPORT_CACHE_KIB);
    // No automatic checkpoint at the commit: copying a whole batch into the database
    // would double the time before the report.
    let _ = store.conn().pragma_update(None, "wal_autocheckpoint", 0);
    let result = import_in_one_transaction(store, cfg, name, source, progress);
    let _ = store.conn().pragma_update(None, "wal_autocheckpoint", 1000);
    let _ = store.conn().pragma_update(None, "cache_size", before);
    result
}

fn import_in_one_transaction<R: Read + Send + 'static>(
    store: &mut Store,
    cfg: &Config,
    name: &str,
    source: R,
    progress: &mut dyn FnMut(u64),
) -> Result<ImportReport, ImportError> {
    let cx = Ctx { file: name };
    let mut reader =
        LineReader::new(source).map_err(|e| cx.whole(format!("cannot be read: {e}")))?;
    let mut buf = Vec::with_capacity(4096);
    let read_err = |e: std::io::Error, line: u64| {
        cx.at(
            line,
            format!("cannot be read ({e}); the file may be truncated or corrupt"),
        )
    };

    // Header.
    match reader.next_line(&mut buf).map_err(|e| read_err(e, 1))? {
        Line::End => return Err(cx.whole("is empty: no header line")),
        Line::TooLong => return Err(cx.at(1, "the header line is too long")),
        Line::Text => {}
    }
    reader.hash(&buf);
    let header = parse_header(&cx, content(&buf), cfg)?;
    let mut report = ImportReport {
        file: name.to_owned(),
        batch_id: header.batch_id.clone(),
        agency: header.agency.clone(),
        sequence: header.sequence,
        ..ImportReport::default()
    };

    let ctx = store.sla().clone();
    let conn = store.conn();
    let known: Option<String> = conn
        .query_row(
            "SELECT digest FROM inbound_batches WHERE batch_id = ?1",
            [&header.batch_id],
            |r| r.get(0),
        )
        .optional()
        .map_err(|e| cx.db(e))?;
    if known.is_none() {
        let other: Option<String> = conn
            .query_row(
                "SELECT batch_id FROM inbound_batches WHERE agency = ?1 AND sequence = ?2",
                params![header.agency, header.sequence as i64],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| cx.db(e))?;
        if let Some(other) = other {
            return Err(cx.at(
                1,
                format!(
                    "sequence {} of {} was already imported as batch {other}",
                    header.sequence, header.agency
                ),
            ));
        }
    }
    let apply = known.is_none();

    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(|e| cx.db(e))?;
    let mut touched: BTreeSet<String> = BTreeSet::new();
    let mut fresh = store::NewRows::default();
    // Instants are compared as UTC text; the batch's place in its stream breaks ties.
    let snapshot_at = store::utc_key(header.created_at);
    let source = format!("{snapshot_at}|{:020}", header.sequence);
    // A second thread reads, checks and parses the lines while this one writes them.
    let (pieces_tx, pieces) = std::sync::mpsc::sync_channel::<Result<Piece, ImportError>>(8);
    let file_name = name.to_owned();
    let prepare_with = apply.then(|| ctx.clone());
    std::thread::spawn(move || read_records(reader, file_name, prepare_with, pieces_tx));
    let mut end: Option<End> = None;
    for piece in pieces {
        match piece? {
            Piece::Records(records) => {
                for (line_no, record) in records {
                    report.records += 1;
                    if report.records.is_multiple_of(4096) {
                        progress(report.records);
                    }
                    apply_record(
                        &tx,
                        &ctx,
                        &cx,
                        line_no,
                        record,
                        &Origin {
                            snapshot_at: &snapshot_at,
                            source: &source,
                            batch_id: &header.batch_id,
                        },
                        &mut report,
                        &mut touched,
                        &mut fresh,
                    )?;
                    if touched.len() >= TOUCHED_FLUSH {
                        // Keep memory bounded on huge batches: settle the derived
                        // columns now, in the same transaction; later records touching
                        // these ids add them again.
                        fresh.flush(&tx).map_err(|e| cx.db(e))?;
                        for id in std::mem::take(&mut touched) {
                            store::refresh_derived(&tx, &ctx, &id).map_err(|e| cx.db(e))?;
                        }
                    }
                }
            }
            Piece::End(e) => end = Some(e),
        }
    }
    let Some(End {
        records,
        digest,
        trailer,
    }) = end
    else {
        return Err(cx.whole("could not be read to the end"));
    };
    report.records = records;
    let Some((tline, trailer)) = trailer else {
        return Err(cx.whole("is truncated: it has no trailer line"));
    };
    if trailer.records != report.records {
        return Err(cx.at(
            tline,
            format!(
                "the trailer counts {} records but the file has {}",
                trailer.records, report.records
            ),
        ));
    }
    let digest_hex = hex::encode(digest);
    if !trailer.sha256.eq_ignore_ascii_case(&digest_hex) {
        return Err(cx.at(
            tline,
            "the SHA-256 in the trailer does not match the content (the file was altered or damaged)",
        ));
    }
    verify_signature(&cx, tline, cfg, &trailer, &digest)?;

    if let Some(known) = known {
        return if known == digest_hex {
            report.outcome = Some(ImportOutcome::AlreadyImported);
            report.records = 0;
            Ok(report)
        } else {
            Err(cx.at(
                1,
                format!(
                    "batch {} was already imported with different content",
                    header.batch_id
                ),
            ))
        };
    }

    // New rows are counted before anything recounts them.
    fresh.flush(&tx).map_err(|e| cx.db(e))?;
    for id in &touched {
        store::refresh_derived(&tx, &ctx, id).map_err(|e| cx.db(e))?;
    }
    tx.execute(
        "INSERT INTO inbound_batches (batch_id, agency, sequence, digest, created_at,
             imported_at, file_name, records) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            header.batch_id,
            header.agency,
            header.sequence as i64,
            digest_hex,
            header.created_at.to_rfc3339(),
            Utc::now().to_rfc3339(),
            name,
            report.records as i64
        ],
    )
    .map_err(|e| cx.db(e))?;
    store::set_meta(&tx, "last_import_at", &Utc::now().to_rfc3339()).map_err(|e| cx.db(e))?;
    let seqs: Vec<u64> = {
        let mut stmt = tx
            .prepare("SELECT sequence FROM inbound_batches WHERE agency = ?1")
            .map_err(|e| cx.db(e))?;
        stmt.query_map([&header.agency], |r| r.get::<_, i64>(0))
            .and_then(|rows| rows.map(|r| r.map(|n| n as u64)).collect())
            .map_err(|e| cx.db(e))?
    };
    report.missing = store::missing_sequences(&seqs);
    tx.commit().map_err(|e| cx.db(e))?;
    report.outcome = Some(ImportOutcome::Applied);
    Ok(report)
}

fn parse_header(cx: &Ctx<'_>, text: &[u8], cfg: &Config) -> Result<Header, ImportError> {
    let text = std::str::from_utf8(text).map_err(|_| cx.at(1, "the header is not valid UTF-8"))?;
    let value: serde_json::Value = serde_json::from_str(text)
        .map_err(|e| cx.at(1, format!("the header is not valid JSON ({e})")))?;
    if value["type"] != "header" {
        return Err(cx.at(1, "the first line is not a header"));
    }
    if value["format"] != FORMAT {
        return Err(cx.at(
            1,
            format!("unknown format {} (expected \"{FORMAT}\")", value["format"]),
        ));
    }
    if value["version"] != VERSION {
        return Err(cx.at(
            1,
            format!(
                "unsupported version {} (this desk reads version {VERSION})",
                value["version"]
            ),
        ));
    }
    let h: Header = serde_json::from_value(value)
        .map_err(|e| cx.at(1, format!("the header is malformed ({e})")))?;
    if h.batch_id.is_empty() || h.batch_id.chars().count() > 128 {
        return Err(cx.at(1, "the batch_id must be 1 to 128 characters"));
    }
    if h.direction != "inbound" {
        return Err(cx.at(
            1,
            format!(
                "the batch direction is \"{}\", not \"inbound\"",
                h.direction
            ),
        ));
    }
    if h.sequence == 0 || h.sequence > i64::MAX as u64 {
        return Err(cx.at(1, "the sequence must be a number from 1 to 2^63-1"));
    }
    if !cfg.in_scope(&h.agency.as_str().into()) {
        let scope: Vec<&str> = cfg.agency.iter().map(|a| a.as_str()).collect();
        let scope = if scope.is_empty() {
            "none is configured".to_owned()
        } else {
            scope.join(", ")
        };
        return Err(cx.at(
            1,
            format!(
                "the batch is for agency {}, outside this desk's scope ({scope})",
                h.agency
            ),
        ));
    }
    Ok(h)
}

/// What the reading thread hands the writing one.
enum Piece {
    /// Parsed records with their line numbers.
    Records(Vec<(u64, Record)>),
    /// The end of the file.
    End(End),
}

/// How many records a file had, the digest of every line before the trailer, and the
/// trailer with its line.
struct End {
    records: u64,
    digest: [u8; 32],
    trailer: Option<(u64, Trailer)>,
}

/// Reads every line after the header: checks it, hashes it and (when `apply`) parses
/// it, sending records in chunks. Stops at the first bad line with its error.
fn read_records(
    mut reader: LineReader,
    file: String,
    apply: Option<crate::domain::DeskContext>,
    out: std::sync::mpsc::SyncSender<Result<Piece, ImportError>>,
) {
    let cx = Ctx { file: &file };
    let mut buf = Vec::with_capacity(4096);
    let mut chunk: Vec<(u64, Record)> = Vec::with_capacity(256);
    let mut records = 0u64;
    let mut trailer: Option<(u64, Trailer)> = None;
    let result: Result<(), ImportError> = (|| {
        loop {
            let line_no = reader.line_no() + 1;
            match reader.next_line(&mut buf).map_err(|e| {
                cx.at(
                    line_no,
                    format!("cannot be read ({e}); the file may be truncated or corrupt"),
                )
            })? {
                Line::End => return Ok(()),
                Line::TooLong => {
                    return Err(cx.at(line_no, "the line is longer than the 16 MiB limit"));
                }
                Line::Text => {}
            }
            let text = content(&buf);
            if let Some((tline, _)) = &trailer {
                if text.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                return Err(cx.at(
                    line_no,
                    format!("there is data after the trailer on line {tline}"),
                ));
            }
            let text = std::str::from_utf8(text)
                .map_err(|_| cx.at(line_no, "the line is not valid UTF-8"))?;
            let kind = serde_json::from_str::<TypeOnly>(text)
                .map_err(|e| cx.at(line_no, format!("the line is not valid JSON ({e})")))?
                .kind
                .map(|k| k.into_owned())
                .ok_or_else(|| cx.at(line_no, "the record has no \"type\" field"))?;
            match kind.as_str() {
                "trailer" => {
                    let t: Trailer = serde_json::from_str(text)
                        .map_err(|e| cx.at(line_no, format!("the trailer is malformed ({e})")))?;
                    trailer = Some((line_no, t));
                    continue;
                }
                "header" => return Err(cx.at(line_no, "a second header inside the batch")),
                _ => {}
            }
            reader.hash(&buf);
            records += 1;
            let Some(ctx) = &apply else {
                continue;
            };
            let record: Inbound = serde_json::from_str(text).map_err(|e| {
                if matches!(kind.as_str(), "complaint" | "message" | "agency" | "ack") {
                    cx.at(
                        line_no,
                        format!("the {kind} record is invalid ({})", without_values(&e)),
                    )
                } else {
                    cx.at(line_no, format!("unknown record type \"{kind}\""))
                }
            })?;
            let record = match record {
                Inbound::Complaint(c) => {
                    Record::Complaint(Box::new(prepare(&cx, line_no, ctx, *c)?))
                }
                Inbound::Message(m) => Record::Message(m),
                Inbound::Agency(a) => Record::Agency(a),
                Inbound::Ack(a) => Record::Ack(a),
            };
            chunk.push((line_no, record));
            if chunk.len() == 256
                && out
                    .send(Ok(Piece::Records(std::mem::take(&mut chunk))))
                    .is_err()
            {
                // The writer stopped (it found a problem): nothing more to do.
                return Ok(());
            }
        }
    })();
    let last = match result {
        Err(e) => Err(e),
        Ok(()) => {
            if !chunk.is_empty() {
                let _ = out.send(Ok(Piece::Records(chunk)));
            }
            Ok(Piece::End(End {
                records,
                digest: reader.digest(),
                trailer,
            }))
        }
    };
    let _ = out.send(last);
}

/// A parsed record, complaints already made ready to store by the reading thread.
enum Record {
    Complaint(Box<Prepared>),
    Message(crate::domain::Message),
    Agency(crate::domain::Agency),
    Ack(super::wire::Ack),
}

/// A valid complaint with the identity of an anonymous reporter dropped, its stored
/// copy, the hash that compares revisions, and its derived columns if it is new.
struct Prepared {
    complaint: Complaint,
    /// Whether an anonymous reporter's identity was dropped.
    anonymized: bool,
    data: String,
    hash: String,
    derived: store::NewDerived,
}

/// Checks a complaint and makes it ready to store (off the writing thread).
fn prepare(
    cx: &Ctx<'_>,
    line: u64,
    ctx: &crate::domain::DeskContext,
    mut c: Complaint,
) -> Result<Prepared, ImportError> {
    validate_complaint(cx, line, &c)?;
    let anonymized = c.drop_identity_if_anonymous();
    // One serialisation serves as the stored copy and for comparing revisions.
    let data = serde_json::to_string(&c).unwrap_or_default();
    let hash = hex::encode(Sha256::digest(data.as_bytes()));
    let derived = store::derive_new(ctx, &c);
    Ok(Prepared {
        complaint: c,
        anonymized,
        data,
        hash,
        derived,
    })
}

/// Where a record came from, for the order-independent tie-breaks.
struct Origin<'a> {
    /// The batch's `created_at` as UTC text.
    snapshot_at: &'a str,
    /// `snapshot_at` and the batch's sequence.
    source: &'a str,
    batch_id: &'a str,
}

#[allow(clippy::too_many_arguments)]
fn apply_record(
    tx: &rusqlite::Transaction<'_>,
    ctx: &crate::domain::DeskContext,
    cx: &Ctx<'_>,
    line: u64,
    record: Record,
    origin: &Origin<'_>,
    report: &mut ImportReport,
    touched: &mut BTreeSet<String>,
    fresh: &mut store::NewRows,
) -> Result<(), ImportError> {
    let db = |e: StoreError| cx.db(e);
    let snapshot_at = origin.snapshot_at;
    match record {
        Record::Complaint(p) => {
            let Prepared {
                complaint: c,
                anonymized,
                data,
                hash,
                derived,
            } = *p;
            store::note_agency(tx, c.id.as_str(), c.agency.as_str()).map_err(db)?;
            if anonymized {
                report.warnings.push(format!(
                    "line {line}: complaint {} is anonymous; the reporter's identity was dropped",
                    c.id
                ));
            }
            match store::stored_revision(tx, c.id.as_str()).map_err(db)? {
                None => {
                    store::insert_new(tx, &c, &derived, (&hash, snapshot_at, &data), fresh)
                        .map_err(db)?;
                    report.complaints_new += 1;
                    // Messages that arrived before their complaint count too.
                    if store::has_messages(tx, c.id.as_str()).map_err(db)? {
                        touched.insert(c.id.0);
                    }
                }
                Some(old) if c.revision > old.revision => {
                    // The update recounts the row: count the new rows first.
                    fresh.flush(tx).map_err(db)?;
                    store::put_snapshot(tx, &c, (&hash, snapshot_at, &data)).map_err(db)?;
                    report.complaints_updated += 1;
                    let n = tx
                        .execute(
                            "UPDATE operations SET state = 'conflict', updated_at = ?2
                             WHERE complaint_id = ?1 AND state = 'pending'",
                            params![c.id.as_str(), Utc::now().to_rfc3339()],
                        )
                        .map_err(|e| cx.db(e))?;
                    if n > 0 {
                        report.conflicts += n as u64;
                        report.warnings.push(format!(
                            "line {line}: complaint {} changed in the registry (revision {}); \
                             {n} pending operation(s) need confirming again",
                            c.id, c.revision
                        ));
                    }
                    touched.insert(c.id.0);
                }
                Some(old) if c.revision == old.revision => {
                    if old.content_hash != hash {
                        return Err(cx.at(
                            line,
                            format!(
                                "complaint {} revision {} differs from the revision {} already stored",
                                c.id, c.revision, old.revision
                            ),
                        ));
                    }
                    if *snapshot_at < *old.snapshot_at {
                        store::set_snapshot_at(tx, c.id.as_str(), snapshot_at).map_err(db)?;
                    }
                    report.complaints_unchanged += 1;
                }
                Some(_) => report.complaints_unchanged += 1,
            }
        }
        Record::Message(m) => {
            if m.id.0.is_empty() {
                return Err(cx.at(line, "the message has an empty id"));
            }
            if store::put_message(tx, &m).map_err(db)? {
                report.messages_new += 1;
                match m.author {
                    // An agency's answer can meet a deadline: recompute the complaint.
                    Author::Agency | Author::Other(_) => {
                        touched.insert(m.complaint_id.0);
                    }
                    // A reply only moves the auto-close watch.
                    Author::Reporter | Author::Admin => {
                        store::note_reply(tx, m.complaint_id.as_str(), &store::utc_key(m.at))
                            .map_err(db)?;
                    }
                    Author::System => {}
                }
            }
        }
        Record::Agency(a) => {
            if a.code.0.is_empty() {
                return Err(cx.at(line, "the agency has an empty code"));
            }
            // The newest batch wins: by its instant, then its sequence, then the line,
            // then its id, so any import order gives the same directory.
            let key = format!("{}|{line:020}|{}", origin.source, origin.batch_id);
            store::put_agency(tx, &a, &key, line).map_err(db)?;
            report.agencies += 1;
        }
        Record::Ack(ack) => {
            // Settling an operation recounts its complaint: count the new rows first.
            fresh.flush(tx).map_err(db)?;
            for r in ack.results {
                let op = store::get_operation(tx, &r.op_id).map_err(db)?;
                match op {
                    Some(op) if op.batch_id.as_ref().map(|b| b.as_str()) == Some(&ack.batch_id) => {
                        let state = match r.outcome {
                            AckOutcome::Accepted => OpState::Accepted,
                            AckOutcome::Rejected => OpState::Rejected,
                            AckOutcome::Superseded => OpState::Superseded,
                        };
                        store::set_op_state(tx, ctx, &r.op_id, state, None, r.reason.as_deref())
                            .map_err(db)?;
                        report.acks += 1;
                    }
                    _ => report.warnings.push(format!(
                        "line {line}: acknowledgement for unknown operation {} in batch {}; ignored",
                        r.op_id, ack.batch_id
                    )),
                }
            }
        }
    }
    Ok(())
}

fn validate_complaint(cx: &Ctx<'_>, line: u64, c: &Complaint) -> Result<(), ImportError> {
    let n = c.id.0.chars().count();
    if n == 0 || n > 64 {
        return Err(cx.at(line, "the complaint id must be 1 to 64 characters"));
    }
    if c.revision == 0 {
        return Err(cx.at(
            line,
            format!("complaint {} has revision 0 (must be 1 or more)", c.id),
        ));
    }
    Ok(())
}

/// A record error without the offending value: serde quotes values ("invalid type:
/// integer `81234567890`"), and a value may be an anonymous reporter's identity.
fn without_values(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    for prefix in ["invalid type: ", "invalid value: ", "invalid length "] {
        if let Some(rest) = msg.strip_prefix(prefix)
            && let Some(i) = rest.find(", expected ")
        {
            return format!("{}{}", prefix.trim_end_matches([':', ' ']), &rest[i..]);
        }
    }
    msg
}

fn verify_signature(
    cx: &Ctx<'_>,
    line: u64,
    cfg: &Config,
    trailer: &Trailer,
    digest: &[u8; 32],
) -> Result<(), ImportError> {
    if cfg.trusted_keys.is_empty() {
        return Ok(());
    }
    let b64 = base64::engine::general_purpose::STANDARD;
    let sig = trailer.signature.as_deref().ok_or_else(|| {
        cx.at(
            line,
            "the batch is not signed, and this desk requires a registry signature",
        )
    })?;
    let sig = b64
        .decode(sig)
        .ok()
        .and_then(|b| ed25519_dalek::Signature::from_slice(&b).ok())
        .ok_or_else(|| {
            cx.at(
                line,
                "the signature is not a valid base64 Ed25519 signature",
            )
        })?;
    let candidates = cfg
        .trusted_keys
        .iter()
        .filter(|k| trailer.key_id.as_deref().is_none_or(|id| id == k.id));
    for key in candidates {
        let Some(vk) = b64
            .decode(&key.public_key)
            .ok()
            .and_then(|b| <[u8; 32]>::try_from(b.as_slice()).ok())
            .and_then(|b| ed25519_dalek::VerifyingKey::from_bytes(&b).ok())
        else {
            continue;
        };
        if vk.verify_strict(digest, &sig).is_ok() {
            return Ok(());
        }
    }
    Err(cx.at(
        line,
        "the signature does not match any trusted registry key",
    ))
}
