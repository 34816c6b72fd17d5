//! Help (`?`): every command with its keys, generated from the live key map, the
//! commands of the pane it was opened from first. It scrolls with the moving keys
//! (`j`/`k`, `PgDn`/`PgUp`, `g`), so every key is reachable on a small screen, and `/`
//! searches it as you type.

use super::{Component, Reply};
use crate::app::common::edit_line;
use crate::app::{App, Command, TextMode};
use crate::text;
use crate::ui::{Theme, popup};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use ratatui_textarea::Input;
use strum::VariantArray;

/// The help pane.
#[derive(Debug, Clone)]
pub struct HelpPane {
    pub query: String,
    /// Keys go into the query (after `/`, until `Enter`).
    pub searching: bool,
    pub scroll: u16,
    /// The commands of the pane it was opened from.
    pub here: &'static [Command],
}

impl HelpPane {
    /// Help for a pane with these commands.
    pub fn new(here: &'static [Command]) -> HelpPane {
        HelpPane {
            query: String::new(),
            searching: false,
            scroll: 0,
            here,
        }
    }
}

impl Component for HelpPane {
    fn commands(&self) -> &'static [Command] {
        &[
            Command::Down,
            Command::Up,
            Command::PageDown,
            Command::PageUp,
            Command::First,
            Command::Filter,
            Command::Clear,
            Command::Quit,
        ]
    }

    fn hints(&self, app: &App) -> Vec<(String, &'static str)> {
        let t = app.t();
        if self.searching {
            return vec![
                (t.hint_type.into(), t.hint_search),
                ("Enter".into(), t.hint_keep_filter),
                ("Esc".into(), t.hint_close),
            ];
        }
        let k = |c| app.session.keymap.hint(c);
        vec![
            (
                format!("{}/{}", k(Command::Down), k(Command::Up)),
                t.hint_scroll,
            ),
            (k(Command::Filter), t.hint_search),
            ("Esc".into(), t.hint_close),
        ]
    }

    fn text_mode(&self) -> TextMode {
        if self.searching {
            TextMode::Line
        } else {
            TextMode::None
        }
    }

    fn command(&mut self, app: &mut App, cmd: Command) -> Reply {
        let page = u16::try_from(app.inbox.page).unwrap_or(u16::MAX);
        match cmd {
            Command::Clear | Command::Close | Command::Help => return Reply::close(Vec::new()),
            Command::Open if self.searching => self.searching = false,
            Command::Filter => self.searching = true,
            Command::Down => self.scroll = self.scroll.saturating_add(1),
            Command::Up => self.scroll = self.scroll.saturating_sub(1),
            Command::PageDown => self.scroll = self.scroll.saturating_add(page),
            Command::PageUp => self.scroll = self.scroll.saturating_sub(page),
            Command::First => self.scroll = 0,
            _ => {}
        }
        Reply::stay(Vec::new())
    }

    fn input(&mut self, _app: &mut App, input: Input) -> Reply {
        edit_line(&mut self.query, &input, usize::MAX);
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
            Span::raw(format!(
                "{}{}",
                text::line(&self.query),
                if self.searching { "▏" } else { "" }
            )),
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
        // Never scrolled past the end: the last line stays at the bottom.
        let shown = usize::from(r.height.saturating_sub(2));
        let most = u16::try_from(lines.len().saturating_sub(shown)).unwrap_or(u16::MAX);
        frame.render_widget(
            Paragraph::new(lines)
                .scroll((self.scroll.min(most), 0))
                .block(Block::bordered().title(t.help_title)),
            r,
        );
    }
}
