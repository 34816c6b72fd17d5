//! Helpers shared by the sync integration tests: building inbound batch files with the
//! crate's batch writer (`sigap::sync::writer`), opening a desk (config + cache) in a
//! temporary folder, and digesting every row of the cache to prove it did not change.
#![allow(dead_code)]

use base64::Engine;
use ed25519_dalek::SigningKey;
use rusqlite::types::ValueRef;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use sigap::config::Config;
use sigap::store::{Access, Store};
use sigap::sync::wire::Header;
use sigap::sync::writer::{self, BatchWriter};
use std::path::{Path, PathBuf};

/// The desk's scope in every test.
pub const SCOPE: &str = "3529-DINSOS";
/// The officer in every test.
pub const OFFICER: &str = "Ahmad Fauzi";
/// "Today" for every test (never the wall clock).
pub const TODAY: &str = "2026-11-20";

/// The sample inbound batch shipped with the tests.
pub fn fixture_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/inbound-3529-DINSOS-0001.jsonl")
}

// ---------------------------------------------------------------------------------------
// Building batches
// ---------------------------------------------------------------------------------------

/// A header line's fields.
#[derive(Clone, Debug)]
pub struct Head {
    pub agency: String,
    pub sequence: u64,
    pub batch_id: String,
    pub created_at: String,
}

impl Head {
    pub fn new(agency: &str, sequence: u64, batch_id: &str, created_at: &str) -> Head {
        Head {
            agency: agency.to_owned(),
            sequence,
            batch_id: batch_id.to_owned(),
            created_at: created_at.to_owned(),
        }
    }

    /// The header of an inbound batch, as the batch writer makes it.
    pub fn header(&self) -> Header {
        let created_at = chrono::DateTime::parse_from_rfc3339(&self.created_at)
            .expect("a test header's created_at is RFC 3339");
        writer::inbound_header(
            &self.agency,
            self.sequence,
            &self.batch_id,
            created_at,
            Some("sp4n-lapor registry (test)"),
        )
    }

    /// The header object of an inbound batch (for tests that edit it).
    pub fn value(&self) -> Value {
        serde_json::to_value(self.header()).expect("a header is JSON")
    }
}

/// One JSON line with its `\n`.
pub fn line(v: &Value) -> Vec<u8> {
    writer::json_line(v).expect("serialise a JSON line")
}

/// The header and record lines (everything the trailer's digest covers), from raw lines.
pub fn body_from_lines(header: &Value, records: &[Vec<u8>]) -> Vec<u8> {
    let mut w = BatchWriter::new(header).expect("header line");
    for r in records {
        w.raw_record(r);
    }
    w.into_body()
}

/// The header and record lines of a batch.
pub fn body(header: &Value, records: &[Value]) -> Vec<u8> {
    let mut w = BatchWriter::new(header).expect("header line");
    for r in records {
        w.record(r).expect("record line");
    }
    w.into_body()
}

/// The raw 32-byte SHA-256 of a body.
pub fn digest_of(body: &[u8]) -> [u8; 32] {
    Sha256::digest(body).into()
}

/// The trailer object for a body with `records` record lines.
pub fn trailer(body: &[u8], records: usize) -> Value {
    serde_json::to_value(writer::trailer_for(body, records as u64)).expect("a trailer is JSON")
}

/// A body followed by its trailer.
pub fn seal(body: Vec<u8>, records: usize) -> Vec<u8> {
    writer::seal(body, records as u64).expect("trailer line")
}

fn writer_for(head: &Head, records: &[Value]) -> BatchWriter {
    let mut w = BatchWriter::new(&head.header()).expect("header line");
    for r in records {
        w.record(r).expect("record line");
    }
    w
}

/// A complete, valid inbound batch.
pub fn batch(head: &Head, records: &[Value]) -> Vec<u8> {
    writer_for(head, records).finish().expect("batch")
}

/// A complete inbound batch whose trailer carries an Ed25519 signature over the 32 raw
/// digest bytes (and `key_id` when given).
pub fn signed_batch(
    head: &Head,
    records: &[Value],
    key: &SigningKey,
    key_id: Option<&str>,
) -> Vec<u8> {
    writer_for(head, records)
        .finish_signed(key, key_id)
        .expect("signed batch")
}

/// A signing key from a fixed seed.
pub fn signing_key(seed: u8) -> SigningKey {
    SigningKey::from_bytes(&[seed; 32])
}

