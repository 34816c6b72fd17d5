//! The embedded demo desk through the real binary: counts, the JSON shapes of the CLI
//! contract, SLA states relative to "today", privacy, and that the real cache is never
//! touched.

mod common;

use common::LIST_FIELDS;
use serde_json::Value;
use std::process::Command;

fn sigap(today: &str, data_dir: &std::path::Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_sigap"))
        .args(args)
        .env("SIGAP_TODAY", today)
        .env("SIGAP_DATA_DIR", data_dir)
        .env("SIGAP_CONFIG", data_dir.join("absent.toml"))
        .output()
        .expect("run sigap");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn json(today: &str, args: &[&str]) -> Value {
    let dir = tempfile::tempdir().expect("tempdir");
    let (code, out, err) = sigap(today, dir.path(), args);
    assert_eq!(code, 0, "{args:?}: {err}");
    serde_json::from_str(&out).expect("valid JSON")
}

#[test]
fn demo_status_counts_every_status_and_the_gap() {
    let s = json("2026-11-27", &["--demo", "status", "--json"]);
    assert_eq!(s["complaints"]["total"], 306);
    for status in [
        "belum_terverifikasi",
        "tertunda",
        "arsip",
        "terdisposisi",
        "diproses",
        "selesai",
    ] {
        assert!(
            s["complaints"]["by_status"][status].as_u64().unwrap_or(0) > 0,
            "{status}"
        );
    }
    assert_eq!(s["agencies"].as_array().map(Vec::len), Some(6));
    let dpubm = s["inbound"]
        .as_array()
        .and_then(|a| a.iter().find(|x| x["agency"] == "3529-DPUBM"))
        .expect("DPUBM stream");
    assert_eq!(dpubm["last_sequence"], 4);
    assert_eq!(dpubm["missing"], serde_json::json!([3]));
    assert!(s["overdue"].as_u64().unwrap_or(0) > 0);
    assert_eq!(s["pending_operations"], 0);
}

#[test]
fn demo_shows_every_sla_state_whatever_the_day() {
    // A Monday, a Wednesday and a Friday: the demo's dates move with today.
    for today in ["2026-11-23", "2027-02-10", "2027-06-04"] {
        let rows = json(today, &["--demo", "list", "--json"]);
        let rows = rows.as_array().expect("array");
        assert_eq!(rows.len(), 306, "{today}");
        let labels: Vec<String> = rows
            .iter()
            .filter_map(|r| r["sla"].as_str().map(str::to_owned))
            .collect();
        assert!(
            labels.iter().any(|l| l.starts_with("sisa")),
            "{today}: no 'sisa N HK'"
        );
        assert!(
            labels.iter().any(|l| l.starts_with("terlambat ")),
            "{today}: no late"
        );
        assert!(rows.iter().any(|r| r["overdue"] == true), "{today}");
        assert!(rows.iter().any(|r| r["overdue"] == false), "{today}");
        // Most urgent first: in-scope overdue rows precede the rest.
        let first_not_overdue = rows.iter().position(|r| r["overdue"] == false).unwrap_or(0);
        assert!(
            rows[first_not_overdue..]
                .iter()
                .all(|r| r["overdue"] == false),
            "{today}"
        );
    }
}

#[test]
fn list_and_show_carry_the_contract_fields() {
    let rows = json("2026-11-27", &["--demo", "list", "--json", "--limit", "5"]);
    let rows = rows.as_array().expect("array");
    assert_eq!(rows.len(), 5);
    for key in LIST_FIELDS {
        assert!(rows[0].get(key).is_some(), "list lacks {key}");
    }
    let id = rows[0]["id"].as_str().expect("id");
    let show = json("2026-11-27", &["--demo", "show", id, "--json"]);
    for key in [
        "body",
        "reporter",
        "messages",
        "operations",
        "first_response_due",
        "clocks",
    ] {
        assert!(show.get(key).is_some(), "show lacks {key}");
    }
    let messages = show["messages"].as_array().expect("messages");
    for m in messages {
        for key in ["id", "at", "author", "text"] {
            assert!(m.get(key).is_some(), "message lacks {key}");
        }
    }
    let ats: Vec<&str> = messages.iter().filter_map(|m| m["at"].as_str()).collect();
    let mut sorted = ats.clone();
    sorted.sort();
    assert_eq!(ats.len(), sorted.len());
}

#[test]
fn anonymous_reporter_is_never_shown() {
    // The demo carries one anonymous complaint that arrives with a reporter filled in.
    let show = json(
        "2026-11-27",
        &["--demo", "show", "LAP-2026-0037547", "--json"],
    );
    assert_eq!(show["anonymous"], true);
    assert!(show["reporter"].is_null());
    let dir = tempfile::tempdir().expect("tempdir");
    let (code, text, _) = sigap(
        "2026-11-27",
        dir.path(),
        &["--demo", "show", "LAP-2026-0037547"],
    );
    assert_eq!(code, 0);
    assert!(text.contains("ANONIM"));
    assert!(text.contains("pelapor (anonim)"));
}

#[test]
fn demo_never_touches_the_real_cache() {
    let dir = tempfile::tempdir().expect("tempdir");
    let real = dir.path().join("real");
    let (code, _, err) = sigap(
        "2026-11-27",
        &real,
        &[
            "--demo",
            "respond",
            "LAP-2026-0030741",
            "--stage",
            "initial",
            "--template",
            "awal",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(!real.join("sigap.db").exists());
}

#[test]
fn unknown_complaint_exits_1_with_its_id() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (code, _, err) = sigap("2026-11-27", dir.path(), &["--demo", "show", "LAP-NOPE"]);
    assert_eq!(code, 1);
    assert!(err.contains("LAP-NOPE"), "{err}");
    let (code, _, _) = sigap("2026-11-27", dir.path(), &["--demo", "list", "--bogus"]);
    assert_eq!(code, 2);
}

/// The demo folders under a private temporary directory.
fn demo_dirs(tmp: &std::path::Path) -> Vec<String> {
    std::fs::read_dir(tmp)
        .expect("tmp")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("sigap-demo-"))
        .collect()
}

/// Defect: `sigap --demo list | head` left a copy of the demo cache in the temporary
/// folder. A reader that stops early ends the demo without leaving it, and folders
/// left by a demo that was killed outright are swept at the next start.
#[test]
fn a_piped_or_killed_demo_leaves_no_cache_behind() {
    use std::io::{BufRead, BufReader};
    let tmp = tempfile::tempdir().expect("tmp");
    let data = tempfile::tempdir().expect("data");
    let mut child = Command::new(env!("CARGO_BIN_EXE_sigap"))
        // Far more than a pipe holds, so the demo is still writing when the reader goes.
        .args(["--demo", "list", "--json"])
        // The temporary folder: TMPDIR on Unix, TMP (then TEMP) on Windows.
        .env("TMPDIR", tmp.path())
        .env("TMP", tmp.path())
        .env("TEMP", tmp.path())
        .env("SIGAP_DATA_DIR", data.path())
        .env("SIGAP_CONFIG", data.path().join("absent.toml"))
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut first = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut first)
        .expect("read");
    // The reader is gone (as `head` would be): the demo must clean up and stop.
    let status = child.wait().expect("wait");
    assert!(first.starts_with('['), "{first}");
    assert!(!status.success(), "it stopped on the closed pipe");
    assert!(
        demo_dirs(tmp.path()).is_empty(),
        "{:?}",
        demo_dirs(tmp.path())
    );

    // A demo killed outright left its folder; the next demo sweeps it.
    let stale = tmp.path().join("sigap-demo-killed");
    std::fs::create_dir(&stale).expect("stale");
    std::fs::write(stale.join("demo.lock"), "").expect("lock file");
    std::fs::write(stale.join("sigap.db"), "cache").expect("cache");
    let out = Command::new(env!("CARGO_BIN_EXE_sigap"))
        .args(["--demo", "status"])
        // The temporary folder: TMPDIR on Unix, TMP (then TEMP) on Windows.
        .env("TMPDIR", tmp.path())
        .env("TMP", tmp.path())
        .env("TEMP", tmp.path())
        .env("SIGAP_DATA_DIR", data.path())
        .env("SIGAP_CONFIG", data.path().join("absent.toml"))
        .output()
        .expect("run");
    assert!(out.status.success());
    assert!(
        demo_dirs(tmp.path()).is_empty(),
        "{:?}",
        demo_dirs(tmp.path())
    );
}

/// `--demo` keeps its own data but honours the officer's config: its language here.
#[test]
fn the_demo_honours_the_config_language() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("en.toml"), "language = \"en\"\n").expect("config");
    let out = Command::new(env!("CARGO_BIN_EXE_sigap"))
        .args(["--demo", "list", "--limit", "3"])
        .env("SIGAP_TODAY", "2026-11-27")
        .env("SIGAP_DATA_DIR", dir.path())
        .env("SIGAP_CONFIG", dir.path().join("en.toml"))
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("TITLE") && !text.contains("JUDUL"), "{text}");
    assert!(text.contains("LAP-2026-"), "the demo's own data: {text}");
}
