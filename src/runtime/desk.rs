//! The desk's loop, apart from the terminal it draws on: it waits on one channel for
//! terminal events and results alike, hands each to `update` (a key is resolved
//! against the state it arrives in), runs the effects, and draws one frame when
//! something changed. The clock comes in as a tick action once a second, so only
//! `update` writes the state. [`super::run`] wires it to the real terminal and the
//! input thread; tests and the benchmark drive it on a `TestBackend`.

use super::{Executor, Msg, key_action};
use crate::app::{self, Action, App, Effect};
use crate::ui::{self, Theme};
use chrono::{DateTime, Utc};
use color_eyre::eyre::{Result, WrapErr, eyre};
use crossterm::event::{Event, KeyEventKind};
use ratatui::Terminal;
use ratatui::backend::Backend;
use std::collections::VecDeque;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

/// How often the clock ticks (open drafts are saved on a tick).
pub const TICK: Duration = Duration::from_secs(1);

/// What one turn of the loop did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Turn {
    /// Nothing changed; no frame was drawn.
    Idle,
    /// A frame was drawn.
    Drew,
    /// The officer quit; nothing more is handled.
    Quit,
}

/// The state, the executor and the terminal, and the channel they all answer on.
pub struct Desk<B: Backend> {
    app: App,
    exec: Executor,
    theme: Theme,
    terminal: Terminal<B>,
    /// Given to the effects that answer later (workers, the search thread).
    tx: Sender<Msg>,
    rx: Receiver<Msg>,
    /// Something changed since the last frame.
    dirty: bool,
    next_tick: Instant,
    /// Where ticks read the time.
    clock: fn() -> DateTime<Utc>,
    /// Hands the terminal to an external editor and back (the real desk only).
    editor: Option<Editor>,
}

/// Edits a text outside the desk: `edit` takes the terminal (the keyboard stops
/// reaching the desk) and returns the new text; `resume` gives the keyboard back once
/// the desk has its screen again.
pub struct Editor {
    pub edit: Box<EditFn>,
    pub resume: Box<dyn FnMut()>,
}

/// Takes the terminal and edits a text in it.
pub type EditFn = dyn FnMut(&str) -> std::io::Result<String>;

