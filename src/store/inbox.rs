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
    /// A complaint's tracking ID.
    IdCol = ["id"]
);
columns!(
    /// A complaint's cache id.
    pub(super) RowidCol = ["complaints.rowid AS rowid"]
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
/// The outbox is its own narrow table (migration V10), read in its key's order and
/// joined to the complaints by rowid: the complaints' columns keep their names.
const OUTBOX_SOURCE: &str = "outbox INDEXED BY outbox_sorted
     CROSS JOIN complaints ON complaints.rowid = outbox.complaint";
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

/// Which way a page goes from the cursor key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Rows after the key (or from the start), in order.
    Forward,
    /// Rows before the key (or from the end), returned in order.
    Backward,
}

impl ViewQuery {
    /// What the view's rows are read from, with the view's own index named in every
    /// query: without a `LIMIT`, SQLite would otherwise pick the status index for some
    /// views and sort all their rows.
    pub(super) fn source(&self) -> &'static str {
        match self {
            ViewQuery::NeedsAction => "complaints INDEXED BY complaints_needs_action",
            ViewQuery::Status(_) => "complaints INDEXED BY complaints_status_sorted",
            ViewQuery::Transferred => "complaints INDEXED BY complaints_transferred",
            ViewQuery::Outbox => OUTBOX_SOURCE,
            ViewQuery::Misrouted => "complaints INDEXED BY complaints_misrouted",
            ViewQuery::DueBetween(..) | ViewQuery::DueBefore(_) | ViewQuery::All => {
                "complaints INDEXED BY complaints_sorted"
            }
        }
    }

    /// The column the view is ordered and paged by: the complaints' sort key, or the
    /// outbox's copy of it (the same text), which its index orders.
    pub(super) fn key(&self) -> &'static str {
        match self {
            ViewQuery::Outbox => "outbox.outbox_key",
            _ => "sort_key",
        }
    }

    pub(super) fn condition(&self) -> &'static str {
        match self {
            ViewQuery::NeedsAction => NEEDS_ACTION,
            ViewQuery::DueBetween(..) | ViewQuery::DueBefore(_) => DUE_RANGE,
            ViewQuery::Status(_) => "status = ?3",
            ViewQuery::Transferred => TRANSFERRED,
            ViewQuery::Outbox => "1",
            ViewQuery::Misrouted => MISROUTED,
            ViewQuery::All => "1",
        }
    }

    /// The values of `?3` and `?4`.
    pub(super) fn bounds(&self) -> (Option<String>, Option<String>) {
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
            format!("{} {cmp} ?1", view.key())
        } else {
            "?1 IS NULL".to_owned()
        };
        let sql = format!(
            "SELECT {} FROM {}
             WHERE {} AND {ALL_PARAMS} AND {from_key}
             ORDER BY {} {order} LIMIT ?2",
            RowCols::SQL,
            view.source(),
            view.condition(),
            view.key()
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
            "SELECT {} FROM {} WHERE {} AND {ALL_PARAMS}
             ORDER BY {} LIMIT ?2 OFFSET ?5",
            RowCols::SQL,
            view.source(),
            view.condition(),
            view.key()
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
        let key = view.key();
        let sql = format!(
            "SELECT {} FROM {} WHERE {} AND {ALL_PARAMS}
               AND {key} >= ?1 AND {key} <= ?5
             ORDER BY {key}",
            IdCol::SQL,
            view.source(),
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

    /// Every tracking ID of a view (for marking the whole view).
    pub fn view_ids(&self, view: &ViewQuery) -> Result<Vec<String>, StoreError> {
        self.view_column(view, IdCol::SQL, "read a view's ids")
    }

    /// One column (`select`, a constant) of every row of a view, in the view's order,
    /// from its own index.
    pub(super) fn view_column<T: rusqlite::types::FromSql>(
        &self,
        view: &ViewQuery,
        select: &'static str,
        what: &'static str,
    ) -> Result<Vec<T>, StoreError> {
        let sql = format!(
            "SELECT {select} FROM {} WHERE {} AND {ALL_PARAMS} ORDER BY {}",
            view.source(),
            view.condition(),
            view.key()
        );
        let (a, b) = view.bounds();
        self.conn
            .prepare_cached(&sql)
            .and_then(|mut s| {
                s.query_map(params![Option::<String>::None, 0, a, b, 0], |r| r.get(0))?
                    .collect()
            })
            .named(what)
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
