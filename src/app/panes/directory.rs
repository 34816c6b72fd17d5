//! The agency directory, searchable (`a`): to find an office's transfer code without
//! leaving the desk. Read-only.

use super::{Component, Reply};
use crate::app::common::edit_line;
use crate::app::{App, Command, TextMode};
use crate::domain::agency::search;
use crate::text;
use crate::ui::Theme;
use crate::ui::widgets::pane_box;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui_textarea::Input;

/// The directory pane.
#[derive(Debug, Clone, Default)]
pub struct DirectoryPane {
    pub query: String,
    pub scroll: usize,
}

impl Component for DirectoryPane {
    fn commands(&self) -> &'static [Command] {
        &[
            Command::Down,
            Command::Up,
            Command::PageDown,
            Command::PageUp,
            Command::Clear,
        ]
    }

    fn hints(&self, app: &App) -> Vec<(String, &'static str)> {
        let t = app.t();
        vec![
            (t.hint_type.into(), t.hint_search),
            ("↓/↑".into(), t.hint_scroll),
            ("Esc".into(), t.hint_close),
        ]
    }

    fn text_mode(&self) -> TextMode {
        TextMode::Line
    }

    fn command(&mut self, app: &mut App, cmd: Command) -> Reply {
        let page = app.inbox.page.max(1);
        match cmd {
            Command::Clear | Command::Close | Command::Open => return Reply::close(Vec::new()),
            Command::Down => self.scroll += 1,
            Command::Up => self.scroll = self.scroll.saturating_sub(1),
            Command::PageDown => self.scroll += page,
            Command::PageUp => self.scroll = self.scroll.saturating_sub(page),
            _ => {}
        }
        let n = search(&app.agencies, &self.query, false).len();
        self.scroll = self.scroll.min(n.saturating_sub(1));
        Reply::stay(Vec::new())
    }

    fn input(&mut self, _app: &mut App, input: Input) -> Reply {
        edit_line(&mut self.query, &input, usize::MAX);
        self.scroll = 0;
        Reply::stay(Vec::new())
    }

    fn draw(&self, frame: &mut Frame<'_>, area: Rect, app: &App, theme: &Theme) {
        let t = app.t();
        let inner = pane_box(frame, area, 90, t.directory_title);
        let found = search(&app.agencies, &self.query, false);
        let mut lines = vec![Line::from(vec![
            Span::styled(t.search_label, theme.dim()),
            Span::raw(format!("{}▏", text::line(&self.query))),
        ])];
        let rows = usize::from(inner.height.saturating_sub(1));
        for &i in found.iter().skip(self.scroll).take(rows) {
            let a = &app.agencies[i];
            let line = format!(
                "{:<20} {}{}",
                text::line(a.code.as_str()),
                text::line(&a.name),
                if a.active { "" } else { t.cli_inactive }
            );
            lines.push(if a.active {
                Line::raw(line)
            } else {
                Line::styled(line, theme.dim())
            });
        }
        if found.is_empty() {
            lines.push(Line::styled(t.no_agency_matches, theme.dim()));
        }
        frame.render_widget(Paragraph::new(lines), inner);
    }
}
