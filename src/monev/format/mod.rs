//! The report's formats (`spec/monev.md`): `table` and `md` for people (in the desk's
//! language), `csv` and `json` for scripts (language-neutral), `xlsx` for a
//! spreadsheet an office hands in as evidence, and `html` for one self-contained page
//! that prints on A4. None of them holds a reporter's identity or any complaint text:
//! complaints appear by tracking ID and category only.

mod charts;
mod csv;
mod html;
mod json;
mod text;
mod xlsx;

pub use json::{report_json, report_value};

use super::Report;
use crate::config::Config;
use crate::domain::monev::{AgencyFigures, Backlog, ClockFigures, Totals};
use crate::i18n::Lang;

/// A report format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Csv,
    Md,
    Json,
    Xlsx,
    Html,
}

impl Format {
    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Table => "txt",
            Format::Csv => "csv",
            Format::Md => "md",
            Format::Json => "json",
            Format::Xlsx => "xlsx",
            Format::Html => "html",
        }
    }

    /// Whether the format is a file that needs a name (not for standard output).
    pub fn needs_file(self) -> bool {
        matches!(self, Format::Xlsx | Format::Html)
    }
}

/// Why a report could not be written.
#[derive(Debug, thiserror::Error)]
pub enum FormatError {
    #[error("the workbook could not be made: {0}")]
    Xlsx(String),
    #[error("the page could not be made: {0}")]
    Html(String),
    #[error("the report could not be encoded: {0}")]
    Json(#[from] serde_json::Error),
}

/// The report in a format, as bytes.
pub fn render(
    report: &Report,
    format: Format,
    lang: Lang,
    cfg: &Config,
) -> Result<Vec<u8>, FormatError> {
    Ok(match format {
        Format::Table => text::table(report, lang).into_bytes(),
        Format::Md => text::markdown(report, lang).into_bytes(),
        Format::Csv => csv::csv(report).into_bytes(),
        Format::Json => {
            let mut v = report_json(report)?;
            v.push(b'\n');
            v
        }
        Format::Xlsx => xlsx::workbook(report, lang)?,
        Format::Html => html::page(report, lang, cfg)?.into_bytes(),
    })
}

/// One row of the table: an agency or the total.
#[derive(Clone, Copy, Debug)]
pub struct RowView<'a> {
    pub rank: Option<u32>,
    pub agency: &'a str,
    pub name: &'a str,
    pub received: u64,
    pub transferred_out: u64,
    pub first: &'a ClockFigures,
    pub completion: &'a ClockFigures,
    pub backlog: &'a Backlog,
}

impl<'a> RowView<'a> {
    /// An agency's row.
    pub fn agency(a: &'a AgencyFigures) -> RowView<'a> {
        RowView {
            rank: Some(a.rank),
            agency: &a.agency,
            name: &a.name,
            received: a.received,
            transferred_out: a.transferred_out,
            first: &a.first_response,
            completion: &a.completion,
            backlog: &a.backlog,
        }
    }

    /// The total row.
    pub fn total(t: &'a Totals, label: &'a str) -> RowView<'a> {
        RowView {
            rank: None,
            agency: label,
            name: "",
            received: t.received,
            transferred_out: t.transferred_out,
            first: &t.first_response,
            completion: &t.completion,
            backlog: &t.backlog,
        }
    }

    /// The numbers after rank and agency, in the table's column order.
    pub fn cells(&self) -> [Cell; 21] {
        let f = self.first;
        let c = self.completion;
        let b = self.backlog;
        [
            Cell::Count(self.received),
            Cell::Count(self.transferred_out),
            Cell::Count(f.on_time),
            Cell::Count(f.late),
            Cell::Count(f.overdue),
            Cell::Count(f.pending),
            Cell::Share(f.compliance.map(super::rounded)),
            Cell::Days(f.median_days),
            Cell::Count(c.on_time),
            Cell::Count(c.late),
            Cell::Count(c.overdue),
            Cell::Count(c.pending),
            Cell::Count(c.unknown_time),
            Cell::Share(c.compliance.map(super::rounded)),
            Cell::Days(c.median_days),
            Cell::Count(b.open),
            Cell::Count(b.overdue),
            Cell::Count(b.age[0]),
            Cell::Count(b.age[1]),
            Cell::Count(b.age[2]),
            Cell::Count(b.age[3]),
        ]
    }
}

/// One number of the table.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Cell {
    Count(u64),
    /// A compliance, rounded to 4 decimals; `None` when nothing was judged.
    Share(Option<f64>),
    /// A median in working days; `None` when no clock was met.
    Days(Option<f64>),
}

impl Cell {
    /// The cell for people: counts as they are, shares as percentages, medians with
    /// at most one decimal; `–` for none.
    pub fn human(&self) -> String {
        match self {
            Cell::Count(n) => n.to_string(),
            Cell::Share(Some(x)) => format!("{:.1}%", x * 100.0),
            Cell::Days(Some(x)) => whole_or_one_decimal(*x),
            Cell::Share(None) | Cell::Days(None) => "–".to_owned(),
        }
    }

    /// The cell for scripts: a plain number, empty for none.
    pub fn plain(&self) -> String {
        match self {
            Cell::Count(n) => n.to_string(),
            Cell::Share(Some(x)) | Cell::Days(Some(x)) => json::number(*x).to_string(),
            Cell::Share(None) | Cell::Days(None) => String::new(),
        }
    }
}

fn whole_or_one_decimal(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{x:.0}")
    } else {
        format!("{x:.1}")
    }
}

/// Every row of a report: the agencies in rank order, then the total.
pub fn rows<'a>(report: &'a Report, total_label: &'a str) -> Vec<RowView<'a>> {
    let f = &report.figures;
    f.agencies
        .iter()
        .map(RowView::agency)
        .chain(std::iter::once(RowView::total(&f.total, total_label)))
        .collect()
}
