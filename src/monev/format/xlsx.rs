//! `--format xlsx`: a workbook an office can hand in as supporting evidence: the table
//! with real numbers and percent formats under a frozen header, a native bar chart of
//! compliance per agency, the overdue clocks (tracking ID, agency, category, clock,
//! due date, working days late) and the letters issued in the period. Written with
//! `rust_xlsxwriter`.

use super::super::Report;
use super::{Cell, FormatError, rows};
use crate::i18n::Lang;
use crate::text::line;
use rust_xlsxwriter::{
    Chart, ChartType, Color, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet,
    XlsxError,
};

fn err(e: XlsxError) -> FormatError {
    FormatError::Xlsx(e.to_string())
}

fn date(d: chrono::NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    use chrono::Datelike;
    ExcelDateTime::from_ymd(
        u16::try_from(d.year()).unwrap_or(1900),
        d.month() as u8,
        d.day() as u8,
    )
}

/// The workbook's bytes.
pub fn workbook(report: &Report, lang: Lang) -> Result<Vec<u8>, FormatError> {
    let mut wb = Workbook::new();
    let [main, overdue, letters] = lang.monev_sheets();
    let head = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xE5ECF5))
        .set_border(FormatBorder::Thin)
        .set_text_wrap()
        .set_align(FormatAlign::Center);
    let pct = Format::new().set_num_format("0.0%");
    let days = Format::new().set_num_format("0.0");
    let bold = Format::new().set_bold();
    let bold_pct = Format::new().set_bold().set_num_format("0.0%");
    let bold_days = Format::new().set_bold().set_num_format("0.0");
    let day_fmt = Format::new().set_num_format("yyyy-mm-dd");

    let f = &report.figures;
    let ws = wb.add_worksheet();
    ws.set_name(main).map_err(err)?;
    ws.write_string(0, 0, lang.monev_title()).map_err(err)?;
    ws.write_string(
        1,
        0,
        lang.monev_subtitle(f.period.from, f.period.to, f.as_of),
    )
    .map_err(err)?;
    let top = 3u32;
    let mut columns: Vec<&str> = lang.monev_columns().to_vec();
    columns.insert(2, lang.monev_name_column());
    for (c, h) in columns.iter().enumerate() {
        ws.write_string_with_format(top, c as u16, *h, &head)
            .map_err(err)?;
    }
    ws.set_row_height(top, 30).map_err(err)?;
    let all = rows(report, lang.monev_total());
    for (i, r) in all.iter().enumerate() {
        let row = top + 1 + i as u32;
        let total = r.rank.is_none();
        let (num, share, med) = if total {
            (Some(&bold), &bold_pct, &bold_days)
        } else {
            (None, &pct, &days)
        };
        if let Some(rank) = r.rank {
            ws.write_number(row, 0, f64::from(rank)).map_err(err)?;
        }
        match num {
            Some(b) => ws.write_string_with_format(row, 1, line(r.agency), b),
            None => ws.write_string(row, 1, line(r.agency)),
        }
        .map_err(err)?;
        ws.write_string(row, 2, line(r.name)).map_err(err)?;
        for (j, cell) in r.cells().iter().enumerate() {
            let col = 3 + j as u16;
            match (cell, num) {
                (Cell::Count(n), Some(b)) => ws.write_number_with_format(row, col, *n as f64, b),
                (Cell::Count(n), None) => ws.write_number(row, col, *n as f64),
                (Cell::Share(Some(x)), _) => ws.write_number_with_format(row, col, *x, share),
                (Cell::Days(Some(x)), _) => ws.write_number_with_format(row, col, *x, med),
                (Cell::Share(None) | Cell::Days(None), _) => continue,
            }
            .map_err(err)?;
        }
    }
    ws.set_freeze_panes(top + 1, 3).map_err(err)?;
    ws.set_column_width(0, 4).map_err(err)?;
    ws.set_column_width(1, 18).map_err(err)?;
    ws.set_column_width(2, 40).map_err(err)?;
    for c in 3..columns.len() as u16 {
        ws.set_column_width(c, 9).map_err(err)?;
    }
    let legend_row = top + 2 + all.len() as u32;
    ws.write_string(legend_row, 0, lang.monev_legend())
        .map_err(err)?;
    ws.write_string(legend_row + 1, 0, lang.monev_privacy_note())
        .map_err(err)?;
    let n = f.agencies.len() as u32;
    if n > 0 {
        let mut chart = Chart::new(ChartType::Bar);
        let (first_row, last_row) = (top + 1, top + n);
        for (col, clock) in [
            (9u16, crate::domain::monev::ClockKind::FirstResponse),
            (16u16, crate::domain::monev::ClockKind::Completion),
        ] {
            chart
                .add_series()
                .set_categories((main, first_row, 1, last_row, 1))
                .set_values((main, first_row, col, last_row, col))
                .set_name(lang.monev_clock(clock));
        }
        chart.title().set_name(
            lang.monev_sections()
                .compliance
                .split(' ')
                .next()
                .unwrap_or(""),
        );
        chart
            .x_axis()
            .set_num_format("0%")
            .set_min(0.0)
            .set_max(1.0);
        chart.y_axis().set_reverse();
        chart.set_height(40 * n.max(6) + 80);
        chart.set_width(640);
        ws.insert_chart(legend_row + 3, 1, &chart).map_err(err)?;
    }

    let ws = wb.add_worksheet();
    ws.set_name(overdue).map_err(err)?;
    overdue_sheet(ws, report, lang, &head, &day_fmt).map_err(err)?;

    let ws = wb.add_worksheet();
    ws.set_name(letters).map_err(err)?;
    let cols = lang.monev_letter_columns();
    for (c, h) in cols.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &head)
            .map_err(err)?;
    }
    for (i, l) in report.letters.iter().enumerate() {
        let row = 1 + i as u32;
        ws.write_string(row, 0, line(&l.number)).map_err(err)?;
        ws.write_datetime_with_format(row, 1, date(l.date).map_err(err)?, &day_fmt)
            .map_err(err)?;
        ws.write_string(row, 2, line(&l.agency)).map_err(err)?;
        ws.write_number(row, 3, f64::from(l.level)).map_err(err)?;
        ws.write_datetime_with_format(row, 4, date(l.deadline).map_err(err)?, &day_fmt)
            .map_err(err)?;
    }
    ws.set_freeze_panes(1, 0).map_err(err)?;
    ws.set_column_width(0, 26).map_err(err)?;
    ws.set_column_width(1, 12).map_err(err)?;
    ws.set_column_width(2, 18).map_err(err)?;
    ws.set_column_width(4, 12).map_err(err)?;
    wb.save_to_buffer().map_err(err)
}

