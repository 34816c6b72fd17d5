//! Named crash points for the crash tests: when the environment variable `SIGAP_FAULT`
//! names a point, the process aborts there at once, as a power cut or a kill would stop
//! it (no destructor runs, nothing is flushed). Unset, a point costs one comparison.
//! The random kills of `cargo xtask crash` need no points; these pin the narrow windows
//! (between a commit and a rename) so that a short CI run meets them every time.

use std::sync::OnceLock;

/// The variable naming the point to abort at.
pub const VAR: &str = "SIGAP_FAULT";

/// Aborts the process if `SIGAP_FAULT` names this point.
pub fn point(name: &str) {
    static CHOSEN: OnceLock<Option<String>> = OnceLock::new();
    let chosen = CHOSEN.get_or_init(|| std::env::var(VAR).ok());
    if chosen.as_deref() == Some(name) {
        std::process::abort();
    }
}
