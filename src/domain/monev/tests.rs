//! Worked examples built by hand from `spec/monev.md`, on the embedded 2026-2027
//! calendar. November 2026 has no holiday: Mon 2 .. Fri 6, 9-13, 16-20, 23-27, Mon 30;
//! December: Tue 1 .. Fri 4, 7-11, 14-18, 21-23, (24 cuti bersama, 25 Natal), 28-31;
//! January 2027: (1 Tahun Baru), 4, (5 Isra Mikraj), 6, 7, 8, 11 ...
//! Default rules: first response 5 working days (WD), pengaduan 14, aspirasi 5.

use super::reprimand::{PastLetter, drafts, letter_number, level};
use super::*;
use crate::domain::{Classification, SlaRules, Status, WorkCalendar};
use chrono::{DateTime, FixedOffset, NaiveDate};
use std::collections::BTreeSet;

fn d(s: &str) -> NaiveDate {
    s.parse().expect("date")
}
fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).expect("instant")
}
fn wib() -> FixedOffset {
    FixedOffset::east_opt(7 * 3600).expect("offset")
}
fn cal() -> WorkCalendar {
    WorkCalendar::embedded().expect("calendar")
}

/// November 2026, read on Wednesday 2 December.
fn ev<'a>(rules: &'a SlaRules, cal: &'a WorkCalendar) -> Evaluation<'a> {
    Evaluation {
        period: Period::month(2026, 11).expect("month"),
        as_of: d("2026-12-02"),
        rules,
        calendar: cal,
        tz: wib(),
    }
}

fn seen(rev: u64, agency: &str, disposed: Option<&str>) -> Seen {
    Seen {
        revision: rev,
        agency: agency.into(),
        disposed_at: disposed.map(at),
        seen_at: at("2026-11-01T00:00:00+07:00"),
    }
}

fn history(id: &str, seen: Vec<Seen>, acts: Vec<(&str, &str, ActKind)>) -> History {
    History {
        id: id.into(),
        seen,
        latest: Latest {
            status: Status::Diproses,
            completed_at: None,
            classification: Classification::Pengaduan,
            supervisory: false,
            confidential: false,
            category: Some("Infrastruktur".into()),
        },
        acts: acts
            .into_iter()
            .map(|(agency, t, kind)| Act {
                agency: agency.into(),
                at: at(t),
                kind,
            })
            .collect(),
    }
}

fn answer(agency: &'static str, t: &'static str) -> (&'static str, &'static str, ActKind) {
    (agency, t, ActKind::Answer)
}

#[test]
fn a_transfer_chain_is_three_assignments_whatever_the_arrival_order() {
    let (rules, cal) = (SlaRules::default(), cal());
    // Revisions arrive 3, 1, 2: the history is read in revision order all the same.
    let h = history(
        "LAP-1",
        vec![
            seen(3, "C", Some("2026-11-10T09:00:00+07:00")),
            seen(1, "A", Some("2026-11-02T10:00:00+07:00")),
            seen(2, "B", Some("2026-11-05T09:00:00+07:00")),
        ],
        vec![
            ("B", "2026-11-09T08:00:00+07:00", ActKind::Transfer),
            answer("C", "2026-11-18T10:00:00+07:00"),
        ],
    );
    let a = assignments(&h, &ev(&rules, &cal));
    assert_eq!(a.len(), 3);
    // A: disposed Mon 2 Nov, first response due 9 Nov (3, 4, 5, 6, 9). Never answered;
    // sent on when B's disposition came, Thu 5 Nov: 3 WD (3, 4, 5), on time.
    assert_eq!((a[0].agency, a[0].transferred), ("A", true));
    assert_eq!(a[0].first_due, d("2026-11-09"));
    assert_eq!(a[0].first, Outcome::OnTime(3));
    assert_eq!(
        a[0].completion, None,
        "no completion clock after a transfer"
    );
    // B: disposed Thu 5 Nov; this desk's transfer Mon 9 Nov 08:00 is earlier than C's
    // disposition: met after 2 WD (6, 9).
    assert_eq!(a[1].first, Outcome::OnTime(2));
    assert!(a[1].transferred && !a[1].open);
    // C: disposed Tue 10 Nov, due Tue 17 Nov (11, 12, 13, 16, 17); answered Wed 18:
    // 6 WD, late. Completion (14 WD: 11 .. 13, 16 .. 20, 23 .. 27, 30) due Mon 30 Nov,
    // unmet: overdue at 2 Dec by 2 WD (1, 2 Dec).
    assert_eq!(a[2].first_due, d("2026-11-17"));
    assert_eq!(a[2].first, Outcome::Late(6));
    assert_eq!(a[2].completion_due, d("2026-11-30"));
    assert_eq!(a[2].completion, Some(Outcome::Overdue(2)));
    assert!(a[2].open && a[2].overdue());
}

