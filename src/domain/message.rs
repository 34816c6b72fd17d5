//! One entry of a complaint's thread (a reporter reply, an agency follow-up, …).

use super::ids::{AgencyCode, ComplaintId, MessageId};
use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

/// Who wrote a thread message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Author {
    Reporter,
    Admin,
    Agency,
    System,
    /// An author kind this version does not know, kept as given.
    #[serde(untagged)]
    Other(String),
}

impl Author {
    /// The wire name of the author kind.
    pub fn as_str(&self) -> &str {
        match self {
            Author::Reporter => "reporter",
            Author::Admin => "admin",
            Author::Agency => "agency",
            Author::System => "system",
            Author::Other(s) => s,
        }
    }
}

/// A thread message, keyed by `id`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    pub id: MessageId,
    pub complaint_id: ComplaintId,
    pub at: DateTime<FixedOffset>,
    pub author: Author,
    #[serde(default)]
    pub agency: Option<AgencyCode>,
    pub text: String,
}
