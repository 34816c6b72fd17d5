//! The inbox's queries at any size: one page of a saved view at a time, by keyset on the
//! sort key (never `OFFSET`), each view served by its own index, and the view counts
//! read from tables the triggers keep current (nothing is counted per screen).

use super::complaints::{ComplaintRow, RowCols};
use super::error::Named;
use super::row::{col, columns};
use super::rules::NEEDS_ACTION;
use super::{Store, StoreError};
use chrono::NaiveDate;
use rusqlite::params;

columns!(
    /// A search text with its row.
    TextCols = ["rowid", "text"];
    const ALL_TEXTS = "FROM search_text";
);
columns!(
    /// One search text.
    TextCol = ["text"];
    const TEXT_OF = "FROM search_text WHERE rowid = ?1";
);
columns!(
    /// A complaint's tracking ID.
    IdCol = ["id"]
);
columns!(
    /// A complaint's cache id.
    RowidCol = ["rowid"]
);

/// A saved view as the store answers it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ViewQuery {
    /// In scope, open, no first response yet, no transfer proposed.
    NeedsAction,
    /// In scope with the nearest running deadline between two days (inclusive).
    DueBetween(NaiveDate, NaiveDate),
    /// In scope with the nearest running deadline before a day.
    DueBefore(NaiveDate),
    /// One registry status.
    Status(String),
    /// Left the desk, or a transfer is proposed.
    Transferred,
    /// Operations not yet exported, rejected or in conflict.
    Outbox,
    /// Everything.
    All,
    /// Marked as likely misrouted, no transfer proposed yet.
    Misrouted,
}

// The conditions repeat the partial indexes' WHERE clauses word for word, so that
// SQLite uses them (*needs action* is the index's own constant). They are constants: no
// data is ever formatted into SQL.
const TRANSFERRED: &str = "(in_scope = 0 OR transfer_proposed = 1)";
const OUTBOX: &str = "outbox = 1";
const MISROUTED: &str = "misrouted_to IS NOT NULL AND transfer_proposed = 0";
/// Due dates in scope sort as `0<date>|<id>`; these bound them by day.
const DUE_RANGE: &str = "sort_key >= ?3 AND sort_key < ?4";
/// Every inbox query binds the same five values (key, limit, two bounds, offset);
/// this mentions them all so that each statement accepts the five.
const ALL_PARAMS: &str = "(?1 IS NULL OR 1) AND (?2 IS NULL OR 1) AND (?3 IS NULL OR 1) AND (?4 IS NULL OR 1) AND (?5 IS NULL OR 1)";

columns!(
    /// The maintained view counts.
    CountCols = ["total", "needs_action", "in_progress", "done", "transferred", "outbox", "misrouted"];
    const VIEW_COUNTS = "FROM view_counts WHERE id = 1";
);

/// Bytes reserved per row for the filter's texts (ID, title, category and place are
/// about 110 bytes; only what is written is ever resident).
const TEXT_BYTES_RESERVED: usize = 256;

/// A view holding at least one row in this many reads the filter's texts by scanning
/// the whole narrow table; a smaller one looks its rows up.
const SCAN_WHEN_ONE_IN: usize = 8;

/// The searchable texts of a view (see [`Store::search_texts`]), in the cache's
/// order (which is how they are read fastest); `place[i]` is entry `i`'s position in
/// the view, for ranking equal scores in the view's order.
#[derive(Clone, Debug, Default)]
pub struct SearchTexts {
    pub rowids: Vec<i64>,
    pub place: Vec<u32>,
    pub text: String,
    pub ends: Vec<u32>,
}

impl SearchTexts {
    /// The text of entry `i`.
    pub fn get(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        let end = self.ends.get(i).map_or(start, |e| *e as usize);
        self.text.get(start..end).unwrap_or("")
    }

    pub fn len(&self) -> usize {
        self.rowids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rowids.is_empty()
    }

    fn push(&mut self, rowid: i64, place: u32, text: &str) {
        self.rowids.push(rowid);
        self.place.push(place);
        // SQLite lower-cases ASCII only; the rest here.
        if text.is_ascii() {
            self.text.push_str(text);
        } else {
            self.text.push_str(&text.to_lowercase());
        }
        self.ends
            .push(u32::try_from(self.text.len()).unwrap_or(u32::MAX));
    }
}

