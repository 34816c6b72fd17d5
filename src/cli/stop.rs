//! What a stop signal does (Ctrl-C outside the desk, a hang-up when the window closes,
//! a terminate): the terminal is given back, the demo's folder is removed, and the
//! process ends with 130. Work is never half-saved by it: every change is committed in
//! its own SQLite transaction (an open one is rolled back at the next open), and an
//! open response draft is saved every second, so it is as after a crash.

/// Installs the handler; later calls do nothing (there is one per process).
pub fn install() {
    // A second handler cannot be installed; the first is the same one.
    let _ = ctrlc::set_handler(|| {
        // The terminal's output is held until the exit, so the rest of a frame being
        // drawn cannot follow the restore onto the officer's screen.
        let _held = std::io::stdout().lock();
        crate::tui::leave();
        super::demo_dir::remove_current();
        std::process::exit(130);
    });
}
