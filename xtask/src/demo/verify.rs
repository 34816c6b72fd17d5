//! The story's promises, checked on the generated files alone (re-read as JSON, not
//! from the generator's state): valid batches, coherent snapshots and threads, every
//! status, class, channel and SLA state present, one gap, one anonymous complaint that
//! arrives with its reporter, a few transfers away, an inactive agency, a small size.

use super::promises;
use super::{DemoFile, Error, Gen};
use chrono::{DateTime, Duration, FixedOffset, NaiveDate};
use serde_json::Value;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};

pub const STATUSES: [&str; 6] = [
    "belum_terverifikasi",
    "tertunda",
    "arsip",
    "terdisposisi",
    "diproses",
    "selesai",
];
pub const CLASSES: [&str; 3] = ["aspirasi", "pengaduan", "permintaan_informasi"];
pub const CHANNELS: [&str; 6] = ["web", "app", "sms", "twitter", "whatsapp", "letter"];
pub const AUTHORS: [&str; 4] = ["reporter", "admin", "agency", "system"];
pub const LEVELS: [&str; 7] = [
    "kementerian",
    "lembaga",
    "provinsi",
    "kabupaten",
    "kota",
    "opd",
    "unit",
];

/// What the demo holds (printed by `cargo xtask demo`, partly written to its README).
#[derive(Debug, Default)]
pub struct Summary {
    /// Path, bytes, complaints, messages, agencies.
    pub files: Vec<(String, usize, usize, usize, usize)>,
    pub total_bytes: usize,
    pub complaints: usize,
    pub snapshots: usize,
    pub messages: usize,
    pub agencies: usize,
    pub inactive: Vec<String>,
    pub missing: BTreeMap<String, Vec<u64>>,
    pub by_status: BTreeMap<String, usize>,
    pub by_class: BTreeMap<String, usize>,
    pub by_channel: BTreeMap<String, usize>,
    pub by_author: BTreeMap<String, usize>,
    pub anonymous: usize,
    pub confidential: usize,
    pub supervisory: usize,
    pub anonymous_with_reporter: Vec<String>,
    /// ID, the stream it came in, the agency it went to.
    pub transferred: Vec<(String, String, String)>,
    pub first_response: BTreeMap<&'static str, usize>,
    pub completion: BTreeMap<&'static str, usize>,
}

type Time = DateTime<FixedOffset>;

pub fn time(v: &Value) -> Option<Time> {
    v.as_str()
        .and_then(|s| DateTime::parse_from_rfc3339(s).ok())
}

pub fn text(v: &Value) -> &str {
    v.as_str().unwrap_or("")
}

fn is_tracking_id(id: &str) -> bool {
    let b = id.as_bytes();
    b.len() == 16
        && id.starts_with("LAP-")
        && b[8] == b'-'
        && b[4..8].iter().chain(&b[9..]).all(u8::is_ascii_digit)
}

fn is_phone(p: &str) -> bool {
    p.starts_with("08") && (10..=13).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
}

/// One snapshot as read: the batch's time and sequence, and the record.
pub struct Snap {
    pub file: String,
    pub created: Time,
    pub record: Value,
}

/// What the files say, gathered while they are read.
#[derive(Default)]
pub struct Reading {
    pub problems: Vec<String>,
    pub batch_ids: BTreeSet<String>,
    pub streams: BTreeMap<String, Vec<(u64, Time)>>,
    pub snaps: BTreeMap<String, Vec<Snap>>,
    pub messages: BTreeMap<String, Value>,
    pub agencies: BTreeMap<String, Value>,
    pub revisions: BTreeMap<(String, u64), String>,
}

impl Reading {
    pub fn bad(&mut self, p: String) {
        if self.problems.len() < 60 {
            self.problems.push(p);
        }
    }

