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
use crate::domain::monev::{Evaluation, Figures, History, Period, Tally};
use crate::store::{Store, StoreError, StoredLetter};
use chrono::NaiveDate;
use std::sync::mpsc::{Receiver, SyncSender, channel, sync_channel};

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
    // Reading and counting take about as long as each other at a million complaints,
    // so the counting runs on the second core: the reader hands it batches of
    // histories, and takes the emptied ones back to refill.
    let (full_tx, full_rx) = sync_channel::<Vec<History>>(BATCHES_IN_FLIGHT);
    let (empty_tx, empty_rx) = channel::<Vec<History>>();
    let scope = &scope;
    let (read, figures) = std::thread::scope(|s| {
        let counter = s.spawn(move || {
            let mut tally = Tally::new(scope.rows.clone(), ev).adopting(|c| scope.adopts(c));
            for batch in full_rx {
                for h in &batch {
                    tally.add(h);
                }
                let _ = empty_tx.send(batch);
            }
            tally.finish()
        });
        let read = read_in_batches(store, full_tx, &empty_rx, progress);
        let figures = counter
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (read, figures)
    });
    if !read? {
        return Ok(None);
    }
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

/// How many complaints go to the counting thread at once.
const BATCH: usize = 1024;
/// Batches read ahead of the counting (bounds the memory at a few thousand histories).
const BATCHES_IN_FLIGHT: usize = 4;

/// Reads every history into batches sent on `full`, refilling the batches that come
/// back on `empty`; whether every complaint was read (`progress` may stop it). The
/// sender is dropped on return, which ends the counting thread's loop.
fn read_in_batches(
    store: &Store,
    full: SyncSender<Vec<History>>,
    empty: &Receiver<Vec<History>>,
    progress: &mut dyn FnMut(u64) -> bool,
) -> Result<bool, StoreError> {
    let mut batch: Vec<History> = Vec::with_capacity(BATCH);
    let mut used = 0usize;
    let mut read = 0u64;
    let mut counting = true;
    let finished = store.monev_histories(|h| {
        match batch.get_mut(used) {
            Some(slot) => slot.refill(h),
            None => batch.push(h.clone()),
        }
        used += 1;
        if used == BATCH {
            let next = empty
                .try_recv()
                .unwrap_or_else(|_| Vec::with_capacity(BATCH));
            counting = full.send(std::mem::replace(&mut batch, next)).is_ok();
            used = 0;
        }
        read += 1;
        counting && (!read.is_multiple_of(PROGRESS_EVERY) || progress(read))
    })?;
    batch.truncate(used);
    if finished && !batch.is_empty() {
        let _ = full.send(batch);
    }
    Ok(finished)
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
