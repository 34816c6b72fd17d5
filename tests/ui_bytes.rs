//! The bytes the desk writes to the terminal when it shows hostile batch text. The
//! panes are drawn through the real crossterm backend into a `Vec<u8>`, and the output
//! is parsed: the only escape sequences in it are the backend's own CSI sequences
//! (cursor moves, styles, cursor visibility); no OSC, DCS, APC, PM or SOS; no C1
//! code; no raw C0 byte; no bidi override or zero-width character. The same bytes
//! are replayed into a terminal emulator (vt100) that must see no title change, no
//! clipboard write, no bell and no unknown sequence, and must show the sanitised text
//! exactly where the test backend put it.

mod common;
mod harness;

use common::*;
use harness::{Effects, Harness};
use ratatui::backend::{CrosstermBackend, TestBackend};
use ratatui::buffer::CellWidth;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use serde_json::json;
use sigap::app::{Action, App, Command};
use sigap::ui::{self, Theme};
use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

const W: u16 = 120;
const H: u16 = 40;

// ---------------------------------------------------------------------------------------
// The hostile batch
// ---------------------------------------------------------------------------------------

const HOSTILE: &str = concat!(
    "Jalan rusak ",
    "\u{1b}]0;x\u{7}",
    " osc52 \u{1b}]52;c;aGk=\u{7}",
    " csi \u{1b}[2J\u{1b}[31m",
    " dcs \u{1b}P+q544e\u{1b}\\",
    " apc \u{1b}_Gf=100;AAAA\u{1b}\\",
    " pm \u{1b}^pm\u{1b}\\",
    " sos \u{1b}Xsos\u{1b}\\",
    " c1 \u{9b}31m \u{90}q\u{9c} \u{9d}0;t\u{9c}",
    " c0 \u{7}\u{8}\u{8}\rX\u{0}\u{7f}",
    " bidi \u{202e}fdp.exe\u{2066}iso\u{2069}\u{202a}\u{200f}",
    " zw a\u{200b}b\u{feff}c\u{2060}d",
    " zwj a\u{200d}b\u{200c}c tag x\u{e0041}\u{e0042}",
    " comb e\u{301}\u{302}\u{303}\u{304}\u{305}",
);

/// Characters of the content that must never reach the output bytes.
const FORBIDDEN: [char; 11] = [
    '\u{202e}', '\u{2066}', '\u{2069}', '\u{202a}', '\u{200f}', '\u{200b}', '\u{feff}', '\u{2060}',
    '\u{9b}', '\u{90}', '\u{9d}',
];

const HOSTILE_ID: &str = "LAP-2026-6666666";

fn long_body() -> String {
    let mut s = format!("{HOSTILE}\nbaris dua\r\nbaris tiga\ttab\n");
    let mut i = 0;
    while s.chars().count() < 17_000 {
        if i % 40 == 0 {
            s.push_str("\u{1b}[2J\u{1b}]0;x\u{7}\u{9b}1m\u{202e}\u{1b}P$q\u{1b}\\ ");
        }
        s.push_str("Kronologi panjang ");
        i += 1;
    }
    s.push('\n');
    s.push_str(&"W".repeat(3_000));
    while s.chars().count() < 20_000 {
        s.push('z');
    }
    s
}

fn hostile_batch() -> Vec<u8> {
    let mut c = complaint(HOSTILE_ID, 1, HOSTILE, SCOPE);
    c["body"] = json!(long_body());
    c["status"] = json!("\u{1b}[2Jdiproses\u{7}");
    c["classification"] = json!("\u{9b}0m\u{202e}pengaduan");
    c["category"] = json!(HOSTILE);
    c["channel"] = json!("\u{1b}P+q\u{1b}\\web");
    c["location"] = json!(HOSTILE);
    c["reporter"] =
        json!({"name": HOSTILE, "phone": "\u{1b}]52;c;aGk=\u{7}0812", "email": "\u{202e}moc.x@y"});
    c["attachments"] =
        json!([{"name": HOSTILE, "media_type": "image/jpeg", "size": 204811, "sha256": null}]);
    let mut c2 = complaint("LAP-\u{1b}[2J\u{9b}-2", 1, HOSTILE, SCOPE);
    c2["disposed_at"] = json!("2026-11-19T10:00:00+07:00");
    let m = message(
        "M-HOSTILE-1",
        HOSTILE_ID,
        "2026-11-18T09:00:00+07:00",
        "\u{1b}]52;c;aGk=\u{7}\u{1b}_apc\u{1b}\\",
        &format!("{HOSTILE}\nbaris kedua \u{1b}P1$r\u{1b}\\"),
    );
    let a1 = agency(SCOPE, &format!("Dinas Sosial {HOSTILE}"));
    let a2 = agency("3529-DLH", "\u{1b}]0;x\u{7}Dinas Lingkungan Hidup\u{202e}");
    let head = Head::new(SCOPE, 1, "hostile-1", "2026-11-19T08:00:00+07:00");
    batch(&head, &[a1, a2, c, c2, m])
}

