//! Phase 1 of the generator: who complains to which agency, along which path, when the
//! complaint was submitted and disposed, and its tracking ID.

use super::life::Event;
use super::text::Ctx;
use super::{Error, Gen, Time};
use chrono::{Duration, NaiveDate};
use sigap::domain::{Attachment, Classification, Reporter};

/// The life a complaint is given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Path {
    /// Disposed, then answered (or not) by its agency.
    Normal,
    /// Not yet verified by the admin.
    Unverified,
    /// Held by the admin before disposition (vague).
    HoldPre,
    /// Archived by the admin before disposition.
    ArchivePre,
    /// Held by the agency, waiting for the reporter.
    HoldAgency,
    /// A duplicate of an earlier complaint, archived.
    ArchiveAgency,
    /// At the wrong office, waiting for a transfer.
    Misrouted,
    /// At the wrong office, transferred away by the registry in a later batch.
    Transfer,
}

/// The fields of a complaint that do not change over its life.
#[derive(Clone, Debug)]
pub struct Base {
    pub title: String,
    pub body: String,
    pub classification: Classification,
    pub supervisory: bool,
    pub category: String,
    pub channel: String,
    pub event_date: Option<NaiveDate>,
    pub location: Option<String>,
    pub anonymous: bool,
    pub confidential: bool,
    pub reporter: Option<Reporter>,
    pub attachments: Vec<Attachment>,
}

impl Default for Base {
    fn default() -> Self {
        Base {
            title: String::new(),
            body: String::new(),
            classification: Classification::Pengaduan,
            supervisory: false,
            category: String::new(),
            channel: String::new(),
            event_date: None,
            location: None,
            anonymous: false,
            confidential: false,
            reporter: None,
            attachments: Vec::new(),
        }
    }
}

/// One complaint being generated.
#[derive(Clone, Debug)]
pub struct Case {
    /// Its agency's stream (index into the story's streams).
    pub stream: usize,
    pub path: Path,
    pub scenario: Option<usize>,
    pub long: Option<usize>,
    pub misrouted: Option<usize>,
    pub days_ago: i64,
    /// The earlier complaint a duplicate repeats (index into the cases).
    pub twin: Option<usize>,
    /// Which body of its scenario tells it.
    pub variant: usize,
    pub id: String,
    pub submitted_at: Time,
    pub disposed_at: Option<Time>,
    pub ctx: Ctx,
    pub base: Base,
    pub final_tags: Vec<String>,
    pub events: Vec<Event>,
    /// The one anonymous complaint whose reporter is sent anyway.
    pub trap: bool,
}

impl Case {
    fn new(stream: usize, path: Path, at: Time) -> Case {
        Case {
            stream,
            path,
            scenario: None,
            long: None,
            misrouted: None,
            days_ago: 0,
            twin: None,
            variant: 0,
            id: String::new(),
            submitted_at: at,
            disposed_at: None,
            ctx: Ctx::new(),
            base: Base::default(),
            final_tags: Vec::new(),
            events: Vec::new(),
            trap: false,
        }
    }

    /// Whether a scenario allows the pengaduan class.
    fn can_be_pengaduan(&self, g: &Gen<'_>) -> bool {
        self.scenario
            .is_some_and(|s| g.story.scenario[s].classes.contains_key("pengaduan"))
    }
}

