//! The whole exchange through the real `sigap` binary (`spec/cli.md`,
//! `spec/batch-format.md`, `spec/sla.md`): import, queue operations, read the desk as
//! JSON, export and resend an outbound batch checked by an independent parser, import
//! the registry's acknowledgement, refused commands, usage errors and conflicts.

mod common;

use common::*;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use sigap::config::Config;
use sigap::store::{Access, Store};
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::{Command, Output};

const ID1: &str = "LAP-2026-0000001";
const ID2: &str = "LAP-2026-0000002";
const ID3: &str = "LAP-2026-0000007";
const ID4: &str = "LAP-2026-0000011";

/// A data folder, a config file and a folder for batch files, used by the binary.
struct Desk {
    dir: tempfile::TempDir,
    data: PathBuf,
    config: PathBuf,
    config_text: String,
    files: PathBuf,
}

impl Desk {
    fn new() -> Desk {
        let dir = tempfile::tempdir().expect("tempdir");
        let data = dir.path().join("data");
        let config = dir.path().join("config.toml");
        let files = dir.path().join("files");
        std::fs::create_dir_all(&files).expect("files folder");
        let config_text = config_text("");
        std::fs::write(&config, &config_text).expect("config");
        Desk {
            dir,
            data,
            config,
            config_text,
            files,
        }
    }

    /// A desk that has imported the sample batch.
    fn with_fixture() -> Desk {
        let desk = Desk::new();
        let out = desk.ok(&["import", fixture_path().to_str().expect("path")]);
        assert!(out.contains("applied"), "{out}");
        desk
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_sigap"));
        cmd.args(args)
            .env("SIGAP_DATA_DIR", &self.data)
            .env("SIGAP_CONFIG", &self.config)
            .env("SIGAP_TODAY", TODAY)
            .env_remove("RUST_BACKTRACE")
            .env_remove("RUST_LIB_BACKTRACE")
            .current_dir(self.dir.path());
        cmd
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("run sigap")
    }

    /// Runs a command that must succeed; returns its stdout.
    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "sigap {args:?} failed:\nstdout: {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8 stdout")
    }

    /// Runs a command that must exit with `code`; returns its stderr.
    fn fails(&self, args: &[&str], code: i32) -> String {
        let out = self.run(args);
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(
            out.status.code(),
            Some(code),
            "sigap {args:?}: expected exit {code}\nstdout: {}\nstderr: {stderr}",
            String::from_utf8_lossy(&out.stdout),
        );
        stderr
    }

    fn json(&self, args: &[&str]) -> Value {
        let out = self.ok(args);
        serde_json::from_str(&out)
            .unwrap_or_else(|e| panic!("sigap {args:?}: not JSON ({e}): {out}"))
    }

    fn status(&self) -> Value {
        self.json(&["status", "--json"])
    }

    fn show(&self, id: &str) -> Value {
        self.json(&["show", id, "--json"])
    }

    /// Queues operations; returns the printed op_ids after checking each is a UUID v7.
    fn queue(&self, args: &[&str]) -> Vec<String> {
        let out = self.ok(args);
        let ids: Vec<String> = out.lines().map(str::to_owned).collect();
        for id in &ids {
            assert_uuid_v7(id);
        }
        ids
    }

    /// Writes an inbound batch into the files folder and imports it through the binary.
    fn import_batch(&self, head: &Head, records: &[Value]) -> String {
        let path = write_batch(&self.files, head, records);
        let out = self.ok(&["import", path.to_str().expect("path")]);
        assert!(out.contains("applied"), "{out}");
        out
    }

    /// The byte-for-byte digest of the cache (the binary has exited, so the lock is free).
    fn digest(&self) -> String {
        let cfg = Config::parse(&self.config_text, &self.config).expect("config");
        let store = Store::open(&self.data, cfg.desk_context(), Access::Write).expect("open");
        table_digest(&store)
    }

    /// Checks the maintained counts against a recount of the cache.
    fn check_counts(&self) {
        let cfg = Config::parse(&self.config_text, &self.config).expect("config");
        let store = Store::open(&self.data, cfg.desk_context(), Access::Write).expect("open");
        assert_counts_match_recount(&store);
    }
}

fn assert_uuid_v7(s: &str) {
    let u = uuid::Uuid::parse_str(s).unwrap_or_else(|e| panic!("{s:?} is not a UUID: {e}"));
    assert_eq!(
        u.hyphenated().to_string(),
        s,
        "not the canonical lowercase form"
    );
    assert_eq!(u.get_version_num(), 7, "{s} is not version 7");
    assert_eq!(
        u.get_variant(),
        uuid::Variant::RFC4122,
        "{s}: wrong variant"
    );
    // Independently of the uuid crate: version nibble and variant bits in the text.
    let b = s.as_bytes();
    assert_eq!(b[14], b'7', "{s}");
    assert!(matches!(b[19], b'8' | b'9' | b'a' | b'b'), "{s}");
}

