//! The demo folder on disk: the generated files written in place (stale generated
//! files removed, hand-written ones left alone), or compared byte for byte.

use super::{DemoFile, Error, is_generated};
use std::collections::BTreeMap;
use std::path::Path;

fn io(path: &Path, e: &std::io::Error) -> Error {
    Error::Write(format!("{}: {e}", path.display()))
}

/// The generated kind of files present in `dir` and its sub-folders, by relative path.
pub fn on_disk(dir: &Path) -> Result<BTreeMap<String, Vec<u8>>, Error> {
    let mut out = BTreeMap::new();
    let mut folders = vec![(dir.to_path_buf(), String::new())];
    while let Some((folder, prefix)) = folders.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries {
            let entry = entry.map_err(|e| io(&folder, &e))?;
            let path = entry.path();
            let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
            if path.is_dir() {
                folders.push((path, format!("{name}/")));
            } else if is_generated(&name) {
                let bytes = std::fs::read(&path).map_err(|e| io(&path, &e))?;
                out.insert(name, bytes);
            }
        }
    }
    Ok(out)
}

/// What differs between `dir` and the generated files (empty: identical).
pub fn compare(dir: &Path, files: &[DemoFile]) -> Result<Vec<String>, Error> {
    let mut disk = on_disk(dir)?;
    let mut diff = Vec::new();
    for f in files {
        match disk.remove(&f.path) {
            None => diff.push(format!("{}: missing", f.path)),
            Some(bytes) if bytes != f.bytes => {
                let at = bytes
                    .iter()
                    .zip(&f.bytes)
                    .position(|(a, b)| a != b)
                    .unwrap_or(bytes.len().min(f.bytes.len()));
                let line = bytes[..at].iter().filter(|b| **b == b'\n').count() + 1;
                diff.push(format!("{}: differs from line {line}", f.path));
            }
            Some(_) => {}
        }
    }
    diff.extend(disk.keys().map(|p| format!("{p}: not generated (stale?)")));
    Ok(diff)
}

/// Writes the generated files into `dir`, removing generated files it no longer makes.
pub fn write(dir: &Path, files: &[DemoFile]) -> Result<(), Error> {
    for stale in on_disk(dir)?.keys() {
        if !files.iter().any(|f| f.path == *stale) {
            let path = dir.join(stale);
            std::fs::remove_file(&path).map_err(|e| io(&path, &e))?;
        }
    }
    for f in files {
        let path = dir.join(&f.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| io(parent, &e))?;
        }
        std::fs::write(&path, &f.bytes).map_err(|e| io(&path, &e))?;
    }
    Ok(())
}
