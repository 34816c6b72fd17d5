//! The three SLA clocks of `spec/sla.md`: first response, completion and the
//! auto-close watch, counted in working days in the desk's time zone.

use super::calendar::WorkCalendar;
use super::complaint::{Classification, Status};
use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

/// Day counts of the clocks. Every number is configurable because the rules in force
/// may change (PermenPANRB 5/2025).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SlaRules {
    /// First response (*tindak lanjut awal*).
    pub first_response: u32,
    /// Completion of an *aspirasi*.
    pub aspirasi: u32,
    /// Completion of a *permintaan informasi*.
    pub permintaan_informasi: u32,
    /// Completion of a *pengaduan* without supervisory content.
    pub pengaduan: u32,
    /// Completion of a *pengaduan berkadar pengawasan*.
    pub pengaduan_supervisory: u32,
    /// Completion of a class this version does not know.
    pub other: u32,
    /// The auto-close watch after the agency's latest response.
    pub auto_close: u32,
}

impl Default for SlaRules {
    fn default() -> Self {
        Self {
            first_response: 5,
            aspirasi: 5,
            permintaan_informasi: 5,
            pengaduan: 14,
            pengaduan_supervisory: 60,
            other: 14,
            auto_close: 10,
        }
    }
}

impl SlaRules {
    /// The completion limit for a class.
    pub fn completion_days(&self, class: &Classification, supervisory: bool) -> u32 {
        match class {
            Classification::Aspirasi => self.aspirasi,
            Classification::PermintaanInformasi => self.permintaan_informasi,
            Classification::Pengaduan if supervisory => self.pengaduan_supervisory,
            Classification::Pengaduan => self.pengaduan,
            Classification::Other(_) => self.other,
        }
    }

    /// A stable text naming every number, for detecting changed rules.
    pub fn fingerprint(&self) -> String {
        format!(
            "{}/{}/{}/{}/{}/{}/{}",
            self.first_response,
            self.aspirasi,
            self.permintaan_informasi,
            self.pengaduan,
            self.pengaduan_supervisory,
            self.other,
            self.auto_close
        )
    }
}

/// What the clocks need to know about one complaint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SlaFacts {
    pub disposed_at: Option<DateTime<FixedOffset>>,
    pub classification: Classification,
    pub supervisory: bool,
    pub status: Status,
    /// The date the complaint left the desk's scope, if it did: its clocks stop there.
    pub left_scope_on: Option<NaiveDate>,
    /// The agency's first response: the earliest standing response operation of this
    /// desk or registry message with `author = agency`.
    pub first_response_at: Option<DateTime<FixedOffset>>,
    /// This desk's first standing `final` response.
    pub final_response_at: Option<DateTime<FixedOffset>>,
    /// The agency's latest response.
    pub latest_response_at: Option<DateTime<FixedOffset>>,
    /// The latest message by the reporter or an admin.
    pub latest_reply_at: Option<DateTime<FixedOffset>>,
}

/// Whether and when a clock was met.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Met {
    No,
    On(NaiveDate),
    /// Completed by the registry at a time the desk does not know.
    AtUnknownTime,
    /// The auto-close watch was interrupted by a reply.
    Interrupted,
}

/// One clock of one complaint. `due` is the last working day (the deadline is its end).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClockView {
    pub start: NaiveDate,
    pub due: NaiveDate,
    pub met: Met,
    /// The date the clock stopped without being met (left scope, or the registry closed
    /// the complaint); its state is taken on that day.
    pub stopped_on: Option<NaiveDate>,
    /// Whether the complaint is closed and an unmet clock no longer counts.
    pub closed: bool,
}

/// What a clock shows on a given day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "state", content = "days", rename_all = "snake_case")]
pub enum ClockState {
    /// *sisa N HK*.
    Remaining(u32),
    /// *jatuh tempo hari ini*.
    DueToday,
    /// *terlambat N HK*.
    Late(u32),
    /// *tepat waktu*.
    MetOnTime,
    /// *terlambat* (met after the due date).
    MetLate,
    /// Completed by the registry at an unknown time.
    Completed,
    /// The auto-close watch was interrupted by a reply.
    Interrupted,
    /// The complaint closed without this clock being met; it no longer runs.
    Closed,
}

impl ClockState {
    /// Whether the clock is running and past due.
    pub fn is_late(self) -> bool {
        matches!(self, ClockState::Late(_))
    }
}

impl ClockView {
    /// Whether the clock still runs (not met, not stopped, not closed).
    pub fn running(&self) -> bool {
        self.met == Met::No && self.stopped_on.is_none() && !self.closed
    }

