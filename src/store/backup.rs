//! Backups the office never has to think of: consistent copies of the cache taken with
//! `VACUUM INTO` through a read-only connection (so a backup sees one committed state,
//! even while an import's transaction is open on another connection), written under a
//! temporary name, synced, then renamed into the data folder's `backups`. Each kind
//! keeps its newest few; a copy that cannot be read whole (a damaged cache) fails and
//! the older copies are kept.

use super::error::Named;
use super::fsperm::private_dir;
use super::{DB_FILE, Store, StoreError, Txn};
use chrono::Utc;
use std::path::{Path, PathBuf};

/// The folder of backups inside the data folder.
pub const BACKUP_DIR: &str = "backups";
/// A partial copy older than this was left by a killed backup.
const STALE_PARTIAL: std::time::Duration = std::time::Duration::from_secs(600);

/// Why a backup was taken (its file name says it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BackupKind {
    /// At the first open of a day.
    Daily,
    /// Before a migration rewrote the schema.
    Migration,
    /// Before an import that changes many rows.
    Import,
    /// The cache a restore replaced.
    Restore,
    /// `sigap backup`.
    Manual,
}

pub(super) use BackupKind as Kind;

impl BackupKind {
    const ALL: [BackupKind; 5] = [
        BackupKind::Daily,
        BackupKind::Migration,
        BackupKind::Import,
        BackupKind::Restore,
        BackupKind::Manual,
    ];

    /// The word in the file name.
    pub fn name(self) -> &'static str {
        match self {
            BackupKind::Daily => "daily",
            BackupKind::Migration => "migration",
            BackupKind::Import => "import",
            BackupKind::Restore => "restore",
            BackupKind::Manual => "manual",
        }
    }

    /// How many of this kind are kept.
    fn keep(self) -> usize {
        match self {
            BackupKind::Daily => 7,
            BackupKind::Manual => 5,
            _ => 3,
        }
    }
}

/// One backup in the backups folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BackupFile {
    pub path: PathBuf,
    pub kind: BackupKind,
    /// When it was taken, as its name says (`20261120T081500Z`).
    pub taken: String,
    pub bytes: u64,
}

/// The backups of a data folder, oldest first.
pub fn list_backups(dir: &Path) -> Vec<BackupFile> {
    let Ok(entries) = std::fs::read_dir(dir.join(BACKUP_DIR)) else {
        return Vec::new();
    };
    let mut found: Vec<BackupFile> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let rest = name.strip_prefix("sigap-")?.strip_suffix(".db")?;
            let mut parts = rest.split('-');
            let taken = parts.next()?.to_owned();
            let kind_name = parts.next()?;
            let kind = BackupKind::ALL
                .into_iter()
                .find(|k| k.name() == kind_name)?;
            Some(BackupFile {
                path: e.path(),
                kind,
                taken,
                bytes: e.metadata().map(|m| m.len()).unwrap_or(0),
            })
        })
        .collect();
    found.sort_by(|a, b| a.path.file_name().cmp(&b.path.file_name()));
    found
}

/// The newest backup of a data folder.
pub fn newest_backup(dir: &Path) -> Option<PathBuf> {
    list_backups(dir).pop().map(|b| b.path)
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.to_owned(),
        source,
    }
}

