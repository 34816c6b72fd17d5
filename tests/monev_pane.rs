//! The monev pane on the demo desk, driven the way the runtime drives it (a real
//! cache, the runtime's own executor answering every effect): snapshots at 80×24 and
//! 160×48 in both languages, the table and the letters under review; stepping months
//! and typing a period; `Enter` opening the inbox on an agency's overdue complaints;
//! drafting, reviewing and issuing the reprimands.

mod common;
mod harness;

use common::Desk;
use harness::{Effects, Harness};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::{Buffer, CellWidth};
use sigap::app::panes::monev::{Mode, MonevPane};
use sigap::app::{App, Command};
use sigap::config::Language;
use sigap::ui::{self, Theme};

/// The demo desk (its reference day is the harness's "today"), with last month's letter.
fn demo(lang: Language) -> (Desk, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("tempdir");
    let today = Desk::today();
    let (mut cfg, mut store, _) = sigap::sync::demo::load(dir.path(), today).expect("demo");
    sigap::monev::demo::letter_of_last_month(&mut store, &cfg, today).expect("last month");
    cfg.language = lang;
    cfg.report_dir = Some(dir.path().join("laporan"));
    let holder = tempfile::tempdir().expect("tempdir");
    let files = holder.path().join("files");
    (
        Desk {
            store,
            cfg,
            files,
            dir: holder,
        },
        dir,
    )
}

/// The folder comes first, so that a caller's `let (_dir, h) = desk(..)` drops the
/// cache before its folder (Windows removes no folder with an open file in it).
fn desk(lang: Language, w: u16, h: u16, effects: Effects) -> (tempfile::TempDir, Harness) {
    let (d, dir) = demo(lang);
    let mut h_ = Harness::new(d, w, h, effects);
    h_.cmd(Command::Monev);
    (dir, h_)
}

fn rows_of(buf: &Buffer) -> Vec<String> {
    let w = usize::from(buf.area.width);
    buf.content
        .chunks(w.max(1))
        .map(|cells| {
            let mut row = String::new();
            let mut skip: u16 = 0;
            for c in cells {
                if skip == 0 {
                    row.push_str(c.symbol());
                }
                skip = skip.max(c.cell_width()).saturating_sub(1);
            }
            row
        })
        .collect()
}

fn screen(app: &App, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    let theme = Theme::new(sigap::config::Theme::Default, true);
    t.draw(|f| ui::draw(f, app, &theme)).expect("draw");
    rows_of(t.backend().buffer()).join("\n")
}

fn pane(app: &App) -> &MonevPane {
    app.panes
        .find::<MonevPane>()
        .expect("the monev pane is open")
}

/// Snapshots one screen.
fn assert_screen(name: &str, s: &str) {
    insta::with_settings!({
        omit_expression => true,
        prepend_module_to_snapshot => true,
    }, {
        insta::assert_snapshot!(name, s);
    });
}

const SIZES: [(u16, u16); 2] = [(80, 24), (160, 48)];

#[test]
fn the_table_and_charts_in_both_languages_at_both_sizes() {
    for (lang, tag, words) in [
        (
            Language::Id,
            "id",
            ["Masuk", "JUMLAH", "Tunggakan:", "Kepatuhan TL awal"],
        ),
        (
            Language::En,
            "en",
            ["Recv", "TOTAL", "Backlog:", "First-response compliance"],
        ),
    ] {
        for (w, h) in SIZES {
            let (_dir, h_) = desk(lang, w, h, Effects::ReadOnly);
            let s = screen(&h_.app, w, h);
            assert_screen(&format!("table_{tag}_{w}x{h}"), &s);
            // Every agency's row stays readable at 80×24, and the total with it.
            for code in [
                "DINKES",
                "DISDUKCAPI",
                "DISDIK",
                "DINSOS",
                "SATPOLPP",
                "DPUBM",
            ] {
                assert!(
                    s.contains(&format!("3529-{code}")),
                    "{tag} {w}x{h}: {code}\n{s}"
                );
            }
            for word in words {
                assert!(s.contains(word), "{tag} {w}x{h}: {word}\n{s}");
            }
            // The prompt offices lead, the late ones trail.
            let rank = |code: &str| s.find(&format!("3529-{code}")).expect("row");
            assert!(rank("DINKES") < rank("DPUBM"), "{s}");
        }
    }
}

