//! The panes under `update`: transfer, respond (templates, drafts), hold, the
//! detail, conflicts, import, export and help.

use super::*;

#[test]
fn bulk_transfer_asks_once_then_queues_one_each() {
    let mut app = app();
    for _ in 0..3 {
        cmd(&mut app, Command::Mark);
    }
    let fx = cmd(&mut app, Command::Transfer);
    assert_eq!(focus(&app), Focus::Form);
    assert!(fx.contains(&Effect::LoadAgencies));
    update(&mut app, Action::AgenciesLoaded(agencies()));
    update(
        &mut app,
        Action::HistoryLoaded(vec![(ComplaintId::from("LAP-1"), vec!["35-DPUBM".into()])]),
    );
    typed(&mut app, "provinsi");
    let Some(f) = app.panes.find::<TransferPane>() else {
        panic!("transfer pane")
    };
    assert_eq!(
        f.chosen(&app.agencies).map(|a| a.code.as_str()),
        Some("35-DPUBM")
    );
    assert_eq!(f.ping_pong(&app.agencies), vec![ComplaintId::from("LAP-1")]);
    cmd(&mut app, Command::Open); // → reason
    cmd(&mut app, Command::Down); // not_our_region
    cmd(&mut app, Command::Open); // → note
    // An empty note is refused.
    assert!(cmd(&mut app, Command::Open).is_empty());
    assert!(app.notice.as_ref().is_some_and(|n| n.is_error()));
    typed(&mut app, "Jalan provinsi");
    let fx = cmd(&mut app, Command::Open);
    assert!(fx.is_empty(), "asks before queuing");
    assert_eq!(focus(&app), Focus::Confirm);
    let q = app
        .panes
        .find::<ConfirmPane>()
        .map(|c| c.question.clone())
        .unwrap_or_default();
    assert!(
        q.contains("3 laporan akan diusulkan dialihkan ke Dinas PU Bina Marga Provinsi"),
        "{q}"
    );
    let fx = cmd(&mut app, Command::Open);
    let [Effect::Queue { requests, .. }] = fx.as_slice() else {
        panic!("{fx:?}")
    };
    assert_eq!(requests.len(), 3);
    for r in requests {
        let OpKind::Transfer {
            to_agency,
            reason,
            note,
        } = &r.kind
        else {
            panic!()
        };
        assert_eq!(to_agency.as_ref().map(|a| a.as_str()), Some("35-DPUBM"));
        assert_eq!(reason.as_str(), "not_our_region");
        assert_eq!(note, "Jalan provinsi");
    }
    let fx = update(
        &mut app,
        Action::Queued {
            count: 3,
            what: crate::app::QueueKind::Transfers,
        },
    );
    assert_eq!(fx, vec![Effect::Reload]);
    assert!(app.inbox.marks.is_empty() && !has_form(&app));
    assert_eq!(focus(&app), Focus::Inbox);
}

#[test]
fn single_transfer_does_not_ask() {
    let mut app = app();
    cmd(&mut app, Command::Transfer);
    update(&mut app, Action::AgenciesLoaded(agencies()));
    cmd(&mut app, Command::Open);
    cmd(&mut app, Command::Open);
    typed(&mut app, "bukan kami");
    let fx = cmd(&mut app, Command::Submit);
    assert!(matches!(fx.as_slice(), [Effect::Queue { requests, .. }] if requests.len() == 1));
}

#[test]
fn respond_with_template_fills_per_complaint_and_blocks_bad_text() {
    let mut app = app();
    let fx = cmd(&mut app, Command::Respond);
    assert_eq!(
        fx,
        vec![Effect::PrepareRespond(vec![ComplaintId::from("LAP-1")])]
    );
    update(
        &mut app,
        Action::RespondReady {
            fills: vec![FillData {
                complaint: complaint("LAP-1"),
                agency_name: "Dinas Sosial".into(),
            }],
            draft: None,
        },
    );
    // Empty text is refused.
    assert!(cmd(&mut app, Command::Submit).is_empty());
    assert!(app.notice.as_ref().is_some_and(|n| n.is_error()));
    // Pick the first template (field 1), then a stage.
    cmd(&mut app, Command::PrevPane);
    cmd(&mut app, Command::Down);
    cmd(&mut app, Command::PrevPane);
    cmd(&mut app, Command::Down); // progress
    let fx = cmd(&mut app, Command::Submit);
    let [
        Effect::Queue {
            requests,
            clear_drafts,
            ..
        },
    ] = fx.as_slice()
    else {
        panic!("{fx:?}")
    };
    assert_eq!(clear_drafts, &vec![ComplaintId::from("LAP-1")]);
    let OpKind::Response { stage, text } = &requests[0].kind else {
        panic!()
    };
    assert_eq!(*stage, Stage::Progress);
    assert!(text.contains("LAP-1") && text.contains("Siti"), "{text}");
    assert!(
        text.contains("Jalan {rusak}"),
        "the title's braces are kept"
    );
    assert!(requests[0].placeholders_checked);
    // An unknown placeholder typed by the officer blocks sending.
    let Some(f) = app.panes.find_mut::<RespondPane>() else {
        panic!()
    };
    f.set_text("Yth. {pelapor}, nomor {nomor}");
    assert!(cmd(&mut app, Command::Submit).is_empty());
    let msg = app
        .notice
        .as_ref()
        .map(|n| n.text.clone())
        .unwrap_or_default();
    assert!(msg.contains("{nomor}"), "{msg}");
}

