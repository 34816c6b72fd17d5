//! What the inbox and the detail share: opening the action panes on the marked rows
//! (else the complaint shown, else the current row), switching views, undo, import,
//! export; asking once before bulk work; and small key helpers for the panes.

use super::panes::confirm::{ConfirmPane, OnYes};
use super::panes::hold::HoldPane;
use super::panes::import::ImportPane;
use super::panes::respond::RespondPane;
use super::panes::transfer::TransferPane;
use super::panes::{Pane, Reply};
use super::{App, Command, Effect, QueueKind, View};
use crate::domain::ComplaintId;
use crate::domain::template::all_templates;
use crate::sync::OpRequest;
use ratatui_textarea::{Input, Key as TKey};

/// The complaint a detail shows, for the commands that act on it.
#[derive(Clone, Copy)]
pub struct Shown<'a> {
    pub id: &'a ComplaintId,
    pub in_scope: bool,
}

/// The character a key types into a text field, if it types one.
pub fn typed_char(input: &Input) -> Option<char> {
    match input.key {
        TKey::Char(c) if !input.ctrl && !input.alt => Some(c),
        _ => None,
    }
}

/// Applies a key to a one-line text (a query, a typed period): a typed character is
/// added while the text is under `max` characters, Backspace takes the last one off.
/// Returns whether the text changed.
pub fn edit_line(text: &mut String, input: &Input, max: usize) -> bool {
    match (typed_char(input), input.key) {
        (Some(c), _) if text.chars().count() < max => {
            text.push(c);
            true
        }
        (None, TKey::Backspace) => text.pop().is_some(),
        _ => false,
    }
}

/// The next (or previous) of `n` choices, wrapping around.
pub fn cycle(i: usize, n: usize, forward: bool) -> usize {
    if forward {
        (i + 1) % n
    } else {
        (i + n - 1) % n
    }
}

/// The field after (or before) `at` in a pane's `Tab` order, wrapping around.
pub fn step<T: Copy + PartialEq>(order: &[T], at: T, forward: bool) -> T {
    let i = order.iter().position(|f| *f == at).unwrap_or(0);
    order[cycle(i, order.len(), forward)]
}

/// Sends an action pane: its requests are queued (asking first when `ask` would), or
/// the reason they cannot be goes to the status bar and the pane stays.
pub fn submit(
    app: &mut App,
    built: Result<Vec<OpRequest>, String>,
    what: QueueKind,
    clear_drafts: Vec<ComplaintId>,
    question: impl FnOnce(&App, usize) -> String,
) -> Reply {
    match built {
        Err(e) => {
            app.fail(e);
            Reply::stay(Vec::new())
        }
        Ok(requests) => {
            let n = requests.len();
            let q = question(app, n);
            let effect = Effect::Queue {
                requests,
                what,
                clear_drafts,
            };
            ask(app, n, q, effect)
        }
    }
}

/// Asks once when `effect` touches several complaints, or any the officer cannot see
/// in the current list; runs it directly for the one on screen.
pub fn ask(app: &mut App, count: usize, question: String, effect: Effect) -> Reply {
    let hidden = match &effect {
        // Asked over a detail with nothing marked: the complaint is on screen.
        Effect::Queue { .. }
            if app
                .panes
                .find::<super::panes::detail::DetailPane>()
                .is_some()
                && app.inbox.marks.is_empty() =>
        {
            0
        }
        Effect::Queue { requests, .. } => {
            let ids: Vec<_> = requests.iter().map(|r| r.complaint_id.clone()).collect();
            app.hidden(&ids)
        }
        _ => 0,
    };
    let question = if hidden > 0 {
        format!("{question}{}", app.lang().hidden_note(hidden))
    } else {
        question
    };
    if count > 1 || hidden > 0 {
        let confirm = ConfirmPane {
            question,
            on_yes: OnYes::Run(effect),
        };
        Reply::open(confirm.into(), Vec::new())
    } else {
        Reply::stay(vec![effect])
    }
}

