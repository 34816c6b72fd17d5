//! The transfer pane (*Alihkan / Bukan Wewenang*): a fuzzy picker over the agency
//! directory, a reason, a required note, and the ping-pong warning. It builds one
//! transfer request per target; nothing here writes anywhere.

mod draw;

use super::editor::{editor, editor_text};
use super::{Component, Reply};
use crate::app::common::{edit_line, step, submit};
use crate::app::{App, Command, QueueKind, TextMode};
use crate::domain::routing::Suggestion;
use crate::domain::{Agency, ComplaintId, OpKind, TransferReason};
use crate::i18n::Lang;
use crate::sync::OpRequest;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui_textarea::{Input, TextArea};

/// The reasons in picker order.
pub const REASONS: [TransferReason; 4] = [
    TransferReason::NotOurUnit,
    TransferReason::NotOurRegion,
    TransferReason::NotPublicService,
    TransferReason::Other,
];

/// The pane's fields, in `Tab` order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Agency,
    Reason,
    Note,
}

impl Field {
    const ORDER: [Field; 3] = [Field::Agency, Field::Reason, Field::Note];

    fn step(self, forward: bool) -> Field {
        step(&Field::ORDER, self, forward)
    }
}

/// The transfer pane.
pub struct TransferPane {
    pub targets: Vec<ComplaintId>,
    pub field: Field,
    pub query: String,
    /// Indices into the directory, best match first.
    pub picks: Vec<usize>,
    /// The highlighted line: 0 is "agency unknown" (the coordinator decides), `n` is
    /// `picks[n - 1]`.
    pub pick: usize,
    pub reason: usize,
    pub note: TextArea<'static>,
    /// Each target's earlier agencies (for the ping-pong warning).
    pub history: Vec<(ComplaintId, Vec<String>)>,
    /// Where the targets most likely belong, best first (never their current agency).
    pub suggested: Vec<Suggestion>,
    /// How many of `picks` are suggestions (they come first, with an empty query).
    pub n_suggested: usize,
}

impl TransferPane {
    pub fn new(targets: Vec<ComplaintId>, agencies: &[Agency], lang: Lang) -> Self {
        let mut f = TransferPane {
            targets,
            field: Field::Agency,
            query: String::new(),
            picks: Vec::new(),
            pick: 0,
            reason: 0,
            note: editor(lang.t().note_placeholder),
            history: Vec::new(),
            suggested: Vec::new(),
            n_suggested: 0,
        };
        f.refilter(agencies);
        f
    }

    /// Re-ranks the directory for the query (active agencies only). A coordinator may
    /// re-dispose between its own offices, so agencies in scope are offered too.
    /// With an empty query the suggestions come first, above the whole directory.
    pub fn refilter(&mut self, agencies: &[Agency]) {
        self.picks = crate::domain::agency::search(agencies, &self.query, true);
        self.n_suggested = 0;
        if self.query.trim().is_empty() {
            let first: Vec<usize> = self
                .suggested
                .iter()
                .filter_map(|s| agencies.iter().position(|a| a.code == s.agency && a.active))
                .collect();
            self.n_suggested = first.len();
            self.picks.splice(0..0, first);
        }
        // Typing picks the best match; an empty query leaves the target unknown.
        self.pick = usize::from(!self.query.trim().is_empty() && !self.picks.is_empty());
    }

