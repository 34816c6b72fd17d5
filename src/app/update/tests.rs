//! `update` driven directly: state in, action, state and effects out. The store's side
//! of the inbox (counts, windows, the filter, marking a view) is answered by a small
//! in-memory stand-in, so these tests need no cache.

use super::update;
use crate::app::inbox::{From, InboxRow, ListRef, Loaded, Urgency, View};
use crate::app::panes::Pane;
use crate::app::panes::confirm::{ConfirmPane, OnYes};
use crate::app::panes::detail::DetailPane;
use crate::app::panes::help::HelpPane;
use crate::app::panes::respond::RespondPane;
use crate::app::panes::transfer::TransferPane;
use crate::app::session::Session;
use crate::app::{Action, App, BatchFile, Command, Effect, FillData, Keymap};
use crate::domain::{
    Agency, AgencyCode, AgencyLevel, ClockState, Complaint, ComplaintId, OpKind, Stage, Status,
    needs_action,
};
use crate::i18n::Lang;
use crate::store::{DeskStatus, OutboundSummary, ViewQuery};
use fuzzy_matcher::FuzzyMatcher;
use ratatui_textarea::{Input, Key};
use std::cell::RefCell;
use std::collections::{BTreeMap, VecDeque};
use std::sync::Arc;

thread_local! {
    /// The complaints the stand-in store holds, in inbox order.
    static ROWS: RefCell<Vec<InboxRow>> = const { RefCell::new(Vec::new()) };
}

fn row(id: &str, title: &str, status: Status, urgency: Urgency) -> InboxRow {
    InboxRow {
        id: ComplaintId::from(id),
        title: title.into(),
        status,
        category: "Infrastruktur".into(),
        location: "Kalianget".into(),
        agency: AgencyCode::from("3529-DINSOS"),
        in_scope: true,
        anonymous: false,
        confidential: false,
        revision: 1,
        sla: Some(ClockState::Late(2)),
        urgency,
        pending: 0,
        conflict: false,
        rejected: false,
        transfer_proposed: false,
        first_response_met: false,
        sort_key: String::new(),
        rowid: 0,
    }
}

fn status() -> DeskStatus {
    DeskStatus {
        agencies: vec!["3529-DINSOS".into()],
        complaints: Default::default(),
        overdue: 0,
        pending_operations: 3,
        exported_operations: 0,
        rejected_operations: 0,
        conflicts: 0,
        inbound: Vec::new(),
        outbound: OutboundSummary::default(),
        last_import: None,
        last_export: None,
    }
}

/// Replaces the stand-in store's rows (their order is the inbox order).
fn set_rows(mut rows: Vec<InboxRow>) {
    for (i, r) in rows.iter_mut().enumerate() {
        r.sort_key = format!("0{i:03}|{}", r.id);
        r.rowid = i as i64 + 1;
    }
    ROWS.with(|cell| *cell.borrow_mut() = rows);
}

/// The saved views' rules, as the store's SQL states them, for the stand-in.
fn in_view(r: &InboxRow, view: View) -> bool {
    let open = r.in_scope && !r.status.is_closed();
    match view {
        View::NeedsAction => needs_action(
            r.in_scope,
            &r.status,
            r.first_response_met,
            r.transfer_proposed,
        ),
        View::DueSoon => open && r.urgency == Urgency::Soon,
        View::Late => r.in_scope && r.urgency == Urgency::Late,
        View::InProgress => r.status == Status::Diproses,
        View::Done => r.status == Status::Selesai,
        View::Transferred => !r.in_scope || r.transfer_proposed,
        View::Outbox => r.pending > 0 || r.conflict || r.rejected,
        View::All => true,
    }
}

fn view_of(app: &App, q: &ViewQuery) -> View {
    View::ALL
        .iter()
        .copied()
        .find(|v| app.view_query(*v) == *q)
        .unwrap_or(View::All)
}

fn list_rows(app: &App, list: &ListRef) -> Vec<InboxRow> {
    ROWS.with(|cell| {
        let rows = cell.borrow();
        match list {
            ListRef::View(q) => {
                let v = view_of(app, q);
                rows.iter().filter(|r| in_view(r, v)).cloned().collect()
            }
            ListRef::Rows(ids) => ids
                .iter()
                .filter_map(|id| rows.iter().find(|r| r.rowid == *id).cloned())
                .collect(),
        }
    })
}

