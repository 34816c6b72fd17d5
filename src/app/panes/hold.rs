//! The hold pane (*Tunda*): one line saying what the reporter must supply; one hold
//! request per target.

use super::editor::{editor, editor_text};
use super::transfer::FORM_COMMANDS;
use super::{Component, Reply};
use crate::app::common::submit;
use crate::app::{App, Command, QueueKind, TextMode};
use crate::domain::{ComplaintId, OpKind};
use crate::i18n::Lang;
use crate::sync::OpRequest;
use crate::ui::widgets::{draw_editor, field_block};
use crate::ui::{Theme, popup};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Clear;
use ratatui_textarea::{Input, TextArea};

/// The hold pane.
pub struct HoldPane {
    pub targets: Vec<ComplaintId>,
    pub missing: TextArea<'static>,
}

impl HoldPane {
    pub fn new(targets: Vec<ComplaintId>, lang: Lang) -> Self {
        HoldPane {
            targets,
            missing: editor(lang.t().hold_placeholder),
        }
    }

    /// The requests, or why the pane cannot be sent.
    pub fn requests(&self, lang: Lang) -> Result<Vec<OpRequest>, String> {
        let missing = editor_text(&self.missing);
        if missing.trim().is_empty() {
            return Err(lang.t().say_what_is_missing.into());
        }
        Ok(self
            .targets
            .iter()
            .map(|id| OpRequest {
                complaint_id: id.clone(),
                kind: OpKind::Hold {
                    missing: missing.trim().to_owned(),
                },
                placeholders_checked: false,
            })
            .collect())
    }
}

impl Component for HoldPane {
    fn commands(&self) -> &'static [Command] {
        FORM_COMMANDS
    }

    fn hints(&self, app: &App) -> Vec<(String, &'static str)> {
        let t = app.t();
        vec![("Enter".into(), t.hint_send), ("Esc".into(), t.hint_cancel)]
    }

    fn text_mode(&self) -> TextMode {
        TextMode::Line
    }

    fn command(&mut self, app: &mut App, cmd: Command) -> Reply {
        match cmd {
            Command::Clear | Command::Close => Reply::close(Vec::new()),
            Command::Open | Command::Submit => {
                let built = self.requests(app.lang());
                submit(app, built, QueueKind::Holds, Vec::new(), |app, n| {
                    app.lang().hold_question(n)
                })
            }
            _ => Reply::stay(Vec::new()),
        }
    }

    fn input(&mut self, _app: &mut App, input: Input) -> Reply {
        self.missing.input(input);
        Reply::stay(Vec::new())
    }

    fn draw(&self, frame: &mut Frame<'_>, area: Rect, app: &App, theme: &Theme) {
        let r = popup(area, 80, 7);
        frame.render_widget(Clear, r);
        let title = app.lang().hold_title(&self.targets);
        draw_editor(frame, r, &self.missing, field_block(title, true, theme));
    }
}
