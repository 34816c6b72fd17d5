//! The status bar: scope, officer, the outbox and its oldest operation, last import
//! and export, missing inbound sequences; below it the last message (errors stay until
//! dismissed with Esc) or the key hints.

use super::Theme;
use crate::app::{App, Command, Kind};
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

/// How much a part of the status bar matters: the least important go first when the
/// line is too narrow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Weight {
    /// Always shown: whose desk it is.
    Scope,
    /// What needs the officer: the outbox, conflicts, rejections.
    Work,
    /// A gap in the registry's batches.
    Gap,
    /// When the last import and export ran.
    Sync,
    /// How old the oldest pending operation is.
    Age,
    /// The officer's name.
    Officer,
}

pub fn draw(frame: &mut Frame<'_>, status: Rect, notice: Rect, app: &App, theme: &Theme) {
    let parts = fit(parts(app, theme), usize::from(status.width));
    frame.render_widget(
        Paragraph::new(Line::from(parts)).style(theme.base()),
        status,
    );
    frame.render_widget(
        Paragraph::new(notice_line(app, theme, notice.width)),
        notice,
    );
}

/// The status bar's parts in their order, each with its weight.
fn parts<'a>(app: &App, theme: &Theme) -> Vec<(Weight, Span<'a>)> {
    let t = app.t();
    let s = &app.session;
    let mut parts = Vec::new();
    let scope = match s.scope.as_slice() {
        [] => t.no_agency.to_owned(),
        [one] => one.to_string(),
        [first, rest @ ..] => format!("{first} +{}", rest.len()),
    };
    parts.push((
        Weight::Scope,
        Span::styled(text::line(&scope), theme.title()),
    ));
    parts.push((
        Weight::Officer,
        Span::raw(format!(" · {}", text::line(&s.officer))),
    ));
    let Some(st) = &app.loaded.status else {
        return parts;
    };
    parts.push((
        Weight::Work,
        Span::raw(format!(" · {} {}", st.pending_operations, t.ops_out)),
    ));
    if let Some(o) = app.loaded.oldest_pending.as_deref() {
        parts.push((
            Weight::Age,
            Span::raw(format!(" ({} {})", t.oldest, age(o, s.now, s.lang))),
        ));
    }
    if let Some(busy) = busy(app) {
        parts.push((Weight::Work, Span::styled(busy, theme.soon())));
    }
    if st.conflicts > 0 {
        parts.push((
            Weight::Work,
            Span::styled(
                format!(" · {} {}", st.conflicts, t.conflicts),
                theme.error(),
            ),
        ));
    }
    if !st.outbound.unwritten.is_empty() {
        parts.push((
            Weight::Work,
            Span::styled(
                format!(" · {} {}", st.outbound.unwritten.len(), t.unwritten),
                theme.error(),
            ),
        ));
    }
    if st.rejected_operations > 0 {
        parts.push((
            Weight::Work,
            Span::styled(
                format!(" · {} {}", st.rejected_operations, t.rejected),
                theme.error(),
            ),
        ));
    }
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
        parts.push((
            Weight::Gap,
            Span::styled(
                format!(" · {} {}", t.missing, missing.join("; ")),
                theme.soon(),
            ),
        ));
    }
    let when = |at: &Option<String>| at.as_deref().map_or("—".into(), |v| short_time(v, s.tz));
    parts.push((
        Weight::Sync,
        Span::raw(format!(
            " · {} {} · {} {}",
            t.import,
            when(&st.last_import),
            t.export,
            when(&st.last_export),
        )),
    ));
    parts
}

