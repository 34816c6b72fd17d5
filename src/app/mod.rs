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
pub use inbox::{InboxRow, Loaded, Urgency, View};
pub use keymap::Keymap;
pub use update::update;

use crate::domain::{Agency, AgencyCode, Clocks, ComplaintId, Stage, WorkCalendar};
use crate::store::{ComplaintDetail, DeskStatus};
use crate::sync::OpRequest;
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, Utc};
use filter::Filter;
use forms::Form;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

/// I/O the runtime runs for `update`; results come back as actions.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Reload the inbox rows and the desk status.
    Reload,
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
    pub rows: Vec<InboxRow>,
    pub counts: [usize; 8],
    pub view: View,
    /// Indices into `rows` shown now (view, then filter).
    pub visible: Vec<usize>,
    pub cursor: usize,
    pub scroll: usize,
    /// Table rows that fit on screen (from the last resize).
    pub page: usize,
    pub marks: BTreeSet<ComplaintId>,
    /// Where a `V` range started (an index into `visible`); set by the first `V`.
    pub anchor: Option<usize>,
    pub filter: Filter,
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
            rows: Vec::new(),
            counts: [0; 8],
            view: View::NeedsAction,
            visible: Vec::new(),
            cursor: 0,
            scroll: 0,
            page: 10,
            marks: BTreeSet::new(),
            anchor: None,
            filter: Filter::default(),
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

    /// The row under the cursor.
    pub fn current(&self) -> Option<&InboxRow> {
        self.visible
            .get(self.cursor)
            .and_then(|&i| self.rows.get(i))
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

    /// How many of the given complaints are not in the visible list.
    pub fn hidden(&self, ids: &[ComplaintId]) -> usize {
        let shown: BTreeSet<&ComplaintId> = self
            .visible
            .iter()
            .filter_map(|&i| self.rows.get(i))
            .map(|r| &r.id)
            .collect();
        ids.iter().filter(|id| !shown.contains(id)).count()
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

    /// Recomputes the visible rows after the rows, the view or the filter changed,
    /// keeping the cursor on the same complaint when it is still there.
    pub fn refresh_visible(&mut self) {
        let keep = self.current().map(|r| r.id.clone());
        let base: Vec<usize> = (0..self.rows.len())
            .filter(|&i| self.rows[i].in_view(self.view))
            .collect();
        self.visible = self.filter.apply(&self.rows, &base);
        // A range start is a position in the old list: it means nothing in the new one.
        self.anchor = None;
        // The same complaint if it is still there, else the same position.
        let at = self.cursor;
        self.cursor = keep
            .and_then(|id| self.visible.iter().position(|&i| self.rows[i].id == id))
            .unwrap_or(at)
            .min(self.visible.len().saturating_sub(1));
        self.clamp_scroll();
    }

    /// Keeps the cursor on screen.
    pub fn clamp_scroll(&mut self) {
        let page = self.page.max(1);
        if self.cursor < self.scroll {
            self.scroll = self.cursor;
        } else if self.cursor >= self.scroll + page {
            self.scroll = self.cursor + 1 - page;
        }
        let max_scroll = self.visible.len().saturating_sub(page);
        self.scroll = self.scroll.min(max_scroll);
    }

    /// Replaces the rows (after a reload) and recounts the views.
    pub fn set_rows(&mut self, rows: Vec<InboxRow>) {
        self.rows = rows;
        for (n, view) in self.counts.iter_mut().zip(View::ALL) {
            *n = self.rows.iter().filter(|r| r.in_view(view)).count();
        }
        let ids: BTreeSet<&ComplaintId> = self.rows.iter().map(|r| &r.id).collect();
        self.marks.retain(|m| ids.contains(m));
        self.filter.invalidate();
        self.refresh_visible();
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
