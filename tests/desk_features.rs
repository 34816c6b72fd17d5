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
    let tmp = tempfile::tempdir().expect("tmp");
    let folder = tmp.path().join("masuk");
    std::fs::create_dir_all(&folder).expect("folder");
    let d = Desk::with_config(&config_text(&format!(
        "import_dir = {:?}\n",
        folder.to_str().expect("path")
    )));
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

/// A desk whose complaints are these titles (in this order of urgency).
fn desk_of_titles(titles: &[&str]) -> Harness {
    let mut d = Desk::new();
    let records: Vec<_> = titles
        .iter()
        .enumerate()
        .map(|(i, t)| complaint(&format!("LAP-2026-00002{i:02}"), 1, t, SCOPE))
        .collect();
    let head = Head::new(SCOPE, 1, "B-words", "2026-11-10T08:00:00+07:00");
    sigap::sync::import_bytes(&mut d.store, &d.cfg, "w.jsonl", batch(&head, &records))
        .expect("import");
    let mut h = Harness::new(d, 100, 30, Effects::ReadOnly);
    h.cmd(Command::View8);
    h
}

fn found_titles(h: &Harness) -> Vec<String> {
    (0..h.app.inbox.total)
        .filter_map(|i| h.app.inbox.window.get(i).map(|r| r.title.clone()))
        .collect()
}

/// Defect: `/jalan` ranked "Guru jarang masuk kelas" among the best. Whole words of
/// the query rank first, and a query in quotes matches whole words only.
#[test]
fn the_filter_ranks_whole_words_first_and_quotes_match_words_exactly() {
    let titles = [
        "Guru jarang masuk kelas",
        "Jalanan licin",
        "Jalan rusak di Kalianget",
    ];
    let mut h = desk_of_titles(&titles);
    h.cmd(Command::Filter);
    h.typed("jalan");
    let found = found_titles(&h);
    assert_eq!(
        found.first().map(String::as_str),
        Some("Jalan rusak di Kalianget"),
        "{found:?}"
    );
    assert!(
        found.iter().any(|t| t.starts_with("Guru")),
        "still a fuzzy match: {found:?}"
    );

    let mut h = desk_of_titles(&titles);
    h.cmd(Command::Filter);
    h.typed("\"jalan\"");
    assert_eq!(
        found_titles(&h),
        vec!["Jalan rusak di Kalianget".to_owned()]
    );
}

/// Clicking a tab where it is drawn switches to its view, at a wide and a narrow width.
#[test]
fn a_click_on_a_drawn_tab_opens_its_view() {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use sigap::app::{Mouse, MouseKind, View};
    for (w, h) in [(160u16, 40u16), (80, 24)] {
        let mut d = Desk::new();
        sigap::sync::import_file(&mut d.store, &d.cfg, &fixture_path()).expect("fixture");
        let mut desk = Harness::new(d, w, h, Effects::ReadOnly);
        let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
        let theme = sigap::ui::Theme::new(sigap::config::Theme::Default, true);
        t.draw(|f| sigap::ui::draw(f, &desk.app, &theme))
            .expect("draw");
        let top: String = (0..w)
            .map(|x| t.backend().buffer()[(x, 0)].symbol().to_owned())
            .collect();
        let column = top
            .find("│ 8")
            .map(|i| top[..i].chars().count() + 2)
            .expect("tab 8");
        desk.feed(Action::Mouse(Mouse {
            kind: MouseKind::Click,
            column: u16::try_from(column).expect("column"),
            row: 0,
        }));
        assert_eq!(desk.app.inbox.view, View::All, "at {w}x{h}: {top}");
    }
}

