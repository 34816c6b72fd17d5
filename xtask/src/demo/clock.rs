//! When things happen: office hours on working days (the crate's own calendar, with the
//! embedded national holidays), any hour of the day, and the batch times of a stream.

use super::{Gen, Time};
use chrono::{Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Timelike};

impl Gen<'_> {
    /// A local moment on a date (the demo's offset).
    pub fn at(&self, d: NaiveDate, h: i64, m: i64) -> Time {
        let time = NaiveTime::from_hms_opt(h as u32, m as u32, 0).unwrap_or(NaiveTime::MIN);
        self.offset
            .from_local_datetime(&d.and_time(time))
            .single()
            .unwrap_or(self.reference)
    }

    /// The reference date ("today" of the demo).
    pub fn today(&self) -> NaiveDate {
        self.reference.date_naive()
    }

    /// Working day `n` after a date (`spec/sla.md`: day 1 is the first working day
    /// strictly after it).
    pub fn add_wd(&self, d: NaiveDate, n: i64) -> NaiveDate {
        self.cal.add_working_days(d, n.max(0) as u32)
    }

    /// An office-hours moment on working day `n` after `base` (`n = 0`: later the same
    /// day when that is still possible); now and then an evening instead.
    pub fn office_wd(&mut self, base: Time, n: i64) -> Time {
        let d = base.date_naive();
        if n <= 0 {
            if self.cal.is_working_day(d) && base.hour() < 15 {
                let lo = (base + Duration::minutes(15)).max(self.at(d, 8, 0));
                let hi = self.at(d, 16, 0);
                if lo < hi {
                    let span = (hi - lo).num_minutes();
                    return lo + Duration::minutes(self.rng.range(0, span));
                }
            }
            return self.office_wd(base, 1);
        }
        let day = self.add_wd(d, n);
        if self.rng.chance(0.08) {
            let (h, m) = (self.rng.range(19, 21), self.rng.range(0, 59));
            return self.at(day, h, m);
        }
        self.at(day, 8, 0) + Duration::minutes(self.rng.range(0, 8 * 60))
    }

    /// Any moment between `lo` and `hi` days after `base`, moved out of the small hours.
    pub fn anytime(&mut self, base: Time, lo_days: f64, hi_days: f64) -> Time {
        let (lo, hi) = ((lo_days * 1440.0) as i64, (hi_days * 1440.0) as i64);
        let t = base + Duration::minutes(self.rng.range(lo, hi));
        if t.hour() < 6 {
            let h = self.rng.range(6, 9);
            return self.at(t.date_naive(), h, i64::from(t.minute()));
        }
        t
    }

    /// When a complaint disposed `days_ago` days before the reference date reached its
    /// agency: mostly office hours, sometimes the evening or the night.
    pub fn disposal_time(&mut self, days_ago: i64) -> Time {
        let d = self.today() - Duration::days(days_ago);
        if days_ago == 0 {
            let (h, m) = (self.rng.range(0, 5), self.rng.range(5, 55));
            return self.at(d, h, m);
        }
        let u = self.rng.unit();
        let (lo, hi) = if u < 0.75 {
            (7, 16)
        } else if u < 0.93 {
            (17, 22)
        } else {
            (0, 6)
        };
        let (h, m) = (self.rng.range(lo, hi), self.rng.range(0, 59));
        self.at(d, h, m)
    }

    /// The batch times of a stream, with their sequence numbers.
    pub fn batch_times(&self, stream: usize) -> Vec<(u64, Time)> {
        self.story.stream[stream]
            .batches
            .iter()
            .enumerate()
            .map(|(i, t)| (i as u64 + 1, *t))
            .collect()
    }

    /// The time of a stream's last batch: nothing later has happened yet.
    pub fn final_time(&self, stream: usize) -> Time {
        self.story.stream[stream]
            .batches
            .last()
            .copied()
            .unwrap_or(self.reference)
    }

    /// The windows `(previous batch, missing batch]` of a stream's missing sequences.
    pub fn gap_windows(&self, stream: usize) -> Vec<(Time, Time)> {
        let times = self.batch_times(stream);
        self.story.stream[stream]
            .missing
            .iter()
            .filter_map(|seq| {
                let i = times.iter().position(|(s, _)| s == seq)?;
                let before = if i == 0 { times[i].1 } else { times[i - 1].1 };
                Some((before, times[i].1))
            })
            .collect()
    }

    /// A date as Indonesians write it: `7 November 2026`.
    pub fn tgl(&self, d: NaiveDate) -> String {
        let month = &self.story.slots.months[d.month0() as usize];
        format!("{} {month} {}", d.day(), d.year())
    }

    /// The weekday's name.
    pub fn hari(&self, d: NaiveDate) -> String {
        self.story.slots.weekdays[d.weekday().num_days_from_monday() as usize].clone()
    }
}
