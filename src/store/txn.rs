//! The store's write transaction ([`Txn`]): every change the sync layer makes goes
//! through its methods, which are spread over the modules that own their tables
//! (`ops`, `complaints`, `batches`). It keeps what a bulk write must settle before it
//! commits: new rows not yet added to the maintained counts, and complaints whose
//! derived columns are stale.

use super::counts::NewRows;
use super::derived::refresh_derived;
use super::error::Named;
use super::{Store, StoreError};
use crate::domain::DeskContext;
use rusqlite::{Connection, Transaction, TransactionBehavior};
use std::collections::BTreeSet;

/// How many complaints with stale derived columns are remembered before they are
/// settled (in the same transaction; memory stays bounded on huge batches).
const STALE_LIMIT: usize = 16_384;

/// A transaction on the cache: committed with [`Txn::commit`], rolled back when dropped.
pub struct Txn<'s> {
    /// The statements run once per imported record (declared first: fields drop in
    /// order, so they are finalized before a dropped transaction rolls back).
    pub(super) held: super::held::Held<'s>,
    pub(super) tx: Transaction<'s>,
    pub(super) ctx: &'s DeskContext,
    /// Inserted complaints not yet counted (see `store::counts`).
    fresh: NewRows,
    /// Complaints whose derived columns are recomputed before the commit.
    stale: BTreeSet<String>,
    /// What the suggester learns and marks before the commit (`store::routing`).
    pub(super) routing: super::routing::Work,
    /// What it had learned before the current savepoint (kept apart, so that a file
    /// undone at its savepoint takes what it taught away with it).
    routing_before: super::routing::Work,
    /// Whether a complaint inserted now may find thread messages of its own already in
    /// the cache: unknown until asked, then whether the cache held any message, and
    /// true from the first message stored before its complaint was known.
    early_messages: Option<bool>,
    /// How many times a complaint's derived columns were recomputed from the tables.
    recomputed: u64,
    /// The store's last backup (a backup before an import may be that same copy).
    pub(super) last_backup: &'s super::same_backup::LastBackup,
}

impl Store {
    /// Starts a transaction (SQLite's deferred kind: the write lock is taken at the first
    /// write).
    pub fn txn(&mut self) -> Result<Txn<'_>, StoreError> {
        self.begin(TransactionBehavior::Deferred)
    }

    /// Starts a transaction holding the write lock from the start (for an import, which
    /// reads before it writes and must not find the cache changed in between).
    pub fn txn_immediate(&mut self) -> Result<Txn<'_>, StoreError> {
        self.begin(TransactionBehavior::Immediate)
    }

    fn begin(&mut self, behavior: TransactionBehavior) -> Result<Txn<'_>, StoreError> {
        let Store {
            conn,
            ctx,
            last_backup,
            ..
        } = self;
        // Shared for the transaction's life, so that it can hold statements too.
        let conn: &Connection = conn;
        let tx = Transaction::new_unchecked(conn, behavior).named("start a transaction")?;
        Ok(Txn {
            held: super::held::Held::new(conn),
            tx,
            ctx,
            fresh: NewRows::default(),
            stale: BTreeSet::new(),
            routing: Default::default(),
            routing_before: Default::default(),
            early_messages: None,
            recomputed: 0,
            last_backup,
        })
    }
}

impl Txn<'_> {
    /// The SLA context the derived columns are computed with.
    pub fn sla(&self) -> &DeskContext {
        self.ctx
    }

    /// Counts the new rows, settles every stale complaint, writes what the suggester
    /// learned and the marks, and commits.
    pub fn commit(mut self) -> Result<(), StoreError> {
        self.settle()?;
        self.settle_routing()?;
        self.tx.commit().named("commit")
    }

    /// Starts a savepoint, so one file of several imported in this transaction can be
    /// undone alone ([`Txn::undo_to_savepoint`]) or kept ([`Txn::keep_savepoint`]).
    /// What the transaction still had to settle is settled first, so that a savepoint
    /// undone leaves nothing of its file in memory either.
    pub fn savepoint(&mut self) -> Result<(), StoreError> {
        self.settle()?;
        self.routing_before = std::mem::take(&mut self.routing);
        self.tx
            .execute_batch("SAVEPOINT one_file")
            .named("start a savepoint")
    }

    /// Keeps what was written since [`Txn::savepoint`] (settled first).
    pub fn keep_savepoint(&mut self) -> Result<(), StoreError> {
        self.settle()?;
        let file = std::mem::take(&mut self.routing);
        self.routing = std::mem::take(&mut self.routing_before);
        self.routing.absorb(file);
        self.tx
            .execute_batch("RELEASE one_file")
            .named("keep a savepoint")
    }

    /// Undoes everything written since [`Txn::savepoint`], with what was still to be
    /// settled of it.
    pub fn undo_to_savepoint(&mut self) -> Result<(), StoreError> {
        self.fresh = NewRows::default();
        self.stale.clear();
        self.routing = std::mem::take(&mut self.routing_before);
        self.tx
            .execute_batch("ROLLBACK TO one_file; RELEASE one_file")
            .named("undo a savepoint")
    }

    /// Counts an inserted complaint (see [`NewRows::add`]).
    pub(super) fn count_new(&mut self) -> &mut NewRows {
        &mut self.fresh
    }

    /// Adds the counted new rows to the maintained counts. Runs before anything updates
    /// or deletes complaint rows, whose triggers then subtract from those counts.
    pub(super) fn before_recount(&mut self) -> Result<(), StoreError> {
        self.fresh.flush(&self.tx)
    }

    /// Whether a complaint new to the cache must look for thread messages of its own
    /// (see `early_messages`).
    pub(super) fn maybe_early_messages(&mut self) -> Result<bool, StoreError> {
        if let Some(maybe) = self.early_messages {
            return Ok(maybe);
        }
        let any: bool = self
            .tx
            .query_row("SELECT EXISTS (SELECT 1 FROM messages) AS found", [], |r| {
                r.get("found")
            })
            .named("look for thread messages")?;
        self.early_messages = Some(any);
        Ok(any)
    }

    /// A message was stored whose complaint may not be in the cache yet.
    pub(super) fn note_early_message(&mut self) {
        self.early_messages = Some(true);
    }

    /// Recomputes one complaint's derived columns now.
    pub(super) fn refresh(&mut self, id: &str) -> Result<(), StoreError> {
        self.before_recount()?;
        self.recomputed += 1;
        refresh_derived(&self.tx, self.ctx, id)
    }

    /// How many times a complaint's derived columns were recomputed from the tables so
    /// far: a writer that put something in a complaint's row itself knows by this that
    /// nothing has recomputed it since.
    pub fn recomputations(&self) -> u64 {
        self.recomputed
    }

    /// Remembers that a complaint's derived columns are stale (after the write that made
    /// them so); they are recomputed before the commit, or now if many are waiting.
    pub(super) fn mark_stale(&mut self, id: &str) -> Result<(), StoreError> {
        if !self.stale.contains(id) {
            self.stale.insert(id.to_owned());
        }
        if self.stale.len() >= STALE_LIMIT {
            self.settle()?;
        }
        Ok(())
    }

    /// Counts the new rows, then recomputes every stale complaint.
    fn settle(&mut self) -> Result<(), StoreError> {
        self.before_recount()?;
        for id in std::mem::take(&mut self.stale) {
            self.recomputed += 1;
            refresh_derived(&self.tx, self.ctx, &id)?;
        }
        Ok(())
    }
}
