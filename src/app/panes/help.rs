//! Help (`?`): every command with its keys, generated from the live key map, the
//! commands of the pane it was opened from first, searchable as you type.

use super::{Component, Reply};
use crate::app::{App, Command, TextMode};
use crate::text;
use crate::ui::{Theme, popup};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use ratatui_textarea::{Input, Key as TKey};
use strum::VariantArray;

/// The help pane.
#[derive(Debug, Clone)]
pub struct HelpPane {
    pub query: String,
    pub scroll: u16,
    /// The commands of the pane it was opened from.
    pub here: &'static [Command],
}

impl HelpPane {
    /// Help for a pane with these commands.
    pub fn new(here: &'static [Command]) -> HelpPane {
        HelpPane {
            query: String::new(),
            scroll: 0,
            here,
        }
    }
}

impl Component for HelpPane {
    fn commands(&self) -> &'static [Command] {
        &[Command::Down, Command::Up, Command::Clear, Command::Quit]
    }

    fn hints(&self, app: &App) -> Vec<(String, &'static str)> {
        let t = app.t();
        vec![
            (t.hint_type.into(), t.hint_search),
            ("Esc".into(), t.hint_close),
        ]
    }

    fn text_mode(&self) -> TextMode {
        TextMode::Line
    }

    fn command(&mut self, _app: &mut App, cmd: Command) -> Reply {
        match cmd {
            Command::Clear | Command::Close | Command::Help => return Reply::close(Vec::new()),
            Command::Down => self.scroll = self.scroll.saturating_add(1),
            Command::Up => self.scroll = self.scroll.saturating_sub(1),
            _ => {}
        }
        Reply::stay(Vec::new())
    }

    fn input(&mut self, _app: &mut App, input: Input) -> Reply {
        match (crate::app::common::typed_char(&input), input.key) {
            (Some(c), _) => self.query.push(c),
            (None, TKey::Backspace) => {
                self.query.pop();
            }
            _ => {}
        }
        self.scroll = 0;
        Reply::stay(Vec::new())
    }

    fn draw(&self, frame: &mut Frame<'_>, area: Rect, app: &App, theme: &Theme) {
        let t = app.t();
        let r = popup(area, 80, area.height);
        frame.render_widget(Clear, r);
        let q = self.query.to_lowercase();
        let mut lines = vec![Line::from(vec![
            Span::styled(t.search_label, theme.dim()),
            Span::raw(format!("{}▏", text::line(&self.query))),
        ])];
        let others: Vec<Command> = Command::VARIANTS
            .iter()
            .copied()
            .filter(|c| !self.here.contains(c))
            .collect();
        for (title, cmds) in [
            (t.help_this_pane, self.here.to_vec()),
            (t.help_other_keys, others),
        ] {
            let rows: Vec<Line<'_>> = cmds
                .into_iter()
                .filter_map(|cmd| {
                    let keys = app.session.keymap.keys(cmd).join(" ");
                    let what = app.lang().command(cmd);
                    let hay = format!("{keys} {what} {}", cmd.name()).to_lowercase();
                    (q.is_empty() || hay.contains(&q)).then(|| {
                        Line::from(vec![
                            Span::styled(format!("{keys:<18}"), theme.header()),
                            Span::raw(what),
                        ])
                    })
                })
                .collect();
            if !rows.is_empty() {
                lines.push(Line::styled(title, theme.dim()));
                lines.extend(rows);
            }
        }
        lines.push(Line::styled(t.help_text_fields, theme.dim()));
        frame.render_widget(
            Paragraph::new(lines)
                .scroll((self.scroll, 0))
                .block(Block::bordered().title(t.help_title)),
            r,
        );
    }
}
