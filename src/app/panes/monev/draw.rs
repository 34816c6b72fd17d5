//! Drawing the monev pane from its state: the table per agency (its columns fit the
//! width; at 80 columns the essentials), then, where there is room, compliance per
//! agency and the weekly received / on-time chart (they give way first on a small
//! screen), the backlog's age and the letters issued; or the drafted letters for
//! review. Names and titles come from batches: they go through the one sanitiser.

use super::{Mode, MonevPane};
use crate::app::App;
use crate::domain::monev::AgencyFigures;
use crate::monev::format::{Cell as Num, RowView};
use crate::text;
use crate::ui::widgets::pane_box;
use crate::ui::{Theme, clip};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Cell, Paragraph, Row, Table, Wrap};

/// The pane.
pub fn draw(p: &MonevPane, frame: &mut Frame<'_>, area: Rect, app: &App, theme: &Theme) {
    let lang = app.lang();
    let title = lang.monev_pane_title(p.period.from, p.period.to, p.as_of);
    let inner = pane_box(frame, area, 100, Line::styled(title, theme.title()));
    let [body, foot] = Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(inner);
    match &p.mode {
        Mode::Letters {
            letters,
            at,
            scroll,
        } => draw_letters(frame, body, app, theme, letters, *at, *scroll),
        _ => draw_figures(p, frame, body, app, theme),
    }
    // The bottom line: the period being typed, a problem, or the progress.
    let line = match (&p.mode, &p.problem, p.progress) {
        (Mode::Range(t), _, _) => Line::from(vec![
            Span::styled(lang.monev_range_prompt(), theme.focus()),
            Span::raw(format!("{}▏", text::line(t))),
        ]),
        (_, Some(e), _) => Line::styled(text::line(e), theme.error()),
        (_, None, Some((read, total))) => {
            Line::styled(lang.monev_progress(read, total), theme.soon())
        }
        _ if p.drafting => Line::styled(lang.monev_drafting(), theme.soon()),
        _ => Line::styled(lang.monev_privacy_short(), theme.dim()),
    };
    frame.render_widget(Paragraph::new(line), foot);
}

/// The column sets, widest first: every count; the usual; the essentials. Indexes
/// into `Lang::monev_columns` after rank and agency (2..).
const COLUMN_SETS: [&[usize]; 3] = [
    &[
        2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22,
    ],
    &[2, 3, 4, 5, 6, 8, 9, 12, 15, 16, 17, 18, 21, 22],
    &[2, 6, 8, 9, 15, 17, 18, 22],
];

/// A column's width: its header's, at least what its numbers need (a share `100.0%`,
/// a median `12.5`, a count).
fn col_w(names: &[&str; 23], i: usize) -> u16 {
    let min = match i {
        8 | 15 => 6,
        9 | 16 => 5,
        _ => 4,
    };
    names[i].chars().count().max(min) as u16
}

/// The widest column set that leaves the agency's code its 16 columns.
fn columns(names: &[&str; 23], width: u16) -> (&'static [usize], u16) {
    for set in COLUMN_SETS {
        let used: u16 = 2 + set.iter().map(|i| col_w(names, *i) + 1).sum::<u16>() + 1;
        if width >= used + 16 || set.len() == COLUMN_SETS[2].len() {
            return (set, width.saturating_sub(used).clamp(10, 18));
        }
    }
    (COLUMN_SETS[2], 16)
}

fn cell_style(c: &Num, theme: &Theme) -> Style {
    match c {
        Num::Share(Some(x)) if *x >= 0.8 => theme.fine(),
        Num::Share(Some(x)) if *x >= 0.5 => theme.soon(),
        Num::Share(Some(_)) => theme.late(),
        _ => theme.base(),
    }
}

