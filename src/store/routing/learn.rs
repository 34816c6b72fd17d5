//! Keeping the suggester current inside a write transaction: what a snapshot teaches
//! (its final agency, when known) is added to the counts, what its earlier revision
//! taught is taken back, and the marks of the open complaints it touched are computed
//! once, in bulk, before the commit, with the counts as the whole import leaves them.
//! When the model has grown by half since the marks were last all computed, the open
//! complaints the import did not touch are marked again too.

use super::{SWEPT_KEY, load_model, parse_snapshot};
use crate::domain::Complaint;
use crate::domain::routing::{self, Query, Region};
use crate::store::error::Named;
use crate::store::{StoreError, Txn};
use rusqlite::{Connection, OptionalExtension, params};
use std::collections::{BTreeSet, HashMap, HashSet};

/// Up to this many complaints to mark, the model is read for their terms only.
const ONE_BY_ONE: usize = 2_000;

/// A complaint whose mark is computed before the commit.
struct ToMark {
    id: String,
    agency: String,
    terms: Vec<i64>,
    region: Option<Region>,
    title: String,
    /// Inserted by this transaction (its mark is still empty).
    new: bool,
}

/// What a transaction changed for the suggester and has not settled yet.
#[derive(Default)]
pub(in crate::store) struct Work {
    /// Per term and agency (an index into `agencies`), the change of its count.
    terms: HashMap<(i64, usize), i64>,
    agencies: Vec<String>,
    classes: HashMap<String, (i64, i64)>,
    /// How many complaints this transaction inserted.
    inserted: i64,
    marks: Vec<ToMark>,
    /// Complaints whose stored snapshot may teach another agency now (an older
    /// snapshot showed another agency: it was transferred).
    relabel: BTreeSet<String>,
}

impl Work {
    /// Adds what a later part of the transaction changed (a file kept at its
    /// savepoint) to what the earlier parts did.
    pub(in crate::store) fn absorb(&mut self, later: Work) {
        for ((term, a), n) in later.terms {
            let Some(agency) = later.agencies.get(a) else {
                continue;
            };
            let b = self.agency_index(agency);
            *self.terms.entry((term, b)).or_default() += n;
        }
        for (agency, (n, t)) in later.classes {
            let c = self.classes.entry(agency).or_default();
            c.0 += n;
            c.1 += t;
        }
        self.inserted += later.inserted;
        self.marks.extend(later.marks);
        self.relabel.extend(later.relabel);
    }

    fn agency_index(&mut self, agency: &str) -> usize {
        match self.agencies.iter().position(|x| x == agency) {
            Some(a) => a,
            None => {
                self.agencies.push(agency.to_owned());
                self.agencies.len() - 1
            }
        }
    }

    fn learn(&mut self, terms: &[i64], agency: &str, sign: i64) {
        let a = self.agency_index(agency);
        for &t in terms {
            *self.terms.entry((t, a)).or_default() += sign;
        }
        let c = self.classes.entry(agency.to_owned()).or_default();
        c.0 += sign;
        c.1 += sign * terms.len() as i64;
    }
}

/// The label and terms a stored complaint taught, if any.
type Taught = Option<(String, Vec<i64>)>;

