//! What the monitoring figures (*monev*) read from the cache and the reprimands they
//! lead to: the agency history of every complaint (one row per snapshot seen, in any
//! order of import), the agencies' answers in the registry's thread, this desk's
//! responses and transfers, and the written reprimands with their numbers (in
//! `letters`). The figures themselves are computed in `domain::monev`; this module
//! only streams their inputs, one complaint at a time, in tracking-ID order.

mod letters;

pub use letters::{LetterFacts, LetterItem, NewLetter, StoredLetter};

use super::error::Named;
use super::row::{col, columns};
use super::{Store, StoreError, Txn};
use crate::domain::monev::{Act, ActKind, History, Latest, Seen};
use crate::domain::{Author, Classification, Complaint, Message, OpState, Status};
use chrono::{DateTime, FixedOffset};
use rusqlite::params;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// The schema of the monitoring figures and the reprimands.
///
/// - `monev_history`: every snapshot the desk has seen, by (complaint, revision), with
///   what the figures need of it; a lower revision that arrives late still adds its
///   row, and the same revision twice keeps the earliest batch's instant.
/// - `monev_answers`: the registry's messages with `author = agency`, in complaint
///   order (a narrow copy of the thread, so a year's report reads it in one pass).
/// - `reprimands`, `reprimand_items`, `letter_sequences`: the letters issued, what
///   each listed, and the last number taken per year (never given out again).
pub(crate) const V8: &str = r#"
CREATE TABLE monev_history (
    complaint_id   TEXT NOT NULL,
    revision       INTEGER NOT NULL,
    agency         TEXT NOT NULL,
    disposed_at    TEXT,
    seen_at        TEXT NOT NULL,
    status         TEXT NOT NULL,
    completed_at   TEXT,
    classification TEXT NOT NULL,
    supervisory    INTEGER NOT NULL,
    confidential   INTEGER NOT NULL,
    category       TEXT,
    PRIMARY KEY (complaint_id, revision)
) STRICT, WITHOUT ROWID;
INSERT OR IGNORE INTO monev_history
    SELECT id, revision, agency, disposed_at, snapshot_at, status,
           json_extract(data, '$.completed_at'), classification, supervisory,
           confidential, category
    FROM complaints;

CREATE TABLE monev_answers (
    complaint_id TEXT NOT NULL,
    at_utc       TEXT NOT NULL,
    message_id   TEXT NOT NULL,
    agency       TEXT NOT NULL,
    PRIMARY KEY (complaint_id, at_utc, message_id)
) STRICT, WITHOUT ROWID;
INSERT OR IGNORE INTO monev_answers
    SELECT complaint_id, at_utc, id, ifnull(agency, '') FROM messages WHERE author = 'agency';

CREATE TABLE letter_sequences (
    year INTEGER PRIMARY KEY,
    last INTEGER NOT NULL
) STRICT;
CREATE TABLE reprimands (
    number    TEXT PRIMARY KEY,
    year      INTEGER NOT NULL,
    seq       INTEGER NOT NULL,
    date      TEXT NOT NULL,
    agency    TEXT NOT NULL,
    level     INTEGER NOT NULL,
    deadline  TEXT NOT NULL,
    file      TEXT,
    issued_at TEXT NOT NULL,
    UNIQUE (year, seq),
    UNIQUE (agency, date)
) STRICT;
CREATE TABLE reprimand_items (
    number       TEXT NOT NULL REFERENCES reprimands (number),
    complaint_id TEXT NOT NULL,
    clock        TEXT NOT NULL,
    due          TEXT NOT NULL,
    days_late    INTEGER NOT NULL,
    PRIMARY KEY (number, complaint_id, clock)
) STRICT;
"#;

columns!(
    /// A snapshot row of the history.
    HistoryCols = [
        "complaint_id",
        "revision",
        "agency",
        "disposed_at",
        "seen_at",
        "status",
        "completed_at",
        "classification",
        "supervisory",
        "confidential",
        "category",
    ];
    const ALL_HISTORY = "FROM monev_history ORDER BY complaint_id, revision";
);

columns!(
    /// An agency's answer.
    AnswerCols = ["complaint_id", "at_utc", "agency"];
    const ALL_ANSWERS = "FROM monev_answers ORDER BY complaint_id, at_utc";
);

