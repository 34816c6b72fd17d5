//! The figures per agency: counts of each clock's outcomes, compliance, medians in
//! working days, the backlog and its age at `as_of`, ranks, the total row (recomputed
//! over every assignment, never averaged), the weekly series and the overdue list.

use super::assign::{Assignment, History, Outcome, visit};
use super::days::DayIndex;
use super::{Evaluation, Period, week_start};
use chrono::NaiveDate;
use std::cmp::Ordering;
use std::collections::HashMap;

/// Which clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ClockKind {
    FirstResponse,
    Completion,
}

impl ClockKind {
    /// The spec's name (`first_response`, `completion`).
    pub fn as_str(self) -> &'static str {
        match self {
            ClockKind::FirstResponse => "first_response",
            ClockKind::Completion => "completion",
        }
    }
}

/// One clock's figures.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ClockFigures {
    pub on_time: u64,
    pub late: u64,
    pub overdue: u64,
    pub pending: u64,
    /// Completion only: `selesai` at an unknown time.
    pub unknown_time: u64,
    /// `on_time / (on_time + late + overdue)`, unrounded; `None` when that is 0.
    pub compliance: Option<f64>,
    /// The median working days taken over met clocks; `None` when none.
    pub median_days: Option<f64>,
}

/// The backlog at `as_of`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Backlog {
    pub open: u64,
    pub overdue: u64,
    /// `open` by working days since `disposed_at`: 0-5, 6-14, 15-60, over 60.
    pub age: [u64; 4],
}

/// The labels of the backlog's age buckets, as the JSON names them.
pub const AGE_LABELS: [&str; 4] = ["0-5", "6-14", "15-60", ">60"];

/// The bucket of an age in working days.
pub fn age_bucket(days: u32) -> usize {
    match days {
        0..=5 => 0,
        6..=14 => 1,
        15..=60 => 2,
        _ => 3,
    }
}

/// The figures of one agency.
#[derive(Clone, Debug, PartialEq)]
pub struct AgencyFigures {
    pub agency: String,
    pub name: String,
    pub received: u64,
    pub transferred_out: u64,
    pub first_response: ClockFigures,
    pub completion: ClockFigures,
    pub backlog: Backlog,
    /// 1 = best.
    pub rank: u32,
}

/// The total row: every count summed, compliance and medians recomputed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Totals {
    pub received: u64,
    pub transferred_out: u64,
    pub first_response: ClockFigures,
    pub completion: ClockFigures,
    pub backlog: Backlog,
}

/// One week of the period: assignments received, and of those, first responses met
/// on time (by the week the assignment started).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WeekPoint {
    pub week_start: NaiveDate,
    pub received: u64,
    pub first_on_time: u64,
}

/// One overdue clock of an open assignment at `as_of`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OverdueItem {
    pub id: String,
    /// Shared with every item of the same agency.
    pub agency: std::sync::Arc<str>,
    pub clock: ClockKind,
    pub start: NaiveDate,
    pub due: NaiveDate,
    pub days_late: u32,
    pub confidential: bool,
    pub category: Option<std::sync::Arc<str>>,
}

/// Everything a report shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Figures {
    pub period: Period,
    pub as_of: NaiveDate,
    /// In rank order.
    pub agencies: Vec<AgencyFigures>,
    pub total: Totals,
    pub weeks: Vec<WeekPoint>,
    /// By agency, most days late first, then tracking ID.
    pub overdue: Vec<OverdueItem>,
}

#[derive(Clone, Debug, Default)]
struct ClockTally {
    on_time: u64,
    late: u64,
    overdue: u64,
    pending: u64,
    unknown_time: u64,
    days: Vec<u32>,
}

impl ClockTally {
    fn add(&mut self, o: Outcome) {
        match o {
            Outcome::OnTime(d) => {
                self.on_time += 1;
                self.days.push(d);
            }
            Outcome::Late(d) => {
                self.late += 1;
                self.days.push(d);
            }
            Outcome::Overdue(_) => self.overdue += 1,
            Outcome::Pending => self.pending += 1,
            Outcome::UnknownTime => self.unknown_time += 1,
            Outcome::Closed => {}
        }
    }

    fn merge(&mut self, o: &ClockTally) {
        self.on_time += o.on_time;
        self.late += o.late;
        self.overdue += o.overdue;
        self.pending += o.pending;
        self.unknown_time += o.unknown_time;
        self.days.extend_from_slice(&o.days);
    }

