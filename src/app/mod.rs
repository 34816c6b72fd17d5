//! The desk's state and its one `update`: an [`Action`] comes in, the state changes,
//! and [`Effect`]s go out for the runtime to run against the store. No terminal, no
//! SQL: everything here is tested with plain values.
//!
//! The state is split by lifetime: the [`Session`] (config, calendar, clock, language)
//! is fixed for the desk's run but for the clock; the [`InboxState`] is the list the
//! officer moves in; [`Loaded`] is what the store last reported; the [`PaneStack`] holds
//! every pane open over the inbox, the top one having the keyboard. Each pane is one
//! module under [`panes`], holding its state, keys, hints and drawing.

pub mod action;
mod common;
pub mod effect;
pub mod filter;
pub mod history;
pub mod inbox;
pub mod keymap;
pub mod panes;
pub mod session;
mod update;

pub use action::{Action, BatchFile, Command, FillData, Mouse, MouseKind};
pub use effect::{Effect, QueueKind};
pub use inbox::{
    From, InboxRow, InboxState, ListRef, Loaded, Place, SlaClock, Urgency, View, Window,
};
pub use keymap::Keymap;
pub use panes::{Pane, PaneStack};
pub use session::Session;
pub use update::update;

use crate::config::Config;
use crate::domain::{Agency, ComplaintId};
use crate::i18n::{Lang, Texts};
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::BTreeSet;

/// How the focused pane takes typed keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextMode {
    /// Keys are commands.
    None,
    /// A one-line field: Enter confirms, arrows move in a picker.
    Line,
    /// A multi-line editor: Enter is a new line, Ctrl-s sends.
    Multi,
}

/// What kind of message the status bar shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Work the officer asked for was done (a tick).
    Done,
    /// Something to know (no tick: nothing was done).
    Info,
    /// Work was refused or failed (a cross, in red).
    Error,
}

/// The last message in the status bar. It stays until dismissed (`Esc` on the inbox)
/// or replaced; a success or information gives way to the key hints of a pane opened
/// after it (`depth` is how many panes were open when it was said).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub kind: Kind,
    pub depth: usize,
}

impl Notice {
    pub fn is_error(&self) -> bool {
        self.kind == Kind::Error
    }
}

/// Everything the desk shows.
pub struct App {
    pub session: Session,
    pub inbox: InboxState,
    /// The view counts and desk status the store last reported.
    pub loaded: Loaded,
    /// The agency directory.
    pub agencies: Vec<Agency>,
    /// The panes open over the inbox; the last one has the keyboard.
    pub panes: PaneStack,
    pub notice: Option<Notice>,
    /// What undo took back, for redo.
    pub history: history::History,
    /// An export is running on the worker thread.
    pub exporting: bool,
    pub quit: bool,
}

impl App {
    /// A desk with nothing loaded yet, for the configured office at `now`. A fixed
    /// `today` (the demo, the tests) overrides the date `now` falls on.
    pub fn from_config(
        cfg: &Config,
        keymap: Keymap,
        now: DateTime<Utc>,
        today: Option<NaiveDate>,
    ) -> App {
        App::with_session(Session::from_config(cfg, keymap, now, today))
    }

    /// A desk with nothing loaded yet.
    pub fn with_session(session: Session) -> App {
        App {
            session,
            inbox: InboxState::default(),
            loaded: Loaded::default(),
            agencies: Vec::new(),
            panes: PaneStack::default(),
            notice: None,
            history: history::History::default(),
            exporting: false,
            quit: false,
        }
    }

    /// The desk's language.
    pub fn lang(&self) -> Lang {
        self.session.lang
    }

    /// The desk's fixed texts.
    pub fn t(&self) -> &'static Texts {
        self.session.lang.t()
    }

    /// The row under the cursor (when its window is loaded).
    pub fn current(&self) -> Option<&InboxRow> {
        self.inbox.window.get(self.inbox.cursor)
    }

    /// What an action applies to: the marked rows, else `shown` (the complaint a
    /// detail shows), else the row under the cursor.
    pub fn targets(&self, shown: Option<&ComplaintId>) -> Vec<ComplaintId> {
        if !self.inbox.marks.is_empty() {
            return self.inbox.marks.iter().cloned().collect();
        }
        if let Some(id) = shown {
            return vec![id.clone()];
        }
        self.current()
            .map(|r| vec![r.id.clone()])
            .unwrap_or_default()
    }

    /// How many of the given complaints are not among the rows held around the cursor
    /// (the officer may not have seen them).
    pub fn hidden(&self, ids: &[ComplaintId]) -> usize {
        let near: BTreeSet<&ComplaintId> = self.inbox.window.rows.iter().map(|r| &r.id).collect();
        ids.iter().filter(|id| !near.contains(id)).count()
    }

    /// How the focused pane takes keys.
    pub fn text_mode(&self) -> TextMode {
        match self.panes.top() {
            Some(p) => p.component().text_mode(),
            None if self.inbox.filter.editing => TextMode::Line,
            None => TextMode::None,
        }
    }

    fn tell(&mut self, text: impl Into<String>, kind: Kind) {
        self.notice = Some(Notice {
            text: text.into(),
            kind,
            depth: self.panes.depth(),
        });
    }

    /// Shows something to know in the status bar.
    pub fn say(&mut self, text: impl Into<String>) {
        self.tell(text, Kind::Info);
    }

    /// Shows that work the officer asked for was done.
    pub fn done(&mut self, text: impl Into<String>) {
        self.tell(text, Kind::Done);
    }

    /// Shows an error in the status bar (it stays until dismissed).
    pub fn fail(&mut self, text: impl Into<String>) {
        self.tell(text, Kind::Error);
    }
}
