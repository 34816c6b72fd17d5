//! The inbox's data: one row per cached complaint with what the table shows, the saved
//! views of `spec/ui.md` and their counts. Built by the runtime from the store; read by
//! `update` and the panes.

use crate::domain::{AgencyCode, ClockState, ComplaintId, DeskContext, OpState, Status};
use crate::store::{ComplaintRow, DeskStatus};
use chrono::NaiveDate;

/// The saved views, in tab order (keys 1 to 8).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum View {
    /// *Perlu Tindakan*: in scope, open, no first response yet.
    NeedsAction,
    /// *Hampir Jatuh Tempo*: a running deadline today or within two working days.
    DueSoon,
    /// *Terlambat*: a running deadline has passed.
    Late,
    /// *Diproses*.
    InProgress,
    /// *Selesai*.
    Done,
    /// *Dialihkan*: a transfer proposed, or the complaint left this desk.
    Transferred,
    /// *Keluar*: the outbox (operations not yet exported, rejected, or in conflict).
    Outbox,
    /// *Semua*.
    All,
}

impl View {
    /// Every view in tab order.
    pub const ALL: [View; 8] = [
        View::NeedsAction,
        View::DueSoon,
        View::Late,
        View::InProgress,
        View::Done,
        View::Transferred,
        View::Outbox,
        View::All,
    ];

    /// The tab title.
    pub fn title(self, en: bool) -> &'static str {
        match (self, en) {
            (View::NeedsAction, false) => "Perlu Tindakan",
            (View::DueSoon, false) => "Hampir Jatuh Tempo",
            (View::Late, false) => "Terlambat",
            (View::InProgress, false) => "Diproses",
            (View::Done, false) => "Selesai",
            (View::Transferred, false) => "Dialihkan",
            (View::Outbox, false) => "Keluar",
            (View::All, false) => "Semua",
            (View::NeedsAction, true) => "Needs action",
            (View::DueSoon, true) => "Due soon",
            (View::Late, true) => "Late",
            (View::InProgress, true) => "In progress",
            (View::Done, true) => "Done",
            (View::Transferred, true) => "Transferred",
            (View::Outbox, true) => "Outbox",
            (View::All, true) => "All",
        }
    }

    /// The view's position (0-based).
    pub fn index(self) -> usize {
        View::ALL.iter().position(|v| *v == self).unwrap_or(0)
    }
}

/// How urgent the SLA column looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Urgency {
    Late,
    Soon,
    Fine,
    None,
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
    /// The SLA column: the running clock's state (first response first).
    pub sla: Option<ClockState>,
    pub urgency: Urgency,
    pub pending: u32,
    pub conflict: bool,
    pub rejected: bool,
    pub transfer_proposed: bool,
    pub first_response_met: bool,
    /// Lower-cased text the fuzzy filter matches against.
    pub haystack: String,
}

impl InboxRow {
    /// Builds a row from the store's row, its operation states and the clocks.
    pub fn new(
        r: &ComplaintRow,
        ops: &[(String, OpState)],
        ctx: &DeskContext,
        today: NaiveDate,
    ) -> InboxRow {
        let clocks = ctx.clocks(&r.facts(ctx));
        let running = clocks
            .first_response
            .filter(|c| c.running())
            .or(clocks.completion.filter(|c| c.running()));
        let shown = running.or(clocks.completion);
        let sla = shown.map(|c| c.state(today, &ctx.calendar));
        let urgency = match running.map(|c| c.state(today, &ctx.calendar)) {
            Some(ClockState::Late(_)) => Urgency::Late,
            Some(ClockState::DueToday) => Urgency::Soon,
            Some(ClockState::Remaining(n)) if n <= 1 => Urgency::Soon,
            Some(_) => Urgency::Fine,
            None => Urgency::None,
        };
        let conflict = ops.iter().any(|(_, s)| *s == OpState::Conflict);
        let rejected = ops.iter().any(|(_, s)| *s == OpState::Rejected);
        let transfer_proposed = ops.iter().any(|(k, s)| {
            k == "transfer" && matches!(s, OpState::Pending | OpState::Exported | OpState::Accepted)
        });
        let category = r.category.clone().unwrap_or_default();
        let location = r.location.clone().unwrap_or_default();
        let haystack = format!("{} {} {} {}", r.id, r.title, category, location).to_lowercase();
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
            urgency,
            pending: r.pending_operations,
            conflict,
            rejected,
            transfer_proposed,
            first_response_met: r.first_response_at.is_some(),
            haystack,
        }
    }

    /// Whether the row belongs to a view.
    pub fn in_view(&self, view: View) -> bool {
        let open = self.in_scope && !self.status.is_closed();
        match view {
            View::NeedsAction => {
                open && !self.first_response_met
                    && matches!(self.status, Status::Terdisposisi | Status::Diproses)
                    && !self.transfer_proposed
            }
            View::DueSoon => open && self.urgency == Urgency::Soon,
            View::Late => self.in_scope && self.urgency == Urgency::Late,
            View::InProgress => self.status == Status::Diproses,
            View::Done => self.status == Status::Selesai,
            View::Transferred => !self.in_scope || self.transfer_proposed,
            View::Outbox => self.pending > 0 || self.conflict || self.rejected,
            View::All => true,
        }
    }
}

/// What a reload brings: every row (most urgent first) and the desk status.
#[derive(Clone, Debug)]
pub struct Loaded {
    pub rows: Vec<InboxRow>,
    pub status: DeskStatus,
    /// When the oldest pending operation was queued (RFC 3339), if any.
    pub oldest_pending: Option<String>,
    /// How many response drafts are saved.
    pub drafts: usize,
}