/// The base64 public key of a signing key, as the config holds it.
pub fn public_key_b64(key: &SigningKey) -> String {
    base64::engine::general_purpose::STANDARD.encode(key.verifying_key().to_bytes())
}

/// Writes a file and returns its path.
pub fn write_file(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    std::fs::create_dir_all(dir).expect("create the batch folder");
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write a batch file");
    p
}

/// Builds a valid batch and writes it into `dir` under a name derived from the header.
pub fn write_batch(dir: &Path, head: &Head, records: &[Value]) -> PathBuf {
    let name = format!(
        "inbound-{}-{:04}-{}.jsonl",
        head.agency, head.sequence, head.batch_id
    );
    write_file(dir, &name, &batch(head, records))
}

/// Gzip-compresses bytes.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    writer::gzip(bytes).expect("gzip")
}

/// A full complaint snapshot with every field of the contract.
pub fn complaint(id: &str, revision: u64, title: &str, agency: &str) -> Value {
    json!({
        "type": "complaint",
        "id": id,
        "revision": revision,
        "title": title,
        "body": format!("Kronologi {id} revisi {revision}."),
        "classification": "pengaduan",
        "supervisory": false,
        "category": "Sosial",
        "channel": "web",
        "submitted_at": "2026-11-02T09:12:00+07:00",
        "event_date": "2026-10-30",
        "location": "Desa Pinggir Papas, Kec. Kalianget, Kab. Sumenep",
        "anonymous": false,
        "confidential": false,
        "reporter": {"name": "Siti Aminah", "phone": "081234567890", "email": null},
        "agency": agency,
        "status": "terdisposisi",
        "disposed_at": "2026-11-04T10:00:00+07:00",
        "tags": ["sosial"],
        "attachments": [{"name": "foto1.jpg", "media_type": "image/jpeg", "size": 204811, "sha256": null}],
    })
}

/// A thread message.
pub fn message(id: &str, complaint_id: &str, at: &str, author: &str, text: &str) -> Value {
    let agency = if author == "agency" {
        json!(SCOPE)
    } else {
        Value::Null
    };
    json!({
        "type": "message",
        "id": id,
        "complaint_id": complaint_id,
        "at": at,
        "author": author,
        "agency": agency,
        "text": text,
    })
}

/// A directory entry.
pub fn agency(code: &str, name: &str) -> Value {
    json!({
        "type": "agency",
        "code": code,
        "name": name,
        "parent": "3529",
        "level": "opd",
        "active": true,
    })
}

/// An acknowledgement record.
pub fn ack(batch_id: &str, results: Value) -> Value {
    json!({"type": "ack", "batch_id": batch_id, "results": results})
}

// ---------------------------------------------------------------------------------------
// A desk in a temporary folder
// ---------------------------------------------------------------------------------------

/// The config text for scope 3529-DINSOS and officer Ahmad Fauzi, plus `extra` lines.
pub fn config_text(extra: &str) -> String {
    format!("agency = \"{SCOPE}\"\nofficer = \"{OFFICER}\"\ntimezone = \"+07:00\"\n{extra}")
}

/// An open cache with its config. Fields drop in order: the cache closes before its
/// folder is removed.
pub struct Desk {
    pub store: Store,
    pub cfg: Config,
    /// A folder for batch files, beside (not inside) the data folder.
    pub files: PathBuf,
    pub dir: tempfile::TempDir,
}

impl Desk {
    /// How many complaints the cache holds (the maintained count `status` reports).
    pub fn complaints_total(&self) -> u64 {
        self.store
            .status(&self.cfg.agency, Desk::today())
            .expect("status")
            .complaints
            .total
    }

    /// A desk with scope 3529-DINSOS and officer Ahmad Fauzi.
    pub fn new() -> Desk {
        Desk::with_config(&config_text(""))
    }

    /// A desk with the given config text.
    pub fn with_config(text: &str) -> Desk {
        let dir = tempfile::tempdir().expect("temporary folder");
        let cfg = Config::parse(text, &dir.path().join("config.toml")).expect("valid config");
        let data = dir.path().join("data");
        let store = Store::open(&data, cfg.desk_context(), Access::Write).expect("open the cache");
        let files = dir.path().join("files");
        std::fs::create_dir_all(&files).expect("files folder");
        Desk {
            store,
            cfg,
            files,
            dir,
        }
    }

    /// "Today" as a date.
    pub fn today() -> chrono::NaiveDate {
        TODAY.parse().expect("date")
    }

