//! Columns derived from a complaint's snapshot, thread and operations: when it was
//! first answered, its due dates and the urgency the inbox sorts by. Recomputed in the
//! same transaction as anything that changes them, so they are never stale.

use super::StoreError;
use super::error::Named;
use super::row::{col, columns};
use crate::domain::{Classification, DeskContext, OpState, SlaFacts, Status};
use chrono::{DateTime, FixedOffset, SecondsFormat, Utc};
use rusqlite::{Connection, OptionalExtension, params};

columns!(
    /// What the clocks need from a complaint's own row.
    Base = ["disposed_at", "classification", "supervisory", "status", "agency", "rowid"];
    const READ_BASE = "FROM complaints WHERE id = ?1";
);
columns!(
    /// What the clocks need from each of its operations.
    OpFacts = ["kind", "payload", "state", "at_utc"];
    const READ_OP_FACTS = "FROM operation_states WHERE complaint_id = ?1";
);

/// An instant as stored for sorting: UTC, second precision, `Z` suffix.
pub fn utc_key(t: DateTime<FixedOffset>) -> String {
    t.with_timezone(&Utc)
        .to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn parse(t: Option<String>) -> Option<DateTime<FixedOffset>> {
    t.and_then(|s| DateTime::parse_from_rfc3339(&s).ok())
}

/// Recomputes the derived columns of one complaint (a no-op for an unknown id).
pub(super) fn refresh_derived(
    conn: &Connection,
    ctx: &DeskContext,
    id: &str,
) -> Result<(), StoreError> {
    const READ: &str = "read a complaint's clock facts";
    let row = conn
        .prepare_cached(READ_BASE)
        .and_then(|mut s| {
            s.query_row([id], |r| {
                Ok((
                    r.get::<_, Option<String>>(col!(Base, "disposed_at"))?,
                    r.get::<_, String>(col!(Base, "classification"))?,
                    r.get::<_, bool>(col!(Base, "supervisory"))?,
                    r.get::<_, String>(col!(Base, "status"))?,
                    r.get::<_, String>(col!(Base, "agency"))?,
                    r.get::<_, i64>(col!(Base, "rowid"))?,
                ))
            })
            .optional()
        })
        .named(READ)?;
    let Some((disposed_at, class, supervisory, status, agency, rowid)) = row else {
        return Ok(());
    };

    // The registry's thread: agency answers and replies by reporter or admin.
    let (msg_first, msg_latest, latest_reply): (Option<String>, Option<String>, Option<String>) =
        conn.prepare_cached(
            "SELECT min(CASE WHEN author = 'agency' THEN at_utc END) AS first_answer,
                    max(CASE WHEN author = 'agency' THEN at_utc END) AS latest_answer,
                    max(CASE WHEN author IN ('reporter', 'admin') THEN at_utc END) AS latest_reply
             FROM messages WHERE complaint_id = ?1",
        )
        .and_then(|mut s| {
            s.query_row([id], |r| {
                Ok((
                    r.get("first_answer")?,
                    r.get("latest_answer")?,
                    r.get("latest_reply")?,
                ))
            })
        })
        .named("read a complaint's thread times")?;

    // This desk's standing responses.
    let mut first_op: Option<String> = None;
    let mut latest_op: Option<String> = None;
    let mut final_op: Option<String> = None;
    let mut pending = 0i64;
    let mut troubled = false;
    let mut transfer_proposed = false;
    {
        const OPS: &str = "read a complaint's operations";
        let mut stmt = conn.prepare_cached(READ_OP_FACTS).named(OPS)?;
        let mut rows = stmt.query([id]).named(OPS)?;
        while let Some(r) = rows.next().named(OPS)? {
            let kind: String = r.get(col!(OpFacts, "kind")).named(OPS)?;
            let payload: String = r.get(col!(OpFacts, "payload")).named(OPS)?;
            let state = OpState::parse(&r.get::<_, String>(col!(OpFacts, "state")).named(OPS)?)
                .unwrap_or(OpState::Pending);
            let at: String = r.get(col!(OpFacts, "at_utc")).named(OPS)?;
            if state == OpState::Pending {
                pending += 1;
            }
            troubled |= matches!(state, OpState::Conflict | OpState::Rejected);
            transfer_proposed |= kind == "transfer"
                && matches!(
                    state,
                    OpState::Pending | OpState::Exported | OpState::Accepted | OpState::Conflict
                );
            if kind != "response" || !state.stands() {
                continue;
            }
            if first_op.as_ref().is_none_or(|f| at < *f) {
                first_op = Some(at.clone());
            }
            if latest_op.as_ref().is_none_or(|l| at > *l) {
                latest_op = Some(at.clone());
            }
            let is_final = serde_json::from_str::<serde_json::Value>(&payload)
                .map(|v| v["stage"] == "final")
                .unwrap_or(false);
            if is_final && final_op.as_ref().is_none_or(|f| at < *f) {
                final_op = Some(at);
            }
        }
    }
    let earliest = |a: Option<String>, b: Option<String>| match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    let latest = |a: Option<String>, b: Option<String>| match (a, b) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    };
    let first_response_at = earliest(msg_first, first_op);
    let latest_response_at = latest(msg_latest, latest_op);

    let facts = SlaFacts {
        disposed_at: parse(disposed_at),
        classification: Classification::parse(&class),
        supervisory,
        status: Status::parse(&status),
        left_scope_on: None,
        first_response_at: parse(first_response_at.clone()),
        final_response_at: parse(final_op.clone()),
        latest_response_at: parse(latest_response_at.clone()),
        latest_reply_at: parse(latest_reply.clone()),
    };
    let clocks = ctx.clocks(&facts);
    let date = |c: Option<crate::domain::ClockView>| c.map(|c| c.due.to_string());
    let urgency = clocks.urgency().map(|d| d.to_string());
    let in_scope = ctx.in_scope(&agency);
    let key = sort_key(in_scope, urgency.as_deref(), id);
    conn.prepare_cached(
        "UPDATE complaints SET first_response_at = ?2, final_response_at = ?3,
             latest_response_at = ?4, latest_reply_at = ?5, first_response_due = ?6,
             completion_due = ?7, urgency_due = ?8, in_scope = ?9,
             transfer_proposed = ?10, sort_key = ?11
         WHERE id = ?1",
    )
    .and_then(|mut s| {
        s.execute(params![
            id,
            first_response_at,
            final_op,
            latest_response_at,
            latest_reply,
            date(clocks.first_response),
            date(clocks.completion),
            urgency,
            in_scope,
            transfer_proposed,
            key,
        ])
    })
    .named("write a complaint's derived columns")?;
    super::outbox::settle(
        conn,
        &super::outbox::Standing {
            rowid,
            sort_key: &key,
            pending,
            troubled,
        },
    )
}

