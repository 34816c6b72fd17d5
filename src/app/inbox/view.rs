//! The saved views of `spec/ui.md`, in tab order, and how many complaints each holds.

pub use crate::store::ViewCounts;
use strum::VariantArray;

/// The saved views, in tab order (keys 1 to 8).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, VariantArray)]
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
    /// *Mungkin Salah Alamat*: the suggester says another office, with confidence.
    Misrouted,
}

impl View {
    /// Every view in tab order.
    pub const ALL: &'static [View] = View::VARIANTS;

    /// The view's position (0-based).
    pub fn index(self) -> usize {
        View::ALL.iter().position(|v| *v == self).unwrap_or(0)
    }

    /// The view at a position, if there is one.
    pub fn at(i: usize) -> Option<View> {
        View::ALL.get(i).copied()
    }
}

impl View {
    /// How many complaints the view holds.
    pub fn count(self, c: &ViewCounts) -> usize {
        match self {
            View::NeedsAction => c.needs_action,
            View::DueSoon => c.due_soon,
            View::Late => c.late,
            View::InProgress => c.in_progress,
            View::Done => c.done,
            View::Transferred => c.transferred,
            View::Outbox => c.outbox,
            View::All => c.all,
            View::Misrouted => c.misrouted,
        }
    }
}
