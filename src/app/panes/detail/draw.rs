//! Drawing the detail, one helper per section: privacy flags first, then the facts,
//! the three SLA clocks, the body and attachments, the thread and this desk's
//! operations.

use super::DetailPane;
use crate::app::{App, Command};
use crate::domain::{ClockView, Complaint, OpKind, OpState};
use crate::store::OpRow;
use crate::text;
use crate::ui::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

pub fn draw(d: &DetailPane, frame: &mut Frame<'_>, area: Rect, app: &App, theme: &Theme) {
    let c = &d.data.complaint;
    let mut lines: Vec<Line<'_>> = Vec::new();
    flags(&mut lines, d, app, theme);
    lines.push(Line::styled(text::line(&c.title), theme.title()));
    facts(&mut lines, c, app, theme);
    duplicates(&mut lines, d, app, theme);
    lines.push(Line::raw(""));
    clocks(&mut lines, d, app, theme);
    lines.push(Line::raw(""));
    body(&mut lines, c, theme);
    thread(
        &mut lines,
        d,
        app,
        theme,
        usize::from(area.width.saturating_sub(2)),
    );
    operations(&mut lines, &d.data.operations, app, theme);
    let block = Block::bordered().title(format!(" {} ", text::line(c.id.as_str())));
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((d.scroll, 0))
            .block(block),
        area,
    );
}

/// The likely duplicates, and the key that marks them all.
fn duplicates(lines: &mut Vec<Line<'_>>, d: &DetailPane, app: &App, theme: &Theme) {
    if d.data.duplicates.is_empty() {
        return;
    }
    let ids: Vec<String> = d
        .data
        .duplicates
        .iter()
        .map(|i| text::line(i.as_str()))
        .collect();
    let key = app.session.keymap.hint(crate::app::Command::MarkDuplicates);
    lines.push(Line::styled(
        app.lang().duplicates_line(&ids.join(", "), &key),
        theme.soon(),
    ));
}

/// Anonymous, confidential, and a complaint that left the desk, shown first.
fn flags(lines: &mut Vec<Line<'_>>, d: &DetailPane, app: &App, theme: &Theme) {
    let t = app.t();
    let c = &d.data.complaint;
    let strong = theme.flag().add_modifier(Modifier::REVERSED);
    let mut flags = Vec::new();
    if c.anonymous {
        flags.push(Span::styled(t.flag_anonymous, strong));
        flags.push(Span::raw(" "));
    }
    if c.confidential {
        flags.push(Span::styled(t.flag_confidential, strong));
        flags.push(Span::raw(" "));
    }
    if !d.data.row.in_scope {
        flags.push(Span::styled(
            t.flag_left,
            theme.dim().add_modifier(Modifier::REVERSED),
        ));
    }
    if !flags.is_empty() {
        lines.push(Line::from(flags));
    }
}

/// Status, agency, class, category, channel, location, dates and the reporter (never
/// an anonymous one's).
fn facts(lines: &mut Vec<Line<'_>>, c: &Complaint, app: &App, theme: &Theme) {
    let t = app.t();
    let lang = app.lang();
    let fact = |k: &'static str, v: String| {
        Line::from(vec![
            Span::styled(format!("{k:<12}"), theme.dim()),
            Span::raw(v),
        ])
    };
    let status = text::line(&lang.status(&c.status));
    lines.push(fact(
        t.fact_status,
        format!("{status} · rev {}", c.revision),
    ));
    lines.push(fact(t.fact_agency, text::line(c.agency.as_str())));
    let supervisory = if c.supervisory { t.supervisory } else { "" };
    lines.push(fact(
        t.fact_class,
        format!(
            "{}{supervisory}",
            text::line(&lang.classification(&c.classification))
        ),
    ));
    let or_dash = |v: Option<&str>| text::line(v.unwrap_or("—"));
    lines.push(fact(t.fact_category, or_dash(c.category.as_deref())));
    lines.push(fact(t.fact_channel, or_dash(c.channel.as_deref())));
    lines.push(fact(t.fact_location, or_dash(c.location.as_deref())));
    lines.push(fact(
        t.fact_dates,
        format!(
            "{} {} · {} {} · {} {}",
            t.date_event,
            c.event_date.map_or("—".into(), |d| d.to_string()),
            t.date_filed,
            c.submitted_at.format("%Y-%m-%d %H:%M"),
            t.date_disposed,
            c.disposed_at
                .map_or("—".into(), |d| d.format("%Y-%m-%d %H:%M").to_string()),
        ),
    ));
    let reporter = match (&c.reporter, c.anonymous) {
        (_, true) => t.reporter_anonymous.to_owned(),
        (Some(r), false) => format!(
            "{} · {} · {}",
            or_dash(r.name.as_deref()),
            or_dash(r.phone.as_deref()),
            or_dash(r.email.as_deref())
        ),
        (None, false) => "—".into(),
    };
    lines.push(fact(t.fact_reporter, reporter));
}

