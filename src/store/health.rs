//! The cache's health: the checks cheap enough for every open (the file's header and
//! size, `PRAGMA quick_check` of the small bookkeeping tables, the counts agreeing),
//! the whole read an import does first, and small facts the commands report (the log's
//! size, whether the cache holds anything, whether its due dates are stale).

use super::error::Named;
use super::{DB_FILE, Store, StoreError};
use rusqlite::Connection;
use std::fs::File;
use std::path::{Path, PathBuf};

/// The small tables `PRAGMA quick_check` reads at every open: the bookkeeping a damaged
/// page would make lie (counts, settings, batches, the audit journal).
const QUICK_TABLES: [&str; 7] = [
    "meta",
    "view_counts",
    "status_counts",
    "due_counts",
    "op_counts",
    "inbound_batches",
    "audit",
];

/// Up to this size a cache's pages are all read before every import.
pub const VERIFY_ALWAYS_BYTES: u64 = 256 * 1024 * 1024;
/// The file beside the cache naming the day a large cache's pages were last all read.
const PAGES_VERIFIED: &str = "sigap.verified";

impl Store {
    /// The size of the cache's write-ahead log on disk (what a checkpoint folds in).
    pub fn wal_bytes(&self) -> u64 {
        let wal = PathBuf::from(format!("{}-wal", self.dir.join(DB_FILE).display()));
        std::fs::metadata(wal).map_or(0, |m| m.len())
    }

    /// The size of the cache's database file (with its log), in bytes.
    pub fn file_bytes(&self) -> u64 {
        std::fs::metadata(self.dir.join(DB_FILE)).map_or(0, |m| m.len()) + self.wal_bytes()
    }

    /// Whether the cache holds any complaint or operation.
    pub fn holds_data(&self) -> Result<bool, StoreError> {
        self.conn
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM complaints) OR EXISTS (SELECT 1 FROM operations) AS any",
                [],
                |r| r.get("any"),
            )
            .named("look whether the cache is empty")
    }

    /// Reads every page before an import (see [`Store::verify_pages`]): always for a
    /// cache of up to [`VERIFY_ALWAYS_BYTES`] (a third of a second), once a day for a
    /// larger one (two seconds at a million complaints; between, every read of a page
    /// checks it, and the day's backup reads them all). The day is kept in a file
    /// beside the cache, so that a refused import leaves the cache as it was.
    pub fn verify_pages_before_import(&self, today: chrono::NaiveDate) -> Result<(), StoreError> {
        let size = std::fs::metadata(self.dir.join(DB_FILE)).map_or(0, |m| m.len());
        let mark = self.dir.join(PAGES_VERIFIED);
        let day = today.to_string();
        if size > VERIFY_ALWAYS_BYTES
            && std::fs::read_to_string(&mark).is_ok_and(|d| d.trim() == day)
        {
            return Ok(());
        }
        self.verify_pages()?;
        if size > VERIFY_ALWAYS_BYTES {
            // Not kept only means the next import reads the pages again.
            let _ = std::fs::write(&mark, format!("{day}\n"));
        }
        Ok(())
    }

    /// Reads every page of the cache (`PRAGMA quick_check`): a damaged file is refused
    /// before anything is written into it. Proportional to the cache's size.
    pub fn verify_pages(&self) -> Result<(), StoreError> {
        let verdict: String = self
            .conn
            .query_row("PRAGMA quick_check(1)", [], |r| r.get(0))
            .named("check the cache")?;
        if verdict == "ok" {
            Ok(())
        } else {
            Err(StoreError::Damaged(format!(
                "{}: {verdict}",
                self.dir.join(DB_FILE).display()
            )))
        }
    }

    /// Whether the due dates were computed with other rules than this desk's (a
    /// reader cannot recompute them; the next writer does).
    pub fn rules_stale(&self) -> Result<bool, StoreError> {
        Ok(self.meta(super::SLA_FINGERPRINT)?.as_deref() != Some(&self.ctx.fingerprint()))
    }
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.to_owned(),
        source,
    }
}