#[test]
fn drafts_are_saved_on_tick_restored_and_kept_on_cancel() {
    let mut app = app();
    cmd(&mut app, Command::Respond);
    update(
        &mut app,
        Action::RespondReady {
            fills: vec![FillData {
                complaint: complaint("LAP-1"),
                agency_name: "Dinas Sosial".into(),
            }],
            draft: Some(("final".into(), "Draf lama".into())),
        },
    );
    let Some(f) = app.panes.find::<RespondPane>() else {
        panic!()
    };
    assert_eq!(f.stage(), Stage::Final);
    assert_eq!(f.text.lines(), ["Draf lama"]);
    assert!(update(&mut app, tick()).is_empty(), "nothing typed yet");
    assert_eq!(app.session.now, noon(), "the tick brings the clock");
    typed(&mut app, "!");
    let fx = update(&mut app, tick());
    assert!(
        matches!(&fx[..], [Effect::SaveDraft { ids, stage: Stage::Final, text, close: false }]
        if ids == &vec![ComplaintId::from("LAP-1")] && text == "!Draf lama"),
        "{fx:?}"
    );
    // A failed save keeps the text dirty: the next tick tries again.
    update(&mut app, Action::DraftNotSaved("database is locked".into()));
    assert!(
        app.notice
            .as_ref()
            .is_some_and(|n| n.is_error() && n.text.contains("TIDAK"))
    );
    assert_eq!(update(&mut app, tick()).len(), 1);
    update(&mut app, Action::DraftSaved { close: false });
    assert!(update(&mut app, tick()).is_empty(), "saved once");
    // Cancelling with unsaved text saves first and closes only once it is saved.
    typed(&mut app, "x");
    let fx = cmd(&mut app, Command::Clear);
    assert!(
        matches!(&fx[..], [Effect::SaveDraft { close: true, .. }]),
        "{fx:?}"
    );
    assert!(has_form(&app));
    let fx = update(&mut app, Action::DraftSaved { close: true });
    assert_eq!(fx, vec![Effect::Reload]);
    assert!(!has_form(&app));
}

#[test]
fn bulk_response_drafts_are_saved_for_every_target() {
    let mut app = app();
    cmd(&mut app, Command::Mark);
    cmd(&mut app, Command::Mark);
    cmd(&mut app, Command::Respond);
    typed(&mut app, "Mohon maaf");
    let fx = update(&mut app, tick());
    assert!(
        matches!(&fx[..], [Effect::SaveDraft { ids, .. }] if ids.len() == 2),
        "{fx:?}"
    );
}

#[test]
fn choosing_a_template_does_not_silently_replace_edited_text() {
    let mut app = app();
    cmd(&mut app, Command::Respond);
    typed(&mut app, "Teks saya sendiri");
    cmd(&mut app, Command::PrevPane); // template field
    cmd(&mut app, Command::Down);
    let text = |app: &App| match app.panes.find::<RespondPane>() {
        Some(f) => f.text.lines().join("\n"),
        None => String::new(),
    };
    assert_eq!(text(&app), "Teks saya sendiri", "first press only warns");
    assert!(app.notice.as_ref().is_some_and(|n| n.is_error()));
    cmd(&mut app, Command::Down);
    assert_ne!(text(&app), "Teks saya sendiri", "second press replaces");
    // Moving between templates replaces freely while the text is untouched.
    let before = text(&app);
    cmd(&mut app, Command::Down);
    assert_ne!(text(&app), before);
}

