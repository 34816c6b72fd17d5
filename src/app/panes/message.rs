//! The last message, whole: a message too long for the status line is cut there with
//! the key that opens it here, wrapped over as many lines as it needs.

use super::{Component, Reply};
use crate::app::{App, Command};
use crate::text;
use crate::ui::{Theme, popup};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

/// The message pane.
#[derive(Debug, Clone)]
pub struct MessagePane {
    pub text: String,
}

impl Component for MessagePane {
    fn commands(&self) -> &'static [Command] {
        &[Command::Clear, Command::Quit]
    }

    fn hints(&self, app: &App) -> Vec<(String, &'static str)> {
        vec![("Esc".into(), app.t().hint_close)]
    }

    fn command(&mut self, _app: &mut App, cmd: Command) -> Reply {
        match cmd {
            Command::Clear | Command::Close | Command::Open | Command::Message => {
                Reply::close(Vec::new())
            }
            _ => Reply::stay(Vec::new()),
        }
    }

    fn draw(&self, frame: &mut Frame<'_>, area: Rect, app: &App, _theme: &Theme) {
        let body = text::block(&self.text);
        let width = area.width.saturating_mul(80) / 100;
        let lines = body.chars().count() / usize::from(width.saturating_sub(2).max(1)) + 3;
        let r = popup(
            area,
            80,
            u16::try_from(lines).unwrap_or(u16::MAX).saturating_add(2),
        );
        frame.render_widget(Clear, r);
        frame.render_widget(
            Paragraph::new(body)
                .wrap(Wrap { trim: false })
                .block(Block::bordered().title(app.t().message_title)),
            r,
        );
    }
}
