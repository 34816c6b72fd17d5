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
    // The preview only ever shows the complaint under the cursor.
    let preview = app
        .inbox
        .preview
        .as_ref()
        .filter(|p| app.current().is_some_and(|r| r.id == p.data.row.id));
    match (preview, app.inbox.side_by_side() && app.panes.is_empty()) {
        (Some(p), true) => {
            let [list, side] = ratatui::layout::Layout::horizontal([
                Constraint::Percentage(55),
                Constraint::Percentage(45),
            ])
            .areas(l.main);
            inbox::draw(frame, list, app, theme);
            crate::app::panes::Component::draw(p, frame, side, app, theme);
        }
        _ => inbox::draw(frame, l.main, app, theme),
    }
    for pane in app.panes.iter() {
        pane.component().draw(frame, l.main, app, theme);
    }
    statusbar::draw(frame, l.status, l.notice, app, theme);
}

/// The tabs' labels on a screen `width` wide.
fn tabs_of(app: &App, width: u16) -> Vec<String> {
    let lang = app.lang();
    let counts = &app.loaded.counts;
    tab_labels(
        usize::from(width),
        app.inbox.view.index(),
        &View::ALL
            .iter()
            .map(|v| (lang.view(*v), v.count(counts)))
            .collect::<Vec<_>>(),
    )
}

/// The view whose tab is at `column` of a screen `width` wide.
pub fn tab_at(app: &App, width: u16, column: u16) -> Option<View> {
    let mut x = 0usize;
    for (i, label) in tabs_of(app, width).iter().enumerate() {
        // A space of padding, the number and the label, a space, then the divider.
        let end = x + 1 + (i + 1).to_string().len() + label.chars().count() + 1;
        if usize::from(column) < end {
            return View::at(i);
        }
        x = end + 1;
    }
    None
}

fn draw_tabs(frame: &mut Frame<'_>, area: Rect, app: &App, theme: &Theme) {
    let current = app.inbox.view;
    let labels = tabs_of(app, area.width);
    let titles: Vec<Line<'_>> = labels
        .into_iter()
        .enumerate()
        .map(|(i, label)| {
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

/// Each tab's label after its number, shortened by rule to fit `width`: the current
/// view's name is always whole; the others' names are cut to the longest length that
/// lets every tab fit (ending in `…`), and only when even that cannot fit do they show
/// just their count.
fn tab_labels(width: usize, current: usize, tabs: &[(&str, usize)]) -> Vec<String> {
    // `others`: how much of the other tabs' names to keep (`None`: none, only their
    // count); `own`: how much of the current tab's.
    let label = |i: usize, name: &str, count: usize, others: Option<usize>, own: usize| match others
    {
        _ if i == current => format!(" {} {count}", clip(name, own)),
        Some(n) => format!(" {} {count}", clip(name, n)),
        None => format!(":{count}"),
    };
    // Each tab also takes its number, a space of padding on each side and a divider.
    let fits = |others: Option<usize>, own: usize| -> Option<Vec<String>> {
        let labels: Vec<String> = tabs
            .iter()
            .enumerate()
            .map(|(i, (name, count))| label(i, name, *count, others, own))
            .collect();
        let used: usize = labels
            .iter()
            .enumerate()
            .map(|(i, l)| (i + 1).to_string().len() + l.chars().count() + 3)
            .sum();
        (used <= width + 1).then_some(labels)
    };
    let longest = tabs
        .iter()
        .map(|(n, _)| n.chars().count())
        .max()
        .unwrap_or(0);
    let whole = tabs.get(current).map_or(0, |(n, _)| n.chars().count());
    (2..=longest)
        .rev()
        .find_map(|n| fits(Some(n), whole))
        .or_else(|| (2..=whole).rev().find_map(|own| fits(None, own)))
        .unwrap_or_else(|| {
            tabs.iter()
                .enumerate()
                .map(|(i, (n, c))| label(i, n, *c, None, 2))
                .collect()
        })
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

#[cfg(test)]
mod tests {
    use super::tab_labels;

    const TABS: [(&str, usize); 8] = [
        ("Perlu Tindakan", 74),
        ("Hampir Jatuh Tempo", 5),
        ("Terlambat", 116),
        ("Diproses", 84),
        ("Selesai", 105),
        ("Dialihkan", 4),
        ("Keluar", 0),
        ("Semua", 306),
    ];

    #[test]
    fn tabs_shorten_their_names_before_dropping_them() {
        let wide = tab_labels(160, 0, &TABS);
        assert!(wide.iter().all(|l| !l.contains('…')), "{wide:?}");
        let mid = tab_labels(110, 0, &TABS);
        assert_eq!(mid[0], " Perlu Tindakan 74", "the current view is whole");
        assert!(
            mid[2].contains('…') && mid[2].starts_with(" Ter"),
            "{mid:?}"
        );
        let narrow = tab_labels(70, 2, &TABS);
        assert_eq!(narrow[2], " Terlambat 116");
        assert_eq!(narrow[0], ":74", "the others' names go first: {narrow:?}");
        let tiny = tab_labels(60, 0, &TABS);
        assert!(
            tiny[0].starts_with(" Per") && tiny[0].contains('…'),
            "{tiny:?}"
        );
        assert_eq!(tiny[7], ":306", "every tab stays: {tiny:?}");
    }
}
