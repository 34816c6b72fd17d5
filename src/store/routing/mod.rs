//! The suggester's memory in the cache (schema 9): how many learned complaints of each
//! agency hold each term (`routing_terms`, terms as hashes), each agency's totals
//! (`routing_classes`), the agency a complaint taught (`complaints.route_label`) and
//! the likely-misrouted mark (`complaints.misrouted_to`) with its view count. The
//! import keeps them current (`learn`); this module answers `suggest`, measures the
//! suggester (`evaluate`) and links likely duplicates (`duplicates`).

mod duplicates;
mod evaluate;
mod learn;

pub use evaluate::{Evaluation, MarkAt, Miss};
pub(super) use learn::Work;

use super::error::Named;
use super::{Store, StoreError};
use crate::domain::routing::{self, Keywords, Model, Query, Region, Suggestion};
use crate::domain::{AgencyCode, Complaint, DeskContext};
use rusqlite::{Connection, OptionalExtension};
use std::sync::OnceLock;

/// Schema 9: the suggester's counts, the learned label and the misrouted mark.
pub const V9: &str = r#"
CREATE TABLE routing_terms (
    term   INTEGER NOT NULL,
    agency TEXT NOT NULL,
    n      INTEGER NOT NULL,
    PRIMARY KEY (term, agency)
) STRICT, WITHOUT ROWID;
CREATE TABLE routing_classes (
    agency TEXT PRIMARY KEY,
    docs   INTEGER NOT NULL,
    tokens INTEGER NOT NULL
) STRICT;
ALTER TABLE complaints ADD COLUMN route_label TEXT;
ALTER TABLE complaints ADD COLUMN misrouted_to TEXT;
ALTER TABLE view_counts ADD COLUMN misrouted INTEGER NOT NULL DEFAULT 0;
CREATE INDEX complaints_misrouted ON complaints (sort_key)
    WHERE misrouted_to IS NOT NULL AND transfer_proposed = 0;
-- Likely duplicates are looked for among the complaints of the same place.
CREATE INDEX complaints_by_place ON complaints (location) WHERE location IS NOT NULL;

-- The view 'Mungkin Salah Alamat': marked, and no transfer proposed yet.
CREATE TRIGGER complaints_misrouted_recounted AFTER UPDATE OF misrouted_to, transfer_proposed
    ON complaints
    WHEN (OLD.misrouted_to IS NOT NULL AND OLD.transfer_proposed = 0)
      IS NOT (NEW.misrouted_to IS NOT NULL AND NEW.transfer_proposed = 0)
BEGIN
    UPDATE view_counts SET misrouted = misrouted
        + (NEW.misrouted_to IS NOT NULL AND NEW.transfer_proposed = 0)
        - (OLD.misrouted_to IS NOT NULL AND OLD.transfer_proposed = 0)
    WHERE id = 1;
END;
CREATE TRIGGER complaints_misrouted_out AFTER DELETE ON complaints
    WHEN OLD.misrouted_to IS NOT NULL AND OLD.transfer_proposed = 0
BEGIN
    UPDATE view_counts SET misrouted = misrouted - 1 WHERE id = 1;
END;

-- Learned from every cached complaint at the next writing open.
DELETE FROM meta WHERE key = 'routing_version';
"#;

/// Schema 11: likely duplicates are looked for by place and by when they were
/// submitted, not among every complaint of the place (a busy village holds thousands).
/// `julianday` reads the stored RFC 3339 instants with their offsets, so one range on
/// the index is the window in days whatever the offsets.
pub const V11: &str = r#"
DROP INDEX complaints_by_place;
CREATE INDEX complaints_by_place ON complaints (location, julianday(submitted_at))
    WHERE location IS NOT NULL;
"#;

/// The meta key naming the suggester version the counts were learned with; another
/// value (or none) relearns everything at the next writing open.
const VERSION_KEY: &str = "routing_version";
/// Bump when the terms or the learning rule change.
const VERSION: &str = "2";
/// The meta key of how many learned complaints the model had at the last full pass
/// over the open complaints' marks.
const SWEPT_KEY: &str = "routing_swept";

/// The keyword table, read once.
fn keywords() -> &'static Keywords {
    static TABLE: OnceLock<Keywords> = OnceLock::new();
    TABLE.get_or_init(Keywords::embedded)
}

/// The suggestions for one complaint, as `sigap suggest` and the transfer pane show them.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggested {
    pub id: String,
    pub agency: AgencyCode,
    /// The inbox's mark (kept by the import).
    pub misrouted: bool,
    pub suggestions: Vec<Suggestion>,
}