impl Txn<'_> {
    /// After a new complaint's insert: learns from it if it ended, and marks it later
    /// if it is open in the desk's scope.
    pub(in crate::store) fn route_new(&mut self, c: &Complaint, d: crate::store::NewDerived) {
        self.routing.inserted += 1;
        if let Some(label) = &d.route_label {
            self.routing.learn(&d.terms, label, 1);
        }
        if routing::markable(&c.status, d.in_scope) {
            self.routing.marks.push(ToMark {
                id: c.id.0.clone(),
                agency: c.agency.0.clone(),
                terms: d.terms,
                region: c.location.as_deref().and_then(Region::of_location),
                title: c.title.clone(),
                new: true,
            });
        }
    }

    /// Before a snapshot replaces a stored one: what the stored one taught.
    pub(in crate::store) fn route_taught(&self, id: &str) -> Result<Taught, StoreError> {
        const READ: &str = "read what a complaint taught the suggester";
        let row: Option<(Option<String>, String)> = self
            .tx
            .prepare_cached(
                "SELECT c.route_label AS route_label, s.snapshot AS snapshot FROM complaints c
                 JOIN complaint_snapshots s ON s.rid = c.rowid WHERE c.id = ?1",
            )
            .and_then(|mut s| {
                s.query_row([id], |r| Ok((r.get("route_label")?, r.get("snapshot")?)))
                    .optional()
            })
            .named(READ)?;
        match row {
            Some((Some(label), data)) => {
                // A snapshot that cannot be read teaches nothing more and is not taken
                // back (`sigap check` names it); the import goes on.
                Ok(parse_snapshot(id, &data)
                    .ok()
                    .map(|c| (label, routing::terms(&c))))
            }
            _ => Ok(None),
        }
    }

    /// After a snapshot replaced a stored one: relearns it if what it teaches changed,
    /// and marks it later (or clears its mark when it is no longer open in scope).
    pub(in crate::store) fn route_replaced(
        &mut self,
        c: &Complaint,
        before: Taught,
    ) -> Result<(), StoreError> {
        let id = c.id.as_str();
        let transferred = transferred(&self.tx, id)?;
        let terms = routing::terms(c);
        let now = routing::final_agency(c, transferred).map(|a| (a.0.clone(), terms.clone()));
        if now != before {
            if let Some((label, old)) = &before {
                self.routing.learn(old, label, -1);
            }
            if let Some((label, new)) = &now {
                self.routing.learn(new, label, 1);
            }
            self.tx
                .prepare_cached("UPDATE complaints SET route_label = ?2 WHERE id = ?1")
                .and_then(|mut s| s.execute(params![id, now.as_ref().map(|n| &n.0)]))
                .named("record what a complaint teaches the suggester")?;
        }
        if routing::markable(&c.status, self.ctx.in_scope(c.agency.as_str())) {
            self.routing.marks.push(ToMark {
                id: id.to_owned(),
                agency: c.agency.0.clone(),
                terms,
                region: c.location.as_deref().and_then(Region::of_location),
                title: c.title.clone(),
                new: false,
            });
        } else {
            self.before_recount()?;
            self.tx
                .prepare_cached(
                    "UPDATE complaints SET misrouted_to = NULL
                     WHERE id = ?1 AND misrouted_to IS NOT NULL",
                )
                .and_then(|mut s| s.execute([id]))
                .named("clear a misrouted mark")?;
        }
        Ok(())
    }

    /// Remembers a complaint whose transfer chain grew while its snapshot stayed.
    pub fn route_relabel(&mut self, id: &str) {
        self.routing.relabel.insert(id.to_owned());
    }

    /// Relearns a stored complaint whose chain grew (its snapshot is what it taught
    /// from, so what it taught is taken back exactly).
    fn relabel(&mut self, id: &str) -> Result<(), StoreError> {
        let Some((Some(c), old)) = self
            .tx
            .prepare_cached(
                "SELECT s.snapshot AS snapshot, c.route_label AS route_label FROM complaints c
                 JOIN complaint_snapshots s ON s.rid = c.rowid WHERE c.id = ?1",
            )
            .and_then(|mut s| {
                s.query_row([id], |r| {
                    let data: String = r.get("snapshot")?;
                    Ok((
                        parse_snapshot(id, &data).ok(),
                        r.get::<_, Option<String>>("route_label")?,
                    ))
                })
                .optional()
            })
            .named("read a complaint to relearn")?
        else {
            return Ok(());
        };
        let now = routing::final_agency(&c, transferred(&self.tx, id)?).map(|a| a.0.clone());
        if now == old {
            return Ok(());
        }
        let terms = routing::terms(&c);
        if let Some(label) = &old {
            self.routing.learn(&terms, label, -1);
        }
        if let Some(label) = &now {
            self.routing.learn(&terms, label, 1);
        }
        self.tx
            .prepare_cached("UPDATE complaints SET route_label = ?2 WHERE id = ?1")
            .and_then(|mut s| s.execute(params![id, now]))
            .named("record what a complaint teaches the suggester")?;
        Ok(())
    }

    /// Writes the learned counts and the marks (before the commit).
    pub(in crate::store) fn settle_routing(&mut self) -> Result<(), StoreError> {
        for id in std::mem::take(&mut self.routing.relabel) {
            self.relabel(&id)?;
        }
        let work = std::mem::take(&mut self.routing);
        if work.terms.is_empty() && work.marks.is_empty() {
            return Ok(());
        }
        flush_counts(&self.tx, &work)?;
        // A large import reads every count at once rather than its terms' one by one
        // (gathering its terms costs more than reading a few thousand rows).
        let wanted: Option<Vec<i64>> = (work.marks.len() <= ONE_BY_ONE).then(|| {
            let mut t: Vec<i64> = work
                .marks
                .iter()
                .flat_map(|m| m.terms.iter().copied())
                .collect();
            t.sort_unstable();
            t.dedup();
            t
        });
        let model = load_model(&self.tx, self.ctx, wanted.as_deref())?;
        let mut touched: HashSet<&str> = HashSet::with_capacity(work.marks.len());
        for (m, mark) in work.marks.iter().zip(marks_of(&model, &work.marks)) {
            touched.insert(&m.id);
            if mark.is_some() || !m.new {
                write_mark(&self.tx, &m.id, mark.as_deref())?;
            }
        }
        // The marks of untouched complaints follow the model when it has grown by half.
        let learned = class_total(&self.tx)?;
        let swept: i64 = crate::store::get_meta(&self.tx, SWEPT_KEY)?
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        // A cache that held nothing before this transaction has nothing untouched.
        let total: i64 = self
            .tx
            .prepare_cached("SELECT total FROM view_counts WHERE id = 1")
            .and_then(|mut s| s.query_row([], |r| r.get("total")))
            .named("count the complaints")?;
        let untouched = total > work.inserted;
        if learned * 2 >= swept * 3 && learned > swept {
            if untouched {
                sweep(self, &touched)?;
            }
            crate::store::set_meta(&self.tx, SWEPT_KEY, &learned.to_string())?;
        }
        drop(touched);
        if work.marks.len() >= PARALLEL_MARKS {
            // Tens of thousands of small allocations: freed beside the commit.
            std::thread::spawn(move || drop(work));
        }
        Ok(())
    }
}

