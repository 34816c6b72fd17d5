//! The import pane: batch files in the configured import folder, which are new, the
//! progress of a running import and the report of the last one.

use super::{Component, Reply};
use crate::app::{App, BatchFile, Command, Effect};
use crate::text;
use crate::ui::{Theme, popup};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

/// The import pane.
#[derive(Debug, Clone, Default)]
pub struct ImportPane {
    pub files: Vec<BatchFile>,
    pub running: bool,
    /// The file being read and how many records of it so far.
    pub progress: Option<(String, u64)>,
    /// One line per file of the last import.
    pub results: Vec<String>,
}

impl Component for ImportPane {
    fn commands(&self) -> &'static [Command] {
        &[Command::Open, Command::Clear, Command::Help, Command::Quit]
    }

    fn hints(&self, app: &App) -> Vec<(String, &'static str)> {
        let t = app.t();
        vec![
            ("Enter".into(), t.hint_import_new),
            ("Esc".into(), t.hint_close),
        ]
    }

    fn command(&mut self, app: &mut App, cmd: Command) -> Reply {
        match cmd {
            Command::Open | Command::Submit if !self.running => {
                let new: Vec<_> = self
                    .files
                    .iter()
                    .filter(|f| !f.imported)
                    .map(|f| f.path.clone())
                    .collect();
                if new.is_empty() {
                    app.say(app.t().no_new_files);
                    return Reply::stay(Vec::new());
                }
                self.running = true;
                self.results.clear();
                Reply::stay(vec![Effect::Import(new)])
            }
            Command::Clear | Command::Close if !self.running => Reply::close(Vec::new()),
            _ => Reply::stay(Vec::new()),
        }
    }

    fn draw(&self, frame: &mut Frame<'_>, area: Rect, app: &App, theme: &Theme) {
        let t = app.t();
        let r = popup(area, 90, area.height);
        frame.render_widget(Clear, r);
        let mut lines: Vec<Line<'_>> = Vec::new();
        if self.files.is_empty() {
            lines.push(Line::styled(t.no_batch_files, theme.dim()));
        }
        for f in &self.files {
            let what = match &f.header {
                Some((_, agency, seq)) => format!("{} #{seq}", text::line(agency)),
                None => t.header_unreadable.to_owned(),
            };
            let (state, style) = if f.imported {
                (t.imported, theme.dim())
            } else {
                (t.new_file, theme.base())
            };
            lines.push(Line::styled(
                format!("{:<14} {:<40} {what}", state, text::line(&f.name)),
                style,
            ));
        }
        if let Some((file, n)) = &self.progress {
            lines.push(Line::raw(""));
            lines.push(Line::styled(
                format!("{} {} … {n} {}", t.importing, text::line(file), t.records),
                theme.soon(),
            ));
        }
        if !self.results.is_empty() {
            lines.push(Line::raw(""));
            for res in &self.results {
                lines.push(Line::raw(text::line(res)));
            }
        }
        let title = if self.running {
            t.import_running_title
        } else {
            t.import_title
        };
        frame.render_widget(
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .block(Block::bordered().title(title)),
            r,
        );
    }
}
