//! The import's writes: complaint snapshots, their thread, the agencies they were at and
//! the agency directory, each with what it changes in the derived columns and counts
//! (settled by the transaction before it commits). Also what queuing an operation reads
//! about its complaint.

use super::derived::{NewDerived, note_reply, utc_key};
use super::error::Named;
use super::row::{col, columns};
use super::search_text::add_search_text;
use super::{StoreError, Txn};
use crate::domain::{Agency, AgencyCode, Author, Complaint, Message};
use rusqlite::{OptionalExtension, params};

/// What the stored copy of a complaint is, for the import's revision rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredRevision {
    pub revision: u64,
    pub content_hash: String,
    pub snapshot_at: String,
}

columns!(
    /// The columns of [`StoredRevision`].
    RevisionCols = ["revision", "content_hash", "snapshot_at"];
    const READ_REVISION = "FROM complaints WHERE id = ?1";
);

/// What the writer of a thread message knows of its complaint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Known {
    /// Nothing: the complaint may come later (its insert then looks for its messages).
    Unknown,
    /// The complaint is in the cache.
    Stored,
    /// The complaint was just inserted with this reply's instant as its latest reply
    /// (or a later one), so the reply moves nothing.
    ReplyNoted,
}

/// A snapshot's stored copy: the JSON of its fields without a column
/// ([`super::stored_copy`]), the hash that compares revisions, and the instant of the
/// batch it came in (UTC text).
#[derive(Clone, Copy, Debug)]
pub struct Snapshot<'a> {
    pub content_hash: &'a str,
    pub snapshot_at: &'a str,
    pub data: &'a str,
}

