//! What the runtime reports back, landed on the state and the panes it is for.

use crate::app::panes::detail::DetailPane;
use crate::app::panes::import::ImportPane;
use crate::app::panes::respond::RespondPane;
use crate::app::panes::transfer::TransferPane;
use crate::app::{Action, App, Effect, Place, Window};

/// Applies a result (anything but a command or a typed key).
pub fn result(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Command(_) | Action::Input(_) => Vec::new(),
        Action::Resize(w, h) => {
            app.inbox.screen = (w, h);
            app.inbox.page = crate::ui::page_size(w, h);
            app.inbox.clamp_scroll();
            app.window_effect().into_iter().collect()
        }
        Action::Loaded(l) => {
            app.loaded = *l;
            // The preview may show what changed: ask again.
            app.inbox.preview_asked = None;
            // Whatever the reload moves, the cursor stays on its complaint.
            app.inbox.follow = app.current().map(|r| crate::app::inbox::Follow {
                id: r.id.clone(),
                rowid: r.rowid,
                sort_key: r.sort_key.clone(),
            });
            // The list may have changed: refilter, or reload the window where it is.
            let mut fx = match app.inbox.found {
                Some(_) => crate::app::common::filter_effect(app),
                None => app.list_changed(true),
            };
            if !fx
                .iter()
                .any(|e| matches!(e, Effect::LoadWindow { .. } | Effect::Filter { .. }))
            {
                app.inbox.follow = None;
            }
            // Keep the open detail current.
            if let Some(d) = app.panes.find::<DetailPane>() {
                fx.push(Effect::LoadDetail(d.data.row.id.clone()));
            }
            fx
        }
        Action::WindowLoaded {
            generation,
            place,
            rows,
        } => {
            window_loaded(app, generation, place, rows);
            match app.current().map(|r| r.id.clone()) {
                Some(id) if app.inbox.detail_follows => {
                    app.inbox.detail_follows = false;
                    vec![Effect::LoadDetail(id)]
                }
                _ => Vec::new(),
            }
        }
        Action::FilterTexts(progress) => {
            app.inbox.loading_texts = progress;
            Vec::new()
        }
        Action::Filtered { generation, rows } => {
            let b = &mut app.inbox;
            if generation != b.filter_generation || !b.filter.active() {
                return Vec::new();
            }
            // A new query starts at the best match; a refilter after a reload stays on
            // the complaint the cursor was on, or at the same place if it left.
            let kept = b
                .follow
                .take()
                .map(|f| rows.iter().position(|r| *r == f.rowid).unwrap_or(b.cursor));
            b.searching = false;
            b.found = Some(rows);
            b.window = Window::default();
            let fx = app.list_changed(false);
            if let Some(at) = kept {
                let b = &mut app.inbox;
                b.cursor = at.min(b.total.saturating_sub(1));
                b.clamp_scroll();
                return app.window_effect().into_iter().collect();
            }
            fx
        }
        Action::Marked(ids) => {
            let before = app.inbox.marks.len();
            app.inbox.marks.extend(ids);
            let n = app.inbox.marks.len() - before;
            app.done(app.lang().marked(n));
            Vec::new()
        }
        Action::DetailLoaded(data, clocks) => {
            match app.panes.find_mut::<DetailPane>() {
                Some(d) => {
                    if d.data.row.id != data.row.id {
                        d.scroll = 0;
                    }
                    d.data = data;
                    d.clocks = clocks;
                }
                None => app.panes.push(DetailPane {
                    data,
                    clocks,
                    scroll: 0,
                }),
            }
            Vec::new()
        }
        Action::PreviewLoaded(data, clocks) => {
            if app.current().is_some_and(|r| r.id == data.row.id) {
                app.inbox.preview = Some(DetailPane {
                    data,
                    clocks,
                    scroll: 0,
                });
            }
            Vec::new()
        }
        Action::AgenciesLoaded(a) => {
            app.agencies = a;
            if let Some(f) = app.panes.find_mut::<TransferPane>() {
                f.refilter(&app.agencies);
            }
            Vec::new()
        }
        Action::HistoryLoaded(h) => {
            if let Some(f) = app.panes.find_mut::<TransferPane>() {
                f.history = h;
            }
            Vec::new()
        }
        Action::SuggestionsLoaded(s) => {
            if let Some(f) = app.panes.find_mut::<TransferPane>() {
                f.suggested = s;
                f.refilter(&app.agencies);
            }
            Vec::new()
        }
        Action::RespondReady { fills, draft } => {
            let restored = app.t().draft_restored;
            if let Some(f) = app.panes.find_mut::<RespondPane>() {
                f.fills = fills;
                if let Some((stage, text)) = draft {
                    f.restore(&stage, &text);
                    app.say(restored);
                }
            }
            Vec::new()
        }
        Action::Queued { count, what } => {
            app.history.queued();
            app.panes
                .close_where(|p| p.is_form() || matches!(p, crate::app::Pane::Confirm(_)));
            app.inbox.marks.clear();
            app.inbox.anchor = None;
            app.done(app.lang().queued(count, what));
            vec![Effect::Reload]
        }
        Action::TextEdited(text) => {
            if let Some(f) = app.panes.find_mut::<RespondPane>() {
                f.set_text(&text);
                f.dirty = true;
            }
            Vec::new()
        }
        Action::Copied(text) => {
            app.done(app.lang().copied(&text));
            Vec::new()
        }
        Action::CopyRefused(text) => {
            app.say(app.lang().copy_refused(&text));
            Vec::new()
        }
        Action::Mouse(m) => super::mouse::mouse(app, m),
        Action::Failed(e) => {
            app.history.failed();
            // A filter that failed is not running any more.
            app.inbox.searching = false;
            // Nor is a monev computation waiting for its worker (it stopped).
            if let Some(p) = app.panes.find_mut::<crate::app::panes::monev::MonevPane>() {
                if p.report.is_none() && p.problem.is_none() {
                    p.problem = Some(e.clone());
                }
                p.progress = None;
                p.drafting = false;
            }
            app.fail(e);
            Vec::new()
        }
        Action::Undone(ops) => {
            if ops.is_empty() {
                app.say(app.t().nothing_to_undo);
            } else {
                app.done(app.lang().undone(&ops));
            }
            app.history.undone(&ops);
            vec![Effect::Reload]
        }
        Action::ConflictsSettled(n) => {
            app.done(app.lang().conflicts_settled(n));
            vec![Effect::Reload]
        }
        Action::ImportDirScanned(files) => {
            if let Some(p) = app.panes.find_mut::<ImportPane>() {
                p.files = files;
            }
            Vec::new()
        }
        Action::ImportProgress { file, records } => {
            if let Some(p) = app.panes.find_mut::<ImportPane>() {
                p.progress = Some((file, records));
            }
            Vec::new()
        }
        Action::ImportFinished(results) => import_finished(app, results),
        Action::Monev(r) => crate::app::panes::monev::result(app, r),
        Action::ExportFinished(r) => {
            app.exporting = false;
            match r {
                Ok(paths) if paths.is_empty() => app.say(app.t().nothing_to_export),
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
                    app.done(format!(
                        "{} {dir}: {}",
                        app.t().exported_to,
                        names.join(", ")
                    ));
                }
                Err(e) => app.fail(e),
            }
            vec![Effect::Reload]
        }
        Action::StatusLoaded(s) => {
            app.loaded.status = Some(*s);
            Vec::new()
        }
        Action::Tick { now } => {
            app.session.now = now;
            let mut fx: Vec<Effect> = match app.panes.find::<RespondPane>() {
                Some(f) => f.draft(false).into_iter().collect(),
                None => Vec::new(),
            };
            // An open import pane notices files that arrive in the folder.
            if app.panes.find::<ImportPane>().is_some_and(|p| !p.running) {
                fx.push(Effect::ScanImportDir);
            }
            fx
        }
        Action::DraftSaved { close } => {
            if let Some(f) = app.panes.find_mut::<RespondPane>() {
                f.dirty = false;
            }
            if close {
                app.panes.close::<RespondPane>();
                app.done(app.t().draft_saved);
                return vec![Effect::Reload];
            }
            Vec::new()
        }
        Action::DraftNotSaved(e) => {
            app.fail(app.lang().draft_not_saved(&e));
            Vec::new()
        }
    }
}

