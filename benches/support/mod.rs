//! A deterministic generator of realistic inbound batches for the benchmarks: the same
//! seed always gives the same bytes. Complaints follow `spec/batch-format.md`; the file
//! is written by the crate's batch writer (`sigap::sync::writer`).

use sigap::sync::writer::{self, BatchWriter};
use std::path::Path;

/// A small, fast, deterministic random source (SplitMix64).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

const SUBJECTS: [&str; 12] = [
    "Jalan desa rusak parah",
    "Bantuan PKH tidak cair",
    "KTP elektronik belum jadi",
    "Lampu penerangan jalan mati",
    "Pelayanan puskesmas lambat",
    "Pungutan PPDB di sekolah",
    "Pedagang kaki lima menutup trotoar",
    "Saluran air tersumbat dan banjir",
    "Data DTKS tidak sesuai",
    "Anjing liar berkeliaran",
    "Jembatan penghubung desa ambruk",
    "Kartu keluarga salah cetak",
];
const PLACES: [&str; 10] = [
    "Desa Pinggir Papas, Kec. Kalianget",
    "Desa Aeng Panas, Kec. Giligenting",
    "Desa Banuaju, Kec. Dasuk",
    "Kel. Pajagalan, Kec. Kota Sumenep",
    "Desa Lenteng Timur, Kec. Lenteng",
    "Desa Saronggi, Kec. Saronggi",
    "Desa Gapura Timur, Kec. Gapura",
    "Desa Prenduan, Kec. Pragaan",
    "Desa Dungkek, Kec. Dungkek",
    "Desa Bluto, Kec. Bluto",
];
const SENTENCES: [&str; 8] = [
    "Sudah lebih dari dua minggu belum ada tindakan dari pihak terkait.",
    "Mohon segera ditindaklanjuti karena sangat mengganggu aktivitas warga.",
    "Kami sudah melapor ke kepala desa tetapi belum ada jawaban.",
    "Kondisi ini membahayakan anak-anak yang berangkat sekolah.",
    "Foto kondisi terkini kami lampirkan sebagai bukti.",
    "Warga sekitar sudah beberapa kali mengeluhkan hal yang sama.",
    "Kami berharap pemerintah kabupaten segera turun ke lapangan.",
    "Terima kasih atas perhatian Bapak/Ibu.",
];
const STATUSES: [&str; 4] = ["terdisposisi", "terdisposisi", "diproses", "selesai"];
const CLASSES: [&str; 3] = ["pengaduan", "aspirasi", "permintaan_informasi"];

/// Writes an inbound batch of `n` complaints for `agency` (each with one reporter
/// message) to `path` with the crate's batch writer, and returns its size in bytes.
pub fn write_batch(path: &Path, agency: &str, sequence: u64, n: usize, seed: u64) -> u64 {
    let mut rng = Rng::new(seed);
    let created_at =
        chrono::DateTime::parse_from_rfc3339("2026-11-20T08:00:00+07:00").expect("a fixed time");
    let header = writer::inbound_header(
        agency,
        sequence,
        &format!("bench-{agency}-{sequence}-{seed}"),
        created_at,
        Some("sigap bench generator"),
    );
    let mut batch = BatchWriter::new(&header).expect("header");
    for i in 0..n {
        let id = format!("LAP-B{seed:02}-{i:07}");
        let day = 1 + rng.below(28);
        let month = 8 + rng.below(3);
        let sentences: Vec<&str> = (0..2 + rng.below(4))
            .map(|_| rng.pick(&SENTENCES))
            .collect();
        let anonymous = rng.below(7) == 0;
        let c = serde_json::json!({
            "type":"complaint","id":id,"revision":1,
            "title": format!("{} di {}", rng.pick(&SUBJECTS), rng.pick(&PLACES)),
            "body": sentences.join(" "),
            "classification": rng.pick(&CLASSES), "supervisory": rng.below(20) == 0,
            "category":"Infrastruktur","channel":"web",
            "submitted_at": format!("2026-{month:02}-{day:02}T09:00:00+07:00"),
            "event_date": format!("2026-{month:02}-{day:02}"),
            "location": format!("{}, Kab. Sumenep", rng.pick(&PLACES)),
            "anonymous": anonymous, "confidential": rng.below(10) == 0,
            "reporter": if anonymous { serde_json::Value::Null } else {
                serde_json::json!({"name":"Siti Aminah","phone":"081234567890","email":null}) },
            "agency": agency, "status": rng.pick(&STATUSES),
            "disposed_at": format!("2026-{month:02}-{day:02}T13:00:00+07:00"),
            "tags":["jalan"],"attachments":[]});
        batch.record(&c).expect("complaint line");
        let m = serde_json::json!({"type":"message","id":format!("MSG-{id}"),"complaint_id":id,
            "at": format!("2026-{month:02}-{day:02}T15:00:00+07:00"),"author":"reporter","agency":null,
            "text": rng.pick(&SENTENCES)});
        batch.record(&m).expect("message line");
    }
    let bytes = batch.finish().expect("trailer");
    std::fs::write(path, &bytes).expect("write the batch");
    bytes.len() as u64
}
