//! The desk's sentences with values in them, one function per sentence, each written
//! in both languages side by side.

use super::Lang;
use crate::app::QueueKind;
use crate::domain::{OpKind, Operation};
use crate::sync::{ImportOutcome, ImportReport};

/// `n` things in English, singular for one.
fn en_count(n: usize, thing: &str) -> String {
    if n == 1 {
        format!("1 {thing}")
    } else {
        format!("{n} {thing}s")
    }
}

impl Lang {
    /// After copying a tracking ID.
    pub fn copied(self, text: &str) -> String {
        self.pick(format!("{text} disalin"), format!("{text} copied"))
    }

    /// When the clipboard is out of reach (a remote session).
    pub fn copy_refused(self, text: &str) -> String {
        self.pick(
            format!("Papan klip tidak terjangkau lewat sesi jarak jauh; ID-nya: {text}"),
            format!("The clipboard is out of reach in a remote session; the ID: {text}"),
        )
    }

    /// After marking rows.
    pub fn marked(self, n: usize) -> String {
        self.pick(
            format!("{n} laporan ditandai"),
            format!("{} marked", en_count(n, "complaint")),
        )
    }

    /// How many rows a `V` range holds while it grows.
    pub fn range_size(self, n: usize) -> String {
        self.pick(
            format!("rentang {n} laporan (V lagi: tandai)"),
            format!("range of {} (V again: mark)", en_count(n, "complaint")),
        )
    }

