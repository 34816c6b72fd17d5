//! The desk at scale: start-up to the first frame, keystrokes, view counts, the fuzzy
//! filter, how soon the loop draws a result, and export, on a cache of `SIGAP_BENCH_N` complaints (default 100,000;
//! `SIGAP_BENCH_N=1000000` for the million). The cache is built once by the
//! deterministic generator in `benches/support` and kept under `target/bench-cache/`
//! for later runs. Run: `cargo bench --bench desk`.

mod result_to_frame;
mod support;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use sigap::app::{Action, App, Command, Keymap, update};
use sigap::config::Config;
use sigap::domain::{ComplaintId, OpKind, Stage};
use sigap::runtime::Executor;
use sigap::runtime::search::Searcher;
use sigap::store::{Access, Store, ViewQuery};
use sigap::sync::{OpRequest, export_pending, import_files, queue_operations};
use sigap::ui::{Theme, draw};
use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const CONFIG: &str = "agency = \"3529-DINSOS\"\nofficer = \"Bench\"\n";

fn n() -> usize {
    std::env::var("SIGAP_BENCH_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000)
}

fn config(dir: &Path) -> Config {
    let mut cfg = Config::parse(CONFIG, Path::new("bench.toml")).expect("config");
    cfg.export_dir = Some(dir.join("keluar"));
    cfg
}

fn today() -> chrono::NaiveDate {
    "2026-11-20".parse().expect("date")
}

/// The cache of `n` complaints, built once (in batches of 100,000) and reused.
fn cache(n: usize) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("target/bench-cache/desk-{n}"));
    let done = dir.join("complete");
    if done.exists() {
        return dir;
    }
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("cache dir");
    let cfg = config(&dir);
    let mut store =
        Store::open(&dir.join("data"), cfg.desk_context(), Access::Write).expect("open");
    let started = Instant::now();
    let per = 100_000.min(n);
    let files: Vec<PathBuf> = (0..n)
        .step_by(per)
        .enumerate()
        .map(|(i, start)| {
            let file = dir.join(format!("batch-{i:02}.jsonl"));
            let seq = i as u64 + 1;
            support::write_batch(&file, "3529-DINSOS", seq, per.min(n - start), seq);
            file
        })
        .collect();
    // Every file in one run and the checkpoint after it, as `sigap import` does.
    let t = Instant::now();
    let results = import_files(&mut store, &cfg, &files, &mut |_, _| {});
    assert!(results.iter().all(Result::is_ok), "the batches import");
    store.checkpoint().expect("checkpoint");
    let importing = t.elapsed();
    for f in &files {
        std::fs::remove_file(f).ok();
    }
    eprintln!(
        "built a cache of {n} complaints in {:.1} s, of which importing {:.1} s",
        started.elapsed().as_secs_f64(),
        importing.as_secs_f64()
    );
    std::fs::write(done, b"ok").expect("mark");
    dir
}

/// Runs an action and all its effects, as the runtime's loop does.
fn drive(app: &mut App, exec: &mut Executor, a: Action) {
    let (tx, _rx) = std::sync::mpsc::channel();
    let mut queue = VecDeque::from([a]);
    while let Some(a) = queue.pop_front() {
        for e in update(app, a) {
            queue.extend(exec.run(e, &tx));
        }
    }
}

fn open_desk(dir: &Path) -> (App, Executor) {
    let cfg = config(dir);
    let store = Store::open(&dir.join("data"), cfg.desk_context(), Access::Write).expect("open");
    let now = today().and_time(chrono::NaiveTime::MIN).and_utc();
    let mut app = App::from_config(&cfg, Keymap::defaults(), now, Some(today()));
    let mut exec = Executor::inline(cfg, store, Some(today()));
    drive(&mut app, &mut exec, Action::Resize(200, 50));
    let (tx, _rx) = std::sync::mpsc::channel();
    for a in exec.run(sigap::app::Effect::Reload, &tx) {
        drive(&mut app, &mut exec, a);
    }
    (app, exec)
}

fn frame(app: &App, term: &mut Terminal<TestBackend>) {
    let theme = Theme::new(sigap::config::Theme::Default, true);
    term.draw(|f| draw(f, app, &theme)).expect("draw");
}

/// Empties the OS page cache (needs root on Linux); whether it could.
fn drop_caches() -> bool {
    let synced = std::process::Command::new("sync")
        .status()
        .is_ok_and(|s| s.success());
    synced && std::fs::write("/proc/sys/vm/drop_caches", b"3").is_ok()
}

fn rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(0.0, |kib| kib / 1024.0)
}

