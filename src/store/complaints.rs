//! The queries behind `list`, `show` and the inbox's rows: complaints as the desk lists
//! them, one complaint with its thread and operations, the agencies a complaint was at,
//! and the agency directory.

use super::error::{Named, Part};
use super::row::{col, columns};
use super::{Store, StoreError};
use crate::domain::{
    Agency, AgencyCode, Classification, Complaint, ComplaintId, Message, SlaFacts, Status,
};
use chrono::{DateTime, FixedOffset, NaiveDate};
use rusqlite::{OptionalExtension, Row, params};

/// Which complaints a listing shows.
#[derive(Clone, Debug, Default)]
pub struct ListFilter {
    pub status: Option<String>,
    /// Only complaints in scope whose nearest running due date is before this day.
    pub overdue_on: Option<NaiveDate>,
    /// Case-insensitive text in the tracking ID, title, category or location.
    pub query: Option<String>,
    /// Only complaints marked as likely misrouted (and not yet transferred).
    pub misrouted: bool,
    pub limit: Option<usize>,
}

/// One line of the inbox.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ComplaintRow {
    pub id: ComplaintId,
    pub revision: u64,
    pub title: String,
    pub status: Status,
    pub agency: AgencyCode,
    pub in_scope: bool,
    pub category: Option<String>,
    pub location: Option<String>,
    pub classification: Classification,
    pub supervisory: bool,
    pub anonymous: bool,
    pub confidential: bool,
    pub disposed_at: Option<DateTime<FixedOffset>>,
    pub snapshot_at: Option<DateTime<FixedOffset>>,
    pub first_response_due: Option<NaiveDate>,
    pub completion_due: Option<NaiveDate>,
    pub urgency_due: Option<NaiveDate>,
    pub pending_operations: u32,
    pub first_response_at: Option<DateTime<FixedOffset>>,
    pub final_response_at: Option<DateTime<FixedOffset>>,
    pub latest_response_at: Option<DateTime<FixedOffset>>,
    pub latest_reply_at: Option<DateTime<FixedOffset>>,
    /// The row's id in the cache (the search index refers to rows by it).
    pub rowid: i64,
    pub transfer_proposed: bool,
    /// The inbox order (see the derived columns).
    pub sort_key: String,
    /// The agency the suggester says it likely belongs to instead (the misrouted mark).
    pub misrouted_to: Option<String>,
}

columns!(
    /// The columns of a [`ComplaintRow`].
    pub(super) RowCols = [
        "id",
        "revision",
        "title",
        "status",
        "agency",
        "in_scope",
        "category",
        "location",
        "classification",
        "supervisory",
        "anonymous",
        "confidential",
        "disposed_at",
        "snapshot_at",
        "first_response_due",
        "completion_due",
        "urgency_due",
        // Kept in the outbox's own table (migration V10), 0 outside it.
        "ifnull((SELECT o.pending FROM outbox o WHERE o.complaint = complaints.rowid), 0) AS pending_ops",
        "first_response_at",
        "final_response_at",
        "latest_response_at",
        "latest_reply_at",
        // Named with its table: the outbox view joins a second one.
        "complaints.rowid AS rowid",
        "transfer_proposed",
        "sort_key",
        "misrouted_to",
    ];
    const WITH_DATA = ", s.snapshot AS snapshot FROM complaints
        JOIN complaint_snapshots s ON s.rid = complaints.rowid WHERE complaints.id = ?1";
);

fn time(s: Option<String>) -> Option<DateTime<FixedOffset>> {
    s.and_then(|s| DateTime::parse_from_rfc3339(&s).ok())
}
fn day(s: Option<String>) -> Option<NaiveDate> {
    s.and_then(|s| s.parse().ok())
}