    /// The state on `today` (or on the day the clock stopped).
    pub fn state(&self, today: NaiveDate, cal: &WorkCalendar) -> ClockState {
        match self.met {
            Met::On(d) if d <= self.due => return ClockState::MetOnTime,
            Met::On(_) => return ClockState::MetLate,
            Met::AtUnknownTime => return ClockState::Completed,
            Met::Interrupted => return ClockState::Interrupted,
            Met::No => {}
        }
        if self.closed {
            return ClockState::Closed;
        }
        let day = self.stopped_on.map_or(today, |s| s.min(today));
        if day < self.due {
            ClockState::Remaining(cal.working_days_between(day, self.due).max(1))
        } else if day == self.due {
            ClockState::DueToday
        } else {
            ClockState::Late(cal.working_days_between(self.due, day).max(1))
        }
    }
}

/// The three clocks of a complaint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Clocks {
    pub first_response: Option<ClockView>,
    pub completion: Option<ClockView>,
    pub auto_close: Option<ClockView>,
}

impl Clocks {
    /// Computes the clocks from the facts. Dates are taken in `tz`.
    pub fn compute(
        facts: &SlaFacts,
        rules: &SlaRules,
        cal: &WorkCalendar,
        tz: FixedOffset,
    ) -> Clocks {
        let local = |t: DateTime<FixedOffset>| t.with_timezone(&tz).date_naive();
        let closed = facts.status.is_closed();
        let Some(start) = facts.disposed_at.map(local) else {
            return Clocks {
                first_response: None,
                completion: None,
                auto_close: None,
            };
        };
        let clock = |days: u32, met: Met| ClockView {
            start,
            due: cal.add_working_days(start, days),
            met,
            stopped_on: facts.left_scope_on,
            closed,
        };
        let first_met = facts
            .first_response_at
            .map_or(Met::No, |t| Met::On(local(t)));
        let completion_met = match facts.final_response_at {
            Some(t) => Met::On(local(t)),
            None if facts.status == Status::Selesai => Met::AtUnknownTime,
            None => Met::No,
        };
        let completion_days = rules.completion_days(&facts.classification, facts.supervisory);
        let auto_close = facts.latest_response_at.map(|t| {
            let from = local(t);
            let interrupted = facts.latest_reply_at.is_some_and(|r| r > t);
            ClockView {
                start: from,
                due: cal.add_working_days(from, rules.auto_close),
                met: if interrupted {
                    Met::Interrupted
                } else {
                    Met::No
                },
                stopped_on: facts.left_scope_on,
                closed,
            }
        });
        Clocks {
            first_response: Some(clock(rules.first_response, first_met)),
            completion: Some(clock(completion_days, completion_met)),
            auto_close,
        }
    }

    /// The nearest due date among the running deadline clocks (first response and
    /// completion); the inbox sorts by it. Independent of today.
    pub fn urgency(&self) -> Option<NaiveDate> {
        [self.first_response, self.completion]
            .into_iter()
            .flatten()
            .filter(ClockView::running)
            .map(|c| c.due)
            .min()
    }

