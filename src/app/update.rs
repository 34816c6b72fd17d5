//! `update(app, action) -> effects`: the only place the desk's state changes. Keys are
//! routed to the focused pane: confirmation, help, import, the action pane, the
//! detail, the inbox.

use super::action::{Action, Command};
use super::forms::{Form, HoldForm, RespondForm, STAGES, TransferForm};
use super::{App, Confirm, Detail, Effect, Focus, Help, ImportPane, OnYes, Place, View, Window};
use crate::domain::template::all_templates;
use ratatui_textarea::{Input, Key as TKey};

mod panes;

/// Applies one action; returns the I/O to run.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Command(Command::Quit) => {
            app.quit = true;
            Vec::new()
        }
        Action::Command(cmd) => command(app, cmd),
        Action::Input(input) => panes::input(app, input),
        Action::Resize(_, h) => {
            // Tabs, table header, status bar and borders take six lines.
            app.page = usize::from(h.saturating_sub(6)).max(1);
            app.clamp_scroll();
            app.window_effect().into_iter().collect()
        }
        Action::Loaded(l) => {
            let l = *l;
            app.counts = l.counts;
            app.status = Some(l.status);
            app.oldest_pending = l.oldest_pending;
            app.drafts = l.drafts;
            // The list may have changed: refilter, or reload the window where it is.
            let mut fx = match app.found {
                Some(_) => filter_effect(app),
                None => app.list_changed(true),
            };
            // Keep the open detail current.
            if let Some(d) = &app.detail {
                fx.push(Effect::LoadDetail(d.data.row.id.clone()));
            }
            fx
        }
        Action::WindowLoaded {
            generation,
            place,
            rows,
        } => {
            if generation == app.generation {
                let start = match place {
                    Place::StartsAt(s) => s,
                    Place::EndsAt(e) => e.saturating_sub(rows.len()),
                };
                app.window = Window { start, rows };
                // The list may be shorter than counted (it changed meanwhile).
                let held = app.window.start + app.window.rows.len();
                if app.window.rows.len() < app.window_size()
                    && held < app.total
                    && place != Place::EndsAt(app.total)
                {
                    app.total = held.max(app.window.start);
                }
                app.cursor = app.cursor.min(app.total.saturating_sub(1));
                app.clamp_scroll();
            }
            Vec::new()
        }
        Action::Filtered { generation, rows } => {
            if generation != app.filter_generation || !app.filter.active() {
                return Vec::new();
            }
            app.found = Some(rows);
            app.cursor = 0;
            app.scroll = 0;
            app.window = Window::default();
            app.list_changed(false)
        }
        Action::Marked(ids) => {
            let before = app.marks.len();
            app.marks.extend(ids);
            let n = app.marks.len() - before;
            app.say(format!(
                "{n} {}",
                app.t("laporan ditandai", "complaints marked")
            ));
            Vec::new()
        }
        Action::DetailLoaded(d, clocks) => {
            let scroll = match &app.detail {
                Some(old) if old.data.row.id == d.row.id => old.scroll,
                _ => 0,
            };
            app.detail = Some(Detail {
                data: d,
                clocks,
                scroll,
            });
            Vec::new()
        }
        Action::AgenciesLoaded(a) => {
            app.agencies = a;
            if let Some(Form::Transfer(f)) = &mut app.form {
                f.refilter(&app.agencies, &app.scope);
            }
            Vec::new()
        }
        Action::HistoryLoaded(h) => {
            if let Some(Form::Transfer(f)) = &mut app.form {
                f.history = h;
            }
            Vec::new()
        }
        Action::RespondReady { fills, draft } => {
            if let Some(Form::Respond(f)) = &mut app.form {
                f.fills = fills;
                if let Some((stage, text)) = draft {
                    f.stage = STAGES.iter().position(|s| s.as_str() == stage).unwrap_or(0);
                    f.set_text(&text);
                    app.notice = Some(super::Notice {
                        text: app.t("Draf dipulihkan", "Draft restored").into(),
                        error: false,
                    });
                }
            }
            Vec::new()
        }
        Action::Queued { count, what } => {
            app.form = None;
            app.confirm = None;
            app.marks.clear();
            app.anchor = None;
            app.focus = if app.detail.is_some() {
                Focus::Detail
            } else {
                Focus::Inbox
            };
            let msg = if app.en {
                format!("{count} {what} queued")
            } else {
                format!("{count} {what} masuk antrean keluar")
            };
            app.say(msg);
            vec![Effect::Reload]
        }
        Action::Failed(e) => {
            app.fail(e);
            Vec::new()
        }
        Action::Undone(what) => {
            match what {
                Some(w) => app.say(format!("{} {w}", app.t("Dibatalkan:", "Undone:"))),
                None => app.say(app.t("Tidak ada yang bisa dibatalkan", "Nothing to undo")),
            }
            vec![Effect::Reload]
        }
        Action::ConflictsSettled(n) => {
            app.say(format!(
                "{n} {}",
                app.t("konflik diselesaikan", "conflicts settled")
            ));
            vec![Effect::Reload]
        }
        Action::ImportDirScanned(files) => {
            let pane = app.import.get_or_insert_with(ImportPane::default);
            pane.files = files;
            Vec::new()
        }
        Action::ImportProgress { file, records } => {
            if let Some(p) = &mut app.import {
                p.progress = Some((file, records));
            }
            Vec::new()
        }
        Action::ImportFinished(results) => {
            let failed = results.iter().filter(|r| r.is_err()).count();
            let lines: Vec<String> = results
                .into_iter()
                .map(|r| match r {
                    Ok(rep) => rep.to_string(),
                    Err(e) => e,
                })
                .collect();
            if let Some(p) = &mut app.import {
                p.running = false;
                p.progress = None;
                p.results = lines;
            }
            if failed > 0 {
                app.fail(format!(
                    "{failed} {}",
                    app.t(
                        "berkas ditolak (lihat panel impor)",
                        "files rejected (see the import pane)"
                    )
                ));
            } else {
                app.say(app.t("Impor selesai", "Import finished"));
            }
            vec![Effect::Reload, Effect::ScanImportDir]
        }
        Action::ExportFinished(r) => {
            app.exporting = false;
            match r {
                Ok(paths) if paths.is_empty() => {
                    app.say(app.t("Tidak ada yang diekspor", "Nothing to export"))
                }
                Ok(paths) => {
                    // The folder once, then the file names, so several files fit.
                    let dir = paths[0]
                        .parent()
                        .map(|d| d.display().to_string())
                        .unwrap_or_default();
                    let names: Vec<String> = paths
                        .iter()
                        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
                        .collect();
                    app.say(format!(
                        "{} {dir}: {}",
                        app.t("Diekspor ke", "Exported to"),
                        names.join(", ")
                    ));
                }
                Err(e) => app.fail(e),
            }
            vec![Effect::Reload]
        }
        Action::StatusLoaded(s) => {
            app.status = Some(*s);
            Vec::new()
        }
        Action::Tick { now } => {
            app.now = now;
            match &app.form {
                Some(Form::Respond(f)) if f.dirty => vec![Effect::SaveDraft {
                    ids: f.targets.clone(),
                    stage: f.stage(),
                    text: super::forms::editor_text(&f.text),
                    close: false,
                }],
                _ => Vec::new(),
            }
        }
        Action::DraftSaved { close } => {
            if let Some(Form::Respond(f)) = &mut app.form {
                f.dirty = false;
            }
            if close {
                app.form = None;
                app.focus = back(app);
                app.say(app.t("Draf disimpan", "Draft saved"));
                return vec![Effect::Reload];
            }
            Vec::new()
        }
        Action::DraftNotSaved(e) => {
            let msg = if app.en {
                format!("The draft was NOT saved ({e}); the text is still here")
            } else {
                format!("Draf TIDAK tersimpan ({e}); teks masih di sini")
            };
            app.fail(msg);
            Vec::new()
        }
    }
}