impl ComplaintRow {
    pub(super) fn from_row(r: &Row<'_>) -> rusqlite::Result<ComplaintRow> {
        Ok(ComplaintRow {
            id: ComplaintId(r.get(col!(RowCols, "id"))?),
            revision: r.get::<_, i64>(col!(RowCols, "revision"))? as u64,
            title: r.get(col!(RowCols, "title"))?,
            status: Status::parse(&r.get::<_, String>(col!(RowCols, "status"))?),
            agency: AgencyCode(r.get(col!(RowCols, "agency"))?),
            in_scope: r.get(col!(RowCols, "in_scope"))?,
            category: r.get(col!(RowCols, "category"))?,
            location: r.get(col!(RowCols, "location"))?,
            classification: Classification::parse(
                &r.get::<_, String>(col!(RowCols, "classification"))?,
            ),
            supervisory: r.get(col!(RowCols, "supervisory"))?,
            anonymous: r.get(col!(RowCols, "anonymous"))?,
            confidential: r.get(col!(RowCols, "confidential"))?,
            disposed_at: time(r.get(col!(RowCols, "disposed_at"))?),
            snapshot_at: time(r.get(col!(RowCols, "snapshot_at"))?),
            first_response_due: day(r.get(col!(RowCols, "first_response_due"))?),
            completion_due: day(r.get(col!(RowCols, "completion_due"))?),
            urgency_due: day(r.get(col!(RowCols, "urgency_due"))?),
            pending_operations: r.get::<_, i64>(col!(
                RowCols,
                "ifnull((SELECT o.pending FROM outbox o WHERE o.complaint = complaints.rowid), 0) AS pending_ops"
            ))? as u32,
            first_response_at: time(r.get(col!(RowCols, "first_response_at"))?),
            final_response_at: time(r.get(col!(RowCols, "final_response_at"))?),
            latest_response_at: time(r.get(col!(RowCols, "latest_response_at"))?),
            latest_reply_at: time(r.get(col!(RowCols, "latest_reply_at"))?),
            rowid: r.get(col!(RowCols, "complaints.rowid AS rowid"))?,
            transfer_proposed: r.get(col!(RowCols, "transfer_proposed"))?,
            sort_key: r.get(col!(RowCols, "sort_key"))?,
            misrouted_to: r.get(col!(RowCols, "misrouted_to"))?,
        })
    }

    /// What the SLA clocks need; a complaint outside the scope stops its clocks on the
    /// day its out-of-scope snapshot arrived.
    pub fn facts(&self, ctx: &crate::domain::DeskContext) -> SlaFacts {
        SlaFacts {
            disposed_at: self.disposed_at,
            classification: self.classification.clone(),
            supervisory: self.supervisory,
            status: self.status.clone(),
            left_scope_on: if self.in_scope {
                None
            } else {
                Some(
                    self.snapshot_at
                        .map_or(NaiveDate::MIN, |t| ctx.local_date(t)),
                )
            },
            first_response_at: self.first_response_at,
            final_response_at: self.final_response_at,
            latest_response_at: self.latest_response_at,
            latest_reply_at: self.latest_reply_at,
        }
    }

    /// Whether a running clock is past due on `today` (never for a complaint that has
    /// left the scope).
    pub fn overdue(&self, today: NaiveDate) -> bool {
        self.in_scope && self.urgency_due.is_some_and(|d| d < today)
    }
}

/// One complaint with everything `show` and the detail pane need.
#[derive(Clone, Debug)]
pub struct ComplaintDetail {
    pub row: ComplaintRow,
    pub complaint: Complaint,
    pub messages: Vec<Message>,
    pub operations: Vec<super::OpRow>,
    /// Likely duplicates (same place, similar title, a few days apart), filled by
    /// whoever knows the window (`Store::duplicates`); empty from [`Store::complaint`].
    pub duplicates: Vec<ComplaintId>,
}

impl Store {
    /// Complaints, most urgent first: in-scope before out-of-scope, then by the nearest
    /// running due date (so the most overdue come first), then by tracking ID.
    pub fn list(&self, filter: &ListFilter) -> Result<Vec<ComplaintRow>, StoreError> {
        let sql = format!(
            "SELECT {} FROM complaints
             WHERE (?1 IS NULL OR status = ?1)
               AND (?2 IS NULL OR (in_scope = 1 AND urgency_due < ?2))
               AND (?3 IS NULL OR instr(lower(id || ' ' || title || ' ' || ifnull(category, '')
                    || ' ' || ifnull(location, '')), lower(?3)) > 0)
               AND (?5 = 0 OR (misrouted_to IS NOT NULL AND transfer_proposed = 0))
             ORDER BY sort_key
             LIMIT ?4",
            RowCols::SQL
        );
        let limit = filter.limit.map_or(-1, |l| l as i64);
        self.conn
            .prepare_cached(&sql)
            .and_then(|mut s| {
                s.query_map(
                    params![
                        filter.status,
                        filter.overdue_on.map(|d| d.to_string()),
                        filter.query,
                        limit,
                        filter.misrouted
                    ],
                    ComplaintRow::from_row,
                )?
                .collect()
            })
            .named("list complaints")
    }

