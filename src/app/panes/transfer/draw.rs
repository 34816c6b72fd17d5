//! Drawing the transfer pane: the picker, the reason, the note and what will happen.

use super::{Field, REASONS, TransferPane};
use crate::app::App;
use crate::text;
use crate::ui::widgets::{draw_choices, draw_editor, field_block, pane_box};
use crate::ui::{Theme, clip};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

pub fn draw(f: &TransferPane, frame: &mut Frame<'_>, area: Rect, app: &App, theme: &Theme) {
    let t = app.t();
    let inner = pane_box(frame, area, 90, t.transfer_title);
    let [picker, reason, note, preview] = Layout::vertical([
        Constraint::Min(3),
        Constraint::Length(3),
        Constraint::Length(3),
        Constraint::Length(2),
    ])
    .areas(inner);
    draw_picker(f, frame, picker, app, theme);
    let labels: Vec<String> = REASONS
        .iter()
        .map(|r| format!(" {} ", app.lang().reason(*r)))
        .collect();
    draw_choices(
        frame,
        reason,
        (&labels, f.reason),
        field_block(t.reason, f.field == Field::Reason, theme),
        theme,
    );
    draw_editor(
        frame,
        note,
        &f.note,
        field_block(t.note_required, f.field == Field::Note, theme),
    );
    let target = f
        .chosen(&app.agencies)
        .map_or_else(|| t.coordinator_chooses.to_owned(), |a| text::line(&a.name));
    let mut info = vec![Line::raw(
        app.lang().transfer_preview(f.targets.len(), &target),
    )];
    let pp = f.ping_pong(&app.agencies);
    if !pp.is_empty() {
        let ids: Vec<String> = pp.iter().map(|i| text::line(i.as_str())).collect();
        info.push(Line::styled(
            format!("⚠ {} {}", t.ping_pong, clip(&ids.join(", "), 60)),
            theme.error(),
        ));
    }
    frame.render_widget(Paragraph::new(info).wrap(Wrap { trim: true }), preview);
}

/// The agency picker: the query, then the directory's best matches around the pick.
fn draw_picker(f: &TransferPane, frame: &mut Frame<'_>, area: Rect, app: &App, theme: &Theme) {
    let t = app.t();
    let list_h = usize::from(area.height.saturating_sub(3)).max(1);
    let first = f.pick.saturating_sub(list_h.saturating_sub(1));
    let mut lines = vec![Line::from(vec![
        Span::styled(t.search_label, theme.dim()),
        Span::raw(text::line(&f.query)),
        Span::raw(if f.field == Field::Agency { "▏" } else { "" }),
    ])];
    let entries = std::iter::once(None).chain(f.picks.iter().map(|&i| app.agencies.get(i)));
    for (n, a) in entries.enumerate().skip(first).take(list_h) {
        let style = if n == f.pick {
            theme.selected()
        } else {
            Style::default()
        };
        let suggested = f.suggestion_at(n, &app.agencies);
        let label = match (a, suggested) {
            (Some(a), Some(s)) => format!(
                "★ {:<18} {:>3.0}%  {}",
                text::line(a.code.as_str()),
                s.score * 100.0,
                text::line(&app.lang().route_reason(&s.reason, &a.name))
            ),
            (Some(a), None) => format!(
                "{:<20} {}",
                text::line(a.code.as_str()),
                text::line(&a.name)
            ),
            (None, _) => t.agency_unknown.to_owned(),
        };
        let style = match suggested {
            Some(_) if n != f.pick => theme.ok(),
            _ => style,
        };
        lines.push(Line::styled(label, style));
    }
    if f.picks.is_empty() && !f.query.is_empty() {
        lines.push(Line::styled(t.no_agency_matches, theme.dim()));
    }
    frame.render_widget(
        Paragraph::new(lines).block(field_block(
            t.target_agency,
            f.field == Field::Agency,
            theme,
        )),
        area,
    );
}
