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
    let position = if app.total > 0 {
        format!(" {}/{}", app.cursor + 1, app.total)
    } else {
        String::new()
    };
    let title = if app.filter.active() || app.filter.editing {
        format!(
            " {} / {}{}{position} ",
            app.view.title(app.en),
            text::line(&app.filter.query),
            if app.filter.editing { "▏" } else { "" }
        )
    } else {
        format!(" {}{position} ", app.view.title(app.en))
    };
    let marks = if app.marks.is_empty() {
        String::new()
    } else {
        format!(" {} {} ", app.marks.len(), app.t("ditandai", "marked"))
    };
    let block = Block::bordered()
        .title(Line::styled(title, theme.title()))
        .title_bottom(Line::styled(marks, theme.marked()));
    if app.total == 0 {
        let msg = if app.counts[crate::app::View::All.index()] == 0 {
            app.t(
                "Belum ada laporan. Tekan i untuk mengimpor berkas dari registri.",
                "No complaints yet. Press i to import batch files from the registry.",
            )
        } else {
            app.t(
                "Tidak ada laporan di tampilan ini.",
                "No complaints in this view.",
            )
        };
        frame.render_widget(Paragraph::new(msg).block(block), area);
        return;
    }
    let wide = area.width >= 120;
    let start = app.scroll.min(app.total);
    let end = (start + usize::from(area.height.saturating_sub(3)).max(1)).min(app.total);
    // Only the rows on screen are built; a row whose window is still loading shows "…".
    let rows: Vec<Row<'_>> = (start..end)
        .map(|at| app.window.get(at))
        .map(|r| {
            let Some(r) = r else {
                return Row::new(vec![Cell::from(""), Cell::from("…")]);
            };
            let mark = if app.marks.contains(&r.id) {
                "●"
            } else {
                " "
            };
            let sla = r.sla.map_or_else(
                || "—".to_owned(),
                |s| if app.en { s.label_en() } else { s.label_id() },
            );
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
                title.push(Span::styled(app.t("[Anonim] ", "[Anon] "), theme.flag()));
            }
            if r.confidential {
                title.push(Span::styled(app.t("[Rahasia] ", "[Conf] "), theme.flag()));
            }
            if !r.in_scope {
                title.push(Span::styled(app.t("[Keluar] ", "[Left] "), theme.dim()));
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
                Cell::from(clip(&text::line(r.status.as_str()), 12)),
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
    let mut header = vec!["", "ID", "STATUS", "SLA", "", app.t("JUDUL", "TITLE")];
    if wide {
        widths.push(Constraint::Length(22));
        header.push(app.t("KATEGORI", "CATEGORY"));
    }
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(theme.header()))
        .row_highlight_style(theme.selected())
        .column_spacing(1)
        .block(block);
    let mut state = TableState::default().with_selected(Some(app.cursor.saturating_sub(start)));
    frame.render_stateful_widget(table, area, &mut state);
}
