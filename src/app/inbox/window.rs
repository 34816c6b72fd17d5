//! Which window of rows to load, and when: the cursor's row must be held; a changed
//! list reloads where it was.

use super::{From, ListRef, Place, View, Window};
use crate::app::{App, Effect};
use crate::store::ViewQuery;

impl App {
    /// The store's query for a saved view, on today's date.
    pub fn view_query(&self, view: View) -> ViewQuery {
        let s = &self.session;
        match view {
            View::NeedsAction => ViewQuery::NeedsAction,
            // Due today or by the next working day (*sisa 1 HK*).
            View::DueSoon => {
                ViewQuery::DueBetween(s.today, s.calendar.add_working_days(s.today, 1))
            }
            View::Late => ViewQuery::DueBefore(s.today),
            View::InProgress => ViewQuery::Status("diproses".into()),
            View::Done => ViewQuery::Status("selesai".into()),
            View::Transferred => ViewQuery::Transferred,
            View::Outbox => ViewQuery::Outbox,
            View::Misrouted => ViewQuery::Misrouted,
            View::All => ViewQuery::All,
        }
    }

    /// The list shown now.
    pub fn list(&self) -> ListRef {
        match &self.inbox.found {
            Some(rows) => ListRef::Rows(rows.clone()),
            None => ListRef::View(self.view_query(self.inbox.view)),
        }
    }

    /// The window to load so that the cursor's row is held, if it is not.
    pub fn window_effect(&mut self) -> Option<Effect> {
        let list = self.list();
        let b = &mut self.inbox;
        if b.total == 0 {
            b.window = Window::default();
            return None;
        }
        b.cursor = b.cursor.min(b.total - 1);
        if b.window.holds(b.cursor) {
            return None;
        }
        let w = b.window_size();
        let (from, place) = match &list {
            ListRef::Rows(_) => {
                let start = b.cursor - b.cursor % w;
                (From::Offset(start), Place::StartsAt(start))
            }
            ListRef::View(_) => {
                let end = b.window.start + b.window.rows.len();
                let first = b.window.rows.first().map(|r| r.sort_key.clone());
                let last = b.window.rows.last().map(|r| r.sort_key.clone());
                if b.cursor < w {
                    (From::Start, Place::StartsAt(0))
                } else if b.cursor + w >= b.total {
                    (From::End, Place::EndsAt(b.total))
                } else if let Some(k) = last.filter(|_| b.cursor >= end && b.cursor < end + w) {
                    (From::After(k), Place::StartsAt(end))
                } else if let Some(k) =
                    first.filter(|_| b.cursor < b.window.start && b.cursor + w >= b.window.start)
                {
                    (From::Before(k), Place::EndsAt(b.window.start))
                } else {
                    let start = b.cursor.saturating_sub(w / 2);
                    (From::Offset(start), Place::StartsAt(start))
                }
            }
        };
        b.generation += 1;
        Some(Effect::LoadWindow {
            list,
            from,
            place,
            limit: w,
            generation: b.generation,
        })
    }

    /// Loads the window again where it is (after the list changed), or from the start.
    pub fn reload_window(&mut self) -> Option<Effect> {
        let list = self.list();
        let b = &mut self.inbox;
        if b.total == 0 {
            b.window = Window::default();
            b.cursor = 0;
            b.scroll = 0;
            return None;
        }
        b.cursor = b.cursor.min(b.total - 1);
        b.generation += 1;
        let (from, place) = match (&list, b.window.rows.first()) {
            (ListRef::View(_), Some(first)) => (
                From::AtOrAfter(first.sort_key.clone()),
                Place::StartsAt(b.window.start),
            ),
            (ListRef::Rows(_), Some(_)) => (
                From::Offset(b.window.start),
                Place::StartsAt(b.window.start),
            ),
            (_, None) => (From::Start, Place::StartsAt(0)),
        };
        Some(Effect::LoadWindow {
            list,
            from,
            place,
            limit: b.window_size(),
            generation: b.generation,
        })
    }

    /// The list changed (view, filter or a reload): count it and load its window.
    pub fn list_changed(&mut self, keep_place: bool) -> Vec<Effect> {
        let counts = self.loaded.counts;
        let b = &mut self.inbox;
        b.anchor = None;
        b.total = match &b.found {
            Some(rows) => rows.len(),
            None => b.view.count(&counts),
        };
        if !keep_place {
            b.follow = None;
            b.cursor = 0;
            b.scroll = 0;
            b.window = Window::default();
        }
        b.clamp_scroll();
        self.reload_window().into_iter().collect()
    }
}