/// Commands shared by the inbox and the detail (`shown` is the detail's complaint);
/// `None` when the command is not one of them.
pub fn common(app: &mut App, cmd: Command, shown: Option<Shown<'_>>) -> Option<Reply> {
    let reply = match cmd {
        Command::Transfer | Command::Respond | Command::Hold => {
            return Some(open_action(app, cmd, shown));
        }
        Command::Undo => Reply::stay(vec![Effect::Undo]),
        Command::Copy => {
            let id = shown
                .map(|s| s.id.clone())
                .or_else(|| app.current().map(|r| r.id.clone()));
            Reply::stay(id.map(|id| Effect::Copy(id.0)).into_iter().collect())
        }
        Command::Directory => Reply::open(
            Pane::Directory(super::panes::directory::DirectoryPane::default()),
            vec![Effect::LoadAgencies],
        ),
        Command::Message => match app.notice.as_ref() {
            Some(n) => Reply::open(
                Pane::Message(super::panes::message::MessagePane {
                    text: n.text.clone(),
                }),
                Vec::new(),
            ),
            None => {
                app.say(app.t().no_message);
                Reply::stay(Vec::new())
            }
        },
        Command::Redo => Reply::stay(app.redo()),
        Command::Monev => super::panes::monev::open(app),
        Command::Import => Reply::open(
            Pane::Import(ImportPane::default()),
            vec![Effect::ScanImportDir],
        ),
        Command::Export if app.exporting => {
            app.say(app.t().export_running);
            Reply::stay(Vec::new())
        }
        Command::Export => {
            let pending = app
                .loaded
                .status
                .as_ref()
                .map_or(0, |s| s.pending_operations) as usize;
            let q = app.lang().export_question(pending);
            ask(app, pending.max(2), q, Effect::Export)
        }
        Command::NextChoice | Command::PrevChoice if shown.is_some() => return None,
        Command::NextView | Command::PrevView | Command::NextChoice | Command::PrevChoice => {
            let i = app.inbox.view.index();
            let forward = matches!(cmd, Command::NextView | Command::NextChoice);
            let next = cycle(i, View::ALL.len(), forward);
            set_view(app, View::ALL[next], shown.is_some())
        }
        Command::View1 => set_view_at(app, 0, shown.is_some()),
        Command::View2 => set_view_at(app, 1, shown.is_some()),
        Command::View3 => set_view_at(app, 2, shown.is_some()),
        Command::View4 => set_view_at(app, 3, shown.is_some()),
        Command::View5 => set_view_at(app, 4, shown.is_some()),
        Command::View6 => set_view_at(app, 5, shown.is_some()),
        Command::View7 => set_view_at(app, 6, shown.is_some()),
        Command::View8 => set_view_at(app, 7, shown.is_some()),
        Command::View9 => set_view_at(app, 8, shown.is_some()),
        _ => return None,
    };
    Some(reply)
}

/// Opens the transfer, respond or hold pane on the targets.
fn open_action(app: &mut App, cmd: Command, shown: Option<Shown<'_>>) -> Reply {
    let targets = app.targets(shown.map(|s| s.id));
    if targets.is_empty() {
        app.fail(app.t().no_complaint_selected);
        return Reply::stay(Vec::new());
    }
    // Rows on screen that left the desk (the store refuses any others too).
    let out_of_scope = app
        .inbox
        .window
        .rows
        .iter()
        .filter(|r| targets.contains(&r.id) && !r.in_scope)
        .count()
        + shown.map_or(0, |s| usize::from(targets.contains(s.id) && !s.in_scope));
    if out_of_scope > 0 {
        app.fail(app.t().left_desk_read_only);
        return Reply::stay(Vec::new());
    }
    let lang = app.lang();
    match cmd {
        Command::Transfer => Reply::open(
            TransferPane::new(targets.clone(), &app.agencies, lang).into(),
            vec![Effect::LoadAgencies, Effect::LoadHistory(targets)],
        ),
        Command::Respond => {
            let names = all_templates(&app.session.templates).into_keys().collect();
            Reply::open(
                RespondPane::new(targets.clone(), names, lang).into(),
                vec![Effect::PrepareRespond(targets)],
            )
        }
        _ => Reply::open(HoldPane::new(targets, lang).into(), Vec::new()),
    }
}

fn set_view_at(app: &mut App, i: usize, from_detail: bool) -> Reply {
    match View::at(i) {
        Some(v) => set_view(app, v, from_detail),
        None => Reply::stay(Vec::new()),
    }
}

/// Switches the inbox to a view; a detail it was asked from closes.
fn set_view(app: &mut App, v: View, from_detail: bool) -> Reply {
    app.inbox.view = v;
    // The filter belongs to the view it was typed in.
    app.inbox.filter.clear();
    app.inbox.found = None;
    let fx = app.list_changed(false);
    if from_detail {
        Reply::close(fx)
    } else {
        Reply::stay(fx)
    }
}

/// Runs the filter for the current query (or drops it when the query is empty).
pub fn filter_effect(app: &mut App) -> Vec<Effect> {
    if !app.inbox.filter.active() && app.inbox.filter.pinned.is_some() {
        // A list pinned by the monev pane stays until cleared; reload where it was.
        return app.list_changed(true);
    }
    if !app.inbox.filter.active() {
        app.inbox.searching = false;
        let had = app.inbox.found.take().is_some();
        return if had {
            app.list_changed(false)
        } else {
            Vec::new()
        };
    }
    app.inbox.filter_generation += 1;
    app.inbox.searching = true;
    vec![Effect::Filter {
        view: app.view_query(app.inbox.view),
        query: Some(app.inbox.filter.query.trim().to_lowercase()),
        generation: app.inbox.filter_generation,
    }]
}
