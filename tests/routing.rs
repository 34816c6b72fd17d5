//! The suggester on small hand-built caches: a transfer chain teaches the last agency
//! and marks a new complaint like it, a location outside the region points at that
//! region, an empty cache falls back on the keyword table, a single-agency desk has
//! nothing else to suggest, the misrouted view's count agrees with a recount, and
//! confidential complaints are never quoted.

mod common;
mod routing_desk;

use common::{Desk, agency};
use routing_desk::*;
use serde_json::{Value, json};
use sigap::domain::routing::Reason;
use sigap::domain::{ComplaintId, OpKind, TransferReason};
use sigap::i18n::Lang;
use sigap::store::{ComplaintRow, ListFilter, Store};
use sigap::sync::{OpRequest, queue_operations};

#[test]
fn a_transfer_chain_teaches_the_last_agency_and_marks_a_complaint_like_it() {
    let desk = desk_with_a_transfer_chain();
    let s = desk
        .store
        .suggest("LAP-NEW")
        .expect("suggest")
        .expect("known");
    assert_eq!(s.agency.as_str(), "3529-DINSOS");
    let top = &s.suggestions[0];
    assert_eq!(top.agency.as_str(), "3529-DPUBM", "{s:#?}");
    assert!(top.score >= 0.8 && top.score <= 1.0, "{}", top.score);
    assert!(
        s.suggestions
            .iter()
            .all(|g| g.agency.as_str() != "3529-DINSOS")
    );
    assert!(s.suggestions.len() <= 5);
    match &top.reason {
        Reason::Similar { similar, word } => {
            assert_eq!(*similar, 6, "the six transferred complaints");
            assert!(word.is_some());
        }
        other => panic!("reason {other:?}"),
    }
    assert!(s.misrouted, "the inbox marks it");
    let marked = misrouted(&desk.store);
    let ids: Vec<&str> = marked.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["LAP-NEW"]);
    assert_eq!(marked[0].misrouted_to.as_deref(), Some("3529-DPUBM"));
    // The transferred ones now sit at their right office and are not marked.
    let r0 = desk
        .store
        .suggest("LAP-R0")
        .expect("suggest")
        .expect("known");
    assert!(!r0.misrouted);
}

#[test]
fn the_misrouted_count_agrees_with_a_recount_and_a_transfer_takes_it_out() {
    let mut desk = desk_with_a_transfer_chain();
    let today = Desk::today();
    let counts = |d: &Desk| {
        d.store
            .view_counts(today, (today, today))
            .expect("counts")
            .misrouted
    };
    let recount = |d: &Desk| -> usize {
        common::raw(&d.store)
            .query_row(
                "SELECT count(*) FROM complaints WHERE misrouted_to IS NOT NULL AND transfer_proposed = 0",
                [],
                |r| r.get::<_, i64>(0),
            )
            .expect("recount") as usize
    };
    assert_eq!(counts(&desk), 1);
    assert_eq!(counts(&desk), recount(&desk));
    common::assert_counts_match_recount(&desk.store);
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-20T09:00:00+07:00").expect("now");
    let req = OpRequest {
        complaint_id: ComplaintId::from("LAP-NEW"),
        kind: OpKind::Transfer {
            to_agency: Some("3529-DPUBM".into()),
            reason: TransferReason::NotOurUnit,
            note: "Urusan jalan kabupaten".into(),
        },
        placeholders_checked: false,
    };
    queue_operations(&mut desk.store, &desk.cfg, &[req], now).expect("queue");
    assert_eq!(counts(&desk), 0);
    assert_eq!(recount(&desk), 0);
    common::assert_counts_match_recount(&desk.store);
}

