//! Importing inbound batch files from disk (`spec/batch-format.md`): every rejection the
//! contract implies leaves the cache byte for byte unchanged and names the file (and the
//! line where one can be named); the accepted cases (gzip, gaps, anonymity, revisions,
//! acks, signatures) do what the contract says; and the import order does not matter.

mod common;

use common::*;
use serde_json::{Value, json};
use sigap::domain::{ComplaintId, OpKind, OpState, Stage};
use sigap::sync::{
    ImportOutcome, ImportReport, OpRequest, export_pending, import_file, queue_operations,
};
use std::path::{Path, PathBuf};

const C1: &str = "LAP-2026-0100001";
const C2: &str = "LAP-2026-0100002";
const C3: &str = "LAP-2026-0100003";

fn head(sequence: u64, batch_id: &str) -> Head {
    Head::new(SCOPE, sequence, batch_id, "2026-11-18T08:00:00+07:00")
}

/// Four valid records: an agency, two complaints and a message (lines 2 to 5; the
/// trailer is line 6).
fn records() -> Vec<Value> {
    vec![
        agency("3529-DPUBM", "Dinas Pekerjaan Umum Bina Marga"),
        complaint(C1, 1, "Jalan desa rusak parah", SCOPE),
        complaint(C2, 1, "Bantuan PKH tidak cair", SCOPE),
        message(
            "MSG-1",
            C1,
            "2026-11-05T13:00:00+07:00",
            "reporter",
            "Sudah seminggu.",
        ),
    ]
}

/// A desk that already holds the sample batch, so "unchanged" is checked against a
/// cache with content rather than an empty one.
fn desk_with_fixture() -> Desk {
    let mut desk = Desk::new();
    let r = import_file(&mut desk.store, &desk.cfg, &fixture_path()).expect("fixture imports");
    assert_eq!(r.outcome, Some(ImportOutcome::Applied));
    desk
}

fn import(desk: &mut Desk, path: &Path) -> ImportReport {
    import_file(&mut desk.store, &desk.cfg, path)
        .unwrap_or_else(|e| panic!("{} should import: {e}", path.display()))
}

/// Imports `path`, expects a rejection naming the file (and `line` when given) whose
/// reason contains `needle`, and checks that the cache did not change at all.
fn assert_rejected(desk: &mut Desk, path: &Path, line: Option<u64>, needle: &str) -> String {
    let before = desk.digest();
    let err = import_file(&mut desk.store, &desk.cfg, path)
        .expect_err(&format!("{} must be rejected", path.display()));
    let msg = err.to_string();
    assert!(
        msg.contains(&path.display().to_string()),
        "the error must name the file: {msg}"
    );
    if let Some(n) = line {
        assert_eq!(err.line, Some(n), "wrong line in: {msg}");
        assert!(
            msg.contains(&format!("line {n}")),
            "the error must name line {n}: {msg}"
        );
    }
    assert!(
        msg.to_lowercase().contains(&needle.to_lowercase()),
        "the error should say \"{needle}\": {msg}"
    );
    assert_eq!(
        desk.digest(),
        before,
        "a rejected file changed the cache: {msg}"
    );
    msg
}

/// The byte offset where (1-based) line `n` starts.
fn line_start(bytes: &[u8], n: usize) -> usize {
    if n == 1 {
        return 0;
    }
    bytes
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'\n')
        .nth(n - 2)
        .map(|(i, _)| i + 1)
        .expect("the line exists")
}

fn count_lines(bytes: &[u8]) -> usize {
    bytes.iter().filter(|b| **b == b'\n').count()
}

// ---------------------------------------------------------------------------------------
// Rejections
// ---------------------------------------------------------------------------------------

#[test]
fn rejects_truncated_file_without_trailer() {
    let mut desk = desk_with_fixture();
    let full = batch(&head(2, "B-trunc"), &records());
    // Cut exactly after the last record line: every line is whole, the trailer is gone.
    let cut = &full[..line_start(&full, 6)];
    let path = write_file(&desk.files, "no-trailer.jsonl", cut);
    assert_rejected(&mut desk, &path, None, "truncated");
    // The same with the sample batch (77 records that would otherwise apply).
    let fixture = std::fs::read(fixture_path()).expect("fixture");
    let n = count_lines(&fixture);
    let path = write_file(
        &desk.files,
        "fixture-no-trailer.jsonl",
        &fixture[..line_start(&fixture, n)],
    );
    let mut fresh = Desk::new();
    assert_rejected(&mut fresh, &path, None, "truncated");
    assert_eq!(
        fresh
            .store
            .status(&fresh.cfg.agency, Desk::today())
            .expect("status")
            .complaints
            .total,
        0
    );
}

#[test]
fn rejects_file_cut_mid_line() {
    let mut desk = Desk::new();
    let fixture = std::fs::read(fixture_path()).expect("fixture");
    // Cut in the middle of line 40, a record.
    let start = line_start(&fixture, 40);
    let end = line_start(&fixture, 41);
    let path = write_file(
        &desk.files,
        "cut-40.jsonl",
        &fixture[..start + (end - start) / 2],
    );
    assert_rejected(&mut desk, &path, Some(40), "line 40");
    // Cut in the middle of the trailer line.
    let n = count_lines(&fixture);
    let start = line_start(&fixture, n);
    let path = write_file(&desk.files, "cut-trailer.jsonl", &fixture[..start + 20]);
    assert_rejected(&mut desk, &path, Some(n as u64), "");
    assert_eq!(desk.complaints_total(), 0);
}