fn screen_of(h: &Harness, w: u16, ht: u16) -> String {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let mut t = Terminal::new(TestBackend::new(w, ht)).expect("terminal");
    let theme = sigap::ui::Theme::new(sigap::config::Theme::Default, true);
    t.draw(|f| sigap::ui::draw(f, &h.app, &theme))
        .expect("draw");
    let buf = t.backend().buffer().clone();
    (0..ht)
        .map(|y| {
            (0..w)
                .map(|x| buf[(x, y)].symbol().to_owned())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The outbox view lists the operations (kind, target, note, state) with a legend for
/// its markers.
#[test]
fn the_outbox_lists_the_operations() {
    let mut d = Desk::new();
    sigap::sync::import_file(&mut d.store, &d.cfg, &fixture_path()).expect("fixture");
    let mut h = Harness::new(d, 120, 30, Effects::All);
    h.cmd(Command::View8);
    h.goto("LAP-2026-0000001");
    h.cmd(Command::Hold);
    h.typed("Fotokopi KTP");
    h.cmd(Command::Submit);
    h.cmd(Command::View7);
    let s = screen_of(&h, 120, 30);
    assert!(s.contains("[menunggu ekspor] tunda: Fotokopi KTP"), "{s}");
    assert!(
        s.contains("↑ menunggu ekspor · ! konflik · ✗ ditolak"),
        "{s}"
    );
    insta::assert_snapshot!("outbox_120x30", s);
}

/// On a wide screen the detail of the current row shows beside the list, follows the
/// cursor, and never shows a complaint that is not under it.
#[test]
fn the_side_preview_follows_the_cursor() {
    let mut d = Desk::new();
    sigap::sync::import_file(&mut d.store, &d.cfg, &fixture_path()).expect("fixture");
    let mut h = Harness::new(d, 180, 40, Effects::ReadOnly);
    let first = h.app.current().map(|r| r.id.to_string()).expect("a row");
    let s = screen_of(&h, 180, 40);
    assert_eq!(
        s.matches(&first).count(),
        2,
        "in the list and as the preview's title"
    );
    h.cmd(Command::Down);
    let second = h.app.current().map(|r| r.id.to_string()).expect("a row");
    let s = screen_of(&h, 180, 40);
    assert!(
        s.contains(&format!("┌ {second} ")),
        "the preview followed:\n{s}"
    );
    // An empty view shows no preview of a complaint that is not in it.
    h.cmd(Command::View7);
    let s = screen_of(&h, 180, 40);
    assert!(!s.contains(&format!("┌ {second} ")), "{s}");
}

/// The response editor wraps at words and never splits a `{placeholder}` across its
/// lines, wherever the placeholder falls against the editor's right edge (80×24).
#[test]
fn the_editor_never_splits_a_placeholder() {
    for lead in 0..26 {
        let mut d = Desk::new();
        sigap::sync::import_file(&mut d.store, &d.cfg, &fixture_path()).expect("fixture");
        let mut h = Harness::new(d, 80, 24, Effects::ReadOnly);
        h.cmd(Command::Respond);
        h.typed(&"a".repeat(lead));
        h.typed(" ");
        h.typed(&"ab ".repeat(16));
        h.typed("{lokasi_kejadian} selesai");
        let screen = screen_of(&h, 80, 24);
        assert_eq!(
            screen.matches("lokasi").count(),
            screen.matches("{lokasi_kejadian}").count(),
            "the placeholder was split with {lead} letters before it:\n{screen}"
        );
    }
}

/// Loading the filter's texts of a large view shows how far it is in the status bar,
/// whatever pane is open, and the mark goes when the texts are loaded.
#[test]
fn loading_filter_texts_shows_progress_over_any_pane() {
    let mut d = Desk::new();
    sigap::sync::import_file(&mut d.store, &d.cfg, &fixture_path()).expect("fixture");
    let mut h = Harness::new(d, 100, 30, Effects::ReadOnly);
    h.cmd(Command::Open);
    h.feed(Action::FilterTexts(Some((250_000, 1_000_000))));
    let screen = screen_of(&h, 100, 30);
    assert!(
        screen.contains("memuat teks saringan 25%"),
        "over the detail:\n{screen}"
    );
    h.feed(Action::FilterTexts(None));
    let screen = screen_of(&h, 100, 30);
    assert!(!screen.contains("memuat teks"), "{screen}");
}
