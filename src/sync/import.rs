//! Importing inbound batch files: streamed, verified, and applied in one transaction
//! that is committed only when the whole file checks out. A rejected file leaves the
//! cache exactly as it was. This module checks the file as a whole (header, trailer,
//! digest, signature); `records` reads its lines on a second thread and `apply` writes
//! them.

mod apply;
mod records;

use super::reader::{Line, LineReader, content};
use super::wire::{FORMAT, Header, Trailer, VERSION};
use crate::config::Config;
use crate::store::{self, InboundBatch, Store};
use apply::{Importer, Origin};
use base64::Engine;
use records::{End, Piece, read_records};
use std::fmt;
use std::io::Read;
use std::path::Path;

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
    /// A refusal at a line. The reason may quote the file's own values (an agency, a
    /// record type): it is made one safe line here, once for every refusal.
    fn at(&self, line: u64, reason: impl Into<String>) -> ImportError {
        ImportError {
            file: self.file.to_owned(),
            line: Some(line),
            reason: crate::text::line(&reason.into()),
        }
    }
    fn whole(&self, reason: impl Into<String>) -> ImportError {
        ImportError {
            file: self.file.to_owned(),
            line: None,
            reason: crate::text::line(&reason.into()),
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
    let (name, file) = open_batch(path)?;
    import_reader(store, cfg, &name, file, &mut |_| {})
}

/// Opens a batch file, or says in one sentence what to do about it.
fn open_batch(path: &Path) -> Result<(String, std::fs::File), ImportError> {
    let name = path.display().to_string();
    let refuse = |reason: String| ImportError {
        file: name.clone(),
        line: None,
        reason,
    };
    if path.is_dir() {
        return Err(refuse(
            "is a folder, not a batch file: name the files in it (for example folder/*.jsonl)"
                .into(),
        ));
    }
    let file = std::fs::File::open(path).map_err(|e| {
        refuse(match e.kind() {
            std::io::ErrorKind::NotFound => {
                "no such file: check the name and the folder it is in".into()
            }
            std::io::ErrorKind::PermissionDenied => {
                "cannot be read: permission denied (ask for read access to it)".into()
            }
            _ => format!("cannot be read: {e}"),
        })
    })?;
    Ok((name, file))
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
    store.bulk(|store| import_in_one_transaction(store, cfg, name, source, progress))
}

fn import_in_one_transaction<R: Read + Send + 'static>(
    store: &mut Store,
    cfg: &Config,
    name: &str,
    source: R,
    progress: &mut dyn FnMut(u64),
) -> Result<ImportReport, ImportError> {
    let cx = Ctx { file: name };
    // A large import into a cache that holds something is preceded by a backup.
    let had_data = store.holds_data().map_err(|e| cx.db(e))?;
    let mut txn = store.txn_immediate().map_err(|e| cx.db(e))?;
    let report = import_into(&mut txn, cfg, &cx, source, progress, had_data)?;
    if report.outcome == Some(ImportOutcome::Applied) {
        txn.commit().map_err(|e| cx.db(e))?;
    }
    Ok(report)
}

/// Imports several files in one transaction (a first load, a large catch-up), each in
/// a savepoint of its own: a refused file is undone alone and the others are kept.
/// One commit, one backup before it when the cache already held data, and nothing for
/// the caller to checkpoint but once. `progress` hears each file's name and how many
/// records of it were read. The reports come after the commit, in the files' order;
/// if the transaction itself fails, every file is refused with that reason.
pub fn import_files(
    store: &mut Store,
    cfg: &Config,
    paths: &[std::path::PathBuf],
    progress: &mut dyn FnMut(&str, u64),
) -> Vec<Result<ImportReport, ImportError>> {
    store.bulk(|store| {
        let mut results = Vec::with_capacity(paths.len());
        match import_each(store, cfg, paths, progress, &mut results) {
            Ok(()) => results,
            Err(why) => paths
                .iter()
                .map(|p| {
                    Err(ImportError {
                        file: p.display().to_string(),
                        line: None,
                        reason: why.clone(),
                    })
                })
                .collect(),
        }
    })
}

/// The files of [`import_files`] into one transaction; `Err` (a reason) when the
/// transaction could not be started, kept or committed.
fn import_each(
    store: &mut Store,
    cfg: &Config,
    paths: &[std::path::PathBuf],
    progress: &mut dyn FnMut(&str, u64),
    results: &mut Vec<Result<ImportReport, ImportError>>,
) -> Result<(), String> {
    let whole = |e: store::StoreError| {
        format!("the cache could not be updated ({e}); nothing was imported")
    };
    let had_data = store.holds_data().map_err(whole)?;
    let incoming: u64 = paths
        .iter()
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum();
    let large = incoming > apply::LARGE_IMPORT_BYTES;
    // Files larger than the cache (a first load, a long catch-up): the view indexes
    // are built once at the end instead of row by row.
    let defer = incoming > store.file_bytes();
    let mut txn = store.txn_immediate().map_err(whole)?;
    if had_data && large {
        // The cache as it was before these files, while their transaction waits.
        txn.backup_committed(store::BackupKind::Import)
            .map_err(|e| {
                format!(
                    "the cache could not be backed up before this large import ({e}); \
                     nothing was imported"
                )
            })?;
    }
    let deferred = if defer {
        txn.defer_view_indexes().map_err(whole)?
    } else {
        store::DeferredIndexes::default()
    };
    for path in paths {
        let (name, file) = match open_batch(path) {
            Ok(f) => f,
            Err(e) => {
                results.push(Err(e));
                continue;
            }
        };
        let cx = Ctx { file: &name };
        txn.savepoint().map_err(whole)?;
        let done = import_into(&mut txn, cfg, &cx, file, &mut |n| progress(&name, n), false);
        match done {
            Ok(_) => txn.keep_savepoint().map_err(whole)?,
            Err(_) => txn.undo_to_savepoint().map_err(whole)?,
        }
        results.push(done);
    }
    txn.rebuild_view_indexes(deferred).map_err(whole)?;
    crate::fault::point("import:before-commit");
    txn.commit().map_err(whole)
}

