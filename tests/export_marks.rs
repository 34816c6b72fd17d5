//! An export recorded once per batch (schema 14): no operation's row is written by an
//! export, yet every reader sees each operation in the state and batch it is in. An
//! operation confirmed after a conflict is pending again and leaves in the next batch;
//! undo never takes an exported operation; acknowledgements find their batch; the
//! counts, `sigap check`, the batch's own list and the file all agree.

mod common;

use common::*;
use serde_json::{Value, json};
use sigap::domain::{ComplaintId, OpKind, OpState, Operation, Stage};
use sigap::store::Store;
use sigap::sync::ops::{confirm_conflict, undo_last};
use sigap::sync::{ExportOutcome, OpRequest, export_pending, import_file, queue_operations};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const C1: &str = "LAP-2026-0200001";
const C2: &str = "LAP-2026-0200002";
const C3: &str = "LAP-2026-0200003";

fn now() -> chrono::DateTime<chrono::FixedOffset> {
    chrono::DateTime::parse_from_rfc3339("2026-11-19T10:00:00+07:00").expect("time")
}

fn import(desk: &mut Desk, sequence: u64, records: &[Value]) {
    let head = Head::new(
        SCOPE,
        sequence,
        &format!("in-{sequence}"),
        "2026-11-18T08:00:00+07:00",
    );
    let path = write_batch(&desk.files, &head, records);
    import_file(&mut desk.store, &desk.cfg, &path).expect("imports");
}

fn respond(desk: &mut Desk, id: &str, text: &str) -> String {
    let ids = queue_operations(
        &mut desk.store,
        &desk.cfg,
        &[OpRequest {
            complaint_id: ComplaintId::from(id),
            kind: OpKind::Response {
                stage: Stage::Progress,
                text: text.into(),
            },
            placeholders_checked: false,
        }],
        now(),
    )
    .expect("queue");
    ids[0].as_str().to_owned()
}

/// Exports into the desk's export folder and returns the one file written.
fn export(desk: &mut Desk) -> PathBuf {
    let out = desk.dir.path().join("keluar");
    match export_pending(&mut desk.store, &desk.cfg, Some(&out), false, now()).expect("export") {
        ExportOutcome::Written(files) => {
            assert_eq!(files.len(), 1, "{files:?}");
            files[0].clone()
        }
        ExportOutcome::Nothing => panic!("nothing was pending"),
    }
}

/// Every operation by id, as the desk reads them.
fn ops(store: &Store) -> BTreeMap<String, Operation> {
    [C1, C2, C3]
        .iter()
        .flat_map(|c| store.operations_for(c).expect("ops"))
        .map(|o| (o.op_id.as_str().to_owned(), o))
        .collect()
}

fn batch_of(store: &Store, op: &str) -> String {
    ops(store)[op].batch_id.clone().expect("has a batch").0
}

/// The op ids a batch file carries, in its order.
fn ids_in_file(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .expect("read")
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter_map(|v| v["op_id"].as_str().map(str::to_owned))
        .collect()
}

fn in_batch(store: &Store, batch: &str) -> Vec<String> {
    store
        .operations_in_batch(batch)
        .expect("batch")
        .into_iter()
        .map(|o| o.op_id.0)
        .collect()
}

#[test]
fn each_operation_reads_in_the_batch_it_left_in_and_a_confirmed_conflict_leaves_in_the_next() {
    let mut desk = Desk::new();
    import(
        &mut desk,
        1,
        &[
            complaint(C1, 1, "Jalan desa rusak parah", SCOPE),
            complaint(C2, 1, "Bantuan PKH tidak cair", SCOPE),
            complaint(C3, 1, "Lampu jalan padam", SCOPE),
        ],
    );
    let a = respond(&mut desk, C1, "Sedang kami tinjau.");
    let b = respond(&mut desk, C2, "Sedang kami periksa.");
    let first = export(&mut desk);
    let b1 = batch_of(&desk.store, &a);
    assert_eq!(batch_of(&desk.store, &b), b1);
    assert_eq!(ops(&desk.store)[&a].state, OpState::Exported);
    assert_eq!(ids_in_file(&first), [a.as_str(), b.as_str()]);
    assert_eq!(in_batch(&desk.store, &b1), [a.as_str(), b.as_str()]);
    // Nothing left to undo: both are exported.
    assert!(undo_last(&mut desk.store).expect("undo").is_empty());
    assert_eq!(ops(&desk.store).len(), 2);
    assert_counts_match_recount(&desk.store);

    // A response on C3, then a new revision of C3 under it: a conflict.
    let c = respond(&mut desk, C3, "Petugas menuju lokasi.");
    import(
        &mut desk,
        2,
        &[complaint(C3, 2, "Lampu jalan padam total", SCOPE)],
    );
    assert_eq!(ops(&desk.store)[&c].state, OpState::Conflict);
    let d = respond(&mut desk, C2, "Data sudah kami kirim ke bidang.");
    let second = export(&mut desk);
    assert_eq!(
        ids_in_file(&second),
        [d.as_str()],
        "the conflict stays behind"
    );
    let b2 = batch_of(&desk.store, &d);
    assert_ne!(b2, b1);
    assert!(ops(&desk.store)[&c].batch_id.is_none());
    assert_counts_match_recount(&desk.store);

    // Confirmed again: pending, undone and queued again would also do; it goes next.
    confirm_conflict(&mut desk.store, &c).expect("confirm");
    assert_eq!(ops(&desk.store)[&c].state, OpState::Pending);
    let status = desk.store.status(&[], Desk::today()).expect("status");
    assert_eq!(
        (status.pending_operations, status.exported_operations),
        (1, 3)
    );
    assert_counts_match_recount(&desk.store);
    let third = export(&mut desk);
    assert_eq!(ids_in_file(&third), [c.as_str()]);
    let b3 = batch_of(&desk.store, &c);
    assert!(b3 != b1 && b3 != b2);
    // Each batch still holds exactly its own operations.
    assert_eq!(in_batch(&desk.store, &b1), [a.as_str(), b.as_str()]);
    assert_eq!(in_batch(&desk.store, &b2), [d.as_str()]);
    assert_eq!(in_batch(&desk.store, &b3), [c.as_str()]);
    let status = desk.store.status(&[], Desk::today()).expect("status");
    assert_eq!(status.outbound.unacknowledged_batches, 3);
    assert_eq!(
        (status.pending_operations, status.exported_operations),
        (0, 4)
    );
    assert!(desk.store.check().expect("check").problems.is_empty());
    assert_counts_match_recount(&desk.store);
}

