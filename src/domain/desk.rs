//! The desk's counting context: the SLA rules, the working-day calendar, the time zone
//! and the agencies the desk answers for. Everything cached from a complaint (due dates,
//! whether it is in scope, its place in the inbox) is computed with it.

use super::calendar::WorkCalendar;
use super::ids::AgencyCode;
use super::sla::{Clocks, SlaFacts, SlaRules};
use chrono::{DateTime, FixedOffset, NaiveDate};

/// The rules, calendar, time zone and scope of one desk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeskContext {
    pub rules: SlaRules,
    pub calendar: WorkCalendar,
    pub tz: FixedOffset,
    /// The agencies the desk answers for.
    pub scope: Vec<AgencyCode>,
}

impl DeskContext {
    /// Computes a complaint's clocks.
    pub fn clocks(&self, facts: &SlaFacts) -> Clocks {
        Clocks::compute(facts, &self.rules, &self.calendar, self.tz)
    }

    /// The local date of an instant.
    pub fn local_date(&self, t: DateTime<FixedOffset>) -> NaiveDate {
        t.with_timezone(&self.tz).date_naive()
    }

    /// Whether an agency is in the desk's scope.
    pub fn in_scope(&self, agency: &str) -> bool {
        self.scope.iter().any(|a| a.as_str() == agency)
    }

    /// A text that changes whenever anything cached from a complaint could change.
    pub fn fingerprint(&self) -> String {
        let scope: Vec<&str> = self.scope.iter().map(|a| a.as_str()).collect();
        format!(
            "{}|{}|{}|{}",
            self.rules.fingerprint(),
            self.tz,
            self.calendar.fingerprint(),
            scope.join(",")
        )
    }
}
