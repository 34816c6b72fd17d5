//! Putting outbound files in their folder so that the bridge sees either nothing or a
//! whole file: written under a temporary name that carries this cache's tag
//! (`.sigap-TAG-….tmp`), synced, renamed, and the folder synced. Also the two
//! recoveries an export cut short needs: batches the cache recorded whose file was
//! never renamed into place are written again, byte for byte; and temporary files this
//! cache left behind are removed.

use super::export::ExportError;
use crate::store::Store;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

/// The start of every temporary file name the desk writes.
pub const TEMP_PREFIX: &str = ".sigap-";
/// The end of every temporary file name the desk writes.
pub const TEMP_SUFFIX: &str = ".tmp";

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> ExportError + '_ {
    move |source| ExportError::Io {
        path: path.to_owned(),
        source,
    }
}

/// Writes and syncs `bytes` to a temporary file beside `path` (deleted if dropped).
pub(super) fn stage(
    path: &Path,
    bytes: &[u8],
    tag: &str,
) -> Result<tempfile::NamedTempFile, ExportError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!("{TEMP_PREFIX}{tag}-"))
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)
        .map_err(io(path))?;
    tmp.write_all(bytes).map_err(io(path))?;
    tmp.flush().map_err(io(path))?;
    tmp.as_file().sync_all().map_err(io(path))?;
    Ok(tmp)
}

/// Checks that a file can be made in `dir` (a read-only or missing folder is found
/// before the export commits anything).
pub(super) fn probe(dir: &Path, tag: &str) -> Result<(), ExportError> {
    tempfile::Builder::new()
        .prefix(&format!("{TEMP_PREFIX}{tag}-"))
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)
        .map(drop)
        .map_err(io(dir))
}

/// Renames a staged file to `path` and syncs the folder.
pub(super) fn place(tmp: tempfile::NamedTempFile, path: &Path) -> Result<(), ExportError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    tmp.persist(path).map_err(|e| ExportError::Io {
        path: path.to_owned(),
        source: e.error,
    })?;
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// Writes a file so that readers see either nothing or all of it.
pub(super) fn write_atomically(path: &Path, bytes: &[u8], tag: &str) -> Result<(), ExportError> {
    place(stage(path, bytes, tag)?, path)
}

/// Writes every outbound batch the cache recorded but never saw written (an export
/// cut short between its commit and its rename), byte for byte into the folder it was
/// meant for, and records it written. Returns the files written; stops at the first
/// folder that refuses.
pub fn rewrite_unplaced(store: &mut Store) -> Result<Vec<PathBuf>, ExportError> {
    let tag = store.desk_tag()?;
    let mut written = Vec::new();
    for b in store.unplaced_batches()? {
        let folder = PathBuf::from(&b.folder);
        std::fs::create_dir_all(&folder).map_err(io(&folder))?;
        let path = folder.join(&b.file_name);
        write_atomically(&path, &b.content, &tag)?;
        store.mark_placed(&b.agency, b.sequence)?;
        written.push(path);
    }
    Ok(written)
}

/// Removes the temporary files this cache left in `dir`: those named with its tag, and
/// older ones whose header names a batch this cache recorded. Others (another desk's,
/// still being written) are left alone. Returns how many were removed.
pub fn sweep_temp(store: &Store, dir: &Path) -> Result<usize, ExportError> {
    let tag = store.desk_tag()?;
    let mine = format!("{TEMP_PREFIX}{tag}-");
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(0);
    };
    let mut removed = 0;
    for e in entries.filter_map(Result::ok) {
        let name = e.file_name().to_string_lossy().into_owned();
        if !name.starts_with(TEMP_PREFIX) || !name.ends_with(TEMP_SUFFIX) {
            continue;
        }
        let ours = name.starts_with(&mine)
            || match header_batch_id(&e.path()) {
                Some(id) => store.outbound_known(&id)?,
                None => false,
            };
        if ours && std::fs::remove_file(e.path()).is_ok() {
            removed += 1;
        }
    }
    Ok(removed)
}

/// The `batch_id` of a file's header line, read from at most its first 64 KiB.
fn header_batch_id(path: &Path) -> Option<String> {
    let f = std::fs::File::open(path).ok()?;
    let mut line = Vec::new();
    std::io::BufReader::new(std::io::Read::take(f, 64 * 1024))
        .read_until(b'\n', &mut line)
        .ok()?;
    let v: serde_json::Value = serde_json::from_slice(&line).ok()?;
    v.get("batch_id")?.as_str().map(str::to_owned)
}
