//! The panes that open over the inbox, one module each: its state, its keys, its key
//! list for the help and the hints, how it takes typed keys, and its drawing (in the
//! module's `draw` part, the only part that touches ratatui). A pane is registered by
//! one line in [`panes!`]; everything else dispatches through [`Component`].
//!
//! While a pane handles a key it is taken off the stack, so it can change the rest of
//! the desk freely; its [`Reply`] says whether it stays, closes, or opens another pane
//! over itself.

pub mod confirm;
pub mod detail;
pub mod directory;
pub mod editor;
pub mod help;
pub mod hold;
pub mod import;
pub mod message;
pub mod palette;
pub mod respond;
pub mod transfer;

use super::{App, Command, Effect, TextMode};
use crate::ui::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui_textarea::Input;

/// What a pane does with keys, hints and the screen.
pub trait Component {
    /// The pane's commands, in help order.
    fn commands(&self) -> &'static [Command];
    /// One line of key hints: (key, what it does).
    fn hints(&self, app: &App) -> Vec<(String, &'static str)>;
    /// How the pane takes typed keys.
    fn text_mode(&self) -> TextMode {
        TextMode::None
    }
    /// A bound command (the pane is off the stack meanwhile).
    fn command(&mut self, app: &mut App, cmd: Command) -> Reply;
    /// A key typed into the pane's field.
    fn input(&mut self, _app: &mut App, _input: Input) -> Reply {
        Reply::stay(Vec::new())
    }
    /// Draws the pane over `area` (the space between the tabs and the status bar).
    fn draw(&self, frame: &mut Frame<'_>, area: Rect, app: &App, theme: &Theme);
}

/// What happens to a pane after a key.
pub enum Next {
    Stay,
    Close,
    /// Stays, with another pane opened over it.
    Open(Box<Pane>),
    /// Closes, then runs a command on what is below (the palette's choice).
    CloseThen(crate::app::Command),
}

/// A pane's answer to a key: the I/O to run and what becomes of the pane.
pub struct Reply {
    pub effects: Vec<Effect>,
    pub next: Next,
}

impl Reply {
    pub fn stay(effects: Vec<Effect>) -> Reply {
        Reply {
            effects,
            next: Next::Stay,
        }
    }

    pub fn close(effects: Vec<Effect>) -> Reply {
        Reply {
            effects,
            next: Next::Close,
        }
    }

    pub fn open(pane: Pane, effects: Vec<Effect>) -> Reply {
        Reply {
            effects,
            next: Next::Open(Box::new(pane)),
        }
    }
}

/// Declares [`Pane`] with one variant per pane module, its dispatch to [`Component`],
/// and [`PaneKind`] for finding a pane of a type in the stack.
macro_rules! panes {
    ($( $variant:ident($ty:ty), )*) => {
        /// A pane open over the inbox.
        pub enum Pane {
            $( $variant($ty), )*
        }

        impl Pane {
            /// The pane as a component.
            pub fn component(&self) -> &dyn Component {
                match self {
                    $( Pane::$variant(p) => p, )*
                }
            }

            /// The pane as a component, to change.
            pub fn component_mut(&mut self) -> &mut dyn Component {
                match self {
                    $( Pane::$variant(p) => p, )*
                }
            }
        }

        $(
            impl PaneKind for $ty {
                fn of(p: &Pane) -> Option<&Self> {
                    match p {
                        Pane::$variant(x) => Some(x),
                        #[allow(unreachable_patterns)]
                        _ => None,
                    }
                }

                fn of_mut(p: &mut Pane) -> Option<&mut Self> {
                    match p {
                        Pane::$variant(x) => Some(x),
                        #[allow(unreachable_patterns)]
                        _ => None,
                    }
                }
            }

            impl From<$ty> for Pane {
                fn from(p: $ty) -> Pane {
                    Pane::$variant(p)
                }
            }
        )*
    };
}

panes! {
    Detail(detail::DetailPane),
    Transfer(transfer::TransferPane),
    Respond(respond::RespondPane),
    Hold(hold::HoldPane),
    Import(import::ImportPane),
    Help(help::HelpPane),
    Confirm(confirm::ConfirmPane),
    Message(message::MessagePane),
    Palette(palette::PalettePane),
    Directory(directory::DirectoryPane),
}

/// A pane type that can be found in the stack.
pub trait PaneKind: Sized {
    fn of(p: &Pane) -> Option<&Self>;
    fn of_mut(p: &mut Pane) -> Option<&mut Self>;
}

impl Pane {
    /// Whether the pane is one of the action forms (transfer, respond, hold).
    pub fn is_form(&self) -> bool {
        matches!(self, Pane::Transfer(_) | Pane::Respond(_) | Pane::Hold(_))
    }
}

/// The open panes, bottom first; the last one has the keyboard.
#[derive(Default)]
pub struct PaneStack(Vec<Pane>);

impl PaneStack {
    /// The pane that has the keyboard.
    pub fn top(&self) -> Option<&Pane> {
        self.0.last()
    }

    /// Every open pane, bottom first (the drawing order).
    pub fn iter(&self) -> impl Iterator<Item = &Pane> {
        self.0.iter()
    }

    pub fn push(&mut self, p: impl Into<Pane>) {
        self.0.push(p.into());
    }

    pub fn pop(&mut self) -> Option<Pane> {
        self.0.pop()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many panes are open.
    pub fn depth(&self) -> usize {
        self.0.len()
    }

    /// The open pane of a type (the topmost, if several).
    pub fn find<T: PaneKind>(&self) -> Option<&T> {
        self.0.iter().rev().find_map(T::of)
    }

    /// The open pane of a type, to change.
    pub fn find_mut<T: PaneKind>(&mut self) -> Option<&mut T> {
        self.0.iter_mut().rev().find_map(T::of_mut)
    }

    /// Whether the top pane is of a type.
    pub fn top_is<T: PaneKind>(&self) -> bool {
        self.top().and_then(T::of).is_some()
    }

    /// Closes every pane of a type.
    pub fn close<T: PaneKind>(&mut self) {
        self.0.retain(|p| T::of(p).is_none());
    }

    /// Closes the panes for which `f` holds.
    pub fn close_where(&mut self, f: impl Fn(&Pane) -> bool) {
        self.0.retain(|p| !f(p));
    }
}
