//! Features of the desk driven as the runtime drives them, on a real cache: the import
//! pane notices new files while it is open, and long work shows wherever the officer
//! is.

mod common;
mod harness;

use common::*;
use harness::{Effects, Harness};
use sigap::app::panes::import::ImportPane;
use sigap::app::{Action, Command};

/// The import pane lists a batch that arrives in the folder while it is open.
#[test]
fn the_import_pane_notices_new_files() {
    let d = Desk::with_config(&config_text("import_dir = \"masuk\"\n"));
    let folder = d.cfg.import_dir.clone().expect("an import folder");
    std::fs::create_dir_all(&folder).expect("folder");
    let mut h = Harness::new(d, 100, 30, Effects::All);
    h.cmd(Command::Import);
    let files = |h: &Harness| h.app.panes.find::<ImportPane>().map(|p| p.files.len());
    assert_eq!(files(&h), Some(0));
    let head = Head::new(SCOPE, 1, "B-baru", "2026-11-19T08:00:00+07:00");
    write_batch(
        &folder,
        &head,
        &[complaint("LAP-2026-0000101", 1, "Jalan", SCOPE)],
    );
    h.feed(Action::Tick {
        now: chrono::Utc::now(),
    });
    assert_eq!(files(&h), Some(1), "seen on the next tick");
    let pane = h.app.panes.find::<ImportPane>().expect("pane");
    assert!(!pane.files[0].imported);
}