    /// The digest of every row of every table.
    pub fn digest(&self) -> String {
        table_digest(&self.store)
    }
}

// ---------------------------------------------------------------------------------------
// Digesting the cache
// ---------------------------------------------------------------------------------------

fn feed_value(h: &mut Sha256, v: ValueRef<'_>) {
    match v {
        ValueRef::Null => h.update(b"N"),
        ValueRef::Integer(i) => {
            h.update(b"I");
            h.update(i.to_le_bytes());
        }
        ValueRef::Real(f) => {
            h.update(b"R");
            h.update(f.to_bits().to_le_bytes());
        }
        ValueRef::Text(t) => {
            h.update(b"T");
            h.update((t.len() as u64).to_le_bytes());
            h.update(t);
        }
        ValueRef::Blob(b) => {
            h.update(b"B");
            h.update((b.len() as u64).to_le_bytes());
            h.update(b);
        }
    }
}

/// A connection of the test's own to the cache file, for the checks no desk query makes
/// (digests of every table, recounts): it sees what the store has committed, as any
/// SQLite tool would. The store itself hands out no connection.
pub fn raw(store: &Store) -> rusqlite::Connection {
    rusqlite::Connection::open(store.dir().join(sigap::store::DB_FILE))
        .expect("open the cache file")
}

fn tables(conn: &rusqlite::Connection) -> Vec<String> {
    let mut stmt = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        .expect("list tables");
    stmt.query_map([], |r| r.get::<_, String>(0))
        .expect("list tables")
        .collect::<Result<_, _>>()
        .expect("table names")
}