#[test]
fn rejects_tampered_record() {
    let mut desk = desk_with_fixture();
    let good = batch(&head(2, "B-tamper"), &records());
    let text = String::from_utf8(good).expect("utf-8");
    let bad = text.replacen("Jalan desa rusak parah", "Jalan desa rusak ringan", 1);
    assert_ne!(text, bad);
    let path = write_file(&desk.files, "tampered.jsonl", bad.as_bytes());
    assert_rejected(&mut desk, &path, Some(6), "sha-256");

    // The sample batch with one byte of a body changed (the JSON stays valid).
    let fixture =
        String::from_utf8(std::fs::read(fixture_path()).expect("fixture")).expect("utf-8");
    let bad = fixture.replacen("Lansia terlantar", "Lansia terlantaR", 1);
    let n = count_lines(bad.as_bytes()) as u64;
    let path = write_file(&desk.files, "fixture-tampered.jsonl", bad.as_bytes());
    let mut fresh = Desk::new();
    assert_rejected(&mut fresh, &path, Some(n), "sha-256");
}

#[test]
fn rejects_wrong_record_count() {
    let mut desk = desk_with_fixture();
    let recs = records();
    let body = body(&head(2, "B-count").value(), &recs);
    for claimed in [recs.len() + 1, recs.len() - 1, 0] {
        let mut file = body.clone();
        file.extend_from_slice(&line(&trailer(&body, claimed)));
        let path = write_file(&desk.files, &format!("count-{claimed}.jsonl"), &file);
        let msg = assert_rejected(&mut desk, &path, Some(6), "records");
        assert!(msg.contains(&claimed.to_string()), "{msg}");
    }
}

#[test]
fn rejects_agency_outside_scope() {
    let mut desk = desk_with_fixture();
    let h = Head::new("3529-DPUBM", 1, "B-scope", "2026-11-18T08:00:00+07:00");
    let path = write_batch(&desk.files, &h, &records());
    let msg = assert_rejected(&mut desk, &path, Some(1), "scope");
    assert!(msg.contains("3529-DPUBM"), "{msg}");
}

fn with_header(desk: &Desk, name: &str, edit: impl FnOnce(&mut Value)) -> PathBuf {
    let mut h = head(2, &format!("B-{name}")).value();
    edit(&mut h);
    let recs = records();
    write_file(
        &desk.files,
        &format!("{name}.jsonl"),
        &seal(body(&h, &recs), recs.len()),
    )
}

#[test]
fn rejects_unknown_version() {
    let mut desk = desk_with_fixture();
    let path = with_header(&desk, "v2", |h| h["version"] = json!(2));
    assert_rejected(&mut desk, &path, Some(1), "version");
    let path = with_header(&desk, "vstr", |h| h["version"] = json!("1"));
    assert_rejected(&mut desk, &path, Some(1), "version");
}

#[test]
fn rejects_unknown_format() {
    let mut desk = desk_with_fixture();
    let path = with_header(&desk, "fmt", |h| h["format"] = json!("lapor-export"));
    assert_rejected(&mut desk, &path, Some(1), "format");
    let path = with_header(&desk, "nofmt", |h| {
        h.as_object_mut().expect("object").remove("format");
    });
    assert_rejected(&mut desk, &path, Some(1), "format");
}

#[test]
fn rejects_outbound_direction() {
    let mut desk = desk_with_fixture();
    let path = with_header(&desk, "outbound", |h| h["direction"] = json!("outbound"));
    assert_rejected(&mut desk, &path, Some(1), "outbound");
}

#[test]
fn rejects_unknown_record_type() {
    let mut desk = desk_with_fixture();
    let mut recs = records();
    // After valid records that the transaction has already applied.
    recs.push(json!({"type": "survey", "id": "S-1", "score": 5}));
    let path = write_batch(&desk.files, &head(2, "B-type"), &recs);
    let msg = assert_rejected(&mut desk, &path, Some(6), "unknown record type");
    assert!(msg.contains("survey"), "{msg}");
}

#[test]
fn rejects_broken_json_line() {
    let mut desk = desk_with_fixture();
    let mut lines: Vec<Vec<u8>> = records().iter().map(line).collect();
    lines.insert(
        2,
        b"{\"type\":\"complaint\",\"id\":\"LAP-2026-0100009\",\"revision\":\n".to_vec(),
    );
    let body = body_from_lines(&head(2, "B-json").value(), &lines);
    let path = write_file(&desk.files, "broken.jsonl", &seal(body, lines.len()));
    assert_rejected(&mut desk, &path, Some(4), "json");
}

