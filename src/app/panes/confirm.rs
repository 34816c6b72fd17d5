//! A question asked once before bulk work, an export, a discard or quitting with
//! drafts: `Enter` runs what it asks about, `Esc` drops it.

use super::{Component, Reply};
use crate::app::{App, Command, Effect};
use crate::ui::{Theme, popup};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

/// What a confirmed question does.
#[derive(Debug, Clone, PartialEq)]
pub enum OnYes {
    Run(Effect),
    Quit,
}

/// The confirmation pane.
#[derive(Debug, Clone, PartialEq)]
pub struct ConfirmPane {
    pub question: String,
    pub on_yes: OnYes,
}

impl Component for ConfirmPane {
    fn commands(&self) -> &'static [Command] {
        &[Command::Open, Command::Clear, Command::Quit]
    }

    fn hints(&self, app: &App) -> Vec<(String, &'static str)> {
        let t = app.t();
        vec![("Enter".into(), t.hint_yes), ("Esc".into(), t.hint_no)]
    }

    fn command(&mut self, app: &mut App, cmd: Command) -> Reply {
        match cmd {
            Command::Open | Command::Submit => match &self.on_yes {
                OnYes::Run(effect) => {
                    if *effect == Effect::Export {
                        app.exporting = true;
                    }
                    Reply::close(vec![effect.clone()])
                }
                OnYes::Quit => {
                    app.quit = true;
                    Reply::close(Vec::new())
                }
            },
            Command::Clear | Command::Close => Reply::close(Vec::new()),
            _ => Reply::stay(Vec::new()),
        }
    }

    fn draw(&self, frame: &mut Frame<'_>, area: Rect, app: &App, _theme: &Theme) {
        let r = popup(area, 70, 5);
        frame.render_widget(Clear, r);
        frame.render_widget(
            Paragraph::new(crate::text::line(&self.question))
                .wrap(Wrap { trim: true })
                .block(Block::bordered().title(app.t().confirm_title)),
            r,
        );
    }
}
