//! The inbox's store side: every saved view pages the same rows forwards and
//! backwards, agrees with the maintained counts, and the counts stay right through
//! imports and operations.

mod common;

use common::{assert_counts_match_recount, query_rows, raw};
use sigap::config::Config;
use sigap::domain::{ComplaintId, OpKind, Stage, TransferReason, needs_action};
use sigap::store::{Access, Direction, ListFilter, Store, ViewQuery};
use sigap::sync::{OpRequest, import_file, queue_operations};
use std::path::Path;

fn desk() -> (tempfile::TempDir, Config, Store) {
    let dir = tempfile::tempdir().expect("tempdir");
    let cfg = Config::parse(
        "agency = \"3529-DINSOS\"\nofficer = \"Ahmad Fauzi\"\n",
        Path::new("test.toml"),
    )
    .expect("config");
    let mut store = Store::open(dir.path(), cfg.desk_context(), Access::Write).expect("open");
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/inbound-3529-DINSOS-0001.jsonl");
    import_file(&mut store, &cfg, &fixture).expect("import");
    (dir, cfg, store)
}

fn today() -> chrono::NaiveDate {
    "2026-10-20".parse().expect("date")
}

fn views() -> Vec<ViewQuery> {
    let t = today();
    vec![
        ViewQuery::NeedsAction,
        ViewQuery::DueBetween(t, "2026-10-21".parse().expect("date")),
        ViewQuery::DueBefore(t),
        ViewQuery::Status("diproses".into()),
        ViewQuery::Status("selesai".into()),
        ViewQuery::Transferred,
        ViewQuery::Outbox,
        ViewQuery::All,
    ]
}

fn all_by_paging(store: &Store, v: &ViewQuery, dir: Direction) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut key: Option<String> = None;
    loop {
        let page = store.page(v, key.as_deref(), dir, false, 7).expect("page");
        if page.is_empty() {
            break;
        }
        key = Some(match dir {
            Direction::Forward => page.last().map(|r| r.sort_key.clone()).unwrap_or_default(),
            Direction::Backward => page.first().map(|r| r.sort_key.clone()).unwrap_or_default(),
        });
        let ids: Vec<String> = page.into_iter().map(|r| r.id.0).collect();
        match dir {
            Direction::Forward => out.extend(ids),
            Direction::Backward => {
                let mut all = ids;
                all.extend(out);
                out = all;
            }
        }
    }
    out
}

fn check_counts(store: &Store) {
    let t = today();
    let counts = store
        .view_counts(t, (t, "2026-10-21".parse().expect("date")))
        .expect("counts");
    let c = counts;
    let expected = [
        c.needs_action,
        c.due_soon,
        c.late,
        c.in_progress,
        c.done,
        c.transferred,
        c.outbox,
        c.all,
    ];
    for (i, v) in views().iter().enumerate() {
        let fwd = all_by_paging(store, v, Direction::Forward);
        let back = all_by_paging(store, v, Direction::Backward);
        assert_eq!(fwd, back, "view {v:?} pages the same both ways");
        assert_eq!(fwd, store.view_ids(v).expect("ids"), "{v:?}");
        assert_eq!(fwd.len(), expected[i], "maintained count of {v:?}");
    }
    // The domain's *needs action* rule picks the same rows as the view's SQL.
    let by_rule: Vec<String> = store
        .list(&ListFilter::default())
        .expect("list")
        .into_iter()
        .filter(|r| {
            needs_action(
                r.in_scope,
                &r.status,
                r.first_response_at.is_some(),
                r.transfer_proposed,
            )
        })
        .map(|r| r.id.0)
        .collect();
    assert_eq!(
        by_rule,
        store.view_ids(&ViewQuery::NeedsAction).expect("ids"),
        "the Rust rule and the SQL rule"
    );
    assert_eq!(by_rule.len(), counts.needs_action);
}

