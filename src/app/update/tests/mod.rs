//! `update` driven directly: state in, action, state and effects out. The store's side
//! of the inbox (counts, windows, the filter, marking a view) is answered by a small
//! in-memory stand-in, so these tests need no cache. This module holds the stand-in
//! and the helpers; the inbox's tests and the panes' tests are its two children.

mod inbox;
mod panes;

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
        sla_clock: crate::app::SlaClock::FirstResponse,
        urgency,
        pending: 0,
        conflict: false,
        rejected: false,
        transfer_proposed: false,
        misrouted: false,
        first_response_met: false,
        queued: Vec::new(),
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
        View::Misrouted => r.misrouted && !r.transfer_proposed,
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
                misrouted: n(View::Misrouted),
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

/// Noon of the tests' day (05:00 UTC).
fn noon() -> chrono::DateTime<chrono::Utc> {
    "2026-11-20T05:00:00Z".parse().expect("instant")
}

/// The runtime's tick at [`noon`].
fn tick() -> Action {
    Action::Tick { now: noon() }
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
            misrouted_to: None,
        },
        complaint: c,
        messages: Vec::new(),
        operations: Vec::new(),
        duplicates: Vec::new(),
    }
}
