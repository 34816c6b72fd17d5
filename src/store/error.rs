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
        self.map_err(|source| StoreError::Sql { statement, source })
    }
}