    /// The suggestion behind a line of the picker (`n` as in [`TransferPane::pick`]).
    pub fn suggestion_at<'a>(&'a self, n: usize, agencies: &[Agency]) -> Option<&'a Suggestion> {
        let i = n.checked_sub(1).filter(|&i| i < self.n_suggested)?;
        let code = &agencies.get(*self.picks.get(i)?)?.code;
        self.suggested.iter().find(|s| &s.agency == code)
    }

    /// The chosen agency (`None`: unknown, the coordinator decides).
    pub fn chosen<'a>(&self, agencies: &'a [Agency]) -> Option<&'a Agency> {
        let i = self.pick.checked_sub(1)?;
        self.picks.get(i).and_then(|&i| agencies.get(i))
    }

    /// Targets that were already transferred away from the chosen agency before.
    pub fn ping_pong(&self, agencies: &[Agency]) -> Vec<ComplaintId> {
        let Some(a) = self.chosen(agencies) else {
            return Vec::new();
        };
        self.history
            .iter()
            .filter(|(_, prev)| prev.contains(&a.code.0))
            .map(|(id, _)| id.clone())
            .collect()
    }

    /// The requests, or why the pane cannot be sent.
    pub fn requests(&self, agencies: &[Agency], lang: Lang) -> Result<Vec<OpRequest>, String> {
        let note = editor_text(&self.note);
        if note.trim().is_empty() {
            return Err(lang.t().note_is_required.into());
        }
        let to = self.chosen(agencies).map(|a| a.code.clone());
        let reason = REASONS[self.reason.min(REASONS.len() - 1)];
        Ok(self
            .targets
            .iter()
            .map(|id| OpRequest {
                complaint_id: id.clone(),
                kind: OpKind::Transfer {
                    to_agency: to.clone(),
                    reason,
                    note: note.trim().to_owned(),
                },
                placeholders_checked: false,
            })
            .collect())
    }

    fn submit(&self, app: &mut App) -> Reply {
        let built = self.requests(&app.agencies, app.lang());
        submit(app, built, QueueKind::Transfers, Vec::new(), |app, n| {
            let lang = app.lang();
            let to = self.chosen(&app.agencies).map_or_else(
                || lang.t().coordinator_chooses.to_owned(),
                |a| format!("{} ({})", a.name, a.code),
            );
            lang.transfer_question(n, &to)
        })
    }
}

/// The action panes' commands, in help order.
pub const FORM_COMMANDS: &[Command] = &[
    Command::EditExternally,
    Command::NextPane,
    Command::PrevPane,
    Command::NextChoice,
    Command::PrevChoice,
    Command::Down,
    Command::Up,
    Command::PageDown,
    Command::PageUp,
    Command::Open,
    Command::Submit,
    Command::Clear,
    Command::Help,
    Command::Quit,
];

/// The hints of a form whose field is not a multi-line editor.
pub fn form_hints(app: &App) -> Vec<(String, &'static str)> {
    let t = app.t();
    let k = |c| app.session.keymap.hint(c);
    vec![
        ("Enter".into(), t.hint_next_or_send),
        (k(Command::NextPane), t.hint_next_field),
        (k(Command::Submit), t.hint_send),
        ("Esc".into(), t.hint_cancel),
    ]
}

impl Component for TransferPane {
    fn commands(&self) -> &'static [Command] {
        FORM_COMMANDS
    }

    fn hints(&self, app: &App) -> Vec<(String, &'static str)> {
        form_hints(app)
    }

    fn text_mode(&self) -> TextMode {
        match self.field {
            Field::Agency | Field::Note => TextMode::Line,
            Field::Reason => TextMode::None,
        }
    }

    fn command(&mut self, app: &mut App, cmd: Command) -> Reply {
        let paging = matches!(cmd, Command::PageDown | Command::PageUp);
        let forward = matches!(cmd, Command::Down | Command::PageDown);
        match cmd {
            Command::Clear | Command::Close => return Reply::close(Vec::new()),
            Command::NextPane | Command::PrevPane => {
                self.field = self.field.step(cmd == Command::NextPane);
            }
            Command::Down | Command::Up | Command::PageDown | Command::PageUp => match self.field {
                Field::Agency => {
                    let step = if paging { 10 } else { 1 };
                    self.pick = if forward {
                        (self.pick + step).min(self.picks.len())
                    } else {
                        self.pick.saturating_sub(step)
                    };
                }
                Field::Reason => {
                    self.reason = crate::app::common::cycle(self.reason, REASONS.len(), forward)
                }
                Field::Note => {}
            },
            Command::NextChoice | Command::PrevChoice if self.field == Field::Reason => {
                let forward = cmd == Command::NextChoice;
                self.reason = crate::app::common::cycle(self.reason, REASONS.len(), forward);
            }
            Command::Open if self.field != Field::Note => self.field = self.field.step(true),
            Command::Open | Command::Submit => return self.submit(app),
            _ => {}
        }
        Reply::stay(Vec::new())
    }

    fn input(&mut self, app: &mut App, input: Input) -> Reply {
        match self.field {
            Field::Agency => {
                if edit_line(&mut self.query, &input, usize::MAX) {
                    self.refilter(&app.agencies);
                }
            }
            Field::Note => {
                self.note.input(input);
            }
            Field::Reason => {}
        }
        Reply::stay(Vec::new())
    }

    fn draw(&self, frame: &mut Frame<'_>, area: Rect, app: &App, theme: &crate::ui::Theme) {
        draw::draw(self, frame, area, app, theme);
    }
}