fn command(app: &mut App, cmd: Command) -> Vec<Effect> {
    match app.focus {
        Focus::Confirm => confirm(app, cmd),
        Focus::Help => {
            match cmd {
                Command::Clear | Command::Close | Command::Help => {
                    app.help = None;
                    app.focus = back(app);
                }
                Command::Down => scroll(&mut app.help.get_or_insert_with(Help::default).scroll, 1),
                Command::Up => scroll_up(&mut app.help.get_or_insert_with(Help::default).scroll, 1),
                _ => {}
            }
            Vec::new()
        }
        Focus::Import => panes::import(app, cmd),
        Focus::Form => panes::form(app, cmd),
        Focus::Detail => panes::detail(app, cmd),
        Focus::Inbox => inbox(app, cmd),
    }
}

/// Where focus returns when an overlay closes.
fn back(app: &App) -> Focus {
    if app.form.is_some() {
        Focus::Form
    } else if app.import.is_some() {
        Focus::Import
    } else if app.detail.is_some() {
        Focus::Detail
    } else {
        Focus::Inbox
    }
}

fn scroll(v: &mut u16, n: u16) {
    *v = v.saturating_add(n);
}

fn scroll_up(v: &mut u16, n: u16) {
    *v = v.saturating_sub(n);
}

fn confirm(app: &mut App, cmd: Command) -> Vec<Effect> {
    match cmd {
        Command::Open | Command::Submit => {
            let c = app.confirm.take();
            app.focus = back(app);
            match c.map(|c| c.on_yes) {
                Some(OnYes::Run(effect)) => {
                    if effect == Effect::Export {
                        app.exporting = true;
                    }
                    vec![effect]
                }
                Some(OnYes::Quit) => {
                    app.quit = true;
                    Vec::new()
                }
                None => Vec::new(),
            }
        }
        Command::Clear | Command::Close => {
            app.confirm = None;
            app.focus = back(app);
            Vec::new()
        }
        _ => Vec::new(),
    }
}

