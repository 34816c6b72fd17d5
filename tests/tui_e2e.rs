//! The terminal desk end to end: the real `sigap --demo` binary in a pseudo-terminal,
//! driven with key bytes, its output parsed by a terminal emulator (vt100) and every
//! step waited for on the parsed screen (never by sleeping).
//!
//! - `demo_transfer_respond_export_quit`: filter, mark three rows, transfer them, respond
//!   to a fourth with a template, export, check each written outbound batch file, quit
//!   and check that the terminal was restored.
//! - `help_lists_live_keys_and_ctrl_c_quits`: the help overlay shows the live key map,
//!   is searchable, closes with Esc, and Ctrl-c quits at once.

// Unix only: the demo's temporary folder is placed with TMPDIR and paths are read
// with `/` separators.
#![cfg(unix)]

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};
use serde_json::Value;
use sha2::{Digest, Sha256};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

const ROWS: u16 = 36;
const COLS: u16 = 120;
/// The bound of every wait for the screen.
const TIMEOUT: Duration = Duration::from_secs(20);
/// The first screen also waits for the demo to be imported (debug build, busy machine).
const STARTUP: Duration = Duration::from_secs(60);
/// How often the screen is looked at while waiting.
const POLL: Duration = Duration::from_millis(20);

const ENTER: &str = "\r";
const TAB: &str = "\t";
const SHIFT_TAB: &str = "\x1b[Z";
const DOWN: &str = "\x1b[B";
const ESC: &str = "\x1b";
const CTRL_C: &str = "\x03";
const CTRL_S: &str = "\x13";

const ENTER_ALT: &[u8] = b"\x1b[?1049h";
const LEAVE_ALT: &[u8] = b"\x1b[?1049l";
const HIDE_CURSOR: &[u8] = b"\x1b[?25l";
const SHOW_CURSOR: &[u8] = b"\x1b[?25h";

// ---------------------------------------------------------------------------------------
// The pseudo-terminal harness
// ---------------------------------------------------------------------------------------

/// What the desk wrote: the emulated screen, the raw bytes, and whether the output has
/// ended (the child closed the terminal).
#[derive(Clone)]
struct Screen {
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    ended: Arc<AtomicBool>,
}

