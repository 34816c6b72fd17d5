//! Several files imported in one transaction (`sigap import A B C`, the desk's import
//! pane): each file is all-or-nothing on its own, through a savepoint. A file refused
//! at its trailer, after its records were written, leaves none of them and no count
//! behind; the files around it are kept; a batch given twice is imported once.

mod common;

use common::*;
use sigap::store::ViewQuery;
use sigap::sync::{ImportOutcome, import_files};

fn complaints(from: u64, n: u64, revision: u64) -> Vec<serde_json::Value> {
    (from..from + n)
        .map(|i| complaint(&format!("LAP-2026-{i:07}"), revision, "Jalan rusak", SCOPE))
        .collect()
}

#[test]
fn a_file_refused_at_its_trailer_is_undone_alone() {
    let mut d = Desk::new();
    let dir = d.dir.path().join("masuk");
    std::fs::create_dir_all(&dir).expect("dir");
    let first = write_batch(
        &dir,
        &Head::new(SCOPE, 1, "b-1", "2026-11-20T07:00:00+07:00"),
        &complaints(1, 3, 1),
    );
    // Its records are written before the trailer says the file was altered.
    let bytes = batch(
        &Head::new(SCOPE, 2, "b-2", "2026-11-20T08:00:00+07:00"),
        &complaints(100, 5, 1),
    );
    let altered = String::from_utf8(bytes)
        .expect("text")
        .replacen("Jalan rusak", "Jalan rusuk", 1);
    let second = write_file(&dir, "inbound-b-2.jsonl", altered.as_bytes());
    // A newer revision of a complaint of the first file, and one new complaint.
    let mut third_records = complaints(1, 1, 2);
    third_records.extend(complaints(200, 1, 1));
    let third = write_batch(
        &dir,
        &Head::new(SCOPE, 3, "b-3", "2026-11-20T09:00:00+07:00"),
        &third_records,
    );

    let results = import_files(
        &mut d.store,
        &d.cfg,
        &[first, second.clone(), third],
        &mut |_, _| {},
    );
    assert_eq!(results.len(), 3);
    let r1 = results[0].as_ref().expect("first applied");
    assert_eq!(r1.complaints_new, 3);
    let e2 = results[1].as_ref().expect_err("second refused");
    assert!(e2.reason.contains("SHA-256"), "{}", e2.reason);
    assert_eq!(e2.file, second.display().to_string());
    let r3 = results[2].as_ref().expect("third applied");
    assert_eq!((r3.complaints_new, r3.complaints_updated), (1, 1));
    // The refused file's sequence is missing, and none of its complaints is stored.
    assert_eq!(r3.missing, vec![2]);
    assert_eq!(d.complaints_total(), 4);
    let ids = d.store.view_ids(&ViewQuery::All).expect("ids");
    assert!(
        !ids.iter().any(|id| id.starts_with("LAP-2026-00001")),
        "{ids:?}"
    );
    // Every maintained count agrees with a recount.
    let check = d.store.check().expect("check");
    assert!(check.problems.is_empty(), "{:?}", check.problems);
}

#[test]
fn a_batch_given_twice_in_one_run_is_imported_once() {
    let mut d = Desk::new();
    let dir = d.dir.path().join("masuk");
    std::fs::create_dir_all(&dir).expect("dir");
    let file = write_batch(
        &dir,
        &Head::new(SCOPE, 1, "b-1", "2026-11-20T07:00:00+07:00"),
        &complaints(1, 3, 1),
    );
    let missing = dir.join("tidak-ada.jsonl");
    let results = import_files(
        &mut d.store,
        &d.cfg,
        &[file.clone(), missing, file],
        &mut |_, _| {},
    );
    assert_eq!(
        results[0].as_ref().expect("applied").outcome,
        Some(ImportOutcome::Applied)
    );
    let e = results[1].as_ref().expect_err("no such file");
    assert!(e.reason.contains("no such file"), "{}", e.reason);
    assert_eq!(
        results[2].as_ref().expect("known").outcome,
        Some(ImportOutcome::AlreadyImported)
    );
    assert_eq!(d.complaints_total(), 3);
}