/// The derived columns of a complaint that has no thread and no operations yet.
#[derive(Default)]
pub struct NewDerived {
    pub first_response_due: Option<String>,
    pub completion_due: Option<String>,
    pub urgency_due: Option<String>,
    pub in_scope: bool,
    pub sort_key: String,
    /// The suggester's terms of the complaint (`domain::routing::terms`).
    pub terms: Vec<i64>,
    /// The agency the complaint teaches the suggester: where it was completed.
    pub route_label: Option<String>,
    /// Its latest reply by the reporter or an admin (UTC text), when the batch brings
    /// the replies with it; the reading side of the import fills it in.
    pub latest_reply_at: Option<String>,
    /// What the fuzzy filter searches it by (`search_text`).
    pub search_text: String,
}

/// Computes the derived columns of a complaint new to the cache, without a query.
pub fn derive_new(ctx: &DeskContext, c: &crate::domain::Complaint) -> NewDerived {
    let facts = SlaFacts {
        disposed_at: c.disposed_at,
        classification: c.classification.clone(),
        supervisory: c.supervisory,
        status: c.status.clone(),
        left_scope_on: None,
        first_response_at: None,
        final_response_at: None,
        latest_response_at: None,
        latest_reply_at: None,
    };
    let clocks = ctx.clocks(&facts);
    let urgency = clocks.urgency().map(|d| d.to_string());
    let in_scope = ctx.in_scope(c.agency.as_str());
    NewDerived {
        first_response_due: clocks.first_response.map(|k| k.due.to_string()),
        completion_due: clocks.completion.map(|k| k.due.to_string()),
        sort_key: sort_key(in_scope, urgency.as_deref(), c.id.as_str()),
        urgency_due: urgency,
        in_scope,
        terms: crate::domain::routing::terms(c),
        route_label: crate::domain::routing::final_agency(c, false).map(|a| a.0.clone()),
        latest_reply_at: None,
        search_text: super::search_text::search_text(
            c.id.as_str(),
            &c.title,
            c.category.as_deref(),
            c.location.as_deref(),
        ),
    }
}

/// Records a reply by the reporter or an admin (it only moves the auto-close watch,
/// which is read from this column): cheaper than recomputing the complaint.
pub(super) fn note_reply(
    conn: &Connection,
    complaint_id: &str,
    at_utc: &str,
) -> Result<(), StoreError> {
    conn.prepare_cached(
        "UPDATE complaints SET latest_reply_at = ?2
         WHERE id = ?1 AND (latest_reply_at IS NULL OR latest_reply_at < ?2)",
    )
    .and_then(|mut s| s.execute([complaint_id, at_utc]))
    .named("record a reply")?;
    Ok(())
}

/// The inbox order as one text: complaints in scope first, then the nearest running
/// due date (none last), then the tracking ID. Unique, so it pages by keyset.
pub fn sort_key(in_scope: bool, urgency: Option<&str>, id: &str) -> String {
    format!(
        "{}{}|{id}",
        if in_scope { '0' } else { '1' },
        urgency.unwrap_or("9999-12-31")
    )
}
