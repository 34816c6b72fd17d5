//! Bounds on what a config file may ask for: the file's size (so `--config /dev/zero`
//! is refused instead of read without end), and every number and list within a sane
//! range (an SLA of four billion days would make every due date a walk of four billion
//! days). A value out of range is refused naming its key and line. Part of `config`.

use crate::config::Config;
use std::io::Read;
use std::path::Path;

/// The largest config file read.
pub const MAX_CONFIG_BYTES: u64 = 1024 * 1024;
/// The longest SLA clock, in working days (a year and a half of working days).
pub const MAX_SLA_DAYS: u32 = 365;
/// At most this many holiday additions or removals.
pub const MAX_HOLIDAYS: usize = 1000;
/// At most this many templates, keys or trusted keys.
pub const MAX_ENTRIES: usize = 500;
/// The longest template text, in bytes.
pub const MAX_TEMPLATE_BYTES: usize = 64 * 1024;

/// How a Windows path is written in the config, for the messages about one that was not.
pub const WINDOWS_PATH_HINT: &str = "in double quotes a backslash starts an escape: \
     write a Windows path in single quotes ('C:\\Users\\Nama\\Keluar') or with / for \\";

/// Reads a config file of at most [`MAX_CONFIG_BYTES`].
pub fn read_bounded(path: &Path) -> std::io::Result<String> {
    let f = std::fs::File::open(path)?;
    let mut bytes = Vec::new();
    f.take(MAX_CONFIG_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_CONFIG_BYTES {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!(
                "it is larger than {} KiB, the most a config file may be",
                MAX_CONFIG_BYTES / 1024
            ),
        ));
    }
    String::from_utf8(bytes)
        .map_err(|_| std::io::Error::new(std::io::ErrorKind::InvalidData, "it is not UTF-8 text"))
}

/// The line that sets `key` in table `table` ("" for the top level), for messages.
fn line_of(text: &str, table: &str, key: &str) -> Option<usize> {
    let mut current = String::new();
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if t.starts_with('[') {
            current = t.trim_matches(|c| c == '[' || c == ']').trim().to_owned();
            continue;
        }
        let Some((k, _)) = t.split_once('=') else {
            continue;
        };
        let k = k.trim().trim_matches('"');
        let dotted = format!("{table}.{key}");
        if (current == table && k == key) || (current.is_empty() && k == dotted) {
            return Some(i + 1);
        }
    }
    None
}

fn refuse(text: &str, table: &str, key: &str, why: String) -> String {
    let name = if table.is_empty() {
        key.to_owned()
    } else {
        format!("{table}.{key}")
    };
    match line_of(text, table, key) {
        Some(n) => format!("line {n}: key `{name}`: {why}"),
        None => format!("key `{name}`: {why}"),
    }
}

/// Checks every bounded value of a parsed config; `text` is its source, for the line.
pub fn check(cfg: &Config, text: &str) -> Result<(), String> {
    let sla = &cfg.sla;
    for (key, days) in [
        ("first_response", sla.first_response),
        ("aspirasi", sla.aspirasi),
        ("permintaan_informasi", sla.permintaan_informasi),
        ("pengaduan", sla.pengaduan),
        ("pengaduan_supervisory", sla.pengaduan_supervisory),
        ("other", sla.other),
        ("auto_close", sla.auto_close),
    ] {
        if !(1..=MAX_SLA_DAYS).contains(&days) {
            return Err(refuse(
                text,
                "sla",
                key,
                format!("{days} is out of range (expected 1 to {MAX_SLA_DAYS} working days)"),
            ));
        }
    }
    for (key, dates) in [("add", &cfg.holidays.add), ("remove", &cfg.holidays.remove)] {
        if dates.len() > MAX_HOLIDAYS {
            return Err(refuse(
                text,
                "holidays",
                key,
                format!("{} dates (expected at most {MAX_HOLIDAYS})", dates.len()),
            ));
        }
        if let Some(d) = dates
            .iter()
            .find(|d| !(1900..=2200).contains(&chrono::Datelike::year(*d)))
        {
            return Err(refuse(
                text,
                "holidays",
                key,
                format!("{d} is out of range (expected a year from 1900 to 2200)"),
            ));
        }
    }
    for (key, n) in [
        ("templates", cfg.templates.len()),
        ("keys", cfg.keys.len()),
        ("trusted_keys", cfg.trusted_keys.len()),
    ] {
        if n > MAX_ENTRIES {
            return Err(refuse(
                text,
                "",
                key,
                format!("{n} entries (expected at most {MAX_ENTRIES})"),
            ));
        }
    }
    for (key, path) in [
        ("export_dir", &cfg.export_dir),
        ("import_dir", &cfg.import_dir),
        ("desk_key", &cfg.desk_key),
        ("report_dir", &cfg.report_dir),
    ] {
        // `"D:\new\tabel"` parses, as a line break and a tab: never a real folder.
        if let Some(p) = path
            && p.to_string_lossy().chars().any(char::is_control)
        {
            return Err(refuse(
                text,
                "",
                key,
                format!("the path holds a tab or a line break; {WINDOWS_PATH_HINT}"),
            ));
        }
    }
    if let Some((name, _)) = cfg
        .templates
        .iter()
        .find(|(_, t)| t.len() > MAX_TEMPLATE_BYTES)
    {
        return Err(refuse(
            text,
            "templates",
            name,
            format!("the text is longer than {} KiB", MAX_TEMPLATE_BYTES / 1024),
        ));
    }
    Ok(())
}
