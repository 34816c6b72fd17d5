//! An export cut short at any point leaves either no trace or a batch that becomes a
//! complete file: the crash points between the commit, the staging and the rename are
//! hit with `SIGAP_FAULT`, and the next export (or writing open) writes the recorded
//! batch byte for byte, removes the leftover temporary file, and `status` names the
//! batch until then.

mod clidesk;
mod common;

use clidesk::CliDesk;

fn desk_with_pending() -> CliDesk {
    let d = CliDesk::new("");
    d.import(1, 3);
    d.respond("LAP-R-1-00000");
    d.respond("LAP-R-1-00001");
    d
}

fn temp_files(d: &CliDesk) -> Vec<String> {
    d.exported()
        .into_iter()
        .filter(|n| n.starts_with(".sigap-"))
        .collect()
}

#[test]
fn a_kill_after_the_commit_is_written_by_the_next_export() {
    for point in ["export:committed", "export:staged", "export:renamed"] {
        let d = desk_with_pending();
        let killed = d.run_env(&["export"], "SIGAP_FAULT", point);
        assert_ne!(killed.code, 0, "{point}: the export was cut short");
        let status = d.status();
        assert_eq!(status["pending_operations"], 0, "{point}");
        let unwritten = status["outbound"]["unwritten"]
            .as_array()
            .expect("list")
            .len();
        assert_eq!(unwritten, 1, "{point}: status names the unwritten batch");
        let human = d.run(&["status"]).ok();
        assert!(human.contains("outbound-3529-DINSOS-0001.jsonl"), "{human}");
        if point == "export:staged" {
            assert_eq!(
                temp_files(&d).len(),
                1,
                "{point}: the kill left its temp file"
            );
        }

        // The next export writes the recorded batch (its writing open already does)
        // and removes the leftover.
        let ran = d.run(&["export"]);
        assert!(
            ran.err.contains("outbound-3529-DINSOS-0001.jsonl"),
            "{point}: {}",
            ran.err
        );
        ran.ok();
        assert!(temp_files(&d).is_empty(), "{point}: {:?}", d.exported());
        assert_eq!(d.exported(), ["outbound-3529-DINSOS-0001.jsonl"], "{point}");
        let written = std::fs::read(d.out.join("outbound-3529-DINSOS-0001.jsonl")).expect("file");
        // Byte for byte what the cache recorded (a resend writes the recorded bytes).
        let again = d.dir.path().join("again");
        d.run(&[
            "export",
            "--resend",
            "1",
            "--out",
            again.to_str().expect("path"),
        ])
        .ok();
        let recorded =
            std::fs::read(again.join("outbound-3529-DINSOS-0001.jsonl")).expect("resent");
        assert_eq!(written, recorded, "{point}");
        let text = String::from_utf8(written).expect("utf-8");
        assert_eq!(
            text.lines().count(),
            4,
            "{point}: header, two operations, trailer"
        );
        assert!(
            d.status()["outbound"]["unwritten"]
                .as_array()
                .expect("list")
                .is_empty()
        );
    }
}

#[test]
fn a_writing_open_writes_the_unwritten_batch_too() {
    let d = desk_with_pending();
    assert_ne!(
        d.run_env(&["export"], "SIGAP_FAULT", "export:committed")
            .code,
        0
    );
    assert!(d.exported().is_empty());
    let ran = d.run(&[
        "respond",
        "LAP-R-1-00002",
        "--stage",
        "initial",
        "--text",
        "Baik",
    ]);
    assert_eq!(ran.code, 0, "{}", ran.err);
    assert!(
        ran.err.contains("outbound-3529-DINSOS-0001.jsonl"),
        "{}",
        ran.err
    );
    assert_eq!(d.exported(), ["outbound-3529-DINSOS-0001.jsonl"]);
}

#[test]
fn a_kill_before_the_commit_leaves_no_trace() {
    let d = desk_with_pending();
    let before = d.status();
    // A kill while the batch is built is a rolled-back transaction: simulate it with a
    // folder the batch cannot be placed in after a refused export instead.
    let blocker = d.out.join("outbound-3529-DINSOS-0001.jsonl");
    std::fs::create_dir_all(blocker.join("x")).expect("a folder where the file goes");
    let refused = d.run(&["export"]);
    assert_eq!(refused.code, 1, "{}", refused.out);
    assert!(refused.err.contains("next export"), "{}", refused.err);
    assert!(
        temp_files(&d).is_empty(),
        "a refused export leaves no temp file"
    );
    assert_eq!(before["pending_operations"], 2);
    std::fs::remove_dir_all(&blocker).expect("unblock");
    d.run(&["export"]).ok();
    assert_eq!(d.exported(), ["outbound-3529-DINSOS-0001.jsonl"]);
}

#[test]
fn another_desks_temporary_files_are_left_alone() {
    let d = desk_with_pending();
    std::fs::create_dir_all(&d.out).expect("out");
    let foreign = d.out.join(".sigap-0123456789ab-xyz.tmp");
    std::fs::write(&foreign, b"{\"batch_id\":\"not-ours\"}\n").expect("foreign temp");
    d.run(&["export"]).ok();
    assert!(foreign.exists(), "a temp file of another desk stays");
}
