//! The names of the domain's values in each language: statuses, classifications,
//! stages, transfer reasons, operation states, thread authors, SLA clock states, the
//! saved views and what each bindable command does.

use super::Lang;
use crate::app::{Command, View};
use crate::domain::{Author, Classification, ClockState, OpState, Stage, Status, TransferReason};

impl Lang {
    /// A complaint status as the officer reads it (an unknown one as given).
    pub fn status(self, s: &Status) -> String {
        let known = match s {
            Status::BelumTerverifikasi => self.pick("belum terverifikasi", "unverified"),
            Status::Tertunda => self.pick("tertunda", "on hold"),
            Status::Arsip => self.pick("arsip", "archived"),
            Status::Terdisposisi => self.pick("terdisposisi", "disposed"),
            Status::Diproses => self.pick("diproses", "in progress"),
            Status::Selesai => self.pick("selesai", "done"),
            Status::Other(s) => return s.clone(),
        };
        known.to_owned()
    }

    /// A complaint's classification (an unknown one as given).
    pub fn classification(self, c: &Classification) -> String {
        let known = match c {
            Classification::Aspirasi => self.pick("aspirasi", "aspiration"),
            Classification::Pengaduan => self.pick("pengaduan", "complaint"),
            Classification::PermintaanInformasi => {
                self.pick("permintaan informasi", "information request")
            }
            Classification::Other(s) => return s.clone(),
        };
        known.to_owned()
    }

