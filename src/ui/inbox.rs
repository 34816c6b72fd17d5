//! The inbox (*Kotak Masuk*): the complaints of the current view, most urgent first.
//! Only the rows on screen are built, so a long view draws as fast as a short one.
//! Columns share the width by priority (see [`columns`]): the SLA cell is always
//! whole, the title takes what is left, and the least needed columns give way first.

use super::{Theme, clip};
use crate::app::{App, InboxRow, Urgency, View};
use crate::text;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table, TableState};

/// The inbox's columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Col {
    Mark,
    Id,
    Status,
    Sla,
    Op,
    Title,
    Agency,
    Category,
}

/// The narrowest a title may get before other columns give way.
const TITLE_MIN: u16 = 20;

/// The columns that fit in `width` and their widths, from the cells they will show:
/// the title is last to shrink (it takes what is left); when there is no room the
/// category goes first (it then follows the title), then the agency, then the status.
fn columns(width: u16, cells: &[Vec<(Col, String)>], headers: &[(Col, &str)]) -> Vec<(Col, u16)> {
    let widest = |c: Col| -> u16 {
        let head = headers
            .iter()
            .find(|(h, _)| *h == c)
            .map_or(0, |(_, s)| s.chars().count());
        let body = cells
            .iter()
            .flat_map(|r| r.iter().filter(|(k, _)| *k == c))
            .map(|(_, s)| s.chars().count())
            .max()
            .unwrap_or(0);
        u16::try_from(head.max(body)).unwrap_or(u16::MAX)
    };
    let mut cols: Vec<(Col, u16)> = headers
        .iter()
        .map(|(c, _)| match c {
            Col::Mark | Col::Op => (*c, 1),
            Col::Title => (*c, TITLE_MIN),
            Col::Category => (*c, widest(*c).min(28)),
            other => (*other, widest(*other)),
        })
        .collect();
    let need = |cols: &[(Col, u16)]| -> u16 {
        cols.iter().map(|(_, w)| *w).sum::<u16>() + u16::try_from(cols.len()).unwrap_or(0)
    };
    for drop in [Col::Category, Col::Agency, Col::Status] {
        if need(&cols) <= width {
            break;
        }
        cols.retain(|(c, _)| *c != drop);
    }
    cols
}

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
    // A `V` range grows with the cursor until the second `V` marks it.
    let range = b
        .anchor
        .as_ref()
        .map(|a| (a.at.min(b.cursor), a.at.max(b.cursor)));
    let marks = match (range, b.marks.is_empty()) {
        (Some((lo, hi)), _) => format!(" {} ", app.lang().range_size(hi - lo + 1)),
        (None, true) => String::new(),
        (None, false) => format!(" {} {} ", b.marks.len(), t.marked),
    };
    let mut block = Block::bordered()
        .title(Line::styled(title, theme.title()))
        .title_bottom(Line::styled(marks, theme.marked()));
    if b.view == View::Outbox {
        block = block.title_bottom(Line::styled(t.outbox_legend, theme.dim()).right_aligned());
    }
    if b.total == 0 {
        let msg = if app.loaded.counts.all == 0 {
            t.empty_cache
        } else {
            t.empty_view
        };
        frame.render_widget(Paragraph::new(msg).block(block), area);
        return;
    }
    let start = b.scroll.min(b.total);
    let end = (start + super::table_rows(area)).min(b.total);
    let shown: Vec<Option<&InboxRow>> = (start..end).map(|at| b.window.get(at)).collect();
    let coordinator = app.session.scope.len() > 1;
    let mut headers = vec![
        (Col::Mark, ""),
        (Col::Id, "ID"),
        (Col::Status, t.col_status),
        (Col::Sla, "SLA"),
        (Col::Op, ""),
        (Col::Title, t.col_title),
    ];
    if coordinator {
        headers.push((Col::Agency, t.col_agency));
    }
    headers.push((Col::Category, t.col_category));
    // The plain text of every cell on screen, to size the columns by.
    let texts: Vec<Vec<(Col, String)>> = shown
        .iter()
        .flatten()
        .map(|r| {
            vec![
                (Col::Id, text::line(r.id.as_str())),
                (Col::Status, text::line(&lang.status(&r.status))),
                (Col::Sla, sla_text(app, r)),
                (Col::Agency, text::line(r.agency.as_str())),
                (Col::Category, text::line(&r.category)),
            ]
        })
        .collect();
    let cols = columns(area.width.saturating_sub(2), &texts, &headers);
    let has = |c: Col| cols.iter().any(|(k, _)| *k == c);
    let rows: Vec<Row<'_>> = shown
        .iter()
        .enumerate()
        .map(|(i, r)| match r {
            Some(r) => {
                let at = start + i;
                let ranged = range.is_some_and(|(lo, hi)| (lo..=hi).contains(&at));
                row(app, theme, r, &cols, !has(Col::Category), ranged)
            }
            None => Row::new(vec![Cell::from(""), Cell::from("…")]),
        })
        .collect();
    let widths: Vec<Constraint> = cols
        .iter()
        .map(|(c, w)| match c {
            Col::Title => Constraint::Fill(1),
            _ => Constraint::Length(*w),
        })
        .collect();
    let header: Vec<&str> = cols
        .iter()
        .filter_map(|(c, _)| headers.iter().find(|(h, _)| h == c).map(|(_, s)| *s))
        .collect();
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(theme.header()))
        .row_highlight_style(theme.selected())
        .column_spacing(1)
        .block(block);
    let mut state = TableState::default().with_selected(Some(b.cursor.saturating_sub(start)));
    frame.render_stateful_widget(table, area, &mut state);
}