/// The three SLA clocks.
fn clocks(lines: &mut Vec<Line<'_>>, d: &DetailPane, app: &App, theme: &Theme) {
    let t = app.t();
    for (name, clock) in [
        (t.clock_first_response, d.clocks.first_response),
        (t.clock_completion, d.clocks.completion),
        (t.clock_auto_close, d.clocks.auto_close),
    ] {
        lines.push(clock_line(app, theme, name, clock));
    }
}

fn clock_line<'a>(
    app: &App,
    theme: &Theme,
    name: &'static str,
    clock: Option<ClockView>,
) -> Line<'a> {
    let Some(k) = clock else {
        return Line::from(vec![
            Span::styled(format!("{name:<15}"), theme.dim()),
            Span::raw("—"),
        ]);
    };
    let state = k.state(app.session.today, &app.session.calendar);
    let style = if state.is_late() {
        theme.late()
    } else {
        theme.base()
    };
    Line::from(vec![
        Span::styled(format!("{name:<15}"), theme.dim()),
        Span::raw(format!("{} {} · ", app.t().due, k.due)),
        Span::styled(app.lang().clock(state), style),
    ])
}

/// The body, then the attachments' names and sizes.
fn body(lines: &mut Vec<Line<'_>>, c: &Complaint, theme: &Theme) {
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
}

/// The thread of messages, each indented under its header; a long line wraps with the
/// same indent (`width` is the space inside the border).
fn thread(lines: &mut Vec<Line<'_>>, d: &DetailPane, app: &App, theme: &Theme, width: usize) {
    let wrap = textwrap::Options::new(width.max(8))
        .initial_indent("  ")
        .subsequent_indent("  ");
    if d.data.messages.is_empty() {
        return;
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(app.t().thread, theme.header()));
    for m in &d.data.messages {
        lines.push(Line::styled(
            format!(
                "{} · {}",
                m.at.format("%Y-%m-%d %H:%M"),
                text::line(&app.lang().author(&m.author))
            ),
            theme.dim(),
        ));
        for l in text::block(&m.text).lines() {
            if l.is_empty() {
                lines.push(Line::raw(""));
            }
            for part in textwrap::wrap(l, &wrap) {
                lines.push(Line::raw(part.into_owned()));
            }
        }
    }
}

/// This desk's operations on the complaint with their state, and what to do about a
/// conflict.
fn operations(lines: &mut Vec<Line<'_>>, ops: &[OpRow], app: &App, theme: &Theme) {
    if ops.is_empty() {
        return;
    }
    let t = app.t();
    let lang = app.lang();
    lines.push(Line::raw(""));
    lines.push(Line::styled(t.desk_operations, theme.header()));
    for o in ops {
        let style = match o.state {
            OpState::Rejected | OpState::Conflict => theme.error(),
            OpState::Accepted => theme.ok(),
            _ => theme.base(),
        };
        let what = match &o.kind {
            OpKind::Response { stage, .. } => format!("{} ({})", t.op_response, lang.stage(*stage)),
            OpKind::Transfer { to_agency, .. } => format!(
                "{} → {}",
                t.op_transfer,
                to_agency
                    .as_ref()
                    .map_or("?".into(), |a| text::line(a.as_str()))
            ),
            OpKind::Hold { .. } => t.op_hold.to_owned(),
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
                lang.op_state(o.state)
            ),
            style,
        ));
    }
    // What `C` and `X` do here: settle a conflict, else deal with a rejection.
    let settle = if ops.iter().any(|o| o.state == OpState::Conflict) {
        Some((t.changed_in_registry, t.confirm_again))
    } else if ops.iter().any(|o| o.state == OpState::Rejected) {
        Some((t.rejected_by_registry, t.redo_as_new))
    } else {
        None
    };
    if let Some((what, confirm)) = settle {
        let k = |c| app.session.keymap.hint(c);
        lines.push(Line::styled(
            format!(
                "{what} {}: {confirm} · {}: {}",
                k(Command::ConfirmConflicts),
                k(Command::DiscardConflicts),
                t.discard
            ),
            theme.error(),
        ));
    }
}
