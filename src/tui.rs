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

/// Restores the terminal when dropped, so an early return or `?` still leaves it sane.
pub struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        leave();
    }
}