#[test]
fn views_page_both_ways_and_match_their_counts() {
    let (_d, _cfg, store) = desk();
    check_counts(&store);
    let all = store.view_ids(&ViewQuery::All).expect("all");
    assert_eq!(all.len(), 40);
    // Most urgent first: the sort key orders the whole list.
    let rows = store
        .page(&ViewQuery::All, None, Direction::Forward, false, 100)
        .expect("page");
    assert!(rows.windows(2).all(|w| w[0].sort_key < w[1].sort_key));
    // A range between two keys, in either order.
    let ids = store
        .ids_between(&ViewQuery::All, &rows[12].sort_key, &rows[3].sort_key)
        .expect("between");
    assert_eq!(ids.len(), 10);
    // Rows by cache id keep the order asked for.
    let want = vec![rows[5].rowid, rows[1].rowid, 999_999];
    let got = store.rows_by_rowid(&want).expect("rowids");
    assert_eq!(
        got.iter().map(|r| r.rowid).collect::<Vec<_>>(),
        vec![rows[5].rowid, rows[1].rowid]
    );
    // Offsets for jumps.
    let at = store.page_at(&ViewQuery::All, 30, 5).expect("offset");
    assert_eq!(at[0].id, rows[30].id);
    // The search texts of a view.
    let texts = store.search_texts(&ViewQuery::All).expect("texts");
    assert_eq!(texts.len(), 40);
    for i in 0..texts.len() {
        let row = &rows[texts.place[i] as usize];
        assert_eq!(
            texts.rowids[i], row.rowid,
            "entry {i} is the row at its place"
        );
        assert!(
            texts
                .get(i)
                .ends_with(&format!(" {}", row.id.0.to_lowercase()))
        );
    }
    // Loading them reports how far it is, the same texts in the end.
    let mut heard = Vec::new();
    let reported = store
        .search_texts_reporting(&ViewQuery::All, 16, &mut |done, all| {
            heard.push((done, all))
        })
        .expect("texts");
    assert_eq!(heard, vec![(16, 40), (32, 40)]);
    assert_eq!(reported.rowids, texts.rowids);
    let needs = store.search_texts(&ViewQuery::NeedsAction).expect("texts");
    let ids = store.view_ids(&ViewQuery::NeedsAction).expect("ids");
    assert_eq!(needs.len(), ids.len());
    for i in 0..needs.len() {
        let id = &ids[needs.place[i] as usize];
        assert!(
            needs.get(i).ends_with(&format!(" {}", id.to_lowercase())),
            "{i}"
        );
    }
}

/// A view with few rows looks their texts up instead of scanning the whole table: the
/// same texts, in the view's order.
#[test]
fn a_small_view_reads_the_same_texts() {
    let (_d, cfg, mut store) = desk();
    let ids = store.view_ids(&ViewQuery::All).expect("ids");
    let now = chrono::DateTime::parse_from_rfc3339("2026-10-20T09:00:00+07:00").expect("now");
    let reqs: Vec<OpRequest> = [&ids[7], &ids[2]]
        .into_iter()
        .map(|id| OpRequest {
            complaint_id: ComplaintId(id.clone()),
            kind: OpKind::Response {
                stage: Stage::Progress,
                text: "Sedang ditangani.".into(),
            },
            placeholders_checked: false,
        })
        .collect();
    queue_operations(&mut store, &cfg, &reqs, now).expect("queue");
    let outbox = store.view_ids(&ViewQuery::Outbox).expect("outbox");
    assert_eq!(outbox.len(), 2);
    let texts = store.search_texts(&ViewQuery::Outbox).expect("texts");
    assert_eq!(texts.len(), 2);
    for i in 0..2 {
        let id = &outbox[texts.place[i] as usize];
        assert!(
            texts.get(i).ends_with(&format!(" {}", id.to_lowercase())),
            "{i}"
        );
    }
}

#[test]
fn counts_follow_operations_and_imports() {
    let (_d, cfg, mut store) = desk();
    let ids = store.view_ids(&ViewQuery::NeedsAction).expect("ids");
    assert!(ids.len() >= 3);
    let now = chrono::DateTime::parse_from_rfc3339("2026-10-20T09:00:00+07:00").expect("now");
    let reqs = vec![
        OpRequest {
            complaint_id: ComplaintId(ids[0].clone()),
            kind: OpKind::Response {
                stage: Stage::Initial,
                text: "Terima kasih".into(),
            },
            placeholders_checked: false,
        },
        OpRequest {
            complaint_id: ComplaintId(ids[1].clone()),
            kind: OpKind::Transfer {
                to_agency: None,
                reason: TransferReason::NotOurUnit,
                note: "bukan kami".into(),
            },
            placeholders_checked: false,
        },
    ];
    queue_operations(&mut store, &cfg, &reqs, now).expect("queue");
    check_counts(&store);
    let needs = store.view_ids(&ViewQuery::NeedsAction).expect("ids");
    assert!(!needs.contains(&ids[0]) && !needs.contains(&ids[1]));
    let outbox = store.view_ids(&ViewQuery::Outbox).expect("outbox");
    assert_eq!(outbox.len(), 2);
    let transferred = store
        .view_ids(&ViewQuery::Transferred)
        .expect("transferred");
    assert!(transferred.contains(&ids[1]));
    sigap::sync::ops::undo_last(&mut store).expect("undo");
    check_counts(&store);
}

