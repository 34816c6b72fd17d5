//! Text from the public never reaches the terminal raw through the CLI, an anonymous
//! reporter's identity never appears in an error, and braces in a complaint's own
//! title are not mistaken for template placeholders.

mod common;

use common::*;
use serde_json::json;
use std::process::Command;

const HOSTILE: &str =
    "Jalan \u{1b}]0;pwned\u{7} rusak \u{1b}[2J\u{9b}31m \u{202e}fdp.exe \u{200b}{rusak}";

fn run(desk: &std::path::Path, cfg: &std::path::Path, args: &[&str]) -> (i32, Vec<u8>, Vec<u8>) {
    let out = Command::new(env!("CARGO_BIN_EXE_sigap"))
        .args(args)
        .env("SIGAP_DATA_DIR", desk)
        .env("SIGAP_CONFIG", cfg)
        .env("SIGAP_TODAY", "2026-11-20")
        .output()
        .expect("run sigap");
    (out.status.code().unwrap_or(-1), out.stdout, out.stderr)
}

/// No ESC, BEL, C1 control, bidi override or zero-width character in the output.
fn assert_inert(bytes: &[u8], what: &str) {
    let text = String::from_utf8_lossy(bytes);
    for c in text.chars() {
        let bad = (c.is_control() && c != '\n')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200b}'..='\u{200f}');
        assert!(!bad, "{what}: raw {:?} reached the output", c);
    }
}

#[test]
fn hostile_batch_text_is_shown_inert() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cfg = dir.path().join("config.toml");
    std::fs::write(&cfg, config_text("")).expect("config");
    let data = dir.path().join("data");
    let mut c = complaint("LAP-X-1", 1, HOSTILE, "3529-DINSOS");
    c["body"] = json!(format!(
        "{HOSTILE}\nbaris dua\r\n\u{1b}P+q\u{1b}\\ \u{1b}_apc\u{1b}\\"
    ));
    c["status"] = json!("\u{1b}[2Jdiproses");
    c["classification"] = json!("\u{9b}0m");
    c["location"] = json!(HOSTILE);
    c["category"] = json!(HOSTILE);
    let m = message(
        "M-1",
        "LAP-X-1",
        "2026-11-18T09:00:00+07:00",
        "\u{1b}]52;c;aGk=\u{7}",
        HOSTILE,
    );
    let head = Head::new("3529-DINSOS", 1, "hostile-1", "2026-11-19T08:00:00+07:00");
    let file = write_batch(dir.path(), &head, &[c, m]);
    let (code, out, err) = run(&data, &cfg, &["import", file.to_str().expect("path")]);
    assert_eq!(code, 0, "{}", String::from_utf8_lossy(&err));
    assert_inert(&out, "import");
    for args in [
        vec!["show", "LAP-X-1"],
        vec!["list"],
        vec!["status"],
        vec!["list", "--query", "rusak"],
    ] {
        let (code, out, err) = run(&data, &cfg, &args);
        assert_eq!(code, 0, "{args:?}");
        assert_inert(&out, &format!("{args:?} stdout"));
        assert_inert(&err, &format!("{args:?} stderr"));
        assert!(!out.is_empty());
    }
    // An unknown id full of escapes is named, inert, in the error.
    let (code, _, err) = run(&data, &cfg, &["show", "\u{1b}[31mX"]);
    assert_eq!(code, 1);
    assert_inert(&err, "error");
    // Braces in the complaint's own title are not unfilled placeholders.
    let (code, out, err) = run(
        &data,
        &cfg,
        &[
            "respond",
            "LAP-X-1",
            "--stage",
            "initial",
            "--template",
            "awal",
        ],
    );
    assert_eq!(code, 0, "{}", String::from_utf8_lossy(&err));
    assert_eq!(String::from_utf8_lossy(&out).lines().count(), 1);
}

#[test]
fn rejection_messages_never_quote_an_identity() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cfg = dir.path().join("config.toml");
    std::fs::write(&cfg, config_text("")).expect("config");
    let mut c = complaint("LAP-X-2", 1, "Anonim", "3529-DINSOS");
    c["anonymous"] = json!(true);
    c["reporter"] = json!({"name": "Siti Rahasia", "phone": 81234567890u64, "email": null});
    let head = Head::new("3529-DINSOS", 1, "anon-1", "2026-11-19T08:00:00+07:00");
    let file = write_batch(dir.path(), &head, &[c]);
    let (code, _, err) = run(
        &dir.path().join("data"),
        &cfg,
        &["import", file.to_str().expect("path")],
    );
    assert_eq!(code, 1);
    let err = String::from_utf8_lossy(&err);
    assert!(err.contains("line 2"), "{err}");
    assert!(!err.contains("81234567890"), "{err}");
    assert!(!err.contains("Siti"), "{err}");
}
