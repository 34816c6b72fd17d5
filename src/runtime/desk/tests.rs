//! The loop on a test terminal with the demo cache: results are drawn as they arrive,
//! keys are resolved in order, the clock comes as a tick, and quitting or a broken
//! terminal ends it.

use super::{Desk, Turn};
use crate::app::{Action, App, Command, Keymap};
use crate::runtime::{Executor, Msg};
use crate::sync::demo;
use crate::ui::Theme;
use chrono::{DateTime, NaiveDate, Utc};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::sync::Arc;
use std::sync::mpsc::channel;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 20).expect("day")
}

/// The demo desk on a 120×40 test terminal, its first frame drawn.
fn open_desk(dir: &tempfile::TempDir) -> Desk<TestBackend> {
    let (cfg, store, _) = demo::load(dir.path(), today()).expect("demo");
    let now = today().and_time(chrono::NaiveTime::MIN).and_utc();
    let app = App::from_config(&cfg, Keymap::defaults(), now, Some(today()));
    let exec = Executor::inline(cfg, store, Some(today()));
    let terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    let theme = Theme::new(crate::config::Theme::Default, true);
    let mut desk = Desk::new(app, exec, theme, terminal, channel());
    desk.start().expect("first frame");
    desk
}

fn key(c: char) -> Msg {
    Msg::Event(Event::Key(KeyEvent::from(KeyCode::Char(c))))
}

fn screen(desk: &Desk<TestBackend>) -> String {
    let buf = desk.terminal().backend().buffer();
    buf.content().iter().map(|c| c.symbol()).collect()
}

/// Noon of the demo's day: the clock of a desk whose ticks must be seen.
fn noon() -> DateTime<Utc> {
    "2026-11-20T05:00:00Z".parse().expect("instant")
}

#[test]
fn a_result_is_drawn_as_soon_as_it_arrives() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut desk = open_desk(&dir).with_clock(noon);
    // Filter for the roads; the inline executor answers at once.
    for m in [key('/'), key('j'), key('l')] {
        desk.handle(m).expect("key");
    }
    let all = desk.app().inbox.found.clone().expect("filtered");
    assert!(all.len() > 1, "the demo has several matches");
    let first = desk
        .app()
        .inbox
        .window
        .rows
        .first()
        .expect("a row")
        .id
        .clone();
    let last = all.last().copied().expect("a match");
    // The search thread answers with only the last match, from its own thread, while
    // the loop waits (or before it does: either way it is drawn at once).
    let tx = desk.sender();
    let generation = desk.app().inbox.filter_generation;
    let search = std::thread::spawn(move || {
        tx.send(Msg::Action(Action::Filtered {
            generation,
            rows: Arc::new(vec![last]),
        }))
        .is_ok()
    });
    assert_eq!(desk.turn().expect("turn"), Turn::Drew);
    assert!(search.join().expect("thread"), "sent");
    assert_eq!(desk.app().inbox.found.as_ref().map(|f| f.len()), Some(1));
    assert_ne!(
        desk.app().session.now,
        noon(),
        "drawn without waiting for the tick"
    );
    let shown = desk
        .app()
        .inbox
        .window
        .rows
        .first()
        .expect("the match")
        .id
        .clone();
    assert!(screen(&desk).contains(shown.as_str()));
    assert!(first == shown || !screen(&desk).contains(first.as_str()));
}

#[test]
fn keys_are_resolved_against_the_state_they_arrive_in() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut desk = open_desk(&dir);
    let tx = desk.sender();
    // Queued together: `/` opens the filter, so `j` is typed into it, not a move down.
    for m in [key('/'), key('j')] {
        tx.send(m).expect("send");
    }
    assert_eq!(desk.turn().expect("turn"), Turn::Drew);
    assert_eq!(desk.app().inbox.filter.query, "j");
    assert_eq!(desk.app().inbox.cursor, 0);
    // A frame is drawn only when something changed.
    tx.send(Msg::Event(Event::FocusGained)).expect("send");
    assert_eq!(desk.turn().expect("turn"), Turn::Idle);
}

#[test]
fn the_clock_arrives_as_a_tick() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut desk = open_desk(&dir).with_clock(noon);
    assert_ne!(desk.app().session.now, noon());
    // Nothing arrives: the turn ends with the tick, and its frame.
    assert_eq!(desk.turn().expect("turn"), Turn::Drew);
    assert_eq!(desk.app().session.now, noon());
}

#[test]
fn quitting_or_a_broken_terminal_ends_the_loop() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut desk = open_desk(&dir);
    let tx = desk.sender();
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    tx.send(Msg::Event(Event::Key(ctrl_c))).expect("send");
    tx.send(Msg::Action(Action::Command(Command::Down)))
        .expect("send");
    assert_eq!(desk.turn().expect("turn"), Turn::Quit);
    assert_eq!(
        desk.app().inbox.cursor,
        0,
        "nothing is handled after the quit"
    );
    desk.finish().expect("left cleanly");

    let dir = tempfile::tempdir().expect("tempdir");
    let mut desk = open_desk(&dir);
    desk.sender()
        .send(Msg::InputFailed(std::io::Error::other("tty gone")))
        .expect("send");
    let err = desk.turn().expect_err("the loop stops");
    assert!(format!("{err:#}").contains("tty gone"), "{err:#}");
}
