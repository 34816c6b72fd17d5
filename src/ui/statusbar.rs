//! The status bar: scope, officer, the outbox and its oldest operation, last import
//! and export, missing inbound sequences; below it the last message (errors stay until
//! dismissed with Esc) or the key hints.

use super::Theme;
use crate::app::{App, Command, Focus, TextMode};
use crate::text;
use chrono::{DateTime, FixedOffset, Utc};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

fn short_time(s: &str, tz: FixedOffset) -> String {
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&tz).format("%d/%m %H:%M").to_string())
        .unwrap_or_else(|_| "—".into())
}

fn age(s: &str, now: DateTime<Utc>, en: bool) -> String {
    let Ok(t) = DateTime::parse_from_rfc3339(s) else {
        return String::new();
    };
    let mins = (now - t.with_timezone(&Utc)).num_minutes().max(0);
    match (mins, en) {
        (m, false) if m < 60 => format!("{m} mnt"),
        (m, false) if m < 60 * 48 => format!("{} jam", m / 60),
        (m, false) => format!("{} hari", m / 1440),
        (m, true) if m < 60 => format!("{m} min"),
        (m, true) if m < 60 * 48 => format!("{} h", m / 60),
        (m, true) => format!("{} d", m / 1440),
    }
}

pub fn draw(frame: &mut Frame<'_>, status: Rect, notice: Rect, app: &App, theme: &Theme) {
    let mut parts: Vec<Span<'_>> = Vec::new();
    let scope = match app.scope.as_slice() {
        [] => app
            .t("(agency belum diatur)", "(no agency configured)")
            .to_owned(),
        [one] => one.to_string(),
        [first, rest @ ..] => format!("{first} +{}", rest.len()),
    };
    parts.push(Span::styled(text::line(&scope), theme.title()));
    parts.push(Span::raw(format!(" · {}", text::line(&app.officer))));
    if let Some(s) = &app.status {
        let pending = s.pending_operations;
        let oldest = app
            .oldest_pending
            .as_deref()
            .map(|o| {
                format!(
                    " ({} {})",
                    app.t("tertua", "oldest"),
                    age(o, app.now, app.en)
                )
            })
            .unwrap_or_default();
        parts.push(Span::raw(format!(
            " · {pending} {}{oldest}",
            app.t("op keluar", "ops out")
        )));
        if s.conflicts > 0 {
            parts.push(Span::styled(
                format!(" · {} {}", s.conflicts, app.t("konflik", "conflicts")),
                theme.error(),
            ));
        }
        if s.rejected_operations > 0 {
            parts.push(Span::styled(
                format!(
                    " · {} {}",
                    s.rejected_operations,
                    app.t("ditolak", "rejected")
                ),
                theme.error(),
            ));
        }
        parts.push(Span::raw(format!(
            " · {} {} · {} {}",
            app.t("impor", "import"),
            s.last_import
                .as_deref()
                .map_or("—".into(), |t| short_time(t, app.tz)),
            app.t("ekspor", "export"),
            s.last_export
                .as_deref()
                .map_or("—".into(), |t| short_time(t, app.tz)),
        )));
        let missing: Vec<String> = s
            .inbound
            .iter()
            .filter(|st| !st.missing.is_empty())
            .map(|st| {
                let runs = crate::store::sequence_ranges(&st.missing);
                let runs: Vec<&str> = runs.split(", ").take(3).collect();
                format!("{} #{}", text::line(&st.agency), runs.join(",#"))
            })
            .collect();
        if !missing.is_empty() {
            parts.push(Span::styled(
                format!(" · {} {}", app.t("hilang", "missing"), missing.join("; ")),
                theme.soon(),
            ));
        }
    }
    frame.render_widget(
        Paragraph::new(Line::from(parts)).style(theme.base()),
        status,
    );

    let line = match &app.notice {
        Some(n) if n.error => Line::styled(format!("✗ {}", text::line(&n.text)), theme.error()),
        Some(n) => Line::styled(format!("✓ {}", text::line(&n.text)), theme.ok()),
        None => Line::styled(hints(app), theme.dim()),
    };
    frame.render_widget(Paragraph::new(line), notice);
}

/// One line of key hints for the focused pane, from the live key map.
fn hints(app: &App) -> String {
    let k = |c: Command| app.keymap.hint(c);
    let items: Vec<(String, &str)> = match (app.focus, app.text_mode()) {
        (Focus::Inbox, TextMode::Line) => vec![
            ("Enter".into(), app.t("simpan saringan", "keep filter")),
            ("Esc".into(), app.t("hapus", "clear")),
        ],
        (Focus::Inbox, _) => vec![
            (k(Command::Open), app.t("buka", "open")),
            (k(Command::Mark), app.t("tandai", "mark")),
            (k(Command::Respond), app.t("tanggapi", "respond")),
            (k(Command::Transfer), app.t("alihkan", "transfer")),
            (k(Command::Hold), app.t("tunda", "hold")),
            (k(Command::Filter), app.t("saring", "filter")),
            (k(Command::Export), app.t("ekspor", "export")),
            (k(Command::Help), app.t("bantuan", "help")),
        ],
        (Focus::Detail, _) => {
            let mut v = vec![
                (k(Command::Down), app.t("gulir", "scroll")),
                (k(Command::Respond), app.t("tanggapi", "respond")),
                (k(Command::Transfer), app.t("alihkan", "transfer")),
                (k(Command::Hold), app.t("tunda", "hold")),
            ];
            let conflict = app.detail.as_ref().is_some_and(|d| {
                d.data
                    .operations
                    .iter()
                    .any(|o| o.state == crate::domain::OpState::Conflict)
            });
            if conflict {
                v.push((
                    k(Command::ConfirmConflicts),
                    app.t("konfirmasi konflik", "confirm conflicts"),
                ));
                v.push((
                    k(Command::DiscardConflicts),
                    app.t("buang konflik", "discard conflicts"),
                ));
            }
            v.push((k(Command::Close), app.t("tutup", "close")));
            v
        }
        (Focus::Form, TextMode::Multi) => vec![
            (k(Command::Submit), app.t("kirim", "send")),
            (k(Command::NextPane), app.t("kolom berikut", "next field")),
            (
                "Esc".into(),
                app.t("batal (draf disimpan)", "cancel (draft kept)"),
            ),
        ],
        (Focus::Form, _) if matches!(app.form, Some(crate::app::forms::Form::Hold(_))) => vec![
            ("Enter".into(), app.t("kirim", "send")),
            ("Esc".into(), app.t("batal", "cancel")),
        ],
        (Focus::Form, _) => vec![
            ("Enter".into(), app.t("lanjut/kirim", "next/send")),
            (k(Command::NextPane), app.t("kolom berikut", "next field")),
            (k(Command::Submit), app.t("kirim", "send")),
            ("Esc".into(), app.t("batal", "cancel")),
        ],
        (Focus::Import, _) => vec![
            (
                "Enter".into(),
                app.t("impor berkas baru", "import new files"),
            ),
            ("Esc".into(), app.t("tutup", "close")),
        ],
        (Focus::Help, _) => vec![
            (app.t("ketik", "type").into(), app.t("cari", "search")),
            ("Esc".into(), app.t("tutup", "close")),
        ],
        (Focus::Confirm, _) => vec![
            ("Enter".into(), app.t("ya", "yes")),
            ("Esc".into(), app.t("batal", "no")),
        ],
    };
    items
        .into_iter()
        .map(|(key, what)| format!("{key} {what}"))
        .collect::<Vec<_>>()
        .join("  ")
}
