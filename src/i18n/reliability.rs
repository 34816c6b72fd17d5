//! The sentences of the reliability commands and refusals, Indonesian beside English:
//! a damaged or vanished cache, a full disk, a writer waiting, batches written again
//! after a cut-short export, `check`, `backup`, `restore`, `audit` and `keygen`.

use super::Lang;
use crate::store::{CheckReport, Problem, RestoreReport, StoreError};
use crate::sync::signing::{KeyError, KeyProblem};
use std::path::Path;

impl Lang {
    /// The store's refusals added for reliability, in Indonesian (English is their
    /// `Display`).
    pub(super) fn reliability_store_error(self, e: &StoreError) -> String {
        if self == Lang::En {
            return e.to_string();
        }
        match e {
            StoreError::Damaged(detail) => format!(
                "cache rusak ({detail}); `sigap check` memberi rincian, dan `sigap restore BERKAS` \
                 memulihkan salinan dari folder `backups` di folder data"
            ),
            StoreError::Vanished {
                path,
                newest_backup,
            } => format!(
                "{} hilang atau kosong, padahal folder ini pernah berisi cache; pulihkan salinan \
                 dengan `sigap restore BERKAS`{}, atau pindahkan folder ini untuk memulai cache baru",
                path.display(),
                newest_backup
                    .as_ref()
                    .map(|b| format!(" (yang terbaru {})", b.display()))
                    .unwrap_or_default()
            ),
            StoreError::NeedsUpgrade(path) => format!(
                "cache {} ditulis Sigap versi lama dan harus diperbarui dulu: jalankan perintah \
                 yang menulis (misalnya `sigap check --repair`) atau buka meja",
                path.display()
            ),
            StoreError::DiskFull { statement } => format!(
                "disk tempat cache penuh, sehingga cache tidak dapat {statement}: kosongkan ruang \
                 di disk itu (paling sedikit sebesar berkas `sigap.db-wal`) lalu coba lagi; \
                 perintah yang hanya membaca tetap berjalan"
            ),
            StoreError::Busy { statement } => format!(
                "Sigap lain sedang menulis ke cache, sehingga cache tidak dapat {statement}: coba \
                 lagi setelah selesai (impor pertama yang berisi banyak laporan memakan waktu)"
            ),
            StoreError::PendingWouldBeLost { count, file } => format!(
                "{count} operasi yang belum diekspor ada di cache tetapi tidak ada di {}; ekspor \
                 dulu (`sigap export`) atau pulihkan dengan --force dan operasi itu hilang",
                file.display()
            ),
            StoreError::BadBackup { file, reason } => {
                format!("{}: tidak dapat dipulihkan: {reason}", file.display())
            }
            other => other.to_string(),
        }
    }

    /// Why the desk key cannot be used.
    pub fn key_error(self, e: &KeyError) -> String {
        if self == Lang::En {
            return e.to_string();
        }
        let why = match &e.reason {
            KeyProblem::Read(io) => format!("tidak dapat dibaca ({io})"),
            KeyProblem::Malformed => {
                "bukan 32 bita base64 (kunci yang ditulis `sigap keygen`)".to_owned()
            }
            KeyProblem::Exposed => {
                "dapat dibaca pengguna lain; jadikan privat (chmod 600)".to_owned()
            }
            KeyProblem::Exists => {
                "sudah ada; kunci baru tidak pernah ditulis menimpa kunci lama".to_owned()
            }
            KeyProblem::Write(io) => format!("tidak dapat ditulis ({io})"),
        };
        format!("kunci meja {}: {why}", e.path.display())
    }

    /// A writer waiting for the one that holds the cache.
    pub fn waiting_for_writer(self, dir: &Path) -> String {
        self.pick(
            format!(
                "cache di {} sedang dipakai Sigap lain; menunggu sebentar…",
                dir.display()
            ),
            format!(
                "the cache in {} is in use by another Sigap; waiting a moment…",
                dir.display()
            ),
        )
    }

    /// A batch an earlier export recorded but had not written, written now.
    pub fn batch_rewritten(self, path: &Path) -> String {
        self.pick(
            format!(
                "batch keluar yang tercatat tetapi belum tertulis kini ditulis: {}",
                path.display()
            ),
            format!(
                "an outbound batch recorded but not yet written was written: {}",
                path.display()
            ),
        )
    }

    /// `status`: batches recorded but not written.
    pub fn unwritten_batches(self, names: &[String]) -> String {
        let list = names.join(", ");
        self.pick(
            format!("tercatat tetapi belum tertulis: {list} (ekspor berikutnya menulisnya)"),
            format!("recorded but not yet written: {list} (the next export writes them)"),
        )
    }

    /// Due dates computed with other rules (a reader cannot recompute them).
    pub fn rules_stale(self) -> String {
        self.pick(
            "catatan: tenggat dihitung dengan aturan SLA lama; perintah yang menulis \
             berikutnya menghitung ulang"
                .to_owned(),
            "note: the due dates were computed with earlier SLA rules; the next command that \
             writes recomputes them"
                .to_owned(),
        )
    }

    /// A warning that does not stop the command.
    pub fn warning(self, what: &str) -> String {
        self.pick(format!("peringatan: {what}"), format!("warning: {what}"))
    }

    /// The daily (or other automatic) backup could not be taken.
    pub fn backup_failed(self, e: &str) -> String {
        self.pick(
            format!("salinan cadangan tidak dapat dibuat: {e}"),
            format!("the backup could not be taken: {e}"),
        )
    }

