//! The monitoring report's and the written reprimands' words, Indonesian beside
//! English: the report's headings and columns, the monev pane's texts, and the
//! `report` and `teguran` commands' sentences. The letters themselves are Indonesian
//! only (`assets/templates/teguran-*.txt`): they are official correspondence.

use super::Lang;
use crate::domain::monev::ClockKind;
use chrono::NaiveDate;

/// Month names for headings.
use crate::domain::template::BULAN;
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Lang {
    /// A date written out: `2 Desember 2026`, `2 December 2026`.
    pub fn long_date(self, d: NaiveDate) -> String {
        use chrono::Datelike;
        let names = self.pick(BULAN, MONTHS);
        format!("{} {} {}", d.day(), names[d.month0() as usize], d.year())
    }

    /// A period: a whole month by its name, otherwise its two ends.
    pub fn period(self, from: NaiveDate, to: NaiveDate) -> String {
        use chrono::Datelike;
        let whole_month = from.day() == 1
            && to.succ_opt().is_some_and(|n| n.day() == 1)
            && from.month() == to.month()
            && from.year() == to.year();
        if whole_month {
            let names = self.pick(BULAN, MONTHS);
            format!("{} {}", names[from.month0() as usize], from.year())
        } else {
            format!("{} – {}", self.long_date(from), self.long_date(to))
        }
    }

    /// A clock's name.
    pub fn monev_clock(self, c: ClockKind) -> &'static str {
        match c {
            ClockKind::FirstResponse => self.pick("tindak lanjut awal", "first response"),
            ClockKind::Completion => self.pick("penyelesaian", "completion"),
        }
    }

    /// The report's title.
    pub fn monev_title(self) -> &'static str {
        self.pick(
            "Monitoring dan Evaluasi Pengelolaan Pengaduan SP4N-LAPOR!",
            "SP4N-LAPOR! complaint handling: monitoring and evaluation",
        )
    }

    /// Under the title: the period and the day the figures were taken.
    pub fn monev_subtitle(self, from: NaiveDate, to: NaiveDate, as_of: NaiveDate) -> String {
        let p = self.period(from, to);
        let a = self.long_date(as_of);
        self.pick(
            format!("Periode {p} · keadaan per {a}"),
            format!("Period {p} · as of {a}"),
        )
    }

    /// The short column headers of the table (`table`, `md`, the pane), in order:
    /// rank, agency, received, transferred, first response (on time, late, overdue,
    /// pending, compliance, median), completion (the same and unknown time), backlog
    /// (open, overdue, four ages).
    pub fn monev_columns(self) -> [&'static str; 23] {
        self.pick(
            [
                "#",
                "Instansi",
                "Masuk",
                "Alih",
                "TL tepat",
                "TL telat",
                "TL lewat",
                "TL tunggu",
                "TL %",
                "TL med",
                "Sls tepat",
                "Sls telat",
                "Sls lewat",
                "Sls tunggu",
                "Sls t.d.",
                "Sls %",
                "Sls med",
                "Tunggak",
                "Tgk lewat",
                "0-5",
                "6-14",
                "15-60",
                ">60",
            ],
            [
                "#", "Agency", "Recv", "Trf", "FR ok", "FR late", "FR over", "FR pend", "FR %",
                "FR med", "Cmp ok", "Cmp late", "Cmp over", "Cmp pend", "Cmp unk", "Cmp %",
                "Cmp med", "Backlog", "Bkl over", "0-5", "6-14", "15-60", ">60",
            ],
        )
    }

    /// The legend under a table, explaining its short headers.
    pub fn monev_legend(self) -> &'static str {
        self.pick(
            "Masuk: penugasan yang diterima dalam periode; Alih: dialihkan (bukan wewenang); \
             TL: tindak lanjut awal; Sls: penyelesaian; tepat/telat: terpenuhi tepat waktu / \
             terlambat; lewat: belum terpenuhi dan lewat tenggat; tunggu: belum jatuh tempo; \
             t.d.: selesai pada waktu tidak diketahui; %: kepatuhan = tepat / (tepat + telat + \
             lewat); med: median hari kerja; Tunggak: laporan belum selesai per tanggal evaluasi, \
             menurut umur dalam hari kerja.",
            "Recv: assignments received in the period; Trf: transferred out; FR: first \
             response; Cmp: completion; ok/late: met on time / late; over: not met and past \
             due; pend: not yet due; unk: completed at an unknown time; %: compliance = on \
             time / (on time + late + overdue); med: median working days; Backlog: open at the \
             as-of date, by age in working days.",
        )
    }

    /// The header of the agencies' names.
    pub fn monev_name_column(self) -> &'static str {
        self.pick("Nama", "Name")
    }

    /// The language's code, for a page's `lang`.
    pub fn code(self) -> &'static str {
        self.pick("id", "en")
    }

    /// The labels of the report's headline figures: received, first-response and
    /// completion compliance, backlog, overdue in the backlog.
    pub fn monev_card_labels(self) -> [&'static str; 5] {
        self.pick(
            [
                "penugasan masuk",
                "kepatuhan tindak lanjut awal",
                "kepatuhan penyelesaian",
                "tunggakan per tanggal evaluasi",
                "tunggakan lewat tenggat",
            ],
            [
                "assignments received",
                "first-response compliance",
                "completion compliance",
                "backlog at the as-of date",
                "overdue in the backlog",
            ],
        )
    }

    /// Under a list cut short.
    pub fn monev_more_overdue(self, n: usize) -> String {
        self.pick(
            format!("… dan {n} lagi (daftar lengkap ada di format xlsx)."),
            format!("… and {n} more (the xlsx format lists them all)."),
        )
    }

    /// The workbook chart's title.
    pub fn monev_chart_title(self) -> &'static str {
        self.pick("Kepatuhan per instansi", "Compliance per agency")
    }

    /// The total row's label.
    pub fn monev_total(self) -> &'static str {
        self.pick("JUMLAH", "TOTAL")
    }

    /// The headings of the report's sections.
    pub fn monev_sections(self) -> MonevSections {
        MonevSections {
            table: self.pick("Kinerja per instansi", "Performance per agency"),
            compliance: self.pick(
                "Kepatuhan tindak lanjut awal per instansi",
                "First-response compliance per agency",
            ),
            weekly: self.pick(
                "Laporan masuk dan tindak lanjut awal tepat waktu per minggu",
                "Received and first responses on time per week",
            ),
            backlog: self.pick("Umur tunggakan (hari kerja)", "Backlog age (working days)"),
            overdue: self.pick("Laporan yang lewat tenggat", "Overdue complaints"),
            letters: self.pick(
                "Teguran tertulis yang diterbitkan",
                "Written reprimands issued",
            ),
            none: self.pick("Tidak ada.", "None."),
        }
    }

    /// The overdue list's column headers: tracking ID, agency, category, clock, due
    /// date, working days late.
    pub fn monev_overdue_columns(self) -> [&'static str; 6] {
        self.pick(
            [
                "ID pelacakan",
                "Instansi",
                "Kategori",
                "Tahap",
                "Jatuh tempo",
                "HK terlambat",
            ],
            [
                "Tracking ID",
                "Agency",
                "Category",
                "Clock",
                "Due",
                "WD late",
            ],
        )
    }

    /// The letters list's column headers: number, date, agency, level, deadline.
    pub fn monev_letter_columns(self) -> [&'static str; 5] {
        self.pick(
            ["Nomor", "Tanggal", "Instansi", "Tingkat", "Batas waktu"],
            ["Number", "Date", "Agency", "Level", "Deadline"],
        )
    }

    /// The series of the weekly chart.
    pub fn monev_series(self) -> (&'static str, &'static str) {
        self.pick(
            ("Masuk", "TL awal tepat waktu"),
            ("Received", "First response on time"),
        )
    }

    /// The sheet names of the workbook: the table, the overdue list, the letters.
    pub fn monev_sheets(self) -> [&'static str; 3] {
        self.pick(
            ["Monev", "Lewat tenggat", "Teguran"],
            ["Monev", "Overdue", "Reprimands"],
        )
    }

    /// A footnote of every report: what it leaves out, and why.
    pub fn monev_privacy_note(self) -> &'static str {
        self.pick(
            "Laporan ini tidak memuat identitas pelapor maupun isi pengaduan; laporan \
             berklasifikasi rahasia hanya disebut dengan ID pelacakan dan kategorinya.",
            "This report holds no reporter's identity and no complaint text; confidential \
             complaints appear by tracking ID and category only.",
        )
    }

    /// Who made the report, at the foot.
    pub fn monev_made_by(self, as_of: NaiveDate) -> String {
        self.pick(
            format!(
                "Dibuat dengan Sigap dari cache meja ini, per {}.",
                self.long_date(as_of)
            ),
            format!(
                "Made with Sigap from this desk's cache, as of {}.",
                self.long_date(as_of)
            ),
        )
    }
}

/// The report's section headings.
#[derive(Clone, Copy, Debug)]
pub struct MonevSections {
    pub table: &'static str,
    pub compliance: &'static str,
    pub weekly: &'static str,
    pub backlog: &'static str,
    pub overdue: &'static str,
    pub letters: &'static str,
    pub none: &'static str,
}