    /// The lines of a batch, its header and trailer checked. `None`: unreadable.
    fn lines(&mut self, f: &DemoFile, producer: &str) -> Option<Vec<Value>> {
        let name = &f.path;
        let Ok(body) = std::str::from_utf8(&f.bytes) else {
            self.bad(format!("{name}: not UTF-8"));
            return None;
        };
        if body.contains('\r') || !body.ends_with('\n') {
            self.bad(format!("{name}: a \\r, or no final \\n"));
        }
        let lines: Vec<Value> = body
            .split_terminator('\n')
            .map(|l| serde_json::from_str(l).unwrap_or(Value::Null))
            .collect();
        let (Some(head), Some(trailer)) = (lines.first(), lines.last()) else {
            self.bad(format!("{name}: empty"));
            return None;
        };
        if lines.len() < 2 || lines.iter().any(Value::is_null) {
            self.bad(format!("{name}: a line that is not JSON, or no trailer"));
            return None;
        }
        let want = ("header", "lapor-batch", 1, "inbound", producer);
        let got = (
            text_of(head, "type"),
            text_of(head, "format"),
            head["version"].as_u64().unwrap_or(0),
            text_of(head, "direction"),
            text_of(head, "producer"),
        );
        if got != want {
            self.bad(format!("{name}: header {head}"));
        }
        let (agency, seq) = (
            text(&head["agency"]),
            head["sequence"].as_u64().unwrap_or(0),
        );
        let base = name.rsplit('/').next().unwrap_or(name);
        if base != format!("inbound-{agency}-{seq:04}.jsonl") {
            self.bad(format!("{name}: the name does not match the header"));
        }
        let batch_id = text(&head["batch_id"]).to_owned();
        if batch_id.is_empty() || batch_id.len() > 128 || !self.batch_ids.insert(batch_id) {
            self.bad(format!("{name}: batch_id missing, too long or repeated"));
        }
        let last = body.trim_end_matches('\n').rfind('\n').map_or(0, |i| i + 1);
        let digest = hex::encode(Sha256::digest(&f.bytes[..last]));
        if text_of(trailer, "type") != "trailer"
            || trailer["records"].as_u64() != Some(lines.len() as u64 - 2)
            || text_of(trailer, "sha256") != digest
        {
            self.bad(format!("{name}: wrong trailer {trailer}"));
        }
        Some(lines)
    }
}

pub fn text_of<'a>(v: &'a Value, key: &str) -> &'a str {
    text(&v[key])
}

/// Checks the generated files; the summary of what they hold, or every broken promise.
pub fn verify(g: &Gen<'_>, files: &[DemoFile]) -> Result<Summary, Error> {
    let story = g.story;
    let scope: BTreeSet<&str> = story.stream.iter().map(|s| s.agency.as_str()).collect();
    let reference = g.reference;
    let today = g.today();
    let mut r = Reading::default();
    let mut sum = Summary::default();
    for f in files.iter().filter(|f| !f.path.starts_with("masuk/")) {
        sum.total_bytes += f.bytes.len();
        let Some(lines) = r.lines(f, &story.desk.producer) else {
            continue;
        };
        let name = f.path.clone();
        let head = &lines[0];
        let agency = text(&head["agency"]).to_owned();
        let seq = head["sequence"].as_u64().unwrap_or(0);
        let created = time(&head["created_at"]).unwrap_or(reference);
        if !scope.contains(agency.as_str()) || created > reference {
            r.bad(format!(
                "{name}: agency out of scope, or created after the reference"
            ));
        }
        r.streams.entry(agency).or_default().push((seq, created));
        let (mut nc, mut nm, mut na) = (0, 0, 0);
        let mut here: BTreeMap<String, Value> = BTreeMap::new();
        for (i, rec) in lines[1..lines.len() - 1].iter().enumerate() {
            let at = format!("{name}:{}", i + 2);
            match text_of(rec, "type") {
                "agency" => {
                    na += 1;
                    let code = text_of(rec, "code").to_owned();
                    if !LEVELS.contains(&text_of(rec, "level")) || !rec["active"].is_boolean() {
                        r.bad(format!("{at}: bad agency {rec}"));
                    }
                    if r.agencies.get(&code).is_some_and(|a| a != rec) {
                        r.bad(format!(
                            "{at}: agency {code} differs from an earlier record"
                        ));
                    }
                    r.agencies.insert(code, rec.clone());
                }
                "complaint" => {
                    nc += 1;
                    complaint(&mut r, g, &at, rec, created);
                    let id = text_of(rec, "id").to_owned();
                    if here.insert(id.clone(), rec.clone()).is_some() {
                        r.bad(format!("{at}: {id} twice in one file"));
                    }
                    let snap = Snap {
                        file: name.clone(),
                        created,
                        record: rec.clone(),
                    };
                    r.snaps.entry(id).or_default().push(snap);
                }
                "message" => {
                    nm += 1;
                    let id = text_of(rec, "id").to_owned();
                    let owner = here.get(text_of(rec, "complaint_id"));
                    let when = time(&rec["at"]);
                    let ok = AUTHORS.contains(&text_of(rec, "author"))
                        && (text_of(rec, "author") == "agency") != rec["agency"].is_null()
                        && id.starts_with(&format!("MSG-{}-", text_of(rec, "complaint_id")))
                        && when.is_some_and(|w| w <= created)
                        && !text_of(rec, "text").is_empty()
                        && owner.is_some_and(|o| {
                            time(&o["disposed_at"]).is_none_or(|d| when.is_some_and(|w| w >= d))
                        });
                    if !ok {
                        r.bad(format!("{at}: bad message {rec}"));
                    }
                    if r.messages.insert(id.clone(), rec.clone()).is_some() {
                        r.bad(format!("{at}: message {id} repeated"));
                    }
                }
                other => r.bad(format!("{at}: unknown record type {other:?}")),
            }
        }
        sum.files.push((name, f.bytes.len(), nc, nm, na));
    }
    promises::story_wide(&mut r, &mut sum, g, &scope, today);
    // The waiting inbox: a valid batch, new IDs, the next sequence of its stream.
    for f in files.iter().filter(|f| f.path.starts_with("masuk/")) {
        let Some(lines) = r.lines(f, &story.desk.producer) else {
            continue;
        };
        let head = &lines[0];
        let last = r.streams.get(text(&head["agency"])).and_then(|s| s.last());
        if last.map(|(s, _)| s + 1) != head["sequence"].as_u64() {
            r.bad(format!("{}: not the next sequence of its stream", f.path));
        }
        for rec in &lines {
            if text_of(rec, "type") == "complaint" && r.snaps.contains_key(text_of(rec, "id")) {
                r.bad(format!("{}: {} is already in the demo", f.path, rec["id"]));
            }
        }
    }
    if sum.total_bytes as u64 > story.desk.max_total_bytes {
        r.bad(format!("the batches take {} bytes", sum.total_bytes));
    }
    if r.problems.is_empty() {
        Ok(sum)
    } else {
        Err(Error::Story(r.problems))
    }
}