    /// Whether any running deadline clock is past its due date on `today`.
    pub fn overdue(&self, today: NaiveDate) -> bool {
        self.urgency().is_some_and(|due| due < today)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }
    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).expect("rfc3339")
    }
    fn wib() -> FixedOffset {
        FixedOffset::east_opt(7 * 3600).expect("offset")
    }
    fn cal() -> WorkCalendar {
        WorkCalendar::embedded().expect("calendar")
    }
    fn facts(disposed: &str) -> SlaFacts {
        SlaFacts {
            disposed_at: Some(at(disposed)),
            classification: Classification::Pengaduan,
            supervisory: false,
            status: Status::Terdisposisi,
            left_scope_on: None,
            first_response_at: None,
            final_response_at: None,
            latest_response_at: None,
            latest_reply_at: None,
        }
    }

    #[test]
    fn spec_example_first_response_due() {
        let c = Clocks::compute(
            &facts("2026-12-21T10:00:00+07:00"),
            &SlaRules::default(),
            &cal(),
            wib(),
        );
        let fr = c.first_response.expect("clock runs");
        assert_eq!(fr.due, date("2026-12-30"));
        let cal = cal();
        assert_eq!(fr.state(date("2026-12-29"), &cal), ClockState::Remaining(1));
        assert_eq!(fr.state(date("2026-12-30"), &cal), ClockState::DueToday);
        assert_eq!(fr.state(date("2026-12-31"), &cal), ClockState::Late(1));
        assert_eq!(fr.state(date("2027-01-04"), &cal), ClockState::Late(2));
        assert_eq!(fr.state(date("2026-12-21"), &cal), ClockState::Remaining(5));
    }

    #[test]
    fn local_date_uses_the_desk_time_zone() {
        // 2026-12-20T20:00Z is Monday the 21st 03:00 in WIB but Sunday in UTC.
        let f = facts("2026-12-20T20:00:00+00:00");
        let wib = Clocks::compute(&f, &SlaRules::default(), &cal(), wib());
        let utc = Clocks::compute(
            &f,
            &SlaRules::default(),
            &cal(),
            FixedOffset::east_opt(0).expect("utc"),
        );
        assert_eq!(wib.first_response.expect("runs").due, date("2026-12-30"));
        assert_eq!(utc.first_response.expect("runs").due, date("2026-12-29"));
    }

    #[test]
    fn completion_depends_on_class() {
        let rules = SlaRules::default();
        let mut f = facts("2026-11-02T09:00:00+07:00");
        let base = |f: &SlaFacts| {
            Clocks::compute(f, &rules, &WorkCalendar::weekends_only(), wib())
                .completion
                .expect("runs")
                .due
        };
        assert_eq!(base(&f), date("2026-11-20")); // 14 HK
        f.supervisory = true;
        assert_eq!(base(&f), date("2027-01-25")); // 60 HK
        f.classification = Classification::Aspirasi;
        assert_eq!(base(&f), date("2026-11-09")); // 5 HK
        f.classification = Classification::PermintaanInformasi;
        assert_eq!(base(&f), date("2026-11-09"));
    }

    #[test]
    fn met_clocks_report_on_time_or_late() {
        let cal = cal();
        let mut f = facts("2026-12-21T10:00:00+07:00");
        f.first_response_at = Some(at("2026-12-30T16:00:00+07:00"));
        let c = Clocks::compute(&f, &SlaRules::default(), &cal, wib());
        let fr = c.first_response.expect("runs");
        assert_eq!(fr.state(date("2027-02-01"), &cal), ClockState::MetOnTime);
        f.first_response_at = Some(at("2026-12-31T08:00:00+07:00"));
        let c = Clocks::compute(&f, &SlaRules::default(), &cal, wib());
        assert_eq!(
            c.first_response
                .expect("runs")
                .state(date("2027-02-01"), &cal),
            ClockState::MetLate
        );
        // Completion still runs and is what the inbox sorts by.
        assert_eq!(c.urgency(), Some(c.completion.expect("runs").due));
    }

    #[test]
    fn overdue_only_for_running_unmet_clocks() {
        let cal = cal();
        let rules = SlaRules::default();
        let mut f = facts("2026-11-02T09:00:00+07:00");
        let today = date("2026-11-27");
        assert!(Clocks::compute(&f, &rules, &cal, wib()).overdue(today));
        f.status = Status::Selesai;
        let c = Clocks::compute(&f, &rules, &cal, wib());
        assert!(!c.overdue(today));
        assert_eq!(
            c.completion.expect("runs").state(today, &cal),
            ClockState::Completed
        );
        assert_eq!(
            c.first_response.expect("runs").state(today, &cal),
            ClockState::Closed
        );
    }

    #[test]
    fn no_disposition_means_no_clock() {
        let mut f = facts("2026-11-02T09:00:00+07:00");
        f.disposed_at = None;
        let c = Clocks::compute(&f, &SlaRules::default(), &cal(), wib());
        assert_eq!(c.first_response, None);
        assert_eq!(c.urgency(), None);
        assert!(!c.overdue(date("2030-01-01")));
    }

    #[test]
    fn leaving_scope_stops_the_clock_where_it_stood() {
        let cal = WorkCalendar::weekends_only();
        let mut f = facts("2026-11-02T09:00:00+07:00"); // first response due 2026-11-09
        f.left_scope_on = Some(date("2026-11-05"));
        let c = Clocks::compute(&f, &SlaRules::default(), &cal, wib());
        let fr = c.first_response.expect("runs");
        assert_eq!(fr.state(date("2026-12-31"), &cal), ClockState::Remaining(2));
        assert!(!c.overdue(date("2026-12-31")));
    }

    #[test]
    fn auto_close_watch_is_interrupted_by_a_reply() {
        let cal = WorkCalendar::weekends_only();
        let mut f = facts("2026-11-02T09:00:00+07:00");
        f.latest_response_at = Some(at("2026-11-03T09:00:00+07:00"));
        let c = Clocks::compute(&f, &SlaRules::default(), &cal, wib());
        let ac = c.auto_close.expect("watch runs");
        assert_eq!(ac.due, date("2026-11-17"));
        assert_eq!(ac.state(date("2026-11-16"), &cal), ClockState::Remaining(1));
        f.latest_reply_at = Some(at("2026-11-04T09:00:00+07:00"));
        let c = Clocks::compute(&f, &SlaRules::default(), &cal, wib());
        assert_eq!(
            c.auto_close.expect("watch").state(date("2026-11-16"), &cal),
            ClockState::Interrupted
        );
    }
}
