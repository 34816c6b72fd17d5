//! Keys for the panes other than the inbox: typed text, the action panes, the detail
//! and the import pane.

use super::{ask, back, common, cycle, is_char};
use crate::app::forms::{Form, REASONS, STAGES, editor_text};
use crate::app::{App, Command, Effect, Focus};
use crate::domain::template::all_templates;
use ratatui_textarea::{Input, Key as TKey};

/// A key typed into the focused field.
pub fn input(app: &mut App, input: Input) -> Vec<Effect> {
    match app.focus {
        Focus::Inbox if app.filter.editing => {
            match (is_char(&input), input.key) {
                (Some(c), _) => app.filter.query.push(c),
                (None, TKey::Backspace) => {
                    app.filter.query.pop();
                }
                _ => return Vec::new(),
            }
            // The matching runs off the UI thread; its answer starts at the best match.
            return super::filter_effect(app);
        }
        Focus::Help => {
            if let Some(help) = &mut app.help {
                match (is_char(&input), input.key) {
                    (Some(c), _) => help.query.push(c),
                    (None, TKey::Backspace) => {
                        help.query.pop();
                    }
                    _ => {}
                }
                help.scroll = 0;
            }
        }
        Focus::Form => match &mut app.form {
            Some(Form::Transfer(f)) if f.field == 0 => {
                match (is_char(&input), input.key) {
                    (Some(c), _) => f.query.push(c),
                    (None, TKey::Backspace) => {
                        f.query.pop();
                    }
                    _ => return Vec::new(),
                }
                f.refilter(&app.agencies, &app.scope);
            }
            Some(Form::Transfer(f)) if f.field == 2 => {
                f.note.input(input);
            }
            Some(Form::Respond(f)) if f.field == 2 => {
                let changed = f.text.input(input);
                f.dirty |= changed;
                f.overwrite_armed &= !changed;
            }
            Some(Form::Hold(f)) => {
                f.missing.input(input);
            }
            _ => {}
        },
        _ => {}
    }
    Vec::new()
}

/// Commands while an action pane is open.
pub fn form(app: &mut App, cmd: Command) -> Vec<Effect> {
    let en = app.en;
    let Some(form) = &mut app.form else {
        app.focus = back(app);
        return Vec::new();
    };
    match cmd {
        Command::Clear | Command::Close => {
            // An unsaved response is saved first; the pane closes once it is.
            if let Form::Respond(f) = form
                && f.dirty
            {
                return vec![Effect::SaveDraft {
                    ids: f.targets.clone(),
                    stage: f.stage(),
                    text: editor_text(&f.text),
                    close: true,
                }];
            }
            app.form = None;
            app.focus = back(app);
            Vec::new()
        }
        Command::NextPane | Command::PrevPane => {
            let fwd = cmd == Command::NextPane;
            match form {
                Form::Transfer(f) => f.field = cycle(f.field, 3, fwd),
                Form::Respond(f) => f.field = cycle(f.field, 3, fwd),
                Form::Hold(_) => {}
            }
            Vec::new()
        }
        Command::PageDown | Command::PageUp if matches!(form, Form::Respond(_)) => {
            if let Form::Respond(f) = form {
                f.preview_scroll = if cmd == Command::PageDown {
                    f.preview_scroll.saturating_add(10)
                } else {
                    f.preview_scroll.saturating_sub(10)
                };
            }
            Vec::new()
        }
        Command::Down | Command::Up | Command::PageDown | Command::PageUp => {
            let fwd = matches!(cmd, Command::Down | Command::PageDown);
            match form {
                Form::Transfer(f) if f.field == 0 => {
                    let step = if matches!(cmd, Command::PageDown | Command::PageUp) {
                        10
                    } else {
                        1
                    };
                    f.pick = if fwd {
                        (f.pick + step).min(f.picks.len())
                    } else {
                        f.pick.saturating_sub(step)
                    };
                }
                Form::Transfer(f) if f.field == 1 => f.reason = cycle(f.reason, REASONS.len(), fwd),
                Form::Respond(f) if f.field == 0 => f.stage = cycle(f.stage, STAGES.len(), fwd),
                Form::Respond(f) if f.field == 1 => {
                    if f.edited() && !f.overwrite_armed {
                        // Never throw away what the officer wrote without a warning.
                        f.overwrite_armed = true;
                        let msg = app.t(
                            "Teks sudah diubah: tekan ↑/↓ sekali lagi untuk menggantinya dengan templat",
                            "The text was edited: press ↑/↓ again to replace it with a template",
                        );
                        app.fail(msg);
                        return Vec::new();
                    }
                    f.template = cycle(f.template, f.names.len(), fwd);
                    let body = all_templates(&app.templates)
                        .get(&f.names[f.template])
                        .cloned()
                        .unwrap_or_default();
                    f.set_text(&body);
                    f.dirty = true;
                }
                _ => {}
            }
            Vec::new()
        }
        Command::Open => {
            match form {
                Form::Transfer(f) if f.field < 2 => {
                    f.field += 1;
                    return Vec::new();
                }
                Form::Respond(f) if f.field < 2 => {
                    f.field += 1;
                    return Vec::new();
                }
                _ => {}
            }
            submit(app, en)
        }
        Command::Submit => submit(app, en),
        Command::Help => {
            app.help = Some(crate::app::Help::default());
            app.help_for = Focus::Form;
            app.focus = Focus::Help;
            Vec::new()
        }
        _ => Vec::new(),
    }
}

