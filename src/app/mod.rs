//! The desk's state and its one `update`: an [`Action`] comes in, the state changes,
//! and [`Effect`]s go out for the runtime to run against the store. No terminal, no
//! SQL: everything here is tested with plain values.

pub mod action;
pub mod filter;
pub mod forms;
pub mod inbox;
pub mod keymap;
mod update;

pub use action::{Action, BatchFile, Command, FillData};
pub use inbox::{From, InboxRow, ListRef, Loaded, Place, Urgency, View, Window};
pub use keymap::Keymap;
pub use update::update;

use crate::domain::{Agency, AgencyCode, Clocks, ComplaintId, Stage, WorkCalendar};
use crate::store::{ComplaintDetail, DeskStatus};
use crate::sync::OpRequest;
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, Utc};
use filter::FilterInput;
use forms::Form;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

/// I/O the runtime runs for `update`; results come back as actions.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Reload the view counts and the desk status (the window follows).
    Reload,
    /// Load the rows of a window of the list.
    LoadWindow {
        list: ListRef,
        from: From,
        place: Place,
        limit: usize,
        generation: u64,
    },
    /// Run the fuzzy filter over a view (off the UI thread; a newer query cancels it).
    /// Without a query, only load the view's texts so the first keystroke is quick.
    Filter {
        view: crate::store::ViewQuery,
        query: Option<String>,
        generation: u64,
    },
    /// Mark every row of the list.
    MarkAll(ListRef),
    /// Mark the rows of a view between two keys.
    MarkRange {
        view: crate::store::ViewQuery,
        from: String,
        to: String,
    },
    /// Load one complaint's detail.
    LoadDetail(ComplaintId),
    /// Load the agency directory.
    LoadAgencies,
    /// Load the earlier agencies of these complaints.
    LoadHistory(Vec<ComplaintId>),
    /// Load what the respond pane needs (and a saved draft for a single complaint).
    PrepareRespond(Vec<ComplaintId>),
    /// Commit operations (all or none).
    Queue {
        requests: Vec<OpRequest>,
        what: &'static str,
        /// Drafts to delete once queued.
        clear_drafts: Vec<ComplaintId>,
    },
    /// Save a response draft (under each complaint it is for).
    SaveDraft {
        ids: Vec<ComplaintId>,
        stage: Stage,
        text: String,
        /// Close the response pane once it is saved.
        close: bool,
    },
    /// Undo the last unexported operation.
    Undo,
    /// Confirm again (or discard) a complaint's operations in conflict.
    Conflicts { id: ComplaintId, confirm: bool },
    /// List the batch files in the import folder.
    ScanImportDir,
    /// Import these files on the worker thread.
    Import(Vec<PathBuf>),
    /// Export every pending operation on the worker thread.
    Export,
}

/// Which pane has the keyboard (overlays first).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    Inbox,
    Detail,
    Form,
    Import,
    Help,
    Confirm,
}

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

/// What a confirmed question does.
#[derive(Debug, Clone, PartialEq)]
pub enum OnYes {
    Run(Effect),
    Quit,
}

/// A question asked once before bulk work (or before quitting with drafts).
#[derive(Debug, Clone, PartialEq)]
pub struct Confirm {
    pub question: String,
    pub on_yes: OnYes,
}

/// The detail pane.
#[derive(Debug, Clone)]
pub struct Detail {
    pub data: Box<ComplaintDetail>,
    pub clocks: Clocks,
    pub scroll: u16,
}

/// The help overlay.
#[derive(Debug, Clone, Default)]
pub struct Help {
    pub query: String,
    pub scroll: u16,
}

/// The import pane.
#[derive(Debug, Clone, Default)]
pub struct ImportPane {
    pub files: Vec<BatchFile>,
    pub running: bool,
    pub progress: Option<(String, u64)>,
    pub results: Vec<String>,
}

/// The last message in the status bar; errors stay until dismissed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub error: bool,
}

