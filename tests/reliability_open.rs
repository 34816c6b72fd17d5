//! Reading never writes, and a writer waits for a writer: `status`, `list` and `show`
//! leave the cache's files byte for byte as they were and take no lock, work beside a
//! writer, on a full disk and on a read-only mount; twenty writers started together all
//! get their turn; a damaged, emptied, missing or newer cache is refused with a sentence
//! saying what to do.

mod clidesk;
mod common;

use clidesk::CliDesk;
use sigap::store::{Access, Store};
use std::path::Path;

fn files_of(dir: &Path) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = std::fs::read_dir(dir)
        .expect("data folder")
        .filter_map(Result::ok)
        .filter(|e| e.path().is_file())
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                CliDesk::file_digest(&e.path()),
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn reading_commands_write_nothing_and_take_no_lock() {
    let d = CliDesk::new("");
    d.import(1, 5);
    d.respond("LAP-R-1-00000");
    // Fold the log in, so that any write by a reader would show in the files.
    d.run(&["check"]).ok();
    std::fs::remove_file(d.data.join("sigap.lock")).expect("no lock file");
    let db = |d: &CliDesk| files_of(&d.data).into_iter().find(|(n, _)| n == "sigap.db");
    let before = db(&d);
    for args in [
        vec!["status"],
        vec!["status", "--json"],
        vec!["list"],
        vec!["show", "LAP-R-1-00000"],
        vec!["audit"],
    ] {
        d.run(&args).ok();
        assert_eq!(db(&d), before, "{args:?} changed the cache file");
        assert!(
            !d.data.join("sigap.lock").exists(),
            "{args:?} took the lock"
        );
        // SQLite's shared-memory index may appear; the log stays empty.
        let wal = std::fs::metadata(d.data.join("sigap.db-wal")).map_or(0, |m| m.len());
        assert_eq!(wal, 0, "{args:?} wrote to the log");
    }
}

#[test]
fn a_reader_never_blocks_a_writer_and_writers_take_turns() {
    let d = CliDesk::new("");
    d.import(1, 25);
    let cfg = sigap::config::Config::parse(
        &std::fs::read_to_string(&d.config).expect("config"),
        &d.config,
    )
    .expect("config");
    let reader = Store::open(&d.data, cfg.desk_context(), Access::Read).expect("reader");
    assert_eq!(
        reader
            .status(&cfg.agency, "2026-11-20".parse().expect("day"))
            .expect("status")
            .complaints
            .total,
        25
    );
    // Twenty writers at once, the reader still open: each waits its turn.
    let children: Vec<_> = (0..20)
        .map(|i| {
            d.cmd(&[
                "respond",
                &format!("LAP-R-1-{i:05}"),
                "--stage",
                "initial",
                "--text",
                "Sedang ditangani",
            ])
            // Room for a loaded machine: the point is that none is refused at once.
            .env("SIGAP_WAIT", "60")
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("spawn")
        })
        .collect();
    for c in children {
        let out = c.wait_with_output().expect("wait");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    drop(reader);
    assert_eq!(d.status()["pending_operations"], 20);
}

/// A first load writes through a rollback journal, holding the cache until its commit
/// (`Store::bulk`); a reader waits for it a while, then says so in one sentence.
#[test]
fn a_reader_during_a_first_load_waits_then_says_another_sigap_is_writing() {
    let d = CliDesk::new("");
    d.import(1, 5);
    let raw = d.raw();
    let mode: String = raw
        .pragma_update_and_check(None, "journal_mode", "DELETE", |r| r.get(0))
        .expect("journal mode");
    assert_eq!(mode, "delete");
    raw.execute_batch("BEGIN EXCLUSIVE")
        .expect("hold the cache as a loading writer does");
    let started = std::time::Instant::now();
    let ran = d.run(&["status"]);
    assert_eq!(ran.code, 1, "{}", ran.out);
    assert!(ran.err.contains("Sigap lain sedang menulis"), "{}", ran.err);
    assert_eq!(ran.err.trim().lines().count(), 1, "{}", ran.err);
    assert!(
        started.elapsed() >= std::time::Duration::from_secs(2),
        "it waited first"
    );
    raw.execute_batch("ROLLBACK").expect("rollback");
    drop(raw);
    assert_eq!(d.status()["complaints"]["total"], 5);
}

#[test]
fn a_writer_says_it_waits_then_refuses() {
    let d = CliDesk::new("");
    d.import(1, 2);
    let cfg = sigap::config::Config::parse(
        &std::fs::read_to_string(&d.config).expect("config"),
        &d.config,
    )
    .expect("config");
    let _desk = Store::open(&d.data, cfg.desk_context(), Access::Write).expect("the desk");
    let ran = d.run_env(
        &[
            "respond",
            "LAP-R-1-00000",
            "--stage",
            "initial",
            "--text",
            "x",
        ],
        "SIGAP_WAIT",
        "1",
    );
    assert_eq!(ran.code, 1);
    assert!(ran.err.contains("menunggu"), "says it waits: {}", ran.err);
    assert!(ran.err.contains("sedang dibuka Sigap lain"), "{}", ran.err);
    // Reading goes on beside the open desk.
    assert_eq!(d.status()["complaints"]["total"], 2);
}

/// Mounts a tmpfs of `size` at `dir`; `None` (with a message) where the machine does
/// not allow it.
#[cfg(unix)]
fn tmpfs(dir: &Path, size: &str) -> Option<Mount> {
    std::fs::create_dir_all(dir).ok()?;
    let ok = std::process::Command::new("mount")
        .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
        .arg(dir)
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        eprintln!("skipped: a size-limited tmpfs cannot be mounted here (needs root)");
        return None;
    }
    Some(Mount(dir.to_owned()))
}

