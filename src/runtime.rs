//! The loop that ties the desk together: terminal event → key map → action →
//! `update` → effects run against the store → results fed back as actions → draw.
//! Import and export run on a worker thread with their own connection, so the screen
//! never freezes.

use crate::app::{self, Action, App, Effect, FillData, InboxRow, Keymap, Loaded, TextMode};
use crate::config::Config;
use crate::domain::OpState;
use crate::store::{ListFilter, Store};
use crate::sync::{self, ExportOutcome};
use crate::ui::{self, Theme};
use chrono::{NaiveDate, Utc};
use color_eyre::eyre::{Result, WrapErr};
use crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use std::collections::{HashMap, VecDeque};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// Runs the desk until the officer quits.
pub fn run(cfg: Config, store: Store, today: Option<NaiveDate>) -> Result<()> {
    let keymap = Keymap::new(&cfg.keys).wrap_err("the key bindings in the config")?;
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let theme = Theme::new(cfg.theme, no_color);
    let now = Utc::now().with_timezone(&cfg.timezone);
    let mut app = App::new(
        cfg.language == crate::config::Language::En,
        today.unwrap_or(now.date_naive()),
        cfg.agency.clone(),
        cfg.officer.clone(),
        keymap,
        cfg.templates.clone(),
    );
    app.calendar = cfg.calendar();
    app.tz = cfg.timezone;
    app.now = Utc::now();
    let mut rt = Runtime {
        cfg,
        store,
        fixed_today: today,
        workers: Vec::new(),
    };
    let (tx, rx) = channel();
    let mut terminal = crate::tui::enter();
    let _guard = crate::tui::Guard;
    let size = terminal.size()?;
    let mut pending: VecDeque<Action> = VecDeque::from([Action::Resize(size.width, size.height)]);
    for e in [Effect::Reload, Effect::LoadAgencies] {
        pending.extend(rt.run(e, &tx));
    }
    let mut last_tick = Instant::now();
    loop {
        // Every action, and every action its effects produce, until none is left.
        let dirty = !pending.is_empty();
        while let Some(a) = pending.pop_front() {
            for e in app::update(&mut app, a) {
                pending.extend(rt.run(e, &tx));
            }
        }
        if app.quit {
            break;
        }
        // Redraw only when something happened.
        if dirty {
            terminal.draw(|f| ui::draw(f, &app, &theme))?;
        }
        let timeout = Duration::from_millis(250);
        if event::poll(timeout)? {
            match event::read()? {
                Event::Key(k) if k.kind != KeyEventKind::Release => {
                    if let Some(a) = key_action(&app, &k) {
                        pending.push_back(a);
                    }
                }
                Event::Resize(w, h) => pending.push_back(Action::Resize(w, h)),
                _ => {}
            }
        }
        pending.extend(drain(&rx));
        if last_tick.elapsed() >= Duration::from_secs(1) {
            last_tick = Instant::now();
            app.now = Utc::now();
            pending.push_back(Action::Tick);
        }
    }
    // Save an open draft before leaving, and say so if that fails.
    for e in app::update(&mut app, Action::Tick) {
        for a in rt.run(e, &tx) {
            if let Action::DraftNotSaved(err) = a {
                return Err(color_eyre::eyre::eyre!(
                    "the open response draft could not be saved: {err}"
                ));
            }
        }
    }
    rt.wait_for_workers();
    Ok(())
}

fn drain(rx: &Receiver<Action>) -> Vec<Action> {
    let mut out = Vec::new();
    while let Ok(a) = rx.try_recv() {
        out.push(a);
    }
    out
}