/// Copies the cache file `db` to `target`, which must not exist: a consistent copy
/// through its own read-only connection, under a temporary name beside the target,
/// synced, then renamed. The copy is private (0600 on Unix).
pub(super) fn copy_to(db: &Path, target: &Path) -> Result<(), StoreError> {
    let folder = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    if target.exists() {
        return Err(StoreError::Io {
            path: target.to_owned(),
            source: std::io::Error::new(std::io::ErrorKind::AlreadyExists, "the file exists"),
        });
    }
    let tmp = tempfile::Builder::new()
        .prefix(".sigap-backup-")
        .suffix(".partial")
        .tempfile_in(&folder)
        .map_err(io(&folder))?;
    let tmp_name = tmp.path().to_string_lossy().into_owned();
    {
        let conn = super::open::read_only(db)?;
        conn.execute("VACUUM INTO ?1", [&tmp_name])
            .named("copy the cache into a backup")?;
    }
    tmp.as_file().sync_all().map_err(io(tmp.path()))?;
    tmp.persist_noclobber(target).map_err(|e| StoreError::Io {
        path: target.to_owned(),
        source: e.error,
    })?;
    super::fsperm::restrict_if_exists(target).map_err(io(target))?;
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(&folder) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Takes a backup of the cache in `dir` (as last committed) into its backups folder and
/// drops the oldest of that kind beyond what is kept.
pub(super) fn take_in(dir: &Path, kind: Kind) -> Result<PathBuf, StoreError> {
    let folder = dir.join(BACKUP_DIR);
    private_dir(&folder).map_err(io(&folder))?;
    sweep_partials(&folder);
    let target = new_name(&folder, kind);
    copy_to(&dir.join(DB_FILE), &target)?;
    rotate(dir, kind);
    Ok(target)
}

/// A name for a new backup of `kind` in the backups folder: now, and a number when a
/// backup of that kind was already taken this second.
pub(super) fn new_name(folder: &Path, kind: Kind) -> PathBuf {
    let stamp = Utc::now().format("%Y%m%dT%H%M%SZ").to_string();
    let mut target = folder.join(format!("sigap-{stamp}-{}.db", kind.name()));
    let mut n = 1;
    while target.exists() {
        n += 1;
        target = folder.join(format!("sigap-{stamp}-{}-{n}.db", kind.name()));
    }
    target
}

/// Drops the oldest backups of a kind beyond what is kept.
pub(super) fn rotate(dir: &Path, kind: Kind) {
    let mine: Vec<BackupFile> = list_backups(dir)
        .into_iter()
        .filter(|b| b.kind == kind)
        .collect();
    let extra = mine.len().saturating_sub(kind.keep());
    for old in &mine[..extra] {
        // A copy that cannot be removed only takes space.
        let _ = std::fs::remove_file(&old.path);
    }
}

/// Removes partial copies a killed backup left.
pub(super) fn sweep_partials(folder: &Path) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for e in entries.filter_map(Result::ok) {
        let name = e.file_name().to_string_lossy().into_owned();
        let old = e
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > STALE_PARTIAL);
        if name.starts_with(".sigap-backup-") && name.ends_with(".partial") && old {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

impl Store {
    /// Takes a backup into the backups folder (rotated with the others of its kind).
    pub fn backup(&self, kind: BackupKind) -> Result<PathBuf, StoreError> {
        self.last_backup
            .take(&self.conn, || take_in(&self.dir, kind))
    }

    /// Writes a consistent copy of the cache to `out`, which must not exist.
    pub fn backup_to(&self, out: &Path) -> Result<(), StoreError> {
        copy_to(&self.dir.join(DB_FILE), out)
    }

    /// The first writer of a day (UTC) takes the daily backup; returns its path when
    /// it did. An empty cache is not copied. Whether today's was taken is read from the
    /// backups folder, so that opening writes nothing into the cache itself (a refused
    /// import leaves it byte for byte as it was).
    pub fn daily_backup(&self) -> Result<Option<PathBuf>, StoreError> {
        let day = Utc::now().format("%Y%m%d").to_string();
        let taken_today = list_backups(&self.dir)
            .iter()
            .any(|b| b.kind == BackupKind::Daily && b.taken.starts_with(&day));
        if taken_today || !self.holds_data()? {
            return Ok(None);
        }
        self.backup(BackupKind::Daily).map(Some)
    }
}

impl Txn<'_> {
    /// Takes a backup of the cache as last committed, while this transaction is still
    /// open (its own changes are not in the copy). When nothing changed since this
    /// connection's last backup, that copy is given this kind's name too (see
    /// `store::same_backup`).
    pub fn backup_committed(&self, kind: BackupKind) -> Result<PathBuf, StoreError> {
        let db = self
            .tx
            .path()
            .map(PathBuf::from)
            .filter(|p| !p.as_os_str().is_empty())
            .ok_or_else(|| StoreError::Migration("the cache has no file to back up".into()))?;
        let dir = db.parent().map(Path::to_path_buf).unwrap_or_default();
        if let Some(same) = self.last_backup.unchanged(&self.tx) {
            // A folder that cannot hold a second name for a file gets a copy.
            if let Ok(path) = super::same_backup::name_again(&dir, kind, &same) {
                return Ok(path);
            }
        }
        take_in(&dir, kind)
    }
}
