//! A coordinator desk's complaints for the suggester's benchmark and evaluation: a
//! regency's offices, each with its own topics and words (some shared with a
//! neighbouring office, as road lamps are both the roads' and the housing office's),
//! vague complaints that say little, and about one in eight complaints first sent to
//! the wrong office, most of them transferred later to the right one. A few happen in
//! the neighbouring regency. Deterministic: the same seed gives the same batches.

use crate::routing_offices::{NEIGHBOUR, OFFICES, Office, REGION_CODE};
use crate::support::Rng;
use sigap::sync::writer::{self, BatchWriter};
use std::path::{Path, PathBuf};

const PLACES: &[&str] = &[
    "Pinggir Papas",
    "Aeng Panas",
    "Banuaju",
    "Pajagalan",
    "Lenteng Timur",
    "Saronggi",
    "Gapura Timur",
    "Prenduan",
    "Dungkek",
    "Bluto",
    "Kalianget Timur",
    "Marengan Laok",
    "Legung Timur",
    "Pandian",
    "Batuan",
];
const KECAMATAN: &[&str] = &[
    "Kalianget",
    "Lenteng",
    "Saronggi",
    "Gapura",
    "Pragaan",
    "Dungkek",
    "Bluto",
    "Batuan",
];
const NEIGHBOUR_PLACES: &[&str] = &["Larangan", "Galis", "Pademawu", "Tlanakan", "Proppo"];
const GENERIC: &[&str] = &[
    "Sudah lebih dari dua minggu belum ada tindakan dari pihak terkait.",
    "Mohon segera ditindaklanjuti karena sangat mengganggu aktivitas warga.",
    "Kami sudah melapor ke kepala desa tetapi belum ada jawaban.",
    "Foto kondisi terkini kami lampirkan sebagai bukti.",
    "Warga sekitar sudah beberapa kali mengeluhkan hal yang sama.",
    "Terima kasih atas perhatian Bapak/Ibu.",
    "Kami berharap pemerintah kabupaten segera turun ke lapangan.",
];
const VAGUE_TITLES: &[&str] = &[
    "Mohon ditindaklanjuti",
    "Keluhan warga {p}",
    "Tolong dibantu",
    "Laporan warga",
];

/// What the generator made, for the figures in docs/routing.md.
#[derive(Debug, Default)]
pub struct Made {
    pub complaints: usize,
    pub first_misrouted: usize,
    pub transferred: usize,
    pub completed: usize,
    pub outside_region: usize,
    pub vague: usize,
}

fn office(code: &str) -> &'static Office {
    OFFICES
        .iter()
        .find(|o| o.code == code)
        .unwrap_or(&OFFICES[0])
}

fn fill(t: &str, place: &str) -> String {
    t.replace("{p}", &format!("Desa {place}"))
}

/// Complaints per pair of batches (a large desk comes in several).
const CHUNK: usize = 100_000;

/// Writes the desk's batches for `n` complaints into `dir`, in pairs of 100,000 (first
/// snapshots, then the transfers and completions), the directory in the first; returns
/// their paths in import order.
pub fn write_desk(dir: &Path, n: usize, seed: u64) -> (Vec<PathBuf>, Made) {
    let mut rng = Rng::new(seed);
    let mut made = Made::default();
    let mut paths = Vec::new();
    for (c, from) in (0..n).step_by(CHUNK).enumerate() {
        let to = (from + CHUNK).min(n);
        paths.extend(write_pair(
            dir,
            &mut rng,
            from..to,
            c as u64,
            seed,
            &mut made,
        ));
    }
    (paths, made)
}

