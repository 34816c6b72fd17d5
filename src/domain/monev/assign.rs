//! From one complaint's history to its assignments: the stays at each agency in
//! revision order, and the two clocks of each read at `as_of`.

use super::{DayIndex, Evaluation};
use crate::domain::{Classification, Status};
use chrono::{DateTime, FixedOffset, NaiveDate};
use std::sync::Arc;

/// One snapshot of a complaint as the desk saw it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Seen {
    pub revision: u64,
    /// Shared between the many rows that name the same agency.
    pub agency: Arc<str>,
    pub disposed_at: Option<DateTime<FixedOffset>>,
    /// The instant of the batch that brought it (the earliest, if several did).
    pub seen_at: DateTime<FixedOffset>,
}

/// What the complaint's latest snapshot says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Latest {
    pub status: Status,
    pub completed_at: Option<DateTime<FixedOffset>>,
    pub classification: Classification,
    pub supervisory: bool,
    pub confidential: bool,
    pub category: Option<Arc<str>>,
}

/// What an agency did on a complaint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActKind {
    /// A registry message with `author = agency`.
    Answer,
    /// This desk's response operation (initial or progress).
    Response,
    /// This desk's `final` response.
    FinalResponse,
    /// This desk's transfer operation.
    Transfer,
}

/// One act of an agency, with when it happened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Act {
    pub agency: Arc<str>,
    pub at: DateTime<FixedOffset>,
    pub kind: ActKind,
}

/// One complaint as the monitoring figures need it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct History {
    pub id: String,
    /// Every snapshot seen, in any order.
    pub seen: Vec<Seen>,
    pub latest: Latest,
    pub acts: Vec<Act>,
}

impl History {
    /// Becomes a copy of `from`, reusing its own buffers (a million complaints are
    /// handed between threads through a few reused histories).
    pub fn refill(&mut self, from: &History) {
        self.id.clear();
        self.id.push_str(&from.id);
        self.seen.clear();
        self.seen.extend_from_slice(&from.seen);
        self.latest.clone_from(&from.latest);
        self.acts.clear();
        self.acts.extend_from_slice(&from.acts);
    }
}

/// How a clock stands at `as_of`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Met by the due date, after this many working days.
    OnTime(u32),
    /// Met after the due date, after this many working days.
    Late(u32),
    /// Not met and due before `as_of`: working days `d` with `due < d <= as_of`.
    Overdue(u32),
    /// Not met and not yet due.
    Pending,
    /// Completed by the registry at a time the desk does not know.
    UnknownTime,
    /// Not met, and no longer expected (the complaint was archived, or completed at an
    /// unknown time before any answer): left out of every count.
    Closed,
}

/// One assignment and its clocks at `as_of`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assignment<'h> {
    pub agency: &'h str,
    pub disposed_at: DateTime<FixedOffset>,
    /// `disposed_at`'s local date.
    pub start: NaiveDate,
    /// Whether it ended in a transfer by `as_of`.
    pub transferred: bool,
    pub first_due: NaiveDate,
    pub first: Outcome,
    pub completion_due: NaiveDate,
    /// `None` when transferred out (no completion clock).
    pub completion: Option<Outcome>,
    /// Running at `as_of` and not completed: part of the backlog.
    pub open: bool,
}

impl Assignment<'_> {
    /// Whether a clock of this open assignment is overdue.
    pub fn overdue(&self) -> bool {
        self.open
            && (matches!(self.first, Outcome::Overdue(_))
                || matches!(self.completion, Some(Outcome::Overdue(_))))
    }
}

/// One run of consecutive snapshots at the same agency.
struct Run<'h> {
    agency: &'h str,
    disposed_at: Option<DateTime<FixedOffset>>,
    first_seen: DateTime<FixedOffset>,
}

fn runs(h: &History) -> Vec<Run<'_>> {
    let mut seen: Vec<&Seen> = h.seen.iter().collect();
    if !seen.is_sorted_by_key(|s| s.revision) {
        seen.sort_by_key(|s| s.revision);
    }
    let mut out: Vec<Run<'_>> = Vec::with_capacity(seen.len());
    for s in seen {
        match out.last_mut() {
            Some(r) if *r.agency == *s.agency => {
                if r.disposed_at.is_none() {
                    r.disposed_at = s.disposed_at;
                }
            }
            _ => out.push(Run {
                agency: &s.agency,
                disposed_at: s.disposed_at,
                first_seen: s.seen_at,
            }),
        }
    }
    out
}