    fn figures(&mut self) -> ClockFigures {
        let judged = self.on_time + self.late + self.overdue;
        ClockFigures {
            on_time: self.on_time,
            late: self.late,
            overdue: self.overdue,
            pending: self.pending,
            unknown_time: self.unknown_time,
            compliance: (judged > 0).then(|| self.on_time as f64 / judged as f64),
            median_days: median(&mut self.days),
        }
    }
}

/// The median (the mean of the two middle values for an even count).
fn median(v: &mut [u32]) -> Option<f64> {
    let n = v.len();
    if n == 0 {
        return None;
    }
    let mid = n / 2;
    let (_, &mut hi, _) = v.select_nth_unstable(mid);
    if n % 2 == 1 {
        return Some(f64::from(hi));
    }
    let lo = v[..mid].iter().copied().max().unwrap_or(hi);
    Some((f64::from(lo) + f64::from(hi)) / 2.0)
}

#[derive(Clone, Debug, Default)]
struct AgencyTally {
    received: u64,
    transferred_out: u64,
    first: ClockTally,
    completion: ClockTally,
    backlog: Backlog,
}

/// Which agencies outside the list a tally still counts.
type Adopt<'a> = Box<dyn Fn(&str) -> bool + 'a>;

/// Folds complaints into the figures one at a time (a million complaints never sit
/// in memory at once).
pub struct Tally<'a> {
    ev: Evaluation<'a>,
    /// Shared with the visit of each complaint (cloning it is a count, not a copy).
    days: std::rc::Rc<DayIndex<'a>>,
    agencies: Vec<(String, String)>,
    index: HashMap<String, usize>,
    tallies: Vec<AgencyTally>,
    weeks: Vec<WeekPoint>,
    /// Each agency's code, shared by its overdue items.
    codes: Vec<std::sync::Arc<str>>,
    /// The overdue clocks by agency (index as `agencies`).
    overdue: Vec<Vec<OverdueItem>>,
    /// Agencies not listed that still count (a region's offices the directory does
    /// not know yet); they get a row named by their code.
    adopt: Option<Adopt<'a>>,
}