#[test]
fn the_detail_acts_on_the_complaint_on_screen() {
    let mut app = app();
    cmd(&mut app, Command::Down);
    let fx = cmd(&mut app, Command::Open);
    assert_eq!(fx, vec![Effect::LoadDetail(ComplaintId::from("LAP-2"))]);
    let clocks = no_clocks();
    update(
        &mut app,
        Action::DetailLoaded(Box::new(detail_of("LAP-2")), clocks),
    );
    // The inbox moves under the open detail (a reload put the cursor elsewhere).
    app.inbox.cursor = 0;
    assert_eq!(app.targets(None), vec![ComplaintId::from("LAP-1")]);
    let shown = app
        .panes
        .find::<DetailPane>()
        .map(|d| d.data.row.id.clone());
    assert_eq!(shown, Some(ComplaintId::from("LAP-2")));
    cmd(&mut app, Command::Hold);
    typed(&mut app, "foto");
    let fx = cmd(&mut app, Command::Open);
    assert!(
        matches!(&fx[..], [Effect::Queue { requests, .. }]
            if requests[0].complaint_id.as_str() == "LAP-2"),
        "{fx:?}"
    );
    // Switching view from the detail goes back to the inbox.
    update(
        &mut app,
        Action::Queued {
            count: 1,
            what: crate::app::QueueKind::Holds,
        },
    );
    cmd(&mut app, Command::View3);
    assert_eq!(focus(&app), Focus::Inbox);
    assert!(app.panes.find::<DetailPane>().is_none());
}

#[test]
fn hold_asks_what_is_missing() {
    let mut app = app();
    cmd(&mut app, Command::Hold);
    assert!(cmd(&mut app, Command::Open).is_empty());
    typed(&mut app, "Nama desa");
    let fx = cmd(&mut app, Command::Open);
    assert!(matches!(&fx[..], [Effect::Queue { requests, .. }]
        if matches!(&requests[0].kind, OpKind::Hold { missing } if missing == "Nama desa")));
}

#[test]
fn undo_conflicts_import_export_and_help() {
    let mut app = app();
    assert_eq!(cmd(&mut app, Command::Undo), vec![Effect::Undo]);
    assert_eq!(
        update(&mut app, Action::Undone(Vec::new())),
        vec![Effect::Reload]
    );

    // Conflicts are settled from the detail.
    let fx = cmd(&mut app, Command::Open);
    assert_eq!(fx, vec![Effect::LoadDetail(ComplaintId::from("LAP-1"))]);
    assert_eq!(
        focus(&app),
        Focus::Inbox,
        "the detail opens once it is loaded"
    );
    let clocks = no_clocks();
    update(
        &mut app,
        Action::DetailLoaded(Box::new(detail_of("LAP-1")), clocks),
    );
    assert_eq!(focus(&app), Focus::Detail);
    // Nothing in conflict or rejected: nothing to settle, and it says so.
    assert!(cmd(&mut app, Command::ConfirmConflicts).is_empty());
    assert!(app.notice.is_some());
    let mut with_conflict = detail_of("LAP-1");
    let mut op = hold_op("LAP-1");
    op.state = crate::domain::OpState::Conflict;
    with_conflict.operations.push(op);
    update(
        &mut app,
        Action::DetailLoaded(Box::new(with_conflict), clocks),
    );
    assert_eq!(
        cmd(&mut app, Command::ConfirmConflicts),
        vec![Effect::Conflicts {
            id: ComplaintId::from("LAP-1"),
            confirm: true
        }]
    );
    cmd(&mut app, Command::Close);
    assert_eq!(focus(&app), Focus::Inbox);

    // Import pane.
    assert_eq!(cmd(&mut app, Command::Import), vec![Effect::ScanImportDir]);
    update(
        &mut app,
        Action::ImportDirScanned(vec![
            BatchFile {
                path: "a.jsonl".into(),
                name: "a.jsonl".into(),
                header: None,
                imported: true,
            },
            BatchFile {
                path: "b.jsonl".into(),
                name: "b.jsonl".into(),
                header: None,
                imported: false,
            },
        ]),
    );
    assert_eq!(
        cmd(&mut app, Command::Open),
        vec![Effect::Import(vec!["b.jsonl".into()])]
    );
    assert!(
        cmd(&mut app, Command::Open).is_empty(),
        "not twice while running"
    );
    update(
        &mut app,
        Action::ImportProgress {
            file: "b.jsonl".into(),
            records: 4096,
        },
    );
    let fx = update(
        &mut app,
        Action::ImportFinished(vec![Err("b.jsonl: rejected: x".into())]),
    );
    assert_eq!(fx, vec![Effect::Reload, Effect::ScanImportDir]);
    assert!(app.notice.as_ref().is_some_and(|n| n.is_error()));
    cmd(&mut app, Command::Close);
    assert_eq!(focus(&app), Focus::Inbox);

    // Export asks first.
    assert!(cmd(&mut app, Command::Export).is_empty());
    assert!(
        app.panes
            .find::<ConfirmPane>()
            .is_some_and(|c| c.on_yes == OnYes::Run(Effect::Export))
    );
    assert_eq!(cmd(&mut app, Command::Open), vec![Effect::Export]);
    update(
        &mut app,
        Action::ExportFinished(Ok(vec!["/x/outbound-1.jsonl".into()])),
    );
    assert!(
        app.notice
            .as_ref()
            .is_some_and(|n| n.text == "Diekspor ke /x: outbound-1.jsonl")
    );

    // Help opens, searches, closes.
    cmd(&mut app, Command::Help);
    assert_eq!(focus(&app), Focus::Help);
    typed(&mut app, "tandai");
    assert_eq!(
        app.panes.find::<HelpPane>().map(|h| h.query.as_str()),
        Some("tandai")
    );
    cmd(&mut app, Command::Clear);
    assert_eq!(focus(&app), Focus::Inbox);
}

