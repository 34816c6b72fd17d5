//! Import of a 100k-complaint batch (plus one message each): into an empty cache, and
//! (with `SIGAP_BENCH_INTO=1000000`) into a copy of a cache already holding that many,
//! built by `benches/desk.rs`'s generator, through `sigap import`'s path
//! (`import_files`: into a cache that holds data, the backup taken before the import is
//! part of the time). Run: `cargo bench --bench import`. The batch (about 100 MB) is
//! generated once per run into a temporary folder, never committed.

mod support;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use sigap::config::Config;
use sigap::store::{Access, Store};
use std::path::{Path, PathBuf};
use std::time::Duration;

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("copy dir");
    for e in std::fs::read_dir(from).expect("read dir").flatten() {
        if e.path().is_file() {
            std::fs::copy(e.path(), to.join(e.file_name())).expect("copy");
        }
    }
}

fn import_100k(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("inbound-3529-DINSOS-0999.jsonl");
    let n: usize = std::env::var("SIGAP_BENCH_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    // Sequence 999 and seed 999: distinct from the desk cache's batches.
    let bytes = support::write_batch(&file, "3529-DINSOS", 999, n, 999);
    eprintln!("batch: {n} complaints, {} MB", bytes / 1_000_000);
    let cfg = Config::parse(
        "agency = \"3529-DINSOS\"\nofficer = \"Bench\"\n",
        Path::new("bench"),
    )
    .expect("config");
    let into: Option<usize> = std::env::var("SIGAP_BENCH_INTO")
        .ok()
        .and_then(|v| v.parse().ok());
    let base: Option<PathBuf> = into.map(|m| {
        let p =
            Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("target/bench-cache/desk-{m}/data"));
        assert!(
            p.exists(),
            "run `SIGAP_BENCH_N={m} cargo bench --bench desk` first to build the cache"
        );
        p
    });
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(60));
    let name = match into {
        Some(m) => format!("{n}_complaints_into_{m}"),
        None => format!("{n}_complaints_empty_cache"),
    };
    // Until the report (the import is committed and durable), then with the checkpoint
    // that folds the write-ahead log into the database after it.
    for checkpoint in [false, true] {
        let name = if checkpoint {
            format!("{name}_and_checkpoint")
        } else {
            name.clone()
        };
        group.bench_function(name, |b| {
            b.iter_batched(
                || {
                    let d = tempfile::tempdir().expect("cache dir");
                    if let Some(base) = &base {
                        copy_dir(base, d.path());
                    }
                    let store =
                        Store::open(d.path(), cfg.desk_context(), Access::Write).expect("open");
                    (d, store)
                },
                |(d, mut store)| {
                    let report = sigap::sync::import_files(
                        &mut store,
                        &cfg,
                        std::slice::from_ref(&file),
                        &mut |_, _| {},
                    )
                    .remove(0)
                    .expect("import");
                    assert_eq!(report.complaints_new as usize, n);
                    if checkpoint {
                        store.checkpoint().expect("checkpoint");
                    }
                    (d, store)
                },
                BatchSize::PerIteration,
            )
        });
    }
    group.finish();
}

criterion_group!(benches, import_100k);
criterion_main!(benches);
