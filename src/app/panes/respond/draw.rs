//! Drawing the response pane: stage and template on top, the editor beside (or above)
//! the preview of each complaint's filled text.

use super::{Field, RespondPane, STAGES};
use crate::app::App;
use crate::text;
use crate::ui::widgets::{draw_choices, draw_editor, field_block, pane_box};
use crate::ui::{Theme, clip};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};

/// How many complaints the preview shows.
const SHOWN: usize = 50;

pub fn draw(f: &RespondPane, frame: &mut Frame<'_>, area: Rect, app: &App, theme: &Theme) {
    let t = app.t();
    let inner = pane_box(frame, area, 94, app.lang().respond_title(f.targets.len()));
    let [top, body] = Layout::vertical([Constraint::Length(3), Constraint::Min(3)]).areas(inner);
    let [stage, template] =
        Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(top);
    let labels: Vec<String> = STAGES
        .iter()
        .map(|s| format!(" {} ", app.lang().stage(*s)))
        .collect();
    draw_choices(
        frame,
        stage,
        (&labels, f.stage),
        field_block(t.stage, f.field == Field::Stage, theme),
        theme,
    );
    let name = f
        .names
        .get(f.template)
        .filter(|n| !n.is_empty())
        .map_or_else(|| t.no_template.to_owned(), |n| text::line(n));
    frame.render_widget(
        Paragraph::new(format!("◂ {name} ▸")).block(field_block(
            t.template,
            f.field == Field::Template,
            theme,
        )),
        template,
    );
    let [editor, preview] = if body.width >= 100 {
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(body)
    } else {
        Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(body)
    };
    let block = field_block(t.response_text, f.field == Field::Text, theme);
    draw_editor(frame, editor, &f.text, block);
    draw_preview(f, frame, preview, app, theme);
}

/// Each complaint's filled text, the first [`SHOWN`] of them.
fn draw_preview(f: &RespondPane, frame: &mut Frame<'_>, area: Rect, app: &App, theme: &Theme) {
    let t = app.t();
    let mut lines: Vec<Line<'_>> = Vec::new();
    if f.fills.is_empty() {
        lines.push(Line::styled(t.loading, theme.dim()));
    }
    for fd in f.fills.iter().take(SHOWN) {
        lines.push(Line::styled(
            format!(
                "▸ {} {}",
                text::line(fd.complaint.id.as_str()),
                clip(&text::line(&fd.complaint.title), 40)
            ),
            theme.header(),
        ));
        for l in f
            .preview(fd, &app.session.officer, app.session.today)
            .lines()
        {
            lines.push(Line::raw(l.to_owned()));
        }
        lines.push(Line::raw(""));
    }
    if f.fills.len() > SHOWN {
        lines.push(Line::styled(
            app.lang().more_previews(f.fills.len() - SHOWN),
            theme.dim(),
        ));
    }
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((f.preview_scroll, 0))
            .block(Block::bordered().title(t.preview)),
        area,
    );
}