/// A stored text without copying it (the table is STRICT: its texts are UTF-8 text).
fn text_of(v: rusqlite::types::ValueRef<'_>) -> &str {
    match v {
        rusqlite::types::ValueRef::Text(t) => std::str::from_utf8(t).unwrap_or(""),
        _ => "",
    }
}

/// Which way a page goes from the cursor key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Rows after the key (or from the start), in order.
    Forward,
    /// Rows before the key (or from the end), returned in order.
    Backward,
}

impl ViewQuery {
    /// The view's own index, named in every query: without a `LIMIT`, SQLite would
    /// otherwise pick the status index for some views and sort all their rows.
    fn index(&self) -> &'static str {
        match self {
            ViewQuery::NeedsAction => "complaints_needs_action",
            ViewQuery::Status(_) => "complaints_status_sorted",
            ViewQuery::Transferred => "complaints_transferred",
            ViewQuery::Outbox => "complaints_outbox",
            ViewQuery::Misrouted => "complaints_misrouted",
            ViewQuery::DueBetween(..) | ViewQuery::DueBefore(_) | ViewQuery::All => {
                "complaints_sorted"
            }
        }
    }

    fn condition(&self) -> &'static str {
        match self {
            ViewQuery::NeedsAction => NEEDS_ACTION,
            ViewQuery::DueBetween(..) | ViewQuery::DueBefore(_) => DUE_RANGE,
            ViewQuery::Status(_) => "status = ?3",
            ViewQuery::Transferred => TRANSFERRED,
            ViewQuery::Outbox => OUTBOX,
            ViewQuery::Misrouted => MISROUTED,
            ViewQuery::All => "1",
        }
    }

    /// The values of `?3` and `?4`.
    fn bounds(&self) -> (Option<String>, Option<String>) {
        let next = |d: NaiveDate| d.succ_opt().unwrap_or(d).to_string();
        match self {
            ViewQuery::DueBetween(from, to) => {
                (Some(format!("0{from}")), Some(format!("0{}", next(*to))))
            }
            ViewQuery::DueBefore(day) => (Some("0".into()), Some(format!("0{day}"))),
            ViewQuery::Status(s) => (Some(s.clone()), None),
            _ => (None, None),
        }
    }
}

/// How many complaints each saved view holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ViewCounts {
    pub needs_action: usize,
    pub due_soon: usize,
    pub late: usize,
    pub in_progress: usize,
    pub done: usize,
    pub transferred: usize,
    pub outbox: usize,
    pub all: usize,
    /// Likely misrouted (*Mungkin Salah Alamat*).
    pub misrouted: usize,
}

impl Store {
    /// Up to `limit` rows of a view next to `key` in `dir`ection (`inclusive` takes the
    /// key's own row too); from the start (or the end, backwards) when `key` is `None`.
    pub fn page(
        &self,
        view: &ViewQuery,
        key: Option<&str>,
        dir: Direction,
        inclusive: bool,
        limit: usize,
    ) -> Result<Vec<ComplaintRow>, StoreError> {
        let (cmp, order) = match (dir, inclusive) {
            (Direction::Forward, false) => (">", "ASC"),
            (Direction::Forward, true) => (">=", "ASC"),
            (Direction::Backward, false) => ("<", "DESC"),
            (Direction::Backward, true) => ("<=", "DESC"),
        };
        // A plain comparison with the key (not "?1 IS NULL OR ..."), so that SQLite
        // starts the index scan at the key instead of filtering from the first row.
        let from_key = if key.is_some() {
            format!("sort_key {cmp} ?1")
        } else {
            "?1 IS NULL".to_owned()
        };
        let sql = format!(
            "SELECT {} FROM complaints INDEXED BY {}
             WHERE {} AND {ALL_PARAMS} AND {from_key}
             ORDER BY sort_key {order} LIMIT ?2",
            RowCols::SQL,
            view.index(),
            view.condition()
        );
        let (a, b) = view.bounds();
        let mut out: Vec<ComplaintRow> = self
            .conn
            .prepare_cached(&sql)
            .and_then(|mut s| {
                s.query_map(params![key, limit as i64, a, b, 0], ComplaintRow::from_row)?
                    .collect()
            })
            .named("read a page of a view")?;
        if dir == Direction::Backward {
            out.reverse();
        }
        Ok(out)
    }

