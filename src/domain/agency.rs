//! The agency directory: the targets a complaint can be transferred to.

use super::ids::AgencyCode;
use serde::{Deserialize, Serialize};

/// The tier of an agency in the directory.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgencyLevel {
    Kementerian,
    Lembaga,
    Provinsi,
    Kabupaten,
    Kota,
    Opd,
    Unit,
    /// A level this version does not know, kept as given.
    #[serde(untagged)]
    Other(String),
}

/// One entry of the directory.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agency {
    pub code: AgencyCode,
    pub name: String,
    #[serde(default)]
    pub parent: Option<AgencyCode>,
    pub level: AgencyLevel,
    #[serde(default = "yes")]
    pub active: bool,
}

fn yes() -> bool {
    true
}