fn fixture_record(id: &str) -> Value {
    let text = std::fs::read_to_string(fixture_path()).expect("fixture");
    text.lines()
        .map(|l| serde_json::from_str::<Value>(l).expect("json line"))
        .find(|v| v["type"] == "complaint" && v["id"] == id)
        .unwrap_or_else(|| panic!("{id} is in the fixture"))
}

/// The fixture's snapshot of `id`, one revision later, with another status.
fn next_revision(id: &str, revision: u64) -> Value {
    let mut v = fixture_record(id);
    v["revision"] = json!(revision);
    v["status"] = json!("diproses");
    v
}

fn rfc3339(v: &Value, what: &str) {
    let s = v
        .as_str()
        .unwrap_or_else(|| panic!("{what} is not a string: {v}"));
    chrono::DateTime::parse_from_rfc3339(s).unwrap_or_else(|e| panic!("{what} {s:?}: {e}"));
}

fn has_fields(v: &Value, fields: &[&str], what: &str) {
    for f in fields {
        assert!(
            v.get(*f).is_some(),
            "{what} lacks the field {f:?}: {}",
            serde_json::to_string_pretty(v).unwrap_or_default()
        );
    }
}

fn op_of<'a>(show: &'a Value, op_id: &str) -> Option<&'a Value> {
    show["operations"]
        .as_array()
        .expect("operations array")
        .iter()
        .find(|o| o["op_id"] == op_id)
}

// ---------------------------------------------------------------------------------------
// An independent reader for outbound batches
// ---------------------------------------------------------------------------------------

/// An outbound batch as the contract describes it, checked line by line.
struct Outbound {
    header: Value,
    records: Vec<Value>,
}

fn parse_outbound(bytes: &[u8]) -> Outbound {
    assert!(!bytes.contains(&b'\r'), "outbound files never carry \\r");
    assert_eq!(bytes.last(), Some(&b'\n'), "every line ends with \\n");
    let text = std::str::from_utf8(bytes).expect("UTF-8");
    let lines: Vec<&str> = text.split_terminator('\n').collect();
    assert!(lines.len() >= 2, "a header and a trailer at least");
    let values: Vec<Value> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            serde_json::from_str(l)
                .unwrap_or_else(|e| panic!("line {}: not JSON ({e}): {l}", i + 1))
        })
        .collect();
    for (i, v) in values.iter().enumerate() {
        assert!(v.is_object(), "line {}: not an object", i + 1);
        assert!(v["type"].is_string(), "line {}: no type", i + 1);
    }

    let header = values[0].clone();
    assert_eq!(header["type"], "header");
    assert_eq!(header["format"], "lapor-batch");
    assert_eq!(header["version"], 1);
    let batch_id = header["batch_id"].as_str().expect("batch_id");
    assert!(
        (1..=128).contains(&batch_id.chars().count()),
        "batch_id length"
    );
    assert_eq!(header["direction"], "outbound");
    assert_eq!(header["agency"], SCOPE);
    assert!(
        header["sequence"].as_u64().is_some_and(|s| s >= 1),
        "sequence"
    );
    rfc3339(&header["created_at"], "created_at");

    let trailer = values.last().expect("trailer").clone();
    assert_eq!(trailer["type"], "trailer");
    let records: Vec<Value> = values[1..values.len() - 1].to_vec();
    assert_eq!(
        trailer["records"].as_u64(),
        Some(records.len() as u64),
        "trailer count"
    );
    let trailer_start = text.len() - lines.last().expect("trailer").len() - 1;
    let digest = hex::encode(Sha256::digest(&bytes[..trailer_start]));
    assert_eq!(
        trailer["sha256"].as_str(),
        Some(digest.as_str()),
        "trailer sha256"
    );

    for (i, r) in records.iter().enumerate() {
        let what = format!("record {}", i + 1);
        for f in ["op_id", "complaint_id", "officer"] {
            assert!(r[f].as_str().is_some_and(|s| !s.is_empty()), "{what}: {f}");
        }
        assert!(
            uuid::Uuid::parse_str(r["op_id"].as_str().expect("op_id")).is_ok(),
            "{what}: op_id"
        );
        assert!(
            r["base_revision"].as_u64().is_some_and(|n| n >= 1),
            "{what}: base_revision"
        );
        assert_eq!(r["officer"], OFFICER, "{what}");
        rfc3339(&r["at"], &format!("{what}: at"));
        match r["type"].as_str().expect("type") {
            "response" => {
                assert!(
                    matches!(r["stage"].as_str(), Some("initial" | "progress" | "final")),
                    "{what}: stage"
                );
                assert!(
                    r["text"].as_str().is_some_and(|t| !t.trim().is_empty()),
                    "{what}: text"
                );
            }
            "transfer" => {
                assert!(
                    r["to_agency"].is_null() || r["to_agency"].is_string(),
                    "{what}: to_agency must be present, a code or null"
                );
                assert!(r.get("to_agency").is_some(), "{what}: to_agency");
                assert!(
                    matches!(
                        r["reason"].as_str(),
                        Some("not_our_unit" | "not_our_region" | "not_public_service" | "other")
                    ),
                    "{what}: reason"
                );
                assert!(
                    r["note"].as_str().is_some_and(|t| !t.trim().is_empty()),
                    "{what}: note"
                );
            }
            "hold" => {
                assert!(
                    r["missing"].as_str().is_some_and(|t| !t.trim().is_empty()),
                    "{what}: missing"
                );
            }
            other => panic!("{what}: unknown outbound type {other}"),
        }
    }
    Outbound { header, records }
}

