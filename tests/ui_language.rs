//! Every pane of the desk drawn in both languages, on a cache whose complaint text is
//! neutral (no word of either language), so every word on screen is the desk's own:
//! the Indonesian desk must show no word from a list of English ones, and the English
//! desk none from a list of Indonesian ones.

mod common;
mod harness;

use common::*;
use harness::{Effects, Harness};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use serde_json::{Value, json};
use sigap::app::{App, Command, View};
use sigap::ui::{self, Theme};

/// Words only an English screen may show.
const ENGLISH: &[&str] = &[
    "complaint",
    "complaints",
    "open",
    "mark",
    "marked",
    "respond",
    "response",
    "transfer",
    "hold",
    "filter",
    "export",
    "import",
    "help",
    "agency",
    "reporter",
    "channel",
    "location",
    "due",
    "thread",
    "confirm",
    "search",
    "stage",
    "template",
    "note",
    "reason",
    "cancel",
    "send",
    "close",
    "disposed",
    "progress",
    "system",
    "pending",
    "late",
    "left",
    "all",
    "next",
    "field",
    "draft",
    "new",
    "the",
    "and",
    "of",
    "to",
    "for",
    "our",
    "pane",
    "keys",
    "type",
    "scroll",
    "clear",
    "yes",
    "no",
    "wd",
    "oldest",
    "missing",
    "ops",
    "rejected",
    "conflicts",
    "view",
    "row",
    "page",
    "first",
    "last",
    "quit",
    "with",
    "unknown",
    "loading",
    "preview",
    "class",
    "dates",
    "event",
    "filed",
    "needs",
    "action",
    "done",
    "outbox",
    "title",
    "category",
    "anonymous",
    "confidential",
];

/// Words only an Indonesian screen may show.
const INDONESIAN: &[&str] = &[
    "laporan",
    "tindak",
    "lanjut",
    "tandai",
    "ditandai",
    "tanggapi",
    "alihkan",
    "tunda",
    "saring",
    "ekspor",
    "impor",
    "bantuan",
    "instansi",
    "pelapor",
    "kanal",
    "lokasi",
    "tanggal",
    "jatuh",
    "tempo",
    "percakapan",
    "konfirmasi",
    "cari",
    "tahap",
    "templat",
    "catatan",
    "alasan",
    "batal",
    "kirim",
    "tutup",
    "terdisposisi",
    "diproses",
    "selesai",
    "sistem",
    "menunggu",
    "sisa",
    "terlambat",
    "keluar",
    "semua",
    "dialihkan",
    "kolom",
    "berikut",
    "draf",
    "baru",
    "sudah",
    "belum",
    "tidak",
    "ada",
    "yang",
    "dan",
    "dari",
    "untuk",
    "kami",
    "tombol",
    "ketik",
    "gulir",
    "hapus",
    "ya",
    "hk",
    "tertua",
    "hilang",
    "perlu",
    "tindakan",
    "hampir",
    "judul",
    "kategori",
    "klasifikasi",
    "kejadian",
    "masuk",
    "disposisi",
    "penyelesaian",
    "otomatis",
    "memuat",
    "pratinjau",
    "tujuan",
    "wajib",
    "pengaduan",
    "anonim",
    "rahasia",
    "meja",
    "ini",
    "lain",
];

/// A complaint whose every text is neutral.
fn neutral(id: &str, anonymous: bool) -> Value {
    let mut c = complaint(id, 1, &format!("Qzx {id}"), SCOPE);
    c["body"] = json!("Qwx vzk.");
    c["category"] = json!("Qc");
    c["location"] = json!("Qloc");
    c["tags"] = json!([]);
    c["attachments"] = json!([]);
    c["reporter"] = json!({"name": "Rpn", "phone": "0811", "email": null});
    if anonymous {
        c["anonymous"] = json!(true);
        c["reporter"] = Value::Null;
    }
    c
}

/// A desk in `language` with neutral complaints, a thread from every kind of author
/// and a neutral agency directory.
fn desk(language: &str) -> Harness {
    let d = Desk::with_config(&config_text(&format!("language = \"{language}\"")));
    let mut records = vec![
        agency("3529-QA", "Qa Qb"),
        agency("3529-QC", "Qd Qe"),
        neutral("LAP-2026-0000001", false),
        neutral("LAP-2026-0000002", true),
        neutral("LAP-2026-0000003", false),
    ];
    for (i, author) in ["reporter", "admin", "system", "agency"].iter().enumerate() {
        records.push(message(
            &format!("M-{i}"),
            "LAP-2026-0000001",
            "2026-11-05T09:00:00+07:00",
            author,
            "Qqq.",
        ));
    }
    let head = Head::new(SCOPE, 1, "B-lang-1", "2026-11-06T08:00:00+07:00");
    let mut d = d;
    sigap::sync::import_bytes(&mut d.store, &d.cfg, "lang.jsonl", batch(&head, &records))
        .expect("import");
    let mut h = Harness::new(d, 160, 48, Effects::All);
    // An operation of every kind, so the outbox and the detail's list show them.
    h.cmd(Command::View8);
    h.goto("LAP-2026-0000003");
    h.cmd(Command::Hold);
    h.typed("Qfoto");
    h.cmd(Command::Submit);
    h
}

