//! The monev pane's keys: moving over the agencies, stepping months, typing a period,
//! drilling into an agency's overdue complaints, drafting and issuing the letters.

use super::{Mode, MonevPane, MonevRequest};
use crate::app::common::{cycle, edit_line};
use crate::app::panes::Reply;
use crate::app::panes::confirm::{ConfirmPane, OnYes};
use crate::app::{App, Command, Effect, View};
use crate::domain::monev::Period;
use chrono::NaiveDate;
use ratatui_textarea::Input;
use std::sync::Arc;

/// The pane's commands, in help order.
pub const COMMANDS: &[Command] = &[
    Command::Down,
    Command::Up,
    Command::First,
    Command::Last,
    Command::Open,
    Command::NextView,
    Command::PrevView,
    Command::Filter,
    Command::Reprimand,
    Command::Submit,
    Command::PageDown,
    Command::PageUp,
    Command::Clear,
    Command::Help,
    Command::Close,
    Command::Quit,
];

/// The key hints of the mode the pane is in.
pub fn hints(p: &MonevPane, app: &App) -> Vec<(String, &'static str)> {
    let lang = app.lang();
    let t = app.t();
    let k = |c| app.session.keymap.hint(c);
    match p.mode {
        Mode::Range(_) => vec![
            ("Enter".into(), lang.monev_hint_apply()),
            ("Esc".into(), t.hint_cancel),
        ],
        Mode::Letters { .. } => vec![
            (
                format!("{}/{}", k(Command::Down), k(Command::Up)),
                lang.monev_hint_letter(),
            ),
            (
                format!("{}/{}", k(Command::PageDown), k(Command::PageUp)),
                t.hint_scroll,
            ),
            (k(Command::Submit), lang.monev_hint_issue()),
            ("Esc".into(), t.hint_cancel),
        ],
        Mode::Table => vec![
            (k(Command::Open), lang.monev_hint_drill()),
            (
                format!("{} {}", k(Command::PrevView), k(Command::NextView)),
                lang.monev_hint_month(),
            ),
            (k(Command::Filter), lang.monev_hint_range()),
            (k(Command::Reprimand), lang.monev_hint_draft()),
            ("Esc".into(), t.hint_close),
        ],
    }
}

/// A typed key (only while typing a period).
pub fn input(p: &mut MonevPane, input: Input) -> Reply {
    if let Mode::Range(text) = &mut p.mode {
        edit_line(text, &input, 40);
    }
    Reply::stay(Vec::new())
}

/// Reads a typed period: `2026-10`, `2026-10-01..2026-11-15` or two dates.
pub fn parse_range(s: &str) -> Option<Period> {
    let s = s.trim();
    let month = |m: &str| -> Option<Period> {
        let (y, mo) = m.split_once('-')?;
        if y.len() != 4 || mo.len() != 2 {
            return None;
        }
        Period::month(y.parse().ok()?, mo.parse().ok()?)
    };
    if let Some(p) = month(s) {
        return Some(p);
    }
    let parts: Vec<&str> = s
        .split(['.', ' ', ',', '/'])
        .filter(|x| !x.is_empty())
        .collect();
    match parts.as_slice() {
        [a, b] => Period::new(a.parse::<NaiveDate>().ok()?, b.parse::<NaiveDate>().ok()?),
        [a] => {
            let d = a.parse::<NaiveDate>().ok()?;
            Period::new(d, d)
        }
        _ => None,
    }
}

