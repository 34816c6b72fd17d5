//! The demo's story as data: `xtask/data/demo-scenarios.toml` read into typed structs
//! (every text, name, place, agency and batch time of the demo lives there), and the
//! look-ups the generator uses (`consistency.rs` checks it when it is loaded).

use super::Error;
use chrono::{DateTime, FixedOffset};
use serde::Deserialize;
use sigap::domain::{AgencyLevel, Classification, Complaint, Message};
use std::collections::BTreeMap;

/// The data file, compiled in (so the test and the xtask read the very same bytes).
pub const STORY_TOML: &str = include_str!("../../data/demo-scenarios.toml");

/// Everything the demo is made of.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Story {
    pub desk: Desk,
    pub stream: Vec<Stream>,
    pub agency: Vec<DirEntry>,
    pub kecamatan: Vec<Kecamatan>,
    pub slots: Slots,
    pub people: People,
    pub attachments: AttachmentNames,
    pub text: Texts,
    pub vague_archive: Vec<Vague>,
    pub scenario: Vec<Scenario>,
    pub misrouted: Vec<Misrouted>,
    pub long: Vec<Long>,
    pub inbox: Inbox,
}

/// The desk and the fixed parameters of the demo.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Desk {
    pub seed: u64,
    /// "Now" of the demo: nothing in the files is later (except the waiting inbox).
    pub reference: DateTime<FixedOffset>,
    pub producer: String,
    pub days_back: i64,
    pub first_number: i64,
    pub max_total_bytes: u64,
    pub anonymous_trap: Trap,
    /// Batches created from this instant on carry `completed_at` on `selesai`
    /// snapshots (the field arrived with the monitoring report); older ones do not.
    pub completed_at_since: DateTime<FixedOffset>,
}

/// How quickly an office answers and finishes, so the monitoring report has offices
/// that are clearly good and clearly late.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Pace {
    /// Answers within a day or two, finishes well inside the limits.
    Prompt,
    #[default]
    Usual,
    /// Answers late or not at all, finishes late.
    Slow,
}

/// Where the one anonymous complaint that arrives with a reporter comes from.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Trap {
    pub stream: String,
    pub days_ago: [i64; 2],
}

/// One agency of the desk's scope and its inbound stream.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stream {
    pub agency: String,
    pub planned: usize,
    pub agency_holds: usize,
    /// How quickly the office answers.
    #[serde(default)]
    pub pace: Pace,
    /// `created_at` of sequence 1, 2, …
    pub batches: Vec<DateTime<FixedOffset>>,
    /// Sequences the registry produced but the desk never received.
    #[serde(default)]
    pub missing: Vec<u64>,
    #[serde(default)]
    pub directory_in: Option<u64>,
    #[serde(default)]
    pub late_directory_in: Option<u64>,
    pub units: Vec<String>,
    pub field: String,
    pub hold: String,
    pub vague: Vague,
}

/// An entry of the agency directory.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DirEntry {
    pub code: String,
    pub name: String,
    #[serde(default)]
    pub parent: Option<String>,
    pub level: AgencyLevel,
    #[serde(default = "yes")]
    pub active: bool,
    #[serde(default)]
    pub late: bool,
}

fn yes() -> bool {
    true
}

/// A kecamatan of the regency.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kecamatan {
    pub name: String,
    #[serde(default)]
    pub island: bool,
    pub weight: u32,
    pub desa: Vec<String>,
    #[serde(default)]
    pub kelurahan: Vec<String>,
    #[serde(default)]
    pub landmarks: Vec<String>,
    #[serde(default)]
    pub puskesmas: Vec<String>,
    #[serde(default)]
    pub pasar: Vec<String>,
    #[serde(default)]
    pub roads: Vec<String>,
}

/// Values of the context slots.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Slots {
    pub dusun: Vec<String>,
    pub km: Vec<String>,
    pub tahap: Vec<String>,
    pub pot: Vec<String>,
    pub biaya: Vec<String>,
    pub sisa: Vec<String>,
    pub jam: Vec<String>,
    pub sd_number: Vec<String>,
    pub landmarks: Vec<String>,
    pub village_roads: Vec<String>,
    pub months: Vec<String>,
    pub weekdays: Vec<String>,
    pub kk_typos: Vec<[String; 2]>,
}

/// Reporters' names and contacts.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct People {
    pub names: Vec<String>,
    pub phone_prefix: Vec<String>,
    pub email_domains: Vec<String>,
}

/// Attachment names and media types.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttachmentNames {
    pub letter: [String; 2],
    pub documents: Vec<[String; 2]>,
}

