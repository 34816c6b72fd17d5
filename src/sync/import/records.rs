//! The reading side of an import: a thread that reads every line after the header,
//! checks, hashes and parses it, and makes each complaint ready to store (identity of an
//! anonymous reporter dropped, stored copy, hash, derived columns), so that the writing
//! thread only looks up and writes.

use super::Ctx;
use super::ImportError;
use crate::domain::Complaint;
use crate::store;
use crate::sync::json_depth;
use crate::sync::reader::{Line, LineReader, content};
use crate::sync::wire::{Trailer, TypeOnly};

/// What the reading thread hands the writing one.
pub(super) enum Piece {
    /// Parsed records with their line numbers.
    Records(Vec<(u64, Record)>),
    /// The end of the file.
    End(End),
}

/// How many records a file had, the digest of every line before the trailer, and the
/// trailer with its line.
pub(super) struct End {
    pub(super) records: u64,
    pub(super) digest: [u8; 32],
    /// The digest with a leading byte order mark counted, when the file had one.
    pub(super) digest_bom: Option<[u8; 32]>,
    pub(super) trailer: Option<(u64, Trailer)>,
}

/// Chunks the writing thread has applied, sent back so that the thread that allocated
/// their records frees them: glibc's allocator locks the allocating thread's arena for
/// a free from another thread, and the two threads then wait on each other.
pub(super) type Spent = std::sync::mpsc::Receiver<Vec<(u64, Record)>>;

/// How many records go to the writing thread at a time.
const CHUNK: usize = 256;

/// Reads every line after the header: checks it, hashes it and (when `apply`) parses
/// it, sending records in chunks. Stops at the first bad line with its error.
pub(super) fn read_records(
    mut reader: LineReader,
    file: String,
    apply: Option<crate::domain::DeskContext>,
    out: std::sync::mpsc::SyncSender<Result<Piece, ImportError>>,
    spent: Spent,
) {
    let cx = Ctx { file: &file };
    let mut buf = Vec::with_capacity(4096);
    let mut chunk: Vec<(u64, Record)> = Vec::with_capacity(CHUNK);
    // Where the last complaint of the chunk is, for the replies that follow it.
    let mut last_complaint: Option<usize> = None;
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
            let kind = record_type(text)
                .map_err(|e| cx.at(line_no, format!("the line is not valid JSON ({e})")))?
                .ok_or_else(|| cx.at(line_no, "the record has no \"type\" field"))?;
            match kind.as_str() {
                "trailer" => {
                    let t: Trailer = json_depth::parse(text)
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
            // Each kind is parsed straight into its own type (its `type` field is
            // ignored there): a tagged enum would first copy the line into a tree.
            let invalid = |e: serde_json::Error| {
                cx.at(
                    line_no,
                    format!("the {kind} record is invalid ({})", without_values(&e)),
                )
            };
            let record = match kind.as_str() {
                "complaint" => {
                    let c: Complaint = json_depth::parse(text).map_err(invalid)?;
                    last_complaint = Some(chunk.len());
                    Record::Complaint(Box::new(prepare(&cx, line_no, ctx, c)?))
                }
                "message" => {
                    let message = json_depth::parse(text).map_err(invalid)?;
                    let folded = fold_reply(&mut chunk, last_complaint, &message);
                    Record::Message(Reply { message, folded })
                }
                "agency" => Record::Agency(json_depth::parse(text).map_err(invalid)?),
                "ack" => Record::Ack(json_depth::parse(text).map_err(invalid)?),
                _ => return Err(cx.at(line_no, format!("unknown record type \"{kind}\""))),
            };
            chunk.push((line_no, record));
            if chunk.len() == CHUNK {
                last_complaint = None;
                // Free what the writer has applied, here where it was allocated, and
                // fill its vector again (a new one would grow by doubling).
                let mut next = None;
                while let Ok(mut done) = spent.try_recv() {
                    done.clear();
                    next = Some(done);
                }
                let next = next.unwrap_or_else(|| Vec::with_capacity(CHUNK));
                if out
                    .send(Ok(Piece::Records(std::mem::replace(&mut chunk, next))))
                    .is_err()
                {
                    // The writer stopped (it found a problem): nothing more to do.
                    return Ok(());
                }
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
                digest_bom: reader.digest_with_bom(),
                trailer,
            }))
        }
    };
    let _ = out.send(last);
}

/// A line's `type`, reading it again without its deepest values when it nests too
/// deeply for the parser (see `json_depth`).
fn record_type(text: &str) -> serde_json::Result<Option<String>> {
    let of = |t: TypeOnly<'_>| t.kind.map(|k| k.into_owned());
    match serde_json::from_str::<TypeOnly>(text) {
        Ok(t) => Ok(of(t)),
        Err(e) if json_depth::too_deep(&e) => {
            let shallow = json_depth::shallow(text, json_depth::KEEP);
            serde_json::from_str::<TypeOnly>(&shallow).map(of)
        }
        Err(e) => Err(e),
    }
}

/// A parsed record, complaints already made ready to store by the reading thread.
pub(super) enum Record {
    Complaint(Box<Prepared>),
    Message(Reply),
    Agency(crate::domain::Agency),
    Ack(crate::sync::wire::Ack),
}

/// A valid complaint with the identity of an anonymous reporter dropped, its stored
/// copy, the hash that compares revisions, and its derived columns if it is new.
pub(super) struct Prepared {
    pub(super) complaint: Complaint,
    /// Whether an anonymous reporter's identity was dropped.
    pub(super) anonymized: bool,
    pub(super) data: String,
    pub(super) hash: String,
    pub(super) derived: store::NewDerived,
}

/// A thread message, and whether its instant was already folded into the complaint
/// just before it as its latest reply (see [`fold_reply`]).
pub(super) struct Reply {
    pub(super) message: crate::domain::Message,
    pub(super) folded: bool,
}

/// A reply by the reporter or an admin right after its complaint (the usual order of a
/// batch) gives the complaint's row its latest reply when it is inserted, instead of
/// an update of the row for each reply. Returns whether it did; the writing thread
/// then skips that update if the complaint was indeed new (see `apply`).
fn fold_reply(
    chunk: &mut [(u64, Record)],
    last_complaint: Option<usize>,
    m: &crate::domain::Message,
) -> bool {
    use crate::domain::Author;
    if !matches!(m.author, Author::Reporter | Author::Admin) {
        return false;
    }
    let Some((_, Record::Complaint(p))) = last_complaint.and_then(|i| chunk.get_mut(i)) else {
        return false;
    };
    if p.complaint.id != m.complaint_id {
        return false;
    }
    let at = store::utc_key(m.at);
    let latest = &mut p.derived.latest_reply_at;
    if latest.as_ref().is_none_or(|l| *l < at) {
        *latest = Some(at);
    }
    true
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
    let (data, hash) = store::stored_copy(&c);
    let derived = store::derive_new(ctx, &c);
    Ok(Prepared {
        complaint: c,
        anonymized,
        data,
        hash,
        derived,
    })
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