impl Gen<'_> {
    /// Plans every complaint of every stream, sorted by submission, with their IDs.
    pub fn plan(&mut self) -> Result<Vec<Case>, Error> {
        let mut all = Vec::new();
        for stream in 0..self.story.stream.len() {
            all.extend(self.plan_stream(stream)?);
        }
        all.sort_by(|a, b| {
            (a.submitted_at, &self.story.stream[a.stream].agency)
                .cmp(&(b.submitted_at, &self.story.stream[b.stream].agency))
        });
        let year = self.reference.format("%Y");
        let mut n = self.story.desk.first_number;
        for c in &mut all {
            n += self.rng.range(2, 47);
            c.id = format!("LAP-{year}-{n:07}");
        }
        self.pick_twins(&mut all)?;
        Ok(all)
    }

    fn plan_stream(&mut self, stream: usize) -> Result<Vec<Case>, Error> {
        let story = self.story;
        let st = &story.stream[stream];
        let now = self.reference;
        let scenarios: Vec<usize> = (0..story.scenario.len())
            .filter(|i| story.scenario[*i].agency == st.agency)
            .collect();
        let mut fixed = Vec::new();
        let mut spread = Vec::new();
        for (i, l) in story.long.iter().enumerate() {
            if l.stream == st.agency {
                let mut c = Case::new(stream, Path::Normal, now);
                c.scenario = story.scenario.iter().position(|s| s.key == l.scenario);
                c.long = Some(i);
                c.days_ago = l.days_ago;
                fixed.push(c);
            }
        }
        for (i, m) in story.misrouted.iter().enumerate() {
            if m.stream != st.agency {
                continue;
            }
            let path = if m.transfer {
                Path::Transfer
            } else {
                Path::Misrouted
            };
            let mut c = Case::new(stream, path, now);
            c.misrouted = Some(i);
            if m.transfer {
                // Disposed some days before the stream's first batch.
                let first = self.batch_times(stream)[0].1.date_naive();
                let d = first - Duration::days(self.rng.range(5, 20));
                c.days_ago = (self.today() - d).num_days().min(story.desk.days_back);
                fixed.push(c);
            } else {
                spread.push(c);
            }
        }
        for _ in 0..2 {
            let mut c = Case::new(stream, Path::Unverified, now);
            c.scenario = Some(*self.rng.pick(&scenarios));
            fixed.push(c);
        }
        let mut special = vec![
            (Path::HoldPre, 4, 60),
            (Path::ArchivePre, 4, 80),
            (Path::ArchiveAgency, 3, 70),
        ];
        special.extend(std::iter::repeat_n(
            (Path::HoldAgency, 3, 45),
            st.agency_holds,
        ));
        for (path, lo, hi) in special {
            let mut c = Case::new(stream, path, now);
            c.scenario = Some(*self.rng.pick(&scenarios));
            c.days_ago = self.rng.range(lo, hi);
            fixed.push(c);
        }
        let normal = st
            .planned
            .checked_sub(fixed.len() + spread.len())
            .ok_or_else(|| {
                Error::Data(format!(
                    "stream {}: `planned` is smaller than its fixed cases",
                    st.agency
                ))
            })?;
        // Every scenario at least once, then by weight.
        let weighted: Vec<(usize, u32)> = scenarios
            .iter()
            .map(|s| (*s, story.scenario[*s].weight))
            .collect();
        let mut picks = scenarios.clone();
        while picks.len() < normal {
            picks.push(*self.rng.weighted(&weighted));
        }
        self.rng.shuffle(&mut picks);
        for s in picks.into_iter().take(normal) {
            let mut c = Case::new(stream, Path::Normal, now);
            c.scenario = Some(s);
            spread.push(c);
        }
        self.rng.shuffle(&mut spread);
        // Disposals spread evenly over the days back from the reference date.
        let days = story.desk.days_back;
        let len = spread.len().max(1) as f64;
        for (i, c) in spread.iter_mut().enumerate() {
            let at = (i as f64 + self.rng.unit()) * (days + 1) as f64 / len;
            c.days_ago = days.min(at as i64);
        }
        let mut group = fixed;
        group.extend(spread);
        for c in &mut group {
            match c.path {
                Path::Unverified => {
                    c.submitted_at = now - Duration::minutes(self.rng.range(130, 3 * 1440));
                }
                Path::HoldPre | Path::ArchivePre => {
                    c.submitted_at = self.disposal_time(c.days_ago);
                }
                _ => {
                    let disposed = self.disposal_time(c.days_ago);
                    c.disposed_at = Some(disposed);
                    c.submitted_at = disposed - Duration::minutes(self.rng.range(90, 3 * 1440));
                }
            }
        }
        Ok(group)
    }

    /// Every duplicate repeats an earlier pengaduan of its agency, disposed at least a
    /// day before the duplicate was submitted (and preferably not long before).
    fn pick_twins(&mut self, all: &mut [Case]) -> Result<(), Error> {
        for i in 0..all.len() {
            if all[i].path != Path::ArchiveAgency {
                continue;
            }
            let c = &all[i];
            let limit = c.submitted_at - Duration::days(1);
            let ok: Vec<usize> = (0..all.len())
                .filter(|j| {
                    let o = &all[*j];
                    o.stream == c.stream
                        && o.path == Path::Normal
                        && o.long.is_none()
                        && o.can_be_pengaduan(self)
                        && o.disposed_at.is_some_and(|d| d < limit)
                })
                .collect();
            let near: Vec<usize> = ok
                .iter()
                .copied()
                .filter(|j| all[*j].days_ago - c.days_ago <= 25)
                .collect();
            let pool = if near.is_empty() { ok } else { near };
            if pool.is_empty() {
                return Err(Error::Data(format!(
                    "no earlier complaint for the duplicate {} to repeat",
                    c.id
                )));
            }
            let twin = *self.rng.pick(&pool);
            all[i].twin = Some(twin);
            all[i].scenario = all[twin].scenario;
        }
        Ok(())
    }

    /// Exactly one anonymous complaint keeps its reporter on the wire: a plain one of the
    /// configured stream, disposed in the configured range of days (the first by ID,
    /// preferring one that is anonymous anyway).
    pub fn pick_anonymous_trap(&mut self, all: &mut [Case]) -> Result<(), Error> {
        let trap = &self.story.desk.anonymous_trap;
        let stream = self.story.stream_index(&trap.stream);
        let [lo, hi] = trap.days_ago;
        let mut candidates: Vec<usize> = (0..all.len())
            .filter(|i| {
                let c = &all[*i];
                Some(c.stream) == stream
                    && c.path == Path::Normal
                    && c.long.is_none()
                    && (lo..=hi).contains(&c.days_ago)
            })
            .collect();
        candidates.sort_by_key(|i| (!all[*i].base.anonymous, all[*i].id.clone()));
        let i = *candidates
            .first()
            .ok_or_else(|| Error::Data("no complaint fits `desk.anonymous_trap`".into()))?;
        let reporter = self.reporter(None);
        let c = &mut all[i];
        c.base.anonymous = true;
        c.base.reporter = Some(reporter);
        c.trap = true;
        Ok(())
    }
}
