//! `--format table` (aligned columns for a terminal) and `--format md` (a Markdown
//! document), both in the desk's language. Agency names come from batches: they go
//! through the one sanitiser, and Markdown's own characters are escaped.

use super::super::Report;
use super::rows;
use crate::i18n::Lang;
use crate::text::line;

/// The aligned table, with its heading, legend and the letters issued.
pub fn table(report: &Report, lang: Lang) -> String {
    let f = &report.figures;
    let cols = lang.monev_columns();
    let mut grid: Vec<Vec<String>> = vec![cols.iter().map(|c| (*c).to_owned()).collect()];
    for r in rows(report, lang.monev_total()) {
        let mut row = vec![
            r.rank.map(|n| n.to_string()).unwrap_or_default(),
            line(r.agency),
        ];
        row.extend(r.cells().iter().map(|c| c.human()));
        grid.push(row);
    }
    let widths: Vec<usize> = (0..cols.len())
        .map(|i| {
            grid.iter()
                .map(|r| r.get(i).map_or(0, |c| c.chars().count()))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = format!(
        "{}\n{}\n\n",
        lang.monev_title(),
        lang.monev_subtitle(f.period.from, f.period.to, f.as_of)
    );
    for (i, row) in grid.iter().enumerate() {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(c, (cell, w))| {
                if c == 1 {
                    format!("{cell:<w$}")
                } else {
                    format!("{cell:>w$}")
                }
            })
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
        if i == 0 || i + 2 == grid.len() {
            let total: usize = widths.iter().sum::<usize>() + 2 * (widths.len() - 1);
            out.push_str(&"-".repeat(total));
            out.push('\n');
        }
    }
    out.push('\n');
    for a in &f.agencies {
        out.push_str(&format!("{:<20} {}\n", line(&a.agency), line(&a.name)));
    }
    out.push('\n');
    out.push_str(lang.monev_legend());
    out.push('\n');
    letters(&mut out, report, lang, false);
    out
}

/// Escapes Markdown's table and emphasis characters.
fn md(s: &str) -> String {
    let mut out = String::new();
    for c in line(s).chars() {
        if matches!(
            c,
            '|' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '\\'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The Markdown document.
pub fn markdown(report: &Report, lang: Lang) -> String {
    let f = &report.figures;
    let s = lang.monev_sections();
    let mut out = format!(
        "# {}\n\n{}\n\n## {}\n\n",
        lang.monev_title(),
        lang.monev_subtitle(f.period.from, f.period.to, f.as_of),
        s.table
    );
    let cols = lang.monev_columns();
    let mut head = vec![cols[0], cols[1], lang.monev_name_column()];
    head.extend_from_slice(&cols[2..]);
    out.push_str(&format!("| {} |\n", head.join(" | ")));
    let align: Vec<&str> = head
        .iter()
        .enumerate()
        .map(|(i, _)| if i == 1 || i == 2 { ":--" } else { "--:" })
        .collect();
    out.push_str(&format!("|{}|\n", align.join("|")));
    for r in rows(report, lang.monev_total()) {
        let mut cells = vec![
            r.rank.map(|n| n.to_string()).unwrap_or_default(),
            md(r.agency),
            md(r.name),
        ];
        cells.extend(r.cells().iter().map(|c| c.human()));
        if r.rank.is_none() {
            cells = cells
                .into_iter()
                .map(|c| if c.is_empty() { c } else { format!("**{c}**") })
                .collect();
        }
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out.push_str(&format!("\n{}\n", lang.monev_legend()));
    out.push_str(&format!("\n## {}\n\n", s.overdue));
    let by_agency = overdue_counts(report);
    if by_agency.is_empty() {
        out.push_str(s.none);
        out.push('\n');
    } else {
        for (agency, n) in by_agency {
            out.push_str(&format!("- {}: {n}\n", md(&agency)));
        }
    }
    letters(&mut out, report, lang, true);
    out.push_str(&format!("\n---\n{}\n", lang.monev_privacy_note()));
    out
}

/// Overdue clocks per agency.
fn overdue_counts(report: &Report) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    for o in &report.figures.overdue {
        match out.last_mut() {
            Some((a, n)) if **a == *o.agency => *n += 1,
            _ => out.push((o.agency.to_string(), 1)),
        }
    }
    out
}

/// The letters issued in the period.
fn letters(out: &mut String, report: &Report, lang: Lang, markdown: bool) {
    let s = lang.monev_sections();
    if markdown {
        out.push_str(&format!("\n## {}\n\n", s.letters));
    } else {
        out.push_str(&format!("\n{}:\n", s.letters));
    }
    if report.letters.is_empty() {
        out.push_str(&format!("{}{}\n", if markdown { "" } else { "  " }, s.none));
        return;
    }
    let c = lang.monev_letter_columns();
    for l in &report.letters {
        let text = format!(
            "{} {}, {} {}, {} {}, {} {}",
            line(&l.number),
            lang.long_date(l.date),
            c[2],
            line(&l.agency),
            c[3],
            l.level,
            c[4],
            lang.long_date(l.deadline),
        );
        if markdown {
            out.push_str(&format!("- {}\n", md(&text)));
        } else {
            out.push_str(&format!("  {text}\n"));
        }
    }
}