/// Checks the file's first page and size without SQLite: the header's magic, a page
/// size SQLite could have written, and (when neither the write-ahead log nor a rollback
/// journal holds pages) a file as long as the header says.
pub(super) fn header_check(db: &Path) -> Result<(), StoreError> {
    use std::io::Read;
    let damaged = |detail: &str| StoreError::Damaged(format!("{}: {detail}", db.display()));
    let mut f = File::open(db).map_err(io(db))?;
    let len = f.metadata().map_err(io(db))?.len();
    let mut head = [0u8; 100];
    if len < 100 || f.read_exact(&mut head).is_err() {
        return Err(damaged("the file is shorter than a database header"));
    }
    if &head[..16] != b"SQLite format 3\0" {
        return Err(damaged("the file does not start with a database header"));
    }
    let raw = u32::from(u16::from_be_bytes([head[16], head[17]]));
    let page = if raw == 1 { 65_536 } else { raw };
    if !(512..=65_536).contains(&page) || !page.is_power_of_two() {
        return Err(damaged("the header names an impossible page size"));
    }
    if len % u64::from(page) != 0 {
        return Err(damaged(
            "its size is not a whole number of pages (cut short or added to)",
        ));
    }
    let word = |at: usize| u32::from_be_bytes([head[at], head[at + 1], head[at + 2], head[at + 3]]);
    let empty = |suffix: &str| {
        let side = PathBuf::from(format!("{}{suffix}", db.display()));
        std::fs::metadata(&side).map_or(true, |m| m.len() == 0)
    };
    // Pages still in the log are not in the file yet. A rollback journal (a first load
    // writes through one) left by a kill is played back by SQLite before anything is
    // read, and until then the header may count pages the file never received.
    let pending = !empty("-wal") || !empty("-journal");
    let pages = u64::from(word(28));
    if !pending && word(24) == word(92) && pages > 0 && len < pages * u64::from(page) {
        return Err(damaged(
            "the file is shorter than its header says (cut short)",
        ));
    }
    Ok(())
}

/// A check cheap enough for every open: `PRAGMA quick_check` of the small bookkeeping
/// tables, and the complaint counts agreeing with each other.
pub(super) fn quick_check(conn: &Connection, db: &Path) -> Result<(), StoreError> {
    const CHECK: &str = "check the cache";
    let present: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table'")
        .and_then(|mut s| s.query_map([], |r| r.get("name"))?.collect())
        .named(CHECK)?;
    for table in QUICK_TABLES {
        if !present.iter().any(|p| p == table) {
            continue;
        }
        let verdict: String = conn
            .query_row(
                "SELECT quick_check FROM pragma_quick_check(?1)",
                [table],
                |r| r.get("quick_check"),
            )
            .named(CHECK)?;
        if verdict != "ok" {
            return Err(StoreError::Damaged(format!(
                "{}: table {table}: {verdict}",
                db.display()
            )));
        }
    }
    if present.iter().any(|p| p == "view_counts") {
        let agree: bool = conn
            .query_row(
                "SELECT ifnull((SELECT total FROM view_counts WHERE id = 1), 0)
                      = ifnull((SELECT sum(n) FROM status_counts), 0) AS agree",
                [],
                |r| r.get("agree"),
            )
            .named(CHECK)?;
        if !agree {
            return Err(StoreError::Damaged(format!(
                "{}: the complaint counts disagree with each other",
                db.display()
            )));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::header_check;

    /// A header counting ten pages of 4 KiB, in a file of one page.
    fn short_file(dir: &std::path::Path) -> std::path::PathBuf {
        let mut page = vec![0u8; 4096];
        page[..16].copy_from_slice(b"SQLite format 3\0");
        page[16..18].copy_from_slice(&4096u16.to_be_bytes());
        page[24..28].copy_from_slice(&3u32.to_be_bytes());
        page[28..32].copy_from_slice(&10u32.to_be_bytes());
        page[92..96].copy_from_slice(&3u32.to_be_bytes());
        let db = dir.join("sigap.db");
        std::fs::write(&db, page).expect("write");
        db
    }

    #[test]
    fn a_file_shorter_than_its_header_is_refused_unless_a_journal_or_log_holds_pages() {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = short_file(dir.path());
        let err = header_check(&db).expect_err("cut short");
        assert!(err.to_string().contains("cut short"), "{err}");
        for side in ["sigap.db-journal", "sigap.db-wal"] {
            let path = dir.path().join(side);
            std::fs::write(&path, b"").expect("empty");
            assert!(header_check(&db).is_err(), "an empty {side} holds nothing");
            std::fs::write(&path, [1u8; 512]).expect("pages");
            header_check(&db).expect("SQLite plays it back or reads from it");
            std::fs::remove_file(&path).expect("remove");
        }
    }
}