/// The stand-in store: answers the inbox's effects; `None` for every other effect.
fn answer(app: &App, e: &Effect) -> Option<Vec<Action>> {
    Some(match e {
        Effect::Reload => {
            let n = |v: View| list_rows(app, &ListRef::View(app.view_query(v))).len();
            let counts = crate::store::ViewCounts {
                needs_action: n(View::NeedsAction),
                due_soon: n(View::DueSoon),
                late: n(View::Late),
                in_progress: n(View::InProgress),
                done: n(View::Done),
                transferred: n(View::Transferred),
                outbox: n(View::Outbox),
                all: n(View::All),
            };
            vec![Action::Loaded(Box::new(Loaded {
                counts,
                status: Some(status()),
                oldest_pending: None,
                drafts: app.loaded.drafts,
            }))]
        }
        Effect::LoadWindow {
            list,
            from,
            place,
            limit,
            generation,
        } => {
            let all = list_rows(app, list);
            let rows: Vec<InboxRow> = match from {
                From::Start => all.into_iter().take(*limit).collect(),
                From::End => {
                    let skip = all.len().saturating_sub(*limit);
                    all.into_iter().skip(skip).collect()
                }
                From::After(k) => all
                    .into_iter()
                    .filter(|r| r.sort_key > *k)
                    .take(*limit)
                    .collect(),
                From::AtOrAfter(k) => all
                    .into_iter()
                    .filter(|r| r.sort_key >= *k)
                    .take(*limit)
                    .collect(),
                From::Before(k) => {
                    let before: Vec<InboxRow> =
                        all.into_iter().filter(|r| r.sort_key < *k).collect();
                    let skip = before.len().saturating_sub(*limit);
                    before.into_iter().skip(skip).collect()
                }
                From::Offset(n) => match list {
                    ListRef::Rows(ids) => list_rows(
                        app,
                        &ListRef::Rows(Arc::new(
                            ids.iter().skip(*n).take(*limit).copied().collect(),
                        )),
                    ),
                    ListRef::View(_) => all.into_iter().skip(*n).take(*limit).collect(),
                },
            };
            vec![Action::WindowLoaded {
                generation: *generation,
                place: *place,
                rows,
            }]
        }
        Effect::Filter {
            view,
            query,
            generation,
        } => match query {
            None => Vec::new(),
            Some(q) => {
                let matcher = crate::runtime::search::matcher();
                let mut scored: Vec<(i64, usize, i64)> =
                    list_rows(app, &ListRef::View(view.clone()))
                        .iter()
                        .enumerate()
                        .filter_map(|(i, r)| {
                            let hay = format!("{} {} {} {}", r.id, r.title, r.category, r.location)
                                .to_lowercase();
                            matcher.fuzzy_match(&hay, q).map(|s| (s, i, r.rowid))
                        })
                        .collect();
                scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
                vec![Action::Filtered {
                    generation: *generation,
                    rows: Arc::new(scored.into_iter().map(|(_, _, id)| id).collect()),
                }]
            }
        },
        Effect::MarkAll(list) => vec![Action::Marked(
            list_rows(app, list).into_iter().map(|r| r.id).collect(),
        )],
        Effect::MarkRange { view, from, to } => {
            let (lo, hi) = if from <= to { (from, to) } else { (to, from) };
            vec![Action::Marked(
                list_rows(app, &ListRef::View(view.clone()))
                    .into_iter()
                    .filter(|r| r.sort_key >= *lo && r.sort_key <= *hi)
                    .map(|r| r.id)
                    .collect(),
            )]
        }
        _ => return None,
    })
}

/// Runs an action through `update`, answering the inbox's effects at once like the
/// runtime does; returns the other effects.
fn drive(app: &mut App, a: Action) -> Vec<Effect> {
    let mut out = Vec::new();
    let mut queue = VecDeque::from([a]);
    while let Some(a) = queue.pop_front() {
        for e in update(app, a) {
            match answer(app, &e) {
                Some(actions) => queue.extend(actions),
                None => out.push(e),
            }
        }
    }
    out
}

