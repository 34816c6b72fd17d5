//! The inbox (*Kotak Masuk*): the complaints of the current view, most urgent first.
//! Only the rows on screen are built, so a long view draws as fast as a short one.

use super::{Theme, clip};
use crate::app::{App, Urgency};
use crate::text;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table, TableState};

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, theme: &Theme) {
    let t = app.t();
    let lang = app.lang();
    let b = &app.inbox;
    let position = if b.total > 0 {
        format!(" {}/{}", b.cursor + 1, b.total)
    } else {
        String::new()
    };
    let title = if b.filter.active() || b.filter.editing {
        format!(
            " {} / {}{}{position} ",
            lang.view(b.view),
            text::line(&b.filter.query),
            if b.filter.editing { "▏" } else { "" }
        )
    } else if let Some(pin) = &b.filter.pinned {
        format!(" {} / {}{position} ", lang.view(b.view), text::line(pin))
    } else {
        format!(" {}{position} ", lang.view(b.view))
    };
    let marks = if b.marks.is_empty() {
        String::new()
    } else {
        format!(" {} {} ", b.marks.len(), t.marked)
    };
    let block = Block::bordered()
        .title(Line::styled(title, theme.title()))
        .title_bottom(Line::styled(marks, theme.marked()));
    if b.total == 0 {
        let msg = if app.loaded.counts.all == 0 {
            t.empty_cache
        } else {
            t.empty_view
        };
        frame.render_widget(Paragraph::new(msg).block(block), area);
        return;
    }
    let wide = area.width >= 120;
    let start = b.scroll.min(b.total);
    let end = (start + super::table_rows(area)).min(b.total);
    // Only the rows on screen are built; a row whose window is still loading shows "…".
    let rows: Vec<Row<'_>> = (start..end)
        .map(|at| b.window.get(at))
        .map(|r| {
            let Some(r) = r else {
                return Row::new(vec![Cell::from(""), Cell::from("…")]);
            };
            let mark = if b.marks.contains(&r.id) { "●" } else { " " };
            let sla = r.sla.map_or_else(|| "—".to_owned(), |s| lang.clock(s));
            let sla_style = match r.urgency {
                Urgency::Late => theme.late(),
                Urgency::Soon => theme.soon(),
                Urgency::Fine => theme.fine(),
                Urgency::None => theme.dim(),
            };
            let op = if r.conflict {
                "!"
            } else if r.rejected {
                "✗"
            } else if r.pending > 0 {
                "↑"
            } else {
                ""
            };
            let mut title = Vec::new();
            if r.anonymous {
                title.push(Span::styled(t.tag_anonymous, theme.flag()));
            }
            if r.confidential {
                title.push(Span::styled(t.tag_confidential, theme.flag()));
            }
            if !r.in_scope {
                title.push(Span::styled(t.tag_left, theme.dim()));
            }
            title.push(Span::raw(text::line(&r.title)));
            if !wide && !r.category.is_empty() {
                // No room for a category column: it follows the title.
                title.push(Span::styled(
                    format!(" · {}", text::line(&r.category)),
                    theme.dim(),
                ));
            }
            let mut cells = vec![
                Cell::from(Span::styled(mark, theme.marked())),
                Cell::from(text::line(r.id.as_str())),
                Cell::from(clip(&text::line(&lang.status(&r.status)), 12)),
                Cell::from(Span::styled(sla, sla_style)),
                Cell::from(Span::styled(op, theme.flag())),
                Cell::from(Line::from(title)),
            ];
            if wide {
                cells.push(Cell::from(text::line(&r.category)));
            }
            Row::new(cells)
        })
        .collect();
    let mut widths = vec![
        Constraint::Length(1),
        Constraint::Length(16),
        Constraint::Length(12),
        Constraint::Length(17),
        Constraint::Length(1),
        Constraint::Fill(1),
    ];
    let mut header = vec!["", "ID", t.col_status, "SLA", "", t.col_title];
    if wide {
        widths.push(Constraint::Length(22));
        header.push(t.col_category);
    }
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(theme.header()))
        .row_highlight_style(theme.selected())
        .column_spacing(1)
        .block(block);
    let mut state = TableState::default().with_selected(Some(b.cursor.saturating_sub(start)));
    frame.render_stateful_widget(table, area, &mut state);
}