fn screen(app: &App, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    t.draw(|f| ui::draw(f, app, &Theme::new(sigap::config::Theme::Default, true)))
        .expect("draw");
    let buf = t.backend().buffer().clone();
    buf.content
        .iter()
        .map(|c| c.symbol())
        .collect::<Vec<_>>()
        .chunks(usize::from(w))
        .map(|r| r.concat())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The words of a screen, lower-cased (a config key such as `import_dir` is one word).
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphabetic() || c == '_'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Opens each pane in turn and checks its screen at two sizes.
fn check(language: &str, forbidden: &[&str]) {
    type Step = fn(&mut Harness);
    let panes: &[(&str, Step)] = &[
        ("inbox", |_| {}),
        ("outbox", |h| h.cmd(Command::View7)),
        ("detail", |h| {
            h.cmd(Command::View8);
            h.goto("LAP-2026-0000001");
            h.cmd(Command::Open);
        }),
        ("detail with an operation", |h| {
            h.cmd(Command::View8);
            h.goto("LAP-2026-0000003");
            h.cmd(Command::Open);
        }),
        ("transfer", |h| {
            h.cmd(Command::View8);
            h.cmd(Command::Mark);
            h.cmd(Command::Mark);
            h.cmd(Command::Transfer);
        }),
        ("transfer reason", |h| {
            h.cmd(Command::View8);
            h.cmd(Command::Transfer);
            h.cmd(Command::NextPane);
        }),
        ("respond", |h| {
            h.cmd(Command::View8);
            h.cmd(Command::Respond);
        }),
        ("respond stage", |h| {
            h.cmd(Command::View8);
            h.cmd(Command::Respond);
            h.cmd(Command::NextPane);
        }),
        ("hold", |h| {
            h.cmd(Command::View8);
            h.cmd(Command::Hold);
        }),
        ("help", |h| h.cmd(Command::Help)),
        ("filter", |h| {
            h.cmd(Command::View8);
            h.cmd(Command::Filter);
            h.typed("qzx");
        }),
        ("confirm", |h| {
            h.cmd(Command::View8);
            h.cmd(Command::MarkAll);
            h.cmd(Command::Hold);
            h.typed("Qqq");
            h.cmd(Command::Submit);
        }),
        ("import", |h| h.cmd(Command::Import)),
        ("monev", |h| h.cmd(Command::Monev)),
        ("palette", |h| h.cmd(Command::Palette)),
        ("directory", |h| h.cmd(Command::Directory)),
        ("marked", |h| {
            h.cmd(Command::View8);
            h.cmd(Command::MarkAll);
        }),
    ];
    for (name, step) in panes {
        let mut h = desk(language);
        step(&mut h);
        // Each step really opened something over the inbox (or changed its view).
        assert!(
            !h.app.panes.is_empty()
                || *name == "inbox"
                || h.app.inbox.view != View::NeedsAction
                || h.app.inbox.filter.active()
                || !h.app.inbox.marks.is_empty(),
            "{name} opened nothing"
        );
        for (w, ht) in [(80, 24), (160, 48)] {
            let s = screen(&h.app, w, ht);
            let found: Vec<String> = words(&s)
                .into_iter()
                .filter(|w| forbidden.contains(&w.as_str()))
                .collect();
            assert!(
                found.is_empty(),
                "the {language} desk's {name} pane at {w}x{ht} shows {found:?}:\n{s}"
            );
        }
    }
}

#[test]
fn the_indonesian_desk_shows_no_english() {
    check("id", ENGLISH);
}

#[test]
fn the_english_desk_shows_no_indonesian() {
    check("en", INDONESIAN);
}

/// Guards the lists: each really is the other language (a word on both lists could
/// never be caught).
#[test]
fn the_word_lists_do_not_overlap() {
    for w in ENGLISH {
        assert!(!INDONESIAN.contains(w), "{w} is on both lists");
    }
}

/// Runs `sigap` in `language` on a cache holding one neutral complaint.
fn sigap_cli(language: &str, args: &[&str]) -> (String, String) {
    let dir = tempfile::tempdir().expect("dir");
    let config = dir.path().join("config.toml");
    std::fs::write(&config, config_text(&format!("language = \"{language}\""))).expect("config");
    let records = vec![neutral("LAP-2026-0000001", false)];
    let head = Head::new(SCOPE, 1, "B-lang-cli", "2026-11-06T08:00:00+07:00");
    let file = write_batch(dir.path(), &head, &records);
    let data = dir.path().join("data");
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_sigap"))
            .arg("--data-dir")
            .arg(&data)
            .arg("--config")
            .arg(&config)
            .args(["--today", TODAY])
            .args(args)
            .output()
            .expect("run sigap");
        (
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    run(&["import", file.to_str().expect("path")]);
    run(args)
}

/// The command line's human output and its refusals follow the language too.
#[test]
fn the_command_line_speaks_the_desk_language() {
    for (language, forbidden, says) in [("id", ENGLISH, "pelapor"), ("en", INDONESIAN, "reporter")]
    {
        let (out, _) = sigap_cli(language, &["show", "LAP-2026-0000001"]);
        assert!(out.contains(says), "{language}: {out}");
        let (status, _) = sigap_cli(language, &["status"]);
        let (_, refused) = sigap_cli(language, &["hold", "LAP-2026-0000001", "--missing", "  "]);
        for text in [&out, &status, &refused] {
            let found: Vec<String> = words(text)
                .into_iter()
                .filter(|w| forbidden.contains(&w.as_str()))
                .collect();
            assert!(found.is_empty(), "{language} shows {found:?}:\n{text}");
        }
        assert!(!refused.is_empty(), "the empty hold is refused");
    }
}