/// Unmounts when dropped.
#[cfg(unix)]
struct Mount(std::path::PathBuf);

#[cfg(unix)]
impl Mount {
    fn read_only(&self) -> bool {
        std::process::Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(&self.0)
            .status()
            .is_ok_and(|s| s.success())
    }
}

#[cfg(unix)]
impl Drop for Mount {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount").arg(&self.0).status();
    }
}

// Unix only: a size-limited or read-only tmpfs is mounted for it.
#[cfg(unix)]
#[test]
fn a_full_disk_refuses_writes_in_one_sentence_and_reading_goes_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mnt = dir.path().join("disk");
    let Some(_mount) = tmpfs(&mnt, "2m") else {
        return;
    };
    let d = CliDesk::at(dir, &mnt.join("data"), "");
    d.import(1, 20);
    let before = d.status();
    // A batch far larger than the disk.
    let big = d.batch(2, 3000);
    let ran: clidesk::Ran = d.run(&["import", big.to_str().expect("path")]);
    assert_eq!(ran.code, 1);
    assert!(ran.err.contains("rejected"), "{}", ran.err);
    assert!(ran.err.lines().count() <= 2, "{}", ran.err);
    assert!(
        ran.err.contains("penuh") || ran.err.contains("full") || ran.err.contains("space"),
        "says the disk is full: {}",
        ran.err
    );
    // Reading still works and the cache is as it was.
    let after = d.status();
    assert_eq!(after["complaints"], before["complaints"]);
    d.run(&["list"]).ok();
    d.run(&["check"]).ok();
}

// Unix only: a size-limited or read-only tmpfs is mounted for it.
#[cfg(unix)]
#[test]
fn a_read_only_copy_reads_and_refuses_writes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mnt = dir.path().join("usb");
    let Some(mount) = tmpfs(&mnt, "8m") else {
        return;
    };
    let d = CliDesk::at(dir, &mnt.join("data"), "");
    d.import(1, 4);
    d.respond("LAP-R-1-00001");
    assert!(mount.read_only(), "remount read-only");
    assert_eq!(d.status()["complaints"]["total"], 4);
    let list = d.run(&["list"]).ok();
    assert!(list.contains("LAP-R-1-00001"), "{list}");
    d.run(&["show", "LAP-R-1-00001"]).ok();
    let refused = d.run(&[
        "respond",
        "LAP-R-1-00002",
        "--stage",
        "initial",
        "--text",
        "x",
    ]);
    assert_eq!(refused.code, 1);
    assert!(refused.err.contains("sigap:"), "{}", refused.err);
}

fn desk_with_history() -> CliDesk {
    let d = CliDesk::new("");
    d.import(1, 30);
    d.respond("LAP-R-1-00003");
    d
}

