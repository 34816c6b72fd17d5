//! The suggester on screen, in both languages: the transfer pane lists the suggestions
//! with their reasons above the directory, the detail names likely duplicates, and the
//! view 'Mungkin Salah Alamat' holds the marked complaint with its tag.

mod common;
mod harness;
mod routing_desk;

use harness::{Effects, Harness};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::CellWidth;
use routing_desk::desk_with_a_transfer_chain_in;
use sigap::app::Command;
use sigap::ui::{self, Theme};

/// The screen as text, one line per row (wide symbols counted once).
fn screen(h: &Harness, w: u16, rows: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, rows)).expect("terminal");
    t.draw(|f| ui::draw(f, &h.app, &Theme::new(sigap::config::Theme::Default, true)))
        .expect("draw");
    let buf = t.backend().buffer().clone();
    let width = usize::from(buf.area.width);
    buf.content
        .chunks(width)
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
        .collect::<Vec<_>>()
        .join("\n")
}

fn snapshot(name: &str, s: &str) {
    insta::with_settings!({ omit_expression => true, prepend_module_to_snapshot => true }, {
        insta::assert_snapshot!(name, s);
    });
}

/// The desk in the view of likely misrouted complaints, on the one it marked.
fn on_the_marked_complaint(lang: &str, width: u16) -> Harness {
    let desk = desk_with_a_transfer_chain_in(lang);
    let mut h = Harness::new(desk, width, 30, Effects::ReadOnly);
    h.cmd(Command::View9);
    h.goto("LAP-NEW");
    h
}

#[test]
fn the_view_of_likely_misrouted_complaints_holds_the_marked_one() {
    for (lang, tab, tag) in [
        ("id", "Mungkin Salah Alamat 1", "[Salah alamat?]"),
        ("en", "Maybe misrouted 1", "[Misrouted?]"),
    ] {
        let h = on_the_marked_complaint(lang, 110);
        assert_eq!(h.app.inbox.total, 1);
        let s = screen(&h, 110, 30);
        assert!(s.contains(tab), "{s}");
        assert!(
            s.contains(&format!("{tag} Jalan berlubang di Batuan")),
            "{s}"
        );
        snapshot(&format!("misrouted_view_{lang}"), &s);
    }
}

#[test]
fn the_transfer_pane_offers_the_suggestions_first_with_their_reasons() {
    // The word quoted is the complaint's own; the count is the six transferred ones.
    for (lang, reason) in [
        (
            "id",
            [
                "6 laporan serupa (\"",
                "\") ditangani Dinas Pekerjaan Umum Bina Marga",
            ],
        ),
        (
            "en",
            [
                "6 similar complaints (\"",
                "\") handled by Dinas Pekerjaan Umum Bina Marga",
            ],
        ),
    ] {
        let mut h = on_the_marked_complaint(lang, 130);
        h.cmd(Command::Transfer);
        let s = screen(&h, 130, 30);
        let suggested = s.find("★ 3529-DPUBM").unwrap_or_else(|| panic!("{s}"));
        assert!(reason.iter().all(|r| s.contains(r)), "{s}");
        // Above the directory, and never the complaint's own agency.
        let directory = s.find("3529-DINKES  ").unwrap_or_else(|| panic!("{s}"));
        assert!(suggested < directory, "{s}");
        assert!(!s.contains("★ 3529-DINSOS"), "{s}");
        snapshot(&format!("transfer_suggestions_{lang}"), &s);
    }
}

#[test]
fn the_detail_names_likely_duplicates_and_marks_them_together() {
    for (lang, line) in [
        ("id", "kemungkinan duplikat: LAP-R0"),
        ("en", "likely duplicates: LAP-R0"),
    ] {
        let mut h = on_the_marked_complaint(lang, 110);
        h.cmd(Command::Open);
        let s = screen(&h, 110, 30);
        assert!(s.contains(line), "{s}");
        snapshot(&format!("detail_duplicates_{lang}"), &s);
        h.cmd(Command::MarkDuplicates);
        assert_eq!(
            h.app.inbox.marks.len(),
            7,
            "the complaint and its six duplicates"
        );
    }
}