columns!(
    /// This desk's responses and transfers. Their stored state is enough here: an
    /// operation exported but stored as `pending` (schema 14) stands as it would.
    ActCols = ["complaint_id", "kind", "payload", "state", "at", "agency"];
    const DESK_ACTS = "FROM operations WHERE kind IN ('response', 'transfer')";
);

impl Txn<'_> {
    /// Adds a snapshot to the agency history (`seen_at`: its batch's instant as UTC
    /// text). The same revision again keeps the earliest instant, so the history does
    /// not depend on the order of imports.
    pub fn note_snapshot(&mut self, c: &Complaint, seen_at: &str) -> Result<(), StoreError> {
        self.held
            .get(
                "INSERT INTO monev_history (complaint_id, revision, agency, disposed_at, seen_at,
                     status, completed_at, classification, supervisory, confidential, category)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                 ON CONFLICT (complaint_id, revision) DO UPDATE SET seen_at = excluded.seen_at
                 WHERE excluded.seen_at < seen_at",
            )
            .and_then(|mut s| {
                s.execute(params![
                    c.id.as_str(),
                    c.revision as i64,
                    c.agency.as_str(),
                    c.disposed_at.map(|t| t.to_rfc3339()),
                    seen_at,
                    c.status.as_str(),
                    c.completed_at.map(|t| t.to_rfc3339()),
                    c.classification.as_str(),
                    c.supervisory,
                    c.confidential,
                    c.category,
                ])
            })
            .named("record a snapshot in the agency history")?;
        Ok(())
    }

    /// Adds an agency's answer (a new thread message with `author = agency`).
    pub fn note_answer(&mut self, m: &Message) -> Result<(), StoreError> {
        if m.author != Author::Agency {
            return Ok(());
        }
        self.tx
            .prepare_cached(
                "INSERT OR IGNORE INTO monev_answers (complaint_id, at_utc, message_id, agency)
                 VALUES (?1, ?2, ?3, ?4)",
            )
            .and_then(|mut s| {
                s.execute(params![
                    m.complaint_id.as_str(),
                    super::utc_key(m.at),
                    m.id.as_str(),
                    m.agency.as_ref().map_or("", |a| a.as_str()),
                ])
            })
            .named("record an agency's answer")?;
        Ok(())
    }
}

/// An instant as stored (`2026-11-04T10:00:00+07:00`, or `Z` for UTC). The common
/// shape is read by hand (a year's report reads millions of them); anything else goes
/// to chrono's parser.
pub(super) fn instant_str(s: &str) -> Option<DateTime<FixedOffset>> {
    fast_instant(s).or_else(|| DateTime::parse_from_rfc3339(s).ok())
}

fn fast_instant(s: &str) -> Option<DateTime<FixedOffset>> {
    let b = s.as_bytes();
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let mut n = 0u32;
        for &c in b.get(r)? {
            if !c.is_ascii_digit() {
                return None;
            }
            n = n * 10 + u32::from(c - b'0');
        }
        Some(n)
    };
    if b.len() < 20 || b[4] != b'-' || b[7] != b'-' || b[10] != b'T' || b[13] != b':' {
        return None;
    }
    let offset = match (b.len(), b[19]) {
        (20, b'Z') => 0,
        (25, sign @ (b'+' | b'-')) if b[22] == b':' => {
            let secs = (num(20..22)? * 3600 + num(23..25)? * 60) as i32;
            if sign == b'-' { -secs } else { secs }
        }
        _ => return None,
    };
    let date = chrono::NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)?;
    let time = chrono::NaiveTime::from_hms_opt(num(11..13)?, num(14..16)?, num(17..19)?)?;
    let tz = FixedOffset::east_opt(offset)?;
    date.and_time(time).and_local_timezone(tz).single()
}

/// One shared copy of each agency code and category the scan meets.
#[derive(Default)]
struct Interned(HashSet<Arc<str>>);

impl Interned {
    fn get(&mut self, s: &str) -> Arc<str> {
        if let Some(a) = self.0.get(s) {
            return a.clone();
        }
        let a: Arc<str> = Arc::from(s);
        self.0.insert(a.clone());
        a
    }
}

