//! Running [`Effect`]s against the store: the one place the desk's I/O happens. Import
//! and export go to worker threads, the fuzzy filter to the search thread; everything
//! else is quick and answers at once.

use super::search::{Request, SearchThread, Searcher};
use crate::app::{Action, Effect, FillData, From, InboxRow, ListRef, Loaded};
use crate::config::Config;
use crate::domain::{ComplaintId, OpState};
use crate::store::{ComplaintRow, Direction, Store};
use crate::sync::{self, ExportOutcome};
use chrono::{NaiveDate, Utc};
use color_eyre::eyre::Result;
use std::collections::HashMap;
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
}

/// Runs `work` on a worker thread; a panic in it becomes `on_panic`'s action instead
/// of a pane stuck in "running".
fn spawn_worker<F>(tx: &Sender<Action>, work: F, on_panic: fn(String) -> Action) -> JoinHandle<()>
where
    F: FnOnce(&Sender<Action>) + Send + 'static,
{
    let tx = tx.clone();
    std::thread::spawn(move || {
        let done = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(&tx)));
        if done.is_err() {
            let _ = tx.send(on_panic("the worker stopped unexpectedly".into()));
        }
    })
}

impl Executor {
    /// An executor whose filter runs on its own thread, answering on `tx`.
    pub fn new(
        cfg: Config,
        store: Store,
        today: Option<NaiveDate>,
        tx: &Sender<Action>,
    ) -> Result<Executor> {
        let search = Search::Thread(SearchThread::start(store.scanner()?, tx.clone()));
        Ok(Executor {
            cfg,
            store,
            fixed_today: today,
            workers: Vec::new(),
            search,
            search_refresh: false,
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
        }
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
    pub fn run(&mut self, effect: Effect, tx: &Sender<Action>) -> Vec<Action> {
        match self.try_run(effect, tx) {
            Ok(actions) => actions,
            Err(e) => vec![Action::Failed(format!("{e:#}"))],
        }
    }

    fn try_run(&mut self, effect: Effect, tx: &Sender<Action>) -> Result<Vec<Action>> {
        Ok(match effect {
            Effect::Reload => {
                // Whatever changed, the filter's texts may be stale now: the next
                // filter request reloads them.
                self.search_refresh = true;
                vec![Action::Loaded(Box::new(self.load()?))]
            }
            Effect::LoadWindow {
                list,
                from,
                place,
                limit,
                generation,
            } => {
                let rows = self.window(&list, &from, limit)?;
                vec![Action::WindowLoaded {
                    generation,
                    place,
                    rows,
                }]
            }
            Effect::Filter {
                view,
                query,
                generation,
            } => {
                let refresh = std::mem::take(&mut self.search_refresh);
                match &mut self.search {
                    Search::Thread(t) => {
                        t.send(Request {
                            generation,
                            view,
                            query,
                            refresh,
                        });
                        Vec::new()
                    }
                    Search::Inline(s) => {
                        if refresh {
                            s.invalidate();
                        }
                        s.prepare(&self.store, &view)?;
                        match query {
                            Some(q) => {
                                let rows = s.search(&q, &|| false, &mut |_| {}).unwrap_or_default();
                                vec![Action::Filtered {
                                    generation,
                                    rows: Arc::new(rows),
                                }]
                            }
                            None => Vec::new(),
                        }
                    }
                }
            }
            Effect::MarkAll(list) => {
                let ids = match list {
                    ListRef::View(v) => self.store.view_ids(&v)?,
                    ListRef::Rows(rows) => self
                        .store
                        .rows_by_rowid(&rows)?
                        .into_iter()
                        .map(|r| r.id.0)
                        .collect(),
                };
                vec![Action::Marked(ids.into_iter().map(ComplaintId).collect())]
            }
            Effect::MarkRange { view, from, to } => {
                let ids = self.store.ids_between(&view, &from, &to)?;
                vec![Action::Marked(ids.into_iter().map(ComplaintId).collect())]
            }
            Effect::LoadDetail(id) => match self.store.complaint(id.as_str())? {
                Some(d) => {
                    let clocks = self.store.sla().clocks(&d.row.facts(self.store.sla()));
                    vec![Action::DetailLoaded(Box::new(d), clocks)]
                }
                None => vec![Action::Failed(
                    self.cfg.language.unknown_complaint(id.as_str()),
                )],
            },
            Effect::LoadAgencies => vec![Action::AgenciesLoaded(self.store.agencies()?)],
            Effect::LoadHistory(ids) => {
                let mut h = Vec::new();
                for id in ids {
                    let prev = self.store.previous_agencies(id.as_str())?;
                    h.push((id, prev));
                }
                vec![Action::HistoryLoaded(h)]
            }
            Effect::PrepareRespond(ids) => {
                let agencies = self.store.agencies()?;
                let mut fills = Vec::new();
                for id in &ids {
                    if let Some(d) = self.store.complaint(id.as_str())? {
                        let agency_name = agencies
                            .iter()
                            .find(|a| a.code == d.complaint.agency)
                            .map_or_else(|| d.complaint.agency.to_string(), |a| a.name.clone());
                        fills.push(FillData {
                            complaint: d.complaint,
                            agency_name,
                        });
                    }
                }
                let draft = match ids.as_slice() {
                    [one] => self.store.draft(one.as_str())?,
                    _ => None,
                };
                vec![Action::RespondReady { fills, draft }]
            }
            Effect::Queue {
                requests,
                what,
                clear_drafts,
            } => {
                let now = Utc::now().with_timezone(&self.cfg.timezone);
                match sync::queue_operations(&mut self.store, &self.cfg, &requests, now) {
                    Ok(ids) => {
                        // The operations are committed: a draft that could not be
                        // deleted is harmless and must not make the officer send again.
                        for id in clear_drafts {
                            let _ = self.store.delete_draft(id.as_str());
                        }
                        vec![Action::Queued {
                            count: ids.len(),
                            what,
                        }]
                    }
                    Err(e) => vec![Action::Failed(e.to_string())],
                }
            }
            Effect::SaveDraft {
                ids,
                stage,
                text,
                close,
            } => {
                let saved = ids
                    .iter()
                    .try_for_each(|id| self.store.save_draft(id.as_str(), stage.as_str(), &text));
                match saved {
                    Ok(()) => vec![Action::DraftSaved { close }],
                    Err(e) => vec![Action::DraftNotSaved(e.to_string())],
                }
            }
            Effect::Undo => {
                let op = sync::ops::undo_last(&mut self.store)?;
                vec![Action::Undone(op)]
            }
            Effect::Conflicts { id, confirm } => {
                let ops: Vec<String> = self
                    .store
                    .operations_for(id.as_str())?
                    .into_iter()
                    .filter(|o| o.state == OpState::Conflict)
                    .map(|o| o.op_id.0)
                    .collect();
                for op in &ops {
                    if confirm {
                        sync::ops::confirm_conflict(&mut self.store, op)?;
                    } else {
                        sync::ops::discard_conflict(&mut self.store, op)?;
                    }
                }
                vec![Action::ConflictsSettled(ops.len())]
            }
            Effect::ScanImportDir => match self.cfg.import_dir.clone() {
                Some(dir) => vec![Action::ImportDirScanned(sync::scan_import_dir(
                    &mut self.store,
                    &dir,
                )?)],
                None => vec![
                    Action::ImportDirScanned(Vec::new()),
                    Action::Failed(self.cfg.language.t().no_import_folder.into()),
                ],
            },
            Effect::Import(paths) => {
                let mut worker = self.store.worker()?;
                let cfg = self.cfg.clone();
                let handle = spawn_worker(
                    tx,
                    move |tx| {
                        let mut results = Vec::new();
                        let last = paths.len().saturating_sub(1);
                        for (i, p) in paths.into_iter().enumerate() {
                            let name = p.file_name().map_or_else(
                                || p.display().to_string(),
                                |n| n.to_string_lossy().into_owned(),
                            );
                            let progress_tx = tx.clone();
                            let file = name.clone();
                            let r =
                                sync::import_file_with_progress(&mut worker, &cfg, &p, &mut |n| {
                                    let _ = progress_tx.send(Action::ImportProgress {
                                        file: file.clone(),
                                        records: n,
                                    });
                                });
                            results
                                .push(r.map_err(|e| cfg.language.file_refused(&name, &e.reason)));
                            // Each batch is folded into the database before the next, so
                            // the log never holds several; the last one after the report.
                            if i < last {
                                let _ = worker.checkpoint();
                            }
                        }
                        let _ = tx.send(Action::ImportFinished(results));
                        // After the report: the desk does not wait for it.
                        let _ = worker.checkpoint();
                    },
                    |e| Action::ImportFinished(vec![Err(e)]),
                );
                self.workers.retain(|h| !h.is_finished());
                self.workers.push(handle);
                Vec::new()
            }
            Effect::Export => {
                let mut worker = self.store.worker()?;
                let cfg = self.cfg.clone();
                let now = Utc::now().with_timezone(&self.cfg.timezone);
                let handle = spawn_worker(
                    tx,
                    move |tx| {
                        let r = sync::export_pending(&mut worker, &cfg, None, false, now)
                            .map(|o| match o {
                                ExportOutcome::Nothing => Vec::new(),
                                ExportOutcome::Written(p) => p,
                            })
                            .map_err(|e| e.to_string());
                        let _ = tx.send(Action::ExportFinished(r));
                    },
                    |e| Action::ExportFinished(Err(e)),
                );
                self.workers.retain(|h| !h.is_finished());
                self.workers.push(handle);
                Vec::new()
            }
        })
    }

    fn load(&mut self) -> Result<Loaded> {
        let scope = self.cfg.agency.clone();
        let today = self.today();
        let soon = (today, self.store.sla().calendar.add_working_days(today, 1));
        Ok(Loaded {
            counts: self.store.view_counts(today, soon)?,
            status: Some(self.store.status(&scope, today)?),
            oldest_pending: self.store.oldest_pending()?,
            drafts: self.store.draft_count()?,
        })
    }

    /// The rows of a window, made into inbox rows.
    fn window(&self, list: &ListRef, from: &From, limit: usize) -> Result<Vec<InboxRow>> {
        let rows: Vec<ComplaintRow> = match list {
            ListRef::View(v) => match from {
                From::Start => self.store.page(v, None, Direction::Forward, false, limit)?,
                From::End => self
                    .store
                    .page(v, None, Direction::Backward, false, limit)?,
                From::After(k) => self
                    .store
                    .page(v, Some(k), Direction::Forward, false, limit)?,
                From::Before(k) => {
                    self.store
                        .page(v, Some(k), Direction::Backward, false, limit)?
                }
                From::AtOrAfter(k) => {
                    self.store
                        .page(v, Some(k), Direction::Forward, true, limit)?
                }
                From::Offset(n) => self.store.page_at(v, *n, limit)?,
            },
            ListRef::Rows(all) => {
                let start = match from {
                    From::Offset(n) => *n,
                    _ => 0,
                };
                let end = (start + limit).min(all.len());
                self.store
                    .rows_by_rowid(all.get(start..end).unwrap_or_default())?
            }
        };
        let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
        let mut states: HashMap<String, Vec<OpState>> = HashMap::new();
        for (id, state) in self.store.flagged_operations(&ids)? {
            if let Some(s) = OpState::parse(&state) {
                states.entry(id).or_default().push(s);
            }
        }
        let ctx = self.store.sla().clone();
        let today = self.today();
        Ok(rows
            .iter()
            .map(|r| {
                InboxRow::new(
                    r,
                    states.get(r.id.as_str()).map_or(&[][..], Vec::as_slice),
                    &ctx,
                    today,
                )
            })
            .collect())
    }
}