fn single_path(stdout: &str) -> PathBuf {
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 1, "one path expected: {stdout}");
    let p = PathBuf::from(lines[0]);
    assert!(p.is_file(), "{} was not written", p.display());
    p
}

// ---------------------------------------------------------------------------------------
// The round trip
// ---------------------------------------------------------------------------------------

#[test]
fn queue_export_resend_and_acknowledge() {
    let desk = Desk::with_fixture();

    // Queue four operations.
    let r = desk.queue(&["respond", ID1, "--stage", "initial", "--template", "awal"]);
    assert_eq!(r.len(), 1);
    let note = "Jalan desa adalah kewenangan Dinas PU Bina Marga.";
    let t = desk.queue(&[
        "transfer",
        ID2,
        ID3,
        "--reason",
        "not_our_unit",
        "--note",
        note,
        "--to",
        "3529-DPUBM",
    ]);
    assert_eq!(t.len(), 2);
    let missing = "Nomor KK dan alamat lengkap pelapor";
    let h = desk.queue(&["hold", ID4, "--missing", missing]);
    assert_eq!(h.len(), 1);
    let all: Vec<String> = [r.clone(), t.clone(), h.clone()].concat();
    assert_eq!(
        all.iter().collect::<BTreeSet<_>>().len(),
        4,
        "op_ids are unique"
    );

    // status --json
    let s = desk.status();
    has_fields(
        &s,
        &[
            "agencies",
            "complaints",
            "overdue",
            "pending_operations",
            "rejected_operations",
            "conflicts",
            "inbound",
            "outbound",
        ],
        "status",
    );
    assert_eq!(s["agencies"], json!([SCOPE]));
    assert_eq!(s["pending_operations"], 4);
    assert_eq!(s["rejected_operations"], 0);
    assert_eq!(s["conflicts"], 0);
    assert_eq!(s["complaints"]["total"], 40);
    let by_status = s["complaints"]["by_status"].as_object().expect("by_status");
    assert_eq!(
        by_status
            .values()
            .map(|v| v.as_u64().expect("n"))
            .sum::<u64>(),
        40
    );
    assert!(
        by_status.values().all(|v| v.as_u64() > Some(0)),
        "only statuses that occur"
    );
    assert_eq!(by_status["terdisposisi"], 20);
    assert!(s["overdue"].as_u64().is_some());
    assert_eq!(
        s["inbound"],
        json!([{"agency": SCOPE, "last_sequence": 1, "missing": []}])
    );
    assert_eq!(s["outbound"]["last_sequence"], 0);
    assert_eq!(s["outbound"]["unacknowledged_batches"], 0);

    // list --json
    let list = desk.json(&["list", "--json"]);
    let rows = list.as_array().expect("array");
    assert_eq!(rows.len(), 40);
    let overdue_rows = rows.iter().filter(|r| r["overdue"] == true).count() as u64;
    assert_eq!(
        s["overdue"].as_u64(),
        Some(overdue_rows),
        "status and list agree on overdue"
    );
    for row in rows {
        has_fields(row, &LIST_FIELDS, "list entry");
    }
    let mut seen_not_overdue = false;
    for row in rows {
        let overdue = row["overdue"].as_bool().expect("overdue is a bool");
        assert!(
            !(overdue && seen_not_overdue),
            "overdue complaints come first"
        );
        seen_not_overdue |= !overdue;
    }
    let row = |id: &str| rows.iter().find(|r| r["id"] == id).expect("listed").clone();
    assert_eq!(row(ID1)["pending_operations"], 1);
    assert_eq!(row(ID2)["pending_operations"], 1);
    assert_eq!(row("LAP-2026-0000003")["pending_operations"], 0);

    // SLA by hand (spec/sla.md): LAP-2026-0000035 is a pengaduan with supervisory
    // content, disposed 2026-10-06 04:50 WIB (still 2026-10-05 in UTC: the local date
    // counts). First response, 5 HK: Oct 7, 8, 9, 12, 13 -> 2026-10-13. Completion, 60
    // HK: Oct 7-9 (3), 12-16 (8), 19-23 (13), 26-30 (18), Nov 2-6 (23), 9-13 (28),
    // 16-20 (33), 23-27 (38), Nov 30-Dec 4 (43), Dec 7-11 (48), 14-18 (53), 21-23 (56),
    // Dec 24 cuti bersama and 25 Christmas skipped, 28-31 (60) -> 2026-12-31.
    let c35 = row("LAP-2026-0000035");
    assert_eq!(c35["classification"], "pengaduan");
    assert_eq!(c35["first_response_due"], "2026-10-13");
    assert_eq!(c35["completion_due"], "2026-12-31");
    assert_eq!(
        c35["overdue"], true,
        "no first response by 2026-10-13, today is {TODAY}"
    );
    // LAP-2026-0000031: pengaduan disposed Tue 2026-10-27 02:51 WIB. 5 HK: Oct 28, 29,
    // 30, Nov 2, 3 -> 2026-11-03; 14 HK: ... Nov 9-13 (13), Nov 16 (14) -> 2026-11-16.
    let c31 = row("LAP-2026-0000031");
    assert_eq!(c31["first_response_due"], "2026-11-03");
    assert_eq!(c31["completion_due"], "2026-11-16");
    // LAP-2026-0000037: pengaduan disposed Sun 2026-11-08: day 1 is Mon Nov 9.
    let c37 = row("LAP-2026-0000037");
    assert_eq!(c37["first_response_due"], "2026-11-13");
    assert_eq!(c37["completion_due"], "2026-11-26");

    // show --json
    let show1 = desk.show(ID1);
    has_fields(&show1, &LIST_FIELDS, "show");
    has_fields(
        &show1,
        &["body", "reporter", "messages", "operations"],
        "show",
    );
    assert_eq!(show1["reporter"]["name"], "Sulaiman");
    let ops = show1["operations"].as_array().expect("operations");
    assert_eq!(ops.len(), 1);
    has_fields(&ops[0], &["op_id", "type", "state", "at"], "operation");
    assert_eq!(ops[0]["op_id"], r[0].as_str());
    assert_eq!(ops[0]["type"], "response");
    assert_eq!(ops[0]["state"], "pending");
    rfc3339(&ops[0]["at"], "operation at");
    let show3 = desk.show(ID3);
    let msgs = show3["messages"].as_array().expect("messages");
    assert_eq!(msgs.len(), 1);
    has_fields(&msgs[0], &["id", "at", "author", "text"], "message");
    assert_eq!(msgs[0]["id"], "MSG-LAP-2026-0000007-1");
    assert_eq!(msgs[0]["author"], "reporter");
    assert_eq!(show3["operations"][0]["type"], "transfer");
    let show35 = desk.show("LAP-2026-0000035");
    assert_eq!(show35["first_response_due"], "2026-10-13");
    assert_eq!(show35["completion_due"], "2026-12-31");
    // An anonymous complaint never shows a reporter.
    let anon = desk.show("LAP-2026-0000029");
    assert_eq!(anon["anonymous"], true);
    assert!(anon["reporter"].is_null());

    // export
    let out_dir = desk.dir.path().join("keluar");
    let path = single_path(&desk.ok(&["export", "--out", out_dir.to_str().expect("path")]));
    assert!(path.starts_with(&out_dir), "{}", path.display());
    let bytes = std::fs::read(&path).expect("read the outbound batch");
    let batch = parse_outbound(&bytes);
    assert_eq!(batch.header["sequence"], 1);
    assert_eq!(batch.records.len(), 4);
    let exported: BTreeSet<&str> = batch
        .records
        .iter()
        .map(|r| r["op_id"].as_str().expect("op_id"))
        .collect();
    assert_eq!(exported, all.iter().map(String::as_str).collect());
    let rec = |op: &str| {
        batch
            .records
            .iter()
            .find(|r| r["op_id"] == op)
            .expect("record")
            .clone()
    };
    let resp = rec(&r[0]);
    assert_eq!(
        (resp["type"].as_str(), resp["complaint_id"].as_str()),
        (Some("response"), Some(ID1))
    );
    assert_eq!(resp["stage"], "initial");
    assert_eq!(resp["base_revision"], 1);
    let text = resp["text"].as_str().expect("text");
    for part in [
        ID1,
        "Sulaiman",
        "Dinas Sosial",
        OFFICER,
        "Bantuan PKH tidak cair",
    ] {
        assert!(
            text.contains(part),
            "the filled template should hold {part:?}: {text}"
        );
    }
    assert!(!text.contains('{'), "no placeholder left: {text}");
    for (op, id) in [(&t[0], ID2), (&t[1], ID3)] {
        let tr = rec(op);
        assert_eq!(tr["type"], "transfer");
        assert_eq!(tr["complaint_id"], id);
        assert_eq!(tr["to_agency"], "3529-DPUBM");
        assert_eq!(tr["reason"], "not_our_unit");
        assert_eq!(tr["note"], note);
    }
    let hold = rec(&h[0]);
    assert_eq!(
        (hold["type"].as_str(), hold["complaint_id"].as_str()),
        (Some("hold"), Some(ID4))
    );
    assert_eq!(hold["missing"], missing);

    let s = desk.status();
    assert_eq!(s["pending_operations"], 0);
    assert_eq!(s["outbound"]["last_sequence"], 1);
    assert_eq!(s["outbound"]["unacknowledged_batches"], 1);
    assert_eq!(desk.show(ID1)["operations"][0]["state"], "exported");

    // Nothing left to export.
    let again = desk.ok(&["export", "--out", out_dir.to_str().expect("path")]);
    assert_eq!(again.trim(), "nothing to export");

    // Resend: byte-identical, same name.
    let out2 = desk.dir.path().join("kirim-ulang");
    let path2 = single_path(&desk.ok(&[
        "export",
        "--resend",
        "1",
        "--out",
        out2.to_str().expect("path"),
    ]));
    assert_eq!(path2.file_name(), path.file_name());
    assert_eq!(
        std::fs::read(&path2).expect("resent"),
        bytes,
        "the resend differs"
    );

    // The registry's acknowledgement: the response accepted, one transfer rejected.
    let reason = "Laporan sudah dialihkan ke instansi lain";
    let outbound_id = batch.header["batch_id"].as_str().expect("batch_id");
    let out = desk.import_batch(
        &Head::new(SCOPE, 2, "ack-0002", "2026-11-20T07:00:00+07:00"),
        &[ack(
            outbound_id,
            json!([
                {"op_id": r[0], "outcome": "accepted"},
                {"op_id": t[0], "outcome": "rejected", "reason": reason},
            ]),
        )],
    );
    assert!(out.contains("acks 2"), "{out}");
    let op1 = desk.show(ID1);
    assert_eq!(op_of(&op1, &r[0]).expect("op")["state"], "accepted");
    let op2 = desk.show(ID2);
    let rejected = op_of(&op2, &t[0]).expect("op");
    assert_eq!(rejected["state"], "rejected");
    assert_eq!(rejected["reason"], reason);
    assert_eq!(
        op_of(&desk.show(ID3), &t[1]).expect("op")["state"],
        "exported"
    );
    let s = desk.status();
    assert_eq!(s["rejected_operations"], 1);
    assert_eq!(s["pending_operations"], 0);
    assert_eq!(
        s["outbound"]["unacknowledged_batches"], 1,
        "two operations still await an answer"
    );
    assert_eq!(s["inbound"][0]["last_sequence"], 2);
    desk.check_counts();

    // A rejected operation is dealt with: it cannot be confirmed again (it is redone
    // as a new one), it can be discarded, and it leaves the outbox and the count.
    let refused = desk.fails(&["resolve", &t[0], "--confirm"], 1);
    assert!(
        refused.contains(&t[0]) && refused.contains("ditolak"),
        "{refused}"
    );
    desk.ok(&["resolve", &t[0], "--discard"]);
    let discarded = op_of(&desk.show(ID2), &t[0]).expect("op").clone();
    assert_eq!(discarded["state"], "rejected", "the contract's name for it");
    assert_eq!(discarded["discarded"], true);
    assert_eq!(desk.status()["rejected_operations"], 0);
    desk.check_counts();

    // The other transfer is rejected too; a new transfer of the same complaint redoes
    // it, and the rejected one is retired in the same transaction.
    desk.import_batch(
        &Head::new(SCOPE, 3, "ack-0003", "2026-11-20T08:00:00+07:00"),
        &[ack(
            outbound_id,
            json!([{"op_id": t[1], "outcome": "rejected", "reason": reason}]),
        )],
    );
    assert_eq!(desk.status()["rejected_operations"], 1);
    desk.ok(&[
        "transfer",
        ID3,
        "--reason",
        "other",
        "--note",
        "Ke instansi yang benar",
    ]);
    let s = desk.status();
    assert_eq!(s["rejected_operations"], 0);
    assert_eq!(s["pending_operations"], 1);
    assert_eq!(
        op_of(&desk.show(ID3), &t[1]).expect("op")["discarded"],
        true
    );
    desk.check_counts();
}