fn overdue_sheet(
    ws: &mut Worksheet,
    report: &Report,
    lang: Lang,
    head: &Format,
    day_fmt: &Format,
) -> Result<(), XlsxError> {
    let cols = lang.monev_overdue_columns();
    for (c, h) in cols.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, head)?;
    }
    for (i, o) in report.figures.overdue.iter().enumerate() {
        let row = 1 + i as u32;
        ws.write_string(row, 0, line(&o.id))?;
        ws.write_string(row, 1, line(&o.agency))?;
        ws.write_string(row, 2, o.category.as_deref().map(line).unwrap_or_default())?;
        ws.write_string(row, 3, lang.monev_clock(o.clock))?;
        ws.write_datetime_with_format(row, 4, date(o.due)?, day_fmt)?;
        ws.write_number(row, 5, f64::from(o.days_late))?;
    }
    let last = report.figures.overdue.len() as u32;
    ws.autofilter(0, 0, last.max(1), 5)?;
    ws.set_freeze_panes(1, 0)?;
    for (c, w) in [
        (0u16, 20.0),
        (1, 18.0),
        (2, 22.0),
        (3, 20.0),
        (4, 12.0),
        (5, 12.0),
    ] {
        ws.set_column_width(c, w)?;
    }
    Ok(())
}
