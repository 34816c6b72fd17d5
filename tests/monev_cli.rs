//! `sigap report` and `sigap teguran` through the real binary, on a small regency built
//! by hand: a coordinator desk whose scope is the regency code `3529`, two offices, a
//! transfer between them, an on-time answer, an overdue confidential complaint, a
//! reporter named in a title, an anonymous complaint sent with its reporter. Every
//! format is read back (the JSON field by field, the CSV parsed, the xlsx and docx
//! opened as zip files) and checked for the numbers, the tracking IDs, and the absence
//! of reporter names and confidential titles. November 2026 has no holiday.

mod common;

use common::*;
use serde_json::{Value, json};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

const AS_OF: &str = "2026-12-02";

/// Words that must never appear in a report or a letter.
const SECRETS: [&str; 5] = [
    "Siti Aminah",
    "081234567890",
    "Anak saya dirundung",
    "Budi Santoso",
    "Joko Widodo",
];

struct Regency {
    dir: tempfile::TempDir,
}

impl Regency {
    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }
    fn config(&self) -> PathBuf {
        self.dir.path().join("config.toml")
    }
    fn out(&self) -> PathBuf {
        self.dir.path().join("laporan")
    }

    fn run(&self, args: &[&str]) -> (i32, Vec<u8>, String) {
        let out = Command::new(env!("CARGO_BIN_EXE_sigap"))
            .args(args)
            .env("SIGAP_TODAY", AS_OF)
            .env("SIGAP_DATA_DIR", self.data())
            .env("SIGAP_CONFIG", self.config())
            .output()
            .expect("run sigap");
        (
            out.status.code().unwrap_or(-1),
            out.stdout,
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    fn ok(&self, args: &[&str]) -> String {
        let (code, out, err) = self.run(args);
        assert_eq!(code, 0, "{args:?}: {err}");
        String::from_utf8(out).expect("UTF-8")
    }

    fn json(&self, args: &[&str]) -> Value {
        serde_json::from_str(&self.ok(args)).expect("JSON")
    }
}

fn at(c: &mut Value, agency: &str, disposed: &str) {
    c["agency"] = json!(agency);
    c["disposed_at"] = json!(disposed);
}

fn answer(id: &str, complaint: &str, at: &str, agency: &str) -> Value {
    let mut m = message(
        id,
        complaint,
        at,
        "agency",
        "Laporan sedang kami tindak lanjuti.",
    );
    m["agency"] = json!(agency);
    m
}

/// The regency: its config and its two batch streams, imported.
fn regency() -> Regency {
    let dir = tempfile::tempdir().expect("tempdir");
    let r = Regency { dir };
    std::fs::write(
        r.config(),
        format!(
            r#"agency = "3529"
officer = "Nur Aini"
timezone = "+07:00"
language = "id"
report_dir = '{}'
[monev]
letter_number = "800/{{seq}}/435.107/{{year}}"
place = "Sumenep"
letterhead = ["PEMERINTAH KABUPATEN SUMENEP", "DINAS KOMUNIKASI DAN INFORMATIKA"]
signatory_name = "Drs. Contoh Pejabat"
signatory_title = "Kepala Dinas Komunikasi dan Informatika"
signatory_nip = "19700101 199503 1 001"
"#,
            r.out().display()
        ),
    )
    .expect("config");
    let files = r.dir.path().join("files");
    // DINSOS: the directory, an answered complaint, an overdue confidential one, one
    // completed on 13 Nov, and the first stay of a transfer.
    let mut a1 = complaint(
        "LAP-2026-0000001",
        2,
        "Bantuan PKH belum cair",
        "3529-DINSOS",
    );
    at(&mut a1, "3529-DINSOS", "2026-11-02T09:00:00+07:00");
    a1["status"] = json!("diproses");
    let mut a2 = complaint(
        "LAP-2026-0000002",
        1,
        "Anak saya dirundung di sekolah",
        "3529-DINSOS",
    );
    at(&mut a2, "3529-DINSOS", "2026-11-02T09:00:00+07:00");
    a2["confidential"] = json!(true);
    a2["category"] = json!("Pendidikan");
    let mut s = complaint(
        "LAP-2026-0000003",
        3,
        "Lansia terlantar di Kalianget",
        "3529-DINSOS",
    );
    at(&mut s, "3529-DINSOS", "2026-11-02T09:00:00+07:00");
    s["status"] = json!("selesai");
    s["completed_at"] = json!("2026-11-13T10:00:00+07:00");
    let mut t1 = complaint("LAP-2026-0000004", 1, "Jalan desa berlubang", "3529-DINSOS");
    at(&mut t1, "3529-DINSOS", "2026-11-04T09:00:00+07:00");
    let mut dir_dpubm = agency("3529-DPUBM", "Dinas Pekerjaan Umum Bina Marga");
    dir_dpubm["parent"] = json!("3529");
    let mut bpjs = agency("L-BPJSKES", "BPJS Kesehatan");
    bpjs["parent"] = json!(null);
    let dinsos = batch(
        &Head::new("3529-DINSOS", 1, "dinsos-1", "2026-11-30T07:00:00+07:00"),
        &[
            agency("3529-DINSOS", "Dinas Sosial"),
            dir_dpubm,
            bpjs,
            a1,
            a2,
            s,
            t1,
            answer(
                "M-1",
                "LAP-2026-0000001",
                "2026-11-03T10:00:00+07:00",
                "3529-DINSOS",
            ),
            answer(
                "M-3",
                "LAP-2026-0000003",
                "2026-11-03T10:00:00+07:00",
                "3529-DINSOS",
            ),
        ],
    );
    // DPUBM: the second stay of the transfer (answered on time), a complaint whose
    // title names its reporter (overdue), an anonymous one sent with its reporter.
    let mut t2 = complaint("LAP-2026-0000004", 2, "Jalan desa berlubang", "3529-DPUBM");
    at(&mut t2, "3529-DPUBM", "2026-11-06T09:00:00+07:00");
    t2["status"] = json!("diproses");
    let mut d1 = complaint(
        "LAP-2026-0000005",
        1,
        "Pak Joko Widodo minta jalan diperbaiki",
        "3529-DPUBM",
    );
    at(&mut d1, "3529-DPUBM", "2026-11-10T09:00:00+07:00");
    d1["reporter"] = json!({"name": "Joko Widodo", "phone": "0811111111", "email": null});
    let mut anon = complaint("LAP-2026-0000006", 1, "Lampu jalan mati", "3529-DPUBM");
    at(&mut anon, "3529-DPUBM", "2026-11-23T09:00:00+07:00");
    anon["anonymous"] = json!(true);
    anon["reporter"] = json!({"name": "Budi Santoso", "phone": "0822", "email": null});
    let dpubm = batch(
        &Head::new("3529-DPUBM", 1, "dpubm-1", "2026-11-30T07:05:00+07:00"),
        &[
            t2,
            d1,
            anon,
            answer(
                "M-4",
                "LAP-2026-0000004",
                "2026-11-09T10:00:00+07:00",
                "3529-DPUBM",
            ),
        ],
    );
    let f1 = write_file(&files, "dinsos-1.jsonl", &dinsos);
    let f2 = write_file(&files, "dpubm-1.jsonl", &dpubm);
    // The second stream first: the history does not depend on the order of imports.
    r.ok(&[
        "import",
        &f2.display().to_string(),
        &f1.display().to_string(),
    ]);
    r
}

fn agency_row<'a>(report: &'a Value, code: &str) -> &'a Value {
    report["agencies"]
        .as_array()
        .expect("agencies")
        .iter()
        .find(|a| a["agency"] == code)
        .unwrap_or_else(|| panic!("{code} in {report}"))
}

