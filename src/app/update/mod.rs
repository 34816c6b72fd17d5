//! `update(app, action) -> effects`: the only place the desk's state changes. A
//! command goes to the top pane (or the inbox when none is open); help opens here for
//! every pane; results from the runtime land on the state and panes they are for.

mod mouse;
mod results;

use super::inbox;
use super::panes::help::HelpPane;
use super::panes::palette::PalettePane;
use super::panes::{Next, Pane, Reply};
use super::{Action, App, Command, Effect};

/// Applies one action; returns the I/O to run.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let mut fx = apply(app, action);
    fx.extend(preview(app));
    fx
}

/// On a wide screen with nothing open over the inbox, the preview follows the cursor.
fn preview(app: &mut App) -> Option<Effect> {
    if !app.inbox.side_by_side() || !app.panes.is_empty() {
        return None;
    }
    let id = app.current()?.id.clone();
    if app.inbox.preview_asked.as_ref() == Some(&id) {
        return None;
    }
    app.inbox.preview_asked = Some(id.clone());
    Some(Effect::LoadPreview(id))
}

fn apply(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Command(Command::Quit) => {
            app.quit = true;
            Vec::new()
        }
        Action::Command(cmd) => command(app, cmd),
        Action::Input(input) => match app.panes.pop() {
            Some(mut pane) => {
                let reply = pane.component_mut().input(app, input);
                settle(app, pane, reply)
            }
            None => inbox::input(app, input),
        },
        other => results::result(app, other),
    }
}

/// A command for the top pane, or the inbox. `?` opens the help of whatever has the
/// keyboard, except over a question or the help itself.
fn command(app: &mut App, cmd: Command) -> Vec<Effect> {
    let top = app.panes.top();
    let takes_help = matches!(
        top,
        Some(Pane::Help(_) | Pane::Confirm(_) | Pane::Palette(_))
    );
    let here = top.map_or(inbox::COMMANDS, |p| p.component().commands());
    if cmd == Command::Help && !takes_help {
        app.panes.push(HelpPane::new(here));
        return Vec::new();
    }
    if cmd == Command::Palette && !takes_help {
        app.panes.push(PalettePane::new(here));
        return Vec::new();
    }
    match app.panes.pop() {
        Some(mut pane) => {
            let reply = pane.component_mut().command(app, cmd);
            settle(app, pane, reply)
        }
        None => {
            let reply = inbox::command(app, cmd);
            match reply.next {
                Next::Open(p) => {
                    app.panes.push(*p);
                    reply.effects
                }
                Next::CloseThen(then) => {
                    let mut fx = reply.effects;
                    fx.extend(command(app, then));
                    fx
                }
                _ => reply.effects,
            }
        }
    }
}

/// Puts a pane back on the stack as its reply says.
fn settle(app: &mut App, pane: Pane, reply: Reply) -> Vec<Effect> {
    match reply.next {
        Next::Stay => app.panes.push(pane),
        Next::Close => {}
        Next::Open(over) => {
            app.panes.push(pane);
            app.panes.push(*over);
        }
        Next::CloseThen(then) => {
            let mut fx = reply.effects;
            fx.extend(command(app, then));
            return fx;
        }
    }
    reply.effects
}

#[cfg(test)]
mod tests;