#[test]
fn rejects_invalid_utf8_in_a_record() {
    let mut desk = desk_with_fixture();
    let mut lines: Vec<Vec<u8>> = records().iter().map(line).collect();
    let mut bad = line(&complaint(C3, 1, "Jalan XX rusak", SCOPE));
    let at = bad.windows(2).position(|w| w == b"XX").expect("marker");
    bad[at] = 0xff;
    bad[at + 1] = 0xfe;
    lines.push(bad);
    let body = body_from_lines(&head(2, "B-utf8").value(), &lines);
    // The digest is right: only the encoding is wrong.
    let path = write_file(&desk.files, "latin1.jsonl", &seal(body, lines.len()));
    assert_rejected(&mut desk, &path, Some(6), "utf-8");
}

#[test]
fn rejects_equal_revision_with_different_content() {
    let mut desk = Desk::new();
    let p1 = write_batch(&desk.files, &head(1, "B-eq-1"), &records());
    import(&mut desk, &p1);
    let mut changed = complaint(C1, 1, "Jalan desa rusak parah sekali", SCOPE);
    changed["status"] = json!("diproses");
    let recs = vec![
        complaint(C3, 1, "Complaint that must not stay", SCOPE),
        message(
            "MSG-9",
            C1,
            "2026-11-06T09:00:00+07:00",
            "reporter",
            "Masih rusak.",
        ),
        changed,
    ];
    let p2 = write_batch(&desk.files, &head(2, "B-eq-2"), &recs);
    let msg = assert_rejected(&mut desk, &p2, Some(4), "revision");
    assert!(msg.contains(C1), "{msg}");
    let d = desk.store.complaint(C1).expect("query").expect("kept");
    assert_eq!(d.complaint.title, "Jalan desa rusak parah");
    assert!(desk.store.complaint(C3).expect("query").is_none());
}

#[test]
fn rejects_same_batch_id_with_other_content() {
    let mut desk = Desk::new();
    let p1 = write_batch(&desk.files, &head(1, "B-same"), &records());
    import(&mut desk, &p1);
    let mut recs = records();
    recs.push(complaint(C3, 1, "Another complaint", SCOPE));
    let other = batch(&head(1, "B-same"), &recs);
    let p2 = write_file(&desk.files, "same-id-other-content.jsonl", &other);
    let msg = assert_rejected(&mut desk, &p2, Some(1), "different content");
    assert!(msg.contains("B-same"), "{msg}");
    // Same batch_id under another sequence number: still other content.
    let other = batch(&head(5, "B-same"), &records());
    let p3 = write_file(&desk.files, "same-id-other-seq.jsonl", &other);
    assert_rejected(&mut desk, &p3, Some(1), "different content");
}

#[test]
fn rejects_another_batch_with_an_imported_sequence() {
    let mut desk = Desk::new();
    let p1 = write_batch(&desk.files, &head(1, "B-seq-a"), &records());
    import(&mut desk, &p1);
    let p2 = write_batch(
        &desk.files,
        &head(1, "B-seq-b"),
        &[complaint(C3, 1, "x", SCOPE)],
    );
    let msg = assert_rejected(&mut desk, &p2, Some(1), "sequence 1");
    assert!(msg.contains("B-seq-a"), "{msg}");
}

#[test]
fn rejects_data_after_the_trailer() {
    let mut desk = desk_with_fixture();
    let mut file = batch(&head(2, "B-after"), &records());
    file.extend_from_slice(&line(&complaint(
        C3,
        1,
        "Smuggled after the trailer",
        SCOPE,
    )));
    let path = write_file(&desk.files, "after-trailer.jsonl", &file);
    let msg = assert_rejected(&mut desk, &path, Some(7), "after the trailer");
    assert!(
        msg.contains("line 6"),
        "the reason names the trailer's line: {msg}"
    );
    // A second trailer is data after the trailer too.
    let mut file = batch(&head(2, "B-after2"), &records());
    let again = file[line_start(&file, 6)..].to_vec();
    file.extend_from_slice(&again);
    let path = write_file(&desk.files, "two-trailers.jsonl", &file);
    assert_rejected(&mut desk, &path, Some(7), "after the trailer");
}

#[test]
fn rejects_empty_file_and_missing_header() {
    let mut desk = desk_with_fixture();
    let path = write_file(&desk.files, "empty.jsonl", b"");
    assert_rejected(&mut desk, &path, None, "empty");
    let recs = records();
    let body: Vec<u8> = recs.iter().flat_map(line).collect();
    let path = write_file(&desk.files, "headless.jsonl", &seal(body, recs.len() - 1));
    assert_rejected(&mut desk, &path, Some(1), "header");
}

#[test]
fn accepts_gzip_compressed_batch() {
    let mut desk = Desk::new();
    let plain = std::fs::read(fixture_path()).expect("fixture");
    // The name says nothing about compression: the magic bytes do.
    let path = write_file(&desk.files, "batch-without-gz-suffix.jsonl", &gzip(&plain));
    let r = import(&mut desk, &path);
    assert_eq!(r.outcome, Some(ImportOutcome::Applied));
    assert_eq!(
        (r.records, r.complaints_new, r.messages_new, r.agencies),
        (77, 40, 18, 19)
    );
    // The plain file is the same batch with the same content.
    let before = desk.digest();
    let r = import(&mut desk, &fixture_path());
    assert_eq!(r.outcome, Some(ImportOutcome::AlreadyImported));
    assert_eq!(desk.digest(), before);
}

