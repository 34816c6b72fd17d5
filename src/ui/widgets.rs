//! Small drawing helpers the panes share: a field's bordered block, a row of choices,
//! an editor inside a block.

use super::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use ratatui_textarea::TextArea;

/// A row of choices with the chosen one marked; when they do not all fit, only the
/// chosen one with its position.
pub fn choices(labels: &[String], chosen: usize, width: usize, theme: &Theme) -> Line<'static> {
    let all: usize = labels.iter().map(|l| l.chars().count() + 2).sum();
    if all <= width {
        let spans: Vec<Span<'static>> = labels
            .iter()
            .enumerate()
            .map(|(i, l)| {
                if i == chosen {
                    Span::styled(format!("[{l}]"), theme.selected())
                } else {
                    Span::raw(format!(" {l} "))
                }
            })
            .collect();
        Line::from(spans)
    } else {
        let l = labels.get(chosen).cloned().unwrap_or_default();
        Line::from(vec![
            Span::raw("◂ "),
            Span::styled(format!("[{l}]"), theme.selected()),
            Span::raw(format!(" ▸ {}/{}", chosen + 1, labels.len())),
        ])
    }
}

/// Draws a row of `(labels, chosen)` inside a field's block.
pub fn draw_choices(
    frame: &mut Frame<'_>,
    area: Rect,
    (labels, chosen): (&[String], usize),
    block: Block<'_>,
    theme: &Theme,
) {
    let row = choices(
        labels,
        chosen,
        usize::from(area.width.saturating_sub(2)),
        theme,
    );
    frame.render_widget(Paragraph::new(row).block(block), area);
}

/// Draws the pane's own editor (not a copy, so the editor learns its size and scrolls
/// with the cursor) inside a block.
pub fn draw_editor(frame: &mut Frame<'_>, area: Rect, editor: &TextArea<'_>, block: Block<'_>) {
    let inner = block.inner(area);
    frame.render_widget(block, area);
    frame.render_widget(editor, inner);
}

/// A field's block, its border marked when the field has the keyboard.
pub fn field_block<'a>(title: impl Into<Line<'a>>, focused: bool, theme: &Theme) -> Block<'a> {
    let b = Block::bordered().title(title);
    if focused {
        b.border_style(theme.focus())
    } else {
        b
    }
}

/// Clears a centred box (`pct` percent of `area` wide, as high as `area`), draws its
/// border with `title`, and returns the space inside.
pub fn pane_box<'a>(
    frame: &mut Frame<'_>,
    area: Rect,
    pct: u16,
    title: impl Into<Line<'a>>,
) -> Rect {
    let r = super::popup(area, pct, area.height);
    frame.render_widget(Clear, r);
    let outer = Block::bordered().title(title);
    let inner = outer.inner(r);
    frame.render_widget(outer, r);
    inner
}