/// Files larger than the cache set the view indexes aside and build them once at the
/// end: the same definitions as before, every view reads, every count agrees, and each
/// complaint kept has the search text of its final row (`check` compares them), none
/// of a refused file.
#[test]
fn a_load_larger_than_the_cache_builds_the_view_indexes_at_the_end() {
    let mut d = Desk::new();
    let schema = |d: &Desk| -> Vec<(String, String)> {
        let conn = raw(&d.store);
        let mut s = conn
            .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
            .expect("schema");
        s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .expect("rows")
            .map(|r| r.expect("row"))
            .collect()
    };
    let before = schema(&d);
    let dir = d.dir.path().join("masuk");
    std::fs::create_dir_all(&dir).expect("dir");
    let big = write_batch(
        &dir,
        &Head::new(SCOPE, 1, "b-1", "2026-11-20T07:00:00+07:00"),
        &complaints(1, 3000, 1),
    );
    assert!(
        std::fs::metadata(&big).expect("size").len() > d.store.file_bytes(),
        "the batch is larger than the empty cache"
    );
    // A refused file after it, and a newer revision of one of its complaints with
    // another title: the texts are those of the rows kept.
    let refused = batch(
        &Head::new(SCOPE, 2, "b-2", "2026-11-20T08:00:00+07:00"),
        &complaints(5000, 3, 1),
    );
    let refused =
        String::from_utf8(refused)
            .expect("text")
            .replacen("Jalan rusak", "Jalan rusuk", 1);
    let refused = write_file(&dir, "inbound-b-2.jsonl", refused.as_bytes());
    let mut renamed = complaint("LAP-2026-0000007", 2, "Lampu penerangan mati", SCOPE);
    renamed["location"] = "Desa Gapura Timur".into();
    let newer = write_batch(
        &dir,
        &Head::new(SCOPE, 3, "b-3", "2026-11-20T09:00:00+07:00"),
        &[renamed],
    );
    let results = import_files(&mut d.store, &d.cfg, &[big, refused, newer], &mut |_, _| {});
    assert_eq!(results[0].as_ref().expect("applied").complaints_new, 3000);
    assert!(results[1].is_err(), "the altered file is refused");
    assert_eq!(results[2].as_ref().expect("applied").complaints_updated, 1);
    assert_eq!(schema(&d), before, "the view indexes are back as they were");
    let texts = d.store.search_texts(&ViewQuery::All).expect("texts");
    assert_eq!(texts.len(), 3000, "one text per complaint kept");
    let renamed_text = (0..texts.len())
        .map(|i| texts.get(i))
        .find(|t| t.ends_with(" lap-2026-0000007"))
        .expect("the renamed complaint's text");
    assert_eq!(
        renamed_text,
        "lampu penerangan mati sosial desa gapura timur lap-2026-0000007"
    );
    for view in [ViewQuery::All, ViewQuery::NeedsAction] {
        let page = d
            .store
            .page(&view, None, sigap::store::Direction::Forward, false, 10);
        assert_eq!(page.expect("page").len(), 10, "{view:?} reads by its index");
    }
    let check = d.store.check().expect("check");
    assert!(check.problems.is_empty(), "{:?}", check.problems);
}