impl<B: Backend> Desk<B>
where
    B::Error: Send + Sync + 'static,
{
    /// A desk whose results arrive on `rx` (`tx` is its sender, the one the executor's
    /// threads were given).
    pub fn new(
        app: App,
        exec: Executor,
        theme: Theme,
        terminal: Terminal<B>,
        (tx, rx): (Sender<Msg>, Receiver<Msg>),
    ) -> Desk<B> {
        Desk {
            app,
            exec,
            theme,
            terminal,
            tx,
            rx,
            dirty: false,
            next_tick: Instant::now() + TICK,
            clock: Utc::now,
            editor: None,
        }
    }

    /// The same desk with ticks reading `clock` instead of the wall clock.
    pub fn with_clock(mut self, clock: fn() -> DateTime<Utc>) -> Desk<B> {
        self.clock = clock;
        self
    }

    /// The state, to look at.
    pub fn app(&self) -> &App {
        &self.app
    }

    /// The terminal, to look at.
    pub fn terminal(&self) -> &Terminal<B> {
        &self.terminal
    }

    /// A sender into the loop's channel.
    pub fn sender(&self) -> Sender<Msg> {
        self.tx.clone()
    }

    /// The first frame: the terminal's size, the first load, the agency directory.
    pub fn start(&mut self) -> Result<()> {
        let size = self.terminal.size()?;
        let mut first = vec![Action::Resize(size.width, size.height)];
        for e in [Effect::Reload, Effect::LoadAgencies] {
            first.extend(self.exec.run(e, &self.tx));
        }
        self.act(first);
        self.draw_if_dirty()?;
        Ok(())
    }

    /// One turn: waits until a message arrives or the tick is due, handles it and
    /// everything queued behind it, ticks if due, and draws once if anything changed.
    pub fn turn(&mut self) -> Result<Turn> {
        let wait = self.next_tick.saturating_duration_since(Instant::now());
        match self.rx.recv_timeout(wait) {
            Ok(msg) => self.handle(msg)?,
            // Nobody else sends: only the tick can come.
            Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => {}
        }
        self.drain()?;
        if !self.app.quit && Instant::now() >= self.next_tick {
            self.next_tick = Instant::now() + TICK;
            self.act([Action::Tick {
                now: (self.clock)(),
            }]);
        }
        if self.app.quit {
            return Ok(Turn::Quit);
        }
        Ok(if self.draw_if_dirty()? {
            Turn::Drew
        } else {
            Turn::Idle
        })
    }

    /// Handles every message already queued, without waiting (and none after a quit).
    pub fn drain(&mut self) -> Result<()> {
        while !self.app.quit {
            match self.rx.try_recv() {
                Ok(msg) => self.handle(msg)?,
                Err(_) => break,
            }
        }
        Ok(())
    }

    /// Handles one message: a key is resolved against the state as it is now, so a
    /// key that opens a text field makes the next one text.
    pub fn handle(&mut self, msg: Msg) -> Result<()> {
        let action = match msg {
            Msg::Action(a) => Some(a),
            Msg::Event(Event::Key(k)) if k.kind != KeyEventKind::Release => {
                key_action(&self.app, &k)
            }
            Msg::Event(Event::Resize(w, h)) => Some(Action::Resize(w, h)),
            Msg::Event(Event::Mouse(m)) => mouse_action(&m),
            Msg::Event(_) => None,
            Msg::InputFailed(e) => return Err(e).wrap_err("reading the terminal"),
        };
        if let Some(a) = action {
            self.act([a]);
        }
        Ok(())
    }

    /// Lets the desk hand the terminal to an external editor.
    pub fn set_editor(&mut self, editor: Editor) {
        self.editor = Some(editor);
    }

    /// Edits a text in the external editor; the whole screen is drawn again after.
    fn edit(&mut self, text: &str) -> Action {
        let Some(editor) = self.editor.as_mut() else {
            return Action::Failed(self.app.t().no_external_editor.into());
        };
        let result = (editor.edit)(text);
        // Drawn whole again: a resize to the same size clears the screen and forgets
        // the last frame (without asking the terminal anything, as `clear` would).
        if let Ok(size) = self.terminal.size() {
            let _ = self
                .terminal
                .resize(ratatui::layout::Rect::new(0, 0, size.width, size.height));
        }
        (editor.resume)();
        match result {
            Ok(new) => Action::TextEdited(new),
            Err(e) => Action::Failed(format!("{}: {e}", self.app.t().no_external_editor)),
        }
    }

    /// Gives actions to `update`, then every action their effects produce, until none
    /// is left.
    fn act(&mut self, actions: impl IntoIterator<Item = Action>) {
        let mut pending: VecDeque<Action> = actions.into_iter().collect();
        while let Some(a) = pending.pop_front() {
            self.dirty = true;
            for e in app::update(&mut self.app, a) {
                if let Effect::EditText(text) = e {
                    pending.push_back(self.edit(&text));
                    continue;
                }
                pending.extend(self.exec.run(e, &self.tx));
            }
        }
    }

    /// Draws a frame if anything changed since the last; whether it drew.
    pub fn draw_if_dirty(&mut self) -> Result<bool> {
        if !self.dirty {
            return Ok(false);
        }
        self.terminal
            .draw(|f| ui::draw(f, &self.app, &self.theme))?;
        self.dirty = false;
        Ok(true)
    }

    /// Leaves: saves an open draft (an error if that fails) and waits for running
    /// imports and exports.
    pub fn finish(mut self) -> Result<()> {
        let mut not_saved = None;
        let now = (self.clock)();
        for e in app::update(&mut self.app, Action::Tick { now }) {
            for a in self.exec.run(e, &self.tx) {
                if let Action::DraftNotSaved(err) = a {
                    not_saved = Some(err);
                }
            }
        }
        self.exec.wait_for_workers();
        match not_saved {
            Some(err) => Err(eyre!("the open response draft could not be saved: {err}")),
            None => Ok(()),
        }
    }
}

/// The mouse events the desk uses: a left click, the wheel.
fn mouse_action(m: &crossterm::event::MouseEvent) -> Option<Action> {
    use crossterm::event::{MouseButton, MouseEventKind};
    let kind = match m.kind {
        MouseEventKind::Down(MouseButton::Left) => app::MouseKind::Click,
        MouseEventKind::ScrollDown => app::MouseKind::WheelDown,
        MouseEventKind::ScrollUp => app::MouseKind::WheelUp,
        _ => return None,
    };
    Some(Action::Mouse(app::Mouse {
        kind,
        column: m.column,
        row: m.row,
    }))
}

#[cfg(test)]
mod tests;
