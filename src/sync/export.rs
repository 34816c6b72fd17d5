//! Writing outbound batches: every pending operation into the next sequence of its
//! agency's stream, recorded byte for byte so that a resend is identical, and written
//! atomically (temporary file, sync, rename).
//!
//! The order survives a kill at any point: the cache first commits the batch (its bytes,
//! its folder, its operations marked exported by one span per batch, "not yet written"); the file is then
//! staged, synced and renamed into place, and the batch recorded as written. A batch
//! recorded but not written is written again, the same bytes, by the next export or
//! writing open ([`super::placing::rewrite_unplaced`]), and `status` names it until
//! then. A kill therefore leaves either no trace or a batch that becomes a complete
//! file; the temporary files it may leave are removed by the next export.

use super::placing;
use super::signing::{self, DeskKey};
use super::wire::{FORMAT, Header, VERSION};
use super::writer::BatchWriter;
use crate::config::Config;
use crate::domain::{OpKind, Operation};
use crate::store::{ExportSpan, OutboundBatch, Store, StoreError};
use chrono::{DateTime, FixedOffset, SecondsFormat};
use flate2::Compression;
use flate2::write::GzEncoder;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};

/// What an export did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExportOutcome {
    /// No pending operation.
    Nothing,
    /// The files written, one per agency stream.
    Written(Vec<PathBuf>),
}

/// Why an export failed (nothing was marked exported).
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("cannot write {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("no outbound batch {sequence} for {agency}")]
    UnknownBatch { agency: String, sequence: u64 },
    #[error("the desk has several agencies ({0}); name one with --agency")]
    WhichAgency(String),
    #[error("no export folder: pass --out DIR or set `export_dir` in the config")]
    NoFolder,
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("an operation could not be written as JSON: {0}")]
    Encode(#[from] super::writer::WriteError),
    #[error(transparent)]
    Key(#[from] super::signing::KeyError),
}

/// One outbound record line, fields in the contract's order.
#[derive(Serialize)]
struct OutRecord<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    op_id: &'a str,
    complaint_id: &'a str,
    base_revision: u64,
    officer: &'a str,
    at: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    stage: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    to_agency: Option<Option<&'a str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    missing: Option<&'a str>,
}

fn record(op: &Operation) -> OutRecord<'_> {
    let mut r = OutRecord {
        kind: op.kind.type_name(),
        op_id: op.op_id.as_str(),
        complaint_id: op.complaint_id.as_str(),
        base_revision: op.base_revision,
        officer: &op.officer,
        at: op.at.to_rfc3339_opts(SecondsFormat::Secs, false),
        stage: None,
        text: None,
        to_agency: None,
        reason: None,
        note: None,
        missing: None,
    };
    match &op.kind {
        OpKind::Response { stage, text } => {
            r.stage = Some(stage.as_str());
            r.text = Some(text);
        }
        OpKind::Transfer {
            to_agency,
            reason,
            note,
        } => {
            r.to_agency = Some(to_agency.as_ref().map(|a| a.as_str()));
            r.reason = Some(reason.as_str());
            r.note = Some(note);
        }
        OpKind::Hold { missing } => r.missing = Some(missing),
    }
    r
}

/// Serialises a whole outbound batch, with the one batch writer the inbound side and
/// the tests use; signed when the desk has a key.
pub fn render_batch(
    header: &Header,
    ops: &[Operation],
    key: Option<&DeskKey>,
) -> Result<Vec<u8>, ExportError> {
    let mut w = BatchWriter::new(header)?;
    w.reserve(256 * ops.len());
    for op in ops {
        w.record(&record(op))?;
    }
    Ok(match key {
        Some(k) => w.finish_signed(&k.key, Some(&k.key_id))?,
        None => w.finish()?,
    })
}

/// The folder an export writes to, made if missing, as an absolute path (a batch
/// recorded but not written is written there later, from wherever Sigap then runs).
fn export_folder(cfg: &Config, out_dir: Option<&Path>) -> Result<PathBuf, ExportError> {
    let dir = out_dir
        .map(Path::to_path_buf)
        .or_else(|| cfg.export_dir.clone())
        .ok_or(ExportError::NoFolder)?;
    std::fs::create_dir_all(&dir).map_err(|source| ExportError::Io {
        path: dir.clone(),
        source,
    })?;
    // On Windows `canonicalize` answers `\\?\C:\...`, a form officers do not know,
    // that the messages would show and the cache would keep: made absolute instead.
    #[cfg(unix)]
    let absolute = std::fs::canonicalize(&dir);
    #[cfg(not(unix))]
    let absolute = std::path::absolute(&dir);
    Ok(absolute.unwrap_or(dir))
}