#[test]
fn a_response_on_the_due_date_is_on_time_and_a_day_after_is_late() {
    let (rules, cal) = (SlaRules::default(), cal());
    let e = ev(&rules, &cal);
    let disposed = Some("2026-11-02T09:00:00+07:00");
    // Due Mon 9 Nov; answered 9 Nov 16:00: 5 WD (3, 4, 5, 6, 9), on time.
    let on = history(
        "LAP-ON",
        vec![seen(1, "A", disposed)],
        vec![answer("A", "2026-11-09T16:00:00+07:00")],
    );
    assert_eq!(assignments(&on, &e)[0].first, Outcome::OnTime(5));
    // Answered Tue 10 Nov 08:00: 6 WD, late.
    let late = history(
        "LAP-LATE",
        vec![seen(1, "A", disposed)],
        vec![answer("A", "2026-11-10T08:00:00+07:00")],
    );
    assert_eq!(assignments(&late, &e)[0].first, Outcome::Late(6));
    // Another agency's answer does not count.
    let other = history(
        "LAP-OTHER",
        vec![seen(1, "A", disposed)],
        vec![answer("B", "2026-11-03T08:00:00+07:00")],
    );
    // Unmet, due 9 Nov: overdue at 2 Dec by 17 WD (10 .. 13, 16 .. 20, 23 .. 27, 30, 1, 2).
    assert_eq!(assignments(&other, &e)[0].first, Outcome::Overdue(17));
}

#[test]
fn the_period_counts_the_local_date_of_the_disposition() {
    let (rules, cal) = (SlaRules::default(), cal());
    let agencies = vec![("A".to_owned(), "Dinas A".to_owned())];
    let mut t = Tally::new(agencies, ev(&rules, &cal));
    // 31 Oct 23:30 WIB: October. 31 Oct 17:30 UTC is 1 Nov 00:30 WIB: November.
    t.add(&history(
        "LAP-OCT",
        vec![seen(1, "A", Some("2026-10-31T23:30:00+07:00"))],
        vec![answer("A", "2026-11-02T09:00:00+07:00")],
    ));
    t.add(&history(
        "LAP-NOV",
        vec![seen(1, "A", Some("2026-10-31T17:30:00+00:00"))],
        vec![answer("A", "2026-11-02T09:00:00+07:00")],
    ));
    // Disposed 30 Nov 23:59 WIB: November; 1 Dec 00:01: not.
    t.add(&history(
        "LAP-END",
        vec![seen(1, "A", Some("2026-11-30T23:59:00+07:00"))],
        vec![],
    ));
    t.add(&history(
        "LAP-DEC",
        vec![seen(1, "A", Some("2026-12-01T00:01:00+07:00"))],
        vec![],
    ));
    let f = t.finish();
    let a = &f.agencies[0];
    assert_eq!(a.received, 2);
    // LAP-NOV: disposed Sun 1 Nov, answered Mon 2 Nov: 1 WD, on time; LAP-END pending.
    assert_eq!((a.first_response.on_time, a.first_response.pending), (1, 1));
    // The backlog is taken at 2 Dec whatever the period. LAP-OCT and LAP-NOV: completion
    // 14 WD after Sat 31 Oct / Sun 1 Nov (2 .. 6, 9 .. 13, 16 .. 19) due Thu 19 Nov,
    // overdue; LAP-END and LAP-DEC are running and not yet late.
    assert_eq!(a.backlog.open, 4);
    assert_eq!(a.backlog.overdue, 2);
}

#[test]
fn events_after_as_of_are_ignored() {
    let (rules, cal) = (SlaRules::default(), cal());
    let e = ev(&rules, &cal);
    // Answered 3 Dec and moved to B (disposed 3 Dec) after as_of = 2 Dec: on 2 Dec the
    // assignment at A still runs, unanswered, and B has none yet.
    let h = history(
        "LAP-AFTER",
        vec![
            seen(1, "A", Some("2026-11-02T09:00:00+07:00")),
            seen(2, "B", Some("2026-12-03T09:00:00+07:00")),
        ],
        vec![answer("A", "2026-12-03T08:00:00+07:00")],
    );
    let a = assignments(&h, &e);
    assert_eq!(a.len(), 1);
    assert!(!a[0].transferred && a[0].open);
    assert_eq!(a[0].first, Outcome::Overdue(17));
    // A `completed_at` after as_of does not complete it either.
    let mut done = history(
        "LAP-DONE-LATER",
        vec![seen(1, "A", Some("2026-11-23T09:00:00+07:00"))],
        vec![answer("A", "2026-11-24T09:00:00+07:00")],
    );
    done.latest.status = Status::Selesai;
    done.latest.completed_at = Some(at("2026-12-03T10:00:00+07:00"));
    let a = assignments(&done, &e);
    assert_eq!(a[0].completion, Some(Outcome::Pending));
    assert!(a[0].open);
}

