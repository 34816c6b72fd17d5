//! Working days counted in constant time: the calendar's days around `as_of` numbered
//! once, so a year's million assignments do not walk the calendar day by day. Dates
//! outside the numbered span fall back to the calendar itself.

use crate::domain::WorkCalendar;
use chrono::{Days, NaiveDate};

/// How far before `as_of` the days are numbered (dispositions older than this are
/// counted by walking the calendar).
const BEFORE: u64 = 3 * 366;
/// How far after `as_of` (due dates of recent dispositions lie ahead).
const AFTER: u64 = 200;

/// Working days numbered over a span of dates.
#[derive(Clone, Debug)]
pub struct DayIndex<'a> {
    cal: &'a WorkCalendar,
    first: NaiveDate,
    /// `upto[i]`: working days in `(first, first + i]`.
    upto: Vec<u32>,
}

impl<'a> DayIndex<'a> {
    /// The days around `as_of`.
    pub fn new(cal: &'a WorkCalendar, as_of: NaiveDate) -> DayIndex<'a> {
        let first = as_of.checked_sub_days(Days::new(BEFORE)).unwrap_or(as_of);
        let mut upto = Vec::with_capacity((BEFORE + AFTER) as usize + 1);
        let mut n = 0u32;
        let mut d = first;
        upto.push(0);
        for _ in 0..BEFORE + AFTER {
            d = d.succ_opt().unwrap_or(d);
            n += u32::from(cal.is_working_day(d));
            upto.push(n);
        }
        DayIndex { cal, first, upto }
    }

    fn at(&self, d: NaiveDate) -> Option<usize> {
        usize::try_from((d - self.first).num_days())
            .ok()
            .filter(|i| *i < self.upto.len())
    }

    /// Working days `d` with `from < d <= to` (zero when `to` is not after `from`).
    pub fn between(&self, from: NaiveDate, to: NaiveDate) -> u32 {
        if to <= from {
            return 0;
        }
        match (self.at(from), self.at(to)) {
            (Some(a), Some(b)) => self.upto[b] - self.upto[a],
            _ => self.cal.working_days_between(from, to),
        }
    }

    /// Working day `n` after `start` (day 1 is the first working day after it).
    pub fn add(&self, start: NaiveDate, n: u32) -> NaiveDate {
        if let Some(a) = self.at(start) {
            let target = self.upto[a] + n;
            let i = self.upto.partition_point(|c| *c < target);
            if i < self.upto.len() && (n > 0 || i == a) {
                let i = if n == 0 { a } else { i };
                return self
                    .first
                    .checked_add_days(Days::new(i as u64))
                    .unwrap_or(start);
            }
        }
        self.cal.add_working_days(start, n)
    }
}

#[cfg(test)]
mod tests {
    use super::DayIndex;
    use crate::domain::WorkCalendar;
    use chrono::{Days, NaiveDate};

    #[test]
    fn the_index_agrees_with_the_calendar() {
        let cal = WorkCalendar::embedded().expect("calendar");
        let as_of: NaiveDate = "2027-01-06".parse().expect("date");
        let ix = DayIndex::new(&cal, as_of);
        let mut d: NaiveDate = "2023-06-01".parse().expect("date");
        while d < "2027-09-01".parse().expect("date") {
            for n in [0, 1, 5, 14, 60] {
                assert_eq!(ix.add(d, n), cal.add_working_days(d, n), "{d} + {n}");
            }
            for back in [0u64, 1, 7, 40, 400] {
                let from = d.checked_sub_days(Days::new(back)).expect("date");
                assert_eq!(
                    ix.between(from, d),
                    cal.working_days_between(from, d),
                    "{from}..{d}"
                );
            }
            d = d.checked_add_days(Days::new(3)).expect("date");
        }
    }
}