/// Resolves a key: text fields take typed keys; everything else goes through the
/// key map.
pub fn key_action(app: &App, k: &event::KeyEvent) -> Option<Action> {
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && k.code == KeyCode::Char('c') {
        return Some(Action::Command(app::Command::Quit));
    }
    let mode = app.text_mode();
    if mode != TextMode::None {
        use app::Command as C;
        let plain_char =
            matches!(k.code, KeyCode::Char(_)) && !ctrl && !k.modifiers.contains(KeyModifiers::ALT);
        // Bound keys that make sense in a text field (never a plain letter: that is text).
        let bound = app.keymap.command(k).filter(|c| {
            !plain_char
                && match c {
                    C::Submit | C::Clear | C::NextPane | C::PrevPane | C::Quit => true,
                    C::Open | C::Up | C::Down | C::PageUp | C::PageDown => mode == TextMode::Line,
                    _ => false,
                }
        });
        // The fixed keys of a text field, whatever the bindings.
        let fixed = match k.code {
            KeyCode::Esc => Some(C::Clear),
            KeyCode::Tab => Some(C::NextPane),
            KeyCode::BackTab => Some(C::PrevPane),
            KeyCode::Char('s') if ctrl => Some(C::Submit),
            KeyCode::Enter if mode == TextMode::Line => Some(C::Open),
            _ => None,
        };
        return Some(match bound.or(fixed) {
            Some(c) => Action::Command(c),
            None => Action::Input((*k).into()),
        });
    }
    app.keymap.command(k).map(Action::Command)
}

struct Runtime {
    cfg: Config,
    store: Store,
    fixed_today: Option<NaiveDate>,
    /// Import and export threads still running.
    workers: Vec<JoinHandle<()>>,
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

impl Runtime {
    /// Waits for running imports and exports (each is one transaction; leaving in the
    /// middle would only waste the work, but an export must reach its rename).
    fn wait_for_workers(&mut self) {
        for w in self.workers.drain(..) {
            let _ = w.join();
        }
    }

    fn today(&self) -> NaiveDate {
        self.fixed_today
            .unwrap_or_else(|| Utc::now().with_timezone(&self.cfg.timezone).date_naive())
    }

    /// Runs one effect; returns the actions it produced now (worker results arrive on
    /// the channel later).
    fn run(&mut self, effect: Effect, tx: &Sender<Action>) -> Vec<Action> {
        match self.try_run(effect, tx) {
            Ok(actions) => actions,
            Err(e) => vec![Action::Failed(format!("{e:#}"))],
        }
    }

    fn try_run(&mut self, effect: Effect, tx: &Sender<Action>) -> Result<Vec<Action>> {
        Ok(match effect {
            Effect::Reload => vec![Action::Loaded(Box::new(self.load()?))],
            Effect::LoadDetail(id) => match self.store.complaint(id.as_str())? {
                Some(d) => {
                    let clocks = self.store.sla().clocks(&d.row.facts(self.store.sla()));
                    vec![Action::DetailLoaded(Box::new(d), clocks)]
                }
                None => vec![Action::Failed(format!("unknown complaint {id}"))],
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
                vec![Action::Undone(op.map(|o| {
                    format!("{} {}", o.kind.type_name(), o.complaint_id)
                }))]
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
                    Action::Failed("no import folder: set `import_dir` in the config".into()),
                ],
            },
            Effect::Import(paths) => {
                let mut worker = self.store.worker()?;
                let cfg = self.cfg.clone();
                let handle = spawn_worker(
                    tx,
                    move |tx| {
                        let mut results = Vec::new();
                        for p in paths {
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
                            results.push(r.map_err(|e| format!("{name}: rejected: {}", e.reason)));
                        }
                        let _ = tx.send(Action::ImportFinished(results));
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
        let rows = self.store.list(&ListFilter::default())?;
        let mut ops: HashMap<String, Vec<(String, OpState)>> = HashMap::new();
        for (c, kind, state) in self.store.open_operation_states()? {
            if let Some(s) = OpState::parse(&state) {
                ops.entry(c).or_default().push((kind, s));
            }
        }
        let ctx = self.store.sla().clone();
        let rows: Vec<InboxRow> = rows
            .iter()
            .map(|r| {
                InboxRow::new(
                    r,
                    ops.get(r.id.as_str()).map_or(&[][..], Vec::as_slice),
                    &ctx,
                    today,
                )
            })
            .collect();
        Ok(Loaded {
            rows,
            status: self.store.status(&scope, today)?,
            oldest_pending: self.store.oldest_pending()?,
            drafts: self.store.draft_count()?,
        })
    }
}