#[test]
fn selesai_without_completed_at_counts_completed_at_an_unknown_time() {
    let (rules, cal) = (SlaRules::default(), cal());
    let agencies = vec![("A".to_owned(), "Dinas A".to_owned())];
    let mut t = Tally::new(agencies, ev(&rules, &cal));
    let mut unknown = history(
        "LAP-U",
        vec![seen(1, "A", Some("2026-11-02T09:00:00+07:00"))],
        vec![answer("A", "2026-11-03T09:00:00+07:00")],
    );
    unknown.latest.status = Status::Selesai;
    t.add(&unknown);
    // An aspirasi (5 WD, due Mon 9 Nov) completed on Fri 20 Nov: 14 WD (3 .. 6, 9 .. 13,
    // 16 .. 20), late.
    let mut known = history(
        "LAP-K",
        vec![seen(1, "A", Some("2026-11-02T09:00:00+07:00"))],
        vec![answer("A", "2026-11-04T09:00:00+07:00")],
    );
    known.latest.status = Status::Selesai;
    known.latest.classification = Classification::Aspirasi;
    known.latest.completed_at = Some(at("2026-11-20T15:00:00+07:00"));
    assert_eq!(
        assignments(&known, &ev(&rules, &cal))[0].completion,
        Some(Outcome::Late(14))
    );
    t.add(&known);
    let f = t.finish();
    let c = &f.agencies[0].completion;
    assert_eq!((c.unknown_time, c.late, c.on_time), (1, 1, 0));
    // The unknown one is left out of compliance and the median.
    assert_eq!(c.compliance, Some(0.0));
    assert_eq!(c.median_days, Some(14.0));
    assert_eq!(f.agencies[0].backlog.open, 0, "both are completed");
    // First responses: 1 WD and 2 WD, both on time; median (1 + 2) / 2.
    let fr = &f.agencies[0].first_response;
    assert_eq!(
        (fr.on_time, fr.compliance, fr.median_days),
        (2, Some(1.0), Some(1.5))
    );
}

#[test]
fn the_year_end_holiday_week_is_skipped() {
    let (rules, cal) = (SlaRules::default(), cal());
    let e = Evaluation {
        period: Period::month(2026, 12).expect("month"),
        as_of: d("2027-01-06"),
        rules: &rules,
        calendar: &cal,
        tz: wib(),
    };
    // Disposed Mon 21 Dec: due Wed 30 Dec (22, 23, 28, 29, 30). Answered on the 30th:
    // 5 WD, on time. Completion: 14 WD (22, 23, 28 .. 31, 4, 6, 7, 8, 11 .. 14) due
    // Thu 14 Jan 2027: pending on 6 Jan.
    let answered = history(
        "LAP-NATAL",
        vec![seen(1, "A", Some("2026-12-21T10:00:00+07:00"))],
        vec![answer("A", "2026-12-30T14:00:00+07:00")],
    );
    let a = assignments(&answered, &e);
    assert_eq!(a[0].first_due, d("2026-12-30"));
    assert_eq!(a[0].first, Outcome::OnTime(5));
    assert_eq!(a[0].completion_due, d("2027-01-14"));
    assert_eq!(a[0].completion, Some(Outcome::Pending));
    // Unanswered: overdue on 6 Jan by 3 WD (31 Dec, 4 Jan, 6 Jan).
    let silent = history(
        "LAP-SEPI",
        vec![seen(1, "A", Some("2026-12-21T10:00:00+07:00"))],
        vec![],
    );
    assert_eq!(assignments(&silent, &e)[0].first, Outcome::Overdue(3));
    let mut t = Tally::new(vec![("A".into(), "Dinas A".into())], e);
    t.add(&answered);
    t.add(&silent);
    let f = t.finish();
    // Both open; aged 8 WD (22, 23, 28 .. 31, 4, 6): the 6-14 bucket.
    assert_eq!(f.agencies[0].backlog.age, [0, 2, 0, 0]);
    assert_eq!(f.agencies[0].backlog.overdue, 1);
    assert_eq!(f.overdue.len(), 1);
    assert_eq!(f.overdue[0].days_late, 3);
    assert_eq!(f.overdue[0].clock, ClockKind::FirstResponse);
    // The week of 21 Dec received both; one first response on time.
    let w = f
        .weeks
        .iter()
        .find(|w| w.week_start == d("2026-12-21"))
        .expect("week");
    assert_eq!((w.received, w.first_on_time), (2, 1));
    assert_eq!(f.weeks.len(), 5, "weeks of 30 Nov, 7, 14, 21 and 28 Dec");
}

