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

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, theme: &Theme) {
    match &app.form {
        Some(Form::Transfer(f)) => transfer(frame, area, app, theme, f),
        Some(Form::Respond(f)) => respond(frame, area, app, theme, f),
        Some(Form::Hold(f)) => hold(frame, area, app, theme, f),
        None => {}
    }
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
    for (n, &i) in f.picks.iter().enumerate().skip(first).take(list_h) {
        let Some(a) = app.agencies.get(i) else {
            continue;
        };
        let style = if n == f.pick {
            theme.selected()
        } else {
            Style::default()
        };
        lines.push(Line::styled(
            format!(
                "{:<20} {}",
                text::line(a.code.as_str()),
                text::line(&a.name)
            ),
            style,
        ));
    }
    if f.picks.is_empty() {
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
    let reasons: Vec<Span<'_>> = REASONS
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let label = format!(" {} ", reason_label(*r, app.en));
            if i == f.reason {
                Span::styled(format!("[{label}]"), theme.selected())
            } else {
                Span::raw(format!(" {label} "))
            }
        })
        .collect();
    frame.render_widget(
        Paragraph::new(Line::from(reasons)).block(field_block(
            app.t(" Alasan ", " Reason ").into(),
            f.field == 1,
            theme,
        )),
        reason,
    );
    let mut ta = f.note.clone();
    ta.set_block(field_block(
        app.t(" Catatan (wajib) ", " Note (required) ").into(),
        f.field == 2,
        theme,
    ));
    frame.render_widget(&ta, note);
    let target = f
        .chosen(&app.agencies)
        .map_or_else(|| "?".to_owned(), |a| text::line(&a.name));
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
    frame.render_widget(Paragraph::new(info), preview);
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
    let stages: Vec<Span<'_>> = STAGES
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let l = format!(" {} ", stage_label(*s, app.en));
            if i == f.stage {
                Span::styled(l, theme.selected())
            } else {
                Span::raw(l)
            }
        })
        .collect();
    frame.render_widget(
        Paragraph::new(Line::from(stages)).block(field_block(
            app.t(" Tahap ", " Stage ").into(),
            f.field == 0,
            theme,
        )),
        stage,
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
    let mut ta = f.text.clone();
    ta.set_block(field_block(
        app.t(
            " Teks ({placeholder} diisi per laporan) ",
            " Text ({placeholders} filled per complaint) ",
        )
        .into(),
        f.field == 2,
        theme,
    ));
    frame.render_widget(&ta, editor);
    let mut lines: Vec<Line<'_>> = Vec::new();
    if f.fills.is_empty() {
        lines.push(Line::styled(app.t("Memuat…", "Loading…"), theme.dim()));
    }
    for fd in f.fills.iter().take(20) {
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
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(Block::bordered().title(app.t(" Pratinjau ", " Preview "))),
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
    let mut ta = f.missing.clone();
    ta.set_block(field_block(title, true, theme));
    frame.render_widget(&ta, r);
}