/// The SLA cell: which clock, and its state.
fn sla_text(app: &App, r: &InboxRow) -> String {
    r.sla
        .map_or_else(|| "—".to_owned(), |s| app.lang().sla_cell(r.sla_clock, s))
}

/// One complaint's row, with the columns that fit.
fn row<'a>(
    app: &App,
    theme: &Theme,
    r: &'a InboxRow,
    cols: &[(Col, u16)],
    category_in_title: bool,
    in_range: bool,
) -> Row<'a> {
    let t = app.t();
    let lang = app.lang();
    let cells = cols.iter().map(|(c, w)| match c {
        Col::Mark => {
            let mark = if app.inbox.marks.contains(&r.id) {
                "●"
            } else if in_range {
                "▸"
            } else {
                " "
            };
            Cell::from(Span::styled(mark, theme.marked()))
        }
        Col::Id => Cell::from(text::line(r.id.as_str())),
        Col::Status => Cell::from(clip(&text::line(&lang.status(&r.status)), usize::from(*w))),
        Col::Sla => {
            let style = match r.urgency {
                Urgency::Late => theme.late(),
                Urgency::Soon => theme.soon(),
                Urgency::Fine => theme.fine(),
                Urgency::None => theme.dim(),
            };
            Cell::from(Span::styled(sla_text(app, r), style))
        }
        Col::Op => {
            let op = if r.conflict {
                "!"
            } else if r.rejected {
                "✗"
            } else if r.pending > 0 {
                "↑"
            } else {
                ""
            };
            Cell::from(Span::styled(op, theme.flag()))
        }
        Col::Title => {
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
            if r.misrouted {
                title.push(Span::styled(t.tag_misrouted, theme.soon()));
            }
            // In the outbox the operations come first: kind, target, note, state.
            for (i, op) in r.queued.iter().enumerate() {
                let sep = if i == 0 { "" } else { " · " };
                title.push(Span::styled(
                    format!("{sep}{}", app.lang().op_summary(op)),
                    theme.flag(),
                ));
            }
            if !r.queued.is_empty() {
                title.push(Span::styled(" — ", theme.dim()));
            }
            title.push(Span::raw(text::line(&r.title)));
            if category_in_title && !r.category.is_empty() {
                // No room for a category column: it follows the title.
                title.push(Span::styled(
                    format!(" · {}", text::line(&r.category)),
                    theme.dim(),
                ));
            }
            Cell::from(Line::from(title))
        }
        Col::Agency => Cell::from(text::line(r.agency.as_str())),
        Col::Category => Cell::from(clip(&text::line(&r.category), usize::from(*w))),
    });
    Row::new(cells.collect::<Vec<_>>())
}

#[cfg(test)]
mod tests {
    use super::{Col, columns};

    fn cells(sla: &str, category: &str) -> Vec<Vec<(Col, String)>> {
        vec![vec![
            (Col::Id, "LAP-2026-0030441".into()),
            (Col::Status, "terdisposisi".into()),
            (Col::Sla, sla.into()),
            (Col::Category, category.into()),
        ]]
    }

    const HEADERS: [(Col, &str); 7] = [
        (Col::Mark, ""),
        (Col::Id, "ID"),
        (Col::Status, "STATUS"),
        (Col::Sla, "SLA"),
        (Col::Op, ""),
        (Col::Title, "JUDUL"),
        (Col::Category, "KATEGORI"),
    ];

    #[test]
    fn the_sla_is_whole_and_the_least_needed_columns_give_way() {
        let sla = "akhir: jatuh tempo hari ini";
        let cols = columns(200, &cells(sla, "Infrastruktur"), &HEADERS);
        assert!(cols.contains(&(Col::Sla, 27)));
        assert!(cols.contains(&(Col::Category, 13)), "as wide as its text");
        let cols = columns(78, &cells(sla, "Infrastruktur"), &HEADERS);
        assert!(cols.contains(&(Col::Sla, 27)), "{cols:?}");
        assert!(!cols.iter().any(|(c, _)| *c == Col::Category));
        let cols = columns(58, &cells(sla, "Infrastruktur"), &HEADERS);
        assert!(cols.contains(&(Col::Sla, 27)), "{cols:?}");
        assert!(!cols.iter().any(|(c, _)| *c == Col::Status));
    }
}