// ---------------------------------------------------------------------------------------
// Refusals and usage errors
// ---------------------------------------------------------------------------------------

#[test]
fn refused_actions_queue_nothing() {
    let desk = Desk::with_fixture();
    // A complaint that has left the desk (its agency is now outside the scope).
    let mut gone = fixture_record("LAP-2026-0000040");
    gone["revision"] = json!(2);
    gone["agency"] = json!("3529-DPUBM");
    desk.import_batch(
        &Head::new(SCOPE, 2, "moved-0002", "2026-11-19T08:00:00+07:00"),
        &[gone],
    );
    // One operation already queued, so "unchanged" is not just "empty".
    desk.queue(&[
        "respond",
        ID1,
        "--stage",
        "initial",
        "--text",
        "Laporan Anda kami terima.",
    ]);
    assert_eq!(desk.status()["pending_operations"], 1);
    let before = desk.digest();

    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec![
                "respond",
                ID1,
                "LAP-2026-9999999",
                "--stage",
                "initial",
                "--text",
                "Baik.",
            ],
            "LAP-2026-9999999",
        ),
        (
            vec![
                "respond",
                "LAP-2026-9999999",
                ID2,
                "--stage",
                "progress",
                "--template",
                "proses",
            ],
            "LAP-2026-9999999",
        ),
        (
            vec![
                "transfer",
                ID1,
                ID2,
                "NOPE",
                "--reason",
                "other",
                "--note",
                "Bukan kami.",
            ],
            "NOPE",
        ),
        (vec!["hold", "NOPE", ID1, "--missing", "Nomor KK"], "NOPE"),
        (
            vec!["respond", ID1, ID2, "--stage", "initial", "--text", "   "],
            "kosong",
        ),
        (
            vec!["respond", ID1, "--stage", "final", "--text", ""],
            "kosong",
        ),
        (vec!["hold", ID1, ID2, "--missing", ""], "kosong"),
        (
            vec!["transfer", ID1, "--reason", "other", "--note", " \n "],
            "kosong",
        ),
        (
            vec![
                "respond",
                ID1,
                ID2,
                "--stage",
                "initial",
                "--text",
                "Yth. {pelapor}, laporan nomor {nomor} kami terima.",
            ],
            "{nomor}",
        ),
        (
            vec!["hold", ID1, "--missing", "Mohon kirim {dokumen} Anda"],
            "{dokumen}",
        ),
        (
            vec![
                "transfer",
                ID1,
                "--reason",
                "other",
                "--note",
                "Ke {instansi_tujuan}",
            ],
            "{instansi_tujuan}",
        ),
        (
            vec![
                "respond",
                ID1,
                "LAP-2026-0000040",
                "--stage",
                "initial",
                "--text",
                "Baik.",
            ],
            "LAP-2026-0000040",
        ),
        (
            vec![
                "transfer",
                ID1,
                "--reason",
                "other",
                "--note",
                "Bukan kami.",
                "--to",
                "9999-ENTAH",
            ],
            "9999-ENTAH",
        ),
        (
            vec![
                "transfer",
                ID1,
                "--reason",
                "not_our_unit",
                "--note",
                "Bukan kami.",
                "--to",
                SCOPE,
            ],
            SCOPE,
        ),
    ];
    // The desk speaks Indonesian (the default), so its refusals do too.
    for (args, needle) in cases {
        let stderr = desk.fails(&args, 1);
        assert!(
            stderr.contains(needle),
            "sigap {args:?}: stderr should name {needle:?}: {stderr}"
        );
        let lines = stderr.lines().filter(|l| !l.trim().is_empty()).count();
        assert!(
            (1..=2).contains(&lines),
            "one or two lines, no backtrace: {stderr}"
        );
        assert!(
            !stderr.contains("Backtrace") && !stderr.contains("panicked"),
            "{stderr}"
        );
        assert_eq!(
            desk.status()["pending_operations"],
            1,
            "sigap {args:?} queued something"
        );
    }
    assert_eq!(desk.digest(), before, "a refused command changed the cache");
}

