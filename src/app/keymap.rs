//! Keys to commands: the defaults of `spec/ui.md`, overrides from the config's `[keys]`
//! table, and the refusal of a key bound to two commands. Resolving a key is separate
//! from executing its command; the help screen is generated from this map.

use super::action::Command;
use crate::config::KeySpec;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::BTreeMap;

/// One key with its modifiers (only Ctrl and Alt are significant; Shift is folded into
/// the character or the key name).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    pub code: KeyCodeOrd,
    pub ctrl: bool,
    pub alt: bool,
}

/// A key code that can be ordered and named.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyCodeOrd {
    Char(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
    Backspace,
    Delete,
    F(u8),
}

impl Key {
    /// The key of a terminal event, if it is one the map can hold.
    pub fn from_event(ev: &KeyEvent) -> Option<Key> {
        let code = match ev.code {
            KeyCode::Char(c) => KeyCodeOrd::Char(c),
            KeyCode::Enter => KeyCodeOrd::Enter,
            KeyCode::Esc => KeyCodeOrd::Esc,
            KeyCode::Tab => KeyCodeOrd::Tab,
            KeyCode::BackTab => KeyCodeOrd::BackTab,
            KeyCode::Up => KeyCodeOrd::Up,
            KeyCode::Down => KeyCodeOrd::Down,
            KeyCode::Left => KeyCodeOrd::Left,
            KeyCode::Right => KeyCodeOrd::Right,
            KeyCode::Home => KeyCodeOrd::Home,
            KeyCode::End => KeyCodeOrd::End,
            KeyCode::PageUp => KeyCodeOrd::PageUp,
            KeyCode::PageDown => KeyCodeOrd::PageDown,
            KeyCode::Backspace => KeyCodeOrd::Backspace,
            KeyCode::Delete => KeyCodeOrd::Delete,
            KeyCode::F(n) => KeyCodeOrd::F(n),
            _ => return None,
        };
        Some(Key {
            code,
            ctrl: ev.modifiers.contains(KeyModifiers::CONTROL),
            alt: ev.modifiers.contains(KeyModifiers::ALT),
        })
    }

    /// Parses a key name: `j`, `G`, `?`, `Space`, `Enter`, `Esc`, `Tab`, `Shift-Tab`,
    /// `Up`, `Down`, `Left`, `Right`, `Home`, `End`, `PgUp`, `PgDn`, `F1`…, with
    /// optional `Ctrl-` and `Alt-` prefixes.
    pub fn parse(s: &str) -> Option<Key> {
        let mut rest = s;
        let mut ctrl = false;
        let mut alt = false;
        loop {
            if let Some(r) = rest
                .strip_prefix("Ctrl-")
                .or_else(|| rest.strip_prefix("C-"))
            {
                ctrl = true;
                rest = r;
            } else if let Some(r) = rest
                .strip_prefix("Alt-")
                .or_else(|| rest.strip_prefix("M-"))
            {
                alt = true;
                rest = r;
            } else {
                break;
            }
        }
        let code = match rest {
            "Space" => KeyCodeOrd::Char(' '),
            "Enter" => KeyCodeOrd::Enter,
            "Esc" => KeyCodeOrd::Esc,
            "Tab" => KeyCodeOrd::Tab,
            "Shift-Tab" | "BackTab" => KeyCodeOrd::BackTab,
            "Up" => KeyCodeOrd::Up,
            "Down" => KeyCodeOrd::Down,
            "Left" => KeyCodeOrd::Left,
            "Right" => KeyCodeOrd::Right,
            "Home" => KeyCodeOrd::Home,
            "End" => KeyCodeOrd::End,
            "PgUp" | "PageUp" => KeyCodeOrd::PageUp,
            "PgDn" | "PageDown" => KeyCodeOrd::PageDown,
            "Backspace" => KeyCodeOrd::Backspace,
            "Delete" | "Del" => KeyCodeOrd::Delete,
            f if f.len() >= 2 && f.starts_with('F') && f[1..].parse::<u8>().is_ok() => {
                KeyCodeOrd::F(f[1..].parse().ok()?)
            }
            one => {
                let mut chars = one.chars();
                let c = chars.next()?;
                if chars.next().is_some() {
                    return None;
                }
                KeyCodeOrd::Char(if ctrl { c.to_ascii_lowercase() } else { c })
            }
        };
        Some(Key { code, ctrl, alt })
    }

    /// The key's name as the help shows it.
    pub fn name(&self) -> String {
        let base = match self.code {
            KeyCodeOrd::Char(' ') => "Space".to_owned(),
            KeyCodeOrd::Char(c) => c.to_string(),
            KeyCodeOrd::Enter => "Enter".into(),
            KeyCodeOrd::Esc => "Esc".into(),
            KeyCodeOrd::Tab => "Tab".into(),
            KeyCodeOrd::BackTab => "Shift-Tab".into(),
            KeyCodeOrd::Up => "↑".into(),
            KeyCodeOrd::Down => "↓".into(),
            KeyCodeOrd::Left => "←".into(),
            KeyCodeOrd::Right => "→".into(),
            KeyCodeOrd::Home => "Home".into(),
            KeyCodeOrd::End => "End".into(),
            KeyCodeOrd::PageUp => "PgUp".into(),
            KeyCodeOrd::PageDown => "PgDn".into(),
            KeyCodeOrd::Backspace => "Backspace".into(),
            KeyCodeOrd::Delete => "Del".into(),
            KeyCodeOrd::F(n) => format!("F{n}"),
        };
        match (self.ctrl, self.alt) {
            (true, _) => format!("Ctrl-{base}"),
            (_, true) => format!("Alt-{base}"),
            _ => base,
        }
    }
}

