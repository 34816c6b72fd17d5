//! What the desk knows for its whole run: the office it serves, the officer, the
//! language, the key map, the templates, the calendar and time zone, and the clock
//! (the one part that moves, by [`crate::app::Action::Tick`]).

use super::Keymap;
use crate::config::Config;
use crate::domain::{AgencyCode, WorkCalendar};
use crate::i18n::Lang;
use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use std::collections::BTreeMap;

/// The desk's session.
#[derive(Clone, Debug)]
pub struct Session {
    pub lang: Lang,
    /// The day the SLA clocks are read on.
    pub today: NaiveDate,
    /// The current instant (for ages in the status bar).
    pub now: DateTime<Utc>,
    /// The working-day calendar the clocks count with.
    pub calendar: WorkCalendar,
    /// The desk's time zone, for the times it shows.
    pub tz: FixedOffset,
    pub scope: Vec<AgencyCode>,
    pub officer: String,
    pub keymap: Keymap,
    pub templates: BTreeMap<String, String>,
}

impl Session {
    /// The session of a configured desk at `now`; a fixed `today` (the demo, the
    /// tests) overrides the date `now` falls on in the desk's time zone.
    pub fn from_config(
        cfg: &Config,
        keymap: Keymap,
        now: DateTime<Utc>,
        today: Option<NaiveDate>,
    ) -> Session {
        Session {
            lang: cfg.language,
            today: today.unwrap_or_else(|| now.with_timezone(&cfg.timezone).date_naive()),
            now,
            calendar: cfg.calendar(),
            tz: cfg.timezone,
            scope: cfg.agency.clone(),
            officer: cfg.officer.clone(),
            keymap,
            templates: cfg.templates.clone(),
        }
    }
}
