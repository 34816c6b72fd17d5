//! The refusals and failures an officer meets, in the desk's language: the outbox's
//! refusals ([`OpError`]), the cache's failures ([`StoreError`]) and the export's
//! ([`ExportError`]). The error types keep an English `Display` for logs and for
//! errors raised before a config (and so a language) is known; what reaches an
//! officer's screen or terminal after that goes through [`Lang::error`].

use super::Lang;
use crate::store::Part;
use crate::store::StoreError;
use crate::sync::{ExportError, OpError, OpText};
use color_eyre::eyre::Report;

impl Lang {
    /// An error as a sentence in this language: the kinds this module knows are
    /// translated, any other is given as it is.
    pub fn error(self, e: &Report) -> String {
        if let Some(e) = e.downcast_ref::<OpError>() {
            return self.op_error(e);
        }
        if let Some(e) = e.downcast_ref::<ExportError>() {
            return self.export_error(e);
        }
        if let Some(e) = e.downcast_ref::<StoreError>() {
            return self.store_error(e);
        }
        format!("{e:#}")
    }

    /// Why the outbox refused a request.
    pub fn op_error(self, e: &OpError) -> String {
        match (self, e) {
            (Lang::En, e) => e.to_string(),
            (_, OpError::UnknownComplaint(id)) => format!("laporan {id} tidak ada di cache"),
            (_, OpError::OutOfScope { id, agency }) => {
                format!("laporan {id} milik {agency}, di luar cakupan meja ini")
            }
            (_, OpError::Empty(id, what)) => {
                let what = match what {
                    OpText::Response => "teks tindak lanjut",
                    OpText::TransferNote => "catatan pengalihan",
                    OpText::Missing => "keterangan data yang kurang",
                };
                format!("laporan {id}: {what} kosong")
            }
            (_, OpError::Placeholder(id, p)) => {
                format!("laporan {id}: {}", self.unfilled_placeholder(p))
            }
            (_, OpError::SameAgency { id, agency }) => {
                format!("laporan {id} sudah berada di {agency}: alihkan ke instansi lain")
            }
            (_, OpError::UnknownAgency(a)) => {
                format!("instansi {a} tidak dikenal (tidak ada di direktori)")
            }
            (_, OpError::NoOfficer) => {
                "nama petugas belum diatur: isi `officer` di konfigurasi".into()
            }
            (_, OpError::UnknownOperation(op)) => {
                format!("tidak ada operasi {op} untuk dikonfirmasi atau dibuang")
            }
            (_, OpError::NotInConflict(op, state)) => format!(
                "operasi {op} berstatus {}: hanya yang konflik atau ditolak yang bisa diselesaikan",
                self.op_state(*state)
            ),
            (_, OpError::RedoRejected(op)) => format!(
                "operasi {op} ditolak registri: antrekan ulang (sigap respond, transfer atau hold) \
                 atau buang"
            ),
            (_, OpError::Store(e)) => self.store_error(e),
        }
    }

    /// Why an export failed.
    pub fn export_error(self, e: &ExportError) -> String {
        match (self, e) {
            (Lang::En, e) => e.to_string(),
            (_, ExportError::Io { path, source }) => {
                format!("tidak dapat menulis {}: {source}", path.display())
            }
            (_, ExportError::UnknownBatch { agency, sequence }) => {
                format!("tidak ada batch keluar {sequence} untuk {agency}")
            }
            (_, ExportError::WhichAgency(list)) => {
                format!("meja ini punya beberapa instansi ({list}); sebutkan satu dengan --agency")
            }
            (_, ExportError::NoFolder) => {
                "belum ada folder ekspor: beri --out DIR atau isi `export_dir` di konfigurasi"
                    .into()
            }
            (_, ExportError::Encode(e)) => format!("operasi tidak dapat ditulis sebagai JSON: {e}"),
            (_, ExportError::Store(e)) => self.store_error(e),
            (_, ExportError::Key(e)) => self.key_error(e),
        }
    }

    /// Why the cache could not be used.
    pub fn store_error(self, e: &StoreError) -> String {
        match (self, e) {
            (Lang::En, e) => e.to_string(),
            (_, StoreError::AlreadyOpen(dir)) => format!(
                "cache di {} sedang dibuka Sigap lain (tutup jendela atau perintah itu dulu)",
                dir.display()
            ),
            (
                _,
                StoreError::TooNew {
                    path,
                    found,
                    supported,
                },
            ) => format!(
                "cache {} ditulis Sigap yang lebih baru (skema {found}, versi ini paling tinggi \
                 {supported}); perbarui Sigap",
                path.display()
            ),
            (_, StoreError::NotSigap(path)) => format!("{} bukan cache Sigap", path.display()),
            (_, StoreError::Io { path, source }) => format!("{}: {source}", path.display()),
            (_, StoreError::Migration(m)) => format!("pembaruan skema cache gagal: {m}"),
            (_, StoreError::Sql { statement, source }) => {
                format!("cache gagal dipakai ({statement}): {source}")
            }
            (
                _,
                StoreError::Corrupt {
                    complaint,
                    part,
                    reason,
                },
            ) => {
                let part = match part {
                    Part::Snapshot => "salinan laporannya".to_owned(),
                    Part::Operation(id) => format!("operasinya {id}"),
                };
                format!("laporan {complaint}: {part} di cache tidak terbaca ({reason})")
            }
            (_, StoreError::Unencodable { op, reason }) => {
                format!("operasi {op} tidak dapat disimpan: {reason}")
            }
            (_, e) => self.reliability_store_error(e),
        }
    }
}