fn hold_op(id: &str) -> crate::domain::Operation {
    crate::domain::Operation {
        op_id: crate::domain::OpId::new_v7(),
        complaint_id: ComplaintId::from(id),
        base_revision: 1,
        officer: "Ahmad Fauzi".into(),
        at: "2026-11-20T09:00:00+07:00".parse().expect("at"),
        kind: OpKind::Hold {
            missing: "foto".into(),
        },
        state: crate::domain::OpState::Pending,
        batch_id: None,
        reason: None,
    }
}

/// Undo says how much of the action it took back; redo queues it all again, once,
/// and only while nothing new was queued.
#[test]
fn undo_names_the_whole_action_and_redo_queues_it_again() {
    let mut app = app();
    let ops: Vec<_> = ["LAP-1", "LAP-2", "LAP-3"].map(hold_op).into();
    drive(&mut app, Action::Undone(ops));
    let said = app
        .notice
        .as_ref()
        .map(|n| n.text.clone())
        .unwrap_or_default();
    assert!(said.contains("3 tunda"), "{said}");
    let fx = cmd(&mut app, Command::Redo);
    let [Effect::Queue { requests, .. }] = fx.as_slice() else {
        panic!("{fx:?}")
    };
    let ids: Vec<&str> = requests.iter().map(|r| r.complaint_id.as_str()).collect();
    assert_eq!(ids, ["LAP-1", "LAP-2", "LAP-3"]);
    drive(
        &mut app,
        Action::Queued {
            count: 3,
            what: crate::app::QueueKind::Holds,
        },
    );
    assert!(cmd(&mut app, Command::Redo).is_empty(), "redone once");

    // A new action in between ends what can be redone.
    drive(&mut app, Action::Undone(vec![hold_op("LAP-1")]));
    drive(
        &mut app,
        Action::Queued {
            count: 1,
            what: crate::app::QueueKind::Responses,
        },
    );
    assert!(cmd(&mut app, Command::Redo).is_empty());
    let said = app
        .notice
        .as_ref()
        .map(|n| n.text.clone())
        .unwrap_or_default();
    assert!(said.contains("Tidak ada yang bisa diulangi"), "{said}");
}

/// Defect: the reasons are drawn in a row with ◂ ▸, but only ↑/↓ moved the choice.
#[test]
fn the_reason_follows_left_and_right_as_drawn() {
    let mut app = app();
    cmd(&mut app, Command::Transfer);
    cmd(&mut app, Command::NextPane); // the reason
    let reason = |app: &App| app.panes.find::<TransferPane>().map(|f| f.reason);
    assert_eq!(reason(&app), Some(0));
    cmd(&mut app, Command::NextChoice);
    assert_eq!(reason(&app), Some(1));
    cmd(&mut app, Command::PrevChoice);
    cmd(&mut app, Command::PrevChoice);
    assert_eq!(reason(&app), Some(3), "wraps around");
    // On the inbox the same keys step through the views.
    cmd(&mut app, Command::Clear);
    cmd(&mut app, Command::NextChoice);
    assert_eq!(app.inbox.view, View::DueSoon);
}