/// The checks of one complaint snapshot.
fn complaint(r: &mut Reading, g: &Gen<'_>, at: &str, c: &Value, created: Time) {
    let id = text_of(c, "id");
    let rev = c["revision"].as_u64().unwrap_or(0);
    if !is_tracking_id(id) || rev == 0 {
        r.bad(format!("{at}: bad id or revision"));
    }
    let key = (id.to_owned(), rev);
    let line = c.to_string();
    if r.revisions.get(&key).is_some_and(|l| *l != line) {
        r.bad(format!(
            "{at}: {id} revision {rev} repeated with other content"
        ));
    }
    r.revisions.insert(key, line);
    let status = text_of(c, "status");
    let title = text_of(c, "title");
    if !STATUSES.contains(&status)
        || !CLASSES.contains(&text_of(c, "classification"))
        || !CHANNELS.contains(&text_of(c, "channel"))
        || title.is_empty()
        || title.chars().count() >= 80
    {
        r.bad(format!(
            "{at}: status, class, channel or title out of range"
        ));
    }
    if c["supervisory"] == true && text_of(c, "classification") != "pengaduan" {
        r.bad(format!("{at}: supervisory on a non-pengaduan"));
    }
    let submitted = time(&c["submitted_at"]);
    let disposed = time(&c["disposed_at"]);
    let needs = matches!(status, "terdisposisi" | "diproses" | "selesai");
    if (status == "belum_terverifikasi" && disposed.is_some()) || (needs && disposed.is_none()) {
        r.bad(format!("{at}: {status} and disposed_at disagree"));
    }
    if let (Some(s), Some(d)) = (submitted, disposed) {
        let days_back = Duration::days(g.story.desk.days_back);
        if d < s
            || d - s > Duration::days(3)
            || d > created
            || g.today() - d.date_naive() > days_back
        {
            r.bad(format!(
                "{at}: submitted, disposed and batch times disagree"
            ));
        }
    }
    let event = c["event_date"]
        .as_str()
        .and_then(|d| d.parse::<NaiveDate>().ok());
    if event
        .zip(submitted)
        .is_some_and(|(e, s)| e > s.date_naive())
    {
        r.bad(format!("{at}: event_date after submission"));
    }
    let rep = &c["reporter"];
    if rep.is_null() {
        if c["anonymous"] != true {
            r.bad(format!("{at}: a named complaint without its reporter"));
        }
    } else if !is_phone(text_of(rep, "phone")) || text_of(rep, "name").is_empty() {
        r.bad(format!("{at}: bad reporter {rep}"));
    }
    for a in c["attachments"].as_array().into_iter().flatten() {
        let keys: Vec<&String> = a
            .as_object()
            .map(|o| o.keys().collect())
            .unwrap_or_default();
        if keys != ["media_type", "name", "sha256", "size"] || !a["sha256"].is_null() {
            r.bad(format!("{at}: bad attachment {a}"));
        }
    }
}
