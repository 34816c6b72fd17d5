//! The terminal: entering and leaving the alternate screen, and making sure the
//! terminal is restored on exit, on error and on panic.

use ratatui::DefaultTerminal;
use std::path::Path;
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
    let (program, args) = editor_command(&editor, |p| p.is_file());
    leave();
    let status = std::process::Command::new(&program)
        .args(args)
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
    // Notepad (the default on Windows) may add a byte order mark and CRLF line ends.
    std::fs::read_to_string(file.path()).map(|t| crate::textfile::normalize(&t).into_owned())
}

/// The program and its arguments in an editor setting. A value naming an existing file
/// whole is that program, spaces and all (`C:\Program Files\Notepad++\notepad++.exe`);
/// a program in double quotes may be followed by arguments; otherwise the words are
/// split on spaces (`code --wait`).
fn editor_command(value: &str, is_file: impl Fn(&Path) -> bool) -> (String, Vec<String>) {
    let value = value.trim();
    if is_file(Path::new(value)) {
        return (value.to_owned(), Vec::new());
    }
    let words = |s: &str| s.split_whitespace().map(str::to_owned).collect::<Vec<_>>();
    if let Some(rest) = value.strip_prefix('"')
        && let Some((program, args)) = rest.split_once('"')
    {
        return (program.to_owned(), words(args));
    }
    let mut all = words(value);
    if all.is_empty() {
        return ("vi".to_owned(), Vec::new());
    }
    let program = all.remove(0);
    (program, all)
}

/// Restores the terminal when dropped, so an early return or `?` still leaves it sane.
pub struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        leave();
    }
}

#[cfg(test)]
mod tests {
    use super::editor_command;
    use std::path::Path;

    fn owned(p: &str, a: &[&str]) -> (String, Vec<String>) {
        (p.to_owned(), a.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn a_program_path_with_spaces_is_kept_whole() {
        let npp = r"C:\Program Files\Notepad++\notepad++.exe";
        let found = |p: &Path| p == Path::new(npp);
        assert_eq!(editor_command(npp, found), owned(npp, &[]));
        let quoted = format!("\"{npp}\" -multiInst -nosession");
        assert_eq!(
            editor_command(&quoted, |_| false),
            owned(npp, &["-multiInst", "-nosession"])
        );
    }

    #[test]
    fn plain_words_are_a_program_and_its_arguments() {
        assert_eq!(
            editor_command("code --wait", |_| false),
            owned("code", &["--wait"])
        );
        assert_eq!(editor_command("notepad", |_| false), owned("notepad", &[]));
        assert_eq!(editor_command("  ", |_| false), owned("vi", &[]));
    }
}