    /// The write-ahead log could not be folded in (the import itself is kept).
    pub fn checkpoint_failed(self, e: &str, wal_bytes: u64) -> String {
        let mb = wal_bytes.div_ceil(1024 * 1024);
        self.pick(
            format!(
                "impor tersimpan, tetapi log cache ({mb} MB) belum dapat dilipat ke berkas \
                 utama: {e}. Kosongkan paling sedikit {mb} MB di disk itu; perintah yang hanya \
                 membaca tetap berjalan"
            ),
            format!(
                "the import is kept, but the cache's log ({mb} MB) could not be folded into \
                 the main file: {e}. Free at least {mb} MB on that disk; commands that only \
                 read still work"
            ),
        )
    }

    /// `backup`: where the copy went.
    pub fn backup_written(self, path: &Path) -> String {
        self.pick(
            format!("salinan cadangan ditulis: {}", path.display()),
            format!("backup written: {}", path.display()),
        )
    }

    /// One problem `check` found.
    pub fn check_problem(self, p: &Problem) -> String {
        let fix = if p.repairable() {
            self.pick(" (diperbaiki `--repair`)", " (`--repair` rebuilds it)")
        } else {
            ""
        };
        let what = match p {
            Problem::Integrity { detail } => self.pick(
                format!("berkas rusak: {detail}"),
                format!("the file is damaged: {detail}"),
            ),
            Problem::Count { what } => self.pick(
                format!("hitungan {what} tidak sama dengan hitung ulang"),
                format!("the counts in {what} differ from a recount"),
            ),
            Problem::Orphans { what, rows } => {
                let id = match what.as_str() {
                    "operations of unknown complaints" => "operasi tanpa laporan di cache",
                    "exported operations of unknown batches" => {
                        "operasi terekspor tanpa batch keluar yang tercatat"
                    }
                    "search texts of unknown complaints" => "teks pencarian tanpa laporan",
                    "complaints without a search text" => "laporan tanpa teks pencarian",
                    "agency history of unknown complaints" => "riwayat instansi tanpa laporan",
                    other => other,
                };
                self.pick(format!("{rows} {id}"), format!("{rows} {what}"))
            }
            Problem::Derived { complaints } => self.pick(
                format!("{complaints} laporan dengan kolom turunan (tenggat, antrean) usang"),
                format!("{complaints} complaint(s) with stale derived columns (due dates, outbox)"),
            ),
            Problem::Audit { seq, reason } => self.pick(
                format!("jurnal audit putus di entri {seq}: {reason}"),
                format!("the audit journal is broken at entry {seq}: {reason}"),
            ),
        };
        format!("{what}{fix}")
    }

    /// `check`: the verdict.
    pub fn check_verdict(self, r: &CheckReport) -> String {
        let (c, o, a) = (r.complaints, r.operations, r.audit_entries);
        if r.problems.is_empty() {
            return self.pick(
                format!("cache utuh: {c} laporan, {o} operasi, {a} entri audit diperiksa"),
                format!(
                    "the cache is sound: {c} complaints, {o} operations, {a} audit entries checked"
                ),
            );
        }
        let n = r.problems.len();
        let restore = r.problems.iter().any(|p| !p.repairable());
        let hint = if restore {
            self.pick(
                "; yang tidak dapat dibangun ulang: pulihkan salinan dengan `sigap restore BERKAS`",
                "; what cannot be rebuilt: restore a copy with `sigap restore FILE`",
            )
        } else {
            self.pick(
                "; jalankan `sigap check --repair`",
                "; run `sigap check --repair`",
            )
        };
        self.pick(
            format!("{n} masalah ditemukan{hint}"),
            format!("{n} problem(s) found{hint}"),
        )
    }

    /// `restore`: what it did.
    pub fn restored(self, file: &Path, r: &RestoreReport) -> String {
        let lost = if r.lost_pending > 0 {
            self.pick(
                format!("; {} operasi belum diekspor hilang", r.lost_pending),
                format!(
                    "; {} operation(s) not yet exported were lost",
                    r.lost_pending
                ),
            )
        } else {
            String::new()
        };
        self.pick(
            format!(
                "dipulihkan dari {}: {} laporan, {} operasi tertunda; cache lama disimpan di {}{lost}",
                file.display(),
                r.complaints,
                r.pending,
                r.replaced.display()
            ),
            format!(
                "restored from {}: {} complaints, {} pending operations; the replaced cache is kept as {}{lost}",
                file.display(),
                r.complaints,
                r.pending,
                r.replaced.display()
            ),
        )
    }

    /// `audit --verify`: the chain holds.
    pub fn audit_intact(self, entries: u64) -> String {
        self.pick(
            format!("jurnal audit utuh: {entries} entri, rantai tidak putus"),
            format!("the audit journal is intact: {entries} entries, the chain unbroken"),
        )
    }

    /// `audit --verify`: the chain is broken.
    pub fn audit_broken(self, seq: i64, reason: &str) -> String {
        self.pick(
            format!("jurnal audit putus di entri {seq}: {reason}"),
            format!("the audit journal is broken at entry {seq}: {reason}"),
        )
    }

    /// `keygen`: what to do with the new key.
    pub fn keygen_done(self, path: &Path, public: &str, key_id: &str) -> String {
        self.pick(
            format!(
                "kunci privat ditulis: {} (hanya untuk Anda; jangan dibagikan)\n\
                 kunci publik untuk registri: {public}\nkey_id: {key_id}\n\
                 tambahkan ke konfigurasi: desk_key = \"{}\"",
                path.display(),
                path.display()
            ),
            format!(
                "private key written: {} (yours alone; never share it)\n\
                 public key for the registry: {public}\nkey_id: {key_id}\n\
                 add to the config: desk_key = \"{}\"",
                path.display(),
                path.display()
            ),
        )
    }
}
