//! What differs on a Windows office PC, checked on every platform (and under Wine on
//! the Windows build, where the paths have drive letters): files saved by Notepad (a
//! byte order mark, CRLF line ends), folders with spaces in their names reaching the
//! messages whole, and a file replaced by a rename. Batch files saved by Notepad are in
//! `reliability_data` and `sync_import`; the lock held by a second process is in
//! `reliability_open`.

mod clidesk;
mod common;

use clidesk::CliDesk;
use sigap::config::Config;
use std::path::Path;

/// `text` as Notepad saves it: a byte order mark, and CRLF for every line end.
fn notepad(text: &str) -> Vec<u8> {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(text.replace('\n', "\r\n").as_bytes());
    bytes
}

const CONFIG: &str = r#"agency = "3529-DINSOS"
officer = "Ahmad Fauzi"
language = "en"

[templates]
dua-baris = """
Yth. {pelapor},
laporan {id} sedang kami tangani."""
"#;

#[test]
fn a_config_saved_by_notepad_reads_as_the_same_config() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plain = dir.path().join("plain.toml");
    let saved = dir.path().join("notepad.toml");
    std::fs::write(&plain, CONFIG).expect("plain");
    std::fs::write(&saved, notepad(CONFIG)).expect("notepad");
    let a = Config::load(&plain, true).expect("plain config");
    let b = Config::load(&saved, true).expect("a config saved by Notepad");
    assert_eq!(a, b);
    let template = &b.templates["dua-baris"];
    assert!(!template.contains('\r'), "{template:?}");
    assert_eq!(template.lines().count(), 2, "{template:?}");
}

#[test]
fn an_error_in_a_notepad_config_names_its_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let saved = dir.path().join("notepad.toml");
    std::fs::write(&saved, notepad("officer = \"A\"\n\nagensi = \"3529\"\n")).expect("config");
    let msg = Config::load(&saved, true)
        .expect_err("an unknown key")
        .to_string();
    assert!(msg.contains("line 3"), "{msg}");
    assert!(msg.contains("agensi"), "{msg}");
}

#[test]
fn the_desk_runs_on_a_config_saved_by_notepad() {
    let d = CliDesk::new("");
    let text = common::config_text(&format!("export_dir = {:?}\n", d.out));
    std::fs::write(&d.config, notepad(&text)).expect("config");
    d.import(1, 2);
    let op = d
        .run(&[
            "respond",
            "LAP-R-1-00000",
            "--stage",
            "initial",
            "--text",
            "Sedang ditangani",
        ])
        .ok();
    assert!(!op.trim().is_empty());
    assert_eq!(d.status()["pending_operations"], 1);
    d.run(&["export"]).ok();
    assert_eq!(d.exported().len(), 1, "{:?}", d.exported());
}

#[test]
fn a_desk_key_saved_by_notepad_still_loads() {
    use sigap::sync::signing;
    let dir = tempfile::tempdir().expect("tempdir");
    let key = dir.path().join("desk.key");
    let made = signing::generate(&key).expect("keygen");
    let text = std::fs::read_to_string(&key).expect("key file");
    // Rewritten in place, so it keeps the private permissions it was made with.
    std::fs::write(&key, notepad(&format!("{}\n", text.trim()))).expect("resave");
    let loaded = signing::load(&key).expect("a key saved by Notepad");
    assert_eq!(loaded.key_id, made.key_id);
}

/// Folders with spaces (as under `C:\Users\Nama Petugas`): commands work in them and a
/// message names the whole path.
#[test]
fn folders_with_spaces_work_and_messages_name_them_whole() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().join("Dinas Sosial");
    let d = CliDesk::at(dir, &root.join("Data Sigap"), "");
    let inbox = root.join("Berkas Masuk");
    std::fs::create_dir_all(&inbox).expect("inbox");
    let batch = d.batch(1, 3);
    let moved = inbox.join("batch satu.jsonl");
    std::fs::rename(&batch, &moved).expect("move");
    d.run(&["import", moved.to_str().expect("path")]).ok();
    d.respond("LAP-R-1-00000");

    let out_dir = root.join("Folder Keluar");
    let out = d
        .run(&["export", "--out", out_dir.to_str().expect("path")])
        .ok();
    let written = Path::new(out.trim());
    assert!(!out.starts_with(r"\\?\"), "a path officers know: {out}");
    assert!(out.contains("Folder Keluar"), "{out}");
    assert!(written.is_file(), "{out}");
    assert_eq!(
        std::fs::canonicalize(written.parent().expect("folder")).expect("written"),
        std::fs::canonicalize(&out_dir).expect("out"),
    );

    let missing = root.join("Berkas Masuk").join("tidak ada.jsonl");
    let ran = d.run(&["import", missing.to_str().expect("path")]);
    assert_ne!(ran.code, 0);
    let whole = missing.display().to_string();
    assert!(ran.err.contains(&whole), "names {whole}: {}", ran.err);
}

/// A report written again over the one already there replaces it whole, and leaves no
/// temporary file beside it.
#[test]
fn a_report_written_again_replaces_the_file() {
    let d = CliDesk::new("");
    d.import(1, 3);
    let report = d.dir.path().join("Laporan Monev").join("laporan.csv");
    let path = report.to_str().expect("path");
    d.run(&["report", "--format", "csv", "--out", path]).ok();
    std::fs::write(&report, "old").expect("overwrite");
    d.run(&["report", "--format", "md", "--out", path]).ok();
    let text = std::fs::read_to_string(&report).expect("report");
    assert_ne!(text, "old");
    assert!(text.contains('|'), "markdown now: {text}");
    let folder = report.parent().expect("folder");
    let names: Vec<String> = std::fs::read_dir(folder)
        .expect("folder")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, vec!["laporan.csv".to_owned()]);
}