/// The default bindings of `spec/ui.md` (plus `i`, `e`, `C`, `X` and `Ctrl-s`).
pub const DEFAULTS: &[(Command, &[&str])] = &[
    (Command::Down, &["j", "Down"]),
    (Command::Up, &["k", "Up"]),
    (Command::First, &["g", "Home"]),
    (Command::Last, &["G", "End"]),
    (Command::PageDown, &["PgDn", "Ctrl-d"]),
    (Command::PageUp, &["PgUp", "Ctrl-u"]),
    (Command::Open, &["Enter"]),
    (Command::NextPane, &["Tab"]),
    (Command::PrevPane, &["Shift-Tab"]),
    (Command::NextChoice, &["Right"]),
    (Command::PrevChoice, &["Left"]),
    (Command::NextView, &["]"]),
    (Command::PrevView, &["["]),
    (Command::View1, &["1"]),
    (Command::View2, &["2"]),
    (Command::View3, &["3"]),
    (Command::View4, &["4"]),
    (Command::View5, &["5"]),
    (Command::View6, &["6"]),
    (Command::View7, &["7"]),
    (Command::View8, &["8"]),
    (Command::View9, &["9"]),
    (Command::Filter, &["/"]),
    (Command::NextMatch, &["n"]),
    (Command::PrevMatch, &["N"]),
    (Command::NextComplaint, &["J"]),
    (Command::PrevComplaint, &["K"]),
    (Command::Mark, &["Space"]),
    (Command::MarkRange, &["V"]),
    (Command::MarkAll, &["*"]),
    (Command::MarkDuplicates, &["D"]),
    (Command::Clear, &["Esc"]),
    (Command::Transfer, &["t"]),
    (Command::Respond, &["r"]),
    (Command::Hold, &["h"]),
    (Command::Undo, &["u"]),
    (Command::Redo, &["Ctrl-r"]),
    (Command::ConfirmConflicts, &["C"]),
    (Command::DiscardConflicts, &["X"]),
    (Command::Import, &["i"]),
    (Command::Export, &["e"]),
    (Command::Monev, &["M"]),
    (Command::Reprimand, &["T"]),
    (Command::Submit, &["Ctrl-s"]),
    (Command::Copy, &["y"]),
    (Command::EditExternally, &["E", "Ctrl-e"]),
    (Command::Message, &["m"]),
    (Command::Palette, &[":"]),
    (Command::Directory, &["a"]),
    (Command::Help, &["?"]),
    (Command::Close, &["q"]),
    (Command::Quit, &["Ctrl-c"]),
];

/// The live key map.
#[derive(Clone, Debug)]
pub struct Keymap {
    by_key: BTreeMap<Key, Command>,
    by_command: BTreeMap<Command, Vec<Key>>,
}

/// A `[keys]` table that cannot be used.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum KeymapError {
    #[error("[keys]: unknown action `{0}`")]
    UnknownAction(String),
    #[error(
        "[keys]: `{key}` for `{action}` is not a key name (try \"j\", \"Ctrl-d\", \"PgDn\", \"Space\")"
    )]
    BadKey { action: String, key: String },
    #[error("[keys]: `{key}` is bound to both `{first}` and `{second}`")]
    Conflict {
        key: String,
        first: String,
        second: String,
    },
}

