//! `--format json`: the exact shape of `spec/monev.md`, language-neutral. Compliance
//! is a fraction rounded to 4 decimals; whole numbers are written without a decimal
//! point (`"median_days":3`), `null` where nothing was judged or met.

use super::super::{Report, rounded};
use crate::domain::monev::{AgencyFigures, Backlog, ClockFigures, Totals};
use serde::Serialize;
use serde_json::{Number, Value};

/// A number as the report writes it: an integer when whole.
pub fn number(x: f64) -> Number {
    if x.fract() == 0.0 && x.abs() < 9.0e15 {
        Number::from(x as i64)
    } else {
        Number::from_f64(x).unwrap_or_else(|| Number::from(0))
    }
}

fn opt(x: Option<f64>) -> Value {
    x.map_or(Value::Null, |x| Value::Number(number(x)))
}

#[derive(Serialize)]
struct PeriodJson {
    from: String,
    to: String,
}

#[derive(Serialize)]
struct FirstJson {
    on_time: u64,
    late: u64,
    overdue: u64,
    pending: u64,
    compliance: Value,
    median_days: Value,
}

#[derive(Serialize)]
struct CompletionJson {
    on_time: u64,
    late: u64,
    overdue: u64,
    pending: u64,
    unknown_time: u64,
    compliance: Value,
    median_days: Value,
}

#[derive(Serialize)]
struct AgeJson {
    #[serde(rename = "0-5")]
    days_0_5: u64,
    #[serde(rename = "6-14")]
    days_6_14: u64,
    #[serde(rename = "15-60")]
    days_15_60: u64,
    #[serde(rename = ">60")]
    days_over_60: u64,
}

#[derive(Serialize)]
struct BacklogJson {
    open: u64,
    overdue: u64,
    age: AgeJson,
}

#[derive(Serialize)]
struct AgencyJson<'a> {
    agency: &'a str,
    name: &'a str,
    received: u64,
    transferred_out: u64,
    first_response: FirstJson,
    completion: CompletionJson,
    backlog: BacklogJson,
    rank: u32,
}

#[derive(Serialize)]
struct TotalJson {
    received: u64,
    transferred_out: u64,
    first_response: FirstJson,
    completion: CompletionJson,
    backlog: BacklogJson,
}

#[derive(Serialize)]
struct LetterJson<'a> {
    number: &'a str,
    date: String,
    agency: &'a str,
    level: u8,
}

#[derive(Serialize)]
struct ReportJson<'a> {
    period: PeriodJson,
    as_of: String,
    agencies: Vec<AgencyJson<'a>>,
    total: TotalJson,
    reprimands: Vec<LetterJson<'a>>,
}

fn first(c: &ClockFigures) -> FirstJson {
    FirstJson {
        on_time: c.on_time,
        late: c.late,
        overdue: c.overdue,
        pending: c.pending,
        compliance: opt(c.compliance.map(rounded)),
        median_days: opt(c.median_days),
    }
}

fn completion(c: &ClockFigures) -> CompletionJson {
    CompletionJson {
        on_time: c.on_time,
        late: c.late,
        overdue: c.overdue,
        pending: c.pending,
        unknown_time: c.unknown_time,
        compliance: opt(c.compliance.map(rounded)),
        median_days: opt(c.median_days),
    }
}

fn backlog(b: &Backlog) -> BacklogJson {
    BacklogJson {
        open: b.open,
        overdue: b.overdue,
        age: AgeJson {
            days_0_5: b.age[0],
            days_6_14: b.age[1],
            days_15_60: b.age[2],
            days_over_60: b.age[3],
        },
    }
}

fn agency(a: &AgencyFigures) -> AgencyJson<'_> {
    AgencyJson {
        agency: &a.agency,
        name: &a.name,
        received: a.received,
        transferred_out: a.transferred_out,
        first_response: first(&a.first_response),
        completion: completion(&a.completion),
        backlog: backlog(&a.backlog),
        rank: a.rank,
    }
}

fn total(t: &Totals) -> TotalJson {
    TotalJson {
        received: t.received,
        transferred_out: t.transferred_out,
        first_response: first(&t.first_response),
        completion: completion(&t.completion),
        backlog: backlog(&t.backlog),
    }
}

fn shape(report: &Report) -> ReportJson<'_> {
    let f = &report.figures;
    ReportJson {
        period: PeriodJson {
            from: f.period.from.to_string(),
            to: f.period.to.to_string(),
        },
        as_of: f.as_of.to_string(),
        agencies: f.agencies.iter().map(agency).collect(),
        total: total(&f.total),
        reprimands: report
            .letters
            .iter()
            .map(|l| LetterJson {
                number: &l.number,
                date: l.date.to_string(),
                agency: &l.agency,
                level: l.level,
            })
            .collect(),
    }
}

/// The report as one line of JSON.
pub fn report_json(report: &Report) -> Result<Vec<u8>, serde_json::Error> {
    serde_json::to_vec(&shape(report))
}

/// The report as a JSON value (for the tests and the pane's export).
pub fn report_value(report: &Report) -> Result<Value, serde_json::Error> {
    serde_json::to_value(shape(report))
}
