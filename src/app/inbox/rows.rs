//! The rows of the inbox: one complaint as the inbox shows it, the window of rows held
//! around the cursor (the desk never holds a whole view: a view may have a million
//! rows), how a window is asked for, and what a reload brings. Built by the runtime
//! from the store; read by `update` and the panes.

use super::ViewCounts;
use crate::domain::{AgencyCode, ClockState, ComplaintId, DeskContext, OpState, Status};
use crate::store::{ComplaintRow, DeskStatus, ViewQuery};
use chrono::NaiveDate;

/// How urgent the SLA column looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Urgency {
    Late,
    Soon,
    Fine,
    None,
}

/// Which SLA clock the inbox's SLA column shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SlaClock {
    /// The first response (*tindak lanjut awal*).
    FirstResponse,
    /// The completion (*penyelesaian*).
    Completion,
}

/// One inbox row.
#[derive(Clone, Debug)]
pub struct InboxRow {
    pub id: ComplaintId,
    pub title: String,
    pub status: Status,
    pub category: String,
    pub location: String,
    pub agency: AgencyCode,
    pub in_scope: bool,
    pub anonymous: bool,
    pub confidential: bool,
    pub revision: u64,
    /// The SLA column: the running clock's state (first response first), and which
    /// clock that is.
    pub sla: Option<ClockState>,
    pub sla_clock: SlaClock,
    pub urgency: Urgency,
    pub pending: u32,
    pub conflict: bool,
    pub rejected: bool,
    pub transfer_proposed: bool,
    /// Marked as likely misrouted (and no transfer proposed yet).
    pub misrouted: bool,
    pub first_response_met: bool,
    /// In the outbox view: the complaint's operations still in the outbox (pending,
    /// in conflict, rejected), oldest first.
    pub queued: Vec<crate::domain::Operation>,
    /// The row's place in the inbox order (its keyset key).
    pub sort_key: String,
    /// The row's cache id.
    pub rowid: i64,
}

impl InboxRow {
    /// Builds a row from the store's row, its operation states and the clocks.
    pub fn new(r: &ComplaintRow, ops: &[OpState], ctx: &DeskContext, today: NaiveDate) -> InboxRow {
        let clocks = ctx.clocks(&r.facts(ctx));
        let first = clocks.first_response.filter(|c| c.running());
        let running = first.or(clocks.completion.filter(|c| c.running()));
        let shown = running.or(clocks.completion);
        let sla_clock = if first.is_some() {
            SlaClock::FirstResponse
        } else {
            SlaClock::Completion
        };
        let sla = shown.map(|c| c.state(today, &ctx.calendar));
        let urgency = match running.map(|c| c.state(today, &ctx.calendar)) {
            Some(ClockState::Late(_)) => Urgency::Late,
            Some(ClockState::DueToday) => Urgency::Soon,
            Some(ClockState::Remaining(n)) if n <= 1 => Urgency::Soon,
            Some(_) => Urgency::Fine,
            None => Urgency::None,
        };
        let conflict = ops.contains(&OpState::Conflict);
        let rejected = ops.contains(&OpState::Rejected);
        let category = r.category.clone().unwrap_or_default();
        let location = r.location.clone().unwrap_or_default();
        InboxRow {
            id: r.id.clone(),
            title: r.title.clone(),
            status: r.status.clone(),
            category,
            location,
            agency: r.agency.clone(),
            in_scope: r.in_scope,
            anonymous: r.anonymous,
            confidential: r.confidential,
            revision: r.revision,
            sla,
            sla_clock,
            urgency,
            pending: r.pending_operations,
            conflict,
            rejected,
            transfer_proposed: r.transfer_proposed,
            misrouted: r.misrouted_to.is_some() && !r.transfer_proposed,
            first_response_met: r.first_response_at.is_some(),
            queued: Vec::new(),
            sort_key: r.sort_key.clone(),
            rowid: r.rowid,
        }
    }
}

/// What a reload brings: the view counts and the desk status.
#[derive(Clone, Debug, Default)]
pub struct Loaded {
    /// How many complaints each view holds.
    pub counts: ViewCounts,
    /// The desk status (`None` before the first load).
    pub status: Option<DeskStatus>,
    /// When the oldest pending operation was queued (RFC 3339), if any.
    pub oldest_pending: Option<String>,
    /// How many response drafts are saved.
    pub drafts: usize,
}

/// The rows held around the cursor: `rows[0]` is at position `start` of the list.
#[derive(Clone, Debug, Default)]
pub struct Window {
    pub start: usize,
    pub rows: Vec<InboxRow>,
}

impl Window {
    /// Whether a list position is held.
    pub fn holds(&self, at: usize) -> bool {
        at >= self.start && at < self.start + self.rows.len()
    }

    /// The row at a list position.
    pub fn get(&self, at: usize) -> Option<&InboxRow> {
        at.checked_sub(self.start).and_then(|i| self.rows.get(i))
    }
}

/// The list the inbox shows: a saved view, or what the fuzzy filter found in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ListRef {
    View(ViewQuery),
    /// These cache ids, best match first.
    Rows(std::sync::Arc<Vec<i64>>),
}

/// Where a window starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum From {
    /// The first rows.
    Start,
    /// The last rows.
    End,
    /// The rows after a key.
    After(String),
    /// The rows before a key.
    Before(String),
    /// The rows from a key on (a reload keeps the window where it was).
    AtOrAfter(String),
    /// The rows from a position (a jump the keys cannot make).
    Offset(usize),
}

/// Where the loaded rows sit in the list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// The first row is at this position.
    StartsAt(usize),
    /// The last row is just before this position.
    EndsAt(usize),
}
