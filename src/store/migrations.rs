//! Numbered schema migrations: one slice, in order, whose length is the schema version
//! this binary writes. Each runs in its own transaction; a cache written by a newer
//! Sigap is refused rather than misread. Never change what a shipped migration does:
//! add a new one to the end of [`MIGRATIONS`].

use super::rules::needs_action;
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

/// The inbox at a million complaints: whether a complaint is in the desk's scope, its
/// flags for the saved views, one sort key (scope, then nearest running due date, then
/// id) with an index per view, and counts kept up to date by triggers so that no screen
/// has to count rows. The new columns are filled by the recomputation that follows any
/// change of the desk's context (the migration changes it).
const V3: &str = concat!(
    r#"
ALTER TABLE complaints ADD COLUMN in_scope INTEGER NOT NULL DEFAULT 0;
ALTER TABLE complaints ADD COLUMN transfer_proposed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE complaints ADD COLUMN outbox INTEGER NOT NULL DEFAULT 0;
ALTER TABLE complaints ADD COLUMN sort_key TEXT NOT NULL DEFAULT '';

DROP INDEX complaints_by_urgency;
DROP INDEX complaints_by_status;
DROP INDEX complaints_by_agency;
CREATE INDEX complaints_sorted ON complaints (sort_key);
CREATE INDEX complaints_status_sorted ON complaints (status, sort_key);
CREATE INDEX complaints_needs_action ON complaints (sort_key)
    WHERE "#,
    needs_action!(""),
    r#";
CREATE INDEX complaints_transferred ON complaints (sort_key)
    WHERE in_scope = 0 OR transfer_proposed = 1;
CREATE INDEX complaints_outbox ON complaints (sort_key) WHERE outbox = 1;

CREATE TABLE view_counts (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    total        INTEGER NOT NULL,
    needs_action INTEGER NOT NULL,
    in_progress  INTEGER NOT NULL,
    done         INTEGER NOT NULL,
    transferred  INTEGER NOT NULL,
    outbox       INTEGER NOT NULL,
    left_desk    INTEGER NOT NULL
) STRICT;
INSERT INTO view_counts
    SELECT 1, count(*), 0, ifnull(sum(status = 'diproses'), 0), ifnull(sum(status = 'selesai'), 0),
           count(*), 0, count(*)
    FROM complaints;
CREATE TABLE status_counts (status TEXT PRIMARY KEY, n INTEGER NOT NULL) STRICT;
INSERT INTO status_counts SELECT status, count(*) FROM complaints GROUP BY status;
-- In-scope complaints per nearest running due date: the late and due-soon views are
-- sums over a few hundred dates.
CREATE TABLE due_counts (due TEXT PRIMARY KEY, n INTEGER NOT NULL) STRICT;

CREATE TRIGGER complaints_counted_in AFTER INSERT ON complaints BEGIN
    UPDATE view_counts SET
        total = total + 1,
        needs_action = needs_action + ("#,
    needs_action!("NEW."),
    r#"),
        in_progress = in_progress + (NEW.status = 'diproses'),
        done = done + (NEW.status = 'selesai'),
        transferred = transferred + (NEW.in_scope = 0 OR NEW.transfer_proposed = 1),
        outbox = outbox + (NEW.outbox = 1),
        left_desk = left_desk + (NEW.in_scope = 0)
    WHERE id = 1;
    INSERT INTO status_counts (status, n) VALUES (NEW.status, 1)
        ON CONFLICT (status) DO UPDATE SET n = n + 1;
    INSERT INTO due_counts (due, n) SELECT NEW.urgency_due, 1
        WHERE NEW.in_scope = 1 AND NEW.urgency_due IS NOT NULL
        ON CONFLICT (due) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER complaints_counted_out AFTER DELETE ON complaints BEGIN
    UPDATE view_counts SET
        total = total - 1,
        needs_action = needs_action - ("#,
    needs_action!("OLD."),
    r#"),
        in_progress = in_progress - (OLD.status = 'diproses'),
        done = done - (OLD.status = 'selesai'),
        transferred = transferred - (OLD.in_scope = 0 OR OLD.transfer_proposed = 1),
        outbox = outbox - (OLD.outbox = 1),
        left_desk = left_desk - (OLD.in_scope = 0)
    WHERE id = 1;
    UPDATE status_counts SET n = n - 1 WHERE status = OLD.status;
    UPDATE due_counts SET n = n - 1 WHERE due = OLD.urgency_due AND OLD.in_scope = 1;
    DELETE FROM status_counts WHERE n = 0;
    DELETE FROM due_counts WHERE n = 0;
END;

CREATE TRIGGER complaints_recounted AFTER UPDATE OF
        in_scope, status, first_response_at, transfer_proposed, urgency_due ON complaints
    WHEN OLD.in_scope IS NOT NEW.in_scope OR OLD.status IS NOT NEW.status
      OR OLD.first_response_at IS NOT NEW.first_response_at
      OR OLD.transfer_proposed IS NOT NEW.transfer_proposed
      OR OLD.urgency_due IS NOT NEW.urgency_due
BEGIN
    UPDATE view_counts SET
        needs_action = needs_action
            - ("#,
    needs_action!("OLD."),
    r#")
            + ("#,
    needs_action!("NEW."),
    r#"),
        in_progress = in_progress - (OLD.status = 'diproses') + (NEW.status = 'diproses'),
        done = done - (OLD.status = 'selesai') + (NEW.status = 'selesai'),
        transferred = transferred - (OLD.in_scope = 0 OR OLD.transfer_proposed = 1)
            + (NEW.in_scope = 0 OR NEW.transfer_proposed = 1),
        left_desk = left_desk - (OLD.in_scope = 0) + (NEW.in_scope = 0)
    WHERE id = 1;
    UPDATE status_counts SET n = n - 1 WHERE status = OLD.status AND OLD.status IS NOT NEW.status;
    INSERT INTO status_counts (status, n) SELECT NEW.status, 1 WHERE OLD.status IS NOT NEW.status
        ON CONFLICT (status) DO UPDATE SET n = n + 1;
    UPDATE due_counts SET n = n - 1 WHERE due = OLD.urgency_due AND OLD.in_scope = 1;
    INSERT INTO due_counts (due, n) SELECT NEW.urgency_due, 1
        WHERE NEW.in_scope = 1 AND NEW.urgency_due IS NOT NULL
        ON CONFLICT (due) DO UPDATE SET n = n + 1;
    -- Empty rows go, so the tables hold the same rows whatever the order of changes.
    DELETE FROM status_counts WHERE status = OLD.status AND n = 0;
    DELETE FROM due_counts WHERE due = OLD.urgency_due AND n = 0;
END;

-- The outbox flag alone changes on every export: one statement for it.
CREATE TRIGGER complaints_outbox_recounted AFTER UPDATE OF outbox ON complaints
    WHEN OLD.outbox IS NOT NEW.outbox
BEGIN
    UPDATE view_counts SET outbox = outbox - (OLD.outbox = 1) + (NEW.outbox = 1) WHERE id = 1;
END;

-- The desk's context changed with this schema: recompute every complaint.
DELETE FROM meta WHERE key = 'sla_fingerprint';
"#
);

/// Operation counts by state kept by triggers (the status bar and `sigap status` read
/// them at every refresh; the outbox keeps every operation until it is acknowledged,
/// so counting would grow with the desk's history), and the oldest pending one by index.
const V4: &str = r#"
CREATE TABLE op_counts (state TEXT PRIMARY KEY, n INTEGER NOT NULL) STRICT;
INSERT INTO op_counts SELECT state, count(*) FROM operations GROUP BY state;
CREATE INDEX operations_by_state_time ON operations (state, at_utc);

CREATE TRIGGER operations_counted_in AFTER INSERT ON operations BEGIN
    INSERT INTO op_counts (state, n) VALUES (NEW.state, 1)
        ON CONFLICT (state) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER operations_counted_out AFTER DELETE ON operations BEGIN
    UPDATE op_counts SET n = n - 1 WHERE state = OLD.state;
    DELETE FROM op_counts WHERE state = OLD.state AND n = 0;
END;
CREATE TRIGGER operations_recounted AFTER UPDATE OF state ON operations
    WHEN OLD.state IS NOT NEW.state
BEGIN
    UPDATE op_counts SET n = n - 1 WHERE state = OLD.state;
    DELETE FROM op_counts WHERE state = OLD.state AND n = 0;
    INSERT INTO op_counts (state, n) VALUES (NEW.state, 1)
        ON CONFLICT (state) DO UPDATE SET n = n + 1;
END;

-- What the fuzzy filter searches, in a narrow table keyed by the complaint's rowid
-- (stable: the cache is never vacuumed), so a million texts load without reading the
-- snapshots.
CREATE TABLE search_text (rowid INTEGER PRIMARY KEY, text TEXT NOT NULL) STRICT;
INSERT INTO search_text
    SELECT rowid, lower(id || ' ' || title || ' ' || ifnull(category, '') || ' ' || ifnull(location, ''))
    FROM complaints;
CREATE TRIGGER complaints_searchable_in AFTER INSERT ON complaints BEGIN
    INSERT INTO search_text (rowid, text) VALUES (NEW.rowid, lower(NEW.id || ' ' || NEW.title
        || ' ' || ifnull(NEW.category, '') || ' ' || ifnull(NEW.location, '')));
END;
CREATE TRIGGER complaints_searchable_again AFTER UPDATE OF title, category, location ON complaints
BEGIN
    UPDATE search_text SET text = lower(NEW.id || ' ' || NEW.title || ' '
        || ifnull(NEW.category, '') || ' ' || ifnull(NEW.location, ''))
    WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER complaints_searchable_out AFTER DELETE ON complaints BEGIN
    DELETE FROM search_text WHERE rowid = OLD.rowid;
END;
"#;

/// Bulk writes count themselves instead of a trigger per row:
/// - new complaints are counted and made searchable by the import (`store::counts`):
///   a trigger per inserted row cost a third of a large import;
/// - the export's move of every pending operation to `exported` adjusts `op_counts` in
///   one statement (only the export sets that state).
///
/// Each operation also records the agency it answers for (its complaint's when it was
/// queued or confirmed again: a new revision turns it into a conflict), so the export
/// groups them without reading the complaints.
const V5: &str = r#"
DROP TRIGGER complaints_counted_in;
DROP TRIGGER complaints_searchable_in;

DROP TRIGGER operations_recounted;
CREATE TRIGGER operations_recounted AFTER UPDATE OF state ON operations
    WHEN OLD.state IS NOT NEW.state AND NEW.state IS NOT 'exported'
BEGIN
    UPDATE op_counts SET n = n - 1 WHERE state = OLD.state;
    DELETE FROM op_counts WHERE state = OLD.state AND n = 0;
    INSERT INTO op_counts (state, n) VALUES (NEW.state, 1)
        ON CONFLICT (state) DO UPDATE SET n = n + 1;
END;

ALTER TABLE operations ADD COLUMN agency TEXT NOT NULL DEFAULT '';
UPDATE operations SET agency = ifnull(
    (SELECT c.agency FROM complaints c WHERE c.id = operations.complaint_id), '');
"#;

/// Reliability (schema 6):
/// - an outbound batch records the folder its file goes to and whether the file was
///   written there: the export commits first and renames after, and a batch recorded
///   but not written is written again at the next export or writing open;
/// - the audit journal, each entry chained to the one before it by a hash;
/// - a random tag naming this cache in its temporary files.
const V6: &str = r#"
ALTER TABLE outbound_batches ADD COLUMN folder TEXT;
ALTER TABLE outbound_batches ADD COLUMN placed INTEGER NOT NULL DEFAULT 1;
CREATE INDEX outbound_unplaced ON outbound_batches (placed) WHERE placed = 0;

CREATE TABLE audit (
    seq     INTEGER PRIMARY KEY,
    at      TEXT NOT NULL,
    officer TEXT NOT NULL,
    action  TEXT NOT NULL,
    detail  TEXT NOT NULL,
    prev    TEXT NOT NULL,
    hash    TEXT NOT NULL
) STRICT;
CREATE INDEX audit_by_time ON audit (at);

INSERT OR IGNORE INTO meta (key, value) VALUES ('desk_id', lower(hex(randomblob(6))));
"#;

/// Operations queued by one officer action share an action number, so undo takes the
/// whole action back at once. Operations from before have none: each is its own.
const V7: &str = r#"
ALTER TABLE operations ADD COLUMN action INTEGER;
CREATE INDEX operations_by_action ON operations (action) WHERE action IS NOT NULL;
"#;

/// Every migration, in order. Version N is the state after the Nth; the latest version
/// is the slice's length.
pub const MIGRATIONS: &[M<'static>] = &[
    M::up(V1),
    M::up(V2),
    M::up(V3),
    M::up(V4),
    M::up(V5),
    M::up(V6),
    M::up(V7),
    M::up(super::monev::V8),
    M::up(super::routing::V9),
    M::up(super::outbox::V10),
    M::up(super::routing::V11),
    M::up(super::batches::V12),
    M::up(super::stored_copy::V13),
    M::up(super::export_marks::V14),
    M::up(super::search_text::V15),
];

/// The migrations as `rusqlite_migration` runs them.
pub fn migrations() -> Migrations<'static> {
    Migrations::from_slice(MIGRATIONS)
}

/// The schema version this binary writes: the number of migrations.
pub const fn latest_version() -> usize {
    MIGRATIONS.len()
}

#[cfg(test)]
mod tests {
    use super::{MIGRATIONS, latest_version, migrations};

    #[test]
    fn every_migration_runs_and_the_latest_is_the_last() {
        assert_eq!(latest_version(), MIGRATIONS.len());
        migrations()
            .validate()
            .expect("the migrations run on an empty database");
    }
}