/// Locks even after a panic elsewhere poisoned the mutex (the data stays usable).
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl Screen {
    fn new() -> Screen {
        Screen {
            parser: Arc::new(Mutex::new(vt100::Parser::new(
                NonZeroU16::new(ROWS).expect("rows"),
                NonZeroU16::new(COLS).expect("cols"),
                0,
            ))),
            raw: Arc::new(Mutex::new(Vec::new())),
            ended: Arc::new(AtomicBool::new(false)),
        }
    }

    /// The screen as text, one line per row.
    fn text(&self) -> String {
        lock(&self.parser)
            .screen()
            .rows(0, COLS)
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Each row as (cell text, inverse) per column.
    fn cells(&self) -> Vec<Vec<(String, bool)>> {
        let p = lock(&self.parser);
        let s = p.screen();
        (0..ROWS)
            .map(|r| {
                (0..COLS)
                    .filter_map(|c| s.cell(r, c))
                    .filter(|cell| !cell.is_wide_continuation())
                    .map(|cell| {
                        let t = if cell.has_contents() {
                            cell.contents().to_owned()
                        } else {
                            " ".to_owned()
                        };
                        (t, cell.inverse())
                    })
                    .collect()
            })
            .collect()
    }

    fn raw(&self) -> Vec<u8> {
        lock(&self.raw).clone()
    }

    fn ended(&self) -> bool {
        self.ended.load(Ordering::SeqCst)
    }
}

/// Waits until `pred` holds on the screen's text, polling every ~20 ms, up to `timeout`.
/// Fails with the last screen; fails at once if the desk's output ended.
fn wait_until(
    screen: &Screen,
    what: &str,
    timeout: Duration,
    pred: impl Fn(&str) -> bool,
) -> String {
    let start = Instant::now();
    loop {
        let ended = screen.ended();
        let text = screen.text();
        if pred(&text) {
            return text;
        }
        if ended {
            panic!("the desk's output ended while waiting for {what}; last screen:\n{text}");
        }
        if start.elapsed() > timeout {
            panic!("timed out after {timeout:?} waiting for {what}; last screen:\n{text}");
        }
        std::thread::sleep(POLL);
    }
}

/// Waits for `needle` on the parsed screen.
fn wait_for(screen: &Screen, needle: &str, timeout: Duration) -> String {
    wait_until(screen, &format!("{needle:?}"), timeout, |t| {
        t.contains(needle)
    })
}

/// Waits until `needle` has left the screen.
fn wait_gone(screen: &Screen, needle: &str, timeout: Duration) -> String {
    wait_until(screen, &format!("{needle:?} to disappear"), timeout, |t| {
        !t.contains(needle)
    })
}

/// `sigap --demo` running in a 120x36 pseudo-terminal. Dropping it kills the child if
/// it is still running (a failed test leaves no process behind).
struct Desk {
    screen: Screen,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    exit: Option<ExitStatus>,
    reader: Option<std::thread::JoinHandle<()>>,
    // Kept open until the end: closing the master hangs up the child.
    _master: Box<dyn MasterPty + Send>,
    home: tempfile::TempDir,
}

impl Desk {
    fn start() -> Desk {
        Desk::start_with(&["--demo"], |_| None)
    }

    /// `sigap ARGS` in the pseudo-terminal; `setup` prepares its home folder first and
    /// may return a config file for it.
    fn start_with(args: &[&str], setup: impl FnOnce(&Path) -> Option<PathBuf>) -> Desk {
        let home = tempfile::tempdir().expect("tempdir");
        let tmp = home.path().join("tmp");
        std::fs::create_dir(&tmp).expect("tmp dir");
        let config = setup(home.path());
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("openpty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_sigap"));
        cmd.args(args);
        cmd.cwd(home.path());
        cmd.env("SIGAP_TODAY", "2026-11-27");
        cmd.env("TERM", "xterm-256color");
        // The officer's editor, for `Ctrl-e`: one that edits without asking anything.
        cmd.env_remove("VISUAL");
        cmd.env("EDITOR", "sed -i s/^/DISUNTING-/");
        cmd.env(
            "SIGAP_CONFIG",
            config.unwrap_or_else(|| home.path().join("absent-config.toml")),
        );
        cmd.env("SIGAP_DATA_DIR", home.path().join("data"));
        // The demo's private folder goes inside our tempdir: nothing is left in /tmp
        // even if the child has to be killed, and its removal on exit can be checked.
        cmd.env("TMPDIR", &tmp);
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("RUST_BACKTRACE");
        let child = pair.slave.spawn_command(cmd).expect("spawn sigap");
        // Only the child may hold the slave side, so that its exit ends our reads.
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let screen = Screen::new();
        let shared = screen.clone();
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) => break,
                    Ok(n) => {
                        lock(&shared.parser).process(&buf[..n]);
                        lock(&shared.raw).extend_from_slice(&buf[..n]);
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                    // EIO once the child closed the terminal.
                    Err(_) => break,
                }
            }
            shared.ended.store(true, Ordering::SeqCst);
        });
        Desk {
            screen,
            writer,
            child,
            exit: None,
            reader: Some(reader),
            _master: pair.master,
            home,
        }
    }

    /// Types keys (bytes as a terminal sends them).
    fn send(&mut self, keys: &str) {
        self.writer
            .write_all(keys.as_bytes())
            .expect("write to pty");
        self.writer.flush().expect("flush pty");
    }

    /// Sends a lone Esc, then waits until `gone` has left the screen, so that the next
    /// key is not read together with it as Alt+key.
    fn esc_until_gone(&mut self, gone: &str) -> String {
        self.send(ESC);
        wait_gone(&self.screen, gone, TIMEOUT)
    }

    fn wait_for(&self, needle: &str) -> String {
        wait_for(&self.screen, needle, TIMEOUT)
    }

    /// Polls for the child's exit up to `timeout`.
    fn wait_exit(&mut self, timeout: Duration) -> ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(s) = self.child.try_wait().expect("try_wait") {
                self.exit = Some(s.clone());
                return s;
            }
            if start.elapsed() > timeout {
                panic!(
                    "the desk did not exit within {timeout:?}; last screen:\n{}",
                    self.screen.text()
                );
            }
            std::thread::sleep(POLL);
        }
    }

    /// Waits until everything the child wrote has been read and parsed.
    fn wait_output_end(&mut self, timeout: Duration) {
        let start = Instant::now();
        while !self.screen.ended() {
            assert!(
                start.elapsed() < timeout,
                "the terminal output did not end within {timeout:?} after the exit"
            );
            std::thread::sleep(POLL);
        }
        if let Some(h) = self.reader.take() {
            h.join().expect("reader thread");
        }
    }

    /// Checks that the desk left the terminal as it found it: the alternate screen left
    /// after it was last entered, and the cursor shown again.
    fn assert_terminal_restored(&self) {
        let raw = self.screen.raw();
        let entered = rfind(&raw, ENTER_ALT).expect("the desk never entered the alternate screen");
        let left = rfind(&raw, LEAVE_ALT).expect("the desk never left the alternate screen");
        assert!(
            left > entered,
            "the last \\e[?1049h (at {entered}) is not followed by \\e[?1049l (last at {left})"
        );
        let shown = rfind(&raw, SHOW_CURSOR).expect("the cursor was never shown again");
        if let Some(hidden) = rfind(&raw, HIDE_CURSOR) {
            assert!(
                shown > hidden,
                "the cursor was hidden (at {hidden}) after it was last shown (at {shown})"
            );
        }
        let p = lock(&self.screen.parser);
        assert!(
            !p.screen().alternate_screen(),
            "still on the alternate screen"
        );
        assert!(!p.screen().hide_cursor(), "the cursor is still hidden");
    }

    /// The desk's private temporary folders still present (the demo's `sigap-demo-*`).
    fn demo_dirs_left(&self) -> Vec<PathBuf> {
        std::fs::read_dir(self.home.path().join("tmp"))
            .map(|rd| {
                rd.filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| {
                        p.file_name()
                            .is_some_and(|n| n.to_string_lossy().starts_with("sigap-demo-"))
                    })
                    .collect()
            })
            .unwrap_or_default()
    }
}

