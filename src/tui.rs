//! The terminal: entering and leaving the alternate screen, and making sure the
//! terminal is restored on exit, on error and on panic.

use ratatui::DefaultTerminal;

/// Enters the full-screen terminal. `ratatui::init` also installs a panic hook that
/// restores the terminal before the panic report is printed.
pub fn enter() -> DefaultTerminal {
    ratatui::init()
}

/// Leaves the full-screen terminal.
pub fn leave() {
    ratatui::restore();
}

/// Restores the terminal when dropped, so an early return or `?` still leaves it sane.
pub struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        leave();
    }
}
