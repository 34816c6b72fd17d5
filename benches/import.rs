//! Import of a 100k-complaint batch (plus one message each) into an empty cache.
//! Run: `cargo bench --bench import`. The batch is generated once per run into a
//! temporary folder (about 100 MB), never committed.

mod support;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use sigap::config::Config;
use sigap::store::{Access, Store};
use std::path::Path;
use std::time::Duration;

fn import_100k(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("inbound-3529-DINSOS-0001.jsonl");
    let n: usize = std::env::var("SIGAP_BENCH_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let bytes = support::write_batch(&file, "3529-DINSOS", 1, n, 1);
    eprintln!("batch: {n} complaints, {} MB", bytes / 1_000_000);
    let cfg = Config::parse(
        "agency = \"3529-DINSOS\"\nofficer = \"Bench\"\n",
        Path::new("bench"),
    )
    .expect("config");
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(60));
    group.bench_function(format!("{n}_complaints_empty_cache"), |b| {
        b.iter_batched(
            || {
                let d = tempfile::tempdir().expect("cache dir");
                let store = Store::open(d.path(), cfg.desk_context(), Access::Write).expect("open");
                (d, store)
            },
            |(d, mut store)| {
                let report = sigap::sync::import_file(&mut store, &cfg, &file).expect("import");
                assert_eq!(report.complaints_new as usize, n);
                (d, store)
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, import_100k);
criterion_main!(benches);
