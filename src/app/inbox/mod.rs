//! The inbox: the list of the current saved view (or what the fuzzy filter found in
//! it), the cursor, the marks, and the window of rows held around the cursor. It is the
//! desk's base: every other pane opens over it.

mod keys;
mod rows;
mod view;
mod window;

pub use keys::{COMMANDS, command, hints, input};
pub use rows::{From, InboxRow, ListRef, Loaded, Place, SlaClock, Urgency, Window};
pub use view::{View, ViewCounts};

use super::filter::FilterInput;
use crate::domain::ComplaintId;
use std::collections::BTreeSet;
use std::sync::Arc;

/// Where a `V` range started.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Anchor {
    /// Its position in the list.
    pub at: usize,
    /// Its row's sort key (for the fuzzy filter's list, its tracking ID).
    pub key: String,
    pub id: ComplaintId,
}

/// The complaint the cursor was on before the list was reloaded: the cursor goes back
/// to it, or to the nearest one after it when it left the list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Follow {
    pub id: ComplaintId,
    pub rowid: i64,
    pub sort_key: String,
}

/// The list the officer moves in.
#[derive(Clone, Debug)]
pub struct InboxState {
    pub view: View,
    /// The rows around the cursor.
    pub window: Window,
    /// How many rows the current list has.
    pub total: usize,
    /// What the fuzzy filter found (cache ids, best first), when a filter is in force.
    pub found: Option<Arc<Vec<i64>>>,
    /// Numbers window requests, so a late answer to an older one is ignored.
    pub generation: u64,
    /// Numbers filter requests likewise.
    pub filter_generation: u64,
    /// The cursor's position in the list.
    pub cursor: usize,
    pub scroll: usize,
    /// Table rows that fit on screen (from the renderer's layout).
    pub page: usize,
    pub marks: BTreeSet<ComplaintId>,
    /// Where a `V` range started (set by the first `V`).
    pub anchor: Option<Anchor>,
    pub filter: FilterInput,
    /// Set by a reload of the same list, taken by the rows that answer it.
    pub follow: Option<Follow>,
    /// A filter query is being matched (its answer has not come yet).
    pub searching: bool,
    /// The filter's texts of a large view are loading: rows done of all.
    pub loading_texts: Option<(u64, u64)>,
    /// The detail moved to a row whose window is loading: load it when it arrives.
    pub detail_follows: bool,
    /// The screen's size (columns, rows), for the mouse and the side preview.
    pub screen: (u16, u16),
    /// On a wide screen, the detail of the row under the cursor, beside the list.
    pub preview: Option<crate::app::panes::detail::DetailPane>,
    /// The complaint the preview was last asked for.
    pub preview_asked: Option<ComplaintId>,
}

/// From this width on, the detail of the current row shows beside the inbox.
pub const SIDE_BY_SIDE: u16 = 160;

impl Default for InboxState {
    fn default() -> Self {
        InboxState {
            view: View::NeedsAction,
            window: Window::default(),
            total: 0,
            found: None,
            generation: 0,
            filter_generation: 0,
            cursor: 0,
            scroll: 0,
            page: 10,
            marks: BTreeSet::new(),
            anchor: None,
            filter: FilterInput::default(),
            follow: None,
            searching: false,
            loading_texts: None,
            detail_follows: false,
            screen: (80, 24),
            preview: None,
            preview_asked: None,
        }
    }
}

impl InboxState {
    /// Whether the screen is wide enough for the side preview.
    pub fn side_by_side(&self) -> bool {
        self.screen.0 >= SIDE_BY_SIDE
    }

    /// How many rows a window holds: a few screens.
    pub fn window_size(&self) -> usize {
        (self.page.max(1) * 3).max(60)
    }

    /// Keeps the cursor on screen.
    pub fn clamp_scroll(&mut self) {
        let page = self.page.max(1);
        if self.cursor < self.scroll {
            self.scroll = self.cursor;
        } else if self.cursor >= self.scroll + page {
            self.scroll = self.cursor + 1 - page;
        }
        let max_scroll = self.total.saturating_sub(page);
        self.scroll = self.scroll.min(max_scroll);
    }
}