/// Everything the desk shows.
pub struct App {
    pub en: bool,
    pub today: NaiveDate,
    /// The current instant (for ages in the status bar); the runtime advances it.
    pub now: DateTime<Utc>,
    /// The working-day calendar the clocks count with.
    pub calendar: WorkCalendar,
    /// The desk's time zone, for the times it shows.
    pub tz: FixedOffset,
    pub scope: Vec<AgencyCode>,
    pub officer: String,
    pub keymap: Keymap,
    pub templates: BTreeMap<String, String>,
    /// How many complaints each view holds (maintained by the store).
    pub counts: [usize; 8],
    pub view: View,
    /// The rows around the cursor.
    pub window: Window,
    /// How many rows the current list has.
    pub total: usize,
    /// What the fuzzy filter found (cache ids, best first), when a filter is in force.
    pub found: Option<std::sync::Arc<Vec<i64>>>,
    /// Numbers window requests, so a late answer to an older one is ignored.
    pub generation: u64,
    /// Numbers filter requests likewise.
    pub filter_generation: u64,
    /// The cursor's position in the list.
    pub cursor: usize,
    pub scroll: usize,
    /// Table rows that fit on screen (from the last resize).
    pub page: usize,
    pub marks: BTreeSet<ComplaintId>,
    /// Where a `V` range started: its position and its row's sort key (for the fuzzy
    /// filter's list, its tracking ID); set by the first `V`.
    pub anchor: Option<(usize, String, ComplaintId)>,
    pub filter: FilterInput,
    pub focus: Focus,
    pub detail: Option<Detail>,
    pub form: Option<Form>,
    pub confirm: Option<Confirm>,
    pub help: Option<Help>,
    /// The pane the help was opened from (it lists that pane's keys first).
    pub help_for: Focus,
    pub import: Option<ImportPane>,
    pub status: Option<DeskStatus>,
    pub oldest_pending: Option<String>,
    pub drafts: usize,
    pub notice: Option<Notice>,
    pub agencies: Vec<Agency>,
    /// An export is running on the worker thread.
    pub exporting: bool,
    pub quit: bool,
}

impl App {
    /// A desk with nothing loaded yet.
    pub fn new(
        en: bool,
        today: NaiveDate,
        scope: Vec<AgencyCode>,
        officer: String,
        keymap: Keymap,
        templates: BTreeMap<String, String>,
    ) -> App {
        App {
            en,
            today,
            now: today.and_time(NaiveTime::MIN).and_utc(),
            calendar: WorkCalendar::weekends_only(),
            tz: crate::config::wib(),
            scope,
            officer,
            keymap,
            templates,
            counts: [0; 8],
            view: View::NeedsAction,
            window: Window::default(),
            total: 0,
            found: None,
            generation: 0,
            filter_generation: 0,
            cursor: 0,
            scroll: 0,
            page: 10,
            marks: BTreeSet::new(),
            anchor: None,
            filter: FilterInput::default(),
            focus: Focus::Inbox,
            detail: None,
            form: None,
            confirm: None,
            help: None,
            help_for: Focus::Inbox,
            import: None,
            status: None,
            oldest_pending: None,
            drafts: 0,
            notice: None,
            agencies: Vec::new(),
            exporting: false,
            quit: false,
        }
    }

