//! The inbox under `update`: views and their counts, moving, the filter, marks,
//! quitting, and what is refused on rows out of sight or out of scope.

use super::*;

#[test]
fn views_count_and_switch() {
    let mut app = app();
    assert_eq!(
        View::NeedsAction.count(&app.loaded.counts),
        3,
        "LAP-4 has its first response"
    );
    assert_eq!(View::Late.count(&app.loaded.counts), 2);
    assert_eq!(View::DueSoon.count(&app.loaded.counts), 1);
    assert_eq!(View::All.count(&app.loaded.counts), 5);
    assert_eq!(app.inbox.total, 3);
    cmd(&mut app, Command::View8);
    assert_eq!(app.inbox.view, View::All);
    assert_eq!(app.inbox.total, 5);
    cmd(&mut app, Command::NextView);
    assert_eq!(app.inbox.view, View::Misrouted);
    assert_eq!(app.inbox.total, 0, "nothing is marked as misrouted");
    cmd(&mut app, Command::NextView);
    assert_eq!(app.inbox.view, View::NeedsAction);
    cmd(&mut app, Command::PrevView);
    assert_eq!(app.inbox.view, View::Misrouted);
}

#[test]
fn cursor_moves_and_stays_in_bounds() {
    let mut app = app();
    cmd(&mut app, Command::View8);
    cmd(&mut app, Command::Up);
    assert_eq!(app.inbox.cursor, 0);
    cmd(&mut app, Command::Last);
    assert_eq!(app.inbox.cursor, 4);
    cmd(&mut app, Command::Down);
    assert_eq!(app.inbox.cursor, 4);
    cmd(&mut app, Command::First);
    cmd(&mut app, Command::PageDown);
    assert_eq!(app.inbox.cursor, 4);
    cmd(&mut app, Command::PageUp);
    assert_eq!(app.inbox.cursor, 0);
    update(&mut app, Action::Resize(80, 8));
    assert_eq!(app.inbox.page, 2);
    cmd(&mut app, Command::Last);
    assert_eq!(app.inbox.scroll, 3);
}

#[test]
fn fuzzy_filter_narrows_and_clears() {
    let mut app = app();
    cmd(&mut app, Command::View8);
    cmd(&mut app, Command::Filter);
    typed(&mut app, "jalan");
    assert_eq!(app.inbox.total, 4, "three titles and 'Lampu jalan'");
    typed(&mut app, " sar");
    assert_eq!(app.current().map(|r| r.id.as_str()), Some("LAP-3"));
    update(
        &mut app,
        Action::Input(Input {
            key: Key::Backspace,
            ..Input::default()
        }),
    );
    assert_eq!(app.inbox.filter.query, "jalan sa");
    cmd(&mut app, Command::Open); // Enter keeps the filter
    assert!(!app.inbox.filter.editing && app.inbox.filter.active());
    cmd(&mut app, Command::Clear);
    assert!(!app.inbox.filter.active());
    assert_eq!(app.inbox.total, 5);
}

#[test]
fn marks_single_range_all_and_clear() {
    let mut app = app();
    cmd(&mut app, Command::View8);
    cmd(&mut app, Command::Mark);
    assert_eq!(app.inbox.marks.len(), 1);
    assert_eq!(app.inbox.cursor, 1);
    cmd(&mut app, Command::Up);
    cmd(&mut app, Command::Mark); // unmark
    assert!(app.inbox.marks.is_empty());
    cmd(&mut app, Command::First);
    cmd(&mut app, Command::MarkRange);
    cmd(&mut app, Command::Down);
    cmd(&mut app, Command::Down);
    cmd(&mut app, Command::MarkRange);
    assert_eq!(app.inbox.marks.len(), 3);
    cmd(&mut app, Command::Clear);
    assert!(app.inbox.marks.is_empty());
    cmd(&mut app, Command::MarkAll);
    assert_eq!(app.inbox.marks.len(), 5);
    assert_eq!(app.targets(None).len(), 5);
}

#[test]
fn hidden_marks_are_named_before_acting() {
    let mut app = app();
    cmd(&mut app, Command::Mark); // LAP-1, in view 1
    cmd(&mut app, Command::View5); // Selesai: LAP-1 is not shown
    cmd(&mut app, Command::Hold);
    typed(&mut app, "foto");
    let fx = cmd(&mut app, Command::Open);
    assert!(
        fx.is_empty(),
        "asks even for one complaint when it is not in sight"
    );
    let q = app
        .panes
        .find::<ConfirmPane>()
        .map(|c| c.question.clone())
        .unwrap_or_default();
    assert!(q.contains("1 di antaranya tidak tampak"), "{q}");
}

#[test]
fn out_of_scope_rows_are_read_only() {
    let mut app = app();
    ROWS.with(|cell| cell.borrow_mut()[0].in_scope = false);
    reload(&mut app);
    cmd(&mut app, Command::View8);
    assert_eq!(app.current().map(|r| r.id.as_str()), Some("LAP-1"));
    for c in [Command::Respond, Command::Transfer, Command::Hold] {
        assert!(cmd(&mut app, c).is_empty());
        assert!(!has_form(&app));
        assert!(app.notice.as_ref().is_some_and(|n| n.is_error()));
    }
    assert_eq!(View::Transferred.count(&app.loaded.counts), 1);
}