fn draw_figures(p: &MonevPane, frame: &mut Frame<'_>, area: Rect, app: &App, theme: &Theme) {
    let lang = app.lang();
    let Some(report) = &p.report else {
        let msg = if p.problem.is_some() {
            String::new()
        } else {
            lang.monev_computing().to_owned()
        };
        frame.render_widget(Paragraph::new(Line::styled(msg, theme.dim())), area);
        return;
    };
    let f = &report.figures;
    let names = lang.monev_columns();
    let (cols, agency_w) = columns(&names, area.width);
    let mut header = vec![Cell::from(names[0]), Cell::from(names[1])];
    header.extend(
        cols.iter()
            .map(|i| Cell::from(Line::from(names[*i]).right_aligned())),
    );
    let mut widths = vec![Constraint::Length(2), Constraint::Length(agency_w)];
    widths.extend(cols.iter().map(|i| Constraint::Length(col_w(&names, *i))));
    let total_label = lang.monev_total();
    let mut rows: Vec<Row<'_>> = Vec::new();
    let views: Vec<RowView<'_>> = f
        .agencies
        .iter()
        .map(RowView::agency)
        .chain(std::iter::once(RowView::total(&f.total, total_label)))
        .collect();
    for (i, r) in views.iter().enumerate() {
        let numbers = r.cells();
        let mut cells = vec![
            Cell::from(r.rank.map(|n| n.to_string()).unwrap_or_default()),
            Cell::from(clip(&text::line(r.agency), usize::from(agency_w))),
        ];
        cells.extend(cols.iter().map(|c| {
            let n = &numbers[c - 2];
            Cell::from(Line::from(n.human()).right_aligned()).style(cell_style(n, theme))
        }));
        let style = if r.rank.is_none() {
            theme.title()
        } else if i == p.cursor {
            theme.selected()
        } else {
            theme.base()
        };
        rows.push(Row::new(cells).style(style));
    }
    let table_h = (rows.len() as u16 + 1).min(area.height);
    let [table_area, rest] =
        Layout::vertical([Constraint::Length(table_h), Constraint::Min(0)]).areas(area);
    let dim = p.progress.is_some();
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(theme.header()))
        .column_spacing(1)
        .style(if dim { theme.dim() } else { theme.base() });
    frame.render_widget(table, table_area);
    if rest.height == 0 {
        return;
    }
    // Below the table: the backlog's age and the letters, then the charts if they fit.
    let b = &f.total.backlog;
    let mut info = vec![Line::from(vec![
        Span::styled(lang.monev_backlog_label(), theme.header()),
        Span::raw(lang.monev_backlog_ages(b.open, b.overdue, b.age)),
    ])];
    let letters = lang.monev_letters_line(&report.letters, &report.all_letters);
    info.push(Line::from(vec![
        Span::styled(lang.monev_letters_label(), theme.header()),
        Span::raw(text::line(&letters)),
    ]));
    let info_h = (info.len() as u16).min(rest.height);
    let [info_area, charts] =
        Layout::vertical([Constraint::Length(info_h), Constraint::Min(0)]).areas(rest);
    frame.render_widget(Paragraph::new(info), info_area);
    let bars_h = f.agencies.len() as u16 + 2;
    if charts.height < bars_h.min(8) || f.agencies.is_empty() {
        return;
    }
    // Tall enough for the bars and a readable weekly chart, no taller.
    let height = charts.height.min(bars_h.max(12));
    let charts = Rect { height, ..charts };
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(charts);
    compliance_chart(frame, left, &f.agencies, app, theme);
    weekly_chart(frame, right, f, app, theme);
}

fn compliance_chart(
    frame: &mut Frame<'_>,
    area: Rect,
    agencies: &[AgencyFigures],
    app: &App,
    theme: &Theme,
) {
    let bars: Vec<Bar<'_>> = agencies
        .iter()
        .map(|a| {
            let pct = a.first_response.compliance.map_or(0.0, |x| x * 100.0);
            let label = a.agency.rsplit('-').next().unwrap_or(&a.agency);
            let value = match a.first_response.compliance {
                Some(_) => format!("{pct:.0}%"),
                None => "–".to_owned(),
            };
            Bar::new(pct.round() as u64)
                .label(Line::from(clip(&text::line(label), 11)))
                .text_value(value)
                .style(cell_style(&Num::Share(a.first_response.compliance), theme))
        })
        .collect();
    let chart = BarChart::horizontal(bars)
        .block(Block::bordered().title(app.lang().monev_chart_compliance()))
        .bar_width(1)
        .bar_gap(0)
        .max(100)
        .value_style(theme.selected());
    frame.render_widget(chart, area);
}

fn weekly_chart(
    frame: &mut Frame<'_>,
    area: Rect,
    f: &crate::domain::monev::Figures,
    app: &App,
    theme: &Theme,
) {
    let weeks = f.weeks.len().max(1) as u16;
    let inner_w = area.width.saturating_sub(2);
    let bar_w = ((inner_w / weeks).saturating_sub(1) / 2).clamp(1, 4);
    let groups: Vec<BarGroup<'_>> = f
        .weeks
        .iter()
        .map(|w| {
            BarGroup::with_label(
                w.week_start.format("%d/%m").to_string(),
                vec![
                    Bar::new(w.received).style(theme.dim()),
                    Bar::new(w.first_on_time).style(theme.fine()),
                ],
            )
        })
        .collect();
    let chart = BarChart::grouped(groups)
        .block(Block::bordered().title(app.lang().monev_chart_weekly()))
        .bar_width(bar_w)
        .bar_gap(0)
        .group_gap(1);
    frame.render_widget(chart, area);
}

fn draw_letters(
    frame: &mut Frame<'_>,
    area: Rect,
    app: &App,
    theme: &Theme,
    letters: &[(crate::monev::letters::Letter, String)],
    at: usize,
    scroll: u16,
) {
    let lang = app.lang();
    let list_h = (letters.len() as u16 + 1).min(area.height / 3).max(2);
    let [list, text_area] =
        Layout::vertical([Constraint::Length(list_h), Constraint::Min(0)]).areas(area);
    let mut lines = vec![Line::styled(
        lang.monev_letters_heading(letters.len()),
        theme.header(),
    )];
    for (i, (l, _)) in letters.iter().enumerate() {
        let style = if i == at {
            theme.selected()
        } else {
            theme.base()
        };
        lines.push(Line::styled(text::line(&lang.monev_letter_row(l)), style));
    }
    let skip = at.saturating_sub(usize::from(list_h).saturating_sub(2));
    let shown: Vec<Line<'_>> = lines
        .into_iter()
        .enumerate()
        .filter(|(i, _)| *i == 0 || *i > skip)
        .map(|(_, l)| l)
        .collect();
    frame.render_widget(Paragraph::new(shown), list);
    let body = letters
        .get(at)
        .map(|(_, t)| text::block(t))
        .unwrap_or_default();
    frame.render_widget(
        Paragraph::new(body)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0))
            .block(Block::bordered().border_style(theme.dim())),
        text_area,
    );
}