impl Drop for Desk {
    fn drop(&mut self) {
        if self.exit.is_none() && matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

// ---------------------------------------------------------------------------------------
// Reading the screen
// ---------------------------------------------------------------------------------------

/// The tracking IDs (`LAP-…`) in a row of cells, with whether the ID is drawn inverse
/// (the highlighted row).
fn ids_in_row(row: &[(String, bool)]) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i + 4 <= row.len() {
        let starts = ["L", "A", "P", "-"]
            .iter()
            .enumerate()
            .all(|(k, c)| row[i + k].0 == *c);
        if starts {
            let mut id = String::from("LAP-");
            let mut j = i + 4;
            while j < row.len() && row[j].0.chars().all(|c| c.is_ascii_digit() || c == '-') {
                id.push_str(&row[j].0);
                j += 1;
            }
            out.push((id, row[i].1));
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// The ID of the highlighted inbox row.
fn highlighted_id(screen: &Screen) -> String {
    let found: Vec<String> = screen
        .cells()
        .iter()
        .flat_map(|r| ids_in_row(r))
        .filter(|(_, inv)| *inv)
        .map(|(id, _)| id)
        .collect();
    assert_eq!(
        found.len(),
        1,
        "expected one highlighted row, found {found:?}; screen:\n{}",
        screen.text()
    );
    found[0].clone()
}

/// The IDs of the rows shown with the mark `●`.
fn marked_ids(screen: &Screen) -> Vec<String> {
    screen
        .cells()
        .iter()
        .filter(|r| r.iter().take(4).any(|(t, _)| t == "●"))
        .flat_map(|r| ids_in_row(r))
        .map(|(id, _)| id)
        .collect()
}

/// The text drawn inverse, row by row (selected picker line, selected reason, …).
fn inverse_rows(screen: &Screen) -> Vec<String> {
    screen
        .cells()
        .iter()
        .map(|r| {
            r.iter()
                .filter(|(_, inv)| *inv)
                .map(|(t, _)| t.as_str())
                .collect::<String>()
        })
        .filter(|s| !s.trim().is_empty())
        .collect()
}

/// The text inside the confirmation box, its wrapped rows joined with spaces.
fn confirmation_text(text: &str) -> String {
    let rows: Vec<Vec<char>> = text.lines().map(|l| l.chars().collect()).collect();
    let title: Vec<char> = "┌ Konfirmasi".chars().collect();
    for (r, row) in rows.iter().enumerate() {
        let Some(left) = row.windows(title.len()).position(|w| w == title.as_slice()) else {
            continue;
        };
        let Some(right) = row[left + 1..]
            .iter()
            .position(|&c| c == '┐')
            .map(|p| p + left + 1)
        else {
            continue;
        };
        let mut parts = Vec::new();
        for inner in &rows[r + 1..] {
            if inner.get(left) != Some(&'│') || inner.get(right) != Some(&'│') {
                break;
            }
            let s: String = inner[left + 1..right].iter().collect();
            if !s.trim().is_empty() {
                parts.push(s.trim().to_owned());
            }
        }
        return parts.join(" ");
    }
    String::new()
}

// ---------------------------------------------------------------------------------------
// Checking an outbound batch file
// ---------------------------------------------------------------------------------------

/// Reads one outbound batch file and checks its framing on its own: JSON lines ending in
/// `\n`, a header for the outbound stream the file is named after, and a trailer with
/// the record count and the SHA-256 of every byte before it. Returns the records.
fn check_outbound_file(path: &Path) -> Vec<Value> {
    let name = path
        .file_name()
        .expect("file name")
        .to_string_lossy()
        .into_owned();
    let bytes = std::fs::read(path).expect("read the exported file");
    assert!(!bytes.is_empty(), "{name}: empty");
    assert!(bytes.ends_with(b"\n"), "{name}: the last line has no \\n");
    assert!(!bytes.contains(&b'\r'), "{name}: contains \\r");
    let text = std::str::from_utf8(&bytes).unwrap_or_else(|e| panic!("{name}: not UTF-8: {e}"));
    let lines: Vec<&str> = text.split_terminator('\n').collect();
    assert!(
        lines.len() >= 3,
        "{name}: {} lines, want header, records, trailer",
        lines.len()
    );
    let parsed: Vec<Value> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            serde_json::from_str(l)
                .unwrap_or_else(|e| panic!("{name}: line {} is not JSON ({e}): {l}", i + 1))
        })
        .collect();
    for (i, v) in parsed.iter().enumerate() {
        assert!(v.is_object(), "{name}: line {} is not an object", i + 1);
    }

    let header = &parsed[0];
    assert_eq!(header["type"], "header", "{name}: {header}");
    assert_eq!(header["format"], "lapor-batch", "{name}: {header}");
    assert_eq!(header["version"], 1, "{name}: {header}");
    assert_eq!(header["direction"], "outbound", "{name}: {header}");
    let agency = header["agency"].as_str().expect("header agency");
    let seq = header["sequence"].as_u64().expect("header sequence");
    assert_eq!(
        seq, 1,
        "{name}: the first export of a fresh demo is sequence 1"
    );
    assert_eq!(
        name,
        format!("outbound-{agency}-{seq:04}.jsonl"),
        "the file name does not match its header"
    );
    let batch_id = header["batch_id"].as_str().unwrap_or("");
    assert!(
        (1..=128).contains(&batch_id.len()),
        "{name}: batch_id {batch_id:?}"
    );
    assert!(
        header["created_at"]
            .as_str()
            .is_some_and(|s| chrono::DateTime::parse_from_rfc3339(s).is_ok()),
        "{name}: created_at {header}"
    );

    let trailer = parsed.last().expect("trailer");
    assert_eq!(trailer["type"], "trailer", "{name}: {trailer}");
    let records = &parsed[1..parsed.len() - 1];
    assert_eq!(
        trailer["records"].as_u64(),
        Some(records.len() as u64),
        "{name}: trailer count"
    );
    let before_trailer = text.len() - lines.last().map_or(0, |l| l.len() + 1);
    let digest = hex::encode(Sha256::digest(&bytes[..before_trailer]));
    assert_eq!(
        trailer["sha256"].as_str(),
        Some(digest.as_str()),
        "{name}: trailer sha256"
    );

    for r in records {
        let t = r["type"].as_str().unwrap_or("");
        assert!(
            ["response", "transfer", "hold"].contains(&t),
            "{name}: unexpected record type in {r}"
        );
        assert!(
            r["op_id"].as_str().is_some_and(|s| !s.is_empty()),
            "{name}: op_id in {r}"
        );
        assert!(
            r["base_revision"].as_u64().is_some_and(|n| n >= 1),
            "{name}: {r}"
        );
        assert_eq!(r["officer"], "Nur Aini (Diskominfo Sumenep)", "{name}: {r}");
        assert!(
            r["at"]
                .as_str()
                .is_some_and(|s| chrono::DateTime::parse_from_rfc3339(s).is_ok()),
            "{name}: at in {r}"
        );
    }
    records.to_vec()
}

/// The first `{word}` left in a text.
fn placeholder_left(text: &str) -> Option<&str> {
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        if let Some(close) = after.find('}') {
            let word = &after[..close];
            if !word.is_empty() && word.chars().all(|c| c.is_alphanumeric() || c == '_') {
                return Some(&rest[open..open + close + 2]);
            }
        }
        rest = after;
    }
    None
}

// ---------------------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------------------

#[test]
fn demo_transfer_respond_export_quit() {
    let started = Instant::now();
    let out = tempfile::tempdir().expect("tempdir");
    let mut desk = Desk::start();
    desk.wait_for_startup();

    // Filter the view: "/", a word, Enter keeps the filter (no caret in the title).
    desk.send("/");
    desk.wait_for("Perlu Tindakan / ▏");
    desk.send("jalan");
    desk.wait_for("Perlu Tindakan / jalan▏");
    desk.send(ENTER);
    let text = desk.wait_for("Perlu Tindakan / jalan ");
    let rows_shown = text.lines().filter(|l| l.contains("LAP-")).count();
    assert!(
        rows_shown >= 5,
        "the filter left fewer than 5 rows:\n{text}"
    );

    // Mark three rows in the middle: the second, third and fourth.
    desk.send("g");
    desk.send("j");
    desk.send(" ");
    desk.send(" ");
    desk.send(" ");
    let text = desk.wait_for("3 ditandai");
    let marked = marked_ids(&desk.screen);
    assert_eq!(marked.len(), 3, "marked rows {marked:?}:\n{text}");
    let cursor_id = highlighted_id(&desk.screen);
    assert!(
        !marked.contains(&cursor_id),
        "the cursor is on a marked row"
    );

    // Transfer the marked rows: pick the agency, default reason, a note, confirm.
    desk.send("t");
    desk.wait_for("Alihkan (Bukan Wewenang)");
    desk.wait_for("3 laporan akan diusulkan dialihkan ke");
    desk.send("bina marga provinsi");
    desk.wait_for("Cari: bina marga provinsi");
    let picked = inverse_rows(&desk.screen);
    assert!(
        picked.iter().any(|l| l.contains("35-DPUBM")),
        "35-DPUBM is not the highlighted agency: {picked:?}\n{}",
        desk.screen.text()
    );
    assert!(
        picked.iter().any(|l| l.contains("bukan unit kami")),
        "the default reason is not 'bukan unit kami': {picked:?}"
    );
    desk.send(ENTER); // → reason
    desk.send(ENTER); // → note
    let note = "Ruas jalan provinsi, kewenangan PU Bina Marga Jatim";
    desk.send(note);
    desk.wait_for(note);
    desk.send(ENTER); // → confirmation
    let text = desk.wait_for("Kirim?");
    let question = confirmation_text(&text);
    assert!(
        question.starts_with("3 laporan akan diusulkan dialihkan ke"),
        "confirmation: {question:?}\n{text}"
    );
    let to_agency = question
        .split_once("). Kirim?")
        .and_then(|(before, _)| before.rsplit_once('('))
        .map(|(_, code)| code.to_owned())
        .unwrap_or_else(|| panic!("no agency code in the confirmation {question:?}"));
    assert_eq!(to_agency, "35-DPUBM", "confirmation: {question:?}");
    desk.send(ENTER);
    let text = desk.wait_for("3 usulan pengalihan masuk antrean keluar");
    assert!(text.contains("3 op keluar"), "status bar:\n{text}");
    assert!(
        !text.contains("ditandai"),
        "the marks were not cleared:\n{text}"
    );
    // The filtered list is refreshed off the UI thread: wait for it.
    let marked_ids = marked.clone();
    wait_until(
        &desk.screen,
        "the transferred complaints to leave Perlu Tindakan",
        TIMEOUT,
        move |t| marked_ids.iter().all(|id| !t.contains(id.as_str())),
    );

    // Respond to the current (unmarked) row with a template: the cursor stayed on the
    // complaint it was on before the marked rows left the list.
    let respond_id = highlighted_id(&desk.screen);
    assert_eq!(
        respond_id, cursor_id,
        "the cursor moved to another complaint when the transferred rows left"
    );
    desk.send("r");
    desk.wait_for("Tindak Lanjut untuk 1 laporan");
    desk.wait_for(&format!("▸ {respond_id}"));
    desk.send(SHIFT_TAB); // text → template
    desk.send(DOWN); // (tanpa templat) → the first template
    let text = desk.wait_for("◂ awal ▸");
    assert!(
        text.contains("Yth."),
        "the template text is not in the editor:\n{text}"
    );
    desk.send(TAB); // template → text
    desk.send(CTRL_S);
    let text = desk.wait_for("1 tindak lanjut masuk antrean keluar");
    assert!(text.contains("4 op keluar"), "status bar:\n{text}");

    // Export; copy the files at once (the demo folder is deleted when the desk quits).
    desk.send("e");
    desk.wait_for("Ekspor 4 operasi tertunda sekarang?");
    desk.send(ENTER);
    let text = desk.wait_for("Diekspor ke ");
    let line = text
        .lines()
        .find(|l| l.contains("Diekspor ke "))
        .expect("status line");
    // "Diekspor ke <folder>: <name>, <name>" (the line may be cut at the screen's edge,
    // but the folder comes first).
    let (folder, names_shown) = line
        .split_once("Diekspor ke ")
        .and_then(|(_, r)| r.split_once(": "))
        .unwrap_or_else(|| panic!("no export folder in the status line {line:?}"));
    let folder = PathBuf::from(folder.trim());
    assert!(folder.ends_with("keluar"), "{line:?}");
    let shown: Vec<String> = names_shown.trim().split(", ").map(str::to_owned).collect();
    let mut copied = Vec::new();
    for e in std::fs::read_dir(&folder).expect("read the export folder") {
        let p = e.expect("dir entry").path();
        let n = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if n.starts_with("outbound-") && n.ends_with(".jsonl") {
            let dest = out.path().join(&n);
            std::fs::copy(&p, &dest).expect("copy the exported file");
            copied.push(dest);
        }
    }
    copied.sort();
    let names: Vec<String> = copied
        .iter()
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    for s in &shown {
        // The status line may be cut at the screen's edge; whole paths must be there.
        if s.ends_with(".jsonl") {
            let n = Path::new(s)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned());
            assert!(
                n.as_ref().is_some_and(|n| names.contains(n)),
                "{s} shown but not in {}",
                folder.display()
            );
        }
    }
    assert!(
        !copied.is_empty(),
        "nothing exported in {}",
        folder.display()
    );

