//! What the config may ask for is bounded; batches with a byte order mark or a deeply
//! nested unknown field are read; `check --repair` rebuilds what can be rebuilt;
//! backups are taken without being asked and restored without losing work unseen; the
//! audit journal proves itself; a desk key signs what the desk sends.

mod clidesk;
mod common;

use base64::Engine;
use clidesk::CliDesk;
use std::time::{Duration, Instant};

#[test]
fn out_of_range_config_values_and_endless_files_are_refused_quickly() {
    let d = CliDesk::new("[sla]\npengaduan = 4000000000\n");
    let start = Instant::now();
    let ran = d.run(&["status"]);
    assert_eq!(ran.code, 1);
    assert!(ran.err.contains("sla.pengaduan"), "{}", ran.err);
    assert!(ran.err.contains("1 to 365"), "{}", ran.err);
    assert!(start.elapsed() < Duration::from_secs(10));
    #[cfg(unix)]
    {
        let start = Instant::now();
        let ran = d.run_env(&["status"], "SIGAP_CONFIG", "/dev/zero");
        assert_eq!(ran.code, 1);
        assert!(ran.err.contains("/dev/zero"), "{}", ran.err);
        assert!(ran.err.contains("KiB"), "{}", ran.err);
        assert!(start.elapsed() < Duration::from_secs(10));
    }
}

#[test]
fn a_byte_order_mark_and_a_deep_unknown_field_are_accepted() {
    let d = CliDesk::new("");
    // An unknown field nested 300 levels deep, before the known ones.
    let known = serde_json::to_string(&common::complaint("LAP-DEEP-1", 1, "Jalan", common::SCOPE))
        .expect("json");
    let deep_line = format!(
        "{{\"x\":{}{{\"y\":\"]\"}}{},{}",
        "[".repeat(300),
        "]".repeat(300),
        &known[1..]
    );
    let head = common::Head::new(common::SCOPE, 1, "bom-1", "2026-11-19T08:00:00+07:00");
    let body = common::body_from_lines(&head.value(), &[format!("{deep_line}\n").into_bytes()]);
    // The digest as the registry computed it, without the mark a Windows tool added.
    let mut file = b"\xEF\xBB\xBF".to_vec();
    file.extend(common::seal(body.clone(), 1));
    let p = common::write_file(&d.files, "bom.jsonl", &file);
    let out = d.run(&["import", p.to_str().expect("path")]).ok();
    assert!(
        out.contains("diterapkan") || out.contains("applied"),
        "{out}"
    );
    // And with the mark counted in the digest.
    let head2 = common::Head::new(common::SCOPE, 2, "bom-2", "2026-11-19T08:00:00+07:00");
    let mut with_mark = b"\xEF\xBB\xBF".to_vec();
    with_mark.extend(common::body(
        &head2.value(),
        &[common::complaint("LAP-BOM-2", 1, "Jalan", common::SCOPE)],
    ));
    let trailer = common::trailer(&with_mark, 1);
    with_mark.extend(common::line(&trailer));
    let p2 = common::write_file(&d.files, "bom2.jsonl", &with_mark);
    d.run(&["import", p2.to_str().expect("path")]).ok();
    assert_eq!(d.status()["complaints"]["total"], 2);
}