/// Loads the model: the directory, the classes, and the counts of `only` these terms
/// (every term when `None`), with the keyword table.
fn load_model(
    conn: &Connection,
    ctx: &DeskContext,
    only: Option<&[i64]>,
) -> Result<Model, StoreError> {
    let dir = super::complaints::directory(conn)?;
    let mut m = Model::new(&dir, &ctx.scope);
    const CLASSES: &str = "read the suggester's agencies";
    let mut s = conn
        .prepare_cached("SELECT agency, docs, tokens FROM routing_classes ORDER BY agency")
        .named(CLASSES)?;
    let mut rows = s.query([]).named(CLASSES)?;
    while let Some(r) = rows.next().named(CLASSES)? {
        let agency: String = r.get("agency").named(CLASSES)?;
        let docs: i64 = r.get("docs").named(CLASSES)?;
        let tokens: i64 = r.get("tokens").named(CLASSES)?;
        m.add_class(&agency, docs.max(0) as u64, tokens.max(0) as u64);
    }
    const TERMS: &str = "read the suggester's terms";
    let mut add = |r: &rusqlite::Row<'_>| -> rusqlite::Result<()> {
        let n: i64 = r.get("n")?;
        m.add_term(
            r.get("term")?,
            &r.get::<_, String>("agency")?,
            n.max(0) as u64,
        );
        Ok(())
    };
    match only {
        Some(terms) => {
            let mut s = conn
                .prepare_cached("SELECT term, agency, n FROM routing_terms WHERE term = ?1")
                .named(TERMS)?;
            for t in terms {
                let mut rows = s.query([t]).named(TERMS)?;
                while let Some(r) = rows.next().named(TERMS)? {
                    add(r).named(TERMS)?;
                }
            }
        }
        None => {
            let mut s = conn
                .prepare("SELECT term, agency, n FROM routing_terms ORDER BY term, agency")
                .named(TERMS)?;
            let mut rows = s.query([]).named(TERMS)?;
            while let Some(r) = rows.next().named(TERMS)? {
                add(r).named(TERMS)?;
            }
        }
    }
    m.add_keywords(keywords());
    Ok(m)
}

/// What the suggester reads of a stored complaint.
struct Stored {
    complaint: Complaint,
    terms: Vec<i64>,
    route_label: Option<String>,
    marked: bool,
}

fn read_stored(conn: &Connection, id: &str) -> Result<Option<Stored>, StoreError> {
    const READ: &str = "read a complaint for the suggester";
    let row: Option<(String, Option<String>, bool)> = conn
        .prepare_cached(
            "SELECT s.snapshot AS snapshot, c.route_label AS route_label,
                    (c.misrouted_to IS NOT NULL AND c.transfer_proposed = 0) AS marked
             FROM complaints c JOIN complaint_snapshots s ON s.rid = c.rowid WHERE c.id = ?1",
        )
        .and_then(|mut s| {
            s.query_row([id], |r| {
                Ok((r.get("snapshot")?, r.get("route_label")?, r.get("marked")?))
            })
            .optional()
        })
        .named(READ)?;
    let Some((data, route_label, marked)) = row else {
        return Ok(None);
    };
    let complaint = parse_snapshot(id, &data)?;
    Ok(Some(Stored {
        terms: routing::terms(&complaint),
        complaint,
        route_label,
        marked,
    }))
}

/// A stored snapshot as a complaint.
fn parse_snapshot(id: &str, data: &str) -> Result<Complaint, StoreError> {
    serde_json::from_str(data).map_err(|e| StoreError::Corrupt {
        complaint: id.to_owned(),
        part: super::Part::Snapshot,
        reason: e.to_string(),
    })
}

impl Store {
    /// The agencies a complaint most likely belongs to (`None` for an unknown id): best
    /// first, at most five, never its current agency. Reasons quote a word of the
    /// complaint only when it is neither anonymous nor confidential.
    pub fn suggest(&self, id: &str) -> Result<Option<Suggested>, StoreError> {
        let Some(s) = read_stored(&self.conn, id)? else {
            return Ok(None);
        };
        let model = load_model(&self.conn, &self.ctx, Some(&s.terms))?;
        let c = &s.complaint;
        let texts = if c.anonymous || c.confidential {
            Vec::new()
        } else {
            routing::term_texts(c)
        };
        let q = Query {
            terms: &s.terms,
            texts: &texts,
            region: c.location.as_deref().and_then(Region::of_location),
            learned_at: s.route_label.as_deref(),
        };
        let ranked = model.rank(&q, routing::MAX_SUGGESTIONS + 1);
        Ok(Some(Suggested {
            id: c.id.0.clone(),
            agency: c.agency.clone(),
            misrouted: s.marked,
            suggestions: routing::shown(ranked, c.agency.as_str()),
        }))
    }

    /// Relearns everything when the cache's counts were learned by another version of
    /// the suggester (or never: a cache from before schema 9).
    pub(super) fn relearn_if_needed(&mut self) -> Result<(), StoreError> {
        if super::get_meta(&self.conn, VERSION_KEY)?.as_deref() == Some(VERSION) {
            return Ok(());
        }
        let mut txn = self.txn()?;
        learn::relearn(&mut txn)?;
        super::set_meta(&txn.tx, VERSION_KEY, VERSION)?;
        txn.commit()
    }
}
