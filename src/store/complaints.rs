//! Complaint snapshots, their thread and the agency directory: writes for the import
//! and the queries behind `list`, `show` and the inbox.

use super::counts::{NewRows, add_search_text};
use super::derived::{NewDerived, utc_key};
use super::{Store, StoreError};
use crate::domain::{
    Agency, AgencyCode, Classification, Complaint, ComplaintId, Message, SlaFacts, Status,
};
use chrono::{DateTime, FixedOffset, NaiveDate};
use rusqlite::{Connection, OptionalExtension, Row, params};

/// What the stored copy of a complaint is, for the import's revision rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredRevision {
    pub revision: u64,
    pub content_hash: String,
    pub snapshot_at: String,
}

/// Looks up the stored revision of a complaint.
pub fn stored_revision(conn: &Connection, id: &str) -> Result<Option<StoredRevision>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT revision, content_hash, snapshot_at FROM complaints WHERE id = ?1",
    )?;
    Ok(stmt
        .query_row([id], |r| {
            Ok(StoredRevision {
                revision: r.get::<_, i64>(0)? as u64,
                content_hash: r.get(1)?,
                snapshot_at: r.get(2)?,
            })
        })
        .optional()?)
}

/// Inserts a complaint new to the cache with its derived columns (`derive_new`: from the
/// snapshot alone; the caller refreshes it if the cache already had thread messages for
/// it) and its search text. Its share of the maintained counts goes to `counts`, which
/// the caller flushes. The identity of an anonymous complaint has already been dropped.
pub fn insert_new(
    conn: &Connection,
    c: &Complaint,
    d: &NewDerived,
    stored: (&str, &str, &str),
    counts: &mut NewRows,
) -> Result<(), StoreError> {
    debug_assert!(!(c.anonymous && c.reporter.is_some()));
    let mut stmt = conn.prepare_cached(
        "INSERT INTO complaints (id, revision, content_hash, snapshot_at, agency, status,
             classification, supervisory, anonymous, confidential, title, category, location,
             channel, submitted_at, disposed_at, data, first_response_due, completion_due,
             urgency_due, in_scope, sort_key)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
             ?18, ?19, ?20, ?21, ?22)",
    )?;
    bind_snapshot(&mut stmt, c, stored)?;
    stmt.raw_bind_parameter(18, &d.first_response_due)?;
    stmt.raw_bind_parameter(19, &d.completion_due)?;
    stmt.raw_bind_parameter(20, &d.urgency_due)?;
    stmt.raw_bind_parameter(21, d.in_scope)?;
    stmt.raw_bind_parameter(22, &d.sort_key)?;
    stmt.raw_execute()?;
    add_search_text(
        conn,
        conn.last_insert_rowid(),
        [
            Some(c.id.as_str()),
            Some(c.title.as_str()),
            c.category.as_deref(),
            c.location.as_deref(),
        ],
    )?;
    counts.add(&c.status, d.in_scope, d.urgency_due.as_deref());
    Ok(())
}

/// Whether the cache holds thread messages for a complaint.
pub fn has_messages(conn: &Connection, id: &str) -> Result<bool, StoreError> {
    Ok(conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM messages WHERE complaint_id = ?1)")?
        .query_row([id], |r| r.get(0))?)
}

/// Replaces a complaint's snapshot with a higher revision (the caller refreshes the
/// derived columns). The identity of an anonymous complaint has already been dropped.
pub fn put_snapshot(
    conn: &Connection,
    c: &Complaint,
    stored: (&str, &str, &str),
) -> Result<(), StoreError> {
    debug_assert!(!(c.anonymous && c.reporter.is_some()));
    // An update, never an insert: new rows go through `insert_new`, which counts them.
    let mut stmt = conn.prepare_cached(
        "UPDATE complaints SET revision = ?2, content_hash = ?3, snapshot_at = ?4,
             agency = ?5, status = ?6, classification = ?7, supervisory = ?8, anonymous = ?9,
             confidential = ?10, title = ?11, category = ?12, location = ?13, channel = ?14,
             submitted_at = ?15, disposed_at = ?16, data = ?17
         WHERE id = ?1",
    )?;
    bind_snapshot(&mut stmt, c, stored)?;
    stmt.raw_execute()?;
    Ok(())
}

