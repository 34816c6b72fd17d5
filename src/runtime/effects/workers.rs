//! Import and export, each on a worker thread with its own connection to the cache:
//! they report on the loop's channel as they go and when they finish, so the screen
//! never waits for them.

use super::Executor;
use crate::app::Action;
use crate::runtime::Msg;
use crate::sync::{self, ExportOutcome};
use chrono::Utc;
use color_eyre::eyre::Result;
use std::path::{Path, PathBuf};
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
                // Nothing is imported into a damaged file.
                let today = Utc::now().with_timezone(&cfg.timezone).date_naive();
                if let Err(e) = worker.verify_pages_before_import(today) {
                    let why = cfg.language.store_error(&e);
                    report(tx, Action::ImportFinished(vec![Err(why)]));
                    return;
                }
                // The files in one transaction, each all-or-nothing on its own.
                let results = sync::import_files(&mut worker, &cfg, &paths, &mut |file, n| {
                    report(
                        tx,
                        Action::ImportProgress {
                            file: short_name(Path::new(file)),
                            records: n,
                        },
                    );
                });
                let results = results
                    .into_iter()
                    .zip(&paths)
                    .map(|(r, p)| {
                        r.map_err(|e| cfg.language.file_refused(&short_name(p), &e.reason))
                    })
                    .collect();
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

/// A file's name without its folder, as the import pane shows it.
fn short_name(p: &Path) -> String {
    p.file_name().map_or_else(
        || p.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