#[test]
fn usage_errors_exit_2() {
    let desk = Desk::with_fixture();
    let before = desk.digest();
    for args in [
        vec!["respond", ID1],
        vec!["respond", ID1, "--stage", "initial"],
        vec!["respond", "--stage", "initial", "--text", "x"],
        vec!["respond", ID1, "--stage", "someday", "--text", "x"],
        vec![
            "respond",
            ID1,
            "--stage",
            "initial",
            "--text",
            "x",
            "--template",
            "awal",
        ],
        vec!["transfer", ID1, "--reason", "bogus", "--note", "x"],
        vec!["transfer", ID1, "--reason", "other"],
        vec!["hold", ID1],
        vec!["resolve", "0193aaaa-0000-7000-8000-000000000000"],
        vec!["export", "--resend", "one"],
        vec!["import"],
        vec!["frobnicate"],
        vec!["status", "--no-such-flag"],
    ] {
        desk.fails(&args, 2);
    }
    assert_eq!(desk.digest(), before);
    // Usage errors that say what would be right.
    let said = desk.fails(&["list", "--status", "bogus"], 2);
    assert!(
        said.contains("terdisposisi") && said.contains("selesai"),
        "{said}"
    );
    let said = desk.fails(&["respond", ID1, "--stage", "initial"], 2);
    assert!(
        said.contains("--template"),
        "the alternative is named: {said}"
    );
    let said = desk.fails(&["export", "--resend", "1", "--gzip"], 2);
    assert!(said.contains("--gzip"), "{said}");
    assert_eq!(desk.digest(), before);
    // A missing file and a folder are named with what to do.
    let missing = desk.files.join("tidak-ada.jsonl");
    let said = desk.fails(&["import", missing.to_str().expect("path")], 1);
    assert!(
        said.contains("tidak-ada.jsonl") && said.contains("no such file"),
        "{said}"
    );
    assert_eq!(
        said.matches("No such file").count(),
        0,
        "the OS error once at most: {said}"
    );
    let said = desk.fails(&["import", desk.files.to_str().expect("path")], 1);
    assert!(said.contains("is a folder"), "{said}");
    // A rejected import is exit 1, not 2, and names the file.
    let bad = write_file(&desk.files, "rusak.jsonl", b"{\"type\":\"header\"}\n");
    let stderr = desk.fails(&["import", bad.to_str().expect("path")], 1);
    assert!(
        stderr.contains("rusak.jsonl") && stderr.contains("rejected"),
        "{stderr}"
    );
    assert_eq!(desk.digest(), before);
}

