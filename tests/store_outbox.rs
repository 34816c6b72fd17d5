//! The outbox's own table (schema 10) through exports: the complaints whose operations
//! all left go, those with a rejected or conflicting operation stay with no pending
//! count, and the view, its count and every complaint's pending number agree with a
//! recount of the operations, whether a batch takes every pending operation or a part.

mod common;

use common::assert_counts_match_recount;
use sigap::config::Config;
use sigap::domain::{ComplaintId, OpKind, OpState, Stage};
use sigap::store::{Access, Store, ViewQuery};
use sigap::sync::{OpRequest, export_pending, import_file, queue_operations};
use std::path::Path;

fn desk() -> (tempfile::TempDir, Config, Store) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut cfg = Config::parse(
        "agency = \"3529-DINSOS\"\nofficer = \"Ahmad Fauzi\"\n",
        Path::new("test.toml"),
    )
    .expect("config");
    cfg.export_dir = Some(dir.path().join("keluar"));
    let mut store = Store::open(dir.path(), cfg.desk_context(), Access::Write).expect("open");
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/inbound-3529-DINSOS-0001.jsonl");
    import_file(&mut store, &cfg, &fixture).expect("import");
    (dir, cfg, store)
}

fn respond(id: &str) -> OpRequest {
    OpRequest {
        complaint_id: ComplaintId(id.into()),
        kind: OpKind::Response {
            stage: Stage::Progress,
            text: "Sedang kami tindak lanjuti.".into(),
        },
        placeholders_checked: false,
    }
}

fn now() -> chrono::DateTime<chrono::FixedOffset> {
    chrono::DateTime::parse_from_rfc3339("2026-10-20T09:00:00+07:00").expect("now")
}

/// The Outbox view's ids, sorted, and its maintained count.
fn outbox(store: &Store) -> (Vec<String>, usize) {
    let mut ids = store.view_ids(&ViewQuery::Outbox).expect("outbox");
    ids.sort();
    let day = "2026-10-20".parse().expect("day");
    let counts = store.view_counts(day, (day, day)).expect("counts");
    (ids, counts.outbox)
}

/// Complaints with a pending number, as the rows say.
fn pending_rows(store: &Store) -> Vec<(String, u32)> {
    let mut rows: Vec<(String, u32)> = store
        .list(&Default::default())
        .expect("list")
        .into_iter()
        .filter(|r| r.pending_operations > 0)
        .map(|r| (r.id.0, r.pending_operations))
        .collect();
    rows.sort();
    rows
}

#[test]
fn an_export_leaves_only_the_troubled_complaints_in_the_outbox() {
    let (_dir, cfg, mut store) = desk();
    let ids = store.view_ids(&ViewQuery::All).expect("ids");
    let six: Vec<String> = ids.iter().take(6).cloned().collect();
    let reqs: Vec<OpRequest> = six.iter().map(|id| respond(id)).collect();
    queue_operations(&mut store, &cfg, &reqs, now()).expect("queue");
    queue_operations(&mut store, &cfg, &reqs[..1], now()).expect("a second on the first");
    assert_eq!(outbox(&store), (sorted(&six), 6));
    let queued: u32 = pending_rows(&store).iter().map(|r| r.1).sum();
    assert_eq!(queued, 7);
    // The first complaint's operations conflict; an earlier one of the second was
    // rejected (its ack came back before this export).
    {
        let mut txn = store.txn().expect("txn");
        txn.mark_conflicts(&six[0]).expect("conflict");
        txn.commit().expect("commit");
    }
    let second = store.operations_for(&six[1]).expect("ops")[0]
        .op_id
        .0
        .clone();
    {
        let mut txn = store.txn().expect("txn");
        txn.set_op_state(&second, OpState::Rejected, Some("Tidak lengkap"))
            .expect("rejected");
        txn.commit().expect("commit");
    }
    assert_counts_match_recount(&store);
    export_pending(&mut store, &cfg, None, false, now()).expect("export");
    assert_eq!(outbox(&store), (sorted(&six[..2]), 2));
    assert!(pending_rows(&store).is_empty());
    assert_counts_match_recount(&store);
    // Queued again on a troubled complaint and on a clean one, then exported.
    queue_operations(
        &mut store,
        &cfg,
        &[respond(&six[1]), respond(&six[2])],
        now(),
    )
    .expect("queue again");
    assert_eq!(outbox(&store), (sorted(&six[..3]), 3));
    assert_counts_match_recount(&store);
    export_pending(&mut store, &cfg, None, false, now()).expect("export again");
    // The new response retired the rejected one: only the conflict is left.
    assert_eq!(outbox(&store), (vec![six[0].clone()], 1));
    assert_counts_match_recount(&store);
    let today = "2026-10-20".parse().expect("day");
    assert_eq!(
        store.status(&[], today).expect("status").pending_operations,
        0
    );
}

fn sorted(ids: &[String]) -> Vec<String> {
    let mut v = ids.to_vec();
    v.sort();
    v
}