    // Quit (confirming if drafts are reported), and check the terminal was restored.
    desk.send("q");
    let start = Instant::now();
    let status = loop {
        if let Some(s) = desk.child.try_wait().expect("try_wait") {
            desk.exit = Some(s.clone());
            break s;
        }
        if desk.screen.text().contains("Keluar? (Enter") {
            desk.send(ENTER);
            break desk.wait_exit(TIMEOUT);
        }
        assert!(
            start.elapsed() < TIMEOUT,
            "the desk did not quit on q; screen:\n{}",
            desk.screen.text()
        );
        std::thread::sleep(POLL);
    };
    assert!(status.success(), "exit status {status:?}");
    desk.wait_output_end(TIMEOUT);
    desk.assert_terminal_restored();
    assert_eq!(
        desk.demo_dirs_left(),
        Vec::<PathBuf>::new(),
        "the demo folder was not deleted"
    );
    assert!(
        !desk.home.path().join("data").exists(),
        "the demo touched SIGAP_DATA_DIR"
    );

    // Each exported file on its own, then the operations across them.
    let mut transfers = Vec::new();
    let mut responses = Vec::new();
    for p in &copied {
        for r in check_outbound_file(p) {
            match r["type"].as_str() {
                Some("transfer") => transfers.push(r),
                Some("response") => responses.push(r),
                _ => panic!("{}: unexpected record {r}", p.display()),
            }
        }
    }
    assert_eq!(transfers.len(), 3, "{transfers:?}");
    let mut transferred: Vec<String> = transfers
        .iter()
        .map(|t| t["complaint_id"].as_str().unwrap_or("").to_owned())
        .collect();
    transferred.sort();
    let mut want = marked.clone();
    want.sort();
    assert_eq!(
        transferred, want,
        "the transferred complaints are not the marked ones"
    );
    for t in &transfers {
        assert_eq!(t["reason"], "not_our_unit", "{t}");
        assert_eq!(t["note"], note, "{t}");
        assert_eq!(t["to_agency"], to_agency.as_str(), "{t}");
    }
    assert_eq!(responses.len(), 1, "{responses:?}");
    let resp = &responses[0];
    assert_eq!(resp["complaint_id"], respond_id.as_str(), "{resp}");
    assert_eq!(resp["stage"], "initial", "{resp}");
    let body = resp["text"].as_str().expect("response text");
    assert!(
        body.contains(&respond_id),
        "the response does not name {respond_id}: {body}"
    );
    assert_eq!(placeholder_left(body), None, "placeholder left in: {body}");
    assert!(body.contains("Nur Aini (Diskominfo Sumenep)"), "{body}");
    let ops: std::collections::BTreeSet<&str> = transfers
        .iter()
        .chain(&responses)
        .filter_map(|r| r["op_id"].as_str())
        .collect();
    assert_eq!(ops.len(), 4, "op_ids are not unique");

