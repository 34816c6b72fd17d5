//! The working-day calendar (*hari kerja*): Monday to Friday minus national holidays
//! and *cuti bersama*, with the desk's own additions and removals.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::Deserialize;
use std::collections::BTreeSet;

/// The embedded Indonesian holiday list (2025-2027), copied from the shared data.
pub const EMBEDDED_HOLIDAYS: &str = include_str!("../../assets/holidays-id.toml");

/// One dated entry of a holiday file.
#[derive(Clone, Debug, Deserialize)]
pub struct Holiday {
    pub date: toml::value::Datetime,
    pub name: String,
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub estimated: bool,
}

#[derive(Deserialize)]
struct HolidayFile {
    holiday: Vec<Holiday>,
}

/// Working days for SLA counting.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WorkCalendar {
    holidays: BTreeSet<NaiveDate>,
}

/// A holiday file that could not be read.
#[derive(Debug, thiserror::Error)]
#[error("holiday calendar: {0}")]
pub struct CalendarError(String);

impl WorkCalendar {
    /// A calendar with only weekends off.
    pub fn weekends_only() -> Self {
        Self::default()
    }

    /// Parses a holiday file in the format of `assets/holidays-id.toml`.
    pub fn from_toml(text: &str) -> Result<Self, CalendarError> {
        let file: HolidayFile = toml::from_str(text).map_err(|e| CalendarError(e.to_string()))?;
        let mut holidays = BTreeSet::new();
        for h in file.holiday {
            let date =
                h.date.to_string().parse::<NaiveDate>().map_err(|_| {
                    CalendarError(format!("`{}` ({}) is not a date", h.date, h.name))
                })?;
            holidays.insert(date);
        }
        Ok(Self { holidays })
    }

    /// The embedded national calendar.
    pub fn embedded() -> Result<Self, CalendarError> {
        Self::from_toml(EMBEDDED_HOLIDAYS)
    }

    /// Adds regional holidays and removes dates that are working days after all.
    pub fn adjust(mut self, add: &[NaiveDate], remove: &[NaiveDate]) -> Self {
        self.holidays.extend(add.iter().copied());
        for d in remove {
            self.holidays.remove(d);
        }
        self
    }

    /// The holiday dates, in order.
    pub fn holidays(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        self.holidays.iter().copied()
    }

    /// Whether a date is a working day.
    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) && !self.holidays.contains(&d)
    }

    /// The date of working day `n` after `start`: day 1 is the first working day
    /// strictly after `start`. With `n = 0` it is `start` itself.
    pub fn add_working_days(&self, start: NaiveDate, n: u32) -> NaiveDate {
        let mut d = start;
        let mut left = n;
        while left > 0 {
            d = next_day(d);
            if self.is_working_day(d) {
                left -= 1;
            }
        }
        d
    }

    /// The number of working days in the half-open range `(from, to]`; zero when `to`
    /// is not after `from`.
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> u32 {
        let mut n = 0;
        let mut d = from;
        while d < to {
            d = next_day(d);
            if self.is_working_day(d) {
                n += 1;
            }
        }
        n
    }

    /// A short fingerprint of the holiday set, so cached due dates can be recomputed
    /// when the calendar changes.
    pub fn fingerprint(&self) -> String {
        let joined: Vec<String> = self.holidays.iter().map(|d| d.to_string()).collect();
        joined.join(",")
    }
}

fn next_day(d: NaiveDate) -> NaiveDate {
    d.checked_add_days(Days::new(1)).unwrap_or(NaiveDate::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    fn cal() -> WorkCalendar {
        WorkCalendar::embedded().expect("embedded calendar parses")
    }

    #[test]
    fn spec_example_christmas_week() {
        // Disposed Monday 2026-12-21, N = 5: 22, 23, (24 cuti bersama, 25 Natal,
        // 26-27 weekend), 28, 29, 30.
        assert_eq!(
            cal().add_working_days(date("2026-12-21"), 5),
            date("2026-12-30")
        );
    }

    #[test]
    fn year_end_crosses_new_year() {
        // From 2026-12-30: 31, (1 Jan holiday, 2-3 weekend), 4, (5 Isra Mikraj), 6, 7, 8.
        let c = cal();
        assert!(!c.is_working_day(date("2027-01-01")));
        assert!(!c.is_working_day(date("2027-01-05")));
        assert_eq!(
            c.add_working_days(date("2026-12-30"), 3),
            date("2027-01-06")
        );
        assert_eq!(
            c.add_working_days(date("2026-12-30"), 5),
            date("2027-01-08")
        );
    }

    #[test]
    fn lebaran_week_2026_is_skipped() {
        // 2026-03-18 .. 2026-03-24 are Nyepi, Idul Fitri and cuti bersama.
        let c = cal();
        for d in [
            "2026-03-18",
            "2026-03-19",
            "2026-03-20",
            "2026-03-23",
            "2026-03-24",
        ] {
            assert!(!c.is_working_day(date(d)), "{d}");
        }
        // Disposed Tuesday 2026-03-17: day 1 is Wednesday the 25th.
        assert_eq!(
            c.add_working_days(date("2026-03-17"), 1),
            date("2026-03-25")
        );
        assert_eq!(
            c.add_working_days(date("2026-03-17"), 5),
            date("2026-03-31")
        );
        assert_eq!(
            c.working_days_between(date("2026-03-17"), date("2026-03-31")),
            5
        );
    }

    #[test]
    fn weekend_start_counts_from_monday() {
        let c = WorkCalendar::weekends_only();
        // Saturday 2026-11-21 → day 1 is Monday the 23rd.
        assert_eq!(
            c.add_working_days(date("2026-11-21"), 1),
            date("2026-11-23")
        );
        assert_eq!(
            c.add_working_days(date("2026-11-21"), 0),
            date("2026-11-21")
        );
        assert_eq!(
            c.working_days_between(date("2026-11-23"), date("2026-11-21")),
            0
        );
    }

    #[test]
    fn adjustments_add_and_remove_dates() {
        let c = cal().adjust(&[date("2026-12-22")], &[date("2026-12-24")]);
        assert!(!c.is_working_day(date("2026-12-22")));
        assert!(c.is_working_day(date("2026-12-24")));
        // 23, 24, 28, 29, 30 → still the 30th with the two swaps.
        assert_eq!(
            c.add_working_days(date("2026-12-21"), 5),
            date("2026-12-30")
        );
        assert_ne!(c.fingerprint(), cal().fingerprint());
    }

    #[test]
    fn bad_date_is_refused_with_its_name() {
        let err = WorkCalendar::from_toml("[[holiday]]\ndate = 12:00:00\nname = \"x\"\n")
            .expect_err("not a date");
        assert!(err.to_string().contains("x"), "{err}");
    }
}
