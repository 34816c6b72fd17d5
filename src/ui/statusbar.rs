//! The status bar: scope, officer, the outbox and its oldest operation, last import
//! and export, missing inbound sequences; below it the last message (errors stay until
//! dismissed with Esc) or the key hints.

use super::Theme;
use crate::app::App;
use crate::i18n::Lang;
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

fn age(s: &str, now: DateTime<Utc>, lang: Lang) -> String {
    let Ok(t) = DateTime::parse_from_rfc3339(s) else {
        return String::new();
    };
    lang.age((now - t.with_timezone(&Utc)).num_minutes().max(0))
}

pub fn draw(frame: &mut Frame<'_>, status: Rect, notice: Rect, app: &App, theme: &Theme) {
    let t = app.t();
    let s = &app.session;
    let mut parts: Vec<Span<'_>> = Vec::new();
    let scope = match s.scope.as_slice() {
        [] => t.no_agency.to_owned(),
        [one] => one.to_string(),
        [first, rest @ ..] => format!("{first} +{}", rest.len()),
    };
    parts.push(Span::styled(text::line(&scope), theme.title()));
    parts.push(Span::raw(format!(" · {}", text::line(&s.officer))));
    if let Some(st) = &app.loaded.status {
        let pending = st.pending_operations;
        let oldest = app
            .loaded
            .oldest_pending
            .as_deref()
            .map(|o| format!(" ({} {})", t.oldest, age(o, s.now, s.lang)))
            .unwrap_or_default();
        parts.push(Span::raw(format!(" · {pending} {}{oldest}", t.ops_out)));
        if st.conflicts > 0 {
            parts.push(Span::styled(
                format!(" · {} {}", st.conflicts, t.conflicts),
                theme.error(),
            ));
        }
        if !st.outbound.unwritten.is_empty() {
            parts.push(Span::styled(
                format!(" · {} {}", st.outbound.unwritten.len(), t.unwritten),
                theme.error(),
            ));
        }
        if st.rejected_operations > 0 {
            parts.push(Span::styled(
                format!(" · {} {}", st.rejected_operations, t.rejected),
                theme.error(),
            ));
        }
        let when =
            |at: &Option<String>| at.as_deref().map_or("—".into(), |v| short_time(v, s.tz));
        parts.push(Span::raw(format!(
            " · {} {} · {} {}",
            t.import,
            when(&st.last_import),
            t.export,
            when(&st.last_export),
        )));
        let missing: Vec<String> = st
            .inbound
            .iter()
            .filter(|stream| !stream.missing.is_empty())
            .map(|stream| {
                let runs = crate::store::sequence_ranges(&stream.missing);
                let runs: Vec<&str> = runs.split(", ").take(3).collect();
                format!("{} #{}", text::line(&stream.agency), runs.join(",#"))
            })
            .collect();
        if !missing.is_empty() {
            parts.push(Span::styled(
                format!(" · {} {}", t.missing, missing.join("; ")),
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

/// One line of key hints for the pane that has the keyboard, from the live key map.
fn hints(app: &App) -> String {
    let items = match app.panes.top() {
        Some(p) => p.component().hints(app),
        None => crate::app::inbox::hints(app),
    };
    items
        .into_iter()
        .map(|(key, what)| format!("{key} {what}"))
        .collect::<Vec<_>>()
        .join("  ")
}
