//! The coordinator's monitoring figures (*monev*, `spec/monev.md`): how every office
//! handled the complaints disposed to it in a period, and which offices are late
//! enough to receive a written reprimand (*teguran*).
//!
//! The unit is an **assignment**: one stay of a complaint at one agency, from that
//! agency's `disposed_at` until a later snapshot shows the complaint elsewhere. Each
//! assignment has two clocks (first response and completion) counted on the
//! working-day calendar and read at `as_of`; events after the end of `as_of` are
//! ignored. Everything here is pure: plain values in ([`History`], one complaint as the
//! store read it), figures out ([`Figures`]), and no clock is ever read from the wall.
//!
//! Three readings the spec leaves open, decided here and documented in
//! `docs/monev.md`:
//! - a complaint the registry archived (`arsip`) while at an agency closes that
//!   assignment: its unmet clocks are neither overdue nor pending and it is not in the
//!   backlog (the registry finished with it, as the SLA clocks already treat it);
//! - a completion met at a known time also meets an unmet first response at that time
//!   (finishing a complaint answers it); completed at an unknown time, an unmet first
//!   response is left out rather than counted overdue;
//! - a transfer whose next agency has no `disposed_at` yet ends the assignment when
//!   the desk first saw the complaint elsewhere (that snapshot's batch instant).

mod assign;
mod days;
mod figures;
pub mod reprimand;

pub use assign::{
    Act, ActKind, Assignment, History, Latest, Outcome, Seen, assignments, assignments_with,
};
pub use days::DayIndex;
pub use figures::{
    AGE_LABELS, AgencyFigures, Backlog, ClockFigures, ClockKind, Figures, OverdueItem, Tally,
    Totals, WeekPoint, age_bucket,
};

use super::{SlaRules, WorkCalendar};
use chrono::{Datelike, Days, FixedOffset, NaiveDate};

/// A period of local dates, both ends included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Period {
    /// A period, if `from` is not after `to`.
    pub fn new(from: NaiveDate, to: NaiveDate) -> Option<Period> {
        (from <= to).then_some(Period { from, to })
    }

    /// A whole calendar month.
    pub fn month(year: i32, month: u32) -> Option<Period> {
        let from = NaiveDate::from_ymd_opt(year, month, 1)?;
        let next = if month == 12 {
            NaiveDate::from_ymd_opt(year + 1, 1, 1)?
        } else {
            NaiveDate::from_ymd_opt(year, month + 1, 1)?
        };
        Some(Period {
            from,
            to: next.pred_opt()?,
        })
    }

    /// The month a date falls in.
    pub fn month_of(d: NaiveDate) -> Option<Period> {
        Period::month(d.year(), d.month())
    }

    /// The month before (`-1`) or after (`1`) the one this period starts in.
    pub fn step_month(&self, by: i32) -> Option<Period> {
        let months = self.from.year() * 12 + self.from.month0() as i32 + by;
        Period::month(months.div_euclid(12), months.rem_euclid(12) as u32 + 1)
    }

    /// Whether a date falls in the period.
    pub fn contains(&self, d: NaiveDate) -> bool {
        self.from <= d && d <= self.to
    }

    /// The Monday of the week the period starts in.
    pub fn first_week(&self) -> NaiveDate {
        week_start(self.from)
    }

    /// How many weeks (Monday to Sunday) the period touches.
    pub fn weeks(&self) -> usize {
        let days = (week_start(self.to) - self.first_week()).num_days();
        usize::try_from(days / 7).unwrap_or(0) + 1
    }
}

/// The Monday of a date's week.
pub fn week_start(d: NaiveDate) -> NaiveDate {
    d.checked_sub_days(Days::new(u64::from(d.weekday().num_days_from_monday())))
        .unwrap_or(d)
}

/// What the figures are evaluated with: the period, the day they are taken at, and
/// the desk's SLA rules, calendar and time zone.
#[derive(Clone, Copy, Debug)]
pub struct Evaluation<'a> {
    pub period: Period,
    pub as_of: NaiveDate,
    pub rules: &'a SlaRules,
    pub calendar: &'a WorkCalendar,
    pub tz: FixedOffset,
}

#[cfg(test)]
mod tests;
