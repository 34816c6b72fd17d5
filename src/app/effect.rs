//! The I/O `update` asks the runtime for. Results come back as [`super::Action`]s.

use super::inbox::{From, ListRef, Place};
use crate::domain::{ComplaintId, Stage};
use crate::store::ViewQuery;
use crate::sync::OpRequest;
use std::path::PathBuf;

/// What kind of operations a queue holds (for the message that says they were queued).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QueueKind {
    Transfers,
    Responses,
    Holds,
}

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
        view: ViewQuery,
        query: Option<String>,
        generation: u64,
    },
    /// Mark every row of the list.
    MarkAll(ListRef),
    /// Mark the rows of a view between two keys.
    MarkRange {
        view: ViewQuery,
        from: String,
        to: String,
    },
    /// Load one complaint's detail.
    LoadDetail(ComplaintId),
    /// Load one complaint's detail for the side preview of a wide screen.
    LoadPreview(ComplaintId),
    /// Load the agency directory.
    LoadAgencies,
    /// Load the earlier agencies of these complaints.
    LoadHistory(Vec<ComplaintId>),
    /// Load what the respond pane needs (and a saved draft for a single complaint).
    PrepareRespond(Vec<ComplaintId>),
    /// Commit operations (all or none).
    Queue {
        requests: Vec<OpRequest>,
        what: QueueKind,
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
    /// Put this text on the terminal's clipboard.
    Copy(String),
    /// Edit this text in the officer's own editor (the runtime hands it the terminal).
    EditText(String),
    /// The monev pane's figures, letters and drill-down.
    Monev(crate::app::panes::monev::MonevRequest),
}