/// A text column, borrowed from the row (no copy).
fn text<'r>(r: &'r rusqlite::Row<'_>, i: usize) -> rusqlite::Result<Option<&'r str>> {
    match r.get_ref(i)? {
        rusqlite::types::ValueRef::Null => Ok(None),
        v => v.as_str().map(Some).map_err(Into::into),
    }
}

impl Store {
    /// Streams every complaint's history (snapshots, latest state, the agencies'
    /// answers and this desk's responses and transfers) to `each`, in tracking-ID
    /// order. `each` returns `false` to stop early (a newer request cancelled this
    /// one); the result says whether every complaint was read.
    pub fn monev_histories(
        &self,
        mut each: impl FnMut(&History) -> bool,
    ) -> Result<bool, StoreError> {
        let mut names = Interned::default();
        let mut desk = self.desk_acts(&mut names)?;
        const SCAN: &str = "read the agency history";
        let mut hist = self.conn.prepare(ALL_HISTORY).named(SCAN)?;
        let mut answers = self.conn.prepare(ALL_ANSWERS).named(SCAN)?;
        let mut rows = hist.query([]).named(SCAN)?;
        let mut ans = answers.query([]).named(SCAN)?;
        let mut pending: Option<(String, Act)> = None;
        read_answer(ans.next().named(SCAN)?, &mut names, &mut pending)?;
        // One history, refilled for each complaint (its buffers are reused).
        let mut h = History {
            id: String::new(),
            seen: Vec::new(),
            latest: Latest {
                status: Status::Selesai,
                completed_at: None,
                classification: Classification::Pengaduan,
                supervisory: false,
                confidential: false,
                category: None,
            },
            acts: Vec::new(),
        };
        let mut started = false;
        while let Some(r) = rows.next().named(SCAN)? {
            let id = text(r, col!(HistoryCols, "complaint_id"))
                .named(SCAN)?
                .unwrap_or_default();
            let seen = Seen {
                revision: r
                    .get::<_, i64>(col!(HistoryCols, "revision"))
                    .named(SCAN)?
                    .max(0) as u64,
                agency: names.get(
                    text(r, col!(HistoryCols, "agency"))
                        .named(SCAN)?
                        .unwrap_or_default(),
                ),
                disposed_at: text(r, col!(HistoryCols, "disposed_at"))
                    .named(SCAN)?
                    .and_then(instant_str),
                seen_at: text(r, col!(HistoryCols, "seen_at"))
                    .named(SCAN)?
                    .and_then(instant_str)
                    .unwrap_or_default(),
            };
            let latest = Latest {
                status: Status::parse(
                    text(r, col!(HistoryCols, "status"))
                        .named(SCAN)?
                        .unwrap_or_default(),
                ),
                completed_at: text(r, col!(HistoryCols, "completed_at"))
                    .named(SCAN)?
                    .and_then(instant_str),
                classification: Classification::parse(
                    text(r, col!(HistoryCols, "classification"))
                        .named(SCAN)?
                        .unwrap_or_default(),
                ),
                supervisory: r.get(col!(HistoryCols, "supervisory")).named(SCAN)?,
                confidential: r.get(col!(HistoryCols, "confidential")).named(SCAN)?,
                category: text(r, col!(HistoryCols, "category"))
                    .named(SCAN)?
                    .map(|c| names.get(c)),
            };
            if started && h.id == id {
                // Rows come in revision order: the last one is the latest.
                h.seen.push(seen);
                h.latest = latest;
                continue;
            }
            if started
                && !hand_out(
                    &mut h,
                    &mut pending,
                    &mut ans,
                    &mut desk,
                    &mut names,
                    &mut each,
                )?
            {
                return Ok(false);
            }
            started = true;
            h.id.clear();
            h.id.push_str(id);
            h.seen.clear();
            h.seen.push(seen);
            h.latest = latest;
            h.acts.clear();
        }
        if started
            && !hand_out(
                &mut h,
                &mut pending,
                &mut ans,
                &mut desk,
                &mut names,
                &mut each,
            )?
        {
            return Ok(false);
        }
        Ok(true)
    }

