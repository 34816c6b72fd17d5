//! The loop that ties the desk together: terminal event → key map → action →
//! `update` → effects run against the store → results fed back as actions → draw.
//! Import, export and the fuzzy filter run on their own threads with their own
//! connections, so the screen never freezes. An input thread forwards the terminal's
//! events into the same channel those threads answer on, and the loop ([`Desk`])
//! waits on that one channel, so a result is drawn as soon as it arrives.

mod desk;
mod effects;
mod input;
pub mod search;

pub use desk::{Desk, TICK, Turn};
pub use effects::Executor;
pub use input::Input;

use crate::app::{self, Action, App, Keymap, TextMode};
use crate::config::Config;
use crate::store::Store;
use crate::ui::Theme;
use chrono::{NaiveDate, Utc};
use color_eyre::eyre::{Result, WrapErr};
use crossterm::event::{self, Event, KeyCode, KeyModifiers};
use std::sync::mpsc::channel;

/// What the loop's channel carries.
#[derive(Debug)]
pub enum Msg {
    /// A terminal event, from the input thread.
    Event(Event),
    /// The input thread could not read the terminal (the desk stops with this error).
    InputFailed(std::io::Error),
    /// A result from a worker or the search thread.
    Action(Action),
}

/// Runs the desk until the officer quits.
pub fn run(cfg: Config, store: Store, today: Option<NaiveDate>) -> Result<()> {
    let keymap = Keymap::new(&cfg.keys).wrap_err("the key bindings in the config")?;
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let theme = Theme::new(cfg.theme, no_color);
    let app = App::from_config(&cfg, keymap, Utc::now(), today);
    let (tx, rx) = channel();
    let exec = Executor::new(cfg, store, today, &tx)?;
    let terminal = crate::tui::enter();
    // Dropped in reverse order: the input thread stops before the terminal is restored.
    let _guard = crate::tui::Guard;
    let input = std::sync::Arc::new(std::sync::Mutex::new(Some(Input::start(tx.clone()))));
    let mut desk = Desk::new(app, exec, theme, terminal, (tx.clone(), rx));
    // The editor takes the keyboard: the input thread stops while it runs.
    let (stopped, resumed) = (input.clone(), input.clone());
    desk.set_editor(desk::Editor {
        edit: Box::new(move |text| {
            if let Some(mut running) = stopped.lock().ok().and_then(|mut i| i.take()) {
                running.stop();
            }
            crate::tui::edit_externally(text)
        }),
        resume: Box::new(move || {
            if let Ok(mut i) = resumed.lock() {
                *i = Some(Input::start(tx.clone()));
            }
        }),
    });
    desk.start()?;
    while desk.turn()? != Turn::Quit {}
    if let Some(mut running) = input.lock().ok().and_then(|mut i| i.take()) {
        running.stop();
    }
    // Save an open draft before leaving, and say so if that fails.
    desk.finish()
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
        let bound = app.session.keymap.command(k).filter(|c| {
            !plain_char
                && match c {
                    C::Submit
                    | C::Clear
                    | C::NextPane
                    | C::PrevPane
                    | C::Quit
                    | C::EditExternally => true,
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
    app.session.keymap.command(k).map(Action::Command)
}