    eprintln!(
        "demo_transfer_respond_export_quit: {} file(s) {names:?}, {:.1} s",
        copied.len(),
        started.elapsed().as_secs_f64()
    );
}

#[test]
fn help_lists_live_keys_and_ctrl_c_quits() {
    let started = Instant::now();
    let mut desk = Desk::start();
    desk.wait_for_startup();

    desk.send("?");
    // The hint row is the last row a frame writes: once it shows the help's hints, the
    // whole help is on screen.
    let text = desk.wait_for("/ cari  Esc tutup");
    assert!(text.contains("Bantuan (Esc tutup)"), "{text}");
    let line_with = |needle: &str| {
        text.lines()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("{needle:?} not in the help:\n{text}"))
            .to_owned()
    };
    // Keys and descriptions come from the live key map.
    assert!(line_with("Ctrl-d").contains("satu halaman turun"), "{text}");
    assert!(line_with("Ctrl-u").contains("satu halaman naik"), "{text}");
    assert!(line_with("Space").contains("tandai/batal tandai"), "{text}");
    assert!(line_with("Shift-Tab").contains("sebelumnya"), "{text}");

    // `/` searches as you type: the keys below the fold are found by name.
    desk.send("/");
    desk.wait_for("Enter simpan saringan");
    desk.send("ctrl");
    let text = desk.wait_for("Cari: ctrl▏");
    for (key, what) in [
        ("Ctrl-d", "satu halaman turun"),
        ("Ctrl-s", "kirim formulir"),
        ("Ctrl-c", "keluar dari mana saja"),
    ] {
        let line = text
            .lines()
            .find(|l| l.contains(key))
            .unwrap_or_else(|| panic!("{key} not found by the help search:\n{text}"));
        assert!(line.contains(what), "{key}: {line}");
    }
    assert!(
        !text.contains("baris berikut"),
        "the search did not narrow:\n{text}"
    );
    desk.send("\x7f\x7f\x7f\x7f"); // Backspace ×4
    desk.wait_for("Cari: ▏");
    desk.send("tandai");
    let text = desk.wait_for("Cari: tandai▏");
    assert!(text.contains("tandai rentang"), "{text}");
    assert!(
        !text.contains("satu halaman turun"),
        "the search did not narrow:\n{text}"
    );

    // Esc closes it (wait for that before the next key: Esc+key would be Alt+key).
    desk.esc_until_gone("Bantuan (Esc tutup)");

    desk.send(CTRL_C);
    let status = desk.wait_exit(TIMEOUT);
    assert!(status.success(), "exit status {status:?}");
    desk.wait_output_end(TIMEOUT);
    desk.assert_terminal_restored();
    assert_eq!(
        desk.demo_dirs_left(),
        Vec::<PathBuf>::new(),
        "the demo folder was not deleted"
    );

    eprintln!(
        "help_lists_live_keys_and_ctrl_c_quits: {:.1} s",
        started.elapsed().as_secs_f64()
    );
}

