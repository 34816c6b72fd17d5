//! A letter as a Word document (`docx-rs`): A4, the letterhead centred in bold above
//! a double rule, the place and date on the right, the template's paragraphs, the
//! overdue complaints as a table, and the signature block. The office prints it on its
//! own letterhead paper and signs it. The document's creation time is the letter's
//! date, so the same letter always gives the same file.

use super::Letter;
use super::text::{self, Block};
use crate::config::Config;
use crate::domain::monev::ClockKind;
use crate::domain::template::tanggal;
use crate::text::line;
use docx_rs::{
    AlignmentType, BorderType, Docx, LineSpacing, PageMargin, Paragraph, ParagraphBorder,
    ParagraphBorderPosition, ParagraphBorders, Run, RunFonts, Table, TableCell, TableRow,
    WidthType,
};

/// Twentieths of a point per millimetre, roughly.
const MM: i32 = 57;

fn para(t: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(t))
}

fn cell(t: &str, bold: bool, width: usize) -> TableCell {
    let run = if bold {
        Run::new().add_text(t).bold()
    } else {
        Run::new().add_text(t)
    };
    TableCell::new()
        .width(width, WidthType::Dxa)
        .add_paragraph(Paragraph::new().add_run(run.size(20)))
}

fn list(letter: &Letter) -> Table {
    let widths = [500, 2300, 3300, 1500, 1500, 900];
    let head = [
        "No",
        "ID pelacakan",
        "Perihal",
        "Tahap",
        "Jatuh tempo",
        "HK terlambat",
    ];
    let mut rows = vec![TableRow::new(
        head.iter()
            .zip(widths)
            .map(|(h, w)| cell(h, true, w))
            .collect(),
    )];
    for (i, it) in letter.items.iter().enumerate() {
        let clock = match it.clock {
            ClockKind::FirstResponse => "Tindak lanjut awal",
            ClockKind::Completion => "Penyelesaian",
        };
        let cells = [
            (i + 1).to_string(),
            line(&it.id),
            it.subject.clone(),
            clock.to_owned(),
            tanggal(it.due),
            it.days_late.to_string(),
        ];
        rows.push(TableRow::new(
            cells
                .iter()
                .zip(widths)
                .map(|(c, w)| cell(c, false, w))
                .collect(),
        ));
    }
    Table::new(rows).width(widths.iter().sum(), WidthType::Dxa)
}

/// The letter's `.docx` bytes.
pub fn letter(l: &Letter, cfg: &Config) -> Result<Vec<u8>, String> {
    let margin = PageMargin::new()
        .top(20 * MM)
        .bottom(20 * MM)
        .left(25 * MM)
        .right(20 * MM);
    let mut doc = Docx::new()
        .page_size(11906, 16838)
        .page_margin(margin)
        .default_fonts(RunFonts::new().ascii("Arial").hi_ansi("Arial").cs("Arial"))
        .default_size(22)
        .created_at(&format!("{}T00:00:00Z", l.date))
        .updated_at(&format!("{}T00:00:00Z", l.date));
    let head = &cfg.monev.letterhead;
    for (i, h) in head.iter().enumerate() {
        let size = if i == 0 { 28 } else { 24 };
        let mut p = Paragraph::new()
            .add_run(Run::new().add_text(line(h)).bold().size(size))
            .align(AlignmentType::Center)
            .line_spacing(LineSpacing::new().before(0).after(0));
        if i + 1 == head.len() {
            p = p.set_borders(
                ParagraphBorders::with_empty().set(
                    ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                        .val(BorderType::Double)
                        .size(12)
                        .space(4),
                ),
            );
        }
        doc = doc.add_paragraph(p);
    }
    doc = doc.add_paragraph(para(""));
    doc = doc.add_paragraph(para(&text::dateline(l, cfg)).align(AlignmentType::Right));
    doc = doc.add_paragraph(para(""));
    for b in text::body(l, cfg) {
        match b {
            Block::Para(lines) => {
                let mut run = Run::new();
                let mut headed = false;
                for (i, t) in lines.iter().enumerate() {
                    if i > 0 {
                        run = run.add_break(docx_rs::BreakType::TextWrapping);
                    }
                    // `Nomor : …` lines: the colons on one tab stop.
                    match text::labelled(t) {
                        Some((label, rest)) => {
                            headed = true;
                            run = run.add_text(label).add_tab().add_text(format!(": {rest}"));
                        }
                        None => run = run.add_text(t.as_str()),
                    }
                }
                let mut p = Paragraph::new()
                    .add_run(run)
                    .line_spacing(LineSpacing::new().after(160));
                p = if headed {
                    p.add_tab(docx_rs::Tab::new().pos(1300))
                } else {
                    p.align(AlignmentType::Both)
                };
                doc = doc.add_paragraph(p);
            }
            Block::List => {
                doc = doc.add_table(list(l)).add_paragraph(para(""));
            }
        }
    }
    for t in text::signature(cfg) {
        doc = doc.add_paragraph(
            para(&t)
                .indent(Some(95 * MM), None, None, None)
                .line_spacing(LineSpacing::new().after(0)),
        );
    }
    let mut out = std::io::Cursor::new(Vec::new());
    doc.build().pack(&mut out).map_err(|e| e.to_string())?;
    Ok(out.into_inner())
}