fn quote(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// SHA-256 over the schema and every row of every table (with its rowid, in rowid
/// order, every value typed and length-prefixed): equal digests mean the cache is
/// unchanged byte for byte.
pub fn table_digest(store: &Store) -> String {
    let conn = &raw(store);
    let mut h = Sha256::new();
    for pragma in ["user_version", "application_id"] {
        let v: i64 = conn
            .query_row(&format!("PRAGMA {pragma}"), [], |r| r.get(0))
            .expect("pragma");
        h.update(pragma.as_bytes());
        h.update(v.to_le_bytes());
    }
    {
        let mut stmt = conn
            .prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name")
            .expect("schema");
        let mut rows = stmt.query([]).expect("schema");
        while let Some(r) = rows.next().expect("schema row") {
            for i in 0..4 {
                feed_value(&mut h, r.get_ref(i).expect("schema value"));
            }
        }
    }
    for table in tables(conn) {
        h.update(b"\x00table\x00");
        h.update(table.as_bytes());
        // A table without rowid (the monev history) is ordered by every column.
        let has_rowid = conn
            .prepare(&format!("SELECT rowid FROM {} LIMIT 0", quote(&table)))
            .is_ok();
        let sql = if has_rowid {
            format!("SELECT rowid, * FROM {} ORDER BY rowid", quote(&table))
        } else {
            let n = conn
                .prepare(&format!("SELECT * FROM {}", quote(&table)))
                .expect("select a table")
                .column_count();
            let order: Vec<String> = (1..=n).map(|i| i.to_string()).collect();
            format!(
                "SELECT * FROM {} ORDER BY {}",
                quote(&table),
                order.join(", ")
            )
        };
        let mut stmt = conn.prepare(&sql).expect("select a table");
        let n = stmt.column_count();
        for c in stmt.column_names() {
            h.update(c.as_bytes());
            h.update(b"\x00");
        }
        let mut rows = stmt.query([]).expect("rows");
        while let Some(r) = rows.next().expect("row") {
            h.update(b"\x00row");
            for i in 0..n {
                feed_value(&mut h, r.get_ref(i).expect("value"));
            }
        }
    }
    hex::encode(h.finalize())
}

/// Columns the order-independence property ignores: when and under which file name a
/// batch was imported.
pub const VOLATILE_COLUMNS: [(&str, &str); 3] = [
    ("inbound_batches", "imported_at"),
    ("inbound_batches", "file_name"),
    // Keyed by the complaint's rowid, which follows insertion order; its text (which
    // names the complaint) is compared.
    ("search_text", "rowid"),
];
/// Meta rows the order-independence property ignores: the last import's time, the
/// audit journal's head and the cache's random tag.
pub const VOLATILE_META: [&str; 3] = ["last_import_at", "audit_head", "desk_id"];
/// Tables the order-independence property ignores: the audit journal records when and
/// in which order things happened.
pub const VOLATILE_TABLES: [&str; 1] = ["audit"];

/// A readable dump of the cache's content without the volatile columns and meta rows,
/// every table's rows sorted (so insertion order and rowids do not count).
pub fn stable_dump(store: &Store) -> Vec<String> {
    let conn = &raw(store);
    let mut out = Vec::new();
    for table in tables(conn) {
        if VOLATILE_TABLES.contains(&table.as_str()) {
            continue;
        }
        let cols: Vec<String> = {
            let stmt = conn
                .prepare(&format!("SELECT * FROM {} LIMIT 0", quote(&table)))
                .expect("columns");
            stmt.column_names().into_iter().map(str::to_owned).collect()
        };
        let keep: Vec<&String> = cols
            .iter()
            .filter(|c| !VOLATILE_COLUMNS.contains(&(table.as_str(), c.as_str())))
            .collect();
        let list = keep.iter().map(|c| quote(c)).collect::<Vec<_>>().join(", ");
        let mut stmt = conn
            .prepare(&format!("SELECT {list} FROM {}", quote(&table)))
            .expect("select projection");
        let mut rows = stmt.query([]).expect("rows");
        let mut lines = Vec::new();
        while let Some(r) = rows.next().expect("row") {
            let mut vals = Vec::new();
            for i in 0..keep.len() {
                vals.push(match r.get_ref(i).expect("value") {
                    ValueRef::Null => "NULL".to_owned(),
                    ValueRef::Integer(i) => i.to_string(),
                    ValueRef::Real(f) => format!("{f:?}"),
                    ValueRef::Text(t) => format!("{:?}", String::from_utf8_lossy(t)),
                    ValueRef::Blob(b) => format!("x'{}'", hex::encode(b)),
                });
            }
            if table == "meta" && VOLATILE_META.iter().any(|k| vals[0] == format!("{k:?}")) {
                continue;
            }
            lines.push(format!(
                "{table}({}) = {}",
                keep.iter()
                    .map(|c| c.as_str())
                    .collect::<Vec<_>>()
                    .join(","),
                vals.join(", ")
            ));
        }
        lines.sort();
        out.extend(lines);
    }
    out
}

/// SHA-256 of [`stable_dump`].
pub fn stable_digest(store: &Store) -> String {
    let dump = stable_dump(store);
    let mut h = Sha256::new();
    for l in &dump {
        h.update(l.as_bytes());
        h.update(b"\n");
    }
    hex::encode(h.finalize())
}

/// Whether any text cell anywhere in the cache contains `needle`.
pub fn cache_contains(store: &Store, needle: &str) -> bool {
    let conn = &raw(store);
    for table in tables(conn) {
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM {}", quote(&table)))
            .expect("select");
        let n = stmt.column_count();
        let mut rows = stmt.query([]).expect("rows");
        while let Some(r) = rows.next().expect("row") {
            for i in 0..n {
                let hit = match r.get_ref(i).expect("value") {
                    ValueRef::Text(t) | ValueRef::Blob(t) => {
                        String::from_utf8_lossy(t).contains(needle)
                    }
                    _ => false,
                };
                if hit {
                    return true;
                }
            }
        }
    }
    false
}

/// Every row a query returns, its values joined by `|` in their debug form.
pub fn query_rows(conn: &rusqlite::Connection, sql: &str) -> Vec<String> {
    let mut stmt = conn.prepare(sql).expect("prepare");
    let n = stmt.column_count();
    let rows = stmt
        .query_map([], |r| {
            let mut v = Vec::new();
            for i in 0..n {
                v.push(format!("{:?}", r.get_ref(i)?));
            }
            Ok(v.join("|"))
        })
        .expect("query");
    rows.map(|r| r.expect("row")).collect()
}

/// Asserts that the maintained counts and search texts are what counting the
/// complaints and operations from scratch gives (they are kept by the import, the
/// export and triggers).
pub fn assert_counts_match_recount(store: &Store) {
    let conn = &raw(store);
    let rows = |sql: &str| query_rows(conn, sql);
    let needs = sigap::store::NEEDS_ACTION;
    let recount = format!(
        "SELECT 1, count(*), ifnull(sum({needs}), 0), ifnull(sum(status = 'diproses'), 0),
                ifnull(sum(status = 'selesai'), 0),
                ifnull(sum(in_scope = 0 OR transfer_proposed = 1), 0),
                (SELECT count(*) FROM outbox), ifnull(sum(in_scope = 0), 0),
                ifnull(sum(misrouted_to IS NOT NULL AND transfer_proposed = 0), 0)
         FROM complaints"
    );
    assert_eq!(
        rows("SELECT * FROM view_counts"),
        rows(&recount),
        "view counts"
    );
    assert_eq!(
        rows("SELECT status, n FROM status_counts ORDER BY status"),
        rows("SELECT status, count(*) FROM complaints GROUP BY status ORDER BY status"),
        "status counts"
    );
    assert_eq!(
        rows("SELECT due, n FROM due_counts ORDER BY due"),
        rows(
            "SELECT urgency_due, count(*) FROM complaints
             WHERE in_scope = 1 AND urgency_due IS NOT NULL GROUP BY urgency_due ORDER BY 1"
        ),
        "due counts"
    );
    assert_eq!(
        rows("SELECT state, n FROM op_counts ORDER BY state"),
        rows("SELECT state, count(*) FROM operation_states GROUP BY state ORDER BY state"),
        "operation counts"
    );
    // The outbox's own table (schema 10): one row per complaint with a pending, rejected
    // or conflicting operation, its pending count and its sort key. An operation's state
    // is read as the desk reads it (schema 14: exported by a span, not in its row).
    assert_eq!(
        rows("SELECT complaint, outbox_key, pending, troubled FROM outbox ORDER BY complaint"),
        rows(
            "SELECT c.rowid, c.sort_key, sum(o.state = 'pending'),
                    max(o.state IN ('conflict', 'rejected'))
             FROM complaints c JOIN operation_states o ON o.complaint_id = c.id
             GROUP BY c.rowid
             HAVING sum(o.state = 'pending') > 0 OR max(o.state IN ('conflict', 'rejected')) = 1
             ORDER BY c.rowid"
        ),
        "outbox rows"
    );
    assert_eq!(
        rows("SELECT rowid, text FROM search_text ORDER BY rowid"),
        rows(
            "SELECT rowid, lower(title || ' ' || ifnull(category, '') || ' '
                 || ifnull(location, '') || ' ' || id) FROM complaints ORDER BY rowid"
        ),
        "search texts"
    );
}

