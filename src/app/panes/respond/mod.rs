//! The response pane (*Tindak Lanjut*): the stage, a template, the text with its
//! `{placeholders}` filled per complaint, and a preview per complaint. The draft is
//! saved as it is typed (on each tick) and before the pane closes; nothing here writes
//! anywhere itself.

mod draw;

use super::editor::{editor, editor_text, editor_with};
use super::transfer::{FORM_COMMANDS, form_hints};
use super::{Component, Reply};
use crate::app::common::{cycle, step, submit};
use crate::app::{App, Command, Effect, FillData, QueueKind, TextMode};
use crate::domain::template::{FillContext, all_templates, fill, unknown_placeholder};
use crate::domain::{ComplaintId, OpKind, Stage};
use crate::i18n::Lang;
use crate::sync::OpRequest;
use crate::text;
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui_textarea::{Input, TextArea};

/// The stages in picker order.
pub const STAGES: [Stage; 3] = [Stage::Initial, Stage::Progress, Stage::Final];

/// The pane's fields, in `Tab` order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Stage,
    Template,
    Text,
}

impl Field {
    const ORDER: [Field; 3] = [Field::Stage, Field::Template, Field::Text];

    fn step(self, forward: bool) -> Field {
        step(&Field::ORDER, self, forward)
    }
}

/// The response pane.
pub struct RespondPane {
    pub targets: Vec<ComplaintId>,
    pub field: Field,
    pub stage: usize,
    /// Template names; index 0 is "no template".
    pub names: Vec<String>,
    pub template: usize,
    /// The text, with `{placeholders}` still in it; filled per complaint on sending.
    pub text: TextArea<'static>,
    /// Per-target data for filling and previews (arrives from the runtime).
    pub fills: Vec<FillData>,
    /// The text changed since the draft was last saved.
    pub dirty: bool,
    /// How far the preview is scrolled (PgDn/PgUp).
    pub preview_scroll: u16,
    /// The text as last set by a template or a restored draft: choosing another
    /// template replaces it only while the officer has not changed it.
    pub applied: String,
    /// The officer was warned that choosing a template would replace edited text.
    pub overwrite_armed: bool,
    placeholder: &'static str,
}

impl RespondPane {
    pub fn new(targets: Vec<ComplaintId>, names: Vec<String>, lang: Lang) -> Self {
        let mut all = vec![String::new()];
        all.extend(names);
        let placeholder = lang.t().response_placeholder;
        RespondPane {
            targets,
            field: Field::Text,
            stage: 0,
            names: all,
            template: 0,
            text: editor(placeholder),
            fills: Vec::new(),
            dirty: false,
            preview_scroll: 0,
            applied: String::new(),
            overwrite_armed: false,
            placeholder,
        }
    }

    /// Whether the officer changed the text since a template or draft set it.
    pub fn edited(&self) -> bool {
        let now = editor_text(&self.text);
        !now.trim().is_empty() && now != self.applied
    }

    /// Replaces the text (template chosen or draft restored).
    pub fn set_text(&mut self, s: &str) {
        self.applied = s.to_owned();
        self.overwrite_armed = false;
        self.text = editor_with(s, self.placeholder);
    }

    /// Restores a saved draft.
    pub fn restore(&mut self, stage: &str, text: &str) {
        self.stage = STAGES.iter().position(|s| s.as_str() == stage).unwrap_or(0);
        self.set_text(text);
    }

    /// The stage chosen.
    pub fn stage(&self) -> Stage {
        STAGES[self.stage.min(STAGES.len() - 1)]
    }

    /// The draft to save, if the text changed since the last save.
    pub fn draft(&self, close: bool) -> Option<Effect> {
        self.dirty.then(|| Effect::SaveDraft {
            ids: self.targets.clone(),
            stage: self.stage(),
            text: editor_text(&self.text),
            close,
        })
    }

    /// The text filled for one target, made safe to show.
    pub fn preview(&self, f: &FillData, officer: &str, today: NaiveDate) -> String {
        let cx = FillContext {
            agency_name: &f.agency_name,
            officer,
            today,
        };
        text::block(&fill(&editor_text(&self.text), &f.complaint, &cx))
    }