#[test]
fn check_finds_stale_derived_columns_and_repair_rebuilds_them() {
    let d = CliDesk::new("");
    d.import(1, 40);
    d.respond("LAP-R-1-00007");
    d.run(&["check"]).ok();
    let before = d.status();
    d.raw()
        .execute_batch(
            "UPDATE complaints SET urgency_due = '2001-01-01', pending_ops = 5
             WHERE id = 'LAP-R-1-00007';
             DELETE FROM search_text WHERE rowid = (SELECT rowid FROM complaints LIMIT 1);
             UPDATE op_counts SET n = n + 3 WHERE state = 'pending';",
        )
        .expect("tamper");
    let check = d.run(&["check", "--json"]);
    assert_eq!(check.code, 1);
    let report: serde_json::Value = serde_json::from_str(&check.out).expect("json");
    let kinds: Vec<&str> = report["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .filter_map(|p| p["kind"].as_str())
        .collect();
    assert!(kinds.contains(&"derived"), "{kinds:?}");
    assert!(kinds.contains(&"count"), "{kinds:?}");
    assert!(kinds.contains(&"orphans"), "{kinds:?}");
    d.run(&["check", "--repair"]).ok();
    d.run(&["check"]).ok();
    assert_eq!(d.status(), before, "the made-up values are gone");
}

fn backups(d: &CliDesk) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(d.data.join("backups"))
        .map(|r| {
            r.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// The first writing command of a day takes the daily backup; when that command is a
/// large import, its own backup is the same copy under a second name, not a second
/// copy of the whole cache. A later import copies the cache as it is then.
#[test]
fn an_import_that_takes_the_daily_backup_names_it_again_instead_of_copying_twice() {
    let d = CliDesk::new("");
    d.import(1, 10);
    d.import(2, 2000);
    let names = backups(&d);
    assert_eq!(names.len(), 2, "{names:?}");
    let dir = d.data.join("backups");
    let daily = dir.join(
        names
            .iter()
            .find(|n| n.ends_with("-daily.db"))
            .expect("daily"),
    );
    let before = dir.join(
        names
            .iter()
            .find(|n| n.ends_with("-import.db"))
            .expect("import"),
    );
    let complaints = |p: &std::path::Path| -> i64 {
        rusqlite::Connection::open_with_flags(p, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .expect("backup")
            .query_row("SELECT count(*) FROM complaints", [], |r| r.get(0))
            .expect("count")
    };
    assert_eq!(complaints(&before), 10, "the cache before the import");
    assert_eq!(complaints(&daily), 10);
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let ino = |p: &std::path::Path| p.metadata().expect("backup").ino();
        assert_eq!(ino(&daily), ino(&before), "one copy, two names");
    }
    d.import(3, 2000);
    let later: Vec<String> = backups(&d)
        .into_iter()
        // A second import backup within the same second is named `…-import-2.db`.
        .filter(|n| n.contains("-import") && dir.join(n) != before)
        .collect();
    assert_eq!(later.len(), 1, "{:?}", backups(&d));
    assert_eq!(complaints(&dir.join(&later[0])), 2010);
}

#[test]
fn backups_are_taken_daily_and_restore_never_loses_work_unseen() {
    let d = CliDesk::new("");
    d.import(1, 10);
    d.respond("LAP-R-1-00001");
    let daily: Vec<String> = backups(&d)
        .into_iter()
        .filter(|n| n.ends_with("-daily.db"))
        .collect();
    assert_eq!(daily.len(), 1, "{:?}", backups(&d));
    d.respond("LAP-R-1-00002");
    assert_eq!(backups(&d).len(), 1, "one daily backup a day");

    let copy = d.dir.path().join("copy.db");
    d.run(&["backup", "--out", copy.to_str().expect("path")])
        .ok();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&copy).expect("copy").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    // Work done after the copy would be lost by restoring it: refused, naming how much.
    d.respond("LAP-R-1-00003");
    d.respond("LAP-R-1-00004");
    let refused = d.run(&["restore", copy.to_str().expect("path")]);
    assert_eq!(refused.code, 1);
    assert!(refused.err.contains("2 operasi"), "{}", refused.err);
    assert_eq!(d.status()["pending_operations"], 4);

    // Refused while a desk is open.
    {
        let cfg = sigap::config::Config::parse(
            &std::fs::read_to_string(&d.config).expect("config"),
            &d.config,
        )
        .expect("config");
        let _desk =
            sigap::store::Store::open(&d.data, cfg.desk_context(), sigap::store::Access::Write)
                .expect("desk");
        let ran = d.run_env(
            &["restore", copy.to_str().expect("path"), "--force"],
            "SIGAP_WAIT",
            "1",
        );
        assert_eq!(ran.code, 1);
        assert!(ran.err.contains("sedang dibuka"), "{}", ran.err);
    }

    let out = d
        .run(&["restore", copy.to_str().expect("path"), "--force"])
        .ok();
    assert!(out.contains("2 operasi belum diekspor hilang"), "{out}");
    assert_eq!(d.status()["pending_operations"], 2);
    assert!(backups(&d).iter().any(|n| n.ends_with("-restore.db")));
    d.run(&["check"]).ok();
    // The replaced cache is a backup that can be restored in turn.
    let replaced = d.data.join("backups").join(
        backups(&d)
            .into_iter()
            .find(|n| n.ends_with("-restore.db"))
            .expect("kept"),
    );
    d.run(&["restore", replaced.to_str().expect("path")]).ok();
    assert_eq!(d.status()["pending_operations"], 4);
}

#[test]
fn a_restore_killed_before_its_rename_leaves_the_old_cache() {
    let d = CliDesk::new("");
    d.import(1, 5);
    let copy = d.dir.path().join("copy.db");
    d.run(&["backup", "--out", copy.to_str().expect("path")])
        .ok();
    d.import(2, 5);
    let killed = d.run_env(
        &["restore", copy.to_str().expect("path")],
        "SIGAP_FAULT",
        "restore:before-rename",
    );
    assert_ne!(killed.code, 0);
    assert_eq!(d.status()["complaints"]["total"], 10);
    d.run(&["check"]).ok();
    d.run(&["restore", copy.to_str().expect("path")]).ok();
    assert_eq!(d.status()["complaints"]["total"], 5);
}

#[test]
fn the_audit_journal_records_actions_and_detects_tampering() {
    let d = CliDesk::new("");
    d.import(1, 3);
    let op = d.respond("LAP-R-1-00000");
    d.run(&["undo"]).ok();
    d.respond("LAP-R-1-00001");
    d.run(&["export"]).ok();
    let journal: serde_json::Value =
        serde_json::from_str(&d.run(&["audit", "--json"]).ok()).expect("json");
    let actions: Vec<&str> = journal
        .as_array()
        .expect("entries")
        .iter()
        .filter_map(|e| e["action"].as_str())
        .collect();
    assert_eq!(actions, ["import", "respond", "undo", "respond", "export"]);
    assert!(journal[2]["detail"].as_str().expect("detail").contains(&op));
    assert_eq!(journal[1]["officer"], common::OFFICER);
    let later: serde_json::Value =
        serde_json::from_str(&d.run(&["audit", "--json", "--from", "2099-01-01"]).ok())
            .expect("json");
    assert_eq!(
        later,
        serde_json::json!([]),
        "--from leaves out older entries"
    );
    let all: serde_json::Value =
        serde_json::from_str(&d.run(&["audit", "--json", "--from", "2000-01-01"]).ok())
            .expect("json");
    assert_eq!(all.as_array().map(Vec::len), Some(5));
    let verified = d.run(&["audit", "--verify"]);
    assert_eq!(verified.code, 0, "{}", verified.err);
    assert!(verified.err.contains("utuh"), "{}", verified.err);

    for tamper in [
        "UPDATE audit SET detail = 'nothing happened' WHERE seq = 2",
        "DELETE FROM audit WHERE seq = 3",
        "DELETE FROM audit WHERE seq = 5",
    ] {
        let copy = CliDesk::new("");
        std::fs::create_dir_all(&copy.data).expect("data");
        d.run(&[
            "backup",
            "--out",
            copy.data.join("sigap.db").to_str().expect("path"),
        ])
        .ok();
        copy.raw().execute(tamper, []).expect("tamper");
        let ran = copy.run(&["audit", "--verify"]);
        assert_eq!(ran.code, 1, "{tamper}: {}", ran.err);
        assert!(ran.err.contains("putus"), "{tamper}: {}", ran.err);
    }
}

#[test]
fn a_desk_key_signs_outbound_batches() {
    let d = CliDesk::new("");
    let key = d.dir.path().join("kunci").join("desk.key");
    let out = d
        .run(&["keygen", "--out", key.to_str().expect("path")])
        .ok();
    let public = std::fs::read_to_string(format!("{}.pub", key.display())).expect("pub");
    assert!(out.contains(public.trim()), "{out}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&key).expect("key").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    assert_eq!(
        d.run(&["keygen", "--out", key.to_str().expect("path")])
            .code,
        1,
        "never over an old key"
    );
    let signed = CliDesk::new(&format!("desk_key = {key:?}\n"));
    signed.import(1, 2);
    signed.respond("LAP-R-1-00000");
    signed.run(&["export"]).ok();
    let text =
        std::fs::read_to_string(signed.out.join("outbound-3529-DINSOS-0001.jsonl")).expect("batch");
    let lines: Vec<&str> = text.lines().collect();
    let trailer: serde_json::Value =
        serde_json::from_str(lines.last().expect("trailer")).expect("json");
    let b64 = base64::engine::general_purpose::STANDARD;
    let vk = ed25519_dalek::VerifyingKey::from_bytes(
        &b64.decode(public.trim())
            .expect("b64")
            .try_into()
            .expect("32 bytes"),
    )
    .expect("key");
    let sig = ed25519_dalek::Signature::from_slice(
        &b64.decode(trailer["signature"].as_str().expect("signed"))
            .expect("b64"),
    )
    .expect("signature");
    let digest = hex::decode(trailer["sha256"].as_str().expect("sha")).expect("hex");
    vk.verify_strict(&digest, &sig).expect("a valid signature");
    assert!(
        trailer["key_id"]
            .as_str()
            .expect("key id")
            .starts_with("sigap-")
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o644)).expect("chmod");
        signed.respond("LAP-R-1-00001");
        let refused = signed.run(&["export"]);
        assert_eq!(refused.code, 1);
        assert!(refused.err.contains("chmod 600"), "{}", refused.err);
        assert_eq!(signed.status()["pending_operations"], 1);
    }
}

