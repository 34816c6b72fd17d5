//! The monitoring report and the monev pane at scale: a year of a regency's complaints
//! (`SIGAP_BENCH_N`, default 100,000; the target is 1,000,000 with about 1.2 million
//! assignments: one complaint in five is transferred once) over ten offices, with
//! agency answers, completions with and without `completed_at`, and open overdue work.
//!
//! - `monev/figures_year`: `monev::build` over 2026 at as_of 2027-01-15 (every
//!   complaint read, every assignment counted): what `sigap report` and the pane wait on.
//! - `monev/report_json_year`, `monev/report_html_year`: the same plus the format.
//! - `monev/pane_dispatch`: pressing `M` to the effect handed to the worker: what the
//!   desk's loop spends before it draws again (the computation runs off it).
//!
//! The cache is built once through the ordinary import under
//! `target/bench-cache/monev-<N>/` and reused. Run:
//! `SIGAP_BENCH_N=1000000 cargo bench --bench monev -- --warm-up-time 1 --measurement-time 10`.

#[allow(dead_code)]
mod support;

use criterion::{Criterion, criterion_group, criterion_main};
use sigap::config::Config;
use sigap::domain::monev::Period;
use sigap::monev::format::{Format, render};
use sigap::monev::{Request, build};
use sigap::store::{Access, Store};
use sigap::sync::writer::{self, BatchWriter};
use std::path::{Path, PathBuf};
use std::time::Duration;
use support::Rng;

const OFFICES: [&str; 10] = [
    "3529-DINSOS",
    "3529-DPUBM",
    "3529-SATPOLPP",
    "3529-DISDUKCAPIL",
    "3529-DINKES",
    "3529-DISDIK",
    "3529-DLH",
    "3529-DISHUB",
    "3529-DPMPTSP",
    "3529-BPBD",
];

fn config() -> Config {
    Config::parse(
        "agency = \"3529\"\nofficer = \"Bench\"\n[monev]\nletter_number = \"800/{seq}/{year}\"\n",
        Path::new("bench"),
    )
    .expect("config")
}

fn instant(day: u32, hour: u32) -> String {
    let d = chrono::NaiveDate::from_yo_opt(2026, day.clamp(1, 365)).expect("a day of 2026");
    format!("{d}T{hour:02}:00:00+07:00")
}

/// One office's stream: its complaints (and, in a second batch, the complaints
/// transferred to it from the office before it).
fn write_stream(dir: &Path, office: usize, n: usize) -> Vec<PathBuf> {
    let agency = OFFICES[office];
    let next = OFFICES[(office + 1) % OFFICES.len()];
    let mut rng = Rng::new(7 + office as u64);
    let mut first = BatchWriter::new(&writer::inbound_header(
        agency,
        1,
        &format!("monev-{agency}-1"),
        chrono::DateTime::parse_from_rfc3339("2027-01-10T08:00:00+07:00").expect("time"),
        Some("bench"),
    ))
    .expect("header");
    if office == 0 {
        for a in OFFICES {
            first
                .record(
                    &serde_json::json!({"type":"agency","code":a,"name":format!("Dinas {a}"),
                    "parent":"3529","level":"opd","active":true}),
                )
                .expect("agency");
        }
    }
    let mut moved = Vec::new();
    for i in 0..n {
        let id = format!("LAP-M{office}-{i:07}");
        let day = 1 + rng.below(362) as u32;
        let answered = rng.below(10) < 7;
        let transferred = rng.below(5) == 0;
        let done = !transferred && rng.below(10) < 5;
        let status = if done { "selesai" } else { "diproses" };
        let completed =
            (done && rng.below(4) != 0).then(|| instant(day + 3 + rng.below(30) as u32, 14));
        let c = serde_json::json!({"type":"complaint","id":id,"revision":1,
            "title":"Jalan desa rusak","body":"Mohon ditindaklanjuti.","classification":"pengaduan",
            "supervisory":false,"category":"Infrastruktur","channel":"web",
            "submitted_at":instant(day, 8),"anonymous":false,"confidential":rng.below(10)==0,
            "reporter":null,"agency":agency,"status":status,"disposed_at":instant(day, 10),
            "completed_at":completed,"tags":[],"attachments":[]});
        first.record(&c).expect("complaint");
        if answered {
            let m = serde_json::json!({"type":"message","id":format!("MSG-{id}"),
                "complaint_id":id,"at":instant(day + rng.below(9) as u32, 15),
                "author":"agency","agency":agency,"text":"Sedang kami tindak lanjuti."});
            first.record(&m).expect("message");
        }
        if transferred {
            moved.push((id, day + 1 + rng.below(6) as u32));
        }
    }
    let p1 = dir.join(format!("{agency}-1.jsonl"));
    std::fs::write(&p1, first.finish().expect("trailer")).expect("write");
    let mut second = BatchWriter::new(&writer::inbound_header(
        next,
        2,
        &format!("monev-{next}-2"),
        chrono::DateTime::parse_from_rfc3339("2027-01-12T08:00:00+07:00").expect("time"),
        Some("bench"),
    ))
    .expect("header");
    for (id, day) in moved {
        let c = serde_json::json!({"type":"complaint","id":id,"revision":2,
            "title":"Jalan desa rusak","body":"Mohon ditindaklanjuti.","classification":"pengaduan",
            "supervisory":false,"category":"Infrastruktur","channel":"web",
            "submitted_at":instant(day, 8),"anonymous":false,"confidential":false,
            "reporter":null,"agency":next,"status":"terdisposisi","disposed_at":instant(day, 11),
            "tags":[],"attachments":[]});
        second.record(&c).expect("complaint");
    }
    let p2 = dir.join(format!("{next}-2-from-{agency}.jsonl"));
    std::fs::write(&p2, second.finish().expect("trailer")).expect("write");
    vec![p1, p2]
}