/// Asks once when `effect` touches several complaints, or any the officer cannot see
/// in the current list; runs it directly for the one on screen.
pub(super) fn ask(app: &mut App, count: usize, question: String, effect: Effect) -> Vec<Effect> {
    let hidden = match &effect {
        Effect::Queue { requests, .. } => {
            let ids: Vec<_> = requests.iter().map(|r| r.complaint_id.clone()).collect();
            if app.focus == Focus::Form && app.detail.is_some() && app.marks.is_empty() {
                0
            } else {
                app.hidden(&ids)
            }
        }
        _ => 0,
    };
    let question = if hidden > 0 {
        let note = if app.en {
            format!(" ({hidden} of them not in the current list)")
        } else {
            format!(" ({hidden} di antaranya tidak tampak di daftar ini)")
        };
        format!("{question}{note}")
    } else {
        question
    };
    if count > 1 || hidden > 0 {
        app.confirm = Some(Confirm {
            question,
            on_yes: OnYes::Run(effect),
        });
        app.focus = Focus::Confirm;
        Vec::new()
    } else {
        vec![effect]
    }
}

/// Commands shared by the inbox and the detail: opening the action panes, views,
/// undo, import, export, help.
pub(super) fn common(app: &mut App, cmd: Command) -> Option<Vec<Effect>> {
    let view = |i: usize| View::ALL.get(i).copied();
    let fx = match cmd {
        Command::Transfer | Command::Respond | Command::Hold => {
            let targets = app.targets();
            if targets.is_empty() {
                app.fail(app.t("Tidak ada laporan terpilih", "No complaint selected"));
                return Some(Vec::new());
            }
            // Rows on screen that left the desk (the store refuses any others too).
            let out_of_scope = app
                .window
                .rows
                .iter()
                .filter(|r| targets.contains(&r.id) && !r.in_scope)
                .count()
                + app
                    .detail
                    .as_ref()
                    .filter(|d| targets.contains(&d.data.row.id) && !d.data.row.in_scope)
                    .map_or(0, |_| 1);
            if out_of_scope > 0 {
                app.fail(app.t(
                    "Laporan yang sudah dialihkan keluar hanya bisa dibaca",
                    "Complaints that left this desk are read-only",
                ));
                return Some(Vec::new());
            }
            app.focus = Focus::Form;
            match cmd {
                Command::Transfer => {
                    app.form = Some(Form::Transfer(TransferForm::new(
                        targets.clone(),
                        &app.agencies,
                        &app.scope,
                        app.en,
                    )));
                    vec![Effect::LoadAgencies, Effect::LoadHistory(targets)]
                }
                Command::Respond => {
                    let names = all_templates(&app.templates).into_keys().collect();
                    app.form = Some(Form::Respond(RespondForm::new(
                        targets.clone(),
                        names,
                        app.en,
                    )));
                    vec![Effect::PrepareRespond(targets)]
                }
                _ => {
                    app.form = Some(Form::Hold(HoldForm::new(targets, app.en)));
                    Vec::new()
                }
            }
        }
        Command::Undo => vec![Effect::Undo],
        Command::Import => {
            app.import.get_or_insert_with(ImportPane::default);
            app.focus = Focus::Import;
            vec![Effect::ScanImportDir]
        }
        Command::Export if app.exporting => {
            app.say(app.t("Ekspor sedang berjalan…", "An export is running…"));
            Vec::new()
        }
        Command::Export => {
            let pending = app.status.as_ref().map_or(0, |s| s.pending_operations) as usize;
            let q = if app.en {
                format!("Export {pending} pending operations now? (Enter: yes, Esc: no)")
            } else {
                format!("Ekspor {pending} operasi tertunda sekarang? (Enter: ya, Esc: batal)")
            };
            ask(app, pending.max(2), q, Effect::Export)
        }
        Command::Help => {
            app.help = Some(Help::default());
            app.help_for = app.focus;
            app.focus = Focus::Help;
            Vec::new()
        }
        Command::NextView | Command::PrevView => {
            let i = app.view.index();
            let n = View::ALL.len();
            let next = if cmd == Command::NextView {
                (i + 1) % n
            } else {
                (i + n - 1) % n
            };
            set_view(app, View::ALL[next]);
            Vec::new()
        }
        Command::View1 => set_view_opt(app, view(0)),
        Command::View2 => set_view_opt(app, view(1)),
        Command::View3 => set_view_opt(app, view(2)),
        Command::View4 => set_view_opt(app, view(3)),
        Command::View5 => set_view_opt(app, view(4)),
        Command::View6 => set_view_opt(app, view(5)),
        Command::View7 => set_view_opt(app, view(6)),
        Command::View8 => set_view_opt(app, view(7)),
        _ => return None,
    };
    Some(fx)
}

