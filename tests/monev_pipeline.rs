//! The monitoring figures at more than a few batches: `monev::build` reads on one
//! thread and counts on another, and must give exactly the figures of one thread
//! doing both; a newer request stops it at its first progress report.

mod common;

use chrono::NaiveDate;
use common::*;
use sigap::domain::monev::{Evaluation, Period, Tally};
use sigap::monev::{PROGRESS_EVERY, Request, build, scope};

/// More complaints than one progress interval, so reading spans many batches and
/// reports progress once.
const N: u64 = PROGRESS_EVERY + 1_500;

fn desk() -> Desk {
    let mut d = Desk::new();
    let records: Vec<_> = (0..N)
        .map(|i| {
            let mut c = complaint(&format!("LAP-2026-{i:07}"), 1, "Bantuan", SCOPE);
            // Disposed across November, a few answered, so some clocks run late.
            let day = 2 + i % 27;
            c["disposed_at"] = format!("2026-11-{day:02}T10:00:00+07:00").into();
            if i % 5 == 0 {
                c["status"] = "selesai".into();
                c["completed_at"] = format!("2026-11-{:02}T10:00:00+07:00", day.min(28) + 1).into();
            }
            c
        })
        .collect();
    let head = Head::new(SCOPE, 1, "besar-1", "2026-11-30T07:00:00+07:00");
    sigap::sync::import_bytes(&mut d.store, &d.cfg, "besar.jsonl", batch(&head, &records))
        .expect("import");
    d
}

fn request() -> Request {
    Request {
        period: Period::month(2026, 11).expect("period"),
        as_of: NaiveDate::from_ymd_opt(2026, 12, 2).expect("date"),
        agencies: Vec::new(),
    }
}

#[test]
fn counting_beside_reading_gives_the_figures_of_one_thread() {
    let d = desk();
    let req = request();
    let mut heard = Vec::new();
    let report = build(&d.store, &d.cfg, &req, &mut |n| {
        heard.push(n);
        true
    })
    .expect("build")
    .expect("finished");
    assert_eq!(heard, vec![PROGRESS_EVERY]);

    let directory = d.store.agencies().expect("agencies");
    let scope = scope::resolve(&d.cfg.agency, &directory, &req.agencies).expect("scope");
    let ctx = d.store.sla();
    let ev = Evaluation {
        period: req.period,
        as_of: req.as_of,
        rules: &ctx.rules,
        calendar: &ctx.calendar,
        tz: ctx.tz,
    };
    let mut tally = Tally::new(scope.rows.clone(), ev).adopting(|c| scope.adopts(c));
    d.store
        .monev_histories(|h| {
            tally.add(h);
            true
        })
        .expect("read");
    let alone = tally.finish();
    assert_eq!(report.figures, alone);
    let received: u64 = alone.agencies.iter().map(|a| a.received).sum();
    assert_eq!(received, N, "every complaint counted once");
    assert!(!alone.overdue.is_empty(), "some clocks ran late");
}

#[test]
fn a_newer_request_stops_the_figures() {
    let d = desk();
    let mut asked = 0;
    let report = build(&d.store, &d.cfg, &request(), &mut |_| {
        asked += 1;
        false
    })
    .expect("build");
    assert!(report.is_none(), "a cancelled report gives no figures");
    assert_eq!(asked, 1, "it stopped at the first report");
}