impl Txn<'_> {
    /// Looks up the stored revision of a complaint.
    pub fn stored_revision(&self, id: &str) -> Result<Option<StoredRevision>, StoreError> {
        self.held
            .get(READ_REVISION)
            .and_then(|mut s| {
                s.query_row([id], |r| {
                    Ok(StoredRevision {
                        revision: r.get::<_, i64>(col!(RevisionCols, "revision"))? as u64,
                        content_hash: r.get(col!(RevisionCols, "content_hash"))?,
                        snapshot_at: r.get(col!(RevisionCols, "snapshot_at"))?,
                    })
                })
                .optional()
            })
            .named("read a stored revision")
    }

    /// Inserts a complaint if its id is new to the cache, with its derived columns
    /// (`derive_new`: from the snapshot alone; if the cache already had thread messages
    /// for it, it is recomputed before the commit), its search text and its share of the
    /// counts; `false`, with nothing written, when the id is stored (then see
    /// [`Txn::stored_revision`]). Trying the insert first spares a new complaint, nearly
    /// every one of a first load, a look-up of its own. The identity of an anonymous
    /// complaint has already been dropped.
    pub fn insert_if_new(
        &mut self,
        c: &Complaint,
        d: NewDerived,
        stored: Snapshot<'_>,
    ) -> Result<bool, StoreError> {
        debug_assert!(!(c.anonymous && c.reporter.is_some()));
        const INSERT: &str = "insert a complaint";
        let mut stmt = self
            .held
            .get(
                "INSERT INTO complaints (id, revision, content_hash, snapshot_at, agency, status,
                     classification, supervisory, anonymous, confidential, title, category,
                     location, channel, submitted_at, disposed_at, data, first_response_due,
                     completion_due, urgency_due, in_scope, sort_key, route_label,
                     latest_reply_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                     ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24)
                 ON CONFLICT (id) DO NOTHING",
            )
            .named(INSERT)?;
        let inserted = (|| {
            bind_snapshot(&mut stmt, c, stored)?;
            stmt.raw_bind_parameter(18, &d.first_response_due)?;
            stmt.raw_bind_parameter(19, &d.completion_due)?;
            stmt.raw_bind_parameter(20, &d.urgency_due)?;
            stmt.raw_bind_parameter(21, d.in_scope)?;
            stmt.raw_bind_parameter(22, &d.sort_key)?;
            stmt.raw_bind_parameter(23, &d.route_label)?;
            stmt.raw_bind_parameter(24, &d.latest_reply_at)?;
            stmt.raw_execute()
        })()
        .named(INSERT)?;
        drop(stmt);
        if inserted == 0 {
            return Ok(false);
        }
        add_search_text(&self.held, self.tx.last_insert_rowid(), &d.search_text)?;
        self.count_new()
            .add(&c.status, d.in_scope, d.urgency_due.as_deref());
        self.route_new(c, d);
        // Messages that arrived before their complaint count too.
        if self.maybe_early_messages()? && self.has_messages(c.id.as_str())? {
            self.mark_stale(c.id.as_str())?;
        }
        Ok(true)
    }

    /// Replaces a complaint's snapshot with a higher revision; it is recomputed before
    /// the commit. The identity of an anonymous complaint has already been dropped.
    pub fn put_snapshot(&mut self, c: &Complaint, stored: Snapshot<'_>) -> Result<(), StoreError> {
        debug_assert!(!(c.anonymous && c.reporter.is_some()));
        // The update recounts the row: count the new rows first.
        self.before_recount()?;
        let taught = self.route_taught(c.id.as_str())?;
        // An update, never an insert: new rows go through `insert_new`, which counts them.
        const UPDATE: &str = "update a complaint";
        let mut stmt = self
            .tx
            .prepare_cached(
                "UPDATE complaints SET revision = ?2, content_hash = ?3, snapshot_at = ?4,
                     agency = ?5, status = ?6, classification = ?7, supervisory = ?8,
                     anonymous = ?9, confidential = ?10, title = ?11, category = ?12,
                     location = ?13, channel = ?14, submitted_at = ?15, disposed_at = ?16,
                     data = ?17
                 WHERE id = ?1",
            )
            .named(UPDATE)?;
        bind_snapshot(&mut stmt, c, stored)
            .and_then(|()| stmt.raw_execute())
            .named(UPDATE)?;
        drop(stmt);
        self.route_replaced(c, taught)?;
        self.mark_stale(c.id.as_str())
    }

    /// Records that a complaint was at an agency (any snapshot, any revision). Returns
    /// whether the agency was new for it.
    pub fn note_agency(&mut self, id: &str, agency: &str) -> Result<bool, StoreError> {
        let n = self
            .held
            .get("INSERT OR IGNORE INTO complaint_agencies (complaint_id, agency) VALUES (?1, ?2)")
            .and_then(|mut s| s.execute([id, agency]))
            .named("record a complaint's agency")?;
        Ok(n > 0)
    }

    /// Moves the recorded snapshot time earlier (equal revisions delivered twice keep the
    /// earliest batch's time, so the result does not depend on import order).
    pub fn set_snapshot_at(&mut self, id: &str, snapshot_at: &str) -> Result<(), StoreError> {
        self.tx
            .prepare_cached("UPDATE complaints SET snapshot_at = ?2 WHERE id = ?1")
            .and_then(|mut s| s.execute([id, snapshot_at]))
            .named("record a snapshot's time")?;
        Ok(())
    }

    /// Whether a complaint has thread messages in the cache.
    fn has_messages(&self, id: &str) -> Result<bool, StoreError> {
        self.tx
            .prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM messages WHERE complaint_id = ?1) AS found",
            )
            .and_then(|mut s| s.query_row([id], |r| r.get("found")))
            .named("look for a complaint's messages")
    }

    /// Inserts a thread message unless its id is known. Returns whether it was new. An
    /// agency's answer can meet a deadline, so its complaint is recomputed before the
    /// commit; a reply by the reporter or an admin only moves the auto-close watch.
    ///
    /// `known`: what the caller knows of the message's complaint (see [`Known`]).
    pub fn put_message(&mut self, m: &Message, known: Known) -> Result<bool, StoreError> {
        let at_utc = utc_key(m.at);
        let n = self
            .held
            .get(
                "INSERT INTO messages (id, complaint_id, at, at_utc, author, agency, text)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (id) DO NOTHING",
            )
            .and_then(|mut s| {
                s.execute(params![
                    m.id.as_str(),
                    m.complaint_id.as_str(),
                    m.at.to_rfc3339(),
                    at_utc,
                    m.author.as_str(),
                    m.agency.as_ref().map(|a| a.as_str()),
                    m.text,
                ])
            })
            .named("insert a message")?;
        if n == 0 {
            if known == Known::ReplyNoted {
                // Its complaint was given this reply's instant, but the message is not
                // stored for it: recompute it from what is stored.
                self.mark_stale(m.complaint_id.as_str())?;
            }
            return Ok(false);
        }
        if known == Known::Unknown {
            self.note_early_message();
        }
        match m.author {
            Author::Agency | Author::Other(_) => self.mark_stale(m.complaint_id.as_str())?,
            Author::Reporter | Author::Admin if known == Known::ReplyNoted => {}
            Author::Reporter | Author::Admin => {
                note_reply(&self.tx, m.complaint_id.as_str(), &at_utc)?;
            }
            Author::System => {}
        }
        Ok(true)
    }

    /// Stores a directory entry if it is at least as new as the stored one. `source_key`
    /// orders entries (the import builds it from the batch's instant, sequence, line and
    /// id) so that import order does not matter.
    pub fn put_agency(
        &mut self,
        a: &Agency,
        source_key: &str,
        line: u64,
    ) -> Result<bool, StoreError> {
        let level = serde_json::to_value(&a.level)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        let n = self
            .tx
            .prepare_cached(
                "INSERT INTO agencies (code, name, parent, level, active, source_at, source_line)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 ON CONFLICT (code) DO UPDATE SET name = excluded.name, parent = excluded.parent,
                     level = excluded.level, active = excluded.active,
                     source_at = excluded.source_at, source_line = excluded.source_line
                 WHERE excluded.source_at >= source_at",
            )
            .and_then(|mut s| {
                s.execute(params![
                    a.code.as_str(),
                    a.name,
                    a.parent.as_ref().map(|p| p.as_str()),
                    level,
                    a.active,
                    source_key,
                    line as i64,
                ])
            })
            .named("store a directory entry")?;
        Ok(n > 0)
    }

    /// A complaint's current revision and agency, if it is cached.
    pub fn revision_and_agency(&self, id: &str) -> Result<Option<(u64, AgencyCode)>, StoreError> {
        self.tx
            .prepare_cached("SELECT revision, agency FROM complaints WHERE id = ?1")
            .and_then(|mut s| {
                s.query_row([id], |r| {
                    Ok((
                        r.get::<_, i64>("revision")? as u64,
                        AgencyCode(r.get("agency")?),
                    ))
                })
                .optional()
            })
            .named("read a complaint's revision")
    }

    /// Whether the agency directory lists a code.
    pub fn agency_known(&self, code: &str) -> Result<bool, StoreError> {
        self.tx
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM agencies WHERE code = ?1) AS known")
            .and_then(|mut s| s.query_row([code], |r| r.get("known")))
            .named("look up an agency")
    }
}

