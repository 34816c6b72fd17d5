//! Drawing the desk from `&App` only, so a frame cannot change the desk: the view
//! tabs, the inbox, every open pane over it bottom first (each pane draws itself, see
//! [`crate::app::panes`]), the status bar and the message or key hints. Every text that
//! came from a batch goes through [`crate::text`]. [`Layout`] is the one place the
//! screen is divided, so `update` learns the inbox's page size from the same rule.

mod inbox;
mod statusbar;
pub mod theme;
pub mod widgets;

pub use theme::Theme;

use crate::app::{App, View};
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Tabs;

/// Where each part of the desk goes on a screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Layout {
    pub tabs: Rect,
    /// The inbox, and the panes over it.
    pub main: Rect,
    pub status: Rect,
    pub notice: Rect,
}

impl Layout {
    /// The desk's layout on a screen of this size.
    pub fn of(area: Rect) -> Layout {
        let [tabs, main, status, notice] = ratatui::layout::Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(0),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .areas(area);
        Layout {
            tabs,
            main,
            status,
            notice,
        }
    }

    /// How many complaint rows the inbox table shows (inside its border, below its
    /// header).
    pub fn table_rows(&self) -> usize {
        table_rows(self.main)
    }
}

/// How many complaint rows the inbox table shows in its area: inside its border,
/// below its header.
pub fn table_rows(main: Rect) -> usize {
    usize::from(main.height.saturating_sub(3)).max(1)
}

/// How many complaint rows the inbox shows on a screen of this size.
pub fn page_size(width: u16, height: u16) -> usize {
    Layout::of(Rect::new(0, 0, width, height)).table_rows()
}

/// Draws the whole desk.
pub fn draw(frame: &mut Frame<'_>, app: &App, theme: &Theme) {
    let l = Layout::of(frame.area());
    draw_tabs(frame, l.tabs, app, theme);
    inbox::draw(frame, l.main, app, theme);
    for pane in app.panes.iter() {
        pane.component().draw(frame, l.main, app, theme);
    }
    statusbar::draw(frame, l.status, l.notice, app, theme);
}

fn draw_tabs(frame: &mut Frame<'_>, area: Rect, app: &App, theme: &Theme) {
    let lang = app.lang();
    let counts = &app.loaded.counts;
    // Every tab's title fits on a wide screen; on a narrow one only the current view
    // is named and the others show their number and count.
    let full: usize = View::ALL
        .iter()
        .map(|v| lang.view(*v).chars().count() + v.count(counts).to_string().len() + 6)
        .sum();
    let current = app.inbox.view;
    let named = |v: View| full <= usize::from(area.width) || v == current;
    let titles: Vec<Line<'_>> = View::ALL
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let label = if named(*v) {
                format!(" {} {}", lang.view(*v), v.count(counts))
            } else {
                format!(":{}", v.count(counts))
            };
            Line::from(vec![
                Span::styled(format!("{}", i + 1), theme.dim()),
                Span::raw(label),
            ])
        })
        .collect();
    frame.render_widget(
        Tabs::new(titles)
            .select(current.index())
            .highlight_style(theme.selected())
            .divider("│"),
        area,
    );
}

/// A rectangle in the middle of `area`: `pct` percent wide (at least 30 columns when
/// there is room) and `h` lines high, clipped to the area.
pub fn popup(area: Rect, pct: u16, h: u16) -> Rect {
    let w = (area.width.saturating_mul(pct) / 100)
        .max(30.min(area.width))
        .min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// Cuts text to a display width (in characters), ending with `…` when cut.
pub fn clip(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        return s.to_owned();
    }
    let mut out: String = s.chars().take(width.saturating_sub(1)).collect();
    out.push('…');
    out
}