fn app() -> App {
    let today: chrono::NaiveDate = "2026-11-20".parse().expect("date");
    let mut app = App::with_session(Session {
        lang: Lang::Id,
        today,
        now: today.and_time(chrono::NaiveTime::MIN).and_utc(),
        calendar: crate::domain::WorkCalendar::weekends_only(),
        tz: crate::config::wib(),
        scope: vec![AgencyCode::from("3529-DINSOS")],
        officer: "Ahmad Fauzi".into(),
        keymap: Keymap::defaults(),
        templates: BTreeMap::new(),
    });
    set_rows(vec![
        row(
            "LAP-1",
            "Jalan rusak di Kalianget",
            Status::Terdisposisi,
            Urgency::Late,
        ),
        row(
            "LAP-2",
            "Bantuan PKH tidak cair",
            Status::Terdisposisi,
            Urgency::Late,
        ),
        row(
            "LAP-3",
            "Jalan berlubang di Saronggi",
            Status::Terdisposisi,
            Urgency::Soon,
        ),
        InboxRow {
            first_response_met: true,
            ..row("LAP-4", "Lampu jalan mati", Status::Diproses, Urgency::Fine)
        },
        row("LAP-5", "KTP belum jadi", Status::Selesai, Urgency::None),
    ]);
    drive(&mut app, Action::Resize(80, 24));
    reload(&mut app);
    app
}

/// Which pane has the keyboard.
#[derive(Debug, PartialEq, Eq)]
enum Focus {
    Inbox,
    Detail,
    Form,
    Import,
    Help,
    Confirm,
}

fn focus(app: &App) -> Focus {
    match app.panes.top() {
        None => Focus::Inbox,
        Some(Pane::Detail(_)) => Focus::Detail,
        Some(Pane::Import(_)) => Focus::Import,
        Some(Pane::Help(_)) => Focus::Help,
        Some(Pane::Confirm(_)) => Focus::Confirm,
        Some(_) => Focus::Form,
    }
}

fn has_form(app: &App) -> bool {
    app.panes.iter().any(Pane::is_form)
}

/// What the runtime does on `Effect::Reload`.
fn reload(app: &mut App) {
    for a in answer(app, &Effect::Reload).unwrap_or_default() {
        let fx = drive(app, a);
        assert!(fx.is_empty(), "{fx:?}");
    }
}

fn cmd(app: &mut App, c: Command) -> Vec<Effect> {
    drive(app, Action::Command(c))
}

fn typed(app: &mut App, s: &str) {
    for c in s.chars() {
        drive(
            app,
            Action::Input(Input {
                key: Key::Char(c),
                ..Input::default()
            }),
        );
    }
}

fn agencies() -> Vec<Agency> {
    vec![
        Agency {
            code: AgencyCode::from("3529-DPUBM"),
            name: "Dinas Pekerjaan Umum Bina Marga".into(),
            parent: None,
            level: AgencyLevel::Opd,
            active: true,
        },
        Agency {
            code: AgencyCode::from("35-DPUBM"),
            name: "Dinas PU Bina Marga Provinsi Jawa Timur".into(),
            parent: None,
            level: AgencyLevel::Opd,
            active: true,
        },
    ]
}

fn complaint(id: &str) -> Complaint {
    serde_json::from_value(serde_json::json!({
        "id": id, "revision": 1, "title": "Jalan {rusak}", "body": "b",
        "classification": "pengaduan", "submitted_at": "2026-11-02T09:12:00+07:00",
        "reporter": {"name": "Siti", "phone": null, "email": null},
        "agency": "3529-DINSOS", "status": "terdisposisi"}))
    .expect("complaint")
}