#[test]
fn a_migration_is_preceded_by_a_backup_of_the_old_schema() {
    let d = CliDesk::new("");
    std::fs::create_dir_all(&d.data).expect("data");
    {
        let mut conn = d.raw();
        conn.pragma_update(
            None,
            "application_id",
            sigap::store::migrations::APPLICATION_ID,
        )
        .expect("app id");
        sigap::store::migrations::migrations()
            .to_version(&mut conn, 5)
            .expect("schema 5");
    }
    d.run(&["status"]).ok();
    let kept = backups(&d);
    assert!(
        kept.iter().any(|n| n.ends_with("-migration.db")),
        "{kept:?}"
    );
    let old = rusqlite::Connection::open(d.data.join("backups").join(&kept[0])).expect("backup");
    let v: i64 = old
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .expect("version");
    assert_eq!(v, 5, "the backup holds the schema before the migration");
}

#[test]
fn an_import_killed_after_its_commit_is_whole_and_importing_again_changes_nothing() {
    let d = CliDesk::new("");
    d.import(1, 10);
    let next = d.batch(2, 200);
    let killed = d.run_env(
        &["import", next.to_str().expect("path")],
        "SIGAP_FAULT",
        "import:committed",
    );
    assert_ne!(killed.code, 0);
    assert_eq!(
        d.status()["complaints"]["total"],
        210,
        "all of the file or none"
    );
    d.run(&["check"]).ok();
    let again = d.run(&["import", next.to_str().expect("path")]).ok();
    assert!(again.contains("already imported"), "{again}");
    assert_eq!(d.status()["complaints"]["total"], 210);
}