#[test]
fn a_location_outside_the_region_points_at_that_region() {
    let mut desk = coordinator();
    let mut c = case(
        "LAP-P1",
        1,
        "Bantuan PKH tidak cair",
        AID,
        "3529-DINSOS",
        "terdisposisi",
    );
    c["location"] = json!("Desa Larangan Tokol, Kec. Tlanakan, Kab. Pamekasan");
    let mut records = directory();
    records.push(c);
    import(&mut desk, 1, &records);
    let s = desk
        .store
        .suggest("LAP-P1")
        .expect("suggest")
        .expect("known");
    let top = &s.suggestions[0];
    assert_eq!(top.agency.as_str(), "3528");
    assert_eq!(
        Lang::Id.route_reason(&top.reason, &top.name),
        "lokasi di Kab. Pamekasan, di luar wilayah Kab. Sumenep"
    );
    assert_eq!(
        Lang::En.route_reason(&top.reason, &top.name),
        "location in Kab. Pamekasan, outside Kab. Sumenep"
    );
    assert!(s.misrouted);
}

#[test]
fn an_empty_cache_falls_back_on_the_keyword_table() {
    let mut desk = coordinator();
    let mut records = directory();
    records.push(case(
        "LAP-K1",
        1,
        "Bidan desa tidak pernah datang ke posyandu",
        "Sudah tiga bulan posyandu tidak buka dan bidan tidak ada di polindes.",
        "3529-DINSOS",
        "terdisposisi",
    ));
    import(&mut desk, 1, &records);
    let s = desk
        .store
        .suggest("LAP-K1")
        .expect("suggest")
        .expect("known");
    assert_eq!(s.suggestions[0].agency.as_str(), "3529-DINKES", "{s:#?}");
    assert!(matches!(
        s.suggestions[0].reason,
        Reason::Keyword { word: Some(_) }
    ));
    assert!(desk.store.suggest("LAP-NONE").expect("suggest").is_none());
}

#[test]
fn a_cache_without_a_directory_or_history_suggests_nothing() {
    let mut desk = coordinator();
    import(
        &mut desk,
        1,
        &[case(
            "LAP-E1",
            1,
            "Keluhan warga",
            "Mohon dibantu.",
            "3529-DINSOS",
            "terdisposisi",
        )],
    );
    let s = desk
        .store
        .suggest("LAP-E1")
        .expect("suggest")
        .expect("known");
    assert!(s.suggestions.is_empty(), "{s:#?}");
    assert!(!s.misrouted);
    let e = desk.store.evaluate_routing().expect("evaluate");
    assert_eq!(e.complaints, 0);
}

#[test]
fn a_single_agency_desk_has_nothing_else_to_suggest() {
    let mut desk = Desk::new();
    let mut records = vec![agency("3529-DINSOS", "Dinas Sosial")];
    for i in 0..8 {
        records.push(case(
            &format!("LAP-S{i}"),
            1,
            "PKH tidak cair",
            AID,
            "3529-DINSOS",
            "selesai",
        ));
    }
    records.push(case(
        "LAP-S9",
        1,
        "Jalan berlubang",
        ROAD,
        "3529-DINSOS",
        "terdisposisi",
    ));
    import(&mut desk, 1, &records);
    let s = desk
        .store
        .suggest("LAP-S9")
        .expect("suggest")
        .expect("known");
    assert!(s.suggestions.is_empty(), "{s:#?}");
    assert!(!s.misrouted);
    let e = desk.store.evaluate_routing().expect("evaluate");
    assert_eq!((e.complaints, e.top1), (8, 1.0));
}

#[test]
fn confidential_and_anonymous_complaints_teach_but_are_never_quoted() {
    let mut desk = coordinator();
    let mut records = directory();
    for i in 0..6 {
        let mut c = case(
            &format!("LAP-C{i}"),
            1,
            "Jalan berlubang",
            ROAD,
            "3529-DPUBM",
            "selesai",
        );
        c["confidential"] = json!(true);
        records.push(c);
    }
    let mut subject = case(
        "LAP-C9",
        1,
        "Jalan berlubang",
        ROAD,
        "3529-DINSOS",
        "terdisposisi",
    );
    subject["anonymous"] = json!(true);
    subject["reporter"] = Value::Null;
    records.push(subject);
    import(&mut desk, 1, &records);
    let s = desk
        .store
        .suggest("LAP-C9")
        .expect("suggest")
        .expect("known");
    assert_eq!(s.suggestions[0].agency.as_str(), "3529-DPUBM");
    for g in &s.suggestions {
        let text = Lang::Id.route_reason(&g.reason, &g.name);
        assert!(!text.contains('"'), "no word quoted: {text}");
        assert!(
            !text.contains("berlubang") && !text.contains("aspal"),
            "{text}"
        );
    }
}

