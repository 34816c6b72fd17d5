//! The mouse, for whoever reaches for it (the keyboard stays complete without it): a
//! click on a row selects it, a click on a tab switches view, the wheel scrolls what
//! has the keyboard.

use crate::app::{Action, App, Command, Effect, Mouse, MouseKind, View};

/// Rows the wheel moves per turn.
const WHEEL: usize = 3;

/// Applies a mouse event.
pub fn mouse(app: &mut App, m: Mouse) -> Vec<Effect> {
    let wheel = match m.kind {
        MouseKind::WheelDown => Some(Command::Down),
        MouseKind::WheelUp => Some(Command::Up),
        MouseKind::Click => None,
    };
    if let Some(cmd) = wheel {
        let mut fx = Vec::new();
        for _ in 0..WHEEL {
            fx.extend(super::update(app, Action::Command(cmd)));
        }
        return fx;
    }
    // Clicks land on the inbox only when no pane is over it.
    if !app.panes.is_empty() {
        return Vec::new();
    }
    let (w, h) = app.inbox.screen;
    let layout = crate::ui::Layout::of(ratatui::layout::Rect::new(0, 0, w, h));
    if m.row == layout.tabs.y {
        return match crate::ui::tab_at(app, w, m.column) {
            Some(v) => super::update(app, Action::Command(view_command(v))),
            None => Vec::new(),
        };
    }
    // Beside the list, the preview takes no clicks.
    if app.inbox.preview.is_some() && app.inbox.side_by_side() && m.column >= w * 55 / 100 {
        return Vec::new();
    }
    // The table's rows start below the border and the header.
    let first = layout.main.y + 2;
    let rows = u16::try_from(layout.table_rows()).unwrap_or(u16::MAX);
    if m.row < first || m.row >= first.saturating_add(rows) {
        return Vec::new();
    }
    let at = app.inbox.scroll + usize::from(m.row - first);
    if at >= app.inbox.total {
        return Vec::new();
    }
    app.inbox.cursor = at;
    app.inbox.clamp_scroll();
    app.window_effect().into_iter().collect()
}

/// The command that jumps to a view.
fn view_command(v: View) -> Command {
    match v.index() {
        0 => Command::View1,
        1 => Command::View2,
        2 => Command::View3,
        3 => Command::View4,
        4 => Command::View5,
        5 => Command::View6,
        6 => Command::View7,
        7 => Command::View8,
        _ => Command::View9,
    }
}
