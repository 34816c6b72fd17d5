//! The demo's reprimand of last month: on a fresh demo desk, the latest office by the
//! rule of `spec/monev.md` gets a letter dated a month before today, recorded in the
//! cache as any letter is (no file is written), so the monev pane and the report show
//! a letter issued and `teguran` can escalate it.

use super::letters::{self, LetterError};
use super::{MonevError, Request};
use crate::config::Config;
use crate::domain::monev::Period;
use crate::store::Store;
use chrono::{Months, NaiveDate, NaiveTime};

/// Why the demo's letter could not be recorded.
#[derive(Debug, thiserror::Error)]
pub enum DemoLetterError {
    #[error(transparent)]
    Monev(#[from] MonevError),
    #[error(transparent)]
    Letter(#[from] LetterError),
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
}

/// Records last month's letter to the office with the most overdue clocks then.
pub fn letter_of_last_month(
    store: &mut Store,
    cfg: &Config,
    today: NaiveDate,
) -> Result<(), DemoLetterError> {
    let cal = store.sla().calendar.clone();
    let mut as_of = today.checked_sub_months(Months::new(1)).unwrap_or(today);
    while !cal.is_working_day(as_of) {
        as_of = as_of.pred_opt().unwrap_or(as_of);
    }
    let Some(month) = Period::month_of(as_of) else {
        return Ok(());
    };
    let req = Request {
        period: Period { to: as_of, ..month },
        as_of,
        agencies: Vec::new(),
    };
    let Some(report) = super::build(store, cfg, &req, &mut |_| true)? else {
        return Ok(());
    };
    let planned = letters::plan(&report, cfg, store)?;
    let Some(worst) = planned
        .into_iter()
        .max_by(|a, b| (a.items.len(), &b.agency).cmp(&(b.items.len(), &a.agency)))
    else {
        return Ok(());
    };
    let at = as_of
        .and_time(NaiveTime::from_hms_opt(10, 0, 0).unwrap_or(NaiveTime::MIN))
        .and_local_timezone(cfg.timezone)
        .single()
        .unwrap_or_default();
    letters::issue(store, cfg, vec![worst], None, at)?;
    Ok(())
}
