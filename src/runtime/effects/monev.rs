//! The monev pane's I/O: the figures and the drafted letters on a worker thread with
//! its own connection (progress reported as it reads; a newer request cancels an older
//! one through a shared generation number), issuing letters with the desk's own
//! connection, and the rows of an agency's overdue complaints for the inbox.

use super::Executor;
use crate::app::Action;
use crate::app::panes::monev::{MonevRequest, MonevResult};
use crate::domain::monev::Period;
use crate::monev::{self, Request, letters};
use crate::runtime::Msg;
use chrono::Utc;
use color_eyre::eyre::Result;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::Sender;

fn send(tx: &Sender<Msg>, r: MonevResult) {
    let _ = tx.send(Msg::Action(Action::Monev(r)));
}

impl Executor {
    /// Runs a request of the monev pane.
    pub(super) fn monev(&mut self, r: MonevRequest, tx: &Sender<Msg>) -> Result<Vec<Action>> {
        match r {
            MonevRequest::Figures {
                period,
                as_of,
                generation,
            } => self.monev_worker(period, as_of, generation, false, tx),
            MonevRequest::Draft { as_of, generation } => {
                let month = Period::month_of(as_of).unwrap_or(Period {
                    from: as_of,
                    to: as_of,
                });
                let period = Period { to: as_of, ..month };
                self.monev_worker(period, as_of, generation, true, tx)
            }
            MonevRequest::Issue(list) => {
                let lang = self.cfg.language;
                let dir = self
                    .cfg
                    .report_dir
                    .clone()
                    .unwrap_or_else(|| self.store.dir().join("laporan"));
                let now = Utc::now().with_timezone(&self.cfg.timezone);
                let r = letters::issue(&mut self.store, &self.cfg, list, Some(&dir), now)
                    .map_err(|e| lang.letter_error(&e));
                Ok(vec![Action::Monev(MonevResult::Issued(r))])
            }
            MonevRequest::Drill { label, ids } => {
                let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
                let rows = self.store.rowids_of(&refs)?;
                Ok(vec![Action::Monev(MonevResult::Drilled {
                    label,
                    rows: Arc::new(rows),
                })])
            }
        }
    }

    /// Computes the figures (and, for a draft, the letters) on a worker thread. Inline
    /// executors (tests, benchmarks) compute here and answer at once.
    fn monev_worker(
        &mut self,
        period: Period,
        as_of: chrono::NaiveDate,
        generation: u64,
        draft: bool,
        tx: &Sender<Msg>,
    ) -> Result<Vec<Action>> {
        self.monev_current.store(generation, Ordering::SeqCst);
        let current: Arc<AtomicU64> = self.monev_current.clone();
        let cfg = self.cfg.clone();
        let total = self.store.status(&cfg.agency, as_of)?.complaints.total;
        let work = move |store: &crate::store::Store, tx: Option<&Sender<Msg>>| {
            let req = Request {
                period,
                as_of,
                agencies: Vec::new(),
            };
            let lang = cfg.language;
            let mut progress = |read: u64| {
                if let Some(tx) = tx {
                    send(
                        tx,
                        MonevResult::Progress {
                            generation,
                            read,
                            total,
                        },
                    );
                }
                current.load(Ordering::SeqCst) == generation
            };
            let built = monev::build(store, &cfg, &req, &mut progress);
            let report = match built {
                Ok(Some(r)) => r,
                Ok(None) => return None,
                Err(e) => {
                    let e = lang.monev_error(&e);
                    return Some(if draft {
                        MonevResult::Drafted {
                            generation,
                            letters: Err(e),
                        }
                    } else {
                        MonevResult::Figures {
                            generation,
                            report: Err(e),
                        }
                    });
                }
            };
            Some(if draft {
                let letters = letters::plan(&report, &cfg, store)
                    .map(|ls| {
                        ls.into_iter()
                            .map(|l| {
                                let t = l.text(&cfg);
                                (l, t)
                            })
                            .collect()
                    })
                    .map_err(|e| lang.store_error(&e));
                MonevResult::Drafted {
                    generation,
                    letters,
                }
            } else {
                MonevResult::Figures {
                    generation,
                    report: Ok(Box::new(report)),
                }
            })
        };
        if self.is_inline() {
            return Ok(work(&self.store, None)
                .map(|r| vec![Action::Monev(r)])
                .unwrap_or_default());
        }
        let worker = self.store.worker()?;
        let handle = super::workers::spawn_worker(
            tx,
            self.cfg.language,
            move |tx| {
                if let Some(r) = work(&worker, Some(tx)) {
                    send(tx, r);
                }
            },
            Action::Failed,
        );
        self.keep(handle);
        Ok(Vec::new())
    }
}