#[test]
fn an_emptied_or_missing_cache_is_not_replaced_by_a_new_one() {
    for how in ["empty", "missing"] {
        let d = desk_with_history();
        let db = d.data.join("sigap.db");
        let _ = std::fs::remove_file(d.data.join("sigap.db-wal"));
        let _ = std::fs::remove_file(d.data.join("sigap.db-shm"));
        match how {
            "empty" => std::fs::write(&db, b"").expect("truncate"),
            _ => std::fs::remove_file(&db).expect("remove"),
        }
        for args in [vec!["status"], vec!["import", "x"]] {
            let ran = d.run(&args);
            assert_eq!(ran.code, 1, "{how} {args:?}");
            assert!(ran.err.contains("sigap restore"), "{how}: {}", ran.err);
            assert!(
                ran.err.contains("backups"),
                "names the newest backup: {}",
                ran.err
            );
        }
        assert!(
            std::fs::metadata(&db).map(|m| m.len()).unwrap_or(0) == 0,
            "{how}: nothing was created in its place"
        );
    }
}

#[test]
fn a_damaged_header_or_count_is_refused_at_open() {
    let d = desk_with_history();
    d.run(&["check"]).ok();
    {
        let raw = d.raw();
        raw.execute("UPDATE view_counts SET total = total + 7", [])
            .expect("tamper");
    }
    let ran = d.run(&["status"]);
    assert_eq!(ran.code, 1);
    assert!(ran.err.contains("rusak"), "{}", ran.err);
    assert!(ran.err.contains("sigap check"), "{}", ran.err);
    // check says what, --repair rebuilds it, and the desk opens again.
    let check = d.run(&["check"]);
    assert_eq!(check.code, 1, "{}", check.out);
    assert!(check.out.contains("view_counts"), "{}", check.out);
    d.run(&["check", "--repair"]).ok();
    assert_eq!(d.status()["complaints"]["total"], 30);

    let db = d.data.join("sigap.db");
    let mut bytes = std::fs::read(&db).expect("db");
    bytes[..16].copy_from_slice(b"not a database!!");
    std::fs::write(&db, &bytes).expect("overwrite the header");
    let ran = d.run(&["list"]);
    assert_eq!(ran.code, 1);
    assert!(ran.err.contains("rusak"), "{}", ran.err);
}

#[test]
fn mid_file_damage_is_found_by_check_and_never_imported_into() {
    let d = CliDesk::new("");
    d.import(1, 2000);
    d.run(&["check"]).ok();
    let db = d.data.join("sigap.db");
    let len = std::fs::metadata(&db).expect("db").len();
    let mut bytes = std::fs::read(&db).expect("db");
    let page = 4096usize;
    let pages = (len as usize) / page;
    // Overwrite whole pages in the middle of the file, as a failing disk would.
    for p in [pages / 3, pages / 2, 2 * pages / 3] {
        for b in &mut bytes[p * page..(p + 1) * page] {
            *b = 0xA5;
        }
    }
    std::fs::write(&db, &bytes).expect("damage");
    let check = d.run(&["check"]);
    assert_eq!(check.code, 1, "{}", check.out);
    let said = format!("{}{}", check.out, check.err);
    assert!(said.contains("rusak"), "{said}");
    let next = d.batch(2, 50);
    let ran = d.run(&["import", next.to_str().expect("path")]);
    assert_ne!(
        (
            ran.code,
            ran.out.contains("diterapkan") || ran.out.contains("applied")
        ),
        (0, true),
        "an import into a damaged cache must not report applied: {} {}",
        ran.out,
        ran.err
    );
}

#[test]
fn a_cache_from_a_newer_sigap_is_refused_by_readers_and_writers() {
    let d = desk_with_history();
    d.raw()
        .pragma_update(None, "user_version", 99)
        .expect("bump the schema");
    for args in [
        vec!["status"],
        vec![
            "respond",
            "LAP-R-1-00001",
            "--stage",
            "initial",
            "--text",
            "x",
        ],
    ] {
        let ran = d.run(&args);
        assert_eq!(ran.code, 1, "{args:?}");
        assert!(ran.err.contains("lebih baru"), "{}", ran.err);
    }
}

// Unix only: a size-limited or read-only tmpfs is mounted for it.
#[cfg(unix)]
#[test]
fn a_read_only_export_folder_refuses_the_export_before_anything_is_marked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let d = CliDesk::at(dir, &data, "");
    let Some(mount) = tmpfs(&d.out, "1m") else {
        return;
    };
    d.import(1, 3);
    d.respond("LAP-R-1-00000");
    assert!(mount.read_only(), "remount read-only");
    let refused = d.run(&["export"]);
    assert_eq!(refused.code, 1);
    assert!(
        refused.err.contains("keluar"),
        "names the folder: {}",
        refused.err
    );
    let status = d.status();
    assert_eq!(status["pending_operations"], 1, "still pending");
    assert!(
        status["outbound"]["unwritten"]
            .as_array()
            .expect("list")
            .is_empty()
    );
}