fn desk(c: &mut Criterion) {
    let n = n();
    let dir = cache(n);
    let mut g = c.benchmark_group(format!("desk_{n}"));
    g.sample_size(20);
    g.measurement_time(Duration::from_secs(5));

    // Process start to the first frame of the inbox (warm page cache).
    g.bench_function("start_to_first_frame", |b| {
        b.iter(|| {
            let (app, exec) = open_desk(&dir);
            let mut term = Terminal::new(TestBackend::new(200, 50)).expect("terminal");
            frame(&app, &mut term);
            drop(exec);
        })
    });

    // The same from a cold page cache (Linux, as root: the OS caches are dropped before
    // each start).
    if drop_caches() {
        g.bench_function("start_to_first_frame_cold", |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    drop_caches();
                    let start = Instant::now();
                    let (app, exec) = open_desk(&dir);
                    let mut term = Terminal::new(TestBackend::new(200, 50)).expect("terminal");
                    frame(&app, &mut term);
                    total += start.elapsed();
                    drop(exec);
                }
                total
            })
        });
    }

    let (mut app, mut exec) = open_desk(&dir);
    let mut term = Terminal::new(TestBackend::new(200, 50)).expect("terminal");
    drive(&mut app, &mut exec, Action::Command(Command::View8));
    assert_eq!(app.inbox.total, n, "every complaint is in the All view");
    let key = |name: &str,
               cmds: &'static [Command],
               b: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
               app: &mut App,
               exec: &mut Executor,
               term: &mut Terminal<TestBackend>| {
        b.bench_function(name, |bch| {
            let mut i = 0usize;
            bch.iter(|| {
                let cmd = cmds[i % cmds.len()];
                i += 1;
                drive(app, exec, Action::Command(cmd));
                frame(app, term);
            })
        });
    };
    key(
        "key_move_down",
        &[Command::Down],
        &mut g,
        &mut app,
        &mut exec,
        &mut term,
    );
    key(
        "key_page_down_up",
        &[Command::PageDown, Command::PageDown, Command::PageUp],
        &mut g,
        &mut app,
        &mut exec,
        &mut term,
    );
    key(
        "key_first_last",
        &[Command::Last, Command::First],
        &mut g,
        &mut app,
        &mut exec,
        &mut term,
    );
    key(
        "key_switch_view",
        &[
            Command::View1,
            Command::View2,
            Command::View3,
            Command::View4,
            Command::View5,
            Command::View8,
        ],
        &mut g,
        &mut app,
        &mut exec,
        &mut term,
    );

    g.bench_function("view_and_status_counts", |b| {
        let store = exec.store();
        b.iter(|| {
            let t = today();
            let counts = store
                .view_counts(t, (t, t.succ_opt().expect("day")))
                .expect("counts");
            let status = store.status(&[], t).expect("status");
            (counts, status)
        })
    });

    // The fuzzy filter over every title of the All view.
    let mut searcher = Searcher::default();
    let before = rss_mib();
    let started = Instant::now();
    searcher
        .prepare(exec.store(), &ViewQuery::All, &mut |_, _| {})
        .expect("texts");
    eprintln!(
        "search texts of {n} complaints loaded in {:.0} ms; RSS {:.0} MiB before, {:.0} MiB after",
        started.elapsed().as_secs_f64() * 1000.0,
        before,
        rss_mib()
    );
    g.bench_function("fuzzy_first_query", |b| {
        b.iter(|| {
            // A fresh query each time (no narrowing from the previous one).
            searcher_reset(&mut searcher);
            searcher.search("jln rusak", &|| false, &mut |_| {})
        })
    });
    g.bench_function("fuzzy_first_results", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                searcher_reset(&mut searcher);
                let start = Instant::now();
                let mut first: Option<Duration> = None;
                let _ = searcher.search("bantuan pkh", &|| false, &mut |_| {
                    first.get_or_insert(start.elapsed());
                });
                total += first.unwrap_or(start.elapsed());
            }
            total
        })
    });
    g.bench_function("fuzzy_narrowing_keystroke", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                searcher_reset(&mut searcher);
                let _ = searcher.search("jalan", &|| false, &mut |_| {});
                let start = Instant::now();
                let _ = searcher.search("jalan r", &|| false, &mut |_| {});
                total += start.elapsed();
            }
            total
        })
    });
    g.finish();
}

/// Forgets the last query (keeps the texts).
fn searcher_reset(s: &mut Searcher) {
    s.forget_query();
}

fn export(c: &mut Criterion) {
    let n = n().min(100_000);
    // A copy of the cache: the operations queued here must not change the desk's.
    let built = cache(n);
    let copy = tempfile::tempdir().expect("tempdir");
    let dir = copy.path().to_path_buf();
    std::fs::create_dir_all(dir.join("data")).expect("data dir");
    // Files only: a cache migrated by a newer schema keeps its backup in a folder.
    for e in std::fs::read_dir(built.join("data"))
        .expect("read")
        .flatten()
        .filter(|e| e.path().is_file())
    {
        std::fs::copy(e.path(), dir.join("data").join(e.file_name())).expect("copy");
    }
    let cfg = config(&dir);
    let mut store =
        Store::open(&dir.join("data"), cfg.desk_context(), Access::Write).expect("open");
    let ids: Vec<String> = store.view_ids(&ViewQuery::All).expect("ids");
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-20T09:00:00+07:00").expect("now");
    let mut g = c.benchmark_group("export");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(20));
    g.bench_function(format!("{n}_operations_with_fsync"), |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let reqs: Vec<OpRequest> = ids
                    .iter()
                    .map(|id| OpRequest {
                        complaint_id: ComplaintId(id.clone()),
                        kind: OpKind::Response {
                            stage: Stage::Progress,
                            text: "Sedang kami tindak lanjuti bersama bidang terkait.".into(),
                        },
                        placeholders_checked: false,
                    })
                    .collect();
                queue_operations(&mut store, &cfg, &reqs, now).expect("queue");
                let start = Instant::now();
                export_pending(&mut store, &cfg, None, false, now).expect("export");
                total += start.elapsed();
            }
            total
        })
    });
    g.finish();
}

criterion_group!(benches, desk, result_to_frame::result_to_frame, export);
criterion_main!(benches);
