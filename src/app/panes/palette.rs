//! The command palette (`:`): every command with its keys, fuzzy over what it does, its
//! config name and its keys, so nothing has to be memorised; `Enter` runs the chosen one
//! on what was open below.

use super::{Component, Next, Reply};
use crate::app::common::edit_line;
use crate::app::{App, Command, TextMode};
use crate::text;
use crate::ui::Theme;
use crate::ui::widgets::pane_box;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui_textarea::Input;
use strum::VariantArray;

/// The palette pane.
#[derive(Debug, Clone)]
pub struct PalettePane {
    pub query: String,
    /// The highlighted line of [`PalettePane::found`].
    pub pick: usize,
    /// The commands of what was open below, offered first.
    pub here: &'static [Command],
}

impl PalettePane {
    pub fn new(here: &'static [Command]) -> PalettePane {
        PalettePane {
            query: String::new(),
            pick: 0,
            here,
        }
    }

    /// The commands that match the query, best first (those of the pane below first
    /// when nothing is typed).
    pub fn found(&self, app: &App) -> Vec<Command> {
        let q = self.query.trim().to_lowercase();
        let all = Command::VARIANTS
            .iter()
            .copied()
            .filter(|c| *c != Command::Palette);
        if q.is_empty() {
            let mut v: Vec<Command> = self.here.to_vec();
            v.extend(all.filter(|c| !self.here.contains(c)));
            return v;
        }
        let m = SkimMatcherV2::default();
        let mut scored: Vec<(i64, usize, Command)> = all
            .enumerate()
            .filter_map(|(i, c)| {
                let keys = app.session.keymap.keys(c).join(" ");
                let hay = format!("{} {} {keys}", app.lang().command(c), c.name()).to_lowercase();
                m.fuzzy_match(&hay, &q).map(|s| (s, i, c))
            })
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        scored.into_iter().map(|(_, _, c)| c).collect()
    }
}

impl Component for PalettePane {
    fn commands(&self) -> &'static [Command] {
        &[Command::Down, Command::Up, Command::Open, Command::Clear]
    }

    fn hints(&self, app: &App) -> Vec<(String, &'static str)> {
        let t = app.t();
        vec![
            (t.hint_type.into(), t.hint_search),
            ("Enter".into(), t.hint_run),
            ("Esc".into(), t.hint_close),
        ]
    }

    fn text_mode(&self) -> TextMode {
        TextMode::Line
    }

    fn command(&mut self, app: &mut App, cmd: Command) -> Reply {
        let n = self.found(app).len();
        match cmd {
            Command::Clear | Command::Close | Command::Palette => Reply::close(Vec::new()),
            Command::Down => {
                self.pick = (self.pick + 1).min(n.saturating_sub(1));
                Reply::stay(Vec::new())
            }
            Command::Up => {
                self.pick = self.pick.saturating_sub(1);
                Reply::stay(Vec::new())
            }
            Command::Open | Command::Submit => match self.found(app).get(self.pick) {
                Some(&chosen) => Reply {
                    effects: Vec::new(),
                    next: Next::CloseThen(chosen),
                },
                None => Reply::stay(Vec::new()),
            },
            _ => Reply::stay(Vec::new()),
        }
    }

    fn input(&mut self, _app: &mut App, input: Input) -> Reply {
        edit_line(&mut self.query, &input, usize::MAX);
        self.pick = 0;
        Reply::stay(Vec::new())
    }

    fn draw(&self, frame: &mut Frame<'_>, area: Rect, app: &App, theme: &Theme) {
        let t = app.t();
        let inner = pane_box(frame, area, 70, t.palette_title);
        let found = self.found(app);
        let rows = usize::from(inner.height.saturating_sub(1)).max(1);
        let first = self.pick.saturating_sub(rows.saturating_sub(1));
        let mut lines = vec![Line::from(vec![
            Span::styled(t.search_label, theme.dim()),
            Span::raw(format!("{}▏", text::line(&self.query))),
        ])];
        for (n, c) in found.iter().enumerate().skip(first).take(rows) {
            let keys = app.session.keymap.keys(*c).join(" ");
            let style = if n == self.pick {
                theme.selected()
            } else {
                Style::default()
            };
            lines.push(Line::styled(
                format!("{keys:<16} {}", app.lang().command(*c)),
                style,
            ));
        }
        frame.render_widget(Paragraph::new(lines), inner);
    }
}