// ---------------------------------------------------------------------------------------
// Conflicts
// ---------------------------------------------------------------------------------------

#[test]
fn conflicts_are_confirmed_or_discarded() {
    let desk = Desk::with_fixture();
    let c1 = "LAP-2026-0000012";
    let c2 = "LAP-2026-0000014";
    let a = desk.queue(&[
        "respond",
        c1,
        "--stage",
        "progress",
        "--text",
        "Sedang kami survei ke lokasi.",
    ]);
    let a = a[0].as_str();
    assert_eq!(op_of(&desk.show(c1), a).expect("op")["base_revision"], 1);

    // The registry changed the complaint meanwhile.
    let out = desk.import_batch(
        &Head::new(SCOPE, 2, "rev-0002", "2026-11-19T08:00:00+07:00"),
        &[next_revision(c1, 2)],
    );
    assert!(out.contains("conflicts 1"), "{out}");
    let show = desk.show(c1);
    assert_eq!(show["revision"], 2);
    assert_eq!(op_of(&show, a).expect("op")["state"], "conflict");
    let s = desk.status();
    assert_eq!(
        (s["conflicts"].as_u64(), s["pending_operations"].as_u64()),
        (Some(1), Some(0))
    );
    // Nothing in conflict leaves the desk.
    let out_dir = desk.dir.path().join("keluar");
    let out_dir = out_dir.to_str().expect("path");
    assert_eq!(
        desk.ok(&["export", "--out", out_dir]).trim(),
        "nothing to export"
    );

    // Confirm it again: pending, rebased on revision 2.
    let out = desk.ok(&["resolve", a, "--confirm"]);
    assert!(out.contains(a), "{out}");
    let op = desk.show(c1);
    let op = op_of(&op, a).expect("op");
    assert_eq!(op["state"], "pending");
    assert_eq!(op["base_revision"], 2);
    let s = desk.status();
    assert_eq!(
        (s["conflicts"].as_u64(), s["pending_operations"].as_u64()),
        (Some(0), Some(1))
    );
    // Resolving it again is refused: it is no longer in conflict.
    desk.fails(&["resolve", a, "--confirm"], 1);

    // A second conflict, discarded.
    let b = desk.queue(&["hold", c2, "--missing", "Foto lokasi yang lebih jelas"]);
    let b = b[0].as_str();
    let out = desk.import_batch(
        &Head::new(SCOPE, 3, "rev-0003", "2026-11-19T09:00:00+07:00"),
        &[next_revision(c2, 2)],
    );
    assert!(out.contains("conflicts 1"), "{out}");
    assert_eq!(op_of(&desk.show(c2), b).expect("op")["state"], "conflict");
    assert_eq!(desk.status()["conflicts"], 1);
    desk.ok(&["resolve", b, "--discard"]);
    let show = desk.show(c2);
    assert!(op_of(&show, b).is_none(), "the discarded operation is gone");
    assert_eq!(show["pending_operations"], 0);
    let s = desk.status();
    assert_eq!(
        (s["conflicts"].as_u64(), s["pending_operations"].as_u64()),
        (Some(0), Some(1))
    );
    desk.fails(&["resolve", b, "--discard"], 1);
    desk.fails(
        &[
            "resolve",
            "0193aaaa-0000-7000-8000-000000000000",
            "--confirm",
        ],
        1,
    );

    // The confirmed operation leaves with its new base revision; the discarded one never.
    let path = single_path(&desk.ok(&["export", "--out", out_dir]));
    let batch = parse_outbound(&std::fs::read(&path).expect("read"));
    assert_eq!(batch.records.len(), 1);
    assert_eq!(batch.records[0]["op_id"], a);
    assert_eq!(batch.records[0]["base_revision"], 2);
    assert_eq!(batch.records[0]["complaint_id"], c1);
    desk.check_counts();
}

