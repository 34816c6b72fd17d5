//! The monev pane (`M`): the monitoring figures of the desk's scope for a period (this
//! month up to today by default; `[` `]` step months, `/` types a range), the table
//! per agency, compliance per agency and the weekly received / on-time chart, the
//! backlog's age and the letters issued. `Enter` on an agency opens the inbox on that
//! agency's overdue complaints; `T` drafts the written reprimands, shows each letter
//! for review, and `Ctrl-s` issues them after one question.
//!
//! The figures are computed on a worker thread (`runtime::effects::monev`): the pane
//! shows the progress, and a newer period cancels an older computation (results carry
//! the generation they were asked with). A liaison officer's desk sees one row: its
//! own office.

mod draw;
mod keys;

use super::{Component, Reply};
use crate::app::{App, Command, Effect, TextMode};
use crate::domain::monev::Period;
use crate::monev::Report;
use crate::monev::letters::Letter;
use crate::ui::Theme;
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui_textarea::Input;
use std::sync::Arc;

/// I/O the pane asks the runtime for.
#[derive(Clone, Debug, PartialEq)]
pub enum MonevRequest {
    /// Compute the figures of a period at `as_of` on the worker thread.
    Figures {
        period: Period,
        as_of: NaiveDate,
        generation: u64,
    },
    /// Draft the letters that would be issued at `as_of` (on the worker thread).
    Draft { as_of: NaiveDate, generation: u64 },
    /// Issue these letters (numbers taken and letters recorded in one transaction).
    Issue(Vec<Letter>),
    /// Find the cache rows of an agency's overdue complaints, for the inbox.
    Drill { label: String, ids: Vec<String> },
}

/// What the runtime reports back to the pane.
#[derive(Debug)]
pub enum MonevResult {
    /// The worker read this many complaints of `total`.
    Progress {
        generation: u64,
        read: u64,
        total: u64,
    },
    /// The figures, or why they could not be computed.
    Figures {
        generation: u64,
        report: Result<Box<Report>, String>,
    },
    /// The drafted letters, each with its text for review.
    Drafted {
        generation: u64,
        letters: Result<Vec<(Letter, String)>, String>,
    },
    /// The letters issued, or why none was.
    Issued(Result<Vec<Letter>, String>),
    /// The rows of an agency's overdue complaints.
    Drilled { label: String, rows: Arc<Vec<i64>> },
}

/// What the pane shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Mode {
    /// The table and the charts.
    Table,
    /// Typing a period.
    Range(String),
    /// Reviewing drafted letters (each with its text): the one shown and its scroll.
    Letters {
        letters: Vec<(Letter, String)>,
        at: usize,
        scroll: u16,
    },
}

/// The monev pane.
#[derive(Clone, Debug)]
pub struct MonevPane {
    pub period: Period,
    pub as_of: NaiveDate,
    /// Numbers the requests; answers to older ones are ignored.
    pub generation: u64,
    /// Complaints read and in all, while the figures are computed.
    pub progress: Option<(u64, u64)>,
    pub report: Option<Box<Report>>,
    /// The agency row under the cursor.
    pub cursor: usize,
    pub mode: Mode,
    /// Drafting letters is under way.
    pub drafting: bool,
    /// The last problem (a bad range, a failed computation).
    pub problem: Option<String>,
}

impl MonevPane {
    /// The pane on this month up to `today`.
    pub fn new(today: NaiveDate) -> MonevPane {
        let month = Period::month_of(today).unwrap_or(Period {
            from: today,
            to: today,
        });
        MonevPane {
            period: Period { to: today, ..month },
            as_of: today,
            generation: 0,
            progress: None,
            report: None,
            cursor: 0,
            mode: Mode::Table,
            drafting: false,
            problem: None,
        }
    }

    /// Asks for the figures of the current period (a newer request cancels this one).
    pub fn refresh(&mut self, total: u64) -> Vec<Effect> {
        self.generation = next_generation();
        self.progress = Some((0, total));
        self.problem = None;
        vec![Effect::Monev(MonevRequest::Figures {
            period: self.period,
            as_of: self.as_of,
            generation: self.generation,
        })]
    }
}

/// Opens the pane on this month and asks for its figures.
/// A request number no pane has used before, so a pane closed and opened again never
/// takes the answer meant for the one before.
pub(crate) fn next_generation() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

pub fn open(app: &App) -> Reply {
    let mut pane = MonevPane::new(app.session.today);
    let fx = pane.refresh(app.loaded.counts.all as u64);
    Reply::open(pane.into(), fx)
}

impl Component for MonevPane {
    fn commands(&self) -> &'static [Command] {
        keys::COMMANDS
    }

    fn hints(&self, app: &App) -> Vec<(String, &'static str)> {
        keys::hints(self, app)
    }

    fn text_mode(&self) -> TextMode {
        match self.mode {
            Mode::Range(_) => TextMode::Line,
            _ => TextMode::None,
        }
    }

    fn command(&mut self, app: &mut App, cmd: Command) -> Reply {
        keys::command(self, app, cmd)
    }

    fn input(&mut self, _app: &mut App, input: Input) -> Reply {
        keys::input(self, input)
    }

    fn draw(&self, frame: &mut Frame<'_>, area: Rect, app: &App, theme: &Theme) {
        draw::draw(self, frame, area, app, theme);
    }
}

/// Lands a result from the runtime on the pane (or, for a drill, on the inbox).
pub fn result(app: &mut App, r: MonevResult) -> Vec<Effect> {
    if let MonevResult::Drilled { label, rows } = r {
        return keys::drilled(app, label, rows);
    }
    let lang = app.lang();
    let total = app.loaded.counts.all as u64;
    let Some(p) = app.panes.find_mut::<MonevPane>() else {
        return Vec::new();
    };
    let mut say = None;
    match r {
        MonevResult::Progress {
            generation,
            read,
            total,
        } if generation == p.generation => p.progress = Some((read, total)),
        MonevResult::Figures { generation, report } if generation == p.generation => {
            p.progress = None;
            match report {
                Ok(r) => {
                    p.cursor = p.cursor.min(r.figures.agencies.len().saturating_sub(1));
                    p.report = Some(r);
                }
                Err(e) => p.problem = Some(e),
            }
        }
        MonevResult::Drafted {
            generation,
            letters,
        } if generation == p.generation => {
            p.drafting = false;
            match letters {
                Ok(l) if l.is_empty() => say = Some(lang.teguran_none(p.as_of)),
                Ok(letters) => {
                    p.mode = Mode::Letters {
                        letters,
                        at: 0,
                        scroll: 0,
                    };
                }
                Err(e) => p.problem = Some(e),
            }
        }
        MonevResult::Issued(Ok(letters)) => {
            p.mode = Mode::Table;
            let fx = p.refresh(total);
            app.say(lang.monev_issued(&letters));
            return fx;
        }
        MonevResult::Issued(Err(e)) => {
            app.fail(e);
        }
        _ => {}
    }
    if let Some(text) = say {
        app.say(text);
    }
    Vec::new()
}
