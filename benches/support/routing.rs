//! A coordinator desk's complaints for the suggester's benchmark and evaluation: a
//! regency's offices, each with its own topics and words (some shared with a
//! neighbouring office, as road lamps are both the roads' and the housing office's),
//! vague complaints that say little, and about one in eight complaints first sent to
//! the wrong office, most of them transferred later to the right one. A few happen in
//! the neighbouring regency. Deterministic: the same seed gives the same batches.

use crate::support::Rng;
use sigap::sync::writer::{self, BatchWriter};
use std::path::{Path, PathBuf};

/// One office of the regency and how complaints about it read.
pub struct Office {
    pub code: &'static str,
    pub name: &'static str,
    category: &'static str,
    titles: &'static [&'static str],
    phrases: &'static [&'static str],
    tags: &'static [&'static str],
    /// Offices complaints about it are wrongly sent to (first).
    confused_with: &'static [&'static str],
    /// How often it is the right office (relative).
    weight: usize,
}

pub const REGION_CODE: &str = "3529";
/// The neighbouring regency (complaints located there belong to it).
pub const NEIGHBOUR: (&str, &str) = ("3528", "Pemerintah Kabupaten Pamekasan");

pub const OFFICES: &[Office] = &[
    Office {
        code: "3529-DPUBM",
        name: "Dinas Pekerjaan Umum Bina Marga",
        category: "Infrastruktur",
        titles: &[
            "Jalan berlubang di {p}",
            "Jalan kabupaten rusak parah di {p}",
            "Jembatan retak di {p}",
            "Aspal jalan mengelupas di {p}",
            "Perbaikan jalan poros {p} belum selesai",
        ],
        phrases: &[
            "Lubang jalan makin lebar dan dalam setelah hujan.",
            "Aspal mengelupas sepanjang dua ratus meter.",
            "Pengendara motor sering terjatuh di jalan ini.",
            "Jembatan penghubung mulai retak dan miring.",
            "Tambalan jalan tahun lalu sudah rusak lagi.",
            "Drainase di tepi jalan tertutup tanah sehingga air menggenangi aspal.",
        ],
        tags: &["jalan", "jembatan"],
        confused_with: &["3529-DPUSDA", "3529-DISPERKIM", "3529-DISHUB"],
        weight: 14,
    },
    Office {
        code: "3529-DPUSDA",
        name: "Dinas Pekerjaan Umum dan Sumber Daya Air",
        category: "Infrastruktur",
        titles: &[
            "Saluran irigasi jebol di {p}",
            "Banjir karena sungai meluap di {p}",
            "Embung kering di {p}",
            "Tanggul sungai longsor di {p}",
        ],
        phrases: &[
            "Air irigasi tidak sampai ke sawah petani.",
            "Saluran irigasi penuh sedimen dan rumput.",
            "Tanggul sungai longsor sehingga air meluap ke permukiman.",
            "Embung desa tidak bisa menampung air hujan.",
            "Pintu air rusak dan tidak bisa dibuka.",
        ],
        tags: &["irigasi", "banjir"],
        confused_with: &["3529-DPUBM", "3529-BPBD"],
        weight: 7,
    },
    Office {
        code: "3529-DINSOS",
        name: "Dinas Sosial",
        category: "Sosial",
        titles: &[
            "Bantuan PKH tidak cair",
            "BPNT bulan ini belum diterima",
            "Nama tidak masuk DTKS",
            "Lansia terlantar di {p}",
            "Bansos salah sasaran di {p}",
        ],
        phrases: &[
            "Sudah tiga tahap bantuan PKH tidak masuk ke rekening.",
            "Pendamping PKH tidak bisa dihubungi.",
            "Keluarga kami miskin tetapi tidak terdaftar di DTKS.",
            "Penerima bansos justru keluarga yang mampu.",
            "Kartu KKS tidak bisa dipakai di e-warong.",
        ],
        tags: &["bansos", "pkh"],
        confused_with: &["3529-DISDUKCAPIL", "3529-DPMD"],
        weight: 12,
    },
    Office {
        code: "3529-DISDUKCAPIL",
        name: "Dinas Kependudukan dan Pencatatan Sipil",
        category: "Administrasi Kependudukan",
        titles: &[
            "KTP elektronik belum jadi",
            "Kartu keluarga salah cetak",
            "Akta kelahiran anak belum terbit",
            "Blanko KTP habis di kecamatan",
            "NIK tidak terdaftar saat daftar sekolah",
        ],
        phrases: &[
            "Perekaman KTP sudah tiga bulan tetapi belum dicetak.",
            "Nama di kartu keluarga salah ketik.",
            "Pengurusan akta kelahiran ditolak karena berkas dianggap kurang.",
            "NIK anak tidak muncul di sistem adminduk.",
            "Petugas bilang blanko KTP kosong.",
        ],
        tags: &["ktp", "adminduk"],
        confused_with: &["3529-DINSOS", "3529-DISDIK"],
        weight: 11,
    },
    Office {
        code: "3529-DISDIK",
        name: "Dinas Pendidikan",
        category: "Pendidikan",
        titles: &[
            "Pungutan PPDB di sekolah {p}",
            "Guru jarang masuk kelas di {p}",
            "Dana BOS tidak transparan",
            "Gedung sekolah rusak di {p}",
            "Ijazah ditahan sekolah",
        ],
        phrases: &[
            "Sekolah meminta uang pendaftaran ulang padahal negeri.",
            "Guru honorer sering tidak masuk dan murid dipulangkan.",
            "Atap ruang kelas bocor dan plafon hampir runtuh.",
            "Ijazah anak kami ditahan karena belum bayar seragam.",
            "Zonasi PPDB tidak sesuai dengan jarak rumah.",
        ],
        tags: &["sekolah", "ppdb"],
        confused_with: &["3529-DISDUKCAPIL", "3529-DINSOS"],
        weight: 10,
    },
    Office {
        code: "3529-DINKES",
        name: "Dinas Kesehatan, Pengendalian Penduduk dan Keluarga Berencana",
        category: "Kesehatan",
        titles: &[
            "Pelayanan puskesmas {p} lambat",
            "Bidan desa tidak ada di tempat",
            "Kasus demam berdarah di {p}",
            "Obat di puskesmas kosong",
            "Posyandu tidak berjalan di {p}",
        ],
        phrases: &[
            "Antrean di puskesmas sampai siang dan dokter belum datang.",
            "Bidan desa jarang ada di polindes.",
            "Sudah ada tiga warga dirawat karena demam berdarah, mohon fogging.",
            "Obat untuk pasien hipertensi sering kosong.",
            "Kegiatan posyandu dan imunisasi balita berhenti.",
        ],
        tags: &["kesehatan", "puskesmas"],
        confused_with: &["3529-RSUD", "3529-DINSOS"],
        weight: 10,
    },
    Office {
        code: "3529-RSUD",
        name: "RSUD dr. H. Moh. Anwar",
        category: "Kesehatan",
        titles: &[
            "Pasien IGD RSUD ditelantarkan",
            "Antrean rawat jalan RSUD terlalu lama",
            "Kamar rawat inap RSUD penuh",
        ],
        phrases: &[
            "Pasien di IGD menunggu lima jam tanpa penanganan.",
            "Antrean poli rawat jalan mulai subuh.",
            "Keluarga pasien diminta membeli obat di luar rumah sakit.",
            "Kamar kelas tiga selalu dikatakan penuh.",
        ],
        tags: &["rumah sakit"],
        confused_with: &["3529-DINKES"],
        weight: 5,
    },
    Office {
        code: "3529-SATPOLPP",
        name: "Satuan Polisi Pamong Praja",
        category: "Ketenteraman dan Ketertiban",
        titles: &[
            "Pedagang kaki lima menutup trotoar di {p}",
            "Karaoke buka sampai subuh di {p}",
            "Reklame liar di {p}",
            "Balap liar setiap malam di {p}",
        ],
        phrases: &[
            "PKL berjualan di trotoar sehingga pejalan kaki turun ke jalan.",
            "Musik karaoke terdengar sampai pagi.",
            "Banyak reklame dipasang di pohon dan tiang tanpa izin.",
            "Anak muda balap liar setiap malam minggu.",
            "Mohon ditertibkan sesuai perda ketertiban umum.",
        ],
        tags: &["ketertiban"],
        confused_with: &["3529-DISHUB", "3529-DLH"],
        weight: 8,
    },
    Office {
        code: "3529-DLH",
        name: "Dinas Lingkungan Hidup",
        category: "Lingkungan Hidup",
        titles: &[
            "Sampah menumpuk di {p}",
            "Limbah pabrik mencemari sungai di {p}",
            "Pembakaran sampah di {p}",
            "TPS liar di {p}",
        ],
        phrases: &[
            "Sampah tidak diangkut sudah seminggu dan berbau.",
            "Air sungai hitam dan berbau limbah.",
            "Asap pembakaran sampah masuk ke rumah warga.",
            "Truk sampah tidak datang sesuai jadwal.",
        ],
        tags: &["sampah", "lingkungan"],
        confused_with: &["3529-SATPOLPP", "3529-DPUSDA"],
        weight: 7,
    },
    Office {
        code: "3529-DISHUB",
        name: "Dinas Perhubungan",
        category: "Perhubungan",
        titles: &[
            "Lampu lalu lintas mati di {p}",
            "Parkir liar di {p}",
            "Angkutan umum ngetem sembarangan",
            "Rambu jalan hilang di {p}",
        ],
        phrases: &[
            "Lampu merah di perempatan mati sejak kemarin.",
            "Juru parkir memungut tarif melebihi aturan.",
            "Angkot berhenti di tengah jalan menunggu penumpang.",
            "Rambu tikungan tajam sudah roboh.",
            "Truk bermuatan lebih merusak jalan kampung.",
        ],
        tags: &["perhubungan", "parkir"],
        confused_with: &["3529-DPUBM", "3529-SATPOLPP"],
        weight: 6,
    },
    Office {
        code: "3529-DISPERKIM",
        name: "Dinas Perumahan, Kawasan Permukiman dan Pertanahan",
        category: "Infrastruktur",
        titles: &[
            "Lampu PJU mati di {p}",
            "Bantuan bedah rumah tidak merata di {p}",
            "Rumah tidak layak huni di {p}",
        ],
        phrases: &[
            "Lampu penerangan jalan umum mati sehingga gelap di malam hari.",
            "Bantuan RTLH hanya untuk kerabat perangkat.",
            "Rumah warga miskin hampir roboh dan belum dapat bedah rumah.",
            "Tiang PJU miring dan kabelnya terbuka.",
        ],
        tags: &["pju", "rumah"],
        confused_with: &["3529-DPUBM", "3529-DINSOS"],
        weight: 5,
    },
    Office {
        code: "3529-DPMD",
        name: "Dinas Pemberdayaan Masyarakat dan Desa",
        category: "Pemerintahan Desa",
        titles: &[
            "Dana desa {p} tidak transparan",
            "BLT dana desa dipotong di {p}",
            "Kepala desa {p} jarang di kantor",
        ],
        phrases: &[
            "APBDes tidak pernah diumumkan kepada warga.",
            "BLT dana desa dipotong oleh perangkat desa.",
            "Musyawarah desa tidak melibatkan warga.",
            "Pembangunan dari dana desa mangkrak.",
        ],
        tags: &["dana desa"],
        confused_with: &["3529-DINSOS", "3529-INSPEKTORAT"],
        weight: 5,
    },
    Office {
        code: "3529-DKPP",
        name: "Dinas Ketahanan Pangan dan Pertanian",
        category: "Pertanian",
        titles: &[
            "Pupuk subsidi langka di {p}",
            "Harga pupuk di kios melebihi HET",
            "Serangan hama tikus di {p}",
        ],
        phrases: &[
            "Petani tidak kebagian pupuk subsidi padahal terdaftar di RDKK.",
            "Kios menjual pupuk di atas harga eceran tertinggi.",
            "Hama tikus merusak padi dan belum ada penyuluhan.",
            "Bantuan benih tidak sampai ke kelompok tani.",
        ],
        tags: &["pupuk", "pertanian"],
        confused_with: &["3529-DPUSDA", "3529-DINSOS"],
        weight: 5,
    },
    Office {
        code: "3529-BPBD",
        name: "Badan Penanggulangan Bencana Daerah",
        category: "Bencana",
        titles: &[
            "Rumah rusak diterjang angin di {p}",
            "Tanah longsor menimbun rumah di {p}",
            "Bantuan korban kebakaran belum datang",
        ],
        phrases: &[
            "Angin puting beliung merusak atap belasan rumah.",
            "Longsor menutup akses jalan dan menimpa rumah.",
            "Korban kebakaran belum menerima bantuan logistik.",
            "Warga mengungsi dan butuh terpal.",
        ],
        tags: &["bencana"],
        confused_with: &["3529-DINSOS", "3529-DPUSDA"],
        weight: 4,
    },
    Office {
        code: "3529-INSPEKTORAT",
        name: "Inspektorat Daerah",
        category: "Pengawasan",
        titles: &[
            "Dugaan pungli oleh pegawai di {p}",
            "ASN main judi saat jam kerja",
            "Dugaan penyalahgunaan anggaran",
        ],
        phrases: &[
            "Pegawai meminta uang pelicin untuk mempercepat layanan.",
            "ASN terlihat berada di warung saat jam kerja.",
            "Ada dugaan mark up anggaran kegiatan.",
            "Mohon diperiksa karena merugikan keuangan daerah.",
        ],
        tags: &["pengawasan"],
        confused_with: &["3529-DPMD"],
        weight: 3,
    },
];

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