#[test]
fn an_acknowledgement_finds_an_exported_operation_by_its_span_and_keeps_its_batch() {
    let mut desk = Desk::new();
    import(
        &mut desk,
        1,
        &[
            complaint(C1, 1, "Jalan desa rusak parah", SCOPE),
            complaint(C2, 1, "Bantuan PKH tidak cair", SCOPE),
        ],
    );
    let a = respond(&mut desk, C1, "Sedang kami tinjau.");
    let b = respond(&mut desk, C2, "Sedang kami periksa.");
    export(&mut desk);
    let b1 = batch_of(&desk.store, &a);
    // Accepted for a, rejected for b, and an ack naming a in a batch it is not in.
    import(
        &mut desk,
        2,
        &[
            ack(&b1, json!([{"op_id": a, "outcome": "accepted"}])),
            ack(
                "another-batch",
                json!([{"op_id": b, "outcome": "accepted"}]),
            ),
            ack(
                &b1,
                json!([{"op_id": b, "outcome": "rejected", "reason": "Jawaban kurang lengkap"}]),
            ),
        ],
    );
    let now = ops(&desk.store);
    assert_eq!(now[&a].state, OpState::Accepted);
    assert_eq!(now[&b].state, OpState::Rejected);
    // The batch stays theirs once they left `exported`, written into their rows.
    assert_eq!(batch_of(&desk.store, &a), b1);
    assert_eq!(batch_of(&desk.store, &b), b1);
    assert_eq!(in_batch(&desk.store, &b1), [a.as_str(), b.as_str()]);
    let status = desk.store.status(&[], Desk::today()).expect("status");
    assert_eq!(status.outbound.unacknowledged_batches, 0);
    assert_eq!(status.rejected_operations, 1);
    assert!(desk.store.check().expect("check").problems.is_empty());
    assert_counts_match_recount(&desk.store);
}

#[test]
fn undo_takes_the_action_queued_after_an_export_and_never_an_exported_one() {
    let mut desk = Desk::new();
    import(
        &mut desk,
        1,
        &[
            complaint(C1, 1, "Jalan desa rusak parah", SCOPE),
            complaint(C2, 1, "Bantuan PKH tidak cair", SCOPE),
        ],
    );
    let a = respond(&mut desk, C1, "Sedang kami tinjau.");
    export(&mut desk);
    let b = respond(&mut desk, C2, "Sedang kami periksa.");
    let undone: Vec<String> = undo_last(&mut desk.store)
        .expect("undo")
        .into_iter()
        .map(|o| o.op_id.0)
        .collect();
    assert_eq!(undone, [b]);
    assert!(undo_last(&mut desk.store).expect("undo").is_empty());
    assert_eq!(ops(&desk.store)[&a].state, OpState::Exported);
    assert_eq!(ops(&desk.store).len(), 1);
    assert_counts_match_recount(&desk.store);
}

#[test]
fn a_schema_13_cache_keeps_its_exported_and_pending_operations() {
    let mut desk = Desk::new();
    import(
        &mut desk,
        1,
        &[
            complaint(C1, 1, "Jalan desa rusak parah", SCOPE),
            complaint(C2, 1, "Bantuan PKH tidak cair", SCOPE),
            complaint(C3, 1, "Lampu jalan padam", SCOPE),
        ],
    );
    let a = respond(&mut desk, C1, "Sedang kami tinjau.");
    let first = export(&mut desk);
    let b1 = batch_of(&desk.store, &a);
    let b = respond(&mut desk, C2, "Sedang kami periksa.");
    back_to_schema_13(&raw(&desk.store));
    let data = desk.dir.path().join("data");
    let Desk {
        store,
        cfg,
        files,
        dir,
    } = desk;
    drop(store);
    let store =
        Store::open(&data, cfg.desk_context(), sigap::store::Access::Write).expect("migrates");
    let mut desk = Desk {
        store,
        cfg,
        files,
        dir,
    };
    let now = ops(&desk.store);
    assert_eq!(now[&a].state, OpState::Exported);
    assert_eq!(batch_of(&desk.store, &a), b1);
    assert_eq!(now[&b].state, OpState::Pending);
    assert_counts_match_recount(&desk.store);
    // The pending one leaves in the next batch, the exported one stays in its own.
    let second = export(&mut desk);
    assert_eq!(ids_in_file(&first), [a.as_str()]);
    assert_eq!(ids_in_file(&second), [b.as_str()]);
    assert_eq!(in_batch(&desk.store, &b1), [a.as_str()]);
    assert_ne!(batch_of(&desk.store, &b), b1);
    assert!(desk.store.check().expect("check").problems.is_empty());
    assert_counts_match_recount(&desk.store);
}