    /// One complaint with its thread (oldest first) and this desk's operations.
    pub fn complaint(&self, id: &str) -> Result<Option<ComplaintDetail>, StoreError> {
        let found = self
            .conn
            .prepare_cached(WITH_DATA)
            .and_then(|mut s| {
                s.query_row(params![id], |r| {
                    Ok((ComplaintRow::from_row(r)?, r.get::<_, String>("snapshot")?))
                })
                .optional()
            })
            .named("read a complaint")?;
        let Some((row, data)) = found else {
            return Ok(None);
        };
        let complaint: Complaint =
            serde_json::from_str(&data).map_err(|e| StoreError::Corrupt {
                complaint: id.to_owned(),
                part: Part::Snapshot,
                reason: e.to_string(),
            })?;
        let messages = self.messages(id)?;
        let operations = self.operations_for(id)?;
        Ok(Some(ComplaintDetail {
            row,
            complaint,
            messages,
            operations,
            duplicates: Vec::new(),
        }))
    }

    /// A complaint's thread, oldest first.
    pub fn messages(&self, complaint_id: &str) -> Result<Vec<Message>, StoreError> {
        self.conn
            .prepare_cached(THREAD)
            .and_then(|mut s| {
                s.query_map([complaint_id], |r| {
                    let at: String = r.get(col!(MessageCols, "at"))?;
                    let author: String = r.get(col!(MessageCols, "author"))?;
                    Ok(Message {
                        id: crate::domain::MessageId(r.get(col!(MessageCols, "id"))?),
                        complaint_id: ComplaintId(r.get(col!(MessageCols, "complaint_id"))?),
                        at: DateTime::parse_from_rfc3339(&at).unwrap_or_default(),
                        author: serde_json::from_value(serde_json::Value::String(author))
                            .unwrap_or(crate::domain::Author::System),
                        agency: r
                            .get::<_, Option<String>>(col!(MessageCols, "agency"))?
                            .map(AgencyCode),
                        text: r.get(col!(MessageCols, "text"))?,
                    })
                })?
                .collect()
            })
            .named("read a complaint's thread")
    }

    /// The agencies a complaint was at before its current one.
    pub fn previous_agencies(&self, id: &str) -> Result<Vec<String>, StoreError> {
        self.conn
            .prepare_cached(
                "SELECT a.agency AS agency FROM complaint_agencies a
                 JOIN complaints c ON c.id = a.complaint_id
                 WHERE a.complaint_id = ?1 AND a.agency <> c.agency ORDER BY a.agency",
            )
            .and_then(|mut s| s.query_map([id], |r| r.get("agency"))?.collect())
            .named("read a complaint's earlier agencies")
    }

    /// The agency directory, by code.
    pub fn agencies(&self) -> Result<Vec<Agency>, StoreError> {
        directory(&self.conn)
    }
}

/// The agency directory, on any connection of the store (the import's too).
pub(super) fn directory(conn: &rusqlite::Connection) -> Result<Vec<Agency>, StoreError> {
    conn.prepare_cached(DIRECTORY)
        .and_then(|mut s| {
            s.query_map([], |r| {
                let level: String = r.get(col!(AgencyCols, "level"))?;
                Ok(Agency {
                    code: AgencyCode(r.get(col!(AgencyCols, "code"))?),
                    name: r.get(col!(AgencyCols, "name"))?,
                    parent: r
                        .get::<_, Option<String>>(col!(AgencyCols, "parent"))?
                        .map(AgencyCode),
                    level: serde_json::from_value(serde_json::Value::String(level))
                        .unwrap_or(crate::domain::AgencyLevel::Other(String::new())),
                    active: r.get(col!(AgencyCols, "active"))?,
                })
            })?
            .collect()
        })
        .named("read the agency directory")
}

columns!(
    /// A thread message's columns.
    MessageCols = ["id", "complaint_id", "at", "author", "agency", "text"];
    const THREAD = "FROM messages WHERE complaint_id = ?1 ORDER BY at_utc, id";
);

columns!(
    /// A directory entry's columns.
    AgencyCols = ["code", "name", "parent", "level", "active"];
    const DIRECTORY = "FROM agencies ORDER BY code";
);
