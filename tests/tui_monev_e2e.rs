//! The monev pane end to end: the real `sigap --demo` binary in a pseudo-terminal, its
//! output parsed by a terminal emulator (vt100), every step waited for on the parsed
//! screen (never by sleeping a fixed time). It opens the pane on the demo, drills into
//! the latest office's overdue complaints, comes back, drafts the reprimands and issues
//! them, and checks the letters written into the demo's report folder before quitting.
#![cfg(unix)]

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

const ROWS: u16 = 36;
const COLS: u16 = 120;
const TIMEOUT: Duration = Duration::from_secs(30);
const STARTUP: Duration = Duration::from_secs(90);
const POLL: Duration = Duration::from_millis(20);
const ENTER: &str = "\r";
const ESC: &str = "\x1b";
const CTRL_S: &str = "\x13";

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

struct Pty {
    parser: Arc<Mutex<vt100::Parser>>,
    ended: Arc<AtomicBool>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    _master: Box<dyn portable_pty::MasterPty + Send>,
    home: tempfile::TempDir,
}

impl Pty {
    fn start() -> Pty {
        let home = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir(home.path().join("tmp")).expect("tmp");
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("openpty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_sigap"));
        cmd.args(["--demo"]);
        cmd.cwd(home.path());
        cmd.env("SIGAP_TODAY", "2026-11-27");
        cmd.env("TERM", "xterm-256color");
        cmd.env("SIGAP_CONFIG", home.path().join("absent-config.toml"));
        cmd.env("SIGAP_DATA_DIR", home.path().join("data"));
        cmd.env("TMPDIR", home.path().join("tmp"));
        cmd.env_remove("NO_COLOR");
        let child = pair.slave.spawn_command(cmd).expect("spawn sigap");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let writer = pair.master.take_writer().expect("writer");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            NonZeroU16::new(ROWS).expect("rows"),
            NonZeroU16::new(COLS).expect("cols"),
            0,
        )));
        let ended = Arc::new(AtomicBool::new(false));
        let (p, e) = (parser.clone(), ended.clone());
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) => break,
                    Ok(n) => lock(&p).process(&buf[..n]),
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                    Err(_) => break,
                }
            }
            e.store(true, Ordering::SeqCst);
        });
        Pty {
            parser,
            ended,
            writer,
            child,
            _master: pair.master,
            home,
        }
    }

    fn text(&self) -> String {
        lock(&self.parser)
            .screen()
            .rows(0, COLS)
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("write");
        self.writer.flush().expect("flush");
    }

    fn wait(&self, what: &str, timeout: Duration, pred: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let ended = self.ended.load(Ordering::SeqCst);
            let t = self.text();
            if pred(&t) {
                return t;
            }
            assert!(!ended, "the desk ended while waiting for {what}:\n{t}");
            assert!(
                start.elapsed() < timeout,
                "timed out waiting for {what}:\n{t}"
            );
            std::thread::sleep(POLL);
        }
    }

    fn wait_for(&self, needle: &str) -> String {
        self.wait(needle, TIMEOUT, |t| t.contains(needle))
    }

    /// The demo's report folder (inside its private temporary folder).
    fn report_dir(&self) -> PathBuf {
        std::fs::read_dir(self.home.path().join("tmp"))
            .expect("tmp")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .find(|p| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with("sigap-demo-"))
            })
            .expect("the demo's folder")
            .join("laporan")
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn document_xml(path: &Path) -> String {
    let f = std::fs::File::open(path).expect("open the letter");
    let mut z = zip::ZipArchive::new(f).expect("a docx is a zip file");
    let mut e = z.by_name("word/document.xml").expect("document.xml");
    let mut s = String::new();
    e.read_to_string(&mut s).expect("read");
    s
}

#[test]
fn demo_monev_drill_and_issue_a_reprimand() {
    let mut d = Pty::start();
    d.wait("the inbox", STARTUP, |t| t.contains("Perlu Tindakan"));
    d.send("M");
    d.wait_for("Monev · ");
    let s = d.wait_for("JUMLAH");
    // The demo's prompt and late offices, and last month's letter.
    assert!(s.contains("3529-DINKES") && s.contains("3529-DPUBM"), "{s}");
    assert!(s.contains("800/1/435.107/2026"), "last month's letter\n{s}");
    // The latest office is the last row: Enter shows its overdue complaints.
    d.send("G");
    d.send(ENTER);
    // The title can be drawn before the rest of the frame: wait for the whole pane to
    // have given way to the list (a screen read mid-frame once failed a loaded CI run).
    let s = d.wait("the pinned list in place of the pane", TIMEOUT, |t| {
        t.contains("monev 3529-") && !t.contains("JUMLAH")
    });
    let title = s
        .lines()
        .find(|l| l.contains("monev 3529-"))
        .unwrap_or_else(|| panic!("the pinned list's title\n{s}"))
        .to_owned();
    assert!(s.contains("LAP-2026-"), "{s}");
    // Esc gives the whole view back.
    d.send(ESC);
    d.wait("the view again", TIMEOUT, |t| !t.contains("monev 3529-"));
    // Draft, review and issue the reprimands.
    d.send("M");
    d.wait_for("JUMLAH");
    d.send("T");
    // The list of drafts comes first; the first letter is drawn once composed.
    d.wait("the drafts and the first letter", TIMEOUT, |t| {
        t.contains("belum bernomor") && t.contains("Teguran Tertulis")
    });
    d.send(CTRL_S);
    d.wait_for("Terbitkan");
    d.send(ENTER);
    let s = d.wait_for("teguran terbit");
    assert!(s.contains("800/2/435.107/2026"), "{s}");
    let dir = d.report_dir();
    let letters: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the letters' folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "docx"))
        .collect();
    assert!(!letters.is_empty(), "letters in {}", dir.display());
    let agency = title
        .split("monev ")
        .nth(1)
        .and_then(|r| r.split(':').next())
        .expect("the agency in the title")
        .trim()
        .to_owned();
    let mine = letters
        .iter()
        .find(|p| p.to_string_lossy().contains(&agency))
        .unwrap_or_else(|| panic!("a letter to {agency} in {letters:?}"));
    let xml = document_xml(mine);
    assert!(xml.contains("435.107/2026"), "numbered");
    assert!(xml.contains("PEMERINTAH KABUPATEN SUMENEP"));
    // Quit: close the pane, then the desk.
    d.send("q");
    d.wait("the pane closed", TIMEOUT, |t| !t.contains("JUMLAH"));
    d.send("q");
    let start = Instant::now();
    while matches!(d.child.try_wait(), Ok(None)) {
        assert!(start.elapsed() < TIMEOUT, "the desk did not quit");
        std::thread::sleep(POLL);
    }
}