#[test]
fn views_count_and_switch() {
    let mut app = app();
    assert_eq!(
        View::NeedsAction.count(&app.loaded.counts),
        3,
        "LAP-4 has its first response"
    );
    assert_eq!(View::Late.count(&app.loaded.counts), 2);
    assert_eq!(View::DueSoon.count(&app.loaded.counts), 1);
    assert_eq!(View::All.count(&app.loaded.counts), 5);
    assert_eq!(app.inbox.total, 3);
    cmd(&mut app, Command::View8);
    assert_eq!(app.inbox.view, View::All);
    assert_eq!(app.inbox.total, 5);
    cmd(&mut app, Command::NextView);
    assert_eq!(app.inbox.view, View::NeedsAction);
    cmd(&mut app, Command::PrevView);
    assert_eq!(app.inbox.view, View::All);
}

#[test]
fn cursor_moves_and_stays_in_bounds() {
    let mut app = app();
    cmd(&mut app, Command::View8);
    cmd(&mut app, Command::Up);
    assert_eq!(app.inbox.cursor, 0);
    cmd(&mut app, Command::Last);
    assert_eq!(app.inbox.cursor, 4);
    cmd(&mut app, Command::Down);
    assert_eq!(app.inbox.cursor, 4);
    cmd(&mut app, Command::First);
    cmd(&mut app, Command::PageDown);
    assert_eq!(app.inbox.cursor, 4);
    cmd(&mut app, Command::PageUp);
    assert_eq!(app.inbox.cursor, 0);
    update(&mut app, Action::Resize(80, 8));
    assert_eq!(app.inbox.page, 2);
    cmd(&mut app, Command::Last);
    assert_eq!(app.inbox.scroll, 3);
}

#[test]
fn fuzzy_filter_narrows_and_clears() {
    let mut app = app();
    cmd(&mut app, Command::View8);
    cmd(&mut app, Command::Filter);
    typed(&mut app, "jalan");
    assert_eq!(app.inbox.total, 4, "three titles and 'Lampu jalan'");
    typed(&mut app, " sar");
    assert_eq!(app.current().map(|r| r.id.as_str()), Some("LAP-3"));
    update(
        &mut app,
        Action::Input(Input {
            key: Key::Backspace,
            ..Input::default()
        }),
    );
    assert_eq!(app.inbox.filter.query, "jalan sa");
    cmd(&mut app, Command::Open); // Enter keeps the filter
    assert!(!app.inbox.filter.editing && app.inbox.filter.active());
    cmd(&mut app, Command::Clear);
    assert!(!app.inbox.filter.active());
    assert_eq!(app.inbox.total, 5);
}

#[test]
fn marks_single_range_all_and_clear() {
    let mut app = app();
    cmd(&mut app, Command::View8);
    cmd(&mut app, Command::Mark);
    assert_eq!(app.inbox.marks.len(), 1);
    assert_eq!(app.inbox.cursor, 1);
    cmd(&mut app, Command::Up);
    cmd(&mut app, Command::Mark); // unmark
    assert!(app.inbox.marks.is_empty());
    cmd(&mut app, Command::First);
    cmd(&mut app, Command::MarkRange);
    cmd(&mut app, Command::Down);
    cmd(&mut app, Command::Down);
    cmd(&mut app, Command::MarkRange);
    assert_eq!(app.inbox.marks.len(), 3);
    cmd(&mut app, Command::Clear);
    assert!(app.inbox.marks.is_empty());
    cmd(&mut app, Command::MarkAll);
    assert_eq!(app.inbox.marks.len(), 5);
    assert_eq!(app.targets(None).len(), 5);
}

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
    assert!(app.notice.as_ref().is_some_and(|n| n.error));
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
    assert!(app.notice.as_ref().is_some_and(|n| n.error));
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

/// Noon of the tests' day (05:00 UTC).
fn noon() -> chrono::DateTime<chrono::Utc> {
    "2026-11-20T05:00:00Z".parse().expect("instant")
}

/// The runtime's tick at [`noon`].
fn tick() -> Action {
    Action::Tick { now: noon() }
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
            .is_some_and(|n| n.error && n.text.contains("TIDAK"))
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
    assert!(app.notice.as_ref().is_some_and(|n| n.error));
    cmd(&mut app, Command::Down);
    assert_ne!(text(&app), "Teks saya sendiri", "second press replaces");
    // Moving between templates replaces freely while the text is untouched.
    let before = text(&app);
    cmd(&mut app, Command::Down);
    assert_ne!(text(&app), before);
}