    /// A response stage as the picker and the operations list show it.
    pub fn stage(self, s: Stage) -> &'static str {
        match s {
            Stage::Initial => self.pick("TL awal", "initial"),
            Stage::Progress => self.pick("TL proses", "progress"),
            Stage::Final => self.pick("TL akhir (selesai)", "final"),
        }
    }

    /// A transfer reason.
    pub fn reason(self, r: TransferReason) -> &'static str {
        match r {
            TransferReason::NotOurUnit => self.pick("bukan unit kami", "not our unit"),
            TransferReason::NotOurRegion => self.pick("bukan wilayah kami", "not our region"),
            TransferReason::NotPublicService => {
                self.pick("bukan pelayanan publik", "not a public service")
            }
            TransferReason::Other => self.pick("lainnya", "other"),
        }
    }

    /// Where an operation stands.
    pub fn op_state(self, s: OpState) -> &'static str {
        match s {
            OpState::Pending => self.pick("menunggu ekspor", "pending"),
            OpState::Exported => self.pick("terekspor", "exported"),
            OpState::Accepted => self.pick("diterima", "accepted"),
            OpState::Rejected => self.pick("ditolak", "rejected"),
            OpState::Superseded => self.pick("digantikan", "superseded"),
            OpState::Conflict => self.pick("konflik", "conflict"),
            OpState::Discarded => self.pick("ditolak, sudah ditangani", "rejected, dealt with"),
        }
    }

    /// Who wrote a thread message (an unknown kind as given).
    pub fn author(self, a: &Author) -> String {
        let known = match a {
            Author::Reporter => self.pick("pelapor", "reporter"),
            Author::Admin => self.pick("admin", "admin"),
            Author::Agency => self.pick("instansi", "agency"),
            Author::System => self.pick("sistem", "system"),
            Author::Other(s) => return s.clone(),
        };
        known.to_owned()
    }

    /// An SLA clock's state in working days (*hari kerja*).
    pub fn clock(self, s: ClockState) -> String {
        match (self, s) {
            (Lang::Id, ClockState::Remaining(n)) => format!("sisa {n} HK"),
            (Lang::En, ClockState::Remaining(n)) => format!("{n} WD left"),
            (Lang::Id, ClockState::Late(n)) => format!("terlambat {n} HK"),
            (Lang::En, ClockState::Late(n)) => format!("{n} WD late"),
            (_, ClockState::DueToday) => self.pick("jatuh tempo hari ini", "due today").into(),
            (_, ClockState::MetOnTime) => self.pick("tepat waktu", "on time").into(),
            (_, ClockState::MetLate) => self.pick("terlambat", "late").into(),
            (_, ClockState::Completed) => self.pick("selesai", "completed").into(),
            (_, ClockState::Interrupted) => self.pick("dibalas", "replied").into(),
            (_, ClockState::Closed) => self.pick("ditutup", "closed").into(),
        }
    }

    /// The SLA column's cell: which clock, then its state.
    pub fn sla_cell(self, clock: crate::app::SlaClock, s: ClockState) -> String {
        let which = match clock {
            crate::app::SlaClock::FirstResponse => self.pick("awal", "first"),
            crate::app::SlaClock::Completion => self.pick("akhir", "final"),
        };
        format!("{which}: {}", self.clock(s))
    }

    /// A saved view's tab title.
    pub fn view(self, v: View) -> &'static str {
        match v {
            View::NeedsAction => self.pick("Perlu Tindakan", "Needs action"),
            View::DueSoon => self.pick("Hampir Jatuh Tempo", "Due soon"),
            View::Late => self.pick("Terlambat", "Late"),
            View::InProgress => self.pick("Diproses", "In progress"),
            View::Done => self.pick("Selesai", "Done"),
            View::Transferred => self.pick("Dialihkan", "Transferred"),
            View::Outbox => self.pick("Keluar", "Outbox"),
            View::All => self.pick("Semua", "All"),
            View::Misrouted => self.pick("Mungkin Salah Alamat", "Maybe misrouted"),
        }
    }

    /// What a bindable command does, for the help.
    pub fn command(self, cmd: Command) -> &'static str {
        let (id, en) = match cmd {
            Command::Down => ("baris berikut / gulir turun", "next row / scroll down"),
            Command::Up => ("baris sebelumnya / gulir naik", "previous row / scroll up"),
            Command::First => ("baris pertama", "first row"),
            Command::Last => ("baris terakhir", "last row"),
            Command::PageDown => ("satu halaman turun", "page down"),
            Command::PageUp => ("satu halaman naik", "page up"),
            Command::Open => (
                "buka detail / lanjut / kirim",
                "open detail / next field / send",
            ),
            Command::NextPane => ("panel atau kolom berikut", "next pane or field"),
            Command::PrevPane => ("panel atau kolom sebelumnya", "previous pane or field"),
            Command::NextChoice => (
                "pilihan berikut (alasan, tahap); di kotak masuk: tampilan berikut",
                "next choice (reason, stage); on the inbox: next view",
            ),
            Command::PrevChoice => (
                "pilihan sebelumnya; di kotak masuk: tampilan sebelumnya",
                "previous choice; on the inbox: previous view",
            ),
            Command::NextView => ("tampilan berikut", "next view"),
            Command::PrevView => ("tampilan sebelumnya", "previous view"),
            Command::View1 => ("tampilan Perlu Tindakan", "view Needs action"),
            Command::View2 => ("tampilan Hampir Jatuh Tempo", "view Due soon"),
            Command::View3 => ("tampilan Terlambat", "view Late"),
            Command::View4 => ("tampilan Diproses", "view In progress"),
            Command::View5 => ("tampilan Selesai", "view Done"),
            Command::View6 => ("tampilan Dialihkan", "view Transferred"),
            Command::View7 => ("tampilan Keluar (antrean)", "view Outbox"),
            Command::View8 => ("tampilan Semua", "view All"),
            Command::View9 => ("tampilan Mungkin Salah Alamat", "view Maybe misrouted"),
            Command::MarkDuplicates => (
                "tandai laporan ini dan kemungkinan duplikatnya",
                "mark this complaint and its likely duplicates",
            ),
            Command::Filter => ("saring tampilan (fuzzy)", "fuzzy filter the view"),
            Command::NextMatch => (
                "hasil saringan berikut (memulihkan saringan terakhir)",
                "next match of the filter (brings back the last one)",
            ),
            Command::PrevMatch => ("hasil saringan sebelumnya", "previous match of the filter"),
            Command::NextComplaint => (
                "di detail: laporan berikut",
                "in the detail: next complaint",
            ),
            Command::PrevComplaint => (
                "di detail: laporan sebelumnya",
                "in the detail: previous complaint",
            ),
            Command::Mark => (
                "tandai/batal tandai lalu turun",
                "mark/unmark and move down",
            ),
            Command::MarkRange => (
                "tandai rentang (tekan di awal dan akhir)",
                "mark a range (press at start and end)",
            ),
            Command::MarkAll => ("tandai semua di tampilan", "mark every row of the view"),
            Command::Clear => ("hapus saringan/tanda, batal", "clear filter/marks, cancel"),
            Command::Transfer => ("alihkan (bukan wewenang)", "transfer (not our authority)"),
            Command::Respond => ("tindak lanjut", "respond"),
            Command::Hold => ("tunda: minta data pelapor", "hold: ask the reporter"),
            Command::Undo => (
                "batalkan tindakan terakhir yang belum diekspor",
                "undo the last action not yet exported",
            ),
            Command::Redo => ("ulangi yang baru dibatalkan", "redo what was just undone"),
            Command::ConfirmConflicts => (
                "konfirmasi ulang operasi yang konflik",
                "confirm conflicting operations again",
            ),
            Command::DiscardConflicts => (
                "buang operasi yang konflik",
                "discard conflicting operations",
            ),
            Command::Import => ("panel impor berkas masuk", "import pane"),
            Command::Export => ("ekspor operasi tertunda", "export pending operations"),
            Command::Monev => (
                "monev: kinerja per instansi",
                "monev: performance per agency",
            ),
            Command::Reprimand => ("monev: draf surat teguran", "monev: draft reprimands"),
            Command::Submit => ("kirim formulir", "send the form"),
            Command::Copy => ("salin ID laporan", "copy the tracking ID"),
            Command::EditExternally => (
                "di tindak lanjut: sunting teks dengan $EDITOR",
                "in the response: edit the text in $EDITOR",
            ),
            Command::Palette => (
                "palet perintah: cari dan jalankan perintah apa saja",
                "command palette: find and run any command",
            ),
            Command::Directory => (
                "direktori instansi (kode pengalihan)",
                "agency directory (transfer codes)",
            ),
            Command::Message => ("buka pesan terakhir utuh", "open the last message whole"),
            Command::Help => ("bantuan", "help"),
            Command::Close => (
                "tutup panel; di kotak masuk: keluar",
                "close the pane; on the inbox: quit",
            ),
            Command::Quit => (
                "keluar dari mana saja (draf tetap tersimpan)",
                "quit from anywhere (drafts kept)",
            ),
        };
        self.pick(id, en)
    }
}
