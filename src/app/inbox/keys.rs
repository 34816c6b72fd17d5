//! The inbox's keys: moving, the filter line, marking, opening the detail, quitting;
//! and its key list for the help and the hints.

use super::{Anchor, ListRef};
use crate::app::common::{common, edit_line, filter_effect};
use crate::app::panes::Reply;
use crate::app::panes::confirm::{ConfirmPane, OnYes};
use crate::app::{App, Command, Effect, TextMode};
use ratatui_textarea::Input;
use std::sync::Arc;

/// The inbox's commands, in help order.
pub const COMMANDS: &[Command] = &[
    Command::Down,
    Command::Up,
    Command::First,
    Command::Last,
    Command::PageDown,
    Command::PageUp,
    Command::Open,
    Command::NextPane,
    Command::PrevPane,
    Command::NextView,
    Command::PrevView,
    Command::NextChoice,
    Command::PrevChoice,
    Command::View1,
    Command::View2,
    Command::View3,
    Command::View4,
    Command::View5,
    Command::View6,
    Command::View7,
    Command::View8,
    Command::View9,
    Command::Filter,
    Command::NextMatch,
    Command::PrevMatch,
    Command::Mark,
    Command::MarkRange,
    Command::MarkAll,
    Command::Clear,
    Command::Transfer,
    Command::Respond,
    Command::Hold,
    Command::Undo,
    Command::Redo,
    Command::Import,
    Command::Export,
    Command::Copy,
    Command::Message,
    Command::Directory,
    Command::Palette,
    Command::Monev,
    Command::Help,
    Command::Close,
    Command::Quit,
];

/// The inbox's key hints.
pub fn hints(app: &App) -> Vec<(String, &'static str)> {
    let t = app.t();
    if app.text_mode() == TextMode::Line {
        return vec![
            ("Enter".into(), t.hint_keep_filter),
            ("Esc".into(), t.hint_clear),
        ];
    }
    let k = |c| app.session.keymap.hint(c);
    vec![
        (k(Command::Open), t.hint_open),
        (k(Command::Mark), t.hint_mark),
        (k(Command::Respond), t.hint_respond),
        (k(Command::Transfer), t.hint_transfer),
        (k(Command::Hold), t.hint_hold),
        (k(Command::Filter), t.hint_filter),
        (k(Command::Export), t.hint_export),
        (k(Command::Help), t.hint_help),
    ]
}

/// A key typed into the filter line.
pub fn input(app: &mut App, input: Input) -> Vec<Effect> {
    if !app.inbox.filter.editing {
        return Vec::new();
    }
    if !edit_line(&mut app.inbox.filter.query, &input, usize::MAX) {
        return Vec::new();
    }
    // The matching runs off the UI thread; its answer starts at the best match.
    filter_effect(app)
}

/// A command on the inbox.
pub fn command(app: &mut App, cmd: Command) -> Reply {
    if app.inbox.filter.editing {
        match cmd {
            Command::Open => {
                app.inbox.filter.editing = false;
                return Reply::stay(Vec::new());
            }
            Command::Clear | Command::Down | Command::Up | Command::PageDown | Command::PageUp => {}
            _ => return Reply::stay(Vec::new()),
        }
    }
    if let Some(reply) = common(app, cmd, None) {
        return reply;
    }
    let b = &mut app.inbox;
    let last = b.total.saturating_sub(1);
    let page = b.page.max(1);
    match cmd {
        Command::Down => b.cursor = (b.cursor + 1).min(last),
        Command::Up => b.cursor = b.cursor.saturating_sub(1),
        Command::First => b.cursor = 0,
        Command::Last => b.cursor = last,
        Command::PageDown => b.cursor = (b.cursor + page).min(last),
        Command::PageUp => b.cursor = b.cursor.saturating_sub(page),
        Command::Open | Command::NextPane | Command::PrevPane => {
            if let Some(r) = app.current() {
                return Reply::stay(vec![Effect::LoadDetail(r.id.clone())]);
            }
        }
        Command::Filter => {
            b.filter.pinned = None;
            b.filter.editing = true;
            // Start loading the view's texts now: the first keystroke then finds them.
            b.filter_generation += 1;
            let generation = b.filter_generation;
            let view = app.view_query(app.inbox.view);
            return Reply::stay(vec![Effect::Filter {
                view,
                query: None,
                generation,
            }]);
        }
        Command::Mark => {
            if let Some(id) = app.current().map(|r| r.id.clone()) {
                let b = &mut app.inbox;
                if !b.marks.remove(&id) {
                    b.marks.insert(id);
                }
                b.cursor = (b.cursor + 1).min(last);
            }
        }
        Command::MarkRange => return mark_range(app),
        Command::NextMatch | Command::PrevMatch => {
            if b.found.is_none() && !b.filter.last.is_empty() {
                // Bring back the last filter; its answer starts at the best match.
                b.filter.query = b.filter.last.clone();
                return Reply::stay(filter_effect(app));
            }
            if b.found.is_some() && b.total > 0 {
                let forward = cmd == Command::NextMatch;
                b.cursor = crate::app::common::cycle(b.cursor, b.total, forward);
            }
        }
        Command::MarkAll if b.total > 0 => {
            return Reply::stay(vec![Effect::MarkAll(app.list())]);
        }
        Command::Clear => {
            if b.filter.active() || b.filter.editing || b.filter.pinned.is_some() {
                b.filter.clear();
                return Reply::stay(filter_effect(app));
            } else if !b.marks.is_empty() || b.anchor.is_some() {
                b.marks.clear();
                b.anchor = None;
            } else {
                app.notice = None;
            }
        }
        Command::Close => {
            if app.loaded.drafts > 0 {
                let confirm = ConfirmPane {
                    question: app.lang().quit_with_drafts(app.loaded.drafts),
                    on_yes: OnYes::Quit,
                };
                return Reply::open(confirm.into(), Vec::new());
            }
            app.quit = true;
        }
        _ => {}
    }
    app.inbox.clamp_scroll();
    Reply::stay(app.window_effect().into_iter().collect())
}

/// `V`: the first press sets where the range starts, the second marks it.
fn mark_range(app: &mut App) -> Reply {
    let here = app.current().map(|r| (r.sort_key.clone(), r.id.clone()));
    match (app.inbox.anchor.take(), here) {
        (Some(a), Some((here_key, _))) => {
            let cursor = app.inbox.cursor;
            let (lo, hi) = (a.at.min(cursor), a.at.max(cursor));
            let fx = match app.list() {
                ListRef::View(view) => Effect::MarkRange {
                    view,
                    from: a.key,
                    to: here_key,
                },
                ListRef::Rows(rows) => {
                    let part = rows.get(lo..=hi).unwrap_or_default().to_vec();
                    Effect::MarkAll(ListRef::Rows(Arc::new(part)))
                }
            };
            app.inbox.clamp_scroll();
            return Reply::stay(vec![fx]);
        }
        (None, Some((key, id))) => {
            app.inbox.anchor = Some(Anchor {
                at: app.inbox.cursor,
                key,
                id,
            });
            app.say(app.t().range_started);
        }
        _ => {}
    }
    app.inbox.clamp_scroll();
    Reply::stay(app.window_effect().into_iter().collect())
}