#[test]
fn the_letters_under_review_in_both_languages_at_both_sizes() {
    for (lang, tag) in [(Language::Id, "id"), (Language::En, "en")] {
        for (w, h) in SIZES {
            let (_dir, mut h_) = desk(lang, w, h, Effects::ReadOnly);
            h_.cmd(Command::Reprimand);
            let s = screen(&h_.app, w, h);
            assert_screen(&format!("letters_{tag}_{w}x{h}"), &s);
            // The letter itself is Indonesian official correspondence in both.
            assert!(s.contains("Teguran Tertulis"), "{s}");
            assert!(
                s.contains("Nomor    : …/…/…"),
                "not numbered before issuing\n{s}"
            );
        }
    }
}

#[test]
fn months_step_and_a_typed_period_is_applied() {
    let (_dir, mut h_) = desk(Language::Id, 120, 36, Effects::ReadOnly);
    let p = pane(&h_.app);
    assert_eq!(p.period.from.to_string(), "2026-11-01");
    assert_eq!(
        p.period.to.to_string(),
        "2026-11-20",
        "this month up to today"
    );
    h_.cmd(Command::PrevView);
    let p = pane(&h_.app);
    assert_eq!(
        (p.period.from.to_string(), p.period.to.to_string()),
        ("2026-10-01".into(), "2026-10-31".into())
    );
    let october = p.report.as_ref().expect("figures").figures.total.received;
    assert!(screen(&h_.app, 120, 36).contains("Oktober 2026"));
    h_.cmd(Command::NextView);
    let november = pane(&h_.app)
        .report
        .as_ref()
        .expect("figures")
        .figures
        .total
        .received;
    assert_ne!(october, november, "the figures follow the month");
    // A typed range.
    h_.cmd(Command::Filter);
    assert!(matches!(pane(&h_.app).mode, Mode::Range(_)));
    for _ in 0..30 {
        h_.feed(sigap::app::Action::Input(ratatui_textarea::Input {
            key: ratatui_textarea::Key::Backspace,
            ctrl: false,
            alt: false,
            shift: false,
        }));
    }
    h_.typed("2026-09-01..2026-10-15");
    h_.cmd(Command::Open);
    let p = pane(&h_.app);
    assert_eq!(p.period.to.to_string(), "2026-10-15");
    assert!(screen(&h_.app, 120, 36).contains("1 September 2026 – 15 Oktober 2026"));
    // A bad one is named and changes nothing.
    h_.cmd(Command::Filter);
    h_.typed("x");
    h_.cmd(Command::Open);
    assert!(pane(&h_.app).problem.is_some());
}

#[test]
fn enter_opens_the_inbox_on_the_agencys_overdue_complaints() {
    let (_dir, mut h_) = desk(Language::Id, 120, 36, Effects::ReadOnly);
    // The last row is the latest office.
    h_.cmd(Command::Last);
    let p = pane(&h_.app);
    let report = p.report.as_ref().expect("figures");
    let agency = report.figures.agencies[p.cursor].agency.clone();
    let mut ids: Vec<String> = report
        .figures
        .overdue
        .iter()
        .filter(|o| *o.agency == *agency)
        .map(|o| o.id.clone())
        .collect();
    ids.sort();
    ids.dedup();
    let n = ids.len();
    h_.cmd(Command::Open);
    assert!(
        h_.app.panes.find::<MonevPane>().is_none(),
        "the pane gave way"
    );
    assert_eq!(h_.app.inbox.total, n);
    let s = screen(&h_.app, 120, 36);
    assert!(
        s.contains(&format!("monev {agency}: {n} lewat tenggat")),
        "{s}"
    );
    // Every row shown is that agency's, and late.
    for r in &h_.app.inbox.window.rows {
        assert_eq!(r.agency.as_str(), agency);
        assert!(ids.contains(&r.id.0));
    }
    // Esc gives the whole view back.
    h_.cmd(Command::Clear);
    assert!(h_.app.inbox.filter.pinned.is_none());
    assert!(h_.app.inbox.total > n);
}