/// Binds a snapshot's columns as `?1` to `?17` (id, revision, content hash, snapshot
/// instant, agency, status, class, flags, title, category, location, channel, the two
/// instants and the stored copy), for the insert and the update alike.
fn bind_snapshot(
    stmt: &mut rusqlite::Statement<'_>,
    c: &Complaint,
    (content_hash, snapshot_at, data): (&str, &str, &str),
) -> rusqlite::Result<()> {
    stmt.raw_bind_parameter(1, c.id.as_str())?;
    stmt.raw_bind_parameter(2, c.revision as i64)?;
    stmt.raw_bind_parameter(3, content_hash)?;
    stmt.raw_bind_parameter(4, snapshot_at)?;
    stmt.raw_bind_parameter(5, c.agency.as_str())?;
    stmt.raw_bind_parameter(6, c.status.as_str())?;
    stmt.raw_bind_parameter(7, c.classification.as_str())?;
    stmt.raw_bind_parameter(8, c.supervisory)?;
    stmt.raw_bind_parameter(9, c.anonymous)?;
    stmt.raw_bind_parameter(10, c.confidential)?;
    stmt.raw_bind_parameter(11, &c.title)?;
    stmt.raw_bind_parameter(12, &c.category)?;
    stmt.raw_bind_parameter(13, &c.location)?;
    stmt.raw_bind_parameter(14, &c.channel)?;
    stmt.raw_bind_parameter(15, c.submitted_at.to_rfc3339())?;
    stmt.raw_bind_parameter(16, c.disposed_at.map(|d| d.to_rfc3339()))?;
    stmt.raw_bind_parameter(17, data)?;
    Ok(())
}

/// Records that a complaint was at an agency (any snapshot, any revision).
pub fn note_agency(conn: &Connection, id: &str, agency: &str) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT OR IGNORE INTO complaint_agencies (complaint_id, agency) VALUES (?1, ?2)",
    )?
    .execute([id, agency])?;
    Ok(())
}

/// Moves the recorded snapshot time earlier (equal revisions delivered twice keep the
/// earliest batch's time, so the result does not depend on import order).
pub fn set_snapshot_at(conn: &Connection, id: &str, snapshot_at: &str) -> Result<(), StoreError> {
    conn.prepare_cached("UPDATE complaints SET snapshot_at = ?2 WHERE id = ?1")?
        .execute([id, snapshot_at])?;
    Ok(())
}

/// Inserts a thread message unless its id is known. Returns whether it was new.
pub fn put_message(conn: &Connection, m: &Message) -> Result<bool, StoreError> {
    let n = conn
        .prepare_cached(
            "INSERT INTO messages (id, complaint_id, at, at_utc, author, agency, text)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (id) DO NOTHING",
        )?
        .execute(params![
            m.id.as_str(),
            m.complaint_id.as_str(),
            m.at.to_rfc3339(),
            utc_key(m.at),
            m.author.as_str(),
            m.agency.as_ref().map(|a| a.as_str()),
            m.text,
        ])?;
    Ok(n > 0)
}

/// Stores a directory entry if it is at least as new as the stored one. `source_key`
/// orders entries (the import builds it from the batch's instant, sequence, line and
/// id) so that import order does not matter.
pub fn put_agency(
    conn: &Connection,
    a: &Agency,
    source_key: &str,
    line: u64,
) -> Result<bool, StoreError> {
    let level = serde_json::to_value(&a.level)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    let n = conn
        .prepare_cached(
            "INSERT INTO agencies (code, name, parent, level, active, source_at, source_line)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT (code) DO UPDATE SET name = excluded.name, parent = excluded.parent,
                 level = excluded.level, active = excluded.active,
                 source_at = excluded.source_at, source_line = excluded.source_line
             WHERE excluded.source_at >= source_at",
        )?
        .execute(params![
            a.code.as_str(),
            a.name,
            a.parent.as_ref().map(|p| p.as_str()),
            level,
            a.active,
            source_key,
            line as i64,
        ])?;
    Ok(n > 0)
}

/// Which complaints a listing shows.
#[derive(Clone, Debug, Default)]
pub struct ListFilter {
    pub status: Option<String>,
    /// Only complaints in scope whose nearest running due date is before this day.
    pub overdue_on: Option<NaiveDate>,
    /// Case-insensitive text in the tracking ID, title, category or location.
    pub query: Option<String>,
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
}

pub(super) const ROW_COLUMNS: &str = "id, revision, title, status, agency,
    in_scope, category, location,
    classification, supervisory, anonymous, confidential, disposed_at, snapshot_at,
    first_response_due, completion_due, urgency_due, pending_ops, first_response_at,
    final_response_at, latest_response_at, latest_reply_at, rowid, transfer_proposed, sort_key";

fn time(s: Option<String>) -> Option<DateTime<FixedOffset>> {
    s.and_then(|s| DateTime::parse_from_rfc3339(&s).ok())
}
fn day(s: Option<String>) -> Option<NaiveDate> {
    s.and_then(|s| s.parse().ok())
}