/// A command on the pane.
pub fn command(p: &mut MonevPane, app: &mut App, cmd: Command) -> Reply {
    let total = app.loaded.counts.all as u64;
    match &mut p.mode {
        Mode::Range(text) => {
            match cmd {
                Command::Open | Command::Submit => match parse_range(text) {
                    Some(period) => {
                        p.period = period;
                        p.mode = Mode::Table;
                        return Reply::stay(p.refresh(total));
                    }
                    None => p.problem = Some(app.lang().monev_bad_input(text)),
                },
                Command::Clear | Command::Close => p.mode = Mode::Table,
                _ => {}
            }
            return Reply::stay(Vec::new());
        }
        Mode::Letters {
            letters,
            at,
            scroll,
        } => {
            let n = letters.len().max(1);
            match cmd {
                Command::Down | Command::NextPane => {
                    *at = cycle(*at, n, true);
                    *scroll = 0;
                }
                Command::Up | Command::PrevPane => {
                    *at = cycle(*at, n, false);
                    *scroll = 0;
                }
                Command::PageDown => *scroll = scroll.saturating_add(8),
                Command::PageUp => *scroll = scroll.saturating_sub(8),
                Command::Submit => {
                    let letters: Vec<_> = letters.iter().map(|(l, _)| l.clone()).collect();
                    let question = app.lang().monev_issue_question(&letters);
                    let confirm = ConfirmPane {
                        question,
                        on_yes: OnYes::Run(Effect::Monev(MonevRequest::Issue(letters))),
                    };
                    return Reply::open(confirm.into(), Vec::new());
                }
                Command::Clear | Command::Close => p.mode = Mode::Table,
                _ => {}
            }
            return Reply::stay(Vec::new());
        }
        Mode::Table => {}
    }
    let rows = p.report.as_ref().map_or(0, |r| r.figures.agencies.len());
    let last = rows.saturating_sub(1);
    match cmd {
        Command::Down => p.cursor = (p.cursor + 1).min(last),
        Command::Up => p.cursor = p.cursor.saturating_sub(1),
        Command::First => p.cursor = 0,
        Command::Last => p.cursor = last,
        Command::NextView | Command::PrevView => {
            let by = if cmd == Command::NextView { 1 } else { -1 };
            if let Some(next) = p.period.step_month(by) {
                // The current month runs up to today; a past month is whole.
                p.period = Period {
                    to: next.to.min(p.as_of).max(next.from),
                    ..next
                };
                return Reply::stay(p.refresh(total));
            }
        }
        Command::Filter => {
            p.mode = Mode::Range(format!("{}..{}", p.period.from, p.period.to));
        }
        Command::Reprimand if !p.drafting => {
            p.drafting = true;
            p.generation = super::next_generation();
            return Reply::stay(vec![Effect::Monev(MonevRequest::Draft {
                as_of: p.as_of,
                generation: p.generation,
            })]);
        }
        Command::Open => return drill(p, app),
        Command::Clear | Command::Close => return Reply::close(Vec::new()),
        _ => {}
    }
    Reply::stay(Vec::new())
}

/// `Enter`: the inbox on the overdue complaints of the agency under the cursor.
fn drill(p: &MonevPane, app: &mut App) -> Reply {
    let Some(report) = &p.report else {
        return Reply::stay(Vec::new());
    };
    let Some(agency) = report.figures.agencies.get(p.cursor) else {
        return Reply::stay(Vec::new());
    };
    // Each complaint once (an assignment may have both clocks overdue), most late first.
    let mut seen = std::collections::HashSet::new();
    let ids: Vec<String> = report
        .figures
        .overdue
        .iter()
        .filter(|o| *o.agency == *agency.agency && seen.insert(o.id.as_str()))
        .map(|o| o.id.clone())
        .collect();
    if ids.is_empty() {
        app.say(app.lang().monev_no_overdue(&agency.agency));
        return Reply::stay(Vec::new());
    }
    let label = app.lang().monev_drill_label(&agency.agency, ids.len());
    Reply::stay(vec![Effect::Monev(MonevRequest::Drill { label, ids })])
}

/// The inbox on the rows found: the monev pane closes, the list is pinned under its
/// label until `Esc` (or another view) clears it.
pub fn drilled(app: &mut App, label: String, rows: Arc<Vec<i64>>) -> Vec<Effect> {
    app.panes.close::<MonevPane>();
    app.inbox.view = View::Late;
    app.inbox.filter.clear();
    app.inbox.filter.pinned = Some(label);
    app.inbox.marks.clear();
    app.inbox.found = Some(rows);
    app.list_changed(false)
}

#[cfg(test)]
mod tests {
    use super::parse_range;
    use crate::domain::monev::Period;

    #[test]
    fn a_typed_period_is_a_month_or_two_dates() {
        let d = |s: &str| s.parse().expect("date");
        assert_eq!(parse_range("2026-10"), Period::month(2026, 10));
        assert_eq!(
            parse_range(" 2026-10-01..2026-11-15 "),
            Period::new(d("2026-10-01"), d("2026-11-15"))
        );
        assert_eq!(
            parse_range("2026-10-01 2026-10-31"),
            Period::new(d("2026-10-01"), d("2026-10-31"))
        );
        assert_eq!(parse_range("2026-11-15..2026-10-01"), None, "backwards");
        assert_eq!(parse_range("kemarin"), None);
        assert_eq!(parse_range("2026-13"), None);
    }
}
