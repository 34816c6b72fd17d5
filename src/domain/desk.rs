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

    /// Whether an agency is in the desk's scope (see [`covers`]).
    pub fn in_scope(&self, agency: &str) -> bool {
        self.scope.iter().any(|a| covers(a.as_str(), agency))
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

/// Whether a scope entry covers an agency code: the code itself, or, for a region code
/// (digits only, such as the regency `3529` or the province `35`), every code that
/// starts with it (`3529-DINSOS`, `3529`, `352901`). A coordinator names the regency
/// instead of listing forty offices; the agency directory's parents refine the same
/// rule in the monitoring report (`crate::monev`).
pub fn covers(entry: &str, code: &str) -> bool {
    code == entry || (is_region(entry) && code.starts_with(entry))
}

/// Whether a code names a region (a province or regency code: digits only).
pub fn is_region(code: &str) -> bool {
    !code.is_empty() && code.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::covers;

    #[test]
    fn a_region_code_covers_the_codes_under_it() {
        assert!(covers("3529-DINSOS", "3529-DINSOS"));
        assert!(!covers("3529-DINSOS", "3529-DINSOSX"));
        assert!(covers("3529", "3529-DPUBM"));
        assert!(covers("35", "3529-DPUBM"));
        assert!(!covers("3529", "3528-DPUBM"));
        assert!(!covers("3529", "L-BPJSKES"));
    }
}
