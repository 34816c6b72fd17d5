//! A complaint's snapshot is stored once (schema 13): its row's JSON keeps only the
//! fields without a column of their own, every field still reads back exactly as the
//! batch gave it, and a cache written before schema 13 reads the same after it.

mod common;

use common::*;
use serde_json::{Value, json};
use sigap::domain::Complaint;
use sigap::store::{Access, Store};
use sigap::sync::import_file;

const DAMAGED: &str = "LAP-2026-0300003";

/// What the desk keeps of a complaint record: the record without its `type`.
fn expected(record: &Value) -> Complaint {
    let mut v = record.clone();
    v.as_object_mut().expect("object").remove("type");
    serde_json::from_value(v).expect("a complaint")
}

/// One complaint with every optional field set and unusual values, one with every
/// optional field absent (and anonymous: its identity is dropped on import).
fn records() -> (Value, Value) {
    let mut full = complaint("LAP-2026-0300001", 3, "Jalan \"rusak\" — ÿ\u{7}", SCOPE);
    let f = full.as_object_mut().expect("object");
    f.insert("supervisory".into(), json!(true));
    f.insert("confidential".into(), json!(true));
    f.insert("classification".into(), json!("aspirasi_khusus"));
    f.insert("status".into(), json!("selesai"));
    f.insert("completed_at".into(), json!("2026-11-10T15:30:00+07:00"));
    f.insert("channel".into(), json!("sms"));
    let sparse = json!({
        "type": "complaint",
        "id": "LAP-2026-0300002",
        "revision": 1,
        "title": "Bantuan tidak cair",
        "body": "Tanpa keterangan lain.",
        "classification": "pengaduan",
        "submitted_at": "2026-11-02T09:12:00Z",
        "anonymous": true,
        "reporter": {"name": "Rahasia Sekali", "phone": "081200000000", "email": null},
        "agency": SCOPE,
        "status": "terdisposisi",
    });
    (full, sparse)
}

fn stored_json(store: &Store, id: &str) -> String {
    raw(store)
        .query_row("SELECT data FROM complaints WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .expect("stored row")
}

#[test]
fn a_snapshot_reads_back_whole_and_its_text_is_stored_once() {
    let mut desk = Desk::new();
    let (full, sparse) = records();
    let path = write_batch(
        &desk.files,
        &Head::new(SCOPE, 1, "b-1", "2026-11-18T08:00:00+07:00"),
        &[full.clone(), sparse.clone()],
    );
    import_file(&mut desk.store, &desk.cfg, &path).expect("imports");

    let full_c = expected(&full);
    let detail = desk.store.complaint(full_c.id.as_str()).expect("read");
    assert_eq!(detail.expect("stored").complaint, full_c);
    let mut sparse_c = expected(&sparse);
    sparse_c.reporter = None;
    let detail = desk.store.complaint(sparse_c.id.as_str()).expect("read");
    assert_eq!(detail.expect("stored").complaint, sparse_c);

    // The columns' fields are not in the row's JSON again; the rest is.
    let data = stored_json(&desk.store, full_c.id.as_str());
    for column_field in [
        "\"title\"",
        "rusak",
        "Pinggir Papas",
        "\"submitted_at\"",
        "\"id\"",
    ] {
        assert!(!data.contains(column_field), "{column_field} in {data}");
    }
    for kept in [
        full_c.body.as_str(),
        "\"completed_at\"",
        "foto1.jpg",
        "Siti Aminah",
    ] {
        assert!(data.contains(kept), "{kept} missing from {data}");
    }
    assert!(!cache_contains(&desk.store, "Rahasia Sekali"));
}

#[test]
fn the_same_revision_imported_again_is_still_unchanged() {
    let mut desk = Desk::new();
    let (full, sparse) = records();
    let head = Head::new(SCOPE, 1, "b-1", "2026-11-18T08:00:00+07:00");
    let first = write_batch(&desk.files, &head, &[full.clone(), sparse.clone()]);
    import_file(&mut desk.store, &desk.cfg, &first).expect("imports");
    let head = Head::new(SCOPE, 2, "b-2", "2026-11-19T08:00:00+07:00");
    let again = write_batch(&desk.files, &head, &[full, sparse]);
    let r = import_file(&mut desk.store, &desk.cfg, &again).expect("imports again");
    assert_eq!((r.complaints_unchanged, r.complaints_new), (2, 0));
}

/// A cache written at schema 12 stored the whole snapshot in `data`, with the hash of
/// that text. Schema 13 keeps only the rest; the snapshot reads the same, and the same
/// revision imported again still compares equal. A row whose JSON was damaged does not
/// stop the migration, and is still named when read.
#[test]
fn a_schema_12_cache_keeps_its_snapshots() {
    let mut desk = Desk::new();
    let (full, sparse) = records();
    let head = Head::new(SCOPE, 1, "b-1", "2026-11-18T08:00:00+07:00");
    let damaged = complaint(DAMAGED, 1, "Lampu jalan mati", SCOPE);
    let records = [full.clone(), sparse.clone(), damaged.clone()];
    let path = write_batch(&desk.files, &head, &records);
    import_file(&mut desk.store, &desk.cfg, &path).expect("imports");
    let mut sparse_c = expected(&sparse);
    sparse_c.reporter = None;
    let wanted = [expected(&full), sparse_c];
    // Put the cache back as schema 12 wrote it: the whole serialised snapshot (and one
    // row damaged, which must not stop the migration).
    {
        let conn = raw(&desk.store);
        for c in &wanted {
            conn.execute(
                "UPDATE complaints SET data = ?2 WHERE id = ?1",
                (c.id.as_str(), serde_json::to_string(c).expect("json")),
            )
            .expect("schema 12 copy");
        }
        conn.execute(
            "UPDATE complaints SET data = '{\"body\": \"cut sho' WHERE id = ?1",
            [DAMAGED],
        )
        .expect("damaged row");
        back_to_schema_13(&conn);
        conn.execute_batch("DROP VIEW complaint_snapshots; PRAGMA user_version = 12;")
            .expect("schema 12");
    }
    let data = desk.dir.path().join("data");
    let Desk {
        store,
        cfg,
        files,
        dir,
    } = desk;
    drop(store);
    let mut store = Store::open(&data, cfg.desk_context(), Access::Write).expect("migrates");
    for c in &wanted {
        let detail = store.complaint(c.id.as_str()).expect("read").expect("kept");
        assert_eq!(&detail.complaint, c);
        assert!(!stored_json(&store, c.id.as_str()).contains("\"title\""));
    }
    // The damaged row is named when it is read, as before schema 13.
    let err = store.complaint(DAMAGED).expect_err("damaged");
    assert!(err.to_string().contains(DAMAGED), "{err}");
    let head = Head::new(SCOPE, 2, "b-2", "2026-11-19T08:00:00+07:00");
    let again = write_batch(&files, &head, &records);
    let r = import_file(&mut store, &cfg, &again).expect("imports again");
    assert_eq!((r.complaints_unchanged, r.complaints_new), (3, 0));
    drop(store);
    drop(dir);
}
