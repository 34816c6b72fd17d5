//! What the crash harness checks after a kill, with a connection of its own to the
//! cache file and the files in the export folder: SQLite's integrity check and every
//! maintained count against a recount (the desk's own `check`), the outbound files
//! complete and each queued operation either pending in none of them or exported in
//! exactly one, and a digest of the state that should not depend on when a command
//! ran (ids of the desk's own making and times left out).

use sha2::{Digest, Sha256};
use sigap::store::{Access, Store};
use std::collections::BTreeMap;
use std::path::Path;

/// The desk's own whole check, on a read-only connection (the kill may have left the
/// write-ahead log; nothing is written).
pub fn check_cache(data: &Path) -> Result<(), String> {
    let ctx = sigap::config::Config::default().desk_context();
    let mut store = Store::open_unchecked(data, ctx, Access::Read, Default::default(), &|| {})
        .map_err(|e| format!("the cache does not open: {e}"))?;
    let report = store.check().map_err(|e| format!("check failed: {e}"))?;
    if !report.problems.is_empty() {
        return Err(format!("check found {:?}", report.problems));
    }
    Ok(())
}

fn conn(data: &Path) -> Result<rusqlite::Connection, String> {
    rusqlite::Connection::open_with_flags(
        data.join("sigap.db"),
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
    )
    .map_err(|e| e.to_string())
}

fn rows(c: &rusqlite::Connection, sql: &str) -> Result<Vec<String>, String> {
    let mut stmt = c.prepare(sql).map_err(|e| format!("{sql}: {e}"))?;
    let n = stmt.column_count();
    let out = stmt
        .query_map([], |r| {
            let mut v = Vec::with_capacity(n);
            for i in 0..n {
                v.push(format!("{:?}", r.get_ref(i)?));
            }
            Ok(v.join("|"))
        })
        .and_then(|rows| rows.collect())
        .map_err(|e| format!("{sql}: {e}"))?;
    Ok(out)
}

/// A digest of the state a command should reach whenever it ran: counts, complaints,
/// operations by complaint, kind and state, the inbound batches and the outbound
/// streams (not op ids, batch ids or times, which each run makes anew).
pub fn state_digest(data: &Path) -> Result<String, String> {
    let c = conn(data)?;
    let mut h = Sha256::new();
    for sql in [
        "SELECT * FROM view_counts",
        "SELECT status, n FROM status_counts ORDER BY status",
        "SELECT due, n FROM due_counts ORDER BY due",
        "SELECT state, n FROM op_counts ORDER BY state",
        "SELECT id, revision, status, pending_ops, outbox, urgency_due, sort_key
         FROM complaints ORDER BY id",
        "SELECT complaint_id, kind, state, count(*) FROM operation_states
         GROUP BY complaint_id, kind, state ORDER BY 1, 2, 3",
        "SELECT batch_id, agency, sequence, records FROM inbound_batches ORDER BY batch_id",
        "SELECT agency, sequence, operations FROM outbound_batches ORDER BY 1, 2",
    ] {
        for r in rows(&c, sql)? {
            h.update(r.as_bytes());
            h.update(b"\n");
        }
        h.update(b"--\n");
    }
    Ok(hex::encode(h.finalize()))
}

/// Checks the export folder against the cache: every `outbound-*` file complete (its
/// trailer's count and SHA-256 right), every operation id in at most one file, every
/// exported operation in exactly one, every pending one in none, and no temporary file
/// left when `no_temp`.
pub fn check_outbox(data: &Path, out: &Path, no_temp: bool) -> Result<(), String> {
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    let entries = match std::fs::read_dir(out) {
        Ok(e) => e.filter_map(Result::ok).collect::<Vec<_>>(),
        Err(_) => Vec::new(),
    };
    for e in entries {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with(".sigap-") {
            if no_temp {
                return Err(format!("a temporary file was left: {name}"));
            }
            continue;
        }
        if !name.starts_with("outbound-") {
            continue;
        }
        let bytes = std::fs::read(e.path()).map_err(|e| e.to_string())?;
        for id in complete_batch(&name, &bytes)? {
            if let Some(other) = seen.insert(id.clone(), name.clone()) {
                return Err(format!("operation {id} is in {other} and in {name}"));
            }
        }
    }
    let c = conn(data)?;
    let ops: Vec<(String, String)> = c
        .prepare("SELECT op_id, state FROM operation_states")
        .and_then(|mut st| st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect())
        .map_err(|e| e.to_string())?;
    for (id, state) in ops {
        let in_file = seen.contains_key(&id);
        let exported = state != "pending" && state != "conflict";
        if exported != in_file {
            return Err(format!(
                "operation {id} is {state} but {} an outbound file",
                if in_file { "in" } else { "not in" }
            ));
        }
    }
    Ok(())
}

/// The operation ids of a complete outbound batch; an error for an incomplete one.
fn complete_batch(name: &str, bytes: &[u8]) -> Result<Vec<String>, String> {
    let text = std::str::from_utf8(bytes).map_err(|_| format!("{name} is not UTF-8"))?;
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let (Some(last), true) = (lines.last(), lines.len() >= 2) else {
        return Err(format!("{name} has no trailer"));
    };
    let trailer: serde_json::Value =
        serde_json::from_str(last).map_err(|_| format!("{name}: the last line is not JSON"))?;
    if trailer["type"] != "trailer" {
        return Err(format!("{name} is cut short"));
    }
    let body: String = lines[..lines.len() - 1].concat();
    let digest = hex::encode(Sha256::digest(body.as_bytes()));
    if trailer["sha256"] != digest.as_str() {
        return Err(format!("{name}: the digest does not match"));
    }
    let records = &lines[1..lines.len() - 1];
    if trailer["records"] != records.len() {
        return Err(format!("{name}: the record count does not match"));
    }
    records
        .iter()
        .map(|l| {
            let v: serde_json::Value =
                serde_json::from_str(l).map_err(|_| format!("{name}: a record is not JSON"))?;
            v["op_id"]
                .as_str()
                .map(str::to_owned)
                .ok_or_else(|| format!("{name}: a record has no op_id"))
        })
        .collect()
}
