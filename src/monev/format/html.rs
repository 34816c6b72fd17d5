//! `--format html`: one self-contained page (no external font, script or image; the
//! charts are inline SVG) that prints cleanly on A4, from the template
//! `assets/monev/report.html` (rendered with `minijinja`, which escapes every value
//! from the cache). The letterhead comes from `[monev]`.

use super::super::Report;
use super::{Cell, FormatError, charts, rows};
use crate::config::Config;
use crate::i18n::Lang;
use crate::text::line;
use minijinja::value::Serde;
use minijinja::{Environment, Value, context};
use serde::Serialize;

/// The page's template.
const TEMPLATE: &str = include_str!("../../../assets/monev/report.html");
/// At most this many overdue clocks are listed on the page (the workbook has them all).
const OVERDUE_SHOWN: usize = 400;

#[derive(Serialize)]
struct CellOut {
    text: String,
    class: &'static str,
}

#[derive(Serialize)]
struct RowOut {
    rank: String,
    agency: String,
    name: String,
    total: bool,
    cells: Vec<CellOut>,
}

#[derive(Serialize)]
struct CardOut {
    value: String,
    label: &'static str,
}

fn class_of(c: &Cell) -> &'static str {
    match c {
        Cell::Share(Some(x)) if *x >= 0.8 => "pct-good",
        Cell::Share(Some(x)) if *x >= 0.5 => "pct-fair",
        Cell::Share(Some(_)) => "pct-poor",
        _ => "",
    }
}

/// The page.
pub fn page(report: &Report, lang: Lang, cfg: &Config) -> Result<String, FormatError> {
    let f = &report.figures;
    let mut columns: Vec<&str> = lang.monev_columns().to_vec();
    columns.insert(2, lang.monev_name_column());
    let rows: Vec<RowOut> = rows(report, lang.monev_total())
        .into_iter()
        .map(|r| RowOut {
            rank: r.rank.map(|n| n.to_string()).unwrap_or_default(),
            agency: line(r.agency),
            name: line(r.name),
            total: r.rank.is_none(),
            cells: r
                .cells()
                .iter()
                .map(|c| CellOut {
                    text: c.human(),
                    class: class_of(c),
                })
                .collect(),
        })
        .collect();
    let t = &f.total;
    let share = |x: Option<f64>| Cell::Share(x.map(super::super::rounded)).human();
    let labels = lang.monev_card_labels();
    let cards = vec![
        CardOut {
            value: t.received.to_string(),
            label: labels[0],
        },
        CardOut {
            value: share(t.first_response.compliance),
            label: labels[1],
        },
        CardOut {
            value: share(t.completion.compliance),
            label: labels[2],
        },
        CardOut {
            value: t.backlog.open.to_string(),
            label: labels[3],
        },
        CardOut {
            value: t.backlog.overdue.to_string(),
            label: labels[4],
        },
    ];
    let overdue: Vec<Value> = f
        .overdue
        .iter()
        .take(OVERDUE_SHOWN)
        .map(|o| {
            context! {
                id => line(&o.id),
                agency => line(&o.agency),
                category => o.category.as_deref().map(line).unwrap_or_default(),
                clock => lang.monev_clock(o.clock),
                due => o.due.to_string(),
                days_late => o.days_late,
            }
        })
        .collect();
    let more = f.overdue.len().saturating_sub(OVERDUE_SHOWN);
    let letters: Vec<Value> = report
        .letters
        .iter()
        .map(|l| {
            context! {
                number => line(&l.number),
                date => lang.long_date(l.date),
                agency => line(&l.agency),
                level => l.level,
                deadline => lang.long_date(l.deadline),
            }
        })
        .collect();
    let compliance = charts::compliance_bars(f).map_err(FormatError::Html)?;
    let weekly = charts::weekly(f, lang).map_err(FormatError::Html)?;
    let mut env = Environment::new();
    env.add_template("report.html", TEMPLATE)
        .map_err(|e| FormatError::Html(e.to_string()))?;
    let tmpl = env
        .get_template("report.html")
        .map_err(|e| FormatError::Html(e.to_string()))?;
    let s = lang.monev_sections();
    tmpl.render(context! {
        lang => lang.code(),
        title => lang.monev_title(),
        period => lang.period(f.period.from, f.period.to),
        subtitle => lang.monev_subtitle(f.period.from, f.period.to, f.as_of),
        letterhead => cfg.monev.letterhead.iter().map(|l| line(l)).collect::<Vec<_>>(),
        cards => Value::from(Serde(&cards)),
        sections => context! {
            table => s.table, compliance => s.compliance, weekly => s.weekly,
            overdue => s.overdue, letters => s.letters, none => s.none,
        },
        columns => columns,
        rows => Value::from(Serde(&rows)),
        legend => lang.monev_legend(),
        compliance_svg => Value::from_safe_string(compliance),
        weekly_svg => Value::from_safe_string(weekly),
        overdue => overdue,
        overdue_total => f.overdue.len(),
        overdue_more => (more > 0).then(|| lang.monev_more_overdue(more)),
        overdue_columns => lang.monev_overdue_columns(),
        letters => letters,
        letter_columns => lang.monev_letter_columns(),
        privacy => lang.monev_privacy_note(),
        made_by => lang.monev_made_by(f.as_of),
    })
    .map_err(|e| FormatError::Html(e.to_string()))
}
