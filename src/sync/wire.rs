//! The JSON shapes of batch lines, as the contract names them.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

/// The name in every header's `format`.
pub const FORMAT: &str = "lapor-batch";
/// The only version this desk reads and writes.
pub const VERSION: u64 = 1;

/// Line 1 of every batch.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    #[serde(rename = "type")]
    pub kind: String,
    pub format: String,
    pub version: u64,
    pub batch_id: String,
    pub direction: String,
    pub agency: String,
    pub sequence: u64,
    pub created_at: DateTime<FixedOffset>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub producer: Option<String>,
}

/// The last line of every batch.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Trailer {
    #[serde(rename = "type")]
    pub kind: String,
    pub records: u64,
    pub sha256: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_id: Option<String>,
}

/// The registry's answer to one operation.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct AckResult {
    pub op_id: String,
    pub outcome: AckOutcome,
    #[serde(default)]
    pub reason: Option<String>,
}

/// What the registry did with an operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AckOutcome {
    Accepted,
    Rejected,
    Superseded,
}

/// The registry's answer to an outbound batch.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Ack {
    pub batch_id: String,
    pub results: Vec<AckResult>,
}

/// Just the `type` of a line, to tell the header, trailer and records apart.
#[derive(Deserialize)]
pub struct TypeOnly<'a> {
    #[serde(rename = "type", borrow)]
    pub kind: Option<std::borrow::Cow<'a, str>>,
}