    /// A label in the desk's language.
    pub fn t(&self, id: &'static str, en: &'static str) -> &'static str {
        if self.en { en } else { id }
    }

    /// The row under the cursor (when its window is loaded).
    pub fn current(&self) -> Option<&InboxRow> {
        self.window.get(self.cursor)
    }

    /// What an action applies to: the marked rows, else the current one.
    /// In the detail pane, "the current one" is the complaint on screen.
    pub fn targets(&self) -> Vec<ComplaintId> {
        if !self.marks.is_empty() {
            return self.marks.iter().cloned().collect();
        }
        if self.focus == Focus::Detail
            && let Some(d) = &self.detail
        {
            return vec![d.data.row.id.clone()];
        }
        self.current()
            .map(|r| vec![r.id.clone()])
            .unwrap_or_default()
    }

    /// How many of the given complaints are not among the rows held around the cursor
    /// (the officer may not have seen them).
    pub fn hidden(&self, ids: &[ComplaintId]) -> usize {
        let near: BTreeSet<&ComplaintId> = self.window.rows.iter().map(|r| &r.id).collect();
        ids.iter().filter(|id| !near.contains(id)).count()
    }

    /// How the focused pane takes keys.
    pub fn text_mode(&self) -> TextMode {
        match self.focus {
            Focus::Inbox if self.filter.editing => TextMode::Line,
            Focus::Help => TextMode::Line,
            Focus::Form => match &self.form {
                Some(Form::Transfer(f)) if f.field == 0 => TextMode::Line,
                Some(Form::Transfer(f)) if f.field == 2 => TextMode::Line,
                Some(Form::Respond(f)) if f.field == 2 => TextMode::Multi,
                Some(Form::Hold(_)) => TextMode::Line,
                _ => TextMode::None,
            },
            _ => TextMode::None,
        }
    }

    /// The store's query for a saved view, on today's date.
    pub fn view_query(&self, view: View) -> crate::store::ViewQuery {
        use crate::store::ViewQuery as Q;
        match view {
            View::NeedsAction => Q::NeedsAction,
            // Due today or by the next working day (*sisa 1 HK*).
            View::DueSoon => {
                Q::DueBetween(self.today, self.calendar.add_working_days(self.today, 1))
            }
            View::Late => Q::DueBefore(self.today),
            View::InProgress => Q::Status("diproses".into()),
            View::Done => Q::Status("selesai".into()),
            View::Transferred => Q::Transferred,
            View::Outbox => Q::Outbox,
            View::All => Q::All,
        }
    }

    /// The list shown now.
    pub fn list(&self) -> ListRef {
        match &self.found {
            Some(rows) => ListRef::Rows(rows.clone()),
            None => ListRef::View(self.view_query(self.view)),
        }
    }

    /// How many rows a window holds: a few screens.
    pub fn window_size(&self) -> usize {
        (self.page.max(1) * 3).max(60)
    }

    /// The window to load so that the cursor's row is held, if it is not.
    pub fn window_effect(&mut self) -> Option<Effect> {
        if self.total == 0 {
            self.window = Window::default();
            return None;
        }
        self.cursor = self.cursor.min(self.total - 1);
        if self.window.holds(self.cursor) {
            return None;
        }
        let w = self.window_size();
        let list = self.list();
        let (from, place) = match &list {
            ListRef::Rows(_) => {
                let start = self.cursor - self.cursor % w;
                (From::Offset(start), Place::StartsAt(start))
            }
            ListRef::View(_) => {
                let end = self.window.start + self.window.rows.len();
                let first = self.window.rows.first().map(|r| r.sort_key.clone());
                let last = self.window.rows.last().map(|r| r.sort_key.clone());
                if self.cursor < w {
                    (From::Start, Place::StartsAt(0))
                } else if self.cursor + w >= self.total {
                    (From::End, Place::EndsAt(self.total))
                } else if let Some(k) = last.filter(|_| self.cursor >= end && self.cursor < end + w)
                {
                    (From::After(k), Place::StartsAt(end))
                } else if let Some(k) = first.filter(|_| {
                    self.cursor < self.window.start && self.cursor + w >= self.window.start
                }) {
                    (From::Before(k), Place::EndsAt(self.window.start))
                } else {
                    let start = self.cursor.saturating_sub(w / 2);
                    (From::Offset(start), Place::StartsAt(start))
                }
            }
        };
        self.generation += 1;
        Some(Effect::LoadWindow {
            list,
            from,
            place,
            limit: w,
            generation: self.generation,
        })
    }

    /// Loads the window again where it is (after the list changed), or from the start.
    pub fn reload_window(&mut self) -> Option<Effect> {
        if self.total == 0 {
            self.window = Window::default();
            self.cursor = 0;
            self.scroll = 0;
            return None;
        }
        self.cursor = self.cursor.min(self.total - 1);
        self.generation += 1;
        let list = self.list();
        let (from, place) = match (&list, self.window.rows.first()) {
            (ListRef::View(_), Some(first)) => (
                From::AtOrAfter(first.sort_key.clone()),
                Place::StartsAt(self.window.start),
            ),
            (ListRef::Rows(_), Some(_)) => (
                From::Offset(self.window.start),
                Place::StartsAt(self.window.start),
            ),
            (_, None) => (From::Start, Place::StartsAt(0)),
        };
        Some(Effect::LoadWindow {
            list,
            from,
            place,
            limit: self.window_size(),
            generation: self.generation,
        })
    }

    /// Keeps the cursor on screen.
    pub fn clamp_scroll(&mut self) {
        let page = self.page.max(1);
        if self.cursor < self.scroll {
            self.scroll = self.cursor;
        } else if self.cursor >= self.scroll + page {
            self.scroll = self.cursor + 1 - page;
        }
        let max_scroll = self.total.saturating_sub(page);
        self.scroll = self.scroll.min(max_scroll);
    }

    /// The list changed (view, filter or a reload): count it and load its window.
    pub fn list_changed(&mut self, keep_place: bool) -> Vec<Effect> {
        self.anchor = None;
        self.total = match &self.found {
            Some(rows) => rows.len(),
            None => self.counts[self.view.index()],
        };
        if !keep_place {
            self.cursor = 0;
            self.scroll = 0;
            self.window = Window::default();
        }
        self.clamp_scroll();
        self.reload_window().into_iter().collect()
    }

    /// Shows a message in the status bar.
    pub fn say(&mut self, text: impl Into<String>) {
        self.notice = Some(Notice {
            text: text.into(),
            error: false,
        });
    }

    /// Shows an error in the status bar (it stays until dismissed).
    pub fn fail(&mut self, text: impl Into<String>) {
        self.notice = Some(Notice {
            text: text.into(),
            error: true,
        });
    }
}