// ---------------------------------------------------------------------------------------
// The desk, driven as the runtime drives it
// ---------------------------------------------------------------------------------------

/// The desk on a cache holding the hostile batch, showing every complaint.
fn hostile() -> Harness {
    let mut desk = Desk::with_config(&config_text(""));
    sigap::sync::import_bytes(&mut desk.store, &desk.cfg, "hostile.jsonl", hostile_batch())
        .expect("import the hostile batch");
    let mut h = Harness::new(desk, W, H, Effects::All);
    h.cmd(Command::View8);
    h
}

// ---------------------------------------------------------------------------------------
// Drawing into bytes, and reading them back
// ---------------------------------------------------------------------------------------

fn theme() -> Theme {
    Theme::new(sigap::config::Theme::Default, true)
}

/// A `Vec<u8>` the test keeps a handle on while the backend writes into it (the
/// backend's own `writer()` is behind ratatui's unstable `backend-writer` feature).
#[derive(Clone, Default)]
struct Sink(Rc<RefCell<Vec<u8>>>);

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

type ByteTerminal = Terminal<CrosstermBackend<Sink>>;

/// A terminal over a byte vector with a fixed viewport: it never asks the real
/// terminal for its size.
fn byte_terminal_sized(w: u16, h: u16) -> (ByteTerminal, Sink) {
    let sink = Sink::default();
    let t = Terminal::with_options(
        CrosstermBackend::new(sink.clone()),
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, w, h)),
        },
    )
    .expect("terminal over a Vec");
    (t, sink)
}

fn byte_terminal() -> (ByteTerminal, Sink) {
    byte_terminal_sized(W, H)
}

/// Draws one frame; returns the bytes written for it.
fn frame_bytes(t: &mut (ByteTerminal, Sink), app: &App) -> Vec<u8> {
    t.0.draw(|f| ui::draw(f, app, &theme())).expect("draw");
    std::mem::take(&mut *t.1.0.borrow_mut())
}

/// The same frame on the test backend, as rows of text.
fn expected_rows(app: &App) -> Vec<String> {
    let mut t = Terminal::new(TestBackend::new(W, H)).expect("terminal");
    t.draw(|f| ui::draw(f, app, &theme())).expect("draw");
    let buf = t.backend().buffer();
    buf.content
        .chunks(usize::from(W))
        .map(|cells| {
            let mut row = String::new();
            let mut skip: u16 = 0;
            for c in cells {
                if skip == 0 {
                    row.push_str(c.symbol());
                }
                skip = skip.max(c.cell_width()).saturating_sub(1);
            }
            row.trim_end().to_owned()
        })
        .collect()
}

/// One CSI sequence the backend wrote: its parameter and intermediate bytes and its
/// final byte.
#[derive(Debug)]
struct Csi {
    params: String,
    fin: char,
}

