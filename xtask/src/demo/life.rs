//! Phase 3 of the generator: each complaint's life, as a list of timed events (a new
//! revision of the complaint, or a thread message). Which path it takes was planned;
//! here the admin, the agency, the reporter and the registry act, on working days.

use super::data::Pace;
use super::plan::{Case, Path};
use super::{Error, Gen, Time};
use chrono::{Duration, Timelike};
use sigap::domain::{Author, Classification, Status};

/// Something that happened to a complaint.
#[derive(Clone, Debug)]
pub struct Event {
    pub at: Time,
    pub kind: EventKind,
}

/// What happened.
#[derive(Clone, Debug)]
pub enum EventKind {
    /// The registry changed the complaint: a new revision.
    Change(Change),
    /// A thread message; its template is filled when the batches are written.
    Message {
        author: Author,
        template: String,
        /// The agency a transfer went to (the `{target}` slot).
        target: Option<String>,
    },
}

/// The fields a new revision changes.
#[derive(Clone, Debug, Default)]
pub struct Change {
    pub status: Option<Status>,
    pub disposed_at: Option<Time>,
    pub tags: Option<Vec<String>>,
    pub agency: Option<String>,
}

impl Change {
    fn status(s: Status) -> Change {
        Change {
            status: Some(s),
            ..Change::default()
        }
    }
}