/// The fields every `sigap list --json` entry carries (`spec/cli.md`).
pub const LIST_FIELDS: [&str; 14] = [
    "id",
    "revision",
    "title",
    "status",
    "agency",
    "category",
    "classification",
    "anonymous",
    "confidential",
    "disposed_at",
    "first_response_due",
    "completion_due",
    "overdue",
    "pending_operations",
];

/// Puts a cache back as schema 13 kept its operations (the undoing of
/// `export_marks::V14`): an exported operation's state and batch in its own row, no
/// queue numbers, mark or spans. `PRAGMA user_version` is left to the caller.
pub fn back_to_schema_13(conn: &rusqlite::Connection) {
    conn.execute_batch(
        "UPDATE operations SET
             batch_id = (SELECT v.batch_id FROM operation_states v WHERE v.seq = operations.seq),
             state = 'exported'
         WHERE state = 'pending' AND queued <= (SELECT upto FROM export_mark);
         DROP VIEW operation_states;
         DROP TRIGGER operations_counted_out;
         CREATE TRIGGER operations_counted_out AFTER DELETE ON operations BEGIN
             UPDATE op_counts SET n = n - 1 WHERE state = OLD.state;
             DELETE FROM op_counts WHERE state = OLD.state AND n = 0;
         END;
         DROP TRIGGER operations_recounted;
         CREATE TRIGGER operations_recounted AFTER UPDATE OF state ON operations
             WHEN OLD.state IS NOT NEW.state AND NEW.state IS NOT 'exported'
         BEGIN
             UPDATE op_counts SET n = n - 1 WHERE state = OLD.state;
             DELETE FROM op_counts WHERE state = OLD.state AND n = 0;
             INSERT INTO op_counts (state, n) VALUES (NEW.state, 1)
                 ON CONFLICT (state) DO UPDATE SET n = n + 1;
         END;
         DROP TABLE export_mark;
         DROP TABLE export_spans;
         DROP INDEX operations_pending_by_queue;
         ALTER TABLE operations DROP COLUMN queued;
         CREATE INDEX operations_pending_by_time ON operations (state, at_utc)
             WHERE state = 'pending';
         PRAGMA user_version = 13;",
    )
    .expect("back to schema 13");
}
