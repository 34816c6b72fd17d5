//! Drawing: one file per pane, each drawing from `&App` only, so a frame cannot change
//! the desk. Every text that came from a batch goes through [`crate::text`].

mod detail;
mod forms;
mod help;
mod import;
mod inbox;
mod statusbar;
pub mod theme;

pub use help::describe;
pub use theme::Theme;

use crate::app::{App, Focus};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Tabs, Wrap};

/// Draws the whole desk.
pub fn draw(frame: &mut Frame<'_>, app: &App, theme: &Theme) {
    let area = frame.area();
    let [tabs, main, status, notice] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    draw_tabs(frame, tabs, app, theme);
    if app.detail.is_some() && app.focus != Focus::Inbox {
        detail::draw(frame, main, app, theme);
    } else {
        inbox::draw(frame, main, app, theme);
    }
    statusbar::draw(frame, status, notice, app, theme);
    if app.form.is_some() {
        forms::draw(frame, main, app, theme);
    }
    if app.import.is_some() {
        import::draw(frame, main, app, theme);
    }
    if app.help.is_some() {
        help::draw(frame, main, app, theme);
    }
    if let Some(c) = &app.confirm {
        let r = popup(main, 70, 5);
        frame.render_widget(Clear, r);
        frame.render_widget(
            Paragraph::new(crate::text::line(&c.question))
                .wrap(Wrap { trim: true })
                .block(Block::bordered().title(app.t(" Konfirmasi ", " Confirm "))),
            r,
        );
    }
}

fn draw_tabs(frame: &mut Frame<'_>, area: Rect, app: &App, theme: &Theme) {
    // Every tab's title fits on a wide screen; on a narrow one only the current view
    // is named and the others show their number and count.
    let full: usize = crate::app::View::ALL
        .iter()
        .enumerate()
        .map(|(i, v)| v.title(app.en).chars().count() + app.counts[i].to_string().len() + 6)
        .sum();
    let named = |i: usize| full <= usize::from(area.width) || i == app.view.index();
    let titles: Vec<Line<'_>> = crate::app::View::ALL
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let label = if named(i) {
                format!(" {} {}", v.title(app.en), app.counts[i])
            } else {
                format!(":{}", app.counts[i])
            };
            Line::from(vec![
                Span::styled(format!("{}", i + 1), theme.dim()),
                Span::raw(label),
            ])
        })
        .collect();
    frame.render_widget(
        Tabs::new(titles)
            .select(app.view.index())
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