/// From this many complaints to mark, they are marked on two threads: by the commit of
/// a large import the reading thread has finished and its core is free. (Marking one
/// takes about a microsecond; a thread, tens.)
const PARALLEL_MARKS: usize = 2_048;

/// The marks of `marks`, in their order.
fn marks_of(model: &routing::Model, marks: &[ToMark]) -> Vec<Option<String>> {
    let mark = |m: &ToMark| mark_of(model, &m.terms, m.region.clone(), (&m.agency, &m.title));
    if marks.len() < PARALLEL_MARKS {
        return marks.iter().map(mark).collect();
    }
    let (a, b) = marks.split_at(marks.len() / 2);
    std::thread::scope(|s| {
        let second = s.spawn(|| b.iter().map(mark).collect::<Vec<_>>());
        let mut first: Vec<Option<String>> = a.iter().map(mark).collect();
        // A panic there would be a bug of the model's: it is raised here too.
        first.extend(
            second
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e)),
        );
        first
    })
}

/// The mark of a complaint at `agency`: the agency it likely belongs to instead.
fn mark_of(
    model: &routing::Model,
    terms: &[i64],
    region: Option<Region>,
    (agency, title): (&str, &str),
) -> Option<String> {
    let q = Query {
        terms,
        region,
        ..Query::default()
    };
    routing::mark(model, &q, agency, title).map(|a| a.0)
}

fn write_mark(conn: &Connection, id: &str, mark: Option<&str>) -> Result<(), StoreError> {
    conn.prepare_cached(
        "UPDATE complaints SET misrouted_to = ?2 WHERE id = ?1 AND misrouted_to IS NOT ?2",
    )
    .and_then(|mut s| s.execute(params![id, mark]))
    .named("write a misrouted mark")?;
    Ok(())
}

/// Whether the cache saw a complaint at more than one agency.
fn transferred(conn: &Connection, id: &str) -> Result<bool, StoreError> {
    conn.prepare_cached(
        "SELECT count(*) > 1 AS moved FROM complaint_agencies WHERE complaint_id = ?1",
    )
    .and_then(|mut s| s.query_row([id], |r| r.get("moved")))
    .named("count a complaint's agencies")
}

fn class_total(conn: &Connection) -> Result<i64, StoreError> {
    conn.prepare_cached("SELECT ifnull(sum(docs), 0) AS n FROM routing_classes")
        .and_then(|mut s| s.query_row([], |r| r.get("n")))
        .named("count the learned complaints")
}

fn flush_counts(conn: &Connection, work: &Work) -> Result<(), StoreError> {
    const TERMS: &str = "write the suggester's terms";
    let mut s = conn
        .prepare_cached(
            "INSERT INTO routing_terms (term, agency, n) VALUES (?1, ?2, ?3)
             ON CONFLICT (term, agency) DO UPDATE SET n = n + excluded.n",
        )
        .named(TERMS)?;
    let mut shrank = false;
    for ((t, a), d) in &work.terms {
        if *d != 0 {
            s.execute(params![t, work.agencies[*a], d]).named(TERMS)?;
            shrank |= *d < 0;
        }
    }
    const CLASSES: &str = "write the suggester's agencies";
    let mut s = conn
        .prepare_cached(
            "INSERT INTO routing_classes (agency, docs, tokens) VALUES (?1, ?2, ?3)
             ON CONFLICT (agency) DO UPDATE SET docs = docs + excluded.docs,
                 tokens = tokens + excluded.tokens",
        )
        .named(CLASSES)?;
    for (a, (docs, tokens)) in &work.classes {
        s.execute(params![a, docs, tokens]).named(CLASSES)?;
    }
    if shrank {
        conn.execute("DELETE FROM routing_terms WHERE n <= 0", [])
            .named(TERMS)?;
        conn.execute("DELETE FROM routing_classes WHERE docs <= 0", [])
            .named(CLASSES)?;
    }
    Ok(())
}