#[test]
fn quitting_asks_when_drafts_exist() {
    let mut desk = app();
    let app = &mut desk;
    app.loaded.drafts = 2;
    cmd(app, Command::Close);
    assert!(!app.quit);
    assert_eq!(
        app.panes.find::<ConfirmPane>().map(|c| &c.on_yes),
        Some(&OnYes::Quit)
    );
    cmd(app, Command::Clear);
    assert!(!app.quit && app.panes.find::<ConfirmPane>().is_none());
    cmd(app, Command::Close);
    cmd(app, Command::Open);
    assert!(app.quit);
    let mut app2 = self::app();
    cmd(&mut app2, Command::Close);
    assert!(app2.quit, "no drafts: q quits at once");
    let mut app3 = self::app();
    cmd(&mut app3, Command::Transfer);
    cmd(&mut app3, Command::Quit);
    assert!(app3.quit, "Ctrl-c quits from anywhere");
}

#[test]
fn failures_stay_until_dismissed() {
    let mut app = app();
    update(&mut app, Action::Failed("cache terkunci".into()));
    cmd(&mut app, Command::Down);
    assert!(
        app.notice
            .as_ref()
            .is_some_and(|n| n.is_error() && n.text == "cache terkunci")
    );
    cmd(&mut app, Command::Clear);
    assert!(app.notice.is_none());
}

/// Defect: after an action removed rows above it, the cursor jumped to whatever
/// complaint took its row number, and the next key acted on a complaint the officer
/// never looked at.
#[test]
fn the_cursor_stays_on_its_complaint_when_rows_leave_the_view() {
    let mut app = app();
    cmd(&mut app, Command::View8);
    cmd(&mut app, Command::Mark); // LAP-1
    cmd(&mut app, Command::Mark); // LAP-2
    cmd(&mut app, Command::Mark); // LAP-3, the cursor is now on LAP-4
    assert_eq!(app.current().map(|r| r.id.as_str()), Some("LAP-4"));
    // The three are transferred away and leave the list.
    ROWS.with(|cell| cell.borrow_mut().retain(|r| r.id.as_str() > "LAP-3"));
    drive(
        &mut app,
        Action::Queued {
            count: 3,
            what: crate::app::QueueKind::Transfers,
        },
    );
    reload(&mut app);
    assert_eq!(app.current().map(|r| r.id.as_str()), Some("LAP-4"));
    assert_eq!(app.inbox.cursor, 0);
    // A complaint that leaves itself hands the cursor to the one after it.
    ROWS.with(|cell| cell.borrow_mut().retain(|r| r.id.as_str() != "LAP-4"));
    reload(&mut app);
    assert_eq!(app.current().map(|r| r.id.as_str()), Some("LAP-5"));
}

/// The same under a filter: a reload refilters and keeps the complaint.
#[test]
fn the_cursor_stays_on_its_complaint_under_a_filter() {
    let mut app = app();
    cmd(&mut app, Command::View8);
    cmd(&mut app, Command::Filter);
    typed(&mut app, "jalan");
    cmd(&mut app, Command::Open); // keep the filter
    cmd(&mut app, Command::Down);
    let here = app.current().map(|r| r.id.clone()).expect("a row");
    assert_ne!(app.inbox.cursor, 0, "not on the best match");
    // Something else changes in the cache: the reload refilters.
    ROWS.with(|cell| cell.borrow_mut().retain(|r| r.id.as_str() != "LAP-5"));
    reload(&mut app);
    assert_eq!(app.current().map(|r| r.id.clone()), Some(here));
}

fn mouse(kind: crate::app::MouseKind, column: u16, row: u16) -> Action {
    Action::Mouse(crate::app::Mouse { kind, column, row })
}

/// A click selects a row or a view's tab; the wheel scrolls.
#[test]
fn the_mouse_selects_rows_and_tabs_and_scrolls() {
    use crate::app::MouseKind::{Click, WheelDown, WheelUp};
    let mut app = app();
    cmd(&mut app, Command::View8);
    // Row 3 of the screen is the first complaint (tabs, border, header above it).
    drive(&mut app, mouse(Click, 30, 5));
    assert_eq!(app.inbox.cursor, 2);
    drive(&mut app, mouse(WheelUp, 30, 5));
    assert_eq!(app.inbox.cursor, 0);
    drive(&mut app, mouse(WheelDown, 30, 5));
    assert_eq!(app.inbox.cursor, 3);
    // The first tab starts the line.
    drive(&mut app, mouse(Click, 2, 0));
    assert_eq!(app.inbox.view, View::NeedsAction);
    // Below the last row, nothing happens.
    drive(&mut app, mouse(Click, 30, 20));
    assert_eq!(app.inbox.cursor, 0);
}