/// A Windows path typed into the config as on Windows: in single quotes or with doubled
/// backslashes it is read whole; in double quotes with single backslashes it is refused
/// with how to write it, both where TOML refuses the escape (`\U`) and where the escape
/// would silently make a tab or a line break (`\t`, `\n`).
#[test]
fn windows_paths_in_the_config_are_read_whole_or_refused_with_a_hint() {
    let path = Path::new("config.toml");
    let keluar = r"C:\Users\Budi Santoso\Keluar";
    for text in [
        format!("export_dir = '{keluar}'\n"),
        r#"export_dir = "C:\\Users\\Budi Santoso\\Keluar""#.to_owned(),
    ] {
        let cfg = Config::parse(&text, path).expect(&text);
        assert_eq!(cfg.export_dir.as_deref(), Some(Path::new(keluar)), "{text}");
    }
    for (text, line, why) in [
        (
            format!("officer = \"A\"\nexport_dir = \"{keluar}\"\n"),
            "line 2",
            "escape",
        ),
        (
            "officer = \"A\"\n\nimport_dir = \"D:\\new\\tabel\"\n".to_owned(),
            "line 3",
            "tab or a line break",
        ),
    ] {
        let msg = Config::parse(&text, path).expect_err(&text).to_string();
        assert!(msg.contains(line), "{msg}");
        assert!(msg.contains(why), "{msg}");
        assert!(msg.contains("single quotes"), "{msg}");
    }
}

/// A report open in a program that shares it with no one (as Excel holds a workbook)
/// cannot be replaced on Windows: the command fails naming the file, the open file is
/// left as it was, and no temporary file is left beside it.
#[cfg(windows)]
#[test]
fn a_report_held_open_elsewhere_is_refused_by_name_and_left_whole() {
    use std::os::windows::fs::OpenOptionsExt;
    let d = CliDesk::new("");
    d.import(1, 3);
    let report = d.dir.path().join("Laporan Monev").join("laporan.xlsx");
    let path = report.to_str().expect("path");
    d.run(&["report", "--format", "xlsx", "--out", path]).ok();
    let before = CliDesk::file_digest(&report);
    let held = std::fs::OpenOptions::new()
        .read(true)
        .share_mode(0)
        .open(&report)
        .expect("held open");
    let ran = d.run(&["report", "--format", "xlsx", "--out", path]);
    drop(held);
    assert_eq!(ran.code, 1, "{}", ran.err);
    assert!(ran.err.contains(path), "names {path}: {}", ran.err);
    assert_eq!(CliDesk::file_digest(&report), before);
    let names: Vec<String> = std::fs::read_dir(report.parent().expect("folder"))
        .expect("folder")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, vec!["laporan.xlsx".to_owned()]);
}

/// A restore while a reader (`sigap status` in another window) has the cache open: on
/// Unix the file is replaced under it; on Windows an open file cannot be replaced, so
/// the restore is refused naming the cache, and the cache is left whole as it was.
/// Either way, with the reader gone the restore goes through.
#[test]
fn a_restore_beside_an_open_reader_replaces_the_cache_or_leaves_it_whole() {
    use sigap::store::{Access, Store};
    let d = CliDesk::new("");
    d.import(1, 5);
    let copy = d.dir.path().join("salinan cache.db");
    let copy = copy.to_str().expect("path");
    d.run(&["backup", "--out", copy]).ok();
    d.import(2, 5);
    let cfg = Config::load(&d.config, true).expect("config");
    let reader = Store::open(&d.data, cfg.desk_context(), Access::Read).expect("reader");
    let ran = d.run(&["restore", copy, "--force"]);
    drop(reader);
    if cfg!(windows) {
        assert_eq!(ran.code, 1, "{}", ran.err);
        assert!(ran.err.contains("sigap.db"), "names the cache: {}", ran.err);
        assert_eq!(d.status()["complaints"]["total"], 10);
        d.run(&["check"]).ok();
    } else {
        assert_eq!(ran.code, 0, "{}", ran.err);
        assert_eq!(d.status()["complaints"]["total"], 5);
    }
    d.run(&["restore", copy, "--force"]).ok();
    assert_eq!(d.status()["complaints"]["total"], 5);
    d.run(&["check"]).ok();
}