#[test]
fn likely_duplicates_are_linked_within_the_window_and_not_across_it() {
    let mut desk = coordinator();
    let at = |id: &str, title: &str, day: u32, place: &str| {
        let mut c = case(id, 1, title, ROAD, "3529-DPUBM", "terdisposisi");
        c["submitted_at"] = json!(format!("2026-11-{day:02}T09:00:00+07:00"));
        c["location"] = json!(place);
        c
    };
    let here = "Desa Batuan, Kec. Batuan, Kab. Sumenep";
    import(
        &mut desk,
        1,
        &[
            at("LAP-D1", "Jalan berlubang di Desa Batuan", 2, here),
            at("LAP-D2", "Jalan desa Batuan berlubang", 9, here),
            at("LAP-D3", "jalan berlubang desa batuan!", 10, here),
            at("LAP-D4", "PKH tidak cair", 2, here),
            at(
                "LAP-D5",
                "Jalan berlubang di Desa Batuan",
                2,
                "Desa Gapura, Kec. Gapura",
            ),
        ],
    );
    let dups = |id: &str, days: u32| -> Vec<String> {
        let found = desk.store.duplicates(id, days).expect("duplicates");
        found.into_iter().map(|i| i.0).collect()
    };
    // Seven days apart is inside a seven-day window; eight is not.
    assert_eq!(dups("LAP-D1", 7), ["LAP-D2"]);
    assert_eq!(dups("LAP-D2", 7), ["LAP-D1", "LAP-D3"]);
    assert_eq!(dups("LAP-D3", 7), ["LAP-D2"]);
    assert_eq!(dups("LAP-D1", 8), ["LAP-D2", "LAP-D3"]);
    assert!(dups("LAP-D4", 30).is_empty(), "another title");
    assert!(dups("LAP-D5", 30).is_empty(), "another place");
    // Nothing is merged or hidden.
    assert_eq!(
        desk.store.list(&ListFilter::default()).expect("list").len(),
        5
    );
}

/// A busy village (600 complaints in a month, about twenty a day): a duplicate a day
/// apart is found among the others of the same place and week, and none of those is
/// taken for one.
#[test]
fn a_duplicate_is_found_among_hundreds_of_complaints_of_its_place() {
    let mut desk = coordinator();
    let here = "Desa Pajagalan, Kec. Kota Sumenep, Kab. Sumenep";
    let subjects = ["Lampu jalan mati", "Sampah menumpuk", "Drainase tersumbat"];
    let mut batch: Vec<Value> = (0..600)
        .map(|i| {
            let title = format!("{} nomor {i} di Desa Pajagalan", subjects[i % 3]);
            let mut c = case(
                &format!("LAP-B{i:04}"),
                1,
                &title,
                ROAD,
                "3529-DPUBM",
                "terdisposisi",
            );
            c["submitted_at"] = json!(format!(
                "2026-11-{:02}T09:{:02}:00+07:00",
                1 + i % 28,
                i % 60
            ));
            c["location"] = json!(here);
            c
        })
        .collect();
    for (id, day) in [("LAP-X1", 11), ("LAP-X2", 12)] {
        let mut c = case(
            id,
            1,
            "Jembatan kayu ambruk di Desa Pajagalan",
            ROAD,
            "3529-DPUBM",
            "terdisposisi",
        );
        c["submitted_at"] = json!(format!("2026-11-{day}T10:30:00+07:00"));
        c["location"] = json!(here);
        batch.push(c);
    }
    import(&mut desk, 1, &batch);
    let found = desk.store.duplicates("LAP-X1", 7).expect("duplicates");
    assert_eq!(found, [ComplaintId::from("LAP-X2")]);
    let found = desk.store.duplicates("LAP-X2", 7).expect("duplicates");
    assert_eq!(found, [ComplaintId::from("LAP-X1")]);
}