/// The bench cache of `n` complaints, built once.
fn cache(n: usize) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("target/bench-cache/monev-{n}"));
    let data = root.join("data");
    if root.join("ready").exists() {
        return data;
    }
    let _ = std::fs::remove_dir_all(&root);
    let files = tempfile::tempdir().expect("tempdir");
    let cfg = config();
    let mut store = Store::open(&data, cfg.desk_context(), Access::Write).expect("open");
    let start = std::time::Instant::now();
    for office in 0..OFFICES.len() {
        // The second batch of office k is office k+1's sequence 2; imported after.
        for p in write_stream(files.path(), office, n / OFFICES.len()) {
            sigap::sync::import_file(&mut store, &cfg, &p).expect("import");
        }
        store.checkpoint().expect("checkpoint");
    }
    eprintln!("built the {n}-complaint cache in {:?}", start.elapsed());
    std::fs::write(root.join("ready"), b"").expect("mark");
    data
}

fn year() -> Request {
    Request {
        period: Period::new(
            "2026-01-01".parse().expect("date"),
            "2026-12-31".parse().expect("date"),
        )
        .expect("period"),
        as_of: "2027-01-15".parse().expect("date"),
        agencies: Vec::new(),
    }
}

fn monev(c: &mut Criterion) {
    let n: usize = std::env::var("SIGAP_BENCH_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let data = cache(n);
    let cfg = config();
    let store = Store::open(&data, cfg.desk_context(), Access::Write).expect("open");
    let req = year();
    let probe = build(&store, &cfg, &req, &mut |_| true)
        .expect("build")
        .expect("finished");
    let f = &probe.figures;
    eprintln!(
        "{n} complaints: {} assignments received in 2026, {} transferred out, {} open at as_of, {} overdue clocks",
        f.total.received,
        f.total.transferred_out,
        f.total.backlog.open,
        f.overdue.len()
    );
    let mut group = c.benchmark_group("monev");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    // The parts: reading the history alone, then with the figures counted.
    group.bench_function(format!("read_history_{n}"), |b| {
        b.iter(|| store.monev_histories(|h| !h.id.is_empty()).expect("scan"))
    });
    group.bench_function(format!("figures_year_{n}"), |b| {
        b.iter(|| build(&store, &cfg, &req, &mut |_| true).expect("build"))
    });
    for (name, format) in [("json", Format::Json), ("html", Format::Html)] {
        group.bench_function(format!("report_{name}_year_{n}"), |b| {
            b.iter(|| {
                let r = build(&store, &cfg, &req, &mut |_| true)
                    .expect("build")
                    .expect("finished");
                render(&r, format, cfg.language, &cfg).expect("render")
            })
        });
    }
    group.bench_function(format!("xlsx_render_only_{n}"), |b| {
        b.iter(|| render(&probe, Format::Xlsx, cfg.language, &cfg).expect("render"))
    });
    drop(store);
    // The desk's loop: `M` to the effect handed over (the worker computes meanwhile).
    let store = Store::open(&data, cfg.desk_context(), Access::Write).expect("open");
    let (tx, rx) = std::sync::mpsc::channel();
    let mut exec = sigap::runtime::Executor::new(cfg.clone(), store, None, &tx).expect("executor");
    let today: chrono::NaiveDate = "2027-01-15".parse().expect("date");
    let now = today.and_hms_opt(9, 0, 0).expect("time").and_utc();
    let mut app =
        sigap::app::App::from_config(&cfg, sigap::app::Keymap::defaults(), now, Some(today));
    let mut press = |cmd: sigap::app::Command| {
        for e in sigap::app::update(&mut app, sigap::app::Action::Command(cmd)) {
            let _ = exec.run(e, &tx);
        }
    };
    press(sigap::app::Command::Monev);
    // Each press asks for another month: the worker of the one before stops.
    let mut back = true;
    group.bench_function(format!("pane_step_month_dispatch_{n}"), |b| {
        b.iter(|| {
            press(if back {
                sigap::app::Command::PrevView
            } else {
                sigap::app::Command::NextView
            });
            back = !back;
        })
    });
    group.finish();
    // Let the last workers see they were replaced, and drain what they sent.
    exec.wait_for_workers();
    while rx.try_recv().is_ok() {}
}

criterion_group!(benches, monev);
criterion_main!(benches);