// ---------------------------------------------------------------------------------------
// Scripts piping the output
// ---------------------------------------------------------------------------------------

#[test]
fn a_closed_stdout_is_not_a_crash() {
    // `sigap list --json | head -1` in a script: the reader goes away before sigap
    // writes. The contract allows at most two lines on stderr and no backtrace.
    let desk = Desk::with_fixture();
    for args in [
        &["list", "--json"][..],
        &["show", ID1, "--json"][..],
        &["status", "--json"][..],
    ] {
        let mut child = desk
            .command(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("spawn sigap");
        // Close the read end at once: sigap is still opening its cache.
        drop(child.stdout.take());
        let out = child.wait_with_output().expect("wait");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            !stderr.contains("panicked") && !stderr.contains("BACKTRACE"),
            "sigap {args:?} crashed on a closed stdout ({:?}):\n{stderr}",
            out.status
        );
        assert!(stderr.lines().count() <= 2, "sigap {args:?}: {stderr}");
    }
}

/// Defect: `respond --text` refused `{lokasi}` on a complaint that has a location,
/// while the desk fills it. The command line fills placeholders the same way.
#[test]
fn respond_text_fills_placeholders_like_the_desk() {
    let desk = Desk::with_fixture();
    desk.ok(&[
        "respond",
        ID1,
        "--stage",
        "initial",
        "--text",
        "Laporan {id} di {lokasi} kami terima, {pelapor}.",
    ]);
    let show = desk.show(ID1);
    let text = show["operations"][0]["detail"]["text"]
        .as_str()
        .expect("the response text")
        .to_owned();
    let location = show["location"].as_str().expect("a location");
    assert!(text.contains(location) && text.contains(ID1), "{text}");
    assert!(!text.contains('{'), "every placeholder filled: {text}");
}

/// On a desk of several agencies, `--resend` without `--agency` is refused and names
/// the streams to choose from.
#[test]
fn resend_on_a_multi_agency_desk_names_the_streams() {
    let desk = Desk::new();
    std::fs::write(
        &desk.config,
        "agency = [\"3529-DINSOS\", \"3529-DPUBM\"]\nofficer = \"Nur Aini\"\n",
    )
    .expect("config");
    let out = desk.dir.path().join("keluar");
    let said = desk.fails(
        &[
            "export",
            "--resend",
            "1",
            "--out",
            out.to_str().expect("path"),
        ],
        1,
    );
    assert!(
        said.contains("3529-DINSOS") && said.contains("3529-DPUBM") && said.contains("--agency"),
        "{said}"
    );
}