#[test]
fn an_archived_complaint_closes_its_assignment() {
    let (rules, cal) = (SlaRules::default(), cal());
    let mut h = history(
        "LAP-ARSIP",
        vec![seen(1, "A", Some("2026-11-02T09:00:00+07:00"))],
        vec![answer("A", "2026-11-03T09:00:00+07:00")],
    );
    h.latest.status = Status::Arsip;
    let a = assignments(&h, &ev(&rules, &cal));
    assert_eq!(a[0].first, Outcome::OnTime(1));
    assert_eq!(a[0].completion, Some(Outcome::Closed));
    assert!(!a[0].open);
}

#[test]
fn the_total_is_recomputed_and_ranks_put_an_agency_without_assignments_last() {
    let (rules, cal) = (SlaRules::default(), cal());
    let agencies = ["A", "B", "C"]
        .iter()
        .map(|c| ((*c).to_owned(), format!("Dinas {c}")))
        .collect();
    let mut t = Tally::new(agencies, ev(&rules, &cal));
    let disposed = Some("2026-11-02T09:00:00+07:00");
    // A: one on time (1 WD), one late (6 WD): first response compliance 1/2.
    t.add(&history(
        "A1",
        vec![seen(1, "A", disposed)],
        vec![answer("A", "2026-11-03T09:00:00+07:00")],
    ));
    t.add(&history(
        "A2",
        vec![seen(1, "A", disposed)],
        vec![answer("A", "2026-11-10T09:00:00+07:00")],
    ));
    // B: three on time (1, 2, 5 WD): compliance 1.
    for (id, when) in [
        ("B1", "2026-11-03T09:00:00+07:00"),
        ("B2", "2026-11-04T09:00:00+07:00"),
        ("B3", "2026-11-09T09:00:00+07:00"),
    ] {
        t.add(&history(
            id,
            vec![seen(1, "B", disposed)],
            vec![answer("B", when)],
        ));
    }
    // C: nothing at all.
    let f = t.finish();
    let ranked: Vec<(&str, u32)> = f
        .agencies
        .iter()
        .map(|a| (a.agency.as_str(), a.rank))
        .collect();
    assert_eq!(ranked, vec![("B", 1), ("A", 2), ("C", 3)]);
    let c = &f.agencies[2];
    assert_eq!(c.received, 0);
    assert_eq!(c.first_response.compliance, None);
    assert_eq!(c.first_response.median_days, None);
    assert_eq!(c.backlog, Backlog::default());
    // Total: 4 on time of 5 (0.8), not the mean of 0.5 and 1.0; median of 1, 6, 1, 2, 5.
    let fr = &f.total.first_response;
    assert_eq!(f.total.received, 5);
    assert_eq!((fr.on_time, fr.late), (4, 1));
    assert_eq!(fr.compliance, Some(0.8));
    assert_eq!(fr.median_days, Some(2.0));
    let sum: u64 = f.agencies.iter().map(|a| a.backlog.open).sum();
    assert_eq!(f.total.backlog.open, sum);
    // Completion: 14 WD from 2 Nov is Fri 20 Nov; none met: 5 overdue, in every backlog.
    assert_eq!(f.total.completion.overdue, 5);
    assert_eq!(f.total.backlog.overdue, 5);
    assert_eq!(f.overdue.len(), 5);
}