fn no_clocks() -> crate::domain::Clocks {
    crate::domain::Clocks {
        first_response: None,
        completion: None,
        auto_close: None,
    }
}

fn detail_of(id: &str) -> crate::store::ComplaintDetail {
    let c = complaint(id);
    crate::store::ComplaintDetail {
        row: crate::store::ComplaintRow {
            id: c.id.clone(),
            revision: 1,
            title: c.title.clone(),
            status: Status::Terdisposisi,
            agency: c.agency.clone(),
            in_scope: true,
            category: None,
            location: None,
            classification: c.classification.clone(),
            supervisory: false,
            anonymous: false,
            confidential: false,
            disposed_at: None,
            snapshot_at: None,
            first_response_due: None,
            completion_due: None,
            urgency_due: None,
            pending_operations: 0,
            first_response_at: None,
            final_response_at: None,
            latest_response_at: None,
            latest_reply_at: None,
            rowid: 1,
            transfer_proposed: false,
            sort_key: format!("0|{id}"),
        },
        complaint: c,
        messages: Vec::new(),
        operations: Vec::new(),
    }
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
fn hidden_marks_are_named_before_acting() {
    let mut app = app();
    cmd(&mut app, Command::Mark); // LAP-1, in view 1
    cmd(&mut app, Command::View5); // Selesai: LAP-1 is not shown
    cmd(&mut app, Command::Hold);
    typed(&mut app, "foto");
    let fx = cmd(&mut app, Command::Open);
    assert!(
        fx.is_empty(),
        "asks even for one complaint when it is not in sight"
    );
    let q = app
        .panes
        .find::<ConfirmPane>()
        .map(|c| c.question.clone())
        .unwrap_or_default();
    assert!(q.contains("1 di antaranya tidak tampak"), "{q}");
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
fn out_of_scope_rows_are_read_only() {
    let mut app = app();
    ROWS.with(|cell| cell.borrow_mut()[0].in_scope = false);
    reload(&mut app);
    cmd(&mut app, Command::View8);
    assert_eq!(app.current().map(|r| r.id.as_str()), Some("LAP-1"));
    for c in [Command::Respond, Command::Transfer, Command::Hold] {
        assert!(cmd(&mut app, c).is_empty());
        assert!(!has_form(&app));
        assert!(app.notice.as_ref().is_some_and(|n| n.error));
    }
    assert_eq!(View::Transferred.count(&app.loaded.counts), 1);
}

#[test]
fn undo_conflicts_import_export_and_help() {
    let mut app = app();
    assert_eq!(cmd(&mut app, Command::Undo), vec![Effect::Undo]);
    assert_eq!(update(&mut app, Action::Undone(None)), vec![Effect::Reload]);

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
    assert!(app.notice.as_ref().is_some_and(|n| n.error));
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

#[test]
fn quitting_asks_when_drafts_exist() {
    let mut desk = app();
    let app = &mut desk;
    app.loaded.drafts = 2;
    cmd(app, Command::Close);
    assert!(!app.quit);
    assert_eq!(
        app.panes.find::<ConfirmPane>().map(|c| &c.on_yes),
        Some(&OnYes::Quit)
    );
    cmd(app, Command::Clear);
    assert!(!app.quit && app.panes.find::<ConfirmPane>().is_none());
    cmd(app, Command::Close);
    cmd(app, Command::Open);
    assert!(app.quit);
    let mut app2 = self::app();
    cmd(&mut app2, Command::Close);
    assert!(app2.quit, "no drafts: q quits at once");
    let mut app3 = self::app();
    cmd(&mut app3, Command::Transfer);
    cmd(&mut app3, Command::Quit);
    assert!(app3.quit, "Ctrl-c quits from anywhere");
}

#[test]
fn failures_stay_until_dismissed() {
    let mut app = app();
    update(&mut app, Action::Failed("cache terkunci".into()));
    cmd(&mut app, Command::Down);
    assert!(
        app.notice
            .as_ref()
            .is_some_and(|n| n.error && n.text == "cache terkunci")
    );
    cmd(&mut app, Command::Clear);
    assert!(app.notice.is_none());
}