impl Keymap {
    /// The defaults with the config's overrides: an overridden action gets exactly the
    /// keys given. A key bound to two actions is refused, naming both.
    pub fn new(overrides: &BTreeMap<String, KeySpec>) -> Result<Keymap, KeymapError> {
        let mut by_command: BTreeMap<Command, Vec<Key>> = BTreeMap::new();
        for (cmd, keys) in DEFAULTS {
            by_command.insert(*cmd, keys.iter().filter_map(|k| Key::parse(k)).collect());
        }
        for (name, spec) in overrides {
            let cmd: Command = serde_json::from_value(serde_json::Value::String(name.clone()))
                .map_err(|_| KeymapError::UnknownAction(name.clone()))?;
            let names: Vec<&String> = match spec {
                KeySpec::One(k) => vec![k],
                KeySpec::Many(v) => v.iter().collect(),
            };
            let mut keys = Vec::new();
            for k in names {
                keys.push(Key::parse(k).ok_or_else(|| KeymapError::BadKey {
                    action: name.clone(),
                    key: k.clone(),
                })?);
            }
            by_command.insert(cmd, keys);
        }
        // Arrows, paging, Enter and Esc keep working even when an override gave their
        // command only letter keys (unless the override took the key for another one).
        const ALWAYS: [(Command, &str); 6] = [
            (Command::Down, "Down"),
            (Command::Up, "Up"),
            (Command::PageDown, "PgDn"),
            (Command::PageUp, "PgUp"),
            (Command::Open, "Enter"),
            (Command::Clear, "Esc"),
        ];
        for (cmd, name) in ALWAYS {
            let Some(key) = Key::parse(name) else {
                continue;
            };
            let taken = by_command.values().any(|ks| ks.contains(&key));
            if !taken {
                by_command.entry(cmd).or_default().push(key);
            }
        }
        let mut by_key: BTreeMap<Key, Command> = BTreeMap::new();
        for (cmd, keys) in &by_command {
            for key in keys {
                if let Some(other) = by_key.insert(*key, *cmd)
                    && other != *cmd
                {
                    return Err(KeymapError::Conflict {
                        key: key.name(),
                        first: other.name(),
                        second: cmd.name(),
                    });
                }
            }
        }
        Ok(Keymap { by_key, by_command })
    }

    /// The built-in map.
    pub fn defaults() -> Keymap {
        // The defaults are checked by a unit test; they cannot conflict.
        Keymap::new(&BTreeMap::new()).unwrap_or(Keymap {
            by_key: BTreeMap::new(),
            by_command: BTreeMap::new(),
        })
    }

    /// The command bound to a key event.
    pub fn command(&self, ev: &KeyEvent) -> Option<Command> {
        let key = Key::from_event(ev)?;
        self.by_key.get(&key).copied()
    }

    /// The keys of a command, named, as the help and hints show them.
    pub fn keys(&self, cmd: Command) -> Vec<String> {
        self.by_command
            .get(&cmd)
            .map(|ks| ks.iter().map(Key::name).collect())
            .unwrap_or_default()
    }

    /// The first key of a command, for one-line hints.
    pub fn hint(&self, cmd: Command) -> String {
        self.keys(cmd)
            .into_iter()
            .next()
            .unwrap_or_else(|| "—".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(code: KeyCode, m: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, m)
    }

    #[test]
    fn defaults_resolve() {
        let km = Keymap::defaults();
        assert_eq!(
            km.command(&ev(KeyCode::Char('j'), KeyModifiers::NONE)),
            Some(Command::Down)
        );
        assert_eq!(
            km.command(&ev(KeyCode::Down, KeyModifiers::NONE)),
            Some(Command::Down)
        );
        assert_eq!(
            km.command(&ev(KeyCode::Char('d'), KeyModifiers::CONTROL)),
            Some(Command::PageDown)
        );
        assert_eq!(
            km.command(&ev(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Command::Quit)
        );
        assert_eq!(
            km.command(&ev(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Command::Last)
        );
        assert_eq!(
            km.command(&ev(KeyCode::BackTab, KeyModifiers::SHIFT)),
            Some(Command::PrevPane)
        );
        assert_eq!(
            km.command(&ev(KeyCode::Char(' '), KeyModifiers::NONE)),
            Some(Command::Mark)
        );
        assert_eq!(km.keys(Command::Down), vec!["j".to_owned(), "↓".to_owned()]);
        assert!(Keymap::new(&BTreeMap::new()).is_ok());
    }

    #[test]
    fn overrides_replace_and_conflicts_are_refused() {
        let mut o = BTreeMap::new();
        o.insert("transfer".to_owned(), KeySpec::One("z".into()));
        let km = Keymap::new(&o).expect("valid");
        assert_eq!(
            km.command(&ev(KeyCode::Char('z'), KeyModifiers::NONE)),
            Some(Command::Transfer)
        );
        assert_eq!(
            km.command(&ev(KeyCode::Char('t'), KeyModifiers::NONE)),
            None
        );

        o.insert(
            "respond".to_owned(),
            KeySpec::Many(vec!["z".into(), "R".into()]),
        );
        let err = Keymap::new(&o).expect_err("conflict");
        let msg = err.to_string();
        assert!(
            msg.contains("`z`") && msg.contains("respond") && msg.contains("transfer"),
            "{msg}"
        );

        let mut bad = BTreeMap::new();
        bad.insert("teleport".to_owned(), KeySpec::One("x".into()));
        assert_eq!(
            Keymap::new(&bad).err(),
            Some(KeymapError::UnknownAction("teleport".into()))
        );
        let mut bad = BTreeMap::new();
        bad.insert("help".to_owned(), KeySpec::One("Hyper-x".into()));
        assert!(matches!(Keymap::new(&bad), Err(KeymapError::BadKey { .. })));
    }

    #[test]
    fn names_round_trip() {
        for name in [
            "j",
            "Ctrl-d",
            "PgDn",
            "Space",
            "Shift-Tab",
            "F5",
            "?",
            "Esc",
        ] {
            let k = Key::parse(name).expect(name);
            assert_eq!(Key::parse(&k.name()), Some(k), "{name}");
        }
    }
}