#[test]
fn rejects_truncated_gzip() {
    let mut desk = desk_with_fixture();
    let file = gzip(&batch(&head(2, "B-gz"), &records()));
    let path = write_file(&desk.files, "cut.jsonl.gz", &file[..file.len() / 2]);
    assert_rejected(&mut desk, &path, None, "");
    // Only the gzip footer missing: the content is whole but the stream is not.
    let path = write_file(&desk.files, "no-footer.jsonl.gz", &file[..file.len() - 8]);
    assert_rejected(&mut desk, &path, None, "");
}

#[test]
fn accepts_crlf_line_ends() {
    let mut desk = Desk::new();
    let recs = records();
    let mut lines: Vec<Vec<u8>> = Vec::new();
    for r in &recs {
        let mut l = serde_json::to_vec(r).expect("json");
        l.extend_from_slice(b"\r\n");
        lines.push(l);
    }
    let body = body_from_lines(&head(1, "B-crlf").value(), &lines);
    let path = write_file(&desk.files, "crlf.jsonl", &seal(body, lines.len()));
    let r = import(&mut desk, &path);
    assert_eq!(r.complaints_new, 2);
}

// ---------------------------------------------------------------------------------------
// Accepted files
// ---------------------------------------------------------------------------------------

#[test]
fn importing_the_same_file_twice_changes_nothing() {
    let mut desk = Desk::new();
    let r = import(&mut desk, &fixture_path());
    assert_eq!(r.outcome, Some(ImportOutcome::Applied));
    let after_first = desk.digest();
    let r = import(&mut desk, &fixture_path());
    assert_eq!(r.outcome, Some(ImportOutcome::AlreadyImported));
    assert_eq!(
        (r.complaints_new, r.complaints_updated, r.messages_new),
        (0, 0, 0)
    );
    assert_eq!(desk.digest(), after_first);
    // A copy under another name is the same batch.
    let copy = write_file(
        &desk.files,
        "copy.jsonl",
        &std::fs::read(fixture_path()).expect("read"),
    );
    let r = import(&mut desk, &copy);
    assert_eq!(r.outcome, Some(ImportOutcome::AlreadyImported));
    assert_eq!(desk.digest(), after_first);
}

#[test]
fn sequence_gaps_are_listed() {
    let mut desk = Desk::new();
    let missing = |desk: &mut Desk| {
        let s = desk
            .store
            .status(&desk.cfg.agency, Desk::today())
            .expect("status");
        assert_eq!(s.inbound.len(), 1);
        assert_eq!(s.inbound[0].agency, SCOPE);
        (s.inbound[0].last_sequence, s.inbound[0].missing.clone())
    };
    let p1 = write_batch(
        &desk.files,
        &head(1, "G-1"),
        &[complaint(C1, 1, "a", SCOPE)],
    );
    import(&mut desk, &p1);
    assert_eq!(missing(&mut desk), (1, vec![]));
    let p4 = write_batch(
        &desk.files,
        &head(4, "G-4"),
        &[complaint(C1, 2, "b", SCOPE)],
    );
    import(&mut desk, &p4);
    assert_eq!(missing(&mut desk), (4, vec![2, 3]));
    let p3 = write_batch(
        &desk.files,
        &head(3, "G-3"),
        &[complaint(C2, 1, "c", SCOPE)],
    );
    import(&mut desk, &p3);
    assert_eq!(missing(&mut desk), (4, vec![2]));
    let p2 = write_batch(&desk.files, &head(2, "G-2"), &[]);
    let r = import(&mut desk, &p2);
    assert_eq!(r.outcome, Some(ImportOutcome::Applied));
    assert_eq!(missing(&mut desk), (4, vec![]));
}

#[test]
fn anonymous_complaint_is_stored_without_identity() {
    let mut desk = Desk::new();
    let mut c = complaint(C1, 1, "Pungutan liar di kantor desa", SCOPE);
    c["anonymous"] = json!(true);
    c["reporter"] =
        json!({"name": "Siti Rahasia Aminah", "phone": "0812999888777", "email": "siti@contoh.id"});
    let path = write_batch(&desk.files, &head(1, "B-anon"), &[c.clone()]);
    let r = import(&mut desk, &path);
    assert_eq!(r.outcome, Some(ImportOutcome::Applied));
    assert_eq!(r.complaints_new, 1);
    assert!(
        r.warnings
            .iter()
            .any(|w| w.contains(C1) && w.contains("anonymous")),
        "{:?}",
        r.warnings
    );
    let d = desk.store.complaint(C1).expect("query").expect("stored");
    assert!(d.complaint.anonymous);
    assert!(d.complaint.reporter.is_none());
    for secret in ["Siti Rahasia Aminah", "0812999888777", "siti@contoh.id"] {
        assert!(
            !cache_contains(&desk.store, secret),
            "{secret} is in the cache"
        );
    }
    // The same snapshot again (identity still filled in) is not a conflict.
    let path = write_batch(&desk.files, &head(2, "B-anon-2"), &[c]);
    let r = import(&mut desk, &path);
    assert_eq!(r.complaints_unchanged, 1);
}