#[test]
fn json_has_the_spec_shape_and_the_worked_numbers() {
    let r = regency();
    let j = r.json(&[
        "report", "--month", "2026-11", "--as-of", AS_OF, "--format", "json",
    ]);
    assert_eq!(
        j["period"],
        json!({"from": "2026-11-01", "to": "2026-11-30"})
    );
    assert_eq!(j["as_of"], AS_OF);
    // The regency code means every agency under it in the directory, not BPJS.
    let codes: Vec<&str> = j["agencies"]
        .as_array()
        .expect("array")
        .iter()
        .map(|a| a["agency"].as_str().expect("code"))
        .collect();
    assert_eq!(codes.len(), 2, "{codes:?}");
    let keys =
        |v: &Value| -> Vec<String> { v.as_object().expect("object").keys().cloned().collect() };
    let dinsos = agency_row(&j, "3529-DINSOS");
    let mut k = keys(dinsos);
    k.sort();
    assert_eq!(
        k,
        [
            "agency",
            "backlog",
            "completion",
            "first_response",
            "name",
            "rank",
            "received",
            "transferred_out"
        ]
    );
    // DINSOS received 4 assignments (A1, A2, S and the first stay of the transfer).
    assert_eq!(dinsos["name"], "Dinas Sosial");
    assert_eq!(dinsos["received"], 4);
    assert_eq!(dinsos["transferred_out"], 1);
    // First response: A1 and S answered on 3 Nov (1 WD), the transfer on 6 Nov (2 WD
    // after 4 Nov, on time); A2 never, due 9 Nov: overdue. 3 / 4 = 0.75; median 1.
    assert_eq!(
        dinsos["first_response"],
        json!({"on_time": 3, "late": 0, "overdue": 1, "pending": 0,
               "compliance": 0.75, "median_days": 1})
    );
    // Completion (transfers left out): S completed 13 Nov (9 WD: 3 .. 6, 9 .. 13, due
    // 20 Nov) on time; A1 and A2 due 20 Nov, unmet on 2 Dec: overdue.
    assert_eq!(
        dinsos["completion"],
        json!({"on_time": 1, "late": 0, "overdue": 2, "pending": 0, "unknown_time": 0,
               "compliance": 0.3333, "median_days": 9})
    );
    // Backlog on 2 Dec: A1 and A2, both overdue, aged 22 WD (3 Nov .. 2 Dec).
    assert_eq!(
        dinsos["backlog"],
        json!({"open": 2, "overdue": 2, "age": {"0-5": 0, "6-14": 0, "15-60": 2, ">60": 0}})
    );
    let dpubm = agency_row(&j, "3529-DPUBM");
    // DPUBM: the transfer's second stay (6 Nov, answered 9 Nov: 1 WD), D1 (10 Nov,
    // unanswered, due 17 Nov: overdue), the anonymous one (23 Nov, due 30 Nov: overdue).
    assert_eq!(dpubm["received"], 3);
    assert_eq!(dpubm["first_response"]["on_time"], 1);
    assert_eq!(dpubm["first_response"]["overdue"], 2);
    assert_eq!(dpubm["backlog"]["open"], 3);
    // Ranks: DINSOS 0.75 before DPUBM 0.3333.
    assert_eq!(
        (dinsos["rank"].as_u64(), dpubm["rank"].as_u64()),
        (Some(1), Some(2))
    );
    assert_eq!(j["agencies"][0]["agency"], "3529-DINSOS", "rank order");
    // The total is recomputed: 4 on time of 7 judged, not the mean of the agencies'.
    let t = &j["total"];
    let mut tk = keys(t);
    tk.sort();
    assert_eq!(
        tk,
        [
            "backlog",
            "completion",
            "first_response",
            "received",
            "transferred_out"
        ]
    );
    assert_eq!(t["received"], 7);
    assert_eq!(t["first_response"]["on_time"], 4);
    assert_eq!(t["first_response"]["compliance"], 0.5714);
    assert_eq!(t["backlog"]["open"], 5);
    assert_eq!(j["reprimands"], json!([]));
    let text = j.to_string();
    for s in SECRETS {
        assert!(!text.contains(s), "{s} in the JSON");
    }
}

