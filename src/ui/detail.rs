//! The detail of one complaint: privacy flags first, then the facts, the three SLA
//! clocks, the body, attachments, the thread and this desk's operations.

use super::Theme;
use crate::app::App;
use crate::domain::{ClockView, OpKind, OpState};
use crate::text;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, theme: &Theme) {
    let Some(d) = &app.detail else { return };
    let c = &d.data.complaint;
    let row = &d.data.row;
    let mut lines: Vec<Line<'_>> = Vec::new();
    let mut flags = Vec::new();
    if c.anonymous {
        flags.push(Span::styled(
            app.t(" ANONIM ", " ANONYMOUS "),
            theme
                .flag()
                .add_modifier(ratatui::style::Modifier::REVERSED),
        ));
        flags.push(Span::raw(" "));
    }
    if c.confidential {
        flags.push(Span::styled(
            app.t(" RAHASIA ", " CONFIDENTIAL "),
            theme
                .flag()
                .add_modifier(ratatui::style::Modifier::REVERSED),
        ));
        flags.push(Span::raw(" "));
    }
    if !row.in_scope {
        flags.push(Span::styled(
            app.t(
                " SUDAH DIALIHKAN (hanya baca) ",
                " LEFT THIS DESK (read-only) ",
            ),
            theme.dim().add_modifier(ratatui::style::Modifier::REVERSED),
        ));
    }
    if !flags.is_empty() {
        lines.push(Line::from(flags));
    }
    lines.push(Line::styled(text::line(&c.title), theme.title()));
    let fact = |k: &'static str, v: String| {
        Line::from(vec![
            Span::styled(format!("{k:<12}"), theme.dim()),
            Span::raw(v),
        ])
    };
    lines.push(fact(
        app.t("Status", "Status"),
        format!("{} · rev {}", text::line(c.status.as_str()), c.revision),
    ));
    lines.push(fact(
        app.t("Instansi", "Agency"),
        text::line(c.agency.as_str()),
    ));
    lines.push(fact(
        app.t("Klasifikasi", "Class"),
        format!(
            "{}{}",
            text::line(c.classification.as_str()),
            if c.supervisory {
                app.t(" (berkadar pengawasan)", " (supervisory)")
            } else {
                ""
            }
        ),
    ));
    lines.push(fact(
        app.t("Kategori", "Category"),
        text::line(c.category.as_deref().unwrap_or("—")),
    ));
    lines.push(fact(
        app.t("Kanal", "Channel"),
        text::line(c.channel.as_deref().unwrap_or("—")),
    ));
    lines.push(fact(
        app.t("Lokasi", "Location"),
        text::line(c.location.as_deref().unwrap_or("—")),
    ));
    lines.push(fact(
        app.t("Tanggal", "Dates"),
        format!(
            "{} {} · {} {} · {} {}",
            app.t("kejadian", "event"),
            c.event_date.map_or("—".into(), |d| d.to_string()),
            app.t("masuk", "filed"),
            c.submitted_at.format("%Y-%m-%d %H:%M"),
            app.t("disposisi", "disposed"),
            c.disposed_at
                .map_or("—".into(), |d| d.format("%Y-%m-%d %H:%M").to_string()),
        ),
    ));
    let reporter = match (&c.reporter, c.anonymous) {
        (_, true) => app
            .t(
                "(anonim: identitas tidak disimpan)",
                "(anonymous: identity not kept)",
            )
            .to_owned(),
        (Some(r), false) => format!(
            "{} · {} · {}",
            text::line(r.name.as_deref().unwrap_or("—")),
            text::line(r.phone.as_deref().unwrap_or("—")),
            text::line(r.email.as_deref().unwrap_or("—"))
        ),
        (None, false) => "—".into(),
    };
    lines.push(fact(app.t("Pelapor", "Reporter"), reporter));
    lines.push(Line::raw(""));
    for (name, clock) in [
        (app.t("TL awal", "First resp."), d.clocks.first_response),
        (app.t("Penyelesaian", "Completion"), d.clocks.completion),
        (app.t("Tutup otomatis", "Auto-close"), d.clocks.auto_close),
    ] {
        lines.push(clock_line(app, theme, name, clock));
    }
    lines.push(Line::raw(""));
    for l in text::block(&c.body).lines() {
        lines.push(Line::raw(l.to_owned()));
    }
    if !c.attachments.is_empty() {
        lines.push(Line::raw(""));
        for a in &c.attachments {
            lines.push(Line::styled(
                format!(
                    "📎 {} ({} KB)",
                    text::line(&a.name),
                    a.size.unwrap_or(0) / 1024
                ),
                theme.dim(),
            ));
        }
    }
    if !d.data.messages.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            app.t("── Percakapan ──", "── Thread ──"),
            theme.header(),
        ));
        for m in &d.data.messages {
            lines.push(Line::styled(
                format!(
                    "{} · {}",
                    m.at.format("%Y-%m-%d %H:%M"),
                    text::line(m.author.as_str())
                ),
                theme.dim(),
            ));
            for l in text::block(&m.text).lines() {
                lines.push(Line::raw(format!("  {l}")));
            }
        }
    }
    if !d.data.operations.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            app.t("── Operasi desk ini ──", "── This desk's operations ──"),
            theme.header(),
        ));
        for o in &d.data.operations {
            let style = match o.state {
                OpState::Rejected | OpState::Conflict => theme.error(),
                OpState::Accepted => theme.ok(),
                _ => theme.base(),
            };
            let what = match &o.kind {
                OpKind::Response { stage, .. } => format!(
                    "{} ({})",
                    app.t("tindak lanjut", "response"),
                    stage.as_str()
                ),
                OpKind::Transfer { to_agency, .. } => format!(
                    "{} → {}",
                    app.t("alihkan", "transfer"),
                    to_agency
                        .as_ref()
                        .map_or("?".into(), |a| text::line(a.as_str()))
                ),
                OpKind::Hold { .. } => app.t("tunda", "hold").to_owned(),
            };
            let reason = o
                .reason
                .as_deref()
                .map(|r| format!(": {}", text::line(r)))
                .unwrap_or_default();
            lines.push(Line::styled(
                format!(
                    "{} {what} [{}]{reason}",
                    o.at.format("%Y-%m-%d %H:%M"),
                    o.state
                ),
                style,
            ));
        }
        if d.data
            .operations
            .iter()
            .any(|o| o.state == OpState::Conflict)
        {
            lines.push(Line::styled(
                format!(
                    "{} {}: {} · {}: {}",
                    app.t(
                        "Laporan berubah di registri.",
                        "The complaint changed in the registry."
                    ),
                    app.keymap.hint(crate::app::Command::ConfirmConflicts),
                    app.t("konfirmasi ulang", "confirm again"),
                    app.keymap.hint(crate::app::Command::DiscardConflicts),
                    app.t("buang", "discard")
                ),
                theme.error(),
            ));
        }
    }
    let block = Block::bordered().title(format!(" {} ", text::line(c.id.as_str())));
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((d.scroll, 0))
            .block(block),
        area,
    );
}

fn clock_line<'a>(
    app: &App,
    theme: &Theme,
    name: &'static str,
    clock: Option<ClockView>,
) -> Line<'a> {
    match clock {
        None => Line::from(vec![
            Span::styled(format!("{name:<15}"), theme.dim()),
            Span::raw("—"),
        ]),
        Some(k) => {
            let state = k.state(app.today, &app.calendar);
            let label = if app.en {
                state.label_en()
            } else {
                state.label_id()
            };
            let style = if state.is_late() {
                theme.late()
            } else {
                theme.base()
            };
            Line::from(vec![
                Span::styled(format!("{name:<15}"), theme.dim()),
                Span::raw(format!("{} {} · ", app.t("jatuh tempo", "due"), k.due)),
                Span::styled(label, style),
            ])
        }
    }
}
