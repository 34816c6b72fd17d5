//! `--format csv`: one header row of the JSON's fields flattened with dots, one row
//! per agency in rank order, then `TOTAL`; UTF-8 with a byte-order mark so spreadsheet
//! programs in Indonesian locales read it as UTF-8. Text cells are made inert: no
//! control characters, and a leading `=`, `+`, `-` or `@` is quoted away so a
//! spreadsheet never runs an agency name as a formula.

use super::super::Report;
use super::rows;

/// The header, in column order.
pub const HEADER: [&str; 24] = [
    "agency",
    "name",
    "rank",
    "received",
    "transferred_out",
    "first_response.on_time",
    "first_response.late",
    "first_response.overdue",
    "first_response.pending",
    "first_response.compliance",
    "first_response.median_days",
    "completion.on_time",
    "completion.late",
    "completion.overdue",
    "completion.pending",
    "completion.unknown_time",
    "completion.compliance",
    "completion.median_days",
    "backlog.open",
    "backlog.overdue",
    "backlog.age.0-5",
    "backlog.age.6-14",
    "backlog.age.15-60",
    "backlog.age.>60",
];

/// One text cell, quoted when it must be.
fn text(s: &str) -> String {
    let mut s = crate::text::line(s);
    if s.starts_with(['=', '+', '-', '@']) {
        s.insert(0, '\'');
    }
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// The whole file.
pub fn csv(report: &Report) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&HEADER.join(","));
    out.push_str("\r\n");
    for r in rows(report, "TOTAL") {
        let mut cells = vec![
            text(r.agency),
            text(r.name),
            r.rank.map(|n| n.to_string()).unwrap_or_default(),
        ];
        cells.extend(r.cells().iter().map(|c| c.plain()));
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}
