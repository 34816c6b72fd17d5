//! The import pane: batch files in the configured import folder, which are new, the
//! progress of a running import and the report of the last one.

use super::{Theme, popup};
use crate::app::App;
use crate::text;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, theme: &Theme) {
    let Some(p) = &app.import else { return };
    let r = popup(area, 90, area.height);
    frame.render_widget(Clear, r);
    let mut lines: Vec<Line<'_>> = Vec::new();
    if p.files.is_empty() {
        lines.push(Line::styled(
            app.t(
                "Tidak ada berkas batch di folder impor.",
                "No batch files in the import folder.",
            ),
            theme.dim(),
        ));
    }
    for f in &p.files {
        let what = match &f.header {
            Some((_, agency, seq)) => format!("{} #{seq}", text::line(agency)),
            None => app
                .t("(header tidak terbaca)", "(header unreadable)")
                .to_owned(),
        };
        let state = if f.imported {
            app.t("sudah diimpor", "imported")
        } else {
            app.t("BARU", "NEW")
        };
        lines.push(Line::styled(
            format!("{:<14} {:<40} {what}", state, text::line(&f.name)),
            if f.imported {
                theme.dim()
            } else {
                theme.base()
            },
        ));
    }
    if let Some((file, n)) = &p.progress {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            format!(
                "{} {} … {n} {}",
                app.t("Mengimpor", "Importing"),
                text::line(file),
                app.t("rekaman", "records")
            ),
            theme.soon(),
        ));
    }
    if !p.results.is_empty() {
        lines.push(Line::raw(""));
        for res in &p.results {
            lines.push(Line::raw(text::line(res)));
        }
    }
    let title = if p.running {
        app.t(" Impor berjalan… ", " Importing… ")
    } else {
        app.t(
            " Impor (Enter: impor berkas baru, Esc: tutup) ",
            " Import (Enter: import new files, Esc: close) ",
        )
    };
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(Block::bordered().title(title)),
        r,
    );
}