fn submit(app: &mut App, en: bool) -> Vec<Effect> {
    let built = match &app.form {
        Some(Form::Transfer(f)) => f.requests(&app.agencies, en).map(|r| {
            let to = f.chosen(&app.agencies).map_or_else(
                || {
                    if en { "an agency the coordinator chooses" } else { "instansi yang dipilih koordinator" }.to_owned()
                },
                |a| format!("{} ({})", a.name, a.code),
            );
            let q = if en {
                format!("{} complaints will be proposed for transfer to {to}. Send? (Enter: yes, Esc: no)", r.len())
            } else {
                format!("{} laporan akan diusulkan dialihkan ke {to}. Kirim? (Enter: ya, Esc: batal)", r.len())
            };
            (r, q, if en { "transfers" } else { "usulan pengalihan" }, Vec::new())
        }),
        Some(Form::Respond(f)) => f.requests(&app.officer, app.today, en).map(|r| {
            let q = if en {
                format!("Queue the response for {} complaints? (Enter: yes, Esc: no)", r.len())
            } else {
                format!("Kirim tindak lanjut ke {} laporan? (Enter: ya, Esc: batal)", r.len())
            };
            (r, q, if en { "responses" } else { "tindak lanjut" }, f.targets.clone())
        }),
        Some(Form::Hold(f)) => f.requests(en).map(|r| {
            let q = if en {
                format!("Put {} complaints on hold? (Enter: yes, Esc: no)", r.len())
            } else {
                format!("Tunda {} laporan? (Enter: ya, Esc: batal)", r.len())
            };
            (r, q, if en { "holds" } else { "penundaan" }, Vec::new())
        }),
        None => return Vec::new(),
    };
    match built {
        Err(e) => {
            app.fail(e);
            Vec::new()
        }
        Ok((requests, question, what, clear_drafts)) => {
            let n = requests.len();
            ask(
                app,
                n,
                question,
                Effect::Queue {
                    requests,
                    what,
                    clear_drafts,
                },
            )
        }
    }
}

/// Commands in the detail pane.
pub fn detail(app: &mut App, cmd: Command) -> Vec<Effect> {
    if let Some(fx) = common(app, cmd) {
        return fx;
    }
    let page = u16::try_from(app.page).unwrap_or(u16::MAX);
    let Some(d) = &mut app.detail else {
        app.focus = Focus::Inbox;
        return Vec::new();
    };
    match cmd {
        Command::Down => d.scroll = d.scroll.saturating_add(1),
        Command::Up => d.scroll = d.scroll.saturating_sub(1),
        Command::PageDown => d.scroll = d.scroll.saturating_add(page),
        Command::PageUp => d.scroll = d.scroll.saturating_sub(page),
        Command::First => d.scroll = 0,
        Command::ConfirmConflicts => {
            let id = d.data.row.id.clone();
            return vec![Effect::Conflicts { id, confirm: true }];
        }
        Command::DiscardConflicts => {
            let id = d.data.row.id.clone();
            let q = if app.en {
                format!("Discard the operations in conflict on {id}? (Enter: yes, Esc: no)")
            } else {
                format!("Buang operasi yang konflik pada {id}? (Enter: ya, Esc: batal)")
            };
            app.confirm = Some(crate::app::Confirm {
                question: q,
                on_yes: crate::app::OnYes::Run(Effect::Conflicts { id, confirm: false }),
            });
            app.focus = Focus::Confirm;
            return Vec::new();
        }
        Command::Close | Command::Clear | Command::NextPane | Command::PrevPane => {
            app.detail = None;
            app.focus = Focus::Inbox;
        }
        _ => {}
    }
    Vec::new()
}

/// Commands in the import pane.
pub fn import(app: &mut App, cmd: Command) -> Vec<Effect> {
    let Some(pane) = &mut app.import else {
        app.focus = back(app);
        return Vec::new();
    };
    match cmd {
        Command::Open | Command::Submit if !pane.running => {
            let new: Vec<_> = pane
                .files
                .iter()
                .filter(|f| !f.imported)
                .map(|f| f.path.clone())
                .collect();
            if new.is_empty() {
                app.say(app.t("Tidak ada berkas baru", "No new files"));
                return Vec::new();
            }
            pane.running = true;
            pane.results.clear();
            vec![Effect::Import(new)]
        }
        Command::Clear | Command::Close if !pane.running => {
            app.import = None;
            app.focus = back(app);
            Vec::new()
        }
        Command::Help => {
            app.help = Some(crate::app::Help::default());
            app.help_for = Focus::Import;
            app.focus = Focus::Help;
            Vec::new()
        }
        _ => Vec::new(),
    }
}
