//! The text editors of the action panes (a maintained textarea widget), styled with
//! emphasis only so they honour `NO_COLOR` like every pane.

use ratatui::style::{Modifier, Style};
use ratatui_textarea::{TextArea, WrapMode};

/// An empty editor showing `placeholder`.
pub fn editor(placeholder: &str) -> TextArea<'static> {
    let mut t = TextArea::default();
    t.set_placeholder_text(placeholder);
    style(&mut t);
    t
}

/// An editor holding `text`, showing `placeholder` when emptied.
pub fn editor_with(text: &str, placeholder: &str) -> TextArea<'static> {
    let lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let mut t = TextArea::new(if lines.is_empty() {
        vec![String::new()]
    } else {
        lines
    });
    t.set_placeholder_text(placeholder);
    style(&mut t);
    t
}

fn style(t: &mut TextArea<'_>) {
    t.set_wrap_mode(WrapMode::WordOrGlyph);
    t.set_placeholder_style(Style::default().add_modifier(Modifier::DIM));
    t.set_selection_style(Style::default().add_modifier(Modifier::REVERSED));
    t.set_cursor_line_style(Style::default());
    t.set_cursor_style(Style::default().add_modifier(Modifier::REVERSED));
}

/// The text of an editor.
pub fn editor_text(t: &TextArea<'_>) -> String {
    t.lines().join("\n")
}