/// Binds a snapshot's columns as `?1` to `?17` (id, revision, content hash, snapshot
/// instant, agency, status, class, flags, title, category, location, channel, the two
/// instants and the stored copy), for the insert and the update alike.
fn bind_snapshot(
    stmt: &mut rusqlite::Statement<'_>,
    c: &Complaint,
    stored: Snapshot<'_>,
) -> rusqlite::Result<()> {
    stmt.raw_bind_parameter(1, c.id.as_str())?;
    stmt.raw_bind_parameter(2, c.revision as i64)?;
    stmt.raw_bind_parameter(3, stored.content_hash)?;
    stmt.raw_bind_parameter(4, stored.snapshot_at)?;
    stmt.raw_bind_parameter(5, c.agency.as_str())?;
    stmt.raw_bind_parameter(6, c.status.as_str())?;
    stmt.raw_bind_parameter(7, c.classification.as_str())?;
    stmt.raw_bind_parameter(8, c.supervisory)?;
    stmt.raw_bind_parameter(9, c.anonymous)?;
    stmt.raw_bind_parameter(10, c.confidential)?;
    stmt.raw_bind_parameter(11, &c.title)?;
    stmt.raw_bind_parameter(12, &c.category)?;
    stmt.raw_bind_parameter(13, &c.location)?;
    stmt.raw_bind_parameter(14, &c.channel)?;
    stmt.raw_bind_parameter(15, c.submitted_at.to_rfc3339())?;
    stmt.raw_bind_parameter(16, c.disposed_at.map(|d| d.to_rfc3339()))?;
    stmt.raw_bind_parameter(17, stored.data)?;
    Ok(())
}
