//! A reply by the reporter or an admin that follows its complaint in a batch is given to
//! the complaint's row when it is inserted, instead of an update per reply. Whatever
//! the order of the records, the cache ends as if every reply had been noted one by
//! one: the same latest reply as records delivered in separate batches, and `check`
//! finds every derived column equal to its recomputation.

mod common;

use common::*;
use sigap::store::ListFilter;
use sigap::sync::import_bytes;
use std::collections::BTreeMap;

const C1: &str = "LAP-2026-0000001";
const C2: &str = "LAP-2026-0000002";
const C3: &str = "LAP-2026-0000003";
const C4: &str = "LAP-2026-0000004";
const C5: &str = "LAP-2026-0000005";

fn head(seq: u64) -> Head {
    Head::new(SCOPE, seq, &format!("b-{seq}"), "2026-11-20T07:00:00+07:00")
}

/// The complaints of the test, each as its own record.
fn complaints() -> Vec<serde_json::Value> {
    [C1, C2, C3, C4, C5]
        .iter()
        .map(|id| complaint(id, 1, "Bantuan PKH tidak cair", SCOPE))
        .collect()
}

/// Their thread, in the order a batch may bring it.
fn thread() -> Vec<(String, serde_json::Value)> {
    let m = |id: &str, c: &str, at: &str, author: &str| {
        (c.to_owned(), message(id, c, at, author, "Mohon kabarnya."))
    };
    vec![
        // Two replies, the later first, then an agency's answer, then one more reply.
        m("M-1a", C1, "2026-11-06T10:00:00+07:00", "reporter"),
        m("M-1b", C1, "2026-11-05T09:00:00+07:00", "admin"),
        m("M-1c", C1, "2026-11-06T11:00:00+07:00", "agency"),
        m("M-1d", C1, "2026-11-07T08:00:00+07:00", "reporter"),
        // An answer first, then a reply.
        m("M-2a", C2, "2026-11-05T10:00:00+07:00", "agency"),
        m("M-2b", C2, "2026-11-06T10:00:00+07:00", "reporter"),
        // A reply that is already stored, for another complaint (see the first batch).
        m("M-OLD", C3, "2026-11-09T10:00:00+07:00", "reporter"),
        // A reply with no complaint before it in the batch (its complaint comes later).
        m("M-5a", C5, "2026-11-08T10:00:00+07:00", "reporter"),
    ]
}

/// Each complaint's latest reply, as the desk lists it.
fn latest_replies(d: &Desk) -> BTreeMap<String, Option<String>> {
    d.store
        .list(&ListFilter::default())
        .expect("list")
        .into_iter()
        .map(|r| (r.id.0, r.latest_reply_at.map(|t| t.to_rfc3339())))
        .collect()
}

/// A desk that already holds the message `M-OLD` for complaint C4.
fn desk_with_an_old_message() -> Desk {
    let mut d = Desk::new();
    let first = [
        complaint(C4, 1, "Bantuan PKH tidak cair", SCOPE),
        message(
            "M-OLD",
            C4,
            "2026-11-03T10:00:00+07:00",
            "reporter",
            "Sudah lama.",
        ),
    ];
    import_bytes(&mut d.store, &d.cfg, "b-1", batch(&head(1), &first)).expect("first batch");
    d
}

#[test]
fn replies_after_their_complaint_end_as_if_noted_one_by_one() {
    // Each complaint followed by its thread, except C5, whose reply comes first.
    let mut folded = desk_with_an_old_message();
    let mut records = Vec::new();
    let thread = thread();
    for c in complaints() {
        let id = c["id"].as_str().expect("id").to_owned();
        if id == C5 {
            continue;
        }
        records.push(c);
        records.extend(
            thread
                .iter()
                .filter(|(of, _)| *of == id)
                .map(|(_, m)| m.clone()),
        );
    }
    records.extend(
        thread
            .iter()
            .filter(|(of, _)| of == C5)
            .map(|(_, m)| m.clone()),
    );
    records.push(complaint(C5, 1, "Bantuan PKH tidak cair", SCOPE));
    let r = import_bytes(
        &mut folded.store,
        &folded.cfg,
        "b-2",
        batch(&head(2), &records),
    )
    .expect("the batch");
    assert_eq!(r.complaints_new, 4);
    // M-OLD is known already: it is not stored again, not even for C3.
    assert_eq!(r.messages_new, 7);

    // The same records, the thread in a batch of its own after the complaints.
    let mut apart = desk_with_an_old_message();
    import_bytes(
        &mut apart.store,
        &apart.cfg,
        "b-2",
        batch(&head(2), &complaints()),
    )
    .expect("the complaints");
    let messages: Vec<_> = thread.into_iter().map(|(_, m)| m).collect();
    import_bytes(
        &mut apart.store,
        &apart.cfg,
        "b-3",
        batch(&head(3), &messages),
    )
    .expect("the thread");

    let replies = latest_replies(&folded);
    assert_eq!(replies, latest_replies(&apart));
    let at = |id: &str| replies[id].clone();
    // The latest of the two replies, not the last one read; the admin's counts too.
    assert_eq!(at(C1).as_deref(), Some("2026-11-07T01:00:00+00:00"));
    assert_eq!(at(C2).as_deref(), Some("2026-11-06T03:00:00+00:00"));
    // C3's only reply is stored for C4: C3 has none.
    assert_eq!(at(C3), None);
    assert_eq!(at(C4).as_deref(), Some("2026-11-03T03:00:00+00:00"));
    assert_eq!(at(C5).as_deref(), Some("2026-11-08T03:00:00+00:00"));
    for d in [&mut folded, &mut apart] {
        let check = d.store.check().expect("check");
        assert!(check.problems.is_empty(), "{:?}", check.problems);
    }
}

#[test]
fn a_reply_to_a_complaint_already_cached_moves_its_latest_reply() {
    let mut d = desk_with_an_old_message();
    // C4 again at the same revision, then a newer reply: the complaint is not new.
    let records = [
        complaint(C4, 1, "Bantuan PKH tidak cair", SCOPE),
        message(
            "M-4b",
            C4,
            "2026-11-10T10:00:00+07:00",
            "reporter",
            "Bagaimana?",
        ),
    ];
    import_bytes(&mut d.store, &d.cfg, "b-2", batch(&head(2), &records)).expect("the batch");
    assert_eq!(
        latest_replies(&d)[C4].as_deref(),
        Some("2026-11-10T03:00:00+00:00")
    );
    assert!(d.store.check().expect("check").problems.is_empty());
}