/// The palette finds any command by what it does and runs it where the officer was.
#[test]
fn the_palette_finds_and_runs_a_command() {
    let mut app = app();
    cmd(&mut app, Command::Palette);
    typed(&mut app, "tunda");
    cmd(&mut app, Command::Open);
    assert!(
        app.panes.top().is_some_and(|p| matches!(p, Pane::Hold(_))),
        "the hold pane opened on the current row"
    );
    // Esc leaves it without running anything.
    cmd(&mut app, Command::Clear);
    cmd(&mut app, Command::Palette);
    cmd(&mut app, Command::Clear);
    assert_eq!(focus(&app), Focus::Inbox);
}

/// The directory opens searchable from the inbox.
#[test]
fn the_directory_is_searchable_in_the_desk() {
    let mut app = app();
    let fx = cmd(&mut app, Command::Directory);
    assert_eq!(fx, vec![Effect::LoadAgencies]);
    update(&mut app, Action::AgenciesLoaded(agencies()));
    typed(&mut app, "provinsi");
    let pane = app
        .panes
        .find::<crate::app::panes::directory::DirectoryPane>()
        .expect("the directory");
    let found = crate::domain::agency::search(&app.agencies, &pane.query, false);
    assert_eq!(app.agencies[found[0]].code.as_str(), "35-DPUBM");
}

/// `J`/`K` in the detail show the next and previous complaint of the list.
#[test]
fn j_and_k_step_through_complaints_in_the_detail() {
    let mut app = app();
    cmd(&mut app, Command::View8);
    update(
        &mut app,
        Action::DetailLoaded(Box::new(detail_of("LAP-1")), no_clocks()),
    );
    assert_eq!(
        cmd(&mut app, Command::NextComplaint),
        vec![Effect::LoadDetail(ComplaintId::from("LAP-2"))]
    );
    assert_eq!(app.current().map(|r| r.id.as_str()), Some("LAP-2"));
    assert_eq!(
        cmd(&mut app, Command::PrevComplaint),
        vec![Effect::LoadDetail(ComplaintId::from("LAP-1"))]
    );
    assert!(
        cmd(&mut app, Command::PrevComplaint).is_empty(),
        "the first one"
    );
}

/// `n`/`N` step through the filter's matches, and bring back a cleared filter.
#[test]
fn n_steps_through_matches_and_brings_back_the_filter() {
    let mut app = app();
    cmd(&mut app, Command::View8);
    cmd(&mut app, Command::Filter);
    typed(&mut app, "jalan");
    cmd(&mut app, Command::Open);
    let total = app.inbox.total;
    assert!(total >= 2);
    cmd(&mut app, Command::NextMatch);
    assert_eq!(app.inbox.cursor, 1);
    cmd(&mut app, Command::PrevMatch);
    cmd(&mut app, Command::PrevMatch);
    assert_eq!(app.inbox.cursor, total - 1, "wraps around");
    cmd(&mut app, Command::Clear);
    assert!(app.inbox.found.is_none());
    cmd(&mut app, Command::NextMatch);
    assert_eq!(app.inbox.filter.query, "jalan");
    assert_eq!(app.inbox.total, total, "the filter is back");
}

/// A monev computation whose worker stopped does not leave the pane on "computing".
#[test]
fn a_failed_monev_worker_is_shown_in_the_pane() {
    use crate::app::panes::monev::MonevPane;
    let mut app = app();
    app.panes
        .push(MonevPane::new("2026-11-20".parse().expect("date")));
    update(&mut app, Action::Failed("proses latar berhenti".into()));
    let pane = app.panes.find::<MonevPane>().expect("the pane");
    assert_eq!(pane.problem.as_deref(), Some("proses latar berhenti"));
    assert!(pane.progress.is_none());
}

/// A monev pane opened again does not take the answer meant for the one before it.
#[test]
fn a_reopened_monev_pane_asks_with_a_new_number() {
    let number = |fx: &[Effect]| match fx {
        [Effect::Monev(crate::app::panes::monev::MonevRequest::Figures { generation, .. })] => {
            *generation
        }
        other => panic!("{other:?}"),
    };
    let mut app = app();
    let first = number(&cmd(&mut app, Command::Monev));
    cmd(&mut app, Command::Close);
    let second = number(&cmd(&mut app, Command::Monev));
    assert_ne!(first, second);
}
