//! A complaint as the registry describes it: one full snapshot at a revision.

use super::ids::{AgencyCode, ComplaintId};
use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

/// The registry's status of a complaint (the dashboard categories of SP4N-LAPOR!).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    BelumTerverifikasi,
    Tertunda,
    Arsip,
    Terdisposisi,
    Diproses,
    Selesai,
    /// A status this version does not know, kept and shown as given.
    #[serde(untagged)]
    Other(String),
}

impl Status {
    /// Every status the registry defines, in lifecycle order.
    pub const KNOWN: [Status; 6] = [
        Status::BelumTerverifikasi,
        Status::Tertunda,
        Status::Arsip,
        Status::Terdisposisi,
        Status::Diproses,
        Status::Selesai,
    ];

    /// The wire names of [`Status::KNOWN`], in the same order.
    pub const NAMES: [&'static str; 6] = [
        "belum_terverifikasi",
        "tertunda",
        "arsip",
        "terdisposisi",
        "diproses",
        "selesai",
    ];

    /// The wire name (`terdisposisi`, …).
    pub fn as_str(&self) -> &str {
        match self {
            Status::BelumTerverifikasi => Status::NAMES[0],
            Status::Tertunda => Status::NAMES[1],
            Status::Arsip => Status::NAMES[2],
            Status::Terdisposisi => Status::NAMES[3],
            Status::Diproses => Status::NAMES[4],
            Status::Selesai => Status::NAMES[5],
            Status::Other(s) => s,
        }
    }

    /// Parses a wire name; unknown names are kept as [`Status::Other`].
    pub fn parse(s: &str) -> Status {
        Status::KNOWN
            .iter()
            .find(|k| k.as_str() == s)
            .cloned()
            .unwrap_or_else(|| Status::Other(s.to_owned()))
    }

    /// Whether the registry has finished with the complaint (its clocks no longer run).
    pub fn is_closed(&self) -> bool {
        matches!(self, Status::Selesai | Status::Arsip)
    }
}

/// The *needs action* rule (view 1, *Perlu Tindakan*): the complaint is in the desk's
/// scope, disposed to it or in progress, not answered yet (`answered`: it has a first
/// response, from the registry's thread or this desk), and no transfer is proposed.
///
/// The store states the same rule once in SQL for its view, index and counts; a test
/// checks that the two agree.
pub fn needs_action(
    in_scope: bool,
    status: &Status,
    answered: bool,
    transfer_proposed: bool,
) -> bool {
    in_scope
        && matches!(status, Status::Terdisposisi | Status::Diproses)
        && !answered
        && !transfer_proposed
}

/// The class of a report, which sets its completion deadline.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Classification {
    Aspirasi,
    Pengaduan,
    PermintaanInformasi,
    /// A class this version does not know (for example WBS), kept as given.
    #[serde(untagged)]
    Other(String),
}

impl Classification {
    /// The wire name.
    pub fn as_str(&self) -> &str {
        match self {
            Classification::Aspirasi => "aspirasi",
            Classification::Pengaduan => "pengaduan",
            Classification::PermintaanInformasi => "permintaan_informasi",
            Classification::Other(s) => s,
        }
    }

    /// Parses a wire name; unknown names are kept as [`Classification::Other`].
    pub fn parse(s: &str) -> Classification {
        match s {
            "aspirasi" => Classification::Aspirasi,
            "pengaduan" => Classification::Pengaduan,
            "permintaan_informasi" => Classification::PermintaanInformasi,
            other => Classification::Other(other.to_owned()),
        }
    }
}

/// The reporter's identity. Never stored for an anonymous complaint.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reporter {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
}

/// Metadata of a file attached to a complaint (the file itself is not in the batch).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    pub name: String,
    #[serde(default)]
    pub media_type: Option<String>,
    #[serde(default)]
    pub size: Option<u64>,
    #[serde(default)]
    pub sha256: Option<String>,
}

/// A full snapshot of a complaint at one revision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Complaint {
    pub id: ComplaintId,
    pub revision: u64,
    pub title: String,
    pub body: String,
    pub classification: Classification,
    #[serde(default)]
    pub supervisory: bool,
    #[serde(default)]
    pub category: Option<String>,
    #[serde(default)]
    pub channel: Option<String>,
    pub submitted_at: DateTime<FixedOffset>,
    #[serde(default)]
    pub event_date: Option<NaiveDate>,
    #[serde(default)]
    pub location: Option<String>,
    #[serde(default)]
    pub anonymous: bool,
    #[serde(default)]
    pub confidential: bool,
    #[serde(default)]
    pub reporter: Option<Reporter>,
    pub agency: AgencyCode,
    pub status: Status,
    #[serde(default)]
    pub disposed_at: Option<DateTime<FixedOffset>>,
    #[serde(default, deserialize_with = "null_as_empty")]
    pub tags: Vec<String>,
    #[serde(default, deserialize_with = "null_as_empty")]
    pub attachments: Vec<Attachment>,
}

/// `null` and absent both mean an empty list (the batch format allows either).
fn null_as_empty<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Ok(Option::<Vec<T>>::deserialize(d)?.unwrap_or_default())
}

impl Complaint {
    /// Drops the reporter's identity of an anonymous complaint. Returns whether an
    /// identity was present (the import reports that as a warning).
    pub fn drop_identity_if_anonymous(&mut self) -> bool {
        if self.anonymous && self.reporter.is_some() {
            self.reporter = None;
            true
        } else {
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_status_and_class_are_kept_as_given() {
        assert_eq!(Status::parse("diproses"), Status::Diproses);
        assert_eq!(Status::parse("eskalasi").as_str(), "eskalasi");
        let c: Classification = serde_json::from_str("\"wbs\"").expect("parse");
        assert_eq!(c, Classification::Other("wbs".into()));
        let s: Status = serde_json::from_str("\"belum_terverifikasi\"").expect("parse");
        assert_eq!(s, Status::BelumTerverifikasi);
    }

    #[test]
    fn anonymous_identity_is_dropped() {
        let mut c: Complaint = serde_json::from_str(
            r#"{"id":"A","revision":1,"title":"t","body":"b","classification":"pengaduan",
            "submitted_at":"2026-11-02T09:12:00+07:00","anonymous":true,
            "reporter":{"name":"Siti","phone":"0812","email":null},
            "agency":"3529-DINSOS","status":"terdisposisi"}"#,
        )
        .expect("parse");
        assert!(c.drop_identity_if_anonymous());
        assert!(c.reporter.is_none());
        assert!(!c.drop_identity_if_anonymous());
    }

    #[test]
    fn null_lists_and_missing_optionals_are_accepted() {
        let c: Complaint = serde_json::from_str(
            r#"{"id":"A","revision":1,"title":"t","body":"b","classification":"aspirasi",
            "submitted_at":"2026-11-02T09:12:00+07:00","agency":"3529-DINSOS",
            "status":"belum_terverifikasi","tags":null,"attachments":null,"reporter":null,
            "disposed_at":null,"event_date":null,"location":null}"#,
        )
        .expect("parse");
        assert!(c.tags.is_empty() && c.attachments.is_empty());
        assert_eq!(c.disposed_at, None);
    }
}
