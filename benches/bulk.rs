//! The import against the floor, and a first load, measured side by side in one run
//! (plain timings, not criterion: one first load takes tens of seconds).
//!
//! - **Ratio.** A 100k-complaint batch (one message each, about 100 MB) into an empty
//!   cache by `sigap import`'s path (to the report, then with the checkpoint), and by a
//!   bare importer that only verifies the file's SHA-256, parses each line as JSON and
//!   inserts the records into one table with one index, in one transaction, in the same
//!   page-cache and journal settings (a rollback journal, as into any empty cache).
//!   Alternated `SIGAP_BENCH_RUNS` times (default 3); prints each median and the ratio.
//! - **First load** (with `SIGAP_BENCH_FIRST_LOAD=1`): ten 100k batches (1M complaints)
//!   into an empty cache, once through the bulk path (`import_files`: one transaction,
//!   a savepoint per file, one checkpoint) and once file by file with a checkpoint
//!   after each, as before the bulk path (skipped with `SIGAP_BENCH_BULK_ONLY=1`).
//!
//! Run: `cargo bench --bench bulk` (and `SIGAP_BENCH_FIRST_LOAD=1 cargo bench --bench
//! bulk`). `SIGAP_BENCH_N` sets the complaints per batch.

mod support;

use rusqlite::{Connection, params};
use sha2::{Digest, Sha256};
use sigap::config::Config;
use sigap::store::{Access, Store};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn config() -> Config {
    Config::parse(
        "agency = \"3529-DINSOS\"\nofficer = \"Bench\"\n",
        Path::new("bench"),
    )
    .expect("config")
}

/// The floor: verify, parse and insert, nothing else.
fn bare_import(file: &Path, dir: &Path) -> Duration {
    let started = Instant::now();
    let mut conn = Connection::open(dir.join("bare.db")).expect("open");
    // What `sigap import` uses into an empty cache: a rollback journal (`Store::bulk`).
    conn.pragma_update_and_check(None, "journal_mode", "DELETE", |_| Ok(()))
        .expect("journal");
    conn.pragma_update(None, "synchronous", "FULL")
        .expect("synchronous");
    conn.pragma_update(None, "cache_size", -128 * 1024)
        .expect("cache");
    conn.execute_batch(
        "CREATE TABLE records (id TEXT PRIMARY KEY, kind TEXT NOT NULL, data TEXT NOT NULL) STRICT",
    )
    .expect("table");
    let tx = conn.transaction().expect("begin");
    let mut lines = BufReader::new(std::fs::File::open(file).expect("file")).lines();
    let mut hasher = Sha256::new();
    let mut pending: Option<String> = None;
    {
        let mut insert = tx
            .prepare("INSERT INTO records (id, kind, data) VALUES (?1, ?2, ?3)")
            .expect("prepare");
        for line in lines.by_ref() {
            let line = line.expect("line");
            // The line before the trailer is part of the body; the last is the trailer.
            if let Some(prev) = pending.replace(line) {
                hasher.update(prev.as_bytes());
                hasher.update(b"\n");
                let v: serde_json::Value = serde_json::from_str(&prev).expect("json");
                let kind = v["type"].as_str().unwrap_or("").to_owned();
                if kind == "header" {
                    continue;
                }
                let id = v["id"].as_str().unwrap_or("").to_owned();
                insert.execute(params![id, kind, prev]).expect("insert");
            }
        }
    }
    let trailer: serde_json::Value =
        serde_json::from_str(&pending.expect("trailer")).expect("trailer json");
    assert_eq!(
        trailer["sha256"].as_str().expect("sha"),
        hex::encode(hasher.finalize()),
        "the bare importer verifies the digest"
    );
    tx.commit().expect("commit");
    started.elapsed()
}

/// `sigap import`'s path into an empty cache: (to the report, with the checkpoint).
fn sigap_import(file: &Path, dir: &Path, cfg: &Config) -> (Duration, Duration) {
    let started = Instant::now();
    let mut store = Store::open(dir, cfg.desk_context(), Access::Write).expect("open");
    let r = sigap::sync::import_files(&mut store, cfg, &[file.to_path_buf()], &mut |_, _| {});
    assert!(r[0].is_ok(), "{:?}", r[0].as_ref().err());
    let reported = started.elapsed();
    store.checkpoint().expect("checkpoint");
    (reported, started.elapsed())
}

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

