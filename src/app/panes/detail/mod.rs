//! The detail of one complaint: everything about it, scrollable, and the actions on it
//! (the same as in the inbox, on the complaint shown unless rows are marked), plus
//! settling its operations in conflict.

mod draw;

use super::confirm::{ConfirmPane, OnYes};
use super::hold::HoldPane;
use super::respond::RespondPane;
use super::transfer::TransferPane;
use super::{Component, Reply};
use crate::app::common::{Shown, common};
use crate::app::{App, Command, Effect};
use crate::domain::template::all_templates;
use crate::domain::{Clocks, OpKind, OpState, Operation};
use crate::store::ComplaintDetail;
use ratatui::Frame;
use ratatui::layout::Rect;

/// The detail pane.
#[derive(Debug, Clone)]
pub struct DetailPane {
    pub data: Box<ComplaintDetail>,
    pub clocks: Clocks,
    pub scroll: u16,
}

impl DetailPane {
    /// Whether any of the complaint's operations is in conflict.
    pub fn has_conflict(&self) -> bool {
        self.data
            .operations
            .iter()
            .any(|o| o.state == OpState::Conflict)
    }

    /// The latest of the complaint's operations the registry rejected, if any.
    pub fn rejected(&self) -> Option<&Operation> {
        self.data
            .operations
            .iter()
            .rev()
            .find(|o| o.state == OpState::Rejected)
    }

    /// Opens the pane that redoes a rejected operation as a new one: a transfer
    /// elsewhere, the response's text to edit and resend, the hold's request.
    fn redo_rejected(&self, app: &mut App, op: &Operation) -> Reply {
        let lang = app.lang();
        let target = vec![op.complaint_id.clone()];
        match &op.kind {
            OpKind::Transfer { .. } => Reply::open(
                TransferPane::new(target.clone(), &app.agencies, lang).into(),
                vec![Effect::LoadAgencies, Effect::LoadHistory(target)],
            ),
            OpKind::Response { stage, text } => {
                let names = all_templates(&app.session.templates).into_keys().collect();
                let mut pane = RespondPane::new(target.clone(), names, lang);
                pane.restore(stage.as_str(), text);
                pane.dirty = true;
                Reply::open(pane.into(), vec![Effect::PrepareRespond(target)])
            }
            OpKind::Hold { missing } => {
                let mut pane = HoldPane::new(target, lang);
                pane.missing = super::editor::editor_with(missing, lang.t().hold_placeholder);
                Reply::open(pane.into(), Vec::new())
            }
        }
    }
}

const COMMANDS: &[Command] = &[
    Command::Down,
    Command::Up,
    Command::PageDown,
    Command::PageUp,
    Command::First,
    Command::NextComplaint,
    Command::PrevComplaint,
    Command::Respond,
    Command::Transfer,
    Command::Hold,
    Command::MarkDuplicates,
    Command::ConfirmConflicts,
    Command::DiscardConflicts,
    Command::Undo,
    Command::Redo,
    Command::Copy,
    Command::Message,
    Command::Directory,
    Command::Palette,
    Command::Close,
    Command::Help,
    Command::Quit,
];

impl Component for DetailPane {
    fn commands(&self) -> &'static [Command] {
        COMMANDS
    }

    fn hints(&self, app: &App) -> Vec<(String, &'static str)> {
        let t = app.t();
        let k = |c| app.session.keymap.hint(c);
        let mut v = vec![
            (k(Command::Down), t.hint_scroll),
            (k(Command::Respond), t.hint_respond),
            (k(Command::Transfer), t.hint_transfer),
            (k(Command::Hold), t.hint_hold),
        ];
        if !self.data.duplicates.is_empty() {
            v.push((k(Command::MarkDuplicates), t.hint_mark_duplicates));
        }
        if self.has_conflict() {
            v.push((k(Command::ConfirmConflicts), t.hint_confirm_conflicts));
            v.push((k(Command::DiscardConflicts), t.hint_discard_conflicts));
        } else if self.rejected().is_some() {
            v.push((k(Command::ConfirmConflicts), t.hint_redo_rejected));
            v.push((k(Command::DiscardConflicts), t.hint_discard_rejected));
        }
        v.push((k(Command::Close), t.hint_close));
        v
    }

    fn command(&mut self, app: &mut App, cmd: Command) -> Reply {
        let row = &self.data.row;
        let shown = Shown {
            id: &row.id,
            in_scope: row.in_scope,
        };
        if let Some(reply) = common(app, cmd, Some(shown)) {
            return reply;
        }
        let page = u16::try_from(app.inbox.page).unwrap_or(u16::MAX);
        match cmd {
            Command::Down => self.scroll = self.scroll.saturating_add(1),
            Command::Up => self.scroll = self.scroll.saturating_sub(1),
            Command::PageDown => self.scroll = self.scroll.saturating_add(page),
            Command::PageUp => self.scroll = self.scroll.saturating_sub(page),
            Command::First => self.scroll = 0,
            Command::NextComplaint | Command::PrevComplaint => {
                let b = &mut app.inbox;
                let before = b.cursor;
                b.cursor = if cmd == Command::NextComplaint {
                    (b.cursor + 1).min(b.total.saturating_sub(1))
                } else {
                    b.cursor.saturating_sub(1)
                };
                if b.cursor == before {
                    return Reply::stay(Vec::new());
                }
                b.clamp_scroll();
                let mut fx: Vec<Effect> = app.window_effect().into_iter().collect();
                match app.current() {
                    Some(r) => fx.push(Effect::LoadDetail(r.id.clone())),
                    // Its window is loading: the detail follows when it arrives.
                    None => app.inbox.detail_follows = true,
                }
                return Reply::stay(fx);
            }
            Command::ConfirmConflicts if !self.has_conflict() => match self.rejected().cloned() {
                Some(op) => return self.redo_rejected(app, &op),
                None => app.say(app.t().nothing_to_settle),
            },
            Command::ConfirmConflicts => {
                let id = self.data.row.id.clone();
                return Reply::stay(vec![Effect::Conflicts { id, confirm: true }]);
            }
            Command::DiscardConflicts => {
                let id = self.data.row.id.clone();
                let confirm = ConfirmPane {
                    question: app.lang().discard_question(id.as_str()),
                    on_yes: OnYes::Run(Effect::Conflicts { id, confirm: false }),
                };
                return Reply::open(confirm.into(), Vec::new());
            }
            Command::MarkDuplicates if self.data.duplicates.is_empty() => {
                app.say(app.t().no_duplicates);
            }
            Command::MarkDuplicates => {
                let marks = &mut app.inbox.marks;
                marks.insert(self.data.row.id.clone());
                marks.extend(self.data.duplicates.iter().cloned());
                let n = marks.len();
                app.say(app.lang().marked(n));
            }
            Command::Close | Command::Clear | Command::NextPane | Command::PrevPane => {
                return Reply::close(Vec::new());
            }
            _ => {}
        }
        Reply::stay(Vec::new())
    }

    fn draw(&self, frame: &mut Frame<'_>, area: Rect, app: &App, theme: &crate::ui::Theme) {
        draw::draw(self, frame, area, app, theme);
    }
}