    /// Rows of a view from a position (for a jump the keyset cannot make; rare).
    pub fn page_at(
        &self,
        view: &ViewQuery,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<ComplaintRow>, StoreError> {
        let sql = format!(
            "SELECT {} FROM complaints INDEXED BY {} WHERE {} AND {ALL_PARAMS}
             ORDER BY sort_key LIMIT ?2 OFFSET ?5",
            RowCols::SQL,
            view.index(),
            view.condition()
        );
        let (a, b) = view.bounds();
        self.conn
            .prepare_cached(&sql)
            .and_then(|mut s| {
                s.query_map(
                    params![Option::<String>::None, limit as i64, a, b, offset as i64],
                    ComplaintRow::from_row,
                )?
                .collect()
            })
            .named("read a view from a position")
    }

    /// The rows with these cache ids, in the order given (missing ones skipped).
    pub fn rows_by_rowid(&self, rowids: &[i64]) -> Result<Vec<ComplaintRow>, StoreError> {
        let list = serde_json::to_string(rowids).unwrap_or_else(|_| "[]".into());
        let sql = format!(
            "SELECT {} FROM complaints
             WHERE rowid IN (SELECT value FROM json_each(?1))",
            RowCols::SQL
        );
        let mut found: std::collections::HashMap<i64, ComplaintRow> = self
            .conn
            .prepare_cached(&sql)
            .and_then(|mut s| {
                s.query_map([list], ComplaintRow::from_row)?
                    .map(|r| r.map(|r| (r.rowid, r)))
                    .collect()
            })
            .named("read rows by cache id")?;
        Ok(rowids.iter().filter_map(|id| found.remove(id)).collect())
    }

    /// The tracking IDs of a view between two sort keys (inclusive, either order).
    pub fn ids_between(
        &self,
        view: &ViewQuery,
        a: &str,
        b: &str,
    ) -> Result<Vec<String>, StoreError> {
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        let sql = format!(
            "SELECT {} FROM complaints INDEXED BY {} WHERE {} AND {ALL_PARAMS}
               AND sort_key >= ?1 AND sort_key <= ?5
             ORDER BY sort_key",
            IdCol::SQL,
            view.index(),
            view.condition()
        );
        let (x, y) = view.bounds();
        self.conn
            .prepare_cached(&sql)
            .and_then(|mut s| {
                s.query_map(params![lo, 0, x, y, hi], |r| r.get(col!(IdCol, "id")))?
                    .collect()
            })
            .named("read a view's ids between two keys")
    }

    /// What the fuzzy filter searches for a view: each row's cache id, its place in
    /// the view, and its tracking ID, title, category and location in lower case. The
    /// texts share one buffer (`ends[i]` is where text `i` ends) to keep a million of
    /// them small.
    pub fn search_texts(&self, view: &ViewQuery) -> Result<SearchTexts, StoreError> {
        // The view's rows in order, from its own index.
        let sql = format!(
            "SELECT {} FROM complaints INDEXED BY {} WHERE {} AND {ALL_PARAMS}
             ORDER BY sort_key",
            RowidCol::SQL,
            view.index(),
            view.condition()
        );
        let (a, b) = view.bounds();
        let in_view: Vec<i64> = self
            .conn
            .prepare_cached(&sql)
            .and_then(|mut s| {
                s.query_map(params![Option::<String>::None, 0, a, b, 0], |r| {
                    r.get(col!(RowidCol, "rowid"))
                })?
                .collect()
            })
            .named("read a view's cache ids")?;
        let most: usize = self
            .conn
            .query_row(
                "SELECT ifnull(max(rowid), 0) AS most FROM search_text",
                [],
                |r| r.get::<_, i64>("most"),
            )
            .map(|n| usize::try_from(n).unwrap_or(0))
            .named("count the search texts")?;
        // Where each cache row stands in the view (`u32::MAX`: not in it).
        let mut place = vec![u32::MAX; most + 1];
        for (i, rowid) in in_view.iter().enumerate() {
            if let Some(p) = usize::try_from(*rowid).ok().and_then(|r| place.get_mut(r)) {
                *p = u32::try_from(i).unwrap_or(u32::MAX);
            }
        }
        // Room for every row at once: one large allocation per buffer is mapped straight
        // from the OS and given back whole when the texts are dropped, where growing by
        // doubling would leave freed pieces the allocator keeps. Reserved pages that are
        // never written cost no memory.
        let n = in_view.len();
        let mut out = SearchTexts {
            rowids: Vec::with_capacity(n),
            place: Vec::with_capacity(n),
            text: String::with_capacity(n.saturating_mul(TEXT_BYTES_RESERVED)),
            ends: Vec::with_capacity(n),
        };
        let mut keep = |rowid: i64, text: &str| {
            let at = usize::try_from(rowid)
                .ok()
                .and_then(|r| place.get(r))
                .copied()
                .unwrap_or(u32::MAX);
            if at != u32::MAX {
                out.push(rowid, at, text);
            }
        };
        const TEXTS: &str = "read the search texts";
        if n.saturating_mul(SCAN_WHEN_ONE_IN) >= most {
            // A large view: read the whole narrow table once, in its own order.
            let mut stmt = self.conn.prepare_cached(ALL_TEXTS).named(TEXTS)?;
            let mut rows = stmt.query([]).named(TEXTS)?;
            while let Some(r) = rows.next().named(TEXTS)? {
                let rowid = r.get(col!(TextCols, "rowid")).named(TEXTS)?;
                keep(
                    rowid,
                    text_of(r.get_ref(col!(TextCols, "text")).named(TEXTS)?),
                );
            }
        } else {
            // A small one: look its rows up, in the cache's order.
            let mut sorted = in_view;
            sorted.sort_unstable();
            let mut stmt = self.conn.prepare_cached(TEXT_OF).named(TEXTS)?;
            for rowid in sorted {
                let mut rows = stmt.query([rowid]).named(TEXTS)?;
                if let Some(r) = rows.next().named(TEXTS)? {
                    keep(
                        rowid,
                        text_of(r.get_ref(col!(TextCol, "text")).named(TEXTS)?),
                    );
                }
            }
        }
        Ok(out)
    }

    /// Every tracking ID of a view (for marking the whole view).
    pub fn view_ids(&self, view: &ViewQuery) -> Result<Vec<String>, StoreError> {
        let sql = format!(
            "SELECT {} FROM complaints INDEXED BY {} WHERE {} AND {ALL_PARAMS} ORDER BY sort_key",
            IdCol::SQL,
            view.index(),
            view.condition()
        );
        let (a, b) = view.bounds();
        self.conn
            .prepare_cached(&sql)
            .and_then(|mut s| {
                s.query_map(params![Option::<String>::None, 0, a, b, 0], |r| {
                    r.get(col!(IdCol, "id"))
                })?
                .collect()
            })
            .named("read a view's ids")
    }

    /// How many complaints each saved view holds, from the maintained counts: needs action,
    /// due between `soon.0` and `soon.1`, due before `today`, in progress, done,
    /// transferred, outbox, all.
    pub fn view_counts(
        &self,
        today: NaiveDate,
        soon: (NaiveDate, NaiveDate),
    ) -> Result<ViewCounts, StoreError> {
        let (total, needs, progress, done, transferred, outbox, misrouted): (
            i64,
            i64,
            i64,
            i64,
            i64,
            i64,
            i64,
        ) = self
            .conn
            .prepare_cached(VIEW_COUNTS)
            .and_then(|mut s| {
                s.query_row([], |r| {
                    Ok((
                        r.get(col!(CountCols, "total"))?,
                        r.get(col!(CountCols, "needs_action"))?,
                        r.get(col!(CountCols, "in_progress"))?,
                        r.get(col!(CountCols, "done"))?,
                        r.get(col!(CountCols, "transferred"))?,
                        r.get(col!(CountCols, "outbox"))?,
                        r.get(col!(CountCols, "misrouted"))?,
                    ))
                })
            })
            .named("read the view counts")?;
        let sum = |from: String, to: String| -> Result<i64, StoreError> {
            self.conn
                .prepare_cached(
                    "SELECT ifnull(sum(n), 0) AS n FROM due_counts WHERE due >= ?1 AND due <= ?2",
                )
                .and_then(|mut s| s.query_row(params![from, to], |r| r.get("n")))
                .named("sum the due-date counts")
        };
        let late = sum(
            "0000-00-00".into(),
            today.pred_opt().unwrap_or(today).to_string(),
        )?;
        let due_soon = sum(soon.0.to_string(), soon.1.to_string())?;
        let n = |v: i64| usize::try_from(v).unwrap_or(0);
        Ok(ViewCounts {
            needs_action: n(needs),
            due_soon: n(due_soon),
            late: n(late),
            in_progress: n(progress),
            done: n(done),
            transferred: n(transferred),
            outbox: n(outbox),
            all: n(total),
            misrouted: n(misrouted),
        })
    }
}