fn secs(d: Duration) -> String {
    format!("{:.2} s", d.as_secs_f64())
}

fn ratio(n: usize, files: &Path) {
    let file = files.join("inbound-3529-DINSOS-0999.jsonl");
    let bytes = support::write_batch(&file, "3529-DINSOS", 999, n, 999);
    let cfg = config();
    let runs = env_usize("SIGAP_BENCH_RUNS", 3);
    let (mut bare, mut report, mut whole) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..runs {
        let d = tempfile::tempdir().expect("dir");
        bare.push(bare_import(&file, d.path()));
        let d = tempfile::tempdir().expect("dir");
        let (r, w) = sigap_import(&file, d.path(), &cfg);
        report.push(r);
        whole.push(w);
    }
    let (bare, report, whole) = (median(bare), median(report), median(whole));
    println!(
        "batch: {n} complaints, {} MB; {runs} runs each, medians",
        bytes / 1_000_000
    );
    println!(
        "bare importer (verify, parse, insert, one index): {}",
        secs(bare)
    );
    println!("sigap import, to the report: {}", secs(report));
    println!("sigap import, with the checkpoint: {}", secs(whole));
    println!(
        "ratio to the bare importer: {:.2} to the report, {:.2} with the checkpoint",
        report.as_secs_f64() / bare.as_secs_f64(),
        whole.as_secs_f64() / bare.as_secs_f64()
    );
}

fn first_load(n: usize, files: &Path) {
    let cfg = config();
    let paths: Vec<PathBuf> = (1..=10u64)
        .map(|seq| {
            let p = files.join(format!("inbound-3529-DINSOS-{seq:04}.jsonl"));
            support::write_batch(&p, "3529-DINSOS", seq, n, seq);
            p
        })
        .collect();
    let d = tempfile::tempdir().expect("dir");
    let started = Instant::now();
    let mut store = Store::open(d.path(), cfg.desk_context(), Access::Write).expect("open");
    // When each file's first records were applied: how the files' times grow.
    let mut marks: Vec<Duration> = Vec::new();
    let mut current = String::new();
    let results = sigap::sync::import_files(&mut store, &cfg, &paths, &mut |name, _| {
        if name != current {
            current = name.to_owned();
            marks.push(started.elapsed());
        }
    });
    assert!(results.iter().all(Result::is_ok));
    let reported = started.elapsed();
    store.checkpoint().expect("checkpoint");
    let bulk = started.elapsed();
    drop(store);
    drop(d);
    println!("first load of {} complaints from ten files:", 10 * n);
    println!(
        "  bulk path: {} to the report, {} with the checkpoint",
        secs(reported),
        secs(bulk)
    );
    let gaps: Vec<String> = marks
        .windows(2)
        .map(|w| format!("{:.1}", (w[1] - w[0]).as_secs_f64()))
        .collect();
    println!(
        "  bulk path, seconds from one file's first records to the next's: {}; the last file, \
         the indexes and the commit: {}",
        gaps.join(" "),
        secs(reported - marks.last().copied().unwrap_or_default())
    );
    if std::env::var("SIGAP_BENCH_BULK_ONLY").is_ok() {
        return;
    }
    let d = tempfile::tempdir().expect("dir");
    let started = Instant::now();
    let mut store = Store::open(d.path(), cfg.desk_context(), Access::Write).expect("open");
    let mut each = Vec::new();
    for p in &paths {
        let one = Instant::now();
        sigap::sync::import_file(&mut store, &cfg, p).expect("import");
        store.checkpoint().expect("checkpoint");
        each.push(one.elapsed());
    }
    let by_file = started.elapsed();
    println!("  file by file, a checkpoint after each: {}", secs(by_file));
    let each: Vec<String> = each
        .iter()
        .map(|d| format!("{:.1}", d.as_secs_f64()))
        .collect();
    println!("  file by file, seconds per file: {}", each.join(" "));
}

fn main() {
    // `cargo bench` passes `--bench`; nothing else is read from the command line.
    let n = env_usize("SIGAP_BENCH_N", 100_000);
    let files = tempfile::tempdir().expect("files");
    if std::env::var("SIGAP_BENCH_FIRST_LOAD").is_ok() {
        first_load(n, files.path());
    } else {
        ratio(n, files.path());
    }
}
