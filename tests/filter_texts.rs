//! The filter's texts across changes of the cache: after an officer's action only the
//! view's rows are read again (the texts are kept, the stamp says they did not
//! change), after an import everything is; either way a search finds exactly what a
//! searcher starting afresh finds, and a view filtered before is kept beside.

mod common;

use common::*;
use sigap::domain::{ComplaintId, OpKind};
use sigap::runtime::search::Searcher;
use sigap::store::{Store, ViewQuery};
use sigap::sync::{OpRequest, queue_operations};

fn noop(_: u64, _: u64) {}

fn search(s: &mut Searcher, store: &Store, view: &ViewQuery, q: &str) -> Vec<i64> {
    s.prepare(store, view, &mut noop).expect("texts");
    s.search(q, &|| false, &mut |_| {}).expect("search")
}

fn afresh(store: &Store, view: &ViewQuery, q: &str) -> Vec<i64> {
    search(&mut Searcher::default(), store, view, q)
}

#[test]
fn an_action_reads_only_the_view_again_and_finds_what_a_fresh_search_finds() {
    let mut d = Desk::new();
    sigap::sync::import_file(&mut d.store, &d.cfg, &fixture_path()).expect("fixture");
    let mut s = Searcher::default();
    let before = search(&mut s, &d.store, &ViewQuery::Outbox, "lap");
    assert!(before.is_empty(), "nothing is in the outbox yet");
    let stamp = d.store.texts_stamp().expect("stamp");

    let ids = d.store.view_ids(&ViewQuery::All).expect("ids");
    let holds: Vec<OpRequest> = ids[..3]
        .iter()
        .map(|id| OpRequest {
            complaint_id: ComplaintId(id.clone()),
            kind: OpKind::Hold {
                missing: "Fotokopi KTP".into(),
            },
            placeholders_checked: false,
        })
        .collect();
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-20T09:00:00+07:00").expect("now");
    queue_operations(&mut d.store, &d.cfg, &holds, now).expect("hold");
    assert_eq!(
        d.store.texts_stamp().expect("stamp"),
        stamp,
        "an action changes no text"
    );

    // The same query again narrows from what it found, with the rows new to the view.
    s.invalidate();
    let after = search(&mut s, &d.store, &ViewQuery::Outbox, "lap");
    assert_eq!(
        after.len(),
        3,
        "the three held complaints are in the outbox"
    );
    assert_eq!(after, afresh(&d.store, &ViewQuery::Outbox, "lap"));
    // And a longer one too.
    let narrower = search(&mut s, &d.store, &ViewQuery::Outbox, "lap-2026");
    assert_eq!(narrower, afresh(&d.store, &ViewQuery::Outbox, "lap-2026"));
}

#[test]
fn an_import_reads_the_texts_again() {
    let mut d = Desk::new();
    sigap::sync::import_file(&mut d.store, &d.cfg, &fixture_path()).expect("fixture");
    let mut s = Searcher::default();
    assert!(search(&mut s, &d.store, &ViewQuery::All, "\"lampu\"").is_empty());
    let head = Head::new(SCOPE, 2, "baru-2", "2026-11-21T07:00:00+07:00");
    let records = [complaint(
        "LAP-2026-0099999",
        1,
        "Lampu jalan padam di Kalianget",
        SCOPE,
    )];
    sigap::sync::import_bytes(&mut d.store, &d.cfg, "baru.jsonl", batch(&head, &records))
        .expect("import");
    s.invalidate();
    let found = search(&mut s, &d.store, &ViewQuery::All, "\"lampu\"");
    assert_eq!(found.len(), 1, "the new complaint is found");
    assert_eq!(found, afresh(&d.store, &ViewQuery::All, "\"lampu\""));
}

#[test]
fn the_view_filtered_before_is_kept_and_checked_when_it_comes_back() {
    let mut d = Desk::new();
    sigap::sync::import_file(&mut d.store, &d.cfg, &fixture_path()).expect("fixture");
    let mut s = Searcher::default();
    let all = search(&mut s, &d.store, &ViewQuery::All, "jalan");
    let _ = search(&mut s, &d.store, &ViewQuery::NeedsAction, "jalan");
    // Back to the first view: the same answer, and still right after a change.
    assert_eq!(search(&mut s, &d.store, &ViewQuery::All, "jalan"), all);
    let head = Head::new(SCOPE, 2, "baru-2", "2026-11-21T07:00:00+07:00");
    let records = [complaint("LAP-2026-0099998", 1, "Jalan berlubang", SCOPE)];
    sigap::sync::import_bytes(&mut d.store, &d.cfg, "baru.jsonl", batch(&head, &records))
        .expect("import");
    s.invalidate();
    let _ = search(&mut s, &d.store, &ViewQuery::NeedsAction, "jalan");
    let again = search(&mut s, &d.store, &ViewQuery::All, "jalan");
    assert_eq!(again.len(), all.len() + 1);
    assert_eq!(again, afresh(&d.store, &ViewQuery::All, "jalan"));
}
