//! Listing the batch files waiting in the import folder, and which of them the cache
//! already holds (by the header's batch id).

use super::reader::{Line, LineReader, content};
use super::wire::Header;
use crate::store::{Store, StoreError};
use std::path::{Path, PathBuf};

/// A batch file seen in the import folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BatchFile {
    pub path: PathBuf,
    pub name: String,
    /// The header's batch id, agency and sequence, when the header could be read.
    pub header: Option<(String, String, u64)>,
    pub imported: bool,
}

fn header_of(path: &Path) -> Option<(String, String, u64)> {
    let file = std::fs::File::open(path).ok()?;
    let mut reader = LineReader::new(file).ok()?;
    let mut buf = Vec::new();
    if reader.next_line(&mut buf).ok()? != Line::Text {
        return None;
    }
    let h: Header = serde_json::from_slice(content(&buf)).ok()?;
    Some((h.batch_id, h.agency, h.sequence))
}

/// The `.jsonl` and `.jsonl.gz` files in `dir`, by name, each with its header and
/// whether its batch is already imported. A missing folder lists nothing.
pub fn scan_import_dir(store: &mut Store, dir: &Path) -> Result<Vec<BatchFile>, StoreError> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(Vec::new());
    };
    let mut files: Vec<BatchFile> = Vec::new();
    for e in entries.flatten() {
        let path = e.path();
        let name = e.file_name().to_string_lossy().into_owned();
        let wanted =
            (name.ends_with(".jsonl") || name.ends_with(".jsonl.gz")) && !name.starts_with('.');
        if !wanted || !path.is_file() {
            continue;
        }
        let header = header_of(&path);
        let imported = match &header {
            Some((batch_id, _, _)) => store.batch_imported(batch_id)?,
            None => false,
        };
        files.push(BatchFile {
            path,
            name,
            header,
            imported,
        });
    }
    files.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(files)
}