/// Parses the output: every ESC must open a well-formed CSI; returns the CSI sequences
/// and the text between them. Panics on anything else.
fn parse(bytes: &[u8], what: &str) -> (Vec<Csi>, String) {
    // The forbidden introducers, spelled out (they are also excluded by the ESC `[`
    // rule below): OSC, DCS, APC, PM, SOS, and ST.
    for (intro, name) in [
        (&b"\x1b]"[..], "OSC"),
        (b"\x1bP", "DCS"),
        (b"\x1b_", "APC"),
        (b"\x1b^", "PM"),
        (b"\x1bX", "SOS"),
        (b"\x1b\\", "ST"),
    ] {
        assert!(
            !bytes.windows(intro.len()).any(|w| w == intro),
            "{what}: an {name} sequence reached the terminal"
        );
    }
    // C1 controls as UTF-8 (U+0080..U+009F) and as raw 8-bit bytes.
    for w in bytes.windows(2) {
        assert!(
            !(w[0] == 0xC2 && (0x80..=0x9F).contains(&w[1])),
            "{what}: a C1 control (C2 {:02X}) reached the terminal",
            w[1]
        );
    }
    let text = std::str::from_utf8(bytes)
        .unwrap_or_else(|e| panic!("{what}: the output is not UTF-8: {e}"));
    let mut csis = Vec::new();
    let mut plain = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            assert_eq!(
                chars.next(),
                Some('['),
                "{what}: an ESC that does not start a CSI"
            );
            let mut params = String::new();
            let fin = loop {
                let b = chars
                    .next()
                    .unwrap_or_else(|| panic!("{what}: a CSI without a final byte"));
                match b {
                    '\u{30}'..='\u{3f}' | '\u{20}'..='\u{2f}' => params.push(b),
                    '\u{40}'..='\u{7e}' => break b,
                    other => panic!("{what}: {other:?} inside a CSI after {params:?}"),
                }
            };
            csis.push(Csi { params, fin });
            continue;
        }
        assert!(
            !c.is_control(),
            "{what}: raw control {c:?} (U+{:04X}) reached the terminal",
            c as u32
        );
        assert!(
            !sigap::text::is_unsafe(c) && !FORBIDDEN.contains(&c),
            "{what}: invisible or bidi {c:?} (U+{:04X}) reached the terminal",
            c as u32
        );
        plain.push(c);
    }
    (csis, plain)
}

/// Only what the backend itself writes for a frame: cursor moves (`H`), styles (`m`),
/// and hiding or showing the cursor (`?25l`, `?25h`). Nothing clears the screen,
/// scrolls, or queries the terminal.
fn assert_backend_csis(csis: &[Csi], what: &str) {
    assert!(!csis.is_empty(), "{what}: no CSI at all");
    for c in csis {
        let ok = match c.fin {
            'H' => c.params.chars().all(|ch| ch.is_ascii_digit() || ch == ';'),
            'm' => c.params.chars().all(|ch| ch.is_ascii_digit() || ch == ';'),
            'l' | 'h' => c.params == "?25",
            _ => false,
        };
        assert!(ok, "{what}: unexpected CSI {:?}{}", c.params, c.fin);
    }
}

/// What a terminal emulator did besides drawing.
#[derive(Default)]
struct Events(Vec<String>);

impl vt100::Callbacks for Events {
    fn audible_bell(&mut self, _: &mut vt100::Screen) {
        self.0.push("bell".into());
    }
    fn visual_bell(&mut self, _: &mut vt100::Screen) {
        self.0.push("visual bell".into());
    }
    fn resize(&mut self, _: &mut vt100::Screen, r: (u16, u16)) {
        self.0.push(format!("resize {r:?}"));
    }
    fn set_window_icon_name(&mut self, _: &mut vt100::Screen, n: &[u8]) {
        self.0.push(format!("icon name {n:?}"));
    }
    fn set_window_title(&mut self, _: &mut vt100::Screen, t: &[u8]) {
        self.0.push(format!("title {t:?}"));
    }
    fn copy_to_clipboard(&mut self, _: &mut vt100::Screen, ty: &[u8], d: &[u8]) {
        self.0.push(format!("clipboard {ty:?} {d:?}"));
    }
    fn paste_from_clipboard(&mut self, _: &mut vt100::Screen, ty: &[u8]) {
        self.0.push(format!("paste {ty:?}"));
    }
    fn unhandled_char(&mut self, _: &mut vt100::Screen, c: char) {
        self.0.push(format!("char {c:?}"));
    }
    fn unhandled_control(&mut self, _: &mut vt100::Screen, b: u8) {
        self.0.push(format!("control {b:#x}"));
    }
    fn unhandled_escape(&mut self, _: &mut vt100::Screen, a: Option<u8>, b: Option<u8>, c: u8) {
        self.0.push(format!("escape {a:?} {b:?} {c:#x}"));
    }
    fn unhandled_csi(
        &mut self,
        _: &mut vt100::Screen,
        a: Option<u8>,
        b: Option<u8>,
        p: &[&[u16]],
        c: char,
    ) {
        // SGR 59 (default underline colour) is crossterm's own reset, which vt100
        // does not implement.
        if c == 'm' && a.is_none() && p == [&[59u16][..]] {
            return;
        }
        self.0.push(format!("csi {a:?} {b:?} {p:?} {c:?}"));
    }
    fn unhandled_osc(&mut self, _: &mut vt100::Screen, p: &[&[u8]]) {
        self.0.push(format!("osc {p:?}"));
    }
}