fn set_view_opt(app: &mut App, v: Option<View>) -> Vec<Effect> {
    match v {
        Some(v) => set_view(app, v),
        None => Vec::new(),
    }
}

fn set_view(app: &mut App, v: View) -> Vec<Effect> {
    if app.focus == Focus::Detail {
        app.detail = None;
        app.focus = Focus::Inbox;
    }
    app.view = v;
    // The filter belongs to the view it was typed in.
    app.filter.clear();
    app.found = None;
    app.list_changed(false)
}

/// Runs the filter for the current query (or drops it when the query is empty).
pub(super) fn filter_effect(app: &mut App) -> Vec<Effect> {
    if !app.filter.active() {
        let had = app.found.take().is_some();
        return if had {
            app.list_changed(false)
        } else {
            Vec::new()
        };
    }
    app.filter_generation += 1;
    vec![Effect::Filter {
        view: app.view_query(app.view),
        query: Some(app.filter.query.trim().to_lowercase()),
        generation: app.filter_generation,
    }]
}

fn inbox(app: &mut App, cmd: Command) -> Vec<Effect> {
    if app.filter.editing {
        match cmd {
            Command::Open => {
                app.filter.editing = false;
                return Vec::new();
            }
            Command::Clear => {}
            Command::Down | Command::Up | Command::PageDown | Command::PageUp => {}
            _ => return Vec::new(),
        }
    }
    if let Some(fx) = common(app, cmd) {
        return fx;
    }
    let len = app.total;
    let page = app.page.max(1);
    match cmd {
        Command::Down => app.cursor = (app.cursor + 1).min(len.saturating_sub(1)),
        Command::Up => app.cursor = app.cursor.saturating_sub(1),
        Command::First => app.cursor = 0,
        Command::Last => app.cursor = len.saturating_sub(1),
        Command::PageDown => app.cursor = (app.cursor + page).min(len.saturating_sub(1)),
        Command::PageUp => app.cursor = app.cursor.saturating_sub(page),
        Command::Open | Command::NextPane | Command::PrevPane => {
            if let Some(r) = app.current() {
                let id = r.id.clone();
                app.focus = Focus::Detail;
                return vec![Effect::LoadDetail(id)];
            }
        }
        Command::Filter => {
            app.filter.editing = true;
            // Start loading the view's texts now: the first keystroke then finds them.
            app.filter_generation += 1;
            return vec![Effect::Filter {
                view: app.view_query(app.view),
                query: None,
                generation: app.filter_generation,
            }];
        }
        Command::Mark => {
            if let Some(id) = app.current().map(|r| r.id.clone()) {
                if !app.marks.remove(&id) {
                    app.marks.insert(id);
                }
                app.cursor = (app.cursor + 1).min(len.saturating_sub(1));
            }
        }
        Command::MarkRange => {
            let here = app.current().map(|r| (r.sort_key.clone(), r.id.clone()));
            match (app.anchor.take(), here) {
                (Some((a, key, _)), Some((here_key, _))) => {
                    let (lo, hi) = (a.min(app.cursor), a.max(app.cursor));
                    let fx = match app.list() {
                        crate::app::ListRef::View(view) => Effect::MarkRange {
                            view,
                            from: key,
                            to: here_key,
                        },
                        crate::app::ListRef::Rows(rows) => {
                            let part = rows.get(lo..=hi).unwrap_or_default().to_vec();
                            Effect::MarkAll(crate::app::ListRef::Rows(std::sync::Arc::new(part)))
                        }
                    };
                    app.clamp_scroll();
                    return vec![fx];
                }
                (None, Some((key, id))) => {
                    app.anchor = Some((app.cursor, key, id));
                    app.say(app.t(
                        "Awal rentang ditandai; pindah lalu tekan V lagi",
                        "Range start set; move, then press V again",
                    ));
                }
                _ => {}
            }
        }
        Command::MarkAll if len > 0 => return vec![Effect::MarkAll(app.list())],
        Command::Clear => {
            if app.filter.active() || app.filter.editing {
                app.filter.clear();
                return filter_effect(app);
            } else if !app.marks.is_empty() || app.anchor.is_some() {
                app.marks.clear();
                app.anchor = None;
            } else {
                app.notice = None;
            }
        }
        Command::Close => {
            if app.drafts > 0 {
                let q = if app.en {
                    format!(
                        "{} response drafts are saved. Quit? (Enter: yes, Esc: no)",
                        app.drafts
                    )
                } else {
                    format!(
                        "Ada {} draf tindak lanjut tersimpan. Keluar? (Enter: ya, Esc: batal)",
                        app.drafts
                    )
                };
                app.confirm = Some(Confirm {
                    question: q,
                    on_yes: OnYes::Quit,
                });
                app.focus = Focus::Confirm;
            } else {
                app.quit = true;
            }
        }
        _ => {}
    }
    app.clamp_scroll();
    app.window_effect().into_iter().collect()
}

/// Turns a text-field key into the textarea's input.
pub(super) fn is_char(input: &Input) -> Option<char> {
    match input.key {
        TKey::Char(c) if !input.ctrl && !input.alt => Some(c),
        _ => None,
    }
}

/// The reason index after a move.
pub(super) fn cycle(i: usize, n: usize, forward: bool) -> usize {
    if forward {
        (i + 1) % n
    } else {
        (i + n - 1) % n
    }
}

#[cfg(test)]
mod tests;
