//! The `[monev]` table: when an agency gets a written reprimand, the letter's number,
//! letterhead, place and signatory, and letter templates that replace the built-in
//! ones (`assets/templates/teguran-<level>.txt`).

use serde::Deserialize;
use std::collections::BTreeMap;

/// The coordinator's monitoring and reprimand settings.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MonevConfig {
    /// Overdue assignments in an agency's backlog that make it a candidate.
    pub reprimand_threshold: u64,
    /// Working days a letter gives the agency.
    pub reprimand_deadline_days: u32,
    /// The letter's number: `{seq}` (per year, never reused) and `{year}`.
    pub letter_number: String,
    /// Where the letter is signed (*tempat*).
    pub place: String,
    /// The letterhead's lines (*kop surat*).
    pub letterhead: Vec<String>,
    pub signatory_name: String,
    pub signatory_title: String,
    pub signatory_nip: String,
    /// Letter templates by name (`teguran-1`, `teguran-2`, `teguran-3`).
    pub templates: BTreeMap<String, String>,
}

impl Default for MonevConfig {
    fn default() -> Self {
        MonevConfig {
            reprimand_threshold: 1,
            reprimand_deadline_days: 3,
            letter_number: "800/{seq}/{year}".to_owned(),
            place: String::new(),
            letterhead: Vec::new(),
            signatory_name: String::new(),
            signatory_title: String::new(),
            signatory_nip: String::new(),
            templates: BTreeMap::new(),
        }
    }
}
