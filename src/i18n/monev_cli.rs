//! The `report` and `teguran` commands' sentences, Indonesian beside English. Their
//! `--json` output is language-neutral and is not here.

use super::Lang;
use crate::monev::MonevError;
use crate::monev::letters::{Letter, LetterError};

impl Lang {
    /// A period whose start is after its end.
    pub fn monev_bad_range(self, from: &str, to: &str) -> String {
        self.pick(
            format!("periode tidak sah: {from} sesudah {to}"),
            format!("invalid period: {from} is after {to}"),
        )
    }

    /// `--month` that is not `YYYY-MM`.
    pub fn monev_bad_month(self, m: &str) -> String {
        self.pick(
            format!("bulan tidak sah: {m} (tulis YYYY-MM, misalnya 2026-11)"),
            format!("invalid month: {m} (write YYYY-MM, for example 2026-11)"),
        )
    }

    /// A file format with no file named and no `report_dir`.
    pub fn monev_needs_out(self, format: &str) -> String {
        self.pick(
            format!("format {format} ditulis ke berkas: beri --out FILE atau isi `report_dir` di konfigurasi"),
            format!("format {format} is written to a file: pass --out FILE or set `report_dir` in the config"),
        )
    }

    /// After a report was written to a file.
    pub fn monev_written(self, path: &str) -> String {
        self.pick(
            format!("laporan ditulis: {path}"),
            format!("report written: {path}"),
        )
    }

    /// Why a report could not be made.
    pub fn monev_error(self, e: &MonevError) -> String {
        match (self, e) {
            (Lang::En, e) => e.to_string(),
            (_, MonevError::OutOfScope(a)) => {
                format!("instansi {a} di luar cakupan meja ini")
            }
            (_, MonevError::Store(e)) => self.store_error(e),
        }
    }

    /// Why letters could not be issued.
    pub fn letter_error(self, e: &LetterError) -> String {
        match (self, e) {
            (Lang::En, e) => e.to_string(),
            (_, LetterError::AlreadyIssued { agency, number }) => {
                format!("teguran untuk {agency} sudah diterbitkan hari ini: nomor {number}")
            }
            (_, LetterError::Template { level, placeholder }) => {
                format!("templat surat teguran-{level}: isian {placeholder} tidak dikenal")
            }
            (_, LetterError::NoFolder) => {
                "belum ada folder untuk surat: beri --out DIR atau isi `report_dir` di konfigurasi"
                    .into()
            }
            (_, LetterError::Io { path, source }) => {
                format!("tidak dapat menulis {}: {source}", path.display())
            }
            (
                _,
                LetterError::NotPlaced {
                    number,
                    path,
                    source,
                },
            ) => format!(
                "surat {number} sudah tercatat tetapi berkasnya {} tidak dapat ditulis: {source}",
                path.display()
            ),
            (_, LetterError::Docx(m)) => format!("surat tidak dapat dibuat: {m}"),
            (_, LetterError::Store(e)) => self.store_error(e),
        }
    }

    /// No agency is late enough for a letter.
    pub fn teguran_none(self, as_of: chrono::NaiveDate) -> String {
        let d = self.long_date(as_of);
        self.pick(
            format!("Tidak ada instansi yang perlu ditegur per {d}."),
            format!("No agency needs a reprimand as of {d}."),
        )
    }

    /// One letter, issued or (in a dry run) to be issued.
    pub fn teguran_line(self, l: &Letter, dry_run: bool) -> String {
        let n = l.items.len();
        let deadline = self.long_date(l.deadline);
        let number = l.number.clone().unwrap_or_else(|| "-".into());
        let file = l
            .file
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| l.file_name());
        match (self, dry_run) {
            (Lang::Id, true) => format!(
                "akan diterbitkan: teguran tingkat {} untuk {} ({}): {n} tenggat terlewat, batas {deadline}, berkas {file}",
                l.level, l.agency, l.name
            ),
            (Lang::Id, false) => format!(
                "diterbitkan: teguran tingkat {} nomor {number} untuk {} ({}): {n} tenggat terlewat, batas {deadline}, berkas {file}",
                l.level, l.agency, l.name
            ),
            (Lang::En, true) => format!(
                "would issue: level {} reprimand to {} ({}): {n} overdue clocks, deadline {deadline}, file {file}",
                l.level, l.agency, l.name
            ),
            (Lang::En, false) => format!(
                "issued: level {} reprimand {number} to {} ({}): {n} overdue clocks, deadline {deadline}, file {file}",
                l.level, l.agency, l.name
            ),
        }
    }
}
