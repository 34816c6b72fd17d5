//! The terminal: entering and leaving the alternate screen, and making sure the
//! terminal is restored on exit, on error and on panic.

use ratatui::DefaultTerminal;
use std::sync::atomic::{AtomicBool, Ordering};

/// Whether the full-screen terminal is in use (so a stop signal knows to restore it).
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Enters the full-screen terminal. `ratatui::init` also installs a panic hook that
/// restores the terminal before the panic report is printed.
pub fn enter() -> DefaultTerminal {
    ACTIVE.store(true, Ordering::SeqCst);
    let terminal = ratatui::init();
    // Clicks and the wheel; a terminal that cannot report them just sends none.
    let _ = crossterm::execute!(std::io::stdout(), crossterm::event::EnableMouseCapture);
    terminal
}

/// Leaves the full-screen terminal.
pub fn leave() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        let _ = crossterm::execute!(std::io::stdout(), crossterm::event::DisableMouseCapture);
        ratatui::restore();
    }
}

/// Hands the terminal to the officer's editor (`$VISUAL`, else `$EDITOR`, else the
/// system's) on a private temporary file holding `text`, and takes it back when the
/// editor ends. Returns the file's text then.
pub fn edit_externally(text: &str) -> std::io::Result<String> {
    use std::io::Write;
    let mut file = tempfile::Builder::new()
        .prefix("sigap-tanggapan-")
        .suffix(".txt")
        .tempfile()?;
    file.write_all(text.as_bytes())?;
    file.flush()?;
    let editor = std::env::var("VISUAL")
        .or_else(|_| std::env::var("EDITOR"))
        .unwrap_or_else(|_| if cfg!(windows) { "notepad" } else { "vi" }.into());
    let mut words = editor.split_whitespace();
    let program = words.next().unwrap_or("vi");
    leave();
    let status = std::process::Command::new(program)
        .args(words)
        .arg(file.path())
        .status();
    // Back to the desk whatever the editor did.
    ACTIVE.store(true, Ordering::SeqCst);
    crossterm::terminal::enable_raw_mode()?;
    crossterm::execute!(
        std::io::stdout(),
        crossterm::terminal::EnterAlternateScreen,
        crossterm::event::EnableMouseCapture
    )?;
    let status = status?;
    if !status.success() {
        return Err(std::io::Error::other(format!(
            "{program} ended with {status}"
        )));
    }
    std::fs::read_to_string(file.path())
}

/// Restores the terminal when dropped, so an early return or `?` still leaves it sane.
pub struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        leave();
    }
}