impl<'a> Tally<'a> {
    /// A tally over these agencies (code, name); assignments elsewhere are left out.
    pub fn new(agencies: Vec<(String, String)>, ev: Evaluation<'a>) -> Tally<'a> {
        let index = agencies
            .iter()
            .enumerate()
            .map(|(i, (code, _))| (code.clone(), i))
            .collect();
        let first = ev.period.first_week();
        let weeks = (0..ev.period.weeks())
            .map(|i| WeekPoint {
                week_start: first
                    .checked_add_days(chrono::Days::new(7 * i as u64))
                    .unwrap_or(first),
                received: 0,
                first_on_time: 0,
            })
            .collect();
        Tally {
            tallies: vec![AgencyTally::default(); agencies.len()],
            codes: agencies.iter().map(|(c, _)| c.as_str().into()).collect(),
            overdue: vec![Vec::new(); agencies.len()],
            agencies,
            index,
            weeks,
            adopt: None,
            days: std::rc::Rc::new(DayIndex::new(ev.calendar, ev.as_of)),
            ev,
        }
    }

    /// Also counts any agency for which `f` holds.
    pub fn adopting(mut self, f: impl Fn(&str) -> bool + 'a) -> Tally<'a> {
        self.adopt = Some(Box::new(f));
        self
    }

    /// Whether an agency is one of the tally's.
    pub fn counts(&self, agency: &str) -> bool {
        self.index.contains_key(agency)
    }

    /// Adds one complaint's assignments.
    pub fn add(&mut self, h: &History) {
        let (ev, days) = (self.ev, std::rc::Rc::clone(&self.days));
        visit(h, &ev, &days, |a| self.add_assignment(h, &a));
    }

    fn add_assignment(&mut self, h: &History, a: &Assignment<'_>) {
        let i = match self.index.get(a.agency) {
            Some(&i) => i,
            None if self.adopt.as_ref().is_some_and(|f| f(a.agency)) => {
                let i = self.agencies.len();
                self.agencies
                    .push((a.agency.to_owned(), a.agency.to_owned()));
                self.index.insert(a.agency.to_owned(), i);
                self.tallies.push(AgencyTally::default());
                self.codes.push(a.agency.into());
                self.overdue.push(Vec::new());
                i
            }
            None => return,
        };
        let t = &mut self.tallies[i];
        if self.ev.period.contains(a.start) {
            t.received += 1;
            t.transferred_out += u64::from(a.transferred);
            t.first.add(a.first);
            if let Some(c) = a.completion {
                t.completion.add(c);
            }
            let first_week = self.ev.period.first_week();
            let w = (week_start(a.start) - first_week).num_days() / 7;
            if let Some(p) = usize::try_from(w).ok().and_then(|w| self.weeks.get_mut(w)) {
                p.received += 1;
                p.first_on_time += u64::from(matches!(a.first, Outcome::OnTime(_)));
            }
        }
        if a.open {
            t.backlog.open += 1;
            let age = self.days.between(a.start, self.ev.as_of);
            t.backlog.age[age_bucket(age)] += 1;
            if a.overdue() {
                t.backlog.overdue += 1;
            }
            let late = [
                (ClockKind::FirstResponse, a.first, a.first_due),
                (
                    ClockKind::Completion,
                    a.completion.unwrap_or(Outcome::Pending),
                    a.completion_due,
                ),
            ];
            for (clock, outcome, due) in late {
                if let Outcome::Overdue(days_late) = outcome {
                    self.overdue[i].push(OverdueItem {
                        id: h.id.clone(),
                        agency: self.codes[i].clone(),
                        clock,
                        start: a.start,
                        due,
                        days_late,
                        confidential: h.latest.confidential,
                        category: h.latest.category.clone(),
                    });
                }
            }
        }
    }

    /// The figures: agencies ranked, the total recomputed, the overdue list sorted.
    pub fn finish(self) -> Figures {
        let Tally {
            ev,
            agencies,
            mut tallies,
            weeks,
            overdue: by_agency,
            ..
        } = self;
        let mut all = AgencyTally::default();
        let mut rows: Vec<AgencyFigures> = agencies
            .into_iter()
            .zip(tallies.iter_mut())
            .map(|((agency, name), t)| {
                all.received += t.received;
                all.transferred_out += t.transferred_out;
                all.first.merge(&t.first);
                all.completion.merge(&t.completion);
                all.backlog.open += t.backlog.open;
                all.backlog.overdue += t.backlog.overdue;
                for (sum, n) in all.backlog.age.iter_mut().zip(t.backlog.age) {
                    *sum += n;
                }
                AgencyFigures {
                    agency,
                    name,
                    received: t.received,
                    transferred_out: t.transferred_out,
                    first_response: t.first.figures(),
                    completion: t.completion.figures(),
                    backlog: t.backlog.clone(),
                    rank: 0,
                }
            })
            .collect();
        rows.sort_by(rank_order);
        for (i, r) in rows.iter_mut().enumerate() {
            r.rank = u32::try_from(i + 1).unwrap_or(u32::MAX);
        }
        let overdue = sort_overdue(by_agency);
        Figures {
            period: ev.period,
            as_of: ev.as_of,
            agencies: rows,
            total: Totals {
                received: all.received,
                transferred_out: all.transferred_out,
                first_response: all.first.figures(),
                completion: all.completion.figures(),
                backlog: all.backlog,
            },
            weeks,
            overdue,
        }
    }
}

/// The overdue clocks by agency code, most days late first, then tracking ID and
/// clock. The store hands complaints out in tracking-ID order, so each agency's list
/// usually needs only a stable sort by days late (a million items in milliseconds).
fn sort_overdue(by_agency: Vec<Vec<OverdueItem>>) -> Vec<OverdueItem> {
    let mut lists: Vec<Vec<OverdueItem>> =
        by_agency.into_iter().filter(|l| !l.is_empty()).collect();
    lists.sort_by(|a, b| a[0].agency.cmp(&b[0].agency));
    let mut out = Vec::with_capacity(lists.iter().map(Vec::len).sum());
    for mut l in lists {
        if l.is_sorted_by(|a, b| (&a.id, a.clock) <= (&b.id, b.clock)) {
            l.sort_by_key(|o| std::cmp::Reverse(o.days_late));
        } else {
            l.sort_by(|a, b| {
                (std::cmp::Reverse(a.days_late), &a.id, a.clock).cmp(&(
                    std::cmp::Reverse(b.days_late),
                    &b.id,
                    b.clock,
                ))
            });
        }
        out.extend(l);
    }
    out
}

/// Higher compliance first (a number before none), first response then completion;
/// then fewer overdue in the backlog; then the agency code.
fn rank_order(a: &AgencyFigures, b: &AgencyFigures) -> Ordering {
    let higher = |x: Option<f64>, y: Option<f64>| match (x, y) {
        (Some(x), Some(y)) => y.total_cmp(&x),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    };
    higher(a.first_response.compliance, b.first_response.compliance)
        .then_with(|| higher(a.completion.compliance, b.completion.compliance))
        .then_with(|| a.backlog.overdue.cmp(&b.backlog.overdue))
        .then_with(|| a.agency.cmp(&b.agency))
}