impl Desk {
    /// Waits for the inbox of the demo desk.
    fn wait_for_startup(&self) {
        wait_until(&self.screen, "the inbox", STARTUP, |t| {
            t.contains("Perlu Tindakan") && t.contains("LAP-")
        });
    }

    /// Sends a terminate while the first frame is drawn (its first inbox row is on its
    /// way, the rest likely not), waits for the exit, and checks that the terminal was
    /// given back with nothing drawn after.
    fn terminate_while_drawing(&mut self) -> ExitStatus {
        let start = Instant::now();
        while !lock(&self.screen.raw).windows(4).any(|w| w == b"LAP-") {
            assert!(start.elapsed() < STARTUP, "no inbox row was drawn");
            assert!(
                !self.screen.ended(),
                "the desk's output ended before its inbox"
            );
            std::thread::sleep(Duration::from_millis(1));
        }
        let pid = self.child.process_id().expect("pid");
        let sent = std::process::Command::new("kill")
            .args(["-TERM", &pid.to_string()])
            .status()
            .expect("kill");
        assert!(sent.success());
        let status = self.wait_exit(TIMEOUT);
        // The last bytes it wrote may still be on their way through the terminal.
        self.wait_output_end(TIMEOUT);
        let raw = lock(&self.screen.raw).clone();
        let left = raw
            .windows(8)
            .rposition(|w| w == b"\x1b[?1049l")
            .expect("the alternate screen is never left");
        // After leaving it, only the last switches back to a normal terminal, no drawing.
        let after = String::from_utf8_lossy(&raw[left + 8..]).into_owned();
        assert!(
            after.len() < 40,
            "drawn after the alternate screen was left: {after:?}"
        );
        status
    }
}