#[test]
fn lower_revision_is_unchanged_and_higher_replaces() {
    let mut desk = Desk::new();
    let p1 = write_batch(
        &desk.files,
        &head(1, "R-1"),
        &[complaint(C1, 2, "revision two", SCOPE)],
    );
    let r = import(&mut desk, &p1);
    assert_eq!(r.complaints_new, 1);
    let p2 = write_batch(
        &desk.files,
        &head(2, "R-2"),
        &[
            complaint(C1, 1, "revision one", SCOPE),
            complaint(C1, 2, "revision two", SCOPE),
        ],
    );
    let r = import(&mut desk, &p2);
    assert_eq!(r.outcome, Some(ImportOutcome::Applied));
    assert_eq!(
        (
            r.complaints_new,
            r.complaints_updated,
            r.complaints_unchanged
        ),
        (0, 0, 2)
    );
    let d = desk.store.complaint(C1).expect("query").expect("stored");
    assert_eq!(
        (d.row.revision, d.complaint.title.as_str()),
        (2, "revision two")
    );
    let p3 = write_batch(
        &desk.files,
        &head(3, "R-3"),
        &[complaint(C1, 3, "revision three", SCOPE)],
    );
    let r = import(&mut desk, &p3);
    assert_eq!(
        (
            r.complaints_new,
            r.complaints_updated,
            r.complaints_unchanged
        ),
        (0, 1, 0)
    );
    let d = desk.store.complaint(C1).expect("query").expect("stored");
    assert_eq!(
        (d.row.revision, d.complaint.title.as_str()),
        (3, "revision three")
    );
}

#[test]
fn acks_for_unknown_operations_are_warnings() {
    let mut desk = Desk::new();
    let p1 = write_batch(&desk.files, &head(1, "A-1"), &records());
    import(&mut desk, &p1);
    // One real operation, exported in an outbound batch.
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-19T10:00:00+07:00").expect("time");
    let ids = queue_operations(
        &mut desk.store,
        &desk.cfg,
        &[OpRequest {
            complaint_id: ComplaintId::from(C1),
            kind: OpKind::Response {
                stage: Stage::Initial,
                text: "Sedang kami tangani.".into(),
            },
            placeholders_checked: false,
        }],
        now,
    )
    .expect("queue");
    let out = desk.dir.path().join("keluar");
    export_pending(&mut desk.store, &desk.cfg, Some(&out), false, now).expect("export");
    let op = ids[0].as_str().to_owned();
    let real_batch = desk.store.operations_for(C1).expect("ops")[0]
        .batch_id
        .clone()
        .expect("exported")
        .0;
    let before = desk.digest();
    let recs = vec![
        ack(
            "no-such-batch",
            json!([{"op_id": "0193aaaa-0000-7000-8000-000000000000", "outcome": "accepted"}]),
        ),
        ack(
            &real_batch,
            json!([{"op_id": "0193bbbb-0000-7000-8000-000000000000", "outcome": "rejected", "reason": "x"}]),
        ),
        ack(
            "no-such-batch",
            json!([{"op_id": op, "outcome": "accepted"}]),
        ),
    ];
    let p2 = write_batch(&desk.files, &head(2, "A-2"), &recs);
    let r = import(&mut desk, &p2);
    assert_eq!(r.outcome, Some(ImportOutcome::Applied));
    assert_eq!(r.acks, 0);
    assert_eq!(r.warnings.len(), 3, "{:?}", r.warnings);
    assert!(
        r.warnings.iter().all(|w| w.contains("unknown")),
        "{:?}",
        r.warnings
    );
    assert_ne!(desk.digest(), before, "the batch itself is recorded");
    let ops = desk.store.operations_for(C1).expect("ops");
    assert_eq!(
        ops[0].state,
        OpState::Exported,
        "an ack for another batch must not touch it"
    );
}

// ---------------------------------------------------------------------------------------
// Signatures
// ---------------------------------------------------------------------------------------

fn signed_desk() -> Desk {
    let key = signing_key(7);
    Desk::with_config(&config_text(&format!(
        "\n[[trusted_keys]]\nid = \"k1\"\npublic_key = \"{}\"\n",
        public_key_b64(&key)
    )))
}

#[test]
fn correctly_signed_batch_imports() {
    let mut desk = signed_desk();
    let key = signing_key(7);
    let file = signed_batch(&head(1, "S-1"), &records(), &key, Some("k1"));
    let path = write_file(&desk.files, "signed.jsonl", &file);
    let r = import(&mut desk, &path);
    assert_eq!(r.outcome, Some(ImportOutcome::Applied));
    assert_eq!(r.complaints_new, 2);
    // Without a key_id the desk tries every trusted key.
    let file = signed_batch(&head(2, "S-2"), &[complaint(C3, 1, "x", SCOPE)], &key, None);
    let path = write_file(&desk.files, "signed-no-id.jsonl", &file);
    assert_eq!(
        import(&mut desk, &path).outcome,
        Some(ImportOutcome::Applied)
    );
}