/// A window of rows arrived: keep it if it answers the latest request.
fn window_loaded(app: &mut App, generation: u64, place: Place, rows: Vec<crate::app::InboxRow>) {
    let b = &mut app.inbox;
    if generation != b.generation {
        return;
    }
    let start = match place {
        Place::StartsAt(s) => s,
        Place::EndsAt(e) => e.saturating_sub(rows.len()),
    };
    b.window = Window { start, rows };
    // After a reload: back to the complaint the cursor was on, else the first one
    // after it in the view's order.
    if let Some(f) = b.follow.take() {
        let rows = &b.window.rows;
        let at = rows
            .iter()
            .position(|r| r.id == f.id)
            .or_else(|| rows.iter().position(|r| r.sort_key > f.sort_key))
            .map(|i| b.window.start + i);
        if let Some(at) = at {
            b.cursor = at;
        }
    }
    // The list may be shorter than counted (it changed meanwhile).
    let held = b.window.start + b.window.rows.len();
    if b.window.rows.len() < b.window_size() && held < b.total && place != Place::EndsAt(b.total) {
        b.total = held.max(b.window.start);
    }
    b.cursor = b.cursor.min(b.total.saturating_sub(1));
    b.clamp_scroll();
}

/// The import worker finished: its reports go to the import pane, a refusal to the
/// status bar too.
fn import_finished(
    app: &mut App,
    results: Vec<Result<crate::sync::ImportReport, String>>,
) -> Vec<Effect> {
    let lang = app.lang();
    let failed = results.iter().filter(|r| r.is_err()).count();
    let lines: Vec<String> = results
        .into_iter()
        .map(|r| match r {
            Ok(rep) => lang.import_report(&rep),
            Err(e) => e,
        })
        .collect();
    if let Some(p) = app.panes.find_mut::<ImportPane>() {
        p.running = false;
        p.progress = None;
        p.results = lines;
    }
    if failed > 0 {
        app.fail(lang.files_rejected(failed));
    } else {
        app.done(app.t().import_finished);
    }
    vec![Effect::Reload, Effect::ScanImportDir]
}
