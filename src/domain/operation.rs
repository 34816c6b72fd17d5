//! The officer's operations: intents that leave the desk in outbound batches and that
//! the registry accepts or rejects.

use super::ids::{AgencyCode, BatchId, ComplaintId, OpId};
use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The stage of a response (*tindak lanjut*).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
#[value(rename_all = "snake_case")]
pub enum Stage {
    /// *TL awal*: acknowledgement and plan.
    Initial,
    /// An intermediate follow-up.
    Progress,
    /// *TL akhir*: the result; completes the complaint.
    Final,
}

impl Stage {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Initial => "initial",
            Stage::Progress => "progress",
            Stage::Final => "final",
        }
    }
}

/// Why a complaint is not this desk's authority (*bukan wewenang*).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
#[value(rename_all = "snake_case")]
pub enum TransferReason {
    /// *bukan unit kami*.
    NotOurUnit,
    /// *bukan wilayah kami*.
    NotOurRegion,
    /// *bukan pelayanan publik*.
    NotPublicService,
    /// *lainnya*.
    Other,
}

impl TransferReason {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            TransferReason::NotOurUnit => "not_our_unit",
            TransferReason::NotOurRegion => "not_our_region",
            TransferReason::NotPublicService => "not_public_service",
            TransferReason::Other => "other",
        }
    }
}

/// What an operation asks the registry to do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum OpKind {
    /// A response (*tindak lanjut*).
    Response { stage: Stage, text: String },
    /// A transfer proposal (*bukan wewenang*).
    Transfer {
        to_agency: Option<AgencyCode>,
        reason: TransferReason,
        note: String,
    },
    /// A hold (*tunda*): the reporter must supply what is missing.
    Hold { missing: String },
}

impl OpKind {
    /// The outbound record type.
    pub fn type_name(&self) -> &'static str {
        match self {
            OpKind::Response { .. } => "response",
            OpKind::Transfer { .. } => "transfer",
            OpKind::Hold { .. } => "hold",
        }
    }
}

/// Where an operation stands between the desk and the registry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OpState {
    /// Committed locally, not yet in an outbound batch.
    Pending,
    /// Written into an outbound batch, awaiting the registry's acknowledgement.
    Exported,
    /// The registry accepted it.
    Accepted,
    /// The registry rejected it (the reason is kept).
    Rejected,
    /// The registry replaced it with a later operation.
    Superseded,
    /// The complaint changed in the registry before export; the officer must confirm
    /// it again or discard it.
    Conflict,
    /// Rejected by the registry, then dealt with by the officer (discarded, or queued
    /// anew): kept for the batch it left in, out of the outbox.
    Discarded,
}

impl OpState {
    /// Every state.
    pub const ALL: [OpState; 7] = [
        OpState::Pending,
        OpState::Exported,
        OpState::Accepted,
        OpState::Rejected,
        OpState::Superseded,
        OpState::Conflict,
        OpState::Discarded,
    ];

    /// The wire and storage name.
    pub fn as_str(self) -> &'static str {
        match self {
            OpState::Pending => "pending",
            OpState::Exported => "exported",
            OpState::Accepted => "accepted",
            OpState::Rejected => "rejected",
            OpState::Superseded => "superseded",
            OpState::Conflict => "conflict",
            OpState::Discarded => "discarded",
        }
    }

    /// The name `spec/cli.md` gives the state: a discarded operation was rejected.
    pub fn contract_name(self) -> &'static str {
        match self {
            OpState::Discarded => OpState::Rejected.as_str(),
            s => s.as_str(),
        }
    }

    /// Parses a storage name.
    pub fn parse(s: &str) -> Option<OpState> {
        OpState::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Whether the operation still stands as the desk's intent (it counts towards the
    /// SLA clocks): not rejected and not superseded.
    pub fn stands(self) -> bool {
        !matches!(
            self,
            OpState::Rejected | OpState::Superseded | OpState::Discarded
        )
    }
}

impl fmt::Display for OpState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One operation of the officer's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Operation {
    pub op_id: OpId,
    pub complaint_id: ComplaintId,
    pub base_revision: u64,
    pub officer: String,
    pub at: DateTime<FixedOffset>,
    pub kind: OpKind,
    pub state: OpState,
    /// The outbound batch it left in, once exported.
    pub batch_id: Option<BatchId>,
    /// The registry's reason, for a rejected operation.
    pub reason: Option<String>,
}

/// Finds the first `{placeholder}` left in a text, if any: a `{`, then 1 to 40
/// letters, digits, `_` or `-`, then `}`. Linear in the text's length.
pub fn unfilled_placeholder(text: &str) -> Option<&str> {
    let mut from = 0;
    while let Some(rel) = text[from..].find('{') {
        let start = from + rel;
        // `{` is one byte, so `start + 1` is a character boundary.
        let rest = &text[start + 1..];
        let window = rest.char_indices().nth(41).map_or(rest.len(), |(i, _)| i);
        if let Some(end) = rest[..window].find('}') {
            let name = &rest[..end];
            let plausible = !name.is_empty()
                && name.chars().count() <= 40
                && name
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '_' || c == '-');
            if plausible {
                return Some(&text[start..start + end + 2]);
            }
        }
        from = start + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_found() {
        assert_eq!(
            unfilled_placeholder("Yth. {pelapor}, terima kasih"),
            Some("{pelapor}")
        );
        assert_eq!(unfilled_placeholder("kurung {} kosong dan { spasi }"), None);
        assert_eq!(
            unfilled_placeholder("json {\"a\": 1} lalu {id}"),
            Some("{id}")
        );
        assert_eq!(unfilled_placeholder("tanpa placeholder"), None);
        let hostile = "{".repeat(100_000) + "}";
        assert_eq!(unfilled_placeholder(&hostile), None);
        assert_eq!(unfilled_placeholder("{{x}"), Some("{x}"));
    }

    #[test]
    fn state_names_round_trip() {
        for s in OpState::ALL {
            assert_eq!(OpState::parse(s.as_str()), Some(s));
        }
        assert!(OpState::Exported.stands());
        assert!(!OpState::Rejected.stands());
    }

    #[test]
    fn kinds_serialise_with_their_wire_type() {
        let k = OpKind::Transfer {
            to_agency: None,
            reason: TransferReason::NotOurRegion,
            note: "jalan provinsi".into(),
        };
        let v = serde_json::to_value(&k).expect("json");
        assert_eq!(v["type"], "transfer");
        assert_eq!(v["reason"], "not_our_region");
        assert!(v["to_agency"].is_null());
    }
}