/// The assignments of one complaint, with their clocks read at `ev.as_of`. A complaint
/// never disposed has none; an assignment disposed after `as_of` does not exist yet.
pub fn assignments<'h>(h: &'h History, ev: &Evaluation<'_>) -> Vec<Assignment<'h>> {
    assignments_with(h, ev, &DayIndex::new(ev.calendar, ev.as_of))
}

/// [`assignments`] with the working days already numbered (a tally numbers them once).
pub fn assignments_with<'h>(
    h: &'h History,
    ev: &Evaluation<'_>,
    days: &DayIndex<'_>,
) -> Vec<Assignment<'h>> {
    let mut out = Vec::new();
    visit(h, ev, days, |a| out.push(a));
    out
}

/// Hands each assignment of a complaint to `f` (no list is built: a tally folds a
/// million complaints this way).
pub fn visit<'h>(
    h: &'h History,
    ev: &Evaluation<'_>,
    days: &DayIndex<'_>,
    mut f: impl FnMut(Assignment<'h>),
) {
    let local = |t: DateTime<FixedOffset>| t.with_timezone(&ev.tz).date_naive();
    let known = |t: DateTime<FixedOffset>| local(t) <= ev.as_of;
    let runs = runs(h);
    let last = runs.len().saturating_sub(1);
    for (i, run) in runs.iter().enumerate() {
        let Some(disposed_at) = run.disposed_at else {
            continue;
        };
        if !known(disposed_at) {
            continue;
        }
        // Ended by the next stay: its disposition, or when the desk first saw it.
        let end = runs
            .get(i + 1)
            .map(|n| n.disposed_at.unwrap_or(n.first_seen).max(disposed_at))
            .filter(|t| known(*t));
        let transferred = end.is_some();
        let start = local(disposed_at);
        let acts = h
            .acts
            .iter()
            .filter(|a| *a.agency == *run.agency && a.at >= disposed_at && known(a.at));
        let answered = acts
            .clone()
            .filter(|a| a.kind != ActKind::Transfer)
            .map(|a| a.at)
            .min();
        let final_at = acts
            .clone()
            .filter(|a| a.kind == ActKind::FinalResponse)
            .map(|a| a.at)
            .min();
        let sent_on = end.map(|e| {
            acts.clone()
                .filter(|a| a.kind == ActKind::Transfer)
                .map(|a| a.at)
                .fold(e, DateTime::min)
        });
        let first_met = match (answered, sent_on) {
            (Some(a), Some(s)) => Some(a.min(s)),
            (a, s) => a.or(s),
        };
        let first_due = days.add(start, ev.rules.first_response);
        let completion_due = days.add(
            start,
            ev.rules
                .completion_days(&h.latest.classification, h.latest.supervisory),
        );
        let is_last = i == last;
        let registry_done = (is_last && h.latest.status == Status::Selesai)
            .then_some(h.latest.completed_at)
            .map(|at| at.filter(|t| known(*t)));
        // Known time: the earlier of this desk's final response and `completed_at`;
        // `Some(None)` is a `selesai` at an unknown time.
        let completed: Option<Option<DateTime<FixedOffset>>> = match (final_at, registry_done) {
            (Some(f), Some(Some(c))) => Some(Some(f.min(c))),
            (Some(f), _) => Some(Some(f)),
            (None, Some(Some(c))) => Some(Some(c)),
            (None, Some(None)) if h.latest.completed_at.is_none() => Some(None),
            _ => None,
        };
        let archived = is_last && h.latest.status == Status::Arsip && completed.is_none();
        let read = |met: Option<NaiveDate>, due: NaiveDate| match met {
            Some(d) => {
                let taken = days.between(start, d);
                if d <= due {
                    Outcome::OnTime(taken)
                } else {
                    Outcome::Late(taken)
                }
            }
            None if archived => Outcome::Closed,
            None if due < ev.as_of => Outcome::Overdue(days.between(due, ev.as_of)),
            None => Outcome::Pending,
        };
        let first_met = match (first_met, completed) {
            (Some(f), Some(Some(c))) => Some(f.min(c)),
            (None, Some(Some(c))) => Some(c),
            (f, _) => f,
        };
        let mut first = read(first_met.map(local), first_due);
        if first_met.is_none() && completed == Some(None) {
            first = Outcome::Closed;
        }
        let completion = (!transferred).then(|| match completed {
            Some(None) => Outcome::UnknownTime,
            Some(Some(c)) => read(Some(local(c)), completion_due),
            None => read(None, completion_due),
        });
        let open = matches!(completion, Some(Outcome::Overdue(_) | Outcome::Pending));
        f(Assignment {
            agency: run.agency,
            disposed_at,
            start,
            transferred,
            first_due,
            first,
            completion_due,
            completion,
            open,
        });
    }
}
