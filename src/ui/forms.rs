//! The action panes as overlays: transfer (*Alihkan / Bukan Wewenang*), response
//! (*Tindak Lanjut*) and hold (*Tunda*).

use super::{Theme, clip, popup};
use crate::app::App;
use crate::app::forms::{Form, REASONS, STAGES, reason_label, stage_label};
use crate::text;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};
use ratatui_textarea::TextArea;

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, theme: &Theme) {
    match &app.form {
        Some(Form::Transfer(f)) => transfer(frame, area, app, theme, f),
        Some(Form::Respond(f)) => respond(frame, area, app, theme, f),
        Some(Form::Hold(f)) => hold(frame, area, app, theme, f),
        None => {}
    }
}

/// A row of choices with the chosen one marked; when they do not all fit, only the
/// chosen one with its position.
fn choices(labels: &[String], chosen: usize, width: usize, theme: &Theme) -> Line<'static> {
    let all: usize = labels.iter().map(|l| l.chars().count() + 2).sum();
    if all <= width {
        let spans: Vec<Span<'static>> = labels
            .iter()
            .enumerate()
            .map(|(i, l)| {
                if i == chosen {
                    Span::styled(format!("[{l}]"), theme.selected())
                } else {
                    Span::raw(format!(" {l} "))
                }
            })
            .collect();
        Line::from(spans)
    } else {
        let l = labels.get(chosen).cloned().unwrap_or_default();
        Line::from(vec![
            Span::raw("◂ "),
            Span::styled(format!("[{l}]"), theme.selected()),
            Span::raw(format!(" ▸ {}/{}", chosen + 1, labels.len())),
        ])
    }
}

/// Draws a row of `(labels, chosen)` inside a field's block.
fn draw_choices(
    frame: &mut Frame<'_>,
    area: Rect,
    (labels, chosen): (&[String], usize),
    block: Block<'_>,
    theme: &Theme,
) {
    let row = choices(
        labels,
        chosen,
        usize::from(area.width.saturating_sub(2)),
        theme,
    );
    frame.render_widget(Paragraph::new(row).block(block), area);
}

/// Draws the pane's own editor (not a copy, so the editor learns its size and scrolls
/// with the cursor) inside a block.
fn draw_editor(frame: &mut Frame<'_>, area: Rect, editor: &TextArea<'_>, block: Block<'_>) {
    let inner = block.inner(area);
    frame.render_widget(block, area);
    frame.render_widget(editor, inner);
}

fn field_block<'a>(title: String, focused: bool, theme: &Theme) -> Block<'a> {
    let b = Block::bordered().title(title);
    if focused {
        b.border_style(theme.focus())
    } else {
        b
    }
}

fn transfer(
    frame: &mut Frame<'_>,
    area: Rect,
    app: &App,
    theme: &Theme,
    f: &crate::app::forms::TransferForm,
) {
    let r = popup(area, 90, area.height);
    frame.render_widget(Clear, r);
    let outer = Block::bordered().title(app.t(
        " Alihkan (Bukan Wewenang) ",
        " Transfer (not our authority) ",
    ));
    let inner = outer.inner(r);
    frame.render_widget(outer, r);
    let [picker, reason, note, preview] = Layout::vertical([
        Constraint::Min(3),
        Constraint::Length(3),
        Constraint::Length(3),
        Constraint::Length(2),
    ])
    .areas(inner);
    let list_h = usize::from(picker.height.saturating_sub(3)).max(1);
    let first = f.pick.saturating_sub(list_h.saturating_sub(1));
    let mut lines = vec![Line::from(vec![
        Span::styled(app.t("Cari: ", "Search: "), theme.dim()),
        Span::raw(text::line(&f.query)),
        Span::raw(if f.field == 0 { "▏" } else { "" }),
    ])];
    let unknown = app.t(
        "— belum tahu: koordinator yang menentukan —",
        "— unknown: the coordinator decides —",
    );
    let entries = std::iter::once(None).chain(f.picks.iter().map(|&i| app.agencies.get(i)));
    for (n, a) in entries.enumerate().skip(first).take(list_h) {
        let style = if n == f.pick {
            theme.selected()
        } else {
            Style::default()
        };
        let label = match a {
            Some(a) => format!(
                "{:<20} {}",
                text::line(a.code.as_str()),
                text::line(&a.name)
            ),
            None => unknown.to_owned(),
        };
        lines.push(Line::styled(label, style));
    }
    if f.picks.is_empty() && !f.query.is_empty() {
        lines.push(Line::styled(
            app.t("(tidak ada instansi cocok)", "(no agency matches)"),
            theme.dim(),
        ));
    }
    frame.render_widget(
        Paragraph::new(lines).block(field_block(
            app.t(" Instansi tujuan ", " Target agency ").into(),
            f.field == 0,
            theme,
        )),
        picker,
    );
    let labels: Vec<String> = REASONS
        .iter()
        .map(|r| format!(" {} ", reason_label(*r, app.en)))
        .collect();
    draw_choices(
        frame,
        reason,
        (&labels, f.reason),
        field_block(app.t(" Alasan ", " Reason ").into(), f.field == 1, theme),
        theme,
    );
    draw_editor(
        frame,
        note,
        &f.note,
        field_block(
            app.t(" Catatan (wajib) ", " Note (required) ").into(),
            f.field == 2,
            theme,
        ),
    );
    let target = f.chosen(&app.agencies).map_or_else(
        || {
            app.t(
                "instansi yang dipilih koordinator",
                "an agency the coordinator chooses",
            )
            .to_owned()
        },
        |a| text::line(&a.name),
    );
    let mut info = vec![Line::raw(if app.en {
        format!(
            "{} complaints will be proposed for transfer to {target}",
            f.targets.len()
        )
    } else {
        format!(
            "{} laporan akan diusulkan dialihkan ke {target}",
            f.targets.len()
        )
    })];
    let pp = f.ping_pong(&app.agencies);
    if !pp.is_empty() {
        let ids: Vec<String> = pp.iter().map(|i| text::line(i.as_str())).collect();
        info.push(Line::styled(
            format!(
                "⚠ {} {}",
                app.t(
                    "Pernah dialihkan dari instansi ini (bolak-balik):",
                    "Already came from this agency (ping-pong):"
                ),
                clip(&ids.join(", "), 60)
            ),
            theme.error(),
        ));
    }
    frame.render_widget(Paragraph::new(info).wrap(Wrap { trim: true }), preview);
}