/// What a refused file would have taught the agency suggester goes with it: the
/// suggestions after (good, refused, good) are those after the two good files alone.
#[test]
fn a_refused_file_teaches_the_suggester_nothing() {
    let ended = |from: u64, agency: &str, title: &str| -> Vec<serde_json::Value> {
        (from..from + 30)
            .map(|i| {
                let mut c = complaint(&format!("LAP-2026-{i:07}"), 1, title, agency);
                c["status"] = "selesai".into();
                c["completed_at"] = "2026-11-10T10:00:00+07:00".into();
                c
            })
            .collect()
    };
    let files = |d: &Desk, with_refused: bool| -> Vec<std::path::PathBuf> {
        let dir = d.dir.path().join("masuk");
        std::fs::create_dir_all(&dir).expect("dir");
        let mut out = vec![write_batch(
            &dir,
            &Head::new(SCOPE, 1, "b-1", "2026-11-20T07:00:00+07:00"),
            &ended(1, "3529-DPUBM", "Jalan desa berlubang parah"),
        )];
        if with_refused {
            let bytes = batch(
                &Head::new(SCOPE, 2, "b-2", "2026-11-20T08:00:00+07:00"),
                &ended(100, "3529-DINKES", "Jalan desa berlubang parah"),
            );
            let altered =
                String::from_utf8(bytes)
                    .expect("text")
                    .replacen("berlubang", "berlobang", 1);
            out.push(write_file(&dir, "inbound-b-2.jsonl", altered.as_bytes()));
        }
        out.push(write_batch(
            &dir,
            &Head::new(SCOPE, 3, "b-3", "2026-11-20T09:00:00+07:00"),
            &[complaint(
                "LAP-2026-0009999",
                1,
                "Jalan desa berlubang",
                SCOPE,
            )],
        ));
        out
    };
    let suggested = |with_refused: bool| -> String {
        let mut d = Desk::new();
        let paths = files(&d, with_refused);
        let results = import_files(&mut d.store, &d.cfg, &paths, &mut |_, _| {});
        assert_eq!(
            results.iter().filter(|r| r.is_err()).count(),
            usize::from(with_refused)
        );
        format!(
            "{:?}",
            d.store.suggest("LAP-2026-0009999").expect("suggest")
        )
    };
    let without = suggested(false);
    assert!(without.contains("3529-DPUBM"), "{without}");
    assert_eq!(suggested(true), without);
}

/// Files of more than 1 MiB into a cache that holds data are preceded by a backup of the
/// cache as it was (holding none of the new complaints), complete when the import
/// reports.
#[test]
fn a_large_import_backs_up_the_cache_as_it_was() {
    let mut d = Desk::new();
    let small = write_batch(
        &d.files,
        &Head::new(SCOPE, 1, "b-1", "2026-11-20T07:00:00+07:00"),
        &complaints(1, 5, 1),
    );
    let r = import_files(&mut d.store, &d.cfg, &[small], &mut |_, _| {});
    assert!(r[0].is_ok());
    let data = d.dir.path().join("data");
    assert!(sigap::store::list_backups(&data).is_empty());
    // About 1.5 MB: 1,200 complaints with a long body each.
    let mut large: Vec<serde_json::Value> = complaints(1_000, 1_200, 1);
    for c in &mut large {
        c["body"] = serde_json::json!("Jalan berlubang sejak bulan lalu. ".repeat(36));
    }
    let large = write_batch(
        &d.files,
        &Head::new(SCOPE, 2, "b-2", "2026-11-20T08:00:00+07:00"),
        &large,
    );
    assert!(std::fs::metadata(&large).expect("size").len() > 1 << 20);
    let r = import_files(&mut d.store, &d.cfg, &[large], &mut |_, _| {});
    assert_eq!(r[0].as_ref().expect("applied").complaints_new, 1_200);
    assert_eq!(d.complaints_total(), 1_205);
    let backups = sigap::store::list_backups(&data);
    assert_eq!(backups.len(), 1, "{backups:?}");
    assert_eq!(backups[0].kind, sigap::store::BackupKind::Import);
    let copy = rusqlite::Connection::open(&backups[0].path).expect("open the backup");
    let held: i64 = copy
        .query_row("SELECT count(*) FROM complaints", [], |r| r.get(0))
        .expect("count");
    assert_eq!(
        held, 5,
        "the backup holds the cache as it was before the import"
    );
}
