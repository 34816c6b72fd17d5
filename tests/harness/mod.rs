//! A desk driven the way the runtime drives it, for the tests that draw it: a real
//! temporary cache, the app built as `main` builds it, and every effect answered by the
//! runtime's own `Executor`, with the status bar's wall-clock import time blanked.
#![allow(dead_code)]

use crate::common::Desk;
use chrono::NaiveTime;
use ratatui_textarea::{Input, Key as TKey};
use sigap::app::{Action, App, Command, Effect, Keymap, update};
use sigap::runtime::Executor;

/// Which effects a test lets reach the cache.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effects {
    /// All of them.
    All,
    /// Only those that read (a snapshot must not change the cache): a write panics and
    /// the import folder reads as empty.
    ReadOnly,
}

/// The app and the cache behind it.
pub struct Harness {
    pub exec: Executor,
    /// Keeps the cache's folder alive.
    _dir: tempfile::TempDir,
    pub app: App,
    effects: Effects,
}

impl Harness {
    /// The desk on `desk`'s cache, sized `w`×`h` from the start, with its first load.
    pub fn new(desk: Desk, w: u16, h: u16, effects: Effects) -> Harness {
        let now = Desk::today().and_time(NaiveTime::MIN).and_utc();
        let app = App::from_config(&desk.cfg, Keymap::defaults(), now, Some(Desk::today()));
        let Desk {
            store, cfg, dir, ..
        } = desk;
        let mut harness = Harness {
            exec: Executor::inline(cfg, store, Some(Desk::today())),
            _dir: dir,
            app,
            effects,
        };
        harness.feed(Action::Resize(w, h));
        harness.run_effect(Effect::Reload);
        harness
    }

    /// Runs an effect as the runtime does and returns the actions it answers with.
    pub fn run(&mut self, effect: Effect) -> Vec<Action> {
        let effect = match (self.effects, effect) {
            (Effects::ReadOnly, Effect::ScanImportDir) => {
                return vec![Action::ImportDirScanned(Vec::new())];
            }
            (
                Effects::ReadOnly,
                e @ (Effect::Queue { .. }
                | Effect::SaveDraft { .. }
                | Effect::Undo
                | Effect::Conflicts { .. }
                | Effect::Import(_)
                | Effect::Export),
            ) => panic!("a read-only test ran an effect that writes: {e:?}"),
            (_, e) => e,
        };
        let (tx, _rx) = std::sync::mpsc::channel();
        self.exec
            .run(effect, &tx)
            .into_iter()
            .map(|a| match a {
                Action::Loaded(mut l) => {
                    if let Some(s) = &mut l.status {
                        s.last_import = None;
                    }
                    Action::Loaded(l)
                }
                other => other,
            })
            .collect()
    }

    /// Runs an effect and feeds back what it answers.
    pub fn run_effect(&mut self, e: Effect) {
        for a in self.run(e) {
            self.feed(a);
        }
    }

    /// Feeds an action and everything its effects produce, as the loop does.
    pub fn feed(&mut self, action: Action) {
        for e in update(&mut self.app, action) {
            self.run_effect(e);
        }
    }

    pub fn cmd(&mut self, c: Command) {
        self.feed(Action::Command(c));
    }

    /// Types text into the focused field.
    pub fn typed(&mut self, s: &str) {
        for c in s.chars() {
            self.feed(Action::Input(Input {
                key: TKey::Char(c),
                ctrl: false,
                alt: false,
                shift: false,
            }));
        }
    }

    /// Moves the cursor onto a complaint of the current view.
    pub fn goto(&mut self, id: &str) {
        self.cmd(Command::First);
        for _ in 0..self.app.inbox.total {
            if self.app.current().is_some_and(|r| r.id.as_str() == id) {
                return;
            }
            self.cmd(Command::Down);
        }
        panic!("{id:?} is not in the current view");
    }
}