/// Marks again every open complaint in scope that `skip` does not hold.
fn sweep(txn: &mut Txn<'_>, skip: &HashSet<&str>) -> Result<(), StoreError> {
    const OPEN: &str = "list the open complaints for their marks";
    let ids: Vec<String> = txn
        .tx
        .prepare(
            "SELECT id FROM complaints WHERE in_scope = 1 AND status NOT IN ('selesai', 'arsip')",
        )
        .and_then(|mut s| s.query_map([], |r| r.get("id"))?.collect::<Result<_, _>>())
        .named(OPEN)?;
    let ids: Vec<String> = ids
        .into_iter()
        .filter(|i| !skip.contains(i.as_str()))
        .collect();
    if ids.is_empty() {
        return Ok(());
    }
    let model = load_model(&txn.tx, txn.ctx, None)?;
    for id in ids {
        let data: String = txn
            .tx
            .prepare_cached(
                "SELECT s.snapshot AS snapshot FROM complaints c
                 JOIN complaint_snapshots s ON s.rid = c.rowid WHERE c.id = ?1",
            )
            .and_then(|mut s| s.query_row([&id], |r| r.get("snapshot")))
            .named(OPEN)?;
        // A snapshot that cannot be read is not marked (`sigap check` names it).
        let Ok(c) = parse_snapshot(&id, &data) else {
            continue;
        };
        let region = c.location.as_deref().and_then(Region::of_location);
        let at = (c.agency.as_str(), c.title.as_str());
        let mark = mark_of(&model, &routing::terms(&c), region, at);
        write_mark(&txn.tx, &id, mark.as_deref())?;
    }
    Ok(())
}

/// Forgets every count and mark and learns again from every cached complaint.
pub(super) fn relearn(txn: &mut Txn<'_>) -> Result<(), StoreError> {
    txn.before_recount()?;
    const CLEAR: &str = "clear the suggester's counts";
    txn.tx
        .execute_batch(
            "DELETE FROM routing_terms; DELETE FROM routing_classes;
             UPDATE complaints SET route_label = NULL WHERE route_label IS NOT NULL;
             UPDATE complaints SET misrouted_to = NULL WHERE misrouted_to IS NOT NULL;",
        )
        .named(CLEAR)?;
    crate::store::set_meta(&txn.tx, SWEPT_KEY, "0")?;
    const ALL: &str = "read every complaint for the suggester";
    let rows: Vec<(String, String, bool)> = txn
        .tx
        .prepare(
            "SELECT c.id AS id, s.snapshot AS snapshot,
                    (SELECT count(*) FROM complaint_agencies a WHERE a.complaint_id = c.id) > 1
                        AS moved
             FROM complaints c JOIN complaint_snapshots s ON s.rid = c.rowid ORDER BY c.id",
        )
        .and_then(|mut s| {
            s.query_map([], |r| {
                Ok((r.get("id")?, r.get("snapshot")?, r.get("moved")?))
            })?
            .collect()
        })
        .named(ALL)?;
    for (id, data, moved) in rows {
        let Ok(c) = parse_snapshot(&id, &data) else {
            continue;
        };
        if let Some(label) = routing::final_agency(&c, moved) {
            let terms = routing::terms(&c);
            txn.routing.learn(&terms, label.as_str(), 1);
            txn.tx
                .prepare_cached("UPDATE complaints SET route_label = ?2 WHERE id = ?1")
                .and_then(|mut s| s.execute(params![id, label.as_str()]))
                .named(ALL)?;
        }
    }
    // Every open complaint is marked by the sweep (nothing was touched).
    let work = std::mem::take(&mut txn.routing);
    flush_counts(&txn.tx, &work)?;
    sweep(txn, &HashSet::new())?;
    let learned = class_total(&txn.tx)?;
    crate::store::set_meta(&txn.tx, SWEPT_KEY, &learned.to_string())
}