/// An import that marks more than 2,000 complaints reads the whole model at once instead
/// of its terms one by one, and marks them on two threads; the marks are the same as
/// when the same complaints arrive in smaller batches.
#[test]
fn a_large_import_marks_what_smaller_batches_mark() {
    let learned: Vec<Value> = (0..2_000)
        .map(|i| {
            let (title, body, office) = if i % 2 == 0 {
                ("Jalan berlubang", ROAD, "3529-DPUBM")
            } else {
                ("Bantuan PKH tidak cair", AID, "3529-DINSOS")
            };
            case(
                &format!("LAP-L{i:04}"),
                1,
                &format!("{title} nomor {i}"),
                body,
                office,
                "selesai",
            )
        })
        .collect();
    // 1,100 aid complaints sent to the roads office, 1,000 roads complaints rightly there.
    let open: Vec<Value> = (0..2_100)
        .map(|i| {
            let (title, body) = if i < 1_100 {
                ("Bantuan PKH tidak cair", AID)
            } else {
                ("Jalan berlubang", ROAD)
            };
            case(
                &format!("LAP-O{i:04}"),
                1,
                &format!("{title} nomor {i}"),
                body,
                "3529-DPUBM",
                "terdisposisi",
            )
        })
        .collect();
    let marks = |desk: &Desk| -> Vec<(String, Option<String>)> {
        let list = misrouted(&desk.store);
        let mut m: Vec<_> = list.into_iter().map(|r| (r.id.0, r.misrouted_to)).collect();
        m.sort();
        m
    };

    let mut whole = coordinator();
    let mut all = directory();
    all.extend(learned.iter().cloned());
    all.extend(open.iter().cloned());
    import(&mut whole, 1, &all);

    let mut parts = coordinator();
    let mut first = directory();
    first.extend(learned);
    import(&mut parts, 1, &first);
    for (n, chunk) in open.chunks(700).enumerate() {
        import(&mut parts, 2 + n as u64, chunk);
    }

    let (a, b) = (marks(&whole), marks(&parts));
    assert_eq!(a, b, "one large import and three smaller ones mark alike");
    assert!(
        a.len() >= 1_000,
        "most misrouted aid complaints are marked: {}",
        a.len()
    );
    assert!(
        a.iter()
            .all(|(id, to)| id.as_str() < "LAP-O1100" && to.as_deref() == Some("3529-DINSOS")),
        "only the aid complaints, each to the social office"
    );
}

/// The demo shows it: the view holds complaints the story sent to the wrong office, each
/// with the office the suggester names.
#[test]
fn the_demo_view_finds_clearly_misrouted_complaints() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (_cfg, store, _) = sigap::sync::demo::load(dir.path(), Desk::today()).expect("demo");
    let marked = misrouted(&store);
    let found: Vec<(&str, &str, Option<&str>)> = marked
        .iter()
        .map(|r| {
            (
                r.title.as_str(),
                r.agency.as_str(),
                r.misrouted_to.as_deref(),
            )
        })
        .collect();
    for expected in [
        (
            "Akta kematian suami belum terbit",
            "3529-DINSOS",
            Some("3529-DISDUKCAPIL"),
        ),
        (
            "Jalan desa berlubang di Gapura",
            "3529-SATPOLPP",
            Some("3529-DPUBM"),
        ),
        (
            "KTP-el rusak belum diganti",
            "3529-SATPOLPP",
            Some("3529-DISDUKCAPIL"),
        ),
    ] {
        assert!(found.contains(&expected), "{found:#?}");
    }
    let today = Desk::today();
    let counts = store.view_counts(today, (today, today)).expect("counts");
    assert_eq!(counts.misrouted, marked.len());
}

/// The complaints the cache marks as likely sent to the wrong office.
fn misrouted(store: &Store) -> Vec<ComplaintRow> {
    store
        .list(&ListFilter {
            misrouted: true,
            ..Default::default()
        })
        .expect("list")
}