#[test]
fn csv_reads_back_with_a_bom_and_dotted_headers() {
    let r = regency();
    let (code, out, err) = r.run(&["report", "--month", "2026-11", "--format", "csv"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("\u{feff}".as_bytes()), "a byte-order mark");
    let text = String::from_utf8(out[3..].to_vec()).expect("UTF-8");
    let lines: Vec<&str> = text.lines().collect();
    let head: Vec<&str> = lines[0].split(',').collect();
    assert_eq!(head[0], "agency");
    assert!(head.contains(&"first_response.on_time"));
    assert!(head.contains(&"backlog.age.>60"));
    assert_eq!(lines.len(), 4, "two agencies and TOTAL: {text}");
    let row = |code: &str| -> Vec<String> {
        let l = lines
            .iter()
            .find(|l| l.starts_with(code))
            .unwrap_or_else(|| panic!("{code}"));
        l.split(',').map(str::to_owned).collect()
    };
    let col = |name: &str| head.iter().position(|h| *h == name).expect("column");
    let total = row("TOTAL");
    assert_eq!(total[col("received")], "7");
    assert_eq!(total[col("first_response.compliance")], "0.5714");
    assert_eq!(total[col("rank")], "");
    let dinsos = row("3529-DINSOS");
    assert_eq!(dinsos[col("completion.median_days")], "9");
    assert_eq!(dinsos[col("backlog.age.15-60")], "2");
    // The JSON and the CSV agree on every agency's received count.
    let j = r.json(&["report", "--month", "2026-11", "--format", "json"]);
    for a in j["agencies"].as_array().expect("agencies") {
        let code = a["agency"].as_str().expect("code");
        assert_eq!(row(code)[col("received")], a["received"].to_string());
    }
}

#[test]
fn table_and_markdown_speak_the_desks_language_and_hold_no_secret() {
    let r = regency();
    let table = r.ok(&["report", "--month", "2026-11"]);
    assert!(table.contains("Periode November 2026"), "{table}");
    assert!(table.contains("JUMLAH"));
    assert!(table.contains("75.0%"), "{table}");
    let md = r.ok(&["report", "--month", "2026-11", "--format", "md"]);
    assert!(md.starts_with("# Monitoring dan Evaluasi"), "{md}");
    assert!(md.contains("| 1 | 3529-DINSOS | Dinas Sosial |"), "{md}");
    for s in SECRETS {
        assert!(!table.contains(s) && !md.contains(s), "{s}");
    }
}

fn unzip(path: &Path) -> Vec<(String, String)> {
    let f = std::fs::File::open(path).expect("open the file");
    let mut z = zip::ZipArchive::new(f).expect("a zip file");
    (0..z.len())
        .map(|i| {
            let mut e = z.by_index(i).expect("entry");
            let mut s = String::new();
            let name = e.name().map(|n| n.to_string()).unwrap_or_default();
            let _ = e.read_to_string(&mut s);
            (name, s)
        })
        .collect()
}

fn part<'a>(parts: &'a [(String, String)], name: &str) -> &'a str {
    parts
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, s)| s.as_str())
        .unwrap_or_else(|| panic!("{name} in the zip"))
}