/// Thread texts and the pieces a body is dressed in.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Texts {
    pub sys_disposed: Vec<String>,
    pub initial: Vec<String>,
    pub progress: Vec<String>,
    pub progress_after_reply: Vec<String>,
    pub reply_wait: Vec<String>,
    pub reply_nudge: Vec<String>,
    pub reply_ok: Vec<String>,
    pub reply_bad: Vec<String>,
    pub admin_reminder: Vec<String>,
    pub admin_followup: Vec<String>,
    pub admin_hold_pre: Vec<String>,
    pub admin_archive_pre: Vec<String>,
    pub sys_autoclose: String,
    pub sys_archived: String,
    pub archive_categories: Vec<String>,
    pub duplicate_agency: String,
    pub duplicate_admin: String,
    pub duplicate_note: Vec<String>,
    pub transfer_admin: String,
    pub transfer_system: String,
    pub open_formal: Vec<String>,
    pub open_informal: Vec<String>,
    pub close_formal: Vec<String>,
    pub close_letter: Vec<String>,
    pub close_informal: Vec<String>,
    pub extra_formal: Vec<String>,
    pub extra_informal: Vec<String>,
    pub letter_open: String,
    pub letter_sign_named: String,
    pub letter_sign_anonymous: String,
    pub twitter_handle: String,
    pub twitter_tag: String,
    pub sms_words: Vec<[String; 2]>,
}

/// A title and a body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vague {
    pub title: String,
    pub body: String,
}

/// How a body is written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Register {
    #[default]
    Formal,
    Informal,
}

/// Where a scenario happens.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum Places {
    /// `"islands"`: any island kecamatan.
    Group(String),
    /// These kecamatan.
    Named(Vec<String>),
}

/// What people complain about at one agency.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub key: String,
    pub agency: String,
    pub category: String,
    /// Weights of the classifications.
    pub classes: BTreeMap<String, u32>,
    #[serde(default)]
    pub supervisory: f64,
    pub anonymous: f64,
    pub confidential: f64,
    pub weight: u32,
    #[serde(default)]
    pub kecamatan: Option<Places>,
    pub tags: Vec<String>,
    pub titles: Vec<String>,
    pub finals: Vec<String>,
    #[serde(default)]
    pub progress: Vec<String>,
    pub body: Vec<Body>,
}

/// One way of telling a scenario, with the titles and final responses that fit it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Body {
    pub register: Register,
    #[serde(default)]
    pub titles: Vec<usize>,
    #[serde(default)]
    pub finals: Vec<usize>,
    pub text: String,
}

/// A complaint sent to the wrong office.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Misrouted {
    pub stream: String,
    pub target: String,
    #[serde(default)]
    pub transfer: bool,
    pub category: String,
    pub classification: Classification,
    #[serde(default)]
    pub kecamatan: Option<String>,
    #[serde(default)]
    pub desa: Option<String>,
    #[serde(default)]
    pub anonymous: Option<bool>,
    #[serde(default)]
    pub confidential: Option<bool>,
    #[serde(default)]
    pub supervisory: bool,
    pub tags: Vec<String>,
    pub title: String,
    #[serde(default)]
    pub register: Register,
    pub body: String,
}

/// A long, multi-paragraph report.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Long {
    pub stream: String,
    pub scenario: String,
    pub channel: String,
    pub classification: Classification,
    #[serde(default)]
    pub supervisory: bool,
    pub kecamatan: String,
    pub desa: String,
    #[serde(default)]
    pub reporter: Option<String>,
    #[serde(default)]
    pub anonymous: bool,
    #[serde(default)]
    pub confidential: bool,
    pub days_ago: i64,
    #[serde(default)]
    pub finals: Vec<usize>,
    pub title: String,
    pub body: String,
}

/// The batch waiting in the import folder, written as it is.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Inbox {
    pub agency: String,
    pub sequence: u64,
    pub batch_id: String,
    pub created_at: DateTime<FixedOffset>,
    pub complaint: Vec<Complaint>,
    pub message: Vec<Message>,
}

impl Story {
    /// Parses and checks the data file.
    pub fn load() -> Result<Story, Error> {
        let story: Story = toml::from_str(STORY_TOML).map_err(|e| Error::Data(format!("{e}")))?;
        story.check()?;
        Ok(story)
    }

    /// The stream of an agency.
    pub fn stream_index(&self, agency: &str) -> Option<usize> {
        self.stream.iter().position(|s| s.agency == agency)
    }

    /// A directory entry.
    pub fn agency_name(&self, code: &str) -> Option<&str> {
        self.agency
            .iter()
            .find(|a| a.code == code)
            .map(|a| a.name.as_str())
    }

    /// A kecamatan by name.
    pub fn kec(&self, name: &str) -> Option<&Kecamatan> {
        self.kecamatan.iter().find(|k| k.name == name)
    }
}