fn write_pair(
    dir: &Path,
    rng: &mut Rng,
    ids: std::ops::Range<usize>,
    c: u64,
    seed: u64,
    made: &mut Made,
) -> [PathBuf; 2] {
    let total_weight: usize = OFFICES.iter().map(|o| o.weight).sum();
    let at = chrono::DateTime::parse_from_rfc3339("2026-10-01T08:00:00+07:00").expect("fixed");
    let later = chrono::DateTime::parse_from_rfc3339("2026-11-20T08:00:00+07:00").expect("fixed");
    let (s1, s2) = (2 * c + 1, 2 * c + 2);
    let mut first = BatchWriter::new(&writer::inbound_header(
        REGION_CODE,
        s1,
        &format!("routing-{seed}-{s1}"),
        at,
        Some("bench"),
    ))
    .expect("header");
    let mut second = BatchWriter::new(&writer::inbound_header(
        REGION_CODE,
        s2,
        &format!("routing-{seed}-{s2}"),
        later,
        Some("bench"),
    ))
    .expect("header");
    let mut dir_entry = |code: &str, name: &str, parent: Option<&str>, level: &str| {
        first.record(&serde_json::json!({"type":"agency","code":code,"name":name,"parent":parent,"level":level,"active":true})).expect("agency");
    };
    dir_entry(
        REGION_CODE,
        "Pemerintah Kabupaten Sumenep",
        None,
        "kabupaten",
    );
    dir_entry(NEIGHBOUR.0, NEIGHBOUR.1, None, "kabupaten");
    for o in OFFICES {
        dir_entry(o.code, o.name, Some(REGION_CODE), "opd");
    }
    for i in ids {
        let id = format!("LAP-R{seed:02}-{i:07}");
        let place = PLACES[rng.below(PLACES.len())];
        let outside = rng.below(70) == 0;
        let vague = !outside && rng.below(12) == 0;
        let mut pick = rng.below(total_weight);
        let truth = OFFICES
            .iter()
            .find(|o| {
                if pick < o.weight {
                    true
                } else {
                    pick -= o.weight;
                    false
                }
            })
            .unwrap_or(&OFFICES[0]);
        // About one in eight first goes to a wrong office (all outside the region do),
        // mostly because it reads like that office's business.
        let wrong = (!outside && rng.below(8) == 0)
            .then(|| office(truth.confused_with[rng.below(truth.confused_with.len())]));
        let (title, mut body, location, final_agency) = if outside {
            let p = NEIGHBOUR_PLACES[rng.below(NEIGHBOUR_PLACES.len())];
            (
                fill(truth.titles[rng.below(truth.titles.len())], p),
                truth.phrases[rng.below(truth.phrases.len())].to_owned(),
                format!("Desa {p}, Kec. {p}, Kab. Pamekasan"),
                NEIGHBOUR.0,
            )
        } else if vague {
            (
                fill(VAGUE_TITLES[rng.below(VAGUE_TITLES.len())], place),
                String::new(),
                format!(
                    "Desa {place}, Kec. {}, Kab. Sumenep",
                    KECAMATAN[rng.below(KECAMATAN.len())]
                ),
                truth.code,
            )
        } else {
            let mut b = truth.phrases[rng.below(truth.phrases.len())].to_owned();
            if rng.below(2) == 0 {
                b.push(' ');
                b.push_str(truth.phrases[rng.below(truth.phrases.len())]);
            }
            // Now and then a sentence about a neighbouring office's matter; a complaint
            // sent to the wrong office often has one.
            let mixed = match wrong {
                Some(w) if rng.below(2) == 0 => Some(w),
                _ if rng.below(4) == 0 => Some(office(
                    truth.confused_with[rng.below(truth.confused_with.len())],
                )),
                _ => None,
            };
            if let Some(other) = mixed {
                b.push(' ');
                b.push_str(other.phrases[rng.below(other.phrases.len())]);
            }
            (
                fill(truth.titles[rng.below(truth.titles.len())], place),
                b,
                format!(
                    "Desa {place}, Kec. {}, Kab. Sumenep",
                    KECAMATAN[rng.below(KECAMATAN.len())]
                ),
                truth.code,
            )
        };
        for _ in 0..1 + rng.below(3) {
            body.push(' ');
            body.push_str(GENERIC[rng.below(GENERIC.len())]);
        }
        let first_agency = wrong.map_or(truth.code, |w| w.code);
        let misrouted = first_agency != final_agency;
        // The registry's category is often missing, and for a complaint sent to the
        // wrong office it is often that office's (which is why it went there).
        let category = match wrong {
            Some(w) if rng.below(2) == 0 => w.category,
            _ if rng.below(5) == 0 => "Lainnya",
            _ if rng.below(10) == 0 => office(truth.confused_with[0]).category,
            _ => truth.category,
        };
        let tags: Vec<&str> = if rng.below(2) == 0 {
            vec![truth.tags[rng.below(truth.tags.len())]]
        } else {
            vec![]
        };
        let anonymous = rng.below(8) == 0;
        let day = 1 + rng.below(28);
        let snapshot = |rev: u64, agency: &str, status: &str| {
            serde_json::json!({
            "type":"complaint","id":id,"revision":rev,"title":title,"body":body.trim(),
            "classification":"pengaduan","supervisory":false,"category":category,"channel":"web",
            "submitted_at": format!("2026-09-{day:02}T09:00:00+07:00"),
            "location": location, "anonymous": anonymous, "confidential": rng_flag(i),
            "reporter": if anonymous { serde_json::Value::Null } else { serde_json::json!({"name":"Warga","phone":null,"email":null}) },
            "agency": agency, "status": status,
            "disposed_at": format!("2026-09-{day:02}T13:00:00+07:00"),
            "tags": tags, "attachments": []})
        };
        first
            .record(&snapshot(1, first_agency, "terdisposisi"))
            .expect("complaint");
        made.complaints += 1;
        made.first_misrouted += usize::from(misrouted);
        made.outside_region += usize::from(outside);
        made.vague += usize::from(vague);
        // What happened since: most misrouted ones are transferred; most complaints end.
        let roll = rng.below(100);
        let moved = misrouted && roll < 80;
        let done = roll < 65;
        if moved || (!misrouted && done) {
            let status = if done { "selesai" } else { "terdisposisi" };
            second
                .record(&snapshot(2, final_agency, status))
                .expect("complaint");
            made.transferred += usize::from(moved);
            made.completed += usize::from(done);
        }
    }
    let a = dir.join(format!("inbound-3529-{s1:04}.jsonl"));
    let b = dir.join(format!("inbound-3529-{s2:04}.jsonl"));
    std::fs::write(&a, first.finish().expect("trailer")).expect("write");
    std::fs::write(&b, second.finish().expect("trailer")).expect("write");
    [a, b]
}

/// Every twentieth complaint is confidential.
fn rng_flag(i: usize) -> bool {
    i % 20 == 7
}