#[test]
fn a_changed_scope_recomputes_every_row() {
    let (dir, _cfg, store) = desk();
    drop(store);
    let other = Config::parse("agency = \"3529-DPUBM\"\n", Path::new("t.toml")).expect("config");
    let store = Store::open(dir.path(), other.desk_context(), Access::Write).expect("reopen");
    assert_eq!(
        store.view_ids(&ViewQuery::Transferred).expect("ids").len(),
        40
    );
    assert!(
        store
            .view_ids(&ViewQuery::NeedsAction)
            .expect("ids")
            .is_empty()
    );
    check_counts(&store);
}

#[test]
fn the_import_fast_path_derives_what_a_full_recount_does() {
    let (dir, cfg, mut store) = desk();
    let dump = |store: &Store| -> Vec<String> {
        query_rows(
            &raw(store),
            "SELECT id, first_response_at, final_response_at, latest_response_at,
                    latest_reply_at, first_response_due, completion_due, urgency_due,
                    in_scope, transfer_proposed, sort_key, o.outbox_key, o.pending, o.troubled
             FROM complaints c LEFT JOIN outbox o ON o.complaint = c.rowid ORDER BY id",
        )
    };
    let counts = |store: &Store| -> Vec<String> {
        let conn = &raw(store);
        ["view_counts", "status_counts", "due_counts"]
            .iter()
            .flat_map(|t| query_rows(conn, &format!("SELECT * FROM {t} ORDER BY 1")))
            .collect()
    };
    // Queue operations on a few complaints and export them: the export's bulk update
    // must leave what a full recount gives too.
    let ids = store.view_ids(&ViewQuery::All).expect("ids");
    let now = chrono::DateTime::parse_from_rfc3339("2026-10-20T09:00:00+07:00").expect("now");
    let reqs: Vec<OpRequest> = ids
        .iter()
        .take(5)
        .map(|id| OpRequest {
            complaint_id: ComplaintId(id.clone()),
            kind: OpKind::Response {
                stage: Stage::Final,
                text: "Selesai".into(),
            },
            placeholders_checked: false,
        })
        .collect();
    queue_operations(&mut store, &cfg, &reqs, now).expect("queue");
    let mut cfg_out = cfg.clone();
    cfg_out.export_dir = Some(dir.path().join("keluar"));
    sigap::sync::export_pending(&mut store, &cfg_out, None, false, now).expect("export");
    queue_operations(&mut store, &cfg, &reqs[..2], now).expect("queue again");
    let fast = dump(&store);
    let fast_counts = counts(&store);
    raw(&store)
        .execute("DELETE FROM meta WHERE key = 'sla_fingerprint'", [])
        .expect("forget the context");
    drop(store);
    let store = Store::open(dir.path(), cfg.desk_context(), Access::Write).expect("reopen");
    assert_eq!(dump(&store), fast);
    assert_eq!(counts(&store), fast_counts);
    assert_counts_match_recount(&store);
}

/// Defect: after a bulk hold of 32 complaints, `u` removed one operation and left 31.
/// Undo takes back the whole last action in one transaction, and a second undo the
/// action before it.
#[test]
fn undo_takes_back_a_whole_action_then_the_one_before() {
    let (_d, cfg, mut store) = desk();
    let ids = store.view_ids(&ViewQuery::All).expect("ids");
    assert!(ids.len() >= 33, "the fixture has enough complaints");
    let now = chrono::DateTime::parse_from_rfc3339("2026-10-20T09:00:00+07:00").expect("now");
    let hold = |id: &String| OpRequest {
        complaint_id: ComplaintId(id.clone()),
        kind: OpKind::Hold {
            missing: "Fotokopi KTP".into(),
        },
        placeholders_checked: false,
    };
    // One action on the first complaint, then a bulk hold of 32 others.
    queue_operations(&mut store, &cfg, &[hold(&ids[0])], now).expect("first");
    let bulk: Vec<OpRequest> = ids[1..33].iter().map(hold).collect();
    queue_operations(&mut store, &cfg, &bulk, now).expect("bulk");
    let pending = |store: &Store| {
        store
            .status(&cfg.agency, today())
            .expect("status")
            .pending_operations
    };
    assert_eq!(pending(&store), 33);

    let undone = sigap::sync::ops::undo_last(&mut store).expect("undo");
    assert_eq!(undone.len(), 32, "the whole bulk hold");
    assert_eq!(pending(&store), 1);
    check_counts(&store);

    let undone = sigap::sync::ops::undo_last(&mut store).expect("undo again");
    assert_eq!(undone.len(), 1);
    assert_eq!(undone[0].complaint_id.as_str(), ids[0]);
    assert_eq!(pending(&store), 0);
    assert!(
        sigap::sync::ops::undo_last(&mut store)
            .expect("nothing")
            .is_empty()
    );
    check_counts(&store);
}