#[test]
fn unsigned_batch_is_rejected_when_keys_are_trusted() {
    let mut desk = signed_desk();
    let path = write_batch(&desk.files, &head(1, "S-unsigned"), &records());
    assert_rejected(&mut desk, &path, Some(6), "not signed");
    assert_eq!(desk.complaints_total(), 0);
}

#[test]
fn wrongly_signed_batch_is_rejected() {
    let mut desk = signed_desk();
    // Signed by a key the desk does not trust, claiming the trusted key's id.
    let stranger = signing_key(9);
    let file = signed_batch(&head(1, "S-wrong"), &records(), &stranger, Some("k1"));
    let path = write_file(&desk.files, "wrong-key.jsonl", &file);
    assert_rejected(&mut desk, &path, Some(6), "signature");
    // The trusted key's signature over other content.
    let key = signing_key(7);
    let other = signed_batch(
        &head(1, "S-other"),
        &[complaint(C3, 1, "x", SCOPE)],
        &key,
        Some("k1"),
    );
    let sig_line = &other[line_start(&other, 3)..];
    let mut file = body(&head(1, "S-moved").value(), &records());
    let mut t: Value =
        serde_json::from_slice(sig_line.strip_suffix(b"\n").expect("nl")).expect("trailer");
    let own = trailer(&file, 4);
    t["sha256"] = own["sha256"].clone();
    t["records"] = json!(4);
    file.extend_from_slice(&line(&t));
    let path = write_file(&desk.files, "moved-signature.jsonl", &file);
    assert_rejected(&mut desk, &path, Some(6), "signature");
    // Not even base64.
    let mut file = body(&head(1, "S-garbage").value(), &records());
    let mut t = trailer(&file, 4);
    t["signature"] = json!("not base64 !!");
    t["key_id"] = json!("k1");
    file.extend_from_slice(&line(&t));
    let path = write_file(&desk.files, "garbage-signature.jsonl", &file);
    assert_rejected(&mut desk, &path, Some(6), "signature");
    assert_eq!(desk.complaints_total(), 0);
}

// ---------------------------------------------------------------------------------------
// Order independence
// ---------------------------------------------------------------------------------------

const DP: &str = "3529-DPUBM";
const PA: &str = "LAP-2026-0200001";
const PB: &str = "LAP-2026-0200002";
const PC: &str = "LAP-2026-0200003";
const PP: &str = "LAP-2026-0200004";

fn snap(id: &str, revision: u64, agency: &str) -> Value {
    let mut c = complaint(id, revision, &format!("{id} rev {revision}"), agency);
    c["status"] = json!(if revision >= 2 {
        "diproses"
    } else {
        "terdisposisi"
    });
    if revision == 3 {
        c["classification"] = json!("aspirasi");
    }
    c
}

/// Five batches over two inbound streams (3529-DINSOS 1-3, 3529-DPUBM 1-2), in sequence
/// order. They overlap: equal revisions in several batches, revisions arriving out of
/// order, a directory entry renamed, a message delivered twice, a message before its
/// complaint, and a complaint leaving the scope.
fn order_batches() -> Vec<(Head, Vec<Value>)> {
    let t = |d: u32| format!("2026-11-{d:02}T08:00:00+07:00");
    vec![
        (
            Head::new(SCOPE, 1, "O-D1", &t(10)),
            vec![
                agency(SCOPE, "Dinas Sosial"),
                agency(DP, "Dinas PU Bina Marga"),
                snap(PA, 1, SCOPE),
                snap(PB, 1, SCOPE),
                message(
                    "OM-1",
                    PA,
                    "2026-11-05T10:00:00+07:00",
                    "reporter",
                    "Tolong.",
                ),
            ],
        ),
        (
            Head::new(SCOPE, 2, "O-D2", &t(12)),
            vec![
                snap(PA, 2, SCOPE),
                message(
                    "OM-2",
                    PA,
                    "2026-11-06T10:00:00+07:00",
                    "agency",
                    "Kami cek.",
                ),
                snap(PC, 1, SCOPE),
                agency(DP, "Dinas Pekerjaan Umum Bina Marga"),
            ],
        ),
        (
            Head::new(SCOPE, 3, "O-D3", &t(14)),
            vec![
                snap(PA, 3, SCOPE),
                snap(PB, 2, "3529-DPUSDA"),
                message(
                    "OM-3",
                    PC,
                    "2026-11-07T10:00:00+07:00",
                    "admin",
                    "Mohon ditindaklanjuti.",
                ),
                message(
                    "OM-1",
                    PA,
                    "2026-11-05T10:00:00+07:00",
                    "reporter",
                    "Tolong.",
                ),
                snap(PP, 3, DP),
            ],
        ),
        (
            Head::new(DP, 1, "O-P1", &t(11)),
            vec![
                snap(PP, 1, DP),
                snap(PA, 2, SCOPE),
                message(
                    "OM-4",
                    PP,
                    "2026-11-08T10:00:00+07:00",
                    "reporter",
                    "Jalan berlubang.",
                ),
                message(
                    "OM-5",
                    PB,
                    "2026-11-09T10:00:00+07:00",
                    "agency",
                    "Bukan wewenang kami.",
                ),
            ],
        ),
        (
            Head::new(DP, 2, "O-P2", &t(13)),
            vec![
                snap(PP, 3, DP),
                agency(SCOPE, "Dinas Sosial"),
                message(
                    "OM-6",
                    PB,
                    "2026-11-10T10:00:00+07:00",
                    "reporter",
                    "Kapan?",
                ),
                snap(PA, 1, SCOPE),
            ],
        ),
    ]
}