    /// The requests, or why the text cannot be sent.
    pub fn requests(
        &self,
        officer: &str,
        today: NaiveDate,
        lang: Lang,
    ) -> Result<Vec<OpRequest>, String> {
        let body = editor_text(&self.text);
        if body.trim().is_empty() {
            return Err(lang.t().response_empty.into());
        }
        if let Some(p) = unknown_placeholder(&body) {
            return Err(lang.unfilled_placeholder(&p));
        }
        if self.fills.len() != self.targets.len() {
            return Err(lang.t().still_loading.into());
        }
        let stage = self.stage();
        Ok(self
            .fills
            .iter()
            .map(|f| {
                let cx = FillContext {
                    agency_name: &f.agency_name,
                    officer,
                    today,
                };
                OpRequest {
                    complaint_id: f.complaint.id.clone(),
                    kind: OpKind::Response {
                        stage,
                        text: fill(&body, &f.complaint, &cx).trim().to_owned(),
                    },
                    placeholders_checked: true,
                }
            })
            .collect())
    }

    /// Steps to the next or previous template, unless that would throw away what the
    /// officer wrote without a warning.
    fn step_template(&mut self, app: &mut App, forward: bool) {
        if self.edited() && !self.overwrite_armed {
            self.overwrite_armed = true;
            app.fail(app.t().template_would_replace);
            return;
        }
        self.template = cycle(self.template, self.names.len(), forward);
        let body = all_templates(&app.session.templates)
            .get(&self.names[self.template])
            .cloned()
            .unwrap_or_default();
        self.set_text(&body);
        self.dirty = true;
    }

    fn submit(&self, app: &mut App) -> Reply {
        let s = &app.session;
        let built = self.requests(&s.officer, s.today, s.lang);
        let drafts = self.targets.clone();
        submit(app, built, QueueKind::Responses, drafts, |app, n| {
            app.lang().respond_question(n)
        })
    }
}

impl Component for RespondPane {
    fn commands(&self) -> &'static [Command] {
        FORM_COMMANDS
    }

    fn hints(&self, app: &App) -> Vec<(String, &'static str)> {
        if self.field != Field::Text {
            return form_hints(app);
        }
        let t = app.t();
        let k = |c| app.session.keymap.hint(c);
        vec![
            (k(Command::Submit), t.hint_send),
            (k(Command::NextPane), t.hint_next_field),
            ("Ctrl-e".into(), t.hint_external_editor),
            ("Esc".into(), t.hint_cancel_draft_kept),
        ]
    }

    fn text_mode(&self) -> TextMode {
        match self.field {
            Field::Text => TextMode::Multi,
            _ => TextMode::None,
        }
    }

    fn command(&mut self, app: &mut App, cmd: Command) -> Reply {
        let forward = matches!(cmd, Command::Down | Command::PageDown);
        match cmd {
            // An unsaved response is saved first; the pane closes once it is.
            Command::Clear | Command::Close => {
                return match self.draft(true) {
                    Some(save) => Reply::stay(vec![save]),
                    None => Reply::close(Vec::new()),
                };
            }
            Command::NextPane | Command::PrevPane => {
                self.field = self.field.step(cmd == Command::NextPane);
            }
            Command::EditExternally => {
                return Reply::stay(vec![Effect::EditText(editor_text(&self.text))]);
            }
            Command::PageDown => self.preview_scroll = self.preview_scroll.saturating_add(10),
            Command::PageUp => self.preview_scroll = self.preview_scroll.saturating_sub(10),
            Command::Down | Command::Up => match self.field {
                Field::Stage => self.stage = cycle(self.stage, STAGES.len(), forward),
                Field::Template => self.step_template(app, forward),
                Field::Text => {}
            },
            Command::NextChoice | Command::PrevChoice => {
                let forward = cmd == Command::NextChoice;
                match self.field {
                    Field::Stage => self.stage = cycle(self.stage, STAGES.len(), forward),
                    Field::Template => self.step_template(app, forward),
                    Field::Text => {}
                }
            }
            Command::Open if self.field != Field::Text => self.field = self.field.step(true),
            Command::Open | Command::Submit => return self.submit(app),
            _ => {}
        }
        Reply::stay(Vec::new())
    }

    fn input(&mut self, _app: &mut App, input: Input) -> Reply {
        if self.field == Field::Text {
            let changed = self.text.input(input);
            self.dirty |= changed;
            self.overwrite_armed &= !changed;
        }
        Reply::stay(Vec::new())
    }

    fn draw(&self, frame: &mut Frame<'_>, area: Rect, app: &App, theme: &crate::ui::Theme) {
        draw::draw(self, frame, area, app, theme);
    }
}