fn respond(
    frame: &mut Frame<'_>,
    area: Rect,
    app: &App,
    theme: &Theme,
    f: &crate::app::forms::RespondForm,
) {
    let r = popup(area, 94, area.height);
    frame.render_widget(Clear, r);
    let title = if app.en {
        format!(" Response to {} complaints ", f.targets.len())
    } else {
        format!(" Tindak Lanjut untuk {} laporan ", f.targets.len())
    };
    let outer = Block::bordered().title(title);
    let inner = outer.inner(r);
    frame.render_widget(outer, r);
    let [top, body] = Layout::vertical([Constraint::Length(3), Constraint::Min(3)]).areas(inner);
    let [stage, template] =
        Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(top);
    let labels: Vec<String> = STAGES
        .iter()
        .map(|s| format!(" {} ", stage_label(*s, app.en)))
        .collect();
    draw_choices(
        frame,
        stage,
        (&labels, f.stage),
        field_block(app.t(" Tahap ", " Stage ").into(), f.field == 0, theme),
        theme,
    );
    let name = f
        .names
        .get(f.template)
        .filter(|n| !n.is_empty())
        .map_or_else(
            || app.t("(tanpa templat)", "(no template)").to_owned(),
            |n| text::line(n),
        );
    frame.render_widget(
        Paragraph::new(format!("◂ {name} ▸")).block(field_block(
            app.t(" Templat (↑/↓) ", " Template (↑/↓) ").into(),
            f.field == 1,
            theme,
        )),
        template,
    );
    let [editor, preview] = if body.width >= 100 {
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(body)
    } else {
        Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(body)
    };
    let block = field_block(
        app.t(
            " Teks ({placeholder} diisi per laporan) ",
            " Text ({placeholders} filled per complaint) ",
        )
        .into(),
        f.field == 2,
        theme,
    );
    draw_editor(frame, editor, &f.text, block);
    let mut lines: Vec<Line<'_>> = Vec::new();
    if f.fills.is_empty() {
        lines.push(Line::styled(app.t("Memuat…", "Loading…"), theme.dim()));
    }
    const SHOWN: usize = 50;
    for fd in f.fills.iter().take(SHOWN) {
        lines.push(Line::styled(
            format!(
                "▸ {} {}",
                text::line(fd.complaint.id.as_str()),
                clip(&text::line(&fd.complaint.title), 40)
            ),
            theme.header(),
        ));
        for l in f.preview(fd, &app.officer, app.today).lines() {
            lines.push(Line::raw(l.to_owned()));
        }
        lines.push(Line::raw(""));
    }
    if f.fills.len() > SHOWN {
        let more = f.fills.len() - SHOWN;
        lines.push(Line::styled(
            if app.en {
                format!("… and {more} more, filled the same way")
            } else {
                format!("… dan {more} laporan lain, diisi dengan cara yang sama")
            },
            theme.dim(),
        ));
    }
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((f.preview_scroll, 0))
            .block(
                Block::bordered().title(app.t(" Pratinjau (PgDn/PgUp) ", " Preview (PgDn/PgUp) ")),
            ),
        preview,
    );
}

fn hold(
    frame: &mut Frame<'_>,
    area: Rect,
    app: &App,
    theme: &Theme,
    f: &crate::app::forms::HoldForm,
) {
    let r = popup(area, 80, 7);
    frame.render_widget(Clear, r);
    let title = if app.en {
        format!(
            " Hold {} complaints: what must the reporter supply? ",
            f.targets.len()
        )
    } else {
        format!(
            " Tunda {} laporan: data apa yang perlu dilengkapi? ",
            f.targets.len()
        )
    };
    draw_editor(frame, r, &f.missing, field_block(title, true, theme));
}
