//! The inbox's queries at any size: one page of a saved view at a time, by keyset on the
//! sort key (never `OFFSET`), each view served by its own index, and the view counts
//! read from tables the triggers keep current (nothing is counted per screen).

use super::complaints::{ComplaintRow, ROW_COLUMNS};
use super::{Store, StoreError};
use chrono::NaiveDate;
use rusqlite::params;

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
}

// The conditions repeat the partial indexes' WHERE clauses word for word, so that
// SQLite uses them. They are constants: no data is ever formatted into SQL.
const NEEDS_ACTION: &str = "in_scope = 1 AND status IN ('terdisposisi', 'diproses') \
     AND first_response_at IS NULL AND transfer_proposed = 0";
const TRANSFERRED: &str = "(in_scope = 0 OR transfer_proposed = 1)";
const OUTBOX: &str = "outbox = 1";
/// Due dates in scope sort as `0<date>|<id>`; these bound them by day.
const DUE_RANGE: &str = "sort_key >= ?3 AND sort_key < ?4";

/// Which way a page goes from the cursor key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Rows after the key (or from the start), in order.
    Forward,
    /// Rows before the key (or from the end), returned in order.
    Backward,
}

/// A row with its sort key, for the next page's keyset.
pub type KeyedRow = (String, ComplaintRow);

impl ViewQuery {
    fn condition(&self) -> &'static str {
        match self {
            ViewQuery::NeedsAction => NEEDS_ACTION,
            ViewQuery::DueBetween(..) | ViewQuery::DueBefore(_) => DUE_RANGE,
            ViewQuery::Status(_) => "status = ?3",
            ViewQuery::Transferred => TRANSFERRED,
            ViewQuery::Outbox => OUTBOX,
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

impl Store {
    /// Up to `limit` rows of a view next to `key` (exclusive) in `dir`ection; from the
    /// start (or the end, backwards) when `key` is `None`.
    pub fn page(
        &self,
        view: &ViewQuery,
        key: Option<&str>,
        dir: Direction,
        limit: usize,
    ) -> Result<Vec<KeyedRow>, StoreError> {
        let (cmp, order) = match dir {
            Direction::Forward => (">", "ASC"),
            Direction::Backward => ("<", "DESC"),
        };
        let sql = format!(
            "SELECT {ROW_COLUMNS}, sort_key FROM complaints
             WHERE {} AND (?1 IS NULL OR sort_key {cmp} ?1)
             ORDER BY sort_key {order} LIMIT ?2",
            view.condition()
        );
        let (a, b) = view.bounds();
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params![key, limit as i64, a, b], |r| {
            Ok((r.get::<_, String>(22)?, ComplaintRow::from_row(r)?))
        })?;
        let mut out: Vec<KeyedRow> = rows.collect::<Result<_, _>>()?;
        if dir == Direction::Backward {
            out.reverse();
        }
        Ok(out)
    }

    /// Every tracking ID of a view (for marking the whole view).
    pub fn view_ids(&self, view: &ViewQuery) -> Result<Vec<String>, StoreError> {
        let sql = format!(
            "SELECT id FROM complaints WHERE {} ORDER BY sort_key",
            view.condition()
        );
        let (a, b) = view.bounds();
        let mut stmt = self.conn.prepare_cached(&sql)?;
        // ?1 and ?2 are unused here; bind them so the numbering matches `page`.
        let rows = stmt.query_map(params![Option::<String>::None, 0, a, b], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// How many complaints each view holds, from the maintained counts: needs action,
    /// due between `soon.0` and `soon.1`, due before `today`, in progress, done,
    /// transferred, outbox, all.
    pub fn view_counts(
        &self,
        today: NaiveDate,
        soon: (NaiveDate, NaiveDate),
    ) -> Result<[usize; 8], StoreError> {
        let (total, needs, progress, done, transferred, outbox): (i64, i64, i64, i64, i64, i64) =
            self.conn.query_row(
                "SELECT total, needs_action, in_progress, done, transferred, outbox
                 FROM view_counts WHERE id = 1",
                [],
                |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                    ))
                },
            )?;
        let sum = |from: String, to: String| -> Result<i64, StoreError> {
            Ok(self.conn.query_row(
                "SELECT ifnull(sum(n), 0) FROM due_counts WHERE due >= ?1 AND due <= ?2",
                params![from, to],
                |r| r.get(0),
            )?)
        };
        let late = sum(
            "0000-00-00".into(),
            today.pred_opt().unwrap_or(today).to_string(),
        )?;
        let due_soon = sum(soon.0.to_string(), soon.1.to_string())?;
        let n = |v: i64| usize::try_from(v).unwrap_or(0);
        Ok([
            n(needs),
            n(due_soon),
            n(late),
            n(progress),
            n(done),
            n(transferred),
            n(outbox),
            n(total),
        ])
    }
}