fn emulator() -> vt100::Parser<Events> {
    vt100::Parser::new_with_callbacks(
        std::num::NonZeroU16::new(H).expect("rows"),
        std::num::NonZeroU16::new(W).expect("cols"),
        0,
        Events::default(),
    )
}

/// What U+FFFD is replayed as.
const VT_FFFD: &str = "\u{25A1}";

/// The emulator's screen as rows of text.
fn emulated_rows(p: &vt100::Parser<Events>) -> Vec<String> {
    p.screen()
        .rows(0, W)
        .map(|r| r.trim_end().to_owned())
        .collect()
}

/// Draws the app through the byte backend and checks every byte of it; replays the
/// bytes into the emulator. Returns the plain text written.
fn check_frame(
    t: &mut (ByteTerminal, Sink),
    vt: &mut vt100::Parser<Events>,
    app: &App,
    what: &str,
) -> String {
    let bytes = frame_bytes(t, app);
    let (csis, plain) = parse(&bytes, what);
    assert_backend_csis(&csis, what);
    // vt100 drops U+FFFD without moving the cursor (a real terminal draws it one
    // column wide); the replay swaps it for another one-column symbol.
    let replay = String::from_utf8(bytes)
        .expect("checked UTF-8")
        .replace('\u{FFFD}', VT_FFFD);
    vt.process(replay.as_bytes());
    assert!(
        vt.callbacks().0.is_empty(),
        "{what}: the terminal did more than draw: {:?}",
        vt.callbacks().0
    );
    let got = emulated_rows(vt);
    let want: Vec<String> = expected_rows(app)
        .into_iter()
        .map(|r| r.replace('\u{FFFD}', VT_FFFD))
        .collect();
    for (y, (g, w)) in got.iter().zip(&want).enumerate() {
        assert_eq!(
            g, w,
            "{what}: row {y} differs between the bytes and the buffer"
        );
    }
    plain
}

// ---------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------

#[test]
fn hostile_inbox_bytes_are_inert() {
    let h = hostile();
    let mut t = byte_terminal();
    let mut vt = emulator();
    let plain = check_frame(&mut t, &mut vt, &h.app, "inbox");
    assert!(
        plain.contains("␛]0;x␇"),
        "the title was drawn, inert: {plain}"
    );
    assert!(
        plain.contains("LAP-␛[2J"),
        "the hostile ID was drawn, inert: {plain}"
    );
    assert!(
        plain.contains("␛[2Jdiprose"),
        "the status was drawn, inert: {plain}"
    );
}

#[test]
fn hostile_detail_bytes_are_inert_from_top_to_thread() {
    let mut h = hostile();
    h.goto(HOSTILE_ID);
    h.cmd(Command::Open);
    assert!(
        h.app
            .panes
            .find::<sigap::app::panes::detail::DetailPane>()
            .is_some(),
        "the detail was loaded"
    );
    let mut t = byte_terminal();
    let mut vt = emulator();
    let mut seen = check_frame(&mut t, &mut vt, &h.app, "detail, top");
    for needle in [
        "␛]0;x␇",
        "␛]52;c;aGk=␇",
        "␛[2J␛[31m",
        "␛P+q544e␛\\",
        "␛_Gf=100;AAAA␛\\",
        "␛^pm␛\\",
        "␛Xsos␛\\",
        "\u{FFFD}31m",
        "␇␈␈",
        "\u{FFFD}fdp.exe\u{FFFD}iso\u{FFFD}",
        "a\u{FFFD}b\u{FFFD}c\u{FFFD}d",
        "zwj a\u{FFFD}b\u{FFFD}c tag x\u{FFFD}\u{FFFD}",
        "␛P+q␛\\web",
    ] {
        assert!(seen.contains(needle), "{needle:?} not drawn: {seen}");
    }
    // Page through the 20,000-character body to the thread; every frame (a diff of
    // the one before) is checked the same way.
    let mut pages = 0;
    while !seen.contains("Percakapan") || !seen.contains("baris kedua") {
        h.cmd(Command::PageDown);
        pages += 1;
        assert!(pages < 500, "the thread never came into view");
        let plain = check_frame(&mut t, &mut vt, &h.app, &format!("detail, page {pages}"));
        seen.push_str(&plain);
    }
    assert!(pages >= 4, "the long body took several pages ({pages})");
    assert!(
        seen.contains("␛_apc␛\\"),
        "the message author was drawn, inert"
    );
    assert!(
        seen.contains("␛P1$r␛\\"),
        "the message text was drawn, inert"
    );
}

