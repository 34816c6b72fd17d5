//! The monev pane's words, Indonesian beside English: its title, key hints, progress,
//! the lines under its table, its charts' titles, and the letters' review.

use super::Lang;
use crate::monev::letters::Letter;
use crate::store::StoredLetter;
use chrono::NaiveDate;

impl Lang {
    /// The pane's title.
    pub fn monev_pane_title(self, from: NaiveDate, to: NaiveDate, as_of: NaiveDate) -> String {
        let p = self.period(from, to);
        let a = self.long_date(as_of);
        self.pick(
            format!(" Monev · {p} · per {a} "),
            format!(" Monev · {p} · as of {a} "),
        )
    }

    pub fn monev_hint_drill(self) -> &'static str {
        self.pick("lewat tenggat di kotak masuk", "overdue in the inbox")
    }
    pub fn monev_hint_month(self) -> &'static str {
        self.pick("bulan", "month")
    }
    pub fn monev_hint_range(self) -> &'static str {
        self.pick("periode", "period")
    }
    pub fn monev_hint_draft(self) -> &'static str {
        self.pick("draf teguran", "draft reprimands")
    }
    pub fn monev_hint_apply(self) -> &'static str {
        self.pick("terapkan", "apply")
    }
    pub fn monev_hint_letter(self) -> &'static str {
        self.pick("surat lain", "other letter")
    }
    pub fn monev_hint_issue(self) -> &'static str {
        self.pick("terbitkan", "issue")
    }

    /// Before the period being typed.
    pub fn monev_range_prompt(self) -> &'static str {
        self.pick(
            "Periode (2026-10 atau 2026-10-01..2026-11-15): ",
            "Period (2026-10 or 2026-10-01..2026-11-15): ",
        )
    }

    /// A typed period that is not one.
    pub fn monev_bad_input(self, typed: &str) -> String {
        self.pick(
            format!("Periode tidak sah: {typed}"),
            format!("Not a period: {typed}"),
        )
    }

    /// While the figures are computed.
    pub fn monev_progress(self, read: u64, total: u64) -> String {
        self.pick(
            format!("Menghitung… {read} dari {total} laporan dibaca"),
            format!("Computing… {read} of {total} complaints read"),
        )
    }

    /// Before the first figures arrive.
    pub fn monev_computing(self) -> &'static str {
        self.pick("Menghitung angka monev…", "Computing the figures…")
    }

    /// While the letters are drafted.
    pub fn monev_drafting(self) -> &'static str {
        self.pick("Menyusun draf surat teguran…", "Drafting the reprimands…")
    }

    /// The pane's footnote.
    pub fn monev_privacy_short(self) -> &'static str {
        self.pick(
            "Tanpa identitas pelapor; laporan rahasia hanya dengan ID dan kategori.",
            "No reporter's identity; confidential complaints by ID and category only.",
        )
    }

    pub fn monev_backlog_label(self) -> &'static str {
        self.pick("Tunggakan: ", "Backlog: ")
    }

    /// The backlog's size and age (in working days).
    pub fn monev_backlog_ages(self, open: u64, overdue: u64, age: [u64; 4]) -> String {
        self.pick(
            format!(
                "{open} terbuka, {overdue} lewat · umur HK 0-5:{} 6-14:{} 15-60:{} >60:{}",
                age[0], age[1], age[2], age[3]
            ),
            format!(
                "{open} open, {overdue} overdue · age in WD 0-5:{} 6-14:{} 15-60:{} >60:{}",
                age[0], age[1], age[2], age[3]
            ),
        )
    }

    pub fn monev_letters_label(self) -> &'static str {
        self.pick("Teguran: ", "Reprimands: ")
    }

    /// The letters issued in the period, in one line; when none was, the latest one
    /// issued before it.
    pub fn monev_letters_line(self, in_period: &[StoredLetter], all: &[StoredLetter]) -> String {
        let one = |l: &StoredLetter| {
            format!(
                "{} {} ({} {}, {})",
                l.number,
                l.agency,
                self.pick("tingkat", "level"),
                l.level,
                self.long_date(l.date)
            )
        };
        if in_period.is_empty() {
            let none = self.pick("belum ada dalam periode ini", "none in this period");
            return match all.last() {
                Some(l) => format!("{none}; {}: {}", self.pick("terakhir", "latest"), one(l)),
                None => none.to_owned(),
            };
        }
        in_period.iter().map(one).collect::<Vec<_>>().join("; ")
    }

    pub fn monev_chart_compliance(self) -> &'static str {
        self.pick(" Kepatuhan TL awal ", " First-response compliance ")
    }

    pub fn monev_chart_weekly(self) -> &'static str {
        self.pick(
            " Per minggu: masuk │ TL tepat waktu ",
            " Weekly: received │ on-time first responses ",
        )
    }

    /// Above the drafted letters.
    pub fn monev_letters_heading(self, n: usize) -> String {
        self.pick(
            format!("{n} draf surat teguran (belum bernomor; periksa lalu terbitkan):"),
            format!("{n} draft reprimand(s) (not numbered yet; review, then issue):"),
        )
    }

    /// One drafted letter in the list.
    pub fn monev_letter_row(self, l: &Letter) -> String {
        let d = self.long_date(l.deadline);
        let n = l.items.len();
        self.pick(
            format!(
                "Teguran {} · {} · {n} tenggat terlewat · batas {d}",
                l.level, l.agency
            ),
            format!(
                "Level {} · {} · {n} overdue clocks · deadline {d}",
                l.level, l.agency
            ),
        )
    }

    /// The question before issuing.
    pub fn monev_issue_question(self, letters: &[Letter]) -> String {
        let n = letters.len();
        self.pick(
            format!(
                "Terbitkan {n} surat teguran (nomor diambil dan dicatat, berkas .docx ditulis)?"
            ),
            format!("Issue {n} reprimand(s) (numbers taken and recorded, .docx files written)?"),
        )
    }

    /// After issuing.
    pub fn monev_issued(self, letters: &[Letter]) -> String {
        let numbers: Vec<&str> = letters.iter().filter_map(|l| l.number.as_deref()).collect();
        let dir = letters
            .first()
            .and_then(|l| l.file.as_ref())
            .and_then(|f| f.parent())
            .map(|d| d.display().to_string())
            .unwrap_or_default();
        self.pick(
            format!(
                "{} teguran terbit: {} (berkas di {dir})",
                numbers.len(),
                numbers.join(", ")
            ),
            format!(
                "{} reprimand(s) issued: {} (files in {dir})",
                numbers.len(),
                numbers.join(", ")
            ),
        )
    }

    /// An agency without an overdue complaint.
    pub fn monev_no_overdue(self, agency: &str) -> String {
        self.pick(
            format!("{agency}: tidak ada laporan lewat tenggat"),
            format!("{agency}: no overdue complaint"),
        )
    }

    /// The inbox's title while it shows an agency's overdue complaints.
    pub fn monev_drill_label(self, agency: &str, n: usize) -> String {
        self.pick(
            format!("monev {agency}: {n} lewat tenggat"),
            format!("monev {agency}: {n} overdue"),
        )
    }
}