#[test]
fn drafted_letters_are_issued_on_confirmation_and_not_twice() {
    let (dir, mut h_) = desk(Language::Id, 120, 36, Effects::All);
    h_.cmd(Command::Reprimand);
    let Mode::Letters { letters, .. } = &pane(&h_.app).mode else {
        panic!("the letters are under review");
    };
    let n = letters.len();
    assert!(n > 0);
    // DPUBM had last month's letter and its complaints are still overdue: level 2.
    assert!(
        letters
            .iter()
            .any(|(l, _)| l.agency == "3529-DPUBM" && l.level == 2),
        "{:?}",
        letters
            .iter()
            .map(|(l, _)| (&l.agency, l.level))
            .collect::<Vec<_>>()
    );
    h_.cmd(Command::Down);
    h_.cmd(Command::Submit);
    assert!(screen(&h_.app, 120, 36).contains(&format!("Terbitkan {n} surat teguran")));
    h_.cmd(Command::Open);
    let notice = h_.app.notice.as_ref().expect("a notice").text.clone();
    assert!(notice.contains("teguran terbit"), "{notice}");
    // Numbers go on from last month's letter.
    assert!(notice.contains("800/2/435.107/2026"), "{notice}");
    let files: Vec<_> = std::fs::read_dir(dir.path().join("laporan"))
        .expect("the letters' folder")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        files.iter().filter(|f| f.ends_with(".docx")).count(),
        n,
        "{files:?}"
    );
    assert!(matches!(pane(&h_.app).mode, Mode::Table));
    let s = screen(&h_.app, 120, 36);
    assert!(
        s.contains("800/2/435.107/2026"),
        "the letters issued show\n{s}"
    );
    // Drafting again the same day: every candidate already has today's letter.
    h_.cmd(Command::Reprimand);
    h_.cmd(Command::Submit);
    h_.cmd(Command::Open);
    let notice = h_.app.notice.as_ref().expect("a notice");
    assert!(notice.is_error(), "refused: {}", notice.text);
    assert!(
        notice.text.contains("sudah diterbitkan hari ini"),
        "{}",
        notice.text
    );
}

#[test]
fn a_liaison_officers_desk_sees_one_row_its_own() {
    // The demo's batches on a desk whose scope is one office.
    let today = Desk::today();
    let mut d = Desk::with_config(&common::config_text(""));
    for (name, bytes) in sigap::sync::demo::batches(today).expect("demo batches") {
        // Only the office's own stream is accepted by its desk.
        if name.contains("3529-DINSOS") {
            sigap::sync::import_bytes(&mut d.store, &d.cfg, &name, bytes).expect("import");
        }
    }
    let mut h_ = Harness::new(d, 80, 24, Effects::ReadOnly);
    h_.cmd(Command::Monev);
    let report = pane(&h_.app).report.as_ref().expect("figures");
    let codes: Vec<&str> = report
        .figures
        .agencies
        .iter()
        .map(|a| a.agency.as_str())
        .collect();
    assert_eq!(codes, vec!["3529-DINSOS"]);
    let s = screen(&h_.app, 80, 24);
    assert!(
        s.contains("3529-DINSOS") && !s.contains("3529-DPUBM"),
        "{s}"
    );
}