impl Gen<'_> {
    /// Adds an event no earlier than the last one. A `movable` event that would fall in
    /// a batch the desk never receives is moved after it, so that every complaint the
    /// desk sees as diproses or selesai also has its agency's response.
    fn add(&mut self, c: &mut Case, at: Time, kind: EventKind, movable: bool) -> Time {
        let mut t = at;
        if let Some(last) = c.events.last().map(|e| e.at)
            && t < last
        {
            t = last + Duration::minutes(self.rng.range(3, 90));
        }
        if movable {
            for (from, to) in self.gap_windows(c.stream) {
                if from < t && t <= to {
                    t = self.office_wd(to, 1);
                }
            }
        }
        c.events.push(Event { at: t, kind });
        t
    }

    fn message(&mut self, c: &mut Case, at: Time, author: Author, template: &str) -> Time {
        let kind = EventKind::Message {
            author,
            template: template.to_owned(),
            target: None,
        };
        self.add(c, at, kind, true)
    }

    fn change(&mut self, c: &mut Case, at: Time, change: Change) -> Time {
        self.add(c, at, EventKind::Change(change), true)
    }

    fn agency_says(&mut self, c: &mut Case, at: Time, template: &str) -> Time {
        self.message(c, at, Author::Agency, template)
    }

    /// Admin reminders and reporter nudges while the agency is silent, before `until`.
    fn silence(&mut self, c: &mut Case, disposed: Time, until: Option<Time>) {
        let story = self.story;
        let t = &story.text;
        let limit = until.unwrap_or(disposed + Duration::days(120));
        let mut events: Vec<(Time, Author)> = Vec::new();
        let reminder = self.office_wd(disposed, 6);
        if reminder < limit && self.rng.chance(0.55) {
            events.push((reminder, Author::Admin));
        }
        if self.rng.chance(0.45) {
            let span = (limit - disposed).num_minutes() as f64 / 1440.0;
            if span > 3.0 {
                let nudge = self.anytime(disposed, 2.0, (span * 0.8).min(20.0));
                if nudge < limit {
                    events.push((nudge, Author::Reporter));
                }
            }
        }
        events.sort_by_key(|(at, _)| *at);
        for (at, who) in events {
            let list = if who == Author::Admin {
                &t.admin_reminder
            } else {
                &t.reply_nudge
            };
            let text = self.rng.pick(list);
            self.message(c, at, who, text);
        }
    }

    fn dispose(&mut self, c: &mut Case, disposed: Time) {
        let change = Change {
            status: Some(Status::Terdisposisi),
            disposed_at: Some(disposed),
            tags: Some(c.final_tags.clone()),
            agency: None,
        };
        self.add(c, disposed, EventKind::Change(change), false);
        if self.rng.chance(0.7) {
            let at = disposed + Duration::minutes(self.rng.range(0, 2));
            let kind = EventKind::Message {
                author: Author::System,
                template: self.rng.pick(&self.story.text.sys_disposed).clone(),
                target: None,
            };
            self.add(c, at, kind, false);
        }
    }

    /// When the agency first answers, in working days after disposition (`None`:
    /// not yet), by the office's pace.
    fn first_response_days(&mut self, pace: Pace) -> Option<i64> {
        let u = self.rng.unit();
        // The upper bounds of: the same day, 1-2 days, 3-5 days, 6-12 days.
        let bounds = match pace {
            Pace::Prompt => [0.45, 0.82, 0.97, 0.99],
            Pace::Usual => [0.22, 0.47, 0.70, 0.88],
            Pace::Slow => [0.04, 0.14, 0.34, 0.66],
        };
        match u {
            u if u < bounds[0] => Some(0),
            u if u < bounds[1] => Some(self.rng.range(1, 2)),
            u if u < bounds[2] => Some(self.rng.range(3, 5)),
            u if u < bounds[3] => Some(self.rng.range(6, 12)),
            _ => None,
        }
    }

    /// Gives a complaint its whole life.
    pub fn live(&mut self, c: &mut Case) -> Result<(), Error> {
        let story = self.story;
        let t = &story.text;
        let submitted = c.submitted_at;
        self.add(
            c,
            submitted,
            EventKind::Change(Change::status(Status::BelumTerverifikasi)),
            false,
        );
        match c.path {
            Path::Unverified => return Ok(()),
            Path::HoldPre | Path::ArchivePre => {
                let hold = c.path == Path::HoldPre;
                let days = if hold {
                    self.rng.range(1, 2)
                } else {
                    self.rng.range(1, 3)
                };
                let at = self.office_wd(submitted, days);
                let list = if hold {
                    &t.admin_hold_pre
                } else {
                    &t.admin_archive_pre
                };
                let text = self.rng.pick(list).clone();
                let at = self.message(c, at, Author::Admin, &text);
                if hold {
                    self.change(c, at, Change::status(Status::Tertunda));
                } else {
                    self.change(c, at, Change::status(Status::Arsip));
                    self.message(c, at, Author::System, &t.sys_archived);
                }
                return Ok(());
            }
            _ => {}
        }
        let disposed = c
            .disposed_at
            .ok_or_else(|| Error::Data(format!("{}: never disposed", c.id)))?;
        self.dispose(c, disposed);
        let voice = &story.stream[c.stream];
        match c.path {
            Path::HoldAgency => {
                let days = self.rng.range(0, 3);
                let at = self.office_wd(disposed, days);
                let at = self.agency_says(c, at, &voice.hold);
                self.change(c, at, Change::status(Status::Tertunda));
                return Ok(());
            }
            Path::ArchiveAgency => {
                let days = self.rng.range(0, 2);
                let at = self.office_wd(disposed, days);
                let at = self.agency_says(c, at, &t.duplicate_agency);
                let days = self.rng.range(0, 1);
                let at = self.office_wd(at, days);
                let at = self.message(c, at, Author::Admin, &t.duplicate_admin);
                self.change(c, at, Change::status(Status::Arsip));
                return Ok(());
            }
            Path::Misrouted => {
                self.silence(c, disposed, None);
                return Ok(());
            }
            Path::Transfer => return self.transfer(c, disposed),
            _ => {}
        }
        self.answer(c, disposed)
    }

    /// The registry approves the transfer some days after the stream's first batch.
    fn transfer(&mut self, c: &mut Case, disposed: Time) -> Result<(), Error> {
        let story = self.story;
        let t = &story.text;
        let target = c
            .misrouted
            .map(|m| story.misrouted[m].target.clone())
            .ok_or_else(|| Error::Data(format!("{}: a transfer without a target", c.id)))?;
        let times = self.batch_times(c.stream);
        let days = self.rng.range(2, 8);
        let mut at = self.office_wd(times[0].1, days);
        if times.len() > 1 && at >= times[1].1 - Duration::hours(2) {
            at = self.office_wd(times[0].1, 1);
        }
        self.silence(c, disposed, Some(at - Duration::hours(6)));
        let name = story.agency_name(&target).unwrap_or(&target).to_owned();
        let kind = EventKind::Message {
            author: Author::Admin,
            template: t.transfer_admin.clone(),
            target: Some(name.clone()),
        };
        let at = self.add(c, at, kind, true);
        let change = Change {
            agency: Some(target),
            ..Change::default()
        };
        self.change(c, at, change);
        let kind = EventKind::Message {
            author: Author::System,
            template: t.transfer_system.clone(),
            target: Some(name),
        };
        self.add(c, at, kind, true);
        Ok(())
    }

    /// A plain complaint: the agency answers (or not yet), goes on, and finishes.
    fn answer(&mut self, c: &mut Case, disposed: Time) -> Result<(), Error> {
        let story = self.story;
        let t = &story.text;
        let sc = c
            .scenario
            .map(|s| &story.scenario[s])
            .ok_or_else(|| Error::Data(format!("{}: no scenario", c.id)))?;
        let pace = story.stream[c.stream].pace;
        let r1 = self.first_response_days(pace);
        let t1 = r1.map(|days| self.office_wd(disposed, days));
        let quiet_until = match r1 {
            Some(days) if days < 4 => Some(disposed),
            _ => t1,
        };
        self.silence(c, disposed, quiet_until);
        let Some(t1) = t1 else { return Ok(()) };
        let text = self.rng.pick(&t.initial).clone();
        let t1 = self.agency_says(c, t1, &text);
        self.change(c, t1, Change::status(Status::Diproses));
        let progress = |g: &mut Gen<'_>| {
            if !sc.progress.is_empty() && g.rng.chance(0.6) {
                g.rng.pick(&sc.progress).clone()
            } else {
                g.rng.pick(&t.progress).clone()
            }
        };
        let stall = match pace {
            Pace::Prompt => 0.04,
            Pace::Usual => 0.2,
            Pace::Slow => 0.3,
        };
        if self.rng.chance(stall) {
            // Stalled: the agency answered and went quiet; the reporter (and sometimes
            // the admin) wrote back, which keeps the registry's auto-close from firing.
            let mut last = t1;
            if self.rng.chance(0.4) {
                let days = self.rng.range(2, 6);
                let at = self.office_wd(t1, days);
                let text = progress(self);
                last = self.agency_says(c, at, &text);
            }
            let at = self.anytime(last, 2.0, 9.0);
            let text = self.rng.pick(&t.reply_wait).clone();
            let reply = self.message(c, at, Author::Reporter, &text);
            if self.rng.chance(0.4) {
                let days = self.rng.range(3, 8);
                let at = self.office_wd(reply, days);
                let text = self.rng.pick(&t.admin_followup).clone();
                self.message(c, at, Author::Admin, &text);
            }
            return Ok(());
        }
        let mut total = if c.base.classification != Classification::Pengaduan {
            self.rng.range(2, 18)
        } else if c.base.supervisory {
            self.rng.range(20, 70)
        } else {
            self.rng.range(6, 36)
        };
        // A prompt office finishes in about half the time, a slow one a third later.
        total = match pace {
            Pace::Prompt => (total / 2).max(2),
            Pace::Usual => total,
            Pace::Slow => total + total / 3,
        };
        if self.rng.chance(0.08) {
            // Nobody wrote after the agency's answer: the registry closed it.
            let day = self.add_wd(t1.date_naive(), 10);
            let at = self.at(day, 23, 50);
            let at = self.message(c, at, Author::System, &t.sys_autoclose);
            self.change(c, at, Change::status(Status::Selesai));
            if self.rng.chance(0.25) {
                let at = self.anytime(at, 1.0, 5.0);
                let text = self.rng.pick(&t.reply_bad).clone();
                self.message(c, at, Author::Reporter, &text);
            }
            return Ok(());
        }
        let (mut cursor, mut remaining) = (t1, total);
        while remaining > 8 {
            let step = self.rng.range(3, 7);
            if self.rng.chance(0.45) {
                let at = self.anytime(cursor, 2.0, 6.0);
                let text = self.rng.pick(&t.reply_wait).clone();
                let reply = self.message(c, at, Author::Reporter, &text);
                let days = self.rng.range(0, 2);
                let at = self.office_wd(reply, days);
                let text = self.rng.pick(&t.progress_after_reply).clone();
                cursor = self.agency_says(c, at, &text);
            } else {
                let at = self.office_wd(cursor, step);
                let text = progress(self);
                cursor = self.agency_says(c, at, &text);
            }
            remaining -= step;
        }
        let links = match c.long {
            Some(l) => &story.long[l].finals,
            None => &sc.body[c.variant].finals,
        };
        let fin = if links.is_empty() {
            self.rng.below(sc.finals.len())
        } else {
            *self.rng.pick(links)
        };
        let at = self.office_wd(cursor, remaining.max(1));
        let done = self.agency_says(c, at, &sc.finals[fin]);
        self.change(c, done, Change::status(Status::Selesai));
        if self.rng.chance(0.35) {
            let at = self.anytime(done, 0.05, 4.0);
            let list = if self.rng.chance(0.7) {
                &t.reply_ok
            } else {
                &t.reply_bad
            };
            let text = self.rng.pick(list).clone();
            self.message(c, at, Author::Reporter, &text);
        }
        Ok(())
    }

    /// Drops whatever would happen after the stream's last batch: it has not happened.
    pub fn cut_future(&self, c: &mut Case) {
        let end = self.final_time(c.stream);
        c.events.retain(|e| e.at <= end);
    }

    /// "pagi", "siang", "sore" or "malam" for a moment.
    pub fn salam(at: Time) -> &'static str {
        match at.hour() {
            h if h < 11 => "pagi",
            h if h < 15 => "siang",
            h if h < 18 => "sore",
            _ => "malam",
        }
    }
}