#[test]
fn hostile_transfer_and_response_bytes_are_inert() {
    let mut h = hostile();
    h.cmd(Command::MarkAll);
    h.cmd(Command::Transfer);
    let mut t = byte_terminal();
    let mut vt = emulator();
    let plain = check_frame(&mut t, &mut vt, &h.app, "transfer");
    assert!(
        plain.contains("Lingkungan"),
        "the directory was drawn: {plain}"
    );
    h.cmd(Command::Close);
    h.cmd(Command::Respond);
    h.cmd(Command::PrevPane);
    h.cmd(Command::Down);
    let plain = check_frame(&mut t, &mut vt, &h.app, "response");
    assert!(plain.contains("Pratinjau"), "{plain}");
    assert!(
        plain.contains("␛]0;x␇"),
        "the preview was drawn, inert: {plain}"
    );
}

/// Resizing redraws at once, and the redraw is as inert as the first frame.
#[test]
fn hostile_bytes_stay_inert_across_resizes() {
    let mut h = hostile();
    h.goto(HOSTILE_ID);
    h.cmd(Command::Open);
    for (w, hh) in [(20u16, 5u16), (33, 9), (80, 24), (W, H)] {
        h.feed(Action::Resize(w, hh));
        let mut t = byte_terminal_sized(w, hh);
        let bytes = frame_bytes(&mut t, &h.app);
        let (csis, _) = parse(&bytes, &format!("detail at {w}x{hh}"));
        assert_backend_csis(&csis, &format!("detail at {w}x{hh}"));
    }
}

/// The parser itself catches what it must (guards the checks above).
#[test]
fn the_checks_catch_raw_sequences() {
    for bad in [
        &b"\x1b]0;x\x07"[..],
        b"\x1bP+q\x1b\\",
        b"\x1b_a\x1b\\",
        b"\x1b^a\x1b\\",
        b"\x1bXa\x1b\\",
        "\u{9b}31m".as_bytes(),
        b"a\x07b",
        b"a\rb",
        "a\u{202e}b".as_bytes(),
        "a\u{200b}b".as_bytes(),
    ] {
        let r = std::panic::catch_unwind(|| parse(bad, "probe"));
        assert!(r.is_err(), "{bad:?} was not caught");
    }
    let (csis, plain) = parse(b"\x1b[1;1H\x1b[0mok\x1b[?25l", "probe");
    assert_backend_csis(&csis, "probe");
    assert_eq!(plain, "ok");
}

/// The checks are not vacuous: ratatui itself drops control characters and
/// zero-width graphemes from cells, but a joiner or a tag character that extends the
/// letter before it rides along inside that letter's cell. Drawn raw, they reach the
/// bytes and the checks fail; through the desk they arrive as U+FFFD.
#[test]
fn raw_joiners_and_tags_would_be_caught() {
    let mut t = byte_terminal();
    t.0.draw(|f| {
        f.render_widget(
            ratatui::widgets::Paragraph::new("a\u{200d}b\u{200c}c x\u{e0041}"),
            f.area(),
        );
    })
    .expect("draw");
    let bytes = std::mem::take(&mut *t.1.0.borrow_mut());
    let r = std::panic::catch_unwind(|| parse(&bytes, "raw"));
    assert!(r.is_err(), "raw joiners passed the checks");
    let sanitised = sigap::text::line("a\u{200d}b\u{200c}c x\u{e0041}");
    t.0.draw(|f| {
        f.render_widget(
            ratatui::widgets::Paragraph::new(sanitised.as_str()),
            f.area(),
        );
    })
    .expect("draw");
    let bytes = std::mem::take(&mut *t.1.0.borrow_mut());
    let (_, plain) = parse(&bytes, "sanitised");
    assert!(plain.contains("a\u{FFFD}b\u{FFFD}c"), "{plain}");
}
