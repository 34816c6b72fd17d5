//! What can go wrong with the cache, as the officer reads it. Every sentence an officer
//! may see from the store is written here, on the error type, and nowhere else.

use std::path::PathBuf;

/// Why the cache could not be used.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "the cache in {0} is already open in another Sigap (close the other window or command first)"
    )]
    AlreadyOpen(PathBuf),
    #[error(
        "the cache {path} was written by a newer Sigap (schema {found}, this one knows up to {supported}); update Sigap"
    )]
    TooNew {
        path: PathBuf,
        found: usize,
        supported: usize,
    },
    #[error("{0} is not a Sigap cache")]
    NotSigap(PathBuf),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cache migration failed: {0}")]
    Migration(String),
    /// A statement failed; `statement` says which, as "the cache could not …" ends.
    #[error("the cache could not {statement}: {source}")]
    Sql {
        statement: &'static str,
        source: rusqlite::Error,
    },
    /// A stored row that cannot be decoded (its JSON or an instant in it).
    #[error("complaint {complaint}: {part} in the cache cannot be read ({reason})")]
    Corrupt {
        complaint: String,
        part: Part,
        reason: String,
    },
    /// An operation that could not be encoded for the outbox.
    #[error("operation {op} could not be stored: {reason}")]
    Unencodable { op: String, reason: String },
    /// The file is damaged (what was found, naming the file).
    #[error(
        "the cache is damaged ({0}); `sigap check` tells more, and `sigap restore FILE` puts back a copy from the data folder's `backups`"
    )]
    Damaged(String),
    /// The cache file is missing or empty although a cache existed in its folder.
    #[error(
        "{} is missing or empty, but a cache existed in this folder; restore a copy with `sigap restore FILE`{}, or move the folder away to start a new cache",
        .path.display(), newest_note(.newest_backup)
    )]
    Vanished {
        path: PathBuf,
        newest_backup: Option<PathBuf>,
    },
    /// A reader found a cache of an older schema, which only a writer can update.
    #[error(
        "the cache {0} was written by an older Sigap and must be updated first: run any command that writes (for example `sigap check --repair`) or open the desk"
    )]
    NeedsUpgrade(PathBuf),
    /// The disk holding the cache is full.
    #[error(
        "the disk holding the cache is full, so the cache could not {statement}: free space on it (at least as much as the cache's `sigap.db-wal` file) and try again; commands that only read still work"
    )]
    DiskFull { statement: &'static str },
    /// Another connection kept the cache past the wait (a first load holds it until its
    /// commit: it writes through a rollback journal, see `Store::bulk`).
    #[error(
        "another Sigap is writing to the cache, so it could not {statement}: try again when it has finished (a first import of many complaints takes a while)"
    )]
    Busy { statement: &'static str },
    /// A restore that would lose operations not yet exported.
    #[error(
        "{count} operation(s) not yet exported are in the cache but not in {}; export them first (`sigap export`) or restore with --force to lose them",
        .file.display()
    )]
    PendingWouldBeLost { count: u64, file: PathBuf },
    /// A file offered for restore that cannot be used.
    #[error("{}: cannot be restored: {reason}", .file.display())]
    BadBackup { file: PathBuf, reason: String },
}

/// " (the newest is FILE)" when there is a backup.
fn newest_note(b: &Option<PathBuf>) -> String {
    b.as_ref()
        .map(|b| format!(" (the newest is {})", b.display()))
        .unwrap_or_default()
}

/// A SQLite error as the officer reads it: a full disk and a damaged file are said so,
/// any other names the statement.
pub(super) fn sql_error(statement: &'static str, source: rusqlite::Error) -> StoreError {
    match source.sqlite_error_code() {
        Some(rusqlite::ErrorCode::DiskFull) => StoreError::DiskFull { statement },
        Some(rusqlite::ErrorCode::DatabaseBusy) => StoreError::Busy { statement },
        Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase) => {
            StoreError::Damaged(format!("while trying to {statement}: {source}"))
        }
        _ => StoreError::Sql { statement, source },
    }
}

/// Which stored row of a complaint could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    /// Its snapshot as the registry sent it.
    Snapshot,
    /// One of this desk's operations on it, by id.
    Operation(String),
}

impl std::fmt::Display for Part {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Part::Snapshot => write!(f, "its snapshot"),
            Part::Operation(id) => write!(f, "its operation {id}"),
        }
    }
}

/// Names the statement a SQLite error came from.
pub(super) trait Named<T> {
    /// The result, its error tagged with `statement` (a short verb phrase: "insert a
    /// complaint").
    fn named(self, statement: &'static str) -> Result<T, StoreError>;
}

impl<T> Named<T> for rusqlite::Result<T> {
    fn named(self, statement: &'static str) -> Result<T, StoreError> {
        self.map_err(|source| sql_error(statement, source))
    }
}
