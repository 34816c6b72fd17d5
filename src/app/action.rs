//! What can happen to the desk: the officer's bindable commands ([`Command`]), and the
//! [`Action`]s `update` consumes — commands, typed input, and results reported back by
//! the runtime. Commands are named in `snake_case` in the config's `[keys]` table.

use crate::domain::{Agency, Clocks, Complaint, ComplaintId, Operation};
use crate::store::{ComplaintDetail, DeskStatus};
use crate::sync::ImportReport;
use chrono::{DateTime, Utc};
use ratatui_textarea::Input;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use strum::VariantArray;

/// A command a key can be bound to.
/// Every command in help order is `Command::VARIANTS`.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, VariantArray,
)]
#[serde(rename_all = "snake_case")]
pub enum Command {
    /// Next row (or scroll down).
    Down,
    /// Previous row (or scroll up).
    Up,
    /// First row.
    First,
    /// Last row.
    Last,
    /// A page down.
    PageDown,
    /// A page up.
    PageUp,
    /// Open the detail of the current row (or confirm a field).
    Open,
    /// Next pane or field.
    NextPane,
    /// Previous pane or field.
    PrevPane,
    /// The next choice of a row of choices (a reason, a stage); on the inbox, the next
    /// view.
    NextChoice,
    /// The previous choice; on the inbox, the previous view.
    PrevChoice,
    /// Next saved view.
    NextView,
    /// Previous saved view.
    PrevView,
    View1,
    View2,
    View3,
    View4,
    View5,
    View6,
    View7,
    View8,
    View9,
    /// In the detail: mark the complaint and its likely duplicates, to answer together.
    MarkDuplicates,
    /// Fuzzy filter the current view.
    Filter,
    /// The next match of the filter (bringing back the last one if it was cleared).
    NextMatch,
    /// The previous match of the filter.
    PrevMatch,
    /// In the detail: the next complaint of the list.
    NextComplaint,
    /// In the detail: the previous complaint of the list.
    PrevComplaint,
    /// Mark or unmark the current row and move down.
    Mark,
    /// Mark a range from the last marked row to the current one.
    MarkRange,
    /// Mark every row of the current (filtered) view.
    MarkAll,
    /// Clear the filter or the marks; cancel a form.
    Clear,
    /// Transfer (*bukan wewenang*) the marked rows, else the current one.
    Transfer,
    /// Respond (*tindak lanjut*) to the marked rows, else the current one.
    Respond,
    /// Hold (*tunda*): ask the reporter for missing information.
    Hold,
    /// Undo the last action (all its operations) that has not been exported.
    Undo,
    /// Queue again what the last undo took back, while nothing new was done.
    Redo,
    /// Confirm again the current complaint's operations in conflict.
    ConfirmConflicts,
    /// Discard the current complaint's operations in conflict.
    DiscardConflicts,
    /// The import pane (new batch files in the import folder).
    Import,
    /// Export every pending operation.
    Export,
    /// The monev pane: the figures per agency, the charts, the reprimands.
    Monev,
    /// In the monev pane: draft the written reprimands for review.
    Reprimand,
    /// Send the form (response, transfer, hold).
    Submit,
    /// Copy the tracking ID of the current complaint (OSC 52, on a local terminal).
    Copy,
    /// In the response pane: edit the text in `$EDITOR`.
    EditExternally,
    /// Open the last message whole.
    Message,
    /// The command palette: every command, searchable, run from there.
    Palette,
    /// The agency directory, searchable.
    Directory,
    /// Help.
    Help,
    /// Close the current pane; on the inbox, quit.
    Close,
    /// Quit from anywhere (drafts kept).
    Quit,
}

impl Command {
    /// The config name.
    pub fn name(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    }
}

/// What the mouse did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MouseKind {
    Click,
    WheelUp,
    WheelDown,
}

/// A mouse event at a screen cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mouse {
    pub kind: MouseKind,
    pub column: u16,
    pub row: u16,
}

/// Data the respond pane needs per complaint.
#[derive(Clone, Debug)]
pub struct FillData {
    pub complaint: Complaint,
    pub agency_name: String,
}

pub use crate::sync::BatchFile;

/// Everything `update` reacts to.
#[derive(Debug)]
pub enum Action {
    /// A bound command.
    Command(Command),
    /// A key typed into the focused text field or picker.
    Input(Input),
    /// The screen's size changed (width, height).
    Resize(u16, u16),
    /// A mouse click or wheel turn, at a screen cell.
    Mouse(Mouse),
    /// The text was put on the terminal's clipboard.
    Copied(String),
    /// The text came back from the external editor.
    TextEdited(String),
    /// The clipboard cannot be reached (a remote session): the text is shown instead.
    CopyRefused(String),
    /// The view counts and the desk status, (re)loaded.
    Loaded(Box<crate::app::inbox::Loaded>),
    /// The rows of a window.
    WindowLoaded {
        generation: u64,
        place: crate::app::inbox::Place,
        rows: Vec<crate::app::inbox::InboxRow>,
    },
    /// What the fuzzy filter found (cache ids, best first).
    Filtered {
        generation: u64,
        rows: std::sync::Arc<Vec<i64>>,
    },
    /// How far the filter's texts of a large view have loaded (`done` of `total`
    /// rows); `None` when they are loaded.
    FilterTexts(Option<(u64, u64)>),
    /// These complaints are now marked.
    Marked(Vec<ComplaintId>),
    /// The detail of a complaint with its clocks.
    DetailLoaded(Box<ComplaintDetail>, Clocks),
    /// The side preview's detail (a wide screen).
    PreviewLoaded(Box<ComplaintDetail>, Clocks),
    /// What the respond pane needs, and a saved draft if any.
    RespondReady {
        fills: Vec<FillData>,
        draft: Option<(String, String)>,
    },
    /// The agency directory.
    AgenciesLoaded(Vec<Agency>),
    /// The previous agencies of each complaint (for the ping-pong warning).
    HistoryLoaded(Vec<(ComplaintId, Vec<String>)>),
    /// Where the complaints being transferred most likely belong, best first.
    SuggestionsLoaded(Vec<crate::domain::routing::Suggestion>),
    /// Operations were queued.
    Queued {
        count: usize,
        what: super::QueueKind,
    },
    /// Something the officer asked for failed; the message names it.
    Failed(String),
    /// Undo finished: the operations of the action it took back (none: nothing to undo).
    Undone(Vec<Operation>),
    /// Conflicts were settled.
    ConflictsSettled(usize),
    /// The import folder was scanned.
    ImportDirScanned(Vec<BatchFile>),
    /// The import worker read this many records of this file.
    ImportProgress { file: String, records: u64 },
    /// The import worker finished.
    ImportFinished(Vec<Result<ImportReport, String>>),
    /// The export finished: the paths written, or nothing to export.
    ExportFinished(Result<Vec<PathBuf>, String>),
    /// The desk status changed.
    StatusLoaded(Box<DeskStatus>),
    /// A draft was saved (and the pane may now close).
    DraftSaved { close: bool },
    /// A draft could not be saved; the text stays in the pane.
    DraftNotSaved(String),
    /// A periodic tick carrying the current instant (drafts are saved on it).
    Tick { now: DateTime<Utc> },
    /// A result for the monev pane.
    Monev(crate::app::panes::monev::MonevResult),
}