/// Reads one file into an open transaction and records it there (the caller commits,
/// or undoes it on an error). `back_up_large`: back the cache up first when the file
/// changes many rows.
fn import_into<R: Read + Send + 'static>(
    txn: &mut store::Txn<'_>,
    cfg: &Config,
    cx: &Ctx<'_>,
    source: R,
    progress: &mut dyn FnMut(u64),
    back_up_large: bool,
) -> Result<ImportReport, ImportError> {
    let name = cx.file;
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
    let header = parse_header(cx, content(&buf), cfg)?;
    let report = ImportReport {
        file: name.to_owned(),
        batch_id: header.batch_id.clone(),
        agency: header.agency.clone(),
        sequence: header.sequence,
        ..ImportReport::default()
    };

    let known = txn.inbound_digest(&header.batch_id).map_err(|e| cx.db(e))?;
    if known.is_none()
        && let Some(other) = txn
            .inbound_batch_at(&header.agency, header.sequence)
            .map_err(|e| cx.db(e))?
    {
        return Err(cx.at(
            1,
            format!(
                "sequence {} of {} was already imported as batch {other}",
                header.sequence, header.agency
            ),
        ));
    }
    let apply = known.is_none();

    // A second thread reads, checks and parses the lines while this one writes them.
    let (pieces_tx, pieces) = std::sync::mpsc::sync_channel::<Result<Piece, ImportError>>(8);
    let file_name = name.to_owned();
    let prepare_with = apply.then(|| txn.sla().clone());
    // Instants are compared as UTC text; the batch's place in its stream breaks ties.
    let snapshot_at = store::utc_key(header.created_at);
    let source = format!("{snapshot_at}|{:020}", header.sequence);
    let origin = Origin {
        snapshot_at: &snapshot_at,
        source: &source,
        batch_id: &header.batch_id,
    };
    let mut importer = Importer::new(txn, cx, origin, report);
    let (spent_tx, spent) = std::sync::mpsc::channel();
    std::thread::spawn(move || read_records(reader, file_name, prepare_with, pieces_tx, spent));
    let mut end: Option<End> = None;
    for piece in pieces {
        match piece? {
            Piece::Records(mut records) => {
                for (line_no, record) in &mut records {
                    importer.report.records += 1;
                    if importer.report.records.is_multiple_of(4096) {
                        progress(importer.report.records);
                    }
                    importer.apply(*line_no, record)?;
                }
                // The reading thread frees them (or this one, once it has stopped).
                let _ = spent_tx.send(records);
            }
            Piece::End(e) => end = Some(e),
        }
    }
    let Some(End {
        records,
        digest,
        digest_bom,
        trailer,
    }) = end
    else {
        return Err(cx.whole("could not be read to the end"));
    };
    importer.report.records = records;
    let Some((tline, trailer)) = trailer else {
        return Err(cx.whole("is truncated: it has no trailer line"));
    };
    if trailer.records != records {
        return Err(cx.at(
            tline,
            format!(
                "the trailer counts {} records but the file has {records}",
                trailer.records
            ),
        ));
    }
    // A byte order mark a Windows tool put before the header may or may not have been
    // hashed by whoever wrote the trailer.
    let digest = match digest_bom {
        Some(with) if trailer.sha256.eq_ignore_ascii_case(&hex::encode(with)) => with,
        _ => digest,
    };
    let digest_hex = hex::encode(digest);
    if !trailer.sha256.eq_ignore_ascii_case(&digest_hex) {
        return Err(cx.at(
            tline,
            "the SHA-256 in the trailer does not match the content (the file was altered or damaged)",
        ));
    }
    verify_signature(cx, tline, cfg, &trailer, &digest)?;

    if let Some(known) = known {
        return if known == digest_hex {
            let mut report = importer.abandon();
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

    importer.finish(
        &InboundBatch {
            batch_id: &header.batch_id,
            agency: &header.agency,
            sequence: header.sequence,
            digest: &digest_hex,
            created_at: &header.created_at.to_rfc3339(),
            file_name: name,
            records,
        },
        &cfg.officer,
        back_up_large && apply,
    )
}

fn parse_header(cx: &Ctx<'_>, text: &[u8], cfg: &Config) -> Result<Header, ImportError> {
    let text = std::str::from_utf8(text).map_err(|_| cx.at(1, "the header is not valid UTF-8"))?;
    let value: serde_json::Value = super::json_depth::parse(text)
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
