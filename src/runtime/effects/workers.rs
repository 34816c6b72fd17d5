//! Import and export, each on a worker thread with its own connection to the cache:
//! they report on the loop's channel as they go and when they finish, so the screen
//! never waits for them.

use super::Executor;
use crate::app::Action;
use crate::runtime::Msg;
use crate::sync::{self, ExportOutcome};
use chrono::Utc;
use color_eyre::eyre::Result;
use std::path::PathBuf;
use std::sync::mpsc::Sender;
use std::thread::JoinHandle;

/// Sends a worker's action to the loop (a loop that is gone no longer listens).
fn report(tx: &Sender<Msg>, a: Action) {
    let _ = tx.send(Msg::Action(a));
}

/// Runs `work` on a worker thread; a panic in it becomes `on_panic`'s action instead
/// of a pane stuck in "running".
pub(super) fn spawn_worker<F>(
    tx: &Sender<Msg>,
    lang: crate::i18n::Lang,
    work: F,
    on_panic: fn(String) -> Action,
) -> JoinHandle<()>
where
    F: FnOnce(&Sender<Msg>) + Send + 'static,
{
    let tx = tx.clone();
    std::thread::spawn(move || {
        let done = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(&tx)));
        if done.is_err() {
            report(&tx, on_panic(lang.t().worker_stopped.into()));
        }
    })
}

impl Executor {
    /// Imports these files on a worker thread, reporting progress as it reads.
    pub(super) fn import(&mut self, paths: Vec<PathBuf>, tx: &Sender<Msg>) -> Result<Vec<Action>> {
        let mut worker = self.store.worker()?;
        let cfg = self.cfg.clone();
        let handle = spawn_worker(
            tx,
            self.cfg.language,
            move |tx| {
                let mut results = Vec::new();
                // Nothing is imported into a damaged file.
                let today = Utc::now().with_timezone(&cfg.timezone).date_naive();
                if let Err(e) = worker.verify_pages_before_import(today) {
                    let why = cfg.language.store_error(&e);
                    report(tx, Action::ImportFinished(vec![Err(why)]));
                    return;
                }
                let last = paths.len().saturating_sub(1);
                for (i, p) in paths.into_iter().enumerate() {
                    let name = p.file_name().map_or_else(
                        || p.display().to_string(),
                        |n| n.to_string_lossy().into_owned(),
                    );
                    let file = name.clone();
                    let r = sync::import_file_with_progress(&mut worker, &cfg, &p, &mut |n| {
                        report(
                            tx,
                            Action::ImportProgress {
                                file: file.clone(),
                                records: n,
                            },
                        );
                    });
                    results.push(r.map_err(|e| cfg.language.file_refused(&name, &e.reason)));
                    // Each batch is folded into the database before the next, so the
                    // log never holds several; the last one after the report.
                    if i < last {
                        let _ = worker.checkpoint();
                    }
                }
                report(tx, Action::ImportFinished(results));
                // After the report: the desk does not wait for it.
                let _ = worker.checkpoint();
            },
            |e| Action::ImportFinished(vec![Err(e)]),
        );
        self.keep(handle);
        Ok(Vec::new())
    }

    /// Exports every pending operation on a worker thread.
    pub(super) fn export(&mut self, tx: &Sender<Msg>) -> Result<Vec<Action>> {
        let mut worker = self.store.worker()?;
        let cfg = self.cfg.clone();
        let now = Utc::now().with_timezone(&self.cfg.timezone);
        let handle = spawn_worker(
            tx,
            self.cfg.language,
            move |tx| {
                let r = sync::export_pending(&mut worker, &cfg, None, false, now)
                    .map(|o| match o {
                        ExportOutcome::Nothing => Vec::new(),
                        ExportOutcome::Written(p) => p,
                    })
                    .map_err(|e| cfg.language.export_error(&e));
                report(tx, Action::ExportFinished(r));
            },
            |e| Action::ExportFinished(Err(e)),
        );
        self.keep(handle);
        Ok(Vec::new())
    }

    /// Keeps a worker's handle (forgetting those that finished) so leaving can wait.
    pub(super) fn keep(&mut self, handle: JoinHandle<()>) {
        self.workers.retain(|h| !h.is_finished());
        self.workers.push(handle);
    }
}