/// A demo told to stop (a terminate or a hang-up, as when its window is closed) leaves
/// no copy of the demo cache behind and gives the terminal back, even when told while
/// it draws its first frame.
#[test]
fn a_terminated_demo_leaves_nothing_behind() {
    let mut desk = Desk::start();
    desk.terminate_while_drawing();
    let tmp = desk.home.path().join("tmp");
    let left: Vec<_> = std::fs::read_dir(&tmp)
        .expect("tmp")
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}

/// The officer's own desk told to stop gives the terminal back too, and its cache opens
/// as before.
#[test]
fn a_terminated_desk_gives_the_terminal_back() {
    let mut config = PathBuf::new();
    let mut desk = Desk::start_with(&[], |home| {
        config = home.join("config.toml");
        std::fs::write(
            &config,
            "agency = \"3529-DINSOS\"\nofficer = \"Ahmad Fauzi\"\n",
        )
        .expect("config");
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/inbound-3529-DINSOS-0001.jsonl");
        prepare(home, &config, &["import", fixture.to_str().expect("path")]);
        Some(config.clone())
    });
    let status = desk.terminate_while_drawing();
    assert_eq!(status.exit_code(), 130, "{status:?}");
    let listed = prepare(desk.home.path(), &config, &["list"]);
    assert!(listed.contains("LAP-2026-0000001"), "{listed}");
}