    /// What kind of operations were queued, in the plural.
    pub fn queue_kind(self, k: QueueKind) -> &'static str {
        match k {
            QueueKind::Transfers => self.pick("usulan pengalihan", "transfers"),
            QueueKind::Responses => self.pick("tindak lanjut", "responses"),
            QueueKind::Holds => self.pick("penundaan", "holds"),
        }
    }

    /// After operations were queued.
    pub fn queued(self, n: usize, k: QueueKind) -> String {
        let what = self.queue_kind(k);
        self.pick(
            format!("{n} {what} masuk antrean keluar"),
            format!("{n} {what} queued"),
        )
    }

    /// An operation's kind, in a word.
    pub fn op_kind(self, k: &OpKind) -> &'static str {
        let t = self.t();
        match k {
            OpKind::Response { .. } => t.op_response,
            OpKind::Transfer { .. } => t.op_transfer,
            OpKind::Hold { .. } => t.op_hold,
        }
    }

    /// An operation in one line: its kind, its target or text, its state.
    pub fn op_summary(self, op: &Operation) -> String {
        let what = match &op.kind {
            OpKind::Transfer {
                to_agency, note, ..
            } => format!(
                "{} → {}: {}",
                self.t().op_transfer,
                to_agency.as_ref().map_or("?", |a| a.as_str()),
                crate::text::line(note)
            ),
            OpKind::Response { stage, text } => {
                format!("{}: {}", self.stage(*stage), crate::text::line(text))
            }
            OpKind::Hold { missing } => {
                format!("{}: {}", self.t().op_hold, crate::text::line(missing))
            }
        };
        let what: String = if what.chars().count() > 60 {
            let mut cut: String = what.chars().take(59).collect();
            cut.push('…');
            cut
        } else {
            what
        };
        format!("[{}] {what}", self.op_state(op.state))
    }

    /// After an undo: what was taken back, on which complaint (or how many).
    pub fn undone(self, ops: &[Operation]) -> String {
        let Some(first) = ops.first() else {
            return self.t().nothing_to_undo.to_owned();
        };
        let what = self.op_kind(&first.kind);
        let id = first.complaint_id.as_str();
        match (self, ops.len()) {
            (Lang::Id, 1) => format!("Dibatalkan: {what} {id}"),
            (Lang::En, 1) => format!("Undone: {what} {id}"),
            (Lang::Id, n) => format!("Dibatalkan: {n} {what} ({id} dan {} lainnya)", n - 1),
            (Lang::En, n) => format!("Undone: {n} × {what} ({id} and {} more)", n - 1),
        }
    }

    /// Redo with nothing undone.
    pub fn nothing_to_redo(self) -> &'static str {
        self.pick("Tidak ada yang bisa diulangi", "Nothing to redo")
    }

    /// After settling operations in conflict or rejected.
    pub fn conflicts_settled(self, n: usize) -> String {
        self.pick(
            format!("{n} operasi diselesaikan"),
            format!("{} settled", en_count(n, "operation")),
        )
    }

    /// After an import in which some files were refused.
    pub fn files_rejected(self, n: usize) -> String {
        self.pick(
            format!("{n} berkas ditolak (lihat panel impor)"),
            format!("{} rejected (see the import pane)", en_count(n, "file")),
        )
    }

    /// A complaint the cache does not hold.
    pub fn unknown_complaint(self, id: &str) -> String {
        self.pick(
            format!("laporan {id} tidak ada di cache"),
            format!("unknown complaint {id}"),
        )
    }

    /// A batch file the import refused, with the reason.
    pub fn file_refused(self, file: &str, reason: &str) -> String {
        self.pick(
            format!("{file}: ditolak: {reason}"),
            format!("{file}: rejected: {reason}"),
        )
    }

    /// A draft that could not be saved.
    pub fn draft_not_saved(self, e: &str) -> String {
        self.pick(
            format!("Draf TIDAK tersimpan ({e}); teks masih di sini"),
            format!("The draft was NOT saved ({e}); the text is still here"),
        )
    }

    /// Added to a question when some of its complaints are not in the list.
    pub fn hidden_note(self, n: usize) -> String {
        self.pick(
            format!(" ({n} di antaranya tidak tampak di daftar ini)"),
            format!(" ({n} of them not in the current list)"),
        )
    }

    /// Before an export.
    pub fn export_question(self, pending: usize) -> String {
        self.pick(
            format!("Ekspor {pending} operasi tertunda sekarang? (Enter: ya, Esc: batal)"),
            format!(
                "Export {} now? (Enter: yes, Esc: no)",
                en_count(pending, "pending operation")
            ),
        )
    }

    /// Before quitting with saved drafts.
    pub fn quit_with_drafts(self, n: usize) -> String {
        self.pick(
            format!("Ada {n} draf tindak lanjut tersimpan. Keluar? (Enter: ya, Esc: batal)"),
            format!(
                "{} saved. Quit? (Enter: yes, Esc: no)",
                en_count(n, "response draft")
            ),
        )
    }

    /// What a transfer will do (the transfer pane's preview line).
    pub fn transfer_preview(self, n: usize, to: &str) -> String {
        self.pick(
            format!("{n} laporan akan diusulkan dialihkan ke {to}"),
            format!(
                "{} will be proposed for transfer to {to}",
                en_count(n, "complaint")
            ),
        )
    }

    /// Before queueing transfers.
    pub fn transfer_question(self, n: usize, to: &str) -> String {
        let yes_no = self.pick(
            "Kirim? (Enter: ya, Esc: batal)",
            "Send? (Enter: yes, Esc: no)",
        );
        format!("{}. {yes_no}", self.transfer_preview(n, to))
    }

    /// Before queueing responses.
    pub fn respond_question(self, n: usize) -> String {
        self.pick(
            format!("Kirim tindak lanjut ke {n} laporan? (Enter: ya, Esc: batal)"),
            format!(
                "Queue the response for {}? (Enter: yes, Esc: no)",
                en_count(n, "complaint")
            ),
        )
    }

    /// Before queueing holds.
    pub fn hold_question(self, n: usize) -> String {
        self.pick(
            format!("Tunda {n} laporan? (Enter: ya, Esc: batal)"),
            format!(
                "Put {} on hold? (Enter: yes, Esc: no)",
                en_count(n, "complaint")
            ),
        )
    }

    /// Before discarding a complaint's operations in conflict or rejected.
    pub fn discard_question(self, id: &str) -> String {
        self.pick(
            format!("Buang operasi yang konflik atau ditolak pada {id}? (Enter: ya, Esc: batal)"),
            format!(
                "Discard the operations in conflict or rejected on {id}? (Enter: yes, Esc: no)"
            ),
        )
    }

    /// A response that still holds a placeholder nobody fills.
    pub fn unfilled_placeholder(self, p: &str) -> String {
        self.pick(
            format!("teks masih berisi placeholder {p} yang belum terisi"),
            format!("the text still holds the unfilled placeholder {p}"),
        )
    }

    /// The response pane's title.
    pub fn respond_title(self, n: usize) -> String {
        self.pick(
            format!(" Tindak Lanjut untuk {n} laporan "),
            format!(" Response to {} ", en_count(n, "complaint")),
        )
    }

    /// Below the previews that are shown.
    pub fn more_previews(self, n: usize) -> String {
        self.pick(
            format!("… dan {n} laporan lain, diisi dengan cara yang sama"),
            format!("… and {n} more, filled the same way"),
        )
    }

    /// The hold pane's title: the complaint it holds, or how many.
    pub fn hold_title(self, targets: &[crate::domain::ComplaintId]) -> String {
        let n = targets.len();
        if let [one] = targets {
            let id = crate::text::line(one.as_str());
            return self.pick(
                format!(" Tunda {id}: data apa yang perlu dilengkapi? "),
                format!(" Hold {id}: what must the reporter supply? "),
            );
        }
        self.pick(
            format!(" Tunda {n} laporan: data apa yang perlu dilengkapi? "),
            format!(
                " Hold {}: what must the reporter supply? ",
                en_count(n, "complaint")
            ),
        )
    }

    /// An age in minutes, hours or days.
    pub fn age(self, mins: i64) -> String {
        match (self, mins) {
            (Lang::Id, m) if m < 60 => format!("{m} mnt"),
            (Lang::Id, m) if m < 60 * 48 => format!("{} jam", m / 60),
            (Lang::Id, m) => format!("{} hari", m / 1440),
            (Lang::En, m) if m < 60 => format!("{m} min"),
            (Lang::En, m) if m < 60 * 48 => format!("{} h", m / 60),
            (Lang::En, m) => format!("{} d", m / 1440),
        }
    }

    /// One imported file's report.
    pub fn import_report(self, r: &ImportReport) -> String {
        let missing = if r.missing.is_empty() {
            String::new()
        } else {
            let runs = crate::store::sequence_ranges(&r.missing);
            self.pick(
                format!("; urutan hilang {runs}"),
                format!("; missing sequences {runs}"),
            )
        };
        let again = matches!(r.outcome, Some(ImportOutcome::AlreadyImported));
        let (file, batch, agency, seq) = (&r.file, &r.batch_id, &r.agency, r.sequence);
        match self {
            Lang::Id => format!(
                "{file}: {} (batch {batch}, {agency} #{seq}): laporan {} baru, {} diperbarui, \
                 {} tetap; pesan {} baru; instansi {}; tanda terima {}; konflik {}; \
                 peringatan {}{missing}",
                if again {
                    "sudah pernah diimpor"
                } else {
                    "diterapkan"
                },
                r.complaints_new,
                r.complaints_updated,
                r.complaints_unchanged,
                r.messages_new,
                r.agencies,
                r.acks,
                r.conflicts,
                r.warnings.len(),
            ),
            Lang::En => format!(
                "{file}: {} (batch {batch}, {agency} #{seq}): complaints {} new, {} updated, \
                 {} unchanged; messages {} new; agencies {}; acks {}; conflicts {}; \
                 warnings {}{missing}",
                if again { "already imported" } else { "applied" },
                r.complaints_new,
                r.complaints_updated,
                r.complaints_unchanged,
                r.messages_new,
                r.agencies,
                r.acks,
                r.conflicts,
                r.warnings.len(),
            ),
        }
    }
}
