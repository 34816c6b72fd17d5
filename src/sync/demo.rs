//! The embedded demo data set (`assets/demo/`): inbound batch files of a Sumenep
//! coordinator desk. On load every date is shifted so that the demo's reference day is
//! today, then the files go through the ordinary import, like real data.

use super::import::{ImportError, ImportReport, import_bytes};
use crate::config::Config;
use crate::store::{Access, Store, StoreError};
use chrono::{DateTime, Duration, NaiveDate, SecondsFormat};
use include_dir::{Dir, include_dir};
use serde_json::Value;
use std::path::Path;

static DEMO: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/assets/demo");

/// The day the demo data was written for; on load it becomes today.
pub const REFERENCE_DATE: (i32, u32, u32) = (2026, 11, 20);

/// Why the demo could not be prepared.
#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error("demo config: {0}")]
    Config(#[from] crate::config::ConfigError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("demo data: {0}")]
    Import(#[from] ImportError),
    #[error("demo data: {0}")]
    Encode(#[from] super::writer::WriteError),
}

/// The demo desk's config, with its folders inside `dir`.
pub fn config(dir: &Path) -> Result<Config, DemoError> {
    let text = DEMO
        .get_file("config.toml")
        .and_then(|f| f.contents_utf8())
        .unwrap_or_default();
    let mut cfg = Config::parse(text, Path::new("assets/demo/config.toml"))?;
    cfg.export_dir = Some(dir.join("keluar"));
    cfg.import_dir = Some(dir.join("masuk"));
    cfg.report_dir = Some(dir.join("laporan"));
    Ok(cfg)
}

fn shift_days(today: NaiveDate) -> i64 {
    let reference = NaiveDate::from_ymd_opt(REFERENCE_DATE.0, REFERENCE_DATE.1, REFERENCE_DATE.2)
        .unwrap_or(today);
    (today - reference).num_days()
}

/// The demo batch files, dates shifted so that the reference day falls on `today`,
/// in name order (each stream's sequences in order).
pub fn batches(today: NaiveDate) -> Result<Vec<(String, Vec<u8>)>, DemoError> {
    shifted(&DEMO, today)
}

/// The batches waiting in the demo's import folder (not loaded at start), shifted.
pub fn waiting(today: NaiveDate) -> Result<Vec<(String, Vec<u8>)>, DemoError> {
    DEMO.get_dir("masuk")
        .map_or(Ok(Vec::new()), |d| shifted(d, today))
}

fn shifted(dir: &Dir<'_>, today: NaiveDate) -> Result<Vec<(String, Vec<u8>)>, DemoError> {
    let days = shift_days(today);
    let mut files: Vec<_> = dir
        .files()
        .filter(|f| f.path().extension().is_some_and(|e| e == "jsonl"))
        .collect();
    files.sort_by_key(|f| f.path().to_path_buf());
    files
        .into_iter()
        .map(|f| {
            let name = format!("demo/{}", f.path().display());
            Ok((name, shift_batch(f.contents(), days)?))
        })
        .collect()
}

/// Opens a fresh cache in `dir` and imports the demo into it.
pub fn load(dir: &Path, today: NaiveDate) -> Result<(Config, Store, Vec<ImportReport>), DemoError> {
    let cfg = config(dir)?;
    let mut store = Store::open(&dir.join("data"), cfg.desk_context(), Access::Write)?;
    let mut reports = Vec::new();
    for (name, bytes) in batches(today)? {
        reports.push(import_bytes(&mut store, &cfg, &name, bytes)?);
    }
    store.checkpoint()?;
    // New files for the import pane to find.
    if let Some(inbox) = &cfg.import_dir {
        let io = |e: std::io::Error| StoreError::Io {
            path: inbox.clone(),
            source: e,
        };
        std::fs::create_dir_all(inbox).map_err(io)?;
        for (name, bytes) in waiting(today)? {
            let file = Path::new(&name).file_name().unwrap_or_default().to_owned();
            std::fs::write(inbox.join(file), bytes).map_err(io)?;
        }
    }
    Ok((cfg, store, reports))
}

fn shift_time(v: &mut Value, days: i64) {
    if let Some(t) = v
        .as_str()
        .and_then(|s| DateTime::parse_from_rfc3339(s).ok())
    {
        let moved = t + Duration::days(days);
        *v = Value::String(moved.to_rfc3339_opts(SecondsFormat::Secs, false));
    }
}

fn shift_date(v: &mut Value, days: i64) {
    if let Some(d) = v.as_str().and_then(|s| s.parse::<NaiveDate>().ok()) {
        *v = Value::String((d + Duration::days(days)).to_string());
    }
}

/// Moves every date of a batch by `days` and writes a fresh trailer.
fn shift_batch(bytes: &[u8], days: i64) -> Result<Vec<u8>, super::writer::WriteError> {
    let text = String::from_utf8_lossy(bytes);
    let mut out = Vec::with_capacity(bytes.len());
    let mut records = 0u64;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let Ok(mut v) = serde_json::from_str::<Value>(line) else {
            continue;
        };
        match v["type"].as_str() {
            Some("trailer") => continue,
            Some("header") => shift_time(&mut v["created_at"], days),
            Some("complaint") => {
                shift_time(&mut v["submitted_at"], days);
                shift_time(&mut v["disposed_at"], days);
                shift_time(&mut v["completed_at"], days);
                shift_date(&mut v["event_date"], days);
                records += 1;
            }
            Some("message") => {
                shift_time(&mut v["at"], days);
                records += 1;
            }
            _ => records += 1,
        }
        out.extend_from_slice(v.to_string().as_bytes());
        out.push(b'\n');
    }
    super::writer::seal(out, records)
}
