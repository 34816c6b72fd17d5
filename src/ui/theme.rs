//! Colours and emphasis. With `NO_COLOR` or `theme = "mono"` only bold, underline and
//! reverse are used; status is never told by colour alone (labels say it too).

use crate::config::Theme as Choice;
use ratatui::style::{Color, Modifier, Style};

/// The styles every pane draws with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    pub mono: bool,
    pub strong: bool,
}

impl Theme {
    /// The theme for a config choice; `NO_COLOR` (set and not empty) forces mono.
    pub fn new(choice: Choice, no_color: bool) -> Theme {
        Theme {
            mono: no_color || choice == Choice::Mono,
            strong: choice == Choice::HighContrast,
        }
    }

    fn fg(&self, c: Color) -> Style {
        if self.mono {
            Style::default()
        } else {
            Style::default().fg(c)
        }
    }

    pub fn base(&self) -> Style {
        Style::default()
    }
    pub fn dim(&self) -> Style {
        if self.mono || self.strong {
            Style::default()
        } else {
            Style::default().fg(Color::DarkGray)
        }
    }
    pub fn title(&self) -> Style {
        Style::default().add_modifier(Modifier::BOLD)
    }
    pub fn header(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }
    pub fn selected(&self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED)
    }
    pub fn late(&self) -> Style {
        self.fg(if self.strong {
            Color::LightRed
        } else {
            Color::Red
        })
        .add_modifier(Modifier::BOLD)
    }
    pub fn soon(&self) -> Style {
        self.fg(Color::Yellow)
    }
    pub fn fine(&self) -> Style {
        self.fg(Color::Green)
    }
    pub fn flag(&self) -> Style {
        self.fg(Color::Magenta).add_modifier(Modifier::BOLD)
    }
    pub fn marked(&self) -> Style {
        self.fg(Color::LightBlue).add_modifier(Modifier::BOLD)
    }
    pub fn error(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }
    pub fn ok(&self) -> Style {
        self.fg(Color::Green)
    }
    pub fn focus(&self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }
}