/// Long work running behind whatever pane is open: an import, an export, a filter.
fn busy(app: &App) -> Option<String> {
    let t = app.t();
    let import = app
        .panes
        .find::<crate::app::panes::import::ImportPane>()
        .filter(|p| p.running);
    if let Some(p) = import {
        return Some(match &p.progress {
            Some((file, n)) => format!(
                " · ⟳ {} {} {n} {}",
                t.importing,
                text::line(file),
                t.records
            ),
            None => format!(" · ⟳ {}…", t.importing),
        });
    }
    if app.exporting {
        return Some(format!(" · ⟳ {}", t.export_running));
    }
    if let Some((done, all)) = app.inbox.loading_texts {
        let pct = done
            .saturating_mul(100)
            .checked_div(all)
            .unwrap_or(0)
            .min(100);
        return Some(format!(" · ⟳ {} {pct}%", t.loading_texts));
    }
    app.inbox.searching.then(|| format!(" · ⟳ {}", t.filtering))
}

/// Drops the least important parts until the rest fit in `width`.
fn fit(mut parts: Vec<(Weight, Span<'_>)>, width: usize) -> Vec<Span<'_>> {
    let used = |p: &[(Weight, Span<'_>)]| p.iter().map(|(_, s)| s.width()).sum::<usize>();
    while used(&parts) > width {
        let Some(least) = parts
            .iter()
            .map(|(w, _)| *w)
            .filter(|w| *w != Weight::Scope)
            .max()
        else {
            break;
        };
        // The last part of that weight goes first.
        if let Some(i) = parts.iter().rposition(|(w, _)| *w == least) {
            parts.remove(i);
        }
    }
    parts.into_iter().map(|(_, s)| s).collect()
}

/// The message line: the last message (a tick for success, a cross for an error, a
/// dot for information), cut to the width with the key that opens it whole; or the key
/// hints of what has the keyboard. A success or information message said before the
/// current pane opened gives way to that pane's hints.
fn notice_line<'a>(app: &App, theme: &Theme, width: u16) -> Line<'a> {
    let Some(n) = app
        .notice
        .as_ref()
        .filter(|n| n.kind == Kind::Error || n.depth == app.panes.depth())
    else {
        return Line::styled(hints(app), theme.dim());
    };
    let (mark, style) = match n.kind {
        Kind::Error => ("✗", theme.error()),
        Kind::Done => ("✓", theme.ok()),
        Kind::Info => ("·", theme.base()),
    };
    let full = format!("{mark} {}", text::line(&n.text));
    let width = usize::from(width);
    if full.chars().count() <= width {
        return Line::styled(full, style);
    }
    let key = app.session.keymap.hint(Command::Message);
    let more = format!(" [{key}: {}]", app.t().hint_whole_message);
    let room = width.saturating_sub(more.chars().count());
    Line::from(vec![
        Span::styled(super::clip(&full, room), style),
        Span::styled(more, theme.dim()),
    ])
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

#[cfg(test)]
mod tests {
    use super::{Weight, fit};
    use ratatui::text::Span;

    #[test]
    fn the_least_important_parts_give_way_first() {
        let parts = || {
            vec![
                (Weight::Scope, Span::raw("3529-DINSOS")),
                (Weight::Officer, Span::raw(" · Ahmad Fauzi")),
                (Weight::Work, Span::raw(" · 3 op keluar")),
                (Weight::Age, Span::raw(" (tertua 2 jam)")),
                (Weight::Gap, Span::raw(" · hilang 3529-DPUBM #3")),
                (Weight::Sync, Span::raw(" · impor 20/11 07:47 · ekspor —")),
            ]
        };
        let text = |w: usize| -> String {
            fit(parts(), w)
                .iter()
                .map(|s| s.content.to_string())
                .collect()
        };
        assert!(text(200).contains("Ahmad Fauzi"));
        let mid = text(70);
        assert!(
            mid.contains("hilang 3529-DPUBM #3") && mid.contains("3 op keluar"),
            "{mid}"
        );
        assert!(
            !mid.contains("Ahmad Fauzi"),
            "the officer goes first: {mid}"
        );
        let narrow = text(40);
        assert_eq!(narrow, "3529-DINSOS · 3 op keluar", "{narrow}");
    }
}