fn coordinator_config() -> String {
    format!("agency = [\"{SCOPE}\", \"{DP}\"]\nofficer = \"{OFFICER}\"\n")
}

/// Imports the files in the given order into a fresh desk; every first import of a
/// batch applies and every repeat is already imported. Returns the stable digest.
fn import_in_order(files: &[PathBuf], order: &[usize]) -> Result<String, String> {
    let mut desk = Desk::with_config(&coordinator_config());
    let mut seen = std::collections::BTreeSet::new();
    for &i in order {
        let r = import_file(&mut desk.store, &desk.cfg, &files[i]).map_err(|e| e.to_string())?;
        let expected = if seen.insert(i) {
            ImportOutcome::Applied
        } else {
            ImportOutcome::AlreadyImported
        };
        if r.outcome != Some(expected) {
            return Err(format!(
                "{}: {:?}, expected {expected:?}",
                files[i].display(),
                r.outcome
            ));
        }
    }
    assert_counts_match_recount(&desk.store);
    Ok(stable_digest(&desk.store))
}

#[test]
fn any_import_order_reaches_the_same_state() {
    use proptest::prelude::*;
    use proptest::test_runner::{Config as PtConfig, TestCaseError, TestRunner};

    let dir = tempfile::tempdir().expect("tempdir");
    let batches = order_batches();
    let files: Vec<PathBuf> = batches
        .iter()
        .map(|(h, recs)| write_batch(dir.path(), h, recs))
        .collect();
    let n = files.len();
    let in_sequence: Vec<usize> = (0..n).collect();
    let reference = import_in_order(&files, &in_sequence).expect("sequence order imports");
    // The reference state is what the batches say.
    {
        let mut desk = Desk::with_config(&coordinator_config());
        for f in &files {
            import_file(&mut desk.store, &desk.cfg, f).expect("import");
        }
        let a = desk.store.complaint(PA).expect("q").expect("PA");
        assert_eq!((a.row.revision, a.messages.len()), (3, 2));
        let b = desk.store.complaint(PB).expect("q").expect("PB");
        assert_eq!(
            (b.row.revision, b.row.in_scope, b.messages.len()),
            (2, false, 2)
        );
        let p = desk.store.complaint(PP).expect("q").expect("PP");
        assert_eq!(p.row.revision, 3);
        let names: Vec<String> = desk
            .store
            .agencies()
            .expect("dir")
            .into_iter()
            .map(|a| a.name)
            .collect();
        assert!(
            names.contains(&"Dinas Pekerjaan Umum Bina Marga".to_owned()),
            "{names:?}"
        );
        assert_eq!(stable_digest(&desk.store), reference);
    }

    let strategy = (
        Just(in_sequence.clone()).prop_shuffle(),
        prop::collection::vec((0..n, any::<prop::sample::Index>()), 0..6),
    )
        .prop_map(|(mut order, repeats)| {
            for (batch, at) in repeats {
                let pos = at.index(order.len() + 1);
                order.insert(pos, batch);
            }
            order
        });
    let mut runner = TestRunner::new(PtConfig {
        cases: 24,
        failure_persistence: None,
        ..PtConfig::default()
    });
    runner
        .run(&strategy, |order| {
            let got = import_in_order(&files, &order).map_err(TestCaseError::fail)?;
            prop_assert_eq!(&got, &reference, "order {:?}", order);
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
}

/// The directory entry each order of two batches leaves for 3529-DPUBM.
fn directory_name_after(first: &Path, second: &Path) -> String {
    let mut desk = Desk::new();
    import(&mut desk, first);
    import(&mut desk, second);
    desk.store
        .agencies()
        .expect("directory")
        .into_iter()
        .find(|a| a.code.as_str() == DP)
        .expect("3529-DPUBM is in the directory")
        .name
}

#[test]
fn later_directory_entry_wins_whatever_the_offset_of_created_at() {
    // Batch 2 is created later than batch 1 (10:00 WIB against 08:00 WIB) but writes its
    // created_at in UTC. "A later record replaces an earlier one", in any import order.
    let dir = tempfile::tempdir().expect("tempdir");
    let p1 = write_batch(
        dir.path(),
        &Head::new(SCOPE, 1, "Z-1", "2026-11-12T08:00:00+07:00"),
        &[agency(DP, "Nama lama")],
    );
    let p2 = write_batch(
        dir.path(),
        &Head::new(SCOPE, 2, "Z-2", "2026-11-12T03:00:00+00:00"),
        &[agency(DP, "Nama baru")],
    );
    let got = (
        directory_name_after(&p1, &p2),
        directory_name_after(&p2, &p1),
    );
    assert_eq!(
        (got.0.as_str(), got.1.as_str()),
        ("Nama baru", "Nama baru"),
        "(sequence order, reverse order)"
    );
}

#[test]
fn later_directory_entry_wins_when_batches_share_created_at() {
    // Batches of one stream stamped with the same second: the later sequence holds the
    // later record, whatever line it is on and whatever the import order.
    let dir = tempfile::tempdir().expect("tempdir");
    let at = "2026-11-12T08:00:00+07:00";
    // The entry on the same line in both batches.
    let a1 = write_batch(
        dir.path(),
        &Head::new(SCOPE, 1, "Y-1", at),
        &[agency(DP, "Nama lama")],
    );
    let a2 = write_batch(
        dir.path(),
        &Head::new(SCOPE, 2, "Y-2", at),
        &[agency(DP, "Nama baru")],
    );
    // The older entry on a later line.
    let b1 = write_batch(
        dir.path(),
        &Head::new(SCOPE, 1, "X-1", at),
        &[agency(SCOPE, "Dinas Sosial"), agency(DP, "Nama lama")],
    );
    let b2 = write_batch(
        dir.path(),
        &Head::new(SCOPE, 2, "X-2", at),
        &[agency(DP, "Nama baru")],
    );
    let got = [
        directory_name_after(&a1, &a2),
        directory_name_after(&a2, &a1),
        directory_name_after(&b1, &b2),
        directory_name_after(&b2, &b1),
    ];
    assert_eq!(
        got, ["Nama baru"; 4],
        "[same line in sequence order, same line reversed, other lines in sequence order, \
         other lines reversed]"
    );
}

#[test]
fn rejected_file_leaves_pending_operations_alone() {
    // A newer revision would turn the pending operation into a conflict, but the file is
    // rejected further down: the operation stays pending and the cache is unchanged.
    let mut desk = Desk::new();
    let p1 = write_batch(&desk.files, &head(1, "P-1"), &records());
    import(&mut desk, &p1);
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-19T10:00:00+07:00").expect("time");
    queue_operations(
        &mut desk.store,
        &desk.cfg,
        &[OpRequest {
            complaint_id: ComplaintId::from(C1),
            kind: OpKind::Hold {
                missing: "Foto lokasi".into(),
            },
            placeholders_checked: false,
        }],
        now,
    )
    .expect("queue");
    let mut lines: Vec<Vec<u8>> = vec![line(&complaint(C1, 2, "Jalan desa rusak parah", SCOPE))];
    lines.push(b"{\"type\":\"message\",\"id\":\n".to_vec());
    let body = body_from_lines(&head(2, "P-2").value(), &lines);
    let path = write_file(
        &desk.files,
        "newer-then-broken.jsonl",
        &seal(body, lines.len()),
    );
    assert_rejected(&mut desk, &path, Some(3), "json");
    let ops = desk.store.operations_for(C1).expect("ops");
    assert_eq!(ops.len(), 1);
    assert_eq!(ops[0].state, OpState::Pending);
    assert_eq!(ops[0].base_revision, 1);
}

/// The import counts its new complaints itself (no trigger per row): every status,
/// in and out of scope, a complaint that comes twice in one batch with a new status,
/// one answered in the same batch, and a second batch that changes them again, all
/// leave the counts and search texts a recount gives.
#[test]
fn counts_after_imports_equal_a_recount() {
    let mut desk = Desk::new();
    let mut first = Vec::new();
    let statuses = ["terdisposisi", "diproses", "selesai", "ditutup", "menunggu"];
    for i in 0..15 {
        let agency = if i % 4 == 3 { "3529-DPUBM" } else { SCOPE };
        let mut c = complaint(&format!("LAP-2026-09{i:05}"), 1, "Jalan Rusak", agency);
        c["status"] = json!(statuses[i % statuses.len()]);
        if i % 5 == 4 {
            c["classification"] = json!("aspirasi");
            c["category"] = Value::Null;
        }
        first.push(c);
    }
    let mut again = complaint("LAP-2026-0900001", 2, "Jalan Rusak Berat", SCOPE);
    again["status"] = json!("selesai");
    first.push(again);
    first.push(message(
        "MSG-A",
        "LAP-2026-0900002",
        "2026-11-05T13:00:00+07:00",
        "agency",
        "Sedang ditangani.",
    ));
    let f1 = write_batch(&desk.files, &head(1, "count-1"), &first);
    import(&mut desk, &f1);
    assert_counts_match_recount(&desk.store);

    let mut moved = complaint("LAP-2026-0900000", 2, "Jalan Rusak", "3529-DPUBM");
    moved["status"] = json!("diproses");
    let second = vec![
        moved,
        complaint("LAP-2026-0900100", 1, "Bantuan PKH", SCOPE),
    ];
    let f2 = write_batch(&desk.files, &head(2, "count-2"), &second);
    import(&mut desk, &f2);
    assert_counts_match_recount(&desk.store);
    let st = desk
        .store
        .status(&desk.cfg.agency, chrono::Local::now().date_naive())
        .expect("status");
    assert_eq!((st.complaints.total, st.complaints.out_of_scope), (16, 4));
}