/// A first load writes through a rollback journal instead of the write-ahead log
/// (`Store::bulk`). Killed before its commit, it leaves that journal (cold here: the
/// file was not written yet; the store's unit tests play back a hot one). Readers see
/// the empty cache, the next writer clears the journal away, and the same file is then
/// taken whole, with the cache back on the write-ahead log.
#[test]
fn a_first_load_killed_before_its_commit_leaves_the_cache_empty() {
    let d = CliDesk::new("");
    let first = d.batch(1, 2000);
    let path = first.to_str().expect("path");
    let killed = d.run_env(&["import", path], "SIGAP_FAULT", "import:before-commit");
    assert_ne!(killed.code, 0);
    let journal = d.data.join("sigap.db-journal");
    assert!(
        std::fs::metadata(&journal).is_ok_and(|m| m.len() > 0),
        "the first load went through a rollback journal"
    );
    assert_eq!(d.status()["complaints"]["total"], 0, "none of the file");
    d.run(&["check"]).ok();
    assert!(!journal.exists(), "the writer cleared the journal away");
    let again = d.run(&["import", path]);
    assert_eq!(again.code, 0, "{}", again.err);
    assert!(
        again.err.is_empty(),
        "the checkpoint after it: {}",
        again.err
    );
    assert_eq!(d.status()["complaints"]["total"], 2000);
    let mode: String = d
        .raw()
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .expect("journal mode");
    assert_eq!(mode, "wal");
}

/// Found by `cargo xtask fuzz`: a header value with a newline made a refusal of two
/// lines (and could carry an escape sequence).
#[test]
fn a_refusal_quoting_the_files_values_is_one_safe_line() {
    let mut desk = common::Desk::new();
    let mut header = common::Head::new(common::SCOPE, 1, "x", "2026-11-19T08:00:00+07:00").value();
    header["direction"] = serde_json::json!("inbo\nd\u{1b}[2J");
    let bytes = common::seal(common::body(&header, &[]), 0);
    let err = sigap::sync::import_bytes(&mut desk.store, &desk.cfg, "x.jsonl", bytes)
        .expect_err("refused");
    assert!(
        !err.reason.chars().any(sigap::text::is_unsafe),
        "{:?}",
        err.reason
    );
    let line = common::line(&serde_json::json!({"type": "kind\nof\u{1b}]0;x\u{7}"}));
    let head = common::Head::new(common::SCOPE, 2, "y", "2026-11-19T08:00:00+07:00");
    let bytes = common::seal(common::body_from_lines(&head.value(), &[line]), 1);
    let err = sigap::sync::import_bytes(&mut desk.store, &desk.cfg, "y.jsonl", bytes)
        .expect_err("refused");
    assert!(err.reason.contains("unknown record type"), "{}", err.reason);
    assert!(
        !err.reason.chars().any(sigap::text::is_unsafe),
        "{:?}",
        err.reason
    );
}
