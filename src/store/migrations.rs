//! Numbered schema migrations. Each runs in its own transaction; a cache written by a
//! newer Sigap is refused rather than misread. Never edit a migration that has shipped:
//! add a new one.

use rusqlite_migration::{M, Migrations};

/// `PRAGMA application_id` of a Sigap cache ("SIGP").
pub const APPLICATION_ID: i64 = 0x5349_4750;

const V1: &str = r#"
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

-- One row per complaint: the latest snapshot (identity already dropped for anonymous
-- ones) as JSON, with the columns the desk filters and sorts by.
CREATE TABLE complaints (
    id                 TEXT PRIMARY KEY,
    revision           INTEGER NOT NULL,
    content_hash       TEXT NOT NULL,
    snapshot_at        TEXT NOT NULL,
    agency             TEXT NOT NULL,
    status             TEXT NOT NULL,
    classification     TEXT NOT NULL,
    supervisory        INTEGER NOT NULL,
    anonymous          INTEGER NOT NULL,
    confidential       INTEGER NOT NULL,
    title              TEXT NOT NULL,
    category           TEXT,
    location           TEXT,
    channel            TEXT,
    submitted_at       TEXT NOT NULL,
    disposed_at        TEXT,
    data               TEXT NOT NULL,
    first_response_at  TEXT,
    final_response_at  TEXT,
    latest_response_at TEXT,
    latest_reply_at    TEXT,
    first_response_due TEXT,
    completion_due     TEXT,
    urgency_due        TEXT,
    pending_ops        INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX complaints_by_urgency ON complaints (urgency_due, id);
CREATE INDEX complaints_by_status ON complaints (status, urgency_due, id);
CREATE INDEX complaints_by_agency ON complaints (agency, urgency_due, id);

CREATE TABLE messages (
    id           TEXT PRIMARY KEY,
    complaint_id TEXT NOT NULL,
    at           TEXT NOT NULL,
    at_utc       TEXT NOT NULL,
    author       TEXT NOT NULL,
    agency       TEXT,
    text         TEXT NOT NULL
) STRICT;
CREATE INDEX messages_by_complaint ON messages (complaint_id, at_utc);

CREATE TABLE agencies (
    code        TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    parent      TEXT,
    level       TEXT NOT NULL,
    active      INTEGER NOT NULL,
    source_at   TEXT NOT NULL,
    source_line INTEGER NOT NULL
) STRICT;

-- The outbox: every officer operation, committed with the state it changes.
CREATE TABLE operations (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,
    op_id         TEXT NOT NULL UNIQUE,
    complaint_id  TEXT NOT NULL REFERENCES complaints (id),
    kind          TEXT NOT NULL,
    base_revision INTEGER NOT NULL,
    officer       TEXT NOT NULL,
    at            TEXT NOT NULL,
    at_utc        TEXT NOT NULL,
    payload       TEXT NOT NULL,
    state         TEXT NOT NULL,
    batch_id      TEXT,
    reason        TEXT,
    updated_at    TEXT NOT NULL
) STRICT;
CREATE INDEX operations_by_state ON operations (state, seq);
CREATE INDEX operations_by_complaint ON operations (complaint_id, seq);
CREATE INDEX operations_by_batch ON operations (batch_id);

CREATE TABLE inbound_batches (
    batch_id    TEXT PRIMARY KEY,
    agency      TEXT NOT NULL,
    sequence    INTEGER NOT NULL,
    digest      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    file_name   TEXT NOT NULL,
    records     INTEGER NOT NULL,
    UNIQUE (agency, sequence)
) STRICT;

CREATE TABLE outbound_batches (
    agency     TEXT NOT NULL,
    sequence   INTEGER NOT NULL,
    batch_id   TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    file_name  TEXT NOT NULL,
    operations INTEGER NOT NULL,
    content    BLOB NOT NULL,
    PRIMARY KEY (agency, sequence)
) STRICT;

-- Response drafts, saved as they are typed.
CREATE TABLE drafts (
    complaint_id TEXT PRIMARY KEY,
    stage        TEXT NOT NULL,
    text         TEXT NOT NULL,
    updated_at   TEXT NOT NULL
) STRICT;
"#;

/// Every agency a complaint was ever at (for the ping-pong warning of transfers).
const V2: &str = r#"
CREATE TABLE complaint_agencies (
    complaint_id TEXT NOT NULL,
    agency       TEXT NOT NULL,
    PRIMARY KEY (complaint_id, agency)
) STRICT;
INSERT OR IGNORE INTO complaint_agencies (complaint_id, agency)
    SELECT id, agency FROM complaints;
"#;

/// Every migration, in order. Version N is the state after the Nth.
pub fn migrations() -> Migrations<'static> {
    Migrations::new(vec![M::up(V1), M::up(V2)])
}

/// The schema version this binary writes.
pub fn latest_version() -> usize {
    MIGRATION_COUNT
}

const MIGRATION_COUNT: usize = 2;
