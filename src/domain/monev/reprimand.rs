//! Written reprimands (*teguran tertulis*): which agencies are candidates at `as_of`,
//! at which level, the new deadline on the calendar, and the letter's number. Pure:
//! the letters already issued come in as plain values, the numbers' sequence is the
//! store's.

use super::figures::{Figures, OverdueItem};
use crate::domain::WorkCalendar;
use chrono::NaiveDate;
use std::collections::BTreeSet;

/// A letter issued earlier, as the cache keeps it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PastLetter {
    pub number: String,
    pub date: NaiveDate,
    pub agency: String,
    pub level: u8,
    pub deadline: NaiveDate,
    /// The tracking IDs it listed.
    pub listed: Vec<String>,
}

/// A letter that would be issued at `as_of`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    pub agency: String,
    pub name: String,
    pub level: u8,
    pub date: NaiveDate,
    pub deadline: NaiveDate,
    /// Every overdue clock of the agency's open assignments.
    pub overdue: Vec<OverdueItem>,
    /// The agency's latest earlier letter, which a level 2 or 3 letter refers to.
    pub previous: Option<PastLetter>,
    /// The number of a letter already issued to this agency on `as_of` (issuing again
    /// is refused).
    pub issued_today: Option<String>,
}

/// The level of a new letter: 1 for a first letter; one above the agency's latest
/// letter (at most 3) when that letter's deadline has passed and one of the complaints
/// it listed is still overdue; the latest letter's own level while its deadline runs;
/// 1 again once everything it listed is settled.
pub fn level(previous: Option<&PastLetter>, overdue: &BTreeSet<&str>, as_of: NaiveDate) -> u8 {
    match previous {
        None => 1,
        Some(p)
            if p.deadline < as_of && p.listed.iter().any(|id| overdue.contains(id.as_str())) =>
        {
            (p.level + 1).min(3)
        }
        Some(p) if p.deadline < as_of => 1,
        Some(p) => p.level.clamp(1, 3),
    }
}

/// The letters that would be issued at `figures.as_of`: one per agency whose backlog
/// holds at least `threshold` overdue assignments (at least one), by agency code.
pub fn drafts(
    figures: &Figures,
    past: &[PastLetter],
    threshold: u64,
    deadline_days: u32,
    cal: &WorkCalendar,
) -> Vec<Draft> {
    let as_of = figures.as_of;
    let mut rows: Vec<_> = figures
        .agencies
        .iter()
        .filter(|a| a.backlog.overdue >= threshold.max(1))
        .collect();
    rows.sort_by(|a, b| a.agency.cmp(&b.agency));
    rows.into_iter()
        .map(|a| {
            let overdue: Vec<OverdueItem> = figures
                .overdue
                .iter()
                .filter(|o| *o.agency == *a.agency)
                .cloned()
                .collect();
            let ids: BTreeSet<&str> = overdue.iter().map(|o| o.id.as_str()).collect();
            let mine = past.iter().filter(|p| p.agency == a.agency);
            let issued_today = mine
                .clone()
                .find(|p| p.date == as_of)
                .map(|p| p.number.clone());
            let previous = mine
                .filter(|p| p.date < as_of)
                .max_by(|x, y| (x.date, &x.number).cmp(&(y.date, &y.number)))
                .cloned();
            Draft {
                agency: a.agency.clone(),
                name: a.name.clone(),
                level: level(previous.as_ref(), &ids, as_of),
                date: as_of,
                deadline: cal.add_working_days(as_of, deadline_days),
                overdue,
                previous,
                issued_today,
            }
        })
        .collect()
}

/// A letter's number from the configured pattern (`{seq}`, `{year}`).
pub fn letter_number(pattern: &str, seq: u64, year: i32) -> String {
    pattern
        .replace("{seq}", &seq.to_string())
        .replace("{year}", &year.to_string())
}