#[cfg(unix)]
fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).expect("metadata").permissions().mode() & 0o777
}

#[test]
fn xlsx_holds_numbers_a_chart_and_the_overdue_ids_but_no_secret() {
    let r = regency();
    let path = r.dir.path().join("monev.xlsx");
    let p = path.display().to_string();
    r.ok(&[
        "report", "--month", "2026-11", "--format", "xlsx", "--out", &p,
    ]);
    #[cfg(unix)]
    assert_eq!(mode(&path), 0o600);
    let parts = unzip(&path);
    let strings = part(&parts, "xl/sharedStrings.xml");
    let sheet = part(&parts, "xl/worksheets/sheet1.xml");
    assert!(strings.contains("3529-DINSOS") && strings.contains("Dinas Sosial"));
    // The total's received count and DINSOS's compliance as real numbers.
    assert!(sheet.contains("<v>7</v>"), "{sheet}");
    assert!(sheet.contains("<v>0.75</v>"), "{sheet}");
    assert!(sheet.contains("<pane"), "a frozen header");
    assert!(
        parts.iter().any(|(n, _)| n.starts_with("xl/charts/chart")),
        "a native chart"
    );
    // The overdue sheet lists tracking IDs: A2 (confidential: by ID and category).
    assert!(strings.contains("LAP-2026-0000002") && strings.contains("Pendidikan"));
    assert!(strings.contains("LAP-2026-0000005"));
    for (name, xml) in &parts {
        for s in SECRETS {
            assert!(!xml.contains(s), "{s} in {name}");
        }
    }
}

#[test]
fn html_is_one_self_contained_page_with_inline_charts() {
    let r = regency();
    let (code, _, err) = r.run(&["report", "--month", "2026-11", "--format", "html"]);
    assert_eq!(code, 0, "{err}");
    // No --out: the file goes into report_dir.
    let path = r.out().join("monev-2026-11-01-2026-11-30.html");
    let page = std::fs::read_to_string(&path).expect("the page in report_dir");
    assert!(page.contains("<svg"), "inline SVG charts");
    assert!(page.contains("@page"), "print styles");
    assert!(page.contains("PEMERINTAH KABUPATEN SUMENEP"));
    assert!(page.contains("LAP-2026-0000002"));
    for external in ["<script", "src=\"http", "href=\"http", "@import", "url("] {
        assert!(!page.contains(external), "{external}");
    }
    for s in SECRETS {
        assert!(!page.contains(s), "{s}");
    }
}