#[test]
fn reprimand_levels_escalate_after_a_passed_deadline() {
    let past = |level: u8, deadline: &str, listed: &[&str]| PastLetter {
        number: "800/1/435.107/2026".into(),
        date: d("2026-11-02"),
        agency: "A".into(),
        level,
        deadline: d(deadline),
        listed: listed.iter().map(|s| (*s).to_owned()).collect(),
    };
    let overdue: BTreeSet<&str> = ["LAP-1", "LAP-2"].into_iter().collect();
    let as_of = d("2026-12-02");
    assert_eq!(level(None, &overdue, as_of), 1);
    assert_eq!(
        level(Some(&past(1, "2026-11-05", &["LAP-1"])), &overdue, as_of),
        2
    );
    assert_eq!(
        level(Some(&past(2, "2026-11-05", &["LAP-2"])), &overdue, as_of),
        3
    );
    assert_eq!(
        level(Some(&past(3, "2026-11-05", &["LAP-2"])), &overdue, as_of),
        3
    );
    // Everything it listed is settled: a first letter again.
    assert_eq!(
        level(Some(&past(2, "2026-11-05", &["LAP-9"])), &overdue, as_of),
        1
    );
    // Its deadline still runs (the deadline day itself included).
    assert_eq!(
        level(Some(&past(2, "2026-12-02", &["LAP-1"])), &overdue, as_of),
        2
    );
    assert_eq!(
        letter_number("800/{seq}/435.107/{year}", 12, 2026),
        "800/12/435.107/2026"
    );
}

#[test]
fn drafts_list_candidates_with_their_overdue_and_a_deadline_on_the_calendar() {
    let (rules, cal) = (SlaRules::default(), cal());
    let e = Evaluation {
        period: Period::month(2026, 12).expect("month"),
        as_of: d("2026-12-22"),
        rules: &rules,
        calendar: &cal,
        tz: wib(),
    };
    let mut t = Tally::new(
        vec![
            ("A".into(), "Dinas A".into()),
            ("B".into(), "Dinas B".into()),
        ],
        e,
    );
    t.add(&history(
        "LAP-A",
        vec![seen(1, "A", Some("2026-12-01T09:00:00+07:00"))],
        vec![],
    ));
    t.add(&history(
        "LAP-B",
        vec![seen(1, "B", Some("2026-12-21T09:00:00+07:00"))],
        vec![],
    ));
    let f = t.finish();
    let earlier = PastLetter {
        number: "800/3/435.107/2026".into(),
        date: d("2026-12-22"),
        agency: "X".into(),
        level: 1,
        deadline: d("2026-12-28"),
        listed: vec![],
    };
    let ds = drafts(&f, std::slice::from_ref(&earlier), 1, 3, &cal);
    assert_eq!(ds.len(), 1, "only A has an overdue clock");
    let a = &ds[0];
    assert_eq!((a.agency.as_str(), a.level), ("A", 1));
    // 3 WD after Tue 22 Dec: 23, (24, 25 holidays, weekend), 28, 29.
    assert_eq!(a.deadline, d("2026-12-29"));
    // Disposed Tue 1 Dec: first response due Tue 8 Dec (2, 3, 4, 7, 8), late by 10 WD
    // on 22 Dec (9, 10, 11, 14 .. 18, 21, 22); completion due Mon 21 Dec (2 .. 4,
    // 7 .. 11, 14 .. 18, 21), late by 1 WD (22). Most days late first.
    let late: Vec<_> = a
        .overdue
        .iter()
        .map(|o| (o.clock, o.due, o.days_late))
        .collect();
    assert_eq!(
        late,
        vec![
            (ClockKind::FirstResponse, d("2026-12-08"), 10),
            (ClockKind::Completion, d("2026-12-21"), 1),
        ]
    );
    assert_eq!(a.issued_today, None);
    let today = PastLetter {
        agency: "A".into(),
        ..earlier
    };
    let ds = drafts(&f, &[today], 1, 3, &cal);
    assert_eq!(ds[0].issued_today.as_deref(), Some("800/3/435.107/2026"));
    assert!(drafts(&f, &[], 2, 3, &cal).is_empty(), "threshold 2");
}

#[test]
fn periods_step_by_month_and_count_their_weeks() {
    let nov = Period::month(2026, 11).expect("month");
    assert_eq!((nov.from, nov.to), (d("2026-11-01"), d("2026-11-30")));
    assert_eq!(nov.step_month(1), Period::month(2026, 12));
    assert_eq!(nov.step_month(2), Period::month(2027, 1));
    assert_eq!(
        Period::month(2026, 1).and_then(|p| p.step_month(-1)),
        Period::month(2025, 12)
    );
    // 1 Nov is a Sunday: weeks of 26 Oct, 2, 9, 16, 23 and 30 Nov.
    assert_eq!(nov.first_week(), d("2026-10-26"));
    assert_eq!(nov.weeks(), 6);
    assert_eq!(Period::new(d("2026-11-02"), d("2026-11-01")), None);
}
