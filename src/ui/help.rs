//! Help (`?`): every command with its keys, generated from the live key map, and
//! searchable as you type.

use super::{Theme, popup};
use crate::app::{App, Command, Focus};
use crate::text;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

/// What a command does, in the desk's language.
pub fn describe(cmd: Command, en: bool) -> &'static str {
    let (id, eng) = match cmd {
        Command::Down => ("baris berikut / gulir turun", "next row / scroll down"),
        Command::Up => ("baris sebelumnya / gulir naik", "previous row / scroll up"),
        Command::First => ("baris pertama", "first row"),
        Command::Last => ("baris terakhir", "last row"),
        Command::PageDown => ("satu halaman turun", "page down"),
        Command::PageUp => ("satu halaman naik", "page up"),
        Command::Open => (
            "buka detail / lanjut / kirim",
            "open detail / next field / send",
        ),
        Command::NextPane => ("panel atau kolom berikut", "next pane or field"),
        Command::PrevPane => ("panel atau kolom sebelumnya", "previous pane or field"),
        Command::NextView => ("tampilan berikut", "next view"),
        Command::PrevView => ("tampilan sebelumnya", "previous view"),
        Command::View1 => ("tampilan Perlu Tindakan", "view Needs action"),
        Command::View2 => ("tampilan Hampir Jatuh Tempo", "view Due soon"),
        Command::View3 => ("tampilan Terlambat", "view Late"),
        Command::View4 => ("tampilan Diproses", "view In progress"),
        Command::View5 => ("tampilan Selesai", "view Done"),
        Command::View6 => ("tampilan Dialihkan", "view Transferred"),
        Command::View7 => ("tampilan Keluar (antrean)", "view Outbox"),
        Command::View8 => ("tampilan Semua", "view All"),
        Command::Filter => ("saring tampilan (fuzzy)", "fuzzy filter the view"),
        Command::Mark => (
            "tandai/batal tandai lalu turun",
            "mark/unmark and move down",
        ),
        Command::MarkRange => (
            "tandai rentang (tekan di awal dan akhir)",
            "mark a range (press at start and end)",
        ),
        Command::MarkAll => ("tandai semua di tampilan", "mark every row of the view"),
        Command::Clear => ("hapus saringan/tanda, batal", "clear filter/marks, cancel"),
        Command::Transfer => ("alihkan (bukan wewenang)", "transfer (not our authority)"),
        Command::Respond => ("tindak lanjut", "respond"),
        Command::Hold => ("tunda: minta data pelapor", "hold: ask the reporter"),
        Command::Undo => (
            "batalkan operasi terakhir yang belum diekspor",
            "undo the last unexported operation",
        ),
        Command::ConfirmConflicts => (
            "konfirmasi ulang operasi yang konflik",
            "confirm conflicting operations again",
        ),
        Command::DiscardConflicts => (
            "buang operasi yang konflik",
            "discard conflicting operations",
        ),
        Command::Import => ("panel impor berkas masuk", "import pane"),
        Command::Export => ("ekspor operasi tertunda", "export pending operations"),
        Command::Submit => ("kirim formulir", "send the form"),
        Command::Help => ("bantuan", "help"),
        Command::Close => (
            "tutup panel; di kotak masuk: keluar",
            "close the pane; on the inbox: quit",
        ),
        Command::Quit => (
            "keluar dari mana saja (draf tetap tersimpan)",
            "quit from anywhere (drafts kept)",
        ),
    };
    if en { eng } else { id }
}

/// The commands of a pane, in help order.
pub fn pane_commands(focus: Focus) -> &'static [Command] {
    use Command as C;
    match focus {
        Focus::Detail => &[
            C::Down,
            C::Up,
            C::PageDown,
            C::PageUp,
            C::First,
            C::Respond,
            C::Transfer,
            C::Hold,
            C::ConfirmConflicts,
            C::DiscardConflicts,
            C::Undo,
            C::Close,
            C::Help,
            C::Quit,
        ],
        Focus::Form => &[
            C::NextPane,
            C::PrevPane,
            C::Down,
            C::Up,
            C::PageDown,
            C::PageUp,
            C::Open,
            C::Submit,
            C::Clear,
            C::Help,
            C::Quit,
        ],
        Focus::Import => &[C::Open, C::Clear, C::Help, C::Quit],
        _ => &[
            C::Down,
            C::Up,
            C::First,
            C::Last,
            C::PageDown,
            C::PageUp,
            C::Open,
            C::NextPane,
            C::PrevPane,
            C::NextView,
            C::PrevView,
            C::View1,
            C::View2,
            C::View3,
            C::View4,
            C::View5,
            C::View6,
            C::View7,
            C::View8,
            C::Filter,
            C::Mark,
            C::MarkRange,
            C::MarkAll,
            C::Clear,
            C::Transfer,
            C::Respond,
            C::Hold,
            C::Undo,
            C::Import,
            C::Export,
            C::Help,
            C::Close,
            C::Quit,
        ],
    }
}

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, theme: &Theme) {
    let Some(help) = &app.help else { return };
    let r = popup(area, 80, area.height);
    frame.render_widget(Clear, r);
    let q = help.query.to_lowercase();
    let mut lines = vec![Line::from(vec![
        Span::styled(app.t("Cari: ", "Search: "), theme.dim()),
        Span::raw(format!("{}▏", text::line(&help.query))),
    ])];
    let here = pane_commands(app.help_for);
    let others: Vec<Command> = Command::ALL
        .into_iter()
        .filter(|c| !here.contains(c))
        .collect();
    for (title, cmds) in [
        (app.t("── Panel ini ──", "── This pane ──"), here.to_vec()),
        (app.t("── Tombol lain ──", "── Other keys ──"), others),
    ] {
        let rows: Vec<Line<'_>> = cmds
            .into_iter()
            .filter_map(|cmd| {
                let keys = app.keymap.keys(cmd).join(" ");
                let what = describe(cmd, app.en);
                let hay = format!("{keys} {what} {}", cmd.name()).to_lowercase();
                (q.is_empty() || hay.contains(&q)).then(|| {
                    Line::from(vec![
                        Span::styled(format!("{keys:<18}"), theme.header()),
                        Span::raw(what),
                    ])
                })
            })
            .collect();
        if !rows.is_empty() {
            lines.push(Line::styled(title, theme.dim()));
            lines.extend(rows);
        }
    }
    lines.push(Line::styled(
        app.t(
            "Di kolom teks: Enter lanjut/baris baru, Tab kolom berikut, Esc batal.",
            "In text fields: Enter next/new line, Tab next field, Esc cancel.",
        ),
        theme.dim(),
    ));
    frame.render_widget(
        Paragraph::new(lines)
            .scroll((help.scroll, 0))
            .block(Block::bordered().title(app.t(" Bantuan (Esc tutup) ", " Help (Esc closes) "))),
        r,
    );
}