#[test]
fn bad_dates_and_ranges_are_usage_errors_and_a_foreign_agency_is_refused() {
    let r = regency();
    for args in [
        vec!["report", "--from", "2026-13-01"],
        vec!["report", "--as-of", "kemarin"],
        vec!["report", "--from", "2026-11-20", "--to", "2026-11-01"],
        vec!["report", "--month", "2026-1"],
        vec!["report", "--month", "2026-11", "--to", "2026-11-20"],
        vec!["report", "--format", "pdf"],
    ] {
        let (code, _, err) = r.run(&args);
        assert_eq!(code, 2, "{args:?}: {err}");
    }
    let (code, _, err) = r.run(&["report", "--agency", "L-BPJSKES"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("L-BPJSKES"), "{err}");
    // Narrowed to one agency of the regency.
    let j = r.json(&[
        "report",
        "--month",
        "2026-11",
        "--agency",
        "3529-DPUBM",
        "--format",
        "json",
    ]);
    assert_eq!(j["agencies"].as_array().map(Vec::len), Some(1));
    assert_eq!(j["total"]["received"], 3);
}

#[test]
fn teguran_drafts_issues_numbers_and_refuses_twice_a_day() {
    let r = regency();
    let dry = r.json(&["teguran", "--dry-run", "--json"]);
    assert_eq!(dry["dry_run"], true);
    assert_eq!(dry["as_of"], AS_OF);
    let letters = dry["letters"].as_array().expect("letters");
    assert_eq!(letters.len(), 2, "both agencies have an overdue clock");
    assert!(
        letters
            .iter()
            .all(|l| l["number"].is_null() && l["file"].is_null())
    );
    let dinsos = &letters[0];
    assert_eq!(dinsos["agency"], "3529-DINSOS");
    assert_eq!(dinsos["level"], 1);
    // 3 WD after Wed 2 Dec: 3, 4, 7 Dec.
    assert_eq!(dinsos["deadline"], "2026-12-07");
    // A2's first response was due Mon 9 Nov: 17 WD late on 2 Dec.
    assert!(dinsos["overdue"].as_array().expect("overdue").contains(&json!(
        {"id": "LAP-2026-0000002", "clock": "first_response", "due": "2026-11-09", "days_late": 17}
    )));
    assert!(!r.out().exists(), "a dry run writes nothing");

    let issued = r.json(&["teguran", "--json"]);
    let l = issued["letters"].as_array().expect("letters");
    assert_eq!(l[0]["number"], "800/1/435.107/2026");
    assert_eq!(l[1]["number"], "800/2/435.107/2026");
    let file = PathBuf::from(l[0]["file"].as_str().expect("file"));
    assert_eq!(
        file.file_name().and_then(|n| n.to_str()),
        Some("teguran-1-3529-DINSOS-2026-12-02.docx")
    );
    #[cfg(unix)]
    assert_eq!(mode(&file), 0o600);
    let parts = unzip(&file);
    let doc = part(&parts, "word/document.xml");
    assert!(doc.contains("800/1/435.107/2026"));
    assert!(doc.contains("LAP-2026-0000002") && doc.contains("[Rahasia] Pendidikan"));
    assert!(doc.contains("Teguran Tertulis Pertama"));
    assert!(doc.contains("PEMERINTAH KABUPATEN SUMENEP"));
    assert!(doc.contains("Sumenep, 2 Desember 2026"));
    assert!(doc.contains("7 Desember 2026"), "the new deadline");
    let dpubm = unzip(&PathBuf::from(l[1]["file"].as_str().expect("file")));
    let dpubm_doc = part(&dpubm, "word/document.xml");
    assert!(
        dpubm_doc.contains("Pak […] minta jalan diperbaiki"),
        "{dpubm_doc}"
    );
    for (name, xml) in parts.iter().chain(dpubm.iter()) {
        for s in SECRETS {
            assert!(!xml.contains(s), "{s} in {name}");
        }
    }

    // Again the same day: refused, naming the letter.
    let (code, _, err) = r.run(&["teguran"]);
    assert_eq!(code, 1);
    assert!(err.contains("800/1/435.107/2026"), "{err}");
    // The report lists the letters issued in its period.
    let j = r.json(&[
        "report",
        "--from",
        "2026-11-01",
        "--to",
        AS_OF,
        "--format",
        "json",
    ]);
    assert_eq!(
        j["reprimands"][0],
        json!(
            {"number": "800/1/435.107/2026", "date": AS_OF, "agency": "3529-DINSOS", "level": 1}
        )
    );
    // After the deadline (7 Dec) with the listed complaints still overdue: level 2, and
    // the numbers go on (never reused).
    let later = r.json(&["teguran", "--as-of", "2026-12-08", "--json"]);
    let l = later["letters"].as_array().expect("letters");
    assert_eq!(l[0]["level"], 2);
    assert_eq!(l[0]["number"], "800/3/435.107/2026");
    let doc = unzip(&PathBuf::from(l[0]["file"].as_str().expect("file")));
    let doc = part(&doc, "word/document.xml").to_owned();
    assert!(doc.contains("Teguran Tertulis Kedua") && doc.contains("800/1/435.107/2026"));
}
