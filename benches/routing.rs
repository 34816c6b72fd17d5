//! The suggester on a coordinator desk (`benches/support/routing.rs`): builds the cache
//! once under `target/bench-cache/routing-N/` from `SIGAP_BENCH_N` complaints (default
//! 20,000), prints the leave-one-out evaluation (`sigap suggest --evaluate`) and times
//! one suggestion. Run: `SIGAP_BENCH_N=20000 cargo bench --bench routing`.

#[path = "support/routing_offices.rs"]
mod routing_offices;
#[path = "support/routing.rs"]
mod routing_support;
#[allow(dead_code)]
mod support;

use criterion::{Criterion, criterion_group, criterion_main};
use sigap::config::Config;
use sigap::store::{Access, Store};
use std::path::{Path, PathBuf};
use std::time::Instant;

const CONFIG: &str = "agency = \"3529\"\nofficer = \"Bench\"\n";

fn n() -> usize {
    std::env::var("SIGAP_BENCH_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20_000)
}

/// The cache of `n` complaints, built if missing.
fn cache(n: usize) -> (PathBuf, Config) {
    let root =
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("target/bench-cache/routing-{n}"));
    let data = root.join("data");
    let cfg = Config::parse(CONFIG, Path::new("bench")).expect("config");
    std::fs::write(root.join("config.toml"), CONFIG).ok();
    if !data.join(sigap::store::DB_FILE).exists() {
        std::fs::create_dir_all(&data).expect("cache dir");
        std::fs::write(root.join("config.toml"), CONFIG).expect("config file");
        let batches = tempfile::tempdir().expect("tempdir");
        let (files, made) = routing_support::write_desk(batches.path(), n, 7);
        eprintln!("generated: {made:?}");
        let mut store = Store::open(&data, cfg.desk_context(), Access::Write).expect("open");
        for f in &files {
            let t = Instant::now();
            let r = sigap::sync::import_file(&mut store, &cfg, f).expect("import");
            store.checkpoint().expect("checkpoint");
            eprintln!(
                "imported {} ({} new, {} updated) in {:?}",
                f.display(),
                r.complaints_new,
                r.complaints_updated,
                t.elapsed()
            );
        }
    }
    (data, cfg)
}

fn routing(c: &mut Criterion) {
    let n = n();
    let (data, cfg) = cache(n);
    // A writing open first: a cache learned by an older suggester is learned again.
    drop(Store::open(&data, cfg.desk_context(), Access::Write).expect("open"));
    let store = Store::open(&data, cfg.desk_context(), Access::Read).expect("open");
    let t = Instant::now();
    let e = store.evaluate_routing().expect("evaluate");
    eprintln!("evaluation over {n} in {:?}: {e:#?}", t.elapsed());
    let ids: Vec<String> = (0..1000)
        .map(|i| format!("LAP-R07-{:07}", (i * 7919) % n))
        .collect();
    let mut i = 0;
    c.bench_function(&format!("suggest_one_of_{n}"), |b| {
        b.iter(|| {
            i = (i + 1) % ids.len();
            store.suggest(&ids[i]).expect("suggest").expect("known")
        })
    });
}

criterion_group!(benches, routing);
criterion_main!(benches);
