//! The loop that ties the desk together: terminal event → key map → action →
//! `update` → effects run against the store → results fed back as actions → draw.
//! Import, export and the fuzzy filter run on their own threads with their own
//! connections, so the screen never freezes.

mod effects;
pub mod search;

pub use effects::Executor;

use crate::app::{self, Action, App, Effect, Keymap, TextMode};
use crate::config::Config;
use crate::store::Store;
use crate::ui::{self, Theme};
use chrono::{NaiveDate, Utc};
use color_eyre::eyre::{Result, WrapErr};
use crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use std::collections::VecDeque;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

/// Runs the desk until the officer quits.
pub fn run(cfg: Config, store: Store, today: Option<NaiveDate>) -> Result<()> {
    let keymap = Keymap::new(&cfg.keys).wrap_err("the key bindings in the config")?;
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let theme = Theme::new(cfg.theme, no_color);
    let mut app = App::from_config(&cfg, keymap, Utc::now(), today);
    let (tx, rx) = channel();
    let mut rt = Executor::new(cfg, store, today, &tx)?;
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
        let bound = app.session.keymap.command(k).filter(|c| {
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
    app.session.keymap.command(k).map(Action::Command)
}
