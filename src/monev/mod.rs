//! The monitoring report (*monev*) and written reprimands (*teguran*) of a desk, as
//! `spec/monev.md` defines them: which agencies a report covers ([`scope`]), the
//! figures read from the cache ([`build`]), the report's formats ([`format`]) and the
//! letters ([`letters`]). The figures themselves are `domain::monev`'s; SQL stays in
//! the store; the words are `i18n`'s. Both the command line and the desk's monev pane
//! use this module, so they show the same numbers.

pub mod demo;
pub mod files;
pub mod format;
pub mod letters;
pub mod scope;

use crate::config::Config;
use crate::domain::monev::reprimand::{Draft, PastLetter, drafts};
use crate::domain::monev::{Evaluation, Figures, Period, Tally};
use crate::store::{Store, StoreError, StoredLetter};
use chrono::NaiveDate;

/// What a report covers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    pub period: Period,
    pub as_of: NaiveDate,
    /// `--agency`: narrows the desk's scope (empty: the whole scope).
    pub agencies: Vec<String>,
}

/// A report: the figures and the letters issued in the period.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub figures: Figures,
    /// Letters issued in the period to the report's agencies, oldest first.
    pub letters: Vec<StoredLetter>,
    /// Every letter the cache holds (the drafts' levels depend on them).
    pub all_letters: Vec<StoredLetter>,
}

/// Why a report could not be made.
#[derive(Debug, thiserror::Error)]
pub enum MonevError {
    #[error("agency {0} is not in this desk's scope")]
    OutOfScope(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// How many complaints are read between two progress reports.
pub const PROGRESS_EVERY: u64 = 8192;

/// Reads the figures of `req` from the cache. `progress` hears how many complaints
/// were read so far, every [`PROGRESS_EVERY`]; when it answers `false` the reading
/// stops and the result is `None` (a newer request replaced this one).
pub fn build(
    store: &Store,
    cfg: &Config,
    req: &Request,
    progress: &mut dyn FnMut(u64) -> bool,
) -> Result<Option<Report>, MonevError> {
    let directory = store.agencies()?;
    let scope =
        scope::resolve(&cfg.agency, &directory, &req.agencies).map_err(MonevError::OutOfScope)?;
    let ctx = store.sla();
    let ev = Evaluation {
        period: req.period,
        as_of: req.as_of,
        rules: &ctx.rules,
        calendar: &ctx.calendar,
        tz: ctx.tz,
    };
    let mut tally = Tally::new(scope.rows.clone(), ev).adopting(|c| scope.adopts(c));
    let mut read = 0u64;
    let finished = store.monev_histories(|h| {
        tally.add(h);
        read += 1;
        !read.is_multiple_of(PROGRESS_EVERY) || progress(read)
    })?;
    if !finished {
        return Ok(None);
    }
    let figures = tally.finish();
    let all_letters = store.letters()?;
    let letters = all_letters
        .iter()
        .filter(|l| {
            req.period.contains(l.date) && figures.agencies.iter().any(|a| a.agency == l.agency)
        })
        .cloned()
        .collect();
    Ok(Some(Report {
        figures,
        letters,
        all_letters,
    }))
}

/// The letters that would be issued at the report's `as_of`.
pub fn draft_letters(report: &Report, cfg: &Config, store: &Store) -> Vec<Draft> {
    let past: Vec<PastLetter> = report.all_letters.iter().map(PastLetter::from).collect();
    drafts(
        &report.figures,
        &past,
        cfg.monev.reprimand_threshold,
        cfg.monev.reprimand_deadline_days,
        &store.sla().calendar,
    )
}

/// A compliance as the reports give it: a fraction rounded to 4 decimals.
pub fn rounded(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}
