//! Running [`Effect`]s against the store: the one place the desk's I/O happens. Import
//! and export go to worker threads, the fuzzy filter to the search thread; everything
//! else is quick and answers at once. Each effect has its own method: the reads in
//! `reads`, the quick writes in `writes`, the import and export threads in `workers`.

mod monev;
mod reads;
mod workers;
mod writes;

use super::Msg;
use super::search::{Request, SearchThread, Searcher};
use crate::app::{Action, Effect};
use crate::config::Config;
use crate::store::{Store, ViewQuery};
use chrono::{NaiveDate, Utc};
use color_eyre::eyre::Result;
use std::sync::Arc;
use std::sync::mpsc::Sender;
use std::thread::JoinHandle;

/// Where fuzzy filtering runs.
enum Search {
    /// On its own thread (the desk).
    Thread(SearchThread),
    /// In the caller's thread (tests, benchmarks).
    Inline(Searcher),
}

/// Runs effects for the desk.
pub struct Executor {
    cfg: Config,
    store: Store,
    fixed_today: Option<NaiveDate>,
    /// Import and export threads still running.
    workers: Vec<JoinHandle<()>>,
    search: Search,
    /// The cache changed since the filter's texts were loaded.
    search_refresh: bool,
    /// The monev request in force (a worker of an older one stops).
    monev_current: Arc<std::sync::atomic::AtomicU64>,
}

impl Executor {
    /// An executor whose filter runs on its own thread, answering on `tx`.
    pub fn new(
        cfg: Config,
        store: Store,
        today: Option<NaiveDate>,
        tx: &Sender<Msg>,
    ) -> Result<Executor> {
        let search = Search::Thread(SearchThread::start(store.scanner()?, tx.clone()));
        Ok(Executor {
            cfg,
            store,
            fixed_today: today,
            workers: Vec::new(),
            search,
            search_refresh: false,
            monev_current: Arc::default(),
        })
    }

    /// An executor that filters in the caller's thread (for tests and benchmarks).
    pub fn inline(cfg: Config, store: Store, today: Option<NaiveDate>) -> Executor {
        Executor {
            cfg,
            store,
            fixed_today: today,
            workers: Vec::new(),
            search: Search::Inline(Searcher::default()),
            search_refresh: false,
            monev_current: Arc::default(),
        }
    }

    /// Puts text on the terminal's clipboard with OSC 52, when the terminal is the
    /// officer's own: in a remote session the escape would reach another machine's
    /// clipboard, so the text is shown instead. Tests and benchmarks (no terminal)
    /// only report it copied.
    fn copy(&self, text: String) -> Vec<Action> {
        let remote = ["SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY"]
            .iter()
            .any(|v| std::env::var_os(v).is_some());
        if remote {
            return vec![Action::CopyRefused(text)];
        }
        if matches!(self.search, Search::Thread(_)) {
            use base64::Engine;
            use std::io::Write;
            let b64 = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
            let mut out = std::io::stdout().lock();
            if write!(out, "\x1b]52;c;{b64}\x07")
                .and_then(|_| out.flush())
                .is_err()
            {
                return vec![Action::CopyRefused(text)];
            }
        }
        vec![Action::Copied(text)]
    }

    /// Whether effects answer in the caller's thread (tests, benchmarks).
    fn is_inline(&self) -> bool {
        matches!(self.search, Search::Inline(_))
    }

    /// The cache.
    pub fn store(&mut self) -> &mut Store {
        &mut self.store
    }

    /// Waits for running imports and exports (each is one transaction; leaving in the
    /// middle would only waste the work, but an export must reach its rename).
    pub fn wait_for_workers(&mut self) {
        for w in self.workers.drain(..) {
            let _ = w.join();
        }
    }

    /// Today in the desk's time zone (or the fixed day given).
    pub fn today(&self) -> NaiveDate {
        self.fixed_today
            .unwrap_or_else(|| Utc::now().with_timezone(&self.cfg.timezone).date_naive())
    }

    /// Runs one effect; returns the actions it produced now (worker results arrive on
    /// the channel later).
    pub fn run(&mut self, effect: Effect, tx: &Sender<Msg>) -> Vec<Action> {
        match self.try_run(effect, tx) {
            Ok(actions) => actions,
            Err(e) => vec![Action::Failed(self.cfg.language.error(&e))],
        }
    }

    /// Hands each effect to its method.
    fn try_run(&mut self, effect: Effect, tx: &Sender<Msg>) -> Result<Vec<Action>> {
        match effect {
            Effect::Reload => self.reload(),
            Effect::LoadWindow {
                list,
                from,
                place,
                limit,
                generation,
            } => self.load_window(&list, &from, place, limit, generation),
            Effect::Filter {
                view,
                query,
                generation,
            } => self.filter(view, query, generation),
            Effect::MarkAll(list) => self.mark_all(list),
            Effect::MarkRange { view, from, to } => self.mark_range(&view, &from, &to),
            Effect::LoadDetail(id) => self.load_detail(&id),
            Effect::LoadPreview(id) => Ok(self
                .load_detail(&id)?
                .into_iter()
                .map(|a| match a {
                    Action::DetailLoaded(d, c) => Action::PreviewLoaded(d, c),
                    other => other,
                })
                .collect()),
            Effect::LoadAgencies => self.load_agencies(),
            Effect::LoadHistory(ids) => self.load_history(ids),
            Effect::PrepareRespond(ids) => self.prepare_respond(&ids),
            Effect::Queue {
                requests,
                what,
                clear_drafts,
            } => Ok(self.queue(&requests, what, &clear_drafts)),
            Effect::SaveDraft {
                ids,
                stage,
                text,
                close,
            } => Ok(self.save_draft(&ids, stage, &text, close)),
            Effect::Undo => self.undo(),
            Effect::Conflicts { id, confirm } => self.conflicts(&id, confirm),
            Effect::ScanImportDir => self.scan_import_dir(),
            Effect::Import(paths) => self.import(paths, tx),
            Effect::Export => self.export(tx),
            Effect::Copy(text) => Ok(self.copy(text)),
            // Only the desk's loop can hand the terminal to an editor.
            Effect::EditText(_) => Ok(vec![Action::Failed(
                self.cfg.language.t().no_external_editor.into(),
            )]),
            Effect::Monev(r) => self.monev(r, tx),
        }
    }

    /// Filters a view: on the search thread, or here for tests and benchmarks.
    fn filter(
        &mut self,
        view: ViewQuery,
        query: Option<String>,
        generation: u64,
    ) -> Result<Vec<Action>> {
        let refresh = std::mem::take(&mut self.search_refresh);
        match &mut self.search {
            Search::Thread(t) => {
                t.send(Request {
                    generation,
                    view,
                    query,
                    refresh,
                });
                Ok(Vec::new())
            }
            Search::Inline(s) => {
                if refresh {
                    s.invalidate();
                }
                let mut loading = Vec::new();
                s.prepare(&self.store, &view, &mut |done, all| {
                    loading.push(Action::FilterTexts(Some((done, all))));
                })?;
                if !loading.is_empty() {
                    loading.push(Action::FilterTexts(None));
                }
                Ok(loading
                    .into_iter()
                    .chain(match query {
                        Some(q) => {
                            let rows = s.search(&q, &|| false, &mut |_| {}).unwrap_or_default();
                            vec![Action::Filtered {
                                generation,
                                rows: Arc::new(rows),
                            }]
                        }
                        None => Vec::new(),
                    })
                    .collect())
            }
        }
    }
}