    /// This desk's standing responses and transfers, by complaint.
    fn desk_acts(&self, names: &mut Interned) -> Result<HashMap<String, Vec<Act>>, StoreError> {
        const READ: &str = "read this desk's responses and transfers";
        let mut stmt = self.conn.prepare(DESK_ACTS).named(READ)?;
        let mut rows = stmt.query([]).named(READ)?;
        let mut out: HashMap<String, Vec<Act>> = HashMap::new();
        while let Some(r) = rows.next().named(READ)? {
            let state: String = r.get(col!(ActCols, "state")).named(READ)?;
            if !OpState::parse(&state).is_some_and(OpState::stands) {
                continue;
            }
            let Some(at) = text(r, col!(ActCols, "at"))
                .named(READ)?
                .and_then(instant_str)
            else {
                continue;
            };
            let kind: String = r.get(col!(ActCols, "kind")).named(READ)?;
            let payload: String = r.get(col!(ActCols, "payload")).named(READ)?;
            let kind = if kind == "transfer" {
                ActKind::Transfer
            } else if serde_json::from_str::<serde_json::Value>(&payload)
                .is_ok_and(|v| v["stage"] == "final")
            {
                ActKind::FinalResponse
            } else {
                ActKind::Response
            };
            out.entry(r.get(col!(ActCols, "complaint_id")).named(READ)?)
                .or_default()
                .push(Act {
                    agency: names.get(
                        text(r, col!(ActCols, "agency"))
                            .named(READ)?
                            .unwrap_or_default(),
                    ),
                    at,
                    kind,
                });
        }
        Ok(out)
    }
}

/// Reads an answer row into `slot` (reusing its text), or empties it at the end.
fn read_answer(
    r: Option<&rusqlite::Row<'_>>,
    names: &mut Interned,
    slot: &mut Option<(String, Act)>,
) -> Result<(), StoreError> {
    const READ: &str = "read the agencies' answers";
    let Some(r) = r else {
        *slot = None;
        return Ok(());
    };
    let id = text(r, col!(AnswerCols, "complaint_id"))
        .named(READ)?
        .unwrap_or_default();
    let at = text(r, col!(AnswerCols, "at_utc"))
        .named(READ)?
        .and_then(instant_str)
        .unwrap_or_default();
    let agency = names.get(
        text(r, col!(AnswerCols, "agency"))
            .named(READ)?
            .unwrap_or_default(),
    );
    let act = Act {
        agency,
        at,
        kind: ActKind::Answer,
    };
    match slot {
        Some((buf, a)) => {
            buf.clear();
            buf.push_str(id);
            *a = act;
        }
        None => *slot = Some((id.to_owned(), act)),
    }
    Ok(())
}

/// Gives a complaint its answers (the answers cursor runs in the same order) and its
/// desk acts, then hands it to `each`.
fn hand_out(
    h: &mut History,
    pending: &mut Option<(String, Act)>,
    ans: &mut rusqlite::Rows<'_>,
    desk: &mut HashMap<String, Vec<Act>>,
    names: &mut Interned,
    each: &mut impl FnMut(&History) -> bool,
) -> Result<bool, StoreError> {
    const READ: &str = "read the agencies' answers";
    while let Some((id, _)) = pending.as_ref() {
        match id.as_str().cmp(h.id.as_str()) {
            std::cmp::Ordering::Greater => break,
            std::cmp::Ordering::Less => {}
            std::cmp::Ordering::Equal => {
                if let Some((_, act)) = pending.as_ref() {
                    h.acts.push(act.clone());
                }
            }
        }
        read_answer(ans.next().named(READ)?, names, pending)?;
    }
    if !desk.is_empty()
        && let Some(acts) = desk.remove(&h.id)
    {
        h.acts.extend(acts);
    }
    Ok(each(h))
}

#[cfg(test)]
mod tests {
    use super::instant_str;
    use chrono::DateTime;

    #[test]
    fn instants_read_by_hand_agree_with_chrono() {
        for s in [
            "2026-11-04T10:00:00+07:00",
            "2026-11-04T03:00:00Z",
            "2026-12-31T23:59:59-03:30",
            "2026-11-04T10:00:00.5+07:00",
            "2026-11-04 10:00:00+07:00",
        ] {
            assert_eq!(instant_str(s), DateTime::parse_from_rfc3339(s).ok(), "{s}");
        }
        assert_eq!(instant_str("2026-02-30T10:00:00+07:00"), None);
        assert_eq!(instant_str("kemarin"), None);
    }
}