/// Exports every pending operation. `now` stamps the header. Batches an earlier
/// export recorded but did not write are written first (their paths lead the list),
/// and this cache's leftover temporary files in the folder are removed.
pub fn export_pending(
    store: &mut Store,
    cfg: &Config,
    out_dir: Option<&Path>,
    gzip: bool,
    now: DateTime<FixedOffset>,
) -> Result<ExportOutcome, ExportError> {
    let dir = export_folder(cfg, out_dir)?;
    let mut written = placing::rewrite_unplaced(store)?;
    placing::sweep_temp(store, &dir)?;
    let key = cfg.desk_key.as_deref().map(signing::load).transpose()?;
    let tag = store.desk_tag()?;
    let folder = dir.to_string_lossy().into_owned();
    let mut txn = store.txn()?;
    let pending = txn.pending_with_agency()?;
    if pending.is_empty() {
        return Ok(if written.is_empty() {
            ExportOutcome::Nothing
        } else {
            ExportOutcome::Written(written)
        });
    }
    // A folder that cannot take a file refuses the export before anything is marked.
    placing::probe(&dir, &tag)?;
    // Group by the agency the desk answers for on each complaint.
    let fallback = cfg.agency.first().map(|a| a.0.clone()).unwrap_or_default();
    // Each group keeps the agencies its operations record: the export's spans are theirs.
    let mut groups: BTreeMap<String, (BTreeSet<String>, Vec<Operation>)> = BTreeMap::new();
    for (own, op) in pending {
        let agency = if cfg.in_scope(&own.as_str().into()) {
            own.clone()
        } else {
            fallback.clone()
        };
        let (owners, ops) = groups.entry(agency).or_default();
        owners.insert(own);
        ops.push(op);
    }
    let mut recorded = Vec::new();
    let mut spans: Vec<(String, String)> = Vec::new();
    for (agency, (owners, ops)) in groups {
        let sequence = txn.last_outbound_sequence(&agency)? + 1;
        let header = Header {
            kind: "header".into(),
            format: FORMAT.into(),
            version: VERSION,
            batch_id: uuid::Uuid::now_v7().to_string(),
            direction: "outbound".into(),
            agency: agency.clone(),
            sequence,
            created_at: now,
            producer: Some(format!("sigap {}", env!("CARGO_PKG_VERSION"))),
        };
        let plain = render_batch(&header, &ops, key.as_ref())?;
        let (bytes, name) = if gzip {
            let mut enc = GzEncoder::new(Vec::new(), Compression::default());
            enc.write_all(&plain)
                .and_then(|_| enc.finish())
                .map(|b| (b, format!("outbound-{agency}-{sequence:04}.jsonl.gz")))
                .map_err(|source| ExportError::Io {
                    path: dir.clone(),
                    source,
                })?
        } else {
            (plain, format!("outbound-{agency}-{sequence:04}.jsonl"))
        };
        txn.record_outbound(&OutboundBatch {
            agency: &agency,
            sequence,
            batch_id: &header.batch_id,
            created_at: &now.to_rfc3339(),
            file_name: &name,
            operations: ops.len() as u64,
            content: &bytes,
            folder: Some(&folder),
        })?;
        spans.extend(owners.into_iter().map(|own| (own, header.batch_id.clone())));
        txn.audit(
            &cfg.officer,
            "export",
            &format!(
                "{name}: {} operation(s), batch {}",
                ops.len(),
                header.batch_id
            ),
        )?;
        recorded.push((agency, sequence, name, bytes));
    }
    let spans: Vec<ExportSpan<'_>> = spans
        .iter()
        .map(|(agency, batch_id)| ExportSpan { agency, batch_id })
        .collect();
    txn.mark_exported(&spans)?;
    txn.note_export()?;
    txn.commit()?;
    crate::fault::point("export:committed");
    for (agency, sequence, name, bytes) in recorded {
        let path = dir.join(&name);
        let staged = placing::stage(&path, &bytes, &tag).map_err(|e| unwritten(e, sequence))?;
        crate::fault::point("export:staged");
        placing::place(staged, &path).map_err(|e| unwritten(e, sequence))?;
        crate::fault::point("export:renamed");
        // Were this not recorded, the next export would only write the same bytes again.
        let _ = store.mark_placed(&agency, sequence);
        written.push(path);
    }
    Ok(ExportOutcome::Written(written))
}

/// A failed write of a recorded batch: it is written again by the next export.
fn unwritten(e: ExportError, sequence: u64) -> ExportError {
    match e {
        ExportError::Io { path, source } => ExportError::Io {
            source: std::io::Error::new(
                source.kind(),
                format!(
                    "{source}; the batch is recorded and the next export writes it \
                     (or `sigap export --resend {sequence}`)"
                ),
            ),
            path,
        },
        other => other,
    }
}

/// Writes outbound batch `sequence` again, byte-identical to the first time.
pub fn resend(
    store: &mut Store,
    cfg: &Config,
    agency: Option<&str>,
    sequence: u64,
    out_dir: Option<&Path>,
) -> Result<PathBuf, ExportError> {
    let dir = export_folder(cfg, out_dir)?;
    let agency = match agency {
        Some(a) => a.to_owned(),
        None => {
            let streams = store.outbound_agencies()?;
            match streams.as_slice() {
                [one] => one.clone(),
                [] if cfg.agency.len() <= 1 => {
                    cfg.agency.first().map(|a| a.0.clone()).unwrap_or_default()
                }
                [] => {
                    let scope: Vec<&str> = cfg.agency.iter().map(|a| a.as_str()).collect();
                    return Err(ExportError::WhichAgency(scope.join(", ")));
                }
                many => return Err(ExportError::WhichAgency(many.join(", "))),
            }
        }
    };
    let (name, bytes) = store
        .outbound_batch(&agency, sequence)?
        .ok_or(ExportError::UnknownBatch { agency, sequence })?;
    let path = dir.join(name);
    placing::write_atomically(&path, &bytes, &store.desk_tag()?)?;
    Ok(path)
}
