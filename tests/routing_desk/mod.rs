//! Small coordinator desks for the suggester's tests: a directory with two regencies,
//! complaints written to order, and a desk where a transfer chain taught the roads
//! office.
#![allow(dead_code)]

use crate::common::{Desk, Head, agency, complaint, config_text, write_batch};
use serde_json::{Value, json};
use sigap::sync::import_file;

/// A coordinator's desk over the whole regency.
pub fn coordinator() -> Desk {
    coordinator_in("id")
}

/// A coordinator's desk speaking `lang`.
pub fn coordinator_in(lang: &str) -> Desk {
    let text = config_text(&format!("language = \"{lang}\"\n"));
    Desk::with_config(&text.replace("agency = \"3529-DINSOS\"", "agency = \"3529\""))
}

pub fn directory() -> Vec<Value> {
    let mut d = vec![
        json!({"type": "agency", "code": "3529", "name": "Pemerintah Kabupaten Sumenep",
               "parent": null, "level": "kabupaten", "active": true}),
        json!({"type": "agency", "code": "3528", "name": "Pemerintah Kabupaten Pamekasan",
               "parent": null, "level": "kabupaten", "active": true}),
    ];
    d.push(agency("3529-DINSOS", "Dinas Sosial"));
    d.push(agency("3529-DPUBM", "Dinas Pekerjaan Umum Bina Marga"));
    d.push(agency("3529-DINKES", "Dinas Kesehatan"));
    d
}

/// A complaint with its own title, body, agency, status and location.
pub fn case(id: &str, rev: u64, title: &str, body: &str, agency: &str, status: &str) -> Value {
    let mut c = complaint(id, rev, title, agency);
    c["body"] = json!(body);
    c["status"] = json!(status);
    c["category"] = Value::Null;
    c["tags"] = json!([]);
    c
}

/// Imports a batch of the desk's (first) agency's stream.
pub fn import(desk: &mut Desk, seq: u64, records: &[Value]) {
    let stream = desk.cfg.agency[0].to_string();
    let at = format!("2026-11-{:02}T08:00:00+07:00", seq + 1);
    let head = Head::new(&stream, seq, &format!("b{seq}"), &at);
    let path = write_batch(&desk.files, &head, records);
    import_file(&mut desk.store, &desk.cfg, &path).expect("the batch imports");
}

pub const ROAD: &str = "Aspal jalan berlubang dan mengelupas, pengendara motor sering terjatuh.";
pub const AID: &str = "Bantuan PKH tidak cair sudah tiga tahap, pendamping tidak bisa dihubungi.";

/// Six road complaints first sent to the social office then transferred to the roads
/// office, and six aid complaints completed by the social office.
pub fn desk_with_a_transfer_chain() -> Desk {
    desk_with_a_transfer_chain_in("id")
}

/// The same desk speaking `lang`.
pub fn desk_with_a_transfer_chain_in(lang: &str) -> Desk {
    let mut desk = coordinator_in(lang);
    let mut first = directory();
    for i in 0..6 {
        first.push(case(
            &format!("LAP-R{i}"),
            1,
            "Jalan berlubang",
            ROAD,
            "3529-DINSOS",
            "terdisposisi",
        ));
        first.push(case(
            &format!("LAP-A{i}"),
            1,
            "PKH tidak cair",
            AID,
            "3529-DINSOS",
            "selesai",
        ));
    }
    import(&mut desk, 1, &first);
    let moved: Vec<Value> = (0..6)
        .map(|i| {
            case(
                &format!("LAP-R{i}"),
                2,
                "Jalan berlubang",
                ROAD,
                "3529-DPUBM",
                "terdisposisi",
            )
        })
        .collect();
    import(&mut desk, 2, &moved);
    import(
        &mut desk,
        3,
        &[case(
            "LAP-NEW",
            1,
            "Jalan berlubang di Batuan",
            ROAD,
            "3529-DINSOS",
            "terdisposisi",
        )],
    );
    desk
}