/// Runs `sigap` to prepare a desk (outside the terminal).
fn prepare(home: &Path, config: &Path, args: &[&str]) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_sigap"))
        .args(args)
        .env("SIGAP_CONFIG", config)
        .env("SIGAP_DATA_DIR", home.join("data"))
        .env("SIGAP_TODAY", "2026-11-27")
        .output()
        .expect("run sigap");
    assert!(
        out.status.success(),
        "sigap {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A bulk hold is undone whole by one `u`, and a rejected operation is read and
/// discarded (the desk's trust fixes, at the keyboard).
#[test]
fn a_bulk_hold_is_undone_whole_and_a_rejected_operation_is_discarded() {
    let mut desk = Desk::start_with(&[], |home| {
        let config = home.join("config.toml");
        let out = home.join("keluar");
        std::fs::write(
            &config,
            format!(
                "agency = \"3529-DINSOS\"\nofficer = \"Ahmad Fauzi\"\nexport_dir = {:?}\n",
                out.to_str().expect("path")
            ),
        )
        .expect("config");
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/inbound-3529-DINSOS-0001.jsonl");
        prepare(home, &config, &["import", fixture.to_str().expect("path")]);
        let id = "LAP-2026-0000001";
        let op = prepare(
            home,
            &config,
            &["respond", id, "--stage", "initial", "--text", "Diterima."],
        );
        let path = prepare(home, &config, &["export"]);
        let batch = std::fs::read_to_string(path.trim()).expect("the batch");
        let header: Value =
            serde_json::from_str(batch.lines().next().expect("header")).expect("header json");
        // The registry's answer: the response rejected.
        let body = format!(
            "{}\n{}\n",
            serde_json::json!({"type": "header", "format": "lapor-batch", "version": 1,
                "direction": "inbound", "agency": "3529-DINSOS", "sequence": 2,
                "batch_id": "ack-2", "created_at": "2026-11-26T08:00:00+07:00",
                "producer": "test"}),
            serde_json::json!({"type": "ack", "batch_id": header["batch_id"],
                "results": [{"op_id": op.trim(), "outcome": "rejected",
                             "reason": "Tanggapan terlalu singkat"}]}),
        );
        let digest: String = Sha256::digest(body.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let file = home.join("ack.jsonl");
        std::fs::write(
            &file,
            format!(
                "{body}{}\n",
                serde_json::json!({"type": "trailer", "records": 1, "sha256": digest})
            ),
        )
        .expect("ack file");
        prepare(home, &config, &["import", file.to_str().expect("path")]);
        Some(config)
    });
    desk.wait_for_startup();
    let text = desk.wait_for("1 ditolak");
    assert!(text.contains("0 op keluar"), "{text}");

    // A bulk hold of three, then one `u` takes all three back.
    desk.send("8");
    desk.wait_for("Semua 1/");
    desk.send(" ");
    desk.send(" ");
    desk.send(" ");
    desk.wait_for("3 ditandai");
    desk.send("h");
    desk.wait_for("Tunda 3 laporan");
    desk.send("Fotokopi KTP");
    desk.send(ENTER);
    desk.wait_for("Tunda 3 laporan? (Enter: ya, Esc: batal)");
    desk.send(ENTER);
    let text = desk.wait_for("3 penundaan masuk antrean keluar");
    assert!(text.contains("3 op keluar"), "{text}");
    desk.send("u");
    let text = desk.wait_for("Dibatalkan: 3 tunda");
    assert!(
        text.contains("0 op keluar"),
        "all three undone at once:\n{text}"
    );

    // The rejected response: in the outbox, its reason in the detail, discarded.
    desk.send("7");
    desk.wait_for("Keluar 1/1");
    desk.send(ENTER);
    let text = desk.wait_for("Tanggapan terlalu singkat");
    assert!(text.contains("Ditolak registri"), "{text}");
    desk.send("X");
    desk.wait_for("Buang operasi yang konflik atau ditolak");
    desk.send(ENTER);
    let text = desk.wait_for("1 operasi diselesaikan");
    assert!(
        !text.contains("ditolak ·") && !text.contains("1 ditolak"),
        "{text}"
    );
    desk.send(CTRL_C);
    desk.wait_exit(TIMEOUT);
}

/// `Ctrl-e` in the response text hands the terminal to `$EDITOR` and reads its text back.
#[test]
fn the_response_is_edited_in_the_external_editor() {
    let mut desk = Desk::start();
    desk.wait_for_startup();
    desk.send("r");
    desk.wait_for("Tindak Lanjut untuk 1 laporan");
    desk.send("Laporan diterima");
    desk.wait_for("Laporan diterima");
    desk.send("\x05"); // Ctrl-e
    let text = desk.wait_for("DISUNTING-Laporan diterima");
    assert!(
        text.contains("Tindak Lanjut untuk 1 laporan"),
        "back in the desk:\n{text}"
    );
    desk.send(CTRL_C);
    desk.wait_exit(TIMEOUT);
}