impl ComplaintRow {
    pub(super) fn from_row(r: &Row<'_>) -> rusqlite::Result<ComplaintRow> {
        Ok(ComplaintRow {
            id: ComplaintId(r.get(0)?),
            revision: r.get::<_, i64>(1)? as u64,
            title: r.get(2)?,
            status: Status::parse(&r.get::<_, String>(3)?),
            agency: AgencyCode(r.get(4)?),
            in_scope: r.get(5)?,
            category: r.get(6)?,
            location: r.get(7)?,
            classification: Classification::parse(&r.get::<_, String>(8)?),
            supervisory: r.get(9)?,
            anonymous: r.get(10)?,
            confidential: r.get(11)?,
            disposed_at: time(r.get(12)?),
            snapshot_at: time(r.get(13)?),
            first_response_due: day(r.get(14)?),
            completion_due: day(r.get(15)?),
            urgency_due: day(r.get(16)?),
            pending_operations: r.get::<_, i64>(17)? as u32,
            first_response_at: time(r.get(18)?),
            final_response_at: time(r.get(19)?),
            latest_response_at: time(r.get(20)?),
            latest_reply_at: time(r.get(21)?),
            rowid: r.get(22)?,
            transfer_proposed: r.get(23)?,
            sort_key: r.get(24)?,
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
}

impl Store {
    /// Complaints, most urgent first: in-scope before out-of-scope, then by the nearest
    /// running due date (so the most overdue come first), then by tracking ID.
    pub fn list(&self, filter: &ListFilter) -> Result<Vec<ComplaintRow>, StoreError> {
        let sql = format!(
            "SELECT {ROW_COLUMNS} FROM complaints
             WHERE (?1 IS NULL OR status = ?1)
               AND (?2 IS NULL OR (in_scope = 1 AND urgency_due < ?2))
               AND (?3 IS NULL OR instr(lower(id || ' ' || title || ' ' || ifnull(category, '')
                    || ' ' || ifnull(location, '')), lower(?3)) > 0)
             ORDER BY sort_key
             LIMIT ?4"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let limit = filter.limit.map_or(-1, |l| l as i64);
        let rows = stmt.query_map(
            params![
                filter.status,
                filter.overdue_on.map(|d| d.to_string()),
                filter.query,
                limit
            ],
            ComplaintRow::from_row,
        )?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// One complaint with its thread (oldest first) and this desk's operations.
    pub fn complaint(&self, id: &str) -> Result<Option<ComplaintDetail>, StoreError> {
        let sql = format!("SELECT {ROW_COLUMNS}, data FROM complaints WHERE id = ?1");
        let found = self
            .conn
            .query_row(&sql, params![id], |r| {
                Ok((ComplaintRow::from_row(r)?, r.get::<_, String>(25)?))
            })
            .optional()?;
        let Some((row, data)) = found else {
            return Ok(None);
        };
        let complaint: Complaint = serde_json::from_str(&data)
            .map_err(|e| StoreError::Migration(format!("stored complaint {id}: {e}")))?;
        let messages = self.messages(id)?;
        let operations = self.operations_for(id)?;
        Ok(Some(ComplaintDetail {
            row,
            complaint,
            messages,
            operations,
        }))
    }

    /// A complaint's thread, oldest first.
    pub fn messages(&self, complaint_id: &str) -> Result<Vec<Message>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, complaint_id, at, author, agency, text FROM messages
             WHERE complaint_id = ?1 ORDER BY at_utc, id",
        )?;
        let rows = stmt.query_map([complaint_id], |r| {
            let at: String = r.get(2)?;
            let author: String = r.get(3)?;
            Ok(Message {
                id: crate::domain::MessageId(r.get(0)?),
                complaint_id: ComplaintId(r.get(1)?),
                at: DateTime::parse_from_rfc3339(&at).unwrap_or_default(),
                author: serde_json::from_value(serde_json::Value::String(author))
                    .unwrap_or(crate::domain::Author::System),
                agency: r.get::<_, Option<String>>(4)?.map(AgencyCode),
                text: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The agencies a complaint was at before its current one.
    pub fn previous_agencies(&self, id: &str) -> Result<Vec<String>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.agency FROM complaint_agencies a JOIN complaints c ON c.id = a.complaint_id
             WHERE a.complaint_id = ?1 AND a.agency <> c.agency ORDER BY a.agency",
        )?;
        let rows = stmt.query_map([id], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The agency directory, by code.
    pub fn agencies(&self) -> Result<Vec<Agency>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT code, name, parent, level, active FROM agencies ORDER BY code",
        )?;
        let rows = stmt.query_map([], |r| {
            let level: String = r.get(3)?;
            Ok(Agency {
                code: AgencyCode(r.get(0)?),
                name: r.get(1)?,
                parent: r.get::<_, Option<String>>(2)?.map(AgencyCode),
                level: serde_json::from_value(serde_json::Value::String(level))
                    .unwrap_or(crate::domain::AgencyLevel::Other(String::new())),
                active: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
