//! The desk's fixed texts, Indonesian beside English: one field per text, so a text
//! missing in either language does not compile.

/// Declares [`Texts`] and its two tables from `name: "id", "en";` lines.
macro_rules! texts {
    ($( $name:ident: $id:expr, $en:expr; )*) => {
        /// Every fixed text of the desk, in one language.
        #[derive(Debug)]
        pub struct Texts {
            $( pub $name: &'static str, )*
        }

        pub(super) static ID: Texts = Texts { $( $name: $id, )* };
        pub(super) static EN: Texts = Texts { $( $name: $en, )* };

        impl Texts {
            /// Every text of the table (for the tests that compare the languages).
            pub fn all(&self) -> Vec<&'static str> {
                vec![$( self.$name, )*]
            }
        }
    };
}

texts! {
    // Inbox.
    marked: "ditandai", "marked";
    empty_cache: "Belum ada laporan. Tekan i untuk mengimpor berkas dari registri.",
        "No complaints yet. Press i to import batch files from the registry.";
    empty_view: "Tidak ada laporan di tampilan ini.", "No complaints in this view.";
    tag_anonymous: "[Anonim] ", "[Anon] ";
    tag_confidential: "[Rahasia] ", "[Conf] ";
    tag_left: "[Keluar] ", "[Left] ";
    tag_misrouted: "[Salah alamat?] ", "[Misrouted?] ";
    no_duplicates: "Tidak ada kemungkinan duplikat.", "No likely duplicates.";
    hint_mark_duplicates: "tandai duplikat", "mark duplicates";
    col_status: "STATUS", "STATUS";
    col_title: "JUDUL", "TITLE";
    col_category: "KATEGORI", "CATEGORY";
    col_agency: "INSTANSI", "AGENCY";
    outbox_legend: " ↑ menunggu ekspor · ! konflik · ✗ ditolak ",
        " ↑ awaiting export · ! conflict · ✗ rejected ";

    // Status bar.
    no_agency: "(agency belum diatur)", "(no agency configured)";
    oldest: "tertua", "oldest";
    ops_out: "op keluar", "ops out";
    conflicts: "konflik", "conflicts";
    rejected: "ditolak", "rejected";
    unwritten: "batch keluar belum tertulis", "outbound unwritten";
    import: "impor", "import";
    export: "ekspor", "export";
    missing: "hilang", "missing";

    // Key hints.
    hint_keep_filter: "simpan saringan", "keep filter";
    hint_clear: "hapus", "clear";
    hint_open: "buka", "open";
    hint_mark: "tandai", "mark";
    hint_respond: "tanggapi", "respond";
    hint_transfer: "alihkan", "transfer";
    hint_hold: "tunda", "hold";
    hint_filter: "saring", "filter";
    hint_export: "ekspor", "export";
    hint_help: "bantuan", "help";
    hint_scroll: "gulir", "scroll";
    hint_confirm_conflicts: "konfirmasi konflik", "confirm conflicts";
    hint_discard_conflicts: "buang konflik", "discard conflicts";
    hint_close: "tutup", "close";
    hint_send: "kirim", "send";
    hint_next_field: "kolom berikut", "next field";
    hint_cancel_draft_kept: "batal (draf disimpan)", "cancel (draft kept)";
    hint_cancel: "batal", "cancel";
    hint_next_or_send: "lanjut/kirim", "next/send";
    hint_import_new: "impor berkas baru", "import new files";
    hint_type: "ketik", "type";
    hint_search: "cari", "search";
    hint_yes: "ya", "yes";
    hint_no: "batal", "no";

    // Confirmation.
    confirm_title: " Konfirmasi ", " Confirm ";

    // Help.
    search_label: "Cari: ", "Search: ";
    help_this_pane: "── Panel ini ──", "── This pane ──";
    help_other_keys: "── Tombol lain ──", "── Other keys ──";
    help_text_fields: "Di kolom teks: Enter lanjut/baris baru, Tab kolom berikut, Esc batal.",
        "In text fields: Enter next/new line, Tab next field, Esc cancel.";
    help_title: " Bantuan (Esc tutup) ", " Help (Esc closes) ";

    // Detail.
    flag_anonymous: " ANONIM ", " ANONYMOUS ";
    flag_confidential: " RAHASIA ", " CONFIDENTIAL ";
    flag_left: " SUDAH DIALIHKAN (hanya baca) ", " LEFT THIS DESK (read-only) ";
    fact_status: "Status", "Status";
    fact_agency: "Instansi", "Agency";
    fact_class: "Klasifikasi", "Class";
    supervisory: " (berkadar pengawasan)", " (supervisory)";
    fact_category: "Kategori", "Category";
    fact_channel: "Kanal", "Channel";
    fact_location: "Lokasi", "Location";
    fact_dates: "Tanggal", "Dates";
    date_event: "kejadian", "event";
    date_filed: "masuk", "filed";
    date_disposed: "disposisi", "disposed";
    fact_reporter: "Pelapor", "Reporter";
    reporter_anonymous: "(anonim: identitas tidak disimpan)", "(anonymous: identity not kept)";
    clock_first_response: "TL awal", "First resp.";
    clock_completion: "Penyelesaian", "Completion";
    clock_auto_close: "Tutup otomatis", "Auto-close";
    due: "jatuh tempo", "due";
    thread: "── Percakapan ──", "── Thread ──";
    desk_operations: "── Tindakan dari meja ini ──", "── This desk's operations ──";
    op_response: "tindak lanjut", "response";
    op_transfer: "alihkan", "transfer";
    op_hold: "tunda", "hold";
    changed_in_registry: "Laporan berubah di registri.", "The complaint changed in the registry.";
    rejected_by_registry: "Ditolak registri (alasannya di atas).",
        "Rejected by the registry (its reason above).";
    redo_as_new: "kirim ulang sebagai operasi baru", "redo as a new operation";
    hint_redo_rejected: "kirim ulang", "redo";
    hint_run: "jalankan", "run";
    no_external_editor: "editor luar tidak dapat dipakai", "the external editor cannot be used";
    hint_external_editor: "editor luar", "external editor";
    palette_title: " Perintah (ketik untuk mencari, Enter jalankan) ",
        " Commands (type to search, Enter runs) ";
    directory_title: " Direktori instansi (ketik untuk mencari) ",
        " Agency directory (type to search) ";
    hint_whole_message: "baca utuh", "read it whole";
    message_title: " Pesan (Esc tutup) ", " Message (Esc closes) ";
    no_message: "Belum ada pesan", "No message yet";
    nothing_to_settle: "Tidak ada operasi yang konflik atau ditolak di laporan ini",
        "No operation in conflict or rejected on this complaint";
    hint_discard_rejected: "buang", "discard";
    confirm_again: "konfirmasi ulang", "confirm again";
    discard: "buang", "discard";

    // Transfer.
    transfer_title: " Alihkan (Bukan Wewenang) ", " Transfer (not our authority) ";
    agency_unknown: "— belum tahu: koordinator yang menentukan —",
        "— unknown: the coordinator decides —";
    no_agency_matches: "(tidak ada instansi cocok)", "(no agency matches)";
    target_agency: " Instansi tujuan ", " Target agency ";
    reason: " Alasan ", " Reason ";
    note_required: " Catatan (wajib) ", " Note (required) ";
    coordinator_chooses: "instansi yang dipilih koordinator", "an agency the coordinator chooses";
    ping_pong: "Pernah dialihkan dari instansi ini (bolak-balik):",
        "Already came from this agency (ping-pong):";
    note_placeholder: "Catatan wajib: mengapa bukan wewenang kami",
        "Required: why this is not our authority";
    note_is_required: "catatan wajib diisi", "the note is required";

    // Response.
    stage: " Tahap ", " Stage ";
    no_template: "(tanpa templat)", "(no template)";
    template: " Templat (↑/↓) ", " Template (↑/↓) ";
    response_text: " Teks ({placeholder} diisi per laporan) ",
        " Text ({placeholders} filled per complaint) ";
    loading: "Memuat…", "Loading…";
    preview: " Pratinjau (PgDn/PgUp) ", " Preview (PgDn/PgUp) ";
    response_placeholder: "Tulis tindak lanjut, atau pilih templat (Shift-Tab)",
        "Write the response, or pick a template (Shift-Tab)";
    response_empty: "teks tindak lanjut kosong", "the response is empty";
    still_loading: "data laporan belum termuat", "still loading the complaints";
    template_would_replace:
        "Teks sudah diubah: tekan ↑/↓ sekali lagi untuk menggantinya dengan templat",
        "The text was edited: press ↑/↓ again to replace it with a template";

    // Hold.
    hold_placeholder: "Data apa yang perlu dilengkapi pelapor?", "What must the reporter supply?";
    say_what_is_missing: "sebutkan data yang kurang", "say what is missing";

    // Import pane.
    no_batch_files: "Tidak ada berkas batch di folder impor.", "No batch files in the import folder.";
    header_unreadable: "(header tidak terbaca)", "(header unreadable)";
    imported: "sudah diimpor", "imported";
    new_file: "BARU", "NEW";
    importing: "Mengimpor", "Importing";
    records: "rekaman", "records";
    filtering: "menyaring…", "filtering…";
    loading_texts: "memuat teks saringan", "loading filter texts";
    import_running_title: " Impor berjalan… ", " Importing… ";
    import_title: " Impor (Enter: impor berkas baru, Esc: tutup) ",
        " Import (Enter: import new files, Esc: close) ";

    // Messages.
    draft_restored: "Draf dipulihkan", "Draft restored";
    nothing_to_undo: "Tidak ada yang bisa dibatalkan", "Nothing to undo";
    import_finished: "Impor selesai", "Import finished";
    nothing_to_export: "Tidak ada yang diekspor", "Nothing to export";
    exported_to: "Diekspor ke", "Exported to";
    draft_saved: "Draf disimpan", "Draft saved";
    no_complaint_selected: "Tidak ada laporan terpilih", "No complaint selected";
    left_desk_read_only: "Laporan yang sudah dialihkan keluar hanya bisa dibaca",
        "Complaints that left this desk are read-only";
    export_running: "Ekspor sedang berjalan…", "An export is running…";
    range_started: "Awal rentang ditandai; pindah lalu tekan V lagi",
        "Range start set; move, then press V again";
    no_new_files: "Tidak ada berkas baru", "No new files";
    worker_stopped: "proses latar berhenti tanpa diduga", "the worker stopped unexpectedly";
    no_import_folder: "belum ada folder impor: isi `import_dir` di konfigurasi",
        "no import folder: set `import_dir` in the config";

    // The command line's human output (`--json` is language-neutral).
    cli_scope: "cakupan instansi", "agency scope";
    cli_scope_none: "(belum diatur: isi `agency` di konfigurasi)",
        "(none configured: set `agency` in the config)";
    cli_complaints: "laporan", "complaints";
    cli_left_desk: "(sudah dialihkan keluar)", "(left this desk)";
    cli_overdue: "terlambat", "overdue";
    cli_operations: "operasi", "operations";
    cli_inbound: "masuk", "inbound";
    cli_outbound: "keluar", "outbound";
    cli_last_import: "impor terakhir", "last import";
    cli_last_export: "ekspor terakhir", "last export";
    cli_never: "belum pernah", "never";
    cli_no_complaints: "(tidak ada laporan)", "(no complaints)";
    cli_reporter: "pelapor", "reporter";
    cli_reporter_anonymous: "pelapor (anonim)", "reporter (anonymous)";
    cli_attachment: "lampiran", "attachment";
    cli_thread: "-- percakapan --", "-- thread --";
    cli_operations_here: "-- tindakan dari meja ini --", "-- this desk's operations --";
    cli_inactive: " (tidak aktif)", " (inactive)";
    cli_no_agencies: "(tidak ada instansi cocok)", "(no agency matches)";
    cli_nothing_to_undo: "tidak ada yang bisa dibatalkan", "nothing to undo";
}
