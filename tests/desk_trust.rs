//! The desk's trust fixes driven as the runtime drives them, on a real cache: a
//! rejected operation is read, then discarded or redone; a transfer to the
//! complaint's own agency is refused naming it.

mod common;
mod harness;

use common::*;
use harness::{Effects, Harness};
use serde_json::json;
use sigap::app::panes::detail::DetailPane;
use sigap::app::panes::respond::RespondPane;
use sigap::app::{Command, View};
use sigap::domain::{ComplaintId, OpKind, Stage};
use sigap::sync::{ExportOutcome, OpRequest};

const ID: &str = "LAP-2026-0000001";

/// A desk on the fixture whose response on `ID` the registry rejected.
fn desk_with_a_rejected_response() -> Harness {
    let mut d = Desk::new();
    sigap::sync::import_file(&mut d.store, &d.cfg, &fixture_path()).expect("fixture");
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-19T09:00:00+07:00").expect("now");
    let req = OpRequest {
        complaint_id: ComplaintId::from(ID),
        kind: OpKind::Response {
            stage: Stage::Initial,
            text: "Laporan kami terima".into(),
        },
        placeholders_checked: false,
    };
    let op = sigap::sync::queue_operations(&mut d.store, &d.cfg, &[req], now).expect("queue");
    let out = d.dir.path().join("keluar");
    let ExportOutcome::Written(paths) =
        sigap::sync::export_pending(&mut d.store, &d.cfg, Some(&out), false, now).expect("export")
    else {
        panic!("nothing exported")
    };
    let text = std::fs::read_to_string(&paths[0]).expect("batch");
    let header: serde_json::Value =
        serde_json::from_str(text.lines().next().expect("header")).expect("json");
    let batch_id = header["batch_id"].as_str().expect("batch id").to_owned();
    let head = Head::new(SCOPE, 2, "ack-1", "2026-11-20T07:00:00+07:00");
    let records = [ack(
        &batch_id,
        json!([{"op_id": op[0].as_str(), "outcome": "rejected", "reason": "Teks terlalu singkat"}]),
    )];
    sigap::sync::import_bytes(&mut d.store, &d.cfg, "ack.jsonl", batch(&head, &records))
        .expect("ack");
    Harness::new(d, 120, 36, Effects::All)
}

fn rejected(h: &Harness) -> u64 {
    h.app
        .loaded
        .status
        .as_ref()
        .map_or(0, |s| s.rejected_operations)
}

/// Defect: a rejected operation stayed in the outbox and the status bar forever, and
/// `X` settled nothing. The officer reads the registry's reason and discards it.
#[test]
fn a_rejected_operation_is_read_then_discarded() {
    let mut h = desk_with_a_rejected_response();
    assert_eq!(rejected(&h), 1);
    assert_eq!(View::Outbox.count(&h.app.loaded.counts), 1);
    h.cmd(Command::View7);
    h.goto(ID);
    h.cmd(Command::Open);
    let detail = h.app.panes.find::<DetailPane>().expect("the detail");
    assert!(detail.rejected().is_some());
    let reason = detail
        .rejected()
        .and_then(|o| o.reason.clone())
        .unwrap_or_default();
    assert_eq!(
        reason, "Teks terlalu singkat",
        "the registry's reason is there"
    );
    h.cmd(Command::DiscardConflicts);
    h.cmd(Command::Open); // yes
    let said = h
        .app
        .notice
        .as_ref()
        .map(|n| n.text.clone())
        .unwrap_or_default();
    assert!(said.contains("1 operasi diselesaikan"), "{said}");
    assert_eq!(rejected(&h), 0);
    assert_eq!(View::Outbox.count(&h.app.loaded.counts), 0);
}

/// A rejected response is redone: its text opens in the response pane to edit and
/// resend, and sending it retires the rejected one.
#[test]
fn a_rejected_response_is_edited_and_sent_again() {
    let mut h = desk_with_a_rejected_response();
    h.cmd(Command::View7);
    h.goto(ID);
    h.cmd(Command::Open);
    h.cmd(Command::ConfirmConflicts);
    let pane = h
        .app
        .panes
        .find::<RespondPane>()
        .expect("the response pane");
    assert_eq!(pane.targets, vec![ComplaintId::from(ID)]);
    assert_eq!(pane.text.lines().join("\n"), "Laporan kami terima");
    h.typed(", terima kasih.");
    h.cmd(Command::Submit);
    assert_eq!(rejected(&h), 0, "the rejected one is retired");
    let pending = h
        .app
        .loaded
        .status
        .as_ref()
        .map_or(0, |s| s.pending_operations);
    assert_eq!(pending, 1, "the new one is queued");
}

/// Defect: a transfer to the complaint's own current agency was queued. It is refused,
/// naming the agency, and nothing is queued.
#[test]
fn a_transfer_to_the_current_agency_is_refused() {
    let mut d = Desk::new();
    sigap::sync::import_file(&mut d.store, &d.cfg, &fixture_path()).expect("fixture");
    let mut h = Harness::new(d, 120, 36, Effects::All);
    h.cmd(Command::View8);
    h.goto(ID);
    h.cmd(Command::Transfer);
    h.typed(SCOPE);
    h.cmd(Command::NextPane);
    h.cmd(Command::NextPane);
    h.typed("Salah alamat");
    h.cmd(Command::Submit);
    let said = h
        .app
        .notice
        .as_ref()
        .map(|n| n.text.clone())
        .unwrap_or_default();
    assert!(
        h.app.notice.as_ref().is_some_and(|n| n.is_error()) && said.contains(SCOPE),
        "{said}"
    );
    let pending = h
        .app
        .loaded
        .status
        .as_ref()
        .map_or(0, |s| s.pending_operations);
    assert_eq!(pending, 0);
}
